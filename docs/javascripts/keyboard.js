/* Glossary terms in protocol text (<abbr class="term" title=... data-term=...>), reachable by
   keyboard: each term takes the focus; focus, hover, a tap or Enter opens its meaning with a
   link to the glossary entry, placed right after the term so Tab reaches the link; Escape
   closes it and returns to the term. Without JavaScript the term keeps its title tooltip.
   Also: a code block or table that scrolls sideways takes the focus, so a keyboard can scroll it. */
(function () {
  var n = 0;

  function base() {
    var config = document.getElementById("__config");
    try {
      return new URL(JSON.parse(config.textContent).base + "/", location.href);
    } catch (e) {
      return new URL("/", location.href);
    }
  }

  function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  function setUpTerm(term, root) {
    var meaning = term.getAttribute("title");
    if (!meaning || term.dataset.ready) return;
    term.dataset.ready = "yes";
    term.dataset.meaning = meaning;
    term.removeAttribute("title"); // one pop-up, not the browser's tooltip as well
    term.classList.add("term");
    var id = "term-pop-" + (++n);
    var pop = document.createElement("span");
    pop.className = "term-pop";
    pop.id = id;
    pop.hidden = true;
    var name = document.createElement("strong");
    name.textContent = term.textContent;
    var link = document.createElement("a");
    link.href = new URL("glossary/#" + (term.dataset.term || slug(term.textContent)), root).href;
    link.textContent = "See “" + term.textContent + "” in the glossary";
    pop.append(name, ": " + meaning + " ", link);
    term.after(pop);
    term.tabIndex = 0;
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.setAttribute("aria-controls", id);
    term.setAttribute("aria-describedby", id);
    var pinned = false;
    var timer = 0;

    function place() {
      var parent = pop.offsetParent || document.body;
      var width = pop.offsetWidth;
      var room = parent.clientWidth - width - 4;
      pop.style.left = Math.max(0, Math.min(term.offsetLeft, room)) + "px";
      pop.style.top = term.offsetTop + term.offsetHeight + 4 + "px";
    }
    function open() {
      clearTimeout(timer);
      if (!pop.hidden) return;
      pop.hidden = false;
      term.setAttribute("aria-expanded", "true");
      place();
    }
    function close() {
      clearTimeout(timer);
      pinned = false;
      pop.hidden = true;
      term.setAttribute("aria-expanded", "false");
    }
    function closeSoon() {
      if (pinned) return;
      clearTimeout(timer);
      timer = setTimeout(close, 250);
    }
    var returning = false; // focus coming back to the term after Escape: stay closed
    term.addEventListener("focus", function () {
      if (returning) return;
      pinned = true;
      open();
    });
    term.addEventListener("click", function () {
      if (pop.hidden) { pinned = true; open(); } else close();
    });
    term.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        if (pop.hidden) { pinned = true; open(); } else close();
      }
    });
    [term, pop].forEach(function (el) {
      el.addEventListener("mouseenter", open);
      el.addEventListener("mouseleave", closeSoon);
      el.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && !pop.hidden) {
          e.stopPropagation();
          close();
          returning = true;
          term.focus();
          returning = false;
        }
      });
      el.addEventListener("focusout", function (e) {
        if (e.relatedTarget !== term && !pop.contains(e.relatedTarget)) close();
      });
    });
  }

  // The heading a box sits under: its nearest heading before it in the page.
  function headingOf(box) {
    for (var e = box; e && !e.matches("article"); e = e.parentElement) {
      for (var s = e.previousElementSibling; s; s = s.previousElementSibling) {
        if (/^H[1-6]$/.test(s.tagName)) return s.textContent.replace(/\s+/g, " ").trim();
      }
    }
    return "";
  }

  // Each scrolling box is a region with a name of its own (two regions with the same name
  // cannot be told apart in a list of landmarks): what it is, under which heading, and a
  // number when a heading has more than one.
  function setUpScrollers() {
    var used = {};
    [[".md-typeset pre > code", "Code"],
     [".md-typeset__scrollwrap", "Table"]].forEach(function (kind) {
      document.querySelectorAll(kind[0]).forEach(function (box) {
        if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
          var under = headingOf(box);
          var name = kind[1] + (under ? " under \u201c" + under + "\u201d" : "");
          used[name] = (used[name] || 0) + 1;
          if (used[name] > 1) name += " " + used[name];
          box.tabIndex = 0;
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", name + " (scrolls sideways)");
        }
      });
    });
  }

  // The header's menu button (and the search button on a phone) are <label>s, which take no
  // focus: a keyboard could not open the navigation drawer. Each gets a real <button> inside,
  // holding its icon; Escape closes the drawer and returns to its button.
  function setUpHeaderButtons() {
    document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
      if (label.dataset.ready) return;
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle) return;
      label.dataset.ready = "yes";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "header-toggle";
      button.setAttribute("aria-label", label.htmlFor === "__drawer" ? "Menu" : "Search");
      button.setAttribute("aria-expanded", String(toggle.checked));
      while (label.firstChild) button.appendChild(label.firstChild);
      label.appendChild(button);
      toggle.addEventListener("change", function () {
        button.setAttribute("aria-expanded", String(toggle.checked));
      });
      button.addEventListener("click", function (e) {
        e.preventDefault();
        e.stopPropagation();
        toggle.checked = !toggle.checked;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));
        if (toggle.checked && label.htmlFor === "__search") {
          var input = document.querySelector(".md-search__input");
          if (input) input.focus();
        }
      });
    });
    var drawer = document.getElementById("__drawer");
    if (drawer && !drawer.dataset.ready) {
      drawer.dataset.ready = "yes";
      document.addEventListener("keydown", function (e) {
        if (e.key !== "Escape" || !drawer.checked) return;
        drawer.checked = false;
        drawer.dispatchEvent(new Event("change"));
        var button = document.querySelector("label[for='__drawer'] .header-toggle");
        if (button) button.focus();
      });
    }
  }

  function setUp() {
    setUpHeaderButtons();
    var root = base();
    document.querySelectorAll(".md-typeset abbr[title]").forEach(function (t) {
      setUpTerm(t, root);
    });
    setUpScrollers();
  }
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
