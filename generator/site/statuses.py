"""Status pages: how sure anyone is, with a page of events for each status, so that every
facet of the timeline has a page that works without JavaScript."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import STATUSES, Event
from .context import Site
from .markup import render_page
from .paging import Pager, numbered_pages, numbered_title

__all__ = ["status_pages"]


def _index(site: Site, counts: tuple[tuple[str, int], ...]) -> str:
    meta = {"title": site.t("pages.statuses"), "description": site.t("pages.statuses_description")}
    return render_page("statuses_index.md.j2", meta, site=site, page=site.layout.statuses, counts=dict(counts))


def _status(
    site: Site, status: str, path: str, k: int, events: tuple[Event, ...], total: int, pager: Pager | None
) -> str:
    title = site.t("pages.status_title", status=site.words.status_title(status))
    meta: dict[str, Any] = {
        "title": numbered_title(title, k, site.words),
        "description": site.t("pages.status_description", meaning=site.words.meaning(status)),
    }
    if k > 0:
        meta["search"] = {"exclude": True}
    return render_page(
        "status.md.j2", meta, site=site, page=path, status=status, events=events, total=total, first=k == 0,
        pager=pager,
    )  # fmt: skip


def status_pages(site: Site, events: Sequence[Event]) -> dict[str, str]:
    """The statuses' index and each status's pages of events."""
    memo, layout = site.memo, site.layout
    counts = tuple((s, sum(1 for e in events if e.status == s)) for s in STATUSES)
    pages = {layout.statuses: memo.call(_index, site, counts)}
    for status in STATUSES:
        chosen = [e for e in events if e.status == status]
        title = site.t("pages.status_title", status=site.words.status_title(status))
        listing = numbered_pages(layout.status(status), chosen, site.page_size, title, site.words)
        for k, (path, chunk, pager) in enumerate(listing):
            pages[path] = memo.call(_status, site, status, path, k, chunk, len(chosen), pager)
    return pages
