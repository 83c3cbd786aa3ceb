"""The words of one language, read from ``generator/tools/phrases/<language>.yaml``, and regex pieces built from them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["PHRASES", "Phrases", "alt", "load"]

PHRASES = Path(__file__).resolve().parent.parent / "phrases"


def alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, so "the day after tomorrow" beats "tomorrow"."""
    escaped = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    # An empty list must match nothing, not the empty string.
    return "|".join(escaped) if escaped else r"(?!x)x"


@dataclass(frozen=True)
class Phrases:
    """Every list of one phrase file, lower-cased, with the lookups the rules need."""

    language: str
    lists: dict[str, Any]
    months: dict[str, int]
    weekdays: dict[str, int]

    def words(self, key: str) -> list[str]:
        """A list of words (for a mapping, its keys)."""
        return [str(w) for w in self.lists[key]]

    def mapping(self, key: str) -> dict[str, Any]:
        """A mapping of words to values."""
        value: dict[str, Any] = self.lists[key]
        return value

    def pattern(self, key: str) -> str:
        """An alternation of the words under ``key``."""
        return alt(self.words(key))

    def means(self, key: str, word: str) -> bool:
        """Whether ``word`` (any case, spaces as written) is one of the words under ``key``."""
        return " ".join(word.lower().split()) in self.words(key)


def _lowered(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k).lower(): _lowered(v) for k, v in value.items()}
    if isinstance(value, list):
        return [str(v).lower() for v in value]
    return value


def load(language: str) -> Phrases:
    """The phrases of ``language``; a ValueError names the languages there are."""
    path = PHRASES / f"{language}.yaml"
    if not path.exists():
        known = ", ".join(p.stem for p in sorted(PHRASES.glob("*.yaml")))
        raise ValueError(f"no phrase list for language {language!r}; known: {known}")
    lists = {str(k): _lowered(v) for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items()}
    months = {name: i + 1 for i, name in enumerate(lists["months"])}
    months |= {name: int(number) for name, number in lists["month_abbreviations"].items()}
    weekdays = {name: i for i, name in enumerate(lists["weekdays"])}
    weekdays |= {name: int(number) for name, number in lists["weekday_spellings"].items()}
    return Phrases(language, lists, months, weekdays)
