import pytest

from analysis.countries import is_iso3, iso3_from_alpha2, iso3_from_name, name
from analysis.errors import ParameterError


@pytest.mark.parametrize("text,code", [
    ("RUSSIA", "RUS"), ("Russian Federation", "RUS"), ("USA", "USA"), ("UNITED STATES", "USA"),
    ("UAE", "ARE"), ("SAUDI ARABIA", "SAU"), ("China", "CHN"), ("SOUTH KOREA", "KOR"),
    ("United Kingdom", "GBR"), ("World", "WLD"),
])
def test_names_and_aliases_map_to_iso3(text, code):
    assert iso3_from_name(text) == code


def test_display_names_are_short():
    assert name("RUS") == "Russia"
    assert name("IND") == "India"
    assert name("USA") == "United States"


def test_unknown_codes_and_names_are_errors():
    assert not is_iso3("XXX")
    assert not is_iso3("rus")
    with pytest.raises(ParameterError, match="alpha-3"):
        name("XXX")
    with pytest.raises(ParameterError, match="unknown country"):
        iso3_from_name("Atlantis")


def test_alpha2_including_historic():
    assert iso3_from_alpha2("IN") == "IND"
    assert iso3_from_alpha2("RU") == "RUS"


def test_names_inside_a_sentence_take_the_article_where_english_does():
    from analysis.countries import in_text

    assert in_text("USA") == "the United States" and in_text("ARE") == "the United Arab Emirates"
    assert in_text("RUS") == "Russia" and in_text("chn") == "China"


# ---- how texts name countries (one vocabulary for the article reader and the checks)

from analysis.countries import adjectives, text_names  # noqa: E402


def test_text_names_cover_iso_names_aliases_demonyms_and_metonyms():
    names = text_names()
    assert names["India"] == "IND" and names["Russian Federation"] == "RUS"
    assert names["U.S."] == "USA" and names["Britain"] == "GBR"
    assert names["Chinese"] == "CHN" and names["Kremlin"] == "RUS"
    assert "Moscow" not in names  # capitals are not country mentions
    assert all(len(code) == 3 and code.isupper() for code in names.values())


def test_adjectives_of_a_country():
    assert adjectives("RUS") == ["Russian"]
    assert set(adjectives("PHL")) == {"Philippine", "Filipino"}
    assert adjectives("WLD") == []
