"""Render a notebook into a published report: papermill, then HTML and PDF, then an atomic move.

``render("trade_imbalance", {"partner": "CHN"})`` checks the parameters against the notebook's
contract (analysis.params) before any kernel starts, executes the notebook with papermill in
this process, writes ``<slug>.ipynb`` (executed), ``<slug>.html`` and ``<slug>.pdf`` and a
``manifest.json`` into a staging folder, and only then moves that folder into place as
``reports/<slug>/``. A failing cell leaves the last good report untouched and writes a failure
note beside it (``reports/<slug>.failed.txt`` and ``.json``, with the executed notebook as
``reports/<slug>.failed.ipynb``).

Report folders are named for the notebook and its non-default parameters, in the order the
contract declares them: ``trade_imbalance`` for the defaults, ``trade_imbalance--partner=CHN``
for a variant, ``x--compare_with=CHN+USA`` for a list.

Heavy imports (papermill, nbconvert, WeasyPrint) happen only once a report is really rendered
(:func:`load_rendering_stack`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from analysis import DATA_DIR, NOTEBOOKS_DIR, REPORTS_DIR, ROOT
from analysis.errors import ParameterError

FORMATS = ("html", "pdf")
CELL_TIMEOUT_S = 900  # a cell running longer than this fails the report (a hung cron run ends)
STAGING = ".staging"
PACKAGES = ("ties", "papermill", "nbconvert", "nbclient", "nbformat", "ipykernel", "jupyter_client",
            "weasyprint", "pandas", "numpy", "matplotlib", "pycountry", "PyYAML")
LIBRARY_DIR = Path(__file__).resolve().parent

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

    @property
    def ok(self) -> bool:
        return self.status == "ok"


# --- what is rendered -------------------------------------------------------------------------

def resolve_notebook(spec: str | Path) -> Path:
    """The notebook file for a name (``trade_imbalance``) or a path (``notebooks/x.ipynb``)."""
    text = str(spec)
    if text.endswith(".ipynb") or os.sep in text:
        path = Path(text).expanduser()
        if not path.is_file():
            raise ParameterError(f"{text}: no such notebook file")
        return path.resolve()
    path = NOTEBOOKS_DIR / f"{text}.ipynb"
    if not path.is_file():
        known = sorted(p.stem for p in NOTEBOOKS_DIR.glob("*.ipynb")) if NOTEBOOKS_DIR.is_dir() else []
        raise ParameterError(
            f"no notebook named {text!r} in {_rel(NOTEBOOKS_DIR)}/; "
            f"available: {', '.join(known) or '(none)'}"
        )
    return path.resolve()


def check(spec: str | Path, raw: dict[str, Any] | None = None) -> tuple[Path, str, dict[str, Any]]:
    """Notebook path, its name and the typed parameter values; ParameterError on any mistake.

    Runs no kernel and imports nothing heavy: this is what refuses a bad parameter fast.
    """
    from analysis.params import CONTRACTS, validate

    path = resolve_notebook(spec)
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


def slug(name: str, values: dict[str, Any]) -> str:
    """Folder name of a report: the notebook name, then each non-default parameter."""
    from analysis.params import CONTRACTS

    parts = [name]
    for p in CONTRACTS.get(name, ()):
        value = values.get(p.name, p.default)
        if value == p.default:
            continue
        if isinstance(value, (list, tuple)):
            text = "+".join(str(v) for v in value)
        elif p.type == "path" and value:
            text = Path(str(value)).stem
        else:
            text = str(value)
        parts.append(f"{p.name}={re.sub(r'[^A-Za-z0-9_.+-]+', '_', text)}")
    return "--".join(parts)


# --- what a report depends on (manifest and cache) --------------------------------------------

def fingerprint(path: Path, values: dict[str, Any], formats: tuple[str, ...],
                shared: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything a report's content depends on: notebook file, parameters, output formats,
    data checksums, package versions and the library's own source files.

    ``shared`` (from shared_inputs()) saves recomputing the parts common to a whole batch.
    """
    return {
        "notebook": _sha256(path.read_bytes()),
        "parameters": _jsonable(values),
        "formats": list(formats),
        **(shared or shared_inputs()),
    }


def shared_inputs() -> dict[str, Any]:
    """The inputs every report shares: data checksums, package versions, library digest."""
    return {"data": data_versions(), "packages": package_versions(), "library": library_digest()}


def cache_key(inputs: dict[str, Any]) -> str:
    """One SHA-256 over a fingerprint."""
    return _sha256(json.dumps(inputs, sort_keys=True).encode())


def package_versions() -> dict[str, str]:
    """Installed versions of the packages that shape a report (and of Python)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in PACKAGES:
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "absent"
    return out


def library_digest() -> str:
    """SHA-256 of the analysis package's source files, style and templates (notebooks call it)."""
    h = hashlib.sha256()
    for p in sorted(LIBRARY_DIR.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(LIBRARY_DIR)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def parameter_rows(notebook: str, values: dict) -> list[dict]:
    """Rows for the parameters box: name, value as text, and the declared help."""
    from analysis.params import CONTRACTS

    declared = {p.name: p for p in CONTRACTS.get(notebook, ())}
    names = list(declared) + [k for k in values if k not in declared]
    rows = []
    for key in names:
        value = values.get(key, declared[key].default if key in declared else None)
        if isinstance(value, (list, tuple)):
            text = ", ".join(str(v) for v in value)
        elif value is None:
            text = "(default)"
        else:
            text = str(value)
        if declared.get(key) is not None and declared[key].type == "path" and value:
            text = _relative(value)
        rows.append({"name": key, "value": text, "help": declared[key].help if key in declared else ""})
    return rows


def data_versions(data_dir: Path | None = None) -> dict[str, str]:
    """``{table: sha256}`` for every table in data/ (empty when there is no data/ yet)."""
    from analysis.datafiles import checksum, list_tables

    root = Path(data_dir or DATA_DIR)
    if not root.is_dir():
        return {}
    out = {}
    for name in list_tables(root):
        try:
            out[name] = checksum(name, root)
        except OSError:  # a table without its sidecar: the loader refuses it anyway
            continue
    return out


def git_commit(root: Path = ROOT) -> str | None:
    """Short commit id of the checkout (with ``+changes`` when the tree is dirty), or None."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root,
                              capture_output=True, text=True, timeout=5)
        if head.returncode != 0:
            return None
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + (" +changes" if dirty.stdout.strip() else "")


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
    started = _now()
    inputs = inputs or fingerprint(path, values, formats)
    report.timings["check"] = round(time.perf_counter() - t0, 3)
    load_rendering_stack()

    staging = out_dir / STAGING / f"{report_slug}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    staging.mkdir(parents=True)
    step = "execute"
    try:
        executed = staging / f"{report_slug}.ipynb"
        say(f"[{report_slug}] executing {_rel(path)}")
        t = time.perf_counter()
        failure = _execute(path, executed, values, kernels)
        report.timings["execute"] = round(time.perf_counter() - t, 3)
        if failure is None:
            report.files["notebook"] = executed.name
            step = "html"
            say(f"[{report_slug}] writing HTML")
            t = time.perf_counter()
            page, report.title = _html(executed, path, name, values, inputs, started)
            report.timings["html"] = round(time.perf_counter() - t, 3)
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
    try:
        report.timings["total"] = round(time.perf_counter() - t0, 3)
        manifest = _manifest(report, path, formats, inputs, started, failure)
        if failure is None:
            (staging / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
            _publish(staging, report.folder)
            _clear_failure(out_dir, report_slug)
            report.status = "ok"
            say(f"[{report_slug}] published {_rel(report.folder)}/ "
                f"({report.timings['total']:.1f} s)")
        else:
            report.error = failure["error"]
            report.note = _write_failure(out_dir, report_slug, staging, manifest, failure)
            say(f"[{report_slug}] FAILED at {failure.get('where', failure['step'])}: "
                f"{failure['error']}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        _remove_if_empty(out_dir / STAGING)
    return report


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
          started: str) -> tuple[str, str]:
    """The report page for an executed notebook (one exporter per process, templates loaded once)."""
    global _EXPORTER
    import nbformat

    from analysis.exporters import TiesHTMLExporter

    if _EXPORTER is None:
        _EXPORTER = TiesHTMLExporter()
    nb = nbformat.read(executed, as_version=4)
    info = {
        "notebook": _rel(path),
        "parameters": parameter_rows(name, values),
        "run_date": started,
        "git_commit": git_commit(),
        "data_versions": inputs.get("data", {}),
    }
    page, resources = _EXPORTER.from_notebook_node(
        nb, resources={"metadata": {"name": name}, "ties": info})
    return page, resources["ties"]["title"]


def _manifest(report: Report, path: Path, formats, inputs: dict, started: str,
              failure: dict | None) -> dict[str, Any]:
    return {
        "report": report.slug,
        "title": report.title,
        "notebook": _rel(path),
        "parameters": _jsonable(report.parameters),
        "status": "ok" if failure is None else "failed",
        "formats": list(formats),
        "files": report.files,
        "started": started,
        "finished": _now(),
        "timings_s": report.timings,
        "git_commit": git_commit(),
        "data": inputs.get("data", {}),
        "packages": inputs.get("packages", {}),
        "library_sha256": inputs.get("library"),
        "notebook_sha256": inputs.get("notebook"),
        "inputs": inputs,
        "cache_key": cache_key(inputs),
        "host": platform.node(),
        "failure": failure,
    }


def _publish(staging: Path, target: Path) -> None:
    """Move the staging folder into place; the previous report is replaced only now."""
    old = None
    if target.exists():
        old = staging.parent / f"{target.name}.old.{os.getpid()}.{uuid.uuid4().hex[:8]}"
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def failure_paths(out_dir: Path, report_slug: str) -> dict[str, Path]:
    """Where a failure note and the failed run's notebook are written, beside the report."""
    return {
        "txt": out_dir / f"{report_slug}.failed.txt",
        "json": out_dir / f"{report_slug}.failed.json",
        "ipynb": out_dir / f"{report_slug}.failed.ipynb",
    }


def _write_failure(out_dir: Path, report_slug: str, staging: Path, manifest: dict,
                   failure: dict) -> Path:
    paths = failure_paths(out_dir, report_slug)
    executed = staging / f"{report_slug}.ipynb"
    if executed.exists():
        shutil.copyfile(executed, paths["ipynb"])
    params = ", ".join(f"{k}={_show(v)}" for k, v in manifest["parameters"].items()) or "(none)"
    last_good = out_dir / report_slug / "manifest.json"
    lines = [
        f"Report {report_slug} FAILED on {manifest['finished']}",
        f"Notebook:   {manifest['notebook']}",
        f"Parameters: {params}",
        f"Step:       {failure['step']}",
    ]
    if failure.get("where"):
        lines.append(f"Cell:       {failure['where']}")
    lines.append(f"Error:      {failure['error']}")
    if failure.get("source"):
        lines += ["", "Cell source:"] + ["    " + s for s in str(failure["source"]).splitlines()]
    lines.append("")
    if executed.exists():
        lines.append(f"The executed notebook with the traceback: {paths['ipynb'].name}")
    if last_good.exists():
        lines.append(f"The last good report in {report_slug}/ is unchanged.")
    else:
        lines.append("There is no earlier good report.")
    paths["txt"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths["json"].write_text(json.dumps(manifest, indent=2) + "\n")
    return paths["txt"]


def _clear_failure(out_dir: Path, report_slug: str) -> None:
    for p in failure_paths(out_dir, report_slug).values():
        p.unlink(missing_ok=True)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


# --- small helpers ----------------------------------------------------------------------------

def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(values, default=str))


def _show(value: Any) -> str:
    return ",".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def print_progress(line: str) -> None:
    """Default progress printer for the terminal (one flushed line per step)."""
    print(line, file=sys.stdout, flush=True)
