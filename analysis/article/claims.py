"""Quantitative claims: every figure, period and count an article states, typed.

Kinds: ``money`` (``$65.7 billion``, ``€3.4 bn``, ``Rs 1,200 crore``, ranges), ``percent``
(``33%``, ``12.5 per cent``, percentage points), ``fiscal_year`` (every form
:func:`analysis.fiscal.fiscal_mentions` reads), ``period`` (``April–December 2023``,
``between 2025 and 2027``, a twelve-month year ending in another month than March), ``date``
(``February 2022``, ``9 July 2024``, a month alone such as ``June``), ``year`` (``2020``),
``ordinal`` (``third term``, ``22nd summit``), ``duration`` (``41 years``, ``two-day``,
``a decade``) and ``count`` (``nine agreements``). More kinds: ``fraction`` ("a third",
"two-thirds", "half"), ``multiplier`` ("doubled", "fivefold", "almost double"), ``quantity``
("1.64 million barrels per day", "20 million tonnes") and ``rank`` ("second-largest", "biggest
trading partner", "comes 2nd"); money may be per unit ("$60 a barrel" → unit ``USD/barrel``).
Where matches overlap the earlier kind wins (a fiscal year over a date, money over a count).

A month without a year ("in June") is a ``date`` claim whose ``value`` is the month number,
unit ``month`` (the publication date gives it a year); a day and month without a year likewise
has unit ``day``. A bare ``$`` is taken as US dollars.

Which period each figure is of, relative periods ("last fiscal", "a year ago") and a period
carried to the next sentence are :mod:`analysis.article.periods`.
"""

from __future__ import annotations

import datetime as dt
import re

from analysis.article.model import Claim
from analysis.article.periods import (
    Match,
    apply_pair,
    carry_periods,
    continues,
    from_to_pair,
    latest_period,
    main_period,
    months_implied,
    relative_periods,
    resolve_periods,
    take_then,
    then_period,
)
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
    "trillion": "trillion", "tn": "trillion", "b": "billion",  # "$100B"
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
_TENS_W = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_TEENS_W = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
#: "Hundred and forty-nine", "one hundred and twenty", "forty-nine": numbers in words.
_COMPOUND = (rf"(?:(?:(?:a|{_UNITS_W})\s+)?hundred(?:\s+and)?\s+(?:(?:{_TENS_W})(?:[\s-](?:{_UNITS_W}))?"
             rf"|{_TEENS_W}|{_UNITS_W})|(?:{_TENS_W})[\s-](?:{_UNITS_W})"
             rf"|(?:{_UNITS_W})\s+hundred)\b")
_DASH = r"\s*(?:-|–|—|to)\s*"
_CUR_PRE = r"US\$|A\$|C\$|S\$|\$|₹|Rs\.?|INR|USD|EUR|GBP|JPY|€|£|¥"
_CUR_WORD = r"US dollars|dollars?|euros?|rupees?|pounds?|yen|yuan|renminbi|roubles?|rubles?"
_SCALE = r"trillion|billion|million|thousand|lakh\s+crores?|crores?|lakhs?|tn|bn|mn|mln|cr|m|k|b"

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
    rf"(?:\s*(?:-|–|to)\s*\d{{1,2}}\b)?(?:,?\s+(?P<year>\d{{4}}))?\b")
_P_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_PATTERN})\s+(?:of\s+)?(?P<year>\d{{4}})\b")
_P_MONTH = re.compile(
    rf"\b(?P<month>{'|'.join(m.capitalize() for m in MONTHS if m != 'may')})\b"
    r"|\b(?:in|by|on|of|since|until|during|before|after|early|late|last|next|this|to|from|"
    r"till|and)\s+(?P<may>May)\b"  # "May" alone only after a preposition: it is also a verb
    # "up 0.7 pc to USD 41.97 bn in Mar": an abbreviated month after a preposition
    r"|\b(?:in|during|for|since|till|until)\s+(?P<abbr>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
    r"Nov|Dec)\.?(?!\w)")
_P_MONEY = re.compile(
    rf"(?P<cur>{_CUR_PRE})\s?(?P<num>{_NUM})(?:{_DASH}(?:{_CUR_PRE})?\s?(?P<high>{_NUM}))?"
    rf"(?:[\s-]?(?P<scale>{_SCALE})\b)?(?:\s+(?P<word>{_CUR_WORD})\b)?"
    rf"|\b(?P<num2>{_NUM})(?:{_DASH}(?P<high2>{_NUM}))?(?:\s?(?P<scale2>{_SCALE}))?"
    rf"\s+(?P<word2>{_CUR_WORD})\b", re.IGNORECASE)
_P_PERCENT = re.compile(
    rf"(?<![\w.])(?P<num>{_NUM})(?:{_DASH}(?P<high>{_NUM}))?\s?"
    r"(?:%|(?P<points>percentage\s+points?|pp)\b|(?:per\s?cent|percent|pc|pct)\b)", re.IGNORECASE)
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
    rf"(?<![\w$€£¥₹.,/’'‘-])"
    rf"(?P<num>{_NUM}|{_COMPOUND}|{'|'.join(w for w in _WORD_NUMBERS if w != 'one')})"
    rf"(?:\s+(?P<scale>million|billion|thousand|lakh|crore|trillion))?"
    r"(?![\w%]|[.,]\d)(?:\s+(?P<noun>[A-Za-z][\w’'-]*))?", re.IGNORECASE)


def _number(text: str) -> float:
    word = text.lower()
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
    words = [w for w in re.split(r"[\s-]+", word) if w != "and"]
    if len(words) > 1 and all(w in _WORD_NUMBERS or w == "a" for w in words):
        total = 0
        for w in words:  # "one hundred and twenty" = 1 × 100 + 20
            total = (total or 1) * 100 if w == "hundred" else total + _WORD_NUMBERS.get(w, 1)
        return float(total)
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


def _fiscal_claims(s: str) -> list[Match]:
    found = []
    for m in fiscal_mentions(s):
        if m.label:
            found.append(Match("fiscal_year", m.start, m.end, m.year, "fiscal_year",
                                period=m.label))
        else:  # a twelve-month year ending in another month: not an Indian fiscal year
            found.append(Match("period", m.start, m.end, m.year, "months", period=m.period))
    return found


def _date_claims(s: str) -> list[Match]:
    found = []
    for m in _P_MONTH_RANGE.finditer(s):
        m1, m2, y2 = month_number(m["m1"]), month_number(m["m2"]), int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        found.append(Match("period", m.start(), m.end(), y2, "months",
                            period=f"{y1}-{m1:02d}/{y2}-{m2:02d}"))
    for m in _P_YEAR_RANGE.finditer(s):
        first, last = int(m["a"] or m["b"] or m["c"]), int(m["end"] or m["end2"])
        if first < last:
            found.append(Match("period", m.start(), m.end(), first, "years",
                                period=f"{first}/{last}"))
    for m in _P_DAY_DATE.finditer(s):
        day = int(m["d1"] or m["d2"])
        month = month_number(m["m1"] or m["m2"])
        if not 1 <= day <= 31:
            continue
        if m["year"]:
            found.append(Match("date", m.start(), m.end(), int(m["year"]), "date",
                                period=f"{m['year']}-{month:02d}-{day:02d}"))
        else:
            found.append(Match("date", m.start(), m.end(), day, "day"))
    for m in _P_MONTH_YEAR.finditer(s):
        found.append(Match("date", m.start(), m.end(), int(m["year"]), "date",
                            period=f"{m['year']}-{month_number(m['month']):02d}"))
    for m in _P_MONTH.finditer(s):
        key = "month" if m["month"] else "may" if m["may"] else "abbr"
        found.append(Match("date", m.start(key), m.end(key), month_number(m[key]), "month"))
    return found


def _money_claims(s: str) -> list[Match]:
    found = []
    for m in _P_MONEY.finditer(s):
        cur = (m["cur"] or m["word"] or m["word2"] or "").lower()
        if m["cur"] and m["word"]:
            cur = m["word"].lower() if m["cur"] == "$" else m["cur"].lower()
        scale = m["scale"] or m["scale2"]
        num, high = m["num"] or m["num2"], m["high"] or m["high2"]
        found.append(Match(
            "money", m.start(), m.end(), _number(num), _CURRENCIES.get(cur, cur.upper()),
            scale=_scale_word(scale) if scale else None,
            high=_number(high) if high else None))
    return found


def _percent_claims(s: str) -> list[Match]:
    return [
        Match("percent", m.start(), m.end(), _number(m["num"]),
               "percentage_points" if m["points"] else "percent",
               high=_number(m["high"]) if m["high"] else None)
        for m in _P_PERCENT.finditer(s)
    ]


def _duration_claims(s: str) -> list[Match]:
    found = []
    for m in _P_DURATION.finditer(s):
        unit = m["unit"].lower().rstrip("s")
        found.append(Match("duration", m.start(), m.end(), _number(m["num"]),
                            _DURATION_UNITS[unit]))
    return found


def _year_claims(s: str) -> list[Match]:
    found = [Match("year", m.start(), m.end(), int(m["year"]), "decade", period=m.group())
             for m in _P_DECADE.finditer(s)]
    for m in _P_YEAR.finditer(s):
        counted = re.match(r"\s+(?!(?:as|was|is|has|its|this|thus|plus)\b)[a-z]+s\b",
                           s[m.end():])
        dated = re.search(r"\b(?:in|since|by|from|until|of|the|and|to|before|after)\s+$",
                          s[:m.start()], re.IGNORECASE)
        if counted and not dated:
            continue  # "2000 troops" counts troops; "the 2020 elections" is a year
        found.append(Match("year", m.start(), m.end(), int(m["year"]), "year",
                            period=m["year"]))
    return found


def _with_noun(m: re.Match, kind: str, value: float, unit: str, scale=None) -> Match:
    noun = m["noun"]
    end = m.end() if noun and noun.lower() not in _STOP_WORDS else m.end(1)
    if scale:
        end = max(end, m.end("scale"))
    return Match(kind, m.start(), end, value, unit, scale=scale)


def _ordinal_claims(s: str) -> list[Match]:
    found = []
    for m in _P_ORDINAL.finditer(s):
        word = m["ord"].lower()
        value = _ORDINAL_WORDS.get(word) or int(re.match(r"\d+", word).group())
        found.append(_with_noun(m, "ordinal", value, "ordinal"))
    return found


def _count_claims(s: str) -> list[Match]:
    found = []
    for m in _P_COUNT.finditer(s):
        noun = (m["noun"] or "").lower()
        if not m["num"][0].isdigit() and (not noun.endswith("s") or noun in _STOP_WORDS):
            # "four Ukrainian regions", "eight major product categories", "seven of its
            # partners": a plural noun a few words on still makes it a count
            ahead = re.match(r"(?:\s+(?:of\s+(?:its|the|their|our|his|her)|[a-z][\w-]*|"
                             r"[A-Z][a-z]+|[A-Z]{2,6})){0,3}?\s+[a-z]+[^s\W]?s\b", s[m.end(1):])
            if noun in ("against", "opposed", "abstained") and re.search(
                    r"\bvot|\bfavou?r\b|abstention", s, re.I):
                found.append(Match("count", m.start(), m.end(), _number(m["num"]), "count"))
                continue  # "140 votes in favour, five against": a tally's count
            if not ahead or noun in ("to", "or", "and", "times", "per"):
                continue  # "two of", "ten to one": a number word must count something plural
            found.append(Match("count", m.start(), m.end(1), _number(m["num"]), "count"))
            continue
        scale = m["scale"].lower() if m["scale"] else None
        found.append(_with_noun(m, "count", _number(m["num"]), "count", scale))
    return found


# --- kinds the real articles show beyond the seed ----------------------------------------------

_FRACTIONS = {"half": 1 / 2, "third": 1 / 3, "quarter": 1 / 4, "fourth": 1 / 4, "fifth": 1 / 5,
              "sixth": 1 / 6, "seventh": 1 / 7, "eighth": 1 / 8, "ninth": 1 / 9, "tenth": 1 / 10}
_P_FRACTION = re.compile(
    r"\b(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?P<den>half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
    r"\b(?!\s+(?:term|time|consecutive|anniversary|round|edition|summit|largest|biggest))"
    r"|\b(?P<half>half)\s+(?:of\s+)?(?=the\b|its\b|India|all\b)"
    # "nearly half live in the Gulf"
    r"|(?:(?<=nearly\s)|(?<=almost\s)|(?<=around\s)|(?<=roughly\s))(?P<half2>half)\b(?!\s+(?:an?\s+|the\s+)?"
    r"(?:hour|day|week|month|year|century|decade|time|way)s?\b)"
    r"|(?<![\w/.,-])(?P<n>[1-9])/(?P<d>[2-9]|10)(?=(?:th|rd|nd|s)?\s+(?:majority|of)\b)",
    re.IGNORECASE)
_MULTIPLIERS = {"doubled": 2, "double": 2, "twice": 2, "tripled": 3, "triple": 3, "trebled": 3,
                "quadrupled": 4, "halved": 0.5, "doubles": 2, "triples": 3, "quadruples": 4}
_P_MULTIPLIER = re.compile(
    rf"\b(?:(?P<num>{_NUM}|{_NUMWORD})[\s-]?(?:fold|times)\b(?!\s+(?:a|per)\b)"
    r"|(?P<word>doubled|tripled|trebled|quadrupled|halved|twice|doubles|triples|quadruples|"
    r"double|triple)\b)",
    re.IGNORECASE)
_QUANTITY_UNITS = (
    (r"barrels?\s+(?:per|a)\s+day|bpd|b/d", "barrels/day"),
    (r"barrels?", "barrels"),
    (r"(?:metric\s+)?tonnes?|tons?|mt\b", "tonnes"),
    (r"cubic\s+metres?|bcm", "cubic metres"),
    (r"megawatts?|MW\b", "MW"), (r"gigawatts?|GW\b", "GW"),
)
_P_QUANTITY = re.compile(
    rf"(?<![\w$€£¥₹.,])(?P<num>{_NUM})"
    r"(?:\s?(?P<scale>million|mn|billion|bn|thousand|lakh|crore)\b)?"
    rf"\s?(?P<unit>{'|'.join(u for u, _ in _QUANTITY_UNITS)})(?:\s*\((?:bpd|b/d)\))?",
    re.IGNORECASE)
_PER_UNIT = re.compile(r"\s*(?:(?:discount|premium|rebate)\s+)?(?:a|per|/)\s*"
                       r"(?P<per>barrel|bbl|tonne|ton|kg|kilogram|litre|mmbtu|unit)\b",
                       re.IGNORECASE)
_RANK_NOUNS = (r"(?:trading\s+partner|trade\s+partner|partner|supplier|source|import\s+source|"
               r"export\s+destination|destination|buyer|importer|exporter|consumer|producer|"
               r"market|economy|investor)")
_TOP_N = r"two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|\d{1,2}"
_P_RANK = re.compile(
    rf"\btop[\s-](?P<topn>{_TOP_N})\b(?=(?:\s+(?:of|the|[A-Z][\w'’]*|[a-z]+est))*\s+"
    rf"(?:[a-z]+\s+)?{_RANK_NOUNS}s\b)"
    rf"|\b(?P<ord>{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))}|\d+(?:st|nd|rd|th))"
    r"[\s-](?P<sup>largest|biggest|top|most\s+important|highest|leading)\b"
    rf"|\b(?P<sup1>largest|biggest|top|leading|fastest[\s-]growing)\s+(?:[A-Za-z]+\s+){{0,2}}?"
    rf"{_RANK_NOUNS}s?\b"
    r"|\b(?:comes?|came|ranked|ranks|stood|is|was)\s+(?P<ord2>\d+(?:st|nd|rd|th)|second|third|"
    r"fourth|fifth)\b"
    r"|\b(?P<ord3>\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"\s+(?:spot|position|place)\b"
    r"|\b(?:a\s+)?close\s+(?P<ord4>second|third)\b"
    rf"|\b(?:No\.\s?|number\s+)(?P<no>[1-9]|one|two|three)\b(?=\s+(?:[a-z]+\s+)?{_RANK_NOUNS})",
    re.IGNORECASE)
_QUALIFIERS = (
    ("over", r"(?:over|more\s+than|above|exceed(?:ing|ed|s)?|upwards\s+of|in\s+excess\s+of|"
             r"at\s+least|cross(?:ed|es|ing)?|surpass(?:ed|es)?|top(?:ped|s)?)\s*$"),
    # ", up to $86.51 billion" after a rise is where it rose to, not an upper bound
    ("under", r"(?:under|less\s+than|below|at\s+most|(?<!,\s)up\s+to)\s*$"),
    ("about", r"(?:about|around|roughly|nearly|almost|close\s+to|approximately|some|"
              r"an\s+estimated|estimated|touching|touched)\s*$"),
)
#: "two countries", "the two leaders": a reference to the parties, not a figure.
_PARTIES = re.compile(r"(?:countries|nations|leaders|sides|neighbours|neighbors|ministers|"
                      r"advisers|advisors|governments|economies|powers|states|delegations|"
                      r"partners)$",
                      re.IGNORECASE)


_P_TALLY = re.compile(r"(?<![\w.,-])(?P<y>\d{2,3})\s?[-–]\s?(?P<n>\d{1,3})\s?[-–]\s?"
                      r"(?P<a>\d{1,3})(?![\w.,]|[-–]\d)")


_P_TALLY2 = re.compile(r"(?<![\w.,-])(?P<y>\d{2,3})\s?[-–]\s?(?P<n>\d{1,3})(?![\w.,%]|\s?[-–]\s?\d)"
                       r"(?=\s+(?:vote|votes|margin|in\s+favou?r)\b)", re.IGNORECASE)


#: "The vote was 93-24 with 58 abstentions", "passed 141-5": a yes-no tally after the words
#: that announce one.
_P_TALLY_SAID = re.compile(r"\b(?:vote\s+(?:was|of|stood\s+at)|passed|adopted(?:\s+by)?|"
                           r"approved(?:\s+by)?|tally\s+(?:was|of)|by\s+a\s+vote\s+of)\s+"
                           r"(?P<y>\d{2,3})\s?[-–]\s?(?P<n>\d{1,3})\b(?![.,]\d|%|\s?[-–]\s?\d)",
                           re.IGNORECASE)


def _tally_claims(s: str) -> list[Match]:
    """A vote tally written yes-no-abstain ("141-5-35"): one count claim, value the yes votes,
    unit ``tally``. Written yes-no ("the 141-7 vote"): two counts, the votes for and against."""
    if not re.search(r"vot|resolution|adopted|Assembly|Council", s, re.IGNORECASE):
        return []
    found = [Match("count", m.start(), m.end(), int(m["y"]), "tally")
             for m in _P_TALLY.finditer(s)]
    for m in [*_P_TALLY2.finditer(s), *_P_TALLY_SAID.finditer(s)]:
        found.append(Match("count", m.start("y"), m.end("y"), int(m["y"]), "count"))
        found.append(Match("count", m.start("n"), m.end("n"), int(m["n"]), "count"))
    return found


def _fraction_claims(s: str) -> list[Match]:
    found = []
    for m in _P_FRACTION.finditer(s):
        if m["half"] or m["half2"]:
            g = "half" if m["half"] else "half2"
            found.append(Match("fraction", m.start(g), m.end(g), 0.5, "share"))
            continue
        if m["n"]:  # "a 2/3 majority", "1/4 of the total"
            found.append(Match("fraction", m.start(), m.end(), int(m["n"]) / int(m["d"]),
                                "share"))
            continue
        den = m["den"].lower().rstrip("s")
        num = _number(m["num"])
        if den == "half" and num != 1:
            continue
        found.append(Match("fraction", m.start(), m.end(), num * _FRACTIONS[den], "share"))
    return found


def _multiplier_claims(s: str) -> list[Match]:
    found = []
    for m in _P_MULTIPLIER.finditer(s):
        value = _number(m["num"]) if m["num"] else _MULTIPLIERS[m["word"].lower()]
        if m["word"] and m["word"].lower() in ("double", "triple") and not re.search(
                r"(?:almost|nearly|more\s+than|over|about|is|was|are|were|now|become|became)"
                r"\s+$", s[:m.start()], re.IGNORECASE):
            if not re.match(r"\s+(?:to|in|from|over|since)\b", s[m.end():]):
                continue  # "double taxation" is not a multiplier
        found.append(Match("multiplier", m.start(), m.end(), value, "times"))
    return found


def _quantity_claims(s: str) -> list[Match]:
    found = []
    for m in _P_QUANTITY.finditer(s):
        unit_text = m["unit"]
        unit = next(u for pat, u in _QUANTITY_UNITS if re.fullmatch(pat, unit_text, re.I))
        scale = _scale_word(m["scale"]) if m["scale"] else None
        found.append(Match("quantity", m.start(), m.end(), _number(m["num"]), unit, scale=scale))
    return found


_SET_OF = re.compile(r"(?:\b(?:of|among)\s+(?:the\s+)?|[\w.]+['’]s\s+)$", re.IGNORECASE)


def _rank_claims(s: str) -> list[Match]:
    found = []
    for m in _P_RANK.finditer(s):
        if m["topn"]:  # "among the top five partners": a rank of at most five
            found.append(Match("rank", m.start(), m.end(), _number(m["topn"]), "rank"))
            continue
        if m["sup1"] and m.group().lower().endswith("s") and _SET_OF.search(s[:m.start()]):
            continue  # "one of the largest partners", "India's top partners": a set, no rank
        if m["no"]:  # "No.1 supplier", "number one partner"
            found.append(Match("rank", m.start(), m.end(), _number(m["no"]), "rank"))
            continue
        word = (m["ord"] or m["ord2"] or m["ord3"] or m["ord4"] or "").lower()
        value = (_ORDINAL_WORDS.get(word) or int(re.match(r"\d+", word).group())) if word else 1
        start = m.start("ord2") if m["ord2"] else m.start()
        found.append(Match("rank", start, m.end(), value, "rank"))
    return found


def _per_unit(s: str, taken: list[Match]) -> None:
    """Money followed by "a barrel" / "per tonne" becomes a price per unit (USD/barrel)."""
    for m in taken:
        if m.kind == "money":
            per = _PER_UNIT.match(s, m.end)
            if per:
                per_unit = per["per"].lower()
                per_unit = {"ton": "tonne", "bbl": "barrel"}.get(per_unit, per_unit)
                m.unit = f"{m.unit}/{per_unit}"
                m.end = per.end()


def _qualify(s: str, taken: list[Match]) -> None:
    for m in taken:
        if m.kind in ("money", "percent", "quantity", "count", "fraction", "multiplier"):
            before = s[max(0, m.start - 30):m.start]
            for name, pattern in _QUALIFIERS:
                if re.search(r"\b" + pattern, before, re.IGNORECASE):
                    m.qualifier = name
                    break


# Extractors in priority order: where matches overlap, the earlier extractor wins
# ("financial year ended March 2024" is a fiscal year, not a date; "$65.7 billion" money, not a
# count). Within one extractor the longer match wins.
_EXTRACTORS = (_fiscal_claims, _money_claims, _percent_claims, _tally_claims, _quantity_claims,
               _fraction_claims, _multiplier_claims, _rank_claims, _date_claims,
               _duration_claims, _year_claims, _ordinal_claims, _count_claims)


#: Words of trade value before a bare "15.6 billion": an amount of money, not a count.
_MONEY_WORDS = re.compile(r"\b(?:deficit|surplus|exports?|imports?|trade|bill|worth|valued|"
                          r"shipments|turnover)\b[^.;]*$", re.IGNORECASE)
#: "… as against ninth", "up from 25th": an ordinal compared with a rank before it is a rank.
_RANK_COMPARED = re.compile(r"\b(?:as\s+against|against|from|compared\s+(?:with|to)|than|"
                            r"versus|vs\.?)\s+(?:the\s+)?$", re.IGNORECASE)


def _sentence_claims(sentence: str, published: dt.date | None = None,
                     carried: str | None = None, topic: str | None = None,
                     latest: str | None = None) -> list[Match]:
    taken: list[Match] = []
    # Fiscal years in every form, absolute or relative, compete first (the longer match wins:
    # "Q1 FY24" over "FY24"), then the other extractors in their order.
    groups = [lambda s: _fiscal_claims(s) + relative_periods(s, published), *_EXTRACTORS[1:]]
    for extract in groups:
        found = extract(sentence)
        if extract is groups[0]:
            found = sorted(found, key=lambda m: (-(m.end - m.start), m.start))
        else:
            found = sorted(found, key=lambda m: (m.start, -(m.end - m.start)))
        for m in found:
            if all(m.end <= t.start or m.start >= t.end for t in taken):
                taken.append(m)
    taken = [m for m in taken if not _is_reference(sentence, m)]
    taken.sort(key=lambda m: m.start)
    for m in taken:  # "imports … stood at 677.24 billion", "the trade deficit to 15.6 billion"
        if m.kind == "count" and m.scale in ("million", "billion", "trillion", "crore",
                                             "lakh crore") and sentence[m.end - len(m.scale):
                                                                        m.end] == m.scale:
            money = [t for t in taken if t.kind == "money"]
            if money or _MONEY_WORDS.search(sentence[max(0, m.start - 45):m.start]):
                m.kind = "money"
                m.unit = min(money, key=lambda t: abs(t.start - m.start)).unit if money else "USD"
    for m in taken:  # "the fifth largest destination in 2021-22 as against ninth in 2020-21"
        if m.kind == "ordinal" and _RANK_COMPARED.search(sentence[:m.start]) and any(
                r.kind == "rank" and r.end <= m.start for r in taken):
            m.kind, m.unit = "rank", "rank"
    _per_unit(sentence, taken)
    _qualify(sentence, taken)
    _inherit_scale(taken)  # the scale only: independent of the periods resolved next
    resolve_periods(sentence, taken, published, carried, topic, latest)
    return taken


#: "Article 2 (4) of the Charter", "Section 5": the numbers of a provision, not counts.
_PROVISION = re.compile(r"\b(?:Article|Art\.|Section|Chapter|Clause|Paragraph|Rule)\s+"
                        r"(?:\d+[A-Za-z]?\s*)?\(?$")


def _is_reference(sentence: str, m: Match) -> bool:
    """"two countries", "the two foreign ministers", "the two Asian neighbours": a count that
    names the parties, not a figure; "Article 2 (4)": the number of a provision."""
    if m.kind == "count" and _PROVISION.search(sentence[max(0, m.start - 30):m.start]):
        return True
    if m.kind != "count" or m.value != 2:
        return False
    words = re.match(r"[\w-]+(?:\s+[\w-]+){0,3}", sentence[m.start:]).group()
    return any(_PARTIES.search(" ".join(words.split()[:i + 1]))
               for i in range(1, len(words.split())))


def _inherit_scale(taken: list[Match]) -> None:
    """"$9.6 billion from $7.7 a year ago": a bare figure beside a scaled one in the same
    currency takes its scale when they are of the same order."""
    money = [m for m in taken if m.kind == "money"]
    for m in money:
        if m.scale is None:
            peers = [p for p in money if p.scale and p.unit == m.unit
                     and 0.1 <= m.value / p.value <= 10]
            if peers:
                m.scale = min(peers, key=lambda p: abs(p.start - m.start)).scale


#: A list item ("* Mineral fuels $6.7 billion") and a heading: a short line without a full
#: stop ("Top US exports (2018)", "Imports in FY24:").
_BULLET_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[*•·▪‣–-]|\d{1,2}\.)[ \t]*$")
_HEADING = re.compile(r"[^.!?]{3,80}[:)]?")

_FIGURE_KINDS = ("money", "percent", "count", "quantity", "fraction", "multiplier", "rank")


def extract_claims(text: str, sentence_spans, published: dt.date | None = None
                   ) -> tuple[Claim, ...]:
    """Every quantitative claim in the given sentences of ``text``, in reading order.

    ``published`` (the article's publication date) resolves relative periods ("last fiscal",
    "this year", "the April–July period"); without it they keep no period. A figure in a
    sentence that states no period takes the main period of the sentence before.
    """
    claims = []
    carried: str | None = None
    topic: str | None = None
    latest: str | None = None
    pair: tuple | None = None
    previous: list = []  # the sentence before's matches
    heading: str | None = None  # the period of a heading over a list ("Top exports (2018)")
    last_end = 0
    for index, (s0, s1) in enumerate(sentence_spans):
        sentence = text[s0:s1]
        if "\n" in text[last_end:s0]:
            # a period carries within a paragraph only, unless the paragraph goes on from the
            # one before ("Imports from the neighbouring country rose …"): the last one stated;
            # the items of a list take the period of the heading above them
            bullet = bool(_BULLET_BEFORE.search(text[max(0, s0 - 8):s0]))
            heading = heading if bullet else None
            carried = heading if bullet and heading else (
                topic if continues(sentence) else None)
        last_end = s1
        matches = _sentence_claims(sentence, published, carried, topic, latest)
        own = main_period(matches, sentence)
        if pair and index - pair[2] <= 2:
            apply_pair(sentence, matches, pair)
        pair = from_to_pair(sentence, matches, index) or pair
        take_then(matches, then_period(sentence, previous))
        used_carried = carry_periods(sentence, matches, published, carried, latest)
        previous = matches
        for m in matches:
            claims.append(Claim(
                kind=m.kind, value=float(m.value), unit=m.unit, scale=m.scale, period=m.period,
                text=sentence[m.start:m.end], sentence=sentence,
                span=(s0 + m.start, s0 + m.end), high=m.high, sentence_index=index,
                qualifier=m.qualifier, period_from=m.period_from,
                period_in_force=topic if m.period is None and m.kind in _FIGURE_KINDS else None,
            ))
        carried = own or (carried if used_carried else None)
        if own and _HEADING.fullmatch(sentence.strip()) and not any(
                m.kind in _FIGURE_KINDS for m in matches):
            heading = own
        if any(m.kind in _FIGURE_KINDS for m in matches):
            topic = own or topic  # deadlines in a sentence without figures ("till March 31")
        latest = latest_period(latest, matches)
    return months_implied(claims, text)
