"""Fonts without a Unicode mapping: glyph codes decoded back to text where it reads as text."""

import pytest

from conftest import make_run
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


def test_text_that_is_not_a_shifted_language_is_kept_with_a_warning():
    """Codes in order of first use (a PostScript round trip's TrueType fonts) decode by no
    shift: the text is kept as it came, and a warning says the font's text is symbols."""
    noise = "".join(chr(c) for c in (3, 17, 22, 5, 3, 9, 18, 3, 4, 20, 22, 3, 7, 11, 19)) * 2
    fixed, warnings = repair_unmapped_fonts([run(noise)], {})
    assert fixed[0].text == noise
    assert len(warnings) == 1 and "Broken-Regular" in warnings[0] and "do not decode" in warnings[0]
    assert not reads_like_text("XQZ KRT PLM 123 ###")


def test_a_mapped_tex_font_whose_ligatures_are_controls_is_not_shifted():
    """A TeX font in the T1 encoding without glyph names reports ``fl`` as 0x1D inside its
    words: the text around reads as text, so it is no shifted font; the ligatures, dashes
    and quotes are read in the T1 encoding instead."""
    text = "mange \x1dere ledere \x15 og et \x1cnt m\x1bde, der er \x10godt\x11 for os alle"
    fixed, warnings = repair_unmapped_fonts([run(text, "F34")], {})
    assert fixed[0].text == "mange ﬂere ledere – og et ﬁnt mﬀde, der er “godt” for os alle"
    assert not warnings


def test_an_ot1_tex_font_reads_its_ligatures_and_nordic_letters():
    fixed, _ = repair_unmapped_fonts([run("S\x1cren har \x0cve \x0cne b\x1arn i haven", "F12")], {})
    assert fixed[0].text == "Søren har ﬁve ﬁne bærn i haven"


def test_a_control_character_away_from_words_is_left_for_normalisation():
    fixed, _ = repair_unmapped_fonts([run("et ord \x1d og et andet ord her", "F34")], {})
    assert fixed[0].text == "et ord \x1d og et andet ord her"


# --------------------------------------------------------------------------- dingbat ciphers
CIPHER = "\u2701\u2702\u2704\u260e\u2706 \u271d\u271e\u271f\u2720 \u2721\u261b\u261e\u270c\u270d"


def test_a_text_font_whose_glyphs_read_as_dingbats_is_left_out_with_a_warning():
    """After a PostScript round trip every glyph is named a1, a2, … and reads as ZapfDingbats'."""
    from olparse.extract.unmapped import drop_dingbat_ciphers
    runs = [make_run(CIPHER, 50, 100, font="Type3 (29 0 R)"), make_run("Offentlig Ledelse", 50, 120)]
    seen: set[str] = set()
    kept, warnings = drop_dingbat_ciphers(runs, seen)
    assert [r.text for r in kept] == ["Offentlig Ledelse"]
    assert len(warnings) == 1 and "no unicode mapping" in warnings[0].lower() and "OCR" in warnings[0]
    assert seen == {"Type3 (29 0 R)"}


@pytest.mark.parametrize("text, font", [("\u2713 ja \u2713 nej \u2717 m\u00e5ske \u2713 \u2713 \u2713 \u2717 \u2713", "Arial"),
                                        (CIPHER, "ZapfDingbats")])
def test_check_marks_and_a_dingbat_font_are_kept(text, font):
    """A few different symbols, or a font named for its symbols: drawn on purpose."""
    from olparse.extract.unmapped import drop_dingbat_ciphers
    kept, warnings = drop_dingbat_ciphers([make_run(text, 50, 100, font=font)], set())
    assert [r.text for r in kept] == [text] and not warnings


def test_once_the_document_has_a_cipher_font_a_small_one_goes_too():
    """A folio font with two symbols cannot be told by itself; in a document whose other fonts
    are ciphers, its share of symbols decides."""
    from olparse.extract.unmapped import drop_dingbat_ciphers
    folio = make_run("\u2701\u2702", 50, 800, font="Type3 (40 0 R)")
    assert drop_dingbat_ciphers([folio], set())[0] == [folio]
    assert drop_dingbat_ciphers([folio], {"Type3 (29 0 R)"})[0] == []


def test_a_mapped_font_with_a_few_unmapped_glyphs_gets_no_cipher_warning():
    """Most of the font's text reads: the few runs with control codes are odd glyphs, not a
    font whose text is symbols."""
    noise = "".join(chr(c) for c in (3, 17, 22, 5, 3, 9, 18, 3, 4, 20, 22, 3, 7, 11, 19))
    runs = [run(noise), run("No one else has the vast consulting experience and skills")]
    assert not repair_unmapped_fonts(runs, {})[1]
