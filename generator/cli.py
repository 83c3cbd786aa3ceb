"""The ``timeline`` command: validate and build from the command line, without MkDocs."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .build import build_pages
from .output import OutputError
from .problems import Problem, Severity, format_problems
from .validate import load_timeline

__all__ = ["main"]

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2

_EPILOG = """\
exit status: 0 when the content is valid, 1 when it has problems (each printed as
path:line:column: field: message), 2 for usage errors or files that cannot be read or written.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Check timeline content (YAML) and turn it into Markdown pages for MkDocs.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check every content file and report every problem",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument(
        "content", nargs="?", default="content", type=Path, help="the content folder (default: content)"
    )

    build = commands.add_parser(
        "build",
        help="validate, then write the generated pages into the docs folder",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")
    build.add_argument("--docs", default="timeline", type=Path, help="the MkDocs docs folder (default: timeline)")
    return parser


def _report(problems: list[Problem]) -> None:
    if problems:
        print(format_problems(problems), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    if args.command == "validate":
        if not args.content.is_dir():
            print(f"timeline: {args.content}: no such folder", file=sys.stderr)
            return EXIT_USAGE
        timeline, problems = load_timeline(args.content, Path.cwd())
        _report(problems)
        if timeline is None:
            return EXIT_CONTENT
        print(f"{len(timeline.events)} events are valid ({time.perf_counter() - started:.2f} s)")
        return EXIT_OK

    if not args.content.is_dir():
        print(f"timeline: {args.content}: no such folder", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = build_pages(args.content, args.docs, Path.cwd())
    except OutputError as error:
        print(f"timeline: {error}", file=sys.stderr)
        return EXIT_USAGE
    _report(result.problems)
    if result.report is None:
        print("nothing was written: fix the problems above first", file=sys.stderr)
        return EXIT_CONTENT
    report = result.report
    print(
        f"{result.events} events: {len(report.written)} pages written, {len(report.removed)} removed, "
        f"{report.unchanged} unchanged in {args.docs} ({time.perf_counter() - started:.2f} s)"
    )
    return EXIT_OK if not any(p.severity is Severity.ERROR for p in result.problems) else EXIT_CONTENT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
