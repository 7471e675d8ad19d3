"""What olparse knows about fonts: those that do not draw text (dingbat fonts and the Symbol
font, known by name), typewriter fonts, and how wide a text font's letters may be.

Shared by extraction (``extract.trace`` leaves a dingbat glyph without Unicode to
``normalize``, which drops it anyway, instead of reading the whole page the slow way; every
backend measures mis-scaled fonts at their true size with ``WidthGauge``), ``normalize``
(which maps the symbol fonts' codes) and ``lines`` (end marks).
"""

from __future__ import annotations

import re

DINGBAT_FONT = re.compile(r"dingbat|zapf|wingding|webding|\bsymbol|ornament|(^|[-_ ])pi([-_ ]|$)", re.I)
#: The Symbol font (Adobe's, Windows' SymbolMT), whose codes follow the Symbol encoding.
SYMBOL_FONT = re.compile(r"(^|\+)symbol(mt|ps)?\b", re.I)
#: The Symbol encoding where it differs from ASCII and Latin-1: Greek letters, math signs.
#: Codes that are also the right Unicode for a Symbol glyph (``×`` U+00D7, ``¬``, ``µ``, ``©``,
#: ``®``) are left out: a font mapped correctly gives them too, so they cannot be told apart.
SYMBOL_ENCODING = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ"))
SYMBOL_ENCODING.update({
    '"': "∀", "$": "∃", "'": "∋", "@": "≅", "\\": "∴", "^": "⊥", "~": "∼",
    "\u00a1": "ϒ", "\u00a2": "′", "\u00a3": "≤", "\u00a4": "⁄", "\u00a5": "∞", "\u00a6": "ƒ", "\u00a7": "♣",
    "\u00a8": "♦", "\u00aa": "♠", "\u00ab": "↔", "\u00ad": "↑",
    "\u00af": "↓", "\u00b2": "″", "\u00b3": "≥", "\u00b4": "×", "\u00b6": "∂", "\u00b7": "•",
    "\u00b8": "÷", "\u00b9": "≠", "\u00ba": "≡", "\u00bb": "≈", "\u00bc": "…", "\u00c0": "ℵ", "\u00c4": "⊗",
    "\u00c5": "⊕", "\u00c6": "∅", "\u00c7": "∩", "\u00c8": "∪", "\u00c9": "⊃", "\u00ca": "⊇", "\u00cb": "⊄",
    "\u00cc": "⊂", "\u00cd": "⊆", "\u00ce": "∈", "\u00cf": "∉", "\u00d0": "∠", "\u00d1": "∇", "\u00d5": "∏",
    "\u00d6": "√", "\u00d8": "¬", "\u00d9": "∧", "\u00da": "∨", "\u00db": "⇔", "\u00dc": "⇐",
    "\u00dd": "⇑", "\u00de": "⇒", "\u00df": "⇓", "\u00e0": "◊", "\u00e1": "〈", "\u00e5": "∑", "\u00f1": "〉",
    "\u00f2": "∫"})


def is_dingbat_font(font: str) -> bool:
    """True for fonts whose letter codes draw symbols (by the font's name); not the Symbol
    font, whose letters are Greek (``is_symbol_font``)."""
    return bool(DINGBAT_FONT.search(font)) and not is_symbol_font(font)


def is_symbol_font(font: str) -> bool:
    """True for the Symbol font (``Symbol``, ``SymbolMT``, ``Symbol,Bold``, ``ABCDEF+Symbol``)."""
    return bool(SYMBOL_FONT.search(font))


#: Fixed-width (typewriter) fonts, by name: code, terminal sessions, listings.
MONOSPACE_FONT = re.compile(r"mono|courier|consol|typewriter|menlo|inconsolata|(?:^|[+\-])(?:cm|lm|sf)?tt\d*(?:$|[\-,])|code",
                            re.IGNORECASE)


def is_monospace_font(font: str) -> bool:
    """True for a typewriter font (``Courier``, ``DejaVuSansMono``, ``CMTT10``, ``LMMono10``):
    listings, where every line break is the author's."""
    return bool(MONOSPACE_FONT.search(font))


# ------------------------------------------------------------------------ letter widths
#: Advance widths of the Latin letters in Helvetica (Adobe's core-font metrics, 1/1000 em): the
#: yardstick a font's letter widths are measured with.
REFERENCE_WIDTHS = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    (556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
     556, 500, 722, 500, 500, 500, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
     778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611)))
#: The same by character code, for the text trace.
REFERENCE_WIDTHS_BY_CODE = {ord(ch): width for ch, width in REFERENCE_WIDTHS.items()}
#: A font whose letters advance this many times as far as Helvetica's at the same size is
#: mis-scaled. Text fonts measure 0.5-1.3 (condensed to wide; measured over the bench, the
#: real-PDF corpus and the fixtures), small optical sizes, typewriter faces and Type 3 fonts
#: up to about 1.8; a CFF font that Ghostscript wrote with an em of 2048 or 2816 units 2-3.3.
MISSCALED_WIDTH = 2.0
#: A font's ascender and descender lie within these many ems of its baseline. Where a
#: mis-scaled font reports more, they are in its own (larger) units and stand as they are.
MAX_ASCENT_EM = 1.3
MAX_DESCENT_EM = 0.6
#: Letters a font needs before its width is judged (and different letters among them: a form's
#: rule set as a row of one glyph, ``llllllll``, says nothing of the font), and enough to judge it.
MIN_WIDTH_SAMPLES = 4
MIN_DISTINCT_LETTERS = 3
WIDTH_SAMPLE_LETTERS = 40


class WidthGauge:
    """Measures each font's letters against Helvetica's, for ``scales``: feed it glyphs with
    ``add`` while ``wants`` says the font needs more (the first ``WIDTH_SAMPLE_LETTERS`` or so
    Latin letters decide, so the cost per page stays small)."""

    __slots__ = ("_sums",)

    def __init__(self) -> None:
        self._sums: dict[str, list] = {}  # font -> [advance / size, reference width, letters, codes]

    def wants(self, font: str) -> int:
        """How many more letters of ``font`` are worth measuring (0: it is decided)."""
        total = self._sums.get(font)
        return WIDTH_SAMPLE_LETTERS if total is None else max(0, WIDTH_SAMPLE_LETTERS - total[2])

    def add(self, font: str, code: int, advance: float, size: float) -> None:
        """One glyph: character code, advance (its box's width) and the size it was set at."""
        width = REFERENCE_WIDTHS_BY_CODE.get(code)
        if width and size > 0:
            total = self._sums.setdefault(font, [0.0, 0, 0, set()])
            total[0] += advance / size
            total[1] += width
            total[2] += 1
            total[3].add(code)

    def scales(self) -> dict[str, float]:
        """The mis-scaled fonts and their ``misscaled_scale``; empty for a page without."""
        found = {font: misscaled_scale(advance, reference, letters)
                 for font, (advance, reference, letters, codes) in self._sums.items()
                 if len(codes) >= MIN_DISTINCT_LETTERS}
        return {font: scale for font, scale in found.items() if scale != 1.0}


def misscaled_scale(advance: float, reference: float, letters: int) -> float:
    """How many times too small a font's size is, when its ``letters`` letters advance
    ``advance`` ems of that size together where Helvetica's advance ``reference`` thousandths
    of an em; 1.0 for a font that measures like a text font (or too few letters to tell).

    Ghostscript's ``pdfwrite`` writes a CFF font whose em is not 1000 units (Inter's 2816) at
    a ``Tf`` size scaled down by that factor, so 24-point type reads as 8.5-point and every
    size-relative rule fails. The factor returned is the font's width ratio to Helvetica: an
    estimate (a face is a little wider or narrower than Helvetica), not the font's exact em.
    """
    if letters < MIN_WIDTH_SAMPLES or reference <= 0:
        return 1.0
    ratio = advance * 1000 / reference
    return ratio if ratio >= MISSCALED_WIDTH else 1.0


def font_family(font: str) -> str:
    """``ebgaramond12`` for ``EBGaramond12-Italic``, ``arial`` for ``Arial,Bold``: the faces of
    one family share it."""
    return re.split(r"[-,]", font, maxsplit=1)[0].lower()
