"""Roles: label every block of a page with what it is on the printed page.

Input: ``PageLayout`` (blocks in reading order), ``DocStyle``, ``Furniture``. Output:
``LabeledPage`` with one ``Labeled(block, role, reason)`` per block, in reading order.

Two passes, coarse then fine (a cascade with small label sets):

1. **Zones.** Furniture (running heads, footers, folios), the contents page, the colophon, and
   rotated text (credits) are settled first.
2. **Roles** for the rest, every test relative to the body style:

   * body: body size, weight and slant, outside frames;
   * fact box: text inside a drawn frame that holds a box's worth of text;
   * title: at least ``TITLE_RATIO`` times the body size, few lines, not inside the text flow;
   * pull-quote: larger than body, inside the text flow (body text directly above and below),
     or repeating a sentence of the body;
   * subheading: a short bold line at about body size inside the flow;
   * kicker, section label, standfirst, byline: the title group, found around each title;
   * credit and caption: photo credits by their words, captions by small type near an image.

Every decision carries a short ``reason`` for audits and ``olparse debug``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from typing import Sequence

import regex
from rapidfuzz import fuzz

from .dehyphenate import calendar_words
from .furniture import Furniture, is_contents_page
from .layout import is_sentence_like
from .model import Block, PageLayout
from .paragraphs import BULLET_START, starts_lowercase
from .style import DocStyle

TITLE_RATIO = 1.6
QUOTE_RATIO = 1.15
#: Above this many times the body size, text is display type, never a pull-quote.
MAX_QUOTE_RATIO = 3.0
#: rapidfuzz partial_ratio at which a large text counts as repeating the body.
REPEAT_SCORE = 85
#: At most this many words on a frame, one or two a line, are text inside a picture.
MAX_IMAGE_TEXT_WORDS = 14
#: Text covering less than this share of its frame sits on a picture, not in a box.
SPARSE_TEXT_SHARE = 0.15
SMALL_RATIO = 0.9
#: How far (in body line heights) text must be to count as directly above or below.
FLOW_REACH_LINES = 3.0
CREDIT = regex.compile(r"^\s*(foto|fotos|photo|photos|illustration|illustrationer|ill\.|tegning|grafik|"
                       r"billede|kilde: foto|foto og tekst|cover|forsidefoto|forsideillustration)\b\s*[:.]?", regex.I)
#: A figure's or a table's caption: its label, a number and a colon or a full stop
#: (``Tabelle 6:``, ``Figure 4.``, ``Figur 2:``); running text that names a figure has no stop
#: after the number (``Figure 4 shows``).
CAPTION_LABEL = regex.compile(r"^\s*(figure|fig\.|figur|figuur|abbildung|abb\.|table|tabelle|tabel|tabell|tableau|"
                              r"graf|grafik|diagram|illustration)\s+\d+[a-z]?\s*[.:]\s*[\p{L}(\[]", regex.I)
#: A caption this long is a paragraph that starts with a label.
MAX_CAPTION_LINES = 12
#: A photo credit after a caption's text: ``… Foto: Frederik Hansen``, ``Photo: AP``.
TRAILING_CREDIT = regex.compile(r"(?:^|[.!?»”\"]\s+|\s[–—|/]\s*)(foto|fotos|photo|photos|illustration|tegning|grafik|"
                                r"billede|bild)\s*:\s*\p{Lu}[^.!?]{0,60}$", regex.I)
BYLINE = regex.compile(r"^\s*(af|by|von|par|tekst|text|skrevet af)\b[\s:]", regex.I)
SENTENCE_END_MARKS = (".", "!", "?", "…", "”", "\"", "»")
SLUG = regex.compile(r"\.(indd|qxp|qxd|idml|pdf)\b.{0,20}\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", regex.I)
COLOPHON = regex.compile(r"\bISSN\b|\boplag\b|\bansvarshavende\b|\budgiver|\bredaktion|\btryk\b|\bcolophon\b", regex.I)


class Role(str, Enum):
    """What a block is on the page. Values are the JSON names."""

    SECTION = "section"
    KICKER = "kicker"
    TITLE = "title"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    BODY = "body"
    SUBHEADING = "subheading"
    FACT_BOX = "fact_box"
    PULL_QUOTE = "pull_quote"
    QUOTE_ATTRIBUTION = "quote_attribution"
    CAPTION = "caption"
    CREDIT = "credit"
    RUNNING_HEAD = "running_head"
    RUNNING_FOOTER = "running_footer"
    FOLIO = "folio"
    SLUG = "slug"
    TOC = "toc"
    COLOPHON = "colophon"
    ADVERT = "advert"
    IMAGE_TEXT = "image_text"
    COVER = "cover"
    OTHER = "other"


FURNITURE_ROLES = {Role.RUNNING_HEAD, Role.RUNNING_FOOTER, Role.FOLIO, Role.SLUG}
TITLE_GROUP = {Role.SECTION, Role.KICKER, Role.TITLE, Role.STANDFIRST, Role.BYLINE}


@dataclass(frozen=True, slots=True)
class Labeled:
    block: Block
    role: Role
    reason: str


@dataclass(frozen=True, slots=True)
class LabeledPage:
    number: int
    width: float
    height: float
    items: tuple[Labeled, ...]
    is_contents: bool = False


def classify_pages(pages: Sequence[PageLayout], style: DocStyle, furniture: Furniture) -> list[LabeledPage]:
    texts = [body_text_of(p, style) for p in pages]
    return [classify_page(p, style, furniture, " ".join(texts[max(0, k - 1):k + 2]))
            for k, p in enumerate(pages)]


def body_text_of(page: PageLayout, style: DocStyle) -> str:
    """The page's body-style text on one line, for the pull-quote repeat test."""
    return normalise_for_match(" ".join(b.text for b in page.blocks if style.is_body_style(b.style)))


def normalise_for_match(text: str) -> str:
    text = re.sub(r"-\n(?=[a-zæøå])", "", text)
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def repeats_body(block: Block, body_text: str) -> bool:
    """True when the block's text (or most of it) is printed in the body nearby: a pull-quote."""
    quote = normalise_for_match(block.text)
    if len(quote) < 20 or not body_text:
        return False
    return fuzz.partial_ratio(quote, body_text, score_cutoff=REPEAT_SCORE) >= REPEAT_SCORE


def previous_text_item(items: Sequence[Labeled], index: int) -> Labeled | None:
    """The nearest item before ``index`` that is not furniture or a credit."""
    for k in range(index - 1, -1, -1):
        if items[k].role not in FURNITURE_ROLES and items[k].role is not Role.CREDIT:
            return items[k]
    return None


def continues_quote(prev: Block, block: Block) -> bool:
    """Same style as the pull-quote before it, and that quote stopped mid-sentence."""
    return prev.style == block.style and not prev.lines[-1].text.rstrip().endswith((".", "!", "?", "”", "\""))


def classify_page(page: PageLayout, style: DocStyle, furniture: Furniture, body_text: str = "") -> LabeledPage:
    """Label every block of ``page`` (see module docstring)."""
    contents = is_contents_page(page)
    items = [Labeled(b, *first_pass(b, page, style, furniture, contents)) for b in page.blocks]
    for k, item in enumerate(items):
        if item.role is Role.OTHER and item.reason == "":
            items[k] = second_pass(item, k, items, page, style, body_text)
    items = promote_item_headings(items, style)
    items = label_title_groups(items, style)
    items = label_attributions(items, style)
    items = label_trailing_bylines(items)
    if is_cover(page, items, style):
        items = [i if i.role in FURNITURE_ROLES or i.role in (Role.COLOPHON, Role.CREDIT) else
                 replace(i, role=Role.COVER, reason="on the cover") for i in items]
    return LabeledPage(page.number, page.width, page.height, tuple(items), contents)


def is_cover(page: PageLayout, items: Sequence[Labeled], style: DocStyle) -> bool:
    """The first page, when it holds no body text: masthead, teasers, issue number."""
    return page.number == 1 and not any(i.role is Role.BODY and len(i.block.lines) >= 3 for i in items)


# ---------------------------------------------------------------------------- first pass
def first_pass(block: Block, page: PageLayout, style: DocStyle, furniture: Furniture,
               contents: bool) -> tuple[Role, str]:
    item = furniture.item_for(page.number, block.id)
    if SLUG.search(block.text) and len(block.lines) <= 2:
        return Role.SLUG, "layout-program slug (file name, page, date)"
    if item is not None:
        return Role(item.kind), "repeats in the margin" if item.kind != "folio" else "page number in the margin"
    if block.first.rotation != 0:
        return (Role.CREDIT, "rotated credit") if CREDIT.match(block.text) else (Role.CREDIT, "rotated text")
    if looks_like_colophon(block.text) and not style.is_body_style(block.style):
        return Role.COLOPHON, "colophon words"
    if contents:
        return Role.TOC, "on the contents page"
    if CREDIT.match(block.text) and len(block.text) < 120:
        return Role.CREDIT, "credit words"
    return Role.OTHER, ""


def looks_like_colophon(text: str) -> bool:
    """An ISSN, or two different colophon words (publisher, editor, print run, printer)."""
    if re.search(r"\bISSN\b", text):
        return True
    return len({m.group(0).lower()[:5] for m in COLOPHON.finditer(text)}) >= 2


# --------------------------------------------------------------------------- second pass
def second_pass(item: Labeled, index: int, items: Sequence[Labeled], page: PageLayout, style: DocStyle,
                body_text: str = "") -> Labeled:
    block = item.block
    ratio = style.ratio(block.size)
    if block.frame is not None and is_image_text(block, page):
        return Labeled(block, Role.IMAGE_TEXT, "a few short lines on a picture (a cover, a label)")
    if block.frame is not None and is_box_frame(block, page, style):
        return Labeled(block, Role.FACT_BOX, "inside a frame")
    if CAPTION_LABEL.match(block.text) and len(block.lines) <= MAX_CAPTION_LINES:
        return Labeled(block, Role.CAPTION, "starts with a figure or table label")
    if style.is_body_style(block.style):
        return Labeled(block, Role.BODY, "body style")
    in_flow = inside_flow(block, page, style)
    sentence = is_sentence_like(block.text)
    if QUOTE_RATIO <= ratio < MAX_QUOTE_RATIO and sentence and repeats_body(block, body_text):
        return Labeled(block, Role.PULL_QUOTE, "repeats a sentence of the body")
    prev = previous_text_item(items, index)
    if prev is not None and prev.role is Role.PULL_QUOTE and continues_quote(prev.block, block):
        return Labeled(block, Role.PULL_QUOTE, "continues the pull-quote before it")
    if ratio >= QUOTE_RATIO and in_flow and sentence:
        return Labeled(block, Role.PULL_QUOTE, "a large sentence inside the text flow")
    if QUOTE_RATIO <= ratio < TITLE_RATIO and sentence and splits_a_sentence(index, items, style):
        return Labeled(block, Role.PULL_QUOTE, "a large sentence between the halves of a body sentence")
    if ratio >= TITLE_RATIO and len(block.lines) <= 5:
        return Labeled(block, Role.TITLE, f"{ratio:.1f}x body size")
    if ratio < SMALL_RATIO and near_image(block, page, style):
        return Labeled(block, Role.CAPTION, "small type by an image")
    if TRAILING_CREDIT.search(block.text) and near_image(block, page, style):
        return Labeled(block, Role.CAPTION, "ends in a photo credit, by an image")
    if is_subheading(block, style) and followed_by_body(index, items, style):
        return Labeled(block, Role.SUBHEADING, "short bold line before body text")
    if ratio >= QUOTE_RATIO and len(block.lines) <= 3 and followed_by_body(index, items, style):
        return Labeled(block, Role.SUBHEADING, "a short heading in larger type before body text")
    if ratio >= QUOTE_RATIO and len(block.lines) <= 8 and in_flow:
        return Labeled(block, Role.PULL_QUOTE, "large type inside the text flow")
    one_line_text = len(block.text.split()) >= 6 and not block.text.rstrip().endswith(":")
    if style.is_body_size(block.size) and not block.first.bold and (len(block.lines) >= 2 or one_line_text):
        return Labeled(block, Role.BODY, "body size")
    if prev is not None and prev.role is Role.BODY and prev.block.style == block.style and not block.first.bold:
        return Labeled(block, Role.BODY, "goes on in the style of the body block before it")
    return Labeled(block, Role.OTHER, "no rule matched")


def splits_a_sentence(index: int, items: Sequence[Labeled], style: DocStyle) -> bool:
    """The body text before item ``index`` stops mid-sentence and the body text after it goes on
    in lower case: the item stands between a sentence's halves, which no heading does (a
    pull-quote that a layout program moved to the top of the next column)."""
    before = previous_text_item(items, index)
    after = next((i for i in items[index + 1:] if i.role not in FURNITURE_ROLES and i.role is not Role.CREDIT), None)
    if before is None or after is None or not style.is_body_style(before.block.style) \
            or not style.is_body_style(after.block.style):
        return False
    last = before.block.lines[-1].text.rstrip()
    return not last.endswith(SENTENCE_END_MARKS + (":",)) and starts_lowercase(after.block.first.text)


def is_box_frame(block: Block, page: PageLayout, style: DocStyle) -> bool:
    """A frame that holds more than a label: several lines, or a frame much taller than its text."""
    frame = page.frames[block.frame] if block.frame is not None and block.frame < len(page.frames) else None
    if frame is None:
        return False
    inside = [b for b in page.blocks if b.frame == block.frame]
    lines = sum(len(b.lines) for b in inside)
    return lines >= 2 and frame.bbox.height >= 2 * style.body_size


def is_image_text(block: Block, page: PageLayout) -> bool:
    """Text set on a picture-like frame (book covers, labels): a few words, one or two a line,
    or a few words that cover little of the frame."""
    inside = [b for b in page.blocks if b.frame == block.frame]
    lines = [ln for b in inside for ln in b.lines]
    words = sum(len(ln.text.split()) for ln in lines)
    if len(lines) < 2 or words > MAX_IMAGE_TEXT_WORDS:
        return False
    frame = page.frames[block.frame] if block.frame is not None and block.frame < len(page.frames) else None
    ink = sum(ln.bbox.area for ln in lines)
    sparse = frame is not None and frame.bbox.area > 0 and ink / frame.bbox.area < SPARSE_TEXT_SHARE
    return words / len(lines) < 2.5 or sparse


def inside_flow(block: Block, page: PageLayout, style: DocStyle) -> bool:
    """Body text directly above and directly below, overlapping horizontally."""
    reach = FLOW_REACH_LINES * style.body_leading
    above = below = False
    for other in page.blocks:
        if other is block or other.frame is not None or not style.is_body_style(other.style):
            continue
        if other.bbox.x_overlap(block.bbox) < 0.3 * min(other.bbox.width, block.bbox.width):
            continue
        if -style.body_size < block.bbox.top - other.bbox.bottom <= reach:
            above = True
        if -style.body_size < other.bbox.top - block.bbox.bottom <= reach:
            below = True
    return above and below


def is_subheading(block: Block, style: DocStyle) -> bool:
    ratio = style.ratio(block.size)
    if block.first.bold:
        low = 0.85
    elif (block.first.italic and not style.body.italic) or block.first.color != style.body.color:
        low = 1.0
    else:
        return False
    return low <= ratio <= 1.45 and len(block.lines) <= 3 and len(block.text) <= 160


def followed_by_body(index: int, items: Sequence[Labeled], style: DocStyle) -> bool:
    for nxt in items[index + 1:index + 4]:
        if nxt.block.frame is not None or nxt.role in (Role.CREDIT, Role.RUNNING_FOOTER, Role.FOLIO):
            continue
        return style.is_body_style(nxt.block.style)
    return False


def near_image(block: Block, page: PageLayout, style: DocStyle) -> bool:
    reach = 2.5 * style.body_leading
    for image in page.images:
        if image.bbox.x_overlap(block.bbox) <= 0 and abs(image.bbox.center_y - block.bbox.center_y) > image.bbox.height / 2:
            continue
        if -reach <= block.bbox.top - image.bbox.bottom <= reach or -reach <= image.bbox.top - block.bbox.bottom <= reach:
            return True
    for frame in page.frames:
        if frame.fill is not None and frame.bbox.height > 4 * style.body_leading and block.frame is None:
            if frame.bbox.x_overlap(block.bbox) > 0 and 0 <= block.bbox.top - frame.bbox.bottom <= reach:
                return True
    return False


# ------------------------------------------------------------------------- short items
def promote_item_headings(items: list[Labeled], style: DocStyle) -> list[Labeled]:
    """Several short items on one page (news briefs, book notices) each have a heading.

    On a page without a title whose text starts with a heading, headings that share one style,
    are larger than the body and are each followed by body text are the items' titles.
    """
    if any(i.role is Role.TITLE for i in items):
        return items
    heads = [k for k, i in enumerate(items) if is_item_heading(i, k, items, style)]
    by_style: dict = {}
    for k in heads:
        by_style.setdefault(items[k].block.style, []).append(k)
    for style_key, ks in by_style.items():
        if len(ks) < 2 or first_content_index(items, skip_labels=True) != ks[0]:
            continue
        out = list(items)
        for k in ks:
            out[k] = replace(items[k], role=Role.TITLE, reason="heading of one of several short items")
        return out
    return items


def is_item_heading(item: Labeled, k: int, items: Sequence[Labeled], style: DocStyle) -> bool:
    block = item.block
    return (item.role in (Role.SUBHEADING, Role.PULL_QUOTE, Role.OTHER) and block.frame is None
            and len(block.lines) <= 3 and style.ratio(block.size) >= 1.1
            and (block.first.bold or style.ratio(block.size) >= 1.3) and followed_by_body(k, items, style))


def first_content_index(items: Sequence[Labeled], skip_labels: bool = False) -> int | None:
    """Index of the first item that is neither furniture, a credit, nor a short label."""
    for k, item in enumerate(items):
        if item.role in FURNITURE_ROLES or item.role in (Role.CREDIT, Role.IMAGE_TEXT) or item.block.frame is not None:
            continue
        if item.role in (Role.OTHER, Role.SECTION) and len(item.block.lines) == 1 and len(item.block.text.split()) <= 3:
            if not skip_labels:
                return k
            continue
        return k
    return None


def label_trailing_bylines(items: list[Labeled]) -> list[Labeled]:
    """A byline set after the text it signs: ``AF …`` under a news brief, or a bare name right
    after the last sentence of an article (a signature)."""
    out = list(items)
    for k, item in enumerate(out):
        if item.role is not Role.OTHER or len(item.block.lines) > 2:
            continue
        if looks_like_byline(item.block):
            out[k] = replace(item, role=Role.BYLINE, reason="byline words")
        elif looks_like_signature(item.block) and signs_body(out, k):
            out[k] = replace(item, role=Role.BYLINE, reason="a name signing the text above")
    return out


def looks_like_signature(block: Block) -> bool:
    """One line of two to four capitalised words: a name."""
    words = block.text.split()
    return (len(block.lines) == 1 and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
            and not any(ch.isdigit() for ch in block.text) and not block.text.rstrip().endswith(SENTENCE_END_MARKS))


def signs_body(items: Sequence[Labeled], k: int) -> bool:
    """The text just before item ``k`` is body that ends a sentence."""
    prev = next((items[j] for j in range(k - 1, -1, -1) if items[j].role not in FURNITURE_ROLES), None)
    return prev is not None and prev.role is Role.BODY and \
        prev.block.lines[-1].text.rstrip().endswith(SENTENCE_END_MARKS)


# -------------------------------------------------------------------------- title groups
def label_title_groups(items: list[Labeled], style: DocStyle) -> list[Labeled]:
    """Around each title: kicker and section label before it, standfirst and byline after it."""
    out = list(items)
    for k, item in enumerate(out):
        if item.role is not Role.TITLE:
            continue
        label_before_title(out, k, style)
        label_after_title(out, k, style)
    return out


def label_before_title(items: list[Labeled], k: int, style: DocStyle) -> None:
    title = items[k].block
    j = k - 1
    seen_kicker = False
    while j >= 0:
        item = items[j]
        block = item.block
        if item.role in (Role.RUNNING_HEAD, Role.CREDIT, Role.FOLIO, Role.RUNNING_FOOTER, Role.IMAGE_TEXT):
            j -= 1
            continue
        if item.role not in (Role.OTHER, Role.SUBHEADING, Role.CAPTION) or block.size >= title.size:
            break
        far = title.bbox.top - block.bbox.bottom > 6 * style.body_leading
        if looks_like_byline(block) or (far and not (looks_like_section_label(block, style)
                                                     and first_content_index(items) == j)):
            break
        if item.role is Role.CAPTION and not looks_like_section_label(block, style):
            j -= 1
            continue
        if not seen_kicker and looks_like_signature(block) and style.ratio(block.size) <= 1.05 \
                and not block.first.bold:
            items[j] = replace(item, role=Role.BYLINE, reason="a name over the title")
            j -= 1
            continue
        if not seen_kicker and not looks_like_section_label(block, style):
            if not looks_like_kicker(block, style):
                break
            items[j] = replace(item, role=Role.KICKER, reason="short line above the title")
            seen_kicker = True
        else:
            items[j] = replace(item, role=Role.SECTION, reason="label above the title")
        j -= 1


def looks_like_kicker(block: Block, style: DocStyle) -> bool:
    """A short lead-in over the title: about body size or larger, or ending in a colon."""
    return len(block.lines) <= 2 and (style.ratio(block.size) >= 0.9 or block.text.rstrip().endswith(":"))


def looks_like_section_label(block: Block, style: DocStyle) -> bool:
    """One short line in capitals (or in a frame) that is not a dateline."""
    letters = [c for c in block.text if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper()) / max(1, len(letters))
    return len(block.lines) == 1 and (caps > 0.8 or block.frame is not None) and len(block.text) <= 40 \
        and not is_date(block.text)


def is_date(text: str) -> bool:
    """A dateline such as ``FREDAG 1. JANUAR 2021``, ``Januar 2024``, ``1.1.2021``: a number with
    a weekday or month name, or a numeric date. It dates a page; it names no section."""
    if re.search(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", text):
        return True
    return bool(re.search(r"\d", text)) and any(w in calendar_words() for w in re.findall(r"[^\W\d_]+", text.lower()))


def label_after_title(items: list[Labeled], k: int, style: DocStyle) -> None:
    title = items[k].block
    have_standfirst = have_byline = False
    for j in range(k + 1, min(len(items), k + 6)):
        item = items[j]
        block = item.block
        if not have_byline and item.role in (Role.OTHER, Role.CAPTION, Role.SUBHEADING) and looks_like_byline(block):
            items[j] = replace(item, role=Role.BYLINE, reason="byline words after the title")
            have_byline = True
            continue
        if not have_byline and item.role is Role.OTHER and looks_like_signature(block) \
                and block.size <= 0.6 * title.size:
            items[j] = replace(item, role=Role.BYLINE, reason="a name under the title")
            have_byline = True
            continue
        if item.role in (Role.CREDIT, Role.RUNNING_HEAD, Role.RUNNING_FOOTER, Role.FOLIO, Role.CAPTION):
            continue
        if item.role is Role.TITLE and block.size >= title.size * 0.9 and block.bbox.top - title.bbox.bottom < style.body_leading * 2:
            continue
        if item.role is Role.BODY or item.role is Role.FACT_BOX:
            break
        if not have_standfirst and not have_byline and item.role in (Role.OTHER, Role.PULL_QUOTE, Role.SUBHEADING) \
                and block.size >= style.body_size * 0.95 and len(block.lines) <= 10 and len(block.text.split()) >= 4 \
                and not is_list(block):
            items[j] = replace(item, role=Role.STANDFIRST, reason="lead text under the title")
            have_standfirst = True
            continue
        break


def is_list(block: Block) -> bool:
    """Two or more lines that start at a bullet or an item number: a list, which is body text
    (a standfirst is lead prose, one paragraph)."""
    return sum(bool(BULLET_START.match(line.text)) for line in block.lines) >= 2


def looks_like_byline(block: Block) -> bool:
    text = block.text
    if len(text) > 220 or len(block.lines) > 3:
        return False
    if BYLINE.match(text):
        return True
    main = re.split(r"\s(?:\||//|•)\s", text)[0]
    letters = [c for c in main if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper()) / max(1, len(letters))
    return caps > 0.8 and bool(re.search(r"\b(AF|BY|VON|PAR)\b", main))


def label_attributions(items: list[Labeled], style: DocStyle) -> list[Labeled]:
    """A short caps line right after a pull-quote names who said it."""
    out = list(items)
    for k in range(1, len(out)):
        prev, item = out[k - 1], out[k]
        if prev.role is Role.PULL_QUOTE and item.role in (Role.OTHER, Role.CAPTION, Role.SUBHEADING):
            letters = [c for c in item.block.text if c.isalpha()]
            caps = sum(1 for c in letters if c.isupper()) / max(1, len(letters))
            close = item.block.bbox.top - prev.block.bbox.bottom < 2 * style.body_leading
            if caps > 0.7 and close and len(item.block.lines) <= 3:
                out[k] = replace(item, role=Role.QUOTE_ATTRIBUTION, reason="caps line under a pull-quote")
    return out
