/* Search in the page's language, Welsh mutations included. No dependencies, no third parties.
   The index (search/lpl-index.json under the language's root) is written at build time by
   lpl.search and fetched only when the reader opens the search box. The word rules (Welsh
   mutations, English inflections) come with the index, so they live in one place: Python.
   The markup and keyboard behaviour are Material's, so its styles and habits carry over. */
(function () {
  "use strict";
  var root = document.querySelector("[data-lpl-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = form.elements.query;
  var output = root.querySelector("[data-lpl-search-result]");
  var meta = output.querySelector(".md-search-result__meta");
  var list = output.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var indexUrl = new URL(output.getAttribute("data-lpl-index"), location.href);
  var WORD = /[\p{L}\p{N}]+/gu;
  var EXACT = 1, PREFIX = 0.8, RELATED = 0.7, RELATED_PREFIX = 0.5, COMPLETE_WORD = 0.5, MAX_PREFIX_KEYS = 300, MAX_HIGHLIGHT = 20;
  var MAX_QUERY = 200, MAX_TERMS = 12;  // what a query (typed or from ?q= / ?h=) is read up to
  var index = null, loading = null, shown = "";

  function say(name, n) {
    var text = output.getAttribute("data-" + name) || "";
    return n === undefined ? text : text.replace("#", String(n));
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /* --- Words: the same steps as lpl/search/text.py ------------------------------------------- */

  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  function terms(text) {
    var found = [];
    (text.normalize("NFC").toLowerCase().match(WORD) || []).forEach(function (t) {
      if (!index.stop.has(t)) found.push(fold(t));
    });
    return found;
  }

  function keysOf(term) {
    var found = [term];
    index.rules.forEach(function (rule) {
      if (rule[0].test(term)) {
        var key = term.replace(rule[0], rule[1]);
        if (found.indexOf(key) < 0 && key.length >= index.minKey && !index.stop.has(key)) found.push(key);
      }
    });
    return found;
  }

  /* --- Index ------------------------------------------------------------------------------- */

  function prepare(data) {
    var byKey = new Map();
    function add(key, ids) {
      var had = byKey.get(key);
      if (had) had.push.apply(had, ids); else byKey.set(key, ids.slice());
    }
    data.forms.forEach(function (form, i) { add(form, [i]); });
    Object.keys(data.rewrites).forEach(function (key) { add(key, data.rewrites[key]); });
    return {
      pages: data.pages, sections: data.sections, forms: data.forms, postings: data.postings,
      byKey: byKey, keys: Array.from(byKey.keys()).sort(),
      rules: data.language.rules.map(function (r) { return [new RegExp(r[0]), r[1]]; }),
      prefixRules: data.language.prefixRules, minKey: data.language.minKey,
      stop: new Set(data.language.stop)
    };
  }

  function load() {
    if (!loading) {
      loading = fetch(indexUrl, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          index = prepare(data);
          output.lplWords = { terms: terms, keys: keysOf };  // for tests: the browser's side of text.py
          run();
        })
        .catch(function () { loading = null; meta.textContent = say("none"); });
    }
    return loading;
  }

  function firstAtLeast(key) {  // binary search in the sorted keys
    var lo = 0, hi = index.keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (index.keys[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Forms a query term matches, with how closely: {form id: factor}. */
  function match(term) {
    var found = new Map();
    function take(ids, factorOf) {
      ids.forEach(function (id) {
        var f = factorOf(index.forms[id]);
        if (!(found.get(id) >= f)) found.set(id, f);
      });
    }
    keysOf(term).forEach(function (key, i) {
      var exact = index.byKey.get(key);
      if (exact) take(exact, function (form) { return form === term ? EXACT : RELATED; });
      if (key.length < 3 || (i > 0 && !index.prefixRules)) return;
      // a word the site has is probably what the reader meant: completions of it count for less
      var complete = exact ? COMPLETE_WORD : 1;
      for (var k = firstAtLeast(key), n = 0; k < index.keys.length && n < MAX_PREFIX_KEYS; k++, n++) {
        var other = index.keys[k];
        if (other.lastIndexOf(key, 0) !== 0) break;
        // a completion counts less the more it adds: "pen" is not much of "penderfyniadau"
        if (other !== key) take(index.byKey.get(other), function (form) {
          return (form.lastIndexOf(term, 0) === 0 ? PREFIX : RELATED_PREFIX) * complete * key.length / other.length;
        });
      }
    });
    return found;
  }

  function search(query) {
    // Distinct words, at most MAX_TERMS: a query (or a link's ?q=) of any length costs the same.
    var seen = new Set(), qterms = terms(query.slice(0, MAX_QUERY)).filter(function (t) {
      return !seen.has(t) && seen.add(t) && seen.size <= MAX_TERMS;
    });
    var n = index.sections.length, scores = new Map(), hits = new Map(), forms = new Set();
    qterms.forEach(function (term, t) {
      var perSection = new Map();
      match(term).forEach(function (factor, id) {
        forms.add(index.forms[id]);
        var p = index.postings[id];
        for (var i = 0; i < p.length; i += 2) {
          perSection.set(p[i], (perSection.get(p[i]) || 0) + p[i + 1] * factor);
        }
      });
      var idf = Math.log(1 + (n - perSection.size + 0.5) / (perSection.size + 0.5));
      perSection.forEach(function (s, section) {
        scores.set(section, (scores.get(section) || 0) + s * idf / 100);
        if (!hits.has(section)) hits.set(section, new Set());
        hits.get(section).add(t);
      });
    });
    var pages = new Map();
    scores.forEach(function (score, s) {
      var p = index.sections[s][0];
      var page = pages.get(p) || { page: p, sections: [], score: 0, terms: new Set() };
      page.sections.push({ section: s, score: score });
      page.score = Math.max(page.score, score);
      hits.get(s).forEach(function (t) { page.terms.add(t); });
      pages.set(p, page);
    });
    var results = Array.from(pages.values());
    results.forEach(function (r) {
      r.sections.sort(function (a, b) { return b.score - a.score; });
      r.missing = qterms.filter(function (t, i) { return !r.terms.has(i); });
    });
    // pages holding every word first, then by score: a full match never drowns under partial ones
    results.sort(function (a, b) { return (b.terms.size - a.terms.size) || (b.score - a.score); });
    return { results: results, forms: forms };
  }

  /* --- Rendering: Material's result markup --------------------------------------------------- */

  // Calls fn(start, end, form) for each word of `text` whose folded form is in `forms`, until fn returns false.
  function eachForm(text, forms, fn) {
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var form = fold(m[0].normalize("NFC").toLowerCase());
      if (forms.has(form) && fn(m.index, m.index + m[0].length, form) === false) return;
    }
  }

  function snippet(text, forms) {
    var marks = [];
    eachForm(text, forms, function (start, end) { marks.push([start, end]); });
    var start = 0, end = Math.min(text.length, 280);
    if (marks.length && marks[0][0] > 100) {
      start = text.indexOf(" ", marks[0][0] - 80) + 1;
      end = Math.min(text.length, start + 280);
    }
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
    var html = start > 0 ? "… " : "", at = start;
    marks.forEach(function (r) {
      if (r[0] < start || r[1] > end) return;
      html += escapeHtml(text.slice(at, r[0])) + "<mark>" + escapeHtml(text.slice(r[0], r[1])) + "</mark>";
      at = r[1];
    });
    return html + escapeHtml(text.slice(at, end)) + (end < text.length ? " …" : "");
  }

  function formsIn(text, forms, found) {
    eachForm(text, forms, function (start, end, form) {
      if (found.indexOf(form) < 0) found.push(form);
      return found.length < MAX_HIGHLIGHT;
    });
    return found;
  }

  function article(s, score, forms, parent, teaser, missing, marked) {
    var section = index.sections[s], page = index.pages[section[0]];
    var href = new URL(page[0], indexUrl);
    href.hash = section[1];
    // ?h= carries the words as they are written on that page (mutated forms too) to highlight there
    if (marked.length) href.search = "?h=" + encodeURIComponent(marked.join(" "));
    var html = '<a href="' + escapeHtml(href.pathname + href.search + href.hash) + '" class="md-search-result__link">' +
      '<article class="md-search-result__article md-typeset" data-md-score="' + score.toFixed(2) + '">' +
      (parent ? '<div class="md-search-result__icon md-icon"></div><h1>' : "<h2>") +
      escapeHtml(section[2]) + (parent ? "</h1>" : "</h2>");
    if (teaser) html += "<p>" + snippet(section[3], forms) + "</p>";
    if (teaser && missing.length) {
      html += '<p class="md-search-result__terms">' + escapeHtml(say("missing")) + ": " +
        missing.map(function (t) { return "<del>" + escapeHtml(t) + "</del>"; }).join(" ") + "</p>";
    }
    return html + "</article></a>";
  }

  function renderPage(result, forms) {
    var top = null, rest = [], marked = [];
    result.sections.forEach(function (s) {
      if (index.sections[s.section][1] === "" && !top) top = s; else rest.push(s);
      formsIn(index.sections[s.section][2] + " " + index.sections[s.section][3], forms, marked);
    });
    // the page itself comes first, with a teaser only if its top section matched
    var html = '<li class="md-search-result__item">' +
      article(top ? top.section : firstSectionOf(result.page), top ? top.score : 0, forms, true, !!top,
        result.missing, marked);
    var best = rest.slice(0, top ? 2 : 3), more = rest.slice(best.length);
    best.forEach(function (s) { html += article(s.section, s.score, forms, false, true, [], marked); });
    if (more.length) {
      html += '<details class="md-search-result__more"><summary><div>' +
        escapeHtml(more.length === 1 ? say("more-one") : say("more-other", more.length)) + "</div></summary>";
      more.forEach(function (s) { html += article(s.section, s.score, forms, false, true, [], marked); });
      html += "</details>";
    }
    return html + "</li>";
  }

  function firstSectionOf(page) {
    for (var s = 0; s < index.sections.length; s++) if (index.sections[s][0] === page) return s;
    return 0;
  }

  function run() {
    if (!index) return;
    var query = input.value;
    if (query === shown && output.hasAttribute("data-lpl-query")) return;
    shown = query;
    var found = query.trim() ? search(query) : { results: [], forms: new Set() };
    var results = found.results;
    meta.textContent = !query.trim() ? say("placeholder")
      : results.length === 0 ? say("none")
      : results.length === 1 ? say("one") : say("other", results.length);
    list.innerHTML = results.slice(0, 50).map(function (r) { return renderPage(r, found.forms); }).join("");
    output.setAttribute("data-lpl-query", query);  // tests and benchmarks wait for this
  }

  /* --- Opening, closing, keyboard: as Material's own search -------------------------------- */

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
  toggle.addEventListener("change", function () {
    reflect();
    if (toggle.checked && document.activeElement !== input) input.focus();
    if (!toggle.checked && document.activeElement === input) input.blur();
  });
  reflect();

  input.addEventListener("focus", function () { setOpen(true); load(); });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); });
  });
  root.addEventListener("click", function (ev) {
    if (ev.target instanceof Element && ev.target.closest("a")) setOpen(false);
  });
  root.addEventListener("focusout", function (ev) {
    if (ev.relatedTarget && !root.contains(ev.relatedTarget)) setOpen(false);
  });

  function focusables() {
    return [input].concat(Array.prototype.slice.call(
      list.querySelectorAll(":not(details) > [href], summary, details[open] [href]")));
  }

  root.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey) return;
    var active = document.activeElement;
    if (ev.key === "Escape") {
      setOpen(false);
      input.blur();
    } else if (ev.key === "Enter" && active === input) {
      var best = list.querySelector("[href]");
      if (best) best.click();
      ev.preventDefault();
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      var els = focusables(), i = Math.max(0, els.indexOf(active));
      els[(i + els.length + (ev.key === "ArrowUp" ? -1 : 1)) % els.length].focus();
      ev.preventDefault();
    }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || toggle.checked) return;
    var el = document.activeElement;
    if (el && (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName))) return;
    if (ev.key === "/" || ev.key === "s" || ev.key === "f") {
      input.focus();
      input.select();
      ev.preventDefault();
    }
  });

  /* --- The page a result opened: its words marked, as Material's search.highlight does ------------ */

  function highlight(words) {
    var wanted = new Set((words.normalize("NFC").toLowerCase().match(WORD) || []).map(fold));
    var content = document.querySelector(".md-content article");
    if (!wanted.size || !content) return;
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, mark, .headerlink")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue, parts = null, at = 0;
      eachForm(text, wanted, function (start, end) {
        parts = parts || document.createDocumentFragment();
        parts.appendChild(document.createTextNode(text.slice(at, start)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = text.slice(start, end);
        parts.appendChild(mark);
        at = end;
      });
      if (!parts) return;
      parts.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(parts, node);
    });
  }

  // What the address brings is capped before it is read: a link of any length costs the same.
  var params = new URLSearchParams(location.search.slice(0, 4 * MAX_QUERY));
  if (params.get("h")) highlight(params.get("h").slice(0, MAX_QUERY));

  // A shared search: ?q=… opens the box with the query (as Material's search does).
  var q = (params.get("q") || "").slice(0, MAX_QUERY);
  if (q) {
    input.value = q;
    setOpen(true);
    load();
  }
})();
