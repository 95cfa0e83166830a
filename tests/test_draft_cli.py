"""The draft command as a new user runs it: answers file or options, clear refusals."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from tests.helpers import ROOT, run_cli

FIXTURE = ROOT / "tests" / "fixtures" / "model" / "clauses.yaml"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project directory: the real protocols with the fixture map as clauses.yaml."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "source_protocols", root / "source_protocols")
    shutil.copy(FIXTURE, root / "clauses.yaml")
    return root


def draft(project: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("--root", str(project), "draft", *args)


def test_parish_answers_file_to_docx(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "my-protocol.docx"
    code, stdout, stderr = draft(
        project, "--answers", str(EXAMPLES / "answers-parish.yaml"), "--out", str(out)
    )
    assert code == 0, stderr
    assert f"Wrote {out}: Little Snoring Parish Council (parish council; drafted for English" in (
        stdout
    )
    assert "+ head-officer-line-management: on by default for parish" in stdout
    left_out = stdout.split("Optional clauses left out")[1]
    assert "  - off by default for parish, town and community councils" in left_out
    assert "confidential-advice-not-disclosed" in left_out
    doc = Document(io.BytesIO(out.read_bytes()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Little Snoring Parish Council" in text
    assert "North Norfolk District Council" in text
    assert "[" not in text


def test_borough_options_only_to_markdown(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "borough.md"
    code, stdout, stderr = draft(
        project,
        "--council-name",
        "Westmarsh Borough Council",
        "--tier",
        "borough",
        "--include",
        "nolan-principles-underpin,review-every-year",
        "--out",
        str(out),
    )
    assert code == 0, stderr
    text = out.read_text("utf-8")
    assert text.startswith("# Westmarsh Borough Council\n")
    assert "the Chief Executive will tell a councillor" in text
    assert "+ nolan-principles-underpin: switched on by --include (default: off)" in stdout
    # Defaults the council did not give are listed so the clerk can check them.
    assert "head_officer_title: Chief Executive" in stdout
    assert "staffing_committee: committee responsible for staffing" in stdout


def test_refuses_existing_output_unless_forced(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    out.write_bytes(b"keep me")
    args = ("--council-name", "X Parish Council", "--tier", "parish", "--out", str(out))
    code, _, stderr = draft(project, *args)
    assert code == 1
    assert f"{out}: already exists; nothing written. Use --force" in stderr
    assert out.read_bytes() == b"keep me"
    code, _, stderr = draft(project, *args, "--force")
    assert code == 0, stderr
    assert out.read_bytes()[:2] == b"PK"


def test_unknown_key_and_missing_tier_named_with_line(project: Path, tmp_path: Path) -> None:
    answers = tmp_path / "my-council.yaml"
    answers.write_text(
        "council_name: Little Snoring Parish Council\n"
        "head_officer_titel: Clerk\n"
        "adopted: 14 May 2026\n",
        "utf-8",
    )
    code, _, stderr = draft(project, "--answers", str(answers), "--out", str(tmp_path / "o.docx"))
    assert code == 1
    assert f"{answers}:2: unknown key 'head_officer_titel' (closest: head_officer_title" in stderr
    assert f"{answers}: 'tier' is required (one of: parish, town, community" in stderr
    assert f"{answers}:3: 'adopted': '14 May 2026' is not a date written YYYY-MM-DD" in stderr
    assert not (tmp_path / "o.docx").exists()


def test_unknown_tier_suggests_closest(project: Path, tmp_path: Path) -> None:
    code, _, stderr = draft(
        project, "--council-name", "X", "--tier", "burough", "--out", str(tmp_path / "o.md")
    )
    assert code == 1
    assert "command line: --tier: unknown tier 'burough' (closest: borough)" in stderr


def test_unknown_include_id_located_in_answers_file(project: Path, tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "council_name: X Town Council\ntier: town\ninclude:\n  - nolan-principle\n", "utf-8"
    )
    code, _, stderr = draft(project, "--answers", str(answers), "--out", str(tmp_path / "o.md"))
    assert code == 1
    assert (
        f"{answers}:4: include: unknown clause id 'nolan-principle'; "
        "closest: nolan-principles-underpin"
    ) in stderr


def test_missing_answers_file_and_format_mismatch(project: Path, tmp_path: Path) -> None:
    code, _, stderr = draft(
        project,
        "--answers",
        str(tmp_path / "nope.yaml"),
        "--out",
        str(tmp_path / "o.docx"),
        "--format",
        "md",
    )
    assert code == 1
    assert f"{tmp_path / 'nope.yaml'}: answers file not found" in stderr
    assert "--format md but --out" in stderr


def test_list_shows_switchable_clauses(project: Path) -> None:
    code, stdout, _ = draft(project, "--list")
    assert code == 0
    assert "nolan-principles-underpin" in stdout and "Off by default:" in stdout
    assert "timely-response" not in stdout  # core


def test_help_has_summary_and_example() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "draft", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert "Draft your council's protocol from the model" in result.stdout
    assert "Example:" in result.stdout and "--council-name" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--adopted", "2026-13-45"], "--adopted: 'adopted': '2026-13-45' has no month 13"),
        (["--adopted", "2026-02-30"], "February 2026 has no day 30"),
        (["--review-due", "2027-00"], "has no month 00"),
        (
            ["--adopted", "2026-05-14", "--review-due", "2025-05"],
            "'review_due' (May 2025) is not after 'adopted' (14 May 2026)",
        ),
        (["--council-name", "Bad\x07Name"], "contains an invisible control character"),
        (["--council-name", "A" * 500], "is 500 characters long"),
        (["--head-officer-complaints-to", "the Clerk"], "'head_officer_complaints_to' is the"),
        (["--nation", "wales"], "Wales has no parish councils"),
    ],
)
def test_bad_values_located_nothing_written(
    project: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "x.docx"
    code, _, stderr = draft(
        project, "--council-name", "X Parish Council", "--tier", "parish", *args, "--out", str(out)
    )
    assert code == 1
    assert message in stderr, stderr
    assert "Traceback" not in stderr
    assert not out.exists()


@pytest.mark.parametrize("name", ["x.pdf", "x", "x.docx.txt"])
def test_output_suffix_must_match_a_format(project: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    code, _, stderr = draft(project, "--council-name", "X", "--tier", "parish", "--out", str(out))
    assert code == 1
    assert "must end in .docx or .md" in stderr
    assert not out.exists()


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("answers-*.yaml")))
def test_every_example_drafts_cleanly_on_the_real_map(tmp_path: Path, example: str) -> None:
    out = tmp_path / "x.md"
    code, _, stderr = run_cli(
        "--root", str(ROOT), "draft", "--answers", str(EXAMPLES / example), "--out", str(out)
    )
    assert code == 0, stderr
    assert "warning" not in stderr and "would read badly" not in stderr
    text = out.read_text("utf-8")
    assert "{" not in text and "Id:" not in text
