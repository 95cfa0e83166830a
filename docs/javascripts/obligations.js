/* The obligations index's filter: words in an obligation's title or statement, and whom it
   binds. The list is complete without JavaScript (the form stays hidden); this script only
   shows the form and narrows the list. It relies on these hooks in the page, and nothing else:

     form#obligation-filter          input#o-words, select#o-who, button#o-clear, output#o-count
       select#o-who option[data-includes="councillors both"]   whom a choice keeps
     div.obligation-theme            one theme: its heading, description and list
       li[data-who]                  one obligation: its title link, statement and
         em.stated                   "Stated by n of N." (not searched)

   Every word typed must occur in the title or the statement (in any order, any case, accents
   and curly quotes ignored). A theme with no obligation shown is hidden with its heading.
   The address keeps ?words=…&who=…, so a reload or a shared link shows the same list (not
   ?q=…: Material opens its site search for a q in the address). */
(function () {
  function fold(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
      .replace(/[\u2010-\u2015]/g, "-")
      .toLowerCase();
  }

  function searchable(li) {
    var parts = [];
    Array.prototype.forEach.call(li.childNodes, function (n) {
      if (n.nodeType === 1 && n.classList.contains("stated")) return;
      parts.push(n.textContent);
    });
    return fold(parts.join(" ").replace(/\s+/g, " "));
  }

  var keep = window.SiteAddress.keep;

  function setUp() {
    var form = document.getElementById("obligation-filter");
    if (!form || form.dataset.ready) return;
    var groups = Array.prototype.slice.call(document.querySelectorAll(".obligation-theme"));
    var items = [];
    groups.forEach(function (g) {
      Array.prototype.forEach.call(g.querySelectorAll("li[data-who]"), function (li) {
        items.push({ li: li, group: g, text: searchable(li), who: li.dataset.who });
      });
    });
    if (!items.length) return;
    form.dataset.ready = "yes";
    var words = form.querySelector("#o-words");
    var who = form.querySelector("#o-who");
    var clear = form.querySelector("#o-clear");
    var count = form.querySelector("#o-count");
    var total = items.length;
    var noun = function (n) { return n === 1 ? " obligation" : " obligations"; };

    function apply() {
      var query = words.value.trim();
      var terms = fold(query).split(/\s+/).filter(Boolean);
      var option = who.options[who.selectedIndex];
      var whom = who.value ? (option.dataset.includes || who.value).split(" ") : null;
      var shown = 0;
      var showing = new Set();
      items.forEach(function (it) {
        var ok = (!whom || whom.indexOf(it.who) >= 0) &&
          terms.every(function (t) { return it.text.indexOf(t) >= 0; });
        it.li.hidden = !ok;
        if (ok) { shown++; showing.add(it.group); }
      });
      groups.forEach(function (g) {
        g.hidden = !showing.has(g);
        var h = g.querySelector("h2[id]");
        if (!h) return;
        // the page's contents lists: a theme hidden here is not offered there either
        document.querySelectorAll("nav a[href='#" + h.id + "']").forEach(function (a) {
          a.parentElement.hidden = g.hidden;
        });
      });
      var filtered = terms.length > 0 || !!whom;
      clear.hidden = !filtered;
      var none = !whom ? ". No title or statement has all of these words: try fewer words."
        : ". None matches: try fewer words, or Anyone under \u201cWho it binds\u201d.";
      count.textContent = shown + " of " + total + noun(total) + " shown" + (shown ? "" : none);
      keep({ words: query, who: who.value });
    }

    var q = new URLSearchParams(location.search);
    words.value = q.get("words") || "";
    var chosen = q.get("who") || "";
    who.value = Array.prototype.some.call(who.options, function (o) { return o.value === chosen; })
      ? chosen : "";
    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    clear.addEventListener("click", function () {
      words.value = "";
      who.value = "";
      apply();
      words.focus();
    });
    apply();
  }

  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
