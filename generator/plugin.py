"""The MkDocs plugin: the only module that imports MkDocs.

It runs the generator before every build, so ``mkdocs build`` and ``mkdocs serve``
produce the whole site from ``content/``; sanitises generated pages' HTML; writes the
search index after the build; and, under ``mkdocs serve``, regenerates pages as soon as a
content file is saved. Edit links come from the generated pages' front matter, so builders
that run no plugin (`timeline publish --builder zensical`) show the same ones.
"""

from __future__ import annotations

import html
import os
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
from .publish.builders import PUBLISHING
from .publish.project import edit_base, edition_problem
from .publish.search import SearchError, write_index
from .sanitize import sanitize_html
from .site import PAGE_SIZE
from .site.overview import LANES
from .site.words import language_problem

log = get_plugin_logger("timeline")


__all__ = ["TimelineConfig", "TimelinePlugin"]


class TimelineConfig(base.Config):
    """Options of the ``timeline`` plugin in ``mkdocs.yml``."""

    content_dir = c.Dir(exists=True, default="content")
    """The folder holding ``events/``, ``actors.yaml``, ``places.yaml`` and ``tags.yaml``,
    relative to ``mkdocs.yml``."""

    page_size = c.Type(int, default=PAGE_SIZE)
    """Events on one listing page at most (timeline parts, actor, place, tag and status pages)."""

    languages = c.ListOfItems(c.Type(str), default=[])
    """The site's editions besides English, e.g. ``[id]``: each edition's pages are under ``/<code>/``,
    with the site's words from ``generator/site/words/<code>.yaml``."""

    overview_lanes = c.Choice(LANES, default="status")
    """What the overview graphic's lanes stand for: each event's status, its tags, or the kinds of its actors."""

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
        self._edit_base = ""
        # Kept across `mkdocs serve` rebuilds: an edit re-reads one file and re-renders what shows it.
        self._memo = Memo()
        self._serving = False
        self._bytecode = _KeptBytecode()
        self._observer: Any = None
        self._indexer: threading.Thread | None = None
        self._index_again = False

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
        for code in self.config.languages:
            problem = language_problem(code) or edition_problem(code, config.extra)
            if problem:
                raise PluginError(f"timeline: languages: {problem}")
        # Worked out once a build, not once a page: where the content's YAML files are edited.
        self._edit_base = edit_base(
            config.repo_url, config.edit_uri, Path(config.docs_dir), Path(self.config.content_dir),
            self._root(config), self.config.content_edit_uri,
        )  # fmt: skip
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
                    edit_base=self._edit_base,
                    languages=tuple(self.config.languages),
                    lanes=self.config.overview_lanes,
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

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        # Generated pages carry contributors' text: sanitise their HTML (hand-written pages are trusted).
        if isinstance(page.meta.get("timeline"), dict):
            return sanitize_html(html)
        return html

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        # Material writes page.meta.description into an HTML attribute without escaping it, so a
        # description that quotes someone would break the <meta> tag. Generated pages come escaped.
        description = page.meta.get("description")
        if isinstance(description, str) and not isinstance(page.meta.get("timeline"), dict):
            page.meta["description"] = html.escape(description, quote=True)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search index; under `mkdocs serve` in the background, so the page shows at once."""
        if os.environ.get(PUBLISHING):
            return  # `timeline publish` indexes the site itself, after its own pass over it
        site_dir = Path(config.site_dir)
        if not self._serving:
            self._index(site_dir)
            return
        with self._lock:
            self._index_again = True
            if self._indexer is not None and self._indexer.is_alive():
                return  # the running refresh starts over when it ends
            self._indexer = threading.Thread(target=self._index_in_background, args=(site_dir,), daemon=True)
            self._indexer.start()

    def _index_in_background(self, site_dir: Path) -> None:
        while True:
            with self._lock:
                if not self._index_again:
                    return
                self._index_again = False
            try:
                report = write_index(site_dir, background=True)
            except SearchError as error:
                log.error("%s", error)
                return
            log.info("search index refreshed in the background: %d pages in %.1f s", report.pages, report.seconds)

    def _index(self, site_dir: Path) -> None:
        try:
            report = write_index(site_dir)
        except SearchError as error:
            raise PluginError(f"timeline: {error}") from error
        log.info("search index: %d pages in %d languages, %.1f s", report.pages, report.languages, report.seconds)

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
