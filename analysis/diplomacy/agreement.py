"""How often two countries voted alike in the General Assembly: three measures, for one pair,
for a country against several counterparts, and year by year.

Agreement between two countries is measured on the roll calls where **both** recorded a vote
(yes, no or abstain); roll calls where either has no recorded vote are left out, and resolutions
adopted without a vote are not in the data at all. Three measures:

* **percent agreement** – share of those roll calls on which both cast the same vote, with
  abstention its own category;
* **half agreement** – the same, but a pair in which one abstains and the other votes yes or no
  counts 0.5 (the "index of agreement" of Lijphart, "The Analysis of Bloc Voting in the General
  Assembly", *American Political Science Review* 57(4), 1963, used with Voeten's data in Voeten,
  "Data and Analyses of Voting in the UN General Assembly", *Routledge Handbook of International
  Organization*, 2013);
* **Cohen's κ** – percent agreement corrected for the agreement expected by chance from each
  country's own mix of yes / no / abstain (Cohen, *Educational and Psychological Measurement*
  20(1), 1960): κ = (p_o − p_e) / (1 − p_e). It matters in the Assembly, where most roll calls
  pass with large "yes" majorities and two countries agree often by chance alone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.diplomacy.votes import VOTES, check_country, votes


def _pairs(a: pd.Series, b: pd.Series) -> pd.DataFrame:
    df = pd.DataFrame({"a": a, "b": b})
    return df[df["a"].isin(VOTES) & df["b"].isin(VOTES)]


def percent_agreement(a: pd.Series, b: pd.Series) -> float:
    """Percent (0–100) of roll calls with the same vote, abstention its own category; only roll
    calls where both have a recorded vote count. NaN when there are none."""
    p = _pairs(a, b)
    return float((p["a"] == p["b"]).mean() * 100) if len(p) else float("nan")


def half_agreement(a: pd.Series, b: pd.Series) -> float:
    """Percent (0–100) agreement counting yes/abstain and no/abstain pairs as 0.5 (Lijphart's
    index of agreement, as used with Voeten's UNGA data). NaN when there are no common votes."""
    p = _pairs(a, b)
    if not len(p):
        return float("nan")
    score = np.where(p["a"] == p["b"], 1.0,
                     np.where((p["a"] == "abstain") | (p["b"] == "abstain"), 0.5, 0.0))
    return float(score.mean() * 100)


def agreement_kappa(a: pd.Series, b: pd.Series) -> float:
    """Cohen's κ for yes / no / abstain on roll calls where both have a recorded vote:
    (p_o − p_e) / (1 − p_e), with p_e from each country's own shares of the three votes.
    1 = perfect agreement, 0 = no better than chance, < 0 = worse. NaN when undefined."""
    p = _pairs(a, b)
    if not len(p):
        return float("nan")
    po = float((p["a"] == p["b"]).mean())
    pa = p["a"].value_counts(normalize=True)
    pb = p["b"].value_counts(normalize=True)
    pe = float(sum(pa.get(k, 0.0) * pb.get(k, 0.0) for k in VOTES))
    if pe >= 1.0:
        return float("nan")
    return (po - pe) / (1.0 - pe)


def _measures(a: pd.Series, b: pd.Series) -> dict:
    p = _pairs(a, b)
    same = int((p["a"] == p["b"]).sum())
    half = int((((p["a"] == "abstain") ^ (p["b"] == "abstain"))).sum())
    a, b = p["a"], p["b"]  # already paired: the measures below drop no further row
    return {"roll_calls": len(p), "same_vote": same, "one_abstained": half,
            "opposite_vote": len(p) - same - half,
            "percent_agreement": percent_agreement(a, b),
            "half_agreement": half_agreement(a, b), "kappa": agreement_kappa(a, b)}


def agreement(country: str, other: str, year_from: int | None = None,
              year_to: int | None = None, resolutions: str = "all") -> pd.Series:
    """Agreement of two countries' recorded votes over calendar years ``year_from``–``year_to``.

    Returns roll_calls (both recorded a vote), same_vote, one_abstained, opposite_vote,
    percent_agreement and half_agreement (percent, 0–100) and kappa (Cohen's κ).
    """
    a, b = check_country(country), check_country(other, "other")
    v = votes([a, b], resolutions, year_from, year_to)
    return pd.Series(_measures(v[a], v[b]), name=f"{a}-{b}")


def agreement_table(country: str, counterparts: list[str], year_from: int | None = None,
                    year_to: int | None = None, resolutions: str = "all") -> pd.DataFrame:
    """:func:`agreement` of ``country`` with each counterpart, one row per counterpart
    (index: ISO alpha-3), sorted by half agreement, highest first."""
    rows = [agreement(country, c, year_from, year_to, resolutions).rename(c)
            for c in counterparts]
    df = pd.DataFrame(rows)
    df.index.name = "counterpart"
    return df.sort_values("half_agreement", ascending=False)


def agreement_by_year(country: str, counterparts: list[str], year_from: int | None = None,
                      year_to: int | None = None, resolutions: str = "all") -> pd.DataFrame:
    """Agreement measures per calendar year: long table with columns year, counterpart,
    roll_calls, percent_agreement, half_agreement (percent) and kappa."""
    a = check_country(country)
    cs = [check_country(c, "counterparts") for c in counterparts]
    v = votes([a, *cs], resolutions, year_from, year_to)
    years = sorted(int(y) for y in v["year"].unique())
    parts = [_yearly_measures(v[a], v[c], v["year"], years).assign(counterpart=c) for c in cs]
    cols = ["year", "counterpart", "roll_calls", "percent_agreement", "half_agreement", "kappa"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts).rename_axis("year").reset_index()
    out["order"] = out["counterpart"].map({c: i for i, c in enumerate(cs)})
    return out.sort_values(["year", "order"], kind="stable")[cols].reset_index(drop=True)


def _yearly_measures(a: pd.Series, b: pd.Series, year: pd.Series, years: list[int]) -> pd.DataFrame:
    """:func:`_measures` for each calendar year at once (index: ``years``): roll_calls,
    percent_agreement, half_agreement (percent) and kappa; NaN for a year with no common vote."""
    both = a.isin(VOTES) & b.isin(VOTES)
    a, b = a[both], b[both]
    d = pd.DataFrame({
        "year": year[both].astype(int),
        "same": (a == b).astype(float),
        "score": np.where(a == b, 1.0, np.where((a == "abstain") | (b == "abstain"), 0.5, 0.0)),
        **{f"a_{k}": (a == k).astype(float) for k in VOTES},
        **{f"b_{k}": (b == k).astype(float) for k in VOTES},
    })
    g = d.groupby("year").mean().reindex(years)
    n = d.groupby("year").size().reindex(years, fill_value=0)
    pe = sum(g[f"a_{k}"] * g[f"b_{k}"] for k in VOTES)
    kappa = ((g["same"] - pe) / (1.0 - pe)).where(pe < 1.0)
    return pd.DataFrame({"roll_calls": n.astype(int), "percent_agreement": g["same"] * 100,
                         "half_agreement": g["score"] * 100, "kappa": kappa}, index=years)
