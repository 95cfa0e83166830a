"""Every Word file the project writes opens in Word without a repair prompt: each is
validated with openxml-audit at its strictest Word setting (see tests/word_audit.py), and
any finding fails.

Covered: a draft for every kind of council the model offers (each answers file in
examples/, and each tier drafted from them, with awkward characters in the names), and the
site's Word downloads (the printed models, with highlighted placeholders and the appendix).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from generator.drafting.docx_writer import model_docx
from generator.drafting.model_protocol import GROUPS, build
from generator.project import load_project
from generator.site.model_pages import model_pages
from tests.helpers import ROOT, SOURCES, run_cli
from tests.test_model_docx import parish_model
from tests.test_model_protocol import fixture_map, fixture_project
from tests.word_audit import audit

EXAMPLES = sorted((ROOT / "examples").glob("answers-*.yaml"))
LOCAL = ("parish", "town", "community")
PRINCIPAL = ("district", "borough", "county", "unitary")


def _draft(tmp_path: Path, *args: str) -> bytes:
    out = tmp_path / "draft.docx"
    code, _, err = run_cli("--root", str(ROOT), "draft", *args, "--out", str(out), "--force")
    assert code == 0, err
    return out.read_bytes()


def test_there_are_examples_for_both_groups() -> None:
    names = {p.name for p in EXAMPLES}
    assert {"answers-parish.yaml", "answers-borough.yaml"} <= names


@pytest.mark.parametrize("answers", EXAMPLES, ids=lambda p: p.stem)
def test_example_drafts_are_valid(tmp_path: Path, answers: Path) -> None:
    findings = audit(_draft(tmp_path, "--answers", str(answers)))
    assert findings == [], "\n".join(findings)


@pytest.mark.parametrize(
    ("tier", "example"),
    [(t, "answers-parish.yaml") for t in LOCAL] + [(t, "answers-borough.yaml") for t in PRINCIPAL],
)
def test_every_kind_of_council_is_valid(tmp_path: Path, tier: str, example: str) -> None:
    """Each tier, with a name that needs escaping and Welsh letters. (Every clause of the model,
    optional ones included, is in the site's downloads, checked below.)"""
    name = f'Llanfair & Pen-y-ŵyn <{tier.title()}> Council\'s "Test"'
    args = ["--answers", str(ROOT / "examples" / example), "--tier", tier, "--council-name", name]
    data = _draft(tmp_path, *args)
    findings = audit(data)
    assert findings == [], "\n".join(findings)
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert name in text


def test_site_downloads_are_valid() -> None:
    project, _ = load_project(ROOT)
    downloads = {k: v for k, v in model_pages(project).items() if k.endswith(".docx")}
    assert len(downloads) >= 2
    for path, data in sorted(downloads.items()):
        assert isinstance(data, bytes)
        findings = audit(data, Path(path).name)
        assert findings == [], f"{path}:\n" + "\n".join(findings)


@pytest.mark.parametrize("group", [None, *GROUPS])
def test_fixture_models_with_sub_items_are_valid(group: str | None) -> None:
    """The small fixture map has sub-items (1.1.1), which the real map may not: a parish
    draft and each printed model from it."""
    if group is None:
        model = parish_model()
    else:
        model, _ = build(fixture_map(), fixture_project().protocols, group=group)
    assert any(c.items for c in model.clauses)
    findings = audit(model_docx(model))
    assert findings == [], "\n".join(findings)


def test_the_check_can_fail() -> None:
    """python-docx's own default template (a stale stylesWithEffects.xml beside a changed
    styles.xml, Word 2010 table attributes) is what the project wrote before: it must fail."""
    doc = Document()
    doc.styles.add_style("Clause", 1)
    doc.add_table(rows=1, cols=1)
    out = io.BytesIO()
    doc.save(out)
    findings = audit(out.getvalue())
    assert any("stylesWithEffects" in f for f in findings), findings
    assert any(f.startswith("office2007:") and "firstRow" in f for f in findings), findings


def test_review_report_is_valid_word(tmp_path: Path) -> None:
    """The gap report a clerk attaches to committee papers: the same validity as the model."""
    out = tmp_path / "review.docx"
    code, _, err = run_cli(
        "review", str(SOURCES / "crawley.md"), "--hold-out", "crawley", "-f", "docx", "-o", str(out)
    )
    assert code == 0, err
    assert audit(out.read_bytes()) == []
