"""analysis.derive.update: validation before writing, the atomic swap, the lock, the changelog."""

import os
import shutil
from pathlib import Path

import pytest

from analysis import DATA_DIR
from analysis.derive import update
from analysis.derive.update import apply_update, compare, locked, read_table
from analysis.errors import DataError

from update_helpers import snapshot

QUIET = {"log": lambda *_: None}


@pytest.fixture
def data(tmp_path):
    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    return out


def _leftovers(data: Path) -> list[str]:
    return sorted(p.name for p in data.parent.iterdir() if p.name != data.name)


def test_a_table_that_breaks_its_sidecar_is_refused_and_nothing_changes(data):
    before = snapshot(data)
    df, meta = read_table("trade/partial_periods", data)
    df.loc[0, "flow"] = "exports"  # not one of the sidecar's flows
    with pytest.raises(DataError, match=r"partial_periods.csv line 2: column 'flow' value "
                                        r"'exports' is not one of"):
        apply_update(data, {"trade/partial_periods": (df, meta)}, "test", [], **QUIET)
    assert snapshot(data) == before
    assert _leftovers(data) == []  # the scratch copy is gone


def test_the_swap_puts_the_old_folder_back_if_the_new_one_cannot_be_moved_in(data, monkeypatch):
    before = snapshot(data)
    df, meta = read_table("trade/partial_periods", data)
    df = df.iloc[1:].reset_index(drop=True)  # a real change: one row removed
    real_rename, calls = os.rename, []

    def rename(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # the copy moving in
            raise OSError("simulated failure")
        return real_rename(src, dst)
    monkeypatch.setattr(update.os, "rename", rename)
    with pytest.raises(OSError, match="simulated"):
        apply_update(data, {"trade/partial_periods": (df, meta)}, "test", [], **QUIET)
    assert snapshot(data) == before
    assert _leftovers(data) == []


def test_a_second_update_while_one_holds_the_folder_is_refused(data):
    with locked(data):
        with pytest.raises(DataError, match="another `ties data update` is changing"):
            with locked(data):
                pass
    with locked(data):  # released again
        pass


def test_a_removed_row_is_in_the_changelog_with_its_old_values(data):
    df, meta = read_table("trade/partial_periods", data)
    gone = df.iloc[0].to_dict()
    result = apply_update(data, {"trade/partial_periods": (df.iloc[1:].reset_index(drop=True),
                                                           meta)}, "test removal", ["x"], **QUIET)
    assert result.changed and result.summary[0].startswith(
        "trade/partial_periods: 0 added, 0 revised, 1 removed")
    log = (data / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Removed (1 rows, old values):" in log
    assert f"value_usd_mn={gone['value_usd_mn']}" in log and f"period={gone['period']}" in log


def test_compare_pairs_a_restated_figure_as_a_revision():
    import pandas as pd

    meta = {"primary_key": ["partner", "fiscal_year", "source_id"]}
    old = pd.DataFrame([{"partner": "RUS", "fiscal_year": "FY2024-25", "source_id": "A",
                         "value": "1"}])
    new = pd.DataFrame([{"partner": "RUS", "fiscal_year": "FY2024-25", "source_id": "B",
                         "value": "2"}])
    plain = compare("t", old, meta, new, meta)
    assert (len(plain.added), len(plain.removed), len(plain.revised)) == (1, 1, 0)
    paired = compare("t", old, meta, new, meta, pair_on=["partner", "fiscal_year"])
    assert (len(paired.added), len(paired.removed)) == (0, 0)
    assert paired.revised == [(old.iloc[0].to_dict(), new.iloc[0].to_dict())]


def test_a_rebuild_after_an_update_says_the_update_must_be_run_again(data, tmp_path):
    from analysis.derive import build_all, default_sources_dir

    if not default_sources_dir().is_dir():
        pytest.skip("sources absent")
    df, meta = read_table("trade/partial_periods", data)
    apply_update(data, {"trade/partial_periods": (df.iloc[1:].reset_index(drop=True), meta)},
                 "test", [], **QUIET)
    lines: list[str] = []
    build_all(data_dir=data, only="trade", log=lines.append)
    assert any("run those updates again" in x for x in lines)
    assert len(read_table("trade/partial_periods", data)[0]) == len(df)  # rebuilt from sources
