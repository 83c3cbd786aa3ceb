"""Long lists on several pages: the named values pagers and timeline parts are made of.

A listing holds at most ``page_size`` events a page. The timeline, past one page, is split
by year, a busy year by month, a busy month into numbered pages; other listings into
numbered pages only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..model import Event
from .layout import Layout
from .words import Words

__all__ = [
    "PAGE_SIZE",
    "Link",
    "MonthEntry",
    "MonthGroup",
    "Pager",
    "TimelinePart",
    "TimelinePlan",
    "YearEntry",
    "YearGroup",
    "by_year",
    "chunks",
    "numbered_pager",
    "numbered_pages",
    "numbered_title",
    "plan_timeline",
    "span_label",
]

T = TypeVar("T")

PAGE_SIZE = 100
"""Events on one listing page at most. A card is about 1 KiB of HTML, so a listing page stays
far under 300 KB at any size of timeline; a longer list gets more pages."""


@dataclass(frozen=True)
class Link:
    """A docs path and the words a link to it shows."""

    path: str
    title: str


@dataclass(frozen=True)
class Pager:
    """Where a page stands among the pages of one list: the links at its top and bottom."""

    label: str
    """What the pages are, for screen readers: 'Pages of the timeline'."""
    position: str
    previous: Link | None = None
    following: Link | None = None
    up: Link | None = None
    """The page that lists this one and its siblings."""


@dataclass(frozen=True)
class MonthEntry:
    """A month of a year split into months: its page, its name and how many events it has."""

    path: str
    label: str
    count: int
    short: str = ""
    """The month's short name, for the index's table: 'Sep'."""


@dataclass(frozen=True)
class YearEntry:
    """A line of the split timeline's index: a year's page, its events, its months' pages."""

    path: str
    title: str
    count: int
    months: tuple[MonthEntry, ...] = ()


@dataclass(frozen=True)
class TimelinePart:
    """One page of a timeline too long for one page: a year, a month, or one page of a dense month."""

    path: str
    title: str
    events: tuple[Event, ...]
    up: Link | None = None
    months: tuple[MonthEntry, ...] = ()
    """For a year split into months: each month's page."""

    @property
    def link(self) -> Link:
        """A link to this part."""
        return Link(self.path, self.title)

    @property
    def total(self) -> int:
        """Its events, and for a year split into months its months' events too."""
        return len(self.events) + sum(m.count for m in self.months)


@dataclass(frozen=True)
class TimelinePlan:
    """The pages the timeline is listed on, in date order, and the index of a split timeline."""

    parts: tuple[TimelinePart, ...]
    years: tuple[YearEntry, ...]
    """Empty when the whole timeline is on one page."""

    @property
    def split(self) -> bool:
        """True when the timeline is longer than one page."""
        return bool(self.years)


@dataclass(frozen=True)
class MonthGroup:
    """The events of one month on a timeline page."""

    month: int
    label: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class YearGroup:
    """The events of one year on a timeline page: the whole-year ones first, then by month."""

    year: int
    whole: tuple[Event, ...]
    months: tuple[MonthGroup, ...]


def by_year(events: Iterable[Event], words: Words) -> tuple[YearGroup, ...]:
    """Group events for a timeline page: per year, the whole-year events, then per month.

    Every event sits under the year and month of the earliest day it can mean, so the page
    keeps the timeline's total order; events dated to a whole year come first in their year,
    under no month.
    """
    years: dict[int, tuple[list[Event], dict[int, list[Event]]]] = {}
    for event in events:
        day = event.date.earliest
        whole, months = years.setdefault(day.year, ([], {}))
        if event.date.precision == "year":
            whole.append(event)
        else:
            months.setdefault(day.month, []).append(event)
    return tuple(
        YearGroup(
            year,
            tuple(whole),
            tuple(MonthGroup(n, words.month_year(dt.date(year, n, 1)), tuple(m)) for n, m in months.items()),
        )
        for year, (whole, months) in years.items()
    )


def chunks(path: str, items: Sequence[T], size: int) -> list[tuple[str, tuple[T, ...]]]:
    """A list cut into pages: ``path`` first, then ``<path without .md>/page/2.md``, …"""
    return [
        (Layout.numbered(path, start // size), tuple(items[start : start + size]))
        for start in range(0, max(len(items), 1), size)
    ]


def numbered_title(title: str, k: int, words: Words) -> str:
    """The title of page ``k`` (from 0) of a list: 'Russia', 'Russia, page 2'."""
    return title if k == 0 else words.t("pages.page_title", title=title, n=k + 1)


def numbered_pager(
    pages: Sequence[tuple[str, object]], k: int, label: str, about: str, words: Words, up: Link | None = None
) -> Pager | None:
    """The links between the numbered pages of one list, on its page ``k`` (None if it has one page)."""
    if len(pages) < 2:
        return None
    return Pager(
        label,
        words.t("pages.page_position", n=k + 1, total=len(pages), about=about),
        Link(pages[k - 1][0], words.t("pages.page_n", n=k)) if k > 0 else None,
        Link(pages[k + 1][0], words.t("pages.page_n", n=k + 2)) if k + 1 < len(pages) else None,
        up,
    )


def span_label(events: Sequence[Event], words: Words) -> str:
    """The months a page of a listing covers: 'March 2024 – May 2024'."""
    if not events:
        return words.t("pages.no_events")
    first, last = (words.month_year(e.date.earliest) for e in (events[0], events[-1]))
    return first if first == last else f"{first} – {last}"


def plan_timeline(events: Sequence[Event], size: int, layout: Layout, words: Words) -> TimelinePlan:
    """The pages the timeline is listed on.

    One page while the timeline fits on one; beyond that a page per year, and a year with more
    events than a page holds gets a page per month (its whole-year events stay on the year's
    page), a dense month several pages.
    """
    top = Link(layout.timeline, words.t("pages.timeline"))
    if len(events) <= size:
        return TimelinePlan((TimelinePart(top.path, top.title, tuple(events)),), ())
    parts: list[TimelinePart] = []
    years: list[YearEntry] = []
    for group in by_year(events, words):
        year_path, title = layout.year(group.year), str(group.year)
        every = group.whole + tuple(e for month in group.months for e in month.events)
        if len(every) <= size:
            parts.append(TimelinePart(year_path, title, every, top))
            years.append(YearEntry(year_path, title, len(every)))
            continue
        months = tuple(MonthEntry(layout.month(group.year, m.month), m.label, len(m.events), words.month_short(m.month))
                       for m in group.months)  # fmt: skip
        years.append(YearEntry(year_path, title, len(every), months))
        for k, (path, chunk) in enumerate(chunks(year_path, group.whole, size)):
            parts.append(TimelinePart(path, numbered_title(title, k, words), chunk, top, months if k == 0 else ()))
        for entry, month in zip(months, group.months, strict=True):
            for k, (path, chunk) in enumerate(chunks(entry.path, month.events, size)):
                parts.append(TimelinePart(path, numbered_title(month.label, k, words), chunk, Link(year_path, title)))
    return TimelinePlan(tuple(parts), tuple(years))


def numbered_pages(
    path: str, events: Sequence[Event], size: int, title: str, words: Words
) -> list[tuple[str, tuple[Event, ...], Pager | None]]:
    """A listing of ``events`` starting at ``path`` on numbered pages: (docs path, its events, its pager)."""
    pages = chunks(path, events, size)
    return [
        (
            page,
            chunk,
            numbered_pager(pages, k, words.t("pages.pages_of", title=title), f": {span_label(chunk, words)}", words),
        )
        for k, (page, chunk) in enumerate(pages)
    ]
