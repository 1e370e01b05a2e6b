"""``toc fmt``: rewrite a model in canonical form (or check that it already is)."""

from __future__ import annotations

import argparse

from toc.cli.streams import Streams


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", help="model file")
    parser.add_argument("-o", "--output", help="write here instead of printing")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not canonical")


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.io.load import load
    from toc.io.write import dumps

    text = dumps(load(args.model))
    if args.check:
        with open(args.model, encoding="utf-8") as handle:
            same = handle.read() == text
        if not same:
            io.err.write(f"{args.model}: not in canonical form (run: toc fmt {args.model} -o {args.model})\n")
        return 0 if same else 1
    if args.output:
        from toc.cli.output import write_output

        write_output("fmt", args.output, text)
    else:
        io.out.write(text)
    return 0
