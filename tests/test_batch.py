"""ties batch: parallel rendering, cache hits and misses (with the reason), lock, index, log."""

import json
import shutil
import textwrap
from pathlib import Path

import pytest

import analysis.provenance
from analysis import batch, params
from analysis.batch import EXIT_FAILED, EXIT_LOCKED, EXIT_OK, lock
from analysis.errors import ParameterError
from analysis.params import Param

from pipeline_helpers import FAILING, TINY, register

pytestmark = pytest.mark.notebook


def run(config, **kw):
    """batch.run, the batch file's own folder allowed to hold notebooks (the fixtures' copies)."""
    return batch.run(config, allowed=[Path(config).parent], **kw)


def load(config, **kw):
    return batch.load(config, allowed=[Path(config).parent], **kw)


def batch_file(folder, reports: str, formats="[html]"):
    path = folder / "reports.yml"
    path.write_text(f"out: out\nformats: {formats}\nreports:\n" + textwrap.indent(
        textwrap.dedent(reports), "  "))
    return path


@pytest.fixture(scope="module")
def cold(tmp_path_factory):
    """A two-report batch rendered once from nothing, in two worker processes."""
    mp = pytest.MonkeyPatch()
    register(mp)
    folder = tmp_path_factory.mktemp("batch")
    shutil.copy(TINY, folder / "tiny_report.ipynb")
    config = batch_file(folder, """\
        - notebook: tiny_report.ipynb
        - notebook: tiny_report.ipynb
          parameters: {country: CHN}
        """)
    code = run(config, jobs=2)
    yield config, folder / "out", code
    mp.undo()


@pytest.fixture
def contracts(monkeypatch):
    register(monkeypatch)


def test_cold_batch_renders_every_report_and_lists_them(cold, capsys):
    config, out, code = cold
    assert code == EXIT_OK
    for slug in ("tiny_report", "tiny_report--country=CHN"):
        manifest = json.loads((out / slug / "manifest.json").read_text())
        assert manifest["status"] == "ok"
        assert (out / slug / f"{slug}.html").exists()
    index = (out / "index.html").read_text()
    assert 'href="tiny_report--country%3DCHN/tiny_report--country%3DCHN.html"' in index
    assert 'href="tiny_report/tiny_report.html"' in index
    assert index.count('class="ok"') == 2
    assert index.count("<strong>Tiny report: exports to the partner doubled</strong>") == 2
    assert "country=CHN" in index and ">defaults<" in index
    log = (out / "batch.log").read_text()
    assert "[tiny_report] rebuilding: new report" in log
    assert "2 rendered, 0 up to date, 0 failed" in log


def test_unchanged_batch_skips_everything_quietly(cold, contracts, capsys):
    config, out, _ = cold
    before = (out / "tiny_report" / "manifest.json").read_text()
    assert run(config, quiet=True) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert (out / "tiny_report" / "manifest.json").read_text() == before
    assert "0 rendered, 2 up to date, 0 failed" in (out / "batch.log").read_text()
    assert run(config) == EXIT_OK
    assert "[tiny_report] up to date, skipped" in capsys.readouterr().out


def test_changes_are_misses_that_say_why(cold, contracts, monkeypatch, tmp_path):
    config, out, _ = cold
    assert [j.reason for j in load(config).jobs] == [None, None]
    assert [j.reason for j in load(config, force=True).jobs] == ["forced (--force)"] * 2

    data = tmp_path / "data"
    (data / "g").mkdir(parents=True)
    (data / "g" / "t.csv").write_text("a\n1\n")
    (data / "g" / "t.meta.yml").write_text("title: t\n")
    monkeypatch.setattr(analysis.provenance, "DATA_DIR", data)
    reason = load(config).jobs[0].reason
    assert reason.startswith("data changed: ") and "+g/t" in reason.split(": ", 1)[1].split(", ")
    monkeypatch.undo()
    register(monkeypatch)

    monkeypatch.setitem(params.CONTRACTS, "tiny_report", (
        Param("country", "iso3", "RUS", "partner"), Param("scale", "int", 3, "changed default")))
    assert load(config).jobs[0].reason == "parameters changed"
    register(monkeypatch)

    monkeypatch.setattr(analysis.provenance, "library_digest", lambda: "0" * 64)
    assert load(config).jobs[0].reason == "library source changed"
    monkeypatch.setattr(analysis.provenance, "package_versions", lambda: {"pandas": "0.1"})
    assert "packages changed: " in load(config).jobs[0].reason


def test_edited_notebook_and_missing_output_rebuild(cold, contracts, tmp_path):
    config, out, _ = cold
    folder = tmp_path / "copy"
    shutil.copytree(config.parent, folder)
    (folder / "out" / "tiny_report" / "tiny_report.html").unlink()
    jobs = load(folder / "reports.yml").jobs
    assert jobs[0].reason == "output missing: tiny_report.html"
    nb = folder / "tiny_report.ipynb"
    nb.write_text(nb.read_text().replace("doubled", "tripled"))
    assert load(folder / "reports.yml").jobs[1].reason == "notebook changed"


def test_a_failing_report_fails_the_batch_and_the_rest_publish(tmp_path, contracts, capsys):
    shutil.copy(FAILING, tmp_path / "failing_report.ipynb")
    shutil.copy(TINY, tmp_path / "tiny_report.ipynb")
    config = batch_file(tmp_path, """\
        - notebook: failing_report.ipynb
        - notebook: tiny_report.ipynb
        """)
    assert run(config, jobs=1, quiet=True, log_file=tmp_path / "cron.log") == EXIT_FAILED
    err = capsys.readouterr().err
    assert "[failing_report] failed" in err and "ValueError: the fixture data disagree" in err
    assert (tmp_path / "out" / "tiny_report" / "manifest.json").exists()
    assert (tmp_path / "out" / "failing_report.failed.txt").exists()
    assert "1 rendered, 0 up to date, 1 failed" in (tmp_path / "cron.log").read_text()
    index = (tmp_path / "out" / "index.html").read_text()
    assert 'class="failed"' in index and "failing_report.failed.txt" in index
    assert load(config).jobs[0].reason == "last run failed"


def test_second_batch_is_refused_while_one_holds_the_lock(tmp_path, contracts, capsys):
    shutil.copy(TINY, tmp_path / "tiny_report.ipynb")
    config = batch_file(tmp_path, "- notebook: tiny_report.ipynb\n")
    with lock((tmp_path / "out").resolve()):
        assert run(config) == EXIT_LOCKED
    err = capsys.readouterr().err
    assert "another batch is rendering into" in err and "pid" in err
    assert not (tmp_path / "out" / "tiny_report").exists()


@pytest.mark.parametrize("reports, message", [
    ("- notebook: tiny_report.ipynb\n  parameters: {country: FRA}\n",
     "report 1: tiny_report: country=FRA is not in the data"),
    ("- notebook: tiny_report.ipynb\n- notebook: tiny_report.ipynb\n  parameters: {country: RUS}\n",
     "report 2: same report as report 1"),
    ("- notebook: nowhere.ipynb\n", "no such notebook file"),
    ("- notebook: ../../../../etc/passwd\n", "etc/passwd: not a notebook"),
    ("- notebook: tiny_report.ipynb\n  notebook: failing_report.ipynb\n",
     "key 'notebook' is given twice (line 5)"),
    ("- notebook: tiny_report.ipynb\n  parameters: {country: CHN, country: USA}\n",
     "key 'country' is given twice"),
    ("- {notebook: tiny_report.ipynb, params: {}}\n", "unknown key(s) params"),
])
def test_batch_file_mistakes_stop_before_anything_runs(tmp_path, contracts, reports, message):
    shutil.copy(TINY, tmp_path / "tiny_report.ipynb")
    config = batch_file(tmp_path, reports)
    with pytest.raises(ParameterError) as err:
        run(config)
    assert message in str(err.value)
    assert not (tmp_path / "out" / "tiny_report").exists()


def test_notebooks_outside_notebooks_folder_are_refused_unless_allowed(tmp_path, contracts):
    shutil.copy(TINY, tmp_path / "tiny_report.ipynb")
    config = batch_file(tmp_path, "- notebook: tiny_report.ipynb\n")
    with pytest.raises(ParameterError, match="report 1: .*tiny_report.ipynb: not one of the "
                                             "project's notebooks in notebooks/"):
        batch.run(config)
    assert not (tmp_path / "out" / "tiny_report").exists()
    assert batch.load(config, allowed=[tmp_path / "tiny_report.ipynb"]).jobs[0].name == \
        "tiny_report"


def test_paths_in_a_batch_file_are_relative_to_the_file(tmp_path, contracts, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("An article.\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = batch_file(tmp_path, "- notebook: article_brief\n"
                                  "  parameters: {article: articles/a.txt}\n")
    job = load(config).jobs[0]
    assert job.parameters["article"] == str(tmp_path / "articles" / "a.txt")


def test_an_overwritten_report_is_rebuilt(cold, contracts, tmp_path):
    config, out, _ = cold
    folder = tmp_path / "copy"
    shutil.copytree(config.parent, folder)
    (folder / "out" / "tiny_report" / "tiny_report.html").write_text("garbage")
    jobs = load(folder / "reports.yml").jobs
    assert jobs[0].reason == "output changed since published: tiny_report.html"
    assert jobs[1].reason is None
    manifest = folder / "out" / "tiny_report--country=CHN" / "manifest.json"
    data = json.loads(manifest.read_text())
    del data["checksums"]
    manifest.write_text(json.dumps(data))
    assert load(folder / "reports.yml").jobs[1].reason == "output checksums not recorded"


def test_shipped_batch_file_lists_the_default_set():
    import yaml

    from analysis import ROOT

    raw = yaml.safe_load((ROOT / "reports.yml").read_text())
    entries = [(r["notebook"], r.get("parameters") or {}) for r in raw["reports"]]
    assert entries == [
        ("article_brief", {}), ("trade_imbalance", {}), ("trade_imbalance", {"partner": "CHN"}),
        ("diplomatic_positioning", {}), ("diplomatic_positioning", {"country": "BRA"}),
    ]
    assert raw["formats"] == ["html", "pdf"] and raw["out"] == "reports"


def test_allowed_values_are_read_once_per_data_version(cold, contracts, monkeypatch):
    import sys

    config, out, _ = cold
    calls = []
    monkeypatch.setattr(sys.modules["ties_fixture_choices"], "countries",
                        lambda: calls.append(1) or ["CHN", "RUS", "USA"])
    (out / ".allowed-values.json").unlink(missing_ok=True)
    load(config)
    assert calls == [1]  # two reports, one read
    load(config)
    assert calls == [1]  # cached beside the reports, keyed on data and library
    monkeypatch.setattr(analysis.provenance, "library_digest", lambda: "1" * 64)
    load(config)
    assert calls == [1, 1]


def test_moved_key_figures_are_one_line_for_the_cron_mail():
    """One line per re-rendered report whose figures moved (China's FY2024-25 exports: PTI's
    provisional figure of April 2025, then TradeStat's final one); nothing for the others."""
    from analysis.batch import changed_figures
    from analysis.changes import compare, figure
    from analysis.display import usd_bn

    def exports(value, status):
        return [figure("export:FY2024-25", "exports", value, "usd_mn", usd_bn(value),
                       status=status, period="FY2024-25")]

    moved = compare(exports(14250.0, "provisional"), exports(14252.2, "final"))
    results = [{"slug": "a", "status": "ok", "changes": moved},
               {"slug": "b", "status": "ok", "changes": []},
               {"slug": "c", "status": "failed", "changes": moved},
               {"slug": "d", "status": "abandoned"}]
    assert changed_figures(results) == [
        "[a] FY2024-25 exports: US$ 14.3 bn, final (was US$ 14.2 bn, provisional)"]
