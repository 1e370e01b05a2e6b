"""``toc report``: the assessment of a model as Markdown, self-contained HTML or JSON.

The format comes from ``--format``, else from the extension of ``-o``; without ``-o``
the report goes to standard output (Markdown unless ``--format`` says otherwise).
"""

from __future__ import annotations

import argparse
from datetime import date

from toc.cli.exits import EXIT_OK, EXIT_USAGE
from toc.cli.inputs import add_model_input, positive_int
from toc.cli.streams import Streams
from toc.formats import REPORT_WRITERS


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"a probability is between 0 and 1, not {text}")
    return value


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    add_model_input(parser)
    parser.add_argument(
        "-o", "--output", help="write the report here (.md, .html or .json; -: standard output)"
    )
    parser.add_argument("-f", "--format", choices=REPORT_WRITERS.choices(), help="report format")
    parser.add_argument("--lang", help="language of the report (default: the model's first)")
    parser.add_argument(
        "--prior", type=_probability, default=0.5, help="prior of a claim that records none (default 0.5)"
    )
    parser.add_argument(
        "--untyped",
        choices=("straw-in-the-wind", "exclude"),
        default="straw-in-the-wind",
        help="evidence with neither probabilities nor a test type: read as a straw in the wind "
        "(default) or leave out of the posteriors",
    )
    parser.add_argument(
        "--threshold",
        type=_probability,
        default=0.5,
        help="flag claims whose posterior is below this (default 0.5)",
    )
    parser.add_argument(
        "--as-of", type=_date, help="date for indicator status (default: the model's newest source)"
    )
    parser.add_argument("--no-diagram", action="store_true", help="HTML: leave the diagram out")
    parser.add_argument(
        "--max-size",
        type=positive_int,
        metavar="N",
        help="HTML: leave the diagram (the explorer) out, and say so, above N results + links "
        "(default: as toc render --format explorer)",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.assessment import assess
    from toc.cli.output import STDOUT, check_output_path
    from toc.formats import load
    from toc.report import format_for, render_report

    fmt = args.format
    if args.output:
        check_output_path("report", args.output)
    if fmt is None and args.output and args.output != STDOUT:
        fmt = format_for(args.output)
        if fmt is None:
            io.err.write(
                f"toc report: cannot tell the format from {args.output!r}; "
                "use .md, .html or .json, or --format\n"
            )
            return EXIT_USAGE
    fmt = REPORT_WRITERS.named(fmt or "md").name
    model = load(args.model, args.source, max_bytes=args.max_bytes)
    lang = args.lang or model.default_language
    assessment = assess(
        model, default_prior=args.prior, untyped=args.untyped, threshold=args.threshold, as_of=args.as_of
    )
    explorer, note = None, ""
    if fmt == "html":
        if args.no_diagram:
            note = "left out on request (--no-diagram)"
        else:
            from toc.report.diagram import diagram_explorer

            explorer, note = diagram_explorer(assessment, lang, args.max_size or "default")
    text = render_report(assessment, fmt, lang=lang, diagram_note=note, explorer=explorer)
    if not args.output:
        io.out.write(text)
        return EXIT_OK
    from toc.cli.output import write_output

    write_output("report", args.output, text, io)
    if note and explorer is None and fmt == "html" and not args.no_diagram:
        where = "standard output" if args.output == STDOUT else args.output
        io.err.write(f"toc report: {where}: no diagram: {note}\n")
    return EXIT_OK
