"""``toc diff`` with git: ``REV:PATH`` versions and the textconv / difftool setup of docs/diff.md,
in a temporary repository with the real git."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"
TOC = str(Path(sys.executable).with_name("toc"))

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), "GIT_PAGER": "cat"}
    return subprocess.run(["git", *argv], cwd=repo, capture_output=True, text=True, check=True, env=env)


def toc(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TOC, *argv], cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits of model.yaml: the small example, then a changed label;
    the working copy then reorders nothing but adds a comment."""
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "t@example.org")
    git(path, "config", "user.name", "Test")
    text = SMALL.read_text(encoding="utf-8")
    (path / "model.yaml").write_text(text, encoding="utf-8")
    git(path, "add", "model.yaml")
    git(path, "commit", "-q", "-m", "first")
    changed = text.replace("Fewer waterborne illnesses", "Fewer water-borne diseases")
    (path / "model.yaml").write_text(changed, encoding="utf-8")
    git(path, "commit", "-q", "-am", "second")
    (path / "model.yaml").write_text("# reviewed\n" + changed, encoding="utf-8")
    return path


def test_revision_against_the_working_copy(repo: Path) -> None:
    done = toc(repo, "diff", "HEAD~1:model.yaml", "model.yaml")
    assert done.returncode == 1, done.stderr
    assert (
        'changed node health label.en: "Fewer waterborne illnesses" → "Fewer water-borne diseases"'
        in done.stdout
    )
    assert toc(repo, "diff", "HEAD:model.yaml", "model.yaml").returncode == 0  # a comment is no change
    assert toc(repo, "diff", "main:model.yaml", ":model.yaml").returncode == 0  # the index, as git writes it


def test_a_path_below_the_top_needs_dot_slash(repo: Path) -> None:
    sub = repo / "sub"
    sub.mkdir()
    assert toc(sub, "diff", "HEAD~1:../model.yaml", "HEAD:model.yaml").returncode == 1


def test_missing_revision_path_and_repository_are_clear_errors(repo: Path, tmp_path: Path) -> None:
    bad_rev = toc(repo, "diff", "no-such-branch:model.yaml", "model.yaml")
    assert bad_rev.returncode == 2
    assert "no-such-branch:model.yaml: no such file, and git cannot read it" in bad_rev.stderr
    bad_path = toc(repo, "diff", "HEAD:missing.yaml", "model.yaml")
    assert bad_path.returncode == 2
    assert "missing.yaml" in bad_path.stderr
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "m.yaml").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    no_repo = toc(outside, "diff", "HEAD:m.yaml", "m.yaml")
    assert no_repo.returncode == 2
    assert "not inside a git repository" in no_repo.stderr
    dash = toc(repo, "diff", "--", "-x:model.yaml", "model.yaml")
    assert dash.returncode == 2
    assert "Traceback" not in dash.stderr


def test_an_existing_file_with_a_colon_is_a_file(repo: Path) -> None:
    (repo / "v1:model.yaml").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    assert toc(repo, "diff", "v1:model.yaml", "HEAD~1:model.yaml").returncode == 0


def test_textconv_makes_git_diff_show_facts(repo: Path) -> None:
    """The setup of docs/diff.md: a diff driver whose textconv is ``toc diff --textconv``."""
    (repo / ".gitattributes").write_text("*.yaml diff=toc\n", encoding="utf-8")
    git(repo, "config", "diff.toc.textconv", f"{TOC} diff --textconv")
    shown = git(repo, "diff", "HEAD~1", "HEAD", "--", "model.yaml").stdout
    changed = [line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == [
        '-node health label.en: "Fewer waterborne illnesses"',
        '+node health label.en: "Fewer water-borne diseases"',
    ]
    assert git(repo, "diff", "HEAD", "--", "model.yaml").stdout == ""  # the comment: nothing to show


def test_difftool_runs_toc_diff(repo: Path) -> None:
    done = git(repo, "difftool", "-y", "-x", f"{TOC} diff --no-check", "HEAD~1", "HEAD", "--", "model.yaml")
    assert "Fewer water-borne diseases" in done.stdout


def test_textconv_passes_a_file_that_does_not_load_through(repo: Path) -> None:
    """A revision saved half-way must not stop ``git log -p``: its text is shown as it is."""
    (repo / ".gitattributes").write_text("*.yaml diff=toc\n", encoding="utf-8")
    git(repo, "config", "diff.toc.textconv", f"{TOC} diff --textconv")
    (repo / "model.yaml").write_text("toc: 1\nnodes: [\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "broken")
    shown = git(repo, "log", "-p", "-2", "--format=%s", "--", "model.yaml").stdout
    assert "+nodes: [" in shown
    assert '-node health label.en: "Fewer water-borne diseases"' in shown
