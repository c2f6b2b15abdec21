"""Where the tables of ``data/`` live, their checksums and their YAML sidecars as files.

No pandas here: what a batch needs to decide whether a report is up to date (data checksums,
the batch file) is read without importing the data stack. ``analysis.datasets`` loads and
validates the tables themselves.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from analysis import DATA_DIR
from analysis.errors import DataError

# libyaml's C parser when PyYAML was built with it (ten times faster on the sidecars)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(name: str, data_dir: Path | None = None) -> Path:
    """Path of table ``name`` (e.g. ``"trade/bilateral_fy"``) under ``data_dir`` (default data/)."""
    return Path(data_dir or DATA_DIR) / f"{name}.csv"


def meta_path(name: str, data_dir: Path | None = None) -> Path:
    """Path of the sidecar of table ``name``."""
    return Path(data_dir or DATA_DIR) / f"{name}.meta.yml"


def read_yaml(path: Path, error: type[Exception] = DataError) -> Any:
    """Parse a UTF-8 YAML file; a syntax error raises ``error`` naming the file, on one line."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML ({' '.join(str(exc).split())})") from None


def checksum(name: str, data_dir: Path | None = None) -> str:
    """SHA-256 of table ``name``'s CSV and sidecar together (for manifests and caches)."""
    h = hashlib.sha256()
    for p in (data_path(name, data_dir), meta_path(name, data_dir)):
        h.update(p.read_bytes())
    return h.hexdigest()


def list_tables(data_dir: Path | None = None) -> list[str]:
    """Names of all tables under ``data_dir`` (``"trade/bilateral_fy"`` …), sorted."""
    root = Path(data_dir or DATA_DIR)
    return sorted(str(p.relative_to(root).with_suffix("")) for p in root.rglob("*.csv"))
