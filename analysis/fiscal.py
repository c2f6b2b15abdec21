"""Indian fiscal years (April–March), labelled ``FY2023-24``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.errors import ParameterError

_FY = re.compile(r"^FY(\d{4})-(\d{2})$")


def fy_label(start_year: int) -> str:
    """Label of the fiscal year that starts in April of ``start_year`` (2023 → ``FY2023-24``)."""
    return f"FY{start_year}-{(start_year + 1) % 100:02d}"


def fy_start(label: str) -> int:
    """Calendar year in which fiscal year ``label`` starts (``FY2023-24`` → 2023).

    Raises ParameterError for anything that is not a well-formed, consistent label.
    """
    m = _FY.match(str(label))
    if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
        raise ParameterError(
            f"{label!r} is not a fiscal year label; expected the form FY2023-24 "
            "(April 2023 – March 2024)"
        )
    return int(m.group(1))


def is_fy_label(label: object) -> bool:
    """True when ``label`` is a well-formed fiscal-year label such as ``FY2023-24``."""
    try:
        fy_start(str(label))
    except ParameterError:
        return False
    return True


def fy_range(fy_from: str, fy_to: str) -> list[str]:
    """All fiscal-year labels from ``fy_from`` to ``fy_to`` inclusive, in order.

    Raises ParameterError when the range is empty (``fy_from`` after ``fy_to``).
    """
    a, b = fy_start(fy_from), fy_start(fy_to)
    if a > b:
        raise ParameterError(f"empty fiscal-year range: {fy_from} is after {fy_to}")
    return [fy_label(y) for y in range(a, b + 1)]


def fy_of_month(year: int, month: int) -> str:
    """Fiscal year containing calendar ``month`` of ``year`` (March 2024 → ``FY2023-24``)."""
    return fy_label(year if month >= 4 else year - 1)


# --- how texts write months and fiscal years ---------------------------------------------------

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
#: A month name as news prose writes it: in full or abbreviated ("Sept.", "Dec").
MONTH_PATTERN = (rf"(?:{'|'.join(m.capitalize() for m in MONTHS)}"
                 r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")

_P_FY_ENDED = re.compile(
    rf"\b(?:(?:(?:financial|fiscal)\s+)?year|fiscal|(?:12|twelve)\s+months)\s+(?:that\s+)?"
    rf"(?:ended|ending|ends|to|through)\s+"
    rf"(?:(?:on\s+)?\d{{1,2}}\s+)?(?P<month>{MONTH_PATTERN})\s+(?:\d{{1,2}},?\s+)?"
    rf"(?P<year>\d{{4}})\b")
_P_FY_LABEL = re.compile(
    r"\b(?:(?:financial|fiscal)\s+(?:year\s+)?|FY\s?)(?P<a>\d{4})\s?[-–/]\s?['’]?(?P<b>\d{4}|\d{2})\b"
    r"|\bFY\s?'?(?P<sa>\d{2})\s?[-–/]\s?(?P<sb>\d{2})(?!\d)"
    r"|\bFY\s?'?(?P<short>\d{2})(?!\d)|\bFY\s?(?P<long>\d{4})\b(?![-–/]\d)"
    r"|\b(?:financial|fiscal)\s+(?:year\s+)?(?P<ending>\d{4})\b(?![-–/]\d)"
    r"|(?<![\w$€£¥₹.,-])(?P<bare_a>(?:19|20)\d{2})[-–/]['’]?(?P<bare_b>\d{2})\b(?![-–/]?\d)")


def month_number(text: str) -> int:
    """1–12 for a month name or abbreviation (``"Sept."`` → 9)."""
    key = text.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(key))


@dataclass(frozen=True)
class FiscalMention:
    """A fiscal year named in a text: ``text[start:end]``. ``label`` is the Indian fiscal year
    (``FY2023-24``); a twelve-month year ending in another month than March has no label and a
    ``period`` ``YYYY-MM/YYYY-MM`` instead. ``year`` is the calendar year the fiscal year starts
    in (for a labelled one) or ends in (for another twelve-month year)."""

    start: int
    end: int
    year: int
    label: str | None
    period: str


def fiscal_mentions(text: str) -> list[FiscalMention]:
    """Every fiscal year ``text`` names, in any of the forms news prose uses: ``FY2023-24``,
    ``FY24`` and ``FY2024`` (the year ending March 2024), ``2023-24``, ``fiscal 2024``,
    ``financial year 2023-24``, ``financial year ended March 2024``. Overlapping mentions
    are all returned; callers keep the longest."""
    found = []
    for m in _P_FY_ENDED.finditer(text):
        month, year = month_number(m["month"]), int(m["year"])
        if month == 3:
            label = fy_of_month(year, month)
            found.append(FiscalMention(m.start(), m.end(), year - 1, label, label))
        else:  # a twelve-month year ending in another month: not an Indian fiscal year
            start_month = month % 12 + 1
            start_year = year - 1 if month < 12 else year
            found.append(FiscalMention(m.start(), m.end(), year, None,
                                       f"{start_year}-{start_month:02d}/{year}-{month:02d}"))
    for m in _P_FY_LABEL.finditer(text):
        if m["a"] or m["bare_a"]:
            a = int(m["a"] or m["bare_a"])
            if int(m["b"] or m["bare_b"]) % 100 != (a + 1) % 100:
                continue  # "2019-21" is not one fiscal year
            start = a
        elif m["sa"]:
            if int(m["sb"]) != (int(m["sa"]) + 1) % 100:
                continue  # "FY18-20" is not one fiscal year
            start = 2000 + int(m["sa"])
        elif m["short"]:
            start = 2000 + int(m["short"]) - 1
        else:
            start = int(m["long"] or m["ending"]) - 1
        found.append(FiscalMention(m.start(), m.end(), start, fy_label(start), fy_label(start)))
    return found
