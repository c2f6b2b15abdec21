"""The diplomatic_positioning notebook runs with its
defaults (short range) and for Brazil, and a bad parameter gives the same one-line message as
`ties render`."""

import pytest

from tests.conftest import notebook_text

pytestmark = pytest.mark.notebook
NB = "diplomatic_positioning"


def test_runs_with_defaults_on_a_short_range(execute_notebook):
    nb = execute_notebook(NB, year_from=2015, year_to=2019)
    text = notebook_text(nb)
    assert "India abstained on **10 of 14**" in text
    assert "Over 2015–2019, India's votes were closest to" in text
    assert "Shanghai Cooperation Organisation" in text
    assert "January 2020" in text  # the panel's end is stated
    assert "consistent with figures as reported" in text and "neutral stance" in text
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
