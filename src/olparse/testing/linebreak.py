"""Greedy line breaking with Danish hyphenation, recording every line end.

Input: a paragraph's text, a :class:`TextStyle`, the measures of its lines. Output: a list of
:class:`Line`, each knowing how it ends, so the generator can write the truth lists
``hyphenated_at_line_end`` / ``hard_hyphen_at_line_end`` / ``suspended_hyphen_at_line_end``.

Algorithm (first fit, one pass over the words):

1. Take the next word if it fits, with one normal space before it.
2. Otherwise try to split it, longest left part first:
   * at a real hyphen inside the word (``IT-|chefen``): a *hard* end, the hyphen stays;
   * else at a pyphen ``da_DK`` point (``grundlæg-|gende``): a *soft* end, drawn as ``-`` or,
     when asked, as a U+00AD glyph.
   The left part plus its hyphen must fit in the room left on the line.
3. If nothing fits, close the line at the space (a *suspended* end when the last word is a
   suspended compound such as ``Børne-`` before ``og``) and retry the word on a new line.
4. A suspended compound that lands late on a line (≥ ``SUSPENDED_FILL`` full) ends the line on
   purpose, so that such breaks occur often enough to be tested.

Restrictions: no Knuth–Plass optimisation and no rivers control; a word wider than the measure
is set overfull; words in caps, with digits or with ``@/.`` are never hyphenated; a word with a
real hyphen is split only at that hyphen.
"""

from __future__ import annotations

import random
import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .fonts import FontSet

SOFT_HYPHEN = "\u00ad"
SUSPENDED_FILL = 0.8
EPS = 0.01
_LEAD = re.compile(r"^[^\w]+")
_TRAIL = re.compile(r"[^\w-]+$")


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Font role, size and leading (points) of a text; ``ligatures`` draws fi/fl as one glyph."""

    font: str
    size: float
    leading: float
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)
    ligatures: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """One set line: its words (the last may end in a hyphen), widths and how it ends.

    ``end`` is ``para`` (last line of the paragraph), ``space``, ``soft``, ``hard`` or
    ``suspended``; ``word`` is the whole word broken at a hyphenated end.
    """

    words: tuple[str, ...]
    natural: float
    measure: float
    indent: float
    end: str
    word: str = ""
    hyphen_char: str = "-"

    @property
    def justified(self) -> bool:
        """Every line but a paragraph's last is set flush on both sides."""
        return self.end != "para" and len(self.words) > 1


def display(text: str, style: TextStyle, fonts: FontSet) -> str:
    """The glyph string drawn for ``text``: fi/fl become ligature glyphs when asked and possible."""
    if style.ligatures and ("fi" in text or "fl" in text) and fonts.has(style.font, "\ufb01"):
        return text.replace("fi", "\ufb01").replace("fl", "\ufb02")
    return text


def core_word(token: str) -> str:
    """A token without leading punctuation and trailing punctuation other than a hyphen."""
    return _TRAIL.sub("", _LEAD.sub("", token))


def is_suspended(token: str) -> bool:
    """``Børne-`` in ``Børne- og``: a word that ends in a hyphen after a letter."""
    return len(token) > 2 and token.endswith("-") and token[-2].isalpha()


@lru_cache(maxsize=4)
def _pyphen(lang: str):
    import pyphen  # test-only dependency, imported lazily

    return pyphen.Pyphen(lang=lang, left=2, right=3)


@lru_cache(maxsize=20000)
def hyphen_points(word: str, lang: str = "da_DK") -> tuple[int, ...]:
    """Pyphen break positions inside ``word`` (empty for words we never hyphenate)."""
    if len(word) < 5 or not word.isalpha() or word.isupper():
        return ()
    return tuple(_pyphen(lang).positions(word))


def split_options(token: str, lang: str) -> list[tuple[str, str, str]]:
    """Ways to split ``token`` at a line end as ``(left, right, kind)``, longest left first."""
    inner = [k for k in range(1, len(token) - 1)
             if token[k] == "-" and token[k - 1].isalnum() and token[k + 1].isalnum()]
    if inner:
        return [(token[:k + 1], token[k + 1:], "hard") for k in reversed(inner)]
    lead = _LEAD.match(token)
    start = lead.end() if lead else 0
    trail = _TRAIL.search(token[start:])
    stop = start + trail.start() if trail else len(token)
    points = hyphen_points(token[start:stop], lang)
    return [(token[:start + p], token[start + p:], "soft") for p in reversed(points)]


class LineBreaker:
    """Breaks paragraphs for one style; see the module docstring for the algorithm."""

    def __init__(self, fonts: FontSet, style: TextStyle, *, hyphenate: bool | str = True,
                 soft_hyphen_ratio: float = 0.0, rng: random.Random | None = None,
                 lang: str = "da_DK") -> None:
        self.fonts = fonts
        self.style = style
        self.hyphenate = hyphenate
        self.soft_hyphen_ratio = soft_hyphen_ratio
        self.rng = rng or random.Random(0)
        self.lang = lang
        self.space = fonts.width(style.font, " ", style.size)
        if not fonts.has(style.font, SOFT_HYPHEN):
            self.soft_hyphen_ratio = 0.0

    def width(self, text: str) -> float:
        """Drawn width of ``text`` in this style (after ligature substitution)."""
        return self.fonts.width(self.style.font, display(text, self.style, self.fonts), self.style.size)

    def break_text(self, text: str, measures: Sequence[float], indents: Sequence[float] = (0.0,),
                   reserve_end: float = 0.0) -> list[Line]:
        """Set ``text`` in lines; line ``i`` gets ``measures[i]`` (the last value repeats).

        ``reserve_end`` keeps that much room after the last word (for an end mark).
        """
        queue = deque((tok, core_word(tok)) for tok in text.split(" ") if tok)
        lines: list[Line] = []
        cur: list[str] = []
        while queue:
            i = len(lines)
            measure = measures[min(i, len(measures) - 1)] - indents[min(i, len(indents) - 1)]
            line = self._fill(queue, cur, measure, reserve_end)
            lines.append(self._make(line[0], measure, indents[min(i, len(indents) - 1)], *line[1:]))
            cur = []
        return lines

    def _fill(self, queue: deque, cur: list[str], measure: float, reserve_end: float):
        """Take words from ``queue`` into ``cur`` until the line is full; return how it ends."""
        used = 0.0
        while queue:
            tok, word = queue[0]
            gap = self.space if cur else 0.0
            extra = reserve_end if len(queue) == 1 else 0.0
            tw = self.width(tok)
            if used + gap + tw + extra <= measure + EPS:
                cur.append(tok)
                used += gap + tw
                queue.popleft()
                if queue and is_suspended(tok) and used >= SUSPENDED_FILL * measure:
                    return cur, "suspended", tok, "-"
                continue
            split = self._split(tok, measure - used - gap) if self._may_split(tw, measure) else None
            if split is not None:
                left, right, kind, char = split
                cur.append(left)
                queue[0] = (right, word)
                return cur, kind, word, char
            if not cur:  # overfull: a word wider than the measure
                cur.append(tok)
                queue.popleft()
            break
        if not queue:
            return cur, "para", "", "-"
        if is_suspended(cur[-1]):
            return cur, "suspended", cur[-1], "-"
        return cur, "space", "", "-"

    def _may_split(self, width: float, measure: float) -> bool:
        """Hyphenate always, never, or (``"long"``) only words wider than the measure."""
        return bool(self.hyphenate) and (self.hyphenate != "long" or width > measure)

    def _split(self, tok: str, room: float):
        """The longest split of ``tok`` whose left part and hyphen fit in ``room``."""
        char = SOFT_HYPHEN if self.soft_hyphen_ratio and self.rng.random() < self.soft_hyphen_ratio else "-"
        for left, right, kind in split_options(tok, self.lang):
            if kind == "hard":
                if self.width(left) <= room + EPS:
                    return left, right, "hard", "-"
                continue
            if self.fonts.width(self.style.font, char, self.style.size) + self.width(left) <= room + EPS:
                return left + char, right, "soft", char
        return None

    def _make(self, words: list[str], measure: float, indent: float, end: str, word: str,
              char: str) -> Line:
        """A :class:`Line` with its natural width (words plus normal spaces)."""
        natural = sum(self.width(w) for w in words) + self.space * (len(words) - 1)
        return Line(tuple(words), natural, measure, indent, end, word, char)
