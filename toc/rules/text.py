"""Text: is every element named in every language the model declares, and are names distinct?"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress
from operator import attrgetter, ne
from typing import Any

from toc.diagnostics import Severity
from toc.model.base import one_line, text_in
from toc.model.references import suggest
from toc.rules.base import NAMING, Context, Finding, fields_of, rule

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

TEXT_FIELDS = (
    *NAMING,
    "description",
    "rationale",
    "mitigation",
    "comment",
    "unit",
    "owner",
    "addressee",
    "social_actor",
    "where",
    "significance",
    "contribution",
    "substantiation",
)


_ID, _LABEL = attrgetter("id"), attrgetter("label")
_is_dict = dict.__instancecheck__
"""``isinstance(x, dict)`` as a builtin, for ``map``."""


@rule("TOC601", "missing-translation", groups=("text",), severity=INFO)
def missing_translation(ctx: Context) -> Iterator[Finding]:
    """An element's name lacks a language the model declares.

    A model that declares ``languages: [nl, en]`` promises both; a diagram or
    report in the second language will fall back to the first for this element.
    Checks the naming fields (label, statement, title, summary, text, change); a
    plain string counts as the first language only. One finding per element.

    Fails:

        languages: [nl, en]
        nodes:
          - {id: a, level: outcome, label: {nl: Gemeenten zijn geïnformeerd}}

    Passes:

        languages: [nl, en]
        programme: {id: p, title: {nl: Programma, en: Programme}}
        nodes:
          - {id: a, level: outcome, label: {nl: Gemeenten zijn geïnformeerd, en: Municipalities are informed}}
    """
    languages = ctx.model.languages
    if len(languages) < 2:
        return
    # a plain string is the first language: it always lacks the same ones
    plain = ", ".join(lang for lang in languages if lang != languages[0])
    title = ctx.model.programme.title
    missing = _missing(title, languages, plain)
    if missing:
        yield Finding("programme", f"the programme title has no {missing} text (title)", "title")
    skip = "programme" if missing else None  # an element with that id: reported once, above
    labels, index = ctx._labels, ctx.index
    # one finding per element: ids are unique in a loaded model (the index is as long as the
    # elements), so only a model built in Python with a repeated id needs them remembered
    repeats: set[str] | None = None if len(index) == len(ctx.elements) else set()
    for items in ctx.sections:  # one finding per element, on its naming text
        names = fields_of(_class_of(items), NAMING)
        if not names:  # links
            continue
        (name,) = names  # each element class names itself in one field (tests/rules/test_engine_speed.py)
        for element, value in zip(items, map(attrgetter(name), items)):  # noqa: B905 - same list
            if value is None:
                continue
            missing = plain if value.__class__ is str else _missing(value, languages, plain)
            if not missing:
                continue
            target = element.id
            if target == skip:
                continue
            if repeats is not None:
                if target in repeats:
                    continue
                repeats.add(target)
            # the label is this text: quote it from here rather than look the element up again
            what = labels.get(target)
            if what is None:
                own = repeats is None or index.get(target) is element
                what = ctx._quote(value) if own else ctx.label(target)
                labels[target] = what
            yield Finding(target, f"{what} has no {missing} text ({name})", name)


def _class_of(items: list[Any]) -> type:
    """The class of a section's elements (each section holds one)."""
    cls: type = type(items[0])
    return cls


def _missing(value: object, languages: list[str], plain: str) -> str:
    """The declared languages ``value`` lacks, comma-separated ('' for none)."""
    if isinstance(value, dict):
        return ", ".join(lang for lang in languages if lang not in value)
    return plain


@rule("TOC602", "undeclared-language", groups=("text",), severity=WARNING)
def undeclared_language(ctx: Context) -> Iterator[Finding]:
    """Text is given in a language the model does not declare.

    The ``languages`` list says which languages the model is written in (the
    first is the default); text in another one is never shown and is usually a
    typo (``nl`` written ``nL``, ``en`` written ``eng``).

    Fails:

        languages: [nl]
        nodes:
          - {id: a, level: outcome, label: {nl: Gemeenten zijn geïnformeerd, fr: Communes informées}}

    Passes:

        languages: [nl, fr]
        nodes:
          - {id: a, level: outcome, label: {nl: Gemeenten zijn geïnformeerd, fr: Communes informées}}
    """
    declared = set(ctx.model.languages)
    hint = f"; the model declares {', '.join(ctx.model.languages)}" if declared else ""
    for items in [[ctx.model.programme], *ctx.sections]:
        # element index → (languages not declared, first field with one); most text is plain, so
        # each field is read and tested in C and only its dictionaries are looked at here
        found: dict[int, tuple[list[str], str]] = {}
        for name in fields_of(_class_of(items), TEXT_FIELDS):
            values = list(map(attrgetter(name), items))
            dicts = list(map(_is_dict, values))
            if not any(dicts):
                continue
            for i, value in compress(enumerate(values), dicts):
                if declared.issuperset(value):
                    continue
                extra, _ = found.setdefault(i, ([], name))
                extra.extend(lang for lang in value if lang not in declared and lang not in extra)
        for i in sorted(found):
            extra, field = found[i]
            element = items[i]
            target = "programme" if element is ctx.model.programme else element.id
            yield Finding(
                target,
                f"{ctx.label(target) if target != 'programme' else 'the programme'} has text in "
                f"{', '.join(extra)}, which the model does not declare in 'languages'{hint}",
                field,
            )


@rule("TOC603", "duplicate-label", groups=("text", "structure"), severity=WARNING)
def duplicate_label(ctx: Context) -> Iterator[Finding]:
    """Two results have the same label.

    Readers (and diagrams) tell results apart by their labels; two boxes saying
    the same thing are either one result entered twice or two results that need
    distinct names. Compared in the default language, ignoring case and spacing.

    Fails:

        nodes:
          - {id: a, level: outcome, label: Municipalities know LMB}
          - {id: b, level: outcome, label: municipalities know  LMB}

    Passes:

        nodes:
          - {id: a, level: outcome, label: Municipalities know LMB}
          - {id: b, level: outcome, label: Municipalities apply LMB}
    """
    default = ctx.model.default_language
    nodes = ctx.model.nodes
    texts = [t if t.__class__ is str else text_in(t, default, default) for t in map(_LABEL, nodes)]
    keys = list(map(str.casefold, map(" ".join, map(str.split, texts))))  # one_line, in C
    ids = list(map(_ID, nodes))
    first = dict(zip(reversed(keys), reversed(ids), strict=True))  # label → the first node with it
    if len(first) == len(keys):  # the usual case: every label differs
        return
    firsts = list(map(first.__getitem__, keys))
    # only the nodes that are not the first with their label reach the loop (found in C)
    for node, other_id in compress(zip(nodes, firsts, strict=True), map(ne, ids, firsts)):
        other = ctx.nodes[other_id]
        yield Finding(
            node.id,
            f"{node.level} {ctx.label(node.id)} has the same label as {other.level} {other_id!r}",
            "label",
        )


@rule("TOC604", "suppression-unknown-rule", groups=("text",), severity=ERROR)
def suppression_unknown_rule(ctx: Context) -> Iterator[Finding]:
    """A ``suppress:`` entry names a rule that does not exist.

    A misspelt rule name silences nothing, and the finding it was meant to
    silence keeps appearing, with its reason lost. Rules are named by name or code.

    Fails:

        nodes:
          - id: a
            level: outcome
            label: Municipalities know LMB
            suppress: [{rule: indicator-mising, reason: measured by the survey}]

    Passes:

        nodes:
          - id: a
            level: outcome
            label: Municipalities know LMB
            suppress: [{rule: indicator-missing, reason: measured by the survey}]
    """
    for element in ctx.suppressing:
        for entry in element.suppress:
            if entry.rule not in ctx.known_rules and entry.rule.upper() not in ctx.known_rules:
                hint = suggest(entry.rule, ctx.known_rules)
                yield Finding(
                    element.id,
                    f"'suppress' names no rule {one_line(entry.rule)!r}" + (f" ({hint})" if hint else ""),
                    "suppress",
                )
