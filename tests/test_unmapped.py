"""Fonts without a Unicode mapping: glyph codes decoded back to text where it reads as text."""

from olparse.extract.unmapped import find_shift, reads_like_text, repair_unmapped_fonts
from olparse.geometry import BBox
from olparse.model import Run


def encode(text: str, shift: int) -> str:
    """What MuPDF reports for ``text`` in a font without a mapping: glyph codes, shifted."""
    return "".join(chr(ord(ch) - shift) for ch in text)


def run(text: str, font: str = "Broken-Regular") -> Run:
    return Run(text, BBox(0, 0, 10 * len(text), 10), font, 10.0, False, False, 0, 8.0, 0)


def test_truetype_glyph_codes_decode_to_text():
    garbled = encode("Venu au cinema par le documentaire, Manoel de Oliveira", 29)
    assert garbled.startswith("9HQX\x03DX")
    fixed, warnings = repair_unmapped_fonts([run(garbled)], {})
    assert fixed[0].text == "Venu au cinema par le documentaire, Manoel de Oliveira"
    assert warnings and "Broken-Regular" in warnings[0]


def test_accented_letters_of_the_macintosh_order():
    garbled = "".join(chr(ord(ch) - 29) for ch in "Venu au cin") + chr(112) + encode("ma et au theatre", 29)
    fixed, _ = repair_unmapped_fonts([run(garbled)], {})
    assert fixed[0].text == "Venu au cinéma et au theatre"


def test_cff_shift_is_found_from_the_space_glyph():
    garbled = encode("Quand la somptuosite du plan transfigure le texte", 30)
    assert find_shift(garbled) == 30


def test_runs_of_the_same_font_with_a_mapping_are_left_alone():
    good = run("À l’origine, Oliveira voulait être écrivain.")
    bad = run(encode("il developpera une longue amitie avec le poete", 29))
    fixed, _ = repair_unmapped_fonts([good, bad], {})
    assert fixed[0] is good
    assert fixed[1].text == "il developpera une longue amitie avec le poete"


def test_text_that_is_not_a_shifted_language_is_kept():
    noise = "".join(chr(c) for c in (3, 17, 22, 5, 3, 9, 18, 3, 4, 20, 22, 3, 7, 11, 19)) * 2
    fixed, warnings = repair_unmapped_fonts([run(noise)], {})
    assert fixed[0].text == noise and not warnings
    assert not reads_like_text("XQZ KRT PLM 123 ###")
