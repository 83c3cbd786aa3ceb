"""The resolver: every rule tried in order over a sentence, then what the words around each date add to it.

Rules run from the most specific to the least ("10 September 2023" before "September",
"kuartal I/2025" before "2025"); words one rule has taken are not read again. Around each
date the finder then reads "since"/"sejak" (an interval still open), "around"/"sekitar"
(approximate) and "possibly"/"kemungkinan" (uncertain), and ends a duration at the
sentence's other date when it has one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from . import rules_counted, rules_names, rules_points, rules_spans
from .moments import Point, Span, first_day, shift_months
from .phrases import alt, load
from .rule import Block, Context, Dated, Pieces, Rule

__all__ = ["ORDER", "Found", "Resolver", "resolver"]

# Most specific first. A name missing from a language's rules is skipped.
ORDER = (
    # not dates at all
    "numbered",
    "year_name_before",
    "year_name_after",
    "event_year",
    "money",
    "every",
    # ranges, before the dates at their ends
    "day_range",
    "month_day_range",
    "weekday_range",
    "range",
    # days written in numbers
    "numeric_weekday",
    "numeric",
    "numeric_weekday_no_year",
    # parts of a year
    "quarter",
    "quarter_relative",
    "half_before",
    "half_after",
    "first_months",
    "months_to",
    # days
    "day_month_year",
    "month_day_year",
    "day_month",
    "month_day",
    # early, mid, late
    "part_month",
    "part_month_relative",
    "part_year",
    # seasons
    "season_year",
    "season_relative",
    "season_alone",
    # months
    "month_year",
    "month_relative_year",
    "month_relative",
    "month_alone",
    # weekends before weeks ("akhir pekan" is the weekend, not late in the week)
    "weekend",
    # counted from publication
    "ago",
    "later_before",
    "later_after",
    "span_back",
    "span_ahead",
    "duration",
    # weekdays, then weeks, months and years relative to publication
    "weekday_of_week",
    "weekday_relative",
    "unit_relative",
    "weekday_on",
    "day_word",
    "night",
    "year",
    # names standing alone, last: "Inflasi Juni", "dilanjutkan Senin"
    "month_bare",
    "weekday_bare",
)


@dataclass(frozen=True)
class Found:
    """A dated phrase in a sentence: where it is, its EDTF date, and how it was resolved."""

    phrase: str
    start: int
    end: int
    edtf: str
    how: str


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    dated: Dated


class Resolver:
    """Finds and resolves the dates in sentences of one language ('id' or 'en')."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.pieces = Pieces(load(language))
        every: dict[str, Rule] = {}
        for module in (rules_names, rules_points, rules_spans, rules_counted):
            every |= module.rules(self.pieces)
        unordered = set(every) - set(ORDER)
        assert not unordered, f"rules without a place in ORDER: {sorted(unordered)}"
        self.rules = [every[name] for name in ORDER if name in every]
        w = self.pieces.phrases
        preps = {*w.words("month_prepositions"), *w.words("year_prepositions"), *w.words("weekday_prepositions")}
        # Before a date, a preposition may stand between the date and its qualifier:
        # "kemungkinan pada Desember 2024", "in about 1930".
        self._trailing_preps = re.compile(rf"(?:\s+(?:{alt(preps)}|the))+\s*$", re.IGNORECASE)
        self._since_before = re.compile(rf"(?<!\w)(?:{w.pattern('since')})\s*$", re.IGNORECASE)
        self._since_opening = re.compile(rf"(?:{w.pattern('since')})\s", re.IGNORECASE)
        self._approximate = re.compile(rf"(?<!\w)(?:{w.pattern('approximate')})\s*$", re.IGNORECASE)
        self._uncertain = re.compile(rf"(?<!\w)(?:{w.pattern('uncertain')})\s*$", re.IGNORECASE)

    def find(self, sentence: str, published: dt.date) -> list[Found]:
        """Every dated phrase in a sentence, in order, none overlapping another."""
        taken: list[tuple[int, int]] = []
        hits: list[_Hit] = []
        for rule in self.rules:
            for match in rule.pattern.finditer(sentence):
                start, end = match.span()
                if any(start < b and a < end for a, b in taken):
                    continue
                answer = rule.resolve(match, Context(match, sentence, published, self.pieces))
                if answer is None:
                    continue
                taken.append((start, end))
                if isinstance(answer, Block):
                    continue
                for dated in answer if isinstance(answer, list) else [answer]:
                    hits.append(_Hit(start, end, self._around(dated, sentence, start, end)))
        hits.sort(key=lambda hit: hit.start)
        if any(h.dated.closed for h in hits):
            # "selama lima tahun, mulai 2025 hingga 2030": the duration is the range's length.
            hits = [h for h in hits if h.dated.counted_back is None]
        return [
            Found(sentence[h.start : h.end], h.start, h.end, d.time.edtf(), d.how)
            for h, d in zip(hits, self._anchored(hits), strict=True)
        ]

    def _around(self, dated: Dated, sentence: str, start: int, end: int) -> Dated:
        """What the words just before a date add: since, around, possibly."""
        before = sentence[:start]
        time, how = dated.time, dated.how
        bare = self._trailing_preps.sub("", before)
        for pattern, qualifier, word in ((self._approximate, "~", "approximate"), (self._uncertain, "?", "uncertain")):
            if pattern.search(before) or pattern.search(bare):
                time, how = time.qualified(qualifier), f"{how}; {word}"  # type: ignore[arg-type]
        # "kemungkinan diundur hingga 2027": a doubt about moving a date is a doubt about the new one.
        if self.pieces.moved_to(before, sentence[start:end], doubted=True):
            time, how = time.qualified("?"), f"{how}; uncertain, the date it may move to"
        since = self._since_before.search(before) or self._since_opening.match(sentence, start)
        if since and not dated.closed:
            opening = time.start if isinstance(time, Span) else time
            if opening is not None:
                time, how = Span(opening, None), f"since {how}: an interval still open"
        return Dated(time, how, dated.counted_back, dated.closed)

    @staticmethod
    def _anchored(hits: list[_Hit]) -> list[Dated]:
        """ "For seven months until March 2025": a duration ends at the sentence's other date, if it has one."""
        anchors = [h.dated for h in hits if isinstance(h.dated.time, Point) and h.dated.counted_back is None]
        if not anchors:
            return [h.dated for h in hits]
        anchor = first_day(anchors[0].time)
        result = []
        for hit in hits:
            dated = hit.dated
            if dated.counted_back is not None:
                year, month = shift_months(anchor.year, anchor.month, -dated.counted_back)
                span = Span(Point(year, month, qualifier="~"), Point(anchor.year, anchor.month, qualifier="~"))
                dated = Dated(
                    span, f"{dated.counted_back} months up to {anchors[0].time.edtf()}: an approximate interval"
                )
            result.append(dated)
        return result


@cache
def resolver(language: str) -> Resolver:
    """One resolver per language."""
    return Resolver(language)
