"""Rendering one report: executed notebook, self-contained HTML, readable PDF, manifest,
atomic publishing and the failure note."""

import io
import json
import re
import shutil
import subprocess
import sys

import pytest

from analysis import ROOT
from analysis.errors import ParameterError
from analysis.render import render, slug

from pipeline_helpers import FAILING, TINY, register

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The tiny fixture rendered once (HTML + PDF) with a non-default country."""
    mp = pytest.MonkeyPatch()
    register(mp)
    out = tmp_path_factory.mktemp("reports")
    lines = []
    report = render(TINY, {"country": "CHN"}, out=out, progress=lines.append)
    yield report, out, lines
    mp.undo()


def test_report_folder_holds_every_output_and_is_named_for_its_parameters(tiny):
    report, out, lines = tiny
    assert report.ok, report.error
    assert report.slug == "tiny_report--country=CHN"
    folder = out / report.slug
    assert sorted(p.name for p in folder.iterdir()) == [
        "manifest.json", f"{report.slug}.html", f"{report.slug}.ipynb", f"{report.slug}.pdf"]
    assert not (out / ".staging").exists()
    assert any("executing" in line for line in lines) and any("PDF" in line for line in lines)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["key_figures"] == [] and manifest["changes"] is None  # it declares none


def test_slug_lists_only_non_default_parameters(monkeypatch):
    register(monkeypatch)
    assert slug("tiny_report", {"country": "RUS", "scale": 2}) == "tiny_report"
    assert slug("tiny_report", {"country": "RUS", "scale": 5}) == "tiny_report--scale=5"


def test_executed_notebook_received_typed_parameters(tiny):
    import nbformat

    report, out, _ = tiny
    nb = nbformat.read(out / report.slug / report.files["notebook"], as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert 'country = "CHN"' in injected[0].source
    assert "scale = 2" in injected[0].source  # an int, not the string "2"


def test_html_is_self_contained_with_code_hidden(tiny):
    report, out, _ = tiny
    page = (out / report.slug / report.files["html"]).read_text()
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link[^>]*\bhref=", page)
    text = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", page).lower()
    assert "cdn" not in text and "mathjax" not in text and "require.js" not in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert 'src="data:image/png;base64,' in page  # the chart travels inside the file
    assert "plt.subplots" not in page and "import pandas" not in page  # code hidden
    assert "a warning the reader never sees" not in page  # stderr hidden
    assert "<title>Tiny report: exports to the partner doubled</title>" in page


def test_html_has_parameters_box_contents_and_footer(tiny):
    report, out, _ = tiny
    page = (out / report.slug / report.files["html"]).read_text()
    params_box = page[page.index('class="params"'):page.index("</section>")]
    assert "country" in params_box and "CHN" in params_box and "partner country" in params_box
    toc = page[page.index('class="toc"'):page.index("</nav>")]
    assert [t for t in re.findall(r'href="#([^"]+)"', toc)] == [
        "Exports-by-year", "Table-of-values", "Reading-the-table"]
    for ident in ("Exports-by-year", "Table-of-values", "Reading-the-table"):
        assert f'id="{ident}"' in page
    assert page.count("Tiny report: exports to the partner doubled") == 2  # <title> + title block
    footer = page[page.index('class="report-footer"'):]
    assert "Rendered" in footer and "tests/fixtures/notebooks/tiny_report.ipynb" in footer
    assert "Partner <strong>CHN</strong>: total 12" in page  # library-computed prose kept


def test_pdf_text_is_readable_with_page_numbers_and_outline(tiny):
    from pypdf import PdfReader

    report, out, _ = tiny
    reader = PdfReader(io.BytesIO((out / report.slug / report.files["pdf"]).read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Tiny report: exports to the partner doubled" in text
    assert "Partner CHN: total 12 US$ million over 3 years." in " ".join(text.split())
    assert f"Page 1 of {len(reader.pages)}" in text
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4 portrait
    outline = [item.title for item in _flatten(reader.outline)]
    assert outline[:4] == ["Tiny report: exports to the partner doubled", "Exports by year",
                           "Table of values", "Reading the table"]
    assert "Parameters" not in outline and "Contents" not in outline


def _flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def test_manifest_records_inputs_versions_timings_and_status(tiny):
    report, out, _ = tiny
    manifest = json.loads((out / report.slug / "manifest.json").read_text())
    assert manifest["status"] == "ok"
    assert manifest["title"] == "Tiny report: exports to the partner doubled"
    assert manifest["notebook"] == "tests/fixtures/notebooks/tiny_report.ipynb"
    assert manifest["parameters"] == {"country": "CHN", "scale": 2}
    assert manifest["files"]["pdf"] == f"{report.slug}.pdf"
    assert set(manifest["timings_s"]) >= {"check", "execute", "html", "pdf", "total"}
    assert manifest["packages"]["papermill"] and manifest["packages"]["weasyprint"]
    assert isinstance(manifest["data"], dict)
    assert len(manifest["cache_key"]) == 64
    assert manifest["failure"] is None


def test_bad_parameter_writes_nothing(tmp_path, monkeypatch):
    register(monkeypatch)
    out = tmp_path / "reports"
    with pytest.raises(ParameterError, match="country=FRA is not in the data"):
        render(TINY, {"country": "FRA"}, out=out)
    with pytest.raises(ParameterError, match="unknown format"):
        render(TINY, {}, formats="html,docx", out=out)
    assert not out.exists()


def test_failing_cell_keeps_last_good_report_and_writes_a_note(tmp_path, monkeypatch):
    register(monkeypatch)
    notebook = tmp_path / "nb" / "flaky.ipynb"
    notebook.parent.mkdir()
    out = tmp_path / "reports"
    shutil.copy(TINY, notebook)
    good = render(notebook, {}, formats="html", out=out)
    assert good.ok, good.error
    before = {p.name: p.read_bytes() for p in (out / "flaky").iterdir()}

    shutil.copy(FAILING, notebook)  # the same report, now with a failing cell
    bad = render(notebook, {}, formats="html", out=out)
    assert bad.status == "failed"
    assert "ValueError: the fixture data disagree" in bad.error
    assert {p.name: p.read_bytes() for p in (out / "flaky").iterdir()} == before
    note = (out / "flaky.failed.txt").read_text()
    assert "Error:      ValueError: the fixture data disagree" in note
    assert "raise ValueError" in note  # the failing cell's source
    assert "Parameters: (none)" in note
    assert "last good report in flaky/ is unchanged" in note
    assert json.loads((out / "flaky.failed.json").read_text())["status"] == "failed"
    assert (out / "flaky.failed.ipynb").exists()
    assert not (out / ".staging").exists()

    shutil.copy(TINY, notebook)  # fixed: the note goes, the report is replaced
    assert render(notebook, {}, formats="html", out=out).ok
    assert not (out / "flaky.failed.txt").exists()


def test_rendering_stack_loads_without_the_unused_iri_grammar():
    # jsonschema compiles rfc3987-syntax's grammars on import (seconds); nbformat never uses them
    import importlib.util

    if importlib.util.find_spec("rfc3987_syntax") is None:
        pytest.skip("rfc3987-syntax is not installed here")
    code = ("import sys; from analysis.render import load_rendering_stack; load_rendering_stack(); "
            "import nbformat, papermill, weasyprint; "
            "print('rfc3987_syntax' in sys.modules, 'jsonschema' in sys.modules); "
            "import rfc3987_syntax; print('importable')")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "True", "importable"]


# --- a path parameter: article_brief with article -------------------------------------------

SEED = ROOT / "seeds" / "000_dc0b2ade85a12fc9.txt"


def test_article_brief_renders_a_given_article_from_the_command_line(tmp_path, capsys,
                                                                         monkeypatch):
    from pypdf import PdfReader

    from analysis.cli import main

    monkeypatch.chdir(ROOT)  # the path as a user types it, relative to the checkout
    out = tmp_path / "reports"
    assert main(["render", "article_brief", "-p", f"article={SEED.relative_to(ROOT)}",
                 "--out", str(out)]) == 0, capsys.readouterr().err
    name = "article_brief--article=000_dc0b2ade85a12fc9"
    folder = out / name
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["status"] == "ok"
    assert manifest["parameters"] == {"article": str(SEED)}
    page = (folder / f"{name}.html").read_text()
    box = page[page.index('class="params"'):page.index("</section>")]
    assert "<td class=\"value\">seeds/000_dc0b2ade85a12fc9.txt</td>" in box
    text = " ".join(page_.extract_text() for page_ in PdfReader(folder / f"{name}.pdf").pages)
    assert "Modi To Meet Putin In Moscow" in " ".join(text.split())
    assert not list(out.glob("*.failed.*"))


def test_article_brief_reads_the_article_it_is_given(tmp_path):
    article = tmp_path / "other article.txt"
    article.write_text(SEED.read_text(encoding="utf-8").replace(
        "India’s Modi To Meet Putin In Moscow", "A Different Headline: Modi Meets Putin", 1),
        encoding="utf-8")
    report = render("article_brief", {"article": str(article)}, formats="html",
                    out=tmp_path / "reports")
    assert report.ok, report.error
    assert report.slug == "article_brief--article=other_article"
    page = (report.folder / report.files["html"]).read_text()
    assert "A Different Headline: Modi Meets Putin" in page
    assert "India’s Modi To Meet Putin In Moscow" not in page
    assert str(article) in page  # outside the checkout: the path as given


def test_the_data_behind_each_chart_and_the_key_finding_are_published(tmp_path):
    import pandas as pd

    from analysis.report_index import write_index

    out = tmp_path / "reports"
    report = render("trade_imbalance", {"fy_from": "FY2022-23", "compare_with": ["CHN"]},
                    formats="html", out=out)
    assert report.ok, (report.status, report.error, report.note and report.note.read_text())
    csvs = sorted(f for f in report.files if f.startswith("data/"))
    assert csvs and all(f.endswith(".csv") for f in csvs)
    for f in csvs:
        assert len(pd.read_csv(report.folder / f)) > 0
    manifest = json.loads((report.folder / "manifest.json").read_text())
    assert set(csvs) <= set(manifest["checksums"])
    assert manifest["finding"] and "Russia" in manifest["finding"]
    figures = {f["key"]: f for f in manifest["key_figures"]}  # recorded for the next render
    assert figures["latest_fy"]["value"] == "FY2025-26"
    assert (figures["total:FY2025-26"]["text"], figures["total:FY2025-26"]["status"]) == (
        "US$ 59.9 bn", "provisional")
    assert manifest["changes"] is None and "What changed" not in page_of(report)  # the first
    index = write_index(out).read_text()
    assert "trade with Russia totalled" in index and 'class="finding"' in index


def page_of(report) -> str:
    return (report.folder / report.files["html"]).read_text(encoding="utf-8")


def test_the_what_changed_cell_closes_the_first_section_after_the_key_findings(tmp_path):
    """In the executed notebook of a real report: after the key-findings box and the section
    that follows it (so page 1 keeps title, findings and first chart together), just before
    the next heading; in the article brief, which has no box, after its heading."""
    import nbformat

    from analysis.render import insert_after_key_findings

    def shown(cell):
        return "".join(o.get("data", {}).get("text/markdown", "") for o in cell.get("outputs", []))

    out = tmp_path / "reports"
    for name in ("trade_imbalance", "article_brief"):
        report = render(name, {}, formats="html", out=out)
        assert report.ok, report.error
        executed = report.folder / report.files["notebook"]
        at = insert_after_key_findings(executed, "**What changed**")
        nb = nbformat.read(executed, as_version=4)
        assert nb.cells[at].cell_type == "markdown" and nb.cells[at].source == "**What changed**"
        assert nb.cells[at].metadata["tags"] == ["what-changed"]
        before = nb.cells[:at]
        if name == "article_brief":
            assert "## India" in shown(nb.cells[at - 1])
            continue
        box = next(i for i, c in enumerate(before) if 'class="key-findings"' in shown(c))
        assert any("image/png" in o.get("data", {}) for c in before[box:]
                   for o in c.get("outputs", []))  # the first chart stays before it
        assert nb.cells[at + 1].source.startswith("## Composition")


def test_key_figures_are_those_the_kernel_handed_over_and_never_shown(tmp_path):
    """The manifest's figures are the ones the notebook computed from the data its kernel read
    (the executed notebook carries them in an output the pages drop); the renderer computes
    nothing again."""
    import nbformat

    from analysis.changes import KEY_FIGURES_MIME, key_figures_in

    report = render("trade_imbalance", {"partner": "CHN"}, formats="html", out=tmp_path)
    assert report.ok, report.error
    nb = nbformat.read(report.folder / report.files["notebook"], as_version=4)
    handed = key_figures_in(nb)
    manifest = json.loads((report.folder / "manifest.json").read_text(encoding="utf-8"))
    assert handed and manifest["key_figures"] == handed
    assert {f["key"]: f["text"] for f in handed}["latest_fy"] == "FY2025-26"
    page = (report.folder / report.files["html"]).read_text(encoding="utf-8")
    assert KEY_FIGURES_MIME not in page and '"latest_fy"' not in page
