/* Search in the page's language, Welsh mutations included. No dependencies, no third parties.
   The index is written at build time by lpl.search in pieces (lpl/search/shards.py): when the reader
   opens the search box this fetches the language's small manifest (search/lpl/manifest.json); a
   query then fetches only the term chunks holding its words' keys, and the results shown fetch their
   pages' fragments. The word rules (Welsh mutations, English inflections) come with the manifest, so
   they live in one place: Python. The markup and keyboard behaviour are Material's, so its styles
   and habits carry over. */
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
  var manifestUrl = new URL(output.getAttribute("data-lpl-index"), location.href);
  var WORD = window.lplWords.WORD;
  var EXACT = 1, PREFIX = 0.8, RELATED = 0.7, RELATED_PREFIX = 0.5, COMPLETE_WORD = 0.5, MAX_PREFIX_KEYS = 300, MAX_HIGHLIGHT = 20;
  var MAX_QUERY = 200, MAX_TERMS = 12;  // what a query (typed or from ?q= / ?h=) is read up to
  var PREFIX_CHUNKS = 2;  // a typed prefix reads completions from at most this many chunks
  var PER_SCREEN = 10;    // results rendered (and fragments fetched) at a time
  var WAIT = 120;         // ms of quiet typing before fetching what a query needs
  var index = null, loading = null, shown = "", timer = 0;
  var chunks = new Map(), fragments = new Map();  // number → Promise of the parsed piece

  function say(name, n) {
    var text = output.getAttribute("data-" + name) || "";
    return n === undefined ? text : text.replace("#", String(n));
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  /* --- Words: lpl-words.js, the same steps as lpl/search/text.py --------------------------- */

  var fold = window.lplWords.fold;
  function terms(text) { return index.words.terms(text); }
  function keysOf(term) { return index.words.keys(term); }

  /* --- The index, piece by piece ------------------------------------------------------------- */

  function fetchJson(path) {
    var url = new URL(path, manifestUrl);
    if (index) url.search = "?v=" + index.v;  // a new build is never mixed with cached pieces
    return fetch(url, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }

  function prepare(data) {
    var pageOf = [], first = [];
    data.sections.forEach(function (n, p) {
      first.push(pageOf.length);
      for (var i = 0; i < n; i++) pageOf.push(p);
    });
    return {
      v: data.v, chunks: data.chunks, pageOf: pageOf, first: first,
      words: window.lplWords.forLanguage(data.language),
      prefixRules: data.language.prefixRules, minKey: data.language.minKey
    };
  }

  function load() {
    if (!loading) {
      loading = fetchJson("manifest.json")
        .then(function (data) {
          index = prepare(data);
          run();
        })
        .catch(function () { loading = null; meta.textContent = say("none"); });
    }
    return loading;
  }

  function parseChunk(data) {
    var byKey = new Map();
    data.keys.forEach(function (entry) { byKey.set(entry[0], entry[1]); });
    data.postings.forEach(function (p) {  // section ids are stored as gaps
      for (var i = 2; i < p.length; i += 2) p[i] += p[i - 2];
    });
    return { keys: data.keys.map(function (e) { return e[0]; }), byKey: byKey, forms: data.forms, postings: data.postings };
  }

  function chunk(n) {
    if (!chunks.has(n)) {
      chunks.set(n, fetchJson("t/" + n + ".json").then(parseChunk, function (e) { chunks.delete(n); throw e; }));
    }
    return chunks.get(n);
  }

  function fragment(page) {
    if (!fragments.has(page)) {
      fragments.set(page, fetchJson("f/" + page + ".json").catch(function (e) { fragments.delete(page); throw e; }));
    }
    return fragments.get(page);
  }

  function chunkOf(key) {  // the last chunk whose first key is ≤ key (binary search)
    var lo = 0, hi = index.chunks.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (index.chunks[mid] <= key) lo = mid + 1; else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  function prefixed(key, i) {
    return key.length >= 3 && (i === 0 || index.prefixRules);
  }

  // Distinct words, at most MAX_TERMS: a query (or a link's ?q=) of any length costs the same.
  function queryTerms(query) {
    var seen = new Set();
    return terms(query.slice(0, MAX_QUERY)).filter(function (t) {
      return !seen.has(t) && seen.add(t) && seen.size <= MAX_TERMS;
    });
  }

  /* The chunks a query reads: each key's own, and for a prefix the next ones its completions reach. */
  function needed(query) {
    var want = new Set();
    queryTerms(query).forEach(function (term) {
      keysOf(term).forEach(function (key, i) {
        var c = chunkOf(key);
        want.add(c);
        if (!prefixed(key, i)) return;
        for (var k = c + 1; k < index.chunks.length && k < c + PREFIX_CHUNKS && index.chunks[k].lastIndexOf(key, 0) === 0; k++) {
          want.add(k);
        }
      });
    });
    return Array.from(want);
  }

  function firstAtLeast(keys, key) {  // binary search in a chunk's sorted keys
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Forms a query term matches, with how closely, from the loaded chunks: {form: [factor, postings]}. */
  function match(term, loaded) {
    var found = new Map();
    function take(part, ids, factorOf) {
      ids.forEach(function (id) {
        var form = part.forms[id], f = factorOf(form), had = found.get(form);
        if (!had || had[0] < f) found.set(form, [f, part.postings[id]]);
      });
    }
    keysOf(term).forEach(function (key, i) {
      var c = chunkOf(key), part = loaded.get(c);
      var exact = part && part.byKey.get(key);
      if (exact) take(part, exact, function (form) { return form === term ? EXACT : RELATED; });
      if (!prefixed(key, i)) return;
      // a word the site has is probably what the reader meant: completions of it count for less
      var complete = exact ? COMPLETE_WORD : 1, n = 0;
      for (; loaded.has(c) && n < MAX_PREFIX_KEYS; c++) {
        part = loaded.get(c);
        for (var k = firstAtLeast(part.keys, key); k < part.keys.length && n < MAX_PREFIX_KEYS; k++, n++) {
          var other = part.keys[k];
          if (other.lastIndexOf(key, 0) !== 0) return;
          // a completion counts less the more it adds: "pen" is not much of "penderfyniadau"
          if (other !== key) take(part, part.byKey.get(other), function (form) {
            return (form.lastIndexOf(term, 0) === 0 ? PREFIX : RELATED_PREFIX) * complete * key.length / other.length;
          });
        }
      }
    });
    return found;
  }

  function search(query, loaded) {
    var qterms = queryTerms(query);
    var n = index.pageOf.length, scores = new Map(), hits = new Map(), forms = new Set();
    qterms.forEach(function (term, t) {
      var perSection = new Map();
      match(term, loaded).forEach(function (hit, form) {
        var factor = hit[0], p = hit[1];
        forms.add(form);
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
      var p = index.pageOf[s];
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
    results.sort(function (a, b) { return (b.terms.size - a.terms.size) || (b.score - a.score) || (a.page - b.page); });
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

  // One section of a result as Material's article; `frag` is its page's fragment.
  function article(frag, s, score, forms, parent, teaser, missing, marked) {
    var section = frag.sections[s - index.first[frag.page]] || ["", frag.title, ""];
    var href = new URL(frag.url, manifestUrl);
    href.hash = section[0];
    // ?h= carries the words as they are written on that page (mutated forms too) to highlight there
    if (marked.length) href.search = "?h=" + encodeURIComponent(marked.join(" "));
    var html = '<a href="' + escapeHtml(href.pathname + href.search + href.hash) + '" class="md-search-result__link">' +
      '<article class="md-search-result__article md-typeset" data-md-score="' + score.toFixed(2) + '">' +
      (parent ? '<div class="md-search-result__icon md-icon"></div><h1>' : "<h2>") +
      escapeHtml(section[1]) + (parent ? "</h1>" : "</h2>");
    if (teaser) html += "<p>" + snippet(section[2], forms) + "</p>";
    if (teaser && missing.length) {
      html += '<p class="md-search-result__terms">' + escapeHtml(say("missing")) + ": " +
        missing.map(function (t) { return "<del>" + escapeHtml(t) + "</del>"; }).join(" ") + "</p>";
    }
    return html + "</article></a>";
  }

  function renderPage(result, frag, forms) {
    frag.page = result.page;
    var first = index.first[result.page], top = null, rest = [], marked = [];
    result.sections.forEach(function (s) {
      var section = frag.sections[s.section - first] || ["", "", ""];
      if (s.section === first && !top) top = s; else rest.push(s);
      formsIn(section[1] + " " + section[2], forms, marked);
    });
    // the page itself comes first, with a teaser only if its top section matched
    var html = '<li class="md-search-result__item">' +
      article(frag, top ? top.section : first, top ? top.score : 0, forms, true, !!top, result.missing, marked);
    var best = rest.slice(0, top ? 2 : 3), more = rest.slice(best.length);
    best.forEach(function (s) { html += article(frag, s.section, s.score, forms, false, true, [], marked); });
    if (more.length) {
      html += '<details class="md-search-result__more"><summary><div>' +
        escapeHtml(more.length === 1 ? say("more-one") : say("more-other", more.length)) + "</div></summary>";
      more.forEach(function (s) { html += article(frag, s.section, s.score, forms, false, true, [], marked); });
      html += "</details>";
    }
    return html + "</li>";
  }

  var current = null;  // the query on screen: {query, results, forms, rendered}

  // Renders the next screenful of results once their pages' fragments have come.
  function renderMore(state) {
    var next = state.results.slice(state.rendered, state.rendered + PER_SCREEN), fresh = !state.rendered;
    state.rendered += next.length;
    return Promise.all(next.map(function (r) { return fragment(r.page); })).then(function (frags) {
      if (current !== state) return;
      var html = next.map(function (r, i) { return renderPage(r, Object.assign({}, frags[i]), state.forms); }).join("");
      if (fresh) list.innerHTML = html; else list.insertAdjacentHTML("beforeend", html);
      watchEnd(state);
    });
  }

  // More results when the last one scrolls into view (by mouse, touch or the arrow keys).
  var watcher = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; }) && current && current.rendered < current.results.length) {
      watcher.disconnect();
      renderMore(current);
    }
  }) : null;

  function watchEnd(state) {
    if (watcher && state.rendered < state.results.length && list.lastElementChild) watcher.observe(list.lastElementChild);
  }

  function show(query, found) {
    var results = found.results, state = { query: query, results: results, forms: found.forms, rendered: 0 };
    current = state;
    if (watcher) watcher.disconnect();
    return renderMore(state).then(function () {
      if (current !== state) return;
      meta.textContent = !query.trim() ? say("placeholder")
        : results.length === 0 ? say("none")
        : window.lplCount(results.length, say("count") || "{n}", JSON.parse(say("count-rule") || '{"singular":[1]}'));
      output.setAttribute("data-lpl-query", query);  // tests and benchmarks wait for this
    });
  }

  function run() {
    if (!index) return;
    var query = input.value;
    if (query === shown && output.hasAttribute("data-lpl-query")) return;
    clearTimeout(timer);
    var want = query.trim() ? needed(query) : [];
    var ready = want.every(function (c) { return chunks.has(c); });
    // what is cached answers at once; what must be fetched waits for a pause in the typing
    timer = setTimeout(function () {
      if (input.value !== query) return;
      shown = query;
      Promise.all(want.map(function (c) { return chunk(c).then(function (part) { return [c, part]; }); }))
        .then(function (parts) {
          if (input.value !== query) return;
          return show(query, query.trim() ? search(query, new Map(parts)) : { results: [], forms: new Set() });
        })
        .catch(function () { shown = ""; meta.textContent = say("none"); });
    }, ready ? 0 : WAIT);
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
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var best = list.querySelector("[href]");
    if (best) best.click();
  });
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
