"""Snapshot assertions for rendered text. Regenerate with ``TOC_UPDATE_SNAPSHOTS=1 pytest``."""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/snapshots/<name>``; rewrite it when TOC_UPDATE_SNAPSHOTS is set."""
    path = SNAPSHOTS / name
    if os.environ.get("TOC_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"no snapshot {path}; run with TOC_UPDATE_SNAPSHOTS=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its snapshot; review, then TOC_UPDATE_SNAPSHOTS=1 to accept"
    )
