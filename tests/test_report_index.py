"""reports/index.html: every report on disk with its status, non-default parameters and links."""

from analysis import publish
from analysis.report_index import collect, write_index

from pipeline_helpers import register


def report(out, slug, failed=False, **fields):
    values = dict(report=slug, title="Tiny title",
                  notebook="tests/fixtures/notebooks/tiny_report.ipynb",
                  parameters={"country": "RUS", "scale": 2}, formats=("html",),
                  files={"html": f"{slug}.html"}, started="2026-11-25T04:30:00+00:00",
                  timings={"total": 1.0}, inputs={},
                  failure={"step": "x", "error": "E"} if failed else None)
    values.update(fields)
    m = publish.build_manifest(**values)
    if failed:
        staging = publish.new_staging(out, slug)
        publish.write_failure(out, slug, staging, m, m["failure"])
        publish.discard_staging(staging)
    else:
        (out / slug).mkdir(parents=True)
        publish.write_manifest(out / slug, m)


def test_rows_from_manifests_and_failure_notes(tmp_path, monkeypatch):
    register(monkeypatch)
    report(tmp_path, "tiny_report")
    report(tmp_path, "tiny_report--scale=5", parameters={"country": "RUS", "scale": 5})
    report(tmp_path, "tiny_report--scale=5", failed=True,
           parameters={"country": "RUS", "scale": 5})
    report(tmp_path, "tiny_report--country=CHN", failed=True,
           parameters={"country": "CHN", "scale": 2})
    (tmp_path / ".staging" / "x").mkdir(parents=True)
    publish.write_manifest(tmp_path / ".staging" / "x", {"report": "hidden"})
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "manifest.json").write_text("{")

    rows = collect(tmp_path)
    assert [r["slug"] for r in rows] == ["tiny_report", "tiny_report--country=CHN",
                                         "tiny_report--scale=5"]
    assert rows[1]["good"] is None and rows[1]["failed"]["status"] == "failed"
    assert rows[2]["good"]["status"] == "ok" and rows[2]["failed"] is not None

    page = write_index(tmp_path).read_text()
    assert not list(tmp_path.glob(".index.html.*"))
    cells = page.split("<tr>")
    row = {slug: next(c for c in cells if f'"note">{slug}</span>' in c) for slug in
           ("tiny_report", "tiny_report--country=CHN", "tiny_report--scale=5")}
    assert '<td class="params">defaults</td>' in row["tiny_report"]
    assert '<td class="params">country=CHN</td>' in row["tiny_report--country=CHN"]
    assert '<td class="params">scale=5</td>' in row["tiny_report--scale=5"]
    assert "last good report from" in row["tiny_report--scale=5"]
    assert 'href="tiny_report--scale%3D5.failed.txt"' in row["tiny_report--scale=5"]
    assert 'href="tiny_report/tiny_report.html">HTML</a>' in row["tiny_report"]
    assert '<span class="ok">ok</span>' in row["tiny_report"]


def test_an_empty_folder_says_so(tmp_path):
    assert collect(tmp_path / "none") == []
    assert "No reports yet." in write_index(tmp_path / "new").read_text()


def test_lists_are_shown_as_on_the_command_line(tmp_path):
    report(tmp_path, "x--compare_with=CHN+USA", notebook="notebooks/x.ipynb",
           parameters={"compare_with": ["CHN", "USA"]})
    assert '<td class="params">compare_with=CHN,USA</td>' in write_index(tmp_path).read_text()
