"""Line-end dehyphenation for Danish print text (and other Latin-script languages).

Input: the printed lines of one paragraph (``str``), an optional per-break signal from the PDF
layer, and a :class:`Lexicon` of the word forms the *same document* prints unbroken.
Output: the paragraph as one string plus one :class:`HyphenDecision` per decided break.

A line that ends in a hyphen is one of three things::

    grundlæg- / gende          typesetting hyphen   -> "grundlæggende"     (join)
    AI- / junglen              real hyphen          -> "AI-junglen"        (keep)
    Børne- / og Ungerådgivning suspended compound   -> "Børne- og Unge…"   (suspended)

Evidence is weighed in a fixed order; the first step that speaks decides:

1. The PDF's signal: a soft hyphen (U+00AD) is a typesetting hyphen; ``"hard"`` marks a typed one.
2. The document lexicon: the joined form (``grundlæggende``) or the hyphenated form
   (``AI-junglen``) printed unbroken elsewhere in the same text, compared by count.
3. Structural rules: the next word is a conjunction (og, eller, and, und, …) -> suspended;
   digits, acronyms, capitalised continuations, a first part that already holds a hyphen,
   a multi-word first part (``ad hoc-``), two English words that a dictionary does not know
   joined (``so-``/``called``) -> keep; ``Chat-``/``GPT`` -> join.
4. Otherwise join: 97.8 % of line-end hyphens in the Danish corpus are typesetting hyphens.

Lines that end without a hyphen glyph are joined without a space (``Syd``/``korea``) only on
strong evidence: the joined form is in the lexicon, the pair is never printed as two words,
the first half is not a common standalone word, and the line did not end in a space.

Restrictions:
    * No general word-frequency list for Danish: its closed compounds are rarely in one, and it
      made results worse. The document is its own dictionary, so short texts get less
      evidence. English, which closes only compounds a dictionary lists, is the exception
      (``is_open_english_compound``).
    * The suspended-compound test knows the conjunctions of Danish, Norwegian, Swedish, German,
      English, French and Dutch; the ambiguous ones (``til``, ``et``, ``en``, ``to``) only count
      when the document's function words say it is written in that language.
    * A real hyphen in a pair of ordinary words (``alarm-``/``signaler``) is indistinguishable
      from a typesetting break unless the document prints it unbroken somewhere else.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

import regex

HYPHENS = "-\u2010\u2011\u00ad"
SOFT_HYPHEN = "\u00ad"
DASHES = "\u2012\u2013\u2014\u2015\u2212"
CLOSERS = "\"'”’»)]"  # "’value for money’-" / "perspektiv": a quoted first part
OPENERS = "\"'“”„«»‘’‚‹›([{*•■▪\u25cf\ufffd"
WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-\u2010\u2011][\p{L}\p{N}]+)*")
TRAILING_WORD = regex.compile(r"-?[\p{L}\p{N}]+(?:['’\-\u2010\u2011.,][\p{L}\p{N}]+)*$")
HYPHEN_SPLIT = regex.compile(r"[\-\u2010\u2011]")
#: A word and, when only white space parts it from the next word, that space (a printed pair).
WORD_AND_SPACE = regex.compile(rf"({WORD.pattern})(\s+(?=[\p{{L}}\p{{N}}]))?")

STRONG_CONJUNCTIONS = frozenset(
    {"og", "eller", "samt", "hhv", "och", "and", "und", "oder", "sowie", "bzw", "resp", "&"})
# Conjunctions that are also word endings ("serviceniveau-"/"et", "pota-"/"to"): they mark a
# suspended compound only in a document of these languages, after a first part this long
# (0: only after digits, "5- to 10-year-olds").
WEAK_CONJUNCTIONS = {
    "til": ({"da", "no"}, 4), "till": ({"sv"}, 4), "et": ({"fr"}, 3), "ou": ({"fr"}, 3),
    "or": ({"en"}, 4), "to": ({"en"}, 0), "bis": ({"de"}, 4), "en": ({"nl"}, 3),
    "of": ({"nl"}, 3)}
# French words bound to the word before them by a hyphen ("peut-être", "dit-elle").
FRENCH_BOUND_WORDS = frozenset(
    {"il", "elle", "ils", "elles", "on", "je", "tu", "nous", "vous", "même", "mêmes", "être"})
FUNCTION_WORDS = {
    "da": "og det at er ikke en til som på med af for jeg vi der har",
    "no": "og det at er ikke som på med av for jeg vi ikkje hun han",
    "sv": "och det att är inte som på med av för jag vi en har",
    "de": "und der die das ist nicht zu mit von für ich wir ein eine",
    "en": "and the of to is not in with for that we it are",
    "fr": "et le la les des est pas une pour dans que nous du",
    "nl": "en de het van een is niet met voor dat wij zijn",
}
#: Languages that write compounds open with a hyphen, where a second part printed after a
#: hyphen elsewhere is evidence for a kept hyphen (``is_known_hyphen_suffix``).
HYPHEN_COMPOUNDING_LANGUAGES = frozenset({"en"})
#: Bound prefixes that are also English words (``re``, ``sub``, ``post``): a word they start is
#: written closed, so two dictionary words after one of them prove no open compound.
CLOSING_PREFIXES = frozenset(
    {"anti", "auto", "bio", "co", "con", "counter", "de", "geo", "in", "inter", "mega", "meta", "micro",
     "mid", "mini", "mono", "multi", "poly", "post", "pro", "re", "semi", "sub", "super", "tele", "uni"})
#: An open compound's second part has at least this many letters: shorter right parts are
#: mostly suffixes that are words by chance (``salvation-``/``ism``, ``learn-``/``ing``).
OPEN_COMPOUND_MIN_RIGHT = 4
DEFAULT_MIN_PREFIX_LEFT = 4  # shorter first parts ("to-", "e-") are also common syllables
DEFAULT_STEM_TRIM = 3  # inflection letters ignored when looking for a related form


@dataclass(frozen=True, slots=True)
class HyphenDecision:
    """How one line break was resolved, for the output text and for audits."""

    left: str
    right: str
    result: str
    action: str  # "join" | "keep" | "suspended" | "join_unhyphenated" | "space"
    rule: str

    def to_dict(self) -> dict:
        """A plain dict for JSON audit files."""
        return {"left": self.left, "right": self.right, "result": self.result,
                "action": self.action, "rule": self.rule}


# --------------------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def multiword_first_parts() -> frozenset[str]:
    """Multi-word expressions that take a hyphen as a compound's first part (package data)."""
    text = resources.files("olparse").joinpath("data/multiword_first_parts.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def has_hyphen(text: str) -> bool:
    """True when ``text`` holds a hyphen that joins word parts (``-``, U+2010, U+2011)."""
    return "-" in text or "\u2010" in text or "\u2011" in text


def ends_in_word_hyphen(line: str) -> bool:
    """True when ``line`` ends in a hyphen glued to a word (``grundlæg-``), not a spaced dash."""
    text = line.rstrip()
    return len(text) >= 2 and text[-1] in HYPHENS and text[-2].isalnum()


class Lexicon:
    """Word forms seen unbroken in this document (the document's own vocabulary).

    Fragments on either side of a line-end hyphen are not counted, so a word only counts when
    the typesetter printed it whole. Counts are case-insensitive.
    """

    def __init__(self) -> None:
        self.words: Counter[str] = Counter()  # whole tokens, "grundlæggende", "ai-junglen"
        self.exact: Counter[str] = Counter()  # whole tokens as printed, "ChatGPT"
        self.interior: Counter[str] = Counter()  # tokens neither first nor last on their line
        self.parts: Counter[str] = Counter()  # components of hyphenated tokens, "junglen"
        self.hyphen_forms: Counter[str] = Counter()  # contiguous runs, "to-do", "do-liste"
        self.bigrams: Counter[tuple[str, str]] = Counter()  # "med arbejdere" printed apart
        self.acronyms: Counter[str] = Counter()  # all-caps tokens on mixed-case lines
        self.second_parts: Counter[str] = Counter()  # "dimensional" of "low-dimensional"
        self.language = ""
        self._sorted: list[str] = []

    #: The counters, in the order ``merged`` adds them up.
    COUNTERS = ("words", "exact", "interior", "parts", "hyphen_forms", "bigrams", "acronyms", "second_parts")

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> "Lexicon":
        """Count every word form printed whole in ``texts`` (strings with line breaks)."""
        lexicon = cls.counted(texts)
        lexicon._finish()
        return lexicon

    @classmethod
    def counted(cls, texts: Iterable[str]) -> "Lexicon":
        """The counts of ``texts`` without the index: one page's share, for ``merged``.

        The tokens of the most common counters are gathered in lists and counted once at the
        end: one ``Counter.update`` per line and counter was a fifth of the cost."""
        lexicon = cls()
        batch: dict[str, list] = {name: [] for name in cls.BATCHED}
        for text in texts:
            lexicon._add_text(text, batch)
        for name, tokens in batch.items():
            getattr(lexicon, name).update(tokens)
        return lexicon

    #: The counters that ``counted`` fills in one step.
    BATCHED = ("words", "exact", "interior", "bigrams")

    @classmethod
    def merged(cls, parts: Iterable["Lexicon"]) -> "Lexicon":
        """The lexicon of several counted parts (pages); equal to counting all their texts."""
        lexicon = cls()
        for part in parts:
            for name in cls.COUNTERS:
                getattr(lexicon, name).update(getattr(part, name))
        lexicon._finish()
        return lexicon

    def _add_text(self, text: str, batch: dict[str, list]) -> None:
        """Count one text line by line, skipping the two fragments of each hyphen break."""
        continues_fragment = False
        for line in text.splitlines():
            if not line.strip():
                continue
            broken = ends_in_word_hyphen(line)
            self._add_line(line, continues_fragment, broken, batch)
            continues_fragment = broken

    def _add_line(self, line: str, skip_first: bool, skip_last: bool, batch: dict[str, list]) -> None:
        """Count the tokens of one printed line (in bulk: this runs over every line of an
        issue); the tokens of the ``BATCHED`` counters go to ``batch``, to be counted later."""
        clean = line.rstrip()
        if SOFT_HYPHEN in clean:
            clean = clean[:-1].replace(SOFT_HYPHEN, "") + clean[-1:].replace(SOFT_HYPHEN, "-")
        found = WORD_AND_SPACE.findall(clean)
        n = len(found)
        lo, hi = (1 if skip_first else 0), (n - 1 if skip_last else n)
        if lo >= hi:
            return
        tokens = [word for word, _ in found]
        lowered = [t.lower() for t in tokens]
        kept, lows = tokens[lo:hi], lowered[lo:hi]
        batch["words"] += lows
        batch["exact"] += kept
        batch["interior"] += lowered[max(1, lo):min(n - 1, hi)]
        capitals = [t for t in kept if t.isupper()]
        if capitals and any(ch.islower() for ch in clean):
            self.acronyms.update(t.lower() for t in capitals if looks_like_acronym(t))
        if has_hyphen(clean):
            for token, low in zip(kept, lows):
                if has_hyphen(low):
                    self._add_hyphenated(low)
                    self.second_parts.update(word_second_parts(token))
        last = min(hi, n - 1)  # pairs start before ``hi``; the word after may be a fragment
        batch["bigrams"] += itertools.compress(zip(lowered[lo:last], lowered[lo + 1:last + 1]),
                                               [space for _, space in found[lo:last]])

    def _add_hyphenated(self, low: str) -> None:
        """Count the components of a hyphenated token and its contiguous sub-forms."""
        parts = HYPHEN_SPLIT.split(low)
        self.parts.update(parts)
        for i in range(len(parts)):
            for j in range(i + 2, len(parts) + 1):
                self.hyphen_forms["-".join(parts[i:j])] += 1

    def _finish(self) -> None:
        """Index the forms for prefix search and guess the document's language."""
        self._sorted = sorted(set(self.words) | set(self.parts))
        scores = {lang: sum(self.words[w] for w in words.split())
                  for lang, words in FUNCTION_WORDS.items()}
        best = max(scores, key=lambda lang: scores[lang])
        self.language = best if scores[best] > 0 else ""

    def count(self, word: str) -> int:
        """How often ``word`` was printed as a whole token (case-insensitive)."""
        return self.words[word.lower()]

    def count_exact(self, word: str) -> int:
        """How often ``word`` was printed as a whole token with exactly these capitals."""
        return self.exact[word]

    def count_interior(self, word: str) -> int:
        """How often ``word`` was printed whole away from both line ends."""
        return self.interior[word.lower()]

    def count_joined(self, word: str) -> int:
        """How often ``word`` was printed whole, alone or as a part of a hyphenated token."""
        low = word.lower()
        return self.words[low] + self.parts[low]

    def count_hyphenated(self, left: str, right: str) -> int:
        """How often ``left-right`` was printed unbroken (also inside ``x-left-right-y``)."""
        return self.hyphen_forms[f"{left}-{right}".lower()]

    def count_prefixed(self, prefix: str) -> int:
        """How many distinct forms start with ``prefix``: related inflections and compounds."""
        low = prefix.lower()
        start = bisect.bisect_left(self._sorted, low)
        end = bisect.bisect_left(self._sorted, low + "\U0010ffff")
        return end - start

    def count_second_part(self, word: str) -> int:
        """How often ``word`` was printed after a hyphen that follows a lowercase word
        (``dimensional`` in ``low-dimensional``; not after ``AI-`` or ``e-``)."""
        return self.second_parts[word.lower()]

    def is_acronym(self, word: str) -> bool:
        """True when ``word`` was printed in capitals on a line with lowercase text."""
        return self.acronyms[word.lower()] > 0

    def speaks(self, languages: Iterable[str]) -> bool:
        """True when the guessed document language is one of ``languages``."""
        return self.language in set(languages)


# --------------------------------------------------------------------------- word shapes


def word_second_parts(token: str) -> list[str]:
    """The parts of a hyphenated token that follow a lowercase word of three letters or more,
    lowercased: ``low-dimensional`` gives ``dimensional``; ``AI-data``, ``e-mail`` and
    ``d-dimensional`` give nothing (an acronym, a letter or a symbol before the hyphen)."""
    parts = HYPHEN_SPLIT.split(token)
    return [after.lower() for before, after in zip(parts, parts[1:])
            if len(before) >= 3 and before.isalpha() and before.islower() and after.isalpha()]


def looks_like_acronym(word: str) -> bool:
    """``AI``, ``GDPR``, ``NFA``, ``ChatGPT``, ``SoMe``: two capitals or a capital inside."""
    letters = [ch for ch in word if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return capitals >= 2 or (capitals == 1 and not letters[0].isupper())


def is_titlecase(word: str) -> bool:
    """``Taastrup``: a capital followed by lowercase letters."""
    return len(word) >= 2 and word[0].isupper() and word[1:].islower()


def is_allcaps(word: str) -> bool:
    """``GPT``, ``LEDELSE``: at least two letters, all capitals."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def is_function_word(word: str) -> bool:
    """True for closed-class words (``med``, ``hver``, ``the``): complete words on their own."""
    return word.lower() in function_words()


@lru_cache(maxsize=None)
def package_words(name: str) -> frozenset[str]:
    """The words of a package-data list (``data/NAME``): several per line, ``#`` comments."""
    text = resources.files("olparse").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Closed-class words of the supported languages (package data), plus the conjunctions."""
    return package_words("function_words.txt") | STRONG_CONJUNCTIONS


def starts_lowercase(word: str) -> bool:
    """True when the first letter of ``word`` is lowercase."""
    return bool(word) and word[0].islower()


# --------------------------------------------------------------------------- one break


@dataclass(frozen=True, slots=True)
class Break:
    """The two sides of one line break, as the rules see them."""

    left: str  # last word of the left line without its hyphen and leading quotes: "grundlæg"
    right: str  # first word of the right line without trailing punctuation: "gende"
    right_chunk: str  # the first whitespace-separated chunk of the right line: "gende."
    head: str  # the left line before its last chunk (as printed): where ``words_before`` looks
    hyphen: str  # the line-end hyphen glyph, or "" when the line ends in a letter
    trailing_space: bool  # the left line ended in whitespace: a wrap at a real space

    @property
    def last_piece(self) -> str:
        """The left part's last hyphen-separated piece: ``strate`` of ``AI-strate``."""
        return HYPHEN_SPLIT.split(self.left)[-1]

    @property
    def right_stem(self) -> str:
        """The right part without its last ``DEFAULT_STEM_TRIM`` letters (at least two kept):
        what related forms (other inflections, compounds) start with."""
        return self.right[:max(2, len(self.right) - DEFAULT_STEM_TRIM)]

    @property
    def first_piece(self) -> str:
        """The right part's first hyphen-separated piece: ``PR`` of ``PR-reglerne``."""
        return HYPHEN_SPLIT.split(self.right)[0]

    def words_before(self) -> tuple[str, ...]:
        """The (up to three) words before ``left`` on its line, lowercase, nearest last."""
        return tuple(w.lower() for w in WORD.findall(self.head)[-3:])


#: A hyphen with a letter or digit on both sides: a hyphenated word.
INNER_HYPHEN = regex.compile(r"\w[-\u2010\u2011]\w")


def read_break(left_line: str, right_line: str) -> Break:
    """Cut the words on both sides of a line break out of the two printed lines."""
    stripped = left_line.rstrip()
    parts = stripped.rsplit(None, 1)  # the last chunk, and the line before it (for ``words_before``)
    chunk, head = (parts[-1], parts[0] if len(parts) == 2 else "") if parts else ("", "")
    hyphen = chunk[-1] if chunk and chunk[-1] in HYPHENS else ""
    core = chunk[:-1] if hyphen else chunk
    tail = TRAILING_WORD.search(core)
    left = tail.group() if tail and not core.endswith(tuple(CLOSERS)) else core.lstrip(OPENERS)
    right_words = right_line.split(None, 1)
    right_chunk = right_words[0] if right_words else ""
    match = WORD.match(right_chunk)
    return Break(left, match.group() if match else "", right_chunk, head, hyphen, stripped != left_line)


def decide_break(left_line: str, right_line: str, lexicon: Lexicon,
                 signal: str = "") -> HyphenDecision | None:
    """Decide how the end of ``left_line`` joins the start of ``right_line``.

    Args:
        left_line: the printed line before the break.
        right_line: the printed line after it.
        lexicon: the document's own vocabulary.
        signal: what the PDF layer knows about the break: ``"soft"`` (the hyphen was a soft
            hyphen U+00AD: a typesetting hyphen), ``"hard"`` (a typed hyphen), ``"space"`` (the
            line ended in a real space) or ``""``.

    Returns:
        The decision, or None when the line ends in no hyphen or dash and nothing joins.
    """
    end = left_line.rstrip()[-1:]
    if not (end.isalpha() or end in HYPHENS or end in DASHES):
        return None  # a line ending in a digit, a stop or a comma: nothing to join or decide
    brk = read_break(left_line, right_line)
    if not brk.right_chunk:
        return None
    if not brk.hyphen:
        return decide_unhyphenated(brk, lexicon, signal)
    if brk.left and brk.left[-1] in CLOSERS:
        return make_decision(brk, "keep", "quoted_first_part")
    if not brk.left or not brk.left[-1].isalnum():
        return make_decision(brk, "space", "spaced_dash")
    if signal == "soft" or brk.hyphen == SOFT_HYPHEN:
        return make_decision(brk, "join", "soft_hyphen")
    if brk.right_chunk == "&":
        return make_decision(brk, "suspended", "conjunction_follows")
    if not brk.right or not brk.right_chunk[0].isalnum():
        return make_decision(brk, "space", "right_not_a_word")
    if signal == "hard":
        return structural_keep(brk, lexicon) or make_decision(brk, "keep", "hard_hyphen")
    return (lexicon_decision(brk, lexicon) or known_name(brk) or structural_keep(brk, lexicon)
            or structural_join(brk) or make_decision(brk, "join", "default_join"))


def make_decision(brk: Break, action: str, rule: str) -> HyphenDecision:
    """Build the audit record, with the text as it reads after the decision."""
    hyphen = brk.hyphen if brk.hyphen and brk.hyphen != SOFT_HYPHEN else "-"
    printed_left = brk.left + brk.hyphen if brk.hyphen else brk.left
    glue = {"join": "", "join_unhyphenated": "", "keep": hyphen,
            "suspended": hyphen + " ", "space": (hyphen + " ") if brk.hyphen else " "}[action]
    right = brk.right or brk.right_chunk
    return HyphenDecision(printed_left, right, brk.left + glue + right, action, rule)


def lexicon_decision(brk: Break, lexicon: Lexicon) -> HyphenDecision | None:
    """Decide from the forms printed unbroken elsewhere: joined vs hyphenated, by count.

    Hyphenated words count piece by piece: for ``AI-strate-``/``gi`` the last piece of the
    left part (``strategi``), for ``GD-``/``PR-reglerne`` the first piece of the right part
    (``GDPR``), since the word as a whole may be printed nowhere else.
    """
    last, first = brk.last_piece, brk.first_piece
    pairs = {(brk.left, brk.right), (last, brk.right), (brk.left, first), (last, first)}
    joined = sum(lexicon.count_joined(a + b) for a, b in pairs if a and b)
    hyphenated = sum(lexicon.count_hyphenated(a, b) for a, b in pairs if a and b)
    if hyphenated > joined:
        return make_decision(brk, "keep", "lexicon_hyphenated")
    if joined:
        return make_decision(brk, "join", "lexicon_joined")
    return None


def known_name(brk: Break) -> HyphenDecision | None:
    """``Power-``/``Point-oplæg``: a name written with a capital inside it (package data), broken
    at that capital. The document's own evidence (``lexicon_decision``) comes first."""
    last, first = brk.last_piece, brk.first_piece
    if last and first and last + first in camelcase_names():
        return make_decision(brk, "join", "known_name")
    return None


def camelcase_names() -> frozenset[str]:
    """Names written closed with an inner capital (``PowerPoint``, ``MitID``): package data."""
    return package_words("camelcase_names.txt")


def structural_keep(brk: Break, lexicon: Lexicon) -> HyphenDecision | None:
    """Rules that keep the hyphen (with a space for suspended compounds), in order."""
    checks = (
        (is_suspended, "suspended", "conjunction_follows"),
        (is_bound_word, "keep", "bound_word"),
        (is_digit_part, "keep", "digits"),
        (is_calendar_range, "keep", "calendar_range"),
        (is_single_letter_part, "keep", "single_letter"),
        (is_short_head_of_hyphenated_word, "keep", "short_head_of_hyphenated_word"),
        (is_acronym_compound, "keep", "acronym_first_part"),
        (is_capitalised_continuation, "keep", "capitalised_continuation"),
        (is_hyphenated_first_part, "keep", "first_part_has_hyphen"),
        (is_multiword_first_part, "keep", "multiword_first_part"),
        (is_known_hyphen_prefix, "keep", "lexicon_hyphen_prefix"),
        (is_known_hyphen_suffix, "keep", "lexicon_hyphen_suffix"),
        (is_open_english_compound, "keep", "open_compound"),
    )
    for check, action, rule in checks:
        if check(brk, lexicon):
            return make_decision(brk, action, rule)
    return None


def structural_join(brk: Break) -> HyphenDecision | None:
    """``Chat-``/``GPT``: a capitalised word continued in capitals is one name."""
    if is_titlecase(brk.left) and is_allcaps(brk.right):
        return make_decision(brk, "join", "capitals_continue_name")
    return None


def is_suspended(brk: Break, lexicon: Lexicon) -> bool:
    """``Børne-``/``og Unge…``: a conjunction after a hyphen leaves the first part hanging."""
    word = brk.right.lower()
    if word in STRONG_CONJUNCTIONS:
        return True
    languages, min_left = WEAK_CONJUNCTIONS.get(word, ((), 0))
    if not languages or not lexicon.speaks(languages):
        return False
    return brk.left.isdigit() or (min_left > 0 and len(brk.left) >= min_left)


def is_bound_word(brk: Break, lexicon: Lexicon) -> bool:
    """``peut-``/``être``, ``dit-``/``elle``: French pronouns and adverbs bound by a hyphen."""
    return lexicon.speaks({"fr"}) and brk.right.lower() in FRENCH_BOUND_WORDS


def is_digit_part(brk: Break, lexicon: Lexicon) -> bool:
    """``3-``/``årig``, ``COVID-``/``19``, ``Lucene-``/``BM25``: a piece with a digit in it.

    Hyphenation never breaks a word that holds a digit (typesetters' patterns leave such
    tokens whole), so a break next to one is a hyphen the writer typed."""
    return any(ch.isdigit() for ch in brk.last_piece + brk.first_piece)


def is_calendar_range(brk: Break, lexicon: Lexicon) -> bool:
    """``lördag-``/``söndag``, ``januar-``/``marts``: two names of days or months make a range."""
    words = calendar_words()
    return brk.left.lower() in words and brk.right.lower() in words


def calendar_words() -> frozenset[str]:
    """Names of weekdays and months of the supported languages (package data)."""
    return package_words("calendar_words.txt")


def is_single_letter_part(brk: Break, lexicon: Lexicon) -> bool:
    """``e-``/``mail``: hyphenation leaves at least two letters on each side of a break."""
    return len(brk.last_piece) == 1 or len(brk.right) == 1


def is_short_head_of_hyphenated_word(brk: Break, lexicon: Lexicon) -> bool:
    """``to-``/``do-listen``: two letters in lower case (the first may be a sentence's capital:
    ``To-``/``do-listen``) before a word that has a hyphen of its own. A typesetter breaks such
    a word at its hyphen, not two letters in (``Syd-``/``korea-aftalen``, three letters in, is a
    syllable break and joins; ``GD-``/``PR-reglerne`` splits an acronym). A joined form the
    document prints whole is no such word; after a capital, the document must print the head
    with the next part (``to-do``), or ``Hø-``/``je-Taastrup`` would keep its hyphen."""
    if not (len(brk.left) == 2 and brk.left.isalpha() and brk.left[1:].islower()
            and INNER_HYPHEN.search(brk.right)) or lexicon.count(brk.left + brk.right):
        return False
    return brk.left.islower() or bool(lexicon.count_hyphenated(brk.left, HYPHEN_SPLIT.split(brk.right)[0]))


def is_acronym_compound(brk: Break, lexicon: Lexicon) -> bool:
    """``AI-``/``junglen``, ``IT-``/``chefen``: an acronym first part takes a hyphen.

    When the right part also starts in capitals (``LEDEL-``/``SE`` in all-caps text,
    ``GD-``/``PR-reglerne``) capitals prove nothing, so the left part must then be an acronym
    the document also prints on its own among lowercase words.
    """
    last_part = brk.last_piece
    if not looks_like_acronym(last_part):
        return False
    if is_allcaps(brk.first_piece):
        return lexicon.is_acronym(last_part)
    return True


def is_capitalised_continuation(brk: Break, lexicon: Lexicon) -> bool:
    """``Høje-``/``Taastrup``, ``anti-``/``Trump``, ``ikke-``/``EU``: a capital after a break.

    Hyphenation never capitalises the second half of a word, so a capitalised right part is a
    word of its own; only a capitalised left part continued in capitals (``Chat-GPT``) is left
    to :func:`structural_join`.
    """
    if is_titlecase(brk.right):
        return True
    return is_allcaps(brk.right) and starts_lowercase(brk.left)


def is_hyphenated_first_part(brk: Break, lexicon: Lexicon) -> bool:
    """``to-do-``/``liste``: a first part that already holds a hyphen and is a word of its own.

    Danish writes a hyphen after a first part that contains one (``to-do-liste``,
    ``e-mail-adresse``), but a typesetter may also break the last piece
    (``AI-strate-``/``gi``, ``cross-ex-``/``amination``). Evidence for the real hyphen: the
    left part is printed whole elsewhere; or it is made of short lowercase pieces only
    (``to-do``, ``pop-up``, ``hi-fi``) and no printed form starts like the joined last piece
    (``doli…``).
    """
    parts = HYPHEN_SPLIT.split(brk.left.lstrip("-"))
    if len(parts) < 2:
        return False
    if lexicon.count(brk.left):
        return True
    short_words = all(0 < len(p) <= 3 and p.isalpha() and p.islower() for p in parts)
    related = lexicon.count_prefixed(parts[-1] + brk.right[:DEFAULT_STEM_TRIM])
    return short_words and related == 0


def is_multiword_first_part(brk: Break, lexicon: Lexicon) -> bool:
    """``ad hoc-``/``udvalg``: a multi-word expression before a hyphen is a compound's first part."""
    words = list(brk.words_before()) + [brk.left.lower()]
    phrases = multiword_first_parts()
    return any(" ".join(words[-n:]) in phrases for n in (2, 3, 4) if len(words) >= n)


def is_known_hyphen_prefix(brk: Break, lexicon: Lexicon) -> bool:
    """``policy-``/``entreprenører`` when ``policy-entreprenørskab`` is printed elsewhere.

    The document writes the left part as a hyphenated first part, and no form that starts
    like the joined word is printed anywhere.
    """
    if len(brk.left) < DEFAULT_MIN_PREFIX_LEFT:
        return False
    hyphenated = lexicon.count_prefixed(f"{brk.left}-{brk.right_stem}")
    joined = lexicon.count_prefixed(brk.left + brk.right_stem)
    return hyphenated > 0 and joined == 0


def is_known_hyphen_suffix(brk: Break, lexicon: Lexicon) -> bool:
    """``high-``/``dimensional`` in an English text that prints ``low-dimensional``.

    English writes many compounds open with a hyphen (``low-dimensional``, ``task-specific``):
    when the document prints the right part after another word and a hyphen, and never prints
    the joined word or a form that starts like it, the hyphen is the writer's. Only in English:
    Danish, German and the Nordic languages close such compounds (``støttesystem``), and a
    hyphenated ``it-system`` there says nothing about ``drifts-``/``system``.
    """
    if not lexicon.speaks(HYPHEN_COMPOUNDING_LANGUAGES) or len(brk.left) < 3 or not brk.left.isalpha():
        return False
    if not lexicon.count_second_part(brk.right):
        return False
    return lexicon.count_joined(brk.left + brk.right) == 0 and lexicon.count_prefixed(brk.left + brk.right_stem) == 0


def is_open_english_compound(brk: Break, lexicon: Lexicon) -> bool:
    """``so-``/``called``, ``well-``/``considered``, ``short-``/``term`` in an English text.

    English writes most compounds open or with a hyphen, and closes only those the language
    has taken in as words (``whatever``, ``noteworthy``, ``stockholder``), which a dictionary
    lists. So where both parts are English words, the joined form is not one and the document
    prints no form that starts like it, the hyphen is the writer's. Only in English: Danish,
    German and the Nordic languages close compounds freely, and their closed compounds are
    rarely in any dictionary (``ledelsesopgaven``). A left part that is a bound prefix too
    (``sub-``/``specialties``) proves nothing; nor does a right part of three letters or fewer,
    mostly a suffix (``salvation-``/``ism``).
    """
    if not lexicon.speaks(HYPHEN_COMPOUNDING_LANGUAGES):
        return False
    left, right = brk.left.lower(), brk.right
    if not (left.isalpha() and right.isalpha() and right.islower()) or len(right) < OPEN_COMPOUND_MIN_RIGHT:
        return False
    if len(left) < 2 or left in CLOSING_PREFIXES:
        return False
    words = english_words()
    if left not in words or right not in words or left + right in words:
        return False
    return lexicon.count_prefixed(left + brk.right_stem) == 0


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of pyspellchecker's English frequency list (lowercase, about 160,000 forms,
    inflections included); loaded on first use, in an English document only (about 0.2 s)."""
    from spellchecker import SpellChecker
    return frozenset(SpellChecker(language="en", distance=1).word_frequency.keys())


# --------------------------------------------------------------------------- no hyphen


def decide_unhyphenated(brk: Break, lexicon: Lexicon, signal: str) -> HyphenDecision | None:
    """A line ending in a dash keeps a space; a word split with no hyphen joins on strong evidence."""
    if brk.left[-1:] in DASHES:
        return make_decision(brk, "space", "dash_not_hyphen")
    if should_join_unhyphenated(brk, lexicon, signal):
        return make_decision(brk, "join_unhyphenated", "lexicon_joined_no_hyphen")
    return None


def should_join_unhyphenated(brk: Break, lexicon: Lexicon, signal: str) -> bool:
    """``Syd``/``korea`` -> ``Sydkorea`` only when the document proves the word and not the pair.

    Conservative on purpose: a wrong join damages ordinary text (``med``/``arbejdere``), a
    missed one only leaves a space. The joined word must be printed elsewhere (with the same
    capitals when the right half starts with one, ``Chat``/``GPT``), the two halves never
    printed side by side, the left half not a closed-class word (``hver``/``dag``), and not
    both halves printed as words of their own (``stor``/``by``).
    """
    if signal == "space" or brk.trailing_space or brk.right != brk.right_chunk.rstrip(".,;:!?"):
        return False
    if not (brk.left.isalpha() and brk.right.isalpha()):
        return False
    if len(brk.left) < 2 or len(brk.right) < 2:
        return False
    left, right = brk.left.lower(), brk.right.lower()
    if starts_lowercase(brk.right):
        seen = lexicon.count(left + right)
    else:
        seen = lexicon.count_exact(brk.left + brk.right)
    both_words = lexicon.count_interior(left) > 0 and lexicon.count_interior(right) > 0
    return (seen > 0 and lexicon.bigrams[(left, right)] == 0 and not both_words
            and not is_function_word(left))


# --------------------------------------------------------------------------- a paragraph


def join_lines(lines: Sequence[str], lexicon: Lexicon,
               signals: Sequence[str] | None = None) -> tuple[str, list[HyphenDecision]]:
    """Join the printed lines of one paragraph with single spaces, deciding every break.

    Args:
        lines: the printed lines in reading order; blank lines are ignored.
        lexicon: the document's vocabulary (:meth:`Lexicon.from_texts`).
        signals: one PDF signal per line for the break after it (see :func:`decide_break`).

    Returns:
        The paragraph text and the decisions taken, in order.
    """
    kept = [(line, signals[i] if signals and i < len(signals) else "")
            for i, line in enumerate(lines) if line.strip()]
    if not kept:
        return "", []
    text = kept[0][0].strip()
    decisions: list[HyphenDecision] = []
    for (left_line, signal), (right_line, _) in zip(kept, kept[1:]):
        decision = decide_break(left_line, right_line, lexicon, signal)
        text = glue(text, right_line.strip(), decision)
        if decision is not None:
            decisions.append(decision)
    return text, decisions


def glue(text: str, right: str, decision: HyphenDecision | None) -> str:
    """Append ``right`` to ``text`` as ``decision`` says: drop the hyphen, keep it, or a space."""
    if decision is None or decision.action in ("space", "suspended"):
        return f"{text} {right}"
    if decision.action == "join":
        return text[:-1] + right
    if decision.action == "keep" and text.endswith(SOFT_HYPHEN):
        return text[:-1] + "-" + right
    return text + right
