"""The source article as data: title, byline, paragraphs, bullets, sentences, claims, entities.

``load_article`` reads a UTF-8 text file laid out the way the seed is (a title line, an
optional byline, paragraphs, headed bullet lists such as "Key Points") and extracts, by generic
patterns (nothing here knows the seed's wording), every quantitative **claim** and every named
**entity**. The rooms:

* :mod:`~analysis.article.model` — the ``Claim``, ``Entity`` and ``Article`` records;
* :mod:`~analysis.article.text` — finding and reading the file, its layout, its sentences;
* :mod:`~analysis.article.periods` — which period each figure is of: the one stated beside it,
  relative periods resolved against the publication date ("last fiscal", "a year ago"), a period
  carried to the next sentence;
* :mod:`~analysis.article.claims` — money, percentages, fiscal years, periods, dates, years,
  ordinals, durations and counts, each with its period from :mod:`~analysis.article.periods`;
* :mod:`~analysis.article.entities` — countries (ISO alpha-3), people, groupings (the shared
  table in :mod:`analysis.groupings`) and events;
* :mod:`~analysis.article.report` — the tables and Markdown the article brief shows.

Conventions for periods: Indian fiscal years run April–March and are labelled ``FY2023-24``
(see :mod:`analysis.fiscal`); a fiscal year named by one year (``FY24``, ``FY2024``,
``fiscal 2024``) is the one *ending* in March of that year. A twelve-month year ending in
another month becomes ``YYYY-MM/YYYY-MM``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from analysis.article.claims import extract_claims
from analysis.article.entities import extract_entities
from analysis.article.measures import describe_claims
from analysis.article.model import SCALES, Article, Claim, Entity
from analysis.article.report import (
    article_record,
    bullets_markdown,
    claim_sentences,
    claims_summary,
    claims_table,
    entities_table,
    header_markdown,
)
from analysis.article.text import (
    locate,
    parse_layout,
    read_meta,
    read_text,
    seed_articles,
    sentence_spans,
)
from analysis.provenance import DEFAULT_ARTICLE  # the seed article read when no path is given


def load_article(path: str | Path | None = None,
                 published: str | dt.date | None = None) -> Article:
    """Read an article (default: the seed in seeds/) and extract its claims and entities.

    The sidecar ``NAME.meta.yml`` beside the file, when there is one, gives the metadata
    (title, author, outlet, url, published, retrieved); ``published`` (``YYYY-MM-DD``) given
    here overrides the sidecar's. The publication date resolves relative periods ("last
    fiscal", "this year") and dates the checks.

    Raises ArticleError naming the file when it is missing, empty, larger than 2 MB, not UTF-8
    text, or has no title line followed by at least one paragraph or bullet, or when its
    sidecar or ``published`` is malformed.
    """
    path = Path(path) if path is not None else DEFAULT_ARTICLE
    text = read_text(path)
    meta = read_meta(path, published)
    layout = parse_layout(path, text)
    spans = sentence_spans(text, layout.units)
    when = meta.get("published")
    when = when if isinstance(when, dt.date) else None
    entities = extract_entities(text, layout.byline)
    claims = describe_claims(text, extract_claims(text, spans, when), entities, layout.title,
                             sentences=tuple(text[a:b] for a, b in spans), published=when)
    return Article(
        path=path,
        title=layout.title,
        byline=layout.byline,
        paragraphs=layout.paragraphs,
        key_points=layout.key_points,
        background=layout.background,
        text=text,
        sentences=tuple(text[s:e] for s, e in spans),
        claims=claims,
        entities=entities,
        sections=layout.sections,
        sentence_spans=spans,
        meta=meta,
    )


__all__ = [
    "DEFAULT_ARTICLE",
    "SCALES",
    "Article",
    "Claim",
    "Entity",
    "article_record",
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
    "seed_articles",
]
