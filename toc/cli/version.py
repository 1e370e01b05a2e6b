"""The ``--version`` line."""


def version_text(version: str) -> str:
    return f"toc {version}"
