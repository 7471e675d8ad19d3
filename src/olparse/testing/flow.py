"""Column slots and the placement of set lines into them.

An article's text frames are a list of :class:`Slot` in reading order: the free vertical
intervals of each column, page by page, after obstacles (images, pull-quotes, fact boxes) have
been cut out::

    page 0                       page 1
    +------+------+------+       +------+------+------+
    | s0   | s2   |image |       | s5   | s6   | s8   |
    |      |      +------+       |      +------+      |
    +------+      | s4   |       |      |quote |      |
    |quote |      |      |       |      +------+      |
    +------+      |      |       |      | s7   +------+
    | s1   | s3   |      |       |      |      | box  |
    +------+------+------+       +------+------+------+

Lines fill a slot top-down and continue in the next slot, so paragraphs are cut by column
breaks, page breaks and obstacles. :func:`place` is pure: it returns the placements and a new
:class:`Cursor`, or ``None`` when the text does not fit, so callers can try and roll back.

Restrictions: no baseline grid across columns; obstacles span whole columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from .linebreak import Line

EPS = 0.01
BASELINE_RATIO = 0.78  # baseline below the top of a line box, as a share of the leading


@dataclass(frozen=True, slots=True)
class Slot:
    """A free interval ``top``..``bottom`` of column ``column`` on the article's page ``page``."""

    page: int
    column: int
    x: float
    top: float
    bottom: float
    width: float


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next line goes: slot index and the top of the next line box."""

    slot: int
    y: float


@dataclass(frozen=True, slots=True)
class Placed:
    """A line put into slot ``slot`` with its baseline at ``baseline``."""

    slot: int
    baseline: float
    line: Line


def cut_slots(page: int, columns: list[tuple[float, float]], top: float, bottom: float,
              cuts: dict[int, list[tuple[float, float]]], min_height: float) -> list[Slot]:
    """The free slots of one page: each column's ``top``..``bottom`` minus its ``cuts``.

    ``cuts`` maps a column index to occupied ``(y0, y1)`` intervals (obstacle plus its margin);
    slots lower than ``min_height`` (less than a line or two) are dropped.
    """
    slots = []
    for c, (x, w) in enumerate(columns):
        y = top
        for y0, y1 in sorted(cuts.get(c, [])):
            if y0 - y >= min_height:
                slots.append(Slot(page, c, x, y, y0, w))
            y = max(y, y1)
        if bottom - y >= min_height:
            slots.append(Slot(page, c, x, y, bottom, w))
    return slots


def at_top(slots: list[Slot], cursor: Cursor) -> bool:
    """True when the cursor is at the top of its slot (no space before a block there)."""
    return cursor.slot < len(slots) and cursor.y <= slots[cursor.slot].top + EPS


def place(slots: list[Slot], cursor: Cursor, lines: list[Line], leading: float,
          space_before: float = 0.0, keep: int = 1, keep_leading: float | None = None):
    """Place ``lines`` from ``cursor``; return ``(placed, cursor)`` or ``None`` if they overflow.

    ``keep`` lines (of ``keep_leading``, default ``leading``) must fit in the first slot used,
    otherwise the block starts in the next slot (keeps a heading with its text).
    """
    s, y = cursor.slot, cursor.y
    if s >= len(slots):
        return None
    if not at_top(slots, cursor):
        y += space_before
    need = leading * min(keep, len(lines)) + (keep_leading or leading) * max(0, keep - len(lines))
    if y + need > slots[s].bottom + EPS:
        s += 1
        if s >= len(slots):
            return None
        y = slots[s].top
    out = []
    for line in lines:
        if y + leading > slots[s].bottom + EPS:
            s += 1
            if s >= len(slots):
                return None
            y = slots[s].top
        out.append(Placed(s, y + leading * BASELINE_RATIO, line))
        y += leading
    return out, Cursor(s, y)


def place_space(slots: list[Slot], cursor: Cursor, height: float, space_before: float = 0.0):
    """Reserve ``height`` points in one slot for a block that cannot break (an image).

    Returns ``(slot index, top, cursor after)`` or ``None`` if no remaining slot is tall enough.
    """
    s, y = cursor.slot, cursor.y
    if s >= len(slots):
        return None
    if not at_top(slots, cursor):
        y += space_before
    while y + height > slots[s].bottom + EPS:
        s += 1
        if s >= len(slots):
            return None
        y = slots[s].top
    return s, y, Cursor(s, y + height)
