"""Layout: column grid and reading order (Breuel precedence + topological sort) on synthetic pages.

Pages are built from typeset columns 160 pt wide with 15 pt gutters; the runs go into the
page in an order unlike the reading order, so the tests show the order comes from geometry.
"""

from __future__ import annotations

import pytest

from conftest import block_texts, lay_out, make_rect, set_line, typeset_column, words
from olparse.geometry import BBox
from olparse.layout import column_of, precedes, topological_indices
from olparse.model import Column

W, GUTTER, X0 = 160, 15, 50


def colx(i: int) -> float:
    return X0 + i * (W + GUTTER)


def column(i: int, text: str, top: float = 120, **kw):
    return typeset_column([text], colx(i), top, W, **kw)


def title(text: str, baseline: float = 90):
    return set_line(text.split(), X0, baseline, None, size=24, bold=True, font="Sans-Bold")


def first_words(layout, n: int = 3) -> list[str]:
    return [" ".join(t.split()[:n]) for t in block_texts(layout)]


def starts(text: str, n: int = 3) -> str:
    return " ".join(text.split()[:n])


# --------------------------------------------------------------------------- page orders
def test_spanning_title_first_then_columns_left_to_right():
    texts = [words(0, 60), words(17, 60), words(33, 60)]
    cols = [column(i, texts[i])[0] for i in range(3)]
    head = title("En ny plan for de ældre i kommunen")
    layout = lay_out(cols[2] + cols[0] + head + cols[1])
    assert first_words(layout) == [starts("En ny plan")] + [starts(t) for t in texts]
    assert [b.id for b in layout.blocks] == [0, 1, 2, 3]
    assert [b.column for b in layout.blocks] == [-1, 0, 1, 2]


def wide_gutter_page(head_size: float, bold: bool, text: str = "Tre spalter"):
    """Two columns 160 pt wide with a 100 pt gutter, and a short line centred on the page at
    its head: it overlaps neither column."""
    texts = [words(0, 120), words(17, 120)]
    left = typeset_column([texts[0]], 50, 120, W)[0]
    right = typeset_column([texts[1]], 310, 120, W)[0]
    width = len(text) * 0.5 * head_size
    head = set_line(text.split(), 260 - width / 2, 90, None, size=head_size, bold=bold)
    return texts, lay_out(right + head + left)


@pytest.mark.parametrize("size, bold", [(12, True), (12, False), (10, True)])
def test_a_title_centred_over_the_gutter_at_the_page_head_comes_first(size, bold):
    """A short title centred on the page sits over a wide gutter and overlaps neither column:
    alone at the head of the page, it is still read before them (Breuel's rule alone reads
    it after the left column)."""
    texts, layout = wide_gutter_page(size, bold)
    assert first_words(layout) == [starts("Tre spalter")] + [starts(t) for t in texts]


def test_a_line_of_body_text_alone_at_the_head_gets_no_separator():
    """Only a title (larger or bolder than the main text) gets a separator under it."""
    from olparse.layout import Unit, head_band_separators
    _, layout = wide_gutter_page(10, False, "tre spalter")
    units = [Unit((b,), b.bbox, False) for b in layout.blocks]
    main = next(b.style for b in layout.blocks if len(b.lines) > 3)
    assert head_band_separators(units, main) == []
    _, layout = wide_gutter_page(12, True)
    units = [Unit((b,), b.bbox, False) for b in layout.blocks]
    assert len(head_band_separators(units, main)) == 1


def test_column_grid_is_found_from_the_main_text():
    cols = [column(i, words(10 * i, 60))[0] for i in range(3)]
    layout = lay_out(title("En ny plan for de ældre i kommunen") + sum(cols, []))
    assert len(layout.columns) == 3
    for i, col in enumerate(layout.columns):
        assert col.x0 == pytest.approx(colx(i)) and col.x1 == pytest.approx(colx(i) + W, abs=0.5)


def test_two_articles_stacked_on_one_page_are_read_one_after_the_other():
    first = [column(i, words(10 * i, 40), top=110)[0] for i in range(3)]
    second = [column(i, words(10 * i + 5, 40), top=420)[0] for i in range(3)]
    head1 = title("Første artikel om planen for de ældre")
    head2 = title("Anden artikel om hjemmeplejen i kommunen", baseline=400)
    layout = lay_out(head2 + sum(second, []) + head1 + sum(first, []))
    assert first_words(layout, 2) == ["Første artikel"] + [starts(words(10 * i, 2), 2) for i in range(3)] + \
        ["Anden artikel"] + [starts(words(10 * i + 5, 2), 2) for i in range(3)]


def test_pull_quote_across_two_of_three_columns_does_not_interleave_them():
    top = [column(i, words(20 * i, 25))[0] for i in range(2)]
    quote, quote_last = typeset_column(["Vi skal gøre det sammen med borgerne og deres familier"], X0, 200,
                                       2 * W + GUTTER, size=16, italic=True, font="Serif-Italic")
    bottom = [column(i, words(20 * i + 25, 25), top=quote_last + 20)[0] for i in range(2)]
    third = column(2, words(7, 100))[0]
    layout = lay_out(quote + third + sum(bottom, []) + title("En ny plan for de ældre i kommunen") + sum(top, []))
    order = first_words(layout)
    body = [o for o in order if o not in (starts("En ny plan"), starts("Vi skal gøre"))]
    assert body == [starts(words(0, 3)), starts(words(25, 3)), starts(words(20, 3)), starts(words(45, 3)),
                    starts(words(7, 3))]
    assert order[0] == starts("En ny plan")
    # the quote goes right after text above it, never before the column it interrupts starts
    assert order.index(starts("Vi skal gøre")) > order.index(starts(words(0, 3)))


def test_box_inside_a_column_is_read_whole_and_the_column_goes_on_after_it():
    c2_top, last = column(1, words(3, 25))
    box_head = set_line(["Fakta", "om", "planen"], colx(1) + 8, last + 30, None, size=9, bold=True)
    box_body, box_last = typeset_column([words(11, 25)], colx(1) + 8, last + 34, W - 16, size=9)
    frame = make_rect(colx(1), last + 12, colx(1) + W, box_last + 8)
    c2_bottom, _ = column(1, words(40, 25), top=box_last + 20)
    c1, c3 = column(0, words(0, 100))[0], column(2, words(9, 100))[0]
    layout = lay_out(box_body + c3 + c2_bottom + box_head + c1 + c2_top + title("En ny plan for de ældre"),
                     [frame])
    assert first_words(layout) == [starts("En ny plan"), starts(words(0, 3)), starts(words(3, 3)),
                                   "Fakta om planen", starts(words(11, 3)), starts(words(40, 3)),
                                   starts(words(9, 3))]
    assert [b.frame for b in layout.blocks].count(0) == 2
    assert layout.frames == (frame,)


def test_order_of_a_single_column_is_top_to_bottom():
    head = title("Kort nyhed")
    body, _ = typeset_column([words(0, 30), words(30, 30)], X0, 120, W, paragraph_space=8)
    layout = lay_out(list(reversed(body)) + head)
    assert first_words(layout) == ["Kort nyhed", starts(words(0, 3)), starts(words(30, 3))]


def test_empty_page_has_no_blocks_and_no_grid():
    layout = lay_out([])
    assert layout.blocks == () and layout.columns == ()


# ------------------------------------------------------------------------ the primitives
def box(x0, top, x1, bottom) -> BBox:
    return BBox(x0, top, x1, bottom)


def test_precedes_above_when_overlapping_horizontally():
    a, b = box(0, 0, 100, 10), box(50, 20, 150, 30)
    assert precedes(a, b, [a, b], 1) and not precedes(b, a, [a, b], 1)


def test_precedes_left_column_before_right_column():
    left, right = box(0, 0, 100, 200), box(120, 0, 220, 200)
    assert precedes(left, right, [left, right], 1) and not precedes(right, left, [left, right], 1)


def test_a_spanning_block_between_two_columns_breaks_left_to_right_precedence():
    upper_right = box(120, 0, 220, 100)
    lower_left = box(0, 200, 100, 300)
    spanning = box(0, 120, 220, 180)  # e.g. a title of the next article
    boxes = [upper_right, lower_left, spanning]
    assert not precedes(lower_left, upper_right, boxes, 1)
    assert precedes(lower_left, upper_right, [upper_right, lower_left], 1)


def test_topological_indices_is_a_permutation_even_with_overlapping_boxes():
    boxes = [box(0, 0, 100, 100), box(50, 50, 150, 150), box(20, 20, 130, 130), box(0, 200, 10, 210)]
    order = topological_indices(boxes)
    assert sorted(order) == [0, 1, 2, 3]


def test_column_of_names_the_single_column_holding_a_box():
    cols = [Column(0, 100), Column(120, 220)]
    assert column_of(box(10, 0, 90, 10), cols) == 0
    assert column_of(box(125, 0, 215, 10), cols) == 1
    assert column_of(box(0, 0, 220, 10), cols) == -1  # spans both
    assert column_of(box(300, 0, 400, 10), cols) == -1  # in none


def test_stacked_articles_with_a_one_column_heading_are_not_interleaved():
    first = [column(i, words(10 * i, 40), top=110)[0] for i in range(3)]
    second = [column(i, words(10 * i + 5, 40), top=420)[0] for i in range(3)]
    layout = lay_out(title("Første artikel om planen for de ældre") + title("Kort", baseline=400)
                     + sum(first, []) + sum(second, []))
    tops = [round(b.bbox.top) for b in layout.blocks]
    assert tops == sorted(tops, key=lambda top: top > 300)  # the whole first article first


def test_a_heading_in_an_exact_ratio_to_the_text_separates_alike_at_any_scale():
    """15 pt over 10 pt is exactly the band-heading ratio; scaled by 0.836 the float products
    differ in the last bit, and the heading must still separate the same bands (a case that
    hypothesis found)."""
    from conftest import scale_page, make_page, make_run, block_texts
    from olparse.pipeline import layout_page
    runs = []
    for x, x_for in ((49.85, 50.035410196624966), (224.92082039324993, 225.1062305898749),
                     (399.9916407864999, 399.87705098312483)):
        runs += [make_run("Kommunen har brug for en ny plan", x, 128.0), make_run("for", x_for, 140.0)]
    runs.append(make_run("Kommunen har brug for en ny plan for de ældre og det", 50.06246117974981, 182.0,
                         size=15.0, italic=True, advance=348.75 / 15 / 52))
    page = make_page(runs)
    assert block_texts(layout_page(scale_page(page, 0.8363094481963509))) == block_texts(layout_page(page))


def test_a_title_the_text_wraps_around_comes_first_and_cuts_no_column():
    """A display title set into two columns, whose lines end short of it on its left and start
    indented on its right: read in the flow, it came between the columns' upper and lower
    parts, and the first column's lower part after the second column's top."""
    from conftest import block_texts, lay_out, make_run
    runs, lead = [], 12.0
    for row in range(30):  # glyphs 5 pt wide: columns 40-205 and 225-340, a 20 pt gutter
        y = 80 + row * lead
        wrapped = 250 <= y <= 330
        runs.append(make_run(("aaaa bbbb cccc" if wrapped else "aaaa bbbb cccc dddd eeee ffff") + f" L{row:02d}", 40, y))
        runs.append(make_run(("gggg hhhh iiii" if wrapped else "gggg hhhh iiii jjjj") + f" R{row:02d}",
                             240 if wrapped else 225, y))
    title = [make_run("Stor", 145, 275, size=30), make_run("titel", 145, 310, size=30)]
    texts = block_texts(lay_out(runs + title))
    assert texts[0] == "Stor titel"
    first_col = [k for k, t in enumerate(texts) if " L" in t]
    second_col = [k for k, t in enumerate(texts) if " R" in t]
    assert max(first_col) < min(second_col)
