"""The `timeline` command, run as a contributor runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, run


def test_validate_passes_on_the_real_content() -> None:
    result = run("timeline", "validate", "content", cwd=ROOT)
    assert result.returncode == 0
    assert "events are valid" in result.stdout
    assert result.stderr.rstrip().endswith("no errors and 14 warnings in the content")  # one per citation without a URL


def test_validate_reports_every_problem_and_exits_1(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    first = content / "events" / "2025" / "2025-04-28-kcna-admits-troop-deployment.yaml"
    first.write_text(first.read_text(encoding="utf-8").replace("status: claimed", "status: clamed"), encoding="utf-8")
    second = content / "events" / "2023" / "2023-09-10-kim-leaves-pyongyang-for-russia.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace("summary:", "sumary:"), encoding="utf-8")
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
    assert result.stderr.rstrip().endswith("3 errors and 14 warnings in the content")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("timeline", "validate", "no-such-folder", cwd=tmp_path, check=False).returncode == 2
    assert run("timeline", "frobnicate", cwd=tmp_path, check=False).returncode == 2


def test_help_documents_the_exit_status() -> None:
    result = run("timeline", "validate", "--help", cwd=ROOT)
    assert "exit status: 0 when the content is valid, 1 when it has problems" in result.stdout


def test_build_writes_pages_then_nothing_when_unchanged(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    first = run("timeline", "build", cwd=tmp_path)
    assert (tmp_path / "timeline" / "timeline" / "index.md").exists()
    assert " 0 unchanged" in first.stdout
    second = run("timeline", "build", cwd=tmp_path)
    assert "0 pages written, 0 removed" in second.stdout


def test_build_with_bad_content_writes_nothing(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "content" / "events" / "2025" / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run("timeline", "build", cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert "content/events/2025/broken.yaml:2:1: YAML syntax error" in result.stderr
    assert "nothing was written" in result.stderr
    assert not (tmp_path / "timeline").exists()
