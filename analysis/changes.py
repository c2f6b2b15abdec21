"""What changed since the last report: two lists of key figures compared, in words.

A report's key figures are a short ordered list of the numbers its reader would miss first
(the latest fiscal year covered, its totals, agreement rates, the verdicts on the article's
claims), each a plain dict made with :func:`figure` by the domain rooms
(``analysis.trade.report.key_figures`` and its siblings) and recorded in the report's manifest.
The next render of the same report compares its figures with those (:func:`compare`) and says
what moved: in a short Markdown section of the report (:func:`markdown`, nothing when nothing
moved) and in one line for ``ties batch --quiet`` (:func:`summary_line`).

Kinds of change, in the order they are told:

- ``new period``: the figure of unit ``period`` (e.g. "latest fiscal year covered") moved to a
  later value; the figures of that new period come with it;
- ``revised``: the same figure (same key) reading differently as the report shows it, or with
  another status (provisional → final; then told more precisely if it reads the same);
- ``added``: a figure the previous report did not have (a new vote, a new counterpart);
- ``removed``: a figure the previous report had and this one lacks. A figure of an earlier
  period that merely rolled out of the list (the year before last, once a new year came in)
  is not a removal and is not told.

Revisions of several figures of one period whose status moved alike ("FY2024-25, final where it
was provisional") are told as one item. Every piece of text in the Markdown is escaped
(:func:`analysis.display.escape`): labels and values may come from data files and articles.

The module sits beside analysis.display, below the domain rooms (it imports nothing else of the
library), so that they can make their figures with :func:`figure`; the render pipeline computes,
compares and shows them (analysis.render), the batch prints the lines (analysis.batch).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from analysis.display import escape, number

FIELDS = ("key", "label", "value", "unit", "text", "status", "period")
PERIOD = "period"  # the unit of a figure whose value is a period ("FY2025-26")
KINDS = ("new period", "revised", "added", "removed")
MAX_LINE_ITEMS = 3  # changes named in one batch line before "and N more"


KEY_FIGURES_MIME = "application/vnd.ties.key-figures+json"  # a report's figures, for the renderer


def key_figures_output(figures: list[dict]) -> dict[str, Any]:
    """The display bundle by which a notebook hands its key figures to the renderer (shown
    nowhere: the exporters drop it): ``display(key_figures_output(figs), raw=True)``. The
    figures are those the kernel computed from the data it read, so the renderer computes
    nothing again."""
    return {KEY_FIGURES_MIME: {"figures": list(figures)}}


def key_figures_in(nb) -> list[dict]:
    """The key figures an executed notebook handed over (the last such output), [] when it
    handed none."""
    found: list[dict] = []
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else ():
            held = (out.get("data") or {}).get(KEY_FIGURES_MIME)
            if isinstance(held, dict) and isinstance(held.get("figures"), list):
                found = held["figures"]
    return found


def figure(key: str, label: str, value: Any, unit: str, text: str, *, status: str | None = None,
           period: str | None = None) -> dict[str, Any]:
    """One key figure: ``key`` (unique and stable between runs, e.g. ``"total:FY2025-26"``),
    ``label`` (words for readers, without the period: "total trade"), ``value`` (a number or a
    short string, JSON-able), ``unit`` (``usd_mn``, ``percent``, ``count``, ``period``, …),
    ``text`` (the value as the report shows it: "US$ 151.1 bn"), ``status`` (provisional /
    final / revised, where the data say) and ``period`` (the fiscal year or year it is for)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"key figure {key}: value {value} is not a finite number")
    return {"key": key, "label": label, "value": value, "unit": unit, "text": text,
            "status": status, "period": period}


def verdicts_figure(claims, label: str) -> dict[str, Any] | None:
    """The key figure counting the verdicts of an article's checked statements (``claims``: a
    check table with ``verdict`` and, where present, the reader's ``verdict_text``), e.g. "2
    confirmed by official data, 1 differs"; None when nothing was checked."""
    if claims is None or not len(claims):
        return None
    words = claims["verdict"]
    if "verdict_text" in claims:
        words = claims["verdict_text"].where(claims["verdict_text"].astype(bool), words)
    counts = words.value_counts()
    text = ", ".join(f"{counts[v]} {v}" for v in sorted(counts.index))
    return figure("verdicts", label, text, "verdicts", text)


def compare(previous: list[dict] | None, current: list[dict] | None) -> list[dict[str, Any]]:
    """The changes from ``previous`` to ``current`` key figures (lists made with
    :func:`figure`), in the order: new period, revised, added, removed; each change a dict with
    ``kind``, ``key``, ``label``, ``period``, ``old`` and ``new`` (the figures, or None) and,
    for a new period, ``figures`` (the figures of that period). Empty when either list is
    missing (a first report, or one recorded before key figures existed) or nothing moved."""
    previous = [f for f in previous or () if _well_formed(f)]  # a manifest edited by hand
    if not previous or not current:
        return []
    old = {f["key"]: f for f in previous}
    new = {f["key"]: f for f in current}
    periods = {f["period"] for f in current if f.get("period")}
    latest = max(periods, default=None)
    changes: list[dict[str, Any]] = []
    told: set[str] = set()
    for key, f in new.items():  # a later period: the figures of that period come with it
        before = old.get(key)
        if f["unit"] == PERIOD and before is not None and str(f["value"]) > str(before["value"]):
            members = [g for g in current if g.get("period") == f["value"] and g["key"] not in old]
            told |= {key} | {g["key"] for g in members}
            changes.append(_change("new period", before, f, figures=members))
    changes += [_change("revised", old[key], f) for key, f in new.items()
                if key in old and key not in told and _moved(old[key], f)]
    changes += [_change("added", None, f) for key, f in new.items()
                if key not in old and key not in told]
    for key, f in old.items():
        period = f.get("period")
        rolled_off = bool(period) and period not in periods and latest is not None \
            and period < latest  # the year before last, once a new year came in
        if key not in new and not rolled_off:
            changes.append(_change("removed", f, None))
    return changes


def _well_formed(f: Any) -> bool:
    return isinstance(f, dict) and all(isinstance(f.get(k), str) for k in (
        "key", "label", "unit", "text")) and all(
        f.get(k) is None or isinstance(f.get(k), str) for k in ("status", "period"))


def _change(kind: str, old: dict | None, new: dict | None, **extra) -> dict[str, Any]:
    f = new or old
    return {"kind": kind, "key": f["key"], "label": f["label"], "period": f.get("period"),
            "old": old, "new": new, **extra}


def _moved(old: dict, new: dict) -> bool:
    """Whether a figure reads differently (its text as the report shows it) or its status
    differs; a value that moved less than the report's rounding, status unchanged, did not."""
    return old.get("status") != new.get("status") or old["text"] != new["text"]


def _value_moved(old: dict, new: dict) -> bool:
    a, b = old.get("value"), new.get("value")
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return not math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    return a != b


# --- in words ---------------------------------------------------------------------------------

def _named(f: dict) -> str:
    """A figure's label with its period in front: "FY2024-25 exports"."""
    return f"{f['period']} {f['label']}" if f.get("period") else f["label"]


def _shown(f: dict, other: dict | None = None, status: bool = True) -> str:
    """A figure's value as shown, with its status; when ``other`` (the value it is compared
    with) reads the same although the two differ (a revision smaller than the report's
    rounding), more precisely. Beside ``other`` the status is named only where they differ."""
    text = f["text"]
    if other is not None and other["text"] == text and _value_moved(f, other):
        text = _precise(f)
    if status and f.get("status") and other is None:
        text += f" ({f['status']})"
    elif status and f.get("status") and other.get("status") != f["status"]:
        text += f", {f['status']}"
    return text


def _precise(f: dict) -> str:
    value = f["value"]
    if f["unit"] == "usd_mn":
        return f"US$ {number(value, 1)} mn"
    if f["unit"] == "percent":
        return f"{number(value, 3)} %"
    if isinstance(value, float):
        return number(value, 3)
    return str(value)


def _phrase(change: dict, brief: bool = False) -> tuple[str, str, str]:
    """(what, note, how) of one change in plain words; ``what`` is bold in the Markdown, the
    note (if any) follows it in brackets. ``brief``: a new period names only its first figure
    (for one line of a cron mail)."""
    kind, old, new = change["kind"], change["old"], change["new"]
    if kind == "new period":
        rest = f"{new['text']} (was {old['text']})"
        members = change.get("figures") or []
        if brief and members:
            return _named(new), "", f"{rest}, {members[0]['label']} {_shown(members[0])}"
        rated = [g for g in members if g.get("status")]
        statuses = {g["status"] for g in rated}
        if len(statuses) == 1:  # one status for them all: said once
            parts = [f"{g['label']} {g['text']}" for g in rated]
            parts[-1] += f" (all {statuses.pop()})" if len(rated) > 1 else f" ({rated[0]['status']})"
            parts += [f"{g['label']} {_shown(g)}" for g in members if not g.get("status")]
        else:
            parts = [f"{g['label']} {_shown(g)}" for g in members]
        return _named(new), "", rest + (", new figures: " + ", ".join(parts) if parts else "")
    if kind == "revised":
        return _named(new), "", f"{_shown(new, old)} (was {_shown(old, new)})"
    if kind == "added":
        return _named(new), "new", _shown(new)
    return _named(old), "no longer in the data", f"was {_shown(old)}"


def _revisions(group: list[dict], brief: bool = False) -> tuple[str, str, str]:
    """(what, note, how) of several revised figures of one period whose status moved alike:
    "FY2024-25 (final, was provisional): exports US$ 14.3 bn (was US$ 14.2 bn), …"."""
    first = group[0]
    before, after = first["old"].get("status"), first["new"].get("status")
    note = f"{after}, was {before}" if before != after else "revised"
    parts = [f"{c['label']} {_shown(c['new'], c['old'], status=False)} "
             f"(was {_shown(c['old'], c['new'], status=False)})" for c in group]
    if brief:
        more = len(group) - 1
        parts = [parts[0] + f" and {more} more figure{'' if more == 1 else 's'}"]
    return first["period"], note, ", ".join(parts)


def _told(changes: list[dict], brief: bool = False) -> list[tuple[str, str, str]]:
    """The changes as told, in order: revisions of two or more figures of the same period
    whose status moved the same way (provisional → final) are one item."""
    def alike(a: dict, b: dict) -> bool:
        return (a["kind"] == b["kind"] == "revised" and a.get("period") is not None
                and a["period"] == b.get("period")
                and (a["old"].get("status"), a["new"].get("status"))
                == (b["old"].get("status"), b["new"].get("status")))

    told, i = [], 0
    while i < len(changes):
        group = [changes[i]]
        while i + len(group) < len(changes) and alike(changes[i], changes[i + len(group)]):
            group.append(changes[i + len(group)])
        told.append(_revisions(group, brief) if len(group) > 1 else _phrase(group[0], brief))
        i += len(group)
    return told


def markdown(changes: list[dict], since: str | None) -> str:
    """The "What changed since the last report (DATE)" section (Markdown inside a
    ``<section class="what-changed">``; every label and value escaped), or "" when nothing
    changed. ``since``: the previous report's run date (ISO)."""
    if not changes:
        return ""
    when = f" ({escape(_date(since))})" if since else ""
    items = [f"- **{escape(_capital(what))}**" + (f" ({escape(note)})" if note else "")
             + f": {escape(how)}" for what, note, how in _told(changes)]
    return ('<section class="what-changed" aria-label="What changed since the last report">'
            f"\n\n**What changed since the last report{when}**\n\n" + "\n".join(items)
            + "\n\n</section>")


def summary_line(report_slug: str, changes: list[dict]) -> str | None:
    """One plain line for a cron mail: ``[slug] FY2024-25 (final, was provisional): exports
    US$ 14.3 bn (was US$ 14.2 bn) and 3 more figures; …``, at most :data:`MAX_LINE_ITEMS`
    items named; None when nothing changed."""
    told = _told(changes, brief=True)
    if not told:
        return None
    parts = [what + (f" ({note})" if note else "") + f": {how}"
             for what, note, how in told[:MAX_LINE_ITEMS]]
    more = len(told) - MAX_LINE_ITEMS
    if more > 0:
        parts.append(f"and {more} more change{'' if more == 1 else 's'}")
    return f"[{report_slug}] " + "; ".join(parts)


def _date(iso: str) -> str:
    """"2026-11-25T04:33:24+00:00" → "25 November 2026" (the text as given if not a date)."""
    try:
        return dt.datetime.fromisoformat(str(iso)).strftime("%-d %B %Y")
    except ValueError:
        return str(iso)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
