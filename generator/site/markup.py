"""Turning named values into page text: the template environment, Markdown escaping, front matter.

Templates hold the markup (``templates/*.md.j2``); the page modules decide what goes on a page.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from .layout import GENERATED_MARK

__all__ = ["ENV", "excerpt", "front_matter", "md_text", "plural", "render_page"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def md_text(value: object) -> Markup:
    """Plain text made safe inside Markdown: HTML-escaped, Markdown syntax backslash-escaped."""
    return escape(_MD_SPECIAL.sub(r"\\\1", str(value)))


def excerpt(markdown: str, limit: int = 180) -> str:
    """The first sentence of a Markdown summary as plain text, at most ``limit`` characters."""
    first = markdown.strip().split("\n\n", 1)[0]
    text = _MD_LINK.sub(r"\1", " ".join(first.split()))
    text = re.sub(r"[*_`]", "", text)
    sentence = _SENTENCE_END.split(text, 1)[0]
    if len(sentence) <= limit:
        return sentence
    return text[:limit].rsplit(" ", 1)[0] + "…"


def plural(n: int, noun: str) -> str:
    """'1 event', '2,345 events'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


# libyaml's emitter where it is present: the pure-Python one took most of a 10,000-event build.
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# What JSON leaves as it is but YAML refuses or reads as a line break unless escaped
# (JSON escapes the C0 controls itself).
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def front_matter(meta: dict[str, Any]) -> str:
    """A YAML front matter block, quoted safely whatever the values hold.

    ``jsonld`` (the biggest value, and a plain JSON structure) is written as JSON, which is
    YAML too: libyaml's emitter took a third of an event page's time on it."""
    data = {k: v for k, v in meta.items() if k != "jsonld"}
    head = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    if "jsonld" in meta:
        text = json.dumps(meta["jsonld"], ensure_ascii=False)
        head += "jsonld: " + _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
    return "---\n" + head + "---\n"


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.site", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
"""One environment for the process, so each template is compiled once, not once a generation."""
ENV.filters["md"] = md_text
ENV.filters["excerpt"] = excerpt
ENV.filters["plural"] = plural
ENV.filters["tl_citing"] = lambda name, t: t("ui.citing", name=name)


def render_page(template: str, meta: dict[str, Any] | None, *, site: Any, page: str, **context: Any) -> str:
    """A generated page: its front matter (when it is a page, not a partial), the generated-page
    marker, and the template rendered with ``context``.

    Templates get ``site``, ``page`` (the docs path links are written from), ``paths`` (the
    layout, which names every docs path), ``link(path)``, a Markdown link from ``page``, and the
    words of the pages' language: ``t(key, …)`` and ``count_of(noun, n)``."""
    layout = site.layout
    body = ENV.get_template(template).render(
        site=site, page=page, paths=layout, link=lambda target: layout.link(page, target), t=site.words.markup,
        count_of=site.words.count, **context,
    )  # fmt: skip
    if meta is None:
        return GENERATED_MARK + "\n\n" + body
    # Marks the page as generated (its edit link opens its YAML file, or there is none) even when
    # it has no source: the theme's templates read it, whichever builder renders them.
    timeline = meta.setdefault("timeline", {"source": None})
    timeline["edit"] = layout.edit(timeline.get("source"))
    if "description" in meta:
        # Themes write the description into an attribute as it is (Material and Zensical alike).
        meta["description"] = html.escape(meta["description"], quote=True)
    return front_matter(meta) + GENERATED_MARK + "\n\n" + body
