"""IATI 2.03 activity files as a model format of the registry (:mod:`toc.formats`): a reader
(one model per activity) and a writer (one activity per model). docs/iati.md has the mapping.

What either direction cannot keep is announced as a :class:`toc.errors.LossNotice` (one per
file, counts by kind), which ``toc convert`` prints on standard error.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from toc.errors import LossNotice, Notice
from toc.io.iati.writer import IatiOptions
from toc.model import Model

if TYPE_CHECKING:
    from toc.io.iati.reader import Imported

__all__ = ["IATI", "IatiFormat", "IatiOptions"]


class IatiFormat:
    """``iati``: an IATI activity file (``.xml``)."""

    binary: ClassVar[bool] = True
    options: ClassVar[type[IatiOptions]] = IatiOptions

    def sniff(self, head: bytes) -> bool:
        """The root element ``<iati-activities`` near the start."""
        return b"<iati-activities" in head

    def read(self, data: bytes, name: str) -> list[Model]:
        from toc.io.iati.reader import read_activities

        imported = read_activities(data, name)
        _announce(imported, name)
        return imported.models

    def stream(self, data: bytes, name: str) -> Iterator[Model]:
        """The models one by one, as their activities end: a caller that lets each go holds
        one activity's tree and model at a time (``toc check``, ``toc convert -o DIR/``)."""
        from toc.io.iati.reader import Imported, iter_activities

        imported = Imported()
        yield from iter_activities(data, name, imported)
        _announce(imported, name)

    def write(self, subject: Model, options: IatiOptions) -> bytes:
        from toc.io.iati.writer import write_activity

        exported = write_activity(subject, options)
        if exported.lost:
            warnings.warn(LossNotice(f"IATI: {exported.summary()}"), stacklevel=2)
        return exported.data


def _announce(imported: Imported, name: str) -> None:
    for note in imported.notes:
        warnings.warn(Notice(note), stacklevel=3)
    if imported.lost:
        warnings.warn(LossNotice(f"{name}: {imported.summary()}"), stacklevel=3)


IATI = IatiFormat()
