"""Read and validate the tables in ``data/`` against their sidecar metadata.

Every table ``data/<group>/<name>.csv`` has a sidecar ``<name>.meta.yml``::

    title: India–Russia merchandise trade by fiscal year
    description: …
    units: {value_usd_mn: US$ million}
    coverage: …
    gaps: [ … ]
    derived_by: ties data build (analysis/derive/trade.py)
    licence: …
    primary_key: [fiscal_year, flow, source_id]
    columns:
      fiscal_year: {type: fiscal_year, description: …}
      flow: {type: category, allowed: [export, import], description: …}
      value_usd_mn: {type: float, min: -1000000, max: 1000000, description: …,
                     nonnegative_when: {flow: [export, import]}}
      source_id: {type: source, description: …}
    sources:
      - id: IE_OCT2022
        publisher: The Indian Express
        title: …
        url: …
        kind: news
        retrieved: 2026-07-18
        licence: …

A source's ``kind`` says what sort of evidence it is, one of :data:`SOURCE_KINDS`:

* ``official table`` — a government statistical table (TradeStat / DGCI&S / EIDB, the TIA portal);
* ``official record`` — the UN's own record or text (UN Digital Library voting data, the Treaty
  Collection, the UN Yearbook, the Dag Hammarskjöld Library's answers), also in a transcription;
* ``dataset`` — a third party's compilation of official records or tables (Voeten's roll calls,
  a GitHub repackaging of Commerce data);
* ``ministry figure as reported`` — a report that says it quotes Commerce Ministry or
  government data;
* ``news`` — any other report or statement (newspapers, agencies, officials' speeches);
* ``reference work`` — an encyclopedia or wiki.

``ties data build`` writes a kind for every source; a sidecar naming any other kind is refused.
How a kind counts when a claim is checked is :func:`analysis.trade.evidence.source_kind`'s business.

Column types: ``str``, ``int``, ``float``, ``bool``, ``date`` (ISO), ``fiscal_year`` (FY2023-24),
``iso3``, ``category`` (with ``allowed``), ``source`` (an id listed under ``sources``).
Numbers must be finite and within the column's ``min``/``max`` (a bound not stated is
±:data:`DEFAULT_LIMIT`); ``nonnegative_when: {flow: [export, import]}`` is a sign rule: the value
may not be negative on rows whose ``flow`` is one of those (a balance may take any sign).
Every sidecar field is type-checked (:func:`check_meta`). A table whose columns, types, keys or
values break the sidecar is refused with a DataError that names the file and the line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis import DATA_DIR
from analysis.countries import is_iso3
from analysis.datafiles import checksum, data_path, list_tables, meta_path, read_yaml  # noqa: F401
from analysis.errors import DataError
from analysis.fiscal import is_fy_label

COLUMN_TYPES = {"str", "int", "float", "bool", "date", "fiscal_year", "iso3", "category", "source"}
REQUIRED_META = ("title", "description", "licence", "columns", "primary_key", "sources")
REQUIRED_SOURCE = ("id", "publisher", "title", "retrieved", "licence")
#: The kinds of evidence a source can be (a source record's ``kind``), strongest first.
SOURCE_KINDS = ("official table", "official record", "dataset", "ministry figure as reported",
                "news", "reference work")
DEFAULT_LIMIT = 1e12  # |value| allowed in a numeric column whose sidecar states no bound
_TEXT_FIELDS = ("title", "description", "licence", "coverage", "derived_by")
_LIST_FIELDS = ("gaps", "notes")
_COLUMN_FIELDS = {"type", "description", "nullable", "allowed", "min", "max", "nonnegative_when"}


@dataclass(frozen=True)
class TableMeta:
    """A table's sidecar: provenance, units, coverage, gaps and column schema."""

    name: str
    path: Path
    raw: dict[str, Any] = field(repr=False)

    @property
    def title(self) -> str:
        return self.raw["title"]

    @property
    def sources(self) -> list[dict[str, Any]]:
        return list(self.raw["sources"])

    @property
    def gaps(self) -> list[str]:
        return list(self.raw.get("gaps") or [])

    @property
    def units(self) -> dict[str, str]:
        return dict(self.raw.get("units") or {})

    def __deepcopy__(self, memo: dict) -> "TableMeta":
        # pandas deep-copies DataFrame.attrs on nearly every operation; a sidecar is read-only,
        # so sharing it is safe and saves copying the whole metadata tree each time.
        return self

    def source(self, source_id: str) -> dict[str, Any]:
        """The source record with this id."""
        for s in self.sources:
            if s["id"] == source_id:
                return s
        raise DataError(f"{self.path}: no source with id {source_id!r}")


def load_meta(name: str, data_dir: Path | None = None) -> TableMeta:
    """Read and check the sidecar of table ``name``."""
    path = meta_path(name, data_dir)
    if not path.exists():
        raise DataError(f"{path}: metadata sidecar is missing (every table needs one)")
    raw = read_yaml(path, DataError)
    check_meta(path, raw)
    return TableMeta(name=name, path=path, raw=raw)


def check_meta(path: Path, raw: Any) -> None:
    """DataError naming ``path`` and the field unless every sidecar field has its type."""
    def fail(why: str) -> None:
        raise DataError(f"{path}: {why}")

    if not isinstance(raw, dict):
        fail("expected a mapping of metadata fields")
    missing = [k for k in REQUIRED_META if not raw.get(k)]
    if missing:
        fail(f"missing metadata field(s): {', '.join(missing)}")
    for key in _TEXT_FIELDS:
        if key in raw and not isinstance(raw[key], str):
            fail(f"{key} must be text, not {_kind(raw[key])}")
    for key in _LIST_FIELDS:
        if raw.get(key) is not None and not _list_of(raw[key], str):
            fail(f"{key} must be a list of text entries")
    if raw.get("units") is not None and not (
            isinstance(raw["units"], dict) and all(isinstance(v, str) for v in raw["units"].values())):
        fail("units must map column names to text")
    _check_sources(fail, raw["sources"])
    columns = raw["columns"]
    if not isinstance(columns, dict):
        fail(f"columns must map each column name to its specification, not {_kind(columns)}")
    for col, spec in columns.items():
        _check_column(fail, col, spec, columns)
    key = raw["primary_key"]
    if not _list_of(key, str) or not key:
        fail("primary_key must be a non-empty list of column names")
    unknown = [k for k in key if k not in columns]
    if unknown:
        fail(f"primary_key names {', '.join(unknown)}, not among the columns")


def _check_sources(fail, sources: Any) -> None:
    if not isinstance(sources, list):
        fail(f"sources must be a list of source records, not {_kind(sources)}")
    for i, src in enumerate(sources, start=1):
        if not isinstance(src, dict):
            fail(f"source #{i} must be a mapping (id, publisher, title, url …), "
                 f"not {_kind(src)}")
        lacking = [k for k in REQUIRED_SOURCE if not src.get(k)]
        if lacking:
            fail(f"source #{i} lacks {', '.join(lacking)}")
        bad = [k for k, v in src.items() if not isinstance(v, (str, int, float, dt.date))
               or isinstance(v, bool)]
        if bad:
            fail(f"source #{i} field(s) {', '.join(map(str, bad))} must be text or a date")
        if not (src.get("url") or src.get("document")):
            fail(f"source {src['id']!r} has neither url nor document")
        if "kind" in src and src["kind"] not in SOURCE_KINDS:
            fail(f"source {src['id']!r} has kind {src['kind']!r}; allowed: "
                 + ", ".join(SOURCE_KINDS))


def _check_column(fail, col: str, spec: Any, columns: dict) -> None:
    where = f"column {col!r}"
    if not isinstance(spec, dict):
        fail(f"{where} must be a mapping (type, description …), not {_kind(spec)}")
    if spec.get("type") not in COLUMN_TYPES:
        fail(f"{where} has type {spec.get('type')!r}; expected one of "
             f"{', '.join(sorted(COLUMN_TYPES))}")
    unknown = set(spec) - _COLUMN_FIELDS
    if unknown:
        fail(f"{where} has unknown field(s) {', '.join(sorted(map(str, unknown)))}; fields: "
             f"{', '.join(sorted(_COLUMN_FIELDS))}")
    if "nullable" in spec and not isinstance(spec["nullable"], bool):
        fail(f"{where}: nullable must be true or false")
    if "description" in spec and not isinstance(spec["description"], str):
        fail(f"{where}: description must be text")
    for bound in ("min", "max"):
        if bound in spec:
            value = spec[bound]
            if spec["type"] not in ("int", "float"):
                fail(f"{where}: {bound} applies to int and float columns only")
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not np.isfinite(value):
                fail(f"{where}: {bound} must be a finite number, not {value!r}")
    if "min" in spec and "max" in spec and spec["min"] > spec["max"]:
        fail(f"{where}: min {spec['min']} is above max {spec['max']}")
    if spec["type"] == "category" and not (_list_of(spec.get("allowed"), (str, int))
                                           and spec["allowed"]):
        fail(f"{where}: a category needs a non-empty list 'allowed'")
    rule = spec.get("nonnegative_when")
    if rule is not None:
        if spec["type"] not in ("int", "float"):
            fail(f"{where}: nonnegative_when applies to int and float columns only")
        if not isinstance(rule, dict) or len(rule) != 1:
            fail(f"{where}: nonnegative_when must name one column and its values, "
                 "e.g. {flow: [export, import]}")
        (other, values), = rule.items()
        if other not in columns or not _list_of(values, (str, int)):
            fail(f"{where}: nonnegative_when must name another column and a list of its values")


def _list_of(value: Any, types) -> bool:
    return isinstance(value, list) and all(isinstance(v, types) and not isinstance(v, bool)
                                           for v in value)


def _kind(value: Any) -> str:
    return {str: "text", list: "a list", dict: "a mapping", type(None): "empty"}.get(
        type(value), type(value).__name__)


def load_table(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Read table ``name`` and validate it against its sidecar.

    Returns a DataFrame with the declared columns and types; its ``attrs["meta"]`` holds the
    TableMeta. Raises DataError naming the file and line on any mismatch.
    """
    if data_dir is None:
        return _load_cached(name).copy()
    return _load(name, Path(data_dir))


@lru_cache(maxsize=None)
def _load_cached(name: str) -> pd.DataFrame:
    return _load(name, DATA_DIR)


_DERIVED_CACHES: list = []


def derived_cache(func):
    """Decorator for a library function that caches something computed from loaded tables:
    an ``lru_cache`` that :func:`clear_cache` empties together with the tables."""
    cached = lru_cache(maxsize=None)(func)
    _DERIVED_CACHES.append(cached)
    return cached


def clear_cache() -> None:
    """Forget every table read so far (and what was computed from them): the next call reads
    data/ again, e.g. after ``ties data update`` in a long-running session."""
    _load_cached.cache_clear()
    for cached in _DERIVED_CACHES:
        cached.cache_clear()


def _load(name: str, data_dir: Path) -> pd.DataFrame:
    meta = load_meta(name, data_dir)
    path = data_path(name, data_dir)
    if not path.exists():
        raise DataError(f"{path}: data file is missing (run `ties data build`)")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise DataError(f"{path}: cannot be read as CSV ({exc})") from None
    columns = meta.raw["columns"]
    if list(df.columns) != list(columns):
        raise DataError(
            f"{path}: columns {list(df.columns)} do not match the sidecar's {list(columns)}"
        )
    source_ids = {s["id"] for s in meta.sources}
    for col, spec in columns.items():
        df[col] = _convert(df[col], col, spec, path, source_ids)
    for col, spec in columns.items():
        if spec.get("nonnegative_when"):
            (other, values), = spec["nonnegative_when"].items()
            bad = df[col].lt(0).fillna(False) & df[other].isin(values)
            if bad.any():
                i = bad[bad].index[0]
                raise DataError(f"{path} line {i + 2}: column {col!r} value {df.at[i, col]} is "
                                f"negative where {other} is {df.at[i, other]} (must be ≥ 0 for "
                                f"{other} {', '.join(map(str, values))})")
    key = list(meta.raw["primary_key"])
    dup = df.duplicated(subset=key, keep=False)
    if dup.any():
        line = int(df.index[dup][0]) + 2
        vals = ", ".join(f"{k}={df.loc[df.index[dup][0], k]}" for k in key)
        raise DataError(f"{path} line {line}: duplicate key ({vals})")
    df.attrs["meta"] = meta
    return df


def _convert(s: pd.Series, col: str, spec: dict, path: Path, source_ids: set[str]) -> pd.Series:
    kind = spec["type"]
    nullable = bool(spec.get("nullable", False))
    empty = _invalid(s, lambda v: v.strip() != "")  # blank: empty or only white space

    def fail(mask: pd.Series, why: str) -> None:
        if mask.any():
            i = mask[mask].index[0]
            raise DataError(f"{path} line {i + 2}: column {col!r} value {s[i]!r} {why}")

    if not nullable:
        fail(empty, "is empty (the column is not nullable)")
    if kind in ("int", "float"):
        out = pd.to_numeric(s.where(~empty), errors="coerce")
        fail(out.isna() & ~empty, f"is not a number ({kind})")
        fail(out.isin([np.inf, -np.inf]), "is not a finite number")
        if "max" not in spec:
            fail(out > DEFAULT_LIMIT, f"is above {DEFAULT_LIMIT:g}, the limit for a column "
                 "whose sidecar states no max")
        if "min" not in spec:
            fail(out < -DEFAULT_LIMIT, f"is below -{DEFAULT_LIMIT:g}, the limit for a column "
                 "whose sidecar states no min")
        if kind == "int":
            fail((out.round() != out) & out.notna(), "is not a whole number")
            out = out.astype("Int64")
        if "min" in spec:
            fail(out < spec["min"], f"is below the minimum {spec['min']}")
        if "max" in spec:
            fail(out > spec["max"], f"is above the maximum {spec['max']}")
        return out
    if kind == "bool":
        ok = s.str.lower().isin(["true", "false"]) | empty
        fail(~ok, "is not true/false")
        return s.str.lower().map({"true": True, "false": False})
    if kind == "date":
        out = pd.to_datetime(s.where(~empty), format="%Y-%m-%d", errors="coerce")
        fail(out.isna() & ~empty, "is not an ISO date (YYYY-MM-DD)")
        return out
    out = s.where(~empty, None)
    if kind == "fiscal_year":
        fail(_invalid(s[~empty], is_fy_label), "is not a fiscal-year label like FY2023-24")
    elif kind == "iso3":
        fail(_invalid(s[~empty], is_iso3), "is not an ISO 3166 alpha-3 code")
    elif kind == "category":
        allowed = [str(a) for a in spec.get("allowed", [])]
        fail(~s.isin(allowed) & ~empty, f"is not one of {allowed}")
    elif kind == "source":
        fail(~s.isin(source_ids) & ~empty, "is not a source id listed in the sidecar")
    return out


def _invalid(s: pd.Series, is_valid) -> pd.Series:
    """Mask of the values of ``s`` that fail ``is_valid`` (each distinct value checked once)."""
    bad = [v for v in s.unique() if not is_valid(v)]
    return s.isin(bad)


def source_line(*tables: pd.DataFrame | TableMeta, used_ids: set[str] | None = None) -> str:
    """One 'Source:' line naming the publishers and titles behind the given tables.

    Pass ``used_ids`` to cite only the sources whose ids appear in the plotted rows.
    """
    parts: list[str] = []
    for t in tables:
        meta = t if isinstance(t, TableMeta) else t.attrs["meta"]
        for s in meta.sources:
            if used_ids is not None and s["id"] not in used_ids:
                continue
            text = f"{s['publisher']}, {s['title']}"
            if text not in parts:
                parts.append(text)
    retrieved = sorted(
        {str(s["retrieved"]) for t in tables
         for s in (t if isinstance(t, TableMeta) else t.attrs["meta"]).sources
         if used_ids is None or s["id"] in used_ids}
    )
    if not parts:
        return "Source: none (no rows shown)."
    when = f" (retrieved {retrieved[0]}" + (f" to {retrieved[-1]})" if len(retrieved) > 1 else ")")
    return "Source: " + "; ".join(parts) + when + "."
