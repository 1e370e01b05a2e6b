"""The interactive explorer: the model as one self-contained HTML file (``toc render --format explorer``).

:mod:`.data` is what the panels know, :mod:`.svg` the diagram with ``data-id`` on its
elements, :mod:`.page` the page and its Content-Security-Policy; ``explorer.js`` and
``explorer.css`` are the page's own script and style, inlined when the page is written.
"""
