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

def test_check_claims_confirms_seed_figures():
    res = trade.check_claims(article(
        claim("money", 65.7, "USD", "billion", text="$65.7 billion"),
        claim("percent", 33, "percent", text="33%"),
    )).set_index("claim")
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
