"""``toc check PATH...``: run the rules over model files and report in the chosen format.

Exit 0 when nothing unsuppressed is at or above ``--fail-on`` (default: error),
1 when something is, 2 when a file cannot be read or parsed, or the usage or
configuration is wrong. See docs/checking.md.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from toc.cli.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from toc.cli.inputs import add_max_bytes
from toc.cli.streams import Streams
from toc.formats import CHECK_FORMATTERS
from toc.io.source import DEFAULT_MAX_BYTES, file_kind

FORMATS = CHECK_FORMATTERS.choices()
SKIP_DIRS = {"node_modules", "venv", "__pycache__", "site-packages"}
_MODEL = re.compile(rb"^toc[ \t]*:", re.MULTILINE)
_JSON_MODEL = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"toc"\s*:')
_IATI = re.compile(rb"<(?:[\w.-]+:)?iati-activities\b")
_HEAD = 4096
SPREADSHEETS = (".xlsx", ".xlsm", ".csv")
"""Logframes in a directory are not searched: any workbook or CSV file could be one, and only
reading it whole tells. They are named in a note, to be named on the command line."""
NOT_FOUND = "a model file is YAML or JSON with a top-level 'toc' key, or an IATI activity file"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="model files, or directories to search")
    parser.add_argument(
        "--format", choices=FORMATS, help="output format (default: text; github under GitHub Actions)"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="exit 1 when a finding is at least this severe (default: error)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument("--select", help="comma-separated rules, codes, prefixes or groups to run")
    parser.add_argument("--extend-select", help="add these to the selection")
    parser.add_argument("--ignore", help="comma-separated rules, codes, prefixes or groups to skip")
    parser.add_argument("--config", help="configuration file (default: found from the current directory)")
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")
    parser.add_argument("--lang", help="language for quoted labels (default: the model's first)")
    parser.add_argument(
        "--models-only",
        action="store_true",
        help="skip named files that are not models (no top-level 'toc:'), e.g. from pre-commit",
    )
    parser.add_argument(
        "--show-suppressed", action="store_true", help="text format: list suppressed findings one by one"
    )
    parser.add_argument("-o", "--output", help="write the report to this file instead (-: standard output)")
    add_max_bytes(parser)


def is_model_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """A YAML file with a top-level ``toc:`` key (read as bytes, no YAML parsing), looked for
    in the first ``max_bytes``: a larger model is then refused by the loader, with the limit."""
    try:
        with open(path, "rb") as handle:
            return bool(_MODEL.search(handle.read(max_bytes)))
    except OSError:
        return False


def _is_found(path: Path, max_bytes: int) -> bool:
    """Whether a directory search takes ``path``: a YAML model, a JSON model (``{"toc": …``
    first, as ``toc convert`` writes it), or an IATI activity file (its root element in the
    first 4 KiB). Other JSON and XML files in a repository are left alone."""
    if path.suffix in (".yaml", ".yml"):
        return is_model_file(path, max_bytes)
    pattern = {".json": _JSON_MODEL, ".xml": _IATI}.get(path.suffix)
    if pattern is None:
        return False
    try:
        with open(path, "rb") as handle:
            return bool(pattern.search(handle.read(_HEAD)))
    except OSError:
        return False


@dataclass
class Found:
    """What the paths named on the command line hold."""

    files: list[str] = field(default_factory=list)
    """Model files to check, in order, each once."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """(path, message) for paths that cannot be read at all (missing, a symbolic-link loop)."""
    skipped: list[str] = field(default_factory=list)
    """Notes on files a directory search skipped (FIFOs, devices), for standard error."""
    empty: list[str] = field(default_factory=list)
    """Directories named that hold no model file."""
    spreadsheets: list[str] = field(default_factory=list)
    """Workbooks and CSV files a directory search passed over (see :data:`SPREADSHEETS`)."""


def collect(paths: list[str], models_only: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> Found:
    """Model files to check (directories searched), paths that cannot be read, and notes.

    In a directory, a FIFO, device or socket named like a model is skipped with a note
    (reading it could wait forever); named on the command line it is read like a file."""
    found = Found()
    for raw in paths:
        try:
            mode = os.stat(raw).st_mode
        except OSError as exc:
            missing = exc.errno == errno.ENOENT
            found.problems.append(
                (raw, "no such file or directory" if missing else f"cannot be read: {exc.strerror}")
            )
            continue
        if stat.S_ISDIR(mode):
            before = len(found.files)
            _search(Path(raw), max_bytes, found)
            if len(found.files) == before:
                found.empty.append(raw)
        elif not (models_only and stat.S_ISREG(mode) and not is_model_file(Path(raw), max_bytes)):
            found.files.append(raw)
    found.files = list(dict.fromkeys(found.files))
    return found


def _search(path: Path, max_bytes: int, found: Found) -> None:
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(names):
            candidate = Path(root) / name
            if candidate.suffix in SPREADSHEETS:
                found.spreadsheets.append(str(candidate))
                continue
            if candidate.suffix not in (".yaml", ".yml", ".json", ".xml"):
                continue
            try:
                mode = os.stat(candidate).st_mode
            except OSError:  # a dangling symbolic link: not a model
                continue
            if not stat.S_ISREG(mode):
                found.skipped.append(
                    f"toc check: skipped {candidate}: {file_kind(mode)}, not a regular file "
                    "(name it on the command line to check it)"
                )
            elif _is_found(candidate, max_bytes):
                found.files.append(str(candidate))


def _names(paths: list[str], most: int = 5) -> str:
    """``a.xlsx, b.csv and 3 more``: a note stays one line however many files there are."""
    shown = ", ".join(paths[:most])
    return f"{shown} and {len(paths) - most} more" if len(paths) > most else shown


def _list(value: str | None) -> list[str] | None:
    return None if value is None else [v.strip() for v in value.split(",") if v.strip()]


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.errors import LoadError, Location, Problem
    from toc.formatters import Report, render
    from toc.rules.config import Config, ConfigError, find_config, load_config, parse_config
    from toc.rules.engine import check_path

    if args.select is not None and not _list(args.select):
        io.err.write(
            f"toc check: --select {args.select!r} names no rule, so none would run "
            "(name rules, codes or groups, or leave --select out for the configured selection)\n"
        )
        return EXIT_USAGE
    try:
        config = Config()
        if args.config:
            config = load_config(args.config)
        elif not args.no_config:
            found = find_config(Path.cwd())
            if found is not None:
                config = load_config(found)
        overrides: dict[str, object] = {}
        for key, value in (
            ("select", _list(args.select)),
            ("extend-select", _list(args.extend_select)),
            ("fail-on", args.fail_on),
            ("lang", args.lang),
        ):
            if value is not None:
                overrides[key] = value
        if args.ignore is not None:
            overrides["ignore"] = [*config.selection.ignore, *(_list(args.ignore) or [])]
        config = parse_config(overrides, "command line", base=config)
    except ConfigError as exc:
        io.err.write(f"toc check: {exc}\n")
        return EXIT_USAGE

    if args.output:
        from toc.cli.output import check_output_path

        check_output_path("check", args.output)
    scan = collect(args.paths, args.models_only, args.max_bytes)
    files = scan.files
    for note in scan.skipped:
        io.err.write(f"{note}\n")
    if scan.spreadsheets:
        io.err.write(
            f"toc check: not searched: {_names(scan.spreadsheets)} (a workbook or CSV file is checked as "
            "a logframe when named: toc check FILE)\n"
        )
    for folder in scan.empty:
        io.err.write(f"toc check: no model files in {folder} ({NOT_FOUND})\n")
    input_errors: list[Problem] = []
    for path, message in scan.problems:
        input_errors.append(Problem(Location(path, 0, 0), message))
        io.err.write(f"{input_errors[-1]}\n")
    if not files and not scan.problems:
        if not scan.empty:
            io.err.write(f"toc check: no model files found ({NOT_FOUND})\n")
        return EXIT_USAGE
    unreadable = bool(scan.problems)
    found_all = []
    checked = []
    for file in files:
        try:
            found_all.extend(check_path(file, config.selection, config.lang, config.options, args.max_bytes))
        except LoadError as exc:
            unreadable = True
            input_errors.extend(exc.problems)
            for problem in exc.problems:
                io.err.write(f"{problem}\n")
        else:
            checked.append(file)
    report = Report(
        tuple(found_all), tuple(checked), config.fail_on, args.show_suppressed, tuple(input_errors)
    )
    name = args.format or ("github" if io.env.get("GITHUB_ACTIONS") == "true" else "text")
    if args.output and args.output != "-":
        from toc.cli.output import write_output

        write_output("check", args.output, render(name, report, colour=False))
    else:
        io.out.write(render(name, report, colour=name == "text" and io.colour()))
    if unreadable:
        return EXIT_USAGE
    if report.failed() and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK
