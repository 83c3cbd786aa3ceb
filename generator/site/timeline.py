"""The timeline's pages: one page while it fits, else an index of years and a page per part."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..knowledge import known_from
from ..model import STATUSES, Event
from .context import Site
from .markup import render_page
from .overview import Overview, overview
from .paging import Pager, TimelinePart, TimelinePlan, YearEntry, by_year

__all__ = ["Facet", "FacetOption", "facets", "timeline_pages"]


@dataclass(frozen=True)
class FacetOption:
    """One value of a filter, with how many of the page's events have it."""

    value: str
    text: str
    count: int


@dataclass(frozen=True)
class Facet:
    """One filter of a listing: its field name, its label, and the values the listing's events have."""

    name: str
    label: str
    options: tuple[FacetOption, ...]


def facets(site: Site, events: Sequence[Event]) -> tuple[Facet, ...]:
    """A listing's filters: for each facet, the values its events have, with how many have each."""
    counted: dict[str, Counter[str]] = {"actors": Counter(), "places": Counter(), "tags": Counter()}
    for event in events:
        counted["actors"].update(set(event.all_actors))
        counted["places"].update(event.places)
        counted["tags"].update(event.tags)
    found = []
    for name, kind in (("actor", "actors"), ("place", "places"), ("tag", "tags")):
        named = sorted((site.plain(i, "name"), i.id) for i in site.registry(kind).values() if counted[kind][i.id])
        options = tuple(
            FacetOption(i, text, counted[kind][i]) for text, i in sorted(named, key=lambda n: n[0].casefold())
        )
        found.append(Facet(name, site.t(f"ui.{name}"), options))
    statuses = Counter(e.status for e in events)
    options = tuple(FacetOption(s, site.words.status_title(s), statuses[s]) for s in STATUSES if statuses[s])
    found.append(Facet("status", site.t("ui.status"), options))
    return tuple(found)


@dataclass(frozen=True)
class Known:
    """The days a listing's as-of control can be set to: from the first day any of its events was
    known to the last day anything about them was said or published."""

    first: str
    last: str


def known_range(events: Sequence[Event]) -> Known:
    """The span of days over which what was known of ``events`` changed."""
    if not events:
        return Known("", "")
    first = min(known_from(e) for e in events)
    last = max(max(s.published for s in e.all_sources) for e in events)
    return Known(first.isoformat(), last.isoformat())


def _listing(
    site: Site, template: str, meta: dict[str, object], part: TimelinePart, pager: Pager | None, seen: Overview | None
) -> str:
    """A timeline page: its overview, its events by year and month, with filters and the as-of control."""
    return render_page(
        template, meta, site=site, page=part.path, part=part, years=by_year(part.events, site.words), count=len(part.events),
        filters=facets(site, part.events), pager=pager, known=known_range(part.events),
        words_json=json.dumps(site.words.script_words(), ensure_ascii=False, separators=(",", ":")),
        overview=overview(site, seen, part.path) if seen else None,
    )  # fmt: skip


def _whole(site: Site, part: TimelinePart, seen: Overview) -> str:
    """The timeline on one page."""
    meta: dict[str, object] = {"title": site.t("pages.timeline"), "description": site.t("pages.timeline_description")}
    return _listing(site, "timeline.md.j2", meta, part, None, seen)


def _index(site: Site, years: tuple[YearEntry, ...], first: TimelinePart, count: int, seen: Overview) -> str:
    """The index of a split timeline: its overview, its years and their months, with counts."""
    meta = {"title": site.t("pages.timeline"), "description": site.t("pages.timeline_description")}
    page = site.layout.timeline
    return render_page(
        "timeline_index.md.j2", meta, site=site, page=page, count=count, years=years, first=first,
        overview=overview(site, seen, page),
    )  # fmt: skip


def _part(site: Site, part: TimelinePart, pager: Pager, count: int, seen: Overview | None) -> str:
    """A year, a month or a page of a month."""
    meta: dict[str, object] = {
        "title": site.t("pages.part_title", part=part.title),
        "description": site.t("pages.part_description", part=part.title),
        # Each event is found in search by its own page, not by the listings it is on.
        "search": {"exclude": True},
    }
    return _listing(site, "timeline.md.j2", meta, part, pager, seen)


def _month_end(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1) - dt.timedelta(days=1)


def overviews(site: Site, plan: TimelinePlan, events: Sequence[Event]) -> dict[str, Overview]:
    """The overview of each timeline page that has one: the whole timeline, each year, each month
    (on its first page), each listing what its span holds, finer as the span is shorter."""
    first, last = site.scale
    periods: list[tuple[dt.date, str]] = []
    for year in plan.years:
        start = dt.date(int(year.title), 1, 1)
        periods.append((start, year.path))
        periods += [(dt.date(start.year, int(m.path.rsplit("/", 1)[1][:2]), 1), m.path) for m in year.months]
    periods.sort()
    found = {
        site.layout.timeline: Overview(tuple(events), first, last, tuple(periods) or ((first, site.layout.timeline),))
    }
    in_year: dict[int, list[Event]] = {}
    in_month: dict[tuple[int, int], list[Event]] = {}
    for event in events:
        day = event.date.earliest
        in_year.setdefault(day.year, []).append(event)
        in_month.setdefault((day.year, day.month), []).append(event)
    for year in plan.years:
        start = dt.date(int(year.title), 1, 1)
        mine = tuple(p for p in periods if p[0].year == start.year)
        found[year.path] = Overview(tuple(in_year.get(start.year, ())), start, dt.date(start.year, 12, 31), mine)
        for month in year.months:
            day = dt.date(start.year, int(month.path.rsplit("/", 1)[1][:2]), 1)
            found[month.path] = Overview(tuple(in_month.get((day.year, day.month), ())), day, _month_end(day),
                                         ((day, month.path),))  # fmt: skip
    return found


def timeline_pages(site: Site, plan: TimelinePlan, events: Sequence[Event]) -> dict[str, str]:
    """Every page of the timeline: its events listed as ``plan`` says."""
    count = len(events)
    memo = site.memo
    seen = overviews(site, plan, events)
    if not plan.split:
        part = plan.parts[0]
        return {part.path: memo.call(_whole, site, part, seen[part.path])}
    pages = {
        site.layout.timeline: memo.call(_index, site, plan.years, plan.parts[0], count, seen[site.layout.timeline])
    }
    parts = plan.parts
    for k, part in enumerate(parts):
        before = parts[k - 1] if k > 0 else None
        after = parts[k + 1] if k + 1 < len(parts) else None
        position = site.t("pages.part_position", part=part.title, events=site.words.count("events", part.total),
                          total=site.words.number(count))  # fmt: skip
        pager = Pager(site.t("pages.parts_label"), position, before.link if before else None,
                      after.link if after else None, part.up)  # fmt: skip
        pages[part.path] = memo.call(_part, site, part, pager, count, seen.get(part.path))
    return pages
