"""Indian fiscal years (April–March), labelled ``FY2023-24``."""

from __future__ import annotations

import re

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
