"""What the overview graphic costs, for N synthetic events (issue 15's targets: under 5% of the
build, about 600 marks and 100 KB at most per graphic at 10,000 events).

    .venv/bin/python bench/overview.py 1000 10000   # one line per size; the build time to compare with
                                                    # is docs/benchmarks.md's `mkdocs build --strict`

For each size: how many pages carry an overview, the largest graphic (bytes, marks), their total
bytes; the generation time of every page with overviews and without (`render_site` in this
process, best of three, every edition); and what the graphics cost MkDocs on the pages that carry
them: Python-Markdown (with mkdocs.yml's extensions) and the sanitiser on those pages with and
without their graphic. Not for CI: 10,000 events take a few minutes.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import markdown
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import copy_project
from synthetic import write_corpus

from generator.content.validate import load_timeline
from generator.sanitize import sanitize_html
from generator.site import render_site, timeline
from generator.site.layout import Layout

_GRAPHIC = re.compile(r'<div class="tl-overview".*?</svg>\s*</div>', re.S)


def best(runs: int, work: Callable[[], object]) -> float:
    """The shortest of ``runs`` timings of ``work`` (s): the least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(n: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "p")
        write_corpus(n, project)
        config = load_config(str(project / "mkdocs.yml"))
        languages = tuple(config.plugins["timeline"].config["languages"])
        loaded, problems = load_timeline(project / "content", project, None, languages)
        assert loaded is not None, problems
        layout = Layout(True, "", "", "content")
        pages = render_site(loaded, layout=layout)
        carrying = {path: text for path, text in pages.items() if 'class="tl-overview"' in text}
        graphics = [g for text in carrying.values() for g in _GRAPHIC.findall(text)]
        assert len(graphics) == len(carrying), "one overview a page"
        largest = max(graphics, key=len)
        marks = max(g.count("<a ") for g in graphics)
        with_graphics = best(runs, lambda: render_site(loaded, layout=layout))
        with mock.patch.object(timeline, "overview", lambda *args: None):
            without_graphics = best(runs, lambda: render_site(loaded, layout=layout))

        converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

        def builder_work(texts: list[str]) -> Callable[[], object]:
            def work() -> None:
                for text in texts:
                    sanitize_html(converter.reset().convert(text))

            return work

        stripped = [_GRAPHIC.sub("", text) for text in carrying.values()]
        mkdocs_with = best(runs, builder_work(list(carrying.values())))
        mkdocs_without = best(runs, builder_work(stripped))
        print(
            f"{n:>6,} events: {len(carrying)} pages with an overview (every edition); largest {len(largest) / 1024:.1f} KiB"
            f" with {marks} marks; all {sum(map(len, graphics)) / 1024:.0f} KiB\n"
            f"        generation {with_graphics:.2f} s with, {without_graphics:.2f} s without"
            f" (+{with_graphics - without_graphics:.2f} s)\n"
            f"        Markdown + sanitiser on those pages {mkdocs_with:.2f} s with, {mkdocs_without:.2f} s without"
            f" (+{mkdocs_with - mkdocs_without:.2f} s)\n"
            f"        added in all: {with_graphics - without_graphics + mkdocs_with - mkdocs_without:.2f} s",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for n in args.sizes:
        measure(n, args.runs)


if __name__ == "__main__":
    main()
