"""Shared fixtures: paths to the real data and to small hand-made fixtures."""

from fnmatch import fnmatch
from pathlib import Path

import pytest

from analysis import DATA_DIR, ROOT

FIXTURES = Path(__file__).parent / "fixtures"

# Test modules that start Jupyter kernels or render reports: every test in them is marked
# `notebook`, so `make test-fast` (`pytest -m "not notebook"`) runs the library tests only.
# Names that do not exist yet are listed so that a rename lands already marked.
NOTEBOOK_MODULES = (
    "test_*_notebook.py",   # one notebook executed with papermill
    "test_notebooks.py",    # notebook hygiene across all notebooks
    "test_render.py",
    "test_publish.py",
    "test_exporters.py",
    "test_batch.py",
    "test_cli_render.py",
    "test_kernels.py",
)


# Library test modules that run the `ties` program as a user does, on copies of data/: marked
# `cli`, so `make test-fast` leaves them out too; `make test` and `make test-floors` run them.
CLI_MODULES = ("test_derive_update_*.py", "test_derive_rebuild.py", "test_cli_*.py")


def _notebook_module(path) -> bool:
    return any(fnmatch(Path(str(path)).name, pattern) for pattern in NOTEBOOK_MODULES)


def _runs_notebooks(item) -> bool:
    if "execute_notebook" in getattr(item, "fixturenames", ()):
        return True
    return _notebook_module(item.path)


def pytest_ignore_collect(collection_path, config):
    """Under `-m "not notebook"` skip importing the notebook modules at all.

    All their tests would be deselected anyway; not importing them saves the seconds that
    papermill/nbformat take to import, which is most of `make test-fast`'s start-up.
    """
    markexpr = " ".join((config.getoption("markexpr", "") or "").split())
    if markexpr in ("not notebook", "not notebook and not cli") and _notebook_module(
            collection_path):
        return True
    return None


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects, so the added marks count
def pytest_collection_modifyitems(config, items):
    """Mark as `notebook` every test that runs a kernel or renders a report.

    A test is marked when it uses the `execute_notebook` fixture or lives in a module
    named in NOTEBOOK_MODULES; an explicit `@pytest.mark.notebook` works anywhere.
    """
    for item in items:
        if item.get_closest_marker("notebook") is None and _runs_notebooks(item):
            item.add_marker(pytest.mark.notebook)
        if any(fnmatch(item.path.name, pattern) for pattern in CLI_MODULES):
            item.add_marker(pytest.mark.cli)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture
def execute_notebook(tmp_path):
    """Run ``notebooks/<name>.ipynb`` with papermill and the given parameters.

    Returns the executed notebook (nbformat node). A failing cell raises
    papermill.PapermillExecutionError, which carries the cell and the error.
    """
    import nbformat
    import papermill as pm

    def run(name: str, **parameters):
        out = tmp_path / f"{name}.executed.ipynb"
        pm.execute_notebook(
            str(ROOT / "notebooks" / f"{name}.ipynb"), str(out), parameters=parameters,
            kernel_name="python3", cwd=str(ROOT / "notebooks"), progress_bar=False,
        )
        return nbformat.read(out, as_version=4)

    return run


def notebook_text(nb) -> str:
    """All text a reader would see in an executed notebook's outputs and markdown."""
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            data = out.get("data", {})
            parts.append(data.get("text/markdown", "") or data.get("text/html", "") or data.get("text/plain", ""))
    return "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)


@pytest.fixture(scope="session")
def seed():
    """The seed article, parsed once for every test of analysis.article."""
    from analysis.article import load_article

    return load_article()


@pytest.fixture(scope="session")
def second():
    """The second fixture article (another topic, other number formats), parsed once."""
    from analysis.article import load_article

    return load_article(FIXTURES / "article_japan_vietnam.txt")


@pytest.fixture(scope="session")
def default_reports(tmp_path_factory) -> Path:
    """The default report set (reports.yml), rendered once per session by the CLI as a user
    renders it, into a temporary folder; shared by the print and accessibility tests."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("reports")
    run = subprocess.run([sys.executable, "-m", "analysis", "batch", str(ROOT / "reports.yml"),
                          "--out", str(out), "--quiet", "--force"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    return out
