// @ts-check
/* "Make your plan"'s Word filling, pure (no page, no zip): the build's own .docx part word/document.xml with
   every tagged content control (w:sdt) holding its answer, and docProps/core.xml with the school's name in the
   title and the day it was made. The XML goes through an XML DOM, never through strings, so what a school
   writes is only ever text. The DOM is given (the browser's, or @xmldom/xmldom under Node): make-plan.js
   passes the page's; tests/js/plan.test.mjs fills the parts of a document render/plan_docx.py made, and
   tests/test_javascript.py opens the result with python-docx. */

/** @typedef {import("./plan-draft.js").Answers} Answers */
/** The XML DOM to parse and write with: the browser's (window) or one with the same classes.
    @typedef {{DOMParser: {new (): DOMParser}, XMLSerializer: {new (): XMLSerializer}}} XmlDom */

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const DC = "http://purl.org/dc/elements/1.1/";
const DC_TERMS = "http://purl.org/dc/terms/";
export const LOCALES = /** @type {Record<string, string>} */ ({ en: "en-GB", cy: "cy-GB" });
export const TICKED = "\u2612";
export const UNTICKED = "\u2610";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Text XML can hold: lone surrogates made whole (or replaced) and the control characters XML 1.0 forbids
    dropped; tabs and line breaks stay.
    @param {string} value */
export function xmlSafe(value) {
  const whole = "toWellFormed" in String.prototype ? /** @type {any} */ (value).toWellFormed() : value;
  // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 has no place for
  return /** @type {string} */ (whole).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

/** The school's (or cluster's) name from the title page, "" if none.
    @param {Answers} answers */
export function schoolOf(answers) {
  const name = answers["title.school"] || answers["title.cluster"];
  return typeof name === "string" ? name : "";
}

/** A name as part of a file name: ASCII letters and digits, dashes between, at most 40 characters.
    @param {string} value */
export function slug(value) {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}

/** @param {XmlDom} dom
    @param {string} xmlText
    @param {string} what  for the error */
function parse(dom, xmlText, what) {
  let xml;
  try {
    xml = new dom.DOMParser().parseFromString(xmlText, "application/xml");
  } catch {
    xml = null; // some DOMs throw where browsers return a <parsererror> document
  }
  if (!xml || !xml.documentElement || xml.getElementsByTagName("parsererror").length) {
    throw new Error(what + " is not XML");
  }
  return xml;
}

/** @param {XmlDom} dom
    @param {Document} xml */
const write = (dom, xml) => DECLARATION + new dom.XMLSerializer().serializeToString(/** @type {Node} */ (xml.documentElement));

/** The first child element of a node with a namespace and a name.
    @param {Node} node
    @param {string} ns
    @param {string} name
    @returns {Element | null} */
function child(node, ns, name) {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && /** @type {Element} */ (c).namespaceURI === ns && /** @type {Element} */ (c).localName === name) {
      return /** @type {Element} */ (c);
    }
  }
  return null;
}

/** @param {Document} xml
    @param {string} name */
const element = (xml, name) => xml.createElementNS(W, "w:" + name);

/** One paragraph per line of an answer, each run marked with its language.
    @param {Document} xml
    @param {string} value
    @param {string} lang
    @param {Element | null} pPr  the placeholder paragraph's properties, kept */
function paragraphs(xml, value, lang, pPr) {
  return value
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const p = element(xml, "p");
      if (pPr) p.appendChild(pPr.cloneNode(true));
      if (line) {
        const r = element(xml, "r");
        const rPr = element(xml, "rPr");
        const mark = element(xml, "lang");
        const t = element(xml, "t");
        mark.setAttributeNS(W, "w:val", LOCALES[lang]);
        mark.setAttributeNS(W, "w:eastAsia", LOCALES[lang]);
        rPr.appendChild(mark);
        t.setAttributeNS(XML_NS, "xml:space", "preserve");
        t.appendChild(xml.createTextNode(xmlSafe(line)));
        r.appendChild(rPr);
        r.appendChild(t);
        p.appendChild(r);
      }
      return p;
    });
}

/** A check box's state and its glyph.
    @param {Element} properties
    @param {Element} content
    @param {boolean} on */
function tick(properties, content, on) {
  const box = child(properties, W14, "checkbox");
  const state = box && child(box, W14, "checked");
  if (state) state.setAttributeNS(W14, "w14:val", on ? "1" : "0");
  for (const t of Array.from(content.getElementsByTagNameNS(W, "t"))) t.textContent = on ? TICKED : UNTICKED;
}

/** word/document.xml with every tagged content control holding its answer, in the document's languages
    (the first leads; a name is written once, in it).
    @param {string} xmlText
    @param {Answers} answers
    @param {string[]} languages
    @param {XmlDom} dom */
export function fillDocument(xmlText, answers, languages, dom) {
  const xml = parse(dom, xmlText, "the template");
  for (const sdt of Array.from(xml.getElementsByTagNameNS(W, "sdt"))) {
    const properties = child(sdt, W, "sdtPr");
    const content = child(sdt, W, "sdtContent");
    const tag = properties && child(properties, W, "tag");
    const key = (tag && tag.getAttributeNS(W, "val")) || "";
    const value = Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : null;
    if (!properties || !content || !value) continue;
    if (child(properties, W14, "checkbox")) {
      tick(properties, content, value === true);
      continue;
    }
    const first = child(content, W, "p");
    const pPr = first && child(first, W, "pPr");
    /** @type {[string, string][]} */
    const written =
      typeof value === "string"
        ? [[languages[0], value]]
        : typeof value === "object"
          ? languages.flatMap((lang) => {
              const answer = /** @type {Record<string, unknown>} */ (value)[lang];
              return typeof answer === "string" && answer ? [/** @type {[string, string]} */ ([lang, answer])] : [];
            })
          : [];
    if (!written.length || !first) continue;
    const placeholder = child(properties, W, "showingPlcHdr");
    if (placeholder) properties.removeChild(placeholder);
    while (content.firstChild) content.removeChild(content.firstChild);
    /** @type {Element[]} */
    const added = [];
    for (const [lang, answer] of written) {
      for (const p of paragraphs(xml, answer, lang, pPr)) {
        content.appendChild(p);
        added.push(p);
      }
    }
    // Running text (a plan's notes) keeps only its last paragraph with what follows, not all of it.
    if (sdt.parentNode && /** @type {Element} */ (sdt.parentNode).localName === "body") {
      for (const p of added.slice(0, -1)) {
        const props = child(p, W, "pPr");
        const keep = props && child(props, W, "keepNext");
        if (props && keep) props.removeChild(keep);
      }
    }
  }
  return write(dom, xml);
}

/** docProps/core.xml with the school's name in the title ("… — school") and when it was made.
    @param {string} xmlText
    @param {Answers} answers
    @param {Date} now
    @param {XmlDom} dom */
export function fillProperties(xmlText, answers, now, dom) {
  const xml = parse(dom, xmlText, "the properties");
  const school = xmlSafe(schoolOf(answers).trim());
  const title = xml.getElementsByTagNameNS(DC, "title")[0];
  if (title && school) title.textContent = (title.textContent || "").split(" \u2014 ")[0] + " \u2014 " + school;
  const when = now.toISOString().replace(/\.\d+Z$/, "Z");
  for (const name of ["created", "modified"]) {
    const node = xml.getElementsByTagNameNS(DC_TERMS, name)[0];
    if (node) node.textContent = when;
  }
  return write(dom, xml);
}
