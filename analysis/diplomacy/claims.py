"""What an article says that the diplomacy data can test, one verdict per claim."""

from __future__ import annotations

import re

import pandas as pd

from analysis import groupings
from analysis.countries import in_text, name
from analysis.diplomacy.memberships import as_date, member_since, membership
from analysis.diplomacy.votes import VOTES, table, ukraine_votes

COLUMNS = ["claim", "evidence", "verdict", "reason"]


def _sentences(article) -> list[str]:
    sents = list(getattr(article, "sentences", ()) or ())
    if not sents:
        sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", article.text) if s.strip()]
    return sents


def _find(sents: list[str], pattern: str) -> str | None:
    for s in sents:
        if re.search(pattern, s, flags=re.IGNORECASE):
            return s.strip().lstrip("•*-– ").strip()
    return None


def article_groupings(article) -> list[str]:
    """Codes of the groupings the article names whose membership the data record, in the
    article's order: from its grouping entities (shared codes, or their names read with
    ``groupings.find``), else from its text."""
    known = groupings.with_membership_data()
    found: list[str] = []

    def add(codes):
        for code in codes:
            if code in known and code not in found:
                found.append(code)

    for e in getattr(article, "entities", ()) or ():
        if getattr(e, "kind", None) != "grouping":
            continue
        code = (e.code or "").upper()
        add([code] if code in groupings.GROUPINGS else [c for _, _, c in groupings.find(e.name)])
    if not found:  # no grouping entities: read the text itself
        add(c for _, _, c in groupings.find(article.text))
    return found


def check_claims(article, country: str = "IND", partner: str = "RUS",
                 as_of: str = "2024-07-08") -> pd.DataFrame:
    """Test what the article says that the data can test; one row per claim.

    Columns: claim (the article's sentence, or a paraphrase), evidence (numbers from data/),
    verdict (``supported`` / ``contradicted`` / ``cannot check``), reason. ``as_of`` is the
    date the article speaks of (default: the day of the Moscow visit, 8 July 2024).
    Checked: the "neutral stance" on Ukraine against ``country``'s votes on the ES-11
    resolutions since the February 2022 invasion; each grouping named as shared by ``country``
    and ``partner``; reliance on Russian arms (SIPRI shares); strained ties with China
    (not testable with votes that end in 2019).
    """
    c, p = str(country).upper(), str(partner).upper()
    when = as_date(as_of)
    sents = _sentences(article)
    rows = []
    s = _find(sents, r"\bneutral")
    if s:
        rows.append({"claim": s, **_neutral_stance(c, p, when)})
    for code in article_groupings(article):
        rows.append(_shared_grouping(c, p, code, when))
    s = _find(sents, r"military equipment|\barms\b|weapons")
    if s:
        rows.append({"claim": s, **_arms_reliance(c, p)})
    s = _find(sents, r"strained relations with China|relations with China")
    if s:
        rows.append({"claim": s, "evidence": "", "verdict": "cannot check",
                     "reason": "the roll-call panel ends in January 2020, before the 2020 "
                               "border clash; UN votes do not measure bilateral tension"})
    return pd.DataFrame(rows, columns=COLUMNS)


def _neutral_stance(c: str, p: str, when: pd.Timestamp) -> dict:
    t = ukraine_votes(c, [p])
    es = t[t["resolution"].str.contains("ES-11") & (t["date"] >= "2022-02-24")]
    before, after = es[es["date"] <= when], es[es["date"] > when]
    known = before[before[c].isin(VOTES)]
    n_abs = int((known[c] == "abstain").sum())
    ev = (f"{name(c)} abstained on {n_abs} of the {len(known)} ES-11 resolutions with a "
          f"known vote between February 2022 and {when:%B %Y} "
          f"({', '.join(known['resolution'].str.replace('A/RES/', '', regex=False))}); "
          f"{in_text(p)} voted no on {int((known[p] == 'no').sum())} of them.")
    if len(after):
        later = after[after[c].isin(VOTES)]
        ev += (" Later: " + "; ".join(f"{r.resolution.replace('A/RES/', '')} "
                                       f"({r.date:%b %Y}) {r[c]}"
                                       for _, r in later.iterrows()) + ".")
    if not len(known):
        verdict, reason = "cannot check", "no known vote on the ES-11 resolutions"
    elif n_abs == len(known):
        verdict = "supported"
        reason = ("abstaining on every resolution condemning the invasion is neither criticism "
                  "(yes) nor support (no) of Russia")
    else:
        verdict, reason = "contradicted", "it voted yes or no on at least one ES-11 resolution"
    return {"evidence": ev, "verdict": verdict, "reason": reason}


def _shared_grouping(c: str, p: str, code: str, when: pd.Timestamp) -> dict:
    label = groupings.name(code)
    ma, mb = membership(c, code, when), membership(p, code, when)

    def status(iso, m):
        return (f"member since {member_since(iso, code)}" if m else
                "not a member" if m is False else "membership not established")

    ev = f"{name(c)}: {status(c, ma)}; {name(p)}: {status(p, mb)} (as of {when:%-d %B %Y})."
    if ma and mb:
        verdict, reason = "supported", f"both are members of the {label}"
    elif ma is False or mb is False:
        verdict, reason = "contradicted", f"not both are members of the {label}"
    else:
        verdict, reason = "cannot check", "membership on that date is not established"
    return {"claim": f"{name(c)} and {name(p)} both belong to the {label} (named in "
                     f"the article among the groupings where they meet).",
            "evidence": ev, "verdict": verdict, "reason": reason}


def _arms_reliance(c: str, p: str) -> dict:
    arms = table("india_arms_imports")
    if c != "IND" or p not in set(arms["supplier"]):
        return {"evidence": "", "verdict": "cannot check",
                "reason": "arms-import shares are only held for India's suppliers"}
    a = arms[arms["supplier"] == p].sort_values("period")
    ev = "; ".join(f"{r.period}: {r.share_pct:.0f}%" for r in a.itertuples())
    period = a["period"].iloc[-1]
    latest = arms[arms["period"] == period]
    top = latest.sort_values("share_pct", ascending=False)["supplier"].iloc[0]
    ev = f"{name(p)}'s share of India's major-arms imports (SIPRI) — {ev}."
    if top == p:
        verdict = "supported"
        reason = (f"{name(p)} is the largest supplier named for {period}, though its share "
                  f"fell from {a['share_pct'].iloc[0]:.0f}% ({a['period'].iloc[0]}) to "
                  f"{a['share_pct'].iloc[-1]:.0f}%")
    else:
        verdict, reason = "contradicted", f"{name(top)} is the largest supplier"
    return {"evidence": ev, "verdict": verdict, "reason": reason}
