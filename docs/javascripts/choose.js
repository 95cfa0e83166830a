/* Choosing in the page, for sites with many protocols: filter the protocol index by council
   name and tier; choose which councils the matrix compares; choose the two councils to
   compare. Data comes from the site's own data/positions/<slug>.json files (no third party).
   Every control stays hidden when scripts do not run; the pages read without them. */
(function () {
  function root() {
    var cfg = document.getElementById("__config");
    var base = cfg ? JSON.parse(cfg.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }
  function load(slug) {
    return fetch(new URL("data/positions/" + encodeURIComponent(slug) + ".json", root()))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }
  function link(href, text) {
    var a = document.createElement("a");
    a.href = new URL(href, root()).href;
    a.textContent = text;
    return a;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function hideNotes() {
    document.querySelectorAll(".no-js-note").forEach(function (n) { n.hidden = true; });
  }

  function protocolFilters() {
    var form = document.getElementById("protocol-filters");
    if (!form || form.dataset.ready) return;
    var table = form.parentElement.querySelector("table");
    if (!table) return;
    form.dataset.ready = "yes";
    form.hidden = false;
    var name = form.querySelector("#p-name");
    var tier = form.querySelector("#p-tier");
    var count = form.querySelector("#p-count");
    function apply() {
      var rows = table.tBodies[0].rows, shown = 0;
      var q = name.value.trim().toLowerCase();
      for (var i = 0; i < rows.length; i++) {
        var c = rows[i].cells;
        var ok = (!q || c[0].textContent.toLowerCase().indexOf(q) >= 0) &&
          (!tier.value || c[1].textContent.trim().toLowerCase() === tier.value);
        rows[i].hidden = !ok;
        if (ok) shown++;
      }
      count.textContent = "Showing " + shown + " of " + rows.length + " protocols";
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }

  function matrixChooser() {
    var form = document.getElementById("matrix-chooser");
    var table = document.getElementById("matrix");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "yes";
    form.hidden = false;
    hideNotes();
    var words = JSON.parse(form.dataset.words);
    var select = form.querySelector("#m-councils");
    var status = form.querySelector("#m-status");
    var max = 8;
    function cell(pos, council) {
      var st = pos ? pos[0] : "absent";
      var td = el("td", "st-" + st);
      td.dataset.sort = st === "full" ? "2" : st === "partial" ? "1" : "0";
      var sym = el("span", "sym", words.status[st][0]);
      sym.setAttribute("aria-hidden", "true");
      td.appendChild(sym);
      td.appendChild(document.createTextNode(" "));
      if (!pos) { td.appendChild(document.createTextNode(words.status[st][1])); return td; }
      var a = link(pos[2][0][1], words.status[st][1]);
      a.setAttribute("aria-label", words.status[st][1] + ": " + council + ", " + pos[2][0][0]);
      td.appendChild(a);
      td.appendChild(document.createTextNode(" "));
      td.appendChild(el("span", "strength", pos[1] ? words.strength[pos[1]] : ""));
      return td;
    }
    function show(e) {
      if (e) e.preventDefault();
      var chosen = Array.prototype.filter.call(select.options, function (o) { return o.selected; })
        .map(function (o) { return o.value; });
      if (chosen.length > max) {
        status.textContent = "Choose at most " + max + " councils (" + chosen.length + " chosen).";
        return;
      }
      status.textContent = "Loading…";
      Promise.all(chosen.map(load)).then(function (data) {
        table.querySelectorAll("[data-added]").forEach(function (n) { n.remove(); });
        var head = table.tHead.rows[0];
        var statics = {};
        Array.prototype.forEach.call(head.cells, function (th, i) {
          if (th.dataset.slug) statics[th.dataset.slug] = i;
        });
        var keep = {};
        data.forEach(function (d) { keep[d.id] = true; });
        Object.keys(statics).forEach(function (slug) {
          Array.prototype.forEach.call(table.rows, function (r) {
            var c = r.cells[statics[slug]];
            if (c) c.hidden = !keep[slug];
          });
        });
        data.forEach(function (d) {
          if (d.id in statics) return;
          var th = el("th");
          th.scope = "col";
          th.dataset.added = "yes";
          th.dataset.sortMethod = "none";
          th.appendChild(link(d.url, d.council));
          head.appendChild(th);
          var stated = 0;
          Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
            var pos = d.positions[r.dataset.id];
            if (pos) stated++;
            var td = cell(pos, d.council);
            td.dataset.added = "yes";
            td.dataset.label = d.council;
            r.appendChild(td);
          });
          Array.prototype.forEach.call(table.tFoot ? table.tFoot.rows : [], function (r) {
            var td = el("td", "", stated + " of " + table.tBodies[0].rows.length);
            td.dataset.added = "yes";
            td.dataset.label = d.council;
            r.appendChild(td);
          });
        });
        status.textContent = "Showing " + data.length + " councils.";
        keepCouncils(chosen);
        var shown = document.getElementById("m-shown");
        if (shown) shown.textContent = String(data.length);
      }).catch(function () { status.textContent = "Could not load the councils' data."; });
    }
    form.addEventListener("submit", show);
    // The councils chosen are kept in the address (?councils=a,b,c): a reload or a shared
    // link shows the same columns.
    var wanted = (new URLSearchParams(location.search).get("councils") || "").split(",")
      .filter(Boolean);
    if (wanted.length) {
      Array.prototype.forEach.call(select.options, function (o) {
        o.selected = wanted.indexOf(o.value) >= 0;
      });
      show();
    }
  }

  function keepCouncils(chosen) {
    var url = new URL(location.href);
    url.searchParams.set("councils", chosen.join(","));
    history.replaceState(history.state, "", url.href);
  }

  // Each council's own words, quoted clause by clause (data-quote), with the words the other
  // council's wording lacks in <mark>, as on the static pages. Words are compared normalised
  // (longest common subsequence); the other council's words are never shown on this side.
  function norm(w) {
    w = w.replace(/[\u2018\u2019]/g, "'").toLowerCase();
    return w.replace(/[^\w']+/g, "") || w;
  }
  function words(quotes) {
    var out = [];
    quotes.forEach(function (q, k) {
      q[1].split(/\s+/).filter(Boolean).forEach(function (w) { out.push([k, w]); });
    });
    return out;
  }
  function differing(x, y) {
    var nx = x.map(function (w) { return norm(w[1]); }), ny = y.map(function (w) { return norm(w[1]); });
    var n = nx.length, m = ny.length, i, j, L = [];
    for (i = 0; i <= n; i++) { L.push(new Uint16Array(m + 1)); }
    for (i = n - 1; i >= 0; i--) for (j = m - 1; j >= 0; j--)
      L[i][j] = nx[i] === ny[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    var mx = [], my = [];
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && nx[i] === ny[j]) { mx.push(false); my.push(false); i++; j++; }
      else if (j >= m || (i < n && L[i + 1][j] >= L[i][j + 1])) { mx.push(true); i++; }
      else { my.push(true); j++; }
    }
    return [mx, my];
  }
  function quoted(quotes, ws, marks, other) {
    var p = el("p", "wordiff");
    quotes.forEach(function (q, k) {
      if (k) p.appendChild(document.createTextNode(" "));
      var span = el("span");
      span.setAttribute("data-quote", q[0]);
      var run = [], runMarked = null;
      function flush() {
        if (!run.length) return;
        if (span.childNodes.length) span.appendChild(document.createTextNode(" "));
        if (runMarked) {
          var m = el("mark", "", run.join(" "));
          m.setAttribute("data-differs", other);
          span.appendChild(m);
        } else span.appendChild(document.createTextNode(run.join(" ")));
        run = [];
      }
      ws.forEach(function (w, i) {
        if (w[0] !== k) return;
        if (runMarked !== null && marks[i] !== runMarked) flush();
        runMarked = marks[i];
        run.push(w[1]);
      });
      flush();
      p.appendChild(span);
    });
    return p;
  }
  function side(d, pos, marked) {
    var div = el("div", "side");
    var head = el("p");
    head.appendChild(el("strong", "", d.council));
    head.appendChild(document.createTextNode(": " + (pos[0] === "full" ? "In full" : "In part") +
      (pos[1] ? ", " + pos[1] : "")));
    div.appendChild(head);
    div.appendChild(marked);
    var refs = el("p");
    // Each clause as the list names it ('clauses 6.1', '6.2'), then what follows it (', ',
    // ' and '): the one listing rule, applied when the data was written.
    pos[2].forEach(function (c) {
      refs.appendChild(link(c[1], c[2]));
      if (c[3]) refs.appendChild(document.createTextNode(c[3]));
    });
    div.appendChild(refs);
    return div;
  }
  function pairChooser() {
    var form = document.getElementById("pair-chooser");
    var out = document.getElementById("pair-result");
    if (!form || !out || form.dataset.ready) return;
    form.dataset.ready = "yes";
    form.hidden = false;
    hideNotes();
    var a = form.querySelector("#pair-a"), b = form.querySelector("#pair-b");
    var hash = location.hash.replace(/^#/, "").split("--");
    if (hash.length === 2) { a.value = hash[0]; b.value = hash[1]; }
    else if (b.dataset.default) b.value = b.dataset.default;
    var titles = null;
    function obligations() {
      if (titles) return Promise.resolve(titles);
      return fetch(new URL("data/obligations.json", root())).then(function (r) { return r.json(); })
        .then(function (d) { titles = d.obligations; return titles; });
    }
    function compare(e) {
      if (e) e.preventDefault();
      if (a.value === b.value) { out.textContent = "Choose two different councils."; return; }
      out.textContent = "Loading…";
      Promise.all([load(a.value), load(b.value), obligations()]).then(function (r) {
        var da = r[0], db = r[1], list = r[2];
        history.replaceState(null, "", "#" + da.id + "--" + db.id);
        out.textContent = "";
        var both = list.filter(function (o) { return da.positions[o.id] && db.positions[o.id]; });
        var h = el("h2", "", da.council + " and " + db.council + " compared");
        h.tabIndex = -1;
        out.appendChild(h);
        out.appendChild(el("p", "", "Of " + list.length + " obligations, both protocols state " +
          both.length + "."));
        var legend = el("p", "diff-legend");
        legend.appendChild(el("strong", "", "How to read the differences:"));
        legend.appendChild(document.createTextNode(" each council's wording is quoted exactly. "));
        legend.appendChild(el("mark", "", "Highlighted words"));
        legend.appendChild(document.createTextNode(" are ones the other council's wording does " +
          "not have (capitals and punctuation aside); screen readers announce where each " +
          "difference starts and ends."));
        out.appendChild(legend);
        out.appendChild(el("h3", "", "Stated by both"));
        both.forEach(function (o) {
          var pa = da.positions[o.id], pb = db.positions[o.id];
          var h4 = el("h4");
          h4.appendChild(link(o.url, o.title));
          out.appendChild(h4);
          var wa = words(pa[3]), wb = words(pb[3]), d = differing(wa, wb);
          var pair = el("div", "pair");
          pair.appendChild(side(da, pa, quoted(pa[3], wa, d[0], db.council)));
          pair.appendChild(side(db, pb, quoted(pb[3], wb, d[1], da.council)));
          out.appendChild(pair);
        });
        [[da, db], [db, da]].forEach(function (xy) {
          out.appendChild(el("h3", "", "Only in " + xy[0].council));
          var only = list.filter(function (o) { return xy[0].positions[o.id] && !xy[1].positions[o.id]; });
          if (!only.length) { out.appendChild(el("p", "", "None.")); return; }
          var ul = el("ul");
          only.forEach(function (o) {
            var li = el("li");
            li.appendChild(link(o.url, o.title));
            ul.appendChild(li);
          });
          out.appendChild(ul);
        });
        h.focus();
      }).catch(function () { out.textContent = "Could not load the councils' data."; });
    }
    form.addEventListener("submit", compare);
    if (hash.length === 2) compare();
  }

  function setUp() { protocolFilters(); matrixChooser(); pairChooser(); }
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
