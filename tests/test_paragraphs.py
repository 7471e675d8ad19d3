"""Paragraphs: the writer's paragraphs rebuilt from blocks, inside a block and across blocks."""

from __future__ import annotations

import pytest

from conftest import lay_out, make_page, make_run, sentence, set_line, typeset_column, words
from olparse.dehyphenate import Lexicon
from olparse.paragraphs import build_paragraphs, paragraph_spacing, split_block, uses_indents

LEXICON = Lexicon.from_texts([" ".join(words(0, 200)), "organisationen organisationen"])
W = 200


def body_blocks(*columns_of_runs, page: int = 1):
    """The blocks of one page, in reading order, each marked as body."""
    layout = lay_out([r for runs in columns_of_runs for r in runs], number=page)
    return [(b, "body") for b in layout.blocks]


def paragraph_words(paragraphs) -> list[list[str]]:
    return [p.text.split() for p in paragraphs]


def test_an_indented_line_starts_a_paragraph():
    col, _ = typeset_column([sentence(0, 40), sentence(40, 40)], 50, 100, W)
    found = build_paragraphs(body_blocks(col), LEXICON)
    assert paragraph_words(found) == [sentence(0, 40).split(), sentence(40, 40).split()]


def test_a_short_last_line_ends_a_paragraph_without_an_indent():
    col, _ = typeset_column([sentence(0, 40), sentence(40, 40)], 50, 100, W, indent=0)
    found = build_paragraphs(body_blocks(col), LEXICON)
    assert paragraph_words(found) == [sentence(0, 40).split(), sentence(40, 40).split()]


def test_a_paragraph_continues_across_a_column_break():
    left, _ = typeset_column([words(0, 60)], 50, 100, W, continues=True)
    right, _ = typeset_column([words(60, 30)], 270, 100, W)
    found = build_paragraphs(body_blocks(left, right), LEXICON)
    assert paragraph_words(found) == [words(0, 90).split()]


def test_a_new_block_starting_indented_is_a_new_paragraph():
    left, _ = typeset_column([words(0, 60)], 50, 100, W, continues=True)
    right, _ = typeset_column([words(60, 30)], 270, 100, W, first_indent=10)
    found = build_paragraphs(body_blocks(left, right), LEXICON)
    assert paragraph_words(found) == [words(0, 60).split(), words(60, 30).split()]


def test_a_paragraph_continues_across_a_page_break():
    first, _ = typeset_column([words(0, 60)], 50, 100, W, continues=True)
    second, _ = typeset_column([words(60, 30)], 50, 100, W)
    blocks = body_blocks(first, page=1) + body_blocks(second, page=2)
    [paragraph] = build_paragraphs(blocks, LEXICON)
    assert paragraph.text.split() == words(0, 90).split()
    assert paragraph.pages == (1, 2) and paragraph.page == 1


def test_a_hyphen_at_a_column_end_joins_the_word():
    left = set_line(["Vi", "har", "talt", "med", "hele", "organisa-"], 50, 100, W)
    right = set_line(["tionen", "om", "planen."], 270, 100, None)
    [paragraph] = build_paragraphs(body_blocks(left, right), LEXICON)
    assert paragraph.text == "Vi har talt med hele organisationen om planen."
    assert [d.action for d in paragraph.decisions] == ["join"]


def test_a_soft_hyphen_signal_joins_the_word():
    lines = [make_run("Vi har talt med hele organisa\u00ad", 50, 100), make_run("tionen om planen.", 50, 112)]
    [paragraph] = build_paragraphs(body_blocks(lines), LEXICON)
    assert paragraph.text == "Vi har talt med hele organisationen om planen."


def test_a_heading_is_its_own_paragraph_and_closes_the_one_before():
    left, _ = typeset_column([words(0, 30)], 50, 100, W, continues=True)
    head = set_line(["Mellemrubrik"], 50, 200, None, bold=True)
    right, _ = typeset_column([words(30, 30)], 50, 220, W)
    blocks = body_blocks(left) + [(b, "heading") for b, _ in body_blocks(head)] + body_blocks(right)
    found = build_paragraphs(blocks, LEXICON)
    assert [(p.kind, p.text.split()[0]) for p in found] == [("paragraph", words(0, 1)), ("heading", "Mellemrubrik"),
                                                            ("paragraph", words(30, 1))]


def test_an_end_mark_closes_the_paragraph_across_blocks():
    left = set_line(["Det", "var", "det", "hele", "om", "planen.", "■"], 50, 100, W)
    right = set_line(["Kommunen", "har", "en", "anden", "plan."], 270, 100, None)
    found = build_paragraphs(body_blocks(left, right), LEXICON)
    assert len(found) == 2 and found[0].end_mark and not found[1].end_mark


# --------------------------------------------------------------- space between paragraphs
def spaced_page():
    """Two paragraphs separated by space, the first ending in a full line; then a second column."""
    first, last = typeset_column([sentence(0, 40)], 50, 100, W, continues=True)
    second, _ = typeset_column([sentence(40, 40)], 50, last + 10, W)  # 18 pt below: 6 pt extra
    right, _ = typeset_column([words(80, 30)], 270, 100, W)
    return body_blocks(first + second, right)


def test_space_between_paragraphs_convention_starts_a_paragraph_under_a_gap():
    blocks = spaced_page()
    assert len(blocks) == 3  # the space split the left column into two blocks
    found = build_paragraphs(blocks, LEXICON, indent_convention=False)
    assert paragraph_words(found)[:2] == [sentence(0, 40).split(), sentence(40, 40).split()]


def test_a_sentence_end_at_a_column_foot_continues_only_under_the_indent_convention():
    # a full last line ending in a full stop, and the next column starting flush left: with
    # indents marking paragraphs this is one paragraph; with space marking them it is two
    left, _ = typeset_column([sentence(0, 40)], 50, 100, W, continues=True)
    right, _ = typeset_column([sentence(40, 30)], 270, 100, W)
    blocks = body_blocks(left, right)
    assert len(build_paragraphs(blocks, LEXICON, indent_convention=True)) == 1
    assert len(build_paragraphs(blocks, LEXICON, indent_convention=False)) == 2


def test_space_between_paragraphs_inside_one_block_splits_it():
    lines = [make_run("første linje i det", 50, 100), make_run("første afsnit her.", 50, 112),
             make_run("andet afsnit efter", 50, 127), make_run("et mellemrum her.", 50, 139)]
    [(block, _)] = body_blocks(lines)
    assert paragraph_spacing(block.lines) == [False, True, False, False]
    assert [len(p.lines) for p in split_block(block)] == [2, 2]


def test_document_convention_is_found_from_indents():
    indented, _ = typeset_column([sentence(0, 40), sentence(40, 40), sentence(80, 40)], 50, 100, W)
    spaced, _ = typeset_column([sentence(0, 40)], 50, 100, W, indent=0)
    assert uses_indents(b for b, _ in body_blocks(indented))
    assert not uses_indents(b for b, _ in body_blocks(spaced))


def test_word_gaps_are_measured_from_glyph_positions():
    from olparse.paragraphs import is_stretched, natural_word_gap, word_gap_em
    natural = make_run("et to tre", 50, 100, size=10.0, char_x=[50 + 5 * i for i in range(10)])
    wide = make_run("et to tre", 50, 100, size=10.0,
                    char_x=[50, 55, 60, 68, 73, 78, 86, 91, 96, 101])  # the spaces are 8 pt, not 5
    from conftest import make_page
    from olparse.lines import build_lines
    line_natural = build_lines(make_page([natural]))[0]
    line_wide = build_lines(make_page([wide]))[0]
    assert word_gap_em(line_natural) == 0.5
    assert word_gap_em(line_wide) == 0.8
    assert is_stretched(line_wide, 0.5) and not is_stretched(line_natural, 0.5)
    assert natural_word_gap([]) is None


def test_a_list_of_one_line_items_gives_one_paragraph_per_item():
    """Every line of the block starts with a bullet (none is indented against the others):
    each item is still its own paragraph, even after an item ending in a colon."""
    items = [["•", "Ved", "prøven", "gælder:"], ["•", "Første", "punkt", "på", "listen"],
             ["•", "Andet", "punkt", "på", "listen"]]
    runs = [r for k, item in enumerate(items) for r in set_line(item, 50, 100 + 14 * k, None)]
    found = build_paragraphs(body_blocks(runs), LEXICON)
    assert paragraph_words(found) == items


@pytest.mark.parametrize("line, following, expected", [
    ("in men makes up less than 1% of all breast cancers – only", "1 in 838 men will be diagnosed", True),
    ("surgery to remove the ovaries", "(oophorectomy) or, occasionally,", True),
    ("Medlemsavgift 2013: 275 kr/vuxna,", "150 kr t.o.m. 18 år.", True),
    ("ende på linjen", "fortsætter med lille", True),
    ("Læs mere om det.", "2 af 3 ledere svarer", False),  # a sentence ended
    ("Indhold", "2.2.4 Trennhilfen für die Silbentrennung", False),  # a numbered heading
    ("Trin et", "3) Vælg en leverandør", False),
    ("med en fodnote", "⁴Die Trennung der Muster", False),  # a footnote number
    ("Kontakt os", "Mandag til fredag", False),
])
def test_a_short_line_goes_on_only_into_what_continues_its_sentence(line, following, expected):
    from olparse.paragraphs import goes_on
    assert goes_on(line, following) is expected


def test_a_short_line_before_a_number_that_goes_on_does_not_end_the_paragraph():
    """A typesetter keeps ``1 in 838`` together and leaves the line above it short."""
    from olparse.paragraphs import split_block
    from olparse.pipeline import layout_page
    texts = ["About 120 men are diagnosed with breast cancer in Australia each",
             "year, and most of these men are over 50. Breast cancer in men",
             "makes up less than 1% of all breast cancers – only",
             "1 in 838 men will be diagnosed before the age of 85."]
    runs = [make_run(t, 50, 100 + 12 * k) for k, t in enumerate(texts)]
    (block,) = layout_page(make_page(runs)).blocks
    assert [len(p.lines) for p in split_block(block)] == [4]


def block_of(rows):
    """One block from ``(inset, text)`` rows (10 pt text, 12 pt leading, measure 300 pt)."""
    from olparse.pipeline import layout_page
    runs = []
    for k, (inset, text) in enumerate(rows):
        edges = [50 + inset + i * (300 - inset) / len(text) for i in range(len(text) + 1)]
        runs.append(make_run(text, 50 + inset, 100 + 12 * k, char_x=edges))
    (block,) = layout_page(make_page(runs)).blocks
    return block


def test_lines_set_around_a_picture_are_not_paragraph_starts():
    """Four full lines at an inset (text wrapped around an initial or a picture) run on into
    each other: only the first may start a paragraph."""
    block = block_of([(8, "Jul och nyårshelgen har precis passerat och"), (8, "det är dags att vända blad i almanackan och"),
                      (8, "innan jag gör det vill jag dock titta på den"), (8, "tid som varit under året som gått för oss"),
                      (0, "alla i förbundet och för våra medlemmar här.")])
    assert [len(p.lines) for p in split_block(block)] == [5]


def test_indented_one_line_paragraphs_that_end_sentences_stay_apart():
    block = block_of([(0, "Et andet nyttigt spørgsmål i processen er det her."),
                      (10, "Et andet nyttigt spørgsmål kan være dette her:"),
                      (10, "Hvad ser du selv som dine styrker som leder nu?"),
                      (10, "En seniorleder bør kende sine egne styrker godt"),
                      (0, "og turde stå ved dem i organisationen i dag.")])
    assert [len(p.lines) for p in split_block(block)] == [1, 1, 1, 2]


def test_a_bullet_at_the_top_of_a_column_starts_a_list_item():
    """A list item ending in a full stop at a column's foot does not run on into the next
    column's bullet, even under the indent convention (the bullet stands flush left)."""
    left, _ = typeset_column(["• " + sentence(0, 40)], 50, 100, W, continues=True)
    right, _ = typeset_column(["• " + sentence(40, 30)], 270, 100, W)
    found = build_paragraphs(body_blocks(left, right), LEXICON, indent_convention=True)
    assert paragraph_words(found) == [["•"] + sentence(0, 40).split(), ["•"] + sentence(40, 30).split()]


def _lines_at(texts, x0=50, size=9.0, font=None):
    """One run per line, ragged right, 10 pt apart."""
    style = {"font": font} if font else {}
    return [make_run(t, x0, 100 + 10 * k, size, **style) for k, t in enumerate(texts)]


def test_a_narrow_ragged_column_wraps_where_the_next_word_did_not_fit():
    """``Foto: Mads`` is short only because ``Claus`` did not fit after it."""
    texts = ["Natten til torsdag blev der", "skudt flere gange mod en bil", "ved Brabrand. Foto: Mads",
             "Claus Rasmussen fra Aarhus"]
    found = build_paragraphs(body_blocks(_lines_at(texts)), LEXICON)
    assert [p.text for p in found] == [" ".join(texts)]


@pytest.mark.parametrize("texts", [
    ["Natten til torsdag blev der", "skudt flere gange mod en bil", "ved Brabrand i går.",
     "Vidnerne gik hjem igen bagefter"],  # the short line ends a sentence
    ["Natten til torsdag blev der ved", "skudt flere gange mod en bil nu", "SKUD I NATTEN TIL FREDAG",
     "Vidnerne gik hjem igen bagefter"],  # a heading in capitals
    ["Kommunen har det godt i år", "og", "Brug for en ny plan i år"],  # the next word would have fitted
])
def test_a_short_line_still_ends_a_paragraph_where_the_next_word_is_no_reason(texts):
    assert len(build_paragraphs(body_blocks(_lines_at(texts)), LEXICON)) >= 2


def test_a_listing_in_a_typewriter_font_keeps_its_line_breaks():
    texts = [r"\usepackage[ngerman]{babel}", r"\selectlanguage", r"\begin{document}"]
    found = build_paragraphs(body_blocks(_lines_at(texts, font="LMMono10-Regular")), LEXICON)
    assert found[-1].text == r"\begin{document}"


def test_a_sentence_goes_on_under_a_float_even_after_a_one_line_piece():
    """One line of a paragraph above a pull-quote, shorter than the document's measure, and the
    rest under it starting in lower case: one paragraph (the measure alone would close it)."""
    above = make_run("Flere undersøgelser peger på, at", 50, 100)
    below, _ = typeset_column(["fleksibiliteten hænger tæt sammen med trivslen blandt de ansatte."], 50, 160, W)
    found = build_paragraphs(body_blocks([above], below), LEXICON, indent_convention=False, measure=W)
    assert len(found) == 1


@pytest.mark.parametrize("first", ["a) fleksibiliteten hænger sammen", "Fleksibiliteten hænger sammen"])
def test_a_list_item_or_a_capital_under_a_one_line_piece_starts_a_paragraph(first):
    above = make_run("Flere undersøgelser peger på, at", 50, 100)
    below, _ = typeset_column([first + " med trivslen blandt de ansatte."], 50, 160, W)
    found = build_paragraphs(body_blocks([above], below), LEXICON, indent_convention=False, measure=W)
    assert len(found) == 2


def hung_block(marker_inset: float, rows):
    """One block whose first line starts with a marker hung ``marker_inset`` points left of
    the text edge (50 + 12): ``rows`` are ``(inset, text)`` under it."""
    return block_of([(12 - marker_inset, rows[0][1])] + [(12 + inset, text) for inset, text in rows[1:]])


def test_a_note_with_its_number_hung_in_the_margin_is_one_paragraph():
    """``² Notiere, …`` with the number left of the text edge and the note's other lines at
    that edge: the lines under the first are not indented paragraph starts."""
    block = hung_block(9, [(0, "² Notiere, die Unterstützung ist zur Zeit noch in einem Stadium,"),
                           (0, "denn es fehlt an einer Schnittstelle zu anderen Paketen. In der"),
                           (0, "Anwendung führt das dazu, dass das Paket die Sprache erkennt,"),
                           (0, "aber nicht die Variante.")])
    assert [len(p.lines) for p in split_block(block)] == [4]


def test_a_bullet_hung_over_a_list_nested_under_it_keeps_the_nested_items_apart():
    """Under a hung bullet, items that start with a dash (or ``A.``) are a nested list: their
    own indents still part them."""
    from olparse.pipeline import layout_page
    rows = [(41, "• Une concentration urinaire de chlore élevée chez un patient"),
            (50, "ayant une contraction volémique suggère :"),
            (50, "– une prise de diurétique en cours ;"),
            (50, "– un syndrome de Bartter ou de Gitelman ;"),
            (50, "– ou une néphropathie avec perte de sel.")]
    runs = [make_run(text, x0, 100 + 12 * k) for k, (x0, text) in enumerate(rows)]
    (block,) = layout_page(make_page(runs)).blocks
    assert [len(p.lines) for p in split_block(block)][-3:] == [1, 1, 1]


def test_a_wider_line_of_centred_text_that_starts_with_a_number_does_not_hang():
    """``FREDAG DEN`` / ``5. FEBRUAR 2021`` centred: the second line is no hung item."""
    block = block_of([(20, "FREDAG DEN"), (0, "5. FEBRUAR 2021")])
    assert [len(p.lines) for p in split_block(block)] == [2]


def test_centred_lines_are_not_indents():
    """In centred type the left edge moves with each line's length: no line is indented, and
    the sentence runs on over the short lines."""
    from olparse.pipeline import layout_page
    texts = ["Planerar du en", "spelmansstämma eller", "spelträff? Meddela oss i",
             "styrelsen i god tid så vi får", "med den i kalendariet!"]
    runs = [make_run(t, 200 - len(t) * 2.5, 100 + 14 * k) for k, t in enumerate(texts)]
    (block,) = layout_page(make_page(runs)).blocks
    assert [len(p.lines) for p in split_block(block)] == [5]


def test_code_and_prose_do_not_run_into_each_other():
    """A command set in a typewriter font, ending in no full stop, and the prose block under
    it: two paragraphs, not one sentence."""
    code = [make_run(r"\usepackage{newspaper}", 50, 100, font="LMMono10-Regular")]
    prose, _ = typeset_column(["which redefines the page style of the first page at once."], 50, 130, W)
    found = build_paragraphs(body_blocks(code, prose), LEXICON)
    assert [p.text for p in found][0] == r"\usepackage{newspaper}"


def test_one_overfull_line_does_not_make_the_others_short():
    """TeX lets a long compound run an em or more into the margin rather than stretch a line:
    measured against that one line, every justified line would look short and end a paragraph
    at each full stop."""
    from olparse.pipeline import layout_page
    rows = [(10, "Det første afsnit begynder her med en lang linje", 300),
            (0, "som fortsætter i bredden af hele spalten her. Og", 300),
            (0, "en sætning slutter midt i linjen og går så videre.", 300),
            (0, "Arbejdsmiljøorganisationen bliver et langt ord ved", 335),
            (0, "kanten, og afsnittet går videre på næste linje. Så", 300),
            (0, "slutter det til sidst her.", 170)]
    runs = []
    for k, (inset, text, right) in enumerate(rows):
        edges = [50 + inset + i * (right - inset) / len(text) for i in range(len(text) + 1)]
        runs.append(make_run(text, 50 + inset, 100 + 12 * k, char_x=edges))
    (block,) = layout_page(make_page(runs)).blocks
    assert [len(p.lines) for p in split_block(block)] == [6]


# --------------------------------------------------------------------------- ragged type, marked paragraphs
def ragged_block(texts_and_steps):
    """One ragged block (5 pt a character, measure up to 200 pt) from ``(text, step before)``."""
    from olparse.pipeline import layout_page
    runs, baseline = [], 100.0
    for text, step in texts_and_steps:
        baseline += step
        runs.append(make_run(text, 50, baseline))
    (block,) = layout_page(make_page(runs)).blocks
    return block


def test_in_ragged_type_with_spaced_paragraphs_a_sentence_end_the_next_word_did_not_fit_after_runs_on():
    """Paragraphs set apart by space: ``… digitaliseringen.`` ends 35 pt short of the measure,
    and ``Medarbejderne`` (65 pt) did not fit there, so the line wrapped; no space follows it."""
    block = ragged_block([("Det handler om ledelse og om", 0), ("mere end digitaliseringen.", 12),
                          ("Medarbejderne skal have tid til", 12), ("det nye arbejde og til lidt", 12),
                          ("mere samtale om opgaven.", 12), ("Et nyt afsnit begynder her og", 15),
                          ("det går videre på en ny linje.", 12)])
    assert [len(p.lines) for p in split_block(block)] == [5, 2]


def test_in_ragged_type_a_sentence_end_the_next_word_would_have_fitted_after_ends_a_paragraph():
    """``… digitaliseringen.`` leaves room for ``Ja.``, and ``Ja.`` for ``Nej``: neither line was
    full, so each ended its paragraph, though no space follows them (a guard on the rule above)."""
    block = ragged_block([("Det handler om ledelse og om", 0), ("mere end digitaliseringen.", 12),
                          ("Ja.", 12), ("Nej og atter nej til det hele her", 12),
                          ("Et nyt afsnit begynder her og", 15), ("det går videre på en ny linje.", 12)])
    assert [len(p.lines) for p in split_block(block)][:2] == [2, 1]


def test_in_ragged_type_a_numbered_entry_after_a_full_line_starts_anew():
    """``1308.47 Control of … precursors.`` / ``1308.49``: a number starts the next entry."""
    block = ragged_block([("1308.46 Control required under the", 0), ("international treaty.", 12),
                          ("1308.47 Control of precursors.", 12), ("1308.49 Purpose of the hearing", 12),
                          ("and its record.", 15), ("1308.50 The last entry of all here", 12)])
    assert all(not p.lines[-1].text.startswith("1308.47") or len(p.lines) == 1 or p.lines[0].text.startswith("1308.47")
               for p in split_block(block))
    assert not any("precursors." in ln.text and i + 1 < len(p.lines) for p in split_block(block)
                   for i, ln in enumerate(p.lines))


def test_a_ragged_paragraph_set_apart_by_space_wraps_after_a_full_stop():
    """Paragraphs set apart by space are blocks of their own: the block under this one, a
    little space between, shows the mark, so ``… digitaliseringen.`` (``Medarbejderne`` did
    not fit after it) is a wrap inside the paragraph, not its end."""
    from olparse.paragraphs import build_paragraphs
    from olparse.pipeline import layout_page
    rows = [("Det handler om ledelse og om", 100), ("mere end digitaliseringen.", 112),
            ("Medarbejderne skal have tid til", 124), ("det nye arbejde og til lidt", 136),
            ("mere samtale om opgaven.", 148),
            ("Et nyt afsnit begynder her og", 166), ("det går videre på en ny linje", 178),
            ("og slutter til sidst her.", 190)]
    blocks = layout_page(make_page([make_run(t, 50, b) for t, b in rows])).blocks
    assert len(blocks) == 2  # the premise: the space splits the blocks
    found = build_paragraphs([(b, "body") for b in blocks], LEXICON)
    assert [len(p.lines) for p in found] == [5, 3]


# --------------------------------------------------------------------------- a tight rag
def test_a_tight_rag_is_ragged_though_few_lines_are_short():
    """Hyphenated ragged type ends most lines within an em or so of the measure, so few count
    as short; but their ends scatter, where justified lines end together."""
    from olparse.paragraphs import is_unjustified
    ends = [200, 192, 196.5, 188, 194, 190, 198, 185.5, 195]
    runs = []
    for k, end in enumerate(ends):
        text = "ordene her og der" if k % 2 else "ord der og her mere"
        runs.append(make_run(text, 50, 100 + 12 * k, char_x=[50 + i * (end - 50) / len(text) for i in range(len(text) + 1)]))
    assert is_unjustified(lay_out_lines(runs), 10.0)


def lay_out_lines(runs):
    from olparse.lines import build_lines
    return sorted(build_lines(make_page(runs)), key=lambda ln: ln.baseline)


@pytest.mark.parametrize("protrusion", [0.0, 3.0])
def test_justified_lines_are_not_a_tight_rag_with_or_without_optical_margins(protrusion):
    """Justified lines end together; with optical margins, those ending in a hyphen or a full
    stop stick out a little past the others, which still end together."""
    from olparse.paragraphs import is_unjustified
    texts = ["Der blev sagt meget om den nye", "plan for alle de ansatte i kom-", "munen og deres ledere i dag og",
             "i morgen og i overmorgen. Og så", "videre i det uendelige her og nu", "sagde hun til os alle sammen,",
             "og så var det slut med det."]
    runs = []
    for k, text in enumerate(texts):
        right = 250 + (protrusion if text[-1] in "-.," else 0)
        if k == len(texts) - 1:
            right = 50 + 5 * len(text)
        edges = [50 + i * (right - 50) / len(text) for i in range(len(text) + 1)]
        runs.append(make_run(text, 50, 100 + 12 * k, char_x=edges))
    assert not is_unjustified(lay_out_lines(runs), 10.0)


def test_a_ragged_block_whose_first_line_is_indented_wraps_after_a_full_stop():
    """The first-line indent of the block's own first line shows how paragraphs start, so
    ``… digitaliseringen.`` (``Medarbejderne`` did not fit after it) is a wrap."""
    from olparse.pipeline import layout_page
    rows = [(8, "Det handler om ledelse og"), (0, "mere end digitaliseringen."), (0, "Medarbejderne skal have tid til"),
            (0, "det nye arbejde og til lidt"), (0, "mere samtale om opgaven og")]
    runs = [make_run(t, 50 + inset, 100 + 12 * k) for k, (inset, t) in enumerate(rows)]
    (block,) = layout_page(make_page(runs)).blocks
    assert [len(p.lines) for p in split_block(block)] == [5]


def ragged_column_break(right_first_row: str):
    """The paragraphs of two ragged columns with indented paragraphs: the left one ends
    ``… om opgaven.`` 35 pt short of its measure; the right one starts unindented with
    ``right_first_row``."""
    left_rows = ["Det handler om ledelse og om det", "at mere end digitaliseringen er", "i spil for de fleste af os her",
                 "nu og for dem der kommer efter", "mere samtale om opgaven."]
    right_rows = [right_first_row, "det nye arbejde og til lidt mere", "samtale om det hele nu."]
    left = [make_run(t, 50 + (8 if k == 0 else 0), 100 + 12 * k) for k, t in enumerate(left_rows)]
    right = [make_run(t, 270, 100 + 12 * k) for k, t in enumerate(right_rows)]
    return build_paragraphs(body_blocks(left, right), LEXICON)


def test_ragged_type_goes_on_across_a_column_break_where_the_next_word_did_not_fit():
    """Ragged type with indented paragraphs: the left column ends ``… om opgaven.`` 35 pt short
    of its measure, and the right column starts unindented with ``Medarbejderne`` (65 pt): the
    line wrapped at the column's foot, and the paragraph goes on."""
    found = ragged_column_break("Medarbejderne skal have tid til")
    assert [len(p.lines) for p in found] == [8]


def test_ragged_type_ends_a_paragraph_at_a_column_break_where_the_next_word_would_have_fitted():
    """The same, but ``Ja`` would have fitted after ``… opgaven.``: the paragraph ended there."""
    found = ragged_column_break("Ja det skal de have tid til nu")
    assert [len(p.lines) for p in found] == [5, 3]


def spaced_paragraphs_and_a_wrapped_one(heading_at, body_at):
    """Two paragraphs a little space apart at x 50, a subheading at ``heading_at`` (x, baseline)
    and, at ``body_at`` (x, first baseline), one paragraph whose ``… digitaliseringen.``
    ends short because ``Medarbejderne`` did not fit after it: that block and the page's body
    blocks (the subheading left out)."""
    from olparse.pipeline import layout_page
    rows = [("Et afsnit om noget andet her og", 100), ("det slutter her på linjen.", 112),
            ("Et andet afsnit om noget her og", 130), ("det slutter også her.", 142)]
    runs = [make_run(t, 50, b) for t, b in rows]
    runs.append(make_run("Mellemrubrik", *heading_at, size=12, bold=True))
    x, top = body_at
    runs += [make_run(t, x, top + 12 * k) for k, t in enumerate(WRAPPED[0])]
    blocks = [b for b in layout_page(make_page(runs)).blocks if not b.lines[0].bold]
    return next(b for b in blocks if b.lines[0].text.startswith("Det handler")), blocks


def test_paragraphs_set_apart_by_space_show_it_across_a_heading():
    """The blocks above a subheading, set apart by a little space, show that paragraphs are
    marked by space in this column: the block under the heading holds one paragraph, and its
    ``… digitaliseringen.`` (``Medarbejderne`` did not fit) is a wrap."""
    from olparse.paragraphs import spaced_apart
    last, blocks = spaced_paragraphs_and_a_wrapped_one((50, 172), (50, 190))
    assert spaced_apart(last, blocks)
    assert [len(p.lines) for p in split_block(last, None, lambda: spaced_apart(last, blocks))] == [5]


def test_a_short_justified_line_at_a_column_foot_goes_on_where_the_next_word_did_not_fit():
    """Justified type with indented paragraphs: the left column ends with the one word
    ``Zusammenarbeitsformerne`` (no sentence end, 85 pt short), because ``Bundesverwaltungen``
    (90 pt) did not fit after it."""
    left, _ = typeset_column([words(0, 60)], 50, 100, W, continues=True)
    last = max(r.baseline for r in left)
    left.append(make_run("Zusammenarbeitsformerne", 50, last + 12))
    right = [make_run("Bundesverwaltungen nicht den ein der ist", 270, 100), make_run("im ein der wie nun.", 270, 112)]
    found = build_paragraphs(body_blocks(left, right), LEXICON)
    assert len(found) == 1


def test_a_bullet_hung_in_the_margin_does_not_mark_how_paragraphs_start():
    """A list item's bullet hangs left of its text: that marks the item, not paragraphs started
    by an indent, so ``… digitaliseringen.`` still ends a paragraph in this ragged block."""
    from olparse.pipeline import layout_page
    rows = [(-9, "• Det handler om ledelse og"), (0, "mere end digitaliseringen."), (0, "Medarbejderne skal have tid til"),
            (0, "det nye arbejde og til lidt"), (0, "mere samtale om opgaven og")]
    runs = [make_run(t, 59 + inset, 100 + 12 * k) for k, (inset, t) in enumerate(rows)]
    (block,) = layout_page(make_page(runs)).blocks
    assert [len(p.lines) for p in split_block(block)] == [2, 3]


def test_a_short_justified_line_ending_in_a_broken_word_goes_on_at_the_column_foot():
    """``… takeoff from Soekarno-`` ends a column short, and ``Hatta`` did not fit after it:
    the word and the paragraph go on in the next column."""
    left, _ = typeset_column([words(0, 60)], 50, 100, W, continues=True)
    last = max(r.baseline for r in left)
    left.append(make_run("takeoff fra Soekarno-", 50, last + 12))
    right = [make_run("Hattalufthavnsterminalen i det", 270, 100), make_run("hele taget og nu.", 270, 112)]
    found = build_paragraphs(body_blocks(left, right), LEXICON)
    assert len(found) == 1


# --------------------------------------------------------------------------- the type's own word space
def spaced_run(text: str, x0: float, baseline: float, space: float, advance: float = 5.0):
    """A run of ``advance``-wide glyphs whose word spaces are ``space`` points wide."""
    edges, x = [], x0
    for ch in text:
        edges.append(x)
        x += space if ch == " " else advance
    edges.append(x)
    return make_run(text, x0, baseline, char_x=edges)


@pytest.mark.parametrize("space, wraps", [(3.5, True), (2.5, False)])
def test_the_fit_test_counts_the_word_space_of_the_lines_own_type(space, wraps):
    """13 pt are left after ``… arbejde.``; ``Ja`` is 10 pt wide. With the font's spaces 3.5 pt
    wide (0.35 em, as in DejaVu Serif) ``Ja`` did not fit, and the line was a wrap; with 2.5 pt
    spaces it would have fitted."""
    from olparse.paragraphs import next_word_overflows
    line, following = lay_out_lines([spaced_run("om det nye arbejde.", 50, 100, space),
                                     spaced_run("Ja det er det", 50, 112, space)])
    assert next_word_overflows(line, following, line.bbox.x1 + 13.0, sentences=True) is wraps


def lines_ending_at(ends, spaces, texts=("ord der og her mere", "ordene her og der")):
    """Lines from x = 50 to each of ``ends``, the word spaces of line k ``spaces[k]`` points
    wide, the letters filling the rest; the texts alternate."""
    runs = []
    for k, (end, space) in enumerate(zip(ends, spaces)):
        text = texts[k % 2]
        letters, gaps = len(text.replace(" ", "")), text.count(" ")
        runs.append(spaced_run(text, 50, 100 + 12 * k, space, (end - 50 - gaps * space) / letters))
    return lay_out_lines(runs)


def test_ragged_lines_that_happen_to_end_together_are_ragged_by_their_even_word_spaces():
    """Half of these lines end within 0.2 em of one another, as justified lines would, but
    every line spaces its words alike: justification would have stretched each by what it
    lacks. The same ends with spaces that differ from line to line read as justified."""
    from olparse.paragraphs import is_unjustified
    ends = [200, 199.9, 186, 199.8, 190, 199.95, 188, 195]
    assert is_unjustified(lines_ending_at(ends, [2.5] * len(ends)), 10.0)
    assert not is_unjustified(lines_ending_at(ends, [2.5 + 0.4 * k for k in range(len(ends))]), 10.0)


def test_even_word_spaces_do_not_make_lines_set_one_by_one_ragged():
    """Verse, a list or contents entries space their words alike too, but each line starts
    with a capital or a number: nothing says they wrap, and where they end together they keep
    their breaks as before."""
    from olparse.paragraphs import is_unjustified
    ends = [200, 199.9, 186, 199.8, 190, 199.95, 188, 195]
    lines = lines_ending_at(ends, [2.5] * len(ends), texts=("Ord der og her mere", "12 ordene her og der"))
    assert not is_unjustified(lines, 10.0)


def justified_column_foot(last_line_space: float):
    """Two columns, paragraphs marked by space: the left column's last line ends a sentence
    and fills the measure with word spaces ``last_line_space`` points wide; the right column
    starts flush left at its head."""
    rows = ["Der blev sagt meget om den nye plan for", "alle de ansatte i kommunen og deres", "ledere i dag og i morgen her."]
    left = []
    for k, text in enumerate(rows):
        words_ = text.split()
        if k < len(rows) - 1:
            left += set_line(words_, 50, 100 + 12 * k, W)
        else:
            letters, gaps = len(text.replace(" ", "")), text.count(" ")
            left.append(spaced_run(text, 50, 100 + 12 * k, last_line_space, (W - gaps * last_line_space) / letters))
    right = [make_run("Og så videre i det uendelige", 270, 100), make_run("her og nu.", 270, 112)]
    return build_paragraphs(body_blocks(left, right), LEXICON, indent_convention=False, natural_gap=0.25)


def test_a_stretched_line_at_a_column_foot_goes_on_where_space_marks_paragraphs():
    """Where space marks paragraphs, one that starts at a column's head shows no mark; but the
    last line of the column before is stretched (word spaces 0.9 em against the natural
    0.25 em), and justification does not stretch a paragraph's last line: it goes on."""
    assert len(justified_column_foot(9.0)) == 1
    assert len(justified_column_foot(2.5)) == 2  # set at its natural spacing: it may end there


# --------------------------------------------------------------------------- the document's conventions
def wrap_rows(rows):
    """One block of rows (5 pt a character, 12 pt apart) as a body block."""
    from olparse.pipeline import layout_page
    (block,) = layout_page(make_page([make_run(t, 50, 100 + 12 * k) for k, t in enumerate(rows)])).blocks
    return [(block, "body")]


def test_a_ragged_block_without_an_indent_of_its_own_wraps_where_the_document_indents():
    """The rest of a paragraph at a column's head shows no indent, but the document's body
    starts its paragraphs with one: ``… digitaliseringen.`` with ``Medarbejderne`` (65 pt)
    not fitting after it is a wrap."""
    blocks = wrap_rows(["Det handler om ledelse og om", "mere end digitaliseringen.", "Medarbejderne skal have tid til",
                        "det nye arbejde og til lidt", "mere samtale om opgaven og"])
    assert len(build_paragraphs(blocks, LEXICON, indents_seen=True)) == 1
    assert len(build_paragraphs(blocks, LEXICON)) == 2


def test_a_block_too_small_to_show_its_rag_is_ragged_where_the_body_is():
    """Three lines say nothing of a rag; in a ragged body they are ragged too, so the full
    stop that ``Medarbejderne`` did not fit after is a wrap."""
    blocks = wrap_rows(["mere end digitaliseringen.", "Medarbejderne skal have tid til", "det nye arbejde og til lidt"])
    assert len(build_paragraphs(blocks, LEXICON, indents_seen=True, ragged_body=True)) == 1
    assert len(build_paragraphs(blocks, LEXICON, indents_seen=True)) == 2


def test_the_body_is_ragged_where_most_of_its_large_blocks_are():
    from olparse.paragraphs import is_ragged_body
    from olparse.pipeline import layout_page
    ragged = ["Det handler om ledelse og om", "mere end digitaliseringen i", "dag og i morgen for os", "det nye arbejde og til lidt",
              "mere samtale om opgaven og", "om det som vi gør", "i hverdagen og når det", "gælder."]
    left = [make_run(t, 50, 100 + 12 * k) for k, t in enumerate(ragged)]
    right = [make_run(t, 270, 100 + 12 * k) for k, t in enumerate(ragged)]
    blocks = layout_page(make_page(left + right)).blocks
    assert is_ragged_body(blocks)
    left, _ = typeset_column([words(0, 90)], 50, 100, W, continues=True)
    right, _ = typeset_column([words(90, 90)], 270, 100, W, continues=True)
    justified = layout_page(make_page(left + right)).blocks
    assert len(justified) == 2 and not is_ragged_body(justified)


def test_a_block_in_other_type_does_not_continue_the_paragraph_before_it():
    """A figure's caption (9 pt) at the head of the next column, after a body line (10 pt)
    that ends no sentence: the caption is no part of the body's sentence. The same line in the
    body's size goes on, and so do lines of one font in other sizes (an OCR layer sizes each
    line by its own box) and a line that starts in lower case."""
    from olparse.pipeline import layout_page
    body = [make_run(t, 50, 100 + 12 * k) for k, t in enumerate(
        ["Det handler om ledelse og om det", "mere end digitaliseringen i dag", "og i morgen for os alle sammen",
         "og det nye arbejde og til lidt"])]
    for size, expected in ((9.0, 2), (10.0, 1)):
        head = [make_run("Figur 2. Sådan går det", 270, 100, size=size, font="Caption-Italic")]
        blocks = layout_page(make_page(body + head)).blocks
        assert len(build_paragraphs([(b, "body") for b in blocks], LEXICON)) == expected, size
    ocr = layout_page(make_page(body + [make_run("Figur 2. Sådan går det", 270, 100, size=9.0)])).blocks
    assert len(build_paragraphs([(b, "body") for b in ocr], LEXICON)) == 1
    lower = layout_page(make_page(body + [make_run("sammen med en bold", 270, 100, size=9.0, font="Bold")])).blocks
    assert len(build_paragraphs([(b, "body") for b in lower], LEXICON)) == 1  # a lower-case start goes on


def test_a_small_block_in_a_ragged_body_wraps_into_the_next_column_after_a_full_stop():
    """Four lines at a column's foot, the last ``kan vi så.``: too few to show a rag, but the
    body is ragged, so the room left on that line counts. ``Beslutningsprocesserne`` (110 pt)
    at the next column's head would not have fitted there: the paragraph goes on."""
    from olparse.pipeline import layout_page
    left = [make_run(t, 50, 100 + 12 * k) for k, t in enumerate(
        ["Det handler om ledelse og om", "mere end digitaliseringen i", "dag og i morgen for os alle", "kan vi så."])]
    right = [make_run(t, 270, 100 + 12 * k) for k, t in enumerate(
        ["Beslutningsprocesserne om", "det nye arbejde og til lidt", "mere samtale om opgaven."])]
    blocks = [(b, "body") for b in layout_page(make_page(left + right)).blocks]
    assert len(build_paragraphs(blocks, LEXICON, ragged_body=True)) == 1
    assert len(build_paragraphs(blocks, LEXICON)) == 2


def test_a_line_broken_before_a_word_that_clearly_fitted_ends_its_paragraph():
    """A small block's last line in a ragged body ends no sentence (a caption's, a heading's
    second line): where the next column's first word would have fitted on it with an em to
    spare, the line did not run out of room, and the next block starts a paragraph of its
    own. Where the word did not fit, the sentence goes on."""
    from olparse.pipeline import layout_page
    left = [make_run(t, 50, 100 + 12 * k) for k, t in enumerate(["Figur 2. Sådan går det med", "ledelse i kommunen"])]
    for first, expected in (("Det", 2), ("Beslutningsprocesserne", 1)):
        right = [make_run(t, 270, 100 + 12 * k) for k, t in enumerate(
            [f"{first} nye arbejde og til lidt", "mere samtale om opgaven og", "om det som vi gør."])]
        blocks = [(b, "body") for b in layout_page(make_page(left + right)).blocks]
        assert len(build_paragraphs(blocks, LEXICON, ragged_body=True)) == expected, first


def test_a_raised_note_mark_after_a_full_stop_still_ends_the_sentence():
    from olparse.paragraphs import ends_sentence
    assert ends_sentence("diagnosed by the age of 85.²") and ends_sentence("were addressed.⁴ ")
    assert not ends_sentence("the strategy²") and not ends_sentence("med")


def justified_narrow_block():
    """A narrow justified column (measure 160 pt, 5 pt a character) set without hyphenation:
    ``digitaliseringsstrategien.`` stands alone on a short line because ``Medarbejderne`` (65 pt)
    did not fit after it; justification cannot stretch a line of one word."""
    from olparse.pipeline import layout_page
    texts = ["Det handler om det vi", "gør og om mere end", "digitaliseringsstrategien.", "Medarbejderne skal", "have tid til det nye",
             "arbejde i morgen her."]
    runs = []
    for k, text in enumerate(texts):
        y = 100 + 12 * k
        if k in (0, 1, 3, 4):
            runs.extend(set_line(text.split(), 50, y, 160))
        else:
            runs.append(make_run(text, 50, y))
    (block,) = layout_page(make_page(runs)).blocks
    return block


def test_without_hyphenation_a_sentence_end_the_next_word_did_not_fit_after_is_a_wrap():
    """In type set without hyphenation a line ends only where the next word did not fit, after
    a full stop too; where words are hyphenated, part of it might have fitted, and the short
    line that ends a sentence ends the paragraph, as before."""
    block = justified_narrow_block()
    assert [len(p.lines) for p in split_block(block, wraps_sentences=True)] == [6]
    assert [len(p.lines) for p in split_block(block)] == [3, 3]
    one = build_paragraphs([(block, "body")], LEXICON, indent_convention=False, hyphenated=False)
    assert len(one) == 1


def test_a_document_hyphenates_where_a_line_end_hyphen_is_joined():
    """``grundlæg-``/``gende`` is a typesetter's break (the lexicon has the whole word); a line
    that ends at a word's own hyphen (``Høje-``/``Taastrup``) says nothing of hyphenation."""
    from olparse.paragraphs import hyphenates
    lexicon = Lexicon.from_texts(["det grundlæggende arbejde i Høje-Taastrup og grundlæggende"])
    joined = body_blocks([make_run("det er det grundlæg-", 50, 100), make_run("gende arbejde i dag", 50, 112)])
    kept = body_blocks([make_run("det er det i Høje-", 50, 100), make_run("Taastrup i dag og nu", 50, 112)])
    assert hyphenates([b for b, _ in joined], lexicon)
    assert not hyphenates([b for b, _ in kept], lexicon)


def test_paragraphs_set_apart_by_space_in_another_column_mark_this_one():
    """A column that holds one long paragraph between a heading and the page's foot shows no
    space of its own; the column beside it, two paragraphs a little space apart, shows that
    the page sets paragraphs apart by space, so ``… digitaliseringen.`` (``Medarbejderne``
    did not fit after it) is a wrap here too."""
    from olparse.paragraphs import spaced_apart
    block, blocks = spaced_paragraphs_and_a_wrapped_one((300, 100), (300, 118))
    assert spaced_apart(block, blocks)
    assert [len(p.lines) for p in split_block(block, None, lambda: spaced_apart(block, blocks))] == [5]


def spaced_column(x0, top, paragraphs):
    """Ragged paragraphs (lists of lines) at ``x0`` from ``top``, 12 pt line steps, 6 pt of
    space between paragraphs."""
    runs, baseline = [], top
    for lines in paragraphs:
        for text in lines:
            runs.append(make_run(text, x0, baseline))
            baseline += 12
        baseline += 6
    return runs


WRAPPED = [("Det handler om ledelse og om", "mere end digitaliseringen.", "Medarbejderne skal have tid til",
            "det nye arbejde og til lidt", "mere samtale om opgaven nu.")]


def test_paragraphs_set_apart_by_space_on_other_pages_mark_a_page_without_a_space():
    """A page whose one paragraph shows no space of its own: the document's other pages set
    their paragraphs apart by space, and no paragraph ends unmarked inside a block, so
    ``… digitaliseringen.`` (``Medarbejderne`` did not fit after it) is a wrap here too."""
    from olparse.paragraphs import uses_spacing
    from olparse.pipeline import layout_page
    other = [("Et afsnit om noget andet her og", "det slutter her på linjen."),
             ("Et andet afsnit om noget her og", "det slutter også her."), ("Et tredje afsnit her.",)]
    first = layout_page(make_page(spaced_column(50, 100, other), number=1)).blocks
    second = layout_page(make_page(spaced_column(50, 100, WRAPPED), number=2)).blocks
    assert uses_spacing(list(first) + list(second))
    found = build_paragraphs([(b, "body") for b in (*first, *second)], LEXICON, False, spacing_seen=True)
    assert [len(p.lines) for p in found] == [2, 2, 1, 5]


def test_paragraphs_left_unmarked_inside_blocks_show_that_space_is_not_the_mark():
    """Articles set apart by space, paragraphs by nothing (papertex's ragged newspaper): a
    sentence end short of the measure, where the next word would have fitted, ends a paragraph
    inside a block, so space between blocks does not say that paragraphs are set apart by it."""
    from olparse.paragraphs import uses_spacing
    from olparse.pipeline import layout_page
    unmarked = [("Et afsnit om noget her og der.", "Ja.", "Et andet afsnit om noget her.", "Nej.",
                 "Et tredje afsnit her og der.", "Måske.")] * 3
    blocks = layout_page(make_page(spaced_column(50, 100, unmarked))).blocks
    assert len(blocks) == 3
    assert not uses_spacing(list(blocks))


def test_a_deep_wrap_that_begins_mid_paragraph_starts_no_paragraph():
    """Lines set around a title or a picture in the column, inset deeper than any paragraph
    indent, after a full line that ends no sentence: the paragraph runs on through them."""
    block = block_of([(0, "Jag kommer också under nästa år att behöva sätta in"), (0, "slutspurten för min avhandling och därför har jag"),
                      (60, "beslutat mig för att inte ställa upp för"), (60, "omval till ordförande vid det kommande"),
                      (60, "årsmötet och det vet ni som känner mig"), (0, "väl, för när jag är med så går jag in fullt ut.")])
    assert [len(p.lines) for p in split_block(block)] == [6]


def test_a_shallow_inset_run_after_a_full_line_may_still_start_a_paragraph():
    """A list's or a contents page's indent is a pica or two: its first line keeps its start."""
    block = block_of([(0, "Reglerne gælder for de følgende stoffer i listen"), (20, "første stof i listen med et langt navn og mere"),
                      (20, "andet stof i listen med et langt navn og mere"), (20, "tredje stof i listen med et langt navn og mere"),
                      (0, "og for alle andre der nævnes i bilaget her.")])
    assert len(split_block(block)[0].lines) == 1
