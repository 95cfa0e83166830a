/* Draft your council's protocol in the browser: no server, nothing sent anywhere.
 *
 * Everything that decides anything comes from the drafting kit (draft/kit.json), which the
 * site build generates from the drafting package (generator/drafting/kit.py): the answer
 * rules, the defaults, each kind of council's clauses rendered sentence by sentence, and the
 * Word writer's own parts cut into templates. This script only reads the form, checks it
 * against the kit's rules, selects and numbers the clauses (as model_protocol.build does),
 * fills in the values (XML-escaped) and zips the parts with fflate. Answers files are read
 * with js-yaml and written as the YAML the `draft` command reads.
 */
(function () {
  "use strict";

  var app = document.getElementById("draft-app");
  var nojs = document.getElementById("draft-nojs");
  if (!app || !window.fetch || !window.fflate || !window.jsyaml) return;

  var NUMBER = "\ue000";
  var kit = null;
  var stepIndex = 0;
  var switched = {}; // clause id -> true/false, for the clauses the user ticked or unticked
  var $ = function (id) { return document.getElementById(id); };

  fetch(app.getAttribute("data-kit"))
    .then(function (r) { return r.json(); })
    .then(function (data) {
      if (String(data.version) !== app.getAttribute("data-version")) throw new Error("version");
      kit = data;
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
  function squash(value) {
    return value.split(/\s+/).filter(Boolean).join(" ");
  }

  function bare(value) {
    return value.slice(0, 4).toLowerCase() === "the " ? value.slice(4).replace(/^\s+/, "") : value;
  }

  /* The answers as draft reads them: only keys that apply, values squashed. */
  function answers() {
    var k = kind();
    var out = { council_name: "", tier: radio("tier"), nation: radio("nation") || "england" };
    if (k && !k.local && out.nation === "england") out.governance = radio("governance") || "executive";
    kit.rules.text_keys.forEach(function (key) {
      var input = $("f-" + key);
      var wrap = $("w-" + key);
      if (!input || (wrap && !applies(wrap.getAttribute("data-when"), k))) return;
      var value = squash(input.value);
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

  // ------------------------------------------------------------------ the rules

  function isUpper(ch) { return ch.toUpperCase() === ch && ch.toLowerCase() !== ch; }
  function isLower(ch) { return ch.toLowerCase() === ch && ch.toUpperCase() !== ch; }

  /* Every model variable's value: what was given, else the default for the kind. */
  function variables(a) {
    var d = kit.defaults[a.nation + "/" + a.tier];
    var head = a.head_officer_title ? bare(a.head_officer_title) : d.head_officer_title;
    var staffing = a.staffing_committee ? bare(a.staffing_committee) : d.staffing_committee;
    var table = isUpper(Array.from(staffing)[0] || "") ? d.upper : d.lower;
    var mark = table === d.upper ? "S\ue002" : "s\ue002";
    var out = {};
    kit.rules.variables.forEach(function (name) {
      var given = a[name];
      if (given) {
        out[name] = kit.rules.title_keys.indexOf(name) >= 0 ? bare(given) : given;
        return;
      }
      out[name] = table[name]
        .split(mark).join(staffing)
        .split("\ue001").join(head)
        .split("\ue003").join(a.council_name);
    });
    out.head_officer_title = head;
    out.staffing_committee = staffing;
    return out;
  }

  /* A date written YYYY-MM-DD, YYYY-MM or YYYY: {earliest, latest, human} or an error. */
  function parseDate(text) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return { error: "'" + text + "' is not a date written YYYY-MM-DD, YYYY-MM or YYYY" };
    var y = +m[1], mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
    if (y < 1000) return { error: "'" + text + "' has no four-digit year" };
    if (mo !== null && (mo < 1 || mo > 12)) {
      return { error: "'" + text + "' has no month " + m[2] + " (months are 01 to 12)" };
    }
    var monthName = mo ? kit.rules.months[mo - 1] : "";
    var last = mo ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 31;
    if (d !== null && (d < 1 || d > last)) {
      return { error: "'" + text + "': " + monthName + " " + y + " has no day " + d + " (it has " + last + ")" };
    }
    var earliest = Date.UTC(y, (mo || 1) - 1, d || 1);
    var lastMonth = mo || 12;
    var latest = Date.UTC(y, lastMonth - 1, d || new Date(Date.UTC(y, lastMonth, 0)).getUTCDate());
    var human = mo === null ? String(y) : (d === null ? monthName + " " + y : d + " " + monthName + " " + y);
    return { earliest: earliest, latest: latest, human: human };
  }

  function sameRole(a, b) {
    return squash(bare(a).toLowerCase()) === squash(bare(b).toLowerCase());
  }

  var CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;

  function textProblem(label, text) {
    var chars = Array.from(text);
    for (var i = 0; i < chars.length; i++) {
      if (chars[i] !== "\u200d" && CONTROL.test(chars[i])) {
        var code = chars[i].codePointAt(0).toString(16).toUpperCase();
        while (code.length < 4) code = "0" + code;
        return label + " contains an invisible control character (U+" + code + ") at character " +
          (i + 1) + "; retype it";
      }
    }
    if (chars.length > kit.rules.max_length) {
      return label + " is " + chars.length + " characters long; at most " + kit.rules.max_length + " are accepted";
    }
    return null;
  }

  function labelOf(key) {
    var label = app.querySelector('label[for="f-' + key + '"]');
    return label ? "The answer to '" + label.textContent + "'" : "'" + key + "'";
  }

  /* Every problem with the answers: [{key, message}], as draft would refuse them. */
  function problems(a) {
    var out = [];
    function bad(key, message) { out.push({ key: key, message: message }); }
    if (!a.tier) bad("tier", "Choose the tier of your council");
    if (!a.council_name) bad("council_name", "Enter your council's full name");
    if (a.tier) {
      var kindError = kit.rules.kind_errors[a.nation + "/" + a.tier + "/" + (a.governance || "")];
      if (kindError) bad(a.governance === "committee" ? "governance" : "tier", kindError);
    }
    kit.rules.text_keys.forEach(function (key) {
      if (!a[key]) return;
      var trouble = textProblem(labelOf(key), a[key]);
      if (trouble) { bad(key, trouble); delete a[key]; return; }
      if (kit.rules.date_keys.indexOf(key) >= 0) {
        var parsed = parseDate(a[key]);
        if (parsed.error) { bad(key, parsed.error); delete a[key]; }
      }
    });
    if (a.adopted && a.review_due) {
      var ad = parseDate(a.adopted), rv = parseDate(a.review_due);
      if (rv.latest <= ad.earliest) {
        bad("review_due", "The review (" + rv.human + ") is not after the adoption (" + ad.human +
          "); a review falls after adoption");
      }
    }
    if (a.tier && a.head_officer_complaints_to) {
      var head = a.head_officer_title ? bare(a.head_officer_title) : kit.defaults[a.nation + "/" + a.tier].head_officer_title;
      if (sameRole(a.head_officer_complaints_to, head)) {
        bad("head_officer_complaints_to", "This is the " + head + ": a concern about the " + head +
          " must go to someone else, e.g. the chair of the staffing committee or the Chair of the Council");
      }
    }
    var on = {};
    clauses().forEach(function (c) { if (isOn(c)) on[c.id] = c; });
    clauses().forEach(function (c) {
      if (on[c.id] && c.alternative && on[c.alternative] && c.id < c.alternative) {
        bad("c-" + c.id, "'" + c.title + "' and '" + on[c.alternative].title +
          "' are alternatives (two ways of doing the same thing): choose one of them, not both");
      }
    });
    return out;
  }

  // ------------------------------------------------------------------ drafting

  function merge(spans) {
    var out = [];
    spans.forEach(function (s) {
      if (!s.text) return;
      var last = out[out.length - 1];
      if (last && s.kind === "text" && last.kind === "text") last.text += s.text;
      else out.push({ text: s.text, kind: s.kind });
    });
    var end = out[out.length - 1];
    if (end && end.kind === "text") end.text = end.text.replace(/\s+$/, "");
    return out.filter(function (s) { return s.text; });
  }

  function capitalise(value) {
    var chars = Array.from(value);
    if (chars.length && isLower(chars[0])) chars[0] = chars[0].toUpperCase();
    return chars.join("");
  }

  /* One paragraph: sentences whose references are all in the protocol, values filled in. */
  function paragraph(sentences, values, numbers) {
    var spans = [];
    var kept = false;
    sentences.forEach(function (sentence) {
      for (var i = 0; i < sentence.length; i++) {
        if (sentence[i][0] === "r" && !(sentence[i][1] in numbers)) return;
      }
      if (kept) spans.push({ text: " ", kind: "text" });
      kept = true;
      sentence.forEach(function (seg) {
        if (seg[0] === "t") spans.push({ text: seg[1], kind: "text" });
        else if (seg[0] === "v") {
          var v = values[seg[1]];
          spans.push({ text: seg[2] ? capitalise(v) : v, kind: "value" });
        } else spans.push({ text: seg[2].split(NUMBER).join(numbers[seg[1]]), kind: "ref" });
      });
    });
    return merge(spans);
  }

  function renderClause(c, values, numbers) {
    var text = paragraph(c.lead, values, numbers);
    var items = c.items.map(function (i) { return paragraph(i, values, numbers); })
      .filter(function (t) { return t.length; });
    if (c.items.length && !items.length) text = [];
    return { text: text, items: items };
  }

  function numbering(chosen) {
    var numbers = {};
    var section = 0;
    kit.themes.forEach(function (theme) {
      var members = chosen.filter(function (c) { return c.theme === theme.id; });
      if (!members.length) return;
      section += 1;
      numbers["theme:" + theme.id] = String(section);
      members.forEach(function (c, i) { numbers[c.id] = section + "." + (i + 1); });
    });
    return numbers;
  }

  /* The protocol for these answers: sections of numbered clauses, as build() makes it. */
  function draft(a) {
    var values = variables(a);
    var chosen = clauses().filter(isOn);
    var numbers, rendered;
    for (;;) {
      numbers = numbering(chosen);
      rendered = {};
      var emptied = {};
      var any = false;
      chosen.forEach(function (c) {
        var r = renderClause(c, values, numbers);
        rendered[c.id] = r;
        if (!r.text.length && !r.items.length) { emptied[c.id] = true; any = true; }
      });
      if (!any) break;
      chosen = chosen.filter(function (c) { return !emptied[c.id]; });
    }
    var sections = [];
    kit.themes.forEach(function (theme) {
      var members = chosen.filter(function (c) { return c.theme === theme.id; });
      if (!members.length) return;
      sections.push({
        number: numbers["theme:" + theme.id],
        title: theme.title,
        clauses: members.map(function (c) {
          return { id: c.id, number: numbers[c.id], text: rendered[c.id].text, items: rendered[c.id].items };
        })
      });
    });
    var cover = kit.word.document.rows.map(function (row) {
      var value = a[row.key];
      if (!value) return [{ text: row.placeholder, kind: "placeholder" }];
      var text = kit.rules.date_keys.indexOf(row.key) >= 0 ? parseDate(value).human : value;
      return [{ text: text, kind: "value" }];
    });
    return { council: a.council_name, sections: sections, cover: cover, values: values, numbers: numbers };
  }

  // ------------------------------------------------------------------ the Word file

  function esc(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function fill(template, values) {
    var out = "";
    for (var i = 0; i < template.length; i++) out += i % 2 ? values[template[i]] : template[i];
    return out;
  }

  function run(text) {
    var w = kit.word.document;
    return fill(text.trim().length < text.length ? w.run_spaced : w.run, { text: esc(text) });
  }

  function runs(spans) {
    return spans.map(function (s) {
      return s.kind === "placeholder" ? fill(kit.word.document.placeholder, { text: esc(s.text) }) : run(s.text);
    }).join("");
  }

  function documentXml(model) {
    var w = kit.word.document;
    var p = w.paragraphs;
    var out = [w.head, fill(w.title, { runs: run(model.council) }), w.subtitle, w.table_start];
    w.rows.forEach(function (row, i) { out.push(fill(row.xml, { runs: runs(model.cover[i]) })); });
    out.push(w.table_end);
    model.sections.forEach(function (s) {
      out.push(fill(p.heading, { runs: run(s.title) }));
      s.clauses.forEach(function (c) {
        out.push(fill(p.clause, { runs: runs(c.text) }));
        c.items.forEach(function (item) { out.push(fill(p.item, { runs: runs(item) })); });
      });
    });
    out.push(w.tail);
    return out.join("");
  }

  function docx(model, when) {
    var enc = new TextEncoder();
    var parts = {};
    var council = esc(model.council);
    var xml = {
      "word/document.xml": documentXml(model),
      "word/footer1.xml": fill(kit.word.footer, { council: council }),
      "docProps/core.xml": fill(kit.word.core, { council: council, when: when })
    };
    var mtime = new Date(1980, 0, 1, 0, 0, 0);
    kit.word.order.forEach(function (name) {
      var text = name in xml ? xml[name] : kit.word.parts[name];
      parts[name] = [enc.encode(text), { level: 6, mtime: mtime }];
    });
    return window.fflate.zipSync(parts);
  }

  // ------------------------------------------------------------------ the answers file

  function yamlString(value) { return JSON.stringify(value); }

  function answersYaml(a) {
    var lines = [
      "# Answers for drafting " + a.council_name.replace(/[\r\n]/g, " ") + "'s councillor-officer protocol,",
      "# saved from the site's draft page. Open it there to carry on, or draft the Word file with:",
      "#   python -m generator draft --answers THIS-FILE.yaml --out my-protocol.docx"
    ];
    kit.rules.keys.forEach(function (key) {
      if (kit.rules.list_keys.indexOf(key) >= 0) {
        lines.push(key + ": [" + a[key].join(", ") + "]");
      } else if (a[key]) {
        var word = ["tier", "nation", "governance"].indexOf(key) >= 0;
        lines.push(key + ": " + (word ? a[key] : yamlString(a[key])));
      }
    });
    return lines.join("\n") + "\n";
  }

  function openAnswers(text, name) {
    var data;
    try {
      data = window.jsyaml.load(text, { schema: window.jsyaml.CORE_SCHEMA });
    } catch (e) {
      return [{ key: "open", message: name + ": not an answers file (" + String(e.reason || e.message) + ")" }];
    }
    if (data === null || data === undefined) data = {};
    if (typeof data !== "object" || Array.isArray(data)) {
      return [{ key: "open", message: name + ": expected 'key: value' lines, starting with council_name and tier" }];
    }
    var out = [];
    var old = { chair_title: "civic_head_title", complaints_to: "officer_complaints_to" };
    Object.keys(old).forEach(function (k) {
      if (k in data && !(old[k] in data)) { data[old[k]] = data[k]; delete data[k]; }
    });
    Object.keys(data).forEach(function (key) {
      if (kit.rules.keys.indexOf(key) < 0) {
        out.push({ key: "open", message: name + ": unknown key '" + key + "'; the keys are: " + kit.rules.keys.join(", ") });
      }
    });
    var str = function (v) { return v === null || v === undefined ? "" : String(v); };
    ["nation", "tier", "governance"].forEach(function (key) {
      var value = str(data[key]).trim().toLowerCase();
      var input = value && app.querySelector('input[name="' + key + '"][value="' + CSS.escape(value) + '"]');
      if (input) input.checked = true;
      else if (value) out.push({ key: "open", message: name + ": unknown " + key + " '" + value + "'" });
      else if (key === "tier") app.querySelectorAll('input[name="tier"]').forEach(function (i) { i.checked = false; });
      else if (key === "nation") $("f-nation-england").checked = true;
    });
    kit.rules.text_keys.forEach(function (key) {
      var input = $("f-" + key);
      if (input) input.value = str(data[key]);
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
    list.forEach(function (p, n) {
      var target = fieldFor(p.key);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + (target ? target.id : "f-open");
      a.textContent = p.message;
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        var t = target || $("f-open");
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
    var values = variables(a);
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
    var model = draft(a);
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
        var r = renderClause(c, model.values, model.numbers);
        words.textContent = plain(r.text.concat.apply(r.text, r.items.map(function (i) { return [{ text: " ", kind: "text" }].concat(i); })));
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

  function plain(spans) {
    return spans.map(function (s) { return s.kind === "placeholder" ? "[" + s.text + "]" : s.text; }).join("");
  }

  function preview() {
    var host = $("draft-preview");
    host.textContent = "";
    var a = answers();
    if (!a.tier) {
      host.textContent = "Choose the kind of council to see its protocol.";
      return;
    }
    var model = draft(a);
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
        p.textContent = c.number + " " + plain(c.text);
        host.appendChild(p);
        c.items.forEach(function (item, i) {
          var q = document.createElement("p");
          q.className = "draft-preview__item";
          q.textContent = c.number + "." + (i + 1) + " " + plain(item);
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
    var list = problems(a);
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
      var bytes = docx(draft(a), when);
      save(bytes, slug(a.council_name) + "-protocol.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      app.setAttribute("data-docx-ms", String(Math.round(performance.now() - t0)));
      $("draft-status").textContent = "Your Word file is ready: " + slug(a.council_name) + "-protocol.docx.";
    });
    $("draft-yaml").addEventListener("click", function () {
      var a = ready();
      if (!a) return;
      save(answersYaml(a), slug(a.council_name) + "-answers.yaml", "text/yaml");
      $("draft-status").textContent = "Your answers are saved as " + slug(a.council_name) + "-answers.yaml.";
    });
    $("f-open").addEventListener("change", function (ev) {
      var file = ev.target.files && ev.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var list = openAnswers(text, file.name);
        refresh();
        if (list.length) {
          showStep(0, false);
          showErrors(list);
          return;
        }
        var all = problems(answers());
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
        $("draft-status").textContent = "Opened " + file.name + ".";
      });
    });
  }

  // For the tests: the drafting functions, with no access to anything outside the page.
  window.draftProtocol = { answers: answers, clauses: clauses, problems: problems, draft: draft, yaml: answersYaml };
})();
