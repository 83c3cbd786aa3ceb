"""Rules for spans: ranges, quarters and halves, the first months of a year, weeks and weekends."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .moments import (
    Point,
    Span,
    Time,
    day_point,
    first_day,
    last_day,
    month_point,
    place,
    shift_months,
    week_of,
    weekend_of,
)
from .phrases import alt
from .rule import BLOCK, YEAR, Answer, Context, Dated, Pieces, Rule, compile_rule

__all__ = ["rules"]

_STEP = {"last": -1, "this": 0, "next": 1}


def _ungrouped(pattern: str) -> str:
    """The same pattern with its named groups made plain, to repeat it inside a bigger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def rules(p: Pieces) -> dict[str, Rule]:
    """The rules of this module by name; the finder decides their order."""
    w = p.phrases
    month, number, rel = p.month(), p.number(), p.rel
    ranges: dict[str, list[str]] = w.mapping("ranges")
    openers = alt(k for k in ranges if k)
    joiners = {j for closers in ranges.values() for j in closers} | set(w.words("list_words"))
    # "2015-2020" needs no spaces around the dash; "2015 to 2020" needs them around the word.
    signs = alt(j for j in joiners if not j[0].isalnum())
    words = alt(j for j in joiners if j[0].isalnum())
    join = rf"(?P<to>\s*(?:{signs})\s*|\s+(?:{words})\s+)"
    side = _ungrouped(p.side)
    tail = p.year_tail()
    q, h = w.pattern("quarter"), w.pattern("half")
    q_ord, h_ord = w.pattern("quarter_ordinals"), w.pattern("half_ordinals")
    after = w.lists["relative_words"] == "after"
    return {
        "range": compile_rule(rf"(?:(?P<from>{openers})\s+)?(?P<a>{side}){join}(?P<b>{side})", _range),
        "day_range": compile_rule(
            rf"(?:(?P<from>{openers})\s+)?(?P<d1>\d{{1,2}}){join}(?P<d2>\d{{1,2}})\s+(?:of\s+)?{month}"
            rf"(?:,?\s+(?P<year>{YEAR}))?",
            _day_range,
        ),
        "month_day_range": compile_rule(
            rf"(?:(?P<from>{openers})\s+)?{month}\s+(?P<d1>\d{{1,2}}){join}(?P<d2>\d{{1,2}})(?:,?\s+(?P<year>{YEAR}))?",
            _day_range,
        ),
        "weekday_range": compile_rule(
            rf"(?:(?P<from>{openers})\s+)?{p.weekday()}{join}{p.weekday('weekday2')}", _weekday_range
        ),
        "quarter": compile_rule(
            rf"(?:(?:the\s+)?(?P<o1>{q_ord})[\s-]+(?:{q})|(?:{q})\s*(?P<o2>{q_ord})|Q(?P<o3>[1-4])){tail}", _quarter
        ),
        "quarter_relative": compile_rule(
            rf"(?:{q})\s+(?P<r2>{rel})" if after else rf"(?P<r1>{rel})\s+(?:{q})", _quarter_relative
        ),
        # "The first half" of a football match is no date: before its noun, a half needs its year.
        "half_before": compile_rule(
            rf"(?:(?:the\s+)?(?P<o1>{h_ord})[\s-]+(?:{h})|H(?P<o3>[12])){tail}", _half_with_year
        ),
        "half_after": compile_rule(rf"(?:{h})\s+(?P<o2>{h_ord}){tail}", _half),
        "first_months": compile_rule(
            rf"(?:the\s+)?(?:{w.pattern('first_months_before')})\s+{number}\s+(?:{p.month_unit}){tail}"
            rf"|{p.number('number2')}\s+(?:{p.month_unit})\s+(?:{w.pattern('first_months_after')}){p.year_tail('_2')}",
            _first_months,
        ),
        "months_to": compile_rule(
            rf"(?:the\s+)?{number}\s+(?:{p.month_unit})\s+(?:{w.pattern('months_to')})\s+{month}(?:\s+(?P<year>{YEAR}))?",
            _months_to,
        ),
        "weekend": compile_rule(
            rf"(?:(?P<r1>{rel})\s+|(?:(?:over|at|during)\s+)?the\s+)?(?:{w.pattern('weekend')})(?:\s+(?P<r2>{rel}))?",
            _weekend,
        ),
        "unit_relative": compile_rule(
            rf"(?:(?P<el>{w.pattern('earlier_later')}|{w.pattern('part_of')})[\s-]+)?"
            + (
                rf"(?P<u2>{p.calendar_units})\s+(?P<r2>{rel})"
                if after
                else rf"(?P<r1>{rel})\s+(?P<u1>{p.calendar_units})"
            ),
            _unit_relative,
        ),
    }


# -- ranges ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Side:
    """One end of a range as written: what it says of day, month and year."""

    day: int | None
    month: int | None
    year: int | None

    def at(self, year: int) -> Point | None:
        if self.month is None:
            return Point(year)
        return month_point(year, self.month, self.day)

    def key(self) -> tuple[int, int]:
        return (self.month or 0, self.day or 0)


def _join_ok(m: re.Match[str], ctx: Context) -> str | None:
    """ "range" when the opening and joining words make one, "list" for "5 dan 7 Agustus", else None."""
    ranges: dict[str, list[str]] = ctx.pieces.phrases.mapping("ranges")
    opener = " ".join((m["from"] or "").lower().split())
    joiner = m["to"].strip().lower()
    if joiner in ranges.get(opener, []):
        return "range"
    if not opener and joiner in ctx.pieces.phrases.words("list_words"):
        return "list"
    return None


def _span(a: _Side, b: _Side, year_a: int, year_b: int) -> Span | None:
    start, end = a.at(year_a), b.at(year_b)
    if start is None or end is None or (year_b, b.key()) < (year_a, a.key()):
        return None
    return Span(start, end)


def _range(m: re.Match[str], ctx: Context) -> Answer:
    if _join_ok(m, ctx) != "range":
        return None
    a, b = ctx.pieces.side_of(m["a"], ctx.published), ctx.pieces.side_of(m["b"], ctx.published)
    if a is None or b is None:
        return None
    first, second = _Side(*a), _Side(*b)
    how = "a range, each end as the words give it"
    if first.year is not None and second.year is not None:
        span = _span(first, second, first.year, second.year)
    elif second.year is not None:
        # "Desember–Februari 2025": the start is in the year before the end.
        span = _span(first, second, second.year - (first.key() > second.key()), second.year)
    elif first.year is not None:
        span = _span(first, second, first.year, first.year + (second.key() < first.key()))
    else:
        placement = ctx.placement()

        def make(year: int) -> Time | None:
            return _span(first, second, year, year + (second.key() < first.key()))

        placed = place(make, ctx.published, placement)
        span = placed if isinstance(placed, Span) else None
        how += ", placed by its start"
    return Dated(span, how, closed=True) if span else None


def _day_range(m: re.Match[str], ctx: Context) -> Answer:
    kind = _join_ok(m, ctx)
    if kind is None:
        return None
    month = ctx.pieces.month_of(m["month"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if d2 <= d1:
        return None

    def make(year: int) -> Time | None:
        start, end = month_point(year, month, d1), month_point(year, month, d2)
        return Span(start, end) if start and end else None

    span = make(int(m["year"])) if m["year"] else place(make, ctx.published, ctx.placement())
    if not isinstance(span, Span) or span.start is None or span.end is None:
        return BLOCK
    if kind == "list":
        return [Dated(span.start, "the first of two days"), Dated(span.end, "the second of two days")]
    return Dated(span, "a range of days", closed=True)


def _weekday_range(m: re.Match[str], ctx: Context) -> Answer:
    """ "dari Senin hingga Rabu": days placed like the first weekday; "Senin-Jumat" alone is a timetable."""
    joined = _join_ok(m, ctx)
    if not m["from"] and joined != "list":
        return BLOCK
    if joined != "range":
        return None
    weekdays = ctx.pieces.phrases.weekdays
    first, last = weekdays[m["weekday"].lower()], weekdays[m["weekday2"].lower()]
    published = ctx.published
    if ctx.forward:
        start = published + dt.timedelta(days=(first - published.weekday()) % 7)
    else:
        start = published - dt.timedelta(days=(published.weekday() - first) % 7)
    end = start + dt.timedelta(days=(last - first) % 7)
    return Dated(Span(day_point(start), day_point(end)), "a range of weekdays, placed by its first day", closed=True)


# -- quarters, halves, the first months of a year --------------------------------------------------


def _months_of(m: re.Match[str], ctx: Context, first: int, last: int, what: str, tag: str = "") -> Answer:
    year = ctx.pieces.tail_year(m, ctx.published, tag)
    if year is not None:
        return Dated(Span(Point(year, first), Point(year, last)), what)
    placement = ctx.placement()
    time = place(lambda y: Span(Point(y, first), Point(y, last)), ctx.published, placement)
    assert time is not None
    return Dated(time, f"{what} without a year, placed by the clause")


def _ordinal(m: re.Match[str], ctx: Context, key: str) -> int:
    raw = str(m["o1"] or m.groupdict().get("o2") or m.groupdict().get("o3"))
    # "Q2" gives the digit itself; words and Roman numerals come from the phrase list.
    return int(ctx.pieces.phrases.mapping(key).get(raw.lower(), raw))


def _quarter(m: re.Match[str], ctx: Context) -> Answer:
    quarter = _ordinal(m, ctx, "quarter_ordinals")
    return _months_of(m, ctx, 3 * quarter - 2, 3 * quarter, f"quarter {quarter}: three months")


def _quarter_relative(m: re.Match[str], ctx: Context) -> Answer:
    step = _STEP[ctx.pieces.relative(m.groupdict().get("r1") or m.groupdict().get("r2") or "")]
    year, month = shift_months(ctx.published.year, (ctx.published.month - 1) // 3 * 3 + 1, 3 * step)
    return Dated(Span(Point(year, month), Point(year, month + 2)), "a quarter relative to publication")


def _half(m: re.Match[str], ctx: Context) -> Answer:
    half = int(ctx.pieces.phrases.mapping("half_ordinals")[m["o2"].lower()])
    return _months_of(m, ctx, 6 * half - 5, 6 * half, f"half {half} of a year: six months")


def _half_with_year(m: re.Match[str], ctx: Context) -> Answer:
    if ctx.pieces.tail_year(m, ctx.published) is None:
        return None
    half = _ordinal(m, ctx, "half_ordinals")
    return _months_of(m, ctx, 6 * half - 5, 6 * half, f"half {half} of a year: six months")


def _first_months(m: re.Match[str], ctx: Context) -> Answer:
    tag = "" if m["number"] else "_2"
    amount = ctx.pieces.amount(m["number"] or m["number2"])
    if amount is None or not 1 <= amount <= 12:
        return None
    return _months_of(m, ctx, 1, amount, f"the first {amount} months of a year", tag)


def _months_to(m: re.Match[str], ctx: Context) -> Answer:
    amount = ctx.pieces.amount(m["number"])
    if amount is None:
        return None
    month = ctx.pieces.month_of(m["month"])
    if m["year"]:
        end = Point(int(m["year"]), month)
    else:
        # Figures for "the three months to March" are out when they are written about, even in
        # "will be published": the months are the latest such, not the next.
        placed = place(lambda year: Point(year, month), ctx.published, "latest")
        assert isinstance(placed, Point)
        end = placed
    year, first = shift_months(end.year, month, 1 - amount)
    return Dated(Span(Point(year, first), end), f"the {amount} months ending in that month")


# -- weeks, weekends, units relative to publication ------------------------------------------------


def _weekend(m: re.Match[str], ctx: Context) -> Answer:
    published = ctx.published
    said = m["r1"] or m["r2"]
    rel = ctx.pieces.relative(said or "")
    if said and rel == "this":
        # The weekend of the week of publication, still ahead on a weekday, unless the clause
        # tells of it in the past ("lost power this weekend", written on a Monday).
        span = weekend_of(published)
        if ctx.past_tense and first_day(span) > published:
            span = weekend_of(published - dt.timedelta(days=7))
    elif rel == "last":
        span = weekend_of(published)
        if last_day(span) >= published:
            span = weekend_of(published - dt.timedelta(days=7))
    elif rel == "next":
        span = weekend_of(published + dt.timedelta(days=7))
    elif published.weekday() >= 5 or ctx.forward:
        span = weekend_of(published)
    else:
        span = weekend_of(published - dt.timedelta(days=7))
    return Dated(span, f"{rel} weekend from {published:%A %d %B %Y}: Saturday and Sunday")


def _unit_relative(m: re.Match[str], ctx: Context) -> Answer:
    groups = m.groupdict()
    word = groups.get("u1") or groups["u2"]
    unit = ctx.pieces.unit(word)
    if word[0].isupper() and m.start() > 0 and word.lower() in ctx.pieces.phrases.weekdays:
        return None  # "pada Minggu lalu": last Sunday, read by the weekday rules
    step = _STEP[ctx.pieces.relative(groups.get("r1") or groups["r2"])]
    published = ctx.published
    if unit == "year":
        return Dated(Point(published.year + step), "a year relative to publication")
    if unit == "month":
        year, month = shift_months(published.year, published.month, step)
        return Dated(Point(year, month), "a month relative to publication")
    return Dated(week_of(published + dt.timedelta(weeks=step)), "a week (Monday to Sunday)")
