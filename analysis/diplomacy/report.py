"""Report wording for the diplomacy report: tables laid out for reading, findings and Markdown
summaries whose numbers come from the data (never typed into the notebook), source lines.

Static explanation (what the measures mean, what the coverage leaves out) lives in the notebook's
Markdown; only sentences with computed numbers are written here.
"""

from __future__ import annotations

import pandas as pd

from analysis.bibliography import current as current_bibliography
from analysis.changes import figure, verdicts_figure
from analysis.countries import in_text, name
from analysis.datasets import source_line
from analysis.diplomacy.agreement import agreement_table
from analysis.diplomacy.votes import (
    abstention_rate,
    describe_resolution_set,
    last_session,
    missing_ukraine_resolutions,
    resolution_number,
    roll_calls,
    table,
    ukraine_votes,
    year_coverage,
)
from analysis.display import escape, number, percent

#: The tables the report draws on, in the order the notes list their sources.
SOURCE_TABLES = ("unga_votes_panel", "ukraine_resolutions", "ukraine_votes", "groupings",
                 "un_membership", "india_arms_imports")


def vote_label(v: str) -> str:
    """Display text for a vote cell."""
    return {"yes": "Yes", "no": "No", "abstain": "Abstain"}.get(v, v)


def _n(k: int) -> str:
    return f"{k:,} roll call" + ("" if k == 1 else "s")


# --- tables ----------------------------------------------------------------------------------
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
        "Yes–no–abstain": ["–" if pd.isna(r.yes) else f"{r.yes}–{r.no}–{r.abstain}"
                           for r in t.itertuples()],
        "Votes from": t["resolution"].map(t.attrs["votes_from"]),
    })
    for c in codes:
        out[name(c)] = t[c].map(vote_label)
    out.attrs["sources"] = t.attrs["sources"]
    return out


def ukraine_gaps_note() -> str:
    """One sentence naming the ES-11 resolutions the data lack (Markdown), or "" if none."""
    missing = missing_ukraine_resolutions()
    held = [r for r in table("ukraine_resolutions")["resolution"] if "ES-11/" in r]
    last = resolution_number(held[-1]) if held else None
    if not missing and not last:
        return ""
    text = "Not in the data: "
    if missing:
        text += (", ".join(missing) + " (no source the project holds names the countries' "
                 "votes on them)")
    if last:
        text += ("; " if missing else "") + f"any resolution of the session after {last}"
    return text + "."


def agreement_display(totals: pd.DataFrame) -> pd.DataFrame:
    """An :func:`agreement_table` with display names and rounded values for the report."""
    return pd.DataFrame({
        "Counterpart": [name(c) for c in totals.index],
        "Roll calls (both voted)": [number(v) for v in totals["roll_calls"]],
        "Identical votes (%)": [number(v, 1) for v in totals["percent_agreement"]],
        "Agreement, abstention = half (%)": [number(v, 1) for v in totals["half_agreement"]],
        "Cohen's κ": [number(v, 2) for v in totals["kappa"]],
    })


def title(country: str, counterparts: list[str], year_from: int, year_to: int) -> str:
    """The report's title, naming the country and its counterparts: "India at the UN General
    Assembly beside Russia, the United States and China, 1992–2019"."""
    names = [in_text(c) for c in counterparts]
    beside = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{name(country)} at the UN General Assembly beside {beside}, {year_from}–{year_to}"


def key_findings(country: str, totals: pd.DataFrame, year_from: int, year_to: int,
                 claims: pd.DataFrame | None = None) -> str:
    """The key-findings box for page 1 (Markdown inside ``<section class="key-findings">``):
    the abstentions on the Ukraine votes, the closest and furthest counterpart, and the
    verdicts on the article's statements."""
    r = abstention_rate(country, "ukraine", year_from, year_to)
    items = []
    if r["recorded"]:
        items.append(f"On the General Assembly's Ukraine resolutions, {in_text(country)} abstained "
                     f"on **{r['abstained']} of {r['recorded']}** votes with a known position "
                     f"({percent(r['rate_pct'])}).")
    best, worst = totals.index[0], totals.index[-1]
    items.append(f"In {year_from}–{year_to} its votes were closest to **{in_text(best)}** "
                 f"({percent(totals.loc[best, 'half_agreement'])} agreement, counting an "
                 f"abstention as half)" + (
                     f" and furthest from **{in_text(worst)}** "
                     f"({percent(totals.loc[worst, 'half_agreement'])})." if worst != best else "."))
    items.append(f"Corrected for chance (Cohen's κ), agreement with {in_text(best)} is "
                 f"{number(totals.loc[best, 'kappa'], 2)} and with {in_text(worst)} "
                 f"{number(totals.loc[worst, 'kappa'], 2)} (0 = chance, 1 = always identical)."
                 if worst != best else
                 f"Corrected for chance, Cohen's κ is {number(totals.loc[best, 'kappa'], 2)}.")
    if claims is not None and len(claims):
        words = "verdict_text" if "verdict_text" in claims else "verdict"  # what it rests on
        counts = claims[words].value_counts()
        items.append(f"Of the article's {len(claims)} statements these data can test: "
                     + ", ".join(f"{n} {v}" for v, n in counts.items()) + ".")
    body = "\n".join(f"- {i}" for i in items)
    return (f'<section class="key-findings" aria-label="Key findings">\n\n**Key findings**\n\n'
            f"{body}\n\n</section>")


def key_figures(country: str, counterparts: list[str], year_from: int, year_to: int,
                claims: pd.DataFrame | None = None) -> list[dict]:
    """The report's key figures (``analysis.changes.figure`` dicts), for "what changed since
    the last report": the last roll call in the panel, the roll calls in ``year_from``–
    ``year_to``, the agreement with each counterpart over them (percent, abstention counted
    half), the country's abstentions on the Ukraine resolutions and its vote on each of them
    ("not stated" where no source gives it), and the verdicts on the article's statements
    (``claims``: the checked records, if any)."""
    session, last = last_session()
    out = [figure("last_roll_call", "last roll call in the data", last.date().isoformat(),
                  "period", f"{last:%-d %B %Y}, {session}th session")]
    n = len(roll_calls("all", year_from, year_to))
    out.append(figure("roll_calls", f"roll calls {year_from}–{year_to}", n, "count", number(n)))
    totals = agreement_table(country, counterparts, year_from, year_to)
    out += [figure(f"agreement:{c}", f"agreement with {in_text(c)} (abstention = half)",
                   round(float(totals.loc[c, "half_agreement"]), 6), "percent",
                   percent(totals.loc[c, "half_agreement"], 1))
            for c in counterparts if c in totals.index]
    r = abstention_rate(country, "ukraine", year_from, year_to)
    text = f"{r['abstained']} of {r['recorded']}"
    out.append(figure("ukraine:abstained", f"{name(country)}'s abstentions on the Ukraine "
                      "resolutions", text, "votes", text))
    t = ukraine_votes(country, [])
    for res, vote in zip(t["resolution"], t[country]):
        shown = vote_label(vote) if isinstance(vote, str) and vote else "not stated"
        out.append(figure(f"ukraine:{res}", f"{name(country)}'s vote on "
                          f"{res.replace('A/RES/', '')}", shown, "vote", shown))
    verdicts = verdicts_figure(claims, "verdicts on the article's statements")
    return out + [verdicts] if verdicts else out


def agreement_data(by_year: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind the agreement chart: year, counterpart (code and name), roll calls and
    the agreement measures."""
    out = by_year.copy()
    out.insert(out.columns.get_loc("counterpart") + 1, "counterpart_name",
               [name(c) for c in out["counterpart"]])
    return out


def agreement_hover(by_year: pd.DataFrame, counterparts: list[str],
                    measure: str = "half_agreement") -> list[tuple[float, float, str]]:
    """Hover text for each year of the agreement chart: the value for every counterpart."""
    out = []
    for year, g in by_year.groupby("year"):
        values = g.set_index("counterpart")[measure]
        parts = [f"{name(c)} {number(values[c], 2) if measure == 'kappa' else percent(values[c])}"
                 for c in counterparts if c in values.index]
        out.append((year - 0.5, year + 0.5, f"{year}: " + ", ".join(parts)))
    return out


# --- findings and summaries --------------------------------------------------------------------
def agreement_finding(country: str, totals: pd.DataFrame, year_from: int, year_to: int) -> str:
    """Chart title stating the finding of an :func:`agreement_table`: with whom ``country``
    voted most and least often (or, for one counterpart, how often the two voted alike)."""
    best, worst = totals.index[0], totals.index[-1]
    if len(totals) == 1:
        return (f"{name(country)} and {in_text(best)} voted alike on "
                f"{totals.loc[best, 'half_agreement']:.0f}% of roll calls, {year_from}–{year_to}")
    return (f"{name(country)} voted most often with {in_text(best)} and least with "
            f"{in_text(worst)}, {year_from}–{year_to}")


def alignment_summary(country: str, totals: pd.DataFrame, year_from: int, year_to: int) -> str:
    """Markdown sentence naming the closest and most distant counterpart of an
    :func:`agreement_table` over the period."""
    t = totals
    best, worst = t.index[0], t.index[-1]
    return (f"Over {year_from}–{year_to}, {in_text(country)}'s votes were closest to "
            f"**{in_text(best)}** ({t.loc[best, 'half_agreement']:.0f}% agreement counting "
            f"abstentions as half, κ = {number(t.loc[best, 'kappa'], 2)}) and furthest from "
            f"**{in_text(worst)}** ({t.loc[worst, 'half_agreement']:.0f}%, "
            f"κ = {number(t.loc[worst, 'kappa'], 2)}), on {int(t['roll_calls'].min()):,}–"
            f"{int(t['roll_calls'].max()):,} roll calls where both recorded a vote.")


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


def set_agreement_summary(country: str, counterparts: list[str], year_from: int, year_to: int,
                          resolutions: str) -> str:
    """Markdown on agreement within a roll-call set (or why the set has none in the panel);
    empty for the set of all roll calls."""
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
            f"agreement with abstentions counted half: " + "; ".join(parts) + ".")


def panel_coverage() -> str:
    """Sentence on the years the roll-call panel covers, read from the data."""
    first, _ = year_coverage()
    session, last = last_session()
    return (f"The roll-call panel runs from {first} to its last vote in {last:%B %Y} "
            f"({session}th session).")


# --- sources -----------------------------------------------------------------------------------
def votes_source_line() -> str:
    """Short source line for the roll-call panel, numbered in the report's bibliography."""
    return current_bibliography().cite(table("unga_votes_panel"))


def ukraine_source_line(votes_table: pd.DataFrame) -> str:
    """Short source line for a :func:`ukraine_votes` table (only the sources its cells use),
    numbered in the report's bibliography."""
    used = votes_table.attrs.get("sources", set())
    return current_bibliography().cite(table("ukraine_resolutions"), table("ukraine_votes"),
                                       table("unga_votes_panel"), used_ids=used)


def groupings_source_line() -> str:
    """Short source line for the groupings table and UN membership, numbered in the report's
    bibliography."""
    return current_bibliography().cite(table("groupings"), table("un_membership"))


def source_items(tables: tuple[str, ...] = SOURCE_TABLES) -> list[str]:
    """One Markdown list item per table (default: every table the report draws on): its title
    and its sources (from the sidecars, escaped)."""
    items = []
    for t in tables:
        df = table(t)
        items.append(f"- {escape(df.attrs['meta'].title)}: "
                     f"{escape(source_line(df)[len('Source: '):])}")
    return items
