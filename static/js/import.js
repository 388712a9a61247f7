// Import job page: polls the job's status URL and updates the progress bar and counts until it finishes.
(function () {
  "use strict";
  const root = document.getElementById("import-job");
  if (!root) return;
  const url = root.dataset.statusUrl;
  const bar = document.getElementById("import-progress");
  const label = root.querySelector('[data-field="progress-label"]');

  function set(name, value) {
    const el = root.querySelector('[data-field="' + name + '"]');
    if (el) el.textContent = value;
  }

  function fraction(s) {
    // Each stage fills the bar from empty: reading by bytes, importing by rows, extraction by articles.
    if (s.stage === "reading") return [s.bytes_total ? s.bytes_read / s.bytes_total : 0, "Reading and checking"];
    if (s.stage === "importing") return [s.rows_total ? s.committed / s.rows_total : 0, "Importing"];
    if (s.stage === "extracting") return [s.extract_total ? (s.extract_done + s.extract_failed) / s.extract_total : 0, "Extracting claims"];
    if (s.stage === "linking") return [1, "Linking claims"];
    if (s.stage === "finished") return [1, "Finished"];
    return [0, "Waiting for a worker"];
  }

  function renderErrors(errors) {
    const body = root.querySelector('[data-field="errors"]');
    if (!body || !errors.length) return;
    body.replaceChildren(...errors.map(function (e) {
      const tr = document.createElement("tr");
      [e.file, e.row, e.field, e.message].forEach(function (v) {
        const td = document.createElement("td");
        td.textContent = v === undefined || v === null ? "" : String(v);  // text only: never markup
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  function update(s) {
    const [f, text] = fraction(s);
    bar.value = Math.round(100 * Math.min(1, f));
    bar.textContent = bar.value + "%";
    label.textContent = text + " (" + bar.value + "%)";
    ["status", "stage", "rows_read", "created", "versioned", "skipped", "failed", "extract_done", "extract_total",
      "extract_failed"].forEach(function (k) { set(k, s[k]); });
    set("link_status", s.link_status || "—");
    const message = root.querySelector('[data-field="message"]');
    message.textContent = s.message || "";
    message.hidden = !s.message;
    root.querySelector('[data-action="cancel"]').hidden = s.finished;
    root.querySelector('[data-action="resume"]').hidden = !s.resumable;
    renderErrors(s.errors || []);
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        update(s);
        if (!s.finished) setTimeout(poll, s.stale ? 5000 : 1000);
        // The near-duplicates to choose for are listed by the server: show them once the job is done.
        else if (s.near_duplicates && root.dataset.finished === "0") window.location.reload();
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  poll();
})();
