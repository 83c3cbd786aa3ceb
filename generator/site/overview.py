"""The overview: the whole span of a timeline page at a glance, drawn as inline SVG at build time.

A time axis proportional to time, with year and month ticks (days on a month's page); a lane
per status (or per tag, or per kind of actor); a mark per event at its date: a dot for a day,
a bar for a month, a season or an interval, dashed when approximate, faded when uncertain,
fading out when still open; for an event with a history, a thin line from its first statement
to its latest. Every mark is a link with its date (and event id) as data attributes, and a
``<title>``. Past what the width can show, marks become a count per month (or week, or day),
each a link to that period's page. Nothing here needs JavaScript; the timeline's script dims
what filters and the as-of view leave out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..knowledge import known_from, steps
from ..model import ACTOR_KINDS, STATUSES, Event
from .context import Site
from .markup import ENV
from .words import Words

__all__ = ["LANES", "MAX_BYTES", "MAX_MARKS", "Overview", "overview"]

LANES = ("status", "tag", "actor-kind")
"""What an overview's lanes can stand for (the plugin's ``overview_lanes`` option)."""

MAX_MARKS = 400
"""Past this many events, marks become counts per period: a few hundred marks at most."""
MAX_BYTES = 100_000
"""A graphic whose marks would pass this many characters is drawn as counts per period instead."""

WIDTH = 720
"""View-box units across: about the pixels the graphic gets in the page's column, so text keeps its size."""
LEFT = 78
RIGHT = 8
AXIS = 30
ROW = 17
LABEL_CHARS = 28
CHAR = 5.4
"""Average width of a label's character at the overview's font size, in view-box units."""


@dataclass(frozen=True)
class Mark:
    """One event on one lane: its shape, place and what its link says."""

    event: Event
    x: float
    width: float
    row: int
    dot: bool
    classes: str
    title: str
    href: str
    said: tuple[float, float, tuple[float, ...]] | None
    """For an event with a history: the x of its first and latest statement, and of each."""
    data: tuple[tuple[str, str], ...]
    extent: tuple[float, float]
    """From its leftmost to its rightmost point, history included: what a label must not touch."""
    name: str
    """The event's title in the page's language, for its label."""


@dataclass(frozen=True)
class Count:
    """A period's events on one lane, drawn as one bar with their number."""

    x: float
    width: float
    count: int
    day: dt.date
    href: str
    title: str
    share: float
    """The count against the busiest period's, for the bar's height."""


@dataclass(frozen=True)
class Label:
    """A mark's name beside it: after it, or before it where there is no room after."""

    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True)
class Lane:
    key: str
    name: str
    y: float
    rows: int
    marks: tuple[Mark, ...]
    counts: tuple[Count, ...]
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Tick:
    x: float
    text: str
    major: bool


def _lanes_of(site: Site, event: Event, lanes: str) -> list[str]:
    if lanes == "tag":
        return list(event.tags) or ["untagged"]
    if lanes == "actor-kind":
        kinds = {site.actors[a].kind for a in event.all_actors}
        return [k for k in ACTOR_KINDS if k in kinds] or ["none"]
    return [event.status]


def _lane_names(site: Site, lanes: str, keys: Sequence[str]) -> list[tuple[str, str]]:
    if lanes == "tag":
        named = sorted((site.plain(site.tags[k], "name"), k) for k in keys if k in site.tags)
        return [(k, name) for name, k in sorted(named, key=lambda n: n[0].casefold())] + [
            (k, site.t("ui.untagged")) for k in keys if k == "untagged"
        ]
    if lanes == "actor-kind":
        return [(k, site.t("ui.no_actor") if k == "none" else site.words.kind(k).capitalize())
                for k in (*ACTOR_KINDS, "none") if k in keys]  # fmt: skip
    return [(s, site.words.status_title(s)) for s in STATUSES]


def _ticks(first: dt.date, last: dt.date, x: Callable[[dt.date], float], words: Words) -> list[Tick]:
    days = (last - first).days + 1
    ticks: list[Tick] = []
    if days <= 62:  # a month: its weeks
        day = first
        while day <= last:
            ticks.append(Tick(x(day), f"{day.day} {words.month_short(day.month)}", day.day == 1))
            day += dt.timedelta(days=7)
        return ticks
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        major = month.month == 1
        text = str(month.year) if major else (words.month_short(month.month) if days <= 800 else "")
        ticks.append(Tick(x(month), text, major))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if not any(t.major for t in ticks):
        ticks[0] = Tick(ticks[0].x, f"{words.month_short(first.month)} {first.year}", True)
    return ticks


def _period(event_day: dt.date, days: int) -> dt.date:
    """The period an event is counted in: its month on a long span, its week on a year, its day on a month."""
    if days > 400:
        return event_day.replace(day=1)
    if days > 62:
        return event_day - dt.timedelta(days=event_day.weekday())
    return event_day


def _pack(extents: list[tuple[float, float]], rows: int) -> list[int]:
    """A row for each extent (in order), the first one where it does not touch the last one placed."""
    ends = [-1e9] * rows
    placed = []
    for start, end in extents:
        row = next((r for r in range(rows) if start >= ends[r] + 2), min(range(rows), key=lambda r: ends[r]))
        ends[row] = max(ends[row], end)
        placed.append(row)
    return placed


@dataclass(frozen=True)
class Overview:
    """What one overview shows: its events, the days it spans, and the pages periods are listed on."""

    events: tuple[Event, ...]
    first: dt.date
    last: dt.date
    periods: tuple[tuple[dt.date, str], ...] = ()
    """(first day of a month, the docs path it is listed on), for the links of counts."""

    def page_of(self, day: dt.date) -> str:
        """The page that lists the period starting on ``day``."""
        month = day.replace(day=1)
        return next((path for start, path in reversed(self.periods) if start <= month), self.periods[0][1])


def overview(site: Site, spec: Overview, page: str) -> Markup:
    """The overview graphic ``spec`` describes, for the page ``page`` (its links start there): a mark
    per event while they are at most ``MAX_MARKS`` and fit in ``MAX_BYTES``, else counts per period."""
    grouped = len(spec.events) > MAX_MARKS
    html = _draw(site, spec, page, grouped)
    if not grouped and len(html) > MAX_BYTES:
        html = _draw(site, spec, page, True)
    return Markup(html)


def _draw(site: Site, spec: Overview, page: str, grouped: bool) -> str:
    events, first, last, lanes = spec.events, spec.first, spec.last, site.lanes
    period_page = spec.page_of if spec.periods else None
    layout = site.layout
    span = (last - first).days + 1
    plot = WIDTH - LEFT - RIGHT

    def x(day: dt.date) -> float:
        return LEFT + plot * max(0, min((day - first).days, span)) / span

    by_lane: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for key in _lanes_of(site, event, lanes):
            by_lane[key].append(event)
    names = _lane_names(site, lanes, list(by_lane))
    busiest = 1
    if grouped:
        counted = {k: _bins(v, span) for k, v in by_lane.items()}
        busiest = max((n for bins in counted.values() for n, _ in bins.values()), default=1)
    built: list[Lane] = []
    y = AXIS
    root = layout.root(page)
    for key, name in names:
        members = by_lane.get(key, [])
        if grouped:
            counts = tuple(
                Count(x(day), max(x(_period_end(day, span)) - x(day), 1.5), n, day,
                      root + layout.url(period_page(day)) if period_page else "",
                      site.t("ui.period_count", period=_period_name(site, day, span), n=site.words.number(n),
                             lane=name.lower()), n / busiest)
                for day, (n, _) in sorted(counted.get(key, {}).items())
            )  # fmt: skip
            built.append(Lane(key, name, y, 2, (), counts, ()))
            y += 2 * ROW + 8
            continue
        marks = _marks(site, members, x, last, root)
        rows = max((m.row for m in marks), default=0) + 1
        labels = _labels(marks, y)
        built.append(Lane(key, name, y, rows, marks, (), labels))
        y += rows * ROW + 8
    words = site.words
    name = words.t("ui.overview", events=words.count("events", len(events)), first=words.month_year(first),
                   last=words.month_year(last), lanes=words.t(f"ui.lanes_{lanes}"))  # fmt: skip
    return ENV.get_template("overview.svg.j2").render(
        site=site, lanes=built, ticks=_ticks(first, last, x, words), width=WIDTH, height=y + 4, left=LEFT,
        axis=AXIS, row=ROW, right=WIDTH - RIGHT, name=name + (words.t("ui.overview_counted") if grouped else ""),
    )  # fmt: skip


def _marks(
    site: Site, events: Sequence[Event], x: Callable[[dt.date], float], last: dt.date, root: str
) -> tuple[Mark, ...]:
    layout = site.layout
    extents, shapes = [], []
    for event in events:
        start = x(event.date.earliest)
        end = x(event.date.latest) if event.date.latest is not None else x(last)
        dot = event.date.precision == "day"
        width = 0.0 if dot else max(end - start, 3.0)
        said = None
        if event.history:
            days = sorted({s.day for s in event.history})
            said = (x(days[0]), x(days[-1]), tuple(x(d) for d in days))
        left = min(start, said[0]) if said else start
        right = max(start + max(width, 8), said[1] if said else 0)
        extents.append((left, right))
        shapes.append((event, start, width, dot, said, (left, right)))
    rows = _pack(extents, 4)
    marks = []
    for (event, start, width, dot, said, extent), row in zip(shapes, rows, strict=True):
        classes = ["tl-ov__mark", f"tl-ov__mark--{event.status}"]
        if event.date.approximate:
            classes.append("tl-ov__mark--approximate")
        if event.date.uncertain:
            classes.append("tl-ov__mark--uncertain")
        if event.date.interval and event.date.end is None:
            classes.append("tl-ov__mark--open")
        title = f"{site.date(event)}: {site.plain(event, 'title')} ({site.words.status_title(event.status)})"
        data = [("date", event.date.earliest.isoformat()), ("event-id", event.id), ("status", event.status),
                ("known", known_from(event).isoformat())]  # fmt: skip
        if event.history:
            data += [("from", event.history[0].day.isoformat()), ("to", event.history[-1].day.isoformat()),
                     ("steps", " ".join(f"{s.day.isoformat()}:{s.status}" for s in steps(event)))]  # fmt: skip
        data += [("actors", " ".join(event.all_actors)), ("places", " ".join(event.places)),
                 ("tags", " ".join(event.tags))]  # fmt: skip
        href = root + layout.url(layout.event(event.id))
        marks.append(Mark(event, start, width, row, dot, " ".join(classes), title, href, said, tuple(data), extent,
                          site.plain(event, "title")))  # fmt: skip
    return tuple(marks)


def _significance(mark: Mark) -> tuple[int, int, int]:
    event = mark.event
    return (len(event.history), len(event.all_sources) + len(event.related), -event.date.earliest.toordinal())


def _labels(marks: Sequence[Mark], lane_y: float) -> tuple[Label, ...]:
    """Labels for the most significant marks, each where it touches no other label or mark."""
    taken: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for mark in marks:
        taken[mark.row].append((mark.extent[0] - 5, mark.extent[1] + 2))
    placed = []
    for mark in sorted(marks, key=_significance, reverse=True)[:40]:
        title = mark.name
        text = title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"
        own = (mark.extent[0] - 5, mark.extent[1] + 2)
        after = (mark.extent[1] + 4, mark.extent[1] + 4 + CHAR * len(text))
        before = (mark.x - 6 - CHAR * len(text), mark.x - 6)
        for (start, end), anchor in ((after, "start"), (before, "end")):
            if start < LEFT or end > WIDTH - RIGHT:
                continue
            if any(a < end and start < b for a, b in taken[mark.row] if (a, b) != own):
                continue
            taken[mark.row].append((start, end))
            x = start if anchor == "start" else end
            placed.append(Label(x, lane_y + mark.row * ROW + ROW / 2 + 3.5, text, anchor))
            break
    return tuple(placed)


def _bins(events: Sequence[Event], span: int) -> dict[dt.date, tuple[int, int]]:
    found: dict[dt.date, int] = defaultdict(int)
    for event in events:
        found[_period(event.date.earliest, span)] += 1
    return {day: (n, 0) for day, n in found.items()}


def _period_end(day: dt.date, span: int) -> dt.date:
    if span > 400:
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + dt.timedelta(days=7 if span > 62 else 1)


def _period_name(site: Site, day: dt.date, span: int) -> str:
    if span > 400:
        return site.words.month_year(day)
    if span > 62:
        return site.t("ui.week_of", date=site.words.day(day))
    return site.words.day(day)
