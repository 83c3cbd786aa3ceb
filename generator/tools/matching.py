"""Which event of the timeline a drafted sentence is about, if any: `timeline draft` then proposes
a statement for that event's history instead of a new event.

A sentence is about an event when it names one of the event's actors, when what it dates falls
in the event's time (from a little before the event to a little after its latest statement),
and when it shares enough of the event's words (its title, summary and history notes, in English
and in the article's language). Words are compared by their stems (Snowball's English and
Indonesian stemmers), so "deploy", "deployed" and "deployment", or "tentara" and
"tentaranya", count as one. A match is a
proposal for a person to check, never an edit of the event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import snowballstemmer

from ..dates import parse_date
from ..model import Actor, Event, Timeline, in_language

__all__ = ["Match", "Matcher", "match_event", "named_actors"]

WINDOW = dt.timedelta(days=45)
"""How far before an event, and after its latest statement, a sentence's date may fall."""

NEAR = 0.3
"""Share of the sentence's words that the event must hold, when the dates agree."""

SURE = 0.8
"""Share that is enough on its own, for a statement made long after the event (an admission)."""

NEAR_DATE = dt.timedelta(days=1)
DATE_BONUS = 0.3
"""What a sentence's date within a day of the event's own date adds to its share."""

_STOP = {
    "en": set(
        """about after again also although among another because been before being between both could
        during each from have having into itself last like more most much next other over said says since
        some such than that their them then there these they this those through under until were what when
        where which while will with would year years week weeks month months""".split()  # noqa: SIM905
    ),
    "id": set(
        """adalah akan antara atas bagi bahwa baru belum bukan dalam dengan hanya harus hingga ialah
        itulah juga kami kata kemudian kepada ketika lalu lebih masih mereka namun oleh pada para saat sampai
        sebagai sebelum sejak sekitar selama sementara setelah sudah tahun telah tentang terhadap tersebut
        untuk yaitu yang bulan pekan minggu hari dari guna sebuah mengatakan dikatakan menurut mungkin
        termasuk kedua atau serta seperti karena agar tetapi""".split()  # noqa: SIM905
    ),
}
"""Words too common in news to tell events apart."""


@dataclass(frozen=True)
class Match:
    """The event a sentence is about, and why: the actors it names and the words it shares."""

    event: Event
    actors: tuple[str, ...]
    words: tuple[str, ...]
    share: float


@cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer("indonesian" if language == "id" else "english")


def _stems(text: str, language: str) -> set[str]:
    """The text's telling words, stemmed by Snowball in the text's language. An Indonesian verb's
    nasal prefix swallows the first k, p, t or s of its root ('mengirim' ← 'kirim', 'menangkap' ←
    'tangkap'), which the stemmer does not give back: so that both forms meet, that letter goes."""
    code = "id" if language.split("-")[0] == "id" else "en"
    stop = _STOP[code] | _STOP["en"]
    words = [w for w in re.findall(r"[^\W\d_]{4,}", text.casefold()) if w not in stop]
    stems = _stemmer(code).stemWords(words)
    if code == "id":
        stems = [s[1:] if s[:1] in "kpts" and len(s) > 4 else s for s in stems]
    return {s for s in stems if len(s) >= 3}


def _names(actor: Actor) -> Iterable[str]:
    yield actor.name
    yield from actor.aliases
    yield from (text for _, name, text in actor.translations.items if name == "name")


def named_actors(sentence: str, actors: Iterable[Actor]) -> tuple[str, ...]:
    """The actors a sentence names, by name, alias or translated name (a short all-capitals alias,
    'KCNA', 'NIS', only as written)."""
    found = []
    for actor in actors:
        for name in _names(actor):
            if len(name) < 2:
                continue
            short = name.isupper() and len(name) <= 5
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
            if re.search(pattern, sentence, 0 if short else re.IGNORECASE):
                found.append(actor.id)
                break
    return tuple(found)


def _span(event: Event) -> tuple[dt.date, dt.date]:
    last = max([event.date.latest or event.date.earliest, *(s.day for s in event.history)])
    return event.date.earliest - WINDOW, last + WINDOW


def _overlaps(edtf: str, span: tuple[dt.date, dt.date]) -> bool:
    date = parse_date(edtf)
    start, end = date.earliest, date.latest or dt.date.max
    return start <= span[1] and end >= span[0]


class Matcher:
    """The events of one timeline, ready to be matched with sentences in one language.

    Words are weighted by how few events use them (inverse document frequency): on a timeline
    of North Korea and Russia, "Korea" and "Rusia" tell little, "menangkap" or "destroyer" a lot."""

    def __init__(self, timeline: Timeline, language: str) -> None:
        self.timeline = timeline
        self.language = language
        self.words: dict[str, set[str]] = {}
        for event in timeline.events:
            texts = [event.title, event.summary, *(s.note or "" for s in event.history)]
            if language != "en":
                texts += [in_language(event, "title", language), in_language(event, "summary", language)]
                texts += [in_language(s, "note", language) for s in event.history if s.note]
            self.words[event.id] = set().union(*(_stems(t, language) for t in texts))
        counts: dict[str, int] = {}
        for words in self.words.values():
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        total = max(len(timeline.events), 1)
        self.weight = {w: math.log((1 + total) / (1 + n)) + 1 for w, n in counts.items()}
        self.unknown = math.log(1 + total) + 1

    def match(self, sentence: str, dated: Sequence[tuple[str, str]]) -> Match | None:
        """The event ``sentence`` is most likely about, or None; ``dated`` is each date it gives, as
        (the phrase, its EDTF date). The phrases' own words ('Januari', 'musim gugur') are left to
        the dates: they say when, not what."""
        named = set(named_actors(sentence, self.timeline.actors.values()))
        for phrase, _ in dated:
            sentence = sentence.replace(phrase, " ")
        # Words no event uses tell nothing about which one it is.
        words = {w for w in _stems(sentence, self.language) if w in self.weight}
        if not named or len(words) < 2:
            return None
        weight = {w: self.weight[w] for w in words}
        total = sum(weight.values())
        best: tuple[float, Match] | None = None
        for event in self.timeline.events:
            shared_actors = tuple(a for a in event.all_actors if a in named)
            if not shared_actors:
                continue
            shared = tuple(sorted(words & self.words[event.id], key=lambda w: -weight[w]))
            share = sum(weight[w] for w in shared) / total
            in_time = any(_overlaps(edtf, _span(event)) for _, edtf in dated)
            # What the sentence dates falling on the event's own date is the strongest sign of all.
            own = (event.date.earliest - NEAR_DATE, (event.date.latest or event.date.earliest) + NEAR_DATE)
            score = share + (DATE_BONUS if any(_overlaps(edtf, own) for _, edtf in dated) else 0.0)
            if not ((in_time and score >= NEAR) or (share >= SURE and len(shared) >= 3)):
                continue
            if best is None or (score, len(shared_actors)) > (best[0], len(best[1].actors)):
                best = (score, Match(event, shared_actors, shared, share))
        return best[1] if best else None


def match_event(sentence: str, dated: Sequence[tuple[str, str]], timeline: Timeline, language: str) -> Match | None:
    """The event ``sentence`` is most likely about (see ``Matcher``), or None."""
    return Matcher(timeline, language).match(sentence, dated)
