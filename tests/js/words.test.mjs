/* lpl-words.js: the words and keys of lpl/search/text.py. */
import assert from "node:assert/strict";
import { test } from "node:test";

import { fold, forLanguage, tokens } from "../../plugins/lpl/overrides/assets/lpl-words.js";
import { NO_FIXTURES, fixture } from "./fixtures.mjs";

test("a word is letters and digits, lower-cased; diacritics fold away", () => {
  assert.deepEqual(tokens("Dysgu'r TÎM, 2026!"), ["dysgu", "r", "tîm", "2026"]);
  assert.deepEqual(tokens("...  "), []);
  assert.equal(fold("tîm"), "tim");
  assert.equal(fold("Ŵyr"), "Wyr");
  assert.equal(fold("cafe\u0301"), "cafe"); // a combining accent, as typed on some phones
});

test("stop words go before folding; keys are the term, then each distinct rewrite", () => {
  const words = forLanguage({
    lang: "cy",
    rules: [
      ["^ngh", "c"],
      ["^g", ""],
      ["^g", ""], // the same key twice is one key
      ["^([bd])d", "$1"],
    ],
    stop: ["yn", "y"],
    prefixRules: true,
    minKey: 1,
  });
  assert.deepEqual(words.terms("Mae'r cynllun yn Y Nghynllun ŷ"), ["mae", "r", "cynllun", "nghynllun", "y"]);
  assert.deepEqual(words.keys("nghynllun"), ["nghynllun", "cynllun"]);
  assert.deepEqual(words.keys("gwaith"), ["gwaith", "waith"]);
  assert.deepEqual(words.keys("ddysgu"), ["ddysgu", "dysgu"]); // a replacement's $1 is the group
  assert.deepEqual(words.keys("gyn"), ["gyn"]); // a rewrite that is a stop word is no key
});

test("a rewrite shorter than the language's shortest key is none", () => {
  const words = forLanguage({ lang: "en", rules: [["s$", ""]], stop: [], prefixRules: false, minKey: 3 });
  assert.deepEqual(words.keys("chairs"), ["chairs", "chair"]);
  assert.deepEqual(words.keys("its"), ["its"]);
});

test("the same words and keys as the Python, by each language's own rules", { skip: NO_FIXTURES }, () => {
  for (const [lang, { language, cases }] of Object.entries(fixture("words.json"))) {
    const words = forLanguage(language);
    assert.ok(cases.length > 10, lang);
    for (const [text, terms, keys] of cases) {
      assert.deepEqual(words.terms(text), terms, `${lang}: ${text}`);
      assert.deepEqual(
        terms.map((t) => words.keys(t)),
        keys,
        `${lang}: ${text}`,
      );
    }
  }
});
