#!/usr/bin/env python3
"""Score claim and entity extraction against hand labels.

    .venv/bin/python bench/score_articles.py [FOLDER] [--labels DIR] [--verbose]
    .venv/bin/python bench/score_articles.py --draft ARTICLE.txt   # a label file to correct

FOLDER holds article texts (``NAME.txt``, with an optional ``NAME.meta.yml`` sidecar giving
``published``); default ``../shared/articles``. DIR holds one label file per article,
``NAME.yml`` (default ``bench/article_labels``); articles without a label file are skipped.

A label file records, for each figure the article states, its character offsets, value, unit,
scale and period — never the quoted text (the articles are other people's words)::

    article: NAME.txt
    published: 2023-04-17
    claims:                     # figures: money, percent, fraction, multiplier, quantity,
      - {start: 361, end: 376, kind: money, value: 128.55, unit: USD, scale: billion,
         period: FY2022-23}    # period null when the text gives none
    entities:                   # countries and groupings by code; people and events by offsets
      - {kind: country, code: USA}
      - {kind: person, start: 1203, end: 1215}

Printed per article and overall:

* **claims precision / recall** — a found figure matches a label when their spans overlap;
  only the figure kinds are scored (not dates, years, ordinals or durations, which are
  periods or words rather than claims);
* **value accuracy** — matched figures with the labelled value, unit and scale;
* **period accuracy** — matched figures whose label has a period and whose found period is the
  same (the labelled period is what the text means, resolved against the publication date);
  figures given a period where the label has none are counted separately;
* **entities precision / recall** — distinct entities: countries and groupings by code, people
  and events by any overlapping mention;
* **verdict agreement** (labels that carry ``verdict: confirmed|differs|cannot check|not
  checkable``, the verdict a careful analyst gives from what data/ holds) — the records of
  :func:`analysis.checks.check_article` (what ``ties check`` prints) are matched to the found
  figure by sentence and text; "answerable" counts the labels whose verdict is confirmed or
  differs (the data can answer) and how many got that same verdict; "all" counts every labelled
  verdict, a found figure with no record counting as "cannot check" and a missed figure as
  wrong.

``--only GLOB[,GLOB…]`` restricts the articles (``--only 'h1[1-6]_*'``).

A script, not a test: its figures go in the README.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIGURES = ("money", "percent", "fraction", "multiplier", "quantity", "rank", "count")
DEFAULT_FOLDER = ROOT.parent / "shared" / "articles"
DEFAULT_LABELS = ROOT / "bench" / "article_labels"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_value(found, label: dict) -> bool:
    return (abs(found.value - float(label["value"])) < 1e-6 * max(1.0, abs(found.value))
            and found.unit == label.get("unit", found.unit)
            and found.scale == label.get("scale"))


def score_article(path: Path, labels: dict) -> dict:
    """Counts for one article: tp/fp/fn for claims, value and period matches, entity tp/fp/fn,
    and the mismatches (offsets only) for --verbose."""
    from analysis.article import load_article

    article = load_article(path)
    found = [c for c in article.claims if c.kind in FIGURES]
    wanted = list(labels.get("claims") or [])
    used: set[int] = set()
    out = {"tp": 0, "fp": 0, "fn": 0, "value_ok": 0, "period_n": 0, "period_ok": 0,
           "period_spurious": 0,
           "misses": [], "extra": [], "wrong_period": [], "wrong_verdict": []}
    matched: dict[int, object] = {}
    for c in found:
        match = next((i for i, lab in enumerate(wanted) if i not in used
                      and _overlap(c.span, (lab["start"], lab["end"]))), None)
        if match is None:
            out["fp"] += 1
            out["extra"].append((c.span, c.kind, c.value))
            continue
        used.add(match)
        matched[match] = c
        lab = wanted[match]
        out["tp"] += 1
        out["value_ok"] += _same_value(c, lab)
        if lab.get("period"):
            out["period_n"] += 1
            if str(lab["period"]) == str(c.period):
                out["period_ok"] += 1
            else:
                out["wrong_period"].append((c.span, lab["period"], c.period))
        elif c.period:  # the text gives no period, the extractor invented one
            out["period_spurious"] += 1
            out["wrong_period"].append((c.span, None, c.period))
    for i, lab in enumerate(wanted):
        if i not in used:
            out["fn"] += 1
            out["misses"].append(((lab["start"], lab["end"]), lab["kind"], lab.get("value")))
    out.update(_score_entities(article, labels.get("entities") or []))
    out.update(_score_verdicts(article, wanted, matched, out["wrong_verdict"]))
    return out


ANSWERABLE = ("confirmed", "differs")


def _record_for(records, claim):
    """The check record of one found figure: same sentence, and the record's text is the
    figure's text or contains it (a tally, a vote), else None."""
    best = None
    for r in records:
        if r["sentence"] != claim.sentence:
            continue
        if r["text"] == claim.text:
            return r
        if best is None and (claim.text in str(r["text"]) or str(r["text"]) in claim.text):
            best = r
    return best


def _score_verdicts(article, wanted: list[dict], matched: dict, wrong: list) -> dict:
    from analysis.checks import check_article

    labelled = [i for i, lab in enumerate(wanted) if lab.get("verdict")]
    out = {"v_ans": 0, "v_ans_ok": 0, "v_all": 0, "v_all_ok": 0}
    if not labelled:
        return out
    records = check_article(article).to_dict("records")
    for i in labelled:
        want = wanted[i]["verdict"]
        claim = matched.get(i)
        if claim is None:
            got = "missed"
        else:
            rec = _record_for(records, claim)
            got = rec["verdict"] if rec is not None else "cannot check"
        out["v_all"] += 1
        out["v_all_ok"] += got == want
        if want in ANSWERABLE:
            out["v_ans"] += 1
            out["v_ans_ok"] += got == want
        if got != want:
            wrong.append(((wanted[i]["start"], wanted[i]["end"]), want, got))
    return out


def _score_entities(article, labelled: list[dict]) -> dict:
    tp = fp = 0
    hit: set[int] = set()
    for e in article.entities:
        match = None
        for i, lab in enumerate(labelled):
            if lab["kind"] != e.kind or i in hit:
                continue
            if lab.get("code") and lab["code"] == e.code:
                match = i
            elif "start" in lab and any(_overlap(s, (lab["start"], lab["end"]))
                                        for s in e.spans):
                match = i
            if match is not None:
                break
        if match is None:
            fp += 1
        else:
            hit.add(match)
            tp += 1
    return {"e_tp": tp, "e_fp": fp, "e_fn": len(labelled) - len(hit)}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def draft(path: Path) -> str:
    """A label file drafted from what the extractor finds now: offsets, kinds, values, units,
    scales, periods and entity codes, for a person to correct by hand (no quoted text)."""
    from analysis.article import load_article

    article = load_article(path)
    published = article.meta.get("published")
    lines = [f"article: {path.name}", f"published: {published}", "claims:"]
    for c in article.claims:
        if c.kind in FIGURES:
            lines.append(f"  - {{start: {c.span[0]}, end: {c.span[1]}, kind: {c.kind}, "
                         f"value: {c.value:g}, unit: {c.unit}, scale: {c.scale or 'null'}, "
                         f"period: {c.period or 'null'}}}")
    lines.append("entities:")
    for e in article.entities:
        if e.code:
            lines.append(f"  - {{kind: {e.kind}, code: {e.code}}}")
        else:
            lines.append(f"  - {{kind: {e.kind}, start: {e.spans[0][0]}, end: {e.spans[0][1]}}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--verbose", action="store_true", help="list misses by offset")
    parser.add_argument("--draft", type=Path, help="print a draft label file for one article")
    parser.add_argument("--only", default="*", help="glob(s) of article names to score, comma-separated")
    args = parser.parse_args(argv)
    if args.draft:
        print(draft(args.draft), end="")
        return 0
    if not args.folder.is_dir():
        print(f"score_articles: no folder {args.folder}", file=sys.stderr)
        return 2
    total: dict[str, int] = {}
    print(f"{'article':58} {'P':>5} {'R':>5} {'value':>5} {'period':>6} {'ent P':>5} "
          f"{'ent R':>5} {'verd':>5}")
    paths = {p for pattern in args.only.split(",")
             for p in args.folder.glob(f"{pattern.strip().removesuffix('.txt')}.txt")}
    for path in sorted(paths):
        label_file = args.labels / f"{path.stem}.yml"
        if not label_file.is_file():
            continue
        labels = yaml.safe_load(label_file.read_text(encoding="utf-8")) or {}
        s = score_article(path, labels)
        for k, v in s.items():
            if isinstance(v, int):
                total[k] = total.get(k, 0) + v
        print(f"{path.name[:58]:58} {_ratio(s['tp'], s['tp'] + s['fp']):>5} "
              f"{_ratio(s['tp'], s['tp'] + s['fn']):>5} {_ratio(s['value_ok'], s['tp']):>5} "
              f"{_ratio(s['period_ok'], s['period_n']):>6} "
              f"{_ratio(s['e_tp'], s['e_tp'] + s['e_fp']):>5} "
              f"{_ratio(s['e_tp'], s['e_tp'] + s['e_fn']):>5} "
              f"{_ratio(s['v_ans_ok'], s['v_ans']):>5}")
        if args.verbose:
            for what in ("misses", "extra", "wrong_period", "wrong_verdict"):
                for item in s[what]:
                    print(f"    {what}: {item}")
    if not total:
        print("no labelled articles found")
        return 1
    t = total
    print(f"{'ALL':58} {_ratio(t['tp'], t['tp'] + t['fp']):>5} "
          f"{_ratio(t['tp'], t['tp'] + t['fn']):>5} {_ratio(t['value_ok'], t['tp']):>5} "
          f"{_ratio(t['period_ok'], t['period_n']):>6} "
          f"{_ratio(t['e_tp'], t['e_tp'] + t['e_fp']):>5} "
          f"{_ratio(t['e_tp'], t['e_tp'] + t['e_fn']):>5} "
          f"{_ratio(t['v_ans_ok'], t['v_ans']):>5}")
    print(f"claims: {t['tp']} matched, {t['fp']} extra, {t['fn']} missed; periods "
          f"{t['period_ok']}/{t['period_n']} right, {t['period_spurious']} given where the text "
          f"states none; entities {t['e_tp']} matched, {t['e_fp']} extra, "
          f"{t['e_fn']} missed")
    if t["v_all"]:
        print(f"verdicts: answerable (analyst: confirmed or differs) {t['v_ans_ok']}/{t['v_ans']} "
              f"agree ({_ratio(t['v_ans_ok'], t['v_ans'])}); all labelled "
              f"{t['v_all_ok']}/{t['v_all']} agree ({_ratio(t['v_all_ok'], t['v_all'])})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
