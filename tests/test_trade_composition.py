"""analysis.trade.composition: HS chapters, top chapters and concentration (HHI)."""

import numpy as np
import pytest

from analysis import trade

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
