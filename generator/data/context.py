"""What every data file of one generation is made from, and when each event was added.

Everything here is computed from the model alone, so the files are the same whichever tool
builds the site. Dates that files must carry (``generated``, the feed's ``updated``) come from
the content (when events were added), never from the clock, so two builds of the same content
are identical.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import markdown

from ..content.added import Added
from ..memo import Memo
from ..model import Actor, Event, Place, Statement, Tag, Timeline, in_language
from ..site.layout import Layout
from ..site.words import ENGLISH, Words

__all__ = ["Exports", "Terms"]


@dataclass(frozen=True, eq=False)
class Terms:
    """What an event's line in a data file is made from besides the event and the day it was
    added: the registries its ids resolve to, the layout its address comes from, and the words
    of the edition it is written for."""

    actors: Mapping[str, Actor]
    places: Mapping[str, Place]
    tags: Mapping[str, Tag]
    layout: Layout
    words: Words = ENGLISH
    digest: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        text = repr((self.actors, self.places, self.tags, self.layout, self.words))
        object.__setattr__(self, "digest", hashlib.sha256(text.encode()).hexdigest())

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Terms) and other.digest == self.digest

    def url(self, event: Event) -> str:
        """The event page's address: absolute when the site's address is known, else from the site's root."""
        return self.layout.address(self.layout.event(event.id))

    def text(self, item: object, name: str) -> str:
        """A field of a content item in the edition's language (English where it is not translated)."""
        return in_language(item, name, self.words.code)

    def date(self, event: Event) -> str:
        """The event's date as the edition's pages show it."""
        return self.text(event, "date_text") if event.date_text else self.words.date(event.date)

    def name(self, actor_id: str) -> str:
        """An actor's name in the edition's language."""
        return self.text(self.actors[actor_id], "name")


_MARKDOWN = markdown.Markdown()


def summary_html(text: str) -> str:
    """A summary as HTML (its Markdown was validated: no raw HTML, only http(s) and relative links).

    One converter, reset between summaries: making a new one for each took a third of the time."""
    return _MARKDOWN.reset().convert(text)


class Exports:
    """One generation's data files: the timeline, its terms, when each event was added, the memo."""

    def __init__(
        self,
        timeline: Timeline,
        layout: Layout,
        added: Added | None = None,
        memo: Memo | None = None,
        words: Words = ENGLISH,
    ) -> None:
        self.timeline = timeline
        self.words = words
        self.terms = Terms(timeline.actors, timeline.places, timeline.tags, layout, words)
        self.layout = layout
        self.git = added or Added()
        self.memo = memo if memo is not None else Memo()

    def added(self, event: Event) -> dt.date:
        """When the event was added: git history, else its ``added`` field, else its newest source's day."""
        return self.git.events.get(event.id) or event.added or max(s.published for s in event.all_sources)

    def statements_added(self, event: Event) -> tuple[dt.date, ...]:
        """When each statement of the event's history was added: git history, else the day the event
        was added or, if later, the statement's newest source's day."""
        seen: dict[str, int] = {}
        days = []
        for statement in event.history:
            nth = seen.get(statement.date.edtf, 0)
            seen[statement.date.edtf] = nth + 1
            known = self.git.statement(event.id, statement.date.edtf, nth)
            days.append(known or max(self.added(event), max(s.published for s in statement.sources)))
        return tuple(days)

    def updated(self, event: Event) -> tuple[dt.date, Statement | None]:
        """When the event last grew, and by which statement: its newest statement's day added, or
        the day the event was added when no statement came later."""
        added = self.added(event)
        newest: tuple[dt.date, Statement | None] = (added, None)
        for day, statement in zip(self.statements_added(event), event.history, strict=True):
            if day > added and day >= newest[0]:
                newest = (day, statement)
        return newest

    def generated(self) -> dt.date:
        """The newest addition (an event, or a statement to a history): what `generated` and the feed's
        `updated` say, the same on every build of the same content."""
        return max((self.updated(e)[0] for e in self.timeline.events), default=dt.date(1970, 1, 1))

    def lines(self, make: Callable[[Terms, Event, dt.date], str]) -> list[str]:
        """Each event's part of a data file, made once for as long as the event, the day it was added
        and the terms stay the same."""
        return [self.memo.call(make, self.terms, e, self.added(e)) for e in self.timeline.events]

    def summary_html(self, text: str) -> str:
        """A summary's HTML, kept across generations."""
        return self.memo.call(summary_html, text)
