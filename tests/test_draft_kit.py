"""The drafting kit (generator/drafting/kit.py) and the draft page's files, without a browser."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.core.types import Tier
from generator.drafting.answer_defaults import defaults
from generator.drafting.answers import KEYS, Answers
from generator.drafting.kit import drafting_kit
from generator.drafting.model_select import candidates
from generator.map.model_fields import KINDS
from generator.project import load_project
from generator.site.pages_draft import KIT, PAGE, draft_pages
from tests.conftest import ROOT

VENDORED = {
    "docs/javascripts/vendor/fflate.min.js": "node_modules/fflate/umd/index.js",
    "docs/javascripts/vendor/fflate.LICENSE.txt": "node_modules/fflate/LICENSE",
    "docs/javascripts/vendor/js-yaml.min.js": "node_modules/js-yaml/dist/js-yaml.min.js",
    "docs/javascripts/vendor/js-yaml.LICENSE.txt": "node_modules/js-yaml/LICENSE",
}


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    p, _ = load_project(ROOT)
    assert p.obligations is not None
    return p


@pytest.mark.parametrize("vendored", sorted(VENDORED))
def test_vendored_files_are_the_npm_packages(vendored: str) -> None:
    source = ROOT / VENDORED[vendored]
    if not source.exists():
        pytest.skip("npm packages not installed (make node-deps)")
    assert (ROOT / vendored).read_bytes() == source.read_bytes()


def test_vendored_versions_are_pinned_exactly() -> None:
    deps = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    for name in ("fflate", "js-yaml"):
        assert deps[name][0].isdigit(), f"{name} pinned to an exact version"


def test_kit_is_deterministic_and_json(project) -> None:  # type: ignore[no-untyped-def]
    a = draft_pages(project)
    b = draft_pages(project)
    assert a == b and set(a) == {PAGE, KIT}
    kit = json.loads(a[KIT])
    assert kit["rules"]["keys"] == list(KEYS)
    assert set(kit["kinds"]) == {k.id for k in KINDS}


def test_every_candidate_clause_of_every_kind_is_in_the_kit(project) -> None:  # type: ignore[no-untyped-def]
    kit = drafting_kit(project.obligations, project.protocols)
    for k in KINDS:
        ids = [c["id"] for c in kit["kinds"][k.id]]
        assert ids == [o.id for o in candidates(project.obligations, k)]
        assert all(0 <= c["have"] <= len(project.protocols) for c in kit["kinds"][k.id])


def test_kit_refuses_the_kinds_of_council_that_do_not_exist(project) -> None:  # type: ignore[no-untyped-def]
    errors = drafting_kit(project.obligations, project.protocols)["rules"]["kind_errors"]
    assert "Wales has no parish councils" in errors["wales/parish/"]
    assert "committee" in errors["wales/county/committee"]
    assert "england/parish/" not in errors


@pytest.mark.parametrize("tier", list(Tier))
def test_kit_defaults_give_the_same_values_as_draft(project, tier: Tier) -> None:  # type: ignore[no-untyped-def]
    """The substitution draft.js makes in the kit's defaults gives defaults()'s values."""
    table = drafting_kit(project.obligations, project.protocols)["defaults"]
    nation = "england"
    for head, staffing in ((None, None), ("Town Clerk", "Personnel Committee"), (None, "panel")):
        answers = Answers(
            "Oakham Council", tier, head_officer_title=head, staffing_committee=staffing
        )
        d = table[f"{nation}/{tier.value}"]
        h = head or d["head_officer_title"]
        s = staffing or d["staffing_committee"]
        case, mark = ("upper", "S\ue002") if s[:1].isupper() else ("lower", "s\ue002")
        got = {
            name: value.replace(mark, s).replace("\ue001", h).replace("\ue003", "Oakham Council")
            for name, value in d[case].items()
        }
        got["head_officer_title"], got["staffing_committee"] = h, s
        assert got == defaults(answers)


def test_page_has_labels_fieldsets_and_a_no_javascript_way(project) -> None:  # type: ignore[no-untyped-def]
    page = draft_pages(project)[PAGE]
    assert isinstance(page, str)
    for key in KEYS:
        if key in ("include", "exclude", "tier", "nation", "governance"):
            continue
        assert f'<label for="f-{key}">' in page, key
    assert page.count("<fieldset") == 3 and page.count("<legend>") == 3
    assert "needs JavaScript" in page
    for k in KINDS:
        assert f"../model/model-protocol-{k.id}.docx" in page
    assert "http://" not in page and "https://" not in page


def test_page_scripts_request_nothing_but_the_kit() -> None:
    page = (Path(ROOT) / "docs" / "javascripts" / "draft.js").read_text()
    core = (Path(ROOT) / "docs" / "javascripts" / "draft-core.js").read_text()
    assert page.count("fetch(") == 1 and "fetch(" not in core
    for script in (page, core):
        assert "XMLHttpRequest" not in script and "sendBeacon" not in script
        assert "http://" not in script and "https://" not in script


NODE_PRELUDE = """
global.window = {};
require(process.argv[2]);
const kit = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
const core = window.DraftCore(kit);
const data = JSON.parse(require('fs').readFileSync(process.argv[4], 'utf8'));
"""


def _node(project, tmp_path: Path, script: str, data: object) -> Any:  # type: ignore[no-untyped-def]
    """Run ``script`` in Node with ``core`` (draft-core.js over this project's kit), ``kit``
    and ``data`` defined; what it prints, read as JSON."""
    kit_json = draft_pages(project)[KIT]
    assert isinstance(kit_json, bytes)
    kit = tmp_path / "kit.json"
    kit.write_bytes(kit_json)
    (tmp_path / "data.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "run.js").write_text(NODE_PRELUDE + script, encoding="utf-8")
    out = subprocess.run(
        [
            "node",
            str(tmp_path / "run.js"),
            str(ROOT / "docs/javascripts/draft-core.js"),
            str(kit),
            str(tmp_path / "data.json"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


READING_SCRIPT = """
console.log(JSON.stringify(data.map(([kind, a]) => {
  const pool = kit.kinds[kind];
  return core.problems(a, pool, c => c.scope === 'core' || c.on, k => k)
    .map(p => p.message);
})));
"""
READING = [
    {"civic_head_title": "Maer / Mayor"},
    {"civic_head_title": "cabinet chair"},
    {"head_officer_title": "Clerk & RFO"},
    {"head_officer_title": "clerk"},
    {"staffing_committee": "Staffing Staffing Committee"},
    {"officer_complaints_to": "the the Clerk"},
    {"head_officer_title": "Swyddog Ŵyddgrug"},
    {"civic_head_title": "Chair"},
    {},
]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_browser_reading_checks_give_draft_messages(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """draft-core.js's reading checks, run by Node over the kit, say what draft says."""
    from generator.drafting.answers import answers_from_mapping
    from generator.drafting.model_checks import draft_problems
    from generator.drafting.model_protocol import build

    cases, expected = [], []
    for tier, nation in (("parish", "england"), ("town", "wales"), ("district", "england")):
        for extra in READING:
            data = {"council_name": "Oakham Council", "tier": tier, "nation": nation, **extra}
            answers, problems = answers_from_mapping("a.yaml", data)
            assert answers is not None, problems
            model, _ = build(project.obligations, project.protocols, answers)
            cases.append((answers.kind.id, data))
            expected.append([f"The draft would read badly: {m}" for m in draft_problems(model)])
    got = _node(project, tmp_path, READING_SCRIPT, cases)
    assert any(expected) and not all(expected)
    for (kind, data), mine, theirs in zip(cases, got, expected, strict=True):
        assert sorted(mine) == sorted(theirs), (kind, data)


CLOSEST_SCRIPT = """
const keys = kit.rules.keys;
console.log(JSON.stringify(data.map(w => [core.unknownKey(w), core.closest(w, keys, 1)])));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_browser_names_the_closest_keys_as_draft_does(project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """draft-core.js's 'closest' hint (a port of difflib's) offers what draft offers, for
    misspellings, ties, non-ASCII and long keys."""
    from generator.core.suggest import hint
    from generator.drafting.answers import unknown_key

    rng = random.Random(7)
    words = ["teir", "civic_head", "chair", "titel", "adoptd", "rfo", "x", "", "ŵyddgrug_title"]
    words += ["council_name" * 20, "_".join(KEYS)]
    # Ties: keys equally alike, which difflib offers the later name first.
    words += ["counci_title", "nat_title", "leade", "tie_tier", "hea_tion", "gov_itle"]
    for key in KEYS:
        for _ in range(6):
            chars = list(key)
            for _ in range(rng.randint(1, 6)):
                i = rng.randrange(len(chars) + 1)
                chars[i:i] = rng.choice("aeiou_tlr")
                del chars[rng.randrange(len(chars))]
            words.append("".join(chars))
    got = _node(project, tmp_path, CLOSEST_SCRIPT, words)
    expected = [[unknown_key(w), hint(w, KEYS, 1)] for w in words]
    assert sum(1 for _, one in expected if one) > len(words) // 2
    for word, mine, theirs in zip(words, got, expected, strict=True):
        assert mine == theirs, word
