"""What a report was built from: checksums, versions, git commit, cache key, paths and times."""

import datetime as dt
import json
import re
import shutil
import subprocess

import pytest

from analysis import ROOT, provenance


def test_relative_to_root_inside_and_outside_the_repository(tmp_path):
    assert provenance.relative_to_root(ROOT / "notebooks" / "x.ipynb") == "notebooks/x.ipynb"
    assert provenance.relative_to_root(str(ROOT / "seeds")) == "seeds"
    assert provenance.relative_to_root(tmp_path / "a.txt") == str(tmp_path / "a.txt")


def test_now_iso_is_utc_to_the_second():
    text = provenance.now_iso()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", text)
    when = dt.datetime.fromisoformat(text)
    assert abs((dt.datetime.now(dt.timezone.utc) - when).total_seconds()) < 5


def test_data_versions_checksum_csv_and_sidecar_together(tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "t.csv").write_text("a\n1\n")
    (tmp_path / "g" / "t.meta.yml").write_text("title: t\n")
    (tmp_path / "g" / "orphan.csv").write_text("a\n")  # no sidecar: left out
    first = provenance.data_versions(tmp_path)
    assert list(first) == ["g/t"] and len(first["g/t"]) == 64
    (tmp_path / "g" / "t.meta.yml").write_text("title: changed\n")
    assert provenance.data_versions(tmp_path)["g/t"] != first["g/t"]
    assert provenance.data_versions(tmp_path / "absent") == {}


def test_real_data_tables_are_all_versioned(data_dir):
    versions = provenance.data_versions()
    assert versions and all(len(v) == 64 for v in versions.values())
    assert len(versions) == len(list(data_dir.rglob("*.csv")))  # every table has its sidecar


def test_fingerprint_and_cache_key_change_with_each_input(tmp_path):
    nb = tmp_path / "n.ipynb"
    nb.write_text("{}")
    shared = {"data": {"g/t": "1"}, "packages": {"pandas": "2"}, "library": "abc"}
    base = provenance.fingerprint(nb, {"p": tmp_path}, ("html",), shared)
    assert base == {"notebook": provenance.sha256(b"{}"), "parameters": {"p": str(tmp_path)},
                    "formats": ["html"], **shared}
    json.dumps(base)  # JSON all the way down
    key = provenance.cache_key(base)
    assert key == provenance.cache_key(json.loads(json.dumps(base))) and len(key) == 64
    for change in ({"formats": ["pdf"]}, {"data": {}}, {"library": "abd"},
                   {"parameters": {"p": "x"}}):
        assert provenance.cache_key({**base, **change}) != key


def test_package_versions_name_python_and_every_package():
    versions = provenance.package_versions()
    assert set(versions) == {"python", *provenance.PACKAGES}
    assert versions["papermill"] != "absent" and versions["python"].count(".") == 2


def test_library_digest_covers_the_package_source(tmp_path, monkeypatch):
    library = tmp_path / "analysis"
    shutil.copytree(provenance.LIBRARY_DIR, library,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(provenance, "LIBRARY_DIR", library)
    before = provenance.library_digest()
    assert before == provenance.library_digest()
    (library / "render.py").write_text((library / "render.py").read_text() + "\n# edit\n")
    assert provenance.library_digest() != before


def test_git_commit_of_a_checkout_and_of_a_plain_folder(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    assert provenance.git_commit(tmp_path) is None
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "f").write_text("1")
    env = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "-C", str(tmp_path), "add", "f"], check=True)
    subprocess.run(["git", *env, "-C", str(tmp_path), "commit", "-qm", "c"], check=True)
    commit = provenance.git_commit(tmp_path)
    assert re.fullmatch(r"[0-9a-f]{12}", commit)
    (tmp_path / "f").write_text("2")
    assert provenance.git_commit(tmp_path) == commit + " +changes"
