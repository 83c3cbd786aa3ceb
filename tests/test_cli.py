"""The `timeline` command, run as a contributor runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, misspell_status, run, unaddressed_citations


def test_validate_passes_on_the_real_content() -> None:
    result = run("timeline", "validate", "content", cwd=ROOT)
    assert result.returncode == 0
    assert "events are valid" in result.stdout
    # One warning per citation without an address: the seed article's, whose address is not known.
    unaddressed = unaddressed_citations(ROOT / "content")
    assert unaddressed > 0
    assert result.stderr.rstrip().endswith(f"no errors and {unaddressed} warnings in the content")


def test_validate_reports_every_problem_and_exits_1(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    first = content / "events" / "2025" / "2025-04-28-kcna-admits-troop-deployment.yaml"
    misspell_status(first)
    second = content / "events" / "2023" / "2023-09-10-kim-leaves-pyongyang-for-russia.yaml"
    # The event's own summary, not its translation's (indented under translations).
    second.write_text(second.read_text(encoding="utf-8").replace("\nsummary:", "\nsumary:"), encoding="utf-8")
    result = run("timeline", "validate", "content", cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "content/events/2025/2025-04-28-kcna-admits-troop-deployment.yaml:4:9: status: 'clamed' is not one of "
        "confirmed, reported, claimed, disputed; did you mean 'claimed'?" in result.stderr
    )
    assert (
        "content/events/2023/2023-09-10-kim-leaves-pyongyang-for-russia.yaml:5:1: sumary: unknown field 'sumary'"
        in result.stderr
    )
    warnings = unaddressed_citations(ROOT / "content")
    assert result.stderr.rstrip().endswith(f"3 errors and {warnings} warnings in the content")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("timeline", "validate", "no-such-folder", cwd=tmp_path, check=False).returncode == 2
    assert run("timeline", "frobnicate", cwd=tmp_path, check=False).returncode == 2


def test_help_documents_the_exit_status() -> None:
    result = run("timeline", "validate", "--help", cwd=ROOT)
    assert "exit status: 0 when the content is valid (warnings allowed), 1 when it has errors" in result.stdout


def test_build_writes_pages_then_nothing_when_unchanged(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    first = run("timeline", "build", cwd=tmp_path)
    assert (tmp_path / "timeline" / "timeline" / "index.md").exists()
    assert " 0 unchanged" in first.stdout
    second = run("timeline", "build", cwd=tmp_path)
    assert "0 pages written, 0 removed" in second.stdout


def test_mkdocs_build_finds_the_pages_of_timeline_build_current(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    env = {"TIMELINE_SITE_URL": "https://example.org/timeline"}
    run("timeline", "build", cwd=project, env=env)
    built = run("mkdocs", "build", "--strict", cwd=project, env=env)
    assert "0 pages written, 0 removed" in built.stderr, built.stderr
    feed = (project / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "https://example.org/timeline/events/" in feed


def test_build_with_bad_content_writes_nothing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "events" / "2025" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run("timeline", "build", cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert "content/events/2025/broken.yaml:2:1: YAML syntax error" in result.stderr
    assert "nothing was written" in result.stderr
    assert not (tmp_path / "timeline").exists()


def test_github_annotations_and_json(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    event = tmp_path / "content" / "events" / "2025" / "2025-04-28-kcna-admits-troop-deployment.yaml"
    misspell_status(event)
    github = run("timeline", "validate", "--format", "github", cwd=tmp_path, check=False)
    assert github.returncode == 1
    lines = github.stdout.splitlines()
    assert (
        "::error file=content/events/2025/2025-04-28-kcna-admits-troop-deployment.yaml,line=4,col=9,title=status::"
        "status: 'clamed' is not one of confirmed, reported, claimed, disputed; did you mean 'claimed'?"
    ) in lines
    warnings = unaddressed_citations(ROOT / "content")
    assert sum(line.startswith("::warning file=") for line in lines) == warnings
    report = json.loads(run("timeline", "validate", "--format", "json", cwd=tmp_path, check=False).stdout)
    assert (report["valid"], report["errors"], report["warnings"]) == (False, 1, warnings)
    first_error = next(p for p in report["problems"] if p["severity"] == "error")
    assert first_error["field"] == "status" and first_error["line"] == 4 and first_error["column"] == 9


def test_new_scaffolds_an_event_the_validator_flags_until_filled(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "generator" / "schema", tmp_path / "generator" / "schema")
    new = ("timeline", "new", "--date", "2025-05-02", "--title", "Kim Jong Un visits the Kursk front, KCNA says")
    made = run(*new, cwd=tmp_path)
    path = tmp_path / "content" / "events" / "2025" / "2025-05-02-kim-jong-un-visits-the-kursk-front-kcna-says.yaml"
    assert path.exists() and str(path.relative_to(tmp_path)) in made.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../generator/schema/event.schema.json\n")
    flagged = run("timeline", "validate", cwd=tmp_path, check=False)
    assert flagged.returncode == 1
    for field in (
        "status",
        "summary",
        "sources[0].title",
        "sources[0].publisher",
        "sources[0].published",
        "sources[0].quote",
    ):
        assert f"{path.name}:" in flagged.stderr and f": {field}: " in flagged.stderr, field
    filled = (
        text.replace("status: TODO", "status: claimed\nclaimed_by: [kcna]")
        .replace("TODO: what happened, in one to three short paragraphs of Markdown.", "KCNA said so.")
        .replace("TODO the article's title, in its own language", "An article")
        .replace("publisher: TODO", "publisher: KCNA")
        .replace("published: TODO", "published: 2025-05-02")
        .replace("TODO the exact words from the source, copied, never paraphrased", "Exact words.")
    )
    path.write_text(filled, encoding="utf-8")
    assert run("timeline", "validate", cwd=tmp_path).returncode == 0
    again = run(*new, cwd=tmp_path, check=False)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert path.read_text(encoding="utf-8") == filled


def test_new_rejects_a_bad_date_and_needs_a_terminal_to_ask(tmp_path: Path) -> None:
    bad = run("timeline", "new", "--date", "April 2025", "--title", "x", cwd=tmp_path, check=False)
    assert bad.returncode == 2 and "is not a date" in bad.stderr
    no_tty = run("timeline", "new", cwd=tmp_path, check=False)
    assert no_tty.returncode == 2 and "give --date and --title" in no_tty.stderr


def test_new_asks_in_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from generator.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = Terminal("last week\n2024-23\nTroops sent, intelligence says\n")
    monkeypatch.setattr("sys.stdin", answers)
    (tmp_path / "content").mkdir()
    assert main(["new", "--content", str(tmp_path / "content")]) == 0
    assert (tmp_path / "content" / "events" / "2024" / "2024-23-troops-sent-intelligence-says.yaml").exists()
