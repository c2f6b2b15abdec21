"""Tables, prose and source lists of the trade-imbalance report, built from `analysis.trade`.

Money is US$ million at current prices unless a text says billion; years are Indian fiscal years
(April–March) labelled like "FY2023-24".
"""
from __future__ import annotations

import pandas as pd

from analysis import trade
from analysis.countries import in_text, name
from analysis.datasets import load_table, source_line

GAP_TABLES = ("trade/bilateral_fy", "trade/hs2_composition", "trade/product_highlights")


def _split_ids(ids) -> set[str]:
    """Source ids from "A+B" strings (None/NaN/empty skipped)."""
    return {i for s in ids if isinstance(s, str) and s for i in s.split("+")}


def yearly_table(series: pd.DataFrame) -> pd.DataFrame:
    """Fiscal year × export/import/total/balance (US$ million) from `trade.bilateral_series`, plus
    "cover ratio" (exports / imports), "total growth, %" (on the year before) and "sources" (ids)."""
    table = series.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")
    table = table.reindex(columns=list(trade.FLOWS))
    table["cover ratio"] = table["export"] / table["import"]
    table["total growth, %"] = trade.yoy_growth(table["total"])
    table["sources"] = series.groupby("fiscal_year")["source_id"].apply(
        lambda s: ", ".join(sorted(_split_ids(s))))
    return table


def headline_text(h: dict, partner: str) -> str:
    """One paragraph of the headline numbers (`trade.headline` dict, US$ million) in words."""
    status = "provisional" if h["status"] == "provisional" else "final"
    growth = (f"{h['total_growth_pct']:+.0f} % on the year before" if pd.notna(h["total_growth_pct"])
              else "growth on the year before cannot be computed (previous year missing)")
    side = "deficit" if h["balance"] < 0 else "surplus"
    return (f"In **{h['fiscal_year']}** ({status} figures) India's trade with {in_text(partner)} totalled "
            f"**{trade.usd_bn(h['total'])}** ({growth}). India exported {trade.usd_bn(h['export'])} "
            f"and imported {trade.usd_bn(h['import'])}: a {side} of "
            f"**{trade.usd_bn(abs(h['balance']))}**. Exports paid for {h['cover_ratio']:.0%} of imports "
            f"(cover ratio {h['cover_ratio']:.2f}).")


def composition_year(partner: str, reporter: str, years: list[str]) -> str | None:
    """Latest fiscal year in `years` with an HS-chapter breakdown, preferring one whose import
    chapters are all final; None when no year in `years` has a breakdown."""
    comp_years = [fy for fy in trade.composition_years(partner, reporter) if fy in years]
    final = [fy for fy in comp_years
             if trade.composition(partner, fy, "import", reporter)["status"].eq("final").all()]
    return final[-1] if final else (comp_years[-1] if comp_years else None)


def concentration_table(partner: str, reporter: str, years: list[str]) -> pd.DataFrame:
    """`trade.concentration` (HHI 0–10,000, HS 27 share %) restricted to fiscal years `years`."""
    conc = trade.concentration(partner, reporter)
    return conc[conc["fiscal_year"].isin(years)].reset_index(drop=True)


def concentration_source_note(partner: str, reporter: str, years: list[str]) -> str:
    """Source line for `concentration_table`: the sources of the chapter rows it is computed from."""
    ids = {i for fy in years if fy in trade.composition_years(partner, reporter)
           for flow in ("export", "import")
           for i in trade.composition(partner, fy, flow, reporter)["source_id"]}
    return source_line(load_table("trade/hs2_composition"), used_ids=ids)


def product_highlights(partner: str, years: list[str]) -> pd.DataFrame:
    """Items and shares stated by sources for `partner` in `years` (value US$ million, share %)."""
    hl = load_table("trade/product_highlights")
    return hl[(hl["partner"] == partner) & hl["fiscal_year"].isin(years)]


def rank_title(totals: pd.DataFrame, partner: str, fy: str) -> str:
    """Chart title stating the partner's rank in `trade.partner_totals(fy)`."""
    r = int(totals.loc[totals["partner"] == partner, "rank"].iloc[0])
    return f"{name(partner)} was India's no. {r} trading partner in {fy} among {len(totals)} partners covered"


def rank_source_ids(totals: pd.DataFrame, top: int = 15) -> set[str]:
    """Source ids behind the `top` partners of a `trade.partner_totals` table."""
    return _split_ids(totals["source_id"].head(top))


def comparison_totals(partners: list[str], reporter: str, fy_from: str, fy_to: str) -> pd.DataFrame:
    """Total trade with the reporter (US$ million), fiscal year × partner display name."""
    return pd.DataFrame({name(c): trade.bilateral_wide(c, reporter, fy_from, fy_to)["total"]
                         for c in partners})


def comparison_source_ids(partners: list[str], reporter: str, fy_from: str, fy_to: str) -> set[str]:
    """Source ids behind the chosen totals of every partner in `comparison_totals`."""
    return set().union(*(trade.used_source_ids(trade.bilateral_series(c, reporter, fy_from, fy_to))
                         for c in partners))


def claims_display(claims: pd.DataFrame) -> pd.DataFrame:
    """`trade.check_claims` without the sentence, source ids spaced as "A + B" for reading."""
    return claims.drop(columns=["sentence"]).assign(
        source_ids=claims["source_ids"].str.replace("+", " + "))


def claims_source_ids(claims: pd.DataFrame) -> set[str]:
    """Source ids used to check the claims (empty when no claim could be checked)."""
    return _split_ids(claims["source_ids"])


def gaps_markdown(table: str) -> str:
    """Markdown: a data table's title, coverage and the gaps listed in its sidecar."""
    meta = load_table(table).attrs["meta"]
    return (f"**{meta.title}** — coverage: {meta.raw.get('coverage', '')}\n\n"
            + "\n".join(f"- {g}" for g in meta.gaps))


def sources_markdown(series: pd.DataFrame, partner: str) -> str:
    """Markdown list of the sources behind a `trade.bilateral_series`, with retrieval-date notes."""
    ids = trade.used_source_ids(series)
    used = [s for s in load_table("trade/bilateral_fy").attrs["meta"].sources if s["id"] in ids]
    return ("**Sources of the India–" + name(partner) + " series**\n\n" + "\n".join(
        f"- `{s['id']}`: {s['publisher']}, *{s['title']}*, {s.get('url') or s.get('document')} "
        f"(retrieved {s['retrieved']}; {s['licence']})" for s in used)
        + "\n\nWhat the retrieval dates mean: " + "; ".join(sorted(
            {f"{s['retrieved']}: {s['retrieved_note']}" for s in used})) + ".")


def claims_source_note(claims: pd.DataFrame, partner: str) -> str:
    """Source line for the claims table, or a sentence saying no data source was used."""
    ids = claims_source_ids(claims)
    if not ids:
        return f"No claim could be checked against data for {in_text(partner)}; no data source was used."
    return source_line(load_table("trade/bilateral_fy"), used_ids=ids)
