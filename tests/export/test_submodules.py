"""The documented ``toc.export.jupyter.register()`` works after a plain ``import toc``."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# toc first, IPython later: the case docs/diagrams.md tells the reader to call register() for.
_SCRIPT = textwrap.dedent(
    """
    import sys, types
    import toc

    assert "toc.export" not in sys.modules
    registered = {}

    class Formatter:
        def for_type_by_name(self, module, name, function):
            registered[module, name] = function

    shell = types.SimpleNamespace(
        display_formatter=types.SimpleNamespace(formatters={"image/svg+xml": Formatter()})
    )
    sys.modules["IPython"] = types.SimpleNamespace(get_ipython=lambda: shell)
    print(toc.export.jupyter.register(), sorted(registered))
    """
)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)


def test_register_is_reachable_from_a_plain_import_toc() -> None:
    done = _python(_SCRIPT)
    assert done.stderr == ""
    assert done.stdout == "True [('toc.model.root', 'Model')]\n"


@pytest.mark.parametrize("expression", ["toc.rules.run_rules", "toc.export.mermaid.to_mermaid"])
def test_other_submodules_are_reachable_the_same_way(expression: str) -> None:
    done = _python(f"import toc\nprint(callable({expression}))")
    assert (done.stdout, done.stderr) == ("True\n", "")


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("toc.nope", "module 'toc' has no attribute 'nope'"),
        ("toc.export.nope", "module 'toc.export' has no attribute 'nope'"),
        ("toc._private", "module 'toc' has no attribute '_private'"),
    ],
)
def test_a_name_that_is_no_submodule_is_still_an_attribute_error(expression: str, message: str) -> None:
    done = _python(f"import toc\ntry:\n    {expression}\nexcept AttributeError as e:\n    print(e)")
    assert (done.stdout, done.stderr) == (message + "\n", "")
