"""Normalisation: characters real PDFs emit, cleaned before any layout decision."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import make_page, make_run
from olparse.normalize import (clean_char, is_dingbat_font, is_symbol_font, normalize_page, normalize_run,
                               normalize_text)


def edges_ok(run) -> bool:
    """One edge per character plus the right edge, never going backwards."""
    xs = run.char_x
    return len(xs) == len(run.text) + 1 and all(a <= b for a, b in zip(xs, xs[1:]))


# --------------------------------------------------------------------------- ligatures
@pytest.mark.parametrize("glyph, letters", [("\ufb01", "fi"), ("\ufb02", "fl"), ("\ufb00", "ff"),
                                            ("\ufb03", "ffi"), ("\ufb04", "ffl")])
def test_ligature_becomes_its_letters_with_edges_aligned(glyph, letters):
    run = normalize_run(make_run(f"a{glyph}x", 100, 50))  # every glyph 5 pt wide
    assert run.text == f"a{letters}x"
    assert edges_ok(run)
    # the ligature's 5 pt are shared among its letters; the glyphs around it do not move
    assert run.char_x[0] == 100 and run.char_x[1] == 105
    assert run.char_x[1 + len(letters)] == pytest.approx(110)
    assert run.char_x[-1] == 115
    widths = [b - a for a, b in zip(run.char_x[1:], run.char_x[2:2 + len(letters)])]
    assert widths == pytest.approx([5 / len(letters)] * len(letters))


def test_ligature_in_a_run_without_edges_keeps_no_edges():
    run = normalize_run(replace(make_run("o\ufb03ce", 0, 50), char_x=()))
    assert run.text == "office" and run.char_x == ()


# ------------------------------------------------------------------------------ spaces
@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\t", "\u2003"])
def test_fixed_width_spaces_become_plain_spaces(space):
    run = normalize_run(make_run(f"kr.{space}100", 0, 50))
    assert run.text == "kr. 100"
    assert edges_ok(run)


# ---------------------------------------------------------------------- dropped characters
@pytest.mark.parametrize("junk", ["\ufffd", "\u200b", "\u200c", "\u200d", "\ufeff", "\ue123", "\x01"])
def test_placeholders_and_private_use_are_dropped_with_their_edge(junk):
    run = normalize_run(make_run(f"ab{junk}cd", 0, 50))
    assert run.text == "abcd"
    assert edges_ok(run)
    # every kept glyph keeps its own left edge: the dropped glyph leaves a gap, not a shift
    assert run.char_x == (0, 5, 15, 20, 25)


def test_a_run_of_nothing_but_junk_is_dropped_from_the_page():
    page = make_page([make_run("\ufffd\u200b", 0, 50), make_run("tekst", 0, 70)])
    assert [r.text for r in normalize_page(page).runs] == ["tekst"]


def test_unchanged_run_is_returned_as_is():
    run = make_run("Kommunen", 0, 50)
    assert normalize_run(run) is run


@pytest.mark.parametrize("pua, bullet", [("\uf0b7", "•"), ("\uf0a7", "▪"), ("\uf06c", "•")])
def test_private_use_bullets_become_bullets(pua, bullet):
    assert normalize_run(make_run(f"{pua} punkt", 0, 50)).text == f"{bullet} punkt"


def test_soft_hyphens_are_kept_for_the_line_stage():
    assert normalize_run(make_run("ledel\u00adse", 0, 50)).text == "ledel\u00adse"


# ----------------------------------------------------------------------------- dingbats
@pytest.mark.parametrize("font", ["ZapfDingbats", "Wingdings-Regular", "ITCZapfDingbats", "Wingdings3",
                                  "Universal-Pi-Regular", "SymbolNeu"])
def test_dingbat_fonts_are_recognised_by_name(font):
    assert is_dingbat_font(font)


@pytest.mark.parametrize("font", ["Symbol", "SymbolMT", "Symbol,Bold", "ABCDEF+SymbolMT"])
def test_the_symbol_font_is_not_a_dingbat_font(font):
    assert is_symbol_font(font) and not is_dingbat_font(font)


def test_unmapped_symbol_font_letters_are_greek_and_its_signs_math():
    """``11β-hydroxylase`` set with a Symbol β whose code came through as ``b``."""
    assert normalize_run(make_run("b", 0, 50, font="Symbol")).text == "β"
    assert normalize_run(make_run("a, D, m", 0, 50, font="SymbolMT")).text == "α, Δ, μ"
    assert normalize_run(make_run("\u00a3 \u00b3 \u00b1 \u00b4 12", 0, 50, font="Symbol")).text == "≤ ≥ ± × 12"


def test_symbol_font_text_already_in_unicode_is_kept():
    assert normalize_run(make_run("αβ 2", 0, 50, font="Symbol")).text == "αβ 2"


@pytest.mark.parametrize("glyph", ["h", "`", "\u00a2", "(", "\u00ca"])
def test_a_lone_unknown_dingbat_is_a_marker_never_a_character(glyph):
    """Wingdings codes the table does not know (arrows, icons) set on their own mark a list
    item or an icon: a bullet, not the letter or sign the code happens to be."""
    assert normalize_run(make_run(glyph, 0, 50, font="Wingdings3")).text == "•"


def test_a_dingbat_font_already_mapped_to_unicode_keeps_its_symbols():
    """A ZapfDingbats ``■`` that the PDF maps to U+25A0 is the symbol itself."""
    assert normalize_run(make_run("\u25a0", 0, 50, font="ZapfDingbats")).text == "\u25a0"
    assert normalize_run(make_run("\u27a2 \u2713", 0, 50, font="Wingdings")).text == "\u27a2 \u2713"


def test_symbol_font_signs_that_are_also_unicode_are_kept():
    """``×`` is U+00D7 in Unicode and dotmath at 0xD7 in the Symbol encoding: a correctly
    mapped font gives it too, so it is left as it is."""
    assert normalize_run(make_run("2 \u00d7 3 \u00b1 1\u00b0", 0, 50, font="Symbol")).text == "2 × 3 ± 1°"


def test_unknown_dingbats_in_a_row_are_dropped():
    assert normalize_run(make_run("vvv", 0, 50, font="Wingdings3")) is None
    assert normalize_run(make_run("(*", 0, 50, font="Wingdings")) is None


@pytest.mark.parametrize("font", ["Minion-Regular", "Pinion-Bold", "Spirit-Light", "Helvetica"])
def test_ordinary_fonts_are_not_dingbat_fonts(font):
    assert not is_dingbat_font(font)


def test_dingbat_n_is_a_black_square_and_letters_never_reach_the_text():
    assert normalize_run(make_run("n", 0, 50, font="ZapfDingbats")).text == "■"
    assert normalize_run(make_run("xyz", 0, 50, font="ZapfDingbats")) is None
    assert clean_char("n") == "n"  # in a text font n stays a letter


# ---------------------------------------------------------------------------------- NFC
def test_decomposed_letters_are_composed_and_edges_resampled():
    decomposed = "bla\u030a"  # a + combining ring
    run = normalize_run(make_run(decomposed, 0, 50))
    assert run.text == "blå" and unicodedata.is_normalized("NFC", run.text)
    assert edges_ok(run)
    assert (run.char_x[0], run.char_x[-1]) == (0, 20)


# ------------------------------------------------------------------ accents drawn apart
def placed(text: str, advances: list[float], size: float = 10.0):
    """A run whose glyphs advance by ``advances`` (in em), as a PDF placed them."""
    xs = [0.0]
    for a in advances:
        xs.append(xs[-1] + a * size)
    return make_run(text, 0, 50, size=size, char_x=xs)


@pytest.mark.parametrize("text, advances, expected", [
    ("f\u00a8ur", [0.3, 0.0, 0.55, 0.4], "für"),  # TeX: the accent without advance, then the letter
    ("M\u00a8unster", [0.9, -0.02, 0.55, 0.55, 0.4, 0.4, 0.45, 0.4], "Münster"),
    ("na\u00a8\u0131ve", [0.55, 0.5, 0.0, 0.28, 0.5, 0.45], "naïve"),  # dotless i under the accent
    ("O\u02d8guz", [0.86, -0.08, 0.5, 0.56, 0.45], "Oğuz"),
    ("Seppa\u00a8la\u00a8,", [0.5, 0.45, 0.5, 0.5, 0.06, 0.38, 0.27, 0.06, 0.38, 0.25], "Seppälä,"),  # the letter first
    ("Aviac\u00b8a\u02dco", [0.7, 0.5, 0.27, 0.5, 0.0, 0.5, 0.08, 0.42, 0.5], "Aviação"),
    ("Ge\u00b4rard", [0.8, 0.07, 0.38, 0.4, 0.5, 0.4, 0.5], "Gérard"),
    ("Ny A\u02da lesund", [0.7, 0.5, 0.25, 0.2, 0.32, 0.2, 0.28, 0.45, 0.4, 0.5, 0.5, 0.5], "Ny Ålesund"),  # 3B2
])
def test_an_accent_drawn_over_a_letter_becomes_the_accented_letter(text, advances, expected):
    run = normalize_run(placed(text, advances))
    assert run.text == expected
    assert edges_ok(run) and run.char_x[-1] == pytest.approx(sum(advances) * 10)


@pytest.mark.parametrize("text, advances", [
    ("Peter\u00b4s", [0.6, 0.45, 0.3, 0.45, 0.35, 0.3, 0.4]),  # an acute typed as an apostrophe
    ("`ls` ~x ^y", [0.5, 0.3, 0.4, 0.5, 0.3, 0.5, 0.5, 0.3, 0.5, 0.5]),  # code: each takes its room
    ("\u00a8 og \u00b4", [0.5, 0.3, 0.5, 0.5, 0.3, 0.5]),
    ("A\u02da lesund", [0.7, 0.3, 0.25, 0.28, 0.45, 0.4, 0.5, 0.5, 0.5]),  # each glyph takes its room
])
def test_an_accent_set_as_a_character_of_its_own_stays(text, advances):
    assert normalize_run(placed(text, advances)).text == text


def test_an_accent_Unicode_cannot_precompose_keeps_its_letter_and_the_edges():
    run = normalize_run(placed("q\u00a8", [0.05, 0.5]))
    assert run.text == "q\u0308" and edges_ok(run)


def test_accents_in_a_dingbat_font_are_not_composed():
    assert normalize_run(make_run("\u00a8", 0, 50, font="ZapfDingbats")).text == "•"


@given(st.lists(st.tuples(st.sampled_from("ae\u00a8\u00b4\u02da\u00b8 ,\u0131"),
                          st.floats(-0.2, 1.0)), min_size=1, max_size=12))
def test_composing_accents_keeps_one_edge_per_character(glyphs):
    """Whatever the placement: edges stay aligned with the text, letters are never lost, and
    only accents disappear (into their letters)."""
    text = "".join(ch for ch, _ in glyphs)
    run = normalize_run(placed(text, [a for _, a in glyphs]))
    if run is None:
        return
    assert len(run.char_x) == len(run.text) + 1
    base = unicodedata.normalize("NFD", run.text)
    letters = [ch for ch in text if ch.isalpha()]
    assert len([ch for ch in base if ch.isalpha()]) == len(letters)


def test_normalize_text_cleans_a_plain_string():
    assert normalize_text("\ufb01nt\u00a0og\u200b pa\u030a") == "fint og på"


def test_a_double_quote_set_as_two_single_quotes_is_one_double_quote():
    from olparse.normalize import normalize_run
    run = make_run("\u2018\u2018corporate\u2019\u2019 isn\u2019t", 50, 100)
    clean = normalize_run(run)
    assert clean.text == "\u201ccorporate\u201d isn\u2019t"
    assert len(clean.char_x) == len(clean.text) + 1 and clean.char_x[-1] == run.char_x[-1]
    assert normalize_text("\u2018\u2018x\u2019\u2019") == "\u201cx\u201d"


@given(st.text(alphabet="ab \u2018\u2019", max_size=30))
def test_quote_pairs_fold_keeps_the_edges_aligned(text):
    from olparse.normalize import QUOTE_PAIRS, fold_quote_pairs
    edges = tuple(float(i) for i in range(len(text) + 1))
    folded, char_x = fold_quote_pairs(text, edges)
    expected = text
    for pair, quote in QUOTE_PAIRS.items():
        expected = expected.replace(pair, quote)
    assert folded == expected
    assert len(char_x) == len(folded) + 1 and list(char_x) == sorted(char_x) and set(char_x) <= set(edges)


# --------------------------------------------------------------------------- byte-swapped letters
@pytest.mark.parametrize("printed, text", [("o\u6600\u6600entlige", "offentlige"), ("Identi\u6600\u6900cere", "Identificere"),
                                           ("\u6600\u6c00ig", "flig"), ("tr\u00e6\u6600\u6600er", "tr\u00e6ffer")])
def test_ligature_letters_written_little_endian_are_read_back(printed, text):
    """Ghostscript writes a ligature's Unicode byte-swapped: ``ff`` as U+6600 U+6600."""
    run = normalize_run(make_run(printed, 100, 50))
    assert run.text == text
    assert edges_ok(run)


@pytest.mark.parametrize("printed", ["\u6600\u6600", "\u4e00\u4e8c\u4e09 abc", "Python \u4e00\u6700", "abc\u4e00\u7684"])
def test_real_cjk_text_is_left_as_it_is(printed):
    """An ideograph alone, or in a run with other CJK text, is what it says."""
    assert normalize_run(make_run(printed, 100, 50)).text == printed


def test_bullets_drawn_with_a_control_code_become_bullets():
    """A symbol font without Unicode draws its bullet as ``\\x02``: set before each item's
    text in another font, at one left edge, it is a list's bullet, not a control code."""
    from conftest import make_page, make_run
    from olparse.normalize import normalize_page
    runs = []
    for k, text in enumerate(["Security fundamentals", "Current state of security", "Controls"]):
        runs.append(make_run("\x02", 137, 100 + 12 * k, font="BookMaster"))
        runs.append(make_run(text, 151, 100 + 12 * k, font="Helvetica"))
    texts = [r.text for r in normalize_page(make_page(runs)).runs]
    assert texts.count("•") == 3


def test_control_codes_of_a_font_drawn_glyph_by_glyph_are_no_bullets():
    """Control codes among text in their own font (a cipher font, one glyph a run) go."""
    from conftest import make_page, make_run
    from olparse.normalize import normalize_page
    runs = [make_run(ch, 100 + 6 * i, 100 + 12 * k, font="F1") for k in range(3) for i, ch in enumerate("\x02\x03\x04")]
    assert not normalize_page(make_page(runs)).runs


# ---------------------------------------------------------- accents drawn as runs of their own
def ringed_a_page(order=(0, 1, 2)):
    """``Ny Ålesund`` set as 3B2 sets a letter the font lacks: ``Ny A`` with the full advance
    of the A, then the ring moved back over the A on a raised baseline with a space that moves
    the pen to the A's end, then ``lesund``; and a line above it, a leading away."""
    runs = [make_run("Ny A", 0, 50, char_x=[0, 5, 10, 13, 20], seq=1),
            make_run("\u02da ", 15, 47.4, char_x=[15, 18.2, 20.2], seq=2),
            make_run("lesund ligger", 20.2, 50, seq=3)]
    above = make_run("Over the line", 0, 38.5, seq=0)
    return make_page([above] + [runs[k] for k in order])


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_an_accent_run_over_a_letter_becomes_part_of_it(order):
    from olparse.lines import build_lines
    page = normalize_page(ringed_a_page(order))
    assert "Ny Å" in [r.text for r in page.runs] and not any("\u02da" in r.text for r in page.runs)
    assert [ln.text for ln in build_lines(page)] == ["Over the line", "Ny Ålesund ligger"]


def test_an_accent_run_over_no_letter_of_its_line_stays():
    runs = [make_run("Over the line", 0, 38.5), make_run("x \u02da", 0, 50, char_x=[0, 5, 8, 11]),
            make_run("~", 30, 50, char_x=[30, 35])]  # beside text, over nothing; a tilde on its own
    texts = [r.text for r in normalize_page(make_page(runs)).runs]
    assert texts == ["Over the line", "x \u02da", "~"]


def test_an_accent_run_does_not_reach_the_line_above_or_below():
    """The ring is raised by a quarter em: the line above is a whole leading away from it,
    and a line below would have its baseline far below the accent's."""
    runs = [make_run("Abcdef", 0, 38.5), make_run("\u02da", 2, 47.4, char_x=[2, 5]), make_run("Ghijkl", 0, 60)]
    texts = [r.text for r in normalize_page(make_page(runs)).runs]
    assert texts == ["Abcdef", "\u02da", "Ghijkl"]
