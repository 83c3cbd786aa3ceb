"""Sources and dates, as events and their statements cite and date them."""

from __future__ import annotations

import re
from typing import Any

from ..dates import DateError, EventDate, parse_date
from ..model import Source
from ..problems import Problem, Severity
from . import spec
from .fields import Fields, kind_of
from .loader import FieldPath, RawEntry, is_date
from .translations import read_translations

__all__ = ["read_date", "read_sources"]

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def read_date(f: Fields) -> EventDate | None:
    """The ``date`` field of a mapping, in the date language."""
    if not f.has("date"):
        return None
    value = f.mapping["date"]
    # YAML makes numbers of 2024 and 2024.5; the date language wants the text as written.
    text = value if isinstance(value, str) or is_date(value) else f.entry.raw.get((*f.where, "date"))
    if isinstance(value, (list, dict, bool)) or text is None:
        f.error("date", f"must be a date, not {kind_of(value)}; write e.g. 2025-04-28, 2025-01 or 2024-23")
        return None
    try:
        return parse_date(text)
    except DateError as error:
        f.error("date", str(error))
        return None


def _read_source(
    entry: RawEntry,
    where: FieldPath,
    value: Any,
    problems: list[Problem],
    warnings: list[Problem],
    languages: tuple[str, ...],
) -> Source | None:
    if not isinstance(value, dict):
        problems.append(
            entry.problem(
                where, f"a source must be a mapping with publisher, published and title or url, not {kind_of(value)}"
            )
        )
        return None
    f = Fields(entry, where, value, spec.SOURCE, problems, "this source")
    f.require()
    before = len(problems)
    title = f.text("title")
    publisher = f.text("publisher")
    published = f.day("published")
    url = f.url("url")
    archive_url = f.url("archive_url")
    if not f.has("title") and not f.has("url"):
        f.error(
            None,
            "this source has neither 'title' nor 'url'; give the title it was published under, or, when the "
            "title is not known, its url (never compose a title)",
        )
    language = f.text("language") or "en"
    if not _LANGUAGE.fullmatch(language):
        f.error("language", f"{language!r} is not a BCP 47 language code; write e.g. en, id, ko, ru, uk")
    via = f.strings("via")
    quote = f.text("quote")
    translation = f.text("translation")
    if quote and not translation and language.split("-")[0].lower() != "en":
        f.error("quote", f"the quote is in {language!r}; add a 'translation' into English beside it")
    if translation and not quote:
        f.error("translation", "there is no 'quote' to translate; add the quote or remove the translation")
    translations = read_translations(f, languages)
    if translations.items and not quote:
        f.error("translations", "there is no 'quote' to translate; add the quote or remove the translations")
    if len(problems) > before or publisher is None or published is None:
        return None
    if url is None and archive_url is None:
        warnings.append(
            entry.problem(
                where,
                "has neither 'url' nor 'archive_url', so readers cannot check it; add one if you have seen it "
                "(never guess one)",
                severity=Severity.WARNING,
            )
        )
    return Source(title, publisher, published, url, language, via, quote, translation, archive_url, translations)


def read_sources(f: Fields, warnings: list[Problem], languages: tuple[str, ...]) -> list[Source]:
    """The ``sources`` list of a mapping (an event or a statement): every source read, even after a bad one."""
    raw_sources = f.mapping.get("sources")
    if raw_sources is None:
        return []
    if not isinstance(raw_sources, list):
        f.error(
            "sources", f"must be a list of sources, not {kind_of(raw_sources)}; start each source with '- publisher: …'"
        )
        return []
    if not raw_sources:
        f.error("sources", "is empty; cite at least one source (publisher, published, and title or url)")
        return []
    sources = []
    for i, item in enumerate(raw_sources):
        source = _read_source(f.entry, (*f.where, "sources", i), item, f.problems, warnings, languages)
        if source:
            sources.append(source)
    return sources
