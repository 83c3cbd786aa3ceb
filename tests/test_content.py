"""The first timeline's content keeps the rules of evidence."""

from __future__ import annotations

import re

import pytest

from generator.content.validate import load_timeline
from generator.model import Timeline

from conftest import ROOT, SEED


def normalise(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    timeline, problems = load_timeline(ROOT / "content", ROOT)
    assert timeline is not None, problems
    return timeline


def test_every_quote_is_verbatim_from_the_seed_article(timeline: Timeline) -> None:
    article = normalise(SEED.read_text(encoding="utf-8"))
    quotes = [s.quote for e in timeline.events for s in e.sources if s.quote]
    assert len(quotes) >= 12
    for quote in quotes:
        assert normalise(quote) in article, quote


def test_every_source_is_the_seed_article_without_an_invented_url(timeline: Timeline) -> None:
    for event in timeline.events:
        for source in event.sources:
            assert source.title == "Korea Utara Akhirnya Akui Kirim Pasukan Bantu Rusia"
            assert (source.publisher, source.published.isoformat(), source.language) == (
                "Bisnis.com",
                "2025-04-28",
                "id",
            )
            assert source.url is None and source.archive_url is None
            assert source.translation, event.id


def test_every_date_form_and_status_is_used(timeline: Timeline) -> None:
    assert len(timeline.events) >= 12
    forms = {e.date.edtf for e in timeline.events}
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", f) for f in forms)
    assert any(re.fullmatch(r"\d{4}-(0\d|1[0-2])", f) for f in forms)
    assert any(re.fullmatch(r"\d{4}", f) for f in forms)
    assert any(re.fullmatch(r"\d{4}-2[1-4]", f) for f in forms)
    assert any("~" in f for f in forms) and any("?" in f for f in forms)
    assert any("/" in f and ".." not in f for f in forms) and any("/.." in f or "../" in f for f in forms)
    assert {e.status for e in timeline.events} == {"confirmed", "reported", "claimed", "disputed"}


def test_relative_dates_are_resolved_against_the_publication_day(timeline: Timeline) -> None:
    dates = {e.id: e.date.edtf for e in timeline.events}
    assert dates["2023-09-10-kim-leaves-pyongyang-for-russia"] == "2023-09-10"
    assert dates["2024-north-korea-russia-mutual-defence-treaty"] == "2024"  # "tahun lalu"
    assert dates["2024-23-north-korea-sends-troops-to-russia"] == "2024-23"  # "musim gugur lalu"
    assert dates["2025-01-ukraine-captures-two-north-korean-soldiers"] == "2025-01"  # "Pada bulan Januari"
    assert dates["2025-04-25-kim-attends-destroyer-launch"] == "2025-04-25"  # "Jumat pekan lalu"
    assert dates["2024-09-ukraine-holds-russian-territory-in-kursk"] == "2024-09~/2025-04~"  # "tujuh bulan"
