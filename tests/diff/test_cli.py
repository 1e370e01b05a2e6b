"""``toc diff OLD NEW``: exit codes like diff, the three formats (snapshots), any readable format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.snapshot import assert_snapshot
from toc.cli import main
from toc.cli.streams import Streams

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


REVISION = (
    SMALL.read_text(encoding="utf-8")
    .replace("Households use water filters daily", "Households filter their water every day")
    .replace("actual: {value: 41}", "actual: {value: 61}")
    .replace("    text: Track filter replacement, not only distribution\n", "    text: Track replacement\n")
    .replace("stance: supports", "stance: contradicts")
    .replace("strength: moderate", "strength: strong")
)
"""A revision of the small example with a changed label, actual, recommendation and evidence."""


@pytest.fixture
def revised(tmp_path: Path) -> Path:
    path = tmp_path / "small-revised.yaml"
    path.write_text(REVISION, encoding="utf-8")
    return path


def test_no_change_exits_0(tmp_path: Path) -> None:
    as_json = tmp_path / "small.json"
    assert run("convert", SMALL, "-o", as_json)[0] == 0
    code, out, err = run("diff", SMALL, as_json)  # YAML logframe shape against canonical JSON
    assert (code, err) == (0, "")
    assert out.endswith("no change of meaning\n")


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_changes_exit_1_in_each_format(
    revised: Path, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "small.yaml").write_bytes(SMALL.read_bytes())
    monkeypatch.chdir(tmp_path)  # the file names shown are the ones given
    code, out, err = run("diff", "small.yaml", revised.name, "--format", fmt)
    assert (code, err) == (1, "")
    assert_snapshot(f"diff/small.{fmt}", out)


def test_json_shape(revised: Path) -> None:
    data = json.loads(run("diff", SMALL, revised, "--format", "json")[1])
    assert list(data) == ["changes", "consequences", "summary"]
    assert {tuple(c) for c in data["changes"]} == {("change", "kind", "id", "field", "old", "new")}
    target = {"change": "changed", "kind": "indicator", "id": "ind-filter-use"}
    assert {**target, "field": "periods[0].actual[0].value", "old": 41.0, "new": 61.0} in data["changes"]
    statuses = [c for c in data["consequences"] if c["consequence"] == "assumption-status"]
    assert statuses == [{"consequence": "assumption-status", "id": "filters-affordable", "old": "supported",
                         "new": "contradicted"}]  # fmt: skip


def test_output_file_picks_the_format_by_extension(revised: Path, tmp_path: Path) -> None:
    target = tmp_path / "comment.md"
    assert run("diff", SMALL, revised, "-o", target)[:2] == (1, "")
    assert target.read_text(encoding="utf-8").startswith("## Changes to the theory of change\n")


def test_bad_input_exits_2_with_a_located_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("toc: 1\nprogramme: {id: x, title: y}\nnodes: [{id: a}]\n", encoding="utf-8")
    code, out, err = run("diff", SMALL, broken)
    assert code == 2
    assert out == ""
    assert f"{broken}:3:" in err
    assert "Traceback" not in err
    assert run("diff", SMALL, tmp_path / "missing.yaml")[0] == 2
    assert run("diff", SMALL)[0] == 2  # one version only
    assert run("diff", SMALL, SMALL, "-o", tmp_path / "no" / "such" / "dir.txt")[0] == 2


def test_no_check_leaves_findings_out(revised: Path) -> None:
    data = json.loads(run("diff", SMALL, revised, "--format", "json", "--no-check")[1])
    assert data["consequences"]
    assert all(c["consequence"] != "finding" for c in data["consequences"])


def test_fixed_words_in_dutch(revised: Path) -> None:
    out = run("diff", SMALL, revised, "--lang", "nl")[1]
    assert "gewijzigd node use-filters label.en" in out


def test_textconv_prints_sorted_facts(tmp_path: Path) -> None:
    code, out, err = run("diff", "--textconv", SMALL)
    assert (code, err) == (0, "")
    assert_snapshot("diff/small.facts", out)
    assert run("diff", "--textconv", SMALL, SMALL)[0] == 2  # one file only


def test_a_long_markdown_diff_opens_on_the_consequences_and_folds_the_rest() -> None:
    from markdown_it import MarkdownIt

    old, new = ROOT / "models" / "vvsg_2016_logframe.yaml", ROOT / "models" / "vvsg_2017_2019.yaml"
    code, out, _ = run("diff", old, new, "--format", "md")
    assert code == 1
    consequences = out.index("### What the changes do to the conclusions")
    folds = [i for i in range(len(out)) if out.startswith("<details><summary>", i)]
    assert len(folds) == 2
    assert consequences < folds[0]
    assert "indicator status ind-t3-5-network-meetings: no data → achieved" in out[consequences : folds[0]]
    assert out[folds[0] :].startswith("<details><summary>59 findings of toc check new or resolved")
    assert out[folds[1] :].startswith("<details><summary>All 344 changes</summary>\n\n| Change |")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    assert sum(t.type == "tr_open" for t in tokens) == 345  # the folded table still renders: head + 344
