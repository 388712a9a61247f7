// Claims filters: leave empty fields out of the URL, so a bookmarked or shared search stays short.
(function () {
  "use strict";
  const form = document.querySelector("form.filters");
  if (!form) return;
  // On a phone the filters start folded unless some are in use, so the results come first.
  const box = form.querySelector("details");
  const used = Array.from(new URLSearchParams(window.location.search).entries())
    .some(([name, value]) => value && name !== "page" && name !== "sort");
  if (box && !used && window.matchMedia("(max-width: 52rem)").matches) box.open = false;
  form.addEventListener("submit", () => {
    for (const field of form.elements) {
      if (field.name && field.value === "" && !field.disabled) field.disabled = true;
    }
    // Re-enable after the browser has read the form (for back/forward cache).
    window.setTimeout(() => { for (const field of form.elements) field.disabled = false; }, 0);
  });
})();
