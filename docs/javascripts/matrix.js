/* The comparison matrix: sort buttons, filters, and the state of both kept in the address.

   The table is complete without JavaScript (on a phone it reads as one card per obligation
   when the cells carry data-label); this script only adds the controls, which stay hidden
   when scripts do not run. It relies on these hooks in the page, and nothing else:

     table#matrix                   the table; caption span.js-only says how to sort
       thead th[data-slug]           a protocol's column (its link stays a link)
       thead th[data-sort-default]   the obligation column (sorts back to document order)
       tbody tr[data-id][data-theme][data-who][data-differs="yes|no"]
       td[data-sort]                 a number to sort by (status: 2 full, 1 part, 0 none)
       td[data-label]                the column's name, shown on a phone (added if missing)
     form#matrix-filters            select#f-theme, select#f-who, input#f-differs, output#f-count

   The address keeps ?theme=…&who=…&differs=yes&sort=<slug|obligation>&order=asc|desc (and
   &councils=a,b,c, kept by choose.js), so a reload or a shared link shows the same view.
   "Who: Councillors" (or Officers) includes the obligations that bind both. */
(function () {
  var BOTH = "both";
  var WIDENS = { councillors: true, officers: true };

  function params() {
    return new URLSearchParams(location.search);
  }

  var keep = window.SiteAddress.keep;

  function label(th) {
    return (th.textContent || "").replace(/\s+/g, " ").trim();
  }

  // Each cell names its column, for the one-card-per-obligation layout on a phone.
  function labelCells(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr, tfoot tr"), function (r) {
      Array.prototype.forEach.call(r.cells, function (c, i) {
        if (c.tagName === "TD" && !c.dataset.label && heads[i]) c.dataset.label = label(heads[i]);
      });
    });
    table.dataset.cards = "yes";
  }

  function sorter(table, onSort) {
    var body = table.tBodies[0];
    var order = Array.prototype.slice.call(body.rows);
    order.forEach(function (r, i) { r.dataset.order = String(i); });
    var heads = Array.prototype.filter.call(table.tHead.rows[0].cells, function (th) {
      return th.dataset.slug || th.hasAttribute("data-sort-default");
    });

    function key(th) {
      return th.dataset.slug || "obligation";
    }

    function sortBy(th, direction) {
      var index = th.cellIndex;
      var sign = direction === "descending" ? -1 : 1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = Number((a.cells[index] && a.cells[index].dataset.sort) || 0);
        var y = Number((b.cells[index] && b.cells[index].dataset.sort) || 0);
        return sign * (x - y) || Number(a.dataset.order) - Number(b.dataset.order);
      });
      rows.forEach(function (r) { body.appendChild(r); });
      heads.forEach(function (h) {
        if (h === th) h.setAttribute("aria-sort", direction);
        else h.removeAttribute("aria-sort");
        var b = h.querySelector("button.sort");
        if (b) b.querySelector(".arrow").textContent =
          h !== th ? "↕" : direction === "ascending" ? "▲" : "▼";
      });
      onSort(key(th), direction);
    }

    heads.forEach(function (th) {
      if (th.querySelector("button.sort")) return;
      var name = label(th);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.setAttribute("aria-label", "Sort by " + name);
      var arrow = document.createElement("span");
      arrow.className = "arrow";
      arrow.setAttribute("aria-hidden", "true");
      arrow.textContent = "↕";
      button.append("Sort ", arrow);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var now = th.getAttribute("aria-sort");
        // a protocol column sorts "in full" first; the obligation column, in document order
        var next = now ? (now === "ascending" ? "descending" : "ascending")
          : th.dataset.slug ? "descending" : "ascending";
        sortBy(th, next);
      });
    });

    return function restore(which, direction) {
      var th = heads.filter(function (h) { return key(h) === which; })[0];
      if (th) sortBy(th, direction === "asc" ? "ascending" : "descending");
    };
  }

  function setUp() {
    var table = document.getElementById("matrix");
    var form = document.getElementById("matrix-filters");
    if (!table || !form || table.dataset.ready) return;
    table.dataset.ready = "yes";
    labelCells(table);
    document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
    var hint = table.querySelector("caption .js-only");
    if (hint) hint.textContent = "Use the Sort button under a column heading to sort.";
    form.hidden = false;
    var theme = form.querySelector("#f-theme");
    var who = form.querySelector("#f-who");
    var differs = form.querySelector("#f-differs");
    var count = form.querySelector("#f-count");

    function apply() {
      var rows = table.tBodies[0].rows;
      var shown = 0;
      var both = 0;
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        var whoOk = !who.value || r.dataset.who === who.value ||
          (WIDENS[who.value] && r.dataset.who === BOTH);
        var ok = (!theme.value || r.dataset.theme === theme.value) && whoOk &&
          (!differs.checked || r.dataset.differs === "yes");
        r.hidden = !ok;
        if (ok) shown++;
        if (ok && who.value && r.dataset.who === BOTH && who.value !== BOTH) both++;
      }
      count.textContent = "Showing " + shown + " of " + rows.length + " obligations" +
        (both ? " (" + both + " of them bind both councillors and officers)" : "");
      keep({ theme: theme.value, who: who.value, differs: differs.checked ? "yes" : "" });
    }

    function choose(select, value) {
      if (!value) return;
      var found = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      if (found) select.value = value;
    }

    var q = params();
    choose(theme, q.get("theme"));
    choose(who, q.get("who"));
    differs.checked = q.get("differs") === "yes";
    var restore = sorter(table, function (which, direction) {
      keep({ sort: which, order: direction === "ascending" ? "asc" : "desc" });
    });
    if (q.get("sort")) restore(q.get("sort"), q.get("order"));
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
