"""The built site in a real Chromium: what a reader sees and can do."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.validate import load_timeline

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI and was not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    context.close()
    assert errors == [], errors


def test_timeline_shows_every_event_with_its_status(page, site_url: str, built_site: Path) -> None:  # type: ignore[no-untyped-def]
    timeline, _ = load_timeline(built_site / "content", built_site)
    assert timeline is not None
    page.goto(site_url + "timeline/")
    cards = page.locator("[data-event-id]")
    assert cards.count() == len(timeline.events)
    for i, event in enumerate(timeline.events):
        card = cards.nth(i)
        assert card.get_attribute("data-event-id") == event.id
        status = card.locator(".tl-status")
        assert status.is_visible()
        assert status.inner_text().startswith(event.status.capitalize())
        assert card.locator(f"a[href='../events/{event.id}/']").is_visible()


def test_clicking_an_event_opens_its_page(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "timeline/")
    page.locator("[data-event-id='2025-04-28-kcna-admits-troop-deployment'] a").first.click()
    page.wait_for_url("**/events/2025-04-28-kcna-admits-troop-deployment/")
    assert page.locator("h1").inner_text().startswith("North Korea admits for the first time")
    callout = page.locator(".admonition").first
    assert (
        callout.is_visible()
        and "Claimed" in callout.inner_text()
        and "Korean Central News Agency" in callout.inner_text()
    )
    quote = page.locator("blockquote[lang='id']").first
    assert "Korea Utara mengakui untuk pertama kalinya" in quote.inner_text()
    edit = page.locator("a.md-content__button[href*='/edit/']")
    assert edit.get_attribute("href").endswith("content/events/2025/2025-04-28-kcna-admits-troop-deployment.yaml")


def test_search_finds_events_by_words_of_title_and_quote(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    found = "text => [...document.querySelectorAll('.md-search-result__item a')].some(a => a.href.includes(text))"
    page.goto(site_url)
    page.keyboard.press("/")  # Material's shortcut to focus the search box
    box = page.locator("input.md-search__input")
    # Material listens to key events, so type as a reader does rather than filling the box.
    box.press_sequentially("destroyer")
    page.wait_for_function(found, arg="events/2025-04-25-kim-attends-destroyer-launch/", timeout=15000)
    box.fill("")
    box.press_sequentially("kapal perusak")  # words of the Indonesian quote
    page.wait_for_function(found, arg="events/2025-04-25-kim-attends-destroyer-launch/", timeout=15000)
    box.fill("")
    box.press_sequentially("Kursk")
    page.wait_for_function(
        found, arg="events/2025-04-russia-claims-ukrainian-forces-expelled-from-kursk/", timeout=15000
    )


def test_a_phone_does_not_scroll_sideways(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        for path in ("", "timeline/", "events/2025-04-russia-claims-ukrainian-forces-expelled-from-kursk/", "sources/"):
            page.goto(site_url + path)
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, (path, overflow)
    finally:
        context.close()
