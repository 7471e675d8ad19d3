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
from typing import Sequence

from .geometry import BBox, union_all
from .model import Block, ImageBox, Line, Rect

SIZE_TOLERANCE = 0.1
LEADING_SLACK = 1.3
FIRST_STEP_EM = 1.7
MIN_STEP_EM = 0.5
#: A rectangle over this share of the page is a background, not a frame.
BACKGROUND_SHARE = 0.6
WHITE = 0xFFFFFF


def build_blocks(lines: Sequence[Line], rects: Sequence[Rect], page_width: float,
                 page_height: float) -> tuple[tuple[Block, ...], tuple[Rect, ...]]:
    """Group ``lines`` into blocks; return the blocks and the frames they refer to."""
    candidates = frame_candidates(rects, page_width, page_height)
    frame_of = [enclosing_frame(line.bbox, candidates) for line in lines]
    used = sorted({f for f in frame_of if f is not None})
    renumber = {old: new for new, old in enumerate(used)}
    frames = tuple(candidates[i] for i in used)
    stacks: list[list[Line]] = []
    stack_frame: list[int | None] = []
    active: list[int] = []  # stacks whose last line is near enough to be continued
    order = sorted(range(len(lines)), key=lambda i: (lines[i].rotation, lines[i].baseline, lines[i].bbox.x0))
    for i in order:
        line = lines[i]
        frame = renumber.get(frame_of[i]) if frame_of[i] is not None else None
        active = [k for k in active if still_open(stacks[k][-1], line)]
        target = best_stack(stacks, stack_frame, line, frame, active)
        if target is None:
            stacks.append([line])
            stack_frame.append(frame)
            active.append(len(stacks) - 1)
        else:
            stacks[target].append(line)
    blocks = tuple(Block(lines=tuple(s), bbox=union_all(ln.bbox for ln in s), page=s[0].page, frame=f)
                   for s, f in zip(stacks, stack_frame))
    return blocks, frames


def still_open(last: Line, line: Line) -> bool:
    """Can a block ending in ``last`` still take a line at ``line``'s baseline?"""
    return last.rotation == line.rotation and line.baseline - last.baseline <= 2 * FIRST_STEP_EM * max(last.size, line.size)


def best_stack(stacks: list[list[Line]], frames: list[int | None], line: Line, frame: int | None,
               candidates: Sequence[int]) -> int | None:
    """The open block this line continues (the nearest one above), or ``None``."""
    best, best_step = None, float("inf")
    for k in candidates:
        stack = stacks[k]
        if frames[k] != frame:
            continue
        step = continuation_step(stack, line)
        if step is not None and step < best_step:
            best, best_step = k, step
    return best


def continuation_step(stack: list[Line], line: Line) -> float | None:
    """Baseline step from the block's last line to ``line`` if ``line`` can continue it."""
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
    limit = FIRST_STEP_EM * size if len(stack) < 2 else LEADING_SLACK * block_leading(stack)
    return step if step <= limit else None


def same_style(a: Line, b: Line) -> bool:
    """Same size within ``SIZE_TOLERANCE``, same weight and slant."""
    if abs(a.size - b.size) > SIZE_TOLERANCE * max(a.size, b.size):
        return False
    return a.bold == b.bold and a.italic == b.italic


def block_leading(stack: Sequence[Line]) -> float:
    """The smallest baseline step in the block so far: its regular leading."""
    steps = [b.baseline - a.baseline for a, b in zip(stack, stack[1:])]
    return min(steps) if steps else stack[0].size * 1.2


def frame_candidates(rects: Sequence[Rect], page_width: float, page_height: float) -> list[Rect]:
    """Drawn rectangles that could be boxes: tinted, or stroked as a box outline (not line art),
    neither hairlines nor backgrounds."""
    page_area = page_width * page_height
    out = []
    for r in rects:
        box = r.bbox
        if box.width < 20 or box.height < 12:
            continue
        if box.area > BACKGROUND_SHARE * page_area:
            continue
        tinted = r.fill is not None and r.fill != WHITE
        if tinted or (r.stroke is not None and r.is_box):
            out.append(r)
    return merge_touching_tints(out)


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
