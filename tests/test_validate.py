"""Validation: golden cases of bad input → the exact messages contributors see."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.content.validate import load_timeline
from generator.problems import Severity, format_problems

from conftest import LANGUAGES, ROOT, regenerate, unaddressed_citations

CASES = Path(__file__).parent / "cases" / "invalid"
# The registries the golden cases are checked against: fixed, so curating the real content never
# changes an expected message.
REGISTRIES = Path(__file__).parent / "cases" / "registries"
KNOWN_EVENT = ROOT / "content" / "events" / "2023" / "2023-09-10-kim-leaves-pyongyang-for-russia.yaml"


def content_with(tmp_path: Path, *files: Path) -> Path:
    """A content folder with the cases' registries, one known-good event and the given event files."""
    content = tmp_path / "content"
    (content / "events").mkdir(parents=True)
    for name in ("actors.yaml", "places.yaml", "tags.yaml"):
        shutil.copy(REGISTRIES / name, content / name)
    known = "".join(
        line for line in KNOWN_EVENT.read_text(encoding="utf-8").splitlines(True) if not line.startswith("related:")
    )
    # A URL (on the reserved example.org) keeps the known event free of warnings.
    known = known.replace(
        "    publisher: Bisnis.com\n", "    publisher: Bisnis.com\n    url: https://example.org/known\n"
    )
    (content / "events" / KNOWN_EVENT.name).write_text(known, encoding="utf-8")
    for file in files:
        shutil.copy(file, content / "events" / file.name)
    return content


@pytest.mark.parametrize("case", sorted(CASES.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_content_is_reported_exactly(case: Path, tmp_path: Path) -> None:
    timeline, problems = load_timeline(content_with(tmp_path, case), tmp_path, languages=LANGUAGES)
    assert timeline is None, "bad content must not produce a timeline"
    assert problems
    for problem in problems:
        assert problem.path == f"content/events/{case.name}"
        assert problem.line >= 1 and problem.column >= 1
    got = format_problems(problems) + "\n"
    expected = case.with_suffix(".expected")
    if regenerate():
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_all_problems_in_all_files_in_one_run(tmp_path: Path) -> None:
    cases = sorted(CASES.glob("*.yaml"))
    _, together = load_timeline(content_with(tmp_path / "all", *cases), tmp_path / "all", languages=LANGUAGES)
    one_by_one = []
    for case in cases:
        _, found = load_timeline(content_with(tmp_path / case.stem, case), tmp_path / case.stem, languages=LANGUAGES)
        one_by_one.extend(found)
    assert {p.path for p in together} == {f"content/events/{c.name}" for c in cases}
    # Cross-file checks (an alias naming another file's id) may add, never hide, problems.
    assert len(together) >= len(one_by_one)


def test_the_real_content_is_valid() -> None:
    timeline, problems = load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)
    assert timeline is not None and len(timeline.events) >= 12
    # The seed article's address is not known, so each of its citations is a soft warning, nothing more.
    assert all(p.severity is Severity.WARNING and "neither 'url' nor 'archive_url'" in p.message for p in problems)
    assert len(problems) == unaddressed_citations(ROOT / "content")


def test_an_id_whose_date_disagrees_is_a_warning(tmp_path: Path) -> None:
    content = content_with(tmp_path)
    known = content / "events" / KNOWN_EVENT.name
    (content / "events" / "2024-05-01-misdated.yaml").write_text(known.read_text(encoding="utf-8"), encoding="utf-8")
    timeline, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    assert timeline is not None
    assert [str(p) for p in problems] == [
        "content/events/2024-05-01-misdated.yaml:3:7: warning: date: the id starts with 2024-05-01 but the date is "
        "2023-09-10; if the date is right, rename the file (and list the old id under 'aliases' if it was published)"
    ]


def test_duplicate_ids_across_folders(tmp_path: Path) -> None:
    content = content_with(tmp_path)
    other = content / "events" / "elsewhere"
    other.mkdir()
    shutil.copy(content / "events" / KNOWN_EVENT.name, other / KNOWN_EVENT.name)
    _, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    # Files are read in sorted path order, so the second one, in the sub-folder, is reported.
    assert [str(p) for p in problems] == [
        f"content/events/elsewhere/{KNOWN_EVENT.name}:1:1: id: '{KNOWN_EVENT.stem}' is already the id of "
        f"content/events/{KNOWN_EVENT.name}; ids must be unique"
    ]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("Bad_Name.yaml", "is not a valid id; use lower-case ASCII letters"),
        ("a--b.yaml", "is not a valid id"),
        ("kаrsk.yaml", "is not a valid id"),  # a Cyrillic 'а'
        ("x" * 81 + ".yaml", "is 81 characters long; an id has at most 80"),
        ("old-style.yml", "event files end in .yaml; rename it to old-style.yaml"),
    ],
)
def test_file_names_give_valid_ids(tmp_path: Path, name: str, says: str) -> None:
    content = content_with(tmp_path)
    (content / "events" / name).write_bytes((content / "events" / KNOWN_EVENT.name).read_bytes())
    _, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    assert len(problems) == 1 and says in str(problems[0]), problems


def test_non_utf8_file_names_the_byte_and_line(tmp_path: Path) -> None:
    content = content_with(tmp_path)
    (content / "events" / "latin1.yaml").write_bytes("title: ok\nsummary: caf\xe9\n".encode("latin-1"))
    _, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    assert [str(p) for p in problems] == [
        "content/events/latin1.yaml:2:13: is not UTF-8 (byte 0xe9); save the file as UTF-8"
    ]


def test_symlinks_are_refused(tmp_path: Path) -> None:
    content = content_with(tmp_path)
    (content / "events" / "linked.yaml").symlink_to(content / "events" / KNOWN_EVENT.name)
    _, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    assert any("is a symbolic link" in str(p) for p in problems), problems


def test_registry_problems_name_their_entry(tmp_path: Path) -> None:
    content = content_with(tmp_path)
    with (content / "actors.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "Bad Id:\n  name: x\n  kind: person\nnew-person:\n  name: Someone\n  kind: persn\n  wikidata: 123\n"
        )
    with (content / "places.yaml").open("a", encoding="utf-8") as handle:
        handle.write("kyiv:\n  name: Kyiv\n  country: ukrane\n  lat: 50.45\nmars:\n  name: Mars\n  lat: 95\n  lon: 0\n")
    _, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    text = format_problems(problems)
    assert "content/actors.yaml" in text and "'Bad Id' is not a valid id" in text
    assert (
        "new-person.kind: 'persn' is not one of person, state, organization, media, military; did you mean 'person'?"
        in text
    )
    assert "new-person.wikidata: '123' is not a Wikidata id" in text
    assert "mars.lat: must be a number from -90 to 90, not the number 95" in text
    assert "kyiv.country: unknown actor 'ukrane'; did you mean 'ukraine'?" in text
    assert "give both 'lat' and 'lon'" in text


def test_two_events_may_not_claim_the_same_alias(tmp_path: Path) -> None:
    content = content_with(tmp_path)
    known = (content / "events" / KNOWN_EVENT.name).read_text(encoding="utf-8")
    for name in ("2023-09-10-first.yaml", "2023-09-10-second.yaml"):
        (content / "events" / name).write_text(known + "aliases: [2023-09-10-old-name]\n", encoding="utf-8")
    _, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    line = len(known.splitlines()) + 1
    assert [str(p) for p in problems] == [
        f"content/events/2023-09-10-second.yaml:{line}:11: aliases[0]: '2023-09-10-old-name' is already an alias of "
        "'2023-09-10-first'"
    ]


HISTORY = """\
title: North Korean troops in Russia
date: 2024-23
status: {status}
summary: Seoul's spy agency reported the troops; Pyongyang denied them, then acknowledged them.
history:
  - date: 2024-10-18
    by: [south-korean-intelligence]
    stance: asserts
    sources:
      - publisher: KBS World
        published: 2024-10-18
        url: https://example.org/kbs
  - date: 2024-10-21
    by: [north-korea]
    stance: denies
    note: North Korea's mission to the UN called the reports groundless.
    sources:
      - publisher: KCNA
        published: 2024-10-21
        url: https://example.org/kcna
{more}"""
ACKNOWLEDGED = """\
  - date: 2025-04-28
    by: [kcna]
    stance: acknowledges
    sources:
      - title: Korea Utara Akhirnya Akui Kirim Pasukan Bantu Rusia
        publisher: Bisnis.com
        published: 2025-04-28
        url: https://example.org/bisnis
"""


def with_event(tmp_path: Path, name: str, text: str) -> tuple[object, list[str]]:
    content = content_with(tmp_path)
    (content / "events" / name).write_text(text, encoding="utf-8")
    timeline, problems = load_timeline(content, tmp_path, languages=LANGUAGES)
    return timeline, [str(p) for p in problems]


def test_a_history_stands_for_sources_and_for_who_claims_and_disputes(tmp_path: Path) -> None:
    timeline, problems = with_event(tmp_path, "2024-23-troops.yaml", HISTORY.format(status="disputed", more=""))
    assert problems == [] and timeline is not None


def test_a_status_that_disagrees_with_its_history_is_a_warning(tmp_path: Path) -> None:
    timeline, problems = with_event(tmp_path, "2024-23-troops.yaml", HISTORY.format(status="claimed", more=""))
    assert timeline is not None, "a disagreement is a warning, not an error"
    assert problems == [
        "content/events/2024-23-troops.yaml:3:9: warning: status: is 'claimed', but the history's statements make "
        "it 'disputed' (see the methodology's status rules); set status: disputed, or add the statement that changed it"
    ]
    # Confirmed is the editors' to give: no warning, whatever the history says.
    _, problems = with_event(tmp_path / "b", "2024-23-troops.yaml", HISTORY.format(status="confirmed", more=""))
    assert problems == []
    _, problems = with_event(
        tmp_path / "c", "2024-23-troops.yaml", HISTORY.format(status="confirmed", more=ACKNOWLEDGED)
    )
    assert problems == []


@pytest.mark.parametrize(
    "text",
    [
        "A family 👨\u200d👩\u200d👧 and a rainbow flag 🏳️\u200d🌈",  # joiners inside emoji sequences
        "Persian می\u200cخواهم and Hindi क्\u200dष",  # joiners where a script needs them
    ],
)
def test_joiners_where_writing_needs_them_are_ordinary_text(tmp_path: Path, text: str) -> None:
    known = (content_with(tmp_path) / "events" / KNOWN_EVENT.name).read_text(encoding="utf-8")
    event = known.replace("title: ", f"title: {text} — ", 1)
    timeline, problems = with_event(tmp_path / "x", "2023-09-10-joiners.yaml", event)
    assert problems == [] and timeline is not None


def test_a_shortened_id_gets_the_ids_it_shortens(tmp_path: Path) -> None:
    known = (content_with(tmp_path) / "events" / KNOWN_EVENT.name).read_text(encoding="utf-8")
    event = known.replace("actors: [", "actors: [kim, ", 1)
    _, problems = with_event(tmp_path / "x", "2023-09-10-short.yaml", event)
    assert any("unknown actor 'kim'; did you mean 'kim-jong-un' or 'kim-ju-ae'?" in p for p in problems), problems


@pytest.mark.parametrize(
    ("title", "placeholder"),
    [("TODO a plain headline", True), ('"todo: say what happened"', True), ("TODO", True),
     ("Todowa reports a shipment", False), ("Todos los soldados", False)],
)  # fmt: skip
def test_only_the_word_todo_is_a_placeholder(tmp_path: Path, title: str, placeholder: bool) -> None:
    known = (content_with(tmp_path) / "events" / KNOWN_EVENT.name).read_text(encoding="utf-8")
    event = re.sub(r"(?m)^title: .*$", f"title: {title}", known, count=1)
    assert event != known
    _, problems = with_event(tmp_path / "x", "2023-09-10-todo.yaml", event)
    assert any("is still the placeholder" in p for p in problems) == placeholder, problems
