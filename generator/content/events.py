"""One event file's fields → an ``Event``, with a problem for everything wrong in it."""

from __future__ import annotations

import re
from typing import Any

from ..dates import DateError, EventDate, parse_date
from ..ids import check_id
from ..model import STATUSES, Event, Source
from ..problems import Problem, Severity
from . import spec
from .fields import Fields, kind_of, suggest
from .loader import FieldPath, RawEntry, is_date

__all__ = ["read_event"]

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _read_source(
    entry: RawEntry, where: FieldPath, value: Any, problems: list[Problem], warnings: list[Problem]
) -> Source | None:
    if not isinstance(value, dict):
        problems.append(
            entry.problem(
                where, f"a source must be a mapping with title, publisher and published, not {kind_of(value)}"
            )
        )
        return None
    f = Fields(entry, where, value, spec.SOURCE, problems, "this source")
    f.require()
    before = len(problems)
    title = f.text("title")
    publisher = f.text("publisher")
    published = f.day("published")
    url = f.url("url")
    archive_url = f.url("archive_url")
    language = f.text("language") or "en"
    if not _LANGUAGE.fullmatch(language):
        f.error("language", f"{language!r} is not a BCP 47 language code; write e.g. en, id, ko, ru, uk")
    via = f.strings("via")
    quote = f.text("quote")
    translation = f.text("translation")
    if quote and not translation and language.split("-")[0].lower() != "en":
        f.error("quote", f"the quote is in {language!r}; add a 'translation' into English beside it")
    if translation and not quote:
        f.error("translation", "there is no 'quote' to translate; add the quote or remove the translation")
    if len(problems) > before or title is None or publisher is None or published is None:
        return None
    if url is None and archive_url is None:
        warnings.append(
            entry.problem(
                where,
                "has neither 'url' nor 'archive_url', so readers cannot check it; add one if you have seen it "
                "(never guess one)",
                severity=Severity.WARNING,
            )
        )
    return Source(title, publisher, published, url, language, via, quote, translation, archive_url)


def read_event(
    entry: RawEntry,
    event_id: str,
    registries: dict[str, dict[str, Any]],
    problems: list[Problem],
    warnings: list[Problem],
) -> Event | None:
    """Read one event, checking every field (and its registry ids) even after a bad one."""
    data = entry.data
    if not isinstance(data, dict):
        problems.append(
            entry.problem((), f"an event file must be a mapping of fields (title, date, …), not {kind_of(data)}")
        )
        return None
    before = len(problems)
    f = Fields(entry, (), data, spec.EVENT, problems, "this event")
    f.require()
    title = f.text("title")
    date = _read_date(f)
    date_text = f.text("date_text")
    status = f.choice("status", STATUSES)
    claimed_by = f.ids("claimed_by")
    disputed_by = f.ids("disputed_by")
    if status == "claimed" and not claimed_by:
        f.error("status", "a 'claimed' event needs 'claimed_by': the ids of the actors who assert it")
    if status == "disputed" and not disputed_by:
        f.error("status", "a 'disputed' event needs 'disputed_by': the ids of the actors who contest it")
    if claimed_by and status not in ("claimed", "disputed", None):
        f.error("claimed_by", f"is only for 'claimed' or 'disputed' events, and this one is {status!r}")
    if disputed_by and status not in ("disputed", None):
        f.error("disputed_by", f"is only for 'disputed' events, and this one is {status!r}")
    summary = f.text("summary")
    sources = _read_sources(f, warnings)
    ids = {name: f.ids(name) for name in ("actors", "places", "tags", "related", "aliases")}
    if event_id in ids["related"]:
        f.error(
            "related",
            f"lists the event itself ({event_id!r}); list other events",
            sub=(ids["related"].index(event_id),),
        )
    for name, registry in (
        ("actors", "actors"),
        ("claimed_by", "actors"),
        ("disputed_by", "actors"),
        ("places", "places"),
        ("tags", "tags"),
    ):
        known = registries[registry]
        values = ids.get(name) or (claimed_by if name == "claimed_by" else disputed_by if name == "disputed_by" else ())
        for i, value in enumerate(values):
            if value not in known and not check_id(value):
                hint = suggest(value, known)
                f.error(
                    name,
                    f"unknown {registry[:-1]} {value!r}"
                    + (
                        f"{hint} (or add {value!r} to content/{registry}.yaml)"
                        if hint
                        else f"; add it to content/{registry}.yaml or use a known id"
                    ),
                    sub=(i,),
                )
    added = f.day("added")
    if len(problems) > before or title is None or date is None or status is None or summary is None:
        return None
    mismatch = _id_date_mismatch(event_id, date)
    if mismatch:
        warnings.append(entry.problem(("date",), mismatch, severity=Severity.WARNING))
    return Event(
        id=event_id,
        path=entry.path,
        title=title,
        date=date,
        status=status,
        summary=summary,
        sources=tuple(sources),
        date_text=date_text,
        claimed_by=claimed_by,
        disputed_by=disputed_by,
        added=added,
        actors=ids["actors"],
        places=ids["places"],
        tags=ids["tags"],
        related=ids["related"],
        aliases=ids["aliases"],
    )


_ID_DATE = re.compile(r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)(?:-|$)")


def _id_date_mismatch(event_id: str, date: EventDate) -> str | None:
    """A warning when an id starting with a date names another date than the event's ``date``."""
    prefix = _ID_DATE.match(event_id)
    side = date.start or date.end
    if prefix is None or side is None:
        return None
    written = date.edtf.split("/")[0 if date.start else 1].rstrip("~?")
    if prefix[1].startswith(written) or written.startswith(prefix[1]):
        return None
    return (
        f"the id starts with {prefix[1]} but the date is {date.edtf}; if the date is right, rename the file "
        "(and list the old id under 'aliases' if it was published)"
    )


def _read_date(f: Fields) -> EventDate | None:
    if not f.has("date"):
        return None
    value = f.mapping["date"]
    # YAML makes numbers of 2024 and 2024.5; the date language wants the text as written.
    text = value if isinstance(value, str) or is_date(value) else f.entry.raw.get(("date",))
    if isinstance(value, (list, dict, bool)) or text is None:
        f.error("date", f"must be a date, not {kind_of(value)}; write e.g. 2025-04-28, 2025-01 or 2024-23")
        return None
    try:
        return parse_date(text)
    except DateError as error:
        f.error("date", str(error))
        return None


def _read_sources(f: Fields, warnings: list[Problem]) -> list[Source]:
    raw_sources = f.mapping.get("sources")
    if raw_sources is None:
        return []
    if not isinstance(raw_sources, list):
        f.error(
            "sources", f"must be a list of sources, not {kind_of(raw_sources)}; start each source with '- title: …'"
        )
        return []
    if not raw_sources:
        f.error("sources", "is empty; cite at least one source (title, publisher, published)")
        return []
    sources = []
    for i, item in enumerate(raw_sources):
        source = _read_source(f.entry, ("sources", i), item, f.problems, warnings)
        if source:
            sources.append(source)
    return sources
