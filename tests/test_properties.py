"""Property-based tests: valid events round-trip; no mutation of a file ever raises."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.validate import load_timeline
from generator.problems import Severity

from conftest import LANGUAGES, ROOT

ACTORS = sorted(yaml.safe_load((ROOT / "content" / "actors.yaml").read_text(encoding="utf-8")))
TAGS = sorted(yaml.safe_load((ROOT / "content" / "tags.yaml").read_text(encoding="utf-8")))
EVENTS = sorted((ROOT / "content" / "events").rglob("*.yaml"))
SETTINGS = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)

words = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'", min_size=1, max_size=40)
    .map(str.strip)
    .filter(lambda s: s and s[0].isalpha())
)
days = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(days)
    point = draw(
        st.sampled_from(
            [day.isoformat(), day.strftime("%Y-%m"), str(day.year), f"{day.year}-{draw(st.integers(21, 24))}"]
        )
    )
    point += draw(st.sampled_from(["", "~", "?"]))
    shape = draw(st.sampled_from(["point", "open-end", "open-start", "closed"]))
    if shape == "open-end":
        return f"{point}/.."
    if shape == "open-start":
        return f"../{point}"
    if shape == "closed":
        return f"{point}/{day.year + draw(st.integers(1, 3))}"
    return point


@st.composite
def events(draw: st.DrawFn) -> dict[str, object]:
    status = draw(st.sampled_from(["confirmed", "reported", "claimed", "disputed"]))
    event: dict[str, object] = {
        "title": draw(words).capitalize(),
        "date": draw(dates()),
        "status": status,
        "summary": draw(words),
        "actors": draw(st.lists(st.sampled_from(ACTORS), unique=True, max_size=4)),
        "tags": draw(st.lists(st.sampled_from(TAGS), unique=True, max_size=3)),
    }
    if status in ("claimed", "disputed"):
        event["claimed_by"] = draw(st.lists(st.sampled_from(ACTORS), unique=True, min_size=1, max_size=2))
    if status == "disputed":
        event["disputed_by"] = draw(st.lists(st.sampled_from(ACTORS), unique=True, min_size=1, max_size=2))
    language = draw(st.sampled_from(["en", "id", "ko"]))
    source: dict[str, object] = {
        "title": draw(words),
        "publisher": draw(words),
        "published": draw(days).isoformat(),
        "language": language,
        "url": "https://example.org/" + draw(st.text(alphabet="abc123", min_size=1, max_size=8)),
    }
    if draw(st.booleans()):
        source["quote"] = draw(words)
        if language != "en":
            source["translation"] = draw(words)
    event["sources"] = [source]
    return event


def content_with(folder: Path, name: str, text: str | bytes) -> Path:
    content = folder / "content"
    (content / "events").mkdir(parents=True)
    for registry in ("actors.yaml", "places.yaml", "tags.yaml"):
        shutil.copy(ROOT / "content" / registry, content / registry)
    target = content / "events" / name
    target.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return content


@SETTINGS
@given(events())
def test_valid_events_round_trip(event: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        text = yaml.safe_dump(event, allow_unicode=True, sort_keys=False)
        timeline, problems = load_timeline(
            content_with(Path(folder), "2025-generated-event.yaml", text), Path(folder), languages=LANGUAGES
        )
        assert [p for p in problems if p.severity is Severity.ERROR] == [], text
        assert timeline is not None
        (loaded,) = timeline.events
        assert (loaded.title, loaded.date.edtf, loaded.status) == (event["title"], event["date"], event["status"])
        assert loaded.summary == event["summary"]
        assert list(loaded.actors) == event["actors"] and list(loaded.tags) == event["tags"]
        sources = event["sources"]
        assert isinstance(sources, list)
        assert loaded.sources[0].quote == sources[0].get("quote")


@st.composite
def mutated_files(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(EVENTS)).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "duplicate-line"]))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 20))]
        elif action == "insert":
            data[at:at] = (
                draw(st.binary(min_size=1, max_size=8))
                if draw(st.booleans())
                else draw(
                    st.sampled_from(
                        [b": ", b"\n  - ", b"[", b"{", b"&a ", b"*a", b"!!python/object ", b"\t", b"'", b"\xff"]
                    )
                )
            )
        elif action == "replace" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        else:
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@settings(SETTINGS, max_examples=300)
@given(mutated_files())
def test_no_mutation_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        timeline, problems = load_timeline(
            content_with(Path(folder), "2025-04-28-mutated.yaml", data), Path(folder), languages=LANGUAGES
        )
        if timeline is None:
            assert problems, "an invalid file must say why"
        for problem in problems:
            assert problem.path.startswith("content/") and problem.line >= 1 and problem.column >= 1
            assert problem.message


def _never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        timeline, problems = load_timeline(
            content_with(Path(folder), "2025-04-28-fuzzed.yaml", data), Path(folder), languages=LANGUAGES
        )
        assert timeline is not None or problems
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(SETTINGS, max_examples=300, deadline=2000)
@given(st.binary(max_size=2000))
def test_random_bytes_get_a_message_never_a_traceback_or_a_hang(data: bytes) -> None:
    _never_raises(data)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | days,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
field_names = st.sampled_from(["title", "date", "status", "summary", "sources", "actors", "related", "aliases"])


@settings(SETTINGS, max_examples=300, deadline=2000)
@given(st.dictionaries(field_names | st.text(max_size=10), yaml_values, max_size=8) | yaml_values)
def test_random_yaml_gets_a_message_never_a_traceback_or_a_hang(value: object) -> None:
    _never_raises(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))
