"""Words coverage: does every word the backend extracts reach the JSON output?

olparse promises that no text is silently lost: every character the backend reads ends up in
article text, in ``furniture`` or in ``other`` (with its reason). This module measures that
promise on a whole document, for the tests (``tests/test_nothing_lost.py``) and for
``scripts/check_realpdfs.py``:

    backend_words(pdf)  ->  the words PyMuPDF reads, page by page, in stream order
    output_words(json)  ->  the words of every text field of the JSON
    compare_words(...)  ->  Coverage(total, found, joined, missing)

Glyphs olparse drops on purpose are not counted: words set in a dingbat font (bullets, arrows)
and words drawn twice at one place (overprint, fake bold). Words are compared after ``word_key``: NFKD (so ``ﬁ`` equals ``fi``), soft hyphens and
zero-width characters dropped, accents folded away (the backend reads an accent drawn apart
as a character of its own, ``f¨ur``, which olparse composes to ``für``), punctuation and
symbols stripped from both ends, case folded.
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

from ..normalize import DOTLESS, SPACING_ACCENTS

#: At most this many backend words are tried as one letter-spaced output word.
MAX_JOIN = 32
#: A word drawn again within this distance (points) of itself is an overprint (fake bold).
OVERPRINT_PT = 1.0
#: Line-end hyphens that dehyphenation may remove (hyphen-minus, soft hyphen, U+2010, U+2011).
HYPHENS = "-\u00ad\u2010\u2011"
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffd"))
#: What ``word_key`` folds: spacing accents go, dotless letters get their dot.
_FOLDED = {**_INVISIBLE, **dict.fromkeys(map(ord, SPACING_ACCENTS)), **{ord(k): v for k, v in DOTLESS.items()}}

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
    """The comparable form of a word: NFKD, invisible marks and accents dropped, a double quote
    set as two single quotes made one (as ``normalize`` does), edge punctuation stripped, case
    folded."""
    if "\u2018\u2018" in word or "\u2019\u2019" in word:
        word = word.replace("\u2018\u2018", "\u201c").replace("\u2019\u2019", "\u201d")
    text = unicodedata.normalize("NFKD", word.translate(_FOLDED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace(" ", "")
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

    Uses the text flags of the pymupdf backend, so the comparison is with what olparse read,
    except that glyphs without a Unicode mapping stay unmapped (U+FFFD, not counted).
    Two kinds of glyphs are left out because olparse drops them on purpose (counted in
    ``ignored`` when given): words set entirely in a dingbat font (their letters draw bullets
    and arrows, see ``normalize``) and words drawn twice at the same place (overprint, fake bold).
    """
    import pymupdf

    from .pymupdf_backend import TEXT_FLAGS

    # Glyphs without a Unicode mapping count as PyMuPDF reads them by default (U+FFFD, no word),
    # not as the glyph codes the backend asks for to decode such fonts itself.
    flags = TEXT_FLAGS & ~getattr(pymupdf, "TEXT_CID_FOR_UNKNOWN_UNICODE", 0)
    pages = []
    with pymupdf.open(path, filetype="pdf") as doc:
        if doc.needs_pass:
            doc.authenticate(password or "")
        for number in range(doc.page_count):
            try:
                raw = doc.load_page(number).get_text("rawdict", flags=flags)
            except Exception:  # a page MuPDF cannot read has no words to lose
                raw = {}
            pages.append(rawdict_words(raw, ignored))
    return pages


def rawdict_words(raw: dict, ignored: Counter | None = None) -> list[str]:
    """Whitespace-separated words of a MuPDF ``rawdict``, without dingbats and overprints."""
    from ..fonts import is_dingbat_font
    seen: dict[str, list[tuple[float, float]]] = {}
    words: list[str] = []
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            for text, fonts, (x, y) in line_words(line):
                places = seen.setdefault(text, [])
                if all(is_dingbat_font(f) for f in fonts):
                    reason = "dingbat"
                elif any(abs(x - px) <= OVERPRINT_PT and abs(y - py) <= OVERPRINT_PT for px, py in places):
                    reason = "overprint"
                else:
                    places.append((x, y))
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
    """Count the backend words (per page, in stream order) that the output multiset holds.

    The multiset difference gives the *missing* words (the backend has them more often than
    the output) and the *surplus* words (the other way round). Missing words are then explained
    by surplus words, so explaining one word never takes a word that another needs:

    1. neighbours in the stream joined into one word (``foot-`` + ``ball``, ``H E A D``);
    2. any two missing words joined (a hyphenated word that continues in the next column, a
       drop cap drawn apart from its word), and a missing word found with one more letter in
       front (a drop cap that is also a word, ``I`` + ``T-chefen``);
    3. one missing word split in two (glued across a gutter by the backend).
    """
    sequence = [w for page in pages for w in page if word_key(w)]
    backend = Counter(word_key(w) for w in sequence)
    missing = backend - output
    surplus = output - backend
    by_letters: dict[str, list[str]] = {}
    for key in surplus:
        by_letters.setdefault(letters_only(key), []).append(key)
    unexplained = sum(missing.values())
    for strict in (True, False):  # joins whose first part is missing go first
        before = -1
        while before != sum(missing.values()):  # a join can free a word another join needs
            before = sum(missing.values())
            i = 0
            while i < len(sequence):
                i += max(1, _join_at(sequence, i, missing, surplus, by_letters, strict))
            _join_any_two(missing, surplus)
    _join_drop_caps(missing, surplus)
    _split_in_two(missing, surplus)
    missing = +missing
    cov = Coverage(total=sum(backend.values()), missing=missing)
    cov.found = cov.total - unexplained
    cov.joined = unexplained - sum(missing.values())
    return cov


def _join_at(sequence: list[str], i: int, missing: Counter, surplus: Counter,
             by_letters: dict[str, list[str]], strict: bool = True) -> int:
    """How many missing words from ``i`` on the output holds as one surplus word; consumes them.

    Tried: line-end hyphens and the next words, runs of up to ``MAX_JOIN`` single characters
    (letter-spacing, compared by letters and digits only, so ``0 1 / 2 0 2 4`` is ``01/2024``),
    and two glued neighbours. 0 when none applies. ``strict`` requires the first word to be
    missing (``Offent- lige`` kept apart in the output must not take ``offentlige`` from
    ``of- fentlige``); the second, lenient pass only needs one missing part.
    """
    if strict and missing[word_key(sequence[i])] <= 0:
        return 0
    spans = []
    if i + 2 < len(sequence) and all(len(word_key(w)) == 1 for w in sequence[i:i + 3]):
        n = 3
        while n < MAX_JOIN and i + n < len(sequence) and len(word_key(sequence[i + n])) == 1:
            n += 1
        spans.extend(range(n, 2, -1))
    chain = 0  # "senior-" "medarbej-" "derne": a word broken over three lines
    while i + chain < len(sequence) - 1 and chain < MAX_JOIN and ends_with_hyphen(sequence[i + chain]):
        chain += 1
    spans.extend(range(chain + 1, 2, -1))
    if i + 1 < len(sequence):
        spans.append(2)
    for n in spans:
        parts = Counter(word_key(w) for w in sequence[i:i + n])
        if not any(missing[k] > 0 for k in parts):  # all parts are in the output as they are
            continue
        forms = _join_forms(sequence[i:i + n])
        if n > 2:
            forms = by_letters.get(letters_only(forms[0]), [])
        joined = next((k for k in forms if surplus[k] > 0), None)
        if joined is not None:
            surplus[joined] -= 1
            for key, count in parts.items():  # a later part may be a word the output has to spare
                spare = max(0, count - missing[key])
                missing[key] -= count - spare
                surplus[key] += spare
            return n
    return 0


def letters_only(key: str) -> str:
    return "".join(c for c in key if c.isalnum())


def _join_forms(parts: list[str]) -> list[str]:
    """The keys ``parts`` may have become when joined: without and with a line-end hyphen."""
    plain = word_key("".join(p[:-1] if ends_with_hyphen(p) else p for p in parts))
    kept = word_key("".join(parts))
    return [plain] if plain == kept else [plain, kept]


def _join_any_two(missing: Counter, surplus: Counter) -> None:
    """Explain pairs of missing words, wherever they were, that the output holds joined."""
    for a in sorted(missing):
        for b in sorted(missing):
            while missing[a] > 0 and missing[b] > (1 if a == b else 0):
                joined = next((j for j in (a + b, f"{a}-{b}") if surplus[j] > 0), None)
                if joined is None:
                    break
                surplus[joined] -= 1
                missing[a] -= 1
                missing[b] -= 1


def _join_drop_caps(missing: Counter, surplus: Counter) -> None:
    """Explain ``T-chefen`` by a surplus ``IT-chefen``: the drop cap ``I`` is a word elsewhere."""
    by_tail: dict[str, list[str]] = {}
    for key in surplus:
        if len(key) > 1 and key[0].isalpha():
            by_tail.setdefault(key[1:], []).append(key)
    for key in sorted(missing):
        for whole in by_tail.get(key, ()):
            while missing[key] > 0 and surplus[whole] > 0:
                missing[key] -= 1
                surplus[whole] -= 1


def _split_in_two(missing: Counter, surplus: Counter) -> None:
    """Explain a missing word that the output holds as two words (glued across a gutter)."""
    for key in sorted(missing):
        while missing[key] > 0 and _take_split(key, surplus):
            missing[key] -= 1


def _take_split(key: str, available: Counter) -> bool:
    """Find ``key`` as two words of ``available`` (consumed); False when it is not there."""
    for j in range(1, len(key)):
        a, b = word_key(key[:j]), word_key(key[j:])
        if a and b and available[a] > 0 and available[b] > (1 if a == b else 0):
            available[a] -= 1
            available[b] -= 1
            return True
    return False


def words_coverage(path: str, data: dict[str, Any], password: str | None = None) -> Coverage:
    """Coverage of the PyMuPDF words of ``path`` by the parse result ``data``."""
    ignored: Counter = Counter()
    cov = compare_words(backend_words(path, password, ignored), output_words(data))
    cov.ignored = ignored
    return cov
