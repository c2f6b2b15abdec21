"""One report: check the parameters, execute the notebook, write HTML and PDF, publish.

``render("trade_imbalance", {"partner": "CHN"})`` checks the parameters against the notebook's
contract (analysis.params) before any kernel starts, executes the notebook with papermill in
this process, writes ``<slug>.ipynb`` (executed), ``<slug>.html`` and ``<slug>.pdf`` and a
``manifest.json`` into a staging folder, and only then moves that folder into place as
``reports/<slug>/``. A failing cell leaves the last good report untouched and writes a failure
note beside it (``reports/<slug>.failed.txt`` and ``.json``, with the executed notebook as
``reports/<slug>.failed.ipynb``). A disk that fills up or turns read-only while publishing
fails the report the same way; an OSError leaves render only when not even the note can be
written. The staging folder is removed whatever ends the render (a failure, Ctrl-C, SIGTERM);
one killed outright leaves it for the next publisher to remove (analysis.publish.clean_stale).
What a report depends on is gathered by analysis.provenance; the folder lock, staging, the
atomic move, the manifest and failure notes are analysis.publish's.

Each report's key figures (the domain rooms' ``key_figures``: the latest fiscal year and its
totals, agreement rates, votes, verdicts) are computed by the notebook's kernel from the data it
read and handed over in an output the pages never show (analysis.changes.key_figures_output);
they are read from the executed notebook and recorded in the manifest. They are compared with those of the report's
last good manifest (analysis.changes); when any moved, a short "What changed since the last
report" Markdown cell goes into the executed notebook at the end of the first section after the
key-findings box, before HTML and PDF are written. A first report, or one whose figures did not move, has no such cell.

Report folders are named for the notebook and its non-default parameters, in the order the
contract declares them: ``trade_imbalance`` for the defaults, ``trade_imbalance--partner=CHN``
for a variant, ``x--compare_with=CHN+USA`` for a list. A name longer than
:data:`SLUG_MAX` characters keeps its beginning and ends in a hash of the whole
(``x--compare_with=AFG+ALB+…~3f9a0c1d2e``), so every file name stays within the file-system limit.

Heavy imports (papermill, nbconvert, WeasyPrint) happen only once a report is really rendered
(:func:`load_rendering_stack`).
"""

from __future__ import annotations

import hashlib
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from analysis import REPORTS_DIR, changes
from analysis import publish as pub
from analysis.errors import ParameterError, describe_os_error
from analysis.params import CONTRACTS, non_defaults, parameter_rows, resolve_notebook, validate
from analysis.provenance import fingerprint, git_commit, now_iso, relative_to_root

FORMATS = ("html", "pdf")
CELL_TIMEOUT_S = 900  # a cell running longer than this fails the report (a hung cron run ends)

Progress = Callable[[str], None]


@dataclass
class Report:
    """What one render produced: status ``ok`` or ``failed``, where, and how long each step took."""

    name: str
    slug: str
    folder: Path
    status: str
    parameters: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    note: Path | None = None
    title: str | None = None
    finding: str | None = None
    figures: list[dict] | None = None  # key figures (analysis.changes.figure), None if not run
    changes: list[dict] = field(default_factory=list)  # since the last good report

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# --- what is rendered -------------------------------------------------------------------------

def check(spec: str | Path, raw: dict[str, Any] | None = None,
          allowed: Any = None) -> tuple[Path, str, dict[str, Any]]:
    """Notebook path, its name and the typed parameter values; ParameterError on any mistake.

    ``allowed``: see :func:`analysis.params.resolve_notebook` (which notebook paths outside
    notebooks/ may be rendered). Runs no kernel and imports nothing heavy: this is what refuses
    a bad parameter fast.
    """
    path = resolve_notebook(spec, allowed)
    name = path.stem
    if name not in CONTRACTS:
        if raw:
            raise ParameterError(
                f"{name}: no parameter contract is declared in analysis/params.py, so it takes "
                f"no parameters; notebooks with parameters: {', '.join(sorted(CONTRACTS))}"
            )
        return path, name, {}
    return path, name, validate(name, dict(raw or {}))


def parse_formats(text: str | tuple | list) -> tuple[str, ...]:
    """``"html,pdf"`` → ``("html", "pdf")``; ParameterError naming the formats available."""
    items = [t.strip().lower() for t in (text.split(",") if isinstance(text, str) else text)]
    items = [t for t in items if t]
    bad = [t for t in items if t not in FORMATS]
    if bad or not items:
        raise ParameterError(
            f"unknown format {', '.join(bad) or '(none)'}; formats: {', '.join(FORMATS)}"
        )
    return tuple(f for f in FORMATS if f in items)


SLUG_MAX = 120  # characters; with ``.failed.ipynb`` well inside the usual 255-byte limit


def slug(name: str, values: dict[str, Any]) -> str:
    """Folder name of a report: the notebook name, then each non-default parameter."""
    types = {p.name: p.type for p in CONTRACTS.get(name, ())}
    parts = [name]
    for key, value in non_defaults(name, values).items():
        if isinstance(value, (list, tuple)):
            text = "+".join(str(v) for v in value)
        elif types.get(key) == "path" and value:
            text = Path(str(value)).stem
        else:
            text = str(value)
        parts.append(f"{key}={re.sub(r'[^A-Za-z0-9_.+-]+', '_', text)}")
    full = "--".join(parts)
    if len(full) <= SLUG_MAX:
        return full
    return full[: SLUG_MAX - 11] + "~" + hashlib.sha256(full.encode()).hexdigest()[:10]


# --- rendering --------------------------------------------------------------------------------

def render(notebook: str | Path, params: dict[str, Any] | None = None, formats=FORMATS,
           out: str | Path | None = None, progress: Progress | None = None,
           inputs: dict[str, Any] | None = None, kernels=None) -> Report:
    """Execute ``notebook`` with ``params`` and publish ``out/<slug>/`` (HTML, PDF, .ipynb,
    manifest.json). Returns a Report whose status is ``failed`` when a cell or a step failed;
    raises ParameterError (nothing written) for a bad notebook, parameter or format.

    ``kernels``: an :class:`analysis.kernels.KernelTemplate` to fork the kernel from (batches);
    default: a new ``python3`` kernel process.
    """
    t0 = time.perf_counter()
    say = progress or (lambda line: None)
    formats = parse_formats(formats)
    path, name, values = check(notebook, params)
    out_dir = Path(out or REPORTS_DIR).resolve()
    report_slug = slug(name, values)
    report = Report(name=name, slug=report_slug, folder=out_dir / report_slug, status="failed",
                    parameters=values)
    started = now_iso()
    inputs = inputs or fingerprint(path, values, formats)
    report.timings["check"] = round(time.perf_counter() - t0, 3)
    load_rendering_stack()
    previous = pub.read_manifest(report.folder) or {}  # the last good report, before it goes

    staging = pub.new_staging(out_dir, report_slug)
    try:  # whatever happens (a failure, Ctrl-C, SIGTERM), the staging folder goes
        step = "execute"
        try:
            executed = staging / f"{report_slug}.ipynb"
            say(f"[{report_slug}] executing {relative_to_root(path)}")
            t = time.perf_counter()
            failure = _execute(path, executed, values, kernels)
            report.timings["execute"] = round(time.perf_counter() - t, 3)
            if failure is None:
                report.files["notebook"] = executed.name
                step = "key figures"
                t = time.perf_counter()
                report.figures = changes.key_figures_in(_read_notebook(executed))
                report.changes = changes.compare(previous.get("key_figures"), report.figures)
                section = changes.markdown(report.changes, previous.get("started"))
                if section:
                    insert_after_key_findings(executed, section)
                report.timings["figures"] = round(time.perf_counter() - t, 3)
                step = "html"
                say(f"[{report_slug}] writing HTML")
                t = time.perf_counter()
                page, resources = _html(executed, path, name, values, inputs, started)
                report.title = resources["ties"]["title"]
                report.finding = resources["ties"].get("finding")
                report.timings["html"] = round(time.perf_counter() - t, 3)
                for rel, data in (resources.get("outputs") or {}).items():  # data/<chart>.csv
                    target = staging / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    report.files[rel] = rel
                if "html" in formats:
                    (staging / f"{report_slug}.html").write_text(page, encoding="utf-8")
                    report.files["html"] = f"{report_slug}.html"
                if "pdf" in formats:
                    step = "pdf"
                    say(f"[{report_slug}] writing PDF")
                    t = time.perf_counter()
                    from analysis.exporters import html_to_pdf

                    (staging / f"{report_slug}.pdf").write_bytes(html_to_pdf(page, str(staging)))
                    report.timings["pdf"] = round(time.perf_counter() - t, 3)
                    report.files["pdf"] = f"{report_slug}.pdf"
        except Exception as exc:  # a step of the pipeline broke: same handling as a failing cell
            failure = {"step": step, "error": f"{type(exc).__name__}: {exc}"}
        report.timings["total"] = round(time.perf_counter() - t0, 3)
        manifest = pub.build_manifest(
            report=report.slug, title=report.title, finding=report.finding,
            key_figures=report.figures,
            changes={"since": previous.get("started"), "items": report.changes}
            if report.changes else None,
            notebook=relative_to_root(path),
            parameters=report.parameters, formats=formats, files=report.files, started=started,
            timings=report.timings, inputs=inputs, failure=failure)
        if failure is None:
            try:
                pub.write_manifest(staging, manifest)
                pub.publish(staging, report.folder)
            except OSError as exc:  # a full or read-only disk: the last good report stays
                failure = {"step": "publish", "error": describe_os_error(exc)}
                manifest.update(status="failed", failure=failure)
        if failure is None:
            pub.clear_failure(out_dir, report_slug)
            report.status = "ok"
            say(f"[{report_slug}] published {relative_to_root(report.folder)}/ "
                f"({report.timings['total']:.1f} s)")
        else:
            report.error = failure["error"]
            report.note = pub.write_failure(out_dir, report_slug, staging, manifest, failure)
            say(f"[{report_slug}] FAILED at {failure.get('where', failure['step'])}: "
                f"{failure['error']}")
    finally:
        pub.discard_staging(staging)
    return report


# --- key figures and what changed ---------------------------------------------------------------

def _read_notebook(path: Path):
    import nbformat

    return nbformat.read(path, as_version=4)


def insert_after_key_findings(executed: Path, markdown: str) -> int:
    """Put a Markdown cell holding ``markdown`` into the executed notebook at the end of the
    first section after the key-findings box (page 1 is the story: title, findings, first
    chart; a box between them pushed the chart to page 2), else right after the box, else
    after the cell that prints the report's heading, else first; returns its index. The cell is
    tagged ``what-changed``."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    at = _after_key_findings(nb)
    nb.cells.insert(at, nbformat.v4.new_markdown_cell(markdown,
                                                      metadata={"tags": ["what-changed"]}))
    nbformat.write(nb, executed)
    return at


def _after_key_findings(nb) -> int:
    def shown(cell) -> str:
        return "\n".join("".join(out.get("data", {}).get(kind, "")) for out in
                         cell.get("outputs", []) for kind in ("text/markdown", "text/html"))

    for i, cell in enumerate(nb.cells):
        if 'class="key-findings"' in shown(cell):
            heads = [j for j in range(i + 1, len(nb.cells))
                     if nb.cells[j].get("cell_type") == "markdown"
                     and nb.cells[j].source.lstrip().startswith("#")]
            return heads[1] if len(heads) > 1 else len(nb.cells) if heads else i + 1
    for i, cell in enumerate(nb.cells):  # Markdown output may sit in display.md's wrapper
        if re.sub(r"^\s*<div class=\"mathjax_ignore[^\"]*\">\s*", "", shown(cell)).startswith("#"):
            return i + 1
    return 0


def load_rendering_stack() -> None:
    """Import what rendering needs (papermill, nbformat, nbconvert with the ties exporters,
    WeasyPrint) once per process; a batch does it before starting its workers, which inherit it.

    nbformat validates notebooks with jsonschema, which imports rfc3987-syntax when installed
    (jupyterlab's dependencies bring it). That compiles some 35 IRI grammars at import, 2–3 s on
    these machines, for an ``iri`` format check the notebook schema never uses
    (python-jsonschema/jsonschema#1428). The module is hidden while jsonschema loads, so
    jsonschema goes without that one check, and is importable again afterwards.
    """
    if "jsonschema" not in sys.modules and "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # makes `import rfc3987_syntax` raise ImportError
        try:
            import jsonschema  # noqa: F401
        finally:
            del sys.modules["rfc3987_syntax"]
    import nbformat  # noqa: F401
    import papermill  # noqa: F401
    import weasyprint  # noqa: F401

    import analysis.exporters  # noqa: F401


# quiet kernel log (no TCP-on-loopback warning); charts at twice the pixel density
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", "--InlineBackend.figure_formats=retina"]


def _execute(path: Path, executed: Path, values: dict[str, Any], kernels=None) -> dict | None:
    """Run the notebook with papermill; None on success, else what failed where."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    km = None
    if kernels is not None:
        from analysis.kernels import ForkedKernelManager

        km = ForkedKernelManager(kernel_name="python3")
        km.start(kernels, path.parent, KERNEL_ARGUMENTS)
    try:
        pm.execute_notebook(
            str(path), str(executed), parameters=values, kernel_name="python3",
            cwd=str(path.parent), progress_bar=False, log_output=False,
            request_save_on_cell_execute=False, shutdown_kernel="immediate",
            execution_timeout=CELL_TIMEOUT_S, extra_arguments=KERNEL_ARGUMENTS,
            **({"km": km} if km is not None else {}),
        )
    except PapermillExecutionError as exc:
        return {
            "step": "execute",
            "where": f"cell {exc.cell_index}" + (f" (In [{exc.exec_count}])" if exc.exec_count else ""),
            "cell_index": exc.cell_index,
            "source": exc.source,
            "error": f"{exc.ename}: {exc.evalue}",
        }
    finally:
        if km is not None:
            km.stop()
    return None


_EXPORTER = None


def _html(executed: Path, path: Path, name: str, values: dict, inputs: dict,
          started: str) -> tuple[str, dict]:
    """The report page for an executed notebook and nbconvert's resources (title and key
    finding in ``resources["ties"]``, the CSVs behind the charts in ``resources["outputs"]``);
    one exporter per process, templates loaded once."""
    global _EXPORTER
    import nbformat

    from analysis.exporters import TiesHTMLExporter

    if _EXPORTER is None:
        _EXPORTER = TiesHTMLExporter()
    nb = nbformat.read(executed, as_version=4)
    info = {
        "notebook": relative_to_root(path),
        "parameters": parameter_rows(name, values),
        "run_date": started,
        "git_commit": git_commit(),
        "data_versions": inputs.get("data", {}),
    }
    page, resources = _EXPORTER.from_notebook_node(
        nb, resources={"metadata": {"name": name}, "ties": info})
    return page, resources


def print_progress(line: str) -> None:
    """Default progress printer for the terminal (one flushed line per step)."""
    print(line, file=sys.stdout, flush=True)
