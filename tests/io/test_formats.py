"""The format registry (toc.formats): lookup by name, extension and content; clear errors for
unknown formats; every model writer's output reads back as an equal model."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest
from hypothesis import HealthCheck, given, settings

import toc
from tests.strategies import models
from toc import formats
from toc.formats import (
    CHECK_FORMATTERS,
    DIFF_FORMATTERS,
    MODEL_READERS,
    MODEL_WRITERS,
    RENDER_WRITERS,
    REPORT_WRITERS,
    Format,
    FormatError,
    NoOptions,
    Reader,
    Room,
    Writer,
    options_from,
)
from toc.io.modelformats import JsonOptions
from toc.model import Model

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"
ROOMS: list[Room[Any]] = [
    MODEL_READERS,
    MODEL_WRITERS,
    RENDER_WRITERS,
    REPORT_WRITERS,
    CHECK_FORMATTERS,
    DIFF_FORMATTERS,
]


# --- lookup ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name"),
    [("m.yaml", "yaml"), ("m.yml", "yaml"), ("M.YAML", "yaml"), ("dir.d/m.json", "json"), ("m.txt", None)],
)
def test_model_format_by_extension(path: str, name: str | None) -> None:
    found = MODEL_READERS.for_path(path)
    assert (found.name if found else None) == name


def test_names_and_aliases_are_case_insensitive() -> None:
    assert MODEL_READERS.named("YML").name == "yaml"
    assert RENDER_WRITERS.named("mermaid").name == "mmd"
    assert RENDER_WRITERS.named("gv").name == "dot"


def test_model_format_by_content_when_the_extension_says_nothing(tmp_path: Path) -> None:
    model = toc.load(SMALL)
    as_json = tmp_path / "model.txt"
    as_json.write_text(_text(model, "json"), encoding="utf-8")
    as_yaml = tmp_path / "model"
    as_yaml.write_text(_text(model, "yaml"), encoding="utf-8")
    assert formats.reader_for(as_json.read_bytes(), str(as_json)).name == "json"
    assert formats.reader_for(as_yaml.read_bytes(), str(as_yaml)).name == "yaml"
    assert toc.load(as_json) == model
    assert toc.load(as_yaml) == model


def test_the_extension_wins_over_the_content_and_the_named_format_over_both(tmp_path: Path) -> None:
    path = tmp_path / "model.yaml"
    path.write_text(_text(toc.load(SMALL), "json"), encoding="utf-8")  # JSON is YAML too
    assert formats.reader_for(path.read_bytes(), str(path)).name == "yaml"
    assert formats.reader_for(path.read_bytes(), str(path), "json").name == "json"
    assert toc.load(path) == toc.load(path, format="json")


def test_unknown_extension_and_content_is_a_load_error_listing_the_known_formats(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(toc.LoadError) as caught:
        toc.load(path)
    assert isinstance(caught.value, FormatError)
    text = str(caught.value)
    assert text.startswith(f"{path}: cannot tell the model format")
    assert "yaml (.yaml, .yml), json (.json)" in text


def test_unknown_format_name_lists_the_known_ones() -> None:
    with pytest.raises(FormatError, match=r"unknown model format 'toml' \(known formats: yaml .*json"):
        toc.load(SMALL, format="toml")


def test_a_missing_file_is_still_a_plain_load_error(tmp_path: Path) -> None:
    with pytest.raises(toc.LoadError, match="no such file"):
        toc.load(tmp_path / "absent.yaml")


def test_a_room_refuses_a_name_or_extension_twice() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        Room("x", [Format("a", "m:a"), Format("b", "m:b", aliases=("a",))])
    with pytest.raises(ValueError, match="extension"):
        Room("x", [Format("a", "m:a", (".a",)), Format("b", "m:b", (".a",))])


@pytest.mark.parametrize("room", ROOMS, ids=lambda r: r.what)
def test_every_registered_format_imports_and_meets_its_protocol(room: Room[object]) -> None:
    for fmt in room.formats:
        implementation: Any = fmt.load()
        if room is MODEL_READERS:
            assert callable(implementation.sniff)
            assert callable(implementation.read)
        elif room in (CHECK_FORMATTERS, DIFF_FORMATTERS):
            assert callable(implementation)
        else:
            assert isinstance(implementation.binary, bool)
            assert callable(implementation.write)
            implementation.options()  # every option has a default


def test_importing_the_registry_imports_no_format() -> None:
    probe = "import sys, toc.formats; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    loaded = set(done.stdout.split())
    assert not {"pydantic", "yaml", "json", "networkx", "toc.io.load", "toc.export", "toc.report"} & loaded


# --- a reader of several models (the shape an IATI file will have) ------------------------------------


class _TwoModels:
    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"TWO")

    def read(self, data: bytes, name: str) -> list[Model]:
        model = toc.load(SMALL)
        return [model, model]


TWO = _TwoModels()


def test_a_reader_may_return_several_models_and_load_wants_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader: Reader = TWO
    assert reader.sniff(b"TWO")
    room: Room[Reader] = Room("model", [*MODEL_READERS.formats, Format("two", f"{__name__}:TWO", (".two",))])
    monkeypatch.setattr(formats, "MODEL_READERS", room)
    path = tmp_path / "pair.two"
    path.write_bytes(b"TWO")
    assert len(formats.load_all(path)) == 2
    with pytest.raises(FormatError, match="holds 2 models, not one"):
        formats.load(path)


# --- writing -------------------------------------------------------------------------------------------


def test_dump_picks_the_format_from_the_extension(tmp_path: Path) -> None:
    model = toc.load(SMALL)
    toc.dump(model, tmp_path / "m.json")
    toc.dump(model, tmp_path / "m.yaml")
    assert (tmp_path / "m.json").read_text(encoding="utf-8").startswith('{\n  "toc": 1,')
    assert (tmp_path / "m.yaml").read_text(encoding="utf-8") == toc.dumps(model)
    assert toc.load(tmp_path / "m.json") == toc.load(tmp_path / "m.yaml") == model


def test_dump_to_an_unknown_extension_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"cannot tell the model format: extension '\.txt'"):
        toc.dump(toc.load(SMALL), tmp_path / "m.txt")
    assert list(tmp_path.iterdir()) == []


def test_writer_options_are_typed() -> None:
    writer: Writer[Model, JsonOptions] = MODEL_WRITERS.named("json").load()
    text = writer.write(toc.load(SMALL), JsonOptions(indent=0))
    assert isinstance(text, str)
    assert text.startswith('{\n"toc": 1,')


@dataclass(frozen=True)
class _Options:
    indent: int = 2
    layout: Literal["eu", "fcdo", "matrix"] = "eu"
    wide: bool = False
    title: str | None = None


def test_options_from_command_line_text() -> None:
    made = options_from(_Options, {"indent": "4", "layout": "fcdo", "wide": "yes", "title": "T"})
    assert made == _Options(4, "fcdo", True, "T")
    assert options_from(NoOptions, {}) == NoOptions()
    for pairs, message in (
        ({"indnt": "4"}, "has no option 'indnt'.*indent, layout, wide, title"),
        ({"indent": "four"}, "whole number"),
        ({"layout": "usaid"}, "choose eu, fcdo, matrix"),
        ({"wide": "maybe"}, "yes or no"),
    ):
        with pytest.raises(FormatError, match=message):
            options_from(_Options, pairs)


# --- round trips ---------------------------------------------------------------------------------------


def _text(model: Model, fmt: str) -> str:
    data = formats.write(model, fmt)
    assert isinstance(data, str)
    return data


ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(models(hostile_labels=True))
def test_every_model_writer_reads_back_as_an_equal_model(model: Model) -> None:
    # the logframe layouts (xlsx, csv) hold what a donor's matrix holds: tests/logframes;
    # an IATI activity holds the results framework only: tests/iati round-trips that
    for fmt in (f for f in MODEL_WRITERS.formats if f.name not in ("xlsx", "csv", "iati")):
        data = formats.write(model, fmt.name)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (back,) = formats.read(raw, f"model{fmt.extensions[0]}")
        assert back == model, fmt.name
        (sniffed,) = formats.read(raw, "model")  # by content alone
        assert sniffed == model, fmt.name


@ROUND_TRIP
@given(models())
def test_yaml_to_json_to_yaml_gives_the_same_canonical_yaml(model: Model) -> None:
    text = toc.dumps(model)
    as_json = formats.write(toc.loads(text), "json")
    assert isinstance(as_json, str)
    (back,) = formats.read(as_json.encode("utf-8"), "m.json")
    assert toc.dumps(back) == text


# --- JSON input errors point at line and column -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ('{\n  "toc": 1,\n}', ":3:1:", "JSON syntax error: Expecting property name"),
        ('{\n  "toc": NaN\n}', ":2:10:", "NaN is not a JSON number"),
        ('{\n  "toc": 1,\n  "nodez": []\n}', ":3:3:", "unknown field 'nodez'"),
        ('{"toc": 1, "toc": 1}', ":1:12:", "duplicate key 'toc'"),
    ],
)
def test_json_errors_are_located(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = tmp_path / "m.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(toc.LoadError) as caught:
        toc.load(path)
    assert f"{path}{where} {message}" in str(caught.value)


def test_json_escaped_surrogate_pairs_are_read(tmp_path: Path) -> None:
    model = toc.load(SMALL)
    text = formats.write(model, "json")
    assert isinstance(text, str)
    title = model.text(model.programme.title, "en")
    path = tmp_path / "m.json"
    path.write_text(text.replace(title, title + " \\ud83d\\udca7"), encoding="utf-8")
    assert toc.load(path).text(toc.load(path).programme.title, "en") == title + " 💧"


@pytest.mark.parametrize("character", ["\x85", "\u2028", "\u2029", "\x7f", "\x9b"])
def test_json_text_that_yaml_would_read_otherwise_is_kept_exactly(tmp_path: Path, character: str) -> None:
    model = toc.load(SMALL)
    text = formats.write(model, "json")
    assert isinstance(text, str)
    title = model.text(model.programme.title, "en")
    path = tmp_path / "m.json"
    path.write_text(text.replace(title, f"a{character}b"), encoding="utf-8")  # raw, as JSON allows
    loaded = toc.load(path)
    assert loaded.text(loaded.programme.title, "en") == f"a{character}b"


class _CheckedWriter:
    binary: ClassVar[bool] = False
    options: ClassVar[type[NoOptions]] = NoOptions

    def write(self, subject: Model, options: NoOptions) -> str:
        return ""


def test_a_class_with_binary_options_and_write_is_a_writer() -> None:
    writer: Writer[Model, NoOptions] = _CheckedWriter()  # mypy checks the protocol here
    assert writer.write(toc.load(SMALL), NoOptions()) == ""
