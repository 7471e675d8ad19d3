"""Bounding boxes and the few geometric tests every stage shares.

Convention, stated once for the whole project: coordinates are PDF points with a **top-left
origin** (y grows downwards), as pdfplumber and PyMuPDF report them. A box is
``BBox(x0, top, x1, bottom)`` with ``x0 <= x1`` and ``top <= bottom``.

Pure functions on plain data, so hypothesis can test them directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, slots=True)
class BBox:
    """An axis-aligned box in points, top-left origin."""

    x0: float
    top: float
    x1: float
    bottom: float

    def __reduce__(self):  # plain tuples pickle fast: layouts cross from the page worker
        return (BBox, (self.x0, self.top, self.x1, self.bottom))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def area(self) -> float:
        return max(0.0, self.width) * max(0.0, self.height)

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    def union(self, other: "BBox") -> "BBox":
        return BBox(min(self.x0, other.x0), min(self.top, other.top),
                    max(self.x1, other.x1), max(self.bottom, other.bottom))

    def x_overlap(self, other: "BBox") -> float:
        """Length of the shared horizontal extent (0 when apart)."""
        return max(0.0, min(self.x1, other.x1) - max(self.x0, other.x0))

    def y_overlap(self, other: "BBox") -> float:
        """Length of the shared vertical extent (0 when apart)."""
        return max(0.0, min(self.bottom, other.bottom) - max(self.top, other.top))

    def intersection_area(self, other: "BBox") -> float:
        return self.x_overlap(other) * self.y_overlap(other)

    def h_gap(self, other: "BBox") -> float:
        """Horizontal distance between the boxes; negative when they overlap."""
        return max(self.x0, other.x0) - min(self.x1, other.x1)

    def v_gap(self, other: "BBox") -> float:
        """Vertical distance between the boxes; negative when they overlap."""
        return max(self.top, other.top) - min(self.bottom, other.bottom)

    def contains(self, other: "BBox", tolerance: float = 0.0) -> bool:
        """True when ``other`` lies inside this box, allowing ``tolerance`` points of slack."""
        t = tolerance
        return (other.x0 >= self.x0 - t and other.x1 <= self.x1 + t
                and other.top >= self.top - t and other.bottom <= self.bottom + t)

    def expanded(self, dx: float, dy: float | None = None) -> "BBox":
        dy = dx if dy is None else dy
        return BBox(self.x0 - dx, self.top - dy, self.x1 + dx, self.bottom + dy)

    def scaled(self, factor: float) -> "BBox":
        return BBox(self.x0 * factor, self.top * factor, self.x1 * factor, self.bottom * factor)

    def rounded(self, digits: int = 1) -> list[float]:
        """The box as a JSON-friendly list ``[x0, top, x1, bottom]``."""
        return [round(self.x0, digits), round(self.top, digits),
                round(self.x1, digits), round(self.bottom, digits)]


def union_all(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding all ``boxes`` (which must not be empty)."""
    it = iter(boxes)
    try:
        first = next(it)
    except StopIteration:
        raise ValueError("union_all() needs at least one box") from None
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    for b in it:
        x0, top = min(x0, b.x0), min(top, b.top)
        x1, bottom = max(x1, b.x1), max(bottom, b.bottom)
    return BBox(x0, top, x1, bottom)


def overlap_ratio(a: BBox, b: BBox) -> float:
    """Intersection area over the smaller box's area (1.0 when one is inside the other)."""
    smaller = min(a.area, b.area)
    return a.intersection_area(b) / smaller if smaller > 0 else 0.0
