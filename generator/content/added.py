"""When each event, and each statement of its history, was added to the timeline: from git.

One ``git log`` with patches for all event files: a file's first commit dates the event
(renamed files keep their first day), and each ``- date:`` line a commit adds to a history
dates the statement it starts.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

__all__ = ["Added", "added_dates"]

# A history entry starts with its date ('  - date: 2024-10-18'); no other list item of an event
# file has a 'date' key (sources have 'published').
_STATEMENT = re.compile(r"^\s*-\s+date:\s*['\"]?([^'\"#\s]+)")


@dataclass
class Added:
    """The days events and statements were added, as far as git knows."""

    events: dict[str, dt.date] = field(default_factory=dict)
    """Event id → the day its file was first committed."""
    statements: dict[tuple[str, str], list[dt.date]] = field(default_factory=dict)
    """(event id, the statement's date as written) → the day each statement so dated was added, oldest first."""

    def statement(self, event_id: str, edtf: str, nth: int) -> dt.date | None:
        """When the ``nth`` statement (from 0) of an event dated ``edtf`` was added, if git knows."""
        days = self.statements.get((event_id, edtf), [])
        return days[nth] if nth < len(days) else None


def _git_log(events_dir: Path) -> str | None:
    try:
        return subprocess.run(
            ["git", "log", "--reverse", "-M", "--format=%x00%ad", "--date=short", "-p", "--unified=0",
             "--no-color", "--", "."],
            cwd=events_dir, capture_output=True, text=True, timeout=120, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None


def added_dates(events_dir: Path) -> Added:
    """What git history says of when events and statements were added.

    Empty when git or the repository is not there (a release archive, a fresh copy): then an
    event's explicit ``added`` field, or its newest source's day, is used instead."""
    log = _git_log(events_dir)
    added = Added()
    if not log:
        return added
    statements: dict[tuple[str, str], list[dt.date]] = defaultdict(list)
    day: dt.date | None = None
    current: str | None = None
    renamed_from: str | None = None
    plus: Counter[tuple[str, str]] = Counter()
    minus: Counter[tuple[str, str]] = Counter()

    def settle() -> None:
        # A statement moved within one commit (a line removed and added) was not added then.
        assert day is not None
        for key in plus.keys() | minus.keys():
            net = plus[key] - minus[key]
            if net > 0:
                statements[key].extend([day] * net)
            elif net < 0:
                del statements[key][net:]
        plus.clear()
        minus.clear()

    for line in log.splitlines():
        if line.startswith("\x00"):
            if day is not None:
                settle()
            day = dt.date.fromisoformat(line[1:].strip())
        elif line.startswith("diff --git "):
            current, renamed_from = None, None
        elif line.startswith("rename from "):
            renamed_from = PurePosixPath(line[len("rename from ") :]).stem
        elif line.startswith("rename to ") and day is not None:
            new = PurePosixPath(line[len("rename to ") :]).stem
            if renamed_from is not None:
                added.events.setdefault(new, added.events.get(renamed_from, day))
                for (event_id, edtf), days in list(statements.items()):
                    if event_id == renamed_from:
                        statements.setdefault((new, edtf), list(days))
            current = new
        elif line.startswith("+++ ") and day is not None:
            path = line[4:].strip()
            if path.endswith(".yaml") and path != "/dev/null":
                current = PurePosixPath(path).stem
                added.events.setdefault(current, day)
        elif current is not None and line[:1] in "+-" and not line.startswith(("+++", "---")):
            match = _STATEMENT.match(line[1:])
            if match:
                (plus if line[0] == "+" else minus)[(current, match[1])] += 1
    if day is not None:
        settle()
    added.statements = dict(statements)
    return added
