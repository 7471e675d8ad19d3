"""Runs from MuPDF's text trace: the fast path of the PyMuPDF backend.

``page.get_texttrace()`` lists every text-showing operation of a page as a span of glyphs with
their origins and boxes, in content-stream order, without building MuPDF's text page (lines,
blocks, one dictionary per character). Reading it costs about 0.6 of ``rawdict``.

What the text page would have added is done here, the way MuPDF's own text device does it
(``stext-device.c``), so both paths give the same runs:

* **Spaces.** A glyph that starts more than ``SPACE_DIST`` em after the end of the previous one
  gets a space in front of it, unless one of the two is a space already (TeX and many tools set
  word spaces by moving the pen, with no space glyph).
* **Splits.** A jump of more than ``SPACE_MAX_DIST`` em along the line, either way, starts a new
  run: text set apart that far is not one line (a table cell, a column, a tab stop); so does a
  baseline moved by more than ``LINE_SHIFT`` em (one operation may set several lines).
  A smaller backward move (an accent placed over its letter, kerning) is ignored.
* **Continuation.** A span in the same style on the same baseline, starting where the previous
  glyph ended, continues its run: a word space drawn as an object of its own stays a space.
* **Ligatures.** A glyph that stands for several characters comes as the glyph followed by
  characters with glyph ``-1``; those take zero width at the glyph's end, as in ``rawdict``.
* **Boxes.** Horizontal runs get MuPDF's box: from the baseline up by the font's ascender and
  down by its descender.
* **Clipping.** Glyphs entirely outside the page are left out, like ``TEXT_MEDIABOX_CLIP``.
* **Colour.** The trace reports RGB components; they are rounded to ``0xRRGGBB`` as ``rawdict``
  does.
* **Soft hyphens.** A U+00AD drawn inside a line is a hyphen (``-``); only one that ends a line
  stays a soft hyphen, the break signal ``lines`` reads.

The trace's ascenders and descenders depend on a process-wide MuPDF switch; the backend reads
the trace with it set as MuPDF's default (``pymupdf_backend.font_box_corrections``).

The trace cannot stand in for the text page everywhere. ``trace_to_runs`` returns ``None``
(read the page with ``rawdict`` instead) when a glyph has no Unicode mapping (the ``unmapped``
repair needs the glyph codes that only ``rawdict`` reports; a dingbat font's glyphs are no
text and need no repair, so they do not count) or when text is set at an angle
that is not a multiple of 90 degrees or in vertical writing mode (glyph advances are not
recoverable from axis-aligned boxes there). The backend also reads pages with a ``/Rotate``
entry from ``rawdict``: their trace is in unrotated coordinates.
"""

from __future__ import annotations

import operator
from typing import NamedTuple, Sequence

from ..fonts import MAX_ASCENT_EM, MAX_DESCENT_EM, WidthGauge, is_dingbat_font
from ..geometry import BBox
from ..model import Run
from ._common import (baseline_across, clean_font_name, clean_text, is_bold_name, is_italic_name, rgb_to_int,
                      rotation_of)

#: Glyphs further apart than this (in em) are separated by a space (MuPDF's ``SPACE_DIST``).
SPACE_DIST = 0.15
#: Glyphs further apart than this (in em, either way) are not on one run (``SPACE_MAX_DIST``).
SPACE_MAX_DIST = 0.8
#: A line whose glyphs mostly stand apart by this much (in em; the lower quartile of its gaps)
#: is letter-spaced; a word space then needs ``SPACE_DIST`` beyond that spacing (the median gap).
TRACKED_EM = 0.05
#: In a letter-spaced line, a gap this many ems or less wider than the widest letter gap is one
#: too: engines that place glyphs on whole points spread letter gaps unevenly, word spaces stand
#: clear of them (a space glyph is 0.2 em and more).
LETTER_STEP_EM = 0.1
FLAG_ITALIC = 2
FLAG_BOLD = 16
NO_GLYPH = -1
REPLACEMENT = 0xFFFD
#: Glyphs whose baseline moves by more than this (in em) are on another line; less is a raised
#: or lowered glyph in the same line (MuPDF's limit too).
LINE_SHIFT = 0.8
HORIZONTAL = (1.0, 0.0)
SOFT_HYPHEN = "\u00ad"
#: Line breaks and tabs are the only control characters real text carries.
ALLOWED_CONTROLS = frozenset((9, 10, 13))


def trace_to_runs(spans: Sequence[dict], page: tuple[float, float, float, float]) -> list[Run] | None:
    """Runs of one page from ``page.get_texttrace()``; ``None`` when the page needs ``rawdict``.

    ``page`` is the page's rectangle in the trace's coordinates: glyphs entirely outside it are
    dropped, and its top-left corner becomes the origin of the runs.
    """
    rescale_misscaled_spans(spans)
    pieces: list[Piece] = []
    pen = Pen()
    traced: list[tuple[dict, Columns]] = []
    for span in spans:
        chars = span["chars"]
        if not chars:
            continue
        columns = columns_of(chars)
        if span["wmode"] or (span["dir"] != HORIZONTAL and rotation_of(*span["dir"]) % 90) or \
                (needs_text_page(columns.codes) and not is_dingbat_font(span["font"])):
            return None  # a dingbat glyph without Unicode needs no repair: normalize drops it
        traced.append((span, columns))
    for (span, columns), spacing in zip(traced, line_letter_spacings(traced)):
        add_span(pieces, pen, span, page, columns, spacing)
    runs: list[Run] = []
    styles: dict[tuple, tuple] = {}
    for piece in pieces:
        if piece.text:
            runs.append(make_run(piece, len(runs), page[0], page[1], styles))
    return runs


def rescale_misscaled_spans(spans: Sequence[dict]) -> None:
    """Give the spans of a mis-scaled font (``fonts.misscaled_scale``) the size their glyphs'
    advances show, before word spaces and line changes are decided in ems of that size.

    Measured per font on Latin letters in horizontal spans (``fonts.WidthGauge``): a glyph's
    box in the trace is as wide as its advance. The spans are changed in place. Their
    ascender and descender are relative to the size: MuPDF reads them from the font
    descriptor, which Ghostscript writes in the font's large units (they are divided by the
    scale), or gives 0.8 and -0.2 when it has none (they stay).
    """
    gauge = WidthGauge()
    for span in spans:
        font, size = span["font"], span["size"]
        wanted = gauge.wants(font)
        if wanted and span["dir"] == HORIZONTAL:
            for code, _, _, box in span["chars"][:wanted]:
                gauge.add(font, code, box[2] - box[0], size)
    scales = gauge.scales()
    if scales:
        for span in spans:
            if span["font"] in scales:
                rescale_span(span, scales[span["font"]])


def rescale_span(span: dict, scale: float) -> None:
    """``span`` (a trace or ``rawdict`` span) at ``scale`` times its size (see above)."""
    span["size"] *= scale
    if span["ascender"] > MAX_ASCENT_EM or span["descender"] < -MAX_DESCENT_EM:
        span["ascender"] /= scale
        span["descender"] /= scale


def needs_text_page(codes: Sequence[int]) -> bool:
    """True when a glyph has no Unicode mapping: only ``rawdict`` reports its code."""
    return REPLACEMENT in codes or (min(codes) < 0x20 and any(c < 0x20 and c not in ALLOWED_CONTROLS
                                                              for c in codes))


class Columns(NamedTuple):
    """A span's glyphs by field (the trace's ``chars`` transposed): codes, glyph ids, origins,
    boxes; and, measured once for the letter spacing and the runs alike, of its drawn glyphs
    only (not a ligature's further characters): where each starts and ends along x, its
    baseline y, and the gaps between them."""

    codes: tuple[int, ...]
    glyphs: tuple[int, ...]
    origins: tuple[tuple[float, float], ...]
    boxes: tuple[tuple[float, float, float, float], ...]
    drawn: list[int] | None  # indices of the drawn glyphs; ``None``: all are
    starts: Sequence[float]
    ys: Sequence[float]
    ends: Sequence[float]
    gaps: list[float]


def columns_of(chars: Sequence[tuple]) -> Columns:
    """``Columns`` of a trace span's ``chars`` (at least one)."""
    codes, glyphs, origins, boxes = zip(*chars)
    if NO_GLYPH in glyphs:
        drawn = [i for i, g in enumerate(glyphs) if g != NO_GLYPH]
        drawn_origins = [origins[i] for i in drawn]
        drawn_boxes = [boxes[i] for i in drawn]
        if not drawn:
            return Columns(codes, glyphs, origins, boxes, drawn, (), (), [], [])
    else:
        drawn, drawn_origins, drawn_boxes = None, origins, boxes
    starts, ys = zip(*drawn_origins)
    ends = [box[2] for box in drawn_boxes]
    return Columns(codes, glyphs, origins, boxes, drawn, starts, ys, ends, list(map(operator.sub, starts[1:], ends)))


class Piece:
    """Glyphs on their way to becoming a run: text, where each glyph starts along the line,
    where the last one ends, and the first glyph's origin."""

    __slots__ = ("span", "text", "edges", "end", "origin")

    def __init__(self, span: dict, origin: tuple[float, float]):
        self.span = span
        self.text: list[str] = []
        self.edges: list[float] = []
        self.end = 0.0
        self.origin = origin


class Pen:
    """Where the previous glyph ended (along its line), on which baseline, in which style."""

    __slots__ = ("end", "baseline", "style", "last")

    def __init__(self) -> None:
        self.end: float | None = None
        self.baseline = 0.0
        self.style: tuple | None = None
        self.last = " "


def style_of(span: dict) -> tuple:
    """What must stay the same for glyphs to share a run."""
    return (span["font"], span["size"], span["flags"], span["color"], span["dir"], span["type"])


def line_letter_spacings(traced: Sequence[tuple[dict, Columns]]) -> list[float]:
    """The letter spacing (``letter_spacing``, in points) of each span's line: of the gaps
    between the glyphs of consecutive horizontal spans in one style on one baseline, the
    spaces between spans included. A letter-spaced word may come as several spans (Pango
    starts one at a ligature), which tell nothing one by one; measured by the line, every gap
    of the word is judged alike."""
    out: list[float] = []
    line = TracedLine()
    for span, columns in traced:  # only drawn glyphs count, not a ligature's further characters
        size = span["size"]
        ys = columns.ys
        if span["dir"] != HORIZONTAL or not ys or max(ys) - min(ys) > LINE_SHIFT * size:
            out += line.spacings()
            out.append(0.0)
            line = TracedLine()
            continue
        style = style_of(span)
        if line.spans and style == line.style and abs(ys[0] - line.baseline) <= LINE_SHIFT * size:
            line.gaps.append(columns.starts[0] - line.end)
        else:
            out += line.spacings()
            line = TracedLine(style, ys[0], size)
        line.spans += 1
        line.gaps += columns.gaps
        line.end = columns.ends[-1]
    return out + line.spacings()


class TracedLine:
    """The spans of one line in one style, as ``line_letter_spacings`` gathers them."""

    __slots__ = ("style", "baseline", "size", "spans", "gaps", "end")

    def __init__(self, style: tuple | None = None, baseline: float = 0.0, size: float = 0.0) -> None:
        self.style, self.baseline, self.size = style, baseline, size
        self.spans = 0
        self.gaps: list[float] = []
        self.end = 0.0

    def spacings(self) -> list[float]:
        """The line's letter spacing, once for each of its spans."""
        return [letter_spacing(self.gaps, self.size)] * self.spans if self.spans else []


def add_span(pieces: list[Piece], pen: Pen, span: dict, page: tuple[float, float, float, float],
             columns: Columns, spacing: float = 0.0) -> None:
    """Add one traced span's glyphs to ``pieces``, continuing the last piece where MuPDF would.

    A span continues the previous piece when it has the same style, sits on the same baseline
    and starts within ``SPACE_MAX_DIST`` em of where the previous glyph ended: a word space set
    as a text object of its own stays with its words, as in MuPDF's text page. Within a piece,
    a jump of more than ``SPACE_MAX_DIST`` em either way starts a new piece, and a gap of more
    than ``SPACE_DIST`` em becomes a space. Positions are measured along the writing direction
    (exact for the four right angles, the only ones that reach this function).
    """
    ux, uy = span["dir"]
    size = span["size"]
    style = style_of(span)
    ox, oy = columns.origins[0]
    baseline = oy * ux - ox * uy
    same_line = style == pen.style and abs(baseline - pen.baseline) <= LINE_SHIFT * size
    current = pieces[-1] if same_line and pieces and pen.end is not None else None
    if current is None:
        pen.end, pen.last = None, " "
    horizontal = (ux, uy) == HORIZONTAL or rotation_of(ux, uy) == 0
    if horizontal and inside(span["bbox"], page) and columns.glyphs[0] != NO_GLYPH:
        add_plain_glyphs(pieces, pen, span, current, columns, spacing)
    else:
        add_glyphs(pieces, pen, span, current, page, horizontal, SPACE_DIST * size + spacing)
    pen.style = style


def inside(box: Sequence[float], page: tuple[float, float, float, float]) -> bool:
    return box[0] >= page[0] and box[1] >= page[1] and box[2] <= page[2] and box[3] <= page[3]


def add_plain_glyphs(pieces: list[Piece], pen: Pen, span: dict, current: Piece | None, columns: Columns,
                     spacing: float = 0.0) -> None:
    """The common case, in bulk: horizontal glyphs, all on the page, the first one a glyph of
    its own (not a ligature's further character).

    When no gap inside the span calls for a space or a split, the whole span is appended at
    once; otherwise it goes glyph by glyph. Gaps are measured between drawn glyphs: a ligature's
    further characters (glyph ``-1``) take zero width at its end, as in ``add_glyphs``.
    """
    glyphs, starts, ends, gaps, lines = columns.glyphs, columns.starts, columns.ends, columns.gaps, columns.ys
    size = span["size"]
    space_gap, split_gap = SPACE_DIST * size + spacing, SPACE_MAX_DIST * size
    ux, uy = span["dir"]
    if uy:  # across the line: its baseline (a line tilted by a degree or two still has one)
        lines = [y * ux - x * uy for x, y in zip(starts, lines)]
    if gaps and (max(gaps) > space_gap or min(gaps) < -split_gap or max(lines) - min(lines) > LINE_SHIFT * size):
        add_glyphs(pieces, pen, span, current, None, True, space_gap)
        return
    text = "".join(map(chr, columns.codes))
    current = continued(current, pen, starts[0], text[0], space_gap, split_gap)
    if current is None:
        current = Piece(span, (starts[0], columns.ys[0]))
        pieces.append(current)
    current.text.append(text)
    current.edges.extend(starts if columns.drawn is None else ligature_edges(glyphs, columns.origins, columns.boxes))
    current.end = ends[-1]
    pen.end, pen.last, pen.baseline = ends[-1], text[-1], lines[-1]


def letter_spacing(gaps: Sequence[float], size: float) -> float:
    """The letter spacing of a line's glyphs, in points: the median of the gaps between them
    where their lower quartile is at least ``TRACKED_EM`` (most glyphs stand apart), else 0.
    (Engines that place glyphs on a whole-point grid spread a word unevenly, 0.12 to 0.35 em
    apart at 10 pt: the median, not the quartile, is its spacing.)

    Type is letter-spaced for display, and to fill a justified line: Pango spreads a line of
    one long word over the measure that way, and InDesign's justification may add letter
    spacing. Gaps of 0.1 to 0.2 em straddle ``SPACE_DIST`` and would break the word at random
    (``f orv al tn i ngs chef en``); measured from the spacing, a word space still stands out.
    Four gaps or more are needed (the quartile of fewer says nothing)."""
    if len(gaps) < 4:
        return 0.0
    ordered = sorted(gaps)
    if ordered[len(ordered) // 4] < TRACKED_EM * size:
        return 0.0
    spacing = ordered[len(ordered) // 2]
    # gaps rising from the letter gaps in steps of less than ``LETTER_STEP_EM`` are letter gaps
    # too (glyphs on a whole-point grid); a word space stands clear of them
    threshold, widest = spacing + SPACE_DIST * size, ordered[0]
    for gap in ordered:
        if gap > threshold:
            if gap - widest > LETTER_STEP_EM * size:
                break
            threshold = gap
        widest = gap
    return threshold - SPACE_DIST * size


def ligature_edges(glyphs: Sequence[int], origins: Sequence[tuple[float, float]],
                   boxes: Sequence[tuple[float, float, float, float]]) -> list[float]:
    """Where each character starts: a drawn glyph at its origin, a ligature's further
    character at the end of the glyph before it."""
    edges = []
    end = 0.0
    for glyph, origin, box in zip(glyphs, origins, boxes):
        if glyph == NO_GLYPH:
            edges.append(end)
        else:
            edges.append(origin[0])
            end = box[2]
    return edges


def add_glyphs(pieces: list[Piece], pen: Pen, span: dict, current: Piece | None,
               page: tuple[float, float, float, float] | None, horizontal: bool,
               space_gap: float | None = None) -> None:
    """Glyph by glyph: clipping, ligature clusters, spaces and splits (see ``add_span``);
    ``space_gap`` is the gap that makes a space, ``SPACE_DIST`` em unless given."""
    ux, uy = span["dir"]
    size = span["size"]
    split_gap = SPACE_MAX_DIST * size
    if space_gap is None:
        space_gap = SPACE_DIST * size
    for code, glyph, origin, box in span["chars"]:
        x0, y0, x1, y1 = box
        if page is not None and (x1 < page[0] or y1 < page[1] or x0 > page[2] or y0 > page[3]):
            continue  # entirely off the page
        ch = chr(code)
        if glyph == NO_GLYPH and current:  # a further character of a ligature glyph
            current.text.append(ch)
            current.edges.append(current.end)
            pen.last = ch
            continue
        if horizontal:
            start, end = origin[0], x1
        else:
            start = origin[0] * ux + origin[1] * uy
            end = max(x0 * ux, x1 * ux) + max(y0 * uy, y1 * uy)
        line = origin[1] * ux - origin[0] * uy
        current = continued(current, pen, start, ch, space_gap, split_gap,
                            off_line=abs(line - pen.baseline) > LINE_SHIFT * size)
        if current is None:
            current = Piece(span, origin)
            pieces.append(current)
        current.text.append(ch)
        current.edges.append(start)
        current.end = end
        pen.end, pen.last, pen.baseline = end, ch, line


def continued(current: Piece | None, pen: Pen, start: float, ch: str, space_gap: float, split_gap: float,
              off_line: bool = False) -> Piece | None:
    """``current`` when a glyph ``ch`` starting at ``start`` continues it, with the space that
    its gap from the pen implies added; ``None`` when the glyph starts a new piece (a jump of
    more than ``split_gap`` either way, or another line)."""
    if current is None or pen.end is None:
        return current
    gap = start - pen.end
    if gap > split_gap or gap < -split_gap or off_line:
        return None
    if gap > space_gap and pen.last != " " and ch != " " and current.text:
        current.text.append(" ")
        current.edges.append(current.end)
    return current


def make_run(piece: Piece, seq: int, dx: float, dy: float, styles: dict[tuple, tuple]) -> Run:
    """One ``Run`` from a piece; ``styles`` caches what is the same for every run of a style."""
    span = piece.span
    key = style_of(span)
    if key not in styles:
        font = clean_font_name(span["font"])
        flags = span["flags"]
        styles[key] = (font, round(float(span["size"]), 2), bool(flags & FLAG_BOLD) or is_bold_name(font),
                       bool(flags & FLAG_ITALIC) or is_italic_name(font), rgb_to_int(span["color"]) or 0,
                       rotation_of(*span["dir"]))
    font, rounded, bold, italic, color, rotation = styles[key]
    size = float(span["size"])
    ox, oy = piece.origin
    ascent, descent = span["ascender"] * size, span["descender"] * size
    if rotation == 0:
        char_x = (*piece.edges, piece.end) if not dx else tuple([x - dx for x in piece.edges]) + (piece.end - dx,)
        bbox = BBox(char_x[0], oy - ascent - dy, char_x[-1], oy - descent - dy)
        baseline = oy - dy
    else:
        char_x = ()
        bbox = rotated_box(span["dir"], (ox - dx, oy - dy), piece.end - piece.edges[0], ascent, descent)
        baseline = baseline_across(*span["dir"], ox - dx, oy - dy)
    return Run(text=clean_text("".join(piece.text)), bbox=bbox, font=font, size=rounded, bold=bold,
               italic=italic, color=color, baseline=baseline, seq=seq, char_x=char_x, rotation=rotation)


def rotated_box(direction: tuple[float, float], origin: tuple[float, float], length: float,
                ascent: float, descent: float) -> BBox:
    """The box of a run written in ``direction`` from ``origin`` over ``length``, from the font's
    descender to its ascender across the line (as MuPDF boxes its characters)."""
    ux, uy = direction
    upx, upy = uy, -ux  # the glyphs' up: the writing direction turned a quarter to the left
    xs, ys = [], []
    for along in (0.0, length):
        for across in (ascent, descent):
            xs.append(origin[0] + ux * along + upx * across)
            ys.append(origin[1] + uy * along + upy * across)
    return BBox(min(xs), min(ys), max(xs), max(ys))
