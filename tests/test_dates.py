"""The date language: every allowed form, its order and display, and clear errors for the rest."""

from __future__ import annotations

import datetime as dt
import time

import edtf
import pytest

from generator.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "shown", "precision"),
    [
        ("2023-09-10", "2023-09-10", "2023-09-10", "10 September 2023", "day"),
        ("2025-01", "2025-01-01", "2025-01-31", "January 2025", "month"),
        ("2024-02", "2024-02-01", "2024-02-29", "February 2024", "month"),
        ("2024", "2024-01-01", "2024-12-31", "2024", "year"),
        ("2024-21", "2024-03-01", "2024-05-31", "Spring 2024", "season"),
        ("2024-22", "2024-06-01", "2024-08-31", "Summer 2024", "season"),
        ("2024-23", "2024-09-01", "2024-11-30", "Autumn 2024", "season"),
        ("2024-24", "2024-12-01", "2025-02-28", "Winter 2024", "season"),
        ("2024-09~", "2024-09-01", "2024-09-30", "c. September 2024", "month"),
        ("2025-04?", "2025-04-01", "2025-04-30", "April 2025 (uncertain)", "month"),
        ("2025-04-28?", "2025-04-28", "2025-04-28", "28 April 2025 (uncertain)", "day"),
        ("2024-08-06/2025-04-26", "2024-08-06", "2025-04-26", "6 August 2024 – 26 April 2025", "interval"),
        ("2024-09~/2025-04~", "2024-09-01", "2025-04-30", "c. September 2024 – c. April 2025", "interval"),
        ("2024-23/..", "2024-09-01", None, "Autumn 2024 onwards", "interval"),
        ("../2025-04-26", "2025-04-26", "2025-04-26", "Until 26 April 2025", "interval"),
    ],
)
def test_every_allowed_form(text: str, earliest: str, latest: str | None, shown: str, precision: str) -> None:
    date = parse_date(text)
    assert date.earliest == dt.date.fromisoformat(earliest)
    assert date.latest == (dt.date.fromisoformat(latest) if latest else None)
    assert date.display() == shown
    assert date.precision == precision
    assert date.edtf == text


def test_yaml_date_objects_are_days() -> None:
    date = parse_date(dt.date(2025, 4, 28))
    assert (date.edtf, date.precision, date.display()) == ("2025-04-28", "day", "28 April 2025")


@pytest.mark.parametrize(
    "text",
    [
        "2023-09-10",
        "2025-01",
        "2024",
        "2024-21",
        "2024-22",
        "2024-23",
        "2024-09~",
        "2025-04?",
        "2024-08-06/2025-04-26",
        "2024-09~/2025-04~",
    ],
)
def test_bounds_agree_with_the_edtf_package(text: str) -> None:
    """The edtf package is the reference for the forms it parses (its winter ends on 31 December, ours does not)."""
    reference = edtf.parse_edtf(text)
    date = parse_date(text)
    assert date.earliest.isoformat() == time.strftime("%Y-%m-%d", reference.lower_strict())
    assert date.latest is not None
    assert date.latest.isoformat() == time.strftime("%Y-%m-%d", reference.upper_strict())


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2025-02-30", "February 2025 has days 1 to 28, not 30"),
        ("2025-13", "13 is neither a month (01-12) nor a season"),
        ("2024-25", "25 is neither a month"),
        ("28 April 2025", "is not a date; write a day 2023-09-10"),
        ("2025-04-28T10:00", "is not a date"),
        ("2025-04%", "is not a date"),
        ("../..", "open at both ends"),
        ("2025-04-26/2024-08-06", "ends (6 August 2024) before it starts (26 April 2025)"),
        ("2024/2025/2026", "more than one '/'"),
        ("", "is not a date"),
    ],
)
def test_errors_say_what_is_allowed(text: str, says: str) -> None:
    with pytest.raises(DateError) as error:
        parse_date(text)
    assert says in str(error.value)


def test_order_is_earliest_day_then_coarser_first() -> None:
    texts = ["2025-01-11", "2025-01", "2025", "2024-24", "2024-12~", "2025-01-01", "2024-12-01/2025-03"]
    ordered = sorted(texts, key=lambda t: parse_date(t).sort_key())
    assert ordered == ["2024-12-01/2025-03", "2024-24", "2024-12~", "2025", "2025-01", "2025-01-01", "2025-01-11"]
