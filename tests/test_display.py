"""How reports show text: one escaper, library Markdown with $ escaped, escaped tables."""

import pandas as pd

from analysis import display

HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> `code` US$ 5 and $6 *x*"


def test_escape_leaves_no_markup():
    out = display.escape(HOSTILE)
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out
    assert r"\`code\`" in out and r"US\$ 5" in out and r"\*x\*" in out


def test_md_escapes_dollars_once():
    assert display.md("US$ 4.5 bn and US$ 55.4 bn").data == r"US\$ 4.5 bn and US\$ 55.4 bn"
    assert display.md("a " + display.escape("US$ 1")).data == r"a US\$ 1"
    assert display.note("US$ 1").data == r"<small>US\$ 1</small>"


def test_table_escapes_every_cell_and_marks_gaps():
    html = display.table(pd.DataFrame({"text": [HOSTILE, None], "n": [1.25, None]}),
                         precision=1).to_html()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "–" in html and "1.2" in html


def test_readable_headings():
    df = pd.DataFrame({"share_pct": [1.0]}, index=pd.Index(["FY2023-24"], name="fiscal_year"))
    shown = display.readable(df)
    assert list(shown.columns) == ["share, %"] and shown.index.name == "fiscal year"


def test_underscores_inside_words_and_urls_stay_as_written():
    assert display.escape("https://example.org/a_b?x=1") == "https://example.org/a_b?x=1"
    assert display.escape("_start and end_") == r"\_start and end\_"
