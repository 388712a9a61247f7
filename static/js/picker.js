// Search-as-you-type pickers (progressive: without this script the forms still work with the choices
// the server put in them). An <input data-picker="claim|event" data-target="<select id>"> refills its
// select from /claims/pick/ as the editor types; an <input list=... data-picker="speaker|unit"> fills
// its datalist with suggestions.
(function () {
  "use strict";
  function debounce(fn, ms) {
    let timer = null;
    return function (...args) { clearTimeout(timer); timer = setTimeout(() => fn.apply(this, args), ms); };
  }

  async function choices(input) {
    const base = input.dataset.url || (input.list && input.list.dataset.url);
    const url = new URL(base, window.location.href);
    url.searchParams.set("what", input.dataset.picker);
    url.searchParams.set("q", input.value);
    if (input.dataset.for) url.searchParams.set("for", input.dataset.for);
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) return [];
    return (await response.json()).results || [];
  }

  function option(value, label) {
    const item = document.createElement("option");
    item.value = String(value);
    item.textContent = label;
    return item;
  }

  document.querySelectorAll("input[data-picker][data-target]").forEach((input) => {
    const select = document.getElementById(input.dataset.target);
    if (!select) return;
    const wrapper = input.closest(".picker-search");
    if (wrapper) wrapper.hidden = false;
    const keep = Array.from(select.options).filter((o) => o.value === "");  // "No event (detach)"
    input.addEventListener("input", debounce(async () => {
      const rows = await choices(input);
      select.replaceChildren(...keep.filter((o) => o.textContent.indexOf("No claims") !== 0));
      rows.forEach((row) => select.appendChild(option(row.value, row.label)));
      if (!rows.length) select.appendChild(option("", "Nothing matches \u201c" + input.value + "\u201d"));
      else select.value = String(rows[0].value);
      select.dispatchEvent(new Event("change"));
    }, 200));
  });

  document.querySelectorAll("input[list][data-picker]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    const fill = debounce(async () => {
      const rows = await choices(input);
      list.replaceChildren(...rows.map((row) => option(row.value, row.label)));
    }, 200);
    input.addEventListener("input", fill);
    input.addEventListener("focus", fill);
  });
})();
