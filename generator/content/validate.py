"""Raw entries → model objects, plus every problem found (never stopping at the first)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..dates import DateError, EventDate, parse_date
from ..ids import check_id
from ..memo import Memo
from ..model import ACTOR_KINDS, STATUSES, Actor, Event, Place, Source, Tag, Timeline
from ..problems import Problem, Severity
from . import spec
from .fields import Fields, kind_of, suggest
from .loader import FieldPath, RawEntry, is_date, load_yaml

__all__ = ["EVENT_FIELDS", "REGISTRY_FIELDS", "SOURCE_FIELDS", "load_timeline"]

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")

EVENT_FIELDS = spec.names(spec.EVENT)
SOURCE_FIELDS = spec.names(spec.SOURCE)
MAX_EVENT_BYTES = 64 * 1024
"""An event is a few paragraphs; a larger file is a mistake (a pasted article, a binary)."""
REGISTRY_FIELDS = {kind: spec.names(fields) for kind, fields in spec.REGISTRIES.items()}


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


def _read_event(
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


def _read_registry(
    entry: RawEntry | None, kind: str, actors: dict[str, Actor], problems: list[Problem]
) -> dict[str, Any]:
    """Read one registry; ``actors`` (already read) is where a place's country must be found."""
    if entry is None or entry.data is None:
        return {}
    if not isinstance(entry.data, dict):
        problems.append(
            entry.problem((), f"{kind}.yaml must map ids to entries (id: {{name: …}}), not {kind_of(entry.data)}")
        )
        return {}
    result: dict[str, Any] = {}
    for item_id, value in entry.data.items():
        reason = check_id(item_id)
        if reason:
            problems.append(entry.problem((item_id,), reason, key=True))
            continue
        if not isinstance(value, dict):
            problems.append(entry.problem((item_id,), f"must be a mapping with at least a name, not {kind_of(value)}"))
            continue
        before = len(problems)
        f = Fields(entry, (item_id,), value, spec.REGISTRIES[kind], problems, f"{item_id!r}")
        f.require()
        name = f.text("name")
        if kind == "actors":
            actor_kind = f.choice("kind", ACTOR_KINDS)
            aliases = f.strings("aliases")
            wikidata = f.wikidata()
            if len(problems) == before and name and actor_kind:
                result[item_id] = Actor(item_id, name, actor_kind, aliases, wikidata)
        elif kind == "places":
            country = f.text("country")
            if country is not None and country not in actors:
                hint = suggest(country, actors)
                f.error("country", f"unknown actor {country!r}{hint or '; a country is an id from actors.yaml'}")
            wikidata = f.wikidata()
            lat, lon = f.number("lat", -90, 90), f.number("lon", -180, 180)
            if (lat is None) != (lon is None):
                f.error(None, "give both 'lat' and 'lon', or neither")
            if len(problems) == before and name:
                result[item_id] = Place(item_id, name, country, wikidata, lat, lon)
        else:
            description = f.text("description") or ""
            if len(problems) == before and name:
                result[item_id] = Tag(item_id, name, description)
    return result


def _event_files(events_dir: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(events_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, name) for name in files if not name.startswith("."))
    return sorted(found)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """A file's size and change times: what tells the memo a file is unchanged (None if it is missing)."""
    try:
        info = path.lstat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _load_event(
    path: Path, display: str, event_id: str, registries: dict[str, dict[str, Any]]
) -> tuple[RawEntry | None, Event | None, list[Problem], list[Problem]]:
    """One event file read and checked: (its parsed entry, the event if it is valid, errors, warnings)."""
    entry, problems = load_yaml(path, display, max_bytes=MAX_EVENT_BYTES)
    warnings: list[Problem] = []
    event = None
    if entry is not None and not problems:
        event = _read_event(entry, event_id, registries, problems, warnings)
    return entry, event, problems, warnings


def load_timeline(
    content_dir: Path, root: Path | None = None, memo: Memo | None = None
) -> tuple[Timeline | None, list[Problem]]:
    """Load and check everything under ``content_dir``.

    With a ``memo``, an event file unchanged since the memo's last generation (same size,
    times and registries) is not read again.

    Returns the timeline (None when there is any error) and every problem found: the errors,
    then the warnings (soft problems, which do not stop the timeline from being built).
    Paths in problems are shown relative to ``root`` (default: the folder holding ``content_dir``).
    """
    content_dir = Path(content_dir)
    root = Path(root) if root is not None else content_dir.resolve().parent
    content_dir = content_dir.resolve()
    problems: list[Problem] = []
    if not content_dir.is_dir():
        problems.append(Problem(_display(content_dir, root), 1, 1, "", "content folder not found"))
        return None, problems

    registries: dict[str, dict[str, Any]] = {}
    registry_paths: dict[str, str] = {}
    for kind in REGISTRY_FIELDS:
        path = content_dir / f"{kind}.yaml"
        entry = None
        if path.exists() or path.is_symlink():
            entry, found = load_yaml(path, _display(path, root))
            problems.extend(found)
        registries[kind] = _read_registry(entry, kind, registries.get("actors", {}), problems)
        registry_paths[kind] = _display(path, root)

    # Event files are read against the registries: a memo entry holds for these registries only.
    registries_key = tuple(_stamp(content_dir / f"{kind}.yaml") for kind in REGISTRY_FIELDS)
    warnings: list[Problem] = []
    events: dict[str, Event] = {}
    entries: dict[str, RawEntry] = {}
    paths_by_id: dict[str, str] = {}
    for path in _event_files(content_dir / "events"):
        display = _display(path, root)
        if path.suffix == ".yml":
            problems.append(Problem(display, 1, 1, "", f"event files end in .yaml; rename it to {path.stem}.yaml"))
            continue
        if path.suffix != ".yaml":
            continue
        event_id = path.stem
        reason = check_id(event_id)
        if reason:
            problems.append(Problem(display, 1, 1, "id", f"the file name gives the id: {reason}"))
            continue
        if event_id in paths_by_id:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "id",
                    f"{event_id!r} is already the id of {paths_by_id[event_id]}; ids must be unique",
                )
            )
            continue
        paths_by_id[event_id] = display
        if memo is None:
            loaded = _load_event(path, display, event_id, registries)
        else:
            key = ("event file", display, _stamp(path), registries_key)
            loaded = memo.get(key, _load_event, path, display, event_id, registries)
        entry, event, found, soft = loaded
        problems.extend(found)
        warnings.extend(soft)
        if entry is not None:
            entries[event_id] = entry
        if event is not None:
            events[event_id] = event

    _check_links(entries, paths_by_id, problems)
    if problems:
        return None, problems + warnings
    ordered = tuple(sorted(events.values(), key=Event.sort_key))
    return Timeline(ordered, registries["actors"], registries["places"], registries["tags"], registry_paths), warnings


def _listed_ids(entry: RawEntry, name: str) -> list[tuple[int, str]]:
    """The well-formed ids listed in a field of an event file, with their positions in the list."""
    values = entry.data.get(name) if isinstance(entry.data, dict) else None
    if not isinstance(values, list):
        return []
    return [(i, v) for i, v in enumerate(values) if isinstance(v, str) and not check_id(v)]


def _check_links(entries: dict[str, RawEntry], paths_by_id: dict[str, str], problems: list[Problem]) -> None:
    """Across files: related events must exist; aliases must not clash with ids or each other."""
    alias_owner: dict[str, str] = {}
    for event_id, entry in entries.items():
        for i, value in _listed_ids(entry, "related"):
            if value not in paths_by_id and value != event_id:
                problems.append(
                    entry.problem(("related", i), f"no event has the id {value!r}{suggest(value, paths_by_id)}")
                )
        for i, value in _listed_ids(entry, "aliases"):
            if value in paths_by_id:
                problems.append(
                    entry.problem(
                        ("aliases", i),
                        f"{value!r} is the id of {paths_by_id[value]}; an alias must be a former id that no event has now",
                    )
                )
            elif value in alias_owner:
                problems.append(
                    entry.problem(("aliases", i), f"{value!r} is already an alias of {alias_owner[value]!r}")
                )
            alias_owner.setdefault(value, event_id)
