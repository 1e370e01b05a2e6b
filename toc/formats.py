"""The format registry: every format toc reads or writes, in one explicit table per room.

A *room* is one kind of work, and each has its own protocol:

* :data:`MODEL_READERS` — :class:`Reader`: file bytes → models (``toc.load``, every command's input);
* :data:`MODEL_WRITERS` — :class:`Writer` of a model that reads back (``toc.dump``, ``toc convert``);
* :data:`RENDER_WRITERS` — :class:`Writer` of a model's picture or table (``toc render``);
* :data:`REPORT_WRITERS` — :class:`Writer` of an assessment (``toc report``);
* :data:`CHECK_FORMATTERS` — :class:`Formatter` of what ``toc check`` found;
* :data:`DIFF_FORMATTERS` — :class:`DiffFormatter` of what ``toc diff`` found.

Each table lists its formats by name, with their file extensions and the module that
implements them (``"module:attribute"``). Nothing is imported until a format is used, so
importing this module costs nothing and ``toc check`` loads no diagram library. A new format
is one line in a table and one object that meets the room's protocol; no command changes.
The same name may sit in two rooms (``json`` is a model format, a report format and a check
format); inside a room, names, aliases and extensions are unique.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from toc.errors import LoadError, Location, Problem
from toc.io.source import DEFAULT_MAX_BYTES, read_source

if TYPE_CHECKING:
    from toc.assessment.assessment import Assessment
    from toc.diff import Diff
    from toc.export.options import Options as RenderOptions
    from toc.formatters import Report
    from toc.model import Model
    from toc.report.writers import ReportOptions

__all__ = [
    "CHECK_FORMATTERS",
    "DIFF_FORMATTERS",
    "MODEL_READERS",
    "MODEL_WRITERS",
    "RENDER_WRITERS",
    "REPORT_WRITERS",
    "DiffFormatter",
    "Format",
    "FormatError",
    "Formatter",
    "NoOptions",
    "Reader",
    "Room",
    "Writer",
    "dump",
    "iter_load",
    "iter_read",
    "load",
    "load_all",
    "options_from",
    "read",
    "read_one",
    "write",
]

SNIFF_BYTES = 4096
"""How much of the start of a file a reader's sniffer sees."""

T = TypeVar("T")
S_contra = TypeVar("S_contra", contravariant=True)
O_contra = TypeVar("O_contra", contravariant=True)


class Reader(Protocol):
    """Reads model files of one format. One file may hold several models (an IATI file holds
    one activity per model), so :meth:`read` returns a list; ``toc.load`` wants exactly one."""

    def sniff(self, head: bytes) -> bool:
        """Whether a file that starts with ``head`` (its first :data:`SNIFF_BYTES`) is in this
        format; asked only when neither ``--from`` nor the file extension says."""
        ...

    def read(self, data: bytes, name: str) -> list[Model]:
        """The models in ``data``; ``name`` is the file name used in error locations. Raises
        :class:`~toc.errors.LoadError` (with file, line and column) for anything wrong."""
        ...


class Writer(Protocol[S_contra, O_contra]):
    """Writes one subject (a model, an assessment) as text or bytes.

    ``options`` is the dataclass of what the format can be asked (``NoOptions`` when
    nothing); the CLI builds it from ``--option KEY=VALUE`` with :func:`options_from`."""

    @property
    def binary(self) -> bool:
        """True when :meth:`write` returns bytes (PNG, PDF, a workbook), False for text."""
        ...

    @property
    def options(self) -> type[Any]: ...

    def write(self, subject: S_contra, options: O_contra) -> bytes | str: ...


class Formatter(Protocol):
    """A ``toc check`` output format: the whole report as text (``colour``: ANSI, on a terminal)."""

    def __call__(self, report: Report, colour: bool = False) -> str: ...


class DiffFormatter(Protocol):
    """A ``toc diff`` output format: the diff between the models read from ``old`` and ``new``
    (the names shown), with fixed words in ``lang``."""

    def __call__(self, diff: Diff, old: str, new: str, lang: str | None = None) -> str: ...


@dataclass
class NoOptions:
    """The options of a format that takes none."""


class FormatError(LoadError):
    """No registered format fits: an unknown name or extension, or content no reader recognises.

    A :class:`~toc.errors.LoadError`, so that every command reports it as bad input (exit 2),
    with the known formats listed in the hint."""

    def __init__(self, file: str, message: str, hint: str = "") -> None:
        super().__init__([Problem(Location(file, 0, 0), message, hint)])


class Format(Generic[T]):
    """One row of a table: a format's name and extensions, and where its implementation lives.

    (A plain class, not a dataclass: the tables are built on every ``toc`` start.)"""

    __slots__ = ("aliases", "extensions", "name", "summary", "target")

    def __init__(
        self,
        name: str,
        target: str,
        extensions: tuple[str, ...] = (),
        summary: str = "",
        aliases: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.target = target
        """``module:attribute`` of the object that implements the room's protocol."""
        self.extensions = extensions
        """File extensions, with the dot, lower case (``.yaml``)."""
        self.summary = summary
        self.aliases = aliases
        """Other names accepted for ``--format``/``--from``/``--to`` (``mermaid`` for ``mmd``)."""

    def __repr__(self) -> str:
        return f"Format({self.name!r}, {self.target!r})"

    def load(self) -> T:
        """The implementation (its module is imported now, not before)."""
        module, _, attribute = self.target.partition(":")
        return cast(T, getattr(importlib.import_module(module), attribute))

    def describe(self) -> str:
        return f"{self.name} ({', '.join(self.extensions)})" if self.extensions else self.name


class Room(Generic[T]):
    """The formats of one kind of work, looked up by name, alias or file extension."""

    def __init__(self, what: str, formats: Sequence[Format[T]]) -> None:
        self.what = what
        self.formats = tuple(formats)
        self._names: dict[str, Format[T]] = {}
        self._extensions: dict[str, Format[T]] = {}
        for fmt in self.formats:
            for key in (fmt.name, *fmt.aliases):
                if key in self._names:
                    raise ValueError(f"{what}: the name {key!r} is registered twice")
                self._names[key] = fmt
            for ext in fmt.extensions:
                if ext in self._extensions or ext != ext.lower() or not ext.startswith("."):
                    raise ValueError(f"{what}: bad or repeated extension {ext!r}")
                self._extensions[ext] = fmt

    def names(self) -> tuple[str, ...]:
        """The formats' names, in table order."""
        return tuple(f.name for f in self.formats)

    def choices(self) -> tuple[str, ...]:
        """Names and aliases: what ``--format`` accepts."""
        return tuple(self._names)

    def extensions(self) -> tuple[str, ...]:
        return tuple(self._extensions)

    def find(self, name: str) -> Format[T] | None:
        return self._names.get(name.lower())

    def for_path(self, path: str | os.PathLike[str]) -> Format[T] | None:
        """The format a file name asks for by its extension, if any."""
        return self._extensions.get(Path(path).suffix.lower())

    def known(self) -> str:
        """``yaml (.yaml, .yml), json (.json)``: for error messages."""
        return ", ".join(f.describe() for f in self.formats)

    def named(self, name: str, file: str = "") -> Format[T]:
        """The format called ``name``; :class:`FormatError` listing the known ones if none is."""
        found = self.find(name)
        if found is None:
            raise FormatError(file or "<arguments>", f"unknown {self.what} format {name!r}", self._hint())
        return found

    def choose(self, path: str | os.PathLike[str], name: str | None = None) -> Format[T]:
        """The format ``name`` if given, else the one the file's extension asks for."""
        if name:
            return self.named(name, os.fspath(path))
        found = self.for_path(path)
        if found is None:
            suffix = Path(path).suffix
            what = f"extension {suffix!r}" if suffix else "no extension"
            raise FormatError(
                os.fspath(path) or "<output>",
                f"cannot tell the {self.what} format: {what}",
                self._hint(),
            )
        return found

    def _hint(self) -> str:
        return f"known formats: {self.known()}"


# --- the tables -----------------------------------------------------------------------------------

MODEL_READERS: Room[Reader] = Room(
    "model",
    [
        Format("yaml", "toc.io.modelformats:YAML", (".yaml", ".yml"), "the model file format", ("yml",)),
        Format("json", "toc.io.modelformats:JSON", (".json",), "the same model as JSON"),
        Format("iati", "toc.io.iati:IATI", (".xml",), "IATI 2.03 activity file, one model per activity"),
        Format(
            "xlsx", "toc.io.logframe.formats:XLSX", (".xlsx", ".xlsm"), "logframe workbook (eu, fcdo, matrix)"
        ),
        Format("csv", "toc.io.logframe.formats:CSV", (".csv",), "logframe 4x4 matrix as CSV"),
    ],
)
"""Readers, asked in this order when the content must decide (the most specific first would
go first; YAML, which any of them might also parse, is the one that sniffs ``toc:``)."""

MODEL_WRITERS: Room[Writer[Model, Any]] = Room(
    "model",
    [
        Format("yaml", "toc.io.modelformats:YAML", (".yaml", ".yml"), "canonical YAML", ("yml",)),
        Format("json", "toc.io.modelformats:JSON", (".json",), "the canonical data as JSON"),
        Format("iati", "toc.io.iati:IATI", (".xml",), "IATI 2.03 activity (results and indicators)"),
        Format(
            "xlsx", "toc.io.logframe.formats:XLSX", (".xlsx",), "logframe workbook (-O layout=eu|fcdo|matrix)"
        ),
        Format("csv", "toc.io.logframe.formats:CSV", (".csv",), "logframe 4x4 matrix as CSV"),
    ],
)
"""Writers of a whole model, read back by the reader of the same name."""

RENDER_WRITERS: Room[Writer[Model, RenderOptions]] = Room(
    "render",
    [
        Format("dot", "toc.export.writers:DOT", (".dot", ".gv"), "Graphviz source", ("gv",)),
        Format("svg", "toc.export.writers:SVG", (".svg",), "diagram laid out by Graphviz"),
        Format("png", "toc.export.writers:PNG", (".png",), "diagram laid out by Graphviz"),
        Format("pdf", "toc.export.writers:PDF", (".pdf",), "diagram laid out by Graphviz"),
        Format("mmd", "toc.export.writers:MERMAID", (".mmd",), "Mermaid flowchart", ("mermaid",)),
        Format("md", "toc.export.writers:LOGFRAME_MD", (".md",), "logframe matrix", ("markdown",)),
        Format("csv", "toc.export.writers:LOGFRAME_CSV", (".csv",), "logframe matrix"),
        Format("html", "toc.export.writers:LOGFRAME_HTML", (".html", ".htm"), "logframe matrix"),
        Format("explorer", "toc.export.writers:EXPLORER", (), "interactive HTML explorer"),
    ],
)
"""Diagrams and tables of a model (not read back)."""

REPORT_WRITERS: Room[Writer[Assessment, ReportOptions]] = Room(
    "report",
    [
        Format("md", "toc.report.writers:MARKDOWN", (".md", ".markdown"), "Markdown", ("markdown",)),
        Format("html", "toc.report.writers:HTML", (".html", ".htm"), "self-contained HTML", ("htm",)),
        Format("json", "toc.report.writers:JSON", (".json",), "the report's data"),
    ],
)
"""Assessment reports."""

CHECK_FORMATTERS: Room[Formatter] = Room(
    "check",
    [
        Format("text", "toc.formatters.text:render", summary="findings by file, for people"),
        Format("json", "toc.formatters.json:render", summary="machine-readable findings"),
        Format("github", "toc.formatters.github:render", summary="GitHub Actions annotations"),
        Format("sarif", "toc.formatters.sarif:render", summary="SARIF 2.1.0 (code scanning)"),
        Format("junit", "toc.formatters.junit:render", summary="JUnit XML (CI test reports)"),
    ],
)
"""``toc check --format``."""

DIFF_FORMATTERS: Room[DiffFormatter] = Room(
    "diff",
    [
        Format("text", "toc.diff.output:as_text", (".txt",), "one line per change, for a terminal"),
        Format("md", "toc.diff.output:as_markdown", (".md",), "a pull-request comment", ("markdown",)),
        Format("json", "toc.diff.output:as_json", (".json",), "changes and consequences as data"),
    ],
)
"""``toc diff --format``."""


# --- reading and writing models -------------------------------------------------------------------


def reader_for(data: bytes, name: str, format: str | None = None) -> Format[Reader]:
    """The reader for a file: ``format`` if given, else by extension, else by content."""
    if format:
        return MODEL_READERS.named(format, name)
    by_extension = MODEL_READERS.for_path(name)
    if by_extension is not None:
        return by_extension
    head = data[:SNIFF_BYTES]
    for candidate in MODEL_READERS.formats:
        if candidate.load().sniff(head):
            return candidate
    suffix = Path(name).suffix
    what = f"the extension {suffix!r} is not a model format" if suffix else "it has no extension"
    raise FormatError(
        name,
        f"cannot tell the model format: {what}, and the content is not recognised",
        f"known formats: {MODEL_READERS.known()}; use one of these extensions, or name the format (--from)",
    )


def iter_read(data: bytes, name: str = "<bytes>", format: str | None = None) -> Iterator[Model]:
    """Every model in ``data``, one at a time where the reader can hand them out as it reads
    (a ``stream`` method: the IATI reader, activity by activity), else all at once; a caller that
    lets each model go holds one at a time. A load error stops the iteration where it is met."""
    reader = reader_for(data, name, format).load()
    stream = getattr(reader, "stream", None)
    if stream is not None:
        yield from stream(data, name)
    else:
        yield from reader.read(data, name)


def read(data: bytes, name: str = "<bytes>", format: str | None = None) -> list[Model]:
    """Every model in ``data`` (see :func:`reader_for` for how the format is chosen)."""
    return reader_for(data, name, format).load().read(data, name)


def read_one(data: bytes, name: str = "<bytes>", format: str | None = None) -> Model:
    """The one model in ``data``: a :class:`FormatError` when it holds none or several."""
    models = read(data, name, format)
    if len(models) != 1:
        raise FormatError(
            name,
            f"holds {len(models)} models, not one",
            "read them with toc.formats.load_all, or convert them one at a time",
        )
    return models[0]


def load_all(
    path: str | os.PathLike[str], format: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Model]:
    """Every model in a file of any registered format (read within ``max_bytes``:
    :func:`toc.io.source.read_source`)."""
    name = os.fspath(path)
    return read(read_source(name, max_bytes), name, format)


def iter_load(
    path: str | os.PathLike[str], format: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Model]:
    """:func:`load_all` one model at a time (:func:`iter_read`)."""
    name = os.fspath(path)
    yield from iter_read(read_source(name, max_bytes), name, format)


def load(
    path: str | os.PathLike[str], format: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Model:
    """The model in a file of any registered format: by ``format``, else extension, else content.

    Raises :class:`~toc.errors.LoadError` for anything wrong with the file (also one larger
    than ``max_bytes``), and :class:`FormatError` (a LoadError) when the format is unknown or
    the file holds other than one model.
    """
    name = os.fspath(path)
    return read_one(read_source(name, max_bytes), name, format)


def write(model: Model, format: str, options: object | None = None) -> bytes | str:
    """The model in model format ``format`` (``options``: the writer's options; default: its defaults)."""
    writer = MODEL_WRITERS.named(format).load()
    return writer.write(model, writer.options() if options is None else options)


def dump(
    model: Model,
    path: str | os.PathLike[str],
    format: str | None = None,
    options: object | None = None,
) -> None:
    """Write the model to ``path`` in ``format`` (default: from the extension), atomically."""
    from toc.io.atomic import write_atomic

    name = os.fspath(path)
    chosen = MODEL_WRITERS.choose(name, format)
    data = write(model, chosen.name, options)
    write_atomic(name, data)


# --- options from the command line ----------------------------------------------------------------

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def options_from(kind: type[T], pairs: Mapping[str, str], what: str = "format") -> T:
    """A writer's options dataclass from ``KEY=VALUE`` text (``--option indent=4``).

    Each value is converted to the field's type (text, whole number, yes/no, or one of a
    ``Literal``'s words); an unknown key or a bad value is a :class:`FormatError` saying
    which keys and values are accepted.
    """
    fields = {f.name.replace("_", "-"): f for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    hints = typing.get_type_hints(kind)
    values: dict[str, Any] = {}
    for key, text in pairs.items():
        field = fields.get(key.replace("_", "-"))
        if field is None:
            known = ", ".join(fields) or "none"
            raise FormatError("<arguments>", f"{what} has no option {key!r}", f"its options: {known}")
        values[field.name] = _convert(hints[field.name], text, key, what)
    return kind(**values)


def _convert(kind: Any, text: str, key: str, what: str) -> Any:
    origin = typing.get_origin(kind)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        return _convert(args[0], text, key, what) if len(args) == 1 else text
    if origin is typing.Literal:
        choices = [str(c) for c in typing.get_args(kind)]
        if text not in choices:
            raise FormatError("<arguments>", f"{what}: option {key}={text!r}", f"choose {', '.join(choices)}")
        return text
    if kind is bool:
        if text.lower() in _TRUE | _FALSE:
            return text.lower() in _TRUE
        raise FormatError("<arguments>", f"{what}: option {key}={text!r}", "use yes or no")
    if kind is int:
        try:
            return int(text)
        except ValueError:
            raise FormatError("<arguments>", f"{what}: option {key}={text!r}", "a whole number") from None
    return text
