"""A real `mkdocs build --strict` of the real content, checked page by page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from generator.model import Timeline
from generator.site.layout import GENERATED_DIRS

from conftest import copy_project, run


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_event_has_its_page(built_site: Path, timeline: Timeline) -> None:
    for event in timeline.events:
        page = soup(built_site / "site" / "events" / event.id / "index.html")
        article = page.select_one("article")
        assert article is not None
        assert article.h1.get_text(strip=True).rstrip("¶") == event.title
        status = article.select_one(".tl-meta .tl-status")
        assert status is not None and status.get_text().startswith(event.status.capitalize())
        assert article.select_one(".tl-meta .tl-date").get_text() == event.display_date
        callout = page.select_one(".admonition-title").get_text()
        assert callout.startswith(event.status.capitalize()), callout
        if event.status == "claimed":
            assert callout.endswith("not independently verified"), callout
        if event.history:
            assert "since" in callout, callout  # how the status came to be
            said = article.select(".tl-history li")
            assert len(said) == len(event.history)
            for item, statement in zip(said, event.history, strict=True):
                assert item.select_one(".tl-stance").get_text() == statement.stance
                assert item.select_one(".tl-history__date").get_text() == statement.date.display()
                for actor in statement.by:
                    assert item.find("a", href=f"../../actors/{actor}/"), (event.id, actor)
        for claimant in event.claimed_by:
            assert article.find("a", href=f"../../actors/{claimant}/"), (event.id, claimant)
        for source in [s for s in event.all_sources if s.quote]:
            assert " ".join((source.quote or "").split()) in " ".join(article.get_text().split())
        for source in [s for s in event.sources if s.quote]:
            assert article.find("blockquote", attrs={"lang": source.language}) is not None
        for source, chain in zip([s for s in event.sources if s.via], article.select("ol.tl-chain"), strict=True):
            assert [li.get_text() for li in chain.select("li")] == [source.publisher, *source.via]


def test_descriptions_with_quotes_stay_inside_their_attribute(built_site: Path, timeline: Timeline) -> None:
    from generator.site.markup import excerpt

    event = next(e for e in timeline.events if '"' in excerpt(e.summary))
    page = soup(built_site / "site" / "events" / event.id / "index.html")
    metas = page.find_all("meta", attrs={"name": "description"})
    assert [m["content"] for m in metas] == [excerpt(event.summary)]


def test_edit_links_open_the_yaml_file(built_site: Path, timeline: Timeline) -> None:
    for event in timeline.events:
        page = soup(built_site / "site" / "events" / event.id / "index.html")
        edit = page.select_one("a.md-content__button[href*='/edit/']")
        assert edit is not None and edit["href"].endswith("/edit/main/" + event.path), event.id
    actor = soup(built_site / "site" / "actors" / "kcna" / "index.html")
    assert actor.select_one("a.md-content__button")["href"].endswith("/edit/main/content/actors.yaml")
    listing = soup(built_site / "site" / "timeline" / "index.html")
    assert listing.select_one("a.md-content__button[href*='/edit/']") is None, "no edit link to generated Markdown"


def test_the_timeline_lists_every_event_in_order(built_site: Path, timeline: Timeline) -> None:
    page = soup(built_site / "site" / "timeline" / "index.html")
    listed = page.select(".tl-event[data-event-id]")
    assert [e["data-event-id"] for e in listed] == [e.id for e in timeline.events]
    assert [e["data-date"] for e in listed] == [e.date.earliest.isoformat() for e in timeline.events]
    assert [e["data-date"] for e in listed] == sorted(e["data-date"] for e in listed)
    for element, event in zip(listed, timeline.events, strict=True):
        assert element.select_one(".tl-status").get_text().startswith(event.status.capitalize())
        assert element.select_one(".tl-date").get_text() == event.display_date
        assert element.find("a", href=f"../events/{event.id}/")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2, article h3")]
    assert headings[:2] == ["2023", "September 2023"] and "2025" in headings and "April 2025" in headings


def test_registry_pages_list_their_events(built_site: Path, timeline: Timeline) -> None:
    for kind, registry in (("actors", timeline.actors), ("places", timeline.places), ("tags", timeline.tags)):
        index = soup(built_site / "site" / kind / "index.html")
        for item_id, item in registry.items():
            assert index.find("a", href=f"{item_id}/"), (kind, item_id)
            page = soup(built_site / "site" / kind / item_id / "index.html")
            listed = [e["data-event-id"] for e in page.select("[data-event-id]")]
            expected = [
                e.id for e in timeline.events if item_id in (e.all_actors if kind == "actors" else getattr(e, kind))
            ]
            assert listed == expected, (kind, item_id)
            assert page.h1.get_text(strip=True).rstrip("¶") == item.name


def test_sources_page_groups_by_publisher(built_site: Path, timeline: Timeline) -> None:
    page = soup(built_site / "site" / "sources" / "index.html")
    publishers = sorted({s.publisher for e in timeline.events for s in e.all_sources}, key=str.casefold)
    assert [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")] == publishers
    cited = {a["href"] for a in page.select("article li a")}
    assert cited == {f"../events/{e.id}/" for e in timeline.events}
    assert "web address is not known" in page.get_text()


def test_hand_written_pages_and_home(built_site: Path, timeline: Timeline) -> None:
    for name in ("about", "methodology", "contribute"):
        assert (built_site / "site" / name / "index.html").exists()
    home = soup(built_site / "site" / "index.html")
    latest = [e["data-event-id"] for e in home.select("[data-event-id]")]
    assert latest == [e.id for e in reversed(timeline.events[-5:])]
    assert f"{len(timeline.events)} events" in home.get_text()
    nav = [a.get_text(strip=True) for a in home.select(".md-tabs__link")]
    assert nav[:6] == ["Home", "Timeline", "Actors", "Places", "Tags", "Sources"]


def test_event_pages_stay_out_of_the_navigation(built_site: Path, timeline: Timeline) -> None:
    home = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    nav = BeautifulSoup(home, "html.parser").select_one("nav.md-nav--primary")
    assert nav is not None
    assert not nav.select("a[href*='events/']")


def indexed_text(page: Path) -> str | None:
    """What search indexes of a page: its Pagefind body less what is marked to be ignored."""
    html = soup(page)
    body = html.select_one("[data-pagefind-body]")
    if body is None:
        return None
    for ignored in body.select("[data-pagefind-ignore]"):
        ignored.decompose()
    return " ".join(body.get_text(" ").split())


def test_search_indexes_each_event_on_its_own_page(built_site: Path, timeline: Timeline) -> None:
    site = built_site / "site"
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    texts = {p.relative_to(site).as_posix(): indexed_text(p) for p in site.rglob("*.html")}
    indexed = {k: v for k, v in texts.items() if v is not None}
    for language, count in entry["languages"].items():  # each edition's pages in its own index
        assert count["page_count"] == sum(k.startswith("id/") == (language == "id") for k in indexed), language
    for event in timeline.events:
        own = f"events/{event.id}/index.html"
        assert event.title in (indexed.get(own) or ""), own
        assert soup(site / own).select_one("[data-pagefind-body]")["data-pagefind-weight"] == "2"
        # Listings (timeline, registries, statuses, sources, related, previous and next) stay out of
        # the index, so each event is found on its own page only.
        elsewhere = [
            k for k, v in indexed.items() if event.title in v and k != own and k.split("/")[0] in GENERATED_DIRS
        ]
        assert elsewhere == [], (event.id, elsewhere)
    assert not any(k.startswith("_generated") for k in texts)
    assert not (site / "search" / "search_index.json").exists(), "Material's own search is off"
    meta = soup(site / f"events/{timeline.events[0].id}/index.html")
    filters = {m["data-pagefind-filter"] for m in meta.select("meta[data-pagefind-filter]")}
    assert {"status[content]", "year[content]"} <= filters


def test_the_site_is_offline(built_site: Path) -> None:
    for page in (built_site / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page


def test_hand_written_files_survive_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "timeline" / "events").mkdir()
    mine = project / "timeline" / "events" / "editors-note.md"
    mine.write_text("# Editor's note\n\nWritten by hand.\n", encoding="utf-8")
    run("mkdocs", "build", "--strict", cwd=project)
    run("mkdocs", "build", "--strict", cwd=project)
    assert mine.read_text(encoding="utf-8") == "# Editor's note\n\nWritten by hand.\n"
    assert (project / "site" / "events" / "editors-note" / "index.html").exists()
    assert (project / "timeline" / "about.md").exists()


def test_bad_content_fails_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    run("mkdocs", "build", "--strict", cwd=project)
    before = (project / "site" / "index.html").read_text(encoding="utf-8")
    event = next((project / "content").rglob("2025-04-25-kim-attends-destroyer-launch.yaml"))
    event.write_text(event.read_text(encoding="utf-8").replace("tags: [", "tags: [nukes, "), encoding="utf-8")
    result = run("mkdocs", "build", "--strict", cwd=project, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "content/events/2025/2025-04-25-kim-attends-destroyer-launch.yaml:12:8: tags[0]: unknown tag 'nukes'"
        in result.stderr
    )
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == before


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    run("properdocs", "build", "-f", "mkdocs.yml", cwd=project)
    for path in (
        "timeline/index.html",
        "sources/index.html",
        "events/2025-04-28-kcna-admits-troop-deployment/index.html",
    ):
        assert (project / "site" / path).exists(), path


def test_removed_events_disappear(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    run("mkdocs", "build", "--strict", cwd=project)
    target = next((project / "content").rglob("2025-04-zelenskiy-meets-trump-in-rome.yaml"))
    target.unlink()
    other = next((project / "content").rglob("2025-04-trump-says-russia-and-ukraine-very-close-to-a-deal.yaml"))
    other.write_text(
        other.read_text(encoding="utf-8").replace("related: [2025-04-zelenskiy-meets-trump-in-rome]\n", ""),
        encoding="utf-8",
    )
    run("mkdocs", "build", "--strict", cwd=project)
    assert not (project / "timeline" / "events" / "2025-04-zelenskiy-meets-trump-in-rome.md").exists()
    assert not (project / "site" / "events" / "2025-04-zelenskiy-meets-trump-in-rome").exists()
    shutil.rmtree(project / "site")


def test_the_contributing_guide_is_on_the_site(built_site: Path) -> None:
    page = soup(built_site / "site" / "contribute" / "index.html")
    steps = [li.find("strong").get_text() for li in page.select("article ol > li")]
    assert steps == ["Set up once.", "Make the file.", "Fill it in.", "Check it.", "Open a pull request."]
    assert "What the messages mean" in page.get_text()
