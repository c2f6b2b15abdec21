"""`ties data update unga`: the UN Digital Library's voting data merged into a copy of data/.

Fixtures (tests/fixtures/unga/README.md) are real 74th-session votes from unvotes in the UN file's
layouts. To see the panel extended without inventing post-2019 votes, the copy of data/ is cut
after 2019-12-10: the three fixture roll calls dated 12-19 December 2019 then lie after the last
unvotes roll call, while 74/7 and 74/11 lie before it and are compared with unvotes.
"""

import csv
import re
import socket
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from analysis import DATA_DIR, ROOT
from analysis.datasets import list_tables, load_table
from analysis.derive.tables import write_table
from analysis.derive.unga_un import read_un_file, update_unga
from analysis.derive.update import read_table
from analysis.errors import DataError

from update_helpers import refused, run_update, snapshot

FIX = ROOT / "tests" / "fixtures" / "unga"
NEW_2026 = FIX / "undl_2026.csv"
NEW_2024 = FIX / "undl_2024.csv"
CUT = "2019-12-10"
ADDED = {"9061": "A/RES/74/50", "9141": "A/RES/74/88", "9060": "A/RES/74/224"}


def _copy(tmp_path: Path, cut: str | None = None) -> Path:
    import shutil

    out = tmp_path / "data"
    shutil.copytree(DATA_DIR, out)
    if cut:
        calls, cmeta = read_table("diplomacy/unga_roll_calls", out)
        votes, vmeta = read_table("diplomacy/unga_votes_panel", out)
        keep = calls[calls["date"] <= cut]
        write_table(out / "diplomacy", "unga_roll_calls", keep, cmeta)
        write_table(out / "diplomacy", "unga_votes_panel",
                    votes[votes["rcid"].isin(set(keep["rcid"]))].reset_index(drop=True), vmeta)
    return out


def _ties(*args: str) -> subprocess.CompletedProcess:
    return run_update(*args)


def _rewrite(src: Path, dest: Path, edit) -> Path:
    rows = list(csv.reader(src.open(encoding="utf-8", newline="")))
    rows = edit(rows)
    with dest.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return dest


# ---------------------------------------------------------------- good files

def test_extends_the_panel_with_the_roll_calls_after_unvotes(tmp_path):
    data = _copy(tmp_path, CUT)
    done = _ties("unga", "--from", str(NEW_2026), "--data", str(data),
                 "--retrieved", "2026-02-20")
    assert done.returncode == 0, done.stderr
    assert "diplomacy/unga_roll_calls: 3 added, 0 revised, 0 removed" in done.stdout
    calls = load_table("diplomacy/unga_roll_calls", data)
    new = calls[calls["source_id"] == "UNDL_GA_VOTING"]
    assert dict(zip(new["rcid"].astype(str), new["resolution"])) == ADDED
    assert calls["date"].max() == pd.Timestamp("2019-12-19")
    # the votes added are exactly the real ones unvotes holds for those roll calls
    votes = load_table("diplomacy/unga_votes_panel", data)
    real = load_table("diplomacy/unga_votes_panel")
    ids = [int(i) for i in ADDED]
    got = votes[votes["rcid"].isin(ids)].reset_index(drop=True)
    want = real[real["rcid"].isin(ids)].sort_values(["rcid", "iso3"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(got.sort_values(["rcid", "iso3"]).reset_index(drop=True), want)
    meta = votes.attrs["meta"].raw
    assert meta["overlap_check"]["roll_calls_matched"] == 2
    assert meta["overlap_check"]["agreement_pct"] == 100.0
    src = votes.attrs["meta"].source("UNDL_GA_VOTING")
    assert src["retrieved"] == "2026-02-20" and len(src["sha256"]) == 64
    assert "non-commercial use with attribution" in src["licence"]
    assert "UNDL_GA_VOTING, 3 roll calls, last 2019-12-19" in meta["gaps"][0]
    # each panel country's UN records are mapped beside its unvotes records
    seats = load_table("diplomacy/unga_panel_countries", data)
    ind = seats[(seats["iso3"] == "IND") & seats["note"].str.startswith("UN Digital Library")]
    assert ind[["source_code", "votes"]].values.tolist() == [["IND", 3]]
    assert str(ind["last_vote"].iloc[0].date()) == "2019-12-19"


def test_every_table_of_the_result_loads(tmp_path):
    data = _copy(tmp_path, CUT)
    update_unga(NEW_2026, data, NEW_2026.name, "2026-02-20", log=lambda *_: None)
    for name in list_tables(data):
        assert len(load_table(name, data)) > 0, name


def test_changelog_lists_rows_added_with_their_values(tmp_path):
    data = _copy(tmp_path, CUT)
    update_unga(NEW_2026, data, NEW_2026.name, "2026-02-20", log=lambda *_: None)
    log = (data / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "ties data update unga" in log and "sha256" in log
    assert "| `diplomacy/unga_roll_calls` | 3 | 0 | 0 |" in log
    assert ("- rcid=9061: session=74; date=2019-12-12; resolution=A/RES/74/50; amendment=false; "
            "short_title=Nuclear disarmament verification; source_id=UNDL_GA_VOTING") in log
    assert "- rcid=9061, iso3=IND: vote=" in log
    assert "2 of 2 roll calls dated on or before 2019-12-10 matched" in log


def test_a_second_run_changes_nothing_and_says_so(tmp_path):
    data = _copy(tmp_path, CUT)
    first = _ties("unga", "--from", str(NEW_2026), "--data", str(data))
    assert first.returncode == 0, first.stderr
    before = snapshot(data)
    again = _ties("unga", "--from", str(NEW_2026), "--data", str(data))
    assert again.returncode == 0, again.stderr
    assert "no change" in again.stdout
    assert snapshot(data) == before


def test_an_older_release_removes_what_it_lacks_and_the_changelog_shows_old_values(tmp_path):
    data = _copy(tmp_path, CUT)
    update_unga(NEW_2026, data, NEW_2026.name, "2026-02-20", log=lambda *_: None)
    result = update_unga(NEW_2024, data, NEW_2024.name, "2024-09-20", log=lambda *_: None)
    calls = {c.name: c for c in result.changes}["diplomacy/unga_roll_calls"]
    assert sorted(r["rcid"] for r in calls.removed) == ["9060", "9141"]
    log = (data / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Removed (2 rows, old values):" in log
    assert "- rcid=9141: session=74; date=2019-12-13; resolution=A/RES/74/88" in log


def test_with_the_full_panel_nothing_is_added_and_the_overlap_is_recorded(tmp_path):
    data = _copy(tmp_path)
    before = (data / "diplomacy" / "unga_roll_calls.csv").read_bytes()
    update_unga(NEW_2026, data, NEW_2026.name, "2026-02-20", log=lambda *_: None)
    assert (data / "diplomacy" / "unga_roll_calls.csv").read_bytes() == before
    meta = load_table("diplomacy/unga_votes_panel", data).attrs["meta"].raw
    assert meta["overlap_check"]["roll_calls_matched"] == 5
    assert meta["overlap_check"]["panel_votes_compared"] == 85
    assert meta["title"].endswith("1946-2019")


def test_the_september_2024_layout_is_read():
    un = read_un_file(NEW_2024)
    assert un.layout.name.endswith("September 2024 release")
    assert sorted(un.roll_calls) == [9058, 9059, 9061]
    rc = un.roll_calls[9058]
    assert rc.session == 74 and rc.date == "2019-11-07"  # session from the symbol A/RES/74/7
    assert (rc.votes["IND"], rc.votes["USA"]) == ("yes", "no")


# ---------------------------------------------------------------- bad input: nothing changes

@pytest.fixture
def cut_data(tmp_path):
    data = _copy(tmp_path, CUT)
    return data, snapshot(data)


def test_wrong_columns_are_refused_naming_what_is_missing(cut_data, tmp_path):
    data, before = cut_data
    bad = _rewrite(NEW_2026, tmp_path / "renamed.csv",
                   lambda rows: [[c if c != "ms_vote" else "vote" for c in rows[0]], *rows[1:]])
    refused(_ties("unga", "--from", str(bad), "--data", str(data)), data, before,
             "renamed.csv", "lacks ms_vote", "has unknown vote", "September 2024 release: lacks")


@pytest.mark.parametrize("row, col, value, name, words", [
    (9, 3, "Yes", "bad_vote.csv", ("bad_vote.csv line 10", "vote 'Yes'")),
    (4, 4, "07/11/2019", "bad_date.csv", ("bad_date.csv line 5", "not an ISO date")),
], ids=["vote", "date"])
def test_a_malformed_cell_is_refused_with_its_line(cut_data, tmp_path, row, col, value, name,
                                                   words):
    data, before = cut_data

    def edit(rows):
        rows[row][col] = value
        return rows
    bad = _rewrite(NEW_2026, tmp_path / name, edit)
    refused(_ties("unga", "--from", str(bad), "--data", str(data)), data, before, *words)


def test_a_file_cut_mid_row_is_refused_with_its_line(cut_data, tmp_path):
    data, before = cut_data
    text = NEW_2026.read_text(encoding="utf-8")
    cut = tmp_path / "cut.csv"
    cut.write_text(text[: text.index("\n", len(text) // 2) + 25], encoding="utf-8")
    line = cut.read_text(encoding="utf-8").count("\n") + 1
    refused(_ties("unga", "--from", str(cut), "--data", str(data)), data, before,
             f"cut.csv line {line}", "truncated or malformed row")


def test_a_partial_file_isrefused(cut_data, tmp_path):
    data, before = cut_data
    lines = NEW_2026.read_text(encoding="utf-8").splitlines(keepends=True)
    part = tmp_path / "partial.csv"
    part.write_text("".join(lines[:-20]), encoding="utf-8")  # ends on a whole row
    refused(_ties("unga", "--from", str(part), "--data", str(data)), data, before,
             "partial.csv line", "A/RES/74/224", "the file is partial")


def test_a_header_only_file_isrefused(cut_data, tmp_path):
    data, before = cut_data
    empty = tmp_path / "header.csv"
    empty.write_text(NEW_2026.read_text(encoding="utf-8").splitlines()[0] + "\n",
                     encoding="utf-8")
    refused(_ties("unga", "--from", str(empty), "--data", str(data)), data, before,
             "no rows after the header")


def test_a_missing_file_is_one_line(cut_data, tmp_path):
    data, before = cut_data
    refused(_ties("unga", "--from", str(tmp_path / "nope.csv"), "--data", str(data)), data,
             before, "nope.csv", "not found")


def test_a_url_that_cannot_be_fetched_is_one_line_exit_1(cut_data):
    data, before = cut_data
    with socket.socket() as s:  # a port nobody listens on: bound, then closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = _ties("unga", "--from", f"http://127.0.0.1:{port}/undl.csv", "--data", str(data))
    assert done.returncode == 1, done.stdout + done.stderr
    err = done.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"127.0.0.1:{port}" in err and "nothing changed" in err
    assert snapshot(data) == before


def test_a_roll_call_whose_rows_disagree_isrefused(tmp_path):
    def edit(rows):
        rows[3][6] = "A/RES/74/999"
        return rows
    bad = _rewrite(NEW_2026, tmp_path / "mixed.csv", edit)
    with pytest.raises(DataError, match=r"mixed.csv line 4: undl_id 9058 has date 2019-11-07, "
                                        r"resolution A/RES/74/999"):
        read_un_file(bad)


# ---------------------------------------------------------------- a URL, served on this machine

@pytest.fixture
def served():
    """The fixture folder over HTTP on 127.0.0.1 (no outside network involved)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FIX))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_url_given_explicitly_is_fetched_and_recorded(tmp_path, served):
    import datetime as dt

    data = _copy(tmp_path, CUT)
    url = f"{served}/undl_2026.csv"
    done = _ties("unga", "--from", url, "--data", str(data))
    assert done.returncode == 0, done.stderr
    assert "3 added" in done.stdout
    src = load_table("diplomacy/unga_votes_panel", data).attrs["meta"].source("UNDL_GA_VOTING")
    assert src["document"] == url
    assert src["retrieved"] == dt.datetime.now(dt.timezone.utc).date().isoformat()
    again = _ties("unga", "--from", url, "--data", str(data))
    assert again.returncode == 0 and "no change" in again.stdout


def test_a_url_answering_404_is_one_line_exit_1(cut_data, served):
    data, before = cut_data
    done = _ties("unga", "--from", f"{served}/missing.csv", "--data", str(data))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "HTTP 404" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert snapshot(data) == before


def test_the_diplomacy_library_reads_the_updated_panel(tmp_path, monkeypatch):
    """The added roll calls reach the library's vote tables (data/ pointed at the updated copy)."""
    import analysis.datasets as datasets
    import analysis.diplomacy as diplomacy

    data = _copy(tmp_path, CUT)
    update_unga(NEW_2026, data, NEW_2026.name, "2026-02-20", log=lambda *_: None)
    monkeypatch.setattr(datasets, "DATA_DIR", data)
    datasets.clear_cache()
    try:
        v = diplomacy.votes(["IND", "USA"], "all", 2019, 2019)
        assert v.loc[9061, "year"] == 2019  # A/RES/74/50, from the UN file
        assert set(v.loc[[9061, 9141, 9060], "IND"]) <= {"yes", "no", "abstain"}
        assert diplomacy.year_coverage() == (1946, 2019)
    finally:
        datasets.clear_cache()


# ---------------------------------------------------------------- what real rows look like

REAL = FIX / "undl_real_excerpt_2026.csv"


def test_real_rows_are_read_totals_as_decimals_non_voting_and_emergency_session():
    # Two real rows of A/RES/ES-10/21 (tests/fixtures/unga/README.md): every row is read (the
    # totals "120.0", the vote X, the session ES-10) and only then is the file found partial.
    with pytest.raises(DataError, match=r"undl_real_excerpt_2026.csv line 3: resolution "
                                        r"A/RES/ES-10/21 \(undl_id 4025240\) has 2 Member-State "
                                        r"rows but total_ms is 193: the file is partial"):
        read_un_file(REAL)


@pytest.mark.parametrize("value", ["120.5", "1e2", "-120", "120."])
def test_a_total_that_is_not_a_whole_number_is_refused_with_its_line(tmp_path, value):
    lines = REAL.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",120.0,", f",{value},")
    bad = tmp_path / "total.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"total.csv line 3: total_yes '{re.escape(value)}' is "
                                        r"not a whole number"):
        read_un_file(bad)
