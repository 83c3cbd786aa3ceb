"""What the generator needs from ``mkdocs.yml``, read without MkDocs.

``timeline publish`` runs builders that read ``mkdocs.yml`` themselves; before that it must
generate the pages exactly as the MkDocs plugin would, so it needs the same few settings:
folders, the site's and the repository's addresses, URL style and the plugin's options.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Project", "ProjectError", "edit_base", "edition_problem", "read_project"]


class ProjectError(Exception):
    """``mkdocs.yml`` cannot be read or lacks what publishing needs; the message says what."""


class _Loader(yaml.SafeLoader):
    """YAML with MkDocs' ``!ENV`` tag (the variable's value, or the default after it)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        assert isinstance(node, yaml.SequenceNode)
        values = loader.construct_sequence(node)
        names, default = [str(v) for v in values[:-1]] or [str(values[0])], values[-1] if len(values) > 1 else None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


_Loader.add_constructor("!ENV", _env)


@dataclass(frozen=True)
class Project:
    """The settings of one project: its root and what ``mkdocs.yml`` says."""

    root: Path
    config_file: Path
    docs_dir: Path
    site_dir: Path
    content_dir: Path
    page_size: int
    site_url: str | None
    repo_url: str | None
    edit_uri: str | None
    content_edit_uri: str | None
    directory_urls: bool
    languages: tuple[str, ...] = ()
    """The site's editions besides English (the plugin's ``languages``): their pages are under /<code>/."""
    lanes: str = "status"
    """What the overview's lanes stand for (the plugin's ``overview_lanes``)."""


def read_project(config_file: Path) -> Project:
    """The project whose ``mkdocs.yml`` is ``config_file``."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as error:
        raise ProjectError(f"cannot read {config_file}: {error.strerror or error}") from error
    except yaml.YAMLError as error:
        raise ProjectError(f"{config_file} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ProjectError(f"{config_file} must be a mapping of settings")
    root = config_file.resolve().parent
    options: dict[str, Any] = {}
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "timeline" in plugin:
            options = plugin["timeline"] or {}
    from ..site.paging import PAGE_SIZE  # the default the plugin uses too

    return Project(
        root=root,
        config_file=config_file.resolve(),
        docs_dir=root / str(data.get("docs_dir", "docs")),
        site_dir=root / str(data.get("site_dir", "site")),
        content_dir=root / str(options.get("content_dir", "content")),
        page_size=int(options.get("page_size", PAGE_SIZE)),
        site_url=_slash(data.get("site_url")),
        repo_url=data.get("repo_url") or None,
        edit_uri=data.get("edit_uri") or None,
        content_edit_uri=options.get("content_edit_uri"),
        directory_urls=bool(data.get("use_directory_urls", True)),
        languages=_languages(options.get("languages"), data.get("extra"), config_file),
        lanes=_lanes(options.get("overview_lanes", "status"), config_file),
    )


def _lanes(value: object, config_file: Path) -> str:
    from ..site.overview import LANES

    if value not in LANES:
        raise ProjectError(f"{config_file}: the timeline plugin's overview_lanes must be one of {', '.join(LANES)}, "
                           f"not {value!r}")  # fmt: skip
    return str(value)


def _languages(value: object, extra: object, config_file: Path) -> tuple[str, ...]:
    from ..site.words import language_problem

    if value is None:
        return ()
    if not isinstance(value, list):
        raise ProjectError(f"{config_file}: the timeline plugin's languages must be a list, e.g. [id]")
    for code in value:
        problem = language_problem(code) or edition_problem(code, extra)
        if problem:
            raise ProjectError(f"{config_file}: the timeline plugin's languages: {problem}")
    return tuple(value)


def edition_problem(code: str, extra: object) -> str | None:
    """What the theme lacks to show the edition ``code``, or None: its entry in ``extra.alternate``
    (the language switcher) and its words in ``extra.editions``."""
    alternate = extra.get("alternate") if isinstance(extra, Mapping) else None
    if not isinstance(alternate, list) or not any(isinstance(a, dict) and a.get("lang") == code for a in alternate):
        return (f"{code!r} has no entry in extra.alternate, so no page would lead to its edition; add "
                f"{{name: …, link: /{code}/, lang: {code}}}")  # fmt: skip
    editions = extra.get("editions") if isinstance(extra, Mapping) else None
    own = editions.get(code) if isinstance(editions, Mapping) else None
    if not isinstance(own, Mapping) or "site_name" not in own:
        return f"{code!r} has no extra.editions.{code}.site_name: the edition's name in its own language"
    return None


def _slash(url: object) -> str | None:
    """An address with a closing slash, as MkDocs reads ``site_url``."""
    return str(url).rstrip("/") + "/" if url else None


def edit_base(
    repo_url: str | None,
    edit_uri: str | None,
    docs_dir: Path,
    content_dir: Path,
    root: Path,
    content_edit_uri: str | None = None,
) -> str:
    """The address at which the content folder's files are edited in the repository, or ''.

    ``content_edit_uri`` (relative to ``repo_url``) is used as it is; otherwise it is made from
    ``edit_uri`` by putting the content folder where the docs folder is (``edit/main/timeline/``
    → ``edit/main/content/``)."""
    if not repo_url:
        return ""
    base_uri = content_edit_uri
    if base_uri is None and edit_uri:
        try:
            docs = docs_dir.resolve().relative_to(root.resolve()).as_posix().strip("/") + "/"
            content = content_dir.resolve().relative_to(root.resolve()).as_posix().strip("/") + "/"
        except ValueError:
            return ""
        uri = edit_uri if edit_uri.endswith("/") else edit_uri + "/"
        if uri.endswith(docs):
            base_uri = uri[: -len(docs)] + content
    if base_uri is None:
        return ""
    return repo_url.rstrip("/") + "/" + base_uri.strip("/") + "/"
