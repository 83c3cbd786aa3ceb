"""The ``timeline`` command: check, generate, export and publish from the command line.

The authoring tools (`new`, `import`, `draft`) add their own subcommands (``tools.commands``).
Exit status: 0 when the content is valid, 1 when it has errors, 2 for usage errors and files
that cannot be read or written; no traceback reaches a contributor.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .build import build_pages
from .content.added import added_dates
from .content.validate import load_timeline
from .data import FORMATS, Exports, json_text
from .data.timelinejs import GROUPS, timelinejs
from .output import OutputError
from .problems import Problem, Severity, format_problems
from .publish import BUILDERS, BuildFailed, ProjectError, SearchError, publish
from .publish.project import edit_base, read_project
from .site import PAGE_SIZE
from .site.layout import Layout
from .site.words import editions, words_for
from .tools.commands import add_commands

__all__ = ["main"]

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
BUILD_WARNINGS_SHOWN = 10

_EPILOG = """\
exit status: 0 when the content is valid (warnings allowed), 1 when it has errors (each
printed as path:line:column: field: message), 2 for usage errors or files that cannot be
read or written.
"""


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return number


def _missing(content: Path) -> bool:
    """True (after saying so) when the content folder is not there."""
    if content.is_dir():
        return False
    print(f"timeline: {content}: no such folder", file=sys.stderr)
    return True


def _settings_options(parser: argparse.ArgumentParser, what: str) -> None:
    """Options whose defaults come from mkdocs.yml (when there is one), so the pages match the plugin's."""
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                        help="the project's mkdocs.yml, read for the defaults below (default: mkdocs.yml)")  # fmt: skip
    parser.add_argument("--content", type=Path, help="the content folder (default: the plugin's content_dir)")
    parser.add_argument("--site-url", help=f"the site's address, for {what} (default: site_url, or $TIMELINE_SITE_URL)")
    parser.add_argument(
        "--no-directory-urls", dest="directory_urls", action="store_false", default=None,
        help="pages are served as events/<id>.html, as with MkDocs' use_directory_urls: false",
    )  # fmt: skip


@dataclass(frozen=True)
class _Settings:
    content: Path
    docs: Path
    page_size: int
    site_url: str | None
    directory_urls: bool
    edit_base: str
    languages: tuple[str, ...] = ()
    lanes: str = "status"


def _settings(args: argparse.Namespace) -> _Settings:
    """The project's settings: the command line's, else mkdocs.yml's, else the defaults."""
    if args.config_file.is_file():
        project = read_project(args.config_file)
        root = Path.cwd()
        defaults = _Settings(
            _near(project.content_dir, root), _near(project.docs_dir, root), project.page_size, project.site_url,
            project.directory_urls,
            edit_base(project.repo_url, project.edit_uri, project.docs_dir, project.content_dir, project.root,
                      project.content_edit_uri), project.languages, project.lanes,
        )  # fmt: skip
    else:
        site_url = os.environ.get("TIMELINE_SITE_URL")
        # No project: translations may be into any language the generator has words for.
        defaults = _Settings(Path("content"), Path("timeline"), PAGE_SIZE, site_url, True, "", editions())
    site_url = args.site_url if args.site_url is not None else defaults.site_url
    return _Settings(
        content=args.content or defaults.content,
        docs=getattr(args, "docs", None) or defaults.docs,
        page_size=getattr(args, "page_size", None) or defaults.page_size,
        # As MkDocs reads site_url (with a closing slash), so that `mkdocs build` finds these pages current.
        site_url=site_url.rstrip("/") + "/" if site_url else None,
        directory_urls=defaults.directory_urls if args.directory_urls is None else args.directory_urls,
        edit_base=defaults.edit_base,
        languages=defaults.languages,
        lanes=defaults.lanes,
    )


def _near(path: Path, root: Path) -> Path:
    """A path relative to ``root`` when it is inside it (as problems show paths)."""
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def _parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Check timeline content (YAML), turn it into pages and data, and publish the site.",
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
    validate.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path,
                          help="the project's mkdocs.yml, read for the site's languages (default: mkdocs.yml)")  # fmt: skip
    validate.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text (default); github: workflow annotations shown on the pull request; json: for tools",
    )
    validate.set_defaults(run=_validate)

    build = commands.add_parser(
        "build",
        help="validate, then write the generated pages into the docs folder",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    _settings_options(build, "the data files' links")
    build.add_argument("--docs", type=Path, help="the docs folder (default: docs_dir of mkdocs.yml, or timeline)")
    build.add_argument(
        "--page-size",
        type=_positive,
        help=f"events on one listing page at most (default: the plugin's page_size, or {PAGE_SIZE})",
    )
    build.set_defaults(run=_build)

    export = commands.add_parser(
        "export",
        help="write the timeline as JSON, CSV, iCalendar, TimelineJS JSON or an Atom feed",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    export.add_argument("--format", required=True, choices=tuple(FORMATS))
    export.add_argument("-o", "--output", type=Path, help="the file to write (default: standard output)")
    _settings_options(export, "absolute links")
    export.add_argument(
        "--group", choices=GROUPS, default="status", help="TimelineJS: what events are grouped by (default: status)"
    )
    export.add_argument(
        "--language", default="en",
        help="the edition whose words the feed, CSV, iCalendar and TimelineJS files are in: en (default) or one "
        "of the plugin's languages",
    )  # fmt: skip
    export.set_defaults(run=_export)

    published = commands.add_parser(
        "publish",
        help="build the whole site with MkDocs, ProperDocs or Zensical: pages, search index, sanitised HTML",
        description="Generates the pages, builds the site with the builder, then gives every builder's site the "
        "same last steps: generated pages' HTML sanitised, the builder's own search files removed, the Pagefind "
        "search index written.",
        epilog=_EPILOG,
        formatter_class=formatter,
    )
    published.add_argument("--builder", choices=BUILDERS, default="mkdocs", help="default: mkdocs")
    published.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path, help="default: mkdocs.yml")
    published.add_argument("-d", "--site-dir", type=Path, help="where the site goes (default: site_dir of mkdocs.yml)")
    published.set_defaults(run=_publish)

    add_commands(commands)
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
    try:
        languages = read_project(args.config_file).languages if args.config_file.is_file() else editions()
    except ProjectError as error:
        print(f"timeline: {error}", file=sys.stderr)
        return EXIT_USAGE
    timeline, problems = load_timeline(args.content, Path.cwd(), languages=languages)
    status = EXIT_OK if timeline is not None else EXIT_CONTENT
    if args.format == "json":
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        rows = [{**p.__dict__, "severity": p.severity.value} for p in sorted(problems)]
        report = {"valid": timeline is not None, "errors": errors, "warnings": len(problems) - errors, "problems": rows}
        print(json.dumps(report, indent=2, ensure_ascii=False))
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
    try:
        settings = _settings(args)
    except ProjectError as error:
        print(f"timeline: {error}", file=sys.stderr)
        return EXIT_USAGE
    if _missing(settings.content):
        return EXIT_USAGE
    try:
        result = build_pages(
            settings.content, settings.docs, Path.cwd(), settings.site_url, settings.page_size,
            directory_urls=settings.directory_urls, parallel=True, edit_base=settings.edit_base,
            languages=settings.languages, lanes=settings.lanes,
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
        f"{report.unchanged} unchanged in {settings.docs} ({time.perf_counter() - started:.2f} s)"
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
    except ProjectError as error:
        print(f"timeline: {error}", file=sys.stderr)
        return EXIT_USAGE
    if _missing(settings.content):
        return EXIT_USAGE
    timeline, problems = load_timeline(settings.content, Path.cwd(), languages=settings.languages)
    if timeline is None:
        print(format_problems(problems), file=sys.stderr)
        return EXIT_CONTENT
    if args.language != "en" and args.language not in settings.languages:
        published = ", ".join(("en", *settings.languages))
        print(f"timeline export: --language {args.language!r} is not an edition of this site ({published})",
              file=sys.stderr)  # fmt: skip
        return EXIT_USAGE
    layout = Layout(settings.directory_urls, settings.site_url or "").twin(args.language)
    exports = Exports(timeline, layout, added_dates(settings.content / "events"), words=words_for(args.language))
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


def _publish(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        done = publish(args.config_file, args.builder, args.site_dir)
    except (ProjectError, BuildFailed, SearchError, OutputError) as error:
        print(f"timeline publish: {error}", file=sys.stderr)
        return EXIT_USAGE
    if done.generation.problems:
        print(format_problems(done.generation.problems, warnings_shown=BUILD_WARNINGS_SHOWN), file=sys.stderr)
    if done.finished is None:
        print("nothing was published: fix the errors above first", file=sys.stderr)
        return EXIT_CONTENT
    finished = done.finished
    print(
        f"published {done.generation.events} events with {args.builder} into {done.site_dir}: {finished.pages} pages, "
        f"{finished.sanitised} generated pages sanitised, search index of {finished.index.pages} pages "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
