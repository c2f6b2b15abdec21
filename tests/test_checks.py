"""analysis.checks: `ties check` as a library — every claim the data could speak to gets a
verdict, on the seed, on an invented fixture article and on the real articles when present."""

from pathlib import Path

import pytest

from analysis.article import load_article
from analysis.checks import check_article, for_domain, summary_markdown, verdict_counts
from analysis.trade.evidence import RECORD_COLUMNS, VERDICTS

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "articles"


def test_seed_headline_figures_confirmed(seed):
    checked = check_article(seed)
    assert list(checked.columns) == RECORD_COLUMNS
    by_text = checked.set_index("text")
    assert by_text.loc["$65.7 billion", "verdict"] == "confirmed"
    assert by_text.loc["$65.7 billion", "computed"] == pytest.approx(65.7)
    growth = by_text.loc["33%"]
    assert (growth["verdict"], growth["measure"], growth["period"]) == (
        "confirmed", "growth", "FY2023-24")
    stance = checked[checked["measure"] == "stance"]
    assert stance["verdict"].tolist() == ["confirmed"]


def test_fixture_article_with_figures_the_data_hold():
    a = load_article(FIXTURES / "article_china_trade.txt")
    checked = check_article(a).set_index("text")
    for text in ("$14.25 billion", "$99 billion", "$85 billion", "$118.4 billion",
                 "$115.42 billion", "14.5%"):
        assert checked.loc[text, "verdict"] == "confirmed", (text, checked.loc[text, "reason"])
    assert checked.loc["$85 billion", "period"] == "FY2023-24"  # "a year ago"
    assert checked.loc["$150 billion", "verdict"] == "not checkable"
    share = checked.loc["35%"]
    assert share["measure"] == "share" and share["verdict"] == "cannot check"
    counts = verdict_counts(check_article(a))
    assert list(counts) == list(VERDICTS) and counts["confirmed"] >= 7


def test_domains_split_and_summary_escapes_the_title(tmp_path, seed):
    checked = check_article(seed)
    trade, dip = for_domain(checked, "trade"), for_domain(checked, "diplomacy")
    assert len(trade) + len(dip) == len(checked)
    assert set(trade["text"]) == {"33%", "$65.7 billion"}
    hostile = load_article(FIXTURES / "article_hostile_markup.txt")
    text = summary_markdown(check_article(hostile), hostile)
    assert "<script" not in text.lower() and "<img" not in text.lower()


def test_escaped_in_the_report_table():
    from analysis.display import table

    hostile = load_article(FIXTURES / "article_hostile_markup.txt")
    checked = check_article(hostile)
    assert checked["sentence"].str.contains("<script").any()  # the markup reached the records
    html = table(checked).to_html()
    assert "<script" not in html.lower() and "<img" not in html.lower()


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="../shared/articles is not present")
def test_real_articles_get_verdicts():
    """The figures the data hold for the development articles get the verdict an analyst
    would give (data: FY2024-25 India–China, FY2022-23 India–US, Apr–Jul 2023 imports from
    Russia)."""
    expect = {
        "02_": {"$20.45 billion": "confirmed", "$10.42 billion": "confirmed"},
        "04_": {"$65 billion": "confirmed", "$4 billion": "confirmed"},
        "05_": {"USD 65.70 billion": "differs"},
        "06_": {"$100 billion": "not checkable"},
        "10_": {"$99 billion": "confirmed", "$14.25 billion": "confirmed"},
        "11_": {"$128.55 billion": "confirmed", "$72.91 billion": "confirmed"},
    }
    for prefix, wanted in expect.items():
        path = next(ARTICLES.glob(f"{prefix}*.txt"))
        checked = check_article(load_article(path)).drop_duplicates("text").set_index("text")
        for text, verdict in wanted.items():
            assert checked.loc[text, "verdict"] == verdict, (path.name, text)
    votes = check_article(load_article(next(ARTICLES.glob("08_*.txt"))))
    india = votes[(votes["measure"] == "vote") & (votes["partner"] == "IND")]
    assert set(india["verdict"]) == {"confirmed"}


def test_every_record_says_what_its_verdict_rests_on(seed):
    from analysis.checks import SHOWN_COLUMNS, shown

    checked = check_article(seed)
    assert set(checked["verdict"]) <= set(VERDICTS)
    words = {"confirmed by official data", "consistent with figures as reported", "differs",
             "cannot check", "not checkable"}
    assert set(checked["verdict_text"]) <= words
    growth = checked.set_index("text").loc["33%"]
    assert growth["computed_text"] == "33.0 % (±1.7)" and growth["evidence"] == "derived"
    table = shown(checked)
    assert list(table.columns) == ["text", "period", "measure", "data (± band)", "evidence",
                                   "verdict", "reason"] and len(SHOWN_COLUMNS) == 7
    assert "consistent with figures as reported" in set(table["verdict"])


def test_vote_checks_name_news_reports_as_their_evidence():
    checked = check_article(load_article(FIXTURES / "article_un_vote.txt"))
    votes = checked[checked["measure"] == "vote"]
    assert len(votes) and set(votes["evidence"]) == {"news"}  # ES-11 votes come from reports
    assert set(votes["verdict_text"]) == {"consistent with figures as reported"}


def test_summary_counts_in_the_words_of_the_verdicts(seed):
    text = summary_markdown(check_article(seed), seed)
    assert "consistent with figures as reported" in text
    assert "**2** confirmed" not in text  # the seed's figures rest on reported figures
