"""The timeline's data: frozen dataclasses, no I/O."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from .dates import EventDate

__all__ = ["ACTOR_KINDS", "STATUSES", "Actor", "Event", "Place", "Source", "Tag", "Timeline"]

STATUSES = {
    "confirmed": "acknowledged by the parties concerned or independently verified",
    "reported": "reported by credible outlets, not independently verified",
    "claimed": "asserted by a party and not verified",
    "disputed": "contested by another party",
}
"""Each status with the one-line meaning readers see in the legend."""

ACTOR_KINDS = ("person", "state", "organization", "media", "military")


@dataclass(frozen=True)
class Actor:
    """A person, state, organisation, media outlet or military."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class Place:
    """A place events happen in."""

    id: str
    name: str
    country: str | None = None
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Tag:
    """A topic."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Source:
    """An article or statement an event is taken from."""

    title: str
    publisher: str
    published: dt.date
    url: str | None = None
    language: str = "en"
    via: tuple[str, ...] = ()
    quote: str | None = None
    translation: str | None = None
    archive_url: str | None = None


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
        """Every actor the event names, once each: its actors, then who claims and who disputes it."""
        return tuple(dict.fromkeys((*self.actors, *self.claimed_by, *self.disputed_by)))

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
