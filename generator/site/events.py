"""Event pages: one per event, and a forwarding page at each of its former ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Event
from .context import Site
from .jsonld import event_meta
from .markup import render_page
from .paging import Link

__all__ = ["Neighbours", "event_pages", "neighbours"]


@dataclass(frozen=True)
class Neighbours:
    """What an event page shows of other events: the ones before and after it, its related
    events, and the part of the timeline it is listed on."""

    previous: Event | None
    following: Event | None
    related: tuple[Event, ...]
    part: Link


def neighbours(events: Sequence[Event], part_of: dict[str, Link]) -> list[Neighbours]:
    """Each event's neighbours, in the order of ``events`` (the timeline's)."""
    by_id = {e.id: e for e in events}
    return [
        Neighbours(
            events[i - 1] if i > 0 else None,
            events[i + 1] if i + 1 < len(events) else None,
            tuple(sorted((by_id[r] for r in event.related if r in by_id), key=Event.sort_key)),
            part_of[event.id],
        )
        for i, event in enumerate(events)
    ]


def event_pages(site: Site, event: Event, around: Neighbours) -> dict[str, str]:
    """An event's page and a redirect page for each of its aliases."""
    layout = site.layout
    path = layout.event(event.id)
    pages = {
        path: render_page("event.md.j2", event_meta(site, event), site=site, page=path, event=event, around=around)
    }
    for alias in event.aliases:
        old = layout.event(alias)
        meta = {
            "title": site.plain(event, "title"),
            "redirect": layout.href(old, path),
            "search": {"exclude": True},
            "timeline": {"alias_of": event.id, "source": event.path},
        }
        pages[old] = render_page("alias.md.j2", meta, site=site, page=old, event=event)
    return pages
