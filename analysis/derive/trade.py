"""Build data/trade/ from the gathered trade sources (``shared/sources/trade``).

Reads the hand-compiled CSVs (one row per figure a source states) and, for HS-chapter detail, the
TRADESTAT extractions in ``raw/``. Writes compact tidy tables with a ``.meta.yml`` sidecar each.
Every source's row is kept: where sources disagree the tables hold all of them, with status and
precision; choosing one value per year is the library's job (``analysis.trade``), not the build's.
Nothing is estimated, interpolated or filled. The output is deterministic (same bytes each run).
"""

from __future__ import annotations

import json
from pathlib import Path


from analysis.derive.tables import cite, derived_by, read_csv, write_table
from analysis.derive.trade_sources import SOURCES
from analysis.countries import WORLD, iso3_from_name
from analysis.errors import DataError
from analysis.fiscal import is_fy_label

RAW_COUNTRY_HS2 = "raw/mospi-dataset-analysis-public__country_commodity_breakdown_2026-07-18.json"
RAW_WORLD_HS2 = "raw/mospi-dataset-analysis-public__tradestat_hsn_export_import_2018-19_to_2025-26.json"

STATUSES = ["final", "revised", "provisional", "unclear", "disputed"]
PRECISIONS = ["as_published_usd_mn", "rounded_0.1mn", "rounded_0.01bn", "rounded_0.1bn",
              "rounded_1bn", "approx", "lower_bound"]
FLOWS = ["export", "import", "total", "balance"]
DERIVED_BY = derived_by(__name__)

_COMMON_NOTES = [
    "Flows are from India's side: export = India to partner, import = partner to India, "
    "total = export + import, balance = export - import (negative = Indian deficit).",
    "Figures published in billions were converted to US$ million by multiplying by 1000; "
    "`precision` records how rounded the published figure was.",
]


# ---------------------------------------------------------------- helpers

def _num(text: str | float | None) -> str:
    """A number as compact text (no float noise): 65700.0 → '65700', 4881.30 → '4881.3'."""
    if text is None or text == "":
        return ""
    v = float(text)
    s = f"{v:.4f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def _partner(name: str, where: str) -> str:
    try:
        return iso3_from_name(name)
    except Exception as exc:  # ParameterError from countries
        raise DataError(f"{where}: partner {name!r} has no ISO 3166 alpha-3 code ({exc})") from None


def _check(value: str, allowed: list[str], what: str, where: str) -> str:
    if value not in allowed:
        raise DataError(f"{where}: {what} {value!r} is not one of {allowed}")
    return value


def _write_table(out: Path, name: str, rows: list[dict], meta: dict) -> list[Path]:
    meta = {**meta, "sources": cite((r["source_id"] for r in rows), SOURCES, name)}
    return write_table(out, name, rows, meta)


_SOURCE_COL = {"type": "source", "description": "id of the source stating the figure (see sources)"}
_NOTE_COL = {"type": "str", "nullable": True, "description": "what the source says, caveats"}
_KEY_COLS = {
    "reporter": {"type": "iso3", "description": "reporting country (ISO alpha-3)"},
    "partner": {"type": "iso3", "description": "partner (ISO alpha-3; WLD = world total)"},
    "fiscal_year": {"type": "fiscal_year", "description": "Indian fiscal year, April-March"},
}
_PRECISION_COL = {
    "type": "category", "allowed": PRECISIONS,
    "description": "how rounded the published figure was (as_published_usd_mn = stated in US$ mn "
                   "to 2 decimals; rounded_0.1bn = stated as e.g. $65.7 bn; lower_bound = 'over')",
}


# ---------------------------------------------------------------- bilateral by fiscal year

def _bilateral(src: Path) -> list[dict]:
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
    return rows


def _bilateral_meta(rows: list[dict]) -> dict:
    fys = sorted({r["fiscal_year"] for r in rows if r["partner"] == "RUS"})
    return {
        "title": "India's merchandise trade with partners and the world, by fiscal year and source",
        "description": (
            "One row per figure a source states: reporter x partner x fiscal year x flow x source. "
            "Where sources disagree every row is kept with its status and precision (no winner is "
            "picked in the data; analysis.trade documents how one value per year is chosen). "
            "partner WLD = India's total with all partners. Totals and balances appear only where "
            "a source states them."
        ),
        "units": {"value_usd_mn": "US$ million, current prices"},
        "coverage": (
            f"India-Russia: {fys[0]} to {fys[-1]} with gaps; world totals FY2018-19 to FY2025-26; "
            "China and USA FY2018-19 and FY2020-21 to FY2025-26 (patchy); UAE, Saudi Arabia, Iraq, "
            "Singapore selected years; 38 partners for FY2025-26 (TIA portal). Not an exhaustive "
            "list of India's partners."
        ),
        "gaps": [
            "India-Russia totals for FY1997-98 to FY1999-2000, FY2001-02 to FY2003-04 and "
            "FY2007-08 to FY2016-17: no verifiable source found.",
            "India-Russia export/import split before FY2021-22: sources give totals only.",
            "Final (revised) FY2022-23 India-Russia export and total are not stated by any source "
            "read; only the provisional figures (Firstpost, Apr 2023) and the final imports "
            "(46.2 bn) and deficit (43 bn) reported in Jan 2024.",
            "UAE and Saudi Arabia export/import split before FY2025-26; their totals for "
            "FY2022-23 and FY2024-25.",
            "India's world totals before FY2018-19.",
            "No UN Comtrade or IMF DOTS mirror series; calendar-year statements are in "
            "mirror_calendar_year.",
        ],
        "notes": _COMMON_NOTES + [
            "Disputed: Outlook Business's 'FY22 $8.73 bn' conflicts with 13,124.68 (Indian "
            "Express) and is kept with status disputed (probably a mislabelled year).",
            "FY2023-24 exports to Russia: 4.2 bn (Mint) vs 4.3 bn (GTRI), rounding.",
            "USA FY2024-25 imports: 45,330 (PTI, provisional) vs 45,625.1 (TRADESTAT extract).",
            "JAISHANKAR_AUG2025's 'USD 13 billion in 2021' is recorded as FY2021-22; the year "
            "label in the speech is ambiguous.",
        ],
        "derived_by": DERIVED_BY,
        "licence": "Mixed: Government of India trade statistics (licence not stated) and figures "
                   "quoted for reference from news reports (publishers' copyright); see sources.",
        "primary_key": ["reporter", "partner", "fiscal_year", "flow", "source_id", "value_usd_mn"],
        "columns": {
            **_KEY_COLS,
            "flow": {"type": "category", "allowed": FLOWS,
                     "description": "export, import, total (X+M) or balance (X-M), India's side"},
            "value_usd_mn": {"type": "float", "nullable": False,
                             "description": "value in US$ million; balances can be negative"},
            "source_id": _SOURCE_COL,
            "status": {"type": "category", "allowed": STATUSES,
                       "description": "final; revised (later restatement); provisional (quick "
                                      "estimate or running year); unclear; disputed"},
            "precision": _PRECISION_COL,
            "note": _NOTE_COL,
        },
    }


# ---------------------------------------------------------------- HS-2 composition

def _hs2(src: Path) -> tuple[list[dict], list[dict]]:
    """Composition rows and the chapter-name list."""
    rows: list[dict] = []
    names: dict[str, str] = {}
    world = json.loads((src / RAW_WORLD_HS2).read_text(encoding="utf-8"))
    for flow in ("export", "import"):
        for ch, rec in sorted(world["by_chapter"][flow].items()):
            names.setdefault(ch, " ".join(rec["name"].split()).rstrip(".").capitalize())
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
    # Cross-check Russia against the hand-compiled CSV, and take its partial (truncated) rows.
    staged = read_csv(src / "india_russia_hs2_composition.csv")
    index = {(r["partner"], r["fiscal_year"], r["flow"], r["hs_chapter"]): r for r in rows
             if r["source_id"] == "TRADESTAT_HS2_RU"}
    for i, r in enumerate(staged):
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
    rows.sort(key=lambda r: (r["partner"] != WORLD, r["partner"], r["fiscal_year"], r["flow"],
                             r["hs_chapter"], r["source_id"]))
    chapters = [{"hs_chapter": ch, "chapter_name": nm, "source_id": "TRADESTAT_WORLD_HS2"}
                for ch, nm in sorted(names.items())]
    return rows, chapters


def _hs2_meta() -> dict:
    return {
        "title": "India's merchandise trade by HS 2-digit chapter: world and selected partners",
        "description": (
            "Value of India's exports and imports by HS 2-digit chapter and fiscal year. "
            "partner WLD: India's totals, every chapter, FY2018-19 to FY2025-26. China, Russia, UAE "
            "and USA: every chapter, FY2024-25 and FY2025-26 (for Russia the chapter sums equal "
            "the stated totals, X 4,881.3 and M 63,811.4 in FY2024-25). Russia also has partial "
            "rows (HS 27 and 71 imports, one HS 85 export row) from a truncated file, marked "
            "coverage = partial_extract: indicative only, chapters absent there are not zero."
        ),
        "units": {"value_usd_mn": "US$ million, current prices"},
        "coverage": "WLD FY2018-19 to FY2025-26; CHN, RUS, ARE, USA FY2024-25 and FY2025-26; "
                    "RUS partial FY2011-12 to FY2021-22 (HS 27, 71 imports; HS 85 exports FY2019-20)",
        "gaps": [
            "No complete chapter breakdown of India-Russia trade for FY2021-22, FY2022-23 or "
            "FY2023-24; only fragments (see product_highlights).",
            "No chapter breakdown for partners other than China, Russia, UAE and USA.",
            "A chapter not listed for a partner and year is missing from the source, not zero.",
            "FY2025-26 is provisional (source data last updated 19 May 2026).",
        ],
        "notes": ["Chapter names are in hs2_chapters."],
        "derived_by": DERIVED_BY,
        "licence": "Government of India trade statistics; licence not stated by the publisher or "
                   "by the repositories that extracted them (see sources).",
        "primary_key": ["reporter", "partner", "fiscal_year", "flow", "hs_chapter", "source_id"],
        "columns": {
            **_KEY_COLS,
            "flow": {"type": "category", "allowed": ["export", "import"],
                     "description": "export = India to partner; import = partner to India"},
            "hs_chapter": {"type": "str", "description": "HS 2-digit chapter, two characters"},
            "value_usd_mn": {"type": "float", "min": 0, "description": "value in US$ million"},
            "source_id": _SOURCE_COL,
            "coverage": {"type": "category", "allowed": ["complete", "partial_extract"],
                         "description": "complete = every chapter listed by the source for that "
                                        "partner, year and flow; partial_extract = truncated file"},
            "status": {"type": "category", "allowed": ["final", "provisional", "unclear"],
                       "description": "provisional for FY2025-26; unclear for the truncated file"},
            "note": _NOTE_COL,
        },
    }


def _chapters_meta() -> dict:
    return {
        "title": "HS 2-digit chapter names",
        "description": "Names of the HS 2-digit chapters as TRADESTAT labels them (whitespace "
                       "tidied, sentence case).",
        "units": {},
        "coverage": "the 98 chapters present in TRADESTAT's commodity-wise reports",
        "gaps": ["Chapter 77 is reserved in the Harmonized System and never appears."],
        "derived_by": DERIVED_BY,
        "licence": "Government of India trade statistics; licence not stated (see sources).",
        "primary_key": ["hs_chapter"],
        "columns": {
            "hs_chapter": {"type": "str", "description": "HS 2-digit chapter, two characters"},
            "chapter_name": {"type": "str", "description": "chapter name"},
            "source_id": _SOURCE_COL,
        },
    }


# ---------------------------------------------------------------- partial periods, highlights

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


def _partial(src: Path) -> list[dict]:
    return _statements(src / "india_russia_partial_periods.csv", "fiscal_year", lambda r: {
        "reporter": "IND", "partner": "RUS", "fiscal_year": r["fiscal_year"],
        "period": r["period"]})


def _partial_meta() -> dict:
    return {
        "title": "India-Russia trade in part-year periods (running fiscal year)",
        "description": "Part-year figures (April to August, December, January …) that sources "
                       "quoted while a fiscal year was still running. For checks; not annual values.",
        "units": {"value_usd_mn": "US$ million, cumulative from April of the fiscal year"},
        "coverage": "FY2021-22 to FY2023-24, selected months",
        "gaps": ["Only the periods that news reports quoted; no monthly series."],
        "notes": _COMMON_NOTES + [
            "SPIEF_APR2023 labelled 39.8 bn as '2022-23' but it equals the April-January figure; "
            "kept with period 'unclear(labelled 2022-23)'.",
        ],
        "derived_by": DERIVED_BY,
        "licence": "Figures quoted for reference from news reports (publishers' copyright).",
        "primary_key": ["reporter", "partner", "fiscal_year", "period", "flow", "source_id"],
        "columns": {
            "reporter": {"type": "iso3", "description": "reporting country"},
            "partner": {"type": "iso3", "description": "partner"},
            "fiscal_year": {"type": "fiscal_year", "description": "fiscal year the period is in"},
            "period": {"type": "str", "description": "months covered, e.g. Apr-Aug"},
            "flow": {"type": "category", "allowed": FLOWS, "description": "India's side"},
            "value_usd_mn": {"type": "float", "description": "US$ million; balances negative"},
            "source_id": _SOURCE_COL,
            "precision": _PRECISION_COL,
            "note": _NOTE_COL,
        },
    }


def _highlights(src: Path) -> list[dict]:
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
    return rows


def _highlights_meta() -> dict:
    return {
        "title": "India-Russia trade: product items and shares that sources state",
        "description": "Sub-chapter items (crude oil, petroleum products) and shares of imports "
                       "from Russia stated by sources, including years with no chapter breakdown.",
        "units": {"value_usd_mn": "US$ million", "share_pct": "percent of imports from Russia"},
        "coverage": "FY2021-22 to FY2025-26, full years and part years",
        "gaps": ["Items and shares only where a source states them; no product series."],
        "notes": ["share_as_stated keeps the wording where it is not a number ('two-thirds'); "
                  "share_pct is empty then."],
        "derived_by": DERIVED_BY,
        "licence": "Mixed: Government of India trade statistics (licence not stated) and figures "
                   "quoted for reference from news reports (publishers' copyright).",
        "primary_key": ["fiscal_year", "period", "item", "source_id"],
        "columns": {
            "reporter": {"type": "iso3", "description": "reporting country"},
            "partner": {"type": "iso3", "description": "partner"},
            "fiscal_year": {"type": "fiscal_year", "description": "Indian fiscal year"},
            "period": {"type": "str", "description": "'full year' or months covered"},
            "flow": {"type": "category", "allowed": ["export", "import"], "description": "India's side"},
            "item": {"type": "str", "description": "product or aggregate as the source names it"},
            "hs_code": {"type": "str", "description": "HS code(s) the item corresponds to"},
            "value_usd_mn": {"type": "float", "min": 0, "nullable": True,
                             "description": "US$ million, where stated"},
            "share_pct": {"type": "float", "min": 0, "max": 100, "nullable": True,
                          "description": "share of imports from the partner, percent, where stated"},
            "share_as_stated": {"type": "str", "nullable": True, "description": "share as worded"},
            "source_id": _SOURCE_COL,
            "note": _NOTE_COL,
        },
    }


# ---------------------------------------------------------------- calendar-year statements

def _mirror(src: Path) -> list[dict]:
    def head(r: dict) -> dict:
        basis = r["data_basis"].strip()
        if basis.startswith("as above"):
            basis = "basis not named (as for the ambassador's figures)" + basis[len("as above"):]
        return {"partner": "RUS", "calendar_year": str(int(r["calendar_year"])),
                "period": r["period"], "data_basis": basis}

    return _statements(src / "mirror_calendar_year.csv", "calendar_year", head)


def _mirror_meta() -> dict:
    return {
        "title": "India-Russia trade in calendar years: Russian-side statements and calendar "
                 "aggregations of Indian data",
        "description": "Calendar-year (January-December) statements of India-Russia trade by "
                       "Russian officials, the Indian embassy and news agencies. Not comparable "
                       "with fiscal-year figures; differences also reflect mirror statistics "
                       "(Russian vs Indian recording).",
        "units": {"value_usd_mn": "US$ million"},
        "coverage": "calendar 2009-2012, 2019-2024, with gaps",
        "gaps": ["Statements, not database extracts: no UN Comtrade or IMF DOTS series found.",
                 "Calendar 2013-2018 not covered."],
        "notes": _COMMON_NOTES + [
            "CY2024 India imports from Russia (65.7 bn, RIA) equals the FY2023-24 total (65.7 bn) "
            "by coincidence; they are different quantities.",
            "CY2023: 57 bn (Manturov, Russian side) vs 65 bn (Sputnik, Indian data).",
        ],
        "derived_by": DERIVED_BY,
        "licence": "Figures quoted for reference from news reports (publishers' copyright).",
        "primary_key": ["partner", "calendar_year", "period", "flow", "source_id"],
        "columns": {
            "partner": {"type": "iso3", "description": "partner of India"},
            "calendar_year": {"type": "int", "description": "calendar year"},
            "period": {"type": "str", "description": "'full year' or months covered"},
            "data_basis": {"type": "str", "description": "whose statistics, as far as stated"},
            "flow": {"type": "category", "allowed": ["export", "import", "total"],
                     "description": "India's side"},
            "value_usd_mn": {"type": "float", "min": 0, "description": "US$ million"},
            "source_id": _SOURCE_COL,
            "precision": _PRECISION_COL,
            "note": _NOTE_COL,
        },
    }


# ---------------------------------------------------------------- entry point

def build(sources: Path, out: Path, log=print) -> list[Path]:
    """Write the trade tables and sidecars under ``out``; return the files written."""
    sources, out = Path(sources), Path(out)
    if not (sources / "SOURCES.md").exists():
        raise DataError(f"{sources}: not a trade source folder (SOURCES.md missing)")
    written: list[Path] = []
    bilateral = _bilateral(sources)
    written += _write_table(out, "bilateral_fy", bilateral, _bilateral_meta(bilateral))
    hs2, chapters = _hs2(sources)
    written += _write_table(out, "hs2_composition", hs2, _hs2_meta())
    written += _write_table(out, "hs2_chapters", chapters,
                            _chapters_meta())
    partial = _partial(sources)
    written += _write_table(out, "partial_periods", partial,
                            _partial_meta())
    hl = _highlights(sources)
    written += _write_table(out, "product_highlights", hl,
                            _highlights_meta())
    mirror = _mirror(sources)
    written += _write_table(out, "mirror_calendar_year", mirror,
                            _mirror_meta())
    for p in written:
        if p.suffix == ".csv":
            log(f"  wrote {p.name}")
    return written
