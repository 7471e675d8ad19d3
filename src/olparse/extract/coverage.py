"""Words coverage: does every word the backend extracts reach the JSON output?

olparse promises that no text is silently lost: every character the backend reads ends up in
article text, in ``furniture`` or in ``other`` (with its reason). This module measures that
promise on a whole document, for the tests (``tests/test_nothing_lost.py``) and for
``scripts/check_realpdfs.py``:

    backend_words(pdf)  ->  the words PyMuPDF reads, page by page, in stream order
    output_words(json)  ->  the words of every text field of the JSON
    compare_words(...)  ->  Coverage(total, found, joined, missing)

Glyphs olparse drops on purpose are not counted: words set in a dingbat font (bullets, arrows)
and words drawn twice at one place (overprint, fake bold). Words are compared after ``word_key``: NFKC (so ``ﬁ`` equals ``fi``), soft hyphens and
zero-width characters dropped, punctuation and symbols stripped from both ends, case folded.
Words that are only punctuation or symbols (bullets, dashes, dingbats) are not counted.

The output legitimately changes the *shape* of some words, and ``compare_words`` accepts these
as found, counted separately in ``joined``:

* dehyphenation: ``foot-`` + ``ball`` at a line end becomes ``football`` or ``foot-ball``;
* letter-spacing: ``H E A D`` becomes ``HEAD`` (up to ``MAX_JOIN`` backend words);
* splits: one backend word becomes two output words (MuPDF glues text across a narrow gutter
  that the lines stage splits), accepted when both parts are in the output.

Restrictions: a multiset comparison cannot see text that moved to the wrong article, or words
the output has twice; it only proves that nothing disappeared.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

#: At most this many backend words are tried as one letter-spaced output word.
MAX_JOIN = 32
#: Line-end hyphens that dehyphenation may remove (hyphen-minus, soft hyphen, U+2010, U+2011).
HYPHENS = "-\u00ad\u2010\u2011"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))

#: JSON fields that hold document text (``hyphenation`` holds raw forms and is left out on purpose).
ARTICLE_TEXT_FIELDS = ("section", "kicker", "title", "standfirst", "byline")


@dataclass(slots=True)
class Coverage:
    """How many backend words the output holds.

    Attributes:
        total: backend words counted (after ``word_key``).
        found: found as they are.
        joined: found joined to neighbours or split in two (dehyphenation, letter-spacing, gutters).
        missing: backend words not in the output, with their count.
        ignored: backend words not counted, by reason (``dingbat``, ``overprint``).
    """

    total: int = 0
    found: int = 0
    joined: int = 0
    missing: Counter = field(default_factory=Counter)
    ignored: Counter = field(default_factory=Counter)

    @property
    def ratio(self) -> float:
        """Share of backend words present in the output (1.0 for a document without words)."""
        return 1.0 if not self.total else (self.found + self.joined) / self.total

    def describe(self, limit: int = 10) -> str:
        worst = ", ".join(f"{w!r}x{n}" if n > 1 else repr(w) for w, n in self.missing.most_common(limit))
        skipped = ", ".join(f"{n} {why}" for why, n in sorted(self.ignored.items()))
        return (f"{self.ratio:.2%} of {self.total} words ({self.joined} joined"
                + (f"; not counted: {skipped}" if skipped else "") + "); "
                f"{sum(self.missing.values())} missing" + (f": {worst}" if worst else ""))


def word_key(word: str) -> str:
    """The comparable form of a word: NFKC, invisible marks dropped, edge punctuation stripped, folded."""
    text = unicodedata.normalize("NFKC", word.translate(_INVISIBLE))
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end].casefold()


def ends_with_hyphen(word: str) -> bool:
    return bool(word) and word[-1] in HYPHENS and len(word) > 1


def backend_words(path: str, password: str | None = None, ignored: Counter | None = None) -> list[list[str]]:
    """The words PyMuPDF reads on each page (one list per page), split at whitespace.

    Uses the text flags of the pymupdf backend, so the comparison is with what olparse read.
    Two kinds of glyphs are left out because olparse drops them on purpose (counted in
    ``ignored`` when given): words set entirely in a dingbat font (their letters draw bullets
    and arrows, see ``normalize``) and words drawn twice at the same place (overprint, fake bold).
    """
    import pymupdf

    from .pymupdf_backend import TEXT_FLAGS

    pages = []
    with pymupdf.open(path, filetype="pdf") as doc:
        if doc.needs_pass:
            doc.authenticate(password or "")
        for page in doc:
            pages.append(rawdict_words(page.get_text("rawdict", flags=TEXT_FLAGS), ignored))
    return pages


def rawdict_words(raw: dict, ignored: Counter | None = None) -> list[str]:
    """Whitespace-separated words of a MuPDF ``rawdict``, without dingbats and overprints."""
    from ..normalize import is_dingbat_font
    seen: set[tuple[str, int, int]] = set()
    words: list[str] = []
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            for text, fonts, (x, y) in line_words(line):
                where = (text, round(x), round(y))
                if all(is_dingbat_font(f) for f in fonts):
                    reason = "dingbat"
                elif where in seen:
                    reason = "overprint"
                else:
                    seen.add(where)
                    words.append(text)
                    continue
                if ignored is not None:
                    ignored[reason] += 1
    return words


def line_words(line: dict) -> Iterator[tuple[str, set[str], tuple[float, float]]]:
    """``(word, fonts of its characters, origin of its first character)`` for one rawdict line."""
    chars: list[str] = []
    fonts: set[str] = set()
    origin = (0.0, 0.0)
    for span in line.get("spans", ()):
        for ch in span.get("chars", ()):
            c = ch["c"]
            if c.isspace():
                if chars:
                    yield "".join(chars), fonts, origin
                chars, fonts = [], set()
                continue
            if not chars:
                origin = tuple(ch["origin"])
            chars.append(c)
            fonts.add(span.get("font", ""))
    if chars:
        yield "".join(chars), fonts, origin


def output_texts(data: dict[str, Any]) -> Iterator[str]:
    """Every text string of a parse result (the JSON object of ``Document.to_dict``)."""
    for article in data.get("articles", ()):
        yield from (article.get(name) or "" for name in ARTICLE_TEXT_FIELDS)
        yield from (p["text"] for p in article.get("body", ()))
        for box in article.get("fact_boxes", ()):
            yield box.get("title") or ""
            yield from box.get("paragraphs", ())
        for quote in article.get("pull_quotes", ()):
            yield quote["text"]
            yield quote.get("attribution") or ""
        yield from (c["text"] for c in article.get("captions", ()))
        yield from (c["text"] for c in article.get("credits", ()))
    yield from (f["text"] for f in data.get("furniture", ()))
    yield from (o["text"] for o in data.get("other", ()))
    for entry in data.get("toc", ()):
        yield from (entry.get("section") or "", entry.get("title") or "")


def output_words(data: dict[str, Any]) -> Counter:
    """The multiset of comparable words of a parse result."""
    return Counter(k for text in output_texts(data) for w in text.split() if (k := word_key(w)))


def compare_words(pages: Sequence[Sequence[str]], output: Counter) -> Coverage:
    """Count the backend words (per page, in order) that the output multiset holds."""
    available = Counter(output)
    cov = Coverage()
    leftovers: list[str] = []
    for words in pages:
        leftovers.extend(_match_page(list(words), available, cov))
    for key in leftovers:
        if _take_split(key, available):
            cov.joined += 1
        else:
            cov.missing[key] += 1
    return cov


def _match_page(words: list[str], available: Counter, cov: Coverage) -> list[str]:
    """Match one page's words; joins are tried before single words. Returns unmatched keys."""
    unmatched: list[str] = []
    i = 0
    while i < len(words):
        key = word_key(words[i])
        if not key:
            i += 1
            continue
        cov.total += 1
        n = _take_join(words, i, available)
        if n:
            cov.total += sum(1 for w in words[i + 1:i + n] if word_key(w))
            cov.joined += sum(1 for w in words[i:i + n] if word_key(w))
            i += n
            continue
        if available[key] > 0:
            available[key] -= 1
            cov.found += 1
        else:
            unmatched.append(key)
        i += 1
    return unmatched


def _take_join(words: list[str], i: int, available: Counter) -> int:
    """How many words from ``i`` on the output holds as one word (0 if none); consumes it."""
    first = words[i]
    if ends_with_hyphen(first) and i + 1 < len(words):
        for joined in (first[:-1] + words[i + 1], first + words[i + 1]):
            if _take(word_key(joined), available):
                return 2
    if available[word_key(first)] > 0 and not _starts_spaced_letters(words, i):
        return 0
    for n in range(min(MAX_JOIN, len(words) - i), 1, -1):  # longest first: "Å R H U S" is not "år"
        if _take(word_key("".join(words[i:i + n])), available):
            return n
    return 0


def _starts_spaced_letters(words: list[str], i: int) -> bool:
    """True when ``words[i]`` and the next word are one or two characters (``H E A D``)."""
    return i + 1 < len(words) and 0 < len(word_key(words[i])) <= 2 and 0 < len(word_key(words[i + 1])) <= 2


def _take_split(key: str, available: Counter) -> bool:
    """Accept ``key`` as two adjacent output words (e.g. glued across a gutter); consumes them."""
    for j in range(1, len(key)):
        a, b = word_key(key[:j]), word_key(key[j:])
        if a and b and available[a] > 0 and available[b] > (1 if a == b else 0):
            available[a] -= 1
            available[b] -= 1
            return True
    return False


def _take(key: str, available: Counter) -> bool:
    if key and available[key] > 0:
        available[key] -= 1
        return True
    return False


def words_coverage(path: str, data: dict[str, Any], password: str | None = None) -> Coverage:
    """Coverage of the PyMuPDF words of ``path`` by the parse result ``data``."""
    ignored: Counter = Counter()
    cov = compare_words(backend_words(path, password, ignored), output_words(data))
    cov.ignored = ignored
    return cov
