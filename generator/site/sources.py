"""The sources pages: every cited article or statement, by publisher, with the events citing it.

On one page while they fit; else an index of publishers and a page per publisher, in
numbered pages of its own when it is cited often.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Event, Source
from .context import Site
from .markup import render_page
from .paging import Link, Pager, chunks, numbered_pager, numbered_title

__all__ = ["PublisherEntry", "SourceGroup", "SourceRows", "source_groups", "sources_pages"]


@dataclass(frozen=True)
class SourceGroup:
    """One cited article or statement, with the events that cite it."""

    source: Source
    events: tuple[Event, ...]


@dataclass(frozen=True)
class SourceRows:
    """A source as one page shows it: the citing events on this page, and whether the list
    began on the page before."""

    group: SourceGroup
    events: tuple[Event, ...]
    continued: bool = False


@dataclass(frozen=True)
class PublisherEntry:
    """A line of the publishers' index."""

    path: str
    name: str
    sources: int
    citations: int


def source_groups(events: Sequence[Event]) -> dict[str, list[SourceGroup]]:
    """Sources grouped by publisher; one entry per distinct article, with the events citing it."""
    cited: dict[tuple[Any, ...], dict[str, Event]] = defaultdict(dict)
    first: dict[tuple[Any, ...], Source] = {}
    for event in events:
        for source in event.all_sources:
            key = (source.publisher, source.title, source.published, source.url)
            first.setdefault(key, source)
            cited[key][event.id] = event
    groups: dict[str, list[SourceGroup]] = defaultdict(list)
    for key in sorted(first, key=lambda k: (k[0].casefold(), k[2], k[1])):
        groups[key[0]].append(SourceGroup(first[key], tuple(cited[key].values())))
    return dict(groups)


def _meta(site: Site) -> dict[str, object]:
    return {"title": site.t("pages.sources"), "description": site.t("pages.sources_description")}


def _whole(site: Site, groups: tuple[tuple[str, tuple[SourceRows, ...]], ...], total: int) -> str:
    return render_page(
        "sources.md.j2", _meta(site), site=site, page=site.layout.sources, groups=dict(groups), total=total,
        publisher=None, pager=None,
    )  # fmt: skip


def _index(site: Site, publishers: tuple[PublisherEntry, ...], total: int) -> str:
    page = site.layout.sources
    return render_page("sources_index.md.j2", _meta(site), site=site, page=page, publishers=publishers, total=total)


def _publisher(
    site: Site, publisher: str, path: str, k: int, rows: tuple[SourceRows, ...], total: int, pager: Pager | None
) -> str:
    meta = {
        "title": numbered_title(site.t("pages.publisher_title", publisher=publisher), k, site.words),
        "description": site.t("pages.publisher_description", publisher=publisher),
    }
    return render_page(
        "sources.md.j2", meta, site=site, page=path, groups={publisher: rows}, total=total, publisher=publisher,
        pager=pager,
    )  # fmt: skip


def _page_rows(pages: list[tuple[str, tuple[tuple[SourceGroup, Event], ...]]], k: int) -> tuple[SourceRows, ...]:
    """Page ``k``'s (source, citing event) pairs as sources with their events."""
    shown: list[SourceRows] = []
    for group, event in pages[k][1]:
        if shown and shown[-1].group is group:
            shown[-1] = SourceRows(group, (*shown[-1].events, event), shown[-1].continued)
            continue
        # The page's first source may have begun on the page before.
        continued = not shown and k > 0 and pages[k - 1][1][-1][0] is group
        shown.append(SourceRows(group, (event,), continued))
    return tuple(shown)


def sources_pages(site: Site, events: Sequence[Event]) -> tuple[dict[str, str], int]:
    """The sources' pages, and how many sources there are."""
    memo, layout = site.memo, site.layout
    groups = source_groups(events)
    total = sum(len(items) for items in groups.values())
    # A line per citing event, with its source's heading and citation now and then: about half a
    # card, so twice as many fit on a page (three times made pages of 320 KB at 3,000 events).
    budget = site.page_size * 2
    if sum(len(g.events) for items in groups.values() for g in items) <= budget:
        whole = tuple((name, tuple(SourceRows(g, g.events) for g in items)) for name, items in groups.items())
        return {layout.sources: memo.call(_whole, site, whole, total)}, total
    paths = layout.publishers(groups)
    index = tuple(
        PublisherEntry(paths[name], name, len(items), sum(len(g.events) for g in items))
        for name, items in groups.items()
    )
    pages = {layout.sources: memo.call(_index, site, index, total)}
    up = Link(layout.sources, site.t("pages.all_publishers"))
    for name, items in groups.items():
        numbered = chunks(paths[name], [(g, e) for g in items for e in g.events], budget)
        for k, (path, _) in enumerate(numbered):
            pager = numbered_pager(numbered, k, site.t("pages.publisher_pages", publisher=name), "", site.words, up)
            pages[path] = memo.call(_publisher, site, name, path, k, _page_rows(numbered, k), len(items), pager)
    return pages, total
