// @ts-check
/* Search in the page's language, Welsh mutations included. No dependencies, no third parties.
   The index is written at build time by lpl.search in pieces (lpl/search/shards.py): when the reader
   opens the search box this fetches the language's small manifest (search/lpl/manifest.json); a
   query then fetches only the term chunks holding its words' keys, and the results shown fetch their
   pages' fragments. The word rules (Welsh mutations, English inflections) come with the manifest, so
   they live in one place: Python. This module is the page's part (fetching, drawing, keyboard); what a
   query finds and how it ranks is lpl-query.js, the words lpl-words.js, the count lpl-count.js (pure
   modules, tested under Node). The markup and keyboard behaviour are Material's, so its styles and
   habits carry over. */

import { countPhrase, readRule } from "./lpl-count.js";
import {
  MAX_QUERY,
  eachForm,
  escapeHtml,
  foldedWords,
  formsIn,
  needed,
  parseChunk,
  prepare,
  rank,
  snippet,
} from "./lpl-query.js";

/** @typedef {import("./lpl-query.js").Index} Index */
/** @typedef {import("./lpl-query.js").Chunk} Chunk */
/** @typedef {import("./lpl-query.js").Fragment} Fragment */
/** @typedef {import("./lpl-query.js").Found} Found */
/** @typedef {import("./lpl-query.js").Result} Result */
/** The query on screen: the index it was run on, what it found, and how many results are drawn.
    @typedef {{index: Index, query: string, results: Result[], forms: Set<string>, rendered: number}} Shown */

const PER_SCREEN = 10; // results rendered (and fragments fetched) at a time
const WAIT = 120; // ms of quiet typing before fetching what a query needs

/** The element a selector finds, of the type the markup promises (lpl-search.html), or an error saying which.
    @template {Element} T
    @param {ParentNode} root
    @param {string} selector
    @param {{new (): T, prototype: T}} type
    @returns {T} */
function find(root, selector, type) {
  const el = root.querySelector(selector);
  if (!(el instanceof type)) throw new Error("lpl-search: no " + selector);
  return el;
}

/** @param {HTMLElement} root  the search box's [data-lpl-search] */
function setUp(root) {
  const form = find(root, "form", HTMLFormElement);
  const input = find(form, "input[name=query]", HTMLInputElement);
  const output = find(root, "[data-lpl-search-result]", HTMLElement);
  const meta = find(output, ".md-search-result__meta", HTMLElement);
  const list = find(output, ".md-search-result__list", HTMLElement);
  const toggle = find(document, "#__search", HTMLInputElement);
  const manifestUrl = new URL(output.getAttribute("data-lpl-index") || "", location.href);
  /** @type {Index | null} */
  let index = null;
  /** @type {Promise<void> | null} */
  let loading = null;
  let shown = "";
  let timer = 0;
  /** @type {Map<number, Promise<Chunk>>} */
  const chunks = new Map();
  /** @type {Map<number, Promise<Fragment>>} */
  const fragments = new Map();

  /** A message the page carries, "#" replaced by a number if one is given.
      @param {string} name
      @param {number} [n] */
  function say(name, n) {
    const text = output.getAttribute("data-" + name) || "";
    return n === undefined ? text : text.replace("#", String(n));
  }

  /* --- The index, piece by piece ------------------------------------------------------------- */

  /** @param {string} path
      @returns {Promise<any>} */
  function fetchJson(path) {
    const url = new URL(path, manifestUrl);
    if (index) url.search = "?v=" + index.v; // a new build is never mixed with cached pieces
    return fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
  }

  function load() {
    if (!loading) {
      loading = fetchJson("manifest.json")
        .then((data) => {
          index = prepare(data);
          run();
        })
        .catch(() => {
          loading = null;
          meta.textContent = say("none");
        });
    }
    return loading;
  }

  /** @param {number} n */
  function chunk(n) {
    let piece = chunks.get(n);
    if (!piece) {
      piece = fetchJson("t/" + n + ".json").then(parseChunk, (e) => {
        chunks.delete(n);
        throw e;
      });
      chunks.set(n, piece);
    }
    return piece;
  }

  /** @param {number} page */
  function fragment(page) {
    let piece = fragments.get(page);
    if (!piece) {
      piece = fetchJson("f/" + page + ".json").catch((e) => {
        fragments.delete(page);
        throw e;
      });
      fragments.set(page, piece);
    }
    return piece;
  }

  /* --- Rendering: Material's result markup --------------------------------------------------- */

  /** One section of a result as Material's article.
      @param {Shown} state
      @param {Fragment} frag  its page's fragment
      @param {number} page
      @param {number} s  the section
      @param {number} score
      @param {boolean} parent  the page itself (its title as the heading)
      @param {boolean} teaser  with a snippet
      @param {string[]} missing  query words the page lacks
      @param {string[]} marked  forms to highlight on the page the link opens */
  function article(state, frag, page, s, score, parent, teaser, missing, marked) {
    const section = frag.sections[s - state.index.first[page]] || ["", frag.title, ""];
    const href = new URL(frag.url, manifestUrl);
    href.hash = section[0];
    // ?h= carries the words as they are written on that page (mutated forms too) to highlight there
    if (marked.length) href.search = "?h=" + encodeURIComponent(marked.join(" "));
    let html =
      '<a href="' +
      escapeHtml(href.pathname + href.search + href.hash) +
      '" class="md-search-result__link">' +
      '<article class="md-search-result__article md-typeset" data-md-score="' +
      score.toFixed(2) +
      '">' +
      (parent ? '<div class="md-search-result__icon md-icon"></div><h1>' : "<h2>") +
      escapeHtml(section[1]) +
      (parent ? "</h1>" : "</h2>");
    if (teaser) html += "<p>" + snippet(section[2], state.forms) + "</p>";
    if (teaser && missing.length) {
      html +=
        '<p class="md-search-result__terms">' +
        escapeHtml(say("missing")) +
        ": " +
        missing.map((t) => "<del>" + escapeHtml(t) + "</del>").join(" ") +
        "</p>";
    }
    return html + "</article></a>";
  }

  /** One result: its page, its best sections, the others folded under "more".
      @param {Shown} state
      @param {Result} result
      @param {Fragment} frag */
  function renderPage(state, result, frag) {
    const first = state.index.first[result.page];
    /** @type {import("./lpl-query.js").SectionScore | null} */
    let top = null;
    /** @type {import("./lpl-query.js").SectionScore[]} */
    const rest = [];
    /** @type {string[]} */
    const marked = [];
    for (const s of result.sections) {
      const section = frag.sections[s.section - first] || ["", "", ""];
      if (s.section === first && !top) top = s;
      else rest.push(s);
      formsIn(section[1] + " " + section[2], state.forms, marked);
    }
    const page = result.page;
    // the page itself comes first, with a teaser only if its top section matched
    let html =
      '<li class="md-search-result__item">' +
      article(state, frag, page, top ? top.section : first, top ? top.score : 0, true, !!top, result.missing, marked);
    const best = rest.slice(0, top ? 2 : 3);
    const more = rest.slice(best.length);
    for (const s of best) html += article(state, frag, page, s.section, s.score, false, true, [], marked);
    if (more.length) {
      html +=
        '<details class="md-search-result__more"><summary><div>' +
        escapeHtml(more.length === 1 ? say("more-one") : say("more-other", more.length)) +
        "</div></summary>";
      for (const s of more) html += article(state, frag, page, s.section, s.score, false, true, [], marked);
      html += "</details>";
    }
    return html + "</li>";
  }

  /** @type {Shown | null} */
  let current = null;

  /** Renders the next screenful of results once their pages' fragments have come.
      @param {Shown} state */
  function renderMore(state) {
    const next = state.results.slice(state.rendered, state.rendered + PER_SCREEN);
    const fresh = !state.rendered;
    state.rendered += next.length;
    return Promise.all(next.map((r) => fragment(r.page))).then((frags) => {
      if (current !== state) return;
      const html = next.map((r, i) => renderPage(state, r, frags[i])).join("");
      // Every text in it has passed escapeHtml (article, snippet): the index's titles and texts are the site's
      // own, but written by others.
      // eslint-disable-next-line no-restricted-properties
      if (fresh) list.innerHTML = html;
      // eslint-disable-next-line no-restricted-properties
      else list.insertAdjacentHTML("beforeend", html);
      watchEnd(state);
    });
  }

  // More results when the last one scrolls into view (by mouse, touch or the arrow keys).
  const watcher =
    "IntersectionObserver" in window
      ? new IntersectionObserver((entries) => {
          if (current && current.rendered < current.results.length && entries.some((e) => e.isIntersecting)) {
            watcher?.disconnect();
            renderMore(current);
          }
        })
      : null;

  /** @param {Shown} state */
  function watchEnd(state) {
    if (watcher && state.rendered < state.results.length && list.lastElementChild) {
      watcher.observe(list.lastElementChild);
    }
  }

  /** @param {Index} searched
      @param {string} query
      @param {Found} found */
  function show(searched, query, found) {
    const results = found.results;
    /** @type {Shown} */
    const state = { index: searched, query, results, forms: found.forms, rendered: 0 };
    current = state;
    if (watcher) watcher.disconnect();
    return renderMore(state).then(() => {
      if (current !== state) return;
      meta.textContent = !query.trim()
        ? say("placeholder")
        : results.length === 0
          ? say("none")
          : countPhrase(results.length, say("count") || "{n}", readRule(say("count-rule")));
      output.setAttribute("data-lpl-query", query); // tests and benchmarks wait for this
    });
  }

  function run() {
    const prepared = index;
    if (!prepared) return;
    const query = input.value;
    if (query === shown && output.hasAttribute("data-lpl-query")) return;
    clearTimeout(timer);
    const want = query.trim() ? needed(prepared, query) : [];
    const cached = want.every((c) => chunks.has(c));
    // what is cached answers at once; what must be fetched waits for a pause in the typing
    timer = window.setTimeout(
      () => {
        if (input.value !== query) return;
        shown = query;
        Promise.all(want.map((c) => chunk(c).then((part) => /** @type {[number, Chunk]} */ ([c, part]))))
          .then((parts) => {
            if (input.value !== query) return;
            const found = query.trim() ? rank(prepared, query, new Map(parts)) : { results: [], forms: new Set() };
            return show(prepared, query, found);
          })
          .catch(() => {
            shown = "";
            meta.textContent = say("none");
          });
      },
      cached ? 0 : WAIT,
    );
  }

  /* --- Opening, closing, keyboard: as Material's own search -------------------------------- */

  /** @param {boolean} open */
  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
  }

  function reflect() {
    list.setAttribute("role", toggle.checked ? "list" : "presentation");
    list.hidden = !toggle.checked;
    if (toggle.checked) load();
  }

  // Opening by the header's magnifier (phones) checks the toggle: focus the box right away, in the
  // same user gesture, so that phones bring up their keyboard.
  toggle.addEventListener("change", () => {
    reflect();
    if (toggle.checked && document.activeElement !== input) input.focus();
    if (!toggle.checked && document.activeElement === input) input.blur();
  });
  reflect();

  input.addEventListener("focus", () => {
    setOpen(true);
    load();
  });
  input.addEventListener("input", run);
  // The submit button, like Enter, opens the best result.
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const best = list.querySelector("[href]");
    if (best instanceof HTMLElement) best.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      run();
      input.focus();
    });
  });
  root.addEventListener("click", (ev) => {
    if (ev.target instanceof Element && ev.target.closest("a")) setOpen(false);
  });
  root.addEventListener("focusout", (ev) => {
    if (ev.relatedTarget instanceof Node && !root.contains(ev.relatedTarget)) setOpen(false);
  });

  /** The search box and every result link (those in a closed "more" only when it is open). */
  function focusables() {
    return [
      input,
      ...list.querySelectorAll(":not(details) > [href], summary, details[open] [href]"),
    ].filter((el) => el instanceof HTMLElement);
  }

  root.addEventListener("keydown", (ev) => {
    if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
    const active = document.activeElement;
    if (ev.key === "Escape") {
      setOpen(false);
      input.blur();
    } else if (ev.key === "Enter" && active === input) {
      const best = list.querySelector("[href]");
      if (best instanceof HTMLElement) best.click();
      ev.preventDefault();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      const els = focusables();
      const i = Math.max(0, els.indexOf(/** @type {HTMLElement} */ (active)));
      els[(i + els.length + (ev.key === "ArrowUp" ? -1 : 1)) % els.length].focus();
      ev.preventDefault();
    }
  });

  document.addEventListener("keydown", (ev) => {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || toggle.checked) return;
    const el = document.activeElement;
    if (el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName))) return;
    if (ev.key === "/" || ev.key === "s" || ev.key === "f") {
      setOpen(true); // first: on a phone the closed box cannot take focus (lpl.css)
      input.focus();
      input.select();
      ev.preventDefault();
    }
  });

  // What the address brings is capped before it is read: a link of any length costs the same.
  const params = new URLSearchParams(location.search.slice(0, 4 * MAX_QUERY));
  const words = params.get("h");
  if (words) highlight(words.slice(0, MAX_QUERY));

  // A shared search: ?q=… opens the box with the query (as Material's search does).
  const q = (params.get("q") || "").slice(0, MAX_QUERY);
  if (q) {
    input.value = q;
    setOpen(true);
    load();
  }
}

/* --- The page a result opened: its words marked, as Material's search.highlight does ------------ */

/** @param {string} words  from the address's ?h= */
function highlight(words) {
  const wanted = foldedWords(words);
  const content = document.querySelector(".md-content article");
  if (!wanted.size || !content) return;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("script, style, mark, .headerlink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  /** @type {Text[]} */
  const nodes = [];
  while (walker.nextNode()) nodes.push(/** @type {Text} */ (walker.currentNode));
  for (const node of nodes) {
    const text = node.data;
    /** @type {DocumentFragment | null} */
    let parts = null;
    let at = 0;
    eachForm(text, wanted, (start, end) => {
      parts = parts || document.createDocumentFragment();
      parts.append(text.slice(at, start));
      const mark = document.createElement("mark");
      mark.setAttribute("data-md-highlight", "");
      mark.textContent = text.slice(start, end);
      parts.append(mark);
      at = end;
    });
    if (!parts) continue;
    /** @type {DocumentFragment} */ (parts).append(text.slice(at));
    node.replaceWith(parts);
  }
}

const box = document.querySelector("[data-lpl-search]");
if (box instanceof HTMLElement) setUp(box);
