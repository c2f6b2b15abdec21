"""The source article as data: title, byline, paragraphs, bullets, sentences, claims, entities.

``load_article`` reads a UTF-8 text file laid out the way the seed is (a title line, an
optional byline, paragraphs, headed bullet lists such as "Key Points") and extracts, by generic
patterns (nothing here knows the seed's wording), every quantitative **claim** and every named
**entity**. The rooms:

* :mod:`~analysis.article.model` — the ``Claim``, ``Entity`` and ``Article`` records;
* :mod:`~analysis.article.text` — finding and reading the file, its layout, its sentences;
* :mod:`~analysis.article.claims` — money, percentages, fiscal years, periods, dates, years,
  ordinals, durations and counts, each with the period it refers to;
* :mod:`~analysis.article.entities` — countries (ISO alpha-3), people, groupings (the shared
  table in :mod:`analysis.groupings`) and events;
* :mod:`~analysis.article.report` — the tables and Markdown the article brief shows.

Conventions for periods: Indian fiscal years run April–March and are labelled ``FY2023-24``
(see :mod:`analysis.fiscal`); a fiscal year named by one year (``FY24``, ``FY2024``,
``fiscal 2024``) is the one *ending* in March of that year. A twelve-month year ending in
another month becomes ``YYYY-MM/YYYY-MM``.
"""

from __future__ import annotations

from pathlib import Path

from analysis import SEEDS_DIR
from analysis.article.claims import extract_claims
from analysis.article.entities import extract_entities
from analysis.article.model import SCALES, Article, Claim, Entity
from analysis.article.report import (
    bullets_markdown,
    claim_sentences,
    claims_summary,
    claims_table,
    entities_table,
    header_markdown,
)
from analysis.article.text import locate, parse_layout, read_text, sentence_spans

#: The seed article read when no path is given.
DEFAULT_ARTICLE = SEEDS_DIR / "000_dc0b2ade85a12fc9.txt"


def load_article(path: str | Path | None = None) -> Article:
    """Read an article (default: the seed in seeds/) and extract its claims and entities.

    Raises ArticleError naming the file when it is missing, empty, not UTF-8 text, or has no
    title line followed by at least one paragraph or bullet.
    """
    path = Path(path) if path is not None else DEFAULT_ARTICLE
    text = read_text(path)
    layout = parse_layout(path, text)
    spans = sentence_spans(text, layout.units)
    return Article(
        path=path,
        title=layout.title,
        byline=layout.byline,
        paragraphs=layout.paragraphs,
        key_points=layout.key_points,
        background=layout.background,
        text=text,
        sentences=tuple(text[s:e] for s, e in spans),
        claims=extract_claims(text, spans),
        entities=extract_entities(text),
        sections=layout.sections,
        sentence_spans=spans,
    )


__all__ = [
    "DEFAULT_ARTICLE",
    "SCALES",
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
    "locate",
]
