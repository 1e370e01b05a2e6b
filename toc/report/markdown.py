"""The report as Markdown (GitHub-flavoured tables), for a repository or a word processor.

Every piece of text goes through :func:`toc.safetext.markdown`, the one Markdown escaping of
the project: model text can never make a link, an image, HTML, a heading or a table cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from toc.report.document import Block, Bullets, Diagram, Fields, Heading, Para, Table
from toc.safetext import markdown

__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    return markdown(text, cell=True) or " "


def render_markdown(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + markdown(block.text), ""]
        elif isinstance(block, Para):
            lines += [f"*{markdown(block.text)}*" if block.note else markdown(block.text), ""]
        elif isinstance(block, Fields):
            lines += [f"- **{markdown(label)}:** {markdown(value)}" for label, value in block.items] + [""]
        elif isinstance(block, Bullets):
            lines += [f"- {markdown(item)}" for item in block.items] + [""]
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
