"""The timeline's content keeps the rules of evidence: quotes only from the seed article, word for
word; every address and title as the dossier has it; summaries and notes in our own words."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from generator.content.validate import load_timeline
from generator.model import Event, Source, Timeline

from conftest import LANGUAGES, ROOT, SEED

DOSSIER = ROOT.parent / "shared" / "sources" / "dossier.yaml"
SEED_TITLE = "Korea Utara Akhirnya Akui Kirim Pasukan Bantu Rusia"


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    timeline, problems = load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)
    assert timeline is not None, problems
    return timeline


@pytest.fixture(scope="module")
def dossier() -> dict[str, dict[str, object]]:
    """The dossier's reports (main and supplementary) by URL."""
    data = yaml.safe_load(DOSSIER.read_text(encoding="utf-8"))
    entries = [*data["entries"], *data.get("supplementary", [])]
    return {str(entry["url"]): entry for entry in entries if entry.get("url")}


def citations(event: Event) -> list[Source]:
    return [*event.sources, *(s for statement in event.history for s in statement.sources)]


def test_every_quote_is_verbatim_from_the_seed_article(timeline: Timeline) -> None:
    article = normalise(SEED.read_text(encoding="utf-8"))
    quoted = [s for e in timeline.events for s in citations(e) if s.quote]
    assert len(quoted) >= 12
    for source in quoted:
        assert normalise(source.quote or "") in article, source.quote
        assert (source.title, source.publisher, source.published.isoformat()) == (
            SEED_TITLE,
            "Bisnis.com",
            "2025-04-28",
        )
        assert source.translation, "the seed is Indonesian: every quote has its English translation"


def test_every_address_and_title_is_the_dossiers(timeline: Timeline, dossier: dict[str, dict[str, object]]) -> None:
    cited = [s for e in timeline.events for s in citations(e)]
    addressed = [s for s in cited if s.url is not None]
    assert len(addressed) >= 40
    for source in addressed:
        assert source.url in dossier, f"{source.url} is not in the dossier: never write an address not seen"
        entry = dossier[source.url]
        assert source.published.isoformat() == entry["published"], source.url
        if source.title is not None:
            assert source.title == entry["title"], f"{source.url}: a title is copied as published, never composed"
        assert source.archive_url is None or source.archive_url in dossier
    # A citation without an address is the seed article, whose address is not known.
    for source in cited:
        if source.url is None:
            assert (source.title, source.publisher) == (SEED_TITLE, "Bisnis.com")


def test_the_timeline_draws_on_many_sources_and_histories(timeline: Timeline) -> None:
    publishers = {s.publisher for e in timeline.events for s in citations(e)}
    long_histories = [e for e in timeline.events if len(e.history) >= 3]
    assert len(timeline.events) >= 40
    assert len(publishers) >= 15
    assert len(long_histories) >= 5
    # The deployment itself goes from a claim to North Korea's own acknowledgement.
    deployment = {e.id: e for e in timeline.events}["2024-23-north-korea-sends-troops-to-russia"]
    stances = [s.stance for s in deployment.history]
    assert "asserts" in stances and "denies" in stances and stances[-1] == "acknowledges"


def shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[\w']+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_summaries_and_notes_are_in_our_own_words(timeline: Timeline, dossier: dict[str, dict[str, object]]) -> None:
    """No run of eight words is copied from what the dossier says of its reports."""
    facts: set[tuple[str, ...]] = set()
    for entry in dossier.values():
        said = entry.get("facts") or []
        assert isinstance(said, list)
        said = [
            *said,
            *([entry["note"]] if entry.get("note") else []),
            *([entry["notes"]] if entry.get("notes") else []),
        ]
        for fact in said:
            facts |= shingles(str(fact))
    ours = [(e.id, e.summary) for e in timeline.events] + [
        (e.id, s.note) for e in timeline.events for s in e.history if s.note
    ]
    copied = [(event_id, " ".join(run)) for event_id, text in ours for run in shingles(text) & facts]
    assert copied == []


def test_disagreements_are_shown_with_each_sides_source(timeline: Timeline) -> None:
    """Casualty figures disagree: each is its own statement with its own source, never an average."""
    casualties = [e for e in timeline.events if "casualties" in e.tags and len(e.history) >= 3]
    assert casualties
    for event in casualties:
        speakers = Counter(tuple(s.by) for s in event.history)
        assert len(speakers) >= 2, "figures from more than one side"
        assert all(s.sources for s in event.history)


def test_every_date_form_and_status_is_used(timeline: Timeline) -> None:
    forms = {e.date.edtf for e in timeline.events} | {s.date.edtf for e in timeline.events for s in e.history}
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", f) for f in forms)
    assert any(re.fullmatch(r"\d{4}-(0\d|1[0-2])", f) for f in forms)
    assert any(re.fullmatch(r"\d{4}-2[1-4]", f) for f in forms)
    assert any("~" in f for f in forms) and any("?" in f for f in forms)
    assert any("/" in f and ".." not in f for f in forms) and any("/.." in f or "../" in f for f in forms)
    assert {e.status for e in timeline.events} == {"confirmed", "reported", "claimed", "disputed"}


def test_relative_dates_are_resolved_against_the_publication_day(timeline: Timeline) -> None:
    """Where the seed article is the only source of a date, it is resolved against 28 April 2025."""
    dates = {e.id: e.date.edtf for e in timeline.events}
    assert dates["2023-09-10-kim-leaves-pyongyang-for-russia"] == "2023-09-10"
    assert dates["2024-23-north-korea-sends-troops-to-russia"] == "2024-23"  # "musim gugur lalu"
    assert dates["2025-01-ukraine-captures-two-north-korean-soldiers"] == "2025-01"  # "Pada bulan Januari"
    assert dates["2025-04-25-kim-attends-destroyer-launch"] == "2025-04-25"  # "Jumat pekan lalu"
    assert dates["2024-09-ukraine-holds-russian-territory-in-kursk"] == "2024-09~/2025-04~"  # "tujuh bulan"
