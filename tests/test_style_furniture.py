"""Document typography (body style) and page furniture (running heads, footers, folios, page map)."""

from __future__ import annotations

import pytest

from conftest import PAGE_W, lay_out, letterspaced_runs, make_rotated_run, make_run, set_line, typeset_column, words
from olparse.furniture import find_furniture, folio_of, infer_page_map, signature
from olparse.style import measure_style

FOOTER_BASELINE = 810


def body_page(number: int, footer: list | None = None, head: list | None = None, extra: list | None = None,
              n_words: int = 150):
    """A page of two body columns (10 pt, 12 pt leading) with optional margin runs."""
    left, _ = typeset_column([words(number, n_words)], 50, 100, 240)
    right, _ = typeset_column([words(number + 9, n_words)], 305, 100, 240)
    return lay_out(left + right + (footer or []) + (head or []) + (extra or []), number=number)


def footer(folio: int | None, text: str = "Offentlig Ledelse", left_page: bool = True):
    """A running footer: the folio at the outer edge, then the magazine's name."""
    runs = [make_run(text, 70 if left_page else 400, FOOTER_BASELINE, size=8)]
    if folio is not None:
        runs.insert(0, make_run(str(folio), 50 if left_page else 540, FOOTER_BASELINE, size=8))
    return runs


# --------------------------------------------------------------------------------- style
def test_body_style_is_the_character_weighted_mode():
    # many short caption blocks in 8 pt italic against fewer but longer 10 pt blocks
    captions = []
    for k in range(6):
        captions += typeset_column([words(k, 12)], 50 + 90 * k, 500, 80, size=8, italic=True)[0]
    body, _ = typeset_column([words(0, 120)], 50, 100, 240)
    title = set_line(["En", "ny", "plan", "for", "de", "ældre"], 50, 70, None, size=30, bold=True)
    layout = lay_out(body + captions + title)
    style = measure_style([layout])
    assert (style.body.size, style.body.italic, style.body.bold) == (10, False, False)
    assert style.body_size == 10
    assert style.body_leading == pytest.approx(12)
    assert style.size_ranks[0] == 30 and style.size_ranks[-1] == 8
    assert style.body_chars < style.total_chars


def test_body_style_counts_characters_not_blocks():
    captions = []
    for k in range(6):
        captions += typeset_column([words(k, 12)], 50 + 90 * k, 500, 80, size=8)[0]
    short_body, _ = typeset_column([words(0, 20)], 50, 100, 240)  # fewer characters than the captions
    style = measure_style([lay_out(short_body + captions)])
    assert style.body.size == 8


def test_body_style_of_a_document_without_text_is_the_fallback():
    style = measure_style([lay_out([])])
    assert style.body_size == 10.0 and style.body_chars == 0


def test_style_helpers_speak_in_body_sizes():
    style = measure_style([body_page(1)])
    assert style.is_body_size(10.5) and not style.is_body_size(12)
    assert style.ratio(20) == 2


# ----------------------------------------------------------------------------- furniture
def test_signature_ignores_digits_spaces_and_case():
    assert signature("12 Offentlig Ledelse") == signature("7 OFFENTLIG  LEDELSE") == "offentligledelse"
    assert signature("Offentlig Ledelse 01/2024 5") == signature("4 Offentlig Ledelse 01/2024")  # folio at either end
    assert signature("O f f e n t l i g") == signature("Offentlig")


@pytest.mark.parametrize("text, folio", [("12", 12), ("12 Offentlig Ledelse", 12), ("Offentlig Ledelse 7", 7),
                                         ("Offentlig Ledelse", None), ("Nr. 2024 i år", None)])
def test_folio_of_a_margin_text(text, folio):
    assert folio_of(text) == folio


@pytest.mark.parametrize("text, folio", [("- 2 -", 2), ("– 14 –", 14), ("Side 3", 3), ("Page 2 of 40", 2),
                                         ("side 4 af 12", 4), ("Seite 7 von 9", 7), ("2 -", None), ("1999", None),
                                         ("Side", None)])
def test_a_page_number_alone_in_its_usual_dress(text, folio):
    """Word processors and troff print ``- 2 -`` or ``Side 2 af 12``: a folio standing alone."""
    from olparse.furniture import FOLIO_ALONE
    match = FOLIO_ALONE.match(text)
    assert (int(match.group("n")) if match else None) == folio


def test_a_dashed_folio_at_the_head_of_the_page_is_furniture():
    pages = [body_page(n, head=[make_run(f"- {n} -", 290, 40, size=10)] if n > 1 else None) for n in range(1, 4)]
    furniture = find_furniture(pages, measure_style(pages))
    assert [(i.page, i.kind, i.folio) for i in furniture.items] == [(2, "folio", 2), (3, "folio", 3)]


def test_running_footer_with_folio_found_by_repetition():
    pages = [body_page(n, footer(n + 10, left_page=n % 2 == 0)) for n in range(1, 5)]
    furniture = find_furniture(pages, measure_style(pages))
    kinds = {(i.page, i.kind, i.folio) for i in furniture.items}
    assert {(n, "folio", n + 10) for n in range(1, 5)} <= kinds
    assert {(n, "running_footer", None) for n in range(1, 5)} <= kinds
    assert not [i for i in furniture.items if i.kind == "running_head"]
    assert furniture.page_map.printed == {n: n + 10 for n in range(1, 5)}


def test_running_footer_in_letterspaced_type_on_one_page_still_repeats():
    pages = [body_page(n, footer(n + 10)) for n in range(1, 4)]
    spaced = letterspaced_runs(["Offentlig", "Ledelse"], 70, FOOTER_BASELINE, size=8, tracking=4, per_glyph=True)
    pages.append(body_page(4, footer(14)[:1] + spaced))
    assert "Offentlig Ledelse" in [b.text for b in pages[-1].blocks]
    furniture = find_furniture(pages, measure_style(pages))
    assert (4, "running_footer") in {(i.page, i.kind) for i in furniture.items}


def test_running_footer_with_the_folio_in_the_same_line():
    pages = [body_page(n, [make_run(f"{n + 20} Offentlig Ledelse", 50, FOOTER_BASELINE, size=8)]) for n in range(1, 5)]
    furniture = find_furniture(pages, measure_style(pages))
    footers = [i for i in furniture.items if i.kind == "running_footer"]
    assert [(i.page, i.folio) for i in footers] == [(n, n + 20) for n in range(1, 5)]


def test_running_head_at_the_top_of_the_page():
    head = [make_run("TEMA: LEDELSE", 50, 40, size=8)]
    pages = [body_page(n, head=head) for n in range(1, 5)]
    furniture = find_furniture(pages, measure_style(pages))
    assert [(i.page, i.kind) for i in furniture.items] == [(n, "running_head") for n in range(1, 5)]


GROUPS = {1: "Drivhusgasser", 2: "Pesticider", 3: "Tungmetaller", 4: "Organiske stoffer"}


def test_a_repeated_line_under_each_page_s_own_heading_is_content():
    """A table's column head repeated at the top of every page, under a heading that changes
    from page to page: a running head is the outermost text of its page, so this is content."""
    pages = [body_page(n, head=[make_run(GROUPS[n], 50, 30, size=10),
                                make_run("GRÆNSER FOR UDLEDNING", 50, 52, size=8)]) for n in range(1, 5)]
    furniture = find_furniture(pages, measure_style(pages))
    assert not [i for i in furniture.items if i.kind == "running_head"]


def test_a_running_head_over_a_page_s_own_heading_is_still_furniture():
    pages = [body_page(n, head=[make_run("TEMA: LEDELSE", 50, 30, size=8),
                                make_run(GROUPS[n], 50, 52, size=10)]) for n in range(1, 5)]
    furniture = find_furniture(pages, measure_style(pages))
    assert [(i.page, i.text) for i in furniture.items if i.kind == "running_head"] == \
        [(n, "TEMA: LEDELSE") for n in range(1, 5)]


def test_a_running_head_split_by_a_wide_gap_on_some_pages_is_still_one():
    """``UE 8.`` and its chapter name: one block on some pages, two on others (the gap inside
    is as wide as a gutter). The row reads the same on every page."""
    whole = [make_run("UE 8. Circulation", 50, 40, size=8)]
    split = [make_run("UE 8.", 50, 40, size=8), make_run("Circulation", 100, 40, size=8)]
    heads_on = {1: whole, 2: whole, 3: split, 4: split}  # neither form alone on a quarter of 12 pages
    pages = [body_page(n, head=heads_on.get(n)) for n in range(1, 13)]
    furniture = find_furniture(pages, measure_style(pages))
    heads = {(i.page, i.text) for i in furniture.items if i.kind == "running_head"}
    assert heads == {(1, "UE 8. Circulation"), (2, "UE 8. Circulation"), (3, "UE 8."), (3, "Circulation"),
                     (4, "UE 8."), (4, "Circulation")}


def test_page_map_is_inferred_where_a_page_has_no_folio():
    pages = [body_page(n, footer(None if n == 3 else n + 10)) for n in range(1, 6)]
    furniture = find_furniture(pages, measure_style(pages))
    assert furniture.page_map.printed_of(3) == 13
    assert 3 not in furniture.page_map.found and 4 in furniture.page_map.found
    assert furniture.page_map.pdf_of(15) == 5


def test_page_map_follows_most_folios_over_a_stray_number():
    class Item:
        def __init__(self, page, folio):
            self.page, self.folio = page, folio
    page_map = infer_page_map([1, 2, 3, 4], [Item(1, 3), Item(2, 4), Item(3, 99), Item(4, 6)])
    assert page_map.printed == {1: 3, 2: 4, 3: 5, 4: 6}
    assert page_map.found == frozenset({1, 2, 4})


class FolioItem:
    def __init__(self, page, folio):
        self.page, self.folio = page, folio


def test_numbers_in_the_margins_that_agree_on_nothing_give_no_page_numbers():
    """A table's first row under a repeated table head (``10 1 1`` on one page, ``50`` on the
    next) is not a run of folios: no printed page is read from it."""
    page_map = infer_page_map([1, 2, 3], [FolioItem(2, 10), FolioItem(2, 1), FolioItem(2, 1), FolioItem(3, 50)])
    assert page_map.found == frozenset() and page_map.printed == {1: 1, 2: 2, 3: 3}


def test_a_page_with_several_margin_numbers_keeps_the_one_that_agrees():
    page_map = infer_page_map([1, 2, 3], [FolioItem(1, 7), FolioItem(2, 40), FolioItem(2, 8), FolioItem(3, 9)])
    assert page_map.found == frozenset({1, 2, 3}) and page_map.printed[2] == 8


def test_the_only_folio_of_a_document_counts():
    page_map = infer_page_map([1, 2], [FolioItem(1, 447)])
    assert page_map.found == frozenset({1}) and page_map.printed == {1: 447, 2: 448}


def test_margin_numbers_that_are_no_folios_stay_in_the_text():
    pages = [body_page(n, footer(n * 10 + 7)) for n in range(1, 4)]  # 17, 27, 37: no page sequence
    furniture = find_furniture(pages, measure_style(pages))
    assert not [i for i in furniture.items if i.kind == "folio"]
    assert not furniture.page_map.found


def test_without_folios_printed_pages_equal_pdf_pages():
    pages = [body_page(n) for n in range(1, 3)]
    furniture = find_furniture(pages, measure_style(pages))
    assert furniture.items == () and furniture.page_map.printed == {1: 1, 2: 2}


def test_a_big_title_repeated_on_two_pages_is_not_a_running_head():
    title = set_line(["Ledelse", "i", "en", "ny", "tid"], 50, 60, None, size=30, bold=True)
    pages = [body_page(n, extra=title) for n in range(1, 3)]
    furniture = find_furniture(pages, measure_style(pages))
    assert furniture.items == ()


def test_a_body_line_repeated_inside_the_text_is_not_furniture():
    quote = [make_run("Vi skal gøre det sammen.", 50, 400, size=10, italic=True)]
    pages = [body_page(n, extra=quote, n_words=40) for n in range(1, 4)]
    furniture = find_furniture(pages, measure_style(pages))
    assert furniture.items == ()


def side_number(number: int, page: int):
    """A lone number halfway down the outer margin, beside the two body columns (50-545)."""
    return [make_run(str(number), 560 if page % 2 else 20, 400, size=8)]


def test_a_folio_halfway_down_the_outer_margin_is_found():
    pages = [body_page(n, extra=side_number(n + 56, n)) for n in range(1, 5)]
    furniture = find_furniture(pages, measure_style(pages))
    assert [(i.page, i.text) for i in furniture.items if i.kind == "folio"] == [(1, "57"), (2, "58"), (3, "59"), (4, "60")]
    assert furniture.page_map.printed_of(1) == 57


def test_side_margin_numbers_out_of_sequence_are_no_folios():
    pages = [body_page(n, extra=side_number(n * 7, n)) for n in range(1, 5)]
    furniture = find_furniture(pages, measure_style(pages))
    assert not [i for i in furniture.items if i.kind == "folio"] and not furniture.page_map.found


def test_a_stamp_run_up_the_page_edge_on_every_page_is_furniture():
    """A repository's download stamp, set along the side edge of every page, is no text."""
    stamp = "Downloaded from https://example.org/journal/113 on 24 October 2023"
    pages = [body_page(n, extra=[make_rotated_run(stamp, PAGE_W - 10, 150, size=7)]) for n in range(1, 4)]
    furniture = find_furniture(pages, measure_style(pages))
    assert [(i.page, i.kind) for i in furniture.items] == [(1, "running_footer"), (2, "running_footer"),
                                                           (3, "running_footer")]


def test_text_turned_along_a_picture_inside_the_page_is_no_furniture():
    credit = "Foto: Karen Frost"
    pages = [body_page(n, extra=[make_rotated_run(credit, PAGE_W / 2, 150, size=7)]) for n in range(1, 4)]
    furniture = find_furniture(pages, measure_style(pages))
    assert not furniture.items


def test_text_as_far_out_as_a_one_page_documents_folio_is_its_head():
    """A one-page extract has no repetition: a line over its folio, or level with it, is the
    page's head band (``Downloaded from …``); a line below the folio is not."""
    head = [make_run("Downloaded from tidsskrift.dk on 12 July 2017", 150, 22, size=8), make_run("447", 530, 30, size=8)]
    page = body_page(1, head=head)
    furniture = find_furniture([page], measure_style([page]))
    assert sorted((i.kind, i.text) for i in furniture.items) == [
        ("folio", "447"), ("running_head", "Downloaded from tidsskrift.dk on 12 July 2017")]


def test_a_line_nearer_the_text_than_the_folio_is_no_head():
    head = [make_run("447", 530, 22, size=8), make_run("Et citat fra teksten her", 150, 62, size=8)]
    page = body_page(1, head=head)
    furniture = find_furniture([page], measure_style([page]))
    assert [(i.kind, i.text) for i in furniture.items] == [("folio", "447")]


def test_a_kicker_over_a_title_in_the_folio_band_stays():
    head = [make_run("TEMA", 50, 30, size=8), make_run("447", 530, 30, size=8)]
    title = set_line(["Ledelse", "i", "en", "ny", "tid"], 50, 62, None, size=30, bold=True)
    page = body_page(1, head=head, extra=title)
    furniture = find_furniture([page], measure_style([page]))
    assert [(i.kind, i.text) for i in furniture.items] == [("folio", "447")]
