"""``toc check PATH...``: run the rules over model files and report in the chosen format.

Exit 0 when nothing unsuppressed is at or above ``--fail-on`` (default: error),
1 when something is, 2 when a file cannot be read or parsed, or the usage or
configuration is wrong. See docs/checking.md.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from toc.cli.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from toc.cli.streams import Streams

FORMATS = ("text", "json", "github", "sarif", "junit")
SKIP_DIRS = {"node_modules", "venv", "__pycache__", "site-packages"}
_MODEL = re.compile(rb"^toc[ \t]*:", re.MULTILINE)


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
    parser.add_argument("-o", "--output", help="write the report to this file instead")


def is_model_file(path: Path) -> bool:
    """A YAML file with a top-level ``toc:`` key (read as bytes, no YAML parsing)."""
    try:
        with open(path, "rb") as handle:
            return bool(_MODEL.search(handle.read()))
    except OSError:
        return False


def collect(paths: list[str], models_only: bool) -> tuple[list[str], list[str]]:
    """Model files to check, and the paths that do not exist."""
    files: list[str] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
                for name in sorted(names):
                    candidate = Path(root) / name
                    if candidate.suffix in (".yaml", ".yml") and is_model_file(candidate):
                        found.append(str(candidate))
            files.extend(found)
        elif path.exists() or path.is_symlink():  # a broken link or a loop: the loader says which
            if models_only and path.exists() and not is_model_file(path):
                continue
            files.append(raw)
        else:
            problems.append(raw)
    return list(dict.fromkeys(files)), problems


def _list(value: str | None) -> list[str] | None:
    return None if value is None else [v.strip() for v in value.split(",") if v.strip()]


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.errors import LoadError, Location, Problem
    from toc.formatters import Report, render
    from toc.rules.config import Config, ConfigError, find_config, load_config, parse_config
    from toc.rules.engine import check_path

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

    files, problems = collect(args.paths, args.models_only)
    input_errors: list[Problem] = []
    for missing in problems:
        input_errors.append(Problem(Location(missing, 0, 0), "no such file or directory"))
        io.err.write(f"{input_errors[-1]}\n")
    if not files and not problems:
        io.err.write("toc check: no model files found (a model file has a top-level 'toc:' key)\n")
        return EXIT_USAGE
    unreadable = bool(problems)
    found_all = []
    checked = []
    for file in files:
        try:
            found_all.extend(check_path(file, config.selection, config.lang, config.options))
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
    if args.output:
        from toc.cli.output import write_output

        write_output("check", args.output, render(name, report, colour=False))
    else:
        io.out.write(render(name, report, colour=name == "text" and io.colour()))
    if unreadable:
        return EXIT_USAGE
    if report.failed() and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK
