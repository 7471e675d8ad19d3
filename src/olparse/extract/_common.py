"""Helpers both backends share, so they describe fonts and directions the same way."""

from __future__ import annotations

import math
import re

from ..geometry import BBox
from ..model import Rect

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_SURROGATES = re.compile("[\ud800-\udfff]")
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "extrabold", "ultrabold", "demi")
_ITALIC_WORDS = ("italic", "oblique", "kursiv")
#: Bold in foundries' abbreviations: Bd, XBd, SmBd, Blk, Hv (Heavy), with Italic, Oblique or
#: Condensed after them (``BdIt``, ``BlkCn``). Not ``Bk`` (Book) or ``Md`` (Medium).
_BOLD_ABBREVIATION = re.compile(r"(x|ex|ultra|semi|sm|demi|s)?(bd|blk|hv|hvy)(it|ita|obl|o|cn|cond|ex|ext)*")


def clean_font_name(name: str) -> str:
    """Drop the ``ABCDEF+`` subset tag, so one face has one name across pages."""
    return _SUBSET_PREFIX.sub("", name or "")


def clean_text(text: str) -> str:
    """Replace lone surrogates (from broken ToUnicode maps) by U+FFFD, keeping the length.

    A lone surrogate cannot be written as UTF-8, so one bad glyph would make the whole output
    unwritable; U+FFFD is a placeholder that normalisation drops with its character edge.
    """
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def printable(message: str) -> str:
    """A backend's message made safe for one line of output: no surrogates or control characters."""
    text = clean_text(message)
    return "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))


def clean_metadata(items: object) -> dict[str, str]:
    """The non-empty string entries of a document information dictionary, with clean text."""
    if not isinstance(items, dict):
        return {}
    return {str(k): clean_text(v) for k, v in items.items() if isinstance(v, str) and v}


def _style_part(name: str) -> str:
    """The part of a font name that names the style: after ``-`` or ``,`` when there is one."""
    for sep in ("-", ","):
        if sep in name:
            return name.rsplit(sep, 1)[1].lower()
    return name.lower()


def is_bold_name(name: str) -> bool:
    """True for a bold, black or heavy face judged by its name (``Lato-Black``, ``Arial,Bold``),
    also in the abbreviations of type foundries' names (``HelveticaRoundedLTStd-Bd``,
    ``FrutigerLTStd-BlkCn``, ``Italian Plate No1 XBd``). The PDF's bold flag is no help there:
    Ghostscript drops it when it rewrites a file."""
    style = _style_part(name)
    if any(w in style for w in _BOLD_WORDS) or "bold" in name.lower():
        return True
    return any(_BOLD_ABBREVIATION.fullmatch(token) for token in re.split(r"[\s_]+", style))


def is_italic_name(name: str) -> bool:
    """True for an italic or oblique face judged by its name."""
    low = name.lower()
    return any(w in low for w in _ITALIC_WORDS)


def rotation_of(dx: float, dy: float) -> int:
    """Writing direction in degrees counter-clockwise for a direction vector in top-left space.

    Multiples of 90 are snapped when within 2 degrees; other angles keep their whole degree.
    """
    angle = math.degrees(math.atan2(-dy, dx)) % 360
    nearest = round(angle / 90) * 90 % 360
    if abs((angle - nearest + 180) % 360 - 180) <= 2:
        return int(nearest)
    return int(round(angle)) % 360


def baseline_across(dx: float, dy: float, x: float, y: float) -> float:
    """Where a baseline lies, measured across its writing direction ``(dx, dy)`` (top-left space).

    The point ``(x, y)`` on the baseline is projected onto the direction in which the next line
    follows (the writing direction turned 90 degrees clockwise on the page): for horizontal text
    that is ``y``, for text rotated 90 degrees ``x``, for 270 degrees ``-x``, for 180 degrees
    ``-y``, and for tilted text a mix. So runs of one line share a baseline and the baseline grows
    from one line to the next, whatever the angle.
    """
    norm = math.hypot(dx, dy) or 1.0
    return (-dy * x + dx * y) / norm


def rgb_to_int(rgb: tuple[float, ...] | list[float] | None) -> int | None:
    """Colour components in 0..1 (gray, RGB or CMYK) as one 0xRRGGBB integer."""
    if rgb is None:
        return None
    comps = [float(c) for c in rgb]
    if len(comps) == 1:
        r = g = b = comps[0]
    elif len(comps) == 3:
        r, g, b = comps
    elif len(comps) == 4:
        c, m, y, k = comps
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    else:
        return None
    to8 = lambda v: max(0, min(255, int(round(v * 255)))) if math.isfinite(v) else 0  # noqa: E731
    return (to8(r) << 16) | (to8(g) << 8) | to8(b)


#: Points closer than this (pt) are the same point of a path.
SAME_POINT = 0.5
#: An open path encloses its box when lines cover this share of two opposite edges.
EDGE_COVER = 0.75


def is_box_outline(segments: list[tuple[str, tuple[float, float], tuple[float, float]]], closed: bool) -> bool:
    """Whether a path could frame text: every straight side horizontal or vertical (curves
    between them are rounded corners), and the path encloses its box: it is closed, or lines
    run along two opposite edges of its box (a table head drawn as top and bottom rules).

    ``segments`` are ``(kind, start, end)`` with kind ``"l"`` (a straight line) or ``"c"`` (a
    curve); ``closed`` is the path's own close flag. A zigzag, an open line, a circle (curves
    only) or a network of lines is line art, not a frame.
    """
    sides = [(a, b) for kind, a, b in segments if kind == "l"]
    if len(sides) < 2:
        return False
    if any(abs(a[0] - b[0]) > SAME_POINT and abs(a[1] - b[1]) > SAME_POINT for a, b in sides):
        return False
    start, end = segments[0][1], segments[-1][2]
    if closed or (abs(start[0] - end[0]) <= SAME_POINT and abs(start[1] - end[1]) <= SAME_POINT):
        return True
    return spans_opposite_edges(sides)


def spans_opposite_edges(sides: list[tuple[tuple[float, float], tuple[float, float]]]) -> bool:
    """Lines cover most of the top and bottom edges of their box (``EDGE_COVER``), or of its
    left and right edges: rounded corners and a gap for a box's label leave the rest open."""
    xs = [p[0] for side in sides for p in side]
    ys = [p[1] for side in sides for p in side]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)

    def covered(at: float, axis: int, length: float) -> bool:
        other = 1 - axis
        return length > 0 and any(abs(a[axis] - at) <= SAME_POINT and abs(b[axis] - at) <= SAME_POINT
                                  and abs(a[other] - b[other]) >= EDGE_COVER * length for a, b in sides)

    return (covered(y0, 1, x1 - x0) and covered(y1, 1, x1 - x0)) or \
        (covered(x0, 0, y1 - y0) and covered(x1, 0, y1 - y0))


Box4 = tuple[float, float, float, float]


def ring_to_rects(ring: tuple[Box4, Box4], colour: int, seq: int, dx: float, dy: float) -> list[Rect]:
    """A ring as what it draws: with all four sides, a box's outline (stroked in ``colour``, as
    wide as its widest side); with fewer (a border above and below a pull-quote), each side
    as a filled band, a rule."""
    (X0, Y0, X1, Y1), (x0, y0, x1, y1) = ring
    bands = [(X0, Y0, X1, y0), (X0, y1, X1, Y1), (X0, y0, x0, y1), (x1, y0, X1, y1)]  # top, bottom, left, right
    widths = [y0 - Y0, Y1 - y1, x0 - X0, X1 - x1]
    if all(w > 0 for w in widths):
        return [Rect(BBox(X0 - dx, Y0 - dy, X1 - dx, Y1 - dy), None, colour, max(widths), seq, True)]
    return [Rect(BBox(b0 - dx, b1 - dy, b2 - dx, b3 - dy), colour, None, 0.0, seq, True)
            for (b0, b1, b2, b3), w in zip(bands, widths) if w > 0]


def nested(outer: Box4, inner: Box4) -> bool:
    """``inner`` lies inside ``outer`` and is not the same rectangle."""
    return inner != outer and inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] \
        and inner[3] <= outer[3]
