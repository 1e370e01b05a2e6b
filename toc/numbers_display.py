"""Numbers for people to read: thousands grouped and the decimal mark as each language writes them.

The symbols are the Unicode CLDR number symbols of the Latin digits (``common/main/<lang>.xml``,
``numbers/symbols[@numberSystem="latn"]``): English groups with a comma and marks decimals with a
point (2,800,000.5); Dutch and German group with a point and mark decimals with a comma
(2.800.000,5); French groups with a narrow no-break space (U+202F) and marks decimals with a
comma (2 800 000,5). All four group from the fourth digit on (CLDR ``minimumGroupingDigits`` 1),
and put a space between a number and its per cent sign except English (``#,##0%`` against
``#,##0 %``). A value's ``original`` — the text as reported — is shown as it was written.

Display only: no status is computed from these strings (toc.model.numbers reads numbers).
"""

from __future__ import annotations

from toc.model import Indicator, IndicatorPeriod, Measure, Value
from toc.model.base import text_in
from toc.words import word

__all__ = ["latest", "period_name", "series", "show_number", "show_value", "trend", "unit_of"]

_SYMBOLS = {"en": (",", "."), "nl": (".", ","), "de": (".", ","), "fr": ("\u202f", ",")}
_PERCENT_SPACE = {"en": "", "nl": "\u00a0", "de": "\u00a0", "fr": "\u202f"}


def show_number(value: float | None, lang: str | None = None, *, percent: bool = False) -> str:
    """``value`` with the language's grouping and decimal mark (at most two decimals); ``–`` for None."""
    if value is None:
        return "–"
    group, decimal = _SYMBOLS.get(lang or "en", _SYMBOLS["en"])
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:g}"
    text = text.replace(",", "\0").replace(".", decimal).replace("\0", group)
    if text in ("-0", "−0"):
        text = "0"
    if percent:
        text += _PERCENT_SPACE.get(lang or "en", "") + "%"
    return text


def show_value(
    value: Value | None, indicator: Indicator, lang: str | None = None, most: int | None = None
) -> str:
    """A reported value as a person reads it: its original text where given, else the number
    (grouped, with % or the unit), else its text; ``–`` when nothing is reported. ``most``
    shortens a value in words (a quote from a report) to about that many characters, for a
    diagram box; tables and panels show it whole."""
    if value is None:
        return "–"
    if value.original is not None:
        return value.original
    if value.value is None:
        words = text_in(value.text, lang) or text_in(value.comment, lang) or "–"
        return words if most is None else shortened(words, most)
    percent = indicator.measure is Measure.PERCENTAGE
    return show_number(value.value, lang, percent=percent)


def shortened(text: str, most: int) -> str:
    """``text`` cut at the last space before ``most`` characters, with ``…``; as it is when short."""
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    if not text[most - 1].isspace():  # the cut falls inside a word: end at the word before
        space = cut.rfind(" ")
        cut = cut[:space] if space > most // 2 else cut
    return cut.rstrip(" ,;:.") + "…"


def trend(indicator: Indicator, period: IndicatorPeriod | None) -> str:
    """↑, ↓ or → : how the total actual of ``period`` moved from the period before it that has
    one (else from the baseline); empty when there is nothing to compare."""
    if period is None or period.actual is None or period.actual.value is None:
        return ""
    before: float | None = indicator.baseline.value if indicator.baseline else None
    for earlier in indicator.periods:
        if earlier is period:
            break
        if earlier.actual is not None and earlier.actual.value is not None:
            before = earlier.actual.value
    if before is None:
        return ""
    now = period.actual.value
    return "↑" if now > before else "↓" if now < before else "→"


def period_span(period: IndicatorPeriod, joiner: str = "–") -> str:
    """The period's dates, ``…`` for one that is missing (``2019–…``); "" when it has neither."""
    if period.start is None and period.end is None:
        return ""
    return f"{period.start or '…'}{joiner}{period.end or '…'}"


def period_name(period: IndicatorPeriod, lang: str | None = None) -> str:
    """The milestone's label where given, else its dates (:func:`period_span`), else 'undated'."""
    if period.label:
        return text_in(period.label, lang)
    return period_span(period) or word("undated", lang)


def period_dates(period: IndicatorPeriod, lang: str | None = None) -> str:
    """``2019-01–2019-12`` for messages that name a period by its dates; an undated period
    by its name."""
    return period_span(period) if period.dated else period_name(period, lang)


def latest(
    indicator: Indicator, period: IndicatorPeriod | None, lang: str | None = None, most: int | None = None
) -> str:
    """``baseline 0 · target 2,000,000 · actual 1,500,000 ↑``: the period a status speaks for,
    each figure named (never a bare ``0 → 2000000``); ``most`` as for :func:`show_value`."""
    parts = [f"{word('baseline', lang)} {show_value(indicator.baseline, indicator, lang, most)}"]
    if period is not None:
        parts.append(f"{word('target', lang)} {show_value(period.target, indicator, lang, most)}")
        actual = f"{word('actual', lang)} {show_value(period.actual, indicator, lang, most)}"
        mark = trend(indicator, period)
        parts.append(f"{actual} {mark}" if mark else actual)
    return " · ".join(parts) + unit_of(indicator, lang)


def unit_of(indicator: Indicator, lang: str | None = None) -> str:
    """`` (km)``: the indicator's unit, when it has one."""
    return f" ({text_in(indicator.unit, lang)})" if indicator.unit else ""


def series(indicator: Indicator, lang: str | None = None) -> list[str]:
    """Every milestone in order: ``Year 1: target 10, actual 8``; a judged one says so."""
    out = []
    for period in indicator.periods:
        target = show_value(period.target, indicator, lang)
        actual = show_value(period.actual, indicator, lang)
        text = (
            f"{period_name(period, lang)}: {word('target', lang)} {target}, {word('actual', lang)} {actual}"
        )
        if period.verdict is not None:
            text += f" ({word('judged', lang)}: {word(period.verdict.status.value, lang)})"
        out.append(text)
    return out
