"""The documentation stays true: the published schema and the example in docs/format.md are current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toc.io.schema import schema_text

ROOT = Path(__file__).resolve().parents[2]


def test_published_schema_is_current() -> None:
    published = (ROOT / "docs" / "toc.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(), "regenerate with: toc schema -o docs/toc.schema.json"


def test_format_doc_shows_the_example_file_verbatim() -> None:
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, flags=re.DOTALL)
    example = (ROOT / "examples" / "small.yaml").read_text(encoding="utf-8")
    assert example in blocks, "docs/format.md must show examples/small.yaml in full"


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.*"))], ids=lambda page: page.name
)
def test_the_docs_stand_alone(page: Path) -> None:
    """No page (nor the schema's descriptions) cites a document the repository does not have."""
    if page.suffix not in (".md", ".json"):
        return
    text = page.read_text(encoding="utf-8")
    assert "methodology" not in text.lower(), f"{page.name}: explain it here, or link a page in docs/"
    assert "../shared" not in text


def test_readme_opens_with_exactly_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\w*\n(.*?)```", readme, flags=re.DOTALL)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert "models/vvsg_2017_2019.yaml" in commands[0]
    assert "pytest" in commands[1]


def _run_python_block(doc: str) -> str:
    import contextlib
    import io
    import os

    text = (ROOT / doc).read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert code is not None
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code.group(1), doc, "exec"), {})
    finally:
        os.chdir(cwd)
    return out.getvalue()


def test_readme_python_example_runs() -> None:
    assert "→ downstream:" in _run_python_block("README.md")


def test_format_doc_python_example_runs() -> None:
    out = _run_python_block("docs/format.md")
    assert "models/vvsg_2017_2019.yaml:" in out


def test_checking_doc_python_example_runs() -> None:
    out = _run_python_block("docs/checking.md")
    assert "models/vvsg_2017_2019.yaml:" in out
    assert "is contradicted by" in out
