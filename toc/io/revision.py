"""A model file as it was in a git revision: ``REV:PATH`` (``main:models/x.yaml``, ``HEAD~1:x.yaml``,
``:x.yaml`` for the staged copy).

How an argument is read: a file that exists is that file, even with a ``:`` in its name;
otherwise an argument with a ``:`` is ``REV:PATH``, split at the first ``:`` (a revision may
not contain one, a path may). PATH is relative to the top of the repository, as git reads
it, or to the current directory when it starts with ``./`` or ``../``. The bytes come from
``git cat-file blob`` (never a textconv filter), run with a list of arguments, no shell.
"""

from __future__ import annotations

import os
import subprocess

from toc.errors import LoadError, Location, Problem
from toc.io.source import DEFAULT_MAX_BYTES, human_size

__all__ = ["read_revision", "revision_of"]

GIT_TIMEOUT = 60
"""Seconds to wait for git: a revision of one file is read in milliseconds."""


def revision_of(argument: str) -> tuple[str, str] | None:
    """``(REV, PATH)`` when ``argument`` names a git revision rather than an existing file."""
    if os.path.exists(argument) or ":" not in argument:
        return None
    rev, _, path = argument.partition(":")
    return rev, path


def _problem(argument: str, message: str, hint: str) -> LoadError:
    return LoadError([Problem(Location(argument, 0, 0), message, hint)])


def read_revision(argument: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``REV:PATH`` from the git repository around the current directory; a
    :class:`LoadError` saying what is wrong (not a repository, no such revision or path, no git)."""
    rev, path = revision_of(argument) or ("", argument)
    if rev.startswith("-") or not path:
        raise _problem(
            argument, "is not a file, nor a git revision REV:PATH", "check the path, or write REV:PATH"
        )
    try:
        done = subprocess.run(
            ["git", "cat-file", "blob", f"{rev}:{path}"],
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise _problem(
            argument, "no such file, and git is not installed to read it as REV:PATH", ""
        ) from None
    except subprocess.TimeoutExpired:
        raise _problem(argument, f"git did not answer within {GIT_TIMEOUT} s", "") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1].removeprefix("fatal: ") if said else f"git exited with {done.returncode}"
        if "not a git repository" in reason:
            message = "no such file, and not inside a git repository to read it as REV:PATH"
            hint = "run toc diff inside the repository, or give a file"
        else:
            message = f"no such file, and git cannot read it as REV:PATH: {reason}"
            hint = "check the revision (git log) and the path, relative to the top of the repository or ./"
        raise _problem(argument, message, hint)
    if len(done.stdout) > max_bytes:
        raise _problem(argument, f"is larger than {human_size(max_bytes)}", "raise --max-bytes to read it")
    return done.stdout
