// @ts-check
/* Catalogue filters: small, no dependencies. Without JavaScript the catalogue is pages of cards,
   newest first, with links to browse pages; with it, a "Filter" button beside the result count opens
   the (hidden) filter form under it and says how many filters are set. Filtering
   reads cards.json, a compact list of every case study (fetched when a filter is first touched, not
   with the page), and shows the matches twenty at a time, with each option's count given the other
   filters. The filter state lives in the URL (?setting=primary&hallmark=collaboration) so a
   filtered view can be shared, and the language switcher keeps it. This module is the page's part; which
   case studies a filter keeps and the counts are catalogue-filter.js, the count's words lpl-count.js (pure
   modules, tested under Node). Every page loads this module (extra_javascript); only the catalogue imports
   catalogue-filter.js, and lpl-count.js is the search's too. */

import { countPhrase, readRule } from "./lpl-count.js";

/** @typedef {import("./catalogue-filter.js").Cards} Cards */
/** @typedef {import("./catalogue-filter.js").CardRow} CardRow */
/** @typedef {import("./catalogue-filter.js").Runs} Runs */
/** @typedef {import("./catalogue-filter.js").Choice} Choice */
/** @typedef {typeof import("./catalogue-filter.js")} Filter */

/** An element of the catalogue page (catalogue.md.j2), of the type it is written as, or an error saying which.
    @template {Element} T
    @param {string} selector
    @param {{new (): T, prototype: T}} type
    @returns {T} */
function find(selector, type) {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error("catalogue: no " + selector);
  return found;
}

/** @param {string} tag
    @param {string} [className]
    @param {string} [text] */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

/** A card's text: a string, or [text, language] runs where part of it is in another language than the page's
    (a school's English name on a Welsh page), marked as the built card marks it.
    @param {HTMLElement} p
    @param {Runs} value */
function runs(p, value) {
  if (typeof value === "string") {
    p.textContent = value;
    return p;
  }
  for (const [text, lang] of value) {
    if (!lang) {
      p.append(text);
      continue;
    }
    const span = el("span", "", text);
    span.lang = lang;
    p.append(span);
  }
  return p;
}

/** A case study's card, as the built page writes it (_catalogue.md.j2).
    @param {CardRow} row
    @param {string} kind  its kind's id, which styles the tag as on the built page */
function card(row, kind) {
  const article = el("article", "lpl-card");
  const h2 = el("h2", "lpl-card__title");
  const a = /** @type {HTMLAnchorElement} */ (el("a", "", row[1]));
  a.href = encodeURIComponent(row[0]) + "/";
  h2.append(a);
  article.append(
    h2,
    runs(el("p", "lpl-card__meta"), row[2]),
    runs(el("p", ""), row[3]),
    el("p", "lpl-card__tag" + (kind ? " lpl-kind--" + kind : ""), row[4]),
  );
  return article;
}

/** @param {HTMLFormElement} form
    @param {Filter} filter */
function setUp(form, filter) {
  const { PER_SCREEN, chosenIn, kindOf, matching, optionCounts, queryOf } = filter;
  const box = find(".lpl-cards", HTMLElement);
  const count = find(".lpl-count", HTMLElement);
  const pager = document.querySelector(".lpl-pager");
  const selects = Array.from(form.querySelectorAll("select"));
  const toggle = find(".lpl-filter-toggle", HTMLButtonElement);
  const toggleCount = find(".lpl-filter-toggle .lpl-filter-set", HTMLElement);
  const switchers = Array.from(document.querySelectorAll("a.lpl-language[hreflang]"));
  // The page as built, to go back to when no filter is set: its cards (the nodes themselves), count, option labels.
  const built = {
    cards: Array.from(box.children),
    count: count.textContent || "",
    options: selects.map((s) => Array.from(s.options, (o) => o.textContent || "")),
  };
  const rule = readRule(count.getAttribute("data-count-rule"));
  /** @type {Cards | null} */
  let data = null;
  /** @type {Promise<Cards> | null} */
  let loading = null;
  /** @type {HTMLButtonElement | null} */
  let more = null;
  for (const a of switchers) a.setAttribute("data-base-href", a.getAttribute("href") || "");

  /** @returns {Promise<Cards>} */
  function load() {
    if (!loading) {
      loading = fetch(new URL(form.getAttribute("data-cards") || "", location.href), { credentials: "same-origin" })
        .then((r) => {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        })
        .then((d) => (data = d))
        .catch((e) => {
          loading = null;
          throw e;
        });
    }
    return loading;
  }

  /** @param {number} n */
  function say(n) {
    return n === 0 ? count.getAttribute("data-none") || "" : countPhrase(n, count.getAttribute("data-count") || "{n}", rule);
  }

  /** @returns {Choice[]} */
  function chosen() {
    return selects.filter((s) => s.value).map((s) => [s.name, s.value]);
  }

  /** @param {Cards} cards
      @param {CardRow[]} rows
      @param {boolean} focus  move the focus to the first new card (after "Show more") */
  function showMore(cards, rows, focus) {
    const start = box.children.length;
    const next = rows.slice(start, start + PER_SCREEN);
    box.append(...next.map((row) => card(row, kindOf(cards, row))));
    more?.remove();
    more = null;
    if (start + next.length < rows.length) {
      const button = /** @type {HTMLButtonElement} */ (el("button", "md-button lpl-more", count.getAttribute("data-more") || ""));
      button.type = "button";
      button.addEventListener("click", () => showMore(cards, rows, true));
      box.after(button);
      more = button;
    }
    if (focus && next.length) box.children[start].querySelector("a")?.focus();
  }

  function render() {
    const choices = chosen();
    more?.remove();
    more = null;
    if (!choices.length || !data) {
      // the page as built: its cards, count, option counts and page links
      box.replaceChildren(...built.cards);
      count.textContent = built.count;
      if (pager instanceof HTMLElement) pager.hidden = false;
      selects.forEach((s, i) => Array.from(s.options).forEach((o, k) => (o.textContent = built.options[i][k])));
      return;
    }
    const cards = data;
    const rows = matching(cards, choices);
    box.replaceChildren();
    if (pager instanceof HTMLElement) pager.hidden = true;
    showMore(cards, rows, false);
    count.textContent = say(rows.length);
    // each option's count: the case studies it would show, given the other filters
    for (const s of selects) {
      const counts = optionCounts(cards, choices, s.name);
      for (const o of s.options) {
        if (o.value) o.textContent = o.getAttribute("data-label") + " (" + (counts.get(o.value) || 0) + ")";
      }
    }
  }

  // The button says how many filters are set, so a closed panel still shows that the list is filtered.
  /** @param {number} n */
  function showSet(n) {
    const words = toggle.getAttribute(n === 1 ? "data-one" : "data-other") || "{n}";
    toggleCount.textContent = n ? " (" + words.replace("{n}", String(n)) + ")" : "";
  }

  function apply() {
    const choices = chosen();
    showSet(choices.length);
    const query = queryOf(choices);
    history.replaceState(null, "", location.pathname + query + location.hash);
    for (const a of switchers) a.setAttribute("href", a.getAttribute("data-base-href") + query);
    if (!choices.length || data) {
      render();
      return;
    }
    box.setAttribute("aria-busy", "true"); // until cards.json has come: screen readers (and tests) wait for the list
    load()
      .then(render, () => {
        count.textContent = built.count;
      })
      .then(() => box.removeAttribute("aria-busy"));
  }

  const facets = selects.map((s) => ({ name: s.name, values: Array.from(s.options, (o) => o.value) }));
  const fromAddress = new Map(chosenIn(location.search, facets));
  for (const s of selects) {
    const value = fromAddress.get(s.name);
    if (value) s.value = value;
    s.addEventListener("change", apply);
    s.addEventListener("focus", () => load().catch(() => {})); // ready by the time one is chosen
  }
  form.addEventListener("reset", () => setTimeout(apply, 0));
  toggle.addEventListener("click", () => {
    if (!data) load().catch(() => {});
  });
  if (toggle.getAttribute("aria-expanded") === "true") load().catch(() => {}); // opened before this module came
  // from the address, kept by the browser on going back, or chosen before this module came
  if (selects.some((s) => s.value)) apply();
}

/** The Filter button and the panel it opens, set up at once: the button is drawn from the first paint, so a tap
    must work before the filter module (catalogue-filter.js) has come on a slow connection. Filters apply as they
    change (setUp); "Show results" closes the panel and takes the reader to the count; Escape closes it.
    @param {HTMLFormElement} form */
function setUpPanel(form) {
  const toggle = find(".lpl-filter-toggle", HTMLButtonElement);
  const count = find(".lpl-count", HTMLElement);
  /** @param {boolean} yes */
  function open(yes) {
    toggle.setAttribute("aria-expanded", String(yes));
    form.hidden = !yes;
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    open(false);
    count.focus();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      open(false);
      toggle.focus();
    }
  });
  toggle.addEventListener("click", () => open(toggle.getAttribute("aria-expanded") !== "true"));
  for (const e of document.querySelectorAll(".lpl-nojs")) if (e instanceof HTMLElement) e.hidden = true;
  toggle.hidden = false;
}

const catalogue = document.querySelector("form[data-lpl-catalogue]");
if (catalogue instanceof HTMLFormElement) {
  const form = catalogue;
  setUpPanel(form);
  // A filter in the address: the list is busy until the filter's module (and then cards.json) has come, so that
  // screen readers (and tests) wait for it; setUp marks it again while cards.json is fetched.
  const cards = location.search.length > 1 ? document.querySelector(".lpl-cards") : null;
  cards?.setAttribute("aria-busy", "true");
  import("./catalogue-filter.js")
    .then((filter) => {
      cards?.removeAttribute("aria-busy");
      setUp(form, filter);
    })
    .catch(() => cards?.removeAttribute("aria-busy")); // the page as built: its cards and pages still work
}
