"""Country codes: ISO 3166 alpha-3 inside the code, short English names only on screen.

Lookups go through pycountry (the ISO 3166 tables, current and historic) with a small set of
short display names and aliases that news sources and statistical offices use.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from analysis.errors import ParameterError

#: Pseudo-code for "all partners" (a reporter's world total). Not an ISO code.
WORLD = "WLD"

# Short names shown on screen where the ISO name is long or formal.
_DISPLAY = {
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "IRN": "Iran",
    "SYR": "Syria",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "LAO": "Laos",
    "MDA": "Moldova",
    "ARE": "United Arab Emirates",
    "CZE": "Czechia",
    "TUR": "Türkiye",
    "COD": "DR Congo",
    "FSM": "Micronesia",
    "SUN": "Soviet Union",
    "YUG": "Yugoslavia",
    "CSK": "Czechoslovakia",
    "DDR": "East Germany",
    "YMD": "South Yemen",
    WORLD: "World",
}

#: Names and abbreviations in common use that are not ISO names, as written → alpha-3.
ALIASES = {
    "Russia": "RUS", "US": "USA", "U.S.": "USA", "USA": "USA", "United States": "USA",
    "America": "USA", "UK": "GBR", "Britain": "GBR", "UAE": "ARE", "South Korea": "KOR",
    "Korea": "KOR", "North Korea": "PRK", "Iran": "IRN", "Syria": "SYR", "Vietnam": "VNM",
    "Taiwan": "TWN", "Tanzania": "TZA", "Turkey": "TUR", "Soviet Union": "SUN", "USSR": "SUN",
    "Holland": "NLD", "Netherland": "NLD",
    # older or shorter names news prose still uses
    "Czech Republic": "CZE", "Ivory Coast": "CIV", "Macedonia": "MKD", "Burma": "MMR",
    "Palestine": "PSE", "State of Palestine": "PSE", "Holy See": "VAT", "Vatican": "VAT",
    "Democratic Republic of Congo": "COD", "Democratic Republic of the Congo": "COD",
    "DR Congo": "COD", "Cape Verde": "CPV", "East Timor": "TLS", "Swaziland": "SWZ",
    "Brunei": "BRN", "St Lucia": "LCA", "Turkiye": "TUR", "Republic of Korea": "KOR",
    "Republic of Moldova": "MDA", "Federated States of Micronesia": "FSM",
    "St Kitts and Nevis": "KNA", "St Vincent and the Grenadines": "VCT", "Bosnia": "BIH",
}

#: Adjectives and demonyms → alpha-3 ("Indian" → IND).
DEMONYMS = {
    "Indian": "IND", "Russian": "RUS", "Ukrainian": "UKR", "Chinese": "CHN", "Austrian": "AUT",
    "American": "USA", "British": "GBR", "Pakistani": "PAK", "Japanese": "JPN", "German": "DEU",
    "French": "FRA", "Italian": "ITA", "Spanish": "ESP", "Brazilian": "BRA", "Iranian": "IRN",
    "Israeli": "ISR", "Turkish": "TUR", "Saudi": "SAU", "Emirati": "ARE", "Vietnamese": "VNM",
    "Korean": "KOR", "Australian": "AUS", "Canadian": "CAN", "Mexican": "MEX",
    "Afghan": "AFG", "Bangladeshi": "BGD", "Nepali": "NPL", "Sri Lankan": "LKA",
    "Indonesian": "IDN", "Polish": "POL", "Belarusian": "BLR", "Kazakh": "KAZ", "Uzbek": "UZB",
    "Egyptian": "EGY", "Soviet": "SUN", "South African": "ZAF", "Dutch": "NLD", "Swiss": "CHE",
    "Swedish": "SWE", "Norwegian": "NOR", "Finnish": "FIN", "Greek": "GRC",
    "Singaporean": "SGP", "Malaysian": "MYS", "Thai": "THA", "Philippine": "PHL",
    "Filipino": "PHL", "Argentine": "ARG",
}

#: Seats of government that stand for the government in news prose ("the Kremlin said").
#: Capital cities are not counted as country mentions.
METONYMS = {"Kremlin": "RUS", "White House": "USA"}

_ALIASES = {k.upper(): v for k, v in ALIASES.items()} | {"WORLD": WORLD}


@lru_cache(maxsize=None)
def name(iso3: str) -> str:
    """Short English name for an ISO 3166 alpha-3 code (``RUS`` → ``Russia``)."""
    code = str(iso3).upper()
    if code in _DISPLAY:
        return _DISPLAY[code]
    country = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(
        alpha_3=code
    )
    if country is None:
        raise ParameterError(f"{iso3!r} is not an ISO 3166 alpha-3 country code (e.g. RUS, CHN)")
    return getattr(country, "common_name", None) or country.name


# short names that take "the" inside a sentence ("least with the United States")
_WITH_THE = {"USA", "GBR", "ARE", "NLD", "PHL", "COD", "CAF", "DOM", "BHS", "GMB", "MDV",
             "MHL", "SLB", "COM", "SUN"}


def in_text(iso3: str) -> str:
    """:func:`name` as it reads inside a sentence: ``USA`` → ``the United States``,
    ``RUS`` → ``Russia``."""
    return f"the {name(iso3)}" if str(iso3).upper() in _WITH_THE else name(iso3)


def is_iso3(code: object) -> bool:
    """True when ``code`` is a current or historic ISO alpha-3 code (or ``WLD``)."""
    try:
        name(str(code))
    except ParameterError:
        return False
    return len(str(code)) == 3 and str(code).isupper()


def adjectives(iso3: str) -> list[str]:
    """The adjectives/demonyms of a country (``RUS`` → ``["Russian"]``), possibly none."""
    return [word for word, code in DEMONYMS.items() if code == str(iso3).upper()]


@lru_cache(maxsize=1)
def text_names() -> dict[str, str]:
    """Every way a text names a country that this project recognises, as written → alpha-3:
    ISO names (without commas or brackets), short display names, aliases, demonyms and
    metonyms ("Kremlin")."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), name(c.alpha_3)):
            if n and not any(ch in n for ch in ",()"):
                names[n] = c.alpha_3
    return names | ALIASES | DEMONYMS | METONYMS


@lru_cache(maxsize=None)
def iso3_from_name(text: str) -> str:
    """ISO alpha-3 code for a country name or common alias (``"SAUDI ARABIA"`` → ``SAU``).

    Raises ParameterError when the name is not recognised.
    """
    key = " ".join(str(text).replace("_", " ").split()).upper()
    if key in _ALIASES:
        return _ALIASES[key]
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}
        if key in {n.upper() for n in names if n}:
            return country.alpha_3
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        raise ParameterError(f"unknown country name {text!r}") from None


def iso3_from_alpha2(code: str) -> str:
    """ISO alpha-3 code for an alpha-2 code, including historic ones (``SU`` → ``SUN``)."""
    c = pycountry.countries.get(alpha_2=str(code).upper())
    if c is not None:
        return c.alpha_3
    for h in pycountry.historic_countries:
        if getattr(h, "alpha_2", None) == str(code).upper():
            return h.alpha_3
    raise ParameterError(f"{code!r} is not an ISO 3166 alpha-2 country code")
