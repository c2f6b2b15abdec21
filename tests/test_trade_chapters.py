"""analysis.trade.chapters: a short name for every HS chapter, the official name kept."""

from analysis.trade.chapters import SHORT_NAMES, chapter_names, short_name


def test_every_chapter_in_the_data_has_a_short_name_of_at_most_32_characters():
    names = chapter_names()
    assert set(names["hs_chapter"]) <= set(SHORT_NAMES)
    assert names["short_name"].str.len().max() <= 32
    row = names.set_index("hs_chapter").loc["84"]
    assert row["short_name"] == "Machinery" and row["chapter_name"].startswith("Nuclear reactors")


def test_unknown_chapter_falls_back_to_the_official_name_or_the_code():
    assert short_name("27") == "Mineral fuels, oil"
    assert short_name("77", "Reserved") == "Reserved" and short_name("77") == "HS 77"
