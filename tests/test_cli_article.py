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


def test_json_is_an_object_with_article_claims_and_entities(tmp_path):
    run = ties("article", SECOND, "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out) == {"article", "claims", "entities"}
    assert out["article"]["title"].startswith("Japan And Vietnam Sign Chip Pact")
    by_text = {r["text"]: r for r in out["claims"]}
    euro = by_text["€3.4 bn"]
    assert {k: euro[k] for k in ("kind", "value", "unit", "scale", "period", "sentence")} == {
        "kind": "money", "value": 3.4, "unit": "EUR", "scale": "billion", "period": "FY2023-24",
        "sentence": 5}
    assert euro["end"] - euro["start"] == len("€3.4 bn")
    assert {"measure", "flow", "reporter", "partner", "product"} <= set(euro)
    assert by_text["12.5 per cent"]["period"] == "FY2022-23"
    assert by_text["fourth"]["scale"] is None
    japan = next(e for e in out["entities"] if e["code"] == "JPN")
    assert japan["kind"] == "country" and japan["mentions"] >= 2


def test_seed_json_has_the_headline_figure_and_its_sidecar():
    out = json.loads(ties("article", "--json").stdout)
    assert out["article"]["published"] == "2024-07-08"
    assert out["article"]["author"] == "Jibran Munaf"
    money = [r for r in out["claims"] if r["kind"] == "money"]
    assert [(r["value"], r["scale"], r["period"], r["measure"], r["partner"]) for r in money] == [
        (65.7, "billion", "FY2023-24", "total_trade", "RUS")]


def test_published_on_the_command_line_resolves_relative_periods(tmp_path):
    article = tmp_path / "relative.txt"
    article.write_text("Trade Notes\n\nExports to Russia reached $4.3 billion in the last "
                       "fiscal year.\n", encoding="utf-8")
    out = json.loads(ties("article", article, "--json", "--published", "2024-06-01").stdout)
    assert out["claims"][0]["period"] == "FY2023-24"
    assert out["article"]["published"] == "2024-06-01"
    run = ties("article", article, "--published", "last week")
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "YYYY-MM-DD" in run.stderr


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"\xff\xfe\x00\x00binary", "binary"),
    (b"Just One Line\n", "no article structure"),
    (b"Title\n\n" + b"A long paragraph of text. " * 90000, "too large"),
], ids=["empty", "binary", "one-line", "too-large"])  # short ids: pytest puts the id in the
# environment of subprocesses (PYTEST_CURRENT_TEST), and a 2 MB id makes exec fail
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
