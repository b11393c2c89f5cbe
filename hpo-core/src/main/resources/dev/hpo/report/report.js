(function () {
  "use strict";
  // The trials table: rows come as JSON (one array per trial: flags, then a cell per header column) and are drawn
  // a page at a time; sorting and the filter work on every trial, not only the page shown.
  var BEST = 1, ENQUEUED = 2, SIZES = [25, 100, 500, 0];
  var collator = new Intl.Collator(undefined, {numeric: true});
  function numberKey(cell) {
    if (typeof cell === "number") { return cell; }
    return cell === "∞" ? Infinity : cell === "-∞" ? -Infinity : parseFloat(cell);
  }
  function cellText(kind, cell) {
    if (cell === null || cell === undefined) { return ""; }
    if (kind === "feasible") { return cell[0]; }
    if (kind === "artifacts") { return cell.map(function (a) { return a[0]; }).join(" "); }
    return String(cell);
  }
  function TrialsView(root, index) {
    this.root = root;
    // a running study's page reloads every few seconds: its table keeps its sort, filter and page for the tab
    this.key = "hpo-trials:" + location.pathname + ":" + index;
    this.table = root.querySelector("table.trials");
    this.heads = Array.prototype.slice.call(this.table.tHead.rows[0].cells);
    this.kinds = this.heads.map(function (th) {
      return th.getAttribute("data-kind") || (th.classList.contains("num") ? "num" : "text");
    });
    this.rows = JSON.parse(root.querySelector("script.trials-data").textContent);
    this.order = this.rows.map(function (r, i) { return i; });
    this.shown = this.order;
    this.pageSize = Number(root.getAttribute("data-page-size")) || 100;
    this.page = 0;
    this.texts = null;
    if (this.rows.length > this.pageSize) { this.toolbar(); }
    var view = this;
    this.heads.forEach(function (th, column) {
      th.tabIndex = 0;  // reachable by keyboard, sorted with Enter or Space as by a click
      th.addEventListener("click", function () { view.sortBy(column); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); view.sortBy(column); }
      });
    });
    this.restore();
    this.draw();
  }
  TrialsView.prototype.restore = function () {
    var saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(this.key));
    } catch (e) {
      return;  // no storage for this page (scripts of file pages may have none): the table opens as new
    }
    if (!saved) { return; }
    if (this.filter) {
      var size = Number(saved.pageSize);
      if (SIZES.indexOf(size) >= 0) {
        this.pageSize = size;
        this.sizeSelect.value = String(size);
      }
      this.filter.value = typeof saved.filter === "string" ? saved.filter : "";
    }
    var column = this.heads.findIndex(function (th) { return th.textContent === saved.sort; });
    if (column >= 0) { this.sortBy(column, saved.ascending === true); } else if (this.filter) { this.applyFilter(); }
    this.page = Number(saved.page) || 0;
  };
  TrialsView.prototype.save = function () {
    var sorted = this.heads.find(function (th) { return th.hasAttribute("aria-sort"); });
    var state = {sort: sorted ? sorted.textContent : null,
      ascending: sorted ? sorted.getAttribute("aria-sort") === "ascending" : true,
      page: this.page, pageSize: this.pageSize, filter: this.filter ? this.filter.value : ""};
    try {
      window.sessionStorage.setItem(this.key, JSON.stringify(state));
    } catch (e) {
      // no storage for this page: the table works, a reload opens it as new
    }
  };
  TrialsView.prototype.toolbar = function () {
    var view = this;
    var bar = document.createElement("div");
    bar.className = "trials-bar";
    function button(label, title, go) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.title = title;
      b.addEventListener("click", function () { view.page = go(); view.draw(); });
      bar.appendChild(b);
      return b;
    }
    this.filter = document.createElement("input");
    this.filter.type = "search";
    this.filter.placeholder = "filter trials";
    this.filter.setAttribute("aria-label", "show only trials whose row contains this text");
    this.filter.addEventListener("input", function () { view.applyFilter(); });
    bar.appendChild(this.filter);
    this.first = button("«", "first page", function () { return 0; });
    this.previous = button("‹", "previous page", function () { return view.page - 1; });
    this.position = document.createElement("span");
    this.position.className = "trials-position";
    bar.appendChild(this.position);
    this.next = button("›", "next page", function () { return view.page + 1; });
    this.last = button("»", "last page", function () { return view.pages() - 1; });
    var size = this.sizeSelect = document.createElement("select");
    size.setAttribute("aria-label", "rows per page");
    SIZES.forEach(function (n) {
      var o = document.createElement("option");
      o.value = String(n);
      o.textContent = n === 0 ? "all rows" : n + " rows";
      o.selected = n === view.pageSize;
      size.appendChild(o);
    });
    size.addEventListener("change", function () {
      view.pageSize = Number(size.value);
      view.page = 0;
      view.draw();
    });
    bar.appendChild(size);
    this.root.insertBefore(bar, this.root.firstChild);
  };
  TrialsView.prototype.pages = function () {
    return this.pageSize === 0 ? 1 : Math.max(1, Math.ceil(this.shown.length / this.pageSize));
  };
  TrialsView.prototype.applyFilter = function () {
    var view = this;
    var needle = this.filter.value.trim().toLowerCase();
    if (this.texts === null) {
      this.texts = this.rows.map(function (r) {
        return view.kinds.map(function (k, c) { return cellText(k, r[c + 1]); }).join("\t").toLowerCase();
      });
    }
    this.shown = needle === "" ? this.order
        : this.order.filter(function (i) { return view.texts[i].indexOf(needle) >= 0; });
    this.page = 0;
    this.draw();
  };
  /** Sorts by the column: ascending on the first click, then the other way; or in the direction given. */
  TrialsView.prototype.sortBy = function (column, direction) {
    var th = this.heads[column];
    var ascending = direction !== undefined ? direction : th.getAttribute("aria-sort") !== "ascending";
    this.heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var kind = this.kinds[column];
    var keys = this.rows.map(function (r) {
      var cell = r[column + 1];
      if (cell === null || cell === undefined) { return null; }
      if (kind === "num") {
        var v = numberKey(cell);
        return isNaN(v) ? null : v;
      }
      return cellText(kind, cell);
    });
    var sign = ascending ? 1 : -1;
    // from trial order each time, so that ties stay in trial order; empty cells (and NaN) last either way
    this.order = this.rows.map(function (r, i) { return i; }).sort(function (a, b) {
      var x = keys[a], y = keys[b];
      if (x === null || y === null) { return (x === null) - (y === null); }
      var c = typeof x === "number" ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y);
      return sign * c;
    });
    if (this.filter) { this.applyFilter(); } else { this.shown = this.order; this.page = 0; this.draw(); }
  };
  TrialsView.prototype.draw = function () {
    var pages = this.pages();
    this.page = Math.max(0, Math.min(this.page, pages - 1));
    var from = this.pageSize === 0 ? 0 : this.page * this.pageSize;
    var to = this.pageSize === 0 ? this.shown.length : Math.min(this.shown.length, from + this.pageSize);
    var body = document.createElement("tbody");
    for (var k = from; k < to; k++) { body.appendChild(this.row(this.rows[this.shown[k]])); }
    this.table.replaceChild(body, this.table.tBodies[0]);
    if (this.position) {
      this.position.textContent = this.shown.length === 0 ? "no trial matches"
          : "trials " + (from + 1) + "–" + to + " of " + this.shown.length
            + (this.shown.length < this.rows.length ? " (filtered from " + this.rows.length + ")" : "");
      this.first.disabled = this.previous.disabled = this.page === 0;
      this.next.disabled = this.last.disabled = this.page >= pages - 1;
    }
    this.save();
  };
  TrialsView.prototype.row = function (r) {
    var tr = document.createElement("tr");
    var state = r[2];
    tr.className = "st-" + String(state).toLowerCase() + (r[0] & BEST ? " best" : "");
    for (var c = 0; c < this.kinds.length; c++) {
      var kind = this.kinds[c], cell = r[c + 1];
      var td = document.createElement("td");
      if (kind === "num") { td.className = "num"; }
      if (kind === "reason") { td.className = "reason"; }
      if (cell !== null && cell !== undefined) {
        if (kind === "feasible") {
          td.textContent = cell[0];
          td.title = cell[1];
        } else if (kind === "artifacts") {
          cell.forEach(function (a) {
            var span = document.createElement("span");
            span.className = "artifact";
            span.title = a[1];
            span.textContent = a[0];
            td.appendChild(span);
            td.appendChild(document.createTextNode(" "));
          });
        } else {
          td.textContent = String(cell);
          if (kind === "state" && r[0] & ENQUEUED) {
            var mark = document.createElement("span");
            mark.className = "enqueued";
            mark.title = "its parameters were enqueued, not sampled";
            mark.textContent = "enqueued";
            td.appendChild(document.createTextNode(" "));
            td.appendChild(mark);
          }
        }
      }
      tr.appendChild(td);
    }
    return tr;
  };
  document.querySelectorAll("div.trials-view").forEach(function (root, i) {
    root.hpoTrials = new TrialsView(root, i);
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
