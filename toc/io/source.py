"""Reading an input file's bytes, within a size limit, and only from what can end.

``toc summary /dev/zero`` once read until memory ran out, and ``toc check DIR`` waited
forever on a FIFO called ``x.yaml``. Every model is read here instead: at most
``max_bytes`` (default 256 MiB, four times the 100k-node benchmark model), and a FIFO,
a device or a socket only when it was named explicitly (it is then read like any file,
through the same limit). Failures are :class:`~toc.errors.LoadError` about the whole file.
"""

from __future__ import annotations

import os
import stat
from io import FileIO

from toc.errors import LoadError, Location, Problem

__all__ = ["DEFAULT_MAX_BYTES", "file_kind", "human_size", "read_source"]

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024


def read_source(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, explicit: bool = True
) -> bytes:
    """The file's bytes; a :class:`LoadError` if it is missing, unreadable, too large, or not a
    regular file and not ``explicit`` (named by the user rather than found in a directory)."""
    name = os.fspath(path)
    try:
        found = os.stat(name)
        if stat.S_ISDIR(found.st_mode):
            raise _whole(name, "is a directory, not a model file")
        if not explicit and not stat.S_ISREG(found.st_mode):
            raise _whole(name, f"is not a regular file ({file_kind(found.st_mode)})", "name it to read it")
        with open(name, "rb", buffering=0) as handle:
            return _read(handle, name, max_bytes)
    except FileNotFoundError:
        raise _whole(name, "no such file", "check the path") from None
    except IsADirectoryError:
        raise _whole(name, "is a directory, not a model file") from None
    except OSError as exc:
        raise _whole(name, f"cannot be read: {exc.strerror or exc}") from None


def _read(handle: FileIO, name: str, max_bytes: int) -> bytes:
    size = os.fstat(handle.fileno())
    regular = stat.S_ISREG(size.st_mode)
    if regular and size.st_size > max_bytes:
        raise _too_large(name, max_bytes)
    pieces: list[bytes] = []
    total = 0
    # a regular file comes in one read (no copy); a stream in chunks, stopping past the limit
    want = size.st_size + 1 if regular else _CHUNK
    while total <= max_bytes:
        piece = handle.read(min(want, max_bytes + 1 - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
        want = _CHUNK
    if total > max_bytes:
        raise _too_large(name, max_bytes)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in a word or two."""
    for test, word in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return word
    return "not a regular file"


def human_size(count: int) -> str:
    """``268435456`` → ``256 MiB``; sizes that are not whole MiB or KiB in bytes."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= factor and count % factor == 0:
            return f"{count // factor} {unit}"
    return f"{count:,} bytes"


def _too_large(name: str, max_bytes: int) -> LoadError:
    return _whole(
        name,
        f"larger than {human_size(max_bytes)}",
        "raise the limit with --max-bytes, or max_bytes= in Python",
    )


def _whole(file: str, message: str, hint: str = "") -> LoadError:
    return LoadError([Problem(Location(file, 0, 0), message, hint)])
