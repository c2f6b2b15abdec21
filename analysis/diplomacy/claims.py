"""What an article says that the diplomacy data can test, one verdict per claim."""

from __future__ import annotations

import re

import pandas as pd

from analysis import groupings
from analysis.countries import in_text, name
from analysis.diplomacy.memberships import as_date, member_since, membership
from analysis.diplomacy.votes import VOTES, table, ukraine_votes

COLUMNS = ["claim", "evidence", "verdict", "reason"]


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


def article_groupings(article) -> list[str]:
    """Codes of the groupings the article names whose membership the data record, in the
    article's order: from its grouping entities (shared codes, or their names read with
    ``groupings.find``), else from its text."""
    known = groupings.with_membership_data()
    found: list[str] = []

    def add(codes):
        for code in codes:
            if code in known and code not in found:
                found.append(code)

    for e in getattr(article, "entities", ()) or ():
        if getattr(e, "kind", None) != "grouping":
            continue
        code = (e.code or "").upper()
        add([code] if code in groupings.GROUPINGS else [c for _, _, c in groupings.find(e.name)])
    if not found:  # no grouping entities: read the text itself
        add(c for _, _, c in groupings.find(article.text))
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
    when = as_date(as_of)
    sents = _sentences(article)
    rows = []
    s = _find(sents, r"\bneutral")
    if s:
        rows.append({"claim": s, **_neutral_stance(c, p, when)})
    for code in article_groupings(article):
        rows.append(_shared_grouping(c, p, code, when))
    s = _find(sents, r"military equipment|\barms\b|weapons")
    if s:
        rows.append({"claim": s, **_arms_reliance(c, p)})
    s = _find(sents, r"strained relations with China|relations with China")
    if s:
        rows.append({"claim": s, "evidence": "", "verdict": "cannot check",
                     "reason": "the roll-call panel ends in January 2020, before the 2020 "
                               "border clash; UN votes do not measure bilateral tension"})
    return pd.DataFrame(rows, columns=COLUMNS)


def _neutral_stance(c: str, p: str, when: pd.Timestamp) -> dict:
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
        verdict = "supported"
        reason = ("abstaining on every resolution condemning the invasion is neither criticism "
                  "(yes) nor support (no) of Russia")
    else:
        verdict, reason = "contradicted", "it voted yes or no on at least one ES-11 resolution"
    return {"evidence": ev, "verdict": verdict, "reason": reason}


def _shared_grouping(c: str, p: str, code: str, when: pd.Timestamp) -> dict:
    label = groupings.name(code)
    ma, mb = membership(c, code, when), membership(p, code, when)

    def status(iso, m):
        return (f"member since {member_since(iso, code)}" if m else
                "not a member" if m is False else "membership not established")

    ev = f"{name(c)}: {status(c, ma)}; {name(p)}: {status(p, mb)} (as of {when:%-d %B %Y})."
    if ma and mb:
        verdict, reason = "supported", f"both are members of the {label}"
    elif ma is False or mb is False:
        verdict, reason = "contradicted", f"not both are members of the {label}"
    else:
        verdict, reason = "cannot check", "membership on that date is not established"
    return {"claim": f"{name(c)} and {name(p)} both belong to the {label} (named in "
                     f"the article among the groupings where they meet).",
            "evidence": ev, "verdict": verdict, "reason": reason}


def _arms_reliance(c: str, p: str) -> dict:
    arms = table("india_arms_imports")
    if c != "IND" or p not in set(arms["supplier"]):
        return {"evidence": "", "verdict": "cannot check",
                "reason": "arms-import shares are only held for India's suppliers"}
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
    return {"evidence": ev, "verdict": verdict, "reason": reason}


# --- votes and tallies named in any article: what `ties check` uses ----------------------------

_VOTE_VERBS = (
    ("abstain", r"abstain(?:ed|s|ing)?|abstention"),
    ("no", r"vot(?:ed|es|ing|e)\s+against|opposed|rejected"),
    ("yes", r"vot(?:ed|es|ing|e)\s+(?:in\s+favou?r|for|yes)|backed|supported"),
)
_RES_SYMBOL = re.compile(r"\b(?:A/RES/)?(?P<sym>ES-11/\d+|\d{2}/\d{3})\b")
_TALLY = re.compile(r"\b(?P<y>\d{2,3})\s*[-–]\s*(?P<n>\d{1,3})\s*[-–]\s*(?P<a>\d{1,3})\b")
VOTE_COLUMNS = ["text", "claimed", "unit", "scale", "period", "measure", "partner", "computed",
                "verdict", "reason", "source", "sentence"]


def resolution_for(sentence: str, published) -> pd.Series | None:
    """The Ukraine resolution a sentence speaks of: the one it names ("ES-11/1"), else the
    vote held on or within ten days before the article's publication date; None if neither."""
    res = table("ukraine_resolutions")
    m = _RES_SYMBOL.search(sentence)
    if m:
        hit = res[res["resolution"].str.endswith(m["sym"])]
        return hit.iloc[0] if len(hit) else None
    if published is None:
        return None
    when = pd.Timestamp(published)
    near = res[(res["date"] <= when) & (res["date"] >= when - pd.Timedelta(days=10))]
    return near.sort_values("date").iloc[-1] if len(near) else None


def _as_recorded(table_name: str, source_id: str) -> str:
    """Where a vote or tally comes from, in words: "the UN roll-call record" for the roll-call
    data and the UN's own pages, else "as reported by" the source's short name."""
    from analysis.bibliography import short_name
    from analysis.datasets import load_meta

    src = next((x for x in load_meta(f"diplomacy/{table_name}").sources
                if x["id"] == source_id), None)
    if src is None:
        return "source not listed"
    publisher = str(src.get("publisher") or "")
    if re.match(r"United Nations(?! \(via)|UN Digital Library|Erik Voeten", publisher):
        return "the UN roll-call record"
    return f"as reported by {short_name(src)}"


def _vote_row(text, claimed, measure, partner, computed, verdict, reason, source, sentence,
              period=None) -> dict:
    return {"text": text, "claimed": claimed, "unit": "vote" if measure == "vote" else "count",
            "scale": None, "period": period, "measure": measure, "partner": partner,
            "computed": computed, "verdict": verdict, "reason": reason, "source": source,
            "sentence": sentence}


def check_votes(article) -> list[dict]:
    """Each country's vote an article reports on a Ukraine resolution ("India abstained on
    ES-11/1"), each tally figure (in favour / against / abstentions) and each "N-member
    Assembly", checked against data/diplomacy as of the article's publication date.
    Rows as :data:`VOTE_COLUMNS`; verdicts confirmed / differs / cannot check."""
    from analysis.article.measures import countries_in

    published = getattr(article, "published", None)
    rows: list[dict] = []
    votes = table("ukraine_votes")
    seen = set()
    for sentence in _sentences(article):
        verb_hits = [(m.start(), vote) for vote, pat in _VOTE_VERBS
                     for m in re.finditer(pat, sentence, re.I)]
        if not verb_hits or not re.search(r"resolution|General Assembly|UNGA|\bUN\b|vote",
                                          sentence, re.I):
            continue
        res = resolution_for(sentence, published)
        for start, end, code in countries_in(sentence):
            later = [(p, v) for p, v in verb_hits if p >= end]
            if not later:
                continue
            pos, vote = min(later)
            between = sentence[end:pos]
            if re.search(r"[;.]|\bwhile\b", between) or len(between) > 160:
                continue
            others = [o for o in countries_in(sentence) if end <= o[0] < pos]
            if others and not re.fullmatch(r"[\s,]*(?:and\s+)?", sentence[end:others[0][0]]):
                continue  # another country stands between this one and the verb
            if re.search(r"Security\s+Council", sentence[max(0, pos - 80):pos], re.I):
                continue  # a Security Council vote is not an Assembly resolution
            if re.search(r"draft|call|proposal|secret ballot", sentence[pos:pos + 60], re.I) and \
                    vote == "no" and "reject" in sentence[pos:pos + 12].lower():
                continue  # "voted to reject a call for a secret ballot": a procedural vote
            key = (code, vote, None if res is None else res["resolution"])
            if key in seen:
                continue  # the headline and the body report the same vote: one check
            seen.add(key)
            text = f"{name(code)}: {vote}"
            if res is None:
                rows.append(_vote_row(text, vote, "vote", code, None, "cannot check",
                                      "no Ukraine resolution in the data matches the sentence "
                                      "or the article's date", "", sentence))
                continue
            sym = res["resolution"].replace("A/RES/", "")
            hit = votes[(votes["resolution"] == res["resolution"]) & (votes["iso3"] == code)]
            if hit.empty:
                rows.append(_vote_row(text, vote, "vote", code, None, "cannot check",
                                      f"no source in the data states {name(code)}'s vote on "
                                      f"{sym}", "", sentence, period=f"{res['date']:%Y-%m-%d}"))
                continue
            got = hit["vote"].iloc[0]
            rows.append(_vote_row(text, vote, "vote", code, got,
                                  "confirmed" if got == vote else "differs",
                                  f"{name(code)} voted {got} on {sym} ({res['date']:%-d %B %Y}"
                                  f"; {_as_recorded('ukraine_votes', hit['source_id'].iloc[0])})",
                                  hit["source_id"].iloc[0], sentence,
                                  period=f"{res['date']:%Y-%m-%d}"))
    for sentence in _sentences(article):  # a tally written "141-5-35" (yes-no-abstain)
        for m in _TALLY.finditer(sentence):
            if not re.search(r"vot|resolution|adopted|Assembly", sentence, re.I):
                continue
            res = resolution_for(sentence, published)
            claimed = f"{m['y']}-{m['n']}-{m['a']}"
            if res is None:
                rows.append(_vote_row(m.group(), claimed, "tally", None, None, "cannot check",
                                      "no resolution in the data matches", "", sentence))
                continue
            got = f"{res['yes']}-{res['no']}-{res['abstain']}"
            rows.append(_vote_row(m.group(), claimed, "tally", None, got,
                                  "confirmed" if got == claimed else "differs",
                                  f"{res['resolution'].replace('A/RES/', '')}: {res['yes']} in "
                                  f"favour, {res['no']} against, {res['abstain']} abstentions "
                                  f"({_as_recorded('ukraine_resolutions', res['source_id'])})",
                                  res["source_id"], sentence, period=f"{res['date']:%Y-%m-%d}"))
    for c in getattr(article, "claims", ()):
        if c.kind != "count":
            continue
        if c.measure in ("votes_yes", "votes_no", "votes_abstain"):
            res = resolution_for(c.sentence, published)
            if res is None:
                rows.append(_vote_row(c.text, c.value, c.measure, None, None, "cannot check",
                                      "no resolution in the data matches", "", c.sentence))
                continue
            col = {"votes_yes": "yes", "votes_no": "no", "votes_abstain": "abstain"}[c.measure]
            got = res[col]
            sym = res["resolution"].replace("A/RES/", "")
            rows.append(_vote_row(c.text, c.value, c.measure, None, int(got),
                                  "confirmed" if int(got) == int(c.value) else "differs",
                                  f"{sym}: {res['yes']} in favour, {res['no']} against, "
                                  f"{res['abstain']} abstentions ("
                                  f"{_as_recorded('ukraine_resolutions', res['source_id'])})",
                                  res["source_id"], c.sentence,
                                  period=f"{res['date']:%Y-%m-%d}"))
        elif c.measure == "members" and re.search(r"General Assembly|UN\b|United Nations",
                                                  c.sentence):
            rows.append(_un_members(c, published))
    return rows


def _un_members(c, published) -> dict:
    when = pd.Timestamp(published) if published else pd.Timestamp.today()
    # The UN has had 193 members since South Sudan joined on 14 July 2011.
    t = table("un_membership")
    ssd = t[t["iso3"] == "SSD"]
    if len(ssd):
        n = 193 if when >= pd.Timestamp(ssd["member_from"].iloc[0]) else None
        if n is not None:
            return _vote_row(c.text, c.value, "members", None, n,
                             "confirmed" if int(c.value) == n else "differs",
                             f"193 members since South Sudan joined "
                             f"({pd.Timestamp(ssd['member_from'].iloc[0]):%-d %B %Y})",
                             ssd["source_id"].iloc[0], c.sentence)
    return _vote_row(c.text, c.value, "members", None, None, "cannot check",
                     "the data list the members of the panel only, not the whole Assembly",
                     "", c.sentence)
