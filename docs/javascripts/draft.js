/* Draft your council's protocol in the browser: no server, nothing sent anywhere.
 *
 * Everything that decides anything comes from the drafting kit (draft/kit.json), which the
 * site build generates from the drafting package (generator/drafting/kit.py): the answer
 * rules, the defaults, each kind of council's clauses rendered sentence by sentence, and the
 * Word writer's own parts cut into templates. draft-core.js checks, drafts and zips (pure
 * functions over the kit); this script is the page: it reads the form one step at a time,
 * shows errors beside the fields and in a summary, lists the optional clauses, keeps the
 * preview current, opens answers files (js-yaml) and saves the downloads.
 */
(function () {
  "use strict";

  var app = document.getElementById("draft-app");
  var nojs = document.getElementById("draft-nojs");
  if (!app || !window.fetch || !window.fflate || !window.jsyaml || !window.DraftCore) return;

  var kit = null;
  var core = null;
  var stepIndex = 0;
  var switched = {}; // clause id -> true/false, for the clauses the user ticked or unticked
  var $ = function (id) { return document.getElementById(id); };

  fetch(app.getAttribute("data-kit"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      if (String(data.version) !== app.getAttribute("data-version")) throw new Error("version");
      kit = data;
      core = window.DraftCore(kit);
      start();
    })
    .catch(function () {
      /* Leave the no-JavaScript instructions in place: they say what to do instead. */
    });

  // ------------------------------------------------------------------ reading the form

  function steps() {
    return Array.prototype.slice.call(app.querySelectorAll(".draft-step"));
  }

  function radio(name) {
    var checked = app.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : "";
  }

  function tierInfo(tier) {
    for (var i = 0; i < kit.rules.tiers.length; i++) {
      if (kit.rules.tiers[i].id === tier) return kit.rules.tiers[i];
    }
    return null;
  }

  /* The kind of council the form describes: {id, local, executive} or null. */
  function kind() {
    var tier = tierInfo(radio("tier"));
    if (!tier) return null;
    var nation = radio("nation") || "england";
    if (tier.local) return { id: nation + "-local", local: true, executive: false };
    var gov = nation === "england" ? radio("governance") || "executive" : "executive";
    var id = kit.rules.kind_of[nation + "/" + tier.id + "/" + gov];
    return { id: id, local: false, executive: gov === "executive" };
  }

  function applies(when, k) {
    if (!when) return true;
    if (!k) return false;
    if (when === "local") return k.local;
    if (when === "principal") return !k.local;
    if (when === "executive") return k.executive && !k.local;
    if (when === "england-principal") return !k.local && radio("nation") === "england";
    return true;
  }

  /* Whitespace collapsed, as draft reads a value. */
  function answers() {
    var k = kind();
    var out = { council_name: "", tier: radio("tier"), nation: radio("nation") || "england" };
    if (k && !k.local && out.nation === "england") out.governance = radio("governance") || "executive";
    kit.rules.text_keys.forEach(function (key) {
      var input = $("f-" + key);
      var wrap = $("w-" + key);
      if (!input || (wrap && !applies(wrap.getAttribute("data-when"), k))) return;
      var value = core.squash(input.value);
      if (value) out[key] = value;
    });
    var include = [], exclude = [];
    clauses().forEach(function (c) {
      if (c.scope === "core" || !(c.id in switched) || switched[c.id] === c.on) return;
      (switched[c.id] ? include : exclude).push(c.id);
    });
    out.include = include;
    out.exclude = exclude;
    return out;
  }

  function clauses() {
    var k = kind();
    return k ? kit.kinds[k.id] : [];
  }

  function isOn(c) {
    if (c.scope === "core") return true;
    return c.id in switched ? switched[c.id] : c.on;
  }

  function labelOf(key) {
    var label = app.querySelector('label[for="f-' + key + '"]');
    return label ? "The answer to '" + label.textContent + "'" : "'" + key + "'";
  }

  /* The line of a top-level key in an answers file's text (0 when not found), as draft
   * names it in its messages. */
  function lineOf(text, key) {
    var lines = text.split(/\r\n|\r|\n/);
    for (var i = 0; i < lines.length; i++) {
      var m = /^(["']?)(.*?)\1[ \t]*:(?:[ \t]|$)/.exec(lines[i]);
      if (m && m[2] === key) return i + 1;
    }
    return 0;
  }

  /* Open an answers file into the form. Returns every problem with it, as draft prints them
   * ("file:line: message", warnings marked): [{key: "open", message, warning}]. */
  function openAnswers(text, name) {
    var data;
    try {
      // Every value is text: numbers stay as written ("045", "12.30"), as draft reads them.
      data = window.jsyaml.load(text, { schema: window.jsyaml.FAILSAFE_SCHEMA.extend({
        implicit: [window.jsyaml.types.null, window.jsyaml.types.bool] }) });
    } catch (e) {
      return [{ key: "open", message: name + ": not an answers file (" + String(e.reason || e.message) + ")" }];
    }
    if (data === null || data === undefined) data = {};
    if (typeof data !== "object" || Array.isArray(data)) {
      return [{ key: "open", message: name + ":1: expected 'key: value' lines, starting with council_name and tier" }];
    }
    var out = [];
    function report(key, message, warning) {
      var line = lineOf(text, key);
      out.push({
        key: "open",
        message: name + (line ? ":" + line : "") + ": " + message + (warning ? " (warning)" : ""),
        warning: !!warning
      });
    }
    core.oldKeys(data).forEach(function (p) { report(p.key, p.message, p.warning); });
    var old = {};
    kit.rules.old_keys.forEach(function (o) { old[o.old] = true; });
    Object.keys(data).forEach(function (key) {
      if (kit.rules.keys.indexOf(key) < 0 && !old[key]) report(key, core.unknownKey(key));
    });
    var str = function (v) { return v === null || v === undefined ? "" : String(v); };
    var options = {
      nation: kit.rules.nations,
      tier: kit.rules.tiers.map(function (t) { return t.id; }),
      governance: kit.rules.governance
    };
    var given = {};
    ["nation", "tier", "governance"].forEach(function (key) {
      var value = str(data[key]).trim().toLowerCase();
      var input = value && app.querySelector('input[name="' + key + '"][value="' + CSS.escape(value) + '"]');
      if (input) { input.checked = true; given[key] = value; }
      else if (value) report(key, core.unknownWord(key, str(data[key]), options[key]));
      else if (key === "tier") app.querySelectorAll('input[name="tier"]').forEach(function (i) { i.checked = false; });
      else if (key === "nation") $("f-nation-england").checked = true;
    });
    if (given.tier) {
      // Keys that do not apply to this kind of council: draft warns that it ignores them.
      var combo = (given.nation || "england") + "/" + given.tier + "/" + (given.governance || "");
      (kit.rules.kind_warnings[combo] || []).forEach(function (w) {
        if (w[0] === "governance" || (data[w[0]] !== null && data[w[0]] !== undefined)) report(w[0], w[1], true);
      });
    }
    kit.rules.text_keys.forEach(function (key) {
      var value = data[key];
      // What YAML read as something other than text, named as draft names it.
      var what = value === true || value === false ? String(value) :
        Array.isArray(value) ? "list" : value !== null && typeof value === "object" ? "mapping" : "";
      if (what) {
        report(key, kit.rules.not_text[what].split("\ue004").join(key));
        value = null;
      }
      var input = $("f-" + key);
      if (input) input.value = str(value);
    });
    switched = {};
    var pool = {};
    clauses().forEach(function (c) { pool[c.id] = c; });
    [["include", true], ["exclude", false]].forEach(function (pair) {
      var list = data[pair[0]];
      if (list === null || list === undefined) return;
      if (!Array.isArray(list)) list = [list];
      list.forEach(function (id) {
        var c = pool[String(id)];
        if (!c) out.push({ key: "open", message: name + ": " + pair[0] + ": '" + id + "' is not an optional clause for this kind of council" });
        else if (c.scope === "core" && !pair[1]) out.push({ key: "open", message: name + ": exclude: '" + id + "' is a core clause and is in every council's protocol" });
        else if (c.scope !== "core") switched[c.id] = pair[1];
      });
    });
    return out;
  }

  // ------------------------------------------------------------------ the page

  function showErrors(list) {
    var box = $("draft-errors");
    var ul = $("draft-errors-list");
    ul.textContent = "";
    app.querySelectorAll(".draft-error").forEach(function (e) { e.remove(); });
    app.querySelectorAll("[aria-invalid]").forEach(function (e) {
      e.removeAttribute("aria-invalid");
      var ids = (e.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x.slice(-6) !== "-error"; });
      e.setAttribute("aria-describedby", ids.join(" "));
    });
    app.querySelectorAll(".draft-field--error").forEach(function (e) { e.classList.remove("draft-field--error"); });
    box.hidden = !list.length;
    // The summary's heading is made only when there is a problem to show, so the page
    // never carries an empty "There is a problem" heading.
    if (list.length && !$("draft-errors-title")) {
      var title = document.createElement("h2");
      title.id = "draft-errors-title";
      title.textContent = "There is a problem";
      box.insertBefore(title, ul);
    }
    list.forEach(function (p, n) {
      var target = fieldFor(p.key);
      var li = document.createElement("li");
      var a = document.createElement("a");
      // A message about no one answer (the draft as a whole) points at the preview.
      var fallback = p.key === "open" ? $("f-open") : $("draft-preview");
      a.href = "#" + (target || fallback).id;
      a.textContent = p.message;
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var t = target || fallback;
        var focusable = t.matches("fieldset") ? t.querySelector("input") : t;
        focusable.focus();
      });
      li.appendChild(a);
      ul.appendChild(li);
      if (!target) return;
      var msg = document.createElement("p");
      msg.className = "draft-error";
      msg.id = target.id + "-error" + (n ? "-" + n : "");
      var hidden = document.createElement("span");
      hidden.className = "draft-visually-hidden";
      hidden.textContent = "Error: ";
      msg.appendChild(hidden);
      msg.appendChild(document.createTextNode(p.message));
      var host = target.matches("fieldset") ? target.querySelector("legend") : (target.closest(".draft-field, .draft-checkbox") || target).querySelector("label");
      host.parentNode.insertBefore(msg, host.nextSibling);
      (target.closest(".draft-field, .draft-checkbox, fieldset") || target).classList.add("draft-field--error");
      var control = target.matches("fieldset") ? target : target;
      control.setAttribute("aria-invalid", "true");
      control.setAttribute("aria-describedby", ((control.getAttribute("aria-describedby") || "") + " " + msg.id).trim());
    });
    if (list.length) {
      box.focus();
      box.scrollIntoView({ block: "start" });
    }
  }

  /* A message in the status region (role=status, read out politely), with a list of notes
   * (draft's warnings, word for word) under it. */
  function status(text, notes) {
    var box = $("draft-status");
    box.textContent = text;
    if (!notes.length) return;
    var ul = document.createElement("ul");
    ul.className = "draft-status__notes";
    notes.forEach(function (p) {
      var li = document.createElement("li");
      li.textContent = p.message;
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function fieldFor(key) {
    if (key === "open") return null;
    if (key.slice(0, 2) === "c-") return $(key);
    return $("f-" + key);
  }

  function stepOf(key) {
    var target = fieldFor(key);
    var section = target && target.closest(".draft-step");
    return section ? steps().indexOf(section) : -1;
  }

  function showStep(i, focus) {
    var all = steps();
    stepIndex = Math.max(0, Math.min(i, all.length - 1));
    all.forEach(function (s, n) { s.hidden = n !== stepIndex; });
    $("draft-progress").textContent = "Step " + (stepIndex + 1) + " of " + all.length;
    $("draft-back").hidden = stepIndex === 0;
    $("draft-next").hidden = stepIndex === all.length - 1;
    if (focus) all[stepIndex].querySelector("h2").focus();
  }

  function refreshKind() {
    var k = kind();
    app.querySelectorAll("[data-when]").forEach(function (el) {
      el.hidden = !applies(el.getAttribute("data-when"), k);
    });
    var a = answers();
    if (!k) return;
    var values = core.variables(a);
    kit.rules.title_keys.concat(["monitoring_officer_council"]).forEach(function (key) {
      var span = $("f-" + key + "-default");
      if (span) span.textContent = "If you leave it blank: " + values[key] + ".";
    });
  }

  function clauseBoxes() {
    var host = $("draft-clauses");
    var k = kind();
    host.textContent = "";
    if (!k) return;
    var a = answers();
    var model = core.draft(a, clauses(), isOn);
    var byTheme = {};
    clauses().forEach(function (c) {
      if (c.scope === "core") return;
      (byTheme[c.theme] = byTheme[c.theme] || []).push(c);
    });
    kit.themes.forEach(function (theme) {
      var list = byTheme[theme.id];
      if (!list) return;
      var fs = document.createElement("fieldset");
      fs.className = "draft-fieldset";
      var legend = document.createElement("legend");
      legend.textContent = theme.title;
      fs.appendChild(legend);
      list.forEach(function (c) {
        var wrap = document.createElement("div");
        wrap.className = "draft-checkbox";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = "c-" + c.id;
        box.value = c.id;
        box.checked = isOn(c);
        box.setAttribute("aria-describedby", "c-" + c.id + "-hint");
        var label = document.createElement("label");
        label.htmlFor = box.id;
        label.textContent = c.title;
        var hint = document.createElement("div");
        hint.className = "draft-hint";
        hint.id = "c-" + c.id + "-hint";
        var words = document.createElement("p");
        words.className = "draft-wording";
        var r = core.renderClause(c, model.values, model.numbers);
        words.textContent = core.plain(r.text.concat.apply(r.text, r.items.map(function (i) { return [{ text: " ", kind: "text" }].concat(i); })));
        var facts = document.createElement("p");
        facts.textContent = "In " + c.have + " of " + kit.protocols + " protocols. " +
          (c.on ? "On" : "Off") + " by default for your kind of council (" + c.reason + ").";
        hint.appendChild(words);
        hint.appendChild(facts);
        wrap.appendChild(box);
        wrap.appendChild(label);
        wrap.appendChild(hint);
        fs.appendChild(wrap);
      });
      host.appendChild(fs);
    });
  }

  function preview() {
    var host = $("draft-preview");
    host.textContent = "";
    var a = answers();
    if (!a.tier) {
      host.textContent = "Choose the kind of council to see its protocol.";
      return;
    }
    var model = core.draft(a, clauses(), isOn);
    var h = document.createElement("p");
    h.className = "draft-preview__council";
    h.textContent = (a.council_name || "[name of council]") + ": councillor–officer protocol";
    host.appendChild(h);
    var n = 0;
    model.sections.forEach(function (s) {
      var head = document.createElement("h3");
      head.textContent = s.number + ". " + s.title;
      host.appendChild(head);
      s.clauses.forEach(function (c) {
        n += 1;
        var p = document.createElement("p");
        p.className = "draft-preview__clause";
        p.textContent = c.number + " " + core.plain(c.text);
        host.appendChild(p);
        c.items.forEach(function (item, i) {
          var q = document.createElement("p");
          q.className = "draft-preview__item";
          q.textContent = c.number + "." + (i + 1) + " " + core.plain(item);
          host.appendChild(q);
        });
      });
    });
    $("draft-summary").textContent = "Your protocol has " + n + " clauses in " + model.sections.length +
      " sections. Check the preview below, then download it.";
  }

  function refresh() {
    refreshKind();
    preview();
  }

  function slug(name) {
    var s = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return s || "council";
  }

  function save(bytes, name, type) {
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function checked(all) {
    var a = answers();
    var list = core.problems(a, clauses(), isOn, labelOf);
    if (!all) {
      list = list.filter(function (p) { var s = stepOf(p.key); return s === stepIndex || (s < 0 && stepIndex === 0); });
    }
    return { answers: a, problems: list };
  }

  function ready() {
    var r = checked(true);
    if (r.problems.length) {
      var first = stepOf(r.problems[0].key);
      if (first >= 0 && first !== stepIndex) showStep(first, false);
      var here = r.problems.filter(function (p) { return stepOf(p.key) === stepIndex; });
      showErrors(here.length ? here : r.problems);
      return null;
    }
    showErrors([]);
    return r.answers;
  }

  function start() {
    nojs.hidden = true;
    app.hidden = false;
    showStep(0, false);
    refresh();
    $("draft-form").addEventListener("input", function (ev) {
      var t = ev.target;
      if (t.type === "checkbox") switched[t.value] = t.checked;
      if (t.name === "tier" || t.name === "nation" || t.name === "governance") switched = {};
      refresh();
    });
    $("draft-form").addEventListener("submit", function (ev) { ev.preventDefault(); $("draft-next").click(); });
    $("draft-next").addEventListener("click", function () {
      var r = checked(false);
      showErrors(r.problems);
      if (r.problems.length) return;
      if (steps()[stepIndex + 1].getAttribute("data-step") === "clauses") clauseBoxes();
      showStep(stepIndex + 1, true);
    });
    $("draft-back").addEventListener("click", function () {
      showErrors([]);
      showStep(stepIndex - 1, true);
    });
    $("draft-docx").addEventListener("click", function () {
      var a = ready();
      if (!a) return;
      var t0 = performance.now();
      var when = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      var bytes = core.docx(core.draft(a, clauses(), isOn), when);
      save(bytes, slug(a.council_name) + "-protocol.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      app.setAttribute("data-docx-ms", String(Math.round(performance.now() - t0)));
      $("draft-status").textContent = "Your Word file is ready: " + slug(a.council_name) + "-protocol.docx.";
    });
    $("draft-yaml").addEventListener("click", function () {
      var a = ready();
      if (!a) return;
      save(core.yaml(a), slug(a.council_name) + "-answers.yaml", "text/yaml");
      $("draft-status").textContent = "Your answers are saved as " + slug(a.council_name) + "-answers.yaml.";
    });
    $("f-open").addEventListener("change", function (ev) {
      var file = ev.target.files && ev.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var list = openAnswers(text, file.name);
        var notes = list.filter(function (p) { return p.warning; });
        refresh();
        if (notes.length < list.length) {
          // Errors: listed in the summary with the warnings, as draft prints them together.
          status("", []);
          showStep(0, false);
          showErrors(list);
          return;
        }
        status("Opened " + file.name + (notes.length ? ", with " + (notes.length === 1 ? "a note" : notes.length + " notes") + ":" : "."), notes);
        var all = core.problems(answers(), clauses(), isOn, labelOf);
        if (all.length) {
          var first = Math.max(0, stepOf(all[0].key));
          if (steps()[first].getAttribute("data-step") === "clauses") clauseBoxes();
          showStep(first, false);
          showErrors(all.filter(function (p) { return Math.max(0, stepOf(p.key)) === first; }));
          return;
        }
        clauseBoxes();
        showErrors([]);
        showStep(steps().length - 1, true);
      });
    });
  }

  // For the tests: the drafting functions, with no access to anything outside the page.
  window.draftProtocol = {
    answers: answers,
    clauses: clauses,
    problems: function () { return core.problems(answers(), clauses(), isOn, labelOf); },
    draft: function () { return core.draft(answers(), clauses(), isOn); }
  };
})();
