"""What was known when: an event's status on any day, folded from its history of statements.

The content model's rule: the status on a day is a fold of the statements dated up to that
day, leaving out those a later ``retracts`` by the same actors withdrew — ``confirmed`` if any
acknowledges it; else ``disputed`` if any denies or disputes it; else ``reported`` if any
corroborates it; else ``claimed`` if any asserts it. Before its first statement an event was
not yet known. The event's own ``status`` is today's judgement and wins from its last
statement on.

Where the model is silent (written on the methodology page too):

- a statement counts from the earliest day its date can mean (a statement of "October 2024"
  counts from 1 October), as the timeline orders dates;
- a ``retracts`` withdraws the earlier statements whose speakers are all among its own;
- on a day when every statement so far has been withdrawn, the event stands ``disputed``: it
  was said, and taken back;
- an event without a history is known from the day its earliest source was published, and has
  its one status from then on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Event, Statement

__all__ = ["Step", "fold", "known_from", "standing", "status_on", "steps"]


def standing(history: Sequence[Statement], day: dt.date | None = None) -> list[Statement]:
    """The statements that count on ``day`` (every one when None): dated up to it and not withdrawn."""
    counted = [s for s in history if day is None or s.day <= day]
    kept: list[Statement] = []
    for statement in counted:
        if statement.stance == "retracts":
            speakers = set(statement.by)
            kept = [s for s in kept if not set(s.by) <= speakers]
        else:
            kept.append(statement)
    return kept


def fold(statements: Sequence[Statement]) -> str | None:
    """The status the statements support, or None when there are none."""
    stances = {s.stance for s in statements}
    if "acknowledges" in stances:
        return "confirmed"
    if stances & {"denies", "disputes"}:
        return "disputed"
    if "corroborates" in stances:
        return "reported"
    if "asserts" in stances:
        return "claimed"
    return None


def known_from(event: Event) -> dt.date:
    """The first day the event was known: its first statement, else its earliest source."""
    if event.history:
        return event.history[0].day
    return min(s.published for s in event.all_sources)


def status_on(event: Event, day: dt.date) -> str | None:
    """The event's status as it stood on ``day``, or None when it was not yet known."""
    if day < known_from(event):
        return None
    if not event.history or day >= event.history[-1].day:
        return event.status
    return fold(standing(event.history, day)) or "disputed"


@dataclass(frozen=True)
class Step:
    """From ``day`` on (until the next step), the event stood at ``status``; ``statement`` made it so."""

    day: dt.date
    status: str
    statement: Statement | None


_SUPPORTS = {"confirmed": ("acknowledges",), "disputed": ("denies", "disputes"), "reported": ("corroborates",),
             "claimed": ("asserts",)}  # fmt: skip


def steps(event: Event) -> tuple[Step, ...]:
    """How the event's status changed, one step per change, oldest first; each step names the
    statement of its day that supports the new status (else the day's last statement)."""
    if not event.history:
        return (Step(known_from(event), event.status, None),)
    by_day: dict[dt.date, list[Statement]] = {}
    for statement in event.history:
        by_day.setdefault(statement.day, []).append(statement)
    found: list[Step] = []
    for day, said in by_day.items():
        status = status_on(event, day)
        assert status is not None  # no statement is dated before the first one
        if found and found[-1].status == status:
            continue
        cause = next((s for s in said if s.stance in _SUPPORTS[status]), said[-1])
        found.append(Step(day, status, cause))
    return tuple(found)
