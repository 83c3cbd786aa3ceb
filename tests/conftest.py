"""Shared fixtures: a copy of the project in a temporary folder, and a real MkDocs build of it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.content.validate import load_timeline
from generator.model import Timeline
from generator.publish.project import read_project
from generator.site.layout import GENERATED_DIRS, GENERATED_FILES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "bisnis-2025-04-28-korea-utara-akui-kirim-pasukan.txt"
BIN = Path(sys.executable).parent
LANGUAGES = read_project(ROOT / "mkdocs.yml").languages
"""The site's editions besides English, as mkdocs.yml gives them: what the content's translations may use."""


def regenerate() -> bool:
    """Golden files are rewritten instead of compared when REGEN_GOLDEN=1."""
    return os.environ.get("REGEN_GOLDEN") == "1"


def copy_project(target: Path, content: Path | None = None) -> Path:
    """Copy what a build needs (config, hand-written pages, theme overrides, content) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", target / "CONTRIBUTING.md")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(content or ROOT / "content", target / "content")
    docs = ROOT / "timeline"
    editions = {docs, *(folder for folder in docs.iterdir() if folder.is_dir() and len(folder.name) <= 3)}
    shutil.copytree(
        docs,
        target / "timeline",
        ignore=lambda folder, names: [
            n
            for n in names
            # The generated files of the English edition and of each other one (timeline/id/…).
            if Path(folder) in editions and (n in GENERATED_DIRS or n in GENERATED_FILES or n.startswith("."))
        ],
    )
    return target


def misspell_status(path: Path) -> None:
    """Make an event file's status a typo ('clamed'), whatever it was."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^status: \w+", "status: clamed", text, count=1, flags=re.MULTILINE), encoding="utf-8")


def unaddressed_citations(content: Path) -> int:
    """How many citations (of events and of their statements) have no address: a warning each."""
    timeline, _ = load_timeline(content, content.parent, languages=LANGUAGES)
    assert timeline is not None
    cited = [s for e in timeline.events for s in (*e.sources, *(s for st in e.history for s in st.sources))]
    return sum(1 for s in cited if s.url is None and s.archive_url is None)


def run(
    *args: str, cwd: Path, check: bool = True, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one of the project's commands (from this virtual environment) in ``cwd``."""
    command = [str(BIN / args[0]), *args[1:]] if (BIN / args[0]).exists() else list(args)
    result = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built by the real `mkdocs build --strict`; returns the project copy."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    result = run("mkdocs", "build", "--strict", cwd=project)
    assert "WARNING" not in result.stderr, result.stderr
    return project


@pytest.fixture(scope="session")
def timeline(built_site: Path) -> Timeline:
    """The model of the content that `built_site` was built from."""
    timeline, _ = load_timeline(built_site / "content", built_site, languages=LANGUAGES)
    assert timeline is not None
    return timeline


CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def browser_needed() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI and was not found at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium: Playwright cannot download its own browser here."""
    browser_needed()
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": args}
