/* Catalogue filters: small, no dependencies. Without JavaScript the catalogue is pages of cards,
   newest first, with links to browse pages; with it, a "Filter" button beside the result count opens
   the (hidden) filter form under it and says how many filters are set. Filtering
   reads cards.json, a compact list of every case study (fetched when a filter is first touched, not
   with the page), and shows the matches twenty at a time, with each option's count given the other
   filters. The filter state lives in the URL (?setting=primary&hallmark=collaboration) so a
   filtered view can be shared, and the language switcher keeps it. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-lpl-catalogue]");
  if (!form) return;
  var PER_SCREEN = 20;
  var box = document.querySelector(".lpl-cards");
  var count = document.querySelector(".lpl-count");
  var pager = document.querySelector(".lpl-pager");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var toggle = document.querySelector(".lpl-filter-toggle");
  var toggleCount = toggle.querySelector(".lpl-filter-set");
  var switchers = Array.prototype.slice.call(document.querySelectorAll("a.lpl-language[hreflang]"));
  var page = { cards: box.innerHTML, count: count.textContent, options: selects.map(function (s) {
    return Array.prototype.map.call(s.options, function (o) { return o.textContent; });
  }) };
  var data = null, loading = null, more = null;
  switchers.forEach(function (a) { a.setAttribute("data-base-href", a.getAttribute("href")); });

  function load() {
    if (!loading) {
      loading = fetch(new URL(form.getAttribute("data-cards"), location.href), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (d) { data = d; return d; })
        .catch(function (e) { loading = null; throw e; });
    }
    return loading;
  }

  function say(n) {
    return n === 0 ? count.getAttribute("data-none")
      : window.lplCount(n, count.getAttribute("data-count"), JSON.parse(count.getAttribute("data-count-rule")));
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // A card's text: a string, or [text, language] runs where part of it is in another language than the page's
  // (a school's English name on a Welsh page), marked as the built card marks it.
  function runs(p, value) {
    if (typeof value === "string") { p.textContent = value; return p; }
    value.forEach(function (run) {
      if (!run[1]) { p.appendChild(document.createTextNode(run[0])); return; }
      var span = el("span", "", run[0]);
      span.lang = run[1];
      p.appendChild(span);
    });
    return p;
  }

  function card(row) {
    var article = el("article", "lpl-card"), h2 = el("h2", "lpl-card__title"), a = el("a", "", row[1]);
    a.href = encodeURIComponent(row[0]) + "/";
    h2.appendChild(a);
    article.appendChild(h2);
    article.appendChild(runs(el("p", "lpl-card__meta"), row[2]));
    article.appendChild(runs(el("p", ""), row[3]));
    var kind = data.facets.indexOf("kind");  // its id styles the tag, as on the built page
    article.appendChild(el("p", "lpl-card__tag" + (kind < 0 ? "" : " lpl-kind--" + data.values[kind][row[5 + kind][0]]), row[4]));
    return article;
  }

  // [facet position in the data, wanted value number] for each active filter
  function wanted(except) {
    var out = [];
    selects.forEach(function (s) {
      if (!s.value || s === except) return;
      var f = data.facets.indexOf(s.name);
      out.push([f, data.values[f].indexOf(s.value)]);
    });
    return out;
  }

  function matches(row, filters) {
    return filters.every(function (w) { return row[5 + w[0]].indexOf(w[1]) !== -1; });
  }

  function showMore(rows, focus) {
    var start = box.children.length, next = rows.slice(start, start + PER_SCREEN);
    next.forEach(function (row) { box.appendChild(card(row)); });
    if (more) more.remove();
    more = null;
    if (start + next.length < rows.length) {
      more = el("button", "md-button lpl-more", count.getAttribute("data-more"));
      more.type = "button";
      more.addEventListener("click", function () { showMore(rows, true); });
      box.after(more);
    }
    if (focus && next.length) box.children[start].querySelector("a").focus();
  }

  function render() {
    var active = selects.filter(function (s) { return s.value; });
    if (more) more.remove();
    more = null;
    if (!active.length) {  // the page as built: its cards, count, option counts and page links
      box.innerHTML = page.cards;
      count.textContent = page.count;
      if (pager) pager.hidden = false;
      selects.forEach(function (s, i) {
        Array.prototype.forEach.call(s.options, function (o, k) { o.textContent = page.options[i][k]; });
      });
      return;
    }
    var rows = data.studies.filter(function (row) { return matches(row, wanted()); });
    box.textContent = "";
    if (pager) pager.hidden = true;
    showMore(rows, false);
    count.textContent = say(rows.length);
    // each option's count: the case studies it would show, given the other filters
    selects.forEach(function (s) {
      var f = data.facets.indexOf(s.name), others = wanted(s), n = data.values[f].map(function () { return 0; });
      data.studies.forEach(function (row) {
        if (matches(row, others)) row[5 + f].forEach(function (v) { n[v] += 1; });
      });
      Array.prototype.forEach.call(s.options, function (o) {
        if (o.value) o.textContent = o.getAttribute("data-label") + " (" + n[data.values[f].indexOf(o.value)] + ")";
      });
    });
  }

  // The button says how many filters are set, so a closed panel still shows that the list is filtered.
  function showSet(n) {
    toggleCount.textContent = n ? " (" + toggle.getAttribute(n === 1 ? "data-one" : "data-other").replace("{n}", String(n)) + ")" : "";
  }

  function open(yes) {
    toggle.setAttribute("aria-expanded", String(yes));
    form.hidden = !yes;
  }

  function apply() {
    var active = selects.filter(function (s) { return s.value; });
    showSet(active.length);
    var params = new URLSearchParams();
    active.forEach(function (s) { params.set(s.name, s.value); });
    var query = params.toString() ? "?" + params.toString() : "";
    history.replaceState(null, "", location.pathname + query + location.hash);
    switchers.forEach(function (a) { a.setAttribute("href", a.getAttribute("data-base-href") + query); });
    if (!active.length || data) return render();
    box.setAttribute("aria-busy", "true");  // until cards.json has come: screen readers (and tests) wait for the list
    load().then(render, function () { count.textContent = page.count; }).then(function () { box.removeAttribute("aria-busy"); });
  }

  // Filter values are short ids: the address is read only so far, so a link of any length costs the same.
  var initial = new URLSearchParams(location.search.slice(0, 1000));
  selects.forEach(function (s) {
    var value = (initial.get(s.name) || "").slice(0, 100);
    if (value && Array.prototype.some.call(s.options, function (o) { return o.value === value; })) s.value = value;
    s.addEventListener("change", apply);
    s.addEventListener("focus", function () { load().catch(function () {}); });  // ready by the time one is chosen
  });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  // Filters apply as they change; "Show results" closes the panel and takes the reader to the count.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    open(false);
    count.focus();
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { open(false); toggle.focus(); }
  });
  toggle.addEventListener("click", function () {
    open(toggle.getAttribute("aria-expanded") !== "true");
    if (!data) load().catch(function () {});
  });
  Array.prototype.forEach.call(document.querySelectorAll(".lpl-nojs"), function (e) { e.hidden = true; });
  toggle.hidden = false;
  if (selects.some(function (s) { return s.value; })) apply();
})();
