"""notebooks/article_brief.ipynb executed with papermill: on the seed, on a second article given
by a path relative to the project, on an article full of markup, and with a bad path."""

import re

import papermill as pm
import pytest

from analysis import ROOT

from article_helpers import HOSTILE, SECOND
from conftest import notebook_text

pytestmark = pytest.mark.notebook

NOTEBOOK = ROOT / "notebooks" / "article_brief.ipynb"


def test_seed_brief(execute_notebook):
    text = notebook_text(execute_notebook("article_brief"))
    assert "India’s Modi To Meet Putin In Moscow" in text
    assert "Jibran Munaf" in text
    assert "Significance of the Meeting" in text and "Economic Ties" in text
    assert "65.7 billion (FY2023-24)" in text  # the summary, from the library
    assert "33% (FY2023-24)" in text
    assert "February 2022" in text and "41 years" in text  # the claims table
    assert "Vinay Kwatra" in text and "Shanghai Cooperation Organisation" in text
    assert "RUS" in text and "EAS" in text


def test_second_article_by_a_path_relative_to_the_project(execute_notebook):
    # papermill runs the notebook in notebooks/; the path is read from the project root
    relative = str(SECOND.relative_to(ROOT))
    text = notebook_text(execute_notebook("article_brief", article=relative))
    assert "Japan And Vietnam Sign Chip Pact" in text
    assert "Mara Ellison" in text
    assert "€3.4 billion (FY2023-24)" in text
    assert "12.5% (FY2022-23)" in text
    assert "Rs 1,200 crore" in text and "April–December 2023" in text
    assert "Kenji Arakawa" in text and "VNM" in text and "QUAD" in text
    assert "Putin" not in text and "65.7" not in text


def test_a_missing_file_stops_at_the_gate(execute_notebook):
    with pytest.raises(pm.PapermillExecutionError) as info:
        execute_notebook("article_brief", article="no/such/article.txt")
    assert info.value.ename == "ParameterError"
    # the same one-line message `ties render` gives for this parameter
    assert info.value.evalue.startswith(
        "article_brief: article=no/such/article.txt: no such file ")


def _outputs(nb, mime):
    return ["".join(out.get("data", {}).get(mime, "")) for cell in nb.cells
            for out in cell.get("outputs", []) if mime in out.get("data", {})]


def test_article_markup_never_becomes_markup(execute_notebook):
    from analysis.exporters import TiesHTMLExporter, table_script

    nb = execute_notebook("article_brief", article=str(HOSTILE))
    markdown, html = _outputs(nb, "text/markdown"), _outputs(nb, "text/html")
    assert len(markdown) == 4 and len(html) == 3  # header, two lists, summary; three tables
    for shown in markdown + html:
        assert not [tag for tag in ("<script", "<img", "<b>") if tag in shown.lower()]
    for shown in markdown:  # every $ and backtick escaped: no formula, no code span
        assert shown.count("$") == shown.count("\\$")
        assert shown.count("`") == shown.count("\\`")
        assert "](javascript" not in shown
    tables = "\n".join(html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in tables  # shown, as text
    assert "&lt;b&gt;was&lt;/b&gt;" in tables and "$2-3 billion" in tables

    # the parameters box is given, so the page does not depend on render.parameter_rows;
    # every table is made interactive (long_table_rows=0), so the page carries the table script
    page, _ = TiesHTMLExporter(long_table_rows=0).from_notebook_node(
        nb, {"ties": {"parameters": []}})
    # the one script allowed is the vetted library script, identical to the one any page gets
    # (its text depends on the installed itables alone), and the article's cells stay in the
    # tables as escaped text: nothing of the article reaches a script or becomes markup
    assert page.count(table_script()) == 1 and page.count('class="ties-interactive"') == 3
    outside = page.replace(table_script(), "")
    assert "<script" not in outside.lower() and "data-ties-library" not in outside
    assert not re.search(r"<[a-z]+\s[^>]*\bon[a-z]+=", outside, re.I)  # no event handler
    assert "<img src=x" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "`fast-track`" in page and "<code>fast-track</code>" not in page
    assert "**possible**" in page and "<strong>possible</strong>" not in page


# --- the trade and diplomacy reports speak of the article they are given (issue 10) ---------

CHINA = ROOT / "tests" / "fixtures" / "article_china_trade.txt"
VOTE = ROOT / "tests" / "fixtures" / "article_un_vote.txt"


def test_trade_report_checks_the_article_it_is_given(execute_notebook):
    text = notebook_text(execute_notebook("trade_imbalance", partner="CHN", compare_with=["USA"],
                                          article=str(CHINA.relative_to(ROOT))))
    assert "Deficit With China Keeps Widening" in text
    assert sum(text.count(f">{w}</td>") for w in (
        "confirmed by official data", "consistent with figures as reported")) >= 7
    assert ">not checkable</td>" in text and "a share, not a growth rate" in text
    assert ">33%</td>" not in text and "Jibran Munaf" not in text  # nothing of the seed


def test_diplomacy_report_checks_the_votes_of_the_article_it_is_given(execute_notebook):
    text = notebook_text(execute_notebook("diplomatic_positioning", year_from=2015,
                                          year_to=2019, article=str(VOTE)))
    section = text.split("What the article claims")[1]
    assert "India Sits Out Assembly Vote" in section
    assert "ES-11/4" in section and ">consistent with figures as reported</td>" in section
    assert "Jibran Munaf" not in text and "neutral stance" not in section


def test_trade_report_shows_hostile_article_text_as_text(execute_notebook):
    nb = execute_notebook("trade_imbalance", fy_from="FY2022-23", compare_with=["CHN"],
                          article=str(HOSTILE))
    shown = _outputs(nb, "text/markdown") + _outputs(nb, "text/html")
    for out in shown:  # the only images are the report's own charts, inlined as PNG
        assert "<script" not in out.lower()
        assert re.findall(r"<img\b(?! src=\"data:image/png;base64,)", out, re.I) == []
