"""The engine: locations, severities, suppressions, loader findings, and the label language."""

from __future__ import annotations

import pytest

import toc
from toc.diagnostics import Severity
from toc.errors import LoadError
from toc.rules import Selection, check_text, run_rules

MODEL = """\
toc: 1
languages: [en, nl]
programme: {id: p, title: {en: P, nl: P}}
assumptions:
  - id: sdg-lmb
    statement: {en: Work on the SDGs strengthens LMB, nl: Werken rond de SDG's versterkt LMB}
    suppress: [{rule: assumption-without-link, reason: the evaluators attach it to the whole programme}]
evidence:
  - {id: e1, about: [sdg-lmb], summary: {en: a, nl: a}, method: survey, source: survey 2018,
     stance: contradicts, strength: strong, cite: para 92, date: 2018-10}
  - {id: e2, about: [sdg-lmb], summary: {en: b, nl: b}, method: interview, stance: contradicts,
     cite: para 99, date: 2018-10}
  - {id: e3, about: [sdg-lmb], summary: {en: c, nl: c}, method: document-review, stance: contradicts,
     cite: [para 99], date: 2018-10}
"""


def test_message_quotes_the_label_and_cites_the_evidence() -> None:
    [d] = [d for d in check_text(MODEL, "m.yaml") if d.name == "assumption-contradicted"]
    assert d.message == (
        '"Work on the SDGs strengthens LMB" is contradicted by 3 evidence items (para 92, 99; survey 2018)'
    )
    assert (d.code, d.severity, d.target, d.file, d.line, d.column) == (
        "TOC302",
        Severity.ERROR,
        "sdg-lmb",
        "m.yaml",
        5,
        5,
    )


def test_lang_chooses_the_label_language() -> None:
    model = toc.loads(MODEL, "m.yaml")
    [d] = [d for d in run_rules(model, lang="nl") if d.name == "assumption-contradicted"]
    assert d.message.startswith('"Werken rond de SDG\'s versterkt LMB" is contradicted')


def test_suppressed_findings_are_kept_with_their_reason() -> None:
    [d] = [d for d in check_text(MODEL, "m.yaml") if d.name == "assumption-without-link"]
    assert d.suppressed == "the evaluators attach it to the whole programme"
    assert d.to_dict()["reason"] == d.suppressed


def test_configured_severity_is_stamped() -> None:
    selection = Selection(severities={"assumption-contradicted": Severity.INFO})
    [d] = [d for d in check_text(MODEL, "m.yaml", selection) if d.name == "assumption-contradicted"]
    assert d.severity is Severity.INFO


def test_loader_findings_become_diagnostics_with_the_element_id() -> None:
    text = (
        "toc: 1\nprogramme: {id: p, title: P}\nnodes:\n"
        "  - {id: a, level: activity, label: A}\n  - {id: a, level: output, label: B}\n"
        "links:\n  - {from: a, to: b}\n"
    )
    found = check_text(text, "m.yaml")
    assert [(d.name, d.line, d.target) for d in found] == [
        ("duplicate-id", 5, "a"),
        ("dangling-reference", 7, "a->b"),
    ]
    assert found[1].path == "links[0].to"
    assert "'b' is not defined" in found[1].message


def test_loader_findings_respect_the_selection() -> None:
    text = "toc: 1\nprogramme: {id: p, title: P}\nlinks:\n  - {from: a, to: b}\n"
    assert check_text(text, "m.yaml", Selection(ignore=("dangling-reference",))) == []


def test_syntax_errors_are_not_findings() -> None:
    with pytest.raises(LoadError):
        check_text("toc: 1\nprogramme: [\n", "m.yaml")
    with pytest.raises(LoadError):
        check_text("toc: 1\nprogramme: {id: p, title: P}\nnodes: [{id: a, level: nope, label: A}]\n")


def test_a_model_built_in_code_has_no_location() -> None:
    loaded = toc.loads(MODEL, "m.yaml")
    model = type(loaded).model_validate(loaded.model_dump(by_alias=True))
    found = run_rules(model)
    assert found
    assert all((d.file, d.line) == ("<model>", 0) for d in found)
