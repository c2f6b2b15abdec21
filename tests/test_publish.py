"""Publishing a report folder: staging, the atomic move, the manifest, failure notes."""

import json

import pytest

from analysis import publish
from analysis.provenance import cache_key

INPUTS = {"notebook": "n" * 64, "parameters": {"partner": "CHN"}, "formats": ["html"],
          "data": {"g/t": "d" * 64}, "packages": {"pandas": "2.2"}, "library": "l" * 64}


def manifest(failure=None, **fields):
    values = dict(report="r--partner=CHN", title="A title", notebook="notebooks/r.ipynb",
                  parameters={"partner": "CHN", "compare_with": ["USA", "ARE"]},
                  formats=("html",), files={"html": "r.html"}, started="2026-01-01T00:00:00+00:00",
                  timings={"total": 1.5}, inputs=INPUTS, failure=failure)
    values.update(fields)
    return publish.build_manifest(**values)


def test_manifest_fields_and_cache_key():
    m = manifest()
    assert list(m) == ["report", "title", "notebook", "parameters", "status", "formats", "files",
                       "started", "finished", "timings_s", "git_commit", "data", "packages",
                       "library_sha256", "notebook_sha256", "inputs", "cache_key", "host",
                       "failure"]
    assert m["status"] == "ok" and m["failure"] is None
    assert m["formats"] == ["html"] and m["timings_s"] == {"total": 1.5}
    assert m["data"] == INPUTS["data"] and m["library_sha256"] == "l" * 64
    assert m["cache_key"] == cache_key(INPUTS)
    assert manifest(failure={"step": "pdf", "error": "E"})["status"] == "failed"


def test_manifest_written_and_read_back_with_the_checksum_of_each_file(tmp_path):
    import hashlib

    m = manifest()
    (tmp_path / "r.html").write_text("<p>page</p>")
    path = publish.write_manifest(tmp_path, m)
    assert path == tmp_path / "manifest.json"
    assert publish.read_manifest(tmp_path) == json.loads(json.dumps(m))
    assert publish.read_manifest(tmp_path)["checksums"] == {
        "r.html": hashlib.sha256(b"<p>page</p>").hexdigest()}
    assert publish.read_manifest(tmp_path / "absent") is None
    (tmp_path / "manifest.json").write_text("{not json")
    assert publish.read_manifest(tmp_path) is None
    (tmp_path / "manifest.json").write_text("[1, 2]")
    assert publish.read_manifest(tmp_path) is None


def test_publish_replaces_the_report_only_when_the_new_one_is_complete(tmp_path):
    out = tmp_path / "reports"
    target = out / "r"
    staging = publish.new_staging(out, "r")
    assert staging.parent == out / publish.STAGING and not any(staging.iterdir())
    (staging / "r.html").write_text("first")
    publish.publish(staging, target)
    assert (target / "r.html").read_text() == "first"

    second = publish.new_staging(out, "r")
    assert second != staging
    (second / "r.html").write_text("second")
    assert (target / "r.html").read_text() == "first"  # nothing changes while staging
    publish.publish(second, target)
    assert (target / "r.html").read_text() == "second"
    publish.discard_staging(second)
    assert sorted(p.name for p in out.iterdir()) == ["r"]  # no .staging, no old copy left


def test_a_failed_move_puts_the_last_good_report_back(tmp_path):
    out = tmp_path / "reports"
    target = out / "r"
    target.mkdir(parents=True)
    (target / "r.html").write_text("good")
    staging = publish.new_staging(out, "r")
    staging.rmdir()  # the move has nothing to move: it fails
    with pytest.raises(FileNotFoundError):
        publish.publish(staging, target)
    assert (target / "r.html").read_text() == "good"
    assert [p.name for p in (out / publish.STAGING).iterdir()] == []


def test_failure_note_keeps_the_last_good_report_and_is_cleared(tmp_path):
    out = tmp_path
    (out / "r").mkdir()
    publish.write_manifest(out / "r", manifest())
    before = (out / "r" / "manifest.json").read_bytes()
    staging = publish.new_staging(out, "r")
    (staging / "r.ipynb").write_text("{}")
    failure = {"step": "execute", "where": "cell 3 (In [2])", "cell_index": 3,
               "source": "x = 1\nraise ValueError('bad')", "error": "ValueError: bad"}
    failed = manifest(failure=failure)
    note = publish.write_failure(out, "r", staging, failed, failure)
    paths = publish.failure_paths(out, "r")
    assert note == paths["txt"] == out / "r.failed.txt"
    text = note.read_text()
    assert text.startswith(f"Report r FAILED on {failed['finished']}\n")
    assert "Parameters: partner=CHN, compare_with=USA,ARE" in text
    assert "Cell:       cell 3 (In [2])\nError:      ValueError: bad" in text
    assert "    raise ValueError('bad')" in text
    assert "The executed notebook with the traceback: r.failed.ipynb" in text
    assert "The last good report in r/ is unchanged." in text
    assert paths["ipynb"].read_text() == "{}"
    assert publish.read_failure(out, "r")["failure"] == failure
    assert (out / "r" / "manifest.json").read_bytes() == before

    publish.clear_failure(out, "r")
    assert not any(p.exists() for p in paths.values())
    assert publish.read_failure(out, "r") is None


def test_failure_note_without_an_earlier_report(tmp_path):
    staging = publish.new_staging(tmp_path, "r")
    failure = {"step": "pdf", "error": "OSError: disk full"}
    text = publish.write_failure(tmp_path, "r", staging, manifest(failure=failure, parameters={}),
                                 failure).read_text()
    assert "Parameters: (none)" in text and "Step:       pdf" in text
    assert "There is no earlier good report." in text and "Cell:" not in text
    assert not publish.failure_paths(tmp_path, "r")["ipynb"].exists()
