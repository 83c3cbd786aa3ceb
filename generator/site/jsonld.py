"""Metadata of an event page: the front matter's title, description and schema.org JSON-LD."""

from __future__ import annotations

from typing import Any

from ..model import Event
from .context import Site

__all__ = ["event_jsonld", "event_meta"]


def _coordinate(degrees: float | None) -> float | None:
    """Four decimals (11 m): enough for a place, and never written in exponent form ('1e-05'),
    which YAML would read back as a string."""
    return None if degrees is None else float(f"{degrees:.4f}")


def event_jsonld(site: Site, event: Event) -> dict[str, Any]:
    """schema.org data for an event page: the event, its places and the sources it is taken from."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": site.plain(event, "title"),
        "description": site.summary_excerpt(event),
        "inLanguage": site.language,
        "disambiguatingDescription": site.callout(event),
        "startDate": event.date.earliest.isoformat(),
        "subjectOf": [
            {
                "@type": "NewsArticle",
                "headline": s.title,
                "publisher": {"@type": "Organization", "name": s.publisher},
                "datePublished": s.published.isoformat(),
                "inLanguage": s.language,
                **({"url": s.url} if s.url else {}),
                **({"archivedAt": s.archive_url} if s.archive_url else {}),
            }
            for s in event.sources
        ],
    }
    if event.date.latest is not None:
        data["endDate"] = event.date.latest.isoformat()
    places = [site.places[p] for p in event.places]
    if places:
        data["location"] = [
            {
                "@type": "Place",
                "name": site.plain(p, "name"),
                **(
                    {
                        "geo": {
                            "@type": "GeoCoordinates",
                            "latitude": _coordinate(p.lat),
                            "longitude": _coordinate(p.lon),
                        }
                    }
                    if p.lat is not None
                    else {}
                ),
            }
            for p in places
        ]
    return data


def event_meta(site: Site, event: Event) -> dict[str, Any]:
    """An event page's front matter: what the builder, search and link previews read."""
    return {
        "title": site.plain(event, "title"),
        "description": site.summary_excerpt(event),
        # Search ranks an event's page above the pages that mention it (overrides/main.html).
        "search": {"boost": 2},
        "timeline": {
            "id": event.id,
            "date": event.date.edtf,
            "earliest": event.date.earliest.isoformat(),
            "status": event.status,
            "source": event.path,
            # What search shows of each result and filters it by (Pagefind meta, filters, sort).
            "search": {
                "date": site.date(event),
                "status": site.words.status_title(event.status),
                "year": str(event.date.earliest.year),
                "actors": [site.name(a) for a in event.all_actors],
                "places": [site.plain(site.places[p], "name") for p in event.places],
                "tags": [site.plain(site.tags[t], "name") for t in event.tags],
            },
        },
        "jsonld": event_jsonld(site, event),
    }
