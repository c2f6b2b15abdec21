"""What each figure of an article measures, and about whom: the small model that routes a
claim to the check that can answer it.

For every figure (money, percent, fraction, multiplier, quantity, rank, count) the words of
its clause give:

* ``measure`` — ``total_trade``, ``exports``, ``imports``, ``balance`` (deficit, surplus, gap),
  ``growth`` (a percentage or multiple of change), ``share``, ``rank``, ``target`` (a goal or
  forecast: "$100 billion by 2030"), ``price`` (money per unit), ``volume`` (a quantity),
  ``tariff``, ``savings``, ``margin`` (one partner's lead over another), ``votes_yes``/``votes_no``/``votes_abstain`` (a UN tally),
  ``members`` ("the 193-member Assembly"), else the claim's kind;
* ``flow`` — total, export, import or balance, for trade measures and their growth;
* ``reporter`` and ``partner`` — ISO alpha-3 codes: India reports; the partner is the country
  named nearest the figure in its clause ("imports from China"), or a capital standing for it
  ("Moscow", "Beijing"); "the two countries", "bilateral" or "two-way" mean the article's main
  partner (the country other than India it names most, the title counting double); a sentence
  naming no one keeps the partner of the figure before;
* ``product`` — crude oil, petroleum products, fertilisers, arms, coal … where named.

Rules, not a statistical model: each reads a few words either side of the figure, so every
decision can be traced to the sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

from analysis.article.model import Claim, Entity
from analysis.countries import WORLD, text_names
from analysis.fiscal import fy_start, is_fy_label

#: Capitals and seats of government that news prose uses for their country.
CAPITALS = {"Moscow": "RUS", "New Delhi": "IND", "Delhi": "IND", "Washington": "USA",
            "Beijing": "CHN", "Tokyo": "JPN", "London": "GBR", "Paris": "FRA", "Berlin": "DEU",
            "Kyiv": "UKR", "Kiev": "UKR", "Islamabad": "PAK", "Dhaka": "BGD", "Abu Dhabi": "ARE",
            "Riyadh": "SAU", "Tehran": "IRN", "Canberra": "AUS", "Ottawa": "CAN"}
_FIGURES = ("money", "percent", "fraction", "multiplier", "quantity", "rank", "count")
_PRODUCTS = (
    (r"crude(?:\s+oil)?|\boil\b|urals", "crude oil"),
    (r"petroleum(?:\s+products)?|refined\s+products|diesel|fuel", "petroleum products"),
    (r"fertili[sz]ers?", "fertilisers"),
    (r"\bcoal\b", "coal"), (r"\bLNG\b|natural\s+gas|\bgas\b", "natural gas"),
    (r"\barms\b|weapons|military\s+equipment|fighter\s+jets", "arms"),
    (r"electronics?", "electronics"), (r"pharmaceuticals?", "pharmaceuticals"),
)
_FLOWS = (
    (r"deficit|surplus|trade\s+gap|\bgap\b|imbalance", "balance"),
    (r"\bexport\w*|shipments?\s+to|shipped|sells?\s+to|sales\s+to"
     r"|\bshipments?\b(?!\s+(?:\w+\s+)?from)", "export"),
    (r"\bimport\w*|purchases?\s+from|bought|buy(?:ing)?\s+from|inbound|suppl(?:ied|ies|y)\b|"
     r"shipments?\s+(?:\w+\s+)?from",
     "import"),
    (r"\btrade\b|\btrading\b|commerce|two-way|bilateral|turnover", "total"),
)
_TARGET = re.compile(
    r"target|goal|\baim|push(?!ed)\w*|lift(?!ed)\w*|enhanc(?!ed)\w*|expect\w*|will\s+(?:reach|touch|cross|hit)|"
    r"likely\s+to\s+(?:surpass|cross|reach|touch|hit|exceed|top)|projection|"
    r"to\s+reach|to\s+grow|plans?\s+to|seeks?|wants?\s+to|forecast|projected|would\s+reach|"
    r"(?:could|can|may|might|would)\s+(?:hit|touch|cross|reach|top|exceed)|boost(?!ed)\w*|feasib\w*|"
    # these mark the figure right after them only ("on course to hit $100 billion, touching …")
    r"(?:plans?\s+for|to\s+achieve(?:\s+\w+)?|on\s+(?:course|track)\s+to\s+\w+|"
    r"possibility\s+of\s+\w+(?:\s+\w+){0,4})\s*$",
    re.IGNORECASE)
#: "rose by 18.6 per cent to reach $84.4 billion", "declined 1.5 percent to reach": what a
#: change reached, reported, not a goal.
_REACHED = re.compile(r"(?:\b(?:rose|grew|increased|jumped|climbed|surged|soared|declined|fell|"
                      r"dropped|dipped|slipped|went\s+(?:up|down))\b[^.;]{0,50}|(?:%|percent|"
                      r"per\s+cent)\s+(?:[\w-]+\s+){0,2})to\s+reach\s*$", re.IGNORECASE)
_TARGET_AFTER = re.compile(r"^[\s-]*(?:by|within|in\s+the\s+next|over\s+the\s+next)[\s-]+"
                           r"(?:(?:19|20)\d{2}|\w+\s+years)|^[\w-]*\s+(?:target|goal)\b",
                           re.IGNORECASE)
#: A change that is looked ahead to, not reported: a forecast ("could rise by", "is expected
#: to grow", "will increase").
_FORECAST_CHANGE = re.compile(
    r"\b(?:could|would|may|might|will|shall|(?:is|are|was|were)\s+(?:expected|likely|set|"
    r"projected|forecast|estimated|poised)\s+to|expected\s+to|likely\s+to|set\s+to|poised\s+to)"
    r"\s+(?:\w+\s+){0,2}?(?:rise|grow|increase|jump|surge|climb|fall|decline|drop|dip|double|"
    r"expand|contract|shrink)\w*\b[^.;]*$", re.IGNORECASE)
#: "dropped by a sharper 5.41%", "rose but by a smaller margin of 7.42%".
_GROWTH_LOOSE = re.compile(r"\b(?:rose|grew|increased|jumped|climbed|fell|dropped|declined|"
                           r"dipped|slipped)\b[^.;%]{0,30}\bby\s+(?:a|an)\s+(?:[\w-]+\s+){1,2}"
                           r"(?:of\s+)?$", re.IGNORECASE)
_GROWTH = re.compile(
    r"(?:rose|rise|rising|risen|increased?|increasing|grew|grow(?:th|n|ing)?|jump\w*|surg\w*|"
    r"soar\w*|climb\w*|slip\w*|up|declin\w*|fell|fall(?:en|ing)?|dipped|dip|drop\w*|"
    r"contract\w*|down|"
    r"shr[aiu]nk\w*|slump\w*|plung\w*|widen\w*|narrow\w*|swell\w*|expand\w*|decrease\w*)"
    r"(?:\s+(?:by|of))?(?:\s+(?:about|around|nearly|almost|over|more\s+than|some|a\s+mere|"
    r"just|only|roughly|approximately))?\s*$|(?:growth|decline|increase|rise|fall|drop|jump|"
    r"decrease)\s+of(?:\s+(?:about|around|nearly|almost|over|more\s+than|some|roughly|"
    r"approximately))?\s*$"
    r"|(?:growth|decline|increase|rise|fall|drop|jump|dip)\s+in\s+(?:[\w-]+\s+){1,3}by\s*$",
    re.IGNORECASE)
_SHARE = re.compile(r"share|accounted\s+for|accounts\s+for|\bmade\s+up|\bper\s+cent\s+of|"
                    r"proportion|\bformed?\b", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"^\s*(?:of|share|(?:was|were|is|came|comes)\s+from)\b"
                          r"(?!\s+(?:growth|increase|rise|decline))",
                          re.IGNORECASE)
_TARIFF = re.compile(r"tariffs?|duty|duties|levy", re.IGNORECASE)
_REFER = re.compile(r"two\s+(?:countries|nations|sides|neighbours|economies)|bilateral|"
                    r"two-way|both\s+(?:countries|nations|sides)|between\s+them", re.IGNORECASE)
_THE_OTHER = re.compile(r"the\s+(?:latter|former|neighbouring\s+country|neighbou?r|"
                        r"other\s+side)|that\s+country", re.IGNORECASE)
_CLAUSE = re.compile(r";|\s[—–]\s|,\s+and\s+(?=it\b|they\b|this\b)|"
                     r",\s+(?:while|whereas|but|when|and\s+(?=\w+\s+(?:to|from)\b))|"
                     r",\s+(?=(?:imports?|exports?)\b)|\.\s", re.IGNORECASE)


def _country_regex() -> re.Pattern:
    names = sorted(set(text_names()) | set(CAPITALS), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w.])(?:{alt})(?:’s|'s)?(?![\w$]|\.\w)")


_COUNTRY_RE: re.Pattern | None = None


def countries_in(text: str) -> list[tuple[int, int, str]]:
    """Every country named in ``text`` (names, aliases, demonyms, capitals): (start, end,
    ISO alpha-3), in order. "US" before "member states" (a slip for UN) is not a country."""
    global _COUNTRY_RE
    if _COUNTRY_RE is None:
        _COUNTRY_RE = _country_regex()
    names = text_names()
    out = []
    for m in _COUNTRY_RE.finditer(text):
        word = re.sub(r"(?:’s|'s)$", "", m.group())
        code = CAPITALS.get(word) or names.get(word)
        if code and not re.match(r"\s+member\s+states", text[m.end():]):
            out.append((m.start(), m.end(), code))
    return out


def main_partner(entities: tuple[Entity, ...], title: str = "", reporter: str = "IND"
                 ) -> str | None:
    """The country other than ``reporter`` the article names most (title mentions count
    double), or None when it names no other, or names it only once outside the title (a
    country mentioned in passing is not what the article's figures are about)."""
    counts: Counter = Counter()
    for e in entities:
        if e.kind == "country" and e.code and e.code != reporter:
            counts[e.code] += e.mentions
    for _, _, code in countries_in(title):
        if code != reporter:
            counts[code] += 2
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return code if n >= 2 else None


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    a, b = 0, len(sentence)
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


def _nearest(pattern_pairs, text: str, pos: int, after_text: str = ""):
    """The label of the pattern matching nearest before ``pos`` in ``text``, else the first
    after it in ``after_text``."""
    best, best_at = None, -1
    for pattern, label in pattern_pairs:
        for m in re.finditer(pattern, text[:pos], re.IGNORECASE):
            if m.start() > best_at:
                best, best_at = label, m.start()
    if best:
        return best
    first, first_at = None, None
    for pattern, label in pattern_pairs:
        m = re.search(pattern, after_text, re.IGNORECASE)
        if m and (first_at is None or m.start() < first_at):
            first, first_at = label, m.start()
    return first


_EXPORTER = re.compile(r"(?:exports?|exported|shipments?|shipped|sold|sales|supplies|supplied)"
                       r"(?:\s+\w+){0,4}?\s+from\s+(?P<a>[\w ’'.-]+?)(?:\s+to\b|\s*$|,)",
                       re.IGNORECASE)
_IMPORTER = re.compile(r"(?:imports?|imported|purchases?|bought)(?:\s+\w+){0,4}?\s+"
                       r"(?:by|into)\s+(?P<a>[\w ’'.-]+?)(?:\s+from\b|\s*$|,)", re.IGNORECASE)


def _direction(flow: str | None, left: str, reporter: str) -> str | None:
    """Turn the flow around when the partner is the one exporting ("exports from Russia to
    India", "Russia exported … to India") or importing ("imports by China from India")."""
    if flow not in ("export", "import"):
        return flow
    window = left[-90:]
    m = _EXPORTER.search(window)
    if m and flow == "export" and any(c != reporter for _, _, c in countries_in(m["a"])):
        return "import"
    m = _IMPORTER.search(window)
    if m and flow == "import" and any(c != reporter for _, _, c in countries_in(m["a"])):
        return "export"
    verb = re.search(r"(?:’s|'s)?\s+(?:exports?|exported|shipped|sold)\b", window)
    if verb and flow == "export":
        subject = [n for n in countries_in(window) if 0 <= verb.start() - n[1] <= 3]
        if subject and subject[-1][2] != reporter:
            return "import"  # "Russia exported … to India", "Russia's exports to India"
    return flow


def _measure(c: Claim, left: str, right: str, clause: str,
             reporter: str = "IND") -> tuple[str | None, str | None]:
    """(measure, flow) of a figure from the words of its clause."""
    near = re.match(r"^[\s\w-]{0,12}?\b(?:in|of)\s+(?:\w+\s+)?(imports?|exports?|trade)\b",
                    right)
    if c.kind in ("multiplier", "percent") and near:  # "a fivefold increase in imports"
        flow = {"import": "import", "imports": "import", "export": "export",
                "exports": "export"}.get(near.group(1).lower(), "total")
    else:
        both = re.compile(r"imports?\s+and\s+exports?|exports?\s+and\s+imports?", re.I)
        bare = both.sub(lambda m: " " * len(m.group()), left)  # naming both is no flow
        flow = _nearest(_FLOWS, bare, len(bare), right)
    flow = _direction(flow, left, reporter)
    if c.kind == "rank":
        return "rank", flow
    if c.kind == "quantity":
        return "volume", None
    if c.kind == "money" and "/" in c.unit:
        return "price", None
    if c.kind == "count" and c.unit == "tally":
        return "tally", None
    if c.kind == "count":
        after = (c.text + right[:35]).lower()
        if re.match(r"\s*-member", right):
            return "members", None
        said = re.search(r"\b(?:vote\s+(?:was|of|stood\s+at)|passed|adopted(?:\s+by)?|"
                         r"approved(?:\s+by)?|tally\s+(?:was|of)|by\s+a\s+vote\s+of)\s+"
                         r"(?:\d{2,3}\s?[-–]\s?)?$", left, re.IGNORECASE)
        if re.match(r"\s?[-–]\s?\d{1,3}\s+vote", right) and re.search(r"\bvote", right[:12]) \
                or said and re.match(r"\s?[-–]\s?\d{1,3}\b", right):
            return "votes_yes", None  # "the 141-7 vote", "the vote was 93-24": for, against
        if re.search(r"\d{2,3}\s?[-–]\s?$", left) and (re.match(r"\s+vote", right) or said):
            return "votes_no", None
        votes = (("votes_abstain", r"abstention|abstain"),
                 ("votes_no", r"\bagainst\b|\bopposed\b"), ("votes_yes", r"in\s+favou?r"))
        for window, pick in ((after, min), (left[-40:].lower(), max)):
            hits = [(m.start(), label) for label, pat in votes
                    for m in [re.search(pat, window)] if m]
            if hits:
                return pick(hits)[1], None
        if re.search(r"member\s+states|members\b", after):
            return "members", None
        return "count", None
    if _TARGET_AFTER.match(right) or (_TARGET.search(left[-80:]) and c.kind == "money"
                                      and not _REACHED.search(left[-80:])):
        return "target", flow
    if c.kind == "multiplier":
        if _TARGET_AFTER.match(right) or re.match(
                r"^[\s\w-]{0,40}?\bto\s+(?:US\$|USD|\$|Rs\.?|₹)\s?[\d.,]+\s*(?:billion|bn|"
                r"million|mn|trillion|crore)?\s+by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}\b",
                right, re.IGNORECASE):
            return "target", flow  # "more than double the trade to $500 billion by 2030"
        return "growth", flow
    if c.kind in ("percent", "fraction"):
        if _TARIFF.search(left[-30:] + right[:25]):
            return "tariff", None
        if _GROWTH.search(left[-60:]) or re.match(
                r"^\s*(?:growth|increase|rise|decline|jump|fall|drop|dip|contraction|surge)\b",
                right, re.IGNORECASE) or _GROWTH_LOOSE.search(left[-70:]) or re.match(
                r"^\s*(?:lower|higher|less|more|below|above|up|down)\b(?!\s+of\b)", right,
                re.IGNORECASE):  # "an 8.8% growth in exports", "a 28% decline", "3.1% below"
            if _FORECAST_CHANGE.search(left[-60:]):
                return "target", flow  # "imports could rise by about 20 per cent"
            return "growth", flow
        if c.kind == "fraction" or _SHARE.search(left[-60:]) or _SHARE_AFTER.match(right):
            return "share", flow
        return None, flow
    if c.kind == "money":
        if re.search(r"sav(?:ed|ing|ings)", left[-60:], re.I):
            return "savings", None
        if _MARGIN.search(left[-60:]):  # "outdoing the US by a modest $116 million"
            return "margin", None
        return {"balance": "balance", "export": "exports", "import": "imports",
                "total": "total_trade"}.get(flow or "", None), flow
    return None, flow


#: The gap by which one partner leads another, not a value of trade with either.
_MARGIN = re.compile(r"(?:outdo\w*|edg\w*\s+past|ahead\s+of|surpass\w*|overtak\w*|outpac\w*)"
                     r"\s+(?:the\s+)?[\w.]+(?:\s+[\w.]+)?\s+by\s+(?:a\s+|an\s+)?(?:\w+\s+)?$",
                     re.IGNORECASE)


def _product(left: str, right: str) -> str | None:
    near = left[-50:]
    return _nearest(_PRODUCTS, near, len(near), right[:40])


_OVERTAKEN = re.compile(r"\b(?:surpass\w*|overt(?:ook|ake|aken|akes|aking)|replac\w*|beat|"
                        r"outpac\w*|outdo\w*|outdid|displac\w*|dislodg\w*)\s+(?:the\s+)?$",
                        re.IGNORECASE)
_GENERIC_TOTAL = re.compile(r"\s*(?:(?:Overall|Total|Merchandise|Goods)\s+(?:merchandise\s+|goods\s+)?"
                            r"(?:exports|imports|trade)|(?:The\s+)?(?:overall|total)\s+trade\s+"
                            r"deficit)\b")
_OVERALL = re.compile(r"(?<!of\s)(?:India|the\s+country)(?:’s|'s)\s+(?:overall|total|global|"
                      r"merchandise|worldwide)\s+(?:merchandise\s+)?(?:imports|exports|trade)"
                      r"(?!\s+(?:from|to|with)\s+(?!the\s+world))",  # "overall imports from Russia"
                      re.IGNORECASE)


def _partner(sentence: str, start: int, end: int, clause: tuple[int, int],
             context: str | None, last_other: str | None, reporter: str) -> str | None:
    if _OVERALL.search(sentence[clause[0]:start]):
        return "WLD"  # "India's overall imports declined 5.6 % to $675 billion"
    named = [(a, b, code) for a, b, code in countries_in(sentence) if code != reporter]
    if not named and _GENERIC_TOTAL.match(sentence):
        return "WLD"  # "Merchandise exports for FY25 stood at $437.42 billion" names no partner
    in_clause = [n for n in named if clause[0] <= n[0] < clause[1]]
    before = [n for n in in_clause if n[1] <= end]
    after = [n for n in in_clause if n[0] >= end]
    if _THE_OTHER.search(sentence[clause[0]:end]) and last_other:
        return last_other
    # "China surpassed the United States to become …, with … $118.4 billion": the one that was
    # overtaken is not the partner of the figure, the one that overtook is
    passed = [n for n in before if _OVERTAKEN.search(sentence[clause[0]:n[0]])]
    if passed and len(before) > len(passed):
        before = [n for n in before if n not in passed]
    if before:
        return before[-1][2]
    if after:
        return after[0][2]
    earlier = [n for n in named if n[1] <= end]
    if earlier:
        return earlier[-1][2]
    if _REFER.search(sentence) and context:
        return context
    return None


def _period_over(period: str | None, published: dt.date | None) -> bool:
    """``period`` ended before ``published`` (FY2024-25 in April 2025; 2023; 2024-03)."""
    if not period or published is None:
        return False
    last = period.split("/")[-1]
    if is_fy_label(last):
        year, month = fy_start(last) + 1, 3
    elif re.fullmatch(r"\d{4}", last):
        year, month = int(last), 12
    elif re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", last):
        year, month = int(last[:4]), int(last[5:7])
    else:
        return False
    return (year, month) < (published.year, published.month)


#: Measures a figure with no partner anywhere in its article speaks of for India's trade with
#: the world (not growth: a change needs a base the sentence names).
_WORLD_MEASURES = ("total_trade", "exports", "imports", "balance", "growth")
#: … unless the sentence speaks of another economy's trade ("China's exports", "global trade").
_OTHER_ECONOMY = re.compile(r"\b(?:global|world(?:wide)?\s+trade|world['’]s)\b", re.IGNORECASE)


def describe_claims(text: str, claims: tuple[Claim, ...], entities: tuple[Entity, ...],
                    title: str = "", reporter: str = "IND",
                    sentences: tuple[str, ...] = (),
                    published: dt.date | None = None) -> tuple[Claim, ...]:
    """``claims`` with measure, flow, reporter, partner and product filled for every figure
    (other claims are returned as they are). ``sentences`` (the article's, in order) let a
    figure with no flow word of its own ("It has since touched $65 billion") take the one of
    the sentence before."""
    context = main_partner(entities, title, reporter)
    # a headline about a product's trade ("crude oil import dips", "oil import bill doubles"),
    # not one that lists a product among other things
    title_product = _product(title, "") if re.search(
        r"(?:" + "|".join(p for p, _ in _PRODUCTS) + r")\s+(?:imports?|exports?|shipments)\b",
        title, re.IGNORECASE) else None
    previous = {i: sentences[i - 1] for i in range(1, len(sentences))}
    out = []
    last_partner, last_other, last_sentence, last_end = None, None, None, 0
    last_measure: tuple[str | None, str | None] = (None, None)
    for c in claims:
        if c.kind not in _FIGURES:
            out.append(c)
            continue
        s = c.sentence
        s0 = c.span[0] - text.find(s, max(0, c.span[0] - len(s))) if s else 0
        start, end = s0, s0 + len(c.text)
        a, b = _clause_bounds(s, start, end)
        left, right = s[a:start], s[end:b]
        measure, flow = _measure(c, left, right, s[a:b], reporter)
        if measure == "growth" and flow is None and re.search(r"\bit\s+[\w\s]{0,20}$", left):
            # "…, while for the entire 2023-24 it dipped 3.11 per cent": what "it" is
            flow = _direction(_nearest(_FLOWS, s[:a], a), s[:a], reporter)
        if measure == "target" and _period_over(c.period, published) and re.search(
                r"estimat", left[-80:], re.IGNORECASE):
            # "estimated to reach $820.93 billion in 2024-25", written in April 2025: an
            # estimate of a year that is over, not a goal
            measure = {"balance": "balance", "export": "exports", "import": "imports",
                       "total": "total_trade"}.get(flow or "")
        if measure is None and flow is None and c.kind == "money":
            if c.sentence_index is not None and c.sentence_index - 1 == last_sentence:
                measure, flow = last_measure  # "It was $80.51 billion in 2020-21."
            elif previous.get(c.sentence_index) and _nearest(_FLOWS, "", 0,
                                                            previous[c.sentence_index]):
                flow = _nearest(_FLOWS, "", 0, previous[c.sentence_index])
                measure = {"balance": "balance", "export": "exports", "import": "imports",
                           "total": "total_trade"}[flow]
        partner = _partner(s, start, end, (a, b), context, last_other, reporter)
        if measure in ("members", "votes_yes", "votes_no", "votes_abstain"):
            partner = None  # a tally is about the Assembly, not a partner
        elif partner is None and measure == "target":
            partner = context
        elif partner is None:
            same_paragraph = "\n" not in text[last_end:c.span[0]]
            partner = last_partner if last_partner and same_paragraph else (
                # "the country's exports rose to $437 billion" in an article about no partner
                # in particular: India's trade with the world
                (context or (WORLD if measure in _WORLD_MEASURES
                             and not _OTHER_ECONOMY.search(left[-60:]) else None))
                if flow else None)
        product = _product(left, right) or (
            # "India paid $132.4 billion for the imports" under a headline on crude oil imports
            title_product if flow in ("import", "export") and partner in (None, WORLD) else None)
        out.append(replace(c, measure=measure or c.kind, flow=flow, reporter=reporter,
                           partner=partner, product=product))
        if partner and partner != "WLD":
            last_partner, last_end = partner, c.span[1]
        for _, _, code in countries_in(s):
            if code != reporter:
                last_other = code
        if measure in ("total_trade", "exports", "imports", "balance"):
            last_measure = (measure, flow)
        last_sentence = c.sentence_index
    return tuple(out)
