"""Rules for times counted from publication: "three weeks ago", "in two weeks", "over the past six
months", "for the next two years", "ten years ago this week", durations counted back."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .moments import Point, Span, day_point, shift_months, week_of
from .rule import BLOCK, Answer, Context, Dated, Pieces, Rule, compile_rule

__all__ = ["rules"]


def rules(p: Pieces) -> dict[str, Rule]:
    """The rules of this module by name; the finder decides their order."""
    w = p.phrases
    number, units = p.number(), p.unit_words
    one = rf"(?P<one>{w.pattern('one_unit')})"
    span_prep = rf"(?:(?:{w.pattern('span_prepositions')})\s+)?"
    amount = rf"{number}\s+(?P<unit>{units})"
    amount2 = rf"{p.number('n2')}\s+(?P<u2>{units})"
    return {
        "ago": compile_rule(
            rf"(?:{amount}|{one})\s+(?:{w.pattern('ago_after')})(?:\s+(?P<within>{w.pattern('ago_within')}))?", _ago
        ),
        "later_before": compile_rule(rf"(?:{w.pattern('later_before')})\s+{amount}(?!\s+(?:of|old)\b)", _later_in),
        "later_after": compile_rule(rf"(?:{amount}|{one})\s+(?:{w.pattern('later_after')})", _later),
        "span_back": compile_rule(
            rf"{span_prep}(?:(?:{w.pattern('back_before')})\s+{amount}|{amount2}\s+(?:{w.pattern('back_after')}))",
            _span_back,
        ),
        "span_ahead": compile_rule(
            rf"{span_prep}(?:(?:{w.pattern('ahead_before')})\s+{amount}|{amount2}\s+(?:{w.pattern('ahead_after')}))",
            _span_ahead,
        ),
        "duration": compile_rule(
            rf"(?:{w.pattern('duration')})\s+(?:(?:{w.pattern('back_before')})\s+)?{amount}", _duration
        ),
    }


def _counted(ctx: Context, amount: int, unit: str, sign: int) -> Dated:
    """A day, week, month or year ``amount`` units before (sign -1) or after (+1) publication."""
    published = ctx.published
    direction = "before" if sign < 0 else "after"
    if unit == "year":
        return Dated(Point(published.year + sign * amount), f"{amount} years {direction} {published.year}")
    if unit == "month":
        year, month = shift_months(published.year, published.month, sign * amount)
        return Dated(Point(year, month), f"{amount} months {direction} {published:%B %Y}")
    day = published + dt.timedelta(days=sign * amount * (7 if unit == "week" else 1))
    if unit == "week":
        return Dated(day_point(day, "~"), f"{amount} weeks {direction} publication: a day, approximate")
    return Dated(day_point(day), f"{amount} days {direction} publication")


def _amount_unit(m: re.Match[str], ctx: Context, number: str = "number", unit: str = "unit") -> tuple[int, str] | None:
    groups = m.groupdict()
    if groups.get("one"):
        return 1, str(ctx.pieces.phrases.mapping("one_unit")[groups["one"].lower()])
    if not groups.get(number):
        return None
    amount = ctx.pieces.amount(groups[number])
    return (amount, ctx.pieces.unit(groups[unit])) if amount is not None else None


def _ago(m: re.Match[str], ctx: Context) -> Answer:
    counted = _amount_unit(m, ctx)
    if counted and m["within"] and counted[1] in ("year", "month"):
        return _ago_within(ctx, *counted, str(ctx.pieces.phrases.mapping("ago_within")[m["within"].lower()]))
    return _counted(ctx, *counted, sign=-1) if counted else None


def _ago_within(ctx: Context, amount: int, unit: str, within: str) -> Dated:
    """ "Ten years ago this week": the week (month, day) of the same day so many years or months back."""
    published = ctx.published
    year, month = shift_months(published.year, published.month, -amount * (12 if unit == "year" else 1))
    # 29 February, or the 31st of a shorter month, falls back to that month's last day.
    day = dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    how = f"the {within} {amount} {unit}s before publication"
    if within == "week":
        return Dated(week_of(day), f"{how} (Monday to Sunday)")
    if within == "month":
        return Dated(Point(day.year, day.month), how)
    return Dated(day_point(day), how)


def _later(m: re.Match[str], ctx: Context) -> Answer:
    counted = _amount_unit(m, ctx)
    return _counted(ctx, *counted, sign=1) if counted else None


def _later_in(m: re.Match[str], ctx: Context) -> Answer:
    """ "in two weeks": ahead, unless the clause looks back ("rose 5% in two weeks", "the lowest in 20 years")."""
    if not ctx.forward and ctx.looks_back:
        return None
    return _later(m, ctx)


def _span_months(ctx: Context, m: re.Match[str], sign: int) -> Answer:
    counted = _amount_unit(m, ctx) or _amount_unit(m, ctx, "n2", "u2")
    if counted is None or counted[1] not in ("month", "year"):
        return BLOCK  # days and weeks are not placed in the calendar; a vague amount is no date
    amount, unit = counted
    months = amount * (12 if unit == "year" else 1)
    published = ctx.published
    year, month = shift_months(published.year, published.month, sign * months)
    now = Point(published.year, published.month, qualifier="~")
    other = Point(year, month, qualifier="~")
    span = Span(other, now) if sign < 0 else Span(now, other)
    return Dated(span, f"{amount} {unit}s {'up to' if sign < 0 else 'from'} publication: an approximate interval")


def _span_back(m: re.Match[str], ctx: Context) -> Answer:
    return _span_months(ctx, m, -1)


def _span_ahead(m: re.Match[str], ctx: Context) -> Answer:
    return _span_months(ctx, m, 1)


def _duration(m: re.Match[str], ctx: Context) -> Answer:
    counted = _amount_unit(m, ctx)
    if counted is None or counted[1] not in ("month", "year"):
        return None
    if ctx.pieces.lengths.search(ctx.clause):
        return BLOCK  # a prison term, a contract: a length, not placed in the calendar
    amount, unit = counted
    months = amount * (12 if unit == "year" else 1)
    dated = _span_months(ctx, m, -1)
    assert isinstance(dated, Dated)
    return Dated(dated.time, dated.how, counted_back=months)
