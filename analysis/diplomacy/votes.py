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
def _ukraine_panel_codes() -> set[str]:
    """The Ukraine resolutions' codes in the roll-call source's form (A/RES/68/262 → R/68/262)."""
    codes = set()
    for sym in table("ukraine_resolutions")["resolution"]:
        m = re.fullmatch(r"A/RES/(\d+)/(\d+)", sym)
        if m:
            codes.add(f"R/{m.group(1)}/{m.group(2)}")
    return codes


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
        rc = rc[rc["resolution"].isin(_ukraine_panel_codes())]
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

    One row per resolution (date order) with date, title, the yes/no/abstain totals, then one
    column per country: ``yes`` / ``no`` / ``abstain`` where a source states it, else
    ``not stated`` (unknown — not assumed absent). For 68/262 (2014) the roll-call panel is
    used where the news table names no vote. Attribute ``attrs["sources"]``: ids used.
    """
    codes = [check_country(country)] + [check_country(c, "comparators") for c in comparators
                                        if c != country]
    res = table("ukraine_resolutions")
    news = table("ukraine_votes")
    panel = table("unga_votes_panel")
    calls = table("unga_roll_calls")
    out = res[["resolution", "date", "title", "yes", "no", "abstain"]].copy()
    used = set(res["source_id"])
    for c in codes:
        col = []
        for sym in out["resolution"]:
            hit = news[(news["resolution"] == sym) & (news["iso3"] == c)]
            if len(hit):
                col.append(hit["vote"].iloc[0])
                used.add(hit["source_id"].iloc[0])
                continue
            m = re.fullmatch(r"A/RES/(\d+)/(\d+)", sym)
            rc = calls.loc[calls["resolution"] == f"R/{m.group(1)}/{m.group(2)}", "rcid"] \
                if m else pd.Series([], dtype=int)
            pv = panel[panel["rcid"].isin(rc) & (panel["iso3"] == c)]
            if len(pv):
                col.append(pv["vote"].iloc[0])
                used.add("UNVOTES")
            else:
                col.append("not stated")
        out[c] = col
    out.attrs["sources"] = used
    return out.reset_index(drop=True)


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
