"""The pieces every rule uses: :class:`Finding`, :class:`Rule`, the ``@rule`` decorator, :class:`Context`.

A rule is a function ``check(ctx) -> Iterable[Finding]``. It says *what* is wrong
and *with which element* (by id, and optionally which key of it); the engine adds
the code, name, configured severity and file/line/column. The function's
docstring is the rule's documentation: a one-line summary, the rationale, then a
``Fails:`` and a ``Passes:`` YAML example (see ``docs/rules.md``, generated from them).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from toc.diagnostics import Severity
from toc.index import ModelIndex, index_of
from toc.model import SECTIONS, Evidence, Indicator, Link, Model, Node
from toc.model.base import Text, one_line, text_in

if TYPE_CHECKING:
    from toc.assessment import AssumptionAssessment, Progress
    from toc.graph import TocGraph
    from toc.model.root import AnyElement

__all__ = ["GROUPS", "Context", "Finding", "Rule", "RuleCheck", "rule"]

GROUPS = ("structure", "logic", "assumptions", "indicators", "evidence", "text")
"""Every rule belongs to one of these (and may add more, e.g. ``loader``, ``graph``)."""


class Finding(NamedTuple):
    """What a rule yields: the element at fault (its id), a message, and optionally which key of it.

    A named tuple, not a frozen dataclass: a large model yields tens of thousands, and a
    tuple is made (and unpacked by the engine) in half the time.
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
    code: str, name: str, *, groups: Sequence[str], severity: Severity
) -> Callable[[RuleCheck], RuleCheck]:
    """Declare a rule: the decorated function is its check, its docstring its documentation."""

    def register(check: RuleCheck) -> RuleCheck:
        DECLARED.append(Rule(code, name, tuple(groups), severity, check, check.__doc__ or ""))
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
        self.options: Mapping[str, float] = options or {}
        """Rule options set in the configuration (toc.rules.options); rules fall back to defaults."""
        self._labels = _Labels(self._label)
        # rules ask for labels ~60k times on a large model, mostly for ones already made: the
        # instance attribute (which wins over the method below) answers those in C
        self.__dict__["label"] = self._labels.__getitem__
        self._naming: dict[type, Callable[[object], tuple[object, ...]]] = {}
        self._fallback = model.default_language
        self._lang = lang or self._fallback

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
        """Indicator id → its progress on the as-of date (``toc.assessment.indicator_progress``)."""
        from toc.assessment import indicator_progress

        return {i.id: indicator_progress(i, self.as_of) for _, i in self.indicators}

    @property
    def nodes(self) -> dict[str, Node]:
        """``index.nodes``: node id → node."""
        return self.index.nodes

    @property
    def elements(self) -> list[AnyElement]:
        """``index.elements``: ``model.elements()`` (same order), walked once."""
        return self.index.elements

    @cached_property
    def sections(self) -> list[list[Any]]:
        """The model's non-empty lists of elements, each of one class: every section, then the
        indicators (rules that read the same fields of every element of a class)."""
        out: list[list[Any]] = [items for section in SECTIONS if (items := getattr(self.model, section))]
        indicators = [indicator for _, indicator in self.indicators]
        return [*out, indicators] if indicators else out

    @cached_property
    def suppressing(self) -> list[AnyElement]:
        """The elements with a ``suppress:`` list (few: the engine and one rule look only at these)."""
        return list(compress(self.elements, map(_SUPPRESS, self.elements)))

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
        """The element's label (statement, summary, title …) in quotes, or its id."""
        return self._labels[element_id]

    def _label(self, element_id: str) -> str:
        element = self.index.get(element_id)
        if element is None:
            return element_id
        cls = type(element)
        naming = self._naming.get(cls)
        if naming is None:
            naming = self._naming[cls] = values_of(cls, NAMING)[1]
        for value in naming(element):
            if value is not None:
                return self._quote(value)  # type: ignore[arg-type]
        source = getattr(element, "source", None)
        target = getattr(element, "target", None)
        if isinstance(source, str) and isinstance(target, str):  # a link
            return f"{self.label(source)} → {self.label(target)}"
        return element_id

    def _quote(self, value: Text) -> str:
        """A naming text as :meth:`label` shows it: in the chosen language, on one line, clipped, quoted."""
        if value.__class__ is not str:  # most text is a plain string
            value = text_in(value, self._lang, self._fallback)
        text = " ".join(value.split())
        return f'"{text if len(text) <= _CLIP else _clip(text)}"'

    def cites(self, items: Iterable[Evidence]) -> str:
        """``(para 92, 99; survey 2018)``: where the items are reported, and their data sources."""
        return cite_list(items)


_SUPPRESS = attrgetter("suppress")
"""Read in C by ``map`` when the context picks the elements with a ``suppress:`` list."""


class _Labels(dict[str, str]):
    """Element id → its label, made on first use."""

    def __init__(self, make: Callable[[str], str]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, element_id: str) -> str:
        found = self[element_id] = self.make(element_id)
        return found


NAMING = ("label", "statement", "title", "summary", "text", "change")
"""The fields that name an element (what a diagram or report shows), in order of preference."""


@cache
def fields_of(cls: type, names: tuple[str, ...]) -> tuple[str, ...]:
    """Those of ``names`` that ``cls`` has as fields. (``getattr(x, name, None)`` on a missing
    name is slow on pydantic models: it raises inside; this keeps the rules linear and fast.)"""
    fields = getattr(cls, "model_fields", {})
    return tuple(n for n in names if n in fields)


Getter = tuple[tuple[str, ...], Callable[[object], tuple[object, ...]]]


@cache
def values_of(cls: type, names: tuple[str, ...]) -> Getter:
    """Those of ``names`` that ``cls`` has as fields, and a function that reads them all from an
    instance in one call (a rule reading a few fields of every element of a large model)."""
    present = fields_of(cls, names)
    if not present:
        return present, lambda element: ()
    # one name is read twice: attrgetter returns a tuple only for two or more (zip stops at the names)
    return present, attrgetter(*present, *present[:1])


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
