/* The word steps of lpl/search/text.py, in the browser: split into words, drop the language's stop words,
   fold diacritics, and give a word's keys by the rewrite rules its index ships (Welsh mutations, English
   inflections), so the rules live in one place: Python. lpl-search.js uses it; tests/search checks that it
   and the Python give the same words and keys. */
window.lplWords = (function () {
  "use strict";
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  function forLanguage(language) {
    var rules = language.rules.map(function (r) { return [new RegExp(r[0]), r[1]]; });
    var stop = new Set(language.stop), minKey = language.minKey;
    return {
      stop: stop,
      terms: function (text) {
        var found = [];
        (text.normalize("NFC").toLowerCase().match(WORD) || []).forEach(function (t) {
          if (!stop.has(t)) found.push(fold(t));
        });
        return found;
      },
      keys: function (term) {
        var found = [term];
        rules.forEach(function (rule) {
          if (rule[0].test(term)) {
            var key = term.replace(rule[0], rule[1]);
            if (found.indexOf(key) < 0 && key.length >= minKey && !stop.has(key)) found.push(key);
          }
        });
        return found;
      }
    };
  }

  return { WORD: WORD, fold: fold, forLanguage: forLanguage };
})();
