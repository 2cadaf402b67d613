/* What tests/test_javascript.py writes for these tests from the Python side (lpl.search, lpl.model.counting):
   the folder is in LPL_JS_FIXTURES. Run alone (`node --test tests/js/`), the tests that compare with the Python
   are skipped and say so. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export const FOLDER = process.env.LPL_JS_FIXTURES || "";
export const NO_FIXTURES = FOLDER ? false : "needs LPL_JS_FIXTURES: run through tests/test_javascript.py";

/** A JSON file of the fixtures folder.
    @param {...string} path */
export function fixture(...path) {
  return JSON.parse(readFileSync(join(FOLDER, ...path), "utf-8"));
}

/** An XML DOM for Node, as the browser has one (DOMParser, XMLSerializer): @xmldom/xmldom, pinned in tools/js
    and installed there by `make test`; null if it is not. Its warnings are not printed: what is not XML still
    throws, as it should.
    @type {{DOMParser: any, XMLSerializer: any} | null} */
export const XML_DOM = (() => {
  let xmldom;
  try {
    xmldom = createRequire(new URL("../../tools/js/package.json", import.meta.url))("@xmldom/xmldom");
  } catch {
    return null;
  }
  class QuietParser extends xmldom.DOMParser {
    constructor() {
      super({ onError: () => {} });
    }
  }
  return { DOMParser: QuietParser, XMLSerializer: xmldom.XMLSerializer };
})();
export const NO_XML_DOM = XML_DOM ? false : "needs @xmldom/xmldom in tools/js: `make test` installs it (npm ci)";
