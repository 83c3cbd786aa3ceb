"""The Indonesian edition, as the generator writes it: the words tables, the twins, the dates,
the translations and what stands in for a missing one."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import build_pages
from generator.content.validate import load_timeline
from generator.dates import parse_date
from generator.model import Timeline
from generator.site import render_site
from generator.site.words import ENGLISH, words_for

from conftest import LANGUAGES, ROOT, copy_project, run

TABLES = ROOT / "generator" / "site" / "words"
SITE = Path(__file__).parent / "cases" / "site"


def _flatten(node: Any, prefix: str = "") -> dict[str, str]:
    if isinstance(node, dict):
        return {k: v for key, value in node.items() for k, v in _flatten(value, f"{prefix}{key}.").items()}
    if isinstance(node, list):
        return {f"{prefix}{i}": str(v) for i, v in enumerate(node)}
    return {prefix.rstrip("."): str(node)}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.fixture(scope="module")
def real() -> Timeline:
    timeline, problems = load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)
    assert timeline is not None, problems
    return timeline


@pytest.mark.parametrize("table", sorted(p.name for p in TABLES.glob("*.yaml") if p.name != "en.yaml"))
def test_each_words_table_says_everything_english_says_with_the_same_placeholders(table: str) -> None:
    english = _flatten(yaml.safe_load((TABLES / "en.yaml").read_text(encoding="utf-8")))
    other = _flatten(yaml.safe_load((TABLES / table).read_text(encoding="utf-8")))
    assert sorted(other) == sorted(english), f"{table} has other keys than en.yaml"
    for key, text in english.items():
        assert _placeholders(other[key]) == _placeholders(text), f"{table}: {key} has other {{placeholders}}"


def test_every_language_the_site_publishes_has_its_words() -> None:
    assert LANGUAGES == ("id",)
    assert all(words_for(code).code == code and (TABLES / f"{code}.yaml").exists() for code in LANGUAGES)


def test_every_generated_page_has_a_twin_in_each_edition(real: Timeline) -> None:
    pages = render_site(real)
    english = {p for p in pages if not p.startswith("id/")}
    indonesian = {p.removeprefix("id/") for p in pages if p.startswith("id/")}
    assert english and english == indonesian


def test_indonesian_pages_speak_indonesian(real: Timeline) -> None:
    pages = render_site(real)
    event = next(e for e in real.events if e.history and e.date.precision == "season")
    page = pages[f"id/events/{event.id}.md"]
    assert f"# {event.translations.get('id', 'title')}" in page
    assert "Apa yang dikatakan, dan kapan" in page and "What was said" not in page
    assert "title: Linimasa" in pages["id/timeline/index.md"]
    # Links stay inside the edition: to its own methodology, actors and events.
    targets = re.findall(r"\]\(([^)#]+)", page)
    assert targets and all(t.startswith("../../id/") for t in targets), targets


def test_the_real_content_is_translated_in_full(real: Timeline) -> None:
    """Only what must stay in its own language is marked English on Indonesian pages: source titles."""
    pages = render_site(real)
    for path, text in pages.items():
        if path.startswith("id/"):
            marked = re.findall(r"<(\w+) lang=\"en\"", text)
            assert set(marked) <= {"cite"}, f"{path}: English stands in for a translation ({marked})"


def test_a_missing_translation_shows_the_english_marked_as_english() -> None:
    page = (SITE / "pages" / "id" / "events" / "2024-10-said.md").read_text(encoding="utf-8")
    # Its title is translated, its summary is not: English, in a block the browser reads as English.
    assert "# Pasukan dikirim, dibantah, lalu diakui" in page
    assert '<div lang="en" markdown>\n\nUkraine said it;' in page
    # A translated note, and an untranslated one.
    assert "menyatakan</span>: Ukraina menyatakan pasukan itu telah tiba." in page
    assert '<span lang="en">Moscow no longer denies it.</span>' in page
    # A quote in Indonesian needs no translation on an Indonesian page; on an English one it has it.
    assert "North Korea acknowledged for the first time" not in page
    english = (SITE / "pages" / "events" / "2024-10-said.md").read_text(encoding="utf-8")
    assert 'lang="en"><span class="tl-translation__label">Translation:</span> North Korea acknowledged' in english


@pytest.mark.parametrize(
    ("edtf", "english", "indonesian"),
    [
        ("2024-10-18", "18 October 2024", "18 Oktober 2024"),
        ("2024-23", "Autumn 2024", "Musim gugur 2024"),
        ("2025-04?", "April 2025 (uncertain)", "April 2025 (belum pasti)"),
        ("2024-09~/2025-04~", "c. September 2024 – c. April 2025", "sekitar September 2024 – sekitar April 2025"),
        ("2024-11/..", "November 2024 onwards", "November 2024 dan seterusnya"),
        ("../2023-09-12", "Until 12 September 2023", "Hingga 12 September 2023"),
    ],
)
def test_dates_in_each_language(edtf: str, english: str, indonesian: str) -> None:
    date = parse_date(edtf)
    assert ENGLISH.date(date) == english == date.display()
    assert words_for("id").date(date) == indonesian


def test_numbers_and_counts_in_each_language() -> None:
    assert ENGLISH.count("events", 2345) == "2,345 events" and ENGLISH.count("events", 1) == "1 event"
    assert words_for("id").count("events", 2345) == "2.345 peristiwa"


def test_a_language_without_words_stops_the_build_with_what_to_do(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("languages: [id]", "languages: [id, xx]"))
    built = run("mkdocs", "build", cwd=project, check=False)
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert "no words for 'xx'" in built.stderr and "generator/site/words/xx.yaml" in built.stderr
    generated = run("timeline", "build", cwd=project, check=False)
    assert generated.returncode == 2 and "no words for 'xx'" in generated.stderr and "Traceback" not in generated.stderr


def _untranslated(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _untranslated(v) for k, v in node.items() if k != "translations"}
    if isinstance(node, list):
        return [_untranslated(v) for v in node]
    return node


def test_dropping_a_language_removes_its_generated_pages_and_keeps_the_hand_written(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "id").mkdir(parents=True)
    (docs / "id" / "index.md").write_text("# Beranda\n", encoding="utf-8")
    built = build_pages(SITE / "content", docs, SITE, languages=("id",))
    assert built.report is not None and (docs / "id" / "events" / "2024-10-said.md").is_file()
    assert (docs / "id" / "feed.xml").is_file()
    # Without the edition its translations are errors, so they go too.
    content = tmp_path / "content"
    for path in (SITE / "content").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = content / path.relative_to(SITE / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(_untranslated(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert build_pages(content, docs, tmp_path).report is not None
    assert not (docs / "id" / "events").exists() and not (docs / "id" / "feed.xml").exists()
    assert (docs / "id" / "index.md").read_text(encoding="utf-8") == "# Beranda\n"
    assert (docs / "events" / "2024-10-said.md").is_file()
