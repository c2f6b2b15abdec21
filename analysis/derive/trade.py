"""Derive data/trade/ from the gathered trade sources (``shared/sources/trade``).

Reads the hand-compiled CSVs (one row per figure a source states) and, for HS-chapter detail, the
TRADESTAT extractions in ``raw/``. Writes compact tidy tables with a ``.meta.yml`` sidecar each.
Every source's row is kept: where sources disagree the tables hold all of them, with status and
precision; choosing one value per year is the library's job (``analysis.trade``), not the build's.
Nothing is estimated, interpolated or filled. The output is deterministic (same bytes each run).

One function per table, each returning ``(rows, meta)``; ``run`` writes them in order. The prose
and column schema of every table are in ``trade.meta.yml``, the source register in
``trade_sources.yml`` (both beside this file).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from analysis.countries import WORLD, iso3_from_name
from analysis.derive.tables import cite, read_yaml, write_table
from analysis.derive.tables import read_csv as _read_staged
from analysis.errors import DataError, ParameterError
from analysis.fiscal import is_fy_label

RAW_COUNTRY_HS2 = ("raw/mospi-dataset-analysis-public__country_commodity_breakdown_"
                   "2026-07-18.json")
RAW_WORLD_HS2 = ("raw/mospi-dataset-analysis-public__tradestat_hsn_export_import_"
                 "2018-19_to_2025-26.json")

_META = read_yaml("trade.meta.yml")
#: Corrections to rows of the staged files (facts/trade_corrections.yml), by file name.
CORRECTIONS: list[dict] = read_yaml("facts/trade_corrections.yml")["corrections"]
#: Rows the staged files lack, found later (facts/trade_additions.yml), by file name.
ADDITIONS: list[dict] = read_yaml("facts/trade_additions.yml")["additions"]
SOURCES: dict[str, dict] = read_yaml("trade_sources.yml")["sources"]
FLOWS: list[str] = _META["definitions"]["flows"]
STATUSES: list[str] = _META["definitions"]["statuses"]
PRECISIONS: list[str] = _META["definitions"]["precisions"]


def run(sources: Path, out: Path, log=print) -> list[Path]:
    """Write the trade tables and sidecars under ``out``; return the files written."""
    sources, out = Path(sources), Path(out)
    if not (sources / "SOURCES.md").exists():
        raise DataError(f"{sources}: not a trade source folder (SOURCES.md missing)")
    written: list[Path] = []
    for table in (bilateral_fy, hs2_composition, hs2_chapters, partial_periods,
                  product_highlights, mirror_calendar_year):
        rows, meta = table(sources)
        meta["sources"] = cite((r["source_id"] for r in rows), SOURCES, table.__name__)
        written += write_table(out, table.__name__, rows, meta)
        log(f"  wrote {table.__name__}.csv ({len(rows):,} rows)")
    return written


# ---------------------------------------------------------------- one function per table

def bilateral_fy(src: Path) -> tuple[list[dict], dict]:
    """India's trade with each partner and the world by fiscal year: one row per stated figure."""
    rows: list[dict] = []
    seen: set[tuple] = set()
    files = [("india_russia_annual_fy.csv", "RUSSIA"), ("partner_trade_fy.csv", None)]
    for fname, fixed_partner in files:
        for i, r in enumerate(read_csv(src / fname)):
            where = f"{src / fname} line {i + 2}"
            partner = _partner(fixed_partner or r["partner"], where)
            if not is_fy_label(r["fiscal_year"]):
                raise DataError(f"{where}: {r['fiscal_year']!r} is not a fiscal-year label")
            row = {
                "reporter": "IND",
                "partner": partner,
                "fiscal_year": r["fiscal_year"],
                "flow": _check(r["flow"], FLOWS, "flow", where),
                "value_usd_mn": _num(r["value_usd_million"]),
                "source_id": r["source_id"],
                "status": _check(r["status"], STATUSES, "status", where),
                "precision": _check(r["precision"], PRECISIONS, "precision", where),
                "note": r["note"].strip(),
            }
            # The same figure from the same source can be listed in both files (Russia in the
            # partner file repeats the annual file): keep the first listing only.
            key = (partner, row["fiscal_year"], row["flow"], row["source_id"],
                   float(row["value_usd_mn"]))
            if key in seen:
                continue
            seen.add(key)
            rows.append(row)
    rows.sort(key=lambda r: (r["partner"] != WORLD, r["partner"], r["fiscal_year"],
                             FLOWS.index(r["flow"]), r["source_id"], float(r["value_usd_mn"])))
    meta = _meta("bilateral_fy")
    fys = sorted({r["fiscal_year"] for r in rows if r["partner"] == "RUS"})
    meta["coverage"] = meta["coverage"].format(first_fy=fys[0], last_fy=fys[-1])
    return rows, meta


def hs2_composition(src: Path) -> tuple[list[dict], dict]:
    """India's exports and imports by HS 2-digit chapter: world, four partners, Russia fragments."""
    rows = _hs2_world(src) + _hs2_partners(src)
    rows += _hs2_partial_russia(src, rows)
    rows.sort(key=lambda r: (r["partner"] != WORLD, r["partner"], r["fiscal_year"], r["flow"],
                             r["hs_chapter"], r["source_id"]))
    return rows, _meta("hs2_composition")


def hs2_chapters(src: Path) -> tuple[list[dict], dict]:
    """HS 2-digit chapter names as TRADESTAT labels them (whitespace tidied, sentence case)."""
    names: dict[str, str] = {}
    for flow in ("export", "import"):
        for ch, rec in sorted(_world_chapters(src)[flow].items()):
            names.setdefault(ch, " ".join(rec["name"].split()).rstrip(".").capitalize())
    rows = [{"hs_chapter": ch, "chapter_name": nm, "source_id": "TRADESTAT_WORLD_HS2"}
            for ch, nm in sorted(names.items())]
    return rows, _meta("hs2_chapters")


def partial_periods(src: Path) -> tuple[list[dict], dict]:
    """India-Russia figures for part-year periods of a running fiscal year."""
    rows = _statements(src / "india_russia_partial_periods.csv", "fiscal_year", lambda r: {
        "reporter": "IND", "partner": "RUS", "fiscal_year": r["fiscal_year"],
        "period": r["period"]})
    return rows, _meta("partial_periods")


def product_highlights(src: Path) -> tuple[list[dict], dict]:
    """Product items and shares of India-Russia trade that sources state."""
    rows = []
    for r in read_csv(src / "india_russia_product_highlights.csv"):
        share = r["share_pct"].strip()
        numeric = share.replace(".", "", 1).isdigit()
        rows.append({
            "reporter": "IND", "partner": "RUS", "fiscal_year": r["fiscal_year"],
            "period": r["period"], "flow": r["flow"], "item": r["item"],
            "hs_code": r["hs_code"], "value_usd_mn": _num(r["value_usd_million"]),
            "share_pct": _num(share) if numeric else "",
            "share_as_stated": share, "source_id": r["source_id"], "note": r["note"].strip(),
        })
    rows.sort(key=lambda r: (r["fiscal_year"], r["period"], r["item"], r["source_id"]))
    return rows, _meta("product_highlights")


def mirror_calendar_year(src: Path) -> tuple[list[dict], dict]:
    """Calendar-year statements of India-Russia trade (Russian side and calendar aggregations)."""
    def head(r: dict) -> dict:
        basis = r["data_basis"].strip()
        if basis.startswith("as above"):
            basis = "basis not named (as for the ambassador's figures)" + basis[len("as above"):]
        return {"partner": "RUS", "calendar_year": str(int(r["calendar_year"])),
                "period": r["period"], "data_basis": basis}

    rows = _statements(src / "mirror_calendar_year.csv", "calendar_year", head)
    return rows, _meta("mirror_calendar_year")


# ---------------------------------------------------------------- helpers

def _meta(name: str) -> dict:
    """A fresh copy of the table's metadata from trade.meta.yml."""
    return copy.deepcopy(_META["tables"][name])


def _num(text: str | float | None) -> str:
    """A number as compact text (no float noise): 65700.0 → '65700', 4881.30 → '4881.3'."""
    if text is None or text == "":
        return ""
    v = float(text)
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a staged file with the corrections of facts/trade_corrections.yml applied and the
    rows of facts/trade_additions.yml for it appended; a correction that does not pick exactly
    one row of its file, or an added row with other columns or already there, is a DataError."""
    path = Path(path)
    rows = _read_staged(path)
    for c in CORRECTIONS:
        if c["file"] != path.name:
            continue
        hits = [r for r in rows if all(r.get(k) == str(v) for k, v in c["match"].items())]
        if len(hits) != 1:
            raise DataError(f"facts/trade_corrections.yml: correction {c['match']} matches "
                            f"{len(hits)} rows of {path} (expected exactly one)")
        row = hits[0]
        row.update({k: str(v) for k, v in (c.get("set") or {}).items()})
        if c.get("append_note"):
            note = " ".join(str(c["append_note"]).split())
            row["note"] = f"{row['note'].strip()}; {note}" if row["note"].strip() else note
    header = list(rows[0]) if rows else []
    for a in ADDITIONS:
        if a["file"] != path.name:
            continue
        new = {k: " ".join(str(v).split()) for k, v in
               {**a["row"], "source_id": a["source_id"]}.items()}
        if sorted(new) != sorted(header):
            raise DataError(f"facts/trade_additions.yml: a row for {path.name} has columns "
                            f"{sorted(new)}; the file has {sorted(header)}")
        if new in rows:
            raise DataError(f"facts/trade_additions.yml: {new} is already in {path}")
        rows.append({k: new[k] for k in header})
    return rows


def _partner(name: str, where: str) -> str:
    try:
        return iso3_from_name(name)
    except ParameterError as exc:
        raise DataError(f"{where}: partner {name!r} has no ISO 3166 alpha-3 code ({exc})") from None


def _check(value: str, allowed: list[str], what: str, where: str) -> str:
    if value not in allowed:
        raise DataError(f"{where}: {what} {value!r} is not one of {allowed}")
    return value


def _statements(path: Path, year_col: str, head) -> list[dict]:
    """Rows of a staged file of stated figures (flow, value, source, precision, note), each
    prefixed by ``head(row)``'s columns, sorted by year, period, flow and source."""
    rows = []
    for i, r in enumerate(read_csv(path)):
        where = f"{path} line {i + 2}"
        rows.append({
            **head(r), "flow": _check(r["flow"], FLOWS, "flow", where),
            "value_usd_mn": _num(r["value_usd_million"]), "source_id": r["source_id"],
            "precision": _check(r["precision"], PRECISIONS, "precision", where),
            "note": r["note"].strip(),
        })
    rows.sort(key=lambda r: (r[year_col], r["period"], FLOWS.index(r["flow"]), r["source_id"]))
    return rows


def _world_chapters(src: Path) -> dict:
    """TRADESTAT's India-total chapter records: ``{flow: {chapter: {name, <year>: value}}}``."""
    return json.loads((src / RAW_WORLD_HS2).read_text(encoding="utf-8"))["by_chapter"]


def _hs2_world(src: Path) -> list[dict]:
    rows = []
    world = _world_chapters(src)
    for flow in ("export", "import"):
        for ch, rec in sorted(world[flow].items()):
            for label, value in sorted(rec.items()):
                if label == "name" or value is None:
                    continue
                start = int(label.split("-")[0])
                fy = f"FY{start}-{(start + 1) % 100:02d}"
                rows.append({
                    "reporter": "IND", "partner": WORLD, "fiscal_year": fy, "flow": flow,
                    "hs_chapter": ch, "value_usd_mn": _num(value),
                    "source_id": "TRADESTAT_WORLD_HS2", "coverage": "complete",
                    "status": "provisional" if fy == "FY2025-26" else "final",
                    "note": "",
                })
    return rows


def _hs2_partners(src: Path) -> list[dict]:
    rows = []
    country = json.loads((src / RAW_COUNTRY_HS2).read_text(encoding="utf-8"))
    for cname, flows in sorted(country["country_commodity_data"].items()):
        partner = _partner(cname, str(src / RAW_COUNTRY_HS2))
        for flow in ("export", "import"):
            for rec in flows[flow]["chapters"]:
                ch = str(rec["hs"]).zfill(2)
                for key, fy in (("fy2024_25", "FY2024-25"), ("fy2025_26", "FY2025-26")):
                    if rec.get(key) is None:
                        continue  # not listed for that year: missing, not zero
                    rows.append({
                        "reporter": "IND", "partner": partner, "fiscal_year": fy, "flow": flow,
                        "hs_chapter": ch, "value_usd_mn": _num(rec[key]),
                        "source_id": "TRADESTAT_HS2_RU", "coverage": "complete",
                        "status": "provisional" if fy == "FY2025-26" else "final", "note": "",
                    })
    return rows


def _hs2_partial_russia(src: Path, complete: list[dict]) -> list[dict]:
    """The hand-compiled Russia rows: complete ones are checked against ``complete`` (the
    TRADESTAT extraction), the partial (truncated-file) ones returned as new rows."""
    index = {(r["partner"], r["fiscal_year"], r["flow"], r["hs_chapter"]): r for r in complete
             if r["source_id"] == "TRADESTAT_HS2_RU"}
    rows = []
    for i, r in enumerate(read_csv(src / "india_russia_hs2_composition.csv")):
        where = f"{src / 'india_russia_hs2_composition.csv'} line {i + 2}"
        ch = r["hs_chapter"].zfill(2)
        if r["coverage"] == "complete_all_chapters":
            mine = index.get(("RUS", r["fiscal_year"], r["flow"], ch))
            if mine is None or float(mine["value_usd_mn"]) != float(r["value_usd_million"]):
                raise DataError(f"{where}: does not match {RAW_COUNTRY_HS2} ({mine})")
            continue
        year = r["fiscal_year"][2:6]
        rows.append({
            "reporter": "IND", "partner": "RUS", "fiscal_year": r["fiscal_year"],
            "flow": r["flow"], "hs_chapter": ch, "value_usd_mn": _num(r["value_usd_million"]),
            "source_id": r["source_id"], "coverage": "partial_extract", "status": "unclear",
            "note": f"file year {year} read as {r['fiscal_year']} (assumed); truncated file keeps "
                    "only the largest rows, so absent chapters are not zero",
        })
    return rows
