"""The second backend: pdfplumber (pdfminer.six) characters grouped into runs.

pdfplumber reports single characters without the spaces a reader sees between words, so this
module groups characters into runs the way MuPDF does: consecutive characters (in content-stream
order) of one font, size and colour on one baseline, with a space inserted where the gap between
two glyphs is wider than ``SPACE_GAP_EM`` of the font size, and a new run started where the gap
is wider than ``RUN_BREAK_EM`` or the text jumps backwards. An accent drawn back over its letter
(``¨`` then ``u`` at the same place, or ``a`` then ``¨`` over it) stays in the run, so that
``normalize`` can compose the two as the PyMuPDF reading does.

pdfminer reports damage it works around (corrupt streams, circular XObjects) through
``logging``; those records become the page's ``RawPage.warnings`` instead of stderr noise.
"""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path
from typing import Iterator

import pdfplumber

from ..errors import CorruptPdfError, EncryptedPdfError
from ..fonts import WidthGauge
from ..geometry import BBox
from ..model import ImageBox, RawPage, Rect, Run
from ..normalize import SPACING_ACCENTS
from . import backend_reason
from ._common import (Box4, baseline_across, clean_font_name, clean_metadata, clean_text, is_bold_name,
                      is_box_outline, is_italic_name, nested, printable, rgb_to_int, ring_to_rects, rotation_of)
from .trace import letter_spacing

#: A gap wider than this share of the font size between two glyphs reads as a space.
SPACE_GAP_EM = 0.15
#: A gap wider than this share of the font size ends the run (lines.py may join runs again).
RUN_BREAK_EM = 0.5
#: Glyphs whose baselines differ by more than this share of the size are on different lines
#: (MuPDF's own limit: a quote mark TeX lowers by 0.6 em stays on its line).
BASELINE_TOLERANCE_EM = 0.8
#: How far (in em) the pen may go back to draw an accent over a letter, or a letter under it.
ACCENT_BACK_EM = 1.0


class PdfPlumberDocument:
    """An open PDF read through pdfplumber."""

    backend = "pdfplumber"

    def __init__(self, path: Path, password: str | None = None):
        self.warnings: list[str] = []
        with capture_pdfminer_log() as log:
            try:
                self._pdf = pdfplumber.open(path, password=password or "")
                self.page_count = len(self._pdf.pages)
                self.metadata = clean_metadata(self._pdf.metadata)
            except Exception as exc:
                if is_password_error(exc):
                    raise EncryptedPdfError(f"{path}: wrong password for this encrypted PDF",
                                            hint="check the password given with --password") if password \
                        else EncryptedPdfError(f"{path}: the PDF is encrypted and needs a password") from exc
                raise CorruptPdfError(f"{path}: pdfminer cannot read it as a PDF ({backend_reason(exc, path)})") from exc
        self.warnings.extend(log_to_warnings(log))
        if self.page_count < 1:
            raise CorruptPdfError(f"{path}: the PDF has no readable pages")

    def page(self, number: int) -> RawPage:
        with capture_pdfminer_log() as log:
            page = self._pdf.pages[number - 1]
            x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
            chars = page.chars
            rescale_misscaled_chars(chars)
            runs = chars_to_runs(chars, x_off, y_off, float(page.height) + y_off)
            rects = shapes_to_rects(list(page.rects) + list(page.lines) + list(page.curves), x_off, y_off)
            images = [ImageBox(BBox(float(i["x0"]) - x_off, float(i["top"]) - y_off,
                                    float(i["x1"]) - x_off, float(i["bottom"]) - y_off), n)
                      for n, i in enumerate(page.images)]
            page.flush_cache()
        return RawPage(number=number, width=float(page.width), height=float(page.height),
                       runs=tuple(runs), rects=tuple(rects), images=tuple(images),
                       warnings=tuple(log_to_warnings(log)))

    def close(self) -> None:
        self._pdf.close()

    def __enter__(self) -> "PdfPlumberDocument":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_password_error(exc: BaseException) -> bool:
    """True when pdfminer refused the password (it wraps ``PDFPasswordIncorrect`` in its own error)."""
    seen = [exc, exc.__cause__, exc.__context__, *[a for a in exc.args if isinstance(a, BaseException)]]
    return any(e is not None and ("Password" in type(e).__name__ or "Encrypt" in type(e).__name__)
               for e in seen)


class _ListHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(Exception):
            self.records.append(record.getMessage())


@contextlib.contextmanager
def capture_pdfminer_log() -> Iterator[list[str]]:
    """Collect pdfminer's warnings instead of letting them reach stderr."""
    logger = logging.getLogger("pdfminer")
    handler = _ListHandler()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def log_to_warnings(records: list[str], limit: int = 3) -> list[str]:
    """pdfminer's distinct warnings as one olparse warning (empty when there were none)."""
    distinct = list(dict.fromkeys(printable(r)[:200] for r in records))
    if not distinct:
        return []
    more = f" (and {len(distinct) - limit} more)" if len(distinct) > limit else ""
    return [f"pdfminer found damage and worked around it: {'; '.join(distinct[:limit])}{more}"]


def char_rotation(char: dict) -> int:
    a, b = char["matrix"][0], char["matrix"][1]
    return rotation_of(a, -b)


def char_size(char: dict) -> float:
    """The font size; pdfminer reports the advance as ``size`` for rotated glyphs, so use the
    glyph box across the writing direction there."""
    if char_rotation(char) in (90, 270):
        return float(char["width"])
    return float(char["size"])


def rescale_misscaled_chars(chars: list[dict]) -> None:
    """Give the characters of a mis-scaled font (``fonts.misscaled_scale``) the size their
    advances show, before spaces and run breaks are decided in ems of it (changed in place)."""
    gauge = WidthGauge()
    for char in chars:
        font, text = char["fontname"], char["text"]
        if len(text) == 1 and gauge.wants(font) and char_rotation(char) == 0:
            gauge.add(font, ord(text), float(char["x1"]) - float(char["x0"]), float(char["size"]))
    scales = gauge.scales()
    if scales:
        for char in chars:
            if char["fontname"] in scales and char_rotation(char) == 0:
                char["size"] = float(char["size"]) * scales[char["fontname"]]


def char_key(char: dict) -> tuple:
    """What must agree for two characters to share a run. Subsets of one font count as one
    font (cairo puts the hyphen it draws at a break in a subset of its own)."""
    return (clean_font_name(char["fontname"]), round(char_size(char), 2),
            rgb_to_int(_colour(char.get("non_stroking_color"))), char_rotation(char))


def _colour(value: object) -> tuple[float, ...] | None:
    if isinstance(value, (list, tuple)) and all(isinstance(v, (int, float)) for v in value):
        return tuple(float(v) for v in value)
    return (0.0,)


#: How pdfminer writes a glyph that has no Unicode mapping.
CID_TEXT = re.compile(r"\(cid:\d+\)")


def chars_to_runs(chars: list[dict], x_off: float, y_off: float, page_bottom: float) -> list[Run]:
    """Group pdfplumber characters into runs, inserting spaces at visible gaps."""
    runs: list[Run] = []
    current: list[dict] = []
    for char in chars:
        if current and not continues_run(current[-1], char):
            runs.append(build_run(current, len(runs), x_off, y_off, page_bottom))
            current = []
        current.append(char)
    if current:
        runs.append(build_run(current, len(runs), x_off, y_off, page_bottom))
    return runs


def continues_run(prev: dict, char: dict) -> bool:
    if char_key(prev) != char_key(char):
        return False
    size = char_size(char) or 1.0
    if abs(_baseline(prev) - _baseline(char)) > BASELINE_TOLERANCE_EM * size:
        return False
    if char_rotation(char) != 0:
        return True
    gap = float(char["x0"]) - float(prev["x1"])
    back = ACCENT_BACK_EM if prev["text"] in SPACING_ACCENTS or char["text"] in SPACING_ACCENTS else 0.2
    # a glyph that starts after the previous one started goes on with it, however much their
    # boxes overlap: pdfminer takes the boxes from the font's widths, which some fonts give too
    # wide (every glyph of a booklet's text overlapped the next by a fifth of an em)
    forward = float(char["x0"]) >= float(prev["x0"])
    return (forward or gap >= -back * size) and gap <= RUN_BREAK_EM * size


def glyph_text(text: str) -> str:
    """A character's text; pdfminer writes a glyph without a Unicode mapping as ``(cid:16)``,
    which becomes U+FFFD, the placeholder ``normalize`` drops (PyMuPDF's backend reads none)."""
    return "\ufffd" if CID_TEXT.fullmatch(text) else text


def _baseline(char: dict) -> float:
    """Where the glyph's baseline lies across the writing direction (for comparing glyphs)."""
    a, b, _, _, e, f = (float(v) for v in char["matrix"])
    return baseline_across(a, -b, e, -f)


def glyph_gaps(chars: list[dict]) -> list[float]:
    """The gaps between consecutive glyphs of a run, where neither is a space character."""
    return [float(b["x0"]) - float(a["x1"]) for a, b in zip(chars, chars[1:]) if a["text"] != " " != b["text"]]


def build_run(chars: list[dict], seq: int, x_off: float, y_off: float, page_bottom: float) -> Run:
    """One run from consecutive characters, with spaces inserted at word gaps: where the gap
    exceeds ``SPACE_GAP_EM`` beyond the run's letter spacing (``trace.letter_spacing``, as the
    PyMuPDF backend measures it per line)."""
    first = chars[0]
    size = char_size(first) or 1.0
    rotation = char_rotation(first)
    text_parts: list[str] = []
    edges: list[float] = []
    space_gap = SPACE_GAP_EM * size + (letter_spacing(glyph_gaps(chars), size) if rotation == 0 else 0.0)
    for i, ch in enumerate(chars):
        if i and rotation == 0:
            gap = float(ch["x0"]) - float(chars[i - 1]["x1"])
            if gap > space_gap and chars[i - 1]["text"] != " " and ch["text"] != " ":
                text_parts.append(" ")
                edges.append(float(chars[i - 1]["x1"]) - x_off)
        for c in glyph_text(ch["text"]):
            text_parts.append(c)
            edges.append(float(ch["x0"]) - x_off)
    edges.append(float(chars[-1]["x1"]) - x_off)
    font = clean_font_name(first["fontname"])
    box = BBox(min(float(c["x0"]) for c in chars) - x_off, min(float(c["top"]) for c in chars) - y_off,
               max(float(c["x1"]) for c in chars) - x_off, max(float(c["bottom"]) for c in chars) - y_off)
    a, b, _, _, e, f = (float(v) for v in first["matrix"])
    ox, oy = e - x_off, page_bottom - f - y_off
    baseline = oy if rotation == 0 else baseline_across(a, -b, ox, oy)
    return Run(
        text=clean_text("".join(text_parts)), bbox=box, font=font, size=round(size, 2),
        bold=is_bold_name(font), italic=is_italic_name(font),
        color=rgb_to_int(_colour(first.get("non_stroking_color"))) or 0,
        baseline=baseline, seq=seq,
        char_x=tuple(edges) if rotation == 0 else (), rotation=rotation,
    )


def shapes_to_rects(shapes: list[dict], x_off: float, y_off: float) -> list[Rect]:
    rects = []
    rings, inner = ring_pairs(shapes)
    for i, s in enumerate(shapes):
        fill = rgb_to_int(_colour(s.get("non_stroking_color"))) if s.get("fill") else None
        stroke = rgb_to_int(_colour(s.get("stroking_color"))) if s.get("stroke") else None
        if fill is None and stroke is None or i in inner:
            continue
        if i in rings:
            rects.extend(ring_to_rects(rings[i], fill, i, x_off, y_off))
            continue
        box = BBox(float(s["x0"]) - x_off, float(s["top"]) - y_off, float(s["x1"]) - x_off, float(s["bottom"]) - y_off)
        rects.append(Rect(box, fill, stroke, float(s.get("linewidth") or 0.0), i, stroke is None or shape_is_box(s)))
    return rects


def ring_pairs(shapes: list[dict]) -> tuple[dict[int, tuple[Box4, Box4]], set[int]]:
    """Rings among ``shapes``: ``{i: (outer, inner)}`` and the indices of the inner shapes.

    HTML engines (WeasyPrint) paint a border as one even-odd fill of two nested rectangles,
    which pdfminer reports as two filled shapes (``rect``, or a ``curve`` tracing a rectangle)
    with the even-odd flag (``pymupdf_backend.ring_of`` sees the one path). Two such shapes
    in one colour, one inside the other by a thin band (a fifth of the outer's smaller side at
    most), are taken for one ring."""
    candidates = [k for k, s in enumerate(shapes) if s.get("fill") and not s.get("stroke") and s.get("evenodd")
                  and (s.get("object_type") == "rect" or shape_is_box(s))]
    box = {k: (float(shapes[k]["x0"]), float(shapes[k]["top"]), float(shapes[k]["x1"]), float(shapes[k]["bottom"]))
           for k in candidates}
    rings: dict[int, tuple[Box4, Box4]] = {}
    inner_of: set[int] = set()
    for a in candidates:
        for b in candidates:
            if a == b or a in inner_of or b in inner_of or a in rings or b in rings:
                continue
            if shapes[a].get("non_stroking_color") != shapes[b].get("non_stroking_color"):
                continue
            outer, inner = box[a], box[b]
            band = max(inner[0] - outer[0], inner[1] - outer[1], outer[2] - inner[2], outer[3] - inner[3])
            if nested(outer, inner) and band <= 0.2 * min(outer[2] - outer[0], outer[3] - outer[1]):
                rings[a] = (outer, inner)
                inner_of.add(b)
    return rings, inner_of


def shape_is_box(shape: dict) -> bool:
    """``Rect.is_box`` for one of pdfplumber's shapes: a ``rect``, or a curve whose path is a
    closed outline of horizontal and vertical lines (``_common.is_box_outline``)."""
    kind = shape.get("object_type")
    if kind == "rect":
        return True
    if kind != "curve":
        return False
    segments: list[tuple[str, tuple[float, float], tuple[float, float]]] = []
    closed = False
    here: tuple[float, float] | None = None
    try:
        for step in shape.get("path") or ():
            op = step[0]
            if op == "h":
                closed = True
                continue
            point = (float(step[-1][0]), float(step[-1][1]))
            if op in ("l", "c") and here is not None:
                segments.append((op, here, point))
            here = point
    except (TypeError, IndexError, ValueError):  # a path of a shape pdfplumber did not expect
        return False
    return bool(segments) and is_box_outline(segments, closed)
