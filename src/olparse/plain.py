"""The layout of last resort: lines and blocks in content-stream order, in linear time.

Input: a ``RawPage``. Output: a ``PageLayout`` (no columns, no reading-order analysis).

``guard`` uses it when the real layout (``pipeline.layout_page``) fails or runs out of time on
a page, so that the page's text still reaches the output. Runs that follow each other in the
content stream on one baseline, moving forward, become a line (a space where glyphs are set
apart); consecutive lines of one size with normal leading become a block. Every threshold is a
multiple of the font size.
"""

from __future__ import annotations

from typing import Callable, Sequence, TypeVar

from .geometry import union_all
from .model import Block, Line, PageLayout, RawPage, Run

T = TypeVar("T")

#: Lines of one block may differ this much in size (share of the size).
PLAIN_SIZE_TOLERANCE = 0.1
#: A vertical gap larger than this (in line heights) starts a new block.
PLAIN_BLOCK_GAP_EM = 0.8
#: A horizontal gap larger than this (in em) between two runs is a word space.
PLAIN_SPACE_EM = 0.15
#: A jump larger than this (in em) to the right starts a new line (another column).
PLAIN_COLUMN_JUMP_EM = 2.0


def plain_layout(raw: RawPage) -> PageLayout:
    """Lines and blocks in content-stream order, in linear time: the layout of last resort.

    Used when the real layout fails or runs out of time, so that a page's text still reaches
    the output. Runs on one baseline that follow each other become a line; lines of one size
    with normal leading become a block. No columns, no reading-order analysis.
    """
    from .normalize import normalize_page
    page = normalize_page(raw)
    lines = [line for group in group_runs_into_lines(page.runs) if (line := make_line(group, page.number))]
    blocks = [make_block(group, page.number, i) for i, group in enumerate(group_lines_into_blocks(lines))]
    return PageLayout(number=page.number, width=page.width, height=page.height, blocks=tuple(blocks),
                      images=tuple(page.images), label=page.label)


def group_runs_into_lines(runs: Sequence[Run]) -> list[list[Run]]:
    """Consecutive runs (in stream order) on one baseline, moving forward, form a line."""
    return group_consecutive(sorted(runs, key=lambda r: r.seq), continues_line)


def group_consecutive(items: Sequence[T], continues: Callable[[T, T], bool]) -> list[list[T]]:
    """Cut ``items`` into groups, each item joining the group before when it ``continues`` that
    group's last item."""
    groups: list[list[T]] = []
    for item in items:
        if groups and continues(groups[-1][-1], item):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def continues_line(prev: Run, run: Run) -> bool:
    em = max(prev.size, run.size, 1.0)
    if run.rotation != prev.rotation:
        return False
    if prev.rotation != 0:
        return abs(run.bbox.x0 - prev.bbox.x0) < 0.5 * em
    gap = run.bbox.x0 - prev.bbox.x1
    return abs(run.baseline - prev.baseline) < 0.5 * em and -0.5 * em < gap < PLAIN_COLUMN_JUMP_EM * em


def make_line(runs: list[Run], page: int) -> Line | None:
    """A ``Line`` from runs, with word spaces where glyphs are set apart; ``None`` if blank."""
    parts: list[str] = []
    for i, run in enumerate(runs):
        if i and run.bbox.x0 - runs[i - 1].bbox.x1 > PLAIN_SPACE_EM * max(run.size, 1.0):
            parts.append(" ")
        parts.append(run.text)
    raw_text = " ".join("".join(parts).split())
    signal_ = "soft" if raw_text.endswith("\u00ad") else ("hyphen" if raw_text.endswith("-") else "")
    text = raw_text.replace("\u00ad", "")
    if not text:
        return None
    main = max(runs, key=lambda r: len(r.text))
    return Line(text=text, bbox=union_all(r.bbox for r in runs), runs=tuple(runs), font=main.font,
                size=main.size, bold=main.bold, italic=main.italic, color=main.color,
                baseline=main.baseline, page=page, hyphen_signal=signal_, rotation=main.rotation)


def group_lines_into_blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """Consecutive lines of one size, one below the other with normal leading, form a block."""
    return group_consecutive(lines, continues_block)


def continues_block(prev: Line, line: Line) -> bool:
    size = max(prev.size, line.size, 1.0)
    if abs(prev.size - line.size) > PLAIN_SIZE_TOLERANCE * size or prev.rotation != line.rotation:
        return False
    gap = line.bbox.top - prev.bbox.bottom
    return -0.3 * size < gap < PLAIN_BLOCK_GAP_EM * size and prev.bbox.x_overlap(line.bbox) > 0


def make_block(lines: list[Line], page: int, number: int) -> Block:
    return Block(lines=tuple(lines), bbox=union_all(line.bbox for line in lines), page=page, id=number)
