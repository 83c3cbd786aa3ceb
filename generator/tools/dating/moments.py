"""The times a news sentence can name, as values: points and spans of the EDTF subset, and the calendar sums on them.

Pure data and arithmetic, no words: the rules in the sibling modules turn words into these.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

__all__ = [
    "Placement",
    "Point",
    "Span",
    "Time",
    "day_point",
    "first_day",
    "last_day",
    "month_point",
    "place",
    "shift_months",
    "week_of",
    "weekend_of",
]

# The first month of each season code; each lasts three months (winter runs into the next year).
_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}

# Which one of the candidates (one per year) the words mean, relative to publication:
#   latest  the latest that has begun by publication (the current one counts)
#   first   the first that has not ended by publication (the current one counts)
#   before  the latest that ended before publication
#   after   the first that begins after publication
Placement = Literal["latest", "first", "before", "after"]


@dataclass(frozen=True)
class Point:
    """One date: a day, a month, a season (month 21-24) or a year, maybe approximate (~) or uncertain (?)."""

    year: int
    month: int | None = None
    day: int | None = None
    qualifier: Literal["", "~", "?"] = ""

    def edtf(self) -> str:
        """The date as the content model writes it: 2024-09-10, 2024-09~, 2024-23, 2025?."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text + self.qualifier

    def qualified(self, qualifier: Literal["~", "?"]) -> Point:
        """The same date with a qualifier; one already there is kept (the subset allows one)."""
        return self if self.qualifier else replace(self, qualifier=qualifier)


@dataclass(frozen=True)
class Span:
    """An interval; a side that is None is open ('..')."""

    start: Point | None
    end: Point | None

    def edtf(self) -> str:
        """START/END, '..' for an open side."""
        return f"{self.start.edtf() if self.start else '..'}/{self.end.edtf() if self.end else '..'}"

    def qualified(self, qualifier: Literal["~", "?"]) -> Span:
        """Both closed sides qualified: 'around 2015-2020' is vague at both ends."""
        return Span(
            self.start.qualified(qualifier) if self.start else None,
            self.end.qualified(qualifier) if self.end else None,
        )


Time = Point | Span


def _point_first(point: Point) -> dt.date:
    if point.month in _SEASON_START:
        return dt.date(point.year, _SEASON_START[point.month], 1)
    return dt.date(point.year, point.month or 1, point.day or 1)


def _point_last(point: Point) -> dt.date:
    if point.day is not None and point.month is not None:
        return dt.date(point.year, point.month, point.day)
    if point.month in _SEASON_START:
        year, month = shift_months(point.year, _SEASON_START[point.month], 2)
    elif point.month is not None:
        year, month = point.year, point.month
    else:
        year, month = point.year, 12
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def first_day(time: Time) -> dt.date:
    """The first day a time can mean (an interval open at the start: its end's first day)."""
    if isinstance(time, Point):
        return _point_first(time)
    side = time.start or time.end
    assert side is not None  # no rule makes an interval open at both ends
    return _point_first(side)


def last_day(time: Time) -> dt.date:
    """The last day a time can mean (an interval still open: the last day there is)."""
    if isinstance(time, Point):
        return _point_last(time)
    return _point_last(time.end) if time.end else dt.date.max


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The (year, month) ``delta`` months from (year, month)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_point(year: int, month: int, day: int | None = None) -> Point | None:
    """A month or a day of it, or None for a day that does not exist ("31 February")."""
    if not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return Point(year, month, day)


def place(make: Callable[[int], Time | None], published: dt.date, placement: Placement) -> Time | None:
    """The candidate (``make(year)`` for the years around publication) that ``placement`` picks."""
    candidates = [t for y in range(published.year - 3, published.year + 4) if (t := make(y)) is not None]
    if placement == "latest":
        chosen = [t for t in candidates if first_day(t) <= published]
        return chosen[-1] if chosen else None
    if placement == "first":
        chosen = [t for t in candidates if last_day(t) >= published]
        return chosen[0] if chosen else None
    if placement == "before":
        chosen = [t for t in candidates if last_day(t) < published]
        return chosen[-1] if chosen else None
    chosen = [t for t in candidates if first_day(t) > published]
    return chosen[0] if chosen else None


def week_of(day: dt.date) -> Span:
    """The Monday-to-Sunday week a day is in."""
    monday = day - dt.timedelta(days=day.weekday())
    return _days(monday, monday + dt.timedelta(days=6))


def weekend_of(day: dt.date) -> Span:
    """The Saturday and Sunday of the Monday-to-Sunday week a day is in."""
    saturday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=5)
    return _days(saturday, saturday + dt.timedelta(days=1))


def day_point(day: dt.date, qualifier: Literal["", "~", "?"] = "") -> Point:
    """A calendar day as a point."""
    return Point(day.year, day.month, day.day, qualifier)


def _days(first: dt.date, last: dt.date) -> Span:
    return Span(day_point(first), day_point(last))
