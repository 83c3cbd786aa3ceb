"""Write generated pages into the docs folder: only what changed, never a hand-written file.

The generator owns a few folders of the docs folder (``GENERATED_DIRS``). A manifest
(``.timeline-generated.json``, a dot-file MkDocs ignores) records what it wrote and a
hash of each page, so a warm run writes nothing and stale pages are found without
reading every file. A page is only ever replaced or deleted if it carries
``GENERATED_MARK``; a hand-written file in the way stops the run with a clear error
before anything is written.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .site.layout import GENERATED_DIRS, GENERATED_FILES, GENERATED_MARK

__all__ = ["MANIFEST", "OutputError", "WriteReport", "read_stamp", "write_pages"]

MANIFEST = ".timeline-generated.json"


class OutputError(Exception):
    """The pages could not be written; the message says why and what to do."""


@dataclass
class WriteReport:
    """What one run changed in the docs folder."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        """True when any file was written or removed."""
        return bool(self.written or self.removed)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_EDITION = re.compile(r"[a-z]{2,3}(-[a-z0-9]+)*")
"""Another edition's folder: its language code ('id/events/…' is the Indonesian twin of 'events/…')."""


def _owned(path: str) -> bool:
    """True for a relative path inside one of the generator's folders (or one of its own top-level files),
    in the English edition or another's folder."""
    pure = PurePosixPath(path)
    if path in GENERATED_FILES:
        return True
    if len(pure.parts) > 1 and _EDITION.fullmatch(pure.parts[0]):
        inner = PurePosixPath(*pure.parts[1:]).as_posix()
        if inner in GENERATED_FILES or pure.parts[1] in GENERATED_DIRS:
            return _owned(inner)
    return (
        not pure.is_absolute()
        and ".." not in pure.parts
        and len(pure.parts) > 1
        and pure.parts[0] in GENERATED_DIRS
        and pure.suffix in (".md", ".json", ".csv", ".ics", ".xml")
    )


def _is_generated(target: Path, recorded: str | None) -> bool:
    """A file is ours if it is as we last wrote it (its hash is in the manifest) or carries the page marker."""
    try:
        data = target.read_bytes()
    except OSError:
        return False
    if recorded is not None and hashlib.sha256(data).hexdigest() == recorded:
        return True
    return GENERATED_MARK in data[:4096].decode("utf-8", errors="replace")


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def _write_file(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _stage(docs_dir: Path, texts: dict[Path, str]) -> dict[Path, Path]:
    """Write every text to a temporary file beside its target; on any failure remove them all and re-raise."""
    staged: dict[Path, Path] = {}
    try:
        for target, text in texts.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = _temporary(target)
            staged[target] = temporary
            _write_file(temporary, text)
    except BaseException:
        for target, temporary in staged.items():
            with contextlib.suppress(OSError):
                temporary.unlink()
            _prune_empty(target.parent, docs_dir)
        raise
    return staged


def _commit(staged: dict[Path, Path]) -> None:
    """Rename staged files over their targets: quick, and atomic file by file."""
    for target, temporary in staged.items():
        os.replace(temporary, target)


@contextlib.contextmanager
def _locked(docs_dir: Path) -> Iterator[None]:
    """One generation at a time per docs folder, even across processes.

    The lock is taken on the folder itself rather than on a lock file: writing a
    file into the docs folder would make `mkdocs serve` see a change and rebuild.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(docs_dir, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _read_manifest(docs_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    pages = data.get("pages") if isinstance(data, dict) else None
    return (
        {k: v for k, v in pages.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(pages, dict) else {}
    )


def read_stamp(docs_dir: Path) -> dict[str, Any] | None:
    """What the last generation recorded with its pages (see ``write_pages``), if every page is still there."""
    try:
        data = json.loads((Path(docs_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    stamp, pages = (data.get("stamp"), data.get("pages")) if isinstance(data, dict) else (None, None)
    if not isinstance(stamp, dict) or not isinstance(pages, dict):
        return None
    if not all((Path(docs_dir) / path).is_file() for path in pages):
        return None
    return stamp


def write_pages(docs_dir: Path, pages: dict[str, str], stamp: dict[str, Any] | None = None) -> WriteReport:
    """Make the generated folders of ``docs_dir`` hold exactly ``pages``; return what changed.

    ``stamp`` is kept in the manifest beside the pages' hashes, for ``read_stamp``.
    """
    docs_dir = Path(docs_dir)
    outside = [path for path in pages if not _owned(path)]
    if outside:
        raise OutputError(f"refusing to write {outside[0]!r}: generated pages go only in {', '.join(GENERATED_DIRS)}")
    report = WriteReport()
    try:
        with _locked(docs_dir):
            previous = _read_manifest(docs_dir)
            hashes = {path: _digest(text) for path, text in pages.items()}
            blocked = [
                path
                for path in pages
                if path not in previous and (docs_dir / path).exists() and not _is_generated(docs_dir / path, None)
            ]
            if blocked:
                raise OutputError(
                    "these hand-written files stand where generated pages go; move or rename them "
                    "(the generator never overwrites a file it did not write): "
                    + ", ".join(str(docs_dir / p) for p in sorted(blocked))
                )
            changed = [p for p in pages if previous.get(p) != hashes[p] or not (docs_dir / p).is_file()]
            # Every changed page is written in full before any replaces its old version, so a
            # full disk or an interruption while writing leaves the previous pages as they were.
            _commit(_stage(docs_dir, {docs_dir / p: pages[p] for p in changed}))
            report.written = changed
            report.unchanged = len(pages) - len(changed)
            for path in sorted(set(previous) - set(pages)):
                target = docs_dir / path
                with contextlib.suppress(OSError):
                    if _owned(path) and _is_generated(target, previous[path]):
                        target.unlink()
                        report.removed.append(path)
                        _prune_empty(target.parent, docs_dir)
            if hashes != previous or stamp != read_stamp(docs_dir):
                manifest = json.dumps({"pages": hashes, "stamp": stamp}, sort_keys=True)
                _commit(_stage(docs_dir, {docs_dir / MANIFEST: manifest}))
    except OSError as error:
        where = error.filename or docs_dir
        raise OutputError(f"cannot write generated pages to {where}: {error.strerror or error}") from error
    return report


def _prune_empty(folder: Path, docs_dir: Path) -> None:
    """Remove folders the generator emptied, up to (not including) the docs folder."""
    while folder != docs_dir and docs_dir in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
