"""``ties`` — thin command line: parse, call the library, print.

A user mistake (TiesError) becomes one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
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
    check(args.notebook, raw)  # refuse a bad parameter before anything heavy is imported
    from analysis.report_index import write_index

    out = args.out or REPORTS_DIR
    report = render(args.notebook, raw, formats=formats, out=out,
                    progress=None if args.quiet else print_progress)
    write_index(Path(out))
    if not report.ok:
        print(f"ties render: {report.slug} failed: {report.error} (see {report.note})",
              file=sys.stderr)
        return 1
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from analysis.batch import run

    if args.jobs is not None and args.jobs < 1:
        from analysis.errors import ParameterError

        raise ParameterError(f"--jobs {args.jobs}: expected a number of workers, 1 or more")
    return run(args.config, jobs=args.jobs, quiet=args.quiet, force=args.force,
               log_file=args.log, out=args.out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ties",
        description="India–Russia briefing: article claims, data build, report rendering.",
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

    p = sub.add_parser("data", help="build data/ from the gathered sources")
    dsub = p.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    b = dsub.add_parser("build", help="(re)build the tidy tables in data/ from the sources",
                        description="Derive data/ from ../shared/sources (or $TIES_SOURCES).")
    b.add_argument("--sources", type=Path, default=None,
                   help="folder of gathered sources (default: $TIES_SOURCES or ../shared/sources)")
    b.add_argument("--out", type=Path, default=None, help="data folder to write (default: data/)")
    b.add_argument("--only", choices=["trade", "diplomacy"], help="build one group only")
    b.set_defaults(func=_cmd_data_build)

    p = sub.add_parser(
        "render", help="render one notebook as a report (HTML + PDF)", add_help=False,
        description="Execute a notebook with checked parameters and publish reports/<report>/ "
                    "(HTML, PDF, executed notebook, manifest.json). "
                    "`ties render NOTEBOOK --help` lists the notebook's parameters.",
        epilog="Exit codes: 0 rendered, 1 a cell or step failed (last good report kept, failure "
               "note written), 2 a mistake in the command (nothing written).")
    p.add_argument("notebook", nargs="?", metavar="NOTEBOOK",
                   help="a notebook name (trade_imbalance) or path (notebooks/x.ipynb)")
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter value (repeatable)")
    p.add_argument("--format", default="html,pdf", help="comma-separated: html,pdf (default both)")
    p.add_argument("--out", type=Path, default=None, help="reports folder (default: reports/)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    p.add_argument("-h", "--help", action="store_true",
                   help="show this help and, with NOTEBOOK, its parameters")
    p.set_defaults(func=_cmd_render, parser=p)

    p = sub.add_parser(
        "batch", help="render the reports listed in a batch file (reports.yml)",
        description="Render every report of a batch file in parallel; unchanged reports are "
                    "skipped; reports/index.html lists them all.",
        epilog="Exit codes: 0 all reports rendered or up to date, 1 a report failed (its last "
               "good version kept), 2 a mistake in the batch file, 3 another batch is running.")
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
    p.set_defaults(func=_cmd_batch)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except TiesError as exc:
        print(f"ties: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ties: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader closed the pipe (`ties article | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
