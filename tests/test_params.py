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
    assert defaults("article_brief") == {"article": None}


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


# --- the same gate for values a notebook holds ---------------------------------------------------

def test_values_as_a_notebook_holds_them_come_back_typed_and_unchanged():
    held = dict(n=3, year=2019, year_from=1992, year_to=2019, fy_from="FY2017-18",
                fy_to="FY2023-24", partners=["CHN", "USA"], article_path=None, kind="ukraine",
                label="x")
    assert validate("typed", held) == held
    assert validate("typed", {**held, "partners": ["usa"], "fy_to": "fy2022-23"}) == {
        **held, "partners": ["USA"], "fy_to": "FY2022-23"}


@pytest.mark.parametrize("held, given", [
    ({"partner": "XXX"}, ["partner=XXX"]),
    ({"top_n": "ten"}, ["top_n=ten"]),
    ({"compare_with": ["CHN", "XY1"]}, ["compare_with=CHN,XY1"]),
    ({"fy_from": "FY2020-21", "fy_to": "FY2018-19"}, ["fy_from=FY2020-21", "fy_to=FY2018-19"]),
])
def test_a_notebook_and_the_command_line_get_the_same_message(held, given, tmp_path, capsys):
    from analysis.cli import main

    notebook_values = {**defaults("trade_imbalance"), **held}  # the whole parameters cell
    with pytest.raises(ParameterError) as err:
        validate("trade_imbalance", notebook_values)
    args = [a for item in given for a in ("-p", item)]
    assert main(["render", "trade_imbalance", *args, "--out", str(tmp_path / "r")]) == 2
    assert capsys.readouterr().err == f"ties: error: {err.value}\n"
    assert not (tmp_path / "r").exists()


# --- the parameter vocabulary -------------------------------------------------------------------

def test_non_defaults_keeps_contract_order_and_counts_undeclared_names():
    assert params.non_defaults("tiny_report", {"country": "RUS", "scale": 2}) == {}
    assert params.non_defaults("tiny_report", {"scale": 5, "country": "CHN"}) == {
        "country": "CHN", "scale": 5}
    assert params.non_defaults("tiny_report", {"scale": 5}) == {"scale": 5}  # missing: default
    assert params.non_defaults("no_contract", {"a": 1}) == {"a": 1}


def test_parameter_rows_show_lists_defaults_and_paths_relative_to_the_root(root):
    seed = root / "seeds" / "000_dc0b2ade85a12fc9.txt"
    rows = params.parameter_rows("typed", {"partners": ["CHN", "RUS"], "article_path": str(seed)})
    by_name = {r["name"]: r for r in rows}
    assert [r["name"] for r in rows][:3] == ["n", "year", "year_from"]  # contract order
    assert by_name["partners"] == {"name": "partners", "value": "CHN, RUS", "help": "partners"}
    assert by_name["article_path"]["value"] == "seeds/000_dc0b2ade85a12fc9.txt"
    assert by_name["n"]["value"] == "3"  # missing: the default
    assert params.parameter_rows("typed", {"article_path": None})[7]["value"] == "(default)"
    assert params.parameter_rows("nothing_declared", {"x": 1}) == [
        {"name": "x", "value": "1", "help": ""}]


def test_show_writes_lists_as_on_the_command_line():
    assert params.show(["CHN", "USA"]) == "CHN,USA"
    assert params.show(("CHN",)) == "CHN"
    assert params.show(None) == "None" and params.show(7) == "7"


def test_help_text_lists_type_default_allowed_values_and_help():
    text = params.help_text("typed")
    assert text.startswith("Parameters of typed (notebook file not present yet):")
    assert "  -p partners=VALUE   iso3_list, default CHN,USA\n      partners\n" \
           "      allowed: CHN, RUS, USA" in text
    with pytest.raises(ParameterError, match="no notebook named 'undeclared'"):
        params.help_text("undeclared")


# --- the parameters cell written from the contract ----------------------------------------------

def test_parameters_cell_is_one_typed_commented_line_per_parameter():
    assert params.parameters_cell("trade_imbalance").splitlines() == [
        'partner: str = "RUS"  # trade partner, ISO 3166 alpha-3',
        'reporter: str = "IND"  # reporting country, ISO 3166 alpha-3',
        'fy_from: str = "FY2017-18"  # first Indian fiscal year (April–March)',
        'fy_to: str = "FY2025-26"  # last Indian fiscal year (April–March)',
        "top_n: int = 10  # number of HS chapters shown in composition tables",
        'compare_with: list[str] = ["CHN", "USA", "ARE", "SAU"]  # comparison partners, '
        "ISO 3166 alpha-3",
        'article: "Optional[str]" = None  # article whose trade claims are checked; None means '
        "the seed article in seeds/",
    ]
    assert params.parameters_cell("article_brief") == (
        'article: "Optional[str]" = None  # article text file (UTF-8); None means the seed '
        "article in seeds/")


@pytest.mark.parametrize("notebook", ["article_brief", "trade_imbalance",
                                      "diplomatic_positioning", "typed"])
def test_parameters_cell_runs_bare_and_papermill_reads_types_defaults_and_help(notebook,
                                                                             tmp_path):
    import ast

    import nbformat
    from papermill.inspection import inspect_notebook

    source = params.parameters_cell(notebook)
    namespace: dict = {}
    exec(source, namespace)  # no import needed, even for the path's annotation
    assert {k: v for k, v in namespace.items() if k != "__builtins__" and
            not k.startswith("__")} == defaults(notebook)

    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]})
    nb = nbformat.v4.new_notebook(cells=[cell], metadata={
        "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}})
    path = tmp_path / f"{notebook}.ipynb"
    nbformat.write(nb, path)
    inferred = inspect_notebook(str(path))
    assert list(inferred) == [p.name for p in params.contract(notebook)]
    for p in params.contract(notebook):
        got = inferred[p.name]
        assert got["inferred_type_name"] == params.ANNOTATIONS[p.type].strip('"')
        assert ast.literal_eval(got["default"]) == p.default
        assert got["help"] == p.help


def test_papermill_help_notebook_shows_types_and_help(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    import nbformat

    cell = nbformat.v4.new_code_cell(params.parameters_cell("trade_imbalance"),
                                     metadata={"tags": ["parameters"]})
    nb = nbformat.v4.new_notebook(cells=[cell], metadata={
        "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}})
    nbformat.write(nb, tmp_path / "t.ipynb")
    papermill = Path(sys.executable).parent / "papermill"
    out = subprocess.run([str(papermill), "--help-notebook", str(tmp_path / "t.ipynb")],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert "Unknown type" not in out
    assert 'partner: str (default "RUS")    trade partner, ISO 3166 alpha-3' in out
    assert "top_n: int (default 10)         number of HS chapters shown" in out
    assert 'compare_with: list[str] (default ["CHN", "USA", "ARE", "SAU"])' in out


def test_parameters_cell_refuses_help_papermill_cannot_read(monkeypatch):
    monkeypatch.setitem(params.CONTRACTS, "eq", (Param("a", "int", 1, "a = b"),))
    with pytest.raises(ParameterError, match="help of a must be one line without '='"):
        params.parameters_cell("eq")


# --- bounds, lists, comparisons, data spans, files ----------------------------------------------

@pytest.mark.parametrize("raw, message", [
    ({"top_n": "0"}, "trade_imbalance: top_n=0 is too small; expected 1 to 99"),
    ({"top_n": "-5"}, "top_n=-5 is too small; expected 1 to 99"),
    ({"top_n": "1000"}, "top_n=1000 is too large; expected 1 to 99"),
    ({"compare_with": []}, "compare_with= is an empty list; name at least one code"),
    ({"compare_with": "CHN,USA,chn"}, "compare_with=CHN,USA,chn names CHN twice"),
    ({"partner": "CHN", "compare_with": "CHN,USA"},
     "compare_with=CHN,USA names partner CHN itself; compare CHN with other countries"),
])
def test_trade_contract_refuses_bounds_lists_and_self_comparison(raw, message):
    with pytest.raises(ParameterError) as err:
        validate("trade_imbalance", raw)
    assert message in str(err.value)


def test_the_default_comparison_list_may_hold_the_partner_which_the_notebook_drops():
    assert validate("trade_imbalance", {"partner": "CHN"})["compare_with"][0] == "CHN"
    assert validate("trade_imbalance", {"top_n": "1"})["top_n"] == 1


@pytest.mark.parametrize("raw, message", [
    ({"year_from": "1900"}, "year_from=1900 is outside the data; the data cover 1946–"),
    ({"year_to": "2099"}, "year_to=2099 is outside the data; the data cover 1946–"),
    ({"country": "RUS", "counterparts": ["USA", "RUS"]}, "names country RUS itself"),
])
def test_diplomacy_years_stay_inside_the_panel_and_a_country_is_not_its_own_counterpart(
        raw, message):
    with pytest.raises(ParameterError) as err:
        validate("diplomatic_positioning", raw)
    assert message in str(err.value)


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01binary", "is not a UTF-8 text file"),
    (b"caf\xe9 latin-1", "is not a UTF-8 text file"),
    (b"x" * (params.MAX_PATH_BYTES + 1), "MB; a text file of at most 2 MB is expected"),
], ids=["binary", "latin-1", "too-large"])  # short ids: no 2 MB test id in the environment
def test_a_path_parameter_must_be_a_small_text_file(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ParameterError) as err:
        validate("typed", {"article_path": str(path)})
    assert message in str(err.value)


def test_a_path_parameter_must_be_named_as_an_article(tmp_path):
    for name in ("passwd", "data.csv", "report.ipynb"):
        path = tmp_path / name
        path.write_text("root:x:0:0:root:/root:/bin/bash\n")
        with pytest.raises(ParameterError, match="is not an article file; expected a UTF-8 text "
                                                 "file named like seeds/NAME.txt"):
            validate("typed", {"article_path": str(path)})
    with pytest.raises(ParameterError, match="/etc/passwd is not an article file"):
        validate("typed", {"article_path": "/etc/passwd"})


def test_a_text_file_cut_inside_a_character_at_the_read_limit_is_still_text(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"a" * (64 * 1024 - 1) + "é".encode())
    assert validate("typed", {"article_path": str(path)})["article_path"] == str(path)


def test_notebooks_outside_notebooks_folder_need_explicit_permission(tmp_path, root):
    from analysis.params import resolve_notebook

    from pipeline_helpers import TINY

    assert resolve_notebook("trade_imbalance", allowed=[]) == root / "notebooks" / \
        "trade_imbalance.ipynb"
    with pytest.raises(ParameterError, match="not one of the project's notebooks in notebooks/; "
                                             "to render it anyway, allow it explicitly with "
                                             "--allow-notebook"):
        resolve_notebook(str(TINY), allowed=[])
    assert resolve_notebook(str(TINY), allowed=[TINY.parent]) == TINY
    assert resolve_notebook(str(TINY)) == TINY  # a Python caller named the file itself
    with pytest.raises(ParameterError, match="/etc/passwd: not a notebook"):
        resolve_notebook("/etc/passwd")
    fake = tmp_path / "fake.ipynb"
    fake.write_text("root:x:0:0:root:/root:/bin/bash\n")
    with pytest.raises(ParameterError, match="fake.ipynb: not a Jupyter notebook"):
        resolve_notebook(str(fake), allowed=[tmp_path])


def test_help_states_bounds_and_the_years_of_the_data():
    text = params.help_text("trade_imbalance")
    assert "-p top_n=VALUE   int, default 10\n      number of HS chapters shown in composition " \
           "tables\n      allowed: 1 to 99" in text
    assert "allowed: 1946 to " in params.help_text("diplomatic_positioning")
