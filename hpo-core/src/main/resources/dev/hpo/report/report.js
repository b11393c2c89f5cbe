(function () {
  "use strict";
  function key(cell) {
    if (!cell) { return ""; }
    var text = cell.textContent;
    if (text === "" || !cell.classList.contains("num")) { return text; }
    var v = text === "∞" ? Infinity : text === "-∞" ? -Infinity : parseFloat(text);
    return isNaN(v) ? text : v;
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
    th.tabIndex = 0;  // reachable by keyboard, sorted with Enter or Space as by a click
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });
  // self-check: every plot has a drawn SVG whose coordinates are all numbers; the result goes to
  // <body data-report-status>
  var GEOMETRY = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"];
  function badGeometry(svg) {
    var bad = null;
    svg.querySelectorAll("*").forEach(function (el) {
      GEOMETRY.forEach(function (a) {
        var v = el.getAttribute(a);
        if (bad === null && v !== null && !isFinite(Number(v))) { bad = el.tagName + " " + a + "=" + v; }
      });
      var points = el.getAttribute("points");
      if (bad === null && points !== null && points.trim().split(/[\s,]+/).some(function (p) {
        return !isFinite(Number(p));
      })) { bad = el.tagName + " points=" + points.slice(0, 60); }
    });
    return bad;
  }
  var missing = [];
  var invalid = [];
  var figures = document.querySelectorAll("figure.plot");
  figures.forEach(function (f) {
    var svg = f.querySelector("svg");
    if (!svg || svg.childElementCount === 0 || svg.getBoundingClientRect().width === 0) {
      missing.push(f.getAttribute("data-plot"));
      return;
    }
    var bad = badGeometry(svg);
    if (bad !== null) { invalid.push(f.getAttribute("data-plot") + " (" + bad + ")"); }
  });
  var errors = window.hpoErrors || [];
  var status = errors.length ? "error: " + errors.join("; ")
      : missing.length ? "missing: " + missing.join(", ")
      : invalid.length ? "invalid: " + invalid.join(", ") : "ok " + figures.length + " plots";
  document.body.setAttribute("data-report-status", status);
})();
