"""The date language: a strict subset of EDTF (ISO 8601-2), parsed, ordered and displayed.

The allowed forms are those of the content model; CONTRIBUTING.md has the one table of them,
with how each is shown ("2024-23" → "Autumn 2024").

Seasons are meteorological and northern-hemisphere: spring is March–May, summer
June–August, autumn September–November, and winter ``YYYY-24`` is December of YYYY to
February of YYYY+1 (the ``edtf`` package, our test oracle, ends it on 31 December instead).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["ALLOWED_FORMS", "DateError", "DatePoint", "EventDate", "Precision", "parse_date"]

ALLOWED_FORMS = (
    "a day 2023-09-10, a month 2025-01, a year 2024, a season 2024-23 "
    "(21 spring, 22 summer, 23 autumn, 24 winter), approximate 2024-09~, "
    "uncertain 2025-04?, or an interval 2024-08-06/2025-04-26 ('..' for an open end)"
)

SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
# First month of each season; each lasts three months.
_SEASON_START = {21: 3, 22: 6, 23: 9, 24: 12}

_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<mm>\d{2})(?:-(?P<dd>\d{2}))?)?(?P<qual>[~?])?")


class DateError(ValueError):
    """A date that is not in the allowed subset; the message says what would be right."""


class Precision(StrEnum):
    """How precise a single date is."""

    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


@dataclass(frozen=True)
class DatePoint:
    """One side of a date: a day, month, season or year, maybe approximate or uncertain."""

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def precision(self) -> Precision:
        """Whether this is a day, a month, a season or a year."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.season is not None:
            return Precision.SEASON
        return Precision.YEAR

    @property
    def earliest(self) -> dt.date:
        """The first day this date can mean."""
        if self.season is not None:
            return dt.date(self.year, _SEASON_START[self.season], 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this date can mean."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is not None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.season is not None:
            start = self.earliest
            end_month = start.month + 2
            year = start.year + (end_month - 1) // 12
            month = (end_month - 1) % 12 + 1
            return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(self.year, 12, 31)

    def display(self) -> str:
        """The reader-facing wording: '10 September 2023', 'c. Autumn 2024', 'April 2025 (uncertain)'."""
        if self.day is not None and self.month is not None:
            text = f"{self.day} {calendar.month_name[self.month]} {self.year}"
        elif self.month is not None:
            text = f"{calendar.month_name[self.month]} {self.year}"
        elif self.season is not None:
            text = f"{SEASONS[self.season]} {self.year}"
        else:
            text = str(self.year)
        if self.approximate:
            text = f"c. {text}"
        if self.uncertain:
            text = f"{text} (uncertain)"
        return text


@dataclass(frozen=True)
class EventDate:
    """A parsed date: one point, or an interval whose sides may be open (None)."""

    edtf: str
    start: DatePoint | None
    end: DatePoint | None = None
    interval: bool = False

    @property
    def earliest(self) -> dt.date:
        """The first day the date can mean; an interval open at the start is placed at its end."""
        if self.start is not None:
            return self.start.earliest
        assert self.end is not None  # parse_date never makes an interval open at both ends
        return self.end.earliest

    @property
    def latest(self) -> dt.date | None:
        """The last day the date can mean, or None for an interval that is still open."""
        if not self.interval:
            assert self.start is not None
            return self.start.latest
        return self.end.latest if self.end is not None else None

    @property
    def precision(self) -> str:
        """'day', 'month', 'season', 'year', or 'interval'."""
        if self.interval:
            return "interval"
        assert self.start is not None
        return self.start.precision.value

    @property
    def approximate(self) -> bool:
        """True when any side is approximate."""
        return any(p is not None and p.approximate for p in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        """True when any side is uncertain."""
        return any(p is not None and p.uncertain for p in (self.start, self.end))

    def sort_key(self) -> tuple[dt.date, int]:
        """Earliest day first, then the coarser date first (January 2025 before 11 January 2025)."""
        latest = self.latest or dt.date.max
        return (self.earliest, -(latest - self.earliest).days)

    def display(self) -> str:
        """The default wording shown to readers."""
        if not self.interval:
            assert self.start is not None
            return self.start.display()
        if self.end is None:
            assert self.start is not None
            return f"{self.start.display()} onwards"
        if self.start is None:
            return f"Until {self.end.display()}"
        return f"{self.start.display()} – {self.end.display()}"

    def __str__(self) -> str:
        return self.edtf


def _parse_point(text: str) -> DatePoint:
    match = _POINT.fullmatch(text)
    if match is None:
        raise DateError(f"{text!r} is not a date; write {ALLOWED_FORMS}")
    year = int(match["year"])
    qual = match["qual"] or ""
    approximate, uncertain = qual == "~", qual == "?"
    if match["mm"] is None:
        return DatePoint(year, approximate=approximate, uncertain=uncertain)
    mm = int(match["mm"])
    if match["dd"] is None and mm in SEASONS:
        return DatePoint(year, season=mm, approximate=approximate, uncertain=uncertain)
    if not 1 <= mm <= 12:
        raise DateError(
            f"{text!r}: {mm:02d} is neither a month (01-12) nor a season (21 spring, 22 summer, 23 autumn, 24 winter)"
        )
    if match["dd"] is None:
        return DatePoint(year, mm, approximate=approximate, uncertain=uncertain)
    dd = int(match["dd"])
    last = calendar.monthrange(year, mm)[1]
    if not 1 <= dd <= last:
        raise DateError(f"{text!r}: {calendar.month_name[mm]} {year} has days 1 to {last}, not {dd}")
    return DatePoint(year, mm, dd, approximate=approximate, uncertain=uncertain)


def parse_date(value: str | dt.date) -> EventDate:
    """Parse a date in the allowed EDTF subset, or raise DateError saying what is allowed.

    A ``datetime.date`` (what YAML makes of an unquoted ``2025-04-28``) is accepted as a day.
    """
    if isinstance(value, dt.datetime):
        raise DateError(f"{value.isoformat()!r} has a time of day; write only the day, e.g. 2025-04-28")
    if isinstance(value, dt.date):
        return EventDate(value.isoformat(), DatePoint(value.year, value.month, value.day))
    text = value.strip()
    if "/" not in text:
        return EventDate(text, _parse_point(text))
    if text.count("/") > 1:
        raise DateError(f"{text!r} has more than one '/'; an interval is START/END")
    left, right = text.split("/")
    start = None if left == ".." else _parse_point(left)
    end = None if right == ".." else _parse_point(right)
    if start is None and end is None:
        raise DateError(f"{text!r} is open at both ends; give at least one side")
    if start is not None and end is not None and end.latest < start.earliest:
        raise DateError(f"{text!r} ends ({end.display()}) before it starts ({start.display()})")
    return EventDate(text, start, end, interval=True)
