"""Checking an article's trade claims against data/trade: each money or percent figure about
trade with the partner is recomputed from the chosen fiscal-year series (analysis.trade.series)
and called confirmed (within the rounding of the claim and of the data), differs (with the likely
reason: rounding, fiscal vs calendar year, preliminary vs revised figures) or cannot check.

Money in US$ million, growth in percent; periods are Indian fiscal years (``FY2023-24``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.countries import adjectives, in_text, name, text_names
from analysis.datasets import load_table
from analysis.fiscal import fiscal_mentions, fy_label, fy_start, is_fy_label
from analysis.trade.series import (
    HALF_WIDTH,
    available_fiscal_years,
    bilateral_series,
    check_partner,
    stated_figures,
)

CLAIM_COLUMNS = ["claim", "measure", "period", "unit", "value_claimed", "value_computed",
                 "difference", "verdict", "reason", "source_ids", "sentence"]


def _period(claim) -> str | None:
    """The claim's Indian fiscal year: its own period if that is one, else the first fiscal year
    its sentence names (the longest mention where two overlap)."""
    p = getattr(claim, "period", None)
    if p and is_fy_label(p):
        return p
    labelled = [m for m in fiscal_mentions(claim.sentence or "") if m.label]
    if not labelled:
        return None
    return min(labelled, key=lambda m: (m.start, m.start - m.end)).label


def _measure(sentence: str, figure: str = "") -> str:
    """The flow a figure in ``sentence`` measures: the balance where the sentence speaks of a
    deficit, imbalance or surplus (and not of bilateral or total trade); the total where it
    speaks of trade; else exports or imports — when it names both, the one named last before
    ``figure`` (the claim as written), or first after it."""
    s = sentence.lower()
    if re.search(r"deficit|imbalance|surplus", s) and not re.search(r"bilateral trade|total trade", s):
        return "balance"
    if re.search(r"\btrade\b", s):
        return "total"
    flows = [(m.start(), m.group(1)) for m in re.finditer(r"\b(import|export)", s)]
    if not flows:
        return "total"
    at = s.find(figure.lower()) if figure else -1
    if at < 0 or len({f for _, f in flows}) == 1:
        return "import" if any(f == "import" for _, f in flows) else "export"
    before = [f for pos, f in flows if pos < at]
    return before[-1] if before else flows[0][1]


def _half_unit(value: float) -> float:
    """Half of the last written digit of a number as printed (65.7 → 0.05; 33 → 0.5)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10 ** (-decimals)


def _row(claim, **kw) -> dict:
    base = {"claim": claim.text, "sentence": claim.sentence, "measure": None, "period": None,
            "unit": None, "value_claimed": np.nan, "value_computed": np.nan,
            "difference": np.nan, "verdict": "cannot check", "reason": "", "source_ids": ""}
    base.update(kw)
    return base


_TRADE_WORDS = re.compile(r"\btrade|\bimport|\bexport|deficit|surplus|imbalance", re.I)


@lru_cache(maxsize=None)
def _partner_names(partner: str) -> re.Pattern:
    """Every way a text names ``partner`` (countries.text_names: names, aliases, demonyms,
    metonyms, and the code itself) as one pattern of whole words, plural allowed; abbreviations
    such as "US" or "U.S." match in capitals only (and not in "US$"), other names in any case."""
    words = {w for w, code in text_names().items() if code == partner} | {partner}
    words |= set(adjectives(partner))  # already among text_names; listed for clarity
    alts = [re.escape(w) if w.replace(".", "").isupper() else f"(?i:{re.escape(w)})"
            for w in sorted(words, key=len, reverse=True)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})s?(?![\w$])")  # "US$" is a currency


def _about_partner(sentence: str, partner: str) -> bool:
    """True when ``sentence`` speaks of trade and names ``partner`` in any of its forms."""
    return bool(_TRADE_WORDS.search(sentence)) and bool(_partner_names(partner).search(sentence))


def _check_money(claim, partner, reporter, fy, measure) -> dict:
    claimed = claim.magnitude / 1e6
    tol_claim = _half_unit(claim.value) * claim.magnitude / claim.value / 1e6 if claim.value else 0
    s = bilateral_series(partner, reporter)
    row = s[(s["fiscal_year"] == fy) & (s["flow"] == measure)]
    kw = {"measure": measure, "period": fy, "unit": "US$ mn", "value_claimed": claimed}
    if measure == "balance" and claimed > 0:
        claimed = -claimed  # "a deficit of $57 bn" is a balance of −57,000
        kw["value_claimed"] = claimed
    if row.empty or pd.isna(row["value_usd_mn"].iloc[0]):
        return _row(claim, **kw, reason=f"no {measure} for {fy} in data/trade/bilateral_fy")
    r = row.iloc[0]
    diff = claimed - r["value_usd_mn"]
    tol = tol_claim + r["half_width_usd_mn"]
    kw.update(value_computed=r["value_usd_mn"], difference=diff, source_ids=r["source_id"])
    if abs(diff) <= tol:
        why = f"agrees within rounding (claim to ±{tol_claim:,.0f} US$ mn; data {r['status']}"
        why += ", derived" if r["derived"] else ""
        why += ")"
        if measure == "total":
            s_tot = s[(s["flow"] == "total") & s["value_usd_mn"].notna()
                      & (s["fiscal_year"] <= fy)]
            if s_tot["value_usd_mn"].max() <= r["value_usd_mn"] + tol:
                why += f"; the highest {name(partner)} total in the data up to {fy}"
        return _row(claim, **kw, verdict="confirmed", reason=why)
    return _row(claim, **kw, verdict="differs", reason=_explain_money(claimed, fy, measure, partner,
                                                                    reporter, tol_claim, r))


def _explain_money(claimed, fy, measure, partner, reporter, tol, chosen) -> str:
    df = stated_figures(partner, reporter)
    same = df[(df["fiscal_year"] == fy) & (df["flow"] == measure)]
    for r in same.itertuples():
        if abs(r.value_usd_mn - claimed) <= tol + HALF_WIDTH[r.precision]:
            kind = {"provisional": "preliminary vs revised figures",
                    "disputed": "a disputed figure"}.get(r.status, "sources differ")
            return (f"{kind}: matches {r.source_id} ({r.status}, {r.value_usd_mn:,.0f}); the "
                    f"series uses {chosen['source_id']} ({chosen['status']})")
    if partner == "RUS":
        mirror = load_table("trade/mirror_calendar_year")
        for r in mirror.itertuples():
            if r.flow == measure and abs(r.value_usd_mn - claimed) <= tol + HALF_WIDTH[r.precision]:
                return (f"fiscal vs calendar year: matches calendar {r.calendar_year} "
                        f"({r.period}, {r.source_id})")
    return f"differs by {claimed - chosen['value_usd_mn']:,.1f} US$ mn beyond rounding"


def _check_growth(claim, partner, reporter, fy, measure) -> dict:
    prev = fy_label(fy_start(fy) - 1)
    s = bilateral_series(partner, reporter)
    cur = s[(s["fiscal_year"] == fy) & (s["flow"] == measure)]
    base = s[(s["fiscal_year"] == prev) & (s["flow"] == measure)]
    kw = {"measure": f"{measure} growth", "period": fy, "unit": "%", "value_claimed": claim.value}
    if cur.empty or base.empty or cur["value_usd_mn"].isna().any() or base["value_usd_mn"].isna().any():
        return _row(claim, **kw, reason=f"{measure} missing for {prev} or {fy}")
    c, b = cur.iloc[0], base.iloc[0]
    g = (c["value_usd_mn"] / b["value_usd_mn"] - 1) * 100
    # Uncertainty of the ratio from the rounding of both values (first order), plus the claim's.
    rel = c["half_width_usd_mn"] / c["value_usd_mn"] + b["half_width_usd_mn"] / b["value_usd_mn"]
    tol = _half_unit(claim.value) + (100 + g) * rel
    ids = "+".join(dict.fromkeys((b["source_id"] + "+" + c["source_id"]).split("+")))
    kw.update(value_computed=g, difference=claim.value - g, source_ids=ids)
    base_txt = (f"{prev} base {b['value_usd_mn']:,.0f} US$ mn ({b['status']}"
                + (", derived from " + b["source_id"].replace("+", " and ") if b["derived"] else "")
                + ")")
    alt = stated_figures(partner, reporter)
    alt = alt[(alt["fiscal_year"] == prev) & (alt["flow"] == measure)
              & (alt["status"] == "provisional")]
    alt_txt = "".join(
        f"; the provisional {prev} figure {r.value_usd_mn:,.0f} ({r.source_id}) would give "
        f"{(c['value_usd_mn'] / r.value_usd_mn - 1) * 100:+.0f} % (preliminary vs revised)"
        for r in alt.itertuples())
    if abs(claim.value - g) <= tol:
        return _row(claim, **kw, verdict="confirmed",
                    reason=f"agrees within rounding; {base_txt}{alt_txt}")
    return _row(claim, **kw, verdict="differs",
                reason=f"computed {g:+.1f} % from {base_txt}{alt_txt}")


def check_claims(article, partner: str = "RUS", reporter: str = "IND") -> pd.DataFrame:
    """Recompute the article's trade claims about ``partner`` from data/trade.

    ``article`` is an ``analysis.article.Article`` (or anything with ``.claims``). Money claims
    (unit USD) and percent claims whose sentence speaks of trade with the partner are checked
    against the chosen fiscal-year series (money in US$ million; percent as year-on-year growth
    of the flow the sentence names, total by default). Returns one row per money/percent claim:
    claim, measure, period (FY), unit, value_claimed, value_computed, difference (claimed −
    computed), verdict (confirmed / differs / cannot check), reason (rounding, fiscal vs calendar
    year, preliminary vs revised figures, or why it cannot be checked), source_ids, sentence.
    """
    check_partner(partner, reporter)
    rows = []
    for claim in article.claims:
        is_money = claim.kind == "money" and claim.unit == "USD"
        is_pct = claim.kind == "percent"
        if not (is_money or is_pct):
            continue
        fy = _period(claim)
        if not _about_partner(claim.sentence or "", partner):
            rows.append(_row(claim, reason=f"sentence is not about trade with {in_text(partner)}"))
            continue
        if fy is None:
            rows.append(_row(claim, reason="no fiscal year stated for the figure"))
            continue
        if fy not in available_fiscal_years(reporter):
            rows.append(_row(claim, period=fy, reason=f"{fy} is not covered by the data"))
            continue
        measure = _measure(claim.sentence, claim.text)
        if is_money:
            rows.append(_check_money(claim, partner, reporter, fy, measure))
        else:
            rows.append(_check_growth(claim, partner, reporter, fy, measure))
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)

