"""What every page of one generation is made from besides its own events: ``Site``.

A page function takes a ``Site`` and the values its page shows, and reads nothing else, so
its arguments are its memo key (see ``memo.Memo.call``). ``Site`` compares and hashes by a
digest of everything in it, computed once a generation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from .. import knowledge
from ..memo import Memo
from ..model import Actor, Event, Place, Source, Statement, Tag, Timeline, in_language
from .layout import Layout
from .markup import ENV, excerpt, md_text
from .words import ENGLISH, Words, short_name

__all__ = ["Site", "make_site"]


@dataclass(frozen=True)
class Rendering:
    """A quote's translation as a page shows it, and its language."""

    lang: str
    text: str


@dataclass(frozen=True, eq=False)
class Site:
    """The shared inputs of every page: layout, words, registries, the timeline's scale, page size."""

    layout: Layout
    words: Words
    actors: Mapping[str, Actor]
    places: Mapping[str, Place]
    tags: Mapping[str, Tag]
    registry_paths: Mapping[str, str]
    """Where each registry was read from ('actors' → 'content/actors.yaml'), for edit links."""
    scale: tuple[dt.date, dt.date]
    """The whole years the timeline covers: the scale of the date bars under the cards."""
    page_size: int
    lanes: str
    """What the overview's lanes stand for: 'status', 'tag' or 'actor-kind'."""
    memo: Memo = field(repr=False)
    """Where cards are kept; not an input of any page."""
    digest: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        text = repr((self.layout, self.words, self.actors, self.places, self.tags, self.registry_paths, self.scale,
                     self.page_size, self.lanes))  # fmt: skip
        object.__setattr__(self, "digest", hashlib.sha256(text.encode()).hexdigest())

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Site) and other.digest == self.digest

    def registry(self, kind: str) -> Mapping[str, Actor | Place | Tag]:
        """The actors, places or tags."""
        registries: dict[str, Mapping[str, Any]] = {"actors": self.actors, "places": self.places, "tags": self.tags}
        return registries[kind]

    # -- the edition's language ---------------------------------------------------------------

    @property
    def language(self) -> str:
        """The language of the pages being made: 'en', or another edition's code."""
        return self.words.code

    def t(self, key: str, **values: object) -> str:
        """A word or sentence of the site, in the pages' language."""
        return self.words.t(key, **values)

    def plain(self, item: Any, name: str) -> str:
        """A field of an event, statement, source or registry entry in the pages' language, or in
        English where it is not translated: for attributes and sentences."""
        return in_language(item, name, self.language)

    def text(self, item: Any, name: str, markdown: bool = True) -> Markup:
        """A plain-text field made safe for Markdown (or, with ``markdown=False``, for HTML); English
        that stands in for a missing translation is marked as English."""
        translated = item.translations.get(self.language, name) if self.language != "en" else None
        value = translated if translated is not None else getattr(item, name)
        safe = md_text(value) if markdown else escape(value)
        if self.language == "en" or translated is not None:
            return safe
        return Markup('<span lang="en">') + safe + Markup("</span>")

    def fallback(self, item: Any, name: str) -> str:
        """'en' when a field is shown in English for want of a translation into the pages' language, else ''."""
        if self.language == "en" or item.translations.get(self.language, name) is not None:
            return ""
        return "en"

    def block(self, item: Any, name: str) -> Markup:
        """A Markdown field (a summary, a description) in the pages' language, or the English one in
        a block marked as English."""
        translated = item.translations.get(self.language, name) if self.language != "en" else None
        if self.language == "en" or translated is not None:
            return Markup(translated if translated is not None else getattr(item, name))
        return Markup('<div lang="en" markdown>\n\n') + Markup(getattr(item, name)) + Markup("\n\n</div>")

    def date(self, event: Event) -> str:
        """How an event's date is shown: its ``date_text`` (translated when it is), else the date in words."""
        if event.date_text:
            return self.plain(event, "date_text")
        return self.words.date(event.date)

    def name(self, actor_id: str) -> str:
        """An actor's name in the pages' language."""
        return self.plain(self.actors[actor_id], "name")

    def short(self, actor_id: str) -> str:
        """An actor's shortest well-known name: 'KCNA' rather than 'Korean Central News Agency'."""
        actor = self.actors[actor_id]
        return short_name(actor, self.plain(actor, "name"))

    def summary_excerpt(self, event: Event) -> str:
        """The first sentence of the summary in the pages' language, as plain text."""
        return excerpt(self.plain(event, "summary"))

    def note(self, statement: Statement) -> Markup:
        """A statement's note, safe for Markdown."""
        return self.text(statement, "note")

    def rendering(self, source: Source) -> Rendering | None:
        """What a quote is shown with: its translation into the pages' language (English on English
        pages, and where there is none other), or nothing when the quote is in the pages' language."""
        quoted = source.language.split("-")[0]
        if quoted == self.language:
            return None
        translated = source.translations.get(self.language, "translation") if self.language != "en" else None
        if translated is not None:
            return Rendering(self.language, translated)
        return Rendering("en", source.translation) if source.translation else None

    # -- helpers the templates call ---------------------------------------------------------

    def status_label(self, event: Event) -> str:
        """'Confirmed', 'Claimed by KCNA', …: the status in words, with who claims or disputes it."""
        return self.words.status_label(event, self.short)

    def callout(self, event: Event) -> str:
        """The sentence at the top of an event page."""
        return self.words.callout(event, self.short)

    def card(self, event: Event, page: str) -> Markup:
        """An event's card in a listing on ``page``; the same on every page at the same depth, so made once a depth."""
        return self.memo.call(_card, self, event, self.layout.root(page))

    def span(self, event: Event) -> dict[str, str]:
        """Where an event's date lies on the whole timeline's scale, for the bar under its card."""
        first, last = self.scale
        total = (last - first).days + 1
        start = event.date.earliest
        end = event.date.latest or last
        left = 100 * (start - first).days / total
        width = max(100 * ((end - start).days + 1) / total, 0.8)
        classes = ["tl-span"]
        if event.date.interval and event.date.end is None:
            classes.append("tl-span--open-end")
        if event.date.interval and event.date.start is None:
            classes.append("tl-span--open-start")
        if event.date.approximate:
            classes.append("tl-span--approximate")
        if event.date.uncertain:
            classes.append("tl-span--uncertain")
        return {
            "classes": " ".join(classes),
            "style": f"left: {left:.2f}%; width: {min(width, 100 - left):.2f}%",
            "title": self.t("ui.on_scale", date=self.date(event), first=first.year, last=last.year),
        }


def card_classes(event: Event) -> str:
    """CSS classes of an event's card: its status, and how uncertain its date is."""
    classes = ["tl-event", f"tl-event--{event.status}"]
    if event.date.approximate:
        classes.append("tl-event--approximate")
    if event.date.uncertain:
        classes.append("tl-event--uncertain")
    if event.date.precision != "day":
        classes.append("tl-event--spans")
    return " ".join(classes)


@dataclass(frozen=True)
class Chip:
    """An actor's link on a card."""

    href: str
    name: str


@dataclass(frozen=True)
class Card:
    """Everything a card shows, worked out in Python: a listing holds a hundred cards, and every
    call a template makes costs more than the text it writes."""

    event: Event
    classes: str
    href: str
    date: str
    title: Markup
    status: str
    summary: str
    summary_lang: str
    """'en' when the summary stands in, in English, for a missing translation; else ''."""
    chips: tuple[Chip, ...]
    span: dict[str, str]
    trail: str
    trail_label: str
    known: str
    """The day the event became known, for the timeline's as-of view."""
    steps: str
    """How its status changed: '2024-10-18:claimed 2024-10-21:disputed'."""


def _card(site: Site, event: Event, root: str) -> Markup:
    """A card whose links start at ``root`` (the way back to the site's root from its page)."""
    layout = site.layout
    card = Card(
        event=event,
        classes=card_classes(event),
        href=root + layout.url(layout.event(event.id)),
        date=site.date(event),
        title=site.text(event, "title", markdown=False),
        status=site.status_label(event),
        summary=site.summary_excerpt(event),
        summary_lang=site.fallback(event, "summary"),
        chips=tuple(Chip(root + layout.url(layout.entry("actors", a)), site.name(a)) for a in event.actors),
        span=site.span(event),
        trail=site.words.trail(event) if event.history else "",
        trail_label=site.t("ui.trail_label"),
        known=knowledge.known_from(event).isoformat(),
        steps=" ".join(f"{step.day.isoformat()}:{step.status}" for step in knowledge.steps(event))
        if event.history
        else "",
    )
    return Markup(ENV.get_template("card.md.j2").render(c=card, e=event))


def _scale(events: Iterable[Event]) -> tuple[dt.date, dt.date]:
    days = [d for e in events for d in (e.date.earliest, e.date.latest) if d is not None]
    if not days:
        start = dt.date(2000, 1, 1)
        return start, start.replace(month=12, day=31)
    return dt.date(min(days).year, 1, 1), dt.date(max(days).year, 12, 31)


def make_site(
    timeline: Timeline, layout: Layout, page_size: int, memo: Memo, words: Words = ENGLISH, lanes: str = "status"
) -> Site:
    """The ``Site`` of one generation of ``timeline``."""
    return Site(
        layout, words, timeline.actors, timeline.places, timeline.tags, timeline.registry_paths,
        _scale(timeline.events), page_size, lanes, memo,
    )  # fmt: skip
