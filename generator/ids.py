"""The rules for ids, in one place: what an id may be, and how one is made from a title.

An event's id is its file name without ``.yaml``; actors, places and tags are keyed by
ids in their registries. Every id is lower-case ASCII letters, digits and single hyphens,
at most 80 characters (the content model), and alone decides the address of its page.
"""

from __future__ import annotations

import re
import unicodedata

from .dates import parse_date

__all__ = ["ID_MAX", "ID_PATTERN", "ID_REGEX", "check_id", "event_id_for", "slug"]

ID_REGEX = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""The id rule as a JSON Schema pattern (editors check it while typing)."""
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_MAX = 80


def check_id(value: str) -> str | None:
    """Why ``value`` is not a valid id, or None when it is."""
    if len(value) > ID_MAX:
        return f"{value!r} is {len(value)} characters long; an id has at most {ID_MAX}"
    if not ID_PATTERN.fullmatch(value):
        return (
            f"{value!r} is not a valid id; use lower-case ASCII letters, digits and single hyphens, "
            "e.g. 2025-04-28-kcna-admits-troop-deployment"
        )
    return None


def slug(title: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Kim Jong Un's visit" → "kim-jong-un-s-visit"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def event_id_for(date: str, title: str) -> str:
    """An id from the date as written (its first side, without ~ or ?) and the title, at most 80 characters."""
    parsed = parse_date(date)
    side = parsed.edtf.split("/")[0 if parsed.start else 1].rstrip("~?")
    event_id = f"{side}-{slug(title)}".strip("-")
    if len(event_id) > ID_MAX:
        event_id = event_id[:ID_MAX].rsplit("-", 1)[0]
    return event_id
