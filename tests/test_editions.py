"""The Indonesian edition, as the generator writes it: the words tables, the twins, the dates,
the translations and what stands in for a missing one."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
import string
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import feedparser
import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.build import build_pages
from generator.content.validate import load_timeline
from generator.data import data_files
from generator.dates import parse_date
from generator.model import Timeline
from generator.site import render_site
from generator.site.layout import Layout
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


# -- the built site: what the theme makes of the two editions ------------------------------------

EVENT = "2024-23-north-korea-sends-troops-to-russia"
TABS = {"en": ["Home", "Timeline", "Actors", "Places", "Tags", "Sources", "About"],
        "id": ["Beranda", "Linimasa", "Aktor", "Tempat", "Topik", "Sumber", "Tentang"]}  # fmt: skip


def _page(site: Path, address: str) -> BeautifulSoup:
    return BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def _resolve(address: str, href: object) -> str:
    """Where a relative link on the page at ``address`` (a folder, 'id/events/x/') leads, from the root."""
    link = str(href)
    path = posixpath.normpath(posixpath.join("/" + address, link)).lstrip("/")
    return path + "/" if path and link.endswith("/") else path


def _pages(site: Path) -> set[str]:
    """Every page's address, but the theme's own (404) and the search index's."""
    return {
        page.parent.relative_to(site).as_posix() + "/" if page.parent != site else ""
        for page in site.rglob("index.html")
        if "pagefind" not in page.parts
    }


def test_every_page_of_the_site_has_its_twin(built_site: Path) -> None:
    """What the switcher, hreflang and the sitemap link to is there: each page in both editions."""
    pages = _pages(built_site / "site")
    indonesian = {p.removeprefix("id/") for p in pages if p.startswith("id/")}
    english = {p for p in pages if not p.startswith("id/")}
    assert len(english) > 100 and english == indonesian


@pytest.mark.parametrize(("language", "address"), [("en", f"events/{EVENT}/"), ("id", f"id/events/{EVENT}/")])
def test_each_page_is_in_its_editions_language_throughout(built_site: Path, language: str, address: str) -> None:
    site = built_site / "site"
    page = _page(site, address)
    assert page.html is not None and page.html["lang"] == language
    assert [a.get_text(strip=True) for a in page.select(".md-tabs__link")] == TABS[language]
    assert "_id" not in page.get_text()
    name = "Perang Korea Utara untuk Rusia" if language == "id" else "North Korea's war for Russia"
    assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == name
    assert page.title is not None and page.title.get_text().endswith(" - " + name)
    home = "id/" if language == "id" else ""
    assert _resolve(address, page.select_one("a.md-logo")["href"]) == home
    assert page.select_one("meta[property='og:locale']")["content"] == ("id_ID" if language == "id" else "en_GB")
    words = json.loads(str(page.select_one("[data-tl-search]")["data-words"]))
    assert words["placeholder"] == ("Cari" if language == "id" else "Search")
    assert _resolve(address, page.select_one("form.tl-search__form")["action"]) == home + "search/"
    feed = page.select_one("link[type='application/atom+xml']")
    assert _resolve(address, feed["href"]) == home + "feed.xml"
    if language == "id":  # Material's own words, per page
        assert page.select_one(".md-content__button[title='Ubah halaman ini']") is not None
        assert page.select_one(".md-copyright").get_text(" ", strip=True).startswith("Dibuat dengan")
        assert page.select_one("label[title='Beralih ke mode gelap']") is not None


@pytest.mark.parametrize("address", [f"events/{EVENT}/", f"id/events/{EVENT}/", "id/", "", "id/timeline/"])
def test_the_switcher_and_hreflang_lead_to_the_same_page_in_the_other_edition(built_site: Path, address: str) -> None:
    page = _page(built_site / "site", address)
    twins = {"en": address.removeprefix("id/") if address != "id/" else "", "id": "id/" + address.removeprefix("id/")}
    links = page.select("a.md-select__link")
    assert {a["hreflang"]: _resolve(address, a["href"]) for a in links} == twins
    (current,) = page.select("a.md-select__link[aria-current=page]")
    assert page.html is not None and current["hreflang"] == page.html["lang"]
    alternates = {link["hreflang"]: _resolve(address, link["href"]) for link in page.select("link[hreflang]")}
    assert alternates == {**twins, "x-default": twins["en"]}


def test_the_sitemap_lists_both_editions_each_with_its_twin(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    base = "https://example.org/nk/"
    run("mkdocs", "build", "--strict", cwd=project, env={"TIMELINE_SITE_URL": base})
    site = project / "site"
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = root.findall("s:url", ns)
    listed = {u.findtext("s:loc", namespaces=ns) for u in urls}
    assert listed == {base + p for p in _pages(site)}
    for url in urls:
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert set(links) == {"en", "id", "x-default"} and links["x-default"] == links["en"]
        for href in links.values():
            assert href is not None and href.startswith(base)
            assert (site / href.removeprefix(base) / "index.html").is_file(), href


def test_search_has_an_index_for_each_language(built_site: Path) -> None:
    entry = json.loads((built_site / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {language: value["page_count"] for language, value in entry["languages"].items()}
    assert set(counts) == {"en", "id"} and counts["en"] == counts["id"] > 100


def test_each_edition_has_the_data_files_whose_text_is_its_own(real: Timeline) -> None:
    files = data_files(real, Layout(site_url="https://example.org/nk/"))
    assert "id/data/events.json" not in files and "data/events.json" in files  # one JSON carries every language
    event = next(e for e in real.events if e.history)
    title = event.translations.get("id", "title")
    assert title is not None and title != event.title
    feed = feedparser.parse(files["id/feed.xml"])
    assert not feed.bozo and feed.feed.title == "Linimasa" and feed.feed.get("language") == "id"
    assert all(entry.link.startswith("https://example.org/nk/id/events/") for entry in feed.entries)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(files["id/data/events.csv"]))}
    assert rows[event.id]["title"] == title and rows[event.id]["url"].startswith("https://example.org/nk/id/")
    calendar = icalendar.Calendar.from_ical(files["id/data/events.ics"])
    summaries = {str(c["UID"]): str(c["SUMMARY"]) for c in calendar.walk("VEVENT")}
    assert summaries[f"{event.id}@timeline"] == title
    timelinejs = json.loads(files["id/data/timelinejs.json"])
    (item,) = [i for i in timelinejs["events"] if i["unique_id"] == event.id]
    assert item["text"]["headline"] == title and "Apa yang dikatakan:" in item["text"]["text"]
    english = json.loads(files["data/timelinejs.json"])
    assert {i["group"] for i in english["events"]} <= {"Confirmed", "Reported", "Claimed", "Disputed"}
    assert {i["group"] for i in timelinejs["events"]} <= {"Terkonfirmasi", "Dilaporkan", "Diklaim", "Dibantah"}


def test_export_writes_an_editions_file_and_refuses_an_unknown_edition(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    feed = run("timeline", "export", "--format", "feed", "--language", "id", cwd=project).stdout
    assert "<title>Linimasa</title>" in feed
    wrong = run("timeline", "export", "--format", "csv", "--language", "ko", cwd=project, check=False)
    assert wrong.returncode == 2 and "'ko' is not an edition of this site (en, id)" in wrong.stderr


def test_a_language_the_theme_cannot_reach_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"    - name: Bahasa Indonesia\n.*\n.*\n", "", text), encoding="utf-8")
    for command in (("mkdocs", "build"), ("timeline", "build")):
        result = run(*command, cwd=project, check=False)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert "'id' has no entry in extra.alternate" in result.stderr, result.stderr
