"""`ties article` run as a user runs it: the installed console command in a subprocess."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

TIES = Path(sys.executable).parent / "ties"
SECOND = Path(__file__).parent / "fixtures" / "article_japan_vietnam.txt"


def ties(*args, cwd=None):
    return subprocess.run([str(TIES), *map(str, args)], check=False, capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_prints_the_seed_claims_as_a_table():
    run = ties("article")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("India’s Modi To Meet Putin In Moscow")
    assert lines[1].endswith("claims")
    header = lines[3].split()
    assert header == ["kind", "text", "value", "unit", "scale", "period", "start", "end",
                      "sentence"]
    money = next(line for line in lines if "$65.7 billion" in line)
    assert "money" in money and "USD" in money and "FY2023-24" in money
    assert any("41 years" in line for line in lines)
    assert run.stderr == ""


def test_json_records(tmp_path):
    run = ties("article", SECOND, "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    records = json.loads(run.stdout)
    by_text = {r["text"]: r for r in records}
    assert by_text["€3.4 bn"] == {
        "kind": "money", "text": "€3.4 bn", "value": 3.4, "unit": "EUR", "scale": "billion",
        "period": "FY2023-24", "start": by_text["€3.4 bn"]["start"],
        "end": by_text["€3.4 bn"]["end"], "sentence": 5,
    }
    assert by_text["12.5 per cent"]["period"] == "FY2022-23"
    assert by_text["fourth"]["scale"] is None


def test_seed_json_has_the_headline_figure():
    records = json.loads(ties("article", "--json").stdout)
    money = [r for r in records if r["kind"] == "money"]
    assert [(r["value"], r["scale"], r["period"]) for r in money] == [
        (65.7, "billion", "FY2023-24")]


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"\xff\xfe\x00\x00binary", "binary"),
    (b"Just One Line\n", "no article structure"),
])
def test_bad_file_gives_one_line_and_exit_2(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    run = ties("article", bad)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith("ties: error: ")
    assert str(bad) in run.stderr and message in run.stderr
    assert "Traceback" not in run.stderr


def test_missing_file_gives_one_line_and_exit_2(tmp_path):
    run = ties("article", tmp_path / "missing.txt")
    assert run.returncode == 2
    assert run.stderr.strip() == f"ties: error: {tmp_path / 'missing.txt'}: article file not found"


def test_output_piped_into_a_reader_that_has_gone():
    # The reader closes the pipe before ties writes (as `ties article | head` can): no traceback.
    with subprocess.Popen([str(TIES), "article", "--json"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:
        proc.stdout.close()
        _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err
    assert proc.returncode == 0
