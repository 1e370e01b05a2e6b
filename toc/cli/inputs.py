"""Options shared by every command that reads models: the file, ``--from`` (toc.formats) and
``--max-bytes`` (toc.io.source)."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from toc.io.source import DEFAULT_MAX_BYTES, human_size

if TYPE_CHECKING:
    from toc.model import Model

__all__ = ["add_max_bytes", "add_model_format", "add_model_input", "parse_size", "positive_int"]

_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``1000``, ``512K``, ``300M``, ``2GiB`` (powers of 1024) → bytes; at least one byte."""
    found = _SIZE.fullmatch(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (write e.g. 300M, 2G or 1000000)")
    value = int(found.group(1)) * _UNITS[found.group(2).lower()]
    if value < 1:
        raise argparse.ArgumentTypeError("the size must be at least one byte")
    return value


def positive_int(text: str) -> int:
    """A whole number of at least 1 (``--max-size``), or a usage error saying what is wrong."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    """``--max-bytes SIZE``: refuse a model file larger than this (``args.max_bytes``)."""
    parser.add_argument(
        "--max-bytes",
        type=parse_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help=f"refuse model files larger than this, e.g. 1G (default: {human_size(DEFAULT_MAX_BYTES)})",
    )


def add_model_input(parser: argparse.ArgumentParser, name: str = "model") -> None:
    """The model file (``args.<name>``), ``--from FORMAT`` (``args.source``) and ``--max-bytes``."""
    parser.add_argument(name, help="model file (any readable format: .yaml, .json …)")
    add_model_format(parser)


def add_model_format(parser: argparse.ArgumentParser, what: str = "model format") -> None:
    """``--from FORMAT`` (``args.source``) and ``--max-bytes``, for commands that read models."""
    from toc.formats import MODEL_READERS

    parser.add_argument(
        "--from",
        dest="source",
        metavar="FORMAT",
        choices=MODEL_READERS.choices(),
        help=f"{what} (default: by extension, else by content): {', '.join(MODEL_READERS.names())}",
    )
    add_max_bytes(parser)


def read_version(argument: str, fmt: str | None, max_bytes: int) -> Model:
    """One model from a file, or from ``REV:PATH`` in git (toc diff, toc convert --changes-since)."""
    from toc.formats import read_one
    from toc.io.revision import read_revision, revision_of
    from toc.io.source import read_source

    if revision_of(argument) is not None:
        data = read_revision(argument, max_bytes)
    else:
        data = read_source(argument, max_bytes)
    return read_one(data, argument, fmt)
