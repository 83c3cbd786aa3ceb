"""`timeline import`: TimelineJS JSON files and Google Sheets (TimelineJS template) CSV files → event files.

Maps what maps (dates, headline, text, display date, group as a tag, media credit as a
source), lists what does not, never overwrites a file, and writes events that
`timeline validate` accepts. A TimelineJS timeline says nothing of how sure anyone is,
so every event gets the ``--status`` given (``reported`` by default) for a person to review.
"""

from __future__ import annotations

import csv
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from ..dates import DateError, parse_date
from ..ids import check_id, event_id_for, slug
from .new import modeline

__all__ = ["Entry", "ImportFailed", "ImportReport", "import_entries", "read_sheet", "read_timelinejs"]

SHEET_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "Link",
    "Alt Text",
)
_MAPPED_JSON = {"start_date", "end_date", "display_date", "text", "media", "group", "unique_id"}
# Columns with no place in an event file: listed as not imported when they hold something.
_UNMAPPED_SHEET = {"Time", "End Time", "Media Thumbnail", "Background", "Link", "Alt Text"}
_MAPPED_SHEET = set(SHEET_COLUMNS) - _UNMAPPED_SHEET


class ImportFailed(Exception):
    """The file cannot be imported at all; the message says why."""


@dataclass
class Entry:
    """One TimelineJS event, as read."""

    where: str
    start: tuple[int, ...]
    end: tuple[int, ...] | None = None
    display_date: str | None = None
    headline: str = ""
    text: str = ""
    media_url: str | None = None
    media_credit: str | None = None
    media_caption: str | None = None
    group: str | None = None
    unique_id: str | None = None
    unmapped: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import wrote, skipped and could not map."""

    title: str | None = None
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    new_tags: list[str] = field(default_factory=list)


class _TextFromHTML(HTMLParser):
    """TimelineJS text is HTML; summaries are Markdown. Keeps paragraphs, emphasis and http(s) links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "div") and self.parts:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href if re.match(r"https?://", href) else None)
            if self.links[-1]:
                self.parts.append("[")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("strong", "b"):
            self.parts.append("**")
        elif tag in ("em", "i"):
            self.parts.append("*")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.parts.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        self.parts.append(re.sub(r"[<>]", "", data))


def markdown_from_html(text: str) -> str:
    """TimelineJS HTML → the Markdown a summary may hold (no raw HTML)."""
    parser = _TextFromHTML()
    parser.feed(text or "")
    parser.close()
    paragraphs = [
        "\n".join(" ".join(line.split()) for line in p.split("\n")) for p in "".join(parser.parts).split("\n\n")
    ]
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def plain_from_html(text: str) -> str:
    """TimelineJS HTML → one line of plain text (titles, names)."""
    return " ".join(re.sub(r"[*<>\[\]]", "", html.unescape(re.sub(r"<[^>]*>", " ", text or ""))).split())


def _date_parts(value: Any, where: str, labels: tuple[str, str, str]) -> tuple[int, ...] | None:
    """(year, month, day) as far as given; ``labels`` name the three parts in messages."""
    if value is None:
        return None
    if not isinstance(value, dict) or "year" not in value:
        owner = labels[0].split(".")[0]
        raise ValueError(f'{where}: {owner} must be an object with at least a year, e.g. {{"year": 2025}}')
    parts = []
    for key, label in zip(("year", "month", "day"), labels, strict=True):
        raw = value.get(key)
        if raw in (None, ""):
            break
        try:
            parts.append(int(str(raw)))
        except ValueError:
            raise ValueError(f"{where}: {label} {raw!r} is not a number") from None
    return tuple(parts)


def _json_labels(name: str) -> tuple[str, str, str]:
    return (f"{name}.year", f"{name}.month", f"{name}.day")


def read_timelinejs(path: Path) -> tuple[str | None, list[Entry], list[str]]:
    """The title, the entries and the problems of a TimelineJS JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFailed(f"{path}: is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ImportFailed(f"{path}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}") from None
    except OSError as error:
        raise ImportFailed(f"{path}: cannot be read: {error.strerror or error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise ImportFailed(f'{path}: a TimelineJS file is an object with an "events" list')
    title_text = (data.get("title") or {}).get("text") if isinstance(data.get("title"), dict) else None
    title = plain_from_html(title_text.get("headline", "")) if isinstance(title_text, dict) else None
    entries, problems = [], []
    for i, event in enumerate(data["events"]):
        where = f"events[{i}]"
        if not isinstance(event, dict):
            problems.append(f"{where}: is not an object")
            continue
        try:
            start = _date_parts(event.get("start_date"), where, _json_labels("start_date"))
            end = _date_parts(event.get("end_date"), where, _json_labels("end_date"))
        except ValueError as error:
            problems.append(str(error))
            continue
        if start is None:
            problems.append(f"{where}: has no start_date")
            continue
        text: dict[str, Any] = event["text"] if isinstance(event.get("text"), dict) else {}
        media: dict[str, Any] = event["media"] if isinstance(event.get("media"), dict) else {}
        entries.append(
            Entry(
                where,
                start,
                end,
                event.get("display_date"),
                plain_from_html(text.get("headline", "")),
                text.get("text", ""),
                media.get("url"),
                plain_from_html(media.get("credit", "")) or None,
                plain_from_html(media.get("caption", "")) or None,
                event.get("group"),
                event.get("unique_id"),
                [f"{where}: {key}" for key in sorted(set(event) - _MAPPED_JSON)]
                + [f"{where}: media.{key}" for key in sorted(set(media) - {"url", "credit", "caption"})],
            )
        )
    return title, entries, problems


def read_sheet(path: Path) -> tuple[str | None, list[Entry], list[str]]:
    """The title, the entries and the problems of a CSV in the TimelineJS Google Sheets template."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
            headers = [h.strip() for h in (rows[0].keys() if rows else [])]
    except UnicodeDecodeError:
        raise ImportFailed(f"{path}: is not UTF-8 text") from None
    except (OSError, csv.Error) as error:
        raise ImportFailed(f"{path}: cannot be read as CSV: {error}") from None
    missing = [c for c in ("Year", "Headline") if c not in headers]
    if missing:
        raise ImportFailed(
            f"{path}: no {', '.join(repr(m) for m in missing)} column; the TimelineJS sheet template has the columns "
            + ", ".join(SHEET_COLUMNS)
        )
    title, entries, problems = None, [], []
    extra = sorted(set(headers) - set(SHEET_COLUMNS))
    for number, raw in enumerate(rows, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        where = f"row {number}"
        if not any(row.values()):
            continue
        if row.get("Type", "").lower() == "title":
            title = plain_from_html(row.get("Headline", "")) or title
            continue
        try:
            start = _date_parts(
                {"year": row["Year"], "month": row.get("Month"), "day": row.get("Day")}, where, ("Year", "Month", "Day")
            )
            end = (
                _date_parts(
                    {"year": row["End Year"], "month": row.get("End Month"), "day": row.get("End Day")},
                    where,
                    ("End Year", "End Month", "End Day"),
                )
                if row.get("End Year")
                else None
            )
        except ValueError as error:
            problems.append(str(error))
            continue
        if not start:
            problems.append(f"{where}: has no Year")
            continue
        unmapped = [f"{where}: {c}" for c in headers if row.get(c) and c not in _MAPPED_SHEET]
        entries.append(
            Entry(
                where,
                start,
                end,
                row.get("Display Date") or None,
                plain_from_html(row.get("Headline", "")),
                row.get("Text", ""),
                row.get("Media") or None,
                plain_from_html(row.get("Media Credit", "")) or None,
                plain_from_html(row.get("Media Caption", "")) or None,
                row.get("Group") or None,
                None,
                unmapped,
            )
        )
    if extra:
        problems.append(f"columns not in the TimelineJS template, not imported: {', '.join(extra)}")
    return title, entries, problems


class _Dumper(yaml.SafeDumper):
    """Writes text of several lines as a block (``summary: |``), as contributors write it."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None),
)


def _edtf(parts: tuple[int, ...]) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def _slug(text: str) -> str:
    return slug(text)[:60].strip("-")


def import_entries(
    entries: list[Entry],
    content_dir: Path,
    *,
    publisher: str,
    published: str,
    source_title: str,
    url: str | None = None,
    status: str = "reported",
) -> ImportReport:
    """Write one event file per entry into ``content_dir/events/<year>/``; never overwrite a file."""
    report = ImportReport()
    events_dir = content_dir / "events"
    taken = {p.stem for p in events_dir.rglob("*.yaml")} if events_dir.exists() else set()
    tags_file = content_dir / "tags.yaml"
    tags = yaml.safe_load(tags_file.read_text(encoding="utf-8")) if tags_file.exists() else None
    known_tags: dict[str, Any] = tags if isinstance(tags, dict) else {}
    for entry in entries:
        if not entry.headline:
            report.skipped.append(f"{entry.where}: no headline")
            continue
        date = _edtf(entry.start) + (f"/{_edtf(entry.end)}" if entry.end else "")
        try:
            parse_date(date)
        except DateError as error:
            report.skipped.append(f"{entry.where}: {error}")
            continue
        wanted = entry.unique_id if entry.unique_id and not check_id(entry.unique_id) else None
        event_id = wanted or event_id_for(date, entry.headline)
        if event_id in taken:
            report.skipped.append(f"{entry.where}: an event {event_id!r} exists already; not overwritten")
            continue
        taken.add(event_id)
        event: dict[str, Any] = {"title": entry.headline, "date": date}
        if entry.display_date:
            event["date_text"] = plain_from_html(entry.display_date)
        event["status"] = status
        event["summary"] = (
            markdown_from_html(entry.text) or "Imported from a TimelineJS timeline without a description."
        )
        if entry.group:
            tag_id = _slug(entry.group)
            if tag_id and tag_id not in known_tags:
                known_tags[tag_id] = {"name": plain_from_html(entry.group)}
                report.new_tags.append(tag_id)
            if tag_id:
                event["tags"] = [tag_id]
        sources: list[dict[str, Any]] = [{"title": source_title, "publisher": publisher, "published": published}]
        if url:
            sources[0]["url"] = url
        if entry.media_credit:
            media = {
                "title": entry.media_caption or entry.headline,
                "publisher": entry.media_credit,
                "published": published,
            }
            if entry.media_url and re.match(r"https?://", entry.media_url):
                media["url"] = entry.media_url
            sources.append(media)
        elif entry.media_url:
            report.unmapped.append(f"{entry.where}: media {entry.media_url} (no credit to cite it by)")
        event["sources"] = sources
        report.unmapped.extend(entry.unmapped)
        target = events_dir / date[:4] / f"{event_id}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(event, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        with target.open("x", encoding="utf-8") as handle:
            handle.write(modeline(content_dir, target) + text)
        report.written.append(target)
    if report.new_tags:
        with tags_file.open("a", encoding="utf-8") as handle:
            handle.write(
                "\n" + yaml.safe_dump({t: known_tags[t] for t in report.new_tags}, allow_unicode=True, sort_keys=False)
            )
    return report
