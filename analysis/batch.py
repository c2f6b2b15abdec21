"""``ties batch reports.yml``: render a list of notebook × parameter sets, for people and cron.

The batch file names each report and where they go::

    out: reports            # relative to this file
    formats: [html, pdf]
    reports:
      - notebook: trade_imbalance                  # the defaults
      - notebook: trade_imbalance
        parameters: {partner: CHN}                 # a variant
      - notebook: diplomatic_positioning
        parameters: [{country: BRA}, {country: CHN}]   # several variants

Every parameter set is checked first (a mistake stops the batch before anything runs, exit 2).
A report whose inputs — notebook file, parameters, formats, data checksums, package versions and
the library's own source — match its last good manifest is skipped; every other report says why
it is rebuilt. The batch imports papermill, nbconvert and WeasyPrint once, then renders the
reports in parallel worker processes (forked, so they inherit those imports) that take report
after report; each report runs in a fresh kernel forked from its worker's warm template
(analysis/kernels.py). A lock file stops two batches overlapping. ``index.html`` is rewritten
at the end; a log is appended to ``batch.log``.
Ctrl-C starts no further report; the ones running finish (or fail, last good kept).

Exit codes: 0 every report is up to date or rendered, 1 one or more reports failed (their last
good versions kept), 2 a mistake in the batch file or a parameter, 3 another batch holds the lock,
130 interrupted.
"""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from analysis.errors import ParameterError, TiesError
from analysis.provenance import now_iso

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
LOCK_NAME = ".batch.lock"
LOG_NAME = "batch.log"
CACHE_NAME = ".allowed-values.json"


class BatchLocked(TiesError):
    """Another batch is rendering into the same folder."""


@dataclass
class Job:
    """One report of a batch: the notebook, its typed parameters, and why it is (re)built."""

    notebook: Path
    name: str
    parameters: dict[str, Any]
    slug: str
    inputs: dict[str, Any]
    reason: str | None = None  # None: up to date


@dataclass
class Batch:
    config: Path
    out: Path
    formats: tuple[str, ...]
    jobs: list[Job]


# --- reading and planning ---------------------------------------------------------------------

def load(config: str | Path, out: str | Path | None = None, force: bool = False) -> Batch:
    """Read a batch file, check every parameter set and decide which reports need rendering.

    Raises ParameterError (one line naming the file and entry) on any mistake.
    """
    from analysis import provenance
    from analysis import render as r
    from analysis.datafiles import read_yaml

    config = Path(config)
    if not config.is_file():
        raise ParameterError(f"{config}: no such batch file")
    raw = read_yaml(config, ParameterError)
    if not isinstance(raw, dict) or not isinstance(raw.get("reports"), list) or not raw["reports"]:
        raise ParameterError(f"{config}: expected a mapping with a non-empty 'reports:' list")
    unknown = set(raw) - {"out", "formats", "reports"}
    if unknown:
        raise ParameterError(f"{config}: unknown key(s) {', '.join(sorted(unknown))}; "
                             "keys: out, formats, reports")
    base = config.resolve().parent
    out_dir = Path(out) if out else base / str(raw.get("out") or "reports")
    formats = r.parse_formats(raw.get("formats") or list(r.FORMATS))
    shared = provenance.shared_inputs()
    with _allowed_values_cache(out_dir, shared):
        jobs = _plan(raw["reports"], config, base, out_dir, formats, shared, force)
    return Batch(config=config, out=out_dir, formats=formats, jobs=jobs)


def _plan(entries: list, config: Path, base: Path, out_dir: Path, formats: tuple[str, ...],
          shared: dict, force: bool) -> list[Job]:
    from analysis import render as r
    from analysis.provenance import fingerprint

    jobs: list[Job] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries, start=1):
        where = f"{config}: report {i}"
        if not isinstance(entry, dict) or "notebook" not in entry:
            raise ParameterError(f"{where}: expected 'notebook:' and optional 'parameters:'")
        extra = set(entry) - {"notebook", "parameters"}
        if extra:
            raise ParameterError(f"{where}: unknown key(s) {', '.join(sorted(extra))}; "
                                 "keys: notebook, parameters")
        spec = str(entry["notebook"])
        if (spec.endswith(".ipynb") or "/" in spec) and not Path(spec).is_absolute():
            spec = str(base / spec)
        sets = entry.get("parameters") or {}
        sets = _fan_out_articles(sets if isinstance(sets, list) else [sets], base, where)
        for params in sets:
            if not isinstance(params, dict):
                raise ParameterError(f"{where}: parameters must be a mapping name: value")
            try:
                path, name, values = r.check(spec, params)
            except ParameterError as exc:
                raise ParameterError(f"{where}: {exc}") from None
            report_slug = r.slug(name, values)
            if report_slug in seen:
                raise ParameterError(f"{where}: same report as report {seen[report_slug]} "
                                     f"({report_slug})")
            seen[report_slug] = i
            job = Job(path, name, values, report_slug, fingerprint(path, values, formats, shared))
            job.reason = "forced (--force)" if force else why_rebuild(job, out_dir)
            jobs.append(job)
    return jobs


def _fan_out_articles(sets: list, base: Path, where: str) -> list:
    """``article: seeds/*.txt`` (a pattern, relative to the batch file) renders the report once
    per article it matches, in name order; other parameter sets pass through unchanged."""
    out: list = []
    for params in sets:
        pattern = params.get("article") if isinstance(params, dict) else None
        if not (isinstance(pattern, str) and any(ch in pattern for ch in "*?[")):
            out.append(params)
            continue
        given = Path(pattern).expanduser()
        root, glob = (given.parent, given.name) if given.is_absolute() else (base, pattern)
        files = sorted(p for p in root.glob(glob) if p.is_file())
        if not files:
            raise ParameterError(f"{where}: article={pattern} matches no file")
        out.extend({**params, "article": str(f)} for f in files)
    return out


@contextmanager
def _allowed_values_cache(out_dir: Path, shared: dict) -> Iterator[None]:
    """Keep the allowed-value lists read from the data in ``out_dir/.allowed-values.json``,
    valid while the data checksums and the library source are unchanged, so an unchanged batch
    does not re-read the data to check its parameters."""
    from analysis.params import remembering

    path = out_dir / CACHE_NAME
    key = {"data": shared["data"], "library": shared["library"]}
    memo: dict = {}
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("key") == key:
            memo = dict(cached.get("values") or {})
    except (OSError, ValueError, AttributeError):
        pass
    before = dict(memo)
    with remembering(memo):
        yield
    if memo != before and out_dir.is_dir():
        try:
            text = json.dumps({"key": key, "values": memo})
        except TypeError:  # values that JSON cannot hold: simply not cached
            return
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text)
        os.replace(tmp, path)


def why_rebuild(job: Job, out_dir: Path) -> str | None:
    """Why ``job`` must be rendered again, or None when its last good report is up to date."""
    from analysis.provenance import article_change, cache_key
    from analysis.publish import MANIFEST, failure_paths, read_manifest

    if failure_paths(out_dir, job.slug)["json"].exists():
        return "last run failed"
    folder = out_dir / job.slug
    if not (folder / MANIFEST).exists():
        return "new report"
    manifest = read_manifest(folder)
    if manifest is None:
        return "manifest unreadable"
    missing = [f for f in (manifest.get("files") or {}).values() if not (folder / f).exists()]
    if missing:
        return f"output missing: {', '.join(missing)}"
    old = manifest.get("inputs") or {}
    if manifest.get("cache_key") == cache_key(job.inputs) and old:
        return None
    new = job.inputs
    reasons = []
    if old.get("notebook") != new["notebook"]:
        reasons.append("notebook changed")
    if old.get("parameters") != new["parameters"]:
        reasons.append("parameters changed")
    if old.get("formats") != new["formats"]:
        reasons.append("formats changed")
    if article_change(old, new):
        reasons.append(article_change(old, new))
    if old.get("data") != new["data"]:
        reasons.append("data changed: " + _diff(old.get("data") or {}, new["data"]))
    if old.get("packages") != new["packages"]:
        reasons.append("packages changed: " + _diff(old.get("packages") or {}, new["packages"],
                                                     versions=True))
    if old.get("library") != new["library"]:
        reasons.append("library source changed")
    return "; ".join(reasons) or "inputs changed"


def _diff(old: dict, new: dict, versions: bool = False) -> str:
    parts = []
    for key in sorted(set(old) | set(new)):
        if key not in old:
            parts.append(f"+{key}")
        elif key not in new:
            parts.append(f"-{key}")
        elif old[key] != new[key]:
            parts.append(f"{key} {old[key]}→{new[key]}" if versions else key)
    return ", ".join(parts)


# --- running ----------------------------------------------------------------------------------

@contextmanager
def lock(out_dir: Path) -> Iterator[Path]:
    """Hold ``out_dir/.batch.lock`` (fcntl) for the duration; BatchLocked when another holds it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown"
            raise BatchLocked(f"another batch is rendering into {out_dir} ({holder}); "
                              "try again when it has finished") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {now_iso()}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing releases the lock


def run(config: str | Path, jobs: int | None = None, quiet: bool = False, force: bool = False,
        log_file: str | Path | None = None, out: str | Path | None = None) -> int:
    """Run a batch file; returns the exit code (see the module docstring)."""
    from analysis.render import print_progress
    from analysis.report_index import write_index

    t0 = time.perf_counter()
    say = (lambda line: None) if quiet else print_progress
    config = Path(config)
    if not config.is_file():
        raise ParameterError(f"{config}: no such batch file")
    out_dir = Path(out) if out else _out_of(config)
    try:
        with lock(out_dir.resolve()):
            batch = load(config, out=out_dir, force=force)
            log = _Log(Path(log_file) if log_file else batch.out / LOG_NAME)
            log.write(f"batch {config} started: {len(batch.jobs)} report(s), out {batch.out}")
            # longest first; never rendered: first, the larger notebook before the smaller
            todo = sorted((j for j in batch.jobs if j.reason),
                          key=lambda j: (-_last_duration(batch.out, j.slug),
                                         -j.notebook.stat().st_size))
            for job in batch.jobs:
                line = (f"[{job.slug}] up to date, skipped" if not job.reason
                        else f"[{job.slug}] rebuilding: {job.reason}")
                say(line)
                log.write(line)
            try:
                results = _render_all(todo, batch, jobs or os.cpu_count() or 1, quiet, log.path)
            except KeyboardInterrupt:
                log.write("batch interrupted: no further report started; index.html not "
                          "rewritten")
                raise
            failed = [r for r in results if r["status"] != "ok"]
            for res in results:
                line = (f"[{res['slug']}] {res['status']} in {res['timings'].get('total', 0):.1f} s"
                        + (f": {res['error']} (note: {res['note']})" if res["status"] != "ok" else ""))
                log.write(line)
                if res["status"] != "ok":
                    print(f"ties batch: {line}", file=sys.stderr, flush=True)
            index = write_index(batch.out)
            summary = (f"batch: {len(results) - len(failed)} rendered, "
                       f"{len(batch.jobs) - len(todo)} up to date, {len(failed)} failed "
                       f"in {time.perf_counter() - t0:.1f} s; index {index}")
            log.write(summary)
            say(summary)
            return EXIT_FAILED if failed else EXIT_OK
    except BatchLocked as exc:
        print(f"ties batch: {exc}", file=sys.stderr)
        return EXIT_LOCKED


def _render_all(todo: list[Job], batch: Batch, jobs: int, quiet: bool,
                log_path: Path) -> list[dict]:
    """Render the jobs: in this process when there is one, else in a pool of worker processes."""
    if not todo:
        return []
    workers = max(1, min(jobs, len(todo)))
    args = [(str(j.notebook), j.parameters, batch.formats, str(batch.out), j.inputs, j.slug)
            for j in todo]
    from analysis.render import load_rendering_stack

    load_rendering_stack()
    if workers == 1:
        _init_worker(quiet, str(log_path))
        try:
            return [_render_one(*a) for a in args]
        finally:
            _stop_template()
    # fork: workers inherit what the parent has already checked and imported (the rendering
    # stack, and a test's contracts), then take job after job.
    ctx = multiprocessing.get_context("fork")
    stop = ctx.Event()
    results = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(quiet, str(log_path), stop)) as pool:
        futures = {pool.submit(_render_one, *a): a[-1] for a in args}
        try:
            completed = list(as_completed(futures))
        except KeyboardInterrupt:  # Ctrl-C: start no other report; those running end first
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        for fut in completed:
            try:
                results.append(fut.result())
            except Exception as exc:  # a worker died: count the report as failed
                results.append({"slug": futures[fut], "status": "failed", "timings": {},
                                "error": f"worker crashed: {type(exc).__name__}: {exc}",
                                "note": None})
    return results


_QUIET = False
_LOG_PATH: str | None = None
_TEMPLATE = None  # this worker's KernelTemplate
_STOP = None  # set by the batch on Ctrl-C: take no further report


def _init_worker(quiet: bool, log_path: str, stop=None) -> None:
    global _QUIET, _LOG_PATH, _TEMPLATE, _STOP
    from multiprocessing.util import Finalize

    from analysis.kernels import KernelTemplate

    _QUIET, _LOG_PATH, _STOP = quiet, log_path, stop
    if stop is not None:  # a pool worker: Ctrl-C is the batch's to handle, not each worker's
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _TEMPLATE = KernelTemplate(stderr_path=log_path if quiet else None)
    Finalize(_TEMPLATE, _stop_template, exitpriority=10)  # runs when a pool worker exits


def _stop_template() -> None:
    global _TEMPLATE
    if _TEMPLATE is not None:
        _TEMPLATE.close()
        _TEMPLATE = None


def _render_one(notebook: str, parameters: dict, formats, out: str, inputs: dict,
                report_slug: str) -> dict:
    from analysis.render import print_progress, render

    if _STOP is not None and _STOP.is_set():
        return {"slug": report_slug, "status": "cancelled", "timings": {}, "error": "interrupted",
                "note": None}
    progress = None if _QUIET else print_progress
    with _stderr_to_log(_LOG_PATH if _QUIET else None):
        rep = render(notebook, parameters, formats=formats, out=out, progress=progress,
                     inputs=inputs, kernels=_TEMPLATE)
    return {"slug": rep.slug, "status": rep.status, "timings": rep.timings, "error": rep.error,
            "note": str(rep.note) if rep.note else None}


def _last_duration(out_dir: Path, report_slug: str) -> float:
    """Seconds the report took last time (unknown: as long as possible, so it starts first)."""
    from analysis.publish import read_manifest

    try:
        return float(read_manifest(out_dir / report_slug)["timings_s"]["total"])
    except (ValueError, KeyError, TypeError):  # no manifest (None), or no timing in it
        return float("inf")


@contextmanager
def _stderr_to_log(path: str | None) -> Iterator[None]:
    """With --quiet, send what kernels and libraries write to stderr into the log, not to cron's
    mail; the batch itself still reports failures on the real stderr."""
    if path is None:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    target = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.dup2(target, 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(target)


def _out_of(config: Path) -> Path:
    """The out folder a batch file names (read early, to take the lock before planning)."""
    try:
        raw = yaml.safe_load(config.read_text(encoding="utf-8"))
        name = raw.get("out") if isinstance(raw, dict) else None
    except (OSError, yaml.YAMLError):
        name = None
    return config.resolve().parent / str(name or "reports")


class _Log:
    """Appends timestamped lines to the batch log."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)

    def write(self, line: str) -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(f"{now_iso()} {line}\n")
