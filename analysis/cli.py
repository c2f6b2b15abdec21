"""``ties`` — thin command line: parse, call the library, print.

A user mistake (TiesError) becomes one line on stderr and exit code 2, an operating-system error
(disk full, read-only folder, a file where a folder should be) one line naming the path and
exit code 1 — never a traceback.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from analysis import REPORTS_DIR
from analysis.errors import TiesError


def _cmd_article(args: argparse.Namespace) -> int:
    import json

    from analysis.article import article_record, claims_table, load_article

    article = load_article(args.path, published=args.published)
    if args.json:
        print(json.dumps(article_record(article), ensure_ascii=False, indent=2, default=str))
        return 0
    table = claims_table(article)
    print(f"{article.title}\n{len(table)} claims\n")
    print(table.to_string(index=False, na_rep=""))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    import json

    from analysis.article import article_record, load_article
    from analysis.checks import check_article, verdict_counts

    article = load_article(args.path, published=args.published)
    checked = check_article(article)
    if args.json:
        records = json.loads(checked.to_json(orient="records", force_ascii=False))
        print(json.dumps({"article": article_record(article)["article"], "checks": records,
                          "verdicts": verdict_counts(checked)},
                         ensure_ascii=False, indent=2, default=str))
        return 0
    counts = ", ".join(f"{n} {v}" for v, n in verdict_counts(checked).items())
    print(f"{article.title}\n{len(checked)} claims checked: {counts}\n")
    shown = checked.drop(columns=["sentence"]).copy()
    shown["reason"] = shown["reason"].str.slice(0, 90)
    shown["text"] = shown["text"].astype(str).str.slice(0, 40)
    print(shown.to_string(index=False, na_rep=""))
    return 0


def _cmd_data_build(args: argparse.Namespace) -> int:
    from analysis.derive import build_all

    written = build_all(args.sources, args.out, only=args.only)
    print(f"wrote {len(written)} files")
    return 0


def _cmd_data_update(args: argparse.Namespace) -> int:
    import tempfile

    from analysis import DATA_DIR
    from analysis.derive.update import FetchError, fetch, is_url, retrieval_date

    data_dir = Path(args.data or DATA_DIR)
    with tempfile.TemporaryDirectory(prefix="ties-update-") as scratch:
        given = str(args.source)
        try:
            path = fetch(given, Path(scratch)) if is_url(given) else Path(given)
        except FetchError as exc:
            print(f"ties: error: {exc}", file=sys.stderr)
            return 1
        retrieved = retrieval_date(path, args.retrieved, fetched=is_url(given))
        shown = given if is_url(given) else path.name
        if args.what == "unga":
            from analysis.derive.unga_un import update_unga

            update_unga(path, data_dir, shown, retrieved)
        else:
            from analysis.derive.tradestat import update_trade

            update_trade(path, data_dir, shown, retrieved)
    return 0


def _parse_assignments(items: list[str]) -> dict[str, str]:
    """``["partner=CHN", "top_n=5"]`` → ``{"partner": "CHN", "top_n": "5"}``."""
    from analysis.errors import ParameterError

    out: dict[str, str] = {}
    for item in items or []:
        name, eq, value = item.partition("=")
        name = name.strip()
        if not eq or not name:
            raise ParameterError(f"-p {item!r}: expected name=value, e.g. -p partner=CHN")
        if name in out:
            raise ParameterError(f"-p {name}: given twice")
        out[name] = value
    return out


def _cmd_render(args: argparse.Namespace) -> int:
    from analysis.errors import ParameterError

    if args.help:
        args.parser.print_help()
        if args.notebook:
            print()
            from analysis.params import help_text

            print(help_text(args.notebook))
        return 0
    if not args.notebook:
        raise ParameterError("render needs a NOTEBOOK (a name such as trade_imbalance, or a path)")
    from analysis.render import check, parse_formats, print_progress, render

    raw = _parse_assignments(args.param)
    formats = parse_formats(args.format)
    allowed = [args.notebook] if args.allow_notebook else []
    check(args.notebook, raw, allowed=allowed)  # refuse a mistake before anything heavy loads
    from analysis.publish import clean_stale, lock
    from analysis.report_index import write_index

    out = Path(args.out or REPORTS_DIR)
    say = (lambda line: None) if args.quiet else print_progress
    signal.signal(signal.SIGTERM, _terminated)  # unwind like Ctrl-C: staging removed, kernel shut
    with lock(out.resolve(), wait=True, say=say, what="render"):  # one publisher at a time
        clean_stale(out)
        report = render(args.notebook, raw, formats=formats, out=out,
                        progress=None if args.quiet else print_progress)
        write_index(out)
    if not report.ok:
        print(f"ties render: {report.slug} failed: {report.error} (see {report.note})",
              file=sys.stderr)
        return 1
    return 0


def _terminated(signum, frame):
    print("ties: terminated; the last good report is kept", file=sys.stderr)
    raise SystemExit(143)


def _cmd_batch(args: argparse.Namespace) -> int:
    from analysis.batch import run

    if args.jobs is not None and args.jobs < 1:
        from analysis.errors import ParameterError

        raise ParameterError(f"--jobs {args.jobs}: expected a number of workers, 1 or more")
    if args.report_timeout is not None and not 0 < args.report_timeout < float("inf"):
        from analysis.errors import ParameterError

        raise ParameterError(f"--report-timeout {args.report_timeout:g}: expected seconds, "
                             "more than 0")
    return run(args.config, jobs=args.jobs, quiet=args.quiet, force=args.force,
               log_file=args.log, out=args.out, allowed=args.allow_notebook,
               report_timeout=args.report_timeout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ties",
        description=("Briefings on India's foreign relations: article claims and checks, data "
                     "build and update, report rendering."),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("article", help="print the quantitative claims of an article",
                       description="Print every quantitative claim of an article as a table; "
                                   "--json prints {article, claims, entities}.")
    p.add_argument("path", nargs="?", type=Path, default=None,
                   help="article text file (default: the seed article in seeds/); its "
                        "NAME.meta.yml sidecar, if any, gives title, outlet, published …")
    p.add_argument("--published", default=None, metavar="YYYY-MM-DD",
                   help="publication date (overrides the sidecar's); resolves 'last fiscal' …")
    p.add_argument("--json", action="store_true",
                   help="print a JSON object {article, claims, entities} instead of a table")
    p.set_defaults(func=_cmd_article)

    p = sub.add_parser("check", help="check an article's claims against data/",
                       description="Give every claim of an article the data could speak to a "
                                   "verdict: confirmed, differs (likely reason), cannot check "
                                   "(why) or not checkable (a target, a forecast).")
    p.add_argument("path", nargs="?", type=Path, default=None, metavar="ARTICLE",
                   help="article text file (default: the seed article in seeds/)")
    p.add_argument("--published", default=None, metavar="YYYY-MM-DD",
                   help="publication date (overrides the sidecar's)")
    p.add_argument("--json", action="store_true",
                   help="print a JSON object {article, checks, verdicts}")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("data", help="build or update data/")
    dsub = p.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    b = dsub.add_parser("build", help="(re)build the tidy tables in data/ from the sources",
                        description="Derive data/ from ../shared/sources (or $TIES_SOURCES).")
    b.add_argument("--sources", type=Path, default=None,
                   help="folder of gathered sources (default: $TIES_SOURCES or ../shared/sources)")
    b.add_argument("--out", type=Path, default=None, help="data folder to write (default: data/)")
    b.add_argument("--only", choices=["trade", "diplomacy"], help="build one group only")
    b.set_defaults(func=_cmd_data_build)
    u = dsub.add_parser(
        "update", help="bring a new official file into data/ (UN votes, TradeStat reports)",
        description="Merge one official file into data/: validated first, written atomically, "
                    "each change listed in data/CHANGELOG.md. The network is used only when "
                    "--from is an http(s) URL.",
        epilog="Exit codes: 0 updated or already up to date, 1 the URL could not be fetched, "
               "2 a bad file or option (nothing changed).")
    u.add_argument("what", choices=["unga", "trade"],
                   help="unga: UN Digital Library General Assembly voting data (CSV); trade: a "
                        "TradeStat country-wise or commodity-wise report (JSON)")
    u.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL",
                   help="the file to read; an http(s) URL is downloaded (nothing else "
                        "touches the network)")
    u.add_argument("--data", type=Path, default=None,
                   help="data folder to update (default: data/)")
    u.add_argument("--retrieved", default=None, metavar="YYYY-MM-DD",
                   help="retrieval date to record (default: today for a URL, else the file's "
                        "modification date)")
    u.set_defaults(func=_cmd_data_update)

    p = sub.add_parser(
        "render", help="render one notebook as a report (HTML + PDF)", add_help=False,
        description="Execute a notebook with checked parameters and publish reports/<report>/ "
                    "(HTML, PDF, executed notebook, manifest.json). "
                    "`ties render NOTEBOOK --help` lists the notebook's parameters.",
        epilog="Exit codes: 0 rendered, 1 a cell or step failed (last good report kept, failure "
               "note written) or the system refused a write (disk full, read-only), 2 a mistake "
               "in the command (nothing written). Waits while a batch renders into the folder.")
    p.add_argument("notebook", nargs="?", metavar="NOTEBOOK",
                   help="a notebook name (trade_imbalance) or path (notebooks/x.ipynb)")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter value (repeatable)")
    p.add_argument("--format", default="html,pdf", help="comma-separated: html,pdf (default both)")
    p.add_argument("--out", type=Path, default=None, help="reports folder (default: reports/)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    p.add_argument("--allow-notebook", action="store_true",
                   help="render NOTEBOOK although it is not one of notebooks/")
    p.add_argument("-h", "--help", action="store_true",
                   help="show this help and, with NOTEBOOK, its parameters")
    p.set_defaults(func=_cmd_render, parser=p)

    p = sub.add_parser(
        "batch", help="render the reports listed in a batch file (reports.yml)",
        description="Render every report of a batch file in parallel; unchanged reports are "
                    "skipped; reports/index.html lists them all.",
        epilog="Exit codes: 0 all reports rendered or up to date, 1 a report failed (its last "
               "good version kept) or the system refused a write, 2 a mistake in the batch file, "
               "3 another batch is running, 130 interrupted, 143 terminated (SIGTERM).")
    p.add_argument("config", type=Path, metavar="BATCH_FILE", help="e.g. reports.yml")
    p.add_argument("-j", "--jobs", type=int, default=None,
                   help="worker processes (default: the number of cores)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="print nothing unless a report fails (for cron)")
    p.add_argument("--force", action="store_true", help="render every report, even unchanged")
    p.add_argument("--log", type=Path, default=None,
                   help="log file to append to (default: batch.log in the reports folder)")
    p.add_argument("--out", type=Path, default=None,
                   help="reports folder (default: the batch file's out:, else reports/)")
    p.add_argument("--allow-notebook", action="append", default=[], type=Path, metavar="PATH",
                   help="a notebook file or folder outside notebooks/ the batch file may name "
                        "(repeatable)")
    p.add_argument("--report-timeout", type=float, default=None, metavar="SECONDS",
                   help="wall-clock limit of one report (default 1800)")
    p.set_defaults(func=_cmd_batch)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except TiesError as exc:
        print(f"ties: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader closed the pipe (`ties article | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # the system refused a read or write: one line naming the path
        from analysis.errors import describe_os_error

        print(f"ties: error: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("ties: interrupted", file=sys.stderr)
        return 130

if __name__ == "__main__":
    raise SystemExit(main())
