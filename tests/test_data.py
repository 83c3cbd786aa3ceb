"""Data out and in: the six published files read back by real parsers, and imports from TimelineJS."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.data.ics import fold as _fold
from generator.data.ics import ics_text as _ics_text
from generator.model import Timeline

from conftest import ROOT, copy_project, run


def test_events_json_matches_its_schema_and_the_content(built_site: Path, timeline: Timeline) -> None:
    data = json.loads((built_site / "site" / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "site" / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["version"] == 1 and dt.date.fromisoformat(data["generated"])
    assert [e["id"] for e in data["events"]] == [e.id for e in timeline.events]
    for row, event in zip(data["events"], timeline.events, strict=True):
        assert (row["title"], row["status"], row["date"]["edtf"]) == (event.title, event.status, event.date.edtf)
        assert row["date"]["earliest"] == event.date.earliest.isoformat()
        assert row["date"]["precision"] == event.date.precision
        assert [a["id"] for a in row["actors"]] == list(event.actors)
        assert all(a["name"] == timeline.actors[a["id"]].name for a in row["actors"] + row["claimed_by"])
        assert row["url"].endswith(f"events/{event.id}/")
        assert [s["url"] for s in row["sources"]] == [s.url for s in event.all_sources]
        assert row["sources"][0]["quote"] == event.all_sources[0].quote
        assert [(h["date"]["edtf"], [a["id"] for a in h["by"]], h["stance"], h["note"]) for h in row["history"]] == [
            (s.date.edtf, list(s.by), s.stance, s.note) for s in event.history
        ]
    assert any(row["history"] for row in data["events"]), "the content has histories"


def test_events_csv_has_a_row_per_event(built_site: Path, timeline: Timeline) -> None:
    text = (built_site / "site" / "data" / "events.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [e.id for e in timeline.events]
    for row, event in zip(rows, timeline.events, strict=True):
        assert row["date"] == event.date.edtf and row["title"] == event.title and row["status"] == event.status
        assert row["latest"] == (event.date.latest.isoformat() if event.date.latest else "")
        assert row["actors"].split("; ") == list(event.actors)
        assert row["summary"] == event.summary


def test_events_ics_spans_each_date(built_site: Path, timeline: Timeline) -> None:
    calendar = icalendar.Calendar.from_ical((built_site / "site" / "data" / "events.ics").read_bytes())
    items = {str(c["uid"]): c for c in calendar.walk("VEVENT")}
    assert set(items) == {f"{e.id}@timeline" for e in timeline.events}
    for event in timeline.events:
        item = items[f"{event.id}@timeline"]
        assert item.decoded("dtstart") == event.date.earliest
        last = event.date.latest or event.date.earliest
        assert item.decoded("dtend") == last + dt.timedelta(days=1)
        assert str(item["summary"]) == event.title
        assert event.status in item["categories"].to_ical().decode()
        assert str(item["description"]).startswith(
            f"{event.display_date}. {event.status.capitalize()}. {event.summary}\n"
        )
        assert str(item["status"]) == ("CONFIRMED" if event.status == "confirmed" else "TENTATIVE")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\\;,\n"), max_size=400))
def test_ics_lines_fold_and_escape_any_text_back_to_itself(text: str) -> None:
    """Our own iCalendar writer (icalendar's was too slow) against icalendar's reader."""
    line = "SUMMARY:" + _ics_text(text)
    folded = _fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(
        f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{folded}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert str(calendar.walk("VEVENT")[0]["summary"]) == text


def test_timelinejs_has_every_event(built_site: Path, timeline: Timeline) -> None:
    data = json.loads((built_site / "site" / "data" / "timelinejs.json").read_text(encoding="utf-8"))
    items = {e["unique_id"]: e for e in data["events"]}
    assert set(items) == {e.id for e in timeline.events}
    autumn = items["2024-23-north-korea-sends-troops-to-russia"]
    assert autumn["start_date"] == {"year": 2024, "month": 9} and autumn["end_date"] == {"year": 2024, "month": 11}
    assert autumn["display_date"] == "Autumn 2024"
    uncertain = next(e for e in timeline.events if e.date.uncertain and not e.date.interval)
    assert items[uncertain.id]["display_date"] == uncertain.date.display() and "end_date" not in items[uncertain.id]
    assert items[uncertain.id]["display_date"].endswith("(uncertain)")
    said = next(e for e in timeline.events if e.history)
    assert "What was said:" in items[said.id]["text"]["text"]
    assert items["2023-09-10-kim-leaves-pyongyang-for-russia"]["start_date"] == {"year": 2023, "month": 9, "day": 10}
    assert {e["group"] for e in data["events"]} == {e.status.capitalize() for e in timeline.events}


def test_the_feed_is_valid_atom_with_status_and_summary(built_site: Path, timeline: Timeline) -> None:
    feed = feedparser.parse((built_site / "site" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert len(feed.entries) == len(timeline.events)
    by_id = {e.id: e for e in timeline.events}
    for entry in feed.entries:
        event = by_id[entry.id.removeprefix("urn:timeline:event:")]
        assert entry.link.endswith(f"events/{event.id}/")
        assert entry.tags[0].term == event.status
        assert event.status.capitalize() in entry.summary
    added = [entry.published for entry in feed.entries]
    assert added == sorted(added, reverse=True)
    page = BeautifulSoup((built_site / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="alternate", type="application/atom+xml")["href"] == "feed.xml"


def test_event_pages_carry_json_ld_and_link_previews(built_site: Path, timeline: Timeline) -> None:
    for event in timeline.events:
        page = BeautifulSoup(
            (built_site / "site" / "events" / event.id / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        data = json.loads(str(page.find("script", type="application/ld+json").string))
        assert data["@type"] == "Event" and data["name"] == event.title
        assert data["startDate"] == event.date.earliest.isoformat()
        assert [s["publisher"]["name"] for s in data["subjectOf"]] == [s.publisher for s in event.sources]
        assert page.find("meta", property="og:title")["content"] == event.title
        assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def git(folder: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def test_the_feed_follows_when_events_were_added_not_when_they_happened(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    backfilled = next((tmp_path / "content").rglob("2023-09-10-kim-leaves-pyongyang-for-russia.yaml"))
    moved = tmp_path / "backfilled.yaml"
    backfilled.rename(moved)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first", date="2025-05-01T12:00:00Z")
    moved.rename(backfilled)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "backfill", date="2025-06-01T12:00:00Z")
    feed = feedparser.parse(run("timeline", "export", "--format", "feed", cwd=tmp_path).stdout)
    assert feed.entries[0].id == "urn:timeline:event:2023-09-10-kim-leaves-pyongyang-for-russia"
    assert feed.entries[0].published.startswith("2025-06-01")
    assert all(e.published.startswith("2025-05-01") for e in feed.entries[1:])


NEW_STATEMENT = """\
  - date: 2025-06-30
    by: [kcna]
    stance: acknowledges
    note: A later statement added to the history, for the test.
    sources:
      - publisher: Example Wire
        published: 2025-06-30
        url: https://example.org/wire/later
"""


def test_a_statement_added_later_updates_its_feed_entry(tmp_path: Path) -> None:
    """A real build in a repository whose history adds a statement to an event after it was published."""
    project = copy_project(tmp_path / "p")
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "the timeline", date="2025-05-01T12:00:00Z")
    event = next((project / "content").rglob("2025-04-russia-claims-ukrainian-forces-expelled-from-kursk.yaml"))
    text = event.read_text(encoding="utf-8")
    marker = "related: ["
    event.write_text(text.replace(marker, NEW_STATEMENT + marker, 1), encoding="utf-8")
    git(project, "commit", "-qam", "a new statement", date="2025-07-02T09:00:00Z")
    run("mkdocs", "build", "--strict", cwd=project)
    feed = feedparser.parse((project / "site" / "feed.xml").read_bytes())
    assert not feed.bozo
    first = feed.entries[0]
    assert first.id == f"urn:timeline:event:{event.stem}", "the entry that grew comes first"
    assert first.updated.startswith("2025-07-02") and first.published.startswith("2025-05-01")
    assert "New statement, added 2025-07-02" in first.summary and "30 June 2025" in first.summary
    assert feed.feed.updated.startswith("2025-07-02")
    others = [e for e in feed.entries[1:]]
    assert others and all(e.updated.startswith("2025-05-01") for e in others), "statements committed with the event"
    data = json.loads((project / "site" / "data" / "events.json").read_text(encoding="utf-8"))
    assert data["generated"] == "2025-07-02"
    grown = next(e for e in data["events"] if e["id"] == event.stem)
    assert grown["history"][-1]["note"] == "A later statement added to the history, for the test."


@pytest.mark.parametrize("kind", ["json", "csv", "ics", "timelinejs", "feed", "schema"])
def test_export_writes_the_published_files(built_site: Path, tmp_path: Path, kind: str) -> None:
    published = {"json": "data/events.json", "csv": "data/events.csv", "ics": "data/events.ics",
                 "timelinejs": "data/timelinejs.json", "feed": "feed.xml", "schema": "data/events.schema.json"}  # fmt: skip
    out = tmp_path / "out"
    run("timeline", "export", "--format", kind, "-o", str(out), cwd=built_site)
    assert out.read_bytes() == (built_site / "site" / published[kind]).read_bytes()


def fresh_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "events").mkdir(parents=True)
    for name in ("actors.yaml", "places.yaml", "tags.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    return content


def test_timelinejs_export_import_export_keeps_what_timelinejs_holds(built_site: Path, tmp_path: Path) -> None:
    first = json.loads(run("timeline", "export", "--format", "timelinejs", cwd=built_site).stdout)
    (tmp_path / "timeline.json").write_text(json.dumps(first), encoding="utf-8")
    fresh_content(tmp_path)
    imported = run("timeline", "import", "timelinejs", "timeline.json", "--publisher", "Example desk",
                   "--published", "2025-05-01", cwd=tmp_path)  # fmt: skip
    assert f"{len(first['events'])} events written, 0 skipped" in imported.stdout
    assert run("timeline", "validate", cwd=tmp_path).returncode == 0
    second = json.loads(run("timeline", "export", "--format", "timelinejs", "--group", "tag", cwd=tmp_path).stdout)
    before = {e["unique_id"]: e for e in first["events"]}
    after = {e["unique_id"]: e for e in second["events"]}
    assert set(before) == set(after)
    for key, event in before.items():
        again = after[key]
        for field in ("start_date", "end_date", "display_date", "group"):
            assert event.get(field) == again.get(field), (key, field)
        assert event["text"]["headline"] == again["text"]["headline"]
        assert (
            BeautifulSoup(event["text"]["text"], "html.parser").get_text(" ").split()
            == BeautifulSoup(again["text"]["text"], "html.parser").get_text(" ").split()
        )
    again = run("timeline", "import", "timelinejs", "timeline.json", "--publisher", "Example desk",
                "--published", "2025-05-01", cwd=tmp_path)  # fmt: skip
    assert "0 events written" in again.stdout and "exists already; not overwritten" in again.stderr


SHEET = """\
Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background
,,,,,,,,,A test timeline,<p>About it</p>,,,,,title,,
2024,10,,,,,,,,Troops arrive,"<p>They <b>arrived</b>, <a href=""https://example.org/x"">officials said</a>.</p>",https://example.org/photo.jpg,Reuters,A photo,https://example.org/t.jpg,,Deployment,#000
2025,1,11,,,,,,,Two soldiers captured,<p>Ukraine said so.</p>,,,,,,Prisoners,
2024,,,,2025,4,,,About seven months,Holding ground,,,,,,,Deployment,
abc,,,,,,,,,Bad year,,,,,,,,
"""


def test_a_google_sheets_csv_imports_into_valid_events(tmp_path: Path) -> None:
    content = fresh_content(tmp_path)
    (tmp_path / "sheet.csv").write_text(SHEET, encoding="utf-8")
    result = run("timeline", "import", "sheet", "sheet.csv", "--publisher", "Example desk", "--published",
                 "2025-05-01", cwd=tmp_path)  # fmt: skip
    assert "3 events written, 1 skipped" in result.stdout
    assert "row 6: Year 'abc' is not a number" in result.stderr
    assert "not imported: row 3: Media Thumbnail" in result.stderr and "row 3: Background" in result.stderr
    assert "added tags to content/tags.yaml: deployment, prisoners" in result.stdout
    assert run("timeline", "validate", cwd=tmp_path).returncode == 0
    troops = next(content.rglob("2024-10-troops-arrive.yaml")).read_text(encoding="utf-8")
    assert "They **arrived**, [officials said](https://example.org/x)." in troops
    assert "publisher: Reuters" in troops and "url: https://example.org/photo.jpg" in troops
    assert "title: A test timeline" in troops
    holding = next(content.rglob("2024-holding-ground.yaml")).read_text(encoding="utf-8")
    assert "date: 2024/2025-04" in holding and "date_text: About seven months" in holding


@pytest.mark.parametrize(
    ("kind", "name", "text", "says"),
    [
        ("timelinejs", "bad.json", "{not json", "bad.json:1:2: not valid JSON"),
        ("timelinejs", "bad.json", '{"title": {}}', 'a TimelineJS file is an object with an "events" list'),
        ("sheet", "bad.csv", "Date,Title\n2024,x\n", "no 'Year', 'Headline' column"),
    ],
)
def test_malformed_imports_get_clear_messages(tmp_path: Path, kind: str, name: str, text: str, says: str) -> None:
    fresh_content(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("timeline", "import", kind, name, "--publisher", "X", "--published", "2025-05-01", cwd=tmp_path,
                 check=False)  # fmt: skip
    assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr
