"""One event file's fields → an ``Event``, with a problem for everything wrong in it."""

from __future__ import annotations

import re
from typing import Any

from ..dates import EventDate
from ..knowledge import fold, standing
from ..model import STATUSES, Event, Statement
from ..problems import Problem, Severity
from . import spec
from .fields import Fields, kind_of
from .history import read_history
from .loader import RawEntry
from .sources import read_date, read_sources
from .translations import read_translations

__all__ = ["read_event"]


def _status_rules(f: Fields, status: str | None, claimed_by: tuple[str, ...], disputed_by: tuple[str, ...],
                  history: tuple[Statement, ...]) -> None:  # fmt: skip
    """A status and who claims or disputes it must agree; with a history, its statements may say who."""
    stances = {s.stance for s in history}
    if status == "claimed" and not claimed_by and "asserts" not in stances:
        f.error("status", "a 'claimed' event needs 'claimed_by' (the ids of the actors who assert it) "
                "or an 'asserts' statement in its history")  # fmt: skip
    if status == "disputed" and not disputed_by and not stances & {"denies", "disputes"}:
        f.error("status", "a 'disputed' event needs 'disputed_by' (the ids of the actors who contest it) "
                "or a 'denies' or 'disputes' statement in its history")  # fmt: skip
    if claimed_by and status not in ("claimed", "disputed", None):
        f.error("claimed_by", f"is only for 'claimed' or 'disputed' events, and this one is {status!r}")
    if disputed_by and status not in ("disputed", None):
        f.error("disputed_by", f"is only for 'disputed' events, and this one is {status!r}")


def _fold_warning(entry: RawEntry, status: str, history: tuple[Statement, ...]) -> Problem | None:
    """A warning when the status disagrees with what the history says (editors may confirm on their own)."""
    folded = fold(standing(history)) if history else None
    if folded is None or folded == status or status == "confirmed":
        return None
    return entry.problem(
        ("status",),
        f"is {status!r}, but the history's statements make it {folded!r} (see the methodology's status rules); "
        f"set status: {folded}, or add the statement that changed it",
        severity=Severity.WARNING,
    )


def read_event(
    entry: RawEntry,
    event_id: str,
    registries: dict[str, dict[str, Any]],
    problems: list[Problem],
    warnings: list[Problem],
    languages: tuple[str, ...] = (),
) -> Event | None:
    """Read one event, checking every field (and its registry ids) even after a bad one."""
    data = entry.data
    if not isinstance(data, dict):
        problems.append(
            entry.problem((), f"an event file must be a mapping of fields (title, date, …), not {kind_of(data)}")
        )
        return None
    before = len(problems)
    f = Fields(entry, (), data, spec.EVENT, problems, "this event")
    f.require()
    title = f.text("title")
    date = read_date(f)
    date_text = f.text("date_text")
    status = f.choice("status", STATUSES)
    claimed_by = f.ids("claimed_by")
    disputed_by = f.ids("disputed_by")
    summary = f.text("summary")
    sources = read_sources(f, warnings, languages)
    history, history_valid = read_history(f, registries["actors"], warnings, languages)
    translations = read_translations(f, languages)
    if not f.has("sources") and not f.has("history"):
        f.error(None, "this event has no 'sources'; cite at least one (or give a 'history' whose statements cite them)")
    if history_valid:
        _status_rules(f, status, claimed_by, disputed_by, history)
    ids = {name: f.ids(name) for name in ("actors", "places", "tags", "related", "aliases")}
    if event_id in ids["related"]:
        f.error(
            "related",
            f"lists the event itself ({event_id!r}); list other events",
            sub=(ids["related"].index(event_id),),
        )
    listed = {**ids, "claimed_by": claimed_by, "disputed_by": disputed_by}
    for declared in spec.EVENT:
        if declared.refers_to in registries:
            f.known_ids(declared.name, listed[declared.name], declared.refers_to, registries[declared.refers_to])
    added = f.day("added")
    if len(problems) > before or title is None or date is None or status is None or summary is None:
        return None
    mismatch = _id_date_mismatch(event_id, date)
    if mismatch:
        warnings.append(entry.problem(("date",), mismatch, severity=Severity.WARNING))
    disagreement = _fold_warning(entry, status, history)
    if disagreement:
        warnings.append(disagreement)
    return Event(
        id=event_id,
        path=entry.path,
        title=title,
        date=date,
        status=status,
        summary=summary,
        sources=tuple(sources),
        date_text=date_text,
        claimed_by=claimed_by,
        disputed_by=disputed_by,
        added=added,
        actors=ids["actors"],
        places=ids["places"],
        tags=ids["tags"],
        related=ids["related"],
        aliases=ids["aliases"],
        history=history,
        translations=translations,
    )


_ID_DATE = re.compile(r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)(?:-|$)")


def _id_date_mismatch(event_id: str, date: EventDate) -> str | None:
    """A warning when an id starting with a date names another date than the event's ``date``."""
    prefix = _ID_DATE.match(event_id)
    side = date.start or date.end
    if prefix is None or side is None:
        return None
    written = date.edtf.split("/")[0 if date.start else 1].rstrip("~?")
    if prefix[1].startswith(written) or written.startswith(prefix[1]):
        return None
    return (
        f"the id starts with {prefix[1]} but the date is {date.edtf}; if the date is right, rename the file "
        "(and list the old id under 'aliases' if it was published)"
    )
