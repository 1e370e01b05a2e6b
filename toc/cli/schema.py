"""``toc schema``: print (or write) the JSON Schema of the format."""

from __future__ import annotations

import argparse

from toc.cli.streams import Streams


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", help="write to this file instead of standard output (-: standard output)"
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.io.schema import schema_text

    text = schema_text()
    if args.output:
        from toc.cli.output import write_output

        write_output("schema", args.output, text, io)
    else:
        io.out.write(text)
    return 0
