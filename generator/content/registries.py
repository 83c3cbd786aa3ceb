"""The registries (``actors.yaml``, ``places.yaml``, ``tags.yaml``) → actors, places and tags."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..ids import check_id
from ..model import ACTOR_KINDS, Actor, Place, Tag
from ..problems import Problem
from . import spec
from .fields import Fields, kind_of, suggest
from .loader import RawEntry
from .translations import read_translations

__all__ = ["read_registry"]


def read_registry(
    entry: RawEntry | None,
    kind: str,
    actors: dict[str, Actor],
    problems: list[Problem],
    languages: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Read one registry; ``actors`` (already read) is where a place's country must be found."""
    if entry is None or entry.data is None:
        return {}
    if not isinstance(entry.data, dict):
        problems.append(
            entry.problem((), f"{kind}.yaml must map ids to entries (id: {{name: …}}), not {kind_of(entry.data)}")
        )
        return {}
    result: dict[str, Any] = {}
    for item_id, value in entry.data.items():
        reason = check_id(item_id)
        if reason:
            problems.append(entry.problem((item_id,), reason, key=True))
            continue
        if not isinstance(value, dict):
            problems.append(entry.problem((item_id,), f"must be a mapping with at least a name, not {kind_of(value)}"))
            continue
        before = len(problems)
        f = Fields(entry, (item_id,), value, spec.REGISTRIES[kind], problems, f"{item_id!r}")
        f.require()
        name = f.text("name")
        found: Actor | Place | Tag | None = None
        if kind == "actors":
            actor_kind = f.choice("kind", ACTOR_KINDS)
            aliases = f.strings("aliases")
            wikidata = f.wikidata()
            if len(problems) == before and name and actor_kind:
                found = Actor(item_id, name, actor_kind, aliases, wikidata)
        elif kind == "places":
            country = f.text("country")
            if country is not None and country not in actors:
                hint = suggest(country, actors)
                f.error("country", f"unknown actor {country!r}{hint or '; a country is an id from actors.yaml'}")
            wikidata = f.wikidata()
            lat, lon = f.number("lat", -90, 90), f.number("lon", -180, 180)
            if (lat is None) != (lon is None):
                f.error(None, "give both 'lat' and 'lon', or neither")
            if len(problems) == before and name:
                found = Place(item_id, name, country, wikidata, lat, lon)
        else:
            description = f.text("description") or ""
            if len(problems) == before and name:
                found = Tag(item_id, name, description)
        # A wrong translation is its own error; the entry stays, so events naming it are not wrong too.
        translations = read_translations(f, languages)
        if found is not None:
            result[item_id] = replace(found, translations=translations)
    return result
