"""``data/events.csv``: one row per event, lists joined with '; '."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from ..model import Event, Source
from .context import Exports, Terms

__all__ = ["CSV_COLUMNS", "events_csv"]

CSV_COLUMNS = (
    "id", "date", "earliest", "latest", "precision", "title", "status", "claimed_by", "disputed_by", "actors",
    "places", "tags", "sources", "url", "summary", "added", "history",
)  # fmt: skip


def _line(values: Sequence[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


def _cited(s: Source) -> str:
    return (
        f"{s.publisher}: {s.title} ({s.published.isoformat()})"
        if s.title
        else f"{s.publisher} ({s.published.isoformat()})"
    )


def _row(terms: Terms, e: Event, added: dt.date) -> str:
    sources = [_cited(s) for s in e.all_sources]
    # What was said, oldest first: '2024-10-18 nis asserts; 2024-10-21 north-korea denies'.
    history = [f"{st.date.edtf} {' '.join(st.by)} {st.stance}" for st in e.history]
    return _line(
        [
            e.id,
            e.date.edtf,
            e.date.earliest.isoformat(),
            e.date.latest.isoformat() if e.date.latest else "",
            e.date.precision,
            terms.text(e, "title"),
            e.status,
            "; ".join(e.claimed_by),
            "; ".join(e.disputed_by),
            "; ".join(e.actors),
            "; ".join(e.places),
            "; ".join(e.tags),
            "; ".join(sources),
            terms.url(e),
            terms.text(e, "summary"),
            added.isoformat(),
            "; ".join(history),
        ]
    )


def events_csv(exports: Exports) -> str:
    """The header and one row per event (titles and summaries in the edition's language)."""
    return _line(CSV_COLUMNS) + "".join(exports.lines(_row))
