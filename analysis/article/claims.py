"""Quantitative claims: every figure, period and count an article states, typed.

Kinds: ``money`` (``$65.7 billion``, ``€3.4 bn``, ``Rs 1,200 crore``, ranges), ``percent``
(``33%``, ``12.5 per cent``, percentage points), ``fiscal_year`` (every form
:func:`analysis.fiscal.fiscal_mentions` reads), ``period`` (``April–December 2023``,
``between 2025 and 2027``, a twelve-month year ending in another month than March), ``date``
(``February 2022``, ``9 July 2024``, a month alone such as ``June``), ``year`` (``2020``),
``ordinal`` (``third term``, ``22nd summit``), ``duration`` (``41 years``, ``two-day``,
``a decade``) and ``count`` (``nine agreements``). Money, percent and count claims take the
period stated nearest to them in the same clause (else the same sentence), so "rose 33% in the
financial year ended March 2024, reaching $65.7 billion" gives both figures ``FY2023-24``.

A month without a year ("in June") is a ``date`` claim whose ``value`` is the month number,
unit ``month`` and period None; a day and month without a year likewise has unit ``day``.
A bare ``$`` is taken as US dollars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.article.model import Claim
from analysis.fiscal import MONTH_PATTERN, MONTHS, fiscal_mentions, month_number

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}
_CURRENCIES = {  # symbol, code or word → ISO 4217 code
    "us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "us dollars": "USD", "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "rupee": "INR",
    "rupees": "INR", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP",
    "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "¥": "JPY", "jpy": "JPY", "yen": "JPY",
    "yuan": "CNY", "cny": "CNY", "rmb": "CNY", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "rub": "RUB",
}
_SCALE_WORDS = {
    "thousand": "thousand", "k": "thousand", "lakh": "lakh", "lakhs": "lakh",
    "million": "million", "mn": "million", "mln": "million", "m": "million",
    "crore": "crore", "crores": "crore", "cr": "crore", "billion": "billion", "bn": "billion",
    "trillion": "trillion", "tn": "trillion",
}
_DURATION_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days",
                   "hour": "hours", "decade": "decades", "century": "centuries",
                   "centurie": "centuries"}
_STOP_WORDS = {
    "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with",
    "as", "is", "was", "be", "that", "this", "it", "its", "his", "her", "their", "since",
    "than", "but", "will", "would", "has", "have", "had", "are", "were",
}

_NUM = r"\d+(?:,\d{2,3})*(?:\.\d+)?"
_NUMWORD = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_DASH = r"\s*(?:-|–|—|to)\s*"
_CUR_PRE = r"US\$|A\$|C\$|S\$|\$|₹|Rs\.?|INR|USD|EUR|GBP|JPY|€|£|¥"
_CUR_WORD = r"US dollars|dollars?|euros?|rupees?|pounds?|yen|yuan|renminbi|roubles?|rubles?"
_SCALE = r"trillion|billion|million|thousand|lakh\s+crores?|crores?|lakhs?|tn|bn|mn|mln|cr|m|k"

_P_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{MONTH_PATTERN})(?:\s+(?P<y1>\d{{4}}))?{_DASH}"
    rf"(?P<m2>{MONTH_PATTERN}),?\s+(?P<y2>\d{{4}})\b")
_P_YEAR_RANGE = re.compile(
    r"\b(?:between\s+(?P<a>(?:19|20)\d{2})\s+and"
    r"|from\s+(?P<b>(?:19|20)\d{2})\s+(?:to|until|through))"
    r"\s+(?P<end>(?:19|20)\d{2})\b"
    r"|(?<![\w$€£¥₹.,-])(?P<c>(?:19|20)\d{2})\s?[-–]\s?(?P<end2>(?:19|20)\d{2})\b")
_P_DAY_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_PATTERN})"
    rf"|(?P<m2>{MONTH_PATTERN})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\b")
_P_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_PATTERN})\s+(?:of\s+)?(?P<year>\d{{4}})\b")
_P_MONTH = re.compile(
    rf"\b(?P<month>{'|'.join(m.capitalize() for m in MONTHS if m != 'may')})\b"
    r"|\b(?:in|by|on|of|since|until|during|before|after|early|late|last|next|this)\s+"
    r"(?P<may>May)\b")  # "May" alone only after a preposition: it is also a verb
_P_MONEY = re.compile(
    rf"(?P<cur>{_CUR_PRE})\s?(?P<num>{_NUM})(?:{_DASH}(?:{_CUR_PRE})?\s?(?P<high>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?(?:\s+(?P<word>{_CUR_WORD})\b)?"
    rf"|\b(?P<num2>{_NUM})(?:{_DASH}(?P<high2>{_NUM}))?(?:\s?(?P<scale2>{_SCALE}))?"
    rf"\s+(?P<word2>{_CUR_WORD})\b", re.IGNORECASE)
_P_PERCENT = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})(?:{_DASH}(?P<high>{_NUM}))?\s?"
    r"(?:%|(?P<points>percentage\s+points?|pp)\b|(?:per\s?cent|percent)\b)", re.IGNORECASE)
_P_DURATION = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM}|{_NUMWORD}|a|an|half\s+a)(?:\s+|-)"
    r"(?P<unit>years?|months?|weeks?|days?|hours?|decades?|centur(?:y|ies))\b(?:-(?:long|old))?",
    re.IGNORECASE)
_P_DECADE = re.compile(r"(?<![\w$€£¥₹.,-])(?P<year>1[5-9]\d0|20\d0)s\b")
_P_YEAR = re.compile(r"(?<![\w$€£¥₹.,-])(?P<year>1[5-9]\d{2}|20\d{2})(?![\w%]|[.,]\d)")
_P_ORDINAL = re.compile(
    rf"\b(?P<ord>{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))}|\d+(?:st|nd|rd|th))\b"
    r"(?:\s+(?P<noun>[A-Za-z][\w’'-]*))?", re.IGNORECASE)
_P_COUNT = re.compile(
    rf"(?<![\w$€£¥₹.,/-])(?P<num>{_NUM}|{'|'.join(w for w in _WORD_NUMBERS if w != 'one')})"
    rf"(?:\s+(?P<scale>million|billion|thousand|lakh|crore|trillion))?"
    r"(?![\w%]|[.,]\d)(?:\s+(?P<noun>[A-Za-z][\w’'-]*))?", re.IGNORECASE)


def _number(text: str) -> float:
    word = text.lower()
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
    if word in ("a", "an"):
        return 1.0
    if word.replace(" ", "") == "halfa":
        return 0.5
    return float(text.replace(",", ""))


def _scale_word(text: str) -> str:
    words = text.lower().split()
    if len(words) == 2:  # "lakh crore"
        return "lakh crore"
    return _SCALE_WORDS[words[0]]


@dataclass
class _Match:
    kind: str
    start: int
    end: int
    value: float
    unit: str
    scale: str | None = None
    period: str | None = None
    high: float | None = None


def _fiscal_claims(s: str) -> list[_Match]:
    found = []
    for m in fiscal_mentions(s):
        if m.label:
            found.append(_Match("fiscal_year", m.start, m.end, m.year, "fiscal_year",
                                period=m.label))
        else:  # a twelve-month year ending in another month: not an Indian fiscal year
            found.append(_Match("period", m.start, m.end, m.year, "months", period=m.period))
    return found


def _date_claims(s: str) -> list[_Match]:
    found = []
    for m in _P_MONTH_RANGE.finditer(s):
        m1, m2, y2 = month_number(m["m1"]), month_number(m["m2"]), int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        found.append(_Match("period", m.start(), m.end(), y2, "months",
                            period=f"{y1}-{m1:02d}/{y2}-{m2:02d}"))
    for m in _P_YEAR_RANGE.finditer(s):
        first, last = int(m["a"] or m["b"] or m["c"]), int(m["end"] or m["end2"])
        if first < last:
            found.append(_Match("period", m.start(), m.end(), first, "years",
                                period=f"{first}/{last}"))
    for m in _P_DAY_DATE.finditer(s):
        day = int(m["d1"] or m["d2"])
        month = month_number(m["m1"] or m["m2"])
        if not 1 <= day <= 31:
            continue
        if m["year"]:
            found.append(_Match("date", m.start(), m.end(), int(m["year"]), "date",
                                period=f"{m['year']}-{month:02d}-{day:02d}"))
        else:
            found.append(_Match("date", m.start(), m.end(), day, "day"))
    for m in _P_MONTH_YEAR.finditer(s):
        found.append(_Match("date", m.start(), m.end(), int(m["year"]), "date",
                            period=f"{m['year']}-{month_number(m['month']):02d}"))
    for m in _P_MONTH.finditer(s):
        key = "month" if m["month"] else "may"
        found.append(_Match("date", m.start(key), m.end(key), month_number(m[key]), "month"))
    return found


def _money_claims(s: str) -> list[_Match]:
    found = []
    for m in _P_MONEY.finditer(s):
        cur = (m["cur"] or m["word"] or m["word2"] or "").lower()
        if m["cur"] and m["word"]:
            cur = m["word"].lower() if m["cur"] == "$" else m["cur"].lower()
        scale = m["scale"] or m["scale2"]
        num, high = m["num"] or m["num2"], m["high"] or m["high2"]
        found.append(_Match(
            "money", m.start(), m.end(), _number(num), _CURRENCIES.get(cur, cur.upper()),
            scale=_scale_word(scale) if scale else None,
            high=_number(high) if high else None))
    return found


def _percent_claims(s: str) -> list[_Match]:
    return [
        _Match("percent", m.start(), m.end(), _number(m["num"]),
               "percentage_points" if m["points"] else "percent",
               high=_number(m["high"]) if m["high"] else None)
        for m in _P_PERCENT.finditer(s)
    ]


def _duration_claims(s: str) -> list[_Match]:
    found = []
    for m in _P_DURATION.finditer(s):
        unit = m["unit"].lower().rstrip("s")
        found.append(_Match("duration", m.start(), m.end(), _number(m["num"]),
                            _DURATION_UNITS[unit]))
    return found


def _year_claims(s: str) -> list[_Match]:
    found = [_Match("year", m.start(), m.end(), int(m["year"]), "decade", period=m.group())
             for m in _P_DECADE.finditer(s)]
    for m in _P_YEAR.finditer(s):
        counted = re.match(r"\s+[a-z]+s\b", s[m.end():])
        dated = re.search(r"\b(?:in|since|by|from|until|of|the|and|to|before|after)\s+$",
                          s[:m.start()])
        if counted and not dated:
            continue  # "2000 troops" counts troops; "the 2020 elections" is a year
        found.append(_Match("year", m.start(), m.end(), int(m["year"]), "year",
                            period=m["year"]))
    return found


def _with_noun(m: re.Match, kind: str, value: float, unit: str, scale=None) -> _Match:
    noun = m["noun"]
    end = m.end() if noun and noun.lower() not in _STOP_WORDS else m.end(1)
    if scale:
        end = max(end, m.end("scale"))
    return _Match(kind, m.start(), end, value, unit, scale=scale)


def _ordinal_claims(s: str) -> list[_Match]:
    found = []
    for m in _P_ORDINAL.finditer(s):
        word = m["ord"].lower()
        value = _ORDINAL_WORDS.get(word) or int(re.match(r"\d+", word).group())
        found.append(_with_noun(m, "ordinal", value, "ordinal"))
    return found


def _count_claims(s: str) -> list[_Match]:
    found = []
    for m in _P_COUNT.finditer(s):
        noun = (m["noun"] or "").lower()
        if not m["num"][0].isdigit() and (not noun.endswith("s") or noun in _STOP_WORDS):
            continue  # "two of", "ten to one": a number word must count something plural
        scale = m["scale"].lower() if m["scale"] else None
        found.append(_with_noun(m, "count", _number(m["num"]), "count", scale))
    return found


# Extractors in priority order: where matches overlap, the earlier extractor wins
# ("financial year ended March 2024" is a fiscal year, not a date; "$65.7 billion" money, not a
# count). Within one extractor the longer match wins.
_EXTRACTORS = (_fiscal_claims, _money_claims, _percent_claims, _date_claims, _duration_claims,
               _year_claims, _ordinal_claims, _count_claims)
_PERIOD_KINDS = ("fiscal_year", "period", "date", "year")
_TAKES_PERIOD = ("money", "percent", "count")
_CLAUSE_BREAK = re.compile(r";|\s[—–-]\s|:")


def _sentence_claims(sentence: str) -> list[_Match]:
    taken: list[_Match] = []
    for extract in _EXTRACTORS:
        for m in sorted(extract(sentence), key=lambda m: (m.start, -(m.end - m.start))):
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
    taken.sort(key=lambda m: m.start)
    periods = [m for m in taken if m.kind in _PERIOD_KINDS and m.period]
    clause_of = _clause_index(sentence)
    for m in taken:
        if m.kind in _TAKES_PERIOD and periods:
            same = [p for p in periods if clause_of(p.start) == clause_of(m.start)] or periods
            m.period = min(same, key=lambda p: max(p.start - m.end, m.start - p.end)).period
    return taken


def _clause_index(sentence: str):
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(sentence)]
    return lambda pos: sum(1 for b in breaks if b < pos)


def extract_claims(text: str, sentence_spans) -> tuple[Claim, ...]:
    """Every quantitative claim in the given sentences of ``text``, in reading order."""
    claims = []
    for index, (s0, s1) in enumerate(sentence_spans):
        sentence = text[s0:s1]
        for m in _sentence_claims(sentence):
            claims.append(Claim(
                kind=m.kind, value=float(m.value), unit=m.unit, scale=m.scale, period=m.period,
                text=sentence[m.start:m.end], sentence=sentence,
                span=(s0 + m.start, s0 + m.end), high=m.high, sentence_index=index,
            ))
    return tuple(claims)
