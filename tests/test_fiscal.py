import pytest

from analysis.errors import ParameterError
from analysis.fiscal import fy_label, fy_of_month, fy_range, fy_start, is_fy_label


def test_label_and_start_round_trip():
    assert fy_label(2023) == "FY2023-24"
    assert fy_label(1999) == "FY1999-00"
    assert fy_start("FY2023-24") == 2023
    assert fy_start("FY1999-00") == 1999


@pytest.mark.parametrize("bad", ["2023-24", "FY2023-25", "FY23-24", "fy2023-24", "", "FY2023-24 "])
def test_malformed_labels_are_refused(bad):
    assert not is_fy_label(bad)
    with pytest.raises(ParameterError, match="FY2023-24"):
        fy_start(bad)


def test_range_is_inclusive_and_ordered():
    assert fy_range("FY2021-22", "FY2023-24") == ["FY2021-22", "FY2022-23", "FY2023-24"]
    assert fy_range("FY2023-24", "FY2023-24") == ["FY2023-24"]


def test_empty_range_is_an_error():
    with pytest.raises(ParameterError, match="empty fiscal-year range"):
        fy_range("FY2024-25", "FY2023-24")


def test_month_to_fiscal_year():
    assert fy_of_month(2024, 3) == "FY2023-24"  # "financial year ended March 2024"
    assert fy_of_month(2024, 4) == "FY2024-25"


# ---- fiscal years as news prose writes them (sentences written for these tests)

from analysis.fiscal import fiscal_mentions, month_number  # noqa: E402


@pytest.mark.parametrize("sentence,label", [
    ("Trade rose in FY2023-24, officials said.", "FY2023-24"),
    ("Exports fell in FY24 compared with a year earlier.", "FY2023-24"),
    ("Imports in FY2025 are expected to grow.", "FY2024-25"),
    ("The figure for 2022-23 was revised.", "FY2022-23"),
    ("In fiscal 2024 the deficit widened.", "FY2023-24"),
    ("During the financial year 2021-22 trade doubled.", "FY2021-22"),
    ("In the financial year ended March 2024 trade hit a record.", "FY2023-24"),
    ("For the fiscal year ending 31 March 2023, imports rose.", "FY2022-23"),
])
def test_fiscal_mentions_resolve_to_one_label(sentence, label):
    found = fiscal_mentions(sentence)
    assert [m.label for m in found] == [label]
    m = found[0]
    assert sentence[m.start:m.end].strip() and m.period == label


def test_a_year_ending_in_another_month_is_a_span_of_months_not_a_fiscal_year():
    [m] = fiscal_mentions("In the year ended June 2020 sales grew.")
    assert m.label is None and m.period == "2019-07/2020-06"


@pytest.mark.parametrize("text", ["between 2019-21 and later", "in 2024 alone", "$2023-24"])
def test_things_that_are_not_one_fiscal_year(text):
    assert fiscal_mentions(text) == []


def test_month_numbers_from_names_and_abbreviations():
    assert [month_number(m) for m in ("January", "Sept.", "dec", "May")] == [1, 9, 12, 5]


def test_a_fiscal_year_written_with_an_apostrophe():
    assert [f.label for f in fiscal_mentions("exports rose in 2021-'22 and FY 2022-’23")] == [
        "FY2021-22", "FY2022-23"]
