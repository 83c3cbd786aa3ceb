"""The site: the model → ``{docs path: Markdown}`` for every page, by family.

``layout`` decides every path and address; ``context`` holds what all pages share
(``Site``); ``paging`` the named values of long lists; then one module per family of pages:
``events``, ``timeline``, ``registries``, ``statuses``, ``sources``, ``home``, and
``jsonld`` for event pages' metadata. Links in Markdown go to ``.md`` docs paths, so the
builder checks each one (``--strict`` fails on a broken link).
"""

from __future__ import annotations

from ..memo import Memo
from ..model import Timeline
from .context import Site, make_site
from .events import event_pages, neighbours
from .home import LATEST, latest_partial
from .layout import Layout
from .paging import PAGE_SIZE, plan_timeline
from .registries import events_by_entry, registry_pages, statements_by_actor
from .sources import sources_pages
from .statuses import status_pages
from .timeline import timeline_pages
from .words import words_for

__all__ = ["PAGE_SIZE", "render_site"]


def render_site(
    timeline: Timeline,
    page_size: int = PAGE_SIZE,
    memo: Memo | None = None,
    layout: Layout | None = None,
    lanes: str = "status",
) -> dict[str, str]:
    """Every generated page of the site, as ``{docs path: Markdown}``; listings hold ``page_size`` events a page.
    The English pages, then each of ``timeline.languages``' edition, under ``<language>/``.

    Pages and cards made from the same values in an earlier generation are taken from ``memo``."""
    memo = memo if memo is not None else Memo()
    layout = layout or Layout()
    pages: dict[str, str] = {}
    for language in ("en", *timeline.languages):
        site = make_site(timeline, layout.twin(language), page_size, memo, words_for(language), lanes)
        pages.update(_edition(timeline, site))
    return pages


def _edition(timeline: Timeline, site: Site) -> dict[str, str]:
    """The pages of one edition: ``site`` says its language and where its pages go."""
    memo, layout = site.memo, site.layout
    events = timeline.events
    plan = plan_timeline(events, site.page_size, layout, site.words)
    part_of = {e.id: part.link for part in plan.parts for e in part.events}
    pages: dict[str, str] = {}
    for event, around in zip(events, neighbours(events, part_of), strict=True):
        pages.update(memo.call(event_pages, site, event, around))
    pages.update(timeline_pages(site, plan, events))
    pages.update(status_pages(site, events))
    named, said = events_by_entry(events), statements_by_actor(events)
    for kind in ("actors", "places", "tags"):
        pages.update(registry_pages(site, kind, named, said))
    sources, source_count = sources_pages(site, events)
    pages.update(sources)
    latest = tuple(reversed(events[-LATEST:]))
    pages[layout.latest] = memo.call(latest_partial, site, latest, len(events), source_count)
    return pages
