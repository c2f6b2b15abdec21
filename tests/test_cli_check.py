"""`ties check` run as a user runs it: the installed console command in a subprocess."""

import json
import subprocess
import sys
from pathlib import Path

TIES = Path(sys.executable).parent / "ties"
FIXTURE = Path(__file__).parent / "fixtures" / "article_china_trade.txt"


def ties(*args, cwd=None):
    return subprocess.run([str(TIES), *map(str, args)], check=False, capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_seed_table_with_verdict_counts():
    run = ties("check")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("India’s Modi To Meet Putin In Moscow")
    assert "claims checked:" in lines[1] and "confirmed" in lines[1]
    row = next(line for line in lines if "$65.7 billion" in line)
    assert "confirmed" in row and "FY2023-24" in row
    assert run.stderr == ""


def test_json_records_for_a_fixture_article(tmp_path):
    run = ties("check", FIXTURE, "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out) == {"article", "checks", "verdicts"}
    assert out["article"]["published"] == "2025-04-20"
    record = next(r for r in out["checks"] if r["text"] == "$99 billion")
    assert {k: record[k] for k in ("claimed", "unit", "scale", "period", "measure", "partner",
                                   "verdict")} == {
        "claimed": 99.0, "unit": "USD", "scale": "billion", "period": "FY2024-25",
        "measure": "balance", "partner": "CHN", "verdict": "confirmed"}
    assert record["computed"] > 99 and record["source"]
    assert out["verdicts"]["not checkable"] == 1


def test_published_overrides_and_bad_input_is_one_line(tmp_path):
    run = ties("check", FIXTURE, "--published", "2025-13-40")
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr
    missing = ties("check", tmp_path / "none.txt")
    assert missing.returncode == 2
    assert missing.stderr.strip().endswith("none.txt: article file not found")


def test_json_records_say_what_each_verdict_rests_on():
    run = ties("check", "--json")
    assert run.returncode == 0, run.stderr
    checks = {r["text"]: r for r in json.loads(run.stdout)["checks"]}
    growth = checks["33%"]
    assert growth["verdict"] == "confirmed"  # the machine-readable category is kept
    assert growth["verdict_text"] == "consistent with figures as reported"
    assert growth["evidence"] == "derived" and 1.5 < growth["band"] < 2.5
    assert growth["computed_text"] == "33.0 % (±1.7)" and growth["status"] == "provisional"
    total = checks["$65.7 billion"]
    assert (total["evidence"], total["band"]) == ("ministry figure as reported", 0.05)
    for r in checks.values():
        assert {"evidence", "band", "verdict_text", "status"} <= set(r)
        assert r["verdict"] in ("confirmed", "differs", "cannot check", "not checkable")
