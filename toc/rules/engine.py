"""Run the selected rules over a model and stamp each finding into a :class:`Diagnostic`.

The engine, not the rule, attaches code, name, configured severity and source
location (``model.locate(target, field)``), and marks findings that the model
itself suppresses (``suppress: [{rule, reason}]`` on the element) with the reason.
Two rules, ``duplicate-id`` and ``dangling-reference``, are found by the loader
(a model with them cannot be built); :func:`loader_diagnostics` turns those
problems into diagnostics of the same shape.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping, Sequence

from toc.diagnostics import Diagnostic
from toc.errors import LoadError
from toc.model import Model
from toc.rules.base import Context, Rule
from toc.rules.registry import all_rules, get_rule
from toc.rules.selection import Selection

__all__ = ["check_path", "check_text", "loader_diagnostics", "run_rules"]


def run_rules(
    model: Model,
    selection: Selection | None = None,
    lang: str | None = None,
    rules: Sequence[Rule] | None = None,
    options: Mapping[str, float] | None = None,
) -> list[Diagnostic]:
    """Every finding of the selected rules on ``model``, sorted by file, line, column and code.

    The cyclic garbage collector is paused while the rules run: they build many small
    objects (the graph, findings) while the whole model is alive, and each full
    collection would walk the model again, which made large models cost far more than
    linear time. Nothing the rules build is cyclic garbage.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _run(model, selection, lang, rules, options)
    finally:
        if paused:
            gc.enable()


def _run(
    model: Model,
    selection: Selection | None,
    lang: str | None,
    rules: Sequence[Rule] | None,
    options: Mapping[str, float] | None = None,
) -> list[Diagnostic]:
    selection = selection or Selection()
    known = all_rules()
    chosen = [r for r in (rules if rules is not None else known) if selection.enabled(r)]
    ctx = Context(model, lang, known_rules=[n for r in known for n in (r.name, r.code)], options=options)
    where = model.positions()
    nowhere = (model.file or "<model>", 0, 0)
    # The cost is per finding (tens of thousands on a large model): look each location up
    # once, and only the few elements that suppress anything for their reason.
    suppressing = {element.id: element.suppress for element in ctx.suppressing}
    out: list[Diagnostic] = []
    append = out.append
    make = tuple.__new__  # what Diagnostic() calls, without its Python frame: 465k times at 100k nodes
    for current in chosen:
        severity = selection.severity(current)
        code, name = current.code, current.name
        for target, message, field in current.check(ctx):
            position = where(target, field)
            entries = suppressing.get(target)
            if entries is None and position is not None:  # the common case: every field, in order
                append(make(Diagnostic, position + (code, message, name, severity, target, "", None)))  # noqa: RUF005 - faster than unpacking
                continue
            reason = None
            if entries is not None:
                reason = next((e.reason for e in entries if e.rule in (name, code)), None)
            file, line, column = nowhere if position is None else position
            append(Diagnostic(file, line, column, code, message, name, severity, target, suppressed=reason))
    out.sort()  # a Diagnostic's fields start with the reporting order
    return out


def loader_diagnostics(error: LoadError, selection: Selection | None = None) -> list[Diagnostic] | None:
    """Diagnostics for a LoadError made only of modelling mistakes; None if any problem is not one
    (a syntax or schema error: the file cannot be checked, and the caller exits 2). Each problem
    names the element at fault (``Problem.target``), as a rule's finding does."""
    if not error.problems or any(p.rule is None or get_rule(p.rule) is None for p in error.problems):
        return None
    selection = selection or Selection()
    out = []
    for problem in error.problems:
        found = get_rule(str(problem.rule))
        assert found is not None
        if not selection.enabled(found):
            continue
        message = problem.message + (f" ({problem.hint})" if problem.hint else "")
        loc = problem.location
        out.append(
            Diagnostic(
                loc.file,
                loc.line,
                loc.column,
                found.code,
                message,
                found.name,
                selection.severity(found),
                problem.target or problem.path,
                path=problem.path,
            )
        )
    return sorted(out)


def check_text(
    text: str,
    file: str = "<string>",
    selection: Selection | None = None,
    lang: str | None = None,
    options: Mapping[str, float] | None = None,
) -> list[Diagnostic]:
    """Load and check model text. Raises LoadError only for input that is not a checkable model."""
    from toc.io.load import loads

    try:
        model = loads(text, file)
    except LoadError as exc:
        found = loader_diagnostics(exc, selection)
        if found is None:
            raise
        return found
    return run_rules(model, selection, lang, options=options)


def check_path(
    path: str | os.PathLike[str],
    selection: Selection | None = None,
    lang: str | None = None,
    options: Mapping[str, float] | None = None,
    max_bytes: int | None = None,
) -> list[Diagnostic]:
    """Load and check a model file of any registered format (see :func:`check_text`); the file
    is read once (it may be a FIFO), within ``max_bytes`` (default:
    :data:`toc.io.source.DEFAULT_MAX_BYTES`)."""
    from toc.formats import read_one
    from toc.io.source import DEFAULT_MAX_BYTES, read_source

    name = os.fspath(path)
    raw = read_source(name, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    try:
        model = read_one(raw, name)
    except LoadError as exc:
        found = loader_diagnostics(exc, selection)
        if found is None:
            raise
        return found
    return run_rules(model, selection, lang, options=options)
