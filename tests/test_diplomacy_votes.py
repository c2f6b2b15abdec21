"""Roll calls, recorded votes, the Ukraine resolutions and abstention, on the real UNGA data."""

import pandas as pd
import pytest

from analysis import diplomacy as dip
from analysis.errors import ParameterError


def test_india_abstained_on_es11_1_and_on_68_262():
    t = dip.ukraine_votes("IND", ["RUS", "USA"])
    row = t.set_index("resolution")
    assert row.loc["A/RES/ES-11/1", "IND"] == "abstain"
    assert row.loc["A/RES/ES-11/1", "RUS"] == "no"
    assert row.loc["A/RES/68/262", "IND"] == "abstain"
    assert row.loc["A/RES/ES-11/7", "USA"] == "no"


def test_roll_call_panel_agrees_with_news_on_68_262():
    v = dip.votes(["IND", "RUS", "CHN", "USA"], "ukraine", 2014, 2014)
    assert len(v) == 1
    assert v.iloc[0][["IND", "RUS", "CHN", "USA"]].tolist() == ["abstain", "no", "abstain", "yes"]


def test_unknown_votes_stay_unknown():
    t = dip.ukraine_votes("BRA", ["USA"]).set_index("resolution")
    assert t.loc["A/RES/ES-11/1", "BRA"] == "not stated"
    r = dip.abstention_rate("BRA", "ukraine")
    assert r["unknown"] == 4 and r["recorded"] == 10 and r["abstained"] == 10


def test_india_abstained_on_every_es11_vote_and_voted_no_on_four_crimea_resolutions():
    r = dip.abstention_rate("IND", "ukraine")
    assert (r["recorded"], r["abstained"]) == (14, 10)
    t = dip.ukraine_votes("IND", []).set_index("resolution")["IND"]
    es11 = t[t.index.str.contains("ES-11")]
    assert set(es11) == {"abstain"} and len(es11) == 7
    crimea = t[[r for r in t.index if r.startswith("A/RES/7")]]
    assert len(crimea) == 6 and (crimea == "no").sum() == 4 and (crimea == "abstain").sum() == 2


def test_the_ukraine_set_includes_the_crimea_roll_calls_and_says_where_votes_come_from():
    calls = dip.roll_calls("ukraine")
    assert [dip.resolution_number(r) for r in calls["resolution"]] == [
        "68/262", "71/205", "72/190", "73/194", "73/263", "74/17", "74/168"]
    t = dip.ukraine_votes("IND", ["RUS"])
    came = t.attrs["votes_from"]
    assert came["A/RES/71/205"] == "UN roll-call data"
    assert came["A/RES/ES-11/1"] == "news reports"
    assert t.set_index("resolution").loc["A/RES/71/205", "yes"] is pd.NA  # totals: a gap
    assert dip.missing_ukraine_resolutions() == []


def test_issue_and_important_sets_are_subsets():
    all_ = dip.roll_calls("all", 1992, 2019)
    hr = dip.roll_calls("human_rights", 1992, 2019)
    imp = dip.roll_calls("important_votes", 1992, 2019)
    assert 0 < len(hr) < len(all_) and 0 < len(imp) < len(all_)
    assert set(hr["rcid"]) <= set(all_["rcid"])


def test_missing_votes_are_derived_from_membership():
    deu = dip.vote_status("DEU", year_from=1972, year_to=1972)
    assert set(deu) == {"not a member"}  # admitted 18 September 1973
    zaf = dip.vote_status("ZAF", year_from=1980, year_to=1980)
    assert set(zaf) == {"absent"}  # a member that cast no recorded vote
    ind = dip.vote_status("IND", year_from=2019, year_to=2019)
    assert set(ind) <= {"yes", "no", "abstain", "absent"}


def test_coverage_and_last_session():
    assert dip.year_coverage() == (1946, 2020)
    session, last = dip.last_session()
    assert session == 74 and (last.year, last.month) == (2020, 1)


def test_allowed_values_for_the_notebook_contract():
    assert {"IND", "RUS", "USA", "CHN", "BRA"} <= set(dip.available_countries())
    assert dip.available_resolution_sets()[0] == "ukraine"
    assert {"human_rights", "nuclear", "important_votes"} <= set(dip.available_resolution_sets())


def test_unknown_resolution_set_names_the_sets():
    with pytest.raises(ParameterError, match="allowed: ukraine, all, important_votes"):
        dip.roll_calls("sanctions")


def test_counterparts_drop_the_country_itself():
    assert dip.counterparts_for("RUS", ["RUS", "USA", "CHN", "usa"]) == ["USA", "CHN"]
    with pytest.raises(ParameterError, match="no country other than"):
        dip.counterparts_for("RUS", ["RUS"])
