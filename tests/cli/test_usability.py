"""What a newcomer meets: the second example works end to end, and common mistakes get a fix.

Each case here came from an acceptance test by a first-time user (see the usability review):
the message must say where, what is wrong and how to fix it, exit 2, and never show a traceback.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import toc
from toc.cli import main
from toc.cli.streams import Streams
from toc.errors import Problem

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ngo_livelihoods.yaml"
H = "toc: 1\nprogramme: {id: p, title: P}\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def only(text: str) -> Problem:
    with pytest.raises(toc.LoadError) as caught:
        toc.loads(text, "m.yaml")
    assert len(caught.value.problems) == 1, [str(p) for p in caught.value.problems]
    return caught.value.problems[0]


# --- the second example --------------------------------------------------------------------------


def test_the_ngo_example_loads_in_both_shapes_and_two_languages() -> None:
    model = toc.load(EXAMPLE)
    assert model.languages == ["en", "fr"]
    assert {n.id for n in model.nodes} >= {"resilience", "income-up", "practices-adopted", "field-schools"}
    assert model.text(model.programme.title, "fr").startswith("Moyens de subsistance")
    assert [p.id for p in model.pathways] == ["pw-finance", "pw-practices"]
    assert toc.loads(toc.dumps(model), "canonical.yaml") == model


def test_the_ngo_example_checks_with_its_one_contradicted_assumption() -> None:
    code, out, err = run("check", str(EXAMPLE), "--format", "json", "--no-config")
    assert code == 1, err  # the mid-term review contradicts 'inputs-available'
    errors = [d for d in json.loads(out)["diagnostics"] if d["severity"] == "error"]
    assert [(d["name"], d["target"]) for d in errors] == [("assumption-contradicted", "inputs-available")]


@pytest.mark.parametrize("suffix", ["dot", "mmd", "md", "csv", "html"])
def test_the_ngo_example_renders(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"ngo.{suffix}"
    code, _, err = run("render", str(EXAMPLE), "-o", str(out), "--lang", "fr")
    assert code == 0, err
    assert "Créer et accompagner des groupes" in out.read_text(encoding="utf-8").replace("&#233;", "é")


def test_the_ngo_example_reports(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    code, _, err = run("report", str(EXAMPLE), "-o", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "inputs-available" in text
    assert "pw-practices" in text


# --- loader messages that say how to fix the mistake ---------------------------------------------


def test_a_list_where_a_mapping_is_expected_names_no_python_class() -> None:
    problem = only("toc: 1\nprogramme:\n  id: p\n  title: P\n  budget: [480000, EUR]\n")
    assert (problem.location.line, problem.location.column) == (5, 11)
    assert "expected a mapping of fields, got a list" in problem.message
    assert "Budget" not in str(problem)
    assert "instance" not in str(problem)
    assert "key: value" in problem.hint


def test_a_mapping_where_a_list_is_expected_shows_how_to_write_a_list() -> None:
    problem = only(H + "recommendations:\n  - id: r\n    text: T\n    responds_to: {a: b}\n")
    assert "valid list" in problem.message
    assert "[a, b]" in problem.hint
    assert "- item" in problem.hint


def test_a_percentage_with_a_percent_sign_is_read_as_the_number_and_shown_as_written() -> None:
    text = (
        H + "nodes:\n  - id: o\n    level: outcome\n    label: O\n    indicators:\n"
        "      - id: i\n        label: I\n        measure: percentage\n"
        "        periods: [{start: 2022, end: 2024, target: {value: 60%}}]\n"
    )
    target = toc.loads(text).nodes[0].indicators[0].periods[0].target
    assert target is not None
    assert (target.value, target.original) == (60, "60%")


def test_a_probability_written_as_a_percentage_suggests_the_fraction() -> None:
    problem = only(H + "assumptions:\n  - {id: x, statement: S, prior: 70}\n")
    assert "less than or equal to 1" in problem.message
    assert "write 0.7, not 70" in problem.hint


def test_a_word_where_a_count_is_expected() -> None:
    item = "{id: e, summary: S, about: [p], method: survey, stance: supports, sample_size: five}"
    text = H + f"evidence:\n  - {item}\n"
    with pytest.raises(toc.LoadError) as caught:
        toc.loads(text, "m.yaml")
    problem = next(p for p in caught.value.problems if "sample_size" in p.path)
    assert "expected a whole number, got 'five'" in problem.message
    assert "digits only" in problem.hint


def test_a_label_given_as_a_number_suggests_quoting_it() -> None:
    problem = only(H + "nodes:\n  - id: a\n    level: activity\n    label: 2023\n")
    assert "expected text" in problem.message
    assert "label: '2023'" in problem.hint


def test_the_text_example_uses_the_field_at_fault() -> None:
    problem = only("toc: 1\nprogramme: {id: p, title: [x]}\n")
    assert problem.hint.startswith("e.g. title: {")


def test_a_missing_id_says_which_element() -> None:
    problem = only(H + "assumptions:\n  - statement: S\n")
    assert problem.message == "assumptions[0]: missing required field 'id'"
    assert (problem.location.line, problem.location.column) == (4, 5)


# --- output files that cannot be written: one line, exit 2, no traceback -------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", str(EXAMPLE), "--no-config", "-o", "{out}"],
        ["fmt", str(EXAMPLE), "-o", "{out}"],
        ["schema", "-o", "{out}"],
        ["report", str(EXAMPLE), "--format", "md", "-o", "{out}"],
        ["render", str(EXAMPLE), "--format", "dot", "-o", "{out}"],
    ],
    ids=["check", "fmt", "schema", "report", "render"],
)
@pytest.mark.parametrize("where", ["missing-folder", "directory"])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    tmp_path: Path, argv: list[str], where: str
) -> None:
    out = tmp_path / "no-such-folder" / "out.txt" if where == "missing-folder" else tmp_path
    code, _, err = run(*(a.replace("{out}", str(out)) for a in argv))
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    expected = "the folder" if where == "missing-folder" else "it is a directory"
    assert lines[0].startswith(f"toc {argv[0]}: cannot write {out}: {expected}")


def test_an_unknown_command_suggests_the_nearest() -> None:
    code, out, err = run("chek", "model.yaml")
    assert code == 2
    assert out == ""
    assert "unknown command 'chek'" in err
    assert "did you mean 'check'?" in err


# --- toc check: a file it could not read never looks like a clean run ----------------------------


def test_the_text_summary_counts_files_that_could_not_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("toc: 1\nprogramme:\n\tid: p\n", encoding="utf-8")
    code, out, err = run("check", str(bad), str(tmp_path / "missing.yaml"), "--no-config")
    assert code == 2
    assert "2 files could not be read" in out
    assert f"{bad}:3:1: YAML syntax error" in err


def test_github_annotations_include_files_that_could_not_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("toc: 1\nprogramme: {id: p, title: P}\nnodez: []\n", encoding="utf-8")
    code, out, _ = run("check", str(bad), "--no-config", "--format", "github")
    assert code == 2
    assert out.startswith(f"::error file={bad},line=3,col=1,title=toc%3A cannot read the model::")
    assert "unknown field 'nodez' (did you mean 'nodes'?)" in out


# --- what the docs promise -----------------------------------------------------------------------

FORMAT_DOC = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        H + "assumptions:\n  - {id: x, statement: S, prior: 70}\n",
        H + "sources:\n  - {id: s, title: S, date: 31/12/2019}\n",
        "toc: 1\nprogramme:\n  id: p\n  title: P\n  budget: [480000, EUR]\n",
    ],
    ids=["prior", "date", "list-for-mapping"],
)
def test_the_common_mistakes_table_in_format_md_is_what_the_loader_says(text: str) -> None:
    problem = only(text)
    said = problem.message.split(": ", 1)[-1] + f" ({problem.hint})"
    assert said in FORMAT_DOC


@pytest.mark.parametrize("variant", ["crlf", "bom"])
def test_windows_line_endings_and_a_bom_load_with_the_same_locations(tmp_path: Path, variant: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "m.yaml"
    data = text.replace("\n", "\r\n").encode() if variant == "crlf" else b"\xef\xbb\xbf" + text.encode()
    path.write_bytes(data)
    model, original = toc.load(path), toc.load(EXAMPLE)
    assert model == original
    here, there = model.locate("inputs-available"), original.locate("inputs-available")
    assert here is not None
    assert there is not None
    assert (here.line, here.column) == (there.line, there.column)


def test_a_latin1_file_is_refused_at_its_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes("toc: 1\nprogramme: {id: p, title: Café}\n".encode("latin-1"))
    code, _, err = run("check", str(path), "--no-config")
    assert code == 2
    assert err.startswith(f"{path}:2:30: invalid UTF-8 byte 0xe9 (save the file as UTF-8)")


def test_the_diagram_and_the_report_agree_on_what_is_at_risk(tmp_path: Path) -> None:
    mmd = tmp_path / "ngo.mmd"
    assert run("render", str(EXAMPLE), "-o", str(mmd))[0] == 0
    drawn = mmd.read_text(encoding="utf-8")
    assert "✗ at risk" not in drawn
    assert "⚠ affected<br>Women earn more" in drawn
    code, out, _ = run("report", str(EXAMPLE), "--format", "md")
    assert code == 0
    assert "Results at risk (every chain to them is broken): none." in out


def test_summary_says_one_evidence_item_in_the_singular() -> None:
    code, out, _ = run("summary", str(ROOT / "examples" / "small.yaml"))
    assert code == 0
    assert "  evidence:    1 item\n" in out
    assert "evidence:    3 items" in run("summary", str(EXAMPLE))[1]
