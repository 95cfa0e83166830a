"""Signs a page can be trusted: who publishes it, how to report an error, when the data changed.

The publisher comes from ``mkdocs.yml`` ``extra.publisher`` (read by ``hooks.py`` and passed
in as a ``Publisher``); the "last updated" date comes from the data, never the clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from generator.core.dates import PartialDate
from generator.core.types import Protocol
from generator.map.obligations import ObligationMap


@dataclass(frozen=True)
class Publisher:
    """Where errors are reported: an issue-form address template and/or an email address."""

    issue_url: str | None = None
    """An http(s) address with ``{title}`` and ``{body}`` to fill in, URL-encoded."""
    feedback_email: str | None = None
    site_url: str | None = None
    """The site's own address, so a report names the page it is about in full."""

    @classmethod
    def from_config(cls, extra: Mapping[str, object], site_url: object = None) -> Publisher:
        """From ``extra.publisher`` of the MkDocs configuration (missing keys are None)."""
        block = extra.get("publisher")
        values = block if isinstance(block, Mapping) else {}

        def text(key: str) -> str | None:
            value = values.get(key)
            return value.strip() or None if isinstance(value, str) else None

        issue = text("issue_url")
        if issue is not None and not issue.startswith(("https://", "http://")):
            issue = None
        site = site_url.strip() if isinstance(site_url, str) and site_url.strip() else None
        return cls(issue_url=issue, feedback_email=text("feedback_email"), site_url=site)


def report_url(publisher: Publisher | None, title: str, page_url: str) -> str | None:
    """The address of 'report an error' about ``title`` on the page at ``page_url`` (a site
    address such as ``protocols/crawley/#crawley-9-1``): the issue form when configured,
    else an email; None when neither is."""
    if publisher is None:
        return None
    where = (publisher.site_url.rstrip("/") + "/" if publisher.site_url else "") + page_url
    body = f"Page: {where}\n\nWhat is wrong, and what should it say?\n"
    if publisher.issue_url:
        return publisher.issue_url.replace("{title}", quote(title, safe="")).replace(
            "{body}", quote(body, safe="")
        )
    if publisher.feedback_email:
        return f"mailto:{publisher.feedback_email}?subject={quote(title, safe='')}&body=" + quote(
            body, safe=""
        )
    return None


@dataclass(frozen=True)
class LastUpdated:
    """When the data last changed, and which date that is."""

    date: PartialDate
    source: str
    """What the date is: 'the newest correction to the obligation map' or 'the newest
    adoption date of a protocol'."""


def last_updated(protocols: Sequence[Protocol], omap: ObligationMap | None) -> LastUpdated | None:
    """The newest correction's date, or (with none) the newest adoption date; None if neither."""
    corrections = [c.date for c in omap.corrections] if omap else []
    if corrections:
        newest = max(corrections, key=PartialDate.latest)
        return LastUpdated(newest, "the newest correction to the obligation map")
    adopted = [p.meta.adopted for p in protocols if p.meta.adopted is not None]
    if adopted:
        newest = max(adopted, key=PartialDate.latest)
        return LastUpdated(newest, "the newest adoption date of a protocol")
    return None
