"""The timeline as data: one module per format, each computed from the model alone.

``events_json`` (and ``schema``, its JSON Schema from ``content.spec``), ``events_csv``,
``ics`` (iCalendar), ``timelinejs`` and ``feed`` (Atom); ``context`` holds what they share.
Where each file goes is ``site.layout.DATA_FILES``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..content.added import Added
from ..memo import Memo
from ..model import Timeline
from ..site.layout import DATA_FILES, Layout
from ..site.words import words_for
from .context import Exports
from .events_csv import events_csv
from .events_json import events_json, json_text
from .feed import atom
from .ics import events_ics
from .schema import events_schema
from .timelinejs import timelinejs

__all__ = ["FORMATS", "Exports", "data_files", "json_text"]

FORMATS: dict[str, Callable[[Exports], str]] = {
    "json": events_json,
    "schema": lambda exports: json.dumps(events_schema(), indent=2) + "\n",
    "csv": events_csv,
    "ics": events_ics,
    "timelinejs": lambda exports: json_text(timelinejs(exports)),
    "feed": atom,
}
"""Each format's text, by the name `timeline export --format` takes."""

EDITION_FORMATS = ("csv", "ics", "timelinejs", "feed")
"""The formats whose text is in the edition's language, so each edition has its own."""


def data_files(
    timeline: Timeline, layout: Layout, added: Added | None = None, memo: Memo | None = None
) -> dict[str, str]:
    """``{docs path: text}`` for every data file; each other edition has those whose text is in its
    language (``<language>/feed.xml``, ``<language>/data/events.csv``, …). ``events.json`` and its
    schema are one for all: the JSON carries every translation."""
    exports = Exports(timeline, layout, added, memo)
    files = {DATA_FILES[name]: make(exports) for name, make in FORMATS.items()}
    for language in timeline.languages:
        edition = Exports(timeline, layout.twin(language), added, memo, words_for(language))
        files.update({edition.layout.prefix + DATA_FILES[name]: FORMATS[name](edition) for name in EDITION_FORMATS})
    return files
