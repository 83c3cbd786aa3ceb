"""Raw entries → model objects, plus every problem found (never stopping at the first)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..ids import check_id
from ..memo import Memo
from ..model import Event, Timeline
from ..problems import Problem
from . import spec
from .events import read_event
from .fields import suggest
from .loader import RawEntry, load_yaml
from .registries import read_registry

__all__ = ["EVENT_FIELDS", "REGISTRY_FIELDS", "SOURCE_FIELDS", "load_timeline"]

EVENT_FIELDS = spec.names(spec.EVENT)
SOURCE_FIELDS = spec.names(spec.SOURCE)
MAX_EVENT_BYTES = 64 * 1024
"""An event is a few paragraphs and its history; a larger file is a mistake (a pasted article, a binary)."""
REGISTRY_FIELDS = {kind: spec.names(fields) for kind, fields in spec.REGISTRIES.items()}


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
    path: Path, display: str, event_id: str, registries: dict[str, dict[str, Any]], languages: tuple[str, ...]
) -> tuple[RawEntry | None, Event | None, list[Problem], list[Problem]]:
    """One event file read and checked: (its parsed entry, the event if it is valid, errors, warnings)."""
    entry, problems = load_yaml(path, display, max_bytes=MAX_EVENT_BYTES)
    warnings: list[Problem] = []
    event = None
    if entry is not None and not problems:
        event = read_event(entry, event_id, registries, problems, warnings, languages)
    return entry, event, problems, warnings


def load_timeline(
    content_dir: Path, root: Path | None = None, memo: Memo | None = None, languages: tuple[str, ...] = ()
) -> tuple[Timeline | None, list[Problem]]:
    """Load and check everything under ``content_dir``; ``languages`` are the site's besides English,
    the ones ``translations`` may give.

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
        registries[kind] = read_registry(entry, kind, registries.get("actors", {}), problems, languages)
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
            loaded = _load_event(path, display, event_id, registries, languages)
        else:
            key = ("event file", display, _stamp(path), registries_key, languages)
            loaded = memo.get(key, _load_event, path, display, event_id, registries, languages)
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
    timeline = Timeline(
        ordered, registries["actors"], registries["places"], registries["tags"], registry_paths, tuple(languages)
    )
    return timeline, warnings


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
