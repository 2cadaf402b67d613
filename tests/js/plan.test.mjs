/* "Make your plan"'s pure modules: plan-draft.js over the page's data as lpl/render/plan_pages.make_data writes
   it, and plan-docx.js filling the parts of documents lpl/render/plan_docx.py made. The filled parts are written
   back for tests/test_javascript.py, which puts them in the documents and opens them with python-docx. */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import {
  FORMAT,
  MAX_NAME,
  MAX_TEXT,
  VERSION,
  checkedDraft,
  fieldsOf,
  filled,
} from "../../plugins/lpl/overrides/assets/plan-draft.js";
import {
  TICKED,
  UNTICKED,
  W,
  W14,
  fillDocument,
  fillProperties,
  schoolOf,
  slug,
  xmlSafe,
} from "../../plugins/lpl/overrides/assets/plan-docx.js";
import { FOLDER, NO_FIXTURES, NO_XML_DOM, XML_DOM, fixture } from "./fixtures.mjs";

const CASES = ["bilingual-plan", "cy-template"];
const skip = NO_FIXTURES;

/** A draft as the page saves one.
    @param {object} fields */
const draft = (fields) => ({ format: FORMAT, version: VERSION, setting: "primary", language: "cy", saved: null, ...fields });

test("every field of a setting has the kind the Word renderer gives it", { skip }, () => {
  for (const lang of ["en", "cy"]) {
    const fields = fieldsOf(fixture("plan", `data-${lang}.json`));
    for (const name of CASES) {
      for (const [tag, kind] of fixture("plan", name, "case.json").fields) assert.equal(fields.kinds[tag], kind, tag);
    }
    assert.equal(Object.getPrototypeOf(fields.kinds), null);
  }
});

test("a draft keeps what it should and only that: known fields, capped, as text", { skip }, () => {
  const data = fixture("plan", "data-cy.json");
  const fields = fieldsOf(data);
  const { fields: list } = fixture("plan", "bilingual-plan", "case.json");
  const name = list.find(([, kind]) => kind === "name")[0];
  const answer = list.find(([, kind]) => kind === "answer")[0];
  const tick = list.find(([, kind]) => kind === "tick")[0];
  const given = draft({
    guidance: "yes",
    saved: "2026-12-01T10:00:00.000Z",
    answers: { [name]: "x".repeat(5000), [answer]: { cy: "y".repeat(MAX_TEXT + 5), en: 7, de: "nein" }, [tick]: true, "no.such": "x" },
  });
  const kept = checkedDraft(given, data, fields);
  assert.ok(kept);
  assert.equal(Object.getPrototypeOf(kept.answers), null);
  assert.deepEqual(Object.keys(kept.answers).sort(), [answer, name, tick].sort());
  assert.equal(kept.answers[name], "x".repeat(MAX_NAME));
  assert.deepEqual({ ...kept.answers[answer] }, { cy: "y".repeat(MAX_TEXT) });
  assert.equal(kept.answers[tick], true);
  assert.equal(kept.guidance, false); // only true is true
  assert.equal(kept.saved, "2026-12-01T10:00:00.000Z");
  assert.ok(filled(kept.answers, fields, tick) && filled(kept.answers, fields, answer) && !filled(kept.answers, fields, "no.such"));
});

test("what is not a draft is none, and no key of one reaches a prototype", { skip }, () => {
  const data = fixture("plan", "data-en.json");
  const fields = fieldsOf(data);
  for (const bad of [null, 1, "draft", [], [draft({ answers: {} })], draft({ answers: [] }), draft({ answers: null }),
    draft({ format: "other", answers: {} }), draft({ version: 3, answers: {} }), draft({ setting: "toString", answers: {} }),
    draft({ setting: "__proto__", answers: {} }), draft({ language: "de", answers: {} }), draft({ language: ["cy"], answers: {} })]) {
    assert.equal(checkedDraft(bad, data, fields), null, JSON.stringify(bad));
  }
  const hostile = JSON.parse('{"format":"lpl-plan-draft","version":2,"setting":"primary","language":"en","saved":"not a date",' +
    '"answers":{"__proto__":{"polluted":true},"constructor":{"en":"x"},"title.school":{"en":"not text"}}}');
  const kept = checkedDraft(hostile, data, fields);
  assert.ok(kept);
  assert.deepEqual(Object.keys(kept.answers), []);
  assert.equal(kept.saved, null);
  assert.equal(/** @type {any} */ ({}).polluted, undefined);
});

test("a tick from the one-page form (version 1) is ticked, and words beyond a mark go beside it", { skip }, () => {
  const data = fixture("plan", "data-en.json");
  const fields = fieldsOf(data);
  const [tick, beside] = Object.entries(fields.besideTick)[0];
  const old = draft({ version: 1, answers: { [tick]: { en: " ✓ ", cy: "ie, a mwy" }, [beside]: { cy: "yn barod" } } });
  const kept = checkedDraft(old, data, fields);
  assert.ok(kept);
  assert.equal(kept.answers[tick], true);
  assert.deepEqual({ ...kept.answers[beside] }, { cy: "ie, a mwy\nyn barod" });
  assert.equal(kept.version, VERSION);
  const now = checkedDraft(draft({ answers: { [tick]: { en: "✓" } } }), data, fields); // version 2: only true
  assert.deepEqual(Object.keys(now?.answers || {}), []);
});

test("the documents' content controls are filled through the XML DOM, the rest left as it was", { skip: NO_FIXTURES || NO_XML_DOM }, () => {
  const dom = /** @type {any} */ (XML_DOM);
  for (const name of CASES) {
    const { language, fields } = fixture("plan", name, "case.json");
    const here = { bilingual: ["cy", "en"], cy: ["cy"], en: ["en"] }[language];
    const answers = fixture("plan", name, "answers.json");
    const template = readPart(name, "document.xml");
    const filledXml = fillDocument(template, answers, here, dom);
    const before = new dom.DOMParser().parseFromString(template, "application/xml");
    const after = new dom.DOMParser().parseFromString(filledXml, "application/xml");
    // as many controls, paragraphs outside them and tables as before: answers add no element of their own
    assert.equal(after.getElementsByTagNameNS(W, "sdt").length, before.getElementsByTagNameNS(W, "sdt").length);
    assert.equal(after.getElementsByTagNameNS(W, "tbl").length, before.getElementsByTagNameNS(W, "tbl").length);
    assert.equal(after.getElementsByTagNameNS(W, "sdt").length, fields.length);
    for (const box of Array.from(after.getElementsByTagNameNS(W14, "checked"))) {
      const sdt = box.parentNode.parentNode.parentNode;
      const tag = sdt.getElementsByTagNameNS(W, "tag")[0].getAttributeNS(W, "val");
      assert.equal(box.getAttributeNS(W14, "val"), answers[tag] === true ? "1" : "0", tag);
      const glyphs = Array.from(sdt.getElementsByTagNameNS(W, "t")).map((t) => t.textContent).join("");
      assert.equal(glyphs, answers[tag] === true ? TICKED : UNTICKED, tag);
    }
    assert.ok(filledXml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'));
    assert.ok(filledXml.includes("Tîm &lt;w:t&gt;arwain&lt;/w:t&gt; &amp; \"Co\" ]]&gt;"), "markup in an answer is text");
    assert.ok(!filledXml.includes("\u0007"));
    const school = schoolOf(answers);
    const core = fillProperties(readPart(name, "core.xml"), answers, new Date(Date.UTC(2026, 11, 7, 9, 30, 15, 250)), dom);
    assert.ok(core.includes("2026-12-07T09:30:15Z") && !core.includes(".250Z"));
    assert.ok(core.includes(" \u2014 Ysgol Glan-y-Môr"), school);
    const out = join(FOLDER, "plan", name, "out");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "document.xml"), filledXml, "utf-8");
    writeFileSync(join(out, "core.xml"), core, "utf-8");
  }
});

test("a template that is not XML is refused", { skip: NO_XML_DOM }, () => {
  const dom = /** @type {any} */ (XML_DOM);
  assert.throws(() => fillDocument("<w:document", {}, ["en"], dom), /not XML/);
  assert.throws(() => fillProperties("not xml at all <", {}, new Date(), dom), /not XML/);
});

test("text XML cannot hold is dropped or made whole; names become file names", () => {
  assert.equal(xmlSafe("a\u0000b\u0007c\td\ne\uFFFE"), "abc\td\ne");
  assert.equal(xmlSafe("\ud800x"), "\ufffdx");
  assert.equal(slug("  Ysgol Gymraeg Glan-y-Môr, Aberystwyth!  "), "ysgol-gymraeg-glan-y-mor-aberystwyth");
  assert.equal(slug("../../etc/passwd"), "etc-passwd");
  assert.equal(slug("x".repeat(100)).length, 40);
  assert.equal(schoolOf(Object.assign(Object.create(null), { "title.cluster": "Clwstwr" })), "Clwstwr");
  assert.equal(schoolOf(Object.assign(Object.create(null), { "title.school": true })), "");
});

/** @param {string} name
    @param {string} part */
function readPart(name, part) {
  return readFileSync(join(FOLDER, "plan", name, part), "utf-8");
}
