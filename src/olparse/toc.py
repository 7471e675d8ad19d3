"""Table of contents: read the contents page and link its entries to the articles.

Input: the ``LabeledPage`` objects (contents pages have ``is_contents``), the articles and the
page map. Output: ``TocEntry`` objects, each with the article it points to and a score.

Parsing works on lines, so it does not matter whether page numbers and titles were set in one
frame or in two:

* **Number first** (``3  Lederen: Det er stadig os …``): a line starting with a page number, or a
  number standing alone with the entry's text on the same baseline to its right, opens an entry;
  the lines under it (until the next number) continue it.
* **Number last** (``Skal IT-chefen … ?  6``): the lines since the previous entry end at the number.
* Lines without a number that end in ``:`` or precede a group (``TEMA om …:``) are group labels.
* A short label before the title (``Lederen:`` or a small caps line ``LEDEREN``) is the section.

Linking scores each entry against each article with rapidfuzz (title, kicker + title,
standfirst) and adds agreement of the printed page; the assignment is one-to-one, best pairs
first, and entries below ``MIN_LINK_SCORE`` stay unlinked (reported, not forced).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from rapidfuzz import fuzz, utils

from .articles import Article
from .classify import LabeledPage, Role
from .furniture import CONTENTS_WORDS, PageMap, compact
from .model import Line

MIN_LINK_SCORE = 0.55
NUMBER_FIRST = re.compile(r"^\s*(\d{1,3})(?:\s+|\s*[.)]\s+)(\S.*)$")
NUMBER_ALONE = re.compile(r"^\s*(\d{1,3})\s*$")
NUMBER_LAST = re.compile(r"^(.*\S)\s*(?:\.{2,}|…)?\s+(\d{1,3})\s*$")
SECTION_PREFIX = re.compile(r"^\s*([^:]{2,40}?):\s+(\S.*)$")


@dataclass(frozen=True, slots=True)
class TocEntry:
    printed_page: int
    section: str
    title: str
    group: str
    page: int  # the PDF page of the contents page
    article_id: str | None = None
    score: float = 0.0


@dataclass(slots=True)
class _Entry:
    number: int
    lines: list[Line]
    group: str
    page: int


def read_toc(pages: Sequence[LabeledPage]) -> list[TocEntry]:
    """Entries of every contents page, in printed order."""
    entries: list[TocEntry] = []
    for page in pages:
        if page.is_contents:
            entries.extend(parse_contents_page(page))
    return entries


def contents_lines(page: LabeledPage) -> list[Line]:
    """Lines of the page's contents blocks, without the heading, top to bottom."""
    lines = [ln for item in page.items if item.role is Role.TOC for ln in item.block.lines
             if compact(ln.text) not in CONTENTS_WORDS]
    return sorted(lines, key=lambda ln: (round(ln.baseline), ln.bbox.x0))


def parse_contents_page(page: LabeledPage) -> list[TocEntry]:
    lines = contents_lines(page)
    numbers = [ln for ln in lines if NUMBER_ALONE.match(ln.text) and has_text_beside(ln, lines)]
    drafts = entries_number_column(lines, numbers, page.number) if numbers else entries_inline(lines, page.number)
    return [to_entry(d) for d in drafts if d.lines]


def has_text_beside(number: Line, lines: Sequence[Line]) -> bool:
    """A page number set apart has its entry's text to its right, at about the same height."""
    return any(ln.bbox.x0 > number.bbox.x1 and abs(ln.bbox.center_y - number.bbox.center_y) <= number.size * 1.5
               and not NUMBER_ALONE.match(ln.text) for ln in lines)


def entries_number_column(lines: list[Line], numbers: list[Line], page: int) -> list[_Entry]:
    """Numbers set apart in a column of their own: each number owns the text beside and under it."""
    numbers = sorted(numbers, key=lambda ln: ln.baseline)
    texts = [ln for ln in lines if ln not in numbers]
    column_x = min(n.bbox.x1 for n in numbers)
    texts = [ln for ln in texts if ln.bbox.x0 > column_x]
    text_left = entry_text_left(numbers, texts)
    if text_left is not None:
        em = statistics.median(ln.size for ln in texts)
        texts = [ln for ln in texts if abs(ln.bbox.x0 - text_left) <= 2 * em]
    leading = min((b.baseline - a.baseline for a, b in zip(texts, texts[1:]) if b.baseline > a.baseline),
                  default=12.0)
    entries: list[_Entry] = []
    for k, number in enumerate(numbers):
        start = number.bbox.top - leading * 1.2
        end = numbers[k + 1].bbox.top - leading * 1.2 if k + 1 < len(numbers) else float("inf")
        own = [ln for ln in texts if start <= ln.bbox.top < end and ln.bbox.x0 - number.bbox.x1 < 40 * number.size]
        entries.append(_Entry(int(number.text), own, "", page))
    return entries


def entry_text_left(numbers: Sequence[Line], texts: Sequence[Line]) -> float | None:
    """Left edge of the entries' text: the nearest text start to the right of the numbers."""
    starts = []
    for number in numbers:
        beside = [ln.bbox.x0 for ln in texts
                  if ln.bbox.x0 > number.bbox.x1 and abs(ln.bbox.center_y - number.bbox.center_y) <= number.size * 1.5]
        if beside:
            starts.append(round(min(beside)))
    if not starts:
        return None
    return Counter(starts).most_common(1)[0][0]


def entries_inline(lines: list[Line], page: int) -> list[_Entry]:
    """Numbers at the start or end of the entry's own line."""
    entries: list[_Entry] = []
    pending: list[Line] = []
    group = ""
    # books number their chapters ("1. Skal …  6"): when lines end in page numbers at least as
    # often as they start with one, the leading numbers are enumerations, not pages
    trailing = sum(1 for ln in lines if NUMBER_LAST.match(ln.text))
    leading = sum(1 for ln in lines if NUMBER_FIRST.match(ln.text))
    number_last = trailing and trailing >= leading
    for line in lines:
        first = None if number_last else NUMBER_FIRST.match(line.text)
        last = NUMBER_LAST.match(line.text)
        if first:
            entries.append(_Entry(int(first.group(1)), [line], group, page))
            pending = []
        elif last and not first:
            entries.append(_Entry(int(last.group(2)), pending + [line], group, page))
            pending = []
        elif line.text.rstrip().endswith(":") and not (entries and entries[-1].lines and not pending):
            group = line.text.strip()
        elif entries and not pending:
            entries[-1].lines.append(line)
        else:
            pending.append(line)
    return entries


def to_entry(draft: _Entry) -> TocEntry:
    """Split the entry's text into section label and title; drop the page numbers."""
    lines = draft.lines
    section = ""
    if len(lines) > 1 and is_label_line(lines[0], lines[1]):
        section = lines[0].text.strip().rstrip(":")
        lines = lines[1:]
    text = " ".join(strip_number(ln.text) for ln in lines)
    text = re.sub(r"-\s+(?=[a-zæøå])", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not section:
        m = SECTION_PREFIX.match(text)
        if m and len(m.group(1).split()) <= 4:
            section, text = m.group(1).strip(), m.group(2).strip()
    return TocEntry(draft.number, section, text, draft.group, draft.page)


def is_label_line(line: Line, nxt: Line) -> bool:
    """A small or all-caps line above the title: the entry's section label."""
    letters = [c for c in line.text if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper()) / max(1, len(letters))
    return (caps > 0.8 and len(line.text) < 50) or line.size < nxt.size * 0.85


def strip_number(text: str) -> str:
    """The entry's text without its page number (a trailing one first: ``1. Title  6``)."""
    m = NUMBER_LAST.match(text)
    if m:
        return m.group(1)
    m = NUMBER_FIRST.match(text)
    if m and not re.match(r"^\s*\d{1,3}[.)]", text):
        return m.group(2)
    return text


# ---------------------------------------------------------------------------- linking
def link_toc(entries: Sequence[TocEntry], articles: Sequence[Article], page_map: PageMap) -> list[TocEntry]:
    """Link each entry to at most one article and each article to at most one entry."""
    pairs = []
    for i, entry in enumerate(entries):
        for j, article in enumerate(articles):
            s = link_score(entry, article, page_map)
            if s >= MIN_LINK_SCORE:
                pairs.append((s, i, j))
    pairs.sort(reverse=True)
    used_e, used_a, link = set(), set(), {}
    for s, i, j in pairs:
        if i not in used_e and j not in used_a:
            used_e.add(i)
            used_a.add(j)
            link[i] = (articles[j].id, s)
    out = []
    for i, entry in enumerate(entries):
        aid, s = link.get(i, (None, 0.0))
        out.append(TocEntry(entry.printed_page, entry.section, entry.title, entry.group, entry.page, aid, round(s, 3)))
    return out


def link_score(entry: TocEntry, article: Article, page_map: PageMap) -> float:
    """Text similarity (0..1) plus agreement of the printed start page."""
    wanted = utils.default_process(entry.title)
    candidates = [article.title, f"{article.kicker} {article.title}", article.standfirst[:200]]
    text = max((fuzz.token_set_ratio(wanted, utils.default_process(c)) for c in candidates if c.strip()), default=0) / 100
    start = article.title_page or (article.pages[0] if article.pages else 0)
    printed = page_map.printed_of(start)
    if printed is None:
        page_bonus = 0.0
    elif printed == entry.printed_page:
        page_bonus = 0.3
    elif abs(printed - entry.printed_page) == 1:
        page_bonus = 0.1
    else:
        page_bonus = -0.2
    return 0.7 * text + page_bonus
