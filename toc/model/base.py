"""Shared building blocks: ids, multilingual text, citations, suppressions."""

from __future__ import annotations

import calendar
import functools
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

__all__ = [
    "Citation",
    "DateOrSpan",
    "Element",
    "Id",
    "LangCode",
    "LinkId",
    "PartialDate",
    "Strict",
    "Suppression",
    "Text",
    "as_list",
    "date_bounds",
    "text_in",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=200)]
"""An element id: letters, digits and ``_ . : -``; unique across the whole model."""

LinkId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*(->[A-Za-z0-9][A-Za-z0-9_.:-]*)?$")
]
"""A link id; a link without one is called ``FROM->TO``."""

LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
"""A BCP 47 language tag in lower case (``nl``, ``en``, ``fr-be``)."""

NonEmpty = Annotated[str, StringConstraints(min_length=1)]

Text = NonEmpty | dict[LangCode, NonEmpty]
"""Human-readable text: one string, or one string per language code."""

_DATE_TEXT = Annotated[str, StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]


def _year_as_text(value: Any) -> Any:
    """``start: 2020`` is read by YAML as a number; a bare year is still a partial date."""
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    return value


PartialDate = Annotated[
    _DATE_TEXT,
    BeforeValidator(
        _year_as_text,
        json_schema_input_type=_DATE_TEXT | Annotated[int, Field(ge=1000, le=9999)],
    ),
]
"""An ISO 8601 date that may stop at the year or month (``2018``, ``2018-10``)."""

_D = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
_SPAN_TEXT = Annotated[str, StringConstraints(pattern=rf"^{_D}(/{_D})?$")]


@functools.lru_cache(maxsize=4096)
def date_bounds(value: str) -> tuple[str, str]:
    """The first and last day a partial date covers, as ISO text (``2018`` → 2018-01-01, 2018-12-31)."""
    parts = value.split("-")
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        days = calendar.monthrange(year, month)[1]
        return f"{value}-01", f"{value}-{days:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def check_order(start: str, end: str) -> None:
    """Refuse a period that starts after it ends (partial dates compared by the days they cover)."""
    if date_bounds(start)[0] > date_bounds(end)[1]:
        raise ValueError(f"period starts ({start}) after it ends ({end})")


def _ordered_span(value: str) -> str:
    if "/" in value:
        start, end = value.split("/")
        if date_bounds(start)[0] > date_bounds(end)[1]:
            raise ValueError(f"the span {value!r} ends before it starts")
    return value


DateOrSpan = Annotated[
    _SPAN_TEXT,
    BeforeValidator(
        _year_as_text,
        json_schema_input_type=_SPAN_TEXT | Annotated[int, Field(ge=1000, le=9999)],
    ),
    AfterValidator(_ordered_span),
]
"""A partial date, or an ISO 8601 span of two (``2018-10/2019-02``) for fieldwork over months."""


def as_list(value: Any) -> Any:
    """Accept one item where a list is expected: ``cite: para 58``."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class Strict(BaseModel):
    """Base for every model type: unknown keys are errors, values are checked on assignment."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        populate_by_name=True,
        str_strip_whitespace=False,
        use_enum_values=False,
    )


class Citation(Strict):
    """Where a claim is made: a source document and a locator inside it (``para 58``, ``Tabel 3``).

    Written as a plain string, it is a locator in the model's first source.
    """

    source: Id | None = None
    locator: NonEmpty

    def __str__(self) -> str:
        return self.locator if self.source is None else f"{self.source}: {self.locator}"


def _citation(value: Any) -> Any:
    return {"locator": value} if isinstance(value, str) else value


_OneCitation = Annotated[Citation, BeforeValidator(_citation, json_schema_input_type=Citation | str)]
Cite = Annotated[
    list[_OneCitation],
    BeforeValidator(as_list, json_schema_input_type=_OneCitation | list[_OneCitation]),
]
"""Citations: a list, or one; each a ``{source, locator}`` mapping or a plain locator string."""


class Suppression(Strict):
    """Silence one rule on this element; the reason is required and is reported."""

    rule: NonEmpty
    reason: NonEmpty


class Element(Strict):
    """Anything with an id: it can be cited, referred to, and have rules suppressed on it."""

    id: Id
    cite: Cite = Field(default_factory=list, description="Where the source document says this.")
    suppress: list[Suppression] = Field(default_factory=list)
    tags: list[NonEmpty] = Field(default_factory=list, description="Free labels for your own grouping.")


def text_in(text: Text | None, lang: str | None = None, fallback: str | None = None) -> str:
    """The text in ``lang``, else ``fallback``, else the first language given."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for code in (lang, fallback):
        if code is not None and code in text:
            return text[code]
    return next(iter(text.values()), "")


_WS = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Collapse whitespace so a label quoted in a message stays on one line."""
    return _WS.sub(" ", text).strip()
