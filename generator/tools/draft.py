"""`timeline draft`: news text → draft events, each dated exactly as precisely as the text allows.

The article is read paragraph by paragraph and sentence by sentence; the date resolver
(``generator/tools/dating/``) finds the dates in each sentence, and every dated sentence
becomes one draft event in ``drafts/``, with the sentence as its quote, or, when it is about an
event already on the timeline (``matching``), a proposed statement for that event's history in
``drafts/history/``.
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

from ..ids import event_id_for, slug
from ..model import Timeline
from .dating import Found, Resolver, resolver
from .matching import Match, Matcher
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


class _Indented(yaml.SafeDumper):
    """YAML with lists indented under their key, as the content's files write them, so that an
    entry pastes into an event's history as it is."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _proposal(sentence: str, found: list[Found], source: dict[str, Any], match: Match, published: dt.date) -> str:
    event = match.event
    lines = [
        f"# A proposed statement for the event {event.id}, made by `timeline draft`:",
        f"# {event.path}",
        f"# The sentence names {', '.join(match.actors)}, falls in the event's time and shares its words",
        f"# ({', '.join(match.words[:8])}).",
        "# Check it against the source; keep in `by` who said it; set its stance; write the note in",
        "# your own words; then add the entry to that event's history, oldest first.",
    ]
    lines += [f"# date: {item.phrase!r} → {item.edtf} ({item.how}): what the sentence dates" for item in found]
    lines.append(f"# when it was said: by {published.isoformat()}, the day the article was published (if the")
    lines.append("# article says when it was said, write that day instead)")
    statement: dict[str, Any] = {
        "date": published.isoformat(),
        "by": list(match.actors),
        "stance": "TODO",
        "note": "TODO what was said, in your own words",
        "sources": [{**source, "quote": sentence}],
    }
    if not str(source.get("language", "en")).startswith("en"):
        statement["sources"][0]["translation"] = "TODO an English translation of the quote"
    text = yaml.dump({"history": [statement]}, Dumper=_Indented, allow_unicode=True, sort_keys=False, width=88)
    stances = "asserts | denies | corroborates | disputes | acknowledges | retracts"
    return "\n".join(lines) + "\n" + text.replace("stance: TODO", f"stance: TODO  # {stances}")


@dataclass
class DraftReport:
    """What `timeline draft` found and wrote."""

    rows: list[tuple[Found, str]]
    written: list[Path]
    skipped: list[Path]
    proposed: list[tuple[Path, Match]]
    """Statements proposed for events already on the timeline, and the event each is about."""


def write_drafts(
    article: Path,
    drafts_dir: Path,
    *,
    published: dt.date,
    language: str,
    source: dict[str, Any],
    timeline: Timeline | None = None,
) -> DraftReport:
    """One draft per dated sentence of the article, in ``drafts_dir``: a new event, or, for a sentence
    about an event of ``timeline``, a proposed statement for its history in ``drafts_dir/history/``.
    Existing files are kept."""
    find = resolver(language).find
    matcher = Matcher(timeline, language) if timeline is not None else None
    report = DraftReport([], [], [], [])
    for paragraph in read_article(article):
        for sentence in sentences(paragraph):
            found = find(sentence, published)
            if not found:
                continue
            report.rows.extend((item, sentence) for item in found)
            words = " ".join(sentence.split()[:6])
            match = matcher.match(sentence, [(f.phrase, f.edtf) for f in found]) if matcher else None
            if match is not None:
                target = drafts_dir / "history" / f"{match.event.id}--{slug(words)}.yaml"
                text = _proposal(sentence, found, source, match, published)
            else:
                target = drafts_dir / f"{event_id_for(found[0].edtf, words)}.yaml"
                text = modeline(drafts_dir, target) + _draft(sentence, found, source)
            if target.exists():
                report.skipped.append(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            if match is not None:
                report.proposed.append((target, match))
            else:
                report.written.append(target)
    return report
