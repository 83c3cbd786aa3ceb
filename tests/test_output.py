"""Writing pages: only what changed, stale pages removed, hand-written files never touched."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_pages
from generator.output import MANIFEST, OutputError, write_pages
from generator.site import render_site
from generator.site.layout import GENERATED_DIRS, GENERATED_FILES, GENERATED_MARK

from conftest import LANGUAGES, ROOT, misspell_status

PAGE = "---\ntitle: x\n---\n" + GENERATED_MARK + "\n\n# {}\n"


def page(title: str) -> str:
    return PAGE.format(title)


def test_writes_only_what_changed_and_removes_stale_pages(tmp_path: Path) -> None:
    first = write_pages(tmp_path, {"events/a.md": page("A"), "events/b.md": page("B")})
    assert sorted(first.written) == ["events/a.md", "events/b.md"]
    before = (tmp_path / "events" / "a.md").stat().st_mtime_ns

    second = write_pages(tmp_path, {"events/a.md": page("A"), "events/c.md": page("C")})
    assert second.written == ["events/c.md"]
    assert second.removed == ["events/b.md"]
    assert second.unchanged == 1
    assert (tmp_path / "events" / "a.md").stat().st_mtime_ns == before
    assert not (tmp_path / "events" / "b.md").exists()

    third = write_pages(tmp_path, {"events/a.md": page("A"), "events/c.md": page("C")})
    assert not third.changed and third.unchanged == 2


def test_hand_written_files_survive(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    mine = tmp_path / "events" / "notes.md"
    mine.write_text("# My own notes\n", encoding="utf-8")
    root_page = tmp_path / "about.md"
    root_page.write_text("# About\n", encoding="utf-8")
    write_pages(tmp_path, {"events/a.md": page("A")})
    write_pages(tmp_path, {})
    assert mine.read_text(encoding="utf-8") == "# My own notes\n"
    assert root_page.read_text(encoding="utf-8") == "# About\n"
    assert not (tmp_path / "events" / "a.md").exists()


def test_a_hand_written_file_in_the_way_stops_the_run_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    mine = tmp_path / "events" / "b.md"
    mine.write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(OutputError, match="hand-written files stand where generated pages go"):
        write_pages(tmp_path, {"events/a.md": page("A"), "events/b.md": page("B")})
    assert mine.read_text(encoding="utf-8") == "# Mine\n"
    assert not (tmp_path / "events" / "a.md").exists()


def test_a_generated_page_replaced_by_hand_is_not_deleted(tmp_path: Path) -> None:
    write_pages(tmp_path, {"events/a.md": page("A")})
    (tmp_path / "events" / "a.md").write_text("# Rewritten by hand\n", encoding="utf-8")
    write_pages(tmp_path, {})
    assert (tmp_path / "events" / "a.md").read_text(encoding="utf-8") == "# Rewritten by hand\n"


@pytest.mark.parametrize(
    "path",
    ["../escape.md", "/etc/passwd.md", "index.md", "events/../../x.md", "events/x.txt", "id/index.md", "id/about.md",
     "id/id/events/x.md", "id/../events/x.md", "stylesheets/events/x.md"],
)  # fmt: skip
def test_pages_stay_inside_the_generated_folders(tmp_path: Path, path: str) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(OutputError, match="generated pages go only in"):
        write_pages(docs, {path: page("X")})
    assert not any(tmp_path.rglob("*.md"))


def test_a_tampered_manifest_cannot_delete_outside(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    victim = tmp_path / "victim.md"
    victim.write_text(GENERATED_MARK, encoding="utf-8")
    (docs / MANIFEST).write_text(json.dumps({"pages": {"../victim.md": "x", "index.md": "y"}}), encoding="utf-8")
    (docs / "index.md").write_text(GENERATED_MARK, encoding="utf-8")
    write_pages(docs, {})
    assert victim.exists() and (docs / "index.md").exists()


def test_invalid_content_writes_nothing_and_keeps_the_previous_pages(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    docs = tmp_path / "docs"
    good = build_pages(content, docs, tmp_path, languages=LANGUAGES)
    assert good.report is not None and good.report.written
    snapshot = {p: p.read_bytes() for p in docs.rglob("*.md")}

    event = next(content.rglob("2025-04-28-kcna-admits-troop-deployment.yaml"))
    misspell_status(event)
    bad = build_pages(content, docs, tmp_path, languages=LANGUAGES)
    assert bad.report is None
    assert any("did you mean 'claimed'" in str(p) for p in bad.problems)
    assert {p: p.read_bytes() for p in docs.rglob("*.md")} == snapshot


def test_an_unwritable_docs_folder_is_a_clear_error(tmp_path: Path) -> None:
    # A file where the folder should be fails for root too (chmod does not stop root).
    (tmp_path / "events").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match=r"cannot write generated pages to .*events"):
        write_pages(tmp_path, {"events/a.md": page("A")})
    assert (tmp_path / "events").read_text(encoding="utf-8") == "not a folder"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fault", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_fault_while_writing_leaves_the_previous_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: BaseException
) -> None:
    import generator.output as output

    old = {f"events/e{i}.md": page(f"old {i}") for i in range(10)}
    write_pages(tmp_path, old)
    before = _snapshot(tmp_path)
    real_write = output._write_file
    calls = []

    def failing_write(path: Path, text: str) -> None:
        calls.append(path)
        if len(calls) == 6:
            raise fault
        real_write(path, text)

    monkeypatch.setattr(output, "_write_file", failing_write)
    new = {**{f"events/e{i}.md": page(f"new {i}") for i in range(10)}, "tags/t.md": page("new tag")}
    if isinstance(fault, OSError):
        with pytest.raises(OutputError, match="No space left on device"):
            write_pages(tmp_path, new)
    else:
        with pytest.raises(KeyboardInterrupt):
            write_pages(tmp_path, new)
    assert _snapshot(tmp_path) == before, "old pages intact, no temporary files left"
    assert not (tmp_path / "tags").exists()


def test_two_builds_at_once_do_not_corrupt_each_other(tmp_path: Path) -> None:
    import subprocess
    import sys

    shutil.copytree(ROOT / "content", tmp_path / "content")
    timeline = Path(sys.executable).parent / "timeline"
    runs = [
        subprocess.Popen([str(timeline), "build"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(4)
    ]
    assert all(process.wait(timeout=120) == 0 for process in runs)
    reference = tmp_path / "reference"
    build_pages(tmp_path / "content", reference, tmp_path, languages=LANGUAGES)
    built = {k: v for k, v in _snapshot(tmp_path / "timeline").items()}
    assert built == _snapshot(reference)
    assert not [name for name in built if name.endswith(".tmp")]


def test_a_warm_build_skips_generation_until_an_input_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import generator.build as build

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    docs = tmp_path / "docs"
    first = build_pages(content, docs, tmp_path, languages=LANGUAGES)
    assert first.report is not None and first.report.written

    def no_render(*args: object) -> dict[str, str]:
        raise AssertionError("rendered although nothing changed")

    monkeypatch.setattr(build, "render_site", no_render)
    warm = build_pages(content, docs, tmp_path, languages=LANGUAGES)
    assert warm.report is not None and not warm.report.changed
    assert warm.report.unchanged == len(first.report.written) and warm.events == first.events
    assert [str(p) for p in warm.problems] == [str(p) for p in first.problems]  # the warnings, kept

    monkeypatch.undo()
    renders: list[int] = []
    real_render = render_site

    def counted(*args: Any) -> dict[str, str]:
        renders.append(1)
        return real_render(*args)

    monkeypatch.setattr(build, "render_site", counted)
    for change in ("touch", "deleted page", "site_url"):  # each step differs from the last by one thing
        site_url = None
        if change == "touch":
            event = next(content.rglob("*.yaml"))
            os.utime(event, ns=(event.stat().st_atime_ns, event.stat().st_mtime_ns + 1_000_000))
        elif change == "site_url":
            site_url = "https://example.org/timeline/"
        else:
            (docs / "events" / f"{first_event(content)}.md").unlink()
        before = len(renders)
        build_pages(content, docs, tmp_path, site_url, languages=LANGUAGES)
        assert len(renders) == before + 1, f"a {change} must regenerate"
    assert (docs / "events" / f"{first_event(content)}.md").exists()


def first_event(content: Path) -> str:
    return sorted(content.rglob("events/*/*.yaml"))[0].stem


def files(folder: Path) -> dict[str, bytes]:
    """Every file the generator wrote into ``folder`` but its manifest."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def test_a_memo_kept_between_generations_changes_nothing_but_the_time(tmp_path: Path) -> None:
    """What `mkdocs serve` does: one memo across generations. Each edit must give exactly the
    pages a fresh generation gives, while re-reading only the edited file."""
    from generator.memo import Memo

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    memo = Memo()
    kept, fresh = tmp_path / "kept", tmp_path / "fresh"
    events = sorted(content.rglob("events/*/*.yaml"))

    def both() -> None:
        assert build_pages(content, kept, tmp_path, page_size=4, memo=memo, languages=LANGUAGES).report is not None
        shutil.rmtree(fresh, ignore_errors=True)
        assert build_pages(content, fresh, tmp_path, page_size=4, languages=LANGUAGES).report is not None
        assert files(kept) == files(fresh)

    both()
    first_misses = memo.last[1]
    assert first_misses >= 3 * len(events), "the first generation reads every file, renders every page and card"
    edits = [
        (events[3], "title: ", "title: Edited, "),  # an event's own page, its neighbours, its listings
        (events[0], "status: confirmed", "status: reported"),  # moves between status pages
        (content / "actors.yaml", "name: Russia", "name: Russian Federation"),  # every page naming it
    ]
    for path, old, new in edits:
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        both()
        if path.parent.name != "content":  # an event file: a few of its pages and cards, not the rest
            assert memo.last[1] < first_misses / 3, f"editing {path.name} re-made {memo.last} (hits, misses)"


def test_data_files_made_in_a_second_process_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.build as build

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    assert build_pages(content, tmp_path / "forked", tmp_path, parallel=True, languages=LANGUAGES).report is not None
    assert build_pages(content, tmp_path / "serial", tmp_path, languages=LANGUAGES).report is not None
    assert files(tmp_path / "forked") == files(tmp_path / "serial")

    def broken(*args: object) -> dict[str, str]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build, "data_files", broken)
    with pytest.raises(OutputError, match="cannot make the data files: OSError"):
        build_pages(content, tmp_path / "third", tmp_path, parallel=True, languages=LANGUAGES)
    assert not (tmp_path / "third").exists(), "nothing written when the data files fail"


def test_git_ignores_exactly_what_the_generator_writes() -> None:
    """Generated pages never end up in a commit, and hand-written pages beside them are never ignored."""
    generated = [f"timeline/{edition}{folder}/x.md" for folder in GENERATED_DIRS for edition in ("", "id/")]
    generated += [f"timeline/{edition}{name}" for name in GENERATED_FILES for edition in ("", "id/")]
    generated += [f"timeline/{MANIFEST}"]
    handwritten = ["timeline/index.md", "timeline/about.md", "timeline/stylesheets/timeline.css", "content/x.yaml",
                   "timeline/id/index.md", "timeline/id/methodology.md", "timeline/id/search/index.md",
                   "timeline/javascripts/timeline.js"]  # fmt: skip
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", "--verbose", "--non-matching", *generated, *handwritten],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    ignored = {line.split("\t")[-1] for line in result.stdout.splitlines() if not line.startswith("::")}
    assert ignored == set(generated)
