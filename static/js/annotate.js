// Article reader: turn a text selection in the body into offsets the server can check.
// Offsets are Python code-point offsets into the stored body: every piece of the body is an element
// with data-o (its code-point start), so a DOM point is its piece's data-o plus the code points before
// it in that piece's text node. JavaScript strings count UTF-16 units, so astral characters (emoji,
// rare scripts) are counted once here, as Python does. The quote, prefix and suffix are cut from the
// DOM text, which keeps no-break spaces and curly quotes exactly as stored.
(function () {
  "use strict";
  const body = document.getElementById("article-body");
  const panel = document.getElementById("selection-panel");
  if (!body) return;

  // Let the claim page link to a claim's first highlighted piece (#c<id>).
  for (const mark of body.querySelectorAll("mark[data-claims]")) {
    for (const id of mark.dataset.claims.split(" ")) {
      if (!document.getElementById("c" + id)) { mark.id = "c" + id; break; }
    }
  }
  if (!panel) return; // readers only read
  const CONTEXT = 32;
  const chars = Array.from(body.textContent); // one entry per code point

  function codePoints(text) {
    let n = 0;
    for (const _ of text) n += 1; // eslint-disable-line no-unused-vars
    return n;
  }

  function pieceStart(element) {
    const piece = element.closest("[data-o]");
    return piece && body.contains(piece) ? Number(piece.dataset.o) : null;
  }

  // The code-point offset in the body of a DOM point (node, offset) inside it, or null.
  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const start = pieceStart(node.parentElement);
      return start === null ? null : start + codePoints(node.data.slice(0, offset));
    }
    if (node === body || body.contains(node)) {
      const child = node.childNodes[offset];
      if (child) return child.nodeType === Node.TEXT_NODE ? offsetOf(child, 0) : pieceStart(child);
      if (node === body) return chars.length;
      const start = pieceStart(node); // the end of a piece
      return start === null ? null : start + codePoints(node.textContent);
    }
    return null;
  }

  function currentSelection() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== body) return null;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return {
      start, end,
      quote: chars.slice(start, end).join(""),
      prefix: chars.slice(Math.max(0, start - CONTEXT), start).join(""),
      suffix: chars.slice(end, end + CONTEXT).join(""),
    };
  }

  // Claims whose highlight already covers part of the selection: a new claim or note there would be
  // drawn under theirs, so the panel says so and links to them.
  function coveringClaims(sel) {
    const ids = [];
    for (const mark of body.querySelectorAll("mark[data-claims][data-o]")) {
      const start = Number(mark.dataset.o);
      if (start < sel.end && start + codePoints(mark.textContent) > sel.start) {
        for (const id of mark.dataset.claims.split(" ")) if (id && !ids.includes(id)) ids.push(id);
      }
    }
    return ids;
  }

  function warnCovered(sel) {
    const box = document.getElementById("sel-covered");
    if (!box) return;
    const ids = coveringClaims(sel);
    box.replaceChildren();
    box.hidden = ids.length === 0;
    if (!ids.length) return;
    box.append(ids.length === 1 ? "A claim already covers this selection: " : "Claims already cover this selection: ");
    ids.forEach((id, i) => {
      const link = document.createElement("a");
      link.href = box.dataset.claimUrl.replace(/0\/$/, id + "/");
      // Named by its value as the claims list beside the text shows it, never by its number.
      const entry = document.querySelector('.claim-index li[data-claim="' + id + '"] a');
      link.textContent = entry ? "\u201c" + entry.textContent.trim() + "\u201d" : "an existing claim";
      if (i) box.append(", ");
      box.append(link);
    });
    box.append(". A new highlight here would be drawn under it; open the existing claim to review or edit it.");
  }

  function show(sel) {
    for (const form of panel.querySelectorAll("form")) {
      for (const name of ["start", "end", "quote", "prefix", "suffix"]) form.elements[name].value = sel[name];
    }
    document.getElementById("sel-quote").textContent = sel.quote.length > 160 ? sel.quote.slice(0, 160) + "…" : sel.quote;
    document.getElementById("sel-range").textContent = "(characters " + sel.start + "–" + sel.end + ")";
    warnCovered(sel);
    panel.hidden = false;
  }

  function capture() {
    const sel = currentSelection();
    if (sel) show(sel);
  }

  body.addEventListener("mouseup", () => window.setTimeout(capture, 0));
  body.addEventListener("keyup", (event) => { if (event.shiftKey) capture(); });
  body.addEventListener("touchend", () => window.setTimeout(capture, 0));
  document.getElementById("sel-close").addEventListener("click", () => { panel.hidden = true; });

  // Shortcuts on the reader: n writes a note on the current selection, Escape closes the panel.
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") { panel.hidden = true; return; }
    if (event.target.closest("input, textarea, select")) return;
    if (event.key === "n") {
      capture();
      if (!panel.hidden) { event.preventDefault(); document.getElementById("note-input").focus(); }
    }
  });

  // Only the chosen kind's value fields are shown.
  const kind = document.getElementById("claim-kind");
  function showKind() {
    for (const group of panel.querySelectorAll("[data-kind]")) group.hidden = group.dataset.kind !== kind.value;
  }
  kind.addEventListener("change", showKind);
  showKind();
})();
