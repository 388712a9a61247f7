// Review queue: j/k move between items, a accepts (confirms), r rejects, e edits; decisions are sent
// in the background and the item is marked done, so an editor can go through the queue by keyboard.
(function () {
  "use strict";
  const queue = document.querySelector(".queue");
  if (!queue) return;
  const open = () => Array.from(queue.querySelectorAll(".queue-item:not(.done)"));
  let current = null;

  function focus(item) {
    if (!item) return;
    if (current) current.classList.remove("current");
    current = item;
    item.classList.add("current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const items = open();
    if (!items.length) return;
    const at = items.indexOf(current);
    focus(items[at < 0 ? 0 : Math.max(0, Math.min(items.length - 1, at + step))]);
  }

  function nextAfter(item) {
    const all = Array.from(queue.querySelectorAll(".queue-item"));
    const rest = all.slice(all.indexOf(item) + 1).concat(all.slice(0, all.indexOf(item)));
    return rest.find((other) => !other.classList.contains("done"));
  }

  // The pending count above the queue moves with each decision (when it is an exact count).
  function countDown() {
    const counter = document.querySelector(".pending-count");
    if (!counter || counter.dataset.count === "") return;
    const left = Math.max(0, parseInt(counter.dataset.count, 10) - 1);
    counter.dataset.count = String(left);
    counter.textContent = left.toLocaleString("en");
  }

  async function send(form) {
    const item = form.closest(".queue-item");
    const note = item.querySelector(".q-done");
    let data = { ok: false };
    try {
      const response = await fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      data = await response.json();
    } catch (error) {
      data = { ok: false, error: String(error) };
    }
    if (data.ok) {
      item.classList.add("done", "done-" + form.dataset.action);
      const status = data.status || "done";
      note.textContent = "\u2714 Saved: " + status + (data.relation ? " (" + data.relation + ")" : "");
      note.dataset.status = status;
      countDown();
      const next = nextAfter(item);
      if (next) focus(next); else item.classList.remove("current");
    } else if (data.conflict) {
      // Someone else (or the extractor/linker) changed it since this page was made: nothing was saved,
      // the item stays open; the page must be reloaded to see the current values.
      note.textContent = data.error + " Reload the page to see the current values.";
      item.classList.add("stale");
    } else {
      note.textContent = "Not saved: " + (data.error || "try again");
      item.classList.add("failed");
    }
  }

  queue.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.closest(".queue-item")) return;
    event.preventDefault();
    send(form);
  });

  queue.addEventListener("click", (event) => {
    const item = event.target.closest(".queue-item");
    if (item && !item.classList.contains("done")) focus(item);
  });

  function act(name) {
    if (!current) move(0);
    if (!current) return;
    const target = current.querySelector('[data-action="' + name + '"]');
    if (!target) return;
    if (target.tagName === "FORM") target.requestSubmit();
    else if (target.tagName === "A") window.location.href = target.href;
    else target.focus();
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    const actions = { j: () => move(1), k: () => move(-1), a: () => act("accept"), r: () => act("reject"),
                      e: () => act("edit") };
    if (actions[event.key]) {
      event.preventDefault();
      actions[event.key]();
    }
  });

  focus(open()[0]);
})();
