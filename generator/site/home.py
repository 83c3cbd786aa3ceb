"""What the hand-written home page includes (through pymdownx.snippets): the latest events."""

from __future__ import annotations

from ..model import Event
from .context import Site
from .markup import render_page

__all__ = ["latest_partial"]

LATEST = 5


def latest_partial(site: Site, latest: tuple[Event, ...], count: int, source_count: int) -> str:
    """The newest events, newest first, with how many events and sources the timeline holds.

    A partial, not a page: its links are written from the home page that includes it."""
    return render_page(
        "latest.md.j2", None, site=site, page=site.layout.home, latest=latest, count=count, source_count=source_count
    )
