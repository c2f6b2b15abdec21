"""notebooks/article_brief.ipynb executed with papermill on the seed and on the second article."""

from pathlib import Path

import pytest
from conftest import notebook_text

SECOND = Path(__file__).parent / "fixtures" / "article_japan_vietnam.txt"

pytestmark = pytest.mark.notebook


def test_stored_without_outputs_and_with_a_parameters_cell(root):
    import nbformat

    nb = nbformat.read(root / "notebooks" / "article_brief.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and tagged[0].source.startswith("article_path = None")
    assert nb.metadata.kernelspec.name == "python3"
    assert all(len(c.source.splitlines()) <= 10 for c in code)


def test_seed_brief(execute_notebook):
    text = notebook_text(execute_notebook("article_brief"))
    assert "India’s Modi To Meet Putin In Moscow" in text
    assert "Jibran Munaf" in text
    assert "Significance of the Meeting" in text and "Economic Ties" in text
    assert "65.7 billion (FY2023-24)" in text  # the summary, from the library
    assert "33% (FY2023-24)" in text
    assert "February 2022" in text and "41 years" in text  # the claims table
    assert "Vinay Kwatra" in text and "Shanghai Cooperation Organization" in text
    assert "RUS" in text and "EAS" in text


def test_second_article_brief(execute_notebook):
    text = notebook_text(execute_notebook("article_brief", article_path=str(SECOND)))
    assert "Japan And Vietnam Sign Chip Pact" in text
    assert "Mara Ellison" in text
    assert "€3.4 billion (FY2023-24)" in text
    assert "12.5% (FY2022-23)" in text
    assert "Rs 1,200 crore" in text and "April–December 2023" in text
    assert "Kenji Arakawa" in text and "VNM" in text and "QUAD" in text
    assert "Putin" not in text and "65.7" not in text
