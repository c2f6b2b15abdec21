#!/usr/bin/env python3
"""Time the default report set three ways, and the refusal of a bad parameter.

    .venv/bin/python bench/bench_render.py [--config reports.yml] [--jobs N] [--keep]

1. a plain shell loop, one report after another: ``papermill`` CLI, then
   ``jupyter nbconvert --to html --no-input``, then ``weasyprint`` (HTML → PDF);
2. ``ties batch`` cold (an empty output folder, so every report renders);
3. ``ties batch`` again with nothing changed (every report skipped);
4. ``ties render trade_imbalance -p partner=XXX`` (refused before any kernel starts).

Prints the wall times and the ratios to the plain loop. Needs the notebooks named in the batch
file (notebooks/*.ipynb) and the data they read. Everything is written under a temporary folder,
removed at the end unless --keep. A script, not a test: its figures go in the README.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the venv's bin/: ties, papermill, jupyter, weasyprint


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark report rendering: plain papermill/nbconvert/PDF loop versus "
                    "`ties batch` cold and unchanged, plus the time to refuse a bad parameter.")
    parser.add_argument("--config", type=Path, default=ROOT / "reports.yml",
                        help="batch file listing the reports (default: reports.yml)")
    parser.add_argument("--jobs", type=int, default=None,
                        help="workers for ties batch (default: the number of cores)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary output folder")
    parser.add_argument("--skip-plain", action="store_true",
                        help="skip the (slow) plain shell loop")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from analysis.batch import load
    from analysis.errors import TiesError

    for tool in ("ties", "papermill", "jupyter", "weasyprint"):
        if not (BIN / tool).exists():
            print(f"bench: {BIN / tool} not found; install the package first "
                  "(make venv)", file=sys.stderr)
            return 2
    try:
        batch = load(args.config)
    except TiesError as exc:
        print(f"bench: cannot read {args.config}: {exc}", file=sys.stderr)
        return 2

    if sys.flags.dont_write_bytecode or os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("bench: note: PYTHONDONTWRITEBYTECODE is set; unless the venv was byte-compiled "
              "(uv pip install --compile-bytecode, or python -m compileall .venv) every start "
              "recompiles pandas & co. and all times grow", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix="ties-bench-"))
    print(f"bench: {len(batch.jobs)} reports from {args.config}, {os.cpu_count()} cores, "
          f"output under {work}")
    times: dict[str, float] = {}
    ok = True
    try:
        if not args.skip_plain:
            times["plain loop"], good = plain_loop(batch.jobs, work / "plain")
            ok &= good
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        cold = [str(BIN / "ties"), "batch", str(args.config.resolve()), "--out", str(work / "batch"), "--quiet",
                "--log", str(work / "batch.log"), *jobs]
        # the batch file may name notebooks by name (found in notebooks/) or by relative path
        times["ties batch, cold"], good = timed("ties batch (cold)", cold, cwd=ROOT)
        ok &= good
        times["ties batch, unchanged"], good = timed("ties batch (unchanged)", cold, cwd=ROOT)
        ok &= good
        bad = [str(BIN / "ties"), "render", "trade_imbalance", "-p", "partner=XXX",
               "--out", str(work / "refused")]
        times["bad parameter refused"], refused = timed("bad parameter", bad, cwd=ROOT,
                                                        expect=2)
        ok &= refused and not (work / "refused").exists()
    finally:
        if args.keep:
            print(f"bench: outputs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print()
    plain = times.get("plain loop")
    targets = {"ties batch, cold": "≤ 0.3× plain", "ties batch, unchanged": "≤ 1 s",
               "bad parameter refused": "≤ 0.5 s"}
    print(f"{'':24} {'wall s':>8} {'× plain':>8}  target")
    for name, seconds in times.items():
        ratio = f"{seconds / plain:8.2f}" if plain else f"{'–':>8}"
        print(f"{name:24} {seconds:8.2f} {ratio}  {targets.get(name, '')}")
    if not ok:
        print("\nbench: some runs failed (see the lines above); the times are not comparable",
              file=sys.stderr)
        return 1
    return 0


def plain_loop(jobs, out: Path) -> tuple[float, bool]:
    """One shell loop over the reports: papermill CLI, nbconvert CLI, weasyprint CLI."""
    import yaml

    out.mkdir(parents=True)
    lines = ["set -e"]
    for job in jobs:
        executed = out / f"{job.slug}.ipynb"
        params = yaml.safe_dump(job.parameters, default_flow_style=True).strip()
        lines += [
            f"{BIN / 'papermill'} {shlex.quote(str(job.notebook))} {shlex.quote(str(executed))} "
            f"-y {shlex.quote(params)} --cwd {shlex.quote(str(job.notebook.parent))} "
            "--no-progress-bar --log-level ERROR",
            f"{BIN / 'jupyter'} nbconvert --to html --no-input --log-level ERROR "
            f"{shlex.quote(str(executed))}",
            f"{BIN / 'weasyprint'} {shlex.quote(str(executed.with_suffix('.html')))} "
            f"{shlex.quote(str(executed.with_suffix('.pdf')))} 2>/dev/null",
        ]
    script = out / "loop.sh"
    script.write_text("\n".join(lines) + "\n")
    seconds, good = timed("plain loop", ["bash", str(script)], cwd=ROOT)
    made = sorted(p.name for p in out.glob("*.pdf"))
    if good and len(made) != len(jobs):
        print(f"  plain loop made {len(made)} PDFs for {len(jobs)} reports", file=sys.stderr)
        good = False
    return seconds, good


def timed(label: str, cmd: list[str], cwd: Path, expect: int = 0) -> tuple[float, bool]:
    """Wall time of one command; prints it and whether it exited as expected."""
    print(f"  {label} …", end="", flush=True)
    t = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    good = result.returncode == expect
    print(f" {seconds:.2f} s" + ("" if good else f"  (exit {result.returncode}, expected {expect})"))
    if not good:
        tail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        for line in tail:
            print(f"    {line}", file=sys.stderr)
    return seconds, good


if __name__ == "__main__":
    raise SystemExit(main())
