"""The build's corrections of staged trade rows (analysis/derive/facts/trade_corrections.yml)."""

import shutil

import pytest

from analysis.datasets import load_table
from analysis.derive import default_sources_dir, trade
from analysis.errors import DataError

SOURCES = default_sources_dir() / "trade"
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="trade sources are absent")


def _row(df, **match):
    hit = df
    for k, v in match.items():
        hit = hit[hit[k] == v]
    assert len(hit) == 1, match
    return hit.iloc[0]


def test_precision_labels_follow_the_words_of_the_page():
    bil = load_table("trade/bilateral_fy")
    # "only about $2,755 million"
    assert _row(bil, fiscal_year="FY2005-06", source_id="FE_FICCI_2008")["precision"] == "approx"
    # "Singapore ($30 billion)"
    sgp = _row(bil, partner="SGP", fiscal_year="FY2021-22", source_id="PTI_MAY2022")
    assert (sgp["value_usd_mn"], sgp["precision"]) == (30000, "rounded_1bn")


def test_the_quint_2020_figures_carry_the_fiscal_year_reading_and_its_arithmetic():
    mirror = load_table("trade/mirror_calendar_year")
    quint = mirror[mirror["source_id"] == "QUINT_APR2023"]
    assert len(quint) == 3
    for note in quint["note"]:
        assert "read here as FY2020-21" in note and "2.6 + imports 5.48 = 8.08" in note
    fy = _row(load_table("trade/bilateral_fy"), partner="RUS", fiscal_year="FY2020-21",
              flow="total", source_id="IE_OCT2022")
    assert round(fy["value_usd_mn"] / 1000, 1) == 8.1  # the arithmetic the note states
    assert round(2600 + 5480, -2) / 1000 == 8.1


def test_gtri_may2024_names_the_page_that_carries_65_7():
    bil = load_table("trade/bilateral_fy")
    src = bil.attrs["meta"].source("GTRI_MAY2024")
    assert "hellobanker.in" in src["document"] and "Russia ($65.7 billion)" in src["document"]


@needs_sources
def test_a_correction_that_matches_no_row_stops_the_build(tmp_path, monkeypatch):
    src = tmp_path / "trade"
    shutil.copytree(SOURCES, src)
    stale = [{"file": "partner_trade_fy.csv", "why": "x",
              "match": {"fiscal_year": "FY2021-22", "partner": "SINGAPORE",
                        "source_id": "NO_SUCH_SOURCE"}, "set": {"precision": "approx"}}]
    monkeypatch.setattr(trade, "CORRECTIONS", stale)
    with pytest.raises(DataError, match="matches 0 rows of .*partner_trade_fy.csv"):
        trade.run(src, tmp_path / "out", log=lambda *_: None)


def test_every_ukraine_news_source_has_its_page_url_but_the_two_not_found():
    meta = load_table("diplomacy/ukraine_votes").attrs["meta"]
    no_url = sorted(s["id"] for s in meta.sources if not s.get("url"))
    assert no_url == ["UKRAINETODAY_2023_02_23", "XTRA_2022_10_13"]
    assert meta.source("TRIBUNE_2022_03_02")["url"].startswith("https://www.tribuneindia.com/")
