"""Search and publishing at scale: each builder, the Pagefind index, and a search in Chromium.

    .venv/bin/python bench/search.py              # 1,000 and 10,000 events (about 25 minutes)
    .venv/bin/python bench/search.py 1000         # N synthetic events
    .venv/bin/python bench/search.py 10000 --builders mkdocs   # only these builders' publish

For N synthetic events whose summaries draw on a 30,000-word vocabulary (so the index has the
shape of real text), with one made-up word planted in one event: `timeline build`, then
`timeline publish` with MkDocs, ProperDocs and Zensical (wall time and peak memory; the pages
are current, so each is the builder plus the last pass), the index's size, and — in Debian's
Chromium, on the MkDocs site served from localhost — the rare word searched right after an
event page loads: the time from the first key to the first result, and the bytes fetched
for it (Pagefind's script, its WebAssembly, the index chunks and the result's fragment).
Targets at 10,000 events: under 500 ms and 300 KB. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import copy_project, timed
from synthetic import write_corpus

RARE = "quetzalcoatlite"
BUILDERS = ("mkdocs", "properdocs", "zensical")
CHROMIUM = "/usr/bin/chromium"


def plant(project: Path) -> str:
    """Put the rare word into one event's summary; return that event's id."""
    events = sorted((project / "content" / "events").rglob("*.yaml"))
    event = events[len(events) // 2]
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("summary: |\n  ", f"summary: |\n  The {RARE} shipment. ", 1), encoding="utf-8")
    return event.stem


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def search_in_chromium(site: Path, page_path: str, runs: int = 3) -> list[tuple[float, int, int]]:
    """(ms from the first key to the first result, bytes fetched, requests) for each run, each in a
    fresh browser context (nothing cached)."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{page_path}"
    found = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                        "--disable-background-networking"])  # fmt: skip
            for _ in range(runs):
                context = browser.new_context()
                page = context.new_page()
                page.goto(url, wait_until="networkidle")
                # Every response from now on, the page's and its workers' (Pagefind searches in one).
                fetched: list[int] = []
                context.on("response", lambda r, into=fetched: into.append(int(r.headers.get("content-length", "0"))))
                page.locator(".tl-search__input").focus()
                started = page.evaluate("performance.now()")
                page.keyboard.type(RARE, delay=0)
                page.wait_for_selector(".tl-search__result", timeout=60000)
                ended = page.evaluate("performance.now()")
                found.append((ended - started, sum(fetched), len(fetched)))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return found


def measure(n: int, builders: tuple[str, ...] = BUILDERS) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "p")
        write_corpus(n, project, varied=True)
        event = plant(project)
        seconds, memory = timed("timeline", "build", cwd=project)
        print(f"## {n:,} events")
        print(f"{'timeline build (cold)':28} {seconds:8.2f} s   peak {memory / 1024:6.0f} MiB")
        for builder in builders:
            site = project / f"site-{builder}"
            seconds, memory = timed("timeline", "publish", "--builder", builder, "-d", str(site), cwd=project)
            print(f"{'publish, ' + builder:28} {seconds:8.2f} s   peak {memory / 1024:6.0f} MiB")
        site = project / "site-mkdocs"
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        largest = pages[-1]
        print(f"{'largest page':28} {largest.stat().st_size / 1024:8.0f} KiB  {largest.relative_to(site)}"
              f"  ({sum(1 for p in pages if p.stat().st_size > 300_000)} over 300 KB)")  # fmt: skip
        index = site / "pagefind"
        files = [p for p in index.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        print(
            f"{'index (pagefind/)':28} {size / 1e6:8.1f} MB in {len(files):,} files ({size / n / 1024:.1f} KiB/event)"
        )
        pagefind_seconds, _ = timed("python", "-m", "pagefind", "--site", str(site), "--output-path",
                                    str(Path(tmp) / "again"), cwd=project)  # fmt: skip
        print(f"{'Pagefind alone':28} {pagefind_seconds:8.2f} s")
        runs = search_in_chromium(site, f"events/{event}/")
        for ms, fetched, requests in runs:
            print(f"{'rare word → first result':28} {ms:8.0f} ms  {fetched / 1024:7.1f} KiB in {requests} requests")
        shutil.rmtree(Path(tmp) / "again", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?")
    parser.add_argument("--builders", nargs="+", choices=BUILDERS, default=list(BUILDERS),
                        help="publish with these (mkdocs first: the search runs on its site)")  # fmt: skip
    args = parser.parse_args()
    if args.builders[0] != "mkdocs":
        parser.error("--builders must start with mkdocs: the index and the search are measured on its site")
    for n in [args.n] if args.n else [1000, 10000]:
        measure(n, tuple(args.builders))
        time.sleep(1)


if __name__ == "__main__":
    main()
