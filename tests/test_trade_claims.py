"""analysis.trade.claims: an article's trade claims checked against the real data/trade tables."""

from types import SimpleNamespace

import pytest

from analysis import trade
from analysis.article import Claim

SEED_SENTENCE = ("India’s bilateral trade with Russia increased by 33% in the financial year ended "
                 "March 2024, reaching an all-time high of $65.7 billion.")


def claim(kind, value, unit, scale=None, period="FY2023-24", text="", sentence=SEED_SENTENCE):
    return Claim(kind=kind, value=value, unit=unit, scale=scale, period=period, text=text,
                 sentence=sentence, span=(0, len(text)))


def article(*claims):
    return SimpleNamespace(claims=tuple(claims))


# ---- claims

@pytest.fixture(scope="module")
def seed_checked():
    """The seed's two trade figures through the seed-era table of check_claims."""
    return trade.check_claims(article(
        claim("money", 65.7, "USD", "billion", text="$65.7 billion"),
        claim("percent", 33, "percent", text="33%"),
    )).set_index("claim")


def test_check_claims_confirms_seed_figures(seed_checked):
    res = seed_checked
    assert res.loc["$65.7 billion", "verdict"] == "confirmed"
    assert res.loc["$65.7 billion", "value_computed"] == 65700
    assert res.loc["33%", "verdict"] == "confirmed"
    assert res.loc["33%", "value_computed"] == pytest.approx(33.0, abs=0.05)
    assert "preliminary vs revised" in res.loc["33%", "reason"]


def test_check_claims_period_from_sentence_when_missing():
    res = trade.check_claims(article(claim("money", 65.7, "USD", "billion", period=None,
                                           text="$65.7 billion")))
    assert res.iloc[0]["period"] == "FY2023-24" and res.iloc[0]["verdict"] == "confirmed"


def test_check_claims_differs_and_explains_provisional():
    s = "India's trade with Russia reached $44.4 billion in FY2022-23."
    res = trade.check_claims(article(claim("money", 44.4, "USD", "billion", period="FY2022-23",
                                           text="$44.4 billion", sentence=s)))
    row = res.iloc[0]
    assert row["verdict"] == "differs"
    assert "preliminary vs revised" in row["reason"] and "FIRSTPOST_APR2023" in row["reason"]
    assert row["difference"] == pytest.approx(44400 - 49400)


def test_check_claims_calendar_year_reason():
    s = "India's trade with Russia was $70.6 billion in FY2024-25."
    res = trade.check_claims(article(claim("money", 70.6, "USD", "billion", period="FY2024-25",
                                           text="$70.6 billion", sentence=s)))
    assert res.iloc[0]["verdict"] == "differs"
    assert "fiscal vs calendar year" in res.iloc[0]["reason"]


def test_check_claims_cannot_check():
    res = trade.check_claims(article(
        claim("money", 5, "USD", "billion", sentence="Austria pledged $5 billion for roads."),
        claim("percent", 10, "percent", period=None,
              sentence="Trade with Russia rose 10% at some point."),
        claim("year", 2022, "year"),
    ))
    assert list(res["verdict"]) == ["cannot check", "cannot check"]  # the year claim is skipped
    assert "not about trade with Russia" in res.iloc[0]["reason"]
    assert "no fiscal year" in res.iloc[1]["reason"]


def test_check_claims_other_partner_cannot_check_russian_sentence():
    res = trade.check_claims(article(claim("money", 65.7, "USD", "billion")), partner="CHN")
    assert res.iloc[0]["verdict"] == "cannot check"


def test_check_claims_on_seed():
    from analysis.article import load_article

    res = trade.check_claims(load_article())
    checked = res[res["verdict"] != "cannot check"]
    assert len(checked) == 2  # the $65.7 bn and the 33 %
    assert set(checked["verdict"]) == {"confirmed"}
    assert set(checked["value_claimed"]) == {65700.0, 33.0}
    assert set(checked["measure"]) == {"total", "total growth"}


# ---- the partner in any of its names (countries.text_names), fiscal years (fiscal_mentions)

def check(sentence, partner, value=65.7, scale="billion", kind="money", unit="USD"):
    c = claim(kind, value, unit, scale, period=None, text=f"${value} {scale}" if scale else
              f"{value}%", sentence=sentence)
    return trade.check_claims(article(c), partner=partner).iloc[0]


def test_partner_named_by_alias_or_abbreviation():
    row = check("Trade with the U.S. came to $119.5 billion in FY2021-22, the figures show.",
                "USA", 119.5)
    assert row["verdict"] == "confirmed" and row["period"] == "FY2021-22"
    row = check("American goods trade with India was $119.5 billion in 2021-22.", "USA", 119.5)
    assert row["verdict"] == "confirmed"


def test_currency_and_word_fragments_are_not_partner_names():
    # "US$" is a currency, not the United States; "share" does not contain the UAE
    row = check("Trade with Russia reached US$65.7 billion in FY2023-24.", "USA")
    assert "not about trade with the United States" in row["reason"]
    row = check("Its share of trade reached $65.7 billion in FY2023-24.", "ARE")
    assert "not about trade with the United Arab Emirates" in row["reason"]


@pytest.mark.parametrize("when", ["in FY24", "in fiscal 2024", "in 2023-24", "in FY2023-24",
                                  "in the financial year ended March 2024"])
def test_fiscal_year_read_from_the_sentence_in_any_form(when):
    row = check(f"Trade with Russia was $65.7 billion {when}.", "RUS")
    assert row["period"] == "FY2023-24" and row["verdict"] == "confirmed"


def test_fiscal_year_ending_in_another_month_is_not_indian():
    row = check("Trade with Russia was $65.7 billion in the year ended December 2023.", "RUS")
    assert row["verdict"] == "cannot check" and "no fiscal year" in row["reason"]


def test_sentence_naming_exports_and_imports_checks_each_figure_against_its_flow():
    s = ("Exports to the US rose to $76.18 billion in 2021-22, while imports from it grew to "
         "$43.31 billion.")
    res = trade.check_claims(article(
        claim("money", 76.18, "USD", "billion", period=None, text="$76.18 billion", sentence=s),
        claim("money", 43.31, "USD", "billion", period=None, text="$43.31 billion", sentence=s),
    ), partner="USA")
    assert list(res["measure"]) == ["export", "import"]
    assert list(res["verdict"]) == ["confirmed", "confirmed"]


# ---- check_claim: one figure at a time, any partner, by what it measures -------------------

from dataclasses import replace  # noqa: E402

from analysis.trade.claims import check_claim  # noqa: E402


def fig(text, value, kind="money", unit="USD", scale="billion", period="FY2023-24",
        measure="total_trade", flow="total", partner="RUS", qualifier=None, product=None,
        sentence=None):
    return Claim(kind=kind, value=value, unit=unit, scale=scale, period=period, text=text,
                 sentence=sentence or f"A sentence holding {text}.", span=(0, len(text)),
                 qualifier=qualifier, measure=measure, flow=flow, reporter="IND",
                 partner=partner, product=product)


def test_money_within_its_written_precision():
    assert check_claim(fig("$65.7 billion", 65.7))["verdict"] == "confirmed"
    # ±0.05 bn for the claim plus ±0.05 bn for the data (65.7 rounded): 65.5 is beyond
    assert check_claim(fig("$65.5 billion", 65.5))["verdict"] == "differs"
    close = check_claim(fig("close to $65 billion", 65, qualifier="about"))
    assert close["verdict"] == "confirmed" and "approximate" in close["reason"]
    assert check_claim(fig("over $60 billion", 60, qualifier="over"))["verdict"] == "confirmed"
    assert check_claim(fig("over $70 billion", 70, qualifier="over"))["verdict"] == "differs"


def test_other_partners_and_flows_from_the_data():
    china = check_claim(fig("$118.4 billion", 118.4, partner="CHN"))
    assert (china["verdict"], china["computed"]) == ("confirmed", pytest.approx(118.39, abs=0.01))
    rus = check_claim(fig("$13.12 billion", 13.12, period="FY2021-22"))
    assert rus["verdict"] == "confirmed"
    exports = check_claim(fig("$3.25 billion", 3.25, period="FY2021-22", measure="exports",
                              flow="export"))
    assert exports["verdict"] == "confirmed"
    deficit = check_claim(fig("$99 billion", 99, period="FY2024-25", measure="balance",
                              flow="balance", partner="CHN"))
    assert deficit["verdict"] == "confirmed"


def test_a_provisional_figure_is_confirmed_with_the_revision_named():
    us = check_claim(fig("$128.55 billion", 128.55, period="FY2022-23", partner="USA"))
    assert us["verdict"] == "confirmed"
    assert "provisional" in us["reason"] and "revised" in us["reason"]


def test_a_figure_of_another_flow_differs_with_that_reason():
    crude = check_claim(fig("USD 65.70 billion", 65.7, measure="imports", flow="import",
                            product="crude oil"))
    assert crude["verdict"] == "differs"
    assert "total trade" in crude["reason"]


def test_partial_periods_and_multipliers():
    apr_jul = check_claim(fig("$20.45 billion", 20.45, period="2023-04/2023-07",
                              measure="imports", flow="import"))
    assert (apr_jul["verdict"], apr_jul["period"]) == ("confirmed", "FY2023-24 Apr-Jul")
    assert (apr_jul["status"], apr_jul["band"]) == ("provisional", pytest.approx(0.005))
    doubled = check_claim(fig("doubled", 2, kind="multiplier", unit="times", scale=None,
                              period="2023-04/2023-07", measure="growth", flow="import"))
    assert doubled["verdict"] == "confirmed" and doubled["computed"] == pytest.approx(1.96)
    assert doubled["computed_text"].startswith("×1.96 (±") and doubled["evidence"] == "derived"


def test_growth_falls_and_alternative_sources():
    fall = check_claim(fig("14.5%", 14.5, kind="percent", unit="percent", scale=None,
                           period="FY2024-25", measure="growth", flow="export", partner="CHN",
                           sentence="Exports to China fell by 14.5% to $14.25 billion."))
    assert fall["verdict"] == "confirmed" and fall["claimed"] == -14.5
    us = check_claim(fig("7.65 per cent", 7.65, kind="percent", unit="percent", scale=None,
                         period="FY2022-23", measure="growth", partner="USA"))
    assert us["verdict"] == "confirmed" and "provisional vs revised" in us["reason"]


def test_a_share_is_never_checked_as_growth():
    share = check_claim(fig("35%", 35, kind="percent", unit="percent", scale=None,
                            measure="share", flow="import", product="crude oil",
                            sentence="Russian oil was 35% of India's oil imports in FY2023-24."))
    assert share["verdict"] == "cannot check"
    assert "share" in share["reason"] and "growth" not in share["reason"].replace(
        "not a growth rate", "")


def test_targets_ranks_and_what_the_data_do_not_hold():
    target = check_claim(fig("$100 billion", 100, period="2030", measure="target"))
    assert target["verdict"] == "not checkable"
    rank = check_claim(fig("biggest trading partner", 1, kind="rank", unit="rank", scale=None,
                           period="FY2022-23", measure="rank", partner="USA"))
    assert rank["verdict"] == "confirmed" and "among the" in rank["reason"]
    monthly = check_claim(fig("$9.6 billion", 9.6, period="2025-03", measure="imports",
                              flow="import", partner="CHN"))
    assert monthly["verdict"] == "cannot check"
    assert check_claim(fig("nine", 9, kind="count", measure="count")) is None
    assert check_claim(replace(fig("$5 billion", 5), partner=None))["verdict"] == "cannot check"


def test_a_rank_beyond_the_partners_covered_cannot_be_checked():
    far = check_claim(fig("25th spot", 25, kind="rank", unit="rank", scale=None,
                          period="FY2021-22", measure="rank"))
    assert far["verdict"] == "cannot check" and "too few partners" in far["reason"]
    # a year the data do not hold is "cannot check", not a crash of the whole check
    old = check_claim(fig("largest trading partner", 1, kind="rank", unit="rank", scale=None,
                          period="FY2016-17", measure="rank"))
    assert old["verdict"] == "cannot check" and "FY2016-17 is not covered" in old["reason"]


def test_world_totals_and_shares_of_a_flow():
    world = check_claim(fig("$675 billion", 675, period="FY2023-24", measure="imports",
                            flow="import", partner="WLD"))
    assert world["verdict"] == "differs" and "slightly" in world["reason"]
    share = check_claim(fig("15%", 15, kind="percent", unit="percent", scale=None,
                            period="FY2023-24", measure="share", flow="import", partner="CHN"))
    assert share["verdict"] == "confirmed" and share["computed"] == pytest.approx(15.0, abs=0.05)


def test_the_base_year_of_a_change():
    since = check_claim(fig("100%", 100, kind="percent", unit="percent", scale=None,
                            period="FY2021-22", measure="growth", flow="balance", partner="CHN",
                            sentence="The deficit has since increased by only 100% to $73.31 "
                                     "billion in 2021-22."))
    assert since["verdict"] == "cannot check"
    four = check_claim(fig("doubled", 2, kind="multiplier", unit="times", scale=None,
                           measure="growth", flow="balance", partner="CHN",
                           sentence="The deficit hit $85 billion, having doubled in the past "
                                    "four years."))
    assert four["verdict"] == "cannot check" and "FY2019-20" in four["reason"]


# ---- what a verdict rests on: evidence, band, status, words (issue 13) -----------------------

from analysis.trade.evidence import VERDICT_TEXT, VERDICTS  # noqa: E402


def seed_growth():
    return check_claim(fig("33%", 33, kind="percent", unit="percent", scale=None,
                           measure="growth", sentence=SEED_SENTENCE))


def test_seed_growth_is_consistent_with_reported_figures_and_shows_its_band():
    g = seed_growth()
    assert g["verdict"] == "confirmed"  # machine-readable, unchanged for consumers
    assert g["verdict_text"] == "consistent with figures as reported"
    assert g["evidence"] == "derived" and g["status"] == "provisional"
    # base 49,400 ± 600 (46.2 bn imports ± 0.05 and a deficit rounded to 43 bn ± 0.5),
    # FY2023-24 65,700 ± 50: (65,750 / 48,800 − 1) − 33.0 % = 1.7 points
    assert g["band"] == pytest.approx(1.74, abs=0.02)
    assert g["computed_text"] == "33.0 % (±1.7)"
    assert "derived from Islamabad Herald (2024): news" in g["reason"]
    assert "difference 0.0" not in g["reason"]


def test_seed_total_rests_on_a_ministry_figure_as_reported():
    t = check_claim(fig("$65.7 billion", 65.7))
    assert (t["verdict"], t["evidence"]) == ("confirmed", "ministry figure as reported")
    assert t["verdict_text"] == "consistent with figures as reported"
    assert t["band"] == pytest.approx(0.05) and t["computed_text"] == "US$ 65.70 billion (±0.05)"
    assert t["status"] == "provisional"  # published May 2024, weeks after FY2023-24 ended


def test_official_table_figure_is_confirmed_by_official_data():
    x = check_claim(fig("$4.88 billion", 4.88, period="FY2024-25", measure="exports",
                        flow="export"))
    assert (x["verdict"], x["evidence"], x["status"]) == ("confirmed", "official table", "final")
    assert x["verdict_text"] == "confirmed by official data"
    # a total computed from the same official table's exports and imports
    t = check_claim(fig("$68.69 billion", 68.69, period="FY2024-25"))
    assert (t["evidence"], t["verdict_text"]) == ("derived", "confirmed by official data")


def test_news_figure_reads_as_reported_and_other_verdicts_keep_their_words():
    n = check_claim(fig("$13.12 billion", 13.12, period="FY2021-22"))
    assert (n["evidence"], n["verdict_text"]) == ("news", "consistent with figures as reported")
    d = check_claim(fig("$65.5 billion", 65.5))
    assert (d["verdict"], d["verdict_text"]) == ("differs", "differs")
    target = check_claim(fig("$100 billion", 100, period="FY2029-30", measure="target"))
    assert (target["verdict_text"], target["evidence"]) == ("not checkable", "")
    none = check_claim(fig("$5 billion", 5, period="FY1990-91"))
    assert none["verdict_text"] == "cannot check" and none["computed_text"] == ""
    assert set(VERDICTS) == {"confirmed", "differs", "cannot check", "not checkable"}
    assert set(VERDICT_TEXT.values()) >= {"confirmed by official data",
                                          "consistent with figures as reported"}


def test_check_claims_table_carries_the_same_evidence_and_words(seed_checked):
    res = seed_checked
    assert res.loc["33%", "verdict_text"] == "consistent with figures as reported"
    assert res.loc["33%", "evidence"] == "derived"
    assert res.loc["33%", "band"] == pytest.approx(1.74, abs=0.02)
    assert res.loc["$65.7 billion", "band"] == pytest.approx(50)  # US$ mn in this table
    assert set(res["status"]) == {"provisional"}


# ---- held-out articles h11-h16 and the year-to-date gap (real figures, our own sentences) ----

def test_a_rank_as_a_supplier_is_not_a_rank_in_total_trade():
    r = check_claim(fig("biggest fertiliser supplier", 1, kind="rank", unit="rank", scale=None,
                        period="FY2022-23", measure="rank", partner="RUS"))
    assert r["verdict"] == "cannot check" and "supplier" in r["reason"]


def test_year_to_date_checked_against_partial_periods_or_says_what_is_held():
    # Apr-Sep FY2023-24 imports from Russia: 30.42 bn in data/trade/partial_periods
    held = check_claim(replace(fig("$30.42 billion", 30.42, period="2023-04/2023-09",
                                   measure="imports", flow="import"), period_from="relative"))
    assert held["verdict"] == "confirmed" and held["period"] == "FY2023-24 Apr-Sep"
    # Apr-Oct of the same year is not held: cannot check, naming the months that are
    gap = check_claim(replace(fig("$36 billion", 36, period="2023-04/2023-10",
                                  measure="imports", flow="import"), period_from="relative"))
    assert gap["verdict"] == "cannot check"
    assert "so far" in gap["reason"] and "Apr-Sep" in gap["reason"]
    # and the year-to-date figure is never compared with the full year (FY2023-24: 61.4 bn)
    assert gap["period"] != "FY2023-24"


def test_growth_from_a_base_year_the_sentence_states():
    s = ("Imports from China surged by 44.7 per cent, from USD 70.32 billion to USD 101.75 "
         "billion.")
    g = check_claim(fig("44.7 per cent", 44.7, kind="percent", unit="percent", scale=None,
                        period="FY2023-24", measure="growth", flow="import", partner="CHN",
                        sentence=s))
    assert g["verdict"] == "confirmed" and "FY2018-19" in g["reason"]


def test_a_rank_stated_before_revision_is_confirmed_with_the_revision_named():
    r = check_claim(fig("largest trading partner", 1, kind="rank", unit="rank", scale=None,
                        period="FY2023-24", measure="rank", partner="CHN"))
    assert r["verdict"] == "confirmed" and "before revision" in r["reason"]


def test_about_a_round_percentage_allows_a_loose_reading():
    s = "Imports from the US dipped by about 20 per cent to USD 40.8 billion."
    g = check_claim(fig("20 per cent", 20, kind="percent", unit="percent", scale=None,
                        period="FY2023-24", measure="growth", flow="import", partner="USA",
                        qualifier="about", sentence=s))
    assert g["verdict"] == "confirmed"
    exact = check_claim(fig("20 per cent", 20, kind="percent", unit="percent", scale=None,
                            period="FY2023-24", measure="growth", flow="import", partner="USA",
                            sentence=s.replace("about ", "")))
    assert exact["verdict"] == "differs"


# ---- calendar-year and product figures: band, status and evidence like the others ------------

def test_a_calendar_year_figure_has_the_band_of_its_statement_and_a_status_by_the_rule():
    # "$8.53 billion in 2010" (the Indian Ambassador, published 2013): stated to 0.01 bn
    y2010 = check_claim(fig("$8.53 billion", 8.53, period="2010"))
    assert (y2010["verdict"], y2010["computed"]) == ("confirmed", pytest.approx(8.53))
    assert y2010["band"] == pytest.approx(0.005) and y2010["status"] == "final"
    assert (y2010["evidence"], y2010["verdict_text"]) == ("news",
                                                         "consistent with figures as reported")
    assert y2010["computed_text"].startswith("US$ 8.53 billion (±")
    # the same page on 2012, published in 2013: before 1 January 2014, so provisional
    assert check_claim(fig("$11.04 billion", 11.04, period="2012"))["status"] == "provisional"
    # ±0.005 bn of the statement and ±0.005 of the claim do not reach 8.55
    far = check_claim(fig("$8.55 billion", 8.55, period="2010"))
    assert far["verdict"] == "differs" and far["band"] == pytest.approx(0.005)
    assert "8,530 US$ mn" in far["reason"]


def test_a_calendar_lower_bound_has_no_band_and_confirms_only_claims_not_below_it():
    # 2019: "more than $11 billion" (TASS): a claim of $12 bn is consistent, $10 bn is not
    above = check_claim(fig("$12 billion", 12, period="2019"))
    assert above["verdict"] == "confirmed" and above["band"] is None
    assert "lower bound" in above["reason"] and above["computed"] == pytest.approx(11)
    below = check_claim(fig("$10 billion", 10, period="2019"))
    assert below["verdict"] == "differs" and "(a lower bound)" in below["reason"]


def test_the_most_precise_of_several_calendar_statements_is_shown():
    # 2011: 8.87 bn (to 0.01 bn) and 8.9 bn (to 0.1 bn); a claim of $8.9 bn agrees with both
    both = check_claim(fig("$8.9 billion", 8.9, period="2011"))
    assert both["verdict"] == "confirmed" and both["band"] == pytest.approx(0.005)
    assert both["computed"] == pytest.approx(8.87)


def test_a_product_value_has_the_band_of_its_last_digit_and_a_status_by_the_rule():
    # FY2023-24 crude: "$46.5 billion" (Mint via RT, May 2024): ±0.05 bn, provisional
    crude = check_claim(fig("$46.5 billion", 46.5, measure="imports", flow="import",
                            product="crude oil"))
    assert (crude["verdict"], crude["band"]) == ("confirmed", pytest.approx(0.05))
    assert (crude["status"], crude["evidence"]) == ("provisional", "ministry figure as reported")
    assert crude["computed_text"] == "US$ 46.50 billion (±0.05)"
    # FY2022-23: "up from $31 billion" in the same May 2024 report: ±0.5 bn, and final by then
    prev = check_claim(fig("$31.4 billion", 31.4, period="FY2022-23", measure="imports",
                           flow="import", product="crude oil"))
    assert (prev["verdict"], prev["band"], prev["status"]) == ("confirmed", pytest.approx(0.5),
                                                               "final")
    # a figure off by more than both precisions differs, with band and status still shown
    off = check_claim(fig("$47.5 billion", 47.5, measure="imports", flow="import",
                          product="crude oil"))
    assert off["verdict"] == "differs" and off["band"] == pytest.approx(0.05)
    assert off["status"] == "provisional" and "46,500" in off["reason"]


def test_rounding_intervals_that_only_touch_do_not_agree():
    """US total trade in FY2023-24 is 118.3 bn (GTRI, to 0.1 bn): "$118.2 billion" stands for
    118.15-118.25 and the data for 118.25-118.35 — one point in common, so no agreement."""
    touch = check_claim(fig("$118.2 billion", 118.2, partner="USA"))
    assert touch["verdict"] == "differs"
    assert touch["reason"].startswith("rounding: $118.2 billion and the data's 118.3")
    assert "cannot be the same value" in touch["reason"]
    assert check_claim(fig("$118.3 billion", 118.3, partner="USA"))["verdict"] == "confirmed"
    assert check_claim(fig("$65.7 billion", 65.7))["verdict"] == "confirmed"  # the seed's


def test_decreased_by_is_a_fall_and_a_rank_over_two_fiscal_years_is_checked_in_each():
    down = check_claim(fig("1.32 per cent", 1.32, kind="percent", unit="percent", scale=None,
                           measure="growth", flow="export", partner="USA",
                           sentence="Exports to the US decreased by 1.32 per cent to $77.5 "
                                    "billion."))
    assert down["verdict"] == "confirmed" and down["claimed"] == -1.32
    both = check_claim(fig("top trading partner", 1, kind="rank", unit="rank", scale=None,
                           period="2021-04/2023-03", measure="rank", partner="USA"))
    assert both["verdict"] == "confirmed"
    assert "FY2021-22:" in both["reason"] and "FY2022-23:" in both["reason"]
    china = check_claim(fig("top trading partner", 1, kind="rank", unit="rank", scale=None,
                            period="2021-04/2023-03", measure="rank", partner="CHN"))
    assert china["verdict"] == "differs"


def test_a_partial_period_figure_that_only_touches_the_data_differs_by_rounding():
    """April-December FY2022-23 imports from Russia: 32.8 bn (to 0.1 bn) and 32.81 bn (to
    0.01 bn) are held; "$32.9 billion" touches the first and misses the second."""
    apr_dec = check_claim(fig("$32.9 billion", 32.9, period="2022-04/2022-12",
                              measure="imports", flow="import"))
    assert apr_dec["verdict"] == "differs"
    assert apr_dec["reason"].startswith("rounding: $32.9 billion and the data's 32.8 billion")
    near = check_claim(fig("$32.8 billion", 32.8, period="2022-04/2022-12", measure="imports",
                           flow="import"))
    assert near["verdict"] == "confirmed"


def test_a_multiplier_after_a_from_to_pair_is_measured_from_the_from_year():
    # the base year named on the from side (not in the data) is not replaced by the year before
    span = check_claim(fig("1.8 times", 1.8, kind="multiplier", unit="times", scale=None,
                           period="FY2021-22", measure="growth", flow="balance", partner="CHN",
                           sentence="The deficit with China went from $40 billion in 2013-14 "
                                    "to $72.9 billion in 2021-22 (1.8 times)."))
    assert span["verdict"] == "cannot check" and "FY2013-14" in span["reason"]


def test_a_figure_without_a_period_is_confirmed_by_the_period_in_force_never_refuted():
    from dataclasses import replace

    # "Exports to the US came to $86.51 billion." in a paragraph after a lead on 2024-25
    ok = check_claim(replace(fig("$86.51 billion", 86.51, period=None, measure="exports",
                                 flow="export", partner="USA"), period_in_force="FY2024-25"))
    assert ok["verdict"] == "confirmed" and ok["period"] == "FY2024-25"
    assert ok["reason"].startswith("no period stated for the figure; read as FY2024-25")
    # a figure the period in force does not bear out is not called different on its strength
    off = check_claim(replace(fig("$80 billion", 80, period=None, measure="exports",
                                  flow="export", partner="USA"), period_in_force="FY2024-25"))
    assert off["verdict"] == "cannot check" and off["period"] is None
    assert "for FY2024-25" in off["reason"] and "86.51" in off["reason"]
    # without a period in force, or for a change (whose base a period alone does not fix)
    assert check_claim(fig("$86.51 billion", 86.51, period=None, measure="exports",
                           flow="export", partner="USA"))["verdict"] == "cannot check"
    growth = check_claim(replace(fig("11.6 per cent", 11.6, kind="percent", unit="percent",
                                     scale=None, period=None, measure="growth", flow="export",
                                     partner="USA"), period_in_force="FY2024-25"))
    assert growth["verdict"] == "cannot check"


def test_a_share_of_trade_with_a_region_is_not_a_share_of_indias_total():
    s = ("Singapore was a major partner in 2023-24 with trade of USD 35.61 billion, which accounts "
         "for approximately 29 per cent of India's trade with ASEAN.")
    r = check_claim(fig("approximately 29 per cent", 29, kind="percent", unit="percent",
                        scale=None, period="FY2023-24", measure="share", partner="SGP",
                        qualifier="about", sentence=s))
    assert r["verdict"] == "cannot check" and "ASEAN" in r["reason"]


def test_a_product_s_change_or_exports_are_not_checked_against_all_trade():
    dip = check_claim(fig("16 per cent", 16, kind="percent", unit="percent", scale=None,
                          period="FY2023-24", measure="growth", flow="import", partner="WLD",
                          product="crude oil"))
    assert dip["verdict"] == "cannot check" and "crude oil" in dip["reason"]
    out = check_claim(fig("$47.4 billion", 47.4, period="FY2023-24", measure="exports",
                          flow="export", partner="WLD", product="petroleum products"))
    assert out["verdict"] == "cannot check"


def test_services_figures_are_not_checked_against_merchandise_trade():
    s = "Overall exports of goods and services are estimated at USD 776.68 billion in 2023-24."
    r = check_claim(fig("USD 776.68 billion", 776.68, period="FY2023-24", measure="exports",
                        flow="export", partner="WLD", sentence=s))
    assert r["verdict"] == "cannot check" and "merchandise" in r["reason"]


def test_a_change_between_two_named_years_is_measured_from_the_first():
    s = "India's exports to China fell nearly 33 per cent between 2020–21 and 2024–25."
    r = check_claim(fig("33 per cent", 33, kind="percent", unit="percent", scale=None,
                        period="FY2024-25", measure="growth", flow="export", partner="CHN",
                        qualifier="about", sentence=s))
    assert "FY2020-21" in r["reason"] and r["verdict"] == "confirmed"


def test_last_year_as_a_calendar_year_may_be_confirmed_as_the_fiscal_year_that_began_in_it():
    s = "Crude imports propelled bilateral trade with Russia to $65.70 billion last year."
    from dataclasses import replace

    r = check_claim(replace(fig("$65.70 billion", 65.70, period="2023", sentence=s),
                            period_from="relative"))
    assert r["verdict"] == "confirmed" and r["reason"].startswith("read as the fiscal year FY2023-24")
    stated = check_claim(fig("$65.70 billion", 65.70, period="2023", sentence=s))
    assert stated["verdict"] == "differs"  # "in 2023", written out, is the calendar year

