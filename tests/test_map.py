"""The real obligation map: valid, complete, round-trippable, exported in the documented shape."""

from __future__ import annotations

import io
import json
from pathlib import Path

from generator.map.obligations import yaml_for_editing
from generator.project import load_project

from .helpers import ROOT, run_cli

PROJECT, PROBLEMS = load_project(ROOT)
SLUGS = ["west-mersea", "vale-of-grwyney", "southend", "farnham", "crawley"]


def test_map_has_no_problems_not_even_warnings() -> None:
    assert [str(p) for p in PROBLEMS] == []
    assert PROJECT.obligations is not None


def test_every_clause_is_cited_or_unmapped_with_a_reason() -> None:
    omap = PROJECT.obligations
    assert omap is not None
    cited = {c for o in omap.obligations for s in o.sources.values() for c in s.clauses}
    unmapped = {u.clause: u.reason for u in omap.unmapped}
    for p in PROJECT.protocols:
        for c in p.body_clauses():
            assert c.id in cited or unmapped.get(c.id), c.id


def test_every_obligation_speaks_for_every_protocol() -> None:
    omap = PROJECT.obligations
    assert omap is not None
    for o in omap.obligations:
        assert list(o.sources) == SLUGS, o.id
        assert o.model or o.not_for_model, o.id
    assert 80 <= len(omap.obligations) <= 220
    assert len(omap.themes) >= 10


def test_any_yaml_reader_reads_the_map() -> None:
    """Others read clauses.yaml with plain PyYAML (pure Python): it must parse there too, not
    only with libyaml or ruamel (a '?' in a plain flow scalar parses in one and not the other)."""
    import yaml as pyyaml

    data = pyyaml.load((ROOT / "clauses.yaml").read_text(encoding="utf-8"), pyyaml.SafeLoader)
    assert len(data["obligations"]) > 100


def test_rewriting_the_map_keeps_comments_order_and_layout() -> None:
    text = (ROOT / "clauses.yaml").read_text(encoding="utf-8")
    yaml = yaml_for_editing()
    data = yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    assert out.getvalue() == text


def test_export_obligations_json_shape_and_ids_resolve(tmp_path: Path) -> None:
    code, _, err = run_cli("export", str(tmp_path))
    assert code == 0, err
    obligations = json.loads((tmp_path / "obligations.json").read_text(encoding="utf-8"))
    protocols = json.loads((tmp_path / "protocols.json").read_text(encoding="utf-8"))
    clause_ids = {c["id"] for p in protocols["protocols"] for c in p["clauses"]}
    assert {"id", "title"} <= set(obligations["themes"][0])
    for o in obligations["obligations"]:
        assert {"id", "title", "theme", "who", "kind", "statement", "sources"} <= set(o)
        assert list(o["sources"]) == SLUGS
        for slug, s in o["sources"].items():
            assert set(s) == {"status", "strength", "clauses", "note", "strength_reason"}
            assert s["status"] in ("full", "partial", "absent")
            if s["status"] == "absent":
                assert s["clauses"] == [] and s["strength"] is None
            else:
                assert s["strength"] in ("must", "should", "may", "expected")
                assert s["clauses"] and all(c.startswith(slug + "-") for c in s["clauses"])
            assert set(s["clauses"]) <= clause_ids
    ids = {o["id"] for o in obligations["obligations"]}
    replaced = {r["id"]: r["replaced_by"] for r in obligations["replaced"]}
    assert replaced["staffing-committee-handles-personnel"] == "councillor-employment-role-limited"
    assert replaced["no-direct-approach-to-junior-officers"] == "enquiries-through-designated-route"
    assert set(replaced.values()) <= ids and not set(replaced) & ids
    assert {c["obligation"] for c in obligations["corrections"]} <= ids | set(replaced)
