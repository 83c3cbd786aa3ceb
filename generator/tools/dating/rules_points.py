"""Rules for single dates: days, months, seasons, years and weekdays, written out or relative to publication."""

from __future__ import annotations

import datetime as dt
import re

from .moments import Point, day_point, first_day, last_day, month_point, place, shift_months
from .rule import BLOCK, YEAR, Answer, Context, Dated, Pieces, Rule, compile_rule

__all__ = ["rules"]

_ORDINAL = r"(?:st|nd|rd|th)?"
_STEP = {"last": -1, "this": 0, "next": 1}


def rules(p: Pieces) -> dict[str, Rule]:
    """The rules of this module by name; the finder decides their order."""
    w = p.phrases
    month, weekday, rel = p.month(), p.weekday(), p.rel
    last_next = f"{w.pattern('last')}|{w.pattern('next')}"
    dmy = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
    dm = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})"
    wd = rf"(?:{p.weekday('wd')},?\s+)?"
    day_prefix = rf"(?:(?:{w.pattern('day_prefix')})\s+)?"
    month_prefix = rf"(?:(?:{w.pattern('month_prefix')})\s+)?"
    year_unit = rf"(?:(?:{p.year_unit})\s+)?"
    day = rf"(?P<day>\d{{1,2}}){_ORDINAL}"
    part = rf"(?P<part>{w.pattern('part_of')})[\s-]+(?:of\s+)?"
    season = rf"(?P<season>{w.pattern('seasons')})"
    week = rf"(?:{p.week_unit})"
    alone = w.words("alone")
    # Indonesian puts "lalu", "depan" after the name ("Jumat lalu"), English "last", "next" before it.
    after = w.lists["relative_words"] == "after"
    found = {
        "numeric_weekday": compile_rule(rf"{weekday},?\s*\({dmy}\)", _numeric),
        "numeric": compile_rule(dmy, _numeric),
        "numeric_weekday_no_year": compile_rule(rf"{weekday},?\s*\({dm}\)", _numeric_no_year),
        "day_month_year": compile_rule(
            rf"{wd}{day_prefix}{day}\s+(?:of\s+)?{month},?\s+{year_unit}(?P<year>{YEAR})", _day
        ),
        "month_day_year": compile_rule(rf"{wd}{month}\s+{day},?\s+(?P<year>{YEAR})", _day),
        "day_month": compile_rule(
            rf"{wd}{day_prefix}{day}\s+(?:of\s+)?{month}(?:\s+(?P<rel>{last_next}))?(?!\s*\d)", _day_no_year
        ),
        "month_day": compile_rule(rf"{wd}{month}\s+{day}(?!\s*(?:[\d%]|percent|per\s*cent|persen))", _day_no_year),
        "part_month": compile_rule(
            rf"{part}{month_prefix}{month}(?:,?\s+{year_unit}(?P<year>{YEAR})|\s+(?P<rel>{last_next}))?", _part_month
        ),
        "part_month_relative": compile_rule(
            rf"{part}(?:the\s+)?(?:(?P<r1>{rel})\s+)?(?:{p.month_unit})(?:\s+(?P<r2>{rel}))?", _part_month_relative
        ),
        "part_year": compile_rule(
            rf"{part}(?:the\s+)?(?:{year_unit}(?P<year>{YEAR})|(?:(?P<r1>{rel})\s+)?(?:{p.year_unit})(?:\s+(?P<r2>{rel}))?)",
            _part_year,
        ),
        "season_year": compile_rule(rf"(?:the\s+)?{season}\s+(?:of\s+)?{year_unit}(?P<year>{YEAR})", _season_year),
        "season_relative": compile_rule(
            rf"{season}\s+(?P<rel>{rel})" if after else rf"(?P<rel>{rel})\s+{season}", _season
        ),
        "season_alone": compile_rule(
            rf"(?:(?:{w.pattern('season_prepositions')})\s+){'?' if 'seasons' in alone else ''}{season}(?!\s+(?:of\s+)?\d)",
            _season,
        ),
        "month_year": compile_rule(
            rf"{month_prefix}{month}\s+(?:of\s+)?{year_unit}(?P<year>{YEAR})(?:\s+(?:{w.pattern('last')}))?",
            _month_year,
        ),
        "month_relative_year": compile_rule(
            rf"{month_prefix}{month}\s+(?:(?:{p.year_unit})\s+(?P<r2>{rel})|(?P<r1>{rel})\s+(?:{p.year_unit}))",
            _month_relative_year,
        ),
        "month_relative": compile_rule(
            rf"{month_prefix}{month}\s+(?P<rel>{rel})" if after else rf"(?P<rel>{rel})\s+{month}(?!\s*\d)",
            _month_relative,
        ),
        "month_alone": compile_rule(
            rf"(?P<prep>{w.pattern('month_prepositions')})\s+{month_prefix}{month}(?!\s*\d)", _month_alone
        ),
        # "Kamis pekan lalu", "Thursday of last week", "last week's Thursday".
        "weekday_of_week": compile_rule(
            rf"{weekday}{p.part_of_day}\s+{week}\s+(?P<rel>{rel})"
            if after
            else rf"{weekday}{p.part_of_day}\s+(?:of\s+)?(?P<rel>{rel})\s+{week}"
            rf"|(?P<rel2>{rel})\s+{week}['’]s\s+{p.weekday('weekday2')}",
            _weekday_of_week,
        ),
        "weekday_relative": compile_rule(
            rf"{weekday}{p.part_of_day}\s+(?P<rel>{rel})" if after else rf"(?P<rel>{rel})\s+{weekday}{p.part_of_day}",
            _weekday_relative,
        ),
        "weekday_on": compile_rule(
            rf"(?P<prep>{w.pattern('weekday_prepositions')})\s+{weekday}{p.part_of_day}", _weekday_alone
        ),
        "day_word": compile_rule(rf"(?P<word>{w.pattern('days')})", _day_word),
        "night": compile_rule(
            rf"(?:(?P<length>{w.pattern('night_lengths')})\s+)?(?P<word>{w.pattern('nights')})"
            rf"(?P<name>\s+(?:{w.pattern('night_names')}))?",
            _night,
        ),
        "year": compile_rule(
            rf"(?:(?P<prep>{w.pattern('year_prepositions')})\s+)?(?P<year>{YEAR})"
            rf"(?!\s+(?:{w.pattern('year_names_after')})\b)",
            _year,
        ),
    }
    if "months" in alone:
        found["month_bare"] = compile_rule(rf"{month}(?!\s*\d)", _month_alone)
    if "weekdays" in alone:
        found["weekday_bare"] = compile_rule(rf"{weekday}{p.part_of_day}", _weekday_alone)
    return found


# -- written days ----------------------------------------------------------------------------------


def _numeric(m: re.Match[str], ctx: Context) -> Answer:
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    # Month first (4/28/2025, 11/12/2024) where the language writes it so, unless the first number
    # cannot be a month or a weekday in front shows the day-first habit of "Monday (28/4/2025)".
    if not ctx.pieces.phrases.lists["day_first"] and day <= 12 and not m.groupdict().get("weekday"):
        day, month = month, day
    point = month_point(year, month, day)
    return Dated(point, "a day written in numbers") if point else BLOCK


def _numeric_no_year(m: re.Match[str], ctx: Context) -> Answer:
    """ "Sabtu (26/4)": the year whose 26 April is a Saturday, nearest publication."""
    day, month = int(m["d"]), int(m["m"])
    return _by_weekday(day, month, m["weekday"], ctx) or _placed_day(
        day, month, None, ctx, "a day in numbers without a year"
    )


def _by_weekday(day: int, month: int, weekday: str | None, ctx: Context) -> Dated | None:
    """The day whose weekday the text gives, in the year nearest publication; None if no near year fits."""
    if not weekday:
        return None
    target = ctx.pieces.phrases.weekdays[weekday.lower()]
    fits = [
        point
        for year in (ctx.published.year - 1, ctx.published.year, ctx.published.year + 1)
        if (point := month_point(year, month, day)) and dt.date(year, month, day).weekday() == target
    ]
    if not fits:
        return None
    best = min(fits, key=lambda pt: abs((dt.date(pt.year, month, day) - ctx.published).days))
    return Dated(best, f"a day without a year: the year its weekday ({weekday}) fits, nearest publication")


def _day(m: re.Match[str], ctx: Context) -> Answer:
    month = ctx.pieces.month_of(m["month"])
    point = month_point(int(m["year"]), month, int(m["day"]))
    # "31 February 2025" is no date at all, not "February 2025".
    return Dated(point, "a day") if point else BLOCK


def _day_no_year(m: re.Match[str], ctx: Context) -> Answer:
    if _common_word(m, ctx):
        return None
    month, day = ctx.pieces.month_of(m["month"]), int(m["day"])
    return _by_weekday(day, month, m["wd"], ctx) or _placed_day(
        day, month, m.groupdict().get("rel"), ctx, "a day without a year"
    )


def _placed_day(day: int, month: int, rel: str | None, ctx: Context, what: str) -> Answer:
    placement = ctx.placement(rel)
    time = place(lambda year: month_point(year, month, day), ctx.published, placement)
    return Dated(time, f"{what}: {_PLACED[placement]}") if time else BLOCK


_PLACED = {
    "latest": "the latest not after publication",
    "first": "the first not before publication (the clause looks forward)",
    "before": "the latest before publication",
    "after": "the first after publication",
}


# -- parts of months and years ---------------------------------------------------------------------


def _part_month(m: re.Match[str], ctx: Context) -> Answer:
    month = ctx.pieces.month_of(m["month"])
    how = f"{m['part'].lower()} in the month: approximate"
    if m["year"]:
        return Dated(Point(int(m["year"]), month, qualifier="~"), how)
    placement = ctx.placement(m["rel"])
    time = place(lambda year: Point(year, month), ctx.published, placement)
    assert isinstance(time, Point)  # every year has the month
    return Dated(time.qualified("~"), f"{how}, {_PLACED[placement]}")


def _part_month_relative(m: re.Match[str], ctx: Context) -> Answer:
    step = _STEP[ctx.pieces.relative(m["r1"] or m["r2"] or "")]
    year, month = shift_months(ctx.published.year, ctx.published.month, step)
    return Dated(Point(year, month, qualifier="~"), f"{m['part'].lower()} in a month relative to publication")


def _part_year(m: re.Match[str], ctx: Context) -> Answer:
    rel = _STEP[ctx.pieces.relative(m["r1"] or m["r2"] or "")]
    year = int(m["year"]) if m["year"] else ctx.published.year + rel
    return Dated(Point(year, qualifier="~"), f"{m['part'].lower()} in the year: approximate")


# -- seasons ---------------------------------------------------------------------------------------


def _season_year(m: re.Match[str], ctx: Context) -> Answer:
    code = int(ctx.pieces.phrases.mapping("seasons")[" ".join(m["season"].lower().split())])
    return Dated(Point(int(m["year"]), code), "a season (northern hemisphere)")


def _season(m: re.Match[str], ctx: Context) -> Answer:
    """Last: the latest that ended before publication; next: the first that begins after; else the current or latest (or next, looking forward)."""
    code = int(ctx.pieces.phrases.mapping("seasons")[" ".join(m["season"].lower().split())])
    rel = m.groupdict().get("rel")
    if rel and ctx.pieces.relative(rel) == "this" and not ctx.forward and not ctx.past_tense:
        return _this_season(code, ctx)
    placement = ctx.placement(rel)
    time = place(lambda year: Point(year, code), ctx.published, placement)
    assert time is not None
    return Dated(time, f"a season (northern hemisphere), {_PLACED[placement]}")


def _this_season(code: int, ctx: Context) -> Dated:
    """ "This winter" in a clause that gives no tense: the current one, else the nearer of the last and the next."""
    published = ctx.published
    latest = place(lambda year: Point(year, code), published, "latest")
    coming = place(lambda year: Point(year, code), published, "first")
    assert isinstance(latest, Point) and isinstance(coming, Point)
    if latest == coming or (published - last_day(latest)).days <= (first_day(coming) - published).days:
        return Dated(latest, "a season (northern hemisphere): the current one, or the nearer one, just ended")
    return Dated(coming, "a season (northern hemisphere): the nearer one, still to come")


# -- months ----------------------------------------------------------------------------------------


def _common_word(m: re.Match[str], ctx: Context) -> bool:
    """ "may" and "march" in lower case are a verb and a noun, not months."""
    return m["month"] in ctx.pieces.phrases.words("lowercase_words")


def _month_year(m: re.Match[str], ctx: Context) -> Answer:
    return Dated(Point(int(m["year"]), ctx.pieces.month_of(m["month"])), "a month")


def _month_relative_year(m: re.Match[str], ctx: Context) -> Answer:
    if _common_word(m, ctx):
        return None
    year = ctx.published.year + _STEP[ctx.pieces.relative(m["r1"] or m["r2"])]
    return Dated(Point(year, ctx.pieces.month_of(m["month"])), "a month in a year relative to publication")


def _month_relative(m: re.Match[str], ctx: Context) -> Answer:
    if _common_word(m, ctx):
        return None
    month = ctx.pieces.month_of(m["month"])
    if ctx.pieces.relative(m["rel"]) == "this":
        return Dated(Point(ctx.published.year, month), "a month of the year of publication")
    placement = ctx.placement(m["rel"])
    time = place(lambda year: Point(year, month), ctx.published, placement)
    assert time is not None
    return Dated(time, f"a month without a year: {_PLACED[placement]}")


def _month_alone(m: re.Match[str], ctx: Context) -> Answer:
    if _common_word(m, ctx) or (not m.groupdict().get("prep") and not m["month"][0].isupper()):
        return None
    month = ctx.pieces.month_of(m["month"])
    placement = ctx.placement()
    time = place(lambda year: Point(year, month), ctx.published, placement)
    assert time is not None
    return Dated(time, f"a month without a year: {_PLACED[placement]}")


# -- weekdays and days -----------------------------------------------------------------------------


def _ambiguous_weekday(m: re.Match[str], ctx: Context) -> bool:
    """Indonesian "minggu" is a week as well as Sunday: only "Minggu" in capitals, not opening the sentence, is the day."""
    word = m["weekday"]
    return word.lower() in ctx.pieces.phrases.mapping("units") and (not word[0].isupper() or m.start() == 0)


def _weekday_relative(m: re.Match[str], ctx: Context) -> Answer:
    if _ambiguous_weekday(m, ctx):
        return None
    target = ctx.pieces.phrases.weekdays[m["weekday"].lower()]
    published = ctx.published
    rel = ctx.pieces.relative(m["rel"])
    if rel == "last":
        day = published - dt.timedelta(days=(published.weekday() - target) % 7 or 7)
    elif rel == "next":
        day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    else:
        day = published + dt.timedelta(days=target - published.weekday())
    return Dated(day_point(day), f"{rel} {m['weekday']} from {published:%A %d %B %Y}")


def _weekday_of_week(m: re.Match[str], ctx: Context) -> Answer:
    """That weekday of last, this or next Monday-to-Sunday week, not the nearest such day."""
    name = m["weekday"] or m["weekday2"]
    if m["weekday"] and _ambiguous_weekday(m, ctx):
        return None
    rel = ctx.pieces.relative(m["rel"] or m["rel2"])
    monday = ctx.published - dt.timedelta(days=ctx.published.weekday()) + dt.timedelta(weeks=_STEP[rel])
    day = monday + dt.timedelta(days=ctx.pieces.phrases.weekdays[name.lower()])
    return Dated(day_point(day), f"{name} of the {rel} week (Monday to Sunday) from {ctx.published:%A %d %B %Y}")


def _weekday_alone(m: re.Match[str], ctx: Context) -> Answer:
    if _ambiguous_weekday(m, ctx):
        return None
    if not m.groupdict().get("prep") and not m["weekday"][0].isupper():
        return None  # standing alone, a weekday is a name: "Senin", not "senin"
    target = ctx.pieces.phrases.weekdays[m["weekday"].lower()]
    published = ctx.published
    if ctx.forward:
        day = published + dt.timedelta(days=(target - published.weekday()) % 7)
        return Dated(day_point(day), f"the first {m['weekday']} from {published:%A %d %B %Y} (looking forward)")
    day = published - dt.timedelta(days=(published.weekday() - target) % 7)
    return Dated(day_point(day), f"the latest {m['weekday']} up to {published:%A %d %B %Y}")


def _day_word(m: re.Match[str], ctx: Context) -> Answer:
    offset = int(ctx.pieces.phrases.mapping("days")[" ".join(m["word"].lower().split())])
    day = ctx.published + dt.timedelta(days=offset)
    return Dated(day_point(day), f"{offset:+d} days from publication" if offset else "the day of publication")


def _night(m: re.Match[str], ctx: Context) -> Answer:
    """ "Overnight", "semalam": the night before publication, not a name, a length or a figure of speech."""
    if m["length"] or m["name"] or ctx.forward:
        return BLOCK
    day = ctx.published - dt.timedelta(days=1)
    return Dated(day_point(day), "the night before publication")


def _year(m: re.Match[str], ctx: Context) -> Answer:
    # A bare four-digit number is a year only after a word like "in" or before punctuation:
    # "2000 tentara" (2,000 soldiers) is not a date.
    if not m["prep"] and m.string[m.end() : m.end() + 1] not in (",", ".", ";", ")", ""):
        return None
    return Dated(Point(int(m["year"])), "a year")
