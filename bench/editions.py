"""One edition against two (issue 16's target: two editions in at most twice the time of one).

    .venv/bin/python bench/editions.py            # 1,000 events, 3 rounds
    .venv/bin/python bench/editions.py 1000 5     # N events, rounds

Two copies of the project with the same N synthetic events: the site as it is (English and
Indonesian, every event translated) and the same site with English alone (`bench/run.py
--english-only`). Each round builds one, then the other, so that a slow minute of a busy
machine falls on both: `mkdocs build --strict` from clean (the plugin generates every page,
MkDocs builds, Pagefind indexes), then again with the pages current. Prints the medians, the
peak memory and the ratios. Not for CI.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import clean, copy_project, english_only, timed
from synthetic import write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=1000)
    parser.add_argument("rounds", type=int, nargs="?", default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        projects = {}
        for name, english in (("English alone", True), ("two editions", False)):
            project = copy_project(Path(tmp) / ("en" if english else "both"))
            if english:
                english_only(project)
            write_corpus(args.n, project, translated=not english)
            projects[name] = project
        found: dict[str, dict[str, list[tuple[float, int]]]] = {name: {"clean": [], "current": []} for name in projects}
        for k in range(args.rounds):
            for name, project in projects.items():
                clean(project)
                found[name]["clean"].append(timed("mkdocs", "build", "--strict", "-q", cwd=project))
                found[name]["current"].append(timed("mkdocs", "build", "--strict", "-q", cwd=project))
                times = ", ".join(f"{kind} {runs[-1][0]:.2f} s" for kind, runs in found[name].items())
                print(f"round {k + 1}, {name}: {times}", flush=True)
        print(f"## {args.n:,} events, medians of {args.rounds} alternating rounds")
        medians = {}
        for name, kinds in found.items():
            medians[name] = {kind: statistics.median(t for t, _ in runs) for kind, runs in kinds.items()}
            peak = max(m for runs in kinds.values() for _, m in runs) / 1024
            print(f"{name:14} from clean {medians[name]['clean']:6.2f} s, pages current "
                  f"{medians[name]['current']:6.2f} s, peak {peak:4.0f} MiB")  # fmt: skip
        one, two = medians["English alone"], medians["two editions"]
        print(f"two / one      from clean {two['clean'] / one['clean']:.2f} x, "
              f"pages current {two['current'] / one['current']:.2f} x")  # fmt: skip


if __name__ == "__main__":
    main()
