"""Agreement measures on tiny hand-computed fixtures; behaviour on the real UNGA data."""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import diplomacy as dip
from analysis.article import Article, Entity, load_article
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
    assert r["unknown"] == 3 and r["recorded"] == 3 and r["abstained"] == 3


def test_india_abstained_on_every_known_ukraine_vote():
    r = dip.abstention_rate("IND", "ukraine")
    assert (r["recorded"], r["abstained"], r["rate_pct"]) == (6, 6, 100.0)


def test_india_closer_to_russia_than_to_usa_1992_2019():
    rus = dip.agreement("IND", "RUS", 1992, 2019)
    usa = dip.agreement("IND", "USA", 1992, 2019)
    assert rus["roll_calls"] > 2000 and usa["roll_calls"] > 2000
    assert rus["half_agreement"] > usa["half_agreement"] + 30
    assert rus["kappa"] > 0 > usa["kappa"]
    assert rus["same_vote"] + rus["one_abstained"] + rus["opposite_vote"] == rus["roll_calls"]


def test_agreement_by_year_covers_each_year_and_counterpart():
    t = dip.agreement_by_year("IND", ["RUS", "USA"], 2015, 2019)
    assert sorted(t["year"].unique()) == [2015, 2016, 2017, 2018, 2019]
    assert set(t["counterpart"]) == {"RUS", "USA"}
    assert (t["roll_calls"] > 50).all()


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


def test_groupings_shared_by_india_and_russia_in_july_2024():
    t = dip.shared_groupings("IND", "RUS", "2024-07-08").set_index("grouping")
    for g in ("UN", "SCO", "G20", "BRICS", "EAS"):
        assert bool(t.loc[g, "shared"]) is True
    assert not t.loc["QUAD", "shared"] and not t.loc["UNSC_P5", "shared"]


def test_membership_dates_and_unknown_days():
    assert dip.membership("IND", "SCO", "2017-06-08") is False
    assert dip.membership("IND", "SCO", "2017-06-09") is True
    assert dip.membership("IDN", "BRICS", "2024-12-31") is False
    assert dip.membership("IDN", "BRICS", "2025-01-06") is True
    assert dip.membership("RUS", "EAS", "2011-06-01") is None  # only the year is known
    assert dip.membership("RUS", "EAS", "2012-01-01") is True
    assert dip.membership("AUS", "QUAD", "2010-01-01") is False  # between the two spells
    assert dip.membership("CHN", "UNSC_P5", "1970-01-01") is False


# --- errors ----------------------------------------------------------------------------------
@pytest.mark.parametrize("call,message", [
    (lambda: dip.agreement("XYZ", "RUS", 1992, 2019), "allowed: ARE, AUS"),
    (lambda: dip.agreement("IND", "RUS", 2019, 1992), "empty year range"),
    (lambda: dip.agreement("IND", "RUS", 2021, 2023), "covers 1946–2020"),
    (lambda: dip.roll_calls("sanctions"), "allowed: ukraine, all, important_votes"),
    (lambda: dip.check_parameters("IND", "RUS", 1992, 2019, "ukraine"), "non-empty list"),
    (lambda: dip.membership("IND", "NATO", "2020-01-01"), "allowed: UN"),
])
def test_bad_parameters_say_what_is_allowed(call, message):
    with pytest.raises(ParameterError, match=message):
        call()


def test_allowed_values_for_the_notebook_contract():
    assert {"IND", "RUS", "USA", "CHN", "BRA"} <= set(dip.available_countries())
    assert dip.available_resolution_sets()[0] == "ukraine"
    assert {"human_rights", "nuclear", "important_votes"} <= set(dip.available_resolution_sets())


# --- claims ----------------------------------------------------------------------------------
TEXT = ("Bilateral Engagements: Status review within groupings such as the Shanghai Cooperation "
        "Organization, G20, BRICS, the United Nations, and the East Asia Summit. India has "
        "maintained a neutral stance, urging both sides to end the conflict without outright "
        "criticizing Russia. India has relied heavily on Russia for military equipment. Modi "
        "skipped the meeting, signaling strained relations with China.")


def article(text=TEXT, entities=None, sentences=None):
    names = [("Shanghai Cooperation Organization", "SCO"), ("G20", "G20"), ("BRICS", "BRICS"),
             ("United Nations", "UN"), ("East Asia Summit", "EAS")]
    if entities is None:
        entities = tuple(Entity(n, "grouping", c, ((text.index(n), text.index(n) + len(n)),))
                         for n, c in names)
    if sentences is None:
        sentences = tuple(x.strip() + "." for x in text.split(".") if x.strip())
    return Article(path=Path("fixture.txt"), title="t", byline="b", paragraphs=(text,),
                   key_points=(), background=(), text=text, sentences=sentences, claims=(),
                   entities=entities)


def test_check_claims_on_a_hand_built_article():
    t = dip.check_claims(article())
    assert list(t.columns) == ["claim", "evidence", "verdict", "reason"]
    neutral = t[t["claim"].str.contains("neutral")].iloc[0]
    assert neutral["verdict"] == "supported"
    assert "abstained on 4 of the 4 ES-11" in neutral["evidence"]
    groups = t[t["claim"].str.contains("both belong")]
    assert len(groups) == 5 and set(groups["verdict"]) == {"supported"}
    arms = t[t["claim"].str.contains("military equipment")].iloc[0]
    assert arms["verdict"] == "supported" and "36%" in arms["evidence"]
    china = t[t["claim"].str.contains("China")].iloc[-1]
    assert china["verdict"] == "cannot check"


def test_check_claims_flags_a_grouping_russia_is_not_in():
    text = "India and Russia meet in the Quad."
    t = dip.check_claims(article(text, entities=(Entity("Quad", "grouping", "QUAD", ((28, 32),)),)))
    assert t["verdict"].tolist() == ["contradicted"]


def test_check_claims_reads_the_text_when_no_grouping_entities():
    t = dip.check_claims(article(entities=(), sentences=()))
    assert len(t[t["claim"].str.contains("both belong")]) == 5


def test_check_claims_on_the_seed_article():
    t = dip.check_claims(load_article())
    assert t["verdict"].tolist() == ["supported"] * 7 + ["cannot check"]
    assert t["claim"].iloc[0].startswith("India has maintained a neutral stance")
    named = t["claim"].str.extract(r"belong to the (.+?) \(")[0].dropna().tolist()
    assert named == ["Shanghai Cooperation Organisation", "G20", "BRICS", "United Nations",
                     "East Asia Summit"]


def test_counterparts_drop_the_country_itself():
    assert dip.counterparts_for("RUS", ["RUS", "USA", "CHN", "usa"]) == ["USA", "CHN"]
    with pytest.raises(ParameterError, match="no country other than"):
        dip.counterparts_for("RUS", ["RUS"])


def test_single_counterpart_chart_has_a_finding_title():
    fig = dip.plot_agreement_by_year("IND", ["RUS"], 2017, 2019)
    assert fig.axes[0].get_title(loc="left").startswith("India and Russia voted alike on")
