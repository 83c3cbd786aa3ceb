"""The last pass over a built site, the same for every builder.

A builder that runs no MkDocs plugin (Zensical) leaves generated pages as the Markdown made
them; this pass gives every builder's site what the plugin's hooks give MkDocs': the HTML of
each generated page's content run through the allowlist sanitiser, none of the builder's own
search files, and the Pagefind index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..sanitize import sanitize_html
from .search import IndexReport, write_index

__all__ = ["BUILDER_SEARCH", "Finished", "finish_site", "sanitise_page"]

_GENERATED = re.compile(r"<!--tl:generated-->(.*?)<!--/tl:generated-->", re.DOTALL)
"""What overrides/partials/content.html puts around a generated page's content."""

BUILDER_SEARCH = ("search/search_index.json", "search.json")
"""The search indexes builders write of their own (Material's lunr, Zensical's): the site's is Pagefind's."""


@dataclass(frozen=True)
class Finished:
    """What the pass did."""

    pages: int
    sanitised: int
    index: IndexReport


def sanitise_page(html: str) -> str:
    """A built page with the content of each generated part run through the sanitiser."""
    return _GENERATED.sub(lambda m: "<!--tl:generated-->" + sanitize_html(m[1]) + "<!--/tl:generated-->", html)


def finish_site(site_dir: Path) -> Finished:
    """Sanitise every generated page of a built site, drop builders' own search files, write the index."""
    site_dir = Path(site_dir)
    pages = sanitised = 0
    for path in sorted(site_dir.rglob("*.html")):
        pages += 1
        text = path.read_text(encoding="utf-8")
        if "<!--tl:generated-->" not in text:
            continue
        cleaned = sanitise_page(text)
        sanitised += 1
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")
    for name in BUILDER_SEARCH:
        (site_dir / name).unlink(missing_ok=True)
    return Finished(pages, sanitised, write_index(site_dir))
