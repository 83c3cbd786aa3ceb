"""An event's ``history``: its statements read and checked, every problem at its line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import STANCES, Statement
from ..problems import Problem
from . import spec
from .fields import Fields, kind_of
from .sources import read_date, read_sources
from .translations import read_translations

__all__ = ["read_history"]


def _statement(
    f: Fields, actors: Mapping[str, Any], warnings: list[Problem], languages: tuple[str, ...]
) -> Statement | None:
    """One entry of the history (``f`` reads its mapping)."""
    before = len(f.problems)
    f.require()
    date = read_date(f)
    by = f.ids("by")
    if f.has("by") and not by and not isinstance(f.mapping["by"], str):
        f.error("by", "is empty; name who said it, by actor id (e.g. by: [kcna])")
    f.known_ids("by", by, "actors", actors)
    stance = f.choice("stance", STANCES)
    note = f.text("note")
    sources = read_sources(f, warnings, languages)
    translations = read_translations(f, languages)
    if date is not None:
        for k, source in enumerate(sources):
            if date.earliest > source.published:
                f.error(
                    "date",
                    f"the statement is dated {date.display()}, after its source {source.publisher} was published "
                    f"({source.published.isoformat()}, sources[{k}]); a source cannot report what was not yet said",
                )
    if len(f.problems) > before or date is None or stance is None or not by or not sources:
        return None
    return Statement(date, by, stance, tuple(sources), note, translations)


def read_history(
    event: Fields, actors: Mapping[str, Any], warnings: list[Problem], languages: tuple[str, ...] = ()
) -> tuple[tuple[Statement, ...], bool]:
    """The event's statements, oldest first, and whether all of them were valid."""
    raw = event.mapping.get("history")
    if raw is None:
        return (), True
    if not isinstance(raw, list) or not raw:
        shown = "is empty" if isinstance(raw, list) else f"must be a list of statements, not {kind_of(raw)}"
        event.error("history", f"{shown}; start each statement with '- date: …' (then by, stance, sources)")
        return (), False
    statements: list[Statement] = []
    # Who spoke in each earlier entry, as written: a retraction is checked against them even when an
    # earlier entry has a problem of its own (one mistake, one message).
    earlier: list[set[str]] = []
    valid = True
    for i, item in enumerate(raw):
        where = ("history", i)
        if not isinstance(item, dict):
            event.error(
                "history",
                f"statement {i + 1} must be a mapping (date, by, stance, sources), not {kind_of(item)}",
                sub=(i,),
            )
            valid = False
            continue
        f = Fields(event.entry, where, item, spec.STATEMENT, event.problems, f"statement {i + 1} of the history")
        statement = _statement(f, actors, warnings, languages)
        speakers = (
            {a for a in item.get("by") or () if isinstance(a, str)} if isinstance(item.get("by"), list) else set()
        )
        retracting = item.get("stance") == "retracts"
        if retracting and speakers and not any(said and said <= speakers for said in earlier):
            f.error(
                "stance",
                "'retracts' withdraws an earlier statement by the same actors, and there is none above it; "
                "did you mean 'denies' or 'disputes'?",
            )
            valid = False
        if not retracting:
            earlier.append(speakers)
        if statement is None:
            valid = False
            continue
        if statements and statement.day < statements[-1].day:
            f.error(
                "date",
                f"{statement.date.display()} comes before the statement above it ({statements[-1].date.display()}); "
                "list the history oldest first",
            )
            valid = False
        statements.append(statement)
    return tuple(statements), valid
