"""Furniture: running heads and footers, folios, and the printed-page map.

Input: every page's ``PageLayout`` and the ``DocStyle``. Output: ``Furniture``: which blocks are
page furniture (kept in the JSON's ``furniture[]``, never in article text) and the map from
PDF page to printed page number.

Algorithm:

1. **Margins.** The body text's usual top and bottom edges over the document (low and high
   percentiles of the body blocks' edges). Blocks wholly above the top edge or below the bottom
   edge are margin candidates.
2. **Repetition.** A candidate's signature is its text in lower case with every digit run
   replaced by ``#`` and spaces removed (so ``O F F E N T L I G`` equals ``Offentlig``). A
   signature seen on at least ``REPEAT_SHARE`` of the pages (and on two pages at least) marks
   running heads (top) and running footers (bottom). A margin row of several blocks also
   counts as a whole, so a head that is split by a wide gap on some pages and not on others
   still repeats.
3. **Folios.** A number of one to three digits standing alone in a margin block (top, bottom, or
   the side margin beside the body text), or at either end of a running footer
   (``20 Offentlig Ledelse``), is the page's printed number when the folios agree on one offset.
4. **Page map.** The offset ``printed - pdf`` that most folios agree on; pages without a folio
   (or with a folio that disagrees) get ``pdf + offset``.

Restrictions: a document of one page has no repetition, so only its margin folio is found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from .layout import is_sentence_like
from .model import Block, PageLayout
from .style import DocStyle

REPEAT_SHARE = 0.25
CONTENTS_WORDS = ("indhold", "indholdsfortegnelse", "contents", "inhalt", "sommaire", "innehåll", "innhold", "sisällys")
#: Blocks within this share of the page height from the top or bottom edge are in the margin.
EDGE_SHARE = 0.1
#: Running heads and footers are set small: at most this many times the body size.
MAX_SIZE_RATIO = 1.6
#: Text this many times the body size is title type.
TITLE_RATIO = 1.6
#: Copies of a running head lie within this share of the page height of each other.
SAME_PLACE_SHARE = 0.04
#: A page number standing alone: ``12``, ``- 12 -``, ``Side 12``, ``Page 12 of 40``.
FOLIO_ALONE = re.compile(r"^\s*(?:(?P<dash>[-–—])\s*|(?:page|side|seite|sida|sivu|pagina)\s+)?(?P<n>\d{1,3})"
                         r"(?(dash)\s*[-–—]|(?:\s+(?:of|af|von|av|de|di)\s+\d{1,4})?)\s*$", re.IGNORECASE)
FOLIO_LEFT = re.compile(r"^\s*(?P<n>\d{1,3})\s+\D")
FOLIO_RIGHT = re.compile(r"\s(?P<n>\d{1,3})\s*$")


@dataclass(frozen=True, slots=True)
class FurnitureItem:
    """A block that belongs to the page, not to an article."""

    kind: str  # running_head | running_footer | folio
    text: str
    page: int
    block_id: int
    folio: int | None = None


@dataclass(frozen=True, slots=True)
class PageMap:
    """PDF page number (1-based) to printed page number, and back."""

    printed: dict[int, int | None] = field(default_factory=dict)
    found: frozenset[int] = frozenset()

    def printed_of(self, pdf: int) -> int | None:
        return self.printed.get(pdf)

    def pdf_of(self, printed: int) -> int | None:
        for pdf, value in self.printed.items():
            if value == printed:
                return pdf
        return None


@dataclass(frozen=True, slots=True)
class Furniture:
    items: tuple[FurnitureItem, ...]
    page_map: PageMap
    body_top: float = 0.0
    body_bottom: float = 0.0
    by_block: dict[tuple[int, int], FurnitureItem] = field(default_factory=dict)

    @classmethod
    def of(cls, items: Sequence[FurnitureItem], page_map: PageMap, top: float, bottom: float) -> "Furniture":
        return cls(tuple(items), page_map, top, bottom, {(i.page, i.block_id): i for i in items})

    def item_for(self, page: int, block_id: int) -> FurnitureItem | None:
        return self.by_block.get((page, block_id))


def find_furniture(pages: Sequence[PageLayout], style: DocStyle) -> Furniture:
    """Mark running heads, footers and folios, and infer the printed-page map."""
    top, bottom, left, right = body_extent(pages, style)
    candidates = [(p, b, zone) for p in pages for b in p.blocks
                  if (b.size <= MAX_SIZE_RATIO * style.body_size or FOLIO_ALONE.match(b.text))
                  and (zone := margin_zone(b, top, bottom, p.height) or side_folio_zone(b, left, right)
                       or edge_zone(b, p.width)) is not None]
    # the contents page repeats every title: it must not make titles look like running heads
    contents = {p.number for p in pages if is_contents_page(p)}
    rows = row_signatures(candidates)
    counted = [c for c in candidates if c[0].number not in contents]
    counts = Counter({key: len(on_pages) for key, on_pages in pages_by_signature(counted, rows).items()})
    free_standing = {(zone, sig) for p, b, zone in candidates if not heads_a_title(b, p, style)
                     for sig in signatures_of(b, rows)}
    need = max(2, REPEAT_SHARE * len(pages))
    # a label that stands over a title wherever it appears is a recurring kicker, not furniture
    repeats = {(page.number, block.id) for page, block, zone in candidates
               if any(counts[(zone, sig)] >= need and sig and (zone, sig) in free_standing
                      for sig in signatures_of(block, rows))}
    items: list[FurnitureItem] = []
    for page, block, zone in candidates:
        folio = folio_of(block.text)
        repeated = (page.number, block.id) in repeats and not (
            zone in ("top", "bottom") and is_inside_page_text(block, page, zone, repeats))
        if FOLIO_ALONE.match(block.text) and not (page.number in contents and has_text_beside(block, page)):
            items.append(FurnitureItem("folio", block.text.strip(), page.number, block.id, folio))
        elif repeated and zone != "side":  # (text along the page's edge counts as a footer)
            kind = "running_head" if zone == "top" else "running_footer"
            items.append(FurnitureItem(kind, block.text, page.number, block.id, folio))
    page_map = infer_page_map([p.number for p in pages], items)
    items = [i for i in items if i.kind != "folio" or i.page in page_map.found and i.folio == page_map.printed[i.page]]
    items += beyond_folio(candidates, items, style)
    return Furniture.of(items, page_map, top, bottom)


def beyond_folio(candidates, items: Sequence[FurnitureItem], style: DocStyle) -> list[FurnitureItem]:
    """Margin text set as far out as the page's folio, or further, that no repetition marked:
    the head or foot band of the page (``Downloaded from …`` over a one-page extract's folio, a
    chapter name that changes from page to page). Text over a title stays (a kicker)."""
    folios: dict[int, list[int]] = {}
    for item in items:
        if item.kind == "folio":
            folios.setdefault(item.page, []).append(item.block_id)
    taken = {(i.page, i.block_id) for i in items}
    out: list[FurnitureItem] = []
    for page, block, zone in candidates:
        if zone not in ("top", "bottom") or (page.number, block.id) in taken or page.number not in folios:
            continue
        slack = 0.5 * block.size
        for folio in (page.blocks[k] for k in folios[page.number]):
            folio_zone = "top" if folio.bbox.bottom <= page.height / 2 else "bottom"
            beyond = block.bbox.bottom <= folio.bbox.bottom + slack if zone == "top" \
                else block.bbox.top >= folio.bbox.top - slack
            if folio_zone == zone and beyond and not heads_a_title(block, page, style):
                kind = "running_head" if zone == "top" else "running_footer"
                out.append(FurnitureItem(kind, block.text, page.number, block.id, folio_of(block.text)))
                break
    return out


def is_inside_page_text(block: Block, page: PageLayout, zone: str, repeats: set[tuple[int, int]]) -> bool:
    """Whether text that is not itself furniture lies between ``block`` and its page edge: a
    running head is the outermost text of the page, so a repeated line under a page's own
    heading (a table's column head repeated on each page) is content."""
    for other in page.blocks:
        if other is block or (page.number, other.id) in repeats or FOLIO_ALONE.match(other.text) \
                or other.first.rotation != 0:
            continue
        outside = other.bbox.bottom <= block.bbox.top if zone == "top" else other.bbox.top >= block.bbox.bottom
        if outside:
            return True
    return False


def has_text_beside(block: Block, page: PageLayout) -> bool:
    """Text starts just right of ``block`` at the same height (on a contents page: an entry's
    page number, not a folio)."""
    return any(other is not block and other.bbox.y_overlap(block.bbox) > 0.5 * min(block.bbox.height, other.bbox.height)
               and 0 < other.bbox.x0 - block.bbox.x1 <= 6 * block.size for other in page.blocks)


def heads_a_title(block: Block, page: PageLayout, style: DocStyle) -> bool:
    """Whether a title-size block starts right under ``block`` (within three body lines)."""
    reach = 3 * style.body_leading
    return any(other.size >= TITLE_RATIO * style.body_size and other.bbox.x_overlap(block.bbox) > 0
               and -0.5 * block.size <= other.bbox.top - block.bbox.bottom <= reach and not is_sentence_like(other.text)
               for other in page.blocks)


def is_contents_page(page: PageLayout) -> bool:
    """A page headed by a contents word, with several lines that start or end in a page number."""
    heading = any(compact(b.text) in CONTENTS_WORDS for b in page.blocks[:8] if len(b.lines) <= 2)
    if not heading:
        return False
    numbered = sum(1 for b in page.blocks for ln in b.lines
                   if re.match(r"^\s*\d{1,3}\b", ln.text) or re.search(r"\b\d{1,3}\s*$", ln.text))
    return numbered >= 1


def compact(text: str) -> str:
    return re.sub(r"[\s:]+", "", text).lower()


def row_signatures(candidates) -> dict[int, str]:
    """For each margin block (by ``id()``), the signature of its whole row: the margin blocks of
    its page that share its height, left to right, without folios standing alone.

    A running head set with a wide gap inside (``UE 8.`` and ``Circulation``) is two blocks on
    some pages and one on others; its row reads the same on all of them.
    """
    rows: dict[int, str] = {}
    by_page: dict[int, list[Block]] = {}
    for page, block, _ in candidates:
        by_page.setdefault(page.number, []).append(block)
    for blocks in by_page.values():
        for block in blocks:
            row = sorted((b for b in blocks if not FOLIO_ALONE.match(b.text)
                          and b.bbox.y_overlap(block.bbox) > 0.5 * min(b.bbox.height, block.bbox.height)),
                         key=lambda b: b.bbox.x0)
            rows[id(block)] = signature(" ".join(b.text for b in row)) if len(row) > 1 else ""
    return rows


def signatures_of(block: Block, rows: dict[int, str]) -> list[str]:
    """The block's own signature, and its row's when the row holds more than the block."""
    own = signature(block.text)
    row = rows.get(id(block), "")
    return [own, row] if row and row != own else [own]


def pages_by_signature(candidates, rows: dict[int, str] | None = None) -> dict[tuple[str, str], set[int]]:
    """For each (zone, signature), the pages where it appears at one height on the page.

    Occurrences are grouped by their top edge (within ``SAME_PLACE_SHARE`` of the page height),
    and the largest group counts: a running head sits in the same place on every page, a word
    that merely recurs (a cover teaser and a kicker) does not. A block counts under its own
    signature and its row's (``row_signatures``).
    """
    places: dict[tuple[str, str], list[tuple[float, int]]] = {}
    for page, block, zone in candidates:
        for sig in signatures_of(block, rows or {}):
            places.setdefault((zone, sig), []).append((block.bbox.top / page.height, page.number))
    seen: dict[tuple[str, str], set[int]] = {}
    for key, found in places.items():
        best: set[int] = set()
        for top, _ in found:
            group = {number for other, number in found if abs(other - top) <= SAME_PLACE_SHARE}
            if len(group) > len(best):
                best = group
        seen[key] = best
    return seen


def body_extent(pages: Sequence[PageLayout], style: DocStyle) -> tuple[float, float, float, float]:
    """Usual top, bottom, left and right edges of body text over the document (low and high
    percentiles of the body blocks' edges per page)."""
    edges: list[tuple[float, float, float, float]] = []
    for page in pages:
        body = [b for b in page.blocks if style.is_body_style(b.style) and len(b.lines) >= 2 and b.frame is None]
        if body:
            edges.append((min(b.bbox.top for b in body), max(b.bbox.bottom for b in body),
                          min(b.bbox.x0 for b in body), max(b.bbox.x1 for b in body)))
    if not edges:
        return 0.0, max((p.height for p in pages), default=0.0), 0.0, max((p.width for p in pages), default=0.0)
    tops, bottoms, lefts, rights = (sorted(column) for column in zip(*edges))
    low, high = len(edges) // 10, -1 - len(edges) // 10
    return tops[low], bottoms[high], lefts[low], rights[high]


def side_folio_zone(block: Block, left: float, right: float) -> str | None:
    """``"side"`` for a number standing alone in the outer margin beside the body text (a folio
    set halfway down the page, upright or along the edge); only a folio is looked for there, and it must agree with the
    page sequence like any other (``infer_page_map``)."""
    if len(block.lines) != 1 or not FOLIO_ALONE.match(block.text):
        return None  # (set upright or along the edge of the page)
    slack = block.size * 0.5
    return "side" if block.bbox.x0 >= right - slack or block.bbox.x1 <= left + slack else None


def edge_zone(block: Block, width: float) -> str | None:
    """``"edge"`` for a short block set along the page's side edge (turned a quarter, in the
    outer ``EDGE_SHARE`` of the width): a repository's download stamp, a magazine's name run up
    the margin. Repeated on enough pages, it is furniture like a running footer."""
    if len(block.lines) > 2 or block.first.rotation % 180 == 0:
        return None
    box = block.bbox
    return "edge" if box.x0 >= width * (1 - EDGE_SHARE) or box.x1 <= width * EDGE_SHARE else None


def margin_zone(block: Block, top: float, bottom: float, height: float) -> str | None:
    """``"top"`` or ``"bottom"`` for short blocks wholly outside the body text's usual extent."""
    if len(block.lines) > 2 or block.first.rotation != 0:
        return None
    slack = block.size * 0.5
    box = block.bbox
    if box.bottom <= height * EDGE_SHARE or (box.bottom <= top + slack and box.top < height * 0.25):
        return "top"
    if box.top >= height * (1 - EDGE_SHARE) or (box.top >= bottom - slack and box.bottom > height * 0.75):
        return "bottom"
    return None


def signature(text: str) -> str:
    """Text with digit runs as ``#`` and no spaces, lower case, without a folio at either end:
    equal for every page's copy (``4 Offentlig Ledelse`` and ``Offentlig Ledelse 5``)."""
    text = re.sub(r"^\s*\d{1,3}\s+(?=\S)|(?<=\S)\s+\d{1,3}\s*$", "", text)
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text.lower()))


def folio_of(text: str) -> int | None:
    """The printed page number in a margin text, if it has one."""
    for pattern in (FOLIO_ALONE, FOLIO_LEFT, FOLIO_RIGHT):
        m = pattern.search(text)
        if m:
            return int(m.group("n"))
    return None


def infer_page_map(pdf_pages: Sequence[int], items: Sequence[FurnitureItem]) -> PageMap:
    """Printed numbers from folios; the offset most folios agree on fills the gaps.

    Folios count when they agree: the offset must be shared by two pages, unless only one page
    has a folio at all. Numbers in the margins that agree on nothing (a table's first row right
    under a repeated table head, figure axes) give no page numbers, and ``find_furniture``
    then leaves them in the text.
    """
    folios: dict[int, set[int]] = {}
    for item in items:
        if item.folio is not None:
            folios.setdefault(item.page, set()).add(item.folio)
    offsets = Counter(offset for p, values in folios.items() for offset in {f - p for f in values})
    if not offsets:
        return PageMap({p: p for p in pdf_pages}, frozenset())
    offset, support = offsets.most_common(1)[0]
    if support < 2 and len(folios) > 1:
        return PageMap({p: p for p in pdf_pages}, frozenset())
    printed = {p: p + offset for p in pdf_pages}
    found = frozenset(p for p, values in folios.items() if p + offset in values)
    return PageMap(printed, found)
