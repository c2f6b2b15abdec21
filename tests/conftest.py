"""Shared fixtures: paths to the real data and to small hand-made fixtures."""

from pathlib import Path

import pytest

from analysis import DATA_DIR, ROOT

FIXTURES = Path(__file__).parent / "fixtures"


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
