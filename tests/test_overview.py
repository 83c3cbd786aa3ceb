"""The overview graphic: golden SVGs (every date form and a history; lanes by tag and by kind of
actor; counts past MAX_MARKS or MAX_BYTES; the real content) and the rules it keeps: marks at their dates,
in proportion to time, each a link with its data, labels that never overlap."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.content.validate import load_timeline
from generator.dates import parse_date
from generator.memo import Memo
from generator.model import Actor, Event, Source, Statement, Tag, Timeline
from generator.site.context import make_site
from generator.site.layout import Layout
from generator.site.overview import LEFT, MAX_BYTES, MAX_MARKS, RIGHT, WIDTH, Overview, overview

from conftest import LANGUAGES, ROOT, copy_project, regenerate, run

GOLDEN = Path(__file__).parent / "cases" / "overview"
SOURCE = Source("An article", "Example News", dt.date(2025, 4, 28), "https://example.org/a")
ACTORS = {
    "kcna": Actor("kcna", "Korean Central News Agency", "media", ("KCNA",)),
    "russia": Actor("russia", "Russia", "state"),
    "ukraine": Actor("ukraine", "Ukraine", "state"),
}
TAGS = {"war": Tag("war", "War"), "talks": Tag("talks", "Talks")}
FORMS = ["2023-09-10", "2024-01", "2024", "2024-23", "2024-05~", "2024-07?", "2024-02-03/2024-08-20",
         "2024-10/..", "../2025-02-14", "2023-11-02"]  # fmt: skip


def event(
    i: int,
    date: str,
    status: str = "reported",
    actors: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    history: tuple[Statement, ...] = (),
) -> Event:
    return Event(
        id=f"e{i:04d}", path=f"content/events/e{i:04d}.yaml", title=f"Event number {i} with a longer title",
        date=parse_date(date), status=status, summary="Something happened.", sources=(SOURCE,), actors=actors,
        tags=tags, history=history,
    )  # fmt: skip


def forms_timeline() -> Timeline:
    history = (
        Statement(parse_date("2024-10-18"), ("ukraine",), "asserts", (SOURCE,)),
        Statement(parse_date("2024-10-21"), ("russia",), "denies", (SOURCE,)),
        Statement(parse_date("2025-04-28"), ("kcna",), "acknowledges", (SOURCE,)),
    )
    statuses = ("confirmed", "reported", "claimed", "disputed")
    events = [
        event(i, date, statuses[i % 4], actors=("russia",) if i % 2 else ("kcna",), tags=("war",) if i % 3 else ())
        for i, date in enumerate(FORMS)
    ]
    events.append(event(99, "2024-10", "confirmed", history=history, actors=("ukraine", "russia"), tags=("talks",)))
    return Timeline(tuple(sorted(events, key=Event.sort_key)), ACTORS, {}, TAGS)


def draw(timeline: Timeline, lanes: str = "status", first: dt.date | None = None, last: dt.date | None = None,
         periods: tuple[tuple[dt.date, str], ...] = ()) -> str:  # fmt: skip
    site = make_site(timeline, Layout(), 100, Memo(), lanes=lanes)
    first = first or site.scale[0]
    last = last or site.scale[1]
    return str(overview(site, Overview(timeline.events, first, last, periods), "timeline/index.md"))


def golden(name: str, svg: str) -> None:
    path = GOLDEN / f"{name}.svg.html"
    if regenerate():
        path.write_text(svg, encoding="utf-8")
    assert svg == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (REGEN_GOLDEN=1 rewrites it)"


def many(n: int) -> Timeline:
    rng = random.Random(7)
    statuses = ("confirmed", "reported", "claimed", "disputed")
    events = [event(i, f"{2023 + rng.randrange(3)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", statuses[i % 4])
              for i in range(n)]  # fmt: skip
    return Timeline(tuple(sorted(events, key=Event.sort_key)), ACTORS, {}, TAGS)


def test_every_date_form_and_a_history() -> None:
    golden("forms", draw(forms_timeline()))


@pytest.mark.parametrize("lanes", ["tag", "actor-kind"])
def test_lanes_by_tag_and_by_kind_of_actor(lanes: str) -> None:
    svg = draw(forms_timeline(), lanes)
    golden(f"lanes-{lanes}", svg)
    names = [t.get_text() for t in BeautifulSoup(svg, "html.parser").select(".tl-ov__name")]
    assert names == (["Talks", "War", "Untagged"] if lanes == "tag" else ["State", "Media"])


def test_past_max_marks_events_become_counts_per_period_with_links() -> None:
    timeline = many(MAX_MARKS + 100)
    periods = tuple((dt.date(y, 1, 1), f"timeline/{y}.md") for y in (2023, 2024, 2025))
    svg = draw(timeline, periods=periods)
    golden("grouped", svg)
    html = BeautifulSoup(svg, "html.parser")
    bars = html.select("a[data-count]")
    assert not html.select("a[data-event-id]") and 100 < len(bars) <= 4 * 36
    assert sum(int(str(b["data-count"])) for b in bars) == len(timeline.events)
    for bar in bars:
        assert str(bar["href"]) == f"../timeline/{bar['data-date'][:4]}/", "each count links to its period's page"
    assert len(svg) < 100_000


def test_marks_that_would_pass_max_bytes_become_counts_too() -> None:
    # Fewer events than MAX_MARKS, but each mark long (its title, its actors for the filters): as
    # marks the graphic would pass MAX_BYTES, so it is drawn as counts; a tenth of them stay marks.
    def wordy(n: int) -> Timeline:
        events = tuple(replace(e, actors=tuple(ACTORS), tags=tuple(TAGS), title=e.title * 3) for e in many(n).events)
        return Timeline(events, ACTORS, {}, TAGS)

    periods = tuple((dt.date(y, 1, 1), f"timeline/{y}.md") for y in (2023, 2024, 2025))
    few, more = wordy(MAX_MARKS // 10), wordy(MAX_MARKS - 50)
    assert len(draw(few)) * len(more.events) / len(few.events) > MAX_BYTES, "as marks, the more would not fit"
    html = BeautifulSoup(draw(few, periods=periods), "html.parser")
    assert len(html.select("a[data-event-id]")) == len(few.events) and not html.select("a[data-count]")
    svg = draw(more, periods=periods)
    html = BeautifulSoup(svg, "html.parser")
    assert not html.select("a[data-event-id]") and len(svg) < MAX_BYTES
    assert sum(int(str(b["data-count"])) for b in html.select("a[data-count]")) == len(more.events)


def num(tag: Any, name: str) -> float:
    return float(str(tag[name]))


def positions(svg: str) -> list[tuple[dt.date, float]]:
    html = BeautifulSoup(svg, "html.parser")
    found = []
    for mark in html.select("a[data-event-id]"):
        shape = mark.select_one(".tl-ov__shape")
        x = num(shape, "cx" if shape.name == "circle" else "x")
        found.append((dt.date.fromisoformat(str(mark["data-date"])), x))
    return found


@pytest.mark.parametrize("source", ["forms", "real"])
def test_marks_stand_at_their_dates_in_proportion_to_time(source: str) -> None:
    timeline = forms_timeline() if source == "forms" else load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)[0]
    assert timeline is not None
    svg = draw(timeline)
    site = make_site(timeline, Layout(), 100, Memo())
    first, last = site.scale
    span = (last - first).days + 1
    found = positions(svg)
    assert len(found) == len(timeline.events)
    for day, x in found:
        assert x == pytest.approx(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span, abs=0.06)
    days = sorted(found)
    assert [x for _, x in days] == sorted(x for _, x in days), "later dates stand further right"


def test_every_mark_is_a_link_with_its_data_and_a_title() -> None:
    timeline = forms_timeline()
    html = BeautifulSoup(draw(timeline), "html.parser")
    marks = html.select("a.tl-ov__mark")
    assert {str(m["data-event-id"]) for m in marks} == {e.id for e in timeline.events}
    for mark in marks:
        e = next(x for x in timeline.events if x.id == mark["data-event-id"])
        assert mark["href"] == f"../events/{e.id}/"
        assert mark["data-date"] == e.date.earliest.isoformat()
        assert e.title in mark.title.get_text() and e.display_date in mark.title.get_text()
        if e.history:
            assert (mark["data-from"], mark["data-to"]) == ("2024-10-18", "2025-04-28")
            assert len(mark.select(".tl-ov__statement")) == 3
    svg = html.select_one("svg")
    assert svg["role"] == "group" and html.select_one(f"#{svg['aria-labelledby']}").get_text().startswith("Overview")


def test_labels_never_overlap_each_other_or_the_marks() -> None:
    for timeline in (forms_timeline(), load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)[0]):
        assert timeline is not None
        html = BeautifulSoup(draw(timeline), "html.parser")
        assert html.select(".tl-ov__label"), "the most significant events are named"
        for lane in html.select("g.tl-ov__lane"):
            # Each row's shapes, as (row's middle, left, right).
            shapes = []
            for shape in lane.select(".tl-ov__shape"):
                if shape.name == "circle":
                    cx, r = num(shape, "cx"), num(shape, "r")
                    shapes.append((num(shape, "cy"), cx - r, cx + r))
                else:
                    x = num(shape, "x")
                    shapes.append((num(shape, "y") + 4, x, x + num(shape, "width")))
            boxes = []
            for label in lane.select(".tl-ov__label"):
                width = 5.4 * len(label.get_text())
                x = num(label, "x") - (width if label.get("text-anchor") == "end" else 0)
                boxes.append((num(label, "y") - 3.5, x, x + width))
            for i, (y, a, b) in enumerate(boxes):
                assert a >= LEFT and b <= WIDTH - RIGHT, "inside the plot"
                others = [box for j, box in enumerate(boxes) if j != i] + shapes
                assert not [o for o in others if abs(o[0] - y) < 1 and o[1] < b and a < o[2]], "an overlap"


def test_the_real_contents_overview() -> None:
    timeline, _ = load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)
    assert timeline is not None
    svg = draw(timeline)
    golden("real", svg)
    assert re.search(r"Overview: \d+ events from January 2023 to December 2025, by status", svg)


def test_the_lanes_are_an_option_of_the_plugin(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      languages: [id]\n", "      languages: [id]\n      overview_lanes: tag\n"))
    run("timeline", "build", cwd=project)
    page = (project / "timeline" / "timeline" / "index.md").read_text(encoding="utf-8")
    assert 'data-lane="troop-deployment"' in page and 'data-lane="confirmed"' not in page
    assert "menurut topik" in (project / "timeline" / "id" / "timeline" / "index.md").read_text(encoding="utf-8")
    config.write_text(text.replace("      languages: [id]\n", "      languages: [id]\n      overview_lanes: tags\n"))
    for command in (("mkdocs", "build"), ("timeline", "build")):
        result = run(*command, cwd=project, check=False)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert "status" in result.stderr and "actor-kind" in result.stderr and "'tags'" in result.stderr, result.stderr
