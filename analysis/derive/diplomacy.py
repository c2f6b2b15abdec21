"""Derive data/diplomacy/ from the gathered diplomacy sources.

Inputs (``../shared/sources/diplomacy/``, described in its SOURCES.md): the Voeten UN General
Assembly roll-call data as packaged in the R package ``unvotes`` and the Ukraine resolutions
transcribed from news pages. Facts that were not staged there (UN admission dates, membership of
groupings, arms-import shares) are small hand-typed tables in ``facts/`` beside this file, each row
naming the page it was taken from; a fact without such a page is left out and listed as a gap.

One function per table, each returning ``(table, meta)``; ``run`` writes them in order. The prose
and column schema of every table are in ``diplomacy.meta.yml``, the source register in
``diplomacy_sources.yml``.

The build is deterministic: rows are sorted, floats are not involved in the vote tables, YAML is
dumped with a fixed key order, so two runs write the same bytes.
"""

from __future__ import annotations

import copy
import re
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis.countries import iso3_from_alpha2
from analysis.derive.tables import HERE, cite, read_yaml, write_table
from analysis.errors import DataError

_META = read_yaml("diplomacy.meta.yml")
SOURCES: dict[str, dict] = read_yaml("diplomacy_sources.yml")["sources"]
_PANEL = read_yaml("facts/unga_panel.yml")

#: The roll-call panel: the countries whose recorded votes are kept (ISO alpha-3).
PANEL: tuple[str, ...] = tuple(_PANEL["panel"])
_ISSUE_COLUMNS = _META["tables"]["unga_roll_call_issues"]["columns"]
#: The source's issue codes → the issues as the source names them.
ISSUES: dict[str, str] = dict(zip(_ISSUE_COLUMNS["issue_code"]["allowed"],
                                  _ISSUE_COLUMNS["issue"]["allowed"], strict=True))


def run(sources: Path, out: Path, log=print) -> list[Path]:
    """Write the diplomacy tables and sidecars under ``out``; return the files written."""
    src, out = Inputs(Path(sources)), Path(out)
    written: list[Path] = []
    for table in (unga_roll_calls, unga_roll_call_issues, unga_votes_panel, unga_panel_countries,
                  un_membership, ukraine_resolutions, ukraine_votes, groupings,
                  india_arms_imports):
        df, meta = table(src)
        written += write_table(out, table.__name__, df, meta)
        log(f"  wrote {table.__name__}.csv ({len(df):,} rows)")
    return written


#: The staged files read from the source folder.
SOURCE_FILES = {
    "votes": "unga_votes_1946_2019.csv.gz",
    "calls": "unga_roll_calls_1946_2019.csv",
    "issues": "unga_roll_call_issues_1946_2019.csv",
    "ukr": "ukraine_resolutions.csv",
    "ukr_votes": "ukraine_resolution_votes.csv",
}


class Inputs:
    """The staged source files, read once, and the intermediate tables several steps share."""

    def __init__(self, folder: Path):
        for name in SOURCE_FILES.values():
            if not (folder / name).exists():
                raise DataError(f"{folder / name}: source file is missing (see SOURCES.md "
                                "beside it)")
        self.files = {k: _read(folder / name) for k, name in SOURCE_FILES.items()}

    def __getitem__(self, key: str) -> pd.DataFrame:
        return self.files[key]

    @cached_property
    def roll_calls(self) -> pd.DataFrame:
        calls = self["calls"]
        flag = {"1": "true", "0": "false", "": ""}
        return pd.DataFrame({
            "rcid": calls["rcid"].astype(int),
            "session": calls["session"].astype(float).astype(int),
            "date": calls["date"],
            "resolution": calls["unres"].str.strip(),
            "amendment": calls["amend"].map(flag),
            "important_vote": calls["importantvote"].map(flag),
            "short_title": calls["short"].str.strip().str.replace(r"\s+", " ", regex=True),
            "source_id": "UNVOTES",
        }).sort_values("rcid").reset_index(drop=True)

    @cached_property
    def panel_votes(self) -> pd.DataFrame:
        """The panel's recorded votes: rcid, source country and code, iso3, vote."""
        votes = self["votes"]
        names = votes[["country", "country_code"]].drop_duplicates()
        names = names.assign(iso3=[_to_iso3(r.country, r.country_code)
                                   for r in names.itertuples()])
        names = names[names["iso3"].isin(PANEL)]
        missing = sorted(set(PANEL) - set(names["iso3"]))
        if missing:
            raise DataError(f"unga_votes: panel countries not found in the source: {missing}")
        panel = votes.merge(names, on=["country", "country_code"])
        bad = ~panel["vote"].isin(["yes", "no", "abstain"])
        if bad.any():
            raise DataError(f"unga_votes: unexpected vote value {panel.loc[bad, 'vote'].iloc[0]!r}")
        panel = panel.assign(rcid=panel["rcid"].astype(int))
        dup = panel.duplicated(["rcid", "iso3"])
        if dup.any():
            raise DataError(f"unga_votes: two source countries map to one panel code on rcid "
                            f"{panel.loc[dup, 'rcid'].iloc[0]}")
        return panel


# ---------------------------------------------------------------- one function per table

def unga_roll_calls(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """UN General Assembly roll calls, 1946-2019: session, date, resolution, flags, title."""
    return src.roll_calls, _meta("unga_roll_calls", ["UNVOTES"])


def unga_roll_call_issues(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """The source's issue tags of roll calls (six issues)."""
    iss = src["issues"]
    unknown = sorted(set(iss["short_name"]) - set(ISSUES))
    if unknown:
        raise DataError(f"unga_roll_call_issues: unknown issue code(s) {unknown}")
    issues = pd.DataFrame({"rcid": iss["rcid"].astype(int), "issue_code": iss["short_name"],
                           "issue": iss["short_name"].map(ISSUES)})
    issues = issues.sort_values(["rcid", "issue_code"]).reset_index(drop=True)
    return issues, _meta("unga_roll_call_issues", ["UNVOTES"])


def unga_votes_panel(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """Each recorded vote of the panel's countries, one row per roll call and country."""
    table = src.panel_votes[["rcid", "iso3", "vote"]]
    table = table.sort_values(["rcid", "iso3"]).reset_index(drop=True)
    meta = _meta("unga_votes_panel", ["UNVOTES"])
    meta["description"] = meta["description"].format(panel=", ".join(PANEL))
    return table, meta


def unga_panel_countries(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """How each panel country maps onto the source's country records, with its vote span."""
    rc_dates = dict(zip(src.roll_calls["rcid"], src.roll_calls["date"], strict=True))
    panel = src.panel_votes
    span = panel.assign(date=panel["rcid"].map(rc_dates)).groupby(
        ["iso3", "country", "country_code"], as_index=False).agg(
        votes=("vote", "size"), first_vote=("date", "min"), last_vote=("date", "max"))
    notes = {(c["iso3"], c["source_country"]): c["note"] for c in _PANEL["continuity"]}
    span["note"] = [notes.get((r.iso3, r.country), "") for r in span.itertuples()]
    span = span.rename(columns={"country": "source_country", "country_code": "source_code"})
    span = span.sort_values(["iso3", "first_vote"]).reset_index(drop=True)
    return span, _meta("unga_panel_countries", ["UNVOTES"])


def un_membership(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """Date from which each panel country was a UN member (facts/un_membership.csv)."""
    um = _read(HERE / "facts" / "un_membership.csv").sort_values("iso3").reset_index(drop=True)
    if set(um["iso3"]) != set(PANEL):
        raise DataError(f"un_membership must cover the panel; missing "
                        f"{sorted(set(PANEL) - set(um['iso3']))}")
    return um, _meta("un_membership", _cited(um))


def ukraine_resolutions(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """UN General Assembly resolutions on Ukraine, 2014-2025, with vote totals: the staged
    ones and those of facts/ukraine_votes.yml."""
    facts = _ukraine_facts()
    added = pd.DataFrame([{k: str(r.get(k, "")) for k in src["ukr"].columns}
                          for r in facts["resolutions"]], columns=src["ukr"].columns)
    ur = _no_repeats(pd.concat([src["ukr"], added], ignore_index=True), ["resolution"],
                     "ukraine_resolutions")
    for c in ("yes", "no", "abstain"):
        ur[c] = ur[c].astype(int)
    ur = ur.sort_values("date").reset_index(drop=True)
    named = {m for r in facts["resolutions"]
             for m in re.findall(r"\b[A-Z][A-Z0-9_]+\b", str(r.get("read", "")))}
    return ur, _meta("ukraine_resolutions", set(ur["source_id"]) | (named & set(SOURCES)))


def ukraine_votes(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """Named countries' votes on the Ukraine resolutions, where a named source states them
    (the staged ones and those of facts/ukraine_votes.yml)."""
    uv = src["ukr_votes"].rename(columns={"country_iso3": "iso3"})
    uv = uv[["resolution", "iso3", "vote", "source_id", "note"]]
    added = pd.DataFrame([{k: str(v.get(k, "")) for k in uv.columns}
                          for v in _ukraine_facts()["votes"]], columns=uv.columns)
    uv = _no_repeats(pd.concat([uv, added], ignore_index=True), ["resolution", "iso3"],
                     "ukraine_votes")
    uv = uv.sort_values(["resolution", "iso3"]).reset_index(drop=True)
    return uv, _meta("ukraine_votes", uv["source_id"])


def groupings(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """Membership of international groupings, one row per country and spell
    (facts/groupings.yml)."""
    rows = [{"grouping": s["grouping"], "iso3": iso3,
             "joined_date": s.get("joined_date", ""), "joined_year": str(s["joined_year"]),
             "left_date": s.get("left_date", ""), "left_year": str(s.get("left_year", "")),
             "source_id": s["source_id"], "note": s.get("note", "")}
            for s in read_yaml("facts/groupings.yml")["spells"] for iso3 in s["members"]]
    gr = pd.DataFrame(rows).sort_values(["grouping", "iso3", "joined_year"])
    gr = gr.reset_index(drop=True)
    return gr, _meta("groupings", _cited(gr))


def india_arms_imports(src: Inputs) -> tuple[pd.DataFrame, dict]:
    """Shares of India's major-arms imports by supplier, as reported from SIPRI
    (facts/india_arms_imports.csv)."""
    ar = _read(HERE / "facts" / "india_arms_imports.csv")
    ar = ar.sort_values(["period", "supplier"]).reset_index(drop=True)
    return ar, _meta("india_arms_imports", ar["source_id"])


# ---------------------------------------------------------------- helpers

def _meta(name: str, source_ids) -> dict:
    """The table's metadata from diplomacy.meta.yml, with its sources from the register."""
    meta = copy.deepcopy(_META["tables"][name])
    meta["sources"] = cite(source_ids, SOURCES, name)
    return meta


def _cited(df: pd.DataFrame) -> set[str]:
    """Source ids a table cites: its source_id column and any register id named in a note."""
    named = {m for note in df["note"] for m in re.findall(r"\b[A-Z][A-Z0-9_]+\b", note)}
    return set(df["source_id"]) | (named & set(SOURCES))


def _ukraine_facts() -> dict:
    return read_yaml("facts/ukraine_votes.yml")


def _no_repeats(df: pd.DataFrame, key: list[str], table: str) -> pd.DataFrame:
    """``df`` unless a key occurs twice (a fact that the staged file already holds)."""
    dup = df.duplicated(key)
    if dup.any():
        raise DataError(f"{table}: {dict(df.loc[dup, key].iloc[0])} is both in the staged file "
                        "and in facts/ukraine_votes.yml")
    return df


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _to_iso3(country: str, code: str) -> str | None:
    """The panel code of a source country: by name where the source's code is missing or
    continues another seat (facts/unga_panel.yml), else from its alpha-2 code."""
    if country in _PANEL["source_names"]:
        return _PANEL["source_names"][country]
    if not code:
        return None
    return iso3_from_alpha2(code)
