"""Writing a model as an IATI 2.03 activity: schema-valid, codes checked, and a round trip that keeps
every result, indicator, baseline, period, target and actual."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.iati.helpers import (
    DATA,
    OPTIONS,
    PUBLISHERS,
    REAL,
    UNDATED,
    assert_valid,
    export,
    publishable,
    results,
    xml_results,
)
from tests.strategies import models
from toc.errors import Notice
from toc.formats import load_all, read, write
from toc.io.iati.codelists import LANGUAGE
from toc.io.iati.reader import read_activities
from toc.io.iati.writer import IatiExportError, IatiOptions, write_activity
from toc.io.load import loads
from toc.model import IndicatorPeriod, Level, Model

ROOT = Path(__file__).resolve().parents[2]


def quiet_load(path: Path) -> list[Model]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Notice)
        return load_all(path)


@pytest.mark.parametrize("path", [p for p in REAL if p.name != UNDATED], ids=lambda p: p.name)
def test_round_trip_keeps_every_result_of_every_real_file(path: Path) -> None:
    for model in quiet_load(path):
        data = export(publishable(model))
        assert_valid(data)
        (back,) = read_activities(data, "back.xml").models
        assert results(back) == results(model)
        assert back.languages == model.languages


def test_export_is_byte_identical_each_time() -> None:
    (model,) = quiet_load(ROOT / "tests" / "data" / "iati" / "gac-canada-activity.xml")
    assert export(publishable(model)) == export(publishable(model))


def test_yaml_model_exports_valid_xml() -> None:
    model = loads(
        """
toc: 1
languages: [en, fr]
programme: {id: XM-1-wash, title: {en: Water, fr: Eau}, description: Wells, funder: Donor,
  period: {start: 2020, end: 2022-06}, country: KE,
  budget: {amount: 2500000, currency: EUR}}
nodes:
  - {id: act, level: activity, label: Dig}
  - id: wells
    level: output
    label: Wells dug
    indicators:
      - id: n
        label: Number of wells
        baseline: [{year: 2019, value: 0}, {year: 2019, value: "1,200", dimensions: {sex: female}}]
        periods: [{start: 2020, end: 2020, target: "2,800,000", actual: [12, {value: 3, locations: [KE-1]}]}]
links: [{from: act, to: wells}]
""",
        "m.yaml",
    )
    with pytest.warns(Notice, match="not written: .*1 activity node.*1 links"):
        data = write(model, "iati", OPTIONS)
    assert isinstance(data, bytes)
    assert_valid(data)
    text = data.decode()
    assert '<activity-date type="3" iso-date="2022-06-30"/>' in text
    assert '<target value="2,800,000"/>' in text
    assert '<narrative xml:lang="fr">Eau</narrative>' in text


MISSING = """
toc: 1
programme: {id: p, title: P}
nodes:
  - {id: o, level: output, label: Wells dug}
  - id: c
    level: outcome
    label: Water used
    indicators:
      - id: i
        label: Share
        baseline: {value: 3}
        periods: [{label: Milestone 1, target: 5}]
"""


def test_a_model_that_cannot_make_an_activity_is_told_what_to_add() -> None:
    model = loads(MISSING, "m.yaml")
    with pytest.raises(IatiExportError) as caught:
        write_activity(model, IatiOptions())
    text = str(caught.value)
    assert "m.yaml:3:1: an IATI activity names its reporting organisation" in text
    assert "the programme has no period" in text
    assert "m.yaml:5:5: output 'o' has no indicator, and an IATI result needs one" in text
    assert "baseline 1 of indicator 'i' has no year" in text
    assert "m.yaml:13:9: period 1 of indicator 'i' has no dates, and IATI needs both" in text


def test_codes_are_checked_by_the_writer() -> None:
    model = loads(
        "toc: 1\nprogramme: {id: p, title: P, description: D, funder: F,\n"
        "  period: {start: 2020, end: 2021}, country: XX}\n",
        "m.yaml",
    )
    with pytest.raises(IatiExportError, match="country 'XX' is not in the IATI Country codelist"):
        write_activity(model, OPTIONS)
    with pytest.raises(IatiExportError, match="activity status '7'"):
        write_activity(
            model.model_copy(update={"programme": model.programme.model_copy(update={"country": "KE"})}),
            IatiOptions(reporting_org="X", activity_status="7"),
        )


def test_other_results_go_back_as_type_9() -> None:
    (first, _) = quiet_load(ROOT / "tests" / "data" / "iati" / "messy-activities.xml")
    assert b'<result type="9">' in export(publishable(first))


# --- properties ---------------------------------------------------------------------------------


def _dated(period: IndicatorPeriod) -> IndicatorPeriod:
    if period.dated:
        return period
    start = period.start or period.end or "2020-01-01"
    return period.model_copy(update={"start": start, "end": period.end or start})


def _fit(model: Model) -> Model:
    """What the schema requires and a random model may lack: metadata, an indicator per result,
    a year per baseline, both dates per period; activities left out."""
    nodes = []
    for node in model.nodes:
        if node.level is Level.ACTIVITY or not node.indicators:
            continue
        indicators = [
            i.model_copy(
                update={
                    "baselines": [b.model_copy(update={"year": b.year or 2020}) for b in i.baselines],
                    "periods": [_dated(p) for p in i.periods],
                }
            )
            for i in node.indicators
        ]
        nodes.append(node.model_copy(update={"indicators": indicators}))
    languages = model.languages
    if not languages or languages[0].split("-")[0] not in LANGUAGE:
        languages = ["en", *(code for code in languages if code != "en")]
    return publishable(model).model_copy(update={"nodes": nodes, "languages": languages})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True))
def test_random_models_export_schema_valid_xml_or_say_what_to_add(model: Model) -> None:
    refused: IatiExportError | None
    try:
        data = export(model)
    except IatiExportError as exc:
        refused = exc
    else:
        refused = None
        assert_valid(data)
    assert refused is None or all(p.hint for p in refused.problems)
    assert_valid(export(_fit(model)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_random_models_round_trip_what_iati_holds(model: Model) -> None:
    fitted = _fit(model)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Notice)
        (back,) = read(export(fitted), "back.xml", "iati")
    assert results(back) == results(fitted)


@pytest.mark.parametrize("name", PUBLISHERS)
def test_a_publishers_file_exported_again_keeps_every_result_as_published(name: str) -> None:
    """IATI → model → IATI, compared on the XML itself: each activity's results, indicators,
    baselines, periods, targets and actuals come back as the publisher wrote them."""
    data = (DATA / name).read_bytes()
    published = xml_results(data)
    models = quiet_load(DATA / name)
    assert len(models) == len(published)
    for model, results_published in zip(models, published, strict=True):
        exported = export(publishable(model))
        assert_valid(exported)
        (again,) = xml_results(exported)
        assert again == results_published
        assert sum(len(r[2]) for r in again) == sum(len(n.indicators) for n in model.nodes) > 0


def test_an_undated_period_read_from_iati_is_refused_on_export_naming_its_indicator() -> None:
    """The schema requires both dates of a period: the export says which period of which
    indicator lacks what, at its place in the file it was read from, and writes nothing."""
    (model,) = quiet_load(DATA / UNDATED)
    with pytest.raises(IatiExportError) as caught:
        export(publishable(model))
    lines = str(caught.value).splitlines()
    path = DATA / UNDATED
    assert lines == [
        f"{path}:22:9: period 2 of indicator 'r1.i1' has no dates, and IATI needs both "
        "(add start: and end: to the period)",
        f"{path}:25:9: period 3 of indicator 'r1.i1' has no start date, and IATI needs both "
        "(add start: and end: to the period)",
    ]
