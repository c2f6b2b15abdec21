"""The YAML and CSV files beside analysis/derive/: hand-typed facts, registers and sidecar prose.

They are read by the build; these tests catch a broken edit before a rebuild does, and keep the
derive room's imports pointing downward.
"""

import ast
import csv
import datetime as dt
import tomllib
from pathlib import Path

import pytest
import yaml

from analysis import ROOT
from analysis.derive import diplomacy, trade
from analysis.derive.tables import HERE

STEPS = {"trade": trade, "diplomacy": diplomacy}


def _yaml(name: str):
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def _csv(name: str) -> list[dict]:
    with (HERE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("step", STEPS)
def test_every_table_in_a_meta_file_has_its_function_and_names_its_step(step):
    module = STEPS[step]
    tables = _yaml(f"{step}.meta.yml")["tables"]
    for name, meta in tables.items():
        assert callable(getattr(module, name, None)), f"{step}.meta.yml: no function {name}()"
        assert meta["derived_by"] == f"ties data build (analysis/derive/{step}.py)"
        assert meta["title"] and meta["description"] and meta["gaps"] and meta["licence"]
        assert set(meta["primary_key"]) <= set(meta["columns"]), name
        assert "sources" not in meta, f"{name}: sources come from the register, not the meta file"


@pytest.mark.parametrize("step", STEPS)
def test_every_register_entry_says_where_when_and_on_what_terms(step):
    for sid, source in STEPS[step].SOURCES.items():
        assert source["publisher"] and source["title"] and source["licence"], sid
        assert source.get("url") or source.get("document"), sid
        dt.date.fromisoformat(source["retrieved"])  # a quoted ISO date, not a YAML date object


def test_un_membership_covers_the_panel_with_cited_iso_dates():
    rows = _csv("facts/un_membership.csv")
    assert sorted(r["iso3"] for r in rows) == sorted(diplomacy.PANEL)
    for r in rows:
        assert dt.date(1945, 10, 24) <= dt.date.fromisoformat(r["member_from"]), r
        assert r["member_to"] == "" or dt.date.fromisoformat(r["member_to"])
        assert r["source_id"] in diplomacy.SOURCES, r


def test_arms_shares_are_percentages_from_the_register():
    rows = _csv("facts/india_arms_imports.csv")
    allowed = _yaml("diplomacy.meta.yml")["tables"]["india_arms_imports"]["columns"]
    for r in rows:
        assert 0 <= float(r["share_pct"]) <= 100, r
        assert r["period"] in allowed["period"]["allowed"], r
        assert r["source_id"] in diplomacy.SOURCES, r
    for period in {r["period"] for r in rows}:
        assert sum(float(r["share_pct"]) for r in rows if r["period"] == period) <= 100


def test_grouping_spells_are_well_formed():
    groupings = _yaml("diplomacy.meta.yml")["tables"]["groupings"]["columns"]["grouping"]
    seen = set()
    for spell in _yaml("facts/groupings.yml")["spells"]:
        assert spell["grouping"] in groupings["allowed"], spell
        assert spell["source_id"] in diplomacy.SOURCES, spell
        assert isinstance(spell["joined_year"], int), spell
        if "joined_date" in spell:
            assert dt.date.fromisoformat(spell["joined_date"]).year == spell["joined_year"]
        assert spell.get("left_year", 9999) >= spell["joined_year"]
        for iso3 in spell["members"]:
            key = (spell["grouping"], iso3, spell["joined_year"])
            assert key not in seen, f"{key} listed twice"
            seen.add(key)


def test_panel_facts_name_panel_countries():
    panel = _yaml("facts/unga_panel.yml")
    assert len(set(panel["panel"])) == len(panel["panel"])
    assert set(panel["source_names"].values()) <= set(panel["panel"])
    assert {c["iso3"] for c in panel["continuity"]} <= set(panel["panel"])


# ---- the room's boundaries

ALLOWED = {"analysis", "analysis.countries", "analysis.fiscal", "analysis.errors",
           "analysis.datafiles", "analysis.datasets"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n == "analysis" or n.startswith("analysis.")}


def test_derive_imports_only_downward():
    for path in HERE.glob("*.py"):
        upward = {m for m in _imports(path) - ALLOWED if not m.startswith("analysis.derive")}
        assert not upward, f"{path.name} imports {sorted(upward)}"


def test_nothing_but_the_cli_imports_derive():
    for path in (ROOT / "analysis").rglob("*.py"):
        if HERE in path.parents or path.name == "cli.py":
            continue
        assert not {m for m in _imports(path) if m.startswith("analysis.derive")}, path


def test_every_data_file_of_derive_ships_with_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["analysis"]
    shipped = {p for pattern in patterns for p in (ROOT / "analysis").glob(pattern)}
    data_files = {p for p in HERE.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert data_files, "no YAML/CSV beside the derive steps?"
    assert data_files <= shipped, sorted(str(p) for p in data_files - shipped)


def test_ukraine_facts_are_cited_whole_and_add_up():
    facts = _yaml("facts/ukraine_votes.yml")
    held = {r["resolution"]: r for r in facts["resolutions"]}
    for r in facts["resolutions"]:
        assert r["source_id"] in diplomacy.SOURCES and r["read"], r
        assert r["resolution"].startswith("A/RES/ES-11/"), r
        dt.date.fromisoformat(r["date"])
        assert r["yes"] + r["no"] + r["abstain"] <= 193, r  # never more votes than members
    for v in facts["votes"]:
        assert v["source_id"] in diplomacy.SOURCES and v["note"], v
        assert v["vote"] in ("yes", "no", "abstain") and v["resolution"] in held, v
        assert v["iso3"] in diplomacy.PANEL, v  # only panel countries are looked for
    # no country more often "no" on a resolution than its total allows
    for sym, r in held.items():
        noes = sum(v["vote"] == "no" for v in facts["votes"] if v["resolution"] == sym)
        assert noes <= r["no"], sym


def test_a_ukraine_fact_the_staged_file_already_holds_stops_the_build(monkeypatch):
    from analysis.derive import default_sources_dir
    from analysis.errors import DataError

    staged = default_sources_dir() / "diplomacy" / "ukraine_resolution_votes.csv"
    if not staged.exists():
        pytest.skip(f"{staged} is absent")
    real = diplomacy._ukraine_facts()
    twice = {**real, "votes": [*real["votes"], {"resolution": "A/RES/ES-11/1", "iso3": "IND",
                                                "vote": "abstain", "source_id": "WION_2022_11_15",
                                                "note": "a repeat"}]}
    monkeypatch.setattr(diplomacy, "_ukraine_facts", lambda: twice)
    src = diplomacy.Inputs.__new__(diplomacy.Inputs)  # only the file this step reads
    src.files = {"ukr_votes": diplomacy._read(staged)}
    with pytest.raises(DataError, match=r"ukraine_votes: \{'resolution': 'A/RES/ES-11/1', "
                                        r"'iso3': 'IND'\} is both in the staged file"):
        diplomacy.ukraine_votes(src)


def test_trade_additions_are_cited_and_never_fiscal_year_rows_from_calendar_figures():
    for a in _yaml("facts/trade_additions.yml")["additions"]:
        assert a["source_id"] in trade.SOURCES and a["read"], a
        row = a["row"]
        assert row["precision"] in trade.PRECISIONS and row["flow"] in trade.FLOWS, a
        float(row["value_usd_million"])
        if a["file"] == "mirror_calendar_year.csv":
            assert "fiscal_year" not in row and row["data_basis"], a


@pytest.mark.parametrize("change, message", [
    (lambda a: {**a, "row": {**a["row"], "quarter": "Q1"}}, "has columns"),
    (lambda a: a, "is already in"),
], ids=["columns", "repeat"])
def test_a_bad_trade_addition_stops_the_build(monkeypatch, change, message):
    from analysis.derive import default_sources_dir
    from analysis.errors import DataError

    staged = default_sources_dir() / "trade" / "mirror_calendar_year.csv"
    if not staged.exists():
        pytest.skip(f"{staged} is absent")
    first = trade.ADDITIONS[0]
    monkeypatch.setattr(trade, "ADDITIONS", [*trade.ADDITIONS, change(first)])
    with pytest.raises(DataError, match=rf"facts/trade_additions.yml: .*{message}"):
        trade.read_csv(staged)
