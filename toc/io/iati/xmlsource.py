"""IATI XML as untrusted input: parsed without entities, DTDs or network, one activity at a time.

An activity file comes from a publisher nobody vouches for. lxml parses it with entity
substitution, DTD loading and validation, and the network off, and without libxml2's "huge"
mode, so depth (256 levels) and any one text node stay bounded; a document type declaration,
which no IATI file needs, is refused before parsing, so an entity bomb costs nothing. The file
itself was read within ``--max-bytes`` (:func:`toc.io.source.read_source`). Activities are
handed out one by one as they end and then cleared (:func:`activities`), so the tree in memory
is one activity, however large the file.

lxml gives an element's line but not its column; :class:`Offsets` finds the byte offset of
each element's start tag in the file. Finding it for every element as it is read cost more
than the parse, so a reader numbers the elements it may locate (:class:`Places`) and the
offsets are found, and turned into ``file:line:column`` by :class:`XmlLocator`, only when a
finding or an error asks.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from toc.errors import LoadError, Location, Problem
from toc.model.locations import Position, Positions

__all__ = ["Lines", "Offsets", "Places", "XmlLocator", "activities", "location_of", "refuse_doctype"]

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_TAG_END = frozenset(b" \t\r\n/>")


def location_of(data: bytes, name: str, offset: int) -> Location:
    """The ``file:line:column`` of a byte offset (column in characters, 1-based)."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return Location(name, line, column)


def refuse_doctype(data: bytes, name: str) -> None:
    """A :class:`LoadError` for a document type declaration before the first element."""
    first = _FIRST_ELEMENT.search(data)
    found = _DOCTYPE.search(data, 0, first.start() if first else len(data))
    if found is not None:
        raise LoadError(
            [
                Problem(
                    location_of(data, name, found.start()),
                    "a document type declaration (<!DOCTYPE …>) is not read: IATI files have none, "
                    "and its entities could expand without bound",
                    "remove the <!DOCTYPE …> declaration",
                )
            ]
        )


def _syntax(exc: etree.XMLSyntaxError, name: str) -> LoadError:
    line, column = exc.position if exc.position else (0, 0)
    message = str(exc.msg or exc).split(", line ")[0]
    return LoadError([Problem(Location(name, max(line, 1), max(column, 1)), f"XML syntax error: {message}")])


def activities(data: bytes, name: str) -> Iterator[tuple[etree._Element, etree._Element]]:
    """``(root, activity)`` for each ``iati-activity`` in file order; each activity is cleared
    once the caller has moved on. A :class:`LoadError` for anything lxml cannot parse, and for a
    file whose root is not ``iati-activities``."""
    refuse_doctype(data, name)
    parser = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        tag=("iati-activities", "iati-activity"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root: Any = None
    try:
        for event, element in parser:
            if event == "start":
                if root is None:
                    root = element
                continue
            if element.tag != "iati-activity":
                continue
            yield root, element
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise _syntax(exc, name) from None
    if root is None:
        found = parser.root
        what = f"<{etree.QName(found).localname}>" if found is not None else "nothing"
        raise LoadError(
            [
                Problem(
                    Location(name, getattr(found, "sourceline", 1) or 1, 1),
                    f"not an IATI activity file: the root element is {what}, not <iati-activities>",
                    'an IATI 2.03 activity file starts with <iati-activities version="2.03">',
                )
            ]
        )


class Offsets:
    """The byte offset of each element's start tag, found by scanning forward in file order.

    lxml's ``sourceline`` is the line where a start tag *ends*; the scan looks for ``<tag``
    from the previous element on, skipping text inside comments, so elements must be asked in
    document order (an activity's elements, through ``activity.iter()``)."""

    __slots__ = ("_cursor", "_data", "_last")

    def __init__(self, data: bytes, start: int = 0) -> None:
        self._data = data
        self._cursor = start
        self._last = start

    def of(self, element: etree._Element) -> int:
        return self.of_tag(str(element.tag))

    def of_tag(self, tag: str) -> int:
        """The offset of the next start tag ``<tag`` after the last one found (that one's again
        if there is none: a location near the element rather than none)."""
        data = self._data
        needle = b"<" + tag.encode()
        start = self._cursor
        while True:
            found = data.find(needle, start)
            if found < 0:
                return self._last
            after = found + len(needle)
            if after < len(data) and data[after] not in _TAG_END:
                start = after
                continue
            comment = data.rfind(b"<!--", self._cursor, found)
            if comment >= 0 and data.rfind(b"-->", comment, found) < 0:
                start = data.find(b"-->", found)
                if start < 0:
                    return self._last
                continue
            self._cursor, self._last = found + 1, found
            return found


class Places:
    """The elements of one activity that may be located, numbered in document order by their
    tags; their byte offsets are found (by one :class:`Offsets` scan from the activity's start
    tag) the first time one is asked, so a file nobody asks about costs no scan."""

    __slots__ = ("_data", "_offsets", "_start", "_tags")

    def __init__(self, data: bytes, start: int, tags: list[str]) -> None:
        self._data = data
        self._start = start
        self._tags = tags
        self._offsets: list[int] | None = None

    def offset(self, number: int) -> int:
        """The byte offset of element ``number`` (0: the first of ``tags``)."""
        if self._offsets is None:
            scan = Offsets(self._data, self._start)
            self._offsets = [scan.of_tag(tag) for tag in self._tags]
        return self._offsets[number]


class Lines:
    """Byte offset → ``(file, line, column)`` in one file: its newlines are found once, the first
    time a position is asked, and shared by the locators of all its activities."""

    def __init__(self, file: str, data: bytes) -> None:
        self.file = file
        self._data = data
        self._newlines: list[int] | None = None

    def position(self, offset: int) -> Position:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer(b"\n", self._data)]
        index = bisect.bisect_left(self._newlines, offset)
        line_start = self._newlines[index - 1] + 1 if index else 0
        column = len(self._data[line_start:offset].decode("utf-8", "replace")) + 1
        return (self.file, index + 1, column)


class XmlLocator:
    """A :class:`~toc.model.locations.Locator` over the numbered elements of :class:`Places`:
    offsets, lines and columns are worked out only for what is asked."""

    def __init__(
        self, lines: Lines, places: Places, elements: dict[str, int], fields: dict[tuple[str, str], int]
    ) -> None:
        self.file = lines.file
        self._position = lines.position
        self._places = places
        self.elements = elements
        self.fields = fields

    def _offset(self, element_id: str, field: str | None) -> int | None:
        found = None if field is None else self.fields.get((element_id, field))
        if found is None:
            found = self.elements.get(element_id)
        return None if found is None else self._places.offset(found)

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        offset = self._offset(element_id, field)
        return None if offset is None else Location(*self._position(offset))

    def positions(self) -> Positions:
        def position(element_id: str, field: str | None = None) -> Position | None:
            offset = self._offset(element_id, field)
            return None if offset is None else self._position(offset)

        return position
