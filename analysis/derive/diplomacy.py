"""Build data/diplomacy/ from the gathered diplomacy sources.

Inputs (``../shared/sources/diplomacy/``, described in its SOURCES.md):
the Voeten UN General Assembly roll-call data as packaged in the R package ``unvotes`` and the
Ukraine resolutions transcribed from news pages. Facts that were not staged there (UN admission
dates, membership of groupings, arms-import shares) are written below as small tables, each row
naming the page it was taken from; a fact without such a page is left out and listed as a gap.

Tables written (each with a ``.meta.yml`` sidecar):
``unga_votes_panel``, ``unga_panel_countries``, ``unga_roll_calls``, ``unga_roll_call_issues``,
``un_membership``, ``ukraine_resolutions``, ``ukraine_votes``, ``groupings``,
``india_arms_imports``.

The build is deterministic: rows are sorted, floats are not involved in the vote tables, YAML is
dumped with a fixed key order, so two runs write the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.countries import iso3_from_alpha2
from analysis.derive.tables import derived_by, write_table
from analysis.errors import DataError

RETRIEVED = "2026-11-25"

#: The roll-call panel: the countries whose recorded votes are kept (ISO alpha-3).
PANEL = ("IND", "RUS", "CHN", "USA", "GBR", "FRA", "BRA", "ZAF", "JPN", "DEU", "PAK", "UKR",
         "AUS", "EGY", "ETH", "IRN", "ARE")

# Names in the source whose alpha-2 code is missing or which continue another member's seat.
# Everything else is mapped with iso3_from_alpha2 on the source's own code.
_SOURCE_NAME_TO_ISO3 = {
    # The source gives the Federal Republic of Germany (1973-1990) no code; the united Germany
    # (from 3 October 1990) continues the FRG's membership, so both are DEU here.
    "Federal Republic of Germany": "DEU",
}
_CONTINUITY_NOTES = {
    ("RUS", "Russia"): "The source records the Soviet Union's votes (1946 to 24 December 1991) "
                       "under Russia; the Russian Federation continued the USSR's membership "
                       "(letter of 24 December 1991), so one series RUS covers both.",
    ("DEU", "Federal Republic of Germany"): "West Germany (admitted 18 September 1973), no code "
                       "in the source; mapped to DEU because united Germany continues its "
                       "membership from 3 October 1990. East Germany's votes are not in DEU.",
    ("DEU", "Germany"): "United Germany (from 3 October 1990).",
    ("CHN", "China"): "People's Republic of China, from its first recorded vote (November 1971). "
                      "The Republic of China's votes for the China seat (1946-1971) are recorded "
                      "under Taiwan in the source and are not part of CHN.",
    ("UKR", "Ukraine"): "Includes the Ukrainian SSR's votes (an original UN member) before 1991.",
    ("EGY", "Egypt"): "Includes the United Arab Republic's votes 1958-1961 as recorded under "
                      "Egypt in the source.",
}

ISSUES = {  # source short_name → (issue as written in the source)
    "me": "Palestinian conflict",
    "nu": "Nuclear weapons and nuclear material",
    "di": "Arms control and disarmament",
    "co": "Colonialism",
    "hr": "Human rights",
    "ec": "Economic development",
}

# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------
_WEB_LICENCE = "Publisher's copyright; only the facts listed are used, no text is reproduced."

UNVOTES = {
    "id": "UNVOTES",
    "publisher": "Erik Voeten (data); David Robinson (R package unvotes)",
    "title": "United Nations General Assembly voting data (Voeten, 'Data and Analyses of Voting "
             "in the UN General Assembly', Routledge Handbook of International Organization, "
             "2013; Harvard Dataverse hdl:1902.1/12379), as packaged in unvotes "
             "(data/un_votes.rda, un_roll_calls.rda, un_roll_call_issues.rda at commit "
             "7eb7034314ff79c49c9e0785fcd9d216fa04cf14, 2021-03-08)",
    "url": "https://github.com/dgrtwo/unvotes",
    "retrieved": RETRIEVED,
    "licence": "MIT (unvotes package); cite Voeten (2013) for the data",
}

# Sources for UN membership dates, grouping membership and arms imports (found with the
# project's search of stored public pages; retrieved on the build date unless noted).
WEB = {
    "UN_ROSTER_1974": ("United Nations (Yearbook of the United Nations 1974)",
                       "Appendix I: Roster of the United Nations (as at 31 December 1974)",
                       "https://docslib.org/download/11011037/1974-appendices"),
    "UN_MEMBER_STATES_WS": ("United Nations (via Wikisource)",
                            "United Nations Member States, page 6 (Member, Date of Admission)",
                            "https://en.wikisource.org/wiki/Page:UNITED_NATIONS_MEMBER_STATES.djvu/6"),
    "UNTC_CHARTER": ("United Nations Treaty Collection",
                     "Charter of the United Nations: status (entry into force 24 October 1945; "
                     "ratifications)",
                     "https://treaties.un.org/doc/Publication/MTDSG/Volume%20I/Chapter%20I/I-1.en.xml"),
    "ENCYC_UN_MEMBERSHIP": ("Encyclopedia.com (Worldmark Encyclopedia of the Nations)",
                            "United Nations: Membership",
                            "http://www.encyclopedia.com/social-sciences-and-law/political-science-and-government/united-nations/membership"),
    "ASKUN_USSR": ("United Nations Dag Hammarskjöld Library (Ask DAG)",
                   "Letters of 24 December 1991 regarding the continuation of the membership of "
                   "the USSR by the Russian Federation",
                   "https://ask.un.org/faq/378083"),
    "ASKUN_P5": ("United Nations Dag Hammarskjöld Library (Ask DAG)",
                 "On what basis was Security Council permanent membership granted? (Article 23 "
                 "of the Charter)",
                 "http://ask.un.org/faq/14518"),
    "TAO_RES2758": ("Taiwan Affairs Office of the State Council (PRC)",
                    "UNGA Resolution 2758 Q&A Series: Question 2 (text of the resolution, "
                    "adopted 25 October 1971)",
                    "http://eng.taiwan.cn/cross_strait_exchanges/202504/t20250425_12697525.htm"),
    "HEADPOST_SCO_2024": ("Head Post",
                          "Belarus joins SCO, becomes its 10th member state",
                          "https://head-post.com/belarus-joins-sco-becomes-its-10th-member-state"),
    "LATIMES_BRICS_2023": ("Los Angeles Times (Associated Press)",
                           "Iran, Saudi Arabia, Egypt among six countries to join BRICS economic "
                           "bloc (24 August 2023)",
                           "https://www.latimes.com/world-nation/story/2023-08-24/iran-saudi-arabia-egypt-join-brics-economic-bloc"),
    "MG_BRICS_2010": ("Mail & Guardian",
                      "South Africa invited to join Bric group (24 December 2010)",
                      "http://mg.co.za/print/2010-12-24-south-africa-invited-to-join-bric-group"),
    "APP_BRICS_2024": ("Associated Press of Pakistan (reporting CGTN)",
                       "Five countries formally join BRICS (1 January 2024)",
                       "https://www.app.com.pk/global/five-countries-formally-join-brics/"),
    "SPUTNIK_BRICS_2025": ("Sputnik",
                           "Indonesia Joins BRICS as Full Member (6 January 2025; quotes the "
                           "Brazilian Foreign Ministry)",
                           "https://sputnikglobe.com/20250106/brazil-announces-indonesia-joined-brics-as-full-member-1121370949.html"),
    "MINT_G20_2023": ("Mint",
                      "G20 agrees to grant permanent membership to African Union on par with "
                      "European Union (7 September 2023)",
                      "https://www.livemint.com/news/india/g20-agrees-to-grant-permanent-membership-to-african-union-on-par-with-european-union-report/amp-11694070146894.html"),
    "XINHUA_EAS_2010": ("Xinhua (via keyanhelp.cn)",
                        "ASEAN to formally invite Russia, U.S. to join East Asia Summit from "
                        "2011 (29 October 2010)",
                        "http://m.keyanhelp.cn/world/2010-10/29/content_21231739.htm"),
    "WN_EAS_2011": ("WN.com",
                    "Sixth East Asia Summit (Bali, 18-19 November 2011; first summit Kuala "
                    "Lumpur, 14 December 2005)",
                    "http://wn.com/Sixth_East_Asia_Summit"),
    "WIKI_QUAD": ("Wikipedia",
                  "Quadrilateral Security Dialogue",
                  "https://en.wikipedia.org/wiki/Quadrilateral_Security_Dialogue"),
    "DH_SIPRI_2024": ("Deccan Herald (reporting SIPRI, Trends in International Arms Transfers, "
                      "2023)",
                      "India again tops global arms imports, Russia main supplier: SIPRI "
                      "(11 March 2024)",
                      "https://www.deccanherald.com/india/india-again-tops-global-arms-imports-russia-main-supplier-sipri-2931533"),
    "VAJIRAM_SIPRI_2023": ("Vajiram & Ravi (summarising SIPRI, Trends in International Arms "
                           "Transfers, 2022)",
                           "SIPRI report on India's arms imports (March 2023)",
                           "https://vajiramias.com/current-affairs/sipri-report-on-indias-arms-imports/64102748c302e7722638df59"),
}

# The Ukraine resolutions: sources named in SOURCES.md (transcribed from stored news pages).
UKRAINE_SOURCES = {  # publisher, what the stored page says (as described in SOURCES.md)
    "WIKI_68_262": ("Wikipedia", "United Nations General Assembly Resolution 68/262 (27 March "
                    "2014: 100-11-58, 24 absent; Russia among the 11 against; China abstained)"),
    "BS_PTI_2014_03_27": ("Business Standard / PTI",
                          "UNGA adopts resolution backing Ukraine's territorial integrity "
                          "(27 March 2014)"),
    "TRIBUNE_2022_03_02": ("The Tribune (India)", "report of 2 March 2022: India abstained; "
                           "141-5-35"),
    "NEWSAM_2022_03_02": ("news.am", "report of 2 March 2022: the five against; abstentions "
                          "including China, South Africa, Pakistan, India; Turkey in favour"),
    "KASHMIRMONITOR_2022_03_03": ("The Kashmir Monitor", "report of 3 March 2022: India, "
                                  "Pakistan, Bangladesh, China among 35 abstaining; the US "
                                  "ambassador's call to vote yes"),
    "QUINT_2022_04_07": ("The Quint", "report of 7 April 2022: Russia suspended from the Human "
                         "Rights Council, 93-24-58, India abstained"),
    "INDIANSUBCONTINENT_2022_04_07": ("theindiansubcontinent.com (AFP report)", "report of "
                                      "7 April 2022: proposed by the US; against including "
                                      "China and Russia; South Africa abstained"),
    "OPINDIA_2022_04_07": ("OpIndia", "report of 7 April 2022: abstentions including India, "
                           "Brazil, Pakistan, South Africa"),
    "NATIONALHERALD_2022_10_13": ("National Herald", "report of 13 October 2022: annexations "
                                  "resolution 143-5-35; the five against; India abstained"),
    "XTRA_2022_10_13": ("xtra.net (Al Jazeera report)", "report of 13 October 2022: "
                        "abstentions including China, India, Pakistan, South Africa"),
    "TVPUNJAB_2023_02_23": ("TV Punjab", "report of 23 February 2023: 'lasting peace' "
                            "resolution 141-7-32; India abstained"),
    "TRTWORLD_2023_02_23": ("TRT World", "report of 24 February 2023: abstentions including "
                            "China, Pakistan, India"),
    "UKRAINETODAY_2023_02_23": ("ukrainetoday.org", "report of 23 February 2023: the seven "
                                "against"),
    "BUSINESSTODAY_2025_02_25": ("Business Today", "report of 25 February 2025: 93-18-65; US "
                                 "against; India, China, Brazil, South Africa, Pakistan among "
                                 "those abstaining"),
    "PRAVDA_2025_02_24": ("European Pravda", "report of 24 February 2025: the 18 against, "
                          "including the US and Russia"),
}


def _web_source(sid: str) -> dict:
    publisher, title, url = WEB[sid]
    return {"id": sid, "publisher": publisher, "title": title, "url": url,
            "retrieved": RETRIEVED, "licence": _WEB_LICENCE}


def _ukraine_source(sid: str) -> dict:
    publisher, title = UKRAINE_SOURCES[sid]
    return {"id": sid, "publisher": publisher, "title": title,
            "document": "stored news page transcribed in ../shared/sources/diplomacy/"
                        "(see its SOURCES.md, source id " + sid + ")",
            "retrieved": RETRIEVED, "licence": _WEB_LICENCE}


# ---------------------------------------------------------------------------------------------
# Cited facts not staged as files: UN membership, groupings, arms imports
# ---------------------------------------------------------------------------------------------
# (iso3, member_from, member_to, source_id, note)
UN_MEMBERSHIP = [
    ("ARE", "1971-12-09", "", "UN_MEMBER_STATES_WS", ""),
    ("AUS", "1945-11-01", "", "UN_ROSTER_1974", ""),
    ("BRA", "1945-10-24", "", "UN_ROSTER_1974", ""),
    ("CHN", "1971-10-25", "", "TAO_RES2758",
     "Representation of China by the People's Republic from GA resolution 2758 (25 October "
     "1971); the China seat (a member since 24 October 1945) was held by the Republic of China "
     "before, whose votes are not part of CHN."),
    ("DEU", "1973-09-18", "", "ENCYC_UN_MEMBERSHIP",
     "Federal Republic of Germany admitted 18 September 1973; the two German states united "
     "from 3 October 1990 as one member."),
    ("EGY", "1945-10-24", "", "UN_MEMBER_STATES_WS",
     "Original member; with Syria formed the United Arab Republic 1958-1961, which continued "
     "as a single member."),
    ("ETH", "1945-11-13", "", "UNTC_CHARTER",
     "Original member; ratification deposited 13 November 1945 (after the Charter entered "
     "into force)."),
    ("FRA", "1945-10-24", "", "UNTC_CHARTER",
     "Original member; ratified 31 August 1945, member from the Charter's entry into force."),
    ("GBR", "1945-10-24", "", "UN_MEMBER_STATES_WS", ""),
    ("IND", "1945-10-30", "", "UN_ROSTER_1974", "Original member."),
    ("IRN", "1945-10-24", "", "UN_ROSTER_1974", ""),
    ("JPN", "1956-12-18", "", "UN_ROSTER_1974", ""),
    ("PAK", "1947-09-30", "", "UN_ROSTER_1974", ""),
    ("RUS", "1945-10-24", "", "UNTC_CHARTER",
     "Original member as the USSR (ratified 24 October 1945); membership continued by the "
     "Russian Federation from 24 December 1991 (source ASKUN_USSR)."),
    ("UKR", "1945-10-24", "", "UN_MEMBER_STATES_WS", "Original member as the Ukrainian SSR."),
    ("USA", "1945-10-24", "", "UN_MEMBER_STATES_WS", ""),
    ("ZAF", "1945-11-07", "", "UN_ROSTER_1974",
     "A member throughout; the source records no South African votes for long periods "
     "(South Africa did not take part in the Assembly's work 1974-1994)."),
]

_ASEAN = ("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM")
_G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
        "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA")

# (grouping, iso3, joined_date, joined_year, left_date, left_year, source_id, note)
GROUPINGS: list[tuple] = []
for c in ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"):
    GROUPINGS.append(("SCO", c, "2001-06-15", 2001, "", "", "HEADPOST_SCO_2024",
                      "Founding member (Shanghai, 15 June 2001)."))
for c in ("IND", "PAK"):
    GROUPINGS.append(("SCO", c, "2017-06-09", 2017, "", "", "HEADPOST_SCO_2024",
                      "Joined at the Astana summit."))
GROUPINGS.append(("SCO", "IRN", "2023-07-04", 2023, "", "", "HEADPOST_SCO_2024", ""))
GROUPINGS.append(("SCO", "BLR", "", 2024, "", "", "HEADPOST_SCO_2024",
                  "Admitted at the Astana summit, July 2024; sources differ on the exact date, "
                  "so none is given."))
for c in ("BRA", "RUS", "IND", "CHN"):
    GROUPINGS.append(("BRICS", c, "", 2009, "", "", "LATIMES_BRICS_2023",
                      "The source says the bloc was formed in 2009 by Brazil, Russia, India and "
                      "China (other sources date the first meeting to 2006)."))
GROUPINGS.append(("BRICS", "ZAF", "2010-12-24", 2010, "", "", "MG_BRICS_2010",
                  "Invited as a full member, announced 24 December 2010."))
for c in ("EGY", "ETH", "IRN", "ARE"):
    GROUPINGS.append(("BRICS", c, "2024-01-01", 2024, "", "", "APP_BRICS_2024",
                      "Membership took effect 1 January 2024."))
GROUPINGS.append(("BRICS", "IDN", "2025-01-06", 2025, "", "", "SPUTNIK_BRICS_2025",
                  "Admission announced by the Brazilian presidency on 6 January 2025."))
for c in _G20:
    GROUPINGS.append(("G20", c, "", 1999, "", "", "MINT_G20_2023",
                      "The source lists the 19 member countries and says the group was formed "
                      "in 1999."))
for c in _ASEAN + ("AUS", "CHN", "IND", "JPN", "NZL", "KOR"):
    GROUPINGS.append(("EAS", c, "2005-12-14", 2005, "", "", "XINHUA_EAS_2010",
                      "One of the 16 participants (ten ASEAN members and six dialogue "
                      "partners); first summit Kuala Lumpur, 14 December 2005 (WN_EAS_2011)."))
for c in ("RUS", "USA"):
    GROUPINGS.append(("EAS", c, "", 2011, "", "", "XINHUA_EAS_2010",
                      "Invited to take part from 2011; joined at the sixth summit, Bali, "
                      "November 2011 (WN_EAS_2011)."))
for c in ("AUS", "IND", "JPN", "USA"):
    GROUPINGS.append(("QUAD", c, "", 2007, "", 2008, "WIKI_QUAD",
                      "First Quad, 2007; ceased in 2008 when Australia withdrew."))
    GROUPINGS.append(("QUAD", c, "", 2017, "", "", "WIKI_QUAD",
                      "Revived in November 2017 (ASEAN summits, Manila)."))
for c in ("FRA", "GBR", "USA"):
    GROUPINGS.append(("UNSC_P5", c, "1945-10-24", 1945, "", "", "ASKUN_P5",
                      "Named a permanent member in Article 23 of the Charter (in force "
                      "24 October 1945, source UNTC_CHARTER)."))
GROUPINGS.append(("UNSC_P5", "RUS", "1945-10-24", 1945, "", "", "ASKUN_P5",
                  "Article 23 names the USSR; the Russian Federation continued its membership, "
                  "including the Security Council, from 24 December 1991 (ASKUN_USSR)."))
GROUPINGS.append(("UNSC_P5", "CHN", "1971-10-25", 1971, "", "", "TAO_RES2758",
                  "The seat named in Article 23 ('Republic of China') is held by the People's "
                  "Republic since GA resolution 2758 of 25 October 1971."))
_GROUPING_SOURCES_EXTRA = ("WN_EAS_2011", "UNTC_CHARTER", "ASKUN_USSR")

# (period, supplier iso3, share_pct, source_id, note)
ARMS = [
    ("2013-2017", "RUS", 64.0, "VAJIRAM_SIPRI_2023", "Share fell from 64% (2013-17) to 45%."),
    ("2018-2022", "RUS", 45.0, "VAJIRAM_SIPRI_2023", ""),
    ("2018-2022", "FRA", 29.0, "VAJIRAM_SIPRI_2023", ""),
    ("2018-2022", "USA", 11.0, "VAJIRAM_SIPRI_2023", ""),
    ("2019-2023", "RUS", 36.0, "DH_SIPRI_2024",
     "SIPRI: the first five-year period since 1960-64 in which deliveries from Russia (or the "
     "Soviet Union) made up less than half of India's arms imports."),
]


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
def _meta(title, description, columns, key, sources, *, coverage="", gaps=(), units=None,
          licence=None) -> dict:
    meta = {"title": title, "description": description}
    if units:
        meta["units"] = units
    if coverage:
        meta["coverage"] = coverage
    meta["gaps"] = list(gaps)
    meta["derived_by"] = derived_by(__name__)
    meta["licence"] = licence or "; ".join(sorted({s["licence"] for s in sources}))
    meta["primary_key"] = list(key)
    meta["columns"] = columns
    meta["sources"] = sources
    return meta


def _read_sources(sources: Path):
    files = {
        "votes": sources / "unga_votes_1946_2019.csv.gz",
        "calls": sources / "unga_roll_calls_1946_2019.csv",
        "issues": sources / "unga_roll_call_issues_1946_2019.csv",
        "ukr": sources / "ukraine_resolutions.csv",
        "ukr_votes": sources / "ukraine_resolution_votes.csv",
    }
    for p in files.values():
        if not p.exists():
            raise DataError(f"{p}: source file is missing (see SOURCES.md beside it)")
    read = {k: pd.read_csv(p, dtype=str, keep_default_na=False) for k, p in files.items()}
    return read


_UNVOTES_GAPS = [
    "Coverage ends with the 74th session (last roll call 2020-01-14): no 2020-2025 votes, so "
    "the 2022-2025 Ukraine votes are not in this table (see ukraine_votes).",
    "Resolutions adopted without a vote (most of the Assembly's decisions) have no roll call.",
    "A panel country with no row on a roll call has 'no recorded vote': it was absent, not "
    "participating, or not a member; the source does not say which. The library calls it "
    "absent only where un_membership establishes membership on that date.",
    "Roll-call dates for some early or long sessions are approximate in the source (e.g. the "
    "first session is dated 1946-01-01; resolution 2758 is dated 1971-10-07 although adopted "
    "on 25 October 1971).",
]


def build(sources: Path, out: Path, log=print) -> list[Path]:
    """Write the diplomacy tables and sidecars under ``out``; return the files written."""
    src = _read_sources(Path(sources))
    out = Path(out)
    written: list[Path] = []

    # --- roll calls -------------------------------------------------------------------------
    calls = src["calls"].copy()
    calls["rcid"] = calls["rcid"].astype(int)
    calls["session"] = calls["session"].astype(float).astype(int)
    roll = pd.DataFrame({
        "rcid": calls["rcid"],
        "session": calls["session"],
        "date": calls["date"],
        "resolution": calls["unres"].str.strip(),
        "amendment": calls["amend"].map({"1": "true", "0": "false", "": ""}),
        "important_vote": calls["importantvote"].map({"1": "true", "0": "false", "": ""}),
        "short_title": calls["short"].str.strip().str.replace(r"\s+", " ", regex=True),
    }).sort_values("rcid").reset_index(drop=True)
    rc_dates = dict(zip(roll["rcid"], roll["date"]))
    written += write_table(out, "unga_roll_calls", roll, _meta(
        "UN General Assembly roll calls, 1946-2019 (sessions 1-74)",
        "One row per recorded (roll-call) vote of the General Assembly: session, date, the "
        "resolution code, whether the vote was on an amendment, the US State Department "
        "'important vote' flag, and the source's short title. The source's long description "
        "(descr) is dropped to keep the table small; it is in the unvotes package.",
        {
            "rcid": {"type": "int", "min": 1, "description": "roll-call id in the source"},
            "session": {"type": "int", "min": 1, "max": 74, "description": "Assembly session"},
            "date": {"type": "date", "description": "date of the vote (as in the source)"},
            "resolution": {"type": "str", "nullable": True,
                           "description": "resolution code in the source's form "
                                          "R/<session>/<number>[part], e.g. R/68/262 for "
                                          "A/RES/68/262; empty where the source has none"},
            "amendment": {"type": "bool", "nullable": True,
                          "description": "vote on an amendment (empty: not coded)"},
            "important_vote": {"type": "bool", "nullable": True,
                               "description": "US State Department 'important vote' "
                                              "(empty: not coded)"},
            "short_title": {"type": "str", "nullable": True,
                            "description": "short title as in the source (upper case for older "
                                           "sessions; sometimes a topic rather than the title)"},
        },
        ["rcid"], [UNVOTES], coverage="1946-01-01 to 2020-01-14; 6,203 roll calls",
        gaps=_UNVOTES_GAPS + [
            "short_title is the source's field and is occasionally a topic heading rather than "
            "the resolution's title (R/68/262, 'Territorial integrity of Ukraine', carries "
            "'ARMED CONFLICTS PREVENTION--MEDIATION')."]))

    # --- issues ------------------------------------------------------------------------------
    iss = src["issues"].copy()
    unknown = sorted(set(iss["short_name"]) - set(ISSUES))
    if unknown:
        raise DataError(f"unga_roll_call_issues: unknown issue code(s) {unknown}")
    issues = pd.DataFrame({"rcid": iss["rcid"].astype(int), "issue_code": iss["short_name"],
                           "issue": iss["short_name"].map(ISSUES)})
    issues = issues.sort_values(["rcid", "issue_code"]).reset_index(drop=True)
    written += write_table(out, "unga_roll_call_issues", issues, _meta(
        "Issue tags of UN General Assembly roll calls, 1946-2019",
        "Which of six issues a roll call concerns (a roll call may carry several tags; most "
        "carry none).",
        {
            "rcid": {"type": "int", "min": 1, "description": "roll-call id (unga_roll_calls)"},
            "issue_code": {"type": "category", "allowed": list(ISSUES),
                           "description": "the source's short code"},
            "issue": {"type": "category", "allowed": list(ISSUES.values()),
                      "description": "the issue as named in the source"},
        },
        ["rcid", "issue_code"], [UNVOTES], coverage="5,745 tags on roll calls 1946-2019",
        gaps=["Tags are the source's; untagged roll calls may still concern these issues."]))

    # --- panel votes -------------------------------------------------------------------------
    votes = src["votes"]
    names = votes[["country", "country_code"]].drop_duplicates()

    def to_iso3(row) -> str | None:
        if row.country in _SOURCE_NAME_TO_ISO3:
            return _SOURCE_NAME_TO_ISO3[row.country]
        if not row.country_code:
            return None
        return iso3_from_alpha2(row.country_code)

    names = names.assign(iso3=[to_iso3(r) for r in names.itertuples()])
    names = names[names["iso3"].isin(PANEL)]
    missing = sorted(set(PANEL) - set(names["iso3"]))
    if missing:
        raise DataError(f"unga_votes: panel countries not found in the source: {missing}")
    panel = votes.merge(names, on=["country", "country_code"])
    bad = ~panel["vote"].isin(["yes", "no", "abstain"])
    if bad.any():
        raise DataError(f"unga_votes: unexpected vote value {panel.loc[bad, 'vote'].iloc[0]!r}")
    panel = panel.assign(rcid=panel["rcid"].astype(int))
    dup = panel.duplicated(["rcid", "iso3"])
    if dup.any():
        raise DataError(f"unga_votes: two source countries map to one panel code on rcid "
                        f"{panel.loc[dup, 'rcid'].iloc[0]}")
    table = panel[["rcid", "iso3", "vote"]].sort_values(["rcid", "iso3"]).reset_index(drop=True)
    log(f"  unga_votes_panel: {len(table):,} votes of {len(PANEL)} countries")
    written += write_table(out, "unga_votes_panel", table, _meta(
        "Recorded UN General Assembly votes of a panel of countries, 1946-2019",
        "Each recorded vote (yes, no, abstain) of " + ", ".join(PANEL) + " on the roll calls in "
        "unga_roll_calls. Continuity of seats is explicit in unga_panel_countries (the USSR's "
        "votes are Russia's series; West Germany's are Germany's).",
        {
            "rcid": {"type": "int", "min": 1, "description": "roll-call id (unga_roll_calls)"},
            "iso3": {"type": "iso3", "description": "country (ISO 3166 alpha-3)"},
            "vote": {"type": "category", "allowed": ["yes", "no", "abstain"],
                     "description": "the recorded vote"},
        },
        ["rcid", "iso3"], [UNVOTES], coverage="1946-01-01 to 2020-01-14", gaps=_UNVOTES_GAPS))

    # --- panel country mapping ---------------------------------------------------------------
    span = panel.assign(date=panel["rcid"].map(rc_dates)).groupby(
        ["iso3", "country", "country_code"], as_index=False).agg(
        votes=("vote", "size"), first_vote=("date", "min"), last_vote=("date", "max"))
    span["note"] = [_CONTINUITY_NOTES.get((r.iso3, r.country), "") for r in span.itertuples()]
    span = span.rename(columns={"country": "source_country", "country_code": "source_code"})
    span = span.sort_values(["iso3", "first_vote"]).reset_index(drop=True)
    written += write_table(out, "unga_panel_countries", span, _meta(
        "How the roll-call panel's countries map onto the source's country records",
        "For each panel country (ISO alpha-3): the name and alpha-2 code the source uses, the "
        "number of recorded votes and the first and last dates with a vote, and how seats that "
        "changed hands are treated.",
        {
            "iso3": {"type": "iso3", "description": "panel country"},
            "source_country": {"type": "str", "description": "country name in the source"},
            "source_code": {"type": "str", "nullable": True,
                            "description": "ISO alpha-2 code in the source (empty: none given)"},
            "votes": {"type": "int", "min": 1, "description": "recorded votes in the panel"},
            "first_vote": {"type": "date", "description": "date of the first recorded vote"},
            "last_vote": {"type": "date", "description": "date of the last recorded vote"},
            "note": {"type": "str", "nullable": True, "description": "continuity of the seat"},
        },
        ["iso3", "source_country"], [UNVOTES], gaps=[
            "East Germany (German Democratic Republic, 1973-1990) is not mapped to DEU.",
            "The Republic of China's votes for the China seat (1946-1971) are not mapped to CHN."]))

    # --- UN membership -----------------------------------------------------------------------
    um = pd.DataFrame(UN_MEMBERSHIP, columns=["iso3", "member_from", "member_to", "source_id",
                                              "note"]).sort_values("iso3")
    if set(um["iso3"]) != set(PANEL):
        raise DataError(f"un_membership must cover the panel; missing "
                        f"{sorted(set(PANEL) - set(um['iso3']))}")
    um_ids = sorted(set(um["source_id"]) | {"ASKUN_USSR"})
    written += write_table(out, "un_membership", um.reset_index(drop=True), _meta(
        "UN membership of the roll-call panel's countries",
        "Date from which each panel country (or the seat it continues) was a UN member, with "
        "the page it is taken from. Used to tell a member's missing vote (absent or not "
        "voting) from a non-member's.",
        {
            "iso3": {"type": "iso3", "description": "panel country"},
            "member_from": {"type": "date", "description": "admission (or, for CHN, PRC "
                                                           "representation) date"},
            "member_to": {"type": "date", "nullable": True,
                          "description": "end of membership (empty: still a member)"},
            "source_id": {"type": "source", "description": "where the date is stated"},
            "note": {"type": "str", "nullable": True, "description": "continuity, caveats"},
        },
        ["iso3", "member_from"], [_web_source(s) for s in um_ids],
        gaps=["Only the panel's countries are covered.",
              "Indonesia's withdrawal (1965-1966) is not covered: Indonesia is not in the panel.",
              "Roll-call dates in the vote source are approximate for some sessions; a few fall "
              "before the admission date (the UAE's first recorded vote is dated 1971-12-03, "
              "its admission 1971-12-09). A recorded vote is always kept as recorded."]))

    # --- Ukraine resolutions -----------------------------------------------------------------
    ur = src["ukr"].copy()
    for c in ("yes", "no", "abstain"):
        ur[c] = ur[c].astype(int)
    ur = ur.sort_values("date").reset_index(drop=True)
    ur_ids = sorted(set(ur["source_id"]))
    written += write_table(out, "ukraine_resolutions", ur, _meta(
        "UN General Assembly resolutions on Ukraine, 2014-2025, with vote totals",
        "Resolution 68/262 (2014) and the resolutions of the eleventh emergency special session "
        "(ES-11) that were adopted by recorded vote, with the totals a named news source states.",
        {
            "resolution": {"type": "str", "description": "UN symbol, e.g. A/RES/ES-11/1"},
            "date": {"type": "date", "description": "date of adoption"},
            "title": {"type": "str", "description": "title of the resolution"},
            "yes": {"type": "int", "min": 0, "description": "votes in favour"},
            "no": {"type": "int", "min": 0, "description": "votes against"},
            "abstain": {"type": "int", "min": 0, "description": "abstentions"},
            "absent": {"type": "int", "min": 0, "nullable": True,
                       "description": "members not voting, where the source states it"},
            "source_id": {"type": "source", "description": "source of the line"},
        },
        ["resolution"], [_ukraine_source(s) for s in ur_ids],
        coverage="27 March 2014 to 24 February 2025",
        gaps=["ES-11/2 (24 March 2022, humanitarian consequences) and ES-11/5 (14 November "
              "2022, reparations) are not staged yet.",
              "Totals are as reported by news pages; the UN Digital Library voting records are "
              "the authoritative source for a later refresh.",
              "The source pages give no urls in the staged material; they are cited by "
              "publisher and date."]))

    uv = src["ukr_votes"].rename(columns={"country_iso3": "iso3"})
    uv = uv[["resolution", "iso3", "vote", "source_id", "note"]]
    uv = uv.sort_values(["resolution", "iso3"]).reset_index(drop=True)
    uv_ids = sorted(set(uv["source_id"]))
    written += write_table(out, "ukraine_votes", uv, _meta(
        "Named countries' votes on the Ukraine resolutions, 2014-2025 (news-sourced)",
        "A country's vote on a resolution in ukraine_resolutions, only where a named source "
        "states it. A country without a row is unknown here, not absent.",
        {
            "resolution": {"type": "str", "description": "UN symbol (ukraine_resolutions)"},
            "iso3": {"type": "iso3", "description": "country"},
            "vote": {"type": "category", "allowed": ["yes", "no", "abstain"],
                     "description": "vote as stated by the source"},
            "source_id": {"type": "source", "description": "source that names the country"},
            "note": {"type": "str", "nullable": True, "description": "what the source says"},
        },
        ["resolution", "iso3"], [_ukraine_source(s) for s in uv_ids],
        gaps=["Only the countries a source names are listed; everyone else is unknown.",
              "A 'yes' inferred from co-sponsorship (USA on 68/262 and ES-11/1) is flagged in "
              "the note; the roll-call data confirm it for 68/262."]))

    # --- groupings ---------------------------------------------------------------------------
    gr = pd.DataFrame(GROUPINGS, columns=["grouping", "iso3", "joined_date", "joined_year",
                                          "left_date", "left_year", "source_id", "note"])
    gr = gr.sort_values(["grouping", "iso3", "joined_year"]).reset_index(drop=True)
    gr_ids = sorted(set(gr["source_id"]) | set(_GROUPING_SOURCES_EXTRA))
    written += write_table(out, "groupings", gr, _meta(
        "Membership of international groupings: SCO, BRICS, G20, East Asia Summit, Quad, "
        "permanent seats of the UN Security Council",
        "One row per country and spell of membership, with the join date where a cited page "
        "states it (else only the year) and the exit where there was one.",
        {
            "grouping": {"type": "category",
                         "allowed": ["SCO", "BRICS", "G20", "EAS", "QUAD", "UNSC_P5"],
                         "description": "grouping (EAS: East Asia Summit; UNSC_P5: permanent "
                                        "members of the Security Council)"},
            "iso3": {"type": "iso3", "description": "member country"},
            "joined_date": {"type": "date", "nullable": True,
                            "description": "date membership began, where stated"},
            "joined_year": {"type": "int", "min": 1945, "description": "year membership began"},
            "left_date": {"type": "date", "nullable": True, "description": "exit date"},
            "left_year": {"type": "int", "nullable": True, "min": 1945,
                          "description": "exit year (empty: still a member)"},
            "source_id": {"type": "source", "description": "page stating the fact"},
            "note": {"type": "str", "nullable": True, "description": "detail, other sources"},
        },
        ["grouping", "iso3", "joined_year"], [_web_source(s) for s in gr_ids],
        coverage="memberships as stated by the cited pages (to January 2025)",
        gaps=[
            "Saudi Arabia and BRICS: invited for 2024 but reported as not having formalised "
            "membership (SPUTNIK_BRICS_2025); left out.",
            "BRICS partner countries (from 2025) and SCO observers / dialogue partners are not "
            "members and are not listed.",
            "G20: the European Union and the African Union (member from September 2023) are "
            "not countries and are not listed.",
            "East Asia Summit: Timor-Leste's participation after joining ASEAN is not covered.",
            "The Quad is an informal dialogue without formal accession; the spells follow the "
            "cited page.",
            "Exact dates are missing where sources give only a year or disagree (BRIC founding "
            "2006 vs 2009; Belarus in the SCO; Russia and the US in the EAS).",
        ]))

    # --- arms imports ------------------------------------------------------------------------
    ar = pd.DataFrame(ARMS, columns=["period", "supplier", "share_pct", "source_id", "note"])
    ar = ar.sort_values(["period", "supplier"]).reset_index(drop=True)
    written += write_table(out, "india_arms_imports", ar, _meta(
        "India's imports of major arms: share of the main suppliers (SIPRI), five-year periods",
        "Share of India's imports of major arms (SIPRI trend-indicator values) from a supplier "
        "over a five-year period, as reported from SIPRI's annual fact sheets.",
        {
            "period": {"type": "category", "allowed": ["2013-2017", "2018-2022", "2019-2023"],
                       "description": "five calendar years"},
            "supplier": {"type": "iso3", "description": "supplying country"},
            "share_pct": {"type": "float", "min": 0, "max": 100,
                          "description": "share of India's arms imports, percent"},
            "source_id": {"type": "source", "description": "page reporting SIPRI's figure"},
            "note": {"type": "str", "nullable": True, "description": "context"},
        },
        ["period", "supplier"], [_web_source(s) for s in ("DH_SIPRI_2024", "VAJIRAM_SIPRI_2023")],
        units={"share_pct": "percent of India's major-arms imports (SIPRI TIV)"},
        gaps=["Figures come from reports of SIPRI's fact sheets, not from the SIPRI Arms "
              "Transfers Database itself.",
              "Only the suppliers the reports name are listed; other suppliers' shares are "
              "unknown here, so shares do not add to 100."]))
    return written
