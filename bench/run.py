"""Every scale number of issue 7 for N synthetic events, medians of several runs.

    .venv/bin/python bench/run.py                 # everything in docs/benchmarks.md (about 30 minutes)
    .venv/bin/python bench/run.py 1000 3          # N synthetic events, runs per measurement
    .venv/bin/python bench/run.py 0 5             # the real content
    .venv/bin/python bench/run.py 1000 3 --serve  # also: save → page under `mkdocs serve`
    .venv/bin/python bench/run.py 1000 3 --english-only  # the same site without its Indonesian edition
    .venv/bin/python bench/run.py 10000 1 --no-blog      # without the Material blog comparison

Prints: `timeline validate`; `timeline build` cold and warm; `mkdocs build --strict`; the
floor (MkDocs building the same generated pages with the `timeline` plugin removed); the
peak memory of each (max RSS, from /usr/bin/time); the largest HTML page; the search
index (Pagefind's, all of it) per event; and, with --serve, the time from saving one event's YAML to its rebuilt
page under `mkdocs serve` (full rebuilds, and `--dirty`). It also builds the same events as
posts of Material's blog plugin, for comparison. Not for CI: 10,000 events take minutes per build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus

from generator.site.layout import GENERATED_DIRS, GENERATED_FILES

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


BLOG_TIMEOUT = 1800
"""Seconds the blog comparison may take before it is stopped and reported as longer."""


def timed(*command: str, cwd: Path, timeout: float | None = None) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one command; (inf, 0) if it outlasts ``timeout``."""
    started = time.perf_counter()
    try:
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%M", str(BIN / command[0]), *command[1:]],
            cwd=cwd, env=ENV, capture_output=True, text=True, check=True, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return math.inf, 0
    return time.perf_counter() - started, int(result.stderr.strip().splitlines()[-1])


def copy_project(target: Path) -> Path:
    """The project as a fresh clone has it (with uncommitted edits): every file git tracks or would
    track, so nothing generated, built or installed comes along."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def clean(project: Path) -> None:
    """Remove every generated page and data file, of every edition."""
    docs = project / "timeline"
    for edition in (docs, *(d for d in docs.iterdir() if d.is_dir() and len(d.name) <= 3)):
        for folder in GENERATED_DIRS:
            shutil.rmtree(edition / folder, ignore_errors=True)
        for name in (*GENERATED_FILES, ".timeline-generated.json"):
            (edition / name).unlink(missing_ok=True)


def floor_config(project: Path) -> Path:
    """mkdocs.yml without the timeline plugin: MkDocs alone on the generated pages."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    floor = project / "floor.yml"
    floor.write_text(re.sub(r"  - timeline:\n(      .*\n)+", "", text), encoding="utf-8")
    return floor


def english_only(project: Path) -> None:
    """The site without its Indonesian edition: no other language for the plugin, no Indonesian
    part of the navigation or the switcher, no Indonesian hand-written pages."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("languages: [id]", "languages: []")
    text = re.sub(r"  # The Indonesian edition's nav.*\n  - _id:\n(      .*\n)+", "", text)
    text = re.sub(r"    - name: Bahasa Indonesia\n      link: /id/\n      lang: id\n", "", text)
    config.write_text(text, encoding="utf-8")
    shutil.rmtree(project / "timeline" / "id")


def serve_latency(project: Path, edits: int = 3, dirty: bool = False) -> list[float]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (project / f"serve{'-dirty' if dirty else ''}.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}", *(["--dirty", "--no-strict"] if dirty else [])],
        cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    event = sorted((project / "content" / "events").rglob("*.yaml"))[0]
    url = f"http://127.0.0.1:{port}/events/{event.stem}/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            return ""

    times = []
    try:
        deadline = time.monotonic() + 600
        while "Synthetic event" not in page() and time.monotonic() < deadline:
            time.sleep(0.5)
        for i in range(edits):
            marker = f"edited{i}x{time.time_ns()}"
            text = event.read_text(encoding="utf-8")
            event.write_text(re.sub(r"^title: .*$", f"title: Synthetic event {marker}", text, flags=re.M), "utf-8")
            started = time.perf_counter()
            while marker not in page() and time.perf_counter() - started < 300:
                time.sleep(0.05)
            times.append(time.perf_counter() - started)
            time.sleep(2)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


BLOG_CONFIG = """\
site_name: Blog comparison
theme:
  name: material
  font: false
plugins:
  - search
  - blog
markdown_extensions:
  - admonition
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.superfences
"""
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def blog_project(project: Path, target: Path) -> Path:
    """The same events as posts of Material's blog plugin: each event page's text (links made
    plain text, as the blog has no actor or place pages), dated by the event, categorised by status."""
    posts = target / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(BLOG_CONFIG, encoding="utf-8")
    (target / "docs" / "index.md").write_text("# Blog comparison\n", encoding="utf-8")
    (target / "docs" / "blog" / "index.md").write_text("# Events\n", encoding="utf-8")
    for page in sorted((project / "timeline" / "events").glob("*.md")):
        _, head, body = page.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(head)
        if "redirect" in meta:
            continue
        body = _LINK.sub(r"\1", body.split("\n\n", 1)[1])
        front = {
            "date": dt.date.fromisoformat(meta["timeline"]["earliest"]),
            "categories": [meta["timeline"]["status"].capitalize()],
        }
        (posts / page.name).write_text(f"---\n{yaml.safe_dump(front)}---\n\n{body}", encoding="utf-8")
    return target


def measure(n: int, runs: int, serve: bool, english: bool = False, blog: bool = True) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "p")
        if english:
            english_only(project)
        if n:
            write_corpus(n, project, translated=not english)
        n = len(list((project / "content" / "events").rglob("*.yaml")))
        names = ("validate", "build cold", "build warm", "mkdocs build --strict", "  pages already current",
                 "floor", "Material blog")  # fmt: skip
        rows: dict[str, list[tuple[float, int]]] = {k: [] for k in names}
        floor = floor_config(project)
        if not blog:
            del rows["Material blog"]
        blog_dir = None
        for _ in range(runs):
            rows["validate"].append(timed("timeline", "validate", "content", cwd=project))
            clean(project)
            rows["build cold"].append(timed("timeline", "build", cwd=project))
            rows["build warm"].append(timed("timeline", "build", cwd=project))
            # MkDocs alone on the pages just generated; then the whole build, whose site is measured below.
            rows["floor"].append(timed("mkdocs", "build", "-f", str(floor), cwd=project))
            clean(project)
            rows["mkdocs build --strict"].append(timed("mkdocs", "build", "--strict", cwd=project))
            rows["  pages already current"].append(timed("mkdocs", "build", "--strict", cwd=project))
            if blog:
                blog_dir = blog_dir or blog_project(project, Path(tmp) / "blog")
                rows["Material blog"].append(timed("mkdocs", "build", cwd=blog_dir, timeout=BLOG_TIMEOUT))
        print(f"## {n:,} events, {runs} runs (medians){', English alone' if english else ''}")
        for name, values in rows.items():
            seconds = statistics.median(v[0] for v in values)
            memory = max(v[1] for v in values) / 1024
            if math.isinf(seconds):
                print(f"{name:24} stopped after {BLOG_TIMEOUT} s")
            else:
                print(f"{name:24} {seconds:8.2f} s   peak {memory:7.0f} MiB")
        median = {name: statistics.median(v[0] for v in values) for name, values in rows.items()}
        print(f"{'full / floor':24} {median['mkdocs build --strict'] / median['floor']:8.2f} x")
        print(f"{'  pages current / floor':24} {median['  pages already current'] / median['floor']:8.2f} x")
        if blog:
            blog_time = min(median["Material blog"], BLOG_TIMEOUT)
            below = "<" if math.isinf(median["Material blog"]) else " "
            print(f"{'full / Material blog':24} {below}{median['mkdocs build --strict'] / blog_time:7.2f} x")
        site = project / "site"
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        for page in pages[-3:][::-1]:
            print(f"{'largest HTML pages':24} {page.stat().st_size / 1024:8.0f} KiB  {page.relative_to(site)}")
        print(f"{'pages over 300 KB':24} {sum(1 for p in pages if p.stat().st_size > 300_000):8d}")
        index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
        print(f"{'search index / event':24} {index / n / 1024:8.2f} KiB (Pagefind, every chunk)")
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"{'site size':24} {size / 1e6:8.1f} MB")
        if blog_dir is not None and (blog_dir / "site").is_dir():
            blog_size = sum(p.stat().st_size for p in (blog_dir / "site").rglob("*") if p.is_file())
            print(f"{'Material blog site size':24} {blog_size / 1e6:8.1f} MB")
        if serve:
            for dirty in (False, True):
                times = serve_latency(project, dirty=dirty)
                label = "serve --dirty: save → page" if dirty else "serve: save → page"
                print(f"{label:24} {statistics.median(times):8.2f} s   {[round(t, 2) for t in times]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", help="events (0: the real content); default: the whole suite")
    parser.add_argument("runs", type=int, nargs="?", default=3)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--english-only", action="store_true", help="without the Indonesian edition (N > 0 only)")
    parser.add_argument("--no-blog", action="store_true", help="without the Material blog comparison")
    args = parser.parse_args()
    if args.n is None:
        # The numbers of docs/benchmarks.md: 1,000 events (3 runs, with the preview), then 10,000 (1 run).
        measure(1000, 3, serve=True)
        measure(10000, 1, serve=False)
    else:
        if args.english_only and not args.n:
            parser.error("--english-only needs synthetic events (N > 0): the real content is translated")
        measure(args.n, args.runs, args.serve, args.english_only, blog=not args.no_blog)


if __name__ == "__main__":
    main()
