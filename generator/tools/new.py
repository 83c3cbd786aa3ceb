"""`timeline new`: a new event file with every required field, ready to fill in."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..dates import DateError, parse_date
from ..ids import event_id_for

__all__ = ["ask_date", "modeline", "new_event_file", "scaffold"]

_TEMPLATE = """\
title: {title}
date: '{date}'
# confirmed | reported | claimed (then add claimed_by: [actor ids]) | disputed (then add disputed_by)
status: TODO
summary: |
  TODO: what happened, in one to three short paragraphs of Markdown.
actors: []  # ids from content/actors.yaml
places: []  # ids from content/places.yaml
tags: []  # ids from content/tags.yaml
sources:
  - title: TODO the article's title, in its own language
    publisher: TODO
    published: TODO  # the day it was published, YYYY-MM-DD
    # url: https://…  (only an address you have seen; never guess one)
    language: en  # BCP 47: en, id, ko, ru, uk…
    quote: TODO the exact words from the source, copied, never paraphrased
    # translation: an English translation, required when the quote is not in English
"""


def _quote_title(title: str) -> str:
    # A title YAML would read as something else (yes, 2024, "a: b") is written in quotes.
    plain = re.fullmatch(r"[A-Za-z][^:#'\"\n]*", title) and title.lower() not in ("yes", "no", "true", "false", "null")
    return title if plain else "'" + title.replace("'", "''") + "'"


def scaffold(date: str, title: str) -> str:
    """The fields of a new event file, every one to fill in marked TODO."""
    return _TEMPLATE.format(title=_quote_title(title.strip()), date=date)


def modeline(content_dir: Path, target: Path) -> str:
    """The first line of an event file: where editors find its JSON Schema, relative to the file.

    ``content_dir`` is any folder at the top of the project (``content/``, ``drafts/``)."""
    project_schema = content_dir.resolve().parent / "generator" / "schema" / "event.schema.json"
    schema = project_schema if project_schema.exists() else Path(__file__).parents[1] / "schema" / "event.schema.json"
    relative = Path(os.path.relpath(schema, target.parent.resolve())).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


def new_event_file(content_dir: Path, date: str, title: str) -> Path:
    """Write a new event file under ``content_dir/events/<year>/``; raise FileExistsError or DateError."""
    parse_date(date)
    if not title.strip():
        raise ValueError("the title is empty")
    event_id = event_id_for(date, title)
    target = content_dir / "events" / event_id[:4] / f"{event_id}.yaml"
    if target.exists():
        raise FileExistsError(f"{target} already exists; choose another title, or edit that file")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(modeline(content_dir, target) + scaffold(date, title))
    return target


def ask_date(ask: object = input) -> str:
    """Ask for a date until it is one of the allowed forms."""
    while True:
        answer = str(ask("Date (e.g. 2025-04-28, 2025-01, 2024-23 for autumn 2024): ")).strip()  # type: ignore[operator]
        try:
            parse_date(answer)
            return answer
        except DateError as error:
            print(error)
