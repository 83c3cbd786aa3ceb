"""`timeline draft`: dates found in news text exactly as precisely as the text allows."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from generator.tools.draft import read_article, resolver

from conftest import ROOT, SEED, run

MONDAY = dt.date(2025, 4, 28)


def evaluation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "bench" / "dates" / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_seed_article(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "generator" / "schema", tmp_path / "generator" / "schema")
    result = run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "id",
                 "--publisher", "Bisnis.com", "--title", "Korea Utara Akhirnya Akui Kirim Pasukan Bantu Rusia",
                 cwd=tmp_path)  # fmt: skip
    rows = [re.split(r"\s{2,}", line) for line in result.stdout.splitlines()[1:-1]]
    found = {(phrase, date) for phrase, date, _ in rows}
    expected = {
        ("10 September 2023", "2023-09-10"),  # the photo caption
        ("Senin (28/4/2025)", "2025-04-28"),
        ("tahun lalu", "2024"),  # a year, not a day in it
        ("setelah tujuh bulan", "2024-09~/2025-04~"),
        ("Pada bulan Januari", "2025-01"),
        ("musim gugur lalu", "2024-23"),
        ("Jumat pekan lalu", "2025-04-25"),
    }
    assert expected <= found, found
    for phrase, _ in found:  # "1,3 juta", "10.000 tentara", "5.000 ton" are not dates
        assert not re.search(r"juta|10\.000|5\.000|1,3", phrase), phrase
    drafts = sorted((tmp_path / "drafts").glob("*.yaml"))
    assert len(drafts) == len({sentence for _, _, sentence in rows}) >= 7
    assert not list((tmp_path / "content").rglob("*draft*"))
    autumn = next(p for p in drafts if p.name.startswith("2024-23-"))
    text = autumn.read_text(encoding="utf-8")
    assert "# date: 'musim gugur lalu' → 2024-23" in text
    assert "mengirim sedikitnya 10.000 tentara ke Rusia musim gugur lalu." in " ".join(text.split())
    # Flagged until a person fills it in, then a valid event.
    target = tmp_path / "content" / "events" / "2024" / autumn.name
    target.write_text(text.replace("../generator", "../../../generator"), encoding="utf-8")
    flagged = run("timeline", "validate", cwd=tmp_path, check=False)
    assert flagged.returncode == 1
    for field in ("title", "status", "summary", "sources[0].translation"):
        assert f": {field}: " in flagged.stderr, field
    filled = (
        text.replace("TODO a plain headline for what happened", "North Korea sends troops to Russia")
        .replace("status: TODO", "status: claimed\nclaimed_by: [south-korean-intelligence]")
        .replace("TODO: what happened, in one to three short paragraphs.", "Intelligence officials say so.")
        .replace("TODO an English translation of the quote", "North Korea sent at least 10,000 troops.")
    )
    target.write_text(filled, encoding="utf-8")
    assert run("timeline", "validate", cwd=tmp_path).returncode == 0
    again = run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "id", cwd=tmp_path)
    assert "0 drafts written" in again.stdout and "exists already" in again.stderr


def test_precision_and_recall_on_the_labelled_set_beat_dateparser() -> None:
    module = evaluation()
    assert len(module.load_set()) >= 150
    assert sum(len(case[3]) for case in module.load_set()) >= 150
    ours = module.score(module.ours)
    assert ours["precision"] >= 0.95 and ours["recall"] >= 0.9, ours
    theirs = module.score(module.dateparser_dates)
    assert ours["precision"] > theirs["precision"] and ours["recall"] > theirs["recall"], theirs


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        ("id", "Data minggu lalu menunjukkan kenaikan.", ["2025-04-21/2025-04-27"]),  # last week
        ("id", "Serangan terjadi pada Minggu lalu.", ["2025-04-27"]),  # last Sunday
        ("id", "Sebanyak 2000 tentara dan 1,3 juta warga terdampak.", []),
        ("id", "Sejak Agustus 2024, pasukan bertahan.", ["2024-08/.."]),
        ("en", "It happened on 31 February 2025.", []),  # no such day
        ("en", "Late-October 2024 talks failed.", ["2024-10~"]),
        # A duration ends at the sentence's other date when it has one, else at publication.
        ("id", "Pasukan bertahan selama tujuh bulan hingga Maret 2025.", ["2024-08~/2025-03~", "2025-03"]),
        ("en", "For seven months until March 2025, troops held the town.", ["2024-08~/2025-03~", "2025-03"]),
    ],
)
def test_resolver_cases(language: str, sentence: str, dates: list[str]) -> None:
    assert [f.edtf for f in resolver(language).find(sentence, MONDAY)] == dates


def test_an_html_article_loses_its_boilerplate(tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(
        "<html><body><nav><p>Home</p></nav><script>var x = '10 September 2023';</script>"
        "<p>Langganan</p><p>Kim Jong Un left Pyongyang for Russia on 10 September 2023, state media said.</p>"
        "<p>Kim Jong Un left Pyongyang for Russia on 10 September 2023, state media said.</p></body></html>",
        encoding="utf-8",
    )
    assert read_article(page) == ["Kim Jong Un left Pyongyang for Russia on 10 September 2023, state media said."]


def test_an_unknown_language_is_a_usage_error(tmp_path: Path) -> None:
    result = run("timeline", "draft", str(SEED), "--published", "2025-04-28", "--language", "fr", cwd=tmp_path,
                 check=False)  # fmt: skip
    assert result.returncode == 2 and "no phrase list for language 'fr'; known: en, id" in result.stderr
