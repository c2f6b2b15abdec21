"""International groupings and institutions, written down once: code, name, how an article
writes them, and whether ``data/`` can say who belongs.

Used by the article reader (which groupings a text names) and by the diplomacy checks (does the
data say two countries share a grouping). Membership itself is data: ``data/diplomacy/groupings``
(SCO, BRICS, G20, East Asia Summit, Quad, permanent Security Council seats) and
``data/diplomacy/un_membership`` (the United Nations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Grouping:
    """One grouping. ``patterns`` are regular expressions for the ways a text names it (the
    longest match wins, so "UN Security Council" is UNSC, not UN); ``members_in`` names the
    data table that holds its membership, or None when the data do not cover it."""

    code: str
    name: str
    patterns: tuple[str, ...]
    members_in: str | None = None


_O = r"Organi[sz]ation"
_UN = r"(?:United Nations |UN |U\.N\. )?"

#: Every grouping the project knows, by code, in a stable order.
GROUPINGS: dict[str, Grouping] = {g.code: g for g in (
    Grouping("UN", "United Nations", (r"United Nations", r"UN", r"U\.N\."), "un_membership"),
    Grouping("UNSC", "UN Security Council", (rf"{_UN}Security Council", r"UNSC")),
    Grouping("UNSC_P5", "UN Security Council, permanent seat", (), "groupings"),
    Grouping("UNGA", "UN General Assembly", (rf"{_UN}General Assembly", r"UNGA")),
    Grouping("G20", "G20", (r"Group of (?:20|Twenty)", r"G-?20"), "groupings"),
    Grouping("BRICS", "BRICS", (r"BRICS\+?",), "groupings"),
    Grouping("SCO", "Shanghai Cooperation Organisation", (rf"Shanghai Cooperation {_O}", r"SCO"),
             "groupings"),
    Grouping("EAS", "East Asia Summit", (r"East Asia Summit", r"EAS"), "groupings"),
    Grouping("QUAD", "Quad", (r"Quad", r"Quadrilateral Security Dialogue"), "groupings"),
    Grouping("G7", "G7", (r"Group of (?:7|Seven)", r"G-?7"),),
    Grouping("ASEAN", "ASEAN", (r"ASEAN", r"Association of Southeast Asian Nations")),
    Grouping("NATO", "NATO", (r"NATO", rf"North Atlantic Treaty {_O}")),
    Grouping("EU", "European Union", (r"European Union", r"EU")),
    Grouping("SAARC", "SAARC", (r"SAARC",)),
    Grouping("BIMSTEC", "BIMSTEC", (r"BIMSTEC",)),
    Grouping("EAEU", "Eurasian Economic Union", (r"Eurasian Economic Union", r"EAEU")),
    Grouping("CSTO", "Collective Security Treaty Organization",
             (rf"Collective Security Treaty {_O}", r"CSTO")),
    Grouping("OPEC", "OPEC", (r"OPEC\+?",)),
    Grouping("WTO", "World Trade Organization", (rf"World Trade {_O}", r"WTO")),
    Grouping("IMF", "International Monetary Fund", (r"International Monetary Fund", r"IMF")),
    Grouping("WB", "World Bank", (r"World Bank",)),
)}


def name(code: str) -> str:
    """Display name of a grouping code (``SCO`` → ``Shanghai Cooperation Organisation``)."""
    return GROUPINGS[code].name


def with_membership_data() -> list[str]:
    """Codes of the groupings whose membership ``data/`` records, in the table's order."""
    return [g.code for g in GROUPINGS.values() if g.members_in]


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[re.Pattern, str], ...]:
    # a full name may follow a hyphen ("the India-Eurasian Economic Union FTA"); an acronym
    # may not ("pro-EU" is not a mention of the EU)
    return tuple((re.compile(rf"(?<![\w{'' if ' ' in p else '-'}])(?:{p})(?![\w]|-\w)"), g.code)
                 for g in GROUPINGS.values() for p in g.patterns)


def find(text: str) -> list[tuple[int, int, str]]:
    """Every mention of a grouping in ``text`` as ``(start, end, code)``, in reading order.

    Where two patterns overlap the longer match wins ("UN Security Council" is one mention of
    UNSC, not also of UN).
    """
    candidates = [(m.start(), m.end(), code) for pattern, code in _compiled()
                  for m in pattern.finditer(text)]
    taken: list[tuple[int, int, str]] = []
    for start, end, code in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= a or start >= b for a, b, _ in taken):
            taken.append((start, end, code))
    return sorted(taken)
