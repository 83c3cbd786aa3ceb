"""The one path from content to pages: load → validate → render pages and data files → write."""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import subprocess
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from .content.added import added_dates
from .content.validate import load_timeline
from .data import data_files
from .memo import Memo
from .output import OutputError, WriteReport, read_stamp, write_pages
from .problems import Problem, Severity
from .site import PAGE_SIZE, render_site
from .site.layout import Layout

__all__ = ["BuildResult", "build_pages"]


@dataclass
class BuildResult:
    """What a generation found and did; ``report`` is None when the content had errors."""

    problems: list[Problem]
    report: WriteReport | None
    events: int = 0

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the build (the others are warnings)."""
        return [p for p in self.problems if p.severity is Severity.ERROR]


def build_pages(
    content_dir: Path,
    docs_dir: Path,
    root: Path | None = None,
    site_url: str | None = None,
    page_size: int = PAGE_SIZE,
    memo: Memo | None = None,
    directory_urls: bool = True,
    parallel: bool = False,
    edit_base: str = "",
    languages: tuple[str, ...] = (),
    lanes: str = "status",
) -> BuildResult:
    """Validate ``content_dir`` and, only if it has no errors, write its pages and data files into ``docs_dir``.

    Listing pages (timeline parts, actors, places, tags, statuses) hold ``page_size`` events a page.
    A ``memo`` kept from one call to the next (as `mkdocs serve` does) spares re-reading unchanged
    files and re-rendering unchanged pages. ``directory_urls`` is MkDocs' option of that name:
    how the site serves pages, for the links the generator writes in HTML. ``edit_base`` is where
    the content folder's files are edited in the repository (for edit links). With ``parallel``
    (only where this process runs no other thread: it forks), the data files are made in a
    second process while the pages are rendered. ``languages`` are the site's editions besides English
    (the pages of each under ``<language>/``); ``lanes`` what the overview's lanes stand for.

    Raises ``OutputError`` when the pages cannot be written or the data files made; invalid content
    writes nothing.
    """
    inputs = _fingerprint(Path(content_dir), site_url, (page_size, directory_urls, edit_base, languages, lanes))
    stamp = read_stamp(docs_dir)
    # An empty memo is filled even when the pages are current, so that a preview's first saved
    # edit re-renders a few pages, not all of them.
    if stamp is not None and stamp.get("inputs") == inputs and (memo is None or len(memo) > 0):
        # Nothing the pages are made from has changed since they were made: they are current.
        warnings = [Problem(**{**p, "severity": Severity(p["severity"])}) for p in stamp.get("warnings", [])]
        return BuildResult(warnings, WriteReport(unchanged=stamp.get("files", 0)), stamp.get("events", 0))
    timeline, problems = load_timeline(content_dir, root, memo, languages)
    if timeline is None:
        return BuildResult(problems, None)
    content_path = _relative(Path(content_dir), root)
    layout = Layout(directory_urls, site_url.rstrip("/") + "/" if site_url else "", edit_base, content_path)
    added = added_dates(Path(content_dir) / "events")

    def data() -> dict[str, str]:
        return data_files(timeline, layout, added, memo)

    worth_it = parallel and len(timeline.events) >= PARALLEL_FROM and "fork" in mp.get_all_start_methods()
    files = {**render_site(timeline, page_size, memo, layout, lanes), **(_forked(data) if worth_it else data)()}
    record = {
        "inputs": inputs,
        "events": len(timeline.events),
        "files": len(files),
        "warnings": [{**asdict(p), "severity": p.severity.value} for p in problems],
    }
    report = write_pages(docs_dir, files, record)
    if memo is not None:
        memo.finish()
    return BuildResult(problems, report, len(timeline.events))


_CODE = Path(__file__).parent
PARALLEL_FROM = 300
"""Events from which making the data files in a second process pays (it takes 10 ms to start)."""


def _forked(make: Callable[[], dict[str, str]]) -> Callable[[], dict[str, str]]:
    """Start ``make()`` in a forked child now; the returned function waits for its result.

    The child inherits the timeline instead of receiving it, and sends back only text."""
    context = mp.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(("ok", make()))
        except BaseException as error:  # whatever it is, the parent reports it
            send.send(("error", f"{type(error).__name__}: {error}"))

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()

    def result() -> dict[str, str]:
        try:
            status, value = receive.recv()
        except EOFError:
            status, value = "error", f"the process making the data files ended ({process.exitcode})"
        finally:
            receive.close()
            process.join()
        if status != "ok":
            raise OutputError(f"cannot make the data files: {value}")
        return value  # type: ignore[no-any-return]

    return result


def _relative(content_dir: Path, root: Path | None) -> str:
    """The content folder as the paths of its files are shown (relative to the project), for edit links."""
    base = Path(root) if root is not None else Path(content_dir).resolve().parent
    try:
        return Path(content_dir).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(content_dir).resolve().as_posix()


def _fingerprint(content_dir: Path, site_url: str | None, options: tuple[object, ...]) -> str:
    """A digest of everything the pages are made from: content files, the generator's own files,
    the site's address, the options and the git commit (which dates additions). Sizes and times, not contents:
    it must cost little next to a generation."""
    digest = hashlib.sha256(repr((str(content_dir.resolve()), site_url, options)).encode())
    for base, suffixes in ((content_dir, (".yaml", ".yml")), (_CODE, (".py", ".j2", ".json", ".yaml"))):
        for folder, dirs, files in os.walk(base):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(suffixes):
                    path = Path(folder, name)
                    info = path.stat()
                    relative = path.relative_to(base).as_posix()
                    digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=content_dir, capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        head = ""
    digest.update(head.encode())
    return digest.hexdigest()
