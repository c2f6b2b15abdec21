"""analysis.trade.rank: partner totals, share of India's trade and rank, on the real data."""

import numpy as np
import pytest

from analysis import trade

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


def test_rank_year_is_the_year_covering_most_partners():
    assert trade.rank_year("RUS", "IND", "FY2017-18", "FY2025-26") == "FY2025-26"
    assert trade.rank_year("RUS", "IND", "FY2017-18", "FY2017-18") is None  # Russia alone
