"""Long listings split into pages: the timeline by year and month, actors, places, tags,
statuses and sources in numbered pages. Built with a page size of 3 so the real content
(13 events) takes every path a 10,000-event timeline takes."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.model import Timeline
from generator.site import render_site

from conftest import copy_project, run

SIZE = 3


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("paged"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("content_dir: content\n", f"content_dir: content\n      page_size: {SIZE}\n"))
    result = run("mkdocs", "build", "--strict", cwd=project)
    assert "WARNING" not in result.stderr, result.stderr
    return project


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def card_ids(page: BeautifulSoup) -> list[str]:
    return [str(card["data-event-id"]) for card in page.select(".tl-event[data-event-id]")]


def walk(site: Path, start: str) -> list[str]:
    """The URLs reached from ``start`` by following 'next' links."""
    urls, url = [start], start
    while True:
        link = html(site, url).select_one(".tl-pager__next a")
        if link is None:
            return urls
        url = _join(url, str(link["href"]))
        assert url not in urls, f"the pages loop back to {url}"
        urls.append(url)


def _join(url: str, href: str) -> str:
    parts = [p for p in url.strip("/").split("/") if p]
    for piece in href.strip("/").split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def test_the_timeline_reads_in_order_across_its_parts(paged_site: Path, timeline: Timeline) -> None:
    overview = html(paged_site, "timeline")
    assert not overview.select(".tl-event"), "the index of a split timeline lists parts, not events"
    years = {a.get_text() for a in overview.select("article table a")}
    assert {str(e.date.earliest.year) for e in timeline.events} <= years
    first = overview.select_one("article p a[href$='2023/']")
    assert first is not None, "the overview links to the first part"
    parts = walk(paged_site, "timeline/2023")
    seen: list[str] = []
    for url in parts:
        page = html(paged_site, url)
        ids = card_ids(page)
        assert len(ids) <= SIZE, url
        seen += ids
        assert page.select_one("nav.tl-pager .tl-pager__here").get_text()
    assert seen == [e.id for e in timeline.events], "every event once, in timeline order"
    assert "timeline/2025/04/page/2" in parts, "a month with more events than a page is paged"
    year = html(paged_site, "timeline/2025")
    in_2025 = sum(1 for e in timeline.events if e.date.earliest.year == 2025)
    assert year.select_one(".tl-pager__here").get_text().startswith(f"2025: {in_2025} events of")
    months = sorted({(e.date.earliest.month, e.date.earliest.strftime("%B %Y")) for e in timeline.events
                     if e.date.earliest.year == 2025 and e.date.precision != "year"})  # fmt: skip
    assert [a.get_text() for a in year.select("article p a") if "2025" in a.get_text()] == [m for _, m in months]
    # Following 'previous' from the last part leads back the same way.
    last = html(paged_site, parts[-1])
    assert last.select_one(".tl-pager__next") is None
    assert _join(parts[-1], str(last.select_one(".tl-pager__previous a")["href"])) == parts[-2]


def test_every_listing_page_is_short_and_the_pages_cover_the_list(paged_site: Path, timeline: Timeline) -> None:
    actors: Counter[str] = Counter()
    for event in timeline.events:
        actors.update(set(event.actors) | set(event.claimed_by) | set(event.disputed_by))
    busiest, count = actors.most_common(1)[0]
    assert count > SIZE
    urls = walk(paged_site, f"actors/{busiest}")
    assert len(urls) == -(-count // SIZE)
    ids = [i for url in urls for i in card_ids(html(paged_site, url))]
    assert len(ids) == len(set(ids)) == count
    by_id = {e.id: e for e in timeline.events}
    assert all(busiest in (*by_id[i].actors, *by_id[i].claimed_by, *by_id[i].disputed_by) for i in ids)
    statuses = Counter(e.status for e in timeline.events)
    status, n = statuses.most_common(1)[0]
    assert sum(len(card_ids(html(paged_site, u))) for u in walk(paged_site, f"statuses/{status}")) == n


def test_sources_split_by_publisher(paged_site: Path, timeline: Timeline) -> None:
    index = html(paged_site, "sources")
    rows = index.select("article table tbody tr")
    publishers = {s.publisher for e in timeline.events for s in e.all_sources}
    assert len(rows) == len(publishers)
    citations = sum(len({(s.publisher, s.title, s.published, s.url) for s in e.all_sources}) for e in timeline.events)
    listed = 0
    for row in rows:
        href = str(row.select_one("a")["href"])
        for url in walk(paged_site, _join("sources", href)):
            listed += len(html(paged_site, url).select("article section.tl-listing li"))
    assert listed == citations


def searched(site: Path) -> set[str]:
    """The pages search indexes: those whose content is marked as Pagefind's body."""
    return {
        page.parent.relative_to(site).as_posix() + "/"
        for page in site.rglob("index.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    }


def test_later_pages_and_timeline_parts_stay_out_of_search(paged_site: Path, timeline: Timeline) -> None:
    site = paged_site / "site"
    locations = searched(site)
    # Sources stay searchable by their titles; later pages of lists of events do not.
    later = [loc for loc in locations if re.search(r"/page/\d+/$", loc) and not re.match(r"(\w+/)?sources/", loc)]
    assert not later, "a later page of a list of events is in search"
    assert not any(re.match(r"timeline/\d{4}/", loc) for loc in locations), "a timeline part is in search"
    assert all(f"events/{e.id}/" in locations for e in timeline.events)
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language, count in entry["languages"].items():
        mine = [loc for loc in locations if loc.startswith("id/") == (language == "id")]
        assert count["page_count"] == len(mine), f"Pagefind indexed exactly those pages ({language})"
    # Pagers and listings are left out of what is indexed on a page.
    for loc in locations:
        page = BeautifulSoup((site / loc / "index.html").read_text(encoding="utf-8"), "html.parser")
        body = page.select_one("[data-pagefind-body]")
        for pager in body.select("nav.tl-pager, [data-event-id]"):
            assert pager.find_parent(attrs={"data-pagefind-ignore": True}) is not None, loc


def test_event_pages_link_to_their_part(paged_site: Path, timeline: Timeline) -> None:
    event = timeline.events[-1]
    page = html(paged_site, f"events/{event.id}")
    link = next(a for a in page.select("article a") if a.get_text().endswith("on the timeline"))
    part = _join(f"events/{event.id}", str(link["href"]))
    assert event.id in card_ids(html(paged_site, part))


def test_a_short_timeline_stays_on_one_page(timeline: Timeline) -> None:
    pages = render_site(timeline)
    assert not any(p.startswith("timeline/") and p != "timeline/index.md" for p in pages)
    assert pages["timeline/index.md"].count('<div class="tl-event ') == len(timeline.events)


def test_the_page_size_is_a_build_option(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    run("timeline", "build", "--page-size", "4", cwd=project)
    assert (project / "timeline" / "timeline" / "2025.md").exists()
    bad = run("timeline", "build", "--page-size", "0", cwd=project, check=False)
    assert bad.returncode == 2 and "at least 1" in bad.stderr


def broken_links(site: Path) -> list[str]:
    """Every relative link in the built site whose target does not exist."""
    broken = []
    for page in site.rglob("*.html"):
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            href = str(a["href"]).split("#")[0].split("?")[0]
            if not href or "://" in href or href.startswith(("mailto:", "/")):
                continue
            target = (page.parent / href).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)}: {a['href']}")
    return broken


def test_every_link_of_the_paged_site_leads_somewhere(paged_site: Path) -> None:
    assert broken_links(paged_site / "site") == []


def test_links_written_in_html_follow_use_directory_urls(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "content_dir: content\n", "content_dir: content\n      page_size: 3\n"
    )
    config.write_text(text + "use_directory_urls: false\n", encoding="utf-8")
    run("mkdocs", "build", "--strict", cwd=project)
    site = project / "site"
    assert (site / "timeline" / "2025" / "04.html").is_file()
    cards = BeautifulSoup((site / "timeline" / "2025" / "04.html").read_text(encoding="utf-8"), "html.parser")
    assert str(cards.select_one(".tl-event__title a")["href"]).startswith("../../events/")
    assert broken_links(site) == []
