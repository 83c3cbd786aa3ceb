"""Problems found in content: values, not exceptions, so one run can report all of them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Problem", "Severity", "format_problems"]


class Severity(StrEnum):
    """An error fails the build; a warning is shown and does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at a line and column (both counted from 1)."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        if self.field:
            return f"{where}: {prefix}{self.field}: {self.message}"
        return f"{where}: {prefix}{self.message}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def format_problems(problems: list[Problem], warnings_shown: int | None = None) -> str:
    """The problems sorted by file and position, one a line, with a count of errors and warnings at the end.

    Every error is shown; of the warnings, at most ``warnings_shown`` when given.
    """
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    shown = sorted(problems)
    hidden = 0
    if warnings_shown is not None and warnings > warnings_shown:
        hidden = warnings - warnings_shown
        kept = [p for p in shown if p.severity is Severity.WARNING][:warnings_shown]
        shown = [p for p in shown if p.severity is Severity.ERROR or p in kept]
    lines = [str(p) for p in shown]
    total = _count(errors, "error") if errors else "no errors"
    if warnings:
        total += f" and {_count(warnings, 'warning')}"
    lines.append(f"{total} in the content")
    if hidden:
        lines.append(f"({hidden} warnings not shown: `timeline validate` lists them all)")
    return "\n".join(lines)
