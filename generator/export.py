"""The timeline as data: JSON (with its schema), CSV, iCalendar, TimelineJS and an Atom feed.

Everything here is computed from the model alone, so the files are the same whichever
tool builds the site. Dates that files must carry (``generated``, the feed's
``updated``) come from the content (when events were added), never from the clock,
so two builds of the same content are identical.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import markdown

from . import __version__
from .dates import DatePoint
from .memo import Memo
from .model import STATUSES, Event, Timeline
from .render import event_page

__all__ = ["DATA_FILES", "Exporter", "events_schema", "json_text"]

DATA_FILES = {
    "json": "data/events.json",
    "schema": "data/events.schema.json",
    "csv": "data/events.csv",
    "ics": "data/events.ics",
    "timelinejs": "data/timelinejs.json",
    "feed": "feed.xml",
}
CSV_COLUMNS = (
    "id", "date", "earliest", "latest", "precision", "title", "status", "claimed_by", "disputed_by", "actors",
    "places", "tags", "sources", "url", "summary", "added",
)  # fmt: skip
FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"


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


_MARKDOWN = markdown.Markdown()


def _summary_html(text: str) -> str:
    """A summary as HTML (its Markdown was validated: no raw HTML, only http(s) and relative links).

    One converter, reset between summaries: making a new one for each took a third of the time."""
    return _MARKDOWN.reset().convert(text)


class Exporter:
    """Builds every data file of one timeline."""

    def __init__(
        self,
        timeline: Timeline,
        site_url: str | None = None,
        added: Mapping[str, dt.date] | None = None,
        memo: Memo | None = None,
    ):
        self.timeline = timeline
        self.memo = memo if memo is not None else Memo()
        # Everything an event's part of a data file depends on besides the event and its day added.
        self.context = hashlib.sha256(
            repr((timeline.actors, timeline.places, timeline.tags, site_url)).encode()
        ).hexdigest()
        self.site_url = (site_url or "").rstrip("/") + "/" if site_url else ""
        self.history = added or {}

    def url(self, event: Event) -> str:
        """The event page's address: absolute when the site's address is known."""
        return self.site_url + event_page(event.id).removesuffix(".md") + "/"

    def added(self, event: Event) -> dt.date:
        """When the event was added: git history, else its ``added`` field, else its newest source's day."""
        return self.history.get(event.id) or event.added or max(s.published for s in event.sources)

    def generated(self) -> dt.date:
        """The newest addition: what `generated` and the feed's `updated` say, the same on every build."""
        return max((self.added(e) for e in self.timeline.events), default=dt.date(1970, 1, 1))

    def summary_html(self, text: str) -> str:
        return self.memo.get(("summary html", text), _summary_html, text)

    def files(self) -> dict[str, str]:
        """``{path: text}`` for every data file."""
        return {
            DATA_FILES["json"]: self.events_json(),
            DATA_FILES["schema"]: json.dumps(events_schema(), indent=2) + "\n",
            DATA_FILES["csv"]: self.events_csv(),
            DATA_FILES["ics"]: self.events_ics(),
            DATA_FILES["timelinejs"]: json_text(self.timelinejs()),
            DATA_FILES["feed"]: self.atom(),
        }

    # -- JSON --------------------------------------------------------------------------------

    def _actor(self, actor_id: str) -> dict[str, Any]:
        actor = self.timeline.actors[actor_id]
        return {"id": actor.id, "name": actor.name, "kind": actor.kind}

    def event_json(self, event: Event) -> dict[str, Any]:
        """One event with its registry entries resolved."""
        places = [self.timeline.places[p] for p in event.places]
        return {
            "id": event.id,
            "url": self.url(event),
            "title": event.title,
            "date": {
                "edtf": event.date.edtf,
                "earliest": event.date.earliest.isoformat(),
                "latest": event.date.latest.isoformat() if event.date.latest else None,
                "precision": event.date.precision,
                "approximate": event.date.approximate,
                "uncertain": event.date.uncertain,
                "display": event.display_date,
            },
            "status": event.status,
            "claimed_by": [self._actor(a) for a in event.claimed_by],
            "disputed_by": [self._actor(a) for a in event.disputed_by],
            "summary": event.summary,
            "actors": [self._actor(a) for a in event.actors],
            "places": [{"id": p.id, "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon} for p in places],
            "tags": [{"id": t, "name": self.timeline.tags[t].name} for t in event.tags],
            "sources": [
                {
                    "title": s.title,
                    "publisher": s.publisher,
                    "published": s.published.isoformat(),
                    "url": s.url,
                    "language": s.language,
                    "via": list(s.via),
                    "quote": s.quote,
                    "translation": s.translation,
                    "archive_url": s.archive_url,
                }
                for s in event.sources
            ],
            "related": list(event.related),
            "added": self.added(event).isoformat(),
        }

    def events_json(self) -> str:
        """The whole timeline as JSON: ``version``, ``generated``, the statuses and every event."""
        head = {
            "version": 1,
            "generator": f"timeline-generator {__version__}",
            "generated": self.generated().isoformat(),
            "statuses": STATUSES,
            "events": [],
        }
        return json_text(head, {"events": self._lines("json", self._json_line)})

    def _json_line(self, event: Event) -> str:
        return json.dumps(self.event_json(event), ensure_ascii=False)

    def _lines(self, kind: str, make: Callable[[Event], str]) -> list[str]:
        """Each event's part of a data file, made once for as long as the event, the day it was
        added, the registries and the site's address stay the same (see ``memo``)."""
        return [self.memo.get((kind, self.context, self.added(e), e), make, e) for e in self.timeline.events]

    # -- CSV ---------------------------------------------------------------------------------

    def events_csv(self) -> str:
        """One row per event; lists are joined with '; '."""
        return _csv_line(CSV_COLUMNS) + "".join(self._lines("csv", self._csv_row))

    def _csv_row(self, e: Event) -> str:
        sources = [f"{s.publisher}: {s.title} ({s.published.isoformat()})" for s in e.sources]
        return _csv_line(
            [
                e.id,
                e.date.edtf,
                e.date.earliest.isoformat(),
                e.date.latest.isoformat() if e.date.latest else "",
                e.date.precision,
                e.title,
                e.status,
                "; ".join(e.claimed_by),
                "; ".join(e.disputed_by),
                "; ".join(e.actors),
                "; ".join(e.places),
                "; ".join(e.tags),
                "; ".join(sources),
                self.url(e),
                e.summary,
                self.added(e).isoformat(),
            ]
        )

    # -- iCalendar ---------------------------------------------------------------------------

    def events_ics(self) -> str:
        """One all-day VEVENT per event, spanning its date's precision (open intervals: the known day).

        Written directly (RFC 5545: escaped TEXT, lines folded at 75 octets): the icalendar
        package, which the tests read it back with, took 10 s to fold 10,000 events' lines.
        """
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:-//timeline-generator//{__version__}//EN",
            "X-WR-CALNAME:Timeline",
        ]
        body = "".join(self._lines("ics", self._ics_event))
        return "".join(_fold(line) + "\r\n" for line in lines) + body + "END:VCALENDAR\r\n"

    def _ics_event(self, e: Event) -> str:
        start = e.date.earliest
        end = (e.date.latest if e.date.latest is not None else start) + dt.timedelta(days=1)
        lines = [
            "BEGIN:VEVENT",
            f"SUMMARY:{_ics_text(e.title)}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"DTSTAMP:{self.added(e):%Y%m%d}T000000Z",
            f"UID:{e.id}@timeline",
            f"CATEGORIES:{_ics_text(e.status)}",
            "DESCRIPTION:" + _ics_text(f"{e.display_date}. {e.status.capitalize()}. {e.summary}\n{self.url(e)}"),
            f"STATUS:{'CONFIRMED' if e.status == 'confirmed' else 'TENTATIVE'}",
        ]
        if self.site_url:
            lines.append(f"URL:{self.url(e)}")
        lines.append("END:VEVENT")
        return "".join(_fold(line) + "\r\n" for line in lines)

    # -- TimelineJS --------------------------------------------------------------------------

    def timelinejs(self, group: str = "status") -> dict[str, Any]:
        """TimelineJS 3's JSON: start and end dates, display_date where the date is not plain, grouped."""
        events = []
        for e in self.timeline.events:
            start = e.date.start or e.date.end
            assert start is not None
            item: dict[str, Any] = {
                "unique_id": e.id,
                "start_date": _tl_date(start.earliest, start),
                "text": {"headline": e.title, "text": self.summary_html(e.summary)},
                "group": _group(self.timeline, e, group),
            }
            if e.date.interval and e.date.end is not None and e.date.start is not None:
                item["end_date"] = _tl_date(e.date.end.latest, e.date.end)
            elif not e.date.interval and start.season is not None:
                item["end_date"] = _tl_date(start.latest, start)
            if e.date.precision in ("season", "interval") or e.date.approximate or e.date.uncertain or e.date_text:
                item["display_date"] = e.display_date
            events.append(item)
        return {"title": {"text": {"headline": "Timeline", "text": ""}}, "events": events}

    # -- Atom --------------------------------------------------------------------------------

    def atom(self, events: list[Event] | None = None, title: str = "Timeline") -> str:
        """An Atom 1.0 feed of the latest additions, newest first."""
        chosen = events if events is not None else list(self.timeline.events)
        newest = sorted(chosen, key=lambda e: (self.added(e), e.id), reverse=True)[:FEED_SIZE]
        ET.register_namespace("", ATOM)
        feed = ET.Element(f"{{{ATOM}}}feed")
        ET.SubElement(feed, f"{{{ATOM}}}title").text = title
        ET.SubElement(feed, f"{{{ATOM}}}id").text = self.site_url + "feed.xml" if self.site_url else "urn:timeline:feed"
        ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(self.generated())
        ET.SubElement(feed, f"{{{ATOM}}}link", href=self.site_url + "feed.xml", rel="self")
        ET.SubElement(feed, f"{{{ATOM}}}link", href=self.site_url or "./")
        author = ET.SubElement(feed, f"{{{ATOM}}}author")
        ET.SubElement(author, f"{{{ATOM}}}name").text = "Timeline contributors"
        for e in newest:
            entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
            ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{e.display_date}: {e.title}"
            ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:timeline:event:{e.id}"
            ET.SubElement(entry, f"{{{ATOM}}}link", href=self.url(e))
            ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(self.added(e))
            ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(self.added(e))
            ET.SubElement(entry, f"{{{ATOM}}}category", term=e.status, label=e.status.capitalize())
            summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="html")
            summary.text = f"<p><strong>{e.status.capitalize()}</strong> · {e.display_date}</p>" + self.summary_html(
                e.summary
            )
        ET.indent(feed)
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _csv_line(values: Sequence[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def _ics_text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def _fold(line: str, limit: int = 75) -> str:
    """An iCalendar content line folded into lines of at most 75 octets, never inside a UTF-8
    character nor between a backslash and the character it escapes."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    pieces = []
    start, room = 0, limit
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to the character's start
            end -= 1
        slashes = len(data[start:end]) - len(data[start:end].rstrip(b"\\"))
        if slashes % 2:
            end -= 1
        pieces.append(data[start:end])
        start, room = end, limit - 1  # a continuation line starts with a space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _tl_date(day: dt.date, point: DatePoint) -> dict[str, int]:
    """A TimelineJS date object, as precise as the EDTF date (seasons as their first or last month)."""
    date = {"year": day.year}
    if point.month is not None or point.season is not None:
        date["month"] = day.month
    if point.day is not None:
        date["day"] = day.day
    return date


def _group(timeline: Timeline, event: Event, group: str) -> str:
    if group == "tag" and event.tags:
        return timeline.tags[event.tags[0]].name
    if group == "actor" and event.actors:
        return timeline.actors[event.actors[0]].name
    return event.status.capitalize()


def events_schema() -> dict[str, Any]:
    """The JSON Schema of ``data/events.json``."""
    actor = {
        "type": "object",
        "required": ["id", "name", "kind"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}},
        "additionalProperties": False,
    }
    nullable = {"type": ["string", "null"]}
    day = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Timeline events",
        "type": "object",
        "required": ["version", "generated", "events"],
        "properties": {
            "version": {"const": 1},
            "generator": {"type": "string"},
            "generated": day,
            "statuses": {"type": "object", "additionalProperties": {"type": "string"}},
            "events": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "url", "title", "date", "status", "summary", "sources", "added"],
                    "properties": {
                        "id": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                        "url": {"type": "string"},
                        "title": {"type": "string"},
                        "date": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["edtf", "earliest", "latest", "precision", "display"],
                            "properties": {
                                "edtf": {"type": "string"},
                                "earliest": day,
                                "latest": {"anyOf": [day, {"type": "null"}]},
                                "precision": {"enum": ["day", "month", "season", "year", "interval"]},
                                "approximate": {"type": "boolean"},
                                "uncertain": {"type": "boolean"},
                                "display": {"type": "string"},
                            },
                        },
                        "status": {"enum": list(STATUSES)},
                        "claimed_by": {"type": "array", "items": actor},
                        "disputed_by": {"type": "array", "items": actor},
                        "summary": {"type": "string"},
                        "actors": {"type": "array", "items": actor},
                        "places": {"type": "array", "items": {"type": "object"}},
                        "tags": {"type": "array", "items": {"type": "object"}},
                        "sources": {
                            "type": "array",
                            "minItems": 1,
                            "items": {
                                "type": "object",
                                "required": ["title", "publisher", "published"],
                                "properties": {
                                    "title": {"type": "string"},
                                    "publisher": {"type": "string"},
                                    "published": day,
                                    "url": nullable,
                                    "language": {"type": "string"},
                                    "via": {"type": "array", "items": {"type": "string"}},
                                    "quote": nullable,
                                    "translation": nullable,
                                    "archive_url": nullable,
                                },
                            },
                        },
                        "related": {"type": "array", "items": {"type": "string"}},
                        "added": day,
                    },
                },
            },
        },
    }
