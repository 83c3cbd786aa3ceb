"""The site's words, one table per language (``en.yaml``, ``id.yaml``): what every generated page,
data file and the timeline's script says, dates included, so that a translator reads and extends
one file, and every page says the same thing the same way (a status is 'Claimed by KCNA' on a
card, an event page and in the JSON-LD alike)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from ...dates import DatePoint, EventDate
from ...knowledge import steps
from ...model import STANCES, STATUSES, Actor, Event, Statement

__all__ = ["ENGLISH", "Words", "editions", "language_problem", "short_name", "words_for"]

_TABLES = Path(__file__).parent

_SUPPORTS = {"confirmed": ("acknowledges",), "disputed": ("denies", "disputes"), "reported": ("corroborates",),
             "claimed": ("asserts",)}  # fmt: skip


def short_name(actor: Actor, name: str | None = None) -> str:
    """An actor's shortest well-known name: 'KCNA' rather than 'Korean Central News Agency'."""
    name = name or actor.name
    upper = [a for a in actor.aliases if a.isupper() and len(a) <= 6]
    return upper[0] if upper and len(name) > 25 else name


@dataclass(frozen=True, eq=False)
class Words:
    """One language's words: ``t(key)`` for any of them, and the sentences made from them."""

    code: str
    table: Mapping[str, Any] = field(repr=False)
    digest: str = ""

    def __repr__(self) -> str:
        return f"Words({self.code!r}, {self.digest[:12]})"

    def raw(self, key: str) -> str:
        """The text at a dotted key ('ui.sources'), its {placeholders} as they are."""
        node: Any = self.table
        for part in key.split("."):
            node = node[part]
        return str(node)

    def t(self, key: str, **values: object) -> str:
        """The text at a dotted key, with its {placeholders} filled in (plain text: see ``markup``)."""
        return self.raw(key).format(**values) if values else self.raw(key)

    def markup(self, key: str, **values: object) -> Markup:
        """The same for a page: the table's text is trusted Markdown; values that are not Markup are escaped."""
        return Markup(self.raw(key)).format(**values)

    def count(self, noun: str, n: int) -> str:
        """'1 event', '2,345 events' (in Indonesian '2.345 peristiwa')."""
        forms = self.table["sentences"][noun]
        return str(forms["one"] if n == 1 else forms["other"]).format(n=self.number(n))

    def number(self, n: int) -> str:
        """A whole number with the language's thousands separator."""
        text = f"{n:,}"
        return text.replace(",", ".") if self.code == "id" else text

    # -- statuses, stances, languages ---------------------------------------------------------

    @property
    def status_titles(self) -> dict[str, str]:
        """Each status's name, in the order of the content model."""
        return {s: self.status_title(s) for s in STATUSES}

    def status_title(self, status: str) -> str:
        """'Confirmed', 'Claimed', …"""
        return str(self.table["statuses"][status]["title"])

    def meaning(self, status: str) -> str:
        """What a status means, in the legend's words."""
        return str(self.table["statuses"][status]["meaning"])

    def stance(self, stance: str, form: str = "verb") -> str:
        """A stance as a verb ('asserts'), in the passive ('asserted') or done ('asserted it')."""
        return str(self.table["stances"][stance][form])

    def stance_meaning(self, stance: str) -> str:
        """What a stance means."""
        return str(self.table["stances"][stance]["meaning"])

    @property
    def stances(self) -> tuple[str, ...]:
        """Every stance, in the order of the content model."""
        return tuple(STANCES)

    def language(self, code: str) -> str:
        """A BCP 47 code's language name ('id' → 'Indonesian'), or the code when it is not known."""
        return str(self.table["languages"].get(code.split("-")[0], code))

    def kind(self, kind: str) -> str:
        """An actor's kind ('person', 'state', …)."""
        return str(self.table["kinds"].get(kind, kind))

    # -- dates ---------------------------------------------------------------------------------

    def month(self, month: int) -> str:
        """A month's name."""
        return str(self.table["months"][month - 1])

    def month_short(self, month: int) -> str:
        """A month's short name."""
        return str(self.table["months_short"][month - 1])

    def day(self, day: Any) -> str:
        """A calendar day: '28 April 2025'."""
        return self.t("dates.day", day=day.day, month=self.month(day.month), year=day.year)

    def month_year(self, day: Any) -> str:
        """A day's month: 'April 2025'."""
        return self.t("dates.month", month=self.month(day.month), year=day.year)

    def point(self, point: DatePoint) -> str:
        """One side of a date: '10 September 2023', 'c. Autumn 2024', 'April 2025 (uncertain)'."""
        if point.day is not None and point.month is not None:
            text = self.t("dates.day", day=point.day, month=self.month(point.month), year=point.year)
        elif point.month is not None:
            text = self.t("dates.month", month=self.month(point.month), year=point.year)
        elif point.season is not None:
            text = self.t("dates.season", season=self.table["seasons"][point.season], year=point.year)
        else:
            text = str(point.year)
        if point.approximate:
            text = self.t("dates.approximate", date=text)
        if point.uncertain:
            text = self.t("dates.uncertain", date=text)
        return text

    def date(self, date: EventDate) -> str:
        """A date as readers see it: a day, a month, a season, a year, or an interval of them."""
        if not date.interval:
            assert date.start is not None
            return self.point(date.start)
        if date.end is None:
            assert date.start is not None
            return self.t("dates.open_end", start=self.point(date.start))
        if date.start is None:
            return self.t("dates.open_start", end=self.point(date.end))
        return self.t("dates.interval", start=self.point(date.start), end=self.point(date.end))

    def inline(self, date: EventDate) -> str:
        """A date inside a sentence: 'until 12 September 2023', not 'Until …'."""
        if date.interval and date.start is None and date.end is not None:
            return self.t("dates.open_start_inline", end=self.point(date.end))
        return self.date(date)

    def when(self, date: EventDate) -> str:
        """'on 18 October 2024', 'in October 2024', 'until 12 September 2023'."""
        if date.interval and date.start is None:
            return self.inline(date)
        return self.t("dates.on" if date.precision == "day" else "dates.in", date=self.inline(date))

    # -- sentences -----------------------------------------------------------------------------

    def names(self, ids: tuple[str, ...], name_of: Callable[[str], str]) -> str:
        """'KCNA', 'Russia and North Korea', 'NIS, Ukraine and NATO'."""
        shown = [name_of(i) for i in ids]
        if len(shown) == 1:
            return shown[0]
        return self.t("sentences.and", first=", ".join(shown[:-1]), last=shown[-1])

    def status_label(self, event: Event, name_of: Callable[[str], str]) -> str:
        """'Confirmed', 'Claimed by KCNA', 'Disputed by Ukraine; claimed by Russia'."""

        def names(ids: tuple[str, ...]) -> str:
            return ", ".join(name_of(i) for i in ids)

        status = self.status_title(event.status)
        if event.status == "disputed":
            if event.claimants:
                return self.t("sentences.label_disputed", status=status, disputants=names(event.disputants),
                              claimants=names(event.claimants))  # fmt: skip
            return self.t("sentences.label_by", status=status, names=names(event.disputants))
        if event.status == "claimed" or event.claimed_by:
            return self.t("sentences.label_by", status=status, names=names(event.claimants))
        return status

    def statement(self, statement: Statement, name_of: Callable[[str], str]) -> str:
        """'asserted by NIS on 18 October 2024'."""
        return self.t("sentences.statement", passive=self.stance(statement.stance, "passive"),
                      names=self.names(statement.by, name_of), when=self.when(statement.date))  # fmt: skip

    def how_it_came_to_be(self, event: Event, name_of: Callable[[str], str]) -> str:
        """The status and how it came to be: 'Confirmed since 28 April 2025, when KCNA acknowledged it;
        first asserted by NIS on 18 October 2024; denied by North Korea on 21 October 2024'."""
        cause = steps(event)[-1].statement
        assert cause is not None  # an event with a history has a statement at every step
        # Never more precise than the statement's date; an open start counts from its end.
        open_start = cause.date.interval and cause.date.start is None and cause.date.end is not None
        at = self.point(cause.date.end) if open_start and cause.date.end else self.inline(cause.date)
        since = self.t("sentences.since", status=self.status_title(event.status), date=at)
        if cause.stance in _SUPPORTS[event.status]:
            since += ", " + self.t("sentences.when", names=self.names(cause.by, name_of),
                                   did=self.stance(cause.stance, "did"))  # fmt: skip
        else:  # today's judgement is the editors', not what the last statement said
            since += ", " + self.t("sentences.editors")
        parts = [since]
        # Who said it first, and who first said it was not so: what a reader of a claim asks.
        first = next((s for s in event.history if s.stance == "asserts"), event.history[0])
        if first is not cause:
            parts.append(self.t("sentences.first", statement=self.statement(first, name_of)))
        against = next((s for s in event.history if s.stance in ("denies", "disputes")), None)
        if against is not None and against not in (first, cause):
            parts.append(self.statement(against, name_of))
        if event.status in ("claimed", "reported"):
            parts.append(self.t("sentences.unverified"))
        return "; ".join(parts)

    def trail(self, event: Event) -> str:
        """A history in a line: 'asserted 18 October 2024 → acknowledged 28 April 2025 · 7 statements'."""
        first, last = event.history[0], event.history[-1]
        step = "sentences.trail_step"
        head = self.t(step, passive=self.stance(first.stance, "passive"), date=self.inline(first.date))
        rest = ""
        if len(event.history) > 1:
            rest = " → " + self.t(step, passive=self.stance(last.stance, "passive"), date=self.inline(last.date))
        return self.t("sentences.trail", first=head, rest=rest, statements=self.count("statements", len(event.history)))

    def callout(self, event: Event, name_of: Callable[[str], str]) -> str:
        """The sentence at the top of an event page: 'Claimed by KCNA, not independently verified', or,
        with a history, how its status came to be."""
        if event.history:
            return self.how_it_came_to_be(event, name_of)
        if event.status == "claimed":
            return self.t("sentences.claimed", label=self.status_label(event, name_of))
        if event.status == "reported":
            return self.t("sentences.reported")
        if event.status == "disputed":
            return self.status_label(event, name_of)
        return self.t("sentences.confirmed", meaning=self.meaning("confirmed"))

    def script_words(self) -> dict[str, object]:
        """What the timeline's script says to readers, so that it speaks the page's language."""
        return {
            "statuses": self.status_titles,
            "months": list(self.table["months"]),
            "all": self.t("ui.showing_all", n="{n}"),
            "one": self.t("ui.showing_one"),
            "some": self.t("ui.showing_some", n="{n}", total="{total}"),
            "asOf": self.t("ui.as_of", day="{day}"),
            "none": self.t("ui.none_known", day="{day}"),
        }


def editions() -> tuple[str, ...]:
    """Every language besides English the generator has words for: what content may be translated
    into when no mkdocs.yml says which languages the site publishes."""
    return tuple(sorted(p.stem for p in _TABLES.glob("*.yaml") if p.stem != "en"))


def language_problem(code: object) -> str | None:
    """What is wrong with a language the plugin's ``languages`` lists, or None: each needs its words table."""
    known = editions()
    if not isinstance(code, str) or not code:
        return f"each of languages must be a language code such as 'id', not {code!r}"
    if code == "en":
        return "'en' is the site's own language; languages lists the other editions (e.g. [id])"
    if not (_TABLES / f"{code}.yaml").exists():
        return (f"no words for {code!r}: the site's words in it go in generator/site/words/{code}.yaml (copy en.yaml "
                f"and translate its values); there are words for: {', '.join(known) or 'none'}")  # fmt: skip
    return None


@cache
def words_for(code: str) -> Words:
    """The words of a language (its table ``<code>.yaml``); English where it has none."""
    path = _TABLES / f"{code}.yaml"
    if not path.exists():
        path = _TABLES / "en.yaml"
    text = path.read_text(encoding="utf-8")
    return Words(code, yaml.safe_load(text), hashlib.sha256(text.encode()).hexdigest())


ENGLISH = words_for("en")
"""The site's own language."""
