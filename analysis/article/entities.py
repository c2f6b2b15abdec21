"""Who and what an article names: countries, people, groupings and events.

* **countries** — every way :func:`analysis.countries.text_names` knows a text names one
  (ISO names, short names, aliases such as "UK", demonyms such as "Indian", "Kremlin"),
  reported by ISO 3166 alpha-3 code and short name;
* **people** — a title such as "Prime Minister" before a capitalised name (or after it, in
  apposition: "…, founder, GTRI"), "NAME of ORGANISATION said", and the leaders in
  ``_KNOWN_PEOPLE`` named by surname alone ("Modi", "Putin"); later surname-only mentions join
  that person;
* **groupings** — the shared table :data:`analysis.groupings.GROUPINGS`, by code and name;
* **events** — the patterns in ``_EVENT_PATTERNS`` ("invasion of …", "aggression against …",
  "… border clash", "emergency special session").
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis import groupings
from analysis.article.model import Entity
from analysis.countries import name as country_name
from analysis.countries import text_names


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    alternation = "|".join(re.escape(n) for n in sorted(text_names(), key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w$]|\.\w)")


_TITLES = (
    "Prime Minister", "Deputy Prime Minister", "First Deputy Prime Minister", "President",
    "Vice President", "Foreign Secretary", "Foreign Minister", "External Affairs Minister",
    "Finance Minister", "Defence Minister", "Defense Minister", "Commerce Minister",
    "Trade Minister", "Energy Minister", "Home Minister", "Minister", "Chancellor",
    "Secretary of State", "Secretary-General", "Secretary General", "Ambassador", "Governor",
    "Chief Minister", "Spokesman", "Spokesperson", "Spokeswoman", "National Security Adviser",
    "Premier", "PM", "King", "Queen", "Crown Prince", "Emperor", "Chairman", "Chairwoman",
    "Consul General", "Founder", "Director", "Vice-President", "EAM", "Chief Economist",
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Mahatma", "Permanent Representative",
    "Counterpart", "Commerce Secretary", "Trade Secretary", "Treasury Secretary",
    "Trade Representative", "Secretary", "Leader", "Sheikh", "Sheikha", "Emir", "Sultan",
    "Prince", "Envoy", "Senator", "Commissioner", "CEO",
)
#: Leaders whom news on India's foreign relations names by surname alone ("Modi and Putin
#: reviewed …"): surname → full name. A surname counts only where it stands as a word.
_KNOWN_PEOPLE = {
    "Modi": "Narendra Modi", "Putin": "Vladimir Putin", "Jaishankar": "S Jaishankar",
    "Lavrov": "Sergey Lavrov", "Zelenskyy": "Volodymyr Zelenskyy", "Zelensky": "Volodymyr Zelensky",
    "Biden": "Joe Biden", "Trump": "Donald Trump", "Xi": "Xi Jinping", "Guterres": "António Guterres",
    "Doval": "Ajit Doval", "Goyal": "Piyush Goyal", "Sitharaman": "Nirmala Sitharaman",
    "Blinken": "Antony Blinken", "Rubio": "Marco Rubio",
}
_NAME_STOP = {"To", "In", "Of", "And", "The", "As", "At", "On", "For", "With", "Will", "Says",
              "Said", "Meet", "Meets", "Visit", "Visits", "Is", "Was", "Has", "Who", "From", "By"}
_NAME_WORD = (r"[A-Z][a-z’']+(?:-[A-Z]?[a-z’']+)*|[A-Z]\.(?:\s?[A-Z]\.)*"
              r"|[A-Z]{1,2}(?=\s[A-Z][a-z])")
#: Particles inside a name ("Hamdan bin Mohammed Al Maktoum", "Ursula von der Leyen").
_NAME_PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|di|van|von|der|du|le)"
_P_PERSON = re.compile(
    rf"(?i:\b(?:{'|'.join(re.escape(t) for t in sorted(_TITLES, key=len, reverse=True))}))"
    r"(?:\s+of\s+(?!state\b)[A-Z][a-z]+)?"  # "Ambassador of India to the UAE Sunjay Sudhir"
    r"(?:\s+to\s+(?:the\s+)?(?:UN|United\s+Nations|[A-Z][A-Za-z]+)\b)?"  # "… to the UN"
    r"(?:\s+of\s+state)?(?:\s+for\s+[A-Za-z]+(?:\s+and\s+[A-Za-z]+)?)?"  # "… for Commerce"
    r"(?:\s+\([A-Z]{2,6}\))?"  # "US Trade Representative (USTR) Jamieson Greer"
    r"(?:,[ \t]+(?=[A-Z]\S*[ \t]+[A-Z])|[ \t]+)"  # on the same line; after a comma, two words
    rf"(?P<name>(?:{_NAME_WORD})(?:\s(?:{_NAME_PARTICLE}\s(?:{_NAME_PARTICLE}\s)?)?"
    rf"(?:{_NAME_WORD})){{0,3}})")

#: Event patterns: (regex, canonical name). ``{c}``/``{a}``/``{b}`` in a regex stand for a
#: country name and in the canonical name for its display name; ``{y}`` for a stated year.
_EVENT_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:full-scale\s+)?invasion\s+of\s+(?P<c>{C})", "Invasion of {c}"),
    (r"(?P<c>{C})\s+invasion", "Invasion of {c}"),
    (r"(?P<a>{C})\s?[-–]\s?(?P<b>{C})\s+(?i:conflict|war|crisis)", "{a}–{b} conflict"),
    (r"(?i:war\s+(?:in|on|against))\s+(?P<c>{C})", "War in {c}"),
    (r"(?P<c>{C})\s+(?i:war|conflict)\b", "War in {c}"),
    (r"(?i:conflict\s+in)\s+(?P<c>{C})", "War in {c}"),
    (r"(?i:aggression\s+(?:against|on|in))\s+(?P<c>{C})", "War in {c}"),
    (r"(?i:special\s+military\s+operation\s+(?:in|against))\s+(?P<c>{C})", "War in {c}"),
    (r"(?i:emergency\s+special\s+session)", "UN General Assembly emergency special session"),
    (r"Cold War", "Cold War"),
    (r"(?:First|Second) World War|World War (?:I|II|One|Two)\b", "World War"),
    (r"(?:(?P<y>(?:19|20)\d{2})\s+)?(?i:border\s+(?P<w>clash|standoff|skirmish|war|conflict))",
     "{y}border {w}"),
    (r"(?i:\bsanctions\b)", "Sanctions"),
    (r"(?i:\b(?:re-?election|(?:general|parliamentary|presidential)\s+elections?))\b",
     "Election"),
    (r"(?i:(?:covid-19|coronavirus)\s+pandemic|\bpandemic\b)", "COVID-19 pandemic"),
    (r"(?i:(?:global\s+)?financial\s+crisis)", "Financial crisis"),
)


def _collect(found: dict, key, span) -> None:
    spans = found.setdefault(key, [])
    if span not in spans:
        spans.append(span)


def _find_countries(text: str) -> dict:
    names = text_names()
    found: dict = {}
    for m in _country_pattern().finditer(text):
        code = names[m.group()]
        _collect(found, ("country", country_name(code), code), m.span())
    return found


def _find_groupings(text: str) -> dict:
    found: dict = {}
    for start, end, code in groupings.find(text):
        _collect(found, ("grouping", groupings.name(code), code), (start, end))
    return found


#: "Ajay Srivastava, founder, GTRI", "Hetal Gandhi, Director-Research, Crisil": a name followed
#: by a role in apposition.
_ROLES = (r"president|vice-president|founder|co-founder|director(?:-\w+)?|chairman|chairwoman|"
          r"chief|secretary|minister|ambassador|consul(?:\s+general)?|spokes(?:person|man|woman)|"
          r"head|CEO|economist|analyst|professor|partner|adviser|advisor|envoy|specialist|"
          r"expert|strategist|researcher|fellow")
_P_APPOSITION = re.compile(
    rf"(?P<name>[A-Z][a-z’'\-]+(?:\s(?:[A-Z]{{1,2}}\.?|[A-Z][a-z’'\-]+)){{1,2}}),\s+"
    rf"(?:the\s+|a\s+)?(?:[A-Z][a-z]+\s+)?(?i:{_ROLES})\b")
#: "Rajendra Khandelwal of MCCI said": a name, "of" and an organisation, then a verb of saying.
_P_OF_ORG_SAID = re.compile(
    r"(?P<name>[A-Z][a-z’'\-]+(?:\s[A-Z][a-z’'\-]+){1,2})\s+of\s+(?:the\s+)?"
    r"[A-Z][\w&.’'-]*(?:\s+(?:of\s+|for\s+|&\s+|and\s+)?[A-Z][\w&.’'-]*){0,6}"
    r"(?:\s+\([A-Z&]+\))?,?\s+(?:said|says|spoke|told|added|noted|stated|observed|explained)\b")
_ORG_WORD = re.compile(r"[’']$|^(?:Chamber|Council|Ministry|Department|Bank|Association|Federation|"
                       r"Institute|Centre|Center|Board|Commission|Committee|Office|Group|"
                       r"Company|Corporation|University|Foundation|Forum|Agency|Union)$")
_NOT_PEOPLE = re.compile(r"Desk|News|Staff|Bureau|Agency|Service|Times|Reuters|PTI|Press")


def _find_people(text: str, byline: str = "") -> dict:
    names: list[str] = []
    for name in (n.strip() for n in re.split(r",|\s+and\s+|\s+&\s+", byline)):
        if len(name.split()) >= 2 and not _NOT_PEOPLE.search(name) and name in text:
            names.append(name)
    for m in _P_APPOSITION.finditer(text):
        words = m["name"].split()
        if words[0] in _NAME_STOP or any(w in text_names() for w in words):
            continue
        if " ".join(words) not in names:
            names.append(" ".join(words))
    for m in _P_OF_ORG_SAID.finditer(text):
        words = m["name"].split()
        if words[0] in _NAME_STOP or any(w in text_names() or _ORG_WORD.search(w) for w in words):
            continue
        if " ".join(words) not in names:
            names.append(" ".join(words))
    for m in _P_PERSON.finditer(text):
        words = m["name"].split()
        for i, w in enumerate(words):  # "Modi's Historic": the name ends at the possessive
            if re.search(r"[’']s$", w):
                words = words[:i] + [re.sub(r"[’']s$", "", w)]
                break
        while words and words[-1].rstrip("’'s") in _NAME_STOP | set(text_names()):
            words.pop()
        name = " ".join(w for w in words if w not in _NAME_STOP)
        if any(_ORG_WORD.search(w) for w in words) or _ORG_WORD.search(
                (re.match(r"\s+([A-Z]\w+)", text[m.end():]) or ["", ""])[1]):
            continue  # "Prince Saud Al Faisal Institute": an organisation named for a person
        if name and name not in names and name not in groupings.GROUPINGS:
            names.append(name)
    for surname, name in _KNOWN_PEOPLE.items():
        if re.search(rf"(?<![\w.]){re.escape(surname)}(?![\w-])", text) and not any(
                n == surname or n.endswith(" " + surname) for n in names):
            names.append(name)
    # A surname given alone ("Prime Minister Modi") joins a full name ending in it.
    full = [n for n in names if not any(o != n and o.endswith(" " + n) for o in names)]
    found: dict = {}
    for name in full:
        taken: list[tuple[int, int]] = []
        surnames = [k for k, v in _KNOWN_PEOPLE.items() if v == name] or [name.split()[-1]]
        for form in (name, *surnames):
            for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?!\w)", text):
                if all(m.end() <= a or m.start() >= b for a, b in taken):
                    taken.append(m.span())
        for span in sorted(taken):
            _collect(found, ("person", name, None), span)
    return found


def _find_events(text: str) -> dict:
    country = _country_pattern().pattern
    names = text_names()
    found: dict = {}
    taken: list[tuple[int, int]] = []
    for pattern, canonical in _EVENT_PATTERNS:
        regex = pattern.replace("{C}", country)
        for m in re.finditer(regex, text):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            groups = {k: country_name(names[v]) for k, v in m.groupdict().items()
                      if v and k in "abc"}
            groups["y"] = f"{m['y']} " if "y" in m.groupdict() and m["y"] else ""
            groups["w"] = m["w"].lower() if "w" in m.groupdict() else ""
            name = canonical.format(**groups)
            taken.append(m.span())
            _collect(found, ("event", name[0].upper() + name[1:], None), m.span())
    return found


_KIND_ORDER = ("country", "person", "grouping", "event")


def extract_entities(text: str, byline: str = "") -> tuple[Entity, ...]:
    """Countries, people, groupings and events named in ``text``, each with all its spans.
    ``byline`` (the article's author line) adds its authors as people.

    Ordered by kind (country, person, grouping, event), then by first appearance.
    """
    found: dict = {}
    for finder in (_find_countries, _find_groupings, _find_events):
        found.update(finder(text))
    found.update(_find_people(text, byline))
    entities = [Entity(name=n, kind=k, code=c, spans=tuple(sorted(spans)))
                for (k, n, c), spans in found.items()]
    entities.sort(key=lambda e: (_KIND_ORDER.index(e.kind), e.spans[0]))
    return tuple(entities)
