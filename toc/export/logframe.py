"""The logframe matrix (docs/diagrams.md) as Markdown, CSV and self-contained HTML.

Rows, top to bottom: impact, outcomes, outputs, activities (one row per result, model
order), then a last row whose assumptions cell holds the **pre-conditions** — conditions
that apply to nothing or to activities, the lowest cell of the assumptions column.
Columns: intervention logic | indicators (baseline → target; actual, status) | means of
verification | assumptions. An assumption sits in the row of the result whose link up
the chain it qualifies (if the outputs are delivered *and* the assumption holds, the
outcome follows), or in the row of the result it names. Activity rows carry no
indicators in a logframe (means and costs instead), so that cell says so.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from toc.assessment import as_of_date, assess_assumptions, indicator_progress
from toc.export.dot import INDICATOR_MARKER, STATUS_STYLE, number
from toc.export.labels import clean, csv_cell, html_text, markdown_cell
from toc.export.options import Options
from toc.index import index_of
from toc.model import Assumption, AssumptionKind, AssumptionStatus, Level, Model
from toc.safetext import markdown
from toc.words import row_name, status_word, word

__all__ = ["Row", "logframe_csv", "logframe_html", "logframe_markdown", "logframe_rows"]

_ORDER = (Level.IMPACT, Level.OUTCOME, Level.OUTPUT, Level.ACTIVITY)


@dataclass(frozen=True)
class Row:
    level: str
    id: str
    logic: str
    indicators: list[str]
    verification: list[str]
    assumptions: list[str]


def _assumption_text(model: Model, o: Options, assumption: Assumption, status: AssumptionStatus) -> str:
    marker = STATUS_STYLE[status]["marker"]
    kind = "" if assumption.kind is AssumptionKind.ASSUMPTION else f"({word(assumption.kind.value, o.lang)}) "
    return f"{marker} {kind}{model.text(assumption.statement, o.lang)} [{status_word(status.value, o.lang)}]"


def logframe_rows(model: Model, options: Options | None = None) -> list[Row]:
    """The matrix as data: one row per result, then the pre-conditions row."""
    o = (options or Options()).for_model(model.default_language)
    index = index_of(model)
    statuses = {k: v.status for k, v in assess_assumptions(model).items()}
    as_of = as_of_date(model)
    levels = {n.id: n.level for n in model.nodes}
    by_node: dict[str, list[Assumption]] = {}
    placed: set[str] = set()
    for link in model.links:
        for assumption in map(index.assumptions.__getitem__, index.link_assumptions[link.id]):
            bucket = by_node.setdefault(link.source, [])
            if assumption not in bucket:
                bucket.append(assumption)
            placed.add(assumption.id)
    preconditions: list[Assumption] = []
    for assumption in model.assumptions:
        nodes = [t for t in assumption.applies_to if t in levels]
        is_pre = assumption.kind is AssumptionKind.CONDITION and (
            (not assumption.applies_to and assumption.id not in placed)
            or (nodes and all(levels[t] is Level.ACTIVITY for t in nodes))
        )
        if is_pre:
            preconditions.append(assumption)
            continue
        for target in nodes:
            bucket = by_node.setdefault(target, [])
            if assumption not in bucket:
                bucket.append(assumption)
        if not nodes and assumption.id not in placed:
            preconditions.append(assumption)  # unattached: it can only be read as a pre-condition

    rows: list[Row] = []
    for level in _ORDER:
        for node in (n for n in model.nodes if n.level is level):
            indicators: list[str] = []
            verification: list[str] = []
            for indicator in node.indicators:
                p = indicator_progress(indicator, as_of, model.settings)
                text = f"{model.text(indicator.label, o.lang)}"
                if p.status.value != "qualitative":
                    baseline = number(p.baseline)
                    if indicator.baseline is not None:
                        baseline += f" ({indicator.baseline.year})"
                    text += (
                        f": {word('baseline', o.lang)} {baseline} → {word('target', o.lang)} "
                        f"{number(p.target)}; {word('actual', o.lang)} {number(p.actual)}"
                    )
                text += f" — {INDICATOR_MARKER[p.status]} {word(p.status.value, o.lang)}"
                indicators.append(text)
                verification += [model.text(m, o.lang) for m in indicator.means_of_verification]
            if level is Level.ACTIVITY:
                indicators = [word("means-costs", o.lang)]
            assumptions = [_assumption_text(model, o, a, statuses[a.id]) for a in by_node.get(node.id, [])]
            rows.append(
                Row(
                    row_name(level.value, o.terms, o.lang),
                    node.id,
                    model.text(node.label, o.lang),
                    indicators,
                    list(dict.fromkeys(verification)),
                    assumptions,
                )
            )
    if preconditions:
        rows.append(
            Row(
                word("preconditions", o.lang),
                "",
                "",
                [],
                [],
                [_assumption_text(model, o, a, statuses[a.id]) for a in preconditions],
            )
        )
    return rows


def _headers(o: Options) -> list[str]:
    return [
        word("level", o.lang),
        word("id", o.lang),
        word("intervention-logic", o.lang),
        word("logframe-indicators", o.lang),
        word("verification", o.lang),
        word("logframe-assumptions", o.lang),
    ]


def _cells(row: Row) -> list[list[str]]:
    return [
        [row.level],
        [row.id] if row.id else [],
        [row.logic] if row.logic else [],
        row.indicators,
        row.verification,
        row.assumptions,
    ]


def logframe_markdown(model: Model, **options: object) -> str:
    """A GitHub-flavoured Markdown table. All text goes through :func:`toc.safetext.markdown`, the
    one Markdown escaping: no link, image, HTML or cell break can come from the model."""
    o = Options.of(**options).for_model(model.default_language)
    title = f"{word('logframe', o.lang)}: {model.text(model.programme.title, o.lang)}"
    lines = [f"## {markdown(clean(title))}", ""]
    headers = _headers(o)
    lines.append("| " + " | ".join(markdown_cell(h) for h in headers) + " |")
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    for row in logframe_rows(model, o):
        cells = ["<br>".join(markdown_cell(item) for item in items) for items in _cells(row)]
        lines.append("| " + " | ".join(cell or " " for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def logframe_csv(model: Model, **options: object) -> str:
    """CSV (RFC 4180, CRLF line ends); several items in one cell are separated by newlines."""
    o = Options.of(**options).for_model(model.default_language)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_headers(o))
    for row in logframe_rows(model, o):
        writer.writerow([csv_cell("\n".join(items)) for items in _cells(row)])
    return out.getvalue()


_CSS = """
body { font-family: Helvetica, Arial, sans-serif; font-size: 14px; margin: 2em; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 6px 8px; vertical-align: top; text-align: left; }
th { background: #e8eef5; }
td.level { font-weight: bold; white-space: nowrap; }
ul { margin: 0; padding-left: 1.1em; }
tr.preconditions td { background: #f6f6f6; }
""".strip()


def logframe_html(model: Model, **options: object) -> str:
    """A self-contained HTML page (inline CSS, no scripts, no external resources)."""
    o = Options.of(**options).for_model(model.default_language)
    lang = o.lang or model.default_language or "en"
    title = f"{word('logframe', o.lang)}: {model.text(model.programme.title, o.lang)}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html_text(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html_text(title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{html_text(title)}</h1>",
        "<table>",
        "<thead><tr>" + "".join(f"<th>{html_text(h)}</th>" for h in _headers(o)) + "</tr></thead>",
        "<tbody>",
    ]
    rows = logframe_rows(model, o)
    for index, row in enumerate(rows):
        css = ' class="preconditions"' if index == len(rows) - 1 and not row.id else ""
        cells = []
        for number_, items in enumerate(_cells(row)):
            klass = ' class="level"' if number_ == 0 else ""
            if len(items) > 1:
                body = "<ul>" + "".join(f"<li>{html_text(i)}</li>" for i in items) + "</ul>"
            else:
                body = html_text(items[0]) if items else ""
            cells.append(f"<td{klass}>{body}</td>")
        parts.append(f"<tr{css}>" + "".join(cells) + "</tr>")
    parts += ["</tbody>", "</table>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
