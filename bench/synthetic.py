"""Write a synthetic timeline of N events (every date form, statuses, sources, related links).

    python bench/synthetic.py 1000 /tmp/corpus     # → /tmp/corpus/content/...

The registries are the real ones from content/, so ids resolve; event text is filler
of realistic length (~200 words a page).
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "troops",
    "artillery",
    "shells",
    "deployment",
    "officials",
    "said",
    "region",
    "border",
    "intelligence",
    "estimate",
    "missile",
    "treaty",
    "ministry",
    "statement",
    "agency",
    "reported",
    "claimed",
    "denied",
    "front",
    "village",
    "supply",
    "shipment",
]


def sentence(rng: random.Random, n: int, words: list[str] = WORDS) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    """Made-up words, as many as real news text uses, so a search index has real text's shape
    (with WORDS alone every page shares the same 22 words)."""
    consonants, vowels = "bcdfghjklmnprstvz", "aeiou"
    found: set[str] = set()
    while len(found) < size:
        found.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4))))
    return sorted(found)


def date_for(rng: random.Random, i: int) -> str:
    year = 2023 + i % 3
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    forms = [
        f"{year}-{month:02d}-{day:02d}",
        f"{year}-{month:02d}",
        f"{year}",
        f"{year}-{rng.randint(21, 24)}",
        f"{year}-{month:02d}~",
        f"{year}-{month:02d}?",
        f"{year}-{month:02d}-{day:02d}/{year + 1}-{month:02d}",
        f"{year}-{month:02d}/..",
    ]
    return forms[i % len(forms)]


def _untranslated(node: object) -> object:
    if isinstance(node, dict):
        return {k: _untranslated(v) for k, v in node.items() if k != "translations"}
    return node


def write_corpus(n: int, target: Path, seed: int = 1, varied: bool = False, translated: bool = True) -> Path:
    """Create ``target/content`` with ``n`` events; return the content folder. With ``varied``, the
    summaries draw on a vocabulary of 30,000 words (for the search benchmark) instead of 22. With
    ``translated`` (as the real content is), each event has its title and summary in Indonesian
    too; without, the registries lose their translations as well (for a site in English alone)."""
    rng = random.Random(seed)
    words = vocabulary(random.Random(seed)) if varied else WORDS
    content = target / "content"
    if content.exists():
        shutil.rmtree(content)
    (content / "events").mkdir(parents=True)
    for name in ("actors.yaml", "places.yaml", "tags.yaml"):
        if translated:
            shutil.copy(ROOT / "content" / name, content / name)
        else:
            data = _untranslated(yaml.safe_load((ROOT / "content" / name).read_text(encoding="utf-8")))
            (content / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    actors = [
        line.split(":")[0] for line in (content / "actors.yaml").read_text().splitlines() if line and line[0].isalpha()
    ]
    tags = [
        line.split(":")[0] for line in (content / "tags.yaml").read_text().splitlines() if line and line[0].isalpha()
    ]
    ids = [f"{2023 + i % 3}-event-{i:05d}" for i in range(n)]
    for i, event_id in enumerate(ids):
        status = ("confirmed", "reported", "claimed", "disputed")[i % 4]
        who = rng.sample(actors, 2)
        lines = [
            f"title: Synthetic event {i} about {rng.choice(WORDS)} and {rng.choice(WORDS)}",
            f"date: '{date_for(rng, i)}'",
            f"status: {status}",
        ]
        if status in ("claimed", "disputed"):
            lines.append(f"claimed_by: [{who[0]}]")
        if status == "disputed":
            lines.append(f"disputed_by: [{who[1]}]")
        paragraphs = [" ".join(sentence(rng, rng.randint(8, 16), words) for _ in range(4)) for _ in range(3)]
        lines.append("summary: |")
        for j, paragraph in enumerate(paragraphs):
            lines.append(f"  {paragraph}")
            if j < len(paragraphs) - 1:
                lines.append("")
        lines += [
            f"actors: [{', '.join(rng.sample(actors, 3))}]",
            "places: [kursk-oblast]",
            f"tags: [{rng.choice(tags)}]",
            "sources:",
            f"  - title: Synthetic source {i % 50}",
            f"    publisher: Publisher {i % 7}",
            "    published: 2025-04-28",
            "    language: id",
            "    via: [Bloomberg, KCNA]",
            f"    quote: {sentence(rng, 20)}",
            f"    translation: {sentence(rng, 20)}",
        ]
        if i > 0:
            lines.append(f"related: [{ids[rng.randrange(i)]}]")
        if translated:  # from a generator of its own, so the English is the same either way
            other = random.Random(seed * 1_000_003 + i)
            lines += ["translations:", "  id:", f"    title: Peristiwa sintetis {i} tentang {other.choice(WORDS)}",
                      "    summary: |"]  # fmt: skip
            for j in range(3):
                lines.append("      " + " ".join(sentence(other, other.randint(8, 16), words) for _ in range(4)))
                if j < 2:
                    lines.append("")
        folder = content / "events" / event_id[:4]
        folder.mkdir(exist_ok=True)
        (folder / f"{event_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return content


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
