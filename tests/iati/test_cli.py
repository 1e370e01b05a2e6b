"""``toc convert`` and ``toc check`` on IATI activity files."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tests.iati.helpers import DATA, PUBLISHERS, assert_valid
from toc.cli import main
from toc.cli.streams import Streams
from toc.errors import LossNotice

MESSY = DATA / "messy-activities.xml"
CANADA = DATA / "gac-canada-activity.xml"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def test_one_activity_to_yaml_prints_what_is_not_kept(tmp_path: Path) -> None:
    code, _, err = run("convert", CANADA, "-o", tmp_path / "m.yaml")
    assert code == 0
    assert (tmp_path / "m.yaml").is_file()
    assert err.startswith(f"toc convert: {CANADA}: not kept: ")
    assert "not kept: 13 transaction" in err


def test_several_activities_to_one_file_is_a_usage_error_listing_ids(tmp_path: Path) -> None:
    code, _, err = run("convert", MESSY, "-o", tmp_path / "m.yaml")
    assert code == 2
    assert not (tmp_path / "m.yaml").exists()
    assert "holds 2 models (XM-EXAMPLE-1-water, XM-EXAMPLE-2)" in err
    assert "--activity" in err


def test_activity_picks_one_and_a_folder_takes_all(tmp_path: Path) -> None:
    assert run("convert", MESSY, "--activity", "XM-EXAMPLE-2", "-o", tmp_path / "two.yaml")[0] == 0
    assert "XM-EXAMPLE-2" in (tmp_path / "two.yaml").read_text()
    code, _, err = run("convert", MESSY, "--activity", "nope", "-o", tmp_path / "x.yaml")
    assert code == 2
    assert "no model with id 'nope'" in err
    folder = tmp_path / "out"
    folder.mkdir()
    assert run("convert", MESSY, "-o", f"{folder}/")[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["XM-EXAMPLE-1-water.yaml", "XM-EXAMPLE-2.yaml"]


def test_yaml_back_to_a_valid_activity(tmp_path: Path) -> None:
    assert run("convert", CANADA, "-o", tmp_path / "m.yaml")[0] == 0
    code, _, err = run("convert", tmp_path / "m.yaml", "-o", tmp_path / "a.xml")
    assert code == 2
    assert "--option reporting-org=ORG-ID" in err
    assert not (tmp_path / "a.xml").exists()
    code, _, err = run(
        "convert",
        tmp_path / "m.yaml",
        "-o",
        tmp_path / "a.xml",
        "-O",
        "reporting-org=CA-3",
        "-O",
        "reporting-org-type=10",
    )
    assert code == 0, err
    assert_valid((tmp_path / "a.xml").read_bytes())


def test_check_reports_findings_of_every_activity_at_xml_lines() -> None:
    _, out, err = run("check", MESSY)
    assert err == ""
    assert '18:5    warning  output "Wells dug" is not linked to anything' in out  # the first activity
    assert '67:7    warning  indicator "Share reading at grade level" has no baseline' in out  # the second


@pytest.mark.parametrize("name", PUBLISHERS)
def test_a_publishers_file_is_checked_converted_and_published_again(name: str, tmp_path: Path) -> None:
    path = DATA / name
    code, out, err = run("check", path)
    assert (code, err) == (0, "")
    lines = path.read_text(encoding="utf-8").splitlines()
    for finding in re.findall(r"^  (\d+):(\d+) ", out, re.M):  # each at the start tag it is about
        line, column = int(finding[0]), int(finding[1])
        assert lines[line - 1][column - 1] == "<"
    folder = tmp_path / "models"
    folder.mkdir()
    assert run("convert", path, "-o", f"{folder}/")[0] == 0
    for model in sorted(folder.iterdir()):
        xml = tmp_path / f"{model.stem}.xml"
        code, _, err = run("convert", model, "-o", xml, "-O", "reporting-org=XM-TEST")
        assert code == 0, err
        assert_valid(xml.read_bytes())


# --- one activity at a time ------------------------------------------------------------------------


def _broken_second(tmp_path: Path) -> Path:
    """MESSY with its second activity's period ending before it starts (a load error there)."""
    text = MESSY.read_text(encoding="utf-8")
    second = text.index("<iati-activity", text.index("<iati-activity") + 1)
    start = text.index("<period-start iso-date=", second)
    broken = text[:start] + re.sub(
        r'<period-start iso-date="[^"]*"', '<period-start iso-date="2999-01-01"', text[start:], count=1
    )
    path = tmp_path / "broken.xml"
    path.write_text(broken, encoding="utf-8")
    return path


def test_the_activities_come_one_at_a_time_and_an_error_stops_them_where_it_is(tmp_path: Path) -> None:
    from toc.errors import LoadError
    from toc.formats import iter_load

    models = iter_load(_broken_second(tmp_path))
    assert next(models).programme.id == "XM-EXAMPLE-1-water"  # before the second activity is read
    with pytest.raises(LoadError, match="before it starts"):
        next(models)


def test_a_file_that_fails_half_way_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "kept.txt").write_text("mine\n")
    code, _, err = run("convert", _broken_second(tmp_path), "-o", f"{folder}/")
    assert code == 2
    assert "before it starts" in err
    assert [p.name for p in folder.iterdir()] == ["kept.txt"]  # no model file, no temporary file


def test_check_reads_a_many_activity_file_model_by_model_with_the_same_findings() -> None:
    from toc.formats import load_all
    from toc.rules import run_rules
    from toc.rules.engine import check_path

    one_by_one = check_path(MESSY)  # what a conversion would lose is no finding: no notice here
    with pytest.warns(LossNotice, match="not kept: 2 reporting-org"):
        all_at_once = [d for m in load_all(MESSY) for d in run_rules(m)]
    assert one_by_one == all_at_once
    assert {d.file for d in one_by_one} == {str(MESSY)}
