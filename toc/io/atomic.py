"""Write a file so that a crash or an error never leaves half of it behind.

What is at the path decides how (docs/checking.md, "Where output goes"):

* a regular file, or nothing: the bytes go to a temporary file next to it, named
  ``.NAME.toc-tmp-XXXXXXXX``, which is then renamed over it, so a reader sees the old
  file or the new one, never half of one. An existing file keeps its permission bits
  (and, where the process may set them, its owner and group); a new file gets the
  mode any program would give it, ``0666`` less the umask.
* a symbolic link: the link stays; its final target is written, atomically, in the
  target's own folder (a dangling link creates its target, as ``>`` in a shell does).
* a FIFO, a device or anything else that is not a regular file, and any path in
  ``/dev`` or ``/proc`` (``/dev/stdout``, ``/dev/null``, ``/proc/self/fd/1``): it is
  opened and written into, never replaced.

While the temporary file exists, SIGINT, SIGTERM or SIGHUP removes it before the signal
takes its usual course (the previous handlers are restored afterwards).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

__all__ = ["TEMP_MARK", "write_atomic"]

TEMP_MARK = ".toc-tmp-"
"""Part of every temporary file's name: ``.report.html.toc-tmp-k2j4x9q1``."""

_KERNEL_DIRS = ("/dev/", "/proc/")
_MAX_LINKS = 40  # as the kernel's own limit on a chain of symbolic links
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path``, atomically where the path allows it."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    name = os.fspath(path)
    target = _final_target(name)
    if target is None:
        _write_into(name, data)
        return
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_into(name, data)
        return
    _replace(target, data, existing)


def _final_target(name: str) -> str | None:
    """The regular path a chain of symbolic links ends at, or None for a kernel file.

    Links are followed one by one (not with ``realpath``) so that a link into ``/dev`` or
    ``/proc`` is noticed before its magic target (``pipe:[123]``) is taken for a file name.
    """
    current = os.path.abspath(name)
    for _ in range(_MAX_LINKS):
        if current.startswith(_KERNEL_DIRS):
            return None
        if not os.path.islink(current):
            return current
        current = os.path.join(os.path.dirname(current), os.readlink(current))
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), name)


def _write_into(name: str, data: bytes) -> None:
    """Open what is there (a FIFO, a device, ``/dev/stdout``) and write; never replace it."""
    with open(name, "wb") as handle:
        handle.write(data)


def _replace(target: str, data: bytes, existing: os.stat_result | None) -> None:
    folder = os.path.dirname(target)
    tmp: list[str] = []  # the temporary file's name, once it exists
    with _remove_on_signals(tmp):
        fd, name = tempfile.mkstemp(prefix=f".{_short(os.path.basename(target))}{TEMP_MARK}", dir=folder)
        tmp.append(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            _copy_owner_and_mode(name, existing)
            os.replace(name, target)
            tmp.clear()
        except BaseException:
            _discard(tmp)
            raise


def _short(base: str) -> str:
    """The file name cut so that the temporary name stays within the usual 255-byte limit."""
    while len(os.fsencode(base)) > 200:
        base = base[:-1]
    return base


def _copy_owner_and_mode(tmp: str, existing: os.stat_result | None) -> None:
    """The old file's mode (and owner, where allowed); a new file: ``0666`` less the umask."""
    if existing is None:
        os.chmod(tmp, 0o666 & ~_umask())
        return
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) != (existing.st_uid, existing.st_gid):
        with contextlib.suppress(OSError):  # only root (or the owner, for a group it is in) may
            os.chown(tmp, existing.st_uid, existing.st_gid)
    os.chmod(tmp, stat.S_IMODE(existing.st_mode))  # after chown, which clears setuid/setgid


def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it (``/proc``)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere the only way to read it is to set it, briefly
    os.umask(mask)
    return mask


def _discard(tmp: list[str]) -> None:
    for name in tmp:
        with contextlib.suppress(OSError):
            os.unlink(name)
    tmp.clear()


@contextlib.contextmanager
def _remove_on_signals(tmp: list[str]) -> Iterator[None]:
    """While the body runs, a termination signal that would end the write removes the temp file.

    A Python handler in place (for SIGINT: KeyboardInterrupt) is called as before, and the file
    is removed if it raises; under the default action the file is removed, the previous
    handlers restored and the signal raised again, so the process ends as it would have. An
    ignored signal stays ignored. Handlers can only be set in the main thread; elsewhere
    (and for a handler set outside Python) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Callable[[int, FrameType | None], Any] | int] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        old = previous.get(signum, signal.SIG_DFL)
        if callable(old):
            try:
                old(signum, frame)
            except BaseException:
                _discard(tmp)
                raise
            return
        _discard(tmp)
        _restore(previous)
        signal.raise_signal(signum)

    for signum in _SIGNALS:
        old = signal.getsignal(signum)
        if old is None or old == signal.SIG_IGN:
            continue
        with contextlib.suppress(OSError, ValueError):
            signal.signal(signum, handler)
            previous[signum] = old
    try:
        yield
    finally:
        _restore(previous)


def _restore(previous: dict[int, Callable[[int, FrameType | None], Any] | int]) -> None:
    for signum, old in list(previous.items()):
        signal.signal(signum, old)
    previous.clear()
