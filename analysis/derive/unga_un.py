"""``ties data update unga``: extend the roll-call panel with the UN Digital Library's voting data.

Input: the "General Assembly Voting Data" CSV of the UN Digital Library (record 4060887), one row
per Member State per resolution adopted by recorded vote. Two layouts are known (the UN's data
dictionaries of each release):

- **2025–2026 releases** (version 2, March 2025, onwards): ``undl_id, ms_code, ms_name, ms_vote,
  date, session, resolution, draft, committee_report, meeting, title, agenda_title, subjects,
  [vote_note], total_yes, total_no, total_abstentions, total_non_voting, total_ms, undl_link``;
  votes ``Y``/``N``/``A``/``X`` (X: non-voting). ``vote_note`` is optional (later releases only).
- **September 2024 release** (version 1): ``undl_id, ms_codes, ms_names, ms_votes, resolutions,
  title, modality, draft, committee_report, meeting, agenda_titles, subjects, date, yes, no,
  abstentions, non-voting, total-voting, undl_link``; votes ``Y``/``N``/``A``/``NV``. Required are
  the columns issue 13 names plus ``undl_id`` and ``date`` (without which no row can be placed);
  the others of the UN's dictionary are accepted when present.

An empty vote is read as non-voting (the UN Library's research guide: "Blank = Non-participating").

What real rows look like (an excerpt of the February 2026 file, two rows of A/RES/ES-10/21 of 27
October 2023, quoted in a public repository's tests; ``tests/fixtures/unga/README.md``): the
``session`` of an emergency special session is ``ES-10`` (the regular session is then taken from
the date), a non-voting Member State has its own row with ``X``, and the totals are written as
decimals (``120.0, 14.0, 45.0, 14.0, 193.0``), so a whole number written with ``.0`` is accepted
and any other fraction refused. Every Member State has a row (120 + 14 + 45 + 14 = 193 =
``total_ms``), which is why fewer rows than ``total_ms`` is read as a partial file. The
yes/no/abstention counts of the rows are not compared with the totals: a vote changed after the
count is recorded against the State while the totals keep the count announced (Iraq's abstention
on that resolution, changed to yes afterwards, as the press reported). No real row seen uses
anything but a three-letter ``ms_code``; the codes of former Member States were not seen, so the
three-letter check stays until a real row shows otherwise.
Any other layout is refused with the columns it lacks; a malformed row (wrong field count, vote
code, date, number, or a resolution whose rows disagree on date or symbol) is refused with its
line; a resolution with fewer Member-State rows than its ``total_ms`` is refused as a partial file.

Merge rule: Voeten/unvotes (``source_id`` UNVOTES) stays authoritative up to its last roll-call
date; roll calls of the UN file dated after it are added (``source_id`` UNDL_GA_VOTING, ``rcid`` =
the file's ``undl_id``), with the panel's recorded votes (Y/N/A; non-voting is no row, as in
unvotes). Roll calls of the UN file on or before that date are not added but compared with unvotes,
resolution by resolution (the symbol without its ``A/RES/`` or ``R/`` prefix, matched only where
unvotes has exactly one non-amendment roll call for it); the agreement of the panel's votes is
written to the sidecar of unga_votes_panel (``overlap_check``). unga_panel_countries gains one row
per panel country for the UN file's records (its name there, ISO alpha-3 code, votes, first and
last date). Roll calls a previous update added
are replaced by this file's (a newer release supersedes an older one; the changelog lists any
difference).
"""

from __future__ import annotations

import copy
import csv
import re
from dataclasses import dataclass
from dataclasses import field as _field
from pathlib import Path

import pandas as pd

from analysis.derive.diplomacy import PANEL
from analysis.derive.update import apply_update, locked, read_table, sha256_file
from analysis.errors import DataError

SOURCE_ID = "UNDL_GA_VOTING"
UNVOTES = "UNVOTES"
RECORD_URL = "https://digitallibrary.un.org/record/4060887"
LICENCE = ("Copyright United Nations; non-commercial use with attribution (UN Digital Library terms "
           "of use, https://digitallibrary.un.org/pages/?ln=en&page=tos)")
UPDATER = "ties data update unga (analysis/derive/unga_un.py)"


@dataclass(frozen=True)
class Layout:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    field: dict[str, str]  # our name → the file's column
    votes: dict[str, str | None]  # the file's code → yes / no / abstain / None (non-voting)


LAYOUTS = (
    Layout(
        "UN Digital Library 2025-2026 releases",
        required=("undl_id", "ms_code", "ms_name", "ms_vote", "date", "session", "resolution",
                  "draft", "committee_report", "meeting", "title", "agenda_title", "subjects",
                  "total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms",
                  "undl_link"),
        optional=("vote_note",),
        field={"undl_id": "undl_id", "code": "ms_code", "name": "ms_name", "vote": "ms_vote",
               "date": "date",
               "session": "session", "resolution": "resolution", "title": "title",
               "yes": "total_yes", "no": "total_no", "abstain": "total_abstentions",
               "non_voting": "total_non_voting", "total_ms": "total_ms"},
        votes={"Y": "yes", "N": "no", "A": "abstain", "X": None, "": None}),
    Layout(
        "UN Digital Library September 2024 release",
        required=("undl_id", "ms_codes", "ms_names", "ms_votes", "resolutions", "title", "modality",
                  "date", "yes", "no", "abstentions", "non-voting", "total-voting"),
        optional=("draft", "committee_report", "meeting", "agenda_titles", "subjects",
                  "undl_link"),
        field={"undl_id": "undl_id", "code": "ms_codes", "name": "ms_names", "vote": "ms_votes",
               "date": "date",
               "resolution": "resolutions", "title": "title", "yes": "yes", "no": "no",
               "abstain": "abstentions", "non_voting": "non-voting", "total_ms": "total-voting"},
        votes={"Y": "yes", "N": "no", "A": "abstain", "NV": None, "": None}),
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[A-Z]{3}$")
_WHOLE = re.compile(r"^\d+(?:\.0+)?$")  # 120 or 120.0, not 120.5


@dataclass
class RollCall:
    undl_id: int
    date: str
    session: int
    resolution: str
    title: str
    totals: dict[str, int | None]
    line: int  # first line of the file with this roll call
    last_line: int
    votes: dict[str, str | None]  # ms_code → yes / no / abstain / None
    names: dict[str, str] = _field(default_factory=dict)  # ms_code → ms_name


@dataclass
class UNFile:
    path: Path
    layout: Layout
    rows: int
    roll_calls: dict[int, RollCall]


def detect_layout(path: Path, header: list[str]) -> Layout:
    """The known layout whose columns ``header`` has; else DataError naming what is missing."""
    cols = set(header)
    why = []
    for lay in LAYOUTS:
        missing = [c for c in lay.required if c not in cols]
        extra = [c for c in header if c not in lay.required and c not in lay.optional]
        if not missing and not extra:
            return lay
        part = f"lacks {', '.join(missing)}" if missing else ""
        if extra:
            part += ("; " if part else "") + f"has unknown {', '.join(extra)}"
        why.append(f"{lay.name}: {part}")
    raise DataError(f"{path}: not a UN General Assembly voting file in a known layout ("
                    + " | ".join(why) + ")")


def read_un_file(path: Path) -> UNFile:
    """Read and check every row of a UN Digital Library GA voting CSV."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror})") from None
    with fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            raise DataError(f"{path}: the file is empty") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DataError(f"{path} line 1: cannot be read as CSV ({exc})") from None
        header = [h.strip() for h in header]
        lay = detect_layout(path, header)
        idx = {k: header.index(col) for k, col in lay.field.items()}
        calls: dict[int, RollCall] = {}
        n = 0
        try:
            for fields in reader:
                line = reader.line_num
                if not fields:
                    continue
                n += 1
                _row(path, line, fields, header, idx, lay, calls)
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DataError(f"{path} line {reader.line_num}: cannot be read as CSV ({exc})") \
                from None
    if not calls:
        raise DataError(f"{path}: no rows after the header")
    for rc in calls.values():
        want = rc.totals.get("total_ms")
        if want is not None and len(rc.votes) != want:
            raise DataError(
                f"{path} line {rc.last_line}: resolution {rc.resolution} (undl_id {rc.undl_id}) "
                f"has {len(rc.votes)} Member-State rows but total_ms is {want}: the file is "
                "partial")
    return UNFile(path, lay, n, calls)


def _row(path, line, fields, header, idx, lay: Layout, calls: dict[int, RollCall]) -> None:
    where = f"{path} line {line}"
    if len(fields) != len(header):
        raise DataError(f"{where}: {len(fields)} fields where the header has {len(header)} "
                        "(a truncated or malformed row)")

    def get(k: str) -> str:
        return fields[idx[k]].strip() if k in idx else ""

    raw_id = get("undl_id")
    if not raw_id.isdigit() or int(raw_id) < 1:
        raise DataError(f"{where}: undl_id {raw_id!r} is not a positive whole number")
    code, vote, date = get("code"), get("vote"), get("date")
    if not _CODE.match(code):
        raise DataError(f"{where}: Member State code {code!r} is not a three-letter code")
    if vote not in lay.votes:
        raise DataError(f"{where}: vote {vote!r} is not one of "
                        f"{[v for v in lay.votes if v]} (or empty)")
    if not _DATE.match(date):
        raise DataError(f"{where}: date {date!r} is not an ISO date (YYYY-MM-DD)")
    totals = {}
    for k in ("yes", "no", "abstain", "non_voting", "total_ms"):
        v = get(k)
        if v == "":
            totals[k] = None
        elif _WHOLE.match(v):  # the real files write the totals as "120.0"
            totals[k] = int(v.split(".")[0])
        else:
            raise DataError(f"{where}: {lay.field[k]} {v!r} is not a whole number")
    resolution = get("resolution")
    if not resolution:
        raise DataError(f"{where}: the resolution symbol is empty")
    uid = int(raw_id)
    rc = calls.get(uid)
    if rc is None:
        rc = calls[uid] = RollCall(uid, date, _session(get("session"), resolution, date),
                                   resolution, " ".join(get("title").split()), totals, line,
                                   line, {})
    elif (rc.date, rc.resolution, rc.totals) != (date, resolution, totals):
        raise DataError(f"{where}: undl_id {uid} has date {date}, resolution {resolution} and "
                        f"totals {totals}, but line {rc.line} has {rc.date}, {rc.resolution} and "
                        f"{rc.totals}")
    if code in rc.votes:
        raise DataError(f"{where}: a second row for {code} on undl_id {uid}")
    rc.votes[code] = lay.votes[vote]
    rc.names[code] = " ".join(get("name").split())
    rc.last_line = line


def _session(text: str, resolution: str, date: str) -> int:
    """The regular session: the file's ``session`` when a number; else the number in an
    ``A/RES/<n>/…`` symbol; else the session running on ``date`` (a regular session opens in
    September of 1945 + n; emergency special sessions meet during a regular one)."""
    if text.isdigit():
        return int(text)
    m = re.match(r"^(?:A/RES/|R/)?(\d+)/", resolution)
    if m:
        return int(m.group(1))
    y, mo = int(date[:4]), int(date[5:7])
    return y - 1945 if mo >= 9 else y - 1946


def _plain(symbol: str) -> str:
    """A resolution symbol without its ``A/RES/`` or ``R/`` prefix (``74/19``, ``ES-11/1``)."""
    return re.sub(r"^(A/RES/|R/)", "", symbol.strip())


# ---------------------------------------------------------------- merge

def merge(un: UNFile, data_dir: Path, source: dict) -> tuple[dict, list[str]]:
    """The new unga_roll_calls and unga_votes_panel (strings + sidecars) and summary notes."""
    calls, calls_meta = read_table("diplomacy/unga_roll_calls", data_dir)
    votes, votes_meta = read_table("diplomacy/unga_votes_panel", data_dir)
    if "source_id" not in calls.columns:
        raise DataError(f"{data_dir}/diplomacy/unga_roll_calls.csv has no source_id column: "
                        "rebuild data/ with `ties data build` first")
    unv_calls = calls[calls["source_id"] == UNVOTES]
    cutoff = unv_calls["date"].max()
    unv_ids = set(unv_calls["rcid"])
    unv_votes = votes[votes["rcid"].isin(unv_ids)]

    new = sorted((rc for rc in un.roll_calls.values()
                  if rc.date > cutoff and any(v for v in rc.votes.values())),
                 key=lambda rc: rc.undl_id)
    clash = [rc.undl_id for rc in new if str(rc.undl_id) in unv_ids]
    if clash:
        raise DataError(f"{un.path}: undl_id {clash[0]} equals an unvotes rcid; cannot use it as "
                        "the roll-call id")
    new_calls = pd.DataFrame([{
        "rcid": str(rc.undl_id), "session": str(rc.session), "date": rc.date,
        "resolution": rc.resolution, "amendment": "false", "important_vote": "",
        "short_title": rc.title, "source_id": SOURCE_ID} for rc in new], columns=calls.columns)
    new_votes = pd.DataFrame([{"rcid": str(rc.undl_id), "iso3": c, "vote": v}
                              for rc in new for c, v in rc.votes.items() if c in PANEL and v],
                             columns=votes.columns)
    calls_out = pd.concat([unv_calls, new_calls], ignore_index=True)
    calls_out = calls_out.sort_values("rcid", key=lambda s: s.astype(int)).reset_index(drop=True)
    votes_out = pd.concat([unv_votes, new_votes], ignore_index=True)
    votes_out = votes_out.sort_values(["rcid", "iso3"], key=_int_rcid).reset_index(drop=True)

    check = overlap_check(un, unv_calls, unv_votes, cutoff)
    last = calls_out["date"].max()
    countries, countries_meta = _panel_countries(new, data_dir, source, cutoff)
    if len(new):
        calls_meta = _extend_meta(calls_meta, source, cutoff, last, len(new),
                                  int(calls_out["session"].astype(int).max()))
        votes_meta = _extend_meta(votes_meta, source, cutoff, last, len(new), None)
    else:  # nothing after unvotes: the file only backs the overlap check
        calls_meta = _unextend_meta(calls_meta)
        votes_meta = _unextend_meta(votes_meta)
        votes_meta["sources"] = [*votes_meta["sources"], source]
    votes_meta["overlap_check"] = check
    notes = [f"roll calls after {cutoff} in the file: {len(new):,} (panel votes: "
             f"{len(new_votes):,}); last roll call now {last}",
             f"overlap with unvotes: {check['summary']}"]
    return {"diplomacy/unga_roll_calls": (calls_out, calls_meta),
            "diplomacy/unga_votes_panel": (votes_out, votes_meta),
            "diplomacy/unga_panel_countries": (countries, countries_meta)}, notes


UN_SEAT = "UN Digital Library"


def _panel_countries(new: list[RollCall], data_dir: Path, source: dict,
                     cutoff: str) -> tuple[pd.DataFrame, dict]:
    """unga_panel_countries with one row per panel country for the UN file's records (votes
    after ``cutoff``), beside unvotes' rows; the UN rows of an earlier update are replaced."""
    table, meta = read_table("diplomacy/unga_panel_countries", data_dir)
    table = table[~table["note"].str.startswith(UN_SEAT)]
    rows = []
    for iso3 in PANEL:
        mine = [rc for rc in new if rc.votes.get(iso3)]
        if not mine:
            continue
        rows.append({"iso3": iso3, "source_country": f"{mine[-1].names[iso3]} ({UN_SEAT})",
                     "source_code": iso3, "votes": str(len(mine)),
                     "first_vote": min(rc.date for rc in mine),
                     "last_vote": max(rc.date for rc in mine),
                     "note": f"{UN_SEAT} voting data ({SOURCE_ID}): recorded votes after {cutoff}; "
                             "the file's Member State code is ISO alpha-3"})
    out = pd.concat([table, pd.DataFrame(rows, columns=table.columns)], ignore_index=True)
    out = out.sort_values(["iso3", "first_vote"]).reset_index(drop=True)
    if rows:
        meta = copy.deepcopy(meta)
        meta["sources"] = [s for s in meta["sources"] if s["id"] != SOURCE_ID] + [source]
        meta["columns"]["source_code"]["description"] = (
            "code in the source: ISO alpha-2 in unvotes (empty: none given), ISO alpha-3 in the UN "
            "Digital Library file")
        meta["derived_by"] = meta["derived_by"].split(";")[0] + f"; updated by {UPDATER}"
        meta["licence"] = re.sub(r"; UN Digital Library rows: .*$", "", meta["licence"]) + \
            f"; UN Digital Library rows: {LICENCE}"
    else:
        meta = _unextend_meta(meta)
    return out, meta


def _int_rcid(s: pd.Series) -> pd.Series:
    return s.astype(int) if s.name == "rcid" else s


def overlap_check(un: UNFile, unv_calls: pd.DataFrame, unv_votes: pd.DataFrame,
                  cutoff: str) -> dict:
    """Compare the panel's votes in the UN file with unvotes on the roll calls both hold."""
    plain = unv_calls.assign(plain=unv_calls["resolution"].map(_plain))
    plain = plain[(plain["amendment"] != "true") & (plain["plain"] != "")]
    counts = plain["plain"].value_counts()
    unique = plain[plain["plain"].map(counts) == 1].set_index("plain")["rcid"]
    by_rcid = {(r.rcid, r.iso3): r.vote for r in unv_votes.itertuples(index=False)}
    old = [rc for rc in un.roll_calls.values() if rc.date <= cutoff]
    matched = compared = agree = 0
    years: list[int] = []
    differ: list[str] = []
    for rc in sorted(old, key=lambda r: (r.date, r.undl_id)):
        rcid = unique.get(_plain(rc.resolution))
        if rcid is None:
            continue
        matched += 1
        years.append(int(rc.date[:4]))
        for iso3 in PANEL:
            a, b = by_rcid.get((rcid, iso3)), rc.votes.get(iso3)
            if a is None and b is None:
                continue
            compared += 1
            if a == b:
                agree += 1
            elif len(differ) < 20:
                differ.append(f"{rc.resolution} {iso3}: unvotes {a or 'no recorded vote'}, "
                              f"UN file {b or 'non-voting'}")
    rate = round(100 * agree / compared, 2) if compared else None
    span = f"{min(years)}-{max(years)}" if years else "none"
    summary = (f"{matched:,} of {len(old):,} roll calls dated on or before {cutoff} matched; "
               f"{agree:,} of {compared:,} panel votes agree"
               + (f" ({rate} %)" if rate is not None else ""))
    return {"years": span, "roll_calls_in_file_to_cutoff": len(old), "roll_calls_matched": matched,
            "panel_votes_compared": compared, "panel_votes_agreeing": agree,
            "agreement_pct": rate, "first_differences": differ, "summary": summary,
            "rule": "matched on the resolution symbol without A/RES/ or R/, where unvotes has one "
                    "non-amendment roll call for it; a vote compared where either side records "
                    "one (non-voting = no row)"}


def _extend_meta(meta: dict, source: dict, cutoff: str, last: str, added: int,
                 max_session: int | None) -> dict:
    """The sidecar with the UN file cited, coverage and title to ``last`` and the end-of-data gap
    rewritten."""
    meta = copy.deepcopy(meta)
    year = last[:4]
    meta["title"] = re.sub(r"1946-\d{4}", f"1946-{year}", meta["title"])
    if max_session is not None:
        meta["title"] = re.sub(r"sessions 1-\d+", f"sessions 1-{max_session}", meta["title"])
        meta["columns"]["session"]["max"] = max(max_session, 74)
    meta["coverage"] = re.sub(r"to \d{4}-\d{2}-\d{2}", f"to {last}", meta.get("coverage", ""))
    end = (f"Voeten/unvotes (UNVOTES) to {cutoff}; after that, roll calls from the UN Digital "
           f"Library voting data (UNDL_GA_VOTING, {added:,} roll calls, last {last}), whose rcid is "
           "the UN Digital Library control number (undl_id). Those roll calls carry no issue codes "
           "(unga_roll_call_issues is unvotes only) and no important-vote flag; the UN file lists "
           "only resolutions adopted by recorded vote (no amendments or paragraph votes).")
    gaps = [g for g in meta.get("gaps", [])
            if not g.startswith(("Coverage ends with the 74th session", "Voeten/unvotes (UNVOTES) to"))]
    meta["gaps"] = [end, *gaps]
    meta["derived_by"] = (meta["derived_by"].split(";")[0] + f"; updated by {UPDATER}")
    meta["licence"] = re.sub(r"; UN Digital Library rows: .*$", "", meta["licence"]) + \
        f"; UN Digital Library rows: {LICENCE}"
    meta["sources"] = [s for s in meta["sources"] if s["id"] != SOURCE_ID] + [source]
    return meta


def _unextend_meta(meta: dict) -> dict:
    """The sidecar as ``ties data build`` writes it (an earlier update's additions taken out)."""
    if SOURCE_ID not in {s["id"] for s in meta["sources"]}:
        return copy.deepcopy(meta)
    from analysis.derive.diplomacy import _meta

    cols = meta["columns"]
    name = ("unga_roll_calls" if "session" in cols else
            "unga_panel_countries" if "source_country" in cols else "unga_votes_panel")
    fresh = _meta(name, [UNVOTES])
    if name == "unga_votes_panel":
        fresh["description"] = fresh["description"].format(panel=", ".join(PANEL))
    return fresh


def source_entry(path: Path, shown_as: str, retrieved: str, layout: Layout, sha: str) -> dict:
    """The sidecar's record of the UN file: who, what, where, when, on what terms, which bytes."""
    return {
        "id": SOURCE_ID,
        "publisher": "United Nations, Dag Hammarskjöld Library",
        "kind": "official record",
        "title": "General Assembly Voting Data (UN Digital Library record 4060887)",
        "url": RECORD_URL,
        "document": shown_as,
        "layout": layout.name,
        "sha256": sha,
        "retrieved": retrieved,
        "licence": LICENCE,
        "citation": ("United Nations Dag Hammarskjöld Library, General Assembly Voting Data, "
                     f"United Nations, downloaded from {RECORD_URL}, {retrieved}"),
    }


def update_unga(path: Path, data_dir: Path, shown_as: str, retrieved: str, log=print):
    """Read the UN file at ``path`` and merge it into ``data_dir`` (see the module docstring)."""
    un = read_un_file(path)
    sha = sha256_file(path)
    with locked(data_dir):
        # Same bytes as last time: keep the recorded retrieval date, so a second run changes nothing.
        _, meta = read_table("diplomacy/unga_votes_panel", data_dir)
        for s in meta.get("sources", []):
            if s.get("id") == SOURCE_ID and s.get("sha256") == sha:
                retrieved, shown_as = s["retrieved"], s.get("document", shown_as)
        source = source_entry(path, shown_as, retrieved, un.layout, sha)
        tables, notes = merge(un, Path(data_dir), source)
        log(f"read {un.rows:,} rows, {len(un.roll_calls):,} roll calls ({un.layout.name}) "
            f"from {shown_as}")
        return apply_update(
            Path(data_dir), tables, "ties data update unga",
            [f"{shown_as} ({un.layout.name}; sha256 {sha}; retrieved {retrieved}; "
             f"{un.rows:,} rows)"], notes, log=log)
