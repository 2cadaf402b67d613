// @ts-check
/* Counts in words, in the browser: lpl/model/counting.py's rule for the page's language, read from the page
   (data-count-rule on the element that counts), applied to a phrase that names both forms of its noun:
   "{n} {case study|case studies}" → "34 case studies"; in Welsh every number takes the singular,
   "{n} {dogfen|dogfennau} sy'n cyfateb" → "34 dogfen sy'n cyfateb". A pure module: the search and the
   catalogue import it; tests/test_welsh.py checks in Chromium that it and the Python agree. */

/** Which numbers take the noun's singular form: all of them (Welsh), or those listed (English: [1]).
    @typedef {{singular: "all" | number[]}} CountRule */

/** @param {number} n
    @param {string} phrase  with "{n}" for the number and "{singular|plural}" for the noun
    @param {CountRule} rule
    @returns {string} */
export function countPhrase(n, phrase, rule) {
  const singular = rule.singular === "all" || rule.singular.includes(n);
  return phrase
    .replace(/\{([^{}|]*)\|([^{}|]*)\}/g, (_, one, other) => (singular ? one : other))
    .split("{n}")
    .join(String(n));
}

/** The rule a page carries in an attribute (JSON), or English's when it has none or it is not one.
    @param {string | null} json
    @returns {CountRule} */
export function readRule(json) {
  try {
    const rule = JSON.parse(json || "null");
    if (rule && (rule.singular === "all" || (Array.isArray(rule.singular) && rule.singular.every(Number.isInteger)))) {
      return rule;
    }
  } catch {
    // not JSON: the default below
  }
  return { singular: [1] };
}
