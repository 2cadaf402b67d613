/* lpl-count.js: counts in words by lpl/model/counting.py's rule for the page's language. */
import assert from "node:assert/strict";
import { test } from "node:test";

import { countPhrase, readRule } from "../../plugins/lpl/overrides/assets/lpl-count.js";
import { NO_FIXTURES, fixture } from "./fixtures.mjs";

const WELSH = { singular: "all" };
const ENGLISH = { singular: [1] };

test("English takes the singular for one only", () => {
  assert.equal(countPhrase(1, "{n} {case study|case studies}", ENGLISH), "1 case study");
  assert.equal(countPhrase(0, "{n} {case study|case studies}", ENGLISH), "0 case studies");
  assert.equal(countPhrase(34, "{n} {case study|case studies}", ENGLISH), "34 case studies");
});

test("Welsh takes the singular after every number", () => {
  assert.equal(countPhrase(34, "{n} {dogfen|dogfennau} sy'n cyfateb", WELSH), "34 dogfen sy'n cyfateb");
  assert.equal(countPhrase(2, "{n} {astudiaeth achos|astudiaethau achos}", WELSH), "2 astudiaeth achos");
});

test("every {n} is the number; a phrase without forms is kept as it is", () => {
  assert.equal(countPhrase(3, "{n} of {n}", ENGLISH), "3 of 3");
  assert.equal(countPhrase(3, "Results: {n}", ENGLISH), "Results: 3");
  assert.equal(countPhrase(3, "{n} {a|b|c}", ENGLISH), "3 {a|b|c}"); // not two forms: left alone
});

test("a page's rule is read, or English's when it is missing or not a rule", () => {
  assert.deepEqual(readRule('{"singular":"all"}'), WELSH);
  assert.deepEqual(readRule('{"singular":[1]}'), ENGLISH);
  for (const bad of [null, "", "{", "[]", '{"singular":"some"}', '{"singular":["1"]}', "null"]) {
    assert.deepEqual(readRule(bad), ENGLISH, String(bad));
  }
});

test("the same counts as the Python, by the rule each language's pages carry", { skip: NO_FIXTURES }, () => {
  const cases = fixture("counts.json");
  assert.ok(cases.length > 200);
  for (const { rule, phrase, n, expected } of cases) {
    assert.equal(countPhrase(n, phrase, readRule(rule)), expected, `${phrase} ${n}`);
  }
});
