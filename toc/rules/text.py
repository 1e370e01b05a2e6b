"""Text: is every element named in every language the model declares, and are names distinct?"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from toc.diagnostics import Severity
from toc.model.base import one_line, text_in
from toc.model.references import suggest
from toc.rules.base import NAMING, Context, Finding, fields_of, naming_field, rule

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
    missing = _missing(ctx.model.programme.title, languages)
    if missing:
        yield Finding("programme", f"the programme title has no {missing} text (title)", "title")
    # one finding per id: a model built in Python may repeat one (the loader refuses that),
    # and an element called "programme" is reported above when the title lacks a language
    reported = {"programme"} if missing else set()
    for element in ctx.elements:
        name = naming_field(type(element))
        if name is None:  # links
            continue
        value = getattr(element, name)
        if value is None or element.id in reported:
            continue
        missing = _missing(value, languages)
        if missing:
            reported.add(element.id)
            yield Finding(element.id, f"{ctx.label(element.id)} has no {missing} text ({name})", name)


def _missing(value: object, languages: list[str]) -> str:
    """The declared languages ``value`` lacks, comma-separated ('' for none); a plain string is
    text in the first language."""
    if isinstance(value, dict):
        return ", ".join(lang for lang in languages if lang not in value)
    return ", ".join(lang for lang in languages if lang != languages[0])


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
    for element in [ctx.model.programme, *ctx.elements]:
        extra: list[str] = []  # the undeclared languages, in the order they are met
        first = None  # the first field with one
        for name in _text_fields(type(element)):
            value = getattr(element, name)
            if not isinstance(value, dict) or declared.issuperset(value):
                continue
            first = first or name
            extra += [lang for lang in value if lang not in declared and lang not in extra]
        if not extra:
            continue
        target = "programme" if element is ctx.model.programme else element.id
        what = "the programme" if target == "programme" else ctx.label(target)
        yield Finding(
            target,
            f"{what} has text in {', '.join(extra)}, which the model does not declare in 'languages'{hint}",
            first,
        )


@cache
def _text_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that hold text (of :data:`TEXT_FIELDS`)."""
    return fields_of(cls, TEXT_FIELDS)


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
    first_with: dict[str, str] = {}  # a label, compared → the id of the first node with it
    for node in ctx.model.nodes:
        key = " ".join(text_in(node.label, default, default).split()).casefold()
        first = first_with.setdefault(key, node.id)
        if first != node.id:
            other = ctx.nodes[first]
            yield Finding(
                node.id,
                f"{node.level} {ctx.label(node.id)} has the same label as {other.level} {first!r}",
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
