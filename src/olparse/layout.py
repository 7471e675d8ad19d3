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
5. Floats go back in right after the last unit above them; a display heading the text wraps
   around on both sides (``is_inset_heading``) goes before the top of the column on its left.

The order depends only on geometry and style, never on the content-stream order, and every
threshold scales with the type size, so scaling the page leaves the order unchanged.
"""

from __future__ import annotations

import bisect
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
#: Above this many blocks on a page, the quadratic precedence order gives way to an XY-cut.
MAX_PRECEDENCE_BOXES = 400
#: Sizes in an exact ratio (15 pt to 10 pt) must compare alike at any scale: floating-point
#: products differ in the last bit, so ratio thresholds allow this much.
RATIO_EPS = 1e-9
#: Headings this much larger than the main text may start a new band of the page.
BAND_HEADING_RATIO = 1.5
#: Main text that ends or starts within this many ems of a heading's side wraps around it
#: (a wrap offset of a pica or two).
INSET_REACH_EM = 3.0


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
    insets = [u for u in units if u not in floats and is_inset_heading(u, units, main)]
    flow = [u for u in units if u not in floats and u not in insets]
    ordered = topological_order(flow, band_separators(flow, main))
    ordered = insert_floats(ordered, floats)
    ordered = insert_insets(ordered, insets, main)
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
    if not weights:
        return None
    key = max(weights, key=weights.__getitem__)
    exact = sorted(ln.size for b in blocks for ln in b.lines if ln.style == key)
    return replace(key, size=exact[len(exact) // 2])  # the exact size: ratios must not see rounding


def is_main_text(block: Block, main: StyleKey | None) -> bool:
    if main is None:
        return False
    style = block.style
    return abs(block.size - main.size) <= 0.1 * main.size and style.bold == main.bold and style.italic == main.italic


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
        if block.size >= (HEADING_RATIO - RATIO_EPS) * main.size:
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
    return len(block.lines) <= 2 and block.size <= (1.35 + RATIO_EPS) * main.size \
        and block.bbox.height < 3 * main.size * 1.3


# -------------------------------------------------------------------------- ordering
def precedes(a: BBox, b: BBox, others: Sequence[BBox], tol: float) -> bool:
    """Breuel's rule for one pair: does ``a`` come before ``b``? (``others`` may hold a and b.)"""
    boxes = [a, b] + [c for c in others if c is not a and c is not b]
    by_top = sorted(range(len(boxes)), key=lambda k: boxes[k].top)
    return (0, 1) in precedence_edges_of(boxes, tol, by_top, pairs=[(0, 1)])


def precedence_edges(boxes: Sequence[BBox], tol: float, separators: Sequence[BBox] = ()) -> list[tuple[int, int]]:
    """All pairs ``(i, j)`` where box ``i`` comes before box ``j`` by Breuel's rule."""
    n = len(boxes)
    every = list(boxes) + list(separators)
    by_top = sorted(range(len(every)), key=lambda k: every[k].top)
    return precedence_edges_of(every, tol, by_top, ((i, j) for i in range(n) for j in range(n) if i != j))


def precedence_edges_of(boxes: Sequence[BBox], tol: float, by_top: Sequence[int], pairs) -> list[tuple[int, int]]:
    """The pairs among ``pairs`` that Breuel's rule orders first-before-second."""
    tops = [boxes[k].top for k in by_top]
    edges = []
    for i, j in pairs:
        a, b = boxes[i], boxes[j]
        if min(a.x1, b.x1) - max(a.x0, b.x0) > tol:
            if a.center_y < b.center_y and a.top < b.top + tol:
                edges.append((i, j))
        elif a.x1 <= b.x0 + tol and not separated(a, b, boxes, by_top, tops, tol, i, j):
            edges.append((i, j))
    return edges


def separated(a: BBox, b: BBox, boxes: Sequence[BBox], by_top: Sequence[int], tops: Sequence[float],
              tol: float, i: int, j: int) -> bool:
    """Is there a box between ``a`` (left) and ``b`` (right) vertically that overlaps both?"""
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    start = bisect.bisect_left(tops, upper.bottom - tol)
    limit = lower.top + tol
    for k in range(start, len(by_top)):
        if tops[k] > limit:
            break
        c_index = by_top[k]
        if c_index == i or c_index == j:
            continue
        c = boxes[c_index]
        if c.bottom <= limit and c.x0 < a.x1 and c.x1 > b.x0:
            return True
    return False


def topological_order(units: Sequence[Unit], separators: Sequence[BBox] = ()) -> list[Unit]:
    boxes = [u.bbox for u in units]
    order = topological_indices(boxes, separators)
    return [units[i] for i in order]


def band_separators(units: Sequence[Unit], main: StyleKey | None) -> list[BBox]:
    """Full-width separators above headings that sit in an empty band across the whole page.

    A heading narrower than the columns (a one-column title of the next article) does not by
    itself separate the article above it from the one below; the empty band across the page
    just above it does. Only bands that no block crosses count, so a heading beside text that
    runs on in other columns separates nothing.
    """
    if main is None or len(units) < 3:
        return []
    x0, x1 = min(u.bbox.x0 for u in units), max(u.bbox.x1 for u in units)
    out = []
    for unit in units:
        block = unit.blocks[0]
        if unit.framed or block.size < (BAND_HEADING_RATIO - RATIO_EPS) * main.size \
                or unit.bbox.width >= 0.9 * (x1 - x0) \
                or is_sentence_like(block.text):
            continue
        top = unit.bbox.top
        eps = 0.05 * main.size  # boxes that touch are not crossing, whatever the rounding after scaling
        above = [u.bbox.bottom for u in units if u is not unit and u.bbox.bottom <= top + eps]
        if not above:
            continue
        band_top = max(above)
        crossing = any(u is not unit and u.bbox.top < top - eps and u.bbox.bottom > band_top + eps
                       for u in units)
        if not crossing:
            out.append(BBox(x0, band_top, x1, band_top))
    return out + head_band_separators(units, main)


def head_band_separators(units: Sequence[Unit], main: StyleKey) -> list[BBox]:
    """A separator under a title that stands alone at the head of the page: nothing above it
    and nothing beside it, set apart from the main text by its size or weight. Centred over a
    gutter it overlaps neither column, and Breuel's rule would read it after the left one.
    """
    x0, x1 = min(u.bbox.x0 for u in units), max(u.bbox.x1 for u in units)
    eps = 0.05 * main.size
    top = min(units, key=lambda u: u.bbox.top)
    block = top.blocks[0]
    if top.framed or (block.size <= main.size * (1 + RATIO_EPS) and not block.first.bold) \
            or is_sentence_like(block.text):
        return []
    if any(u is not top and u.bbox.top < top.bbox.bottom - eps for u in units):
        return []  # something beside it (or above): a title of one column among others
    return [BBox(x0, top.bbox.bottom, x1, top.bbox.bottom)]


def topological_order_blocks(blocks: Sequence[Block]) -> list[Block]:
    order = topological_indices([b.bbox for b in blocks])
    return [blocks[i] for i in order]


def topological_indices(boxes: Sequence[BBox], separators: Sequence[BBox] = ()) -> list[int]:
    """Kahn's algorithm over Breuel's precedence; the top-left-most ready box goes first.

    ``separators`` are extra boxes that only separate (they are not ordered themselves).
    Cycles (possible with overlapping boxes) are broken by taking the top-left-most remaining box.
    """
    n = len(boxes)
    if n <= 1:
        return list(range(n))
    if n > MAX_PRECEDENCE_BOXES:
        return xy_cut_order(boxes, list(range(n)))
    tol = tolerance_for(boxes)
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    for i, j in precedence_edges(boxes, tol, separators):
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


def xy_cut_order(boxes: Sequence[BBox], idx: list[int]) -> list[int]:
    """Recursive XY-cut: the fallback for pages with very many blocks (OCR layers, listings).

    Cuts at the widest empty horizontal band first, then at the widest empty vertical channel;
    boxes that cannot be cut apart are read top to bottom, left to right.
    """
    if len(idx) <= 1:
        return idx
    for axis in ("y", "x"):
        cut = widest_gap(boxes, idx, axis)
        if cut is not None:
            first = [k for k in idx if (boxes[k].bottom if axis == "y" else boxes[k].x1) <= cut]
            rest = [k for k in idx if k not in set(first)]
            if first and rest:
                return xy_cut_order(boxes, first) + xy_cut_order(boxes, rest)
    return sorted(idx, key=lambda k: (round(boxes[k].top), boxes[k].x0))


def widest_gap(boxes: Sequence[BBox], idx: list[int], axis: str) -> float | None:
    """The middle of the widest gap in the projection of the boxes on one axis."""
    spans = sorted((boxes[k].top, boxes[k].bottom) if axis == "y" else (boxes[k].x0, boxes[k].x1) for k in idx)
    best, best_width, reach = None, 0.0, spans[0][1]
    for lo, hi in spans[1:]:
        if lo > reach and lo - reach > best_width:
            best, best_width = (lo + reach) / 2, lo - reach
        reach = max(reach, hi)
    return best


def tolerance_for(boxes: Sequence[BBox]) -> float:
    """Geometric slack: a fifth of the smallest box height, so it scales with the page."""
    heights = sorted(b.height for b in boxes if b.height > 0)
    return 0.2 * heights[len(heights) // 4] if heights else 1.0


def is_sentence_like(text: str) -> bool:
    """A sentence rather than a headline: it ends like a sentence, opens with a quote mark, or is
    long. Pull-quotes are sentences; titles and subheadings seldom are."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped[0] in "”“\"«»„'‘’–—":
        return True
    if stripped.rstrip("”\"»’' ").endswith((".", "!", "?", "…")):
        return True
    return len(stripped.split()) >= 14



def is_inset_heading(unit: Unit, units: Sequence[Unit], main: StyleKey | None) -> bool:
    """A display heading set into the text, which wraps around it: on the rows it stands on,
    main-text lines end short of their block's right edge just left of it, and others start
    indented from their block's left edge just right of it.

    Left in the flow it sits between the columns' upper and lower parts and cuts them apart:
    the text under it was read after the next column's top. A magazine wraps an article's own
    text around its title (the page's title block is then its only heading), so it goes first.
    """
    if main is None or unit.framed:
        return False
    block = unit.blocks[0]
    if block.size < (BAND_HEADING_RATIO - RATIO_EPS) * main.size or is_sentence_like(block.text):
        return False
    box, em = unit.bbox, main.size
    reach, left, right = INSET_REACH_EM * em, False, False
    for other in units:
        if other is unit or not is_main_text(other.blocks[0], main):
            continue
        edges = other.blocks[0].bbox
        for line in other.blocks[0].lines:
            if line.bbox.bottom <= box.top or line.bbox.top >= box.bottom:
                continue  # not on the heading's rows
            left = left or (0 <= box.x0 - line.bbox.x1 <= reach and line.bbox.x1 < edges.x1 - em)
            right = right or (0 <= line.bbox.x0 - box.x1 <= reach and line.bbox.x0 > edges.x0 + em)
    return left and right


def insert_insets(ordered: list[Unit], insets: Sequence[Unit], main: StyleKey | None) -> list[Unit]:
    """Put each inset heading before the first unit (in reading order) of the column its text
    wraps on the left: where its article starts."""
    if not insets or main is None:  # (``is_inset_heading`` finds none without a main style)
        return ordered
    out, reach = list(ordered), INSET_REACH_EM * main.size
    for inset in sorted(insets, key=lambda u: (u.bbox.top, u.bbox.x0)):
        position = next((k for k, u in enumerate(out) if is_main_text(u.blocks[0], main)
                         and u.bbox.x0 < inset.bbox.x0 < u.bbox.x1 + reach), len(out))
        out.insert(position, inset)
    return out


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
