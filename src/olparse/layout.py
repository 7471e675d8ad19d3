"""Layout: the page's column grid and the reading order of its blocks.

Input: blocks and frames of one page. Output: ``PageLayout`` with the blocks in reading order
(``Block.id`` is the position) and the column grid.

Algorithm:

1. **Main text style** of the page: the style of most characters in blocks of three or more
   lines. Its blocks define the **column grid** (their horizontal extents, merged).
2. **Units**: the blocks inside one frame form one unit (ordered inside recursively); every other
   block is a unit of its own.
3. **Floats**: a unit set *inside* the text flow, with main-text blocks directly above and below
   it in the same column, is lifted out when it is a frame or a text in another style that is not
   a heading (pull-quotes, boxes, captions); otherwise it would cut the columns it spans into
   pieces and scramble their order.
4. **Order** the remaining units by the partial order of Breuel (2003), then a topological sort
   that prefers the unit nearest the top-left::

       a before b  if  a and b overlap horizontally and a is above b, or
                       a is left of b and no unit c between them vertically overlaps both.

   A title spanning the columns comes before them; columns go left to right; an article set
   under another on the same page starts after the first one ends.
5. Floats go back in right after the last unit above them.

The order depends only on geometry and style, never on the content-stream order, and every
threshold scales with the type size, so scaling the page leaves the order unchanged.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, replace
from typing import Sequence

from .geometry import BBox, union_all
from .model import Block, Column, ImageBox, PageLayout, Rect, StyleKey

#: Below this share of the page's width a unit never counts as spanning columns.
OVERLAP_TOLERANCE = 0.5
#: How far (in main-text line heights) a float may sit from the text above and below it.
FLOAT_REACH_LINES = 4.0
#: Text this much larger than the main text is a heading, never a float.
HEADING_RATIO = 2.0


@dataclass(frozen=True, slots=True)
class Unit:
    """Blocks ordered as one: a single block, or everything inside one frame."""

    blocks: tuple[Block, ...]
    bbox: BBox
    framed: bool


def order_page(number: int, width: float, height: float, blocks: Sequence[Block],
               frames: Sequence[Rect] = (), images: Sequence[ImageBox] = (), label: str = "") -> PageLayout:
    """Put a page's blocks in reading order and find its column grid (see module docstring)."""
    main = main_style(blocks)
    columns = column_grid(blocks, main)
    units = make_units(blocks, frames)
    floats = [u for u in units if is_float(u, units, main)]
    flow = [u for u in units if u not in floats]
    ordered = topological_order(flow)
    ordered = insert_floats(ordered, floats)
    out: list[Block] = []
    for unit in ordered:
        inner = unit.blocks if len(unit.blocks) == 1 else topological_order_blocks(unit.blocks)
        out.extend(inner)
    numbered = tuple(replace(b, id=i, column=column_of(b.bbox, columns)) for i, b in enumerate(out))
    return PageLayout(number=number, width=width, height=height, blocks=numbered,
                      columns=tuple(columns), frames=tuple(frames), images=tuple(images), label=label)


# ------------------------------------------------------------------------ style and grid
def main_style(blocks: Sequence[Block]) -> StyleKey | None:
    """The style of most characters in multi-line horizontal blocks (else in all blocks)."""
    weights: dict[StyleKey, int] = {}
    for pool in ([b for b in blocks if len(b.lines) >= 3 and b.first.rotation == 0], list(blocks)):
        for block in pool:
            for line in block.lines:
                weights[line.style] = weights.get(line.style, 0) + len(line.text)
        if weights:
            break
    return max(weights, key=weights.__getitem__) if weights else None


def is_main_text(block: Block, main: StyleKey | None) -> bool:
    if main is None:
        return False
    style = block.style
    return abs(style.size - main.size) <= 0.1 * main.size and style.bold == main.bold and style.italic == main.italic


def column_grid(blocks: Sequence[Block], main: StyleKey | None) -> list[Column]:
    """Merge the horizontal extents of main-text blocks into columns, left to right."""
    spans = sorted((b.bbox.x0, b.bbox.x1) for b in blocks if is_main_text(b, main) and b.frame is None)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        for col in columns:
            overlap = min(x1, col[1]) - max(x0, col[0])
            if overlap > 0.5 * min(x1 - x0, col[1] - col[0]):
                col[0], col[1] = min(col[0], x0), max(col[1], x1)
                break
        else:
            columns.append([x0, x1])
    columns.sort()
    return [Column(x0, x1) for x0, x1 in columns]


def column_of(box: BBox, columns: Sequence[Column]) -> int:
    """Index of the one column that holds ``box``; -1 when it spans several or none."""
    hits = [i for i, c in enumerate(columns) if min(box.x1, c.x1) - max(box.x0, c.x0) > 0.5 * (box.x1 - box.x0)]
    return hits[0] if len(hits) == 1 else -1


# ------------------------------------------------------------------------------- units
def make_units(blocks: Sequence[Block], frames: Sequence[Rect]) -> list[Unit]:
    """One unit per frame holding all its blocks, and one per unframed block."""
    by_frame: dict[int, list[Block]] = {}
    units: list[Unit] = []
    for block in blocks:
        if block.frame is None:
            units.append(Unit((block,), block.bbox, False))
        else:
            by_frame.setdefault(block.frame, []).append(block)
    for index, members in sorted(by_frame.items()):
        box = union_all([b.bbox for b in members] + ([frames[index].bbox] if index < len(frames) else []))
        units.append(Unit(tuple(members), box, True))
    return units


def is_float(unit: Unit, units: Sequence[Unit], main: StyleKey | None) -> bool:
    """A box, pull-quote or caption set inside the text flow (main text above and below)."""
    if main is None:
        return False
    block = unit.blocks[0]
    if not unit.framed:
        if is_main_text(block, main) or block.first.rotation != 0:
            return False
        if block.size >= HEADING_RATIO * main.size:
            return False
        if is_subheading(block, main):
            return False
    reach = FLOAT_REACH_LINES * main.size * 1.2
    above = below = False
    for other in units:
        if other is unit or other.framed or not is_main_text(other.blocks[0], main):
            continue
        if other.bbox.x_overlap(unit.bbox) < 0.3 * min(other.bbox.width, unit.bbox.width):
            continue
        gap_above = unit.bbox.top - other.bbox.bottom
        gap_below = other.bbox.top - unit.bbox.bottom
        above = above or -main.size < gap_above <= reach
        below = below or -main.size < gap_below <= reach
    return above and below


def is_subheading(block: Block, main: StyleKey) -> bool:
    """A short heading inside the text column: one or two lines, about the main text size."""
    return len(block.lines) <= 2 and block.size <= 1.35 * main.size and block.bbox.height < 3 * main.size * 1.3


# -------------------------------------------------------------------------- ordering
def precedes(a: BBox, b: BBox, others: Sequence[BBox], tol: float) -> bool:
    """Breuel's rule: does ``a`` come before ``b``?"""
    if a.x_overlap(b) > tol:
        return a.center_y < b.center_y and a.top < b.top + tol
    if a.x1 <= b.x0 + tol:
        upper, lower = (a, b) if a.top <= b.top else (b, a)
        for c in others:
            if c is a or c is b:
                continue
            if c.top >= upper.bottom - tol and c.bottom <= lower.top + tol \
                    and c.x0 < a.x1 and c.x1 > b.x0:
                return False
        return True
    return False


def topological_order(units: Sequence[Unit]) -> list[Unit]:
    boxes = [u.bbox for u in units]
    order = topological_indices(boxes)
    return [units[i] for i in order]


def topological_order_blocks(blocks: Sequence[Block]) -> list[Block]:
    order = topological_indices([b.bbox for b in blocks])
    return [blocks[i] for i in order]


def topological_indices(boxes: Sequence[BBox]) -> list[int]:
    """Kahn's algorithm over Breuel's precedence; the top-left-most ready box goes first.

    Cycles (possible with overlapping boxes) are broken by taking the top-left-most remaining box.
    """
    n = len(boxes)
    if n <= 1:
        return list(range(n))
    tol = tolerance_for(boxes)
    spanning = [b for b in boxes]
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    for i in range(n):
        for j in range(n):
            if i != j and precedes(boxes[i], boxes[j], spanning, tol):
                succ[i].append(j)
                indeg[j] += 1
    key = lambda i: (round(boxes[i].top, 1), boxes[i].x0)  # noqa: E731
    ready = [(key(i), i) for i in range(n) if indeg[i] == 0]
    heapq.heapify(ready)
    done = [False] * n
    out: list[int] = []
    while len(out) < n:
        if not ready:
            rest = min((i for i in range(n) if not done[i]), key=key)
            heapq.heappush(ready, (key(rest), rest))
            indeg[rest] = 0
        _, i = heapq.heappop(ready)
        if done[i]:
            continue
        done[i] = True
        out.append(i)
        for j in succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0 and not done[j]:
                heapq.heappush(ready, (key(j), j))
    return out


def tolerance_for(boxes: Sequence[BBox]) -> float:
    """Geometric slack: a fifth of the smallest box height, so it scales with the page."""
    heights = sorted(b.height for b in boxes if b.height > 0)
    return 0.2 * heights[len(heights) // 4] if heights else 1.0


def insert_floats(ordered: list[Unit], floats: Sequence[Unit]) -> list[Unit]:
    """Put each float right after the last unit (in reading order) that lies above it."""
    out = list(ordered)
    for f in sorted(floats, key=lambda u: (u.bbox.top, u.bbox.x0)):
        position = 0
        for k, unit in enumerate(out):
            if unit.bbox.bottom <= f.bbox.top + 1 and unit.bbox.x_overlap(f.bbox) > 0:
                position = k + 1
        out.insert(position, f)
    return out
