// @ts-check
/* The header's menu and search on a phone or tablet, as buttons a keyboard reaches, and the navigation drawer
   the menu opens, as a modal dialog is (WAI-ARIA Authoring Practices: the disclosure and dialog patterns).

   Material draws both as labels of hidden check boxes (#__drawer, #__search): Tab never lands on a label, so a
   keyboard could not open the navigation, and once it was open Tab walked on into the page behind it. The
   labels stay in the page for a browser without scripts (the check box opens the drawer with CSS alone); here
   each button (partials/header.html, named in the page's language) takes its label's place. Material's CSS and
   script read the check boxes, so the state stays in them: a button clicks its box, and everything below
   follows the box's change event, so the overlay, the drawer's title, Material's own closing (after a link to
   a place in the page) and this module agree.

   While the drawer is open the rest of the page is inert and Tab wraps inside it; Escape, the drawer's close
   button, its title and the overlay close it, and focus goes back to the menu button. The drawer's panels
   (a section, the page's contents) open with Enter or Space on their entries and go back with their titles,
   which Material leaves out of the Tab order on a phone; focus follows the panel. */

/** What Tab can land on. */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Material's widths: the navigation is a drawer below this, a sidebar from it (its stylesheet's 76.25em). */
const SIDEBAR = "(min-width: 76.25em)";

/** Whether an element is drawn (not display: none, not visibility: hidden).
    @param {Element} el */
function shown(el) {
  return el.checkVisibility({ visibilityProperty: true });
}

/** Whether focus can go to an element now.
    @param {Element} el
    @returns {el is HTMLElement} */
function focusable(el) {
  return el instanceof HTMLElement && shown(el);
}

/** Puts a header button in its label's place and keeps its aria-expanded in step with the check box.
    @param {HTMLButtonElement} button  a [data-lpl-toggle] button, naming its check box
    @returns {HTMLInputElement | null}  the check box, or null if the page has none */
function upgrade(button) {
  const box = document.getElementById(button.dataset.lplToggle || "");
  if (!(box instanceof HTMLInputElement)) return null;
  for (const label of box.labels || []) {
    if (label.classList.contains("md-header__button")) label.hidden = true;
  }
  button.hidden = false;
  const reflect = () => button.setAttribute("aria-expanded", String(box.checked));
  box.addEventListener("change", reflect);
  reflect();
  button.addEventListener("click", () => box.click());
  return box;
}

/** The navigation drawer, opened by the menu button.
    @param {HTMLButtonElement} button
    @param {HTMLInputElement} box  Material's #__drawer */
function drawer(button, box) {
  const nav = document.getElementById(button.getAttribute("aria-controls") || "");
  const sidebar = nav?.closest(".md-sidebar");
  if (!nav || !(sidebar instanceof HTMLElement)) return;
  const area = sidebar; // narrowed for the closures below
  const wide = window.matchMedia(SIDEBAR);
  const close = nav.querySelector(".lpl-drawer-close");
  if (close instanceof HTMLButtonElement) {
    close.hidden = false;
    close.addEventListener("click", () => {
      if (box.checked) box.click();
    });
  }

  /** @type {HTMLElement[]} what this made inert, to give back */
  let inert = [];
  /** @type {HTMLLabelElement[]} the panels' labels this put in the Tab order */
  let reachable = [];
  let openedAt = "";

  /** What Tab can reach in the drawer now (a closed panel's entries are hidden: lpl.css). */
  function focusables() {
    return [...area.querySelectorAll(FOCUSABLE)].filter(focusable);
  }

  /** The check box of a panel of the navigation that a label opens or closes (a section, the page's contents).
      @param {HTMLLabelElement} label */
  function panelBox(label) {
    const control = label.control;
    return control instanceof HTMLInputElement && control.classList.contains("md-nav__toggle") && area.contains(control)
      ? control
      : null;
  }

  function open() {
    if (wide.matches) return;
    openedAt = location.href;
    // Everything but the drawer, and the overlay whose click closes it, out of reach; the check boxes stay
    // as they are (Material's script and ours click them).
    for (let el = area; el.parentElement && el !== document.body; el = el.parentElement) {
      for (const sibling of el.parentElement.children) {
        if (sibling === el || !(sibling instanceof HTMLElement) || sibling.inert) continue;
        if (sibling.matches(".md-overlay, input, script, style, link")) continue;
        sibling.inert = true;
        inert.push(sibling);
      }
    }
    for (const label of area.querySelectorAll("label[for]")) {
      if (label instanceof HTMLLabelElement && panelBox(label) && !label.hasAttribute("tabindex")) {
        label.tabIndex = 0;
        reachable.push(label);
      }
    }
    focusables()[0]?.focus();
  }

  function shut() {
    for (const el of inert) el.inert = false;
    inert = [];
    for (const label of reachable) label.removeAttribute("tabindex");
    reachable = [];
    // Back to the button, unless a link in the drawer took the reader to a place in the page (Material closes
    // the drawer then) or focus is already somewhere else.
    const active = document.activeElement;
    const lost = !active || active === document.body || area.contains(active);
    if (lost && location.href === openedAt && shown(button)) button.focus();
  }

  box.addEventListener("change", () => (box.checked ? open() : shut()));
  // Turned to a laptop's width with the drawer open: the navigation is a sidebar again.
  wide.addEventListener("change", () => {
    if (wide.matches && box.checked) box.click();
  });

  document.addEventListener("keydown", (ev) => {
    if (!box.checked || wide.matches || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === "Escape") {
      ev.preventDefault();
      box.click();
    } else if (ev.key === "Tab") {
      // Round the drawer, not out to the browser's own controls.
      const els = focusables();
      const active = document.activeElement;
      const inside = active instanceof HTMLElement && area.contains(active);
      const edge = ev.shiftKey ? els[0] : els[els.length - 1];
      if (els.length && (!inside || active === edge)) {
        ev.preventDefault();
        (ev.shiftKey ? els[els.length - 1] : els[0]).focus();
      }
    }
  });

  // A panel's entry and its title, by keyboard: Enter or Space, and focus follows into the panel (to its
  // title, which leads back) or back to the entry that opened it. Material's own Enter on a label (on window)
  // would click it a second time, so the event stops here.
  area.addEventListener("keydown", (ev) => {
    const label = ev.target;
    if (!(label instanceof HTMLLabelElement) || (ev.key !== "Enter" && ev.key !== " ")) return;
    const panel = panelBox(label);
    if (!panel) return;
    ev.preventDefault();
    ev.stopPropagation();
    label.click();
    const next = area.querySelector(
      (panel.checked ? "label.md-nav__title" : "label.md-nav__link") + '[for="' + CSS.escape(panel.id) + '"]',
    );
    if (next instanceof HTMLElement && shown(next)) next.focus();
    else if (panel.checked) focusables().find((el) => panel.parentElement?.contains(el) && el !== label)?.focus();
  });
}

/** The search box, opened by the search button on a phone: lpl-search.js focuses its field when it opens and
    closes it on Escape or when focus leaves it; here focus comes back to the button when it closes without
    going anywhere else.
    @param {HTMLButtonElement} button
    @param {HTMLInputElement} box  Material's #__search */
function search(button, box) {
  const dialog = document.getElementById(button.getAttribute("aria-controls") || "");
  if (!dialog) return;
  box.addEventListener("change", () => {
    if (box.checked) return;
    // after the event: closing by Tab (focusout) goes on to where Tab was going
    setTimeout(() => {
      const active = document.activeElement;
      if ((!active || active === document.body || dialog.contains(active)) && shown(button)) button.focus();
    });
  });
}

for (const button of document.querySelectorAll("button[data-lpl-toggle]")) {
  if (!(button instanceof HTMLButtonElement)) continue;
  const box = upgrade(button);
  if (box?.id === "__drawer") drawer(button, box);
  else if (box?.id === "__search") search(button, box);
}
