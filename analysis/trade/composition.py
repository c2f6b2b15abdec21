"""What India buys from and sells to a partner: shares of HS 2-digit chapters in each flow, the
largest chapters, and how concentrated a flow is (Herfindahl–Hirschman index, 0–10,000).

Values in US$ million, shares in percent, by Indian fiscal year; only complete chapter
breakdowns from data/trade/hs2_composition are used (not truncated extracts).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.datasets import load_table
from analysis.errors import ParameterError
from analysis.trade.series import check_partner

#: HS chapter 27: mineral fuels, mineral oils and products of their distillation.
MINERAL_FUELS = "27"


def _chapters() -> pd.DataFrame:
    return load_table("trade/hs2_chapters")


def composition(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
                reporter: str = "IND") -> pd.DataFrame:
    """Every HS 2-digit chapter of one flow with one partner in one fiscal year, largest first.

    Only complete chapter breakdowns are used (not truncated extracts). Columns: hs_chapter,
    chapter_name, value_usd_mn (US$ million), share_pct (percent of the flow's chapter sum),
    source_id, status. Empty when the data have no complete breakdown for that year.
    """
    if flow not in ("export", "import"):
        raise ParameterError(f"flow {flow!r} must be 'export' or 'import'")
    check_partner(partner, reporter, allow_world=True)
    df = load_table("trade/hs2_composition")
    df = df[(df["reporter"] == reporter) & (df["partner"] == partner) & (df["fiscal_year"] == fy)
            & (df["flow"] == flow) & (df["coverage"] == "complete")]
    df = df.merge(_chapters()[["hs_chapter", "chapter_name"]], on="hs_chapter", how="left")
    total = df["value_usd_mn"].sum()
    df["share_pct"] = df["value_usd_mn"] / total * 100 if total else np.nan
    df = df.sort_values(["value_usd_mn", "hs_chapter"], ascending=[False, True])
    out = df[["hs_chapter", "chapter_name", "value_usd_mn", "share_pct", "source_id", "status"]]
    out = out.reset_index(drop=True)
    out.attrs["meta"] = load_table("trade/hs2_composition").attrs["meta"]
    return out


def composition_years(partner: str = "RUS", reporter: str = "IND") -> list[str]:
    """Fiscal years with a complete HS-chapter breakdown for ``partner`` (both flows)."""
    df = load_table("trade/hs2_composition")
    df = df[(df["reporter"] == reporter) & (df["partner"] == partner) & (df["coverage"] == "complete")]
    both = df.groupby("fiscal_year")["flow"].nunique()
    return sorted(both[both == 2].index)


def top_chapters(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
                 top_n: int = 10, reporter: str = "IND") -> pd.DataFrame:
    """The ``top_n`` largest HS chapters plus one 'All other chapters' row (US$ million, percent)."""
    if int(top_n) < 1:
        raise ParameterError(f"top_n must be a positive whole number; got {top_n!r}")
    comp = composition(partner, fy, flow, reporter)
    top = comp.head(int(top_n)).copy()
    rest = comp.iloc[int(top_n):]
    if len(rest):
        top.loc[len(top)] = {"hs_chapter": "other",
                             "chapter_name": f"All other chapters ({len(rest)})",
                             "value_usd_mn": rest["value_usd_mn"].sum(),
                             "share_pct": rest["share_pct"].sum(),
                             "source_id": comp["source_id"].iloc[0], "status": comp["status"].iloc[0]}
    top.attrs = comp.attrs
    return top


def mineral_fuels_share(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
                        reporter: str = "IND") -> float:
    """Share of HS 27 (mineral fuels, oils) in one flow, percent; NaN without a complete breakdown."""
    comp = composition(partner, fy, flow, reporter)
    if comp.empty:
        return float("nan")
    return float(comp.loc[comp["hs_chapter"] == MINERAL_FUELS, "share_pct"].sum())


def hhi_from_values(values) -> float:
    """Herfindahl–Hirschman index of a set of non-negative values, on the 0–10,000 scale.

    HHI = Σ (100 × sᵢ)² with sᵢ each value's share of the sum: 10,000 = one chapter only;
    values near 0 = spread evenly over many. NaN for an empty or all-zero set.
    """
    v = pd.Series(values, dtype=float).dropna()
    if (v < 0).any():
        raise ParameterError("HHI needs non-negative values")
    total = v.sum()
    if len(v) == 0 or total == 0:
        return float("nan")
    return float(((v / total * 100) ** 2).sum())


def hhi(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
        reporter: str = "IND") -> float:
    """Concentration of one flow across HS 2-digit chapters: HHI on the 0–10,000 scale
    (above 2,500 is commonly called highly concentrated). NaN without a complete breakdown."""
    comp = composition(partner, fy, flow, reporter)
    return hhi_from_values(comp["value_usd_mn"]) if len(comp) else float("nan")


def concentration(partner: str = "RUS", reporter: str = "IND") -> pd.DataFrame:
    """HHI (0–10,000) of exports and of imports by fiscal year, for the years with a complete
    chapter breakdown. Columns: fiscal_year, hhi_export, hhi_import, hs27_import_share_pct."""
    rows = [{"fiscal_year": fy, "hhi_export": hhi(partner, fy, "export", reporter),
             "hhi_import": hhi(partner, fy, "import", reporter),
             "hs27_import_share_pct": mineral_fuels_share(partner, fy, "import", reporter)}
            for fy in composition_years(partner, reporter)]
    return pd.DataFrame(rows, columns=["fiscal_year", "hhi_export", "hhi_import",
                                       "hs27_import_share_pct"])

