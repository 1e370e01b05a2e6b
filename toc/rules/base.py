"""The pieces every rule uses: :class:`Finding`, :class:`Rule`, the ``@rule`` decorator, :class:`Context`.

A rule is a function ``check(ctx) -> Iterable[Finding]``. It says *what* is wrong
and *with which element* (by id, and optionally which key of it); the engine adds
the code, name, configured severity and file/line/column. The function's
docstring is the rule's documentation: a one-line summary, the rationale, then a
``Fails:`` and a ``Passes:`` YAML example (see ``docs/rules.md``, generated from them).
The options that tune a rule are declared with it (``@rule(..., options={...})``, see
:mod:`toc.rules.options`) and read with ``ctx.option(name)``.

A rule body is what contributors read and copy: it reads the model and the context's
named members, plainly. Work that several rules share, or that needs care to be fast on a
large model, belongs in a member of :class:`Context` (or in :mod:`toc.walks`) under a
plain name, with a test against its plain definition.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import TYPE_CHECKING, NamedTuple

from toc.diagnostics import Severity
from toc.index import ModelIndex, index_of
from toc.model import Evidence, Indicator, Link, Model, Node
from toc.model.base import Text, one_line, text_in
from toc.rules.options import Option, OptionValue

if TYPE_CHECKING:
    from toc.assessment import AssumptionAssessment, Progress
    from toc.graph import TocGraph
    from toc.model.root import AnyElement

__all__ = ["GROUPS", "Context", "Finding", "Rule", "RuleCheck", "rule"]

GROUPS = ("structure", "logic", "assumptions", "indicators", "evidence", "text", "iati")
"""Every rule belongs to one of these (and may add more, e.g. ``loader``, ``graph``)."""


class Finding(NamedTuple):
    """What a rule yields: the element at fault (its id), a message, and optionally which key of it.

    A named tuple: a large model yields hundreds of thousands, and tuples are cheap to make.
    """

    target: str
    message: str
    field: str | None = None


RuleCheck = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A check with a stable code (``TOC302``), a kebab-case name, groups and a default severity."""

    code: str
    name: str
    groups: tuple[str, ...]
    severity: Severity
    check: RuleCheck = field(compare=False, repr=False)
    doc: str = field(default="", compare=False, repr=False)
    options: Mapping[str, Option] = field(default_factory=dict, compare=False, repr=False)
    """The settings that tune this rule, by name (see :mod:`toc.rules.options`)."""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @cached_property
    def sections(self) -> dict[str, str]:
        """``summary``, ``rationale``, ``fails`` and ``passes`` parsed from the docstring."""
        return parse_doc(self.doc)


_SECTION = re.compile(r"^(Fails|Passes):\s*$", re.MULTILINE)


def parse_doc(doc: str) -> dict[str, str]:
    """Split a rule docstring into its summary, rationale and examples."""
    lines = textwrap.dedent(doc).strip("\n").splitlines()
    out = {"summary": lines[0].strip() if lines else ""}
    parts = _SECTION.split(textwrap.dedent("\n".join(lines[1:])))
    out["rationale"] = parts[0].strip()
    for name, block in zip(parts[1::2], parts[2::2], strict=True):
        out[name.lower()] = textwrap.dedent(block).strip("\n") + "\n"
    return out


DECLARED: list[Rule] = []
"""Filled by ``@rule`` as the rule modules are imported; read through :mod:`toc.rules.registry`."""


def rule(
    code: str,
    name: str,
    *,
    groups: Sequence[str],
    severity: Severity,
    options: Mapping[str, Option] | None = None,
) -> Callable[[RuleCheck], RuleCheck]:
    """Declare a rule: the decorated function is its check, its docstring its documentation,
    and ``options`` the settings that tune it (name → :class:`~toc.rules.options.Option`)."""

    def register(check: RuleCheck) -> RuleCheck:
        declared = dict(options or {})
        DECLARED.append(Rule(code, name, tuple(groups), severity, check, check.__doc__ or "", declared))
        return check

    return register


class Context:
    """The model plus what several rules need, each computed once and only when asked for."""

    def __init__(
        self,
        model: Model,
        lang: str | None = None,
        known_rules: Iterable[str] = (),
        options: Mapping[str, float] | None = None,
    ) -> None:
        self.model = model
        self.lang = lang
        self.known_rules = frozenset(known_rules)
        self.options: Mapping[str, OptionValue] = options or {}
        """Rule options set in the configuration; read them with :meth:`option`."""
        self._labels: dict[str, str] = {}
        self._fallback = model.default_language
        self._lang = lang or self._fallback

    def option(self, name: str) -> OptionValue:
        """The configured value of a rule option, else the default its rule declares."""
        if name in self.options:
            return self.options[name]
        from toc.rules.registry import declared_options

        found = declared_options().get(name)
        if found is None:
            raise KeyError(f"no rule declares an option {name!r}")
        return found[1].default

    @cached_property
    def graph(self) -> TocGraph:
        from toc.graph import TocGraph

        return TocGraph(self.model)

    # --- the graph: asked of the model's index (toc.index), named here for the rule bodies ---
    @cached_property
    def index(self) -> ModelIndex:
        """The model's index: elements by id (``ctx.index[id]``, ``ctx.index.get(id)``) and every
        graph question (:class:`toc.index.ModelIndex`), shared with the assessment and the drawings."""
        return index_of(self.model)

    @property
    def successors(self) -> dict[str, list[str]]:
        """``index.successors``: node id → the nodes its links lead to."""
        return self.index.successors

    @property
    def predecessors(self) -> dict[str, list[str]]:
        """``index.predecessors``: node id → the nodes whose links lead to it."""
        return self.index.predecessors

    def reached_from(self, sources: Iterable[str]) -> set[str]:
        """``index.reached_from``: every node reachable from ``sources`` (the sources included)."""
        return self.index.reached_from(sources)

    def reaching(self, targets: Iterable[str]) -> set[str]:
        """``index.reaching``: every node from which one of ``targets`` can be reached."""
        return self.index.reaching(targets)

    @property
    def activities(self) -> list[str]:
        """``index.activities``: the ids of the activities, in model order."""
        return self.index.activities

    @property
    def from_activities(self) -> set[str]:
        """``index.from_activities``: every node some activity leads to (the activities included)."""
        return self.index.from_activities

    def in_model_order(self, node_ids: set[str]) -> list[str]:
        """``index.in_model_order``: ``node_ids`` in the order the model lists the nodes."""
        return self.index.in_model_order(node_ids)

    @property
    def ranks(self) -> dict[str, int]:
        """``index.ranks``: node id → the rank of its level (activity 0 … impact 3)."""
        return self.index.ranks

    @property
    def results(self) -> set[str]:
        """``index.results``: the ids of the outcomes and impacts."""
        return self.index.results

    @property
    def links(self) -> dict[str, Link]:
        """``index.links``: link id → link."""
        return self.index.links

    @property
    def link_ranks(self) -> list[tuple[Link, int, int]]:
        """``index.link_ranks``: (link, rank of its source, rank of its target), in model order."""
        return self.index.link_ranks

    @property
    def into_results(self) -> list[Link]:
        """``index.into_results``: the links into an outcome or impact."""
        return self.index.into_results

    @cached_property
    def indicators(self) -> list[tuple[Node, Indicator]]:
        """``model.indicators()``, walked once for the indicator rules."""
        return list(self.model.indicators())

    @property
    def linked(self) -> set[str]:
        """``index.linked``: the nodes some link starts or ends at."""
        return self.index.linked

    @cached_property
    def assessments(self) -> dict[str, AssumptionAssessment]:
        from toc.assessment import assess_assumptions

        return assess_assumptions(self.model, self.evidence_about)

    @cached_property
    def as_of(self) -> date:
        from toc.assessment import as_of_date

        return as_of_date(self.model)

    @cached_property
    def progress(self) -> dict[str, Progress]:
        """Indicator id → its progress on the as-of date (``toc.assessment.model_progress``)."""
        from toc.assessment import model_progress

        return model_progress(self.model, self.as_of)

    @property
    def nodes(self) -> dict[str, Node]:
        """``index.nodes``: node id → node."""
        return self.index.nodes

    @property
    def elements(self) -> list[AnyElement]:
        """``index.elements``: ``model.elements()`` (same order), listed once."""
        return self.index.elements

    @cached_property
    def suppressing(self) -> list[AnyElement]:
        """The elements with a ``suppress:`` list (few: the engine and one rule look only at these)."""
        return [element for element in self.elements if element.suppress]

    @cached_property
    def evidence_about(self) -> dict[str, list[Evidence]]:
        """Element id → the evidence items about it, in model order."""
        out: dict[str, list[Evidence]] = {}
        for item in self.model.evidence:
            for target in item.about:
                out.setdefault(target, []).append(item)
        return out

    @property
    def linked_assumptions(self) -> dict[str, list[str]]:
        """``index.link_assumptions``: link id → the assumptions that qualify it (named by either side)."""
        return self.index.link_assumptions

    @property
    def links_of(self) -> dict[str, list[str]]:
        """``index.assumption_links``: assumption id → the links it qualifies."""
        return self.index.assumption_links

    def text(self, value: Text | None) -> str:
        """``value`` in the chosen language, on one line (``model.text``, languages read once)."""
        return " ".join(text_in(value, self._lang, self._fallback).split())

    def label(self, element_id: str) -> str:
        """The element's label (statement, summary, title …) in quotes, or its id.

        Made once per element: rules ask for the same labels again and again."""
        found = self._labels.get(element_id)
        if found is None:
            found = self._labels[element_id] = self._make_label(element_id)
        return found

    def _make_label(self, element_id: str) -> str:
        element = self.index.get(element_id)
        if element is None:
            return element_id
        name = naming_field(type(element))
        value = getattr(element, name) if name is not None else None
        if value is not None:
            text = self.text(value)
            return f'"{_clip(text)}"'
        if isinstance(element, Link):
            return f"{self.label(element.source)} → {self.label(element.target)}"
        return element_id

    def cites(self, items: Iterable[Evidence]) -> str:
        """``(para 92, 99; survey 2018)``: where the items are reported, and their data sources."""
        return cite_list(items)


NAMING = ("label", "statement", "title", "summary", "text", "change")
"""The fields that name an element (what a diagram or report shows), in order of preference."""


@cache
def fields_of(cls: type, names: tuple[str, ...]) -> tuple[str, ...]:
    """Those of ``names`` that ``cls`` has as fields, so a rule reads only fields that exist
    (``getattr(x, name, None)`` on a missing name raises and catches inside pydantic)."""
    fields = getattr(cls, "model_fields", {})
    return tuple(n for n in names if n in fields)


@cache
def naming_field(cls: type) -> str | None:
    """The one field that names elements of ``cls`` (see :data:`NAMING`), or None (links).

    Every element class has at most one (a test in tests/rules holds them to it)."""
    present = fields_of(cls, NAMING)
    return present[0] if present else None


_CLIP = 120


def _clip(text: str, limit: int = _CLIP) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


MAX_LOCATORS = 6
MAX_SOURCES = 2


def cite_list(items: Iterable[Evidence]) -> str:
    """Locators, merged by their leading word (``para 92, para 99`` → ``para 92, 99``), then sources.

    At most six locators per leading word and two data sources are named, so that a
    message stays readable when the evidence is cited in many places.
    """
    groups: dict[str, list[str]] = {}
    sources: list[str] = []
    for item in items:
        for citation in item.cite:
            head, sep, tail = one_line(citation.locator).partition(" ")
            key = f"{citation.source}: {head}" if citation.source else head
            if not sep:
                key, tail = one_line(citation.locator), ""
            bucket = groups.setdefault(key, [])
            if tail not in bucket:
                bucket.append(tail)
        source = one_line(item.source) if item.source else ""
        if source and source not in sources:
            sources.append(source)
    parts = []
    for key, tails in groups.items():
        named = [t for t in tails if t]
        more = " …" if len(named) > MAX_LOCATORS else ""
        parts.append(f"{key} {', '.join(named[:MAX_LOCATORS])}{more}".strip())
    shown = sources[:MAX_SOURCES]
    if len(sources) > MAX_SOURCES:
        extra = len(sources) - MAX_SOURCES
        shown.append(f"{extra} more source{'' if extra == 1 else 's'}")
    text = "; ".join([", ".join(parts), *shown] if parts else shown)
    return f" ({text})" if text else ""
