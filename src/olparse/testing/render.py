"""Drawing operations and their serialisation into raw PDF content streams.

The layout produces, per page, a list of :class:`Group` (one logical block each: a column of
body text, a title, a fact box's contents ...) made of :class:`TextOp` and :class:`RectOp`. This
module writes each page as ONE content stream in a chosen group order, so the order of text in
the file (what extractors see) is controlled exactly:

* ``reading`` order: groups by their ``order`` number (furniture, head, body, boxes, footer);
* ``shuffled`` order (the messy variant, like InDesign output): body columns first and in random
  order, then figures and quotes, box contents before box titles, the head (section label,
  kicker, title, standfirst, byline) after the body, furniture anywhere.

Backgrounds (tints, image placeholders) always come first so that no fill covers text.

Text is positioned with ``Tm`` per line; justified lines are one ``TJ`` array whose numbers
widen the word spaces (the space glyphs stay in the text, as in InDesign output); letter-spaced
furniture uses ``Tc``; rotated credits use a rotated text matrix.

Restrictions: colours are DeviceRGB/gray only; no clipping, images or transparency.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pymupdf

from .fonts import FontSet

HEAD_KINDS = ("section", "kicker", "title", "standfirst", "byline")


@dataclass(slots=True)
class TextOp:
    """Text on one baseline at ``(x, y)`` (top-left origin); ``parts`` are separated by ``gap``."""

    x: float
    y: float
    font: str
    size: float
    parts: tuple[str, ...]
    gap: float = 0.0
    tracking: float = 0.0
    rotate: int = 0
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(slots=True)
class RectOp:
    """A rectangle ``(x0, y0, x1, y1)`` (top-left origin), filled and/or stroked."""

    box: tuple[float, float, float, float]
    fill: tuple[float, float, float] | None = None
    stroke: tuple[float, float, float] | None = None
    line_width: float = 0.5


@dataclass(slots=True)
class Group:
    """One logical block on a page; ``kind`` drives the messy order, ``order`` the clean one."""

    kind: str
    order: float
    ops: list = field(default_factory=list)


def _num(v: float) -> str:
    """A compact, deterministic number for the content stream."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _rgb(color: tuple[float, float, float], stroke: bool = False) -> str:
    return " ".join(_num(c) for c in color) + (" RG" if stroke else " rg")


def text_op_to_pdf(op: TextOp, fonts: FontSet, height: float) -> str:
    """``BT … ET`` for one :class:`TextOp`."""
    y = height - op.y
    if op.rotate == 90:
        matrix = f"0 1 -1 0 {_num(op.x)} {_num(y)}"
    else:
        matrix = f"1 0 0 1 {_num(op.x)} {_num(y)}"
    name = fonts.resource_name(op.font)
    tc = f"{_num(op.tracking)} Tc " if op.tracking else ""
    if len(op.parts) == 1:
        show = fonts.encode(op.font, op.parts[0]) + " Tj"
    else:
        adjust = " " + _num(-op.gap / op.size * 1000) + " " if op.gap else " "
        show = "[" + adjust.join(fonts.encode(op.font, p) for p in op.parts) + "] TJ"
    reset = " 0 Tc" if op.tracking else ""  # Tc is graphics state: it outlives ET
    return f"BT {_rgb(op.color)} /{name} {_num(op.size)} Tf {tc}{matrix} Tm {show}{reset} ET"


def rect_op_to_pdf(op: RectOp, height: float) -> str:
    """``re f``/``re S`` for one :class:`RectOp`."""
    x0, y0, x1, y1 = op.box
    path = f"{_num(x0)} {_num(height - y1)} {_num(x1 - x0)} {_num(y1 - y0)} re"
    out = ["q"]
    if op.fill is not None:
        out.append(f"{_rgb(op.fill)} {path} f")
    if op.stroke is not None:
        out.append(f"{_rgb(op.stroke, True)} {_num(op.line_width)} w {path} S")
    out.append("Q")
    return " ".join(out)


def order_groups(groups: list[Group], shuffled: bool, rng: random.Random) -> list[Group]:
    """The groups of a page in content-stream order (see the module docstring)."""
    backgrounds = [g for g in groups if g.kind == "background"]
    rest = sorted((g for g in groups if g.kind != "background"), key=lambda g: g.order)
    if not shuffled:
        return backgrounds + rest
    body = [g for g in rest if g.kind == "body"]
    rng.shuffle(body)
    middle = [g for g in rest if g.kind in ("figure", "quote", "box_body")]
    late = [g for g in rest if g.kind in ("box_title",) + HEAD_KINDS]
    rng.shuffle(late)
    late.sort(key=lambda g: g.kind != "box_title")  # box titles right after the box contents
    seen = {id(g) for g in body + middle + late}
    other = [g for g in rest if id(g) not in seen]
    out = body + middle + late
    for g in other:  # furniture and anything else at random positions
        out.insert(rng.randint(0, len(out)), g)
    return backgrounds + out


def page_content(groups: list[Group], fonts: FontSet, height: float) -> tuple[bytes, set[str]]:
    """The content stream of a page (groups already ordered) and the font roles it uses."""
    out, used = [], set()
    for group in groups:
        for op in group.ops:
            if isinstance(op, TextOp):
                used.add(op.font)
                out.append(text_op_to_pdf(op, fonts, height))
            else:
                out.append(rect_op_to_pdf(op, height))
    return "\n".join(out).encode("latin-1"), used


def write_pdf(pages: list[list[Group]], fonts: FontSet, size: tuple[float, float],
              metadata: dict[str, str]) -> bytes:
    """Write the ordered pages into a PDF with fixed metadata and no new file ID (byte-stable)."""
    doc = pymupdf.open()
    for groups in pages:
        page = doc.new_page(width=size[0], height=size[1])
        content, used = page_content(groups, fonts, size[1])
        fonts.install(page, used)
        xref = doc.get_new_xref()
        doc.update_object(xref, "<<>>")
        doc.update_stream(xref, content)
        doc.xref_set_key(page.xref, "Contents", f"{xref} 0 R")
    doc.set_metadata(metadata)
    doc.subset_fonts()
    data = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data
