"""``toc fmt``: rewrite a model in canonical form (or check that it already is)."""

from __future__ import annotations

import argparse

from toc.cli.inputs import add_max_bytes
from toc.cli.streams import Streams


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", help="model file")
    parser.add_argument("-o", "--output", help="write here instead of printing (-: standard output)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not canonical")
    add_max_bytes(parser)


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.io.load import load_bytes
    from toc.io.source import read_source
    from toc.io.write import dumps

    if args.output:
        from toc.cli.output import check_output_path

        check_output_path("fmt", args.output)
    raw = read_source(args.model, args.max_bytes)  # once: the model may be a FIFO
    text = dumps(load_bytes(raw, args.model))
    if args.check:
        same = _universal_newlines(raw) == text
        if not same:
            io.err.write(f"{args.model}: not in canonical form (run: toc fmt {args.model} -o {args.model})\n")
        return 0 if same else 1
    if args.output:
        from toc.cli.output import write_output

        write_output("fmt", args.output, text, io)
    else:
        io.out.write(text)
    return 0


def _universal_newlines(raw: bytes) -> str:
    """The file as text, line ends read as a text-mode ``open`` reads them (CRLF counts as LF)."""
    return raw.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
