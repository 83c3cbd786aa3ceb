"""The date resolver of `timeline draft`: temporal expressions in news text → dates of the EDTF subset.

Dates in news are written relative to the day of publication and in the article's language.
The resolver finds them sentence by sentence with rules built from the phrase lists in
``generator/tools/phrases/<language>.yaml`` and resolves each against the publication day,
never more precisely than the words: "last year" is a year, "last autumn" a season, "in
January" a month, "last Friday" a day, "the first half of 2025" six months. Numbers that are
not dates ("1,3 juta", "10.000 tentara", "Law No. 12/2024", "APBN 2025") give none.

    moments       points and spans of the EDTF subset, and the calendar sums on them
    phrases       one language's words, from its YAML file
    rule          what every rule shares: regex pieces, the context of a match, the answers
    rules_names   numbers that are no date (laws, budgets, tournaments, money)
    rules_points  days, months, seasons, years, weekdays, overnight
    rules_spans   ranges, quarters, halves, the first months of a year, weekends, weeks
    rules_counted counted from publication: "N weeks ago", "in two weeks", "the past six months", durations
    finder        the rules in order over a sentence; since, around, possibly; durations' ends

bench/dates/README.md says what each kind of expression resolves to.
"""

from __future__ import annotations

from .finder import Found, Resolver, resolver

__all__ = ["Found", "Resolver", "resolver"]
