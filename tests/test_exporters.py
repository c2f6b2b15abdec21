"""nbconvert exporters ties_html and ties_pdf: title block, parameters box, contents, footer."""

import re

import nbformat

from analysis import ROOT
from analysis.exporters import TiesHTMLExporter, notebook_title, report_info

SEED = ROOT / "seeds" / "000_dc0b2ade85a12fc9.txt"


def papermill_notebook(**papermill):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Article *brief*\n\nIntro."),
        nbformat.v4.new_markdown_cell("## Key points\n\ntext\n\n### Detail\n\nmore"),
    ])
    nb.metadata["papermill"] = papermill
    return nb


def test_report_info_read_from_papermill_metadata_shows_a_path_parameter_relative():
    # the route `jupyter nbconvert --to ties_html` takes, with a path parameter (used to fail
    # with NameError: _relative)
    nb = papermill_notebook(input_path=str(ROOT / "notebooks" / "article_brief.ipynb"),
                            parameters={"article": str(SEED)},
                            end_time="2026-11-25T04:33:24.5+00:00")
    info = report_info(nb)
    assert info["notebook"] == "notebooks/article_brief.ipynb"
    assert info["title"] == "Article brief"
    assert info["parameters"] == [{
        "name": "article", "value": "seeds/000_dc0b2ade85a12fc9.txt",
        "help": "article text file (UTF-8); None means the seed article in seeds/"}]
    assert info["run_date_text"] == "25 November 2026, 04:33 UTC"
    assert dict(info["data_versions"]) and all(len(v) == 64 for _, v in info["data_versions"])
    assert "git_commit" in info


def test_values_given_by_render_win_over_the_notebook_metadata():
    nb = papermill_notebook(input_path="elsewhere.ipynb", parameters={"x": 1})
    given = {"notebook": "notebooks/t.ipynb", "parameters": [], "git_commit": "abc",
             "data_versions": {"b": "2", "a": "1"}, "run_date": "2026-01-02T03:04:05+00:00"}
    info = report_info(nb, given)
    assert info["notebook"] == "notebooks/t.ipynb" and info["parameters"] == []
    assert info["git_commit"] == "abc" and info["data_versions"] == [("a", "1"), ("b", "2")]
    assert info["run_date_text"] == "02 January 2026, 03:04 UTC"


def test_title_from_metadata_then_first_heading_then_the_name():
    nb = papermill_notebook()
    assert notebook_title(nb, "x") == "Article brief"
    nb.metadata["title"] = "Set title"
    assert notebook_title(nb, "x") == "Set title"
    assert notebook_title(nbformat.v4.new_notebook(), "trade_imbalance") == "Trade imbalance"


def test_html_page_has_title_block_contents_and_no_repeated_heading():
    nb = papermill_notebook(input_path=str(ROOT / "notebooks" / "article_brief.ipynb"),
                            parameters={})
    page, resources = TiesHTMLExporter().from_notebook_node(nb)
    assert resources["ties"]["title"] == "Article brief"
    assert "<title>Article brief</title>" in page
    toc = page[page.index('class="toc"'):page.index("</nav>")]
    assert re.findall(r'href="#([^"]+)"', toc) == ["Key-points", "Detail"]
    assert not re.search(r"<h1[^>]*>Article", page[page.index("<main>"):])  # shown once, above


def test_exporters_are_registered_for_jupyter_nbconvert():
    from nbconvert.exporters import get_exporter

    from analysis.exporters import TiesPDFExporter

    assert get_exporter("ties_html") is TiesHTMLExporter
    assert get_exporter("ties_pdf") is TiesPDFExporter
    assert TiesPDFExporter().file_extension == ".pdf"


def test_contents_nest_by_heading_level():
    from analysis.exporters import toc_html

    toc = toc_html([(2, "a", "A"), (3, "b", "B"), (3, "c", "C"), (2, "d", "D")])
    assert re.sub(r"\s+", "", toc).endswith(
        '<ol><li><ahref="#a">A</a><ol><li><ahref="#b">B</a></li><li><ahref="#c">C</a>'
        '</li></ol></li><li><ahref="#d">D</a></li></ol></nav>')


def test_table_cells_with_words_are_marked_for_left_alignment():
    from analysis.exporters import finish_page

    page = finish_page('<main><table><tr><td>1,234.5</td><td>–</td><td class="data">cannot check'
                       '</td><td>sentence is <b>not</b> about trade</td></tr></table></main>', "T")
    assert '<td>1,234.5</td><td>–</td><td class="text data">cannot check</td>' in page
    assert '<td class="text">sentence is <b>not</b> about trade</td>' in page
