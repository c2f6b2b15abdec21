"""analysis.article.periods: the period each figure takes, in sentences we wrote ourselves with
the constructions real articles use (relative to the publication date, carried, paired)."""

import datetime as dt

import pytest

from analysis.article import extract_claims

PUB = dt.date(2023, 8, 20)  # a mid-August article: the current fiscal is FY2023-24


def claims_of(sentence: str):
    return [(c.kind, c.text, c.value, c.unit, c.scale, c.period)
            for c in extract_claims(sentence, [(0, len(sentence))])]


def periods_of(text: str, published=PUB, kinds=("money", "percent", "multiplier", "fraction")):
    spans, start = [], 0
    for part in text.split("  "):  # two spaces separate sentences in these tests
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return [(c.text, c.period) for c in extract_claims(text, spans, published)
            if c.kind in kinds]


def kinds_of(sentence: str):
    return [(c.kind, c.text, round(c.value, 4), c.unit, c.scale)
            for c in extract_claims(sentence, [(0, len(sentence))], PUB)
            if c.kind not in ("date", "year", "period", "fiscal_year")]


def paragraphs_of(text: str, published, kinds=("money", "percent", "rank")):
    """Each paragraph (separated by a blank line) one sentence; (text, period) of the figures."""
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    return [(c.text, c.period) for c in extract_claims(text, spans, published)
            if c.kind in kinds]


# --- the period stated in the figure's own clause -------------------------------------------------

def test_period_taken_from_the_same_clause():
    got = claims_of("Exports rose 5% in FY2021-22; imports fell 3% in 2019.")
    assert ("percent", "5%", 5, "percent", None, "FY2021-22") in got
    assert ("percent", "3%", 3, "percent", None, "2019") in got


# --- periods resolved against the publication date (sentences in our own words) --------------

@pytest.mark.parametrize("sentence,expected", [
    ("Sales to Brazil came to $5.5 billion in the last financial year.", "FY2022-23"),
    ("Imports rose to $7 billion in the previous fiscal.", "FY2022-23"),
    # mid-August, not a forecast: the months of the fiscal year reported so far (to July)
    ("The deficit is already $3 billion in the current fiscal.", "2023-04/2023-07"),
    ("Shipments were worth $2 billion this year.", "2023"),
    ("Purchases hit $4.4 billion during the April–June period.", "2023-04/2023-06"),
    ("Purchases hit $4.4 billion during the April-June period of this fiscal.",
     "2023-04/2023-06"),
    ("Trade stood at $9 billion between April 2022 and March 2023.", "FY2022-23"),
    ("Trade crossed $12 billion in the first six months of the current fiscal.",
     "2023-04/2023-09"),
    ("Exports were $3 billion in the fiscal year ended March 2021.", "FY2020-21"),
    ("Trade rose 9% in the 2021-2022 fiscal year.", "FY2021-22"),
    ("Trade rose 9% in the 21/22 fiscal year.", "FY2021-22"),
    ("Imports were $6 billion in Q1 FY24.", "2023-04/2023-06"),
    ("Exports fell 4% in July this year.", "2023-07"),
])
def test_relative_periods(sentence, expected):
    assert periods_of(sentence)[0][1] == expected


def test_a_year_ago_is_the_sentence_period_moved_back():
    got = periods_of("The gap reached $40 billion in FY25, up from $35 billion a year ago.")
    assert got == [("$40 billion", "FY2024-25"), ("$35 billion", "FY2023-24")]
    got = periods_of("Imports were $8 billion during April-July, against $6 billion in the same "
                     "period last year.")
    assert got == [("$8 billion", "2023-04/2023-07"), ("$6 billion", "2022-04/2022-07")]


def test_from_a_to_b_pairs_each_figure_with_its_own_year():
    got = periods_of("Trade grew from $9 billion in FY2019 to $26 billion in FY2024, a rise of "
                     "nearly 190%.")
    assert got[:2] == [("$9 billion", "FY2018-19"), ("$26 billion", "FY2023-24")]


def test_the_next_sentence_inherits_the_period_within_a_paragraph():
    got = periods_of("Trade with Chile reached $3 billion in 2022-23.  Exports made up "
                     "$1 billion of it.")
    assert got == [("$3 billion", "FY2022-23"), ("$1 billion", "FY2022-23")]
    carried = extract_claims("A line in 2022-23.\n\nIt was $5 billion.",
                             [(0, 18), (20, 37)], PUB)
    assert [c.period for c in carried if c.kind == "money"] == [None]  # a new paragraph


def test_without_a_publication_date_relative_periods_stay_unknown():
    assert periods_of("Sales came to $5.5 billion in the last financial year.",
                      published=None) == [("$5.5 billion", None)]


# --- spans of this fiscal, and what a relative period resolves to ------------------------------

def test_abbreviated_years_and_spans_of_this_fiscal():
    assert kinds_of("Deficit widens in April-Sept. ‘21") == []
    assert periods_of("Imports during April-October this fiscal stood at $60 billion.",
                      published=dt.date(2022, 12, 10)) == [("$60 billion", "2022-04/2022-10")]
    assert periods_of("Exports stayed close to May's figure of $22 billion.",
                      published=dt.date(2015, 8, 7)) == [("$22 billion", "2015-05")]


def test_relative_periods_are_claims_with_the_value_they_resolve_to():
    text = "The gap was $40 billion in FY25, up from $35 billion a year ago."
    ago = next(c for c in extract_claims(text, [(0, len(text))], PUB) if c.text == "a year ago")
    assert (ago.kind, ago.value, ago.unit, ago.period, ago.period_from) == (
        "fiscal_year", 2023, "fiscal_year", "FY2023-24", "relative")


# --- periods implied by the article around the figure -------------------------------------------

def test_current_fiscal_before_the_new_years_first_figures_is_the_year_just_closed():
    april = dt.date(2024, 4, 20)
    assert periods_of("Two-way trade has crossed $50 billion in the current incomplete fiscal "
                      "year.", published=april) == [("$50 billion", "FY2023-24")]
    assert periods_of("Two-way trade is expected to reach $60 billion this fiscal.",
                      published=april) == [("$60 billion", "FY2024-25")]
    # in September the fiscal year is under way: the months reported so far, not the full year
    assert periods_of("Two-way trade has crossed $50 billion in the current fiscal.",
                      published=dt.date(2024, 9, 20)) == [("$50 billion", "2024-04/2024-08")]


def test_the_newer_side_of_a_comparison_is_not_the_older_sides_period():
    text = ("Exports reached $9 billion in April-June this fiscal.\n\n"
            "Their share rose to 4.2%, up from 1.5% in 2021-22.")
    assert paragraphs_of(text, dt.date(2022, 8, 1)) == [
        ("$9 billion", "2022-04/2022-06"), ("4.2%", "2022-04/2022-06"), ("1.5%", "FY2021-22")]
    # a period of its own still wins
    assert periods_of("In May 2024 alone, sales rose 12% to $3 billion from $2.7 billion a year "
                      "ago.")[1] == ("$3 billion", "2024-05")


def test_now_and_last_year_in_an_article_on_the_fiscal_year_so_far():
    text = ("Trade was $20 billion in April-July this fiscal.\n\n"
            "Peru is now India's ninth biggest trading partner — up from 30th position last "
            "year.")
    assert paragraphs_of(text, dt.date(2022, 9, 10)) == [
        ("$20 billion", "2022-04/2022-07"), ("ninth biggest", "2022-04/2022-07"),
        ("30th position", "FY2021-22")]
    # an article on a closed year: "now" adds nothing and "last year" stays a calendar year
    text = ("Trade was $90 billion in FY2022-23.\n\n"
            "Peru is now India's ninth biggest trading partner, up from 30th position last year.")
    assert paragraphs_of(text, dt.date(2023, 6, 10))[1:] == [
        ("ninth biggest", None), ("30th position", "2022")]


def test_in_n_months_takes_the_span_of_that_many_months_the_article_states():
    text = ("Trade with Peru hits $7.5 billion in 4 months\n\n"
            "Trade reached $7.5 billion in April-July this fiscal, up 40%.")
    assert paragraphs_of(text, dt.date(2022, 9, 10)) == [
        ("$7.5 billion", "2022-04/2022-07"), ("$7.5 billion", "2022-04/2022-07"),
        ("40%", "2022-04/2022-07")]
    text = ("Trade with Peru hits $7.5 billion in 3 months\n\n"
            "Trade reached $7.5 billion in April-July this fiscal.")
    assert paragraphs_of(text, dt.date(2022, 9, 10))[0] == ("$7.5 billion", None)


def test_a_rank_follows_the_figure_of_its_sentence():
    assert periods_of("Chile sold 12% of the copper India bought in FY2023-24, making it the "
                      "second-largest supplier.", kinds=("percent", "rank")) == [
        ("12%", "FY2023-24"), ("second-largest", "FY2023-24")]
    assert periods_of("Chile is the second-largest supplier.", kinds=("rank",)) == [
        ("second-largest", None)]


def test_over_the_past_year_in_an_article_on_the_year_just_closed():
    text = ("Imports from Chile were $8 billion in FY2023-24.\n\n"
            "Over the past year, Chile has become India's third largest supplier.")
    assert paragraphs_of(text, dt.date(2024, 5, 2)) == [
        ("$8 billion", "FY2023-24"), ("third largest", "FY2023-24")]
    assert paragraphs_of(text, dt.date(2024, 11, 2))[1] == ("third largest", "2023")


# --- forms met in held-out articles h11-h16 and the known gaps (sentences in our own words) ---

def test_first_half_of_the_fy_is_a_period_not_a_fraction():
    got = periods_of("Peru became the top copper supplier in the first half of the FY23, with "
                     "imports of $2 billion.", kinds=("money", "fraction"))
    assert got == [("$2 billion", "2022-04/2022-09")]


def test_month_span_with_last_year_is_that_span_a_year_back():
    got = periods_of("Imports from Chile fell to $2 billion this period from $3 billion in "
                     "April-July last year.", published=dt.date(2023, 10, 20))
    assert ("$3 billion", "2022-04/2022-07") in got


@pytest.mark.parametrize("sentence,published,expected", [
    ("Imports from Chile were $3 billion in April, May and June.", dt.date(2023, 8, 1),
     "2023-04/2023-06"),
    ("Imports from Chile were $3 billion in October, November and December 2022.",
     dt.date(2023, 8, 1), "2022-10/2022-12"),
    ("Imports from Chile were $3 billion in January, February and March this year.",
     dt.date(2024, 6, 1), "2024-01/2024-03"),
])
def test_three_months_written_as_a_list_are_a_span(sentence, published, expected):
    assert periods_of(sentence, published=published) == [("$3 billion", expected)]


def test_a_list_of_months_not_in_a_row_is_no_span():
    got = periods_of("Imports from Chile were $3 billion in April, July and December.",
                     published=dt.date(2023, 12, 20))
    assert got[0][1] != "2023-04/2023-12"


@pytest.mark.parametrize("sentence,published,expected", [
    # released around the 15th of the month after: by 20 November, April-October is out
    ("Exports to Peru have reached $4 billion so far this fiscal.", dt.date(2023, 11, 20),
     "2023-04/2023-10"),
    ("Exports to Peru have reached $4 billion so far this fiscal.", dt.date(2023, 11, 10),
     "2023-04/2023-09"),
    ("Exports to Peru this fiscal year so far stand at $4 billion.", dt.date(2024, 2, 16),
     "2023-04/2024-01"),
    # a forecast of the year under way keeps the full fiscal year
    ("Exports to Peru are expected to reach $9 billion this fiscal.", dt.date(2023, 11, 20),
     "FY2023-24"),
])
def test_an_incomplete_fiscal_year_is_the_months_reported_so_far(sentence, published, expected):
    assert periods_of(sentence, published=published) == [("$4 billion" if "$4" in sentence
                                                           else "$9 billion", expected)]


def test_a_year_ago_with_no_period_in_its_sentence_takes_the_one_in_force():
    text = ("Imports from Peru were $30 billion in April-September this fiscal.\n\n"
            "Exports to Peru fell to $2 billion from $3 billion a year ago.")
    got = paragraphs_of(text, dt.date(2023, 10, 20), kinds=("money",))
    assert got[-1] == ("$3 billion", "2022-04/2022-09")


def test_the_period_in_an_article_on_this_fiscal_so_far_is_those_months():
    text = ("Imports from Peru rose to $30 billion in April-September this fiscal.\n\n"
            "The imports were $20 billion during April-September 2022.\n\n"
            "Imports from Chile dipped to $5 billion during the period against $6 billion in "
            "the same period last year.")
    got = paragraphs_of(text, dt.date(2023, 10, 20), kinds=("money",))
    assert got[-2:] == [("$5 billion", "2023-04/2023-09"), ("$6 billion", "2022-04/2022-09")]


def test_from_to_years_named_before_the_figures_pair_with_them():
    text = ("The think tank said that from fiscal year 2019 to FY2024 trade with its top 15 "
            "partners changed.  "
            "Exports to Peru fell by 2 per cent, from $5.1 billion to $5 billion.")
    got = periods_of(text, published=dt.date(2024, 5, 12))
    assert got == [("2 per cent", "FY2023-24"), ("$5.1 billion", "FY2018-19"),
                   ("$5 billion", "FY2023-24")]


def test_a_paragraph_naming_the_partner_by_reference_continues_the_period():
    text = ("Exports to Peru rose to $4 billion in the last fiscal.\n\n"
            "Imports from the neighbouring country increased by 3 per cent to $9 billion.")
    got = paragraphs_of(text, dt.date(2024, 5, 12), kinds=("money", "percent"))
    assert got[-2:] == [("3 per cent", "FY2023-24"), ("$9 billion", "FY2023-24")]
    other = ("Exports to Peru rose to $4 billion in the last fiscal.\n\n"
             "Imports from Chile increased by 3 per cent to $9 billion.")
    assert paragraphs_of(other, dt.date(2024, 5, 12), kinds=("money",))[-1][1] is None


# --- forms met in the second held-out set h17-h20 (our own sentences) --------------------------

@pytest.mark.parametrize("sentence,published,expected", [
    ("Peru's deficit was $9 billion in the first four months of the year.", dt.date(2014, 6, 9),
     "2014-01/2014-04"),
    ("Imports from Peru in the first four months of 2023 rose to $2 billion, against the same "
     "period last fiscal.", dt.date(2023, 8, 20), "2023-04/2023-07"),
    ("Imports of copper rose to $2 billion in the first 6 months of the year that started on "
     "April 1.", dt.date(2023, 1, 17), "2022-04/2022-09"),
    ("Trade from January to April this year amounted to $2 billion.", dt.date(2014, 6, 9),
     "2014-01/2014-04"),
])
def test_first_months_of_the_year_and_from_month_to_month(sentence, published, expected):
    assert periods_of(sentence, published=published) == [("$2 billion" if "$2" in sentence
                                                           else "$9 billion", expected)]


def test_a_year_after_since_or_before_is_no_figures_period():
    got = periods_of("Peru outgrew Chile fourfold since 1980.  From under 1 per cent before "
                     "February 2022, its share is now 40 per cent.", published=dt.date(2023, 8, 1))
    assert got == [("fourfold", None), ("1 per cent", None), ("40 per cent", None)]


def test_for_the_month_from_a_figure_a_year_earlier():
    text = ("Peru's deficit was $5 billion in April.\n\n"
            "Exports rose to $3 billion for the month from $1 billion a year earlier.")
    got = paragraphs_of(text, dt.date(2021, 5, 2), kinds=("money",))
    assert got == [("$5 billion", "2021-04"), ("$3 billion", "2021-04"), ("$1 billion", "2020-04")]


# --- constructions of the third held-out round (h21-h26), in our own words -----------------

def test_a_paragraph_pointing_back_keeps_the_period_and_last_year_is_the_older_side():
    text = ("Two-way trade with Peru came to $4 billion in 2024-25.\n\n"
            "This is a rise of 6 per cent, with exports up to $2.2 billion. India's surplus "
            "with Peru grew to $0.9 billion from $0.6 billion in the last fiscal year.")
    parts = ["Two-way trade with Peru came to $4 billion in 2024-25.",
             "This is a rise of 6 per cent, with exports up to $2.2 billion.",
             "India's surplus with Peru grew to $0.9 billion from $0.6 billion in the last "
             "fiscal year."]
    spans = [(text.index(x), text.index(x) + len(x)) for x in parts]
    got = [(c.text, c.period) for c in extract_claims(text, spans, dt.date(2025, 4, 20))
           if c.kind in ("money", "percent")]
    assert got == [("$4 billion", "FY2024-25"), ("6 per cent", "FY2024-25"),
                   ("$2.2 billion", "FY2024-25"), ("$0.9 billion", "FY2024-25"),
                   ("$0.6 billion", "FY2023-24")]


def test_the_last_year_beside_a_fiscal_year_is_the_fiscal_year_before():
    got = periods_of("Trade with Chile climbed to $5.2 billion in 2024-25 from $4.6 billion in "
                     "the last year.  The deficit reached $1.1 billion, up 10 per cent from "
                     "the last year's deficit of $1 billion.", dt.date(2025, 4, 20))
    assert got == [("$5.2 billion", "FY2024-25"), ("$4.6 billion", "FY2023-24"),
                   ("$1.1 billion", "FY2024-25"), ("10 per cent", "FY2024-25"),
                   ("$1 billion", "FY2023-24")]


def test_two_fiscal_years_in_a_row_are_one_span():
    got = periods_of("Peru, the top trading partner in the fiscal years 2021-22 and 2022-23, "
                     "did $3 billion of trade.", kinds=("rank",))
    assert got == [("top trading partner", "2021-04/2023-03")]


def test_this_month_that_month_and_dates_that_only_start_a_span():
    pub = dt.date(2025, 7, 31)
    assert periods_of("This month, Chile supplied 12 per cent of the copper India bought.",
                      pub) == [("12 per cent", "2025-07")]
    got = periods_of("India bought 50,000 barrels per day from Chile in March 2022.  That "
                     "month, imports from Peru were 20,000 bpd.", pub, kinds=("quantity",))
    assert got == [("50,000 barrels per day", "2022-03"), ("20,000 bpd", "2022-03")]
    # a date in a since-clause, "after 2014" and "starting on August First" are not periods
    assert periods_of("It was the fourth of 6 resolutions adopted since the war began on "
                      "February 24, 2022.", pub, kinds=("count",)) == [("6 resolutions", None)]
    assert periods_of("Prices topped $100/bbl for the first time after 2014.", pub) == [
        ("$100/bbl", None)]
    assert periods_of("A duty of 15 per cent applies starting on August First.", pub) == [
        ("15 per cent", None)]


def test_a_multiplier_towards_a_target_takes_the_target_year():
    got = periods_of("The two sides want to more than double trade to $200 billion by 2030 and "
                     "sign a pact by fall of 2025.", dt.date(2025, 3, 1))
    assert got == [("double", "2030"), ("$200 billion", "2030")]


def test_first_half_of_a_year_the_current_calendar_year_and_a_month_span_with_to():
    pub = dt.date(2022, 11, 24)
    assert periods_of("Peru's copper sales to India reached $4 billion in the first half of "
                      "2021.", pub) == [("$4 billion", "2021-01/2021-06")]
    # "calendar" keeps the months from January even in a sentence that speaks of a fiscal year
    assert periods_of("Trade with Chile passed $20 billion in the first nine months of the "
                      "current calendar year, more than in any fiscal year.", pub) == [
        ("$20 billion", "2022-01/2022-09")]
    assert periods_of("Trade with Peru touched $7.5 billion in the January to June period.",
                      dt.date(2022, 7, 19)) == [("$7.5 billion", "2022-01/2022-06")]


def test_in_five_years_looks_ahead_only_in_a_plan():
    pub = dt.date(2021, 9, 23)
    assert periods_of("The two sides hope to achieve $50 billion of trade in five years.",
                      pub) == [("$50 billion", "2026")]
    assert periods_of("Exports to Peru grew to $5 billion in five years.", pub) == [
        ("$5 billion", None)]


def test_a_fiscal_year_narrowed_by_its_months_and_this_period():
    got = periods_of("During FY22 (April-December), trade with Peru was worth $9.28 billion.  "
                     "During this period, imports from Peru were $2.65 billion.",
                     dt.date(2022, 9, 11))
    assert got == [("$9.28 billion", "2021-04/2021-12"), ("$2.65 billion", "2021-04/2021-12")]


def test_according_to_the_data_carries_past_a_paragraph_of_deadlines():
    text = ("Peru was the top market for copper in April-December this fiscal at $5.9 billion."
            "\n\nThe steps include a scheme extended till March 31 next year."
            "\n\nAccording to the data, Peru was followed by Chile ($2.31 billion).")
    spans, start = [], 0
    for part in text.split("\n\n"):
        spans.append((start, start + len(part)))
        start += len(part) + 2
    got = [(c.text, c.period) for c in extract_claims(text, spans, dt.date(2023, 2, 3))
           if c.kind == "money"]
    assert got == [("$5.9 billion", "2022-04/2022-12"), ("$2.31 billion", "2022-04/2022-12")]


def test_a_multiplier_after_a_from_to_pair_takes_the_newer_side():
    got = periods_of("The deficit with Peru went from $4 billion in 2014-15 to $6 billion in "
                     "2021-22 (1.5 times).", dt.date(2022, 7, 19))
    assert got == [("$4 billion", "FY2014-15"), ("$6 billion", "FY2021-22"),
                   ("1.5 times", "FY2021-22")]


def test_data_from_an_agency_showed_continues_the_paragraph_before():
    text = ("Trade between Peru and Chile passed $60 billion in the first eight months of the "
            "current calendar year."
            "\n\nData from Chile's customs agency showed that its exports to Peru stood at "
            "$41.2 billion and imports at $9.8 billion."
            "\n\nThe two sides plan to reach $90 billion.")
    got = paragraphs_of(text, dt.date(2022, 10, 2), kinds=("money",))
    assert got == [("$60 billion", "2022-01/2022-08"), ("$41.2 billion", "2022-01/2022-08"),
                   ("$9.8 billion", "2022-01/2022-08"), ("$90 billion", None)]


def test_then_refers_to_the_last_period_the_sentence_before_named():
    got = periods_of("So far this year the gap with Peru has already passed the one of all 2021.  "
                     "Peru's exports then were $8.2 billion.  "
                     "Chile's exports were $3.1 billion.", dt.date(2022, 10, 2))
    assert got == [("$8.2 billion", "2021"), ("$3.1 billion", None)]


def test_and_then_is_not_a_back_reference():
    # a new paragraph: only a back-reference would carry 2021 into it
    got = paragraphs_of("Trade with Peru was $5 billion in 2021.\n\n"
                        "Firms add value and then were able to export $2 billion of it.",
                        dt.date(2022, 10, 2), kinds=("money",))
    assert got == [("$5 billion", "2021"), ("$2 billion", None)]


@pytest.mark.parametrize("words, period", [
    ("in H1 2023", "2023-01/2023-06"),
    ("in H2 FY24", "2023-10/2024-03"),
    ("in the second half of 2023", "2023-07/2023-12"),
    ("in CY23", "2023"),
    ("in calendar 2023", "2023"),
    ("in the 12 months to March 2024", "FY2023-24"),
    ("in 2023-2024", "FY2023-24"),
    ("last month", "2024-07"),
    ("in the June quarter", "2024-04/2024-06"),
    ("in the September quarter of 2023", "2023-07/2023-09"),
    ("in the December quarter of FY24", "2023-10/2023-12"),
    ("in the quarter ended June 30, 2024", "2024-04/2024-06"),
    ("in the fiscal year that ended in March", "FY2023-24"),
    ("in the fiscal ended March 2024", "FY2023-24"),
    ("till July this fiscal", "2024-04/2024-07"),
])
def test_halves_calendar_years_quarters_by_month_and_fiscal_years_without_a_label(words, period):
    """Forms common in trade reporting, in an article of 20 August 2024."""
    got = periods_of(f"Exports to Peru were $5.1 billion {words}.", dt.date(2024, 8, 20))
    assert got == [("$5.1 billion", period)]


def test_a_quarter_named_by_its_month_early_in_the_year_is_last_years():
    got = periods_of("Exports to Peru were $5.1 billion in the September quarter.",
                     dt.date(2024, 2, 10))
    assert got == [("$5.1 billion", "2023-07/2023-09")]


@pytest.mark.parametrize("words", [
    "the corresponding period of the previous year", "the corresponding period last fiscal",
    "the like period of the preceding year", "the same period last year"])
def test_the_corresponding_period_is_the_same_months_a_year_before(words):
    got = periods_of(f"Exports to Peru were $5.1 billion in April-July, against $4.2 billion in "
                     f"{words}.", dt.date(2024, 8, 20))
    assert got == [("$5.1 billion", "2024-04/2024-07"), ("$4.2 billion", "2023-04/2023-07")]


@pytest.mark.parametrize("link", ["compared with", "against", "as against"])
def test_the_preceding_year_of_a_comparison_is_the_fiscal_year_before(link):
    got = periods_of(f"Exports to Peru were $5.1 billion in FY2023-24, {link} $4.2 billion in "
                     "the preceding year.", dt.date(2024, 8, 20))
    assert got == [("$5.1 billion", "FY2023-24"), ("$4.2 billion", "FY2022-23")]


def test_a_year_opening_a_sentence_before_as_is_a_year_not_a_count():
    assert periods_of("In 2021 as a whole, exports to Peru were $5.1 billion.",
                      dt.date(2024, 8, 20)) == [("$5.1 billion", "2021")]
    assert [c.kind for c in extract_claims("Some 2000 soldiers were sent.", [(0, 29)])] \
        == ["count"]


def test_a_period_right_after_from_in_a_change_is_its_base_not_its_period():
    got = periods_of("Peru's exports to Chile were $20.1 billion in 2018; up 12.5% ($2.2 billion) "
                     "from 2017, and up 80.2% from 2008.", dt.date(2020, 2, 25))
    assert got == [("$20.1 billion", "2018"), ("12.5%", "2018"), ("$2.2 billion", "2018"),
                   ("80.2%", "2018")]
    got = periods_of("Exports to Peru fell 11.5 per cent to $1.2 billion in March from a year "
                     "earlier.", dt.date(2025, 4, 16))
    assert got == [("11.5 per cent", "2025-03"), ("$1.2 billion", "2025-03")]
    # "from the last year's deficit of $X": a period that owns the figure after it stays its own
    got = periods_of("The deficit with Peru was $9.9 billion in 2024-25, up by 10 per cent from "
                     "the last year's deficit of $9 billion.", dt.date(2025, 4, 16))
    assert got == [("$9.9 billion", "FY2024-25"), ("10 per cent", "FY2024-25"),
                   ("$9 billion", "FY2023-24")]


@pytest.mark.parametrize("words, period", [
    ("During April-December 2019-20", "2019-04/2019-12"),
    ("In April-November FY24", "2023-04/2023-11"),
    ("In January-March 2023-24", "2024-01/2024-03"),
])
def test_months_of_a_fiscal_year_named_by_its_label(words, period):
    got = periods_of(f"{words}, trade with Peru stood at $6.8 billion.", dt.date(2024, 6, 2))
    assert got == [("$6.8 billion", period)]


def test_a_period_a_few_words_after_a_figure_is_its_own():
    got = periods_of("Peru paid $13.2 billion for the imports in FY24 as against $15.7 billion "
                     "import bill in 2022-23.", dt.date(2024, 4, 18))
    assert got == [("$13.2 billion", "FY2023-24"), ("$15.7 billion", "FY2022-23")]


@pytest.mark.parametrize("sentence, older", [
    ("Peru's share soared to 8.7 per cent in 2023-24, up from 8.4 per cent.", "FY2022-23"),
    ("The net bill stood at $12.1 bn in 2023, down from $14.4 bn, data showed.", "2022"),
])
def test_the_older_side_of_up_from_without_a_period_is_the_year_before(sentence, older):
    got = periods_of(sentence, dt.date(2024, 4, 18))
    assert got[1][1] == older and got[0][1] == ("FY2023-24" if "2023-24" in sentence else "2023")


def test_quantities_take_the_sentence_before_and_an_opening_after_clause_is_scene_only():
    got = periods_of("Output was almost unchanged at 2.9 million tonnes in 2023-24.  "
                     "Peru also imported 4.8 million tonnes of copper.  "
                     "After the price shock of 2022-23, import of 3.1 billion cubic metres of "
                     "gas cost $1.3 billion in FY24.", dt.date(2024, 4, 18),
                     kinds=("quantity", "money"))
    assert got == [("2.9 million tonnes", "FY2023-24"), ("4.8 million tonnes", "FY2023-24"),
                   ("3.1 billion cubic metres", "FY2023-24"), ("$1.3 billion", "FY2023-24")]


def test_the_items_of_a_list_take_the_period_of_the_heading_above_them(tmp_path):
    from analysis.article import load_article

    path = tmp_path / "list.txt"
    path.write_text("Peru Trade\n\nPeru's exports grew.\n\nTop exports to Peru (2018)\n\n"
                    "* Copper $7.9 billion\n\n* Mineral fuels $6.7 billion\n\n"
                    "Peru also buys machinery worth $2.2 billion.\n", encoding="utf-8")
    got = [(c.text, c.period) for c in load_article(path).claims if c.kind == "money"]
    assert got == [("$7.9 billion", "2018"), ("$6.7 billion", "2018"), ("$2.2 billion", None)]


def test_twelve_months_through_a_month_without_a_year_and_the_12_month_period():
    text = ("Imports from Peru rose to $11.3 billion in 12-months through March, data showed."
            "\n\nExports to Peru fell 4 per cent to $1.5 billion in March from a year earlier, "
            "with total exports dropping to $14.3 billion in the 12-months period.")
    got = paragraphs_of(text, dt.date(2025, 4, 16), kinds=("money", "percent"))
    assert got == [("$11.3 billion", "FY2024-25"), ("4 per cent", "2025-03"),
                   ("$1.5 billion", "2025-03"), ("$14.3 billion", "FY2024-25")]
    assert periods_of("Imports from Peru were $11.3 billion in the 12 months to June.",
                      dt.date(2025, 8, 16)) == [("$11.3 billion", "2024-07/2025-06")]


def test_a_paragraph_opening_on_the_change_just_reported_continues_its_period():
    text = ("Trade with Peru in 2017 rose by 12 per cent to reach $8.4 billion."
            "\n\nThe increase was driven by a 40 per cent rise in copper exports, worth around "
            "$1.6 billion.")
    got = paragraphs_of(text, dt.date(2018, 3, 8), kinds=("money", "percent"))
    assert got == [("12 per cent", "2017"), ("$8.4 billion", "2017"), ("40 per cent", "2017"),
                   ("$1.6 billion", "2017")]


def test_two_years_then_two_figures_are_read_in_order():
    got = periods_of("In 2021-22 and 2020-21, shipments to Peru stood at $12.5 billion and "
                     "$6.5 billion.", dt.date(2023, 1, 29))
    assert got == [("$12.5 billion", "FY2021-22"), ("$6.5 billion", "FY2020-21")]


def test_a_figure_in_a_when_clause_is_of_the_period_it_hangs_on():
    got = periods_of("Exports to Peru have grown steadily since 2000-01, when they were $880 "
                     "million.", dt.date(2023, 1, 29))
    assert got == [("$880 million", "FY2000-01")]


def test_a_span_of_calendar_years_written_short():
    got = periods_of("Peru received $8.3 billion of investment during 2000-17.",
                     dt.date(2017, 10, 6))
    assert got == [("$8.3 billion", "2000/2017")]


def test_the_first_rise_since_a_month_and_less_compared_to_a_year_before():
    got = periods_of("Exports to Peru stood at $6.3 billion in October, showing a 14.5 per cent "
                     "jump from September, the first monthly surge since May.  However, they "
                     "remain 8.5 per cent less compared to $6.9 billion recorded in October 2024.",
                     dt.date(2025, 11, 18))
    assert got == [("$6.3 billion", "2025-10"), ("14.5 per cent", "2025-10"),
                   ("8.5 per cent", "2025-10"), ("$6.9 billion", "2024-10")]


def test_well_above_a_figure_of_another_year_is_the_newer_one():
    got = periods_of("Trade with Peru in 2017 reached $8.4 billion.  It is the first time that "
                     "trade has been above $8 billion, well above the $7.1 billion in 2016.",
                     dt.date(2018, 3, 8))
    assert got == [("$8.4 billion", "2017"), ("$8 billion", "2017"), ("$7.1 billion", "2016")]


def test_a_deadline_of_another_figure_and_a_total_up_to_now_give_no_period():
    got = periods_of("Trade with Peru had stagnated around $7 billion for years, despite a $10 "
                     "billion target for 2015.", dt.date(2018, 3, 8))
    assert got == [("$7 billion", None), ("$10 billion", "2015")]
    got = periods_of("Trade with Peru touched $2.2 billion in 2023-24, while Peru's investments "
                     "in India have crossed $4.3 billion.", dt.date(2025, 8, 29))
    assert got == [("$2.2 billion", "FY2023-24"), ("$4.3 billion", None)]


def test_an_amount_restated_in_rupees_is_the_same_figure_and_period():
    got = periods_of("The deficit with Peru has declined from $5.35 billion (more than Rs 39,000 "
                     "cr) in 2018-19 to $4.40 billion in 2020-21.", dt.date(2021, 8, 6))
    assert got == [("$5.35 billion", "FY2018-19"), ("Rs 39,000 cr", "FY2018-19"),
                   ("$4.40 billion", "FY2020-21")]


def test_last_year_beside_a_figure_in_an_article_on_the_fiscal_year_just_closed():
    text = ("Peru became India's top partner in 2021-22.\n\nTrade with Peru increased by 48.3% "
            "to $11.9 billion, or over Rs 92,500 crore, last year from $8.05 billion, or more "
            "than Rs 62,400 crore.")
    got = paragraphs_of(text, dt.date(2022, 5, 29), kinds=("money", "percent"))
    assert got == [("48.3%", "FY2021-22"), ("$11.9 billion", "FY2021-22"),
                   ("Rs 92,500 crore", "FY2021-22"), ("$8.05 billion", "FY2020-21"),
                   ("Rs 62,400 crore", "FY2020-21")]


def test_a_from_to_sentence_hands_on_its_newer_side_and_against_y_is_the_year_before():
    got = periods_of("In FY25, exports to Peru went up to $8.65 billion against $7.75 billion.  "
                     "Imports went up 7.4 per cent from $4.2 billion in FY24 to $4.5 billion in "
                     "FY25.  The surplus widened to $4.1 billion against $3.5 billion in FY24.",
                     dt.date(2025, 4, 16))
    assert got == [("$8.65 billion", "FY2024-25"), ("$7.75 billion", "FY2023-24"),
                   ("7.4 per cent", "FY2024-25"), ("$4.2 billion", "FY2023-24"),
                   ("$4.5 billion", "FY2024-25"), ("$4.1 billion", "FY2024-25"),
                   ("$3.5 billion", "FY2023-24")]


def test_three_years_then_three_figures_are_read_in_order():
    got = periods_of("Imports from Peru during 2018-19, 2019-20 and 2020-21 were worth $7.03 "
                     "billion, $6.52 billion and $6.51 billion, respectively.", dt.date(2021, 8, 6))
    assert got == [("$7.03 billion", "FY2018-19"), ("$6.52 billion", "FY2019-20"),
                   ("$6.51 billion", "FY2020-21")]


def test_from_to_in_a_paragraph_that_goes_on_and_the_change_of_a_from_to_sentence():
    text = ("Exports to Peru declined 14.49 per cent from $1.66 billion in FY24 to $1.42 billion "
            "in FY25.\n\nImports from the neighbouring country, however, moved up 11.52 per cent "
            "from $10.17 billion to $11.34 billion.")
    got = paragraphs_of(text, dt.date(2025, 4, 16), kinds=("money", "percent"))
    assert got == [("14.49 per cent", "FY2024-25"), ("$1.66 billion", "FY2023-24"),
                   ("$1.42 billion", "FY2024-25"), ("11.52 per cent", "FY2024-25"),
                   ("$10.17 billion", "FY2023-24"), ("$11.34 billion", "FY2024-25")]


@pytest.mark.parametrize("sentence, published, expected", [
    ("This is the best rate since October 2018, when shipments grew by 17.86%.",
     dt.date(2019, 4, 16), [("17.86%", "2018-10")]),
    ("Shipments to Peru stood at $3.31 billion for FY18-19.", dt.date(2019, 4, 16),
     [("$3.31 billion", "FY2018-19")]),
    ("Exports up 0.7% to $4.19 bn in Mar.", dt.date(2025, 4, 15),
     [("0.7%", "2025-03"), ("$4.19 bn", "2025-03")]),
    ("Between April and August of the FY 2022-23, trade with Peru stands at $3.68 billion.",
     dt.date(2022, 11, 22), [("$3.68 billion", "2022-04/2022-08")]),
    ("Deals included $2 billion in Peru Mining and Lima Retail in June 2020, $2 billion in Andes "
     "Power in April 2022 and $1 billion in Inca Foods in October 2021.", dt.date(2022, 11, 22),
     [("$2 billion", "2020-06"), ("$2 billion", "2022-04"), ("$1 billion", "2021-10")]),
])
def test_since_a_month_and_year_fy18_19_abbreviated_months_months_of_an_fy_and_list_items(
        sentence, published, expected):
    assert periods_of(sentence, published) == expected


def test_the_full_fiscal_is_the_fiscal_year_the_article_speaks_of():
    text = ("Exports to Peru were $3.3 billion for FY18-19.\n\nDuring the full fiscal, the sectors "
            "with growth include copper (28%) and tin (11%).")
    assert paragraphs_of(text, dt.date(2019, 4, 16), kinds=("money", "percent")) == [
        ("$3.3 billion", "FY2018-19"), ("28%", "FY2018-19"), ("11%", "FY2018-19")]


def test_a_change_to_a_figure_takes_its_period_and_the_same_period_is_the_sentence_s():
    got = periods_of("In 2020-21, trade with Peru stood at $8.05 billion, which rose by over 37 "
                     "percent to $12.85 billion in 2022-23.  Exports grew by 2.81 percent to "
                     "reach $7.83 billion in 2022-23, while imports soared by nearly 16 percent "
                     "to $5.02 billion in the same period.", dt.date(2023, 4, 17))
    assert got == [("$8.05 billion", "FY2020-21"), ("37 percent", "FY2022-23"),
                   ("$12.85 billion", "FY2022-23"), ("2.81 percent", "FY2022-23"),
                   ("$7.83 billion", "FY2022-23"), ("16 percent", "FY2022-23"),
                   ("$5.02 billion", "FY2022-23")]


def test_the_full_year_is_a_whole_year_in_force_and_the_previous_year_the_one_before():
    s = ("The last two months' spike lifted the full year export figure to $43.7 billion, 3.1% "
         "below the record $45.1 billion in the previous year.")
    text = "Exports to Peru for 2023-24 slowed.  " + s
    assert periods_of(text, dt.date(2024, 4, 15), kinds=("money",)) == [
        ("$43.7 billion", "FY2023-24"), ("$45.1 billion", "FY2022-23")]


def test_figures_then_their_periods_respectively_and_during_the_fiscal():
    got = periods_of("Peru's share in India's imports stood at 13.53% and 14.4% in March and "
                     "April, respectively.", dt.date(2024, 6, 19), kinds=("percent",))
    assert got == [("13.53%", "2024-03"), ("14.4%", "2024-04")]
    text = ("Exports in 2019-20 fell 4.78 per cent, and fell 34 per cent in March.\n\nThe trade gap "
            "in 2018-19 was $18.4 billion as imports during the fiscal declined 9.12 per cent.")
    assert paragraphs_of(text, dt.date(2020, 4, 15), kinds=("percent",))[-1] == (
        "9.12 per cent", "FY2019-20")


def test_a_change_registered_after_a_comparison_is_of_the_newer_year():
    got = periods_of("Exports to Peru were $4.47 billion in 2022-23 as against $4.22 billion "
                     "recorded in the previous year, registering a growth of 6.03 per cent.",
                     dt.date(2023, 4, 13))
    assert got == [("$4.47 billion", "FY2022-23"), ("$4.22 billion", "FY2021-22"),
                   ("6.03 per cent", "FY2022-23")]


def test_months_of_the_current_fiscal_year_named_by_which():
    got = periods_of("From April to December of the current fiscal year, exports to Peru increased "
                     "by 5.57 percent, reaching $5.99 billion.", dt.date(2025, 2, 28))
    assert got == [("5.57 percent", "2024-04/2024-12"), ("$5.99 billion", "2024-04/2024-12")]


def test_the_same_period_after_a_rank_s_years_is_the_period_in_force():
    got = periods_of("Peru had trade of $11.8 billion with India in FY24.  Chile, which was India's "
                     "top trading partner in the fiscal years 2021-22 and 2022-23, had a trade "
                     "volume of $11.7 billion with India in the same period.",
                     dt.date(2024, 5, 13), kinds=("money",))
    assert got == [("$11.8 billion", "FY2023-24"), ("$11.7 billion", "FY2023-24")]


def test_a_change_between_two_years_is_of_the_later():
    got = periods_of("Exports to Peru fell nearly 33 per cent between 2020–21 and 2024–25.",
                     dt.date(2025, 11, 24))
    assert got == [("33 per cent", "FY2024-25")]


def test_during_the_period_followed_by_its_months_and_a_negative_growth_registered():
    got = periods_of("Exports for April-June 2019-20 were $8.1 billion against $8.2 billion during "
                     "the period April-June 2018-19, registering a negative growth of 1.69 per "
                     "cent.", dt.date(2019, 7, 16))
    assert got == [("$8.1 billion", "2019-04/2019-06"), ("$8.2 billion", "2018-04/2018-06"),
                   ("1.69 per cent", "2019-04/2019-06")]


def test_january_to_december_is_the_calendar_year():
    got = periods_of("Exports to Peru climbed to $1.97 billion between January and December last "
                     "year.", dt.date(2026, 1, 15))
    assert got == [("$1.97 billion", "2025")]


def test_that_period_of_last_year_is_not_a_reference_to_the_period_in_force():
    from analysis.article.periods import relative_periods

    refs = [m for m in relative_periods("Exports in that period of last year were lower.",
                                        dt.date(2024, 8, 20)) if m.period_from == "same"]
    assert refs == []
    refs = [m for m in relative_periods("During the full fiscal, exports rose.",
                                        dt.date(2024, 8, 20)) if m.period_from == "same"]
    assert len(refs) == 1
