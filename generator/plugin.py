"""The MkDocs plugin: the only module that imports MkDocs.

It runs the generator before every build, so ``mkdocs build`` and ``mkdocs serve``
produce the whole site from ``content/``; points the edit link of every generated
page at its YAML file; and, under ``mkdocs serve``, regenerates pages as soon as a
content file is saved.
"""

from __future__ import annotations

import html
import posixpath
import threading
import time
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .build import BuildResult, build_pages
from .memo import Memo
from .output import OutputError
from .problems import format_problems
from .sanitize import sanitize_html
from .site import PAGE_SIZE

log = get_plugin_logger("timeline")

__all__ = ["TimelineConfig", "TimelinePlugin"]


class TimelineConfig(base.Config):
    """Options of the ``timeline`` plugin in ``mkdocs.yml``."""

    content_dir = c.Dir(exists=True, default="content")
    """The folder holding ``events/``, ``actors.yaml``, ``places.yaml`` and ``tags.yaml``,
    relative to ``mkdocs.yml``."""

    page_size = c.Type(int, default=PAGE_SIZE)
    """Events on one listing page at most (timeline parts, actor, place, tag and status pages)."""

    content_edit_uri = c.Optional(c.Type(str))
    """Edit link base for content files, relative to ``repo_url`` (e.g. ``edit/main/content/``).
    By default it is derived from ``edit_uri`` by swapping the docs folder for the content folder."""


class _KeptBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory (Jinja checks each against its template's source)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


class TimelinePlugin(BasePlugin[TimelineConfig]):
    """Generates the timeline's pages from YAML content before each build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._edit_base: str | None = None
        self._content_path: str | None = None
        # Kept across `mkdocs serve` rebuilds: an edit re-reads one file and re-renders what shows it.
        self._memo = Memo()
        self._serving = False
        self._bytecode = _KeptBytecode()
        self._observer: Any = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps one plugin instance (its lock, its memo) across `mkdocs serve` rebuilds."""
        self._serving = command == "serve"

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self._serving and env.bytecode_cache is None:
            # MkDocs makes a new theme environment for every rebuild, which compiles Material's
            # templates again (0.4 s a rebuild); compiled templates are kept across rebuilds here.
            env.bytecode_cache = self._bytecode
        return env

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Worked out once a build, not once a page.
        self._edit_base = self._content_edit_base(config)
        try:
            self._content_path = Path(self.config.content_dir).resolve().relative_to(self._root(config)).as_posix()
        except ValueError:  # content outside the project: no edit links
            self._content_path = None
        return config

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").resolve().parent

    def _generate(self, config: MkDocsConfig) -> BuildResult:
        with self._lock:
            try:
                return build_pages(
                    Path(self.config.content_dir),
                    Path(config.docs_dir),
                    self._root(config),
                    config.site_url,
                    self.config.page_size,
                    # Only a preview gains from the memo; a build would carry every page in it to the end.
                    self._memo if self._serving else None,
                    config.use_directory_urls,
                    # `mkdocs serve` runs threads, which a fork must not copy; its memo does the work there.
                    parallel=not self._serving,
                )
            except OutputError as error:
                raise PluginError(f"timeline: {error}") from error

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        result = self._generate(config)
        if result.report is None:
            raise PluginError(
                "timeline: the content has problems, so the site was not built\n" + format_problems(result.errors)
            )
        if result.problems:
            # Soft problems are not errors: MkDocs' warnings would fail `mkdocs build --strict`.
            log.info("%d warnings in the content; `timeline validate` lists them", len(result.problems))
        report = result.report
        log.info(
            "%d events: %d pages written, %d removed, %d unchanged",
            result.events,
            len(report.written),
            len(report.removed),
            report.unchanged,
        )

    def _content_edit_base(self, config: MkDocsConfig) -> str | None:
        if not config.repo_url:
            return None
        root = self._root(config)
        base_uri = self.config.content_edit_uri
        if base_uri is None and config.edit_uri:
            try:
                docs = Path(config.docs_dir).resolve().relative_to(root).as_posix().strip("/") + "/"
                content = Path(self.config.content_dir).resolve().relative_to(root).as_posix().strip("/") + "/"
            except ValueError:
                return None
            edit_uri = config.edit_uri if config.edit_uri.endswith("/") else config.edit_uri + "/"
            if edit_uri.endswith(docs):
                base_uri = edit_uri[: -len(docs)] + content
        if base_uri is None:
            return None
        return config.repo_url.rstrip("/") + "/" + base_uri.strip("/") + "/"

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        meta = page.meta.get("timeline")
        if isinstance(meta, dict):
            # Never link to the generated Markdown: edit the YAML it came from, or nothing.
            page.edit_url = None
            source = meta.get("source")
            if isinstance(source, str) and self._edit_base and self._content_path:
                relative = posixpath.relpath(source, self._content_path)
                if not relative.startswith(".."):
                    page.edit_url = self._edit_base + relative
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        # Generated pages carry contributors' text: sanitise their HTML (hand-written pages are trusted).
        if isinstance(page.meta.get("timeline"), dict):
            return sanitize_html(html)
        return html

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        # Material writes page.meta.description into an HTML attribute without escaping it,
        # so a summary that quotes someone ("liberate") would break the <meta> tag.
        description = page.meta.get("description")
        if isinstance(description, str):
            page.meta["description"] = html.escape(description, quote=True)
        return context

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Regenerate pages when content changes; MkDocs' own watch on the docs folder then rebuilds.

        Generating here rather than in the rebuild means the pages are written before the
        rebuild starts, so writing them does not set off a second rebuild. The content folder
        has its own observer (inotify where there is one): MkDocs' observer polls every half
        second, which a saved edit would wait for twice.
        """
        import watchdog.events
        import watchdog.observers

        plugin = self

        class _Handler(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                # Reading a file is not a change (the generator reads them all).
                if not event.is_directory and event.event_type not in ("opened", "closed_no_write"):
                    log.debug("content changed: %s %s", event.event_type, event.src_path)
                    plugin._schedule(config)

        self._observer = watchdog.observers.Observer()
        self._observer.schedule(_Handler(), str(self.config.content_dir), recursive=True)
        self._observer.daemon = True
        self._observer.start()
        log.info("watching %s for changes to the timeline's content", self.config.content_dir)
        return server

    def on_shutdown(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            self._observer = None

    def _schedule(self, config: MkDocsConfig) -> None:
        # Editors save in bursts (temporary file, rename); wait for the burst to end.
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(0.1, self._regenerate, args=(config,))
        self._timer.daemon = True
        self._timer.start()

    def _regenerate(self, config: MkDocsConfig) -> None:
        started = time.perf_counter()
        try:
            result = self._generate(config)
        except PluginError as error:
            log.error("%s", error)
            return
        if result.report is None:
            log.error("the content has problems; the site was not updated\n%s", format_problems(result.errors))
        elif result.report.changed:
            log.info(
                "%d pages regenerated from content in %.2f s",
                len(result.report.written) + len(result.report.removed),
                time.perf_counter() - started,
            )
