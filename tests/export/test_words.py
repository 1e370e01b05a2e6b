"""The one word catalogue (toc/words.py) of diagrams, logframes and reports."""

from __future__ import annotations

import re

from toc import words


def test_every_translation_has_an_english_word() -> None:
    assert set(words._NL) <= set(words._EN)


def test_placeholders_agree_between_languages() -> None:
    for key, text in words._NL.items():
        assert set(re.findall(r"\{(\w+)", text)) == set(re.findall(r"\{(\w+)", words._EN[key])), key


def test_keys_that_meant_two_things_are_two_keys() -> None:
    for diagram, report in (
        ("logframe-assumptions", "assumption-register"),
        ("logframe-indicators", "indicator-progress"),
        ("legend-pathways", "pathways-confidence"),
    ):
        assert words.word(diagram, "en") != words.word(report, "en")
    for old in ("assumptions", "indicators", "pathways"):
        assert old not in words._EN


def test_one_word_in_its_sentence_form_and_as_a_heading() -> None:
    assert words.word("rests-on", "en") == "rests on"
    assert words.heading("rests-on", "en") == "Rests on"
    assert words.heading("activity", "nl") == "Activiteit"
    assert words.heading("id", "en") == "Id"


def test_diagrams_write_the_statuses_that_need_attention_in_capitals() -> None:
    assert [words.status_word(s, "en") for s in ("contradicted", "untested", "mixed", "supported")] == [
        "CONTRADICTED",
        "UNTESTED",
        "MIXED",
        "supported",
    ]
    assert words.status_word("contradicted", "nl") == "WEERLEGD"


def test_other_languages_fall_back_to_english_word_by_word() -> None:
    assert words.word("legend", "fr") == "Legend"
    assert words.word("legend", "nl-BE") == "Legende"
    assert words.word("impact", "nl") == "impact"
    assert words.row_name("impact", "eu-pcm", "nl") == "Overall objective"
    assert words.row_name("impact", "toc", "nl") == "Impact"
