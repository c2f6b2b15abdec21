"""``ties check``: every claim of an article that the data could speak to, with a verdict.

Combines the two domains: trade figures (:func:`analysis.trade.claims.check_claim`: bilateral
fiscal-year series, partial periods, product highlights, partner rank and share) and diplomacy
(:func:`analysis.diplomacy.claims.check_votes`: a country's vote on a named resolution, vote
tallies; :func:`analysis.diplomacy.claims.check_claims`: the stance on Ukraine and shared
groupings, as of the article's publication date). Sits above trade/ and diplomacy/ and below
the pipeline.

Verdicts: ``confirmed``, ``differs`` (with the likely reason), ``cannot check`` (why) and
``not checkable`` (a target, a forecast): machine-readable, kept in ``verdict``. Each record
(:data:`analysis.trade.evidence.RECORD_COLUMNS`): text, claimed, unit, scale, period, measure,
partner, computed, band (half-width of the computed value from the precision of its inputs),
computed_text ("33.0 % (±1.7)"), evidence (official table / ministry figure as reported / news /
derived), status (provisional / final / revised by the rule of analysis.trade.evidence),
verdict, verdict_text (the words a reader sees: "confirmed by official data", "consistent with
figures as reported", "differs", "cannot check", "not checkable"), reason, source, sentence.
"""

from __future__ import annotations

import pandas as pd

from analysis.trade.claims import check_claim
from analysis.trade.evidence import RECORD_COLUMNS, VERDICTS, describe

_FROM_DIPLOMACY = {"supported": "confirmed", "contradicted": "differs"}


def check_article(article, reporter: str = "IND") -> pd.DataFrame:
    """One row per checkable claim of ``article`` (an analysis.article.Article), in reading
    order for the figures, then the votes, then the stance and groupings. Columns
    :data:`analysis.trade.evidence.RECORD_COLUMNS`."""
    from analysis.diplomacy.claims import check_claims as diplomacy_claims
    from analysis.diplomacy.claims import check_votes

    rows = []
    for claim in article.claims:
        row = check_claim(claim, reporter)
        if row is not None:
            rows.append(row)
    rows.extend(describe(r) for r in check_votes(article))
    published = getattr(article, "published", None)
    partner = _diplomacy_partner(article, reporter)
    if partner:
        as_of = published.isoformat() if published else "2024-07-08"
        lists = _lists_groupings(article)
        for r in diplomacy_claims(article, reporter, partner, as_of=as_of).itertuples():
            measure = ("stance" if "ES-11" in r.evidence else "arms" if "SIPRI" in r.evidence
                       else "relations" if "border clash" in r.reason else "membership")
            if measure == "membership" and not lists:
                continue  # naming the UN once is not a claim that two countries share it
            rows.append(describe({
                "text": r.claim, "claimed": None, "unit": None, "scale": None,
                "period": as_of, "measure": measure, "partner": partner, "computed": None,
                "evidence": _DIPLOMACY_EVIDENCE[measure],
                "verdict": _FROM_DIPLOMACY.get(r.verdict, r.verdict),
                "reason": f"{r.reason}. {r.evidence}".strip(" ."), "source": "data/diplomacy",
                "sentence": r.claim}))
    return pd.DataFrame(rows, columns=RECORD_COLUMNS)


#: What each kind of diplomacy statement rests on: the Ukraine votes partly on news reports
#: of the roll calls (data/diplomacy/ukraine_votes), the arms figures on news summaries of
#: SIPRI, memberships on official lists and news of accessions.
_DIPLOMACY_EVIDENCE = {"stance": "derived", "arms": "news", "relations": "",
                       "membership": "derived"}
_UN_FAMILY = {"UN", "UNGA", "UNSC", "UNHRC"}


def _grouping_lists(article):
    """The sentences that list two or more groupings beyond the UN's own organs."""
    spans = [(s, e.code) for e in getattr(article, "entities", ()) if e.kind == "grouping"
             and e.code not in _UN_FAMILY for s, _ in e.spans]
    for sentence, (a, b) in zip(getattr(article, "sentences", ()),
                                getattr(article, "sentence_spans", ())):
        if len({code for s, code in spans if a <= s < b}) >= 2:
            yield sentence


def _lists_groupings(article) -> bool:
    return any(True for _ in _grouping_lists(article))


def _diplomacy_partner(article, reporter: str) -> str | None:
    """The counterpart of the stance and grouping checks: the country other than the reporter
    named most in the sentences that list groupings ("meeting Moscow in BRICS and the SCO"),
    else the article's main partner."""
    from collections import Counter

    from analysis.article.measures import countries_in, main_partner

    counts: Counter = Counter()
    for sentence in _grouping_lists(article):
        counts.update(c for _, _, c in countries_in(sentence) if c != reporter)
    if counts:
        return counts.most_common(1)[0][0]
    return main_partner(getattr(article, "entities", ()), getattr(article, "title", ""),
                        reporter)


def verdict_counts(checked: pd.DataFrame) -> dict[str, int]:
    """How many records of each verdict, in the order of :data:`VERDICTS`."""
    counts = checked["verdict"].value_counts() if len(checked) else {}
    return {v: int(counts.get(v, 0)) for v in VERDICTS}


def summary_markdown(checked: pd.DataFrame, article) -> str:
    """One Markdown paragraph: how many claims were checked and with what result, in the words
    of the verdicts ("**2** consistent with figures as reported")."""
    from analysis.display import escape

    if not len(checked):
        return (f"None of the figures of *{escape(article.title)}* is about trade or UN votes "
                "that the data cover.")
    words = checked["verdict_text"].where(checked["verdict_text"].astype(bool),
                                          checked["verdict"]).value_counts()
    order = ["confirmed by official data", "consistent with figures as reported", "differs",
             "cannot check", "not checkable"]
    parts = ", ".join(f"**{words[w]}** {w}" for w in order + sorted(set(words) - set(order))
                      if words.get(w))
    return (f"{len(checked)} claims of *{escape(article.title)}* were put to the data: "
            f"{parts}.")


def for_domain(checked: pd.DataFrame, domain: str) -> pd.DataFrame:
    """The records of one domain: ``"trade"`` (figures about trade) or ``"diplomacy"`` (votes,
    tallies, stance, groupings)."""
    from analysis.trade.claims import TRADE_MEASURES

    is_trade = checked["measure"].isin(TRADE_MEASURES)
    return checked[is_trade if domain == "trade" else ~is_trade].reset_index(drop=True)


#: The columns a report shows (the rest stay in ``ties check --json``).
SHOWN_COLUMNS = ["text", "period", "measure", "computed_text", "evidence", "verdict_text",
                 "reason"]
#: Their headings on the page ("text" and "reason" keep theirs: reports style them by name).
SHOWN_HEADINGS = {"computed_text": "data (± band)", "verdict_text": "verdict"}


def shown(checked: pd.DataFrame) -> pd.DataFrame:
    """The columns a report shows (:data:`SHOWN_COLUMNS`) under their headings: the data's
    value with its band, the kind of evidence, the verdict in words and the reason."""
    return checked[SHOWN_COLUMNS].rename(columns=SHOWN_HEADINGS)


def sources_line(checked: pd.DataFrame) -> str:
    """Short source line (Markdown, escaped) for the sources behind the checks, numbered in the
    report's bibliography, or "" when no check used data. Internal ids never reach the page."""
    from analysis.bibliography import current
    from analysis.datafiles import list_tables
    from analysis.datasets import load_meta
    from analysis.display import escape

    ids = {i for s in checked["source"].dropna() for i in str(s).split("+") if i}
    tables = [t for t in list_tables() if ids & {s["id"] for s in load_meta(t).sources}]
    return escape(current().cite(*tables, used_ids=ids)) if tables else ""
