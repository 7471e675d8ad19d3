"""Plain typed data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; nothing from a backend library
(PyMuPDF, pdfplumber) ever appears here. Coordinates: PDF points, top-left origin (see
``geometry``). Page numbers are 1-based PDF page numbers.

    extract   -> RawPage(runs, rects, images)
    normalize -> RawPage (clean run texts)
    lines     -> Line      (runs on one baseline, in one column)
    blocks    -> Block     (lines set in one style with regular leading)
    layout    -> PageLayout(blocks in reading order, column grid)
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING

from .geometry import BBox

if TYPE_CHECKING:
    from .dehyphenate import Lexicon


def _init_values(obj: object) -> tuple:
    """The values of an object's ``__init__`` fields, in order."""
    return tuple(getattr(obj, f.name) for f in _INIT_FIELDS[type(obj)])


def _fast_reduce(self):  # pickle as constructor arguments: much faster than dataclass state
    return (type(self), _init_values(self))


_INIT_FIELDS: dict[type, tuple] = {}


def _register(cls):
    """Give a frozen slots dataclass the fast pickling of ``_fast_reduce``."""
    _INIT_FIELDS[cls] = tuple(f for f in fields(cls) if f.init)
    cls.__reduce__ = _fast_reduce
    return cls


@_register
@dataclass(frozen=True, slots=True)
class Run:
    """Glyphs set in one font, size and colour on one baseline, as the backend found them.

    ``char_x`` holds ``len(text) + 1`` edges along the line (the left edge of every character
    and the right edge of the last) for horizontal text, so stages can split a run at a gap or
    measure letter-spacing; it is empty when the backend cannot tell.
    ``seq`` is the run's position in the page's content stream (drawing order).
    ``rotation`` is the writing direction in degrees, counter-clockwise, rounded to 0, 90,
    180 or 270 (anything else is kept as the nearest whole degree). ``space_after`` records a
    trailing space that ``lines`` trimmed: a line that ends in one wrapped at a real space.
    """

    text: str
    bbox: BBox
    font: str
    size: float
    bold: bool
    italic: bool
    color: int
    baseline: float
    seq: int
    char_x: tuple[float, ...] = ()
    rotation: int = 0
    space_after: bool = False

    @property
    def is_horizontal(self) -> bool:
        return self.rotation == 0


@_register
@dataclass(frozen=True, slots=True)
class Rect:
    """A drawn vector shape's bounding box: a filled or stroked frame, a rule, a tint.

    ``is_box`` says whether a stroked outline could frame text: a rectangle, or a path whose
    straight sides are horizontal or vertical (rounded corners allowed) and that encloses its
    box. Open lines, zigzags, circles and other line art are not boxes, only their bounding box
    is. A tint without a stroke frames what it covers, so it is always ``True``.
    """

    bbox: BBox
    fill: int | None
    stroke: int | None
    stroke_width: float
    seq: int
    is_box: bool = True


@_register
@dataclass(frozen=True, slots=True)
class ImageBox:
    """Where an image is placed on the page."""

    bbox: BBox
    seq: int


@_register
@dataclass(frozen=True, slots=True)
class RawPage:
    """Everything olparse reads from one page, backend-independent."""

    number: int
    width: float
    height: float
    runs: tuple[Run, ...]
    rects: tuple[Rect, ...] = ()
    images: tuple[ImageBox, ...] = ()
    label: str = ""
    warnings: tuple[str, ...] = ()


@_register
@dataclass(frozen=True, slots=True)
class Line:
    """Runs that share a baseline and a column: one printed line.

    ``text`` is the normalised text. ``hyphen_signal`` says how the line ends: ``"soft"``
    when it ended with a U+00AD soft hyphen (a typesetting break the PDF told us about),
    ``"hyphen"`` when it ends in a visible hyphen, ``""`` otherwise. ``end_mark`` is true
    when a dingbat end mark was removed from the end of the line; ``space_after`` when the
    PDF set a space after the last word (the line wrapped at a real space).

    ``seq`` (the first run's place in the content stream), ``word_gaps`` (every word space
    in ems, measured from the glyph positions) and ``first_word`` (the width of the line's
    first word in points) are taken from the runs when the line is made, so they survive
    ``without_runs``: page workers send their lines without runs.
    """

    text: str
    bbox: BBox
    runs: tuple[Run, ...]
    font: str
    size: float
    bold: bool
    italic: bool
    color: int
    baseline: float
    page: int
    hyphen_signal: str = ""
    end_mark: bool = False
    rotation: int = 0
    space_after: bool = False
    seq: int = field(default=0, repr=False, compare=False)
    word_gaps: tuple[float, ...] = field(default=(), repr=False, compare=False)
    first_word: float = field(default=0.0, repr=False, compare=False)
    style: "StyleKey" = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "style", StyleKey(self.font, round(self.size * 2) / 2, self.bold,
                                                   self.italic, self.color))
        if self.runs:
            object.__setattr__(self, "seq", min(r.seq for r in self.runs))
            object.__setattr__(self, "word_gaps", word_gaps_of(self.runs))
            object.__setattr__(self, "first_word", first_word_width(self.runs))

    def without_runs(self) -> "Line":
        """The line without its runs (what the document stages need is kept)."""
        return replace(self, runs=())

    def reduce_without_runs(self) -> tuple:
        """How to pickle the line as ``without_runs`` gives it, without making that copy."""
        values = _init_values(self)
        return (Line, values[:_RUNS_AT] + ((),) + values[_RUNS_AT + 1:])


_RUNS_AT = [f.name for f in _INIT_FIELDS[Line]].index("runs")

#: A single space between two other characters: a word space.
WORD_SPACE = re.compile(r"(?<=[^ ]) (?=[^ ])")


def word_gaps_of(runs: tuple[Run, ...]) -> tuple[float, ...]:
    """Every word space of ``runs`` in ems (the space glyph plus any justification added to it)."""
    gaps: list[float] = []
    for run in runs:
        text, edges = run.text, run.char_x
        size = run.size
        if " " not in text or len(edges) != len(text) + 1 or not size > 0:
            continue  # no spaces, no edges, or a degenerate size (text scaled to nothing)
        if "  " in text or text[0] == " " or text[-1] == " ":
            spaces = [m.start() for m in WORD_SPACE.finditer(text)]
        else:  # every space is a word space: where each word ends (the common case, faster)
            spaces = [end + k for k, end in enumerate(itertools.accumulate(map(len, text.split(" ")[:-1])))]
        gaps += [(edges[i + 1] - edges[i]) / size for i in spaces]
    return tuple(gaps)


#: Between two runs of a line, a gap this many ems wide ends a word (as ``lines.SPACE_GAP_EM``).
WORD_END_GAP_EM = 0.12


def first_word_width(runs: tuple[Run, ...]) -> float:
    """The width in points of the first word of a line made of ``runs`` (left to right): up to
    its first space, or to the first gap between runs wide enough for one. From the glyph
    positions where the run has them, else from the word's share of the run's characters."""
    x0 = runs[0].bbox.x0
    for i, run in enumerate(runs):
        if i and run.bbox.x0 - runs[i - 1].bbox.x1 > WORD_END_GAP_EM * run.size:
            return runs[i - 1].bbox.x1 - x0
        text = run.text
        space = text.find(" ", len(text) - len(text.lstrip()))
        if space > 0:
            if len(run.char_x) == len(text) + 1:
                return run.char_x[space] - x0
            return run.bbox.x0 + run.bbox.width * space / len(text) - x0
    return runs[-1].bbox.x1 - x0


@_register
@dataclass(frozen=True, slots=True)
class StyleKey:
    """A type style as the document uses it: sizes rounded to half a point."""

    font: str
    size: float
    bold: bool
    italic: bool
    color: int


@_register
@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive lines of one style and regular leading: a paragraph or a part of one.

    ``frame`` is the index (in ``PageLayout.frames``) of the drawn rectangle that encloses the
    block, when it sits inside a box or on a tint; ``None`` otherwise.
    ``column`` is the index of the column grid cell where the block starts, ``-1`` when the block
    spans columns or the page has no grid. ``table`` marks a table read row by row
    (``olparse.tables``): each line is one row, and a row is a paragraph of its own.
    """

    lines: tuple[Line, ...]
    bbox: BBox
    page: int
    frame: int | None = None
    column: int = -1
    id: int = 0
    table: bool = False
    style: StyleKey = field(init=False, repr=False, compare=False)
    #: The exact size of the dominant style (``style.size`` is rounded to half a point for
    #: grouping; ratios between sizes must not depend on that rounding).
    size: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        style = dominant_style(self.lines)
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "size", max((ln.size for ln in self.lines if ln.style == style),
                                             default=style.size))

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def n_chars(self) -> int:
        return sum(len(line.text) for line in self.lines)


def dominant_style(lines: tuple[Line, ...]) -> StyleKey:
    """The style of most characters among ``lines``."""
    weights: dict[StyleKey, int] = {}
    for line in lines:
        weights[line.style] = weights.get(line.style, 0) + len(line.text)
    return max(weights, key=weights.__getitem__)


@_register
@dataclass(frozen=True, slots=True)
class Column:
    """One cell of a page's column grid: its horizontal extent in points."""

    x0: float
    x1: float


@_register
@dataclass(frozen=True, slots=True)
class PageLayout:
    """A page after layout analysis: its blocks in reading order, with the grid it found.

    ``words`` counts the word forms printed on the page (a ``dehyphenate.Lexicon`` without
    its index): counting is per-page work, so it is done with the page (in the page workers)
    and the document's lexicon is merged from the pages. ``None`` when nobody counted.
    """

    number: int
    width: float
    height: float
    blocks: tuple[Block, ...]
    columns: tuple[Column, ...] = ()
    frames: tuple[Rect, ...] = ()
    images: tuple[ImageBox, ...] = ()
    label: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    words: "Lexicon | None" = field(default=None, compare=False, repr=False)
