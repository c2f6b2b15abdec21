"""Wording, tables and source notes of the trade-imbalance report, built from the trade rooms
(series, rank, composition, claims): chart titles that state the finding, the headline paragraph,
the coverage sentence, the tables as shown, and the lines that cite the sources behind them.

Money is US$ million at current prices unless a text says billion; years are Indian fiscal years
(April–March) labelled like "FY2023-24". Functions that return Markdown escape every piece of
text taken from data files (sidecar gaps, source titles) with ``display.escape``.
"""
from __future__ import annotations

import re

import pandas as pd

from analysis.bibliography import current as current_bibliography
from analysis.bibliography import short_name as source_short_name
from analysis.changes import figure, verdicts_figure
from analysis.countries import in_text, name
from analysis.datasets import load_table
from analysis.display import escape, number, percent
from analysis.display import usd_bn as _usd_bn
from analysis.trade.chapters import short_name
from analysis.trade.composition import composition, composition_years, concentration, hhi
from analysis.trade.series import (
    FLOWS,
    bilateral_series,
    bilateral_wide,
    cagr,
    used_source_ids,
    yoy_growth,
)

GAP_TABLES = ("trade/bilateral_fy", "trade/hs2_composition", "trade/product_highlights")


# ---------------------------------------------------------------- numbers in words

def usd_bn(value_usd_mn: float) -> str:
    """A US$ million amount written in billions for prose: 65700 → 'US$ 65.7 bn'
    (``display.usd_bn``: thousands separators, true minus, "not available" when missing)."""
    return _usd_bn(value_usd_mn)


def title(partner: str, reporter: str = "IND", fy_from: str = "", fy_to: str = "") -> str:
    """The report's title, naming the pair and the years: "India–China trade, FY2017-18 to
    FY2025-26"."""
    span = f", {fy_from} to {fy_to}" if fy_from and fy_to and fy_from != fy_to else (
        f", {fy_from or fy_to}" if fy_from or fy_to else "")
    return f"{name(reporter)}–{name(partner)} trade{span}"


def headline_text(h: dict, partner: str) -> str:
    """One paragraph of the headline numbers (`series.headline` dict, US$ million) in words."""
    status = "provisional" if h["status"] == "provisional" else "final"
    growth = (f"{percent(h['total_growth_pct'], sign=True)} on the year before"
              if pd.notna(h["total_growth_pct"])
              else "growth on the year before cannot be computed (previous year missing)")
    side = "deficit" if h["balance"] < 0 else "surplus"
    return (f"In **{h['fiscal_year']}** ({status} figures) India's trade with {in_text(partner)} totalled "
            f"**{usd_bn(h['total'])}** ({growth}). India exported {usd_bn(h['export'])} "
            f"and imported {usd_bn(h['import'])}: a {side} of "
            f"**{usd_bn(abs(h['balance']))}**. Exports paid for {percent(h['cover_ratio'] * 100)} "
            f"of imports (cover ratio {number(h['cover_ratio'], 2)}).")


def key_findings(h: dict, partner: str, reporter: str = "IND", fy_from: str | None = None,
                 fy_to: str | None = None, claims: pd.DataFrame | None = None,
                 rank: tuple[int, int, str] | None = None) -> str:
    """The key-findings box for page 1 (Markdown inside a ``<section class="key-findings">``):
    three to five sentences with the headline numbers, the trend, the partner's rank
    (``rank`` = (rank, partners covered, fiscal year)) and the verdicts on the article's claims."""
    P, fy = in_text(partner), h["fiscal_year"]
    status = " (provisional)" if h["status"] == "provisional" else ""
    side = "deficit" if h["balance"] < 0 else "surplus"
    items = [f"India's trade with {P} totalled **{usd_bn(h['total'])}** in {fy}{status}"
             + (f", {percent(h['total_growth_pct'], sign=True)} on the year before."
                if pd.notna(h["total_growth_pct"]) else "."),
             (f"India exported {usd_bn(h['export'])} and imported {usd_bn(h['import'])}: "
              f"a {side} of **{usd_bn(abs(h['balance']))}**; exports paid for "
              f"{percent(h['cover_ratio'] * 100)} of imports.")]
    w = bilateral_wide(partner, reporter, fy_from, fy_to)["total"].dropna()
    if len(w) > 1:
        g = cagr(w, w.index[0], w.index[-1])
        items.append(f"Total trade changed by {percent(g, 1, sign=True)} a year from "
                     f"{w.index[0]} ({usd_bn(w.iloc[0])}) to {w.index[-1]}.")
    if rank:
        items.append(f"{_capital(P)} was India's no. {rank[0]} trading partner in {rank[2]} "
                     f"among {rank[1]} partners covered by the data.")
    if claims is not None and len(claims):
        words = "verdict_text" if "verdict_text" in claims else "verdict"  # what it rests on
        counts = claims[words].value_counts()
        parts = [f"{counts[v]} {v}" for v in ("confirmed", "confirmed by official data",
                                              "consistent with figures as reported", "differs",
                                              "cannot check") if v in counts]
        items.append(f"Of the article's {len(claims)} trade figures: " + ", ".join(parts) + ".")
    body = "\n".join(f"- {i}" for i in items)
    return (f'<section class="key-findings" aria-label="Key findings">\n\n**Key findings**\n\n'
            f"{body}\n\n</section>")


def key_figures(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                fy_to: str | None = None, claims: pd.DataFrame | None = None) -> list[dict]:
    """The report's key figures (``analysis.changes.figure`` dicts), for "what changed since
    the last report": the latest fiscal year in the range with exports and imports, then for
    it and the complete year before it total trade, exports, imports and balance (US$ mn, with
    the status of the value chosen), the partner's rank in the latest year that ranks it, and
    the verdicts on the article's trade figures (``claims``: the checked records, if any)."""
    labels = {"total": "total trade", "export": "exports", "import": "imports",
              "balance": "balance"}
    s = bilateral_series(partner, reporter, fy_from, fy_to)
    w = s.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")
    status = s.set_index(["fiscal_year", "flow"])["status"]
    complete = [fy for fy in w.index if pd.notna(w.loc[fy].get("export"))
                and pd.notna(w.loc[fy].get("import"))]
    out = []
    if complete:
        out.append(figure("latest_fy", "latest fiscal year covered", complete[-1], "period",
                          complete[-1]))
    for fy in reversed(complete[-2:]):
        out += [figure(f"{flow}:{fy}", labels[flow], round(float(w.loc[fy, flow]), 3),
                       "usd_mn", usd_bn(w.loc[fy, flow]), status=status.get((fy, flow)),
                       period=fy)
                for flow in labels if pd.notna(w.loc[fy, flow])]
    rank = rank_of(partner, reporter, fy_from, fy_to)
    if rank:
        out.append(figure(f"rank:{rank[2]}", f"rank among {name(reporter)}'s partners covered",
                          rank[0], "rank", f"no. {rank[0]} of {rank[1]}", period=rank[2]))
    verdicts = verdicts_figure(claims, "verdicts on the article's trade figures")
    return out + [verdicts] if verdicts else out


def coverage_summary(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                     fy_to: str | None = None) -> str:
    """A sentence on the gaps in the chosen series: years with no figure, years with a total but
    no export/import split, years with derived values, and the compound growth of the total (%
    a year) between the first and last years that have one."""
    s = bilateral_series(partner, reporter, fy_from, fy_to)
    w = s.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")
    gaps = [fy for fy in w.index if w.loc[fy].isna().all()]
    split = [fy for fy in w.index if pd.isna(w.loc[fy, "export"]) and pd.notna(w.loc[fy, "total"])]
    derived = sorted(set(s.loc[s["derived"], "fiscal_year"]))
    parts = []
    if gaps:
        parts.append(f"No source gives any figure for {', '.join(gaps)}.")
    if split:
        parts.append(f"Only the total, not the export/import split, is known for {', '.join(split)}.")
    if derived:
        parts.append(f"Values derived from other figures (e.g. total = exports + imports): "
                     f"{', '.join(derived)}.")
    ends = w["total"].dropna()
    if len(ends) > 1:
        g = cagr(w["total"], ends.index[0], ends.index[-1])
        parts.append(f"Total trade changed by {percent(g, 1, sign=True)} a year (compound growth) "
                     f"from {ends.index[0]} to {ends.index[-1]}; years between are not needed "
                     f"for this.")
    return " ".join(parts)


# ---------------------------------------------------------------- chart titles (the finding)

def balance_finding(h: dict) -> str:
    """One sentence stating the balance finding of a ``headline`` dict (for chart titles)."""
    p, fy = in_text(h["partner"]), h["fiscal_year"]
    if h["balance"] < 0:
        return (f"India bought {h['import'] / h['export']:.0f}× more from {p} than it sold "
                f"in {fy}" if h["export"] > 0 else f"India bought from {p} and sold nothing in {fy}")
    return f"India sold {h['export'] / h['import']:.1f}× more to {p} than it bought in {fy}"


def composition_finding(partner: str, fy: str, flow: str, reporter: str = "IND") -> str:
    """One sentence stating the composition finding for a chart title: the largest chapter's
    share, and for exports how concentration (HHI) compares with imports."""
    comp = composition(partner, fy, flow, reporter)
    if comp.empty:
        return f"No chapter breakdown for {in_text(partner)} in {fy}"
    lead = comp.iloc[0]
    label = f"{short_name(lead['hs_chapter'], lead['chapter_name'])} (HS {lead['hs_chapter']})"
    direction = "imports from" if flow == "import" else "exports to"
    text = f"{label} made up {percent(lead['share_pct'])} of India's {direction} {in_text(partner)} in {fy}"
    if flow == "export":
        hx, hm = hhi(partner, fy, "export", reporter), hhi(partner, fy, "import", reporter)
        more = "less" if hx < hm else "more"
        text += (f";\nexports are {more} concentrated than imports "
                 f"(HHI {number(hx)} vs {number(hm)})")
    return text


def rank_title(totals: pd.DataFrame, partner: str, fy: str) -> str:
    """Chart title stating the partner's rank in `rank.partner_totals(fy)`."""
    r = int(totals.loc[totals["partner"] == partner, "rank"].iloc[0])
    return (f"{_capital(in_text(partner))} was India's no. {r} trading partner in {fy} among "
            f"{len(totals)} partners covered")


def _capital(text: str) -> str:
    """``text`` with its first letter capitalised, to start a sentence ("The United States")."""
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- tables as shown

def yearly_table(series: pd.DataFrame) -> pd.DataFrame:
    """Fiscal year × export/import/total/balance (US$ million) from `bilateral_series`, plus
    "cover ratio" (exports / imports) and "total growth, %" (on the year before). The sources
    are cited under the table, not in it."""
    table = series.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")
    table = table.reindex(columns=list(FLOWS))
    table.columns.name = None
    table["cover ratio"] = table["export"] / table["import"]
    table["total growth, %"] = yoy_growth(table["total"])
    return table


def chart_data(series: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind the flows chart, one row per fiscal year (US$ million): exports,
    imports, total, balance, with the status of the chosen figures."""
    w = series.pivot(index="fiscal_year", columns="flow", values="value_usd_mn").reindex(
        columns=list(FLOWS))
    w.columns = [f"{c}_usd_mn" for c in w.columns]
    status = series.groupby("fiscal_year")["status"].agg(
        lambda s: "provisional" if (s == "provisional").any() else "final")
    return w.assign(status=status).reset_index()


def composition_year(partner: str, reporter: str, years: list[str]) -> str | None:
    """Latest fiscal year in `years` with an HS-chapter breakdown, preferring one whose import
    chapters are all final; None when no year in `years` has a breakdown."""
    comp_years = [fy for fy in composition_years(partner, reporter) if fy in years]
    final = [fy for fy in comp_years
             if composition(partner, fy, "import", reporter)["status"].eq("final").all()]
    return final[-1] if final else (comp_years[-1] if comp_years else None)


def concentration_table(partner: str, reporter: str, years: list[str]) -> pd.DataFrame:
    """`composition.concentration` (HHI 0–10,000, HS 27 share %) restricted to fiscal years `years`."""
    conc = concentration(partner, reporter)
    return conc[conc["fiscal_year"].isin(years)].reset_index(drop=True)


def product_highlights(partner: str, years: list[str]) -> pd.DataFrame:
    """Items and shares stated by sources for `partner` in `years` (value US$ million, share %)."""
    hl = load_table("trade/product_highlights")
    return hl[(hl["partner"] == partner) & hl["fiscal_year"].isin(years)]


def comparison_totals(partners: list[str], reporter: str, fy_from: str, fy_to: str) -> pd.DataFrame:
    """Total trade with the reporter (US$ million), fiscal year × partner display name."""
    return pd.DataFrame({name(c): bilateral_wide(c, reporter, fy_from, fy_to)["total"]
                         for c in partners})


def claims_display(claims: pd.DataFrame) -> pd.DataFrame:
    """`claims.check_claims` as shown: without the sentence and the empty "measure" column,
    sources cited by short name ("GTRI (2024)") instead of their internal ids."""
    meta = load_table("trade/bilateral_fy").attrs["meta"]
    names = {s["id"]: source_short_name(s) for s in meta.sources}
    shown = claims.drop(columns=["sentence"])
    if "measure" in shown and shown["measure"].isna().all():
        shown = shown.drop(columns=["measure"])
    ids = re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))
    if "reason" in shown:
        shown["reason"] = [ids.sub(lambda m: names[m.group()], r) if isinstance(r, str) else r
                           for r in shown["reason"]]
    return shown.assign(source_ids=[
        "; ".join(dict.fromkeys(names.get(i, i) for i in str(ids).split("+") if i)) if isinstance(
            ids, str) else ids for ids in claims["source_ids"]])


# ---------------------------------------------------------------- sources

def _split_ids(ids) -> set[str]:
    """Source ids from "A+B" strings (None/NaN/empty skipped)."""
    return {i for s in ids if isinstance(s, str) and s for i in s.split("+")}


def table_source(table: str, used_ids) -> str:
    """Markdown source line (escaped) citing the sources ``used_ids`` of data table ``table``
    (e.g. ``"trade/bilateral_fy"``) by short name and number in the report's bibliography
    (``analysis.bibliography.current``), for the note under a table."""
    return escape(current_bibliography().cite(table, used_ids=set(used_ids)))


def cite(table: str, used_ids=None) -> str:
    """Plain source line for a chart (drawn in the figure): short names and reference numbers."""
    return current_bibliography().cite(table, used_ids=None if used_ids is None else set(used_ids))


def rank_of(partner: str, reporter: str = "IND", fy_from: str | None = None,
            fy_to: str | None = None) -> tuple[int, int, str] | None:
    """(rank, partners covered, fiscal year) of ``partner`` in the latest year of the range that
    ranks it (``rank.rank_year``); None when no year has enough partners."""
    from analysis.trade.rank import partner_totals, rank_year

    fy = rank_year(partner, reporter, fy_from, fy_to)
    if fy is None:
        return None
    tot = partner_totals(fy, reporter)
    return int(tot.loc[tot["partner"] == partner, "rank"].iloc[0]), len(tot), fy


def flows_hover(series: pd.DataFrame) -> list[tuple[float, float, str]]:
    """Hover text for each fiscal year of the flows chart (its x slots 0, 1, …): exports,
    imports, total and balance in US$ billion, "–" where no source gives a figure."""
    w = chart_data(series)
    return [(i - 0.5, i + 0.5,
             f"{r.fiscal_year}: exports {usd_bn(r.export_usd_mn)}, imports {usd_bn(r.import_usd_mn)}, "
             f"total {usd_bn(r.total_usd_mn)}, balance {usd_bn(r.balance_usd_mn)} ({r.status})"
             .replace("not available", "–"))
            for i, r in enumerate(w.itertuples())]


def composition_data(top: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind a composition chart: chapter code, short and official name, value
    (US$ million) and share (percent of the flow)."""
    current_bibliography().read("trade/hs2_chapters")  # the chapter names
    return pd.DataFrame({"hs_chapter": top["hs_chapter"],
                         "short_name": [short_name(c, n) if c != "other" else n
                                        for c, n in zip(top["hs_chapter"], top["chapter_name"])],
                         "chapter_name": top["chapter_name"],
                         "value_usd_mn": top["value_usd_mn"], "share_pct": top["share_pct"]})


def rank_data(totals: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """The numbers behind the rank chart: rank, partner (code and name), total (US$ million)."""
    t = totals.head(top)
    return pd.DataFrame({"rank": t["rank"], "partner": t["partner"],
                         "partner_name": [name(p) for p in t["partner"]],
                         "total_usd_mn": t["total_usd_mn"]})


def highlights_display(hl: pd.DataFrame) -> pd.DataFrame:
    """`product_highlights` as shown: the source cited by short name, not by its internal id."""
    meta = hl.attrs["meta"] if "meta" in hl.attrs else load_table("trade/product_highlights").attrs["meta"]
    names = {s["id"]: source_short_name(s) for s in meta.sources}
    return pd.DataFrame({"fiscal year": hl["fiscal_year"], "period": hl["period"],
                         "item": hl["item"], "value, US$ mn": hl["value_usd_mn"],
                         "share as stated, %": hl["share_as_stated"],
                         "source": [names.get(i, i) for i in hl["source_id"]]})


def rank_source_ids(totals: pd.DataFrame, top: int = 15) -> set[str]:
    """Source ids behind the `top` partners of a `rank.partner_totals` table."""
    return _split_ids(totals["source_id"].head(top))


def comparison_source_ids(partners: list[str], reporter: str, fy_from: str, fy_to: str) -> set[str]:
    """Source ids behind the chosen totals of every partner in `comparison_totals`."""
    return set().union(*(used_source_ids(bilateral_series(c, reporter, fy_from, fy_to))
                         for c in partners))


def claims_source_ids(claims: pd.DataFrame) -> set[str]:
    """Source ids used to check the claims (empty when no claim could be checked)."""
    return _split_ids(claims["source_ids"])


def concentration_source_note(partner: str, reporter: str, years: list[str]) -> str:
    """Source line (Markdown, escaped) for `concentration_table`: the sources of the chapter rows
    it is computed from."""
    ids = {i for fy in years if fy in composition_years(partner, reporter)
           for flow in ("export", "import")
           for i in composition(partner, fy, flow, reporter)["source_id"]}
    return table_source("trade/hs2_composition", ids)


def claims_source_note(claims: pd.DataFrame, partner: str) -> str:
    """Source line (Markdown, escaped) for the claims table, or a sentence saying no data source
    was used."""
    ids = claims_source_ids(claims)
    if not ids:
        return f"No claim could be checked against data for {in_text(partner)}; no data source was used."
    return table_source("trade/bilateral_fy", ids)


def gaps_markdown(table: str) -> str:
    """Markdown: a data table's title, coverage and the gaps listed in its sidecar (escaped)."""
    meta = load_table(table).attrs["meta"]
    return (f"**{escape(meta.title)}** — coverage: {escape(meta.raw.get('coverage', ''))}\n\n"
            + "\n".join(f"- {escape(g)}" for g in meta.gaps))


def sources_markdown(series: pd.DataFrame, partner: str) -> str:
    """Markdown list of the sources behind a `bilateral_series`, with retrieval-date notes; every
    field read from the sidecar is escaped, the id shown as code."""
    ids = used_source_ids(series)
    used = [s for s in load_table("trade/bilateral_fy").attrs["meta"].sources if s["id"] in ids]
    items = [f"- {_code(s['id'])}: {escape(s['publisher'])}, *{escape(s['title'])}*, "
             f"{_linked(s.get('url') or s.get('document'))} (retrieved {escape(s['retrieved'])}; "
             f"{escape(s['licence'])})" for s in used]
    dates = sorted({f"{escape(s['retrieved'])}: {escape(s['retrieved_note'])}" for s in used})
    return (f"**Sources of the India–{name(partner)} series**\n\n" + "\n".join(items)
            + "\n\nWhat the retrieval dates mean: " + "; ".join(dates) + ".")


_URL = re.compile(r"https?://[^\s<>]+")


def _linked(text: str) -> str:
    """``text`` escaped for Markdown, with each web address in it as an autolink ``<url>``:
    an escaped address would be linked by the renderer with its backslashes in it."""
    parts, at = [], 0
    for m in _URL.finditer(str(text)):
        parts += [escape(text[at:m.start()]), f"<{m.group()}>"]
        at = m.end()
    return "".join(parts) + escape(str(text)[at:])


def _code(text: str) -> str:
    """``text`` as a Markdown code span (literal inside; a backtick becomes a quote)."""
    return "`" + str(text).replace("`", "'") + "`"
