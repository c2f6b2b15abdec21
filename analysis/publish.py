"""Publishing a report folder: the lock, staging, the atomic move, the manifest, failure notes.

A render writes everything into a staging folder ``<out>/.staging/<slug>.<pid>.<random>/`` and
only then moves it into place as ``<out>/<slug>/`` (:func:`publish`), so a reader never sees a
half-written report and a failure leaves the last good one untouched. Every report folder holds
a ``manifest.json`` (what it was built from; :func:`build_manifest`, read back by
:func:`read_manifest`). A failed run writes a note beside the report instead
(``<slug>.failed.txt`` for people, ``.failed.json`` for the batch and the index, and the executed
notebook as ``.failed.ipynb``), cleared by the next good run.

Everything that publishes into a reports folder — a batch, or ``ties render`` — first takes the
folder's lock (:func:`lock`, ``<out>/.batch.lock``), so two publishers never race on one report.
The lock is released when its holder exits, whatever the signal; it is never inherited by a
child process (closed at every fork and exec), and a lock left held by processes whose recorded
holder is gone is taken over, with a log line. The holder removes the staging folders of
publishers that are no longer running (:func:`clean_stale`).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import platform
import re
import shutil
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from analysis.errors import TiesError

try:
    import fcntl
except ImportError:  # Windows: no folder lock (one publisher at a time is up to the user)
    fcntl = None  # type: ignore[assignment]
from analysis.params import show
from analysis.provenance import cache_key, git_commit, jsonable, now_iso

STAGING = ".staging"
MANIFEST = "manifest.json"
LOCK_NAME = ".batch.lock"
_GUARD_NAME = ".batch.lock.guard"  # held for an instant while a stale lock is replaced


class Locked(TiesError):
    """Another batch or render is publishing into the same folder."""


# --- the folder lock ---------------------------------------------------------------------------

_HELD: set[int] = set()  # lock descriptors held by this process (closed in forked children)


def _close_held_in_child() -> None:
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):  # POSIX
    os.register_at_fork(after_in_child=_close_held_in_child)


@contextmanager
def lock(out_dir: Path, wait: bool = False, say: Callable[[str], None] | None = None,
         what: str = "batch") -> Iterator[Path]:
    """Hold ``out_dir/.batch.lock`` for the duration of the block.

    Raises :class:`Locked` naming the holder when another live process holds it, or waits for
    it when ``wait`` (``say`` is told once). A lock held although the process recorded in it is
    gone (its children outlived it) is taken over, and ``say`` is told so (only when the holder
    ran on this machine: a folder may be shared). OSError (a file where the folder should be,
    a read-only disk) goes to the caller.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_NAME
    if fcntl is None:
        yield path
        return
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown"
            pid = _holder_pid(holder)
            if pid is not None and _on_this_host(holder) and not pid_alive(pid):
                replaced = _replace_stale(out_dir, fd)
                os.close(fd)
                if replaced and say:
                    say(f"took over the lock of {out_dir}: its holder (pid {pid}) is gone, "
                        "processes it left still held it")
                continue
            os.close(fd)
            if not wait:
                raise Locked(f"another {_kind(holder)} is rendering into {out_dir} ({holder}); "
                             "try again when it has finished") from None
            if not told and say:
                say(f"waiting for the {_kind(holder)} rendering into {out_dir} ({holder})")
                told = True
            time.sleep(0.1)
            continue
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the file was replaced while we locked it: lock the new one
    _HELD.add(fd)
    try:
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{what} pid {os.getpid()} on {platform.node()}, started "
                          f"{now_iso()}\n".encode(), 0)
        except OSError:  # a full disk: the lock holds without the note of who holds it
            pass
        yield path
    finally:
        _HELD.discard(fd)
        os.close(fd)  # closing releases the lock


def _holder_pid(holder: str) -> int | None:
    m = re.search(r"\bpid (\d+)", holder)
    return int(m.group(1)) if m else None


def _on_this_host(holder: str) -> bool:
    """Whether the holder line names this machine (a pid means nothing on another one)."""
    m = re.search(r"\bpid \d+ on (\S+),", holder)
    return m is None or m.group(1) == platform.node()


def _kind(holder: str) -> str:
    return "render" if holder.startswith("render ") else "batch"


def _replace_stale(out_dir: Path, fd: int) -> bool:
    """Unlink the lock file ``fd`` refers to, if it is still the one at its path (checked under
    a guard lock, so two processes taking over at once cannot remove each other's new lock)."""
    guard = os.open(out_dir / _GUARD_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(guard, fcntl.LOCK_EX)
        try:
            if os.stat(out_dir / LOCK_NAME).st_ino != os.fstat(fd).st_ino:
                return False
        except FileNotFoundError:
            return False
        os.unlink(out_dir / LOCK_NAME)
        return True
    finally:
        os.close(guard)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a zombie, dead but not yet reaped, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def clean_stale(out_dir: Path) -> list[str]:
    """Remove staging folders and half-written files (``.name.<pid>.tmp``) left by publishers
    that are no longer running (killed mid-render); returns their paths relative to
    ``out_dir``. Call it while holding the lock."""
    root = Path(out_dir) / STAGING
    removed = []
    for tmp in Path(out_dir).glob("*.tmp"):
        m = re.search(r"\.(\d+)\.tmp$", tmp.name)
        if m and int(m.group(1)) != os.getpid() and not pid_alive(int(m.group(1))):
            tmp.unlink(missing_ok=True)
            removed.append(tmp.name)
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = re.search(r"\.(\d+)\.[0-9a-f]{8}$", entry.name)
        if m and (int(m.group(1)) == os.getpid() or pid_alive(int(m.group(1)))):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(f"{STAGING}/{entry.name}")
    try:
        root.rmdir()
    except OSError:
        pass
    return removed


# --- staging and the atomic move ---------------------------------------------------------------

def new_staging(out_dir: Path, report_slug: str) -> Path:
    """A fresh, empty staging folder for one render of ``report_slug`` (unique per process)."""
    staging = Path(out_dir) / STAGING / f"{report_slug}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    staging.mkdir(parents=True)
    return staging


def discard_staging(staging: Path) -> None:
    """Remove a staging folder (published or not), and ``.staging/`` itself once empty."""
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.parent.rmdir()
    except OSError:  # another render is still staging there, or it is gone already
        pass


def publish(staging: Path, target: Path) -> None:
    """Move the staging folder into place; the previous report is replaced only now.

    Should the move itself fail, the previous report is put back before the error is raised.
    """
    old = None
    if target.exists():
        old = staging.parent / f"{target.name}.old.{os.getpid()}.{uuid.uuid4().hex[:8]}"
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# --- the manifest ------------------------------------------------------------------------------

def build_manifest(*, report: str, title: str | None, notebook: str, parameters: dict[str, Any],
                   formats, files: dict[str, str], started: str, timings: dict[str, float],
                   inputs: dict[str, Any], failure: dict | None,
                   finding: str | None = None, key_figures: list[dict] | None = None,
                   changes: dict | None = None) -> dict[str, Any]:
    """The manifest of one run: what was rendered, from which inputs, how long it took, and
    (``failure``) what failed where, or None. ``key_figures``: the report's key figures
    (analysis.changes.figure dicts; the next render compares its own with them); ``changes``:
    ``{"since": the previous report's run date, "items": analysis.changes.compare(…)}``, or
    None when nothing moved."""
    return {
        "report": report,
        "title": title,
        "finding": finding,
        "key_figures": key_figures,
        "changes": changes,
        "notebook": notebook,
        "parameters": jsonable(parameters),
        "status": "ok" if failure is None else "failed",
        "formats": list(formats),
        "files": files,
        "started": started,
        "finished": now_iso(),
        "timings_s": timings,
        "git_commit": git_commit(),
        "data": inputs.get("data", {}),
        "packages": inputs.get("packages", {}),
        "library_sha256": inputs.get("library"),
        "notebook_sha256": inputs.get("notebook"),
        "inputs": inputs,
        "cache_key": cache_key(inputs),
        "host": platform.node(),
        "failure": failure,
    }


def write_manifest(folder: Path, manifest: dict[str, Any]) -> Path:
    """Write ``folder/manifest.json`` with the SHA-256 of each of the report's files (so the
    next batch can tell an intact report from an overwritten one) and return its path."""
    folder = Path(folder)
    manifest["checksums"] = {name: file_sha256(folder / name)
                             for name in (manifest.get("files") or {}).values()
                             if (folder / name).is_file()}
    path = folder / MANIFEST
    _write_text(path, json.dumps(manifest, indent=2) + "\n")
    return path


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of the report in ``folder``; None when absent or unreadable."""
    return _read_json(Path(folder) / MANIFEST)


# --- failure notes -----------------------------------------------------------------------------

def failure_paths(out_dir: Path, report_slug: str) -> dict[str, Path]:
    """Where a failure note and the failed run's notebook are written, beside the report."""
    out_dir = Path(out_dir)
    return {
        "txt": out_dir / f"{report_slug}.failed.txt",
        "json": out_dir / f"{report_slug}.failed.json",
        "ipynb": out_dir / f"{report_slug}.failed.ipynb",
    }


def read_failure(out_dir: Path, report_slug: str) -> dict[str, Any] | None:
    """The manifest of the last failed run of ``report_slug``; None when it has not failed."""
    return _read_json(failure_paths(out_dir, report_slug)["json"])


def write_failure(out_dir: Path, report_slug: str, staging: Path | None, manifest: dict,
                  failure: dict) -> Path:
    """Write the failure note (text and JSON) and keep the executed notebook; return the note.

    ``staging`` is None when the run left nothing (its worker process died). Each file is
    written whole or not at all (a full disk leaves no empty note); OSError goes to the caller.
    """
    paths = failure_paths(out_dir, report_slug)
    executed = staging / f"{report_slug}.ipynb" if staging is not None else None
    if executed is not None and not executed.exists():
        executed = None
    params = ", ".join(f"{k}={show(v)}" for k, v in manifest["parameters"].items()) or "(none)"
    last_good = Path(out_dir) / report_slug / MANIFEST
    lines = [
        f"Report {report_slug} FAILED on {manifest['finished']}",
        f"Notebook:   {manifest['notebook']}",
        f"Parameters: {params}",
        f"Step:       {failure['step']}",
    ]
    if failure.get("where"):
        lines.append(f"Cell:       {failure['where']}")
    lines.append(f"Error:      {failure['error']}")
    if failure.get("source"):
        lines += ["", "Cell source:"] + ["    " + s for s in str(failure["source"]).splitlines()]
    lines.append("")
    if executed is not None:
        lines.append(f"The executed notebook with the traceback: {paths['ipynb'].name}")
    if last_good.exists():
        lines.append(f"The last good report in {report_slug}/ is unchanged.")
    else:
        lines.append("There is no earlier good report.")
    try:
        _write_text(paths["json"], json.dumps(manifest, indent=2) + "\n")
        _write_text(paths["txt"], "\n".join(lines) + "\n")
    except OSError:  # both notes or neither
        paths["json"].unlink(missing_ok=True)
        raise
    paths["ipynb"].unlink(missing_ok=True)  # an older run's, not this one's
    if executed is not None:
        tmp = paths["ipynb"].with_name(f".{paths['ipynb'].name}.{os.getpid()}.tmp")
        try:
            shutil.copyfile(executed, tmp)
            os.replace(tmp, paths["ipynb"])
        except OSError:
            tmp.unlink(missing_ok=True)
            raise
    return paths["txt"]


def clear_failure(out_dir: Path, report_slug: str) -> None:
    """Remove the failure note of ``report_slug`` (after a good run)."""
    for p in failure_paths(out_dir, report_slug).values():
        p.unlink(missing_ok=True)


def _write_text(path: Path, text: str) -> None:
    """Write ``path`` through a temporary file and a rename: whole, or not at all."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
