"""``toc render MODEL -o OUT``: draw a model (DOT, SVG, PNG, PDF, Mermaid, the explorer) or write
its logframe."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from toc.cli.exits import EXIT_OK, EXIT_USAGE
from toc.cli.inputs import add_model_input, positive_int
from toc.cli.streams import Streams
from toc.export.limits import EXPLORER_LIMIT, LAYOUT_LIMIT
from toc.formats import RENDER_WRITERS

if TYPE_CHECKING:
    from toc.export.options import Options
    from toc.model import Model


def configure(parser: argparse.ArgumentParser) -> None:
    add_model_input(parser)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file; its extension picks the format unless --format (-: standard output)",
    )
    parser.add_argument(
        "--format",
        choices=RENDER_WRITERS.choices(),
        help="dot/svg/png/pdf: Graphviz diagram; mmd: Mermaid; md/csv/html: logframe matrix; "
        "explorer: interactive HTML (docs/explorer.md)",
    )
    parser.add_argument("--lang", help="language of model text (default: the model's first)")
    parser.add_argument(
        "--direction",
        choices=["BT", "TB", "LR", "RL"],
        default="BT",
        help="BT: activities at the bottom, impact on top (default); TB, LR, RL",
    )
    parser.add_argument("--no-evidence", action="store_true", help="leave out evidence counts")
    parser.add_argument("--no-indicators", action="store_true", help="leave out indicators")
    parser.add_argument("--no-assumptions", action="store_true", help="leave out assumptions")
    parser.add_argument("--no-legend", action="store_true", help="leave out the legend")
    parser.add_argument("--pathway", metavar="ID", help="show only this pathway")
    parser.add_argument("--focus", metavar="NODE", help="show only results near this one (see --depth)")
    parser.add_argument("--depth", type=int, default=1, metavar="N", help="links from --focus (default 1)")
    parser.add_argument("--at-risk", metavar="ASSUMPTION", help="show only what rests on this assumption")
    parser.add_argument(
        "--terms",
        choices=["toc", "eu-pcm", "eu-prag", "dfid", "usaid"],
        default="toc",
        help="logframe row names by donor convention",
    )
    parser.add_argument(
        "--max-size",
        type=positive_int,
        metavar="N",
        help="svg/png/pdf: refuse to lay out more than N results + links "
        f"(default {LAYOUT_LIMIT:,}; explorer: {EXPLORER_LIMIT:,}; layout time grows steeply with size)",
    )
    parser.add_argument(
        "--force", action="store_true", help="svg/png/pdf/explorer: lay out however large the diagram is"
    )
    parser.add_argument(
        "--engine",
        choices=["auto", "pygraphviz", "dot"],
        help="Graphviz engine for svg/png/pdf (default: $TOC_GRAPHVIZ_ENGINE or auto)",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.cli.output import STDOUT, check_output_path
    from toc.export.errors import RenderError
    from toc.export.options import Options
    from toc.export.render import render
    from toc.formats import load

    check_output_path("render", args.output)
    if args.output == STDOUT and args.format is None:
        io.err.write("toc render: -o - (standard output) needs --format: there is no file extension\n")
        return EXIT_USAGE
    model = load(args.model, args.source, max_bytes=args.max_bytes)
    try:
        options = Options.of(
            lang=args.lang,
            direction=args.direction,
            evidence=not args.no_evidence,
            indicators=not args.no_indicators,
            assumptions=not args.no_assumptions,
            legend=not args.no_legend,
            pathway=args.pathway,
            focus=args.focus,
            depth=args.depth,
            at_risk=args.at_risk,
            terms=args.terms,
            engine=args.engine or io.env.get("TOC_GRAPHVIZ_ENGINE"),
            max_size=None if args.force else (args.max_size or "default"),
        )
        if args.output == STDOUT:
            return _to_stdout(model, args.format, options, io)
        written = render(model, args.output, args.format, options)
    except RenderError as exc:
        io.err.write(f"toc render: {exc}\n")
        return EXIT_USAGE
    except OSError as exc:
        io.err.write(f"toc render: cannot write {args.output}: {exc.strerror or exc}\n")
        return EXIT_USAGE
    io.err.write(f"wrote {written}\n")
    return EXIT_OK


def _to_stdout(model: Model, fmt: str, options: Options, io: Streams) -> int:
    """``-o -``: text formats as text; PNG and PDF as bytes, unless standard output is a terminal."""
    from toc.cli.output import write_output
    from toc.export.errors import RenderError
    from toc.export.render import format_for, render_bytes

    try:
        data = render_bytes(model, fmt, options)
        binary = format_for("", fmt) in ("png", "pdf")  # SVG is text
    except RenderError as exc:
        io.err.write(f"toc render: {exc}\n")
        return EXIT_USAGE
    write_output("render", "-", data if binary else data.decode("utf-8"), io)
    return EXIT_OK
