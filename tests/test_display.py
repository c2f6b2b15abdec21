"""How reports show text: one escaper, library Markdown with $ escaped, escaped tables."""

import re

import pandas as pd

from analysis import display

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> `code` US$ 5 and $6 *x*"


def test_escape_leaves_no_markup():
    out = display.escape(HOSTILE)
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out
    assert r"\`code\`" in out and r"US\$ 5" in out and r"\*x\*" in out


def test_md_escapes_dollars_once_inside_an_element_mathjax_skips():
    # JupyterLab typesets the rendered page, where "\$" is "$" again: two "US$" in a paragraph
    # became a formula ("US4.5bnandimportedUS 55.4 bn") until the output sat in mathjax_ignore
    wrap = '<div class="mathjax_ignore tex2jax_ignore">\n\n{}\n\n</div>'
    assert display.md("US$ 4.5 bn and US$ 55.4 bn").data == wrap.format(
        r"US\$ 4.5 bn and US\$ 55.4 bn")
    assert display.md("a " + display.escape("US$ 1")).data == wrap.format(r"a US\$ 1")
    assert r"<small>US\$ 1</small>" in display.note("US$ 1").data
    assert 'class="source-note"' in display.note("x").data  # print keeps it with the table above


def test_table_escapes_every_cell_and_marks_gaps():
    html = display.table(pd.DataFrame({"text": [HOSTILE, None], "n": [1.25, None]}),
                         precision=1).to_html()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "–" in html and "1.2" in html


def test_numbers_for_people():
    assert display.number(844156.5) == "844,156" and display.number(65700.0, 1) == "65,700.0"
    assert display.number(-57200.0) == "\u221257,200"  # a true minus, not a hyphen
    assert display.number(-0.04, 1) == "0.0" and display.number(None) == "–"
    assert display.number(float("nan")) == "–" and display.number(3.2, 1, sign=True) == "+3.2"
    assert display.usd_bn(65700) == "US$ 65.7 bn" and display.usd_bn(-112162.3) == "US$ \u2212112.2 bn"
    assert display.usd_bn(float("nan")) == "not available"
    assert display.percent(12.345) == "12 %" and display.percent(-1.25, 1) == "\u22121.2 %"


def test_table_shows_numbers_for_people_in_one_header_row():
    df = pd.DataFrame({"total": [65700.0, -57200.0, None], "share, %": [12.25, 3.0, 1.0],
                       "since year": [2001, 1945, 1971]},
                      index=pd.Index(["FY2023-24", "FY2024-25", "FY2025-26"], name="fiscal year"))
    html = display.table(df, index=True, decimals={"share, %": 1}).to_html()
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    assert cells[:3] == ["65,700", "12.2", "2001"]  # whole numbers without ".0", years bare
    assert "\u221257,200" in cells and "–" in cells and "65700" not in html
    assert html.count("<tr>") == 4  # one header row: "fiscal year" sits in the corner
    assert re.search(r"<th[^>]*>fiscal year</th>", html)


def test_readable_headings():
    df = pd.DataFrame({"share_pct": [1.0]}, index=pd.Index(["FY2023-24"], name="fiscal_year"))
    shown = display.readable(df)
    assert list(shown.columns) == ["share, %"] and shown.index.name == "fiscal year"


def test_underscores_inside_words_and_urls_stay_as_written():
    assert display.escape("https://example.org/a_b?x=1") == "https://example.org/a_b?x=1"
    assert display.escape("_start and end_") == r"\_start and end\_"


def test_table_offers_its_data_as_csv_named_by_its_caption():
    import base64
    import io

    df = pd.DataFrame({"total": [65700.0, None]},
                      index=pd.Index(["FY2023-24", "FY2024-25"], name="fiscal year"))
    page = display.table(df, index=True).set_caption("Trade by year, US$ million (– = none)")
    html = page._repr_html_()
    link = re.search(r'<a download="Trade-by-year-US-million.csv" href="data:text/csv;'
                     r'charset=utf-8;base64,([^"]+)">[^<]*\(CSV, 2 rows\)</a>', html)
    back = pd.read_csv(io.StringIO(base64.b64decode(link.group(1)).decode("utf-8")))
    assert back["fiscal year"].tolist() == ["FY2023-24", "FY2024-25"]
    assert back["total"].iloc[0] == 65700 and pd.isna(back["total"].iloc[1])  # raw, not "65,700"


def test_a_table_looks_in_jupyterlab_as_in_the_report_and_is_no_formula():
    # product highlights as the trade report shows them (real rows, reshaped)
    df = pd.DataFrame({"fiscal year": ["FY2022-23", "FY2023-24"],
                       "item": ["HS 27 mineral fuels from Russia", "crude oil (from Russia)"],
                       "value, US$ mn": [14477.0, 46500.0],
                       "note": ["stated as $14.5 billion", "about $46.5 billion of $61 billion"]})
    html = display.table(df)._repr_html_()
    assert html.startswith('<div class="mathjax_ignore tex2jax_ignore">')  # "$…$" no formula
    assert html.endswith("</p></div>")  # the CSV link inside too
    ident = re.search(r'<table id="(T_\w+)"', html).group(1)
    # words and their headings start from the left; a short label never wraps
    assert f"#{ident} td.col0 {{\n  text-align: left;\n  white-space: nowrap;\n}}" in html
    assert f"#{ident} th.col1 {{\n  text-align: left;\n}}" in html
    assert f"#{ident} td.col1 {{\n  text-align: left;\n}}" in html  # long text wraps
    assert f"#{ident} caption {{" in html
