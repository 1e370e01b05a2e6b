"""A YAML syntax error says where, what, and how a person editing by hand fixes it."""

from __future__ import annotations

import pytest

import toc


@pytest.mark.parametrize(
    ("text", "where", "hint"),
    [
        ("a:\n\tb: 1\n", "2:1", "YAML does not allow tabs for indentation; use spaces"),
        ("a: x: y\n", "1:5", "quote a value that contains ': '"),
        ("a: [1, 2\nb: 3\n", "2:2", "close the [ … ] list opened at line 1"),
        ("a: {b: 1\n", "2:1", "close the { … } mapping opened at line 1"),
        ('a: "x\n', "2:1", "close the quote opened at line 1"),
        ("a:\n  b: 1\n c: 2\n", "3:2", "keys of one mapping start in the same column"),
        ("- a\nb: 1\n", "2:1", "the items of a list all start with '-' in the same column"),
        ("a: @x\n", "1:4", "a value starting with '@' must be quoted"),
    ],
)
def test_syntax_errors_carry_a_fix(text: str, where: str, hint: str) -> None:
    with pytest.raises(toc.LoadError) as caught:
        toc.loads(text, "m.yaml")
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"m.yaml:{where}: YAML syntax error: ")
    assert hint in problem.hint
