"""Fonts for generated issues: measuring text and encoding it for raw PDF content streams.

Two families are available:

* ``dejavu`` (default): subsets of DejaVu Serif/Sans committed under ``fonts/`` (licence beside
  them). They are embedded as Type0/Identity-H fonts, so text is written as 4-digit glyph ids;
  they have the ligature glyphs ``ﬁ``/``ﬂ``, a soft-hyphen glyph and ``■``.
* ``base14``: Times/Helvetica built into every PDF reader, written as WinAnsi byte strings.
  No ligatures and no ``■`` (the end mark then always comes from ZapfDingbats).

Both families add the base-14 ``helv`` (credits, furniture) and ``zadb`` (ZapfDingbats, whose
``n`` is a black square: the dingbat end mark that extracts as ``n``).

Restrictions: no kerning and no shaping; widths are the fonts' advance widths, as written to the
PDF, so measured line widths equal drawn widths exactly.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pymupdf

FONT_DIR = Path(__file__).resolve().parent / "fonts"
ROLES = ("serif", "serif-bold", "serif-italic", "sans", "sans-bold", "sans-cbold")
FAMILIES = {
    "dejavu": {
        "serif": "DejaVuSerifCondensed.ttf", "serif-bold": "DejaVuSerifCondensed-Bold.ttf",
        "serif-italic": "DejaVuSerifCondensed-Italic.ttf", "sans": "DejaVuSansCondensed.ttf",
        "sans-bold": "DejaVuSans-Bold.ttf", "sans-cbold": "DejaVuSansCondensed-Bold.ttf",
    },
    "base14": {
        "serif": "tiro", "serif-bold": "tibo", "serif-italic": "tiit", "sans": "helv",
        "sans-bold": "hebo", "sans-cbold": "hebo",
    },
}
EXTRA = {"helv": "helv", "zadb": "zadb"}
_ADVANCES: dict[str, dict[str, float]] = {}  # font spec -> char -> advance at size 1


@lru_cache(maxsize=None)
def _load(spec: str) -> tuple[pymupdf.Font, bytes | None]:
    """Load a font once per process (file name -> embedded TrueType, else a base-14 code)."""
    if spec.endswith(".ttf"):
        buf = (FONT_DIR / spec).read_bytes()
        return pymupdf.Font(fontbuffer=buf), buf
    return pymupdf.Font(spec), None


def _escape_literal(data: bytes) -> str:
    """A PDF literal string for WinAnsi bytes, escaping the delimiters and non-ASCII bytes."""
    out = []
    for b in data:
        if b in (0x28, 0x29, 0x5C):
            out.append("\\" + chr(b))
        elif 32 <= b < 127:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return "(" + "".join(out) + ")"


class FontSet:
    """The fonts of one issue, keyed by role (``serif``, ``sans-bold`` ...)."""

    def __init__(self, family: str = "dejavu") -> None:
        if family not in FAMILIES:
            raise ValueError(f"unknown font family {family!r}; choose from {sorted(FAMILIES)}")
        self.family = family
        self.specs = dict(FAMILIES[family], **EXTRA)
        self.fonts = {key: _load(spec)[0] for key, spec in self.specs.items()}
        self._widths: dict[tuple[str, str], float] = {}
        self._gids: dict[tuple[str, str], int] = {}
        self._by_name = {self.resource_name(k): spec for k, spec in self.specs.items()}

    def resource_name(self, key: str) -> str:
        """The name of the font in the page's /Font resources (a base-14 code is its own name)."""
        spec = self.specs[key]
        return "F" + key.replace("-", "") if spec.endswith(".ttf") else spec

    def is_simple(self, key: str) -> bool:
        """True for base-14 fonts written as WinAnsi bytes rather than glyph ids."""
        return not self.specs[key].endswith(".ttf")

    def width(self, key: str, text: str, size: float) -> float:
        """Advance width of ``text`` in points: the sum of its glyph advances (no kerning)."""
        w = self._widths.get((key, text))
        if w is None:
            adv = _ADVANCES.setdefault(self.specs[key], {})
            font = self.fonts[key]
            for c in text:
                if c not in adv:
                    adv[c] = font.text_length(c, 1.0)
            w = self._widths[(key, text)] = sum(adv[c] for c in text)
        return w * size

    def has(self, key: str, char: str) -> bool:
        """Whether ``char`` can be drawn with the font of ``key``."""
        if self.is_simple(key):
            if char == "\u00ad":  # WinAnsi 0xAD is named "hyphen": it would extract as "-"
                return False
            try:
                char.encode("cp1252")
            except UnicodeEncodeError:
                return False
            return True
        return self._gid(key, char) > 0

    def _gid(self, key: str, char: str) -> int:
        gid = self._gids.get((key, char))
        if gid is None:
            gid = self._gids[(key, char)] = self.fonts[key].has_glyph(ord(char))
        return gid

    def encode(self, key: str, text: str) -> str:
        """``text`` as a PDF string operand for this font (hex glyph ids or a WinAnsi literal)."""
        if self.is_simple(key):
            if key == "zadb":
                return _escape_literal(text.encode("latin-1"))
            return _escape_literal(text.encode("cp1252", errors="replace"))
        return "<" + "".join("%04X" % self._gid(key, c) for c in text) + ">"

    def install(self, page: pymupdf.Page, keys: set[str] | list[str]) -> None:
        """Add the fonts of ``keys`` to the page's resources under :meth:`resource_name`."""
        for name in sorted({self.resource_name(k) for k in keys}):
            spec = self._by_name[name]
            if spec.endswith(".ttf"):
                page.insert_font(fontname=name, fontbuffer=_load(spec)[1])
            else:
                page.insert_font(fontname=name)
