"""Checking an article's trade claims against data/trade: each money or percent figure about
trade with the partner is recomputed from the chosen fiscal-year series (analysis.trade.series)
and called confirmed (within the rounding of the claim and of the data), differs (with the likely
reason: rounding, fiscal vs calendar year, preliminary vs revised figures) or cannot check.

Money in US$ million, growth in percent; periods are Indian fiscal years (``FY2023-24``).

What each verdict rests on (evidence, band, status by the one rule, the words a reader sees)
is analysis.trade.evidence; this module decides the verdicts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.countries import adjectives, in_text, name, text_names
from analysis.datasets import load_table
from analysis.fiscal import fiscal_mentions, fy_label, fy_start, is_fy_label
from analysis.trade.evidence import (
    ROUNDING_EPS,
    combined_status,
    describe,
    evidence_of,
    growth_band,
    plus_minus,
    rests_on,
    rounding_agrees,
    rounding_touch,
    row_status,
    series_status,
    source_date,
    source_ids,
    source_kind,
    source_name,
    verdict_text,
    weakest_status,
)
from analysis.trade.series import (
    HALF_WIDTH,
    available_fiscal_years,
    bilateral_series,
    check_partner,
    stated_figures,
)

CLAIM_COLUMNS = ["claim", "measure", "period", "unit", "value_claimed", "value_computed",
                 "band", "difference", "evidence", "status", "verdict", "verdict_text", "reason",
                 "source_ids", "sentence"]


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


def _touching(claim, claimed_mn: float, rows) -> tuple[float, str] | None:
    """The first (value, source) among ``rows`` (value, half-width, source, US$ mn) whose
    rounding interval only touches the claim's ("$118.2 billion" against 118.3 ±0.05), else
    None. Qualified figures ("over", "about") have no rounding interval to touch."""
    if claim.qualifier is not None:
        return None
    low, high = _tolerance(claim, claimed_mn)
    for value, half, source in rows:
        if rounding_touch(abs(value) - abs(claimed_mn), (high - low) / 2, half):
            return value, source
    return None


def _digits_of(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _half_unit(value: float) -> float:
    """Half of the last written digit of a number as printed (65.7 → 0.05; 33 → 0.5)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10 ** (-decimals)


def _row(claim, **kw) -> dict:
    base = {"claim": claim.text, "sentence": claim.sentence, "measure": None, "period": None,
            "unit": None, "value_claimed": np.nan, "value_computed": np.nan,
            "difference": np.nan, "verdict": "cannot check", "reason": "", "source_ids": "",
            "band": np.nan, "status": None}
    base.update(kw)
    derived = bool(base.pop("derived", False)) or "growth" in str(base["measure"])
    base["evidence"] = evidence_of(base["source_ids"], derived)
    base["verdict_text"] = verdict_text(base["verdict"], base["source_ids"])
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
    kw.update(value_computed=r["value_usd_mn"], difference=diff, source_ids=r["source_id"],
              band=r["half_width_usd_mn"], derived=bool(r["derived"]),
              status=series_status(partner, reporter, fy, measure, r["source_id"], r["status"]))
    if rounding_agrees(-diff, tol_claim, r["half_width_usd_mn"]):
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
    kw.update(value_computed=g, difference=claim.value - g, source_ids=ids,
              band=growth_band(c["value_usd_mn"], c["half_width_usd_mn"], b["value_usd_mn"],
                               b["half_width_usd_mn"]),
              status=weakest_status(series_status(partner, reporter, fy, measure, c["source_id"],
                                            c["status"]),
                              series_status(partner, reporter, prev, measure, b["source_id"],
                                            b["status"])))
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
    if rounding_agrees(g - claim.value, _half_unit(claim.value), tol - _half_unit(claim.value)):
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


# --- one claim at a time, any partner: what `ties check` uses ----------------------------------

TRADE_MEASURES = ("total_trade", "exports", "imports", "balance", "growth", "share", "rank",
                  "target", "price", "volume", "savings", "tariff")
_FLOW_OF = {"total_trade": "total", "exports": "export", "imports": "import",
            "balance": "balance"}
_SCALE_MN = {None: 1e-6, "thousand": 1e-3, "lakh": 0.1, "million": 1.0, "crore": 10.0,
             "billion": 1e3, "trillion": 1e6, "lakh crore": 1e6}
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _record(claim, verdict: str, reason: str, computed=None, source: str = "",
            period=None, claimed=None, band=None, status=None, derived: bool = False) -> dict:
    return describe({"text": claim.text, "claimed": claim.value if claimed is None else claimed,
                     "unit": claim.unit, "scale": claim.scale,
                     "period": period or claim.period, "measure": claim.measure,
                     "partner": claim.partner, "computed": computed, "band": band,
                     "status": status, "verdict": verdict, "reason": reason,
                     "source": source, "sentence": claim.sentence}, derived=derived)


def _tolerance(claim, claimed_mn: float) -> tuple[float, float]:
    """(low, high) bounds in US$ mn a figure allows: its last written digit, ±5 % for "about",
    open-ended for "over"/"under"."""
    half = _half_unit(claim.value) * _SCALE_MN.get(claim.scale, 1e-6)
    if claim.qualifier == "about":
        half = max(half, 0.05 * claimed_mn)
    low, high = claimed_mn - half, claimed_mn + half
    if claim.qualifier == "over":
        high = float("inf")
    elif claim.qualifier == "under":
        low = float("-inf")
    return low, high


def _precision_words(claim) -> str:
    q = {"over": "a lower bound", "under": "an upper bound", "about": "approximate (±5 %)"}
    return q.get(claim.qualifier, "as written")


def _span_label(period: str) -> tuple[str, str] | None:
    """``2023-04/2023-07`` → (``FY2023-24``, ``Apr-Jul``) when the span lies in one fiscal
    year and starts in April; else None."""
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period or "")
    if not m:
        return None
    y1, m1, y2, m2 = (int(x) for x in m.groups())
    if m1 != 4:
        return None
    fy = fy_label(y1)
    if fy_label(y2 if m2 >= 4 else y2 - 1) != fy:
        return None
    return fy, f"Apr-{_MONTH_ABBR[m2 - 1]}"


def _fy_of(period: str | None) -> str | None:
    return period if period and is_fy_label(period) else None


def _compare(claim, claimed_mn: float, value_mn: float, half_data: float) -> bool:
    """The claim's interval and the data's overlap with positive length (an exact data value:
    lies in the claim's half-open interval); see :func:`rounding_agrees`."""
    low, high = _tolerance(claim, claimed_mn)
    scale = ROUNDING_EPS * max(1.0, abs(value_mn), abs(half_data))
    if half_data > scale:
        return min(high, value_mn + half_data) - max(low, value_mn - half_data) > scale
    return low - scale <= value_mn < high - scale


def _to_claim_scale(claim, value_mn: float) -> float:
    return value_mn / _SCALE_MN.get(claim.scale, 1e-6)


def _check_money_claim(claim, reporter: str) -> dict:
    partner, flow = claim.partner, _FLOW_OF[claim.measure]
    claimed_mn = claim.value * _SCALE_MN.get(claim.scale, 1e-6)
    if flow == "balance":
        claimed_mn = -abs(claimed_mn)  # "a deficit of $57 bn" is a balance of −57,000
        if partner in _surplus_partners(reporter):
            claimed_mn = abs(claimed_mn)
    fy = _fy_of(claim.period)
    span = _span_label(claim.period)
    if claim.product and flow == "import":
        return _check_product_value(claim, claimed_mn, reporter)
    if claim.product and flow == "export":
        return _record(claim, "cannot check", f"the data hold no {claim.product} exports")
    if span:
        return _check_partial(claim, claimed_mn, partner, reporter, flow, *span)
    if fy is None:
        if claim.period and re.fullmatch(r"\d{4}", claim.period):
            calendar = _check_calendar(claim, claimed_mn, partner, flow)
            if calendar["verdict"] != "confirmed" and claim.period_from == "relative":
                # "propelled trade to $65.70 billion last year", written in July 2024: Indian
                # trade figures are by fiscal year, so "last year" may be FY2023-24 (April 2023 to
                # March 2024); confirmed only if that year's data agree
                fiscal = _check_money_claim(replace(claim, period=fy_label(int(claim.period))),
                                            reporter)
                if fiscal["verdict"] == "confirmed":
                    fiscal["reason"] = (f"read as the fiscal year {fy_label(int(claim.period))} "
                                        f"(the text's \"{claim.period}\" is relative to its date; "
                                        f"Indian trade figures are by fiscal year): "
                                        f"{fiscal['reason']}")
                    return fiscal
            return calendar
        return _record(claim, "cannot check", "no fiscal year or span of months stated for "
                       "the figure" if not claim.period else
                       f"no table holds {claim.period} for this partner")
    if fy not in available_fiscal_years(reporter):
        return _record(claim, "cannot check", f"{fy} is not covered by data/trade")
    s = bilateral_series(partner, reporter)
    row = s[(s["fiscal_year"] == fy) & (s["flow"] == flow)]
    if row.empty or pd.isna(row["value_usd_mn"].iloc[0]):
        return _record(claim, "cannot check",
                       f"no {flow} for {in_text(partner)} in {fy} in data/trade/bilateral_fy")
    r = row.iloc[0]
    computed = _to_claim_scale(claim, abs(r["value_usd_mn"]))
    status = series_status(partner, reporter, fy, flow, r["source_id"], r["status"])
    base = dict(computed=round(computed, 3), source=r["source_id"], period=fy,
                band=_to_claim_scale(claim, r["half_width_usd_mn"]), status=status,
                derived=bool(r["derived"]))
    if _compare(claim, claimed_mn, r["value_usd_mn"], r["half_width_usd_mn"]):
        return _record(claim, "confirmed", f"agrees within the band; the claim is "
                       f"{_precision_words(claim)}; rests on "
                       f"{rests_on(r['source_id'], fy, flow, partner, reporter)}", **base)
    # Another source's figure for the same year and flow: preliminary vs revised.
    alt = stated_figures(partner, reporter)
    alt = alt[(alt["fiscal_year"] == fy) & (alt["flow"] == flow)]
    for a in alt.itertuples():
        if _compare(claim, claimed_mn, a.value_usd_mn, HALF_WIDTH.get(a.precision, 0)):
            a_status = row_status(fy, a.source_id, a.status)
            if a_status == "provisional":
                return _record(claim, "confirmed",
                               f"agrees with the provisional figure of {source_name(a.source_id)} "
                               f"({abs(a.value_usd_mn):,.0f} US$ mn); revised since to "
                               f"{abs(r['value_usd_mn']):,.0f} ({source_name(r['source_id'])}, "
                               f"{status})",
                               computed=round(_to_claim_scale(claim, abs(a.value_usd_mn)), 3),
                               source=a.source_id, period=fy, status=a_status,
                               band=_to_claim_scale(claim, HALF_WIDTH.get(a.precision, 0)))
            return _record(claim, "differs", f"sources differ: matches "
                           f"{source_name(a.source_id)} ({a_status}); the series uses "
                           f"{source_name(r['source_id'])} ({status})", **base)
    # Another flow of the same year (the article's label may be wrong).
    for other in ("total", "import", "export", "balance"):
        o = s[(s["fiscal_year"] == fy) & (s["flow"] == other)]
        if other != flow and len(o) and pd.notna(o["value_usd_mn"].iloc[0]) and _compare(
                claim, abs(claimed_mn), abs(o["value_usd_mn"].iloc[0]),
                o["half_width_usd_mn"].iloc[0]):
            return _record(claim, "differs", f"the figure is the {fy} {other} "
                           f"({abs(o['value_usd_mn'].iloc[0]):,.0f} US$ mn), not the {flow}",
                           **base)
    if partner == "RUS":
        mirror = load_table("trade/mirror_calendar_year")
        for m in mirror.itertuples():
            if m.flow == flow and m.period == "full year" and _compare(
                    claim, claimed_mn, m.value_usd_mn, HALF_WIDTH.get(m.precision, 0)):
                return _record(claim, "differs", f"fiscal vs calendar year: matches calendar "
                               f"{m.calendar_year} ({source_name(m.source_id)})", **base)
    gap = abs(abs(claimed_mn) - abs(r["value_usd_mn"])) / abs(r["value_usd_mn"])
    unit_mn = 2 * _half_unit(claim.value) * _SCALE_MN.get(claim.scale, 1e-6)
    off = abs(abs(claimed_mn) - abs(r["value_usd_mn"]))
    touching = _touching(claim, claimed_mn, [(r["value_usd_mn"], r["half_width_usd_mn"],
                                              r["source_id"])]
                         + [(a.value_usd_mn, HALF_WIDTH.get(a.precision, 0), a.source_id)
                            for a in alt.itertuples()])
    if touching is not None:
        value, source = touching
        data_txt = f"{_to_claim_scale(claim, abs(value)):,.{_digits_of(claim.value)}f}"
        return _record(claim, "differs", f"rounding: {claim.text} and the data's {data_txt}"
                       f"{' ' + claim.scale if claim.scale else ''} ({source_name(source)}) "
                       f"cannot be the same value: their rounding intervals only touch", **base)
    why = ("rounding: " if off <= 2 * unit_mn and gap <= 0.02 else
           f"slightly ({gap:.1%}; a revised or differently compiled figure): "
           if gap <= 0.02 else "")
    return _record(claim, "differs", f"{why}the data give {computed:,.2f} {claim.scale or ''}"
                   f", beyond the claim's precision ({_precision_words(claim)})", **base)


@lru_cache(maxsize=None)
def _surplus_partners(reporter: str) -> frozenset:
    """Partners with which the reporter ran a surplus in the latest year with a balance."""
    s = load_table("trade/bilateral_fy")
    s = s[(s["reporter"] == reporter) & (s["flow"] == "balance")]
    last = s.sort_values("fiscal_year").groupby("partner").tail(1)
    return frozenset(last.loc[last["value_usd_mn"] > 0, "partner"])


def _check_partial(claim, claimed_mn, partner, reporter, flow, fy, label) -> dict:
    t = load_table("trade/partial_periods")
    rows = t[(t["reporter"] == reporter) & (t["partner"] == partner) & (t["fiscal_year"] == fy)
             & (t["period"] == label) & (t["flow"] == flow)]
    if rows.empty:
        held = sorted(set(t.loc[(t["reporter"] == reporter) & (t["partner"] == partner)
                                & (t["fiscal_year"] == fy) & (t["flow"] == flow), "period"]))
        so_far = (" (the months of the fiscal year reported so far)"
                  if claim.period_from == "relative" else "")
        return _record(claim, "cannot check", f"no {label} {fy}{so_far} {flow} for "
                       f"{in_text(partner)} in data/trade/partial_periods"
                       + (f"; it holds {', '.join(held)} only" if held else ""),
                       period=f"{fy} {label}")
    for r in rows.itertuples():
        if _compare(claim, claimed_mn, r.value_usd_mn, HALF_WIDTH.get(r.precision, 0)):
            return _record(claim, "confirmed", f"agrees with the {label} {fy} figure of "
                           f"{source_name(r.source_id)} ({source_kind(r.source_id)})",
                           computed=_to_claim_scale(claim, abs(r.value_usd_mn)),
                           source=r.source_id, period=f"{fy} {label}",
                           band=_to_claim_scale(claim, HALF_WIDTH.get(r.precision, 0)),
                           status=row_status(fy, r.source_id, "final"))
    r = rows.iloc[0]
    touching = _touching(claim, claimed_mn, [(x.value_usd_mn, HALF_WIDTH.get(x.precision, 0),
                                              x.source_id) for x in rows.itertuples()])
    if touching is not None:  # "$32.9 billion" against 32.8 ±0.05
        value, source = touching
        data_txt = f"{_to_claim_scale(claim, abs(value)):,.{_digits_of(claim.value)}f}"
        return _record(claim, "differs", f"rounding: {claim.text} and the data's {data_txt}"
                       f"{' ' + claim.scale if claim.scale else ''} for {label} {fy} "
                       f"({source_name(source)}) cannot be the same value: their rounding "
                       "intervals only touch", computed=_to_claim_scale(claim, abs(value)),
                       source=source,
                       period=f"{fy} {label}", status=row_status(fy, source, "final"),
                       band=_to_claim_scale(claim, HALF_WIDTH.get(
                           rows.loc[rows["source_id"] == source, "precision"].iloc[0], 0)))
    return _record(claim, "differs", f"the {label} {fy} figure is {abs(r.value_usd_mn):,.0f} "
                   "US$ mn", computed=_to_claim_scale(claim, abs(r.value_usd_mn)),
                   source=r.source_id, period=f"{fy} {label}",
                   band=_to_claim_scale(claim, HALF_WIDTH.get(r.precision, 0)),
                   status=row_status(fy, r.source_id, "final"))


def _check_calendar(claim, claimed_mn, partner, flow) -> dict:
    """A figure for a calendar year, checked against the full-year statements of
    data/trade/mirror_calendar_year (India–Russia only).

    The band is the half-width of the matched statement's ``precision`` (:data:`HALF_WIDTH`),
    in the claim's unit; a ``lower_bound`` statement ("more than $11 billion") has no band: a
    claim agrees with it when the claim is not below the bound. The status follows the rule of
    analysis.trade.evidence with the calendar year's end in place of the fiscal year's: a
    statement published (an official table: retrieved) before 1 January two years after the
    year is ``provisional``, a later one ``final``, one without a date has none. Where several
    statements agree, the most precise is shown; where none does, the most precise is the
    computed value."""
    from datetime import date

    if partner != "RUS":
        return _record(claim, "cannot check", f"no calendar-year figures for {in_text(partner)}")
    mirror = load_table("trade/mirror_calendar_year")
    year = int(claim.period)
    rows = mirror[(mirror["calendar_year"] == year) & (mirror["flow"] == flow)]
    full = rows[rows["period"] == "full year"]
    if full.empty:
        return _record(claim, "cannot check", f"no full-year {claim.period} {flow} in "
                       "data/trade/mirror_calendar_year")
    full = full.assign(half=full["precision"].map(HALF_WIDTH)).sort_values("half", kind="stable")

    def evidence(r) -> dict:
        when = source_date(r.source_id)
        status = None if when is None else \
            "provisional" if when < date(year + 2, 1, 1) else "final"
        bound = r.precision == "lower_bound"
        return dict(computed=round(_to_claim_scale(claim, r.value_usd_mn), 3),
                    source=r.source_id, period=str(year), status=status,
                    band=None if bound else _to_claim_scale(claim, r.half))

    for r in full.itertuples():
        if r.precision == "lower_bound":
            agrees = _tolerance(claim, claimed_mn)[1] >= r.value_usd_mn
            what = f"not below the stated lower bound of {r.value_usd_mn:,.0f} US$ mn"
        else:
            agrees = _compare(claim, claimed_mn, r.value_usd_mn, r.half)
            what = "agrees within the band"
        if agrees:
            return _record(claim, "confirmed", f"{what} with calendar {year} ({r.data_basis.split(';')[0]});"
                           f" the claim is {_precision_words(claim)}", **evidence(r))
    r = next(full.itertuples())
    return _record(claim, "differs", f"calendar {year} figures in the data: "
                   + ", ".join(f"{v:,.0f}" + (" (a lower bound)" if p == "lower_bound" else "")
                               for v, p in zip(full["value_usd_mn"], full["precision"],
                                               strict=True))
                   + f" US$ mn, beyond the claim's precision ({_precision_words(claim)})",
                   **evidence(r))


def _check_product_value(claim, claimed_mn, reporter) -> dict:
    """A product's import value (crude oil) for a fiscal year, checked against the full-year
    figures of data/trade/product_highlights.

    That table states no precision, so the band is half a unit of the figure's last
    significant digit as stored (46,500 → ±50, 31,000 → ±500 US$ mn): the widest the stated
    figure allows. The status is the rule of analysis.trade.evidence (:func:`row_status`) for
    the source's figure, which its table gives as final."""
    t = load_table("trade/product_highlights")
    fy = _fy_of(claim.period)
    rows = t[(t["reporter"] == reporter) & (t["partner"] == claim.partner)
             & (t["fiscal_year"] == fy) & (t["period"] == "full year")
             & t["value_usd_mn"].notna() & t["item"].str.contains("crude", case=False)]
    if claim.product != "crude oil" or rows.empty:
        return _record(claim, "cannot check", f"no {claim.product} value for "
                       f"{in_text(claim.partner)} in {claim.period or 'that period'} in "
                       "data/trade/product_highlights")
    r = rows.iloc[0]
    value = float(r["value_usd_mn"])
    unit = next((10.0 ** e for e in range(6, -3, -1)
                 if abs(value / 10.0 ** e - round(value / 10.0 ** e)) < 1e-6), 0.01)
    base = dict(computed=round(_to_claim_scale(claim, value), 3), source=r["source_id"],
                period=fy, band=_to_claim_scale(claim, unit / 2),
                status=row_status(fy, r["source_id"], "final"))
    if _compare(claim, claimed_mn, value, unit / 2):
        return _record(claim, "confirmed", "agrees with the crude-oil import figure within the "
                       f"band; the claim is {_precision_words(claim)}", **base)
    s = bilateral_series(claim.partner, reporter)
    tot = s[(s["fiscal_year"] == fy) & (s["flow"] == "total")]
    why = f"crude-oil imports were {value:,.0f} US$ mn"
    if len(tot) and _compare(claim, claimed_mn, tot["value_usd_mn"].iloc[0],
                             tot["half_width_usd_mn"].iloc[0]):
        why += f"; the figure is total trade in {fy}, not crude-oil imports"
    return _record(claim, "differs", why, **base)


def _check_growth_claim(claim, reporter: str) -> dict:
    flow = claim.flow or "total"
    partner = claim.partner
    if claim.product:  # "crude oil imports dipped 16 per cent": not the change of all imports
        return _record(claim, "cannot check", f"the data hold no series of {claim.product} "
                       f"{flow}s to measure the change")
    span = _span_label(claim.period)
    fy = _fy_of(claim.period)
    if span:
        t = load_table("trade/partial_periods")
        sel = t[(t["reporter"] == reporter) & (t["partner"] == partner) & (t["flow"] == flow)
                & (t["period"] == span[1])]
        prev_fy = fy_label(fy_start(span[0]) - 1)
        cur, prev = sel[sel["fiscal_year"] == span[0]], sel[sel["fiscal_year"] == prev_fy]
        label = f"{span[0]} {span[1]}"
        if cur.empty or prev.empty:
            return _record(claim, "cannot check", f"no {span[1]} {flow} for both {prev_fy} and "
                           f"{span[0]} in data/trade/partial_periods", period=label)
        c, b = cur["value_usd_mn"].iloc[0], prev["value_usd_mn"].iloc[0]
        src = f"{prev['source_id'].iloc[0]}+{cur['source_id'].iloc[0]}"
        hc = HALF_WIDTH.get(cur["precision"].iloc[0], 0.005 * abs(c))
        hb = HALF_WIDTH.get(prev["precision"].iloc[0], 0.005 * abs(b))
        status = combined_status([(span[0], cur["source_id"].iloc[0], "final"),
                                  (prev_fy, prev["source_id"].iloc[0], "final")])
        rests = (f"{source_name(prev['source_id'].iloc[0])} and "
                 f"{source_name(cur['source_id'].iloc[0])}")
    elif fy:
        at = claim.sentence.find(claim.text)
        before, after = claim.sentence[max(0, at - 40):at], claim.sentence[at:at + 80]
        if re.search(r"\bsince\b", before):
            return _record(claim, "cannot check", "the change is measured from an earlier "
                           "year the sentence does not pin down", period=fy)
        span = re.search(r"(?:past|last|previous)\s+(\w+)\s+years", after + " " + before)
        back = 1
        if span:
            words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                     "eight": 8, "nine": 9, "ten": 10}
            back = words.get(span.group(1).lower()) or (
                int(span.group(1)) if span.group(1).isdigit() else 1)
        stated = _FROM_FY.findall(claim.sentence[:at]) + _BETWEEN_FY.findall(after[:60])
        earlier = [fy_label(int(y)) for y, yy in stated
                   if int(yy) == (int(y) + 1) % 100 and fy_label(int(y)) < fy]
        # "from $48 billion in 2014-15 to $73 billion in 2021-22 (1.5 times)": the base is the
        # year the sentence names on the from side
        prev_fy = (earlier[-1] if earlier else None) or _base_year(
            after, partner, reporter, flow, fy) or fy_label(fy_start(fy) - back)
        s = bilateral_series(partner, reporter)
        cur = s[(s["fiscal_year"] == fy) & (s["flow"] == flow)]
        prev = s[(s["fiscal_year"] == prev_fy) & (s["flow"] == flow)]
        label = fy
        if cur.empty or prev.empty or cur["value_usd_mn"].isna().any() or \
                prev["value_usd_mn"].isna().any():
            return _record(claim, "cannot check", f"{flow} missing for {prev_fy} or {fy}")
        c, b = cur["value_usd_mn"].iloc[0], prev["value_usd_mn"].iloc[0]
        src = "+".join(dict.fromkeys(f"{prev['source_id'].iloc[0]}+{cur['source_id'].iloc[0]}"
                                     .split("+")))
        hc, hb = cur["half_width_usd_mn"].iloc[0], prev["half_width_usd_mn"].iloc[0]
        status = combined_status(
            [(fy, i, r.status) for i in source_ids(cur["source_id"].iloc[0])
             for r in stated_figures(partner, reporter).query("fiscal_year == @fy and "
                                                              "source_id == @i").itertuples()]
            + [(prev_fy, i, r.status) for i in source_ids(prev["source_id"].iloc[0])
               for r in stated_figures(partner, reporter).query(
                   "fiscal_year == @prev_fy and source_id == @i").itertuples()])
        rests = (f"{prev_fy}: {rests_on(prev['source_id'].iloc[0], prev_fy, flow, partner, reporter)}"
                 f"; {fy}: {rests_on(cur['source_id'].iloc[0], fy, flow, partner, reporter)}")
    else:
        return _record(claim, "cannot check", "no fiscal year or span of months for the change")
    ratio = abs(c) / abs(b)
    band_pts = growth_band(c, hc, b, hb)
    rel = band_pts / 100 / ratio
    kw = dict(source=src, period=label, status=status, derived=True)
    if claim.kind == "multiplier":
        tol = max(0.1 * claim.value, ratio * rel)
        if claim.qualifier in ("about", None):
            ok = abs(ratio - claim.value) <= tol
        else:
            ok = (ratio >= claim.value - tol if claim.qualifier == "over"
                  else ratio <= claim.value + tol)
        return _record(claim, "confirmed" if ok else "differs",
                       f"{flow} went from {abs(b):,.0f} to {abs(c):,.0f} US$ mn: ×{ratio:.2f}"
                       f"; rests on {rests}", computed=round(ratio, 2), band=band_pts / 100,
                       **kw)
    g = (ratio - 1) * 100
    stated = claim.value
    at = claim.sentence.find(claim.text)
    falls = re.search(r"fell|fall|declin|dipped|dip|drop|contract|down|shr|slip|slump|plung|"
                      r"decreas",
                      claim.sentence[max(0, at - 40):at], re.I) or re.match(
        r"\s*(?:decline|fall|drop|dip|contraction|decrease)\b", claim.sentence[at + len(claim.text):],
        re.I)
    if falls:
        stated = -stated
    tol = _half_unit(claim.value) + band_pts
    about = _about_tolerance(claim)
    tol = max(tol, about)
    ok = rounding_agrees(g - stated, _half_unit(claim.value), band_pts) or (
        about > 0 and abs(stated - g) <= about)
    if ok:
        return _record(claim, "confirmed", f"{flow} {abs(b):,.0f} → {abs(c):,.0f} US$ mn: "
                       f"{g:+.1f} % ({plus_minus(band_pts)} from the rounding of both years); rests on "
                       f"{rests}", computed=round(g, 2), band=band_pts, claimed=stated, **kw)
    if fy and not span:  # the same change from other sources' figures (provisional, revised)
        alt = stated_figures(partner, reporter)
        alt = alt[alt["flow"] == flow]
        for x in alt[alt["fiscal_year"] == fy].itertuples():
            for y in alt[alt["fiscal_year"] == prev_fy].itertuples():
                g2 = (abs(x.value_usd_mn) / abs(y.value_usd_mn) - 1) * 100
                hx, hy = HALF_WIDTH.get(x.precision, 0), HALF_WIDTH.get(y.precision, 0)
                b2 = growth_band(x.value_usd_mn, hx, y.value_usd_mn, hy)
                if rounding_agrees(g2 - stated, _half_unit(claim.value), b2) or (
                        about > 0 and abs(stated - g2) <= about):
                    sy, sx = row_status(prev_fy, y.source_id, y.status), row_status(
                        fy, x.source_id, x.status)
                    return _record(claim, "confirmed", f"agrees using {source_name(y.source_id)} "
                                   f"({sy}, {abs(y.value_usd_mn):,.0f}) and "
                                   f"{source_name(x.source_id)} "
                                   f"({sx}, {abs(x.value_usd_mn):,.0f}): {g2:+.2f} %; the "
                                   f"chosen series gives {g:+.1f} % (provisional vs revised)",
                                   computed=round(g2, 2), source=f"{y.source_id}+{x.source_id}",
                                   period=label, claimed=stated, band=b2, derived=True,
                                   status=combined_status([(prev_fy, y.source_id, y.status),
                                                           (fy, x.source_id, x.status)]))
    return _record(claim, "differs", f"{flow} {abs(b):,.0f} → {abs(c):,.0f} US$ mn: {g:+.1f} %"
                   f" ({plus_minus(band_pts)}; rounding or revised figures); rests on {rests}",
                   computed=round(g, 2), band=band_pts, claimed=stated, **kw)


def _about_tolerance(claim) -> float:
    """How far "about N per cent" may be from the data, in points: 1, or a tenth of a round
    figure ("about 20 per cent" is a multiple of five written loosely: ±2); 0 when the figure
    is not qualified as approximate."""
    if claim.qualifier != "about":
        return 0.0
    v = abs(claim.value)
    return max(1.0, 0.1 * v) if v >= 10 and v % 5 == 0 else 1.0


_FROM_FIGURE = re.compile(r"\bfrom\s+(?:USD|US\$|\$)\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s?"
                          r"(?P<scale>billion|bn|million|mn)\b", re.IGNORECASE)


#: "fell 33% between 2020–21 and 2024–25": the base year of the change.
_BETWEEN_FY = re.compile(r"^[^,;$]{0,20}?\s(?:between|from)\s+(?:FY\s?)?((?:19|20)\d{2})[-–](\d{2})\s+(?:and|to)\b",
                         re.IGNORECASE)
_FROM_FY = re.compile(r"\bfrom\s+(?:US\$|\$|USD|Rs\.?|₹)\s?[\d.,]+\s*(?:billion|bn|million|mn|"
                      r"crore)?\s+in\s+(?:FY\s?)?((?:19|20)\d{2})[-–](\d{2})\b", re.IGNORECASE)


def _base_year(after: str, partner: str, reporter: str, flow: str, fy: str) -> str | None:
    """"rose by 44.7 per cent, from USD 70.32 billion to …": the earlier fiscal year whose
    figure the change starts from, found by the stated base value in the data (None when the
    sentence names no base or no year's figure matches it)."""
    m = _FROM_FIGURE.search(after)
    if not m:
        return None
    scale = 1000.0 if m["scale"].lower() in ("billion", "bn") else 1.0
    value = float(m["num"].replace(",", "")) * scale
    half = _half_unit(float(m["num"].replace(",", ""))) * scale
    rows = stated_figures(partner, reporter)
    rows = rows[(rows["flow"] == flow) & (rows["fiscal_year"] < fy)]
    hits = [r.fiscal_year for r in rows.itertuples()
            if abs(abs(r.value_usd_mn) - value) <= half + HALF_WIDTH.get(r.precision, 0)]
    return max(hits) if hits else None


#: The total a share is of, when it is a region's or a grouping's rather than India's.
_OF_A_REGION = re.compile(
    r"^[^.;]{0,60}?\b(?:with|to|from|in|among|within)\s+(?:the\s+)?(?P<region>ASEAN|EU|"
    r"European\s+Union|GCC|Gulf(?:\s+Cooperation\s+Council)?|SAARC|South\s+Asia|Africa|Europe|"
    r"Latin\s+America|(?:the\s+)?region|Asia|BRICS|SCO|Middle\s+East|West\s+Asia)\b",
    re.IGNORECASE)


def _check_share_claim(claim, reporter: str) -> dict:
    value = claim.value * 100 if claim.kind == "fraction" else claim.value
    fy = _fy_of(claim.period)
    if claim.product:
        t = load_table("trade/product_highlights")
        rows = t[(t["reporter"] == reporter) & (t["partner"] == claim.partner)
                 & (t["fiscal_year"] == fy) & t["share_pct"].notna()]
        sent = claim.sentence.lower()
        if "from russia" in sent or f"imports from {in_text(claim.partner).lower()}" in sent:
            for r in rows.itertuples():
                if abs(r.share_pct - value) <= max(_half_unit(claim.value), 1.0):
                    return _record(claim, "confirmed", f"{r.item}: {r.share_pct:g} %",
                                   computed=r.share_pct, source=r.source_id, claimed=value)
        return _record(claim, "cannot check", f"the data hold no share of India's "
                       f"{claim.product} imports by supplier for {claim.period or 'that period'}"
                       " (a share, not a growth rate)", claimed=value)
    flow = claim.flow if claim.flow in ("import", "export") else "total"
    at = claim.sentence.find(claim.text)
    region = _OF_A_REGION.match(claim.sentence[at + len(claim.text):]) if at >= 0 else None
    if region:  # "29 per cent of India's trade with ASEAN": not a share of India's total
        return _record(claim, "cannot check", f"a share of trade with {region['region']}, which "
                       "the data do not total", claimed=value)
    if fy and claim.flow in ("import", "export", "total", None) and claim.partner != "WLD":
        from analysis.trade.series import chosen

        a, w = chosen(claim.partner, fy, flow, reporter), chosen("WLD", fy, flow, reporter)
        if a is not None and w is not None and w.value:
            got = a.value / w.value * 100
            band = got * (a.half_width / abs(a.value) + w.half_width / abs(w.value))
            ok = abs(got - value) <= max(_half_unit(claim.value), 0.5) + band
            what = "total trade" if flow == "total" else f"{flow}s"
            return _record(claim, "confirmed" if ok else "differs",
                           f"{in_text(claim.partner)}'s share of India's {what} in {fy}: "
                           f"{a.value:,.0f} of {w.value:,.0f} US$ mn",
                           computed=round(got, 2), source=f"{a.source_id}+{w.source_id}",
                           claimed=value, band=band, derived=True,
                           status=weakest_status(
                               series_status(claim.partner, reporter, fy, flow, a.source_id,
                                             a.status),
                               series_status("WLD", reporter, fy, flow, w.source_id, w.status)))
    return _record(claim, "cannot check", "a share of a total the data do not break down "
                   "(a share, never checked as growth)", claimed=value)


def _check_rank_claim(claim, reporter: str) -> dict:
    from analysis.trade.rank import partner_totals

    fy = _fy_of(claim.period)
    years = _whole_fiscal_years(claim.period)
    if fy is None and len(years) > 1 and not _RANK_AS.search(claim.text):
        # "top trading partner in the fiscal years 2021-22 and 2022-23": each year in turn
        records = [_check_rank_claim(replace(claim, period=y), reporter) for y in years]
        verdicts = [r["verdict"] for r in records]
        verdict = ("differs" if "differs" in verdicts else "confirmed"
                   if all(v == "confirmed" for v in verdicts) else "cannot check")
        return _record(claim, verdict, "; ".join(f"{y}: {r['reason']}"
                                                 for y, r in zip(years, records)),
                       computed=int(claim.value) if verdict == "confirmed" else None,
                       source="+".join(dict.fromkeys(r["source"] for r in records
                                                     if r.get("source"))))
    as_what = _RANK_AS.search(claim.text)
    if as_what:  # "the biggest fertiliser supplier", "second-largest import source"
        return _record(claim, "cannot check", f"a rank as {as_what.group().lower()}: ranks are "
                       "held for total trade by fiscal year only")
    if not fy or claim.flow not in (None, "total") or claim.product:
        return _record(claim, "cannot check", "ranks are held for total trade by fiscal year "
                       "only")
    if fy not in available_fiscal_years(reporter):
        return _record(claim, "cannot check", f"{fy} is not covered by data/trade")
    tot = partner_totals(fy, reporter)
    row = tot[tot["partner"] == claim.partner]
    if row.empty:
        return _record(claim, "cannot check", f"no {fy} total for {in_text(claim.partner)}")
    got = int(row["rank"].iloc[0])
    where = f"rank {got} among the {len(tot)} partners the data cover in {fy}"
    if got < int(claim.value):  # partners the data do not cover may rank above it
        return _record(claim, "cannot check", f"{where}: too few partners covered to place "
                       f"it {int(claim.value)}", computed=got, source=row["source_id"].iloc[0])
    if got != int(claim.value):  # the order of the figures stated before any revision
        early = _rank_unrevised(fy, reporter, tot)
        if early.get(claim.partner) == int(claim.value):
            return _record(claim, "confirmed", f"agrees with the total trade figures stated "
                           f"before revision (rank {int(claim.value)}); revised figures since "
                           f"give {where}", computed=int(claim.value),
                           source=row["source_id"].iloc[0], status="provisional")
    return _record(claim, "confirmed" if got == int(claim.value) else "differs", where,
                   computed=got, source=row["source_id"].iloc[0])


def _whole_fiscal_years(period: str | None) -> list[str]:
    """``2021-04/2023-03`` → [FY2021-22, FY2022-23]; [] unless the span is whole fiscal
    years."""
    m = re.fullmatch(r"(\d{4})-04/(\d{4})-03", period or "")
    if not m or int(m[2]) <= int(m[1]):
        return []
    return [fy_label(y) for y in range(int(m[1]), int(m[2]))]


def _rank_unrevised(fy: str, reporter: str, tot: pd.DataFrame) -> dict[str, int]:
    """Ranks by the total trade each partner's sources stated for ``fy`` before any revision
    (a stated total that is not marked revised; else the series' value)."""
    values = {}
    for p, v in zip(tot["partner"], tot["total_usd_mn"]):
        rows = stated_figures(p, reporter)
        rows = rows[(rows["fiscal_year"] == fy) & (rows["flow"] == "total")
                    & (rows["status"] != "revised")]
        values[p] = float(rows["value_usd_mn"].iloc[0]) if len(rows) else float(v)
    order = sorted(values, key=lambda p: (-values[p], p))
    return {p: i + 1 for i, p in enumerate(order)}


#: A rank among suppliers, buyers or markets (of a product or of one flow), not among trading
#: partners by total trade.
_RANK_AS = re.compile(r"\b(?:[a-z]+\s+)?(?:supplier|source|buyer|importer|exporter|market|"
                      r"destination|consumer|producer)s?\b", re.IGNORECASE)


#: "services exports", "exports of goods and services": not merchandise trade alone.
_SERVICES = re.compile(r"\bservices\b(?![^,;]{0,40}\b(?:goods|merchandise)\s+(?:exports|imports))",
                       re.IGNORECASE)


def check_claim(claim, reporter: str = "IND") -> dict | None:
    """A verdict for one figure about trade (see analysis.article.measures for how a claim's
    measure, flow, partner and product are read), or None when the claim is not about trade.

    Verdicts: ``confirmed`` (within the claim's stated precision: "$65.7 billion" ±0.05 bn,
    "over $18 billion" a lower bound, "close to" ±5 %), ``differs`` (with the likely reason:
    another source's figure, another flow, calendar vs fiscal year, rounding), ``cannot
    check`` (no data for that period, partner or product) and ``not checkable`` (a target or
    forecast). A share is checked as a share, never as growth.
    """
    measure = claim.measure
    if measure not in TRADE_MEASURES:
        return None
    if measure == "target":
        return _record(claim, "not checkable", "a target or forecast"
                       + (f" for {claim.period}" if claim.period else "")
                       + ": no data can confirm it yet")
    if measure in ("tariff", "savings", "price", "volume"):
        return _record(claim, "cannot check", f"the data hold no {measure} figures")
    at = claim.sentence.find(claim.text)
    if at >= 0 and _SERVICES.search(claim.sentence[max(0, at - 70):at]):
        return _record(claim, "cannot check", "a figure for services (or goods and services): "
                       "the data hold merchandise trade only")
    if not claim.partner or claim.partner == reporter or \
            claim.partner not in available_partners_safe(reporter) | {"WLD"}:
        return _record(claim, "cannot check", "no trade partner the data cover is named for "
                       "the figure" if not claim.partner else
                       f"no trade data for {in_text(claim.partner)}")
    if claim.period is None and getattr(claim, "period_in_force", None) \
            and measure in _IN_FORCE_MEASURES:
        return _check_in_force(claim, reporter)
    return _check_stated(claim, reporter)


#: Figures a period in force may confirm: levels, shares and ranks (not growth, whose base
#: the period alone does not fix).
_IN_FORCE_MEASURES = ("total_trade", "exports", "imports", "balance", "share", "rank")


def _check_in_force(claim, reporter: str) -> dict:
    """A figure whose own paragraph states no period, checked against the period the article
    was speaking of before it: confirmed when the data for that period agree (an analyst
    reads "exports were $X" after a lead on FY2024-25 as FY2024-25), else cannot check — a
    period the text does not state is never grounds for "differs"."""
    in_force = claim.period_in_force
    trial = _check_stated(replace(claim, period=in_force, period_from="in force"), reporter)
    if trial is not None and trial["verdict"] == "confirmed":
        trial["reason"] = (f"no period stated for the figure; read as {in_force}, the period "
                           f"the article speaks of before it: {trial['reason']}")
        return trial
    found = ""
    if claim.kind == "money" and trial is not None and trial.get("computed") is not None \
            and not pd.isna(trial["computed"]):
        found = f" (for {in_force}, which the article speaks of before it, the data give " \
                f"{trial['computed']:,.2f}{' ' + claim.scale if claim.scale else ''})"
    return _record(claim, "cannot check", f"no period stated for the figure{found}")


def _check_stated(claim, reporter: str) -> dict:
    """The verdict for a figure read with the period it has (see :func:`check_claim`)."""
    measure = claim.measure
    if measure == "share":
        return _check_share_claim(claim, reporter)
    if measure == "growth":
        return _check_growth_claim(claim, reporter)
    if measure == "rank":
        return _check_rank_claim(claim, reporter)
    if claim.kind != "money" or claim.unit != "USD":
        return _record(claim, "cannot check", f"the data hold US$ figures only, not {claim.unit}")
    return _check_money_claim(claim, reporter)


def available_partners_safe(reporter: str) -> set:
    from analysis.trade.series import available_partners

    return set(available_partners(reporter))
