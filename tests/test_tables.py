"""Tables: cells read row by row, and what must never be taken for a table."""

from __future__ import annotations

import random

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lay_out, make_page, make_run, scale_page, typeset_column, words
from olparse.dehyphenate import Lexicon
from olparse.paragraphs import build_paragraphs
from olparse.pipeline import layout_page

LABELS = ["Kuldioxid (CO2)", "Metan (CH4)", "Lattergas (N2O)", "Ammoniak (NH3)", "Svovloxider", "Kviksølv",
          "Bly og forbindelser", "Zink"]
FIGURES = ["100 000", "500", "10 000", "-", "1", "50", "12,5 %", "200"]


def table_runs(rows: int, columns: int, x0: float = 60, top: float = 100, size: float = 9.0,
               step: float | None = None) -> tuple[list, list[str]]:
    """A table of ``rows`` labels and ``columns - 1`` columns of figures, one cell per run;
    returns the runs and the expected text of each row."""
    step = step or 1.4 * size
    runs, expected = [], []
    for r in range(rows):
        baseline = top + r * step
        cells = [LABELS[r % len(LABELS)]] + [FIGURES[(r + c) % len(FIGURES)] for c in range(columns - 1)]
        runs.append(make_run(cells[0], x0, baseline, size))
        for c, cell in enumerate(cells[1:]):
            runs.append(make_run(cell, x0 + (15 + 8 * c) * size, baseline, size))
        expected.append(" ".join(cells))
    return runs, expected


def table_blocks(layout):
    return [b for b in layout.blocks if b.table]


def test_a_table_reads_row_by_row():
    runs, expected = table_runs(6, 4)
    layout = lay_out(runs)
    [table] = table_blocks(layout)
    assert [line.text for line in table.lines] == expected
    assert [b.text for b in layout.blocks] == ["\n".join(expected)]


def test_each_row_of_a_table_is_a_paragraph_of_its_own():
    runs, expected = table_runs(5, 3)
    layout = lay_out(runs)
    paragraphs = build_paragraphs([(b, "body") for b in layout.blocks], Lexicon.from_texts([]))
    assert [p.text for p in paragraphs] == expected


def test_two_columns_of_running_text_on_one_baseline_grid_are_no_table():
    left, _ = typeset_column([words(0, 80)], 50, 100, 200)
    right, _ = typeset_column([words(80, 80)], 270, 100, 200)
    layout = lay_out(left + right)
    assert not table_blocks(layout) and len(layout.blocks) == 2


def test_two_columns_of_a_short_list_without_figures_are_no_table():
    """Names or terms set in two columns read down each column: without figures no table."""
    runs = [make_run(LABELS[r], x, 100 + 13 * r) for r in range(6) for x in (60, 250)]
    assert not table_blocks(lay_out(runs))


def test_a_column_of_mostly_words_with_some_figures_is_no_figure_column():
    terms = ["Aarhus", "1997", "Odense", "2003", "Aalborg", "Esbjerg", "Vejle", "2010", "Horsens", "Randers"]
    runs = [make_run(LABELS[r % 8], 60, 100 + 13 * r) for r in range(10)]
    runs += [make_run(t, 250, 100 + 13 * r) for r, t in enumerate(terms)]
    assert not table_blocks(lay_out(runs))


@pytest.mark.parametrize("margin", [20, 420])
def test_running_text_with_numbered_lines_is_no_table(margin):
    """Court filings number every line in a margin: the numbers share the text's baselines."""
    body, _ = typeset_column([words(0, 120)], 80, 100, 300)
    numbers = [make_run(str(k + 1), margin, run.baseline) for k, run in enumerate(body)]
    layout = lay_out(body + numbers)
    assert not table_blocks(layout)
    assert any(b.text.split() == words(0, 120).split() for b in layout.blocks)


def test_two_tables_side_by_side_stay_apart():
    """Income | amount   Expenses | amount: a column of labels after figures starts a table."""
    left, left_rows = table_runs(5, 2, x0=40)
    right, right_rows = table_runs(5, 2, x0=320)
    tables = table_blocks(lay_out(left + right))
    assert sorted([line.text for line in t.lines] for t in tables) == sorted([left_rows, right_rows])


def test_a_running_head_over_a_table_is_no_row_of_it():
    runs, expected = table_runs(6, 2, top=120)  # rows 12.6 pt apart; the head 30 pt above
    head = [make_run("Sundhedsstyrelsen", 60, 90), make_run("§ 12", 190, 90)]
    [table] = table_blocks(lay_out(runs + head))
    assert [line.text for line in table.lines] == expected


@pytest.mark.parametrize("figures_row", [4.5, 4])  # centred between the label's lines, beside its first
def test_a_label_of_two_lines_is_one_row_with_its_figures(figures_row):
    runs, expected = table_runs(4, 3)
    runs += [make_run("Flygtige organiske", 60, 100 + 4 * 12.6), make_run("forbindelser", 60, 100 + 5 * 12.6),
             make_run("100 000", 195, 100 + figures_row * 12.6), make_run("-", 267, 100 + figures_row * 12.6)]
    [table] = table_blocks(lay_out(runs))
    assert [line.text for line in table.lines] == expected + ["Flygtige organiske forbindelser 100 000 -"]


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(3, 8), columns=st.integers(2, 4), size=st.floats(6, 14), scale=st.floats(0.5, 3),
       seed=st.integers(0, 10**6))
def test_a_table_reads_the_same_whatever_its_scale_and_drawing_order(rows, columns, size, scale, seed):
    runs, expected = table_runs(rows, columns, size=size)
    random.Random(seed).shuffle(runs)
    layout = layout_page(scale_page(make_page(runs, width=1000, height=1000), scale))
    [table] = table_blocks(layout)
    assert [line.text for line in table.lines] == expected
