"""When each event was added to the timeline, from git history (one `git log` for all files)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path, PurePosixPath

__all__ = ["added_dates"]


def added_dates(events_dir: Path) -> dict[str, dt.date]:
    """Event id → the day its file was first committed; renamed files keep their first day.

    Empty when git or the repository is not there (a release archive, a fresh copy):
    then an event's explicit ``added`` field, or its newest source's day, is used instead.
    """
    try:
        log = subprocess.run(
            ["git", "log", "--reverse", "-M", "--diff-filter=AR", "--name-status", "--format=%x00%ad",
             "--date=short", "--", "."],
            cwd=events_dir, capture_output=True, text=True, timeout=60, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return {}
    added: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\x00"):
            day = dt.date.fromisoformat(line[1:].strip())
            continue
        fields = line.split("\t")
        if day is None or len(fields) < 2 or not fields[-1].endswith(".yaml"):
            continue
        new_id = PurePosixPath(fields[-1]).stem
        if fields[0].startswith("R") and len(fields) == 3:
            added.setdefault(new_id, added.get(PurePosixPath(fields[1]).stem, day))
        else:
            added.setdefault(new_id, day)
    return added
