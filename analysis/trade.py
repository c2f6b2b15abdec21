"""India's merchandise trade with a partner: series, balance, growth, share, rank, composition,
concentration, and checks of an article's trade claims.

All money is in US$ million (current prices); all periods are Indian fiscal years (April–March,
``FY2023-24``) unless a name says otherwise. Data come from ``data/trade/`` through
``analysis.datasets.load_table``.

Choosing one value per (fiscal year, flow)
------------------------------------------
``data/trade/bilateral_fy`` keeps every figure every source states. For a series the library picks
one value per fiscal year and flow with this rule, in order:

1. status: ``revised`` > ``final`` > ``provisional`` > ``unclear``; ``disputed`` rows are never used;
2. precision: the smallest rounding half-width (a figure stated in US$ mn to 2 decimals beats
   "$65.7 bn", which beats "$66 bn"; "about" and "over" come last);
3. a stated value beats a derived one of equal status and precision; then source id (A–Z).

Derived values compete under the same rule: ``export = import + balance`` and
``import = export − balance`` (only when no better export/import is stated), then
``total = export + import`` and ``balance = export − import``. A derived value takes the worst status
of its parts and the sum of their rounding half-widths, carries ``derived=True`` and the ids of
every source it used (``source_id`` joined with ``+``), so a chart's source line cites exactly what
is plotted. A year no source covers stays missing (NaN): nothing is interpolated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.countries import WORLD, in_text, name
from analysis.datasets import load_table
from analysis.errors import ParameterError
from analysis.fiscal import fy_label, fy_range, fy_start

FLOWS = ("export", "import", "total", "balance")
STATUS_RANK = {"revised": 4, "final": 3, "provisional": 2, "unclear": 1}
STATUS_BY_RANK = {v: k for k, v in STATUS_RANK.items()}
#: Rounding half-width in US$ mn implied by each precision label.
HALF_WIDTH = {
    "as_published_usd_mn": 0.005,
    "rounded_0.1mn": 0.05,
    "rounded_0.01bn": 5.0,
    "rounded_0.1bn": 50.0,
    "rounded_1bn": 500.0,
    "approx": 1000.0,
    "lower_bound": 1e9,
}
MINERAL_FUELS = "27"
SERIES_COLUMNS = ["fiscal_year", "flow", "value_usd_mn", "source_id", "status", "precision",
                  "half_width_usd_mn", "derived", "n_stated"]


# ---------------------------------------------------------------- allowed values

def _bilateral_table() -> pd.DataFrame:
    return _bilateral_cached().copy()


@lru_cache(maxsize=None)
def _bilateral_cached() -> pd.DataFrame:
    return load_table("trade/bilateral_fy")


def available_reporters() -> list[str]:
    """ISO3 codes of the reporting countries in data/trade/bilateral_fy (sorted)."""
    return list(_reporters())


@lru_cache(maxsize=None)
def _reporters() -> tuple[str, ...]:
    return tuple(sorted(_bilateral_cached()["reporter"].unique()))


def available_partners(reporter: str = "IND") -> list[str]:
    """ISO3 codes of the partners of ``reporter`` in data/trade/bilateral_fy (sorted; not WLD)."""
    return list(_partners(reporter))


@lru_cache(maxsize=None)
def _partners(reporter: str) -> tuple[str, ...]:
    df = _bilateral_cached()
    return tuple(sorted(p for p in df.loc[df["reporter"] == reporter, "partner"].unique()
                        if p != WORLD))


def available_fiscal_years(reporter: str = "IND") -> list[str]:
    """Fiscal-year labels (``FY2023-24``) for which data/trade/bilateral_fy has any figure."""
    return list(_fiscal_years(reporter))


@lru_cache(maxsize=None)
def _fiscal_years(reporter: str) -> tuple[str, ...]:
    df = _bilateral_cached()
    return tuple(sorted(df.loc[df["reporter"] == reporter, "fiscal_year"].unique()))


def check_partner(partner: str, reporter: str = "IND", allow_world: bool = False) -> str:
    """Return ``partner`` if the data cover it, else raise ParameterError listing what is allowed."""
    check_reporter(reporter)
    allowed = available_partners(reporter) + ([WORLD] if allow_world else [])
    if partner not in allowed:
        raise ParameterError(
            f"partner {partner!r} is not in data/trade/bilateral_fy for reporter {reporter}; "
            f"allowed ISO3 codes: {', '.join(allowed)}"
        )
    return partner


def check_reporter(reporter: str) -> str:
    """Return ``reporter`` if the data cover it, else raise ParameterError."""
    allowed = available_reporters()
    if reporter not in allowed:
        raise ParameterError(
            f"reporter {reporter!r} is not in data/trade/bilateral_fy; allowed: {', '.join(allowed)}"
        )
    return reporter


def fiscal_years(fy_from: str, fy_to: str, reporter: str = "IND") -> list[str]:
    """Every fiscal-year label from ``fy_from`` to ``fy_to`` inclusive, including years with no data.

    Both ends must be fiscal years present in the data; an empty range (``fy_from`` after
    ``fy_to``) or an unknown year raises ParameterError naming the allowed years.
    """
    allowed = available_fiscal_years(reporter)
    for param, value in (("fy_from", fy_from), ("fy_to", fy_to)):
        if value not in allowed:
            raise ParameterError(
                f"{param}={value!r} is not a fiscal year in data/trade/bilateral_fy; allowed: "
                f"{', '.join(allowed)}"
            )
    try:
        return fy_range(fy_from, fy_to)
    except ParameterError as exc:
        raise ParameterError(f"{exc}; choose fy_from <= fy_to among {allowed[0]} … {allowed[-1]}")


# ---------------------------------------------------------------- choosing one value per year

@dataclass(frozen=True)
class _Cand:
    value: float
    source_id: str
    status_rank: int
    half_width: float
    derived: bool
    precision: str

    def key(self):
        # Larger is better: status, then precision, then stated over derived; ties → source id A–Z
        return (self.status_rank, -self.half_width, not self.derived)


def _best(cands: list[_Cand]) -> _Cand | None:
    if not cands:
        return None
    return sorted(cands, key=lambda c: (tuple(-x for x in c.key()), c.source_id))[0]


def _combine(a: _Cand, b: _Cand, value: float) -> _Cand:
    ids = "+".join(dict.fromkeys(a.source_id.split("+") + b.source_id.split("+")))
    return _Cand(value, ids, min(a.status_rank, b.status_rank), a.half_width + b.half_width, True,
                 "derived")


def _choose_year(rows: pd.DataFrame) -> dict[str, tuple[_Cand | None, int]]:
    stated: dict[str, list[_Cand]] = {f: [] for f in FLOWS}
    for r in rows.itertuples(index=False):
        if r.status not in STATUS_RANK:  # disputed
            continue
        stated[r.flow].append(_Cand(float(r.value_usd_mn), r.source_id, STATUS_RANK[r.status],
                                    HALF_WIDTH[r.precision], False, r.precision))
    best = {f: _best(stated[f]) for f in FLOWS}

    def better(new: _Cand, old: _Cand | None) -> bool:
        return old is None or new.key() > old.key()

    x, m, b = best["export"], best["import"], best["balance"]
    if m and b and better(c := _combine(m, b, m.value + b.value), x):
        best["export"] = c
    x = best["export"]
    if x and b and better(c := _combine(x, b, x.value - b.value), m):
        best["import"] = c
    x, m = best["export"], best["import"]
    if x and m:
        if better(c := _combine(x, m, x.value + m.value), best["total"]):
            best["total"] = c
        if better(c := _combine(x, m, x.value - m.value), best["balance"]):
            best["balance"] = c
    return {f: (best[f], len(stated[f])) for f in FLOWS}


def bilateral_series(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                     fy_to: str | None = None) -> pd.DataFrame:
    """One value per fiscal year and flow of ``reporter``'s trade with ``partner``, US$ million.

    Long format, columns: fiscal_year, flow (export/import/total/balance), value_usd_mn (NaN where no
    source covers the year), source_id (ids joined with ``+`` for derived values), status,
    precision, half_width_usd_mn (rounding uncertainty), derived (bool), n_stated (how many
    sources state that flow). Every fiscal year from ``fy_from`` to ``fy_to`` appears (default: the
    partner's first and last year in the data); the choice rule is in this module's docstring.
    ``partner="WLD"`` gives the reporter's world totals.
    """
    check_partner(partner, reporter, allow_world=True)
    chosen = _chosen(partner, reporter)
    years = sorted(chosen)
    fys = fiscal_years(fy_from or years[0], fy_to or years[-1], reporter)
    out = []
    for fy in fys:
        year = chosen.get(fy) or {f: (None, 0) for f in FLOWS}
        for flow in FLOWS:
            c, n = year[flow]
            out.append({
                "fiscal_year": fy, "flow": flow,
                "value_usd_mn": c.value if c else np.nan,
                "source_id": c.source_id if c else None,
                "status": STATUS_BY_RANK[c.status_rank] if c else None,
                "precision": c.precision if c else None,
                "half_width_usd_mn": c.half_width if c else np.nan,
                "derived": bool(c.derived) if c else False,
                "n_stated": n,
            })
    res = pd.DataFrame(out, columns=SERIES_COLUMNS)
    res.attrs["meta"] = _bilateral_cached().attrs["meta"]
    res.attrs.update(partner=partner, reporter=reporter)
    return res


@lru_cache(maxsize=None)
def _chosen(partner: str, reporter: str) -> dict:
    """Chosen candidates per fiscal year (years with any figure only); cached per partner."""
    df = _bilateral_cached()  # read only: filtered below, never changed
    df = df[(df["reporter"] == reporter) & (df["partner"] == partner)]
    return {fy: _choose_year(g) for fy, g in df.groupby("fiscal_year")}


def bilateral_wide(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                   fy_to: str | None = None) -> pd.DataFrame:
    """Chosen values as a table: index fiscal_year, columns export/import/total/balance (US$ mn)."""
    s = bilateral_series(partner, reporter, fy_from, fy_to)
    wide = s.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")[list(FLOWS)]
    wide.columns.name = None
    return wide


def used_source_ids(series: pd.DataFrame) -> set[str]:
    """The source ids behind the non-missing rows of a chosen series (split at ``+``)."""
    ids = series.loc[series["value_usd_mn"].notna(), "source_id"].dropna()
    return {i for s in ids for i in s.split("+")}


def _flow(partner, reporter, fy_from, fy_to, flow) -> pd.Series:
    s = bilateral_series(partner, reporter, fy_from, fy_to)
    out = s[s["flow"] == flow].set_index("fiscal_year")["value_usd_mn"]
    out.name = f"{flow}_usd_mn"
    return out


def trade_balance(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                  fy_to: str | None = None) -> pd.Series:
    """Trade balance (exports − imports) by fiscal year, US$ million; negative = deficit; NaN = gap."""
    return _flow(partner, reporter, fy_from, fy_to, "balance")


def cover_ratio(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                fy_to: str | None = None) -> pd.Series:
    """Export/import cover ratio by fiscal year: exports ÷ imports (a ratio; 0.08 = exports pay for
    8 % of imports). NaN where either flow is missing."""
    x = _flow(partner, reporter, fy_from, fy_to, "export")
    m = _flow(partner, reporter, fy_from, fy_to, "import")
    r = x / m
    r.name = "cover_ratio"
    return r


def yoy_growth(series: pd.Series) -> pd.Series:
    """Year-on-year growth in percent of a series indexed by consecutive fiscal years.

    The value for a year is NaN when that year or the previous year is missing (never bridged
    across a gap, never interpolated).
    """
    s = series.astype(float)
    idx = list(s.index)
    out = []
    for fy in idx:
        prev = fy_label(fy_start(fy) - 1)
        if prev in s.index and pd.notna(s[prev]) and pd.notna(s[fy]) and s[prev] != 0:
            out.append((s[fy] / s[prev] - 1) * 100)
        else:
            out.append(np.nan)
    return pd.Series(out, index=s.index, name="yoy_growth_pct")


def cagr(series: pd.Series, fy_from: str, fy_to: str) -> float:
    """Compound annual growth rate in percent from ``fy_from`` to ``fy_to`` (fiscal years).

    NaN when either end is missing or not positive. Years between are not needed (nor filled).
    """
    n = fy_start(fy_to) - fy_start(fy_from)
    if n <= 0:
        raise ParameterError(f"CAGR needs fy_from before fy_to; got {fy_from} … {fy_to}")
    a, b = series.get(fy_from, np.nan), series.get(fy_to, np.nan)
    if pd.isna(a) or pd.isna(b) or a <= 0 or b <= 0:
        return float("nan")
    return ((b / a) ** (1 / n) - 1) * 100


# ---------------------------------------------------------------- share and rank

def partner_totals(fy: str, reporter: str = "IND") -> pd.DataFrame:
    """Total trade (X+M) of ``reporter`` with every partner in the data for fiscal year ``fy``.

    Columns: partner, total_usd_mn, source_id, status, derived, rank (1 = largest), share_pct (of
    the reporter's world total, NaN where that is missing). Rank is among the partners covered by
    the data for that year, which is not an exhaustive list of India's partners.
    """
    fiscal_years(fy, fy, reporter)
    rows = []
    for p in available_partners(reporter):
        c, _ = _chosen(p, reporter).get(fy, {"total": (None, 0)})["total"]
        if c is None:
            continue
        rows.append({"partner": p, "total_usd_mn": c.value, "source_id": c.source_id,
                     "status": STATUS_BY_RANK[c.status_rank], "derived": c.derived})
    df = pd.DataFrame(rows, columns=["partner", "total_usd_mn", "source_id", "status", "derived"])
    df = df.sort_values(["total_usd_mn", "partner"], ascending=[False, True]).reset_index(drop=True)
    df["rank"] = np.arange(1, len(df) + 1)
    world = bilateral_series(WORLD, reporter)
    w = world[(world["fiscal_year"] == fy) & (world["flow"] == "total")]["value_usd_mn"]
    wt = float(w.iloc[0]) if len(w) else np.nan
    df["share_pct"] = df["total_usd_mn"] / wt * 100
    df.attrs.update(fiscal_year=fy, world_total_usd_mn=wt, n_partners=len(df))
    return df


def partner_share(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
                  fy_to: str | None = None) -> pd.DataFrame:
    """Partner's share of the reporter's total trade (X+M) by fiscal year, percent.

    Columns: fiscal_year, partner_total_usd_mn, world_total_usd_mn, share_pct (NaN where either is
    missing), rank and n_partners (rank among the partners covered by the data that year; not an
    exhaustive ranking of all of India's partners).
    """
    p = bilateral_series(partner, reporter, fy_from, fy_to)
    fys = list(dict.fromkeys(p["fiscal_year"]))
    world_years = set(available_fiscal_years(reporter))
    w = bilateral_series(WORLD, reporter)
    w = w[w["flow"] == "total"].set_index("fiscal_year")["value_usd_mn"]
    rows = []
    for fy in fys:
        pt = p[(p["fiscal_year"] == fy) & (p["flow"] == "total")]["value_usd_mn"].iloc[0]
        wt = w.get(fy, np.nan)
        rank, n = np.nan, 0
        if pd.notna(pt) and fy in world_years:
            tab = partner_totals(fy, reporter)
            n = len(tab)
            if n >= 2:  # a rank among one partner says nothing
                rank = int(tab.loc[tab["partner"] == partner, "rank"].iloc[0])
        rows.append({"fiscal_year": fy, "partner_total_usd_mn": pt, "world_total_usd_mn": wt,
                     "share_pct": pt / wt * 100 if pd.notna(pt) and pd.notna(wt) else np.nan,
                     "rank": rank, "n_partners": n})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- composition and concentration

def _chapters() -> pd.DataFrame:
    return load_table("trade/hs2_chapters")


def composition(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
                reporter: str = "IND") -> pd.DataFrame:
    """Every HS 2-digit chapter of one flow with one partner in one fiscal year, largest first.

    Only complete chapter breakdowns are used (not truncated extracts). Columns: hs_chapter,
    chapter_name, value_usd_mn (US$ million), share_pct (percent of the flow's chapter sum),
    source_id, status. Empty when the data have no complete breakdown for that year.
    """
    if flow not in ("export", "import"):
        raise ParameterError(f"flow {flow!r} must be 'export' or 'import'")
    check_partner(partner, reporter, allow_world=True)
    df = load_table("trade/hs2_composition")
    df = df[(df["reporter"] == reporter) & (df["partner"] == partner) & (df["fiscal_year"] == fy)
            & (df["flow"] == flow) & (df["coverage"] == "complete")]
    df = df.merge(_chapters()[["hs_chapter", "chapter_name"]], on="hs_chapter", how="left")
    total = df["value_usd_mn"].sum()
    df["share_pct"] = df["value_usd_mn"] / total * 100 if total else np.nan
    df = df.sort_values(["value_usd_mn", "hs_chapter"], ascending=[False, True])
    out = df[["hs_chapter", "chapter_name", "value_usd_mn", "share_pct", "source_id", "status"]]
    out = out.reset_index(drop=True)
    out.attrs["meta"] = load_table("trade/hs2_composition").attrs["meta"]
    return out


def composition_years(partner: str = "RUS", reporter: str = "IND") -> list[str]:
    """Fiscal years with a complete HS-chapter breakdown for ``partner`` (both flows)."""
    df = load_table("trade/hs2_composition")
    df = df[(df["reporter"] == reporter) & (df["partner"] == partner) & (df["coverage"] == "complete")]
    both = df.groupby("fiscal_year")["flow"].nunique()
    return sorted(both[both == 2].index)


def top_chapters(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
                 top_n: int = 10, reporter: str = "IND") -> pd.DataFrame:
    """The ``top_n`` largest HS chapters plus one 'All other chapters' row (US$ million, percent)."""
    if int(top_n) < 1:
        raise ParameterError(f"top_n must be a positive whole number; got {top_n!r}")
    comp = composition(partner, fy, flow, reporter)
    top = comp.head(int(top_n)).copy()
    rest = comp.iloc[int(top_n):]
    if len(rest):
        top.loc[len(top)] = {"hs_chapter": "other",
                             "chapter_name": f"All other chapters ({len(rest)})",
                             "value_usd_mn": rest["value_usd_mn"].sum(),
                             "share_pct": rest["share_pct"].sum(),
                             "source_id": comp["source_id"].iloc[0], "status": comp["status"].iloc[0]}
    top.attrs = comp.attrs
    return top


def mineral_fuels_share(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
                        reporter: str = "IND") -> float:
    """Share of HS 27 (mineral fuels, oils) in one flow, percent; NaN without a complete breakdown."""
    comp = composition(partner, fy, flow, reporter)
    if comp.empty:
        return float("nan")
    return float(comp.loc[comp["hs_chapter"] == MINERAL_FUELS, "share_pct"].sum())


def hhi_from_values(values) -> float:
    """Herfindahl–Hirschman index of a set of non-negative values, on the 0–10,000 scale.

    HHI = Σ (100 × sᵢ)² with sᵢ each value's share of the sum: 10,000 = one chapter only;
    values near 0 = spread evenly over many. NaN for an empty or all-zero set.
    """
    v = pd.Series(values, dtype=float).dropna()
    if (v < 0).any():
        raise ParameterError("HHI needs non-negative values")
    total = v.sum()
    if len(v) == 0 or total == 0:
        return float("nan")
    return float(((v / total * 100) ** 2).sum())


def hhi(partner: str = "RUS", fy: str = "FY2024-25", flow: str = "import",
        reporter: str = "IND") -> float:
    """Concentration of one flow across HS 2-digit chapters: HHI on the 0–10,000 scale
    (above 2,500 is commonly called highly concentrated). NaN without a complete breakdown."""
    comp = composition(partner, fy, flow, reporter)
    return hhi_from_values(comp["value_usd_mn"]) if len(comp) else float("nan")


def concentration(partner: str = "RUS", reporter: str = "IND") -> pd.DataFrame:
    """HHI (0–10,000) of exports and of imports by fiscal year, for the years with a complete
    chapter breakdown. Columns: fiscal_year, hhi_export, hhi_import, hs27_import_share_pct."""
    rows = [{"fiscal_year": fy, "hhi_export": hhi(partner, fy, "export", reporter),
             "hhi_import": hhi(partner, fy, "import", reporter),
             "hs27_import_share_pct": mineral_fuels_share(partner, fy, "import", reporter)}
            for fy in composition_years(partner, reporter)]
    return pd.DataFrame(rows, columns=["fiscal_year", "hhi_export", "hhi_import",
                                       "hs27_import_share_pct"])


# ---------------------------------------------------------------- headline

def headline(partner: str = "RUS", reporter: str = "IND", fy: str | None = None,
             fy_from: str | None = None, fy_to: str | None = None) -> dict:
    """Key numbers for ``fy`` or else the latest fiscal year in ``fy_from``…``fy_to`` with both
    exports and imports: a dict with fiscal_year, export/import/total/balance (US$ mn),
    cover_ratio, status, growth of total over the previous year (%), and the source ids used."""
    s = bilateral_series(partner, reporter)
    w = s.pivot(index="fiscal_year", columns="flow", values="value_usd_mn")
    lo, hi = fy_from or w.index[0], fy_to or w.index[-1]
    complete = [y for y in w.index if pd.notna(w.loc[y, "export"]) and pd.notna(w.loc[y, "import"])
                and lo <= y <= hi]
    if fy is None:
        if not complete:
            raise ParameterError(
                f"no fiscal year from {lo} to {hi} has both exports and imports for {partner}")
        fy = complete[-1]
    growth = yoy_growth(w["total"]).get(fy, np.nan)
    rows = s[s["fiscal_year"] == fy]
    status = rows.set_index("flow")["status"]
    return {
        "fiscal_year": fy, "partner": partner,
        **{f: float(w.loc[fy, f]) for f in FLOWS},
        "cover_ratio": float(w.loc[fy, "export"] / w.loc[fy, "import"]),
        "status": status.get("total"),
        "total_growth_pct": float(growth),
        "source_ids": used_source_ids(rows) | (used_source_ids(
            s[s["fiscal_year"] == fy_label(fy_start(fy) - 1)]) if pd.notna(growth) else set()),
    }


# ---------------------------------------------------------------- article claims

_FY_PATTERNS = [
    (re.compile(r"FY\s?(\d{4})-(\d{2})"), lambda m: fy_label(int(m.group(1)))),
    (re.compile(r"(?:financial|fiscal) year (?:ended|ending|to) March,? (\d{4})", re.I),
     lambda m: fy_label(int(m.group(1)) - 1)),
    (re.compile(r"\b(\d{4})-(\d{2})\b"), lambda m: fy_label(int(m.group(1)))),
    (re.compile(r"\bFY\s?(\d{2})\b"), lambda m: fy_label(2000 + int(m.group(1)) - 1)),
]
CLAIM_COLUMNS = ["claim", "measure", "period", "unit", "value_claimed", "value_computed",
                 "difference", "verdict", "reason", "source_ids", "sentence"]


def _period(claim) -> str | None:
    p = getattr(claim, "period", None)
    if p and re.fullmatch(r"FY\d{4}-\d{2}", str(p)):
        return p
    for pat, fn in _FY_PATTERNS:
        m = pat.search(claim.sentence or "")
        if m:
            return fn(m)
    return None


def _measure(sentence: str) -> str:
    s = sentence.lower()
    if re.search(r"deficit|imbalance|surplus", s) and not re.search(r"bilateral trade|total trade", s):
        return "balance"
    if re.search(r"\bimport", s) and not re.search(r"\btrade\b", s):
        return "import"
    if re.search(r"\bexport", s) and not re.search(r"\btrade\b", s):
        return "export"
    return "total"


def _half_unit(value: float) -> float:
    """Half of the last written digit of a number as printed (65.7 → 0.05; 33 → 0.5)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10 ** (-decimals)


def _row(claim, **kw) -> dict:
    base = {"claim": claim.text, "sentence": claim.sentence, "measure": None, "period": None,
            "unit": None, "value_claimed": np.nan, "value_computed": np.nan,
            "difference": np.nan, "verdict": "cannot check", "reason": "", "source_ids": ""}
    base.update(kw)
    return base


def _about_partner(sentence: str, partner: str) -> bool:
    s = sentence.lower()
    names = {name(partner).lower(), partner.lower()}
    adjectives = {"RUS": ["russian"], "CHN": ["chinese"], "USA": ["american", "u.s."]}
    names |= set(adjectives.get(partner, []))
    trade_words = re.search(r"\btrade|\bimport|\bexport|deficit|surplus|imbalance", s)
    return bool(trade_words) and any(n in s for n in names)


def _check_money(claim, partner, reporter, fy, measure) -> dict:
    claimed = claim.magnitude / 1e6
    tol_claim = _half_unit(claim.value) * claim.magnitude / claim.value / 1e6 if claim.value else 0
    s = bilateral_series(partner, reporter)
    row = s[(s["fiscal_year"] == fy) & (s["flow"] == measure)]
    kw = {"measure": measure, "period": fy, "unit": "US$ mn", "value_claimed": claimed}
    if measure == "balance" and claimed > 0:
        claimed = -claimed  # "a deficit of $57 bn" is a balance of −57,000
        kw["value_claimed"] = claimed
    if row.empty or pd.isna(row["value_usd_mn"].iloc[0]):
        return _row(claim, **kw, reason=f"no {measure} for {fy} in data/trade/bilateral_fy")
    r = row.iloc[0]
    diff = claimed - r["value_usd_mn"]
    tol = tol_claim + r["half_width_usd_mn"]
    kw.update(value_computed=r["value_usd_mn"], difference=diff, source_ids=r["source_id"])
    if abs(diff) <= tol:
        why = f"agrees within rounding (claim to ±{tol_claim:,.0f} US$ mn; data {r['status']}"
        why += ", derived" if r["derived"] else ""
        why += ")"
        if measure == "total":
            s_tot = s[(s["flow"] == "total") & s["value_usd_mn"].notna()
                      & (s["fiscal_year"] <= fy)]
            if s_tot["value_usd_mn"].max() <= r["value_usd_mn"] + tol:
                why += f"; the highest {name(partner)} total in the data up to {fy}"
        return _row(claim, **kw, verdict="confirmed", reason=why)
    return _row(claim, **kw, verdict="differs", reason=_explain_money(claimed, fy, measure, partner,
                                                                    reporter, tol_claim, r))


def _explain_money(claimed, fy, measure, partner, reporter, tol, chosen) -> str:
    df = _bilateral_table()
    df = df[(df["reporter"] == reporter) & (df["partner"] == partner)]
    same = df[(df["fiscal_year"] == fy) & (df["flow"] == measure)]
    for r in same.itertuples():
        if abs(r.value_usd_mn - claimed) <= tol + HALF_WIDTH[r.precision]:
            kind = {"provisional": "preliminary vs revised figures",
                    "disputed": "a disputed figure"}.get(r.status, "sources differ")
            return (f"{kind}: matches {r.source_id} ({r.status}, {r.value_usd_mn:,.0f}); the "
                    f"series uses {chosen['source_id']} ({chosen['status']})")
    if partner == "RUS":
        mirror = load_table("trade/mirror_calendar_year")
        for r in mirror.itertuples():
            if r.flow == measure and abs(r.value_usd_mn - claimed) <= tol + HALF_WIDTH[r.precision]:
                return (f"fiscal vs calendar year: matches calendar {r.calendar_year} "
                        f"({r.period}, {r.source_id})")
    return f"differs by {claimed - chosen['value_usd_mn']:,.1f} US$ mn beyond rounding"


def _check_growth(claim, partner, reporter, fy, measure) -> dict:
    prev = fy_label(fy_start(fy) - 1)
    s = bilateral_series(partner, reporter)
    cur = s[(s["fiscal_year"] == fy) & (s["flow"] == measure)]
    base = s[(s["fiscal_year"] == prev) & (s["flow"] == measure)]
    kw = {"measure": f"{measure} growth", "period": fy, "unit": "%", "value_claimed": claim.value}
    if cur.empty or base.empty or cur["value_usd_mn"].isna().any() or base["value_usd_mn"].isna().any():
        return _row(claim, **kw, reason=f"{measure} missing for {prev} or {fy}")
    c, b = cur.iloc[0], base.iloc[0]
    g = (c["value_usd_mn"] / b["value_usd_mn"] - 1) * 100
    # Uncertainty of the ratio from the rounding of both values (first order), plus the claim's.
    rel = c["half_width_usd_mn"] / c["value_usd_mn"] + b["half_width_usd_mn"] / b["value_usd_mn"]
    tol = _half_unit(claim.value) + (100 + g) * rel
    ids = "+".join(dict.fromkeys((b["source_id"] + "+" + c["source_id"]).split("+")))
    kw.update(value_computed=g, difference=claim.value - g, source_ids=ids)
    base_txt = (f"{prev} base {b['value_usd_mn']:,.0f} US$ mn ({b['status']}"
                + (", derived from " + b["source_id"].replace("+", " and ") if b["derived"] else "")
                + ")")
    alt = _bilateral_table()
    alt = alt[(alt["partner"] == partner) & (alt["reporter"] == reporter)
              & (alt["fiscal_year"] == prev) & (alt["flow"] == measure)
              & (alt["status"] == "provisional")]
    alt_txt = "".join(
        f"; the provisional {prev} figure {r.value_usd_mn:,.0f} ({r.source_id}) would give "
        f"{(c['value_usd_mn'] / r.value_usd_mn - 1) * 100:+.0f} % (preliminary vs revised)"
        for r in alt.itertuples())
    if abs(claim.value - g) <= tol:
        return _row(claim, **kw, verdict="confirmed",
                    reason=f"agrees within rounding; {base_txt}{alt_txt}")
    return _row(claim, **kw, verdict="differs",
                reason=f"computed {g:+.1f} % from {base_txt}{alt_txt}")


def check_claims(article, partner: str = "RUS", reporter: str = "IND") -> pd.DataFrame:
    """Recompute the article's trade claims about ``partner`` from data/trade.

    ``article`` is an ``analysis.article.Article`` (or anything with ``.claims``). Money claims
    (unit USD) and percent claims whose sentence speaks of trade with the partner are checked
    against the chosen fiscal-year series (money in US$ million; percent as year-on-year growth
    of the flow the sentence names, total by default). Returns one row per money/percent claim:
    claim, measure, period (FY), unit, value_claimed, value_computed, difference (claimed −
    computed), verdict (confirmed / differs / cannot check), reason (rounding, fiscal vs calendar
    year, preliminary vs revised figures, or why it cannot be checked), source_ids, sentence.
    """
    check_partner(partner, reporter)
    rows = []
    for claim in article.claims:
        is_money = claim.kind == "money" and claim.unit == "USD"
        is_pct = claim.kind == "percent"
        if not (is_money or is_pct):
            continue
        fy = _period(claim)
        if not _about_partner(claim.sentence or "", partner):
            rows.append(_row(claim, reason=f"sentence is not about trade with {in_text(partner)}"))
            continue
        if fy is None:
            rows.append(_row(claim, reason="no fiscal year stated for the figure"))
            continue
        if fy not in available_fiscal_years(reporter):
            rows.append(_row(claim, period=fy, reason=f"{fy} is not covered by the data"))
            continue
        measure = _measure(claim.sentence)
        if is_money:
            rows.append(_check_money(claim, partner, reporter, fy, measure))
        else:
            rows.append(_check_growth(claim, partner, reporter, fy, measure))
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


# ---------------------------------------------------------------- wording for reports

def usd_bn(value_usd_mn: float) -> str:
    """A US$ million amount written in billions for prose: 65700 → 'US$ 65.7 bn'."""
    if pd.isna(value_usd_mn):
        return "not available"
    return f"US$ {value_usd_mn / 1000:,.1f} bn"


def balance_finding(h: dict) -> str:
    """One sentence stating the balance finding of a ``headline`` dict (for chart titles)."""
    p, fy = in_text(h["partner"]), h["fiscal_year"]
    if h["balance"] < 0:
        return (f"India bought {h['import'] / h['export']:.0f}× more from {p} than it sold "
                f"in {fy}" if h["export"] > 0 else f"India bought from {p} and sold nothing in {fy}")
    return f"India sold {h['export'] / h['import']:.1f}× more to {p} than it bought in {fy}"


def rank_year(partner: str = "RUS", reporter: str = "IND", fy_from: str | None = None,
              fy_to: str | None = None) -> str | None:
    """The fiscal year in the range whose data cover the most partners, among those with a total
    for ``partner`` (latest on ties); None if no year has a rank."""
    share = partner_share(partner, reporter, fy_from, fy_to)
    share = share[share["rank"].notna()]
    if share.empty:
        return None
    return share.sort_values(["n_partners", "fiscal_year"]).iloc[-1]["fiscal_year"]


def composition_finding(partner: str, fy: str, flow: str, reporter: str = "IND") -> str:
    """One sentence stating the composition finding for a chart title: the largest chapter's
    share, and for exports how concentration (HHI) compares with imports."""
    comp = composition(partner, fy, flow, reporter)
    if comp.empty:
        return f"No chapter breakdown for {in_text(partner)} in {fy}"
    lead = comp.iloc[0]
    label = "Mineral fuels (HS 27)" if lead["hs_chapter"] == MINERAL_FUELS else f"HS {lead['hs_chapter']}"
    direction = "imports from" if flow == "import" else "exports to"
    text = f"{label} made up {lead['share_pct']:.0f} % of India's {direction} {in_text(partner)} in {fy}"
    if flow == "export":
        hx, hm = hhi(partner, fy, "export", reporter), hhi(partner, fy, "import", reporter)
        more = "less" if hx < hm else "more"
        text += f";\nexports are {more} concentrated than imports (HHI {hx:,.0f} vs {hm:,.0f})"
    return text


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
    text = (f"Years with no figure at all: {', '.join(gaps) or 'none'}. Years with a total but no "
            f"export/import split: {', '.join(split) or 'none'}. Years with a derived value: "
            f"{', '.join(derived) or 'none'}.")
    ends = w["total"].dropna()
    if len(ends) > 1:
        g = cagr(w["total"], ends.index[0], ends.index[-1])
        text += (f" Total trade changed by {g:+.1f} % a year (compound growth) from "
                 f"{ends.index[0]} to {ends.index[-1]}; years between are not needed for this.")
    return text
