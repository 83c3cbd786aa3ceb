"""The authoring tools' commands: `timeline new`, `timeline import` and `timeline draft`.

They write content for people to review (never over a file that exists); ``generator.cli``
adds them to the ``timeline`` command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.validate import load_timeline
from ..dates import DateError, parse_date
from ..model import Timeline
from ..publish.project import ProjectError, read_project
from ..site.words import editions
from .draft import write_drafts
from .importer import ImportFailed, import_entries, read_sheet, read_timelinejs
from .new import ask_date, new_event_file

__all__ = ["add_commands"]

EXIT_OK, EXIT_USAGE = 0, 2


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", default="content", type=Path, help="the content folder (default: content)")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `new`, `import` and `draft` to the ``timeline`` command's subcommands."""
    new = commands.add_parser(
        "new",
        help="write a new event file with every required field to fill in",
        description="Writes content/events/<year>/<id>.yaml, the id made from the date and title. "
        "Without --date and --title, asks for them.",
    )
    new.add_argument("--date", help="when it happened, e.g. 2025-05-02, 2025-05, 2024-23 (autumn)")
    new.add_argument("--title", help="the headline, plain text")
    _content_option(new)
    new.set_defaults(run=_new)
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
    imported.set_defaults(run=_import)
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
    draft.add_argument(
        "--content", default="content", type=Path,
        help="the timeline's content: a sentence about one of its events becomes a proposed statement for "
        "that event's history, in drafts/history/ (default: content, when it is there)",
    )  # fmt: skip
    draft.add_argument("--no-match", action="store_true", help="draft every dated sentence as a new event")
    draft.set_defaults(run=_draft)


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
        timeline = None if args.no_match else _timeline(args.content)
        report = write_drafts(
            args.article, args.drafts, published=published.earliest, language=args.language, source=source,
            timeline=timeline,
        )  # fmt: skip
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
    for path, match in report.proposed:
        print(f"proposed: a statement for {match.event.id} ({path}): add it to that event's history")
    print(
        f"{len(report.written)} drafts written to {args.drafts}/: fill in every TODO, then move them to content/events/"
        + (f"; {len(report.proposed)} statements proposed for events of the timeline" if report.proposed else "")
    )
    return EXIT_OK


def _timeline(content: Path) -> Timeline | None:
    """The timeline drafts are matched against, or None when there is none (or it has errors, said so)."""
    if not (content / "events").is_dir():
        return None
    config = Path("mkdocs.yml")
    try:
        languages = read_project(config).languages if config.is_file() else editions()
    except ProjectError:
        languages = editions()
    timeline, _ = load_timeline(content, Path.cwd(), languages=languages)
    if timeline is None:
        print(f"timeline draft: {content} has errors (`timeline validate`), so no draft is matched to its events",
              file=sys.stderr)  # fmt: skip
    return timeline
