"""analysis.article.measures: what each figure measures and about whom, on sentences written
in our own words with the constructions real articles use."""

import datetime as dt

import pytest

from analysis.article import load_article


def article_from(tmp_path, body: str, title: str = "Trade Notes", published="2024-06-15"):
    path = tmp_path / "a.txt"
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    (tmp_path / "a.meta.yml").write_text(f"published: {published}\n", encoding="utf-8")
    return load_article(path)


def figure(article, text):
    return next(c for c in article.claims if c.text == text)


@pytest.mark.parametrize("body,text,measure,flow,partner", [
    ("India's exports to Chile fell 7% to $2 billion in FY2023-24.", "$2 billion", "exports",
     "export", "CHL"),
    ("India's exports to Chile fell 7% to $2 billion in FY2023-24.", "7%", "growth", "export",
     "CHL"),
    ("Imports from Peru rose to $3 billion in 2023-24.", "$3 billion", "imports", "import",
     "PER"),
    ("The trade deficit with Peru hit $2.5 billion in 2023-24.", "$2.5 billion", "balance",
     "balance", "PER"),
    ("Peru's share of India's copper imports was 12% in 2023-24.", "12%", "share", "import",
     "PER"),
    ("Washington and New Delhi want two-way commerce at $500 billion by 2030.", "$500 billion",
     "target", "total", "USA"),
    ("Moscow supplied crude worth $46 billion in FY2023-24.", "$46 billion", "imports", "import",
     "RUS"),
])
def test_measure_flow_partner(tmp_path, body, text, measure, flow, partner):
    c = figure(article_from(tmp_path, body), text)
    assert (c.flow, c.partner, c.reporter) == (flow, partner, "IND")
    if measure:
        assert c.measure == measure


def test_the_two_countries_mean_the_articles_partner(tmp_path):
    a = article_from(tmp_path, "Chile and India signed a pact. Trade between the two countries "
                               "reached $4 billion in 2023-24.", title="India And Chile Sign")
    c = figure(a, "$4 billion")
    assert (c.measure, c.partner) == ("total_trade", "CHL")


def test_a_share_is_never_growth_and_a_tariff_is_a_tariff(tmp_path):
    a = article_from(tmp_path, "Russian oil was 35% of India's oil imports in FY2023-24. "
                               "Washington imposed a 25 percent tariff on Indian goods.")
    share = figure(a, "35%")
    assert (share.measure, share.partner, share.product) == ("share", "RUS", "crude oil")
    assert figure(a, "25 percent").measure == "tariff"


def test_it_was_keeps_the_measure_of_the_sentence_before(tmp_path):
    a = article_from(tmp_path, "Trade with Peru was $3.1 billion in 2022-23. It was $2.9 billion "
                               "in 2021-22.")
    c = figure(a, "$2.9 billion")
    assert (c.measure, c.partner, c.period) == ("total_trade", "PER", "FY2021-22")


def test_vote_tallies_and_members(tmp_path):
    a = article_from(tmp_path, "The 193-member Assembly adopted it with 120 votes in favour, "
                               "9 against and 40 abstentions.")
    assert [figure(a, t).measure for t in ("120 votes", "40 abstentions")] == [
        "votes_yes", "votes_abstain"]
    assert figure(a, "9").measure == "votes_no" if any(c.text == "9" for c in a.claims) else True
    assert a.published == dt.date(2024, 6, 15)


@pytest.mark.parametrize("body,text,flow", [
    ("Exports from Peru to India topped $5 billion in 2022-23.", "$5 billion", "import"),
    ("Peru exported goods worth $5 billion to India in 2022-23.", "$5 billion", "import"),
    ("India shipped $2 billion worth of goods to Peru in 2022-23.", "$2 billion", "export"),
    ("Trade with Peru grew on a fivefold increase in imports to $9 billion in 2022-23.",
     "fivefold",
     "import"),
])
def test_who_exports_to_whom(tmp_path, body, text, flow):
    c = figure(article_from(tmp_path, body), text)
    assert (c.flow, c.partner) == (flow, "PER")


def test_overall_imports_are_the_world_and_shares_of_them_name_the_partner(tmp_path):
    a = article_from(tmp_path, "China grew fast in 2023-24. India's overall imports declined "
                               "5.6% to $675 billion. China accounts for 15% of India's global "
                               "imports.")
    assert figure(a, "$675 billion").partner == "WLD"
    assert figure(a, "15%").partner == "CHN"


def test_growth_named_after_the_figure(tmp_path):
    a = article_from(tmp_path, "Exports to Chile rose on an 8.8% growth in 2023-24, after a 28% "
                               "decline in 2022-23.")
    assert [figure(a, t).measure for t in ("8.8%", "28%")] == ["growth", "growth"]


def test_could_hit_is_a_forecast_and_a_decline_in_exports_by_is_growth(tmp_path):
    a = article_from(tmp_path, "If the pace holds, imports from Peru could hit $50 billion.\n\n"
                               "Peru saw a marginal decline in exports by 0.6 per cent, from $5.1 "
                               "billion to $5 billion.")
    assert figure(a, "$50 billion").measure == "target"
    assert figure(a, "0.6 per cent").measure == "growth"


def test_a_lead_over_another_partner_is_a_margin_not_trade(tmp_path):
    a = article_from(tmp_path, "Peru became the top supplier, outdoing Chile by a modest $116 "
                               "million in FY2023-24.")
    assert figure(a, "$116 million").measure == "margin"


def test_overall_imports_from_a_country_are_that_countrys(tmp_path):
    a = article_from(tmp_path, "India's overall imports from Peru rose 50 percent in FY2023-24.")
    assert figure(a, "50 percent").partner == "PER"


def test_the_country_overtaken_is_not_the_partner_of_the_figure(tmp_path):
    a = article_from(tmp_path, "In 2023-24 China overtook the United States to become India's "
                               "largest trading partner, with trade of $118.4 billion.")
    c = figure(a, "$118.4 billion")
    assert (c.measure, c.partner) == ("total_trade", "CHN")


def test_a_decline_of_approximately_is_growth_and_a_doubling_to_a_target_is_a_target(tmp_path):
    a = article_from(tmp_path, "Imports from Peru saw a decline of approximately 20 per cent in "
                               "2023-24. The two sides aim to more than double trade to $10 "
                               "billion by 2030.", published="2024-06-15")
    assert figure(a, "20 per cent").measure == "growth"
    assert figure(a, "double").measure == "target"


def test_a_two_number_tally_and_opposed_votes(tmp_path):
    a = article_from(tmp_path, "The Assembly passed it 120-9. The 120-9 vote drew 40 "
                               "abstentions, and nine opposed it.")
    votes = {(c.text, c.span[0]): c.measure for c in a.claims if c.kind == "count"}
    assert sorted(set(votes.values()) - {"count"}) == ["votes_abstain", "votes_no", "votes_yes"]
    assert [m for (t, _), m in votes.items() if t == "nine opposed"] == ["votes_no"]


def test_a_plan_an_aim_and_a_projection_are_targets_but_not_the_figure_after_them(tmp_path):
    a = article_from(tmp_path, "A plan for $90 billion of trade with Peru was drawn up.\n\n"
                               "Both hope to achieve over $70 billion of trade with Peru.\n\n"
                               "They see the possibility of crossing the first goal of $60 "
                               "billion.\n\n"
                               "Trade with Peru is on course to hit $40 billion this year, "
                               "touching $19.5 billion in the first half.")
    assert [figure(a, t).measure for t in ("$90 billion", "$70 billion", "$60 billion",
                                           "$40 billion")] == ["target"] * 4
    assert figure(a, "$19.5 billion").measure != "target"


def test_can_reach_boost_to_and_feasible_are_targets(tmp_path):
    a = article_from(tmp_path, "Lima and Delhi can reach $40 billion in trade.\n\n"
                               "They are working to boost trade with Peru to $45 billion.\n\n"
                               "It appears feasible to bring trade with Peru to the mark of $50 "
                               "billion.")
    assert [figure(a, t).measure for t in ("$40 billion", "$45 billion", "$50 billion")] == [
        "target"] * 3


def test_a_country_named_once_in_passing_is_not_every_figures_partner(tmp_path):
    body = ("India's crude oil import bill fell 15% to $130.2 billion in FY2023-24.\n\n"
            "Refiners bought more cargoes after Chile's mines cut output.")
    c = figure(article_from(tmp_path, body, title="Crude Import Bill Dips"), "$130.2 billion")
    assert c.partner == "WLD"  # India's own import bill, not trade with Chile
    # named twice (or in the title), the country is the article's partner
    c = figure(article_from(tmp_path, body, title="Chile Cargoes Lift Crude Bill"),
               "$130.2 billion")
    assert c.partner == "CHL"


@pytest.mark.parametrize("sentence", ["The Assembly vote was 93-24 with 58 abstentions.",
                                      "The resolution passed 93-24, with 58 abstentions."])
def test_a_yes_no_tally_after_the_words_announcing_it(tmp_path, sentence):
    a = article_from(tmp_path, sentence, title="UN Vote", published="2022-04-07")
    got = [(c.text, c.measure) for c in a.claims if c.kind == "count"]
    assert got == [("93", "votes_yes"), ("24", "votes_no"), ("58 abstentions", "votes_abstain")]


def test_gas_named_after_the_figure_is_the_product(tmp_path):
    a = article_from(tmp_path, "This compared with $1.7 billion spent on import of 2.6 bcm of "
                               "gas in 2022-23.", title="Gas Bill")
    assert figure(a, "$1.7 billion").product == "natural gas"


@pytest.mark.parametrize("sentence", [
    "He warned that imports from Peru could rise by about 20 per cent in the current fiscal year.",
    "Exports to Peru are expected to grow 12% in FY2025-26.",
])
def test_a_change_looked_ahead_to_is_a_forecast_not_growth(tmp_path, sentence):
    a = article_from(tmp_path, sentence, published="2025-04-16")
    c = next(c for c in a.claims if c.kind == "percent")
    assert c.measure == "target"


def test_a_reported_change_stays_growth(tmp_path):
    a = article_from(tmp_path, "Imports from Peru rose by 20 per cent in FY2024-25, which could "
                               "worry refiners.", published="2025-04-16")
    assert figure(a, "20 per cent").measure == "growth"


def test_rose_to_reach_reports_what_was_reached(tmp_path):
    a = article_from(tmp_path, "Trade with Peru in 2017 rose by 12.6 per cent year-on-year to "
                               "reach $8.4 billion. The two sides aim to reach $20 billion.",
                     published="2018-03-08")
    assert figure(a, "$8.4 billion").measure == "total_trade"
    assert figure(a, "$20 billion").measure == "target"


def test_india_s_own_totals_are_trade_with_the_world(tmp_path):
    a = article_from(tmp_path, "The country's merchandise exports rose by 0.08 per cent to USD "
                               "437.42 billion in 2024-25, whereas imports climbed to USD 720.24 "
                               "billion.", title="Exports Inch Up", published="2025-04-15")
    assert {figure(a, t).partner for t in ("USD 437.42 billion", "USD 720.24 billion")} == {"WLD"}


def test_a_headline_product_is_the_product_of_figures_that_name_none(tmp_path):
    a = article_from(tmp_path, "India paid $132.4 billion for the imports in FY24. It also "
                               "exported products for $47.4 billion.",
                     title="Crude Oil Import Dips 16%", published="2024-04-18")
    assert figure(a, "$132.4 billion").product == "crude oil"


@pytest.mark.parametrize("sentence, measure", [
    ("Trade with Peru is likely to surpass $8.8 billion in FY2022-23.", "target"),
    ("As per projection, trade with Peru of $8.8 billion is seen in FY2022-23.", "target"),
    ("Exports to Peru are estimated to reach a record $8.2 billion in 2024-25.", "exports"),
])
def test_projections_are_targets_but_an_estimate_of_a_year_that_is_over_is_not(
        tmp_path, sentence, measure):
    a = article_from(tmp_path, sentence, published="2025-04-15" if "2024-25" in sentence
                     else "2022-11-22")
    c = next(c for c in a.claims if c.kind == "money")
    assert c.measure == measure


def test_what_a_change_reached_or_a_spike_lifted_is_not_a_target(tmp_path):
    a = article_from(tmp_path, "Exports to Peru grew by 2.81 percent to reach $7.83 billion in "
                               "2022-23. The spike lifted the full year figure to $43.7 billion.",
                     published="2023-04-17")
    assert figure(a, "$7.83 billion").measure == "exports"
    assert figure(a, "$43.7 billion").measure != "target"


def test_it_dipped_takes_the_flow_before_and_shipments_are_exports(tmp_path):
    a = article_from(tmp_path, "India's merchandise exports declined marginally in March to USD "
                               "41.68 billion, while for the entire 2023-24 it dipped 3.11 per cent "
                               "to USD 437.06 billion, as global shipments slowed.",
                     title="FY24 shipments at USD 437 bn", published="2024-04-15")
    dip = figure(a, "3.11 per cent")
    assert (dip.measure, dip.flow, dip.partner) == ("growth", "export", "WLD")
    assert figure(a, "USD 437.06 billion").partner == "WLD"
    assert figure(a, "USD 437 bn").flow == "export"


def test_generic_totals_in_a_partner_article_are_trade_with_the_world(tmp_path):
    a = article_from(tmp_path, "India's exports to Peru rose to $8.65 billion in FY25.\n\n"
                               "Merchandise exports for FY25 stood at $437.42 billion, marginally "
                               "higher than the $437.07 billion recorded in FY24.",
                     title="Peru surplus widens in FY25; goods exports, oil, gold", published="2025-04-15")
    c = figure(a, "$437.42 billion")
    assert (c.partner, c.product) == ("WLD", None)  # the headline lists oil, it is not about it


@pytest.mark.parametrize("sentence, text", [
    ("Goods imports dropped by a sharper 5.41% to $67.7 billion in 2023-24.", "5.41%"),
    ("Imports from Peru also rose but by a smaller margin of 7.42% in FY25.", "7.42%"),
    ("The deficit was $24 billion, 9.33% lower than the preceding year.", "9.33%"),
])
def test_loosely_worded_changes_are_growth(tmp_path, sentence, text):
    assert figure(article_from(tmp_path, sentence, published="2025-04-15"), text).measure == "growth"
