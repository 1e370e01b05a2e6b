"""IATI activities → models: one :class:`~toc.model.Model` per ``iati-activity`` (docs/iati.md).

What the model has a place for is kept; everything else is counted by kind in
:attr:`Imported.lost`, which ``toc convert`` prints, so nothing is dropped without a word.
Codes outside the IATI codelists are kept on the element as ``iati:ATTRIBUTE=CODE`` tags for
the ``iati`` rules (the model's own fields hold only what they can mean).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from toc.errors import LoadError, Problem
from toc.gcpause import gc_paused
from toc.io.iati.codelists import INDICATOR_MEASURE, RESULT_TYPE
from toc.io.iati.xmlsource import Lines, Offsets, Places, XmlLocator, activities, location_of
from toc.model import Model
from toc.model.base import ID_PATTERN
from toc.model.numbers import read_number

__all__ = ["Imported", "iter_activities", "read_activities"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ID = re.compile(ID_PATTERN)
_LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")
_DATE = re.compile(r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))")
_LEVELS = {"1": "output", "2": "outcome", "3": "impact", "9": "outcome"}
_LEVEL_WORDS = {"output": "output", "outcome": "outcome", "impact": "impact", "other": "outcome"}
_MEASURE_WORDS = {name.lower(): code for code, name in INDICATOR_MEASURE.items()}
_TRUE, _FALSE = {"1", "true"}, {"0", "false"}
_LOCATED = (
    "iati-activity",
    "participating-org",
    "activity-date",
    "recipient-country",
    "budget",
    "result",
    "indicator",
    "reference",
    "baseline",
    "period",
)


@dataclass
class Imported:
    """What an activity file gave: its models, and what they could not hold (kind → count)."""

    models: list[Model] = field(default_factory=list)
    lost: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """``not kept: 3 transaction, 2 sector …`` — one line, kinds by count."""
        kinds = sorted(self.lost.items(), key=lambda kv: (-kv[1], kv[0]))
        return "not kept: " + ", ".join(f"{n} {kind}" for kind, n in kinds) if kinds else ""


def read_activities(data: bytes, name: str) -> Imported:
    """Every activity in an IATI activity file, streamed one at a time (module docstring)."""
    out = Imported()
    with gc_paused():  # the models stay alive: collections would walk them again and again
        out.models.extend(iter_activities(data, name, out))
    return out


def iter_activities(data: bytes, name: str, out: Imported) -> Iterator[Model]:
    """The models one by one as their activities end, for a caller that writes each and lets
    it go (memory: one activity's tree and model); ``out`` collects what was not kept and the
    notes (its ``models`` stay empty)."""
    source = _Source(data, name)
    for number, (root, element) in enumerate(activities(data, name), start=1):
        if number == 1:
            version = root.get("version") or element.get("version") or ""
            if not version.startswith("2."):
                said = f"version {version!r}" if version else "no version"
                out.notes.append(
                    f"{name}: the file declares {said}; it is read as IATI 2.03 (text written directly in "
                    "an element is read as one narrative; codes a 1.x file wrote as words are kept as tags)"
                )
        yield _Activity(source, out.lost, root, number).read(element)


def plain_activities(data: bytes, name: str) -> Iterator[dict[str, Any]]:
    """What :func:`iter_activities` validates, activity by activity: for the benchmark's share
    of the time that is mapping (benchmarks/bench_iati.py)."""
    source, lost = _Source(data, name), Counter[str]()
    for number, (root, element) in enumerate(activities(data, name), start=1):
        yield _Activity(source, lost, root, number).plain(element)


class _Source:
    """One file's bytes and name, and the position finders all its activities share (the
    forward scan for their start tags, the file's newlines)."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data = data
        self.name = name
        self.offsets = Offsets(data)
        self.lines = Lines(name, data)


def _lang(code: str | None) -> str | None:
    if code is None:
        return None
    code = code.strip().lower().replace("_", "-")
    return code if _LANG.match(code) else None


def _local(element: Any) -> str:
    tag = element.tag
    return tag if isinstance(tag, str) and not tag.startswith("{") else ""


class _Activity:
    """One activity's mapping: plain data first, then one validation into a :class:`Model`."""

    def __init__(self, source: _Source, lost: Counter[str], root: Any, number: int) -> None:
        self.number = number
        self.source = source
        self.data = source.data
        self.name = source.name
        self.offsets = source.offsets
        self.lost = lost
        self.root_lang = _lang(root.get(XML_LANG))
        self.lang: str | None = None
        self.languages: list[str] = []
        self.where: dict[Any, int] = {}
        self.elements: dict[str, int] = {}
        self.fields: dict[tuple[str, str], int] = {}
        self.taken: set[str] = set()

    # --- plumbing ---------------------------------------------------------------------------

    def fail(
        self, element: Any, message: str, hint: str = "", rule: str | None = None, target: str = ""
    ) -> LoadError:
        offset = self.places.offset(self.where.get(element, 0))
        return LoadError(
            [Problem(location_of(self.data, self.name, offset), message, hint, rule, target=target)]
        )

    def drop(self, kind: str, n: int = 1) -> None:
        if n > 0:
            self.lost[kind] += n

    def place(self, element_id: str, element: Any, field: str | None = None) -> None:
        offset = self.where.get(element)
        if offset is None:
            return
        if field is None:
            self.elements[element_id] = offset
        else:
            self.fields[(element_id, field)] = offset

    def new_id(self, element: Any, fallback: str) -> str:
        ref = (element.get("ref") or "").strip()
        chosen = ref if ref and _ID.match(ref) and len(ref) <= 200 and ref not in self.taken else fallback
        while chosen in self.taken:
            chosen += "_"
        self.taken.add(chosen)
        return chosen

    def text(self, element: Any, kind: str) -> Any:
        """The narratives of ``element`` as model text: ``{lang: text}``, or a plain string when
        no language is known. Empty narratives and a second one in the same language are counted."""
        if element is None:
            return None
        found: dict[str | None, str] = {}
        narratives = [c for c in element if c.tag == "narrative"]
        if not narratives and (element.text or "").strip():
            narratives = [element]  # 1.x: the text is the element's own
        for narrative in narratives:
            words = (narrative.text or "").strip() if narrative is element else _inner(narrative)
            if not words:
                self.drop(f"empty narrative ({kind})")
                continue
            written = narrative.get(XML_LANG)
            lang = _lang(written) if written is not None else None
            if written is not None and lang is None:
                self.drop("narrative with an unreadable xml:lang")
            lang = lang or self.lang
            if lang in found:
                if found[lang] != words:
                    self.drop(f"second narrative in one language ({kind})")
                continue
            found[lang] = words
            if lang is not None and lang not in self.languages:
                self.languages.append(lang)
        if not found:
            return None
        if list(found) == [None]:
            return found[None]
        return {("und" if k is None else k): v for k, v in found.items()}

    def child(self, element: Any, tag: str) -> Any:
        for c in element:  # a loop over the few children: lxml's find goes through ElementPath
            if c.tag == tag:
                return c
        return None

    # --- the activity -------------------------------------------------------------------------

    def read(self, activity: Any) -> Model:
        return self.validate(activity, self.plain(activity))

    def plain(self, activity: Any) -> dict[str, Any]:
        """The activity as the model's plain data (checked by :meth:`validate`)."""
        located = list(activity.iter(*_LOCATED))  # the activity first: number 0
        self.where = {element: number for number, element in enumerate(located)}
        self.places = Places(self.data, self.offsets.of(activity), [element.tag for element in located])
        self.lang = _lang(activity.get(XML_LANG)) or self.root_lang
        if self.lang:
            self.languages.append(self.lang)
        written = self.child(activity, "iati-identifier")
        identifier = _inner(written) if written is not None else ""
        if not identifier:
            identifier = f"activity-{self.number}"
            self.drop("activity without an iati-identifier (named activity-N)")
        programme_id = (
            identifier if _ID.match(identifier) and len(identifier) <= 200 else _safe_id(identifier)
        )
        if programme_id != identifier:
            self.drop("iati-identifier characters an id cannot hold")
        self.taken.add(programme_id)
        programme: dict[str, Any] = {
            "id": programme_id,
            "title": self.text(self.child(activity, "title"), "title") or identifier,
        }
        nodes: list[dict[str, Any]] = []
        descriptions = 0
        funder = implementer = None
        dates: dict[str, tuple[str, Any]] = {}
        budgets: list[Any] = []
        countries: list[Any] = []
        results = 0
        for child in activity:
            tag = _local(child)
            if tag in ("iati-identifier", "title"):
                continue
            if tag == "description":
                descriptions += 1
                if descriptions == 1 and child.get("type", "1") == "1":
                    programme["description"] = self.text(child, "description")
                else:
                    self.drop("description (a second, or not of type 1)")
            elif tag == "participating-org":
                role = (child.get("role") or "").strip()
                who = self.text(child, "participating-org") or (child.get("ref") or "").strip() or None
                if role == "1" and funder is None and who:
                    funder = who
                    self.place("programme", child, "funder")
                elif role == "4" and implementer is None and who:
                    implementer = who
                    self.place("programme", child, "implementer")
                else:
                    self.drop("participating-org (other roles, or a second funder or implementer)")
            elif tag == "activity-date":
                kind = (child.get("type") or "").strip()
                day = _DATE.match((child.get("iso-date") or "").strip())
                if kind in ("1", "2", "3", "4") and day and kind not in dates:
                    dates[kind] = (day.group(1), child)
                else:
                    self.drop("activity-date (unreadable, or repeated)")
            elif tag == "recipient-country":
                countries.append(child)
            elif tag == "budget":
                budgets.append(child)
            elif tag == "result":
                results += 1
                nodes.append(self.result(child, results))
            elif tag:
                self.drop(tag)
            else:
                self.drop("element of another namespace")
        if funder:
            programme["funder"] = funder
        if implementer:
            programme["implementer"] = implementer
        self.period(programme, dates)
        self.country(programme, countries)
        self.budget(programme, budgets, activity.get("default-currency"))
        self.place("programme", activity)
        self.place(programme_id, activity)
        return {"languages": self.languages, "programme": programme, "nodes": nodes}

    def validate(self, activity: Any, data: dict[str, Any]) -> Model:
        """One validation of the activity's plain data into a located :class:`Model`."""
        try:
            model = Model.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise self.fail(
                activity, f"the activity cannot be read as a model: {where}: {first['msg']}"
            ) from None
        model.set_locator(self.name, XmlLocator(self.source.lines, self.places, self.elements, self.fields))
        return model

    def period(self, programme: dict[str, Any], dates: dict[str, tuple[str, Any]]) -> None:
        start = dates.get("1") or dates.get("2")
        end = dates.get("3") or dates.get("4")
        used = sum(1 for k in ("1", "2") if k in dates) + sum(1 for k in ("3", "4") if k in dates)
        if start and end and start[0] <= end[0]:
            programme["period"] = {"start": start[0], "end": end[0]}
            self.place("programme", start[1], "period")
            self.drop("activity-date (actual, beside the planned one)", used - 2)
        elif dates:
            self.drop("activity-date (no start and end to make a period)", len(dates))

    def country(self, programme: dict[str, Any], countries: list[Any]) -> None:
        if not countries:
            return
        code = (countries[0].get("code") or "").strip().upper()
        if code:
            programme["country"] = code
            self.place("programme", countries[0], "country")
        self.drop("recipient-country (a second one)", len(countries) - 1)

    def budget(self, programme: dict[str, Any], budgets: list[Any], default: str | None) -> None:
        total = 0.0
        currencies: set[str] = set()
        kept = 0
        for budget in budgets:
            value = self.child(budget, "value")
            if budget.get("type", "1").strip() != "1" or value is None:
                self.drop("budget (revised, or without a value)")
                continue
            reading = read_number(value.text or "")
            if reading is None:
                self.drop("budget (value not a number)")
                continue
            total += reading.value
            currencies.add((value.get("currency") or default or "").strip().upper())
            kept += 1
        if not kept:
            return
        currency = next(iter(currencies))
        if len(currencies) != 1 or not re.match(r"^[A-Z]{3}$", currency) or total < 0:
            self.drop("budget (mixed or missing currency, or a negative total)", kept)
            return
        programme["budget"] = {"amount": total, "currency": currency}
        self.place("programme", budgets[0], "budget")

    # --- results --------------------------------------------------------------------------------

    def result(self, element: Any, n: int) -> dict[str, Any]:
        node_id = self.new_id(element, f"r{n}")
        self.place(node_id, element)
        raw = (element.get("type") or "").strip()
        tags: list[str] = []
        level = _LEVELS.get(raw) or _LEVEL_WORDS.get(raw.lower())
        if raw not in RESULT_TYPE:
            tags.append(f"iati:type={raw or '(none)'}")
        elif raw == "9":
            tags.append("iati:type=9")
        if element.get("aggregation-status") is not None:
            self.drop("aggregation-status")
        named, rest = _split(element)
        title = self.text(named.get("title"), "result title")
        if title is None:
            self.drop("result without a title (named 'Result N')")
        node: dict[str, Any] = {
            "id": node_id,
            "level": level or "outcome",
            "label": title or f"Result {n}",
            "tags": tags,
        }
        description = self.text(named.get("description"), "result description")
        if description is not None:
            node["description"] = description
        indicators: list[dict[str, Any]] = []
        for tag, child in rest:
            if tag == "indicator":
                indicators.append(self.indicator(child, node_id, len(indicators) + 1))
            elif tag in ("document-link", "reference"):
                self.drop(f"result {tag}")
            else:
                self.drop(tag or "element of another namespace")
        node["indicators"] = indicators
        return node

    def indicator(self, element: Any, node_id: str, k: int) -> dict[str, Any]:
        indicator_id = self.new_id(element, f"{node_id}.i{k}")
        self.place(indicator_id, element)
        self.place(indicator_id, element, "measure")
        named, rest = _split(element)
        title = self.text(named.get("title"), "indicator title")
        if title is None:
            self.drop("indicator without a title (named 'Indicator N')")
        out: dict[str, Any] = {"id": indicator_id, "label": title or f"Indicator {k}"}
        tags: list[str] = []
        raw = (element.get("measure") or "").strip()
        code = raw if raw in INDICATOR_MEASURE else _MEASURE_WORDS.get(raw.lower())
        if raw not in INDICATOR_MEASURE:
            tags.append(f"iati:measure={raw or '(none)'}")
        out["measure"] = int(code or "1")
        ascending = (element.get("ascending") or "").strip().lower()
        if ascending in _FALSE:
            out["ascending"] = False
        elif ascending and ascending not in _TRUE:
            tags.append(f"iati:ascending={ascending}")
        if element.get("aggregation-status") is not None:
            self.drop("aggregation-status")
        description = self.text(named.get("description"), "indicator description")
        if description is not None:
            out["description"] = description
        references: list[dict[str, Any]] = []
        baselines: list[dict[str, Any]] = []
        periods: list[dict[str, Any]] = []
        means: list[str] = []
        for tag, child in rest:
            if tag == "reference":
                reference = self.reference(child, indicator_id, tags)
                if reference:
                    references.append(reference)
            elif tag == "baseline":
                baselines.append(self.baseline(child, indicator_id, len(baselines)))
            elif tag == "period":
                periods.append(self.indicator_period(child, indicator_id, len(periods)))
            elif tag == "document-link":
                url = (child.get("url") or "").strip()
                if url:
                    means.append(url)
                    self.drop("document-link title, format and category (the url is kept)")
                else:
                    self.drop("document-link without a url")
            else:
                self.drop(tag or "element of another namespace")
        for key, value in (("reference", references), ("baselines", baselines), ("periods", periods)):
            if value:
                out[key] = value
        if means:
            out["means_of_verification"] = means
        if tags:
            out["tags"] = tags
        return out

    def reference(self, element: Any, indicator_id: str, tags: list[str]) -> dict[str, Any] | None:
        vocabulary = (element.get("vocabulary") or "").strip()
        code = (element.get("code") or "").strip()
        if not vocabulary or not code:
            self.drop("indicator reference without a vocabulary or code")
            return None
        self.place(indicator_id, element, "reference")
        reference = {"vocabulary": vocabulary, "code": code}
        uri = (element.get("indicator-uri") or "").strip()
        if uri:
            reference["url"] = uri
        return reference

    def value(self, element: Any, kind: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        raw = element.get("value")
        written = " ".join((raw or "").split())
        if written:
            reading = read_number(written)
            if reading is None:
                out["text"] = raw  # as written: prose in @value of a qualitative indicator
            else:
                out["value"] = reading.value
                if not reading.plain:
                    out["original"] = written
        dimensions: dict[str, str] = {}
        locations: list[str] = []
        for child in element:
            tag = child.tag
            if tag == "dimension":
                name, value = (child.get("name") or "").strip(), (child.get("value") or "").strip()
                if not name or not value or name in dimensions:
                    self.drop("dimension without a name or value, or repeated")
                else:
                    dimensions[name] = value
            elif tag == "location":
                ref = (child.get("ref") or "").strip()
                if ref:
                    locations.append(ref)
                else:
                    self.drop("location without a ref")
            elif tag == "comment":
                comment = self.text(child, f"{kind} comment")
                if comment is not None:
                    out["comment"] = comment
            elif tag == "document-link":
                self.drop(f"{kind} document-link")
            else:
                self.drop(_local(child) or "element of another namespace")
        if dimensions:
            out["dimensions"] = dimensions
        if locations:
            out["locations"] = locations
        return out

    def baseline(self, element: Any, indicator_id: str, k: int) -> dict[str, Any]:
        self.place(indicator_id, element, f"baselines[{k}]")
        out = self.value(element, "baseline")
        year = (element.get("year") or "").strip()
        if year.isdigit() and 1900 <= int(year) <= 2200:
            out["year"] = int(year)
        elif year:
            self.drop("baseline year outside 1900-2200 or not a year")
        day = _DATE.match((element.get("iso-date") or "").strip())
        if day:
            out["date"] = day.group(1)
        return out

    def indicator_period(self, element: Any, indicator_id: str, k: int) -> dict[str, Any]:
        self.place(indicator_id, element, f"periods[{k}]")
        named: dict[str, Any] = {}
        targets, actuals = [], []
        for child in element:
            tag = child.tag
            if tag == "target":
                targets.append(self.value(child, "target"))
            elif tag == "actual":
                actuals.append(self.value(child, "actual"))
            elif tag == "period-start" or tag == "period-end":
                named.setdefault(tag, child)
            else:
                self.drop(f"period {tag}" if _local(child) else "element of another namespace")
        out: dict[str, Any] = {}
        for tag, key in (("period-start", "start"), ("period-end", "end")):
            child = named.get(tag)
            if child is None:
                continue  # an undated milestone: kept, and the iati-period-undated rule says so
            day = _DATE.match((child.get("iso-date") or "").strip())
            if day is None:
                self.drop(f"{tag} without a readable iso-date (the period is kept without it)")
            else:
                out[key] = day.group(1)
        if "start" in out and "end" in out and out["start"] > out["end"]:
            raise self.fail(
                element,
                f"a period of indicator {indicator_id} ends ({out['end']}) before it starts ({out['start']})",
                "swap period-start and period-end",
            )
        if targets:
            out["targets"] = targets
        if actuals:
            out["actuals"] = actuals
        return out


def _split(element: Any) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """One pass over an element's children: the first ``title`` and ``description``, and the
    others in order with their local name ("" for another namespace's)."""
    named: dict[str, Any] = {}
    rest: list[tuple[str, Any]] = []
    for child in element:
        tag = child.tag
        if tag == "title" or tag == "description":
            named.setdefault(tag, child)
        else:
            rest.append((tag if isinstance(tag, str) and tag[:1] != "{" else "", child))
    return named, rest


def _inner(element: Any) -> str:
    """An element's text, with any markup inside it flattened to its text."""
    return " ".join("".join(element.itertext()).split()) if len(element) else (element.text or "").strip()


def _safe_id(text: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.:-]+", "-", text).strip("-._:")
    return (safe or "activity")[:200] if safe[:1].isalnum() else ("a-" + safe)[:200]
