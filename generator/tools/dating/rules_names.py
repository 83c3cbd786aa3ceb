"""Rules for numbers that look like dates and are not: law and resolution numbers, years that name a budget, sums of money.

Each answers BLOCK, so no later rule reads a date in the same words.
"""

from __future__ import annotations

import re

from .rule import BLOCK, YEAR, Answer, Context, Pieces, Rule, compile_rule

__all__ = ["rules"]

# Currency signs before an amount: "Rp2.025", "US$2,024", "€19.99". The same in every language.
_MONEY = r"(?:Rp|US\$|S\$|A\$|\$|€|£|¥)\s?\d[\d.,]*"


def rules(p: Pieces) -> dict[str, Rule]:
    """The rules of this module by name; the finder decides their order."""
    w = p.phrases
    event = rf"(?P<event>{w.pattern('events')})"
    # A capitalised word of the name that is no month: "Piala Dunia U-17 2025", "the 2024 Paris Olympics".
    name = rf"(?!(?:{p.month_words})\b)(?-i:[A-Z][\w-]*)"
    return {
        # "UU Nomor 12 Tahun 2024", "Law No. 12/2024", "resolution 2231".
        "numbered": compile_rule(
            rf"(?:{w.pattern('numbered')})\s*\d+(?:\s*/\s*\d{{2,4}}|\s+(?:{p.year_unit}|of)\s+\d{{4}})?", _block
        ),
        # "APBN 2025", "fiscal 2026", "FY2025", "tahun anggaran 2026".
        "year_name_before": compile_rule(rf"(?:{w.pattern('year_names_before')})[\s-]*{YEAR}", _block),
        "year_name_after": compile_rule(rf"{YEAR}\s+(?:{w.pattern('year_names_after')})", _block),
        "event_year": compile_rule(
            rf"{event}(?:\s+{name}){{0,2}}\s+{YEAR}|{YEAR}\s+(?:{name}\s+)?{event.replace('<event>', '<event2>')}",
            _event,
        ),
        "money": compile_rule(_MONEY, _block),
        # "setiap Senin", "every spring": habits, not dates.
        "every": compile_rule(
            rf"(?:{w.pattern('every')})\s+(?:{p.weekday_words}|{p.month_words}|{w.pattern('seasons')}|{p.unit_words})",
            _block,
        ),
    }


def _block(m: re.Match[str], ctx: Context) -> Answer:
    return BLOCK


def _event(m: re.Match[str], ctx: Context) -> Answer:
    # A name is capitalised: "the 2023 games were cancelled" may still date something.
    return BLOCK if (m["event"] or m["event2"])[0].isupper() else None
