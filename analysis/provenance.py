"""What a report was built from: checksums, package versions, git commit, the cache key.

``fingerprint(notebook, values, formats)`` gathers everything a report's content depends on
(notebook file, parameters, output formats, the article's text and sidecar, data checksums,
package versions and the library's own source files);
``cache_key`` is one SHA-256 over it. A batch compares fingerprints with the
last good manifest to decide what to rebuild and to say why.

Also the two small facts every manifest and log line carries: a path shown relative to the
repository root (:func:`relative_to_root`) and the time now in UTC (:func:`now_iso`).
Nothing here imports pandas, papermill or nbconvert: an unchanged batch stays fast.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import subprocess
from pathlib import Path
from typing import Any

from analysis import DATA_DIR, ROOT, SEEDS_DIR

#: The packages whose versions shape a report (recorded in every manifest).
PACKAGES = ("ties", "papermill", "nbconvert", "nbclient", "nbformat", "ipykernel", "jupyter_client",
            "weasyprint", "pandas", "numpy", "matplotlib", "pycountry", "PyYAML")
LIBRARY_DIR = Path(__file__).resolve().parent
#: The article a report reads when its ``article`` parameter is None (the seed).
DEFAULT_ARTICLE = SEEDS_DIR / "000_dc0b2ade85a12fc9.txt"
#: The parameters that name an article file (their content is part of the cache key).
ARTICLE_PARAMETERS = ("article", "article_path")


def fingerprint(path: Path, values: dict[str, Any], formats: tuple[str, ...],
                shared: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything a report's content depends on: notebook file, parameters, output formats,
    data checksums, package versions and the library's own source files.

    ``shared`` (from shared_inputs()) saves recomputing the parts common to a whole batch.
    """
    inputs = {
        "notebook": sha256(Path(path).read_bytes()),
        "parameters": jsonable(values),
        "formats": list(formats),
        **(shared or shared_inputs()),
    }
    for name in ARTICLE_PARAMETERS:
        if name in values:
            inputs["article"] = article_digest(values[name])
            break
    return inputs


def article_digest(path: str | Path | None) -> dict[str, str | None]:
    """What a report reads of an article: its file (relative to the root), the SHA-256 of its
    text and of its sidecar ``NAME.meta.yml`` (None when absent or unreadable). ``None`` means
    the seed article."""
    file = Path(path) if path not in (None, "", "None") else DEFAULT_ARTICLE
    if not file.is_absolute() and not file.exists():
        file = ROOT / file

    def digest(p: Path) -> str | None:
        try:
            return sha256(p.read_bytes())
        except OSError:
            return None

    return {"file": relative_to_root(file), "text": digest(file),
            "sidecar": digest(file.with_suffix(".meta.yml"))}


def article_change(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """Why a report's article input changed between two fingerprints, or None: "article
    changed: seeds/x.txt (text)" — the file named, and whether its text or sidecar moved."""
    a, b = old.get("article"), new.get("article")
    if a == b or b is None:
        return None
    if not a or a.get("file") != b.get("file"):
        return f"article changed: now {b.get('file')}"
    parts = [k for k in ("text", "sidecar") if a.get(k) != b.get(k)]
    return f"article changed: {b.get('file')} ({' and '.join(parts)})"


def shared_inputs() -> dict[str, Any]:
    """The inputs every report shares: data checksums, package versions, library digest."""
    return {"data": data_versions(), "packages": package_versions(), "library": library_digest()}


def cache_key(inputs: dict[str, Any]) -> str:
    """One SHA-256 over a fingerprint."""
    return sha256(json.dumps(inputs, sort_keys=True).encode())


def package_versions() -> dict[str, str]:
    """Installed versions of the packages that shape a report (and of Python)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in PACKAGES:
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "absent"
    return out


def library_digest() -> str:
    """SHA-256 of the analysis package's source files, style and templates."""
    h = hashlib.sha256()
    for p in sorted(LIBRARY_DIR.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(LIBRARY_DIR)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def data_versions(data_dir: Path | None = None) -> dict[str, str]:
    """``{table: sha256}`` for every table in data/ (empty when there is no data/ yet)."""
    from analysis.datafiles import checksum, list_tables

    root = Path(data_dir or DATA_DIR)
    if not root.is_dir():
        return {}
    out = {}
    for name in list_tables(root):
        try:
            out[name] = checksum(name, root)
        except OSError:  # a table without its sidecar: the loader refuses it anyway
            continue
    return out


def git_commit(root: Path = ROOT) -> str | None:
    """Short commit id of the checkout (with ``+changes`` when the tree is dirty), or None."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root,
                              capture_output=True, text=True, timeout=5)
        if head.returncode != 0:
            return None
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + (" +changes" if dirty.stdout.strip() else "")


def relative_to_root(path: str | Path) -> str:
    """``path`` as shown in manifests, logs and report footers: relative to the repository root
    when inside it (``notebooks/trade_imbalance.ipynb``), else as given."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except (ValueError, OSError):
        return str(path)


def now_iso() -> str:
    """The time now in UTC, to the second: ``2026-11-25T04:33:24+00:00``."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` as plain JSON data (paths and other objects become strings)."""
    return json.loads(json.dumps(values, default=str))
