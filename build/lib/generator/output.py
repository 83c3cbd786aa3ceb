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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .render import GENERATED_DIRS, GENERATED_MARK

__all__ = ["MANIFEST", "OutputError", "WriteReport", "write_pages"]

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


def _owned(path: str) -> bool:
    """True for a relative .md path inside one of the generator's folders."""
    pure = PurePosixPath(path)
    return (
        not pure.is_absolute()
        and ".." not in pure.parts
        and len(pure.parts) > 1
        and pure.parts[0] in GENERATED_DIRS
        and pure.suffix == ".md"
    )


def _is_generated(target: Path) -> bool:
    try:
        with target.open("r", encoding="utf-8", errors="replace") as handle:
            return GENERATED_MARK in handle.read(4096)
    except OSError:
        return False


def _write_atomic(target: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: readers see old or new, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


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


def write_pages(docs_dir: Path, pages: dict[str, str]) -> WriteReport:
    """Make the generated folders of ``docs_dir`` hold exactly ``pages``; return what changed."""
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
                if path not in previous and (docs_dir / path).exists() and not _is_generated(docs_dir / path)
            ]
            if blocked:
                raise OutputError(
                    "these hand-written files stand where generated pages go; move or rename them "
                    "(the generator never overwrites a file it did not write): "
                    + ", ".join(str(docs_dir / p) for p in sorted(blocked))
                )
            for path, text in pages.items():
                target = docs_dir / path
                if previous.get(path) == hashes[path] and target.is_file():
                    report.unchanged += 1
                    continue
                _write_atomic(target, text)
                report.written.append(path)
            for path in sorted(set(previous) - set(pages)):
                target = docs_dir / path
                with contextlib.suppress(OSError):
                    if _owned(path) and _is_generated(target):
                        target.unlink()
                        report.removed.append(path)
                        _prune_empty(target.parent, docs_dir)
            if hashes != previous or not (docs_dir / MANIFEST).is_file():
                _write_atomic(docs_dir / MANIFEST, json.dumps({"pages": hashes}, indent=0, sort_keys=True))
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
