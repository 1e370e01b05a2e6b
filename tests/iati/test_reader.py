"""Reading IATI activity files: the mapping, what is reported as not kept, and where things are."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pytest

import toc
from tests.iati.helpers import DATA, REAL
from toc.errors import LoadError, LossNotice, Notice
from toc.formats import load_all
from toc.io.iati.reader import read_activities
from toc.model import Level, Measure


def read(name: str) -> list[toc.Model]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Notice)
        return load_all(DATA / name)


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_every_real_file_reads(path: Path) -> None:
    models = read(path.name)
    assert models
    assert all(m.nodes for m in models)


def test_bilingual_activity_keeps_both_languages_default_first() -> None:
    (model,) = read("gac-canada-activity.xml")
    assert model.languages == ["en", "fr"]
    assert model.programme.id == "CA-3-D002451001"
    assert model.text(model.programme.title, "fr").startswith("Partenariats")
    assert model.programme.funder == {"en": "Canada", "fr": "Canada"}
    assert model.programme.country == "BF"
    assert model.programme.period is not None
    assert model.programme.period.start == "2016-01-20"
    assert [n.level for n in model.nodes] == [Level.OUTCOME, Level.OUTCOME]
    assert model.nodes[0].indicators[0].measure is Measure.QUALITATIVE


def test_messy_values_dimensions_locations_and_languages() -> None:
    first, second = read("messy-activities.xml")
    assert first.languages == ["en", "fr"]  # EN and FR are en and fr
    wells = first.nodes[0].indicators[0]
    assert [b.value for b in wells.baselines] == [0, 1200]
    assert wells.baselines[1].original == "1,200"
    assert wells.baselines[1].dimensions == {"sex": "female"}
    assert wells.baselines[1].locations == ["KE-Kasese"]
    period = wells.periods[0]
    assert [t.value for t in period.targets] == [20000, 12000]
    assert [a.value for a in period.actuals] == [18500, 9000]
    assert period.target is not None
    assert period.target.original == "20,000"
    committees = first.nodes[1].indicators[0]
    assert committees.measure is Measure.QUALITATIVE
    assert committees.periods[0].targets[0].text == "Committees meet monthly and keep accounts"
    assert first.nodes[1].indicators[1].ascending is False
    assert first.nodes[1].indicators[1].means_of_verification == ["https://example.org/survey.pdf"]
    assert first.nodes[2].level is Level.OUTCOME
    assert "iati:type=9" in first.nodes[2].tags
    assert first.programme.budget is not None
    assert first.programme.budget.amount == 3500.5
    assert first.programme.budget.currency == "EUR"
    assert first.programme.country == "KE"
    assert second.languages == ["en"]  # the file's xml:lang
    assert second.nodes[0].level is Level.IMPACT
    assert second.nodes[0].indicators[0].periods[0].targets[0].value == 70


def test_what_is_not_kept_is_counted_by_kind() -> None:
    imported = read_activities((DATA / "messy-activities.xml").read_bytes(), "messy.xml")
    lost = imported.lost
    assert lost["element of another namespace"] == 1
    assert lost["aggregation-status"] == 1
    assert lost["participating-org (other roles, or a second funder or implementer)"] == 1
    assert lost["reporting-org"] == 2
    assert "reporting-org" in imported.summary()


def test_loss_is_announced_as_a_warning() -> None:
    with pytest.warns(Notice, match="not kept: .*reporting-org"):
        load_all(DATA / "messy-activities.xml")


def test_version_1_file_is_read_with_a_warning() -> None:
    with (
        pytest.warns(Notice, match="no version; it is read as IATI 2.03"),
        pytest.warns(LossNotice, match="not kept: 1 aggregation-status"),
    ):
        (model,) = load_all(DATA / "v1-activity.xml")
    indicator = model.nodes[0].indicators[0]
    assert indicator.label == {"en": "Indicator 1 title"}
    assert indicator.baselines[0].comment == {"en": "Baseline comment text"}
    assert indicator.periods[0].actual is not None
    assert indicator.periods[0].actual.value == 11


def test_codes_outside_the_codelists_are_kept_as_tags() -> None:
    (model,) = read("iati-schemas-24-results.xml")
    assert "iati:type=output" in model.nodes[0].tags
    assert model.nodes[0].level is Level.OUTPUT
    assert "iati:measure=NDP" in model.nodes[2].indicators[0].tags
    assert model.nodes[2].indicators[0].baselines[0].text == "N=35;P=55"


def test_elements_are_located_at_their_line_and_column() -> None:
    (model,) = read("iati-schemas-24-results.xml")
    where = model.locate("r3.i1")
    assert where is not None
    assert (where.line, where.column) == (53, 7)
    period = model.locate("r3.i1", "periods[1]")
    assert period is not None
    assert (period.line, period.column) == (84, 9)


def test_one_line_file_is_located_by_column() -> None:
    (model,) = read("gac-canada-activity.xml")
    first, second = model.locate("r1"), model.locate("r2")
    assert first is not None
    assert second is not None
    assert first.line == second.line == 2
    assert first.column < second.column
    text = (DATA / "gac-canada-activity.xml").read_text().splitlines()[1]
    assert text[second.column - 1 :].startswith('<result type="2">')


def test_neighbours_with_one_tag_are_each_located_at_their_own_start_tag() -> None:
    data = (
        b'<iati-activities version="2.03"><iati-activity><iati-identifier>A-1</iati-identifier>'
        b'<participating-org role="1"><narrative>F</narrative></participating-org>'
        b'<participating-org role="4"><narrative>I</narrative></participating-org>'
        b'<result type="1"><title><narrative>R</narrative></title></result>'
        b'<result type="1"><title><narrative>S</narrative></title></result>'
        b"</iati-activity></iati-activities>"
    )
    (model,) = read_activities(data, "x.xml").models
    text = data.decode()
    for (element, field), start in [
        (("programme", "funder"), '<participating-org role="1">'),
        (("programme", "implementer"), '<participating-org role="4">'),
        (("r1", None), '<result type="1"><title><narrative>R'),
        (("r2", None), '<result type="1"><title><narrative>S'),
    ]:
        where = model.locate(element, field)
        assert where is not None
        assert (where.line, where.column) == (1, text.index(start) + 1)


def test_the_streamed_read_gives_the_models_of_the_whole_read() -> None:
    from toc.io.iati.reader import Imported, iter_activities

    data = (DATA / "messy-activities.xml").read_bytes()
    whole = read_activities(data, "m.xml")
    streamed = Imported()
    assert list(iter_activities(data, "m.xml", streamed)) == whole.models
    assert streamed.lost == whole.lost


def test_toc_load_reads_one_activity_and_counts_several() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Notice)
        assert toc.load(DATA / "gac-canada-activity.xml").programme.id == "CA-3-D002451001"
        with pytest.raises(LoadError, match="holds 2 models"):
            toc.load(DATA / "messy-activities.xml")


def test_sniffed_without_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "activities"
    path.write_bytes((DATA / "gac-canada-activity.xml").read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Notice)
        assert len(load_all(path)) == 1


# --- hostile and broken XML -------------------------------------------------------------------------

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<iati-activities version="2.03"><iati-activity>
<iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>
"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<iati-activities version="2.03"><iati-activity>
<iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>
"""


def test_entity_bomb_is_refused_at_once() -> None:
    started = time.perf_counter()
    with pytest.raises(LoadError) as caught:
        read_activities(BOMB, "bomb.xml")
    assert time.perf_counter() - started < 0.5
    assert str(caught.value).startswith("bomb.xml:2:1: a document type declaration")


def test_external_entity_is_refused() -> None:
    with pytest.raises(LoadError, match="document type declaration"):
        read_activities(EXTERNAL, "xxe.xml")


@pytest.mark.parametrize(
    ("data", "where", "what"),
    [
        (b"<iati-activities version='2.03'><iati-activity>", "x.xml:1:", "XML syntax error"),
        (b"<iati-activities>\n  <iati-activity></oops>", "x.xml:2:", "XML syntax error"),
        (b"<?xml version='1.0'?>\n<activities/>", "x.xml:2:1", "not an IATI activity file"),
        (b"", "x.xml:1:1", "XML syntax error"),
        (b"<a>" * 300 + b"</a>" * 300, "x.xml:1:", "XML syntax error"),
    ],
    ids=["unclosed", "mismatched", "wrong root", "empty", "too deep"],
)
def test_broken_xml_fails_at_a_line_and_column(data: bytes, where: str, what: str) -> None:
    with pytest.raises(LoadError) as caught:
        read_activities(data, "x.xml")
    assert str(caught.value).startswith(where)
    assert what in str(caught.value)


def test_a_period_without_dates_is_kept_undated_and_flagged_where_it_is() -> None:
    from toc.rules import check_path

    path = DATA / "undated-period.xml"
    (model,) = read(path.name)
    dated, undated, end_only = model.nodes[0].indicators[0].periods
    assert (dated.start, dated.end, dated.dated) == ("2020-01-01", "2020-12-31", True)
    assert (undated.start, undated.end, undated.dated) == (None, None, False)
    assert [t.value for t in undated.targets] == [40]
    assert (end_only.start, end_only.end) == (None, "2023-12-31")
    findings = [d for d in check_path(path) if d.name == "iati-period-undated"]
    lines = path.read_text().splitlines()
    assert [(d.line, d.column) for d in findings] == [
        (n + 1, lines[n].index("<period>") + 1) for n, line in enumerate(lines) if line.strip() == "<period>"
    ][1:]
    assert "has no dates" in findings[0].message
    assert "has no start date" in findings[1].message


def test_a_period_date_that_cannot_be_read_is_counted_and_the_period_kept() -> None:
    data = (
        (DATA / "undated-period.xml")
        .read_bytes()
        .replace(
            b'iso-date="2023-12-31"/>\n          <target value="60"',
            b'iso-date="end of 2023"/>\n          <target value="60"',
        )
    )
    imported = read_activities(data, "u.xml")
    period = imported.models[0].nodes[0].indicators[0].periods[2]
    assert (period.start, period.end, [t.value for t in period.targets]) == (None, None, [60])
    assert imported.lost["period-end without a readable iso-date (the period is kept without it)"] == 1


def test_a_period_that_ends_before_it_starts_is_refused_at_its_line() -> None:
    data = (DATA / "undated-period.xml").read_bytes().replace(b'"2020-12-31"', b'"2019-12-31"')
    with pytest.raises(LoadError) as caught:
        read_activities(data, "u.xml")
    assert str(caught.value).startswith("u.xml:16:9: a period of indicator r1.i1 ends (2019-12-31)")
