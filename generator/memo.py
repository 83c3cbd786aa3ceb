"""What earlier generations in this process made, by what it was made from.

`mkdocs serve` keeps one ``Memo`` for its whole run, so a saved edit re-reads one file
and re-renders the pages that show it; everything else comes from here. A generation
keeps what it used and drops the rest, so the memo never holds more than one
generation's worth.

Pages and data are kept with ``call(function, *arguments)``: the key is the function and its
arguments, so a page function that reads only its arguments cannot be handed a stale result
(there is no key to forget an input from). Files are kept with ``get(key, …)`` under a key
of their size and change times.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar, TypeVarTuple, Unpack

__all__ = ["Memo"]

T = TypeVar("T")
P = ParamSpec("P")
Ts = TypeVarTuple("Ts")


class Memo:
    """A cache of generation results; keys are hashable values holding everything a result depends on."""

    def __init__(self) -> None:
        self._previous: dict[Hashable, Any] = {}
        self._current: dict[Hashable, Any] = {}
        self.hits = 0
        self.misses = 0
        self.last: tuple[int, int] = (0, 0)
        """(hits, misses) of the last finished generation."""

    def call(self, function: Callable[[Unpack[Ts]], T], *arguments: *Ts) -> T:
        """``function(*arguments)``, kept from before when it was called with equal arguments.

        ``function`` must be a module-level function whose result depends on its arguments alone
        (hashable values: frozen dataclasses, tuples, strings)."""
        return self.get((function, arguments), function, *arguments)

    def get(self, key: Hashable, make: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """The result for ``key``: kept from before, or ``make(*args, **kwargs)`` now."""
        if key in self._current:
            self.hits += 1
            value: T = self._current[key]
            return value
        if key in self._previous:
            self.hits += 1
            value = self._previous.pop(key)
        else:
            self.misses += 1
            value = make(*args, **kwargs)
        self._current[key] = value
        return value

    def finish(self) -> None:
        """End a generation: what it did not use is forgotten."""
        self._previous, self._current = self._current, {}
        self.last = (self.hits, self.misses)
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._previous) + len(self._current)
