"""``data/README.md``: a catalogue of every table in data/, written from the sidecars."""

from __future__ import annotations

from pathlib import Path

from analysis.datasets import data_path, list_tables, load_table

HEADER = """# data/ — catalogue

Written by `ties data build` from the sidecars; do not edit. Each table `<group>/<name>.csv` has a
sidecar `<group>/<name>.meta.yml` with its sources (publisher, title, URL or document, retrieval
date, licence), units, coverage, known gaps and column schema; `analysis/datasets.py` refuses a
table that breaks it. Money is US$ million (`*_usd_mn`), years are Indian fiscal years
(`FY2023-24`, April–March) unless a column says otherwise, countries are ISO 3166 alpha-3 codes.
`ties data update unga|trade --from FILE` merges a newer official file (UN Digital Library voting
data, TradeStat reports) and lists every row it added, revised or removed in `CHANGELOG.md`.

| file | sidecar | title | rows | sources |
|---|---|---|---|---|
"""


def catalogue_text(data_dir: Path) -> str:
    """The catalogue's Markdown: one row per table with its title, row count and source ids."""
    rows = []
    for name in list_tables(data_dir):
        df = load_table(name, data_dir)
        meta = df.attrs["meta"]
        csv = data_path(name, data_dir).relative_to(data_dir)
        ids = ", ".join(s["id"] for s in meta.sources)
        title = " ".join(str(meta.title).split())
        side = csv.with_suffix(".meta.yml")
        rows.append(f"| `{csv}` | `{side}` | {title} | {len(df):,} | {ids} |")
    return HEADER + "\n".join(rows) + "\n"


def write_catalogue(data_dir: Path) -> Path:
    """Write ``data_dir/README.md`` and return its path."""
    path = Path(data_dir) / "README.md"
    path.write_text(catalogue_text(Path(data_dir)), encoding="utf-8")
    return path
