"""The default backend: PyMuPDF (MuPDF) ``rawdict`` text, drawings and image boxes.

MuPDF repairs damaged cross-reference tables while opening, inserts spaces where glyphs are
set apart, and reports every character's box, which is all the layout stages need.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from ..errors import CorruptPdfError, EncryptedPdfError
from ..geometry import BBox
from ..model import ImageBox, RawPage, Rect, Run
from ._common import clean_font_name, is_bold_name, is_italic_name, rgb_to_int, rotation_of

#: rawdict without image data (fast) and without clipping to the crop box (art may bleed).
TEXT_FLAGS = (pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
              | pymupdf.TEXT_MEDIABOX_CLIP)
FLAG_ITALIC = 2
FLAG_BOLD = 16

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


class PyMuPDFDocument:
    """An open PDF read through PyMuPDF."""

    backend = "pymupdf"

    def __init__(self, path: Path, password: str | None = None):
        try:
            self._doc = pymupdf.open(path, filetype="pdf")
        except Exception as exc:  # MuPDF raises several types for broken files
            raise CorruptPdfError(f"{path}: cannot be opened as a PDF ({exc})") from exc
        self.warnings: list[str] = []
        if self._doc.needs_pass:
            self._authenticate(path, password)
        if self._doc.is_repaired:
            self.warnings.append("the file was damaged; its cross-reference table was rebuilt")
        try:
            self.page_count = self._doc.page_count
        except Exception as exc:
            raise CorruptPdfError(f"{path}: the page tree cannot be read ({exc})") from exc
        if self.page_count < 1:
            raise CorruptPdfError(f"{path}: the PDF has no readable pages")
        self.metadata = {k: v for k, v in (self._doc.metadata or {}).items() if isinstance(v, str) and v}

    def _authenticate(self, path: Path, password: str | None) -> None:
        if password is None:
            raise EncryptedPdfError(f"{path}: the PDF is encrypted and needs a password")
        if not self._doc.authenticate(password):
            raise EncryptedPdfError(f"{path}: wrong password for this encrypted PDF",
                                    hint="check the password given with --password")

    def page(self, number: int) -> RawPage:
        page = self._doc.load_page(number - 1)
        rect = page.rect
        text = page.get_text("rawdict", flags=TEXT_FLAGS)
        return RawPage(
            number=number,
            width=float(rect.width),
            height=float(rect.height),
            runs=tuple(rawdict_to_runs(text, rect.x0, rect.y0)),
            rects=tuple(drawings_to_rects(page.get_cdrawings(), rect.x0, rect.y0)),
            images=tuple(images_to_boxes(page.get_image_info(), rect.x0, rect.y0)),
            label=page.get_label() if self._doc.is_pdf else "",
        )

    def close(self) -> None:
        self._doc.close()

    def __enter__(self) -> "PyMuPDFDocument":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def rawdict_to_runs(raw: dict, dx: float = 0.0, dy: float = 0.0) -> list[Run]:
    """One ``Run`` per MuPDF span, in MuPDF's (content-stream) order."""
    runs: list[Run] = []
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            rotation = rotation_of(*line["dir"])
            for span in line["spans"]:
                run = span_to_run(span, rotation, len(runs), dx, dy)
                if run is not None:
                    runs.append(run)
    return runs


def span_to_run(span: dict, rotation: int, seq: int, dx: float, dy: float) -> Run | None:
    """Convert one rawdict span; ``None`` for spans without characters."""
    chars = span["chars"]
    if not chars:
        return None
    text = "".join(c["c"] for c in chars)
    font = clean_font_name(span["font"])
    flags = span["flags"]
    x0, y0, x1, y1 = span["bbox"]
    if rotation == 0:
        char_x = tuple(c["bbox"][0] - dx for c in chars) + (chars[-1]["bbox"][2] - dx,)
    else:
        char_x = ()
    baseline = span["origin"][1] - dy if rotation == 0 else span["origin"][0] - dx
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
        rects.append(Rect(BBox(x0 - dx, y0 - dy, x1 - dx, y1 - dy), fill, stroke,
                          float(d.get("width") or 0.0), d.get("seqno", i)))
    return rects


def images_to_boxes(infos: list[dict], dx: float = 0.0, dy: float = 0.0) -> list[ImageBox]:
    boxes = []
    for i, info in enumerate(infos):
        x0, y0, x1, y1 = info["bbox"]
        boxes.append(ImageBox(BBox(x0 - dx, y0 - dy, x1 - dx, y1 - dy), i))
    return boxes
