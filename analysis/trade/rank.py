"""How a partner ranks among India's partners: total trade (exports + imports) of every partner
in a fiscal year, the partner's share of the reporter's world total, and its rank among the
partners the data cover (which is not every partner India trades with). US$ million; percent.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.countries import WORLD
from analysis.trade.series import (
    available_fiscal_years,
    available_partners,
    bilateral_series,
    chosen,
    fiscal_years,
)


def partner_totals(fy: str, reporter: str = "IND") -> pd.DataFrame:
    """Total trade (X+M) of ``reporter`` with every partner in the data for fiscal year ``fy``.

    Columns: partner, total_usd_mn, source_id, status, derived, rank (1 = largest), share_pct (of
    the reporter's world total, NaN where that is missing). Rank is among the partners covered by
    the data for that year, which is not an exhaustive list of India's partners.
    """
    fiscal_years(fy, fy, reporter)
    rows = []
    for p in available_partners(reporter):
        c = chosen(p, fy, "total", reporter)
        if c is None:
            continue
        rows.append({"partner": p, "total_usd_mn": c.value, "source_id": c.source_id,
                     "status": c.status, "derived": c.derived})
    df = pd.DataFrame(rows, columns=["partner", "total_usd_mn", "source_id", "status", "derived"])
    df = df.sort_values(["total_usd_mn", "partner"], ascending=[False, True]).reset_index(drop=True)
    df["rank"] = np.arange(1, len(df) + 1)
    world = bilateral_series(WORLD, reporter)
    w = world[(world["fiscal_year"] == fy) & (world["flow"] == "total")]["value_usd_mn"]
    wt = float(w.iloc[0]) if len(w) else np.nan
    df["share_pct"] = df["total_usd_mn"] / wt * 100
    df.attrs.update(fiscal_year=fy, world_total_usd_mn=wt, n_partners=len(df))
    return df


def partner_share(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                  fy_to: str | None = None) -> pd.DataFrame:
    """Partner's share of the reporter's total trade (X+M) by fiscal year, percent.

    Columns: fiscal_year, partner_total_usd_mn, world_total_usd_mn, share_pct (NaN where either is
    missing), rank and n_partners (rank among the partners covered by the data that year; not an
    exhaustive ranking of all of India's partners).
    """
    p = bilateral_series(partner, reporter, fy_from, fy_to)
    fys = list(dict.fromkeys(p["fiscal_year"]))
    world_years = set(available_fiscal_years(reporter))
    w = bilateral_series(WORLD, reporter)
    w = w[w["flow"] == "total"].set_index("fiscal_year")["value_usd_mn"]
    rows = []
    for fy in fys:
        pt = p[(p["fiscal_year"] == fy) & (p["flow"] == "total")]["value_usd_mn"].iloc[0]
        wt = w.get(fy, np.nan)
        rank, n = np.nan, 0
        if pd.notna(pt) and fy in world_years:
            tab = partner_totals(fy, reporter)
            n = len(tab)
            if n >= 2:  # a rank among one partner says nothing
                rank = int(tab.loc[tab["partner"] == partner, "rank"].iloc[0])
        rows.append({"fiscal_year": fy, "partner_total_usd_mn": pt, "world_total_usd_mn": wt,
                     "share_pct": pt / wt * 100 if pd.notna(pt) and pd.notna(wt) else np.nan,
                     "rank": rank, "n_partners": n})
    return pd.DataFrame(rows)



def rank_year(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
              fy_to: str | None = None) -> str | None:
    """The fiscal year in the range whose data cover the most partners, among those with a total
    for ``partner`` (latest on ties); None if no year has a rank."""
    share = partner_share(partner, reporter, fy_from, fy_to)
    share = share[share["rank"].notna()]
    if share.empty:
        return None
    return share.sort_values(["n_partners", "fiscal_year"]).iloc[-1]["fiscal_year"]

