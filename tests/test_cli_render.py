"""`ties render` and `ties batch` as a user runs them: help, one-line errors, exit codes."""

import subprocess
import sys

import pytest

from analysis import ROOT
from analysis.cli import main

from pipeline_helpers import TINY, register


@pytest.fixture(autouse=True)
def contracts(monkeypatch):
    register(monkeypatch)


def ties(*args, cwd=ROOT):
    """Run the real `ties` entry point in a fresh process."""
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, message", [
    (["-p", "colour=red"], "tiny_report: unknown parameter 'colour'; parameters: country, scale"),
    (["-p", "scale=big"], "tiny_report: scale=big is not a whole number"),
    (["-p", "country=FRA"], "country=FRA is not in the data; allowed: CHN, RUS, USA"),
    (["-p", "country"], "-p 'country': expected name=value"),
    (["-p", "scale=1", "-p", "scale=2"], "-p scale: given twice"),
    (["--format", "docx"], "unknown format docx; formats: html, pdf"),
])
def test_bad_parameters_exit_2_with_one_line_and_write_nothing(tmp_path, capsys, args, message):
    out = tmp_path / "reports"
    assert main(["render", str(TINY), "--allow-notebook", *args, "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("ties: error: ")
    assert message in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert not out.exists()


def test_unknown_notebook_names_the_problem(tmp_path, capsys):
    assert main(["render", "no_such_notebook", "--out", str(tmp_path / "r")]) == 2
    assert "no notebook named 'no_such_notebook' in notebooks/" in capsys.readouterr().err


def test_notebook_help_lists_its_parameters(capsys):
    assert main(["render", str(TINY), "--help"]) == 0
    text = capsys.readouterr().out
    assert "usage: ties render" in text
    assert "Parameters of tiny_report" in text
    assert "-p country=VALUE   iso3, default RUS" in text
    assert "allowed: CHN, RUS, USA" in text
    assert "-p scale=VALUE   int, default 2" in text


def test_help_for_a_declared_notebook_works_before_its_file_exists(capsys, monkeypatch):
    import analysis.params

    monkeypatch.setattr(analysis.params, "NOTEBOOKS_DIR", ROOT / "no-notebooks-here")
    assert main(["render", "diplomatic_positioning", "-h"]) == 0
    text = capsys.readouterr().out
    assert "-p year_to=VALUE   year, default 2019" in text
    assert "-p counterparts=VALUE   iso3_list, default RUS,USA,CHN" in text


@pytest.mark.notebook
def test_render_writes_report_and_index_with_progress(tmp_path, capsys):
    out = tmp_path / "reports"
    assert main(["render", str(TINY), "--allow-notebook", "-p", "scale=3", "--format", "html", "--out", str(out)]) == 0
    progress = capsys.readouterr().out
    assert "[tiny_report--scale=3] executing tests/fixtures/notebooks/tiny_report.ipynb" in progress
    assert "[tiny_report--scale=3] published" in progress
    assert (out / "tiny_report--scale=3" / "tiny_report--scale=3.html").exists()
    assert not (out / "tiny_report--scale=3" / "tiny_report--scale=3.pdf").exists()
    assert "tiny_report--scale=3" in (out / "index.html").read_text()


def test_real_command_refuses_parameters_for_a_notebook_without_contract(tmp_path):
    result = ties("render", TINY, "--allow-notebook", "-p", "scale=2", "--out", tmp_path / "r")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "ties: error: tiny_report: no parameter contract is declared in analysis/params.py, so it "
        "takes no parameters; notebooks with parameters: article_brief, diplomatic_positioning, "
        "trade_imbalance")
    assert not (tmp_path / "r").exists()


def test_real_batch_command_missing_file_and_bad_jobs(tmp_path):
    result = ties("batch", tmp_path / "nothing.yml")
    assert result.returncode == 2 and "nothing.yml: no such batch file" in result.stderr
    result = ties("batch", ROOT / "reports.yml", "--jobs", "0")
    assert result.returncode == 2 and "--jobs 0: expected a number of workers" in result.stderr
    result = ties("batch", "--help")
    assert result.returncode == 0 and "3 another batch is running" in " ".join(result.stdout.split())


def test_render_refuses_a_notebook_outside_notebooks_unless_allowed(tmp_path, capsys):
    assert main(["render", str(TINY), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "not one of the project's notebooks in notebooks/" in err and "--allow-notebook" in err
    assert main(["render", "/etc/passwd", "--out", str(tmp_path / "r")]) == 2
    assert "ties: error: /etc/passwd: not a notebook" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_render_refuses_an_article_that_is_not_a_small_text_file(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 600_000)
    assert main(["render", "article_brief", "-p", f"article={big}",
                 "--out", str(tmp_path / "r")]) == 2
    assert "a text file of at most 2 MB is expected" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_real_batch_command_refuses_a_bad_report_timeout(tmp_path):
    for bad in ("0", "nan", "inf"):
        result = ties("batch", ROOT / "reports.yml", "--report-timeout", bad)
        assert result.returncode == 2 and f"--report-timeout {bad}: expected seconds" in \
            result.stderr
