"""Wording, tables and source notes of the trade-imbalance report, built from the trade rooms
(series, rank, composition, claims): chart titles that state the finding, the headline paragraph,
the coverage sentence, the tables as shown, and the lines that cite the sources behind them.

Money is US$ million at current prices unless a text says billion; years are Indian fiscal years
(April–March) labelled like "FY2023-24". Functions that return Markdown escape every piece of
text taken from data files (sidecar gaps, source titles) with ``display.escape``.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.countries import in_text, name
from analysis.datasets import load_table, source_line
from analysis.display import escape
from analysis.trade.composition import (
    MINERAL_FUELS,
    composition,
    composition_years,
    concentration,
    hhi,
)
from analysis.trade.series import (
    FLOWS,
    bilateral_series,
    bilateral_wide,
    cagr,
    used_source_ids,
    yoy_growth,
)

GAP_TABLES = ("trade/bilateral_fy", "trade/hs2_composition", "trade/product_highlights")


# ---------------------------------------------------------------- numbers in words

def usd_bn(value_usd_mn: float) -> str:
    """A US$ million amount written in billions for prose: 65700 → 'US$ 65.7 bn'."""
    if pd.isna(value_usd_mn):
        return "not available"
    return f"US$ {value_usd_mn / 1000:,.1f} bn"


def headline_text(h: dict, partner: str) -> str:
    """One paragraph of the headline numbers (`series.headline` dict, US$ million) in words."""
    status = "provisional" if h["status"] == "provisional" else "final"
    growth = (f"{h['total_growth_pct']:+.0f} % on the year before" if pd.notna(h["total_growth_pct"])
              else "growth on the year before cannot be computed (previous year missing)")
    side = "deficit" if h["balance"] < 0 else "surplus"
    return (f"In **{h['fiscal_year']}** ({status} figures) India's trade with {in_text(partner)} totalled "
            f"**{usd_bn(h['total'])}** ({growth}). India exported {usd_bn(h['export'])} "
            f"and imported {usd_bn(h['import'])}: a {side} of "
            f"**{usd_bn(abs(h['balance']))}**. Exports paid for {h['cover_ratio']:.0%} of imports "
            f"(cover ratio {h['cover_ratio']:.2f}).")


def coverage_summary(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                     fy_to: str | None = None) -> str:
    """A sentence on the gaps in the chosen series: years with no figure, years with a total but
    no export/import split, years with derived values, and the compound growth of the total (%
    a year) between the first and last years that have one."""
    s = bilateral_series(partner, reporter, fy_from, fy_to)
    w = s.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")
    gaps = [fy for fy in w.index if w.loc[fy].isna().all()]
    split = [fy for fy in w.index if pd.isna(w.loc[fy, "export"]) and pd.notna(w.loc[fy, "total"])]
    derived = sorted(set(s.loc[s["derived"], "fiscal_year"]))
    text = (f"Years with no figure at all: {', '.join(gaps) or 'none'}. Years with a total but no "
            f"export/import split: {', '.join(split) or 'none'}. Years with a derived value: "
            f"{', '.join(derived) or 'none'}.")
    ends = w["total"].dropna()
    if len(ends) > 1:
        g = cagr(w["total"], ends.index[0], ends.index[-1])
        text += (f" Total trade changed by {g:+.1f} % a year (compound growth) from "
                 f"{ends.index[0]} to {ends.index[-1]}; years between are not needed for this.")
    return text


# ---------------------------------------------------------------- chart titles (the finding)

def balance_finding(h: dict) -> str:
    """One sentence stating the balance finding of a ``headline`` dict (for chart titles)."""
    p, fy = in_text(h["partner"]), h["fiscal_year"]
    if h["balance"] < 0:
        return (f"India bought {h['import'] / h['export']:.0f}× more from {p} than it sold "
                f"in {fy}" if h["export"] > 0 else f"India bought from {p} and sold nothing in {fy}")
    return f"India sold {h['export'] / h['import']:.1f}× more to {p} than it bought in {fy}"


def composition_finding(partner: str, fy: str, flow: str, reporter: str = "IND") -> str:
    """One sentence stating the composition finding for a chart title: the largest chapter's
    share, and for exports how concentration (HHI) compares with imports."""
    comp = composition(partner, fy, flow, reporter)
    if comp.empty:
        return f"No chapter breakdown for {in_text(partner)} in {fy}"
    lead = comp.iloc[0]
    label = "Mineral fuels (HS 27)" if lead["hs_chapter"] == MINERAL_FUELS else f"HS {lead['hs_chapter']}"
    direction = "imports from" if flow == "import" else "exports to"
    text = f"{label} made up {lead['share_pct']:.0f} % of India's {direction} {in_text(partner)} in {fy}"
    if flow == "export":
        hx, hm = hhi(partner, fy, "export", reporter), hhi(partner, fy, "import", reporter)
        more = "less" if hx < hm else "more"
        text += f";\nexports are {more} concentrated than imports (HHI {hx:,.0f} vs {hm:,.0f})"
    return text


def rank_title(totals: pd.DataFrame, partner: str, fy: str) -> str:
    """Chart title stating the partner's rank in `rank.partner_totals(fy)`."""
    r = int(totals.loc[totals["partner"] == partner, "rank"].iloc[0])
    return f"{name(partner)} was India's no. {r} trading partner in {fy} among {len(totals)} partners covered"


# ---------------------------------------------------------------- tables as shown

def yearly_table(series: pd.DataFrame) -> pd.DataFrame:
    """Fiscal year × export/import/total/balance (US$ million) from `bilateral_series`, plus
    "cover ratio" (exports / imports), "total growth, %" (on the year before) and "sources" (ids)."""
    table = series.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")
    table = table.reindex(columns=list(FLOWS))
    table["cover ratio"] = table["export"] / table["import"]
    table["total growth, %"] = yoy_growth(table["total"])
    table["sources"] = series.groupby("fiscal_year")["source_id"].apply(
        lambda s: ", ".join(sorted(_split_ids(s))))
    return table


def composition_year(partner: str, reporter: str, years: list[str]) -> str | None:
    """Latest fiscal year in `years` with an HS-chapter breakdown, preferring one whose import
    chapters are all final; None when no year in `years` has a breakdown."""
    comp_years = [fy for fy in composition_years(partner, reporter) if fy in years]
    final = [fy for fy in comp_years
             if composition(partner, fy, "import", reporter)["status"].eq("final").all()]
    return final[-1] if final else (comp_years[-1] if comp_years else None)


def concentration_table(partner: str, reporter: str, years: list[str]) -> pd.DataFrame:
    """`composition.concentration` (HHI 0–10,000, HS 27 share %) restricted to fiscal years `years`."""
    conc = concentration(partner, reporter)
    return conc[conc["fiscal_year"].isin(years)].reset_index(drop=True)


def product_highlights(partner: str, years: list[str]) -> pd.DataFrame:
    """Items and shares stated by sources for `partner` in `years` (value US$ million, share %)."""
    hl = load_table("trade/product_highlights")
    return hl[(hl["partner"] == partner) & hl["fiscal_year"].isin(years)]


def comparison_totals(partners: list[str], reporter: str, fy_from: str, fy_to: str) -> pd.DataFrame:
    """Total trade with the reporter (US$ million), fiscal year × partner display name."""
    return pd.DataFrame({name(c): bilateral_wide(c, reporter, fy_from, fy_to)["total"]
                         for c in partners})


def claims_display(claims: pd.DataFrame) -> pd.DataFrame:
    """`claims.check_claims` without the sentence, source ids spaced as "A + B" for reading."""
    return claims.drop(columns=["sentence"]).assign(
        source_ids=claims["source_ids"].str.replace("+", " + "))


# ---------------------------------------------------------------- sources

def _split_ids(ids) -> set[str]:
    """Source ids from "A+B" strings (None/NaN/empty skipped)."""
    return {i for s in ids if isinstance(s, str) and s for i in s.split("+")}


def table_source(table: str, used_ids) -> str:
    """Markdown source line (escaped) citing the sources ``used_ids`` of data table ``table``
    (e.g. ``"trade/bilateral_fy"``), for the note under a table."""
    return escape(source_line(load_table(table), used_ids=set(used_ids)))


def rank_source_ids(totals: pd.DataFrame, top: int = 15) -> set[str]:
    """Source ids behind the `top` partners of a `rank.partner_totals` table."""
    return _split_ids(totals["source_id"].head(top))


def comparison_source_ids(partners: list[str], reporter: str, fy_from: str, fy_to: str) -> set[str]:
    """Source ids behind the chosen totals of every partner in `comparison_totals`."""
    return set().union(*(used_source_ids(bilateral_series(c, reporter, fy_from, fy_to))
                         for c in partners))


def claims_source_ids(claims: pd.DataFrame) -> set[str]:
    """Source ids used to check the claims (empty when no claim could be checked)."""
    return _split_ids(claims["source_ids"])


def concentration_source_note(partner: str, reporter: str, years: list[str]) -> str:
    """Source line (Markdown, escaped) for `concentration_table`: the sources of the chapter rows
    it is computed from."""
    ids = {i for fy in years if fy in composition_years(partner, reporter)
           for flow in ("export", "import")
           for i in composition(partner, fy, flow, reporter)["source_id"]}
    return table_source("trade/hs2_composition", ids)


def claims_source_note(claims: pd.DataFrame, partner: str) -> str:
    """Source line (Markdown, escaped) for the claims table, or a sentence saying no data source
    was used."""
    ids = claims_source_ids(claims)
    if not ids:
        return f"No claim could be checked against data for {in_text(partner)}; no data source was used."
    return table_source("trade/bilateral_fy", ids)


def gaps_markdown(table: str) -> str:
    """Markdown: a data table's title, coverage and the gaps listed in its sidecar (escaped)."""
    meta = load_table(table).attrs["meta"]
    return (f"**{escape(meta.title)}** — coverage: {escape(meta.raw.get('coverage', ''))}\n\n"
            + "\n".join(f"- {escape(g)}" for g in meta.gaps))


def sources_markdown(series: pd.DataFrame, partner: str) -> str:
    """Markdown list of the sources behind a `bilateral_series`, with retrieval-date notes; every
    field read from the sidecar is escaped, the id shown as code."""
    ids = used_source_ids(series)
    used = [s for s in load_table("trade/bilateral_fy").attrs["meta"].sources if s["id"] in ids]
    items = [f"- {_code(s['id'])}: {escape(s['publisher'])}, *{escape(s['title'])}*, "
             f"{_linked(s.get('url') or s.get('document'))} (retrieved {escape(s['retrieved'])}; "
             f"{escape(s['licence'])})" for s in used]
    dates = sorted({f"{escape(s['retrieved'])}: {escape(s['retrieved_note'])}" for s in used})
    return (f"**Sources of the India–{name(partner)} series**\n\n" + "\n".join(items)
            + "\n\nWhat the retrieval dates mean: " + "; ".join(dates) + ".")


_URL = re.compile(r"https?://[^\s<>]+")


def _linked(text: str) -> str:
    """``text`` escaped for Markdown, with each web address in it as an autolink ``<url>``:
    an escaped address would be linked by the renderer with its backslashes in it."""
    parts, at = [], 0
    for m in _URL.finditer(str(text)):
        parts += [escape(text[at:m.start()]), f"<{m.group()}>"]
        at = m.end()
    return "".join(parts) + escape(str(text)[at:])


def _code(text: str) -> str:
    """``text`` as a Markdown code span (literal inside; a backtick becomes a quote)."""
    return "`" + str(text).replace("`", "'") + "`"
