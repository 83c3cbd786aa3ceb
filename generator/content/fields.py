"""Typed readers for the fields of one YAML mapping, each check adding a problem, never raising.

A reader returns the value when it is right and None (or an empty tuple) when it is
not, after recording a problem that names the field, the bad value and what would be
right; the caller goes on reading the other fields, so one run reports them all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import regex

from ..dates import DateError, parse_date
from ..ids import check_id
from ..problems import Problem
from .loader import FieldPath, RawEntry, is_date
from .spec import FieldSpec

__all__ = ["Fields", "kind_of", "suggest"]

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>\n]{0,40}>?")
# Link targets: inline [text](target) and reference definitions "[label]: target".
_MD_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([^)\s>]*)|^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
# Bidirectional controls and zero-width characters can make text read differently than it is.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# ... except the joiners where writing needs them: a zero-width joiner inside an emoji sequence
# (a family, a rainbow flag: after an emoji, its variation selector or skin tone, before another emoji), and
# either joiner between two letters of a script that shapes with them (Persian, Devanagari, …).
_JOINER = regex.compile(
    r"(?<=\p{Extended_Pictographic}[\uFE0F\U0001F3FB-\U0001F3FF]?)\u200D(?=\p{Extended_Pictographic})"
    r"|(?<=[\p{L}\p{M}--\p{Latin}--\p{Common}])[\u200C\u200D](?=[\p{L}\p{M}--\p{Latin}--\p{Common}])",
    regex.VERSION1,
)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


MAX_NESTING = 20
"""Deeper brackets, lists or quotes make Markdown slow (quadratic) and are never needed in a summary."""


_BRACKET = re.compile(r"[\[\]()]")
_INDENT = re.compile(r"^([ >]*)", re.MULTILINE)

_PLACEHOLDER = re.compile(r"todo(?![^\W_])", re.IGNORECASE)
"""What `timeline new` and `draft` leave for a person to fill ("TODO a plain headline"): the word
TODO at the start, not a word that begins with it (Todowa, a name)."""


def _nesting(value: str) -> int:
    """The deepest nesting of brackets, list indentation or block quotes in a Markdown text."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(value):
        depth = depth + 1 if bracket in "[(" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    for prefix in _INDENT.findall(value):
        deepest = max(deepest, prefix.count(" ") // 2, prefix.count(">"))
    return deepest


def _text_problems(value: str, kind: str) -> Iterator[str]:
    """What is wrong with a text of a kind: 'plain' (one line, no angle brackets), 'text' or 'markdown'."""
    tag = _HTML.search(value)
    if kind == "plain":
        if "\n" in value:
            yield "must be one line of plain text"
        if tag or "<" in value or ">" in value:
            shown = tag[0] if tag else "<" if "<" in value else ">"
            yield f"contains HTML or an angle bracket ({shown!r}); write plain text without them"
    elif tag:
        yield f"contains HTML ({tag[0]!r}); write {'Markdown' if kind == 'markdown' else 'text'} without HTML tags"
    if kind == "markdown":
        for inline, reference in _MD_LINK_TARGET.findall(value):
            scheme = _link_scheme(inline or reference)
            if scheme and scheme not in ("http", "https"):
                yield f"has a link to a '{scheme}:' address; only http, https and relative links are allowed"
        depth = _nesting(value)
        if depth > MAX_NESTING:
            yield f"nests brackets, lists or quotes {depth} levels deep; at most {MAX_NESTING} are allowed"
    invisible = next((m for m in _INVISIBLE.finditer(value) if not _JOINER.match(value, m.start())), None)
    if invisible or (kind == "plain" and any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value)):
        code = f"U+{ord(invisible[0]):04X}" if invisible else "a control character"
        yield f"contains an invisible character ({code}) that can disguise text; delete it"


def _link_scheme(target: str) -> str | None:
    """The scheme of a link target as a browser reads it: entities decoded, blanks and controls dropped."""
    decoded = "".join(c for c in html.unescape(target) if c.isprintable() and not c.isspace())
    scheme = _SCHEME.match(decoded)
    return scheme[1].lower() if scheme else None


def kind_of(value: Any) -> str:
    """How a YAML value looks to a contributor, for messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if is_date(value):
        return f"the date {value}"
    if isinstance(value, dt.datetime):
        return f"the time stamp {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{value!r}"


def suggest(value: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the nearest choice, or '' when none is near.

    Near is an id that the value shortens ('kim' → 'kim-jong-un', 'kim-ju-ae': whole words of
    it, in order), or else a close spelling ('kim-jong-um' → 'kim-jong-un')."""
    options = list(choices)
    words = value.split("-")
    shortened = [c for c in options if _shortens(words, c.split("-"))][:3]
    if not shortened:
        close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
        return f"; did you mean {close[0]!r}?" if close else ""
    listed = ", ".join(repr(c) for c in shortened[:-1]) + (" or " if len(shortened) > 1 else "") + repr(shortened[-1])
    return f"; did you mean {listed}?"


def _shortens(words: Sequence[str], longer: Sequence[str]) -> bool:
    """True when ``words`` appear in ``longer`` in order, whole (['kim', 'un'] in kim-jong-un)."""
    if not words or not any(words) or len(words) >= len(longer):
        return False
    rest = iter(longer)
    return all(word in rest for word in words)


class Fields:
    """Reads typed fields from one mapping in a raw entry, collecting problems as it goes."""

    def __init__(
        self,
        entry: RawEntry,
        where: FieldPath,
        mapping: dict[str, Any],
        fields: tuple[FieldSpec, ...],
        problems: list[Problem],
        what: str,
    ) -> None:
        self.entry, self.where, self.mapping, self.problems = entry, where, mapping, problems
        self.fields, self.what = fields, what
        allowed = tuple(f.name for f in fields)
        for name in mapping:
            if name not in allowed:
                self.error(
                    name,
                    f"unknown field {name!r} in {what}{suggest(name, allowed)} (allowed: {', '.join(allowed)})",
                    key=True,
                )

    def error(self, name: str | int | None, message: str, *, key: bool = False, sub: FieldPath = ()) -> None:
        """Record a problem at a field (at its key with ``key=True``; ``sub`` goes deeper, e.g. a list index)."""
        where = self.where if name is None else (*self.where, name, *sub)
        self.problems.append(self.entry.problem(where, message, key=key))

    def declared(self, name: str) -> FieldSpec:
        """The declaration of one of this mapping's fields."""
        return next(f for f in self.fields if f.name == name)

    def has(self, name: str) -> bool:
        """True when the field is present and not null."""
        return self.mapping.get(name) is not None

    def require(self) -> None:
        """Record a problem for each required field that is missing or null (an empty one is reported by its reader)."""
        for field in self.fields:
            value = self.mapping.get(field.name)
            if field.required and value is None:
                self.error(None, f"{self.what} has no {field.name!r}; it is required ({field.description})")

    def text(self, name: str) -> str | None:
        """A string, checked as its declaration says: plain text, text, or Markdown, and its length."""
        value = self.mapping.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raw = self.entry.raw.get((*self.where, name))
            if raw is None or isinstance(value, (list, dict)):
                self.error(name, f"must be text, not {kind_of(value)}")
            else:
                self.error(
                    name, f'must be text, but YAML reads {raw} as {kind_of(value)}; put it in quotes: {name}: "{raw}"'
                )
            return None
        value = value.strip()
        declared = self.declared(name)
        if not value:
            self.error(name, "is empty; write some text" + ("" if declared.required else " or leave the field out"))
            return None
        if _PLACEHOLDER.match(value):
            shown = value if len(value) <= 24 else value[:24] + "…"
            self.error(name, f"is still the placeholder {shown!r}; replace it ({declared.description})")
            return None
        if declared.max_length is not None and len(value) > declared.max_length:
            self.error(name, f"is {len(value):,} characters long; at most {declared.max_length:,} are allowed")
        kind = declared.kind if declared.kind in ("text", "markdown") else "plain"
        for message in _text_problems(value, kind):
            self.error(name, message)
        return value

    def url(self, name: str) -> str | None:
        """An absolute http or https address, with no blank in it."""
        value = self.text(name)
        if value is None:
            return None
        blank = next((c for c in value if c.isspace()), None)
        if blank is not None:
            where = value.index(blank)
            self.error(
                name,
                f"{value!r} has a {'space' if blank == ' ' else 'blank'} at character {where + 1}; an address has "
                f"none: copy it again from the browser (a space is written %20)",
            )
            return None
        scheme = _SCHEME.match(value)
        if not scheme or scheme[1].lower() not in ("http", "https") or not value.split(":", 1)[1].startswith("//"):
            self.error(name, f"{value!r} is not an http or https URL; write e.g. https://example.org/article")
            return None
        return value

    def day(self, name: str) -> dt.date | None:
        """A day written YYYY-MM-DD (or what YAML made of it), that exists in the calendar."""
        value = self.mapping.get(name)
        if value is None:
            return None
        if is_date(value):
            return value  # type: ignore[no-any-return]
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.error(name, f"{kind_of(value)} is not a day; write YYYY-MM-DD, e.g. 2025-04-28")
            return None
        try:
            return parse_date(value).earliest
        except DateError as error:
            self.error(name, str(error))
            return None

    def strings(self, name: str) -> tuple[str, ...]:
        """A list of non-empty strings."""
        value = self.mapping.get(name)
        if value is None:
            return ()
        if not isinstance(value, list):
            example = value if isinstance(value, str) else "…"
            self.error(name, f"must be a list, not {kind_of(value)}; write {name}: [{example}]")
            return ()
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error(name, f"item {i + 1} must be text, not {kind_of(item)}", sub=(i,))
            else:
                items.append(item.strip())
        return tuple(items)

    def ids(self, name: str) -> tuple[str, ...]:
        """A list of distinct, well-formed ids."""
        ids = self.strings(name)
        seen: set[str] = set()
        for i, value in enumerate(ids):
            reason = check_id(value)
            if reason:
                self.error(name, reason, sub=(i,))
            if value in seen:
                self.error(name, f"{value!r} is listed twice", sub=(i,))
            seen.add(value)
        return ids

    def known_ids(self, name: str, values: tuple[str, ...], registry: str, known: Iterable[str]) -> None:
        """A problem for each well-formed id in ``values`` that ``known`` (a registry) lacks, with the nearest ids."""
        known = tuple(known)
        for i, value in enumerate(values):
            if value in known or check_id(value):
                continue
            hint = suggest(value, known)
            help = (
                f"{hint} (or add {value!r} to content/{registry}.yaml)"
                if hint
                else f"; add it to content/{registry}.yaml or use a known id"
            )
            self.error(name, f"unknown {registry[:-1]} {value!r}{help}", sub=(i,))

    def number(self, name: str, low: float, high: float) -> float | None:
        """A number from ``low`` to ``high``."""
        value = self.mapping.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            self.error(name, f"must be a number from {low:g} to {high:g}, not {kind_of(value)}")
            return None
        return float(value)

    def choice(self, name: str, choices: Iterable[str]) -> str | None:
        """One of ``choices``, suggesting the nearest when it is not."""
        choices = tuple(choices)
        value = self.mapping.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raw = self.entry.raw.get((*self.where, name), "")
            self.error(name, f"YAML reads {raw or value!r} as {kind_of(value)}; write one of {', '.join(choices)}")
            return None
        if value not in choices:
            self.error(name, f"{value!r} is not one of {', '.join(choices)}{suggest(value, choices)}")
            return None
        return value

    def wikidata(self, name: str = "wikidata") -> str | None:
        """A Wikidata item id such as Q56226."""
        value = self.mapping.get(name)
        text = str(value) if value is not None else None
        if text is not None and not _WIKIDATA.fullmatch(text):
            self.error(name, f"{text!r} is not a Wikidata id; write e.g. Q56226")
            return None
        return text
