"""`ties data update trade`: TradeStat reports merged into a copy of data/.

Fixtures (tests/fixtures/trade/README.md) are cut from the staged TradeStat extractions: every
value is the staged one. To see a year added without inventing one, the copy of data/ drops the
staged FY2025-26 Russia rows first; the fixture then brings them back under the update's source id.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from analysis import DATA_DIR, ROOT
from analysis.datasets import list_tables, load_table
from analysis.derive.tables import write_table
from analysis.derive.tradestat import read_report, update_trade
from analysis.derive.update import read_table
from analysis.errors import DataError

from update_helpers import refused, run_update, snapshot

FIX = ROOT / "tests" / "fixtures" / "trade"
RUSSIA = FIX / "country_wise_russia.json"
RUSSIA_OLDER = FIX / "country_wise_russia_fy2024_25.json"
WORLD = FIX / "commodity_wise_fy2024_26.json"
QUIET = {"log": lambda *_: None}


def _copy(tmp_path: Path, drop_russia_fy2026: bool = False) -> Path:
    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    if drop_russia_fy2026:
        for name in ("hs2_composition", "bilateral_fy"):
            df, meta = read_table(f"trade/{name}", out)
            gone = (df["partner"] == "RUS") & (df["fiscal_year"] == "FY2025-26") & \
                (df["source_id"] == "TRADESTAT_HS2_RU")
            write_table(out / "trade", name, df[~gone].reset_index(drop=True), meta)
    return out


def _ties(*args: str) -> subprocess.CompletedProcess:
    return run_update("trade", *args)


def _russia(df: pd.DataFrame, fy: str) -> pd.DataFrame:
    return df[(df["partner"] == "RUS") & (df["fiscal_year"] == fy)
              & (df["coverage"] == "complete")]


def test_both_staged_layouts_are_read():
    layout, doc, chapters, totals = read_report(RUSSIA)
    assert layout == "country-wise" and doc["retrieved"] == "2026-07-18"
    assert {(t["fy"], t["flow"]): t["value"] for t in totals}[("FY2024-25", "import")] == 63811.4
    assert len(chapters) == 358
    layout, _, chapters, totals = read_report(WORLD)
    assert layout == "commodity-wise" and len(totals) == 4
    assert {r["partner"] for r in chapters} == {"WLD"}


def test_a_new_year_is_added_with_the_files_values(tmp_path):
    data = _copy(tmp_path, drop_russia_fy2026=True)
    done = _ties("--from", str(RUSSIA), "--data", str(data))
    assert done.returncode == 0, done.stderr
    assert "trade/hs2_composition: 179 added, 0 revised, 0 removed" in done.stdout
    assert "trade/bilateral_fy: 2 added, 0 revised, 0 removed" in done.stdout
    comp = load_table("trade/hs2_composition", data)
    real = load_table("trade/hs2_composition")
    got = _russia(comp, "FY2025-26").set_index(["flow", "hs_chapter"])["value_usd_mn"]
    want = _russia(real, "FY2025-26").set_index(["flow", "hs_chapter"])["value_usd_mn"]
    pd.testing.assert_series_equal(got.sort_index(), want.sort_index())
    sid = _russia(comp, "FY2025-26")["source_id"].unique()
    assert len(sid) == 1 and sid[0].startswith("TRADESTAT_CW_20260718_")
    src = comp.attrs["meta"].source(sid[0])
    assert src["document"] == RUSSIA.name and len(src["sha256"]) == 64
    assert src["retrieved"] == "2026-07-18"
    bil = load_table("trade/bilateral_fy", data)
    new = bil[bil["source_id"] == sid[0]].set_index("flow")
    assert new.loc["import", "value_usd_mn"] == 55369.6
    assert set(new["status"]) == {"provisional"}  # the file's latest year
    for name in list_tables(data):
        load_table(name, data)


def test_a_newer_release_revises_and_the_changelog_shows_old_and_new(tmp_path):
    data = _copy(tmp_path, drop_russia_fy2026=True)
    update_trade(RUSSIA_OLDER, data, RUSSIA_OLDER.name, "2026-07-18", **QUIET)
    comp = load_table("trade/hs2_composition", data)
    assert set(_russia(comp, "FY2024-25")["status"]) == {"provisional"}  # latest in that file
    result = update_trade(RUSSIA, data, RUSSIA.name, "2026-07-18", **QUIET)
    changes = {c.name: c for c in result.changes}
    assert len(changes["trade/hs2_composition"].revised) == 179
    assert len(changes["trade/hs2_composition"].added) == 179
    comp = load_table("trade/hs2_composition", data)
    assert set(_russia(comp, "FY2024-25")["status"]) == {"final"}
    log = (data / "CHANGELOG.md").read_text(encoding="utf-8")
    assert sum(x.startswith("## ") for x in log.splitlines()) == 2  # one entry per update
    line = next(x for x in log.splitlines()
                if x.startswith("- reporter=IND, partner=RUS, fiscal_year=FY2024-25, flow=import, "
                                "hs_chapter=27") and "status: provisional → final" in x)
    assert "source_id: TRADESTAT_CW_20260718_" in line
    assert "| `trade/bilateral_fy` | 2 | 2 | 0 |" in log


def test_the_staged_reports_again_change_nothing(tmp_path):
    data = _copy(tmp_path)
    before = snapshot(data)
    for f in (RUSSIA, WORLD):
        done = _ties("--from", str(f), "--data", str(data))
        assert done.returncode == 0, done.stderr
        assert "no change" in done.stdout
    assert snapshot(data) == before


def test_a_second_run_changes_nothing(tmp_path):
    data = _copy(tmp_path, drop_russia_fy2026=True)
    assert update_trade(RUSSIA, data, RUSSIA.name, "2026-07-18", **QUIET).changed
    before = snapshot(data)
    assert not update_trade(RUSSIA, data, RUSSIA.name, "2026-07-18", **QUIET).changed
    assert snapshot(data) == before


# ---------------------------------------------------------------- bad input: nothing changes

def _bad(tmp_path: Path, name: str, edit) -> Path:
    doc = json.loads(RUSSIA.read_text(encoding="utf-8"))
    edit(doc)
    path = tmp_path / name
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def cut_data(tmp_path):
    data = _copy(tmp_path, drop_russia_fy2026=True)
    return data, snapshot(data)


def test_a_malformed_value_is_refused_naming_where(cut_data, tmp_path):
    data, before = cut_data

    def edit(doc):
        doc["country_commodity_data"]["Russia"]["import"]["chapters"][0]["fy2025_26"] = "47,824.9"
    bad = _bad(tmp_path, "bad_value.json", edit)
    refused(_ties("--from", str(bad), "--data", str(data)), data, before,
             "bad_value.json", "Russia.import.chapters[0].fy2025_26", "'47,824.9'")


def test_a_partial_report_isrefused(cut_data, tmp_path):
    data, before = cut_data

    def edit(doc):
        del doc["country_commodity_data"]["Russia"]["import"]["chapters"][:3]
    bad = _bad(tmp_path, "partial.json", edit)
    refused(_ties("--from", str(bad), "--data", str(data)), data, before,
             "partial.json", "RUS import", "the file is partial")


def test_a_truncated_file_is_refused_with_its_line(cut_data, tmp_path):
    data, before = cut_data
    text = RUSSIA.read_text(encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    refused(_ties("--from", str(cut), "--data", str(data)), data, before,
             "cut.json line", "not valid JSON")


def test_an_unknown_layout_is_refused_naming_what_it_lacks(cut_data, tmp_path):
    data, before = cut_data
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"source": "x", "rows": []}), encoding="utf-8")
    refused(_ties("--from", str(other), "--data", str(data)), data, before,
             "other.json", "country_commodity_data", "by_chapter")


def test_a_report_without_its_retrieval_date_isrefused(tmp_path):
    bad = _bad(tmp_path, "undated.json", lambda doc: doc.pop("retrieved"))
    with pytest.raises(DataError, match="undated.json: lacks 'retrieved'"):
        read_report(bad)
