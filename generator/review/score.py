"""Scoring a clause against the obligations' wordings (see :mod:`generator.review.match`)."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from generator.review.options import Method, Options
from generator.review.reference import Reference
from generator.review.text import key_words, terms


def cached_scores(
    text: str,
    ref: Reference,
    options: Options,
    memo: dict[tuple[str, str, float], dict[int, float]] | None,
) -> dict[int, float]:
    """Obligation index -> the clause's best score; ``memo`` (for one reference) keeps them
    between reviews with other thresholds, as the benchmark's sweep does."""
    if memo is None:
        return _scores(text, ref, options)
    key = (text, options.method.value, options.councils)
    if key not in memo:
        memo[key] = _scores(text, ref, options)
    return memo[key]


def same_wording(key: str, ref: Reference, options: Options) -> tuple[float, str] | None:
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


def paraphrase(text: str, ref: Reference, options: Options, own: str) -> dict[int, float] | None:
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
