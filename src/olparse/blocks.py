"""Blocks: stack lines of one style and regular leading into text blocks.

Input: the page's ``Line`` objects and drawn ``Rect`` shapes. Output: ``tuple[Block, ...]`` in
no particular order, plus the frames (boxes) that enclose text.

A line joins the block directly above it when all of these hold::

    +------------------------+  block's last line
    |                        |  } baseline step <= LEADING_SLACK x the block's leading
    +------------------------+    (or <= FIRST_STEP_EM x size while the block has one line)
    +--------------------+      next line: same size (within SIZE_TOLERANCE), same weight
                                and slant, overlapping horizontally, inside the same frame

so a change of type style (title -> standfirst -> body), extra space between paragraphs, a
column gap or a box edge each start a new block. Paragraph boundaries inside a block
(first-line indents, short last lines) are found later by ``paragraphs``.

Frames are drawn rectangles (filled with a tint or stroked) that hold text: fact boxes, tinted
panels. A rectangle covering most of the page is a background, not a frame.

Restrictions: lines set in one frame with mixed sizes (a box title in bold over box body)
become separate blocks that share the frame index, which is what the classifier wants.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from .geometry import BBox, union_all
from .model import Block, ImageBox, Line, Rect

SIZE_TOLERANCE = 0.1
LEADING_SLACK = 1.3
FIRST_STEP_EM = 1.7
MIN_STEP_EM = 0.5
#: Double spacing: a style's regular leading (``wide_leadings``) is looked for up to this many
#: em, needs this many steps, of which this share agree within this fraction of the median;
#: the first step of a block may then be this much wider than it.
WIDE_MAX_EM = 3.0
WIDE_MIN_STEPS = 4
WIDE_SHARE = 0.6
WIDE_AGREE = 0.05
WIDE_SLACK = 1.1
#: A line runs the full measure when it is this share of the style's usual longest line and
#: holds this many characters (running text, not a list item or a table cell).
FULL_SHARE = 0.8
FULL_CHARS = 30
#: A frame is at least this many of the page's line heights tall and wide (a hairline rule
#: or a bullet square is none); the line height of a page without text is taken as this.
MIN_FRAME_LINES = 1.25
MIN_FRAME_WIDTH_LINES = 2.0
DEFAULT_LINE_HEIGHT = 10.0
#: A rectangle over this share of the page is a background, not a frame.
BACKGROUND_SHARE = 0.6
WHITE = 0xFFFFFF


def build_blocks(lines: Sequence[Line], rects: Sequence[Rect], page_width: float,
                 page_height: float) -> tuple[tuple[Block, ...], tuple[Rect, ...]]:
    """Group ``lines`` into blocks; return the blocks and the frames they refer to."""
    candidates = frame_candidates(rects, page_width, page_height, median_line_height(lines))
    frame_of = [enclosing_frame(line.bbox, candidates) for line in lines]
    used = sorted({f for f in frame_of if f is not None})
    renumber = {old: new for new, old in enumerate(used)}
    frames = tuple(candidates[i] for i in used)
    stacks: list[list[Line]] = []
    stack_frame: list[int | None] = []
    active: list[int] = []  # stacks whose last line is near enough to be continued
    order = sorted(range(len(lines)), key=lambda i: (lines[i].rotation, lines[i].baseline, lines[i].bbox.x0))
    wide = wide_leadings([lines[i] for i in order])
    for i in order:
        line = lines[i]
        frame = renumber.get(frame_of[i]) if frame_of[i] is not None else None
        active = [k for k in active if still_open(stacks[k][-1], line, wide)]
        target = best_stack(stacks, stack_frame, line, frame, active, wide)
        if target is None:
            stacks.append([line])
            stack_frame.append(frame)
            active.append(len(stacks) - 1)
        else:
            stacks[target].append(line)
    blocks = tuple(Block(lines=tuple(s), bbox=union_all(ln.bbox for ln in s), page=s[0].page, frame=f)
                   for s, f in zip(stacks, stack_frame))
    return blocks, frames


def still_open(last: Line, line: Line, wide: dict[LeadingKey, float]) -> bool:
    """Can a block ending in ``last`` still take a line at ``line``'s baseline?"""
    reach = 2 * max(FIRST_STEP_EM * max(last.size, line.size), wide_leading(wide, last))
    return last.rotation == line.rotation and line.baseline - last.baseline <= reach


def best_stack(stacks: list[list[Line]], frames: list[int | None], line: Line, frame: int | None,
               candidates: Sequence[int], wide: dict[LeadingKey, float]) -> int | None:
    """The open block this line continues (the nearest one above), or ``None``."""
    best, best_step = None, float("inf")
    for k in candidates:
        stack = stacks[k]
        if frames[k] != frame:
            continue
        step = continuation_step(stack, line, wide)
        if step is not None and step < best_step:
            best, best_step = k, step
    return best


def continuation_step(stack: list[Line], line: Line, wide: dict[LeadingKey, float]) -> float | None:
    """Baseline step from the block's last line to ``line`` if ``line`` can continue it.

    The first step may be up to ``FIRST_STEP_EM`` of the size, or the page's own regular
    leading for this style where that is wider (``wide_leadings``: double-spaced text)."""
    last = stack[-1]
    if line.rotation != last.rotation or line.rotation != 0:
        return None
    if not same_style(last, line):
        return None
    if line.bbox.x_overlap(last.bbox) < 0.3 * min(line.bbox.width, last.bbox.width):
        return None
    step = line.baseline - last.baseline
    size = max(line.size, last.size)
    if step < MIN_STEP_EM * size:
        return None
    if len(stack) < 2:
        limit = max(FIRST_STEP_EM * size, WIDE_SLACK * wide_leading(wide, last))
    else:
        limit = LEADING_SLACK * block_leading(stack)
    return step if step <= limit else None


#: Lines of one size (to half a point), weight and slant, whatever their font and colour.
LeadingKey = tuple[float, bool, bool]


def leading_key(line: Line) -> LeadingKey:
    return (round(line.size * 2) / 2, line.bold, line.italic)


def wide_leading(wide: dict[LeadingKey, float], line: Line) -> float:
    """The page's wide leading for ``line``'s style; 0 where it has none (nearly every page)."""
    return wide.get(leading_key(line), 0.0) if wide else 0.0


def wide_leadings(lines: Sequence[Line]) -> dict[LeadingKey, float]:
    """The regular leading of each style on the page, where it is wider than ``FIRST_STEP_EM``.

    Double-spaced text (manuscripts, court filings, theses) steps 2 to 2.5 em from baseline to
    baseline, which would otherwise make every line a block of its own. A style's leading is
    regular when most of the steps from its lines to the next line below them (same style,
    overlapping) agree within ``WIDE_AGREE``, over at least ``WIDE_MIN_STEPS`` steps, and most
    of those lines run the full measure (``mostly_full``); only such a page-wide habit of
    running text widens the first step, never one wide gap, a list or a table column. ``lines``
    must be sorted by baseline.
    """
    by_style: dict[LeadingKey, list[Line]] = {}
    for line in lines:
        if line.rotation == 0:
            by_style.setdefault(leading_key(line), []).append(line)
    out: dict[LeadingKey, float] = {}
    for key, group in by_style.items():
        if len(group) <= WIDE_MIN_STEPS:
            continue
        size = key[0] or 1.0
        pairs = [(line, s) for k, line in enumerate(group) if (s := step_below(group, k, WIDE_MAX_EM * size)) is not None]
        if len(pairs) < WIDE_MIN_STEPS or not mostly_full(line for line, _ in pairs):
            continue
        steps = sorted(s for _, s in pairs)
        usual = steps[len(steps) // 2]
        agreeing = sum(abs(s - usual) <= WIDE_AGREE * usual for s in steps)
        if usual > FIRST_STEP_EM * size and agreeing >= WIDE_SHARE * len(steps):
            out[key] = usual
    return out


def mostly_full(lines: Iterable[Line]) -> bool:
    """Do most of ``lines`` run the full measure, as running text does? Lists, glossary terms
    and table cells set at a regular wide step are short, or differ in length."""
    lines = list(lines)
    widths = sorted(line.bbox.width for line in lines)
    measure = widths[int(0.9 * (len(widths) - 1))]
    full = sum(line.bbox.width >= FULL_SHARE * measure and len(line.text) >= FULL_CHARS for line in lines)
    return full >= WIDE_SHARE * len(lines)


def step_below(group: Sequence[Line], k: int, reach: float) -> float | None:
    """Baseline step from ``group[k]`` to the nearest line below it that overlaps it, if any
    within ``reach``."""
    line = group[k]
    for other in group[k + 1:]:
        step = other.baseline - line.baseline
        if step > reach:
            return None
        if step >= MIN_STEP_EM * line.size and \
                other.bbox.x_overlap(line.bbox) >= 0.3 * min(other.bbox.width, line.bbox.width):
            return step
    return None


def same_style(a: Line, b: Line) -> bool:
    """Same size within ``SIZE_TOLERANCE``, same weight and slant."""
    if abs(a.size - b.size) > SIZE_TOLERANCE * max(a.size, b.size):
        return False
    return a.bold == b.bold and a.italic == b.italic


def block_leading(stack: Sequence[Line]) -> float:
    """The smallest baseline step in the block so far: its regular leading."""
    steps = [b.baseline - a.baseline for a, b in zip(stack, stack[1:])]
    return min(steps) if steps else stack[0].size * 1.2


def frame_candidates(rects: Sequence[Rect], page_width: float, page_height: float,
                     line_height: float = DEFAULT_LINE_HEIGHT) -> list[Rect]:
    """Drawn rectangles that could be boxes: tinted, or stroked as a box outline (not line art),
    neither hairlines, marks nor backgrounds. A box holds at least a line of the page's text:
    it is ``MIN_FRAME_LINES`` of ``line_height`` (the page's median line height) tall and
    ``MIN_FRAME_WIDTH_LINES`` of it wide, so the test scales with the type."""
    page_area = page_width * page_height
    out = []
    for r in rects:
        box = r.bbox
        if box.width < MIN_FRAME_WIDTH_LINES * line_height or box.height < MIN_FRAME_LINES * line_height:
            continue
        if box.area > BACKGROUND_SHARE * page_area:
            continue
        tinted = r.fill is not None and r.fill != WHITE
        if tinted or (r.stroke is not None and r.is_box):
            out.append(r)
    return merge_touching_tints(out)


def median_line_height(lines: Sequence[Line]) -> float:
    """The page's usual line height (horizontal lines' boxes), ``DEFAULT_LINE_HEIGHT`` without text."""
    heights = sorted(line.bbox.height for line in lines if line.rotation == 0)
    return heights[len(heights) // 2] if heights else DEFAULT_LINE_HEIGHT


def merge_touching_tints(rects: list[Rect]) -> list[Rect]:
    """Join tinted rectangles of one colour that touch edge to edge into one frame.

    Layout programs often paint a box's background paragraph by paragraph; the reader sees
    one box.
    """
    merged = list(rects)
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            for j in range(i + 1, len(merged)):
                if tints_touch(merged[i], merged[j]):
                    a, b = merged[i], merged[j]
                    merged[i] = replace(a, bbox=a.bbox.union(b.bbox), seq=min(a.seq, b.seq))
                    del merged[j]
                    changed = True
                    break
            if changed:
                break
    return merged


def tints_touch(a: Rect, b: Rect) -> bool:
    if a.fill is None or a.fill != b.fill:
        return False
    slack = 1.5
    same_width = abs(a.bbox.x0 - b.bbox.x0) <= slack and abs(a.bbox.x1 - b.bbox.x1) <= slack
    return same_width and a.bbox.v_gap(b.bbox) <= slack


def enclosing_frame(box: BBox, frames: Sequence[Rect]) -> int | None:
    """Index of the smallest frame that contains ``box`` (1 pt slack), or ``None``."""
    best, best_area = None, float("inf")
    for i, frame in enumerate(frames):
        if frame.bbox.contains(box, tolerance=1.0) and frame.bbox.area < best_area:
            best, best_area = i, frame.bbox.area
    return best


def picture_boxes(rects: Sequence[Rect], images: Sequence[ImageBox], lines: Sequence[Line],
                  page_width: float, page_height: float) -> tuple[ImageBox, ...]:
    """Where pictures are: placed images, plus large tinted shapes without text (placeholders,
    vector graphics), measured against the page's own line height."""
    heights = sorted(ln.bbox.height for ln in lines) or [10.0]
    unit = heights[len(heights) // 2]
    out = list(images)
    for r in rects:
        box = r.bbox
        if r.fill is None or r.fill == WHITE or box.area > BACKGROUND_SHARE * page_width * page_height:
            continue
        if box.width < 5 * unit or box.height < 3 * unit:
            continue
        if any(box.contains(ln.bbox, tolerance=1.0) for ln in lines):
            continue
        out.append(ImageBox(box, r.seq))
    return tuple(out)
