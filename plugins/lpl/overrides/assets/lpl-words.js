// @ts-check
/* The word steps of lpl/search/text.py, in the browser: split into words, drop the language's stop words,
   fold diacritics, and give a word's keys by the rewrite rules its index ships (Welsh mutations, English
   inflections), so the rules live in one place: Python. A pure module (no DOM): lpl-search.js and
   lpl-query.js import it; tests/search checks in Chromium that it and the Python give the same words and keys,
   tests/js/words.test.mjs checks it under Node. */

/** A language's word rules as the index's manifest ships them (lpl.search.text.Language.to_json).
    @typedef {object} LanguageRules
    @property {string} lang
    @property {[string, string][]} rules  (pattern, replacement): a form → a candidate key, in order
    @property {string[]} stop  stop words, never searched for
    @property {boolean} prefixRules  the rules rewrite a word's start, so they apply to a typed prefix too
    @property {number} minKey  shorter rewrites are not keys */

/** @typedef {object} Words
    @property {Set<string>} stop
    @property {(text: string) => string[]} terms  the searchable words of a text, folded, stop words gone
    @property {(term: string) => string[]} keys  a term itself, then each distinct rewrite by one rule */

/** A word: letters and digits (Python's [^\W_]+). Global: callers using exec() reset lastIndex first. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** The lower-cased words of a text, diacritics kept.
    @param {string} text
    @returns {string[]} */
export function tokens(text) {
  return text.normalize("NFC").toLowerCase().match(WORD) || [];
}

/** Drop diacritics: "tîm" → "tim", "ŵyr" → "wyr" (readers often type without them).
    @param {string} word
    @returns {string} */
export function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** @param {LanguageRules} language
    @returns {Words} */
export function forLanguage(language) {
  /** @type {[RegExp, string][]} */
  const rules = language.rules.map(([pattern, replacement]) => [new RegExp(pattern), replacement]);
  const stop = new Set(language.stop);
  const minKey = language.minKey;
  return {
    stop,
    terms: (text) => tokens(text).filter((t) => !stop.has(t)).map(fold),
    keys(term) {
      const found = [term];
      for (const [pattern, replacement] of rules) {
        if (!pattern.test(term)) continue;
        const key = term.replace(pattern, replacement);
        if (!found.includes(key) && key.length >= minKey && !stop.has(key)) found.push(key);
      }
      return found;
    },
  };
}
