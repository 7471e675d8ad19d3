"""Shared builders for tests on synthetic geometry: runs, rects and pages made in pure Python.

No PDF is involved (pdfminer's ``tests/test_layout.py`` style): every glyph is ``ADVANCE`` ems
wide, a run's box reaches ``ASCENT`` ems above and ``DESCENT`` ems below its baseline, and
``char_x`` holds consistent character edges, as the backends report them.

Import the builders directly (``from conftest import make_run``); pytest puts this folder on
``sys.path``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from olparse.geometry import BBox
from olparse.model import PageLayout, RawPage, Rect, Run
from olparse.pipeline import layout_page

#: Width of every glyph in ems.
ADVANCE = 0.5
#: Width of a word space in ems (before justification stretches it).
SPACE = 0.25
ASCENT = 0.8
DESCENT = 0.2
PAGE_W, PAGE_H = 595.0, 842.0
BODY_FONT = "Serif-Regular"


def make_run(text: str, x0: float, baseline: float, size: float = 10.0, font: str = BODY_FONT, *,
             bold: bool = False, italic: bool = False, color: int = 0, seq: int = 0,
             advance: float = ADVANCE, rotation: int = 0,
             char_x: Sequence[float] | None = None) -> Run:
    """One run of fixed-width glyphs starting at ``x0`` on ``baseline``.

    ``char_x`` may be given to place glyphs unevenly; its last edge is the run's right edge.
    """
    if char_x is None:
        char_x = [x0 + i * advance * size for i in range(len(text) + 1)]
    char_x = tuple(float(x) for x in char_x)
    assert len(char_x) == len(text) + 1
    box = BBox(char_x[0], baseline - ASCENT * size, char_x[-1], baseline + DESCENT * size)
    return Run(text=text, bbox=box, font=font, size=size, bold=bold, italic=italic, color=color,
               baseline=baseline, seq=seq, char_x=char_x if rotation == 0 else (), rotation=rotation)


def make_rotated_run(text: str, x: float, top: float, size: float = 8.0, seq: int = 0) -> Run:
    """A run written bottom-to-top (rotation 90) starting at ``top`` and going down the page
    box: its baseline is the x of the glyphs' feet."""
    length = len(text) * ADVANCE * size
    box = BBox(x - ASCENT * size, top, x + DESCENT * size, top + length)
    return Run(text=text, bbox=box, font=BODY_FONT, size=size, bold=False, italic=False, color=0,
               baseline=x, seq=seq, char_x=(), rotation=90)


def make_rect(x0: float, top: float, x1: float, bottom: float, fill: int | None = 0xDDEEFF,
              stroke: int | None = None, seq: int = 0) -> Rect:
    return Rect(BBox(x0, top, x1, bottom), fill, stroke, 0.5 if stroke is not None else 0.0, seq)


def make_page(runs: Iterable[Run], rects: Iterable[Rect] = (), number: int = 1,
              width: float = PAGE_W, height: float = PAGE_H) -> RawPage:
    """A raw page holding ``runs`` in the given order; ``seq`` is renumbered to that order."""
    runs = tuple(replace(r, seq=i) for i, r in enumerate(runs))
    return RawPage(number=number, width=width, height=height, runs=runs, rects=tuple(rects))


def text_width(text: str, size: float = 10.0) -> float:
    """Width of ``text`` set with ``ADVANCE`` glyphs and ``SPACE`` word spaces."""
    spaces = text.count(" ")
    return ((len(text) - spaces) * ADVANCE + spaces * SPACE) * size


# ---------------------------------------------------------------------------- typesetting
def break_words(words: Sequence[str], width: float, size: float, indent: float = 0.0) -> list[list[str]]:
    """Greedy line breaking of ``words`` into lines at most ``width`` wide (first line indented)."""
    lines: list[list[str]] = [[]]
    room = width - indent
    for word in words:
        need = text_width(" ".join(lines[-1] + [word]), size)
        if lines[-1] and need > room:
            lines.append([])
            room = width
        lines[-1].append(word)
    return lines


def set_line(words: Sequence[str], x0: float, baseline: float, width: float | None, size: float = 10.0,
             per_word: bool = False, **style) -> list[Run]:
    """One printed line. ``width`` justifies it (word spaces stretched to fill ``width``);
    ``per_word`` sets every word as its own run (as PDFs with positioned words do)."""
    natural = text_width(" ".join(words), size)
    space = SPACE * size
    if width is not None and len(words) > 1:
        space += (width - natural) / (len(words) - 1)
    if not per_word:
        edges, x = [], x0
        text = ""
        for k, word in enumerate(words):
            if k:
                edges.append(x)
                text += " "
                x += space
            for _ in word:
                edges.append(x)
                x += ADVANCE * size
            text += word
        edges.append(x)
        return [make_run(text, x0, baseline, size, char_x=edges, **style)]
    runs, x = [], x0
    for word in words:
        runs.append(make_run(word, x, baseline, size, **style))
        x += text_width(word, size) + space
    return runs


def typeset_column(paragraphs: Sequence[str], x0: float, top: float, width: float, size: float = 10.0,
                   leading: float | None = None, indent: float | None = None, per_word: bool = False,
                   paragraph_space: float = 0.0, continues: bool = False, first_indent: float = 0.0,
                   **style) -> tuple[list[Run], float]:
    """Set ``paragraphs`` justified in a column; returns the runs and the last baseline.

    Paragraphs after the first start with a first-line indent of ``indent`` (default 1 em), the
    first with ``first_indent`` (default none, as after a heading);
    last lines are set ragged (not justified) unless ``continues`` says the last paragraph goes
    on in the next column. ``paragraph_space`` adds extra space between paragraphs.
    """
    leading = 1.2 * size if leading is None else leading
    indent = size if indent is None else indent
    runs: list[Run] = []
    baseline = top + ASCENT * size
    first = True
    for k, paragraph in enumerate(paragraphs):
        if k:
            baseline += paragraph_space
        shift = first_indent if k == 0 else indent
        lines = break_words(paragraph.split(), width, size, shift)
        for i, words in enumerate(lines):
            if not first:
                baseline += leading
            first = False
            last = i == len(lines) - 1 and not (continues and k == len(paragraphs) - 1)
            start = x0 + (shift if i == 0 else 0.0)
            runs += set_line(words, start, baseline, None if last else x0 + width - start, size,
                             per_word=per_word, **style)
    return runs, baseline


def scale_run(run: Run, s: float, dx: float = 0.0, dy: float = 0.0) -> Run:
    """``run`` with every coordinate and its size multiplied by ``s`` and then moved."""
    b = run.bbox
    return replace(run, bbox=BBox(b.x0 * s + dx, b.top * s + dy, b.x1 * s + dx, b.bottom * s + dy),
                   size=run.size * s, baseline=run.baseline * s + (dy if run.rotation == 0 else dx),
                   char_x=tuple(x * s + dx for x in run.char_x))


def scale_page(page: RawPage, s: float, dx: float = 0.0, dy: float = 0.0) -> RawPage:
    """``page`` scaled by ``s`` about the origin, then translated by (dx, dy)."""
    rects = tuple(replace(r, bbox=BBox(r.bbox.x0 * s + dx, r.bbox.top * s + dy,
                                       r.bbox.x1 * s + dx, r.bbox.bottom * s + dy)) for r in page.rects)
    return replace(page, width=page.width * s + dx, height=page.height * s + dy,
                   runs=tuple(scale_run(r, s, dx, dy) for r in page.runs), rects=rects)


# ---------------------------------------------------------------------------- reading results
def lay_out(runs: Iterable[Run], rects: Iterable[Rect] = (), **page) -> PageLayout:
    """The per-page pipeline on a synthetic page."""
    return layout_page(make_page(runs, rects, **page))


def block_texts(layout: PageLayout) -> list[str]:
    """Each block's text on one line, in reading order."""
    return [b.text.replace("\n", " ") for b in layout.blocks]


def line_texts(lines) -> list[str]:
    """Line texts top to bottom, left to right."""
    return [ln.text for ln in sorted(lines, key=lambda ln: (round(ln.baseline, 3), ln.bbox.x0))]


# ---------------------------------------------------------------------------- sample text
#: Made-up Danish body text for the synthetic columns.
LOREM = (
    "Kommunen har brug for en ny plan for de ældre og det er ikke kun lederne der skal være med "
    "når planen bliver lagt. Vi har set at det er svært for medarbejderne at finde tid til det i "
    "en travl hverdag på kontoret og i hjemmeplejen hvor der altid er noget der haster mere end "
    "det lange seje træk med at forbedre arbejdet sammen med borgerne og deres pårørende."
).split()


def words(start: int, n: int) -> str:
    """``n`` words of the sample text from ``start``, wrapping around."""
    return " ".join(LOREM[(start + i) % len(LOREM)] for i in range(n))


def letterspaced_runs(words_: Sequence[str], x0: float, baseline: float, size: float = 10.0,
                      tracking: float = 3.0, per_glyph: bool = False, **style) -> list[Run]:
    """Letter-spaced type as MuPDF reports it (``Tc`` = ``tracking`` points).

    Inside a word a synthetic space fills the tracking after each letter; between words the
    real space glyph (plus its tracking) follows the last letter, whose box then takes its own
    tracking too. ``per_glyph`` gives one run per glyph, as MuPDF splits such text into
    spans, with each glyph's box its ink only.
    """
    text, edges, x = "", [], x0
    for k, word in enumerate(words_):
        if k:
            x += tracking  # the last letter's own tracking, before the space glyph
            text += " "
            edges.append(x)
            x += SPACE * size + tracking
        for i, ch in enumerate(word):
            if i:
                text += " "
                edges.append(x)
                x += tracking
            text += ch
            edges.append(x)
            x += ADVANCE * size
    edges.append(x)
    if not per_glyph:
        return [make_run(text, x0, baseline, size, char_x=edges, **style)]
    return [make_run(ch, edges[i], baseline, size, **style) for i, ch in enumerate(text) if ch != " "]


def sentence(start: int, n: int) -> str:
    """``words(start, n)`` as a sentence: a capital first and a full stop last."""
    text = words(start, n).rstrip(".")
    return text[:1].upper() + text[1:] + "."
