"""The draft page used as a clerk would, in Chromium: the downloaded Word file is the one
``python -m generator draft`` makes from the downloaded answers; errors in words; keyboard
only; axe; nothing requested from anywhere while drafting; without JavaScript, the
ready-made Word files."""

from __future__ import annotations

import gzip
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from generator.drafting.model_checks import COMBINATIONS
from tests.conftest import DESKTOP, PHONE, ROOT, axe_violations
from tests.draft_form import fill, parts, random_answers, structure

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium"),
]
SETS = 25
"""Seeded random answer sets drafted in the browser and by the command line."""
KINDS = [(n, t, g) for n, t, g in COMBINATIONS]


@pytest.fixture()
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    yield ctx
    ctx.close()


def _open(context: Any, site_url: str) -> Any:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "draft/")
    page.wait_for_selector("#draft-app:not([hidden])")
    page.errors = errors
    return page


def _download(page: Any, button: str, dest: Path) -> Path:
    with page.expect_download() as info:
        page.click(button)
    info.value.save_as(dest)
    return dest


def _cli_draft(answers: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "draft", "--answers", str(answers), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _toggles(rng: random.Random) -> Any:
    """A chooser of a few optional clauses to switch, none that is or has an alternative
    (switching those can make two alternatives both on, which the form refuses)."""

    def choose(page: Any) -> list[str]:
        ids: list[str] = page.evaluate(
            """() => { const all = window.draftProtocol.clauses();
            const alt = new Set(all.filter(c => c.alternative).flatMap(c => [c.id, c.alternative]));
            return all.filter(c => c.scope !== 'core' && !alt.has(c.id)).map(c => c.id); }"""
        )
        return rng.sample(ids, min(len(ids), rng.randint(0, 4)))

    return choose


def _draft_both(
    page: Any, a: dict[str, Any], choose: Any, tmp_path: Path, label: str, requests: list[str]
) -> None:
    """Fill the form, download both files, draft from the downloaded answers with the
    command line, and compare the two Word files."""
    page.goto(page.url.split("#")[0])
    page.wait_for_selector("#draft-app:not([hidden])")
    loaded = len(requests)
    fill(page, a, choose)
    errors = page.locator("#draft-errors-list li").all_inner_texts()
    assert not errors, f"{label}: {a}: {errors}"
    start = time.perf_counter()
    docx = _download(page, "#draft-docx", tmp_path / f"{label}.docx")
    took = time.perf_counter() - start
    answers = _download(page, "#draft-yaml", tmp_path / f"{label}.yaml")
    assert took < 1.0, f"{label}: the Word file took {took:.2f} s"
    assert int(page.get_attribute("#draft-app", "data-docx-ms")) < 1000
    assert not [u for u in requests[loaded:] if not u.startswith("blob:")], (
        f"{label}: requests while drafting: {requests[loaded:]}"
    )
    saved = YAML(typ="safe").load(answers.read_text(encoding="utf-8"))
    for key, value in a.items():
        assert str(saved[key]) == " ".join(value.split()), (label, key)
    cli = _cli_draft(answers, tmp_path / f"{label}-cli.docx")
    assert cli.returncode == 0, f"{label}: {a}\n{cli.stderr}"
    browser_file, cli_file = docx.read_bytes(), (tmp_path / f"{label}-cli.docx").read_bytes()
    mine, theirs = structure(browser_file), structure(cli_file)
    assert mine["paragraphs"] == theirs["paragraphs"], label
    assert mine["headings"] == theirs["headings"] and mine["headings"], label
    assert mine["cover"] == theirs["cover"], label
    assert mine == theirs, label
    assert any(level == 1 for _, level, _ in mine["paragraphs"]), "clauses numbered 1.1"
    assert parts(browser_file) == parts(cli_file), f"{label}: Word parts differ"


def _draft_all(
    context: Any, site_url: str, tmp_path: Path, sets: list[tuple[str, dict[str, Any], Any]]
) -> None:
    """Each (label, answers, chooser of clauses to switch) drafted by the page and by the
    command line (:func:`_draft_both`); no script error, nothing requested from elsewhere."""
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = _open(context, site_url)
    for label, a, choose in sets:
        _draft_both(page, a, choose, tmp_path, label, requests)
    assert not page.errors
    assert all(u.startswith((site_url, "blob:")) for u in requests), requests


def test_browser_and_command_line_draft_the_same_file(
    context: Any, site_url: str, tmp_path: Path
) -> None:
    sets = [
        (f"seed-{seed}", random_answers(seed, KINDS), _toggles(random.Random(seed)))
        for seed in range(SETS)
    ]
    _draft_all(context, site_url, tmp_path, sets)


ODD = [
    {
        "council_name": 'Llanfair & <b>District</b> "Cyngor" Council',
        "tier": "community",
        "nation": "wales",
        "head_officer_title": "  the   Clerk  ",
        "staffing_committee": "personnel panel",
        "monitoring_officer_council": "Cyngor Sir Ynys Môn & Gwynedd",
        "minute_reference": "<script>alert(1)</script> 26/045",
    },
    {
        "council_name": "Ŵyddgrug 🏛 Town Council",
        "tier": "town",
        "nation": "wales",
        "civic_head_title": "Maer",
        "adopted": "2026",
        "review_due": "2027-02",
    },
    {
        "council_name": "St. Albans’ City & District Council",
        "tier": "district",
        "nation": "england",
        "governance": "committee",
        "head_officer_title": "Chief Executive and Head of Paid Service",
        "head_officer_complaints_to": "the Chair of the Council",
        "adopted": "2024-02-29",
        "review_due": "2024-03",
    },
]


def test_odd_and_hostile_values_draft_the_same_file(
    context: Any, site_url: str, tmp_path: Path
) -> None:
    _draft_all(context, site_url, tmp_path, [(f"odd-{n}", a, None) for n, a in enumerate(ODD)])


def test_every_kind_of_council_is_drafted() -> None:
    kinds = {random_answers(s, KINDS)["tier"] for s in range(SETS)}
    nations = {random_answers(s, KINDS)["nation"] for s in range(SETS)}
    governance = {random_answers(s, KINDS).get("governance") for s in range(SETS)}
    assert kinds == {"parish", "town", "community", "district", "borough", "county", "unitary"}
    assert nations == {"england", "wales"} and {"executive", "committee"} <= governance
    assert len(KINDS) <= SETS


BAD = [
    ({"council_name": ""}, "council_name", "Enter your council's full name"),
    ({"adopted": "2026-02-30"}, "adopted", "February 2026 has no day 30"),
    ({"adopted": "2023-13"}, "adopted", "no month 13"),
    ({"adopted": "2026-05-14", "review_due": "2026-04"}, "review_due", "not after the adoption"),
    ({"head_officer_complaints_to": "the clerk"}, "head_officer_complaints_to", "someone else"),
    ({"minute_reference": "26/\u200b045"}, "minute_reference", "invisible control character"),
    ({"council_name": "A" * 151}, "council_name", "at most 150"),
    ({"civic_head_title": "cabinet chair"}, "civic_head_title", "belongs to principal councils"),
]


@pytest.mark.parametrize(("change", "key", "words"), BAD, ids=[b[1] + "-" + b[2][:12] for b in BAD])
def test_errors_beside_the_field_and_in_the_summary_as_draft_refuses(
    context: Any, site_url: str, tmp_path: Path, change: dict[str, str], key: str, words: str
) -> None:
    page = _open(context, site_url)
    # No empty "There is a problem" heading before there is a problem.
    assert page.locator("#draft-errors-title").count() == 0
    a = {"council_name": "Little Snoring Parish Council", "tier": "parish", "nation": "england"}
    a.update(change)
    page.check("#f-tier-parish")
    for _ in range(5):
        page.click("#draft-next")
        if page.is_visible("#draft-errors"):
            break
        for k, v in a.items():
            if page.locator(f"#f-{k}").count() and page.is_visible(f"#f-{k}"):
                page.fill(f"#f-{k}", v)
    summary = page.locator("#draft-errors-list").inner_text()
    assert words in summary
    assert page.locator("#draft-errors h2").inner_text() == "There is a problem"
    beside = page.locator(f"#f-{key}-error").inner_text()
    assert words in beside and beside.startswith("Error:")
    assert page.get_attribute(f"#f-{key}", "aria-invalid") == "true"
    assert f"f-{key}-error" in (page.get_attribute(f"#f-{key}", "aria-describedby") or "")
    assert page.evaluate("document.activeElement.id") == "draft-errors"
    # draft refuses the same answers
    lines = [f"{k}: {json_str(v)}" for k, v in a.items() if v]
    (tmp_path / "a.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _cli_draft(tmp_path / "a.yaml", tmp_path / "a.docx").returncode == 1


def json_str(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def test_open_answers_carries_on(context: Any, site_url: str, tmp_path: Path) -> None:
    page = _open(context, site_url)
    example = ROOT / "examples" / "answers-district-committee.yaml"
    page.set_input_files("#f-open", str(example))
    page.wait_for_selector("[data-step=download]:not([hidden])")
    assert page.is_checked("#f-governance-committee")
    docx = _download(page, "#draft-docx", tmp_path / "b.docx")
    assert _cli_draft(example, tmp_path / "c.docx").returncode == 0
    assert parts(docx.read_bytes()) == parts((tmp_path / "c.docx").read_bytes())
    bad = tmp_path / "bad.yaml"
    bad.write_text("council_name: X\ntier: parish\ncolour: blue\n", encoding="utf-8")
    page.set_input_files("#f-open", str(bad))
    page.wait_for_selector("#draft-errors:not([hidden])")
    assert "unknown key 'colour'" in page.locator("#draft-errors-list").inner_text()


def test_open_answers_keeps_numbers_as_written(context: Any, site_url: str, tmp_path: Path) -> None:
    # YAML reads 045 as a number (37 in YAML 1.1, 45 in 1.2); a minute reference is text.
    answers = tmp_path / "n.yaml"
    answers.write_text(
        "council_name: Testham Parish Council\ntier: parish\nminute_reference: 045\n"
        "adopted: 2026-05\n",
        encoding="utf-8",
    )
    page = _open(context, site_url)
    page.set_input_files("#f-open", str(answers))
    page.wait_for_selector("[data-step=download]:not([hidden])")
    assert page.input_value("#f-minute_reference") == "045"
    docx = _download(page, "#draft-docx", tmp_path / "b.docx")
    assert _cli_draft(answers, tmp_path / "c.docx").returncode == 0
    assert parts(docx.read_bytes()) == parts((tmp_path / "c.docx").read_bytes())
    assert b">045<" in parts(docx.read_bytes())["word/document.xml"]


def _cli_messages(answers: Path) -> list[str]:
    """What ``draft`` prints about an answers file, the path as the browser names it."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "draft", "--answers", answers.name, "--out", "x.docx"],
        cwd=answers.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in result.stderr.splitlines() if line.startswith(answers.name + ":")]


ANSWER_FILES = {
    "renamed": "council_name: X\ntier: parish\nchair_title: Leader\ncomplaints_to: Clerk\n",
    "twice": "council_name: X\ntier: parish\nchair_title: A\ncivic_head_title: B\ncolor: red\n",
    "unknown": "council_name: X\ntier: Parrish\nnation: Englnd\ncolour: blue\ncivic_head: Y\n",
    "not-text": "council_name: X\ntier: parish\nhead_officer_title: {a: 1}\nrfo_title: [a]\n"
    "staffing_committee: true\nleader_title: false\n",
    "ignored": "council_name: X\ntier: county\ngovernance: committee\nrfo_title: Clerk\n"
    "leader_title: Leader\n",
}


@pytest.mark.parametrize("case", sorted(ANSWER_FILES))
def test_open_answers_says_what_draft_says_about_old_unknown_and_invalid_keys(
    context: Any, site_url: str, tmp_path: Path, case: str
) -> None:
    answers = tmp_path / f"{case}.yaml"
    answers.write_text(ANSWER_FILES[case], encoding="utf-8")
    cli = _cli_messages(answers)
    assert cli, case
    page = _open(context, site_url)
    page.set_input_files("#f-open", str(answers))
    if all(m.endswith(" (warning)") for m in cli):
        # Notes only: the answers are used, the notes read out in the status region.
        page.wait_for_selector("#draft-status li")
        assert page.get_attribute("#draft-status", "role") == "status"
        shown = page.locator("#draft-status li").all_inner_texts()
        assert page.is_checked("#f-tier-" + answers.read_text().split("tier: ")[1].split()[0])
        assert not axe_violations(page)
    else:
        page.wait_for_selector("#draft-errors:not([hidden])")
        shown = page.locator("#draft-errors-list li").all_inner_texts()
        assert page.evaluate("document.activeElement.id") == "draft-errors"
    assert sorted(shown) == sorted(cli), case
    if case == "renamed":  # read under the new names
        assert page.input_value("#f-civic_head_title") == "Leader"
        assert page.input_value("#f-officer_complaints_to") == "Clerk"
    assert not page.errors


def _tab_to(page: Any, target: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == target:
            return
    raise AssertionError(f"Tab never reached #{target}")


def test_keyboard_only(context: Any, site_url: str, tmp_path: Path) -> None:
    page = _open(context, site_url)
    _tab_to(page, "f-tier-parish")
    page.keyboard.press("Space")
    _tab_to(page, "draft-next")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "s-names"
    _tab_to(page, "f-council_name")
    page.keyboard.type("Little Snoring Parish Council")
    for _ in range(4):
        _tab_to(page, "draft-next")
        page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "s-download"
    _tab_to(page, "draft-docx")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    info.value.save_as(tmp_path / "k.docx")
    assert "Little Snoring Parish Council" in structure((tmp_path / "k.docx").read_bytes())["title"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violations_on_any_step(
    browser: Any, site_url: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = _open(context, site_url)
    problems: list[str] = []

    def axe(where: str) -> None:
        problems.extend(f"{where}: {v}" for v in axe_violations(page))

    axe("kind")
    page.click("#draft-next")
    axe("kind, with an error")
    page.check("#f-tier-town")
    page.click("#draft-next")
    page.fill("#f-council_name", "Oakham Town Council")
    page.fill("#f-head_officer_title", "Town Clerk")
    page.click("#draft-next")
    page.fill("#f-head_officer_complaints_to", "Town Clerk")
    page.click("#draft-next")
    axe("routes, with an error")
    page.fill("#f-head_officer_complaints_to", "")
    page.click("#draft-next")
    page.click("#draft-next")
    axe("clauses")
    page.click("#draft-next")
    axe("download")
    page.screenshot(path=str(Path(f"/tmp/draft-{viewport['width']}.png")), full_page=False)
    context.close()
    assert not problems, "\n".join(problems)


def test_without_javascript_the_page_links_the_ready_made_word_files(
    browser: Any, site_url: str, built_site: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "draft/")
    assert page.is_visible("#draft-nojs") and not page.is_visible("#draft-app")
    assert "needs JavaScript" in page.locator("#draft-nojs").inner_text()
    links = page.eval_on_selector_all("#draft-nojs a", "els => els.map(e => e.href)")
    docx = [u for u in links if u.endswith(".docx")]
    assert len(docx) == 5
    for url in docx:
        assert (built_site / url.removeprefix(site_url)).is_file()
    context.close()


def test_page_and_kit_are_light(built_site: Path) -> None:
    files = [
        built_site / "draft" / "index.html",
        built_site / "draft" / "kit.json",
        built_site / "javascripts" / "draft-core.js",
        built_site / "javascripts" / "draft.js",
        built_site / "javascripts" / "vendor" / "fflate.min.js",
        built_site / "javascripts" / "vendor" / "js-yaml.min.js",
        built_site / "stylesheets" / "draft.css",
    ]
    size = sum(len(gzip.compress(f.read_bytes())) for f in files)
    assert size < 300_000, f"{size} bytes compressed"
