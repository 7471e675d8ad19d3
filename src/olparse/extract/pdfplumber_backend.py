"""The second backend: pdfplumber (pdfminer.six) characters grouped into runs.

pdfplumber reports single characters without the spaces a reader sees between words, so this
module groups characters into runs the way MuPDF does: consecutive characters (in content-stream
order) of one font, size and colour on one baseline, with a space inserted where the gap between
two glyphs is wider than ``SPACE_GAP_EM`` of the font size, and a new run started where the gap
is wider than ``RUN_BREAK_EM`` or the text jumps backwards.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from ..errors import CorruptPdfError, EncryptedPdfError
from ..geometry import BBox
from ..model import ImageBox, RawPage, Rect, Run
from ._common import clean_font_name, is_bold_name, is_italic_name, rgb_to_int, rotation_of

#: A gap wider than this share of the font size between two glyphs reads as a space.
SPACE_GAP_EM = 0.15
#: A gap wider than this share of the font size ends the run (lines.py may join runs again).
RUN_BREAK_EM = 0.5
#: Glyphs whose baselines differ by more than this share of the size are on different lines.
BASELINE_TOLERANCE_EM = 0.1


class PdfPlumberDocument:
    """An open PDF read through pdfplumber."""

    backend = "pdfplumber"

    def __init__(self, path: Path, password: str | None = None):
        self.warnings: list[str] = []
        try:
            self._pdf = pdfplumber.open(path, password=password or "")
            self.page_count = len(self._pdf.pages)
        except Exception as exc:
            name = type(exc).__name__
            if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():
                msg = "wrong password for this encrypted PDF" if password else "the PDF is encrypted and needs a password"
                raise EncryptedPdfError(f"{path}: {msg}") from exc
            raise CorruptPdfError(f"{path}: cannot be opened as a PDF ({name}: {exc})") from exc
        if self.page_count < 1:
            raise CorruptPdfError(f"{path}: the PDF has no readable pages")
        self.metadata = {k: v for k, v in (self._pdf.metadata or {}).items() if isinstance(v, str) and v}

    def page(self, number: int) -> RawPage:
        page = self._pdf.pages[number - 1]
        x_off, y_off = float(page.bbox[0]), float(page.bbox[1])
        runs = chars_to_runs(page.chars, x_off, y_off, float(page.height) + y_off)
        rects = shapes_to_rects(list(page.rects) + list(page.lines) + list(page.curves), x_off, y_off)
        images = [ImageBox(BBox(float(i["x0"]) - x_off, float(i["top"]) - y_off,
                                float(i["x1"]) - x_off, float(i["bottom"]) - y_off), n)
                  for n, i in enumerate(page.images)]
        page.flush_cache()
        return RawPage(number=number, width=float(page.width), height=float(page.height),
                       runs=tuple(runs), rects=tuple(rects), images=tuple(images))

    def close(self) -> None:
        self._pdf.close()

    def __enter__(self) -> "PdfPlumberDocument":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def char_rotation(char: dict) -> int:
    a, b = char["matrix"][0], char["matrix"][1]
    return rotation_of(a, -b)


def char_key(char: dict) -> tuple:
    """What must agree for two characters to share a run."""
    return (char["fontname"], round(float(char["size"]), 2),
            rgb_to_int(_colour(char.get("non_stroking_color"))), char_rotation(char))


def _colour(value: object) -> tuple[float, ...] | None:
    if isinstance(value, (list, tuple)) and all(isinstance(v, (int, float)) for v in value):
        return tuple(float(v) for v in value)
    return (0.0,)


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
    size = float(char["size"]) or 1.0
    if abs(_baseline(prev) - _baseline(char)) > BASELINE_TOLERANCE_EM * size:
        return False
    if char_rotation(char) != 0:
        return True
    gap = float(char["x0"]) - float(prev["x1"])
    return -0.2 * size <= gap <= RUN_BREAK_EM * size


def _baseline(char: dict) -> float:
    """The baseline in PDF (bottom-left) space, or the x of the baseline for vertical text."""
    m = char["matrix"]
    return float(m[5]) if char_rotation(char) in (0, 180) else float(m[4])


def build_run(chars: list[dict], seq: int, x_off: float, y_off: float, page_bottom: float) -> Run:
    """One run from consecutive characters, with spaces inserted at word gaps."""
    first = chars[0]
    size = float(first["size"]) or 1.0
    rotation = char_rotation(first)
    text_parts: list[str] = []
    edges: list[float] = []
    for i, ch in enumerate(chars):
        if i and rotation == 0:
            gap = float(ch["x0"]) - float(chars[i - 1]["x1"])
            if gap > SPACE_GAP_EM * size and chars[i - 1]["text"] != " " and ch["text"] != " ":
                text_parts.append(" ")
                edges.append(float(chars[i - 1]["x1"]) - x_off)
        for c in ch["text"]:
            text_parts.append(c)
            edges.append(float(ch["x0"]) - x_off)
    edges.append(float(chars[-1]["x1"]) - x_off)
    font = clean_font_name(first["fontname"])
    box = BBox(min(float(c["x0"]) for c in chars) - x_off, min(float(c["top"]) for c in chars) - y_off,
               max(float(c["x1"]) for c in chars) - x_off, max(float(c["bottom"]) for c in chars) - y_off)
    baseline = page_bottom - float(first["matrix"][5]) - y_off if rotation == 0 else float(first["matrix"][4]) - x_off
    return Run(
        text="".join(text_parts), bbox=box, font=font, size=round(size, 2),
        bold=is_bold_name(font), italic=is_italic_name(font),
        color=rgb_to_int(_colour(first.get("non_stroking_color"))) or 0,
        baseline=baseline, seq=seq,
        char_x=tuple(edges) if rotation == 0 else (), rotation=rotation,
    )


def shapes_to_rects(shapes: list[dict], x_off: float, y_off: float) -> list[Rect]:
    rects = []
    for i, s in enumerate(shapes):
        fill = rgb_to_int(_colour(s.get("non_stroking_color"))) if s.get("fill") else None
        stroke = rgb_to_int(_colour(s.get("stroking_color"))) if s.get("stroke") else None
        if fill is None and stroke is None:
            continue
        box = BBox(float(s["x0"]) - x_off, float(s["top"]) - y_off, float(s["x1"]) - x_off, float(s["bottom"]) - y_off)
        rects.append(Rect(box, fill, stroke, float(s.get("linewidth") or 0.0), i))
    return rects
