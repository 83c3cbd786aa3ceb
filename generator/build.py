"""The one path from content to pages: load → validate → render → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .export import Exporter
from .history import added_dates
from .output import WriteReport, write_pages
from .problems import Problem, Severity
from .render import render_site
from .validate import load_timeline

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
    content_dir: Path, docs_dir: Path, root: Path | None = None, site_url: str | None = None
) -> BuildResult:
    """Validate ``content_dir`` and, only if it has no errors, write its pages and data files into ``docs_dir``.

    Raises ``OutputError`` when the pages cannot be written; invalid content writes nothing.
    """
    timeline, problems = load_timeline(content_dir, root)
    if timeline is None:
        return BuildResult(problems, None)
    exporter = Exporter(timeline, site_url, added_dates(Path(content_dir) / "events"))
    report = write_pages(docs_dir, {**render_site(timeline), **exporter.files()})
    return BuildResult(problems, report, len(timeline.events))
