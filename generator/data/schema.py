"""``data/events.schema.json``: the JSON Schema of ``events.json``, made from ``content.spec``.

The published JSON shows each content field as its declaration says (its kind, its choices,
whether it is required), with ids resolved to the registry entries they name. So a field
added to the content model appears in this schema without being written twice.
"""

from __future__ import annotations

from typing import Any

from ..content import spec
from ..content.spec import FieldSpec
from ..ids import ID_REGEX
from ..model import STATUSES

__all__ = ["events_schema"]

_DAY = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

_LEFT_OUT = {"date_text", "aliases"}
"""Content fields events.json does not carry: ``date_text`` is ``date.display``; aliases are old addresses."""

_RESOLVED = {"actors": ("name", "kind"), "places": ("name", "country", "lat", "lon"), "tags": ("name",)}
"""What an id in an event resolves to in events.json: the id and these fields of its registry entry."""

_DATE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["edtf", "earliest", "latest", "precision", "display"],
    "properties": {
        "edtf": {"type": "string", "description": "The date as written in the content (EDTF)."},
        "earliest": {**_DAY, "description": "The first day the date can mean."},
        "latest": {"anyOf": [_DAY, {"type": "null"}], "description": "The last day, or null while still open."},
        "precision": {"enum": ["day", "month", "season", "year", "interval"]},
        "approximate": {"type": "boolean"},
        "uncertain": {"type": "boolean"},
        "display": {"type": "string", "description": "How the site shows the date (date_text when given)."},
    },
}


def _value(field: FieldSpec, required: bool) -> dict[str, Any]:
    """The JSON Schema of one content field as events.json shows it."""
    kind = field.kind
    if kind in ("plain", "text", "markdown", "url", "language", "id", "wikidata"):
        value: dict[str, Any] = {"type": "string" if required else ["string", "null"]}
    elif kind in ("latitude", "longitude"):
        value = {"type": "number" if required else ["number", "null"]}
    elif kind == "choice":
        value = {"enum": list(field.choices)}
    elif kind == "day":
        value = _DAY if required else {"anyOf": [_DAY, {"type": "null"}]}
    elif kind == "date":
        value = _DATE
    elif kind == "strings":
        value = {"type": "array", "items": {"type": "string"}}
    elif kind == "ids" and field.refers_to in _RESOLVED:
        value = {"type": "array", "items": _entry(field.refers_to)}
    elif kind == "ids":
        value = {"type": "array", "items": {"type": "string", "pattern": ID_REGEX}}
    elif kind == "sources":
        value = {"type": "array", "minItems": 1, "items": _object(spec.SOURCE, spec.names(spec.SOURCE))}
    elif kind == "translations":
        text = {
            "type": "object",
            "additionalProperties": False,
            "properties": {n: {"type": "string"} for n in field.translates},
        }
        value = {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
            "additionalProperties": text,
        }
    elif kind == "history":
        value = {"type": "array", "items": _object(spec.STATEMENT, spec.names(spec.STATEMENT))}
    else:  # pragma: no cover - a new kind of field must say how it is published
        raise ValueError(f"no published form for fields of kind {kind!r}")
    return {"description": field.description, **value}


def _object(fields: tuple[FieldSpec, ...], shown: tuple[str, ...]) -> dict[str, Any]:
    chosen = [f for f in fields if f.name in shown]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in chosen if f.required],
        "properties": {f.name: _value(f, f.required) for f in chosen},
    }


def _entry(kind: str) -> dict[str, Any]:
    """A registry entry as an event in events.json names it: its id and a few of its fields."""
    entry = _object(spec.REGISTRIES[kind], _RESOLVED[kind])
    entry["required"] = ["id", *_RESOLVED[kind]]
    entry["properties"] = {"id": {"type": "string", "pattern": ID_REGEX}, **entry["properties"]}
    return entry


def events_schema() -> dict[str, Any]:
    """The JSON Schema of ``data/events.json``."""
    shown = tuple(f.name for f in spec.EVENT if f.name not in _LEFT_OUT)
    event = _object(spec.EVENT, shown)
    event["properties"] = {
        "id": {"type": "string", "pattern": ID_REGEX, "description": "The event's id: its file name."},
        "url": {"type": "string", "description": "The event's page: absolute when the site's address is known."},
        **event["properties"],
        # Always there: from git history, the `added` field or the newest source's day.
        "added": {**_DAY, "description": "The day the event was added to the timeline."},
    }
    # Always there: an event's sources are its own and those its history cites; history may be empty.
    event["required"] = ["id", "url", *event["required"], "sources", "history", "added"]
    event["properties"]["sources"]["description"] = "Its own sources, then those its history cites."
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Timeline events",
        "type": "object",
        "required": ["version", "generated", "events"],
        "properties": {
            "version": {"const": 1},
            "generator": {"type": "string"},
            "generated": _DAY,
            "statuses": {
                "type": "object",
                "propertyNames": {"enum": list(STATUSES)},
                "additionalProperties": {"type": "string"},
            },
            "events": {"type": "array", "items": event},
        },
    }
