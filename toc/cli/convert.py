"""``toc convert INPUT -o OUTPUT``: a model from one registered file format to another.

Both formats come from the file extensions unless ``--from``/``--to`` name them; the
output is the writer's canonical form, so converting YAML to YAML writes canonical YAML,
and converting that again gives the same bytes. Input or format errors exit 2 with nothing
written.
"""

from __future__ import annotations

import argparse

from toc.cli.exits import EXIT_OK, EXIT_USAGE
from toc.cli.inputs import add_model_input
from toc.cli.streams import Streams
from toc.formats import MODEL_WRITERS


def configure(parser: argparse.ArgumentParser) -> None:
    add_model_input(parser, "input")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file ('-': standard output); its extension picks the format",
    )
    parser.add_argument(
        "--to",
        metavar="FORMAT",
        choices=MODEL_WRITERS.choices(),
        help=f"output format (default: by extension; yaml for '-'): {', '.join(MODEL_WRITERS.names())}",
    )
    parser.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option of the output format (json: indent=N; xlsx: layout=eu|fcdo|matrix); repeatable",
    )
    parser.add_argument(
        "--layout", choices=("eu", "fcdo", "matrix"), help="xlsx: the donor layout (-O layout=…)"
    )
    parser.add_argument("--lang", metavar="CODE", help="xlsx, csv: the language written (-O lang=…)")


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.cli.output import check_output_path, write_output
    from toc.formats import load_all, options_from

    pairs: dict[str, str] = {}
    for item in args.option:
        key, equals, value = item.partition("=")
        if not equals or not key:
            io.err.write(f"toc convert: --option {item!r}: write KEY=VALUE\n")
            return EXIT_USAGE
        pairs[key.strip()] = value.strip()
    for key in ("layout", "lang"):  # --layout X is -O layout=X
        if getattr(args, key) is not None:
            pairs.setdefault(key, getattr(args, key))
    fmt = MODEL_WRITERS.choose(args.output, args.to or ("yaml" if args.output == "-" else None))
    writer = fmt.load()
    options = options_from(writer.options, pairs, f"the {fmt.name} format")
    check_output_path("convert", args.output)  # before the work
    models = load_all(args.input, args.source, max_bytes=args.max_bytes)
    if len(models) != 1:
        io.err.write(
            f"toc convert: {args.input} holds {len(models)} models; "
            f"the {fmt.name} format writes one model per file\n"
        )
        return EXIT_USAGE
    data = writer.write(models[0], options)
    write_output("convert", args.output, data, io)
    return EXIT_OK
