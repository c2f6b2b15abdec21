"""Shared by the tests of `ties data update` (unga and trade): run the command as a user does,
snapshot a data folder, and check that a refused update said one line and changed nothing."""

import subprocess
import sys
from pathlib import Path

from analysis import ROOT


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_update(*args: str) -> subprocess.CompletedProcess:
    """``python -m analysis data update ARGS`` from the checkout, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "analysis", "data", "update", *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def refused(done, data: Path, before: dict[str, bytes], *words: str) -> None:
    """The update exited 2 with one line naming ``words`` and left ``data`` as it was."""
    assert done.returncode == 2, done.stdout + done.stderr
    err = done.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    for w in words:
        assert w in err, err
    assert snapshot(data) == before
