"""Charts for the trade report, in the house style (analysis/charts.py).

Each function draws one figure from library output and returns it; the title (stating the
finding) is passed in by the caller, the caption and the source line are put under the figure.
Values are plotted in US$ billion for legibility (axis labels say so); missing years stay empty.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.charts import WIDTH_IN, annotate, figure
from analysis.countries import name
from analysis.display import number
from analysis.trade.chapters import short_name

EXPORT, IMPORT, BALANCE, TOTAL = "#1f4e79", "#c0504d", "#333333", "#bbbbbb"


def flows_chart(series: pd.DataFrame, *, title: str, caption: str, source: str):
    """Exports and imports as bars, the balance as a line, by fiscal year (US$ bn).

    ``series`` is ``analysis.trade.series.bilateral_series`` output. Years with only a total get
    a grey bar; years with no figure are left empty and labelled "no data". Provisional values are
    hatched; derived values (X+M, X−M …) have hollow markers / a dotted edge.
    """
    w = series.pivot(index="fiscal_year", columns="flow", values="value_usd_mn") / 1000
    meta = series.set_index(["fiscal_year", "flow"])
    fys = list(w.index)
    x = np.arange(len(fys))
    fig, ax = figure(figsize=(WIDTH_IN, 4.0))
    for flow, color, offset in (("export", EXPORT, -0.2), ("import", IMPORT, 0.2)):
        for i, fy in enumerate(fys):
            v = w.loc[fy, flow]
            if pd.isna(v):
                continue
            m = meta.loc[(fy, flow)]
            ax.bar(i + offset, v, width=0.4, color=color,
                   hatch="///" if m["status"] == "provisional" else None,
                   edgecolor="white" if m["status"] == "provisional" else color,
                   linestyle=":" if m["derived"] else "-")
    for i, fy in enumerate(fys):
        if pd.isna(w.loc[fy, "export"]) and pd.isna(w.loc[fy, "import"]):
            if pd.notna(w.loc[fy, "total"]):
                ax.bar(i, w.loc[fy, "total"], width=0.5, color=TOTAL)
            else:
                ax.text(i, 0.97, "no data", ha="center", va="top", rotation=90, fontsize=7,
                        color="#777777", transform=ax.get_xaxis_transform())
    bal = w["balance"]
    ax.plot(x, bal.values, color=BALANCE, marker="o", linewidth=1.5)
    derived = [meta.loc[(fy, "balance")]["derived"] for fy in fys]
    ax.scatter(x[derived], bal.values[derived], s=36, facecolor="white", edgecolor=BALANCE,
               zorder=3)
    ax.axhline(0, color="#888888", linewidth=0.8)
    ax.set_xlim(-0.6, len(fys) - 0.4)  # every year gets its slot, empty or not
    ax.set_xticks(x, fys, rotation=45, ha="right")
    ax.set_ylabel("US$ billion")
    ax.set_title(title)
    handles = [Patch(color=EXPORT, label="India's exports"),
               Patch(color=IMPORT, label="India's imports"),
               Patch(color=TOTAL, label="total only (no split stated)"),
               Patch(facecolor=IMPORT, hatch="///", edgecolor="white", label="provisional"),
               Line2D([], [], color=BALANCE, marker="o", label="balance (X − M)"),
               Line2D([], [], color=BALANCE, marker="o", markerfacecolor="white", linestyle="",
                      label="balance derived from X and M")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.22), fontsize=7,
              ncol=3)
    annotate(fig, caption=caption, source=source)
    return fig


def composition_chart(top: pd.DataFrame, *, title: str, caption: str, source: str,
                      color: str = IMPORT):
    """Horizontal bars of HS-chapter shares (percent of the flow), largest on top."""
    labels = [f"{short_name(r.hs_chapter, r.chapter_name)} ({r.hs_chapter})"
              if r.hs_chapter != "other" else r.chapter_name for r in top.itertuples()]
    fig, ax = figure(figsize=(WIDTH_IN, 0.24 * len(top) + 1.3))
    y = np.arange(len(top))[::-1]
    ax.barh(y, top["share_pct"], color=[color if c != "other" else TOTAL for c in top["hs_chapter"]])
    for yi, (s, v) in zip(y, zip(top["share_pct"], top["value_usd_mn"])):
        ax.text(s + 0.5, yi, f"{number(s, 1)} % (US$ {number(v / 1000, 2)} bn)", va="center",
                fontsize=7.5)
    ax.set_yticks(y, labels, fontsize=8)
    ax.set_xlabel("share of the flow, percent")
    ax.set_xlim(0, min(100, top["share_pct"].max() * 1.35 + 5))
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_title(title)
    annotate(fig, caption=caption, source=source)
    return fig


def rank_chart(totals: pd.DataFrame, partner: str, *, title: str, caption: str, source: str,
               highlight: tuple[str, ...] = ()):
    """Total trade (US$ bn) of each partner in one year, largest on top; ``partner`` highlighted."""
    t = totals.head(15)
    fig, ax = figure(figsize=(WIDTH_IN, 0.22 * len(t) + 1.3))
    y = np.arange(len(t))[::-1]
    colors = [EXPORT if p == partner else ("#7fa7cf" if p in highlight else TOTAL)
              for p in t["partner"]]
    ax.barh(y, t["total_usd_mn"] / 1000, color=colors)
    for yi, r in zip(y, t.itertuples()):
        ax.text(r.total_usd_mn / 1000 + 1, yi, f"{number(r.total_usd_mn / 1000, 1)} (no. {r.rank})",
                va="center", fontsize=7.5)
    ax.set_yticks(y, [name(p) for p in t["partner"]], fontsize=8)
    ax.set_xlabel("total trade (exports + imports), US$ billion")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_title(title)
    annotate(fig, caption=caption, source=source)
    return fig

