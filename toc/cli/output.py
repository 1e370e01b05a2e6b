"""Writing a command's output file, with the failure as one line for the user, not a traceback.

Every ``-o FILE`` goes through :func:`write_output`: a folder that does not exist, a path that
is a directory or a file that cannot be written becomes an :class:`OutputError`, which ``main``
prints as ``toc COMMAND: cannot write FILE: reason`` and turns into exit code 2.
"""

from __future__ import annotations

import os

__all__ = ["OutputError", "check_output_path", "write_output"]


class OutputError(Exception):
    """The output file could not be written; the message is ready for standard error."""


def check_output_path(command: str, path: str) -> None:
    """Refuse, before any work is done, an output path that cannot be a file."""
    if os.path.isdir(path):
        raise OutputError(f"toc {command}: cannot write {path}: it is a directory (give a file name)")
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"toc {command}: cannot write {path}: the folder {folder} does not exist")


def write_output(command: str, path: str, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically, or raise :class:`OutputError` saying why not."""
    from toc.io.atomic import write_atomic

    check_output_path(command, path)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(f"toc {command}: cannot write {path}: {exc.strerror or exc}") from exc
