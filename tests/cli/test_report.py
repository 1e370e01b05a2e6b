"""``toc report``: formats from extension or --format, exit codes, files written atomically."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from toc.cli import main
from toc.cli.streams import Streams

ROOT = Path(__file__).resolve().parents[2]
WORKED = str(ROOT / "tests" / "data" / "report_worked.yaml")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def test_markdown_to_stdout_by_default() -> None:
    code, out, err = run("report", WORKED)
    assert code == 0
    assert out.startswith("# Assessment of the theory of change: SDG pilot in municipalities\n")
    assert err == ""


def test_format_from_the_output_extension(tmp_path: Path) -> None:
    for name in ("r.md", "r.json", "r.html"):
        code, out, _ = run("report", WORKED, "-o", str(tmp_path / name))
        assert code == 0
        assert out == ""
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["programme"]["id"] == "pilot"
    assert (tmp_path / "r.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "r.md").read_text("utf-8").startswith("# Assessment")


def test_html_report_never_fails_for_want_of_a_diagram(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    code, _, err = run("report", WORKED, "-o", str(target))
    html = target.read_text("utf-8")
    assert code == 0
    assert '<iframe class="explorer"' in html or ('<p class="note">' in html and "no diagram" in err)
    # whatever the engine drew, nothing is fetched: the only addresses are XML namespaces
    assert set(re.findall(r"https?://[^\"' <>&]+", html)) <= {  # & ends one inside srcdoc
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    code, _, err = run("report", WORKED, "-o", str(target), "--no-diagram")
    assert code == 0
    assert "left out on request" in target.read_text("utf-8")
    assert err == ""


def test_format_option_wins_and_lang_translates() -> None:
    code, out, _ = run("report", WORKED, "--format", "json")
    assert code == 0
    assert json.loads(out)["as_of"] == "2019-11-30"
    code, out, _ = run("report", str(ROOT / "examples" / "small.yaml"), "--lang", "nl")
    assert out.startswith("# Beoordeling van de veranderingstheorie: Schoon water voor Riverside")


def test_options_reach_the_assessment() -> None:
    _, out, _ = run(
        "report", WORKED, "-f", "json", "--prior", "0.2", "--threshold", "0.95", "--untyped", "exclude"
    )
    data = json.loads(out)
    claim = data["claims"][0]
    assert claim["prior"] == 0.2
    assert claim["low_confidence"] is True
    assert data["settings"]["untyped_evidence"] == "exclude"
    _, out, _ = run("report", WORKED, "-f", "json", "--as-of", "2018-01-01")
    assert json.loads(out)["as_of"] == "2018-01-01"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run("report", WORKED, "-o", str(tmp_path / "r.txt"))
    assert code == 2
    assert "cannot tell the format from" in err
    assert not (tmp_path / "r.txt").exists()
    for bad in (["--prior", "1.5"], ["--threshold", "x"], ["--as-of", "2019-13-01"], ["-f", "pdf"]):
        code, _, err = run("report", WORKED, *bad)
        assert code == 2, bad
        assert "Traceback" not in err


def test_missing_or_broken_model_exits_2(tmp_path: Path) -> None:
    code, _, err = run("report", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("toc: 1\nprogramme: {id: p, title: t}\nnodes:\n  - {id: a, level: nowhere, label: x}\n")
    code, _, err = run("report", str(broken))
    assert code == 2
    assert err.startswith(f"{broken}:4:")


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    code, _, err = run("report", WORKED, "-o", str(tmp_path / "missing-dir" / "r.md"))
    assert code == 2
    assert "cannot write" in err
