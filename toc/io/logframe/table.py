"""The neutral logframe table every layout is read into and written from, and its model.

A :class:`Result` is one row of the results chain (an impact, outcome, output or activity)
with its indicators and assumptions; a :class:`Measure` is one indicator with its baselines,
milestones, target and current value as the cells show them (``"2,000,000"`` and ``2017``).
:func:`to_model` builds the model of a table, following the matrix's vertical logic
(activities → outputs → outcome → impact; ``1.1`` belongs to ``1``), and remembers each
element's sheet and cell; :func:`from_model` lays a model out as a table and says what the
table cannot hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toc.errors import LoadError, Location, Problem
from toc.model import Assumption, Indicator, Level, Link, Model, Node
from toc.model.indicators import Value
from toc.model.locations import MapLocator

__all__ = [
    "LEVELS",
    "Measure",
    "Milestone",
    "Result",
    "Stated",
    "from_model",
    "percent",
    "stated",
    "to_model",
]

LEVELS = ("impact", "outcome", "output", "activity")
"""Top to bottom: each level's results contribute to the level above."""

Stated = tuple[str, str | None]
"""A value as a cell states it, and its reference year or date (``("2,000,000", "2017")``)."""

_NOT_APPLICABLE = re.compile(
    r"^(n/?a|not applicable|niet van toepassing|sans objet|none|-+|–|—|\?)\.?$", re.I
)
"""What a cell says when it says nothing: no assumption, no baseline."""


@dataclass
class Milestone:
    """One column of planned and achieved values (FCDO ``Milestone 1``; EU target / current value)."""

    label: str | None
    date: str | None
    planned: str = ""
    achieved: str = ""


@dataclass
class Measure:
    label: str
    where: Location
    baselines: list[Stated] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class Result:
    level: str
    number: str
    text: str
    where: Location
    measures: list[Measure] = field(default_factory=list)
    assumptions: list[tuple[str, Location]] = field(default_factory=list)
    means: list[str] = field(default_factory=list)
    """Activities: the means (inputs, resources) the EU activity table lists."""
    weighting: tuple[str, Location] | None = None
    """FCDO: the result's weighting cell as written (``30%``, ``30``) and where."""
    risk: tuple[str, Location] | None = None
    """FCDO: the result's risk rating cell (``Medium``) and where."""


_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?(?:e[-+]?\d+)?)\s*%?\s*$", re.I)


def percent(text: str) -> float:
    """A weighting cell as a percent (``30%``, ``30``, ``12.5 %``); ValueError if it is none."""
    found = _PERCENT.match(text)
    if not found:
        raise ValueError(f"weighting {text!r} is not a percent: write a number from 0 to 100, e.g. 30%")
    value = float(found.group(1).replace(",", "."))
    if value > 100:
        raise ValueError(f"weighting {text!r} is more than 100%")
    return value


def stated(value: Value | None, lang: str | None = None) -> str:
    """A value as a cell shows it: as reported (``2,800,000``), else the number, else its words."""
    if value is None:
        return ""
    if value.original is not None:
        return value.original
    if value.value is not None:
        number = value.value
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    from toc.model.base import text_in

    return text_in(value.text, lang)


# --- table → model ----------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60] or "logframe"


def _parent(result: Result, above: list[Result]) -> Result | None:
    """The result one level up this one contributes to: by number (``1.2`` → ``1``), else the
    nearest one written before it, else the first."""
    if not above:
        return None
    if result.number and "." in result.number:
        prefix = result.number.rsplit(".", 1)[0]
        for candidate in above:
            if candidate.number == prefix:
                return candidate
    before = [a for a in above if (a.where.sheet, a.where.line) <= (result.where.sheet, result.where.line)]
    return before[-1] if before else above[0]


def _value(text: str, date: str | None = None) -> dict[str, object]:
    data: dict[str, object] = {"value": text}
    if date is not None:
        if re.fullmatch(r"\d{4}", date):
            data["year"] = int(date)
        else:
            data["date"] = date
    return data


def to_model(results: list[Result], file: str, title: str | None) -> Model:
    """The model of a logframe table; a :class:`LoadError` at the cell of anything invalid."""
    elements: dict[str, Location] = {}
    fields: dict[tuple[str, str], Location] = {}
    ids: dict[int, str] = {}
    used: set[str] = set()
    by_level = {level: [r for r in results if r.level == level] for level in LEVELS}
    for level, items in by_level.items():
        for k, result in enumerate(items, start=1):
            base = f"{level}-{result.number or k}" if len(items) > 1 or result.number else level
            ident, n = base, 1
            while ident in used:
                n += 1
                ident = f"{base}-{n}"
            used.add(ident)
            ids[id(result)] = ident
    nodes: list[Node] = []
    links: list[Link] = []
    assumptions: list[Assumption] = []
    problems: list[Problem] = []
    for level_index, level in enumerate(LEVELS):
        # the nearest level above that has results (a matrix without a purpose row links outputs to the goal)
        above = next((by_level[up] for up in reversed(LEVELS[:level_index]) if by_level[up]), [])
        for result in by_level[level]:
            ident = ids[id(result)]
            elements[ident] = result.where
            parent = _parent(result, above)
            link_id = None
            if parent is not None:
                link_id = f"{ident}->{ids[id(parent)]}"
                elements[link_id] = result.where  # a link is the row of its lower result
            named: list[str] = []
            for j, (text, where) in enumerate(result.assumptions, start=1):
                if _NOT_APPLICABLE.match(text):
                    continue
                aid = f"{ident}-assumption-{j}"
                elements[aid] = where
                named.append(aid)
                assumptions.append(Assumption(id=aid, statement=text, applies_to=[] if link_id else [ident]))
            if parent is not None:
                links.append(Link(id=link_id or "", source=ident, target=ids[id(parent)], assumptions=named))
            indicators = []
            for j, measure in enumerate(result.measures, start=1):
                iid = f"{ident}-indicator-{j}"
                elements[iid] = measure.where
                try:
                    indicators.append(_indicator(iid, measure))
                except ValueError as exc:
                    problems.append(Problem(measure.where, f"indicator {measure.label[:60]!r}: {exc}"))
            rated: dict[str, object] = {}
            if result.weighting is not None and not _NOT_APPLICABLE.match(result.weighting[0]):
                try:
                    rated["weighting"] = percent(result.weighting[0])
                    fields[(ident, "weighting")] = result.weighting[1]
                except ValueError as exc:
                    problems.append(Problem(result.weighting[1], str(exc)))
            if result.risk is not None and not _NOT_APPLICABLE.match(result.risk[0]):
                rated["risk"] = result.risk[0]
                fields[(ident, "risk")] = result.risk[1]
            try:
                nodes.append(
                    Node(id=ident, level=Level(level), label=result.text, indicators=indicators, **rated)
                )
            except ValueError as exc:
                problems.append(Problem(result.where, f"{level} {result.text!r}: {_first(exc)}"))
    if problems:
        raise LoadError(problems)
    name = title or file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    model = Model.model_validate(
        {
            "programme": {"id": _slug(name), "title": name},
            "nodes": nodes,
            "links": links,
            "assumptions": assumptions,
        }
    )
    model.set_locator(file, MapLocator(elements, fields))
    return model


def _first(exc: Exception) -> str:
    """The first thing pydantic says, without its links."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError) and exc.errors():
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        return f"{where}: {error['msg']}" if where else str(error["msg"])
    return str(exc).splitlines()[0]


def _indicator(iid: str, measure: Measure) -> Indicator:
    periods: list[dict[str, object]] = []
    for milestone in measure.milestones:
        if not milestone.planned and not milestone.achieved:
            continue
        # a milestone with no year in its header or value is kept undated (toc/rules/iati.py flags it)
        period: dict[str, object] = {"start": milestone.date, "end": milestone.date, "label": milestone.label}
        if milestone.planned and not _NOT_APPLICABLE.match(milestone.planned):
            period["target"] = _value(milestone.planned)
        if milestone.achieved and not _NOT_APPLICABLE.match(milestone.achieved):
            period["actual"] = _value(milestone.achieved)
        periods.append(period)
    data = {
        "id": iid,
        "label": measure.label,
        "baseline": [
            _value(text, date) for text, date in measure.baselines if not _NOT_APPLICABLE.match(text)
        ],
        "periods": periods,
        "means_of_verification": measure.sources,
    }
    try:
        return Indicator.model_validate(data)
    except ValueError as exc:
        raise ValueError(_first(exc)) from None


# --- model → table ----------------------------------------------------------------------------------


def from_model(model: Model, lang: str | None, values: bool = True) -> tuple[list[Result], list[Assumption]]:
    """The model's results as a logframe table, numbered as donors do (outputs ``1``, ``2``;
    their activities ``1.1``, ``1.2``), with each result's assumptions (those qualifying its
    link up the chain, or the result itself); and the assumptions no result carries.
    ``values=False`` leaves out the baselines and milestones, which the 4×4 matrix has no
    columns for (half the time of making its table)."""
    from toc.index import index_of

    index = index_of(model)
    text = model.text
    nowhere = Location(model.file or "", 0, 0)
    placed: set[str] = set()
    results: list[Result] = []
    numbers: dict[str, str] = {}
    counters: dict[str, int] = {}
    # each node's links up, found once (not by a walk over all links for every node: quadratic
    # in a large model); the assumptions naming a node are the index's node_assumptions
    links_from: dict[str, list[Link]] = {}
    for link in model.links:
        links_from.setdefault(link.source, []).append(link)
    by_level: dict[str, list[Node]] = {level: [] for level in LEVELS}
    for node in model.nodes:
        by_level[node.level.value].append(node)
    for level in LEVELS:
        for node in by_level[level]:
            ups = links_from.get(node.id, [])
            if level == "activity":
                up = next((link.target for link in ups if link.target in numbers), "")
                prefix = numbers.get(up, "")
                counters[prefix] = counters.get(prefix, 0) + 1
                number = f"{prefix}.{counters[prefix]}" if prefix else str(counters[prefix])
            else:
                counters[level] = counters.get(level, 0) + 1
                number = str(counters[level])
            numbers[node.id] = number
            result = Result(level, number, text(node.label, lang), nowhere)
            if node.weighting is not None:
                w = node.weighting
                result.weighting = (f"{int(w) if w.is_integer() else w!r}%", nowhere)
            if node.risk is not None:
                result.risk = (node.risk, nowhere)
            for link in ups:
                for aid in index.link_assumptions.get(link.id, ()):
                    if aid not in placed:
                        placed.add(aid)
                        result.assumptions.append((text(index.assumptions[aid].statement, lang), nowhere))
            for aid in index.node_assumptions.get(node.id, ()):
                if aid not in placed:
                    placed.add(aid)
                    result.assumptions.append((text(index.assumptions[aid].statement, lang), nowhere))
            for indicator in node.indicators:
                result.measures.append(_measure(indicator, lang, nowhere, values))
            results.append(result)
    left = [a for a in model.assumptions if a.id not in placed]
    return results, left


def _measure(indicator: Indicator, lang: str | None, nowhere: Location, values: bool) -> Measure:
    from toc.model.base import text_in

    measure = Measure(text_in(indicator.label, lang), nowhere)
    measure.sources = [text_in(m, lang) for m in indicator.means_of_verification]
    if not values:
        return measure
    for baseline in indicator.baselines:
        if baseline.is_total:
            measure.baselines.append(
                (stated(baseline, lang), baseline.date or (str(baseline.year) if baseline.year else None))
            )
    for period in indicator.periods:
        measure.milestones.append(
            Milestone(
                text_in(period.label, lang) if period.label is not None else None,
                period.end,
                stated(period.target, lang),
                stated(period.actual, lang),
            )
        )
    return measure
