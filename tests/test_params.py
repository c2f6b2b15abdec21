"""Parameter contracts: typed values, and one-line refusals that say what is allowed."""

import json

import pytest

from analysis import params
from analysis.errors import ParameterError
from analysis.params import Param, allowed_values, defaults, validate

from pipeline_helpers import register


@pytest.fixture(autouse=True)
def contracts(monkeypatch):
    register(monkeypatch)
    monkeypatch.setitem(params.CONTRACTS, "typed", (
        Param("n", "int", 3, "a count"),
        Param("year", "year", 2019, "a calendar year"),
        Param("year_from", "year", 1992, "first year"),
        Param("year_to", "year", 2019, "last year"),
        Param("fy_from", "fiscal_year", "FY2017-18", "first FY"),
        Param("fy_to", "fiscal_year", "FY2023-24", "last FY"),
        Param("partners", "iso3_list", ["CHN", "USA"], "partners",
              choices="ties_fixture_choices:countries"),
        Param("article_path", "path", None, "a file"),
        Param("kind", "choice", "ukraine", "a named set", choices="ties_fixture_choices:sets"),
        Param("label", "str", "x", "free text"),
    ))
    import sys
    sys.modules["ties_fixture_choices"].sets = lambda: ["ukraine", "all"]


def test_declarations_keep_their_defaults():
    assert defaults("trade_imbalance")["partner"] == "RUS"
    assert defaults("trade_imbalance")["compare_with"] == ["CHN", "USA", "ARE", "SAU"]
    assert defaults("diplomatic_positioning")["year_to"] == 2019
    assert defaults("article_brief") == {"article_path": None}


def test_strings_become_typed_values_and_defaults_fill_the_rest():
    got = validate("typed", {"n": "7", "fy_to": "fy2022-23", "partners": "chn, rus",
                             "year": "2001", "kind": "all"})
    assert got["n"] == 7 and isinstance(got["n"], int)
    assert got["year"] == 2001
    assert got["fy_to"] == "FY2022-23"
    assert got["partners"] == ["CHN", "RUS"]
    assert got["kind"] == "all"
    assert got["label"] == "x" and got["article_path"] is None  # defaults
    json.dumps(got)  # what papermill receives is plain JSON-able data


def test_lists_accept_yaml_json_and_typed_values():
    assert validate("typed", {"partners": "[USA, RUS]"})["partners"] == ["USA", "RUS"]
    assert validate("typed", {"partners": '["USA"]'})["partners"] == ["USA"]
    assert validate("typed", {"partners": ["usa"]})["partners"] == ["USA"]


def test_path_becomes_absolute_and_must_exist(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("text")
    monkeypatch.chdir(tmp_path)
    assert validate("typed", {"article_path": "a.txt"})["article_path"] == str(tmp_path / "a.txt")
    with pytest.raises(ParameterError, match="no such file"):
        validate("typed", {"article_path": "missing.txt"})


@pytest.mark.parametrize("raw, message", [
    ({"nn": "1"}, "unknown parameter 'nn'; parameters: n, year, year_from"),
    ({"n": "seven"}, "n=seven is not a whole number"),
    ({"n": True}, "is not a whole number"),
    ({"year": "20"}, "is not a calendar year"),
    ({"fy_from": "2023-24"}, "expected the form FY2023-24"),
    ({"fy_from": "FY2023-25"}, "expected the form FY2023-24"),
    ({"partners": "CHN,XYZ"}, "XYZ is not an ISO 3166 alpha-3 code (three letters, e.g. RUS); "
                              "`ties render typed --help` lists the allowed values"),
    ({"partners": "CHN,FRA"}, "FRA is not in the data; allowed: CHN, RUS, USA"),
    ({"partners": "[CHN"}, "is not a list"),
    ({"kind": "iraq"}, "kind=iraq is not allowed; allowed: ukraine, all"),
    ({"year_from": "2010", "year_to": "2000"}, "empty range year_from=2010 is after year_to=2000"),
    ({"fy_from": "FY2020-21", "fy_to": "FY2018-19"}, "empty range fy_from=FY2020-21"),
])
def test_mistakes_are_refused_in_one_line_saying_what_is_allowed(raw, message):
    with pytest.raises(ParameterError) as err:
        validate("typed", raw)
    text = str(err.value)
    assert message in text
    assert "\n" not in text
    assert text.startswith("typed: ")


def test_unknown_notebook_names_the_declared_ones():
    with pytest.raises(ParameterError, match="declared: .*trade_imbalance"):
        validate("no_such_notebook", {})


def test_choices_not_available_yet_mean_no_list(monkeypatch):
    missing_module = Param("p", "iso3", "RUS", "x", choices="analysis.not_there:f")
    missing_function = Param("p", "iso3", "RUS", "x", choices="analysis.params:not_there")
    assert allowed_values(missing_module) is None
    assert allowed_values(missing_function) is None
    monkeypatch.setitem(params.CONTRACTS, "later", (missing_module,))
    assert validate("later", {"p": "fra"}) == {"p": "FRA"}  # format still checked, list absent
    with pytest.raises(ParameterError, match="not an ISO 3166"):
        validate("later", {"p": "FRANCE"})


def test_real_contracts_check_formats_without_any_data():
    with pytest.raises(ParameterError, match="trade_imbalance: partner=XX1"):
        validate("trade_imbalance", {"partner": "XX1"})
    with pytest.raises(ParameterError, match="top_n=ten is not a whole number"):
        validate("trade_imbalance", {"top_n": "ten"})
