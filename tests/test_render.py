"""Golden tests of the generated Markdown, and the rules every page follows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.validate import load_timeline
from generator.site import render_site
from generator.site.layout import GENERATED_MARK
from generator.site.markup import excerpt, front_matter, md_text

from conftest import LANGUAGES, ROOT, regenerate

SITE = Path(__file__).parent / "cases" / "site"


def fixture_pages() -> dict[str, str]:
    """The fixture's pages in English and in Indonesian (some of it translated, the rest not)."""
    timeline, problems = load_timeline(SITE / "content", SITE, languages=("id",))
    assert timeline is not None, problems
    return render_site(timeline)


def test_generated_pages_match_the_golden_files() -> None:
    pages = fixture_pages()
    golden = SITE / "pages"
    if regenerate():
        for old in golden.rglob("*.md"):
            old.unlink()
        for path, text in pages.items():
            (golden / path).parent.mkdir(parents=True, exist_ok=True)
            (golden / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(golden).as_posix(): p.read_text(encoding="utf-8") for p in golden.rglob("*.md")}
    assert sorted(pages) == sorted(expected)
    for path, text in pages.items():
        assert text == expected[path], f"{path} differs from its golden file (REGEN_GOLDEN=1 rewrites them)"


def test_every_page_is_marked_as_generated() -> None:
    for path, text in fixture_pages().items():
        assert GENERATED_MARK in text.split("\n\n", 1)[0] + text[:600], path


def test_the_event_url_depends_on_the_id_only(tmp_path: Path) -> None:
    moved = tmp_path / "content"
    import shutil

    shutil.copytree(SITE / "content", moved)
    (moved / "events" / "2025" / "2025-04-dispute.yaml").rename(moved / "events" / "2024" / "2025-04-dispute.yaml")
    event = moved / "events" / "2024" / "2025-04-dispute.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("date: 2025-04?", "date: 2025-03"), encoding="utf-8")
    timeline, _ = load_timeline(moved, tmp_path, languages=("id",))
    assert timeline is not None
    assert "events/2025-04-dispute.md" in render_site(timeline)


def test_aliases_keep_old_addresses_working() -> None:
    pages = fixture_pages()
    alias = pages["events/2025-04-28-old-name.md"]
    assert "redirect: ../../events/2025-04-28-claim/" in alias  # from events/2025-04-28-old-name/
    assert "(../events/2025-04-28-claim.md)" in alias


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("a *b* [c](d)", "a \\*b\\* \\[c\\](d)"),
        ("<script>", "&lt;script&gt;"),
        ("Russia's", "Russia&#39;s"),
        ("x | y", "x \\| y"),
    ],
)
def test_plain_text_is_escaped_for_markdown(text: str, safe: str) -> None:
    assert str(md_text(text)) == safe


def test_excerpt_is_the_first_sentence_as_plain_text() -> None:
    assert excerpt("First with a [link](https://x.org). Second.\n\nThird.") == "First with a link."
    long = "word " * 100
    assert excerpt(long).endswith("…") and len(excerpt(long)) <= 181


def test_real_content_renders_every_page_kind() -> None:
    timeline, _ = load_timeline(ROOT / "content", ROOT, languages=LANGUAGES)
    assert timeline is not None
    pages = render_site(timeline)
    for event in timeline.events:
        assert f"events/{event.id}.md" in pages
    for kind, registry in (("actors", timeline.actors), ("places", timeline.places), ("tags", timeline.tags)):
        assert f"{kind}/index.md" in pages
        for item_id in registry:
            assert f"{kind}/{item_id}.md" in pages
    assert {"timeline/index.md", "sources/index.md", "_generated/latest.md"} <= set(pages)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=60))
def test_front_matter_reads_back_whatever_the_text(text: str) -> None:
    """Front matter is YAML with a JSON value in it (jsonld): both must read back as written."""
    meta = {"title": text, "timeline": {"source": text}, "jsonld": {"name": text, "geo": {"latitude": 0.0001}}}
    assert yaml.safe_load(front_matter(meta).strip("-\n")) == meta
