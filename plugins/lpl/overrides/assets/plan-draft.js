// @ts-check
/* "Make your plan"'s data and drafts, pure (no DOM, no storage): the page's JSON as types, each field's kind,
   and a draft read from storage or a file checked field by field, because it is hostile: its shape is checked,
   unknown fields are left out, sizes are capped, and what goes in is only ever text (no key of the draft
   reaches an object's prototype: answers live in a prototype-free object). make-plan.js uses it;
   tests/js/plan.test.mjs runs it under Node over the page's data as the Python writes it. */

/** A text in both languages: [English, Welsh], each the best there is (plan_pages._pair).
    @typedef {[string, string]} Pair */
/** A link: its label and its address from the page.
    @typedef {[Pair, string]} Link */
/** A guiding question or an example, with the settings it is for when only some.
    @typedef {[Pair] | [Pair, string[]]} Entry */
/** @typedef {{tag: string, label: Pair, settings?: string[]}} TitleField */
/** A table: its rows' label (or none) and their fields' tags; columns from 1 whose boxes are ticks.
    @typedef {object} Table
    @property {string} id
    @property {Pair} title
    @property {Pair | null} note
    @property {Pair[]} columns
    @property {Record<string, Pair>} ticks  by column number from 1
    @property {number[]} shares
    @property {boolean} landscape
    @property {[Pair | null, string[]][]} rows
    @property {string[]} [settings] */
/** @typedef {object} Part
    @property {string} id
    @property {Pair} title
    @property {Pair} purpose
    @property {Entry[]} questions
    @property {Entry[]} examples
    @property {[Pair, Link[]][]} links
    @property {Link[]} cases
    @property {Record<string, number[]>} cases_by_setting
    @property {Link} catalogue
    @property {{tag: string, lines: number} | null} notes
    @property {Table[]} tables
    @property {string[]} [settings] */
/** @typedef {object} SettingInfo
    @property {Pair} label
    @property {Record<string, [string, string]>} documents  by document language: [with the guidance, the plan alone]
    @property {[boolean, boolean]} draft  whether each document's Welsh is a draft translation
    @property {string} [pack]  the address of its documents' script, when the build made them
    @property {string} [version] */
/** The page's JSON (lpl/render/plan_pages.make_data).
    @typedef {object} MakeData
    @property {string} lang
    @property {Record<string, string[]>} languages  a document language's languages, the first leading
    @property {Record<string, string>} names  each language's name, in the page's
    @property {Record<string, string>} say  the page's wording
    @property {Record<string, Pair> & {how_to_use: Pair[]}} doc  the document's wording
    @property {Record<string, SettingInfo>} settings
    @property {TitleField[]} title
    @property {Part[]} parts
    @property {string} fflate */

/** @typedef {"name" | "answer" | "tick"} Kind */
/** A name is text; an answer is text by language; a tick is true.
    @typedef {string | Partial<Record<"cy" | "en", string>> | true} Answer */
/** @typedef {Record<string, Answer>} Answers */
/** @typedef {object} Draft
    @property {string} format
    @property {number} version
    @property {string} setting
    @property {string} language
    @property {boolean} guidance
    @property {string | null} saved
    @property {Answers} answers  without a prototype */
/** Every tag of every setting with its kind, and a tick's neighbour to write in (for drafts of the one-page
    form, version 1).
    @typedef {{kinds: Record<string, Kind>, besideTick: Record<string, string>}} Fields */

export const FORMAT = "lpl-plan-draft";
export const VERSION = 2; // version 1: the one-page form's
export const MAX_FILE = 4 * 1024 * 1024;
export const MAX_NAME = 300;
export const MAX_TEXT = 20000;
const LANGUAGES = /** @type {const} */ (["cy", "en"]);
// What someone wrote in the one-page form's box for a tick to mean "ticked" and nothing more.
const MARK = /^\s*(?:[\u2713\u2714\u2611\u2612xX*]|yes|ie|y|tick|tic)\s*$/i;

/** @param {object} object
    @param {string} key */
export const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

/** Whether an entry limited to some settings is in this one.
    @param {string[] | undefined} settings
    @param {string} setting */
export const inSetting = (settings, setting) => !settings || settings.includes(setting);

/** Each cell of a table: (tag, column from 1, row). A labelled row's first column is its label.
    @param {Table} table
    @param {(tag: string, column: number, row: [Pair | null, string[]]) => void} fn */
export function eachCell(table, fn) {
  for (const row of table.rows) {
    const first = table.columns.length - row[1].length;
    row[1].forEach((tag, i) => fn(tag, first + i + 1, row));
  }
}

/** @param {MakeData} data
    @returns {Fields} */
export function fieldsOf(data) {
  /** @type {Record<string, Kind>} */
  const kinds = Object.create(null);
  /** @type {Record<string, string>} */
  const besideTick = Object.create(null);
  for (const field of data.title) kinds[field.tag] = "name";
  for (const part of data.parts) {
    if (part.notes) kinds[part.notes.tag] = "answer";
    for (const table of part.tables) {
      eachCell(table, (tag, column) => {
        kinds[tag] = has(table.ticks, String(column)) ? "tick" : "answer";
      });
      for (const row of table.rows) {
        const next = row[1].find((tag) => kinds[tag] === "answer");
        for (const tag of row[1]) if (next && kinds[tag] === "tick") besideTick[tag] = next;
      }
    }
  }
  return { kinds, besideTick };
}

/** A plain object (not null, not an array) or nothing.
    @param {unknown} value
    @returns {Record<string, unknown> | null} */
function record(value) {
  return value && typeof value === "object" && !Array.isArray(value) ? /** @type {Record<string, unknown>} */ (value) : null;
}

/** Text up to `max` characters, or null if it is not text.
    @param {unknown} value
    @param {number} max */
const text = (value, max) => (typeof value === "string" ? value.slice(0, max) : null);

/** A draft read from storage or a file, checked field by field; null if it is not one.
    @param {unknown} input
    @param {MakeData} data
    @param {Fields} fields
    @returns {Draft | null} */
export function checkedDraft(input, data, fields) {
  const given = record(input);
  if (!given) return null;
  if (given.format !== FORMAT || (given.version !== 1 && given.version !== VERSION)) return null;
  if (typeof given.setting !== "string" || !has(data.settings, given.setting)) return null;
  if (typeof given.language !== "string" || !has(data.languages, given.language)) return null;
  const source = record(given.answers);
  if (!source) return null;
  const { kinds, besideTick } = fields;
  /** @type {Answers} */
  const answers = Object.create(null);
  /** The answer of a tag as text by language, made if it is not yet.
      @param {string} tag */
  const byLanguage = (tag) => {
    const had = answers[tag];
    const both = typeof had === "object" ? had : {};
    answers[tag] = both;
    return both;
  };
  for (const tag of Object.keys(source)) {
    if (!has(kinds, tag)) continue; // a field this site does not have: left out
    const value = source[tag];
    if (kinds[tag] === "name") {
      const name = text(value, MAX_NAME);
      if (name) answers[tag] = name;
    } else if (kinds[tag] === "tick") {
      const written = record(value);
      if (value === true) answers[tag] = true;
      else if (given.version === 1 && written) {
        // The one-page form had a box to write "✓" in: any writing ticks it, and words beyond a mark
        // go to the row's box to write in, so nothing written is lost.
        for (const lang of LANGUAGES) {
          const mark = text(written[lang], MAX_TEXT);
          if (!mark || !mark.trim()) continue;
          answers[tag] = true;
          const beside = besideTick[tag];
          if (beside && !MARK.test(mark)) {
            const there = record(source[beside]);
            const before = there ? text(there[lang], MAX_TEXT) : "";
            byLanguage(beside)[lang] = (mark.trim() + (before ? "\n" + before : "")).slice(0, MAX_TEXT);
          }
        }
      }
    } else {
      const written = record(value);
      if (!written) continue;
      const both = typeof answers[tag] === "object" ? /** @type {Partial<Record<"cy" | "en", string>>} */ (answers[tag]) : {};
      for (const lang of LANGUAGES) {
        const answer = text(written[lang], MAX_TEXT);
        if (answer && !both[lang]) both[lang] = answer;
      }
      if (both.cy || both.en) answers[tag] = both;
    }
  }
  const saved = typeof given.saved === "string" && !isNaN(Date.parse(given.saved)) ? given.saved : null;
  return {
    format: FORMAT,
    version: VERSION,
    setting: given.setting,
    language: given.language,
    guidance: given.guidance === true,
    saved,
    answers,
  };
}

/** Whether a field has something in it.
    @param {Answers} answers
    @param {Fields} fields
    @param {string} tag */
export function filled(answers, fields, tag) {
  const value = answers[tag];
  const kind = fields.kinds[tag];
  if (kind === "tick") return value === true;
  if (typeof value === "string") return kind === "name" && !!value.trim();
  if (kind === "answer" && value && typeof value === "object") {
    return Object.values(value).some((written) => typeof written === "string" && !!written.trim());
  }
  return false;
}
