"""Articles: group labelled blocks into the articles of the issue.

Input: ``LabeledPage`` objects in page order, the ``DocStyle``, the ``Furniture`` (page map,
running heads) and the document ``Lexicon``. Output: ``Article`` objects, plus the blocks that
belong to no article (kept, with a reason, in the document's ``other`` list).

An article starts at its title group (section label, kicker, title, standfirst, byline) and runs
through the following columns and pages until the next title. Blocks are taken in reading
order, so a title group drawn after the body in the content stream still starts the article.
Body and subheadings become paragraphs (``paragraphs.build_paragraphs``); fact boxes, pull-quotes,
captions and credits attach to the article they sit in. Several short items on one page each
have their own title, so they become separate articles.

Restrictions: an article without a recognisable title that starts a page after another article
ended is kept as the continuation of that article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex
from typing import Sequence

from .classify import FURNITURE_ROLES, SENTENCE_END_MARKS, Labeled, LabeledPage, Role, is_date
from .dehyphenate import HyphenDecision, Lexicon, join_lines
from .furniture import Furniture
from .geometry import BBox, union_all
from .model import Block
from .paragraphs import (NOTE_MARKS, Paragraph, build_paragraphs, ends_sentence, hyphenates, is_ragged_body,
                         line_signal, natural_word_gap, typical_measure, uses_indents, uses_spacing)
from .style import DocStyle


@dataclass(frozen=True, slots=True)
class TextItem:
    """A piece of an article's text outside the body: a caption, a credit, a quote."""

    text: str
    page: int
    bbox: BBox
    attribution: str = ""


@dataclass(frozen=True, slots=True)
class FactBox:
    title: str
    paragraphs: tuple[str, ...]
    page: int
    bbox: BBox


@dataclass(slots=True)
class Article:
    """One article as the reader sees it."""

    id: str
    section: str = ""
    kicker: str = ""
    title: str = ""
    standfirst: str = ""
    byline: str = ""
    kind: str = "feature"
    body: list[Paragraph] = field(default_factory=list)
    fact_boxes: list[FactBox] = field(default_factory=list)
    pull_quotes: list[TextItem] = field(default_factory=list)
    captions: list[TextItem] = field(default_factory=list)
    credits: list[TextItem] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    title_page: int = 0
    title_bbox: BBox | None = None
    end_mark: bool = False
    decisions: list[HyphenDecision] = field(default_factory=list)
    #: Where the article starts in reading order: PDF page and index of its first block there.
    start: tuple[int, int] = (0, 0)
    #: The section was read from the page's running head (furniture), not from a label set with
    #: the article: the text form leaves it out, as it leaves out all furniture.
    section_from_head: bool = False
    #: Where each paragraph of ``body`` starts in reading order (page, block index), so that
    #: text set aside between two of them can be printed there; empty when not known.
    body_starts: tuple[tuple[int, int], ...] = ()
    #: Where each caption of ``captions`` stands in reading order (as ``body_starts``).
    caption_starts: tuple[tuple[int, int], ...] = ()

    @property
    def authors(self) -> list[str]:
        return authors_from_byline(self.byline)


@dataclass(slots=True)
class _Draft:
    """An article while its blocks are being collected."""

    groups: dict[Role, list[Block]] = field(default_factory=dict)
    flow: list[tuple[Block, str]] = field(default_factory=list)
    boxes: dict[tuple[int, int], list[Block]] = field(default_factory=dict)
    quotes: list[list[Block]] = field(default_factory=list)
    captions: list[Block] = field(default_factory=list)
    credits: list[Block] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    running_head: str = ""
    items: list[Labeled] = field(default_factory=list)
    short_item: bool = False

    def has_body(self) -> bool:
        return any(kind == "body" for _, kind in self.flow)

    def add_group(self, role: Role, block: Block) -> None:
        self.groups.setdefault(role, []).append(block)
        self.pages.add(block.page)


def segment_articles(pages: Sequence[LabeledPage], style: DocStyle, furniture: Furniture,
                     lexicon: Lexicon) -> tuple[list[Article], list[Labeled]]:
    """Walk the labelled blocks in reading order and cut them into articles."""
    drafts: list[_Draft] = []
    pending: list[Labeled] = []
    leftovers: list[Labeled] = []
    current: _Draft | None = None
    for page in pages:
        head = running_head_of(page)
        for item in page.items:
            role = item.role
            if role is Role.SECTION:
                head = item.block.text.replace("\n", " ")
            if role in FURNITURE_ROLES or role in (Role.TOC, Role.COLOPHON, Role.IMAGE_TEXT):
                continue
            over_title = role in (Role.CAPTION, Role.CREDIT) or (role is Role.BYLINE and item.reason == NAME_OVER_TITLE)
            if role in (Role.SECTION, Role.KICKER) or (over_title and title_follows(page.items, item)):
                pending.append(item)
                continue
            if role is Role.TITLE:
                if current is not None and Role.TITLE in current.groups and not current.has_body() \
                        and not pending and continues_title(current, item.block, style):
                    current.add_group(Role.TITLE, item.block)
                    current.items.append(item)
                    continue
                current = _Draft(running_head=head, short_item=item.reason.startswith(SHORT_ITEM_REASON))
                drafts.append(current)
                for p in pending:
                    if p.role in (Role.SECTION, Role.KICKER, Role.BYLINE):
                        current.add_group(p.role, p.block)
                    else:
                        add_to_draft(current, p)
                current.items.extend(pending + [item])
                pending = []
                current.add_group(Role.TITLE, item.block)
                continue
            if role is Role.BODY and (earlier := continued_draft(drafts, current, item.block, page)) is not None:
                current = earlier  # a sentence broken off by an advert or a boxed title goes on
            if current is None:
                if role in (Role.BODY, Role.SUBHEADING, Role.FACT_BOX, Role.PULL_QUOTE):
                    current = _Draft(running_head=head)
                    drafts.append(current)
                else:
                    leftovers.append(item)
                    continue
            if pending:
                for p in pending:
                    if not add_to_draft(current, p):
                        leftovers.append(p)
                    else:
                        current.items.append(p)
                pending = []
            if add_to_draft(current, item):
                current.items.append(item)
            else:
                leftovers.append(item)
    leftovers.extend(pending)
    body_blocks = [b for d in drafts for b, kind in d.flow if kind == "body"]
    indents = uses_indents(body_blocks)
    layout = {"indent_convention": indents, "indents_seen": indents, "measure": typical_measure(body_blocks),
              "natural_gap": natural_word_gap(body_blocks), "ragged_body": is_ragged_body(body_blocks),
              "hyphenated": hyphenates(body_blocks, lexicon),
              "spacing_seen": not indents and uses_spacing(body_blocks)}
    kept = [d for d in drafts if d.has_body()]
    kept_ids = {id(d) for d in kept}
    for d in drafts:
        if id(d) not in kept_ids:
            leftovers.extend(d.items)
    articles = [finish(d, k + 1, furniture, lexicon, layout) for k, d in enumerate(kept)]
    where = reading_positions(pages)
    line_where = {id(line): where[id(item)] for page in pages for item in page.items for line in item.block.lines}
    for article, draft in zip(articles, kept):
        article.start = min((where[id(i)] for i in draft.items), default=(min(draft.pages, default=0), 0))
        article.body_starts = tuple(line_where.get(id(p.lines[0]), article.start) if p.lines else article.start
                                    for p in article.body)
        article.caption_starts = tuple(line_where.get(id(b.lines[0]), article.start) for b in draft.captions)
    return articles, leftovers


#: A line that starts with a word in lower case: letters up to a space or a comma, so not a
#: list marker such as ``a)`` or ``ii.``.
LOWER_WORD_START = regex.compile(r"^\s*\p{Ll}[\p{L}\-’']*(?:[\s,;:]|$)")


def continued_draft(drafts: Sequence[_Draft], current: _Draft | None, block: Block,
                    page: LabeledPage | None = None) -> _Draft | None:
    """The earlier article whose broken-off sentence ``block`` goes on with, when the current
    article cannot take it.

    A body block that starts with a word in lower case continues a sentence. The current article
    cannot take it when it has no body yet (a new article's text never starts mid-sentence),
    its body sits in another frame (an advert's, a boxed title's), or its text has ended (a full
    stop, an end mark, an agency's ``/ritzau/``) while an earlier one broke off mid-sentence: a
    newspaper sets a short article under one column of a longer one, whose text goes on in the
    next column. The sentence is then the last one of an earlier article on this page or the one
    before, whose last body block stops mid-sentence, framed as ``block`` is. When the current
    article has ended, only where ``block`` is where a column's text resumes: on the same page
    (``page``), right of that last block, with no body text above it in its column (an OCR
    layer's fragments start in lower case anywhere). Without this the text under an advert set
    across the columns became the advert's body.
    """
    if not LOWER_WORD_START.match(block.first.text):
        return None
    ended = False
    if current is not None and current.flow and framed_alike(current.flow[-1][0], block):
        if not has_ended(current.flow[-1]) or page is None or not tops_its_column(block, page):
            return None
        ended = True
    reach = 0 if ended else 1  # pages back that the broken-off sentence may be on
    for draft in reversed(drafts):
        if draft is current or not draft.flow:
            continue
        last, kind = draft.flow[-1]
        if last.page < block.page - reach:
            break
        if kind == "body" and framed_alike(last, block) and \
                not ends_sentence(last.lines[-1].text) and (not ended or goes_on_to_the_right(last, block)):
            return draft
    return None


#: A news agency's signature after an article's last sentence: ``/ritzau/``, ``/TT/``.
AGENCY_SIGNATURE = regex.compile(r"(?:^|\s)/\p{L}[\p{L}.\s-]{0,20}/\s*$")


def has_ended(part: tuple[Block, str]) -> bool:
    """Whether an article's last flow part ends its text: body whose last line ends a sentence
    for good (not a colon: it leads on), carries an end mark, or ends in an agency's signature."""
    block, kind = part
    if kind != "body" or not block.lines:
        return False
    last = block.lines[-1]
    text = last.text.rstrip().rstrip(NOTE_MARKS)
    return last.end_mark or text.endswith(SENTENCE_END_MARKS) or bool(AGENCY_SIGNATURE.search(text))


def tops_its_column(block: Block, page: LabeledPage) -> bool:
    """No body text of ``page`` stands above ``block`` in its column."""
    return not any(item.role is Role.BODY and item.block is not block
                   and item.block.bbox.bottom <= block.bbox.top + 0.5 * block.size
                   and item.block.bbox.x_overlap(block.bbox) > 0.5 * min(item.block.bbox.width, block.bbox.width)
                   for item in page.items)


def goes_on_to_the_right(last: Block, block: Block) -> bool:
    """``block`` stands in a column right of ``last``'s, where a column's text goes on."""
    return block.page == last.page and block.bbox.x0 > last.bbox.center_x


def framed_alike(a: Block, b: Block) -> bool:
    """Both outside frames, or in the same frame of one page: text can run on from one to the other."""
    return (a.frame is None and b.frame is None) or (a.page == b.page and a.frame == b.frame)


def reading_positions(pages: Sequence[LabeledPage]) -> dict[int, tuple[int, int]]:
    """Every labelled item's place in reading order (page, index), by the item's identity."""
    return {id(item): (page.number, k) for page in pages for k, item in enumerate(page.items)}


SHORT_ITEM_REASON = "heading of one of several short items"
NAME_OVER_TITLE = "a name over the title"
NAME_SIGNING = "a name signing the text above"


def title_follows(items: Sequence[Labeled], item: Labeled) -> bool:
    """True when the next article text after ``item`` on its page is a title."""
    k = next(i for i, x in enumerate(items) if x is item)
    for nxt in items[k + 1:]:
        if nxt.role in FURNITURE_ROLES or nxt.role in (Role.CAPTION, Role.CREDIT, Role.SECTION, Role.KICKER):
            continue
        return nxt.role is Role.TITLE
    return False


def running_head_of(page: LabeledPage) -> str:
    """The page's running head that can name a section: not a number, not a date."""
    heads = [i.block.text for i in page.items if i.role is Role.RUNNING_HEAD
             and not re.fullmatch(r"[\d\s]+", i.block.text) and not is_date(i.block.text)]
    return heads[0] if heads else ""



def continues_title(draft: _Draft, block: Block, style: DocStyle) -> bool:
    """A second title frame right under the first one (a title split in two frames)."""
    last = draft.groups[Role.TITLE][-1]
    return block.page == last.page and 0 <= block.bbox.top - last.bbox.bottom < 2 * style.body_leading \
        and abs(block.size - last.size) <= 0.15 * last.size


def add_to_draft(draft: _Draft, item: Labeled) -> bool:
    """File one labelled block in the draft; ``False`` when it is not article text."""
    block, role = item.block, item.role
    if role is Role.BODY:
        draft.flow.append((block, "body"))
    elif role is Role.SUBHEADING:
        draft.flow.append((block, "heading"))
    elif role is Role.BYLINE and Role.BYLINE in draft.groups and item.reason == NAME_SIGNING:
        return False  # a second name under the text (often the photographer's): kept in `other`
    elif role in (Role.STANDFIRST, Role.BYLINE, Role.TITLE):
        draft.add_group(role, block)
    elif role is Role.FACT_BOX:
        draft.boxes.setdefault((block.page, block.frame if block.frame is not None else -1), []).append(block)
    elif role is Role.PULL_QUOTE:
        if draft.quotes and quote_goes_on(draft.quotes[-1][-1], block):
            draft.quotes[-1].append(block)
        else:
            draft.quotes.append([block])
    elif role is Role.QUOTE_ATTRIBUTION and draft.quotes:
        draft.quotes[-1].append(block)
    elif role is Role.CAPTION:
        draft.captions.append(block)
    elif role is Role.CREDIT:
        draft.credits.append(block)
    else:
        return False
    draft.pages.add(block.page)
    return True


def quote_goes_on(prev: Block, block: Block) -> bool:
    """A pull-quote continued in the next column: same style, and it stopped mid-sentence."""
    return prev.style == block.style and not prev.lines[-1].text.rstrip().endswith((".", "!", "?", "”", "\"", "»"))


def finish(draft: _Draft, number: int, furniture: Furniture, lexicon: Lexicon, layout: dict) -> Article:
    """Turn a draft into an ``Article``: texts joined, paragraphs rebuilt, pages mapped."""
    art = Article(id=f"a{number:02d}")
    art.section = join_group(draft.groups.get(Role.SECTION, []), lexicon)
    if not art.section:
        art.section, art.section_from_head = draft.running_head, bool(draft.running_head)
    art.kicker = join_group(draft.groups.get(Role.KICKER, []), lexicon)
    art.title = join_group(draft.groups.get(Role.TITLE, []), lexicon)
    art.standfirst = join_group(draft.groups.get(Role.STANDFIRST, []), lexicon)
    art.byline = join_group(draft.groups.get(Role.BYLINE, []), lexicon)
    titles = draft.groups.get(Role.TITLE, [])
    if titles:
        art.title_page = titles[0].page
        art.title_bbox = union_all(b.bbox for b in titles if b.page == titles[0].page)
    art.body = build_paragraphs(draft.flow, lexicon, **layout)
    art.fact_boxes = [make_fact_box(blocks, lexicon) for blocks in draft.boxes.values()]
    art.pull_quotes = [make_quote(blocks, lexicon) for blocks in draft.quotes]
    art.captions = [text_item([b], lexicon) for b in draft.captions]
    art.credits = [text_item([b], lexicon) for b in draft.credits]
    art.pages = sorted(draft.pages)
    art.end_mark = any(p.end_mark for p in art.body)
    art.decisions = [d for p in art.body for d in p.decisions]
    art.kind = guess_kind(art, draft.short_item)
    return art


def join_group(blocks: Sequence[Block], lexicon: Lexicon) -> str:
    """The text of title-group blocks, lines joined with hyphens decided."""
    lines = [ln for b in blocks for ln in b.lines]
    if not lines:
        return ""
    text, _ = join_lines([ln.text for ln in lines], lexicon, [line_signal(ln) for ln in lines])
    return text


def text_item(blocks: Sequence[Block], lexicon: Lexicon, attribution: str = "") -> TextItem:
    return TextItem(join_group(blocks, lexicon), blocks[0].page, union_all(b.bbox for b in blocks), attribution)


def make_quote(blocks: Sequence[Block], lexicon: Lexicon) -> TextItem:
    """A pull-quote from its blocks: the quote's own style first, then the attribution."""
    style = blocks[0].style
    quote = [b for b in blocks if b.style == style]
    rest = [b for b in blocks if b.style != style]
    attribution = join_group(rest, lexicon) if rest else ""
    return TextItem(join_group(quote, lexicon), blocks[0].page,
                    union_all(b.bbox for b in blocks if b.page == blocks[0].page), attribution)


def make_fact_box(blocks: Sequence[Block], lexicon: Lexicon) -> FactBox:
    """A box's title (its first block when that is a short heading) and its paragraphs."""
    blocks = list(blocks)
    title = ""
    if len(blocks) > 1 and len(blocks[0].lines) <= 2 and (blocks[0].first.bold or blocks[0].size > blocks[1].size):
        title = join_group([blocks[0]], lexicon)
        blocks = blocks[1:]
    paragraphs = [item for p in build_paragraphs([(b, "body") for b in blocks], lexicon, False, strict=True)
                  for item in split_bullets(p.text)]
    return FactBox(title, tuple(p for p in paragraphs if p), blocks[0].page, union_all(b.bbox for b in blocks))


BULLET = re.compile(r"(?:^|\s)[•▪◦‣⁃●■](?:\s|$)")


def split_bullets(text: str) -> list[str]:
    """A box paragraph as its list items, without the bullet glyphs (layout, not text).

    Items of a list set in two columns inside a box can meet on one line; their bullets still
    show where each one starts.
    """
    return [item.strip() for item in BULLET.split(text) if item.strip()]


KIND_BY_SECTION = (("leder", "leader"), ("boguddrag", "book_excerpt"), ("anmeldelse", "book_notice"),
                   ("bøger", "book_notice"), ("kort nyt", "news_brief"), ("kortnyt", "news_brief"),
                   ("annonce", "advert"), ("interview", "interview"))
BOOK_FACTS = regex.compile(r"\b\d{2,4}\s+(sider|s\.|pages|seiten|sidor)\b", regex.I)


def guess_kind(article: Article, short_item: bool = False) -> str:
    """leader, book notice, news brief, interview … from the section label and the text."""
    section = (article.section or "").lower()
    for word, kind in KIND_BY_SECTION:
        if word in section and not (kind == "leader" and short_item):
            return kind
    if any(BOOK_FACTS.search(p.text) and len(p.text) < 300 for p in article.body[-2:]):
        return "book_notice"
    if short_item:
        return "news_brief"
    # Danish quotes speech with a dash in every feature, so dashes alone do not make an
    # interview: questions set as headings (a Q&A) do
    questions = sum(1 for p in article.body if p.kind == "heading" and p.text.rstrip().endswith("?"))
    if questions >= 2:
        return "interview"
    if article.body and len(article.body) <= 3 and not article.standfirst:
        return "short"
    return "feature"


ROLE_WORDS = regex.compile(r"(journalist|redaktør|direktør|leder|chef|formand|forsker|konsulent|professor|lektor|"
                           r"rådgiver|psykolog|fotograf|medarbejder|editor|director|manager|researcher|"
                           r"ph\.?d|cand\.|sekretær|koordinator)", regex.I)
PREPOSITIONS = {"i", "på", "for", "ved", "hos", "fra", "af", "in", "at", "of", "for", "på", "vid", "bei", "der", "chez"}


def authors_from_byline(byline: str) -> list[str]:
    """Names in a byline: ``AF A, ROLLE I X`` -> ``["A"]``; ``AF A, B OG C`` -> three names.

    A part that holds a preposition or a job title is the role that follows the names.
    """
    text = re.sub(r"^.*?\b(af|by|von|par|tekst( og foto)?:?)\s+", "", byline or "", count=1, flags=re.I)
    text = re.split(r"\s*(?:\||//|•|·)\s*", text)[0]
    text = re.sub(r"^(journalist|fotograf|redaktør|freelancejournalist)\s+", "", text, flags=re.I)
    parts = re.split(r",\s*|\s+og\s+|\s+and\s+|\s+und\s+|\s+&\s+", text, flags=re.I)
    names = []
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words):
            break
        if any(w.lower() in PREPOSITIONS for w in words[1:]) or ROLE_WORDS.search(part):
            break
        names.append(" ".join(w if not w.isupper() else w.title() for w in words))
    return names
