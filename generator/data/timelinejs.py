"""``data/timelinejs.json``: TimelineJS 3's JSON, so the timeline opens in TimelineJS as it is."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from ..dates import DatePoint
from ..model import Event, Timeline
from .context import Exports

__all__ = ["GROUPS", "timelinejs"]

GROUPS = ("status", "tag", "actor")


def _date(day: dt.date, point: DatePoint) -> dict[str, int]:
    """A TimelineJS date object, as precise as the EDTF date (seasons as their first or last month)."""
    date = {"year": day.year}
    if point.month is not None or point.season is not None:
        date["month"] = day.month
    if point.day is not None:
        date["day"] = day.day
    return date


def _group(timeline: Timeline, event: Event, group: str) -> str:
    if group == "tag" and event.tags:
        return timeline.tags[event.tags[0]].name
    if group == "actor" and event.actors:
        return timeline.actors[event.actors[0]].name
    return event.status.capitalize()


def _history_html(exports: Exports, event: Event) -> str:
    """The history as a paragraph: TimelineJS shows only a headline and a text."""
    if not event.history:
        return ""
    actors = exports.timeline.actors
    said = "; ".join(
        html.escape(f"{st.date.display()}, {', '.join(actors[a].name for a in st.by)} {st.stance}"
                    + (f": {st.note}" if st.note else ""))
        for st in event.history
    )  # fmt: skip
    return f"<p><strong>What was said:</strong> {said}.</p>"


def timelinejs(exports: Exports, group: str = "status") -> dict[str, Any]:
    """Start and end dates, display_date where the date is not plain, grouped by status, tag or actor."""
    events = []
    for e in exports.timeline.events:
        start = e.date.start or e.date.end
        assert start is not None
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _date(start.earliest, start),
            "text": {"headline": e.title, "text": exports.summary_html(e.summary) + _history_html(exports, e)},
            "group": _group(exports.timeline, e, group),
        }
        if e.date.interval and e.date.end is not None and e.date.start is not None:
            item["end_date"] = _date(e.date.end.latest, e.date.end)
        elif not e.date.interval and start.season is not None:
            item["end_date"] = _date(start.latest, start)
        if e.date.precision in ("season", "interval") or e.date.approximate or e.date.uncertain or e.date_text:
            item["display_date"] = e.display_date
        events.append(item)
    return {"title": {"text": {"headline": "Timeline", "text": ""}}, "events": events}
