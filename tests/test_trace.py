"""The text-trace path of the PyMuPDF backend (``olparse.extract.trace``).

Unit tests feed it spans shaped like ``page.get_texttrace()`` output; the comparison tests read
real PDFs both ways (trace and ``rawdict``) and require the same lines.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from olparse.extract.pymupdf_backend import TEXT_FLAGS, rawdict_to_runs, read_runs
from olparse.extract.trace import trace_to_runs
from olparse.lines import build_lines
from olparse.model import RawPage
from olparse.normalize import normalize_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGE = (0.0, 0.0, 600.0, 800.0)


def glyph(ch: str, x: float, width: float, y: float = 100.0, size: float = 10.0, gid: int = 5) -> tuple:
    """One traced glyph: code, glyph id, origin, box (advance wide, one em high)."""
    return (ord(ch), gid, (x, y), (x, y - 0.8 * size, x + width, y + 0.2 * size))


def span(chars: list[tuple], size: float = 10.0, font: str = "Serif", direction=(1.0, 0.0), **extra) -> dict:
    xs = [c[3] for c in chars] or [(0, 0, 0, 0)]
    return {"dir": direction, "font": font, "wmode": 0, "flags": 0, "color": (0.0, 0.0, 0.0), "size": size,
            "ascender": 0.8, "descender": -0.2, "type": 0, "opacity": 1.0, "seqno": 0,
            "bbox": (min(b[0] for b in xs), min(b[1] for b in xs), max(b[2] for b in xs), max(b[3] for b in xs)),
            "chars": tuple(chars), **extra}


def word(text: str, x: float, width: float = 5.0, **kw) -> list[tuple]:
    return [glyph(ch, x + i * width, width, **kw) for i, ch in enumerate(text)]


def texts(runs) -> list[str]:
    return [r.text for r in runs]


def test_words_set_apart_without_space_glyphs_get_spaces():
    runs = trace_to_runs([span(word("Ord", 10) + word("sat", 10 + 15 + 3))], PAGE)
    assert texts(runs) == ["Ord sat"]
    assert len(runs[0].char_x) == len(runs[0].text) + 1


def test_a_small_gap_is_kerning_not_a_space():
    runs = trace_to_runs([span(word("Ord", 10) + word("sat", 10 + 15 + 1))], PAGE)
    assert texts(runs) == ["Ordsat"]


def test_a_jump_of_more_than_the_split_distance_makes_two_runs():
    runs = trace_to_runs([span(word("Navn", 10) + word("12", 10 + 20 + 30))], PAGE)
    assert texts(runs) == ["Navn", "12"]
    assert runs[1].bbox.x0 == pytest.approx(60.0)


def test_a_small_backward_move_stays_in_the_run():
    """An accent drawn over the previous letter moves the pen back: not a new run."""
    chars = word("f", 10) + [glyph("\u00a8", 15.5, 3.0)] + word("ur", 15.0)
    assert texts(trace_to_runs([span(chars)], PAGE)) == ["f\u00a8ur"]


def test_ligature_characters_take_no_width_at_the_glyphs_end():
    chars = [glyph("f", 10, 9.0), (ord("i"), -1, (10, 100), (10, 92, 10, 102))] + word("k", 19)
    run, = trace_to_runs([span(chars)], PAGE)
    assert run.text == "fik"
    assert run.char_x == pytest.approx((10, 19, 19, 24))


def test_a_word_space_set_as_a_text_object_of_its_own_stays_with_its_words():
    """InDesign and others draw a space glyph as its own text object; it must not get lost."""
    runs = trace_to_runs([span(word("i", 10, 3.0)), span(word(" ", 13, 2.0)), span(word("ord", 14.0))], PAGE)
    assert texts(runs) == ["i ord"]


def test_spans_in_another_style_are_other_runs():
    runs = trace_to_runs([span(word("Ord", 10)), span(word("kursiv", 28), font="Serif-Italic")], PAGE)
    assert texts(runs) == ["Ord", "kursiv"]
    assert runs[1].italic


def test_a_soft_hyphen_drawn_inside_a_line_is_a_hyphen_and_one_at_its_end_a_break():
    inside = word("acido\u00adbasique", 10)
    at_end = word("base\u00ad", 10, y=112.0)
    other = word("non\u00ad", 10, y=124.0)
    runs = trace_to_runs([span(inside + at_end), span(other, font="Sans")], PAGE)
    page = normalize_page(RawPage(number=1, width=600, height=800, runs=tuple(runs)))
    # the font that draws its hyphens as U+00AD gives no break signal at the line end either
    assert texts(page.runs) == ["acido-basique", "base-", "non\u00ad"]


def test_one_span_over_two_lines_makes_two_runs():
    runs = trace_to_runs([span(word("første", 10) + word("anden", 40, y=112.0))], PAGE)
    assert texts(runs) == ["første", "anden"]
    assert [r.baseline for r in runs] == pytest.approx([100.0, 112.0])


def test_a_lowered_letter_stays_in_its_word():
    """TeX lowers the E of its logo by a fifth of an em: one word, not three."""
    chars = word("LAT", 10) + [glyph("E", 24.0, 5.0, y=102.0)] + word("X", 28.5)
    assert texts(trace_to_runs([span(chars)], PAGE)) == ["LATEX"]


def test_glyphs_entirely_off_the_page_are_dropped():
    runs = trace_to_runs([span(word("ab", -30) + word("cd", 10))], PAGE)
    assert "".join(texts(runs)).replace(" ", "") == "cd"


def test_boxes_come_from_the_fonts_ascender_and_descender():
    run, = trace_to_runs([span(word("Ord", 10), ascender=1.0, descender=-0.25)], PAGE)
    assert (run.bbox.top, run.bbox.bottom) == pytest.approx((90.0, 102.5))
    assert run.baseline == pytest.approx(100.0)


def test_page_origin_moves_to_the_top_left_corner():
    run, = trace_to_runs([span(word("Ord", 110, y=200))], (100.0, 100.0, 700.0, 900.0))
    assert run.bbox.x0 == pytest.approx(10.0)
    assert run.baseline == pytest.approx(100.0)


@pytest.mark.parametrize("chars, reason", [
    ([glyph("\ufffd", 10, 5.0)], "a glyph without Unicode"),
    ([glyph("\x03", 10, 5.0)], "a glyph code read as a control character"),
])
def test_pages_the_trace_cannot_describe_go_to_rawdict(chars, reason):
    assert trace_to_runs([span(word("Ord", 10)), span(chars)], PAGE) is None, reason


def test_tilted_and_vertical_text_go_to_rawdict():
    assert trace_to_runs([span(word("Ord", 10), direction=(0.98, -0.17))], PAGE) is None
    assert trace_to_runs([span(word("Ord", 10), wmode=1)], PAGE) is None


def test_text_rotated_a_quarter_turn_keeps_its_words():
    chars = [(ord(ch), 5, (100.0, 300.0 - 5 * i), (92.0, 295.0 - 5 * i, 102.0, 300.0 - 5 * i))
             for i, ch in enumerate("FOTO")]
    run, = trace_to_runs([span(chars, direction=(0.0, -1.0))], PAGE)
    assert (run.text, run.rotation) == ("FOTO", 90)
    assert run.bbox.x0 == pytest.approx(92.0) and run.bbox.x1 == pytest.approx(102.0)
    assert run.bbox.bottom == pytest.approx(300.0) and run.bbox.top == pytest.approx(280.0)


glyph_codes = st.sampled_from(list("abcæøåABC.,-1 ") + ["\ufb01"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(glyph_codes, st.floats(-12, 20), st.floats(0.5, 9)), min_size=1, max_size=12),
                min_size=1, max_size=6))
def test_every_glyph_on_the_page_reaches_a_run(spans_spec):
    """Whatever the gaps: no glyph is lost or invented, only spaces are added; edges fit the text."""
    spans, x = [], 20.0
    for glyphs in spans_spec:
        chars = []
        for ch, gap, width in glyphs:
            x = max(0.0, x + gap)
            chars.append(glyph(ch, x, width))
            x += width
        spans.append(span(chars))
    runs = trace_to_runs(spans, (0.0, 0.0, 10_000.0, 800.0))  # wide enough for every glyph
    given_text = "".join(ch for glyphs in spans_spec for ch, _, _ in glyphs).replace(" ", "")
    assert "".join(r.text for r in runs).replace(" ", "") == given_text
    assert all(len(r.char_x) == len(r.text) + 1 for r in runs)


def lines_of(page: pymupdf.Page, runs) -> list[str]:
    raw = RawPage(number=1, width=page.rect.width, height=page.rect.height, runs=tuple(runs),
                  rects=(), images=(), label="", warnings=())
    return [line.text for line in build_lines(normalize_page(raw))]


def lines_both_ways(page: pymupdf.Page) -> tuple[list[str], list[str]]:
    """The page's lines read from the trace (as the backend reads it) and from ``rawdict``."""
    return lines_of(page, read_runs(page)), lines_of(page, rawdict_to_runs(page.get_text("rawdict", flags=TEXT_FLAGS)))


@pytest.mark.parametrize("name", ["gen-clean", "gen-messy", "gen-2col", "gen-items"])
def test_trace_and_rawdict_give_the_same_lines_on_the_fixtures(name):
    with pymupdf.open(FIXTURES / f"{name}.pdf") as doc:
        for page in doc:
            traced, text_page = lines_both_ways(page)
            assert sorted(traced) == sorted(text_page), f"{name} page {page.number + 1}"


def test_words_placed_by_the_pen_read_the_same_both_ways(tmp_path):
    """Words set one by one without space glyphs (as TeX does) and a rotated credit."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    font = pymupdf.Font("helv")
    x = 40.0
    for w in "Kommunen har fået en fin plan".split():
        page.insert_text((x, 60), w, fontsize=11, fontname="helv")
        x += font.text_length(w, fontsize=11) + 3.2
    page.insert_text((380, 250), "FOTO: ANNE HANSEN", fontsize=7, fontname="helv", rotate=90)
    path = tmp_path / "pen.pdf"
    doc.save(path)
    with pymupdf.open(path) as reread:
        page = reread[0]
        traced, text_page = lines_both_ways(page)
    assert "Kommunen har fået en fin plan" in traced
    assert sorted(traced) == sorted(text_page)


def test_a_page_with_a_rotate_entry_reads_the_same_both_ways(tmp_path):
    """The trace of a ``/Rotate`` page is in unrotated coordinates: such pages use ``rawdict``."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=400)
    page.insert_text((40, 350), "Tværformat: teksten står på langs af siden", fontsize=10, fontname="helv")
    page.set_rotation(90)
    path = tmp_path / "rotated.pdf"
    doc.save(path)
    with pymupdf.open(path) as reread:
        page = reread[0]
        traced, text_page = lines_both_ways(page)
    assert traced == text_page
    assert "Tværformat: teksten står på langs af siden" in traced


def test_lines_keep_what_the_document_stages_need_without_their_runs():
    """Page workers send lines without runs; word spaces and stream order must survive."""
    with pymupdf.open(FIXTURES / "gen-clean.pdf") as doc:
        page = doc[1]
        runs = read_runs(page)
        raw = RawPage(number=2, width=page.rect.width, height=page.rect.height, runs=tuple(runs),
                      rects=(), images=(), label="", warnings=())
    lines = build_lines(normalize_page(raw))
    body = [ln for ln in lines if ln.text.count(" ") >= 4]
    assert body and all(len(ln.word_gaps) >= 3 for ln in body)
    for line in body:
        slim = line.without_runs()
        assert slim.runs == () and slim.word_gaps == line.word_gaps and slim.seq == line.seq
        assert all(0.1 < g < 1.5 for g in slim.word_gaps)


def test_a_page_with_text_scaled_to_nothing_keeps_its_other_lines():
    """A run of size zero (a degenerate text matrix) must not break the line it is in."""
    from conftest import make_page, make_run
    from olparse.pipeline import layout_page

    zero = make_run("usynlig tekst her", 50, 100, size=0.0,
                    char_x=[50 + 0.0 * i for i in range(len("usynlig tekst her") + 1)])
    page = make_page([make_run("Synlig tekst på linjen", 50, 130), zero])
    layout = layout_page(page)
    assert "Synlig tekst på linjen" in [b.text for b in layout.blocks]


def test_broken_numbers_in_the_trace_do_not_break_the_page():
    """Damaged files can give NaN colours or infinite positions; the page still reads."""
    nan, inf = float("nan"), float("inf")
    odd = span(word("Ord", 10), color=(nan, 0.0, 1.0))
    far = span([(ord("x"), 5, (inf, 100.0), (inf, 92.0, inf, 102.0))])
    runs = trace_to_runs([odd, far, span(word("sat", 40))], PAGE)
    assert "Ord" in "".join(r.text for r in runs)


def test_line_boxes_do_not_depend_on_the_process_wide_font_box_switch():
    """Another package (pymupdf_layout) may turn MuPDF's font-box corrections off for the whole
    process; the trace's runs must keep the same boxes, and the switch must be put back."""
    with pymupdf.open(FIXTURES / "gen-2col.pdf") as doc:
        page = doc[0]
        before = [r.bbox for r in read_runs(page)]
        pymupdf.TOOLS.unset_quad_corrections(True)
        try:
            after = [r.bbox for r in read_runs(page)]
            assert pymupdf.TOOLS.unset_quad_corrections()
        finally:
            pymupdf.TOOLS.unset_quad_corrections(False)
    assert after == before


# --------------------------------------------------------------------------- mis-scaled fonts
def test_helvetica_widths_are_the_reference():
    """The yardstick is Helvetica's own metrics (PyMuPDF's built-in ``helv``)."""
    from olparse.fonts import REFERENCE_WIDTHS
    helv = pymupdf.Font("helv")
    assert all(round(helv.glyph_advance(ord(ch)) * 1000) == w for ch, w in REFERENCE_WIDTHS.items())


def scaled_word(text: str, x: float, size: float, factor: float, y: float = 100.0) -> list[tuple]:
    """Glyphs whose advances are those of Helvetica at ``factor`` times ``size``: what a CFF font
    with a 2816-unit em looks like in the trace after Ghostscript's ``pdfwrite``."""
    from olparse.fonts import REFERENCE_WIDTHS
    out = []
    for ch in text:
        width = REFERENCE_WIDTHS.get(ch, 278) / 1000 * size * factor
        out.append(glyph(ch, x, width, y=y, size=size))
        x += width
    return out


def test_a_font_whose_letters_advance_three_ems_gets_the_size_they_show():
    """24-point type written at ``Tf`` 8.52 with glyphs 2.816 times as wide: the run is
    24-point (to Helvetica's width), its box as tall as 24-point type, and a word space of a
    quarter em at 24 points (far over the split distance of 8.52 points) is one space."""
    size, factor = 24 / 2.816, 2.816
    first = scaled_word("Kunstig", 50, size, factor)
    gap = 0.25 * 24
    second = scaled_word("intelligens", first[-1][3][2] + gap, size, factor)
    run, = trace_to_runs([span(first + second, size=size, font="Inter-Black")], PAGE)
    assert run.text == "Kunstig intelligens"
    assert run.size == pytest.approx(24, rel=0.01)
    assert run.bbox.height == pytest.approx(24, rel=0.01)


def test_the_font_descriptors_large_ascender_is_divided_by_the_scale():
    """MuPDF reads the ascender from a font descriptor that Ghostscript writes in the font's own
    units (3.18 of an 8.52-point em): after rescaling the box is not four times too tall."""
    size, factor = 24 / 2.816, 2.816
    chars = scaled_word("Indhold", 50, size, factor)
    run, = trace_to_runs([span(chars, size=size, font="Inter-Black", ascender=3.18, descender=-0.928)], PAGE)
    assert run.size == pytest.approx(24, rel=0.01)
    assert run.bbox.height == pytest.approx((3.18 + 0.928) * size, rel=0.01)


def test_a_font_of_ordinary_width_keeps_its_size():
    """Wide fonts exist (1.3 times Helvetica): they are not mis-scaled."""
    run, = trace_to_runs([span(scaled_word("Extended", 50, 10.0, 1.3), font="WideSans")], PAGE)
    assert run.size == 10.0


def test_a_few_letters_do_not_decide_a_fonts_scale():
    run, = trace_to_runs([span(scaled_word("Aab", 50, 10.0, 3.0), font="Inter-Black")], PAGE)
    assert run.size == 10.0


def test_rawdict_spans_of_a_misscaled_font_are_rescaled_too():
    """The ``rawdict`` path (rotated pages, unmapped glyphs) measures the same way."""
    size, factor = 24 / 2.816, 2.816
    chars = [{"c": chr(c[0]), "origin": c[2], "bbox": c[3]} for c in scaled_word("Kunstig", 50, size, factor)]
    raw_span = {"font": "Inter-Black", "size": size, "flags": 0, "color": 0, "ascender": 0.8, "descender": -0.2,
                "origin": (50.0, 100.0), "bbox": (50.0, 100 - 0.8 * size, chars[-1]["bbox"][2], 100 + 0.2 * size),
                "chars": chars}
    raw = {"blocks": [{"lines": [{"dir": (1.0, 0.0), "spans": [raw_span]}]}]}
    run, = rawdict_to_runs(raw)
    assert run.size == pytest.approx(24, rel=0.01)
    assert run.bbox.height == pytest.approx(24, rel=0.01)


# ----------------------------------------------------------------------------- letter spacing
def tracked(text: str, x: float, gaps: list[float], width: float = 5.0) -> list[tuple]:
    """Glyphs ``width`` wide, glyph k followed by a gap of ``gaps[k]`` points."""
    out = []
    for ch, gap in zip(text, gaps + [0.0]):
        out.append(glyph(ch, x, width))
        x += width + gap
    return out


def test_a_letter_spaced_word_whose_gaps_straddle_the_space_distance_reads_whole():
    """Pango spreads a line of one word over the measure by letter spacing: gaps of 1.1 to
    1.9 pt at 10 pt straddle the 1.5 pt that makes a space (``f orv al tn i ngs``)."""
    gaps = [1.7, 1.4, 1.1, 1.6, 1.4, 1.7, 1.3, 1.9, 1.7, 1.2, 1.1, 1.5, 1.2, 1.1, 1.4, 1.7, 1.3]
    runs = trace_to_runs([span(tracked("forvaltningschefen", 10, gaps))], PAGE)
    assert texts(runs) == ["forvaltningschefen"]


def test_a_letter_spaced_word_set_as_several_spans_reads_whole():
    """The word's first letter and a ligature come as spans of their own: the line's spacing,
    not each span's, decides (``Ö ffentlichkeitsarbeit``)."""
    first = tracked("Ö", 10, [])
    second = tracked("ﬀ", 10 + 5 + 2.0, [])
    rest = tracked("entlichkeit", 10 + 2 * (5 + 2.0), [2.0, 1.8, 2.1, 1.9, 2.0, 1.8, 2.2, 1.9, 2.0, 1.9])
    runs = trace_to_runs([span(first), span(second), span(rest)], PAGE)
    assert texts(runs) == ["Öﬀentlichkeit"]


def test_word_spaces_of_letter_spaced_type_stand_out_from_its_spacing():
    """Tracked 1.5 pt, with a word space of 2.5 pt on top: one space, not one between letters."""
    chars = tracked("Ledelse", 10, [1.5] * 6) + tracked("nu", 10 + 7 * 5 + 6 * 1.5 + 5.5, [1.5])
    assert texts(trace_to_runs([span(chars)], PAGE)) == ["Ledelse nu"]


def test_type_without_letter_spacing_keeps_its_narrow_word_spaces():
    """A tight justified line: letters touch, word spaces 1.8 pt (0.18 em) still make spaces."""
    chars = word("Der", 10) + word("var", 10 + 15 + 1.8) + word("en", 10 + 30 + 3.6) + word("gang", 10 + 40 + 5.4)
    assert texts(trace_to_runs([span(chars)], PAGE)) == ["Der var en gang"]


def test_a_word_spread_unevenly_by_whole_points_reads_whole():
    """Glyphs placed on a whole-point grid spread a word 1.2 to 3.5 pt apart at 10 pt: the
    line's median gap is its spacing, and none of its gaps stands 1.5 pt beyond it."""
    gaps = [1.2, 2.9, 3.3, 1.6, 2.9, 2.1, 2.9, 2.7, 1.8, 3.5, 2.9, 1.9, 2.8, 1.9, 2.9, 3.2, 1.7, 3.2, 2.7]
    runs = trace_to_runs([span(tracked("kompetensförsörjning", 10, gaps))], PAGE)
    assert texts(runs) == ["kompetensförsörjning"]


def test_a_word_whose_widest_gaps_rise_from_its_letter_gaps_by_small_steps_reads_whole():
    """Pango at 9 pt, glyphs on whole points (``verksamhetsplanering``): the gaps run from 2.5 to
    4.5 pt, median 3.0, and the two widest lie 1.5 pt over it, past the 1.35 pt a space needs.
    They rise from the other gaps by 0.3 pt: letter gaps too, not word spaces."""
    gaps = [3.2, 4.5, 3.0, 2.7, 3.8, 3.0, 4.0, 2.5, 2.5, 4.5, 2.8, 2.8, 4.2, 3.0, 3.5, 3.5, 3.0, 4.2, 2.5]
    chars = [glyph(ch, x, 5.0, size=9.0) for ch, x in
             zip("verksamhetsplanering", [219.0 + sum(gaps[:k]) + 5.0 * k for k in range(20)])]
    assert texts(trace_to_runs([span(chars, size=9.0)], PAGE)) == ["verksamhetsplanering"]


def test_word_spaces_of_tracked_short_words_stand_clear_of_the_letter_gaps():
    """Tracked capitals in short words (``WHY SO EASY?``): a third of the gaps are word spaces,
    and they stand 2.5 pt clear of the widest letter gap, so they stay spaces."""
    chars = tracked("WHY", 10, [1.0, 1.2]) + tracked("SO", 10 + 3 * 5 + 2.2 + 4.0, [1.1]) + \
        tracked("EASY?", 10 + 5 * 5 + 3.3 + 8.0, [1.0, 1.2, 1.1, 1.0])
    assert texts(trace_to_runs([span(chars)], PAGE)) == ["WHY SO EASY?"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnoprstuvyzæøå", min_size=5, max_size=12), min_size=1, max_size=4),
       st.floats(0.08, 0.4), st.floats(6.0, 30.0), st.randoms(use_true_random=False))
def test_letter_spaced_words_read_back_whole_and_apart(words, spacing, size, rnd):
    """Any letter spacing from 0.08 to 0.4 em, glyphs off by up to 0.03 em either way (a
    whole-point grid), at any size: each word reads whole, and words set 0.35 em beyond the
    spacing apart read as words. (Words of five letters or more: the four gaps a spacing needs
    to be measured; a line of one shorter word stays as it was.)"""
    width, x, chars = 0.5 * size, 10.0, []
    for k, w in enumerate(words):
        if k:
            x += (spacing + 0.35) * size
        for i, ch in enumerate(w):
            chars.append(glyph(ch, x, width, size=size))
            x += width + (spacing + rnd.uniform(-0.03, 0.03)) * size * (i < len(w) - 1)
    assert texts(trace_to_runs([span(chars, size=size)], (0.0, 0.0, 5000.0, 800.0))) == [" ".join(words)]
