"""Lines: group a page's runs into printed lines, one column wide.

Input: a normalised ``RawPage``. Output: ``tuple[Line, ...]`` in no particular order.

Algorithm, every threshold a multiple of the font size (``*_EM``):

1. Drop exact duplicates (fake bold drawn twice) and trim surrounding spaces from every run,
   so gaps are measured ink to ink.
2. Set drop caps aside: a one-letter run at least ``DROP_CAP_RATIO`` times larger than the text
   beside it.
3. Rows: cluster horizontal runs whose baselines differ by at most ``BASELINE_TOLERANCE_EM``.
4. Split each row at gaps. A gap up to ``WORD_GAP_EM`` is a word space; one over
   ``COLUMN_GAP_EM`` is a column gap. In between, the neighbouring rows decide: a gutter is a
   vertical channel that the lines above and below leave empty too, a wide justified word space
   is not::

       text text text   text text      <- neighbour row: ink on both sides, none in the gap
       text text text | text text      <- the gap in question: a gutter
       text text text   text text

   A justified word space that a few neighbours' word spaces happen to line up with (a river)
   is no gutter: the channel rows must be at least twice the rows whose ink crosses the gap
   (ink in another style, such as a title spanning the columns, counts half).
   In letter-spaced type set one glyph per run, a gap up to twice the letter gap plus half an
   em is a word space.

5. Assemble each line's text: a space between runs set apart by more than ``SPACE_GAP_EM``;
   letter-spaced type (``O f f e n t l i g``) closed up using the glyph positions; a soft hyphen
   at the end becomes ``hyphen_signal="soft"``; a dingbat end mark is removed (``end_mark``).
6. Put the drop cap back in front of the first line beside it (``S`` + ``om leder``).

Rotated runs (photo credits set along an image) form lines of their own direction.

3b. Scripts (``NH₄⁺``, ``m²``, footnote numbers): a few small runs visibly raised or lowered
   next to bigger text are marked in their row (``mark_scripts``), so they neither split it for
   their size nor move its baseline; raised further, they end up in a segment of their own (or
   at the end of the next column's row) and join the text they touch (``attach_scripts``).
   Not on scanned pages, whose OCR layer's sizes and baselines are estimates.

Restrictions: vertical (top-to-bottom stacked) CJK text is not handled.
"""

from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import replace
from typing import Sequence

from .geometry import BBox, union_all
from .model import Line, RawPage, Run, first_word_width
from .fonts import font_family, is_dingbat_font, is_monospace_font

BASELINE_TOLERANCE_EM = 0.3
WORD_GAP_EM = 0.5
COLUMN_GAP_EM = 2.5
#: A line of a text column is at least this many ems wide (see ``is_column_gap``).
COLUMN_LINE_EM = 10.0
#: Between runs of one line, a gap wider than this reads as a word space.
SPACE_GAP_EM = 0.12
#: How far up and down (in line heights) to look for rows that show a gutter.
NEIGHBOUR_ROWS_EM = 4.0
#: A word space at its widest natural width, in ems (DejaVu's is 0.32): for what would have fitted.
SPACE_WIDTH_EM = 0.33
#: A usual line step, in ems of the type's size.
LEADING_EM = 1.2
#: A neighbour row shows the channel when at least this share of the gap is free in it too
#: (not all of it: the line in question may start indented next to the gutter).
CHANNEL_SHARE = 0.5
#: Letter-spacing up to this many ems is read as such when glyphs come one run each.
MAX_TRACKING_EM = 1.0
DROP_CAP_RATIO = 1.9
#: Text beside a drop cap may start this share of the cap's box inside it: the box spans the
#: letter's advance, and a layout program may wrap the lines around its ink instead (Scribus
#: sets them against a ``T``'s stem, 0.16 of its width inside the box).
DROP_CAP_INSET = 0.3
#: A superscript or subscript is set at most this share of the size of the text it belongs to,
SCRIPT_SIZE_RATIO = 0.8
#: raised or lowered by at most this many of that text's ems (MuPDF's same-line limit too),
SCRIPT_SHIFT_EM = 0.8
#: touches a run of it (within this many ems) and holds at most this many characters.
SCRIPT_GAP_EM = 0.3
SCRIPT_MAX_CHARS = 4
#: A script is written with script characters when raised or lowered by at least this (in ems
#: of its text); less is small type on the baseline (a unit, small capitals).
SCRIPT_MIN_SHIFT_EM = 0.15
#: A picture covering this share of the page makes it a scan (its text an OCR layer).
SCAN_COVERAGE = 0.8
#: A run-in head and the text it runs into are set in one size, within this share.
SIZE_TOLERANCE_RUN_IN = 0.1
#: The fraction slash and the division slash, between the digits of a built-up fraction.
FRACTION_SLASHES = "\u2044\u2215"
#: Never part of a superscript or subscript: quotes and bars, the stray marks of OCR layers.
NOT_SCRIPT_CHARS = frozenset("'\"‘’‚“”„`´|¦")
#: Runs whose sizes differ by more than this factor are different lines unless set tight.
SIZE_CLASH_RATIO = 1.25
#: Runs that differ in weight and in size by more than this factor are different lines unless
#: a word space or less apart.
WEIGHT_SIZE_RATIO = 1.1
#: Runs overlapping by more than this (in ems) are separate texts drawn over each other.
OVERLAP_EM = 0.5
#: A bullet or list number may stand this many ems before its item's text.
MAX_MARKER_GAP_EM = 4.0
#: Below this (in ems) a space inside a run of capitals is tracking, not a word space: tracked
#: capitals leave gaps of 0.15-0.16 em, their word spaces 0.35-0.4 em.
TRACKED_GAP_EM = 0.22
#: A raised note number set before its note, and how far from it (a tab).
NOTE_NUMBER = re.compile(r"\d{1,3}")
MAX_NOTE_GAP_EM = 2.0
#: Gaps this close to each other (as a share) are the equal word spaces of a stretched line.
EVEN_GAP_SHARE = 0.15
LIST_MARKER = re.compile(r"[•▪◦‣⁃●■□–\-*>]|\d{1,2}[.)]|[a-zA-Z][.)]")
END_MARK_GLYPHS = frozenset("■□▪◼◾●◆❑▲★")
DINGBAT_LETTERS = frozenset("nlqupo")
#: Two or more spaces between visible characters: one space in the line's text.
SPACES_INSIDE = re.compile(r"(?<=\S) {2,}(?=\S)")
SENTENCE_END = tuple(".!?”\"»)…:;'’")
HYPHENS = ("-", "\u2010", "\u2011")


# ----------------------------------------------------------------------------- entry point
def build_lines(page: RawPage) -> tuple[Line, ...]:
    """Group ``page``'s runs into lines (see the module docstring)."""
    runs = [close_tracked_caps(trimmed) for run in dedupe_runs(page.runs) if (trimmed := trim_run(run)) is not None]
    horizontal = [r for r in runs if r.rotation == 0]
    rotated = [r for r in runs if r.rotation != 0]
    drop_caps, horizontal = split_drop_caps(horizontal)
    rows = group_rows(horizontal)
    marked: list[Run] = []
    scanned = is_scanned(page)
    if not scanned:
        rows = [mark_scripts(row, marked) for row in rows]
    scripts = frozenset(marked)
    segments = [segment for index in range(len(rows)) for segment in split_row(rows, index, scripts, scanned)]
    if not scanned:
        segments, scripts = attach_scripts(segments, scripts)
    else:
        segments = [even_out_sizes(segment) for segment in segments]
    lines: list[Line] = [runs_to_line(segment, page.number, scripts) for segment in segments]
    lines = attach_drop_caps(lines, drop_caps, page.number)
    lines.extend(rotated_lines(rotated, page.number))
    return tuple(attach_lone_end_marks(lines))


def attach_lone_end_marks(lines: list[Line]) -> list[Line]:
    """An end mark set apart from the text marks the line it follows; the mark itself goes.

    Two cases: a line left empty once its mark was removed, and a lone glyph such as ``n`` that
    ended up on a line of its own, in another font than the sentence it closes.
    """
    marks = [ln for ln in lines if (not ln.text.strip() and ln.end_mark) or is_lone_mark(ln)]
    kept = [ln for ln in lines if ln.text.strip() and ln not in marks]
    for mark in marks:
        i = line_before(kept, mark)
        if i is not None and (mark.end_mark or closes_sentence_in_other_font(kept[i], mark)):
            kept[i] = replace(kept[i], end_mark=True)
        elif mark.text.strip():
            kept.append(mark)  # not an end mark after all: keep the glyph as text
    return kept


def is_lone_mark(line: Line) -> bool:
    text = line.text.strip()
    return len(text) == 1 and (text in END_MARK_GLYPHS or text in DINGBAT_LETTERS)


def line_before(lines: Sequence[Line], mark: Line) -> int | None:
    """The line that ``mark`` follows: at or above its baseline, ending just left of it."""
    before = [i for i, ln in enumerate(lines)
              if ln.baseline <= mark.baseline + mark.size * BASELINE_TOLERANCE_EM
              and ln.bbox.x0 <= mark.bbox.x0 and mark.bbox.x0 - ln.bbox.x1 < 2 * ln.size]
    return max(before, key=lambda k: (lines[k].baseline, lines[k].bbox.x1)) if before else None


def closes_sentence_in_other_font(line: Line, mark: Line) -> bool:
    glyph = mark.text.strip()
    if glyph in END_MARK_GLYPHS:
        return True
    return (is_dingbat_font(mark.font) or mark.font != line.font) and line.text.rstrip().endswith(SENTENCE_END)


# ------------------------------------------------------------------------------ run hygiene
def dedupe_runs(runs: Sequence[Run]) -> list[Run]:
    """Drop runs that repeat another run's text at (almost) the same place (fake bold)."""
    seen: dict[tuple[str, int, int], Run] = {}
    out: list[Run] = []
    for run in runs:
        if not run.text.strip():
            continue
        q = max(1.0, run.size * 0.25)
        # the box's corner, not the baseline: along a rotated line the baseline is the same
        # for every run, and letters repeated in it ("FOTO") are not duplicates
        key = (run.text, round(run.bbox.x0 / q), round(run.bbox.top / q))
        if key in seen:
            continue
        seen[key] = run
        out.append(run)
    return out


def trim_run(run: Run) -> Run | None:
    """Strip leading and trailing whitespace, shrinking the box to the remaining glyphs."""
    text = run.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if end <= start:
        return None
    if start == 0 and end == len(text):
        return run
    space_after = end < len(text)
    if len(run.char_x) == len(text) + 1 and run.rotation == 0:
        char_x = run.char_x[start:end + 1]
        box = BBox(char_x[0], run.bbox.top, char_x[-1], run.bbox.bottom)
        return replace(run, text=text[start:end], char_x=char_x, bbox=box, space_after=space_after)
    return replace(run, text=text[start:end], char_x=(), space_after=space_after)


def close_tracked_caps(run: Run) -> Run:
    """Capitals set with a little tracking (``LE DE R E N`` for ``LEDEREN``): the tracking and
    kerning leave some letter gaps just over the space threshold, so spaces appear inside the
    words. In a run of capitals whose narrow spaces (under ``TRACKED_GAP_EM``) break it into
    fragments — half of its words one or two letters long, and single letters among them (two,
    or one among words of four letters at most) — those spaces go; wider ones (the real word
    spaces, about twice as wide) stay: ``LEDELSE AF PSYKISK``. Word spaces can be as narrow in
    tight justified capitals, so fragments decide, not the width alone (``FORDELT PÅ`` stays)."""
    text = run.text
    if " " not in text or not text.isupper() or len(run.char_x) != len(text) + 1 or run.rotation or not run.size:
        return run  # (the cheap tests first: this sees every run of every page)
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 3 or not all(ch.isupper() for ch in letters):
        return run
    words = [w.strip("-") for w in text.split()]
    singles = sum(1 for w in words if len(w) == 1 and w.isalpha())
    if sum(1 for w in words if len(w) <= 2) < len(words) / 2 or not (
            singles >= 2 or (singles == 1 and all(len(w) <= 4 for w in words))):
        return run
    narrow = {i for i, ch in enumerate(text)
              if ch == " " and (run.char_x[i + 1] - run.char_x[i]) < TRACKED_GAP_EM * run.size}
    if not narrow:
        return run
    keep = [i for i in range(len(text)) if i not in narrow]
    char_x = tuple(run.char_x[i] for i in keep) + (run.char_x[-1],)
    return replace(run, text="".join(text[i] for i in keep), char_x=char_x)


# -------------------------------------------------------------------------------- drop caps
def split_drop_caps(runs: list[Run]) -> tuple[list[Run], list[Run]]:
    """Separate drop caps (a large single letter beside smaller text) from the other runs."""
    caps: list[Run] = []
    rest: list[Run] = []
    for run in runs:
        (caps if is_drop_cap(run, runs) else rest).append(run)
    return caps, rest


def is_drop_cap(run: Run, runs: Sequence[Run]) -> bool:
    """A letter (or a digit whose word goes on beside it: ``3`` + ``-årige``, ``2`` + ``024``)
    at least ``DROP_CAP_RATIO`` times the size of the text on two or more lines just right of
    it. A large digit beside words is a figure of its own (a numbered step, a key figure)."""
    if len(run.text) != 1 or not (run.text.isalpha() or run.text.isdigit()):
        return False
    beside = [r for r in runs if r is not run and r.size * DROP_CAP_RATIO <= run.size
              and is_beside_cap(run, r.bbox.x0, r.baseline, r.size)]
    if len({round(r.baseline) for r in beside}) < 2:
        return False
    if run.text.isdigit():
        first = min(beside, key=lambda r: (r.baseline, r.bbox.x0)).text.lstrip()
        return first[:1].isdigit() or first[:1] in "-\u2010\u2011.,"
    return True


def is_beside_cap(cap: Run, x0: float, baseline: float, size: float) -> bool:
    """True when text in ``size`` starting at ``x0`` on ``baseline`` is set beside the drop cap
    ``cap``: at most 0.6 of the cap's size right of its box, or ``DROP_CAP_INSET`` of its width
    inside it, on a baseline within the cap's height."""
    box = cap.bbox
    return box.x1 - DROP_CAP_INSET * box.width <= x0 <= box.x1 + cap.size * 0.6 and \
        box.top - size <= baseline <= box.bottom + size * 0.3


def cap_space(first: Line, others: Sequence[Line]) -> str:
    """A space after a drop cap that is a word of its own (Swedish ``I`` + ``man``): the first
    line beside it starts a word space or more (``SPACE_GAP_EM``) right of where the lines
    under it start, which all start at the cap's side."""
    if others and first.bbox.x0 - min(ln.bbox.x0 for ln in others) > SPACE_GAP_EM * first.size:
        return " "
    return ""


def attach_drop_caps(lines: list[Line], caps: list[Run], page: int) -> list[Line]:
    """Prefix each drop cap's letter to the first line beside it (or keep it as a line)."""
    for cap in caps:
        beside = [i for i, ln in enumerate(lines) if is_beside_cap(cap, ln.bbox.x0, ln.baseline, ln.size)]
        if not beside:
            lines.append(runs_to_line([cap], page))
            continue
        i = min(beside, key=lambda k: lines[k].baseline)
        target = lines[i]
        lines[i] = replace(target, text=cap.text + cap_space(target, [lines[k] for k in beside if k != i]) + target.text,
                           bbox=target.bbox.union(cap.bbox), runs=(cap,) + target.runs)
        for k in beside:  # the lines set beside the cap start where the cap starts: no indent
            if k != i:
                box = lines[k].bbox
                lines[k] = replace(lines[k], bbox=BBox(min(box.x0, cap.bbox.x0), box.top, box.x1, box.bottom))
    return lines


# -------------------------------------------------------------------------------------- rows
def group_rows(runs: list[Run]) -> list[list[Run]]:
    """Cluster runs whose baselines agree; each row sorted left to right, rows top to bottom."""
    rows: list[list[Run]] = []
    row_baseline = 0.0
    for run in sorted(runs, key=lambda r: r.baseline):
        if rows:
            size = min(run.size, rows[-1][0].size)
            if abs(run.baseline - row_baseline) <= BASELINE_TOLERANCE_EM * size:
                rows[-1].append(run)
                continue
        rows.append([run])
        row_baseline = run.baseline
    for row in rows:
        row.sort(key=lambda r: r.bbox.x0)
    return rows


def attach_scripts(segments: list[list[Run]], scripts: frozenset[Run]) -> tuple[list[list[Run]], frozenset[Run]]:
    """Put superscripts and subscripts (``NH₄⁺``, ``m²``, footnote numbers) back into their line.

    A script is a short run set smaller than the text it touches (``SCRIPT_SIZE_RATIO``,
    ``SCRIPT_GAP_EM``), within ``SCRIPT_SHIFT_EM`` of that text's baseline. Raised or lowered a
    little, it shares the text's row and ``mark_scripts`` has already found it; raised further,
    it ends up in a line segment of its own (alone, or at the end of another column's row),
    which joins the segment of the text it belongs to here. Scripts are written with Unicode
    superscripts or subscripts where every character has one (``as_script``). Returns the
    segments and every script run, which neither split a line for their size nor move its
    baseline.
    """
    candidate = [is_script_candidate(segment) for segment in segments]
    if not any(candidate):
        return segments, scripts
    body = text_size(segments)
    # a short segment in the page's text size may host when no longer one does: ``(HCO`` of ``₃⁻``
    short_text = [candidate[k] and all(r.size >= 0.9 * body for r in segment) for k, segment in enumerate(segments)]
    rows = RowIndex(segments)
    reach = SCRIPT_SHIFT_EM * rows.largest  # no host is further from a script's baseline
    host_of: dict[int, int] = {}
    for index, segment in enumerate(segments):
        if candidate[index]:
            near = rows.near(segment, reach)
            host = next((k for k in near if not candidate[k] and scripts_of(segment, segments[k])), None)
            if host is None:
                host = next((k for k in near if short_text[k] and k != index and scripts_of(segment, segments[k])),
                            None)
            if host is None and stands_first(segment, [segments[k] for k in rows.near(segment, 3 * rows.largest)]):
                host = next((k for k in near if not candidate[k] and scripts_of(segment, segments[k], note=True)),
                            None)
            if host is not None:
                host_of[index] = host
    host_of = {index: host for index, host in host_of.items() if host not in host_of}  # no chains
    if not host_of:
        return segments, scripts
    out = [list(segment) for segment in segments]
    added: list[Run] = []
    for index, host in host_of.items():
        written = written_as_scripts(segments[index], segments[host])
        out[host].extend(written)
        added.extend(written)
    merged = [sorted(segment, key=lambda r: r.bbox.x0) for i, segment in enumerate(out) if i not in host_of]
    return merged, scripts | frozenset(added)


class RowIndex:
    """The segments of a page by baseline, to find those near a given one without trying all:
    a page of single-glyph runs (a Type 3 font drawn glyph by glyph) has thousands, and trying
    every pair took seconds a page."""

    def __init__(self, segments: Sequence[Sequence[Run]]):
        spans = sorted((min(r.baseline for r in seg), max(r.baseline for r in seg), k)
                       for k, seg in enumerate(segments) if seg)
        self._spans = spans
        self._lows = [low for low, _, _ in spans]
        self._spread = max((high - low for low, high, _ in spans), default=0.0)
        self.largest = max((r.size for seg in segments for r in seg), default=0.0)

    def near(self, segment: Sequence[Run], reach: float) -> list[int]:
        """Indices, in page order, of the segments whose baselines reach into ``reach`` around
        ``segment``'s own (``segment`` itself among them): every segment with a baseline that
        near, and a few more that only span it."""
        low = min(r.baseline for r in segment) - reach
        high = max(r.baseline for r in segment) + reach
        start = bisect.bisect_left(self._lows, low - self._spread - 1e-6)  # rounding must not drop one
        end = bisect.bisect_right(self._lows, high)
        return sorted(k for lo, hi, k in self._spans[start:end] if hi >= low)


def written_as_scripts(runs: Sequence[Run], text: Sequence[Run]) -> list[Run]:
    """``runs``, scripts of ``text``, written with script characters (``as_script``) where they
    are in the text's own font family: a symbol font's glyph is a mark (■ drawn as "n").
    Numbers and signs may come from another font (TeX sets footnote numbers in a small-caps cut
    of another name, and a degree ring in its symbol font): without letters, a run is written
    as scripts unless its font is a dingbat font."""
    base = statistics.median(r.baseline for r in text)
    families = {font_family(r.font) for r in text}
    return [as_script(run, raised=run.baseline < base)
            if (font_family(run.font) in families or is_number_or_sign(run)) and not is_numerator(run, text)
            else run for run in runs]


def is_numerator(run: Run, text: Sequence[Run]) -> bool:
    """The raised digits before a fraction slash (``1`` of ``1⁄4``): a fraction, not a power."""
    return any(h.text.strip()[:1] in FRACTION_SLASHES and is_fraction_part(run, h) for h in text)


def is_number_or_sign(run: Run) -> bool:
    """A run without letters (``1``, ``2,3``, ``◦``) in a font that is not a dingbat font."""
    return not any(ch.isalpha() for ch in run.text) and not is_dingbat_font(run.font)


def is_scanned(page: RawPage) -> bool:
    """True for a scanned page: a picture covers most of it, and its text is an OCR layer whose
    sizes and baselines are estimates, too rough to tell a superscript from a word."""
    area = page.width * page.height
    return area > 0 and any(image.bbox.area >= SCAN_COVERAGE * area for image in page.images)


def text_size(segments: list[list[Run]]) -> float:
    """The size most of the page's characters are set in."""
    weight: dict[float, int] = {}
    for segment in segments:
        for run in segment:
            weight[run.size] = weight.get(run.size, 0) + len(run.text)
    return max(weight, key=weight.__getitem__) if weight else 0.0


def is_script_candidate(segment: list[Run]) -> bool:
    """A few short runs without quotes or bars (a stray mark of an OCR layer is no script)."""
    return sum(len(r.text) for r in segment) <= 2 * SCRIPT_MAX_CHARS and all(is_script_text(r.text)
                                                                            for r in segment)


def is_script_text(text: str) -> bool:
    """Up to ``SCRIPT_MAX_CHARS`` characters (spaces between them not counted: ``2 3``), none a
    quote or a bar."""
    visible = text.replace(" ", "")
    return 0 < len(visible) <= SCRIPT_MAX_CHARS and not any(ch in NOT_SCRIPT_CHARS or ch.isspace() for ch in visible)


def scripts_of(segment: list[Run], text: list[Run], note: bool = False) -> bool:
    """True when the runs of ``segment`` are scripts of a run in ``text``: smaller, visibly
    raised or lowered (``SCRIPT_MIN_SHIFT_EM``) but near its baseline, and the segment touching
    it (at its end, or just before the next run). Small type on the baseline (a unit, small
    capitals, an OCR word read a little small) is not a script. With ``note``, a raised number
    may also stand a tab before the first run of ``text``: a note's number (``starts_a_note``)."""
    x0, x1 = segment[0].bbox.x0, max(r.bbox.x1 for r in segment)
    for host in text:
        size = host.size
        if not all(r.size <= SCRIPT_SIZE_RATIO * size and
                   SCRIPT_MIN_SHIFT_EM * size <= abs(r.baseline - host.baseline) <= SCRIPT_SHIFT_EM * size
                   for r in segment):
            continue
        if -0.1 * size <= x0 - host.bbox.x1 <= SCRIPT_GAP_EM * size or \
                -0.1 * size <= host.bbox.x0 - x1 <= SCRIPT_GAP_EM * size:
            return True
        if note and host is text[0] and starts_a_note(segment) and 0 <= host.bbox.x0 - x1 <= MAX_NOTE_GAP_EM * size \
                and all(r.baseline < host.baseline for r in segment):
            return True
    return False


def stands_first(segment: Sequence[Run], segments: Sequence[Sequence[Run]]) -> bool:
    """No text ends just left of ``segment`` at its height (within ``MAX_NOTE_GAP_EM``): it
    starts a line, as a note's number does, rather than raising the figure before it (an
    exponent in a table, ``10⁷``)."""
    first = segment[0]
    reach = MAX_NOTE_GAP_EM * max(r.size for r in segment)
    return not any(run.bbox.x1 <= first.bbox.x0 + 0.1 * run.size and first.bbox.x0 - run.bbox.x1 <= reach
                   and run.bbox.y_overlap(first.bbox) > 0
                   for other in segments if other is not segment for run in other)


def starts_a_note(segment: Sequence[Run]) -> bool:
    """A raised note number set a tab before the start of its note's first line."""
    return bool(NOTE_NUMBER.fullmatch("".join(r.text for r in segment).strip()))


def mark_scripts(row: list[Run], scripts: list[Run]) -> list[Run]:
    """The row with the scripts that share it written as such; each is added to ``scripts``.

    The small digits of a built-up fraction (``1``, ``⁄``, ``4`` set in three sizes) are added
    to ``scripts`` too, so that they split no line, but stay plain digits: ``1⁄4`` is the
    fraction's Unicode spelling."""
    if len(row) < 2:
        return row
    fractions = fraction_digits(row)
    scripts.extend(fractions)
    is_script = [r not in fractions and is_script_text(r.text) and scripts_of([r], [h for h in row if h is not r])
                 for r in row]
    if not any(is_script) or all(is_script):
        return row
    main = [r for r, script in zip(row, is_script) if not script]
    written = iter(written_as_scripts([r for r, script in zip(row, is_script) if script], main))
    out = [next(written) if script else r for r, script in zip(row, is_script)]
    scripts.extend(r for r, script in zip(out, is_script) if script)
    return out


def fraction_digits(row: Sequence[Run]) -> list[Run]:
    """The numerators and denominators of fractions built with a fraction slash (U+2044 or
    U+2215) from digits set smaller than the slash: the run of digits right before a run that
    starts with the slash, and the one right after a run that ends with it."""
    parts: list[Run] = []
    for k, run in enumerate(row):
        text = run.text.strip()
        if not text:
            continue
        if text[0] in FRACTION_SLASHES and k > 0 and is_fraction_part(row[k - 1], run):
            parts.append(row[k - 1])
        if text[-1] in FRACTION_SLASHES and k + 1 < len(row) and is_fraction_part(row[k + 1], run):
            parts.append(row[k + 1])
    return parts


def is_fraction_part(digits: Run, slash: Run) -> bool:
    """Digits set smaller than the fraction slash next to them and touching it."""
    text = digits.text.strip()
    near = min(abs(digits.bbox.x0 - slash.bbox.x1), abs(slash.bbox.x0 - digits.bbox.x1)) <= SCRIPT_GAP_EM * slash.size
    return text.isdigit() and digits.size <= SCRIPT_SIZE_RATIO * slash.size and near


SUPERSCRIPTS = dict(zip("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ"))
SUPERSCRIPTS.update(zip("abcdefghijklmoprstuvwxyz", "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))
SUBSCRIPTS = dict(zip("0123456789+-−=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ"))
SUPERSCRIPTS[" "] = SUBSCRIPTS[" "] = " "  # between two notes: ² ³
SUPERSCRIPTS.update({"\u25e6": "°", "\u2218": "°"})  # a raised ring (TeX's ^\circ) is a degree sign


def as_script(run: Run, raised: bool) -> Run:
    """The run written with Unicode superscripts or subscripts (``NH₄⁺``, ``m²``, ``10⁴``), so
    the text keeps what the raised or lowered type says; runs with a character that has no
    such form (``†``, ``*``, capitals) stay as they are, one character for one, edges kept."""
    table = SUPERSCRIPTS if raised else SUBSCRIPTS
    if not run.text or any(ch not in table for ch in run.text) or not run.text.strip("-−"):
        return run  # a lone hyphen set high or low is more often a stray mark (OCR) than a charge
    return replace(run, text="".join(table[ch] for ch in run.text))


def split_row(rows: list[list[Run]], index: int, scripts: frozenset[Run] = frozenset(),
              scanned: bool = False) -> list[list[Run]]:
    """Cut row ``index`` into line segments at column gaps (see module docstring, step 4).

    ``scripts`` (superscripts, subscripts) never split a line for their size, and on a
    ``scanned`` page no size does: an OCR layer's sizes are per-word estimates."""
    row = rows[index]
    segments: list[list[Run]] = [[row[0]]]
    for k, run in enumerate(row[1:], start=1):
        prev = segments[-1]
        right = max(r.bbox.x1 for r in prev)
        gap = run.bbox.x0 - right
        if gap < -OVERLAP_EM * min(run.size, prev[-1].size):
            segments.append([run])  # text drawn over other text: never one line
        elif is_letterspaced_word_gap(prev, run, gap) or is_list_marker_gap(prev, run, gap) \
                or is_loose_line_gap(rows, index, k, right, gap, scanned):
            prev.append(run)
        elif (not scanned and sizes_clash(prev[-1], run, gap)
              and not (scripts and (prev[-1] in scripts or run in scripts))) or \
                is_column_gap(rows, index, right, run.bbox.x0, max(run.size, prev[-1].size), prev[-1],
                              None if scanned or is_monospace_font(prev[0].font) else prev[0].bbox.x0):
            segments.append([run])
        else:
            prev.append(run)
    return segments


def is_loose_line_gap(rows: list[list[Run]], index: int, k: int, gx0: float, gap: float,
                      scanned: bool = False) -> bool:
    """Is the gap before ``rows[index][k]`` (from ``gx0``) a word space of a loose line
    (``spread_words``, ``is_spread_pair``) in a paragraph that crosses it, or that was
    forced apart (``is_forced_apart``)? Only gaps wider than a word space are asked: narrower
    ones join the line anyway."""
    row = rows[index]
    run = row[k]
    if gap <= WORD_GAP_EM * run.size:
        return False
    first, last = spread_words(row, k)
    pair = last - first < 2
    if pair and not is_spread_pair(rows, index, k, not scanned):
        return False
    # (a spread pair has shown that it fills the measure)
    return is_bridged_nearby(rows, index, gx0, run.bbox.x0, run, (row[k - 1].bbox.x0, run.bbox.x1)) \
        or ((pair or spans_the_measure(rows, index, first, last, not scanned))
            and is_forced_apart(rows, index, first, last))


def spread_words(row: list[Run], k: int) -> tuple[int, int]:
    """The words around the gap before ``row[k]`` that are set apart by gaps equal to it
    (within ``EVEN_GAP_SHARE``), single words in one type: indices of the first and the last.
    Three words or more make an evenly spread line (a justified line stretched far past its
    natural spacing: TeX's underfull lines, a newspaper's loose lines, where a gutter is one
    gap among word spaces of a normal width; but also a table row of one-word cells, which
    ``is_bridged_nearby`` and ``is_forced_apart`` tell apart)."""
    def gap(i: int) -> float | None:
        if i < 1 or i >= len(row) or not are_words_in_one_type(row[i - 1], row[i]):
            return None
        return row[i].bbox.x0 - row[i - 1].bbox.x1
    here = gap(k)
    if here is None or here <= 0:
        return k - 1, k
    def even(i: int) -> bool:
        other = gap(i)
        return other is not None and abs(other - here) <= EVEN_GAP_SHARE * here
    first, last = k - 1, k
    while even(first):
        first -= 1
    while even(last + 1):
        last += 1
    return first, last


def is_forced_apart(rows: list[list[Run]], index: int, first: int, last: int) -> bool:
    """Were the words ``first..last`` of row ``index`` forced apart by justifying, because the
    next line's first word did not fit in their gaps (less a word space each)? A loose line
    among loose lines, which no paragraph line around crosses (a narrow column of long words
    set without hyphenation), has nothing but this to tell it from a table's row, whose next
    row's first cell would have fitted. The next line starts below, flush with the first word;
    a word of a row around starting where one of these words starts is a table's column."""
    row = rows[index]
    words = row[first:last + 1]
    size = words[-1].size
    if not stands_apart(row, first, last):
        return False
    slack = sum(b.bbox.x0 - a.bbox.x1 - SPACE_WIDTH_EM * size for a, b in zip(words, words[1:]))
    below = next_line_start(rows, index, words[0])
    if below is None:
        return False
    # (an optimising line breaker, typst's or InDesign's paragraph composer, sets a loose line of
    # three words or more although the next word would have fitted: there the tests below decide,
    # unless the row is three or four short cells, none of four letters: a table's Y and N)
    optimised = len(words) >= 5 or (len(words) >= 3 and max(len(w.text.strip()) for w in words) >= 4)
    if not optimised and first_word_width((below,)) + SPACE_WIDTH_EM * size <= slack:
        return False
    neighbours = neighbour_rows(rows, index, row[0].baseline, size)
    span = (words[0].bbox.x0, words[-1].bbox.x1)
    # rows that may show a gutter here: ink within the span, not a loose line of the same measure
    witnesses = [inside for other in neighbours
                 if (inside := ink_within(other, span)) and not is_loose_twin(inside, span, size)]
    for a, b in zip(words, words[1:]):
        if common_channel(neighbours, a.bbox.x1, b.bbox.x0, span, b) >= WORD_GAP_EM * size and \
                any(parts_at(ink, a.bbox.x1, b.bbox.x0, WORD_GAP_EM * size) for ink in witnesses):
            return False  # a gutter: rows of two columns, one word each by chance
        if sum(starts_cell_at(other, b) for other in neighbours) >= 2:
            return False  # a table's column: two rows around start a cell where this word starts
    return True


def ink_within(row: list[Run], span: tuple[float, float]) -> list[Run]:
    """The runs of ``row`` with ink between ``span``'s two edges."""
    return [r for r in row if r.bbox.x1 > span[0] and r.bbox.x0 < span[1]]


def is_loose_twin(inside: list[Run], span: tuple[float, float], size: float) -> bool:
    """Whether ``inside`` (a row's runs within ``span``, ``ink_within``) is a line set across
    ``span`` (from its start, or a paragraph's indent of up to 3 em in, to its end, within a
    quarter of an em) with a gap wider than a word space inside: a loose line of the same
    measure. Stacked with another, its wide gap may line up with the other's and seem a
    channel; it shows no gutter, since it is the same case."""
    near = 0.25 * size
    return len(inside) >= 2 and -near <= inside[0].bbox.x0 - span[0] <= 3 * size and \
        abs(inside[-1].bbox.x1 - span[1]) <= near and \
        any(b.bbox.x0 - a.bbox.x1 > WORD_GAP_EM * size for a, b in zip(inside, inside[1:]))


def parts_at(runs: list[Run], gx0: float, gx1: float, least: float) -> bool:
    """Whether two neighbouring ``runs`` (in x order) stand apart across ``gx0..gx1``: ink on
    both sides, and at least ``least`` of the gap free between them."""
    return any(min(q.bbox.x0, gx1) - max(p.bbox.x1, gx0) >= least for p, q in zip(runs, runs[1:]))


def stands_apart(row: list[Run], first: int, last: int) -> bool:
    """Whether runs ``first..last`` are a line of their own: more than a word space from the
    runs before and after them (the last word of one column's line and the first of the next
    column's are not)."""
    size = row[last].size
    before = first == 0 or row[first].bbox.x0 - row[first - 1].bbox.x1 > WORD_GAP_EM * size
    after = last == len(row) - 1 or row[last + 1].bbox.x0 - row[last].bbox.x1 > WORD_GAP_EM * size
    return before and after


def common_channel(neighbours: list[list[Run]], gx0: float, gx1: float, span: tuple[float, float],
                   style: Run) -> float:
    """The widest stretch of ``gx0..gx1`` that no run of ``neighbours`` in the type of
    ``style`` covers (of rows with ink within ``span``): a column gutter runs through every
    row of the columns' type (a title above may cross it), the wide spaces of loose lines lie
    at different places in each."""
    free = [(gx0, gx1)]
    for other in neighbours:
        if not ink_within(other, span):
            continue
        for run in other:
            if not in_style(run, style):
                continue
            free = [piece for a, b in free for piece in ((a, min(b, run.bbox.x0)), (max(a, run.bbox.x1), b))
                    if piece[1] > piece[0]]
    return max((b - a for a, b in free), default=0.0)


def next_line_start(rows: list[list[Run]], index: int, left: Run) -> Run | None:
    """The run that starts the line after row ``index`` under ``left``: in the next row within
    two line steps, in ``left``'s size, starting within a tenth of an em of it, or left of it
    within an indent (3 em) and reaching under it (``left`` starts a paragraph's first line)."""
    reach = 2 * LEADING_EM * left.size
    x0, near = left.bbox.x0, 0.1 * left.size
    for other in rows[index + 1:]:
        if other[0].baseline - left.baseline > reach:
            return None
        for run in other:
            if run.size == left.size and (abs(run.bbox.x0 - x0) <= near
                                          or x0 - 3 * left.size <= run.bbox.x0 < x0 < run.bbox.x1):
                return run
    return None


def is_bridged_nearby(rows: list[list[Run]], index: int, gx0: float, gx1: float, style: Run,
                      span: tuple[float, float] | None = None) -> bool:
    """Whether more of the lines around row ``index`` run across ``gx0..gx1`` in the style of
    ``style`` than leave it open: the stretched line sits in a paragraph, whose lines cross
    the spot, where a table's rows leave the same gaps open.

    Only rows with ink within ``span`` (the two words around the gap) count: columns set on
    baselines of their own put rows of the other columns between this column's rows, and
    those leave the spot open without saying anything about it. A row leaves the spot open
    when at least ``CHANNEL_SHARE`` of it is free, or when a word of it starts after a gap
    where the word after this gap starts (a table's next row: its cells line up, whatever
    their lengths); a loose line next to a loose line has its own wide spaces elsewhere
    across the spot, and counts for neither side."""
    size = style.size
    channel = max(0.5 * size, CHANNEL_SHARE * (gx1 - gx0))
    crossed = open_ = 0
    for other in neighbour_rows(rows, index, rows[index][0].baseline, size, contiguous=True):
        if span is not None and not ink_within(other, span):
            continue
        free = widest_free_span(other, gx0, gx1)
        if free < 0.3 * size:
            crossed += crosses_in_style(other, gx0, gx1, style)
        elif free >= channel or starts_cell_at(other, style):
            open_ += 1
    return crossed > open_


def starts_cell_at(row: list[Run], cell: Run) -> bool:
    """Whether a run of ``row`` starts where ``cell`` starts (within a tenth of an em) after a
    gap wider than a word space, and ends elsewhere: the left edge of a table column. (A run
    that ends where ``cell`` ends too is the same word again, which proves nothing: in loose
    justified lines a short word flush right may come twice.)"""
    near = 0.1 * cell.size
    for k, run in enumerate(row):
        if abs(run.bbox.x0 - cell.bbox.x0) <= near:
            return abs(run.bbox.x1 - cell.bbox.x1) > near and \
                (k == 0 or run.bbox.x0 - row[k - 1].bbox.x1 > WORD_GAP_EM * cell.size)
    return False


def is_spread_pair(rows: list[list[Run]], index: int, k: int, page_measure: bool = True) -> bool:
    """Two single words in one type forced apart to both edges of the measure (a loose line of
    two long words, one gap: nothing to compare it with)."""
    row = rows[index]
    return are_words_in_one_type(row[k - 1], row[k]) and spans_the_measure(rows, index, k - 1, k, page_measure)


def spans_the_measure(rows: list[list[Run]], index: int, first: int, last: int, page_measure: bool = True) -> bool:
    """Whether runs ``first..last`` of row ``index`` fill the measure of the lines around: the
    first starts where they start (within their indent, 3 em) and the last ends where two of
    them end; or, with ``page_measure``, they span the measure of the page's other columns
    (``fills_a_column_measure``; not on a scanned page, whose OCR layer's word boxes are
    estimates, and where a run of any width turns up by chance)."""
    row = rows[index]
    left, right = row[first], row[last]
    size = right.size
    around = [r for other in neighbour_rows(rows, index, row[0].baseline, size) for r in other]
    starts = any(abs(left.bbox.x0 - r.bbox.x0) <= 3 * size for r in around if r.bbox.x1 > left.bbox.x1)
    edges = (right.bbox.x1, hyphen_start(right))
    ends = sum(1 for r in around if any(abs(r.bbox.x1 - x) <= 0.25 * size for x in edges)) >= 2
    return (starts and ends) or (page_measure and fills_a_column_measure(row, first, last, around))


def fills_a_column_measure(row: list[Run], first: int, last: int, around: Sequence[Run]) -> bool:
    """Whether runs ``first..last`` of ``row`` start where a line around starts (within a tenth
    of an em, or a paragraph's indent of up to 3 em in from it) and, from that start, span the
    page's column measure: as wide as two or more single-run lines of
    its type in other columns (within a quarter of an em). A paragraph of two or three lines
    at a column's head or foot has too few full lines of its own to show its measure; the
    columns beside it, set to the same measure, show it."""
    left, right = row[first], row[last]
    size = right.size
    # where the line's column starts: where a line around starts, at the first word or up to a
    # paragraph's indent (3 em) left of it
    starts = {round(r.bbox.x0, 1) for r in around if -0.1 * size <= left.bbox.x0 - r.bbox.x0 <= 3 * size}
    if not starts:
        return False
    near = 0.25 * size
    widths = [r.bbox.x1 - r.bbox.x0 for r in (*around, *row[:first], *row[last + 1:])
              if r.size == size and r.font == right.font and (r.bbox.x1 <= left.bbox.x0 or r.bbox.x0 >= right.bbox.x1)]
    return any(sum(1 for w in widths if abs(w - (right.bbox.x1 - x)) <= near) >= 2 for x in starts)


def hyphen_start(run: Run) -> float:
    """Where a line-end hyphen that ends ``run`` starts (its end when it has none): the edge
    of the measure where the hyphen hangs outside it (optical margins; Pango does not count
    the hyphen it adds at a soft hyphen)."""
    if run.text.endswith(HYPHENS + ("\u00ad",)) and len(run.char_x) == len(run.text) + 1:
        return run.char_x[-2]
    return run.bbox.x1


def are_words_in_one_type(a: Run, b: Run) -> bool:
    """Two runs of one word each (``is_single_word``) in the same font and size."""
    return a.size == b.size and a.font == b.font and is_single_word(a) and is_single_word(b)


def is_single_word(run: Run) -> bool:
    """A run holding one word: no space inside, a letter in it (``COVID-19-pandemien``,
    ``leder?`` and ``(DCIS)`` are words; ``12,5`` is a table's number, not a word)."""
    text = run.text.strip()
    return bool(text) and " " not in text and any(ch.isalpha() for ch in text)


def even_out_sizes(segment: list[Run]) -> list[Run]:
    """One size for every run of a scanned line: the median by characters.

    An OCR engine estimates each word's size from the height of its letters, so ``is`` comes
    out at half the size of ``many`` in the same line; read as they are, such sizes split lines
    and blocks word by word.
    """
    sizes = sorted((run.size, len(run.text)) for run in segment)
    half, seen = sum(n for _, n in sizes) / 2, 0
    for size, n in sizes:
        seen += n
        if seen >= half:
            break
    return [run if run.size == size else replace(run, size=size) for run in segment]


def is_letterspaced_word_gap(prev: list[Run], run: Run, gap: float) -> bool:
    """A word space between glyphs set one run each with even letter-spacing (``O f f e n``).

    The space carries the tracking on both sides, so it is about twice the letter gap plus the
    space glyph: ``gap <= 2 x tracking + 0.5 em``.
    """
    if len(prev) < 2 or not all(len(r.text) == 1 for r in (prev[-2], prev[-1], run)):
        return False
    if prev[-1].size != run.size or prev[-2].size != run.size:
        return False
    tracking = prev[-1].bbox.x0 - prev[-2].bbox.x1
    return 0 < tracking <= MAX_TRACKING_EM * run.size and gap <= 2 * tracking + 0.5 * run.size


def is_list_marker_gap(prev: list[Run], run: Run, gap: float) -> bool:
    """A bullet or list number set apart from its item's text (a tab indent) stays with it."""
    text = "".join(r.text for r in prev).strip()
    return bool(LIST_MARKER.fullmatch(text)) and 0 <= gap <= MAX_MARKER_GAP_EM * run.size


def sizes_clash(a: Run, b: Run, gap: float) -> bool:
    """Runs of clearly different sizes share a line only when set tight together; runs that
    differ in weight and in size (by more than ``WEIGHT_SIZE_RATIO``) only when a word space
    or less apart (a subheading in the next column beside a body line: bold and a size
    larger, across a gutter no wider than the line's own justified spaces)."""
    small, large = sorted((a.size, b.size))
    if large > SIZE_CLASH_RATIO * small and gap > SPACE_GAP_EM * 3 * small:
        return True
    return a.bold != b.bold and large > WEIGHT_SIZE_RATIO * small and gap > WORD_GAP_EM * small


def is_column_gap(rows: list[list[Run]], index: int, gx0: float, gx1: float, size: float,
                  style: Run | None = None, line_start: float | None = None) -> bool:
    """Decide whether the gap ``gx0..gx1`` in row ``index`` separates two columns.

    ``line_start`` is where the segment left of the gap starts: a column's line is
    ``COLUMN_LINE_EM`` wide or more (a table's cells and an OCR layer's words are narrower).
    ``None`` (an OCR layer's row, whose gaps are the OCR's guesses; a listing in a typewriter
    font, whose comments stand apart in a column of their own) leaves the rules that need it out.

    A row whose ink crosses the gap counts against a gutter in full when set like ``style`` (the
    run left of the gap), and half otherwise: a title or standfirst may span the columns.
    """
    gap = gx1 - gx0
    if gap <= WORD_GAP_EM * size:
        return False
    if gap >= COLUMN_GAP_EM * size:
        return True
    # own_type: crossings by rows in this row's type or smaller (its raised marks), which
    # no title, standfirst or byline across the columns explains
    crossed, own_type, channel, left_only, right_only, edge, below = 0.0, 0, 0, 0, 0, 0, 0
    baseline = rows[index][0].baseline
    neighbours = neighbour_rows(rows, index, baseline, size)
    for other in neighbours:
        if abs(other[0].baseline - baseline) > 2 * size and is_gutter_mark(other, gx0, gx1):
            continue  # a page number centred in the gutter lines away neither bridges it nor shows it
        free = widest_free_span(other, gx0, gx1)
        if free < 0.3 * size:
            full = style is None or crosses_in_style(other, gx0, gx1, style)
            crossed += 1.0 if full else 0.5
            # (smaller type above the row and lines away from it is head matter: a byline, a
            # running head; below, or near, it is the rows' own marks: an exponent)
            head_matter = other[0].baseline < baseline - 2 * size
            own_type += full or (max(r.size for r in other) < size and not head_matter)
            below += other[0].baseline > baseline
        elif free >= max(0.5 * size, CHANNEL_SHARE * gap):
            left, right = ink_sides(other, gx0, gx1, size)
            channel += left and right
            left_only += left and not right
            right_only += right and not left
            edge += style is not None and starts_at(other, gx1, style)
        elif free >= 0.5 * size and style is not None:
            # a channel narrower than half the gap: this row's line starts indented from the
            # next column's edge, by more than the gutter is wide (a 1.2 em indent, a 1 em gutter)
            edge += starts_within(other, gx0 + 0.5 * size, gx1, style)
    # columns on staggered baseline grids: each row shows only one side of the channel
    channel += min(left_only, right_only)
    if channel and channel >= 2 * crossed:
        return True
    # the first row of columns under a title or standfirst (larger type, the only one to cross
    # the gap), after a column's line (``COLUMN_LINE_EM`` wide or more)
    first_row = not own_type and gap > 1.0 * size and line_start is not None \
        and gx0 - line_start >= COLUMN_LINE_EM * size
    # the rows around in this type end at the gap (the next column holds nothing but this row's
    # line, a paragraph's last line at its head) or one shows the channel with ink on both sides
    # (ragged columns: the shorter lines end too far from the gutter to show it); none ends where
    # the row ends (a number set flush right after a dot leader ends where the column's other
    # lines end)
    if first_row and (channel or left_only >= 2) and not ends_with_a_neighbour(rows[index], neighbours, size):
        return True
    # or, under such a title (crossing above, nothing below), the rows around in this type start
    # where the gap ends, or inside it where this row's line is indented: the next column's left
    # edge (a paragraph's last line and a heading may leave this column's side of the channel
    # empty)
    if first_row and crossed and not below and edge >= 2:
        return True
    if crossed:
        return False
    return gap > 1.0 * size


def starts_within(row: list[Run], x0: float, x1: float, style: Run) -> bool:
    """True when a run of ``row`` in ``style``'s type starts between ``x0`` and ``x1``."""
    return any(x0 <= r.bbox.x0 <= x1 and in_style(r, style) for r in row)


def starts_at(row: list[Run], x: float, style: Run) -> bool:
    """True when a run of ``row`` in ``style``'s type starts at ``x`` (within a tenth of an em)."""
    return any(abs(r.bbox.x0 - x) <= 0.1 * style.size and in_style(r, style) for r in row)


def crosses_in_style(row: list[Run], gx0: float, gx1: float, style: Run) -> bool:
    """True when a run of ``row`` set in ``style``'s size, weight and slant covers the gap."""
    return any(r.bbox.x0 < gx1 and r.bbox.x1 > gx0 and in_style(r, style) for r in row)


def ends_with_a_neighbour(row: list[Run], neighbours: list[list[Run]], size: float) -> bool:
    """Whether a row around ends where ``row`` ends (within half an em): a gap in ``row`` then
    lies inside their common measure (a dot leader's number, set flush right)."""
    end = max(r.bbox.x1 for r in row)
    return any(abs(max(r.bbox.x1 for r in other) - end) <= 0.5 * size for other in neighbours)


def in_style(run: Run, style: Run) -> bool:
    """``run`` is set in ``style``'s size (within a tenth), weight and slant."""
    return abs(run.size - style.size) <= 0.1 * style.size and run.bold == style.bold and run.italic == style.italic


def widest_free_span(row: list[Run], gx0: float, gx1: float) -> float:
    """The widest stretch of ``gx0..gx1`` that no run of ``row`` covers."""
    widest, cursor = 0.0, gx0
    for run in row:  # sorted by x0
        if run.bbox.x1 <= cursor:
            continue
        if run.bbox.x0 >= gx1:
            break
        widest = max(widest, run.bbox.x0 - cursor)
        cursor = max(cursor, run.bbox.x1)
    return max(widest, gx1 - cursor)


def is_gutter_mark(row: list[Run], gx0: float, gx1: float) -> bool:
    """A row that is one short mark (a page number: three characters at most) set within the
    gap ``gx0..gx1``."""
    return len(row) == 1 and len(row[0].text.strip()) <= 3 and row[0].bbox.x0 >= gx0 and row[0].bbox.x1 <= gx1


def ink_sides(row: list[Run], gx0: float, gx1: float, size: float) -> tuple[bool, bool]:
    """Whether ``row`` has ink ending just left of the gap, and ink starting just right of it."""
    reach = size * 3
    left = any(gx0 - reach <= r.bbox.x1 and r.bbox.x0 < gx0 + (gx1 - gx0) / 2 for r in row)
    right = any(r.bbox.x0 <= gx1 + reach and r.bbox.x1 > gx0 + (gx1 - gx0) / 2 for r in row)
    return left, right


def neighbour_rows(rows: list[list[Run]], index: int, baseline: float, size: float,
                   contiguous: bool = False) -> list[list[Run]]:
    """The rows within ``NEIGHBOUR_ROWS_EM`` (at 120 % leading) above and below row ``index``;
    with ``contiguous``, only up to an empty band of more than two line steps (a folio under a
    column's last line, a caption under a figure, is not one of the column's rows)."""
    # with the usual 120 % leading the fourth row sits exactly at the limit: let it count
    # whatever the rounding (after scaling the page, 48 pt may come out as 48.000000001)
    reach = NEIGHBOUR_ROWS_EM * size * 1.2 * (1 + 1e-9)
    band = 2 * LEADING_EM * size
    out = []
    for step in (-1, 1):
        j, last = index + step, baseline
        while 0 <= j < len(rows) and abs(rows[j][0].baseline - baseline) <= reach:
            if contiguous and abs(rows[j][0].baseline - last) > band:
                break
            out.append(rows[j])
            last = rows[j][0].baseline
            j += step
    return out


# ----------------------------------------------------------------------------- line assembly
def runs_to_line(runs: list[Run], page: int, scripts: frozenset[Run] = frozenset()) -> Line:
    """Assemble one horizontal line from runs sorted left to right (``scripts``: runs raised or
    lowered off the line's baseline, which the baseline ignores)."""
    text = join_run_texts(runs)
    if looks_letterspaced(text):
        text = close_up_letterspacing(runs) or text
    text, end_mark = strip_end_mark(text, runs)
    text, signal = line_end_signal(text)
    text = SPACES_INSIDE.sub(" ", text)  # typed twice, or left where a word was deleted
    dominant = dominant_run(text_after_run_in_head(runs))
    return Line(
        text=text,
        bbox=union_all(r.bbox for r in runs),
        runs=tuple(runs),
        font=dominant.font,
        size=dominant.size,
        bold=dominant.bold,
        italic=dominant.italic,
        color=dominant.color,
        baseline=statistics.median((scripts and [r.baseline for r in runs if r not in scripts])
                                   or [r.baseline for r in runs]),
        page=page,
        hyphen_signal=signal,
        end_mark=end_mark,
        rotation=runs[0].rotation,
        space_after=runs[-1].space_after and not end_mark,
    )


def text_after_run_in_head(runs: Sequence[Run]) -> Sequence[Run]:
    """The runs that give a line its style: after a run-in head, the text it runs into.

    A bold lead-in followed by regular text of the same size (``Ductal carcinoma (DCIS) –
    Abnormal cells are``, ``Karen Frost er leder i …``) is the first line of a paragraph in the
    regular style; counted by characters, the lead-in can outweigh the rest and set the line
    apart from the lines under it (and make it look like a subheading).
    """
    if len(runs) < 2 or not runs[0].bold or runs[-1].bold:
        return runs
    k = next(i for i, r in enumerate(runs) if not r.bold)
    rest = runs[k:]
    if any(r.bold or r.italic != runs[0].italic for r in rest) or not rest[0].text.strip(" –-:.").strip():
        return runs  # emphasis inside the text, or nothing after the head
    size = runs[0].size
    if any(abs(r.size - size) > SIZE_TOLERANCE_RUN_IN * size for r in runs):
        return runs
    return rest


def dominant_run(runs: Sequence[Run]) -> Run:
    """The run whose style covers the most characters of the line."""
    weight: dict[tuple, int] = {}
    first: dict[tuple, Run] = {}
    for r in runs:
        key = (r.font, r.size, r.bold, r.italic, r.color)
        weight[key] = weight.get(key, 0) + len(r.text)
        first.setdefault(key, r)
    return first[max(weight, key=weight.__getitem__)]


def join_run_texts(runs: Sequence[Run]) -> str:
    parts = [runs[0].text]
    for prev, run in zip(runs, runs[1:]):
        gap = gap_along(prev, run)
        if gap > SPACE_GAP_EM * min(prev.size, run.size):
            parts.append(" ")
        parts.append(run.text)
    return "".join(parts)


def gap_along(prev: Run, run: Run) -> float:
    """Distance from ``prev`` to the next ``run`` along their writing direction."""
    a, b = prev.bbox, run.bbox
    if run.rotation == 90:  # bottom to top
        return a.top - b.bottom
    if run.rotation == 270:  # top to bottom
        return b.top - a.bottom
    if run.rotation == 180:
        return a.x0 - b.x1
    return b.x0 - a.x1


def looks_letterspaced(text: str) -> bool:
    """True when most words are single characters: ``O f f e n t l i g``. Tokens without a
    letter or digit do not count: dot leaders (``Notices . . . . vii``) are no letters."""
    words = text.split()
    if len(words) < 4 or list(map(len, words)).count(1) < 3:
        return False  # at most two one-letter words: never 70 % of four tokens or more (fast path)
    tokens = [t for t in words if any(ch.isalnum() for ch in t)]
    if len(tokens) < 4:
        return False
    singles = sum(1 for t in tokens if len(t) == 1)
    return singles / len(tokens) >= 0.7


def close_up_letterspacing(runs: Sequence[Run]) -> str | None:
    """Rebuild letter-spaced text from glyph positions: spaces only at the wider word gaps."""
    glyphs: list[tuple[str, float, float, float]] = []
    for run in runs:
        if len(run.char_x) != len(run.text) + 1:
            return None
        for i, ch in enumerate(run.text):
            if not ch.isspace():
                glyphs.append((ch, run.char_x[i], run.char_x[i + 1], run.size))
    if len(glyphs) < 4:
        return None
    glyphs.sort(key=lambda g: g[1])
    gaps = [b[1] - a[2] for a, b in zip(glyphs, glyphs[1:])]
    typical = statistics.median(gaps)
    out = [glyphs[0][0]]
    for (ch, _, _, size), gap in zip(glyphs[1:], gaps):
        # a word space adds the space glyph to the tracking: compare the excess, not the ratio,
        # which shrinks towards 1 as the tracking grows (0.6 em tracking + 0.25 em space)
        if gap - typical > 0.15 * size:
            out.append(" ")
        out.append(ch)
    return "".join(out)


def strip_end_mark(text: str, runs: Sequence[Run]) -> tuple[str, bool]:
    """Remove a dingbat end mark from the end of the line.

    An end mark is a final ``■``-like glyph, or a lone letter such as ``n`` that a dingbat font
    draws as a square: set in a font other than the text before it, after the end of a sentence.
    """
    stripped = text.rstrip()
    if stripped and stripped[-1] in END_MARK_GLYPHS:
        return stripped[:-1].rstrip(), True
    last = runs[-1]
    if (len(runs) >= 2 and len(last.text) == 1 and last.text in DINGBAT_LETTERS
            and (is_dingbat_font(last.font) or last.font != runs[-2].font)
            and runs[-2].text.rstrip().endswith(SENTENCE_END)):
        return stripped[:-1].rstrip(), True
    return text, False


def line_end_signal(text: str) -> tuple[str, str]:
    """Turn a final soft hyphen into a visible hyphen + ``"soft"``; drop soft hyphens elsewhere."""
    stripped = text.rstrip()
    signal = ""
    if stripped.endswith("\u00ad"):
        stripped = stripped.rstrip("\u00ad") + "-"
        signal = "soft"
    elif stripped.endswith(HYPHENS):
        stripped = stripped[:-1] + "-"
        signal = "hyphen"
    return stripped.replace("\u00ad", ""), signal


# ----------------------------------------------------------------------------- rotated text
def rotated_lines(runs: list[Run], page: int) -> list[Line]:
    """Lines of rotated runs: one direction, one baseline, similar size, set one after another.

    Runs are clustered by baseline like horizontal rows (tolerance relative to the smaller
    size); a cluster splits where runs of clearly different sizes meet or where the text
    breaks off for more than ``COLUMN_GAP_EM`` along the writing direction.
    """
    lines = []
    by_rotation: dict[int, list[Run]] = {}
    for run in runs:
        by_rotation.setdefault(run.rotation, []).append(run)
    for rotation, group in by_rotation.items():
        for cluster in baseline_clusters(group):
            cluster.sort(key=lambda r: along_line(r, rotation))
            for segment in split_along(cluster, rotation):
                lines.append(runs_to_line(segment, page))
    return lines


def baseline_clusters(runs: list[Run]) -> list[list[Run]]:
    clusters: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: r.baseline):
        last = clusters[-1] if clusters else None
        if last and abs(run.baseline - last[0].baseline) <= BASELINE_TOLERANCE_EM * min(run.size, last[0].size) \
                and max(run.size, last[0].size) <= SIZE_CLASH_RATIO * min(run.size, last[0].size):
            last.append(run)
        else:
            clusters.append([run])
    return clusters


def split_along(runs: list[Run], rotation: int) -> list[list[Run]]:
    """Cut a rotated cluster where the text breaks off along its direction."""
    segments = [[runs[0]]]
    for prev, run in zip(runs, runs[1:]):
        gap = along_line(run, rotation) - along_end(prev, rotation)
        if gap > COLUMN_GAP_EM * max(run.size, prev.size):
            segments.append([run])
        else:
            segments[-1].append(run)
    return segments


def along_end(run: Run, rotation: int) -> float:
    """Where a run ends along its writing direction (see ``along_line``)."""
    if rotation == 90:
        return -run.bbox.top
    if rotation == 270:
        return run.bbox.bottom
    if rotation == 180:
        return -run.bbox.x0
    return run.bbox.x1


def along_line(run: Run, rotation: int) -> float:
    """Position of a run along its writing direction, increasing in reading order."""
    if rotation == 90:
        return -run.bbox.bottom
    if rotation == 270:
        return run.bbox.top
    if rotation == 180:
        return -run.bbox.x1
    return run.bbox.x0
