"""The report as Markdown (GitHub-flavoured tables), for a repository or a word processor."""

from __future__ import annotations

from collections.abc import Sequence

from toc.report.document import Block, Bullets, Diagram, Fields, Heading, Para, Table

__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|").replace("\n", " ") or " "


def _inline(text: str) -> str:
    """Escape what Markdown would otherwise read as markup at the start of a line or inside text."""
    out = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    return out.replace("<", "&lt;")


def render_markdown(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + _inline(block.text), ""]
        elif isinstance(block, Para):
            lines += [f"*{_inline(block.text)}*" if block.note else _inline(block.text), ""]
        elif isinstance(block, Fields):
            lines += [f"- **{label}:** {_inline(value)}" for label, value in block.items] + [""]
        elif isinstance(block, Bullets):
            lines += [f"- {_inline(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(_cell(h) for h in block.header) + " |")
            align = ["---:" if i in block.numeric else "---" for i in range(len(block.header))]
            lines.append("| " + " | ".join(align) + " |")
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
        elif isinstance(block, Diagram):
            continue
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
