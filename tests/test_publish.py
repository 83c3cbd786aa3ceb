"""`timeline publish` with every builder: MkDocs, ProperDocs and Zensical give the same site —
the same pages, the same event content, the same search, edit links that open the YAML — and
every generated page's HTML is sanitised whichever builder rendered it."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.publish.finish import finish_site, sanitise_page
from generator.sanitize import sanitize_html

from conftest import copy_project, run

BUILDERS = ("mkdocs", "properdocs", "zensical")


def installed(builder: str) -> None:
    if importlib.util.find_spec(builder) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{builder} is required in CI (it is in requirements.lock)")
        pytest.skip(f"{builder} is not installed")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The real content published with each builder, from one project."""
    project = copy_project(tmp_path_factory.mktemp("publish"))
    sites = {}
    for builder in BUILDERS:
        installed(builder)
        site = project / f"site-{builder}"
        result = run("timeline", "publish", "--builder", builder, "-d", str(site), cwd=project)
        assert f"with {builder} into" in result.stdout, result.stdout
        sites[builder] = site
    return sites


def articles(site: Path) -> dict[str, str]:
    """Each page's article as a reader reads it (text, without the edit button and permalinks)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        for decoration in article.select(".md-content__button, .headerlink"):
            decoration.decompose()
        found[page.relative_to(site).as_posix()] = " ".join(article.get_text(" ").split())
    return found


def test_every_builder_gives_the_same_pages_and_content(published: dict[str, Path]) -> None:
    reference = articles(published["mkdocs"])
    assert len(reference) > 100
    for builder, site in published.items():
        assert articles(site) == reference, builder


def test_every_builder_links_generated_pages_to_their_yaml(published: dict[str, Path]) -> None:
    for builder, site in published.items():
        for page in (site / "events").rglob("index.html"):
            html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            edit = html.select_one("a[rel=edit]")
            if "http-equiv" in str(html.select_one('meta[http-equiv="refresh"]')):
                continue  # a former id's forwarding page
            assert edit is not None, (builder, page)
            assert "/edit/main/content/events/" in str(edit["href"]) and str(edit["href"]).endswith(".yaml")
        listing = BeautifulSoup((site / "timeline" / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert listing.select_one("a[rel=edit]") is None, f"{builder}: no edit link to generated Markdown"
        actor = BeautifulSoup((site / "actors" / "kcna" / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert str(actor.select_one("a[rel=edit]")["href"]).endswith("/edit/main/content/actors.yaml"), builder


def test_every_builder_gets_the_same_search_index(published: dict[str, Path]) -> None:
    counts = {}
    for builder, site in published.items():
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        fragments = sorted(p.name for p in (site / "pagefind" / "fragment").iterdir())
        counts[builder] = (entry["languages"]["en"]["page_count"], fragments)
        assert not (site / "search.json").exists() and not (site / "search" / "search_index.json").exists()
    assert counts["mkdocs"][0] > 100
    assert counts["properdocs"] == counts["mkdocs"] and counts["zensical"] == counts["mkdocs"]


def test_generated_pages_are_sanitised_and_described_safely_under_every_builder(published: dict[str, Path]) -> None:
    for builder, site in published.items():
        generated = 0
        for page in site.rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            if "<!--tl:generated-->" in text:
                generated += 1
                assert sanitise_page(text) == text, f"{builder}: {page} has HTML the allowlist would remove"
            description = BeautifulSoup(text, "html.parser").select_one("meta[name=description]")
            # An unescaped quote would end the attribute early and leave stray ones behind.
            assert description is not None and set(description.attrs) == {"name", "content"}, (builder, page)
        assert generated > 100, builder


def test_the_last_pass_sanitises_what_a_builder_left(tmp_path: Path) -> None:
    """A builder without the plugin's sanitiser leaves HTML as Markdown made it: the pass cleans it."""
    hostile = '<p>ok</p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>'
    page = tmp_path / "events" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    outside = '<script src="assets/theme.js"></script>'
    page.write_text(f"<html><body>{outside}<!--tl:generated-->{hostile}<!--/tl:generated--></body></html>")
    mine = tmp_path / "about" / "index.html"
    mine.parent.mkdir(parents=True)
    mine.write_text(f"<html><body>{hostile}</body></html>")
    finished = finish_site(tmp_path)
    text = page.read_text(encoding="utf-8")
    assert "onerror" not in text and "javascript:" not in text and "<p>ok</p>" in text
    assert outside in text, "the theme's own markup is the builder's, not contributors'"
    assert mine.read_text(encoding="utf-8") == f"<html><body>{hostile}</body></html>", "hand-written pages are trusted"
    assert (finished.pages, finished.sanitised) == (2, 1)
    assert sanitize_html(hostile) in text


@pytest.fixture
def served(published: dict[str, Path]) -> Iterator[dict[str, str]]:
    servers, urls = [], {}
    for builder, site in published.items():
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        urls[builder] = f"http://127.0.0.1:{server.server_address[1]}/"
    yield urls
    for server in servers:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.browser
def test_every_builder_searches_alike(page: Any, served: dict[str, str]) -> None:
    from playwright.sync_api import expect

    found = {}
    for builder, url in served.items():
        page.goto(url + "timeline/")
        page.locator(".tl-search__input").press_sequentially("Gerasimov")
        expect(page.locator(".tl-search__panel")).to_have_attribute("aria-busy", "false", timeout=15000)
        found[builder] = page.locator(".tl-search__result a").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)"
        )
    assert found["mkdocs"], "the search finds something"
    assert found["properdocs"] == found["mkdocs"] and found["zensical"] == found["mkdocs"]
