"""``data/events.json``: every event with its actors, places and tags resolved, one event a line."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from .. import __version__
from ..dates import EventDate
from ..model import STATUSES, Event, Source, Translations
from .context import Exports, Terms

__all__ = ["event_json", "events_json", "json_text"]


def json_text(data: dict[str, Any], dumped: Mapping[str, list[str]] | None = None) -> str:
    """JSON with one list item (event) a line: readable and diffable, and written by the C encoder,
    which ``indent`` turns off (indented JSON took 4 s for 10,000 events). ``dumped`` gives the
    items of a list already as JSON, by key."""
    fields = []
    for key, value in data.items():
        items = (dumped or {}).get(key)
        if items is None and isinstance(value, list):
            items = [json.dumps(v, ensure_ascii=False) for v in value]
        text = "[\n    " + ",\n    ".join(items) + "\n  ]" if items else json.dumps(value, ensure_ascii=False)
        fields.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def _actor(terms: Terms, actor_id: str) -> dict[str, Any]:
    actor = terms.actors[actor_id]
    return {"id": actor.id, "name": actor.name, "kind": actor.kind}


def _date(date: EventDate, display: str | None = None) -> dict[str, Any]:
    return {
        "edtf": date.edtf,
        "earliest": date.earliest.isoformat(),
        "latest": date.latest.isoformat() if date.latest else None,
        "precision": date.precision,
        "approximate": date.approximate,
        "uncertain": date.uncertain,
        "display": display or date.display(),
    }


def _translations(translations: Translations) -> dict[str, dict[str, str]]:
    """{language: {field: text}}: a content item's words in the site's other languages."""
    found: dict[str, dict[str, str]] = {}
    for language, name, text in translations.items:
        found.setdefault(language, {})[name] = text
    return found


def _source(s: Source) -> dict[str, Any]:
    return {
        "title": s.title,
        "publisher": s.publisher,
        "published": s.published.isoformat(),
        "url": s.url,
        "language": s.language,
        "via": list(s.via),
        "quote": s.quote,
        "translation": s.translation,
        "archive_url": s.archive_url,
        "translations": _translations(s.translations),
    }


def event_json(terms: Terms, event: Event, added: dt.date) -> dict[str, Any]:
    """One event with its registry entries resolved (see ``schema.events_schema``)."""
    places = [terms.places[p] for p in event.places]
    return {
        "id": event.id,
        "url": terms.url(event),
        "title": event.title,
        "date": _date(event.date, event.display_date),
        "status": event.status,
        "claimed_by": [_actor(terms, a) for a in event.claimed_by],
        "disputed_by": [_actor(terms, a) for a in event.disputed_by],
        "summary": event.summary,
        "actors": [_actor(terms, a) for a in event.actors],
        "places": [{"id": p.id, "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon} for p in places],
        "tags": [{"id": t, "name": terms.tags[t].name} for t in event.tags],
        "sources": [_source(s) for s in event.all_sources],
        "related": list(event.related),
        "added": added.isoformat(),
        "translations": _translations(event.translations),
        "history": [
            {
                "date": _date(st.date),
                "by": [_actor(terms, a) for a in st.by],
                "stance": st.stance,
                "note": st.note,
                "sources": [_source(s) for s in st.sources],
                "translations": _translations(st.translations),
            }
            for st in event.history
        ],
    }


def _line(terms: Terms, event: Event, added: dt.date) -> str:
    return json.dumps(event_json(terms, event, added), ensure_ascii=False)


def events_json(exports: Exports) -> str:
    """The whole timeline as JSON: ``version``, ``generated``, the statuses and every event."""
    head = {
        "version": 1,
        "generator": f"timeline-generator {__version__}",
        "generated": exports.generated().isoformat(),
        "statuses": STATUSES,
        "events": [],
    }
    return json_text(head, {"events": exports.lines(_line)})
