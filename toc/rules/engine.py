"""Run the selected rules over a model and stamp each finding into a :class:`Diagnostic`.

The engine, not the rule, attaches code, name, configured severity and source
location (``model.locate(target, field)``), and marks findings that the model
itself suppresses (``suppress: [{rule, reason}]`` on the element) with the reason.
Two rules, ``duplicate-id`` and ``dangling-reference``, are found by the loader
(a model with them cannot be built); :func:`loader_diagnostics` turns those
problems into diagnostics of the same shape.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence

from toc.diagnostics import Diagnostic
from toc.errors import LoadError
from toc.gcpause import gc_paused
from toc.model import Model, Suppression
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

    The cyclic garbage collector is paused while the rules run, and left as the caller had
    it (:func:`toc.gcpause.gc_paused`): the rules make many small objects while the whole
    model is alive, and each collection would walk the model again for nothing.
    """
    with gc_paused():
        return _run(model, selection or Selection(), lang, rules, options)


def _run(
    model: Model,
    selection: Selection,
    lang: str | None,
    rules: Sequence[Rule] | None,
    options: Mapping[str, float] | None,
) -> list[Diagnostic]:
    known = all_rules()
    chosen = [r for r in (rules if rules is not None else known) if selection.enabled(r)]
    ctx = Context(model, lang, known_rules=[n for r in known for n in (r.name, r.code)], options=options)
    where = model.positions()  # (file, line, column) of an element or one of its keys
    nowhere = (model.file or "<model>", 0, 0)
    # few elements suppress anything: look those up by id, not every element's list
    suppressing = {element.id: element.suppress for element in ctx.suppressing}
    out: list[Diagnostic] = []
    for current in chosen:
        code, name, severity = current.code, current.name, selection.severity(current)
        for target, message, field in current.check(ctx):
            at = where(target, field) or nowhere
            entries = suppressing.get(target)
            reason = _suppressed(entries, code, name) if entries else None
            sheet = at[3] if len(at) > 3 else ""  # a workbook's sheet
            out.append(
                Diagnostic(at[0], at[1], at[2], code, message, name, severity, target, "", reason, sheet)
            )
    out.sort()  # a Diagnostic's fields start with the reporting order
    return out


def _suppressed(entries: Iterable[Suppression], code: str, name: str) -> str | None:
    """The reason of the first ``suppress:`` entry that names the rule (by name or code)."""
    return next((entry.reason for entry in entries if entry.rule in (name, code)), None)


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
                sheet=loc.sheet,
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
    """Load and check every model in a file of any registered format (see :func:`check_text`); the file
    is read once (it may be a FIFO), within ``max_bytes`` (default:
    :data:`toc.io.source.DEFAULT_MAX_BYTES`). A file of several models (an IATI file: one per
    activity) is checked model by model as it is read, each let go once checked; a load error
    anywhere in it stands for the whole file, as it does for a file of one model."""
    import warnings

    from toc.errors import LossNotice
    from toc.formats import iter_read
    from toc.io.source import DEFAULT_MAX_BYTES, read_source

    name = os.fspath(path)
    raw = read_source(name, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    found: list[Diagnostic] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LossNotice)  # what a conversion would lose: not a finding
            for model in iter_read(raw, name):
                found += run_rules(model, selection, lang, options=options)
    except LoadError as exc:
        refused = loader_diagnostics(exc, selection)
        if refused is None:
            raise
        return refused
    return found
