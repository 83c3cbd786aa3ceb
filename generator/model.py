"""The timeline's data: frozen dataclasses, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from .dates import EventDate

__all__ = [
    "ACTOR_KINDS", "STANCES", "STATUSES", "Actor", "Event", "Place", "Source", "Statement", "Tag", "Timeline",
    "Translations", "in_language",
]  # fmt: skip

STATUSES = {
    "confirmed": "acknowledged by the parties concerned or independently verified",
    "reported": "reported by credible outlets, not independently verified",
    "claimed": "asserted by a party and not verified",
    "disputed": "contested by another party",
}
"""Each status with the one-line meaning readers see in the legend."""

ACTOR_KINDS = ("person", "state", "organization", "media", "military")

STANCES = {
    "asserts": "a party states it",
    "denies": "a party says it is not so",
    "corroborates": "an independent party or evidence supports it",
    "disputes": "a party contests it, or part of it",
    "acknowledges": "the party concerned admits it",
    "retracts": "the same party withdraws what it said before",
}
"""Each stance a statement in an event's history may take, with what it means (the content model)."""


@dataclass(frozen=True)
class Translations:
    """The words of one content item in the site's other languages."""

    items: tuple[tuple[str, str, str], ...] = ()
    """(language, field, text), e.g. ('id', 'title', 'Korea Utara …')."""

    def get(self, language: str, name: str) -> str | None:
        """The field in ``language``, or None when it is not translated."""
        return next((text for lang, field, text in self.items if lang == language and field == name), None)


NO_TRANSLATIONS = Translations()


def in_language(item: object, name: str, language: str) -> str:
    """A field of a content item in ``language``: its translation, else the English field itself."""
    translated = getattr(item, "translations", NO_TRANSLATIONS).get(language, name) if language != "en" else None
    return str(translated if translated is not None else getattr(item, name))


@dataclass(frozen=True)
class Actor:
    """A person, state, organisation, media outlet or military."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    translations: Translations = NO_TRANSLATIONS


@dataclass(frozen=True)
class Place:
    """A place events happen in."""

    id: str
    name: str
    country: str | None = None
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    translations: Translations = NO_TRANSLATIONS


@dataclass(frozen=True)
class Tag:
    """A topic."""

    id: str
    name: str
    description: str = ""
    translations: Translations = NO_TRANSLATIONS


@dataclass(frozen=True)
class Source:
    """An article or statement an event is taken from."""

    title: str | None
    """None when it is not known (then the source has a ``url``): a title is never made up."""
    publisher: str
    published: dt.date
    url: str | None = None
    language: str = "en"
    via: tuple[str, ...] = ()
    quote: str | None = None
    translation: str | None = None
    archive_url: str | None = None
    translations: Translations = NO_TRANSLATIONS
    """The quote in another language of the site (when it is in neither that one nor English)."""


@dataclass(frozen=True)
class Statement:
    """One thing said about an event: when, by whom, with what stance, where it was reported."""

    date: EventDate
    by: tuple[str, ...]
    stance: str
    sources: tuple[Source, ...]
    note: str | None = None
    translations: Translations = NO_TRANSLATIONS

    @property
    def day(self) -> dt.date:
        """The earliest day the statement can have been made: when it counts on the timeline."""
        return self.date.earliest


@dataclass(frozen=True)
class Event:
    """One dated event, read from ``content/events/**/<id>.yaml``."""

    id: str
    path: str
    title: str
    date: EventDate
    status: str
    summary: str
    sources: tuple[Source, ...]
    date_text: str | None = None
    claimed_by: tuple[str, ...] = ()
    disputed_by: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    added: dt.date | None = None
    history: tuple[Statement, ...] = ()
    """What was said about the event, oldest first."""
    translations: Translations = NO_TRANSLATIONS

    def __hash__(self) -> int:
        # Computed once: events are keys of the generator's memo, looked up many times a generation.
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached

    def __getstate__(self) -> dict[str, object]:
        # A string's hash differs between processes: never carry the cached one along.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    @property
    def all_actors(self) -> tuple[str, ...]:
        """Every actor the event names, once each: its actors, who claims and who disputes it, and
        who made a statement about it."""
        spoke = (a for statement in self.history for a in statement.by)
        return tuple(dict.fromkeys((*self.actors, *self.claimed_by, *self.disputed_by, *spoke)))

    @property
    def all_sources(self) -> tuple[Source, ...]:
        """Its own sources, then those its history cites that are not among them."""
        return tuple(dict.fromkeys((*self.sources, *(s for statement in self.history for s in statement.sources))))

    @property
    def claimants(self) -> tuple[str, ...]:
        """Who claims it: ``claimed_by``, or else who asserts it in its history."""
        return self.claimed_by or self._by("asserts")

    @property
    def disputants(self) -> tuple[str, ...]:
        """Who disputes it: ``disputed_by``, or else who denies or disputes it in its history."""
        return self.disputed_by or self._by("denies", "disputes")

    def _by(self, *stances: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for s in self.history if s.stance in stances for a in s.by))

    @property
    def display_date(self) -> str:
        """How the date is shown: ``date_text`` when given, else the date's default wording."""
        return self.date_text or self.date.display()

    def sort_key(self) -> tuple[dt.date, int, str]:
        """The total order of the timeline: earliest day, coarser first, then id."""
        return (*self.date.sort_key(), self.id)


@dataclass(frozen=True)
class Timeline:
    """Everything the site is made of, events in timeline order."""

    events: tuple[Event, ...]
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    registry_paths: dict[str, str] = field(default_factory=dict)
    """Where each registry was read from ('actors' → 'content/actors.yaml'), for edit links."""
    languages: tuple[str, ...] = ()
    """The site's languages besides English, each published under /<language>/."""
