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

Every parameter set is checked first (a mistake stops the batch before anything runs, exit 2);
paths in the file are relative to it, and its notebooks are the project's (notebooks/) unless
others are allowed by name (``--allow-notebook``).
A report whose inputs — notebook file, parameters, formats, data checksums, package versions and
the library's own source — match its last good manifest, and whose published files still match
the checksums recorded there, is skipped; every other report says why it is rebuilt. The batch
imports papermill, nbconvert and WeasyPrint once, then renders the reports in worker processes
(forked, so they inherit those imports) that take report after report; each report runs in a
fresh kernel forked from its worker's warm template (analysis/kernels.py). ``index.html`` is
rewritten at the end; a log is appended to ``batch.log``. Even with ``--quiet`` the batch prints
one line per re-rendered report whose key figures moved since its last good version (a new
fiscal year, a revised value, new votes: analysis.changes), so a cron mail carries that signal.

Faults: the folder's lock (analysis.publish) stops two publishers overlapping and is never held
by a worker; workers, templates and kernels die with the batch whatever kills it. A worker that
dies, or a report past its wall-clock limit, fails that report alone (failure note written);
Ctrl-C starts no further report and lets the running ones finish; SIGTERM abandons the running
ones at once. Either way the last good reports stay, the index and the summary are written, and
reports never started are logged as "not started". The next run removes what a killed run left.

Exit codes: 0 every report is up to date or rendered, 1 one or more reports failed (their last
good versions kept) or an operating-system error (disk full, read-only, a file where a folder
should be), 2 a mistake in the batch file or a parameter, 3 another batch holds the lock,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import signal
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from analysis.errors import ParameterError, describe_os_error
from analysis.provenance import now_iso
from analysis.publish import LOCK_NAME, Locked, lock  # noqa: F401 — the batch's lock is publish's

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
LOG_NAME = "batch.log"
CACHE_NAME = ".allowed-values.json"
REPORT_TIMEOUT_S = 1800  # one report's wall-clock limit (each cell has its own, render.py)
STATUSES = ("ok", "failed", "abandoned", "not started")
BatchLocked = Locked  # the old name


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

def load(config: str | Path, out: str | Path | None = None, force: bool = False,
         allowed: list | tuple = ()) -> Batch:
    """Read a batch file, check every parameter set and decide which reports need rendering.

    Paths in the file (notebooks, path parameters, ``out``) are relative to the file. A notebook
    must be one of notebooks/ or lie in ``allowed`` (files or folders). Raises ParameterError
    (one line naming the file and entry) on any mistake, a key given twice included.
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
        jobs = _plan(raw["reports"], config, base, out_dir, formats, shared, force, allowed)
    return Batch(config=config, out=out_dir, formats=formats, jobs=jobs)


def _plan(entries: list, config: Path, base: Path, out_dir: Path, formats: tuple[str, ...],
          shared: dict, force: bool, allowed: list | tuple = ()) -> list[Job]:
    from analysis import render as r
    from analysis.params import CONTRACTS
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
            params = dict(params)
            stem = Path(spec).stem
            for p in CONTRACTS.get(stem, ()):  # a path in the batch file: relative to the file
                value = params.get(p.name)
                if p.type == "path" and isinstance(value, str) and value.strip() \
                        and not Path(value).expanduser().is_absolute():
                    params[p.name] = str(base / value)
            try:
                path, name, values = r.check(spec, params, allowed=allowed)
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
        try:
            tmp.write_text(text)
            os.replace(tmp, path)
        except OSError:  # a cache: not written on a full or read-only disk
            tmp.unlink(missing_ok=True)


def why_rebuild(job: Job, out_dir: Path) -> str | None:
    """Why ``job`` must be rendered again, or None when its last good report is up to date."""
    from analysis.provenance import article_change, cache_key
    from analysis.publish import MANIFEST, failure_paths, file_sha256, read_manifest

    if failure_paths(out_dir, job.slug)["json"].exists():
        return "last run failed"
    folder = out_dir / job.slug
    if not (folder / MANIFEST).exists():
        return "new report"
    manifest = read_manifest(folder)
    if manifest is None:
        return "manifest unreadable"
    files = list((manifest.get("files") or {}).values())
    missing = [f for f in files if not (folder / f).exists()]
    if missing:
        return f"output missing: {', '.join(missing)}"
    sums = manifest.get("checksums")
    if not isinstance(sums, dict) or set(sums) != set(files):
        return "output checksums not recorded"
    changed = [f for f in files if file_sha256(folder / f) != sums[f]]
    if changed:
        return f"output changed since published: {', '.join(changed)}"
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

class _Terminated(BaseException):
    """SIGTERM reached the batch (``timeout``, systemd, ``kill``)."""


def _on_sigterm(signum, frame):
    raise _Terminated()


def run(config: str | Path, jobs: int | None = None, quiet: bool = False, force: bool = False,
        log_file: str | Path | None = None, out: str | Path | None = None,
        allowed: list | tuple = (), report_timeout: float | None = None) -> int:
    """Run a batch file; returns the exit code (see the module docstring).

    ``allowed``: notebook files or folders outside notebooks/ the batch file may name
    (``--allow-notebook``). ``report_timeout``: seconds one report may take in all (default
    :data:`REPORT_TIMEOUT_S`).
    """
    from analysis.publish import Locked, clean_stale
    from analysis.publish import lock as folder_lock

    t0 = time.perf_counter()
    say = (lambda line: None) if quiet else _print
    config = Path(config)
    if not config.is_file():
        raise ParameterError(f"{config}: no such batch file")
    out_dir = Path(out) if out else _out_of(config)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(out_dir))
    log = _Log(Path(log_file) if log_file else out_dir / LOG_NAME)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with folder_lock(out_dir.resolve(), say=lambda line: (log.write(line), say(line))):
            for name in clean_stale(out_dir):
                log.write(f"removed {name}, left by a run that was stopped")
            batch = load(config, out=out_dir, force=force, allowed=allowed)
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
            pool = _Pool(todo, batch, jobs or os.cpu_count() or 1, quiet, log,
                         report_timeout or REPORT_TIMEOUT_S)
            results = pool.run()
            for line in changed_figures(results):
                log.write(line)
                print(line, flush=True)  # even with --quiet: what a cron mail should carry
            return _finish(batch, todo, results, pool.ended, log, say, t0)
    except Locked as exc:
        print(f"ties batch: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except _Terminated:  # while planning or summing up, not while reports ran
        log.write("batch terminated (SIGTERM); last good reports kept")
        print("ties batch: terminated; last good reports kept", file=sys.stderr)
        return EXIT_TERMINATED
    finally:
        signal.signal(signal.SIGTERM, previous)


def changed_figures(results: list[dict]) -> list[str]:
    """One line per re-rendered report whose key figures moved since its last good version (a
    new fiscal year, a revised figure, new votes), from the comparison its render made
    (analysis.changes); reports whose figures did not move, and failed ones, say nothing."""
    from analysis.changes import summary_line

    lines = [summary_line(r["slug"], r.get("changes") or []) for r in results
             if r["status"] == "ok"]
    return [line for line in lines if line]


def _finish(batch: Batch, todo: list[Job], results: list[dict], ended: str | None, log: "_Log",
            say, t0: float) -> int:
    """Log each result and the summary, rewrite the index; the batch's exit code."""
    from analysis.report_index import write_index

    counts = {s: sum(r["status"] == s for r in results) for s in STATUSES}
    for res in results:
        line = f"[{res['slug']}] {res['status']}"
        if res["status"] in ("ok", "failed"):
            line += f" in {res['timings'].get('total', 0):.1f} s"
        if res["status"] == "failed":
            line += f": {res['error']}" + (f" (note: {res['note']})" if res["note"] else "")
        log.write(line)
        if res["status"] == "failed":
            print(f"ties batch: {line}", file=sys.stderr, flush=True)
    try:
        index = str(write_index(batch.out))
    except OSError as exc:
        index = f"not rewritten ({describe_os_error(exc)})"
        print(f"ties batch: index.html {index}", file=sys.stderr)
    summary = (f"batch: {counts['ok']} rendered, {len(batch.jobs) - len(todo)} up to date, "
               f"{counts['failed']} failed")
    if counts["abandoned"]:
        summary += f", {counts['abandoned']} abandoned"
    if counts["not started"]:
        summary += f", {counts['not started']} not started"
    summary += f" in {time.perf_counter() - t0:.1f} s; index {index}"
    if ended:
        summary = f"{ended}; " + summary
    log.write(summary)
    say(summary)
    if ended:
        print(f"ties batch: {ended}; last good reports kept", file=sys.stderr, flush=True)
        return EXIT_TERMINATED if ended == "terminated" else EXIT_INTERRUPTED
    return EXIT_FAILED if counts["failed"] else EXIT_OK


def _print(line: str) -> None:
    print(line, flush=True)


class _Pool:
    """Worker processes, each rendering one report after another in fresh kernels forked from
    its own warm template.

    Each worker is a forked child talking to the batch over a pipe of its own, so the batch
    knows which report each worker holds. A worker that dies (killed, out of memory) fails that
    report alone, with a failure note, and is replaced; a report past its wall-clock limit has
    its worker killed the same way. Ctrl-C starts no further report and lets the running ones
    finish (a second Ctrl-C abandons them); SIGTERM abandons the running reports at once (their
    last good versions kept). Reports never started are reported as such, not as failures.
    """

    def __init__(self, todo: list[Job], batch: Batch, jobs: int, quiet: bool, log: "_Log",
                 timeout: float):
        self.todo, self.batch, self.quiet, self.log, self.timeout = todo, batch, quiet, log, timeout
        self.size = max(1, min(jobs, len(todo)))
        self.ended: str | None = None  # "interrupted" or "terminated"
        self.results: list[dict] = []

    def run(self) -> list[dict]:
        if not self.todo:
            return []
        from analysis.render import load_rendering_stack

        load_rendering_stack()  # imported once here; the forked workers inherit it
        self.ctx = multiprocessing.get_context("fork")
        self.pending = list(self.todo)
        self.idle: list[_Worker] = []
        self.busy: dict[_Worker, tuple[Job, float]] = {}
        try:
            try:
                for _ in range(self.size):
                    self.idle.append(self._start_worker())
                self._loop()
            except KeyboardInterrupt:
                self._interrupted()
        except (_Terminated, KeyboardInterrupt) as exc:
            self.ended = "terminated" if isinstance(exc, _Terminated) else "interrupted"
            self._abandon(self.ended)
        finally:
            self._stop_workers()
        for job in self.pending:
            self.results.append(_result(job.slug, "not started"))
        return self.results

    def _start_worker(self) -> "_Worker":
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker_main, args=(child, self.quiet,
                                                               str(self.log.path), os.getpid()),
                                   daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _loop(self) -> None:
        from multiprocessing.connection import wait

        while self.busy or (self.pending and not self.ended):
            while self.idle and self.pending and not self.ended:
                worker, job = self.idle.pop(), self.pending.pop(0)
                try:
                    worker.conn.send((str(job.notebook), job.parameters, self.batch.formats,
                                      str(self.batch.out), job.inputs, job.slug))
                except OSError:  # the worker died while idle: the job goes to a new one
                    self._kill(worker)
                    self.pending.insert(0, job)
                    self.idle.append(self._start_worker())
                    continue
                self.busy[worker] = (job, time.monotonic() + self.timeout)
            if not self.busy:
                break
            soonest = min(deadline for _, deadline in self.busy.values())
            waiting = [w.conn for w in self.busy] + [w.process.sentinel for w in self.busy]
            wait(waiting, timeout=max(0.0, soonest - time.monotonic()) + 0.05)
            for worker in list(self.busy):
                self._check(worker)

    def _check(self, worker: "_Worker") -> None:
        job, deadline = self.busy[worker]
        if worker.conn.poll():
            try:
                self.results.append(worker.conn.recv())
                del self.busy[worker]
                self.idle.append(worker)
                return
            except (EOFError, OSError):
                pass  # the worker died: below
        if worker.process.is_alive() and time.monotonic() < deadline:
            return
        if worker.process.is_alive():
            why = f"took longer than the {self.timeout:g} s a report may take; stopped"
        else:
            code = worker.process.exitcode
            why = (f"its worker process died (signal {-code})" if code and code < 0
                   else f"its worker process exited unexpectedly (code {code})")
        del self.busy[worker]
        self._kill(worker)
        self.results.append(self._failed(job, why))
        if self.pending and not self.ended:
            self.idle.append(self._start_worker())

    def _failed(self, job: Job, why: str) -> dict:
        """A report whose worker is gone: write its failure note (the last good report stays)."""
        from analysis import publish as pub
        from analysis.provenance import relative_to_root

        pub.clean_stale(self.batch.out)
        failure = {"step": "execute", "error": f"WorkerLost: {why}"}
        manifest = pub.build_manifest(
            report=job.slug, title=None, notebook=relative_to_root(job.notebook),
            parameters=job.parameters, formats=self.batch.formats, files={}, started=now_iso(),
            timings={}, inputs=job.inputs, failure=failure)
        try:
            note = str(pub.write_failure(self.batch.out, job.slug, None, manifest, failure))
        except OSError as exc:
            note, why = None, f"{why}; no failure note ({describe_os_error(exc)})"
        return {**_result(job.slug, "failed"), "error": f"WorkerLost: {why}", "note": note}

    def _interrupted(self) -> None:
        """First Ctrl-C: start nothing more, let the running reports finish."""
        self.ended = "interrupted"
        self.log.write("batch interrupted: no further report started; waiting for the "
                       f"{len(self.busy)} running (Ctrl-C again abandons them)")
        if not self.quiet:
            print(f"ties batch: interrupted; waiting for {len(self.busy)} running report(s) "
                  "(Ctrl-C again abandons them)", file=sys.stderr, flush=True)
        self._loop()

    def _abandon(self, why: str) -> None:
        """Stop the running reports now; their staging folders go, their last good reports stay."""
        self.log.write(f"batch {why}: abandoning {len(self.busy)} running report(s); "
                       "last good reports kept")
        for worker, (job, _) in list(self.busy.items()):
            self._kill(worker)
            self.results.append({**_result(job.slug, "abandoned"), "error": why})
        self.busy.clear()
        from analysis.publish import clean_stale

        clean_stale(self.batch.out)

    def _kill(self, worker: "_Worker") -> None:
        if worker.process.is_alive():
            os.kill(worker.process.pid, signal.SIGKILL)  # its template and kernels follow
        worker.process.join()
        worker.conn.close()

    def _stop_workers(self) -> None:
        for worker in self.idle:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self.idle:
            worker.process.join(timeout=30)
            if worker.process.is_alive():
                self._kill(worker)
            worker.conn.close()
        self.idle.clear()
        for worker in list(self.busy):
            self._kill(worker)
        self.busy.clear()


@dataclass(eq=False)
class _Worker:
    process: Any
    conn: Any


def _result(report_slug: str, status: str) -> dict:
    return {"slug": report_slug, "status": status, "timings": {}, "error": None, "note": None}


_QUIET = False
_LOG_PATH: str | None = None
_TEMPLATE = None  # this worker's KernelTemplate


def _worker_main(conn, quiet: bool, log_path: str, batch_pid: int) -> None:
    """A worker's life: render each report the batch sends until it sends None."""
    global _QUIET, _LOG_PATH, _TEMPLATE
    from analysis.kernels import KernelTemplate, die_with_parent

    die_with_parent(signal.SIGKILL, batch_pid)  # a killed batch takes its workers along
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _QUIET, _LOG_PATH = quiet, log_path
    _TEMPLATE = KernelTemplate(stderr_path=log_path if quiet else None)
    try:
        while True:
            try:
                task = conn.recv()
            except EOFError:
                break
            if task is None:
                break
            conn.send(_render_one(*task))
    finally:
        _TEMPLATE.close()
        _TEMPLATE = None


def _render_one(notebook: str, parameters: dict, formats, out: str, inputs: dict,
                report_slug: str) -> dict:
    from analysis.render import print_progress, render

    progress = None if _QUIET else print_progress
    t0 = time.perf_counter()
    try:
        with _stderr_to_log(_LOG_PATH if _QUIET else None):
            rep = render(notebook, parameters, formats=formats, out=out, progress=progress,
                         inputs=inputs, kernels=_TEMPLATE)
    except OSError as exc:  # the disk is full or read-only: not even a failure note was written
        return {**_result(report_slug, "failed"), "error": describe_os_error(exc),
                "timings": {"total": round(time.perf_counter() - t0, 3)}}
    except Exception as exc:  # noqa: BLE001 — one report's trouble is not the batch's
        return {**_result(report_slug, "failed"), "error": f"{type(exc).__name__}: {exc}",
                "timings": {"total": round(time.perf_counter() - t0, 3)}}
    return {"slug": rep.slug, "status": rep.status, "timings": rep.timings, "error": rep.error,
            "note": str(rep.note) if rep.note else None, "changes": rep.changes}


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
    """Appends timestamped lines to the batch log.

    Opened at once, so a log that cannot be written (a folder, a read-only disk) stops the batch
    before anything runs (OSError); a write that fails later (the disk filled up) is said once
    on stderr and the batch goes on.
    """

    def __init__(self, path: Path):
        self.path = path
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "the log is a folder, not a file", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8"):
            pass
        self.broken = False

    def write(self, line: str) -> None:
        try:
            with open(self.path, "a", encoding="utf-8") as f:
                f.write(f"{now_iso()} {line}\n")
        except OSError as exc:
            if not self.broken:
                print(f"ties batch: cannot write the log ({describe_os_error(exc)}): {line}",
                      file=sys.stderr, flush=True)
            self.broken = True
