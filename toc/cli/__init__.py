"""The ``toc`` command: a thin layer that parses arguments and calls the library.

``main(argv) -> int`` never calls ``sys.exit`` and never lets a traceback out for bad input.
A bare ``toc --version`` is answered here, before argparse, the command table and the output
streams are imported: for that call the imports were most of its cost (docs/performance.md).
Every other call goes to :func:`toc.cli.app.run`.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from toc.cli.exits import EXIT_OK

if TYPE_CHECKING:
    from collections.abc import Sequence

    from toc.cli.streams import Streams

__all__ = ["main"]


def main(argv: Sequence[str] | None = None, streams: Streams | None = None) -> int:
    """Run the CLI; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:
        return _version(streams)
    from toc.cli.app import run

    return run(args, streams)


def _version(streams: Streams | None) -> int:
    """What ``toc --version`` prints through argparse too (:func:`toc.cli.app.run`)."""
    from toc._version import __version__
    from toc.cli.version import version_text

    out = sys.stdout if streams is None else streams.out
    with contextlib.suppress(BrokenPipeError):  # `toc --version | head -c 0`
        out.write(version_text(__version__) + "\n")
    return EXIT_OK
