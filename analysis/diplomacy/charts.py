"""Charts for the diplomacy report, in the house style (analysis/charts.py).

As for trade, the caller passes the title (a finding, e.g. ``report.agreement_finding``), the
caption, the source line and an optional note; the chart function only draws.
"""

from __future__ import annotations

import pandas as pd

from analysis.charts import annotate, figure
from analysis.countries import name
from analysis.errors import ParameterError

#: Axis label of each measure that can be plotted.
MEASURE_LABELS = {"half_agreement": "Agreement, abstention = half (%)",
                  "percent_agreement": "Identical votes (%)", "kappa": "Cohen's κ"}


def plot_agreement_by_year(by_year: pd.DataFrame, counterparts: list[str], *, title: str,
                           caption: str, source: str, note: str | None = None,
                           measure: str = "half_agreement"):
    """Line chart of yearly agreement with each counterpart (percent, or κ), one line per
    counterpart in the order given. ``by_year`` is ``agreement_by_year`` output. Returns the
    matplotlib Figure."""
    if measure not in MEASURE_LABELS:
        raise ParameterError(f"measure={measure!r}; allowed: {', '.join(MEASURE_LABELS)}")
    fig, ax = figure()
    for c in counterparts:
        d = by_year[by_year["counterpart"] == c]
        ax.plot(d["year"], d[measure], marker="o", markersize=3, label=name(c))
    ax.set_ylabel(MEASURE_LABELS[measure])
    ax.set_xlabel("Calendar year of the roll call")
    if measure != "kappa":
        ax.set_ylim(0, 100)
    ax.set_title(title, loc="left")
    ax.legend(loc="lower left", ncols=len(counterparts))
    annotate(fig, caption=caption, note=note, source=source)
    return fig
