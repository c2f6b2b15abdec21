"""analysis.trade.evidence: what a trade verdict rests on — the kind of evidence each source
is, the one status rule, uncertainty bands, rounding and the computed value as a reader sees it.
How these decide each claim's verdict is tests/test_trade_claims.py."""

import pytest

from analysis.trade import evidence
from analysis.trade.evidence import (
    EVIDENCE,
    computed_text,
    growth_band,
    rounding_agrees,
    row_status,
    source_kind,
)


def test_growth_band_combines_both_years_half_widths():
    assert growth_band(65700, 50, 49400, 600) == pytest.approx(1.733, abs=0.005)
    assert growth_band(110, 0, 100, 0) == pytest.approx(0)
    # wider inputs, wider band
    assert growth_band(110, 5, 100, 5) > growth_band(110, 0.5, 100, 0.5) > 0


def test_source_kind_reads_the_kind_the_sidecar_states():
    assert source_kind("TRADESTAT_HS2_RU") == "official table"
    assert source_kind("TIA_FY2026") == "official table"
    assert source_kind("MINT_VIA_RT_MAY2024") == "ministry figure as reported"
    assert source_kind("PTI_OCT2023") == "ministry figure as reported"
    assert source_kind("ALIPOV_JAN2024") == "news"
    assert source_kind("NO_SUCH_SOURCE") == "news"
    # a third party's repackaging of Commerce data is a dataset: as reported, not official
    assert source_kind("KAGGLE_DERIV_2010_2021") == "ministry figure as reported"
    assert source_kind("UNTC_CHARTER") == "official table"  # the UN's own record
    assert source_kind("WIKI_QUAD") == "news"  # a reference work counts as news


def test_source_kind_follows_a_changed_kind_not_the_publisher(monkeypatch):
    real = evidence._sources()
    fake = {**real, "IE_OCT2022": {**real["IE_OCT2022"], "kind": "official table"}}
    monkeypatch.setattr(evidence, "_sources", lambda: fake)
    assert source_kind("IE_OCT2022") == "official table"
    fake["IE_OCT2022"] = {k: v for k, v in real["IE_OCT2022"].items() if k != "kind"}
    assert source_kind("IE_OCT2022") == "news"
    assert set(EVIDENCE) == {"official table", "ministry figure as reported", "news", "derived"}


def test_one_status_rule_provisional_until_a_year_after_the_fiscal_year():
    assert row_status("FY2023-24", "GTRI_MAY2024", "final") == "provisional"  # May 2024
    assert row_status("FY2023-24", "MINT_VIA_RT_MAY2024", "final") == "provisional"
    assert row_status("FY2022-23", "FIRSTPOST_APR2023", "provisional") == "provisional"
    assert row_status("FY2024-25", "TRADESTAT_HS2_RU", "final") == "final"  # retrieved Jul 2026
    assert row_status("FY2025-26", "TIA_FY2026", "final") == "provisional"  # Jul 2026
    assert row_status("FY2022-23", "QUINT_APR2023", "unclear") == "unclear"  # never upgraded
    assert row_status("FY2021-22", "OUTLOOK_DEC2025", "disputed") == "disputed"
    assert row_status("FY2024-25", "OUTLOOK_DEC2025", "final") == "provisional"  # Dec 2025
    assert row_status("FY2021-22", "JAISHANKAR_AUG2025", "final") == "final"  # Aug 2025


def test_computed_text_formats_each_unit():
    assert computed_text(33.0, 1.7377, "percent", None, "growth") == "33.0 % (±1.7)"
    assert computed_text(65.7, 0.05, "USD", "billion", "total_trade") == \
        "US$ 65.70 billion (±0.05)"
    assert computed_text(4, None, None, None, "rank") == "4"
    assert computed_text("abstain", None, "vote", None, "vote") == "abstain"
    assert computed_text(None, None, "USD", "billion", "exports") == ""


def test_rounding_agrees_with_half_open_intervals_and_no_float_noise():
    assert rounding_agrees(0.1, 0.05, 0.05) is False  # 118.2 vs 118.3: a touch
    assert rounding_agrees(118.3 - 118.2, 0.05, 0.05) is False  # the same in floating point
    assert rounding_agrees(0.0999, 0.05, 0.05) is True
    assert rounding_agrees(-0.05, 0.05) is True  # an exact 65.65 rounds to 65.7
    assert rounding_agrees(65.75 - 65.7, 0.05) is False  # an exact 65.75 rounds to 65.8
