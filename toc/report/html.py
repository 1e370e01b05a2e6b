"""The report as one self-contained HTML file: inline CSS, the diagram as inline SVG, no network.

It can be mailed, archived or opened offline and looks the same everywhere; nothing
is fetched (no fonts, scripts or images from elsewhere).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from toc.report.document import Block, Bullets, Diagram, Fields, Heading, Para, Table
from toc.safetext import visible

__all__ = ["render_html"]

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:0 auto;
max-width:72rem;padding:1.5rem 2rem 4rem}
h1{font-size:1.7rem;margin:.5rem 0 1rem}h2{font-size:1.35rem;border-bottom:2px solid #d8dee4;
margin-top:2.5rem;padding-bottom:.2rem}h3{font-size:1.1rem;margin-top:1.8rem}h4{font-size:.95rem;
margin:1rem 0 .3rem;color:#444}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.88rem;width:100%}
th,td{border:1px solid #d0d7de;padding:.25rem .45rem;vertical-align:top;text-align:left}
th{background:#f3f5f7}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}
dt{font-weight:600}dd{margin:0}
.note{color:#57606a;font-style:italic}nav ul{columns:2;padding-left:1.2rem}
figure.diagram{overflow:auto;border:1px solid #d0d7de;padding:.5rem;margin:0}
figure.diagram svg{max-width:100%;height:auto}
iframe.explorer{width:100%;height:80vh;border:1px solid #d0d7de;display:block}
@media print{body{max-width:none;padding:0}h2{break-before:page}}
"""


def escape(text: str) -> str:
    """Text for HTML content or a quoted attribute; control characters as visible escapes
    (``\\x1b``), which HTML and XML parsers both accept."""
    return html.escape(visible(text))


_PROLOG = re.compile(r"^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?(<!--.*?-->\s*)*", re.DOTALL)


def _svg(svg: str) -> str:
    """The SVG element alone (no XML declaration or doctype), ready to sit inside HTML."""
    return _PROLOG.sub("", svg, count=1).strip()


def render_html(
    blocks: Sequence[Block],
    *,
    lang: str | None = None,
    diagram: str | None = None,
    diagram_note: str = "",
    explorer: str | None = None,
) -> str:
    """``explorer`` is the explorer page, embedded as a sandboxed frame (scripts only: no access
    to this page, no network by its own policy); else ``diagram`` is SVG text to embed; without
    either, ``diagram_note`` says why there is no diagram."""
    title = next((b.text for b in blocks if isinstance(b, Heading) and b.level == 1), "")
    body: list[str] = []
    toc = [b for b in blocks if isinstance(b, Heading) and b.level == 2 and b.anchor]
    toc_items = "".join(f'<li><a href="#{escape(h.anchor)}">{escape(h.text)}</a></li>' for h in toc)
    for block in blocks:
        if isinstance(block, Heading):
            ident = f' id="{escape(block.anchor)}"' if block.anchor else ""
            body.append(f"<h{block.level}{ident}>{escape(block.text)}</h{block.level}>")
            if block.level == 1 and toc_items:
                body.append(f"<nav><ul>{toc_items}</ul></nav>")
        elif isinstance(block, Para):
            cls = ' class="note"' if block.note else ""
            body.append(f"<p{cls}>{escape(block.text)}</p>")
        elif isinstance(block, Fields):
            items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in block.items)
            body.append(f"<dl>{items}</dl>")
        elif isinstance(block, Bullets):
            body.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            body.append(_table(block))
        elif isinstance(block, Diagram):
            body.append(f'<h2 id="diagram">{escape(block.title)}</h2>')
            if explorer:
                body.append(
                    f'<iframe class="explorer" title="{escape(block.title)}" sandbox="allow-scripts" '
                    f'srcdoc="{html.escape(explorer)}"></iframe>'
                )
            elif diagram:
                body.append(f'<figure class="diagram">{_svg(diagram)}</figure>')
            else:
                body.append(f'<p class="note">{escape(diagram_note)}</p>')
    head = (
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS.strip()}</style>"
    )
    language = escape(lang or "en")
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n{head}\n</head>\n<body>\n'
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _table(table: Table) -> str:
    def cls(i: int) -> str:
        return ' class="n"' if i in table.numeric else ""

    head = "".join(f"<th{cls(i)}>{escape(h)}</th>" for i, h in enumerate(table.header))
    rows = "".join(
        "<tr>" + "".join(f"<td{cls(i)}>{escape(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
