"""``feed.xml``: an Atom 1.0 feed of the latest additions (not the latest events), newest first."""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET

from .context import Exports

__all__ = ["FEED_SIZE", "atom"]

FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(exports: Exports, title: str = "Timeline") -> str:
    """The feed: the ``FEED_SIZE`` events added last, each linking to its page with its status and summary."""
    layout = exports.layout
    # Newest first by when an event was added or its history last grew, so a new statement reaches subscribers.
    updated = {e.id: exports.updated(e) for e in exports.timeline.events}
    newest = sorted(exports.timeline.events, key=lambda e: (updated[e.id][0], e.id), reverse=True)[:FEED_SIZE]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = layout.address("feed.xml") if layout.site_url else "urn:timeline:feed"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(exports.generated())
    ET.SubElement(feed, f"{{{ATOM}}}link", href=layout.address("feed.xml"), rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=layout.address(layout.home) or "./")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Timeline contributors"
    for e in newest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{e.display_date}: {e.title}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:timeline:event:{e.id}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=exports.terms.url(e))
        day, statement = updated[e.id]
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(day)
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(exports.added(e))
        ET.SubElement(entry, f"{{{ATOM}}}category", term=e.status, label=e.status.capitalize())
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="html")
        status = f"<p><strong>{e.status.capitalize()}</strong> · {e.display_date}</p>"
        summary.text = status + exports.summary_html(e.summary)
        if statement is not None:
            # The entry names what made it new: the statement added last.
            names = ", ".join(exports.timeline.actors[a].name for a in statement.by)
            said = f"{statement.date.display()}, {names} {statement.stance}" + (
                f": {statement.note}" if statement.note else ""
            )
            summary.text += f"<p><strong>New statement, added {day.isoformat()}:</strong> {html.escape(said)}</p>"
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
