"""Notebook hygiene, the same rules for every notebook in notebooks/: stored without outputs,
one papermill parameters cell equal to the contract in analysis/params.py, the one parameter
gate right after it, and thin code cells."""

import subprocess
import sys

import nbformat
import pytest

from analysis import NOTEBOOKS_DIR, params

NOTEBOOKS = sorted(p.stem for p in NOTEBOOKS_DIR.glob("*.ipynb"))
MAX_CELL_LINES = 10


def _code(name):
    nb = nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    return nb, [c for c in nb.cells if c.cell_type == "code"]


def test_every_notebook_has_a_contract():
    assert NOTEBOOKS == sorted(params.CONTRACTS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_without_outputs(name):
    nb, code = _code(name)
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_one_parameters_cell_equal_to_the_contract(name):
    _, code = _code(name)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert tagged[0].source.strip() == params.parameters_cell(name).strip()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_first_cell_after_the_parameters_is_the_one_gate(name):
    _, code = _code(name)
    i = next(i for i, c in enumerate(code) if "parameters" in c.metadata.get("tags", []))
    assert f'params.validate("{name}", dict(' in code[i + 1].source
    for p in params.contract(name):
        assert f"{p.name}=" in code[i + 1].source
    later = "\n".join(c.source for c in code[i + 2:])
    assert "check_partner" not in later and "check_parameters" not in later


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_code_cells_are_thin(name):
    _, code = _code(name)
    long = [c.source.splitlines()[0] for c in code if len(c.source.splitlines()) > MAX_CELL_LINES]
    assert long == [], f"cells over {MAX_CELL_LINES} lines belong in analysis/"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_papermill_help_shows_types_and_help(name):
    out = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook",
                          str(NOTEBOOKS_DIR / f"{name}.ipynb")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Unknown type" not in out.stdout
    for p in params.contract(name):
        assert p.name in out.stdout and p.help in out.stdout


def test_a_bad_parameter_shows_one_line_in_jupyter_as_on_the_command_line():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    result = shell.run_cell('from analysis import params\n'
                            'params.validate("trade_imbalance", dict(partner="XXX"))')
    err = result.error_in_exec
    assert err is not None and err._render_traceback_() == [f"ParameterError: {err}"]
    assert "partner=XXX is not an ISO 3166 alpha-3 code" in str(err)
