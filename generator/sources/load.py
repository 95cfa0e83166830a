"""Reading source protocols: the I/O edge for ``source_protocols/*.md``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.core import yamlload
from generator.core.dates import PartialDate, parse_date
from generator.core.decoding import decode_text
from generator.core.problems import Problem
from generator.core.suggest import hint
from generator.core.types import Metadata, Protocol, Tier
from generator.core.words import Dropped
from generator.sources.ids import SLUG_PATTERN
from generator.sources.parse import parse_body

REQUIRED = ("council", "title", "tier", "source")
OPTIONAL = (
    "adopted",
    "review_due",
    "based_on",
    "dropped",
    "document_title",
    "source_url",
    "source_url_note",
    "retrieved",
    "transcription",
)
TEXTS = ("document_title", "source_url_note", "transcription")
"""Optional keys whose value is one line of text a reader sees."""
UNKNOWN = "unknown"
"""What ``retrieved:`` says when the date the text was taken was not recorded."""
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")


def split_front_matter(path: str, text: str) -> tuple[str, str, int, list[Problem]]:
    """Split ``---`` front matter from the body: (yaml, body, body's first line, problems)."""
    if not text.startswith("---\n"):
        return (
            "",
            text,
            1,
            [Problem(path, 1, "missing front matter: the file must start with a '---' line")],
        )
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            return (
                "",
                "",
                1,
                [Problem(path, 1, "front matter is not closed: add a '---' line after it")],
            )
    front = text[4 : end + 1]
    body = text[end + 5 :]
    body_line = front.count("\n") + 3
    return front, body, body_line, []


def _load_yaml(path: str, front: str) -> tuple[Any, list[Problem]]:
    try:
        return yamlload.load(front), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 1
        col = mark.column + 1 if mark else 0
        return None, [
            Problem(path, line, f"front matter is not valid YAML: {exc.problem}", column=col)
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(path, 1, f"front matter is not valid YAML: {exc}")]


def _key_line(data: Any, key: str) -> int:
    try:
        return int(data.lc.key(key)[0]) + 2
    except (AttributeError, KeyError, TypeError):
        return 2


def read_metadata(path: str, front: str) -> tuple[Metadata | None, list[Problem]]:
    """Validate the front matter; every problem is reported, located."""
    data, problems = _load_yaml(path, front)
    if problems:
        return None, problems
    if not isinstance(data, Mapping):
        return None, [Problem(path, 2, "front matter must be a mapping of 'key: value' lines")]
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            closest = hint(str(key), REQUIRED + OPTIONAL)
            problems.append(Problem(path, _key_line(data, key), f"unknown key '{key}'{closest}"))
    for key in REQUIRED:
        if key not in data or data[key] in (None, ""):
            problems.append(Problem(path, 2, f"missing required key '{key}'"))
    tier: Tier | None = None
    if "tier" in data and data["tier"] not in (None, ""):
        try:
            tier = Tier(str(data["tier"]))
        except ValueError:
            names = [t.value for t in Tier]
            closest = hint(str(data["tier"]), names, 1)
            problems.append(
                Problem(
                    path,
                    _key_line(data, "tier"),
                    f"unknown tier '{data['tier']}'{closest}; tiers are {', '.join(names)}",
                )
            )
    for key in ("adopted", "review_due"):
        value = data.get(key)
        if value is None:
            continue
        try:
            parse_date(value)
        except ValueError as exc:
            problems.append(Problem(path, _key_line(data, key), f"'{key}': {exc}"))
    problems += _provenance_problems(path, data)
    dropped: list[Dropped] = []
    for n, entry in enumerate(data.get("dropped") or []):
        line = _key_line(data, "dropped") + 1 + n
        if not isinstance(entry, Mapping) or not ({"line", "bullet"} & set(entry)):
            problems.append(
                Problem(path, line, "each 'dropped' entry needs 'line:' or 'bullet:' and 'reason:'")
            )
            continue
        dropped.append(
            Dropped(
                line=str(entry["line"]) if "line" in entry else None,
                bullet=str(entry["bullet"]) if "bullet" in entry else None,
                reason=str(entry.get("reason", "")),
            )
        )
    if problems or tier is None:
        return None, problems

    def opt(key: str) -> str | None:
        v = data.get(key)
        return None if v is None else str(v)

    return (
        Metadata(
            council=str(data["council"]),
            title=str(data["title"]),
            tier=tier,
            source=str(data["source"]),
            adopted=_date(data.get("adopted")),
            review_due=_date(data.get("review_due")),
            based_on=opt("based_on"),
            dropped=tuple(dropped),
            document_title=opt("document_title"),
            source_url=opt("source_url"),
            source_url_note=opt("source_url_note"),
            retrieved=_retrieved(data.get("retrieved")),
            transcription=opt("transcription"),
        ),
        [],
    )


def parse_protocol(
    path: str, data: bytes, slug: str | None = None
) -> tuple[Protocol | None, list[Problem]]:
    """Parse one source protocol file's bytes. Pure: the caller reads the file."""
    slug = slug or Path(path).stem
    problems: list[Problem] = []
    if not SLUG_PATTERN.match(slug):
        problems.append(
            Problem(
                path,
                0,
                f"file name '{slug}' is not a valid protocol slug: use lowercase letters, "
                "digits and single hyphens, starting with a letter (e.g. 'west-mersea.md')",
            )
        )
    text, bad = decode_text(path, data)
    if text is None:
        return None, problems + bad
    text = text.replace("\r\n", "\n")
    front, body, body_line, bad = split_front_matter(path, text)
    problems += bad
    meta, bad = read_metadata(path, front) if front else (None, [])
    problems += bad
    clauses, bad = parse_body(slug, body, body_line, path)
    problems += bad
    if not [c for c in clauses if c.kind.value != "heading"]:
        problems.append(
            Problem(
                path,
                body_line,
                "no clauses found: the body has no paragraphs, list items or table rows",
            )
        )
    if problems or meta is None:
        return None, problems
    return Protocol(slug=slug, path=path, meta=meta, clauses=clauses, body_line=body_line), []


def read_protocols(directory: Path) -> tuple[list[Protocol], list[Problem]]:
    """Read every ``*.md`` in ``directory`` (sorted by name); all problems at once."""
    protocols: list[Protocol] = []
    problems: list[Problem] = []
    files = sorted(directory.glob("*.md"))
    if not files:
        problems.append(Problem(str(directory), 0, "no protocol files (*.md) found"))
    for f in files:
        try:
            if not f.is_file():
                what = "a folder" if f.is_dir() else _not_regular(f)
                problems.append(Problem(str(f), 0, f"is {what}; a protocol must be a .md file"))
                continue
            data = f.read_bytes()
        except OSError as exc:
            problems.append(Problem(str(f), 0, f"cannot read: {exc.strerror or exc}"))
            continue
        protocol, bad = parse_protocol(str(f), data)
        problems += bad
        if protocol:
            protocols.append(protocol)
    return protocols, problems


def _date(value: object) -> PartialDate | None:
    return None if value is None else parse_date(value)


def _not_regular(path: Path) -> str:
    """What a path that is neither a file nor a folder is, in a few words."""
    if path.is_symlink() and not path.exists():
        return "a broken symbolic link"
    return "not a regular file (a pipe, a socket or a device)"


def _retrieved(value: object) -> PartialDate | None:
    return None if value is None or str(value).strip().lower() == UNKNOWN else parse_date(value)


def _provenance_problems(path: str, data: Mapping[Any, Any]) -> list[Problem]:
    """Where the text comes from: a web address, a date or 'unknown', and sentences."""
    problems: list[Problem] = []
    for key in TEXTS:
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(Problem(path, _key_line(data, key), f"'{key}' must be a line of text"))
    url = data.get("source_url")
    if url is not None and not (isinstance(url, str) and _URL.match(url)):
        problems.append(
            Problem(
                path,
                _key_line(data, "source_url"),
                f"'source_url': {url!r} is not a web address starting http:// or https://; "
                "when the council's copy cannot be found, leave it out and say so in "
                "'source_url_note'",
            )
        )
    retrieved = data.get("retrieved")
    if retrieved is not None and str(retrieved).strip().lower() != UNKNOWN:
        try:
            parse_date(retrieved)
        except ValueError as exc:
            problems.append(
                Problem(
                    path,
                    _key_line(data, "retrieved"),
                    f"'retrieved': {exc}, or '{UNKNOWN}' when it was not recorded",
                )
            )
    return problems
