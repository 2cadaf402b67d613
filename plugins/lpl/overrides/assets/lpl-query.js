// @ts-check
/* The search's query and ranking, pure (no DOM, no fetching): which term chunks a query needs, which forms
   of the loaded chunks each query word matches and how closely, the pages ranked, and the text of a result's
   snippet. lpl-search.js fetches the pieces and draws the results; tests/js/query.test.mjs runs this under
   Node over an index written by lpl.search (build_index, split_index), so the format is the Python's.
   The index's pieces are described in lpl/search/shards.py. */

import { WORD, fold, forLanguage, tokens } from "./lpl-words.js";

/** @typedef {import("./lpl-words.js").LanguageRules} LanguageRules */
/** @typedef {import("./lpl-words.js").Words} Words */

/** search/lpl/manifest.json
    @typedef {object} Manifest
    @property {string} v  a digest of the whole index, added to every piece's address
    @property {LanguageRules} language
    @property {number[]} sections  how many sections each page has, in page order
    @property {string[]} chunks  the first key of each term chunk, sorted */

/** search/lpl/t/<n>.json: keys in sorted order, each with the ids of its forms; each form's postings,
    [section, weight, …] with each section as the gap from the one before.
    @typedef {{keys: [string, number[]][], forms: string[], postings: number[][]}} ChunkData */

/** search/lpl/f/<n>.json: a page's address, title and sections [anchor, heading, text].
    @typedef {{url: string, title: string, sections: [string, string, string][]}} Fragment */

/** A manifest made ready for queries.
    @typedef {object} Index
    @property {string} v
    @property {string[]} chunks
    @property {number[]} pageOf  each section's page
    @property {number[]} first  each page's first section
    @property {Words} words
    @property {boolean} prefixRules */

/** A parsed chunk: its keys (sorted), forms by key, and postings with whole section ids.
    @typedef {{keys: string[], byKey: Map<string, number[]>, forms: string[], postings: number[][]}} Chunk */

/** @typedef {{section: number, score: number}} SectionScore */
/** A page found: its matching sections best first, its best score, which query words it holds (by position)
    and the words it lacks.
    @typedef {{page: number, sections: SectionScore[], score: number, terms: Set<number>, missing: string[]}} Result */
/** @typedef {{results: Result[], forms: Set<string>}} Found */

// How closely a form matches a query word, as a factor of its weight.
export const EXACT = 1;
export const RELATED = 0.7; // another form under the same key: a mutation, an inflection
export const PREFIX = 0.8; // a completion of what was typed
export const RELATED_PREFIX = 0.5; // a completion of a related key
export const COMPLETE_WORD = 0.5; // completions of a word the site has count for this much less
export const MAX_PREFIX_KEYS = 300; // completions looked at per key
export const MAX_HIGHLIGHT = 20; // forms carried to the page a result opens
export const MAX_QUERY = 200; // what a query (typed or from ?q= / ?h=) is read up to
export const MAX_TERMS = 12;
export const PREFIX_CHUNKS = 2; // a typed prefix reads completions from at most this many chunks

/** @param {Manifest} data
    @returns {Index} */
export function prepare(data) {
  /** @type {number[]} */
  const pageOf = [];
  /** @type {number[]} */
  const first = [];
  data.sections.forEach((n, p) => {
    first.push(pageOf.length);
    for (let i = 0; i < n; i++) pageOf.push(p);
  });
  return {
    v: data.v,
    chunks: data.chunks,
    pageOf,
    first,
    words: forLanguage(data.language),
    prefixRules: data.language.prefixRules,
  };
}

/** @param {ChunkData} data
    @returns {Chunk} */
export function parseChunk(data) {
  const byKey = new Map(data.keys);
  const postings = data.postings.map((gaps) => {
    const p = gaps.slice();
    for (let i = 2; i < p.length; i += 2) p[i] += p[i - 2];
    return p;
  });
  return { keys: data.keys.map((entry) => entry[0]), byKey, forms: data.forms, postings };
}

/** The chunk a key is in: the last whose first key is ≤ the key (binary search).
    @param {Index} index
    @param {string} key */
export function chunkOf(index, key) {
  let lo = 0;
  let hi = index.chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.chunks[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** Whether a query word's key (the i-th) is also read as a prefix of longer keys.
    @param {Index} index
    @param {string} key
    @param {number} i */
function prefixed(index, key, i) {
  return key.length >= 3 && (i === 0 || index.prefixRules);
}

/** Distinct words, at most MAX_TERMS: a query (or a link's ?q=) of any length costs the same.
    @param {Index} index
    @param {string} query
    @returns {string[]} */
export function queryTerms(index, query) {
  const seen = new Set();
  return index.words.terms(query.slice(0, MAX_QUERY)).filter((t) => {
    if (seen.has(t) || seen.size >= MAX_TERMS) return false;
    seen.add(t);
    return true;
  });
}

/** The chunks a query reads: each key's own, and for a prefix the next ones its completions reach.
    @param {Index} index
    @param {string} query
    @returns {number[]} */
export function needed(index, query) {
  /** @type {Set<number>} */
  const want = new Set();
  for (const term of queryTerms(index, query)) {
    index.words.keys(term).forEach((key, i) => {
      const c = chunkOf(index, key);
      want.add(c);
      if (!prefixed(index, key, i)) return;
      for (let k = c + 1; k < index.chunks.length && k < c + PREFIX_CHUNKS && index.chunks[k].startsWith(key); k++) {
        want.add(k);
      }
    });
  }
  return Array.from(want);
}

/** The first position in sorted keys at which a key is or would be (binary search).
    @param {string[]} keys
    @param {string} key */
function firstAtLeast(keys, key) {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The forms a query word matches in the loaded chunks, with how closely: form → [factor, postings].
    @param {Index} index
    @param {string} term
    @param {Map<number, Chunk>} loaded
    @returns {Map<string, [number, number[]]>} */
export function match(index, term, loaded) {
  /** @type {Map<string, [number, number[]]>} */
  const found = new Map();
  /** @param {Chunk} part
      @param {number[]} ids
      @param {(form: string) => number} factorOf */
  function take(part, ids, factorOf) {
    for (const id of ids) {
      const form = part.forms[id];
      const f = factorOf(form);
      const had = found.get(form);
      if (!had || had[0] < f) found.set(form, [f, part.postings[id]]);
    }
  }
  index.words.keys(term).forEach((key, i) => {
    let c = chunkOf(index, key);
    let part = loaded.get(c);
    const exact = part && part.byKey.get(key);
    if (part && exact) take(part, exact, (form) => (form === term ? EXACT : RELATED));
    if (!prefixed(index, key, i)) return;
    // a word the site has is probably what the reader meant: completions of it count for less
    const complete = exact ? COMPLETE_WORD : 1;
    let n = 0;
    for (; (part = loaded.get(c)) && n < MAX_PREFIX_KEYS; c++) {
      const chunk = part;
      for (let k = firstAtLeast(chunk.keys, key); k < chunk.keys.length && n < MAX_PREFIX_KEYS; k++, n++) {
        const other = chunk.keys[k];
        if (!other.startsWith(key)) return;
        // a completion counts less the more it adds: "pen" is not much of "penderfyniadau"
        if (other !== key) {
          take(chunk, chunk.byKey.get(other) || [], (form) =>
            ((form.startsWith(term) ? PREFIX : RELATED_PREFIX) * complete * key.length) / other.length,
          );
        }
      }
    }
  });
  return found;
}

/** The pages a query finds in the loaded chunks, best first, and every form it matched (to highlight).
    Scores are BM25: the index's weights times each query word's inverse document frequency.
    @param {Index} index
    @param {string} query
    @param {Map<number, Chunk>} loaded
    @returns {Found} */
export function rank(index, query, loaded) {
  const qterms = queryTerms(index, query);
  const n = index.pageOf.length;
  /** @type {Map<number, {score: number, terms: Set<number>}>} section → its score and the query words in it */
  const bySection = new Map();
  /** @type {Set<string>} */
  const forms = new Set();
  qterms.forEach((term, t) => {
    /** @type {Map<number, number>} */
    const perSection = new Map();
    match(index, term, loaded).forEach(([factor, p], form) => {
      forms.add(form);
      for (let i = 0; i < p.length; i += 2) {
        perSection.set(p[i], (perSection.get(p[i]) || 0) + p[i + 1] * factor);
      }
    });
    const idf = Math.log(1 + (n - perSection.size + 0.5) / (perSection.size + 0.5));
    perSection.forEach((s, section) => {
      const hit = bySection.get(section) || { score: 0, terms: new Set() };
      hit.score += (s * idf) / 100;
      hit.terms.add(t);
      bySection.set(section, hit);
    });
  });
  /** @type {Map<number, Result>} */
  const pages = new Map();
  bySection.forEach(({ score, terms }, s) => {
    const p = index.pageOf[s];
    const page = pages.get(p) || { page: p, sections: [], score: 0, terms: new Set(), missing: [] };
    page.sections.push({ section: s, score });
    page.score = Math.max(page.score, score);
    terms.forEach((t) => page.terms.add(t));
    pages.set(p, page);
  });
  const results = Array.from(pages.values());
  for (const r of results) {
    r.sections.sort((a, b) => b.score - a.score);
    r.missing = qterms.filter((_, i) => !r.terms.has(i));
  }
  // pages holding every word first, then by score: a full match never drowns under partial ones
  results.sort((a, b) => b.terms.size - a.terms.size || b.score - a.score || a.page - b.page);
  return { results, forms };
}

/* --- A result's text --------------------------------------------------------------------------------- */

/** @param {string} s */
export function escapeHtml(s) {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Calls fn(start, end, form) for each word of a text whose folded form is wanted, until fn returns false.
    @param {string} text
    @param {Set<string>} forms
    @param {(start: number, end: number, form: string) => boolean | void} fn */
export function eachForm(text, forms, fn) {
  const word = new RegExp(WORD); // its own lastIndex: a caller's loop is never disturbed
  /** @type {RegExpExecArray | null} */
  let m;
  while ((m = word.exec(text))) {
    const form = fold(m[0].normalize("NFC").toLowerCase());
    if (forms.has(form) && fn(m.index, m.index + m[0].length, form) === false) return;
  }
}

/** The folded forms of a text's words, to compare with the index's forms.
    @param {string} text */
export function foldedWords(text) {
  return new Set(tokens(text).map(fold));
}

/** Up to 280 characters of a section's text around its first match, matches marked, as HTML.
    @param {string} text
    @param {Set<string>} forms */
export function snippet(text, forms) {
  /** @type {[number, number][]} */
  const marks = [];
  eachForm(text, forms, (start, end) => {
    marks.push([start, end]);
  });
  let start = 0;
  let end = Math.min(text.length, 280);
  if (marks.length && marks[0][0] > 100) {
    start = text.indexOf(" ", marks[0][0] - 80) + 1;
    end = Math.min(text.length, start + 280);
  }
  if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
  let html = start > 0 ? "… " : "";
  let at = start;
  for (const [from, to] of marks) {
    if (from < start || to > end) continue;
    html += escapeHtml(text.slice(at, from)) + "<mark>" + escapeHtml(text.slice(from, to)) + "</mark>";
    at = to;
  }
  return html + escapeHtml(text.slice(at, end)) + (end < text.length ? " …" : "");
}

/** Adds to `found` each wanted form the text holds (folded, as the index has it), up to MAX_HIGHLIGHT in all.
    @param {string} text
    @param {Set<string>} forms
    @param {string[]} found */
export function formsIn(text, forms, found) {
  eachForm(text, forms, (_start, _end, form) => {
    if (!found.includes(form)) found.push(form);
    return found.length < MAX_HIGHLIGHT;
  });
  return found;
}
