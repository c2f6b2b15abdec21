"""analysis.article.claims: quantitative claims on the seed, a second article and single
sentences."""

import pytest

from analysis.article import extract_claims

from article_helpers import claim


def claims_of(sentence: str):
    return [(c.kind, c.text, c.value, c.unit, c.scale, c.period)
            for c in extract_claims(sentence, [(0, len(sentence))])]


def test_claim_spans_point_into_the_text(seed, second):
    for article in (seed, second):
        for c in article.claims:
            assert article.text[c.span[0]:c.span[1]] == c.text
            assert c.text in c.sentence
            assert article.sentences[c.sentence_index] == c.sentence


# --- the seed ---------------------------------------------------------------------------------

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


# --- the second article: other number formats -------------------------------------------------

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


def test_a_year_ending_in_another_month_is_a_period_not_a_fiscal_year():
    got = claims_of("Output rose 4% in the year ended June 2023.")
    assert ("period", "year ended June 2023", 2023, "months", None, "2022-07/2023-06") in got
    assert not [c for c in got if c[0] in ("fiscal_year", "date")]


def test_a_year_followed_by_a_plural_noun_is_a_count():
    assert ("count", "2000 troops", 2000, "count", None, None) in claims_of("It sent 2000 troops.")
    assert ("year", "2020", 2020, "year", None, "2020") in claims_of("After the 2020 elections.")


def test_may_is_a_month_only_after_a_preposition():
    assert ("date", "May", 5, "month", None, None) in claims_of("Polls closed in May.")
    assert not [c for c in claims_of("Prices May rise.") if c[0] == "date"]


def test_abbreviated_months_are_read():
    assert ("date", "Sept. 2023", 2023, "date", None, "2023-09") in claims_of(
        "Talks resumed in Sept. 2023.")


def test_inconsistent_fiscal_label_is_not_a_fiscal_year():
    assert not [c for c in claims_of("Output in 2019-21 fell.") if c[0] == "fiscal_year"]


def test_period_taken_from_the_same_clause():
    got = claims_of("Exports rose 5% in FY2021-22; imports fell 3% in 2019.")
    assert ("percent", "5%", 5, "percent", None, "FY2021-22") in got
    assert ("percent", "3%", 3, "percent", None, "2019") in got
