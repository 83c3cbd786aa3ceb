"""``data/events.ics``: iCalendar, one all-day VEVENT per event spanning its date's precision.

Written directly (RFC 5545: escaped TEXT, lines folded at 75 octets): the icalendar package,
which the tests read it back with, took 10 s to fold 10,000 events' lines.
"""

from __future__ import annotations

import datetime as dt

from .. import __version__
from ..model import Event
from .context import Exports, Terms

__all__ = ["events_ics", "fold", "ics_text"]


def ics_text(value: str) -> str:
    """An iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """An iCalendar content line folded into lines of at most 75 octets, never inside a UTF-8
    character nor between a backslash and the character it escapes."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    pieces = []
    start, room = 0, limit
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to the character's start
            end -= 1
        slashes = len(data[start:end]) - len(data[start:end].rstrip(b"\\"))
        if slashes % 2:
            end -= 1
        pieces.append(data[start:end])
        start, room = end, limit - 1  # a continuation line starts with a space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")


def _vevent(terms: Terms, e: Event, added: dt.date) -> str:
    """One event; an open interval is a one-day event at the day it is known by."""
    start = e.date.earliest
    end = (e.date.latest if e.date.latest is not None else start) + dt.timedelta(days=1)
    url = terms.url(e)
    status = terms.words.status_title(e.status)
    lines = [
        "BEGIN:VEVENT",
        f"SUMMARY:{ics_text(terms.text(e, 'title'))}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"DTSTAMP:{added:%Y%m%d}T000000Z",
        f"UID:{e.id}@timeline",
        f"CATEGORIES:{ics_text(e.status)}",
        "DESCRIPTION:" + ics_text(f"{terms.date(e)}. {status}. {terms.text(e, 'summary')}\n{url}"),
        f"STATUS:{'CONFIRMED' if e.status == 'confirmed' else 'TENTATIVE'}",
    ]
    if terms.layout.site_url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return "".join(fold(line) + "\r\n" for line in lines)


def events_ics(exports: Exports) -> str:
    """The calendar: a header, then one VEVENT per event."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//timeline-generator//{__version__}//EN",
        f"X-WR-CALNAME:{ics_text(exports.words.t('data.feed_title'))}",
    ]
    body = "".join(exports.lines(_vevent))
    return "".join(fold(line) + "\r\n" for line in lines) + body + "END:VCALENDAR\r\n"
