"""The fields of every content file, declared once.

The validator reads its field names, required fields and allowed values from here,
and ``json_schemas()`` turns the same declarations into the JSON Schemas committed
in ``generator/schema/`` for editors (``REGEN_GOLDEN=1 pytest tests/test_schema.py``
rewrites them; a test fails when they drift). The schema of the published ``events.json``
(``generator.data.schema``) is made from the same declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..ids import ID_REGEX
from ..model import ACTOR_KINDS, STANCES, STATUSES

__all__ = [
    "ACTOR",
    "EVENT",
    "ID_REGEX",
    "PLACE",
    "REGISTRIES",
    "SOURCE",
    "STATEMENT",
    "TAG",
    "FieldSpec",
    "field",
    "json_schemas",
    "names",
    "required",
]

_POINT = r"[0-9]{4}(-((0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|2[1-4]))?[~?]?"
DATE_REGEX = rf"^({_POINT}|{_POINT}/{_POINT}|\.\./{_POINT}|{_POINT}/\.\.)$"
DAY_REGEX = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
URL_REGEX = r"^https?://"
LANGUAGE_REGEX = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
WIKIDATA_REGEX = r"^Q[1-9][0-9]*$"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a content file: its name, kind of value, whether it is required, and what it means."""

    name: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    refers_to: str | None = None
    """For ids: what they name ('actors', 'places', 'tags' or 'events')."""
    translates: tuple[str, ...] = ()
    """For ``translations``: the fields of the same mapping that may be given in another language."""


def _translations(*names: str) -> FieldSpec:
    return FieldSpec(
        "translations",
        "translations",
        "The words in the site's other languages, by language code: {id: {"
        + ", ".join(f"{n}: …" for n in names)
        + "}}. What is not translated is shown in English.",
        translates=names,
    )


SOURCE = (
    FieldSpec(
        "title",
        "plain",
        "The article's or statement's title as published, in its own language; leave it out when it is not "
        "known and the url is (never compose or translate one).",
        max_length=300,
    ),
    FieldSpec("publisher", "plain", 'Who published it ("Bisnis.com", "KCNA").', True, max_length=200),
    FieldSpec("published", "day", "The day it was published, YYYY-MM-DD.", True),
    FieldSpec("url", "url", "Its http or https address. Never invent one: leave it out when it is not known."),
    FieldSpec("language", "language", "BCP 47 code of the source's language (id, ko, en); default en."),
    FieldSpec("via", "strings", "The chain the report travelled, nearest first: [Bloomberg, KCNA]."),
    FieldSpec("quote", "text", "The exact words from the source, in its language. Never paraphrase.", max_length=2000),
    FieldSpec(
        "translation",
        "text",
        "An English translation of the quote (required when the quote is not English).",
        max_length=2000,
    ),
    FieldSpec("archive_url", "url", "An archived copy (http or https)."),
    _translations("translation"),
)

STATEMENT = (
    FieldSpec("date", "date", "When it was said, in the date language (never after its sources were published).", True),
    FieldSpec("by", "ids", "Actor ids of who said it, at least one.", True, refers_to="actors"),
    FieldSpec(
        "stance",
        "choice",
        "How it bears on the event: " + "; ".join(f"{k}: {v}" for k, v in STANCES.items()) + ".",
        True,
        choices=tuple(STANCES),
    ),
    FieldSpec("note", "plain", "What was said, in our own words: plain text, at most 280 characters.", max_length=280),
    FieldSpec("sources", "sources", "Where it was reported; at least one.", True),
    _translations("note"),
)
"""One entry of an event's ``history``."""

EVENT = (
    FieldSpec(
        "title", "plain", "Plain-text headline, at most 120 characters; no Markdown, no HTML.", True, max_length=120
    ),
    FieldSpec(
        "date",
        "date",
        "When it happened, no more precisely than the source says: 2023-09-10, 2025-01, 2024, 2024-23 (autumn), "
        "2024-09~ (approximate), 2025-04? (uncertain), 2024-08-06/2025-04-26 (interval, '..' for an open end).",
        True,
    ),
    FieldSpec(
        "date_text",
        "plain",
        'How the date is shown when the default wording is not right ("Late autumn 2024").',
        max_length=80,
    ),
    FieldSpec(
        "status",
        "choice",
        "How sure anyone is: " + "; ".join(f"{k}: {v}" for k, v in STATUSES.items()) + ".",
        True,
        choices=tuple(STATUSES),
    ),
    FieldSpec(
        "claimed_by", "ids", "Actor ids of who asserts it (required when the status is claimed).", refers_to="actors"
    ),
    FieldSpec(
        "disputed_by",
        "ids",
        "Actor ids of who contests it (required when the status is disputed).",
        refers_to="actors",
    ),
    FieldSpec(
        "summary",
        "markdown",
        "What happened: Markdown, one to three short paragraphs; no raw HTML.",
        True,
        max_length=5000,
    ),
    FieldSpec("actors", "ids", "Ids from content/actors.yaml.", refers_to="actors"),
    FieldSpec("places", "ids", "Ids from content/places.yaml.", refers_to="places"),
    FieldSpec("tags", "ids", "Ids from content/tags.yaml.", refers_to="tags"),
    # Required unless the history cites them: the validator and the schema's allOf say so.
    FieldSpec("sources", "sources", "Where this is taken from; at least one, unless the history cites them."),
    FieldSpec("related", "ids", "Ids of other events (their file names without .yaml).", refers_to="events"),
    FieldSpec("aliases", "ids", "Former ids of this event, whose addresses keep working.", refers_to="events"),
    FieldSpec(
        "added",
        "day",
        "The day the event was added to the timeline (YYYY-MM-DD), for the feed; git history is used when it is there.",
    ),
    FieldSpec("history", "history", "What was said about the event, by whom and when, oldest first."),
    _translations("title", "summary", "date_text"),
)

ACTOR = (
    FieldSpec("name", "plain", "The actor's name.", True, max_length=120),
    FieldSpec("kind", "choice", "What kind of actor this is.", True, choices=ACTOR_KINDS),
    FieldSpec("aliases", "strings", "Other names and spellings, which search also finds."),
    FieldSpec("wikidata", "wikidata", "Wikidata item id, e.g. Q56226."),
    _translations("name"),
)

PLACE = (
    FieldSpec("name", "plain", "The place's name.", True, max_length=120),
    FieldSpec("country", "id", "Actor id of the country it is in."),
    FieldSpec("wikidata", "wikidata", "Wikidata item id."),
    FieldSpec("lat", "latitude", "Latitude in degrees, -90 to 90 (with lon)."),
    FieldSpec("lon", "longitude", "Longitude in degrees, -180 to 180 (with lat)."),
    _translations("name"),
)

TAG = (
    FieldSpec("name", "plain", "The topic's name.", True, max_length=120),
    FieldSpec("description", "markdown", "One or two sentences on what the topic covers.", max_length=1000),
    _translations("name", "description"),
)

REGISTRIES = {"actors": ACTOR, "places": PLACE, "tags": TAG}


def field(fields: tuple[FieldSpec, ...], name: str) -> FieldSpec:
    """The declaration of one field."""
    return next(f for f in fields if f.name == name)


def translatable(fields: tuple[FieldSpec, ...]) -> tuple[FieldSpec, ...]:
    """The declarations of the fields a mapping's ``translations`` may give, none of them required."""
    names = next((f.translates for f in fields if f.kind == "translations"), ())
    return tuple(replace(f, required=False) for f in fields if f.name in names)


def names(fields: tuple[FieldSpec, ...]) -> tuple[str, ...]:
    """The field names, in the order contributors see them."""
    return tuple(f.name for f in fields)


def required(fields: tuple[FieldSpec, ...]) -> tuple[str, ...]:
    """The names of the required fields."""
    return tuple(f.name for f in fields if f.required)


def _value_schema(field: FieldSpec, siblings: tuple[FieldSpec, ...] = ()) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1}
    ids = {"type": "array", "items": {"type": "string", "pattern": ID_REGEX, "maxLength": 80}, "uniqueItems": True}
    kinds: dict[str, dict[str, Any]] = {
        "plain": {**text, "pattern": r"^[^\n<>]*$"},
        "text": text,
        "markdown": text,
        "date": {"type": ["string", "integer"], "pattern": DATE_REGEX, "minimum": 1000, "maximum": 9999},
        "day": {"type": "string", "pattern": DAY_REGEX},
        "url": {"type": "string", "pattern": URL_REGEX, "format": "uri"},
        "language": {"type": "string", "pattern": LANGUAGE_REGEX, "default": "en"},
        "strings": {"type": "array", "items": text},
        "ids": ids,
        "id": {"type": "string", "pattern": ID_REGEX},
        "choice": {"type": "string", "enum": list(field.choices)},
        "wikidata": {"type": "string", "pattern": WIKIDATA_REGEX},
        "latitude": {"type": "number", "minimum": -90, "maximum": 90},
        "longitude": {"type": "number", "minimum": -180, "maximum": 180},
        "sources": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/source"}},
        "history": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/statement"}},
        "translations": {
            "type": "object",
            "propertyNames": {"pattern": LANGUAGE_REGEX, "not": {"const": "en"}},
            "additionalProperties": {
                "type": "object",
                "minProperties": 1,
                "properties": {f.name: _value_schema(f) for f in translatable(siblings)},
                "additionalProperties": False,
            },
        },
    }
    schema = {"description": field.description, **kinds[field.kind]}
    if field.max_length is not None:
        schema["maxLength"] = field.max_length
    return schema


def _object(fields: tuple[FieldSpec, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.name: _value_schema(f, fields) for f in fields},
        "required": list(required(fields)),
        "additionalProperties": False,
    }


def json_schemas() -> dict[str, dict[str, Any]]:
    """``{file name: JSON Schema}`` for event files and each registry."""
    draft = "https://json-schema.org/draft/2020-12/schema"
    source = _object(SOURCE)
    # A quote in any language but English needs a translation beside it.
    source["allOf"] = [
        {
            "if": {"required": ["quote", "language"], "properties": {"language": {"not": {"pattern": "^en(-|$)"}}}},
            "then": {"required": ["translation"]},
        }
    ]
    # A source without a title needs its address: the citation is then "Publisher, date" with its link.
    source["anyOf"] = [{"required": ["title"]}, {"required": ["url"]}]
    without_history = {"not": {"required": ["history"]}}
    event = {
        "$schema": draft,
        "title": "Timeline event",
        "description": "One event of the timeline: content/events/<year>/<id>.yaml. The file name is the id.",
        **_object(EVENT),
        "allOf": [
            # With a history, its statements may stand for the sources and say who claims or disputes it.
            {"if": without_history, "then": {"required": ["sources"]}},
            {
                "if": {"properties": {"status": {"const": "claimed"}}, **without_history},
                "then": {"required": ["claimed_by"], "properties": {"claimed_by": {"minItems": 1}}},
            },
            {
                "if": {"properties": {"status": {"const": "disputed"}}, **without_history},
                "then": {"required": ["disputed_by"], "properties": {"disputed_by": {"minItems": 1}}},
            },
        ],
        "$defs": {"source": source, "statement": _object(STATEMENT)},
    }
    schemas = {"event.schema.json": event}
    for kind, fields in REGISTRIES.items():
        schemas[f"{kind}.schema.json"] = {
            "$schema": draft,
            "title": f"Timeline {kind} registry",
            "description": f"content/{kind}.yaml: each key is an id (lower-case letters, digits, single hyphens).",
            "type": "object",
            "propertyNames": {"pattern": ID_REGEX, "maxLength": 80},
            "additionalProperties": _object(fields),
        }
    return schemas
