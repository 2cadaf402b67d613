/* Counts in words, in the browser: lpl/model/counting.py's rule for the page's language, read from the page
   (data-count-rule on the element that counts), applied to a phrase that names both forms of its noun:
   "{n} {case study|case studies}" → "34 case studies"; in Welsh every number takes the singular,
   "{n} {dogfen|dogfennau} sy'n cyfateb" → "34 dogfen sy'n cyfateb". The search and the catalogue use it;
   tests/test_welsh.py checks that it and the Python agree. */
window.lplCount = function (n, phrase, rule) {
  "use strict";
  var singular = rule.singular === "all" || rule.singular.indexOf(n) !== -1;
  return phrase.replace(/\{([^{}|]*)\|([^{}|]*)\}/g, function (_, one, other) {
    return singular ? one : other;
  }).split("{n}").join(String(n));
};
