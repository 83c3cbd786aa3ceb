"""Hostile content: refused with a message, or rendered inert — checked in the built HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.plugin import TimelinePlugin
from generator.sanitize import sanitize_html

from conftest import LANGUAGES, ROOT, copy_project, run


@pytest.mark.parametrize(
    ("hostile", "gone"),
    [
        ("<p>x<script>alert(1)</script></p>", "<script"),
        ('<p><img src=x onerror="alert(1)"></p>', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"),
        ('<p onclick="alert(1)">x</p>', "onclick"),
        ('<iframe src="https://example.org"></iframe>', "<iframe"),
        ('<div style="background:url(javascript:alert(1))">x</div>', "style"),
        # SVG is allowed (the overview is drawn in it), a script inside it is not.
        ("<svg><script>alert(1)</script></svg>", "alert(1)"),
    ],
)
def test_the_sanitiser_removes_what_could_run(hostile: str, gone: str) -> None:
    assert gone not in sanitize_html(hostile)


def test_the_sanitiser_keeps_what_the_templates_make() -> None:
    html = (
        '<div class="tl-event tl-event--claimed" data-event-id="x" data-date="2025-04-28" data-status="claimed">'
        '<a href="../events/x/">T</a> <a href="https://example.org/a" rel="noopener">S</a>'
        '<blockquote class="tl-quote" lang="id"><p>Q</p></blockquote>'
        '<table><tr><th style="text-align: right;">Events</th></tr></table></div>'
    )
    cleaned = sanitize_html(html)
    for kept in ('data-event-id="x"', 'data-date="2025-04-28"', 'href="../events/x/"', 'lang="id"', "text-align"):
        assert kept in cleaned


def test_the_plugin_sanitises_generated_pages_only() -> None:
    plugin = TimelinePlugin()
    hostile = '<p>ok</p><img src=x onerror="alert(1)">'
    config = MkDocsConfig()
    generated = Page("Generated", File("events/x.md", "docs", "site", True), config)
    generated.meta = {"timeline": {"source": None}}
    handwritten = Page("Mine", File("about.md", "docs", "site", True), config)
    assert "onerror" not in (plugin.on_page_content(hostile, page=generated, config=config, files=Files([])) or "")
    assert plugin.on_page_content(hostile, page=handwritten, config=config, files=Files([])) == hostile


HOSTILE_BUT_VALID = """\
title: 'Quotes " and '' and & and *stars* and [brackets](x) and `ticks` | pipes'
date: 2025-04-28
status: reported
summary: |
  Text that looks like code: &lt;script&gt;alert(1)&lt;/script&gt; and &#60;img&#62;,
  a [relative link](../actors/kcna.md), and an attribute list {: onclick="alert(1)" }.

  [ref]: https://example.org/ok
actors: [kcna]
sources:
  - title: "Publisher's title & more"
    publisher: 'A & B "News"'
    published: 2025-04-28
    url: https://example.org/article?a=1&b=2
    language: en
    quote: 'She said: "5 < 6 & 7 > 3" — and left.'
history:
  - date: 2025-04-28
    by: [kcna]
    stance: asserts
    note: 'A note with *stars*, [a](javascript:alert(1)) look-alike, &amp; entities and | pipes'
    sources:
      - publisher: 'Wire "X" & Co'
        published: 2025-04-28
        url: https://example.org/wire?a=1&b=2
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    (project / "content" / "events" / "2025" / "2025-04-28-hostile-but-valid.yaml").write_text(
        HOSTILE_BUT_VALID, encoding="utf-8"
    )
    run("mkdocs", "build", "--strict", cwd=project)
    return project


def test_valid_text_with_special_characters_is_shown_literally(hostile_site: Path) -> None:
    from bs4 import BeautifulSoup

    html = (hostile_site / "site" / "events" / "2025-04-28-hostile-but-valid" / "index.html").read_text(
        encoding="utf-8"
    )
    page = BeautifulSoup(html, "html.parser")
    title = "Quotes \" and ' and & and *stars* and [brackets](x) and `ticks` | pipes"
    assert page.h1.get_text().rstrip("¶") == title
    assert page.title.get_text().startswith(title)
    assert page.find("blockquote").get_text() == 'She said: "5 < 6 & 7 > 3" — and left.'
    assert page.select_one(".tl-source__cite strong").get_text() == 'A & B "News"'
    summary = page.select_one("article").get_text()
    assert "<script>alert(1)</script>" in summary  # shown as text, because it was written as entities
    assert not page.select("article script, article img, [onclick]")
    assert page.find("a", string="relative link")["href"] == "../../actors/kcna/"
    said = page.select_one(".tl-history li").get_text()
    assert "A note with *stars*, [a](javascript:alert(1)) look-alike, &amp; entities and | pipes" in said
    assert page.select_one(".tl-history__sources strong").get_text() == 'Wire "X" & Co'
    assert not page.select(".tl-history a[href^=javascript]")


RUNNABLE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=|<script|href=[\"']?\s*javascript:", re.IGNORECASE)


def test_nothing_in_the_built_site_can_run_content(hostile_site: Path) -> None:
    from bs4 import BeautifulSoup

    for path in (hostile_site / "site" / "events").rglob("*.html"):
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        assert article is not None
        for element in article.find_all(True):
            assert element.name not in ("script", "iframe", "img", "object", "embed"), path
            assert not [a for a in element.attrs if a.startswith("on")], (path, element)
            assert not str(element.get("href", "")).strip().lower().startswith(("javascript:", "data:")), path
    # Search shows excerpts it takes from the pages' text: the script keeps nothing of them but
    # text and <mark> (tests/test_browser.py searches a hostile page in Chromium).
    assert (hostile_site / "site" / "pagefind" / "pagefind-entry.json").is_file()


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("title", "<img src=x onerror=alert(1)>", "title: contains HTML or an angle bracket"),
        ("summary", "'[x](javascript:alert(1))'", "summary: has a link to a 'javascript:' address"),
        ("summary", "'<script>alert(1)</script>'", "summary: contains HTML ('<script>')"),
    ],
)
def test_hostile_content_fails_the_build_with_a_message(tmp_path: Path, field: str, value: str, says: str) -> None:
    project = copy_project(tmp_path / "p")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    event = next((project / "content").rglob("2025-04-25-kim-attends-destroyer-launch.yaml"))
    lines = event.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")), len(lines))
    event.write_text("\n".join([*lines[:start], f"{field}: {value}", *lines[end:]]) + "\n", encoding="utf-8")
    result = run("mkdocs", "build", "--strict", cwd=project, check=False)
    assert result.returncode == 1 and says in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_no_markdown_extension_lets_content_add_attributes() -> None:
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and !relative tags; their values do not matter here.
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert "attr_list" not in names and "pymdownx.magiclink" not in names


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    from generator.content.validate import load_timeline

    shutil.copytree(ROOT / "content", tmp_path / "content")
    event = next((tmp_path / "content").rglob("2025-04-25-kim-attends-destroyer-launch.yaml"))
    event.write_bytes(b"\xef\xbb\xbf" + event.read_bytes())
    timeline, problems = load_timeline(tmp_path / "content", tmp_path, languages=LANGUAGES)
    assert timeline is not None and all(p.severity == "warning" for p in problems)
