"""The second wall: an allowlist sanitiser for the HTML of generated pages.

Validation already refuses HTML, script links and invisible characters in content, so
this should find nothing to remove. It is here for what validation might miss: any
element or attribute that our own templates and MkDocs' Markdown do not produce is
dropped, and links keep only http, https and relative addresses.
"""

from __future__ import annotations

import nh3

__all__ = ["sanitize_html"]

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "button", "cite", "code", "del", "details", "div", "em", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "input", "ins", "label", "li", "nav", "ol", "option", "p", "pre", "q",
    "section", "select",
    "small",
    "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
# The overview graphic: inline SVG the generator draws (site/overview.py).
_SVG = {"svg", "g", "rect", "circle", "line", "text", "title", "defs", "linearGradient", "stop"}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "hidden", "role", "aria-label", "aria-live", "aria-current"},
    "select": {"name"},
    "input": {"type", "name", "min", "max", "value"},
    "form": {"data-words"},
    "option": {"value"},
    "button": {"type"},
    "a": {
        "href",
        "rel",
        "data-date",
        "data-event-id",
        "data-status",
        "data-known",
        "data-from",
        "data-to",
        "data-steps",
        "data-actors",
        "data-places",
        "data-tags",
        "data-count",
        "data-lane",
    },
    "div": {
        "data-pagefind-ignore",
        "data-event-id",
        "data-date",
        "data-status",
        "data-actors",
        "data-places",
        "data-tags",
        "data-known",
        "data-steps",
    },
    # Search (Pagefind) skips what is inside: listings, so an event is found on its own page only.
    "section": {"data-pagefind-ignore"},
    "span": {"style"},
    "svg": {"viewBox", "aria-labelledby"},
    "rect": {"x", "y", "width", "height", "rx"},
    "circle": {"cx", "cy", "r"},
    "line": {"x1", "y1", "x2", "y2"},
    "text": {"x", "y", "text-anchor"},
    "stop": {"offset"},
    "g": {"data-lane"},
    "th": {"style"},
    "td": {"style"},
}


def sanitize_html(html: str) -> str:
    """``html`` with every element, attribute and link scheme outside the allowlist removed."""
    return nh3.clean(
        html,
        tags=_TAGS | _SVG,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel=None,
        filter_style_properties={"text-align", "left", "width"},
        strip_comments=True,
    )
