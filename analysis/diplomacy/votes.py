"""UN General Assembly votes: the tables, the allowed values, named resolution sets, roll calls,
each country's recorded votes, the Ukraine resolutions and how often a country abstained.

Data (``data/diplomacy/``): the recorded votes of a panel of countries on the Assembly's roll
calls 1946–2019 (Voeten's data, ending with the 74th session in January 2020), the Ukraine
resolutions of 2014–2025 with the votes that named news sources state, and UN admission dates.
A vote is ``yes``, ``no`` or ``abstain``; a missing vote is never counted as an abstention.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.datasets import derived_cache, load_table
from analysis.errors import ParameterError

VOTES = ("yes", "no", "abstain")

#: Named sets of resolutions tagged with an issue → the issue code in the roll-call data.
ISSUE_SETS = {
    "middle_east": "me",
    "nuclear": "nu",
    "disarmament": "di",
    "colonialism": "co",
    "human_rights": "hr",
    "economic_development": "ec",
}
_SET_HELP = {
    "ukraine": "the Ukraine resolutions of 2014–2025",
    "all": "every roll call in the panel",
    "important_votes": "roll calls flagged 'important' by the US State Department",
    "middle_east": "roll calls tagged 'Palestinian conflict'",
    "nuclear": "roll calls tagged 'Nuclear weapons and nuclear material'",
    "disarmament": "roll calls tagged 'Arms control and disarmament'",
    "colonialism": "roll calls tagged 'Colonialism'",
    "human_rights": "roll calls tagged 'Human rights'",
    "economic_development": "roll calls tagged 'Economic development'",
}


# --- tables and allowed values -----------------------------------------------------------------
def table(name: str) -> pd.DataFrame:
    """The table ``data/diplomacy/<name>`` (loaded and checked against its sidecar)."""
    return load_table(f"diplomacy/{name}")


@derived_cache
def _panel_wide() -> pd.DataFrame:
    """Roll calls × panel countries, values yes / no / abstain / NaN (no recorded vote)."""
    v = table("unga_votes_panel")
    wide = v.pivot(index="rcid", columns="iso3", values="vote").sort_index(axis=1)
    return wide.reindex(table("unga_roll_calls").set_index("rcid").index)


def available_countries() -> list[str]:
    """ISO alpha-3 codes of the countries in the roll-call panel (sorted)."""
    return list(_panel_wide().columns)


def available_resolution_sets() -> list[str]:
    """Names of the resolution sets: ``ukraine`` (default), ``all``, ``important_votes`` and
    the issue sets (``human_rights``, ``nuclear`` …)."""
    return ["ukraine", "all", "important_votes", *ISSUE_SETS]


def describe_resolution_set(resolutions: str) -> str:
    """One line saying what a named resolution set contains."""
    check_resolution_set(resolutions)
    return _SET_HELP[resolutions]


def year_coverage() -> tuple[int, int]:
    """First and last calendar year with a roll call in the panel."""
    d = table("unga_roll_calls")["date"]
    return int(d.min().year), int(d.max().year)


# --- guards for direct library calls (the notebook's parameters pass params.validate first) ----
def check_country(code, param: str = "country") -> str:
    """``code`` upper-cased if it is in the roll-call panel; else ParameterError naming the
    allowed codes."""
    allowed = available_countries()
    c = str(code).upper() if isinstance(code, str) else code
    if c not in allowed:
        raise ParameterError(f"{param}={code!r} is not in the roll-call panel; allowed: "
                             f"{', '.join(allowed)}")
    return c


def check_resolution_set(resolutions) -> str:
    """``resolutions`` if it names a resolution set; else ParameterError listing the sets."""
    allowed = available_resolution_sets()
    if resolutions not in allowed:
        raise ParameterError(f"resolutions={resolutions!r} is not a named set; allowed: "
                             f"{', '.join(allowed)}")
    return resolutions


def check_years(year_from, year_to) -> tuple[int, int]:
    """The year range as ints if it is a non-empty range that overlaps the panel's years."""
    lo, hi = year_coverage()
    for p, v in (("year_from", year_from), ("year_to", year_to)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise ParameterError(f"{p}={v!r} must be a calendar year (int), {lo}–{hi}")
    if year_from > year_to:
        raise ParameterError(f"empty year range: year_from={year_from} is after "
                             f"year_to={year_to}; the roll-call panel covers {lo}–{hi}")
    if year_to < lo or year_from > hi:
        raise ParameterError(f"no roll calls in {year_from}–{year_to}; the roll-call panel covers "
                             f"{lo}–{hi} (the 2022–2025 Ukraine votes are in the 'ukraine' set)")
    return int(year_from), int(year_to)


def counterparts_for(country: str, counterparts: list[str]) -> list[str]:
    """The counterparts without ``country`` itself and without repeats (order kept), so that a
    report run for one of the default counterparts (e.g. ``country="RUS"``) needs no edits."""
    out: list[str] = []
    for c in counterparts:
        c = str(c).upper()
        if c != str(country).upper() and c not in out:
            out.append(c)
    if not out:
        raise ParameterError(f"counterparts={counterparts!r} names no country other than "
                             f"{country!r}; allowed: {', '.join(available_countries())}")
    return out


# --- roll calls and votes ----------------------------------------------------------------------
_UKRAINE_TITLE = re.compile(r"Ukrain|Crimea|Sevastopol", re.IGNORECASE)
_ADOPTED = re.compile(r"\s*:\s*resolution\s*/\s*adopted by the General Assembly\s*$", re.I)


def resolution_number(symbol: str) -> str:
    """A resolution's number whatever the source's form: ``A/RES/68/262`` and ``R/68/262`` →
    ``68/262``; ``A/RES/ES-11/1`` → ``ES-11/1``."""
    return re.sub(r"^(?:A/RES/|R/)", "", str(symbol))


@derived_cache
def _ukraine_rcids() -> frozenset[int]:
    """Roll calls of the panel on Ukraine: those listed in ``ukraine_resolutions`` and every
    roll call whose title names Ukraine, Crimea or Sevastopol (the 2016–2019 Crimea
    resolutions among them)."""
    rc = table("unga_roll_calls")
    listed = set(table("ukraine_resolutions")["resolution"].map(resolution_number))
    hit = (rc["resolution"].map(resolution_number).isin(listed)
           | rc["short_title"].fillna("").str.contains(_UKRAINE_TITLE))
    return frozenset(rc.loc[hit, "rcid"])


def missing_ukraine_resolutions() -> list[str]:
    """ES-11 resolutions the data lack: the numbers missing from the sequence the
    ``ukraine_resolutions`` table holds (e.g. ``ES-11/2``); later ones cannot be told from it."""
    numbers = sorted(int(m.group(1)) for sym in table("ukraine_resolutions")["resolution"]
                     if (m := re.search(r"ES-11/(\d+)$", sym)))
    held = set(numbers)
    return [f"ES-11/{n}" for n in range(1, max(numbers, default=0) + 1) if n not in held]


def roll_calls(resolutions: str = "all", year_from: int | None = None,
               year_to: int | None = None) -> pd.DataFrame:
    """Roll calls of a named set within calendar years ``year_from``–``year_to`` (inclusive).

    Columns: rcid, session, date, year, resolution, short_title, important_vote.
    """
    check_resolution_set(resolutions)
    lo, hi = year_coverage()
    year_from, year_to = check_years(lo if year_from is None else year_from,
                                     hi if year_to is None else year_to)
    rc = table("unga_roll_calls")
    rc = rc.assign(year=rc["date"].dt.year)
    rc = rc[(rc["year"] >= year_from) & (rc["year"] <= year_to)]
    if resolutions == "important_votes":
        rc = rc[rc["important_vote"].fillna(False).astype(bool)]
    elif resolutions == "ukraine":
        rc = rc[rc["rcid"].isin(_ukraine_rcids())]
    elif resolutions in ISSUE_SETS:
        tagged = table("unga_roll_call_issues")
        ids = tagged.loc[tagged["issue_code"] == ISSUE_SETS[resolutions], "rcid"]
        rc = rc[rc["rcid"].isin(ids)]
    cols = ["rcid", "session", "date", "year", "resolution", "short_title", "important_vote"]
    return rc[cols].reset_index(drop=True)


def last_session() -> tuple[int, pd.Timestamp]:
    """The panel's last Assembly session and the date of its last roll call."""
    rc = table("unga_roll_calls")
    last = rc.loc[rc["date"].idxmax()]
    return int(last["session"]), last["date"]


def votes(countries: list[str], resolutions: str = "all", year_from: int | None = None,
          year_to: int | None = None) -> pd.DataFrame:
    """Recorded votes: one row per roll call, one column per country (yes / no / abstain, or
    NaN where the country has no recorded vote). Index: rcid; also columns date and year."""
    codes = [check_country(c, "countries") for c in countries]
    rc = roll_calls(resolutions, year_from, year_to).set_index("rcid")
    wide = _panel_wide().reindex(columns=codes).loc[rc.index]
    return pd.concat([rc[["date", "year"]], wide], axis=1)


def vote_status(country: str, resolutions: str = "all", year_from: int | None = None,
                year_to: int | None = None) -> pd.Series:
    """Each roll call's vote of ``country``, with missing votes told apart where possible.

    Values: ``yes`` / ``no`` / ``abstain`` (recorded); ``absent`` (a UN member on that date,
    per the cited admission date, with no recorded vote: absent, present but not voting, or
    not participating — the source does not say which); ``not a member`` (before admission);
    ``no recorded vote`` (membership on that date not established). Index: rcid.
    """
    c = check_country(country)
    v = votes([c], resolutions, year_from, year_to)
    um = table("un_membership")
    um = um[um["iso3"] == c]
    status = v[c].astype(object)
    missing = status.isna()
    member = pd.Series(False, index=v.index)
    for r in um.itertuples():
        end = r.member_to if pd.notna(r.member_to) else pd.Timestamp.max
        member |= (v["date"] >= r.member_from) & (v["date"] <= end)
    known_start = um["member_from"].min() if len(um) else None
    status[missing & member] = "absent"
    if known_start is not None:
        status[missing & ~member & (v["date"] < known_start)] = "not a member"
    status[status.isna()] = "no recorded vote"
    return status.rename(c)


# --- the Ukraine resolutions and abstention ----------------------------------------------------
def ukraine_votes(country: str, comparators: list[str]) -> pd.DataFrame:
    """Votes of ``country`` and ``comparators`` on each Ukraine resolution (2014–2025).

    One row per resolution (date order): those of ``ukraine_resolutions`` (with their
    yes/no/abstain totals) and the panel's other roll calls on Ukraine, such as the 2016–2019
    Crimea resolutions (totals not in the data: missing). Then one column per country:
    ``yes`` / ``no`` / ``abstain`` where a source states it, else ``not stated`` (unknown — not
    assumed absent). A vote a news source names is taken first, else the roll-call panel's.
    ``attrs["sources"]``: source ids used; ``attrs["votes_from"]``: for each resolution, where
    its votes come from ("news reports", "UN roll-call data" or both).
    """
    codes = [check_country(country)] + [check_country(c, "comparators") for c in comparators
                                        if c != country]
    res = table("ukraine_resolutions")
    news = table("ukraine_votes")
    panel = table("unga_votes_panel")
    calls = table("unga_roll_calls")
    calls = calls[calls["rcid"].isin(_ukraine_rcids())].assign(
        number=lambda d: d["resolution"].map(resolution_number))
    listed = set(res["resolution"].map(resolution_number))
    extra = calls[~calls["number"].isin(listed)]
    out = pd.concat([
        res[["resolution", "date", "title", "yes", "no", "abstain"]].astype(
            {k: "Int64" for k in ("yes", "no", "abstain")}),
        pd.DataFrame({"resolution": "A/RES/" + extra["number"], "date": extra["date"],
                      "title": extra["short_title"].str.replace(_ADOPTED, "", regex=True),
                      **{k: pd.array([pd.NA] * len(extra), dtype="Int64")
                         for k in ("yes", "no", "abstain")}}),
    ]).sort_values("date", kind="stable").reset_index(drop=True)
    rcid_of = dict(zip(calls["number"], calls["rcid"]))
    used = set(res["source_id"])
    origin: dict[str, set[str]] = {sym: set() for sym in out["resolution"]}
    for c in codes:
        col = []
        for sym in out["resolution"]:
            hit = news[(news["resolution"] == sym) & (news["iso3"] == c)]
            pv = panel[(panel["rcid"] == rcid_of.get(resolution_number(sym))) & (panel["iso3"] == c)]
            if len(hit):
                col.append(hit["vote"].iloc[0])
                used.add(hit["source_id"].iloc[0])
                origin[sym].add("news reports")
            elif len(pv):
                col.append(pv["vote"].iloc[0])
                used.add("UNVOTES")
                origin[sym].add("UN roll-call data")
            else:
                col.append("not stated")
        out[c] = col
    out.attrs["sources"] = used
    out.attrs["votes_from"] = {sym: " and ".join(sorted(o)) or "no source"
                               for sym, o in origin.items()}
    return out


def abstention_rate(country: str, resolutions: str = "ukraine", year_from: int | None = None,
                    year_to: int | None = None) -> dict:
    """How often ``country`` abstained on a named set of resolutions.

    Returns recorded (votes known), abstained, rate_pct (abstentions as a percent of the known
    votes; NaN if none) and unknown (resolutions in the set with no known vote). The
    ``ukraine`` set uses :func:`ukraine_votes` (2014–2025, any years); the other sets use the
    roll-call panel within ``year_from``–``year_to``.
    """
    c = check_country(country)
    check_resolution_set(resolutions)
    if resolutions == "ukraine":
        col = ukraine_votes(c, [])[c]
    else:
        col = votes([c], resolutions, year_from, year_to)[c]
    known = col[col.isin(VOTES)]
    n_abs = int((known == "abstain").sum())
    return {"country": c, "resolutions": resolutions, "recorded": len(known),
            "abstained": n_abs,
            "rate_pct": float(n_abs / len(known) * 100) if len(known) else float("nan"),
            "unknown": int(len(col) - len(known))}
