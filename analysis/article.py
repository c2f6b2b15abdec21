"""The source article as data: title, byline, paragraphs, bullets, sentences, claims, entities.

(Interface fixed; extraction is being implemented.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Claim:
    """One quantitative statement found in the article.

    ``value`` is the number as written (65.7 for "$65.7 billion"; 3 for "third"; 2022 for
    "February 2022"); ``scale`` the word multiplying it ("billion", "million", "thousand" or None);
    ``magnitude`` = value × scale. ``period`` is the normalised period the statement refers to
    where the text states one: ``FY2023-24``, ``2022-02`` (a month), ``2020`` (a year), else None.
    ``span`` is the (start, end) character offset of ``text`` in ``Article.text``.
    """

    kind: str  # money | percent | fiscal_year | date | year | ordinal | duration | count
    value: float
    unit: str  # USD | percent | year | date | ordinal | years | count | …
    scale: str | None
    period: str | None
    text: str
    sentence: str
    span: tuple[int, int]

    @property
    def magnitude(self) -> float:
        return self.value * {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}.get(
            self.scale or "", 1.0
        )


@dataclass(frozen=True)
class Entity:
    """A named country, person, grouping or event, with every place it appears."""

    name: str  # canonical display name ("Russia", "Shanghai Cooperation Organization")
    kind: str  # country | person | grouping | event
    code: str | None  # ISO alpha-3 for countries; a short code for groupings (SCO, G20 …)
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Article:
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


def load_article(path: str | Path | None = None) -> Article:
    """Read an article (default: the seed in seeds/) and extract its claims and entities."""
    raise NotImplementedError
