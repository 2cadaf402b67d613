/* Catalogue filters: small, no dependencies. Without JavaScript the page lists every case study and
   links to browse pages; with it, the (hidden) filter form appears and filters instantly. The filter
   state lives in the URL (?setting=primary&hallmark=collaboration) so a filtered view can be shared,
   and the language switcher keeps it. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-lpl-catalogue]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".lpl-card"));
  var count = document.querySelector(".lpl-count");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var switchers = Array.prototype.slice.call(document.querySelectorAll("a.md-select__link[hreflang]"));
  switchers.forEach(function (a) { a.setAttribute("data-base-href", a.getAttribute("href")); });

  function values(card, name) {
    return (card.getAttribute("data-" + name.replace(/_/g, "-")) || "").split(" ");
  }

  function apply() {
    var active = selects.filter(function (s) { return s.value; });
    var shown = 0;
    cards.forEach(function (card) {
      var match = active.every(function (s) { return values(card, s.name).indexOf(s.value) !== -1; });
      card.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = shown === 0 ? count.getAttribute("data-none")
      : shown === 1 ? count.getAttribute("data-one")
      : count.getAttribute("data-other").replace("{n}", String(shown));
    var params = new URLSearchParams();
    active.forEach(function (s) { params.set(s.name, s.value); });
    var query = params.toString() ? "?" + params.toString() : "";
    history.replaceState(null, "", location.pathname + query + location.hash);
    switchers.forEach(function (a) { a.setAttribute("href", a.getAttribute("data-base-href") + query); });
  }

  // Filter values are short ids: the address is read only so far, so a link of any length costs the same.
  var initial = new URLSearchParams(location.search.slice(0, 1000));
  selects.forEach(function (s) {
    var wanted = (initial.get(s.name) || "").slice(0, 100);
    if (wanted && Array.prototype.some.call(s.options, function (o) { return o.value === wanted; })) s.value = wanted;
    s.addEventListener("change", apply);
  });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
