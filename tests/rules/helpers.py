"""Shared by the rule tests: turn a model fragment into a model text and check it."""

from __future__ import annotations

import re

from toc.diagnostics import Diagnostic
from toc.rules import check_text

HEADER_TOC = "toc: 1\n"
HEADER_PROGRAMME = "programme: {id: p, title: P}\n"


def complete(fragment: str) -> str:
    """Add ``toc: 1`` and a minimal programme when the fragment leaves them out."""
    text = fragment
    if not re.search(r"^programme:", text, re.MULTILINE):
        text = HEADER_PROGRAMME + text
    if not re.search(r"^toc:", text, re.MULTILINE):
        text = HEADER_TOC + text
    return text


def findings(fragment: str, rule_name: str) -> list[Diagnostic]:
    """The diagnostics of one rule on a fragment (suppressed ones included)."""
    return [d for d in check_text(complete(fragment), "case.yaml") if d.name == rule_name]
