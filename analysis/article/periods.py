"""Periods: which period each figure in an article is of.

A figure takes the period stated nearest to it in the same clause (else the sentence's main
period), so "rose 33% in the financial year ended March 2024, reaching $65.7 billion" gives both
figures ``FY2023-24``; "$X in FY2019" owns the period right after it, "X, up from Y in P" gives
P to Y, and "fourfold since 1980" is a base, not the figure's period.

Given the article's publication date, relative periods are resolved against it: "last
financial year", "the previous fiscal", "current fiscal" (the months reported so far, see
:func:`year_to_date`), "this year", "a year ago", "the same period last year", quarters, month
spans without a year ("the April–July period"), "the first six months of the current fiscal".
A figure whose sentence states no period takes the main period of the sentence before in the
same paragraph ("It was $4 billion." after "… in FY2023-24."), marked ``period_from="carried"``;
a sentence naming "from FY2019 to FY2024" gives its two ends to the next sentences' "from $X to
$Y".

The fiscal-year vocabulary is :mod:`analysis.fiscal`. Finding the figures and the periods a
sentence states is :mod:`analysis.article.claims`, which hands its :class:`Match` records here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from analysis.article.model import Claim
from analysis.fiscal import MONTH_PATTERN, fiscal_mentions, fy_label, fy_start, month_number


@dataclass
class Match:
    """One figure or period found in a sentence, with the state resolving its period needs;
    it becomes a :class:`~analysis.article.model.Claim`. ``start`` and ``end`` are offsets in
    the sentence; ``kind``, ``value``, ``unit``, ``scale``, ``high``, ``qualifier``, ``period``
    and ``period_from`` mean what they mean on a Claim."""

    kind: str
    start: int
    end: int
    value: float
    unit: str
    scale: str | None = None
    period: str | None = None
    high: float | None = None
    qualifier: str | None = None
    shift: int = 0  # "a year ago": the sentence's period moved back this many years
    period_from: str | None = None
    relative: bool = False  # a period resolved against the publication date
    newer: bool = False  # "X, up from Y in P": X is of a later period than Y's
    last_year: bool = False  # "last year", which an article counting in fiscal years means as one
    trailing: bool = False  # "over the past year": the twelve months before publication
    base: bool = False  # "since 1980", "before February 2022": a base or limit, no figure's period
    earlier: bool = False  # "last year", "the previous fiscal": one year before a reference
    possessive: bool = False  # "last year's deficit of $X": the period of that figure only
    chosen: object = None  # the period match a figure took its period from


_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10, "eleven": 11}


def _small_number(text: str) -> float:
    """A count of months or years written in digits or as a word ("six", "11")."""
    word = text.lower()
    return float(_SMALL_NUMBERS[word]) if word in _SMALL_NUMBERS else float(text)


#: the kinds that state a period, those that take one, and those a next sentence's figure carries
_PERIOD_KINDS = ("fiscal_year", "period", "date", "year")
_TAKES_PERIOD = ("money", "percent", "count", "quantity", "fraction", "multiplier", "rank")
#: Figures that take the sentence before's period.
_CARRIES = ("money", "percent", "fraction", "multiplier", "quantity")
_CLAUSE_BREAK = re.compile(r";|\s[—–-]\s|:|,\s+(?:while|whereas|but|noting|saying|adding)\b"
                           r"|,\s+(?:the\s+\w+\s+)?said\b")
_LINKED_AFTER = re.compile(r"^[\s,]*(?:(?!(?:and|or|but|while|whereas|from|to|than|as|against|"
                           r"compared|versus|which|that|up|down)\b)[a-z-]+\s+){0,3}"
                           r"(?:(?:in|during|for|of|over|by|till|until|through)\s+)?"
                           r"(?:the\s+)?$", re.IGNORECASE)


# --- periods relative to the publication date --------------------------------------------------

_REL_FY = re.compile(
    r"\b(?:(?P<which>last|previous|preceding|past|current|this|present|next|coming|same)\s+"
    r"(?:(?:incomplete|ongoing|running|unfinished)\s+)?(?:(?P<fin>financial|fiscal)(?:\s+year)?|FY)"
    r"(?:\s+(?:that\s+)?(?:ended|ending)\s+(?:in\s+)?March(?:\s+31)?)?)\b"
    r"|\b(?P<that>that|the)\s+(?:financial|fiscal)\s+year\b(?!\s+(?:ended|ending|\d))",
    re.IGNORECASE)
_REL_YEAR = re.compile(
    r"\b(?P<which>last|previous|preceding|past|this|current|next|coming)\s+year\b"
    r"|\b(?P<in>within|in)\s+(?P<within>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+years\b"
    r"|\b(?P<ago>(?:a|one|the)\s+year[\s-]+(?:ago|earlier|before)|year[\s-]ago(?:\s+period)?"
    r"|(?:the\s+)?(?:same|corresponding|like|comparable)\s+(?:period|months?|quarter)\s+"
    r"(?:(?:of|in)\s+)?(?:last|the\s+previous|the\s+preceding|a\s+year\s+ago"
    r"|(?:the\s+)?(?:previous|preceding|last)\s+(?:fiscal|financial\s+year|year))"
    r"(?:\s+year)?)",
    re.IGNORECASE)
_NUM_WORDS_MONTHS = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
_REL_FIRST_MONTHS = re.compile(
    rf"\b(?:the\s+)?first\s+(?:{_NUM_WORDS_MONTHS}\s+months|(?P<half>half)|(?P<q>quarter))\s+of\s+"
    r"(?:(?P<which>the\s+current|this|the\s+last|last|the\s+previous|the\s+present|the)\s+"
    r"(?:financial|fiscal)(?:\s+year)?|(?:the\s+)?(?P<fy>FY\s?'?\d{2,4}(?:-\d{2})?|\d{4}-\d{2}))\b",
    re.IGNORECASE)
#: "the first four months of the year", "first six months of 2023": calendar months from January,
#: unless the sentence speaks of a fiscal year ("... compared to the same period last fiscal"),
#: when they are the fiscal year's, from April.
_FIRST_MONTHS_OF_YEAR = re.compile(
    rf"\b(?:the\s+)?first\s+(?:{_NUM_WORDS_MONTHS}\s+months|(?P<half>half))\s+of\s+"
    r"(?:(?P<this>the\s+current|the|this)\s+(?:calendar\s+)?year\b|(?P<year>(?:19|20)\d{2})\b)",
    re.IGNORECASE)
#: "from January to April this year", "the January to June period": a span of months written
#: with from … to.
_FROM_MONTH_TO = re.compile(
    rf"\b(?:from|(?P<the>the)(?=\s+\w+\s+to\s+\w+\s+(?:period|months?|quarter)\b))\s+"
    rf"(?P<m1>{MONTH_PATTERN})\s+to\s+(?P<m2>{MONTH_PATTERN})\b(?!\s*,?\s*\d)"
    r"(?:\s+(?P<which>this|last)\s+year\b)?")
_MONTH_SPAN = re.compile(
    rf"\b(?P<m1>{MONTH_PATTERN})\s?[-–—]\s?(?P<m2>{MONTH_PATTERN})\b(?!\s*,?\s*\d{{4}})"
    r"(?:\s+(?:period|quarter))?"
    r"(?:\s+(?:(?:of|in)\s+)?(?:the\s+)?(?P<which>current|this|last|previous|present)\s+"
    r"(?:financial|fiscal)(?:\s+year)?|\s+(?P<cal>last|this)\s+year\b)?", re.IGNORECASE)
#: "April, May and June" (three months written as a list): the span from the first to the last.
_MONTH_LIST = re.compile(
    rf"\b(?P<m1>{MONTH_PATTERN}),\s+(?P<m2>{MONTH_PATTERN}),?\s+and\s+(?P<m3>{MONTH_PATTERN})\b"
    r"(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})\b|\s+(?P<which>this|last)\s+year\b)?")
#: "so far this fiscal", "this fiscal so far", "till date this fiscal": the months of a fiscal
#: year under way that have been reported by the publication date.
_SO_FAR = re.compile(
    r"\b(?:so\s+far|till\s+date|to\s+date|until\s+now)\s+(?:in\s+)?(?:this|the\s+current)\s+"
    r"(?:fiscal|financial\s+year)(?:\s+year)?\b"
    r"|\b(?:this|the\s+current)\s+(?:fiscal|financial\s+year)(?:\s+year)?\s+(?:so\s+far|till\s+date|"
    r"to\s+date)\b"
    r"|\b(?:fiscal|financial)[\s-]+year[\s-]+to[\s-]+date\b", re.IGNORECASE)
_BETWEEN_MONTHS = re.compile(
    rf"\b(?:(?:between|from|(?:fiscal|financial)\s+year)\s+)?(?P<m1>{MONTH_PATTERN})\s+"
    rf"(?P<y1>\d{{4}})\s*(?:and|to|until|through|-|–)\s*(?P<m2>{MONTH_PATTERN}),?\s+"
    rf"(?P<y2>\d{{4}})\b")
_BETWEEN_MONTHS_NO_YEAR = re.compile(
    rf"\bbetween\s+(?P<m1>{MONTH_PATTERN})\s+and\s+(?P<m2>{MONTH_PATTERN})\b"
    r"(?:\s+(?P<which>this|last)\s+year)?(?!\s*,?\s*\d)")
_BY_YEAR = re.compile(r"(?<=-by-)(?:19|20)\d{2}\b")
_FY_EXTRA = re.compile(
    r"\b(?:the\s+)?(?P<a>(?:19|20)\d{2})\s?[-–/]\s?(?P<b>(?:19|20)\d{2})\s+(?:fiscal|financial)"
    r"(?:\s+year)?\b|\b(?:fiscal|financial)\s+year\s+(?P<c>(?:19|20)\d{2})\s?[-–/]\s?"
    r"(?P<d>(?:19|20)\d{2})\b|\b(?:the\s+)?(?P<e>\d{2})/(?P<f>\d{2})\s+(?:fiscal|financial)"
    r"(?:\s+year)?\b", re.IGNORECASE)
_QUARTER = re.compile(
    r"\b(?:Q(?P<q>[1-4])|(?P<qw>first|second|third|fourth)\s+quarter\s+of)\s*"
    r"(?:(?P<fy>FY\s?'?\d{2,4}(?:-\d{2})?)|(?P<year>(?:19|20)\d{2})|(?:the\s+)?(?P<which>current|"
    r"this|last|previous)\s+(?:financial|fiscal)(?:\s+year)?)", re.IGNORECASE)
_MONTH_THIS_YEAR = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN})\s+(?:of\s+)?(?P<which>this|last|next)\s+year\b")
_FIRST_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
#: "H1 2023" (January–June), "H2 FY24" / "the second half of FY24" (October–March), "the
#: second half of 2023".
_HALF = re.compile(
    r"\b(?:H(?P<h>[12])|(?:the\s+)?(?P<hw>first|second)\s+half\s+of)\s*(?:(?P<fy>FY\s?'?\d{2,4}"
    r"(?:-\d{2})?)|(?:CY\s?)?(?P<year>(?:19|20)\d{2})\b)", re.IGNORECASE)
#: "April-December 2019-20", "April-November FY24": months of a fiscal year named by its label.
_MONTHS_OF_FY = re.compile(
    rf"\b(?:between\s+)?(?P<m1>{MONTH_PATTERN})\s?(?:[-–]|\s(?:and|to)\s)\s?(?P<m2>{MONTH_PATTERN})"
    r"\s+(?:(?:of|in)\s+)?(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s?(?=\d{4}))?"
    r"(?:(?P<a>(?:19|20)\d{2})\s?[-–/]\s?(?P<b>\d{2})\b|(?P<fy>FY\s?'?\d{2,4}(?:-\d{2})?)"
    # "April to December of the current fiscal year"
    r"|(?<=the\s)(?P<which>current|this|last|previous|present)\s+(?:fiscal|financial)"
    r"(?:\s+year)?\b)")
#: "in 12-months through March" (no year): the twelve months ending with the latest such month
#: before publication (through March: the fiscal year just closed); "the 12-month period": the
#: twelve months the article spoke of last.
_TWELVE_MONTHS = re.compile(
    rf"\b(?:the\s+)?(?:12|twelve)[\s-]months?\s+(?:through|to|ended|ending|till|until)\s+"
    rf"(?P<m>{MONTH_PATTERN})\b(?!\s*,?\s*\d)", re.IGNORECASE)
_TWELVE_MONTH_PERIOD = re.compile(r"\bthe\s+(?:12|twelve)[\s-]months?\s+period\b",
                                  re.IGNORECASE)
#: "during 2000-17", "in 2019-21": calendar years from the first to the second (a pair that is
#: not one fiscal year).
_YEAR_SPAN = re.compile(r"\b(?:during|in|over|for|between|from)\s+(?:the\s+(?:period\s+)?)?"
                        r"(?P<span>(?P<a>(?:19|20)\d{2})\s?[-–]\s?(?P<b>\d{2}))\b(?![-–/]?\d)",
                        re.IGNORECASE)
#: "CY23", "CY2023", "calendar 2023": a calendar year.
_CALENDAR = re.compile(r"\bCY\s?'?(?:(?P<y2>\d{2})(?!\d)|(?P<y4>(?:19|20)\d{2})\b)"
                       r"|\bcalendar\s+(?P<y>(?:19|20)\d{2})\b", re.IGNORECASE)
#: "last month": the calendar month before the publication date's.
_LAST_MONTH = re.compile(r"\blast\s+month\b", re.IGNORECASE)
#: "the June quarter", "the September quarter of 2023", "the quarter ended June 30, 2024": the
#: three months ending in the month named.
_MONTH_QUARTER = re.compile(
    r"\b(?P<m>March|June|September|December|Mar|Jun|Sept?|Dec)\.?\s+quarter\b"
    r"(?:\s+of\s+(?:(?P<fy>FY\s?'?\d{2,4}(?:-\d{2})?)|(?P<year>(?:19|20)\d{2})\b))?"
    rf"|\bquarter\s+(?:that\s+)?(?:ended|ending|to)\s+(?:(?:on\s+)?\d{{1,2}}\s+)?"
    rf"(?P<m2>{MONTH_PATTERN})(?:\s+\d{{1,2}}\b)?(?:,?\s+(?P<year2>(?:19|20)\d{{2}})\b)?")
#: "the fiscal year that ended in March", "the fiscal ended March 31" (no year): the last
#: fiscal year closed by the publication date.
_FY_ENDED_MARCH = re.compile(
    r"\b(?:financial|fiscal)(?:\s+year)?\s+(?:that\s+)?(?:ended|ending)\s+(?:in\s+|on\s+)?"
    r"(?:31\s+)?March(?:\s+31)?\b(?!,?\s*\d{4})", re.IGNORECASE)
#: "till July this fiscal", "up to September of the current fiscal year": April to that month.
_TILL_MONTH_FISCAL = re.compile(
    rf"\b(?:till|until|up\s*to|through)\s+(?P<m>{MONTH_PATTERN})\s+(?:of\s+)?(?:this|the\s+current)"
    r"\s+(?:fiscal|financial\s+year)(?:\s+year)?\b", re.IGNORECASE)
#: "in 2023-2024": two consecutive years written in full after in/during/for, the fiscal year.
_FY_FULL_YEARS = re.compile(r"\b(?:in|during|for|of)\s+(?:the\s+)?(?P<span>(?P<a>(?:19|20)\d{2})"
                            r"\s?[-–]\s?(?P<b>(?:19|20)\d{2}))\b(?!\s*[-–/]?\d)",
                            re.IGNORECASE)


_FORWARD = re.compile(r"\b(?:expect\w*|target\w*|forecast\w*|project\w*|estimat\w*|will|would|"
                      r"could|may|aims?|likely|set\s+to|budget\w*)\b", re.IGNORECASE)


def year_to_date(published: dt.date) -> str | None:
    """The months of the fiscal year under way on ``published`` for which figures are out:
    India's trade figures for a month are released around the 15th of the month after, so an
    article of 15 November 2023 can speak of April-October (``2023-04/2023-10``). None before
    the first month of the year is out (then "this fiscal" is the year just closed)."""
    if _before_first_data(published):
        return None
    last = dt.date(published.year, published.month, 1) - dt.timedelta(days=1)
    if published.day < 15:
        last = dt.date(last.year, last.month, 1) - dt.timedelta(days=1)
    start = _fy_start_of(published)
    if (last.year, last.month) < (start, 4):
        return None
    return _months_span(start, 4, last.year, last.month)


def _before_first_data(published: dt.date) -> bool:
    """India's trade figures for a month come out in the middle of the month after: until
    mid-May no figure of the fiscal year begun in April exists, so a figure "in the current
    fiscal" stated then (and not a forecast) is of the year that has just closed."""
    return published.month == 4 or (published.month == 5 and published.day < 15)


def _fy_start_of(date: dt.date) -> int:
    return date.year if date.month >= 4 else date.year - 1


def _which_offset(which: str | None) -> int:
    w = (which or "").lower().replace("the ", "").strip()
    return {"last": -1, "previous": -1, "preceding": -1, "past": -1, "next": 1,
            "coming": 1}.get(w, 0)


def _months_span(y1: int, m1: int, y2: int, m2: int) -> str:
    if m1 == 4 and m2 == 3 and y2 == y1 + 1:
        return fy_label(y1)
    if m1 == 1 and m2 == 12 and y2 == y1:  # "between January and December last year"
        return str(y1)
    return f"{y1}-{m1:02d}/{y2}-{m2:02d}"


def _fy_from_text(text: str) -> int | None:
    mentions = [m for m in fiscal_mentions(text) if m.label]
    return fy_start(mentions[0].label) if mentions else None


_SAME_PERIOD = re.compile(
    r"\b(?:during|in|for|over)\s+the\s+(?:period(?:\s+under\s+review)?|month|year|quarter|"
    r"same\s+period|fiscal(?!\s+year\s+\d))(?!\s+(?:of|ended|ending|to|from(?!\s+(?:US\$|\$|USD|Rs|₹))|\d|last|"
    rf"a\s+year|(?:{MONTH_PATTERN})\b|FY))\b", re.IGNORECASE)
_SINCE_MONTH = re.compile(rf"\bsince\s+(?P<month>{MONTH_PATTERN})\b(?!\s*,?\s*\d)")
#: "This month, Russia supplied …": the month of publication.
_THIS_MONTH = re.compile(r"\b(?:this|the\s+current)\s+month\b", re.IGNORECASE)
#: "That month, imports from Iraq were …": the month (or year) the sentence before spoke of.
_THAT_PERIOD = re.compile(r"\b(?:that|the\s+same)\s+(?:month|year|quarter)\b|\b(?:this|that)\s+period\b"
                          r"(?!\s+(?:of|last|a\s+year|ago|earlier|before))"
                          # "during the full fiscal": the fiscal year the article speaks of
                          r"|\bthe\s+full\s+(?:fiscal|financial\s+year|year)(?:\s+year)?\b"
                          r"(?!\s*\(?\s*\d)", re.IGNORECASE)
#: "in the fiscal years 2021-22 and 2022-23", "during 2021-22 and 2022-23": two fiscal years in
#: a row, one span of months.
_FY_PAIR = re.compile(
    r"\b(?:(?:fiscal|financial)\s+years?\s+)?(?:FY\s?)?(?P<a>(?:19|20)\d{2})\s?[-–/]\s?(?P<a2>\d{2})"
    r"\s+and\s+(?:(?:fiscal|financial)\s+(?:year\s+)?)?(?:FY\s?)?(?P<b>(?:19|20)\d{2})\s?[-–/]\s?"
    r"(?P<b2>\d{2})\b", re.IGNORECASE)


#: "in five years" counts ahead only in a sentence about a plan or an aim.
_PLANNED = re.compile(r"\b(?:plan\w*|aim\w*|hope\w*|achiev\w*|target\w*|goal|expect\w*|will|"
                      r"to\s+reach|seek\w*)\b", re.IGNORECASE)


def _months_without_year(m: re.Match, published: dt.date) -> Match:
    """The span of months "between April and June" / "from April to June" names with no year
    ("this"/"last" year when stated, else the latest such span over by ``published``)."""
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    if m["which"]:
        y2 = published.year + _which_offset(m["which"])
    else:
        y2 = published.year if m2 < published.month else published.year - 1
    y1 = y2 if m1 <= m2 else y2 - 1
    return Match("period", m.start(), m.end(), y1, "months",
                 period=_months_span(y1, m1, y2, m2), relative=True)


def relative_periods(s: str, published: dt.date | None) -> list[Match]:
    """Periods named relative to the publication date, and forms fiscal.py does not read."""
    found = []
    for m in _SAME_PERIOD.finditer(s):  # resolved in _assign_periods: the period in force
        found.append(Match("period", m.start(), m.end(), 0, "months", relative=True,
                            period_from="same"))
    for m in _SINCE_MONTH.finditer(s):
        if published:
            month = month_number(m["month"])
            year = published.year if month <= published.month else published.year - 1
            found.append(Match("period", m.start(), m.end(), year, "months", relative=True,
                                period=f"{year}-{month:02d}/{published.year}-"
                                       f"{published.month:02d}"))
    pub_fy = _fy_start_of(published) if published else None
    for m in _FY_PAIR.finditer(s):
        a, b = int(m["a"]), int(m["b"])
        if b == a + 1 and int(m["a2"]) == (a + 1) % 100 and int(m["b2"]) == (b + 1) % 100:
            found.append(Match("period", m.start(), m.end(), a, "months",
                                period=f"{a}-04/{b + 1}-03"))
    for m in _THIS_MONTH.finditer(s):
        if published:
            found.append(Match("date", m.start(), m.end(), published.year, "date",
                                period=f"{published.year}-{published.month:02d}", relative=True))
    for m in _THAT_PERIOD.finditer(s):  # resolved in _assign_periods: the period in force
        found.append(Match("period", m.start(), m.end(), 0, "months", relative=True,
                            period_from="same"))
    for m in _FY_EXTRA.finditer(s):
        if m["e"]:
            a, b = 2000 + int(m["e"]), 2000 + int(m["f"])
        else:
            a, b = int(m["a"] or m["c"]), int(m["b"] or m["d"])
        if b == a + 1:
            found.append(Match("fiscal_year", m.start(), m.end(), a, "fiscal_year",
                                period=fy_label(a)))
    for m in _BETWEEN_MONTHS.finditer(s):
        y1, y2 = int(m["y1"]), int(m["y2"])
        period = _months_span(y1, month_number(m["m1"]), y2, month_number(m["m2"]))
        kind = "fiscal_year" if period.startswith("FY") else "period"
        found.append(Match(kind, m.start(), m.end(), y1, kind if kind == "fiscal_year" else
                            "months", period=period))
    for m in _BETWEEN_MONTHS_NO_YEAR.finditer(s):
        if published is not None:
            found.append(_months_without_year(m, published))
    for m in _BY_YEAR.finditer(s):  # "$30-billion-by-2025"
        found.append(Match("year", m.start(), m.end(), int(m.group()), "year",
                            period=m.group()))
    for m in _QUARTER.finditer(s):
        q = int(m["q"]) if m["q"] else _FIRST_WORDS[m["qw"].lower()]
        if m["year"]:
            y, first = int(m["year"]), 3 * q - 2
            period = f"{y}-{first:02d}/{y}-{first + 2:02d}"
        else:
            start = _fy_from_text(m["fy"]) if m["fy"] else (
                pub_fy + _which_offset(m["which"]) if pub_fy is not None else None)
            if start is None:
                found.append(Match("period", m.start(), m.end(), 0, "months", relative=True))
                continue
            first = 4 + 3 * (q - 1)
            y = start + (first - 1) // 12
            first = (first - 1) % 12 + 1
            period = f"{y}-{first:02d}/{y}-{first + 2:02d}"
        found.append(Match("period", m.start(), m.end(), int(period[:4]), "months",
                            period=period, relative=not m["year"] and not m["fy"]))
    for m in _HALF.finditer(s):
        second = m["h"] == "2" or (m["hw"] or "").lower() == "second"
        if m["fy"]:
            y = _fy_from_text(m["fy"])
            if y is None:
                continue
            period = f"{y}-10/{y + 1}-03" if second else f"{y}-04/{y}-09"
        else:
            y = int(m["year"])
            period = f"{y}-07/{y}-12" if second else f"{y}-01/{y}-06"
        found.append(Match("period", m.start(), m.end(), int(period[:4]), "months",
                            period=period))
    for m in _MONTHS_OF_FY.finditer(s):
        if m["a"]:
            start = int(m["a"])
            if int(m["b"]) != (start + 1) % 100:
                continue
        elif m["which"]:
            if pub_fy is None:
                continue
            start = pub_fy + _which_offset(m["which"])
        else:
            start = _fy_from_text(m["fy"])
            if start is None:
                continue
        m1, m2 = month_number(m["m1"]), month_number(m["m2"])
        y1, y2 = (start if m1 >= 4 else start + 1), (start if m2 >= 4 else start + 1)
        found.append(Match("period", m.start(), m.end(), y1, "months",
                            period=_months_span(y1, m1, y2, m2)))
    for m in _TWELVE_MONTHS.finditer(s):
        if published:
            mo = month_number(m["m"])
            y = published.year if mo < published.month else published.year - 1
            period = (fy_label(y - 1) if mo == 3 else
                      _months_span(y - 1 if mo < 12 else y, mo % 12 + 1, y, mo))
            found.append(Match("fiscal_year" if mo == 3 else "period", m.start(), m.end(), y - 1,
                                "fiscal_year" if mo == 3 else "months", period=period,
                                relative=True))
    for m in _TWELVE_MONTH_PERIOD.finditer(s):  # resolved in _assign_periods
        found.append(Match("period", m.start(), m.end(), 0, "months", relative=True,
                            period_from="same"))
    for m in _YEAR_SPAN.finditer(s):
        a, b = int(m["a"]), int(m["b"])
        end = a - a % 100 + b
        if b != (a + 1) % 100 and end > a:
            found.append(Match("period", m.start("span"), m.end("span"), a, "years",
                                period=f"{a}/{end}"))
    for m in _CALENDAR.finditer(s):
        y = int(m["y4"] or m["y"]) if (m["y4"] or m["y"]) else 2000 + int(m["y2"])
        found.append(Match("year", m.start(), m.end(), y, "year", period=str(y)))
    for m in _LAST_MONTH.finditer(s):
        if published:
            y, mo = (published.year, published.month - 1) if published.month > 1 else (
                published.year - 1, 12)
            found.append(Match("date", m.start(), m.end(), y, "date", period=f"{y}-{mo:02d}",
                                relative=True))
    for m in _MONTH_QUARTER.finditer(s):
        end = month_number(m["m"] or m["m2"])
        year = m["year"] or m["year2"]
        if year:
            y = int(year)
        elif m["fy"]:
            start = _fy_from_text(m["fy"])
            if start is None:
                continue
            y = start if end >= 4 else start + 1
        elif published:
            y = published.year if end < published.month else published.year - 1
        else:
            continue
        found.append(Match("period", m.start(), m.end(), y, "months",
                            period=f"{y}-{end - 2:02d}/{y}-{end:02d}",
                            relative=not (year or m["fy"])))
    for m in _FY_ENDED_MARCH.finditer(s):
        if published:
            start = published.year - 1 if published.month >= 4 else published.year - 2
            found.append(Match("fiscal_year", m.start(), m.end(), start, "fiscal_year",
                                period=fy_label(start), relative=True))
    for m in _TILL_MONTH_FISCAL.finditer(s):
        if pub_fy is not None:
            mo = month_number(m["m"])
            y2 = pub_fy if mo >= 4 else pub_fy + 1
            found.append(Match("period", m.start(), m.end(), pub_fy, "months",
                                period=_months_span(pub_fy, 4, y2, mo), relative=True))
    for m in _FY_FULL_YEARS.finditer(s):
        a, b = int(m["a"]), int(m["b"])
        if b == a + 1:
            found.append(Match("fiscal_year", m.start("span"), m.end("span"), a,
                                "fiscal_year", period=fy_label(a)))
    for m in _REL_FIRST_MONTHS.finditer(s):
        n = 6 if m["half"] else 3 if m["q"] else int(_small_number(m["n"]))
        start = _fy_from_text(m["fy"]) if m["fy"] else (
            pub_fy + _which_offset(m["which"]) if pub_fy is not None else None)
        period = None
        if start is not None:
            end_month = 3 + n
            y2 = start + (end_month - 1) // 12
            period = f"{start}-04/{y2}-{(end_month - 1) % 12 + 1:02d}"
        found.append(Match("period", m.start(), m.end(), start or 0, "months", period=period,
                            relative=not m["fy"]))
    for m in _FIRST_MONTHS_OF_YEAR.finditer(s):
        n = 6 if m["half"] else int(_small_number(m["n"]))
        calendar = "calendar" in m.group().lower()
        fiscal = not calendar and (
            re.search(r"\bfiscal\b|\bfinancial\s+year\b", s, re.IGNORECASE) or re.match(
                r"\s+that\s+(?:started|began|begins|starts)\s+(?:on\s+|in\s+)?April",
                s[m.end():], re.IGNORECASE))
        if m["year"]:
            year = int(m["year"])
        elif published is not None:
            year = pub_fy if fiscal else published.year
        else:
            continue
        if not 1 <= n <= 11:
            continue
        first = 4 if fiscal else 1
        last = first + n - 1
        y2 = year + (last - 1) // 12
        if not m["year"] and (y2, (last - 1) % 12 + 1) >= (published.year, published.month):
            year, y2 = year - 1, y2 - 1  # those months are not over yet: the year before's
        found.append(Match("period", m.start(), m.end(), year, "months",
                            period=f"{year}-{first:02d}/{y2}-{(last - 1) % 12 + 1:02d}",
                            relative=not m["year"]))
    for m in _FROM_MONTH_TO.finditer(s):
        if published is not None:
            found.append(_months_without_year(m, published))
    for m in _MONTH_SPAN.finditer(s):
        m1, m2 = month_number(m["m1"]), month_number(m["m2"])
        period = None
        if m["which"] and pub_fy is not None:
            fy0 = pub_fy + _which_offset(m["which"])
            y1 = fy0 if m1 >= 4 else fy0 + 1
            y2 = fy0 if m2 >= 4 else fy0 + 1
            period = _months_span(y1, m1, y2, m2)
        elif published is not None:  # the latest such span ending before publication
            y2 = published.year if m2 < published.month else published.year - 1
            if m["cal"] and m["cal"].lower() == "last":  # "April-September last year"
                y2 = published.year - 1
            elif m["cal"]:
                y2 = published.year
            y1 = y2 if m1 <= m2 else y2 - 1
            period = _months_span(y1, m1, y2, m2)
        found.append(Match("period", m.start(), m.end(), 0, "months", period=period,
                            relative=True))
    for m in _MONTH_LIST.finditer(s):
        ms = [month_number(m[k]) for k in ("m1", "m2", "m3")]
        if [(x - ms[0]) % 12 for x in ms] != [0, 1, 2]:
            continue  # not three months in a row: a list of single months
        if m["year"]:
            y2 = int(m["year"])
        elif m["which"] and published is not None:
            y2 = published.year + _which_offset(m["which"])
        elif published is not None:
            y2 = published.year if ms[2] < published.month else published.year - 1
        else:
            continue
        y1 = y2 if ms[0] <= ms[2] else y2 - 1
        found.append(Match("period", m.start(), m.end(), y1, "months",
                            period=_months_span(y1, ms[0], y2, ms[2]),
                            relative=not m["year"]))
    for m in _SO_FAR.finditer(s):
        if published is None:
            continue
        found.append(Match("period", m.start(), m.end(), pub_fy, "months",
                            period=year_to_date(published), relative=True))
    for m in _REL_FY.finditer(s):
        if m["that"]:
            found.append(Match("fiscal_year", m.start(), m.end(), 0, "fiscal_year", shift=0,
                                relative=True, period=None, period_from="same"))
            continue
        if m["which"].lower() == "same":
            continue
        offset = _which_offset(m["which"])
        if offset == 0 and published is not None and _before_first_data(published) \
                and not _FORWARD.search(s):
            offset = -1  # no figure of the new fiscal year is out yet: the one just closed
        period = fy_label(pub_fy + offset) if pub_fy is not None else None
        if offset == 0 and published is not None and not _FORWARD.search(s) \
                and year_to_date(published):
            # a figure of the fiscal year under way, not a forecast: the months reported so far
            found.append(Match("period", m.start(), m.end(), pub_fy, "months",
                                period=year_to_date(published), relative=True))
            continue
        found.append(Match("fiscal_year", m.start(), m.end(), 0, "fiscal_year", period=period,
                            relative=True, earlier=offset == -1))
    for m in _MONTH_THIS_YEAR.finditer(s):
        if published:
            year = published.year + _which_offset(m["which"])
            found.append(Match("date", m.start(), m.end(), year, "date",
                                period=f"{year}-{month_number(m['month']):02d}", relative=True))
    for m in _REL_YEAR.finditer(s):
        if m["ago"]:
            found.append(Match("period", m.start(), m.end(), 0, "shift", shift=1, relative=True))
            continue
        if m["within"]:
            if m["in"].lower() == "in" and (
                    not _PLANNED.search(s) or _small_number(m["within"]) > 10
                    or re.search(r"\b(?:first|last|since)\b[\w\s-]{0,30}$", s[:m.start()],
                                 re.IGNORECASE)):
                # "doubled in five years", "the first visit in 41 years" look back; "to
                # achieve … in five years" looks ahead
                continue
            if published:
                year = published.year + int(_small_number(m["within"]))
                found.append(Match("year", m.start(), m.end(), year, "year", period=str(year),
                                    relative=True))
            continue
        period = (str(published.year + _which_offset(m["which"])) if published else None)
        found.append(Match("year", m.start(), m.end(), 0, "year", period=period, relative=True,
                            last_year=_which_offset(m["which"]) == -1,
                            earlier=_which_offset(m["which"]) == -1,
                            possessive=bool(re.match(r"['’]s\b", s[m.end():])),
                            trailing=m["which"].lower() == "past"))
    return found


def _resolve_months(taken: list[Match], published: dt.date | None) -> None:
    """A month named without a year ("in November", "since February") is the latest such month
    on or before the publication date; with "this year" / "last year" nearby, that year's."""
    if published is None:
        return
    for m in taken:
        if m.kind == "date" and m.unit == "month" and m.period is None:
            month = int(m.value)
            year = published.year if month <= published.month else published.year - 1
            m.period = f"{year}-{month:02d}"


def _shift(period: str | None, years: int) -> str | None:
    """``period`` moved back ``years`` years (FY2024-25 → FY2023-24; 2025-03 → 2024-03)."""
    if not period:
        return None
    if period.startswith("FY"):
        return fy_label(fy_start(period) - years)
    return re.sub(r"(?:19|20)\d{2}", lambda y: str(int(y.group()) - years), period)


# --- each figure of a sentence takes its period --------------------------------------------------

def resolve_periods(sentence: str, taken: list[Match], published: dt.date | None = None,
                    carried: str | None = None, topic: str | None = None,
                    latest: str | None = None) -> None:
    """Give each figure in ``taken`` (one sentence's matches, in reading order) its period, and
    resolve the relative periods among them against ``published``. ``carried`` is the period in
    force from the sentence before (same paragraph), ``topic`` the last one stated anywhere
    before, ``latest`` the period ending last that the article has stated so far."""
    _resolve_months(taken, published)
    if published and latest and _in_progress_fy(latest, published):
        for m in taken:  # "up from 25th last year" in an article on this fiscal year so far
            if m.last_year:
                m.period = fy_label(_fy_start_of(published) - 1)
    if published and latest and _in_progress_fy(latest, published) \
            and re.search(r"\bthe\s+(?:same\s+)?period\b", sentence, re.IGNORECASE):
        topic = latest  # "during the period" is the article's months of this fiscal so far
    if published and latest and _just_closed_year(latest, published):
        for m in taken:  # "over the past year" in an article on the year just closed
            if m.trailing:
                m.period = latest
            # "increased to $119.42 billion last year" in May, in an article on FY2021-22:
            # the fiscal year just closed
            if m.last_year and _is_fiscal(latest) and sentence[m.start:m.start + 4].lower() \
                    == "last" and any(f.kind in _CARRIES and 0 <= m.start - f.end <= 40
                                      for f in taken):
                m.period = latest
    for m in taken:  # "3.1% below $451.1 billion in the previous year", on FY2023-24: FY2022-23
        ref = next((q for q in (carried, topic, latest) if q and q.startswith("FY")), None)
        if m.last_year and re.match(r"(?:the\s+)?(?:previous|preceding)", sentence[m.start:m.end],
                                    re.IGNORECASE) and ref and _is_fiscal(ref) \
                and ref.startswith("FY"):
            m.period = _shift(ref, 1)
    # "$119.42 billion, or over Rs 9.25 lakh crore, last year": the amount in another currency
    # is the same figure; read the sentence without it, then give it its figure's period
    pairs = _equivalents(sentence, taken)
    ends = [(x, x.end) for x, _, _ in pairs]
    for x, _, end in pairs:
        x.end = end
    hidden = {id(y) for _, y, _ in pairs}
    shown = [m for m in taken if id(m) not in hidden]
    _assign_periods(sentence, shown, carried, topic, latest)
    _compared_earlier(sentence, shown, carried)
    _respectively(sentence, shown)
    _when_clause(sentence, shown)
    _change_to_figure(sentence, shown)
    _change_registered(sentence, shown)
    _change_between(sentence, shown)
    for x, end in ends:
        x.end = end
    for x, y, _ in pairs:
        y.period, y.period_from, y.chosen, y.newer = x.period, x.period_from, x.chosen, x.newer


_EQUIVALENT = re.compile(r"^\s*(?:\(|,?\s+or\s+|/\s*)(?:over|more\s+than|nearly|about|around|"
                         r"roughly|approximately|almost|some|just\s+(?:over|under))?\s*$",
                         re.IGNORECASE)


def _equivalents(sentence: str, taken: list[Match]) -> list[tuple[Match, Match, int]]:
    """Money figures restated in another currency right after ("$53.57 billion (more than
    Rs 39,000 cr)", "$76.11 billion, or over Rs 5.9 lakh crore,"): (figure, restatement, where
    the restatement ends, its closing bracket or comma included)."""
    money = [m for m in taken if m.kind == "money"]
    out = []
    for x, y in zip(money, money[1:]):
        if x.unit != y.unit and _EQUIVALENT.match(sentence[x.end:y.start]) and not any(
                x.end <= o.start < y.start for o in taken if o.kind in _TAKES_PERIOD):
            tail = re.match(r"\s*[),]?", sentence[y.end:])
            out.append((x, y, y.end + tail.end()))
    return out


def carry_periods(sentence: str, matches: list[Match], published: dt.date | None,
                  carried: str | None, latest: str | None) -> bool:
    """After :func:`resolve_periods`: a figure still without a period takes ``carried`` (the
    sentence before's), a rank its sentence's figure's, "X, up from Y in P" (and "has now
    become" in an article on this fiscal year so far) the article's ``latest``; a resolved
    relative period gets its value and unit. True when ``carried`` was used."""
    used_carried = False
    for m in matches:  # carried first, so that a rank can follow the sentence's figure
        if m.kind in _CARRIES and m.period is None and carried and not (m.newer and latest):
            m.period, m.period_from = carried, "carried"
            used_carried = True
    for m in matches:  # "…, making Russia the third-largest supplier": the figure's period
        if m.kind == "rank" and m.period is None:
            m.period, m.period_from = next(
                ((f.period, "sentence") for f in matches if f.kind in _CARRIES and f.period
                 and not f.newer), (None, None))
    for m in matches:
        if m.kind in _TAKES_PERIOD and m.period is None and latest and (m.newer or (
                _NOW.search(sentence) and published
                and _in_progress_fy(latest, published))):
            # "X, up from Y in P"; "has now become" in an article on this fiscal year so far
            m.period, m.period_from = latest, "carried"
        if m.kind in _CARRIES and m.period is None and carried:
            m.period, m.period_from = carried, "carried"
            used_carried = True
        elif m.kind in _PERIOD_KINDS and m.period and m.period_from is None:
            m.period_from = "stated"
        if m.kind in _PERIOD_KINDS and m.period and (m.value == 0 or m.unit == "shift"):
            _value_from_period(m)  # "a year ago", "last fiscal": what they resolved to
    # "moved up 11.52 per cent from $101.7 billion to $113.45 billion" in a paragraph on FY25:
    # the from side is the year before
    money = [m for m in matches if m.kind == "money"]
    for x, y in zip(money, money[1:]):
        if x.period_from == y.period_from == "carried" and x.period == y.period \
                and re.fullmatch(r"(?:FY)?\d{4}(?:-\d{2})?", x.period or "") \
                and _FROM_TO.search(sentence[:x.start]) and _TO.match(sentence[x.end:y.start]):
            x.period, x.period_from = _shift(x.period, 1), "relative"
    # "declined 14.49 per cent from $16.66 billion in FY24 to $14.25 billion in FY25": the
    # change is of the to side's period
    for m in matches:
        if m.kind in ("percent", "multiplier") and m.period is None and m.newer:
            later = [f for f in money if f.start > m.start and f.period]
            pairs = [(x, y) for x, y in zip(later, later[1:]) if _TO.match(
                sentence[x.end:y.start]) or re.match(r"\s*in\s+\S+\s+to\s+", sentence[x.end:y.start])]
            if pairs:
                m.period, m.period_from = pairs[0][1].period, "sentence"
    return used_carried


def _is_whole_year(period: str) -> bool:
    return bool(re.fullmatch(r"FY\d{4}-\d{2}|\d{4}", period))


def _assign_periods(sentence: str, taken: list[Match], carried: str | None = None,
                    topic: str | None = None, latest: str | None = None) -> None:
    """Give each figure its period. ``carried`` is the period in force from the sentence
    before (same paragraph); ``topic`` the last one stated anywhere before, which "during the
    period under review" refers to."""
    periods = [m for m in taken if m.kind in _PERIOD_KINDS and (m.period or m.shift
                                                                  or m.period_from == "same")]
    clause_of = _clause_index(sentence)
    for p in periods:
        if p.period_from == "same" and re.search(r"full|fiscal", sentence[p.start:p.end], re.I):
            # "the full year", "the full fiscal": a whole year in force, not a month of it
            own = [o.period for o in periods if o.period and o is not p and not o.relative]
            in_force = [latest, topic, carried]
            # "the full year" is first the sentence's own year; "during the fiscal" the one
            # the article is about
            order = (in_force + own if "full" not in sentence[p.start:p.end].lower()
                     else own + in_force)
            whole = [q for q in order if q and _is_whole_year(q)]
            p.period, p.period_from = (whole[0] if whole else None), "relative"
        elif p.period_from == "same" and p.kind == "period":  # "during the period under review"
            others = [o for o in periods if o.period and not o.shift and o is not p
                      and o.period_from != "same"]
            # "… to $78.31 billion in 2022-23, while imports … in the same period": the other
            # period of the sentence; "during the period under review": the one in force
            same = "same" in sentence[p.start:p.end].lower()
            # … but only a period that closes a figure before it ("$78.31 billion in 2022-23"),
            # not one of a rank ("top partner in the fiscal years 2021-22 and 2022-23")
            after_figure = [o for o in others if o.start < p.start and any(
                f.kind in _CARRIES and 0 <= o.start - f.end <= 15 for f in taken)]
            p.period = ((after_figure[-1].period if after_figure and same else None) or carried
                        or topic or (others[0].period if others else None))
            p.period_from = "relative"
        elif p.shift or p.period_from == "same":
            others = [o for o in periods if o.period and not o.shift and o is not p]
            # "a year ago" beside no other period: the one in force (the sentence before's, or
            # the last one the article stated)
            ref = (min(others, key=lambda o: abs(o.start - p.start)).period if others
                   else carried or topic)
            p.period = _shift(ref, p.shift) if ref else None
            p.period_from = "relative"
        elif p.relative:
            p.period_from = "relative"
    # "fourfold since 1980", "less than 1 per cent before February 2022": a base or a limit,
    # not the period the figure is of
    changes = [m for m in taken if m.kind in ("percent", "multiplier")]
    for p in periods:
        p.base = bool(_BASE_BEFORE.search(sentence[:p.start])) or (
            p.kind == "date" and bool(_SINCE_CLAUSE.search(sentence[:p.start]))) or (
            # "After the price shock of 2022-23, imports of gas cost …": the opening clause
            # sets the scene, it is not the figures' period
            bool(_FRONTED_BASE.search(sentence[:p.start])) and "," in sentence[p.end:]
            and not any(f.start < p.start for f in taken if f.kind in _TAKES_PERIOD)) or (
            # "the first monthly surge since May": the record's base, not the figure's months
            sentence[p.start:p.start + 5].lower() == "since" and bool(_RECORD_SINCE.search(
                sentence[max(0, p.start - 45):p.start]))) or (
            # "up 30.6% ($7.9 billion) from 2017", "fell 14.5 per cent to $1.5 billion in
            # March from a year earlier": what the change is measured from
            not p.possessive and bool(_FROM_BASE.search(sentence[:p.start]))
            and any(c.end <= p.start and clause_of(c.start) == clause_of(p.start)
                    for c in changes))
    usable = [p for p in periods if p.period and not p.base]
    figures = [m for m in taken if m.kind in _TAKES_PERIOD]
    owner = {}  # "$X in FY2019": the period right after a figure belongs to it
    for m in figures:
        after = [p for p in usable if p.start >= m.end
                 and (_LINKED_AFTER.match(sentence[m.end:p.start])
                      # "$2 billion in Reliance Jio and Reliance Retail in June 2020, $2 billion
                      # in …": the date closing a list item is its figure's
                      or (_LIST_ITEM.fullmatch(sentence[m.end:p.start])
                          and re.match(r"\s*(?:,|and\b|$)", sentence[p.end:])
                          and not any(m.end <= f.start < p.start for f in figures)))]
        if after:
            owner[id(after[0])] = m
        before = [p for p in usable if p.possessive and p.end <= m.start
                  and _POSSESSIVE_OF.match(sentence[p.end:m.start])]
        if before:  # "the last year's deficit of $X"
            owner[id(before[-1])] = m
    main = next((p for p in usable if not p.shift and not p.possessive
                 and not _DEADLINE_BEFORE.search(sentence[:p.start])), None)
    for i, m in enumerate(figures[:-1]):  # "double the two-way commerce to $500 billion by 2030"
        nxt = figures[i + 1]
        if m.kind == "multiplier" and nxt.kind == "money" and _TO_TARGET.match(
                sentence[m.end:nxt.start]):
            target = next((p for p in usable if owner.get(id(p)) is nxt), None)
            if target is not None:
                owner[id(target)] = m
                owner[id(target), "also"] = nxt
    for i, m in enumerate(figures[:-1]):  # "X, up from Y in P": P is Y's, not X's
        if _COMPARED.match(sentence[m.end:figures[i + 1].start]):
            m.newer = True
    for m in figures:
        if not usable:
            continue
        if m.newer and not any(owner.get(id(p)) is m or id(p) not in owner for p in usable):
            continue  # every period is the compared figure's: the article's latest, later
        mine = [p for p in usable if owner.get(id(p)) is m or owner.get((id(p), "also")) is m]
        if mine:
            chosen, how = mine[0], "stated"
        else:
            free = [p for p in usable if id(p) not in owner and not p.possessive]
            if not free:  # every period belongs to another figure: follow the one it leads to
                if m.kind == "rank":
                    continue
                later = [p for p in usable if p.start >= m.end and not p.shift
                         and not p.possessive
                         # "… despite a US$100 billion target for 2015": a deadline of
                         # another figure's
                         and not _DEADLINE_BEFORE.search(sentence[:p.start])]
                if not later and main is None:
                    continue  # left for the sentence before to supply
                earlier = [p for p in usable if p.end <= m.start and not p.shift
                           and not p.possessive]
                if not later and m.kind in ("multiplier", "percent") and earlier:
                    # "from $48 billion in 2014-15 to $73 billion in 2021-22 (1.5 times)": the
                    # change reaches the newer side's period
                    later = [max(earlier, key=lambda p: p.start)]
                free = later[:1] or [main]
            same = [p for p in free if clause_of(p.start) == clause_of(m.start)]
            if same:
                chosen = min(same, key=lambda p: (max(p.start - m.end, m.start - p.end),
                                                  p.start < m.start))
                how = "stated"
            elif m.kind == "rank":
                continue  # a rank takes a period from its own clause only
            elif _CUMULATIVE.search(_clause_text(sentence, m)):
                continue  # "while investments have crossed $43 billion": up to now, no period
            else:
                chosen, how = main or free[0], "sentence"
        m.period = chosen.period
        m.chosen = chosen
        m.period_from = "relative" if chosen.period_from == "relative" else how


_DEADLINE_BEFORE = re.compile(r"\b(?:(?:target|goal|aim|deadline)\w*\s+(?:for|of|by)|by)\s+"
                              r"(?:the\s+(?:end\s+of\s+)?)?$", re.IGNORECASE)
#: A present perfect of reaching ("have crossed", "has touched"): a total up to now.
_CUMULATIVE = re.compile(r"\b(?:has|have)\s+(?:now\s+|already\s+)?(?:crossed|reached|touched|"
                         r"exceeded|surpassed|topped|hit|amounted|totalled|totaled)\b",
                         re.IGNORECASE)


def _clause_text(sentence: str, m: Match) -> str:
    """The clause of ``sentence`` that holds ``m``."""
    starts = [0] + [b.end() for b in _CLAUSE_BREAK.finditer(sentence) if b.end() <= m.start]
    ends = [b.start() for b in _CLAUSE_BREAK.finditer(sentence) if b.start() >= m.end]
    return sentence[max(starts):min(ends) if ends else len(sentence)]


_ONE_YEAR = r"(?:(?:FY\s?)?(?:19|20)\d{2}\s?[-–/]\s?\d{2}|FY\s?'?\d{2}|(?:19|20)\d{2})"
_YEAR_LIST = re.compile(rf"(?:{_ONE_YEAR})(?:,\s+(?:{_ONE_YEAR}))*,?\s+and\s+(?:in\s+)?"
                        rf"(?:{_ONE_YEAR})\b", re.IGNORECASE)


def _year_label(text: str) -> str | None:
    mentions = fiscal_mentions(text)
    if mentions:
        return max(mentions, key=lambda f: f.end - f.start).label
    return text if re.fullmatch(r"(?:19|20)\d{2}", text) else None


def _respectively(sentence: str, taken: list[Match]) -> None:
    """"In 2021-22 and 2020-21, shipments stood at $12.55 billion and $6.5 billion" (years,
    then figures joined by "and") and "13.53% and 14.4% in March and April, respectively"
    (figures, then their periods) are read in order."""
    if _years_then_figures(sentence, taken):
        return
    if re.search(r"\brespectively\b", sentence, re.IGNORECASE):
        # "13.53% and 14.4% in March and April, respectively": figures, then their periods
        stated = [m for m in taken if m.kind in _PERIOD_KINDS and m.period and not m.shift]
        for n in (3, 2):
            for i in range(len(stated) - n + 1):
                ps = stated[i:i + n]
                if all(re.fullmatch(r",\s+|,?\s+and\s+", sentence[x.end:y.start])
                       for x, y in zip(ps, ps[1:])):
                    for kind in ("percent", "money", "quantity"):
                        run = [m for m in taken if m.kind == kind and m.end <= ps[0].start]
                        if len(run) >= n and len({p.period for p in ps}) == n:
                            for m, p in zip(run[-n:], ps):
                                m.period, m.period_from = p.period, "stated"
                    return


def _years_then_figures(sentence: str, taken: list[Match]) -> bool:
    """Years, then as many figures joined by "and": read in order; True when it applied."""
    found = _YEAR_LIST.search(sentence)
    if not found:
        return False
    labels = [_year_label(y.group()) for y in re.finditer(_ONE_YEAR, found.group(), re.I)]
    if not all(labels) or len(set(labels)) != len(labels):
        return False
    n = len(labels)
    figures = [m for m in taken if m.kind in ("money", "percent", "quantity")
               and m.start >= found.end()]
    for i in range(len(figures) - n + 1):
        run = figures[i:i + n]
        joins = [sentence[x.end:y.start] for x, y in zip(run, run[1:])]
        if len({m.kind for m in run}) == 1 and all(
                re.fullmatch(r",\s+", j) for j in joins[:-1]) and re.fullmatch(
                r",?\s+and\s+", joins[-1]):
            for m, label in zip(run, labels):
                m.period, m.period_from = label, "stated"
            return True
    return False


_TO_FIGURE = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:to|at)\s+(?:reach\s+|touch\s+|hit\s+)?"
                        r"(?:a\s+(?:record|high|low)\s+(?:of\s+)?)?$", re.IGNORECASE)


def _change_to_figure(sentence: str, taken: list[Match]) -> None:
    """"which rose by over 37 percent to $128.55 billion in 2022-23": a change followed by the
    figure it reached is of that figure's stated period."""
    figures = [m for m in taken if m.kind in _TAKES_PERIOD]
    for a, b in zip(figures, figures[1:]):
        if a.kind in ("percent", "multiplier") and b.kind == "money" and b.period \
                and b.period_from == "stated" and b.chosen is not None \
                and b.chosen.start >= b.end and _TO_FIGURE.match(sentence[a.end:b.start]):
            a.period, a.period_from, a.chosen = b.period, "stated", b.chosen


_REGISTERED = re.compile(r"\b(?:registering|recording|showing|marking|posting|logging)\s+(?:a|an)\s+"
                         r"(?:negative\s+|positive\s+|marginal\s+|sharp\s+)?"
                         r"(?:growth|increase|rise|jump|decline|fall|dip|contraction)\s+of\s*$",
                         re.IGNORECASE)


def _change_registered(sentence: str, taken: list[Match]) -> None:
    """"$447.46 billion in 2022-23 as against $422 billion in the previous year, registering a
    growth of 6.03 per cent": the change is of the newer year, not of the year it is nearest."""
    stated = [m for m in taken if m.kind in _PERIOD_KINDS and m.period and not m.relative
              and not m.base]
    for m in taken:
        if m.kind in ("percent", "multiplier") and _REGISTERED.search(sentence[:m.start]) \
                and m.chosen is not None and (m.chosen.relative or m.chosen.earlier) and stated:
            m.period, m.period_from = stated[-1].period, "sentence"


def _change_between(sentence: str, taken: list[Match]) -> None:
    """"exports fell nearly 33% between 2020–21 and 2024–25": the change is of the later year
    (measured from the earlier)."""
    stated = [m for m in taken if m.kind in _PERIOD_KINDS and m.period and not m.shift]
    for m in taken:
        if m.kind not in ("percent", "multiplier"):
            continue
        for a, b in zip(stated, stated[1:]):
            if a.start >= m.end and re.fullmatch(r"\s+(?:between|from)\s+", sentence[m.end:a.start]) \
                    and re.fullmatch(r"\s+(?:and|to)\s+", sentence[a.end:b.start]):
                m.period, m.period_from = b.period, "stated"
                break


_WHEN = re.compile(r"^,?\s+when\b[^.;:]*$", re.IGNORECASE)


def _when_clause(sentence: str, taken: list[Match]) -> None:
    """"… since 2000-01, when exports to it were USD 880 million": a figure in a "when" clause
    is of the period the clause hangs on, even one that is otherwise a base."""
    periods = [m for m in taken if m.kind in _PERIOD_KINDS and m.period and not m.shift]
    for m in taken:
        if m.kind not in _TAKES_PERIOD:
            continue
        before = [p for p in periods if p.end <= m.start and _WHEN.match(sentence[p.end:m.start])]
        if before:
            m.period, m.period_from = before[-1].period, "stated"


def _compared_earlier(sentence: str, taken: list[Match], carried: str | None) -> None:
    """"rose to $127.7 billion in 2024-25 from $118.4 billion in the last year", "widened to
    $41.18 billion from $35.32 billion in the last fiscal year", "up 17 per cent from the last
    year's deficit of $85.07 billion": the older side of a comparison named "last year" is the
    year before the newer side's fiscal year (or the one in force), not the year before the
    publication date."""
    figures = [m for m in taken if m.kind in _TAKES_PERIOD]
    for m in figures:
        p = m.chosen
        if p is None or not p.earlier or not m.period:
            continue
        if not (p.possessive or _FROM_BEFORE.search(sentence[:m.start])):
            continue
        ref = next((f.period for f in figures if f is not m and f.period
                    and _is_fiscal(f.period) and f.chosen is not p), None)
        if ref is None and carried and _is_fiscal(carried):
            ref = carried
        if ref is None:
            continue
        if m.period == ref or (not _is_fiscal(m.period) and ref.startswith("FY")):
            m.period = _shift(ref, 1)
    # "87.7 per cent in 2023-24, up from 87.4 per cent", "stood at $121.6 bn in 2023-24, down
    # from $144.2 bn": the older side, with no period of its own, is the year before
    for a, b in zip(figures, figures[1:]):
        p = a.chosen
        if p is None or b.chosen is not p or p.end > b.start \
                or not _COMPARED.match(sentence[max(p.end, a.end):b.start]) \
                or not re.fullmatch(r"(?:FY)?\d{4}(?:-\d{2})?", p.period or ""):
            continue
        b.period, b.period_from = _shift(p.period, 1), "relative"


_TO_TARGET = re.compile(r"^\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}to\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?|"
                          r"as\s+against)\s+(?:the\s+|a\s+|its\s+)?$", re.IGNORECASE)
_POSSESSIVE_OF = re.compile(r"^['’]s(?:\s+[\w-]+){1,3}\s+(?:of|at)\s+$", re.IGNORECASE)
#: "since Russia sent troops … on February 24, 2022": a date in a since-clause is a start.
_SINCE_CLAUSE = re.compile(r"\bsince\b[^,;:]*$", re.IGNORECASE)
_BASE_BEFORE = re.compile(r"\b(?:before|since|prior\s+to|after|(?:starting|beginning)"
                          r"(?:\s+(?:on|from))?|effective(?:\s+from)?|with\s+effect\s+from)\s+$",
                          re.IGNORECASE)
_RECORD_SINCE = re.compile(r"\b(?:first|highest|lowest|biggest|largest|sharpest|steepest|"
                           r"best|worst|strongest|weakest)\b[\w\s-]{0,35}$", re.IGNORECASE)
_FRONTED_BASE = re.compile(r"^\s*(?:After|Since|Following|Before|Prior\s+to)\b[^,;]*$",
                           re.IGNORECASE)
#: "from" right before a period (no figure between): the base of a change.
_LIST_ITEM = re.compile(r"\s+(?:in|into|for|to|on)\s+[A-Z][\w’'&.-]*(?:\s+(?:[A-Z][\w’'&.-]*|and|of|"
                        r"the|–|-|[a-z]+))*?\s*[,–-]?\s*(?:in|on|during)\s+")
_FROM_BASE = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_COMPARED = re.compile(r"^[\s,]*(?:(?:which\s+is\s+)?(?:up|down|rising|falling|increasing|"
                       r"decreasing|higher|lower|less|more)\s+)?(?:from|compared\s+(?:with|to)|"
                       r"against|as\s+against|versus|vs\.?|(?:well\s+|far\s+)?(?:above|below))"
                       r"\s+(?:its\s+|the\s+|a\s+)?$", re.IGNORECASE)
_IN_MONTHS = re.compile(r"^\s*in\s+(?:just\s+|the\s+(?:first|last|past)\s+)?\S+\s+months$",
                        re.IGNORECASE)
_NOW = re.compile(r"\b(?:now|currently|at\s+present)\b", re.IGNORECASE)


def _is_fiscal(period: str) -> bool:
    """A fiscal year, or a span of months within one that starts in April."""
    return period.startswith("FY") or bool(re.fullmatch(r"\d{4}-04/\d{4}-\d{2}", period))


def _in_progress_fy(period: str, published: dt.date) -> bool:
    """``period`` is the months so far of the fiscal year under way at publication
    (``2022-04/2022-08`` in October 2022)."""
    return (bool(re.fullmatch(r"\d{4}-04/\d{4}-\d{2}", period))
            and int(period[:4]) == _fy_start_of(published))


def _just_closed_year(period: str, published: dt.date) -> bool:
    """``period`` is twelve months that ended in the three months before publication (the
    fiscal year just closed, for an article of April to June)."""
    a, b = _bounds(period)
    months = (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7]) + 1
    gap = (published.year - int(b[:4])) * 12 + published.month - int(b[5:7])
    return months == 12 and 1 <= gap <= 3


def _bounds(period: str) -> tuple[str, str]:
    """First and last month of a period, as ``YYYY-MM`` strings that sort in time."""
    if period.startswith("FY"):
        y = fy_start(period)
        return f"{y}-04", f"{y + 1}-03"
    a, _, b = period.partition("/")
    b = b or a
    return (a[:7] if len(a) >= 7 else f"{a[:4]}-01"), (b[:7] if len(b) >= 7 else f"{b[:4]}-12")


def latest_period(previous: str | None, matches: list[Match]) -> str | None:
    """The period that ends last (the longest of those that end together) of ``previous`` and
    those the figures in ``matches`` took: what "now" and the newer side of "X, up from Y in P"
    refer to in an article."""
    periods = [p for p in (previous, *(m.period for m in matches if m.kind in _TAKES_PERIOD))
               if p]
    if not periods:
        return None

    def key(p):
        a, b = _bounds(p)
        return b, -int(a[:4]) * 12 - int(a[5:7])
    return max(periods, key=key)


def _clause_index(sentence: str):
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(sentence)]
    return lambda pos: sum(1 for b in breaks if b < pos)


def _value_from_period(m: Match) -> None:
    """A relative period's value and unit once resolved: the fiscal year's first calendar year
    (``fiscal_year``), a span's first year (``months``), a month's year (``date``), or the
    year."""
    if m.period.startswith("FY"):
        m.kind, m.value, m.unit = "fiscal_year", fy_start(m.period), "fiscal_year"
    elif "/" in m.period:
        m.kind, m.value, m.unit = "period", int(m.period[:4]), "months"
    elif len(m.period) >= 7:  # a month (2024-03) or a day
        m.kind, m.value, m.unit = "date", int(m.period[:4]), "date"
    else:
        m.value, m.unit = int(m.period[:4]), "year"


_ROSE_TO = re.compile(r"\b(?:rose|increased|grew|jumped|climbed|surged|soared|declined|fell|"
                      r"dropped|widened|narrowed)\b[^;]*\bto\b", re.IGNORECASE)


def main_period(matches: list[Match], sentence: str = "") -> str | None:
    """The first period ``matches`` state outright (not "a year ago", not a base such as
    "since 1980"): what a figure in the next sentence without one takes. A fiscal year narrowed
    at once by its months ("FY22 (April-December)") states those months."""
    stated = [m for m in matches if m.kind in _PERIOD_KINDS and m.period and not m.shift
              and not m.base]
    if sentence and len(stated) >= 2 and re.search(r"\bfrom\b[^;]{0,40}$",
                                                   sentence[:stated[0].start]):
        to = [m for m in stated[1:] if re.search(r"\bto\b[^;]{0,40}$", sentence[:m.start])]
        if to:  # "from $42.19 billion in FY24 to $45.3 billion in FY25": the newer side
            return to[0].period
    if sentence and len(stated) >= 2 and _ROSE_TO.search(sentence) and all(
            re.fullmatch(r"(?:FY)?\d{4}(?:-\d{2})?", m.period) for m in stated):
        # "$80.51 billion in 2020-21, which rose by 37 percent to $128.55 billion in 2022-23"
        return max(stated, key=lambda m: _bounds(m.period)[1]).period
    for i, m in enumerate(matches):
        if m.kind in _PERIOD_KINDS and m.period and not m.shift and not m.base:
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            if (m.kind == "fiscal_year" and nxt is not None and nxt.kind == "period"
                    and nxt.period and "/" in nxt.period and 0 <= nxt.start - m.end <= 3):
                return nxt.period
            return m.period
    return None


# --- periods carried from sentence to sentence ------------------------------------------------

#: "China's exports then were $X", "stood then at", "at that time": the time the sentence
#: before ended on, not the one it opened with.
_THEN = re.compile(r"(?<!\band\s)(?<!\bsince\s)(?<!\buntil\s)(?<!\btill\s)(?<!\bby\s)"
                   r"(?<!\bjust\s)\bthen\s+(?:were|was|stood|amounted|totalled|totaled|had\s+been)\b"
                   r"|\b(?:were|was|stood|amounted\s+to|totalled|totaled)\s+then\b"
                   r"|\bat\s+(?:that|the)\s+time\b", re.IGNORECASE)


def then_period(sentence: str, previous: list[Match]) -> str | None:
    """The period a sentence saying "then" or "at that time" refers to: the last one the
    sentence before stated outright (``previous``, its matches in reading order), else None."""
    if not _THEN.search(sentence):
        return None
    stated = [m.period for m in previous if m.kind in _PERIOD_KINDS and m.period
              and not m.shift and not m.base]
    return stated[-1] if stated else None


def take_then(matches: list[Match], period: str | None) -> None:
    """Figures of a "then" sentence that state no period take ``period`` (see
    :func:`then_period`)."""
    if not period:
        return
    for m in matches:
        if m.kind in _CARRIES and m.period is None:
            m.period, m.period_from = period, "carried"


_CONTINUES = re.compile(r"^(?:Imports|Exports|Trade|The\s+(?:imports|exports|trade|deficit))\s+"
                        r"(?:from|to|with)\s+(?:the|that|this)\s+(?:neighbouring|neighboring|same|"
                        r"other)?\s*(?:country|nation|neighbour|neighbor)\b", re.IGNORECASE)


#: "This is an increase of …", "As a result, …", "According to the data …": a paragraph that
#: opens by pointing back.
_POINTS_BACK = re.compile(r"^(?:(?:This|That)\s+(?:is|was|marks|marked|represents|represented|"
                          r"means|meant|resulted|led|took|pushed|brought)\b|As\s+a\s+result\b"
                          # "According to the data provided …": the data just spoken of
                          r"|According\s+to\s+(?:the|these|this)\s+(?:data|figures)\b"
                          # "The increase in total volume was attributed to …": the change just
                          # reported
                          r"|The\s+(?:increase|rise|growth|decline|fall|jump|surge|drop|dip|"
                          r"figures?)\b(?!\s+(?:of|by)\s+[\d$])"
                          # "Data from the customs showed that …": figures behind the ones just
                          # given, with no time of their own
                          r"|(?:(?:The|Official|Customs|Trade|Latest)\s+)?(?:data|figures|"
                          r"statistics)\s+(?:from|of|released\s+by|published\s+by|by)\s+"
                          r"[^.;:]{0,80}?\b(?:show|shows|showed|shown|reveal(?:s|ed)?)\b)",
                          re.IGNORECASE)


def continues(sentence: str) -> bool:
    """A paragraph that names its partner by reference to the one before ("Imports from the
    neighbouring country …"), or opens by pointing back to it ("This is an increase of …",
    "As a result, …"), continues that paragraph's period."""
    s = sentence.lstrip()
    return bool(_CONTINUES.match(s) or _POINTS_BACK.match(s))


_FROM_TO = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_TO = re.compile(r"^\s*(?:in\s+\S+\s+)?to\s+(?:the\s+)?$", re.IGNORECASE)


def from_to_pair(sentence: str, matches: list[Match], index: int):
    """"from fiscal year 2019 to FY2024" in a sentence that states no figure: the two ends the
    next sentences' "from $X to $Y" refer to, as (start period, end period, sentence index)."""
    if any(m.kind in _CARRIES for m in matches):
        return None
    ends = [m for m in matches if m.kind in _PERIOD_KINDS and m.period and not m.shift]
    for a, b in zip(ends, ends[1:]):
        if _FROM_TO.search(sentence[:a.start]) and re.fullmatch(r"\s*to\s+",
                                                                 sentence[a.end:b.start]):
            return a.period, b.period, index
    return None


def apply_pair(sentence: str, matches: list[Match], pair) -> None:
    """"…declined by 0.6 per cent, from $16.75 billion to $16.66 billion" after a sentence
    naming "from FY2019 to FY2024": the first figure of each from/to is of the start, the
    second and the change of the end."""
    start, end, _ = pair
    figures = [m for m in matches if m.kind in _TAKES_PERIOD and m.period is None]
    for i, m in enumerate(figures):
        if m.kind != "money" or not _FROM_TO.search(sentence[:m.start]):
            continue
        m.period, m.period_from = start, "carried"
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if nxt is not None and nxt.kind == "money" and _TO.match(sentence[m.end:nxt.start]):
            nxt.period, nxt.period_from = end, "carried"
    for m in figures:
        if m.kind in ("percent", "multiplier") and m.period is None:
            m.period, m.period_from = end, "carried"


def months_implied(claims: list[Claim], text: str) -> tuple[Claim, ...]:
    """"$18 billion in five months" (a headline or lead that names a length, not the months):
    the figure takes the span of that many months the article states elsewhere
    ("April–August")."""
    spans = [c.period for c in claims if c.period and "/" in c.period]

    def months(p):
        a, b = _bounds(p)
        return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7]) + 1
    out = []
    for c in claims:
        if c.period is None and c.kind in _TAKES_PERIOD:
            n = [d.value for d in claims if d.kind == "duration" and d.unit == "months"
                 and d.sentence_index == c.sentence_index
                 and _IN_MONTHS.search(text[c.span[1]:d.span[1]])]
            match = [p for p in spans if n and months(p) == n[0]]
            if match:
                c = replace(c, period=match[0], period_from="carried")
        out.append(c)
    return tuple(out)
