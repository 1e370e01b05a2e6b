"""``toc rules``: list the rules; ``toc rules NAME`` explains one; ``--markdown`` prints docs/rules.md."""

from __future__ import annotations

import argparse

from toc.cli.exits import EXIT_OK, EXIT_USAGE
from toc.cli.streams import Streams


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", help="a rule name or code to explain")
    parser.add_argument("--markdown", action="store_true", help="print the rule reference (docs/rules.md)")


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.rules.docs import explain, markdown, table
    from toc.rules.registry import get_rule, suggest_rule

    if args.markdown:
        io.out.write(markdown())
        return EXIT_OK
    if args.name is None:
        io.out.write(table())
        return EXIT_OK
    found = get_rule(args.name)
    if found is None:
        hint = suggest_rule(args.name)
        io.err.write(f"toc rules: no rule called {args.name!r}" + (f"; {hint}" if hint else "") + "\n")
        return EXIT_USAGE
    io.out.write(explain(found))
    return EXIT_OK
