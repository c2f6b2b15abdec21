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
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.YAMLError):
    pass


class _SafeLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a mapping that gives one key twice (YAML keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                twice = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: the base loader says so
                continue
            if twice:
                raise _DuplicateKey(f"key {key!r} is given twice (line {key_node.start_mark.line + 1})")
        return super().construct_mapping(node, deep=deep)


_SAFE_LOADER = _SafeLoader


def data_path(name: str, data_dir: Path | None = None) -> Path:
    """Path of table ``name`` (e.g. ``"trade/bilateral_fy"``) under ``data_dir`` (default data/)."""
    return Path(data_dir or DATA_DIR) / f"{name}.csv"


def meta_path(name: str, data_dir: Path | None = None) -> Path:
    """Path of the sidecar of table ``name``."""
    return Path(data_dir or DATA_DIR) / f"{name}.meta.yml"


def read_yaml(path: Path, error: type[Exception] = DataError) -> Any:
    """Parse a UTF-8 YAML file; a syntax error, a key given twice in one mapping or a file that
    is not UTF-8 raises ``error`` naming the file, on one line."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except _DuplicateKey as exc:
        raise error(f"{path}: {exc}") from None
    except UnicodeDecodeError:
        raise error(f"{path}: not a UTF-8 text file") from None
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
