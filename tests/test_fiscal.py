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
