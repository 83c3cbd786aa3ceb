"""Precision and recall of `timeline draft`'s date resolver on the labelled set, beside dateparser's.

    .venv/bin/python bench/dates/evaluate.py [--mistakes]

The set is every ``labelled*.yaml`` beside this file (the labelling rules are in README.md);
the figures are printed for the whole set and for each file, then for ``heldout.yaml``: 120
sentences written blind (by a session that had not seen the resolver, from the rules alone)
and never used to change it, the honest figure for articles it has not seen.

Each found date counts once per sentence: right if it is one of the sentence's labels (the
same EDTF string: a day where the text says a month is wrong), wrong otherwise; a label
nobody found is missed. dateparser (search_dates, the article's language, relative to the
publication day, preferring the past) only ever answers with days; it is also scored
leniently, counting a day as right when it falls inside a labelled date's span.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.dates import parse_date
from generator.tools.draft import resolver

# labelled.yaml first, then labelled-2.yaml, labelled-3.yaml ...
LABELLED = sorted(Path(__file__).parent.glob("labelled*.yaml"), key=lambda path: (len(path.stem), path.stem))
HELDOUT = Path(__file__).parent / "heldout.yaml"

Case = tuple[str, dt.date, str, list[str]]
Predict = Callable[[str, dt.date, str], list[str]]


def load_set(files: list[Path] | None = None) -> list[Case]:
    """The labelled sentences of ``files`` (default: all of them): (language, published, sentence, EDTF labels)."""
    cases: list[Case] = []
    for path in LABELLED if files is None else files:
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases += [(lang, published, text, [str(label) for label in labels]) for lang, published, text, labels in rows]
    return cases


def ours(language: str, published: dt.date, sentence: str) -> list[str]:
    """The resolver of `timeline draft`."""
    return [found.edtf for found in resolver(language).find(sentence, published)]


def dateparser_dates(language: str, published: dt.date, sentence: str) -> list[str]:
    """dateparser 1.x as a new user would call it on a sentence."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime.combine(published, dt.time()), "PREFER_DATES_FROM": "past"}
    found = search_dates(sentence, languages=[language], settings=settings) or []
    return [moment.date().isoformat() for _, moment in found]


def _within(day: str, label: str) -> bool:
    try:
        date = parse_date(label)
        value = dt.date.fromisoformat(day)
    except ValueError:
        return False
    latest = date.latest or dt.date.max
    return date.earliest <= value <= latest


def score(predict: Predict, lenient: bool = False, cases: list[Case] | None = None) -> dict[str, float]:
    """True and false positives, misses, precision and recall of one predictor over the set (or ``cases``)."""
    tp = fp = fn = 0
    for language, published, sentence, labels in load_set() if cases is None else cases:
        remaining = list(labels)
        for answer in predict(language, published, sentence):
            match = next((x for x in remaining if x == answer or (lenient and _within(answer, x))), None)
            if match is None:
                fp += 1
            else:
                tp += 1
                remaining.remove(match)
        fn += len(remaining)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"found": tp, "wrong": fp, "missed": fn, "precision": precision, "recall": recall}


def table(title: str, cases: list[Case]) -> None:
    """One table: our resolver and dateparser (strict and lenient) on ``cases``."""
    print(f"\n{title}: {len(cases)} sentences, {sum(len(c[3]) for c in cases)} labelled temporal expressions")
    rows = [("timeline draft", score(ours, cases=cases))]
    try:
        rows += [
            ("dateparser", score(dateparser_dates, cases=cases)),
            ("dateparser, lenient", score(dateparser_dates, True, cases=cases)),
        ]
    except ImportError:
        print("(dateparser is not installed: pip install dateparser)")
    print(f"{'':22} {'precision':>9} {'recall':>7} {'right':>6} {'wrong':>6} {'missed':>7}")
    for name, s in rows:
        print(f"{name:22} {s['precision']:9.3f} {s['recall']:7.3f} {s['found']:6} {s['wrong']:6} {s['missed']:7}")


def mistakes() -> None:
    """Every sentence where the resolver's answer differs from the labels."""
    print("\nWhere timeline draft differs from the labels (published, sentence, labels → answer):")
    for language, published, sentence, labels in load_set():
        answer = ours(language, published, sentence)
        if sorted(answer) != sorted(labels):
            print(f"  {language} {published} {sentence}\n      {labels} → {answer}")


def main() -> None:
    table("Whole set", load_set())
    for path in LABELLED:
        table(path.name, load_set([path]))
    table("Held out (heldout.yaml)", load_set([HELDOUT]))
    if "--mistakes" in sys.argv[1:]:
        mistakes()


if __name__ == "__main__":
    main()
