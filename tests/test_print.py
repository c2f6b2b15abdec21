"""What a reader gets: the default reports (reports.yml) rendered as a user renders them, then
read back from the PDF's text and word boxes (poppler's pdftotext) and from the HTML.

Rules: every word inside the side margins on every page; numbers for people (no pandas-style
"65700.0", no four-plus digits without separators, a true minus); page 1 names the report's
subject and states a figure; no "India–Russia" kicker on another partner's report; every image
has alt text; table headers are marked; a CSV link per chart that parses.
"""

import base64
import html as htmllib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

pytestmark = [pytest.mark.notebook,
              pytest.mark.skipif(shutil.which("pdftotext") is None,
                                 reason="pdftotext (poppler-utils) is not installed")]

A4_WIDTH = 595.28  # points
SIDE_MARGIN = 18 / 25.4 * 72  # report.css: @page margin 18 mm left and right
TOLERANCE = 1.0  # points: glyph boxes overhang their advance a little


@pytest.fixture(scope="module")
def reports(default_reports) -> Path:
    """The default report set, rendered once per session by the CLI (conftest.py)."""
    return default_reports


def pdfs(folder: Path) -> list[Path]:
    found = sorted(folder.glob("*/*.pdf"))
    assert len(found) == 5, found
    return found


def pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def word_boxes(pdf: Path, with_y: bool = False) -> list[list[tuple]]:
    """Per page: (xMin, xMax, word) of every word, or (xMin, xMax, yMin, word) ``with_y``."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                           r'yMax="[\d.]+">([^<]*)</word>', page)
        pages.append([(float(a), float(c), float(y), htmllib.unescape(w)) if with_y else
                      (float(a), float(c), htmllib.unescape(w)) for a, y, c, w in words])
    return pages


def lines(words: list[tuple]) -> list[tuple[float, str]]:
    """A page's words (with y) grouped into lines: (yMin, text), top to bottom."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for x0, _, y, w in words:
        rows.setdefault(round(y), []).append((x0, w))
    return [(y, " ".join(w for _, w in sorted(ws))) for y, ws in sorted(rows.items())]


def body_text(pdf: Path) -> str:
    """The report's text before its references and the "About this report" appendix (which
    hold web addresses and checksums, not figures for reading)."""
    text = "\n".join(pages_text(pdf))
    for end in ("\nReferences\n", "6. References", "About this report\n"):
        cut = re.search(rf"^\s*{re.escape(end.strip())}\s*$", text, re.M)
        if cut:
            text = text[:cut.start()]
    return text


def test_every_word_lies_inside_the_side_margins_on_every_page(reports):
    left, right = SIDE_MARGIN - TOLERANCE, A4_WIDTH - SIDE_MARGIN + TOLERANCE
    outside = [(pdf.name, n, word, x0, x1)
               for pdf in pdfs(reports)
               for n, words in enumerate(word_boxes(pdf), 1)
               for x0, x1, word in words if x0 < left or x1 > right]
    assert outside == []


A4_HEIGHT = 841.89
FOOTER_TOP = A4_HEIGHT - 20 / 25.4 * 72  # report.css: 20 mm bottom margin holds the page footer


def test_no_heading_is_left_at_the_foot_of_a_page_without_its_content(reports):
    for pdf in pdfs(reports):
        page_html = pdf.with_suffix(".html").read_text(encoding="utf-8")
        main = page_html[page_html.index("<main>"):]
        headings = [" ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", h)).split()[:4])
                    for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", main, re.S)]
        for n, words in enumerate(word_boxes(pdf, with_y=True), 1):
            body = [(y, text) for y, text in lines(words) if y < FOOTER_TOP]
            for i, (y, text) in enumerate(body):
                if y > 0.8 * A4_HEIGHT and any(h and text.startswith(h) for h in headings):
                    assert body[i + 1:], f"{pdf.name} p. {n}: heading {text!r} ends the page"


# a number a reader should not meet: 4+ digits without separators (years and FY labels aside),
# a whole number printed with ".0" after its thousands, a hyphen for a minus sign
BARE = re.compile(r"(?<![\w.,/:#@−-])(?<!ISO )(\d{4,})(?:\.\d+)?(?![\w/-]|\.\d)")
POINT_ZERO = re.compile(r"\d,\d{3}\.0(?!\d)")
HYPHEN_MINUS = re.compile(r"(?<![\w)–-])-\d")


def test_numbers_are_written_for_people(reports):
    for pdf in pdfs(reports):
        text = body_text(pdf)
        bare = [m.group(0) for m in BARE.finditer(text) if not 1900 <= int(m.group(1)) <= 2100]
        assert bare == [], pdf.name
        assert POINT_ZERO.findall(text) == [], pdf.name
        assert HYPHEN_MINUS.findall(text) == [], pdf.name


def test_internal_ids_and_empty_lists_stay_off_the_page(reports):
    for pdf in pdfs(reports):
        text = body_text(pdf)
        assert "Years with no figure at all: none" not in text
        assert not re.search(r"\b[A-Z]+_[A-Z0-9_]*\d{4}\b", text), pdf.name  # GTRI_MAY2024


def test_page_one_names_the_pair_and_states_a_figure(reports):
    for slug, pair in (("trade_imbalance", "India–Russia trade, FY2017-18 to FY2025-26"),
                       ("trade_imbalance--partner=CHN", "India–China trade, FY2017-18 to FY2025-26")):
        first = pages_text(reports / slug / f"{slug}.pdf")[0]
        assert pair in " ".join(first.split())
        assert re.search(r"Key findings", first, re.I) and re.search(r"US\$ \d+\.\d bn", first)
    chn = " ".join(pages_text(reports / "trade_imbalance--partner=CHN"
                              / "trade_imbalance--partner=CHN.pdf")[0].split())
    assert "India–Russia" not in chn and "Russia" not in chn.split("Key findings")[0]
    bra = "diplomatic_positioning--country=BRA"
    first = " ".join(pages_text(reports / bra / f"{bra}.pdf")[0].split())
    assert "Brazil at the UN General Assembly" in first and "India–Russia" not in first
    assert re.search(r"\d+ %", first)


def test_the_appendix_lists_only_the_tables_the_report_read(reports):
    slug = "trade_imbalance"
    text = "\n".join(pages_text(reports / slug / f"{slug}.pdf"))
    about = text[text.index("About this report"):]
    assert "data/trade/bilateral_fy.csv" in about
    assert "data/diplomacy/" not in about  # a trade report reads no diplomacy table
    assert "partner" in about and "RUS" in about  # the parameters moved here


def test_html_images_have_alt_text_and_tables_mark_their_headers(reports):
    for page in sorted(reports.glob("*/*.html")):
        text = page.read_text(encoding="utf-8")
        imgs = re.findall(r"<img\b[^>]*>", text)
        assert all(re.search(r'\balt="[^"]{10,}"', i) for i in imgs), page.name
        ths = re.findall(r"<th\b[^>]*>", text)
        assert ths and all("scope=" in t for t in ths), page.name
        # one offline file: nothing fetched from elsewhere
        assert not re.search(r'<(?:script|img|link)\b[^>]*\b(?:src|href)="(?:https?:)?//', text)


def test_each_chart_offers_its_data_as_csv_that_matches_the_chart(reports):
    from analysis import trade
    from analysis.trade import report

    page = (reports / "trade_imbalance" / "trade_imbalance.html").read_text(encoding="utf-8")
    figures = re.findall(r'<figure class="ties-chart">(.*?)</figure>', page, re.S)
    assert len(figures) == 4  # flows, imports and exports by chapter, partners ranked
    links = [re.search(r'<a download="([^"]+\.csv)" href="data:text/csv;charset=utf-8;base64,'
                       r'([^"]+)"', f) for f in figures]
    assert all(links)
    first = pd.read_csv(io.StringIO(base64.b64decode(links[0].group(2)).decode("utf-8")))
    series = trade.bilateral_series("RUS", "IND", "FY2017-18", "FY2025-26")
    expected = report.chart_data(series)
    assert first["fiscal_year"].tolist() == expected["fiscal_year"].tolist()
    pd.testing.assert_series_equal(first["balance_usd_mn"], expected["balance_usd_mn"],
                                   check_names=False)
