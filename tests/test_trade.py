"""analysis.trade on the real data/trade tables and on tiny fixtures."""

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from analysis import trade
from analysis.article import Claim
from analysis.errors import ParameterError

SEED_SENTENCE = ("India’s bilateral trade with Russia increased by 33% in the financial year ended "
                 "March 2024, reaching an all-time high of $65.7 billion.")


def claim(kind, value, unit, scale=None, period="FY2023-24", text="", sentence=SEED_SENTENCE):
    return Claim(kind=kind, value=value, unit=unit, scale=scale, period=period, text=text,
                 sentence=sentence, span=(0, len(text)))


def article(*claims):
    return SimpleNamespace(claims=tuple(claims))


# ---- series and choice rule on real data

def test_fy2023_24_total_is_65_7_bn():
    s = trade.bilateral_series("RUS", "IND", "FY2023-24", "FY2023-24").set_index("flow")
    assert s.loc["total", "value_usd_mn"] == 65700
    assert s.loc["total", "source_id"] == "GTRI_MAY2024"
    assert not s.loc["total", "derived"]


def test_fy2024_25_balance_is_derived_from_tradestat():
    s = trade.bilateral_series("RUS", fy_from="FY2024-25", fy_to="FY2024-25").set_index("flow")
    assert s.loc["export", "value_usd_mn"] == pytest.approx(4881.3)
    assert s.loc["import", "value_usd_mn"] == pytest.approx(63811.4)
    # the stated, rounded -58.9 bn (speech) loses to the exact X - M
    assert s.loc["balance", "value_usd_mn"] == pytest.approx(-58930.1)
    assert s.loc["balance", "derived"] and s.loc["balance", "source_id"] == "TRADESTAT_HS2_RU"
    assert trade.trade_balance("RUS", "IND", "FY2024-25", "FY2024-25")["FY2024-25"] == pytest.approx(-58930.1)


def test_final_beats_provisional_fy2022_23():
    s = trade.bilateral_series("RUS", fy_from="FY2022-23", fy_to="FY2022-23").set_index("flow")
    # provisional total 44,400 (Firstpost) loses to final imports 46,200 and deficit 43,000
    assert s.loc["import", "value_usd_mn"] == 46200
    assert s.loc["export", "value_usd_mn"] == pytest.approx(3200)
    assert s.loc["total", "value_usd_mn"] == pytest.approx(49400)
    assert s.loc["total", "derived"] and s.loc["total", "status"] == "final"


def test_disputed_figure_never_chosen():
    s = trade.bilateral_series("RUS", fy_from="FY2021-22", fy_to="FY2021-22").set_index("flow")
    assert s.loc["total", "value_usd_mn"] == pytest.approx(13124.68)


def test_missing_years_stay_nan():
    s = trade.bilateral_wide("RUS", "IND", "FY2004-05", "FY2017-18")
    assert len(s) == 14  # every year of the range appears
    assert s.loc["FY2004-05", "total"] == 1954
    assert s.loc["FY2010-11"].isna().all()
    assert s.loc["FY2017-18", "export"] != s.loc["FY2017-18", "export"]  # NaN: no split stated


def test_cover_ratio():
    c = trade.cover_ratio("RUS", "IND", "FY2024-25", "FY2024-25")
    assert c["FY2024-25"] == pytest.approx(4881.3 / 63811.4)


def test_used_source_ids_split_derived():
    s = trade.bilateral_series("RUS", fy_from="FY2022-23", fy_to="FY2024-25")
    assert trade.used_source_ids(s) >= {"ALIPOV_JAN2024", "TRADESTAT_HS2_RU"}
    assert "FIRSTPOST_APR2023" not in trade.used_source_ids(s)


# ---- growth

def test_yoy_growth_fy2023_24_is_33_percent():
    g = trade.yoy_growth(trade.bilateral_wide("RUS", "IND", "FY2022-23", "FY2023-24")["total"])
    assert np.isnan(g["FY2022-23"])
    assert g["FY2023-24"] == pytest.approx(33.0, abs=0.05)


def test_growth_with_missing_year_fixture():
    s = pd.Series([100.0, np.nan, 121.0, 133.1],
                  index=["FY2019-20", "FY2020-21", "FY2021-22", "FY2022-23"])
    g = trade.yoy_growth(s)
    assert np.isnan(g["FY2020-21"]) and np.isnan(g["FY2021-22"])  # never bridged across a gap
    assert g["FY2022-23"] == pytest.approx(10.0)
    assert trade.cagr(s, "FY2019-20", "FY2021-22") == pytest.approx(10.0)
    assert np.isnan(trade.cagr(s, "FY2019-20", "FY2020-21"))


def test_growth_skips_non_consecutive_index():
    s = pd.Series([100.0, 150.0], index=["FY2019-20", "FY2021-22"])
    assert trade.yoy_growth(s).isna().all()


# ---- share and rank

def test_share_and_rank_fy2023_24():
    tab = trade.partner_totals("FY2023-24")
    assert list(tab["partner"][:4]) == ["USA", "CHN", "ARE", "RUS"]
    rus = tab.set_index("partner").loc["RUS"]
    assert rus["rank"] == 4
    assert rus["share_pct"] == pytest.approx(65700 / (437072.1 + 678214.8) * 100)


def test_partner_share_rank_needs_two_partners():
    share = trade.partner_share("RUS", "IND", "FY2017-18", "FY2025-26").set_index("fiscal_year")
    assert np.isnan(share.loc["FY2017-18", "rank"])  # Russia alone in the data that year
    assert share.loc["FY2025-26", "n_partners"] == 38


# ---- composition and concentration

def test_hs27_share_of_imports_fy2024_25():
    comp = trade.composition("RUS", "FY2024-25", "import")
    assert comp["value_usd_mn"].sum() == pytest.approx(63811.4, abs=0.05)
    assert comp.iloc[0]["hs_chapter"] == "27"
    assert trade.mineral_fuels_share("RUS", "FY2024-25") == pytest.approx(56873.19 / 63811.4 * 100,
                                                                          rel=1e-6)


def test_top_chapters_adds_other_row():
    top = trade.top_chapters("RUS", "FY2024-25", "export", top_n=3)
    assert len(top) == 4 and top.iloc[-1]["hs_chapter"] == "other"
    assert top["share_pct"].sum() == pytest.approx(100)


def test_composition_missing_year_is_empty():
    assert trade.composition("RUS", "FY2023-24", "import").empty
    assert np.isnan(trade.mineral_fuels_share("RUS", "FY2023-24"))


def test_hhi_fixture():
    assert trade.hhi_from_values([1, 1]) == pytest.approx(5000)
    assert trade.hhi_from_values([50, 30, 20]) == pytest.approx(2500 + 900 + 400)
    assert trade.hhi_from_values([7]) == pytest.approx(10000)
    assert np.isnan(trade.hhi_from_values([]))


def test_hhi_real_imports_more_concentrated_than_exports():
    assert trade.hhi("RUS", "FY2024-25", "import") > 5000 > trade.hhi("RUS", "FY2024-25", "export")


# ---- parameters

def test_available_values():
    assert "RUS" in trade.available_partners() and "WLD" not in trade.available_partners()
    assert trade.available_reporters() == ["IND"]
    fys = trade.available_fiscal_years()
    assert "FY2017-18" in fys and "FY2025-26" in fys


def test_unknown_partner_names_allowed_codes():
    with pytest.raises(ParameterError, match="allowed ISO3 codes: .*RUS"):
        trade.bilateral_series("XXX")


def test_unknown_reporter():
    with pytest.raises(ParameterError, match="reporter 'RUS'"):
        trade.bilateral_series("CHN", reporter="RUS")


def test_empty_range():
    with pytest.raises(ParameterError, match="empty fiscal-year range"):
        trade.bilateral_series("RUS", fy_from="FY2024-25", fy_to="FY2017-18")


def test_unknown_fiscal_year():
    with pytest.raises(ParameterError, match="fy_from='FY1990-91'.*allowed"):
        trade.bilateral_series("RUS", fy_from="FY1990-91", fy_to="FY2024-25")


# ---- claims

def test_check_claims_confirms_seed_figures():
    res = trade.check_claims(article(
        claim("money", 65.7, "USD", "billion", text="$65.7 billion"),
        claim("percent", 33, "percent", text="33%"),
    )).set_index("claim")
    assert res.loc["$65.7 billion", "verdict"] == "confirmed"
    assert res.loc["$65.7 billion", "value_computed"] == 65700
    assert res.loc["33%", "verdict"] == "confirmed"
    assert res.loc["33%", "value_computed"] == pytest.approx(33.0, abs=0.05)
    assert "preliminary vs revised" in res.loc["33%", "reason"]


def test_check_claims_period_from_sentence_when_missing():
    res = trade.check_claims(article(claim("money", 65.7, "USD", "billion", period=None,
                                           text="$65.7 billion")))
    assert res.iloc[0]["period"] == "FY2023-24" and res.iloc[0]["verdict"] == "confirmed"


def test_check_claims_differs_and_explains_provisional():
    s = "India's trade with Russia reached $44.4 billion in FY2022-23."
    res = trade.check_claims(article(claim("money", 44.4, "USD", "billion", period="FY2022-23",
                                           text="$44.4 billion", sentence=s)))
    row = res.iloc[0]
    assert row["verdict"] == "differs"
    assert "preliminary vs revised" in row["reason"] and "FIRSTPOST_APR2023" in row["reason"]
    assert row["difference"] == pytest.approx(44400 - 49400)


def test_check_claims_calendar_year_reason():
    s = "India's trade with Russia was $70.6 billion in FY2024-25."
    res = trade.check_claims(article(claim("money", 70.6, "USD", "billion", period="FY2024-25",
                                           text="$70.6 billion", sentence=s)))
    assert res.iloc[0]["verdict"] == "differs"
    assert "fiscal vs calendar year" in res.iloc[0]["reason"]


def test_check_claims_cannot_check():
    res = trade.check_claims(article(
        claim("money", 5, "USD", "billion", sentence="Austria pledged $5 billion for roads."),
        claim("percent", 10, "percent", period=None,
              sentence="Trade with Russia rose 10% at some point."),
        claim("year", 2022, "year"),
    ))
    assert list(res["verdict"]) == ["cannot check", "cannot check"]  # the year claim is skipped
    assert "not about trade with Russia" in res.iloc[0]["reason"]
    assert "no fiscal year" in res.iloc[1]["reason"]


def test_check_claims_other_partner_cannot_check_russian_sentence():
    res = trade.check_claims(article(claim("money", 65.7, "USD", "billion")), partner="CHN")
    assert res.iloc[0]["verdict"] == "cannot check"


def test_check_claims_on_seed():
    from analysis.article import load_article

    res = trade.check_claims(load_article())
    checked = res[res["verdict"] != "cannot check"]
    assert len(checked) == 2  # the $65.7 bn and the 33 %
    assert set(checked["verdict"]) == {"confirmed"}
    assert set(checked["value_claimed"]) == {65700.0, 33.0}
    assert set(checked["measure"]) == {"total", "total growth"}


# ---- report building blocks (analysis.trade_report, analysis.display)

from analysis import display as report_text, trade_report  # noqa: E402

YEARS = trade.fiscal_years("FY2017-18", "FY2025-26", "IND")


def tiny_series(rows):
    return pd.DataFrame(rows, columns=["fiscal_year", "flow", "value_usd_mn", "source_id"])


def test_yearly_table_rus_fy2023_24_cover_ratio_and_growth():
    t = trade_report.yearly_table(trade.bilateral_series("RUS", "IND", "FY2017-18", "FY2025-26"))
    row = t.loc["FY2023-24"]
    assert row["cover ratio"] == pytest.approx(4300 / 61400)
    assert row["total growth, %"] == pytest.approx(33.0, abs=0.05)
    assert "GTRI_MAY2024" in row["sources"].split(", ")
    assert list(t.columns[:4]) == list(trade.FLOWS)


def test_yearly_table_tiny_fixture_gap_and_joined_ids():
    s = tiny_series([("FY2020-21", "total", 100.0, "A+B"), ("FY2021-22", "export", 10.0, "B"),
                     ("FY2021-22", "import", 40.0, "C"), ("FY2021-22", "total", 50.0, None)])
    t = trade_report.yearly_table(s)
    assert np.isnan(t.loc["FY2020-21", "cover ratio"])          # no flows: no ratio, no filling
    assert t.loc["FY2021-22", "cover ratio"] == 0.25
    assert t.loc["FY2021-22", "total growth, %"] == pytest.approx(-50.0)
    assert t.loc["FY2020-21", "sources"] == "A, B"
    assert t.loc["FY2021-22", "sources"] == "B, C"


def test_headline_text_deficit_and_surplus_wording():
    h = {"fiscal_year": "FY2023-24", "status": "final", "total": 65700, "export": 4300,
         "import": 61400, "balance": -57200, "cover_ratio": 0.07, "total_growth_pct": 33.0}
    text = trade_report.headline_text(h, "RUS")
    assert "**FY2023-24** (final figures)" in text and "+33 % on the year before" in text
    assert "a deficit of **US$ 57.2 bn**" in text and "Russia" in text
    surplus = trade_report.headline_text({**h, "balance": 100, "status": "provisional",
                                          "total_growth_pct": float("nan")}, "RUS")
    assert "surplus" in surplus and "provisional" in surplus and "cannot be computed" in surplus


def test_composition_year_rus_chn_and_empty_range():
    assert trade_report.composition_year("RUS", "IND", YEARS) == "FY2024-25"
    chn = trade_report.composition_year("CHN", "IND", YEARS)
    assert chn is None or chn in trade.composition_years("CHN", "IND")
    assert trade_report.composition_year("RUS", "IND", ["FY1990-91"]) is None


def test_concentration_and_highlights_keep_only_requested_years():
    conc = trade_report.concentration_table("RUS", "IND", ["FY2024-25"])
    assert set(conc["fiscal_year"]) <= {"FY2024-25"} and len(conc) >= 1
    hl = trade_report.product_highlights("RUS", YEARS)
    assert len(hl) and set(hl["partner"]) == {"RUS"} and set(hl["fiscal_year"]) <= set(YEARS)
    assert trade_report.product_highlights("RUS", ["FY1990-91"]).empty


def test_rank_title_and_source_ids():
    tot = trade.partner_totals("FY2023-24", "IND")
    title = trade_report.rank_title(tot, "RUS", "FY2023-24")
    r = int(tot.loc[tot["partner"] == "RUS", "rank"].iloc[0])
    assert title.startswith(f"Russia was India's no. {r} trading partner in FY2023-24 among {len(tot)}")
    tiny = pd.DataFrame({"source_id": ["A+B", "C", "D"]})
    assert trade_report.rank_source_ids(tiny, top=2) == {"A", "B", "C"}


def test_comparison_totals_and_ids():
    cmp = trade_report.comparison_totals(["RUS", "CHN"], "IND", "FY2023-24", "FY2023-24")
    assert list(cmp.columns) == ["Russia", "China"] and cmp.loc["FY2023-24", "Russia"] == 65700
    ids = trade_report.comparison_source_ids(["RUS", "CHN"], "IND", "FY2023-24", "FY2023-24")
    assert trade.used_source_ids(trade.bilateral_series("RUS", "IND", "FY2023-24", "FY2023-24")) <= ids


def test_claims_display_and_ids_tiny_fixture():
    claims = pd.DataFrame({"claim": ["x", "y"], "sentence": ["s", "t"], "source_ids": ["A+B", ""]})
    shown = trade_report.claims_display(claims)
    assert "sentence" not in shown and shown["source_ids"].tolist() == ["A + B", ""]
    assert trade_report.claims_source_ids(claims) == {"A", "B"}


def test_gaps_and_sources_markdown():
    gaps = trade_report.gaps_markdown("trade/bilateral_fy")
    assert gaps.startswith("**") and "coverage:" in gaps
    s = trade.bilateral_series("RUS", "IND", "FY2023-24", "FY2023-24")
    text = trade_report.sources_markdown(s, "RUS")
    assert text.startswith("**Sources of the India–Russia series**")
    assert all(f"`{i}`" in text for i in trade.used_source_ids(s))


def test_readable_headings_rename_for_display_only():
    share = trade.partner_share("RUS", "IND", "FY2023-24", "FY2024-25").set_index("fiscal_year")
    shown = report_text.readable(share)
    assert shown.index.name == "fiscal year"
    assert list(shown.columns) == ["with the partner, US$ mn", "India's world total, US$ mn",
                                   "share, %", "rank", "partners covered"]
    assert shown.values.tolist() == share.values.tolist() and "n_partners" in share.columns


def test_markdown_helpers_escape_dollars():
    assert report_text.escape_dollars("US$ 4.3 bn") == r"US\$ 4.3 bn"
    assert report_text.note("US$ 1").data == r"<small>US\$ 1</small>"


def test_claims_source_note_names_sources_or_says_none_used():
    none = pd.DataFrame({"claim": ["x"], "sentence": ["s"], "source_ids": [""]})
    assert trade_report.claims_source_note(none, "CHN") == (
        "No claim could be checked against data for China; no data source was used.")
    used = pd.DataFrame({"claim": ["x"], "sentence": ["s"], "source_ids": ["GTRI_MAY2024"]})
    assert "Global Trade Research Initiative" in trade_report.claims_source_note(used, "RUS")


def test_concentration_source_note_cites_the_partners_own_chapter_source():
    from analysis import trade_report
    years = ["FY2024-25", "FY2025-26"]
    assert "TRADESTAT" in trade_report.concentration_source_note("RUS", "IND", years)
    assert trade_report.concentration_source_note("RUS", "IND", ["FY2017-18"]) == \
        "Source: none (no rows shown)."
