"""The words the site uses about events: status names and sentences, language names.

Kept apart from the templates so that every page says the same thing the same way (a status is
'Claimed by KCNA' on a card, an event page and in the JSON-LD alike).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import STATUSES, Actor, Event

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
            label += f" by {names(event.disputed_by)}"
            if event.claimed_by:
                label += f"; claimed by {names(event.claimed_by)}"
        elif event.claimed_by:
            label += f" by {names(event.claimed_by)}"
        return label

    def callout(self, event: Event, actors: Mapping[str, Actor]) -> str:
        """The sentence at the top of an event page: 'Claimed by KCNA, not independently verified'."""
        if event.status == "claimed":
            return f"{self.status_label(event, actors)}, not independently verified"
        if event.status == "reported":
            return "Reported by credible outlets, not independently verified"
        if event.status == "disputed":
            return self.status_label(event, actors)
        return f"Confirmed: {self.meaning('confirmed')}"


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
)
