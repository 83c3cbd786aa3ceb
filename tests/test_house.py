"""The house rules that no other test would notice breaking: the core never imports the authoring
tools, and git ignores every file the generator writes, in every edition's folder."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from generator.output import MANIFEST
from generator.publish.project import read_project
from generator.site.layout import GENERATED_DIRS, GENERATED_FILES

from conftest import ROOT

GENERATOR = ROOT / "generator"
BOUNDARY = {GENERATOR / "cli.py"}
"""The command line adds the tools' subcommands: the one module outside tools/ that may import them."""


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, written as a dotted name inside ``generator`` ('tools.draft')."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.removeprefix("generator.") for a in node.names if a.name.startswith("generator.")}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            name = ".".join((*base, *(node.module.split(".") if node.module else ())))
            if name.startswith("generator"):
                names = [name] if node.module else [f"{name}.{a.name}" for a in node.names]
                found |= {n.removeprefix("generator").lstrip(".") for n in names}
    return found


def test_the_core_never_imports_the_authoring_tools() -> None:
    core = [p for p in GENERATOR.rglob("*.py") if "tools" not in p.relative_to(GENERATOR).parts]
    assert len(core) > 30, "the core's modules were found"
    offenders = {
        str(p.relative_to(ROOT)): sorted(m for m in imported(p) if m == "tools" or m.startswith("tools."))
        for p in core
        if p not in BOUNDARY
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert any(m.startswith("tools") for m in imported(GENERATOR / "cli.py")), "the walk sees relative imports"


def test_the_walk_reads_relative_imports() -> None:
    assert "site.layout" in imported(GENERATOR / "build.py")
    assert "tools.dating" in imported(GENERATOR / "tools" / "draft.py")


@pytest.mark.parametrize("edition", ["", "id/"])
def test_git_ignores_every_file_the_generator_writes(edition: str) -> None:
    assert edition[:-1] in ("", *read_project(ROOT / "mkdocs.yml").languages)
    docs = f"timeline/{edition}"
    written = [f"{docs}{folder}/some/page.md" for folder in GENERATED_DIRS]
    written += [f"{docs}{name}" for name in GENERATED_FILES] + ([] if edition else [f"{docs}{MANIFEST}"])
    kept = [f"{docs}index.md", f"{docs}about.md", "content/events/2024/x.yaml", "timeline/stylesheets/timeline.css"]
    result = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, capture_output=True,
                            text=True, input="\n".join(written + kept))  # fmt: skip
    ignored = set(result.stdout.split())
    assert [p for p in written if p not in ignored] == [], "add these to .gitignore"
    assert [p for p in kept if p in ignored] == [], "hand-written files must stay in git"
