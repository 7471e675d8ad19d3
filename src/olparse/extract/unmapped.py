"""Text in fonts without a Unicode mapping: recover it from the glyph order where it is safe.

Some PDFs embed TrueType or CFF fonts with neither a ``/ToUnicode`` map nor usable glyph names.
MuPDF then reports each glyph's code instead of a character, which reads as a cipher:
``9HQX DX FLQpPD`` for ``Venu au cinéma``, with the space glyph showing up as a control
character (``\\x03``). In such fonts the codes are glyph indices in a fixed order, shifted by a
constant: in the standard Macintosh order of TrueType fonts ``space`` is glyph 3 and ``A`` is
glyph 36, so ASCII text sits 29 codes lower; CFF fonts keep ``space`` at 1 or 2.

The repair, per font:

1. The font is suspect when at least ``MIN_CONTROL_SHARE`` of its characters are control
   characters (a real font never draws those; here they are the space glyph), and fewer of
   its characters are real spaces than the most frequent control character: a font that
   draws spaces, or whose text reads as text without its control characters, is mapped, and
   its control codes are other glyphs (a TeX font in the T1 encoding without glyph names
   reports its ``fi`` and ``fl`` ligatures as 0x1C and 0x1D).
2. The shift is the one that turns the most frequent control character into a space.
3. Shifted codes in the ASCII range become ASCII; with the TrueType shift (29) the glyphs that
   follow (98–127) are the accented letters of the Macintosh order (``é`` is glyph 112). Codes
   above 127 reach us through another encoding step and are left as they are: such words come
   back with an odd character instead of not at all.
4. The result is kept only when it reads like text: mostly letters, mostly lower case, with a
   natural share of vowels. Otherwise the font's text is left as MuPDF gave it (control
   characters become spaces), so nothing is lost either way.

Every decoded font is named in a page warning, so an archivist can check it.

One more kind cannot be decoded at all (``drop_dingbat_ciphers``): a PostScript round trip
(Ghostscript's ``ps2write``, then ``pdfwrite``) turns text fonts into Type 3 fonts whose glyphs
are named ``a1``, ``a2``, … in order of first use, and writes a ``/ToUnicode`` that reads those
names as ZapfDingbats' glyphs: every word comes out as ``✁✂✄``. The order of first use is no
fixed order, so nothing decodes it; such a font's text is left out with a warning that says so
(an OCR of the page recovers it), rather than printed as symbols.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Sequence

from ..fonts import is_dingbat_font
from ..model import Run

MIN_CONTROL_SHARE = 0.03
#: Control characters other than tab and line breaks: what an unmapped font's codes look like.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
MIN_CHARS = 12
#: The shift of TrueType fonts in the standard Macintosh glyph order (space is glyph 3).
TRUETYPE_SHIFT = 29
#: Glyphs 98–127 of the standard Macintosh order ('post' table format 1).
MAC_ACCENTED = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúù"
VOWELS = set("aeiouyæøåäöüéèêëàâáíìîïóòôúùûœ")

def repair_unmapped_fonts(runs: Sequence[Run], known: dict[str, int | None]) -> tuple[list[Run], list[str]]:
    """Decode the runs that report glyph codes; ``known`` caches each font's shift.

    Only runs that hold control characters are touched: one font name can stand for a mapped
    and an unmapped copy of the font in the same file, and the mapped text must stay as it is.
    """
    suspect: dict[str, list[Run]] = {}
    for run in runs:
        if has_controls(run.text):
            suspect.setdefault(run.font, []).append(run)
    shifts: dict[str, int] = {}
    warnings = []
    for font, font_runs in suspect.items():
        if font not in known:
            known[font] = find_shift("".join(r.text for r in font_runs))
        if known[font] is not None:
            shifts[font] = known[font]
            warnings.append(f"font {font!r} has no Unicode mapping; its text was decoded from the glyph order")
    tex = {font: tex_table(font_runs) for font, font_runs in suspect.items() if known[font] is None}
    for font, font_runs in suspect.items():
        if known[font] is None and not tex[font]:
            text = "".join(r.text for r in font_runs)
            mapped = sum(len(r.text) for r in runs if r.font == font and not has_controls(r.text))
            if is_cipher(text) and mapped < len(text):  # not a mapped font with a few odd glyphs
                warnings.append(f"font {font!r} has no Unicode mapping and its glyph codes do not decode: its "
                                f"{len(text)} characters come out as symbols (an OCR of the page would recover them)")
    if not shifts and not any(tex.values()):
        return list(runs), warnings
    out = []
    for r in runs:
        if r.font in shifts and has_controls(r.text):
            r = decode_run(r, shifts[r.font])
        elif tex.get(r.font) and has_controls(r.text):
            r = replace(r, text=r.text.translate(tex[r.font]))
        out.append(r)
    return out, warnings


#: What the warning says of such a font's text (the pipeline then says no more of the page).
LEFT_OUT = "are not in the text"
#: Unicode's Miscellaneous Symbols and Dingbats blocks, where ZapfDingbats' glyph names map.
DINGBAT_CHARS = re.compile("[\u2600-\u27bf]")
#: A text font reads as dingbats when most of its characters do, this many different ones among
#: them: a check-mark font draws two or three.
MIN_CIPHER_SYMBOLS = 8


def drop_dingbat_ciphers(runs: Sequence[Run], seen: set[str]) -> tuple[list[Run], list[str]]:
    """The runs without those of fonts whose text reads as a cipher of dingbats (see the module
    docstring), and a warning for each such font. Fonts named as dingbat fonts draw symbols on
    purpose and are kept.

    ``seen`` collects the cipher fonts of the document so far: once there is one, a font with
    too few different symbols to tell by itself (a folio's digits) is judged by its share of
    symbols alone, since the same round trip made all of the document's fonts.
    """
    chars: dict[str, Counter] = {}
    for run in runs:
        if DINGBAT_CHARS.search(run.text) and not is_dingbat_font(run.font):
            chars.setdefault(run.font, Counter()).update(run.text)
    unreadable = {}
    for font, counts in chars.items():
        total = sum(n for ch, n in counts.items() if not ch.isspace())
        for run in runs:  # the font's characters outside the runs with symbols count too
            if run.font == font and not DINGBAT_CHARS.search(run.text):
                total += len(run.text.replace(" ", ""))
        symbols = {ch: n for ch, n in counts.items() if DINGBAT_CHARS.match(ch)}
        mostly = sum(symbols.values()) >= total / 2
        if font in seen or (mostly and seen) or (mostly and total >= MIN_CHARS and len(symbols) >= MIN_CIPHER_SYMBOLS):
            unreadable[font] = total
    if not unreadable:
        return list(runs), []
    seen.update(unreadable)
    warnings = [f"font {font!r} has no Unicode mapping that reads: its glyphs are named like ZapfDingbats' "
                f"and come out as symbols; its {total} characters {LEFT_OUT} (an OCR of the page "
                "would recover them)" for font, total in unreadable.items()]
    return [r for r in runs if r.font not in unreadable], warnings


#: TeX's text fonts without glyph names report their codes, and the codes below 0x20 are
#: ligatures, dashes and quotes. In the T1 (Cork) encoding: quotes and dashes at 0x10–0x16,
#: ``ff fi fl ffi ffl`` at 0x1B–0x1F; in the older OT1 encoding the ligatures sit at 0x0B–0x0F
#: and 0x19–0x1F hold ``ß æ œ ø Æ Œ Ø``. Ligatures become their one-character Unicode forms
#: (one glyph stays one character; normalisation spells them out).
TEX_T1 = str.maketrans({0x0D: "‚", 0x0E: "‹", 0x0F: "›", 0x10: "“", 0x11: "”", 0x12: "„", 0x13: "«",
                        0x14: "»", 0x15: "–", 0x16: "—", 0x19: "ı", 0x1B: "ﬀ", 0x1C: "ﬁ", 0x1D: "ﬂ",
                        0x1E: "ﬃ", 0x1F: "ﬄ"})
TEX_OT1 = str.maketrans({0x0B: "ﬀ", 0x0C: "ﬁ", 0x0D: "ﬂ", 0x0E: "ﬃ", 0x0F: "ﬄ", 0x10: "ı", 0x19: "ß",
                         0x1A: "æ", 0x1B: "œ", 0x1C: "ø", 0x1D: "Æ", 0x1E: "Œ", 0x1F: "Ø"})


def tex_table(runs: Sequence[Run]) -> dict[int, str] | None:
    """The control codes of a mapped font read as a TeX encoding, or ``None``.

    Only for a font whose controls sit inside words (``\x1dere`` for ``flere``): the OT1
    table when its ligature codes (0x0B–0x0F) are the more frequent, else the T1 table.
    """
    inside = Counter(ord(m.group()) for r in runs for m in WORD_CONTROL.finditer(r.text))
    if not inside:
        return None
    ot1 = sum(n for code, n in inside.items() if 0x0B <= code <= 0x0F)
    t1 = sum(n for code, n in inside.items() if 0x10 <= code <= 0x1F)
    return TEX_OT1 if ot1 and ot1 >= t1 else TEX_T1


#: A control character with a letter or digit on one side at least.
WORD_CONTROL = re.compile(r"(?<=\w)[\x0b\x0c\x0e-\x1f]|[\x0b\x0c\x0e-\x1f](?=\w)")


def has_controls(text: str) -> bool:
    return CONTROL.search(text) is not None


def find_shift(text: str) -> int | None:
    """The code shift that makes a suspect font's text read as text, or ``None``."""
    if len(text) < MIN_CHARS:
        return None
    controls = control_counts(text)
    if sum(controls.values()) < MIN_CONTROL_SHARE * len(text):
        return None
    space, count = controls.most_common(1)[0]
    if text.count(" ") >= count or reads_like_text(CONTROL.sub("", text)):
        return None  # mapped after all: its controls are other glyphs (TeX's ligatures)
    space_code = ord(space)
    shift = 0x20 - space_code
    return shift if reads_like_text(decode_text(text, shift)) else None


def decode_text(text: str, shift: int) -> str:
    return "".join(decode_char(ch, shift) for ch in text)


def decode_char(ch: str, shift: int) -> str:
    """Shift codes that land in printable ASCII; in the TrueType order the next glyphs (98–127)
    are the accented letters of the standard Macintosh order. Codes above 127 reach us through
    another encoding step in MuPDF and are left as they are; control characters become spaces."""
    code = ord(ch) + shift
    if 0x20 <= code <= 0x7E and ord(ch) < 0x80:
        return chr(code)
    if shift == TRUETYPE_SHIFT and 98 <= ord(ch) <= 127:
        return MAC_ACCENTED[ord(ch) - 98]
    return ch if ord(ch) >= 0x20 else " "


def decode_run(run: Run, shift: int) -> Run:
    """The run with its text decoded; one character stays one character, so edges still fit."""
    return replace(run, text=decode_text(run.text, shift))


def is_cipher(text: str) -> bool:
    """Text of a font that reports glyph codes (control characters among them) and does not
    read as text without them: what is left is a cipher, printed as it came."""
    if len(text) < MIN_CHARS:
        return False
    controls = sum(control_counts(text).values())
    return controls >= MIN_CONTROL_SHARE * len(text) and not reads_like_text(CONTROL.sub("", text))


def control_counts(text: str) -> Counter:
    """How often each control character (other than tab and line breaks) occurs in ``text``."""
    return Counter(ch for ch in text if ord(ch) < 0x20 and ch not in "\t\n\r")


def reads_like_text(text: str) -> bool:
    """Mostly letters, mostly lower case, and a share of vowels that natural language has."""
    visible = [ch for ch in text if not ch.isspace()]
    letters = [ch for ch in visible if ch.isalpha()]
    if len(letters) < MIN_CHARS or len(letters) < 0.6 * len(visible):
        return False
    lower = sum(1 for ch in letters if ch.islower()) / len(letters)
    vowels = sum(1 for ch in letters if ch.lower() in VOWELS) / len(letters)
    return lower >= 0.5 and 0.2 <= vowels <= 0.7
