"""Numbers as programmes write them: ``2,800,000``, ``2.800.000``, ``70 %``, ``10–12``, ``≥ 18``.

Reports, logframes and IATI files carry values as text. This module reads the number a
status can be computed from, and leaves the text as it was for display. The rules, in
order (docs/format.md, "Values as reported"):

* plain numbers: ``2800000``, ``-3``, ``0.75``, ``1e-07`` (JSON numbers that YAML reads as text);
* thousands separated by commas (``2,800,000``, ``1,234.5``), by points (``2.800.000``,
  ``1.234,5``: at least two groups, or a decimal comma after them), by spaces or
  thin spaces (``2 800 000``) or by apostrophes (``2'800'000``);
* a decimal comma: ``0,75`` or ``12,5`` (one or two digits after the comma; ``1,500`` is
  one thousand five hundred);
* a per cent sign, before or after, with or without a space: ``70 %``, ``70%``;
* a currency sign (``£ $ € ¥``), before or after: ``£3,500,000``, ``12 €`` (a currency
  indicator's values as published to IATI);
* a range ``10–12``, ``10-12``, ``10 to 12``: the lower end (the cautious reading of both
  a target and an achievement);
* a bound ``≥ 18``, ``>= 18``, ``at least 18``, ``min. 18``: the bound.

Anything else (``Dit cijfer wordt gehaald``, ``policy adopted``) is not a number.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Reading", "read_number"]


class Reading(NamedTuple):
    """What a reported text says as a number."""

    value: float
    percent: bool
    ranged: bool
    plain: bool
    """True when the text is a number as a program writes it (``1500``, ``1e-07``): nothing to keep."""


_SEP = r"[ \u00a0\u2009\u202f']"
_PLAIN = re.compile(r"^[-+−]?\d+(\.\d+)?([eE][-+]?\d+)?$")
_COMMA_THOUSANDS = re.compile(r"^[-+−]?\d{1,3}(,\d{3})+(\.\d+)?$")
_POINT_THOUSANDS = re.compile(r"^[-+−]?\d{1,3}((\.\d{3}){2,}(,\d+)?|\.\d{3},\d+)$")
_SPACE_THOUSANDS = re.compile(rf"^[-+−]?\d{{1,3}}({_SEP}\d{{3}})+([.,]\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[-+−]?\d+,\d{1,2}$")
_PERCENT = re.compile(r"^(%\s*)?(?P<n>.+?)(\s*%)?$")
_CURRENCY = re.compile(r"^[£$€¥]\s*(?P<n>.+)$|^(?P<m>.+?)\s*[£$€¥]$")
_RANGE = re.compile(r"^(?P<low>.+?)\s*(?:[–—-]|\s(?:to|tot|à)\s)\s*(?P<high>.+)$")
_BOUND = re.compile(r"^(?:≥|>=|>|at least|ten minste|au moins|minimum|minstens|min\.?)\s*(?P<n>.+)$", re.I)


def _number(text: str) -> float | None:
    text = text.replace("−", "-")
    if _PLAIN.match(text):
        return float(text)
    if _COMMA_THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if _POINT_THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _SPACE_THOUSANDS.match(text):
        return float(re.sub(_SEP, "", text).replace(",", "."))
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    return None


def _plain_or_percent(text: str) -> tuple[float, bool] | None:
    match = _PERCENT.match(text)
    if match is None:  # pragma: no cover - the pattern matches any non-empty text
        return None
    percent = text.startswith("%") or text.endswith("%")
    inner = match["n"].strip()
    money = None if percent else _CURRENCY.match(inner)
    value = _number((money["n"] or money["m"]).strip() if money else inner)
    return None if value is None else (value, percent)


def read_number(text: str) -> Reading | None:
    """The number ``text`` reports, or None when it is not one (see the module docstring)."""
    text = " ".join(text.split())
    if not text:
        return None
    bare = text.replace("−", "-")
    if _PLAIN.match(bare):  # the common case first: what the steps below would find, sooner
        return Reading(float(bare), False, False, True)
    plain = _plain_or_percent(text)
    if plain is not None:
        return Reading(plain[0], plain[1], False, _PLAIN.match(text.replace("−", "-")) is not None)
    bound = _BOUND.match(text)
    if bound is not None:
        inner = _plain_or_percent(bound["n"].strip())
        return None if inner is None else Reading(inner[0], inner[1], True, False)
    ranged = _RANGE.match(text)
    if ranged is not None:
        low = _plain_or_percent(ranged["low"].strip())
        high = _plain_or_percent(ranged["high"].strip())
        if low is not None and high is not None and low[0] <= high[0]:
            return Reading(low[0], low[1] or high[1], True, False)
    return None
