/* lpl-query.js over a real index in pieces, written by lpl.search (build_index, split_index) from the pages in
   tests/test_javascript.py: which chunks a query reads, what it matches, how pages rank, the snippet's text. */
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  MAX_HIGHLIGHT,
  MAX_QUERY,
  MAX_TERMS,
  chunkOf,
  escapeHtml,
  formsIn,
  needed,
  parseChunk,
  prepare,
  queryTerms,
  rank,
  snippet,
} from "../../plugins/lpl/overrides/assets/lpl-query.js";
import { NO_FIXTURES, fixture } from "./fixtures.mjs";

/** A language's index as the browser reads it, from the files the Python wrote.
    @param {string} lang */
function open(lang) {
  const manifest = fixture("search", lang, "manifest.json");
  const index = prepare(manifest);
  const pages = manifest.sections.map((_, p) => fixture("search", lang, "f", `${p}.json`));
  /** @param {number[]} numbers */
  const load = (numbers) => new Map(numbers.map((c) => [c, parseChunk(fixture("search", lang, "t", `${c}.json`))]));
  /** The pages a query finds (their addresses, best first), reading only the chunks it needs, as the page does.
      @param {string} query */
  const find = (query) => {
    const found = rank(index, query, load(needed(index, query)));
    return { ...found, urls: found.results.map((r) => pages[r.page].url) };
  };
  return { manifest, index, pages, load, find };
}

const skip = NO_FIXTURES;

test("a mutated Welsh word finds its radical and its other mutations, the typed form first", { skip }, () => {
  const cy = open("cy");
  const gymraeg = cy.find("Gymraeg");
  assert.deepEqual(gymraeg.urls, ["../y-gymraeg/", "../dysgu-cymraeg/"]);
  assert.ok(gymraeg.forms.has("gymraeg") && gymraeg.forms.has("cymraeg"));
  assert.deepEqual(cy.find("Nghymraeg").urls.sort(), ["../dysgu-cymraeg/", "../y-gymraeg/"]);
  assert.deepEqual(cy.find("nghynllun").urls.sort(), ["../dysgu-cymraeg/", "../y-gymraeg/"]);
  assert.deepEqual(cy.find("cyllid").urls, ["../arwain/"]); // "gyllid" on the page
});

test("pages holding every word come first; the others say which words they lack", { skip }, () => {
  const { results, urls } = open("cy").find("pennaeth cyllid");
  assert.deepEqual(urls, ["../arwain/", "../pennaeth/", "../penaethiaid/"]);
  assert.ok(results[1].score > results[0].score, "a page with one word many times outscores, yet comes second");
  assert.deepEqual(results[0].missing, []);
  assert.deepEqual(results[1].missing, ["cyllid"]);
});

test("diacritics are optional; a typed prefix finds the words it begins", { skip }, () => {
  const cy = open("cy");
  assert.deepEqual(cy.find("tim").urls.sort(), ["../arwain/", "../penaethiaid/"]);
  assert.deepEqual(cy.find("penderf").urls, ["../arwain/"]);
  assert.deepEqual(cy.find("benderf").urls, ["../arwain/"]); // a mutated prefix too: Welsh rules rewrite starts
  const en = open("en");
  assert.deepEqual(en.find("plann").urls.sort(), ["../chairs/", "../governors/"]);
  assert.deepEqual(en.find("xyzzy").urls, []);
  assert.deepEqual(en.find("the and of").urls, []); // stop words only
});

test("English inflections meet at their stem, the form typed first", { skip }, () => {
  const { urls, forms } = open("en").find("chairs");
  assert.deepEqual(urls, ["../chairs/", "../governors/"]);
  assert.ok(forms.has("chair") && forms.has("chaired"));
});

test("the chunks a query needs hold every page with the words it typed", { skip }, () => {
  for (const lang of ["cy", "en"]) {
    const { index, pages, find, load } = open(lang);
    assert.ok(index.chunks.length > 10, "small chunks, so that queries read a few of many");
    const all = load(index.chunks.map((_, c) => c));
    const forms = new Set([...all.values()].flatMap((chunk) => chunk.forms));
    for (const form of forms) {
      const holding = pages.filter((page) => page.sections.some((s) => index.words.terms(s[1] + " " + s[2]).includes(form)));
      const urls = find(form).urls;
      for (const page of holding) assert.ok(urls.includes(page.url), `${lang} ${form}: ${page.url}`);
      for (const key of index.words.keys(form)) assert.ok(needed(index, form).includes(chunkOf(index, key)), key);
    }
  }
});

test("a query of any length costs the same: at most MAX_TERMS distinct words from MAX_QUERY characters", { skip }, () => {
  const { index } = open("en");
  const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
  assert.deepEqual(queryTerms(index, words.join(" ")), words.slice(0, MAX_TERMS));
  assert.deepEqual(queryTerms(index, "chair chair chairs chair"), ["chair", "chairs"]);
  const long = "plan ".repeat(10000) + "governors";
  assert.deepEqual(queryTerms(index, long), ["plan"]);
  assert.ok(long.slice(0, MAX_QUERY).trim().split(" ").length === MAX_QUERY / 5);
  assert.ok(needed(index, long).length <= 2);
});

test("a key before the first chunk is in the first; after the last, in the last", { skip }, () => {
  const { index } = open("cy");
  assert.equal(chunkOf(index, ""), 0);
  assert.equal(chunkOf(index, index.chunks[0]), 0);
  assert.equal(chunkOf(index, "\uffff"), index.chunks.length - 1);
  assert.equal(chunkOf(index, index.chunks[3]), 3);
});

test("a snippet is the text escaped, its matches marked, cut around the first", { skip }, () => {
  const { pages } = open("cy");
  const text = pages[2].sections[0][2];
  assert.ok(text.includes("<img src=x onerror=alert(1)>")); // as the page shows it: text, not markup
  const html = snippet(text, new Set(["gyllid", "tim"]));
  assert.ok(html.includes("<mark>gyllid</mark>") && html.includes("<mark>tîm</mark>"), html);
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;mwy&quot;"), html);
  assert.ok(!/<(?!\/?mark>)/.test(html), html);
  const long = "gair ".repeat(60) + "pennaeth " + "arall ".repeat(100);
  const cut = snippet(long, new Set(["pennaeth"]));
  assert.ok(cut.startsWith("… ") && cut.endsWith(" …") && cut.includes("<mark>pennaeth</mark>"), cut);
  assert.ok(cut.length < 320, String(cut.length));
});

test("markup's characters are escaped, and no more", () => {
  assert.equal(escapeHtml(`<a href="x">&amp;</a> 'ok'`), "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt; 'ok'");
});

test("the forms carried to the page a result opens are capped", () => {
  const forms = new Set(Array.from({ length: 50 }, (_, i) => `w${i}`));
  const found = formsIn([...forms].join(" ") + " w1 W2", forms, []);
  assert.equal(found.length, MAX_HIGHLIGHT);
  assert.deepEqual(formsIn("Tîm a TIM", new Set(["tim"]), []), ["tim"]);
});
