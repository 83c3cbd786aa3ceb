"""The words the site uses about events: status names and sentences, language names.

Kept apart from the templates so that every page says the same thing the same way (a status is
'Claimed by KCNA' on a card, an event page and in the JSON-LD alike).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from ..dates import EventDate
from ..knowledge import steps
from ..model import STANCES, STATUSES, Actor, Event, Statement

__all__ = ["ENGLISH", "Words", "short_name"]


def short_name(actor: Actor) -> str:
    """An actor's shortest well-known name: 'KCNA' rather than 'Korean Central News Agency'."""
    upper = [a for a in actor.aliases if a.isupper() and len(a) <= 6]
    return upper[0] if upper and len(actor.name) > 25 else actor.name


@dataclass(frozen=True)
class Words:
    """One language's words for the site."""

    status_titles: Mapping[str, str]
    status_meanings: Mapping[str, str]
    language_names: Mapping[str, str]
    stance_words: Mapping[str, str]
    """Each stance as the verb of a statement: 'asserts', 'denies'."""
    stance_past: Mapping[str, str]
    """Each stance in the past: 'asserted', 'denied'."""
    stance_meanings: Mapping[str, str]

    def status_title(self, status: str) -> str:
        """'Confirmed', 'Claimed', …"""
        return self.status_titles[status]

    def meaning(self, status: str) -> str:
        """What a status means, in the legend's words."""
        return self.status_meanings[status]

    def language(self, code: str) -> str:
        """A BCP 47 code's language name ('id' → 'Indonesian'), or the code when it is not known."""
        return self.language_names.get(code.split("-")[0], code)

    def status_label(self, event: Event, actors: Mapping[str, Actor]) -> str:
        """'Confirmed', 'Claimed by KCNA', 'Disputed by Ukraine; claimed by Russia'."""

        def names(ids: tuple[str, ...]) -> str:
            return ", ".join(short_name(actors[i]) for i in ids)

        label = self.status_title(event.status)
        if event.status == "disputed":
            label += f" by {names(event.disputants)}"
            if event.claimants:
                label += f"; claimed by {names(event.claimants)}"
        elif event.status == "claimed" or event.claimed_by:
            label += f" by {names(event.claimants)}"
        return label

    def names(self, ids: tuple[str, ...], actors: Mapping[str, Actor]) -> str:
        """'KCNA', 'Russia and North Korea', 'NIS, Ukraine and NATO'."""
        shown = [short_name(actors[i]) for i in ids]
        return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]

    @staticmethod
    def inline(date: EventDate) -> str:
        """A date's wording inside a sentence: 'until 12 September 2023', not 'Until …'."""
        text = date.display()
        return "until" + text[len("Until") :] if text.startswith("Until ") else text

    def when(self, date: EventDate) -> str:
        """'on 18 October 2024', 'in October 2024', 'until 12 September 2023'."""
        if date.interval and date.start is None:
            return self.inline(date)
        return ("on " if date.precision == "day" else "in ") + self.inline(date)

    def statement(self, statement: Statement, actors: Mapping[str, Actor]) -> str:
        """'asserted by NIS on 18 October 2024'."""
        return f"{self.stance_past[statement.stance]} by {self.names(statement.by, actors)} {self.when(statement.date)}"

    def how_it_came_to_be(self, event: Event, actors: Mapping[str, Actor]) -> str:
        """The status and how it came to be, from the history: 'Confirmed since 28 April 2025, when KCNA
        acknowledged it; first asserted by NIS on 18 October 2024; denied by North Korea on 21 October 2024'."""
        last = steps(event)[-1]
        cause = last.statement
        assert cause is not None  # an event with a history has a statement at every step
        # Never more precise than the statement's date; an open start counts from its end.
        at = cause.date.end.display() if cause.date.interval and cause.date.start is None and cause.date.end else None
        since = f"{self.status_title(event.status)} since {at or self.inline(cause.date)}"
        if cause.stance in _SUPPORTS[event.status]:
            since += f", when {self.names(cause.by, actors)} {self.stance_past[cause.stance]} it"
        else:  # today's judgement is the editors', not what the last statement said
            since += ", on the editors' judgement"
        parts = [since]
        # Who said it first, and who first said it was not so: what a reader of a claim asks.
        first = next((s for s in event.history if s.stance == "asserts"), event.history[0])
        if first is not cause:
            parts.append("first " + self.statement(first, actors))
        against = next((s for s in event.history if s.stance in ("denies", "disputes")), None)
        if against is not None and against not in (first, cause):
            parts.append(self.statement(against, actors))
        if event.status in ("claimed", "reported"):
            parts.append("not independently verified")
        return "; ".join(parts)

    def trail(self, event: Event) -> str:
        """A history in a line: 'asserted 18 October 2024 → acknowledged 28 April 2025 · 7 statements'."""
        first, last = event.history[0], event.history[-1]
        line = f"{self.stance_past[first.stance]} {self.inline(first.date)}"
        if len(event.history) > 1:
            line += f" → {self.stance_past[last.stance]} {self.inline(last.date)}"
        n = len(event.history)
        return f"{line} · {n} statement{'s' if n != 1 else ''}"

    def script_words(self) -> dict[str, object]:
        """What the timeline's script says to readers, so that it speaks the page's language."""
        return {
            "statuses": dict(self.status_titles),
            "months": [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)],
            "all": "Showing all {n} events",
            "one": "Showing the one event",
            "some": "Showing {n} of {total} events",
            "asOf": "as the timeline was known on {day}",
            "none": "No event was known yet on {day}",
        }

    def callout(self, event: Event, actors: Mapping[str, Actor]) -> str:
        """The sentence at the top of an event page: 'Claimed by KCNA, not independently verified', or,
        with a history, how its status came to be."""
        if event.history:
            return self.how_it_came_to_be(event, actors)
        if event.status == "claimed":
            return f"{self.status_label(event, actors)}, not independently verified"
        if event.status == "reported":
            return "Reported by credible outlets, not independently verified"
        if event.status == "disputed":
            return self.status_label(event, actors)
        return f"Confirmed: {self.meaning('confirmed')}"


_SUPPORTS = {"confirmed": ("acknowledges",), "disputed": ("denies", "disputes"), "reported": ("corroborates",),
             "claimed": ("asserts",)}  # fmt: skip

ENGLISH = Words(
    status_titles={"confirmed": "Confirmed", "reported": "Reported", "claimed": "Claimed", "disputed": "Disputed"},
    status_meanings=STATUSES,
    language_names={
        "en": "English",
        "id": "Indonesian",
        "ko": "Korean",
        "ru": "Russian",
        "uk": "Ukrainian",
        "ja": "Japanese",
        "zh": "Chinese",
        "de": "German",
        "fr": "French",
        "es": "Spanish",
    },
    stance_words={stance: stance for stance in STANCES},
    stance_past={
        "asserts": "asserted",
        "denies": "denied",
        "corroborates": "corroborated",
        "disputes": "disputed",
        "acknowledges": "acknowledged",
        "retracts": "retracted",
    },
    stance_meanings=STANCES,
)
