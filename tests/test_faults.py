"""Faults driven with real processes and signals: what a scheduler, a full disk or a crashed
worker does to a batch, and that the next run goes on as if nothing had happened.

The fixture notebooks are written here; each takes its behaviour from an environment variable
(``TIES_FAULT_<NAME>``: ``ok``, ``sleep``, ``killworker``) and writes the pids of its kernel and
of a child process it starts into ``$TIES_FAULT_DIR/<name>.pids``.
"""

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest

from analysis import ROOT
from analysis.publish import pid_alive as alive  # running, and not a zombie nobody reaped

pytestmark = [pytest.mark.notebook,  # slow: real batches, kernels and signals
              pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="reads /proc; the batch forks (POSIX)")]

CELL = """\
import os, pathlib, signal, subprocess, time
name = {name!r}
mode = os.environ.get("TIES_FAULT_" + name.upper(), "ok")
child = subprocess.Popen(["sleep", "600"])
marks = pathlib.Path(os.environ["TIES_FAULT_DIR"])
(marks / (name + ".pids")).write_text(f"{{os.getpid()}} {{child.pid}}")
if mode == "sleep":
    time.sleep(600)
if mode == "killworker":  # as the OOM killer would: the worker, parent of the kernel's template
    stat = pathlib.Path(f"/proc/{{os.getppid()}}/stat").read_text()
    os.kill(int(stat.rsplit(")", 1)[1].split()[1]), signal.SIGKILL)
    time.sleep(600)
print("done", name)
"""


def fault_notebook(folder: Path, name: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f"# Fault fixture {name}"),
        nbformat.v4.new_code_cell(CELL.format(name=name))])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def setup_batch(folder: Path, names: list[str]) -> Path:
    for name in names:
        fault_notebook(folder, name)
    config = folder / "reports.yml"
    config.write_text("out: out\nformats: [html]\nreports:\n"
                      + "".join(f"  - notebook: {n}.ipynb\n" for n in names))
    (folder / "marks").mkdir(exist_ok=True)
    return config


def env_for(folder: Path, **modes: str) -> dict:
    env = dict(os.environ, TIES_FAULT_DIR=str(folder / "marks"))
    env.update({f"TIES_FAULT_{k.upper()}": v for k, v in modes.items()})
    return env


def start_batch(config: Path, env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", "batch", str(config), "--allow-notebook",
         str(config.parent), *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)


def batch(config: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    proc = start_batch(config, env, *args)
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def wait_for(predicate, what: str, limit: float = 180) -> None:
    """Poll until ``predicate()`` holds (a bound on waiting, not an assertion on time)."""
    end = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.2)


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid`` (workers, templates, kernels, what the cells started)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return {p for p in found if alive(p)}


def pids_written(folder: Path, *names: str) -> bool:
    return all((folder / "marks" / f"{n}.pids").exists() for n in names)


def recorded_pids(folder: Path, *names: str) -> set[int]:
    return {int(p) for n in names for p in (folder / "marks" / f"{n}.pids").read_text().split()}


def start_two_of_three(tmp_path):
    """A two-worker batch of three sleeping reports, returned once two kernels are running."""
    config = setup_batch(tmp_path, ["alpha", "beta", "gamma"])
    proc = start_batch(config, env_for(tmp_path, alpha="sleep", beta="sleep", gamma="sleep"),
                       "-j", "2")
    wait_for(lambda: len([n for n in ("alpha", "beta", "gamma")
                          if pids_written(tmp_path, n)]) == 2, "two kernels running")
    return config, proc


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_a_killed_batch_leaves_nothing_behind_and_the_next_run_succeeds(tmp_path, sig, code):
    config, proc = start_two_of_three(tmp_path)
    tree = descendants(proc.pid)
    started = [n for n in ("alpha", "beta", "gamma") if pids_written(tmp_path, n)]
    cell_pids = recorded_pids(tmp_path, *started)
    assert cell_pids <= tree and len(tree) >= 2 + 2 + 4  # workers, templates, kernels, sleeps
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code
    wait_for(lambda: not any(alive(p) for p in tree), "the batch's processes to end", 60)

    log = (tmp_path / "out" / "batch.log").read_text()
    if sig == signal.SIGTERM:
        assert "ties batch: terminated; last good reports kept" in err
        never = ({"alpha", "beta", "gamma"} - set(started)).pop()
        assert f"[{never}] not started" in log
        assert all(f"[{n}] abandoned" in log for n in started)
        assert "terminated; batch: 0 rendered, 0 up to date, 0 failed, 2 abandoned, " \
               "1 not started" in log
        assert not (tmp_path / "out" / ".staging").exists()
    assert "Traceback" not in err

    again = batch(config, env_for(tmp_path), "-j", "2")  # at once: no lock, no orphan in the way
    assert again.returncode == 0, again.stderr
    assert not (tmp_path / "out" / ".staging").exists()
    for name in ("alpha", "beta", "gamma"):
        assert (tmp_path / "out" / name / f"{name}.html").exists()
    log = (tmp_path / "out" / "batch.log").read_text()
    assert "batch: 3 rendered, 0 up to date, 0 failed" in log
    if sig == signal.SIGKILL:
        assert "removed .staging/alpha." in log or "removed .staging/beta." in log


def test_a_crashed_worker_fails_its_report_alone(tmp_path):
    config = setup_batch(tmp_path, ["alpha", "beta", "gamma"])
    result = batch(config, env_for(tmp_path, beta="killworker"), "-j", "2")
    assert result.returncode == 1
    assert "[beta] failed" in result.stderr and "worker process died (signal 9)" in result.stderr
    out = tmp_path / "out"
    note = (out / "beta.failed.txt").read_text()
    assert "WorkerLost: its worker process died (signal 9)" in note
    for name in ("alpha", "gamma"):
        assert (out / name / f"{name}.html").exists()
    log = (out / "batch.log").read_text()
    assert "batch: 2 rendered, 0 up to date, 1 failed" in log
    index = (out / "index.html").read_text()
    assert index.count('class="ok"') == 2 and index.count('class="failed"') == 1
    wait_for(lambda: not any(alive(p) for p in recorded_pids(tmp_path, "beta")),
             "the dead worker's kernel and its child to end", 60)


def test_a_report_past_its_wall_clock_limit_fails_and_the_rest_publish(tmp_path):
    config = setup_batch(tmp_path, ["alpha", "beta"])
    result = batch(config, env_for(tmp_path, alpha="sleep"), "-j", "1",
                   "--report-timeout", "20")
    assert result.returncode == 1
    assert "took longer than the 20 s a report may take" in result.stderr
    assert (tmp_path / "out" / "beta" / "beta.html").exists()
    assert (tmp_path / "out" / "alpha.failed.txt").exists()
    if pids_written(tmp_path, "alpha"):
        wait_for(lambda: not any(alive(p) for p in recorded_pids(tmp_path, "alpha")),
                 "the stopped report's kernel and its child to end", 60)


def test_a_lock_held_by_orphans_of_a_dead_batch_is_taken_over(tmp_path):
    from analysis.publish import lock

    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(  # a process holding the lock, as an orphan of an old batch would
        [sys.executable, "-c", textwrap.dedent("""\
            import fcntl, os, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, b"batch pid 999999999, started long ago")
            print("held", flush=True)
            time.sleep(600)
            """), str(out / ".batch.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        said = []
        with lock(out, say=said.append):
            assert (out / ".batch.lock").read_text().startswith(f"batch pid {os.getpid()}")
        assert said and "took over the lock" in said[0] and "pid 999999999" in said[0]
    finally:
        holder.kill()
        holder.wait()


def test_concurrent_renders_of_one_report_all_publish(tmp_path):
    from pipeline_helpers import TINY

    out = tmp_path / "reports"
    cmd = [sys.executable, "-m", "analysis", "render", str(TINY), "--allow-notebook",
           "--format", "html", "--out", str(out)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0, 0], results
    assert (out / "tiny_report" / "tiny_report.html").exists()
    assert not (out / ".staging").exists()
    assert not list(out.glob("*.failed.*"))


# --- operating-system errors -------------------------------------------------------------------

def ties(*args, **kw):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **kw)


@pytest.mark.parametrize("command", ["batch", "render"])
def test_a_file_where_the_output_folder_should_be_is_one_line_exit_1(tmp_path, command):
    config = setup_batch(tmp_path, ["alpha"])
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    if command == "batch":
        result = ties("batch", config, "--allow-notebook", tmp_path, "--out", blocker)
    else:
        result = ties("render", tmp_path / "alpha.ipynb", "--allow-notebook", "--out", blocker)
    assert result.returncode == 1
    assert result.stderr == f"ties: error: not a folder: {blocker}\n"
    assert blocker.read_text() == "not a folder"


def test_a_log_that_is_a_folder_is_one_line_exit_1_before_anything_runs(tmp_path):
    config = setup_batch(tmp_path, ["alpha"])
    result = ties("batch", config, "--allow-notebook", tmp_path, "--log", tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"ties: error: the log is a folder, not a file: {tmp_path}\n"
    assert not (tmp_path / "out" / "alpha").exists()


def test_a_very_long_report_name_is_bounded(tmp_path, monkeypatch):
    from analysis import params
    from analysis.params import Param
    from analysis.render import SLUG_MAX, render, slug

    codes = [f"{a}{b}{c}" for a in "ABCDEFG" for b in "ABCDEFGHIJ" for c in "ABCDE"][:300]
    monkeypatch.setitem(params.CONTRACTS, "alpha", (
        Param("compare_with", "iso3_list", ["USA"], "codes"),))
    long = slug("alpha", {"compare_with": codes})
    assert len(long) <= SLUG_MAX and long.startswith("alpha--compare_with=AAA+AAB+")
    assert long != slug("alpha", {"compare_with": codes[:-1]})  # the hash tells them apart
    fault_notebook(tmp_path, "alpha")
    (tmp_path / "marks").mkdir()
    monkeypatch.setenv("TIES_FAULT_DIR", str(tmp_path / "marks"))
    monkeypatch.setattr(params, "_as_iso3", lambda v, *a, **k: str(v))  # codes made up here
    report = render(tmp_path / "alpha.ipynb", {"compare_with": codes}, formats="html",
                    out=tmp_path / "out")
    assert report.ok and report.slug == long
    assert (tmp_path / "out" / long / f"{long}.html").exists()


def test_a_full_disk_fails_the_report_keeps_the_last_good_one_and_writes_the_summary(tmp_path):
    """A small tmpfs filled up after a good run (skipped where mounting is not allowed)."""
    config = setup_batch(tmp_path, ["alpha"])
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)],
                           capture_output=True)
    if mount.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root)")
    try:
        out, log = disk / "out", tmp_path / "batch.log"
        env = env_for(tmp_path)
        assert batch(config, env, "--out", out, "--log", log).returncode == 0
        good = (out / "alpha" / "alpha.html").read_bytes()
        with open(disk / "filler", "wb", buffering=0) as f:  # fill the disk to the last byte
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        f.write(b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
        result = batch(config, env, "--out", out, "--log", log, "--force")
        assert result.returncode == 1
        assert "[alpha] failed" in result.stderr and "No space left on device" in result.stderr
        assert "Traceback" not in result.stderr
        assert (out / "alpha" / "alpha.html").read_bytes() == good  # last good report intact
        assert not [p for p in out.glob("alpha.failed.*") if p.stat().st_size == 0]
        assert "batch: 0 rendered, 0 up to date, 1 failed" in log.read_text()
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_failed_write_of_the_note_itself_still_gives_a_summary(tmp_path, monkeypatch):
    """ENOSPC injected at every write of the report and its note (no tmpfs needed)."""
    from analysis import batch as batch_module
    from analysis import publish

    config = setup_batch(tmp_path, ["alpha", "beta"])
    monkeypatch.setenv("TIES_FAULT_DIR", str(tmp_path / "marks"))

    def full(path, *args, **kw):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(publish, "write_manifest", full)
    monkeypatch.setattr(publish, "_write_text", full)
    code = batch_module.run(config, jobs=1, quiet=True, allowed=[tmp_path])
    assert code == 1
    log = (tmp_path / "out" / "batch.log").read_text()
    assert "[alpha] failed" in log and "No space left on device:" in log
    assert "batch: 0 rendered, 0 up to date, 2 failed" in log
    assert not list((tmp_path / "out").glob("*.failed.*"))
    assert not (tmp_path / "out" / ".staging").exists()


def test_a_terminated_render_unwinds_like_ctrl_c(tmp_path):
    setup_batch(tmp_path, ["alpha"])
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "render", str(tmp_path / "alpha.ipynb"),
         "--allow-notebook", "--format", "html", "--out", str(out)], cwd=ROOT,
        env=env_for(tmp_path, alpha="sleep"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    wait_for(lambda: pids_written(tmp_path, "alpha"), "the kernel to start")
    kernel = int((tmp_path / "marks" / "alpha.pids").read_text().split()[0])
    assert kernel in descendants(proc.pid)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert err.strip().endswith("ties: terminated; the last good report is kept")
    assert not (out / ".staging").exists() and not (out / "alpha").exists()
    wait_for(lambda: not alive(kernel), "the kernel to be shut down", 60)


def test_ctrl_c_waits_for_running_reports_and_a_second_abandons_them(tmp_path):
    config, proc = start_two_of_three(tmp_path)
    tree = descendants(proc.pid)
    proc.send_signal(signal.SIGINT)
    log = tmp_path / "out" / "batch.log"
    wait_for(lambda: "batch interrupted: no further report started" in log.read_text(),
             "the batch to note the interruption")
    assert proc.poll() is None  # still waiting for the two running reports
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130 and "Traceback" not in err
    assert "interrupted; batch: 0 rendered, 0 up to date, 0 failed, 2 abandoned, " \
           "1 not started" in log.read_text()
    wait_for(lambda: not any(alive(p) for p in tree), "the batch's processes to end", 60)


def test_a_read_only_output_folder_is_one_line_exit_1_and_keeps_the_report(tmp_path):
    setup_batch(tmp_path, ["alpha"])
    out = tmp_path / "out"
    render = ["render", tmp_path / "alpha.ipynb", "--allow-notebook", "--format", "html",
              "--out", out]
    env = env_for(tmp_path)
    assert ties(*render, env=env).returncode == 0
    good = (out / "alpha" / "alpha.html").read_bytes()
    bind = subprocess.run(["mount", "--bind", str(out), str(out)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("cannot bind-mount here (not root)")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(out)]).returncode != 0:
            pytest.skip("cannot remount read-only here")
        result = ties(*render, env=env)
        assert result.returncode == 1
        assert result.stderr == f"ties: error: Read-only file system: {out}/.batch.lock\n"
        assert (out / "alpha" / "alpha.html").read_bytes() == good
    finally:
        subprocess.run(["umount", "-l", str(out)], capture_output=True)
