"""The source article as data: title, byline, paragraphs, bullets, sentences, claims, entities.

An article is a UTF-8 text file laid out the way the seed is::

    Title line

    Author Name            (byline: one or more short lines; repeated lines count once)

    Body paragraph …       (blocks separated by blank lines)

    Key Points             (a short heading line …)

      • Label: text …      (… followed by bullet lines: •, -, *, – or "1.")

``load_article`` parses that layout and extracts, by generic patterns (nothing here knows the
seed's wording):

* **claims** — every quantitative statement, typed: ``money`` (``$65.7 billion``, ``€3.4 bn``,
  ``Rs 1,200 crore``, ranges), ``percent`` (``33%``, ``12.5 per cent``), ``fiscal_year``
  (``FY2023-24``, ``FY24``, ``2023-24``, ``fiscal 2024``, ``financial year ended March 2024``),
  ``period`` (``April–December 2023``), ``date`` (``February 2022``, ``9 July 2024``, a month
  alone such as ``June``), ``year`` (``2020``), ``ordinal`` (``third term``, ``22nd summit``),
  ``duration`` (``41 years``, ``two-day``, ``a decade``) and ``count`` (``nine agreements``).
  Money, percent and count claims take the period stated nearest to them in the same clause
  (else the same sentence), so "rose 33% in the financial year ended March 2024, reaching
  $65.7 billion" gives both figures the period ``FY2023-24``.
* **entities** — countries (ISO 3166 alpha-3, see ``_country_names``), people (a title such as
  "Prime Minister" before a capitalised name; later surname-only mentions join that person),
  groupings (the gazetteer ``GROUPINGS``) and events (the patterns in ``_EVENT_PATTERNS``).

Conventions for periods: Indian fiscal years run April–March and are labelled ``FY2023-24``;
a fiscal year named by one year (``FY24``, ``FY2024``, ``fiscal 2024``) is the one *ending* in
March of that year. A twelve-month year ending in another month becomes ``YYYY-MM/YYYY-MM``.
A month without a year ("in June") is a ``date`` claim whose ``value`` is the month number,
unit ``month`` and period None; a day and month without a year likewise has unit ``day``.
A bare ``$`` is taken as US dollars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

from analysis import SEEDS_DIR
from analysis.countries import iso3_from_name
from analysis.countries import name as country_name
from analysis.errors import ArticleError
from analysis.fiscal import fy_label, fy_of_month

#: The seed article read when no path is given.
DEFAULT_ARTICLE = SEEDS_DIR / "000_dc0b2ade85a12fc9.txt"

#: Multipliers of the scale words a claim may carry.
SCALES = {
    "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12,
    "lakh crore": 1e12,
}


@dataclass(frozen=True)
class Claim:
    """One quantitative statement found in the article.

    ``value`` is the number as written (65.7 for "$65.7 billion"; 3 for "third"; 2022 for
    "February 2022"); ``scale`` the word multiplying it ("billion", "million", "thousand",
    "crore", "lakh", "lakh crore" or None); ``magnitude`` = value × scale. ``period`` is the
    normalised period
    the statement refers to where the text states one: ``FY2023-24``, ``2022-02`` (a month),
    ``2024-07-09`` (a day), ``2020`` (a year), ``2023-04/2023-12`` (a span of months), else None.
    ``span`` is the (start, end) character offset of ``text`` in ``Article.text``.
    For a ``fiscal_year`` claim ``value`` is the calendar year in which it starts (2023 for
    ``FY2023-24``); for a ``period`` the first year.
    ``high`` is the upper end of a range ("$4-5 billion": value 4, high 5), else None;
    ``sentence_index`` the position of ``sentence`` in ``Article.sentences``.
    """

    kind: str  # money | percent | fiscal_year | period | date | year | ordinal | duration | count
    value: float
    unit: str  # USD | INR | EUR … | percent | fiscal_year | date | month | years | count …
    scale: str | None
    period: str | None
    text: str
    sentence: str
    span: tuple[int, int]
    high: float | None = None
    sentence_index: int | None = None

    @property
    def magnitude(self) -> float:
        return self.value * SCALES.get(self.scale or "", 1.0)


@dataclass(frozen=True)
class Entity:
    """A named country, person, grouping or event, with every place it appears."""

    name: str  # canonical display name ("Russia", "Shanghai Cooperation Organization")
    kind: str  # country | person | grouping | event
    code: str | None  # ISO alpha-3 for countries; a short code for groupings (SCO, G20 …)
    spans: tuple[tuple[int, int], ...]

    @property
    def mentions(self) -> int:
        return len(self.spans)


@dataclass(frozen=True)
class Article:
    """A parsed article. ``byline`` is the author line(s), repeated lines once ("" if none);
    ``paragraphs`` the prose blocks, each joined into one line (headings and bullets are not
    paragraphs). ``key_points``/``background`` are (label, text) pairs, the label being
    the text before a bullet's first colon ("" when it has none). ``text`` is the whole file as
    read (newlines normalised to ``\\n``, a byte-order mark dropped): spans index into it.
    ``sections`` holds every headed bullet list, including those two, as (heading, bullets)
    pairs. ``sentences`` are the title's, the paragraphs' and the bullets' sentences in reading
    order, each the exact slice ``text[start:end]`` of ``sentence_spans``."""

    path: Path
    title: str
    byline: str
    paragraphs: tuple[str, ...]
    key_points: tuple[tuple[str, str], ...]
    background: tuple[tuple[str, str], ...]
    text: str = field(repr=False)
    sentences: tuple[str, ...] = field(repr=False)
    claims: tuple[Claim, ...] = field(repr=False)
    entities: tuple[Entity, ...] = field(repr=False)
    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = field(default=(), repr=False)
    sentence_spans: tuple[tuple[int, int], ...] = field(default=(), repr=False)

    def entities_of(self, kind: str) -> tuple[Entity, ...]:
        """The entities of one kind (country, person, grouping, event), in order of appearance."""
        return tuple(e for e in self.entities if e.kind == kind)


def load_article(path: str | Path | None = None) -> Article:
    """Read an article (default: the seed in seeds/) and extract its claims and entities.

    Raises ArticleError naming the file when it is missing, empty, not UTF-8 text, or has no
    title line followed by at least one paragraph or bullet.
    """
    path = Path(path) if path is not None else DEFAULT_ARTICLE
    text = _read_text(path)
    layout = _parse_layout(path, text)
    spans = _sentence_spans(text, layout.units)
    sentences = tuple(text[s:e] for s, e in spans)
    return Article(
        path=path,
        title=layout.title,
        byline=layout.byline,
        paragraphs=layout.paragraphs,
        key_points=layout.section(_KEY_POINTS),
        background=layout.section(_BACKGROUND),
        text=text,
        sentences=sentences,
        claims=extract_claims(text, spans),
        entities=extract_entities(text),
        sections=layout.sections,
        sentence_spans=spans,
    )


def claims_table(article: Article) -> pd.DataFrame:
    """One row per claim: kind, text, value, unit, scale, period, start, end, sentence.

    ``start``/``end`` are character offsets into ``article.text``; ``sentence`` is the claim's
    sentence number, an index into ``article.sentences``.
    """
    columns = ["kind", "text", "value", "unit", "scale", "period", "start", "end", "sentence"]
    rows = [
        (c.kind, c.text, c.value, c.unit, c.scale, c.period, c.span[0], c.span[1], c.sentence_index)
        for c in article.claims
    ]
    table = pd.DataFrame(rows, columns=columns)
    return table.astype({"start": "int64", "end": "int64", "sentence": "int64"})


def entities_table(article: Article) -> pd.DataFrame:
    """One row per entity: kind, name, code (ISO alpha-3 / grouping code), mentions, first
    (character offset of the first mention in ``article.text``)."""
    rows = [(e.kind, e.name, e.code, e.mentions, e.spans[0][0]) for e in article.entities]
    return pd.DataFrame(rows, columns=["kind", "name", "code", "mentions", "first"])


def claim_sentences(article: Article) -> pd.DataFrame:
    """The sentences that hold at least one claim: columns sentence (index into
    ``article.sentences``), claims (how many) and text."""
    counts: dict[int, int] = {}
    for c in article.claims:
        counts[c.sentence_index] = counts.get(c.sentence_index, 0) + 1
    rows = [(i, n, article.sentences[i]) for i, n in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["sentence", "claims", "text"])


def _md(text: str) -> str:
    """Text made safe for Jupyter Markdown, where ``$`` would start a formula."""
    return re.sub(r"([\\`*_$<>])", r"\\\1", text)


def header_markdown(article: Article) -> str:
    """Markdown heading with the article's title, byline and size (paragraphs, sentences)."""
    byline = f"by {_md(article.byline)}" if article.byline else "no byline"
    return (f"## {_md(article.title)}\n\n*{byline}* — source file `{article.path.name}`, "
            f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences.")


def bullets_markdown(bullets: tuple[tuple[str, str], ...], empty: str = "(none)") -> str:
    """A Markdown list of (label, text) bullets, label in bold; ``empty`` when there are none."""
    if not bullets:
        return empty
    return "\n".join(f"- **{_md(label)}:** {_md(text)}" if label else f"- {_md(text)}"
                     for label, text in bullets)


def _format_claim(c: Claim) -> str:
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}.get(c.unit, "")
    number = f"{c.value:,g}" + (f"–{c.high:,g}" if c.high is not None else "")
    if c.kind == "money":
        shown = f"{symbol}{number} {c.scale or ''}".strip() + ("" if symbol else f" {c.unit}")
    else:
        shown = number + (" percentage points" if c.unit == "percentage_points" else "%")
    return shown + (f" ({c.period})" if c.period else "")


def claims_summary(article: Article) -> str:
    """One Markdown paragraph: how many claims of each kind, and every money and percentage
    figure with the period it refers to (as normalised: ``FY2023-24`` = April 2023–March 2024)."""
    if not article.claims:
        return "The article states no quantitative claims."
    counts: dict[str, int] = {}
    for c in article.claims:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    kinds = ", ".join(f"{n} {kind.replace('_', ' ')}"
                      for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    parts = [f"The article makes **{len(article.claims)}** quantitative statements ({kinds})."]
    figures = [_md(_format_claim(c)) for c in article.claims if c.kind in ("money", "percent")]
    if figures:
        parts.append("Its money and percentage figures, with the period each refers to: "
                     + "; ".join(f"**{f}**" for f in figures) + ".")
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# Reading and layout


def _read_text(path: Path) -> str:
    if not path.exists():
        raise ArticleError(f"{path}: article file not found")
    if not path.is_file():
        raise ArticleError(f"{path}: not a file (expected a UTF-8 article text file)")
    raw = path.read_bytes()
    if not raw.strip():
        raise ArticleError(f"{path}: article file is empty")
    if b"\x00" in raw:
        raise ArticleError(f"{path}: binary file (NUL bytes); expected UTF-8 article text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{path}: not UTF-8 text (invalid byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


_BULLET = re.compile(r"^\s*(?:[•\-*–·▪●]|\d{1,2}[.)])\s+")
_KEY_POINTS = re.compile(r"key (?:points|takeaways|facts)|highlights|at a glance", re.IGNORECASE)
_BACKGROUND = re.compile(r"background|context", re.IGNORECASE)
_MAX_TITLE = 300
# A byline line: "By" optional, then capitalised words (connectors such as "and", "de" allowed).
_NAME_LINE = re.compile(
    r"^(?:[Bb]y\s+)?[A-Z][\w’'.-]*(?:,?\s+(?:[A-Z][\w’'.-]*|and|de|da|van|von|bin|al|&))*$")


@dataclass(frozen=True)
class _Line:
    text: str  # stripped
    start: int  # offset of the stripped text in the file
    end: int


@dataclass
class _Layout:
    title: str
    byline: str
    paragraphs: tuple[str, ...]
    sections: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    units: list[tuple[int, int]]  # spans of title, paragraphs, bullets: where sentences live

    def section(self, pattern: re.Pattern) -> tuple[tuple[str, str], ...]:
        for heading, bullets in self.sections:
            if pattern.search(heading):
                return bullets
        return ()


def _blocks(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines, each line with its offsets in ``text``."""
    blocks: list[list[_Line]] = [[]]
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            blocks[-1].append(_Line(stripped, start, start + len(stripped)))
        elif blocks[-1]:
            blocks.append([])
        offset += len(raw) + 1
    return [b for b in blocks if b]


def _is_short_line(line: _Line, max_words: int) -> bool:
    return (len(line.text.split()) <= max_words and not _BULLET.match(line.text)
            and not line.text.endswith((".", "!", "?", ":", ";", ",")))


def _parse_layout(path: Path, text: str) -> _Layout:
    blocks = _blocks(text)
    first = blocks[0][0]
    if len(first.text) > _MAX_TITLE:
        raise ArticleError(
            f"{path}: no title line (the first line has {len(first.text)} characters); expected "
            "a title, a blank line, then paragraphs separated by blank lines"
        )
    rest = [blocks[0][1:]] + blocks[1:] if len(blocks[0]) > 1 else blocks[1:]

    byline_lines: list[str] = []
    if rest and all(_is_short_line(line, 8) and _NAME_LINE.match(line.text) for line in rest[0]):
        nxt = rest[1] if len(rest) > 1 else []
        is_heading = len(rest[0]) == 1 and nxt and all(_BULLET.match(x.text) for x in nxt)
        if not is_heading:
            for line in rest.pop(0):
                name = re.sub(r"^by\s+", "", line.text, flags=re.IGNORECASE)
                if name not in byline_lines:
                    byline_lines.append(name)

    paragraphs: list[str] = []
    sections: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    units = [(first.start, first.end)]
    heading = ""
    for block in rest:
        if all(_BULLET.match(line.text) for line in block):
            bullets = []
            for line in block:
                marker = _BULLET.match(line.text).end()
                body = line.text[marker:]
                units.append((line.start + marker, line.end))
                label, sep, rest_text = body.partition(":")
                bullets.append((label.strip(), rest_text.strip()) if sep else ("", body))
            sections.append((heading, tuple(bullets)))
            heading = ""
        elif len(block) == 1 and _is_short_line(block[0], 8):
            heading = block[0].text
        else:
            paragraphs.append(" ".join(line.text for line in block))
            units.append((block[0].start, block[-1].end))
            heading = ""
    if not paragraphs and not sections:
        raise ArticleError(
            f"{path}: no article structure found (a title line but no paragraphs or bullets); "
            "expected a title, a blank line, then paragraphs separated by blank lines"
        )
    return _Layout(first.text, ", ".join(byline_lines), tuple(paragraphs), tuple(sections), units)


# --------------------------------------------------------------------------------------------
# Sentences

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "rs", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen",
    "lt", "col", "prof", "inc", "ltd", "co", "corp", "approx", "est",
}
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9₹$€£¥])")


def _sentence_spans(text: str, units: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sentence spans inside each unit (title, paragraph, bullet), in reading order."""
    spans = []
    for start, end in units:
        s = start
        for m in _SENTENCE_END.finditer(text, start, end):
            word = re.search(r"([\w.]+)[.!?]?$", text[s:m.start() + 1])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            spans.append((s, m.start() + len(m.group().rstrip())))
            s = m.end()
        if s < end:
            spans.append((s, end))
    return tuple(spans)


# --------------------------------------------------------------------------------------------
# Claims

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_MONTH_FULL = "|".join(m.capitalize() for m in _MONTHS)
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
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

_P_FY_ENDED = re.compile(
    rf"\b(?:(?:financial|fiscal)\s+)?year\s+(?:that\s+)?(?:ended|ending|ends|to|through)\s+"
    rf"(?:(?:on\s+)?\d{{1,2}}\s+)?(?P<month>{_MONTH})\s+(?:\d{{1,2}},?\s+)?(?P<year>\d{{4}})\b")
_P_FY_LABEL = re.compile(
    r"\b(?:(?:financial|fiscal)\s+(?:year\s+)?|FY\s?)(?P<a>\d{4})\s?[-–/]\s?(?P<b>\d{4}|\d{2})\b"
    r"|\bFY\s?'?(?P<short>\d{2})(?!\d)|\bFY\s?(?P<long>\d{4})\b(?![-–/]\d)"
    r"|\b(?:financial|fiscal)\s+(?:year\s+)?(?P<ending>\d{4})\b(?![-–/]\d)"
    r"|(?<![\w$€£¥₹.,-])(?P<bare_a>(?:19|20)\d{2})[-–/](?P<bare_b>\d{2})\b(?![-–/]?\d)")
_P_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?{_DASH}(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})\b")
_P_YEAR_RANGE = re.compile(
    r"\b(?:between\s+(?P<a>(?:19|20)\d{2})\s+and"
    r"|from\s+(?P<b>(?:19|20)\d{2})\s+(?:to|until|through))"
    r"\s+(?P<end>(?:19|20)\d{2})\b"
    r"|(?<![\w$€£¥₹.,-])(?P<c>(?:19|20)\d{2})\s?[-–]\s?(?P<end2>(?:19|20)\d{2})\b")
_P_DAY_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{{4}}))?\b")
_P_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<year>\d{{4}})\b")
_P_MONTH = re.compile(
    rf"\b(?P<month>{'|'.join(m.capitalize() for m in _MONTHS if m != 'may')})\b"
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


def _month(text: str) -> int:
    key = text.lower().rstrip(".")[:3]
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(key))


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
    for m in _P_FY_ENDED.finditer(s):
        month, year = _month(m["month"]), int(m["year"])
        if month == 3:
            label = fy_of_month(year, month)
            found.append(_Match("fiscal_year", m.start(), m.end(), year - 1, "fiscal_year",
                                period=label))
        else:  # a twelve-month year ending in another month: not an Indian fiscal year
            start_month = month % 12 + 1
            start_year = year - 1 if month < 12 else year
            period = f"{start_year}-{start_month:02d}/{year}-{month:02d}"
            found.append(_Match("period", m.start(), m.end(), year, "months", period=period))
    for m in _P_FY_LABEL.finditer(s):
        if m["a"] or m["bare_a"]:
            a = int(m["a"] or m["bare_a"])
            b = m["b"] or m["bare_b"]
            if int(b) % 100 != (a + 1) % 100:
                continue  # "2019-21" is not one fiscal year
            start = a
        elif m["short"]:
            start = 2000 + int(m["short"]) - 1
        else:
            start = int(m["long"] or m["ending"]) - 1
        found.append(_Match("fiscal_year", m.start(), m.end(), start, "fiscal_year",
                            period=fy_label(start)))
    return found


def _date_claims(s: str) -> list[_Match]:
    found = []
    for m in _P_MONTH_RANGE.finditer(s):
        m1, m2, y2 = _month(m["m1"]), _month(m["m2"]), int(m["y2"])
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
        month = _month(m["m1"] or m["m2"])
        if not 1 <= day <= 31:
            continue
        if m["year"]:
            found.append(_Match("date", m.start(), m.end(), int(m["year"]), "date",
                                period=f"{m['year']}-{month:02d}-{day:02d}"))
        else:
            found.append(_Match("date", m.start(), m.end(), day, "day"))
    for m in _P_MONTH_YEAR.finditer(s):
        found.append(_Match("date", m.start(), m.end(), int(m["year"]), "date",
                            period=f"{m['year']}-{_month(m['month']):02d}"))
    for m in _P_MONTH.finditer(s):
        key = "month" if m["month"] else "may"
        found.append(_Match("date", m.start(key), m.end(key), _month(m[key]), "month"))
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


# --------------------------------------------------------------------------------------------
# Entities

#: Groupings and institutions: code → (display name, patterns that name it). A match of the
#: longer pattern wins, so "UN Security Council" is UNSC, not UN.
GROUPINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "SCO": ("Shanghai Cooperation Organization",
            (r"Shanghai Cooperation Organi[sz]ation", r"SCO")),
    "G20": ("Group of 20", (r"Group of (?:20|Twenty)", r"G-?20")),
    "G7": ("Group of 7", (r"Group of (?:7|Seven)", r"G-?7")),
    "BRICS": ("BRICS", (r"BRICS\+?",)),
    "UN": ("United Nations", (r"United Nations", r"UN", r"U\.N\.")),
    "UNSC": ("UN Security Council",
             (r"(?:United Nations |UN |U\.N\. )?Security Council", r"UNSC")),
    "UNGA": ("UN General Assembly",
             (r"(?:United Nations |UN |U\.N\. )?General Assembly", r"UNGA")),
    "EAS": ("East Asia Summit", (r"East Asia Summit",)),
    "QUAD": ("Quad", (r"Quad", r"Quadrilateral Security Dialogue")),
    "ASEAN": ("ASEAN", (r"ASEAN", r"Association of Southeast Asian Nations")),
    "NATO": ("NATO", (r"NATO", r"North Atlantic Treaty Organi[sz]ation")),
    "EU": ("European Union", (r"European Union", r"EU")),
    "SAARC": ("SAARC", (r"SAARC",)),
    "BIMSTEC": ("BIMSTEC", (r"BIMSTEC",)),
    "EAEU": ("Eurasian Economic Union", (r"Eurasian Economic Union", r"EAEU")),
    "CSTO": ("Collective Security Treaty Organization",
             (r"Collective Security Treaty Organi[sz]ation", r"CSTO")),
    "OPEC": ("OPEC", (r"OPEC\+?",)),
    "WTO": ("World Trade Organization", (r"World Trade Organi[sz]ation", r"WTO")),
    "IMF": ("International Monetary Fund", (r"International Monetary Fund", r"IMF")),
    "WB": ("World Bank", (r"World Bank",)),
}

# Names in common use that are not pycountry names, and demonyms/adjectives, each mapped to a
# name that analysis.countries resolves. "Kremlin" and "White House" are metonyms for the
# governments seated there; capital cities are not counted as country mentions.
_COUNTRY_ALIASES = ("Britain", "America", "US", "U.S.", "UK", "UAE", "USSR",
                    "Soviet Union", "South Korea", "North Korea", "Turkey", "Vietnam", "Iran",
                    "Syria", "Taiwan", "Russia")
_DEMONYMS = {
    "Indian": "India", "Russian": "Russia", "Ukrainian": "Ukraine", "Chinese": "China",
    "Austrian": "Austria", "American": "United States", "British": "United Kingdom",
    "Pakistani": "Pakistan", "Japanese": "Japan", "German": "Germany", "French": "France",
    "Italian": "Italy", "Spanish": "Spain", "Brazilian": "Brazil", "Iranian": "Iran",
    "Israeli": "Israel", "Turkish": "Turkey", "Saudi": "Saudi Arabia", "Emirati": "UAE",
    "Vietnamese": "Vietnam", "Korean": "South Korea", "Australian": "Australia",
    "Canadian": "Canada", "Mexican": "Mexico", "Afghan": "Afghanistan", "Bangladeshi": "Bangladesh",
    "Nepali": "Nepal", "Sri Lankan": "Sri Lanka", "Indonesian": "Indonesia", "Polish": "Poland",
    "Belarusian": "Belarus", "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan", "Egyptian": "Egypt",
    "Soviet": "Soviet Union", "Kremlin": "Russia", "White House": "United States",
    "South African": "South Africa", "Dutch": "Netherlands", "Swiss": "Switzerland",
    "Swedish": "Sweden", "Norwegian": "Norway", "Finnish": "Finland", "Greek": "Greece",
    "Singaporean": "Singapore", "Malaysian": "Malaysia", "Thai": "Thailand",
    "Philippine": "Philippines", "Filipino": "Philippines", "Argentine": "Argentina",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every country name, alias and demonym this module recognises → ISO alpha-3."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), country_name(c.alpha_3)):
            if n and not re.search(r"[,()]", n):
                names[n] = c.alpha_3
    for n in _COUNTRY_ALIASES:
        names[n] = iso3_from_name(n)
    for n, country in _DEMONYMS.items():
        names[n] = iso3_from_name(country)
    return names


def _alternation(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w.])(?:{_alternation(_country_names())})(?![\w$]|\.\w)")


_TITLES = (
    "Prime Minister", "Deputy Prime Minister", "First Deputy Prime Minister", "President",
    "Vice President", "Foreign Secretary", "Foreign Minister", "External Affairs Minister",
    "Finance Minister", "Defence Minister", "Defense Minister", "Commerce Minister",
    "Trade Minister", "Energy Minister", "Home Minister", "Minister", "Chancellor",
    "Secretary of State", "Secretary-General", "Secretary General", "Ambassador", "Governor",
    "Chief Minister", "Spokesman", "Spokesperson", "Spokeswoman", "National Security Adviser",
    "Premier", "PM", "King", "Queen", "Crown Prince", "Emperor", "Chairman", "Chairwoman",
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr",
)
_NAME_STOP = {"To", "In", "Of", "And", "The", "As", "At", "On", "For", "With", "Will", "Says",
              "Said", "Meet", "Meets", "Visit", "Visits", "Is", "Was", "Has", "Who", "From", "By"}
_NAME_WORD = r"[A-Z][a-z’'\-]+|[A-Z]\.(?:\s?[A-Z]\.)*"
_P_PERSON = re.compile(
    rf"(?i:\b(?:{'|'.join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))}))\s+"
    rf"(?P<name>(?:{_NAME_WORD})(?:\s(?:{_NAME_WORD})){{0,2}})")

#: Event patterns: (regex, canonical name). ``{c}``/``{a}``/``{b}`` in a regex stand for a
#: country name and in the canonical name for its display name; ``{y}`` for a stated year.
_EVENT_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:full-scale\s+)?invasion\s+of\s+(?P<c>{C})", "Invasion of {c}"),
    (r"(?P<c>{C})\s+invasion", "Invasion of {c}"),
    (r"(?P<a>{C})\s?[-–]\s?(?P<b>{C})\s+(?i:conflict|war|crisis)", "{a}–{b} conflict"),
    (r"(?i:war\s+in)\s+(?P<c>{C})", "War in {c}"),
    (r"(?P<c>{C})\s+(?i:war)\b", "War in {c}"),
    (r"Cold War", "Cold War"),
    (r"(?:First|Second) World War|World War (?:I|II|One|Two)\b", "World War"),
    (r"(?:(?P<y>(?:19|20)\d{2})\s+)?(?i:border\s+(?P<w>clash|standoff|skirmish|war|conflict))",
     "{y}border {w}"),
    (r"(?i:\bsanctions\b)", "Sanctions"),
    (r"(?i:\b(?:re-?election|(?:general|parliamentary|presidential)\s+elections?))\b",
     "Election"),
    (r"(?i:(?:covid-19|coronavirus)\s+pandemic|\bpandemic\b)", "COVID-19 pandemic"),
    (r"(?i:(?:global\s+)?financial\s+crisis)", "Financial crisis"),
)


def _collect(found: dict, key, span) -> None:
    spans = found.setdefault(key, [])
    if span not in spans:
        spans.append(span)


def _find_countries(text: str) -> dict:
    names = _country_names()
    found: dict = {}
    for m in _country_pattern().finditer(text):
        _collect(found, ("country", country_name(names[m.group()]), names[m.group()]), m.span())
    return found


def _find_groupings(text: str) -> dict:
    candidates = []
    for code, (display, patterns) in GROUPINGS.items():
        for p in patterns:
            for m in re.finditer(rf"(?<![\w-])(?:{p})(?![\w]|-\w)", text):
                candidates.append((m.start(), -(m.end() - m.start()), m.end(), code, display))
    found: dict = {}
    taken: list[tuple[int, int]] = []
    for start, _, end, code, display in sorted(candidates, key=lambda c: (c[1], c[0])):
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
            _collect(found, ("grouping", display, code), (start, end))
    return found


def _find_people(text: str) -> dict:
    names: list[str] = []
    for m in _P_PERSON.finditer(text):
        words = m["name"].split()
        while words and words[-1].rstrip("’'s") in _NAME_STOP | set(_country_names()):
            words.pop()
        name = " ".join(w for w in words if w not in _NAME_STOP)
        if name and name not in names and name not in GROUPINGS:
            names.append(name)
    # A surname given alone ("Prime Minister Modi") joins a full name ending in it.
    full = [n for n in names if not any(o != n and o.endswith(" " + n) for o in names)]
    found: dict = {}
    for name in full:
        taken: list[tuple[int, int]] = []
        for form in (name, name.split()[-1]):
            for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?!\w)", text):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    taken.append(m.span())
        for span in sorted(taken):
            _collect(found, ("person", name, None), span)
    return found


def _find_events(text: str) -> dict:
    country = _country_pattern().pattern
    names = _country_names()
    found: dict = {}
    taken: list[tuple[int, int]] = []
    for pattern, canonical in _EVENT_PATTERNS:
        regex = pattern.replace("{C}", country)
        for m in re.finditer(regex, text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            groups = {k: country_name(names[v]) for k, v in m.groupdict().items()
                      if v and k in "abc"}
            groups["y"] = f"{m['y']} " if "y" in m.groupdict() and m["y"] else ""
            groups["w"] = m["w"].lower() if "w" in m.groupdict() else ""
            name = canonical.format(**groups)
            taken.append(m.span())
            _collect(found, ("event", name[0].upper() + name[1:], None), m.span())
    return found


_KIND_ORDER = ("country", "person", "grouping", "event")


def extract_entities(text: str) -> tuple[Entity, ...]:
    """Countries, people, groupings and events named in ``text``, each with all its spans.

    Ordered by kind (country, person, grouping, event), then by first appearance.
    """
    found: dict = {}
    for finder in (_find_countries, _find_people, _find_groupings, _find_events):
        found.update(finder(text))
    entities = [Entity(name=n, kind=k, code=c, spans=tuple(sorted(spans)))
                for (k, n, c), spans in found.items()]
    entities.sort(key=lambda e: (_KIND_ORDER.index(e.kind), e.spans[0]))
    return tuple(entities)


__all__ = [
    "DEFAULT_ARTICLE",
    "GROUPINGS",
    "Article",
    "Claim",
    "Entity",
    "bullets_markdown",
    "claim_sentences",
    "claims_summary",
    "claims_table",
    "entities_table",
    "extract_claims",
    "extract_entities",
    "header_markdown",
    "load_article",
]
