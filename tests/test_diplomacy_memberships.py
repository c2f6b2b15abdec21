"""Membership of the UN and the groupings on given dates, from the cited tables."""

import pytest

from analysis import diplomacy as dip
from analysis import groupings
from analysis.errors import ParameterError


def test_groupings_shared_by_india_and_russia_in_july_2024():
    t = dip.shared_groupings("IND", "RUS", "2024-07-08").set_index("grouping")
    for g in ("UN", "SCO", "G20", "BRICS", "EAS"):
        assert bool(t.loc[g, "shared"]) is True
    assert not t.loc["QUAD", "shared"] and not t.loc["UNSC_P5", "shared"]
    assert list(t.index) == groupings.with_membership_data()


def test_membership_dates_and_unknown_days():
    assert dip.membership("IND", "SCO", "2017-06-08") is False
    assert dip.membership("IND", "SCO", "2017-06-09") is True
    assert dip.membership("IDN", "BRICS", "2024-12-31") is False
    assert dip.membership("IDN", "BRICS", "2025-01-06") is True
    assert dip.membership("RUS", "EAS", "2011-06-01") is None  # only the year is known
    assert dip.membership("RUS", "EAS", "2012-01-01") is True
    assert dip.membership("AUS", "QUAD", "2010-01-01") is False  # between the two spells
    assert dip.membership("CHN", "UNSC_P5", "1970-01-01") is False


def test_groupings_table_uses_the_shared_names():
    t = dip.groupings_table(["IND", "RUS"], on="2024-07-08")
    assert t.loc["Quad", "India"] == "since 2017" and t.loc["Quad", "Russia"] == "—"
    assert t.loc["Shanghai Cooperation Organisation", "Russia"] == "since 2001"
    assert t.loc["United Nations", "India"] == "since 1945"


@pytest.mark.parametrize("call,message", [
    (lambda: dip.membership("IND", "NATO", "2020-01-01"), "allowed: UN"),
    (lambda: dip.membership("IND", "SCO", "not a date"), "not a date"),
])
def test_bad_arguments_say_what_is_allowed(call, message):
    with pytest.raises(ParameterError, match=message):
        call()
