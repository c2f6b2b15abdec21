"""Contracts for the fixture notebooks in tests/fixtures/notebooks, shared by the pipeline tests."""

import sys
import types
from pathlib import Path

from analysis import params
from analysis.params import Param

NOTEBOOKS = Path(__file__).parent / "fixtures" / "notebooks"
TINY = NOTEBOOKS / "tiny_report.ipynb"
FAILING = NOTEBOOKS / "failing_report.ipynb"

CHOICES_MODULE = "ties_fixture_choices"

FIXTURE_CONTRACTS = {
    "tiny_report": (
        Param("country", "iso3", "RUS", "partner country, ISO alpha-3",
              choices=f"{CHOICES_MODULE}:countries"),
        Param("scale", "int", 2, "multiplier of the fixture series"),
    ),
    "failing_report": (
        Param("fail", "str", "yes", "whether the fixture fails"),
    ),
    "flaky": (),
}


def register(monkeypatch) -> None:
    """Declare the fixture notebooks' contracts and their allowed-value function."""
    module = types.ModuleType(CHOICES_MODULE)
    module.countries = lambda: ["CHN", "RUS", "USA"]
    monkeypatch.setitem(sys.modules, CHOICES_MODULE, module)
    for name, contract in FIXTURE_CONTRACTS.items():
        monkeypatch.setitem(params.CONTRACTS, name, contract)
