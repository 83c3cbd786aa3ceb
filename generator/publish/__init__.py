"""Publishing: the same site from any builder that reads ``mkdocs.yml``.

``project`` reads what the generator needs from ``mkdocs.yml`` (without MkDocs); ``search``
writes the Pagefind index of a built site; ``finish`` is the pass over a built site that every
builder gets (sanitised generated pages, the search index); ``builders`` runs MkDocs,
ProperDocs or Zensical; ``publish`` ties them together for `timeline publish`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..build import BuildResult, build_pages
from .builders import BUILDERS, BuildFailed, run_builder
from .finish import Finished, finish_site
from .project import Project, ProjectError, edit_base, read_project
from .search import SearchError

__all__ = ["BUILDERS", "BuildFailed", "ProjectError", "Published", "SearchError", "generate", "publish"]


@dataclass(frozen=True)
class Published:
    """What publishing did: the generation, and the pass over the built site (None when the content had errors)."""

    generation: BuildResult
    finished: Finished | None
    site_dir: Path


def generate(project: Project, parallel: bool = True) -> BuildResult:
    """The generated pages of ``project``, written as the MkDocs plugin would write them."""
    base = edit_base(project.repo_url, project.edit_uri, project.docs_dir, project.content_dir, project.root,
                     project.content_edit_uri)  # fmt: skip
    return build_pages(
        project.content_dir, project.docs_dir, project.root, project.site_url, project.page_size,
        directory_urls=project.directory_urls, parallel=parallel, edit_base=base, languages=project.languages,
        lanes=project.lanes,
    )  # fmt: skip


def publish(config_file: Path, builder: str = "mkdocs", site_dir: Path | None = None) -> Published:
    """Generate, build with ``builder`` and finish the site; raises ProjectError, BuildFailed or
    SearchError (and OutputError from the writer) with a message."""
    project = read_project(config_file)
    target = Path(site_dir) if site_dir is not None else project.site_dir
    generation = generate(project)
    if generation.report is None:
        return Published(generation, None, target)
    run_builder(project, builder, target)
    return Published(generation, finish_site(target), target)
