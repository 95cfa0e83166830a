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
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz import fuzz, process

from generator.core.types import Clause, Kind
from generator.map.obligations import Status
from generator.map.strength import RANK, read_among
from generator.review.reference import Reference
from generator.review.report import Evidence, Finding, ObligationReview, Report, TheirClause
from generator.review.text import key_words, terms
from generator.views.words_display import clause_name


class Method(StrEnum):
    """How a clause is scored against an obligation's wordings (each 0 to 1)."""

    TOKEN_SET = "token-set"
    """rapidfuzz token_set_ratio: shared words over the shorter text."""
    TOKEN_SORT = "token-sort"
    """rapidfuzz token_sort_ratio: the whole of both texts, word order ignored."""
    BM25 = "bm25"
    """BM25-weighted share of the clause's terms found in the wording."""
    DICE = "dice"
    """BM25-weighted agreement both ways: an F-measure of the share of the clause's terms in
    the wording and the share of the wording's terms in the clause (the latter counting
    double)."""
    DICE_SORT = "dice+sort"
    """The mean of ``dice`` and ``token-sort``."""


@dataclass(frozen=True)
class Options:
    """The matching method and its thresholds (scores are 0 to 1)."""

    method: Method = Method.DICE
    same: float = 0.85
    """Least rapidfuzz ratio (0-1) of wording keys for 'the same wording'; above 1 turns the
    same-wording pass off (for the benchmark's comparison)."""
    found: float = 0.42
    """Least best score for ``found``."""
    partial: float = 0.3
    """Least best score for ``partial``."""
    uncertain: float = 0.24
    """Least best score for ``uncertain``."""
    version_uncertain: float = 0.28
    """The same, for a text taken as a version of a mapped protocol."""
    exclusive: float = 1.0
    """When choosing which clause to cite, how much a clause's better score for another
    obligation counts against it."""
    close: float = 0.5
    """Least score against a mapped clause for a clause to be taken as its paraphrase (and
    to state only what it states); above 1, off."""
    version: float = 0.8
    """The least share of clauses with the same wording as one mapped protocol's for the text
    to be taken as a version of it."""
    cite: float = 0.6
    """Least score for a clause other than the best to be cited as well."""
    margin: float = 0.05
    """How far below an obligation's best clause another clause may be and still be cited."""
    prior: float = 0.1
    """How far the thresholds move with the share of mapped protocols stating an obligation:
    down by prior/2 when all state it, up by prior/2 when none does."""
    councils: float = 0.9
    """How much a score against a mapped council's clause counts beside one against the
    obligation's own title, statement and model wording (a council's clause carries words
    of its own context, so matching it is weaker evidence); 0 compares with the obligation's
    own wordings only."""
    context: bool = False
    """Score a bullet together with its lead-in line."""
    lead_in: float = 0.9
    """A bullet is scored alone and together with its lead-in line, the latter's scores
    weighed by this (0 turns it off): 'lobby officers' under 'Councillors must not:'."""
    resolve: bool = True
    """Decide the obligations left ``uncertain`` in a second pass (see :func:`_resolve`)."""


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


def _their(c: Clause, prefix: str = "") -> TheirClause:
    """How the report names a clause: its printed number, or its id without the file's slug
    ('3-1-b4': the fourth bullet under 3.1; 'introduction-p1')."""
    number = c.number or c.id.removeprefix(prefix) or c.id
    return TheirClause(c.id, number, clause_name(c), c.text, c.line)


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
    options: Options = Options(),
    memo: dict[tuple[str, str, float], dict[int, float]] | None = None,
) -> Report:
    """Review a protocol's clauses against the reference (pure).

    ``memo`` (optional, for one reference only) keeps clause scores between calls with
    different thresholds, as the benchmark's sweep does.
    """
    body = their_clauses(clauses)
    prefix = id_prefix(clauses)
    obligations = ref.omap.obligations
    index = {o.id: i for i, o in enumerate(obligations)}
    known_ev: dict[int, list[tuple[Evidence, Status]]] = {}
    linked: set[str] = set()
    by_id = {c.id: c for c in clauses}
    unknown: list[tuple[Clause, str | None]] = []
    hits: list[tuple[Clause, float, str]] = []
    for c, lead in body:
        hit = _same(key_words(c.text), ref, options)
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
                    ev = Evidence(_their(c, prefix), score, via)
                    known_ev.setdefault(index[oid], []).append((ev, position))
                    linked.add(c.id)
    # A version of a mapped protocol is read against that protocol's own positions: what its
    # clauses do not state is absent, so the band of 'uncertain' is narrow.
    deciding = replace(options, uncertain=options.version_uncertain) if own else options
    by_clause: dict[int, list[tuple[float, Clause]]] = {}
    clause_best: dict[str, float] = {}
    for c, lead in unknown:
        text = f"{lead} {c.text}" if options.context and lead else c.text
        near = _paraphrase(c.text, ref, options, own) if own else None
        if near is not None:
            scores = near
        else:
            scores = _cached_scores(text, ref, options, memo)
            if options.lead_in and lead and not options.context:
                # A bullet continues its lead-in's sentence: read it both ways, the best wins.
                joined = _cached_scores(f"{lead} {c.text}", ref, options, memo)
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
                by_clause.get(i, []), clause_best, ref.support[i], deciding, prefix
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
    unmatched = tuple(_their(c, prefix) for c, _ in body if c.id not in linked)
    return Report(
        protocol=name,
        kind=kind,
        clauses=len(body),
        method=options.method.value,
        held_out=ref.held_out,
        obligations=tuple(results),
        unmatched=unmatched,
    )


def _cached_scores(
    text: str,
    ref: Reference,
    options: Options,
    memo: dict[tuple[str, str, float], dict[int, float]] | None,
) -> dict[int, float]:
    if memo is None:
        return _scores(text, ref, options)
    key = (text, options.method.value, options.councils)
    if key not in memo:
        memo[key] = _scores(text, ref, options)
    return memo[key]


def _similar(
    candidates: list[tuple[float, Clause]],
    clause_best: dict[str, float],
    support: float,
    options: Options,
    prefix: str,
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
    return finding, tuple(Evidence(_their(c, prefix), sc, "similar wording") for sc, c in chosen)


def _resolve(results: list[ObligationReview], options: Options) -> list[ObligationReview]:
    """The second pass: each obligation left ``uncertain`` is decided by its best clause.

    When another obligation found (or found in part) cites that clause, the clause says
    that other thing and this obligation is ``not_found``. Otherwise it is ``partial`` when the
    clause scores at least ``Options.partial`` (the threshold before the prior moved it: an
    obligation few mapped protocols state needs no more evidence when no other obligation
    claims the clause), and ``not_found`` below.
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
        if best.clause.id in claimed or best.score < options.partial:
            out.append(replace(r, status=Finding.NOT_FOUND, evidence=(), score=0.0, theirs=None))
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


def _same(key: str, ref: Reference, options: Options) -> tuple[float, str] | None:
    """(ratio, the mapped clause's wording key) when ``key`` has the same wording as one."""
    if not key or options.same > 1:
        return None
    if key in ref.known:
        return 1.0, key
    cache_key = (key, options.same)
    if cache_key not in ref.same_cache:
        hit = process.extractOne(
            key, ref.known_keys, scorer=fuzz.ratio, score_cutoff=100 * options.same
        )
        ref.same_cache[cache_key] = None if hit is None else (hit[1] / 100, hit[0])
    return ref.same_cache[cache_key]


_OWN = ("statement", "model")
"""The origins of an obligation's own wordings (the others are mapped councils' clauses)."""


def _scores(text: str, ref: Reference, options: Options) -> dict[int, float]:
    """Obligation index -> the clause's best score over that obligation's wordings."""
    out: dict[int, float] = {}
    wordings = ref.wordings
    method = options.method
    weighted: dict[int, float] = {}
    if method in (Method.BM25, Method.DICE, Method.DICE_SORT):
        weighted = _weighted(text, ref, both=method is not Method.BM25)
    if method is Method.BM25 or method is Method.DICE:
        for j, s in weighted.items():
            w = wordings[j]
            if w.origin not in _OWN:
                if not options.councils:
                    continue
                s *= options.councils
            if s > out.get(w.obligation, 0.0):
                out[w.obligation] = s
        return out
    key = key_words(text)
    scorer = fuzz.token_set_ratio if method is Method.TOKEN_SET else fuzz.token_sort_ratio
    candidates = weighted.keys() if method is Method.DICE_SORT else range(len(wordings))
    for j in candidates:
        w = wordings[j]
        if w.origin not in _OWN and not options.councils:
            continue
        s = scorer(key, w.key) / 100
        if method is Method.DICE_SORT:
            s = (s + weighted[j]) / 2
        if w.origin not in _OWN:
            s *= options.councils
        if s > out.get(w.obligation, 0.0):
            out[w.obligation] = s
    return out


def _paraphrase(text: str, ref: Reference, options: Options, own: str) -> dict[int, float] | None:
    """In a version of the mapped protocol ``own``, a clause that closely paraphrases one of
    its clauses (scoring at least ``Options.close`` against it, and best) states what that
    clause states, and only that: a reworded clause is not also taken for its neighbours'
    obligations."""
    if options.close > 1:
        return None
    best_j, best = -1, 0.0
    for j, s in _weighted(text, ref, both=True).items():
        if s > best or (s == best and j < best_j):
            best_j, best = j, s
    if best < options.close:
        return None
    same = [
        j for j in ref.by_key.get(ref.wordings[best_j].key, ()) if ref.wordings[j].origin == own
    ]
    return {ref.wordings[j].obligation: best for j in same} or None


_BETA2 = 2.0
"""In ``dice``, how much more the share of the wording found in the clause counts than the
share of the clause found in the wording (F-beta, beta squared): a long clause stating several
obligations is not penalised for its other content as much as a clause missing the idea."""


def _weighted(text: str, ref: Reference, both: bool) -> dict[int, float]:
    """Wording index -> weighted score, for wordings sharing a term with ``text``.

    Each distinct term weighs its BM25 idf; the share of the clause's weight the wording
    holds is the ``bm25`` score; ``dice`` is the harmonic mean of that share and the share of
    the wording's weight the clause holds, so a short clause inside a long wording, or a long
    clause around a short one, scores low.
    """
    query = set(terms(text))
    weights = ref.weights
    q_total = sum(weights.weight(t) for t in query)
    if not q_total:
        return {}
    shared: dict[int, float] = {}
    for t in query:
        w = weights.weight(t)
        for j in ref.postings.get(t, ()):
            shared[j] = shared.get(j, 0.0) + w
    out: dict[int, float] = {}
    for j, got in shared.items():
        x = got / q_total
        if not both:
            out[j] = x
            continue
        y = got / ref.totals[j] if ref.totals[j] else 0.0
        out[j] = (1 + _BETA2) * x * y / (_BETA2 * x + y) if x + y else 0.0
    return out
