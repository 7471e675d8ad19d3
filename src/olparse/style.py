"""Document typography: the body style and the rank of every other style.

Input: every page's ``PageLayout``. Output: ``DocStyle``.

The body style is the character-weighted mode of the line styles in unframed, horizontal
blocks of several lines: in a magazine most characters are body text. Every later rule speaks
in multiples of ``body_size`` and ``body_leading``, so it holds for a 9 pt magazine and a 12 pt
book alike.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Sequence

from .model import Block, PageLayout, StyleKey

#: Sizes within this share of the body size count as body size.
SIZE_TOLERANCE = 0.1


@dataclass(frozen=True, slots=True)
class DocStyle:
    """What the document's own type looks like."""

    body: StyleKey
    body_size: float
    body_leading: float
    body_chars: int
    total_chars: int
    size_ranks: tuple[float, ...] = field(default_factory=tuple)

    def is_body_size(self, size: float) -> bool:
        return abs(size - self.body_size) <= SIZE_TOLERANCE * self.body_size

    def is_body_style(self, style: StyleKey) -> bool:
        """Body size, weight and slant (the font may vary: a serif body may quote in sans)."""
        return self.is_body_size(style.size) and style.bold == self.body.bold and style.italic == self.body.italic

    def ratio(self, size: float) -> float:
        """``size`` in multiples of the body size."""
        return size / self.body_size if self.body_size else 1.0


FALLBACK = DocStyle(StyleKey("", 10.0, False, False, 0), 10.0, 12.0, 0, 0)


def measure_style(pages: Sequence[PageLayout]) -> DocStyle:
    """Find the body style, its leading and the ranking of sizes across the document."""
    weights: dict[StyleKey, int] = {}
    sizes: dict[float, int] = {}
    total = 0
    for block in body_candidates(pages):
        for line in block.lines:
            n = len(line.text)
            weights[line.style] = weights.get(line.style, 0) + n
    for page in pages:
        for block in page.blocks:
            for line in block.lines:
                sizes[line.style.size] = sizes.get(line.style.size, 0) + len(line.text)
                total += len(line.text)
    if not weights:
        return FALLBACK
    body = max(weights, key=weights.__getitem__)
    leading = measure_leading(pages, body)
    ranks = tuple(sorted(sizes, reverse=True))
    exact = sorted(ln.size for b in body_candidates(pages) for ln in b.lines if ln.style == body)
    body_size = exact[len(exact) // 2] if exact else body.size  # unrounded, so ratios scale exactly
    return DocStyle(body=body, body_size=body_size, body_leading=leading,
                    body_chars=weights[body], total_chars=total, size_ranks=ranks)


def body_candidates(pages: Sequence[PageLayout]) -> list[Block]:
    """Unframed horizontal blocks of three or more lines (else every block)."""
    blocks = [b for p in pages for b in p.blocks]
    good = [b for b in blocks if b.frame is None and len(b.lines) >= 3 and b.first.rotation == 0]
    return good or blocks


def measure_leading(pages: Sequence[PageLayout], body: StyleKey) -> float:
    """Median baseline step between consecutive body lines inside blocks."""
    steps: list[float] = []
    for page in pages:
        for block in page.blocks:
            lines = [ln for ln in block.lines if ln.style == body]
            steps.extend(b.baseline - a.baseline for a, b in zip(lines, lines[1:])
                         if 0 < b.baseline - a.baseline < 3 * body.size)
    return statistics.median(steps) if steps else body.size * 1.2
