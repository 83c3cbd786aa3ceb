"""The ``timeline`` command: validate, build and scaffold from the command line, without MkDocs."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .build import build_pages
from .content.added import added_dates
from .content.validate import load_timeline
from .data import FORMATS, Exports, json_text
from .data.timelinejs import GROUPS, timelinejs
from .dates import DateError, parse_date
from .output import OutputError
from .problems import Problem, Severity, format_problems
from .site import PAGE_SIZE
from .site.layout import Layout
from .tools.draft import write_drafts
from .tools.importer import ImportFailed, import_entries, read_sheet, read_timelinejs
from .tools.new import ask_date, new_event_file

__all__ = ["main"]

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
BUILD_WARNINGS_SHOWN = 10

_EPILOG = """\
exit status: 0 when the content is valid (warnings allowed), 1 when it has errors (each
printed as path:line:column: field: message), 2 for usage errors or files that cannot be
read or written.
"""


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return number


def _address_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--site-url",
        default=os.environ.get("TIMELINE_SITE_URL"),
        help=f"the site's address, for {what} (default: $TIMELINE_SITE_URL, as mkdocs.yml)",
    )
    parser.add_argument(
        "--no-directory-urls",
        dest="directory_urls",
        action="store_false",
        help="pages are served as events/<id>.html, as with MkDocs' use_directory_urls: false",
    )


def _missing(content: Path) -> bool:
    """True (after saying so) when the content folder is not there."""
    if content.is_dir():
        return False
    print(f"timeline: {content}: no such folder", file=sys.stderr)
    return True


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Check timeline content (YAML) and turn it into Markdown pages for MkDocs.",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate", help="check every content file and report every problem", epilog=_EPILOG, formatter_class=formatter
    )
    validate.add_argument(
        "content", nargs="?", default="content", type=Path, help="the content folder (default: content)"
    )
    validate.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text (default); github: workflow annotations shown on the pull request; json: for tools",
    )

    build = commands.add_parser(
        "build",
        help="validate, then write the generated pages into the docs folder",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    _content_option(build)
    build.add_argument("--docs", default="timeline", type=Path, help="the MkDocs docs folder (default: timeline)")
    build.add_argument(
        "--page-size",
        default=PAGE_SIZE,
        type=_positive,
        help=f"events on one listing page at most (default: {PAGE_SIZE}; the plugin's page_size option)",
    )
    _address_options(build, "the data files' links")

    new = commands.add_parser(
        "new",
        help="write a new event file with every required field to fill in",
        description="Writes content/events/<year>/<id>.yaml, the id made from the date and title. "
        "Without --date and --title, asks for them.",
    )
    new.add_argument("--date", help="when it happened, e.g. 2025-05-02, 2025-05, 2024-23 (autumn)")
    new.add_argument("--title", help="the headline, plain text")
    _content_option(new)
    export = commands.add_parser(
        "export",
        help="write the timeline as JSON, CSV, iCalendar, TimelineJS JSON or an Atom feed",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    export.add_argument("--format", required=True, choices=tuple(FORMATS))
    export.add_argument("-o", "--output", type=Path, help="the file to write (default: standard output)")
    _content_option(export)
    _address_options(export, "absolute links")
    export.add_argument(
        "--group",
        choices=GROUPS,
        default="status",
        help="TimelineJS: what events are grouped by (default: status)",
    )

    imported = commands.add_parser(
        "import",
        help="turn a TimelineJS JSON file or a TimelineJS Google Sheets CSV into event files",
        description="Writes one event file per entry into content/events/<year>/, never overwriting a file. "
        "TimelineJS says nothing of who published an event or how sure anyone is: give the publisher and "
        "date of the timeline you import, and review the status (default: reported) of every event.",
    )
    imported.add_argument("kind", choices=("timelinejs", "sheet"), help="timelinejs: a JSON file; sheet: a CSV file")
    imported.add_argument("file", type=Path)
    imported.add_argument("--publisher", required=True, help="who published the timeline being imported")
    imported.add_argument("--published", required=True, help="the day it was published, YYYY-MM-DD")
    imported.add_argument("--title", help="its title (default: the timeline's own title, or the file's name)")
    imported.add_argument("--url", help="its address, if you have seen it")
    imported.add_argument("--status", choices=("confirmed", "reported"), default="reported")
    _content_option(imported)
    draft = commands.add_parser(
        "draft",
        help="read a news article and write a draft event for each dated sentence, into drafts/",
        description="Finds the dates in an article (Indonesian or English), resolves each against the day it "
        "was published, no more precisely than the words say, and writes one draft event per dated sentence "
        "with the sentence as its quote. Drafts go to drafts/, never into content/.",
    )
    draft.add_argument("article", type=Path, help="the article: plain text, or an HTML page")
    draft.add_argument("--published", required=True, help="the day the article was published, YYYY-MM-DD")
    draft.add_argument("--language", default="en", help="the article's language: id or en (default: en)")
    draft.add_argument("--publisher", default="TODO", help="who published it")
    draft.add_argument("--title", default="TODO", help="its title, in its own language")
    draft.add_argument("--url", help="its address, if you have seen it")
    draft.add_argument("--drafts", default="drafts", type=Path, help="where drafts go (default: drafts)")
    return parser


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(problem: Problem) -> str:
    """A GitHub workflow command that shows the problem on its line of the pull request."""
    kind = "error" if problem.severity is Severity.ERROR else "warning"
    properties = f"file={_escape_property(problem.path)},line={problem.line},col={problem.column}"
    if problem.field:
        properties += f",title={_escape_property(problem.field)}"
    message = f"{problem.field}: {problem.message}" if problem.field else problem.message
    return f"::{kind} {properties}::{_escape_data(message)}"


def _validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if _missing(args.content):
        return EXIT_USAGE
    timeline, problems = load_timeline(args.content, Path.cwd())
    status = EXIT_OK if timeline is not None else EXIT_CONTENT
    if args.format == "json":
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        rows = [{**p.__dict__, "severity": p.severity.value} for p in sorted(problems)]
        print(
            json.dumps(
                {"valid": timeline is not None, "errors": errors, "warnings": len(problems) - errors, "problems": rows},
                indent=2,
                ensure_ascii=False,
            )
        )
        return status
    if args.format == "github":
        for problem in sorted(problems):
            print(_github(problem))
    if problems:
        print(format_problems(problems), file=sys.stderr)
    if timeline is not None:
        print(f"{len(timeline.events)} events are valid ({time.perf_counter() - started:.2f} s)")
    return status


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if _missing(args.content):
        return EXIT_USAGE
    try:
        # As MkDocs reads site_url (with a closing slash), so that `mkdocs build` finds these pages current.
        site_url = args.site_url.rstrip("/") + "/" if args.site_url else None
        result = build_pages(
            args.content, args.docs, Path.cwd(), site_url, args.page_size, directory_urls=args.directory_urls,
            parallel=True,
        )  # fmt: skip
    except OutputError as error:
        print(f"timeline: {error}", file=sys.stderr)
        return EXIT_USAGE
    if result.problems:
        # The build's job is the pages: every error, but only a reminder of the warnings.
        print(format_problems(result.problems, warnings_shown=BUILD_WARNINGS_SHOWN), file=sys.stderr)
    if result.report is None:
        print("nothing was written: fix the errors above first", file=sys.stderr)
        return EXIT_CONTENT
    report = result.report
    print(
        f"{result.events} events: {len(report.written)} pages written, {len(report.removed)} removed, "
        f"{report.unchanged} unchanged in {args.docs} ({time.perf_counter() - started:.2f} s)"
    )
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    date, title = args.date, args.title
    if date is None or title is None:
        if not sys.stdin.isatty():
            print("timeline new: give --date and --title (or run it in a terminal to be asked)", file=sys.stderr)
            return EXIT_USAGE
        date = date or ask_date()
        while not title:
            title = input("Title (plain text, at most 120 characters): ").strip()
    try:
        path = new_event_file(args.content, date, title)
    except (DateError, ValueError, FileExistsError, OSError) as error:
        print(f"timeline new: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {path}: fill in every TODO, then run `timeline validate`")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if _missing(args.content):
        return EXIT_USAGE
    timeline, problems = load_timeline(args.content, Path.cwd())
    if timeline is None:
        print(format_problems(problems), file=sys.stderr)
        return EXIT_CONTENT
    layout = Layout(args.directory_urls, args.site_url.rstrip("/") + "/" if args.site_url else "")
    exports = Exports(timeline, layout, added_dates(args.content / "events"))
    # TimelineJS has a grouping option; every other format is the site's own file.
    text = json_text(timelinejs(exports, args.group)) if args.format == "timelinejs" else FORMATS[args.format](exports)
    try:
        if args.output is None:
            sys.stdout.write(text)
        else:
            args.output.write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        print(f"timeline export: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    try:
        parse_date(args.published)
        if len(args.published) != 10:
            raise DateError(f"{args.published!r}: --published is a day, YYYY-MM-DD")
        reader = read_timelinejs if args.kind == "timelinejs" else read_sheet
        title, entries, problems = reader(args.file)
        report = import_entries(
            entries,
            args.content,
            publisher=args.publisher,
            published=args.published,
            source_title=args.title or title or args.file.stem,
            url=args.url,
            status=args.status,
        )
    except (ImportFailed, DateError, OSError) as error:
        print(f"timeline import: {error}", file=sys.stderr)
        return EXIT_USAGE
    for path in report.written:
        print(f"wrote {path}")
    for line in problems + report.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    for line in report.unmapped:
        print(f"not imported: {line}", file=sys.stderr)
    if report.new_tags:
        print(f"added tags to {args.content / 'tags.yaml'}: {', '.join(report.new_tags)}")
    print(
        f"{len(report.written)} events written, {len(problems) + len(report.skipped)} skipped. Every event says "
        f"'status: {args.status}': review it, then run `timeline validate`."
    )
    return EXIT_OK


def _draft(args: argparse.Namespace) -> int:
    try:
        published = parse_date(args.published)
        if published.precision != "day":
            raise DateError(f"{args.published!r}: --published is a day, YYYY-MM-DD")
        source = {"title": args.title, "publisher": args.publisher, "published": args.published,
                  "language": args.language}  # fmt: skip
        if args.url:
            source["url"] = args.url
        report = write_drafts(
            args.article, args.drafts, published=published.earliest, language=args.language, source=source
        )
    except (DateError, ValueError, OSError) as error:
        print(f"timeline draft: {error}", file=sys.stderr)
        return EXIT_USAGE
    width = max((len(found.phrase) for found, _ in report.rows), default=6)
    print(f"{'phrase':<{width}}  {'date':<20}  sentence")
    for found, sentence in report.rows:
        short = sentence if len(sentence) <= 70 else sentence[:69] + "…"
        print(f"{found.phrase:<{width}}  {found.edtf:<20}  {short}")
    for path in report.skipped:
        print(f"kept: {path} exists already", file=sys.stderr)
    print(
        f"{len(report.written)} drafts written to {args.drafts}/: fill in every TODO, then move them to content/events/"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    commands = {
        "validate": _validate,
        "build": _build,
        "new": _new,
        "export": _export,
        "import": _import,
        "draft": _draft,
    }
    return commands[args.command](args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
