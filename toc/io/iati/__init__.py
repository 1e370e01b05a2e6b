"""IATI 2.03 activity files as a model format of the registry (:mod:`toc.formats`): a reader
(one model per activity) and a writer (one activity per model). docs/iati.md has the mapping.

What either direction cannot keep is announced as a :class:`toc.errors.Notice` (one per
file, counts by kind), which ``toc convert`` prints on standard error.
"""

from __future__ import annotations

import warnings
from typing import ClassVar

from toc.errors import Notice
from toc.io.iati.writer import IatiOptions
from toc.model import Model

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
        for note in imported.notes:
            warnings.warn(Notice(note), stacklevel=2)
        if imported.lost:
            warnings.warn(Notice(f"{name}: {imported.summary()}"), stacklevel=2)
        return imported.models

    def write(self, subject: Model, options: IatiOptions) -> bytes:
        from toc.io.iati.writer import write_activity

        exported = write_activity(subject, options)
        if exported.lost:
            warnings.warn(Notice(f"IATI: {exported.summary()}"), stacklevel=2)
        return exported.data


IATI = IatiFormat()
