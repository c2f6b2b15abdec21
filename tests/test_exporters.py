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


def executed(outputs_md: list[str], heading: str = "# Trade imbalance\n\nIntro."):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(heading)])
    for text in outputs_md:
        cell = nbformat.v4.new_code_cell("display(...)")
        cell.outputs = [nbformat.v4.new_output("display_data", data=text if isinstance(text, dict)
                                               else {"text/markdown": text})]
        nb.cells.append(cell)
    return nb


def test_title_names_what_the_report_is_about_and_the_notebook_heading_becomes_the_kicker():
    nb = executed(["# India–China trade, FY2017-18 to FY2025-26", "## Section\n\ntext"])
    page, resources = TiesHTMLExporter().from_notebook_node(nb)
    info = resources["ties"]
    assert info["title"] == "India–China trade, FY2017-18 to FY2025-26"
    assert info["kicker"] == "ties · Trade imbalance" and "Russia" not in info["kicker"]
    main = page[page.index("<main>"):]
    assert "<h1" not in main  # both headings shown once, in the title block
    assert "finding" not in info  # no key-findings box, no finding


def test_the_first_key_finding_is_the_page_description():
    box = ('<section class="key-findings">\n\n**Key findings**\n\n- Trade totalled **US\\$ 5.0 bn** '
           '& rose.\n- Second.\n\n</section>')
    page, resources = TiesHTMLExporter().from_notebook_node(executed(["# T", box]))
    assert resources["ties"]["finding"] == "Trade totalled US$ 5.0 bn & rose."
    assert '<meta name="description" content="Trade totalled US$ 5.0 bn &amp; rose.">' in page
    assert page.index('class="kicker"') < page.index('class="report-title"') < page.index("<main>")


def test_appendix_lists_parameters_and_only_the_tables_the_report_read():
    from analysis.exporters import TABLES_MIME, tables_read

    nb = executed(["# T", {TABLES_MIME: {"tables": ["trade/bilateral_fy"]}}])
    assert tables_read(nb) == {"trade/bilateral_fy"} and tables_read(executed([])) is None
    given = {"parameters": [{"name": "partner", "value": "CHN", "help": "trade partner"}],
             "data_versions": {"trade/bilateral_fy": "a" * 64, "diplomacy/groupings": "b" * 64}}
    page, _ = TiesHTMLExporter().from_notebook_node(nb, resources={"ties": given})
    about = page[page.index('id="about"'):]
    assert "data/trade/bilateral_fy.csv" in about and "diplomacy/groupings" not in about
    assert '<td class="value">CHN</td>' in about
    assert 'class="params"' not in page[:page.index("<main>")]  # page 1 is for the story


def test_table_headers_get_scope_and_images_alt_text():
    from analysis.exporters import finish_page

    page = finish_page('<main><table><thead><tr><th>a</th><th class="col">b</th></tr></thead>'
                       '<tbody><tr><th class="row_heading">FY2023-24</th><td>1</td></tr></tbody>'
                       '</table><img src="x.png"><img alt="Chart of X" src="y.png"></main>', "T")
    assert '<th scope="col">a</th><th scope="col" class="col">b</th>' in page
    assert '<th scope="row" class="row_heading">FY2023-24</th>' in page
    assert page.count("alt=") == 2 and 'alt="Chart of X"' in page


def test_each_chart_csv_is_offered_as_a_file_in_a_data_folder():
    import base64

    from analysis.exporters import chart_data_files

    csv = "fiscal_year,total_usd_mn\nFY2023-24,65700\n"
    link = ('<figure class="ties-chart"><img alt="A chart of X" src="x.png"><figcaption>'
            '<a download="trade-RUS-by-year.csv" href="data:text/csv;charset=utf-8;base64,'
            + base64.b64encode(csv.encode()).decode() + '">Download</a></figcaption></figure>')
    page, resources = TiesHTMLExporter().from_notebook_node(
        executed(["# T", {"text/html": link, "text/plain": "A chart of X"}]))
    assert chart_data_files(page) == {"data/trade-RUS-by-year.csv": csv.encode()}
    assert resources["outputs"]["data/trade-RUS-by-year.csv"] == csv.encode()
