"""`timeline draft`: news text → draft events, each dated exactly as precisely as the text allows.

The article is read paragraph by paragraph and sentence by sentence; the date resolver
(``generator/tools/dating/``) finds the dates in each sentence, and every dated sentence
becomes one draft event in ``drafts/``, with the sentence as its quote.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from ..ids import event_id_for
from .dating import Found, Resolver, resolver
from .new import modeline

__all__ = ["DraftReport", "Found", "Resolver", "read_article", "resolver", "sentences", "write_drafts"]


# -- articles ----------------------------------------------------------------------------------

_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Agu|Sep|Sept|Oct|Okt|Nov|Dec|Des|Mr|Mrs|Dr|St|No))\.$"
)


def sentences(paragraph: str) -> Iterator[str]:
    """The sentences of a paragraph (not split after abbreviations such as 'Nov.')."""
    parts = re.split(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])", paragraph.strip())
    current = ""
    for part in parts:
        current = f"{current} {part}" if current else part
        if not _ABBREVIATION.search(current):
            yield current
            current = ""
    if current:
        yield current


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.depth += 1
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.paragraphs[-1] += data


def read_article(path: Path) -> list[str]:
    """The paragraphs of an article (plain text, or the <p> elements of an HTML page), boilerplate dropped."""
    text = path.read_text(encoding="utf-8-sig")
    if re.search(r"<(?:html|body|p)[\s>]", text, re.IGNORECASE):
        parser = _Paragraphs()
        parser.feed(text)
        candidates = parser.paragraphs
    else:
        candidates = re.split(r"\n\s*\n|\n", text)
    seen: set[str] = set()
    paragraphs = []
    for candidate in candidates:
        paragraph = " ".join(candidate.split())
        # A paragraph of news has a sentence in it: a few words and a full stop. Menus, buttons
        # and "subscribe" lines have not; a photo caption repeated on the page is kept once.
        if len(paragraph.split()) < 6 or not re.search(r"[.!?]", paragraph) or paragraph in seen:
            continue
        seen.add(paragraph)
        paragraphs.append(paragraph)
    return paragraphs


# -- drafts ------------------------------------------------------------------------------------


def _draft(sentence: str, found: list[Found], source: dict[str, Any]) -> str:
    lines = ["# A draft made by `timeline draft`: check it against the source."]
    for item in found:
        lines.append(f"# date: {item.phrase!r} → {item.edtf} ({item.how})")
    body: dict[str, Any] = {
        "title": "TODO a plain headline for what happened",
        "date": found[0].edtf,
        "status": "TODO",
        "summary": "TODO: what happened, in one to three short paragraphs.",
        "sources": [{**source, "quote": sentence}],
    }
    if not str(source.get("language", "en")).startswith("en"):
        body["sources"][0]["translation"] = "TODO an English translation of the quote"
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=88)
    return (
        "\n".join(lines)
        + "\n"
        + text.replace("status: TODO", "status: TODO  # confirmed | reported | claimed | disputed")
    )


@dataclass
class DraftReport:
    """What `timeline draft` found and wrote."""

    rows: list[tuple[Found, str]]
    written: list[Path]
    skipped: list[Path]


def write_drafts(
    article: Path, drafts_dir: Path, *, published: dt.date, language: str, source: dict[str, Any]
) -> DraftReport:
    """One draft event per dated sentence of the article, in ``drafts_dir``; existing files are kept."""
    find = resolver(language).find
    report = DraftReport([], [], [])
    for paragraph in read_article(article):
        for sentence in sentences(paragraph):
            found = find(sentence, published)
            if not found:
                continue
            report.rows.extend((item, sentence) for item in found)
            event_id = event_id_for(found[0].edtf, " ".join(sentence.split()[:6]))
            target = drafts_dir / f"{event_id}.yaml"
            if target.exists():
                report.skipped.append(target)
                continue
            drafts_dir.mkdir(parents=True, exist_ok=True)
            target.write_text(modeline(drafts_dir, target) + _draft(sentence, found, source), encoding="utf-8")
            report.written.append(target)
    return report
