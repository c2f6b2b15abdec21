"""Report wording: findings, summaries and display tables carry the computed numbers."""

import pandas as pd

from analysis import diplomacy as dip


def totals(*counterparts, year_from=1992, year_to=2019):
    return dip.agreement_table("IND", list(counterparts), year_from, year_to)


def test_finding_names_the_closest_and_the_furthest_counterpart():
    title = dip.agreement_finding("IND", totals("RUS", "USA", "CHN"), 1992, 2019)
    assert title == ("India voted most often with China and least with the United States, "
                     "1992–2019")


def test_single_counterpart_finding_states_the_share():
    title = dip.agreement_finding("IND", totals("RUS", year_from=2017), 2017, 2019)
    assert title.startswith("India and Russia voted alike on")
    assert title.endswith("% of roll calls, 2017–2019")


def test_alignment_summary_and_display_table():
    t = totals("RUS", "USA", "CHN")
    text = dip.alignment_summary("IND", t, 1992, 2019)
    assert text.startswith("Over 1992–2019, India's votes were closest to **China** (85%")
    assert "furthest from **the United States** (30%, κ = \u22120.13)" in text  # a true minus
    shown = dip.agreement_display(t)
    assert shown["Counterpart"].tolist() == ["China", "Russia", "United States"]
    assert shown.loc[0, "Agreement, abstention = half (%)"] == "84.9"
    assert shown.loc[2, "Roll calls (both voted)"] == "2,465"


def test_abstention_summary_counts_known_votes_only():
    text = dip.abstention_summary("BRA", "ukraine", 1992, 2019)
    assert "Brazil abstained on **10 of 10**" in text and "For 4 more" in text
    assert dip.set_agreement_summary("IND", ["RUS"], 1992, 2019, "all") == ""
    assert dip.set_agreement_summary("IND", ["RUS"], 1992, 2019, "ukraine").startswith(
        "Restricted to the Ukraine resolutions of 2014–2025 (7 roll calls in the panel")


def test_ukraine_display_uses_names_and_vote_labels():
    t = dip.ukraine_display("IND", ["RUS"])
    assert list(t.columns)[-2:] == ["India", "Russia"]
    assert t.loc[t["Resolution"] == "ES-11/1", "India"].item() == "Abstain"
    assert "Business Today" in dip.ukraine_source_line(t)


def test_coverage_and_sources_come_from_the_data():
    assert dip.panel_coverage() == ("The roll-call panel runs from 1946 to its last vote in "
                                    "January 2020 (74th session).")
    items = dip.source_items()
    assert len(items) == len(dip.SOURCE_TABLES) and all(i.startswith("- ") for i in items)
    assert "Erik Voeten" in items[0]
    assert "un_votes.rda" in items[0]  # escaped for Markdown; "_" inside a word is no emphasis


def test_title_and_key_findings_name_the_country_and_state_figures():
    from analysis.diplomacy import report

    assert report.title("BRA", ["RUS", "USA", "CHN"], 1992, 2019) == (
        "Brazil at the UN General Assembly beside Russia, the United States and China, 1992–2019")
    t = totals("RUS", "USA", "CHN")
    box = report.key_findings("IND", t, 1992, 2019,
                              pd.DataFrame({"verdict": ["supported", "supported", "cannot check"]}))
    assert box.startswith('<section class="key-findings"') and box.count("\n- ") == 4
    assert "abstained on **10 of 14** votes with a known position (71 %)" in box
    assert "closest to **China** (85 % agreement" in box and "\u22120.13" in box
    assert "2 supported, 1 cannot check" in box


def test_agreement_data_is_what_the_chart_draws():
    from analysis.diplomacy import report

    by_year = dip.agreement_by_year("IND", ["RUS"], 2017, 2019)
    data = report.agreement_data(by_year)
    assert data["counterpart_name"].tolist() == ["Russia"] * 3
    assert data["half_agreement"].tolist() == by_year["half_agreement"].tolist()


def test_agreement_hover_names_each_counterpart_per_year():
    from analysis.diplomacy import report

    by_year = dip.agreement_by_year("IND", ["RUS", "USA"], 2018, 2019)
    hover = report.agreement_hover(by_year, ["RUS", "USA"])
    assert [(x0, x1) for x0, x1, _ in hover] == [(2017.5, 2018.5), (2018.5, 2019.5)]
    assert hover[0][2].startswith("2018: Russia ") and ", United States " in hover[0][2]
