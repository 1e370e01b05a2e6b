"""Writing a command's output file, with the failure as one line for the user, not a traceback.

Every ``-o FILE`` goes through :func:`write_output`: a folder that does not exist, a path that
is a directory or a file that cannot be written becomes an :class:`OutputError`, which ``main``
prints as ``toc COMMAND: cannot write FILE: reason`` and turns into exit code 2. ``-o -`` is
standard output; how a file is written (atomically, keeping its mode, through symbolic links,
into FIFOs and devices) is :func:`toc.io.atomic.write_atomic`'s.
"""

from __future__ import annotations

import os

from toc.cli.streams import Streams

__all__ = ["STDOUT", "OutputError", "check_output_path", "write_output", "write_stdout"]

STDOUT = "-"
"""``-o -``: standard output (a file literally called ``-`` is ``-o ./-``)."""


class OutputError(Exception):
    """The output file could not be written; the message is ready for standard error."""


def check_output_path(command: str, path: str) -> None:
    """Refuse, before any work is done, an output path that cannot be a file."""
    if path == STDOUT:
        return
    if os.path.isdir(path):
        raise OutputError(f"toc {command}: cannot write {path}: it is a directory (give a file name)")
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"toc {command}: cannot write {path}: the folder {folder} does not exist")


def write_output(command: str, path: str, data: str | bytes, streams: Streams | None = None) -> None:
    """Write ``data`` to ``path`` atomically (``-``: standard output), or raise :class:`OutputError`."""
    if path == STDOUT:
        write_stdout(command, data, streams or Streams.default())
        return
    from toc.io.atomic import write_atomic

    check_output_path(command, path)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"toc {command}: cannot write {path}: {exc.strerror or exc}") from exc


def write_stdout(command: str, data: str | bytes, streams: Streams) -> None:
    """Text to the output stream; bytes (PNG, PDF) to its binary buffer, never to a terminal."""
    out = streams.out
    if isinstance(data, str):
        out.write(data)
        return
    if getattr(out, "isatty", lambda: False)():
        raise OutputError(
            f"toc {command}: not writing binary output to a terminal; redirect it (> FILE) or use -o FILE"
        )
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        raise OutputError(f"toc {command}: standard output takes only text here; use -o FILE")
    out.flush()
    buffer.write(data)
    buffer.flush()
