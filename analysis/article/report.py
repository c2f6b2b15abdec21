"""What the article brief shows: tables of claims, sentences and entities, and the Markdown
for the header, the bullet lists and the summary of figures.

Every piece of article text that goes into Markdown here passes through
:func:`analysis.display.escape`, so a title or bullet holding ``$``, backticks or HTML shows
as written. The tables are plain DataFrames; the notebook shows them with
:func:`analysis.display.table`, which escapes every cell.
"""

from __future__ import annotations

import pandas as pd

from analysis.article.model import Article, Claim
from analysis.changes import figure
from analysis.display import escape, number

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}


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


CLAIM_FIELDS = ["kind", "text", "value", "unit", "scale", "period", "start", "end", "sentence",
                "high", "qualifier", "period_from", "period_in_force", "measure", "flow", "reporter", "partner",
                "product"]


def article_record(article: Article) -> dict:
    """The article as plain JSON data: ``article`` (metadata: file, title, author, outlet,
    url, published, retrieved, paragraphs, sentences), ``claims`` (one object per claim, the
    fields of :data:`CLAIM_FIELDS`; ``start``/``end`` are character offsets, ``sentence`` the
    sentence number) and ``entities`` (kind, name, code, mentions, spans)."""
    meta = article.meta or {}
    head = {"file": str(article.path), "title": meta.get("title") or article.title,
            "author": meta.get("author") or article.byline or None}
    for key in ("outlet", "url", "published", "retrieved"):
        value = meta.get(key)
        head[key] = value.isoformat() if hasattr(value, "isoformat") else value
    head.update(paragraphs=len(article.paragraphs), sentences=len(article.sentences))
    claims = [{"kind": c.kind, "text": c.text, "value": c.value, "unit": c.unit,
               "scale": c.scale, "period": c.period, "start": c.span[0], "end": c.span[1],
               "sentence": c.sentence_index, "high": c.high, "qualifier": c.qualifier,
               "period_from": c.period_from, "period_in_force": c.period_in_force,
               "measure": c.measure, "flow": c.flow,
               "reporter": c.reporter, "partner": c.partner, "product": c.product}
              for c in article.claims]
    entities = [{"kind": e.kind, "name": e.name, "code": e.code, "mentions": e.mentions,
                 "spans": [list(s) for s in e.spans]} for e in article.entities]
    return {"article": head, "claims": claims, "entities": entities}


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


def header_markdown(article: Article) -> str:
    """Markdown heading with the article's title, byline, outlet and publication date (from
    its sidecar, when known), file name and size (paragraphs, sentences)."""
    byline = f"by {escape(article.byline)}" if article.byline else "no byline"
    meta = article.meta or {}
    where = "".join(f", {escape(str(v))}" for v in (meta.get("outlet"),) if v)
    when = meta.get("published")
    when = f", published {escape(when.isoformat() if hasattr(when, 'isoformat') else str(when))}" \
        if when else ""
    return (f"## {escape(article.title)}\n\n*{byline}*{where}{when} — source file "
            f"{escape(article.path.name)}, {len(article.paragraphs)} paragraphs, "
            f"{len(article.sentences)} sentences.")


def bullets_markdown(bullets: tuple[tuple[str, str], ...], empty: str = "(none)") -> str:
    """A Markdown list of (label, text) bullets, label in bold; ``empty`` when there are none."""
    if not bullets:
        return empty
    return "\n".join(f"- **{escape(label)}:** {escape(text)}" if label else f"- {escape(text)}"
                     for label, text in bullets)


def _format_claim(c: Claim) -> str:
    symbol = _SYMBOLS.get(c.unit, "")
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
    figures = [escape(_format_claim(c)) for c in article.claims if c.kind in ("money", "percent")]
    if figures:
        parts.append("Its money and percentage figures, with the period each refers to: "
                     + "; ".join(f"**{f}**" for f in figures) + ".")
    return " ".join(parts)


def key_figures(article: Article) -> list[dict]:
    """The brief's key figures (``analysis.changes.figure`` dicts), for "what changed since the
    last report": how many quantitative statements the article makes, how many of each kind,
    its money and percentage figures as written (with their periods), and how many countries,
    people, groupings and events it names. (The brief does not judge the figures, so no
    verdicts: those are in the trade and diplomacy reports' key figures.)"""
    counts: dict[str, int] = {}
    for c in article.claims:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    out = [figure("statements", "quantitative statements", len(article.claims), "count",
                  number(len(article.claims)))]
    out += [figure(f"statements:{kind}", f"{kind.replace('_', ' ')} statements", n, "count",
                   number(n)) for kind, n in sorted(counts.items())]
    shown = "; ".join(_format_claim(c) for c in article.claims if c.kind in ("money", "percent"))
    if shown:
        out.append(figure("money_percent", "money and percentage figures", shown, "text", shown))
    named = {"country": "countries named", "person": "people named",
             "grouping": "groupings named", "event": "events named"}
    for kind, label in named.items():
        n = sum(e.kind == kind for e in article.entities)
        out.append(figure(f"entities:{kind}", label, n, "count", number(n)))
    return out
