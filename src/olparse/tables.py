"""Tables: cells read row by row, not column by column.

Input: the blocks of one page (``blocks.build_blocks``). Output: the same blocks, with the cells
of each table found replaced by one block whose lines are the table's rows (``Block.table``).

Without this stage a table reads as its columns: ``blocks`` stacks the cells of a column into
blocks (one style, regular leading), and reading order puts the columns one after the other,
so every label is printed far from its values. A reader reads a table row by row.

A table is found from geometry and a little content, never from drawn rules (many tables have
none, and rules drawn cell by cell are common too)::

    Carbon dioxide (CO2)        100 million    -    -      cells: blocks whose lines are short
    Methane (CH4)               100 000        -    -      (at most CELL_WORDS words)
    Nitrous oxide (N2O)         10 000         -    -      rows: cells side by side on one
                                                           baseline (within ROW_TOLERANCE em)

1. **Cells**: blocks whose lines are nearly all short. Running text never is, so two columns of
   body text on one baseline grid are no table.
2. **Rows**: lines of cell blocks on one baseline, side by side and not overlapping, from at
   least two blocks.
3. **Tables**: ``MIN_ROWS`` or more rows, each within ``MAX_ROW_STEP`` em of the one above and
   overlapping it horizontally, with no other text between them; and at least one column of
   figures (``NUMERIC_SHARE`` of its cells numbers, dashes or percentages). The figures are what
   tell a table from two columns of a short list (names, terms), which read column by column.
   A column of labels after a column of figures starts a second table set beside the first; a
   first or last row far off the others (``LOOSE_STEP``) is a running head or a caption.
4. Cell blocks inside the table's box join it too (a two-line label beside values centred on
   it). Every line of the blocks in a table becomes part of one row (a label's second line is a row
   of its own), and each row one line, cells left to right, separated by a space.

Thresholds are in ems of the cells' own type size, so scaling the page changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import regex

from .geometry import union_all
from .model import Block, Line

#: A table cell's line holds at most this many words.
CELL_WORDS = 5
#: Share of a block's lines that must be short for it to be read as cells.
CELL_SHARE = 0.8
#: Lines whose baselines differ by at most this (em) are on one row.
ROW_TOLERANCE = 0.3
#: Rows of one table are at most this far apart (em, baseline to baseline).
MAX_ROW_STEP = 4.0
#: A table has at least this many rows with two cells or more.
MIN_ROWS = 3
#: A column of figures: this share of its cells (at least ``MIN_ROWS``) are numbers.
NUMERIC_SHARE = 0.7
#: A first or last row this many times the usual row step away from its neighbour is no row.
LOOSE_STEP = 2.0
FIGURE_START = regex.compile(r"^[\p{Sc}<>≤≥~≈±+\-–—−]?\s*\d[\d.,’']*\s")
NUMERIC = regex.compile(r"^[\p{Sc}<>≤≥~≈±+\-–—−]?\s*\d[\d\s.,’']*(?:\s*(?:%|‰|\p{Sc}|[a-zA-Zµ]{1,3}))?$|^[-–—−]$")


def find_tables(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks`` with the cells of each table merged into one block of rows."""
    cells: list[Block] = []
    others: list[Block] = []
    for block in blocks:
        (cells if is_cell_block(block) else others).append(block)
    if len(cells) < 2:
        return tuple(blocks)
    owner = {id(line): k for k, block in enumerate(cells) for line in block.lines}
    rows = [row for row in baseline_rows([ln for b in cells for ln in b.lines]) if is_table_row(row, owner)]
    out = list(others)
    used: set[int] = set()
    for group in table_groups(rows, others):
        for part in side_by_side_tables(group):
            part = trim_loose_rows(part)
            members = {owner[id(line)] for row in part for line in row} - used
            if len(part) < MIN_ROWS or not has_figure_column(part) or len(members) < 2:
                continue
            members |= set(inside_table([cells[k] for k in members], cells, used | members))
            used.update(members)
            out.append(table_block([cells[k] for k in sorted(members)]))
    out.extend(b for k, b in enumerate(cells) if k not in used)
    return tuple(out) if used else tuple(blocks)


def is_cell_block(block: Block) -> bool:
    """Horizontal lines, nearly all of them short: cells, not running text."""
    if block.first.rotation != 0 or block.table:
        return False
    short = sum(len(line.text.split()) <= CELL_WORDS for line in block.lines)
    return short >= CELL_SHARE * len(block.lines)


def baseline_rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped by baseline (top to bottom), each group left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.baseline):
        if rows and line.baseline - rows[-1][0].baseline <= ROW_TOLERANCE * max(line.size, rows[-1][0].size):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.bbox.x0) for row in rows]


def is_table_row(row: Sequence[Line], owner: dict[int, int]) -> bool:
    """Two cells or more from different blocks, side by side without overlapping."""
    if len({owner[id(line)] for line in row}) < 2:
        return False
    return all(a.bbox.x1 <= b.bbox.x0 + 0.1 * min(a.size, b.size) for a, b in zip(row, row[1:]))


def table_groups(rows: Sequence[list[Line]], others: Sequence[Block]) -> list[list[list[Line]]]:
    """Runs of ``MIN_ROWS`` or more rows that follow each other closely, overlapping the table
    so far horizontally, with no text of other blocks between them."""
    groups: list[list[list[Line]]] = []
    current: list[list[Line]] = []
    span = (0.0, 0.0)  # the table's horizontal extent so far
    for row in rows:
        if current and not follows(current[-1], span, row, others):
            if len(current) >= MIN_ROWS:
                groups.append(current)
            current = []
        x0, x1 = min(line.bbox.x0 for line in row), max(line.bbox.x1 for line in row)
        span = (min(span[0], x0), max(span[1], x1)) if current else (x0, x1)
        current.append(row)
    if len(current) >= MIN_ROWS:
        groups.append(current)
    return groups


def follows(above: Sequence[Line], span: tuple[float, float], row: Sequence[Line], others: Sequence[Block]) -> bool:
    """Is ``row`` the next row of a table whose last row is ``above`` and whose rows so far
    reach across ``span``? A row may hold only some of the columns (a cell spanning two rows
    is set on a baseline of its own)."""
    size = max(line.size for line in (*above, *row))
    if row[0].baseline - above[0].baseline > MAX_ROW_STEP * size:
        return False
    top = union_all(line.bbox for line in above)
    low = union_all(line.bbox for line in row)
    if min(span[1], low.x1) <= max(span[0], low.x0):
        return False
    x0, x1 = min(span[0], low.x0), max(span[1], low.x1)
    slack = 0.05 * size
    return not any(b.bbox.top >= top.bottom - slack and b.bbox.bottom <= low.top + slack
                   and min(b.bbox.x1, x1) > max(b.bbox.x0, x0) for b in others)


def inside_table(members: Sequence[Block], cells: Sequence[Block], used: set[int]) -> list[int]:
    """Cell blocks within the table's box that are on no row: a label of two lines set beside
    values centred on it, a header cell."""
    box = union_all(b.bbox for b in members)
    slack = 0.5 * max(b.size for b in members)
    return [k for k, cell in enumerate(cells) if k not in used and box.contains(cell.bbox, tolerance=slack)]


def table_columns(rows: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """The cells of ``rows`` grouped into columns (cells that overlap horizontally), left to right."""
    columns: list[list[Line]] = []
    for row in rows:
        for line in row:
            home = next((c for c in columns if c[-1].bbox.x_overlap(line.bbox) > 0), None)
            if home is None:
                columns.append([line])
            else:
                home.append(line)
    return sorted(columns, key=lambda c: min(line.bbox.x0 for line in c))


def is_figure(text: str) -> bool:
    """A number, a dash or a percentage, perhaps with a short qualifier (``200 as BTEX``)."""
    text = text.strip()
    return bool(NUMERIC.match(text)) or (bool(FIGURE_START.match(text)) and len(text.split()) <= 3)


def is_figure_column(column: Sequence[Line]) -> bool:
    figures = sum(is_figure(line.text) for line in column)
    return figures >= MIN_ROWS and figures >= NUMERIC_SHARE * len(column)


def has_figure_column(rows: Sequence[Sequence[Line]]) -> bool:
    """Does some column (cells that overlap horizontally, row after row) hold figures?"""
    return any(is_figure_column(column) for column in table_columns(rows))


def side_by_side_tables(rows: Sequence[list[Line]]) -> list[list[list[Line]]]:
    """The rows of two tables set side by side, apart: a column of labels after a column of
    figures starts the next table (``Income | amount   Expenses | amount``)."""
    columns = table_columns(rows)
    starts = [min(line.bbox.x0 for line in c) for k, c in enumerate(columns)
              if k and is_figure_column(columns[k - 1]) and not is_figure_column(c)]
    if not starts:
        return [list(rows)]
    edges = [float("-inf"), *starts, float("inf")]
    parts = []
    for left, right in zip(edges, edges[1:]):
        part = [[ln for ln in row if left <= ln.bbox.x0 < right] for row in rows]
        parts.append([row for row in part if len(row) >= 2])
    return parts


def trim_loose_rows(rows: list[list[Line]]) -> list[list[Line]]:
    """Without a first or last row set further off than ``LOOSE_STEP`` times the table's usual
    row step: a running head or a caption on one baseline with a short neighbour."""
    while len(rows) > MIN_ROWS:
        steps = sorted(b[0].baseline - a[0].baseline for a, b in zip(rows, rows[1:]))
        usual = steps[len(steps) // 2]
        if rows[1][0].baseline - rows[0][0].baseline > LOOSE_STEP * usual:
            rows = rows[1:]
        elif rows[-1][0].baseline - rows[-2][0].baseline > LOOSE_STEP * usual:
            rows = rows[:-1]
        else:
            break
    return rows


def table_block(members: Sequence[Block]) -> Block:
    """One block for a table: every line of its cell blocks in a row, each row one line."""
    rows = merge_tall_cells(baseline_rows([line for block in members for line in block.lines]), members)
    lines = tuple(row_line(row) for row in rows)
    frames = {b.frame for b in members}
    return Block(lines=lines, bbox=union_all(b.bbox for b in members), page=members[0].page,
                 frame=frames.pop() if len(frames) == 1 else None, table=True)


def merge_tall_cells(rows: list[list[Line]], members: Sequence[Block]) -> list[list[Line]]:
    """Rows joined where a cell of several lines spans them: a label set on two lines with its
    figures beside the first, the last or centred between them (``Chlorine and inorganic
    compounds`` / ``10 000 - -`` / ``(as HCl)`` is one row).

    Two consecutive lines of one cell block belong to one cell when one of them stands alone on
    its row; a column of one-line cells has figures beside every line."""
    row_of = {id(line): k for k, row in enumerate(rows) for line in row}
    pairs = [(row_of[id(a)], row_of[id(b)], b) for block in members for a, b in zip(block.lines, block.lines[1:])]
    # figures centred between the two lines of a label: both lines alone on their rows
    spans = [(ka, kb) for ka, kb, _ in pairs if kb > ka + 1 and len(rows[ka]) == 1 and len(rows[kb]) == 1]
    centred = {k for span in spans for k in span}
    # figures beside the first or the last line of a label whose second line goes on with the
    # first (lower case: ``et al.``, ``piperidyl]-N-…``); a capital starts the next label
    spans += [(ka, kb) for ka, kb, b in pairs if kb == ka + 1 and not {ka, kb} & centred
              and (len(rows[ka]) == 1 or len(rows[kb]) == 1) and goes_on_in(b.text)]
    if not spans:
        return rows
    out: list[list[Line]] = []
    k = 0
    while k < len(rows):
        end = k
        while True:  # spans that start inside the merged rows stretch them
            reach = max((b for a, b in spans if k <= a <= end), default=end)
            if reach == end:
                break
            end = reach
        out.append(tall_row([line for row in rows[k:end + 1] for line in row]))
        k = end + 1
    return out


def goes_on_in(text: str) -> bool:
    """A cell's line that continues the line above it: it starts in lower case, or with a
    bracket before lower case (``(as HCl)`` starts like that, but is a case of its own)."""
    text = text.lstrip().lstrip("([")
    return text[:1].islower()


def tall_row(lines: Sequence[Line]) -> list[Line]:
    """The lines of a merged row left to right, each cell's lines top to bottom (one column's
    lines are joined as one cell)."""
    by_place = sorted(lines, key=lambda ln: (ln.bbox.x0, ln.baseline))
    return [line for column in table_columns([by_place]) for line in sorted(column, key=lambda ln: ln.baseline)]


def row_line(row: Sequence[Line]) -> Line:
    """The cells of one row as one line, left to right; a row ends no word (no hyphen signal)."""
    if len(row) == 1:
        return replace(row[0], hyphen_signal="", space_after=False)
    widest = max(row, key=lambda line: len(line.text))
    baselines = sorted(line.baseline for line in row)
    return Line(text=" ".join(line.text for line in row), bbox=union_all(line.bbox for line in row),
                runs=tuple(run for line in row for run in line.runs), font=widest.font, size=widest.size,
                bold=widest.bold, italic=widest.italic, color=widest.color,
                baseline=baselines[len(baselines) // 2], page=widest.page, rotation=0)
