"""The default backend: PyMuPDF (MuPDF) text, drawings and image boxes.

MuPDF repairs damaged cross-reference tables while opening and reports every glyph's box,
which is all the layout stages need. Text comes from MuPDF's text trace (``trace``), which
is faster than its text page; pages the trace cannot describe are read with ``rawdict``.

MuPDF reports damage it works around (bad zlib data, syntax errors in a content stream) as
warnings rather than errors; the ones that can cost text become ``RawPage.warnings``.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Iterator

import pymupdf

from ..errors import CorruptPdfError, EncryptedPdfError
from ..fonts import WidthGauge
from ..geometry import BBox
from ..model import ImageBox, RawPage, Rect, Run
from . import backend_reason
from .trace import HORIZONTAL, rescale_span, trace_to_runs
from .unmapped import drop_dingbat_ciphers, repair_unmapped_fonts
from ._common import (Box4, baseline_across, clean_font_name, clean_metadata, clean_text, is_bold_name,
                      is_box_outline, is_italic_name, nested, printable, rgb_to_int, ring_to_rects, rotation_of)

#: rawdict without image data (fast) and without clipping to the crop box (art may bleed);
#: glyphs without a Unicode mapping come as their codes, for ``unmapped`` to decode. The
#: glyphs drawn are read, not a marked-content ``/ActualText`` over them, as the text trace
#: reads them: pages read either way agree (InDesign gives a list bullet and the space after
#: it the bullet's code as ActualText, which MuPDF's text page reads as a letter ``h``).
TEXT_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
              | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
              | getattr(pymupdf, "TEXT_IGNORE_ACTUALTEXT", 0))
FLAG_ITALIC = 2
FLAG_BOLD = 16
#: MuPDF warnings that mean text may be missing or wrong (others, e.g. bad ICC links, do not).
DAMAGE_WARNING = re.compile(r"zlib|syntax error|read error|truncated|lost|cannot (load|find|read)|"
                            r"corrupt|repair|unknown keyword|bad data", re.I)
#: The permission bit (PDF 32000 table 22, bit 5) that allows copying text.
PERMIT_COPY = 1 << 4

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


class PyMuPDFDocument:
    """An open PDF read through PyMuPDF."""

    backend = "pymupdf"

    def __init__(self, path: Path, password: str | None = None):
        pymupdf.TOOLS.mupdf_warnings(reset=True)
        try:
            self._doc = pymupdf.open(path, filetype="pdf")
        except Exception as exc:  # MuPDF raises several types for broken files
            reason = open_failure_reason(pymupdf.TOOLS.mupdf_warnings(reset=True)) or backend_reason(exc, path)
            raise CorruptPdfError(f"{path}: MuPDF cannot read it as a PDF, even after trying to repair it "
                                  f"({reason})") from exc
        self.warnings: list[str] = []
        self._font_shifts: dict[str, int | None] = {}
        self._cipher_fonts: set[str] = set()  # fonts whose glyphs read as dingbats
        try:
            if self._doc.needs_pass:
                self._authenticate(path, password)
            self.page_count = self._doc.page_count
            self.metadata = clean_metadata(self._doc.metadata)
        except Exception:
            self._doc.close()
            raise
        #: damage seen (a rebuilt cross-reference table, or a page's warnings): from then on
        #: every page is read with MuPDF's resource cache emptied (``page``)
        self._damaged = bool(self._doc.is_repaired)
        if self._damaged:
            self.warnings.append("the file was damaged; MuPDF rebuilt its cross-reference table")
        if self.page_count < 1:
            self._doc.close()
            raise CorruptPdfError(f"{path}: the PDF has no readable pages")
        if not self._may_copy_text():
            self.warnings.append("the file's permissions do not allow copying its text; "
                                 "olparse read it anyway (mind the publisher's terms)")
        pymupdf.TOOLS.mupdf_warnings(reset=True)

    def _authenticate(self, path: Path, password: str | None) -> None:
        if password is None:
            raise EncryptedPdfError(f"{path}: the PDF is encrypted and needs a password")
        if not self._doc.authenticate(password):
            raise EncryptedPdfError(f"{path}: wrong password for this encrypted PDF",
                                    hint="check the password given with --password")

    def _may_copy_text(self) -> bool:
        return bool(self._doc.permissions & PERMIT_COPY)

    def page(self, number: int) -> RawPage:
        """Read page ``number``.

        In a damaged file a page's damage warnings must not depend on the pages read before it
        (with two workers, which page a worker reads first varies from run to run): MuPDF warns
        about a broken font or image stream when it decodes it, once, and then serves it from its
        resource cache. Once damage is seen, the cache is emptied before every page, so that
        every page that uses a broken resource reports it (fonts are decoded again: slower,
        on damaged files only)."""
        if self._damaged:
            pymupdf.TOOLS.store_shrink(100)
        page = self._doc.load_page(number - 1)
        rect = page.rect
        runs, decoded = repair_unmapped_fonts(read_runs(page), self._font_shifts)
        runs, unreadable = drop_dingbat_ciphers(runs, self._cipher_fonts)
        rects = tuple(drawings_to_rects(page.get_cdrawings(), rect.x0, rect.y0))
        images = tuple(images_to_boxes(page.get_image_info() if page.get_images(full=True) else [], rect.x0, rect.y0))
        label = page_label(page)
        damage = damage_warnings(pymupdf.TOOLS.mupdf_warnings(reset=True))
        self._damaged = self._damaged or bool(damage)
        return RawPage(number=number, width=float(rect.width), height=float(rect.height), runs=tuple(runs),
                       rects=rects, images=images, label=label, warnings=damage + tuple(decoded) + tuple(unreadable))

    def close(self) -> None:
        self._doc.close()

    def __enter__(self) -> "PyMuPDFDocument":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_runs(page: "pymupdf.Page") -> list[Run]:
    """The page's runs: from the text trace (fast), or from ``rawdict`` where the trace cannot
    stand in for MuPDF's text page (glyphs without Unicode, tilted or vertical text, and pages
    with a ``/Rotate``, whose trace is in unrotated coordinates)."""
    rect = page.rect
    runs = None
    if not page.rotation:
        with font_box_corrections():
            spans = page.get_texttrace()
        runs = trace_to_runs(spans, tuple(rect))
    if runs is None:
        runs = rawdict_to_runs(page.get_text("rawdict", flags=TEXT_FLAGS), rect.x0, rect.y0)
    return runs


@contextlib.contextmanager
def font_box_corrections() -> Iterator[None]:
    """MuPDF's corrections of font ascenders and descenders, on while the trace is read.

    They are a process-wide switch (``TOOLS.unset_quad_corrections``) that other packages turn
    off (``pymupdf_layout`` does, when it is installed). Without them the trace reports 0.8 and
    -0.2 for every font, and line boxes would depend on what else the process has imported;
    ``rawdict`` boxes do not change. The caller's setting is put back afterwards.
    """
    tools = pymupdf.TOOLS
    unset = tools.unset_quad_corrections()
    if not unset:
        yield
        return
    tools.unset_quad_corrections(False)
    try:
        yield
    finally:
        tools.unset_quad_corrections(True)


def skip_colour_management() -> None:
    """Switch MuPDF's ICC colour management off for this process (a page worker's).

    Why. Colours are read only to tell styles apart and light fills from dark ones, never to
    render, so the document's own colours need no exact conversion to RGB. Converting from an
    ICC-based colour space makes MuPDF build a colour transform (lcms2) the first time a
    process meets each profile: about 7 ms on the first page of every worker, for every
    document that uses one (InDesign and typst do; a 6-page file's whole page work is about
    45 ms). Without ICC, MuPDF converts with the colour space's plain formulas.

    The switch is process-wide and PyMuPDF cannot report its state, so it is set only in
    processes that olparse started itself; pages read in the caller's process (``isolate=False``)
    keep the caller's setting.
    """
    with contextlib.suppress(Exception):
        pymupdf.TOOLS.set_icc(False)


def page_label(page: "pymupdf.Page") -> str:
    """The page's label (``iv``, ``12``); empty when the label tree is missing or broken."""
    try:
        return page.get_label() or ""
    except Exception:  # a damaged /PageLabels tree must not cost the page
        return ""


def open_failure_reason(log: str) -> str:
    """The first real problem in MuPDF's warnings from a failed open (not its repair chatter)."""
    for line in log.splitlines():
        line = printable(line)
        if line and not line.startswith(("trying to repair", "repairing", "...")):
            return line
    return ""


def damage_warnings(log: str, limit: int = 3) -> tuple[str, ...]:
    """MuPDF's warnings for one page, reduced to the distinct ones that can cost text."""
    seen: list[str] = []
    for line in log.splitlines():
        line = printable(line)[:160]
        if DAMAGE_WARNING.search(line) and line not in seen and not line.startswith("..."):
            seen.append(line)
    if not seen:
        return ()
    more = f" (and {len(seen) - limit} more)" if len(seen) > limit else ""
    return (f"MuPDF found damage while reading the page and worked around it: {'; '.join(seen[:limit])}{more}",)


def rawdict_to_runs(raw: dict, dx: float = 0.0, dy: float = 0.0) -> list[Run]:
    """One ``Run`` per MuPDF span, in MuPDF's (content-stream) order; spans of a mis-scaled
    font at the size their glyphs' advances show (``fonts.misscaled_scale``)."""
    spans = [(span, line["dir"]) for block in raw.get("blocks", ()) for line in block.get("lines", ())
             for span in line["spans"]]
    scales = rawdict_scales(spans)
    runs: list[Run] = []
    for span, direction in spans:
        if span["font"] in scales:
            rescale_rawdict_span(span, direction, scales[span["font"]])
        run = span_to_run(span, direction, len(runs), dx, dy)
        if run is not None:
            runs.append(run)
    return runs


def rawdict_scales(spans: list[tuple[dict, tuple[float, float]]]) -> dict[str, float]:
    """The mis-scaled fonts among ``spans`` (``fonts.WidthGauge``, on horizontal glyphs)."""
    gauge = WidthGauge()
    for span, direction in spans:
        font = span["font"]
        wanted = gauge.wants(font)
        if wanted and tuple(direction) == HORIZONTAL:
            for char in span["chars"][:wanted]:
                if len(char["c"]) == 1:
                    box = char["bbox"]
                    gauge.add(font, ord(char["c"]), box[2] - box[0], span["size"])
    return gauge.scales()


def rescale_rawdict_span(span: dict, direction: tuple[float, float], scale: float) -> None:
    """``span`` at ``scale`` times its size, its box (horizontal text) from its ascender to its
    descender at that size, as MuPDF draws boxes."""
    rescale_span(span, scale)
    if tuple(direction) == HORIZONTAL:
        x0, _, x1, _ = span["bbox"]
        oy, size = span["origin"][1], span["size"]
        span["bbox"] = (x0, oy - span["ascender"] * size, x1, oy - span["descender"] * size)


def span_to_run(span: dict, direction: tuple[float, float], seq: int, dx: float, dy: float) -> Run | None:
    """Convert one rawdict span written in ``direction``; ``None`` for spans without characters."""
    chars = span["chars"]
    if not chars:
        return None
    rotation = rotation_of(*direction)
    text = clean_text("".join(c["c"] for c in chars))
    font = clean_font_name(span["font"])
    flags = span["flags"]
    x0, y0, x1, y1 = span["bbox"]
    if rotation == 0:
        char_x = tuple(c["bbox"][0] - dx for c in chars) + (chars[-1]["bbox"][2] - dx,)
    else:
        char_x = ()
    ox, oy = span["origin"][0] - dx, span["origin"][1] - dy
    baseline = oy if rotation == 0 else baseline_across(direction[0], direction[1], ox, oy)
    return Run(
        text=text,
        bbox=BBox(x0 - dx, y0 - dy, x1 - dx, y1 - dy),
        font=font,
        size=round(float(span["size"]), 2),
        bold=bool(flags & FLAG_BOLD) or is_bold_name(font),
        italic=bool(flags & FLAG_ITALIC) or is_italic_name(font),
        color=int(span["color"]) & 0xFFFFFF,
        baseline=baseline,
        seq=seq,
        char_x=char_x,
        rotation=rotation,
    )


def drawings_to_rects(drawings: list[dict], dx: float = 0.0, dy: float = 0.0) -> list[Rect]:
    """The bounding box of every drawn path, with its fill and stroke colour."""
    rects: list[Rect] = []
    for i, d in enumerate(drawings):
        x0, y0, x1, y1 = d["rect"]
        kind = d.get("type", "")
        fill = rgb_to_int(d.get("fill")) if "f" in kind else None
        stroke = rgb_to_int(d.get("color")) if "s" in kind else None
        if fill is None and stroke is None:
            continue
        seq = d.get("seqno", i)
        ring = ring_of(d) if fill is not None and stroke is None else None
        if ring is not None:
            rects.extend(ring_to_rects(ring, fill, seq, dx, dy))
            continue
        rects.append(Rect(BBox(x0 - dx, y0 - dy, x1 - dx, y1 - dy), fill, stroke,
                          float(d.get("width") or 0.0), seq, stroke is None or drawing_is_box(d)))
    return rects


def ring_of(drawing: dict) -> tuple[Box4, Box4] | None:
    """``(outer, inner)`` when ``drawing`` fills one rectangle inside another with the even-odd
    rule: a ring, the way HTML engines (WeasyPrint) paint a border. Its bounding box is no
    tinted area; only the band between the two is ink."""
    items = drawing.get("items") or ()
    if not drawing.get("even_odd") or len(items) != 2 or any(item[0] != "re" for item in items):
        return None
    (a, b) = (tuple(float(v) for v in item[1]) for item in items)
    outer, inner = (a, b) if (a[2] - a[0]) * (a[3] - a[1]) >= (b[2] - b[0]) * (b[3] - b[1]) else (b, a)
    return (outer, inner) if nested(outer, inner) else None


def drawing_is_box(drawing: dict) -> bool:
    """``Rect.is_box`` for one of MuPDF's drawings: rectangles and quads, or a closed outline
    of horizontal and vertical lines (``_common.is_box_outline``)."""
    items = drawing.get("items") or ()
    kinds = {item[0] for item in items}
    if kinds and kinds <= {"re", "qu"}:
        return True
    if not kinds or not kinds <= {"l", "c"}:
        return False
    try:
        segments = [(item[0], (float(item[1][0]), float(item[1][1])), (float(item[-1][0]), float(item[-1][1])))
                    for item in items]
    except (TypeError, IndexError, ValueError):  # an item of a shape MuPDF did not document
        return False
    return is_box_outline(segments, bool(drawing.get("closePath")))


def images_to_boxes(infos: list[dict], dx: float = 0.0, dy: float = 0.0) -> list[ImageBox]:
    boxes = []
    for i, info in enumerate(infos):
        x0, y0, x1, y1 = info["bbox"]
        boxes.append(ImageBox(BBox(x0 - dx, y0 - dy, x1 - dx, y1 - dy), i))
    return boxes
