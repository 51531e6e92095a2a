// The report's one script: filter and search, sort tables, follow an error to its source.
// It only reads and rearranges what the page already holds: no network, no storage.
(function () {
  "use strict";

  // --- Filter and search: rows carry data-doc, data-cause, data-unit, data-run ------------
  var controls = document.querySelectorAll("[data-filter]");
  var search = document.getElementById("filter-text");
  var counter = document.getElementById("filter-count");

  function wanted() {
    var chosen = {};
    controls.forEach(function (control) {
      if (control.value) chosen[control.dataset.filter] = control.value;
    });
    return chosen;
  }

  function applyFilters() {
    var chosen = wanted();
    var text = search ? search.value.trim().toLowerCase() : "";
    var shown = 0, total = 0;
    document.querySelectorAll("tr.filterable").forEach(function (row) {
      var keep = Object.keys(chosen).every(function (key) {
        // A row that says nothing about a field (a section has no cause) is not filtered by it.
        var value = row.dataset[key];
        return value === undefined || value === chosen[key];
      });
      if (keep && text) keep = row.textContent.toLowerCase().indexOf(text) !== -1;
      row.hidden = !keep;
      total += 1;
      if (keep) shown += 1;
    });
    document.querySelectorAll("details.source").forEach(function (source) {
      var keep = !chosen.doc || source.dataset.doc === chosen.doc;
      // Chosen a run: only the sections where that run erred.
      if (keep && chosen.run) keep = source.dataset.runs.split("\n").indexOf(chosen.run) !== -1;
      if (keep && text) keep = source.textContent.toLowerCase().indexOf(text) !== -1;
      source.hidden = !keep;
    });
    if (counter) {
      counter.textContent = shown === total ? "all " + total + " rows shown"
        : shown + " of " + total + " rows shown";
    }
  }

  controls.forEach(function (control) { control.addEventListener("change", applyFilters); });
  if (search) search.addEventListener("input", applyFilters);
  var reset = document.getElementById("filter-reset");
  if (reset) {
    reset.addEventListener("click", function () {
      controls.forEach(function (control) { control.value = ""; });
      if (search) search.value = "";
      applyFilters();
    });
  }

  // --- Sortable tables: a header with data-col sorts by that cell of each body row --------
  function cellValue(row, column) {
    var cell = row.cells[column];
    if (!cell) return "";
    var raw = (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent).trim();
    var number = parseFloat(raw.replace(/[,$%]/g, ""));
    return isNaN(number) || !/^[-+$]?[\d.,]/.test(raw) ? raw.toLowerCase() : number;
  }

  function sortBy(header) {
    var table = header.closest("table");
    var body = table.tBodies[0];
    var column = parseInt(header.dataset.col, 10);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[data-col]").forEach(function (other) {
      other.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows).filter(function (row) {
      return !row.classList.contains("more");
    });
    var more = Array.prototype.slice.call(body.querySelectorAll("tr.more"));
    rows.sort(function (a, b) {
      var x = cellValue(a, column), y = cellValue(b, column);
      var order = typeof x === "number" && typeof y === "number" ? x - y
        : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    rows.concat(more).forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("th[data-col]").forEach(function (header) {
    header.tabIndex = 0;
    header.title = "Sort by this column";
    header.addEventListener("click", function () { sortBy(header); });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        sortBy(header);
      }
    });
  });

  // --- Follow an error to its place in the source view -------------------------------------
  function showSource(link) {
    var source = document.getElementById(link.getAttribute("href").slice(1));
    if (!source) return false;
    source.hidden = false;
    source.open = true;
    var start = parseInt(link.dataset.start, 10), end = parseInt(link.dataset.end, 10);
    var target = null;
    source.querySelectorAll(".src [data-start]").forEach(function (piece) {
      var from = parseInt(piece.dataset.start, 10), to = parseInt(piece.dataset.end, 10);
      piece.classList.remove("target");
      if (from < end && to > start) {
        piece.classList.add("target");
        if (!target) target = piece;
      }
    });
    (target || source).scrollIntoView({ block: "center" });
    if (target) target.focus({ preventScroll: true });
    return true;
  }

  document.querySelectorAll("a.to-source").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (showSource(link)) {
        event.preventDefault();
        history.replaceState(null, "", link.getAttribute("href"));
      }
    });
  });

  // Opening a section from a link typed or bookmarked.
  if (location.hash.indexOf("#src-") === 0) {
    var opened = document.getElementById(location.hash.slice(1));
    if (opened) opened.open = true;
  }

  // --- Open or close every source section at once ------------------------------------------
  document.querySelectorAll("[data-open-sources]").forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.dataset.openSources === "open";
      document.querySelectorAll("details.source").forEach(function (source) {
        if (!source.hidden) source.open = open;
      });
    });
  });

  applyFilters();
})();
