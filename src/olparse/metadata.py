"""Issue metadata: magazine title, issue number, year, ISSN and language.

Read, in order of trust, from the colophon (blocks with ISSN, Oplag, Udgiver …), the running
footers (which repeat on every page and so belong to this issue), the PDF's own metadata and
the cover. Back-cover thumbnails of other issues are never used: their numbers appear once,
outside the colophon and the footers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from .classify import LabeledPage, Role

ISSN = re.compile(r"ISSN[:\s]*([0-9]{4}\s?-\s?[0-9]{3}[0-9Xx])")
ISSUE_NUMBER = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*((?:19|20)\d{2})(?![\d/])")
ISSUE_WORDS = re.compile(r"\b(?:nr\.?|no\.?|nummer|issue|heft)\s*(\d{1,3})\b", re.I)
YEAR = re.compile(r"\b(19[5-9]\d|20\d{2})\b")
FUNCTION_WORDS = {
    "da": {"og", "det", "at", "er", "ikke", "en", "til", "som", "på", "med", "af", "for", "der", "har", "vi", "jeg", "de", "kan"},
    "sv": {"och", "det", "att", "är", "inte", "som", "på", "med", "av", "för", "jag", "vi", "har", "en", "till", "kan"},
    "no": {"og", "det", "å", "er", "ikke", "som", "på", "med", "av", "for", "jeg", "vi", "har", "en", "til", "kan"},
    "de": {"und", "der", "die", "das", "ist", "nicht", "zu", "mit", "von", "für", "ich", "wir", "ein", "eine", "auf"},
    "en": {"and", "the", "of", "to", "is", "not", "in", "with", "for", "that", "we", "it", "are", "on"},
    "fr": {"et", "le", "la", "les", "des", "est", "pas", "une", "pour", "dans", "que", "nous", "du", "sur"},
    "nl": {"en", "de", "het", "van", "een", "is", "niet", "met", "voor", "dat", "wij", "zijn", "op"},
}


@dataclass(frozen=True, slots=True)
class IssueInfo:
    title: str | None = None
    number: str | None = None
    year: int | None = None
    issn: str | None = None
    language: str | None = None


def read_issue_metadata(pages: Sequence[LabeledPage], pdf_metadata: dict[str, str], body_texts: Iterable[str]) -> IssueInfo:
    """Collect the issue's metadata (see module docstring)."""
    colophon = [i.block.text for p in pages for i in p.items if i.role is Role.COLOPHON]
    footers = [i.block.text for p in pages for i in p.items if i.role in (Role.RUNNING_FOOTER, Role.RUNNING_HEAD)]
    issn = first_match(ISSN, colophon) or first_match(ISSN, [i.block.text for p in pages for i in p.items])
    issn = re.sub(r"\s", "", issn) if issn else None
    number = issue_number(colophon) or issue_number(footers)
    year = int(number.split("/")[1]) if number and "/" in number else year_of(colophon + footers)
    title = title_from(colophon, footers, pdf_metadata)
    return IssueInfo(title=title, number=number, year=year, issn=issn, language=detect_language(body_texts))


def first_match(pattern: re.Pattern[str], texts: Iterable[str]) -> str | None:
    for text in texts:
        m = pattern.search(text)
        if m:
            return m.group(1)
    return None


def issue_number(texts: Sequence[str]) -> str | None:
    """The most frequent ``NN/YYYY`` among ``texts`` (footers repeat it on every page)."""
    found = Counter(f"{int(m.group(1)):02d}/{m.group(2)}" for t in texts for m in ISSUE_NUMBER.finditer(t))
    if found:
        return found.most_common(1)[0][0]
    words = Counter(m.group(1) for t in texts for m in ISSUE_WORDS.finditer(t))
    return words.most_common(1)[0][0] if words else None


def year_of(texts: Sequence[str]) -> int | None:
    years = Counter(int(m.group(1)) for t in texts for m in YEAR.finditer(t))
    return years.most_common(1)[0][0] if years else None


def title_from(colophon: Sequence[str], footers: Sequence[str], pdf_metadata: dict[str, str]) -> str | None:
    """The magazine's name: what precedes the issue number in the colophon or the footers."""
    names = Counter()
    for text in list(colophon) + list(footers):
        m = ISSUE_NUMBER.search(text)
        if m:
            name = re.sub(r"^\s*\d{1,3}\s+", "", text[:m.start()]).strip(" -–|,·")
            if 2 <= len(name) <= 60 and any(c.isalpha() for c in name):
                names[name] += 1
    if names:
        name = names.most_common(1)[0][0]
        return name.title() if name.isupper() else name
    title = (pdf_metadata.get("title") or "").strip()
    return title or None


#: A word of letters only (no digits or underscores).
LETTER_WORD = re.compile(r"[^\W\d_]+")


def detect_language(texts: Iterable[str]) -> str | None:
    """ISO 639-1 code of the language whose function words are most frequent (None if unsure)."""
    words: Counter[str] = Counter()
    seen = 0
    for text in texts:
        found = LETTER_WORD.findall(text.lower())
        words.update(found)
        seen += len(found)
        if seen > 20000:
            break
    counts: Counter[str] = Counter()
    for lang, function_words in FUNCTION_WORDS.items():
        counts[lang] = sum(words[w] for w in function_words if w in words)
    counts = +counts  # drop languages without a single function word
    if not counts:
        return None
    (lang, n), *rest = counts.most_common(2) + [("", 0)]
    runner_up = rest[0][1] if rest else 0
    return lang if n >= 5 and n > runner_up * 1.1 else None
