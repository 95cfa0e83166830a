"""Which clauses are in a council's protocol, and why. Pure.

Every obligation with ``model`` wording for the council's kind is a candidate; one with
``not_for_model`` or ``model_same_as`` never is. ``model_scope`` decides the default (core
always; local or principal by tier group; optional off), and ``include`` / ``exclude`` switch
the clauses that are not core. Two clauses marked ``model_alternative_to`` each other are never
both in.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from generator.core.problems import Problem, Severity
from generator.drafting.answers import Choice
from generator.drafting.model_types import Decision
from generator.map.model_fields import KINDS, CouncilKind, pick
from generator.map.obligations import ModelScope, Obligation, ObligationMap

DEFAULT_SHORT = {
    ModelScope.CORE: "always in",
    ModelScope.LOCAL: "on for parish, town and community councils only",
    ModelScope.PRINCIPAL: "on for principal councils only",
    ModelScope.OPTIONAL: "off",
}
SCOPE_REASON = {
    ModelScope.CORE: "core: in every council's protocol",
    ModelScope.LOCAL: "on by default for parish, town and community councils",
    ModelScope.PRINCIPAL: "on by default for principal councils",
    ModelScope.OPTIONAL: "optional: off unless a council switches it on",
}


def wording(o: Obligation, kind: CouncilKind) -> str | None:
    """An obligation's model wording for a kind of council, or None if it has none there."""
    if o.not_for_model or o.model_same_as:
        return None
    return pick(o.model_variants, kind)


def law(o: Obligation, kind: CouncilKind) -> str | None:
    """The law an obligation's model clause states for a kind of council, cited."""
    return pick(o.law, kind)


def candidates(omap: ObligationMap, kind: CouncilKind | None = None) -> list[Obligation]:
    """Obligations with model wording (for the kind, if given), in map order."""
    kinds = (kind,) if kind else KINDS
    return [o for o in omap.obligations if any(wording(o, k) for k in kinds)]


def decide(
    omap: ObligationMap,
    kind: CouncilKind,
    include: Sequence[Choice] = (),
    exclude: Sequence[Choice] = (),
    path: str = "<answers>",
) -> tuple[list[Decision], list[Problem]]:
    """Which candidate clauses are in, and why; unknown or invalid ids as located problems."""
    problems: list[Problem] = []
    pool = candidates(omap, kind)
    by_id = {o.id: o for o in pool}
    switchable = [o.id for o in pool if o.model_scope is not ModelScope.CORE]
    switched: dict[str, tuple[bool, Choice]] = {}
    for on, choices in ((True, include), (False, exclude)):
        for c in choices:
            at = path if c.line else "command line"
            word = (
                ("include" if on else "exclude") if c.line else ("--include" if on else "--exclude")
            )
            problem = _refusal(omap, by_id, switchable, kind, c, on, word)
            if problem:
                problems.append(Problem(at, c.line, problem[0], problem[1]))
                continue
            switched[c.id] = (on, c)
    decisions: list[Decision] = []
    for o in pool:
        default = _default_on(o.model_scope, kind)
        if o.id in switched:
            on, c = switched[o.id]
            where = f"{path} line {c.line}" if c.line else ("--include" if on else "--exclude")
            verb = "switched on" if on else "switched off"
            reason = f"{verb} by {where} (default: {DEFAULT_SHORT[o.model_scope]})"
        else:
            on = default
            reason = SCOPE_REASON[o.model_scope]
            if o.model_scope is ModelScope.LOCAL and not on:
                reason = "off by default for principal councils (on for parish, town and community)"
            elif o.model_scope is ModelScope.PRINCIPAL and not on:
                reason = "off by default for parish, town and community councils (on for principal)"
        decisions.append(Decision(o.id, o.title, o.model_scope, on, reason))
    on_ids = {d.id for d in decisions if d.included}
    for o in pool:
        other = o.model_alternative_to
        if o.id in on_ids and other in on_ids:
            c = switched.get(o.id, switched.get(other or "", (True, Choice(o.id, 0))))[1]
            problems.append(
                Problem(
                    path if c.line else "command line",
                    c.line,
                    f"'{o.id}' and '{other}' are alternatives (two ways of doing the same "
                    "thing): include one of them, not both",
                )
            )
    return decisions, problems


def _refusal(
    omap: ObligationMap,
    by_id: Mapping[str, Obligation],
    switchable: list[str],
    kind: CouncilKind,
    c: Choice,
    on: bool,
    word: str,
) -> tuple[str, Severity] | None:
    """Why an include/exclude id cannot be switched, or None."""
    o = by_id.get(c.id)
    if o is None:
        other = omap.by_id.get(c.id)
        if other is not None:
            why = (
                other.not_for_model
                or (other.model_same_as and f"the model says this in '{other.model_same_as}'")
                or (f"it has no wording for {kind.title}" if other.model else "no model wording")
            )
            return f"{word}: '{c.id}' is not in the model ({why})", Severity.ERROR
        found = difflib.get_close_matches(c.id, switchable, n=3, cutoff=0.4)
        hint = (
            f"; closest: {', '.join(found)}"
            if found
            else "; run 'python -m generator draft --list' to see the optional clauses"
        )
        return f"{word}: unknown clause id '{c.id}'{hint}", Severity.ERROR
    if o.model_scope is ModelScope.CORE:
        if on:
            return (
                f"{word}: '{c.id}' is a core clause, always included; remove it from the list",
                Severity.WARNING,
            )
        return (
            f"{word}: '{c.id}' is a core clause and is in every council's protocol; it cannot "
            "be excluded (you can still edit the Word file)",
            Severity.ERROR,
        )
    return None


def _default_on(scope: ModelScope, kind: CouncilKind) -> bool:
    if scope is ModelScope.CORE:
        return True
    if scope is ModelScope.LOCAL:
        return kind.group == "local"
    if scope is ModelScope.PRINCIPAL:
        return kind.group == "principal"
    return False
