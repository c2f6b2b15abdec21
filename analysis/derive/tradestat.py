"""``ties data update trade``: bring a newer TradeStat (EIDB) report into data/trade/.

Accepted layouts: the two JSON extractions of the Commerce Ministry's TradeStat / Export Import
Data Bank reports already staged under ``../shared/sources/trade/raw/`` (see ORIGIN.md there).

- **country-wise** (``country_commodity_breakdown_*.json``: TradeStat "country-wise all
  commodities" export and import reports, HS 2-digit): ``retrieved``, ``source`` and
  ``country_commodity_data`` = ``{country: {export|import: {total_fyYYYY_YY: value,
  chapters: [{hs, name, fyYYYY_YY: value, …}]}}}``. Feeds hs2_composition (the partners'
  complete chapter breakdowns) and bilateral_fy (their export and import totals).
- **commodity-wise** (``tradestat_hsn_export_import_*.json``: "commodity-wise export / import",
  India's total by HS 2-digit chapter): ``retrieved``, ``source``, ``totals`` =
  ``{export|import: {"YYYY - YYYY": value}}`` and ``by_chapter`` = ``{export|import: {chapter:
  {name, "YYYY - YYYY": value}}}``. Feeds hs2_composition (partner WLD), bilateral_fy (India's world
  totals) and hs2_chapters (names of chapters not yet listed).

Values are US$ million. Every value is checked (a number, not negative); each flow's chapters
must add up to the total the file states within US$ 1 million (chapters are given to 0.01 and
totals to 0.1 million; the staged files agree within 0.05), else the file is partial and refused.

Not accepted: the EIDB chapter snapshot CSV also staged in ``raw/`` (India's total only, the same
figures as the commodity-wise report, and chapter 01 present only inside its header text).

The file's rows carry a new source id (``TRADESTAT_CW_<retrieved>_<sha256[:8]>`` or
``TRADESTAT_WLD_…``) recorded with the file's checksum and retrieval date. A complete
chapter breakdown is one extraction: the file's breakdown of a partner, year and flow replaces the
complete rows held for it (whatever their source), and its totals replace the earlier TradeStat
rows of that family in bilateral_fy; figures from other sources (news, TIA, EIDB snapshot) are kept,
as the build keeps every source's figure. A group whose values and status are unchanged is left as
it is (so re-reading the staged file, or the same file twice, changes nothing). Status: the file's
latest fiscal year is provisional, earlier years final (the build's rule).
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path

import pandas as pd

from analysis.countries import WORLD, iso3_from_name
from analysis.derive.trade import SOURCES, _num
from analysis.derive.update import apply_update, locked, read_table, sha256_file
from analysis.errors import DataError, ParameterError

UPDATER = "ties data update trade (analysis/derive/tradestat.py)"
FAMILIES = {"country-wise": ("TRADESTAT_CW_", {"TRADESTAT_HS2_RU"}),
            "commodity-wise": ("TRADESTAT_WLD_", {"TRADESTAT_WORLD_HS2"})}
LAYOUT_NAMES = {"country-wise": "TradeStat country-wise all-commodities report, HS 2-digit (JSON)",
                "commodity-wise": "TradeStat commodity-wise export/import report, India total by "
                                  "HS 2-digit chapter (JSON)"}


def _fy(start: int) -> str:
    return f"FY{start}-{(start + 1) % 100:02d}"


def _value(v, where: str) -> float | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
        raise DataError(f"{where}: {v!r} is not a value in US$ million (a number, 0 or more)")
    return float(v)


def read_report(path: Path) -> tuple[str, dict, list[dict], list[dict]]:
    """Layout name, header fields, chapter rows and total rows of a TradeStat JSON file."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path} line {exc.lineno}: not valid JSON ({exc.msg}); a truncated or "
                        "malformed file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from None
    if not isinstance(doc, dict):
        raise DataError(f"{path}: not a TradeStat report (expected a JSON object)")
    if "country_commodity_data" in doc:
        layout, chapters, totals = "country-wise", *_country_wise(path, doc)
    elif "by_chapter" in doc and "totals" in doc:
        layout, chapters, totals = "commodity-wise", *_commodity_wise(path, doc)
    else:
        raise DataError(f"{path}: not a TradeStat report in a known layout (country-wise needs "
                        "country_commodity_data; commodity-wise needs totals and by_chapter; "
                        f"the file has {sorted(doc)})")
    for k in ("retrieved", "source"):
        if not doc.get(k):
            raise DataError(f"{path}: lacks {k!r} (the report's source and retrieval date)")
    _check_sums(path, chapters, totals)
    return layout, doc, chapters, totals


def _country_wise(path: Path, doc: dict) -> tuple[list[dict], list[dict]]:
    chapters, totals = [], []
    data = doc["country_commodity_data"]
    if not isinstance(data, dict) or not data:
        raise DataError(f"{path}: country_commodity_data is empty")
    for country, flows in data.items():
        try:
            partner = iso3_from_name(country)
        except ParameterError:
            raise DataError(f"{path}: country {country!r} has no ISO 3166 alpha-3 code") from None
        for flow in ("export", "import"):
            where = f"{path}: country_commodity_data.{country}.{flow}"
            rec = (flows or {}).get(flow)
            if not isinstance(rec, dict) or not isinstance(rec.get("chapters"), list):
                raise DataError(f"{where}: lacks the {flow} report (total_fy… and chapters)")
            for k, v in rec.items():
                if k.startswith("total_fy"):
                    totals.append({"partner": partner, "fy": _fy(int(k[8:12])), "flow": flow,
                                   "value": _value(v, f"{where}.{k}")})
            for i, ch in enumerate(rec["chapters"]):
                hs = str(ch.get("hs", "")).zfill(2)
                if not (hs.isdigit() and len(hs) == 2):
                    raise DataError(f"{where}.chapters[{i}]: hs {ch.get('hs')!r} is not an HS "
                                    "2-digit chapter")
                for k, v in ch.items():
                    if k.startswith("fy") and len(k) == 9:
                        val = _value(v, f"{where}.chapters[{i}].{k}")
                        if val is not None:
                            chapters.append({"partner": partner, "fy": _fy(int(k[2:6])),
                                             "flow": flow, "hs": hs, "value": val,
                                             "name": ch.get("name", "")})
    return chapters, totals


def _commodity_wise(path: Path, doc: dict) -> tuple[list[dict], list[dict]]:
    chapters, totals = [], []

    def fy(label: str, where: str) -> str:
        parts = label.replace(" ", "").split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise DataError(f"{where}: {label!r} is not a fiscal year like '2024 - 2025'")
        return _fy(int(parts[0]))

    for flow in ("export", "import"):
        where = f"{path}: totals.{flow}"
        for label, v in (doc["totals"].get(flow) or {}).items():
            totals.append({"partner": WORLD, "fy": fy(label, where), "flow": flow,
                           "value": _value(v, f"{where}.{label}")})
        for ch, rec in (doc["by_chapter"].get(flow) or {}).items():
            w = f"{path}: by_chapter.{flow}.{ch}"
            if not (ch.isdigit() and len(ch) == 2):
                raise DataError(f"{w}: not an HS 2-digit chapter")
            for label, v in rec.items():
                if label == "name":
                    continue
                val = _value(v, f"{w}.{label}")
                if val is not None:
                    chapters.append({"partner": WORLD, "fy": fy(label, w), "flow": flow,
                                     "hs": ch, "value": val, "name": rec.get("name", "")})
        if not doc["by_chapter"].get(flow) or not doc["totals"].get(flow):
            raise DataError(f"{path}: the {flow} report is missing (totals.{flow} and "
                            f"by_chapter.{flow})")
    return chapters, totals


def _check_sums(path: Path, chapters: list[dict], totals: list[dict]) -> None:
    sums: dict[tuple, float] = {}
    for r in chapters:
        k = (r["partner"], r["fy"], r["flow"])
        sums[k] = sums.get(k, 0.0) + r["value"]
    for t in totals:
        k = (t["partner"], t["fy"], t["flow"])
        s = sums.get(k, 0.0)
        if t["value"] is not None and abs(s - t["value"]) > 1.0:
            raise DataError(f"{path}: {t['partner']} {t['flow']} {t['fy']}: the chapters add up "
                            f"to {s:,.2f} but the stated total is {t['value']:,.2f}: the file "
                            "is partial")
    if not chapters:
        raise DataError(f"{path}: no chapter values")


# ---------------------------------------------------------------- merge

def _status(fy: str, latest: str) -> str:
    return "provisional" if fy == latest else "final"


def merge(layout: str, doc: dict, chapters: list[dict], totals: list[dict], data_dir: Path,
          source: dict) -> tuple[dict, list[str]]:
    sid = source["id"]
    prefix, older = FAMILIES[layout]
    latest = max(r["fy"] for r in chapters)
    comp, comp_meta = read_table("trade/hs2_composition", data_dir)
    bil, bil_meta = read_table("trade/bilateral_fy", data_dir)
    names, names_meta = read_table("trade/hs2_chapters", data_dir)

    # hs2_composition: one complete breakdown per partner, year and flow
    new_rows = pd.DataFrame([{
        "reporter": "IND", "partner": r["partner"], "fiscal_year": r["fy"], "flow": r["flow"],
        "hs_chapter": r["hs"], "value_usd_mn": _num(r["value"]), "source_id": sid,
        "coverage": "complete", "status": _status(r["fy"], latest), "note": ""}
        for r in chapters], columns=comp.columns)
    group = ["reporter", "partner", "fiscal_year", "flow"]
    held = comp[comp["coverage"] == "complete"]
    replace = []
    for key, new_g in new_rows.groupby(group):
        old_g = held[(held[group] == pd.Series(key, index=group)).all(axis=1)]
        same = (len(old_g) == len(new_g) and
                _values(old_g, ["hs_chapter"]) == _values(new_g, ["hs_chapter"]))
        if not same:
            replace.append(key)
    drop = comp.set_index(group).index.isin(replace) & (comp["coverage"] == "complete").to_numpy()
    keep_new = new_rows.set_index(group).index.isin(replace)
    comp_out = pd.concat([comp[~drop], new_rows[keep_new]], ignore_index=True)
    comp_out = comp_out.sort_values(
        ["partner", "fiscal_year", "flow", "hs_chapter", "source_id"],
        key=lambda s: s.map(lambda p: (p != WORLD, p)) if s.name == "partner" else s)
    comp_out = comp_out.reset_index(drop=True)

    # bilateral_fy: the file's totals replace this report family's earlier totals
    family = bil["source_id"].isin(older) | bil["source_id"].str.startswith(prefix)
    tot_rows, bil_drop = [], pd.Series(False, index=bil.index)
    for t in totals:
        if t["value"] is None:
            continue
        status = _status(t["fy"], latest)
        mask = family & (bil["partner"] == t["partner"]) & (bil["fiscal_year"] == t["fy"]) & \
            (bil["flow"] == t["flow"])
        old = bil[mask]
        if len(old) == 1 and float(old["value_usd_mn"].iloc[0]) == t["value"] and \
                old["status"].iloc[0] == status:
            continue
        bil_drop |= mask
        tot_rows.append({"reporter": "IND", "partner": t["partner"], "fiscal_year": t["fy"],
                         "flow": t["flow"], "value_usd_mn": _num(t["value"]), "source_id": sid,
                         "status": status, "precision": "rounded_0.1mn",
                         "note": f"TradeStat {layout} report total ({UPDATER.split(' (')[0]})"})
    bil_out = pd.concat([bil[~bil_drop], pd.DataFrame(tot_rows, columns=bil.columns)],
                        ignore_index=True)
    flows = ["export", "import", "total", "balance"]
    bil_out = bil_out.assign(_w=bil_out["partner"] != WORLD, _f=bil_out["flow"].map(flows.index),
                             _v=bil_out["value_usd_mn"].astype(float))
    bil_out = bil_out.sort_values(["_w", "partner", "fiscal_year", "_f", "source_id", "_v"])
    bil_out = bil_out.drop(columns=["_w", "_f", "_v"]).reset_index(drop=True)

    # hs2_chapters: names of chapters not yet listed
    known = set(names["hs_chapter"])
    add = {r["hs"]: " ".join(str(r["name"]).split()).rstrip(".").capitalize()
           for r in chapters if r["hs"] not in known and r["name"]}
    names_out = pd.concat([names, pd.DataFrame(
        [{"hs_chapter": h, "chapter_name": n, "source_id": sid} for h, n in sorted(add.items())],
        columns=names.columns)], ignore_index=True).sort_values("hs_chapter").reset_index(drop=True)

    tables = {}
    for name, df, meta in (("trade/hs2_composition", comp_out, comp_meta),
                           ("trade/bilateral_fy", bil_out, bil_meta),
                           ("trade/hs2_chapters", names_out, names_meta)):
        tables[name] = (df, _cite(meta, df, source, name))
    notes = [f"{layout} report: {len(chapters):,} chapter values and {len(totals):,} totals for "
             f"{', '.join(sorted({r['partner'] for r in chapters}))}, "
             f"{min(r['fy'] for r in chapters)} to {latest}; "
             f"{len(replace):,} chapter breakdowns (partner × year × flow) new or changed"]
    return tables, notes


def _values(df: pd.DataFrame, key: list[str]) -> dict:
    return {tuple(r[k] for k in key): (float(r["value_usd_mn"]), r["status"])
            for r in df.to_dict("records")}


def _cite(meta: dict, df: pd.DataFrame, source: dict, name: str) -> dict:
    """The sidecar citing exactly the sources its rows name (register entries, update files)."""
    meta = copy.deepcopy(meta)
    used = set(df["source_id"])
    have = {s["id"]: s for s in meta["sources"]}
    have[source["id"]] = source
    missing = used - set(have) - set(SOURCES)
    if missing:
        raise DataError(f"{name}: source id(s) {sorted(missing)} have no record")
    entries = [have.get(i) or {"id": i, **{k: v for k, v in SOURCES[i].items() if v is not None}}
               for i in sorted(used)]
    if entries != meta["sources"]:
        meta["sources"] = entries
        if source["id"] in used and UPDATER not in meta["derived_by"]:
            meta["derived_by"] = meta["derived_by"].split(";")[0] + f"; updated by {UPDATER}"
    return meta


def source_entry(layout: str, doc: dict, shown_as: str, retrieved: str, sha: str) -> dict:
    prefix = FAMILIES[layout][0]
    stamp = str(doc["retrieved"]).replace("-", "")
    return {  # the id names the retrieval date and the file's first checksum digits: two
        # different files never share an id, the same file always gets the same one
        "id": f"{prefix}{stamp}_{sha[:8].upper()}",
        "publisher": "Department of Commerce, DGCI&S (TRADESTAT / Export Import Data Bank)",
        "kind": "official table",
        "title": f"{LAYOUT_NAMES[layout]}: {' '.join(str(doc['source']).split())}"[:300],
        "url": "https://tradestat.commerce.gov.in/eidb/",
        "document": shown_as,
        "sha256": sha,
        "retrieved": str(doc["retrieved"]),
        "retrieved_note": f"date the report was retrieved from TradeStat, as stated in the file; "
                          f"the file was read by `ties data update trade` on {retrieved}",
        "licence": SOURCES["TRADESTAT_HS2_RU"]["licence"],
    }


def update_trade(path: Path, data_dir: Path, shown_as: str, retrieved: str, log=print):
    """Read a TradeStat report at ``path`` and merge it into ``data_dir`` (module docstring)."""
    layout, doc, chapters, totals = read_report(path)
    sha = sha256_file(path)
    with locked(data_dir):
        source = source_entry(layout, doc, shown_as, retrieved, sha)
        _, meta = read_table("trade/hs2_composition", data_dir)
        for s in meta.get("sources", []):  # the same file again: keep what was recorded
            if s.get("id") == source["id"] and s.get("sha256") == sha:
                source = s
        tables, notes = merge(layout, doc, chapters, totals, Path(data_dir), source)
        log(f"read {len(chapters):,} chapter values and {len(totals):,} totals ({layout}) "
            f"from {shown_as}")
        return apply_update(
            Path(data_dir), tables, "ties data update trade",
            [f"{shown_as} ({LAYOUT_NAMES[layout]}; sha256 {sha}; retrieved {doc['retrieved']})"],
            notes, pair_on={"trade/hs2_composition": ["reporter", "partner", "fiscal_year", "flow",
                                                      "hs_chapter"],
                            "trade/bilateral_fy": ["reporter", "partner", "fiscal_year", "flow"]},
            log=log)
