"""Reading ``clauses.yaml`` into an :class:`~generator.map.obligations.ObligationMap`.

Loading keeps line numbers (ruamel round-trip nodes), so every problem prints as
``clauses.yaml:LINE: message``. Validation collects every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import yaml

from generator.core import yamlload
from generator.core.problems import Problem, Severity
from generator.core.suggest import hint as _closest
from generator.core.types import Kind, Protocol
from generator.map.history import read_history
from generator.map.model_fields import Variants, ambiguities, as_variants, first_text
from generator.map.obligations import (
    ID,
    MODEL_VARIABLES,
    VARIABLE,
    ModelScope,
    Obligation,
    ObligationKind,
    ObligationMap,
    Source,
    Status,
    Strength,
    Theme,
    Unmapped,
    Who,
    coverage_problems,
)

_line = yamlload.line_of


def parse_yaml(
    path: str, text: str, *, numbers_as_written: bool = False
) -> tuple[Any, list[Problem]]:
    """Parse YAML keeping line numbers (see ``yamlload``), or a located syntax error."""
    try:
        return yamlload.load(text, numbers_as_written=numbers_as_written), []
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
    except yaml.YAMLError as exc:  # e.g. a control character the reader refuses
        return None, [Problem(path, 0, f"YAML error: {' '.join(str(exc).split())[:200]}")]
    except RecursionError:
        return None, [Problem(path, 0, "YAML error: nested too deeply")]


def load_map(
    path: str,
    text: str,
    protocols: Sequence[Protocol],
    unreadable: frozenset[str] = frozenset(),
) -> tuple[ObligationMap | None, list[Problem]]:
    """Read ``clauses.yaml`` text against the protocols; every problem at once.

    ``unreadable``: slugs of protocol files that failed to load (and reported why); entries
    for them are skipped rather than reported as unknown."""
    data, problems = parse_yaml(path, text)
    if data is None:
        return None, problems or [Problem(path, 0, "the file is empty")]
    if not isinstance(data, Mapping):
        return None, [Problem(path, 1, "expected a mapping with 'themes' and 'obligations'")]
    reader = _Reader(path, protocols, unreadable)
    for key in data:
        if key not in _TOP_KEYS:
            reader.problem(
                _line(data, key), f"unknown top-level key '{key}'{_closest(str(key), _TOP_KEYS)}"
            )
    themes = reader.themes(data.get("themes"), _line(data, "themes") if "themes" in data else 1)
    obligations = reader.obligations(
        data.get("obligations"), _line(data, "obligations") if "obligations" in data else 1, themes
    )
    unmapped = reader.unmapped(data.get("unmapped") or [])
    problems += reader.problems
    # A protocol that failed to load is still a known protocol.
    replaced, corrections, bad = read_history(
        path, data, [o.id for o in obligations], [p.slug for p in protocols] + sorted(unreadable)
    )
    problems += bad
    omap = ObligationMap(
        path=path,
        themes=tuple(themes),
        obligations=tuple(obligations),
        unmapped=tuple(unmapped),
        by_id={o.id: o for o in obligations},
        replaced=replaced,
        corrections=corrections,
    )
    problems += coverage_problems(omap, protocols)
    return omap, problems


@dataclass
class _Reader:
    path: str
    protocols: Sequence[Protocol]
    unreadable: frozenset[str] = frozenset()
    """Protocols that failed to load: nothing is checked against them."""
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

    def entries(
        self, node: Any, line: int, key: str, noun: str, not_mapping: str, example: str
    ) -> Iterator[tuple[int, Mapping[str, Any], str, str]]:
        """The mappings of a list of entries with kebab-case ids (themes, obligations), each
        with its line, id and name for messages; the list's shape, ids and duplicates checked."""
        if not isinstance(node, list) or not node:
            self.problem(line, f"'{key}' must be a non-empty list")
            return
        seen: dict[str, int] = {}
        for i, item in enumerate(node):
            at = _line(node, index=i)
            if not isinstance(item, Mapping):
                self.problem(at, not_mapping)
                continue
            ident = str(item.get("id") or "")
            what = f"{noun} '{ident}'"
            if not ID.match(ident):
                self.problem(at, f"{what}: id must be kebab-case, like '{example}'")
            if ident in seen:
                self.problem(at, f"duplicate {noun} id '{ident}' (first at line {seen[ident]})")
            seen[ident] = at
            yield at, item, ident, what

    def themes(self, node: Any, line: int) -> list[Theme]:
        return [
            Theme(
                tid,
                self.text(item, "title", at, what),
                self.text(item, "description", at, what),
                at,
            )
            for at, item, tid, what in self.entries(
                node,
                line,
                "themes",
                "theme",
                "each theme needs id, title and description",
                "access-to-information",
            )
        ]

    def obligations(self, node: Any, line: int, themes: list[Theme]) -> list[Obligation]:
        theme_ids = [t.id for t in themes]
        out: list[Obligation] = []
        for at, item, oid, what in self.entries(
            node,
            line,
            "obligations",
            "obligation",
            "each obligation must be a mapping",
            "no-silent-copies",
        ):
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
            if slug not in self.slugs and slug not in self.unreadable:
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
            suggested = entry.get("suggested", False)
            if not isinstance(suggested, bool):
                self.problem(at, f"{where}: 'suggested' must be true or false")
                suggested = False
            for key in entry:
                if key not in _SOURCE_KEYS:
                    self.problem(
                        at, f"{where}: unknown key '{key}'{_closest(str(key), _SOURCE_KEYS)}"
                    )
            reason = entry.get("strength_reason")
            if reason is not None and status is Status.ABSENT:
                self.problem(at, f"{where}: status is absent but a strength_reason is given")
            if status is not None:
                out[slug] = Source(
                    status,
                    strength,
                    tuple(clauses),
                    str(note) if note else None,
                    at,
                    str(reason).strip() if reason else None,
                    suggested,
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
            if cid not in self.clauses and not any(
                cid.startswith(f"{slug}-") for slug in self.unreadable
            ):
                self.problem(
                    at, f"unmapped clause '{cid}' does not exist{_closest(cid, self.clauses)}"
                )
            reason = item.get("reason")
            if not reason:
                self.problem(at, f"unmapped clause '{cid}' needs a reason")
            out.append(Unmapped(cid, str(reason or ""), at))
        return out


_TOP_KEYS = ("themes", "obligations", "unmapped", "replaced", "corrections")

_SOURCE_KEYS = ("status", "strength", "clauses", "note", "strength_reason", "suggested")

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
