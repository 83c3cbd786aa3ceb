"""``feed.xml``: an Atom 1.0 feed of the latest additions (not the latest events), newest first."""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET

from ..model import Event, in_language
from .context import Exports

__all__ = ["FEED_SIZE", "atom"]

FEED_SIZE = 50
ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom(exports: Exports) -> str:
    """The feed: the ``FEED_SIZE`` events added last, each linking to its page with its status and summary,
    in ``words``' language (the feed of that edition, its links to the edition's pages)."""
    layout, words = exports.layout, exports.words
    code = words.code

    def text(item: object, name: str) -> str:
        return in_language(item, name, code)

    def date(event: Event) -> str:
        return text(event, "date_text") if event.date_text else words.date(event.date)

    # Newest first by when an event was added or its history last grew, so a new statement reaches subscribers.
    updated = {e.id: exports.updated(e) for e in exports.timeline.events}
    newest = sorted(exports.timeline.events, key=lambda e: (updated[e.id][0], e.id), reverse=True)[:FEED_SIZE]
    feed_path = layout.prefix + "feed.xml"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    if code != "en":
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", code)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = words.t("data.feed_title")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = (
        layout.address(feed_path) if layout.site_url else f"urn:timeline:feed{':' + code if code != 'en' else ''}"
    )
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(exports.generated())
    ET.SubElement(feed, f"{{{ATOM}}}link", href=layout.address(feed_path), rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=layout.address(layout.home) or "./")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = words.t("data.contributors")
    for e in newest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"{date(e)}: {text(e, 'title')}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:timeline:event:{e.id}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=exports.terms.url(e))
        day, statement = updated[e.id]
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(day)
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(exports.added(e))
        status = words.status_title(e.status)
        ET.SubElement(entry, f"{{{ATOM}}}category", term=e.status, label=status)
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary", type="html")
        summary.text = f"<p><strong>{status}</strong> · {html.escape(date(e))}</p>" + exports.summary_html(
            text(e, "summary")
        )
        if statement is not None:
            # The entry names what made it new: the statement added last.
            names = ", ".join(text(exports.timeline.actors[a], "name") for a in statement.by)
            said = f"{words.date(statement.date)}, {names} {words.stance(statement.stance)}"
            if statement.note:
                said += f": {text(statement, 'note')}"
            label = words.t("data.new_statement", day=day.isoformat())
            summary.text += f"<p><strong>{label}</strong> {html.escape(said)}</p>"
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
