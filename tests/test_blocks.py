"""Blocks: lines stacked by style, leading and frame, on synthetic geometry."""

from __future__ import annotations

import pytest

from conftest import make_page, make_rect, make_rotated_run, make_run, set_line, typeset_column, words
from olparse.blocks import build_blocks, frame_candidates, merge_touching_tints, picture_boxes
from olparse.lines import build_lines
from olparse.model import ImageBox

TINT = 0xDDEEFF


def blocks_of(runs, rects=()):
    """Blocks (top to bottom, left to right) and frames of a page holding ``runs`` and ``rects``."""
    page = make_page(runs, rects)
    found, frames = build_blocks(build_lines(page), page.rects, page.width, page.height)
    return sorted(found, key=lambda b: (b.bbox.top, b.bbox.x0)), frames


def firsts(blocks) -> list[str]:
    return [b.lines[0].text for b in blocks]


def test_lines_of_one_style_and_leading_form_one_block():
    col, _ = typeset_column([words(0, 60)], 50, 100, 200)
    [block], frames = blocks_of(col)
    assert len(block.lines) == len(col) and frames == ()
    assert block.text.split() == words(0, 60).split()
    assert block.frame is None and block.page == 1


def test_a_style_change_starts_a_block():
    title = set_line(["En", "ny", "plan"], 50, 80, None, size=20, bold=True)
    stand = set_line(["Kommunen", "vil", "gøre", "det", "bedre"], 50, 104, None, size=12, italic=True)
    body, _ = typeset_column([words(0, 40)], 50, 112, 200)
    found, _ = blocks_of(title + stand + body)
    assert firsts(found) == ["En ny plan", "Kommunen vil gøre det bedre", body[0].text]


def test_bold_lines_in_body_size_are_a_block_of_their_own():
    head = set_line(["Mellemrubrik", "her"], 50, 100, None, bold=True)
    body, _ = typeset_column([words(0, 40)], 50, 104, 200)
    found, _ = blocks_of(head + body)
    assert firsts(found) == ["Mellemrubrik her", body[0].text]


def test_space_between_paragraphs_starts_a_block():
    col, _ = typeset_column([words(0, 30), words(30, 30)], 50, 100, 200, paragraph_space=6)
    found, _ = blocks_of(col)
    assert [b.text.split() for b in found] == [words(0, 30).split(), words(30, 30).split()]


def test_an_indent_alone_does_not_start_a_block():
    col, _ = typeset_column([words(0, 30), words(30, 30)], 50, 100, 200)
    found, _ = blocks_of(col)
    assert len(found) == 1  # paragraphs inside a block are found later, by ``paragraphs``


def test_second_line_at_a_wider_step_than_a_first_step_allows_starts_a_block():
    found, _ = blocks_of([make_run("en linje", 50, 100), make_run("en anden", 50, 118)])
    assert len(found) == 2  # 1.8 em between baselines is more than a line's leading


def test_double_spaced_text_is_one_block_per_paragraph_group():
    """A manuscript or court filing steps 2.4 em from baseline to baseline on every line: that
    is its leading, derived from the page, not a gap after every line."""
    col, _ = typeset_column([words(0, 80), words(80, 80)], 50, 100, 300, leading=24)
    found, _ = blocks_of(col)
    assert len(found) == 1 and found[0].text.split() == (words(0, 80) + " " + words(80, 80)).split()


def test_double_spaced_text_still_breaks_at_a_wider_gap():
    top, last = typeset_column([words(0, 80)], 50, 100, 300, leading=24)
    below, _ = typeset_column([words(80, 80)], 50, last + 40, 300, leading=24)
    assert len(blocks_of(top + below)[0]) == 2


def test_a_list_at_a_regular_wide_step_is_no_double_spacing():
    """Short items (glossary terms, table cells) set at one wide step stay apart: only lines
    that run the full measure make a page's leading wide."""
    items = [make_run(term, 50, 100 + 24 * k) for k, term in
             enumerate(["ablation", "adjuvant therapy", "axilla", "benign", "biopsy", "chemotherapy"])]
    assert len(blocks_of(items)[0]) == 6


@pytest.mark.parametrize("leading", [12, 18, 24, 30])
def test_a_wide_step_alone_is_never_a_page_leading(leading):
    """Two lines far apart among tightly set text stay two blocks, whatever the body's leading."""
    col, last = typeset_column([words(0, 80)], 50, 100, 300, leading=leading)
    lone = set_line(words(200, 8).split(), 50, last + 2.6 * max(leading, 12) + 4, None)
    found, _ = blocks_of(col + lone)
    assert len(found) == 2


def test_columns_side_by_side_are_separate_blocks():
    left, _ = typeset_column([words(0, 40)], 50, 100, 200)
    right, _ = typeset_column([words(40, 40)], 270, 100, 200)
    found, _ = blocks_of(left + right)
    assert [round(b.bbox.x0) for b in found] == [50, 270]


def test_rotated_lines_never_join_horizontal_blocks():
    col, _ = typeset_column([words(0, 40)], 50, 100, 200)
    credit = make_rotated_run("Foto: Jens Hansen", 45, 100)
    found, _ = blocks_of(col + [credit])
    assert sorted(len(b.lines) for b in found) == [1, len(col)]


# ----------------------------------------------------------------------------- frames
def test_a_frame_boundary_starts_a_block_even_at_regular_leading():
    above, last = typeset_column([words(0, 30)], 60, 100, 180)
    inside, _ = typeset_column([words(30, 30)], 60, last + 12 - 8, 180)  # the next line's place
    box = make_rect(50, last + 3, 250, 400)
    found, frames = blocks_of(above + inside, [box])
    assert [b.frame for b in found] == [None, 0]
    assert frames[0].bbox == box.bbox


def test_tints_painted_paragraph_by_paragraph_merge_into_one_frame():
    first, last = typeset_column([words(0, 20)], 60, 105, 180)
    second, _ = typeset_column([words(20, 20)], 60, last + 14, 180, paragraph_space=6)
    top_part = make_rect(50, 100, 250, last + 6)
    bottom_part = make_rect(50, last + 6, 250, 400)
    found, frames = blocks_of(first + second, [top_part, bottom_part])
    assert len(frames) == 1 and frames[0].bbox.top == 100 and frames[0].bbox.bottom == 400
    assert {b.frame for b in found} == {0}


def test_tints_of_different_colours_stay_apart():
    a = make_rect(50, 100, 250, 200, fill=TINT)
    b = make_rect(50, 200, 250, 300, fill=0xFFEEDD)
    assert len(merge_touching_tints([a, b])) == 2
    assert len(merge_touching_tints([a, make_rect(50, 200, 250, 300, fill=TINT)])) == 1


def test_tints_of_different_widths_stay_apart():
    assert len(merge_touching_tints([make_rect(50, 100, 250, 200), make_rect(50, 200, 400, 300)])) == 2


def test_stroked_box_is_a_frame():
    inside, _ = typeset_column([words(0, 20)], 60, 110, 180)
    box = make_rect(50, 100, 250, 300, fill=None, stroke=0)
    found, frames = blocks_of(inside, [box])
    assert [b.frame for b in found] == [0] and frames == (box,)


def test_page_size_background_is_not_a_frame():
    body, _ = typeset_column([words(0, 40)], 50, 100, 200)
    background = make_rect(0, 0, 595, 842, fill=0xFFF8E0)
    found, frames = blocks_of(body, [background])
    assert frames == () and [b.frame for b in found] == [None]


def test_white_unstroked_shapes_hairlines_and_small_marks_are_not_frames():
    rects = [make_rect(50, 100, 250, 300, fill=0xFFFFFF),  # white
             make_rect(50, 100, 250, 100.5, fill=0),  # a rule
             make_rect(50, 100, 60, 110, fill=0)]  # a bullet square
    assert frame_candidates(rects, 595, 842) == []


def test_unused_frames_are_not_returned_and_indices_follow_the_used_ones():
    inside, _ = typeset_column([words(0, 20)], 60, 510, 180)
    empty = make_rect(50, 100, 250, 300)
    holder = make_rect(50, 500, 250, 700, fill=0xEEEEEE)
    found, frames = blocks_of(inside, [empty, holder])
    assert frames == (holder,) and [b.frame for b in found] == [0]


def test_a_line_in_the_smallest_enclosing_frame():
    inside, _ = typeset_column([words(0, 10)], 70, 120, 150)
    outer = make_rect(50, 100, 300, 400, fill=0xEEEEEE)
    inner = make_rect(60, 110, 240, 200, fill=TINT)
    found, frames = blocks_of(inside, [outer, inner])
    assert frames[found[0].frame] == inner


# ----------------------------------------------------------------------------- pictures
def test_large_tint_without_text_is_a_picture_and_one_with_text_is_not():
    body, _ = typeset_column([words(0, 20)], 60, 110, 180)
    page = make_page(body, [make_rect(50, 100, 250, 300), make_rect(300, 100, 500, 300)])
    lines = build_lines(page)
    pictures = picture_boxes(page.rects, [ImageBox(make_rect(0, 500, 100, 600).bbox, 9)], lines, 595, 842)
    assert [p.bbox.x0 for p in pictures] == [0, 300]


def test_the_smallest_frame_scales_with_the_type():
    """A tint one line tall frames its line at any scale; the limit is the page's line height,
    not a number of points (a 0.5-scaled page lost its 10-point-tall box)."""
    for scale in (0.5, 1.0, 2.0):
        line = make_run("Kommunen har brug for en ny", 55 * scale, 205 * scale, size=7.2 * scale)
        tint = make_rect(50 * scale, 193.6 * scale, 154 * scale, 213 * scale)
        _, frames = blocks_of([line], [tint])
        assert len(frames) == 1, scale
