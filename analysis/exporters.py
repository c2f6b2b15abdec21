"""nbconvert exporters for ties reports: ``ties_html`` and ``ties_pdf``.

Registered as nbconvert entry points, so ``jupyter nbconvert --to ties_pdf executed.ipynb``
gives the same output as ``ties render``. The HTML is one self-contained file (images inlined,
no external scripts, styles or fonts), code hidden, with a title block (a kicker naming the kind
of report, the title naming what it is about), a table of contents built from the headings (on
screen), and an "About this report" appendix with the parameters, the run date, git commit and
the checksums of the data tables the report read. The PDF is that HTML laid out on A4 by
WeasyPrint (no TeX, no browser), with page numbers and a PDF outline from the headings.

Long tables (more than :data:`LONG_TABLE_ROWS` rows) are sortable and searchable in the HTML:
the page carries one script, the DataTables bundle that itables ships for its offline mode
(gzip + base64, about 250 KB), which enhances the tables already on the page; the data stays in
the table's own escaped cells, never in a script. Without the script (the PDF, JupyterLab, a
browser with scripts off) the same table is static.

The title is the first level-1 heading a cell *prints* (so it can name the parameters:
"India–China trade, FY2017-18 to FY2025-26"), else the notebook's first Markdown heading, which
otherwise becomes the kicker. A report that shows an :class:`analysis.bibliography.Bibliography`
tells the page which tables it read; only those are listed with checksums.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from copy import deepcopy
from pathlib import Path

from nbconvert.exporters import HTMLExporter
from traitlets import Bool, Integer, default

from analysis import ROOT
from analysis.params import parameter_rows
from analysis.provenance import data_versions, git_commit, relative_to_root

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = "ties_report"
KICKER = "ties briefing"
TABLES_MIME = "application/vnd.ties.tables+json"  # analysis.bibliography.TABLES_MIME
KEY_FIGURES_MIME = "application/vnd.ties.key-figures+json"  # analysis.changes.KEY_FIGURES_MIME
_TOC_MARK = "<!--TIES-TOC-->"
_HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')
_TD = re.compile(r"<td([^>]*)>(.*?)</td>", re.S)
_NUMBER_LIKE = re.compile(r"^[\s\d.,%+\-–−$×()]*$")  # figures and the '–' gap mark
_LABEL = re.compile(r"^(FY\d{4}-\d{2}|\d{1,2} \w{3} \d{4}|\w{3}-\w{3})$")  # FY, dates, months
_THEAD = re.compile(r"<thead>(.*?)</thead>", re.S)
_TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
_TH = re.compile(r"<th(?![^>]*\bscope=)([^>]*)>")
_IMG = re.compile(r"<img(?![^>]*\balt=)([^>]*)>")
_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
_TR = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.S)
LONG_TABLE_ROWS = 12  # a table with more body rows than this is sortable and searchable (HTML)
INTERACTIVE = "ties-interactive"  # the class that marks such a table


class TiesHTMLExporter(HTMLExporter):
    """A notebook as a ties report page (code hidden, parameters box, contents, footer)."""

    export_from_notebook = "ties report (HTML)"

    @default("template_name")
    def _template_name_default(self):
        return TEMPLATE

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self):
        return [str(TEMPLATES)]

    @default("exclude_input")
    def _exclude_input_default(self):
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self):
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self):
        return True

    interactive_tables = Bool(
        True, help="Make long tables sortable and searchable (one inlined script; HTML only)."
    ).tag(config=True)
    long_table_rows = Integer(
        LONG_TABLE_ROWS, help="A table with more body rows than this is made interactive."
    ).tag(config=True)

    def from_notebook_node(self, nb, resources=None, **kw):
        nb = deepcopy(nb)
        resources = dict(resources or {})
        resources["ties"] = report_info(nb, resources.get("ties"),
                                        (resources.get("metadata") or {}).get("name"))
        for cell in nb.cells:  # the notes on tables read and key figures are not shown
            if cell.cell_type == "code":
                for out in cell.get("outputs", []):
                    (out.get("data") or {}).pop(TABLES_MIME, None)
                    (out.get("data") or {}).pop(KEY_FIGURES_MIME, None)
                cell.outputs = [o for o in cell.get("outputs", [])
                                if o.get("output_type") not in ("display_data", "execute_result")
                                or o.get("data")]
        page, resources = super().from_notebook_node(nb, resources, **kw)
        page = finish_page(page, resources["ties"]["title"], resources["ties"]["kicker"])
        if self.interactive_tables:
            page = interactive_tables(page, self.long_table_rows)
        resources.setdefault("outputs", {}).update(chart_data_files(page))
        finding = key_finding(page)
        if finding:  # for an index or a link preview: the report's first finding
            resources["ties"]["finding"] = finding
            page = page.replace("</title>", "</title>\n<meta name=\"description\" content=\""
                                + htmllib.escape(finding) + "\">", 1)
        return page, resources


class TiesPDFExporter(TiesHTMLExporter):
    """A notebook as a ties report PDF: the report page laid out on A4 by WeasyPrint."""

    export_from_notebook = "ties report (PDF)"

    @default("file_extension")
    def _file_extension_default(self):
        return ".pdf"

    @default("template_file")
    def _template_file_default(self):
        return "index.html.j2"

    @default("interactive_tables")
    def _interactive_tables_default(self):
        return False  # paper shows the static table

    def from_notebook_node(self, nb, resources=None, **kw):
        page, resources = super().from_notebook_node(nb, resources, **kw)
        resources["output_extension"] = ".pdf"
        return html_to_pdf(page), resources


def html_to_pdf(page: str, base_url: str | None = None) -> bytes:
    """The PDF (bytes) of a report page, using its print CSS (A4, page numbers, outline)."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # unsupported-CSS chatter
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    page = _LIBRARY_SCRIPT.sub("", page)  # paper never runs it: not worth parsing
    return weasyprint.HTML(string=page, base_url=base_url or str(ROOT)).write_pdf()


# --- sortable, searchable long tables (HTML only) -----------------------------------------------

_LIBRARY_SCRIPT = re.compile(r"<script[^>]*\bdata-ties-library=[^>]*>.*?</script>\n?", re.S)


def interactive_tables(page: str, long_rows: int = LONG_TABLE_ROWS) -> str:
    """``page`` with its long tables (more than ``long_rows`` body rows, a header row, no
    merged cells) marked :data:`INTERACTIVE`, their figure cells given a sort key
    (``data-order``: "−1,234.5" sorts as −1234.5, "–" first), and, when any was marked, the
    table script (:func:`table_script`) before ``</body>``. Only tables inside ``<main>``."""
    head, sep, rest = page.partition("<main>")
    if not sep:
        return page
    body, sep2, tail = rest.partition("</main>")
    marked = 0

    def mark(m: re.Match) -> str:
        nonlocal marked
        attrs, inner = m.group(1), m.group(2)
        if "<thead" not in inner or "<tbody" not in inner or "span=" in inner:
            return m.group(0)
        tbody = inner[inner.index("<tbody"):]
        rows = [_CELL.findall(r) for r in _TR.findall(tbody)]
        if len(rows) <= long_rows or len({len(r) for r in rows}) != 1:
            return m.group(0)
        numeric = [all(_sort_key(_strip_tags(c[2])) is not None for c in col)
                   for col in zip(*rows)]
        if not any(numeric):
            new_tbody = tbody
        else:
            def keyed(row: re.Match) -> str:
                cells = iter(range(len(numeric)))

                def cell(c: re.Match) -> str:
                    i = next(cells)
                    if not numeric[i]:
                        return c.group(0)
                    key = _sort_key(_strip_tags(c.group(3)))
                    key = "" if key == float("-inf") else repr(key)  # DataTables: "" first
                    return (f'<{c.group(1)}{c.group(2)} data-order="{key}">'
                            f"{c.group(3)}</{c.group(1)}>")

                return _CELL.sub(cell, row.group(0))

            new_tbody = _TR.sub(keyed, tbody)
        marked += 1
        if 'class="' in attrs:
            attrs = attrs.replace('class="', f'class="{INTERACTIVE} ', 1)
        else:
            attrs += f' class="{INTERACTIVE}"'
        return f"<table{attrs}>" + inner[:inner.index("<tbody")] + new_tbody + "</table>"

    body = _TABLE.sub(mark, body)
    if not marked:
        return page
    tail = tail.replace("</body>", table_script() + "\n</body>", 1)
    return head + sep + body + sep2 + tail


def _sort_key(text: str) -> float | None:
    """The number a figure cell sorts by: "−1,234.5" → −1234.5, "12 %" → 12, "–" or "" →
    −inf (missing sorts first); None for words."""
    text = text.strip()
    if text in ("", "–"):
        return float("-inf")
    if not _NUMBER_LIKE.match(text):
        return None
    cleaned = re.sub(r"[\s,%$×()+]", "", text).replace("−", "-").replace("–", "-")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _library_file(name: str) -> bytes:
    """A file of itables' offline DataTables bundle (``html/dt_bundle.js`` / ``.css``)."""
    from itables import options

    return Path(options.dt_bundle).with_suffix(Path(name).suffix).read_bytes()


_TABLE_SCRIPT: str | None = None


def table_script() -> str:
    """The one script a report page may carry: itables' offline DataTables bundle (JS and
    CSS, gzip-compressed and base64-encoded, so no byte of it can end the script early)
    loaded as a module, then each table marked :data:`INTERACTIVE` made sortable and
    searchable. It sets ``<html data-ties-tables="ready">`` (or ``"static"`` when the browser
    cannot run it: the tables stay as they are). Its text depends only on the installed
    itables, never on a report's content."""
    global _TABLE_SCRIPT
    if _TABLE_SCRIPT is None:
        import base64
        import gzip

        import itables

        def packed(name: str) -> str:
            return base64.b64encode(gzip.compress(_library_file(name), 9, mtime=0)).decode()

        _TABLE_SCRIPT = (
            f'<script type="module" data-ties-library="itables {itables.__version__} '
            f'DataTables bundle (dt_bundle.js, dt_bundle.css), offline">\n'
            + _TABLE_JS.replace("@JS@", packed("dt_bundle.js"))
            .replace("@CSS@", packed("dt_bundle.css")).replace("@CLASS@", INTERACTIVE)
            + "</script>")
    return _TABLE_SCRIPT


_TABLE_JS = """\
const root = document.documentElement;
async function unpack(b64) {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const text = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return await new Response(text).text();
}
try {
  const [js, css] = await Promise.all([unpack("@JS@"), unpack("@CSS@")]);
  const style = document.createElement("style");
  style.textContent = css;
  document.head.append(style);
  const url = URL.createObjectURL(new Blob([js], { type: "text/javascript" }));
  const { default: DataTable } = await import(url);
  URL.revokeObjectURL(url);
  for (const table of document.querySelectorAll("table.@CLASS@")) {
    const rows = table.tBodies[0].rows.length;
    new DataTable(table, { order: [], autoWidth: false, paging: rows > 50, pageLength: 25,
                           info: rows > 50, language: { search: "Search this table:" } });
  }
  root.dataset.tiesTables = "ready";
} catch (error) {
  root.dataset.tiesTables = "static";
  console.warn("ties: tables stay static:", error);
}
"""


# --- what the title block and footer show ------------------------------------------------------

def report_info(nb, given: dict | None = None, name: str | None = None) -> dict:
    """Title, parameters, run date, git commit and data versions shown on a report page.

    Values in ``given`` (what ``ties render`` already knows) win over those read from the
    notebook's metadata (papermill records the input path, parameters and end time).
    """
    info = dict(given or {})
    pm = nb.metadata.get("papermill", {}) or {}
    notebook = info.get("notebook") or pm.get("input_path") or name or "notebook"
    info["notebook"] = relative_to_root(notebook)
    stem = Path(str(notebook)).stem
    info.setdefault("title", notebook_title(nb, fallback=stem))
    heading = _first_heading(nb)
    info.setdefault("kicker", f"ties · {heading}" if heading and heading != info["title"] else KICKER)
    read = tables_read(nb)
    if "parameters" not in info:
        info["parameters"] = parameter_rows(stem, pm.get("parameters") or {})
    run = info.get("run_date") or pm.get("end_time") or dt.datetime.now(dt.timezone.utc).isoformat()
    info["run_date"] = str(run)
    info.setdefault("run_date_text", _date_text(str(run)))
    if "git_commit" not in info:
        info["git_commit"] = git_commit()
    if "data_versions" not in info:
        info["data_versions"] = data_versions()
    versions = dict(info["data_versions"])
    if read is not None:
        versions = {k: v for k, v in versions.items() if k in read}
    info["data_versions"] = sorted(versions.items())
    info["css"] = (TEMPLATES / TEMPLATE / "report.css").read_text(encoding="utf-8")
    return info


def notebook_title(nb, fallback: str) -> str:
    """The report title: ``metadata.title``, else the first level-1 heading a cell printed
    (Markdown output), else the first level-1 markdown heading, else ``fallback`` in words."""
    if nb.metadata.get("title"):
        return str(nb.metadata["title"])
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            text = (out.get("data") or {}).get("text/markdown")
            found = _h1(text if isinstance(text, str) else "".join(text or []))
            if found:
                return found
    return _first_heading(nb) or fallback.replace("_", " ").capitalize()


def _first_heading(nb) -> str | None:
    """The first level-1 heading of the notebook's Markdown cells (plain text), if any."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = _h1(cell.source)
            if found:
                return found
    return None


def _h1(markdown: str) -> str | None:
    for line in (markdown or "").splitlines():
        m = re.match(r"^#\s+(.+?)\s*#*\s*$", line)
        if m:
            return _plain_markdown(m.group(1).replace("\\", ""))
    return None


def tables_read(nb) -> set[str] | None:
    """The data tables a report says it read (outputs of type :data:`TABLES_MIME`); None when
    it says nothing, and then every table present is listed."""
    read: set[str] | None = None
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            note = (out.get("data") or {}).get(TABLES_MIME)
            if isinstance(note, dict):
                read = (read or set()) | {str(t) for t in note.get("tables", [])}
    return read


# --- after the template: title, unique heading ids, contents ----------------------------------

def finish_page(page: str, title: str, kicker: str | None = None) -> str:
    """Drop the headings repeated by the title block (title, kicker), give headings unique ids,
    add contents; table headers get ``scope`` and images without alt text an empty-safe one."""
    head, sep, rest = page.partition("<main>")
    if not sep:
        return page
    body, sep2, tail = rest.partition("</main>")
    body = re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", body, flags=re.S)
    seen: set[str] = set()
    entries: list[tuple[int, str, str]] = []
    dropped: set[str] = set()
    repeated = {title} | ({kicker.split(" · ", 1)[-1]} if kicker else set())

    def fix(m: re.Match) -> str:
        level, attrs, inner = int(m.group(1)), m.group(2), m.group(3)
        text = _strip_tags(inner)
        if level == 1 and text in repeated and text not in dropped:
            dropped.add(text)
            return ""
        found = _ID.search(attrs)
        base = found.group(1) if found else _slug(text)
        ident, n = base or "section", 1
        while ident in seen:
            n += 1
            ident = f"{base}-{n}"
        seen.add(ident)
        attrs = _ID.sub("", attrs) + f' id="{htmllib.escape(ident)}"'
        if level <= 3:
            entries.append((level, ident, text))
        return f"<h{level}{attrs}>{inner}</h{level}>"

    body = _HEADING.sub(fix, body)
    body = _TD.sub(_mark_text_cell, body)
    body = _THEAD.sub(lambda m: "<thead>" + _TH.sub(r'<th scope="col"\1>', m.group(1)) + "</thead>",
                      body)
    body = _TBODY.sub(lambda m: "<tbody>" + _TH.sub(r'<th scope="row"\1>', m.group(1)) + "</tbody>",
                      body)
    body = _IMG.sub(r'<img alt="Chart (described in the text around it)"\1>', body)
    head = head.replace(_TOC_MARK, toc_html(entries))
    return head + sep + body + sep2 + tail


_CSV_LINK = re.compile(r'<a download="([\w.-]+\.csv)" href="data:text/csv;charset=utf-8;base64,'
                       r'([A-Za-z0-9+/=]+)"')


def chart_data_files(page: str) -> dict[str, bytes]:
    """The CSV behind each chart of a page (its download links), as ``data/<name>.csv`` →
    bytes: nbconvert's writer puts them beside the page (``jupyter nbconvert --to ties_html``)."""
    import base64

    return {f"data/{name}": base64.b64decode(b64) for name, b64 in _CSV_LINK.findall(page)}


def key_finding(page: str) -> str | None:
    """The first sentence of a report's key-findings box (plain text), if it has one."""
    box = re.search(r'<section[^>]*\bclass="key-findings"[^>]*>.*?<li>(.*?)</li>', page, re.S)
    return _strip_tags(box.group(1)) if box else None


def _mark_text_cell(m: re.Match) -> str:
    """Table cells holding words (not figures) get class ``text``: left-aligned, not right."""
    attrs, inner = m.group(1), m.group(2)
    text = _strip_tags(inner)
    if _NUMBER_LIKE.match(text):
        return m.group(0)
    kind = "text label" if _LABEL.match(text) else "text"
    if 'class="' in attrs:
        attrs = attrs.replace('class="', f'class="{kind} ', 1)
    else:
        attrs += f' class="{kind}"'
    return f"<td{attrs}>{inner}</td>"


def toc_html(entries: list[tuple[int, str, str]]) -> str:
    """A nested ordered list of links to the headings (levels 1–3)."""
    if not entries:
        return ""
    top = min(level for level, _, _ in entries)
    out = ['<nav class="toc" aria-label="Contents">', '<h2 class="box-title">Contents</h2>', "<ol>"]
    depth, open_item = 0, False
    for level, ident, text in entries:
        d = min(level - top, depth + 1)  # never skip a level
        if d > depth:
            out.append("<ol>")
            depth = d
        else:
            if open_item:
                out.append("</li>")
            while depth > d:
                out.append("</ol></li>")
                depth -= 1
        out.append(f'<li><a href="#{htmllib.escape(ident)}">{htmllib.escape(text)}</a>')
        open_item = True
    out.append("</li>")
    while depth > 0:
        out.append("</ol></li>")
        depth -= 1
    out += ["</ol>", "</nav>"]
    return "\n".join(out)


def _strip_tags(fragment: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _plain_markdown(text: str) -> str:
    return re.sub(r"[*_`]", "", text).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text).strip("-")


def _date_text(iso: str) -> str:
    try:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return when.strftime("%d %B %Y, %H:%M UTC")
