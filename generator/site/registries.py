"""Actor, place and tag pages: the list of each registry, and each entry's page of events.

A list longer than a page goes on numbered pages; the later pages stay out of search (the
first one is found by the entry's names and aliases).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Actor, Event, Place, Statement, Tag
from .context import Site
from .markup import render_page
from .paging import Pager, numbered_pages, numbered_title

__all__ = ["Row", "SaidBy", "events_by_entry", "registry_pages", "statements_by_actor"]

Entry = Actor | Place | Tag


@dataclass(frozen=True)
class Row:
    """A line of a registry's list: the entry and how many events name it."""

    item: Entry
    events: int


@dataclass(frozen=True)
class SaidBy:
    """A statement an actor made about an event, and how the event stands today."""

    event: Event
    statement: Statement

    @property
    def overturned(self) -> bool:
        """True when the actor denied or disputed what is now confirmed."""
        return self.statement.stance in ("denies", "disputes") and self.event.status == "confirmed"


def statements_by_actor(events: Sequence[Event]) -> dict[str, list[SaidBy]]:
    """Actor id → every statement it made, in the order they were made."""
    said: dict[str, list[SaidBy]] = defaultdict(list)
    for event in events:
        for statement in event.history:
            for actor in statement.by:
                said[actor].append(SaidBy(event, statement))
    for items in said.values():
        items.sort(key=lambda s: (s.statement.day, s.event.sort_key()))
    return said


def events_by_entry(events: Sequence[Event]) -> dict[tuple[str, str], list[Event]]:
    """(registry, id) → the events that name it, in timeline order."""
    index: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        for actor in event.all_actors:
            index[("actors", actor)].append(event)
        for place in event.places:
            index[("places", place)].append(event)
        for tag in event.tags:
            index[("tags", tag)].append(event)
    return index


def _describe(site: Site, item: Entry) -> str:
    if isinstance(item, Tag) and item.description:
        return site.plain(item, "description")
    return site.t("pages.entry_description", name=site.plain(item, "name"))


def _index(site: Site, kind: str, rows: tuple[Row, ...]) -> str:
    """Every actor, place or tag, with how many events name each."""
    meta = {"title": site.t(f"pages.{kind}"),
            "description": site.t("pages.registry_description", kind=site.t(f"pages.kind_{kind}"))}  # fmt: skip
    return render_page("registry_index.md.j2", meta, site=site, page=site.layout.registry(kind), kind=kind, rows=rows)


def _entry(
    site: Site,
    kind: str,
    item: Entry,
    path: str,
    k: int,
    events: tuple[Event, ...],
    total: int,
    pager: Pager | None,
    said: tuple[SaidBy, ...],
) -> str:
    """Page ``k`` (from 0) of the events naming one actor, place or tag."""
    meta: dict[str, Any] = {
        "title": numbered_title(site.plain(item, "name"), k, site.words),
        "description": _describe(site, item),
        "timeline": {"source": site.registry_paths.get(kind)},
    }
    if k > 0:
        meta["search"] = {"exclude": True}
    return render_page(
        "registry_item.md.j2", meta, site=site, page=path, kind=kind, item=item, events=events, total=total,
        first=k == 0, pager=pager, said=said,
    )  # fmt: skip


def registry_pages(
    site: Site, kind: str, named: dict[tuple[str, str], list[Event]], said: dict[str, list[SaidBy]]
) -> dict[str, str]:
    """The list of every actor, place or tag, and each one's pages of events (an actor's first page
    with the statements it made)."""
    memo, layout = site.memo, site.layout
    entries = sorted(site.registry(kind).values(), key=lambda item: site.plain(item, "name").casefold())
    rows = tuple(Row(item, len(named.get((kind, item.id), ()))) for item in entries)
    pages = {layout.registry(kind): memo.call(_index, site, kind, rows)}
    for item in site.registry(kind).values():
        events = named.get((kind, item.id), [])
        listing = numbered_pages(layout.entry(kind, item.id), events, site.page_size, site.plain(item, "name"),
                                 site.words)  # fmt: skip
        for k, (path, chunk, pager) in enumerate(listing):
            statements = tuple(said.get(item.id, ())) if kind == "actors" and k == 0 else ()
            pages[path] = memo.call(_entry, site, kind, item, path, k, chunk, len(events), pager, statements)
    return pages
