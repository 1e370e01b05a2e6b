"""``toc diff OLD NEW``: what changed between two versions of a model, and what that does to
its conclusions.

Either side may be a file in any readable format or ``REV:PATH``, a file as it is in a git
revision (an existing file wins over that reading: see :mod:`toc.io.revision`). Exit codes as
``diff``: 0 no change of meaning, 1 changes, 2 bad input. ``--textconv FILE`` prints the model
as sorted lines of facts instead, for ``git diff`` (docs/diff.md); a file that does not load is
printed as it is (exit 0, its problems on standard error), so that git can still show it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from toc.cli.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from toc.cli.inputs import add_model_format
from toc.cli.streams import Streams
from toc.formats import DIFF_FORMATTERS

if TYPE_CHECKING:
    from toc.model import Model

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", nargs="?", help="the old version: a model file, or REV:PATH in git")
    parser.add_argument("new", nargs="?", help="the new version: a model file, or REV:PATH in git")
    parser.add_argument(
        "--format",
        choices=DIFF_FORMATTERS.choices(),
        help=f"output format (default: by -o extension, else text): {', '.join(DIFF_FORMATTERS.names())}",
    )
    parser.add_argument("-o", "--output", default="-", help="output file (default '-': standard output)")
    parser.add_argument("--lang", help="language of the fixed words (en, nl); model text is shown as written")
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="leave out the findings of toc check among the consequences (about twice as fast)",
    )
    parser.add_argument(
        "--textconv",
        metavar="FILE",
        help="print FILE as sorted lines of facts, for git's diff.<driver>.textconv, and exit",
    )
    add_model_format(parser, "model format of both")


def _read(argument: str, args: argparse.Namespace) -> Model:
    from toc.cli.inputs import read_version

    return read_version(argument, args.source, args.max_bytes)


def _textconv(args: argparse.Namespace, io: Streams) -> int:
    """The facts of one file for git. A file that does not load (a revision saved half-way) is
    passed through as it is, with its problems on standard error: git stops a whole ``git log
    -p`` when a textconv filter fails, and the history must stay readable."""
    from toc.cli.output import write_output
    from toc.diff.canonical import facts
    from toc.errors import LoadError
    from toc.io.source import read_source

    try:
        text = facts(_read(args.textconv, args))
    except LoadError as exc:
        for problem in exc.problems:
            io.err.write(f"{problem}\n")
        text = read_source(args.textconv, args.max_bytes).decode("utf-8", "replace")
    write_output("diff", args.output, text, io)
    return EXIT_OK


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.cli.output import check_output_path, write_output

    if args.textconv is not None:
        if args.old is not None:
            io.err.write("toc diff: --textconv takes one file and no OLD NEW\n")
            return EXIT_USAGE
        return _textconv(args, io)
    if args.old is None or args.new is None:
        io.err.write("toc diff: give two versions, OLD NEW (a file or REV:PATH each); see toc diff --help\n")
        return EXIT_USAGE
    fmt = DIFF_FORMATTERS.named(args.format) if args.format else None
    if fmt is None:
        fmt = DIFF_FORMATTERS.for_path(args.output) if args.output != "-" else None
        fmt = fmt or DIFF_FORMATTERS.named("text")
    check_output_path("diff", args.output)  # before the work
    old, new = _read(args.old, args), _read(args.new, args)
    from toc.diff import diff

    found = diff(old, new, check=not args.no_check)
    write_output("diff", args.output, fmt.load()(found, args.old, args.new, args.lang), io)
    return EXIT_FINDINGS if found else EXIT_OK
