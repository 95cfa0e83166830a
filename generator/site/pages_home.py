"""Home, the open-data page, and placeholders for pages other modules may not provide yet."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core import links
from generator.core.types import Protocol
from generator.map.obligations import ObligationMap
from generator.views.wordings import stating


def headline(omap: ObligationMap | None, protocols: Sequence[Protocol]) -> dict[str, int]:
    """Figures for the home page, computed from the data."""
    figures = {"protocols": len(protocols)}
    if omap:
        counts = [len(stating(o, protocols)) for o in omap.obligations]
        figures |= {
            "obligations": len(omap.obligations),
            "all": sum(1 for n in counts if n == len(protocols)),
            "one": sum(1 for n in counts if n == 1),
        }
    return figures


def home_page(omap: ObligationMap | None, protocols: Sequence[Protocol]) -> str:
    page = links.HOME
    f = headline(omap, protocols)
    n = f["protocols"]
    out = [
        "# Councillor–officer protocols, compared",
        "",
        "Every council has rules on how its elected councillors and its paid staff work "
        f"together. This site publishes {n} councils' protocols word for word, and compares "
        "what each one says, clause by clause.",
        "",
        "## Three ways in",
        "",
        f"- **[Read a protocol]({links.rel(page, links.PROTOCOLS_INDEX)})**: the full text of "
        "each council's protocol, with a link to every clause.",
    ]
    if omap:
        out += [
            f"- **[Compare councils on an obligation]({links.rel(page, links.OBLIGATIONS_INDEX)})"
            "**: pick a rule, such as respecting officers' impartiality, and see how every "
            f"council words it, or whether it says it at all; or see them all in the "
            f"[comparison matrix]({links.rel(page, links.MATRIX)}).",
        ]
    out += [
        f"- **[Draft your own]({links.rel(page, links.MODEL)})**: start from a model protocol "
        "assembled from the best of these.",
        "",
        "## In figures",
        "",
        '<div class="figures" markdown="1">',
        "",
        f"- **{n}** protocols, from "
        f"{sum(1 for p in protocols if p.meta.tier.is_local)} parish, town and community "
        f"councils and {sum(1 for p in protocols if not p.meta.tier.is_local)} principal "
        "councils",
    ]
    if omap:
        out += [
            f"- **{f['obligations']}** obligations mapped across them",
            f"- **{f['all']}** obligations all {n} protocols share",
            f"- **{f['one']}** obligations only one protocol has",
        ]
    out += ["", "</div>", ""]
    out += [
        "Everything here is also [open data]"
        f"({links.rel(page, links.OPEN_DATA)}); [how it was made]"
        f"({links.rel(page, links.METHODOLOGY)}) is explained in the methodology.",
        "",
    ]
    return "\n".join(out)


def open_data_page(omap: ObligationMap | None) -> str:
    out = [
        "# Open data",
        "",
        "The data behind this site, free to reuse. The files are regenerated on every build "
        "from the source protocols and the obligation map, so they always match the pages.",
        "",
        "## protocols.json {#protocols-json}",
        "",
        "[Download protocols.json](data/protocols.json). One object per protocol under "
        "`protocols`:",
        "",
        "| Field | Meaning |",
        "|---|---|",
        "| `id` | Short id of the protocol (`farnham`) |",
        "| `council`, `title`, `tier` | The council, the protocol's title, the council's tier |",
        "| `adopted`, `review_due` | Dates as precise as the document gives (`YYYY`, "
        "`YYYY-MM`, `YYYY-MM-DD`), or null |",
        "| `source` | The extracted text the protocol was transcribed from |",
        "| `based_on` | The model it says it follows, or null |",
        "| `url` | Its page on this site, relative to the site root |",
        "| `text` | The whole protocol as plain text, one clause a line, in order |",
        "| `clauses` | Every clause in document order (below) |",
        "",
        "Each clause: `id` (stable; the anchor on the protocol page), `number` and `label` "
        "(the printed number without and with its punctuation), `kind` (heading, paragraph, "
        "item, quote, row), `parent` (the enclosing clause's id), `heading` (the enclosing "
        "headings' texts), `text`, `url`, and `line` (in the source file).",
        "",
    ]
    if omap:
        out += [
            "## obligations.json {#obligations-json}",
            "",
            "[Download obligations.json](data/obligations.json). `themes` (`id`, `title`, "
            "`description`) and `obligations`, each with:",
            "",
            "| Field | Meaning |",
            "|---|---|",
            "| `id`, `title`, `theme` | The obligation and its theme's id |",
            "| `who` | Whom it binds or benefits: councillors, officers, senior-officers, "
            "chairs, council, both |",
            "| `kind` | duty, prohibition, permission, right, expectation, principle, "
            "procedure, definition |",
            "| `statement` | A neutral one-sentence statement |",
            "| `model`, `model_scope`, `not_for_model` | Model wording (with `{variables}`), "
            "when it applies, or why it is left out |",
            "| `url` | Its page on this site |",
            "| `sources` | By protocol id: `status` (full, partial, absent), `strength` (must, "
            "should, may, expected, or null), `clauses` (ids), `note` |",
            "",
            "## matrix.csv {#matrix-csv}",
            "",
            "[Download matrix.csv](data/matrix.csv). One row per obligation: `theme`, "
            "`obligation`, `title`, `who`, `kind`, then for each protocol "
            "`<id>_status`, `<id>_strength` and `<id>_clauses` (space-separated clause ids). "
            "UTF-8, comma-separated, with a header row.",
            "",
        ]
    out += [
        "Licence: the protocols are the councils' published documents; the mapping and "
        "code are MIT-licensed.",
        "",
    ]
    return "\n".join(out)


def placeholder(title: str, text: str) -> str:
    return f"# {title}\n\n{text}\n"
