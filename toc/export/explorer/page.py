"""The explorer page: one self-contained HTML file that fetches nothing.

The page is the diagram (inline SVG, one per language), the model's data as JSON in a
``<script type="application/json">`` block (:func:`toc.safetext.json_in_html`: nothing in
it can close the block), and the script and style of this package (``explorer.js``,
``explorer.css``), inlined. A Content-Security-Policy meta tag allows that one script and
that one style by their SHA-256 hashes and nothing else: no network, no other script, no
inline event handler, no plug-in, no form, no base URL.
"""

from __future__ import annotations

import base64
import hashlib
import html
from importlib import resources

from toc.assessment import Assessment
from toc.export.engine import choose_engine
from toc.export.explorer.data import explorer_data
from toc.export.explorer.svg import diagram_svg, large
from toc.export.options import Options
from toc.safetext import json_in_html, visible
from toc.words import word

__all__ = ["csp", "explorer_html", "source"]


def source(name: str) -> str:
    """The text of one of the page's files (``explorer.js``, ``explorer.css``)."""
    return resources.files("toc.export.explorer").joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def csp(script: str, style: str) -> str:
    """The page's policy: its own script and style (by hash), nothing else."""
    return (
        f"default-src 'none'; script-src '{_hash(script)}'; style-src '{_hash(style)}'; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; object-src 'none'; media-src 'none'; "
        "frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _escape(text: str) -> str:
    return html.escape(visible(text))


def explorer_html(assessment: Assessment, options: Options) -> str:
    """The explorer of the assessed model. Every language of the model gets a diagram, unless
    the model is above the layout limit: then only the first (layout dominates the time)."""
    model = assessment.model
    engine = choose_engine(options.engine)
    languages = list(model.languages) or ["en"]
    first = options.lang or languages[0]
    drawn = [first] if large(model) else [first, *(lang for lang in languages if lang != first)]
    diagrams = "\n".join(
        f'<div class="diagram" data-lang="{_escape(lang)}"{"" if lang == first else " hidden"}>'
        f"{diagram_svg(model, options, engine, lang)}</div>"
        for lang in drawn
    )
    data = explorer_data(assessment)
    data["lang"] = first
    data["drawn"] = drawn
    script, style = source("explorer.js"), source("explorer.css")
    title = _escape(model.text(model.programme.title, first))
    words = {key: _escape(word(key, first)) for key in ("x-diagram", "x-details", "x-overview")}
    return f"""<!DOCTYPE html>
<html lang="{_escape(first)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp(script, style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header class="bar">
<h1 id="toc-title">{title}</h1>
<div class="controls" id="toc-controls" role="group"></div>
</header>
<main class="stage">
<div class="viewport" id="toc-viewport" tabindex="0" role="region" aria-label="{words["x-diagram"]}">
{diagrams}
</div>
<div class="minimap" id="toc-minimap" aria-label="{words["x-overview"]}" role="img"></div>
<aside class="panel" id="toc-panel" role="dialog" aria-modal="false" aria-labelledby="toc-panel-title" hidden>
<h2 id="toc-panel-title">{words["x-details"]}</h2>
</aside>
</main>
<script type="application/json" id="toc-data">{json_in_html(data)}</script>
<script>{script}</script>
</body>
</html>
"""
