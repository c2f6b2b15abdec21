"""data/trade: every table validates against its sidecar (the rebuild: test_derive_rebuild.py)."""

import pytest

from analysis.datasets import list_tables, load_meta, load_table

TABLES = [t for t in list_tables() if t.startswith("trade/")]


def test_trade_tables_exist():
    assert {"trade/bilateral_fy", "trade/hs2_composition", "trade/hs2_chapters",
            "trade/partial_periods", "trade/product_highlights",
            "trade/mirror_calendar_year"} <= set(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_and_cites_every_source(name):
    df = load_table(name)
    meta = df.attrs["meta"]
    assert len(df) > 0
    listed = {s["id"] for s in meta.sources}
    assert set(df["source_id"]) == listed  # every id used is listed, and only those
    for s in meta.sources:
        assert s["licence"] and s["retrieved"] and (s.get("url") or s.get("document"))
    assert meta.gaps, f"{name}: the sidecar must list the known gaps"


def test_balances_are_negative_where_sources_say_deficit():
    df = load_table("trade/bilateral_fy")
    bal = df[(df["partner"] == "RUS") & (df["flow"] == "balance")]
    assert (bal["value_usd_mn"] < 0).all()


def test_every_source_row_kept():
    df = load_table("trade/bilateral_fy")
    fy24 = df[(df["partner"] == "RUS") & (df["fiscal_year"] == "FY2023-24")]
    assert set(fy24["source_id"]) == {"GTRI_MAY2024", "GTRI_RUSSIA_2024", "MINT_VIA_RT_MAY2024"}
    assert "disputed" in set(df["status"])


def test_sidecar_without_retrieval_note_would_be_caught():
    meta = load_meta("trade/bilateral_fy")
    for s in meta.sources:
        assert s.get("retrieved_note"), f"{s['id']}: say what the retrieval date means"
