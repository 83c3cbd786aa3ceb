"""Every scale number of issue 7 for N synthetic events, medians of several runs.

    .venv/bin/python bench/run.py 1000 3          # N synthetic events, runs per measurement
    .venv/bin/python bench/run.py 0 5             # the real content
    .venv/bin/python bench/run.py 1000 3 --serve  # also: save → page under `mkdocs serve`

Prints: `timeline validate`; `timeline build` cold and warm; `mkdocs build --strict`; the
floor (MkDocs building the same generated pages with the `timeline` plugin removed); the
peak memory of each (max RSS, from /usr/bin/time); the largest HTML page; the search
index per event; and, with --serve, the time from saving one event's YAML to its rebuilt
page under `mkdocs serve`. Not for CI: 10,000 events take minutes per build.
"""

from __future__ import annotations

import argparse
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from synthetic import write_corpus

from generator.render import GENERATED_DIRS, GENERATED_FILES

from conftest import copy_project

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(*command: str, cwd: Path) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one command."""
    started = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(BIN / command[0]), *command[1:]],
        cwd=cwd, env=ENV, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return time.perf_counter() - started, int(result.stderr.strip().splitlines()[-1])


def clean(project: Path) -> None:
    for folder in GENERATED_DIRS:
        shutil.rmtree(project / "timeline" / folder, ignore_errors=True)
    for name in (*GENERATED_FILES, ".timeline-generated.json"):
        (project / "timeline" / name).unlink(missing_ok=True)


def floor_config(project: Path) -> Path:
    """mkdocs.yml without the timeline plugin: MkDocs alone on the generated pages."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    floor = project / "floor.yml"
    floor.write_text(re.sub(r"  - timeline:\n      content_dir: content\n", "", text), encoding="utf-8")
    return floor


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


def measure(n: int, runs: int, serve: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "p")
        if n:
            write_corpus(n, project)
        n = len(list((project / "content" / "events").rglob("*.yaml")))
        rows: dict[str, list[tuple[float, int]]] = {k: [] for k in ("validate", "build cold", "build warm",
                                                                    "mkdocs build --strict", "floor")}  # fmt: skip
        floor = floor_config(project)
        for _ in range(runs):
            rows["validate"].append(timed("timeline", "validate", "content", cwd=project))
            clean(project)
            rows["build cold"].append(timed("timeline", "build", cwd=project))
            rows["build warm"].append(timed("timeline", "build", cwd=project))
            rows["mkdocs build --strict"].append(timed("mkdocs", "build", "--strict", cwd=project))
            rows["floor"].append(timed("mkdocs", "build", "-f", str(floor), cwd=project))
        print(f"## {n:,} events, {runs} runs (medians)")
        for name, values in rows.items():
            seconds = statistics.median(v[0] for v in values)
            memory = max(v[1] for v in values) / 1024
            print(f"{name:24} {seconds:8.2f} s   peak {memory:7.0f} MiB")
        full = statistics.median(v[0] for v in rows["mkdocs build --strict"])
        bare = statistics.median(v[0] for v in rows["floor"])
        print(f"{'full / floor':24} {full / bare:8.2f} x")
        site = project / "site"
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        print(f"{'largest HTML page':24} {pages[-1].stat().st_size / 1024:8.0f} KiB  {pages[-1].relative_to(site)}")
        index = (site / "search" / "search_index.json").stat().st_size
        print(f"{'search index / event':24} {index / n / 1024:8.2f} KiB")
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"{'site size':24} {size / 1e6:8.1f} MB")
        if serve:
            times = serve_latency(project)
            print(f"{'serve: save → page':24} {statistics.median(times):8.2f} s   {[round(t, 2) for t in times]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("runs", type=int, nargs="?", default=3)
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    measure(args.n, args.runs, args.serve)


if __name__ == "__main__":
    main()
