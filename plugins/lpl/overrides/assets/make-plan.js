/* "Make your plan" (plan-templates/make/): the plan as a form, kept in this browser as you type,
   saved to and opened from a file, and exported into the build's own .docx template by filling its
   content controls — the tags come from the same list as the Word renderer's (lpl/render/plan_view.py
   plan_fields, shipped in the page as JSON), so there is no second document renderer here.
   Nothing leaves the device: the page's Content-Security-Policy forbids connections, and this script
   makes none. A draft from storage or a file is treated as hostile: its shape is checked, its sizes
   capped, and text only ever goes in through .value, textContent or the XML DOM, never parsed as HTML.
   Zip work: fflate (vendored, assets/vendor/fflate/); the templates: downloads/lpl-plan-templates.js. */
(function () {
  "use strict";
  var form = document.querySelector("[data-lpl-make]");
  var dataNode = document.getElementById("lpl-make-data");
  if (!form || !dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var say = data.messages;
  var STORE = "lpl-plan-draft", FORMAT = "lpl-plan-draft", VERSION = 1;
  var MAX_FILE = 4 * 1024 * 1024, MAX_NAME = 300, MAX_TEXT = 20000;
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var XML_NS = "http://www.w3.org/XML/1998/namespace";
  var LOCALES = { en: "en-GB", cy: "cy-GB" };
  var status = document.getElementById("lpl-make-status");
  var problem = document.getElementById("lpl-make-error");
  var settingBox = document.getElementById("lpl-make-setting");
  var fileInput = document.getElementById("lpl-make-file");
  var printView = document.getElementById("lpl-make-print");
  var boxes = [].slice.call(form.querySelectorAll("[data-tag]"));
  var kinds = Object.create(null); // every tag of every setting: "name" or "answer"
  Object.keys(data.settings).forEach(function (setting) {
    var fields = data.settings[setting].fields;
    Object.keys(fields).forEach(function (tag) { kinds[tag] = fields[tag]; });
  });
  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };

  /* --- The draft: {format, version, setting, language, saved, answers: {tag: text | {cy, en}}} ----- */

  function language() {
    var checked = form.querySelector("input[name=language]:checked");
    return checked ? checked.value : data.lang;
  }

  function collect() {
    var answers = Object.create(null);
    boxes.forEach(function (box) {
      var tag = box.getAttribute("data-tag"), value = box.value;
      if (!value.trim()) return;
      if (kinds[tag] === "name") answers[tag] = value;
      else (answers[tag] = answers[tag] || {})[box.lang] = value;
    });
    return { format: FORMAT, version: VERSION, setting: settingBox.value, language: language(),
             saved: new Date().toISOString(), answers: answers };
  }

  function text(value, max) {
    return typeof value === "string" ? value.slice(0, max) : null;
  }

  /* A draft read from storage or a file, checked field by field; null if it is not one. */
  function checked(draft) {
    if (!draft || typeof draft !== "object" || Array.isArray(draft)) return null;
    if (draft.format !== FORMAT || draft.version !== VERSION) return null;
    if (typeof draft.setting !== "string" || !has(data.settings, draft.setting)) return null;
    if (typeof draft.language !== "string" || !has(data.languages, draft.language)) return null;
    var given = draft.answers;
    if (!given || typeof given !== "object" || Array.isArray(given)) return null;
    var answers = Object.create(null);
    Object.keys(given).forEach(function (tag) {
      if (!(tag in kinds)) return; // a field this site does not have: left out
      var value = given[tag];
      if (kinds[tag] === "name") {
        if (text(value, MAX_NAME)) answers[tag] = text(value, MAX_NAME);
      } else if (value && typeof value === "object" && !Array.isArray(value)) {
        var both = {};
        ["cy", "en"].forEach(function (lang) { if (text(value[lang], MAX_TEXT)) both[lang] = text(value[lang], MAX_TEXT); });
        if (both.cy || both.en) answers[tag] = both;
      }
    });
    var saved = typeof draft.saved === "string" && !isNaN(Date.parse(draft.saved)) ? draft.saved : null;
    return { format: FORMAT, version: VERSION, setting: draft.setting, language: draft.language, saved: saved,
             answers: answers };
  }

  function apply(draft) {
    settingBox.value = draft.setting;
    var radio = document.getElementById("lpl-make-language-" + draft.language);
    if (radio) radio.checked = true;
    boxes.forEach(function (box) {
      var value = draft.answers[box.getAttribute("data-tag")];
      box.value = (typeof value === "string" ? value : value && value[box.lang]) || "";
    });
    show();
  }

  /* --- What shows: the chosen setting's parts, the chosen languages' boxes ------------------------ */

  function show() {
    var setting = settingBox.value, langs = data.languages[language()];
    [].forEach.call(form.querySelectorAll("[data-settings]"), function (node) {
      node.hidden = node.getAttribute("data-settings").split(" ").indexOf(setting) < 0;
    });
    [].forEach.call(form.querySelectorAll("[data-language]"), function (node) {
      node.hidden = langs.indexOf(node.getAttribute("data-language")) < 0;
    });
    [].forEach.call(form.querySelectorAll("[data-bilingual]"), function (node) { node.hidden = langs.length < 2; });
  }

  /* --- Kept in this browser as you type ---------------------------------------------------------- */

  function tell(node, message) {
    node.textContent = message || "";
  }

  function time(iso) {
    // Digits only: browsers' date wording has no Welsh everywhere.
    var when = iso ? new Date(iso) : new Date(), two = function (n) { return String(n).padStart(2, "0"); };
    return two(when.getHours()) + ":" + two(when.getMinutes()) + ", " + two(when.getDate()) + "/" +
      two(when.getMonth() + 1) + "/" + when.getFullYear();
  }

  var pending = null;
  function store() {
    clearTimeout(pending);
    pending = null;
    var draft = collect();
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
    var draft = null;
    try {
      draft = checked(JSON.parse(localStorage.getItem(STORE) || "null"));
    } catch (e) {
      draft = null;
    }
    if (draft) {
      apply(draft);
      tell(status, say.make_saved.replace("{time}", time(draft.saved)));
    } else {
      show();
    }
  }

  function clear() {
    if (!window.confirm(say.make_clear_confirm)) return;
    clearTimeout(pending);
    pending = null;
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing was kept */ }
    boxes.forEach(function (box) { box.value = ""; });
    tell(problem, "");
    tell(status, say.make_cleared);
  }

  /* --- Files: the draft as JSON, and the plan as .docx ------------------------------------------ */

  function offer(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function slug(value) {
    return (value || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  }

  function school(draft) {
    var name = draft.answers["title.school"] || draft.answers["title.cluster"];
    return typeof name === "string" ? slug(name) : "";
  }

  function saveFile() {
    store();
    var draft = collect();
    var name = ["lpl-plan-draft", draft.setting, school(draft)].filter(Boolean).join("-") + ".json";
    offer(new Blob([JSON.stringify(draft, null, 1)], { type: "application/json" }), name);
  }

  function openFile() {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    tell(problem, "");
    if (file.size > MAX_FILE) {
      tell(problem, say.make_file_error);
      return;
    }
    file.text().then(function (content) {
      var draft = null;
      try { draft = checked(JSON.parse(content)); } catch (e) { draft = null; }
      if (!draft) {
        tell(problem, say.make_file_error);
        return;
      }
      apply(draft);
      store();
      tell(status, say.make_opened + " " + status.textContent);
    }, function () { tell(problem, say.make_file_error); });
  }

  function bytes(base64) {
    var raw = atob(base64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  function xmlSafe(value) {
    var s = value.toWellFormed ? value.toWellFormed() : value;
    return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
  }

  function element(doc, name) {
    return doc.createElementNS(W, "w:" + name);
  }

  /* One paragraph per line of the answer, each run marked with its language. */
  function paragraphs(doc, value, lang, pPr) {
    return value.replace(/\r\n?/g, "\n").split("\n").map(function (line) {
      var p = element(doc, "p");
      if (pPr) p.appendChild(pPr.cloneNode(true));
      if (line) {
        var r = element(doc, "r"), rPr = element(doc, "rPr"), mark = element(doc, "lang"), t = element(doc, "t");
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

  function child(node, name) {
    for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.namespaceURI === W && c.localName === name) return c;
    }
    return null;
  }

  /* word/document.xml with every tagged content control holding its answer. */
  function fill(xml, draft) {
    var doc = new DOMParser().parseFromString(xml, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error("template is not XML");
    var langs = data.languages[draft.language];
    [].slice.call(doc.getElementsByTagNameNS(W, "sdt")).forEach(function (sdt) {
      var properties = child(sdt, "sdtPr"), content = child(sdt, "sdtContent");
      var tag = properties && child(properties, "tag");
      var value = tag && draft.answers[tag.getAttributeNS(W, "val")];
      if (!content || !value) return;
      var first = child(content, "p"), pPr = first && child(first, "pPr");
      var parts = typeof value === "string" ? [[langs[0], value]]
        : langs.filter(function (lang) { return value[lang]; }).map(function (lang) { return [lang, value[lang]]; });
      if (!parts.length) return;
      var placeholder = child(properties, "showingPlcHdr");
      if (placeholder) properties.removeChild(placeholder);
      while (content.firstChild) content.removeChild(content.firstChild);
      parts.forEach(function (part) {
        paragraphs(doc, part[1], part[0], pPr).forEach(function (p) { content.appendChild(p); });
      });
    });
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      new XMLSerializer().serializeToString(doc.documentElement);
  }

  function download() {
    tell(problem, "");
    var draft = collect();
    try {
      var pack = window.lplPlanTemplates, name = data.settings[draft.setting].documents[draft.language];
      var files = {};
      pack.documents[name].forEach(function (entry) {
        var part = window.fflate.inflateSync(bytes(pack.parts[entry[1]]));
        if (entry[0] === "word/document.xml") {
          part = new TextEncoder().encode(fill(new TextDecoder().decode(part), draft));
        }
        files[entry[0]] = part;
      });
      var zipped = window.fflate.zipSync(files, { level: 6, mtime: new Date(1980, 0, 1, 12) });
      var named = name.replace(/\.docx$/, "") + (school(draft) ? "-" + school(draft) : "") + ".docx";
      offer(new Blob([zipped], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }), named);
    } catch (e) {
      tell(problem, say.make_download_error);
    }
  }

  /* --- The printable view: the filled plan alone (shown only when printing) --------------------- */

  function add(parent, name, value, lang) {
    var node = document.createElement(name);
    if (value !== undefined) node.textContent = value;
    if (lang) node.lang = lang;
    parent.appendChild(node);
    return node;
  }

  function visible(node) {
    return !node.closest("[hidden]");
  }

  function labelOf(box) {
    var label = form.querySelector("label[for='" + box.id + "']");
    return label ? label.firstChild.textContent : "";
  }

  function answerNodes(parent, boxesHere) {
    boxesHere.filter(visible).forEach(function (box) {
      box.value.split(/\r?\n/).forEach(function (line) { add(parent, "p", line, box.lang); });
    });
  }

  function printable() {
    var draft = collect();
    while (printView.firstChild) printView.removeChild(printView.firstChild);
    add(printView, "h1", data.title);
    add(printView, "p", settingBox.options[settingBox.selectedIndex].textContent);
    var fields = add(printView, "table");
    fields.className = "lpl-plan-fields";
    [].forEach.call(form.querySelectorAll("#lpl-make-title-page ~ .lpl-make-field"), function (line) {
      if (!visible(line)) return;
      var box = line.querySelector("input"), row = add(fields, "tr");
      add(row, "th", labelOf(box)).scope = "row";
      add(row, "td", box.value);
    });
    [].forEach.call(form.querySelectorAll(".lpl-make-section[aria-labelledby^='lpl-make-']"), function (section) {
      if (!visible(section) || section.querySelector("#lpl-make-title-page")) return;
      add(printView, "h2", section.querySelector("h2").textContent);
      [].forEach.call(section.querySelectorAll(".lpl-make-table"), function (group) {
        if (!visible(group)) return;
        add(printView, "h3", group.querySelector("legend").textContent);
        var table = add(printView, "table");
        table.className = "lpl-plan-table";
        [].forEach.call(group.querySelectorAll(".lpl-make-row"), function (rowGroup, i) {
          var cells = [].slice.call(rowGroup.querySelectorAll("textarea")).filter(function (box) {
            return box.lang === data.languages[draft.language][0];
          });
          if (i === 0) {
            var head = add(table, "tr");
            add(head, "th");
            cells.forEach(function (box) { add(head, "th", labelOf(box)).scope = "col"; });
          }
          var row = add(table, "tr");
          add(row, "th", rowGroup.querySelector("legend").textContent).scope = "row";
          cells.forEach(function (box) {
            answerNodes(add(row, "td"), [].slice.call(rowGroup.querySelectorAll("textarea[data-tag='" +
              box.getAttribute("data-tag") + "']")));
          });
        });
      });
      var notes = section.querySelector(".lpl-make-notes");
      if (notes) {
        add(printView, "h3", labelOf(notes.querySelector("textarea")));
        answerNodes(add(printView, "div"), [].slice.call(notes.querySelectorAll("textarea")));
      }
    });
  }

  /* --- Wiring ------------------------------------------------------------------------------------ */

  form.addEventListener("input", function (event) {
    if (event.target.hasAttribute("data-tag")) later();
  });
  form.addEventListener("change", function (event) {
    if (event.target === settingBox || event.target.name === "language") {
      show();
      store();
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  fileInput.addEventListener("change", openFile);
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "download") download();
    else if (action === "print") { printable(); window.print(); }
    else if (action === "save-file") saveFile();
    else if (action === "open-file") fileInput.click();
    else if (action === "clear") clear();
  });
  window.addEventListener("beforeprint", printable);
  window.addEventListener("pagehide", function () { if (pending) store(); });
  form.hidden = false;
  restore();
})();
