"""The diplomatic_positioning notebook runs with its defaults (short range), for Brazil, and
refuses a bad country with a message naming the allowed codes."""

import json

import pytest

from analysis.params import CONTRACTS
from tests.conftest import notebook_text

pytestmark = pytest.mark.notebook
NB = "diplomatic_positioning"


def test_parameters_cell_matches_the_contract(root):
    nb = json.loads((root / "notebooks" / f"{NB}.ipynb").read_text())
    cells = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(cells) == 1
    ns: dict = {}
    exec("".join(cells[0]["source"]), ns)
    for p in CONTRACTS[NB]:
        assert ns[p.name] == p.default, p.name
    assert all(not c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")


def test_runs_with_defaults_on_a_short_range(execute_notebook):
    nb = execute_notebook(NB, year_from=2015, year_to=2019)
    text = notebook_text(nb)
    assert "India abstained on **6 of 6**" in text
    assert "Over 2015–2019, India's votes were closest to" in text
    assert "Shanghai Cooperation Organisation" in text
    assert "January 2020" in text  # the panel's end is stated
    assert "supported" in text and "neutral stance" in text
    assert any(o.get("data", {}).get("image/png") for c in nb.cells for o in c.get("outputs", []))


def test_runs_for_brazil(execute_notebook):
    nb = execute_notebook(NB, country="BRA", year_from=2010, year_to=2019,
                          resolutions="human_rights")
    text = notebook_text(nb)
    assert "Brazil" in text and "not stated" in text
    assert "roll calls tagged 'Human rights'" in text


def test_bad_country_names_the_allowed_codes(execute_notebook):
    import papermill as pm

    with pytest.raises(pm.PapermillExecutionError) as exc:
        execute_notebook(NB, country="XYZ")
    assert "allowed: ARE, AUS, BRA" in str(exc.value)
