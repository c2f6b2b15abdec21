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


# --- sortable, searchable long tables: HTML only, one vetted script -----------------------------

def long_table(rows: int, extra: str = "") -> str:
    """A report-style table (header row, figures with a true minus and '–' for a gap, words)."""
    values = ["1,234.5", "−57,200", "–", "12 %", "844,156.5"]
    body = "".join(f'<tr><td class="label">FY20{10 + i}-{11 + i}</td>'
                   f"<td>{values[i % len(values)]}</td><td>word {i}{extra}</td></tr>"
                   for i in range(rows))
    return ("<table><thead><tr><th>fiscal year</th><th>balance</th><th>note</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def page_with(*tables: str, footer: str = "") -> str:
    return ("<html><body><main>" + "".join(tables) + "</main><footer>" + footer
            + "</footer>\n</body>\n</html>")


def test_only_long_tables_become_interactive_with_numeric_sort_keys():
    from analysis.exporters import LONG_TABLE_ROWS, interactive_tables, table_script

    short, long_ = long_table(LONG_TABLE_ROWS), long_table(LONG_TABLE_ROWS + 1)
    assert interactive_tables(page_with(short)) == page_with(short)  # no table long enough
    page = interactive_tables(page_with(short, long_, footer=long_table(30)))
    assert page.count('class="ties-interactive"') == 1
    assert page.count(table_script()) == 1 and page.index(table_script()) > page.index("</main>")
    marked = page[page.index('class="ties-interactive"'):page.index("</main>")]
    # figures sort by their value (true minus, separators, percent), a gap first
    assert '<td data-order="1234.5">1,234.5</td>' in marked
    assert '<td data-order="-57200.0">−57,200</td>' in marked
    assert '<td data-order="">–</td>' in marked and '<td data-order="12.0">12 %</td>' in marked
    assert '<td data-order="844156.5">844,156.5</td>' in marked
    # words and fiscal years keep their text as the key
    assert marked.count("data-order") == LONG_TABLE_ROWS + 1  # one column of figures
    assert '<td class="label">FY2010-11</td><td data-order' in marked
    assert "<td>word 0</td>" in marked
    footer = page[page.index("<footer>"):page.index("</footer>")]
    assert "<table>" in footer and "ties-interactive" not in footer  # the appendix stays static


def test_merged_cells_or_no_header_row_keep_a_table_static():
    from analysis.exporters import interactive_tables

    merged = long_table(20).replace("<td>word 3</td>", '<td colspan="1">word 3</td>')
    headless = re.sub(r"<thead>.*?</thead>", "", long_table(20))
    assert interactive_tables(page_with(merged, headless)) == page_with(merged, headless)


def test_the_table_script_is_itables_offline_bundle_and_nothing_else():
    import base64
    import gzip
    from pathlib import Path

    import itables
    from itables import options

    from analysis.exporters import table_script

    script = table_script()
    assert script == table_script()  # depends on nothing but the installed itables
    assert script.startswith('<script type="module" data-ties-library="itables '
                             + itables.__version__)
    assert script.lower().count("<script") == 1 and script.lower().count("</script") == 1
    assert "https:" not in script and "http:" not in script  # offline: no CDN
    payloads = re.findall(r'unpack\("([A-Za-z0-9+/=]+)"\)', script)
    bundle = Path(options.dt_bundle)
    assert [gzip.decompress(base64.b64decode(p)) for p in payloads] == [
        bundle.read_bytes(), bundle.with_suffix(".css").read_bytes()]


def test_the_pdf_keeps_static_tables():
    from analysis.exporters import _LIBRARY_SCRIPT, TiesPDFExporter, interactive_tables

    assert TiesHTMLExporter().interactive_tables and not TiesPDFExporter().interactive_tables
    nb = executed(["# T", {"text/html": long_table(20), "text/plain": "table"}])
    page, _ = TiesHTMLExporter().from_notebook_node(nb)
    assert "data-ties-library" in page and 'class="ties-interactive"' in page
    page, _ = TiesHTMLExporter(interactive_tables=False).from_notebook_node(nb)
    assert "<script" not in page and 'class="ties-interactive"' not in page
    # html_to_pdf drops the script before layout (render.py prints the HTML page)
    assert "<script" not in _LIBRARY_SCRIPT.sub("", interactive_tables(page_with(long_table(20))))
