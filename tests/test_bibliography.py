"""analysis.bibliography: short source lines numbered into one list of references."""

import re

from analysis import bibliography
from analysis.bibliography import TABLES_MIME, Bibliography, short_name


def test_short_name_is_publisher_and_year():
    assert short_name({"publisher": "Department of Commerce, DGCI&S (TRADESTAT)",
                       "published": "2024-01-10", "retrieved": "2026-07-18"}) == \
        "Department of Commerce (2024)"
    assert short_name({"publisher": "Mint", "retrieved": "2026-11-25"}) == "Mint (2026)"


def test_sources_are_numbered_once_in_the_order_first_cited():
    bib = Bibliography()
    first = bib.cite("trade/bilateral_fy", used_ids={"GTRI_MAY2024"})
    assert first == "Source: Global Trade Research Initiative (2024) [1]."
    second = bib.cite("trade/bilateral_fy", used_ids={"GTRI_MAY2024", "ALIPOV_JAN2024"})
    assert "Islamabad Herald (2024) [2]" in second and "Global Trade Research Initiative (2024) [1]" in second
    assert second.startswith("Sources: ") and len(bib.entries) == 2
    assert bib.tables == ["trade/bilateral_fy"]
    assert bib.cite("trade/bilateral_fy", used_ids=set()) == "Source: none (no rows shown)."


def test_references_list_publisher_title_dates_and_address_escaped():
    bib = Bibliography()
    bib.cite("trade/bilateral_fy", used_ids={"ALIPOV_JAN2024", "TRADESTAT_WORLD_HS2"})
    text = bib.markdown()
    lines = text.splitlines()
    assert len(lines) == 2 and lines[0].startswith('1. <span id="ref-1"></span>Islamabad Herald: *')
    assert "published 2024-01-10; retrieved" in lines[0] and "<https://" in lines[0]
    assert r"\$50 billion" in lines[0]  # "$" from a sidecar title made literal
    assert "../shared" not in text and "SOURCES.md" not in text  # no internal file notes


def test_showing_the_bibliography_tells_the_page_which_tables_were_read():
    bib = bibliography.new()
    assert bibliography.current() is bib
    bib.cite("trade/hs2_composition", used_ids={"TRADESTAT_HS2_RU"})
    bib.read("trade/hs2_chapters")
    bundle = bib._repr_mimebundle_()
    assert bundle[TABLES_MIME] == {"tables": ["trade/hs2_composition", "trade/hs2_chapters"]}
    assert re.match(r"1\. ", bundle["text/markdown"])
