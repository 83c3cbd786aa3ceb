"""The built site in a real Chromium (pytest-playwright): what a reader sees and can do."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from generator.knowledge import status_on
from generator.model import Timeline

from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
KEY_PAGES = {
    "home": "",
    "timeline": "timeline/",
    "event": "events/2025-04-russia-claims-ukrainian-forces-expelled-from-kursk/",
    "actor": "actors/kim-jong-un/",
    "sources": "sources/",
    # What was said, and when: the deployment's long history, and an actor whose denial was overturned.
    "history": "events/2024-23-north-korea-sends-troops-to-russia/",
    "said": "actors/dmitry-peskov/",
    # The search box with its results open.
    "search": "timeline/",
    # The Indonesian edition.
    "id-home": "id/",
    "id-timeline": "id/timeline/",
    "id-history": "id/events/2024-23-north-korea-sends-troops-to-russia/",
}


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def reader(page: Page) -> Iterator[Page]:
    """A page that fails the test on a console error or on any request to a host but localhost."""
    errors: list[str] = []
    outside: list[str] = []

    def guard(route: Any) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield page
    assert outside == [], f"requests to other hosts: {outside}"
    assert errors == [], errors


def test_the_timeline_lists_every_event_in_order(reader: Page, site_url: str, timeline: Timeline) -> None:
    reader.goto(site_url + "timeline/")
    cards = reader.locator(".tl-rail [data-event-id]")
    expect(cards).to_have_count(len(timeline.events))
    assert cards.evaluate_all("cards => cards.map(c => c.dataset.eventId)") == [e.id for e in timeline.events]
    dates = cards.evaluate_all("cards => cards.map(c => c.dataset.date)")
    assert dates == sorted(dates)
    for card, event in zip(cards.all(), timeline.events, strict=True):
        expect(card.locator(".tl-status")).to_contain_text(event.status.capitalize())
        expect(card.locator(".tl-span__bar")).to_be_visible()


def test_filters_live_in_the_url_and_work_with_the_keyboard(reader: Page, site_url: str, timeline: Timeline) -> None:
    reader.goto(site_url + "timeline/?actor=kim-jong-un&status=claimed")
    expected = [e.id for e in timeline.events if e.status == "claimed" and "kim-jong-un" in e.all_actors]
    shown = reader.locator(".tl-rail [data-event-id]:visible")
    expect(shown).to_have_count(len(expected))
    assert shown.evaluate_all("cards => cards.map(c => c.dataset.eventId)") == expected
    expect(reader.locator(".tl-filters__count")).to_have_text(
        f"Showing {len(expected)} of {len(timeline.events)} events"
    )
    # Keyboard only: the reset button, then the status filter.
    reader.locator(".tl-filters button[type=reset]").focus()
    reader.keyboard.press("Enter")
    expect(reader.locator(".tl-filters__count")).to_have_text(f"Showing all {len(timeline.events)} events")
    assert reader.url == site_url + "timeline/"
    reader.locator("select[name=status]").focus()
    reader.keyboard.press("ArrowDown")  # the first status after "All"
    first_status = next(
        s for s in ("confirmed", "reported", "claimed", "disputed") if any(e.status == s for e in timeline.events)
    )
    expect(reader).to_have_url(site_url + f"timeline/?status={first_status}")
    expect(shown).to_have_count(sum(e.status == first_status for e in timeline.events))
    reader.select_option("select[name=place]", "kursk-oblast")
    expect(reader).to_have_url(site_url + f"timeline/?place=kursk-oblast&status={first_status}")
    # A year or month with no event shown loses its heading.
    for heading in reader.locator(".tl-rail h2:visible, .tl-rail h3:visible").all():
        assert heading.evaluate(
            "h => { for (let n = h.nextElementSibling; n && !(n.tagName === 'H2' || (h.tagName === 'H3' && n.tagName === 'H3')); n = n.nextElementSibling) if (n.dataset.eventId && !n.hidden) return true; return false; }"
        )


@pytest.mark.parametrize("day", ["2023-09-01", "2024-10-11", "2024-10-19", "2024-10-29", "2025-04-27", "2025-07-31"])
def test_the_timeline_as_it_was_known_on_a_day(reader: Page, site_url: str, timeline: Timeline, day: str) -> None:
    on = dt.date.fromisoformat(day)
    expected = {e.id: status_on(e, on) for e in timeline.events if status_on(e, on) is not None}
    reader.goto(site_url + f"timeline/?as-of={day}")
    shown = reader.locator(".tl-rail [data-event-id]:visible")
    expect(shown).to_have_count(len(expected))
    cards = shown.evaluate_all(
        "cards => cards.map(c => [c.dataset.eventId, c.dataset.status, c.querySelector('.tl-status').textContent])"
    )
    titles = {"confirmed": "Confirmed", "reported": "Reported", "claimed": "Claimed", "disputed": "Disputed"}
    assert [(i, s) for i, s, _ in cards] == list(expected.items())
    assert all(badge == titles[s] for _, s, badge in cards), "the badge says the status of that day, in words"
    said = f"{on.day} {on.strftime('%B %Y')}"
    count = reader.locator(".tl-filters__count")
    expect(count).to_contain_text(said)
    assert reader.locator("input[name=as-of]").input_value() == day


def test_the_as_of_day_is_set_with_the_date_control_and_combines_with_filters(
    reader: Page, site_url: str, timeline: Timeline
) -> None:
    reader.goto(site_url + "timeline/")
    control = reader.locator("input[name=as-of]")
    control.fill("2024-10-21")
    control.dispatch_event("change")
    expect(reader).to_have_url(site_url + "timeline/?as-of=2024-10-21")
    on = dt.date(2024, 10, 21)
    reader.select_option("select[name=status]", "disputed")
    expect(reader).to_have_url(site_url + "timeline/?status=disputed&as-of=2024-10-21")
    expected = [e.id for e in timeline.events if status_on(e, on) == "disputed"]
    assert expected, "the deployment was denied by then"
    shown = reader.locator(".tl-rail [data-event-id]:visible")
    expect(shown).to_have_count(len(expected))
    assert shown.evaluate_all("cards => cards.map(c => c.dataset.eventId)") == expected
    # Clearing the day shows the timeline as it stands today, with today's statuses.
    control.fill("")
    control.dispatch_event("change")
    expect(reader).to_have_url(site_url + "timeline/?status=disputed")
    expect(shown).to_have_count(sum(e.status == "disputed" for e in timeline.events))


def test_the_overview_places_each_event_at_its_date(reader: Page, site_url: str, timeline: Timeline) -> None:
    reader.goto(site_url + "timeline/")
    marks = reader.locator(".tl-ov a[data-event-id]")
    expect(marks).to_have_count(len(timeline.events))
    found = marks.evaluate_all(
        "marks => marks.map(m => { const s = m.querySelector('.tl-ov__shape').getBoundingClientRect();"
        " return [m.dataset.date, m.querySelector('circle.tl-ov__shape') ? s.left + s.width / 2 : s.left]; })"
    )
    days = sorted((dt.date.fromisoformat(day), x) for day, x in found)
    xs = [x for _, x in days]
    assert xs == sorted(xs), "later events stand further right"
    # In proportion to time: the same number of pixels a day everywhere on the axis.
    (d0, x0), (d1, x1) = days[0], days[-1]
    per_day = (x1 - x0) / (d1 - d0).days
    for day, x in days:
        assert abs(x0 + per_day * (day - d0).days - x) < 1.0, day
    # A mark is a link to its event, reached with the keyboard.
    first = marks.first
    target = first.get_attribute("data-event-id")
    first.focus()
    expect(first).to_be_focused()
    reader.keyboard.press("Enter")
    reader.wait_for_url(f"**/events/{target}/")


def test_the_overview_dims_what_the_filters_and_the_as_of_day_leave_out(
    reader: Page, site_url: str, timeline: Timeline
) -> None:
    reader.goto(site_url + "timeline/?as-of=2024-10-19&status=claimed")
    on = dt.date(2024, 10, 19)
    shown = {e.id for e in timeline.events if status_on(e, on) == "claimed"}
    dimmed = reader.locator(".tl-ov a[data-event-id].tl-ov__mark--left-out").evaluate_all(
        "marks => marks.map(m => m.dataset.eventId)"
    )
    assert shown and set(dimmed) == {e.id for e in timeline.events} - shown
    reader.locator(".tl-filters button[type=reset]").click()
    expect(reader.locator(".tl-ov .tl-ov__mark--left-out")).to_have_count(0)


def test_the_overview_scrolls_in_its_box_on_a_phone(reader: Page, site_url: str) -> None:
    reader.set_viewport_size({"width": 360, "height": 800})
    reader.goto(site_url + "timeline/")
    box = reader.locator(".tl-overview")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "the graphic keeps its size and scrolls"
    assert reader.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_without_javascript_every_event_and_facet_is_there(browser: Any, site_url: str, timeline: Timeline) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "timeline/?status=claimed")
        expect(page.locator(".tl-rail [data-event-id]:visible")).to_have_count(len(timeline.events))
        expect(page.locator("form.tl-filters")).to_be_hidden()
        marks = page.locator(".tl-ov a[data-event-id]")
        expect(marks).to_have_count(len(timeline.events))  # the overview needs no script
        expect(marks.first).to_be_visible()
        for facet in ("actors", "places", "tags", "statuses"):
            expect(page.locator(f".tl-facets a[href='../{facet}/']")).to_be_visible()
        page.goto(site_url + "statuses/claimed/")
        expect(page.locator("[data-event-id]")).to_have_count(sum(e.status == "claimed" for e in timeline.events))
    finally:
        context.close()


def _search(page: Page, query: str) -> None:
    """Type a query into the header's search box (on a phone, its button opens it first)."""
    box = page.locator(".tl-search__input")
    if not box.is_visible():
        page.locator(".tl-search__submit").click()
    box.fill("")
    box.press_sequentially(query)


def _results(page: Page) -> Any:
    """The results, once the search under way has shown them."""
    expect(page.locator(".tl-search__panel")).to_have_attribute("aria-busy", "false", timeout=15000)
    results = page.locator(".tl-search__result")
    expect(results.first).to_be_visible()
    return results


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ("Kursk", "events/2025-04-russia-claims-ukrainian-forces-expelled-from-kursk/"),
        ("Kim Jong-un", "actors/kim-jong-un/"),  # an alias
        ("Kim Jong Un", "events/2023-09-10-kim-leaves-pyongyang-for-russia/"),
        ("kapal perusak", "events/2025-04-25-kim-attends-destroyer-launch/"),  # words of a quote
    ],
)
def test_search(reader: Page, site_url: str, query: str, finds: str) -> None:
    reader.goto(site_url)
    _search(reader, query)
    hrefs = _results(reader).locator("a").evaluate_all("links => links.map(a => a.href)")
    assert any(urlsplit(h).path.endswith("/" + finds) for h in hrefs), hrefs


def test_search_results_show_title_date_status_and_the_words_found(reader: Page, site_url: str) -> None:
    reader.goto(site_url + KEY_PAGES["event"])
    _search(reader, "Gerasimov")
    _results(reader)
    first = reader.locator(".tl-search__result:has(.tl-search__meta)").first  # an event (an actor page has no date)
    expect(first.locator(".tl-search__title")).not_to_be_empty()
    expect(first.locator(".tl-search__meta .tl-date")).not_to_be_empty()
    expect(first.locator(".tl-search__meta .tl-status")).to_have_text(
        re.compile(r"Confirmed|Reported|Claimed|Disputed")
    )
    expect(first.locator(".tl-search__excerpt mark").first).to_have_text(re.compile("Gerasimov", re.IGNORECASE))
    expect(reader.locator(".tl-search__summary")).to_contain_text("for “Gerasimov”")


def test_search_filters_and_order(reader: Page, site_url: str, timeline: Timeline) -> None:
    reader.goto(site_url)
    _search(reader, "North Korea")
    _results(reader)
    reader.select_option(".tl-search__filters select[name=status]", "Disputed")
    _results(reader)
    statuses = reader.locator(".tl-search__result .tl-status").all_text_contents()
    assert statuses and set(statuses) == {"Disputed"}
    reader.select_option(".tl-search__filters select[name=status]", "")
    reader.select_option(".tl-search__filters select[name=year]", "2023")
    _results(reader)
    dates = reader.locator(".tl-search__result .tl-date").all_text_contents()
    assert dates and all("2023" in d for d in dates), dates
    reader.select_option(".tl-search__filters select[name=year]", "")
    reader.select_option(".tl-search__filters select[name=sort]", "desc")
    _results(reader)
    titles = reader.locator(".tl-search__result .tl-search__title").all_text_contents()
    by_title = {e.title: e for e in timeline.events}
    days = [by_title[t].date.earliest for t in titles if t in by_title]
    assert len(days) >= 5 and days == sorted(days, reverse=True), titles


def test_search_with_the_keyboard(reader: Page, site_url: str) -> None:
    reader.goto(site_url)
    _search(reader, "Kursk")
    results = _results(reader)
    reader.keyboard.press("ArrowDown")
    expect(results.nth(0).locator("a")).to_be_focused()
    reader.keyboard.press("ArrowDown")
    expect(results.nth(1).locator("a")).to_be_focused()
    reader.keyboard.press("Escape")
    expect(reader.locator(".tl-search__panel")).to_be_hidden()
    expect(reader.locator(".tl-search__input")).to_be_focused()


def test_without_javascript_search_says_how_to_find_events(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    page.locator(".tl-search__input").fill("Kursk")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=Kursk")
    fallback = page.locator(".tl-search__fallback")
    expect(fallback).to_contain_text("Search needs JavaScript")
    expect(fallback.locator("a", has_text="timeline in order")).to_be_visible()
    context.close()


def test_an_event_page_shows_status_and_provenance(reader: Page, site_url: str) -> None:
    reader.goto(site_url + KEY_PAGES["event"])
    callout = reader.locator(".admonition").first
    expect(callout).to_contain_text("Disputed since 26 April 2025, when Armed Forces of Ukraine denied it")
    expect(reader.locator(".tl-history li")).to_have_count(4)
    chain = reader.locator("ol.tl-chain li")
    expect(chain).to_have_text(["Bisnis.com", "Bloomberg"])
    expect(reader.locator("blockquote[lang='id']")).to_contain_text("Klaim Moskow tidak dapat diverifikasi")
    expect(reader.locator("p.tl-translation[lang='en']")).to_contain_text("Moscow's claim could not be")
    edit = reader.locator("a.md-content__button[href*='/edit/']")
    assert (edit.get_attribute("href") or "").endswith(
        "content/events/2025/2025-04-russia-claims-ukrainian-forces-expelled-from-kursk.yaml"
    )
    reader.locator("a", has_text="All events in order").click()
    reader.wait_for_url("**/timeline/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_key_pages_pass_axe_fit_a_phone_and_are_saved(
    reader: Page, site_url: str, name: str, width: int, scheme: Literal["light", "dark"]
) -> None:
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core is required in CI: npm ci")
        pytest.skip("axe-core not installed (npm ci)")
    reader.emulate_media(color_scheme=scheme)
    reader.set_viewport_size({"width": width, "height": 900})
    reader.goto(site_url + KEY_PAGES[name])
    if name == "search":
        _search(reader, "North Korea")  # axe runs with the results open
        _results(reader)
    assert reader.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "sideways scroll"
    reader.add_script_tag(path=str(AXE))
    violations = reader.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    assert violations == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    reader.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=width == 360)


def test_the_language_switcher_leads_to_the_same_page_in_the_other_edition(reader: Page, site_url: str) -> None:
    event = "events/2024-23-north-korea-sends-troops-to-russia/"
    reader.goto(site_url + event)
    title = reader.locator("h1").inner_text()
    reader.locator(".md-header .md-select button").hover()
    reader.locator("a.md-select__link[hreflang=id]").click()
    expect(reader).to_have_url(site_url + "id/" + event)
    expect(reader.locator("html")).to_have_attribute("lang", "id")
    assert reader.locator("h1").inner_text() not in ("", title)
    expect(reader.locator(".tl-meta .tl-status")).to_have_text(re.compile("Terkonfirmasi"))
    reader.locator(".md-header .md-select button").hover()
    reader.locator("a.md-select__link[hreflang=en]").click()
    expect(reader).to_have_url(site_url + event)
    expect(reader.locator("h1")).to_have_text(title)


def test_the_indonesian_timeline_filters_and_speaks_indonesian(reader: Page, site_url: str, timeline: Timeline) -> None:
    reader.goto(site_url + "id/timeline/?status=disputed")
    disputed = sum(e.status == "disputed" for e in timeline.events)
    expect(reader.locator(".tl-rail [data-event-id]:visible")).to_have_count(disputed)
    expect(reader.locator(".tl-filters__count")).to_have_text(
        f"Menampilkan {disputed} dari {len(timeline.events)} peristiwa"
    )
    expect(reader.locator(".tl-rail .tl-event:visible .tl-status").first).to_have_text(re.compile("^Dibantah"))


def test_search_on_an_indonesian_page_finds_indonesian_pages(reader: Page, site_url: str) -> None:
    reader.goto(site_url + "id/")
    _search(reader, "rudal")
    hrefs = _results(reader).locator("a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(urlsplit(h).path.startswith("/id/") for h in hrefs), hrefs
    assert any("/id/events/2024-02-07-north-korean-missiles-strike-kharkiv/" in h for h in hrefs), hrefs
    expect(reader.locator(".tl-search__summary")).to_contain_text("untuk “rudal”")
    reader.goto(site_url)
    _search(reader, "Kharkiv")
    english = _results(reader).locator("a").evaluate_all("links => links.map(a => a.href)")
    assert english and not any(urlsplit(h).path.startswith("/id/") for h in english), english
