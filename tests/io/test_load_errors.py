"""Every loader error a model author can meet: the message, and the line and column it points at."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import toc
from toc.cli import main
from toc.cli.streams import Streams
from toc.errors import Problem

H = "toc: 1\nprogramme: {id: p, title: P}\n"
"""A valid two-line header; cases below add from line 3."""
NODES = H + "nodes:\n  - {id: a, level: activity, label: A}\n  - {id: b, level: output, label: B}\n"


def problems(text: str) -> list[Problem]:
    with pytest.raises(toc.LoadError) as caught:
        toc.loads(text, "m.yaml")
    assert caught.value.problems, "a LoadError always says what is wrong"
    return caught.value.problems


def only(text: str) -> Problem:
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def where(problem: Problem) -> tuple[int, int]:
    return problem.location.line, problem.location.column


# (name, text, line, column, words the message holds, rule)
CASES = [
    # --- the model's own checks --------------------------------------------------------------
    (
        "unknown field, with did-you-mean",
        H + "nodes:\n  - id: a\n    level: activity\n    label: A\n    lable: B\n",
        7,
        5,
        ["unknown field 'lable'", "did you mean 'label'?"],
        None,
    ),
    (
        "unknown top-level field",
        H + "nodez: []\n",
        3,
        1,
        ["unknown field 'nodez'", "did you mean 'nodes'?"],
        None,
    ),
    (
        "missing required field",
        H + "nodes:\n  - id: a\n    level: activity\n",
        4,
        5,
        ["missing required field 'label'"],
        None,
    ),
    (
        "a mapping where a list is expected",
        H + "nodes: {id: a}\n",
        3,
        1,
        ["nodes: expected a list of nodes, got a mapping", "put '- ' before each"],
        None,
    ),
    (
        "a list where text is expected",
        H + "nodes:\n  - id: a\n    level: activity\n    label: [x]\n",
        6,
        12,
        ["nodes[0].label", "expected text, or a mapping of language codes to text"],
        None,
    ),
    (
        "a bad language key in a text mapping",
        H + "nodes:\n  - id: a\n    level: activity\n    label: {EN: x}\n",
        6,
        13,
        ["'EN' is not a language code"],
        None,
    ),
    (
        "bad id",
        H + "nodes:\n  - id: a b\n    level: activity\n    label: A\n",
        4,
        9,
        ["'a b' is not a valid id", "letters, digits and _ . : -"],
        None,
    ),
    (
        "bad enum value, with suggestion",
        H + "nodes:\n  - id: a\n    level: outcom\n    label: A\n",
        5,
        12,
        [
            "'outcom' is not allowed here",
            "'activity', 'output', 'outcome' or 'impact'",
            "did you mean 'outcome'?",
        ],
        None,
    ),
    (
        "bad date",
        H + "sources:\n  - id: s\n    title: S\n    date: 2018-13\n",
        6,
        11,
        ["'2018-13' is not a date", "YYYY, YYYY-MM or YYYY-MM-DD"],
        None,
    ),
    ("bad language code", "toc: 1\nlanguages: [EN]\nprogramme: {id: p, title: P}\n", 2, 13, ["'EN'"], None),
    (
        "bad currency",
        "toc: 1\nprogramme:\n  id: p\n  title: P\n  budget: {amount: 5, currency: euro}\n",
        5,
        33,
        ["'euro' is not a currency code", "ISO 4217"],
        None,
    ),
    (
        "number out of range",
        H + "assumptions:\n  - {id: x, statement: S, prior: 2}\n",
        4,
        34,
        ["assumptions[0].prior", "less than or equal to 1"],
        None,
    ),
    (
        "programme period that ends before it starts",
        "toc: 1\nprogramme:\n  id: p\n  title: P\n  period: {start: 2020, end: 2019-06}\n",
        5,
        12,
        ["period starts (2020) after it ends (2019-06)"],
        None,
    ),
    (
        "indicator period that ends before it starts",
        H
        + "nodes:\n  - id: o\n    level: output\n    label: O\n    indicators:\n      - id: i\n"
        + "        label: I\n        periods:\n          - start: 2020-03\n            end: 2020-01\n",
        11,
        13,
        ["period starts (2020-03) after it ends (2020-01)"],
        None,
    ),
    (
        "horizon on a non-outcome",
        H + "nodes:\n  - id: a\n    level: output\n    label: A\n    horizon: short\n",
        7,
        5,
        ["'horizon' is for outcomes only", "this node is an output"],
        None,
    ),
    (
        "indicators on an activity",
        H
        + "nodes:\n  - id: a\n    level: activity\n    label: A\n"
        + "    indicators:\n      - {id: i, label: I}\n",
        7,
        5,
        ["activities carry no indicators", "put the indicator on the output"],
        None,
    ),
    # --- whole-model integrity ----------------------------------------------------------------
    (
        "duplicate id",
        H + "nodes:\n  - {id: a, level: activity, label: A}\n  - {id: a, level: output, label: B}\n",
        5,
        10,
        ["duplicate id 'a': already used by a node"],
        "duplicate-id",
    ),
    (
        "duplicate id across sections",
        NODES + "assumptions:\n  - {id: b, statement: S}\n",
        7,
        10,
        ["duplicate id 'b': already used by a node"],
        "duplicate-id",
    ),
    (
        "dangling link from",
        NODES + "links:\n  - from: c\n    to: b\n",
        7,
        11,
        ["node 'c' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling link to, with suggestion",
        NODES + "links:\n  - from: a\n    to: bb\n",
        8,
        9,
        ["node 'bb' is not defined", "did you mean 'b'?"],
        "dangling-reference",
    ),
    (
        "dangling assumption on a link",
        NODES + "links:\n  - from: a\n    to: b\n    assumptions: [x]\n",
        9,
        19,
        ["assumption 'x' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling applies_to",
        H + "assumptions:\n  - id: x\n    statement: S\n    applies_to: [nope]\n",
        6,
        18,
        ["link or node 'nope' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling evidence about",
        H
        + "evidence:\n  - id: e\n    about: [nope]\n"
        + "    summary: S\n    method: survey\n    stance: supports\n",
        5,
        13,
        ["element 'nope' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling pathway link",
        NODES + "pathways:\n  - id: pw\n    label: P\n    links: [a->b]\n",
        9,
        13,
        ["link 'a->b' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling recommendation responds_to",
        H + "recommendations:\n  - id: r\n    text: T\n    responds_to: [nope]\n",
        6,
        19,
        ["element 'nope' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling cite source",
        H
        + "nodes:\n  - id: a\n    level: activity\n    label: A\n    cite: {source: nosrc, locator: p. 1}\n",
        7,
        11,
        ["source 'nosrc' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling component",
        H + "nodes:\n  - id: a\n    level: activity\n    label: A\n    component: nocomp\n",
        7,
        16,
        ["component 'nocomp' is not defined"],
        "dangling-reference",
    ),
    (
        "dangling ceiling of accountability",
        "toc: 1\nprogramme:\n  id: p\n  title: P\n  ceiling_of_accountability: nonode\n",
        5,
        30,
        ["node 'nonode' is not defined"],
        "dangling-reference",
    ),
    (
        "a link pointing at an assumption",
        NODES + "assumptions:\n  - {id: x, statement: S}\nlinks:\n  - from: a\n    to: x\n",
        10,
        9,
        ["'x' is an assumption, but a node is expected here"],
        "dangling-reference",
    ),
    (
        "a pathway listing a node instead of a link",
        NODES + "links:\n  - {from: a, to: b}\npathways:\n  - {id: pw, label: P, links: [a]}\n",
        9,
        32,
        ["'a' is a node, but a link is expected here"],
        "dangling-reference",
    ),
    # --- the document as a whole --------------------------------------------------------------
    (
        "missing version",
        "programme: {id: p, title: P}\n",
        1,
        1,
        ["missing the format version", "toc: 1"],
        None,
    ),
    (
        "newer version",
        "toc: 2\nprogramme: {id: p, title: P}\n",
        1,
        6,
        ["format version 2 is not supported", "upgrade theory-of-change"],
        None,
    ),
    ("version as text", "toc: one\nprogramme: {id: p, title: P}\n", 1, 6, ["unsupported value 'one'"], None),
    ("a list, not a mapping", "- a\n- b\n", 1, 1, ["a model is a mapping"], None),
    ("a scalar, not a mapping", "hello\n", 1, 1, ["a model is a mapping"], None),
    # --- the logframe hierarchy ---------------------------------------------------------------
    (
        "logframe: wrong child key for the level",
        H + "logframe:\n  impact:\n    id: i\n    label: I\n    outputs:\n      - {id: o, label: O}\n",
        7,
        5,
        ["an impact cannot list outputs under it", "an impact lists outcomes"],
        None,
    ),
    (
        "logframe: an output cannot list outcomes",
        H
        + "logframe:\n  outcomes:\n    - id: o\n      label: O\n      outputs:\n        - id: op\n"
        + "          label: OP\n          outcomes: []\n",
        10,
        11,
        ["an output cannot list outcomes under it", "an output lists activities"],
        None,
    ),
    (
        "logframe: level that contradicts the place",
        H
        + "logframe:\n  impact:\n    id: i\n    label: I\n"
        + "    outcomes:\n      - {id: o, label: O, level: output}\n",
        8,
        27,
        ["sits where an outcome belongs, but says level 'output'"],
        None,
    ),
    (
        "logframe: a node that is not a mapping",
        H + "logframe:\n  impact:\n    id: i\n    label: I\n    outcomes:\n      - just text\n",
        8,
        9,
        ["an outcome in the logframe must be a mapping", "not the text 'just text'"],
        None,
    ),
    (
        "logframe: unknown key",
        H + "logframe:\n  impakt:\n    id: i\n    label: I\n",
        4,
        3,
        ["unknown key 'impakt' in 'logframe'", "did you mean 'impact'?"],
        None,
    ),
    ("logframe: not a mapping", H + "logframe: [a]\n", 3, 11, ["'logframe' must be a mapping"], None),
    (
        "logframe: undefined assumption named on a top node",
        H + "logframe:\n  impact:\n    id: i\n    label: I\n    assumptions: [nope]\n",
        7,
        5,
        ["assumption 'nope' is not defined", "define it under 'assumptions:'"],
        None,
    ),
    (
        "logframe: precondition that is not a mapping",
        H + "logframe:\n  preconditions: [text]\n",
        4,
        3,
        ["a precondition is a mapping with id and statement"],
        None,
    ),
    (
        "logframe: a misspelt key in a precondition",
        H + "logframe:\n  preconditions:\n    - id: x\n      statment: S\n",
        5,
        7,
        ["missing required field 'statement'"],
        None,
    ),
    (
        "inline evidence that is not a list",
        H + "assumptions:\n  - id: x\n    statement: S\n    evidence: {a: 1}\n",
        6,
        5,
        ["evidence: expected a list of evidence items, got a mapping"],
        None,
    ),
    (
        "logframe: unknown field on a node, with did-you-mean",
        H + "logframe:\n  impact:\n    id: i\n    label: I\n    outcoms: []\n",
        7,
        5,
        ["unknown field 'outcoms'", "did you mean 'outcomes'?"],
        None,
    ),
    # --- YAML -----------------------------------------------------------------------------------
    ("invalid YAML syntax", H + "nodes: [a, b\nlinks: []\n", 4, 6, ["YAML syntax error"], None),
    ("a tab for indentation", H + "nodes:\n\t- a\n", 4, 1, ["YAML syntax error"], None),
    (
        "duplicate key, with the line of the first",
        "toc: 1\nprogramme: {id: p, title: P}\ntoc: 1\n",
        3,
        1,
        ["duplicate key 'toc' (first defined at line 1)"],
        None,
    ),
    (
        "duplicate key inside an element",
        H + "nodes:\n  - id: a\n    label: A\n    level: activity\n    label: B\n",
        7,
        5,
        ["duplicate key 'label' (first defined at line 5)"],
        None,
    ),
    (
        "python tag",
        H + "x: !!python/object:os.system ls\n",
        3,
        4,
        ["YAML tag", "python/object", "not allowed"],
        None,
    ),
    ("custom tag", H + "x: !foo bar\n", 3, 4, ["YAML tag '!foo' is not allowed"], None),
    ("custom tag on a mapping", H + "x: !foo {a: 1}\n", 3, 4, ["YAML tag '!foo' is not allowed"], None),
    ("custom tag on a key", H + "!foo x: 1\n", 3, 1, ["YAML tag '!foo' is not allowed"], None),
    ("explicit int tag on text", H + "x: !!int abc\n", 3, 4, ["'abc' is not a valid int"], None),
    ("explicit bool tag on text", H + "x: !!bool maybe\n", 3, 4, ["'maybe' is not a valid bool"], None),
    ("a list as a key", H + "? [a]\n: 1\n", 3, 3, ["a key must be plain text"], None),
    ("multiple documents", H + "---\ntoc: 1\n", 3, 1, ["more than one YAML document"], None),
    ("undefined alias", H + "x: *nope\n", 3, 4, ["alias *nope refers to no anchor"], None),
    ("alias to its own container", H + "x: &a [*a]\n", 3, 8, ["refers to the value that contains it"], None),
    ("anchor defined twice", H + "x: &a [1]\ny: &a [2]\n", 4, 4, ["anchor &a is defined twice"], None),
    ("merge of a non-mapping", H + "x:\n  <<: [1]\n", 4, 7, ["'<<' merges mappings only"], None),
    ("nesting depth", H + "x: " + "[" * 80 + "]" * 80 + "\n", 3, 67, ["nesting deeper than 64 levels"], None),
    ("control character", H + "x: a\x07b\n", 3, 5, ["unreadable character", "control characters"], None),
    ("NUL character", H + "x: ab\x00\n", 3, 6, ["NUL character"], None),
    ("empty file", "", 1, 1, ["the file is empty"], None),
    ("only comments", "# nothing here\n", 1, 1, ["the file is empty"], None),
]


@pytest.mark.parametrize(
    ("text", "line", "column", "words", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_error_message_and_location(
    text: str, line: int, column: int, words: list[str], rule: str | None
) -> None:
    found = problems(text)
    first = found[0]
    text_of = str(first)
    for word in words:
        assert word in text_of, text_of
    assert where(first) == (line, column), text_of
    assert first.location.file == "m.yaml"
    assert first.rule == rule
    assert text_of.startswith(f"m.yaml:{line}:{column}: ")


def test_all_mistakes_are_reported_at_once_in_file_order() -> None:
    found = problems(NODES + "links:\n  - from: a\n    to: zz\n  - from: yy\n    to: b\n")
    assert [(p.location.line, p.message) for p in found] == [
        (8, "node 'zz' is not defined"),
        (9, "node 'yy' is not defined"),
    ]
    assert [p.path for p in found] == ["links[0].to", "links[1].from"]


def test_merge_keys_work_and_written_keys_win() -> None:
    model = toc.loads(H + "nodes:\n  - &base {id: a, level: activity, label: A}\n  - <<: *base\n    id: b\n")
    assert [(n.id, n.label) for n in model.nodes] == [("a", "A"), ("b", "A")]


def test_a_bare_year_is_a_date() -> None:
    model = toc.loads("toc: 1\nprogramme:\n  id: p\n  title: P\n  period: {start: 2018, end: 2019-06}\n")
    assert model.programme.period is not None
    assert model.programme.period.start == "2018"


def test_yaml_words_stay_text_where_text_is_expected() -> None:
    """Keys are never booleans ('no' is Norwegian); a bare '=' is text, not PyYAML's 'value' type."""
    model = toc.loads("toc: 1\nlanguages: [en, 'no']\nprogramme: {id: p, title: {en: x, no: =}}\n")
    assert model.programme.title == {"en": "x", "no": "="}


# --- alias bombs: refused, quickly ----------------------------------------------------------------


def test_billion_laughs_is_refused() -> None:
    lines = ["toc: 1", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]")
    found = only("\n".join(lines) + "\n")
    assert "aliases expand to more than 100,000 nodes" in found.message
    assert "billion laughs" in found.hint


def test_many_small_aliases_within_the_limit_load() -> None:
    model = toc.loads(
        H
        + "x_: &t {en: T}\n".replace("x_", "components")[:0]
        + "components:\n  - {id: c1, label: &t {en: Label}}\n"
        + "".join(f"  - {{id: c{i}, label: *t}}\n" for i in range(2, 200))
    )
    assert len(model.components) == 199


# --- bytes and files ------------------------------------------------------------------------------


def test_non_utf8_byte_is_located() -> None:
    with pytest.raises(toc.LoadError) as caught:
        toc.load_bytes(b"toc: 1\nprogramme: {id: p, title: caf\xe9}\n", "m.yaml")
    (found,) = caught.value.problems
    assert str(found).startswith("m.yaml:2:30: invalid UTF-8 byte 0xe9")


def test_utf16_is_refused_plainly() -> None:
    with pytest.raises(toc.LoadError) as caught:
        toc.load_bytes("toc: 1\n".encode("utf-16"), "m.yaml")
    assert str(caught.value) == "m.yaml:1:1: the file is UTF-16, not UTF-8 (save it as UTF-8)"


def test_utf8_bom_is_accepted() -> None:
    model = toc.load_bytes(b"\xef\xbb\xbf" + H.encode(), "m.yaml")
    assert model.programme.id == "p"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(toc.LoadError) as caught:
        toc.load(path)
    assert str(caught.value) == f"{path}: no such file (check the path)"
    assert caught.value.problems[0].location.line == 0


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(toc.LoadError) as caught:
        toc.load(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a directory, not a model file"


def test_located_file_name_is_the_path_given(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(H + "nodez: []\n", encoding="utf-8")
    with pytest.raises(toc.LoadError) as caught:
        toc.load(path)
    assert str(caught.value).startswith(f"{path}:3:1: unknown field 'nodez'")


# --- the CLI prints file:line:col: message and exits 2 -------------------------------------------


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def test_cli_prints_each_problem_located_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(NODES + "links:\n  - from: a\n    to: zz\n  - from: yy\n    to: b\n", encoding="utf-8")
    code, out, err = run_cli("summary", str(path))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"{path}:8:9: node 'zz' is not defined",
        f"{path}:9:11: node 'yy' is not defined",
    ]
    assert "Traceback" not in err


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run_cli("summary", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert err == f"{tmp_path / 'nope.yaml'}: no such file (check the path)\n"


def test_cli_syntax_error_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"toc: 1\nprogramme: [\n")
    code, _, err = run_cli("fmt", str(path))
    assert code == 2
    assert err.startswith(f"{path}:3:1: YAML syntax error")
