"""Diplomatic positioning: UN General Assembly votes, agreement measures, groupings, claim checks.

Data (``data/diplomacy/``): the recorded votes of a panel of countries on the Assembly's roll calls
1946–2019 (Voeten's data, ending with the 74th session in January 2020), the Ukraine resolutions of
2014–2025 with the votes that named news sources state, UN admission dates and the membership of
groupings (SCO, BRICS, G20, East Asia Summit, Quad, permanent Security Council seats).

Agreement between two countries is measured on the roll calls where **both** recorded a vote
(yes, no or abstain); roll calls where either has no recorded vote are left out, and resolutions
adopted without a vote are not in the data at all. Three measures:

* **percent agreement** – share of those roll calls on which both cast the same vote, with
  abstention its own category;
* **half agreement** – the same, but a pair in which one abstains and the other votes yes or no
  counts 0.5 (the "index of agreement" of Lijphart, "The Analysis of Bloc Voting in the General
  Assembly", *American Political Science Review* 57(4), 1963, used with Voeten's data in Voeten,
  "Data and Analyses of Voting in the UN General Assembly", *Routledge Handbook of International
  Organization*, 2013);
* **Cohen's κ** – percent agreement corrected for the agreement expected by chance from each
  country's own mix of yes / no / abstain (Cohen, *Educational and Psychological Measurement*
  20(1), 1960): κ = (p_o − p_e) / (1 − p_e). It matters in the Assembly, where most roll calls
  pass with large "yes" majorities and two countries agree often by chance alone.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.countries import in_text, name
from analysis.datasets import load_table, source_line
from analysis.errors import ParameterError

VOTES = ("yes", "no", "abstain")

#: Named sets of resolutions → how they are selected.
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

GROUPING_NAMES = {
    "UN": "United Nations",
    "UNSC_P5": "UN Security Council, permanent seat",
    "G20": "G20",
    "BRICS": "BRICS",
    "SCO": "Shanghai Cooperation Organisation",
    "EAS": "East Asia Summit",
    "QUAD": "Quad (Quadrilateral Security Dialogue)",
}

# How a grouping is written in an article (for entities without a code, or plain text).
_GROUPING_PATTERNS = {
    "SCO": r"Shanghai Cooperation Organi[sz]ation|\bSCO\b",
    "G20": r"\bG-?20\b|Group of Twenty",
    "BRICS": r"\bBRICS\b",
    "UN": r"United Nations(?! Security)|\bUN\b(?! Security)",
    "EAS": r"East Asia Summit|\bEAS\b",
    "QUAD": r"\bQuad\b|Quadrilateral Security Dialogue",
}

_NEWS_NOTE = ("The roll-call panel ends with the 74th session (January 2020); the 2022–2025 "
              "Ukraine votes come from a separate table of what named news sources report.")


# ---------------------------------------------------------------------------------------------
# Tables and allowed values
# ---------------------------------------------------------------------------------------------
def _t(name_: str) -> pd.DataFrame:
    return load_table(f"diplomacy/{name_}")


@lru_cache(maxsize=1)
def _panel_wide() -> pd.DataFrame:
    """Roll calls × panel countries, values yes / no / abstain / NaN (no recorded vote)."""
    v = _t("unga_votes_panel")
    wide = v.pivot(index="rcid", columns="iso3", values="vote").sort_index(axis=1)
    calls = _t("unga_roll_calls").set_index("rcid")
    return wide.reindex(calls.index)


def available_countries() -> list[str]:
    """ISO alpha-3 codes of the countries in the roll-call panel (sorted)."""
    return list(_panel_wide().columns)


def available_resolution_sets() -> list[str]:
    """Names of the resolution sets: ``ukraine`` (default), ``all``, ``important_votes`` and
    the issue sets (``human_rights``, ``nuclear`` …)."""
    return ["ukraine", "all", "important_votes", *ISSUE_SETS]


def describe_resolution_set(resolutions: str) -> str:
    """One line saying what a named resolution set contains."""
    _check_set(resolutions)
    return _SET_HELP[resolutions]


def year_coverage() -> tuple[int, int]:
    """First and last calendar year with a roll call in the panel."""
    d = _t("unga_roll_calls")["date"]
    return int(d.min().year), int(d.max().year)


def _check_country(code, param: str = "country") -> str:
    allowed = available_countries()
    c = str(code).upper() if isinstance(code, str) else code
    if c not in allowed:
        raise ParameterError(f"{param}={code!r} is not in the roll-call panel; allowed: "
                             f"{', '.join(allowed)}")
    return c


def _check_set(resolutions) -> str:
    allowed = available_resolution_sets()
    if resolutions not in allowed:
        raise ParameterError(f"resolutions={resolutions!r} is not a named set; allowed: "
                             f"{', '.join(allowed)}")
    return resolutions


def _check_years(year_from, year_to) -> tuple[int, int]:
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


def check_parameters(country: str, counterparts: list[str], year_from: int, year_to: int,
                     resolutions: str) -> None:
    """Validate the diplomatic_positioning notebook's parameters; raise ParameterError."""
    _check_country(country)
    if isinstance(counterparts, str) or not list(counterparts):
        raise ParameterError(f"counterparts={counterparts!r} must be a non-empty list of codes; "
                             f"allowed: {', '.join(available_countries())}")
    for c in counterparts:
        _check_country(c, "counterparts")
    _check_years(year_from, year_to)
    _check_set(resolutions)


# ---------------------------------------------------------------------------------------------
# Roll calls and votes
# ---------------------------------------------------------------------------------------------
def _ukraine_panel_codes() -> set[str]:
    """The Ukraine resolutions' codes in the roll-call source's form (A/RES/68/262 → R/68/262)."""
    codes = set()
    for sym in _t("ukraine_resolutions")["resolution"]:
        m = re.fullmatch(r"A/RES/(\d+)/(\d+)", sym)
        if m:
            codes.add(f"R/{m.group(1)}/{m.group(2)}")
    return codes


def roll_calls(resolutions: str = "all", year_from: int | None = None,
               year_to: int | None = None) -> pd.DataFrame:
    """Roll calls of a named set within calendar years ``year_from``–``year_to`` (inclusive).

    Columns: rcid, session, date, year, resolution, short_title, important_vote.
    """
    _check_set(resolutions)
    lo, hi = year_coverage()
    year_from, year_to = _check_years(lo if year_from is None else year_from,
                                      hi if year_to is None else year_to)
    rc = _t("unga_roll_calls")
    rc = rc.assign(year=rc["date"].dt.year)
    rc = rc[(rc["year"] >= year_from) & (rc["year"] <= year_to)]
    if resolutions == "important_votes":
        rc = rc[rc["important_vote"].fillna(False).astype(bool)]
    elif resolutions == "ukraine":
        rc = rc[rc["resolution"].isin(_ukraine_panel_codes())]
    elif resolutions in ISSUE_SETS:
        tagged = _t("unga_roll_call_issues")
        ids = tagged.loc[tagged["issue_code"] == ISSUE_SETS[resolutions], "rcid"]
        rc = rc[rc["rcid"].isin(ids)]
    cols = ["rcid", "session", "date", "year", "resolution", "short_title", "important_vote"]
    return rc[cols].reset_index(drop=True)


def votes(countries: list[str], resolutions: str = "all", year_from: int | None = None,
          year_to: int | None = None) -> pd.DataFrame:
    """Recorded votes: one row per roll call, one column per country (yes / no / abstain, or
    NaN where the country has no recorded vote). Index: rcid; also columns date and year."""
    codes = [_check_country(c, "countries") for c in countries]
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
    c = _check_country(country)
    v = votes([c], resolutions, year_from, year_to)
    um = _t("un_membership")
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


# ---------------------------------------------------------------------------------------------
# Agreement measures (on two vote series aligned by roll call)
# ---------------------------------------------------------------------------------------------
def _pairs(a: pd.Series, b: pd.Series) -> pd.DataFrame:
    df = pd.DataFrame({"a": a, "b": b})
    df = df[df["a"].isin(VOTES) & df["b"].isin(VOTES)]
    return df


def percent_agreement(a: pd.Series, b: pd.Series) -> float:
    """Percent (0–100) of roll calls with the same vote, abstention its own category; only roll
    calls where both have a recorded vote count. NaN when there are none."""
    p = _pairs(a, b)
    return float((p["a"] == p["b"]).mean() * 100) if len(p) else float("nan")


def half_agreement(a: pd.Series, b: pd.Series) -> float:
    """Percent (0–100) agreement counting yes/abstain and no/abstain pairs as 0.5 (Lijphart's
    index of agreement, as used with Voeten's UNGA data). NaN when there are no common votes."""
    p = _pairs(a, b)
    if not len(p):
        return float("nan")
    score = np.where(p["a"] == p["b"], 1.0,
                     np.where((p["a"] == "abstain") | (p["b"] == "abstain"), 0.5, 0.0))
    return float(score.mean() * 100)


def agreement_kappa(a: pd.Series, b: pd.Series) -> float:
    """Cohen's κ for yes / no / abstain on roll calls where both have a recorded vote:
    (p_o − p_e) / (1 − p_e), with p_e from each country's own shares of the three votes.
    1 = perfect agreement, 0 = no better than chance, < 0 = worse. NaN when undefined."""
    p = _pairs(a, b)
    if not len(p):
        return float("nan")
    po = float((p["a"] == p["b"]).mean())
    pa = p["a"].value_counts(normalize=True)
    pb = p["b"].value_counts(normalize=True)
    pe = float(sum(pa.get(k, 0.0) * pb.get(k, 0.0) for k in VOTES))
    if pe >= 1.0:
        return float("nan")
    return (po - pe) / (1.0 - pe)


def _measures(a: pd.Series, b: pd.Series) -> dict:
    p = _pairs(a, b)
    same = int((p["a"] == p["b"]).sum())
    half = int((((p["a"] == "abstain") ^ (p["b"] == "abstain"))).sum())
    a, b = p["a"], p["b"]  # already paired: the measures below drop no further row
    return {"roll_calls": len(p), "same_vote": same, "one_abstained": half,
            "opposite_vote": len(p) - same - half,
            "percent_agreement": percent_agreement(a, b),
            "half_agreement": half_agreement(a, b), "kappa": agreement_kappa(a, b)}


def agreement(country: str, other: str, year_from: int | None = None,
              year_to: int | None = None, resolutions: str = "all") -> pd.Series:
    """Agreement of two countries' recorded votes over calendar years ``year_from``–``year_to``.

    Returns roll_calls (both recorded a vote), same_vote, one_abstained, opposite_vote,
    percent_agreement and half_agreement (percent, 0–100) and kappa (Cohen's κ).
    """
    a, b = _check_country(country), _check_country(other, "other")
    v = votes([a, b], resolutions, year_from, year_to)
    return pd.Series(_measures(v[a], v[b]), name=f"{a}-{b}")


def agreement_table(country: str, counterparts: list[str], year_from: int | None = None,
                    year_to: int | None = None, resolutions: str = "all") -> pd.DataFrame:
    """:func:`agreement` of ``country`` with each counterpart, one row per counterpart
    (index: ISO alpha-3), sorted by half agreement, highest first."""
    rows = [agreement(country, c, year_from, year_to, resolutions).rename(c)
            for c in counterparts]
    df = pd.DataFrame(rows)
    df.index.name = "counterpart"
    return df.sort_values("half_agreement", ascending=False)


def agreement_by_year(country: str, counterparts: list[str], year_from: int | None = None,
                      year_to: int | None = None, resolutions: str = "all") -> pd.DataFrame:
    """Agreement measures per calendar year: long table with columns year, counterpart,
    roll_calls, percent_agreement, half_agreement (percent) and kappa."""
    a = _check_country(country)
    cs = [_check_country(c, "counterparts") for c in counterparts]
    v = votes([a, *cs], resolutions, year_from, year_to)
    years = sorted(int(y) for y in v["year"].unique())
    parts = [_yearly_measures(v[a], v[c], v["year"], years).assign(counterpart=c) for c in cs]
    cols = ["year", "counterpart", "roll_calls", "percent_agreement", "half_agreement", "kappa"]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts).rename_axis("year").reset_index()
    out["order"] = out["counterpart"].map({c: i for i, c in enumerate(cs)})
    return out.sort_values(["year", "order"], kind="stable")[cols].reset_index(drop=True)


def _yearly_measures(a: pd.Series, b: pd.Series, year: pd.Series, years: list[int]) -> pd.DataFrame:
    """:func:`_measures` for each calendar year at once (index: ``years``): roll_calls,
    percent_agreement, half_agreement (percent) and kappa; NaN for a year with no common vote."""
    both = a.isin(VOTES) & b.isin(VOTES)
    a, b = a[both], b[both]
    d = pd.DataFrame({
        "year": year[both].astype(int),
        "same": (a == b).astype(float),
        "score": np.where(a == b, 1.0, np.where((a == "abstain") | (b == "abstain"), 0.5, 0.0)),
        **{f"a_{k}": (a == k).astype(float) for k in VOTES},
        **{f"b_{k}": (b == k).astype(float) for k in VOTES},
    })
    g = d.groupby("year").mean().reindex(years)
    n = d.groupby("year").size().reindex(years, fill_value=0)
    pe = sum(g[f"a_{k}"] * g[f"b_{k}"] for k in VOTES)
    kappa = ((g["same"] - pe) / (1.0 - pe)).where(pe < 1.0)
    return pd.DataFrame({"roll_calls": n.astype(int), "percent_agreement": g["same"] * 100,
                         "half_agreement": g["score"] * 100, "kappa": kappa}, index=years)


# ---------------------------------------------------------------------------------------------
# Ukraine resolutions and abstention
# ---------------------------------------------------------------------------------------------
def ukraine_votes(country: str, comparators: list[str]) -> pd.DataFrame:
    """Votes of ``country`` and ``comparators`` on each Ukraine resolution (2014–2025).

    One row per resolution (date order) with date, title, the yes/no/abstain totals, then one
    column per country: ``yes`` / ``no`` / ``abstain`` where a source states it, else
    ``not stated`` (unknown — not assumed absent). For 68/262 (2014) the roll-call panel is
    used where the news table names no vote. Attribute ``attrs["sources"]``: ids used.
    """
    codes = [_check_country(country)] + [_check_country(c, "comparators") for c in comparators
                                         if c != country]
    res = _t("ukraine_resolutions")
    news = _t("ukraine_votes")
    panel = _t("unga_votes_panel")
    calls = _t("unga_roll_calls")
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


def ukraine_source_line(table: pd.DataFrame) -> str:
    """Source line for a :func:`ukraine_votes` table (only the sources its cells use)."""
    used = table.attrs.get("sources", set())
    return source_line(_t("ukraine_resolutions"), _t("ukraine_votes"), _t("unga_votes_panel"),
                       used_ids=used)


def abstention_rate(country: str, resolutions: str = "ukraine", year_from: int | None = None,
                    year_to: int | None = None) -> dict:
    """How often ``country`` abstained on a named set of resolutions.

    Returns recorded (votes known), abstained, rate_pct (abstentions as a percent of the known
    votes; NaN if none) and unknown (resolutions in the set with no known vote). The
    ``ukraine`` set uses :func:`ukraine_votes` (2014–2025, any years); the other sets use the
    roll-call panel within ``year_from``–``year_to``.
    """
    c = _check_country(country)
    _check_set(resolutions)
    if resolutions == "ukraine":
        col = ukraine_votes(c, [])[c]
    else:
        col = votes([c], resolutions, year_from, year_to)[c]
    known = col[col.isin(VOTES)]
    n_abs = int((known == "abstain").sum())
    return {"country": c, "resolutions": resolutions, "recorded": int(len(known)),
            "abstained": n_abs,
            "rate_pct": float(n_abs / len(known) * 100) if len(known) else float("nan"),
            "unknown": int(len(col) - len(known))}


# ---------------------------------------------------------------------------------------------
# Groupings
# ---------------------------------------------------------------------------------------------
def _as_date(on) -> pd.Timestamp:
    if on is None:
        return pd.Timestamp(date.today())
    try:
        return pd.Timestamp(on)
    except (ValueError, TypeError):
        raise ParameterError(f"on={on!r} is not a date (use YYYY-MM-DD)") from None


def membership(iso3: str, grouping: str, on=None) -> bool | None:
    """Whether ``iso3`` belonged to ``grouping`` on date ``on`` (default today).

    True / False from the cited tables; None when the date falls in a year for which only the
    year (not the day) of joining or leaving is known. ``grouping``: a key of GROUPING_NAMES.
    """
    if grouping not in GROUPING_NAMES:
        raise ParameterError(f"grouping={grouping!r} unknown; allowed: "
                             f"{', '.join(GROUPING_NAMES)}")
    when = _as_date(on)
    code = str(iso3).upper()
    if grouping == "UN":
        um = _t("un_membership")
        um = um[um["iso3"] == code]
        if um.empty:
            return None
        return bool(((um["member_from"] <= when)
                     & (um["member_to"].isna() | (um["member_to"] >= when))).any())
    g = _t("groupings")
    rows = g[(g["grouping"] == grouping) & (g["iso3"] == code)]
    answer: bool | None = False
    for r in rows.itertuples():
        if pd.notna(r.joined_date):
            started = True if when >= r.joined_date else False
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


def _since(iso3: str, grouping: str) -> str:
    if grouping == "UN":
        um = _t("un_membership")
        r = um[um["iso3"] == iso3]
        return "" if r.empty else f"{r['member_from'].min():%Y}"
    g = _t("groupings")
    r = g[(g["grouping"] == grouping) & (g["iso3"] == iso3)].sort_values("joined_year")
    return "" if r.empty else str(int(r["joined_year"].iloc[-1]))


def shared_groupings(a: str, b: str, on=None) -> pd.DataFrame:
    """For each grouping: is each of two countries a member on date ``on`` (default today), and
    do they share it. Columns: grouping, name, <a>, <b>, shared (True / False / None = not
    established)."""
    a, b = str(a).upper(), str(b).upper()
    rows = []
    for code, label in GROUPING_NAMES.items():
        ma, mb = membership(a, code, on), membership(b, code, on)
        shared = (ma and mb) if (ma is not None and mb is not None) else (
            False if (ma is False or mb is False) else None)
        rows.append({"grouping": code, "name": label, a: ma, b: mb, "shared": shared})
    return pd.DataFrame(rows)


def groupings_table(countries: list[str], on=None) -> pd.DataFrame:
    """Membership grid: one row per grouping, one column per country, cells 'since <year>',
    '—' (not a member) or 'not established'. Index: grouping name."""
    codes = [str(c).upper() for c in countries]
    rows = {}
    for code, label in GROUPING_NAMES.items():
        row = {}
        for c in codes:
            m = membership(c, code, on)
            row[name(c)] = (f"since {_since(c, code)}" if m else
                            "—" if m is False else "not established")
        rows[label] = row
    df = pd.DataFrame.from_dict(rows, orient="index")
    df.index.name = "grouping"
    return df


def groupings_as_of() -> pd.Timestamp:
    """Latest dated change in the groupings table (the table is current to this date)."""
    return _t("groupings")["joined_date"].max()


def groupings_source_line() -> str:
    """Source line for the groupings table and UN membership."""
    return source_line(_t("groupings"), _t("un_membership"))


# ---------------------------------------------------------------------------------------------
# Claims of an article that the data can test
# ---------------------------------------------------------------------------------------------
def _sentences(article) -> list[str]:
    sents = list(getattr(article, "sentences", ()) or ())
    if not sents:
        sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", article.text) if s.strip()]
    return sents


def _find(sents: list[str], pattern: str) -> str | None:
    for s in sents:
        if re.search(pattern, s, flags=re.IGNORECASE):
            return s.strip().lstrip("•*-– ").strip()
    return None


def _article_groupings(article) -> list[str]:
    found: list[str] = []
    for e in getattr(article, "entities", ()) or ():
        if getattr(e, "kind", None) != "grouping":
            continue
        for code, pat in _GROUPING_PATTERNS.items():
            label = f"{e.code or ''} {e.name}"
            if (e.code or "").upper() == code or re.search(pat, label):
                if code not in found:
                    found.append(code)
                break
    if not found:  # no grouping entities: read the text itself
        for code, pat in _GROUPING_PATTERNS.items():
            if re.search(pat, article.text):
                found.append(code)
    return found


def check_claims(article, country: str = "IND", partner: str = "RUS",
                 as_of: str = "2024-07-08") -> pd.DataFrame:
    """Test what the article says that the data can test; one row per claim.

    Columns: claim (the article's sentence, or a paraphrase), evidence (numbers from data/),
    verdict (``supported`` / ``contradicted`` / ``cannot check``), reason. ``as_of`` is the
    date the article speaks of (default: the day of the Moscow visit, 8 July 2024).
    Checked: the "neutral stance" on Ukraine against ``country``'s votes on the ES-11
    resolutions since the February 2022 invasion; each grouping named as shared by ``country``
    and ``partner``; reliance on Russian arms (SIPRI shares); strained ties with China
    (not testable with votes that end in 2019).
    """
    c, p = str(country).upper(), str(partner).upper()
    when = _as_date(as_of)
    sents = _sentences(article)
    rows = []

    s = _find(sents, r"\bneutral")
    if s:
        t = ukraine_votes(c, [p])
        es = t[t["resolution"].str.contains("ES-11") & (t["date"] >= "2022-02-24")]
        before, after = es[es["date"] <= when], es[es["date"] > when]
        known = before[before[c].isin(VOTES)]
        n_abs = int((known[c] == "abstain").sum())
        ev = (f"{name(c)} abstained on {n_abs} of the {len(known)} ES-11 resolutions with a "
              f"known vote between February 2022 and {when:%B %Y} "
              f"({', '.join(known['resolution'].str.replace('A/RES/', '', regex=False))}); "
              f"{in_text(p)} voted no on {int((known[p] == 'no').sum())} of them.")
        if len(after):
            later = after[after[c].isin(VOTES)]
            ev += (" Later: " + "; ".join(f"{r.resolution.replace('A/RES/', '')} "
                                           f"({r.date:%b %Y}) {r[c]}"
                                           for _, r in later.iterrows()) + ".")
        if not len(known):
            verdict, reason = "cannot check", "no known vote on the ES-11 resolutions"
        elif n_abs == len(known):
            verdict, reason = ("supported", "abstaining on every resolution condemning the "
                               "invasion is neither criticism (yes) nor support (no) of Russia")
        else:
            verdict, reason = ("contradicted", "it voted yes or no on at least one ES-11 "
                               "resolution")
        rows.append({"claim": s, "evidence": ev, "verdict": verdict, "reason": reason})

    for code in _article_groupings(article):
        label = GROUPING_NAMES[code]
        ma, mb = membership(c, code, when), membership(p, code, when)

        def status(iso, m):
            return (f"member since {_since(iso, code)}" if m else
                    "not a member" if m is False else "membership not established")

        ev = f"{name(c)}: {status(c, ma)}; {name(p)}: {status(p, mb)} (as of {when:%-d %B %Y})."
        if ma and mb:
            verdict, reason = "supported", f"both are members of the {label}"
        elif ma is False or mb is False:
            verdict, reason = "contradicted", f"not both are members of the {label}"
        else:
            verdict, reason = "cannot check", "membership on that date is not established"
        rows.append({"claim": f"{name(c)} and {name(p)} both belong to the {label} (named in "
                              f"the article among the groupings where they meet).",
                     "evidence": ev, "verdict": verdict, "reason": reason})

    s = _find(sents, r"military equipment|\barms\b|weapons")
    if s:
        arms = _t("india_arms_imports")
        if c != "IND" or p not in set(arms["supplier"]):
            rows.append({"claim": s, "evidence": "", "verdict": "cannot check",
                         "reason": "arms-import shares are only held for India's suppliers"})
        else:
            a = arms[arms["supplier"] == p].sort_values("period")
            ev = "; ".join(f"{r.period}: {r.share_pct:.0f}%" for r in a.itertuples())
            period = a["period"].iloc[-1]
            latest = arms[arms["period"] == period]
            top = latest.sort_values("share_pct", ascending=False)["supplier"].iloc[0]
            ev = f"{name(p)}'s share of India's major-arms imports (SIPRI) — {ev}."
            if top == p:
                verdict = "supported"
                reason = (f"{name(p)} is the largest supplier named for {period}, though its share "
                          f"fell from {a['share_pct'].iloc[0]:.0f}% ({a['period'].iloc[0]}) to "
                          f"{a['share_pct'].iloc[-1]:.0f}%")
            else:
                verdict, reason = "contradicted", f"{name(top)} is the largest supplier"
            rows.append({"claim": s, "evidence": ev, "verdict": verdict, "reason": reason})

    s = _find(sents, r"strained relations with China|relations with China")
    if s:
        rows.append({"claim": s, "evidence": "",
                     "verdict": "cannot check",
                     "reason": "the roll-call panel ends in January 2020, before the 2020 "
                               "border clash; UN votes do not measure bilateral tension"})
    return pd.DataFrame(rows, columns=["claim", "evidence", "verdict", "reason"])


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------
def plot_agreement_by_year(country: str, counterparts: list[str], year_from: int, year_to: int,
                           measure: str = "half_agreement"):
    """Line chart of yearly agreement of ``country`` with each counterpart (percent, or κ).

    Title states which counterpart ``country`` agreed with most over the period; caption,
    note on coverage and source line under the chart. Returns the matplotlib Figure.
    """
    from analysis.charts import annotate, figure

    labels = {"half_agreement": "Agreement, abstention = half (%)",
              "percent_agreement": "Identical votes (%)", "kappa": "Cohen's κ"}
    if measure not in labels:
        raise ParameterError(f"measure={measure!r}; allowed: {', '.join(labels)}")
    by_year = agreement_by_year(country, counterparts, year_from, year_to)
    total = agreement_table(country, counterparts, year_from, year_to)
    fig, ax = figure()
    for c in counterparts:
        d = by_year[by_year["counterpart"] == c]
        ax.plot(d["year"], d[measure], marker="o", markersize=3, label=name(c))
    ax.set_ylabel(labels[measure])
    ax.set_xlabel("Calendar year of the roll call")
    if measure != "kappa":
        ax.set_ylim(0, 100)
    best, worst = total.index[0], total.index[-1]
    if len(total) == 1:
        title = (f"{name(country)} and {in_text(best)} voted alike on "
                 f"{total.loc[best, 'half_agreement']:.0f}% of roll calls, {year_from}–{year_to}")
    else:
        title = (f"{name(country)} voted most often with {in_text(best)} and least with "
                 f"{in_text(worst)}, {year_from}–{year_to}")
    ax.set_title(title, loc="left")
    ax.legend(loc="lower left", ncols=len(counterparts))
    annotate(fig,
             caption=(f"Share of UN General Assembly roll calls each year on which {in_text(country)} "
                      f"and the counterpart cast the same vote; a yes or no against an "
                      f"abstention counts half. Only roll calls where both recorded a vote."),
             note=_NEWS_NOTE, source=source_line(_t("unga_votes_panel")))
    return fig


def vote_label(v: str) -> str:
    """Display text for a vote cell."""
    return {"yes": "Yes", "no": "No", "abstain": "Abstain"}.get(v, v)


# ---------------------------------------------------------------------------------------------
# Text and tables for the report (numbers computed here, never typed into the notebook)
# ---------------------------------------------------------------------------------------------
def ukraine_display(country: str, comparators: list[str]) -> pd.DataFrame:
    """:func:`ukraine_votes` laid out for reading: resolution, date, subject, result, then one
    column per country (display names; 'not stated' where no source gives the vote)."""
    t = ukraine_votes(country, comparators)
    codes = [c for c in t.columns if c not in
             ("resolution", "date", "title", "yes", "no", "abstain")]
    out = pd.DataFrame({
        "Resolution": t["resolution"].str.replace("A/RES/", "", regex=False),
        "Adopted": t["date"].dt.strftime("%d %b %Y"),
        "Subject": t["title"],
        "Yes–no–abstain": [f"{r.yes}–{r.no}–{r.abstain}" for r in t.itertuples()],
    })
    for c in codes:
        out[name(c)] = t[c].map(vote_label)
    out.attrs["sources"] = t.attrs["sources"]
    return out


def abstention_summary(country: str, resolutions: str, year_from: int, year_to: int) -> str:
    """One paragraph (Markdown) on ``country``'s abstentions in the chosen set, with counts."""
    r = abstention_rate(country, resolutions, year_from, year_to)
    what = describe_resolution_set(resolutions)
    when = "" if resolutions == "ukraine" else f" in {year_from}–{year_to}"
    if not r["recorded"]:
        return (f"No vote of {in_text(country)} is known on {what}{when}"
                f" ({r['unknown']} without a known vote).")
    text = (f"On **{what}**{when}, {in_text(country)} abstained on **{r['abstained']} of "
            f"{r['recorded']}** votes with a known position (**{r['rate_pct']:.0f}%**).")
    if r["unknown"]:
        text += (f" For {r['unknown']} more, no vote is recorded or stated; they are left out, "
                 f"not counted as abstentions.")
    return text


def agreement_display(country: str, counterparts: list[str], year_from: int, year_to: int,
                      resolutions: str = "all") -> pd.DataFrame:
    """:func:`agreement_table` with display names and rounded values for the report."""
    t = agreement_table(country, counterparts, year_from, year_to, resolutions)
    return pd.DataFrame({
        "Counterpart": [name(c) for c in t.index],
        "Roll calls (both voted)": [f"{int(v):,}" for v in t["roll_calls"]],
        "Identical votes (%)": [f"{v:.1f}" for v in t["percent_agreement"]],
        "Agreement, abstention = half (%)": [f"{v:.1f}" for v in t["half_agreement"]],
        "Cohen's κ": [f"{v:.2f}" for v in t["kappa"]],
    })


def alignment_summary(country: str, counterparts: list[str], year_from: int,
                      year_to: int) -> str:
    """Markdown sentence naming the closest and most distant counterpart over the period."""
    t = agreement_table(country, counterparts, year_from, year_to)
    best, worst = t.index[0], t.index[-1]
    return (f"Over {year_from}–{year_to}, {in_text(country)}'s votes were closest to "
            f"**{in_text(best)}** ({t.loc[best, 'half_agreement']:.0f}% agreement counting "
            f"abstentions as half, κ = {t.loc[best, 'kappa']:.2f}) and furthest from "
            f"**{in_text(worst)}** ({t.loc[worst, 'half_agreement']:.0f}%, "
            f"κ = {t.loc[worst, 'kappa']:.2f}), on {int(t['roll_calls'].min()):,}–"
            f"{int(t['roll_calls'].max()):,} roll calls where both recorded a vote.")


def set_agreement_summary(country: str, counterparts: list[str], year_from: int, year_to: int,
                          resolutions: str) -> str:
    """Markdown on agreement within a roll-call set (or why the set has none in the panel)."""
    if resolutions == "all":
        return ""
    n = len(roll_calls(resolutions, year_from, year_to))
    what = describe_resolution_set(resolutions)
    if n == 0:
        return (f"The roll-call panel has no roll call of {what} in {year_from}–{year_to}, so "
                f"agreement on that set cannot be measured from it.")
    t = agreement_table(country, counterparts, year_from, year_to, resolutions)
    parts = [f"{name(c)} {t.loc[c, 'half_agreement']:.0f}% ({_n(int(t.loc[c, 'roll_calls']))})"
             for c in t.index]
    return (f"Restricted to {what} ({_n(n)} in the panel in {year_from}–{year_to}), "
            f"agreement with "
            f"abstentions counted half: " + "; ".join(parts) + ".")


def _n(k: int) -> str:
    return f"{k:,} roll call" + ("" if k == 1 else "s")


def method_notes() -> str:
    """Markdown notes on measures, coverage and sources of the report."""
    lo, hi = year_coverage()
    tables = ["unga_votes_panel", "ukraine_resolutions", "ukraine_votes", "groupings",
              "un_membership", "india_arms_imports"]
    src = "\n".join(f"- {load_table('diplomacy/' + t).attrs['meta'].title}: "
                    f"{source_line(_t(t))[len('Source: '):]}" for t in tables)
    return (
        "**Measures.** Agreement is computed on the roll calls where both countries recorded "
        "a vote (yes, no or abstain). *Identical votes* treats abstention as a third option; "
        "*agreement, abstention = half* scores a yes or no against an abstention as 0.5 "
        "(Lijphart's index of agreement, as used with Voeten's data); *Cohen's κ* corrects "
        "identical votes for the agreement expected by chance from each country's own mix of "
        "votes (0 = chance, 1 = always identical). Most Assembly roll calls pass with large "
        "majorities, so raw agreement is high for almost any pair; κ shows whether two "
        "countries agree more than that.\n\n"
        f"**Coverage.** The roll-call panel runs from {lo} to its last vote in January {hi} "
        "(74th session). Resolutions adopted without a vote — most of the Assembly's "
        "decisions — are not in it. A missing vote is 'no recorded vote': the country was "
        "absent, present but not voting, or not yet a member; it is never counted as an "
        "abstention. The 2022–2025 Ukraine votes come from what named news pages report; a "
        "country they do not name is shown as 'not stated'.\n\n"
        "**Continuity.** The Soviet Union's votes (to December 1991) form Russia's series, as "
        "the Russian Federation continued the USSR's membership; West Germany's votes form "
        "Germany's; China's series starts with the People's Republic in 1971.\n\n"
        "**Sources.**\n" + src)


def votes_source_line() -> str:
    """Source line for the roll-call panel."""
    return source_line(_t("unga_votes_panel"))
