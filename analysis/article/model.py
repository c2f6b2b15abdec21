"""What an article becomes: the Claim, Entity and Article records, and the scale words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

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

    kind: str  # money | percent | fraction | multiplier | quantity | rank | fiscal_year | period
    #            | date | year | ordinal | duration | count
    value: float
    unit: str  # USD | INR | EUR … | percent | fiscal_year | date | month | years | count …
    scale: str | None
    period: str | None
    text: str
    sentence: str
    span: tuple[int, int]
    high: float | None = None
    sentence_index: int | None = None
    #: How the figure is bounded as written: "over", "under", "about" (close to, nearly …) or
    #: None (stated exactly, to its last digit).
    qualifier: str | None = None
    #: Where ``period`` came from: "stated" (in the clause), "sentence" (elsewhere in the
    #: sentence), "carried" (the sentence before), "relative" (resolved against the
    #: publication date), or None when there is no period.
    period_from: str | None = None
    #: For a figure whose sentence and paragraph state no period: the period the article was
    #: last speaking of before it (the title, the lead or an earlier paragraph), else None.
    #: Never the figure's ``period``: the checker may confirm a figure against it, never call
    #: the figure different on its strength.
    period_in_force: str | None = None
    #: What the figure measures (see :mod:`analysis.article.measures`): total_trade, exports,
    #: imports, balance, growth, share, rank, target, price, volume, tariff, savings, votes,
    #: members … or None; ``flow`` total/export/import/balance; ``reporter``/``partner`` ISO
    #: alpha-3 codes; ``product`` such as "crude oil" (or None).
    measure: str | None = None
    flow: str | None = None
    reporter: str | None = None
    partner: str | None = None
    product: str | None = None

    @property
    def magnitude(self) -> float:
        return self.value * SCALES.get(self.scale or "", 1.0)


@dataclass(frozen=True)
class Entity:
    """A named country, person, grouping or event, with every place it appears."""

    name: str  # display name ("Russia", "Shanghai Cooperation Organisation", "Narendra Modi")
    kind: str  # country | person | grouping | event
    code: str | None  # ISO alpha-3 for countries; the grouping code (SCO, G20 …) for groupings
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
    #: The sidecar's facts (title, author, outlet, url, published, retrieved …) as read from
    #: ``NAME.meta.yml`` beside the text, plus any ``published`` given by the caller.
    meta: dict = field(default_factory=dict, repr=False)

    @property
    def published(self) -> dt.date | None:
        """The publication date (sidecar ``published: YYYY-MM-DD``), or None when unknown or
        given to the month only."""
        value = self.meta.get("published")
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            return None

    def entities_of(self, kind: str) -> tuple[Entity, ...]:
        """The entities of one kind (country, person, grouping, event), in order of appearance."""
        return tuple(e for e in self.entities if e.kind == kind)
