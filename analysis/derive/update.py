"""``ties data update``: bring new official files into data/ without a full rebuild.

An update reads one input file (``unga_un.py``: the UN Digital Library's General Assembly voting
data; ``tradestat.py``: the Commerce Ministry's TradeStat reports), computes the new versions of the
tables it feeds from the tables already in data/, and hands them to :func:`apply_update`, which

1. copies data/ to a temporary folder beside it and writes the new tables there;
2. validates every table of the copy against its sidecar (``analysis.datasets.load_table``) and
   rewrites the catalogue (data/README.md);
3. compares the copy with data/ table by table: rows added, revised (same key, other values) and
   removed, with old and new values, and the sidecar fields that changed;
4. when nothing differs, deletes the copy and says so (running an update twice changes nothing);
   otherwise appends the comparison to ``CHANGELOG.md`` in the copy and swaps the copy in for data/
   (two renames; the old folder is deleted only after the new one is in place).

A bad input file raises DataError before step 1, so data/ is never half-written. Only
:func:`fetch` touches the network, and only for a URL given on the command line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.datafiles import list_tables, read_yaml
from analysis.derive.tables import write_table
from analysis.errors import DataError

#: How many added rows of one table the changelog lists one by one (the rest are counted).
ADDED_ROWS_LISTED = 200
CHANGELOG = "CHANGELOG.md"


class FetchError(DataError):
    """A URL given with --from could not be fetched (network or HTTP error); nothing changed."""


# ---------------------------------------------------------------- one update at a time

@contextlib.contextmanager
def locked(data_dir: Path):
    """Hold an exclusive lock on the data folder while an update reads and replaces it; a second
    update meanwhile is refused (DataError) instead of silently undoing the first one's work."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DataError(f"{data_dir}: data folder not found")
    fd = os.open(data_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DataError(f"{data_dir}: another `ties data update` is changing this folder; "
                            "run again when it has finished") from None
        yield
    finally:
        os.close(fd)


# ---------------------------------------------------------------- input files

def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def is_url(text: str) -> bool:
    return str(text).lower().startswith(("http://", "https://"))


def fetch(url: str, folder: Path, timeout: float = 60.0) -> Path:
    """Download ``url`` into ``folder`` and return the file's path; FetchError on any failure."""
    name = Path(url.split("?", 1)[0].rstrip("/")).name or "download"
    dest = Path(folder) / name
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp, dest.open("wb") as out:
            shutil.copyfileobj(resp, out)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}; nothing changed") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot fetch ({exc.reason}); nothing changed") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: cannot fetch ({exc}); nothing changed") from None
    return dest


def retrieval_date(path: Path, given: str | None, fetched: bool = False) -> str:
    """The retrieval date to record: ``given`` (ISO) if any, else today (UTC) for a file just
    fetched, else the file's modification date."""
    if given:
        try:
            return dt.date.fromisoformat(given).isoformat()
        except ValueError:
            raise DataError(f"--retrieved {given!r}: expected a date like 2026-02-15") from None
    if fetched:
        return dt.datetime.now(dt.timezone.utc).date().isoformat()
    if not Path(path).exists():
        raise DataError(f"{path}: file not found")
    stamp = Path(path).stat().st_mtime
    return dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date().isoformat()


# ---------------------------------------------------------------- tables as text

def read_table(name: str, data_dir: Path) -> tuple[pd.DataFrame, dict]:
    """Table ``name`` of ``data_dir`` as strings (as written) and its sidecar as a dict."""
    csv_path = Path(data_dir) / f"{name}.csv"
    if not csv_path.exists():
        raise DataError(f"{csv_path}: data file is missing (run `ties data build` first)")
    df = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8")
    meta = read_yaml(Path(data_dir) / f"{name}.meta.yml")
    return df, meta


@dataclass
class TableChange:
    """What changed in one table: rows keyed by the sidecar's primary key."""

    name: str
    key: list[str]
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    revised: list[tuple[dict, dict]] = field(default_factory=list)  # (old, new)
    sidecar: list[tuple[str, object, object]] = field(default_factory=list)  # (field, old, new)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.revised or self.sidecar)

    def counts(self) -> str:
        return (f"{len(self.added):,} added, {len(self.revised):,} revised, "
                f"{len(self.removed):,} removed")


def compare(name: str, old: pd.DataFrame | None, old_meta: dict | None, new: pd.DataFrame,
            new_meta: dict, pair_on: list[str] | None = None) -> TableChange:
    """Rows added, revised and removed between two versions of a table (strings, as written).

    Rows are matched on the new sidecar's primary key. ``pair_on`` (a part of the key) also pairs
    one removed row with one added row that agree on it, as a revision: a figure restated by a
    newer release under a new source id is shown as old value → new value.
    """
    key = list(new_meta["primary_key"])
    change = TableChange(name, key)
    old = old if old is not None else pd.DataFrame(columns=new.columns)
    o = {tuple(r[k] for k in key): r for r in old.to_dict("records")}
    n = {tuple(r[k] for k in key): r for r in new.to_dict("records")}
    for k, r in n.items():
        if k not in o:
            change.added.append(r)
        elif r != o[k]:
            change.revised.append((o[k], r))
    change.removed = [r for k, r in o.items() if k not in n]
    if pair_on and change.added and change.removed:
        def by(rows):
            groups: dict[tuple, list[dict]] = {}
            for r in rows:
                groups.setdefault(tuple(r.get(c, "") for c in pair_on), []).append(r)
            return groups
        added, removed = by(change.added), by(change.removed)
        for k in set(added) & set(removed):
            if len(added[k]) == 1 and len(removed[k]) == 1:
                change.revised.append((removed[k][0], added[k][0]))
                change.added.remove(added[k][0])
                change.removed.remove(removed[k][0])
    for f in dict.fromkeys([*(old_meta or {}), *new_meta]):
        a, b = (old_meta or {}).get(f), new_meta.get(f)
        if a != b:
            change.sidecar.append((f, a, b))
    return change


# ---------------------------------------------------------------- the changelog

def _row(r: dict, key: list[str]) -> str:
    head = ", ".join(f"{k}={r[k]}" for k in key)
    rest = "; ".join(f"{c}={v}" for c, v in r.items() if c not in key and v != "")
    return f"{head}: {rest}" if rest else head


def _short(value, limit: int = 160) -> str:
    text = " ".join(str(value).split()) if value is not None else "(none)"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _field_change(a, b) -> str:
    """A sidecar field's change in words: sources by id, lists item by item, else old → new."""
    if isinstance(a, list) or isinstance(b, list):
        a, b = list(a or []), list(b or [])
        if all(isinstance(x, dict) and "id" in x for x in a + b):
            old, new = {x["id"]: x for x in a}, {x["id"]: x for x in b}
            parts = [f"+ {i} ({_short(', '.join(f'{k}: {v}' for k, v in new[i].items() if k != 'id'), 300)})"
                     for i in new if i not in old]
            parts += [f"− {i}" for i in old if i not in new]
            parts += [f"~ {i}: " + "; ".join(f"{k}: {_short(old[i].get(k))} → {_short(new[i].get(k))}"
                                               for k in dict.fromkeys([*old[i], *new[i]])
                                               if old[i].get(k) != new[i].get(k))
                      for i in new if i in old and new[i] != old[i]]
            return " | ".join(parts)
        parts = [f"+ {_short(x, 300)}" for x in b if x not in a]
        parts += [f"− {_short(x, 300)}" for x in a if x not in b]
        return " | ".join(parts) or "reordered"
    return f"{_short(a, 300)} → {_short(b, 300)}"


def changelog_entry(title: str, inputs: list[str], changes: list[TableChange],
                    notes: list[str], when: dt.datetime | None = None) -> str:
    """A Markdown section of CHANGELOG.md for one update."""
    when = when or dt.datetime.now(dt.timezone.utc)
    lines = [f"## {when:%Y-%m-%d %H:%M} UTC: {title}", ""]
    lines += [f"- input: {i}" for i in inputs]
    lines += [f"- {n}" for n in notes]
    lines += ["", "| table | added | revised | removed | sidecar fields changed |",
              "|---|---:|---:|---:|---|"]
    for c in changes:
        fields = ", ".join(f for f, _, _ in c.sidecar) or "none"
        lines.append(f"| `{c.name}` | {len(c.added):,} | {len(c.revised):,} | {len(c.removed):,} "
                     f"| {fields} |")
    for c in changes:
        if c.empty:
            continue
        lines += ["", f"### {c.name}"]
        if c.added:
            lines += ["", f"Added ({len(c.added):,} rows):"]
            lines += [f"- {_row(r, c.key)}" for r in c.added[:ADDED_ROWS_LISTED]]
            if len(c.added) > ADDED_ROWS_LISTED:
                lines.append(f"- … and {len(c.added) - ADDED_ROWS_LISTED:,} more rows")
        if c.revised:
            lines += ["", f"Revised ({len(c.revised):,} rows, old → new):"]
            for a, b in c.revised:
                diffs = "; ".join(f"{col}: {a.get(col, '')!s} → {b.get(col, '')!s}"
                                  for col in b if a.get(col) != b.get(col))
                lines.append(f"- {', '.join(f'{k}={a[k]}' for k in c.key)}: {diffs}")
        if c.removed:
            lines += ["", f"Removed ({len(c.removed):,} rows, old values):"]
            lines += [f"- {_row(r, c.key)}" for r in c.removed]
        if c.sidecar:
            lines += ["", "Sidecar:"]
            lines += [f"- {f}: {_field_change(a, b)}" for f, a, b in c.sidecar]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- writing data/

@dataclass
class UpdateResult:
    changed: bool
    changes: list[TableChange]
    changelog: Path | None
    summary: list[str]


def apply_update(data_dir: Path, tables: dict[str, tuple[pd.DataFrame, dict]], title: str,
                 inputs: list[str], notes: list[str] | None = None,
                 pair_on: dict[str, list[str]] | None = None, log=print) -> UpdateResult:
    """Write ``tables`` (name → (rows as strings, sidecar)) into data/ as one atomic change.

    Every table of the result is validated before data/ is touched; when the result equals
    data/ nothing is written. Returns what changed; the summary lines are also logged.
    """
    from analysis.datasets import load_table
    from analysis.derive.catalogue import write_catalogue

    data_dir = Path(data_dir).resolve()
    if not data_dir.is_dir():
        raise DataError(f"{data_dir}: data folder not found")
    notes, pair_on = list(notes or []), pair_on or {}
    changes = []
    for name, (df, meta) in tables.items():
        old, old_meta = read_table(name, data_dir) if (data_dir / f"{name}.csv").exists() \
            else (None, None)
        changes.append(compare(name, old, old_meta, df, meta, pair_on.get(name)))
    summary = [f"{c.name}: {c.counts()}" + (f"; sidecar: {', '.join(f for f, _, _ in c.sidecar)}"
                                             if c.sidecar else "") for c in changes]
    if all(c.empty for c in changes):
        summary = ["no change: data/ already holds these figures"]
        for line in summary:
            log(line)
        return UpdateResult(False, changes, None, summary)

    tmp = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.update-", dir=data_dir.parent))
    try:
        work = tmp / data_dir.name
        shutil.copytree(data_dir, work)
        for name, (df, meta) in tables.items():
            group, base = name.rsplit("/", 1)
            write_table(work / group, base, df, meta)
        for name in list_tables(work):
            load_table(name, work)  # raises DataError naming file and line
        write_catalogue(work)
        entry = changelog_entry(title, inputs, changes, notes)
        log_path = work / CHANGELOG
        previous = log_path.read_text(encoding="utf-8") if log_path.exists() else \
            "# data/ changelog\n\nWritten by `ties data update`; newest last; do not edit.\n"
        log_path.write_text(previous.rstrip("\n") + "\n\n" + entry, encoding="utf-8")
        _swap(work, data_dir, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    summary.append(f"changelog: {data_dir / CHANGELOG}")
    for line in summary:
        log(line)
    return UpdateResult(True, changes, data_dir / CHANGELOG, summary)


def _swap(new: Path, target: Path, scratch: Path) -> None:
    """Put folder ``new`` in place of ``target``: two renames on one file system; if the second
    fails the old folder is put back."""
    old = scratch / (target.name + ".old")
    os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(old, target)
        raise
