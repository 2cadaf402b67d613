// @ts-check
/* "Make your plan" (plan-templates/make/): the plan as a form in parts, kept in this browser as you type,
   saved to and opened from a file, printed as the Word file reads, and downloaded as the build's own .docx
   with its content controls filled. The page's JSON (lpl/render/plan_pages.make_data) gives the parts and
   their fields' tags from the same list as the Word renderer's (plan_view.plan_fields), so there is no
   second document renderer here.

   One part shows at a time (#part-<id> in the address, so Back works); the contents list says which parts
   are started. The documents (lpl.publish.downloads.template_packs, one script per setting) and the zip
   library (fflate, vendored in assets/vendor/fflate/) load only once a school starts writing or asks for a
   document, and the documents are kept in IndexedDB for the next visit, offline included.

   Nothing leaves the device: the page's Content-Security-Policy forbids connections; this module only
   adds the site's own scripts. A draft from storage or a file is hostile: plan-draft.js checks it (shape,
   sizes, known fields only), and text only ever goes in through .value, textContent or the XML DOM, never
   parsed as HTML. This module is the page's part; the drafts are plan-draft.js's and the Word filling
   plan-docx.js's (pure modules, tested under Node). */

import { MAX_FILE, MAX_NAME, MAX_TEXT, checkedDraft, eachCell, fieldsOf, filled, has, inSetting } from "./plan-draft.js";
import { TICKED, UNTICKED, fillDocument, fillProperties, schoolOf, slug } from "./plan-docx.js";

/** @typedef {import("./plan-draft.js").MakeData} MakeData */
/** @typedef {import("./plan-draft.js").Pair} Pair */
/** @typedef {import("./plan-draft.js").Part} Part */
/** @typedef {import("./plan-draft.js").Table} Table */
/** @typedef {import("./plan-draft.js").TitleField} TitleField */
/** @typedef {import("./plan-draft.js").Draft} Draft */
/** @typedef {import("./plan-draft.js").Fields} Fields */
/** A part of a setting's plan as the page shows it: the title page, or a part with its number.
    @typedef {{id: string, number?: undefined} | (Part & {number: number})} Shown */
/** A setting's documents (lpl.publish.downloads.template_packs): each distinct part deflated, in base64, by
    key; each document's parts in order.
    @typedef {{setting: string, version: string, parts: Record<string, string>, documents: Record<string, [string, string][]>}} Pack */
/** The little of fflate (assets/vendor/fflate/) this page uses.
    @typedef {{inflateSync(data: Uint8Array): Uint8Array, zipSync(files: Record<string, Uint8Array>, options: object): Uint8Array<ArrayBuffer>}} Fflate */
/** What the classic scripts this page loads leave on the window.
    @typedef {Window & {fflate?: Fflate, lplPlanTemplates?: Record<string, Pack>}} Loaded */

const STORE = "lpl-plan-draft";
const DB = "lpl-plan-templates";
const TITLE = "title-page";
const INDEX = /** @type {Record<string, number>} */ ({ en: 0, cy: 1 });
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const loaded = /** @type {Loaded} */ (window);

/** An element of the page (make.md.j2) of the type it is written as, or an error saying which.
    @template {Element} T
    @param {string} id
    @param {{new (): T, prototype: T}} type
    @returns {T} */
function byId(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error("make-plan: no #" + id);
  return found;
}

/** @param {HTMLElement} root  #lpl-make
    @param {MakeData} data */
function setUp(root, data) {
  const say = data.say;
  const doc = data.doc;
  const fields = fieldsOf(data);
  const status = byId("lpl-make-status", HTMLElement);
  const problem = byId("lpl-make-error", HTMLElement);
  const settingBox = byId("lpl-make-setting", HTMLSelectElement);
  const guidanceBox = byId("lpl-make-guidance", HTMLInputElement);
  const list = byId("lpl-make-list", HTMLElement);
  const partView = byId("lpl-make-part", HTMLElement);
  const fileInput = byId("lpl-make-file", HTMLInputElement);
  const printView = byId("lpl-make-print", HTMLElement);

  /* --- The plan's fields, from the page's data ----------------------------------------------------- */

  /** A text in a language (the page's by default).
      @param {Pair | null | undefined} pair
      @param {string} [lang] */
  const words = (pair, lang) => (pair ? pair[INDEX[lang || data.lang]] : "");
  /** @param {string} template
      @param {Record<string, string | number>} values */
  const format = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => (has(values, key) ? String(values[key]) : m));

  /** The parts of a setting's plan: the title page, then its numbered parts, as in the Word file.
      @param {string} setting
      @returns {Shown[]} */
  function partsOf(setting) {
    const numbered = data.parts.filter((part) => inSetting(part.settings, setting));
    return [{ id: TITLE }, ...numbered.map((part, i) => ({ ...part, number: i + 1 }))];
  }

  /** @param {Shown} part
      @param {string} [lang] */
  function partTitle(part, lang) {
    return part.number === undefined ? words(doc.make_title_page, lang) : part.number + ". " + words(part.title, lang);
  }

  /** @param {Part} part
      @param {string} setting */
  const casesOf = (part, setting) => (part.cases_by_setting[setting] || []).map((i) => part.cases[i]);

  /** @param {Shown} part
      @param {string} setting */
  function tablesOf(part, setting) {
    return part.number === undefined ? [] : part.tables.filter((table) => inSetting(table.settings, setting));
  }

  /** @param {Shown} part
      @param {string} setting */
  function tagsOf(part, setting) {
    if (part.number === undefined) return data.title.filter((f) => inSetting(f.settings, setting)).map((f) => f.tag);
    const tags = part.notes ? [part.notes.tag] : [];
    for (const table of tablesOf(part, setting)) eachCell(table, (tag) => tags.push(tag));
    return tags;
  }

  /* --- The draft: {format, version, setting, language, guidance, saved, answers} --------------------
     answers: {tag: text (a name) | {cy, en} (an answer, by language) | true (a ticked box)} */

  function chosenLanguage() {
    const checked = root.querySelector("input[name=language]:checked");
    return checked instanceof HTMLInputElement ? checked.value : data.lang;
  }

  /** @type {Draft} */
  let draft = {
    format: "lpl-plan-draft",
    version: 2,
    setting: settingBox.value,
    language: chosenLanguage(),
    guidance: false,
    saved: null,
    answers: Object.create(null),
  };
  let parts = partsOf(draft.setting);
  let current = 0;

  /** The document's languages, the first leading. */
  const langs = () => data.languages[draft.language];

  /** @param {Draft} next */
  function apply(next) {
    draft = next;
    settingBox.value = draft.setting;
    const radio = document.getElementById("lpl-make-language-" + draft.language);
    if (radio instanceof HTMLInputElement) radio.checked = true;
    guidanceBox.checked = draft.guidance;
    const id = parts[current] && parts[current].id;
    parts = partsOf(draft.setting);
    current = Math.max(0, parts.findIndex((part) => part.id === id));
    showContents();
    showPart(false);
  }

  /* --- Kept in this browser as you type ---------------------------------------------------------- */

  /** @param {HTMLElement} node
      @param {string} [message] */
  const tell = (node, message) => {
    node.textContent = message || "";
  };

  /** @param {string | null} iso */
  function time(iso) {
    // Digits only: browsers' date wording has no Welsh everywhere.
    const when = iso ? new Date(iso) : new Date();
    /** @param {number} n */
    const two = (n) => String(n).padStart(2, "0");
    return (
      two(when.getHours()) + ":" + two(when.getMinutes()) + ", " + two(when.getDate()) + "/" +
      two(when.getMonth() + 1) + "/" + when.getFullYear()
    );
  }

  let pending = 0;
  function store() {
    clearTimeout(pending);
    pending = 0;
    draft.saved = new Date().toISOString();
    try {
      localStorage.setItem(STORE, JSON.stringify(draft));
    } catch {
      tell(problem, say.make_storage_error);
      return;
    }
    tell(status, say.make_saved.replace("{time}", time(draft.saved)));
  }

  function later() {
    clearTimeout(pending);
    pending = window.setTimeout(store, 400);
  }

  function restore() {
    let stored = null;
    try {
      stored = checkedDraft(JSON.parse(localStorage.getItem(STORE) || "null"), data, fields);
    } catch {
      stored = null;
    }
    if (stored) {
      apply(stored);
      tell(status, say.make_saved.replace("{time}", time(stored.saved)));
    }
    return !!stored;
  }

  function clear() {
    if (!window.confirm(say.make_clear_confirm)) return;
    clearTimeout(pending);
    pending = 0;
    try {
      localStorage.removeItem(STORE);
    } catch {
      // nothing was kept
    }
    draft.answers = Object.create(null);
    showContents();
    showPart(false);
    tell(problem, "");
    tell(status, say.make_cleared);
  }

  /* --- The contents: every part of the setting's plan, with its state in words --------------------- */

  /** A new element at the end of a parent, with its text (never markup) and its language if given.
      @template {keyof HTMLElementTagNameMap} K
      @param {Node} parent
      @param {K} name
      @param {string | null} [value]
      @param {string} [lang]
      @returns {HTMLElementTagNameMap[K]} */
  function add(parent, name, value, lang) {
    const node = document.createElement(name);
    if (value !== undefined && value !== null) node.textContent = value;
    if (lang) node.lang = lang;
    parent.appendChild(node);
    return node;
  }

  /** @param {Shown} part */
  function showState(part) {
    const node = document.getElementById("lpl-make-state-" + part.id);
    if (!node) return;
    const started = tagsOf(part, draft.setting).some((tag) => filled(draft.answers, fields, tag));
    node.textContent = started ? say.make_started : say.make_not_started;
    node.setAttribute("data-state", started ? "started" : "not-started");
  }

  function showContents() {
    list.textContent = "";
    parts.forEach((part, i) => {
      const item = add(list, "li");
      const link = add(item, "a", partTitle(part));
      link.href = "#part-" + part.id;
      if (i === current) link.setAttribute("aria-current", "step");
      const state = add(item, "strong");
      state.className = "lpl-make-state";
      state.id = "lpl-make-state-" + part.id;
      link.setAttribute("aria-describedby", state.id);
      showState(part);
    });
  }

  /* --- One part at a time ------------------------------------------------------------------------ */

  /** @param {string} tag
      @param {string} [lang] */
  const fieldId = (tag, lang) => "lpl-f-" + tag.replace(/\./g, "_") + (lang ? "-" + lang : "");

  /** @param {Node} parent
      @param {string} forId
      @param {string} value */
  function label(parent, forId, value) {
    const node = add(parent, "label", value);
    node.htmlFor = forId;
    return node;
  }

  /** @param {Node} parent
      @param {TitleField} field */
  function nameBox(parent, field) {
    const line = add(parent, "p");
    line.className = "lpl-make-field";
    label(line, fieldId(field.tag), words(field.label));
    const input = add(line, "input");
    Object.assign(input, { type: "text", id: fieldId(field.tag), maxLength: MAX_NAME, autocomplete: "off" });
    input.setAttribute("data-tag", field.tag);
    const value = draft.answers[field.tag];
    input.value = typeof value === "string" ? value : "";
  }

  /** @param {Node} parent
      @param {string} tag
      @param {string} name
      @param {number} rows */
  function answerBoxes(parent, tag, name, rows) {
    const here = langs();
    for (const lang of here) {
      const wrap = add(parent, "div");
      wrap.className = "lpl-make-answer";
      const caption = label(wrap, fieldId(tag, lang), name);
      if (here.length > 1) add(caption, "span", " (" + data.names[lang] + ")").className = "lpl-make-in";
      const box = add(wrap, "textarea");
      Object.assign(box, { id: fieldId(tag, lang), rows, maxLength: MAX_TEXT, lang });
      box.setAttribute("data-tag", tag);
      const value = draft.answers[tag];
      box.value = (value && typeof value === "object" && value[/** @type {"cy" | "en"} */ (lang)]) || "";
    }
  }

  /** @param {Node} parent
      @param {string} tag
      @param {string} name */
  function tickBox(parent, tag, name) {
    const line = add(parent, "p");
    line.className = "lpl-make-check";
    const box = add(line, "input");
    Object.assign(box, { type: "checkbox", id: fieldId(tag), checked: draft.answers[tag] === true });
    box.setAttribute("data-tag", tag);
    label(line, fieldId(tag), name);
  }

  /** @param {Node} parent
      @param {string} summary
      @param {boolean} [open] */
  function guide(parent, summary, open) {
    const details = add(parent, "details");
    details.className = "lpl-make-guide";
    details.open = !!open;
    add(details, "summary", summary);
    return details;
  }

  /** @param {Node} parent
      @param {{text: string, href?: string}[]} entries */
  function items(parent, entries) {
    const ul = add(parent, "ul");
    for (const entry of entries) {
      const li = add(ul, "li");
      if (entry.href) add(li, "a", entry.text).href = entry.href;
      else li.textContent = entry.text;
    }
  }

  /** @param {Node} parent
      @param {Part} part */
  function guidance(parent, part) {
    // A question or example is [text, settings if only some]; case studies are chosen for each setting.
    const setting = draft.setting;
    /** @param {import("./plan-draft.js").Entry} entry */
    const shown = (entry) => inSetting(entry[1], setting);
    add(parent, "p", words(part.purpose));
    items(guide(parent, say.guiding_questions, true), part.questions.filter(shown).map((q) => ({ text: words(q[0]) })));
    const examples = part.examples.filter(shown);
    if (examples.length) items(guide(parent, say.examples), examples.map((e) => ({ text: words(e[0]) })));
    const more = guide(parent, say.see_also);
    for (const [title, links] of part.links) {
      add(add(more, "p"), "strong", words(title));
      items(more, links.map((link) => ({ text: words(link[0]), href: link[1] })));
    }
    add(add(more, "p"), "strong", say.case_studies);
    const studies = casesOf(part, setting);
    items(more, [...studies, part.catalogue].map((link) => ({ text: words(link[0]), href: link[1] })));
  }

  /** @param {Node} parent
      @param {Table} table */
  function tableForm(parent, table) {
    const group = add(parent, "fieldset");
    group.className = "lpl-make-table";
    add(group, "legend", words(table.title));
    if (table.note) add(group, "p", words(table.note)).className = "lpl-make-hint";
    table.rows.forEach((row, r) => {
      const set = add(group, "fieldset");
      set.className = "lpl-make-row";
      add(set, "legend", row[0] ? words(row[0]) : format(say.make_row, { n: r + 1 }));
      const first = table.columns.length - row[1].length;
      row[1].forEach((tag, i) => {
        const column = first + i + 1;
        if (has(table.ticks, String(column))) tickBox(set, tag, words(table.ticks[column]));
        else answerBoxes(set, tag, words(table.columns[column - 1]), 2);
      });
    });
  }

  /** @param {Node} parent */
  function pager(parent) {
    const nav = add(parent, "div");
    nav.className = "lpl-make-pager";
    for (const [index, wording, rel] of /** @type {[number, string, string][]} */ ([
      [current - 1, say.make_previous, "prev"],
      [current + 1, say.make_next, "next"],
    ])) {
      const part = parts[index];
      if (!part) continue;
      const link = add(nav, "a", format(wording, { part: partTitle(part) }));
      link.href = "#part-" + part.id;
      link.rel = rel;
    }
    const back = add(nav, "a", say.make_back);
    back.href = "#lpl-make-parts";
    back.className = "lpl-make-back";
  }

  /** @param {boolean} focus */
  function showPart(focus) {
    const part = parts[current];
    partView.textContent = "";
    partView.setAttribute("data-part", part.id);
    if (part.number !== undefined) {
      const caption = format(say.make_part_of, { n: part.number, total: parts.length - 1 });
      add(partView, "p", caption).className = "lpl-make-caption";
    }
    const heading = add(partView, "h2", partTitle(part));
    heading.id = "lpl-make-part-title";
    heading.tabIndex = -1;
    partView.setAttribute("aria-labelledby", heading.id);
    if (part.number === undefined) {
      for (const field of data.title) if (inSetting(field.settings, draft.setting)) nameBox(partView, field);
    } else {
      guidance(partView, part);
      if (part.notes) {
        const notes = add(partView, "div");
        notes.className = "lpl-make-notes";
        answerBoxes(notes, part.notes.tag, say.your_notes, Math.min(part.notes.lines, 12));
      }
      for (const table of tablesOf(part, draft.setting)) tableForm(partView, table);
    }
    pager(partView);
    list.querySelectorAll("a").forEach((link, i) => {
      if (i === current) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    });
    if (focus) {
      partView.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    }
  }

  function partInAddress() {
    const found = /^#part-([a-z0-9-]+)$/.exec(location.hash);
    return found ? parts.findIndex((part) => part.id === found[1]) : -1;
  }

  /** @param {number} index */
  function go(index) {
    current = index;
    showPart(true);
  }

  /* --- The documents: a setting's pack and fflate, loaded once, kept in IndexedDB --------------------- */

  /** @type {Record<string, Promise<Pack>>} */
  const loading = Object.create(null);

  /** Adds one of the site's own classic scripts (fflate, a pack) and waits for it.
      @param {string} src */
  function script(src) {
    return new Promise((resolve, reject) => {
      const node = document.createElement("script");
      node.src = src;
      node.onload = resolve;
      node.onerror = () => {
        node.remove();
        reject(new Error("could not load " + src));
      };
      document.head.appendChild(node);
    });
  }

  /** @returns {Promise<IDBDatabase>} */
  function database() {
    return new Promise((resolve, reject) => {
      const opening = indexedDB.open(DB, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore("packs");
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
  }

  /** A setting's pack kept from an earlier visit, if it is of this build.
      @param {string} setting
      @param {string} version
      @returns {Promise<Pack | null>} */
  function kept(setting, version) {
    return database()
      .then(
        (db) =>
          /** @type {Promise<Pack | null>} */ (
            new Promise((resolve) => {
              const getting = db.transaction("packs").objectStore("packs").get(setting);
              getting.onsuccess = () => {
                const pack = getting.result;
                db.close();
                resolve(pack && pack.version === version && pack.parts && pack.documents ? pack : null);
              };
              getting.onerror = () => {
                db.close();
                resolve(null);
              };
            })
          ),
      )
      .catch(() => null);
  }

  /** @param {Pack} pack */
  function keep(pack) {
    database()
      .then((db) => {
        const writing = db.transaction("packs", "readwrite");
        writing.objectStore("packs").put(pack, pack.setting);
        writing.oncomplete = writing.onerror = () => db.close();
      })
      .catch(() => {
        // not kept: fetched again next time
      });
  }

  /** @param {string} setting
      @returns {Promise<Pack>} */
  function templates(setting) {
    const info = data.settings[setting];
    const src = info.pack;
    if (!src) return Promise.reject(new Error("this build has no documents"));
    if (!loading[setting]) {
      const zip = loaded.fflate ? Promise.resolve() : script(data.fflate);
      const pack = kept(setting, info.version || "").then(
        (found) =>
          found ||
          script(src).then(() => {
            const fresh = (loaded.lplPlanTemplates || {})[setting];
            if (!fresh || fresh.version !== info.version) throw new Error("the documents are of another build");
            keep(fresh);
            return fresh;
          }),
      );
      loading[setting] = Promise.all([zip, pack]).then((done) => done[1]);
      loading[setting].catch(() => {
        delete loading[setting]; // tried again next time
      });
    }
    return loading[setting];
  }

  /* --- The Word document: its parts from the pack, filled by plan-docx.js, zipped ------------------- */

  /** @param {string} base64 */
  function bytes(base64) {
    const raw = atob(base64);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  /** @param {Blob} blob
      @param {string} name */
  function offer(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  function download() {
    tell(problem, "");
    store();
    const answers = draft.answers;
    const here = langs();
    const setting = draft.setting;
    const names = data.settings[setting].documents[draft.language];
    const name = names[draft.guidance ? 0 : 1];
    tell(status, say.make_preparing);
    const saved = say.make_saved.replace("{time}", time(draft.saved));
    return templates(setting)
      .then((pack) => {
        const fflate = loaded.fflate;
        if (!fflate) throw new Error("no zip library");
        /** @type {Record<string, Uint8Array>} */
        const files = {};
        const encoder = new TextEncoder();
        const decoder = new TextDecoder();
        for (const [path, key] of pack.documents[name]) {
          let part = fflate.inflateSync(bytes(pack.parts[key]));
          if (path === "word/document.xml") part = encoder.encode(fillDocument(decoder.decode(part), answers, here, window));
          else if (path === "docProps/core.xml") {
            part = encoder.encode(fillProperties(decoder.decode(part), answers, new Date(), window));
          }
          files[path] = part;
        }
        const zipped = fflate.zipSync(files, { level: 6, mtime: new Date(1980, 0, 1, 12) });
        const school = slug(schoolOf(answers));
        offer(new Blob([zipped], { type: DOCX }), names[0].replace(/\.docx$/, "") + (school ? "-" + school : "") + ".docx");
        tell(status, saved);
      })
      .catch(() => {
        tell(status, saved);
        tell(problem, say.make_download_error);
      });
  }

  /* Once a school starts writing, its documents are fetched in the background: a document can then be
     made with no connection, and is ready when asked for. */
  /** @type {string | null} */
  let prefetched = null;
  function prefetch() {
    if (prefetched === draft.setting) return;
    prefetched = draft.setting;
    const setting = draft.setting;
    const idle = window.requestIdleCallback || setTimeout;
    idle(() => {
      templates(setting).catch(() => {
        prefetched = null;
      });
    });
  }

  /* --- Files: the draft as JSON ------------------------------------------------------------------ */

  function saveFile() {
    store();
    const name = ["lpl-plan-draft", draft.setting, slug(schoolOf(draft.answers))].filter(Boolean).join("-") + ".json";
    offer(new Blob([JSON.stringify(draft, null, 1)], { type: "application/json" }), name);
  }

  function openFile() {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    tell(problem, "");
    if (file.size > MAX_FILE) {
      tell(problem, say.make_file_error);
      return;
    }
    file.text().then(
      (content) => {
        let opened = null;
        try {
          opened = checkedDraft(JSON.parse(content), data, fields);
        } catch {
          opened = null;
        }
        if (!opened) {
          tell(problem, say.make_file_error);
          return;
        }
        apply(opened);
        store();
        tell(status, say.make_opened + " " + status.textContent);
      },
      () => tell(problem, say.make_file_error),
    );
  }

  /* --- Print: what the Word file holds, in the document's languages --------------------------------- */

  /** A text in each of the document's languages: a heading's on one line ("Cy / En"), other texts one line
      each, the second in grey italics.
      @template {keyof HTMLElementTagNameMap} K
      @param {Node} parent
      @param {K} name
      @param {Pair | null} pair
      @param {string[]} here
      @param {{oneLine?: boolean, prefix?: string}} [options] */
  function inLanguages(parent, name, pair, here, options = {}) {
    const node = add(parent, name);
    here.forEach((lang, i) => {
      if (i) {
        if (options.oneLine) add(node, "span", " / ");
        else add(node, "br");
      }
      const part = add(node, "span", ((i === 0 && options.prefix) || "") + words(pair, lang), lang);
      if (i && !options.oneLine) part.className = "lpl-print-second";
    });
    return node;
  }

  /** @param {Node} parent
      @param {string} tag
      @param {string[]} here */
  function writtenIn(parent, tag, here) {
    const value = draft.answers[tag];
    if (!value) return;
    /** @type {[string, string][]} */
    const written =
      typeof value === "string"
        ? [[here[0], value]]
        : typeof value === "object"
          ? here.flatMap((lang) => {
              const text = value[/** @type {"cy" | "en"} */ (lang)];
              return text ? [/** @type {[string, string]} */ ([lang, text])] : [];
            })
          : [];
    for (const [lang, text] of written) {
      for (const line of text.split(/\r?\n/)) add(parent, "p", line, lang);
    }
  }

  /** @param {Node} parent */
  function together(parent) {
    const block = add(parent, "div");
    block.className = "lpl-print-keep";
    return block;
  }

  function printable() {
    const here = langs();
    const setting = draft.setting;
    const withGuidance = draft.guidance;
    const view = printView;
    view.textContent = "";
    view.lang = here[0];
    view.classList.toggle("lpl-make-print--guidance", withGuidance);
    const cover = add(view, "div");
    cover.className = "lpl-print-cover";
    inLanguages(cover, "h1", doc.title, here, { oneLine: false });
    /** @type {Pair} */
    const settingLine = [
      words(doc.setting, "en") + ": " + words(data.settings[setting].label, "en"),
      words(doc.setting, "cy") + ": " + words(data.settings[setting].label, "cy"),
    ];
    inLanguages(cover, "p", settingLine, here).className = "lpl-print-setting";
    const fieldTable = add(cover, "table");
    fieldTable.className = "lpl-plan-fields";
    const fieldRows = add(fieldTable, "tbody");
    for (const field of data.title) {
      if (!inSetting(field.settings, setting)) continue;
      const row = add(fieldRows, "tr");
      inLanguages(row, "th", field.label, here).scope = "row";
      const value = draft.answers[field.tag];
      add(row, "td", typeof value === "string" ? value : "", here[0]);
    }
    // As in Word: with the guidance, the draft-translation notice is on the how-to-use page; in the plan
    // alone, at its end.
    const draftNote = here.includes("cy") && data.settings[setting].draft[withGuidance ? 0 : 1];
    if (withGuidance) {
      const how = add(view, "section");
      how.className = "lpl-print-how";
      inLanguages(how, "h2", doc.how_to_use_title, here, { oneLine: true });
      for (const pair of [doc.intro, ...doc.how_to_use]) inLanguages(how, "p", pair, here);
      if (draftNote) inLanguages(how, "p", doc.draft_notice, here).className = "lpl-print-note";
      inLanguages(how, "h3", doc.in_this_plan, here, { oneLine: true });
      const contents = add(how, "ol");
      for (const part of parts.slice(1)) inLanguages(contents, "li", part.number === undefined ? null : part.title, here, { oneLine: true });
    }
    /** @type {HTMLElement | null} */
    let last = null;
    for (const part of parts) {
      if (part.number === undefined) continue;
      const tables = tablesOf(part, setting);
      const section = add(view, "section");
      section.className = "lpl-print-part" + (tables.some((t) => t.landscape) ? " lpl-print-landscape" : "");
      // A heading stays with what follows it: each is printed in one block with it, as Word keeps them.
      /** @type {HTMLElement | null} */
      let block = together(section);
      inLanguages(block, "h2", part.title, here, { oneLine: true, prefix: part.number + ". " });
      if (withGuidance) {
        printGuidance(block, section, part, here);
        block = null;
      }
      if (part.notes) {
        block = block || together(section);
        if (withGuidance) inLanguages(block, "h3", doc.your_notes, here, { oneLine: true });
        const notes = add(block, "div");
        notes.className = withGuidance ? "lpl-write" : "lpl-print-notes";
        writtenIn(notes, part.notes.tag, here);
        if (notes.firstChild || withGuidance) block = null; // empty notes: the heading stays with the table
      }
      for (const table of tables) {
        block = block || together(section);
        printTable(block, table, here, withGuidance);
        last = block;
        block = null;
      }
      last = block || last;
    }
    if (draftNote && !withGuidance && last) {
      inLanguages(last, "p", doc.draft_notice_plan, here).className = "lpl-print-note";
    }
  }

  /** @param {HTMLElement} lead  the block the part's heading is in
      @param {HTMLElement} section
      @param {Part} part
      @param {string[]} here */
  function printGuidance(lead, section, part, here) {
    const setting = draft.setting;
    inLanguages(lead, "p", part.purpose, here);
    inLanguages(section, "h3", doc.guiding_questions, here, { oneLine: true });
    const questions = add(section, "ul");
    for (const q of part.questions) if (inSetting(q[1], setting)) inLanguages(questions, "li", q[0], here);
    const examples = part.examples.filter((e) => inSetting(e[1], setting));
    if (examples.length) {
      inLanguages(section, "h3", doc.examples, here, { oneLine: true });
      const ul = add(section, "ul");
      for (const e of examples) inLanguages(ul, "li", e[0], here);
    }
    inLanguages(section, "h3", doc.see_also, here, { oneLine: true });
    const studies = casesOf(part, setting);
    for (const [title, links] of [...part.links, /** @type {[Pair, import("./plan-draft.js").Link[]]} */ ([doc.case_studies, [...studies, part.catalogue]])]) {
      inLanguages(section, "h4", title, here, { oneLine: true });
      if (title === doc.case_studies && !studies.length) inLanguages(section, "p", doc.no_case_study, here);
      const ul = add(section, "ul");
      for (const link of links) inLanguages(ul, "li", link[0], here);
    }
  }

  /** @param {HTMLElement} section
      @param {Table} table
      @param {string[]} here
      @param {boolean} withGuidance */
  function printTable(section, table, here, withGuidance) {
    inLanguages(section, "h3", table.title, here, { oneLine: true });
    if (withGuidance && table.note) inLanguages(section, "p", table.note, here);
    const grid = add(section, "table");
    grid.className = "lpl-plan-table";
    const columns = add(grid, "colgroup");
    for (const share of table.shares) add(columns, "col").style.width = (share * 100).toFixed(1) + "%";
    const head = add(add(grid, "thead"), "tr");
    for (const column of table.columns) inLanguages(head, "th", column, here).scope = "col";
    const body = add(grid, "tbody");
    for (const row of table.rows) {
      const line = add(body, "tr");
      if (row[0]) inLanguages(line, "th", row[0], here).scope = "row";
      const first = table.columns.length - row[1].length;
      row[1].forEach((tag, i) => {
        const cell = add(line, "td");
        if (has(table.ticks, String(first + i + 1))) {
          cell.className = "lpl-print-tick";
          cell.textContent = draft.answers[tag] === true ? TICKED : UNTICKED;
        } else writtenIn(cell, tag, here);
      });
    }
  }

  /* --- Wiring ------------------------------------------------------------------------------------ */

  /** @param {HTMLInputElement | HTMLTextAreaElement} box */
  function answer(box) {
    const tag = box.getAttribute("data-tag") || "";
    const kind = fields.kinds[tag];
    if (!kind) return;
    if (kind === "tick") {
      if (box instanceof HTMLInputElement && box.checked) draft.answers[tag] = true;
      else delete draft.answers[tag];
    } else if (kind === "name") {
      draft.answers[tag] = box.value;
    } else {
      const had = draft.answers[tag];
      const both = had && typeof had === "object" ? had : {};
      both[/** @type {"cy" | "en"} */ (box.lang)] = box.value;
      draft.answers[tag] = both;
    }
    showState(parts[current]);
    later();
    prefetch();
  }

  /** @param {EventTarget | null} target */
  const box = (target) =>
    (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.hasAttribute("data-tag")
      ? target
      : null;

  root.addEventListener("input", (event) => {
    const target = box(event.target);
    if (target && target.type !== "checkbox") answer(target);
  });
  root.addEventListener("change", (event) => {
    const target = event.target;
    const field = box(target);
    if (field && field.type === "checkbox") answer(field);
    else if (target === settingBox || (target instanceof HTMLInputElement && target.name === "language")) {
      const id = parts[current].id;
      draft.setting = settingBox.value;
      draft.language = chosenLanguage();
      parts = partsOf(draft.setting);
      current = Math.max(0, parts.findIndex((part) => part.id === id));
      showContents();
      showPart(false);
      store();
      if (Object.keys(draft.answers).length) prefetch();
    } else if (target === guidanceBox) {
      draft.guidance = guidanceBox.checked;
      store();
    }
  });
  root.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest("a[href^='#part-']");
    if (link && link.getAttribute("href") === location.hash) {
      event.preventDefault(); // the part already shown: take the reader to it
      byId("lpl-make-part-title", HTMLElement).focus();
      return;
    }
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.getAttribute("data-action");
    if (action === "download") download();
    else if (action === "print") {
      printable();
      window.print();
    } else if (action === "save-file") saveFile();
    else if (action === "open-file") fileInput.click();
    else if (action === "clear") clear();
  });
  window.addEventListener("hashchange", () => {
    const index = partInAddress();
    if (index >= 0) go(index);
  });
  fileInput.addEventListener("change", openFile);
  window.addEventListener("beforeprint", printable);
  window.addEventListener("pagehide", () => {
    if (pending) store();
  });

  root.hidden = false;
  restore();
  const asked = partInAddress();
  current = asked >= 0 ? asked : current;
  showContents();
  showPart(asked >= 0); // a part named in the address is scrolled to, as an anchor would be
}

const makeRoot = document.getElementById("lpl-make");
const dataNode = document.getElementById("lpl-make-data");
if (makeRoot && dataNode) setUp(makeRoot, JSON.parse(dataNode.textContent || "null"));
