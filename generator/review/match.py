"""Matching a council's clauses to the obligations of the map.

Two passes, in this order:

1. **Same wording.** A clause whose words (modal verbs aside, so 'must' weakened to 'should'
   is still recognised) equal, or nearly equal (rapidfuzz ratio of at least ``Options.same``),
   a clause of a mapped protocol states what the map says that clause states, and nothing
   else; the obligation is found (partial where the map's position was partial).
2. **Similar wording.** Every other clause is scored against every wording of every obligation
   (title and statement, model wording, each mapped protocol's cited clauses, alone and
   joined) by ``Options.method``. An obligation's best score decides: ``found``, ``partial``,
   ``uncertain`` or ``not_found`` at the thresholds of ``Options``, moved a little by how many
   mapped protocols state the obligation (``Options.prior``). The clause cited first is the
   one that says it most clearly compared with what else it says (``Options.exclusive``);
   others are cited when they score nearly as well (``Options.cite``, ``Options.margin``).

Then a **second pass** decides every obligation left ``uncertain`` (``Options.resolve``): its
best clause already cited for another obligation says that other thing (``not_found``); a clause
no other obligation cites, scoring at least ``Options.partial``, states it in part.

A bullet is read both alone and with its lead-in line (``Options.lead_in``).

A text that shares the wording of most clauses (``Options.version``) with one mapped protocol
is taken as a version of it: where protocols share a wording, that protocol's reading of it
is used, and a clause that closely paraphrases one of its clauses (``Options.close``) states
what that clause states and nothing else, so a reworded clause does not stand in for its
neighbours' obligations.

The method and thresholds were chosen by ``make bench-review`` (bench/results-review.md),
which reviews each mapped protocol with its own clauses and positions held out.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from generator.core.types import Clause, Kind
from generator.map.obligations import Status
from generator.map.strength import RANK, read_among
from generator.review.options import DEFAULT, Method, Options
from generator.review.reference import Reference
from generator.review.report import Evidence, Finding, ObligationReview, Report, TheirClause
from generator.review.score import cached_scores, paraphrase, same_wording
from generator.review.text import key_words
from generator.views.words_display import Name, clause_name_parts

__all__ = ["Method", "Options", "id_prefix", "review", "their_clauses"]


def their_clauses(clauses: Sequence[Clause]) -> list[tuple[Clause, str | None]]:
    """Body clauses with the text of each one's lead-in (the paragraph a bullet hangs from)."""
    by_id = {c.id: c for c in clauses}
    out: list[tuple[Clause, str | None]] = []
    for c in clauses:
        if c.kind is Kind.HEADING:
            continue
        parent = by_id.get(c.parent) if c.parent else None
        lead = parent.text if parent is not None and parent.kind is not Kind.HEADING else None
        out.append((c, lead))
    return out


def _their(c: Clause, prefix: str, names: dict[str, Name]) -> TheirClause:
    """How the report names a clause: its printed number, or its id without the file's slug
    ('3-1-b4': the fourth bullet under 3.1; 'introduction-p1')."""
    number = c.number or c.id.removeprefix(prefix) or c.id
    return TheirClause(c.id, number, names[c.id].words, c.text, c.line, names[c.id])


def id_prefix(clauses: Sequence[Clause]) -> str:
    """The slug part every clause id starts with, with its hyphen ('crawley-')."""
    ids = [c.id for c in clauses]
    if not ids:
        return ""
    common = os.path.commonprefix(ids)  # noqa: RUF071 (characters, not paths)
    return common[: common.rfind("-") + 1] if len(ids) > 1 else ""


def review(
    name: str,
    kind: str,
    clauses: Sequence[Clause],
    ref: Reference,
    options: Options = DEFAULT,
    memo: dict[tuple[str, str, float], dict[int, float]] | None = None,
) -> Report:
    """Review a protocol's clauses against the reference (pure).

    ``memo`` (optional, for one reference only) keeps clause scores between calls with
    different thresholds, as the benchmark's sweep does.
    """
    body = their_clauses(clauses)
    prefix = id_prefix(clauses)
    names = clause_name_parts(clauses)
    obligations = ref.omap.obligations
    index = {o.id: i for i, o in enumerate(obligations)}
    known_ev: dict[int, list[tuple[Evidence, Status]]] = {}
    linked: set[str] = set()
    by_id = {c.id: c for c in clauses}
    unknown: list[tuple[Clause, str | None]] = []
    hits: list[tuple[Clause, float, str]] = []
    for c, lead in body:
        hit = same_wording(key_words(c.text), ref, options)
        if hit is None:
            unknown.append((c, lead))
        else:
            hits.append((c, hit[0], hit[1]))
    own = _recognised(hits, ref, len(body), options.version)
    for c, score, found_key in hits:
        known = ref.known[found_key]
        # A text recognised as one mapped protocol's version takes that protocol's reading of
        # a wording other protocols share.
        mine = [kc for kc in known if kc.slug == own]
        for kc in mine or known:
            for oid, position in kc.states:
                if oid in index:
                    via = f"same wording as {kc.slug} {kc.label}"
                    ev = Evidence(_their(c, prefix, names), score, via)
                    known_ev.setdefault(index[oid], []).append((ev, position))
                    linked.add(c.id)
    # A version of a mapped protocol is read against that protocol's own positions: what its
    # clauses do not state is absent, so the band of 'uncertain' is narrow.
    deciding = replace(options, uncertain=options.version_uncertain) if own else options
    by_clause: dict[int, list[tuple[float, Clause]]] = {}
    clause_best: dict[str, float] = {}
    for c, lead in unknown:
        text = f"{lead} {c.text}" if options.context and lead else c.text
        near = paraphrase(c.text, ref, options, own) if own else None
        if near is not None:
            scores = near
        else:
            scores = cached_scores(text, ref, options, memo)
            if options.lead_in and lead and not options.context:
                # A bullet continues its lead-in's sentence: read it both ways, the best wins.
                joined = cached_scores(f"{lead} {c.text}", ref, options, memo)
                scores = dict(scores)
                for i, sc in joined.items():
                    scores[i] = max(scores.get(i, 0.0), options.lead_in * sc)
        clause_best[c.id] = max(scores.values(), default=0.0)
        for i, s in scores.items():
            if s >= options.uncertain - options.prior:
                by_clause.setdefault(i, []).append((s, c))
    results = []
    for i, o in enumerate(obligations):
        if i in known_ev:
            pairs = _dedupe(known_ev[i])
            evidence = tuple(e for e, _ in pairs)
            full = any(position is Status.FULL for _, position in pairs)
            finding = Finding.FOUND if full else Finding.PARTIAL
            strength_from = evidence
        else:
            finding, evidence = _similar(
                by_clause.get(i, []), clause_best, ref.support[i], deciding, prefix, names
            )
            strength_from = evidence[:1]
        linked.update(e.clause.id for e in evidence)  # uncertain ones are not 'their own'

        theirs = max(
            (read_among(by_id, e.clause.id, own_first=True).strongest for e in strength_from),
            key=RANK.__getitem__,
            default=None,
        )
        model = ref.model.get(o.id)
        results.append(
            ObligationReview(
                id=o.id,
                title=o.title,
                theme=o.theme,
                scope=o.model_scope,
                status=finding,
                evidence=evidence,
                score=round(max((e.score for e in evidence), default=0.0), 2),
                theirs=theirs,
                model=model.strength if model else None,
                model_number=model.number if model else None,
                model_text=model.text if model else None,
            )
        )
    if options.resolve:
        results = _resolve(results, deciding)
        linked.update(e.clause.id for r in results for e in r.evidence)
    unmatched = tuple(_their(c, prefix, names) for c, _ in body if c.id not in linked)
    return Report(
        protocol=name,
        kind=kind,
        clauses=len(body),
        method=options.method.value,
        held_out=ref.held_out,
        obligations=tuple(results),
        unmatched=unmatched,
    )


def _similar(
    candidates: list[tuple[float, Clause]],
    clause_best: dict[str, float],
    support: float,
    options: Options,
    prefix: str,
    names: dict[str, Name],
) -> tuple[Finding, tuple[Evidence, ...]]:
    """The finding for one obligation from its clauses' scores, and the clauses to cite."""
    # Obligations most mapped protocols state need a little less evidence; those few state
    # need a little more.
    shift = options.prior * (support - 0.5)
    top = max((sc for sc, _ in candidates), default=0.0)
    if top >= options.found - shift:
        finding = Finding.FOUND
    elif top >= options.partial - shift:
        finding = Finding.PARTIAL
    elif top >= options.uncertain - shift:
        finding = Finding.UNCERTAIN
    else:
        return Finding.NOT_FOUND, ()
    # Cite first the clause that says this most clearly compared with what else it says.
    ranked = sorted(
        candidates,
        key=lambda sc: (
            -(sc[0] - options.exclusive * (clause_best[sc[1].id] - sc[0])),
            sc[1].line,
        ),
    )
    least = max(options.cite, top - options.margin)
    chosen = ranked[:1]
    if finding is not Finding.UNCERTAIN:
        chosen += [(sc, c) for sc, c in ranked[1:] if sc >= least]
    return finding, tuple(
        Evidence(_their(c, prefix, names), sc, "similar wording") for sc, c in chosen
    )


def _resolve(results: list[ObligationReview], options: Options) -> list[ObligationReview]:
    """The second pass over the obligations left ``uncertain``, by their best clause.

    When another obligation found (or found in part) cites that clause, the clause says that
    other thing and this obligation is ``not_found``. Otherwise it is ``partial`` when the
    clause scores at least ``Options.partial`` (the threshold before the prior moved it), and
    stays ``uncertain`` below: nothing else claims the clause, but its wording is too unlike to
    decide, so a person should (calling it not found there doubled the obligations wrongly
    reported missing on the benchmark, bench/results-review.md).
    """
    claimed = {
        e.clause.id
        for r in results
        if r.status in (Finding.FOUND, Finding.PARTIAL)
        for e in r.evidence
    }
    out: list[ObligationReview] = []
    for r in results:
        if r.status is not Finding.UNCERTAIN:
            out.append(r)
            continue
        best = r.evidence[0]
        if best.clause.id in claimed:
            out.append(replace(r, status=Finding.NOT_FOUND, evidence=(), score=0.0, theirs=None))
        elif best.score < options.partial:
            out.append(r)  # nothing else says this clause, but too unlike: a person decides
        else:
            via = "similar wording, and no other obligation cites it"
            out.append(replace(r, status=Finding.PARTIAL, evidence=(replace(best, via=via),)))
    return out


def _dedupe(pairs: list[tuple[Evidence, Status]]) -> list[tuple[Evidence, Status]]:
    seen: set[str] = set()
    out = []
    for ev, status in sorted(pairs, key=lambda p: (p[0].clause.line, p[1] is not Status.FULL)):
        if ev.clause.id not in seen:
            seen.add(ev.clause.id)
            out.append((ev, status))
    return out


def _recognised(
    hits: list[tuple[Clause, float, str]], ref: Reference, total: int, share: float
) -> str | None:
    """The mapped protocol that more than ``share`` of the clauses have the same wording as,
    if any: the text is a version of it."""
    counts: dict[str, int] = {}
    for _, _, key in hits:
        for slug in {kc.slug for kc in ref.known[key]}:
            counts[slug] = counts.get(slug, 0) + 1
    best = max(sorted(counts), key=lambda slug: counts[slug], default=None)
    return best if best is not None and counts[best] > total * share else None
