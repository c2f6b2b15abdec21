"""``ties`` — thin command line: parse, call the library, print.

A user mistake (TiesError) becomes one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.errors import TiesError


def _cmd_article(args: argparse.Namespace) -> int:
    from analysis.article import claims_table, load_article

    article = load_article(args.path)
    table = claims_table(article)
    if args.json:
        print(table.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print(f"{article.title}\n{len(table)} claims\n")
        print(table.to_string(index=False, na_rep=""))
    return 0


def _cmd_data_build(args: argparse.Namespace) -> int:
    from analysis.build import build_all

    written = build_all(args.sources, args.out, only=args.only)
    print(f"wrote {len(written)} files")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ties",
        description="India–Russia briefing: article claims, data build, report rendering.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("article", help="print the quantitative claims of an article",
                       description="Print every quantitative claim of an article as a table.")
    p.add_argument("path", nargs="?", type=Path, default=None,
                   help="article text file (default: the seed article in seeds/)")
    p.add_argument("--json", action="store_true", help="print JSON records instead of a table")
    p.set_defaults(func=_cmd_article)

    p = sub.add_parser("data", help="build data/ from the gathered sources")
    dsub = p.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    b = dsub.add_parser("build", help="(re)build the tidy tables in data/ from the sources",
                        description="Derive data/ from ../shared/sources (or $TIES_SOURCES).")
    b.add_argument("--sources", type=Path, default=None,
                   help="folder of gathered sources (default: $TIES_SOURCES or ../shared/sources)")
    b.add_argument("--out", type=Path, default=None, help="data folder to write (default: data/)")
    b.add_argument("--only", choices=["trade", "diplomacy"], help="build one group only")
    b.set_defaults(func=_cmd_data_build)
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
