"""analysis.trade.charts: the report's figures draw what they are given, in the house style."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis import trade  # noqa: E402
from analysis.trade import charts  # noqa: E402


def texts(fig):
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def test_flows_chart_marks_gap_years_and_takes_title_caption_source():
    s = trade.bilateral_series("RUS", "IND", "FY2006-07", "FY2024-25")
    fig = charts.flows_chart(s, title="T states the finding", caption="C.", source="Source: S.")
    ax = fig.axes[0]
    assert "T states the finding" in texts(fig) and ax.get_ylabel() == "US$ billion"
    gaps = [fy for fy, g in s.groupby("fiscal_year") if g["value_usd_mn"].isna().all()]
    assert texts(fig).count("no data") == len(gaps) > 0  # empty years labelled, never filled
    assert any("C." in t and "Source: S." in t for t in texts(fig))
    # drawn at the printed column width; a "no data" year keeps its slot inside the axes
    assert fig.get_figwidth() == 6.5 and ax.get_xlim()[0] < -0.5
    plt.close(fig)


def test_composition_chart_one_bar_per_row_other_in_grey():
    top = trade.top_chapters("RUS", "FY2024-25", "export", top_n=3)
    fig = charts.composition_chart(top, title="T", caption="C.", source="S.", color=charts.EXPORT)
    bars = fig.axes[0].patches
    assert len(bars) == len(top) == 4
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "Machinery (84)" in labels and all("…" not in t for t in labels)  # short names
    assert matplotlib.colors.to_hex(bars[-1].get_facecolor()) == charts.TOTAL  # "All other"
    plt.close(fig)


def test_rank_chart_highlights_the_partner():
    tot = trade.partner_totals("FY2023-24")
    fig = charts.rank_chart(tot, "RUS", title="T", caption="C.", source="S.", highlight=("CHN",))
    colors = {p: matplotlib.colors.to_hex(b.get_facecolor())
              for p, b in zip(tot.head(15)["partner"], fig.axes[0].patches)}
    assert colors["RUS"] == charts.EXPORT and colors["CHN"] == "#7fa7cf"
    assert colors["USA"] == charts.TOTAL
    plt.close(fig)
