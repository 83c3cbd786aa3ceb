"""``data/timelinejs.json``: TimelineJS 3's JSON, so the timeline opens in TimelineJS as it is."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from ..dates import DatePoint
from ..model import Event
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


def _group(exports: Exports, event: Event, group: str) -> str:
    terms = exports.terms
    if group == "tag" and event.tags:
        return terms.text(terms.tags[event.tags[0]], "name")
    if group == "actor" and event.actors:
        return terms.name(event.actors[0])
    return exports.words.status_title(event.status)


def _history_html(exports: Exports, event: Event) -> str:
    """The history as a paragraph: TimelineJS shows only a headline and a text."""
    if not event.history:
        return ""
    words, terms = exports.words, exports.terms
    said = "; ".join(
        html.escape(f"{words.date(st.date)}, {', '.join(terms.name(a) for a in st.by)} {words.stance(st.stance)}"
                    + (f": {terms.text(st, 'note')}" if st.note else ""))
        for st in event.history
    )  # fmt: skip
    return f"<p><strong>{html.escape(words.t('data.said'))}</strong> {said}.</p>"


def timelinejs(exports: Exports, group: str = "status") -> dict[str, Any]:
    """Start and end dates, display_date where the date is not plain, grouped by status, tag or actor,
    in the edition's language."""
    terms = exports.terms
    events = []
    for e in exports.timeline.events:
        start = e.date.start or e.date.end
        assert start is not None
        text = exports.summary_html(terms.text(e, "summary")) + _history_html(exports, e)
        item: dict[str, Any] = {
            "unique_id": e.id,
            "start_date": _date(start.earliest, start),
            "text": {"headline": terms.text(e, "title"), "text": text},
            "group": _group(exports, e, group),
        }
        if e.date.interval and e.date.end is not None and e.date.start is not None:
            item["end_date"] = _date(e.date.end.latest, e.date.end)
        elif not e.date.interval and start.season is not None:
            item["end_date"] = _date(start.latest, start)
        if e.date.precision in ("season", "interval") or e.date.approximate or e.date.uncertain or e.date_text:
            item["display_date"] = terms.date(e)
        events.append(item)
    return {"title": {"text": {"headline": exports.words.t("data.feed_title"), "text": ""}}, "events": events}
