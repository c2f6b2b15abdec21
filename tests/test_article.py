"""analysis.article on the seed, on a second article (other topic and formats), on bad files."""

from pathlib import Path

import pytest

from analysis.article import (
    DEFAULT_ARTICLE,
    bullets_markdown,
    claim_sentences,
    claims_summary,
    claims_table,
    entities_table,
    extract_claims,
    header_markdown,
    load_article,
)
from analysis.errors import ArticleError

SECOND = Path(__file__).parent / "fixtures" / "article_japan_vietnam.txt"


@pytest.fixture(scope="module")
def seed():
    return load_article()


@pytest.fixture(scope="module")
def second():
    return load_article(SECOND)


def claim(article, text):
    """The one claim whose text is exactly ``text``."""
    found = [c for c in article.claims if c.text == text]
    assert len(found) == 1, (text, [c.text for c in article.claims])
    return found[0]


def entity(article, kind, name):
    found = [e for e in article.entities if e.kind == kind and e.name == name]
    assert len(found) == 1, (kind, name, [(e.kind, e.name) for e in article.entities])
    return found[0]


def claims_of(sentence: str):
    return [(c.kind, c.text, c.value, c.unit, c.scale, c.period)
            for c in extract_claims(sentence, [(0, len(sentence))])]


# --- layout -----------------------------------------------------------------------------------

def test_seed_layout(seed):
    assert seed.path == DEFAULT_ARTICLE
    assert seed.title.startswith("India’s Modi To Meet Putin In Moscow")
    assert seed.byline == "Jibran Munaf"  # the name is on two lines in the file
    assert len(seed.paragraphs) == 3
    assert seed.paragraphs[0].startswith("India’s Prime Minister Narendra Modi")
    assert [label for label, _ in seed.key_points] == [
        "Significance of the Meeting", "Agenda", "Bilateral Engagements", "Human Trafficking Issue"]
    assert [label for label, _ in seed.background] == [
        "Russia-Ukraine Conflict", "Economic Ties", "Historical Ties",
        "Modi’s Relations with China"]
    economic = dict(seed.background)["Economic Ties"]
    assert economic.startswith("India’s bilateral trade with Russia increased by 33%")
    assert [h for h, _ in seed.sections] == ["Key Points", "Background and Context"]


def test_sentences_are_exact_slices_of_the_text(seed):
    assert len(seed.sentences) == len(seed.sentence_spans)
    for sentence, (start, end) in zip(seed.sentences, seed.sentence_spans):
        assert seed.text[start:end] == sentence
    assert seed.sentences[0] == seed.title
    assert ("Economic Ties: India’s bilateral trade with Russia increased by 33% in the "
            "financial year ended March 2024, reaching an all-time high of $65.7 billion."
            in seed.sentences)
    # the bullet's second sentence is its own sentence
    assert "However, trade remains imbalanced, with India importing significantly more from " \
           "Russia than it exports." in seed.sentences


def test_claim_spans_point_into_the_text(seed, second):
    for article in (seed, second):
        for c in article.claims:
            assert article.text[c.span[0]:c.span[1]] == c.text
            assert c.text in c.sentence
            assert article.sentences[c.sentence_index] == c.sentence


# --- claims on the seed -------------------------------------------------------------------------

def test_seed_trade_figures_carry_the_fiscal_year(seed):
    money = claim(seed, "$65.7 billion")
    assert (money.kind, money.value, money.unit, money.scale) == ("money", 65.7, "USD", "billion")
    assert money.magnitude == pytest.approx(65.7e9)
    assert money.period == "FY2023-24"
    growth = claim(seed, "33%")
    assert (growth.kind, growth.value, growth.unit, growth.period) == (
        "percent", 33.0, "percent", "FY2023-24")
    fy = claim(seed, "financial year ended March 2024")
    assert (fy.kind, fy.period, fy.value) == ("fiscal_year", "FY2023-24", 2023)
    # "March 2024" is part of the fiscal year, not a separate date claim
    assert not [c for c in seed.claims if c.text == "March 2024"]


def test_seed_dates_years_ordinals_durations(seed):
    feb = claim(seed, "February 2022")
    assert (feb.kind, feb.value, feb.unit, feb.period) == ("date", 2022, "date", "2022-02")
    year = claim(seed, "2020")
    assert (year.kind, year.period) == ("year", "2020")
    term = claim(seed, "third term")
    assert (term.kind, term.value, term.unit) == ("ordinal", 3, "ordinal")
    june = claim(seed, "June")
    assert (june.kind, june.value, june.unit, june.period) == ("date", 6, "month", None)
    years = claim(seed, "41 years")
    assert (years.kind, years.value, years.unit) == ("duration", 41, "years")
    two_day = claim(seed, "two-day")
    assert (two_day.kind, two_day.value, two_day.unit) == ("duration", 2, "days")
    assert len([c for c in seed.claims if c.text == "first visit"]) == 3


def test_claims_table_columns_and_rows(seed):
    table = claims_table(seed)
    assert list(table.columns) == [
        "kind", "text", "value", "unit", "scale", "period", "start", "end", "sentence"]
    assert len(table) == len(seed.claims)
    row = table[table.text == "$65.7 billion"].iloc[0]
    assert (row.kind, row.value, row.period) == ("money", 65.7, "FY2023-24")
    assert seed.sentences[row.sentence].endswith("$65.7 billion.")
    assert table.start.is_monotonic_increasing


# --- entities on the seed -----------------------------------------------------------------------

def test_seed_countries_in_iso3(seed):
    codes = {e.code for e in seed.entities_of("country")}
    assert {"RUS", "IND", "UKR", "CHN", "AUT"} <= codes
    india = entity(seed, "country", "India")
    # "India’s", "Indian" and "India" all count; the first is in the title
    assert india.spans[0] == (0, 5)
    assert (seed.text.index("Indian nationals"), seed.text.index("Indian nationals") + 6) \
        in india.spans
    assert entity(seed, "country", "Russia").code == "RUS"


def test_seed_people_with_surname_mentions(seed):
    names = [e.name for e in seed.entities_of("person")]
    assert names == ["Narendra Modi", "Vladimir Putin", "Vinay Kwatra"]
    modi = entity(seed, "person", "Narendra Modi")
    mentioned = {seed.text[a:b] for a, b in modi.spans}
    assert mentioned == {"Narendra Modi", "Modi"}
    assert modi.mentions >= 6  # title, "Modi’s" several times, "Modi will head to Vienna"
    putin = entity(seed, "person", "Vladimir Putin")
    assert seed.text[putin.spans[0][0]:putin.spans[0][1]] == "Putin"  # the title's mention


def test_seed_groupings_and_events(seed):
    codes = {e.code for e in seed.entities_of("grouping")}
    assert codes == {"SCO", "G20", "BRICS", "UN", "EAS"}
    assert entity(seed, "grouping", "Shanghai Cooperation Organisation").mentions == 2
    events = {e.name: e for e in seed.entities_of("event")}
    assert {"Invasion of Ukraine", "Cold War", "2020 border clash", "Sanctions"} <= set(events)
    # "invasion of Ukraine" twice and "the Ukraine invasion" once
    assert events["Invasion of Ukraine"].mentions == 3


def test_entities_table(seed):
    table = entities_table(seed)
    assert list(table.columns) == ["kind", "name", "code", "mentions", "first"]
    assert table.set_index("name").loc["Russia", "code"] == "RUS"
    assert list(table.kind.unique()) == ["country", "person", "grouping", "event"]


# --- the second article: other topic, countries and number formats ------------------------------

def test_second_article_layout(second):
    assert second.title.startswith("Japan And Vietnam Sign Chip Pact")
    assert second.byline == "Mara Ellison"  # "By " removed
    assert [label for label, _ in second.key_points] == [
        "Investment", "Regional Forums", "Indian Partner"]
    assert [label for label, _ in second.background] == ["Past Disputes", "Growth Targets"]


@pytest.mark.parametrize("text,kind,value,unit,scale,period", [
    ("$50 Billion", "money", 50, "USD", "billion", None),
    ("US$51.2 billion", "money", 51.2, "USD", "billion", "FY2022-23"),
    ("12.5 per cent", "percent", 12.5, "percent", None, "FY2022-23"),
    ("FY2022-23", "fiscal_year", 2022, "fiscal_year", None, "FY2022-23"),
    ("8%", "percent", 8, "percent", None, "2023-04/2023-12"),
    ("April–December 2023", "period", 2023, "months", None, "2023-04/2023-12"),
    ("1.5 percentage points", "percent", 1.5, "percentage_points", None, "2023-04/2023-12"),
    ("€3.4 bn", "money", 3.4, "EUR", "billion", "FY2023-24"),
    ("fiscal 2024", "fiscal_year", 2023, "fiscal_year", None, "FY2023-24"),
    ("¥450 billion", "money", 450, "JPY", "billion", None),
    ("Rs 1,200 crore", "money", 1200, "INR", "crore", None),
    ("1,200 engineers", "count", 1200, "count", None, None),
    ("nine agreements", "count", 9, "count", None, "2024-03-15"),
    ("15 March 2024", "date", 2024, "date", None, "2024-03-15"),
    ("fourth", "ordinal", 4, "ordinal", None, None),
    ("2nd consecutive", "ordinal", 2, "ordinal", None, None),
    ("a decade", "duration", 1, "decades", None, None),
    ("three-day", "duration", 3, "days", None, None),
    ("18 months", "duration", 18, "months", None, None),
    ("1979", "year", 1979, "year", None, "1979"),
    ("FY24", "fiscal_year", 2023, "fiscal_year", None, "FY2023-24"),
    ("between 2025 and 2027", "period", 2025, "years", None, "2025/2027"),
])
def test_second_article_claims(second, text, kind, value, unit, scale, period):
    c = claim(second, text)
    assert (c.kind, c.value, c.unit, c.scale, c.period) == (kind, value, unit, scale, period)


def test_second_article_range_and_magnitudes(second):
    rng = claim(second, "$60-65 billion")
    assert (rng.value, rng.high, rng.period) == (60, 65, "FY2023-24")
    assert claim(second, "Rs 1,200 crore").magnitude == pytest.approx(1.2e10)


def test_second_article_entities(second):
    assert [e.code for e in second.entities_of("country")] == ["JPN", "VNM", "IND", "CHN"]
    # "US$" is a currency, not a mention of the United States
    assert "USA" not in {e.code for e in second.entities}
    people = {e.name: e for e in second.entities_of("person")}
    assert set(people) == {"Kenji Arakawa", "Tran Minh Duc", "Linh Hoang"}
    assert people["Linh Hoang"].mentions == 2  # "Trade Minister Linh Hoang", then "Hoang said"
    assert [e.code for e in second.entities_of("grouping")] == ["EU", "ASEAN", "QUAD", "G7", "UN"]
    assert [e.name for e in second.entities_of("event")] == [
        "1979 border war", "COVID-19 pandemic"]


# --- patterns on single sentences (edge cases) --------------------------------------------------

@pytest.mark.parametrize("sentence,expected", [
    ("Exports reached ₹2.5 lakh crore.", ("money", "₹2.5 lakh crore", 2.5, "INR", "lakh crore",
                                           None)),
    ("A ₹40 lakh grant.", ("money", "₹40 lakh", 40, "INR", "lakh", None)),
    ("Sales were 40 million euros in 2019.", ("money", "40 million euros", 40, "EUR", "million",
                                               "2019")),
    ("Revenue hit £3m last year.", ("money", "£3m", 3, "GBP", "million", None)),
    ("Imports grew 7 percent in FY 2021-22.", ("percent", "7 percent", 7, "percent", None,
                                               "FY2021-22")),
    ("Output rose 4% in the year ended June 2023.", ("percent", "4%", 4, "percent", None,
                                                     "2022-07/2023-06")),
    ("The talks were held on July 9, 2024.", ("date", "July 9, 2024", 2024, "date", None,
                                              "2024-07-09")),
])
def test_generic_patterns(sentence, expected):
    assert expected in claims_of(sentence)


def test_a_year_followed_by_a_plural_noun_is_a_count():
    assert ("count", "2000 troops", 2000, "count", None, None) in claims_of("It sent 2000 troops.")
    assert ("year", "2020", 2020, "year", None, "2020") in claims_of("After the 2020 elections.")


def test_may_is_a_month_only_after_a_preposition():
    assert ("date", "May", 5, "month", None, None) in claims_of("Polls closed in May.")
    assert not [c for c in claims_of("Prices May rise.") if c[0] == "date"]


def test_inconsistent_fiscal_label_is_not_a_fiscal_year():
    assert not [c for c in claims_of("Output in 2019-21 fell.") if c[0] == "fiscal_year"]


def test_period_taken_from_the_same_clause():
    got = claims_of("Exports rose 5% in FY2021-22; imports fell 3% in 2019.")
    assert ("percent", "5%", 5, "percent", None, "FY2021-22") in got
    assert ("percent", "3%", 3, "percent", None, "2019") in got


# --- helpers the brief notebook displays ------------------------------------------------------

def test_markdown_helpers_escape_dollars(seed, second):
    summary = claims_summary(seed)
    assert f"**{len(seed.claims)}** quantitative statements" in summary
    assert "**\\$65.7 billion (FY2023-24)**" in summary and "**33% (FY2023-24)**" in summary
    assert "\\$" in header_markdown(second) and "by Mara Ellison" in header_markdown(second)
    bullets = bullets_markdown(second.background)
    assert bullets.startswith("- **Past Disputes:** Relations cooled")
    assert "\\$60-65 billion" in bullets
    assert bullets_markdown((), empty="none here") == "none here"


def test_claim_sentences(seed):
    table = claim_sentences(seed)
    assert list(table.columns) == ["sentence", "claims", "text"]
    assert table.claims.sum() == len(seed.claims)
    row = table[table.text.str.contains("65.7")].iloc[0]
    assert row.claims == 3  # 33%, the fiscal year, $65.7 billion


# --- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"  \n\n \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"caf\xe9 au lait\n\nA paragraph.\n", "not UTF-8"),
    (b"word " * 200, "no title line"),
    (b"Only A Title\n", "no article structure"),
    (b"A Title\n\nAn Author\n", "no article structure"),
])
def test_bad_files_raise_article_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as info:
        load_article(path)
    assert str(path) in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ArticleError, match="not found") as info:
        load_article(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)
    with pytest.raises(ArticleError, match="not a file"):
        load_article(tmp_path)


def test_a_short_subheading_is_not_a_byline(tmp_path):
    path = tmp_path / "sub.txt"
    path.write_text("A Title\n\nwhat the talks mean for trade\n\nTrade rose 5%.\n",
                    encoding="utf-8")
    assert load_article(path).byline == ""


def test_windows_line_endings_and_bom(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffA Title\r\n\r\nTrade rose 5% to $2 billion in 2023.\r\n".encode())
    article = load_article(path)
    assert article.title == "A Title"
    assert article.byline == ""
    assert claim(article, "$2 billion").period == "2023"
