// What a person in the room would call a broken layout, found in the page: text cut off by
// a box it does not fit (an ellipsis, a clipped label), text outside the window with no
// way to scroll to it, a panel that scrolls sideways, and text drawn over other text.
// Runs inside the app (WebDriver's executeScript) and returns the problems found, each
// with the words involved, so a failure says what to look at.

/** The checker, as a function body for executeScript. It returns a list of strings. */
export const LAYOUT_PROBLEMS = `
const W = window.innerWidth, H = window.innerHeight;
const problems = [];
const short = (t) => { t = t.replace(/\\s+/g, " ").trim(); return t.length > 60 ? t.slice(0, 57) + "…" : t; };
const hidden = (el) => {
  for (let a = el; a; a = a.parentElement) {
    const cs = getComputedStyle(a);
    if (a.hidden || cs.display === "none" || cs.visibility === "hidden" || Number(cs.opacity) === 0) return true;
  }
  return false;
};
// The canvas is a board to pan and zoom: what is outside its pane is meant to be.
const onBoard = (el) => !!el.closest(".react-flow__viewport, .react-flow__minimap");
const clips = (cs, axis) => {
  const o = axis === "x" ? cs.overflowX : cs.overflowY;
  return o !== "visible";
};
const scrolls = (cs, axis) => {
  const o = axis === "x" ? cs.overflowX : cs.overflowY;
  return o === "auto" || o === "scroll";
};
// The box the text can be seen in: the window, narrowed by every ancestor that clips.
function visible(el, r) {
  let [l, t, rt, b] = [r.left, r.top, r.right, r.bottom];
  // The element itself clips too (a clamped description hides its later lines).
  for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
    const cs = getComputedStyle(a);
    const ar = a.getBoundingClientRect();
    if (clips(cs, "x")) { l = Math.max(l, ar.left); rt = Math.min(rt, ar.right); }
    if (clips(cs, "y")) { t = Math.max(t, ar.top); b = Math.min(b, ar.bottom); }
  }
  return { left: Math.max(l, 0), top: Math.max(t, 0), right: Math.min(rt, W), bottom: Math.min(b, H) };
}
// An ancestor that does scroll along an axis (so text beyond its edge is reachable).
function scroller(el, axis) {
  for (let a = el.parentElement; a; a = a.parentElement) {
    const cs = getComputedStyle(a);
    const more = axis === "x" ? a.scrollWidth > a.clientWidth + 1 : a.scrollHeight > a.clientHeight + 1;
    if ((scrolls(cs, axis) || a === document.body) && more) return a;
  }
  return null;
}
// With a modal dialog open, only the dialog is read: what is behind it is covered.
const modal = [...document.querySelectorAll('[aria-modal="true"]')].pop() ?? null;
const runs = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.textContent.trim()) continue;
  const el = n.parentElement;
  if (!el || ["SCRIPT", "STYLE", "OPTION", "SELECT", "TEXTAREA", "TITLE"].includes(el.tagName)) continue;
  if (el.closest("[data-layout-skip]") || hidden(el)) continue;
  if (modal && !modal.contains(el)) continue;
  const range = document.createRange();
  range.selectNodeContents(n);
  for (const r of range.getClientRects()) {
    if (r.width < 1 || r.height < 1) continue;
    runs.push({ el, text: n.textContent, r });
  }
}
const seen = new Set();
for (const { el, text, r } of runs) {
  if (onBoard(el)) continue;
  const v = visible(el, r);
  const key = (what) => { const k = what + "|" + short(text); if (seen.has(k)) return false; seen.add(k); return true; };
  // Cut sideways: part of the text is hidden by a box that does not scroll to it.
  if (v.right < r.right - 1.5 || v.left > r.left + 1.5) {
    const reachable = !!scroller(el, "x");
    if (!reachable && key("cut")) problems.push("cut off at the side: " + JSON.stringify(short(text)));
  }
  // Cut top or bottom where nothing scrolls to it (a summary clamped to a few lines ends
  // in a visible "…", and is meant).
  const clamped = !!el.closest("*") && [el, el.parentElement].some((a) => a && getComputedStyle(a).webkitLineClamp !== "none" && getComputedStyle(a).webkitLineClamp !== "");
  if (!clamped && (v.bottom < r.bottom - 1.5 || v.top > r.top + 1.5)) {
    const reachable = !!scroller(el, "y");
    if (!reachable && key("cutv")) problems.push("cut off at the top or bottom: " + JSON.stringify(short(text)));
  }
}
// Text spilling out of its card (a bordered panel, a dialog) over the gap or the card
// beside it, though nothing clips it.
for (const { el, text, r } of runs) {
  if (onBoard(el) || (modal && !modal.contains(el))) continue;
  const card = el.closest(".panel-card, .modal, .data-card, .template-card");
  if (!card) continue;
  const c = card.getBoundingClientRect();
  if ((r.right > c.right + 1 || r.left < c.left - 1) && !scroller(el, "x")) {
    const k = "spill|" + short(text);
    if (!seen.has(k)) { seen.add(k); problems.push("spills out of its card: " + JSON.stringify(short(text))); }
  }
}
// An ellipsis is text cut off too.
for (const el of document.querySelectorAll("body *")) {
  if (onBoard(el) || el.closest("[data-layout-skip]")) continue;
  const cs = getComputedStyle(el);
  if (cs.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1 && !hidden(el) && el.textContent.trim())
    problems.push("shortened with an ellipsis: " + JSON.stringify(short(el.textContent)));
}
// A panel that scrolls sideways hides what is at its far side.
for (const el of document.querySelectorAll("body, body *")) {
  if (onBoard(el) || el.closest(".react-flow, [data-layout-skip], [data-scroll-x]") || hidden(el)) continue;
  const cs = getComputedStyle(el);
  if ((scrolls(cs, "x") || el === document.body) && el.scrollWidth > el.clientWidth + 1) {
    // Name what sticks out: the first element reaching past the panel's right edge.
    const edge = el.getBoundingClientRect().left + el.clientWidth;
    const out = [...el.querySelectorAll("*")].find((c) => c.getBoundingClientRect().right > edge + 1);
    const what = out ? (out.className || out.tagName) + " " + JSON.stringify(short(out.textContent)) : "";
    problems.push("scrolls sideways (" + el.scrollWidth + " > " + el.clientWidth + " px): " + (el.className || el.tagName) + ", past its edge: " + what);
  }
}
// Text over text: two runs of different elements sharing more than a sliver.
const shown = runs
  .filter((x) => !onBoard(x.el) && !(modal && !modal.contains(x.el)))
  .map((x) => ({ ...x, v: visible(x.el, x.r) }))
  .filter((x) => x.v.right - x.v.left > 1 && x.v.bottom - x.v.top > 1);
for (let i = 0; i < shown.length; i++) {
  for (let j = i + 1; j < shown.length; j++) {
    const a = shown[i], b = shown[j];
    if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
    const w = Math.min(a.v.right, b.v.right) - Math.max(a.v.left, b.v.left);
    const h = Math.min(a.v.bottom, b.v.bottom) - Math.max(a.v.top, b.v.top);
    if (w > 2 && h > 2) {
      const k = "over|" + short(a.text) + "|" + short(b.text);
      if (!seen.has(k)) { seen.add(k); problems.push("text over text: " + JSON.stringify(short(a.text)) + " (" + a.el.className + ") and " + JSON.stringify(short(b.text)) + " (" + b.el.className + ")"); }
    }
  }
}
return problems;
`;

/** The layout problems of what the window shows now. */
export function layoutProblems(driver) {
  return driver.executeScript(LAYOUT_PROBLEMS);
}
