"""The agreement chart draws what it is given: title, caption, note and source from the caller."""

import pytest

from analysis import diplomacy as dip
from analysis.errors import ParameterError


def texts(fig):
    return " ".join(t.get_text() for t in fig.texts)


def test_chart_takes_title_caption_note_and_source_from_the_caller():
    by_year = dip.agreement_by_year("IND", ["RUS", "USA"], 2017, 2019)
    fig = dip.plot_agreement_by_year(by_year, ["RUS", "USA"], title="A finding", caption="Cap.",
                                     note="Gap.", source="Source: somewhere.")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "A finding"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Russia", "United States"]
    assert [len(line.get_xdata()) for line in ax.get_lines()] == [3, 3]
    assert ax.get_ylim() == (0, 100)
    assert "Cap." in texts(fig) and "Note: Gap." in texts(fig) and "somewhere" in texts(fig)


def test_kappa_chart_is_not_clipped_to_percent():
    by_year = dip.agreement_by_year("IND", ["USA"], 2017, 2019)
    fig = dip.plot_agreement_by_year(by_year, ["USA"], title="t", caption="c", source="s",
                                     measure="kappa")
    assert fig.axes[0].get_ylabel() == "Cohen's κ"
    assert fig.axes[0].get_ylim()[0] < 0


def test_unknown_measure_is_refused():
    with pytest.raises(ParameterError, match="allowed: half_agreement"):
        dip.plot_agreement_by_year(None, [], title="t", caption="c", source="s", measure="x")
