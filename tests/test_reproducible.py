"""Reproducible builds: the same content gives the same site, byte for byte."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.content.validate import load_timeline
from generator.site import render_site

from conftest import LANGUAGES, ROOT, copy_project, run

EPOCH = "1745798400"  # 2025-04-28T00:00:00Z


# Pagefind writes its filter and metadata chunks (and the entry file naming them) in an order
# that varies from run to run (Pagefind/pagefind#638, acknowledged upstream); its fragments, the
# bulk of the index, are stable. Those few files are compared by what they index instead.
UNSTABLE = re.compile(r"^pagefind/(pagefind-entry\.json|filter/.*|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta)$")


def digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not UNSTABLE.match(p.relative_to(site).as_posix())
    }


def indexed(site: Path) -> dict[str, object]:
    """What Pagefind's unstable files say: the pages and filters each language's index holds."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {lang: (info["page_count"], len(list((site / "pagefind" / "filter").glob(f"{lang}_*"))))
            for lang, info in entry["languages"].items()}  # fmt: skip


def test_two_builds_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    sites = []
    for seed in ("1", "2"):
        project = copy_project(tmp_path / f"p{seed}")
        run("mkdocs", "build", "--strict", cwd=project, env={"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": EPOCH})
        sites.append((digests(project / "site"), indexed(project / "site")))
    assert sites[0] == sites[1]
    assert len(sites[0][0]) > 50 and any(name.startswith("pagefind/fragment/") for name in sites[0][0])


def test_the_build_date_comes_from_source_date_epoch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    env = {"SOURCE_DATE_EPOCH": EPOCH, "TIMELINE_SITE_URL": "https://example.org/timeline/"}
    run("mkdocs", "build", "--strict", cwd=project, env=env)
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2025-04-28</lastmod>" in sitemap
    with gzip.open(project / "site" / "sitemap.xml.gz") as compressed:
        assert compressed.read().decode("utf-8") == sitemap


def test_generated_pages_do_not_depend_on_the_order_files_are_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    timeline, _ = load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)
    assert timeline is not None
    expected = render_site(timeline)
    real_walk = os.walk

    def reversed_walk(top: str, *args: Any, **kwargs: Any) -> Iterator[tuple[str, list[str], list[str]]]:
        for folder, dirs, files in real_walk(top, *args, **kwargs):
            dirs.reverse()
            files.reverse()
            yield folder, dirs, files

    monkeypatch.setattr(os, "walk", reversed_walk)
    shuffled, _ = load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)
    assert shuffled is not None
    assert render_site(shuffled) == expected
