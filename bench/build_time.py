"""Build times of the real site and of N synthetic events (medians of several runs).

    .venv/bin/python bench/build_time.py            # real content, then 1,000 events
    .venv/bin/python bench/build_time.py 1000 5     # N events, 5 runs each

Prints `timeline validate`, `timeline build` cold and warm, and a full
`mkdocs build --strict`, each the median wall time of the runs.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from synthetic import write_corpus

from generator.render import GENERATED_DIRS, GENERATED_FILES

from conftest import copy_project

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(*command: str, cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / command[0]), *command[1:]], cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def measure(project: Path, runs: int) -> dict[str, float]:
    results: dict[str, list[float]] = {"validate": [], "build cold": [], "build warm": [], "mkdocs build --strict": []}
    for _ in range(runs):
        results["validate"].append(timed("timeline", "validate", "content", cwd=project))
        for folder in GENERATED_DIRS:
            shutil.rmtree(project / "timeline" / folder, ignore_errors=True)
        for name in GENERATED_FILES:
            (project / "timeline" / name).unlink(missing_ok=True)
        (project / "timeline" / ".timeline-generated.json").unlink(missing_ok=True)
        results["build cold"].append(timed("timeline", "build", cwd=project))
        results["build warm"].append(timed("timeline", "build", cwd=project))
        results["mkdocs build --strict"].append(timed("mkdocs", "build", "--strict", cwd=project))
    return {name: statistics.median(values) for name, values in results.items()}


def report(label: str, project: Path, runs: int) -> None:
    numbers = measure(project, runs)
    size = sum(f.stat().st_size for f in (project / "site").rglob("*") if f.is_file())
    print(f"{label}: " + ", ".join(f"{k} {v:.2f} s" for k, v in numbers.items()) + f", site {size / 1e6:.1f} MB")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        real = copy_project(Path(tmp) / "real")
        report("real content", real, runs)
        synthetic = copy_project(Path(tmp) / "synthetic")
        write_corpus(n, synthetic)
        report(f"{n:,} synthetic events", synthetic, runs)


if __name__ == "__main__":
    main()
