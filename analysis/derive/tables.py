"""Writing a table of data/: ``<name>.csv`` plus its ``<name>.meta.yml`` sidecar, the same way
for every domain; and reading the YAML and CSV files that sit beside the derive steps."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from analysis.errors import DataError

HERE = Path(__file__).resolve().parent


class _Dumper(yaml.SafeDumper):
    """Writes a value shared by two columns twice instead of as a YAML anchor and alias."""

    def ignore_aliases(self, data) -> bool:
        return True


def write_table(out: Path, name: str, table, meta: dict) -> list[Path]:
    """Write ``out/name.csv`` and ``out/name.meta.yml``; return both paths.

    ``table`` is a pandas DataFrame or a list of dicts (rows in the order to write). Its columns
    are the sidecar's ``columns``, in that order; ``meta`` is written as given (keys in order),
    headed by a line naming the step (``meta["derived_by"]``) and saying not to edit the file.
    """
    columns = list(meta["columns"])
    buf = io.StringIO()
    if hasattr(table, "to_csv"):
        if list(table.columns) != columns:
            raise DataError(f"{name}: columns {list(table.columns)} differ from the sidecar's "
                            f"{columns}")
        table.to_csv(buf, index=False, lineterminator="\n")
    else:
        w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in table:
            w.writerow({c: r.get(c, "") for c in columns})
    step = meta["derived_by"].removeprefix("ties data build ")
    side = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    out.mkdir(parents=True, exist_ok=True)
    csv_path, meta_path = out / f"{name}.csv", out / f"{name}.meta.yml"
    csv_path.write_bytes(buf.getvalue().encode("utf-8"))
    meta_path.write_bytes(
        (f"# Written by `ties data build` {step}; do not edit.\n" + side).encode("utf-8"))
    return [csv_path, meta_path]


def cite(ids, register: dict[str, dict], table: str) -> list[dict]:
    """The sidecar's ``sources``: each id's register entry (empty fields left out), ids sorted.
    Every entry must say its ``kind`` (one of :data:`analysis.datasets.SOURCE_KINDS`)."""
    from analysis.datasets import SOURCE_KINDS

    ids = sorted(set(ids))
    unknown = [s for s in ids if s not in register]
    if unknown:
        raise DataError(f"{table}: source id(s) {unknown} are not in the source register")
    for s in ids:
        if register[s].get("kind") not in SOURCE_KINDS:
            raise DataError(f"{table}: source {s!r} in the source register has kind "
                            f"{register[s].get('kind')!r}; allowed: {', '.join(SOURCE_KINDS)}")
    return [{"id": s, **{k: v for k, v in register[s].items() if v is not None}} for s in ids]


def read_yaml(name: str) -> dict:
    """A YAML file beside the derive steps (``analysis/derive/<name>``)."""
    path = HERE / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from None


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts of strings; a missing file is a DataError naming it."""
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: source file is missing")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
