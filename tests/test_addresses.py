"""Every address the site hands out leads to a built file, with both settings of MkDocs'
``use_directory_urls``: the links of every page, redirects of former ids, and the addresses in
every data file (events.json, events.csv, events.ics, the feed)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.site.layout import DATA_FILES, GENERATED_DIRS

from conftest import copy_project, run

SITE_URL = "https://example.org/nk/"


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bool]:
    """The real content built with 3 events a page (so every kind of page exists), the site's
    address set (so data files hold absolute addresses), one way or the other."""
    directory_urls: bool = request.param
    project = copy_project(tmp_path_factory.mktemp("addresses"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "content_dir: content\n", "content_dir: content\n      page_size: 3\n"
    )
    if not directory_urls:
        text += "use_directory_urls: false\n"
    config.write_text(text, encoding="utf-8")
    # A renamed event keeps its former address (``aliases``), which must forward to the event.
    event = sorted((project / "content" / "events").rglob("*.yaml"))[-1]
    event.write_text(event.read_text(encoding="utf-8") + "aliases: [2025-04-an-older-name]\n", encoding="utf-8")
    run("mkdocs", "build", "--strict", cwd=project, env={"TIMELINE_SITE_URL": SITE_URL})
    return project / "site", directory_urls


def resolves(site: Path, address: str) -> bool:
    """True when an address (relative to the site's root, or absolute under SITE_URL) is a built file."""
    path = urlsplit(address).path
    if address.startswith(SITE_URL):
        path = address[len(SITE_URL) :].split("#")[0].split("?")[0]
    target = site / path
    return target.is_file() or (target / "index.html").is_file()


def page_addresses(site: Path) -> dict[str, list[str]]:
    """Each generated page's links and redirects, as addresses under SITE_URL."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.split("/")[0] not in GENERATED_DIRS:
            continue
        here = SITE_URL + relative
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        hrefs = [str(a["href"]) for a in html.select("a[href]")]
        hrefs += [str(link["href"]) for link in html.select("link[rel=alternate][href]")]
        refresh = html.select_one('meta[http-equiv="refresh"]')
        if refresh is not None:
            hrefs.append(str(refresh["content"]).split("url=", 1)[1])
        found[relative] = [urljoin(here, h) for h in hrefs if not h.startswith(("#", "mailto:"))]
    return found


def test_every_link_of_every_generated_page_leads_to_a_built_file(built: tuple[Path, bool]) -> None:
    site, _ = built
    pages = page_addresses(site)
    assert len(pages) > 50, "the paged site has event, listing, registry, status and source pages"
    broken = [
        f"{page}: {address}"
        for page, addresses in pages.items()
        for address in addresses
        if address.startswith(SITE_URL) and not resolves(site, address)
    ]
    assert broken == []


def test_former_ids_forward_to_the_event(built: tuple[Path, bool]) -> None:
    site, directory_urls = built
    redirects = {
        page: addresses[-1]
        for page, addresses in page_addresses(site).items()
        if 'http-equiv="refresh"' in (site / page).read_text(encoding="utf-8")
    }
    assert redirects, "the content keeps at least one former id"
    for page, target in redirects.items():
        assert resolves(site, target), (page, target)
        assert target.endswith(".html") is not directory_urls


def data_addresses(site: Path) -> dict[str, list[str]]:
    """Every address written in a data file."""
    events = json.loads((site / DATA_FILES["json"]).read_text(encoding="utf-8"))["events"]
    rows = csv.DictReader(io.StringIO((site / DATA_FILES["csv"]).read_text(encoding="utf-8")))
    ics = (site / DATA_FILES["ics"]).read_bytes().decode("utf-8").replace("\r\n ", "")
    feed = ET.fromstring((site / DATA_FILES["feed"]).read_text(encoding="utf-8"))
    return {
        "events.json": [e["url"] for e in events],
        "events.csv": [r["url"] for r in rows],
        "events.ics": re.findall(r"^URL:(\S+)\r$", ics, re.MULTILINE),
        "feed.xml": [str(link.get("href")) for link in feed.iter("{http://www.w3.org/2005/Atom}link")],
    }


def test_every_address_in_the_data_files_leads_to_a_built_file(built: tuple[Path, bool]) -> None:
    site, directory_urls = built
    addresses = data_addresses(site)
    events = len(json.loads((site / DATA_FILES["json"]).read_text(encoding="utf-8"))["events"])
    assert [len(addresses[name]) for name in ("events.json", "events.csv", "events.ics")] == [events] * 3
    assert len(addresses["feed.xml"]) == min(events, 50) + 2  # each entry, the feed itself and the site
    for name, found in addresses.items():
        assert all(a.startswith(SITE_URL) for a in found), name
        broken = [a for a in found if not resolves(site, a)]
        assert broken == [], f"{name} sends readers to addresses that do not exist"
    event_urls = addresses["events.json"]
    assert all(u.endswith(".html") is not directory_urls for u in event_urls)
