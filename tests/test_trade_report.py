"""analysis.trade.report: the report's wording, tables as shown and source notes."""

import re

import numpy as np
import pandas as pd
import pytest

from analysis import display as report_text
from analysis import trade
from analysis.trade import report as trade_report

YEARS = trade.fiscal_years("FY2017-18", "FY2025-26", "IND")


def tiny_series(rows):
    return pd.DataFrame(rows, columns=["fiscal_year", "flow", "value_usd_mn", "source_id"])


def test_yearly_table_rus_fy2023_24_cover_ratio_and_growth():
    t = trade_report.yearly_table(trade.bilateral_series("RUS", "IND", "FY2017-18", "FY2025-26"))
    row = t.loc["FY2023-24"]
    assert row["cover ratio"] == pytest.approx(4300 / 61400)
    assert row["total growth, %"] == pytest.approx(33.0, abs=0.05)
    assert "sources" not in t  # sources are cited under the table, never as internal ids
    assert list(t.columns[:4]) == list(trade.FLOWS)


def test_yearly_table_tiny_fixture_gap_and_joined_ids():
    s = tiny_series([("FY2020-21", "total", 100.0, "A+B"), ("FY2021-22", "export", 10.0, "B"),
                     ("FY2021-22", "import", 40.0, "C"), ("FY2021-22", "total", 50.0, None)])
    t = trade_report.yearly_table(s)
    assert np.isnan(t.loc["FY2020-21", "cover ratio"])          # no flows: no ratio, no filling
    assert t.loc["FY2021-22", "cover ratio"] == 0.25
    assert t.loc["FY2021-22", "total growth, %"] == pytest.approx(-50.0)


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
    claims = pd.DataFrame({"claim": ["x", "y"], "sentence": ["s", "t"],
                           "reason": ["base from GTRI_MAY2024", ""],
                           "source_ids": ["GTRI_MAY2024+UNKNOWN_ID", ""]})
    shown = trade_report.claims_display(claims)
    # sources cited by short name, internal ids gone from the reason too
    assert "sentence" not in shown
    assert shown["source_ids"].tolist() == ["Global Trade Research Initiative (2024); UNKNOWN_ID", ""]
    assert shown["reason"].tolist() == ["base from Global Trade Research Initiative (2024)", ""]
    assert trade_report.claims_source_ids(claims) == {"GTRI_MAY2024", "UNKNOWN_ID"}


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
    assert r"<small>US\$ 1</small>" in report_text.note("US$ 1").data


def test_claims_source_note_names_sources_or_says_none_used():
    none = pd.DataFrame({"claim": ["x"], "sentence": ["s"], "source_ids": [""]})
    assert trade_report.claims_source_note(none, "CHN") == (
        "No claim could be checked against data for China; no data source was used.")
    used = pd.DataFrame({"claim": ["x"], "sentence": ["s"], "source_ids": ["GTRI_MAY2024"]})
    assert "Global Trade Research Initiative" in trade_report.claims_source_note(used, "RUS")


def test_concentration_source_note_cites_the_partners_own_chapter_source():
    years = ["FY2024-25", "FY2025-26"]
    assert "Department of Commerce (2026) \\[" in trade_report.concentration_source_note("RUS", "IND", years)
    assert trade_report.concentration_source_note("RUS", "IND", ["FY2017-18"]) == \
        "Source: none (no rows shown)."


# ---- wording: chart titles and sentences that state the finding

def test_usd_bn():
    assert trade_report.usd_bn(65700) == "US$ 65.7 bn"
    assert trade_report.usd_bn(float("nan")) == "not available"


def test_balance_finding_deficit_surplus_and_no_exports():
    h = {"partner": "RUS", "fiscal_year": "FY2023-24", "export": 4300, "import": 61400,
         "balance": -57100}
    assert trade_report.balance_finding(h) == "India bought 14× more from Russia than it sold in FY2023-24"
    assert trade_report.balance_finding({**h, "export": 0}) == (
        "India bought from Russia and sold nothing in FY2023-24")
    usa = {"partner": "USA", "fiscal_year": "FY2023-24", "export": 77500, "import": 42200,
           "balance": 35300}
    assert trade_report.balance_finding(usa) == (
        "India sold 1.8× more to the United States than it bought in FY2023-24")


def test_composition_finding_rus_fy2024_25():
    assert trade_report.composition_finding("RUS", "FY2024-25", "import") == (
        "Mineral fuels, oil (HS 27) made up 89 % of India's imports from Russia in FY2024-25")
    exports = trade_report.composition_finding("RUS", "FY2024-25", "export")
    assert exports.startswith("Machinery (HS 84) made up 23 % of India's exports to Russia in FY2024-25")
    assert "exports are less concentrated than imports (HHI 838 vs 7,968)" in exports
    assert trade_report.composition_finding("RUS", "FY2023-24", "export") == (
        "No chapter breakdown for Russia in FY2023-24")


def test_coverage_summary_names_gaps_splits_and_derived_years():
    text = trade_report.coverage_summary("RUS", "IND", "FY2004-05", "FY2025-26")
    assert "No source gives any figure for FY2007-08, " in text and "FY2016-17." in text
    assert "not the export/import split, is known for FY2004-05, " in text
    assert "exports + imports): FY2021-22, FY2022-23, FY2024-25, FY2025-26." in text
    assert "+17.7 % a year (compound growth) from FY2004-05 to FY2025-26" in text
    # a category with nothing in it is not mentioned ("Years with no figure at all: none.")
    short = trade_report.coverage_summary("RUS", "IND", "FY2023-24", "FY2024-25")
    assert "none" not in short and "No source gives" not in short


# ---- text from data files is escaped, web addresses stay links

def test_sources_markdown_escapes_sidecar_text_and_keeps_addresses_whole():
    s = trade.bilateral_series("RUS", "IND", "FY2023-24", "FY2023-24")
    text = trade_report.sources_markdown(s, "RUS")
    assert r"*\$100 bln Indo-Russia" in text  # a title from the sidecar, "$" made literal
    assert ("<https://www.business-standard.com/economy/news/china-beats-us-to-emerge-as-largest-"
            "trading-partner-of-india-in-fy24-gtri-124051200126_1.html>") in text


def test_table_source_escapes_publisher_names():
    line = trade_report.table_source("trade/hs2_composition", {"TRADESTAT_HS2_RU"})
    assert re.fullmatch(r"Source: Department of Commerce \(2026\) \\\[\d+\\\]\.", line)
    assert trade_report.table_source("trade/hs2_composition", set()) == "Source: none (no rows shown)."


def test_title_names_the_pair_and_the_years():
    assert trade_report.title("CHN", "IND", "FY2017-18", "FY2025-26") == (
        "India–China trade, FY2017-18 to FY2025-26")


def test_key_findings_state_the_headline_numbers_rank_and_verdicts():
    h = trade.headline("CHN", "IND", fy_from="FY2017-18", fy_to="FY2025-26")
    claims = pd.DataFrame({"verdict": ["confirmed", "cannot check", "cannot check"]})
    box = trade_report.key_findings(h, "CHN", "IND", "FY2017-18", "FY2025-26", claims,
                                    trade_report.rank_of("CHN", "IND", "FY2017-18", "FY2025-26"))
    assert box.startswith('<section class="key-findings"') and box.count("\n- ") in (3, 4, 5)
    assert "totalled **US$ 151.1 bn** in FY2025-26 (provisional)" in box
    assert "a deficit of **US$ 112.2 bn**" in box and "no. 1 trading partner" in box
    assert "1 confirmed, 2 cannot check" in box and "Russia" not in box
    claims["verdict_text"] = ["consistent with figures as reported"] + ["cannot check"] * 2
    assert "1 consistent with figures as reported, 2 cannot check" in trade_report.key_findings(
        h, "CHN", "IND", "FY2017-18", "FY2025-26", claims, None)


def test_flows_hover_gives_each_year_its_values_in_words():
    s = trade.bilateral_series("RUS", "IND", "FY2017-18", "FY2025-26")
    hover = trade_report.flows_hover(s)
    assert [(x0, x1) for x0, x1, _ in hover[:2]] == [(-0.5, 0.5), (0.5, 1.5)]
    assert hover[0][2] == "FY2017-18: exports –, imports –, total US$ 10.7 bn, balance – (final)"
    assert hover[6][2].startswith("FY2023-24: exports US$ 4.3 bn, imports US$ 61.4 bn, total "
                                  "US$ 65.7 bn, balance US$ \u221257.2 bn")
