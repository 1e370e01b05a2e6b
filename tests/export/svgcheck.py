"""Find text in a Graphviz SVG that a reader cannot see.

Each ``<text>`` is read against what lies under it: the last filled shape (polygon, path,
ellipse, rect) drawn before it whose bounding box holds a point in the middle of the
text's first glyphs, or the white page when none does. Text fails when its contrast with
that background is below :data:`MIN_CONTRAST`: 3, the floor WCAG 2 sets for large text and
for graphics, below which text is hard to make out at all (white on white paper is 1).

Edge groups' shapes (arrowheads) are lines, not backgrounds, so they are not counted as
what lies under text. Graphviz writes absolute coordinates in one user space (only the
top group carries a transform), so bounding boxes compare directly.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

__all__ = ["MIN_CONTRAST", "Invisible", "contrast", "invisible_text"]

SVG = "{http://www.w3.org/2000/svg}"
MIN_CONTRAST = 3.0

_NAMED = {
    "white": (255, 255, 255),
    "black": (0, 0, 0),
    "red": (255, 0, 0),
    "gray": (128, 128, 128),
    "grey": (128, 128, 128),
    "lightgrey": (211, 211, 211),
}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


@dataclass(frozen=True)
class Invisible:
    text: str
    fill: str
    background: str
    ratio: float

    def __str__(self) -> str:
        return f"{self.text!r}: {self.fill} on {self.background} (contrast {self.ratio:.2f})"


def _rgb(colour: str) -> tuple[int, int, int] | None:
    """None for no paint (``none``, ``transparent``, fully transparent ``#rrggbb00``)."""
    colour = colour.strip().lower()
    if colour in ("none", "transparent", ""):
        return None
    if colour in _NAMED:
        return _NAMED[colour]
    if re.fullmatch(r"#[0-9a-f]{3}", colour):
        return (int(colour[1] * 2, 16), int(colour[2] * 2, 16), int(colour[3] * 2, 16))
    if re.fullmatch(r"#[0-9a-f]{6}([0-9a-f]{2})?", colour):
        if len(colour) == 9 and colour[7:] == "00":
            return None
        return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
    raise ValueError(f"colour {colour!r} is not known to the visibility check: add it")


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio, 1 (none) to 21 (black on white)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _bbox(element: ET.Element) -> tuple[float, float, float, float] | None:
    tag = element.tag.removeprefix(SVG)
    if tag == "ellipse":
        cx, cy = float(element.get("cx", 0)), float(element.get("cy", 0))
        rx, ry = float(element.get("rx", 0)), float(element.get("ry", 0))
        return cx - rx, cy - ry, cx + rx, cy + ry
    if tag == "rect":
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        return x, y, x + float(element.get("width", 0)), y + float(element.get("height", 0))
    raw = element.get("points") if tag == "polygon" else element.get("d") if tag == "path" else None
    if raw is None:
        return None
    numbers = [float(n) for n in _NUMBER.findall(raw)]
    xs, ys = numbers[0::2], numbers[1::2]
    if not xs or not ys:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _walk(element: ET.Element, fill: str, in_edge: bool) -> list[tuple[ET.Element, str, bool]]:
    """Every element in document order with its effective fill and whether it is in an edge."""
    out = []
    for child in element:
        own = child.get("fill")
        style = child.get("style") or ""
        found = re.search(r"(?:^|;)\s*fill\s*:\s*([^;]+)", style)
        effective = found.group(1) if found else own if own is not None else fill
        edge = in_edge or (child.tag == f"{SVG}g" and child.get("class") == "edge")
        out.append((child, effective, edge))
        out.extend(_walk(child, effective, edge))
    return out


def invisible_text(svg: bytes | str) -> list[Invisible]:
    """The pieces of text in ``svg`` that do not stand out from what lies under them."""
    root = ET.fromstring(svg)
    page = (255, 255, 255)
    shapes: list[tuple[tuple[float, float, float, float], tuple[int, int, int], str]] = []
    found: list[Invisible] = []
    for element, fill, in_edge in _walk(root, "black", False):
        tag = element.tag.removeprefix(SVG)
        if tag in ("polygon", "path", "ellipse", "rect"):
            rgb = _rgb(fill)
            box = _bbox(element)
            if rgb is not None and box is not None and not in_edge:
                shapes.append((box, rgb, fill))
        elif tag == "text":
            text = "".join(element.itertext())
            if not text.strip():
                continue
            rgb = _rgb(fill)
            if rgb is None:
                found.append(Invisible(text, fill, "-", 1.0))
                continue
            size = float(element.get("font-size", 14))
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            anchor = element.get("text-anchor", "start")
            x += {"start": 1.0, "end": -1.0}.get(anchor, 0.0)
            y -= size * 0.3
            under, name = page, "the page (white)"
            for (x0, y0, x1, y1), colour, label in reversed(shapes):
                if x0 <= x <= x1 and y0 <= y <= y1:
                    under, name = colour, label
                    break
            ratio = contrast(rgb, under)
            if ratio < MIN_CONTRAST:
                found.append(Invisible(text, fill, name, ratio))
    return found
