"""The review command as a clerk runs it: formats, files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import docx

from .helpers import SOURCES, run_cli

VALE = str(SOURCES / "vale-of-grwyney.md")


def test_json_to_stdout() -> None:
    code, out, err = run_cli("review", VALE, "-f", "json", "--hold-out", "vale-of-grwyney")
    assert code == 0, err
    data = json.loads(out)
    assert data["protocol"] == "vale-of-grwyney.md"
    assert data["summary"]["found"] > 20


def test_output_is_never_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("mine", encoding="utf-8")
    code, _, err = run_cli("review", VALE, "-o", str(out))
    assert code == 2
    assert "already exists; use --force" in err
    assert out.read_text(encoding="utf-8") == "mine"
    code, _, err = run_cli("review", VALE, "-o", str(out), "--force")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith(r"# Review of vale\-of\-grwyney\.md")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_html_is_standalone_and_accessible(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, err = run_cli("review", VALE, "-o", str(out), "--hold-out", "vale-of-grwyney")
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert 'name="viewport"' in html
    assert "<caption>" in html and 'scope="col"' in html
    assert "http://" not in html and "https://" not in html  # no third-party requests
    assert "Core obligations to add" in html


def test_docx_report(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    code, _, err = run_cli("review", VALE, "-o", str(out), "--hold-out", "vale-of-grwyney")
    assert code == 0, err
    document = docx.Document(str(out))
    assert document.core_properties.title == "Review of vale-of-grwyney.md"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Core obligations to add" in headings and "Every obligation" in headings
    assert len(document.tables) > 5


def test_word_input(tmp_path: Path) -> None:
    """A protocol given as a Word document is read as diff reads it, then reviewed."""
    source = (SOURCES / "crawley.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    document = docx.Document()
    for line in source.split("\n"):
        if line.startswith("#"):
            document.add_heading(line.lstrip("# "), level=min(line.count("#"), 3))
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
    theirs = tmp_path / "crawley.docx"
    document.save(str(theirs))
    code, out, err = run_cli("review", str(theirs), "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["read_as"] == "word"
    assert data["summary"]["found"] + data["summary"]["partial"] >= 95


def test_trouble_is_exit_2_with_the_file_named(tmp_path: Path) -> None:
    code, _, err = run_cli("review", str(tmp_path / "missing.txt"))
    assert code == 2
    assert "missing.txt: no such file" in err
    pdf = tmp_path / "ours.pdf"
    pdf.write_bytes(b"%PDF-1.7 ...")
    code, _, err = run_cli("review", str(pdf))
    assert code == 2 and "ours.pdf" in err and "PDF" in err
    code, _, err = run_cli("review", VALE, "--hold-out", "nowhere")
    assert code == 2 and "no mapped protocol 'nowhere'" in err


def test_reports_are_deterministic(tmp_path: Path) -> None:
    for fmt in ("docx", "html", "json", "markdown"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        for out in (a, b):
            code, _, err = run_cli("review", VALE, "-f", fmt, "-o", str(out))
            assert code == 0, err
        assert a.read_bytes() == b.read_bytes(), fmt


def test_the_drafted_model_reviewed_states_every_one_of_its_clauses(tmp_path: Path) -> None:
    """A council that adopts the model word for word: no clause of it is reported missing."""
    from generator.drafting.model_protocol import build
    from generator.project import load_project

    from .helpers import ROOT

    drafted = tmp_path / "model.md"
    answers = ROOT / "examples" / "answers-parish.yaml"
    code, _, err = run_cli("draft", "--answers", str(answers), "--out", str(drafted))
    assert code == 0, err
    code, out, err = run_cli("review", str(drafted), "-f", "json")
    assert code == 0, err
    by_id = {o["id"]: o for o in json.loads(out)["obligations"]}
    project, _ = load_project(ROOT)
    assert project.obligations is not None
    model, _ = build(project.obligations, project.protocols, None, "england-local")
    included = [c.id for c in model.clauses]
    missing = [oid for oid in included if by_id[oid]["status"] == "not_found"]
    assert len(included) > 90
    assert missing == []


def test_model_wording_follows_the_tier_in_front_matter() -> None:
    crawley = str(SOURCES / "crawley.md")  # tier: borough
    code, out, _ = run_cli("review", crawley, "-f", "json")
    assert code == 0
    assert "Chief Executive" in out
    code, out, _ = run_cli("review", crawley, "-f", "json", "--tier", "parish")
    assert code == 0
    assert "Chief Executive" not in out
