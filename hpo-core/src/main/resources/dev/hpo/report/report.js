(function () {
  "use strict";
  function key(cell) {
    if (!cell) { return ""; }
    var s = cell.getAttribute("data-s");
    return s === null ? cell.textContent : parseFloat(s);
  }
  function sortBy(th) {
    var table = th.closest("table");
    var body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index]);
      var y = key(b.cells[index]);
      var empty = (x === "") - (y === "");
      if (empty !== 0) { return empty; }
      var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return ascending ? c : -c;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
  }
  document.querySelectorAll("table.sortable th").forEach(function (th) {
    th.addEventListener("click", function () { sortBy(th); });
  });
  // self-check: every plot has a drawn SVG; the result is in <body data-report-status>
  var missing = [];
  var figures = document.querySelectorAll("figure.plot");
  figures.forEach(function (f) {
    var svg = f.querySelector("svg");
    if (!svg || svg.childElementCount === 0 || svg.getBoundingClientRect().width === 0) {
      missing.push(f.getAttribute("data-plot"));
    }
  });
  var errors = window.hpoErrors || [];
  var status = errors.length ? "error: " + errors.join("; ")
      : missing.length ? "missing: " + missing.join(", ") : "ok " + figures.length + " plots";
  document.body.setAttribute("data-report-status", status);
})();
