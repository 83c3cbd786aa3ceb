"""`./dev serve` (`mkdocs serve --dirty --no-strict`): saving a YAML file shows the change after
one rebuild, with no rebuild loop, and the search index is refreshed in the background."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.publish.search import _run

from conftest import copy_project

EVENT = "2025-04-25-kim-attends-destroyer-launch"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(condition: Callable[[], object], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


class Server:
    def __init__(self, project: Path, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.handle = log.open("w")
        self.process = subprocess.Popen(
            # What `./dev serve` runs: only changed pages are rebuilt (MkDocs warns that dirty builds
            # are approximate, which strict mode would make a failure).
            [
                str(Path(sys.executable).parent / "mkdocs"),
                "serve",
                "--dirty",
                "--no-strict",
                "-a",
                f"127.0.0.1:{self.port}",
            ],
            cwd=project,
            stdout=self.handle,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        self.url = f"http://127.0.0.1:{self.port}/"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.handle.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    project = copy_project(tmp_path / "p")
    srv = Server(project, tmp_path / "serve.log")
    try:
        assert wait_for(lambda: "tl-event" in fetch(srv.url + "timeline/")), srv.output()
        yield srv, project
    finally:
        srv.stop()


def test_a_saved_yaml_file_shows_after_one_rebuild(server: tuple[Server, Path]) -> None:
    srv, project = server
    page = srv.url + f"events/{EVENT}/"
    assert "attends the launch" in fetch(page)
    builds_before = srv.output().count("Reloading browsers")
    event = next((project / "content").rglob(f"{EVENT}.yaml"))
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("attends the launch", "watches the launch"), encoding="utf-8")
    assert wait_for(lambda: "watches the launch" in fetch(page), 60), srv.output()
    time.sleep(4)  # long enough for a second, looping rebuild to show in the log
    log = srv.output()
    assert log.count("Reloading browsers") - builds_before == 1, log
    assert "Traceback" not in log


def test_search_is_kept_current_in_the_background(server: tuple[Server, Path]) -> None:
    srv, project = server
    refreshed = "search index refreshed in the background"
    assert wait_for(lambda: refreshed in srv.output(), 60), srv.output()
    before = srv.output().count(refreshed)
    event = next((project / "content").rglob(f"{EVENT}.yaml"))
    event.write_text(event.read_text(encoding="utf-8").replace("attends the launch", "attends the zyxwords launch"))
    assert wait_for(lambda: "zyxwords" in fetch(srv.url + f"events/{EVENT}/"), 60), srv.output()
    assert wait_for(lambda: srv.output().count(refreshed) > before, 60), srv.output()
    assert '"page_count"' in fetch(srv.url + "pagefind/pagefind-entry.json")


def test_broken_yaml_under_serve_is_reported_and_then_recovers(server: tuple[Server, Path]) -> None:
    srv, project = server
    page = srv.url + f"events/{EVENT}/"
    event = next((project / "content").rglob(f"{EVENT}.yaml"))
    good = event.read_text(encoding="utf-8")
    event.write_text("title: [unclosed\n", encoding="utf-8")
    assert wait_for(lambda: "YAML syntax error" in srv.output(), 30), srv.output()
    assert srv.process.poll() is None, "the server must keep running"
    assert "attends the launch" in fetch(page), "the last good site keeps being served"
    event.write_text(good.replace("attends the launch", "attended the launch"), encoding="utf-8")
    assert wait_for(lambda: "attended the launch" in fetch(page), 60), srv.output()
    assert "Traceback" not in srv.output()


def test_renamed_half_written_and_deleted_files_under_serve(server: tuple[Server, Path]) -> None:
    srv, project = server
    event = next((project / "content").rglob(f"{EVENT}.yaml"))
    text = event.read_text(encoding="utf-8")
    # Half-written: the editor has saved only the first half so far.
    event.write_text(text[: len(text) // 2], encoding="utf-8")
    assert wait_for(lambda: "the site was not updated" in srv.output(), 30), srv.output()
    # Renamed, keeping the old address as an alias.
    renamed = event.with_name("2025-04-25-kim-at-the-destroyer-launch.yaml")
    renamed.write_text(text + f"aliases: [{EVENT}]\n", encoding="utf-8")
    event.unlink()
    new_page = srv.url + "events/2025-04-25-kim-at-the-destroyer-launch/"
    assert wait_for(lambda: "attends the launch" in fetch(new_page), 60), srv.output()
    assert wait_for(lambda: 'http-equiv="refresh"' in fetch(srv.url + f"events/{EVENT}/"), 30)
    # Deleted.
    renamed.unlink()
    assert wait_for(lambda: "attends the launch" not in fetch(srv.url + "timeline/"), 60), srv.output()
    assert srv.process.poll() is None and "Traceback" not in srv.output()


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="no process priorities here")
def test_a_preview_indexes_at_the_lowest_priority_so_the_next_rebuild_comes_first() -> None:
    # What Pagefind's wrapper does: start a program of its own, which inherits the priority.
    grandchild = "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"
    child = f"import subprocess, sys, time; time.sleep(0.2); subprocess.run([sys.executable, '-c', {grandchild!r}])"
    assert _run([sys.executable, "-c", child], background=True).stdout.split() == ["19"]
    assert _run([sys.executable, "-c", child], background=False).stdout.split() == [
        str(os.getpriority(os.PRIO_PROCESS, 0))
    ]
