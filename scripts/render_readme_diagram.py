"""Render the README's diagram: models/vvsg_2017_2019.yaml → docs/img/vvsg.svg, and its explorer
→ docs/vvsg-explorer.html.

    python scripts/render_readme_diagram.py           # regenerate the image, the explorer, their stamps
    python scripts/render_readme_diagram.py --check   # exit 1 if either is stale

Next to the image, ``vvsg.svg.source`` records the SHA-256 of the DOT text it was drawn
from and the Graphviz that drew it. Staleness is judged on the DOT hash, which does not
depend on the engine, so the check is robust on any machine; when the engine is the same
one that drew the committed image, the SVG bytes must match too (SVG is deterministic for
one engine). The explorer is judged the same way: its stamp holds the SHA-256 of the page with
its diagrams left out (the data, script, style and words), and with the same engine the page's
bytes must match.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "vvsg_2017_2019.yaml"
IMAGE = ROOT / "docs" / "img" / "vvsg.svg"
EXPLORER = ROOT / "docs" / "vvsg-explorer.html"
_DIAGRAMS = re.compile(r"<svg class=\"toc-diagram\".*?</svg>", re.DOTALL)
OPTIONS: dict[str, object] = {}


def stamp_path(image: Path) -> Path:
    return image.with_name(image.name + ".source")


def make(model_path: Path) -> tuple[str, bytes, str]:
    """(stamp text, SVG bytes, engine description) for the model."""
    import toc
    from toc.export.engine import choose_engine, layout

    dot = toc.to_dot(toc.load(model_path), **OPTIONS)
    engine = choose_engine()
    svg = layout(dot, "svg", engine)
    digest = hashlib.sha256(dot.encode("utf-8")).hexdigest()
    described = f"Graphviz {engine.version} ({engine.name})"
    model = model_path.resolve().relative_to(ROOT).as_posix()
    stamp = f"model {model}\ndot-sha256 {digest}\nengine {described}\n"
    return stamp, svg, described


def make_explorer(model_path: Path) -> tuple[str, str, str]:
    """(stamp text, explorer page, engine description) for the model."""
    import toc
    from toc.export.engine import choose_engine
    from toc.export.render import render_bytes

    page = render_bytes(toc.load(model_path), "explorer").decode("utf-8")
    engine = choose_engine()
    described = f"Graphviz {engine.version} ({engine.name})"
    digest = hashlib.sha256(_DIAGRAMS.sub("", page).encode("utf-8")).hexdigest()
    model = model_path.resolve().relative_to(ROOT).as_posix()
    return f"model {model}\npage-sha256 {digest}\nengine {described}\n", page, described


def check_explorer(model_path: Path, page_path: Path) -> list[str]:
    """What is stale about the committed explorer (empty when it is current)."""
    stamp, page, engine = make_explorer(model_path)
    recorded = stamp_path(page_path).read_text(encoding="utf-8") if stamp_path(page_path).exists() else ""
    if not page_path.exists():
        return [f"{page_path} is missing"]
    if stamp.splitlines()[:2] != recorded.splitlines()[:2]:
        return [f"{page_path} was made from another version of {model_path.name} or of the explorer"]
    if f"engine {engine}" in recorded.splitlines() and page_path.read_text(encoding="utf-8") != page:
        return [f"{page_path} differs from what {engine} draws"]
    return []


def check(model_path: Path, image: Path) -> list[str]:
    """What is stale about the committed image (empty when it is current)."""
    stamp, svg, engine = make(model_path)
    recorded = stamp_path(image).read_text(encoding="utf-8") if stamp_path(image).exists() else ""
    problems = []
    if not image.exists():
        problems.append(f"{image} is missing")
    if stamp.splitlines()[:2] != recorded.splitlines()[:2]:
        problems.append(f"{image} was drawn from another version of {model_path.name}")
    elif f"engine {engine}" in recorded.splitlines() and image.exists() and image.read_bytes() != svg:
        problems.append(f"{image} differs from what {engine} draws from the same DOT")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the image is stale")
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--output", type=Path, default=IMAGE)
    parser.add_argument("--explorer", type=Path, default=EXPLORER)
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.model, args.output) + check_explorer(args.model, args.explorer)
        for problem in problems:
            print(f"{problem}; run: python scripts/render_readme_diagram.py", file=sys.stderr)
        return 1 if problems else 0
    from toc.io.atomic import write_atomic

    stamp, svg, _ = make(args.model)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(args.output, svg)
    write_atomic(stamp_path(args.output), stamp)
    print(f"wrote {args.output}")
    stamp, page, _ = make_explorer(args.model)
    write_atomic(args.explorer, page)
    write_atomic(stamp_path(args.explorer), stamp)
    print(f"wrote {args.explorer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
