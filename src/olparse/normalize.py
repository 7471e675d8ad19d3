"""Normalisation: clean what real PDFs emit before any layout decision.

Input and output: ``RawPage`` (runs keep their boxes and character edges).

What it does to each run's text, and why:

* Ligature glyphs (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) become their letters; the glyph's width is shared among them
  so character edges stay aligned with the text.
* Non-breaking and other fixed-width spaces become plain spaces; tabs become spaces.
* Zero-width characters, U+FFFD replacement characters and control characters are dropped:
  they are placeholders, never text. Private-use code points are dropped too, except the few
  that symbol fonts use for bullets, which become ``•``.
* Soft hyphens (U+00AD) at the end of a run are *kept* here: ``lines`` turns one at a line end
  into the ``hyphen_signal="soft"`` of the line. One drawn inside a run is a visible hyphen:
  some fonts map their hyphen glyph to U+00AD (MuPDF's text page reads it as ``-`` there too).
  In such a font the soft hyphen at a line end says nothing either (``drawn_soft_hyphen_families``):
  Ghostscript's ``pdfwrite`` maps every hyphen of a font to U+00AD when the font's first one
  was a discretionary break, and ``GDPR-``/``og`` was joined to ``GDPRog``. Where a page shows
  a font's U+00AD inside a word, all the soft hyphens of that font's family on the page are
  hyphens, and the line-end ones are decided like any other hyphen.
* A bullet drawn with a control code (a symbol font without Unicode) becomes ``•``: one such
  glyph set before text in another font, two or more of them at one left edge
  (``control_code_bullets``). Other control codes go.
* Characters of dingbat fonts (ZapfDingbats, Wingdings, ...) are mapped by the font: their
  letter codes draw symbols (``n`` is a black square ``■``), so the letter must never reach the
  text. A code the table does not know is no text either: a lone one (an arrow or icon set as
  a list marker) becomes ``•``, others go. End marks in other fonts are recognised by
  ``lines`` from their position.
* Characters of the Symbol font whose codes came through unmapped are read in the Symbol
  encoding: its letters are Greek (``b`` is ``β``, as in ``11β-hydroxylase``), some other
  codes math signs (``£`` is ``≤``). Codes already in Unicode are kept.
* Accents drawn as glyphs of their own over a letter become one accented letter: TeX's
  ``\\"u`` extracts as ``¨u`` (the accent with no advance, then the letter), and other
  typesetters set the letter first and the accent over it (``a¨`` for ``ä``, ``c¸`` for ``ç``).
  The position decides, not the characters: the accent must take no room of its own
  (``COMPOSE_ADVANCE_EM``), or the letter under it none; an accent typed as a character of its
  own (``Peter´s``, a backtick in code) keeps its place. An accent that comes as a run of its
  own, moved back over a letter of another run (3B2's ``Å``), goes onto that letter
  (``attach_floating_accents``).
* Text is put in Unicode NFC, so ``å`` typed as ``a`` + ring equals the precomposed ``å``.
* Letters that came through as CJK ideographs by a byte-order slip (``unswap_letters``):
  Ghostscript's ``pdfwrite`` writes the Unicode of ligature glyphs little-endian, so the
  ``ff`` of ``træffer`` reads ``昀昀`` (U+6600, ``f`` in the high byte). Such a character,
  next to a Latin letter in a run with no other CJK text, is the letter in its high byte.

Restrictions: a font that maps letters to symbols without saying so in its name cannot be
recognised here; ``lines.strip_end_mark`` catches the common case (an isolated glyph in another
font after the last sentence of a paragraph).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import replace
from typing import Sequence

from .fonts import SYMBOL_ENCODING, font_family, is_dingbat_font, is_symbol_font
from .model import RawPage, Run

LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}
SPACES = {"\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
          "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\t"}
DROPPED = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufffd", "\ufffe", "\uffff"}
#: Private-use code points that symbol fonts use for bullets (Wingdings/Symbol via PUA).
PUA_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf06c": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "✓"}
#: Letter codes that dingbat fonts draw as symbols (ZapfDingbats and Wingdings agree on these).
DINGBAT_LETTERS = {"n": "■", "o": "□", "p": "□", "q": "❑", "l": "●", "u": "◆", "t": "▲", "s": "▲",
                   "H": "★", "3": "✓", "4": "✔", "\u00a8": "•", "\u2022": "•"}
#: Spacing accents and the combining marks they stand for when drawn over a letter.
SPACING_ACCENTS = {"\u00a8": "\u0308", "\u00b4": "\u0301", "`": "\u0300", "\u02c6": "\u0302", "^": "\u0302",
                   "\u02dc": "\u0303", "~": "\u0303", "\u00af": "\u0304", "\u02c9": "\u0304", "\u02d8": "\u0306",
                   "\u02d9": "\u0307", "\u02da": "\u030a", "\u02dd": "\u030b", "\u02c7": "\u030c",
                   "\u00b8": "\u0327", "\u02db": "\u0328"}
#: An accent and a letter are one character when one of the two advances less than this (em):
#: the other is drawn over it. A glyph set as text of its own advances a quarter em or more.
COMPOSE_ADVANCE_EM = 0.15
#: A letter, an accent and a space that together advance less than this (em) overprint: the
#: accent sits on the letter (``is_overprinted``).
OVERPRINT_EM = 1.0
#: An accent drawn as a run of its own sits on a letter of a run whose baseline is at most this
#: far (em) below the accent's, or ``ACCENT_DROP_EM`` above it (``attach_floating_accents``): a
#: capital's ring is raised by about a quarter em, the next line is a whole leading away.
ACCENT_RAISE_EM = 0.6
ACCENT_DROP_EM = 0.1
#: Dotless letters that TeX puts under accents (``\\"{\\i}``): the accented letter has its dot.
DOTLESS = {"\u0131": "i", "\u0237": "j"}
#: A double quote set as two single quotes (TeX fonts without the quote ligature): one character.
QUOTE_PAIRS = {"\u2018\u2018": "\u201c", "\u2019\u2019": "\u201d"}
#: An ASCII letter with its two UTF-16 bytes swapped: U+4100 (``A``) to U+7A00 (``z``).
SWAPPED_LETTERS = "".join(chr(ord(ch) << 8) for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: Characters ``clean_char`` changes (and quote pairs); runs without any are returned as they are.
NEEDS_CLEANING = re.compile("[" + "".join(LIGATURES) + "".join(SPACES) + "".join(DROPPED) + SWAPPED_LETTERS
                            + "\ue000-\uf8ff\x00-\x1f\x7f-\x9f]|" + "|".join(QUOTE_PAIRS))
#: A run of byte-swapped letters with a Latin letter on at least one side.
SWAPPED_IN_WORD = re.compile(f"(?<=[A-Za-zÀ-ÖØ-öø-ÿ])[{SWAPPED_LETTERS}]+|[{SWAPPED_LETTERS}]+(?=[A-Za-zÀ-ÖØ-öø-ÿ])")
SOFT_HYPHEN = "\u00ad"
#: A soft hyphen between two letters or digits of one run: a visible hyphen when it is drawn.
SOFT_IN_WORD = re.compile(r"\w\u00ad\w")
#: A glyph narrower than this (em) is not drawn: a zero-width placeholder.
DRAWN_EM = 0.05
#: A bullet stands at least (a space) and at most (a tab's indent) this many ems before its
#: item's text; a sign touches its number.
BULLET_SPACE_EM = 0.2
BULLET_GAP_EM = 4.0
#: More lone control-code glyphs than this on a page are a font drawn glyph by glyph.
MAX_CONTROL_BULLETS = 100
#: CJK text: where it is, an ideograph is what it says.
CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]")
#: Runs with one of these may hold an accent drawn over a letter.
MAY_COMPOSE = re.compile("[" + re.escape("".join(SPACING_ACCENTS)) + "]")


def normalize_page(page: RawPage) -> RawPage:
    """Normalise every run of ``page``; runs left empty are dropped."""
    runs = []
    drawn = drawn_soft_hyphen_families(page.runs)
    markers = control_code_bullets(page.runs)
    for run in page.runs:
        if run in markers:
            run = replace(run, text="•", char_x=(run.bbox.x0, run.bbox.x1) if run.char_x else ())
        if SOFT_HYPHEN in run.text:
            run = visible_soft_hyphens(run, font_family(run.font) in drawn)
        clean = normalize_run(run)
        if clean is not None:
            runs.append(clean)
    return replace(page, runs=tuple(attach_floating_accents(runs)))


def attach_floating_accents(runs: list[Run]) -> list[Run]:
    """Runs with every accent that is a run of its own put on the letter it is drawn over.

    Some typesetters (3B2, old TeX macros) build a letter the font lacks from the letter and a
    spacing accent shifted onto it: ``Å`` of ``Ålesund`` is ``A``, then ``˚`` moved back and
    up over it (a run of its own, on a raised baseline), then a space that moves the pen to the
    letter's end. Read as they come, ``A˚ lesund`` falls apart into two words, and the raised
    run into a line of its own. An accent run (one spacing accent, trailing spaces allowed)
    whose centre lies within a letter of a horizontal run of its size on about its line
    (baselines less than an em apart) becomes part of that letter; its spaces go, so the gap
    after the letter decides about a word space. Runs without any spacing accent are returned
    as they are.
    """
    accents = [k for k, r in enumerate(runs) if r.text.strip() in SPACING_ACCENTS and len(r.char_x) >= 2
               and r.rotation == 0]
    if not accents:
        return runs
    out = list(runs)
    dropped: set[int] = set()
    for k in accents:
        accent = runs[k]
        centre = (accent.char_x[0] + accent.char_x[1]) / 2
        under = [(abs(run.baseline - accent.baseline), j, i) for j, run in enumerate(out)
                 if j != k and j not in dropped and carries_accent(run, accent)
                 and (i := letter_under(run, centre)) is not None]
        if under:
            _, j, i = min(under)
            out[j] = with_accent(out[j], i, SPACING_ACCENTS[accent.text.strip()])
            dropped.add(k)
    return [r for k, r in enumerate(out) if k not in dropped]


def carries_accent(run: Run, accent: Run) -> bool:
    """Whether ``accent`` may sit on a letter of ``run``: horizontal text of about its size,
    the accent's baseline at most ``ACCENT_RAISE_EM`` above the run's (marks above the letter
    are raised) and hardly below it (a cedilla is drawn below from the letter's baseline)."""
    if not run.is_horizontal or len(run.char_x) != len(run.text) + 1 or run.text.strip() in SPACING_ACCENTS:
        return False
    rise = run.baseline - accent.baseline  # positive: the accent's baseline is higher up
    return 0.7 <= accent.size / run.size <= 1.4 and -ACCENT_DROP_EM * run.size <= rise <= ACCENT_RAISE_EM * run.size


def letter_under(run: Run, x: float) -> int | None:
    """The index of the letter of ``run`` whose advance holds ``x``; ``None`` if none does."""
    if not run.char_x[0] <= x < run.char_x[-1]:
        return None
    i = bisect.bisect_right(run.char_x, x) - 1
    return i if 0 <= i < len(run.text) and run.text[i].isalpha() else None


def with_accent(run: Run, i: int, mark: str) -> Run:
    """``run`` with combining ``mark`` on its letter ``i`` (precomposed where Unicode has it)."""
    letter = accented(run.text[i], mark)
    text = run.text[:i] + letter + run.text[i + 1:]
    char_x = run.char_x[:i + 1] + (run.char_x[i],) * (len(letter) - 1) + run.char_x[i + 1:]
    return replace(run, text=text, char_x=char_x)


def control_code_bullets(runs: Sequence[Run]) -> frozenset[Run]:
    """Runs that are list bullets drawn with a control code (a symbol font without Unicode:
    the IBM redbooks' ``BookMaster`` draws its bullet as ``\x02``), which would otherwise be
    dropped with the list's marks. Such a run is one drawn control character that starts its
    line (no text ends within an em before it: a math font's ``×`` between numbers does),
    set apart before text in another font on its baseline (``BULLET_SPACE_EM`` to
    ``BULLET_GAP_EM``), and at least two of
    them stand one above the other at one left edge: a list, not a cipher font drawn glyph by
    glyph (its neighbours are in its own font)."""
    lone = [r for r in runs if len(r.text.strip()) == 1 and ord(r.text.strip()) < 0x20
            and r.rotation == 0 and r.bbox.width > DRAWN_EM * r.size]
    if not 2 <= len(lone) <= MAX_CONTROL_BULLETS:  # (hundreds: a font drawn glyph by glyph)
        return frozenset()
    def marks_text(marker: Run) -> bool:
        reach, size = BULLET_GAP_EM * marker.size, marker.size
        beside = [r for r in runs if r is not marker and r.rotation == 0 and r.text.strip()
                  and r.bbox.y_overlap(marker.bbox) > 0]  # (raised exponents too: 10⁻²⁰ × 10)
        if any(0 <= marker.bbox.x0 - r.bbox.x1 <= size for r in beside):
            return False  # text just before it: a sign between numbers (6.90 × 10), not a bullet
        after = min((r for r in beside if r.bbox.x0 >= marker.bbox.x1 - 0.1 * size),
                    key=lambda r: r.bbox.x0, default=None)  # the item's text, the first thing after it
        return after is not None and after.font != marker.font and abs(after.baseline - marker.baseline) <= 0.3 * size \
            and BULLET_SPACE_EM * size <= after.bbox.x0 - marker.bbox.x1 <= reach
    bullets = [r for r in lone if marks_text(r)]
    return frozenset(r for r in bullets
                     if any(o is not r and abs(o.bbox.x0 - r.bbox.x0) <= 0.1 * r.size for o in bullets))


def normalize_run(run: Run) -> Run | None:
    """Clean one run's text, keeping ``char_x`` aligned; ``None`` when nothing is left."""
    dingbat = is_dingbat_font(run.font)
    symbol = not dingbat and is_symbol_font(run.font)
    if not dingbat and not symbol and not NEEDS_CLEANING.search(run.text) \
            and unicodedata.is_normalized("NFC", run.text) and not MAY_COMPOSE.search(run.text):
        return run
    has_edges = len(run.char_x) == len(run.text) + 1
    lone = dingbat and len(run.text.strip()) == 1
    pieces: list[str] = []
    edges: list[float] = []
    right = 0.0
    for i, ch in enumerate(unswap_letters(run.text)):
        rep = SYMBOL_ENCODING[ch] if symbol and ch in SYMBOL_ENCODING else clean_char(ch, dingbat)
        if lone and not rep and not ch.isspace():
            rep = "•"  # a symbol the table does not know, set on its own: a list marker or an icon
        if not rep:
            continue
        pieces.append(rep)
        if has_edges:
            x0, x1 = run.char_x[i], run.char_x[i + 1]
            edges.extend(x0 + (x1 - x0) * j / len(rep) for j in range(len(rep)))
            right = x1
    if not pieces:
        return None
    text = "".join(pieces)
    char_x = tuple(edges) + (right,) if has_edges else ()
    if char_x and not dingbat and MAY_COMPOSE.search(text):
        text, char_x = compose_accents(text, char_x, run.size)
    if not dingbat and not symbol and ("\u2018\u2018" in text or "\u2019\u2019" in text):
        text, char_x = fold_quote_pairs(text, char_x)
    if not unicodedata.is_normalized("NFC", text):
        nfc = unicodedata.normalize("NFC", text)
        if len(nfc) != len(text):
            char_x = _resample_edges(char_x, len(nfc))
        text = nfc
    if text == run.text and char_x == run.char_x:
        return run
    return replace(run, text=text, char_x=char_x)


def drawn_soft_hyphen_families(runs: Sequence[Run]) -> set[str]:
    """The font families (``fonts.font_family``) of ``runs`` that draw U+00AD inside a word:
    their hyphen glyph maps to it. The faces of a family are embedded alike: Scribus maps the
    hyphen of every face of Liberation Serif to U+00AD, and a page may show it inside a word
    only in the regular face, at a line end only in the italic."""
    return {font_family(run.font) for run in runs if SOFT_HYPHEN in run.text
            and any(is_drawn(run, m.start() + 1) for m in SOFT_IN_WORD.finditer(run.text))}


def is_drawn(run: Run, i: int) -> bool:
    """True when character ``i`` of ``run`` takes room (or the run has no edges to tell):
    a discretionary hyphen that did not break the line is not drawn, and has no width."""
    if len(run.char_x) != len(run.text) + 1:
        return True
    return run.char_x[i + 1] - run.char_x[i] > DRAWN_EM * run.size


def visible_soft_hyphens(run: Run, all_drawn: bool = False) -> Run:
    """``run`` with its drawn soft hyphens as hyphens, except one that ends it: that is the
    break signal, unless ``all_drawn`` (its font draws its hyphens as U+00AD)."""
    end = len(run.text.rstrip()) - 1
    chars = list(run.text)
    for i, ch in enumerate(chars):
        if ch == SOFT_HYPHEN and (i != end or all_drawn) and is_drawn(run, i):
            chars[i] = "-"
    return replace(run, text="".join(chars))


def unswap_letters(text: str) -> str:
    """``text`` with the byte-swapped letters inside Latin words restored (``o昀昀entlige`` ->
    ``offentlige``); a text with CJK characters of other kinds is left as it is."""
    if not SWAPPED_IN_WORD.search(text):
        return text
    if CJK.search(SWAPPED_IN_WORD.sub("", text)):
        return text
    return SWAPPED_IN_WORD.sub(lambda m: "".join(chr(ord(ch) >> 8) for ch in m.group()), text)


def compose_accents(text: str, char_x: tuple[float, ...], size: float) -> tuple[str, tuple[float, ...]]:
    """Join every spacing accent drawn over a letter with that letter (see the module docstring).

    An accent before a letter joins it when the accent advances less than
    ``COMPOSE_ADVANCE_EM`` (TeX: ``¨u``); an accent after a letter joins it when the letter
    does (``a¨``). The pair becomes the accented letter (NFC) and one character edge goes.
    """
    limit = COMPOSE_ADVANCE_EM * size
    chars: list[str] = []
    edges: list[float] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        advance = char_x[i + 1] - char_x[i]
        if i + 1 < n and ch in SPACING_ACCENTS and text[i + 1].isalpha() and advance < limit:
            letter, mark = text[i + 1], SPACING_ACCENTS[ch]  # the accent first, then its letter
        elif i + 1 < n and ch.isalpha() and text[i + 1] in SPACING_ACCENTS and advance < limit:
            letter, mark = ch, SPACING_ACCENTS[text[i + 1]]  # the letter first, the accent over it
        elif is_overprinted(text, char_x, i, size):  # 3B2: A, the ring moved back over it, a space
            chars.append(accented(ch, SPACING_ACCENTS[text[i + 1]]))
            edges.extend([char_x[i]] * len(chars[-1]))
            i += 3  # the space only moved the pen to the letter's end
            continue
        else:
            chars.append(ch)
            edges.append(char_x[i])
            i += 1
            continue
        composed = accented(letter, mark)
        chars.append(composed)
        edges.extend([char_x[i]] * len(composed))  # a mark Unicode cannot precompose takes no room
        i += 2
    composed_text = "".join(chars)
    if composed_text == text:
        return text, char_x
    return composed_text, tuple(edges) + (char_x[-1],)


def is_overprinted(text: str, char_x: tuple[float, ...], i: int, size: float) -> bool:
    """A letter, an accent, a space and a letter, where the next letter starts less than
    ``OVERPRINT_EM`` after the first: the accent was drawn back over the first letter and the
    space moved the pen on to its end (the three alone would take an em and more)."""
    return i + 3 < len(text) and text[i].isalpha() and text[i + 1] in SPACING_ACCENTS and text[i + 2] == " " \
        and text[i + 3].isalpha() and char_x[i] < char_x[i + 1] and char_x[i + 3] - char_x[i] < OVERPRINT_EM * size


def fold_quote_pairs(text: str, char_x: tuple[float, ...]) -> tuple[str, tuple[float, ...]]:
    """``‘‘`` and ``’’`` as the double quotes they print (``“``, ``”``), ``char_x`` kept aligned:
    the pair's character spans both glyphs."""
    out: list[str] = []
    edges: list[float] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        step = 2 if pair in QUOTE_PAIRS else 1
        out.append(QUOTE_PAIRS.get(pair, text[i]) if step == 2 else text[i])
        if char_x:
            edges.append(char_x[i])
        i += step
    return "".join(out), (tuple(edges) + (char_x[-1],) if char_x else ())


def accented(letter: str, mark: str) -> str:
    """``letter`` with the combining ``mark``, precomposed where Unicode has the letter."""
    if mark not in ("\u0327", "\u0328"):  # an accent above: TeX's dotless i and j take their dot
        letter = DOTLESS.get(letter, letter)
    return unicodedata.normalize("NFC", letter + mark)


def _resample_edges(edges: tuple[float, ...], n: int) -> tuple[float, ...]:
    """Spread ``n`` characters evenly between the first and last edge."""
    if not edges:
        return ()
    x0, x1 = edges[0], edges[-1]
    return tuple(x0 + (x1 - x0) * i / n for i in range(n + 1))


def clean_char(ch: str, dingbat_font: bool = False) -> str:
    """The text one extracted character stands for ('' to drop it)."""
    if dingbat_font:
        return dingbat_char(ch)
    if ch in LIGATURES:
        return LIGATURES[ch]
    if ch in SPACES:
        return " "
    if ch in DROPPED:
        return ""
    code = ord(ch)
    if 0xE000 <= code <= 0xF8FF:
        return PUA_BULLETS.get(ch, "")
    if code < 0x20 or 0x7F <= code < 0xA0:
        return " " if ch in "\n\r\x0b\x0c" else ""
    return ch


def dingbat_char(ch: str) -> str:
    """The symbol a dingbat font's character stands for; '' when it is an unknown code.

    A character beyond Latin-1 is already the symbol (the font maps its glyphs to Unicode:
    ``■``, ``➢``); an ASCII or Latin-1 character is the glyph's code, which draws some other
    symbol than the letter (``n`` is ``■``).
    """
    if ch in DINGBAT_LETTERS:
        return DINGBAT_LETTERS[ch]
    if ch.isspace():
        return " "
    code = ord(ch)
    if 0xE000 <= code <= 0xF8FF:
        return PUA_BULLETS.get(ch, "")
    return ch if code >= 0x100 and ch not in DROPPED else ""


def normalize_text(text: str) -> str:
    """Apply the character clean-up to a plain string (for text dumps and tests)."""
    out = "".join(clean_char(ch) for ch in text)
    for pair, quote in QUOTE_PAIRS.items():
        out = out.replace(pair, quote)
    return unicodedata.normalize("NFC", out)
