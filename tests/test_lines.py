"""Lines: runs grouped into printed lines, one column wide, on synthetic geometry.

Glyphs are 0.5 em wide and word spaces 0.25 em (see ``conftest``), so at 10 pt a word of n
letters is 5n points wide.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import (letterspaced_runs, make_page, make_rotated_run, make_run, scale_page, scale_run,
                      set_line, typeset_column, words)
from olparse.lines import build_lines
from olparse.normalize import normalize_page


def lines_of(runs):
    """Lines of a page holding ``runs``, top to bottom and left to right."""
    found = build_lines(normalize_page(make_page(runs)))
    return sorted(found, key=lambda ln: (round(ln.baseline, 3), ln.bbox.x0))


def texts(runs) -> list[str]:
    return [ln.text for ln in lines_of(runs)]


def column_of_line(line, gutter_x: float) -> str:
    """"left", "right" or "both" for a line against a gutter at ``gutter_x``."""
    if line.bbox.x1 <= gutter_x:
        return "left"
    if line.bbox.x0 >= gutter_x:
        return "right"
    return "both"


# ------------------------------------------------------------------------------- one row
def test_runs_on_one_baseline_form_one_line():
    runs = [make_run("Kommunen", 50, 100), make_run("har", 92.5, 100.4, italic=True),
            make_run("en plan", 110, 99.8)]
    [line] = lines_of(runs)
    assert line.text == "Kommunen har en plan"
    assert line.bbox.x0 == 50 and line.bbox.x1 == 145
    assert line.font == "Serif-Regular" and not line.italic  # the style of most characters


def test_runs_set_tight_join_without_a_space():
    assert texts([make_run("Kommu", 50, 100), make_run("nen", 75, 100)]) == ["Kommunen"]


def test_spaces_typed_twice_are_one_space():
    """``Sverige.  Det`` (two spaces after a stop) and a gap left by a deleted word read as
    one space; the line's edges stay those of its glyphs."""
    typed = "i denna del av  Sverige.  Det blev"
    [line] = lines_of([make_run(typed, 50, 100)])
    assert line.text == "i denna del av Sverige. Det blev"
    assert (line.bbox.x0, line.bbox.x1) == (50, 50 + len(typed) * 5)


def test_lines_on_different_baselines_stay_apart():
    assert texts([make_run("første linje", 50, 100), make_run("anden linje", 50, 112)]) == \
        ["første linje", "anden linje"]


# ---------------------------------------------------------------------------- gutters
def two_columns(gutter: float, width: float = 200, per_word: bool = True, right_paragraphs=None):
    left, _ = typeset_column([words(0, 70)], 50, 100, width, per_word=per_word)
    paragraphs = right_paragraphs or [words(20, 70)]
    right, _ = typeset_column(paragraphs, 50 + width + gutter, 100, width, per_word=per_word)
    return left, right


@pytest.mark.parametrize("gutter", [8, 12, 18])
def test_a_narrow_gutter_splits_every_row_into_two_lines(gutter):
    left, right = two_columns(gutter)
    found = lines_of(left + right)
    gutter_x = 250 + gutter / 2
    assert [column_of_line(ln, gutter_x) for ln in found].count("both") == 0
    assert len(found) == len({r.baseline for r in left}) + len({r.baseline for r in right})


def test_gutter_is_found_even_when_justified_word_spaces_are_wider_than_it():
    # justified 180 pt columns stretch word spaces up to 1.1 em; the gutter is 0.8 em
    left, right = two_columns(gutter=8, width=180)
    spaces = [b.bbox.x0 - a.bbox.x1 for col in (left, right) for a, b in zip(col, col[1:])
              if a.baseline == b.baseline]
    assert max(spaces) >= 7.5  # the premise: word spaces as wide as the gutter exist
    found = lines_of(left + right)
    assert all(column_of_line(ln, 50 + 180 + 4) != "both" for ln in found)


def test_a_page_number_in_the_gutter_below_does_not_bridge_it():
    """The last rows of two columns a 1 em gutter apart, the left one under a heading (so the
    rows above show only the right column), and the folio centred in the gutter lines below:
    the folio is no text crossing the gutter."""
    from conftest import make_run
    left_last = make_run("Beslutningerne med ansvar i område lederen gø-", 50, 660)
    right_rows = [make_run("ger nogle vi ledere til uden der året styrings-", left_last.bbox.x1 + 10, 648),
                  make_run("modellerne vi de mange sygeplejersker i dag", left_last.bbox.x1 + 10, 660)]
    heading = make_run("Afsnit 3", 50, 637, size=12)
    below = [make_run("re hvordan krav gode der også hele gøre til", 50, 672),
             make_run("ne og socialrådgiverne i dag og i morgen", left_last.bbox.x1 + 10, 672)]
    folio = make_run("2", left_last.bbox.x1 + 2.5, 700)
    found = [ln.text for ln in lines_of([left_last, heading, folio] + right_rows + below)]
    assert "Beslutningerne med ansvar i område lederen gø-" in found


def stretched_rows(first_row_words):
    """A column (240 pt) of justified lines, one run each; the middle line holds
    ``first_row_words``, a run each, spread evenly over the measure (a loose line)."""
    from conftest import make_run
    normal = ["Der blev sagt meget om den nye plan for", "alle de ansatte i kommunen og deres",
              "ledere i dag og i morgen og i overmorgen", "og så videre i det uendelige her nu"]
    runs = []
    for k, text in enumerate(normal[:2] + [None] + normal[2:]):
        baseline = 100 + 12 * k
        if text is None:
            widths = [len(w) * 5 for w in first_row_words]
            gap = (240 - sum(widths)) / (len(first_row_words) - 1)
            x = 50
            for word, width in zip(first_row_words, widths):
                runs.append(make_run(word, x, baseline))
                x += width + gap
        else:
            runs.extend(set_line(text.split(), 50, baseline, 240))
    return runs


def test_a_loose_line_of_evenly_spread_words_stays_one_line():
    """``hjemmeplejen   ikke   organisationsforandrin-`` spread over a narrow measure, its
    gaps wider than a gutter: equal gaps between single words, in a paragraph whose lines
    cross them, are word spaces."""
    found = texts(stretched_rows(["plejen", "ikke", "organisationsforandrin-"]))
    assert "plejen ikke organisationsforandrin-" in found


def test_a_loose_line_of_two_long_words_stays_one_line():
    """``Handicapområdet            kompetenceudvikling``: two words forced to both edges of the
    measure, one gap to compare with nothing, in a paragraph whose lines cross it."""
    found = texts(stretched_rows(["Handicapområdet", "kompetenceudvikling"]))
    assert "Handicapområdet kompetenceudvikling" in found


def test_a_loose_line_stays_whole_beside_a_column_on_other_baselines():
    """MuPDF's Story sets each column on baselines of its own: rows of the column to the left
    fall between this column's rows. They leave the loose line's gaps open (they end far to the
    left) and say nothing about them: ``mere   vi   flere`` is still one line."""
    from dataclasses import replace
    from conftest import make_run
    from olparse.geometry import BBox
    right_column = [replace(r, bbox=BBox(r.bbox.x0 + 260, r.bbox.top, r.bbox.x1 + 260, r.bbox.bottom),
                            char_x=tuple(x + 260 for x in r.char_x))
                    for r in stretched_rows(["mere", "vi", "flere"])]
    left_column = [make_run("når er skal ledere alle hvor", 50, 94 + 12 * k) for k in range(6)]
    found = texts(right_column + left_column)
    assert "mere vi flere" in found
    assert "når er skal ledere alle hvor" in found


def test_a_loose_pair_whose_line_end_hyphen_hangs_past_the_measure_stays_one_line():
    """``Handicapområdet            kompetenceudvik-`` with the hyphen hung outside the measure
    (optical margins; Pango does not count the hyphen it adds at a soft hyphen): the word's
    letters end where the other lines end, so the pair still fills the measure."""
    from conftest import make_run
    runs = stretched_rows(["Handicapområdet", "kompetenceudvikling"])
    pair = [r for r in runs if r.text in ("Handicapområdet", "kompetenceudvikling")]
    right = pair[1]
    hyphenated = "kompetenceudvik-"
    x0 = right.bbox.x1 - 5 * (len(hyphenated) - 1)  # the letters end at the measure, the hyphen 5 pt past it
    runs[runs.index(right)] = make_run(hyphenated, x0, right.baseline)
    assert "Handicapområdet kompetenceudvik-" in texts(runs)


@pytest.mark.parametrize("words", [["Nye", "COVID-19-pandemien", "samarbejdet"], ["gøre", "leder?", "Ledelsen"]])
def test_a_loose_line_of_words_with_digits_or_punctuation_stays_one_line(words):
    """A word with a digit or a question mark in it is still a word of the loose line."""
    assert " ".join(words) in texts(stretched_rows(words))


def loose_column(rows, measure=150.0, x0=50.0):
    """A narrow justified column (``measure`` pt) in which every row of ``rows`` (a list of
    words) is spread evenly over the measure, one run a word, as a justifier sets loose lines:
    a one-word row stays at the left. 5 pt a character, 12 pt line steps."""
    from conftest import make_run
    runs = []
    for k, row in enumerate(rows):
        baseline = 100 + 12 * k
        widths = [5 * len(w) for w in row]
        gap = (measure - sum(widths)) / (len(row) - 1) if len(row) > 1 else 0
        x = x0
        for word, width in zip(row, widths):
            runs.append(make_run(word, x, baseline))
            x += width + gap
    return runs


#: Loose lines stacked in a narrow column: no line around crosses another's gaps.
LOOSE_STACK = [["nogle", "flere", "som", "gøre", "arbejde"], ["myndighedsafdelingen", "en"],
               ["beslutningsprocesserne.", "Alle"], ["beslutningsprocesserne"], ["beslutningsprocessen", "gøre"],
               ["kompetenceudvikling", "når", "mellem"], ["organisationsforandringer"]]


def test_loose_lines_among_loose_lines_stay_whole_where_the_next_word_did_not_fit():
    """``myndighedsafdelingen      en``: the lines around are loose too, so none crosses the
    gap, but ``beslutningsprocesserne.`` below would not have fitted in it: a justified line
    forced apart, not two cells of a table. So for three words evenly spread."""
    found = texts(loose_column(LOOSE_STACK))
    for row in LOOSE_STACK:
        assert " ".join(row) in found


def test_a_table_with_a_right_aligned_column_keeps_its_cells_apart():
    """A two-column table, the second column set flush right to the measure: each row looks
    like two words forced apart, but the next row's first cell would have fitted in the gap."""
    from conftest import make_run
    rows = [("Formand", "Hansen"), ("Kasserer", "Jensen"), ("Sekretær", "Nielsen"), ("Medlem", "Olsen")]
    runs = [make_run(left, 50, 100 + 12 * k) for k, (left, _) in enumerate(rows)]
    runs += [make_run(right, 200 - 5 * len(right), 100 + 12 * k) for k, (_, right) in enumerate(rows)]
    found = texts(runs)
    assert "Kasserer" in found and "Jensen" in found


def test_a_table_whose_cells_line_up_keeps_them_apart_though_their_lengths_differ():
    """One-word cells in three columns, each column starting at one x, between lines of text
    that cross them: a longer cell above reaches into this row's gap, but the cell after the
    gap starts where the cells of its column start."""
    from conftest import make_run
    cells = [["nachtritt", "nach-tritt", "Nacht-ritt"], ["Wachstu-be", "Wach-stube", "Wachs-tube"],
             ["Druckerzeug-nis", "Druck-erzeugnis", "Drucker-zeugnis"], ["Mu-sikerle-ben", "Musik-erleben", "Musi-ker-leben"]]
    runs = [make_run("In mehrdeutigen Wörtern werden Trennungen nur an den", 50, 88)]
    runs += [make_run(word, 60 + 100 * c, 100 + 12 * r) for r, row in enumerate(cells) for c, word in enumerate(row)]
    runs += [make_run("Beachte, die Trennstellen sind in den Interpretationen", 50, 100 + 12 * len(cells))]
    found = texts(runs)
    assert "nach-tritt" in found and "Wach-stube" in found


def test_a_table_row_of_evenly_spaced_one_word_cells_still_splits():
    from conftest import make_run
    runs = [make_run(word, 50 + 80 * c, 100 + 12 * r) for r, row in enumerate(
        [["navn", "antal", "pris"], ["æbler", "tre", "ti"], ["pærer", "fire", "otte"]]) for c, word in enumerate(row)]
    assert "æbler tre ti" not in texts(runs)


def test_indented_first_line_next_to_a_gutter_is_its_own_line():
    left, right = two_columns(12, right_paragraphs=[words(20, 30), words(50, 40)])
    found = lines_of(left + right)
    starts = [ln for ln in found if ln.bbox.x0 > 262 + 5]  # indented lines of the right column
    assert starts, "the right column has an indented first line"
    assert all(column_of_line(ln, 256) == "right" for ln in starts)
    assert all(column_of_line(ln, 256) != "both" for ln in found)


def test_wide_word_space_stays_inside_the_line_when_neighbour_rows_cross_it():
    body, _ = typeset_column([words(0, 60)], 50, 100, 230, per_word=True)
    # a word pushed 1.5 em right on the third row: the rows around it have ink in that gap
    third = sorted({r.baseline for r in body})[2]
    row = [r for r in body if r.baseline == third]
    moved = [scale_run(r, 1, 15 if i >= 3 else 0) for i, r in enumerate(row)]
    runs = [r for r in body if r.baseline != third] + moved
    found = lines_of(runs)
    assert len(found) == len({r.baseline for r in body})
    assert " ".join(r.text for r in row) in [ln.text for ln in found]


def test_word_spaces_lined_up_in_a_few_rows_are_a_river_not_a_gutter():
    # words 0.5 em apart, but row 124 has a 0.6 em space at 150..156; rows 112 and 136 happen to
    # leave 5.5 pt free there too, while rows 100 and 148 print a word across it: a river
    rows = {100: [("aaaaaaaaaa", 50), ("bbbbbbbbbbbbbbbbbbb", 105)],  # crosses 150..156
            112: [("cccccccccc", 50), ("ccccccccc", 105), ("dddddddd", 155.5)],
            124: [("eeeeeeeeee", 50), ("eeeeeeeee", 105), ("ffffffff", 156)],
            136: [("gggggggggg", 50), ("ggggggggg", 105), ("hhhhhhhh", 155.5)],
            148: [("iiiiiiii", 50), ("jjjjjjjjjjjjjjjjjjj", 95)]}  # crosses it
    runs = [make_run(word, x, baseline) for baseline, row in rows.items() for word, x in row]
    assert texts(runs) == [" ".join(word for word, _ in row) for row in rows.values()]


@pytest.mark.parametrize("width, start", [(140, 0), (150, 20), (160, 5), (170, 20)])
def test_justified_column_set_word_by_word_keeps_its_lines_whole(width, start):
    body, _ = typeset_column([words(start, 60), words(start + 60, 40)], 50, 100, width, per_word=True)
    assert len(lines_of(body)) == len({r.baseline for r in body})


def test_a_spanning_standfirst_above_does_not_hide_the_gutter():
    stand = make_run("medarbejderne og til den måde, vi træffer beslutninger på", 42, 100, size=11, bold=True)
    rows = []
    for baseline in (112, 124):
        rows += [make_run("tid, tillid og et fælles sprog her", 42, baseline, size=9,
                          char_x=[42 + 249 * i / 34 for i in range(35)]),
                 make_run("rigtig model, men der findes mange", 304, baseline, size=9,
                          char_x=[304 + 249 * i / 34 for i in range(35)])]
    found = lines_of([stand] + rows)
    assert [ln.bbox.x0 for ln in found] == [42, 42, 304, 42, 304]


def test_indented_first_line_under_a_two_line_standfirst_splits_at_the_gutter():
    stand = [make_run("intelligens er meget andet og mere, forklarer forskeren", 57, 215, size=12.5, italic=True),
             make_run("med at sætte begreberne på plads for alle", 57, 230, size=12.5, italic=True)]
    left = [make_run("x" * 48, 57, b) for b in (251.2, 263.6, 276.0, 288.4)]
    right = [make_run("– Computeren lytter efter alarmer", 322, 251.2)] + \
        [make_run("y" * 48, 312, b) for b in (263.6, 276.0, 288.4)]  # a gutter of 1.5 em
    found = lines_of(stand + left + right)
    assert "– Computeren lytter efter alarmer" in [ln.text for ln in found]
    assert len(found) == 2 + 8


def fourth_row_decides_page():
    """A 0.7 em gap at 150..157 in row 100: rows 112 and 124 leave it free (a channel), rows 136
    and 148 print across it. With row 148, four rows 1.2 em apart away, the crossings win."""
    rows = {100: [("a" * 20, 50), ("b" * 8, 157)],
            112: [("c" * 20, 50), ("d" * 8, 157)],
            124: [("e" * 20, 50), ("f" * 8, 157)],
            136: [("g" * 30, 50)],
            148: [("h" * 30, 50)]}
    return make_page([make_run(word, x, baseline) for baseline, row in rows.items() for word, x in row])


@pytest.mark.parametrize("scale", [0.51, 0.8, 1.0, 1.3, 2.04, 2.99])
def test_the_fourth_neighbour_row_counts_at_any_scale(scale):
    # the fourth row sat exactly on the neighbour limit, so rounding after scaling decided
    found = [ln.text for ln in build_lines(scale_page(fourth_row_decides_page(), scale))]
    assert sorted(found)[:3] == ["a" * 20 + " " + "b" * 8, "c" * 20 + " " + "d" * 8, "e" * 20 + " " + "f" * 8]


def test_a_lone_line_with_a_very_wide_gap_splits():
    # no neighbours to ask: 3 em is a column gap by itself
    assert texts([make_run("venstre", 50, 100), make_run("højre", 50 + 35 + 30, 100)]) == ["venstre", "højre"]


# ---------------------------------------------------------------------- letter-spacing
@pytest.mark.parametrize("per_glyph", [False, True], ids=["one-run", "run-per-glyph"])
@pytest.mark.parametrize("tracking_em", [0.2, 0.3, 0.45, 0.6, 0.8])
def test_letterspaced_type_closes_up(per_glyph, tracking_em):
    runs = letterspaced_runs(["Offentlig", "Ledelse"], 50, 100, 10, tracking_em * 10, per_glyph)
    assert texts(runs) == ["Offentlig Ledelse"]


def test_letterspaced_folio_line_keeps_its_word_spaces():
    runs = letterspaced_runs(["Offentlig", "Ledelse", "nr.", "3"], 50, 100, 8, 2.4)
    assert texts(runs) == ["Offentlig Ledelse nr. 3"]


@pytest.mark.xfail(strict=True, reason="a row of single characters at even spacing is read as letter-spaced "
                                       "type; geometry alone cannot tell '1 2 3 4 5' from 'O f f e n'")
def test_a_row_of_single_digits_is_not_closed_up():
    assert texts([make_run("1 2 3 4 5", 50, 100)]) == ["1 2 3 4 5"]


@pytest.mark.parametrize("entry", ["DB2 for i Center of Excellence . . . . . . . . . . . . ix",
                                   "Kapitel 1. Om ledelse . . . . . . . . . . . . . . . . 3"])
def test_a_contents_line_with_dot_leaders_keeps_its_word_spaces(entry):
    """Dot leaders are many one-character tokens, but no letters: not letter-spaced type."""
    assert texts([make_run(entry, 50, 100)]) == [entry]


def test_a_line_with_a_few_one_letter_words_is_not_closed_up():
    assert texts([make_run("Så er i og å med", 50, 100)]) == ["Så er i og å med"]


# --------------------------------------------------------------------------- line ends
def test_soft_hyphen_at_the_line_end_is_a_soft_signal_and_a_visible_hyphen():
    """A discretionary hyphen inside a line, where it did not break it, takes no room: gone."""
    edges = [50 + 5 * i for i in range(13)] + [110, 115, 120]  # the U+00AD is 0 pt wide
    inner = make_run("tion med bin\u00adde", 50, 112, char_x=tuple(edges))
    first, second = lines_of([make_run("en organisa\u00ad", 50, 100), inner])
    assert (first.text, first.hyphen_signal) == ("en organisa-", "soft")
    assert (second.text, second.hyphen_signal) == ("tion med binde", "")


def test_a_font_that_draws_its_hyphens_as_soft_hyphens_gives_no_soft_signal():
    """Ghostscript maps all hyphens of a font to U+00AD when its first was a discretionary one:
    a drawn U+00AD inside a word shows it, and ``GDPR-``/``og`` must not be joined as soft."""
    first, second = lines_of([make_run("i hele GDPR\u00ad", 50, 100), make_run("og AI\u00addata", 50, 112)])
    assert (first.text, first.hyphen_signal) == ("i hele GDPR-", "hyphen")
    assert second.text == "og AI-data"


def test_a_face_whose_family_draws_its_hyphens_as_soft_hyphens_gives_no_soft_signal():
    """Scribus maps the hyphen of every face of a family to U+00AD; a page may show one inside
    a word only in the regular face, and at a line end only in the italic (a pull-quote's
    ``AI-``/``løsningerne``): that one is a hyphen too, decided like any other."""
    quote = make_run("det AI\u00ad", 50, 100, font="Serif-Italic", italic=True)
    following = make_run("løsningerne ind", 50, 112, font="Serif-Italic", italic=True)
    body = make_run("og COVID\u00ad19 er forbi", 50, 200)
    first, *_ = lines_of([quote, following, body])
    assert (first.text, first.hyphen_signal) == ("det AI-", "hyphen")


def test_visible_hyphen_at_the_line_end_is_a_hyphen_signal():
    [line] = lines_of([make_run("en organisa\u2010", 50, 100)])
    assert (line.text, line.hyphen_signal) == ("en organisa-", "hyphen")


def test_black_square_end_mark_is_removed():
    [line] = lines_of([make_run("det sidste ord. ■", 50, 100)])
    assert (line.text, line.end_mark) == ("det sidste ord.", True)


@pytest.mark.parametrize("font", ["ZapfDingbats", "OLIcons-Regular"])
def test_lone_n_in_another_font_after_a_full_stop_is_an_end_mark(font):
    [line] = lines_of([make_run("det sidste ord.", 50, 100), make_run("n", 130, 100, font=font)])
    assert (line.text, line.end_mark) == ("det sidste ord.", True)


def test_a_word_ending_in_n_is_not_an_end_mark():
    [line] = lines_of([make_run("Det sagde kommunen", 50, 100)])
    assert (line.text, line.end_mark) == ("Det sagde kommunen", False)


def test_lone_n_in_the_same_font_is_a_letter():
    [line] = lines_of([make_run("Det er punkt", 50, 100), make_run("n", 112, 100)])
    assert (line.text, line.end_mark) == ("Det er punkt n", False)


def test_lone_n_in_another_font_without_a_sentence_end_is_a_letter():
    [line] = lines_of([make_run("variablen", 50, 100), make_run("n", 100, 100, italic=True, font="Serif-Italic")])
    assert (line.text, line.end_mark) == ("variablen n", False)


def test_lone_end_mark_on_its_own_line_marks_the_line_before():
    found = lines_of([make_run("første linje i afsnittet", 50, 88), make_run("Det er slut.", 50, 100),
                      make_run("■", 50, 112)])
    assert [(ln.text, ln.end_mark) for ln in found] == [("første linje i afsnittet", False),
                                                       ("Det er slut.", True)]


# ------------------------------------------------------------------------------ drop caps
def test_drop_cap_is_put_in_front_of_the_first_line():
    cap = make_run("S", 50, 124, size=32)  # three body lines high
    body = [make_run("om leder har man travlt", 70, 100), make_run("med mange ting hele tiden", 70, 112),
            make_run("og det er helt normalt", 70, 124), make_run("for de fleste ledere.", 50, 136)]
    found = lines_of([cap] + body)
    assert [ln.text for ln in found] == ["Som leder har man travlt", "med mange ting hele tiden",
                                         "og det er helt normalt", "for de fleste ledere."]
    assert found[0].bbox.x0 == 50 and found[0].size == 10


def test_a_drop_cap_whose_first_line_starts_inside_its_box_is_put_in_front_of_it():
    """Scribus sets the first line against the cap's ink, inside the box its advance gives (a
    ``T``'s right side bearing): 0.16 of the box's width in; the lines under it clear the box."""
    cap = make_run("T", 50, 124, size=32)  # box 50..66
    body = [make_run("eam og leder har travlt", 63.5, 100), make_run("med mange ting hele tiden", 66.5, 112),
            make_run("og det er helt normalt", 66.5, 124), make_run("for de fleste ledere.", 50, 136)]
    assert texts([cap] + body) == ["Team og leder har travlt", "med mange ting hele tiden",
                                   "og det er helt normalt", "for de fleste ledere."]


def test_a_drop_cap_that_is_a_word_of_its_own_keeps_its_space():
    """Swedish ``I`` + `` man``: the first line starts a word space right of the lines under it."""
    cap = make_run("I", 50, 124, size=32)  # box 50..66
    body = [make_run("man har travlt i dag", 69.5, 100), make_run("med mange ting hele tiden", 66.5, 112),
            make_run("og det er helt normalt", 66.5, 124), make_run("for de fleste ledere.", 50, 136)]
    assert texts([cap] + body)[0] == "I man har travlt i dag"


@pytest.mark.parametrize("cap, first, expected", [("3", "-årige ledere har travlt", "3-årige ledere har travlt"),
                                                   ("2", "024 blev et travlt år", "2024 blev et travlt år")])
def test_a_digit_drop_cap_whose_word_goes_on_beside_it_is_put_in_front(cap, first, expected):
    """CSS ``::first-letter`` (and InDesign's drop caps) take a paragraph's first character,
    a digit too: ``3`` + ``-årige``."""
    body = [make_run(first, 70, 100), make_run("med mange ting hele tiden", 70, 112),
            make_run("og det er helt normalt", 70, 124), make_run("for de fleste ledere.", 50, 136)]
    assert texts([make_run(cap, 50, 124, size=32)] + body)[0] == expected


def test_a_big_digit_beside_words_is_no_drop_cap():
    """A key figure or a step's number set large beside its text is a figure of its own."""
    body = [make_run("af lederne har travlt", 70, 100), make_run("med mange ting hele tiden", 70, 112)]
    found = texts([make_run("3", 50, 112, size=32)] + body)
    assert "3" in found and "af lederne har travlt" in found


def test_a_big_single_letter_without_text_beside_it_is_no_drop_cap():
    found = lines_of([make_run("A", 50, 100, size=32), make_run("om leder", 300, 100)])
    assert [ln.text for ln in found] == ["A", "om leder"]


# ------------------------------------------------------------------------ sizes and rotation
def test_different_sizes_on_one_baseline_never_merge():
    body = make_run("text i brødteksten her", 50, 200)  # 10 pt, ends at 160
    quote = make_run("Et citat", 172, 200.5, size=16, italic=True)  # 1.2 em of the body away
    assert texts([body, quote]) == ["text i brødteksten her", "Et citat"]


def test_a_bold_subheading_a_size_larger_beside_a_body_line_is_a_line_of_its_own():
    """The next column's subheading (bold, 12.6 pt) on the baseline of a loose body line
    (11 pt) whose own word spaces are as wide as the 1.3 em gutter between them (Chromium)."""
    body = [make_run("organisation understanding when", 220, 207, size=11.0)]  # ends at 385.5
    heading = make_run("Responsibility would", 399.5, 207.5, size=12.6, bold=True)  # 14 pt away
    found = texts(body + [heading])
    assert "organisation understanding when" in found and "Responsibility would" in found


@pytest.mark.parametrize("lead, size", [("Kort sagt:", 10.0), ("NB", 10.5)])
def test_a_bold_lead_in_of_about_the_body_size_stays_in_its_line(lead, size):
    """A run-in head or bold emphasis a word space from the text: one line."""
    head = make_run(lead, 50, 200, size=size, bold=True)
    text = make_run("her er resten af linjen", head.bbox.x1 + 3, 200)
    assert texts([head, text]) == [f"{lead} her er resten af linjen"]


def test_a_larger_word_set_tight_in_a_line_stays_in_it():
    assert texts([make_run("Det store", 50, 100), make_run("ORD", 98, 100, size=13)]) == ["Det store ORD"]


def test_rotated_runs_form_their_own_lines():
    horizontal = make_run("Kommunen har en plan", 50, 100)
    credit = make_rotated_run("Foto: Jens Hansen", 55, 80)  # crosses the horizontal line
    found = lines_of([horizontal, credit])
    assert sorted((ln.text, ln.rotation) for ln in found) == [("Foto: Jens Hansen", 90),
                                                              ("Kommunen har en plan", 0)]


def test_rotated_runs_in_a_row_join_in_writing_order_with_a_space():
    lower = make_rotated_run("Foto:", 55, 150)  # bottom-to-top: the lower run reads first
    upper = make_rotated_run("Jens Hansen", 55, 150 - 3 - 44)  # 3 pt above it
    assert texts([upper, lower]) == ["Foto: Jens Hansen"]


def test_repeated_letters_along_a_rotated_line_are_not_duplicates():
    # one run per glyph, bottom to top: every run shares the baseline (the x of the glyphs' feet)
    letters = [make_rotated_run(ch, 55, 200 - 4 * i) for i, ch in enumerate("FOTO")]
    assert texts(letters) == ["FOTO"]


def test_duplicate_fake_bold_runs_are_dropped():
    run = make_run("Ny plan", 50, 100, bold=True)
    shifted = scale_run(run, 1, 0.3, 0.2)
    assert texts([run, shifted]) == ["Ny plan"]


def test_same_text_elsewhere_is_not_a_duplicate():
    assert texts([make_run("Ny plan", 50, 100), make_run("Ny plan", 50, 140)]) == ["Ny plan", "Ny plan"]


def test_line_keeps_its_runs_and_page():
    runs = set_line(["Kommunen", "har"], 50, 100, None, per_word=True)
    [line] = build_lines(make_page(runs, number=7))
    assert [r.text for r in line.runs] == ["Kommunen", "har"] and line.page == 7


# ------------------------------------------------------------------------------ scripts
def scripted_line(tail: str = ").", script_font: str = "Serif-Regular"):
    """``ammonium (NH`` + a lowered ``4`` + a raised ``+`` + ``)`` set tight, then another line."""
    head = make_run("ammonium (NH", 50, 100)
    x = head.bbox.x1 + 0.3
    sub = make_run("4", x, 102.5, size=6.0, font=script_font)
    sup = make_run("+", sub.bbox.x1 + 0.2, 96.5, size=6.0, font=script_font)
    rest = make_run(tail + " C'est la forme", sup.bbox.x1 + 0.2, 100)
    below = make_run("anden linje af teksten her", 50, 112)
    return [head, sub, sup, rest, below]


def test_subscripts_and_superscripts_join_their_line_as_such():
    lines = lines_of(scripted_line())
    assert "ammonium (NH₄⁺). C'est la forme" in [ln.text for ln in lines]
    line = next(ln for ln in lines if ln.text.startswith("ammonium"))
    assert line.baseline == pytest.approx(100.0)


def test_a_footnote_number_after_a_word_stays_with_it_and_the_line_goes_on():
    word = make_run("magasinet.", 50, 100)
    note = make_run("12", word.bbox.x1 + 0.2, 96.0, size=6.0)
    rest = make_run("Det næste ord", note.bbox.x1 + 2.5, 100)
    assert texts([word, note, rest]) == ["magasinet.¹² Det næste ord"]


def test_scripts_of_a_short_word_on_a_line_of_its_own_join_it():
    """``(CO₃²⁻)`` on a line of its own: the host is as short as a script could be, and its
    scripts, shifted a third of an em, sit in rows of their own. In the page's text size it
    is text, so it takes them when no longer text does."""
    body = make_run("en linje brødtekst i sidens størrelse", 50, 80)
    host = make_run("(CO", 50, 100)
    sub = make_run("3", host.bbox.x1 - 0.1, 103.33, size=5.83)
    sup = make_run("2-", sub.bbox.x1 + 0.2, 96.67, size=5.83)
    close = make_run(")", sup.bbox.x1 - 0.1, 100)
    assert texts([body, host, sub, sup, close])[1] == "(CO₃²⁻)"


def test_a_raised_ring_from_a_symbol_font_is_a_degree_sign():
    """TeX's ``$^\\circ$C``: a small ring from the symbol font, raised before the ``C``."""
    body = make_run("målt ved en temperatur på", 50, 80)
    number = make_run("25", 50, 100)
    ring = make_run("\u25e6", number.bbox.x1 + 0.3, 96.1, size=6.0, font="CMSY6")
    unit = make_run("C", ring.bbox.x1 + 0.5, 100)
    assert texts([body, number, ring, unit])[1] == "25°C"


def test_a_footnote_number_in_another_font_is_still_a_superscript():
    """TeX sets footnote numbers in a small-caps font of another name (``TeXPalladioL-SC``
    beside ``URWPalladioL-Roma``): ``Wiki¹``, not ``Wiki1``. Letters from another font stay."""
    word = make_run("Trennmuster-Wiki", 50, 100, font="URWPalladioL-Roma")
    note = make_run("1", word.bbox.x1 + 0.2, 96.4, size=7.6, font="TeXPalladioL-SC")
    assert texts([word, note]) == ["Trennmuster-Wiki¹"]
    letter = make_run("e", word.bbox.x1 + 0.2, 96.4, size=7.6, font="MinionPro-It")
    assert texts([word, letter]) == ["Trennmuster-Wikie"]


@pytest.mark.parametrize("shift", [0.0, 1.5, 3.2], ids=["numerator-on-baseline", "raised", "raised-to-own-row"])
def test_a_built_up_fraction_stays_in_its_line_in_plain_digits(shift):
    """``up to 1⁄4 inch``: a small numerator (raised or not), a fraction slash in the text
    size and a small denominator on the baseline. The line is one line, and the fraction is
    written as Unicode spells it (digits around U+2044), not as a power ``¹⁄4``."""
    body = make_run("en linje brødtekst i sidens størrelse", 50, 80)
    head = make_run("up to", 50, 100)
    numerator = make_run("1", head.bbox.x1 + 2.5, 100 - shift, size=5.5)
    slash = make_run("\u2044", numerator.bbox.x1 - 0.3, 100)
    denominator = make_run("4", slash.bbox.x1 - 0.2, 100, size=5.5)
    tail = make_run("inch, the end", denominator.bbox.x1 + 2.5, 100)
    assert texts([body, head, numerator, slash, denominator, tail])[1] == "up to 1\u20444 inch, the end"


def test_a_raised_note_number_a_tab_before_its_note_starts_the_note():
    """``¹  http://…`` at the foot of a page: the number, raised and small, stands a tab (an
    em) before the note's text; it is the note's number, not a line of its own."""
    body = make_run("en linje brødtekst i sidens størrelse", 50, 80)
    number = make_run("1", 50, 96.8, size=6.4)
    note = make_run("http://www.example.org", number.bbox.x1 + 6.4, 100, size=8)
    assert texts([body, number, note])[1] == "¹ http://www.example.org"


def test_a_raised_figure_after_a_number_is_not_taken_by_the_next_cell():
    """``1.4 10⁷   (300/T)`` in a table: the raised ``7`` follows ``10``; it does not start
    the next cell as a note number would."""
    mantissa = make_run("1.4 10", 50, 100)
    power = make_run("7", mantissa.bbox.x1 + 3.5, 96.5, size=6.0)
    cell = make_run("(300/T)", power.bbox.x1 + 8, 100)
    assert not any(t.startswith("⁷") for t in texts([mantissa, power, cell]))


def test_small_digits_beside_an_ordinary_slash_are_not_a_fraction():
    head = make_run("side", 50, 100)
    note = make_run("2", head.bbox.x1 + 0.2, 96.0, size=6.0)
    slash = make_run("/ mere", note.bbox.x1 + 2.5, 100)
    assert texts([head, note, slash]) == ["side² / mere"]


def test_a_mark_in_a_symbol_font_is_not_turned_into_a_letter_script():
    """A dingbat end mark (■ drawn as "n") set small and low keeps its own character."""
    word = make_run("slutningen.", 50, 100)
    mark = make_run("n", word.bbox.x1 + 3, 101.5, size=6.0, font="ZapfDingbats")
    assert all("ₙ" not in t for t in texts([word, mark]))


def test_small_text_away_from_a_line_is_not_a_script():
    body = make_run("brødtekst på linjen", 50, 100)
    caption = make_run("12", 300, 103, size=6.0)  # far to the right: a label, not a script
    assert sorted(texts([body, caption])) == ["12", "brødtekst på linjen"]


def test_a_footnote_mark_in_the_row_of_the_next_column_comes_back_to_its_word():
    """Raised far enough, the mark sits nearer the baseline of a line in the next column than
    its own; it still belongs after its word."""
    left = make_run("these pregnancies.", 50, 100)
    marks = [make_run("2", left.bbox.x1, 96.0, size=6.0), make_run(",", left.bbox.x1 + 3.0, 96.0, size=6.0),
             make_run("3", left.bbox.x1 + 4.8, 96.0, size=6.0)]
    rest = make_run("It is", left.bbox.x1 + 10, 100)
    right = make_run("Approximately thirty", 300, 97.5)
    assert texts([left, *marks, rest, right]) == ["Approximately thirty", "these pregnancies.²,³ It is"]


def test_two_notes_in_one_run_keep_their_space():
    word = make_run("century.", 50, 100)
    notes = make_run("2 3", word.bbox.x1 + 0.2, 96.0, size=6.0)
    rest = make_run("The", notes.bbox.x1 + 2.5, 100)
    assert texts([word, notes, rest]) == ["century.² ³ The"]


def test_on_a_scanned_page_small_raised_text_is_left_alone():
    """An OCR layer's sizes and baselines are estimates: no script is read into them."""
    from olparse.geometry import BBox
    from olparse.model import ImageBox
    from dataclasses import replace as dc_replace

    word = make_run("magasinet.", 50, 100)
    note = make_run("12", word.bbox.x1 + 0.2, 96.0, size=6.0)
    page = make_page([word, note])
    scan = dc_replace(page, images=(ImageBox(BBox(0, 0, page.width, page.height), 0),))
    found = [ln.text for ln in build_lines(normalize_page(scan))]
    assert "magasinet.¹²" not in found and any("12" in t for t in found)


def ocr_line(words: list[str], sizes: list[float], baseline: float, x0: float = 50.0, size: float = 10.0):
    """Runs as an OCR layer gives them: each word fitted to its place on the scan (widths from
    the common size) but with a size estimated from its own letters."""
    from conftest import ADVANCE
    runs, x = [], x0
    for word, own in zip(words, sizes):
        edges = [x + i * ADVANCE * size for i in range(len(word) + 1)]
        runs.append(make_run(word, x, baseline, size=own, char_x=edges))
        x = edges[-1] + 0.4 * size  # a scan's word spaces are wide
    return runs


def scanned(runs):
    from dataclasses import replace as dc_replace
    from olparse.geometry import BBox
    from olparse.model import ImageBox
    page = make_page(runs)
    return dc_replace(page, images=(ImageBox(BBox(0, 0, page.width, page.height), 0),))


OCR_WORDS = "general the turnip crop has been in many instances tenfold and in".split()


@given(st.lists(st.floats(0.55, 1.6), min_size=len(OCR_WORDS), max_size=len(OCR_WORDS)))
def test_on_a_scanned_page_word_size_estimates_do_not_split_a_line(factors):
    """An OCR engine sizes each word by the height of its letters (``is`` half of ``many``);
    on a scanned page that never splits a line, and the line takes one size."""
    lines = build_lines(normalize_page(scanned(ocr_line(OCR_WORDS, [10.0 * f for f in factors], 100.0))))
    assert [ln.text for ln in lines] == [" ".join(OCR_WORDS)]
    assert len({run.size for run in lines[0].runs}) == 1


def test_on_a_scanned_page_lines_of_jittered_sizes_stack_into_one_block():
    from olparse.pipeline import layout_page
    sizes = [[8.0, 11.5, 9.0, 12.0, 7.0, 10.5, 9.5, 10.0, 11.0, 8.5, 10.0, 9.0],
             [10.0, 9.0, 12.5, 10.0, 8.0, 10.5, 11.0, 7.5, 10.0, 10.5, 9.0, 10.0],
             [11.0, 10.0, 9.5, 10.5, 10.0, 8.0, 12.0, 10.0, 9.0, 10.0, 10.5, 7.0]]
    runs = [r for k, row in enumerate(sizes) for r in ocr_line(OCR_WORDS, row, 100.0 + 12.0 * k)]
    layout = layout_page(scanned(runs))
    assert [b.text.count("\n") for b in layout.blocks] == [2]


def test_on_a_typeset_page_a_size_change_still_splits_a_line():
    """Outside scans a size clash is information (a title run into body text), not noise."""
    runs = ocr_line(["Overskrift", "brødtekst", "fortsætter"], [20.0, 9.0, 9.0], 100.0)
    assert len(build_lines(normalize_page(make_page(runs)))) == 2


def run_in_line(baseline: float, head: str, rest: str, rest_italic: bool = False):
    lead = make_run(head, 50, baseline, bold=True)
    return [lead, make_run(rest, lead.bbox.x1 + 0.25 * 10, baseline, italic=rest_italic)]


def test_a_run_in_head_gives_its_line_the_style_of_the_text_it_runs_into():
    """``Ductal carcinoma in situ (DCIS) – Abnormal cells are``: counted by characters the bold
    lead-in outweighs the rest, but the line is the first of a regular paragraph."""
    runs = run_in_line(100, "Ductal carcinoma in situ (DCIS) –", "Abnormal cells are")
    (line,) = build_lines(normalize_page(make_page(runs)))
    assert not line.bold and line.text == "Ductal carcinoma in situ (DCIS) – Abnormal cells are"


def test_a_run_in_head_stacks_with_the_lines_of_its_paragraph():
    from olparse.pipeline import layout_page
    runs = run_in_line(100, "Ductal carcinoma in situ (DCIS) –", "Abnormal cells are")
    runs += [make_run("contained within the ducts of the breast. Having", 50, 112),
             make_run("DCIS can increase the risk of developing cancer.", 50, 124)]
    assert [b.text.count("\n") for b in layout_page(make_page(runs)).blocks] == [2]


def test_emphasis_that_is_no_run_in_head_keeps_the_weighted_style():
    """Bold followed by an italic title is emphasis, not a run-in head; all-bold stays bold."""
    runs = run_in_line(100, "In March 2023, the White House issued the", "National", rest_italic=True)
    (line,) = build_lines(normalize_page(make_page(runs)))
    assert line.bold
    (whole,) = build_lines(normalize_page(make_page([make_run("Et helt fedt mellemrubrik", 50, 100, bold=True)])))
    assert whole.bold


def tracked_run(fragments, gaps_em, size=7.5):
    """A run of capitals with a space of ``gaps_em[i]`` em after fragment ``i``."""
    from conftest import make_run
    text, edges, x = "", [], 100.0
    for k, fragment in enumerate(fragments):
        for ch in fragment:
            text += ch
            edges.append(x)
            x += 0.6 * size
        if k < len(gaps_em):
            text += " "
            edges.append(x)
            x += gaps_em[k] * size
    edges.append(x)
    return make_run(text, 100.0, 100, size=size, char_x=edges)


def test_tracked_capitals_broken_into_fragments_close_up():
    """Tracking and kerning leave some letter gaps at 0.16 em, just over the space threshold:
    ``LE DE R E N`` is ``LEDEREN``; a real word space (0.36 em) stays."""
    assert texts([tracked_run(["LE", "DE", "R", "E", "N"], [0.157] * 4)]) == ["LEDEREN"]
    assert texts([tracked_run(["I", "NTRO"], [0.156])]) == ["INTRO"]
    assert texts([tracked_run(["LE", "DE", "L", "SE", "A", "F", "P", "SY", "K", "I", "SK"],
                              [0.157, 0.157, 0.159, 0.359, 0.157, 0.399, 0.153, 0.151, 0.153, 0.155])]) \
        == ["LEDELSE AF PSYKISK"]


def test_tight_word_spaces_in_capitals_stay():
    """Justified capitals may have word spaces as narrow as tracking: without fragments they stay."""
    assert texts([tracked_run(["FORDELT", "PÅ"], [0.18])]) == ["FORDELT PÅ"]
    assert texts([tracked_run(["DE", "SENESTE"], [0.145])]) == ["DE SENESTE"]
    assert texts([tracked_run(["EN", "HYLDEST", "TIL"], [0.218, 0.217])]) == ["EN HYLDEST TIL"]


# --------------------------------------------------------------------------- scripts on crowded pages
@given(st.lists(st.lists(st.tuples(st.floats(0, 800), st.sampled_from([6.0, 9.0, 24.0])), min_size=1, max_size=3),
                min_size=1, max_size=30),
       st.floats(0, 40))
def test_row_index_finds_exactly_the_segments_within_reach(rows, reach):
    """``RowIndex.near`` gives what trying every segment gives, in page order: the segments
    whose baselines span the window around the segment's own."""
    from olparse.lines import RowIndex
    segments = [[make_run("x", 50, baseline, size=size) for baseline, size in row] for row in rows]
    index = RowIndex(segments)
    for segment in segments:
        low = min(r.baseline for r in segment) - reach
        high = max(r.baseline for r in segment) + reach
        expected = [k for k, other in enumerate(segments)
                    if min(r.baseline for r in other) <= high and max(r.baseline for r in other) >= low]
        assert index.near(segment, reach) == expected


def test_a_page_of_single_glyph_runs_tries_only_nearby_hosts_for_scripts(monkeypatch):
    """A Type 3 font drawn glyph by glyph: 40 rows of 15 short segments. Script hosts are sought
    among the rows near each segment, not among all 600 segments (seconds a page before)."""
    import olparse.lines as lines_module
    calls = []
    real = lines_module.scripts_of
    monkeypatch.setattr(lines_module, "scripts_of", lambda *a, **k: calls.append(1) or real(*a, **k))
    runs = [make_run("ab", 50 + 40 * col, 100 + 14 * row) for row in range(40) for col in range(15)]
    lines_of(runs)
    assert len(calls) < 600 * 60


def test_only_words_a_line_of_their_own_can_be_forced_apart():
    """The last word of a line and a word a gutter away are no loose line: the word before
    them sits a word space away."""
    from conftest import make_run
    from olparse.lines import stands_apart
    row = [make_run("det", 50, 100), make_run("nye", 70, 100), make_run("arbejde", 300, 100)]
    assert not stands_apart(row, 1, 2)
    assert stands_apart(row[1:], 0, 1)


def test_the_first_word_of_a_line_is_measured_from_its_glyphs():
    from conftest import make_run
    from olparse.model import first_word_width
    run = make_run("Medarbejderne skal", 50, 100, char_x=[50 + 6 * i for i in range(19)])
    assert first_word_width((run,)) == 13 * 6
    # a word that ends at a gap between runs, and one that is all of its run
    assert first_word_width((make_run("Med", 50, 100), make_run("arbejde", 80, 100))) == 15
    assert first_word_width((make_run("Med", 50, 100), make_run("arbejde", 65.5, 100))) == 65.5 + 35 - 50


def test_a_lone_line_at_the_head_of_the_next_column_stays_apart_under_a_standfirst():
    """A paragraph's last line at the head of the next column, which holds nothing else,
    1.5 em from the first column's first line: the standfirst above crosses the gutter, but
    every row around in the body's type ends at the gap."""
    from conftest import make_run
    lead = make_run("Et langt standfirst der går hen over begge spalter her", 50, 76, size=12, bold=True)
    left = [make_run(t, 50, 100 + 12 * k) for k, t in enumerate(
        ["Det handler om ledelse og om det", "mere end digitaliseringen i dag", "og i morgen for os alle sammen",
         "og det nye arbejde og til lidt"])]
    found = texts([lead] + left + [make_run("slut.", 50 + 32 * 5 + 15, 100)])
    assert "slut." in found and "Det handler om ledelse og om det" in found


def test_a_raised_mark_in_a_gap_keeps_the_row_whole():
    """A table's header with a raised exponent, smaller, standing in the gap after its word. Like a standfirst it crosses the gap in other type, but a row in smaller type
    is this row's own marks, not a title across two columns: the row is one line."""
    from conftest import make_run
    lead = make_run("Et langt standfirst der går hen over begge spalter her", 50, 76, size=12, bold=True)
    left = [make_run(t, 50, 100 + 12 * k) for k, t in enumerate(
        ["Det handler om ledelse og om det", "mere end digitaliseringen i dag", "og i morgen for os alle sammen",
         "og det nye arbejde og til lidt"])]
    mark = make_run("e-13", 50 + 32 * 5 + 2, 97, size=6)  # 212 to 224 in the gap from 210 to 225
    found = texts([lead] + left + [mark, make_run("s", 50 + 32 * 5 + 15, 100)])
    assert not any(t == "s" for t in found)


def test_the_first_row_of_ragged_columns_under_a_standfirst_splits_at_the_gutter():
    """Ragged columns under a standfirst of two lines across both: the first body row's left
    line is the column's longest and ends 1.6 em from the right column's first line. Only the
    standfirst (larger type) crosses the gap; the row under it shows the same channel with ink
    on both sides, while the left column's shorter lines end far from it. The row is two
    lines: the right column's first line goes on the paragraph at the left column's foot."""
    from conftest import make_run
    lead = [make_run("Et langt standfirst der går hen over begge spalter her og lidt mere til", 50, 70 + 14 * k,
                     size=11.7, bold=True) for k in range(2)]
    left = ["Det handler om ledelse og om det nye arbejde i da", "mere end digitaliseringen i dag og i morgen os",
            "og det nye arbejde og til lidt mere", "samtale om opgaven og om det vi gør"]
    right = ["velfærdsteknologien meget ansvar", "e-mailen sige.", "Få medarbejderne med", "og det nye arbejde"]
    runs = lead + [make_run(t, 50, 110 + 12 * k) for k, t in enumerate(left)] + \
        [make_run(t, 50 + 49 * 5 + 16, 110 + 12 * k) for k, t in enumerate(right)]
    found = texts(runs)
    assert "velfærdsteknologien meget ansvar" in found and left[0] in found


def test_the_first_row_under_a_standfirst_splits_where_the_next_columns_lines_start():
    """Justified columns under a standfirst across both: the left column's first line fills
    its measure and ends 1.3 em from the right column's first line (one long word); under it
    the left column holds a paragraph's last line and then nothing, so no row shows the
    channel with ink on both sides. The right column's lines all start where the gap ends:
    its left edge. The row is two lines, and no row below crosses the gap."""
    from conftest import make_run
    lead = make_run("Et langt standfirst der går hen over begge spalter her og mere", 50, 76, size=12, bold=True)
    runs = [lead, make_run("Det handler om ledelse og om det nye arb", 50, 100),
            make_run("Arbeitsbedingungen", 50 + 40 * 5 + 13, 100), make_run("ledelsen.", 50, 112)]
    runs += [make_run("Kommunalverwaltung og den nye plan", 50 + 40 * 5 + 13, 112 + 12 * k) for k in range(3)]
    found = texts(runs)
    assert "Det handler om ledelse og om det nye arb" in found and "Arbeitsbedingungen" in found


@pytest.mark.parametrize("head", ["standfirst", "byline"])
def test_the_first_row_splits_where_the_next_column_starts_an_indented_paragraph(head):
    """Justified columns 1 em apart; the right column's first line starts a paragraph indented
    1.2 em, so the gap in the first row (2.2 em) is more than twice the gutter and the rows
    under it show the channel narrower than half the gap. Their lines in the right column start
    inside the gap: the column's left edge. Above the row, across the gutter, a standfirst in
    larger type, or a byline in smaller type lines above it (head matter, not the rows' own
    raised marks). The row is two lines."""
    from conftest import make_run
    above = {"standfirst": make_run("Et langt standfirst der går hen over begge spalter her og mere", 50, 76,
                                    size=12, bold=True),
             "byline": make_run("Tekst: Mette Frandsen og Jens Holm · Foto: Jens Holm og Mette Frandsen", 50, 76,
                                size=7.65)}[head]
    runs = [above, make_run("Det handler om ledelse og om det nye arbe", 50, 100),
            make_run("Kommunerne har fået en ny plan for", 272, 100)]
    runs += [make_run("jde i kommunerne og om de nye planer for", 50, 112 + 12 * k) for k in range(3)]
    runs += [make_run("den nye plan og hvordan de gør det nu", 260, 112 + 12 * k) for k in range(3)]
    found = texts(runs)
    assert "Det handler om ledelse og om det nye arbe" in found and "Kommunerne har fået en ny plan for" in found


def test_one_row_starting_a_word_where_a_loose_line_spreads_one_is_no_table_column():
    """Stacked loose lines in a narrow justified column (long words, no hyphenation): four
    words spread 32 pt apart, between loose lines, over a line whose first word would not
    have fitted in their gaps. One row around happens to start a word where the third word
    starts; a table's column would line up in two rows or more. The row is one line."""
    from conftest import make_run
    def place(words, xs, y):
        return [make_run(w, x, y) for w, x in zip(words, xs)]
    rows = [place(["Kommunalverwaltung", "sie"], [48, 275], 88),
            place(["Kommunen", "wenn"], [48, 217.6], 100),
            place(["Auch", "Verwaltungsreform", "nicht", "auf"], [48, 100.3, 217.6, 275], 112),
            place(["Öffentlichkeitsarbeit og den nye forvaltning er her"], [48], 124),
            place(["Digitalisierung", "ist"], [48, 275], 136)]
    found = texts([run for row in rows for run in row])
    assert "Auch Verwaltungsreform nicht auf" in found


@given(st.text(alphabet="ab .", min_size=1, max_size=30), st.floats(0.5, 40))
def test_a_lines_word_gaps_are_the_gaps_at_its_single_spaces(text, size):
    """``word_gaps_of`` measures the gap at every single space between two other characters
    (its fast path for text whose every space is one included), and at nothing else."""
    import re
    from olparse.geometry import BBox
    from olparse.model import Run, word_gaps_of
    edges = tuple(float(i * i % 7 + 3 * i) for i in range(len(text) + 1))
    run = Run(text=text, bbox=BBox(0, 0, edges[-1], 10), font="F", size=size, bold=False, italic=False,
              color=0, baseline=8.0, seq=0, char_x=edges)
    expected = tuple((edges[m.start() + 1] - edges[m.start()]) / size
                     for m in re.finditer(r"(?<=[^ ]) (?=[^ ])", text))
    assert word_gaps_of((run,)) == expected


@given(st.lists(st.sampled_from(["a", "I", "å", "-", ".", "ab", "ord", "12", "x1", "Offentlig"]), max_size=12))
def test_letter_spaced_looking_text_is_told_by_its_share_of_one_letter_words(words):
    """The fast path of ``looks_letterspaced`` changes no answer: a line looks letter-spaced
    when at least 70 % of its four or more tokens with a letter or digit are one character."""
    from olparse.lines import looks_letterspaced
    text = " ".join(words)
    tokens = [t for t in text.split() if any(ch.isalnum() for ch in t)]
    expected = len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) / len(tokens) >= 0.7
    assert looks_letterspaced(text) == expected


def test_a_folio_under_a_columns_last_line_does_not_make_its_loose_line_a_table_row():
    """``man   es   Zusammenarbeit   zu`` spread over the measure as a column's last line: the
    lines above cross its gaps (one loose line among them leaves the last gap open), and the
    folio three line steps below, another block, leaves every gap open. It says nothing about
    the column's lines and must not outvote them: the line stays whole."""
    from conftest import make_run

    def spread(words, baseline):
        widths = [len(w) * 5 for w in words]
        gap = (240 - sum(widths)) / (len(words) - 1)
        x, out = 50.0, []
        for word, width in zip(words, widths):
            out.append(make_run(word, x, baseline))
            x += width + gap
        return out

    full = "Der blev sagt meget om den nye plan for alle her"  # 48 glyphs: the whole measure
    runs = [make_run(full, 50, 100), make_run(full, 50, 112)]
    runs += spread(["Verwaltungsreform", "wenn", "sie", "auch"], 124)
    runs += spread(["man", "es", "Zusammenarbeit", "zu"], 136)
    runs.append(make_run("Side 1", 150, 172, size=8))
    assert "man es Zusammenarbeit zu" in texts(runs)


def test_two_stacked_loose_lines_at_a_column_head_stay_whole_by_the_measure_of_the_columns_beside():
    """Three columns of 150 pt. The middle one starts with a paragraph's last three lines:
    ``organisationsforandring      når`` and ``rolle   team   det   hele`` spread to both
    edges, then the short ``frontmedarbejderne skal.``. Their wide gaps line up in a channel
    two rows deep, and no full line of their own shows the measure; but they span exactly the
    measure of the lines in the columns beside, the next line's first word would not have
    fitted in their gaps, and no row but theirs shows the channel with ink on both sides."""
    from conftest import make_run
    full = "abcdefghij klmnopqrs tuvwxyzæø"  # 30 characters: 150 pt
    runs = [make_run(full, x0, 100 + 12 * k) for x0 in (50, 378) for k in range(6)]
    runs += loose_column([["organisationsforandring", "når"], ["rolle", "team", "det", "hele"]], x0=214)
    runs.append(make_run("frontmedarbejderne skal.", 214, 124))
    found = texts(runs)
    assert "organisationsforandring når" in found
    assert "rolle team det hele" in found
    assert found.count(full) == 12


def test_a_loose_line_under_an_indented_loose_first_line_stays_whole():
    """A paragraph of three justified lines in the left of two columns, as Chromium printed
    it (the geometry of its page, rounded): the indented first line ``All   leadership   in
    of   international   you`` and the second ``implementation   were.   And
    representatives   in`` are both spread loose, and the first line's wide gap before
    ``you`` leaves a channel over the gap before ``in``. The indented line is a loose line of
    the same measure, not a row that shows a gutter, so ``in`` stays on its line."""
    from conftest import make_run

    def word(text, x0, x1, baseline):
        return make_run(text, x0, baseline, size=11.0,
                        char_x=[x0 + k * (x1 - x0) / len(text) for k in range(len(text) + 1)])

    runs = [word(t, a, b, 317.2) for t, a, b in (("All", 61.9, 76.0), ("leadership", 92.0, 137.2), ("in", 153.2, 161.8),
                                                 ("of", 177.8, 186.9), ("international", 203.0, 258.5),
                                                 ("you", 274.5, 291.0))]
    runs += [word(t, a, b, 331.5) for t, a, b in (("implementation", 48.8, 117.7), ("were.", 131.8, 155.9),
                                                  ("And", 169.4, 188.4), ("representatives", 202.5, 268.4),
                                                  ("in", 282.5, 291.0))]
    runs.append(word("organisation all you or and you so out when.", 48.8, 244.2, 345.0))
    right = "who for and by the with one was more it as the"  # the next column, on baselines of its own
    runs += [word(right, 305.2, 547.5, baseline) for baseline in (285.8, 299.2, 313.5, 327.0, 340.5, 354.8)]
    assert "implementation were. And representatives in" in texts(runs)


def test_an_indented_loose_first_line_spans_the_measure_of_the_columns_beside():
    """A paragraph's indented first line spread loose in the left of three columns (Chromium's
    geometry, rounded): ``Führungskräfte   so   wie``, 2.3 em between words, over one full line
    of its own. Measured from the column's start, not from its indent, it is as wide as the
    lines of the columns beside it, so ``wie`` stays on it."""
    from conftest import make_run

    def word(text, x0, x1, baseline):
        return make_run(text, x0, baseline, size=11.0,
                        char_x=[x0 + k * (x1 - x0) / len(text) for k in range(len(text) + 1)])

    runs = [word(t, a, b, 317.2) for t, a, b in (("Führungskräfte", 61.9, 129.1), ("so", 154.5, 164.3),
                                                 ("wie", 189.7, 205.5))]
    runs.append(word("Bundesverwaltung und dem den hat", 48.8, 205.5, 330.8))
    # a fact box's last lines above (smaller, inset): they leave the gaps open
    runs += [make_run("Zusammenarbeit wie aber", 54.8, 286.5, size=9.9), make_run("Kommunalverwaltung so", 54.8, 273.8, size=9.9)]
    for x0 in (219.7, 390.7):  # the columns beside: full lines of the same measure
        runs += [word("und wenn die Zusammenarbeit nicht", x0, x0 + 156.8, b) for b in (273.8, 286.5, 301.5, 317.2, 330.8)]
    assert "Führungskräfte so wie" in texts(runs)


def test_a_loose_line_that_an_optimising_breaker_set_stays_whole_though_the_next_word_fits():
    """typst (like TeX and InDesign's paragraph composer) breaks a paragraph as a whole: a line
    of three words may be spread across the measure though the next line's short first word
    would have fitted in its gaps. Loose lines stacked around it show no gutter of their own."""
    rows = [["kompetenceudvikling", "når", "mellem"], ["En", "opgaveløsningen", "mål"], ["uden", "nye", "sige"],
            ["Var", "är", "där", "hon", "om", "ska"], ["men", "organisationsforandringer"]]
    found = texts(loose_column(rows))
    for row in rows[:-1]:
        assert " ".join(row) in found


def test_a_table_of_one_letter_cells_keeps_its_cells_apart():
    """Three columns of one-letter cells (a code, Y/N flags) spread like a loose line, the next
    row's code would have fitted in the gaps: cells, as before, not a line of prose."""
    from conftest import make_run
    rows = [("F", "Y", "N"), ("H", "N", "N"), ("I", "Y", "N"), ("K", "Y", "Y")]
    runs = [make_run(cell, x, 100 + 12 * k) for k, row in enumerate(rows) for cell, x in zip(row, (50, 110, 170))]
    found = texts(runs)
    assert "F Y N" not in found
