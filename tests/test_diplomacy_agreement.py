"""Agreement measures on tiny hand-computed fixtures; agreement on the real UNGA data."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis import diplomacy as dip
from analysis.errors import ParameterError


def s(*votes):
    return pd.Series([np.nan if v is None else v for v in votes], dtype=object)


# --- measures on fixtures -------------------------------------------------------------------
def test_measures_match_hand_computation():
    a = s("yes", "yes", "no", "abstain")
    b = s("yes", "no", "no", "yes")
    # same vote on 2 of 4; (abstain, yes) is half: (1 + 0 + 1 + 0.5) / 4
    assert dip.percent_agreement(a, b) == pytest.approx(50.0)
    assert dip.half_agreement(a, b) == pytest.approx(62.5)
    # p_o = .5; a: yes .5 no .25 abs .25; b: yes .5 no .5 abs 0 → p_e = .375; κ = .125/.625
    assert dip.agreement_kappa(a, b) == pytest.approx(0.2)


def test_missing_votes_are_left_out_not_counted_as_disagreement():
    a = s("yes", "no", None, "abstain", "no recorded vote")
    b = s("yes", "no", "yes", None, "yes")
    assert dip.percent_agreement(a, b) == pytest.approx(100.0)
    assert dip.half_agreement(a, b) == pytest.approx(100.0)


def test_kappa_edge_cases():
    assert dip.agreement_kappa(s("yes", "no"), s("no", "yes")) == pytest.approx(-1.0)
    assert dip.agreement_kappa(s("yes", "no", "abstain"), s("yes", "no", "abstain")) == 1.0
    # both always yes: chance agreement is 1, κ undefined
    assert math.isnan(dip.agreement_kappa(s("yes", "yes"), s("yes", "yes")))
    assert math.isnan(dip.percent_agreement(s(None), s("yes")))
    assert math.isnan(dip.half_agreement(s(), s()))


def test_half_agreement_opposite_votes_score_zero():
    assert dip.half_agreement(s("yes", "no"), s("no", "yes")) == 0.0
    assert dip.half_agreement(s("abstain", "abstain"), s("no", "yes")) == pytest.approx(50.0)


# --- real data -------------------------------------------------------------------------------
def test_india_closer_to_russia_than_to_usa_1992_2019():
    rus = dip.agreement("IND", "RUS", 1992, 2019)
    usa = dip.agreement("IND", "USA", 1992, 2019)
    assert rus["roll_calls"] > 2000 and usa["roll_calls"] > 2000
    assert rus["half_agreement"] > usa["half_agreement"] + 30
    assert rus["kappa"] > 0 > usa["kappa"]
    assert rus["same_vote"] + rus["one_abstained"] + rus["opposite_vote"] == rus["roll_calls"]


def test_agreement_table_is_sorted_by_half_agreement():
    t = dip.agreement_table("IND", ["USA", "RUS", "CHN"], 1992, 2019)
    assert list(t.index) == ["CHN", "RUS", "USA"]
    assert t.loc["CHN", "half_agreement"] == pytest.approx(84.87, abs=0.01)


def test_agreement_by_year_covers_each_year_and_counterpart():
    t = dip.agreement_by_year("IND", ["RUS", "USA"], 2015, 2019)
    assert sorted(t["year"].unique()) == [2015, 2016, 2017, 2018, 2019]
    assert set(t["counterpart"]) == {"RUS", "USA"}
    assert (t["roll_calls"] > 50).all()


@pytest.mark.parametrize("call,message", [
    (lambda: dip.agreement("XYZ", "RUS", 1992, 2019), "allowed: ARE, AUS"),
    (lambda: dip.agreement("IND", "RUS", 2019, 1992), "empty year range"),
    (lambda: dip.agreement("IND", "RUS", 2021, 2023), "covers 1946–2020"),
])
def test_bad_arguments_say_what_is_allowed(call, message):
    with pytest.raises(ParameterError, match=message):
        call()
