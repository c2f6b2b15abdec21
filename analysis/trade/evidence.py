"""What a trade verdict rests on: the verdict vocabulary, the kind of evidence each source is,
the one status rule, and the uncertainty bands and rounding by which a verdict is decided and
shown. How each kind of claim is checked against the data is analysis.trade.claims.

What a verdict rests on
-----------------------
Every check record (:data:`RECORD_COLUMNS`) says, beside the machine-readable ``verdict``
(:data:`VERDICTS`), what the figure it was compared with rests on:

* ``computed`` and its ``band``: the half-width of the computed value in the claim's unit, from
  the precision of each input (``half_width_usd_mn`` of the series; a growth rate combines both
  years' half-widths: the band is the larger distance from the computed rate to the rates the
  two years' extreme values give). The claim's own written precision ("$65.7 billion" is
  ±0.05 bn, "33 %" ±0.5) is allowed on top when the verdict is decided.
* ``evidence``, one of :data:`EVIDENCE`: ``official table`` (a Department of Commerce table:
  TradeStat / DGCI&S / EIDB / the TIA portal; for votes, the UN's roll-call record),
  ``ministry figure as reported`` (a news report that says it quotes Commerce Ministry or
  government data), ``news`` (any other report or statement) and ``derived`` (computed from
  several figures: a growth rate, a share, a total from exports and imports).
  :func:`source_kind` reads the ``kind`` each source states in its table's sidecar.
* ``verdict_text``, the words a reader sees (:data:`VERDICT_TEXT`): ``confirmed by official
  data`` only when every figure used comes from an official table; ``consistent with figures
  as reported`` when a confirmation rests, wholly or in part, on reported figures; ``differs``;
  ``cannot check``; ``not checkable``.
* ``status`` of the figures used, by one rule (:func:`row_status`):

  **A figure for a fiscal year is provisional until a year after that year ends.** The
  Commerce Ministry's quick estimates (mid-April) and monthly releases are provisional and
  DGCI&S revises them on late-received returns, so any figure for FY *t* published (for an
  official table: retrieved) before 1 April of the year after FY *t* ended (FY2023-24 → before
  1 April 2025) is ``provisional``, whatever its source calls it. A figure published later keeps
  the status its source states (``final``, or ``revised`` for a restatement); a source's own
  ``provisional``, ``unclear`` or ``disputed`` is never upgraded. A date known only to the
  month or year counts from its first day (never later than the source could be). A derived
  value takes the weakest status of its parts (provisional < final < revised).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.fiscal import fy_start, is_fy_label
from analysis.trade.series import HALF_WIDTH, stated_figures

#: Machine-readable verdicts (``ties check --json`` keeps these words).
VERDICTS = ("confirmed", "differs", "cannot check", "not checkable")
#: Kinds of evidence a check can rest on, strongest first.
EVIDENCE = ("official table", "ministry figure as reported", "news", "derived")
#: The words a reader sees for each verdict; "confirmed" reads one way or the other by evidence.
VERDICT_TEXT = {"official": "confirmed by official data",
                "reported": "consistent with figures as reported",
                "differs": "differs", "cannot check": "cannot check",
                "not checkable": "not checkable"}
#: Statuses from weakest to strongest (a derived value takes the weakest of its parts).
STATUS_ORDER = ("provisional", "final", "revised")
#: The columns of a check record (one per claim), shared with analysis.checks.
RECORD_COLUMNS = ["text", "claimed", "unit", "scale", "period", "measure", "partner",
                  "computed", "band", "computed_text", "evidence", "status", "verdict",
                  "verdict_text", "reason", "source", "sentence"]


@lru_cache(maxsize=None)
def _sources() -> dict[str, dict]:
    """Every source of every table's sidecar by id."""
    from analysis.datafiles import list_tables
    from analysis.datasets import load_meta

    out: dict[str, dict] = {}
    for t in list_tables():
        for src in load_meta(t).sources:
            out.setdefault(src["id"], dict(src))
    return out


def source_kind(source_id: str) -> str:
    """The kind of evidence one source is (one of :data:`EVIDENCE` but ``derived``), read from
    the ``kind`` its sidecar entry states (:data:`analysis.datasets.SOURCE_KINDS`): an
    ``official table`` is one; the UN's ``official record`` counts as an official table (the
    UN's roll-call record); a ``dataset`` (a third party's compilation of official figures)
    counts as ``ministry figure as reported``; ``ministry figure as reported`` is one;
    ``news``, a ``reference work``, a source without a kind and an id no sidecar lists count as
    ``news``."""
    kind = (_sources().get(source_id) or {}).get("kind")
    return {"official table": "official table", "official record": "official table",
            "dataset": "ministry figure as reported",
            "ministry figure as reported": "ministry figure as reported"}.get(kind, "news")


def source_ids(source: str | None) -> list[str]:
    """The ids in a record's ``source`` (joined with ``+``), in order, without repeats."""
    return list(dict.fromkeys(i for i in str(source or "").split("+") if i))


def evidence_of(source: str | None, derived: bool = False) -> str:
    """The evidence a check rests on: ``derived`` when it used several figures (several ids,
    or ``derived``), else the kind of its one source (empty when it used none)."""
    ids = source_ids(source)
    if not ids:
        return ""
    if derived or len(ids) > 1:
        return "derived"
    return source_kind(ids[0])


def verdict_text(verdict: str, source: str | None) -> str:
    """The words shown for ``verdict``: a confirmation reads "confirmed by official data" only
    when every source used is an official table, else "consistent with figures as reported"."""
    if verdict != "confirmed":
        return VERDICT_TEXT.get(verdict, verdict)
    kinds = {source_kind(i) for i in source_ids(source)}
    return VERDICT_TEXT["official" if kinds == {"official table"} else "reported"]


def _date_of(text):
    """The first possible day of a date written "2024-05-12", "2024-05" or "2024"; None."""
    from datetime import date

    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(text or ""))
    if not m:
        return None
    return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def source_date(source_id: str):
    """The first possible day a source's figures count from, for the status rule: an official
    table's retrieval date, any other source's publication date; None when its sidecar entry
    gives no date (or no sidecar lists the id)."""
    src = _sources().get(source_id, {})
    return _date_of(src.get("retrieved") if source_kind(source_id) == "official table"
                    else src.get("published"))


def row_status(fiscal_year: str | None, source_id: str, stated: str | None) -> str | None:
    """The status of one source's figure for ``fiscal_year`` by the module's rule: provisional
    until a year after the fiscal year ends (by the source's publication date, or for an
    official table its retrieval date); after that the source's own status. A source's own
    provisional, unclear or disputed is kept."""
    from datetime import date

    if stated in ("provisional", "unclear", "disputed") or not fiscal_year or \
            not is_fy_label(fiscal_year):
        return stated
    when = source_date(source_id)
    if when is None:
        return stated
    return "provisional" if when < date(fy_start(fiscal_year) + 2, 4, 1) else stated


def combined_status(parts: list[tuple[str | None, str, str | None]]) -> str | None:
    """The weakest :func:`row_status` of several (fiscal_year, source_id, stated) figures:
    unclear or disputed if any is, else the first of provisional < final < revised."""
    got = [row_status(*p) for p in parts]
    for bad in ("disputed", "unclear"):
        if bad in got:
            return bad
    known = [g for g in got if g in STATUS_ORDER]
    return min(known, key=STATUS_ORDER.index) if known else None


def series_status(partner: str, reporter: str, fy: str, flow: str, source: str | None,
                  stated: str | None = None) -> str | None:
    """The status by the module's rule of the series value for (``fy``, ``flow``): the weakest
    over the rows of each source behind it (for a derived value, every part)."""
    rows = stated_figures(partner, reporter)
    rows = rows[(rows["fiscal_year"] == fy) & rows["source_id"].isin(source_ids(source))
                & (rows["status"] != "disputed")]
    if rows.empty:
        return row_status(fy, source_ids(source)[0], stated) if source_ids(source) else stated
    if len(source_ids(source)) == 1:
        rows = rows[rows["flow"] == flow] if (rows["flow"] == flow).any() else rows
    return combined_status([(fy, r.source_id, r.status) for r in rows.itertuples()])


def weakest_status(*statuses: str | None) -> str | None:
    """The weakest of several statuses already decided by the rule."""
    for bad in ("disputed", "unclear"):
        if bad in statuses:
            return bad
    known = [x for x in statuses if x in STATUS_ORDER]
    return min(known, key=STATUS_ORDER.index) if known else None


def growth_band(c: float, hc: float, b: float, hb: float) -> float:
    """Half-width in percentage points of the growth from ``b`` to ``c`` (US$ mn) whose
    half-widths are ``hb`` and ``hc``: the larger distance from the central rate to the rates
    the extreme values give."""
    g = (abs(c) / abs(b) - 1) * 100
    hi = ((abs(c) + hc) / max(abs(b) - hb, 1e-9) - 1) * 100
    lo = ((abs(c) - hc) / (abs(b) + hb) - 1) * 100
    return max(hi - g, g - lo)


#: Floating point must not decide whether two roundings agree.
ROUNDING_EPS = 1e-9


def rounding_agrees(diff: float, tol_claim: float, half_data: float = 0.0) -> bool:
    """Whether a written figure and a data value ``diff`` apart can be the same value.

    A rounded figure stands for a half-open interval ("$118.2 billion" is 118.15 to just under
    118.25), so two roundings agree only when their intervals overlap with positive length:
    ``|diff| < tol_claim + half_data``; an exact touch (118.2 ±0.05 against 118.3 ±0.05) is
    not agreement. An exact data value (``half_data`` 0) agrees when it lies in the claim's
    interval, its lower end included (65.65 rounds to 65.7). ``diff`` is data − claim."""
    scale = ROUNDING_EPS * max(1.0, abs(tol_claim) + abs(half_data), abs(diff))
    if half_data > scale:
        return abs(diff) < tol_claim + half_data - scale
    return -tol_claim - scale <= diff < tol_claim - scale


def rounding_touch(diff: float, tol_claim: float, half_data: float = 0.0) -> bool:
    """The two intervals meet at one point only (see :func:`rounding_agrees`)."""
    scale = ROUNDING_EPS * max(1.0, abs(tol_claim) + abs(half_data), abs(diff))
    return abs(abs(diff) - (tol_claim + half_data)) <= scale


def source_name(source_id: str) -> str:
    """A source as a reader knows it: its short name ("Islamabad Herald (2024)")."""
    from analysis.bibliography import short_name

    src = _sources().get(source_id)
    return short_name(src) if src else source_id


def rests_on(source: str, fy: str, flow: str, partner: str, reporter: str = "IND") -> str:
    """What the series value for (``fy``, ``flow``) rests on, in words: each source's short
    name, kind and status by the module's rule ("Islamabad Herald (2024): news, provisional"),
    and for a derived value the figures it was computed from."""
    rows = stated_figures(partner, reporter)
    rows = rows[(rows["fiscal_year"] == fy) & (rows["status"] != "disputed")]
    parts = []
    for sid in source_ids(source):
        mine = rows[rows["source_id"] == sid]
        if len(source_ids(source)) == 1 and (mine["flow"] == flow).any():
            mine = mine[mine["flow"] == flow]
        figs = ", ".join(f"{f.flow} {f.value_usd_mn:,.0f} ±{HALF_WIDTH[f.precision]:,g}"
                         .replace("-", "−")
                         for f in mine.itertuples())
        st = combined_status([(fy, sid, x) for x in mine["status"]]) if len(mine) else None
        parts.append(f"{source_name(sid)}: {source_kind(sid)}{', ' + st if st else ''}"
                     + (f" [{figs}]" if figs and (len(source_ids(source)) > 1
                                                  or not (mine["flow"] == flow).all()) else ""))
    derived = len(source_ids(source)) > 1 or not (rows[rows["source_id"].isin(
        source_ids(source))]["flow"] == flow).any()
    return (f"{flow} derived from " if derived else "") + "; ".join(parts)


def describe(record: dict, derived: bool = False) -> dict:
    """``record`` with what its verdict rests on filled in where missing: ``evidence``
    (:func:`evidence_of` its source), ``verdict_text`` (:func:`verdict_text`) and
    ``computed_text`` (the computed value with its band, in the claim's unit: "33.0 % (±1.7)",
    "US$ 65.70 billion (±0.05)"). Every key of :data:`RECORD_COLUMNS` is present."""
    out = {k: record.get(k) for k in RECORD_COLUMNS}
    if not out.get("evidence"):
        out["evidence"] = evidence_of(out["source"], derived) if out["computed"] is not None \
            else ""
    if not out.get("verdict_text"):
        out["verdict_text"] = verdict_text(out["verdict"], out["source"])
    if not out.get("computed_text"):
        out["computed_text"] = computed_text(out["computed"], out["band"], out["unit"],
                                             out["scale"], out["measure"])
    if out["band"] is not None and not pd.isna(out["band"]):
        out["band"] = float(round(out["band"], 4))
    return out


def _digits(band) -> int:
    """Decimals that show a band's first significant digit (0.05 → 2, 1.7 → 1, 600 → 0)."""
    if not band or pd.isna(band):
        return 2
    return max(0, min(2, -int(np.floor(np.log10(abs(band))))))


def computed_text(computed, band, unit, scale, measure) -> str:
    """A computed value as a reader sees it, with its band when it has one."""
    if computed is None or (isinstance(computed, float) and pd.isna(computed)):
        return ""
    if not isinstance(computed, (int, float, np.number)) or isinstance(computed, bool):
        return str(computed)
    has_band = band is not None and not pd.isna(band) and band > 0
    d = _digits(band) if has_band else (0 if float(computed).is_integer() else 2)
    if measure == "growth" and unit != "percent" or unit == "times":
        num = f"×{computed:,.{max(d, 2)}f}"
    elif unit in ("percent", "%") or measure in ("growth", "share"):
        num = f"{computed:,.{max(d, 1)}f} %"
    elif unit == "USD":
        num = f"US$ {computed:,.{d}f} {scale or ''}".rstrip()
    else:
        num = f"{computed:,.{d}f}"
    return f"{num} ({plus_minus(band, max(d, 1) if '%' in num else d)})" if has_band else num


def plus_minus(band: float, decimals: int = 1) -> str:
    """"±1.7"; a band too small to show at ``decimals`` reads "±<0.1" (never "±0.0")."""
    if round(band, decimals) == 0:
        return f"±<{10 ** -decimals:.{decimals}f}" if decimals else "±<1"
    return f"±{band:,.{decimals}f}"
