"""Repair plain-text dumps that keep the line breaks of print: one paragraph per output line.

Input: the text of a dump made by another extractor (``str``), with print line breaks, blank
lines where a column or page broke, headings, TOC lines and the odd page number.
Output: :class:`RepairResult`, the text with one paragraph per line and every line-end
decision (:class:`~olparse.dehyphenate.HyphenDecision`) for audits.

Algorithm:

1. Normalise line ends, BOM, no-break spaces and soft hyphens inside lines.
2. Build the :class:`~olparse.dehyphenate.Lexicon` from the whole dump.
3. Measure the *typical line length* of every line's neighbourhood (the upper quartile of the
   non-blank lines around it), so narrow columns and wide standfirsts each get their own.
4. Walk the lines and decide at every break whether the paragraph goes on::

       ends in a word hyphen ........................ goes on (also across blank lines),
                                                      unless a capitalised line follows a
                                                      blank: something was drawn in between
       next line is a bullet, TOC entry or "– " turn  ends
       next line starts lowercase ................... goes on
       blank line(s) between ........................ goes on only when the line stops
                                                      mid-sentence at full length (a column
                                                      or page break), or on a comma or dash
       ends a sentence (. ! ? : …) .................. ends when the line is clearly shorter
                                                      than typical, else goes on
       no final punctuation ......................... ends when short (a heading) unless it
                                                      ends in a function word, else goes on

   Blank lines alone are not paragraph ends in these dumps: a column break inside a
   paragraph leaves one.
5. Join each paragraph's lines with :func:`~olparse.dehyphenate.join_lines`.

Restrictions:
    * Text drawn between the halves of a sentence (a pull-quote, a box) stays where the dump
      put it; the sentence is then cut in two, and a hyphen before the cut stays printed.
    * A paragraph that ends with a full-length line and is followed by a capitalised line with
      no blank line between is joined to the next one.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .dehyphenate import (SOFT_HYPHEN, HyphenDecision, Lexicon, decide_break,
                          ends_in_word_hyphen, is_function_word, join_lines)
from .errors import InputError

log = logging.getLogger(__name__)

ENCODINGS = ("utf-8", "cp1252")
DEFAULT_WINDOW_LINES = 8  # neighbourhood on each side for the typical line length
DEFAULT_SHORT_LINE_RATIO = 0.8  # "clearly shorter" than the typical line
DEFAULT_TYPICAL_QUANTILE = 0.75  # upper quartile: body lines, not headings, set the measure
SENTENCE_END = regex.compile(r"[.!?:…■]['\"”’»)\]]*$")
MID_SENTENCE_END = regex.compile(r"[,;\u2013\u2014]$")
NEW_BLOCK = regex.compile(r"^(?:[•▪■●◦\u25cf\-*]\s|\d{1,3}[.)]?\s*\t|\d{1,2}[.)]\s+\p{Lu}|\t)")
DIALOGUE_TURN = regex.compile(r"^[\u2013\u2014]\s")
DEFAULT_MIN_LINES_FOR_WRAP_MARKS = 20  # too few lines say nothing about the extractor
DEFAULT_WRAP_MARK_SHARE = 0.3  # share of letter-ended lines that end in a space
FOLIO = regex.compile(r"^\d{1,3}$")
SPACES = regex.compile(r"[ \u00a0\u2009\u202f]{2,}")


@dataclass(frozen=True, slots=True)
class RepairResult:
    """A repaired dump: one paragraph per line, and the decisions taken at line ends."""

    text: str
    decisions: list[HyphenDecision] = field(default_factory=list)


# --------------------------------------------------------------------------- input


def read_dump(path_or_dash: str) -> str:
    """Read a text dump from a file, or from stdin when given ``-``.

    Decodes UTF-8 (with or without a byte-order mark, which is dropped) and falls back to
    cp1252, the usual encoding of older Windows dumps; which one fitted is logged at debug
    level, never reported as a problem.

    Raises:
        InputError: the file is missing, a folder, unreadable, empty, binary, UTF-16 or not
            decodable.
    """
    name = "standard input" if path_or_dash == "-" else str(path_or_dash)
    data = read_bytes(path_or_dash)
    if not data.strip():
        raise InputError(f"{name}: is empty", hint="pass a text dump with some text in it")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{name}: UTF-16 text is not supported",
                         hint="convert the file to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8")
    if b"\x00" in data:
        raise InputError(f"{name}: binary data, not a text dump",
                         hint="pass a plain-text file (UTF-8 or cp1252)")
    return decode_dump(data, name)


def read_bytes(path_or_dash: str) -> bytes:
    """The raw bytes of the file or of stdin, with the reasons it can fail as InputError."""
    if path_or_dash == "-":
        try:
            return sys.stdin.buffer.read()
        except (OSError, AttributeError, ValueError) as exc:
            raise InputError(f"standard input: cannot be read ({exc})") from exc
    path = Path(path_or_dash)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a text file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def decode_dump(data: bytes, name: str) -> str:
    """Decode UTF-8 (without BOM) or cp1252; raise InputError when neither fits."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        log.debug("%s: decoded as %s", name, encoding)
        return text.removeprefix("\ufeff")
    raise InputError(f"{name}: not decodable as UTF-8 or cp1252 text",
                     hint="convert the file to UTF-8, e.g. with iconv")


# --------------------------------------------------------------------------- repair


@dataclass(frozen=True, slots=True)
class DumpShape:
    """What the dump itself says about its lines, measured once per dump.

    Attributes:
        typical: per line, the typical length of the printed lines around it.
        marks_wraps: the extractor leaves a space at the end of lines it wrapped at a space,
            so a line without one (and without a hyphen) is a hard end: a heading or the last
            line of a paragraph.
    """

    typical: list[float]
    marks_wraps: bool


def repair_dump(text: str) -> RepairResult:
    """Turn a dump with print line breaks into one paragraph per line, deciding every hyphen."""
    lines = normalize_dump(text).split("\n")
    lexicon = Lexicon.from_texts(["\n".join(lines)])
    shape = DumpShape(typical_lengths(lines), marks_wraps(lines))
    paragraphs, decisions = [], []
    for block, interrupted in split_paragraphs(lines, shape, lexicon):
        joined, taken = join_lines(block, lexicon)
        paragraphs.append(SPACES.sub(" ", joined.strip()))
        decisions.extend(taken)
        if interrupted is not None:
            decisions.append(interrupted)
    body = "\n".join(p for p in paragraphs if p)
    return RepairResult(body + "\n" if body else "", decisions)


def normalize_dump(text: str) -> str:
    """Unify line ends; drop BOMs and soft hyphens inside lines (those at line ends stay)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = []
    for line in text.split("\n"):
        line = line.replace("\u00a0", " ")
        core = line.rstrip()
        if core.endswith(SOFT_HYPHEN):
            line = core[:-1].replace(SOFT_HYPHEN, "") + SOFT_HYPHEN
        else:
            line = line.replace(SOFT_HYPHEN, "")
        lines.append(line)
    return "\n".join(lines)


def typical_lengths(lines: list[str]) -> list[float]:
    """The typical length of the printed lines around each line (upper quartile of a window)."""
    lengths = [len(line.strip()) for line in lines]
    filled = [i for i, n in enumerate(lengths) if n]
    result = [0.0] * len(lines)
    for k, i in enumerate(filled):
        window = sorted(lengths[j] for j in
                        filled[max(0, k - DEFAULT_WINDOW_LINES):k + DEFAULT_WINDOW_LINES + 1])
        result[i] = float(window[int(DEFAULT_TYPICAL_QUANTILE * (len(window) - 1))])
    return result


def marks_wraps(lines: list[str]) -> bool:
    """Whether the extractor keeps the space at the end of lines it wrapped at a space.

    Measured on lines that end in a letter or comma (not a hyphen): when enough of them end
    in whitespace, the absence of that space is meaningful.
    """
    candidates = [line for line in lines if line.strip() and line.rstrip()[-1:].isalpha()]
    if len(candidates) < DEFAULT_MIN_LINES_FOR_WRAP_MARKS:
        return False
    spaced = sum(line != line.rstrip() for line in candidates)
    return spaced >= DEFAULT_WRAP_MARK_SHARE * len(candidates)


def split_paragraphs(lines: list[str], shape: DumpShape, lexicon: Lexicon):
    """Group the non-blank lines into paragraphs.

    Yields:
        ``(lines_of_one_paragraph, interrupted)`` where ``interrupted`` is a decision recorded
        when a paragraph ends in a word hyphen whose continuation was cut off, else None.
    """
    current: list[str] = []
    deferred: list[str] = []
    blanks, prev_index = 0, -1
    for i, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            continue
        if FOLIO.match(line.strip()) and current:
            deferred.append(line)  # a bare page number: furniture, do not cut the paragraph
            continue
        gap = blanks or int(line[:1].isspace())  # an indented line starts a new flow too
        if current and not continues(lines[prev_index], line, gap, prev_index, shape, lexicon):
            yield current, interrupted_decision(current[-1], line)
            current = []
            yield from (([d], None) for d in deferred)
            deferred = []
        current.append(line)
        blanks, prev_index = 0, i
    if current:
        yield current, None
    yield from (([d], None) for d in deferred)


def continues(prev: str, nxt: str, gap: int, index: int, shape: DumpShape,
              lexicon: Lexicon) -> bool:
    """Whether the paragraph whose last line is ``prev`` (line ``index``) goes on with ``nxt``.

    ``gap`` is non-zero when blank lines or an indent stand between the two lines.
    """
    raw_prev, prev, nxt = prev, prev.rstrip(), nxt.strip()
    if ends_in_word_hyphen(prev):
        return not (gap and is_capitalised_word(nxt))
    decision = decide_break(raw_prev, nxt, lexicon)
    if decision is not None and decision.action == "join_unhyphenated" and not gap:
        return True
    if NEW_BLOCK.match(nxt) or (DIALOGUE_TURN.match(nxt) and SENTENCE_END.search(prev)):
        return False
    if nxt[:1].islower() or MID_SENTENCE_END.search(prev):
        return True
    if shape.marks_wraps and raw_prev == prev:
        return False  # no wrap space: the line ended where the text did
    short = len(prev) < DEFAULT_SHORT_LINE_RATIO * shape.typical[index]
    if gap:
        return not SENTENCE_END.search(prev) and not short
    return not short or ends_in_function_word(prev)


def ends_in_function_word(line: str) -> bool:
    """``… gestärkt. Die``: a line that ends in an article or preposition stops mid-sentence."""
    words = line.split()
    return bool(words) and words[-1].isalpha() and is_function_word(words[-1])


def is_capitalised_word(text: str) -> bool:
    """``Kunstig``: a capital followed by a lowercase letter starts the text (a new sentence)."""
    return len(text) >= 2 and text[0].isupper() and text[1].islower()


def interrupted_decision(last: str, nxt: str) -> HyphenDecision | None:
    """Record a word hyphen left at a paragraph end because its continuation was cut off."""
    if not ends_in_word_hyphen(last):
        return None
    word = last.split()[-1]
    first = nxt.split()[0] if nxt.split() else ""
    return HyphenDecision(word, first, word, "keep", "paragraph_interrupted")
