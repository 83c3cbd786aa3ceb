"""What every rule shares: the regex pieces built from the phrase lists, the context a match is read in, and what a rule answers.

A rule is a regex and a function. The function reads one match in its sentence and answers
with what the words date (one or more ``Dated``), ``BLOCK`` for words that are no date and
hide the numbers in them from every later rule ("Nomor 12 Tahun 2024"), or None when the
match is not what the rule is for, so later rules may try the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Final, Literal

from .moments import Placement, Time
from .phrases import Phrases, alt

__all__ = ["BLOCK", "YEAR", "Answer", "Block", "Context", "Dated", "Pieces", "Rule", "compile_rule"]

# A year a news article names: 1900-2099, not a piece of a longer number ("2.025", "2025,5").
YEAR: Final = r"(?:19|20)\d{2}(?![\d.,]\d)"


@dataclass(frozen=True)
class Dated:
    """What some words date, how it was worked out, and what the finder may do with it afterwards."""

    time: Time
    how: str
    # A duration of this many months that ends at the sentence's other date, when it has one.
    counted_back: int | None = None
    # A range with both ends given: a "since" at its front opens nothing.
    closed: bool = False


class Block:
    """The answer for words that are no date: nothing inside them is dated by a later rule."""


BLOCK: Final = Block()
Answer = Dated | list[Dated] | Block | None


class Context:
    """One match in its sentence, published on a day: what a rule needs beyond the match itself."""

    def __init__(self, match: re.Match[str], sentence: str, published: dt.date, pieces: Pieces) -> None:
        self.match = match
        self.sentence = sentence
        self.published = published
        self.pieces = pieces

    @cached_property
    def _sides(self) -> tuple[str, str]:
        """The words of the clause around the match before it and after it."""
        start, end = self.match.span()
        sentence = self.sentence
        # ", which will open in June,": a clause of its own, whichever side of it the match is.
        for aside in self.pieces.aside.finditer(sentence):
            a, b = aside.span()
            if a <= start and end <= b:
                return sentence[a:start], sentence[end:b]
            if b <= start or end <= a:
                sentence = sentence[:a] + " " * (b - a) + sentence[b:]
        before, after = sentence[:start], sentence[end:]
        cuts = list(self.pieces.clause_break.finditer(before))
        tail = self.pieces.clause_break.search(after)
        opening = cuts[-1].end() if cuts else 0
        # "will strike tomorrow and on Friday across 40 hospitals": a date straight after "and"
        # is one more time of the clause before it, which gives it its verb.
        if cuts and self.pieces.phrases.means("list_words", cuts[-1].group()) and _words(before[opening:]) <= 1:
            opening = cuts[-2].end() if len(cuts) > 1 else 0
        sides = before[opening:], after[: tail.start()] if tail else after
        # "rain is forecast for Wednesday and Thursday": a date alone after "and" shares the clause before.
        return sides if _words(" ".join(sides)) > 1 else (before, after)

    @cached_property
    def clause(self) -> str:
        """The words of the clause around the match, the match left out."""
        return " ".join(self._sides)

    @cached_property
    def forward(self) -> bool:
        """Whether the clause around the match looks forward.

        By a word of the future ("akan", "will", "is scheduled"); by words before the date that look
        ahead to it, a move ("postponed to", "diundur ke") or a bet ("betting on a cut at the Dec. 10
        meeting"); or by a timetable in the present tense ("opens", "begins") when no verb in the
        past tense comes before the date: "Wimbledon begins on Monday, with Sinner seeded first".
        """
        pieces, clause, before = self.pieces, self.clause, self._sides[0]
        if pieces.forward.search(clause) or pieces.forward_cased.search(clause):
            return True
        if pieces.moved_to(before, self.match.group()) or pieces.bet.search(before):
            return True
        return bool(pieces.timetable.search(clause)) and not self._past_verb(before)

    @cached_property
    def looks_back(self) -> bool:
        """Whether the clause has a verb in the past tense or a superlative ("rose", "doubled", "lowest")."""
        return bool(self.pieces.past.search(self.clause))

    @cached_property
    def past_tense(self) -> bool:
        """Whether the clause tells of the past, a reporting verb aside: "the ministry said" dates nothing."""
        return self._past_verb(self.clause)

    def _past_verb(self, text: str) -> bool:
        return any(m.group().lower() not in self.pieces.reporting for m in self.pieces.past_verbs.finditer(text))

    def placement(self, rel: str | None = None) -> Placement:
        """How a date without a year is placed: by a last/this/next word if there is one, else by the clause."""
        kind = self.pieces.relative(rel) if rel else "this"
        if kind == "last":
            return "before"
        if kind == "next":
            return "after"
        return "first" if self.forward else "latest"


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


Resolve = Callable[[re.Match[str], Context], Answer]


@dataclass(frozen=True)
class Rule:
    """A pattern and the function that reads its matches."""

    pattern: re.Pattern[str]
    resolve: Resolve


class Pieces:
    """Regex pieces made from one language's phrase lists, and the lookups that read them back."""

    def __init__(self, phrases: Phrases) -> None:
        self.phrases = p = phrases
        names = [w for w in p.months if w in p.words("months")]
        abbreviations = [w for w in p.months if w not in names]
        # The dot only after an abbreviation ("Feb."), so a sentence's full stop stays out of "in February".
        self.month_words = rf"(?:{alt(abbreviations)})\.|{alt(p.months)}"
        self.weekday_words = alt(p.weekdays)
        self.rel = f"{p.pattern('last')}|{p.pattern('this')}|{p.pattern('next')}"
        self.number_words = rf"\d+|{p.pattern('numbers')}"
        self.unit_words = p.pattern("units")
        units = p.mapping("units")
        # The singular only: "early years" is no date, "early this year" is.
        singular = {w: u for w, u in units.items() if not (w.endswith("s") and w[:-1] in units)}
        self.year_unit = alt(w for w, u in singular.items() if u == "year")
        self.month_unit = alt(w for w, u in units.items() if u == "month")
        self.week_unit = alt(w for w, u in singular.items() if u == "week")
        self.calendar_units = alt(w for w, u in singular.items() if u in ("year", "month", "week"))
        self.part_of_day = rf"(?:,?\s+(?:{p.pattern('parts_of_day')}))?"
        breaks = [w for w in p.words("clause_breaks") if w.isalpha()]
        marks = "".join(re.escape(w) for w in p.words("clause_breaks") if not w.isalpha())
        self.aside = re.compile(rf",\s*(?:{p.pattern('relative_pronouns')})\b[^,;]*(?:,|$)", re.IGNORECASE)
        self.clause_break = re.compile(rf"(?<!\w)(?:{alt(breaks)})(?!\w)|[{marks or ';'}]", re.IGNORECASE)
        # Forward words that are also month names ("may") count only in lower case.
        forward = p.words("forward")
        cased = [w for w in forward if w in p.months]
        self.forward = re.compile(rf"(?<!\w)(?:{alt(w for w in forward if w not in cased)})(?!\w)", re.IGNORECASE)
        self.forward_cased = re.compile(rf"(?<!\w)(?:{alt(cased)})(?!\w)")
        verbs = rf"{p.pattern('past')}|\w{{2,}}(?:{p.pattern('past_suffixes')})"
        self.past_verbs = re.compile(rf"(?<!\w)(?:{verbs})(?!\w)", re.IGNORECASE)
        self.past = re.compile(rf"(?<!\w)(?:{verbs}|{p.pattern('superlatives')})(?!\w)", re.IGNORECASE)
        self.reporting = set(p.words("reporting"))
        self.timetable = re.compile(rf"(?<!\w)(?:{p.pattern('timetable')})(?!\w)", re.IGNORECASE)
        self.bet = re.compile(rf"(?<!\w)(?:{p.pattern('bets')})(?!\w)", re.IGNORECASE)
        # A verb that moves a date, any words of its clause, then the word right before the new date.
        moves = rf"(?<!\w)(?:{p.pattern('moves')})(?:\s+\S+)*?\s+(?:{p.pattern('moved_to')})"
        self._moved = re.compile(rf"{moves}\s*$", re.IGNORECASE)
        self._doubted_move = re.compile(
            rf"(?<!\w)(?:{p.pattern('uncertain')})\s+(?:\S+\s+){{0,2}}?{moves}\s*$", re.IGNORECASE
        )
        self.lengths = re.compile(rf"(?<!\w)(?:{p.pattern('lengths')})(?!\w)", re.IGNORECASE)
        self.side = self._side()
        self._side_pattern = re.compile(self.side, re.IGNORECASE)

    # -- pieces with named groups ----------------------------------------------------------------

    def month(self, name: str = "month") -> str:
        """A month name or abbreviation ("Feb." too)."""
        return rf"(?P<{name}>{self.month_words})"

    def weekday(self, name: str = "weekday") -> str:
        """A weekday name."""
        return rf"(?P<{name}>{self.weekday_words})"

    def number(self, name: str = "number") -> str:
        """An amount in digits or words."""
        return rf"(?P<{name}>{self.number_words})"

    def year_tail(self, tag: str = "") -> str:
        """What may follow a quarter or half to say its year: "/2025", " 2024", " of last year", " tahun ini"."""
        y, rel = self.year_unit, self.rel
        return (
            rf"(?:\s*[-/]\s*(?P<y1{tag}>{YEAR})|,?\s+(?:of\s+)?(?:(?:{y})\s+)?(?P<y2{tag}>{YEAR})"
            rf"|\s+(?:of\s+)?(?:the\s+)?(?:(?P<r1{tag}>{rel})\s+(?:{y})|(?:{y})\s+(?P<r2{tag}>{rel})"
            rf"|(?P<the{tag}>{y})(?![\w-])))?"
        )

    def _side(self) -> str:
        """One end of a range: "5 August 2024", "Aug. 5", "Juli tahun lalu", "March", "tahun 2020"."""
        month, y, rel = self.month(), self.year_unit, self.rel
        year_unit = rf"(?:(?:{y})\s+)?"
        month_prefix = rf"(?:(?:{self.phrases.pattern('month_prefix')})\s+)?"
        return (
            rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}(?:,?\s+{year_unit}(?P<year>{YEAR}))?"
            rf"|{month.replace('<month>', '<month2>')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*(?P<year2>{YEAR}))?"
            rf"|{month_prefix}{month.replace('<month>', '<month3>')}(?:\s+(?:of\s+)?{year_unit}(?P<year3>{YEAR})"
            rf"|\s+(?:(?:{y})\s+(?P<r2>{rel})|(?P<r1>{rel})\s+(?:{y})))?"
            rf"|{year_unit}(?P<year4>{YEAR})"
            rf"|(?:{self.weekday_words}),?\s*\((?P<day5>\d{{1,2}})/(?P<month5>\d{{1,2}})(?:/(?P<year5>\d{{4}}))?\)"
            rf"|(?P<dayword>{self.phrases.pattern('days')})"
        )

    def side_of(self, text: str, published: dt.date) -> tuple[int | None, int | None, int | None] | None:
        """What one end of a range says: (day, month, year), each None when not said."""
        m = self._side_pattern.fullmatch(text)
        if m is None:
            return None
        if m["dayword"]:
            offset = int(self.phrases.mapping("days")[" ".join(m["dayword"].lower().split())])
            said = published + dt.timedelta(days=offset)
            return (said.day, said.month, said.year)
        name = m["month"] or m["month2"] or m["month3"]
        day = m["day"] or m["day2"] or m["day5"]
        written = m["year"] or m["year2"] or m["year3"] or m["year4"] or m["year5"]
        rel = m["r1"] or m["r2"]
        year = None
        if written:
            year = int(written)
        elif rel:
            year = published.year + {"last": -1, "this": 0, "next": 1}[self.relative(rel)]
        month = self.month_of(name) if name else int(m["month5"]) if m["month5"] else None
        return (int(day) if day else None, month, year)

    def moved_to(self, before: str, match: str, doubted: bool = False) -> bool:
        """Whether the words before a date (and its own first word: "until Friday") move a date to it.

        With ``doubted``, whether a doubt stands before the move: "kemungkinan diundur hingga 2027".
        """
        pattern = self._doubted_move if doubted else self._moved
        lead = match.split()[0] if match.split() else ""
        return bool(pattern.search(before) or pattern.search(f"{before.rstrip()} {lead}"))

    # -- reading the groups back ------------------------------------------------------------------

    def month_of(self, name: str) -> int:
        """The number of a month name or abbreviation ("Feb." is 2)."""
        return self.phrases.months[name.lower().rstrip(".")]

    def relative(self, word: str) -> Literal["last", "this", "next"]:
        """Whether a word means last, this or next."""
        if self.phrases.means("last", word):
            return "last"
        return "next" if self.phrases.means("next", word) else "this"

    def amount(self, text: str) -> int | None:
        """The amount a number in digits or words stands for; None for a vague one ("several")."""
        if text.isdigit():
            return int(text)
        value = self.phrases.mapping("numbers").get(" ".join(text.lower().split()))
        return int(value) if value is not None else None

    def unit(self, word: str) -> str:
        """day, week, month or year."""
        return str(self.phrases.mapping("units")[word.lower()])

    def tail_year(self, m: re.Match[str], published: dt.date, tag: str = "") -> int | None:
        """The year a ``year_tail`` gave, or None when it gave none."""
        groups = m.groupdict()
        written = groups.get(f"y1{tag}") or groups.get(f"y2{tag}")
        if written:
            return int(written)
        rel = groups.get(f"r1{tag}") or groups.get(f"r2{tag}")
        if rel:
            return published.year + {"last": -1, "this": 0, "next": 1}[self.relative(rel)]
        return published.year if groups.get(f"the{tag}") else None


def compile_rule(pattern: str, resolve: Resolve) -> Rule:
    """A rule whose pattern matches whole words only, never inside a longer number ("12/2024", "9001:2015", "1.2025")."""
    return Rule(re.compile(rf"(?<![\w/])(?<!\d[.,:])(?:{pattern})(?![\w/])", re.IGNORECASE), resolve)
