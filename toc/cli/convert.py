"""``toc convert INPUT -o OUTPUT``: a model from one registered file format to another.

Both formats come from the file extensions unless ``--from``/``--to`` name them; the
output is the writer's canonical form, so converting YAML to YAML writes canonical YAML,
and converting that again gives the same bytes. Input or format errors exit 2 with nothing
written. A file of many models (an IATI file) is read one model at a time: memory holds one
activity, not the file's models.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from toc.cli.exits import EXIT_OK, EXIT_USAGE
from toc.cli.inputs import add_model_input
from toc.cli.streams import Streams
from toc.formats import MODEL_WRITERS

if TYPE_CHECKING:
    from toc.formats import Format
    from toc.model import Model


def configure(parser: argparse.ArgumentParser) -> None:
    add_model_input(parser, "input")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file ('-': standard output); its extension picks the format; "
        "DIR/ (ending in '/'): one file per model, named from its programme id",
    )
    parser.add_argument(
        "--activity",
        metavar="ID",
        help="of a file holding several models (an IATI file: its activities), the one whose id is ID",
    )
    parser.add_argument(
        "--to",
        metavar="FORMAT",
        choices=MODEL_WRITERS.choices(),
        help=f"output format (default: by extension; yaml for '-'): {', '.join(MODEL_WRITERS.names())}",
    )
    parser.add_argument(
        "-O",
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option of the output format (json: indent=N; iati: reporting-org=ID; "
        "xlsx: layout=eu|fcdo|matrix); repeatable",
    )
    parser.add_argument(
        "--layout", choices=("eu", "fcdo", "matrix"), help="xlsx: the donor layout (-O layout=…)"
    )
    parser.add_argument("--lang", metavar="CODE", help="xlsx, csv: the language written (-O lang=…)")
    parser.add_argument(
        "--changes-since",
        metavar="OLD",
        help="xlsx, fcdo layout: fill the RECORD OF CHANGES sheet from `toc diff OLD INPUT` "
        "(OLD: a model file, or REV:PATH in git)",
    )


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.cli.output import check_output_path, write_output
    from toc.formats import iter_load, options_from

    pairs: dict[str, str] = {}
    for item in args.option:
        key, equals, value = item.partition("=")
        if not equals or not key:
            io.err.write(f"toc convert: --option {item!r}: write KEY=VALUE\n")
            return EXIT_USAGE
        pairs[key.strip()] = value.strip()
    for key in ("layout", "lang"):  # --layout X is -O layout=X
        if getattr(args, key) is not None:
            pairs.setdefault(key, getattr(args, key))
    folder = args.output.endswith(("/", os.sep))
    default = "yaml" if args.output == "-" or folder else None
    fmt = MODEL_WRITERS.choose(args.output, args.to or default)
    writer = fmt.load()
    options = options_from(writer.options, pairs, f"the {fmt.name} format")
    if folder:
        if not os.path.isdir(args.output):
            io.err.write(f"toc convert: cannot write into {args.output}: no such folder\n")
            return EXIT_USAGE
    else:
        check_output_path("convert", args.output)  # before the work
    models = iter_load(args.input, args.source, max_bytes=args.max_bytes)
    if args.activity is not None:
        models = (m for m in models if m.programme.id == args.activity)
    if folder:
        written = _write_folder(args.output, models, lambda m: writer.write(m, options), fmt, io)
        if written or args.activity is None:
            return EXIT_OK
        io.err.write(f"toc convert: {args.input} holds no model with id {args.activity!r}\n")
        return EXIT_USAGE
    chosen = list(islice(models, 1))
    others = [m.programme.id for m in models]  # each let go as it is read
    if args.activity is not None and not chosen:
        io.err.write(f"toc convert: {args.input} holds no model with id {args.activity!r}\n")
        return EXIT_USAGE
    if len(chosen) + len(others) != 1:
        ids = [m.programme.id for m in chosen] + others
        io.err.write(
            f"toc convert: {args.input} holds {len(ids)} models ({_ids(ids)}); "
            f"the {fmt.name} format writes one model per file: pick one with --activity ID, "
            "or write them all into a folder with -o DIR/\n"
        )
        return EXIT_USAGE

    if args.changes_since is not None:
        if not hasattr(options, "record_of_changes"):
            io.err.write(f"toc convert: --changes-since: the {fmt.name} format keeps no record of changes\n")
            return EXIT_USAGE
        options = replace(options, record_of_changes=_record(args, chosen[0]))
    data = writer.write(chosen[0], options)
    write_output("convert", args.output, data, io)
    return EXIT_OK


def _record(args: argparse.Namespace, new: Model) -> list[tuple[str, str]]:
    """The rows of a record of changes: what ``toc diff OLD INPUT`` says, in words."""
    from toc.cli.inputs import read_version
    from toc.diff import diff, record_of_changes

    old = read_version(args.changes_since, args.source, args.max_bytes)
    return record_of_changes(diff(old, new, check=False), args.lang)


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:20])
    return shown + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")


def _write_folder(
    folder: str, models: Iterable[Model], write: Callable[[Model], bytes | str], fmt: Format[Any], io: Streams
) -> int:
    """Each model into its own file, written as the model is read (one model in memory at a
    time), under a hidden temporary name until every model was read and written: a file that
    fails half-way (a load error in its 500th activity) leaves the folder as it was. Returns
    how many files were written."""
    from toc.cli.output import write_output

    staged: list[tuple[str, str]] = []
    try:
        for name, model in _named(models, fmt):
            temp = os.path.join(folder, f".{name}.toc-partial")
            write_output("convert", temp, write(model), io)
            staged.append((temp, os.path.join(folder, name)))
        for temp, final in staged:
            os.replace(temp, final)
    except BaseException:
        for temp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise
    return len(staged)


def _named(models: Iterable[Model], fmt: Format[Any]) -> Iterator[tuple[str, Model]]:
    """Each model with a file name made from its programme id (safe on every file system)."""
    extension = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    taken: set[str] = set()
    for model in models:
        stem = re.sub(r"[^A-Za-z0-9_.-]", "_", model.programme.id).lstrip(".") or "model"
        name, n = stem, 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}"
        taken.add(name.lower())
        yield name + extension, model
