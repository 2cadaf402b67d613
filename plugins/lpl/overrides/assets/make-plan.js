/* "Make your plan" (plan-templates/make/): the plan as a form in parts, kept in this browser as you type,
   saved to and opened from a file, printed as the Word file reads, and downloaded as the build's own .docx
   with its content controls filled. The page's JSON (lpl/render/plan_pages.make_data) gives the parts and
   their fields' tags from the same list as the Word renderer's (plan_view.plan_fields), so there is no
   second document renderer here.

   One part shows at a time (#part-<id> in the address, so Back works); the contents list says which parts
   are started. The documents (lpl.publish.downloads.template_packs, one script per setting) and the zip
   library (fflate, vendored in assets/vendor/fflate/) load only once a school starts writing or asks for a
   document, and the documents are kept in IndexedDB for the next visit, offline included.

   Nothing leaves the device: the page's Content-Security-Policy forbids connections; this script only
   adds the site's own scripts. A draft from storage or a file is hostile: its shape is checked, its sizes
   capped, and text only ever goes in through .value, textContent or the XML DOM, never parsed as HTML. */
(function () {
  "use strict";
  const root = document.getElementById("lpl-make");
  const dataNode = document.getElementById("lpl-make-data");
  if (!root || !dataNode) return;
  const data = JSON.parse(dataNode.textContent);
  const say = data.say, doc = data.doc;
  const STORE = "lpl-plan-draft", FORMAT = "lpl-plan-draft", VERSION = 2; // version 1: the one-page form's
  const MAX_FILE = 4 * 1024 * 1024, MAX_NAME = 300, MAX_TEXT = 20000;
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
  const XML_NS = "http://www.w3.org/XML/1998/namespace";
  const LOCALES = { en: "en-GB", cy: "cy-GB" }, INDEX = { en: 0, cy: 1 };
  const TICKED = "\u2612", UNTICKED = "\u2610", TITLE = "title-page";
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  const $ = (id) => document.getElementById(id);
  const status = $("lpl-make-status"), problem = $("lpl-make-error"), settingBox = $("lpl-make-setting");
  const guidanceBox = $("lpl-make-guidance"), list = $("lpl-make-list"), partView = $("lpl-make-part");
  const fileInput = $("lpl-make-file"), printView = $("lpl-make-print");
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /* --- The plan's fields, from the page's data ----------------------------------------------------- */

  const words = (pair, lang) => (pair ? pair[INDEX[lang || data.lang]] : "");
  const format = (template, values) => template.replace(/\{(\w+)\}/g, (m, key) => (has(values, key) ? values[key] : m));
  const inSetting = (settings, setting) => !settings || settings.indexOf(setting) >= 0;

  /* Each cell of a table: (tag, column from 1, row). A labelled row's first column is its label. */
  function eachCell(table, fn) {
    table.rows.forEach((row) => {
      const first = table.columns.length - row[1].length;
      row[1].forEach((tag, i) => fn(tag, first + i + 1, row));
    });
  }

  const kinds = Object.create(null); // every tag of every setting: "name", "answer" or "tick"
  const besideTick = Object.create(null); // a tick's neighbour to write in (for drafts of the one-page form)
  data.title.forEach((field) => { kinds[field.tag] = "name"; });
  data.parts.forEach((part) => {
    if (part.notes) kinds[part.notes.tag] = "answer";
    part.tables.forEach((table) => {
      eachCell(table, (tag, column) => { kinds[tag] = has(table.ticks, column) ? "tick" : "answer"; });
      table.rows.forEach((row) => {
        const ticks = row[1].filter((tag) => kinds[tag] === "tick");
        const next = row[1].find((tag) => kinds[tag] === "answer");
        ticks.forEach((tag) => { if (next) besideTick[tag] = next; });
      });
    });
  });

  /* The parts of a setting's plan: the title page, then its numbered parts, as in the Word file. */
  function partsOf(setting) {
    const numbered = data.parts.filter((part) => inSetting(part.settings, setting));
    return [{ id: TITLE }].concat(numbered.map((part, i) => Object.assign({ number: i + 1 }, part)));
  }

  function partTitle(part, lang) {
    return part.id === TITLE ? words(doc.make_title_page, lang) : part.number + ". " + words(part.title, lang);
  }

  const casesOf = (part, setting) => (part.cases_by_setting[setting] || []).map((i) => part.cases[i]);

  function tablesOf(part, setting) {
    return part.id === TITLE ? [] : part.tables.filter((table) => inSetting(table.settings, setting));
  }

  function tagsOf(part, setting) {
    if (part.id === TITLE) return data.title.filter((f) => inSetting(f.settings, setting)).map((f) => f.tag);
    const tags = part.notes ? [part.notes.tag] : [];
    tablesOf(part, setting).forEach((table) => eachCell(table, (tag) => tags.push(tag)));
    return tags;
  }

  /* --- The draft: {format, version, setting, language, guidance, saved, answers} --------------------
     answers: {tag: text (a name) | {cy, en} (an answer, by language) | true (a ticked box)} */

  let draft = {
    format: FORMAT, version: VERSION, setting: settingBox.value, language: chosenLanguage(), guidance: false,
    saved: null, answers: Object.create(null),
  };
  let parts = partsOf(draft.setting), current = 0;

  function chosenLanguage() {
    const checked = root.querySelector("input[name=language]:checked");
    return checked ? checked.value : data.lang;
  }

  const langs = () => data.languages[draft.language];

  function filled(tag) {
    const value = draft.answers[tag];
    if (kinds[tag] === "answer") return !!value && Object.keys(value).some((lang) => value[lang].trim());
    return kinds[tag] === "tick" ? value === true : !!value && !!value.trim();
  }

  const text = (value, max) => (typeof value === "string" ? value.slice(0, max) : null);
  const MARK = /^\s*(?:[\u2713\u2714\u2611\u2612xX*]|yes|ie|y|tick|tic)\s*$/i;

  /* A draft read from storage or a file, checked field by field; null if it is not one. */
  function checked(given) {
    if (!given || typeof given !== "object" || Array.isArray(given)) return null;
    if (given.format !== FORMAT || (given.version !== 1 && given.version !== VERSION)) return null;
    if (typeof given.setting !== "string" || !has(data.settings, given.setting)) return null;
    if (typeof given.language !== "string" || !has(data.languages, given.language)) return null;
    const source = given.answers;
    if (!source || typeof source !== "object" || Array.isArray(source)) return null;
    const answers = Object.create(null);
    Object.keys(source).forEach((tag) => {
      if (!(tag in kinds)) return; // a field this site does not have: left out
      const value = source[tag];
      if (kinds[tag] === "name") {
        if (text(value, MAX_NAME)) answers[tag] = text(value, MAX_NAME);
      } else if (kinds[tag] === "tick") {
        if (value === true) answers[tag] = true;
        else if (given.version === 1 && value && typeof value === "object" && !Array.isArray(value)) {
          // The one-page form had a box to write "✓" in: any writing ticks it, and words beyond a mark
          // go to the row's box to write in, so nothing written is lost.
          ["cy", "en"].forEach((lang) => {
            const written = text(value[lang], MAX_TEXT);
            if (!written || !written.trim()) return;
            answers[tag] = true;
            const beside = besideTick[tag];
            if (beside && !MARK.test(written)) {
              const before = source[beside] && typeof source[beside] === "object" ? text(source[beside][lang], MAX_TEXT) : "";
              (answers[beside] = answers[beside] || {})[lang] = (written.trim() + (before ? "\n" + before : "")).slice(0, MAX_TEXT);
            }
          });
        }
      } else if (value && typeof value === "object" && !Array.isArray(value)) {
        const both = answers[tag] || {};
        ["cy", "en"].forEach((lang) => {
          if (text(value[lang], MAX_TEXT) && !both[lang]) both[lang] = text(value[lang], MAX_TEXT);
        });
        if (both.cy || both.en) answers[tag] = both;
      }
    });
    const saved = typeof given.saved === "string" && !isNaN(Date.parse(given.saved)) ? given.saved : null;
    return {
      format: FORMAT, version: VERSION, setting: given.setting, language: given.language,
      guidance: given.guidance === true, saved: saved, answers: answers,
    };
  }

  function apply(next) {
    draft = next;
    settingBox.value = draft.setting;
    const radio = $("lpl-make-language-" + draft.language);
    if (radio) radio.checked = true;
    guidanceBox.checked = draft.guidance;
    const id = parts[current] && parts[current].id;
    parts = partsOf(draft.setting);
    current = Math.max(0, parts.findIndex((part) => part.id === id));
    showContents();
    showPart(false);
  }

  /* --- Kept in this browser as you type ---------------------------------------------------------- */

  const tell = (node, message) => { node.textContent = message || ""; };

  function time(iso) {
    // Digits only: browsers' date wording has no Welsh everywhere.
    const when = iso ? new Date(iso) : new Date(), two = (n) => String(n).padStart(2, "0");
    return two(when.getHours()) + ":" + two(when.getMinutes()) + ", " + two(when.getDate()) + "/" +
      two(when.getMonth() + 1) + "/" + when.getFullYear();
  }

  let pending = null;
  function store() {
    clearTimeout(pending);
    pending = null;
    draft.saved = new Date().toISOString();
    try {
      localStorage.setItem(STORE, JSON.stringify(draft));
    } catch (e) {
      tell(problem, say.make_storage_error);
      return;
    }
    tell(status, say.make_saved.replace("{time}", time(draft.saved)));
  }

  function later() {
    clearTimeout(pending);
    pending = setTimeout(store, 400);
  }

  function restore() {
    let kept = null;
    try {
      kept = checked(JSON.parse(localStorage.getItem(STORE) || "null"));
    } catch (e) {
      kept = null;
    }
    if (kept) {
      apply(kept);
      tell(status, say.make_saved.replace("{time}", time(kept.saved)));
    }
    return !!kept;
  }

  function clear() {
    if (!window.confirm(say.make_clear_confirm)) return;
    clearTimeout(pending);
    pending = null;
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing was kept */ }
    draft.answers = Object.create(null);
    showContents();
    showPart(false);
    tell(problem, "");
    tell(status, say.make_cleared);
  }

  /* --- The contents: every part of the setting's plan, with its state in words --------------------- */

  function add(parent, name, value, lang) {
    const node = document.createElement(name);
    if (value !== undefined && value !== null) node.textContent = value;
    if (lang) node.lang = lang;
    parent.appendChild(node);
    return node;
  }

  function showState(part) {
    const node = $("lpl-make-state-" + part.id);
    if (!node) return;
    const started = tagsOf(part, draft.setting).some(filled);
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

  const fieldId = (tag, lang) => "lpl-f-" + tag.replace(/\./g, "_") + (lang ? "-" + lang : "");

  function label(parent, forId, value) {
    const node = add(parent, "label", value);
    node.htmlFor = forId;
    return node;
  }

  function nameBox(parent, field) {
    const line = add(parent, "p");
    line.className = "lpl-make-field";
    label(line, fieldId(field.tag), words(field.label));
    const input = add(line, "input");
    Object.assign(input, { type: "text", id: fieldId(field.tag), maxLength: MAX_NAME, autocomplete: "off" });
    input.setAttribute("data-tag", field.tag);
    input.value = draft.answers[field.tag] || "";
  }

  function answerBoxes(parent, tag, name, rows) {
    const here = langs();
    here.forEach((lang) => {
      const wrap = add(parent, "div");
      wrap.className = "lpl-make-answer";
      const caption = label(wrap, fieldId(tag, lang), name);
      if (here.length > 1) add(caption, "span", " (" + data.names[lang] + ")").className = "lpl-make-in";
      const box = add(wrap, "textarea");
      Object.assign(box, { id: fieldId(tag, lang), rows: rows, maxLength: MAX_TEXT, lang: lang });
      box.setAttribute("data-tag", tag);
      const value = draft.answers[tag];
      box.value = (value && typeof value === "object" && value[lang]) || "";
    });
  }

  function tickBox(parent, tag, name) {
    const line = add(parent, "p");
    line.className = "lpl-make-check";
    const box = add(line, "input");
    Object.assign(box, { type: "checkbox", id: fieldId(tag), checked: draft.answers[tag] === true });
    box.setAttribute("data-tag", tag);
    label(line, fieldId(tag), name);
  }

  function guide(parent, summary, open) {
    const details = add(parent, "details");
    details.className = "lpl-make-guide";
    details.open = !!open;
    add(details, "summary", summary);
    return details;
  }

  function items(parent, entries) {
    const ul = add(parent, "ul");
    entries.forEach((entry) => {
      const li = add(ul, "li");
      if (entry.href) {
        const a = add(li, "a", entry.text);
        a.href = entry.href;
      } else li.textContent = entry.text;
    });
  }

  function guidance(parent, part) {
    // A question or example is [text, settings if only some]; case studies are chosen for each setting.
    const setting = draft.setting, shown = (entry) => inSetting(entry[1], setting);
    add(parent, "p", words(part.purpose));
    items(guide(parent, say.guiding_questions, true), part.questions.filter(shown).map((q) => ({ text: words(q[0]) })));
    const examples = part.examples.filter(shown);
    if (examples.length) items(guide(parent, say.examples), examples.map((e) => ({ text: words(e[0]) })));
    const more = guide(parent, say.see_also);
    part.links.forEach((group) => {
      add(add(more, "p"), "strong", words(group[0]));
      items(more, group[1].map((link) => ({ text: words(link[0]), href: link[1] })));
    });
    add(add(more, "p"), "strong", say.case_studies);
    const studies = casesOf(part, setting);
    items(more, studies.concat([part.catalogue]).map((link) => ({ text: words(link[0]), href: link[1] })));
  }

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
        if (has(table.ticks, column)) tickBox(set, tag, words(table.ticks[column]));
        else answerBoxes(set, tag, words(table.columns[column - 1]), 2);
      });
    });
  }

  function pager(parent) {
    const nav = add(parent, "div");
    nav.className = "lpl-make-pager";
    [[current - 1, say.make_previous, "prev"], [current + 1, say.make_next, "next"]].forEach((step) => {
      const part = parts[step[0]];
      if (!part) return;
      const link = add(nav, "a", format(step[1], { part: partTitle(part) }));
      link.href = "#part-" + part.id;
      link.rel = step[2];
    });
    const back = add(nav, "a", say.make_back);
    back.href = "#lpl-make-parts";
    back.className = "lpl-make-back";
  }

  function showPart(focus) {
    const part = parts[current];
    partView.textContent = "";
    partView.setAttribute("data-part", part.id);
    if (part.number) {
      const caption = format(say.make_part_of, { n: part.number, total: parts.length - 1 });
      add(partView, "p", caption).className = "lpl-make-caption";
    }
    const heading = add(partView, "h2", partTitle(part));
    heading.id = "lpl-make-part-title";
    heading.tabIndex = -1;
    partView.setAttribute("aria-labelledby", heading.id);
    if (part.id === TITLE) {
      data.title.filter((field) => inSetting(field.settings, draft.setting)).forEach((field) => nameBox(partView, field));
    } else {
      guidance(partView, part);
      if (part.notes) {
        const notes = add(partView, "div");
        notes.className = "lpl-make-notes";
        answerBoxes(notes, part.notes.tag, say.your_notes, Math.min(part.notes.lines, 12));
      }
      tablesOf(part, draft.setting).forEach((table) => tableForm(partView, table));
    }
    pager(partView);
    [].forEach.call(list.querySelectorAll("a"), (link, i) => {
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

  function go(index) {
    current = index;
    showPart(true);
  }

  /* --- The documents: a setting's pack and fflate, loaded once, kept in IndexedDB --------------------- */

  const loading = Object.create(null);
  const DB = "lpl-plan-templates";

  function script(src) {
    return new Promise((resolve, reject) => {
      const node = document.createElement("script");
      node.src = src;
      node.onload = resolve;
      node.onerror = () => { node.remove(); reject(new Error("could not load " + src)); };
      document.head.appendChild(node);
    });
  }

  function database() {
    return new Promise((resolve, reject) => {
      const opening = indexedDB.open(DB, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore("packs");
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
  }

  function kept(setting, version) {
    return database().then((db) => new Promise((resolve) => {
      const getting = db.transaction("packs").objectStore("packs").get(setting);
      getting.onsuccess = () => {
        const pack = getting.result;
        db.close();
        resolve(pack && pack.version === version && pack.parts && pack.documents ? pack : null);
      };
      getting.onerror = () => { db.close(); resolve(null); };
    })).catch(() => null);
  }

  function keep(pack) {
    database().then((db) => {
      const writing = db.transaction("packs", "readwrite");
      writing.objectStore("packs").put(pack, pack.setting);
      writing.oncomplete = writing.onerror = () => db.close();
    }).catch(() => { /* not kept: fetched again next time */ });
  }

  function templates(setting) {
    const info = data.settings[setting];
    if (!info.pack) return Promise.reject(new Error("this build has no documents"));
    if (!loading[setting]) {
      const zip = window.fflate ? Promise.resolve() : script(data.fflate);
      const pack = kept(setting, info.version).then((found) => found || script(info.pack).then(() => {
        const loaded = (window.lplPlanTemplates || {})[setting];
        if (!loaded || loaded.version !== info.version) throw new Error("the documents are of another build");
        keep(loaded);
        return loaded;
      }));
      loading[setting] = Promise.all([zip, pack]).then((done) => done[1]);
      loading[setting].catch(() => { delete loading[setting]; }); // tried again next time
    }
    return loading[setting];
  }

  /* --- Filling the Word document ----------------------------------------------------------------- */

  function bytes(base64) {
    const raw = atob(base64), out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function xmlSafe(value) {
    const s = value.toWellFormed ? value.toWellFormed() : value;
    return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  }

  const element = (xml, name) => xml.createElementNS(W, "w:" + name);

  function child(node, ns, name) {
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.namespaceURI === ns && c.localName === name) return c;
    }
    return null;
  }

  /* One paragraph per line of the answer, each run marked with its language. */
  function paragraphs(xml, value, lang, pPr) {
    return value.replace(/\r\n?/g, "\n").split("\n").map((line) => {
      const p = element(xml, "p");
      if (pPr) p.appendChild(pPr.cloneNode(true));
      if (line) {
        const r = element(xml, "r"), rPr = element(xml, "rPr"), mark = element(xml, "lang"), t = element(xml, "t");
        mark.setAttributeNS(W, "w:val", LOCALES[lang]);
        mark.setAttributeNS(W, "w:eastAsia", LOCALES[lang]);
        rPr.appendChild(mark);
        t.setAttributeNS(XML_NS, "xml:space", "preserve");
        t.textContent = xmlSafe(line);
        r.appendChild(rPr);
        r.appendChild(t);
        p.appendChild(r);
      }
      return p;
    });
  }

  function tick(sdt, properties, content, on) {
    const box = child(properties, W14, "checkbox"), state = box && child(box, W14, "checked");
    if (state) state.setAttributeNS(W14, "w14:val", on ? "1" : "0");
    [].forEach.call(content.getElementsByTagNameNS(W, "t"), (t) => { t.textContent = on ? TICKED : UNTICKED; });
  }

  /* word/document.xml with every tagged content control holding its answer. */
  function fill(xmlText, answers, here) {
    const xml = new DOMParser().parseFromString(xmlText, "application/xml");
    if (xml.getElementsByTagName("parsererror").length) throw new Error("template is not XML");
    [].slice.call(xml.getElementsByTagNameNS(W, "sdt")).forEach((sdt) => {
      const properties = child(sdt, W, "sdtPr"), content = child(sdt, W, "sdtContent");
      const tag = properties && child(properties, W, "tag");
      const value = tag && answers[tag.getAttributeNS(W, "val")];
      if (!content || !value) return;
      if (child(properties, W14, "checkbox")) {
        tick(sdt, properties, content, value === true);
        return;
      }
      const first = child(content, W, "p"), pPr = first && child(first, W, "pPr");
      const written = typeof value === "string" ? [[here[0], value]]
        : here.filter((lang) => typeof value[lang] === "string" && value[lang]).map((lang) => [lang, value[lang]]);
      if (!written.length || !first) return;
      const placeholder = child(properties, W, "showingPlcHdr");
      if (placeholder) properties.removeChild(placeholder);
      while (content.firstChild) content.removeChild(content.firstChild);
      const added = [];
      written.forEach((part) => {
        paragraphs(xml, part[1], part[0], pPr).forEach((p) => { content.appendChild(p); added.push(p); });
      });
      // Running text (a plan's notes) keeps only its last paragraph with what follows, not all of it.
      if (sdt.parentNode && sdt.parentNode.localName === "body") {
        added.slice(0, -1).forEach((p) => {
          const props = child(p, W, "pPr"), keep = props && child(props, W, "keepNext");
          if (keep) props.removeChild(keep);
        });
      }
    });
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      new XMLSerializer().serializeToString(xml.documentElement);
  }

  const schoolOf = (answers) => {
    const name = answers["title.school"] || answers["title.cluster"];
    return typeof name === "string" ? name : "";
  };

  /* docProps/core.xml: the school's name in the title, the date it was made. */
  function properties(xmlText, answers) {
    const xml = new DOMParser().parseFromString(xmlText, "application/xml");
    if (xml.getElementsByTagName("parsererror").length) throw new Error("properties are not XML");
    const school = xmlSafe(schoolOf(answers).trim());
    const title = xml.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title")[0];
    if (title && school) title.textContent = title.textContent.split(" \u2014 ")[0] + " \u2014 " + school;
    const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    ["created", "modified"].forEach((name) => {
      const node = xml.getElementsByTagNameNS("http://purl.org/dc/terms/", name)[0];
      if (node) node.textContent = now;
    });
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      new XMLSerializer().serializeToString(xml.documentElement);
  }

  function offer(blob, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function slug(value) {
    return (value || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  }

  function download() {
    tell(problem, "");
    store();
    const answers = draft.answers, here = langs(), setting = draft.setting;
    const names = data.settings[setting].documents[draft.language], name = names[draft.guidance ? 0 : 1];
    tell(status, say.make_preparing);
    const saved = say.make_saved.replace("{time}", time(draft.saved));
    return templates(setting).then((pack) => {
      const files = {}, encoder = new TextEncoder(), decoder = new TextDecoder();
      pack.documents[name].forEach((entry) => {
        let part = window.fflate.inflateSync(bytes(pack.parts[entry[1]]));
        if (entry[0] === "word/document.xml") part = encoder.encode(fill(decoder.decode(part), answers, here));
        else if (entry[0] === "docProps/core.xml") part = encoder.encode(properties(decoder.decode(part), answers));
        files[entry[0]] = part;
      });
      const zipped = window.fflate.zipSync(files, { level: 6, mtime: new Date(1980, 0, 1, 12) });
      const school = slug(schoolOf(answers));
      offer(new Blob([zipped], { type: DOCX }), names[0].replace(/\.docx$/, "") + (school ? "-" + school : "") + ".docx");
      tell(status, saved);
    }).catch(() => {
      tell(status, saved);
      tell(problem, say.make_download_error);
    });
  }

  /* Once a school starts writing, its documents are fetched in the background: a document can then be
     made with no connection, and is ready when asked for. */
  let prefetched = null;
  function prefetch() {
    if (prefetched === draft.setting) return;
    prefetched = draft.setting;
    const setting = draft.setting;
    (window.requestIdleCallback || setTimeout)(() => { templates(setting).catch(() => { prefetched = null; }); });
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
    file.text().then((content) => {
      let opened = null;
      try { opened = checked(JSON.parse(content)); } catch (e) { opened = null; }
      if (!opened) {
        tell(problem, say.make_file_error);
        return;
      }
      apply(opened);
      store();
      tell(status, say.make_opened + " " + status.textContent);
    }, () => { tell(problem, say.make_file_error); });
  }

  /* --- Print: what the Word file holds, in the document's languages --------------------------------- */

  function inLanguages(parent, name, pair, here, options) {
    // A heading's languages on one line ("Cy / En"), other texts one line each, the second in grey italics.
    const node = add(parent, name);
    here.forEach((lang, i) => {
      if (i) {
        if (options && options.oneLine) add(node, "span", " / ");
        else add(node, "br");
      }
      const part = add(node, "span", (i === 0 && options && options.prefix || "") + words(pair, lang), lang);
      if (i && !(options && options.oneLine)) part.className = "lpl-print-second";
    });
    return node;
  }

  function writtenIn(parent, tag, here) {
    const value = draft.answers[tag];
    if (!value) return;
    const written = typeof value === "string" ? [[here[0], value]] : here.filter((lang) => value[lang]).map((lang) => [lang, value[lang]]);
    written.forEach((part) => {
      part[1].split(/\r?\n/).forEach((line) => { add(parent, "p", line, part[0]); });
    });
  }

  function printable() {
    const here = langs(), setting = draft.setting, withGuidance = draft.guidance;
    const view = printView;
    view.textContent = "";
    view.lang = here[0];
    view.classList.toggle("lpl-make-print--guidance", withGuidance);
    const cover = add(view, "div");
    cover.className = "lpl-print-cover";
    inLanguages(cover, "h1", doc.title, here, { oneLine: false });
    const settingLine = [0, 1].map((i) => words(doc.setting, ["en", "cy"][i]) + ": " + words(data.settings[setting].label, ["en", "cy"][i]));
    inLanguages(cover, "p", settingLine, here).className = "lpl-print-setting";
    const fields = add(add(cover, "table"), "tbody");
    fields.parentNode.className = "lpl-plan-fields";
    data.title.filter((field) => inSetting(field.settings, setting)).forEach((field) => {
      const row = add(fields, "tr");
      inLanguages(row, "th", field.label, here).scope = "row";
      add(row, "td", draft.answers[field.tag] || "", here[0]);
    });
    // As in Word: with the guidance, the draft-translation notice is on the how-to-use page; in the plan
    // alone, at its end.
    const draftNote = here.indexOf("cy") >= 0 && data.settings[setting].draft[withGuidance ? 0 : 1];
    if (withGuidance) {
      const how = add(view, "section");
      how.className = "lpl-print-how";
      inLanguages(how, "h2", doc.how_to_use_title, here, { oneLine: true });
      [doc.intro].concat(doc.how_to_use).forEach((pair) => { inLanguages(how, "p", pair, here); });
      if (draftNote) inLanguages(how, "p", doc.draft_notice, here).className = "lpl-print-note";
      inLanguages(how, "h3", doc.in_this_plan, here, { oneLine: true });
      const contents = add(how, "ol");
      parts.slice(1).forEach((part) => { inLanguages(contents, "li", part.title, here, { oneLine: true }); });
    }
    let section = null, last = null;
    parts.slice(1).forEach((part) => {
      const tables = tablesOf(part, setting);
      section = add(view, "section");
      section.className = "lpl-print-part" + (tables.some((t) => t.landscape) ? " lpl-print-landscape" : "");
      // A heading stays with what follows it: each is printed in one block with it, as Word keeps them.
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
      tables.forEach((table) => {
        block = block || together(section);
        printTable(block, table, here, withGuidance);
        last = block;
        block = null;
      });
      last = block || last;
    });
    if (draftNote && !withGuidance && last) {
      inLanguages(last, "p", doc.draft_notice_plan, here).className = "lpl-print-note";
    }
  }

  function together(parent) {
    const block = add(parent, "div");
    block.className = "lpl-print-keep";
    return block;
  }

  function printGuidance(lead, section, part, here) {
    const setting = draft.setting;
    inLanguages(lead, "p", part.purpose, here);
    inLanguages(section, "h3", doc.guiding_questions, here, { oneLine: true });
    const questions = add(section, "ul");
    part.questions.filter((q) => inSetting(q[1], setting)).forEach((q) => { inLanguages(questions, "li", q[0], here); });
    const examples = part.examples.filter((e) => inSetting(e[1], setting));
    if (examples.length) {
      inLanguages(section, "h3", doc.examples, here, { oneLine: true });
      const ul = add(section, "ul");
      examples.forEach((e) => { inLanguages(ul, "li", e[0], here); });
    }
    inLanguages(section, "h3", doc.see_also, here, { oneLine: true });
    const studies = casesOf(part, setting);
    part.links.concat([[doc.case_studies, studies.concat([part.catalogue])]]).forEach((group) => {
      inLanguages(section, "h4", group[0], here, { oneLine: true });
      if (group[0] === doc.case_studies && !studies.length) inLanguages(section, "p", doc.no_case_study, here);
      const ul = add(section, "ul");
      group[1].forEach((link) => { inLanguages(ul, "li", link[0], here); });
    });
  }

  function printTable(section, table, here, withGuidance) {
    inLanguages(section, "h3", table.title, here, { oneLine: true });
    if (withGuidance && table.note) inLanguages(section, "p", table.note, here);
    const grid = add(section, "table");
    grid.className = "lpl-plan-table";
    const columns = add(grid, "colgroup");
    table.shares.forEach((share) => { add(columns, "col").style.width = (share * 100).toFixed(1) + "%"; });
    const head = add(add(grid, "thead"), "tr");
    table.columns.forEach((column) => { inLanguages(head, "th", column, here).scope = "col"; });
    const body = add(grid, "tbody");
    table.rows.forEach((row) => {
      const line = add(body, "tr");
      if (row[0]) inLanguages(line, "th", row[0], here).scope = "row";
      const first = table.columns.length - row[1].length;
      row[1].forEach((tag, i) => {
        const cell = add(line, "td");
        if (has(table.ticks, first + i + 1)) {
          cell.className = "lpl-print-tick";
          cell.textContent = draft.answers[tag] === true ? TICKED : UNTICKED;
        } else writtenIn(cell, tag, here);
      });
    });
  }

  /* --- Wiring ------------------------------------------------------------------------------------ */

  function answer(box) {
    const tag = box.getAttribute("data-tag");
    if (!(tag in kinds)) return;
    if (kinds[tag] === "tick") {
      if (box.checked) draft.answers[tag] = true;
      else delete draft.answers[tag];
    } else if (kinds[tag] === "name") {
      draft.answers[tag] = box.value;
    } else {
      (draft.answers[tag] = draft.answers[tag] || {})[box.lang] = box.value;
    }
    showState(parts[current]);
    later();
    prefetch();
  }

  root.addEventListener("input", (event) => {
    if (event.target.hasAttribute("data-tag") && event.target.type !== "checkbox") answer(event.target);
  });
  root.addEventListener("change", (event) => {
    const target = event.target;
    if (target.hasAttribute("data-tag") && target.type === "checkbox") answer(target);
    else if (target === settingBox || target.name === "language") {
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
    const link = event.target.closest("a[href^='#part-']");
    if (link && link.getAttribute("href") === location.hash) {
      event.preventDefault(); // the part already shown: take the reader to it
      $("lpl-make-part-title").focus();
      return;
    }
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.getAttribute("data-action");
    if (action === "download") download();
    else if (action === "print") { printable(); window.print(); }
    else if (action === "save-file") saveFile();
    else if (action === "open-file") fileInput.click();
    else if (action === "clear") clear();
  });
  window.addEventListener("hashchange", () => {
    const index = partInAddress();
    if (index >= 0) go(index);
  });
  fileInput.addEventListener("change", openFile);
  window.addEventListener("beforeprint", printable);
  window.addEventListener("pagehide", () => { if (pending) store(); });

  root.hidden = false;
  restore();
  const asked = partInAddress();
  current = asked >= 0 ? asked : current;
  showContents();
  showPart(asked >= 0); // a part named in the address is scrolled to, as an anchor would be
})();
