"""notebooks/trade_imbalance.ipynb executed as the scheduler runs it."""

import pytest

from conftest import notebook_text

pytestmark = pytest.mark.notebook


def test_defaults(execute_notebook):
    nb = execute_notebook("trade_imbalance")
    text = notebook_text(nb)
    assert "India–Russia trade, FY2017-18 to FY2025-26" in text  # the title names the pair
    assert "US\\$ 59.9 bn" in text  # FY2025-26 total, provisional, from the library
    assert "Russia: total trade and India's world total" in text
    assert "FY2022-23" in text and "Islamabad Herald (2024)" in text  # cited by short name
    assert "ALIPOV_JAN2024" not in text  # internal source ids stay off the page
    assert text.count(">consistent with figures as reported</td>") == 2  # $65.7 bn and 33 %
    images = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert images == 4  # flows, imports, exports, rank
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]
    assert not errors, errors
    # tables show headings for readers, not the library's column names
    assert ">partners covered</th>" in text and "n_partners" not in text
    assert "_usd_mn</th>" not in text and ">fiscal_year<" not in text


def test_china_short_comparison(execute_notebook):
    nb = execute_notebook("trade_imbalance", partner="CHN", compare_with=["RUS"])
    text = notebook_text(nb)
    assert "India–China trade" in text
    assert "No complete HS-chapter breakdown" not in text  # China has one for FY2024-25
    images = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert images == 4
    # the article (the seed, about Russia) is checked against its own partner, not the report's
    assert text.count(">consistent with figures as reported</td>") == 2


def test_bad_partner_names_allowed_codes(execute_notebook):
    import papermill as pm

    with pytest.raises(pm.PapermillExecutionError) as err:
        execute_notebook("trade_imbalance", partner="XYZ")
    assert "ParameterError" in str(err.value) and "RUS" in str(err.value)


def test_bad_parameter_reads_as_on_the_command_line(execute_notebook):
    # the notebook's first cell is the same gate as `ties render`: the same one-line message
    import papermill as pm

    from analysis import params
    from analysis.errors import ParameterError

    with pytest.raises(ParameterError) as expected:
        params.validate("trade_imbalance", {"compare_with": ["CHN", "XXX"]})
    with pytest.raises(pm.PapermillExecutionError) as err:
        execute_notebook("trade_imbalance", compare_with=["CHN", "XXX"])
    assert err.value.source.startswith("from analysis import params")  # stopped at the gate
    assert str(expected.value) in str(err.value)


def test_empty_range(execute_notebook):
    # the message is the parameter gate's (params.validate), as `ties render` prints it
    import papermill as pm

    with pytest.raises(pm.PapermillExecutionError,
                       match="empty range fy_from=FY2024-25 is after fy_to=FY2021-22"):
        execute_notebook("trade_imbalance", fy_from="FY2024-25", fy_to="FY2021-22")
