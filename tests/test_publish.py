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
    assert list(m) == ["report", "title", "finding", "key_figures", "changes", "notebook",
                       "parameters", "status", "formats", "files",
                       "started", "finished", "timings_s", "git_commit", "data", "packages",
                       "library_sha256", "notebook_sha256", "inputs", "cache_key", "host",
                       "failure"]
    assert m["status"] == "ok" and m["failure"] is None
    assert m["key_figures"] is None and m["changes"] is None  # a report that declares none
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


# --- the folder lock and what stopped runs leave -----------------------------------------------

def test_the_lock_refuses_a_second_holder_and_names_the_first(tmp_path):
    with publish.lock(tmp_path, what="render"):
        with pytest.raises(publish.Locked, match=r"another render is rendering into .* \(render "
                                                 r"pid \d+ on \S+, started"):
            publish.lock(tmp_path).__enter__()
    with publish.lock(tmp_path):  # released on exit
        pass


def test_a_dead_holder_on_another_machine_is_not_taken_over(tmp_path):
    import fcntl
    import os

    fd = os.open(tmp_path / ".batch.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # held here, but recorded as another host's
    os.write(fd, b"batch pid 999999999 on elsewhere, started long ago")
    try:
        with pytest.raises(publish.Locked, match="pid 999999999 on elsewhere"):
            publish.lock(tmp_path).__enter__()
    finally:
        os.close(fd)


def test_a_child_forked_under_the_lock_does_not_keep_it(tmp_path):
    import os
    import signal

    ready_r, ready_w = os.pipe()
    with publish.lock(tmp_path):
        pid = os.fork()
        if pid == 0:  # the child outlives the block, as an orphaned worker would
            import time
            os.write(ready_w, b"1")
            time.sleep(30)
            os._exit(0)
        os.read(ready_r, 1)  # the child is running (its fork hooks have run)
    try:
        with publish.lock(tmp_path):  # taken at once: the child holds no copy of the lock
            pass
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def test_a_file_where_the_folder_should_be_is_an_os_error_naming_it(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    with pytest.raises(NotADirectoryError) as err:
        publish.lock(blocker).__enter__()
    assert err.value.filename == str(blocker)


def test_clean_stale_removes_only_what_dead_processes_left(tmp_path):
    import os
    import subprocess

    dead = subprocess.Popen(["true"])
    dead.wait()
    live = publish.new_staging(tmp_path, "r")
    (tmp_path / publish.STAGING / f"r.{dead.pid}.0123abcd").mkdir()
    (tmp_path / f".index.html.{dead.pid}.tmp").write_text("half")
    (tmp_path / f".index.html.{os.getpid()}.tmp").write_text("ours")
    removed = publish.clean_stale(tmp_path)
    assert sorted(removed) == sorted([f".staging/r.{dead.pid}.0123abcd",
                                      f".index.html.{dead.pid}.tmp"])
    assert live.exists() and (tmp_path / f".index.html.{os.getpid()}.tmp").exists()


def test_a_failure_note_that_cannot_be_written_leaves_no_half_note(tmp_path, monkeypatch):
    import errno

    real = publish.Path.write_text

    def full(self, text, *a, **k):
        if self.name.startswith(".r.failed.txt"):
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, text, *a, **k)

    monkeypatch.setattr(publish.Path, "write_text", full)
    failure = {"step": "execute", "error": "E"}
    with pytest.raises(OSError, match="No space left"):
        publish.write_failure(tmp_path, "r", None, manifest(failure=failure), failure)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_pid_alive_sees_a_zombie_as_dead():
    import os
    import subprocess

    assert publish.pid_alive(os.getpid())
    proc = subprocess.Popen(["true"])
    import time
    for _ in range(100):
        if not publish.pid_alive(proc.pid):
            break
        time.sleep(0.02)
    assert not publish.pid_alive(proc.pid)  # exited, not yet reaped
    proc.wait()
    assert not publish.pid_alive(proc.pid)
