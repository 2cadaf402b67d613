/* catalogue-filter.js over each language's cards.json as the build writes it (lpl/render/pages.catalogue_cards),
   against what the Python says the filters keep and count. */
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  MAX_ADDRESS,
  chosenIn,
  kindOf,
  matching,
  optionCounts,
  queryOf,
} from "../../plugins/lpl/overrides/assets/catalogue-filter.js";
import { NO_FIXTURES, fixture } from "./fixtures.mjs";

const skip = NO_FIXTURES;

/** @param {Map<string, number>} counts */
const plain = (counts) => Object.fromEntries(counts);

test("the counts of every option, with no filter and given each facet's first value, are the Python's", { skip }, () => {
  const cases = fixture("catalogue.json");
  assert.ok(cases.length > 5);
  for (const lang of ["en", "cy"]) {
    const cards = fixture(`cards-${lang}.json`);
    assert.ok(cards.studies.length > 10, lang);
    for (const { chosen, slugs, counts } of cases) {
      if (slugs) assert.deepEqual(matching(cards, chosen).map((row) => row[0]), slugs, `${lang} ${chosen}`);
      for (const [facet, expected] of Object.entries(counts)) {
        const found = plain(optionCounts(cards, chosen, facet));
        // the page's options are the values some case study has: those the Python counts
        for (const [value, n] of Object.entries(expected)) assert.equal(found[value], n, `${lang} ${chosen} ${facet}=${value}`);
      }
    }
  }
});

test("two filters keep what both keep; a filter's own options count as if it were not set", { skip }, () => {
  const cards = fixture("cards-en.json");
  const setting = cards.values[cards.facets.indexOf("setting")];
  const kind = cards.values[cards.facets.indexOf("kind")];
  for (const s of setting) {
    for (const k of kind) {
      const both = matching(cards, [["setting", s], ["kind", k]]).map((row) => row[0]);
      const bySetting = new Set(matching(cards, [["setting", s]]).map((row) => row[0]));
      const byKind = matching(cards, [["kind", k]]).map((row) => row[0]);
      assert.deepEqual(both, byKind.filter((slug) => bySetting.has(slug)));
      assert.equal(optionCounts(cards, [["setting", s], ["kind", k]], "kind").get(k), matching(cards, [["setting", s], ["kind", k]]).length);
    }
  }
});

test("a facet or value cards.json lacks keeps nothing and counts nothing, without an error", { skip }, () => {
  const cards = fixture("cards-cy.json");
  assert.deepEqual(matching(cards, [["setting", "no-such-setting"]]), []);
  assert.deepEqual(matching(cards, [["no-such-facet", "x"]]), []);
  assert.equal(optionCounts(cards, [], "no-such-facet").size, 0);
  assert.equal(matching(cards, []).length, cards.studies.length);
});

test("every card's kind is one of the kinds, for its tag's style", { skip }, () => {
  const cards = fixture("cards-en.json");
  const kinds = cards.values[cards.facets.indexOf("kind")];
  for (const row of cards.studies) assert.ok(kinds.includes(kindOf(cards, row)), row[0]);
  assert.equal(kindOf({ facets: [], values: [], studies: [] }, cards.studies[0]), "");
});

test("the address shares a filtered view and is read back, capped, to options the form has", () => {
  const facets = [
    { name: "setting", values: ["", "primary", "secondary"] },
    { name: "hallmark", values: ["", "collaboration"] },
  ];
  const chosen = /** @type {[string, string][]} */ ([["setting", "primary"], ["hallmark", "collaboration"]]);
  assert.equal(queryOf(chosen), "?setting=primary&hallmark=collaboration");
  assert.equal(queryOf([]), "");
  assert.equal(queryOf([["setting", "a&b=c d"]]), "?setting=a%26b%3Dc+d");
  assert.deepEqual(chosenIn(queryOf(chosen), facets), chosen);
  assert.deepEqual(chosenIn("?setting=tertiary&hallmark=", facets), []); // not options of the form
  assert.deepEqual(chosenIn("?setting=primary&setting=secondary", facets), [["setting", "primary"]]);
  const long = "?" + "x=1&".repeat(MAX_ADDRESS) + "setting=primary";
  assert.deepEqual(chosenIn(long, facets), []); // beyond what is read
  assert.deepEqual(chosenIn("?setting=" + "p".repeat(5000), facets), []);
});
