// @ts-check
/* For catalogue.js while it is a classic script (it calls window.lplCount): lpl-count.js's rule as that global.
   Goes when catalogue.js becomes a module that imports lpl-count.js. */
import { countPhrase } from "./lpl-count.js";

/** @type {Window & {lplCount?: typeof countPhrase}} */ (window).lplCount = countPhrase;
