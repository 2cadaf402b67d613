/* What tests/test_javascript.py writes for these tests from the Python side (lpl.search, lpl.model.counting):
   the folder is in LPL_JS_FIXTURES. Run alone (`node --test tests/js/`), the tests that compare with the Python
   are skipped and say so. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FOLDER = process.env.LPL_JS_FIXTURES || "";
export const NO_FIXTURES = FOLDER ? false : "needs LPL_JS_FIXTURES: run through tests/test_javascript.py";

/** A JSON file of the fixtures folder.
    @param {...string} path */
export function fixture(...path) {
  return JSON.parse(readFileSync(join(FOLDER, ...path), "utf-8"));
}
