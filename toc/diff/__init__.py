"""Compare two versions of a theory of change: ``toc.diff(old, new)`` and ``toc diff OLD NEW``.

Changes of meaning only: elements are matched by their ids (links by their two ends when they
have none), compared field by field over whatever fields the model declares; the order of
elements and of the items in a list, the file's formatting, its comments and its shape
(logframe hierarchy or free graph) are not changes. Then the consequences: which verdicts
(assumption status, results at risk, indicator status, pathway confidence, ``toc check``
findings) the changes move.

Part of the core: it reads models and asks the assessment and the rules; the text, Markdown
and JSON it is shown as live in :mod:`toc.diff.output`.
"""

import sys as _sys
import types as _types

from toc.diff.changes import Change, ChangeKind
from toc.diff.consequences import Consequence, ConsequenceKind
from toc.diff.describe import record_of_changes
from toc.diff.result import Diff, diff
from toc.model import Model

__all__ = ["Change", "ChangeKind", "Consequence", "ConsequenceKind", "Diff", "diff", "record_of_changes"]


class _Callable(_types.ModuleType):
    """``toc.diff(old, new)`` is the function; once anything imports a submodule of this package,
    Python makes ``toc.diff`` this package, so the package answers the call the same way."""

    def __call__(self, old: Model, new: Model, *, check: bool = True) -> Diff:
        return diff(old, new, check=check)


_sys.modules[__name__].__class__ = _Callable
