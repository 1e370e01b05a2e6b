"""Every ``toc`` call but a bare ``toc --version``: parse the arguments, run the chosen command.

Never calls ``sys.exit`` and never lets a traceback out for bad input; exit codes are decided in
:mod:`toc.cli.exits`. Subcommands live in their own modules and are imported only when chosen.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
import warnings
from collections.abc import Iterator, Sequence

from toc._version import __version__
from toc.cli.commands import COMMANDS
from toc.cli.exits import EXIT_OK, EXIT_USAGE
from toc.cli.output import OutputError
from toc.cli.streams import Streams
from toc.errors import LoadError, Notice

__all__ = ["build_parser", "run"]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so ``main`` decides the exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            self._print_message(message, sys.stderr)
        raise _Exit(status)


class _UsageError(Exception):
    pass


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


def _version_text() -> str:
    from toc.cli.version import version_text

    return version_text(__version__)


def build_parser(command: str | None) -> argparse.ArgumentParser:
    parser = _Parser(prog="toc", description="Model, check and draw theories of change.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, summary) in COMMANDS.items():
        child = sub.add_parser(name, help=summary, description=summary)
        if name == command:  # only the chosen command's module is imported
            importlib.import_module(module).configure(child)
    return parser


def _route_messages(parser: argparse.ArgumentParser, io: Streams) -> None:
    """Send argparse's help and version text to the injected stream."""

    def write(message: str, file: object = None) -> None:
        if message:
            io.out.write(message)

    parser._print_message = write  # type: ignore[method-assign]


def _unknown_command(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(COMMANDS), n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"toc: unknown command {name!r} ({hint}commands: {', '.join(COMMANDS)}; see toc --help)\n"


@contextlib.contextmanager
def _notices(command: str, io: Streams) -> Iterator[None]:
    """Print what readers and writers told (:class:`toc.errors.Notice`: a cell not placed, what a
    layout cannot hold) on standard error as ``toc COMMAND: …``; other warnings as Python shows them."""
    with warnings.catch_warnings(record=True) as told:
        warnings.simplefilter("always", Notice)
        try:
            yield
        finally:
            for item in told:
                if issubclass(item.category, Notice):
                    io.err.write(f"toc {command}: {item.message}\n")
                else:
                    warnings.showwarning(item.message, item.category, item.filename, item.lineno)


def run(args_list: Sequence[str], streams: Streams | None = None) -> int:
    """Run the CLI on these arguments; return the exit code."""
    io = streams or Streams.default()
    command = next((a for a in args_list if not a.startswith("-")), None)
    if command is not None and command not in COMMANDS:
        io.err.write(_unknown_command(command))
        return EXIT_USAGE
    try:
        parser = build_parser(command)
        if io.out is not sys.stdout:
            _route_messages(parser, io)
        args = parser.parse_args(args_list)
        if args.version:
            io.out.write(_version_text() + "\n")
            return EXIT_OK
        if args.command is None:
            parser.print_help(io.out)
            return EXIT_USAGE
        command_run = importlib.import_module(COMMANDS[args.command][0]).run
        with _notices(args.command, io):
            return int(command_run(args, io))
    except _UsageError as exc:
        io.err.write(f"{exc}\n")
        return EXIT_USAGE
    except _Exit as exc:
        return exc.status
    except OutputError as exc:
        io.err.write(f"{exc}\n")
        return EXIT_USAGE
    except LoadError as exc:
        for problem in exc.problems:
            io.err.write(f"{problem}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        io.err.write("interrupted\n")
        return 130
    except BrokenPipeError:  # pragma: no cover - `toc … | head`
        return EXIT_OK
