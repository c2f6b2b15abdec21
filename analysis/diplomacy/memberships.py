"""Who belonged to which grouping on a given date: the United Nations (admission dates) and the
groupings whose membership ``data/`` records (SCO, BRICS, G20, East Asia Summit, Quad, permanent
Security Council seats). Codes and names come from the shared table in ``analysis.groupings``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis import groupings
from analysis.countries import name
from analysis.diplomacy.votes import table
from analysis.errors import ParameterError


def as_date(on) -> pd.Timestamp:
    """``on`` (YYYY-MM-DD, a date or a Timestamp) as a Timestamp; None means today."""
    if on is None:
        return pd.Timestamp(date.today())
    try:
        return pd.Timestamp(on)
    except (ValueError, TypeError):
        raise ParameterError(f"on={on!r} is not a date (use YYYY-MM-DD)") from None


def _members_table(grouping: str) -> str:
    known = groupings.with_membership_data()
    if grouping not in known:
        raise ParameterError(f"grouping={grouping!r} has no membership data; allowed: "
                             f"{', '.join(known)}")
    return groupings.GROUPINGS[grouping].members_in


def membership(iso3: str, grouping: str, on=None) -> bool | None:
    """Whether ``iso3`` belonged to ``grouping`` on date ``on`` (default today).

    True / False from the cited tables; None when the date falls in a year for which only the
    year (not the day) of joining or leaving is known. ``grouping``: a code of
    ``groupings.with_membership_data()``.
    """
    source = _members_table(grouping)
    when = as_date(on)
    code = str(iso3).upper()
    if source == "un_membership":
        um = table("un_membership")
        um = um[um["iso3"] == code]
        if um.empty:
            return None
        return bool(((um["member_from"] <= when)
                     & (um["member_to"].isna() | (um["member_to"] >= when))).any())
    g = table(source)
    rows = g[(g["grouping"] == grouping) & (g["iso3"] == code)]
    answer: bool | None = False
    for r in rows.itertuples():
        if pd.notna(r.joined_date):
            started = bool(when >= r.joined_date)
        else:
            started = True if when.year > r.joined_year else (
                False if when.year < r.joined_year else None)
        if pd.notna(r.left_date):
            ended = when >= r.left_date
        elif pd.notna(r.left_year):
            ended = True if when.year > r.left_year else (
                False if when.year < r.left_year else None)
        else:
            ended = False
        if started is True and ended is False:
            return True
        if started is None or (started is True and ended is None):
            answer = None
    return answer


def member_since(iso3: str, grouping: str) -> str:
    """Year ``iso3`` joined ``grouping`` (its latest joining), or "" when not recorded."""
    source = _members_table(grouping)
    if source == "un_membership":
        um = table("un_membership")
        r = um[um["iso3"] == iso3]
        return "" if r.empty else f"{r['member_from'].min():%Y}"
    g = table(source)
    r = g[(g["grouping"] == grouping) & (g["iso3"] == iso3)].sort_values("joined_year")
    return "" if r.empty else str(int(r["joined_year"].iloc[-1]))


def shared_groupings(a: str, b: str, on=None) -> pd.DataFrame:
    """For each grouping: is each of two countries a member on date ``on`` (default today), and
    do they share it. Columns: grouping, name, <a>, <b>, shared (True / False / None = not
    established)."""
    a, b = str(a).upper(), str(b).upper()
    rows = []
    for code in groupings.with_membership_data():
        ma, mb = membership(a, code, on), membership(b, code, on)
        shared = (ma and mb) if (ma is not None and mb is not None) else (
            False if (ma is False or mb is False) else None)
        rows.append({"grouping": code, "name": groupings.name(code), a: ma, b: mb,
                     "shared": shared})
    return pd.DataFrame(rows)


def groupings_table(countries: list[str], on=None) -> pd.DataFrame:
    """Membership grid: one row per grouping, one column per country, cells 'since <year>',
    '—' (not a member) or 'not established'. Index: grouping name."""
    codes = [str(c).upper() for c in countries]
    rows = {}
    for code in groupings.with_membership_data():
        row = {}
        for c in codes:
            m = membership(c, code, on)
            row[name(c)] = (f"since {member_since(c, code)}" if m else
                            "—" if m is False else "not established")
        rows[groupings.name(code)] = row
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.index.name = "grouping"
    return df


def groupings_as_of() -> pd.Timestamp:
    """Latest dated change in the groupings table (the table is current to this date)."""
    return table("groupings")["joined_date"].max()
