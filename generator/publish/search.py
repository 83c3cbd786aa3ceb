"""The site's search: a Pagefind index written into a built site.

Pagefind reads the built HTML: only what is inside ``data-pagefind-body`` (the content of pages
that are meant to be found), less what is marked ``data-pagefind-ignore`` (listings); each
event page carries its date, status, actors, places, tags and year as meta, filters and sort
keys (``overrides/main.html``). It splits the index by each page's ``<html lang>``, so a
language's search covers that language's pages. The index is written beside the old one and
swapped in, so a site being served never has half an index.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["INDEX_DIR", "IndexReport", "SearchError", "write_index"]

INDEX_DIR = "pagefind"
"""The folder of the site that holds the index and Pagefind's scripts."""

# Permalinks and the edit button are not text anyone searches for.
_EXCLUDED = ".headerlink, .md-content__button"


class SearchError(Exception):
    """The index could not be written; the message says why."""


@dataclass(frozen=True)
class IndexReport:
    """What one indexing found and how long it took."""

    pages: int
    languages: int
    seconds: float


def write_index(site_dir: Path, background: bool = False) -> IndexReport:
    """Index ``site_dir`` with Pagefind into ``site_dir/pagefind``. In the ``background`` (a preview's
    refresh) Pagefind runs at the lowest priority, so that the next saved edit's rebuild is not
    slowed by the last one's index."""
    site_dir = Path(site_dir)
    target = site_dir / INDEX_DIR
    staged = site_dir / f".{INDEX_DIR}.{os.getpid()}.tmp"
    shutil.rmtree(staged, ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(staged),
               "--exclude-selectors", _EXCLUDED]  # fmt: skip
    try:
        result = _run(command, background)
    except (OSError, subprocess.SubprocessError) as error:
        raise SearchError(f"cannot run Pagefind: {error}") from error
    if result.returncode != 0:
        shutil.rmtree(staged, ignore_errors=True)
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise SearchError("Pagefind failed: " + " / ".join(detail))
    # A stale index (pages since removed) would outlive its pages: the old one goes whole.
    old = site_dir / f".{INDEX_DIR}.{os.getpid()}.old"
    if target.exists():
        target.rename(old)
    staged.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return IndexReport(_count(result.stdout, r"Indexed (\d+) pages?"), _count(result.stdout, r"(\d+) languages?"),
                       time.perf_counter() - started)  # fmt: skip


def _run(command: list[str], background: bool) -> subprocess.CompletedProcess[str]:
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        if background and hasattr(os, "setpriority"):
            # Lowered before Pagefind's wrapper starts the binary, which inherits it (no preexec_fn:
            # the preview runs threads).
            with contextlib.suppress(OSError):  # then at the usual priority
                os.setpriority(os.PRIO_PROCESS, process.pid, _LOWEST)
        try:
            stdout, stderr = process.communicate(timeout=1800)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


_LOWEST = 19
"""The nicest priority: the preview's rebuilds come first."""


def _count(output: str, pattern: str) -> int:
    found = re.search(pattern, output)
    return int(found[1]) if found else 0
