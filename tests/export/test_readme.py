"""The README's diagram is current: regenerated from the model, it is what is committed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_readme_diagram", ROOT / "scripts" / "render_readme_diagram.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_committed_readme_diagram_is_current() -> None:
    script = _script()
    assert script.check(script.MODEL, script.IMAGE) == []


def test_committed_readme_explorer_is_current() -> None:
    script = _script()
    assert script.check_explorer(script.MODEL, script.EXPLORER) == []


def test_check_notices_a_stale_image(tmp_path: Path) -> None:
    script = _script()
    image = tmp_path / "vvsg.svg"
    page = tmp_path / "vvsg-explorer.html"
    assert script.main(["--output", str(image), "--explorer", str(page)]) == 0
    assert script.check(script.MODEL, image) == []
    assert script.check_explorer(script.MODEL, page) == []
    page.write_text(page.read_text(encoding="utf-8").replace("<main", "<main data-x"), encoding="utf-8")
    assert script.check_explorer(script.MODEL, page) != []
    image.write_bytes(image.read_bytes().replace(b"</svg>", b"<!-- edited --></svg>"))
    assert script.check(script.MODEL, image) != []
    stamp = script.stamp_path(image)
    stamp.write_text(stamp.read_text().replace("dot-sha256 ", "dot-sha256 0"))
    assert any("another version" in p for p in script.check(script.MODEL, image))
