"""analysis.trade.series: allowed values, the choice rule, the chosen series, growth, on the real
data/trade tables and on tiny fixtures."""

import numpy as np
import pandas as pd
import pytest

from analysis import trade
from analysis.errors import ParameterError

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


# ---- one chosen value, and every stated one, for other rooms

def test_chosen_is_the_series_value_without_the_series():
    c = trade.chosen("RUS", "FY2023-24", "total")
    assert (c.value, c.source_id, c.status, c.derived) == (65700, "GTRI_MAY2024", "final", False)
    b = trade.chosen("RUS", "FY2024-25", "balance")
    assert b.derived and b.value == pytest.approx(-58930.1)
    assert trade.chosen("RUS", "FY2010-11", "total") is None  # no source covers the year


def test_stated_figures_keep_disputed_rows_and_are_a_copy():
    rows = trade.stated_figures("RUS")
    assert set(rows["partner"]) == {"RUS"} and "disputed" in set(rows["status"])
    rows["value_usd_mn"] = 0.0
    assert trade.chosen("RUS", "FY2023-24", "total").value == 65700  # the cache is untouched
