"""Publishing a report folder: staging, the atomic move into place, the manifest, failure notes.

A render writes everything into a staging folder ``<out>/.staging/<slug>.<pid>.<random>/`` and
only then moves it into place as ``<out>/<slug>/`` (:func:`publish`), so a reader never sees a
half-written report and a failure leaves the last good one untouched. Every report folder holds
a ``manifest.json`` (what it was built from; :func:`build_manifest`, read back by
:func:`read_manifest`). A failed run writes a note beside the report instead
(``<slug>.failed.txt`` for people, ``.failed.json`` for the batch and the index, and the executed
notebook as ``.failed.ipynb``), cleared by the next good run.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import uuid
from pathlib import Path
from typing import Any

from analysis.params import show
from analysis.provenance import cache_key, git_commit, jsonable, now_iso

STAGING = ".staging"
MANIFEST = "manifest.json"


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
                   inputs: dict[str, Any], failure: dict | None) -> dict[str, Any]:
    """The manifest of one run: what was rendered, from which inputs, how long it took, and
    (``failure``) what failed where, or None."""
    return {
        "report": report,
        "title": title,
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
    """Write ``folder/manifest.json`` and return its path."""
    path = Path(folder) / MANIFEST
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return path


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


def write_failure(out_dir: Path, report_slug: str, staging: Path, manifest: dict,
                  failure: dict) -> Path:
    """Write the failure note (text and JSON) and keep the executed notebook; return the note."""
    paths = failure_paths(out_dir, report_slug)
    executed = staging / f"{report_slug}.ipynb"
    if executed.exists():
        shutil.copyfile(executed, paths["ipynb"])
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
    if executed.exists():
        lines.append(f"The executed notebook with the traceback: {paths['ipynb'].name}")
    if last_good.exists():
        lines.append(f"The last good report in {report_slug}/ is unchanged.")
    else:
        lines.append("There is no earlier good report.")
    paths["txt"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths["json"].write_text(json.dumps(manifest, indent=2) + "\n")
    return paths["txt"]


def clear_failure(out_dir: Path, report_slug: str) -> None:
    """Remove the failure note of ``report_slug`` (after a good run)."""
    for p in failure_paths(out_dir, report_slug).values():
        p.unlink(missing_ok=True)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
