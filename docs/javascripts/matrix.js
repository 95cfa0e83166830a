/* Comparison matrix: sorting (vendored tablesort) and filters. The table is complete without
   JavaScript; this only adds the controls, which stay hidden when scripts do not run. */
(function () {
  function setUp() {
    var table = document.getElementById("matrix");
    var form = document.getElementById("matrix-filters");
    if (!table || !form || table.dataset.ready) return;
    table.dataset.ready = "yes";
    if (window.Tablesort) new window.Tablesort(table);
    document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });
    form.hidden = false;
    var theme = form.querySelector("#f-theme");
    var who = form.querySelector("#f-who");
    var differs = form.querySelector("#f-differs");
    var count = form.querySelector("#f-count");
    function apply() {
      var rows = table.tBodies[0].rows;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        var ok = (!theme.value || r.dataset.theme === theme.value) &&
          (!who.value || r.dataset.who === who.value) &&
          (!differs.checked || r.dataset.differs === "yes");
        r.hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = "Showing " + shown + " of " + rows.length + " obligations";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
