"""The diplomatic_positioning notebook: its parameters cell is the contract, it runs with its
defaults (short range) and for Brazil, and a bad parameter gives the same one-line message as
`ties render`."""

import json
import re

import pytest

from analysis.params import CONTRACTS
from tests.conftest import notebook_text

pytestmark = pytest.mark.notebook
NB = "diplomatic_positioning"
TYPES = {"iso3": "str", "choice": "str", "str": "str", "year": "int", "int": "int",
         "iso3_list": "list[str]"}


def cells(root):
    return json.loads((root / "notebooks" / f"{NB}.ipynb").read_text())["cells"]


def test_parameters_cell_matches_the_contract(root):
    nb = cells(root)
    params = [c for c in nb if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1
    lines = "".join(params[0]["source"]).splitlines()
    assert len(lines) == len(CONTRACTS[NB])
    for line, p in zip(lines, CONTRACTS[NB]):
        default = json.dumps(p.default, ensure_ascii=False).replace("null", "None")
        assert line == f"{p.name}: {TYPES[p.type]} = {default}  # {p.help}"
    ns: dict = {}
    exec("".join(params[0]["source"]), ns)
    assert {p.name: ns[p.name] for p in CONTRACTS[NB]} == {p.name: p.default
                                                           for p in CONTRACTS[NB]}


def test_notebook_is_thin_and_stored_without_outputs(root):
    nb = cells(root)
    code = [c for c in nb if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert all(len("".join(c["source"]).splitlines()) <= 10 for c in code)
    first = "".join(code[1]["source"])  # the first cell after the parameters is the gate
    assert "from analysis import params" in first and f'params.validate("{NB}"' in first
    assert not any(re.search(r"check_parameters|check_partner", "".join(c["source"]))
                   for c in code)


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


def test_runs_for_a_default_counterpart_without_comparing_it_with_itself(execute_notebook):
    nb = execute_notebook(NB, country="rus", year_from=2018, year_to=2019)
    text = notebook_text(nb)
    assert "Russia's votes were closest to" in text
    assert "closest to **Russia**" not in text and "furthest from **Russia**" not in text


@pytest.mark.parametrize("country,message", [
    ("FJI", "country=FJI is not in the data; allowed: ARE, AUS, BRA"),
    ("XYZ", "country=XYZ is not an ISO 3166 alpha-3 code"),
])
def test_bad_country_gives_the_message_of_ties_render(execute_notebook, country, message):
    import papermill as pm

    with pytest.raises(pm.PapermillExecutionError) as exc:
        execute_notebook(NB, country=country)
    assert f"{NB}: {message}" in str(exc.value)
