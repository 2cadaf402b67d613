// @ts-check
/* The catalogue's filters, pure (no DOM, no fetching): which case studies of cards.json the chosen filters
   keep, each option's count given the other filters, the address that shares a filtered view, and the filters
   an address asks for. catalogue.js draws the cards and the form; tests/js/catalogue.test.mjs runs this under
   Node over the cards.json the Python writes (lpl/render/pages.catalogue_cards), against the Python's counts. */

/** Text, or [text, language] runs where part of it is in another language than the page's ("" = the page's).
    @typedef {string | [string, string][]} Runs */
/** A case study: slug, title, card line, plain summary, its kind's label, then its values' numbers per facet.
    @typedef {[string, string, Runs, Runs, string, ...number[][]]} CardRow */
/** case-studies/cards.json: the facets in the form's order, each facet's value ids, the case studies newest first.
    @typedef {{facets: string[], values: string[][], studies: CardRow[]}} Cards */
/** A filter set in the form or the address: the facet's name and the value's id.
    @typedef {[string, string]} Choice */
/** A select's name and its options' values, as the built form has them.
    @typedef {{name: string, values: string[]}} FacetOptions */

export const PER_SCREEN = 20; // cards shown at a time
export const MAX_ADDRESS = 1000; // what the address is read up to: a link of any length costs the same
export const MAX_VALUE = 100; // filter values are short ids
const FIRST_FACET = 5; // a row's facet columns start here

/** The rows' columns and value numbers the choices want; a facet or value cards.json lacks (a page and its
    cards.json from different builds) wants what no case study has.
    @param {Cards} cards
    @param {Choice[]} chosen
    @returns {[number, number][]} */
function wanted(cards, chosen) {
  return chosen.map(([name, value]) => {
    const f = cards.facets.indexOf(name);
    return f < 0 ? [-1, -1] : [FIRST_FACET + f, cards.values[f].indexOf(value)];
  });
}

/** @param {CardRow} row
    @param {[number, number][]} filters */
function keeps(row, filters) {
  return filters.every(([column, value]) => {
    const values = /** @type {number[] | undefined} */ (row[column]);
    return value >= 0 && Array.isArray(values) && values.includes(value);
  });
}

/** The case studies every choice keeps, in cards.json's order (newest first).
    @param {Cards} cards
    @param {Choice[]} chosen */
export function matching(cards, chosen) {
  const filters = wanted(cards, chosen);
  return cards.studies.filter((row) => keeps(row, filters));
}

/** How many case studies each value of a facet would show, given the other choices: {value id: count}.
    @param {Cards} cards
    @param {Choice[]} chosen
    @param {string} facet */
export function optionCounts(cards, chosen, facet) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  const f = cards.facets.indexOf(facet);
  if (f < 0) return counts;
  const values = cards.values[f];
  for (const value of values) counts.set(value, 0);
  const filters = wanted(cards, chosen.filter(([name]) => name !== facet)); // a facet's own choice aside
  for (const row of cards.studies) {
    if (!keeps(row, filters)) continue;
    for (const v of /** @type {number[]} */ (row[FIRST_FACET + f])) {
      const value = values[v];
      if (value !== undefined) counts.set(value, (counts.get(value) || 0) + 1);
    }
  }
  return counts;
}

/** The kind's id of a case study (its card's tag is styled by it), or "" if cards.json has no kind facet.
    @param {Cards} cards
    @param {CardRow} row */
export function kindOf(cards, row) {
  const f = cards.facets.indexOf("kind");
  const numbers = f < 0 ? undefined : /** @type {number[]} */ (row[FIRST_FACET + f]);
  return (numbers && cards.values[f][numbers[0]]) || "";
}

/** The address's query for a filtered view ("?setting=primary&hallmark=…"), "" for none.
    @param {Choice[]} chosen */
export function queryOf(chosen) {
  const params = new URLSearchParams(chosen);
  const query = params.toString();
  return query ? "?" + query : "";
}

/** The choices an address asks for, read only so far, each an option the form has.
    @param {string} search  location.search
    @param {FacetOptions[]} facets
    @returns {Choice[]} */
export function chosenIn(search, facets) {
  const params = new URLSearchParams(search.slice(0, MAX_ADDRESS));
  /** @type {Choice[]} */
  const chosen = [];
  for (const { name, values } of facets) {
    const value = (params.get(name) || "").slice(0, MAX_VALUE);
    if (value && values.includes(value)) chosen.push([name, value]);
  }
  return chosen;
}
