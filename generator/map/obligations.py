"""The obligation map (``clauses.yaml``): its typed model, loading, and validation.

Loading keeps line numbers (ruamel round-trip nodes), so every problem prints as
``clauses.yaml:LINE: message``. Validation collects every problem at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from functools import cached_property
from typing import Any

import yaml
from ruamel.yaml import YAML

from generator.core import yamlload
from generator.core.problems import Problem, Severity
from generator.core.types import Kind, Protocol
from generator.map.model_fields import Variants, ambiguities, as_variants, first_text

ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
VARIABLE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
MODEL_VARIABLES = (
    "council_name",
    "head_officer_title",
    "civic_head_title",
    "leader_title",
    "proper_officer_title",
    "rfo_title",
    "monitoring_officer_council",
    "staffing_committee",
    "officer_complaints_to",
    "head_officer_complaints_to",
)


class Status(StrEnum):
    """How fully a protocol states an obligation."""

    FULL = "full"
    """States the whole idea, with the same force and scope."""
    PARTIAL = "partial"
    """Narrower, weaker, conditional, or only part of the idea (the note says how)."""
    ABSENT = "absent"
    """Checked, and not there."""


class Strength(StrEnum):
    """The force of the wording in a protocol."""

    MUST = "must"
    SHOULD = "should"
    MAY = "may"
    EXPECTED = "expected"


class Who(StrEnum):
    """Whom an obligation binds or benefits."""

    COUNCILLORS = "councillors"
    OFFICERS = "officers"
    SENIOR_OFFICERS = "senior-officers"
    CHAIRS = "chairs"
    COUNCIL = "council"
    BOTH = "both"


class ObligationKind(StrEnum):
    """What sort of normative idea an obligation is."""

    DUTY = "duty"
    PROHIBITION = "prohibition"
    PERMISSION = "permission"
    RIGHT = "right"
    EXPECTATION = "expectation"
    PRINCIPLE = "principle"
    PROCEDURE = "procedure"
    DEFINITION = "definition"


class ModelScope(StrEnum):
    """Whether a model clause is always in the model, or optional with a default by tier."""

    CORE = "core"
    """Always included."""
    LOCAL = "local"
    """On by default for parish, town and community councils."""
    PRINCIPAL = "principal"
    """On by default for district, borough, county and unitary councils."""
    OPTIONAL = "optional"
    """Off by default; a council may switch it on."""


@dataclass(frozen=True)
class Theme:
    """A group of related obligations."""

    id: str
    title: str
    description: str
    line: int


@dataclass(frozen=True)
class Source:
    """One protocol's position on one obligation."""

    status: Status
    strength: Strength | None
    """None when absent."""
    clauses: tuple[str, ...]
    """Clause ids cited, in the order given; empty when absent."""
    note: str | None
    """How this protocol's version differs in substance, if it does."""
    line: int


@dataclass(frozen=True)
class Obligation:
    """One normative idea, and where each protocol states it."""

    id: str
    title: str
    theme: str
    who: Who
    kind: ObligationKind
    statement: str
    """A neutral one-sentence statement in plain English."""
    sources: Mapping[str, Source]
    """By protocol slug, in the order of the protocols."""
    line: int
    model: str | None = None
    """Model wording, with ``{variable}`` placeholders."""
    model_scope: ModelScope = ModelScope.CORE
    not_for_model: str | None = None
    """Why the obligation is left out of the model, if it is."""
    model_variants: Variants = ()
    """The model wording per kind of council (see :mod:`generator.model_fields`); ``model``
    is the first of them, for views that show one wording."""
    law: Variants = ()
    """The law a model clause states, cited, per kind of council."""
    new_drafting: str | None = None
    """Why the model clause says something no protocol says, if it does."""
    model_same_as: str | None = None
    """Another obligation whose model clause says the same; this one is left out."""
    model_alternative_to: str | None = None
    """Another obligation whose model clause is an alternative to this one's."""


@dataclass(frozen=True)
class Unmapped:
    """A clause that carries no obligation, and why."""

    clause: str
    reason: str
    line: int


@dataclass(frozen=True)
class ObligationMap:
    """The whole of ``clauses.yaml``."""

    path: str
    themes: tuple[Theme, ...]
    obligations: tuple[Obligation, ...]
    unmapped: tuple[Unmapped, ...] = ()
    by_id: Mapping[str, Obligation] = field(default_factory=dict, compare=False)

    @cached_property
    def cited(self) -> dict[str, list[str]]:
        """Clause id -> ids of the obligations citing it, in map order. Computed once: every
        protocol page and coverage count asks, and recomputing grew the build as N squared."""
        out: dict[str, list[str]] = {}
        for o in self.obligations:
            for source in o.sources.values():
                for cid in source.clauses:
                    out.setdefault(cid, []).append(o.id)
        return out


_line = yamlload.line_of


def _closest(word: str, options: Iterable[str], n: int = 3) -> str:
    found = difflib.get_close_matches(word, list(options), n=n, cutoff=0.5)
    return f" (closest: {', '.join(found)})" if found else ""


def parse_yaml(path: str, text: str) -> tuple[Any, list[Problem]]:
    """Parse YAML keeping line numbers (see ``yamlload``), or a located syntax error."""
    try:
        return yamlload.load(text), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return None, [
            Problem(
                path,
                mark.line + 1 if mark else 0,
                f"YAML syntax error: {exc.problem or exc.context}",
                column=mark.column + 1 if mark else 0,
            )
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 0, f"YAML error: {exc}")]


def load_map(
    path: str, text: str, protocols: Sequence[Protocol]
) -> tuple[ObligationMap | None, list[Problem]]:
    """Read ``clauses.yaml`` text against the protocols; every problem at once."""
    data, problems = parse_yaml(path, text)
    if data is None:
        return None, problems or [Problem(path, 0, "the file is empty")]
    if not isinstance(data, Mapping):
        return None, [Problem(path, 1, "expected a mapping with 'themes' and 'obligations'")]
    reader = _Reader(path, protocols)
    for key in data:
        if key not in ("themes", "obligations", "unmapped"):
            reader.problem(
                _line(data, key),
                f"unknown top-level key '{key}'"
                f"{_closest(str(key), ['themes', 'obligations', 'unmapped'])}",
            )
    themes = reader.themes(data.get("themes"), _line(data, "themes") if "themes" in data else 1)
    obligations = reader.obligations(
        data.get("obligations"), _line(data, "obligations") if "obligations" in data else 1, themes
    )
    unmapped = reader.unmapped(data.get("unmapped") or [])
    problems += reader.problems
    omap = ObligationMap(
        path=path,
        themes=tuple(themes),
        obligations=tuple(obligations),
        unmapped=tuple(unmapped),
        by_id={o.id: o for o in obligations},
    )
    problems += coverage_problems(omap, protocols)
    return omap, problems


@dataclass
class _Reader:
    path: str
    protocols: Sequence[Protocol]
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.slugs = [p.slug for p in self.protocols]
        self.clauses = {c.id: (p, c) for p in self.protocols for c in p.clauses}
        self.numbers = {
            (p.slug, c.number): c.id for p in self.protocols for c in p.clauses if c.number
        }

    def problem(self, line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.path, line, message, severity))

    def text(self, node: Any, key: str, line: int, what: str) -> str:
        value = node.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.problem(line, f"{what} has no '{key}'")
            return ""
        if not isinstance(value, str):
            self.problem(_line(node, key) or line, f"{what}: '{key}' must be text, not {value!r}")
            return str(value)
        return value.strip()

    def enum(self, enum: type[Enum], node: Any, key: str, line: int, what: str) -> Any:
        value = node.get(key)
        names = [str(e.value) for e in enum]
        if value is None:
            self.problem(line, f"{what} has no '{key}' (one of: {', '.join(names)})")
            return None
        try:
            return enum(str(value))
        except ValueError:
            self.problem(
                _line(node, key) or line,
                f"{what}: unknown {key} '{value}'{_closest(str(value), names, 1)}; "
                f"use one of: {', '.join(names)}",
            )
            return None

    def themes(self, node: Any, line: int) -> list[Theme]:
        if not isinstance(node, list) or not node:
            self.problem(line, "'themes' must be a non-empty list")
            return []
        out: list[Theme] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(node):
            at = _line(node, index=i)
            if not isinstance(item, Mapping):
                self.problem(at, "each theme needs id, title and description")
                continue
            tid = str(item.get("id") or "")
            what = f"theme '{tid}'"
            if not ID.match(tid):
                self.problem(at, f"{what}: id must be kebab-case, like 'access-to-information'")
            if tid in seen:
                self.problem(at, f"duplicate theme id '{tid}' (first at line {seen[tid]})")
            seen[tid] = at
            out.append(
                Theme(
                    tid,
                    self.text(item, "title", at, what),
                    self.text(item, "description", at, what),
                    at,
                )
            )
        return out

    def obligations(self, node: Any, line: int, themes: list[Theme]) -> list[Obligation]:
        if not isinstance(node, list) or not node:
            self.problem(line, "'obligations' must be a non-empty list")
            return []
        theme_ids = [t.id for t in themes]
        out: list[Obligation] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(node):
            at = _line(node, index=i)
            if not isinstance(item, Mapping):
                self.problem(at, "each obligation must be a mapping")
                continue
            oid = str(item.get("id") or "")
            what = f"obligation '{oid}'"
            if not ID.match(oid):
                self.problem(at, f"{what}: id must be kebab-case, like 'no-silent-copies'")
            if oid in seen:
                self.problem(at, f"duplicate obligation id '{oid}' (first at line {seen[oid]})")
            seen[oid] = at
            theme = str(item.get("theme") or "")
            if theme not in theme_ids:
                self.problem(
                    _line(item, "theme") or at,
                    f"{what}: unknown theme '{theme}'{_closest(theme, theme_ids)}",
                )
            who = self.enum(Who, item, "who", at, what)
            kind = self.enum(ObligationKind, item, "kind", at, what)
            scope = ModelScope.CORE
            if "model_scope" in item:
                scope = self.enum(ModelScope, item, "model_scope", at, what) or ModelScope.CORE
            variants, law = (
                self.variants(item, "model", at, what),
                self.variants(item, "law", at, what),
            )
            model = first_text(variants)
            not_for_model = item.get("not_for_model")
            if model is not None:
                for var in sorted({v for _, t in variants for v in VARIABLE.findall(t or "")}):
                    if var not in MODEL_VARIABLES:
                        self.problem(
                            _line(item, "model") or at,
                            f"{what}: unknown variable '{{{var}}}' in model wording"
                            f"{_closest(var, MODEL_VARIABLES)}",
                        )
            elif not not_for_model:
                self.problem(
                    at,
                    f"{what} has neither 'model' wording nor a 'not_for_model' reason",
                    Severity.WARNING,
                )
            sources = self.sources(item.get("sources"), _line(item, "sources") or at, what)
            for key in item:
                if key not in _OBLIGATION_KEYS:
                    self.problem(
                        _line(item, key) or at,
                        f"{what}: unknown key '{key}'{_closest(str(key), _OBLIGATION_KEYS)}",
                    )
            if who is None or kind is None:
                continue
            out.append(
                Obligation(
                    id=oid,
                    title=self.text(item, "title", at, what),
                    theme=theme,
                    who=who,
                    kind=kind,
                    statement=self.text(item, "statement", at, what),
                    sources=sources,
                    line=at,
                    model=str(model).strip() if model is not None else None,
                    model_scope=scope,
                    not_for_model=str(not_for_model) if not_for_model else None,
                    model_variants=variants,
                    law=law,
                    new_drafting=self.optional_text(item, "new_drafting", at, what),
                    model_same_as=self.optional_text(item, "model_same_as", at, what),
                    model_alternative_to=self.optional_text(item, "model_alternative_to", at, what),
                )
            )
        return out

    def variants(self, item: Any, key: str, at: int, what: str) -> Variants:
        """A model field given as one text or per kind of council; problems located."""
        value = item.get(key)
        variants, bad = as_variants(value)
        where = _line(item, key) or at
        for k, message in bad:
            line = _line(value, k) if k is not None and isinstance(value, Mapping) else where
            self.problem(line or where, f"{what}: '{key}': {message}")
        for message in ambiguities(variants):
            self.problem(where, f"{what}: '{key}': {message}")
        return variants

    def optional_text(self, item: Any, key: str, at: int, what: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(_line(item, key) or at, f"{what}: '{key}' must be a line of text")
            return None
        return " ".join(value.split())

    def sources(self, node: Any, line: int, what: str) -> dict[str, Source]:
        if not isinstance(node, Mapping):
            self.problem(line, f"{what} has no 'sources' mapping (one entry per protocol)")
            return {}
        for slug in node:
            if slug not in self.slugs:
                self.problem(
                    _line(node, slug) or line,
                    f"{what}: unknown protocol '{slug}'{_closest(str(slug), self.slugs)}",
                )
        out: dict[str, Source] = {}
        for slug in self.slugs:
            if slug not in node:
                self.problem(
                    line,
                    f"{what}: sources omit protocol '{slug}'; add "
                    f"'{slug}: {{status: absent}}' if it is silent on this",
                )
                continue
            entry = node[slug]
            at = _line(node, slug) or line
            where = f"{what}, {slug}"
            if not isinstance(entry, Mapping):
                self.problem(at, f"{where}: expected a mapping like {{status: full, ...}}")
                continue
            status = self.enum(Status, entry, "status", at, where)
            raw_strength = entry.get("strength")
            strength = (
                self.enum(Strength, entry, "strength", at, where)
                if raw_strength is not None
                else None
            )
            clauses = self.clause_refs(entry.get("clauses") or [], slug, at, where)
            note = entry.get("note")
            if status is Status.ABSENT:
                if clauses:
                    self.problem(
                        at,
                        f"{where}: status is absent but clauses are cited; "
                        "use 'partial' or remove the clauses",
                    )
                if raw_strength is not None:
                    self.problem(at, f"{where}: status is absent but a strength is given")
            elif status is not None:
                if not clauses:
                    self.problem(at, f"{where}: status is {status.value} but no clause is cited")
                if raw_strength is None:
                    self.problem(
                        at,
                        f"{where}: status is {status.value} but no strength "
                        "(must, should, may or expected) is given",
                    )
                if status is Status.PARTIAL and not note:
                    self.problem(
                        at,
                        f"{where}: status is partial but no note says how it differs",
                        Severity.WARNING,
                    )
            for key in entry:
                if key not in ("status", "strength", "clauses", "note"):
                    self.problem(at, f"{where}: unknown key '{key}'")
            if status is not None:
                out[slug] = Source(
                    status, strength, tuple(clauses), str(note) if note else None, at
                )
        return out

    def clause_refs(self, node: Any, slug: str, line: int, where: str) -> list[str]:
        if not isinstance(node, list):
            self.problem(line, f"{where}: 'clauses' must be a list")
            return []
        out: list[str] = []
        for ref in node:
            if isinstance(ref, float | int) and not isinstance(ref, bool):
                self.problem(
                    line,
                    f"{where}: clause {ref!r} was read by YAML as a number, which loses "
                    f"digits (1.10 becomes 1.1); write the clause id ('{slug}-"
                    f"{str(ref).replace('.', '-')}') or quote the number ('\"{ref}\"')",
                )
                continue
            ref = str(ref)
            if ref in self.clauses:
                protocol, clause = self.clauses[ref]
                if protocol.slug != slug:
                    self.problem(
                        line, f"{where}: clause '{ref}' belongs to {protocol.slug}, not {slug}"
                    )
                elif clause.kind is Kind.HEADING:
                    self.problem(
                        line,
                        f"{where}: '{ref}' is a heading; cite the clauses under it",
                        Severity.WARNING,
                    )
                out.append(ref)
            elif (slug, ref.rstrip(".")) in self.numbers:
                out.append(self.numbers[(slug, ref.rstrip("."))])
            else:
                own = [cid for cid, (p, _) in self.clauses.items() if p.slug == slug]
                self.problem(
                    line,
                    f"{where}: cites '{ref}', but {slug} has no such clause{_closest(ref, own)}",
                )
        return out

    def unmapped(self, node: Any) -> list[Unmapped]:
        out: list[Unmapped] = []
        if not isinstance(node, list):
            self.problem(1, "'unmapped' must be a list of {clause, reason}")
            return out
        for i, item in enumerate(node):
            at = _line(node, index=i)
            if not isinstance(item, Mapping) or "clause" not in item:
                self.problem(at, "each unmapped entry needs 'clause' and 'reason'")
                continue
            cid = str(item["clause"])
            if cid not in self.clauses:
                self.problem(
                    at, f"unmapped clause '{cid}' does not exist{_closest(cid, self.clauses)}"
                )
            reason = item.get("reason")
            if not reason:
                self.problem(at, f"unmapped clause '{cid}' needs a reason")
            out.append(Unmapped(cid, str(reason or ""), at))
        return out


_OBLIGATION_KEYS = (
    "id",
    "title",
    "theme",
    "who",
    "kind",
    "statement",
    "sources",
    "model",
    "model_scope",
    "not_for_model",
    "law",
    "new_drafting",
    "model_same_as",
    "model_alternative_to",
)


def cited_clauses(omap: ObligationMap) -> dict[str, list[str]]:
    """Clause id -> ids of the obligations citing it, in map order (do not modify it)."""
    return omap.cited


def coverage(omap: ObligationMap, protocol: Protocol) -> tuple[int, int, int]:
    """(clauses cited, clauses unmapped, clauses in all) for one protocol, headings aside."""
    cited = cited_clauses(omap)
    unmapped = {u.clause for u in omap.unmapped}
    body = [c.id for c in protocol.body_clauses()]
    n_cited = sum(1 for c in body if c in cited)
    n_unmapped = sum(1 for c in body if c not in cited and c in unmapped)
    return n_cited, n_unmapped, len(body)


def coverage_problems(omap: ObligationMap, protocols: Sequence[Protocol]) -> list[Problem]:
    """Every clause must be cited by an obligation or listed under unmapped with a reason."""
    cited = cited_clauses(omap)
    unmapped = {u.clause: u for u in omap.unmapped}
    out: list[Problem] = []
    for p in protocols:
        for c in p.body_clauses():
            if c.id not in cited and c.id not in unmapped:
                out.append(
                    Problem(
                        p.path,
                        c.line,
                        f"clause '{c.id}' is neither cited by an obligation nor listed under "
                        f"'unmapped' in {omap.path}",
                    )
                )
    for cid, u in unmapped.items():
        if cid in cited:
            out.append(
                Problem(
                    omap.path,
                    u.line,
                    f"clause '{cid}' is listed as unmapped but obligation "
                    f"'{cited[cid][0]}' cites it",
                    Severity.WARNING,
                )
            )
    return out


def yaml_for_editing() -> YAML:
    """The round-trip YAML settings clauses.yaml is written with: rewriting keeps comments,
    key order and flow style, so a tool that edits the map leaves the rest as it was."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
