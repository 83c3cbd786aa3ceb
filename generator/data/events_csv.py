"""``data/events.csv``: one row per event, lists joined with '; '."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from ..model import Event
from .context import Exports, Terms

__all__ = ["CSV_COLUMNS", "events_csv"]

CSV_COLUMNS = (
    "id", "date", "earliest", "latest", "precision", "title", "status", "claimed_by", "disputed_by", "actors",
    "places", "tags", "sources", "url", "summary", "added",
)  # fmt: skip


def _line(values: Sequence[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def _row(terms: Terms, e: Event, added: dt.date) -> str:
    sources = [f"{s.publisher}: {s.title} ({s.published.isoformat()})" for s in e.sources]
    return _line(
        [
            e.id,
            e.date.edtf,
            e.date.earliest.isoformat(),
            e.date.latest.isoformat() if e.date.latest else "",
            e.date.precision,
            e.title,
            e.status,
            "; ".join(e.claimed_by),
            "; ".join(e.disputed_by),
            "; ".join(e.actors),
            "; ".join(e.places),
            "; ".join(e.tags),
            "; ".join(sources),
            terms.url(e),
            e.summary,
            added.isoformat(),
        ]
    )


def events_csv(exports: Exports) -> str:
    """The header and one row per event."""
    return _line(CSV_COLUMNS) + "".join(exports.lines(_row))
