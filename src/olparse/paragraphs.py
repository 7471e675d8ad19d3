"""Paragraphs: rebuild the writer's paragraphs from printed lines, across columns and pages.

Input: an article's body and subheading blocks in reading order (floats such as pull-quotes and
boxes already set aside, so a paragraph broken around them is joined), the document
``Lexicon`` and ``DocStyle``. Output: ``Paragraph`` objects with their text (line-end hyphens
decided by ``dehyphenate``), pages, boxes, and the hyphen decisions for the audit.

Inside a block, a paragraph ends after a **short line** (one that stops well before the
block's right edge) and a new one starts at an **indented line**::

    xxxxxxxxxxxxxxxxxxxxxxxxxxxx
    xxxxxxxxxxxxxxxxx              <- short: the paragraph ends here
      xxxxxxxxxxxxxxxxxxxxxxxxxx   <- indented: a new paragraph starts
    xxxxxxxxxxxxxxxxxxxxxxxxxxxx

Across a block boundary (next column, next page, a quote or box in between) the paragraph goes
on unless its last line was short or ended in an end mark, or the next block starts indented;
in documents that separate paragraphs by space instead of indents, a block that starts under a
gap after a full stop starts a new paragraph. Ragged-right blocks (many short lines) use only
indents and punctuation.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from .dehyphenate import HyphenDecision, Lexicon, decide_break, join_lines
from .fonts import is_monospace_font
from .geometry import BBox, union_all
from .model import Block, Line, StyleKey

#: A line ending this many ems (of its size) before the right edge is short.
SHORT_LINE_EM = 1.5
#: A word space, in ems, for the test whether the next word would have fitted on a line, where
#: the line shows none of its own (``space_width``); a line's own median word space counts
#: when it lies between ``MIN_SPACE_EM`` and ``MAX_SPACE_EM`` (wider: a tab or a stretched line).
SPACE_EM = 0.25
MIN_SPACE_EM = 0.15
MAX_SPACE_EM = 0.5
#: Lines inset this many ems are set around something in the column, deeper than any
#: paragraph indent (a pica or two) or a list's hanging indent.
WRAP_INSET_EM = 4.0
#: A first line starting this many ems right of the block's left edge is indented.
INDENT_EM = 0.6
#: Above this share of short lines a block is set ragged-right.
RAGGED_SHARE = 0.35
#: Justified type ends at least this share of a block's lines (bar the last) within
#: ``FLUSH_EM`` of one edge; ragged type with a tight rag ends fewer there (of at least
#: ``FLUSH_MIN_LINES`` lines: fewer tell too little).
FLUSH_SHARE = 1 / 3
FLUSH_EM = 0.2
FLUSH_MIN_LINES = 6
#: Word spaces of ragged lines: the same on every line, within this many ems.
EVEN_SPACE_EM = 0.02
#: A baseline step this much larger than the block's leading is space between paragraphs.
SPACING_RATIO = 1.12
#: Word spaces this much wider than the natural ones show a justified (stretched) line.
STRETCH_RATIO = 1.15
LIST_MARKER = re.compile(r"^\s*[a-zæøå]{1,4}[.)]\s")
SYMBOL_BULLET = re.compile(r"\s*[•▪◦‣⁃●■]\s")
#: Lines whose centres lie this close (in ems) are centred type.
CENTRE_EM = 0.2
#: A line that starts with a dash, a letter or a number marking an item: a nested list's item
#: (or a line of dialogue), under which the indents still tell the items apart.
NESTED_ITEM = re.compile(r"\s*(?:[–—-]|[A-Za-z]{1,2}[.)]|\d{1,2}[.)])\s")
#: A line that starts a list item or a note: a bullet, an item number, a raised note number.
BULLET_START = re.compile(r"\s*(?:[•▪◦‣⁃●■*]|\d{1,2}[.)]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s")
SENTENCE_END = (".", "!", "?", "…", ":", "”", "\"", "»", ")")
#: Marks that may follow a sentence's end: raised note numbers and reference signs (``85.²``).
NOTE_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹†‡"
#: A number that opens a heading or a list item: ``2.2.4 Trennhilfen``, ``3) Vælg``.
NUMBERED_START = re.compile(r"\d+(?:\.\d+)*[.)]?\s+([^\W\d_])")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph (or heading) of an article, with where it was printed."""

    kind: str  # "paragraph" | "heading"
    text: str
    lines: tuple[Line, ...]
    decisions: tuple[HyphenDecision, ...] = ()
    end_mark: bool = False

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({ln.page for ln in self.lines}))

    @property
    def bbox(self) -> BBox:
        """The paragraph's box on its first page."""
        return union_all(ln.bbox for ln in self.lines if ln.page == self.page)


@dataclass(slots=True)
class _Open:
    lines: list[Line] = field(default_factory=list)
    closed: bool = False
    last_block: Block | None = None
    room: float | None = None  # the room left on the last line (``Piece.room``)


@dataclass(frozen=True, slots=True)
class Piece:
    """Lines of one block that belong together, with what the layout says about their ends.

    ``room`` is the room left at the end of the last line (the next word did not fit where it
    is smaller than that word); ``None`` in justified type after a sentence end, where a short
    line ends the paragraph."""

    lines: tuple[Line, ...]
    starts_indented: bool
    ends_short: bool
    block: Block
    room: float | None = None


def build_paragraphs(blocks: Sequence[tuple[Block, str]], lexicon: Lexicon,
                     indent_convention: bool = True, strict: bool = False,
                     measure: float | None = None, natural_gap: float | None = None,
                     indents_seen: bool = False, ragged_body: bool = False,
                     hyphenated: bool = True, spacing_seen: bool = False) -> list[Paragraph]:
    """Turn ``(block, kind)`` pairs (kind ``"body"`` or ``"heading"``) into paragraphs.

    ``strict`` (for boxes and lists): a new block continues the paragraph only after a line-end
    hyphen or when it starts in lower case. ``measure`` is the usual width of a full body line;
    it tells whether the line of a one-line block is short. ``indents_seen``: the document's
    body shows that first-line indents start its paragraphs (``uses_indents``), so a ragged
    block without an indent of its own (the rest of a paragraph at a column's head) is marked.
    ``ragged_body``: the body is set ragged (``is_ragged_body``), small blocks too.
    ``hyphenated``: the typesetter hyphenates words at line ends (``hyphenates``); where it
    does not, a line of one long word ends only where the next word did not fit after it.
    ``spacing_seen``: the document sets its paragraphs apart by space (``uses_spacing``), so
    every ragged block is marked, as with ``indents_seen``.
    """
    out: list[Paragraph] = []
    current = _Open()
    by_page: dict[int, list[Block]] = {}
    for block, kind in blocks:
        if kind != "heading":
            by_page.setdefault(block.page, []).append(block)
    for block, kind in blocks:
        if kind == "heading":
            flush(current, out, lexicon)
            current = _Open()
            out.append(make_paragraph(list(block.lines), "heading", lexicon))
            continue
        apart = functools.partial(spaced_apart, block, by_page[block.page])  # asked of ragged blocks only
        marked = (lambda: True) if indents_seen or spacing_seen else apart
        for k, piece in enumerate(split_block(block, measure, marked, ragged_body, not hyphenated)):
            if current.lines and not continues(current, piece, first_of_block=k == 0,
                                               indent_convention=indent_convention, strict=strict,
                                               natural_gap=natural_gap):
                flush(current, out, lexicon)
                current = _Open()
            current.lines.extend(piece.lines)
            current.closed = piece.ends_short or piece.lines[-1].end_mark
            current.last_block = block
            current.room = piece.room
    flush(current, out, lexicon)
    return out


def paragraph_texts(block: Block, lexicon: Lexicon) -> tuple[str, ...]:
    """The repaired paragraphs of one block that stands alone (text set aside from the
    articles): line-end hyphens decided, lines joined, paragraphs split as in an article."""
    return tuple(p.text for p in build_paragraphs([(block, "body")], lexicon) if p.text.strip())


def continues(current: _Open, piece: Piece, first_of_block: bool, indent_convention: bool,
              strict: bool = False, natural_gap: float | None = None) -> bool:
    """Does ``piece`` continue the open paragraph?"""
    if piece.starts_indented:
        return False
    prev = current.last_block
    below = prev is not None and prev.page == piece.block.page and \
        prev.bbox.x_overlap(piece.block.bbox) > 0 and piece.block.bbox.top >= prev.bbox.bottom
    # a wrap at a column or page end; under a gap in the same column, the gap marks a paragraph
    wrapped = first_of_block and indent_convention and not strict and not below and wraps_into(current, piece)
    if current.closed and not wrapped and not (first_of_block and runs_on_into(current.lines[-1], piece.lines[0])):
        return False
    if not first_of_block or piece.block.table or SYMBOL_BULLET.match(piece.lines[0].text):
        return False  # (a bullet starts a list item, also at the top of the next column)
    last, first = current.lines[-1], piece.lines[0]
    if is_monospace_font(last.font) != is_monospace_font(first.font):
        return False  # code (a command's name in the margin) and prose do not run into each other
    if last.hyphen_signal:
        return True
    if not in_same_type(last, first) and last.font != first.font and not starts_lowercase(first.text):
        # a caption or a box's text in other type, set between a paragraph's halves (one font
        # in other sizes: an OCR layer's lines, sized each by its own box; a line that starts
        # in lower case goes on with the sentence, whatever a bold link in it makes its type)
        return False
    if strict:
        return first.text[:1].islower()
    if wrapped:
        return True
    if not ends_sentence(last.text):
        # unless the line was broken before a word that would clearly have fitted on it: a
        # caption's or a heading's last line, not a ragged line that ran out of room
        return not (starts_new_sentence(first.text) and fits_clearly(current, first))
    if below:
        # the same column goes on under a gap (a box or quote was set there): layout programs
        # place such floats between paragraphs, so a sentence end here ends the paragraph,
        # unless the line before it is visibly justified (a paragraph's last line is not)
        return not starts_new_sentence(first.text) or is_stretched(last, natural_gap)
    # at a column or page foot: where space marks paragraphs, one that starts at the next
    # column's head shows no mark, but a line stretched to the measure is no paragraph's last
    return indent_convention or is_stretched(last, natural_gap)


def wraps_into(current: _Open, piece: Piece) -> bool:
    """A line broken at a column or page end before a word that did not fit: the first word of
    ``piece`` (a new block, not indented, starting with a letter, in the same type) is wider
    than the room left on the open paragraph's last line. Asked where paragraphs start with an
    indent, so that an unindented block says that it goes on; in ragged type also after a full
    stop (``Piece.room``)."""
    last, first = current.lines[-1], piece.lines[0]
    if last.end_mark or not first.text[:1].isalpha():
        return False
    spare = room_to_spare(current, first)
    return spare is not None and in_same_type(last, first) and spare < 0


def fits_clearly(current: _Open, first: Line) -> bool:
    """Whether the first word of ``first`` and a space would have fitted on the open
    paragraph's last line with an em to spare (``Piece.room``; InDesign's paragraph composer
    may break a ragged line a little before the greedy point, not a whole em before it)."""
    spare = room_to_spare(current, first)
    return spare is not None and spare > current.lines[-1].size


def room_to_spare(current: _Open, first: Line) -> float | None:
    """The room left on the open paragraph's last line after the first word of ``first`` and
    a word space (negative: the word did not fit); ``None`` where either is unknown."""
    if current.room is None or not first.first_word:
        return None
    return current.room - first.first_word - space_width(current.lines[-1])


def in_same_type(last: Line, first: Line) -> bool:
    """Two lines in one size (within 5 %) and weight: a paragraph's type on both sides of a break."""
    return abs(last.size - first.size) <= 0.05 * max(last.size, first.size) and last.bold == first.bold


def runs_on_into(last: Line, first: Line) -> bool:
    """A line that ends no sentence followed by a block in the same type that starts with a word
    in lower case (not a list marker): one sentence, whatever the shortness of the line before
    the break (a one-line piece of a paragraph set above a pull-quote, measured against a wider
    measure)."""
    return in_same_type(last, first) and not last.end_mark and not ends_sentence(last.text) and \
        starts_lowercase(first.text) and not LIST_MARKER.match(first.text)


def is_stretched(line: Line, natural_gap: float | None) -> bool:
    """Word spaces clearly wider than the document's natural ones: a justified line, so not the
    last line of a paragraph."""
    gap = word_gap_em(line)
    return natural_gap is not None and gap is not None and gap > STRETCH_RATIO * natural_gap


def word_gap_em(line: Line) -> float | None:
    """The mean word space of ``line`` in ems, from the glyph positions (``None``: too few)."""
    gaps = word_gaps_em(line)
    return sum(gaps) / len(gaps) if len(gaps) >= 2 else None


def word_gaps_em(line: Line) -> list[float]:
    """Every word space of ``line`` in ems (space glyph plus any justification added to it)."""
    return list(line.word_gaps)


def natural_word_gap(blocks: Iterable[Block]) -> float | None:
    """The document's natural word space in ems: the median space in the short last lines of
    paragraphs, which are set without justification."""
    gaps: list[float] = []
    for block in blocks:
        if len(block.lines) < 2:
            continue
        right = text_right_edge(block.lines, block.size)
        for line in block.lines:
            if is_short(line, right) and ends_sentence(line.text):
                gaps.extend(word_gaps_em(line))
    gaps.sort()
    return gaps[len(gaps) // 2] if len(gaps) >= 4 else None


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence: a full stop or its kin (a closing quote or bracket),
    before any raised note mark."""
    return text.rstrip().rstrip(NOTE_MARKS).endswith(SENTENCE_END)


def starts_lowercase(text: str) -> bool:
    """A line that starts in lower case goes on with a sentence (``pr. medarbejder …``)."""
    first = text.lstrip()[:1]
    return first.isalpha() and first.islower()


def goes_on(line: str, following: str) -> bool:
    """Whether a short line's sentence goes on in the line under it: that line starts in lower
    case, or the short line ends no sentence and the next starts with a number or a bracket
    before a lower-case word (``… cancers – only`` / ``1 in 838 men``, ``the ovaries`` /
    ``(oophorectomy) or``): a typesetter keeps such groups on one line and leaves a short one."""
    if starts_lowercase(following):
        return True
    if ends_sentence(line):
        return False
    start = following.lstrip()
    if start[:1].isdecimal():  # not a numbered heading or item (``2.2.4 Trennhilfen``)
        numbered = NUMBERED_START.match(start)
        return not (numbered and numbered.group(1).isupper())
    return start[:1] in "([" and starts_lowercase(start[1:])


def starts_new_sentence(text: str) -> bool:
    """Starts with a capital, a digit, a dash of dialogue or an opening quote."""
    first = text.lstrip()[:1]
    return first.isupper() or first.isdigit() or first in "–—-”“\"«»'‘’("


def flush(current: _Open, out: list[Paragraph], lexicon: Lexicon) -> None:
    if current.lines:
        out.append(make_paragraph(current.lines, "paragraph", lexicon))


def make_paragraph(lines: Sequence[Line], kind: str, lexicon: Lexicon) -> Paragraph:
    texts = [ln.text for ln in lines]
    signals = [line_signal(ln) for ln in lines]
    text, decisions = join_lines(texts, lexicon, signals)
    return Paragraph(kind=kind, text=text, lines=tuple(lines), decisions=tuple(decisions),
                     end_mark=any(ln.end_mark for ln in lines))


def line_signal(line: Line) -> str:
    """What the PDF says about the break after ``line``, for ``dehyphenate.decide_break``."""
    if line.hyphen_signal == "soft":
        return "soft"
    if line.space_after and not line.hyphen_signal:
        return "space"
    return ""


# ----------------------------------------------------------------------- inside a block
def spaced_apart(block: Block, blocks: Sequence[Block]) -> bool:
    """Whether two body blocks in ``block``'s type follow each other in one column of its page
    with a little space between (less than two lines): paragraphs set apart by space, each a
    block of its own, so ``block`` holds one paragraph, and a break inside it is a wrap.
    ``blocks`` are the body blocks of ``block``'s page. Any column of the page counts, not
    only ``block``'s: a column that holds one long paragraph between a heading and a
    pull-quote shows no space of its own. (The document as a whole is asked by
    ``uses_spacing``.)"""
    return any(True for _ in spaced_below([b for b in blocks if b.style == block.style]))


def spaced_below(same: Sequence[Block]) -> Iterator[Block]:
    """The blocks of ``same`` (one page's, in one type) that have the next of them below in
    their column a little space away (less than two lines)."""
    ordered = sorted(same, key=lambda b: b.bbox.top)
    for k, above in enumerate(ordered):
        below = next((b for b in ordered[k + 1:] if b.bbox.x_overlap(above.bbox) > 0), None)
        if below is not None and 0 < below.bbox.top - above.bbox.bottom < 2 * above.size:
            yield above


def uses_spacing(blocks: Sequence[Block]) -> bool:
    """Whether the document sets its paragraphs apart by space, and by nothing else: body
    blocks in one type follow each other in a column with a little space between
    (``spaced_apart``) two times or more, and inside its blocks less than one paragraph end
    for five such spaces is left unmarked (``unmarked_ends``).

    Why both. A page whose paragraph breaks all fall at column breaks or beside a heading, a
    box or a pull-quote shows no space of its own, so only the document can show the
    convention; but papertex's ragged newspaper sets its articles apart by space and its
    paragraphs by nothing, and there a sentence end at the rag is a paragraph's end."""
    by_page: dict[int, list[Block]] = {}
    for block in blocks:
        by_page.setdefault(block.page, []).append(block)
    spaced = sum(spaced_pairs(page) for page in by_page.values())
    if spaced < 2:
        return False
    return 5 * sum(unmarked_ends(block) for block in blocks if not block.table) < spaced


def spaced_pairs(blocks: Sequence[Block]) -> int:
    """How many blocks of ``blocks`` (one page's) have the next block in their type below them
    in their column a little space away (``spaced_below``)."""
    by_style: dict[StyleKey, list[Block]] = {}
    for block in blocks:
        by_style.setdefault(block.style, []).append(block)
    return sum(1 for same in by_style.values() for _ in spaced_below(same))


def unmarked_ends(block: Block) -> int:
    """Paragraph ends inside ``block`` that nothing marks: a line that ends a sentence short of
    the measure, where the next line's first word would have fitted, with neither space after
    it nor an indent on the next line."""
    lines = block.lines
    if len(lines) < 2:
        return 0
    size = block.size
    right = text_right_edge(lines, size)
    left = min(ln.bbox.x0 for ln in lines)
    spaced = paragraph_spacing(lines)
    return sum(1 for i, (line, following) in enumerate(zip(lines, lines[1:]))
               if ends_sentence(line.text) and is_short(line, right) and not spaced[i]
               and following.bbox.x0 - left <= INDENT_EM * size
               and not next_word_overflows(line, following, right, sentences=True))


def split_block(block: Block, measure: float | None = None, marked: Callable[[], bool] | None = None,
                ragged_body: bool = False, wraps_sentences: bool = False) -> list[Piece]:
    """Cut a block into pieces at short lines and indented lines (a table: at every row).

    ``marked`` says, when asked, whether the block is set apart by space from a block in its
    type (``spaced_apart``): asked of ragged blocks only, since it looks at the page's blocks.
    ``ragged_body``: the document's body is set ragged (``is_ragged_body``), so a block too
    small to show its own rag (``FLUSH_MIN_LINES`` lines or fewer) counts as ragged.
    ``wraps_sentences``: the document is set without hyphenation, so a line of one word that
    the next word did not fit after is a wrap also after a full stop (a long word alone on a
    line of a narrow justified column, which justification cannot stretch). Not a line of more
    words: a paragraph's last line may fill the measure by chance, and verse leaves its lines
    short whatever follows."""
    lines = block.lines
    if block.table:
        return [Piece((line,), False, True, block) for line in lines]
    bullets = [bool(BULLET_START.match(ln.text)) for ln in lines]
    size = block.size
    hanging = hanging_markers(lines, bullets, size)
    # a bullet or note number may hang in the margin left of its text: the text's edge counts
    left = min((ln.bbox.x0 for ln, hangs in zip(lines, hanging) if not hangs),
               default=min(ln.bbox.x0 for ln in lines))
    right = text_right_edge(lines, size)
    short = [is_short(ln, right) for ln in lines]
    # a block too small to show its rag is ragged where the body is (``ragged_body``)
    ragged = is_ragged(lines, short, size) or (ragged_body and 1 < len(lines) <= FLUSH_MIN_LINES)
    short = [s and not next_word_overflows(ln, nxt, right, sentences=wraps_sentences and is_one_word(ln))
             for s, ln, nxt in zip(short, lines, (*lines[1:], None))]
    indented = [ln.bbox.x0 - left > INDENT_EM * size or (hangs and left - ln.bbox.x0 > INDENT_EM * size)
                for ln, hangs in zip(lines, hanging)]
    indented = wrap_free_indents(lines, indented, short, size)
    if is_centred(lines, size):  # where every line is centred, no inset is an indent
        indented = [False] * len(lines)
    spaced = paragraph_spacing(lines)
    if sum(bullets) >= 2:  # a list: every item starts at its bullet, whatever the line lengths
        indented = [b or (i > 0 and spaced[i - 1]) for i, b in enumerate(bullets)]
        short = [False] * len(lines)
    elif len(lines) == 1 or all(indented):  # (a list of one-line items is all bullets: they stay)
        indented = [False] * len(lines)
    # ragged type whose paragraphs start with an indent or after a space: there a line that the
    # next word did not fit on is a wrap, also after a full stop, unless the mark follows it
    # (a bullet hung in the margin on the first line marks a list item, not how paragraphs start)
    first_indent = indented[0] and not hanging[0]
    marked_ragged = ragged and (any(spaced[:-1]) or first_indent or any(indented[1:])
                                or (marked is not None and marked()))
    wrapped = [marked_ragged and nxt is not None and nxt.text[:1].isalpha()  # not a numbered item
               and next_word_overflows(ln, nxt, right, sentences=True)
               for ln, nxt in zip(lines, (*lines[1:], None))]
    pieces: list[Piece] = []
    start = 0
    for i in range(len(lines)):
        ends_here = i == len(lines) - 1
        if not ends_here:
            nxt_indented = indented[i + 1]
            closes = lines[i].end_mark or (short[i] and not wrapped[i]
                                           and (not ragged or ends_sentence(lines[i].text))
                                           and not goes_on(lines[i].text, lines[i + 1].text))
            ends_here = nxt_indented or closes or spaced[i]
        if ends_here:
            piece_short = short[i] and (not ragged or ends_sentence(lines[i].text))
            if len(lines) == 1:
                piece_short = measure is not None and measure - lines[0].bbox.width > SHORT_LINE_EM * size
            # in justified type only a line that ends in a word (not a sentence, not a number:
            # a contents entry) leaves room that says something; a block of one line has no
            # measure of its own to leave room in
            ends_in_word = lines[i].text.rstrip().rstrip("-\u00ad")[-1:].isalpha()  # (Soekarno-)
            room = right - lines[i].bbox.x1 if len(lines) > 1 and (ragged or ends_in_word) else None
            pieces.append(Piece(tuple(lines[start:i + 1]), indented[start], piece_short, block, room))
            start = i + 1
    return pieces


def is_ragged(lines: Sequence[Line], short: Sequence[bool], size: float) -> bool:
    """Ragged type: of four lines or more, more than ``RAGGED_SHARE`` short (``short``: each
    line's shortness), or a tight rag (``is_unjustified``)."""
    return len(lines) >= 4 and (sum(short[:-1]) / (len(lines) - 1) > RAGGED_SHARE or is_unjustified(lines, size))


def is_ragged_body(blocks: Iterable[Block]) -> bool:
    """Whether most body blocks of more than ``FLUSH_MIN_LINES`` lines (two at least) are set
    ragged: the document's body is, and a smaller block, which cannot show it, is too."""
    votes = []
    for block in blocks:
        lines = block.lines
        if len(lines) > FLUSH_MIN_LINES and not block.table:
            right = text_right_edge(lines, block.size)
            votes.append(is_ragged(lines, [is_short(ln, right) for ln in lines], block.size))
    return len(votes) >= 2 and sum(votes) > len(votes) / 2


def is_unjustified(lines: Sequence[Line], size: float) -> bool:
    """Ragged type with a tight rag (hyphenated, so few lines are short): of ``FLUSH_MIN_LINES``
    or more lines before the last, less than ``FLUSH_SHARE`` end together (within ``FLUSH_EM``),
    where justified type ends most of them at one edge. The densest edge counts, not the
    rightmost: with optical margins, lines ending in a hyphen or a full stop stick out a little
    past the others."""
    ends = sorted(ln.bbox.x1 for ln in lines[:-1])
    if len(ends) < FLUSH_MIN_LINES:
        return False
    if has_natural_spacing(lines) and runs_on(lines):
        return True
    near = FLUSH_EM * size
    together = max(bisect.bisect_right(ends, end + near) - i for i, end in enumerate(ends))
    return together < FLUSH_SHARE * len(ends)


def has_natural_spacing(lines: Sequence[Line]) -> bool:
    """Whether every line before the last that has two or more word spaces spaces its words
    alike (the medians within ``EVEN_SPACE_EM``), as ragged type does: justification stretches
    each line's spaces by what that line lacks, so they differ from line to line. Needs
    ``FLUSH_MIN_LINES`` such lines."""
    medians = [sorted(ln.word_gaps)[len(ln.word_gaps) // 2] for ln in lines[:-1] if len(ln.word_gaps) >= 2]
    return len(medians) >= FLUSH_MIN_LINES and max(medians) - min(medians) <= EVEN_SPACE_EM


def runs_on(lines: Sequence[Line]) -> bool:
    """Whether the lines read as prose wrapped wherever the measure ended: fewer than half of
    them after the first start with a capital or a digit. Lines set one by one (verse, a
    list, contents entries) each start with one, and their even word spaces say nothing about
    a rag."""
    starts = [ln.text.lstrip()[:1] for ln in lines[1:]]
    return sum(1 for ch in starts if ch.isupper() or ch.isdigit()) < len(starts) / 2


def is_centred(lines: Sequence[Line], size: float) -> bool:
    """Three or more lines of different lengths sharing one centre (within ``CENTRE_EM``):
    centred type, whose left edges move with each line's length."""
    if len(lines) < 3:
        return False
    lefts = [ln.bbox.x0 for ln in lines]
    centres = [(ln.bbox.x0 + ln.bbox.x1) / 2 for ln in lines]
    return max(lefts) - min(lefts) > INDENT_EM * size and max(centres) - min(centres) <= CENTRE_EM * size


def text_right_edge(lines: Sequence[Line], size: float) -> float:
    """Where the block's full lines end: the rightmost edge, unless a few overfull lines (a
    fifth of the lines at most, one of them more than an em out) stick out past an edge that
    half the lines share. TeX lets a long compound run into the margin rather than stretch
    its line; taken as the measure, such a line would make every other line look short."""
    rising = sorted(ln.bbox.x1 for ln in lines)
    edges = rising[::-1]
    near = 0.25 * size
    # half the lines lie within ``near`` of the common edge, so it is at least the lower median
    # less ``near``: a rightmost edge not an em beyond that leaves nothing to correct
    if len(edges) < 4 or edges[0] <= rising[(len(rising) + 1) // 2 - 1] + size - near:
        return edges[0]
    common = next((x for x in edges if bisect.bisect_right(rising, x + near) - bisect.bisect_left(rising, x - near)
                   >= len(edges) / 2), None)
    if common is None:
        return edges[0]
    beyond = [e for e in edges if e > common + near]
    if beyond and beyond[0] > common + size and len(beyond) <= max(1, len(edges) // 5):
        return common
    return edges[0]


def hanging_markers(lines: Sequence[Line], bullets: Sequence[bool], size: float) -> list[bool]:
    """Which lines start with a marker hung left of the block's text edge (``may_hang``). Only
    when the other lines share that edge: under a hung bullet, lines further in make a nested
    list, whose indents still mark its items."""
    hanging = [may_hang(ln, k, bullet) for k, (ln, bullet) in enumerate(zip(lines, bullets))]
    edges = [ln.bbox.x0 for ln, hangs in zip(lines, hanging) if not hangs]
    nested = any(NESTED_ITEM.match(ln.text) for ln, hangs in zip(lines, hanging) if not hangs)
    if not any(hanging) or not edges or nested or max(edges) - min(edges) > INDENT_EM * size:
        return [False] * len(lines)
    return hanging


def may_hang(line: Line, k: int, bullet: bool) -> bool:
    """Whether ``line`` may start with a marker hung in the margin left of the text edge: a
    bullet or a note number before words, or an item number on a block's first line (further
    down, ``5. FEBRUAR`` may be the wider line of centred text)."""
    if not bullet or not any(ch.isalpha() for ch in line.text):
        return False
    return k == 0 or not line.text.lstrip()[:1].isdigit()


def wrap_free_indents(lines: Sequence[Line], indented: list[bool], short: list[bool], size: float) -> list[bool]:
    """The indents that start paragraphs, without the lines of a text wrap.

    A first-line indent is one line deep. Three or more full lines in a row at the same inset,
    running on from one to the next without a sentence end, are text set around a picture or an
    initial: only the first of them may start a paragraph, and not even that one when it is
    inset ``WRAP_INSET_EM`` or more (deeper than any paragraph indent: a float or a title set
    into the column) after a full line that ends no sentence. (Two in a row, or lines that end
    sentences, can still be one-line paragraphs, as in dialogue or a list of questions.)
    """
    out = list(indented)
    left = min((ln.bbox.x0 for ln in lines), default=0.0)
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and indented[j + 1] and indented[i] and not short[j] \
                and not ends_sentence(lines[j].text) \
                and abs(lines[j + 1].bbox.x0 - lines[i].bbox.x0) <= 0.3 * size:
            j += 1
        if j - i + 1 >= 3:
            for k in range(i + 1, j + 1):
                out[k] = False
            if i > 0 and not short[i - 1] and not ends_sentence(lines[i - 1].text) \
                    and lines[i].bbox.x0 - left >= WRAP_INSET_EM * size:
                out[i] = False  # a float's wrap began mid-paragraph: no indent is that deep
        i = j + 1
    return out


def paragraph_spacing(lines: Sequence[Line]) -> list[bool]:
    """For each line, whether extra space follows it (more than ``SPACING_RATIO`` x the leading)."""
    steps = [b.baseline - a.baseline for a, b in zip(lines, lines[1:])]
    if len(steps) < 2:
        return [False] * len(lines)
    leading = min(steps)
    return [step > SPACING_RATIO * leading for step in steps] + [False]


def is_short(line: Line, right: float) -> bool:
    return right - line.bbox.x1 > SHORT_LINE_EM * line.size


def next_word_overflows(line: Line, following: Line | None, right: float, sentences: bool = False) -> bool:
    """Was ``line`` broken because the next word did not fit? True when it ends no sentence (or
    with ``sentences``, whatever it ends in) and the first word of ``following`` is wider than
    the room left at its end: a wrap in narrow, ragged type (``Foto: Mads Claus`` /
    ``Rasmussen``), not a paragraph's last line. The word's width is measured from its glyphs
    (``Line.first_word``), or estimated from its share of the line's characters. Lines in
    capitals (a heading set in the body's type) and in a typewriter font (a listing) keep
    their breaks."""
    if following is None or (not sentences and ends_sentence(line.text)):
        return False
    if line.text.isupper() or is_monospace_font(line.font):
        return False
    text = following.text.strip()
    word = text.split(maxsplit=1)[0] if text else ""
    if not word:
        return False
    width = following.first_word or following.bbox.width * len(word) / len(text)
    return width + space_width(line) > right - line.bbox.x1


def is_one_word(line: Line) -> bool:
    """A line holding a single word with a letter in it (not a rule of underscores for writing on)."""
    words = line.text.split()
    return len(words) == 1 and any(ch.isalpha() for ch in words[0])


def space_width(line: Line) -> float:
    """The width in points of a word space in ``line``'s type: the median of its own word
    spaces where it has two or more, else ``SPACE_EM``. Asked of lines set at their natural
    spacing (ragged lines, and short lines, which justification does not stretch), whose spaces
    are the font's: from 0.23 em (Minion) to 0.32 em (DejaVu Serif), and rounded up to whole
    points by engines that place glyphs on a pixel grid."""
    gaps = sorted(line.word_gaps)
    if len(gaps) >= 2 and MIN_SPACE_EM <= gaps[len(gaps) // 2] <= MAX_SPACE_EM:
        return gaps[len(gaps) // 2] * line.size
    return SPACE_EM * line.size


def typical_measure(blocks: Iterable[Block]) -> float | None:
    """The usual width of a full line: the median width of multi-line blocks."""
    widths = sorted(b.bbox.width for b in blocks if len(b.lines) >= 3)
    return widths[len(widths) // 2] if widths else None


def hyphenates(blocks: Iterable[Block], lexicon: Lexicon) -> bool:
    """Whether the typesetter hyphenated words at line ends: a line-end hyphen inside a block
    that ``decide_break`` joins (a real hyphen kept, ``Høje-``/``Taastrup``, is a break at a
    hyphen the word has anyway). One is enough; a document set without hyphenation has none."""
    for block in blocks:
        for line, following in zip(block.lines, block.lines[1:]):
            if not line.hyphen_signal:
                continue
            decision = decide_break(line.text, following.text, lexicon, line_signal(line))
            if decision is not None and decision.action == "join":
                return True
    return False


def uses_indents(blocks: Iterable[Block]) -> bool:
    """Whether the document marks paragraphs with first-line indents (vs. space between)."""
    indents = 0
    for block in blocks:
        if len(block.lines) < 3:
            continue
        left = min(ln.bbox.x0 for ln in block.lines)
        indents += sum(1 for ln in block.lines[1:] if ln.bbox.x0 - left > INDENT_EM * ln.size)
    return indents >= 2
