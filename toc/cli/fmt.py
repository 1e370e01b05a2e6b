"""``toc fmt``: rewrite model files in canonical form, in place (or check that they already are).

Like ``black`` and ``ruff format``: ``toc fmt FILE...`` rewrites each file that is not canonical
(atomically; a canonical file is not touched, so its bytes and timestamp stay), ``--check`` and
``--diff`` only report, ``-o FILE`` / ``-o -`` write the canonical form elsewhere. A file with
comments is not rewritten in place unless ``--drop-comments`` says so: the canonical form
cannot keep them, and losing them silently is worse than refusing.
"""

from __future__ import annotations

import argparse
import difflib
import os
import stat
from typing import TYPE_CHECKING

from toc.cli.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from toc.cli.inputs import add_max_bytes
from toc.cli.streams import Streams
from toc.errors import LoadError

if TYPE_CHECKING:
    from toc.model import Model


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("models", nargs="+", metavar="MODEL", help="model file(s), rewritten in place")
    parser.add_argument(
        "-o", "--output", help="write the canonical form here instead (- for standard output); one MODEL"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is not canonical"
    )
    parser.add_argument(
        "--diff", action="store_true", help="write nothing; print what would change, exit 1 if anything would"
    )
    parser.add_argument(
        "--drop-comments", action="store_true", help="rewrite files with comments too (the comments are lost)"
    )
    add_max_bytes(parser)


def run(args: argparse.Namespace, io: Streams) -> int:
    if args.output is not None and (args.check or args.diff):
        io.err.write("toc fmt: -o writes the canonical form; it cannot be combined with --check or --diff\n")
        return EXIT_USAGE
    if args.output is not None and len(args.models) > 1:
        io.err.write("toc fmt: -o takes one MODEL (without -o, each file is rewritten in place)\n")
        return EXIT_USAGE
    if args.output is not None:
        return _write_elsewhere(args.models[0], args.output, args.max_bytes, io)
    worst = EXIT_OK
    changed = unchanged = 0
    for path in args.models:
        try:
            code, did_change = _one(path, args, io)
        except LoadError as exc:
            for problem in exc.problems:
                io.err.write(f"{problem}\n")
            code, did_change = EXIT_USAGE, False
        worst = max(worst, code)
        changed += did_change
        unchanged += code == EXIT_OK and not did_change
    failed = len(args.models) - changed - unchanged
    if not (args.check or args.diff) and (len(args.models) > 1 or not failed):
        tally = f"toc fmt: {_files(changed)} reformatted, {_files(unchanged)} left unchanged"
        io.err.write(tally + (f", {_files(failed)} not formatted (above)\n" if failed else "\n"))
    return worst


def _files(count: int) -> str:
    return f"{count} file" if count == 1 else f"{count} files"


def _canonical(model: Model, written: str) -> str:
    """The canonical form of ``model``, after the comment lines its file (``written``) opens
    with: a schema modeline survives formatting."""
    from toc.io.comments import header_comments
    from toc.io.write import dumps

    return header_comments(written) + dumps(model)


def _load(path: str, max_bytes: int) -> tuple[Model, bytes]:
    """The model and the bytes it was read from: the file is read once (within ``max_bytes``),
    so that a FIFO named with ``-o`` is not read twice, and a missing or broken file gets the
    loader's message."""
    from toc.io.load import load_bytes
    from toc.io.source import read_source

    raw = read_source(path, max_bytes)
    return load_bytes(raw, path), raw


def _write_elsewhere(path: str, output: str, max_bytes: int, io: Streams) -> int:
    from toc.cli.output import check_output_path, write_output

    check_output_path("fmt", output)  # before the work
    model, raw = _load(path, max_bytes)
    write_output("fmt", output, _canonical(model, raw.decode("utf-8-sig")), io)
    return EXIT_OK


def _one(path: str, args: argparse.Namespace, io: Streams) -> tuple[int, bool]:
    """Format, check or diff one file: (exit code, whether it was rewritten)."""
    if _is_special(path):  # a FIFO or device: reading it twice would hang, rewriting it is nonsense
        io.err.write(f"{path}: not a regular file; print its canonical form with: toc fmt {path} -o -\n")
        return EXIT_USAGE, False
    model, current = _load(path, args.max_bytes)
    written = current.decode("utf-8-sig")
    text = _canonical(model, written)
    canonical = text.encode("utf-8")
    if current == canonical:
        return EXIT_OK, False
    if args.check or args.diff:
        if args.diff:
            io.out.writelines(_diff(path, written, text))
        if args.check:
            io.err.write(f"{path}: not in canonical form (run: toc fmt {path})\n")
        return EXIT_FINDINGS, False
    from toc.io.comments import comment_lines, header_comments

    header = header_comments(written).count("\n")
    comments = [line for line in comment_lines(written) if line > header]
    if comments and not args.drop_comments:
        shown = ", ".join(map(str, comments[:5])) + (" …" if len(comments) > 5 else "")
        io.err.write(
            f"{path}: not rewritten: it has comments (line {shown}) that the canonical form cannot keep "
            f"(see it with: toc fmt {path} --diff; rewrite anyway with --drop-comments)\n"
        )
        return EXIT_USAGE, False
    from toc.cli.output import write_output

    write_output("fmt", path, canonical)
    io.err.write(f"reformatted {path}\n")
    return EXIT_OK, True


def _is_special(path: str) -> bool:
    """Neither a regular file nor a directory (those two, and a missing path, the loader words)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _diff(path: str, written: str, canonical: str) -> list[str]:
    before = written.splitlines(keepends=True)
    after = canonical.splitlines(keepends=True)
    lines = list(difflib.unified_diff(before, after, f"{path}", f"{path} (canonical)"))
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines]
