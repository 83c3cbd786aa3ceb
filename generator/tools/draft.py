"""`timeline draft`: news text → draft events, each dated exactly as precisely as the text allows.

Dates in news are written relative to the day of publication and in the article's
language. The resolver finds them sentence by sentence with patterns built from the
phrase lists in ``generator/tools/phrases/<language>.yaml`` and resolves each against the
publication day, never more precisely than the words: "last year" is a year, "last
autumn" a season, "in January" a month, "last Friday" a day. Numbers that are not dates
("1,3 juta", "10.000 tentara") match no pattern.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from ..dates import SEASONS, parse_date
from ..ids import event_id_for
from .new import modeline

__all__ = ["Found", "Resolver", "read_article", "sentences", "write_drafts"]

_PHRASES = Path(__file__).parent / "phrases"
_IMPOSSIBLE = ("", "a day that does not exist")
_DURATION_HOW = re.compile(r"(?P<amount>\d+) (?P<unit>month|year)s up to publication")
_SEASON_NAMES = {code: name.lower() for code, name in SEASONS.items()}


@dataclass(frozen=True)
class Found:
    """A dated phrase in a sentence: where it is, its EDTF date, and how it was resolved."""

    phrase: str
    start: int
    end: int
    edtf: str
    how: str


def _alt(words: Any) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


class Resolver:
    """Finds and resolves the dates in sentences of one language ('id' or 'en')."""

    def __init__(self, language: str) -> None:
        path = _PHRASES / f"{language}.yaml"
        if not path.exists():
            known = ", ".join(p.stem for p in sorted(_PHRASES.glob("*.yaml")))
            raise ValueError(f"no phrase list for language {language!r}; known: {known}")
        self.language = language
        words = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.months = {name: i + 1 for i, name in enumerate(words["months"])}
        self.months |= {name: i + 1 for i, name in enumerate(words["month_abbreviations"])}
        self.weekdays = {name: i for i, name in enumerate(words["weekdays"])}
        self.seasons: dict[str, int] = words["seasons"]
        self.units: dict[str, str] = words["units"]
        self.numbers: dict[str, int | None] = words["numbers"]
        self.words = words
        self.patterns = self._patterns()

    # -- patterns ------------------------------------------------------------------------------

    def _patterns(self) -> list[tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], tuple[str, str] | None]]]:
        w = self.words
        month = rf"(?P<month>{_alt(self.months)})\.?"
        weekday = rf"(?P<weekday>{_alt(self.weekdays)})"
        season = rf"(?P<season>{_alt(self.seasons)})"
        year = r"(?P<year>(?:19|20)\d{2})(?![\d.,]\d)"
        number = rf"(?P<number>\d+|{_alt(n for n in self.numbers)})"
        unit = rf"(?P<unit>{_alt(self.units)})"
        last, this, nxt = _alt(w["last"]), _alt(w["this"]), _alt(w["next"])
        relative = rf"(?P<rel>{last}|{this}|{nxt})"
        part = rf"(?P<part>{_alt(w['part_of_month'])})"
        dmy = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
        pattern_list: list[tuple[str, Callable[[re.Match[str], dt.date], tuple[str, str] | None]]]
        if self.language == "id":
            pattern_list = [
                (rf"{weekday}\s*\({dmy}\)", self._numeric),
                (dmy, self._numeric),
                (rf"(?P<day>\d{{1,2}})\s+{month}\s+{year}", self._day),
                (rf"{part}\s+(?:bulan\s+)?{month}(?:\s+{year})?", self._part_of_month),
                (rf"{season}\s+(?:tahun\s+)?{year}", self._season_year),
                (rf"{season}\s+{relative}", self._season_relative),
                (rf"(?:bulan\s+)?{month}\s+(?:tahun\s+)?{year}", self._month_year),
                (rf"{number}\s+{unit}\s+(?:yang\s+)?(?:lalu|silam)", self._ago),
                (rf"(?:{_alt(w['duration'])})\s+{number}\s+{unit}", self._duration),
                (rf"{weekday}\s+(?:(?:pekan|minggu)\s+)?{relative}", self._weekday_relative),
                (rf"(?P<unitword>tahun|bulan|pekan|minggu)\s+{relative}", self._unit_relative),
                (rf"(?:pada\s+hari|pada|hari)\s+{weekday}", self._weekday_recent),
                (rf"(?:pada|sejak|hingga|sampai|bulan)\s+(?:bulan\s+)?{month}", self._month_alone),
                (rf"(?:(?P<ctx>tahun|pada|sejak|hingga|sampai)\s+)?{year}", self._year),
                (rf"(?P<today>{_alt(w['today'])})", self._today),
                (rf"(?P<yesterday>{_alt(w['yesterday'])})", self._yesterday),
            ]
        else:
            pattern_list = [
                (rf"{weekday},?\s*\({dmy}\)", self._numeric),
                (dmy, self._numeric),
                (rf"(?P<day>\d{{1,2}})\s+{month},?\s+{year}", self._day),
                (rf"{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}", self._day),
                (rf"{part}[\s-]+{month}(?:\s+{year})?", self._part_of_month),
                (rf"{season}\s+(?:of\s+)?{year}", self._season_year),
                (rf"{relative}\s+{season}", self._season_relative),
                (rf"{month}\s+(?:of\s+)?{year}", self._month_year),
                (rf"{number}\s+{unit}\s+ago", self._ago),
                (rf"(?:{_alt(w['duration'])})\s+(?:the\s+(?:past|last)\s+)?{number}\s+{unit}", self._duration),
                (rf"{relative}\s+{weekday}", self._weekday_relative),
                (rf"{relative}\s+(?P<unitword>year|month|week)", self._unit_relative),
                (rf"on\s+{weekday}", self._weekday_recent),
                (rf"(?:in|since|until|by|during)\s+{month}(?!\s+\d)", self._month_alone),
                (rf"(?:(?P<ctx>in|since|until|by|during|of)\s+)?{year}", self._year),
                (rf"(?P<today>{_alt(w['today'])})", self._today),
                (rf"(?P<yesterday>{_alt(w['yesterday'])})", self._yesterday),
            ]
        return [(re.compile(rf"(?<![\w/]){p}(?![\w/])", re.IGNORECASE), f) for p, f in pattern_list]

    # -- resolvers: each returns (EDTF, how) or None -------------------------------------------

    def _numeric(self, m: re.Match[str], published: dt.date) -> tuple[str, str] | None:
        day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
        if self.language == "en" and day <= 12 and month <= 12 and not m.groupdict().get("weekday"):
            day, month = month, day  # US order, 4/28/2025
        if not (1 <= month <= 12 and 1 <= day <= _last_day(year, month)):
            return _IMPOSSIBLE
        return f"{year:04d}-{month:02d}-{day:02d}", "a day written in numbers"

    def _day(self, m: re.Match[str], published: dt.date) -> tuple[str, str] | None:
        month, day, year = self.months[m["month"].lower()], int(m["day"]), int(m["year"])
        if not 1 <= day <= _last_day(year, month):
            return _IMPOSSIBLE
        return f"{year:04d}-{month:02d}-{day:02d}", "a day"

    def _latest_month(self, month: int, published: dt.date) -> int:
        """The year of the latest such month not after publication."""
        return published.year if month <= published.month else published.year - 1

    def _part_of_month(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        month = self.months[m["month"].lower()]
        year = int(m["year"]) if m["year"] else self._latest_month(month, published)
        return f"{year:04d}-{month:02d}~", f"{m['part'].lower()} in the month: approximate"

    def _season_year(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        return f"{m['year']}-{self.seasons[m['season'].lower()]}", "a season (northern hemisphere)"

    def _season_relative(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        code = self.seasons[m["season"].lower()]
        rel = self._relative(m["rel"])
        year = published.year
        if rel == "last":
            # The latest such season that ended before publication.
            while _season_end(year, code) >= published:
                year -= 1
        elif rel == "next":
            while _season_start(year, code) <= published:
                year += 1
        return f"{year}-{code}", f"{rel} {_SEASON_NAMES[code]} from {published.isoformat()}"

    def _month_year(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        return f"{m['year']}-{self.months[m['month'].lower()]:02d}", "a month"

    def _amount(self, m: re.Match[str]) -> int | None:
        raw = m["number"].lower()
        return int(raw) if raw.isdigit() else self.numbers.get(raw)

    def _ago(self, m: re.Match[str], published: dt.date) -> tuple[str, str] | None:
        amount, unit = self._amount(m), self.units[m["unit"].lower()]
        if amount is None:
            return None
        if unit == "year":
            return f"{published.year - amount}", f"{amount} years before {published.year}"
        if unit == "month":
            year, month = _shift_months(published.year, published.month, -amount)
            return f"{year:04d}-{month:02d}", f"{amount} months before {published:%B %Y}"
        days = amount * (7 if unit == "week" else 1)
        day = published - dt.timedelta(days=days)
        return (day.isoformat() if unit == "day" else f"{day:%Y-%m}~"), f"{amount} {unit}s before publication"

    def _duration(self, m: re.Match[str], published: dt.date) -> tuple[str, str] | None:
        amount, unit = self._amount(m), self.units[m["unit"].lower()]
        if amount is None or unit not in ("month", "year"):
            return None
        months = amount * (12 if unit == "year" else 1)
        year, month = _shift_months(published.year, published.month, -months)
        return (
            f"{year:04d}-{month:02d}~/{published.year:04d}-{published.month:02d}~",
            f"{amount} {unit}s up to publication: an approximate interval",
        )

    def _relative(self, word: str) -> str:
        word = word.lower()
        if word in self.words["last"]:
            return "last"
        return "next" if word in self.words["next"] else "this"

    def _weekday_relative(self, m: re.Match[str], published: dt.date) -> tuple[str, str] | None:
        if self.language == "id" and m["weekday"] == "minggu" and not m.group(0)[0].isupper():
            return None  # "minggu lalu" is last week, not last Sunday
        target, rel = self.weekdays[m["weekday"].lower()], self._relative(m["rel"])
        if rel == "last":
            delta = (published.weekday() - target) % 7 or 7
            day = published - dt.timedelta(days=delta)
        elif rel == "next":
            delta = (target - published.weekday()) % 7 or 7
            day = published + dt.timedelta(days=delta)
        else:
            day = published + dt.timedelta(days=target - published.weekday())
        return day.isoformat(), f"{rel} {m['weekday']} from {published:%A %d %B %Y}"

    def _weekday_recent(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        target = self.weekdays[m["weekday"].lower()]
        day = published - dt.timedelta(days=(published.weekday() - target) % 7)
        return day.isoformat(), f"the latest {m['weekday']} up to {published:%A %d %B %Y}"

    def _unit_relative(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        unit = self.units.get(m["unitword"].lower(), m["unitword"].lower())
        step = {"last": -1, "this": 0, "next": 1}[self._relative(m["rel"])]
        if unit == "year":
            return f"{published.year + step}", "a year relative to publication"
        if unit == "month":
            year, month = _shift_months(published.year, published.month, step)
            return f"{year:04d}-{month:02d}", "a month relative to publication"
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}", "a week (Monday to Sunday)"

    def _month_alone(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        month = self.months[m["month"].lower()]
        year = self._latest_month(month, published)
        return f"{year:04d}-{month:02d}", f"the latest {m['month']} not after publication"

    def _year(self, m: re.Match[str], published: dt.date) -> tuple[str, str] | None:
        # A bare four-digit number is a year only after a word like "in" or before punctuation:
        # "2000 tentara" (2,000 soldiers) is not a date.
        if not m["ctx"] and m.string[m.end() : m.end() + 1] not in (",", ".", ";", ")", ""):
            return None
        return m["year"], "a year"

    def _today(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        return published.isoformat(), "the day of publication"

    def _yesterday(self, m: re.Match[str], published: dt.date) -> tuple[str, str]:
        return (published - dt.timedelta(days=1)).isoformat(), "the day before publication"

    # -- finding -------------------------------------------------------------------------------

    def find(self, sentence: str, published: dt.date) -> list[Found]:
        """Every dated phrase in a sentence, in order, none overlapping another."""
        taken: list[tuple[int, int]] = []
        found: list[Found] = []
        for pattern, resolve in self.patterns:
            for match in pattern.finditer(sentence):
                start, end = match.span()
                if any(start < b and a < end for a, b in taken):
                    continue
                result = resolve(match, published)
                if result is None:
                    continue
                if result is _IMPOSSIBLE:
                    # "31 February 2025" is no date at all, not "February 2025".
                    taken.append((start, end))
                    continue
                edtf, how = result
                before = sentence[:start].rstrip().lower()
                opening = match.group(0).lower()
                since = any(before.endswith(w) or opening.startswith(w + " ") for w in self.words["since"])
                if since and "/" not in edtf:
                    edtf, how = f"{edtf}/..", f"since {how}: an interval still open"
                taken.append((start, end))
                found.append(Found(match.group(0), start, end, edtf, how))
        return self._anchor_durations(sorted(found, key=lambda f: f.start), sentence)

    def _anchor_durations(self, found: list[Found], sentence: str) -> list[Found]:
        """ "For seven months until March 2025": a duration ends at the sentence's other date, if it has one."""
        anchors = [f for f in found if "/" not in f.edtf]
        if not anchors:
            return found
        anchor = parse_date(anchors[0].edtf).earliest
        result = []
        for item in found:
            match = _DURATION_HOW.match(item.how)
            if match:
                months = int(match["amount"]) * (12 if match["unit"] == "year" else 1)
                year, month = _shift_months(anchor.year, anchor.month, -months)
                edtf = f"{year:04d}-{month:02d}~/{anchor.year:04d}-{anchor.month:02d}~"
                how = f"{match['amount']} {match['unit']}s up to {anchors[0].phrase!r}: an approximate interval"
                item = Found(item.phrase, item.start, item.end, edtf, how)
            result.append(item)
        return result


def _season_start(year: int, code: int) -> dt.date:
    return dt.date(year, {21: 3, 22: 6, 23: 9, 24: 12}[code], 1)


def _season_end(year: int, code: int) -> dt.date:
    start = _season_start(year, code)
    y, m = _shift_months(start.year, start.month, 2)
    return dt.date(y, m, _last_day(y, m))


@cache
def resolver(language: str) -> Resolver:
    """One resolver per language."""
    return Resolver(language)


# -- articles ----------------------------------------------------------------------------------

_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Agu|Sep|Sept|Oct|Okt|Nov|Dec|Des|Mr|Mrs|Dr|St|No))\.$"
)


def sentences(paragraph: str) -> Iterator[str]:
    """The sentences of a paragraph (not split after abbreviations such as 'Nov.')."""
    parts = re.split(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])", paragraph.strip())
    current = ""
    for part in parts:
        current = f"{current} {part}" if current else part
        if not _ABBREVIATION.search(current):
            yield current
            current = ""
    if current:
        yield current


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.depth += 1
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.paragraphs[-1] += data


def read_article(path: Path) -> list[str]:
    """The paragraphs of an article (plain text, or the <p> elements of an HTML page), boilerplate dropped."""
    text = path.read_text(encoding="utf-8-sig")
    if re.search(r"<(?:html|body|p)[\s>]", text, re.IGNORECASE):
        parser = _Paragraphs()
        parser.feed(text)
        candidates = parser.paragraphs
    else:
        candidates = re.split(r"\n\s*\n|\n", text)
    seen: set[str] = set()
    paragraphs = []
    for candidate in candidates:
        paragraph = " ".join(candidate.split())
        # A paragraph of news has a sentence in it: a few words and a full stop. Menus, buttons
        # and "subscribe" lines have not; a photo caption repeated on the page is kept once.
        if len(paragraph.split()) < 6 or not re.search(r"[.!?]", paragraph) or paragraph in seen:
            continue
        seen.add(paragraph)
        paragraphs.append(paragraph)
    return paragraphs


# -- drafts ------------------------------------------------------------------------------------


def _draft(sentence: str, found: list[Found], source: dict[str, Any]) -> str:
    lines = ["# A draft made by `timeline draft`: check it against the source."]
    for item in found:
        lines.append(f"# date: {item.phrase!r} → {item.edtf} ({item.how})")
    body: dict[str, Any] = {
        "title": "TODO a plain headline for what happened",
        "date": found[0].edtf,
        "status": "TODO",
        "summary": "TODO: what happened, in one to three short paragraphs.",
        "sources": [{**source, "quote": sentence}],
    }
    if not str(source.get("language", "en")).startswith("en"):
        body["sources"][0]["translation"] = "TODO an English translation of the quote"
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=88)
    return (
        "\n".join(lines)
        + "\n"
        + text.replace("status: TODO", "status: TODO  # confirmed | reported | claimed | disputed")
    )


@dataclass
class DraftReport:
    """What `timeline draft` found and wrote."""

    rows: list[tuple[Found, str]]
    written: list[Path]
    skipped: list[Path]


def write_drafts(
    article: Path, drafts_dir: Path, *, published: dt.date, language: str, source: dict[str, Any]
) -> DraftReport:
    """One draft event per dated sentence of the article, in ``drafts_dir``; existing files are kept."""
    find = resolver(language).find
    report = DraftReport([], [], [])
    for paragraph in read_article(article):
        for sentence in sentences(paragraph):
            found = find(sentence, published)
            if not found:
                continue
            report.rows.extend((item, sentence) for item in found)
            event_id = event_id_for(found[0].edtf, " ".join(sentence.split()[:6]))
            target = drafts_dir / f"{event_id}.yaml"
            if target.exists():
                report.skipped.append(target)
                continue
            drafts_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(modeline(drafts_dir, target) + _draft(sentence, found, source), encoding="utf-8")
            report.written.append(target)
    return report
