// Appended to a report by ReportBrowserTest: drives the first trials table through clicks and typing, as a person
// would, and writes what the pages showed to <body data-table-check> as JSON.
(function () {
  "use strict";
  var result = {};
  try {
    var opened = Array.prototype.map.call(document.querySelectorAll("div.trials-view"), function (view) {
      return [view.querySelector("tbody").rows.length, view.querySelector(".trials-bar") !== null];
    });
    var root = document.querySelector("div.trials-view");
    var table = root.querySelector("table.trials");
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    function column(label) {
      var i = heads.findIndex(function (th) { return th.textContent === label; });
      if (i < 0) { throw new Error("no column " + label); }
      return i;
    }
    function button(title) { return root.querySelector("button[title='" + title + "']"); }
    function shown() { return Array.prototype.slice.call(table.tBodies[0].rows); }
    function numbers(rows) { return rows.map(function (tr) { return Number(tr.cells[0].textContent); }); }
    // every page from the first, through the "next" button
    function allPages() {
      button("first page").click();
      var rows = shown();
      while (!button("next page").disabled) {
        button("next page").click();
        rows = rows.concat(shown());
      }
      return rows;
    }
    result.opened = numbers(shown());
    result.pagedInTrialOrder = numbers(allPages());
    heads[column("value")].click();
    result.byValue = numbers(allPages());
    button("last page").click();
    var valueColumn = column("value");
    var lastWithValue = shown().filter(function (tr) { return tr.cells[valueColumn].textContent !== ""; });
    result.byValueLastShown = lastWithValue.length ? lastWithValue[lastWithValue.length - 1].cells[valueColumn]
        .textContent : "";
    heads[column("x")].click();
    heads[column("x")].click();
    result.byXDescending = numbers(allPages());
    heads[column("kernel <b>")].click();
    var byKernel = allPages();
    result.byKernel = numbers(byKernel);
    result.kernelText = byKernel.map(function (tr) { return tr.cells[column("kernel <b>")].textContent; }).join("|");
    heads[column("#")].click();
    var filter = root.querySelector("input[type='search']");
    filter.value = "fail";
    filter.dispatchEvent(new Event("input"));
    result.filteredFail = numbers(allPages());
    filter.value = "";
    filter.dispatchEvent(new Event("input"));
    var size = root.querySelector("select");
    size.value = "0";
    size.dispatchEvent(new Event("change"));
    result.allRowsAtOnce = shown().length;
    // every table: the rows drawn when the page opened (read before any click) and whether it has a pager
    result.views = opened;
  } catch (e) {
    (window.hpoErrors = window.hpoErrors || []).push("driver: " + e.message);
  }
  result.errors = window.hpoErrors || [];
  document.body.setAttribute("data-table-check", JSON.stringify(result));
})();
