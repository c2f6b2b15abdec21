"""The HTML reports pass an automated accessibility check: axe-core (the rules engine behind
Lighthouse's and Deque's audits, bundled by axe-playwright-python) run in Debian's Chromium,
driven by Playwright, on the default reports as a user renders them (the session's
``default_reports``, shared with test_print.py).

Rules: no violation at all of axe's rules for images (alt text, image maps) and tables (header
cells marked and linked to data, valid ``scope``); no serious or critical violation of any
other rule; and the image and table rules really ran (they are among the passes), so a page
that lost its images or tables cannot pass by having nothing to check. Interactive tables are
checked after their script has turned them interactive (search box, sort buttons).

Playwright never downloads a browser here (``make test`` apt-installs ``chromium`` when none is
found: see the Makefile's ``chromium`` target); without a Chromium binary the tests skip.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.notebook

# Where Debian, Ubuntu and Google put their Chromium; TIES_CHROMIUM names another binary.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

IMAGE_RULES = {"image-alt", "area-alt", "image-redundant-alt", "input-image-alt",
               "role-img-alt", "svg-img-alt", "object-alt"}
TABLE_RULES = {"th-has-data-cells", "td-has-header", "td-headers-attr", "scope-attr-valid",
               "empty-table-header", "table-duplicate-name", "table-fake-caption",
               "layout-table"}
SERIOUS = {"serious", "critical"}


def chromium_binary() -> str | None:
    """The Chromium to drive: $TIES_CHROMIUM, else the first of CHROMIUM_NAMES on PATH."""
    named = os.environ.get("TIES_CHROMIUM")
    if named:
        return named
    return next((found for found in map(shutil.which, CHROMIUM_NAMES) if found), None)


@pytest.fixture(scope="module")
def browser():
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no Chromium binary found (looked for " + ", ".join(CHROMIUM_NAMES)
                    + " on PATH and $TIES_CHROMIUM); `make test` installs Debian's chromium")
    with sync_playwright() as p:
        # --no-sandbox: Chromium's sandbox refuses to start as root, as in most containers
        launched = p.chromium.launch(executable_path=binary, args=["--no-sandbox"])
        yield launched
        launched.close()


def audit(browser, url: str | None = None, html: str | None = None) -> dict:
    """axe-core's results (violations and passes) for a page, once its scripts have run."""
    page = browser.new_page()
    try:
        if url:
            page.goto(url)
        else:
            page.set_content(html)
        page.wait_for_load_state("load")
        # interactive tables are ready when the page says so (no timeout: the flag is set even
        # when the browser cannot run the table script)
        if page.locator("script[data-ties-library]").count():
            page.wait_for_function("document.documentElement.dataset.tiesTables !== undefined")
        return Axe().run(page, options={"resultTypes": ["violations", "passes"]}).response
    finally:
        page.close()


def problems(results: dict) -> list[str]:
    """Violations that fail a report: any image or table rule, any serious or critical one."""
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["html"][:120] for n in v["nodes"][:3])
            for v in results["violations"]
            if v["id"] in IMAGE_RULES | TABLE_RULES or v["impact"] in SERIOUS]


def test_the_check_finds_a_missing_alt_text_and_unmarked_table_headers(browser):
    """The harness can fail: an image without alt text and a header row of plain cells (a
    header cell with no data under it) are reported by the rules the reports must pass."""
    page = ("<!DOCTYPE html><html lang='en'><head><title>t</title></head><body><main>"
            "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' width='10' height='10'>"
            "<table><tr><th>Year</th><th>Value</th><th>Note</th></tr>"
            "<tr><th>FY2023-24</th><th>65,700</th><th></th></tr></table></main></body></html>")
    found = {v["id"] for v in audit(browser, html=page)["violations"]}
    assert "image-alt" in found
    assert found & TABLE_RULES, found


def test_every_default_report_passes_axe_for_images_and_tables(browser, default_reports):
    pages = sorted(default_reports.glob("*/*.html"))
    assert len(pages) == 5, pages
    failed, checked = {}, {}
    for page in pages:
        results = audit(browser, url=page.resolve().as_uri())
        failed[page.name] = problems(results)
        checked[page] = {p["id"] for p in results["passes"]}
    assert not any(failed.values()), {k: v for k, v in failed.items() if v}
    for page, passes in checked.items():
        assert "th-has-data-cells" in passes, page.name  # every report shows tables
        if "<img" in page.read_text(encoding="utf-8"):
            assert "image-alt" in passes, page.name


def test_the_report_index_has_no_serious_accessibility_problem(browser, default_reports):
    results = audit(browser, url=(default_reports / "index.html").resolve().as_uri())
    assert not problems(results)
    # and not even a best-practice finding (the page's content sits in its main landmark)
    assert [v["id"] for v in results["violations"]] == []


def test_chromium_binary_prefers_the_named_binary(monkeypatch):
    monkeypatch.setenv("TIES_CHROMIUM", "/opt/other/chrome")
    assert chromium_binary() == "/opt/other/chrome"
    monkeypatch.delenv("TIES_CHROMIUM")
    monkeypatch.setenv("PATH", "/nonexistent")
    assert chromium_binary() is None


def test_a_long_table_sorts_by_value_and_searches_in_the_browser(browser, tmp_path):
    """India–Russia trade by fiscal year (data/), shown as a report shows it: sorting by the
    balance orders the true-minus figures by value (gaps first), and the search box filters."""
    import nbformat

    from analysis.display import readable, table
    from analysis.exporters import TiesHTMLExporter
    from analysis.trade.series import bilateral_wide

    wide = bilateral_wide("RUS")
    shown = table(readable(wide), index=True)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Trade")])
    cell = nbformat.v4.new_code_cell("display(...)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "text/html": shown._repr_html_(), "text/plain": "table"})]
    nb.cells.append(cell)
    page, _ = TiesHTMLExporter().from_notebook_node(nb, {"ties": {"parameters": []}})
    path = tmp_path / "trade.html"
    path.write_text(page, encoding="utf-8")

    tab = browser.new_page()
    try:
        tab.goto(path.as_uri())
        tab.wait_for_function("document.documentElement.dataset.tiesTables !== undefined")
        assert tab.evaluate("document.documentElement.dataset.tiesTables") == "ready"
        column = list(wide.columns).index("balance") + 2  # after the fiscal-year row label
        header = tab.locator("table.ties-interactive thead th", has_text="balance")
        header.click()
        # DataTables marks the column once it has redrawn the rows: read them after that
        tab.wait_for_function("th => th.getAttribute('aria-sort') === 'ascending'",
                              arg=header.element_handle())
        cells = tab.locator(f"table.ties-interactive tbody tr td:nth-child({column})")
        texts = cells.all_inner_texts()
        values = [None if t == "–" else float(t.replace(",", "").replace("−", "-"))
                  for t in texts]
        gaps = values.count(None)
        assert values[:gaps] == [None] * gaps and gaps == wide["balance"].isna().sum()
        assert values[gaps:] == sorted(wide["balance"].dropna().round())
        assert values[gaps] < 0  # India's deficit with Russia, most negative first
        tab.get_by_label("Search this table:").fill("FY2023-24")
        rows = tab.locator("table.ties-interactive tbody tr")
        assert rows.count() == 1 and "FY2023-24" in rows.first.inner_text()
    finally:
        tab.close()
