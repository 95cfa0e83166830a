"""Open data: protocols.json, obligations.json and matrix.csv (pure: values in, text out)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from generator.core.links import clause_url, obligation_url, protocol_url
from generator.core.types import Protocol
from generator.map.model_fields import KINDS, pick
from generator.map.obligations import ObligationMap
from generator.outputs.csvfile import csv_text


def protocols_data(protocols: Sequence[Protocol]) -> dict[str, Any]:
    """The shape of ``protocols.json``."""
    return {
        "protocols": [
            {
                "id": p.slug,
                "council": p.meta.council,
                "title": p.meta.title,
                "tier": p.meta.tier.value,
                "adopted": p.meta.adopted and p.meta.adopted.iso(),
                "review_due": p.meta.review_due and p.meta.review_due.iso(),
                "source": p.meta.source,
                "based_on": p.meta.based_on,
                **provenance(p),
                "url": protocol_url(p.slug),
                "text": full_text(p),
                "clauses": [
                    {
                        "id": c.id,
                        "number": c.number,
                        "label": c.label,
                        "kind": c.kind.value,
                        "parent": c.parent,
                        "heading": list(c.heading),
                        "text": c.text,
                        "url": clause_url(p.slug, c.id),
                        "line": c.line,
                    }
                    for c in p.clauses
                ],
            }
            for p in protocols
        ]
    }


METHOD_URL = "methodology/#sources"
"""The methodology section on how each text is transcribed (site-relative)."""
FIDELITY_URL = "methodology/#fidelity"
"""The methodology section on the word-for-word check of each transcription (site-relative)."""


def provenance(protocol: Protocol) -> dict[str, str | None]:
    """Where a protocol's text comes from: the council's document and how it was taken."""
    meta = protocol.meta
    return {
        "document_title": meta.document_title,
        "source_url": meta.source_url,
        "source_url_note": meta.source_url_note,
        "retrieved": meta.retrieved.iso() if meta.retrieved else None,
        "transcription": meta.transcription,
        "transcription_method_url": METHOD_URL,
        "fidelity_url": FIDELITY_URL,
    }


def full_text(protocol: Protocol) -> str:
    """The whole protocol as plain text: one clause a line, number first, in document order."""
    return "\n".join(" ".join(part for part in (c.label, c.text) if part) for c in protocol.clauses)


def obligations_data(
    omap: ObligationMap,
    protocols: Sequence[Protocol],
    model_words: Mapping[str, Mapping[str, str]],
) -> dict[str, Any]:
    """The shape of ``obligations.json``: themes, obligations, ``replaced`` (old ids, each
    with the ``replaced_by`` id that took its place) and ``corrections``.

    ``model_words``: obligation id -> kind of council -> the words the printed model for that
    kind writes (``generator.drafting.printed.words_by_kind``), published as each obligation's
    ``model``; ``law`` is the law its model clause states, by kind of council."""
    return {
        "themes": [
            {"id": t.id, "title": t.title, "description": t.description} for t in omap.themes
        ],
        "obligations": [
            {
                "id": o.id,
                "title": o.title,
                "theme": o.theme,
                "who": o.who.value,
                "kind": o.kind.value,
                "statement": o.statement,
                "model": dict(model_words.get(o.id, {})),
                "law": {k.id: law for k in KINDS if (law := pick(o.law, k))},
                "new_drafting": o.new_drafting,
                "model_scope": o.model_scope.value,
                "not_for_model": o.not_for_model,
                "url": obligation_url(o.id),
                "sources": {p.slug: _source(o.sources.get(p.slug)) for p in protocols},
            }
            for o in omap.obligations
        ],
        "replaced": [
            {
                "id": r.id,
                "replaced_by": r.replaced_by,
                "reason": r.reason,
                "url": obligation_url(r.id),
            }
            for r in omap.replaced
        ],
        "corrections": [
            {
                "date": c.date.iso(),
                "obligation": c.obligation,
                "protocol": c.protocol,
                "change": c.change,
                "reason": c.reason,
            }
            for c in omap.corrections
        ],
    }


def _source(source: Any) -> dict[str, Any]:
    if source is None:
        return {
            "status": "absent",
            "strength": None,
            "clauses": [],
            "note": None,
            "strength_reason": None,
        }
    out = {
        "status": source.status.value,
        "strength": source.strength.value if source.strength else None,
        "clauses": list(source.clauses),
        "note": source.note,
        "strength_reason": source.strength_reason,
    }
    if source.suggested:  # suggested by ingest, not yet reviewed by a person
        out["suggested"] = True
    return out


def to_json(data: Any, pretty: bool = False) -> str:
    """Stable JSON text: UTF-8, keys in the order built, newline at the end.

    Compact by default (the C encoder; the site's data files are large at scale); ``pretty``
    indents for files a person reads, such as the ``export`` command's.
    """
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def matrix_csv(omap: ObligationMap, protocols: Sequence[Protocol]) -> str:
    """One row per obligation: theme, id, title, who, kind; then per protocol its status,
    strength and clauses. Cells a spreadsheet would run as formulas are made inert
    (``csvfile.inert``)."""
    header = ["theme", "obligation", "title", "who", "kind"]
    for p in protocols:
        header += [f"{p.slug}_status", f"{p.slug}_strength", f"{p.slug}_clauses"]
    rows = [header]
    for o in omap.obligations:
        row = [o.theme, o.id, o.title, o.who.value, o.kind.value]
        for p in protocols:
            s = o.sources.get(p.slug)
            row += [
                s.status.value if s else "absent",
                s.strength.value if s and s.strength else "",
                " ".join(s.clauses) if s else "",
            ]
        rows.append(row)
    return csv_text(rows)
