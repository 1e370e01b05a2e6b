"""The ``--version`` line: toc's version and the Graphviz that would draw (see toc.export.engine).

The engine lookup is cached so that the line stays cheap (no import of Graphviz's C libraries).
"""


def version_text(version: str) -> str:
    from toc.export.engine import version_summary

    return f"toc {version} ({version_summary()})"
