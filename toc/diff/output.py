"""A diff as text (a terminal), Markdown (a pull-request comment) or JSON (tools).

Fixed words from :mod:`toc.words`; model text through :mod:`toc.safetext` (``one_line`` for
the terminal, ``markdown`` for Markdown, ``dumps_json`` for JSON). Deterministic: the same two
models give the same bytes.
"""

from __future__ import annotations

from toc.diff.describe import change_line, consequence_line, name_of, show
from toc.diff.result import Diff
from toc.safetext import dumps_json, markdown, one_line
from toc.words import heading, word

__all__ = ["as_json", "as_markdown", "as_text"]


def _summary(diff: Diff, lang: str | None) -> str:
    return word("diff-summary", lang, **diff.counts())


def as_text(diff: Diff, old: str, new: str, lang: str | None = None) -> str:
    """For a terminal: a summary line, then one line per change and per consequence."""
    lines = [f"{one_line(old)} → {one_line(new)}"]
    if not diff:
        return "\n".join([*lines, word("diff-no-change", lang)]) + "\n"
    lines += [_summary(diff, lang), "", heading("diff-changes", lang)]
    lines += [f"  {change_line(c, lang)}" for c in diff.changes]
    if diff.consequences:
        lines += ["", heading("diff-consequences", lang)]
        lines += [f"  {consequence_line(c, lang)}" for c in diff.consequences]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return markdown(text, cell=True) if text else ""


FOLD_AFTER = 20
"""A Markdown change table longer than this is folded (``<details>``), so that a pull-request
comment opens on what the changes do to the conclusions."""


def as_markdown(diff: Diff, old: str, new: str, lang: str | None = None) -> str:
    """For a pull-request comment: a heading and the summary, what the changes do to the
    conclusions, then the table of changes (folded when long)."""
    lines = [f"## {heading('diff-title', lang)}", "", f"{markdown(old)} → {markdown(new)}: "]
    if not diff:
        lines[-1] += word("diff-no-change", lang)
        return "\n".join(lines) + "\n"
    lines[-1] += _summary(diff, lang)
    if diff.consequences:
        lines += ["", f"### {heading('diff-consequences', lang)}", ""]
        verdicts = [c for c in diff.consequences if c.consequence != "finding"]
        findings = [c for c in diff.consequences if c.consequence == "finding"]
        lines += [f"- {markdown(consequence_line(c, lang))}" for c in verdicts]
        items = [f"- {markdown(consequence_line(c, lang))}" for c in findings]
        if len(findings) > FOLD_AFTER:
            summary = heading("diff-findings-moved", lang, count=len(findings))
            items = ([""] if verdicts else []) + _folded(summary, items)
        lines += items
    table = _table(diff, lang)
    if len(diff.changes) > FOLD_AFTER:
        table = _folded(heading("diff-all-changes", lang, count=len(diff.changes)), table)
    else:
        table = [f"### {heading('diff-changes', lang)}", "", *table]
    lines += ["", *table]
    return "\n".join(lines) + "\n"


def _folded(summary: str, lines: list[str]) -> list[str]:
    """``lines`` closed under ``summary`` (GitHub renders Markdown inside ``<details>`` when
    blank lines set it apart)."""
    return [f"<details><summary>{summary}</summary>", "", *lines, "", "</details>"]


def _table(diff: Diff, lang: str | None) -> list[str]:
    columns = ("diff-change", "diff-kind", "id", "diff-field", "diff-old", "diff-new")
    lines = ["| " + " | ".join(heading(c, lang) for c in columns) + " |", "|" + "---|" * len(columns)]
    for c in diff.changes:
        old_value = "" if c.change == "added" else show(c.old, lang)
        new_value = "" if c.change == "removed" else show(c.new, lang)
        if c.change in ("added", "removed"):
            old_value, new_value = _element(c.old, lang), _element(c.new, lang)
        cells = (word("diff-" + c.change, lang), c.kind, c.id, c.field or "", old_value, new_value)
        lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    return lines


def _element(data: object, lang: str | None) -> str:
    return name_of(data, lang) if data is not None else ""


def as_json(diff: Diff, old: str, new: str, lang: str | None = None) -> str:
    """``{"changes": [...], "consequences": [...], "summary": {...}}`` (the file names are the
    caller's; the JSON says only what changed)."""
    return dumps_json(diff.to_dict()) + "\n"
