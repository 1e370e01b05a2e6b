"""Hypothesis strategies for random *valid* models (and for text meant to break the loader).

``models()`` builds a :class:`toc.model.Model` that the loader accepts: unique ids,
every reference resolving to the right kind of element. It deliberately includes what
is valid for the loader but questionable for the rules (links that go backwards, skip
levels, form cycles or loop on themselves; assumptions nobody tests), so that rule,
export and report code meets them. Sizes stay small (at most ~30 nodes) to keep the
suite fast.

``models(hostile_labels=True)`` fills every free text with the characters that break
naive writers: quotes, ``<>&{}|``, backslashes, newlines, tabs, non-ASCII, emoji,
surrounding spaces, YAML-looking text (``no``, ``null``, ``- x``, ``# x``, ``a: b``), Markdown
and HTML that would inject a link, an image or a script, and control characters that would
drive a terminal (ESC, BEL, CSI) or break XML.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from hypothesis import strategies as st

from toc.model import SECTIONS, Method, Model
from toc.model.base import date_bounds

__all__ = [
    "HOSTILE_IDS",
    "HOSTILE_STRINGS",
    "LANGUAGES",
    "dates",
    "hostile_text",
    "ids",
    "labels",
    "models",
    "plain_text",
    "shaped_data",
    "swapped_documents",
]

LANGUAGES = ("en", "nl", "fr", "fr-be", "de")
_HOSTILE_LANGUAGES = ("no", "on", "off", "yes", "nul")
"""Valid language codes that YAML 1.1 would read as booleans or null if written bare."""

HOSTILE_STRINGS = (
    "no",
    "No",
    "yes",
    "off",
    "null",
    "Null",
    "~",
    "true",
    "- x",
    "-",
    "# not a comment",
    "a # b",
    "key: value",
    "a:b",
    ": ",
    "? x",
    "!tag",
    "&anchor",
    "*alias",
    "%YAML",
    "@at",
    "`tick`",
    "'single'",
    '"double"',
    "it's",
    'say "hi"',
    "<b>bold</b> & <i>",
    "{curly}",
    "[square]",
    "a | b",
    "|",
    ">",
    "back\\slash",
    "C:\\path\\n",
    "line one\nline two",
    "trailing newline\n",
    "\nleading newline",
    "two\n\nparagraphs",
    "tab\there",
    "\tleading tab",
    " leading space",
    "trailing space ",
    "  ",
    " ",
    "crlf\r\nline",
    "Gemeenten ↔ VVSG",
    "Ünïcödé — «quotes» ‘curly’",
    "日本語のラベル",
    "مرحبا",
    "emoji 🚰💧🙂",
    "1.5",
    "0x1F",
    "1e3",
    "2018-10-05",
    "12:30",
    "=",
    "<<",
    "...",
    "---",
    "---\nfoo",
    "\u00a0non-breaking",
    "zero\u200bwidth",
    "\x85nel",
    "line\u2028separator",
    "bell\x07",
    "\ufeffbom",
    "[x](https://evil.example) ![t](https://evil.example/p.png)",
    "[ref][1]\n\n[1]: https://evil.example",
    "<https://evil.example> <img src=x onerror=alert(1)>",
    "<script>alert(1)</script><!-- c -->",
    "# heading",
    "1. item",
    "> quote",
    "`code` *em* _em_ ~~s~~ $m$ &lt; &#60;",
    "]]> <![CDATA[ &",
    "title \x1b]0;pwned\x07",
    "hide \x1b[8mtext\x1b[0m",
    "csi \x9b31m red",
    "cr\roverwrite",
    "nul\x00 del\x7f vt\x0b ff\x0c",
    "\ufffe\uffff",
)
"""Texts that a YAML writer must quote or escape to read back unchanged."""

HOSTILE_IDS = (
    "no",
    "yes",
    "null",
    "true",
    "off",
    "NULL",
    "1",
    "007",
    "1.5",
    "1e3",
    "0x1F",
    "0o17",
    "1_000",
    "12:30",
    "2018-10-05",
    "2018",
    "a:b",
    "x.y-z_1",
)
"""Valid ids that YAML would read as something other than text if written bare."""

_ID_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_ID_REST = _ID_FIRST + "_.:-"


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèë0123456789"
_PLAIN = st.tuples(st.sampled_from(_LETTERS), st.text(alphabet=_LETTERS + " ", max_size=19)).map("".join)


@functools.cache
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    """Cached: building strategies anew on every draw is most of the generation time."""
    return st.integers(low, high)


@functools.cache
def _pick_cached(choices: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(choices)


def _pick(choices: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """``sampled_from`` for a constant tuple, built once."""
    return _pick_cached(choices)


def _choose(draw: st.DrawFn, items: list[str]) -> str:
    """One of ``items`` (a list that changes from model to model)."""
    return items[draw(_ints(0, len(items) - 1))]


def plain_text() -> st.SearchStrategy[str]:
    """Short, readable, one-line text."""
    return _PLAIN


def hostile_text() -> st.SearchStrategy[str]:
    """Text made to trip a writer: fixed nasties, combinations of them, and arbitrary unicode."""
    fixed = _pick(HOSTILE_STRINGS)
    return st.one_of(
        fixed,
        st.tuples(fixed, fixed).map("".join),
        st.text(min_size=1, max_size=12),
        plain_text(),
    )


def ids(hostile: bool = False) -> st.SearchStrategy[str]:
    """One valid id (not necessarily unique)."""
    regular = st.tuples(_pick(tuple(_ID_FIRST)), st.text(alphabet=_ID_REST, min_size=0, max_size=8)).map(
        "".join
    )
    return st.one_of(_pick(HOSTILE_IDS), regular) if hostile else regular


@functools.cache
def labels(hostile: bool = False, languages: tuple[str, ...] = LANGUAGES) -> st.SearchStrategy[Any]:
    """A Text value: a string, or a mapping of language codes to strings."""
    one = hostile_text() if hostile else plain_text()
    if not languages:
        return one
    return st.one_of(
        one,
        st.dictionaries(_pick(languages), one, min_size=1, max_size=len(languages)),
    )


@st.composite
def spans(draw: st.DrawFn) -> str:
    """An ISO 8601 span of two partial dates, start first (``2018-10/2019-02``)."""
    first, second = sorted((draw(dates()), draw(dates())))
    return f"{first}/{second}"


@st.composite
def dates(draw: st.DrawFn) -> str:
    """A partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD."""
    year = draw(_ints(1990, 2035))
    precision = draw(_ints(0, 2))
    if precision == 0:
        return f"{year:04d}"
    month = draw(_ints(1, 12))
    if precision == 1:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{draw(_ints(1, 28)):02d}"


@st.composite
def _period(draw: st.DrawFn) -> dict[str, str]:
    a, b = draw(dates()), draw(dates())
    if date_bounds(a)[0] > date_bounds(b)[1]:
        a, b = b, a
    return {"start": a, "end": b}


@st.composite
def _milestone_dates(draw: st.DrawFn) -> dict[str, str]:
    """Mostly both dates; sometimes none (an undated milestone) or only one."""
    span = draw(_period())
    which = draw(_ints(0, 7))
    return {} if which == 0 else {"start": span["start"]} if which == 1 else span


_FLOATS = st.one_of(
    _ints(-1000, 100_000).map(float),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
    _pick((0.0, 0.5, 12.5, 1e-7, 123456789.125, 1e20)),
)
_UNIT = st.floats(0, 1, allow_nan=False)

_METHODS = tuple(m.value for m in Method)
_LEVELS = ("activity", "output", "outcome", "impact")
_RANK = {level: i for i, level in enumerate(_LEVELS)}


class _Ids:
    """Hands out ids unique across the model; hostile ones first when asked for."""

    def __init__(self, draw: st.DrawFn, hostile: bool) -> None:
        self.draw = draw
        self.hostile = hostile
        self.used: set[str] = set()
        self.count = 0

    def new(self, prefix: str) -> str:
        candidate = self.draw(ids(self.hostile)) if self.draw(st.booleans()) else ""
        if not candidate or candidate in self.used:
            self.count += 1
            candidate = f"{prefix}{self.count}"
        self.used.add(candidate)
        return candidate


def _some(draw: st.DrawFn, items: list[str], max_size: int = 3, min_size: int = 0) -> list[str]:
    """Up to ``max_size`` distinct items, in drawn order."""
    if not items:
        return []
    out: list[str] = []
    for _ in range(draw(_ints(min_size, max_size))):
        item = items[draw(_ints(0, len(items) - 1))]
        if item not in out:
            out.append(item)
    return out


def _coin(draw: st.DrawFn) -> bool:
    return draw(st.booleans())


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[Any]) -> Any:
    return draw(strategy) if _coin(draw) else None


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Drop the Nones so the model's defaults apply."""
    return {k: v for k, v in data.items() if v is not None}


@st.composite
def _model_data(draw: st.DrawFn, hostile: bool, max_nodes: int) -> dict[str, Any]:
    new = _Ids(draw, hostile)
    pool = LANGUAGES + (_HOSTILE_LANGUAGES if hostile else ())
    languages: list[str] = draw(st.lists(_pick(pool), max_size=3, unique=True))
    text = labels(hostile, tuple(languages) or ("en",))
    plain = labels(False, tuple(languages) or ("en",))

    sources = [
        _clean(
            {
                "id": new.new("src"),
                "title": draw(text),
                "author": _maybe(draw, text),
                "date": _maybe(draw, dates()),
                "kind": _maybe(draw, _pick(("evaluation-report", "logframe", "proposal", "other"))),
                "url": _maybe(draw, st.just("https://example.org/report.pdf")),
            }
        )
        for _ in range(draw(_ints(0, 3)))
    ]
    source_ids = [s["id"] for s in sources]

    def cite() -> list[Any] | None:
        if draw(_ints(0, 3)) != 0:
            return None
        out: list[Any] = []
        for _ in range(draw(_ints(1, 2))):
            locator = draw(hostile_text() if hostile else _pick(("p. 14", "para 58", "Tabel 3", "§2.1")))
            if source_ids and _coin(draw):
                out.append({"source": _choose(draw, source_ids), "locator": locator})
            else:
                out.append({"locator": locator})
        return out

    def suppress() -> list[dict[str, str]] | None:
        if draw(_ints(0, 5)) != 0:
            return None
        rule = draw(_pick(("missing-indicator", "untested-assumption", "level-skip")))
        return [{"rule": rule, "reason": draw(hostile_text() if hostile else plain_text())}]

    def tags() -> list[str] | None:
        return draw(st.lists(_pick(("logframe", "pilot", "p1")), max_size=2, unique=True)) or None

    def element(prefix: str, **fields: Any) -> dict[str, Any]:
        return _clean(
            {"id": new.new(prefix), **fields, "cite": cite(), "suppress": suppress(), "tags": tags()}
        )

    components = [
        element("comp", label=draw(text), description=_maybe(draw, text)) for _ in range(draw(_ints(0, 2)))
    ]
    component_ids = [c["id"] for c in components]

    # nodes, bottom to top; every level present once there are four or more
    n_nodes = draw(_ints(0, max_nodes))
    levels = [_LEVELS[min(i, 3)] for i in range(min(n_nodes, 4))]
    levels += draw(st.lists(_pick(_LEVELS), min_size=n_nodes - len(levels), max_size=n_nodes - len(levels)))
    levels.sort(key=_RANK.__getitem__)
    nodes: list[dict[str, Any]] = []
    for level in levels:
        indicators = []
        if level != "activity":
            for _ in range(draw(_ints(0, 2))):
                indicators.append(_indicator(draw, new, text, cite, suppress))
        nodes.append(
            element(
                level[:3],
                level=level,
                label=draw(text),
                description=_maybe(draw, text),
                horizon=_maybe(draw, _pick(("short", "intermediate", "long")))
                if level == "outcome"
                else None,
                owner=_maybe(draw, plain),
                component=_choose(draw, component_ids) if component_ids and _coin(draw) else None,
                tags=draw(st.lists(hostile_text() if hostile else plain_text(), max_size=2)) or None,
                indicators=indicators or None,
                unintended=True if level != "activity" and draw(_ints(0, 6)) == 0 else None,
                negative=True if level in ("outcome", "impact") and draw(_ints(0, 6)) == 0 else None,
                verdict=_verdict(draw, text) if level != "activity" else None,
            )
        )
    node_ids = [n["id"] for n in nodes]
    node_level = {n["id"]: n["level"] for n in nodes}
    indicator_ids = [i["id"] for n in nodes for i in n.get("indicators", [])]

    # assumptions first (links name them), then links
    assumptions = [
        element(
            "as",
            statement=draw(text),
            kind=_maybe(draw, _pick(("assumption", "condition", "risk"))),
            importance=_maybe(draw, _pick(("low", "medium", "high"))),
            likelihood=_maybe(draw, _pick(("almost-certain", "likely", "unlikely"))),
            status=_maybe(draw, _pick(("untested", "supported", "contradicted", "mixed"))),
            mitigation=_maybe(draw, text),
            rationale=_maybe(draw, text),
            prior=_maybe(draw, _UNIT),
        )
        for _ in range(draw(_ints(0, max(1, n_nodes // 3))))
    ]
    assumption_ids = [a["id"] for a in assumptions]

    links: list[dict[str, Any]] = []
    if node_ids:
        for _ in range(draw(_ints(0, n_nodes + n_nodes // 2))):
            src = _choose(draw, node_ids)
            style = draw(_ints(0, 9))
            if style < 7:  # upward by one level: the usual case
                wanted = [i for i in node_ids if _RANK[node_level[i]] == _RANK[node_level[src]] + 1]
            elif style < 9:  # anything: backwards, sideways, skipping levels, cycles
                wanted = node_ids
            else:  # a self-loop
                wanted = [src]
            if not wanted:
                continue
            dst = _choose(draw, wanted)
            default = f"{src}->{dst}"
            explicit = default in new.used or draw(_ints(0, 7)) == 0
            link_id = new.new("l") if explicit else default
            new.used.add(link_id)
            links.append(
                _clean(
                    {
                        "id": link_id if explicit else None,
                        "from": src,
                        "to": dst,
                        "kind": _maybe(draw, _pick(("contributes-to", "precondition-of"))),
                        "rationale": _maybe(draw, text),
                        "assumptions": _some(draw, assumption_ids, 2) or None,
                        "prior": _maybe(draw, _UNIT),
                        "cite": cite(),
                        "suppress": suppress(),
                    }
                )
            )
    link_ids = [link.get("id") or f"{link['from']}->{link['to']}" for link in links]
    for assumption in assumptions:
        applies = _some(draw, link_ids + node_ids, 2)
        if applies:
            assumption["applies_to"] = applies

    claims = [
        element(
            "cl",
            statement=draw(text),
            about=_choose(draw, node_ids + link_ids),
            prior=_maybe(draw, _UNIT),
        )
        for _ in range(draw(_ints(0, 2)) if node_ids else 0)
    ]
    claim_ids = [c["id"] for c in claims]

    harvest = [
        element(
            "hv",
            change=draw(text),
            social_actor=_maybe(draw, text),
            when=_maybe(draw, dates()),
            where=_maybe(draw, plain),
            significance=_maybe(draw, text),
            contribution=_maybe(draw, text),
            substantiation=_maybe(draw, text),
            relates_to=_some(draw, node_ids + link_ids, 2) or None,
        )
        for _ in range(draw(_ints(0, 1)))
    ]
    harvest_ids = [h["id"] for h in harvest]

    claimable = assumption_ids + link_ids + node_ids + claim_ids + indicator_ids
    evidence: list[dict[str, Any]] = []
    if claimable:
        for _ in range(draw(_ints(0, 2 * len(assumption_ids) + 2))):
            favoured = assumption_ids if assumption_ids and _coin(draw) else claimable
            evidence.append(
                element(
                    "ev",
                    about=_some(draw, favoured, 2, min_size=1),
                    summary=draw(text),
                    method=draw(_pick(_METHODS)),
                    source=_maybe(draw, _pick(("household survey 2025", "interviews", "site visits"))),
                    sample_size=_maybe(draw, _ints(1, 5000)),
                    date=_maybe(draw, st.one_of(dates(), spans())),
                    stance=draw(_pick(("supports", "contradicts", "mixed"))),
                    strength=_maybe(draw, _pick(("weak", "moderate", "strong"))),
                    test=_maybe(draw, _pick(("straw-in-the-wind", "hoop", "smoking-gun", "doubly-decisive"))),
                    sensitivity=_maybe(draw, _UNIT),
                    type_i_error=_maybe(draw, _UNIT),
                    found=_maybe(draw, st.booleans()),
                    group=_maybe(draw, _pick(("g1", "g2"))),
                    harvest=_choose(draw, harvest_ids) if harvest_ids and _coin(draw) else None,
                )
            )

    pathways = [
        element(
            "pw",
            label=draw(text),
            description=_maybe(draw, text),
            links=_some(draw, link_ids, 4, min_size=1),
        )
        for _ in range(draw(_ints(0, 2)) if link_ids else 0)
    ]

    referable = [*claimable, *source_ids, *component_ids, *harvest_ids, *(p["id"] for p in pathways)]
    recommendations = [
        element(
            "rec",
            text=draw(text),
            responds_to=_some(draw, referable, 2) or None,
            addressee=_maybe(draw, plain),
            priority=_maybe(draw, _pick(("high", "low"))),
        )
        for _ in range(draw(_ints(0, 2)))
    ]

    programme = _clean(
        {
            "id": draw(ids(hostile)),
            "title": draw(text),
            "description": _maybe(draw, text),
            "period": _maybe(draw, _period()),
            "budget": _maybe(
                draw,
                st.builds(
                    lambda amount, currency: {"amount": amount, "currency": currency},
                    st.one_of(_ints(0, 10**9).map(float), st.floats(0, 1e9, allow_nan=False)),
                    _pick(("EUR", "USD", "XOF")),
                ),
            ),
            "funder": _maybe(draw, text),
            "implementer": _maybe(draw, text),
            "country": _maybe(draw, _pick(("BE", "Burkina Faso"))),
            "ceiling_of_accountability": (
                draw(st.lists(_pick(tuple(node_ids)), min_size=1, max_size=2, unique=True))
                if node_ids and _coin(draw)
                else None
            ),
        }
    )
    data: dict[str, Any] = {"toc": 1, "programme": programme}
    if draw(_ints(0, 4)) == 0:
        data["settings"] = _clean(
            {"tolerance": draw(_pick((0.0, 0.1, 0.5))), "rating_scale": _maybe(draw, _pick(("fcdo",)))}
        )
    if languages:
        data["languages"] = languages
    for name, items in (
        ("sources", sources),
        ("components", components),
        ("nodes", nodes),
        ("links", links),
        ("assumptions", assumptions),
        ("evidence", evidence),
        ("claims", claims),
        ("pathways", pathways),
        ("recommendations", recommendations),
        ("harvest", harvest),
    ):
        if items:
            data[name] = items
    return data


_DIMENSIONS = ({"sex": "female"}, {"sex": "male"}, {"district": "Kasese"}, {"age": "15-24", "sex": "female"})


def _value(draw: st.DrawFn, text: st.SearchStrategy[Any], qualitative: bool, dated: bool) -> Any:
    """A baseline, target or actual in one of the shapes a user writes (toc.model.indicators)."""
    shape = draw(_ints(0, 5))
    if shape == 0 and not qualitative and not dated:
        return draw(_FLOATS)  # target: 12
    if shape == 1 and not dated:
        return draw(_pick(("2,800,000", "2.800.000", "70 %", "10–12", "at least 18", "policy adopted")))
    value: dict[str, Any] = {
        "value": None if qualitative else draw(_FLOATS),
        "text": draw(text) if qualitative and _coin(draw) else None,
        "comment": _maybe(draw, text),
    }
    if dated:
        value["year"] = draw(_ints(1990, 2035))
        value["date"] = _maybe(draw, dates())
    if shape == 2:
        value["dimensions"] = dict(_DIMENSIONS[draw(_ints(0, len(_DIMENSIONS) - 1))])
    if shape == 3:
        value["locations"] = ["KE-Kasese"]
    if shape == 4 and not qualitative:
        value["original"] = "about " + str(value["value"])
        value["cite"] = "Tabel 3"
    return _clean(value)


def _values(draw: st.DrawFn, text: st.SearchStrategy[Any], qualitative: bool, dated: bool) -> Any:
    """None, one value, or a list of them (a total and its parts)."""
    count = draw(_ints(0, 3))
    if count == 0:
        return None
    values = [_value(draw, text, qualitative, dated) for _ in range(count)]
    return values[0] if count == 1 and _coin(draw) else values


def _verdict(draw: st.DrawFn, text: st.SearchStrategy[Any]) -> dict[str, Any] | None:
    if draw(_ints(0, 3)) != 0:
        return None
    return _clean(
        {
            "status": draw(_pick(("achieved", "on-track", "off-track", "not-achieved"))),
            "quote": _maybe(draw, text),
            "summary": _maybe(draw, text),
            "by": _maybe(draw, text),
            "date": _maybe(draw, dates()),
            "cite": _maybe(draw, _pick(("para 84", "Tabel 6"))),
        }
    )


def _indicator(
    draw: st.DrawFn, new: _Ids, text: st.SearchStrategy[Any], cite: Any, suppress: Any
) -> dict[str, Any]:
    qualitative = draw(_ints(0, 4)) == 0
    periods = []
    for number in range(draw(_ints(0, 3))):
        period: dict[str, Any] = draw(_milestone_dates())
        period["label"] = f"Milestone {number + 1}" if _coin(draw) else None
        period["target"] = _values(draw, text, qualitative, dated=False)
        period["actual"] = _values(draw, text, qualitative, dated=False)
        period["verdict"] = _verdict(draw, text)
        periods.append(_clean(period))
    return _clean(
        {
            "id": new.new("ind"),
            "label": draw(text),
            "description": _maybe(draw, text),
            "measure": "qualitative"
            if qualitative
            else _maybe(draw, _pick(("unit", "percentage", "nominal", "ordinal"))),
            "ascending": _maybe(draw, st.booleans()),
            "unit": _maybe(draw, _pick(("households", "%", "EUR"))),
            "baseline": _values(draw, text, qualitative, dated=True),
            "periods": periods or None,
            "means_of_verification": draw(st.lists(text, max_size=2)) or None,
            "reference": [{"vocabulary": "9", "code": "6.1.1"}] if draw(_ints(0, 5)) == 0 else None,
            "verdict": _verdict(draw, text),
            "comment": _maybe(draw, text),
            "measured": _maybe(draw, st.booleans()),
            "cite": cite(),
            "suppress": suppress(),
        }
    )


def model_data(hostile_labels: bool = False, max_nodes: int = 30) -> st.SearchStrategy[dict[str, Any]]:
    """The plain data of a valid model (what ``Model.model_validate`` takes)."""
    return _model_data(hostile_labels, max_nodes)


def models(hostile_labels: bool = False, max_nodes: int = 30) -> st.SearchStrategy[Model]:
    """Random valid models (see the module docstring)."""
    return model_data(hostile_labels, max_nodes).map(Model.model_validate)


# --- documents in both shapes, and type swaps of their collections ---------------------------------

TOP_KEYS = ("toc", "languages", "programme", *SECTIONS, "logframe")
"""Every top-level key of a model file."""
NESTED_KEYS = ("outcomes", "outputs", "activities", "indicators", "assumptions", "link", "evidence")
"""The collections written inside the logframe shape (on a node, or inside an inline assumption)."""
SWAPS: tuple[Any, ...] = (
    None,
    0,
    3,
    2.5,
    True,
    "text",
    "",
    {},
    {"a": 1},
    {"id": "x"},
    [],
    [1, 2],
    ["x"],
    [None],
)
"""What a hand edit leaves where a collection was: nothing, a scalar, a mapping, a list of scalars."""


@st.composite
def _logframe(draw: st.DrawFn, taken: set[str]) -> dict[str, Any]:
    """A logframe hierarchy with inline assumptions (with inline evidence), indicators, links and
    preconditions; ids do not collide with ``taken``. One child is sometimes written on its own."""
    count = iter(range(10_000))

    def new(prefix: str) -> str:
        ident = f"lf-{prefix}{next(count)}"
        taken.add(ident)
        return ident

    def assumption() -> Any:
        body: dict[str, Any] = {"id": new("as"), "statement": "It holds"}
        if _coin(draw):
            body["evidence"] = [
                {"id": new("ev"), "summary": "Seen", "method": "survey", "stance": "supports"}
                for _ in range(draw(_ints(1, 2)))
            ]
        return body

    def node(level: str, depth: int) -> dict[str, Any]:
        body: dict[str, Any] = {"id": new(level[:3]), "label": f"A {level}"}
        if level != "activity" and _coin(draw):
            body["indicators"] = [{"id": new("ind"), "label": "Counted"}]
        if _coin(draw):
            body["assumptions"] = [assumption() for _ in range(draw(_ints(1, 2)))]
        if level != "impact" and _coin(draw):
            body["link"] = {"prior": 0.5}
        below = {
            "impact": ("outcomes", "outcome"),
            "outcome": ("outputs", "output"),
            "output": ("activities", "activity"),
        }
        if level in below and depth < 3:
            key, child = below[level]
            children = [node(child, depth + 1) for _ in range(draw(_ints(0, 2)))]
            if len(children) == 1 and _coin(draw):
                body[key] = children[0]
            elif children:
                body[key] = children
        return body

    frame: dict[str, Any] = {}
    if _coin(draw):
        frame["preconditions"] = [
            {"id": new("pre"), "statement": "Permits granted"} for _ in range(draw(_ints(1, 2)))
        ]
    if _coin(draw):
        frame["impact"] = node("impact", 0)
    else:
        frame["outcomes"] = [node("outcome", 1) for _ in range(draw(_ints(1, 2)))]
    return frame


@st.composite
def shaped_data(draw: st.DrawFn) -> dict[str, Any]:
    """The plain data of a valid model file in the free-graph shape (evidence sometimes written
    inside its assumption), the logframe shape, or both."""
    from toc.io.write import model_to_data

    shape = draw(_pick(("graph", "logframe", "both")))
    data: dict[str, Any] = model_to_data(Model.model_validate(draw(model_data(max_nodes=6))))
    if shape == "logframe":
        programme = {k: v for k, v in data["programme"].items() if k != "ceiling_of_accountability"}
        data = {"toc": data["toc"], "programme": programme}
    else:  # evidence about an assumption moves inside it
        assumptions = {a["id"]: a for a in data.get("assumptions", [])}
        kept = []
        for item in data.get("evidence", []):
            about = item.get("about", [])
            owner = next((assumptions[a] for a in about if a in assumptions), None)
            if owner is not None and _coin(draw):
                rest = [a for a in about if a != owner["id"]]
                owner.setdefault("evidence", []).append(
                    {**item, "about": rest} if rest else {k: v for k, v in item.items() if k != "about"}
                )
            else:
                kept.append(item)
        if "evidence" in data:
            data["evidence"] = kept
    if shape != "graph":
        taken = {e.get("id") for section in SECTIONS for e in data.get(section, []) if isinstance(e, dict)}
        data["logframe"] = draw(_logframe({t for t in taken if isinstance(t, str)}))
    return data


def _containers(value: Any, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every mapping inside ``value``."""
    if isinstance(value, dict):
        out.append(value)
        for item in value.values():
            _containers(item, out)
    elif isinstance(value, list):
        for item in value:
            _containers(item, out)
    return out


@st.composite
def swapped_documents(draw: st.DrawFn) -> dict[str, Any]:
    """:func:`shaped_data` with one to three collections (or other keys) of the wrong type: any
    top-level key, or one written inside the logframe or an inline assumption."""
    data = draw(shaped_data())
    for _ in range(draw(_ints(1, 3))):
        value = copy.deepcopy(SWAPS[draw(_ints(0, len(SWAPS) - 1))])
        nested = _containers(data.get("logframe"), []) + _containers(data.get("assumptions"), [])
        if nested and _coin(draw):
            target = nested[draw(_ints(0, len(nested) - 1))]
            target[draw(_pick(NESTED_KEYS))] = value
        else:
            data[draw(_pick(TOP_KEYS))] = value
    return data
