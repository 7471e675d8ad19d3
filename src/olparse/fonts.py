"""Fonts that do not draw text, known by name: dingbat fonts and the Symbol font.

Shared by extraction (``extract.trace`` leaves a dingbat glyph without Unicode to
``normalize``, which drops it anyway, instead of reading the whole page the slow way),
``normalize`` (which maps their codes) and ``lines`` (end marks).
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
