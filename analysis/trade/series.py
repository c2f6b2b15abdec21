"""India's merchandise trade with a partner, one value per fiscal year: the allowed partners,
reporters and years, the chosen series, balance, cover ratio, growth and the headline numbers.

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

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.countries import WORLD
from analysis.datasets import derived_cache, load_table
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
SERIES_COLUMNS = ["fiscal_year", "flow", "value_usd_mn", "source_id", "status", "precision",
                  "half_width_usd_mn", "derived", "n_stated"]


# ---------------------------------------------------------------- allowed values

@derived_cache
def _bilateral_cached() -> pd.DataFrame:
    return load_table("trade/bilateral_fy")


def available_reporters() -> list[str]:
    """ISO3 codes of the reporting countries in data/trade/bilateral_fy (sorted)."""
    return list(_reporters())


@derived_cache
def _reporters() -> tuple[str, ...]:
    return tuple(sorted(_bilateral_cached()["reporter"].unique()))


def available_partners(reporter: str = "IND") -> list[str]:
    """ISO3 codes of the partners of ``reporter`` in data/trade/bilateral_fy (sorted; not WLD)."""
    return list(_partners(reporter))


@derived_cache
def _partners(reporter: str) -> tuple[str, ...]:
    df = _bilateral_cached()
    return tuple(sorted(p for p in df.loc[df["reporter"] == reporter, "partner"].unique()
                        if p != WORLD))


def available_fiscal_years(reporter: str = "IND") -> list[str]:
    """Fiscal-year labels (``FY2023-24``) for which data/trade/bilateral_fy has any figure."""
    return list(_fiscal_years(reporter))


@derived_cache
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
class Choice:
    """One candidate value for a fiscal year and flow (US$ mn), stated by a source or derived."""

    value: float
    source_id: str
    status_rank: int
    half_width: float
    derived: bool
    precision: str

    @property
    def status(self) -> str:
        return STATUS_BY_RANK[self.status_rank]

    def key(self):
        # Larger is better: status, then precision, then stated over derived; ties → source id A–Z
        return (self.status_rank, -self.half_width, not self.derived)


def _best(cands: list[Choice]) -> Choice | None:
    if not cands:
        return None
    return sorted(cands, key=lambda c: (tuple(-x for x in c.key()), c.source_id))[0]


def _combine(a: Choice, b: Choice, value: float) -> Choice:
    ids = "+".join(dict.fromkeys(a.source_id.split("+") + b.source_id.split("+")))
    return Choice(value, ids, min(a.status_rank, b.status_rank), a.half_width + b.half_width, True,
                 "derived")


def _choose_year(rows: pd.DataFrame) -> dict[str, tuple[Choice | None, int]]:
    stated: dict[str, list[Choice]] = {f: [] for f in FLOWS}
    for r in rows.itertuples(index=False):
        if r.status not in STATUS_RANK:  # disputed
            continue
        stated[r.flow].append(Choice(float(r.value_usd_mn), r.source_id, STATUS_RANK[r.status],
                                    HALF_WIDTH[r.precision], False, r.precision))
    best = {f: _best(stated[f]) for f in FLOWS}

    def better(new: Choice, old: Choice | None) -> bool:
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
                "status": c.status if c else None,
                "precision": c.precision if c else None,
                "half_width_usd_mn": c.half_width if c else np.nan,
                "derived": bool(c.derived) if c else False,
                "n_stated": n,
            })
    res = pd.DataFrame(out, columns=SERIES_COLUMNS)
    res.attrs["meta"] = _bilateral_cached().attrs["meta"]
    res.attrs.update(partner=partner, reporter=reporter)
    return res


@derived_cache
def _chosen(partner: str, reporter: str) -> dict:
    """Chosen candidates per fiscal year (years with any figure only); cached per partner."""
    df = _bilateral_cached()  # read only: filtered below, never changed
    df = df[(df["reporter"] == reporter) & (df["partner"] == partner)]
    return {fy: _choose_year(g) for fy, g in df.groupby("fiscal_year")}


def chosen(partner: str, fy: str, flow: str, reporter: str = "IND") -> Choice | None:
    """The value the choice rule picks for one fiscal year and flow (None where no source covers
    it): the same value as ``bilateral_series``, without building the whole series."""
    year = _chosen(partner, reporter).get(fy)
    return year[flow][0] if year else None


def stated_figures(partner: str, reporter: str = "IND") -> pd.DataFrame:
    """Every figure any source states for ``reporter``'s trade with ``partner`` (disputed ones
    included), as rows of data/trade/bilateral_fy: a copy the caller may change."""
    df = _bilateral_cached()
    return df[(df["reporter"] == reporter) & (df["partner"] == partner)].copy()


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

