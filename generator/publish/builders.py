"""The builders a site can be published with: MkDocs, ProperDocs and Zensical.

Each reads ``mkdocs.yml`` and the pages the generator wrote into the docs folder. MkDocs and
ProperDocs run the timeline plugin (which finds the pages current and leaves the last steps to
`timeline publish`); Zensical runs no MkDocs plugin, and takes its output folder from its
configuration only, so it gets a small configuration of its own that inherits ``mkdocs.yml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .project import Project

__all__ = ["BUILDERS", "BuildFailed", "run_builder"]

BUILDERS = ("mkdocs", "properdocs", "zensical")

PUBLISHING = "TIMELINE_PUBLISHING"
"""Tells the timeline plugin that `timeline publish` finishes the site itself."""

_ZENSICAL_CONFIG = ".timeline-zensical.yml"
_ZENSICAL_SITE = ".timeline-zensical-site"


class BuildFailed(Exception):
    """The builder stopped with an error; the message holds what it said."""


def _run(command: list[str], cwd: Path) -> None:
    env = {**os.environ, PUBLISHING: "1", "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=7200, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise BuildFailed(f"cannot run {command[2]}: {error}") from error
    if result.returncode != 0:
        said = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
        raise BuildFailed(f"{command[2]} build failed ({result.returncode}):\n{said}")


def _available(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def run_builder(project: Project, builder: str, site_dir: Path) -> None:
    """Build the site of ``project`` with ``builder`` into ``site_dir`` (replacing what is there)."""
    if builder not in BUILDERS:
        raise BuildFailed(f"unknown builder {builder!r}; choose one of {', '.join(BUILDERS)}")
    if not _available(builder):
        extra = " (pip install 'timeline-generator[zensical]')" if builder == "zensical" else ""
        raise BuildFailed(f"{builder} is not installed{extra}")
    site_dir = Path(site_dir).resolve()
    if builder != "zensical":
        _run([sys.executable, "-m", builder, "build", "--strict", "-f", str(project.config_file),
              "-d", str(site_dir)], project.root)  # fmt: skip
        return
    # Zensical writes only inside the configuration's folder, to the site_dir it names.
    config = project.root / _ZENSICAL_CONFIG
    built = project.root / _ZENSICAL_SITE
    config.write_text(
        "# Written by `timeline publish --builder zensical`: mkdocs.yml, built into a folder of its own.\n"
        f"INHERIT: {project.config_file.name}\nsite_dir: {_ZENSICAL_SITE}\n",
        encoding="utf-8",
    )
    shutil.rmtree(built, ignore_errors=True)
    try:
        _run([sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)], project.root)
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(built), str(site_dir))
    finally:
        config.unlink(missing_ok=True)
        shutil.rmtree(built, ignore_errors=True)
