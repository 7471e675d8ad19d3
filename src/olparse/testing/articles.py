"""Laying out one article over one or more pages, and a page of short items.

Input: an :class:`~olparse.testing.texts.ArticleText`, a target number of pages and columns.
Output: an :class:`ArticleResult` with the drawing groups of each page and everything the truth
needs (printed body blocks, boxes, quotes, captions, credits, hyphen events, end mark).

Algorithm for an article:

1. Page 0 gets the head: an optional full-width image, the kicker, the title across all
   columns, the standfirst and the byline. The section label is the running head of every page.
2. Obstacles are planned (a column image on page 0, a pull-quote mid-column on page 1 or 0, a
   fact box at the foot of a column or across the page foot on the last page, a bio box) and
   cut out of the columns, giving the slots (see ``flow.py``).
3. Body blocks are drawn from the article's paragraph source and placed until one no longer
   fits; up to two short filler paragraphs then try to use the remaining space. A trailing
   heading is dropped. Text therefore ends somewhere on the last target page.
4. The end mark goes after the last word (room for it is reserved on every paragraph's last
   line); obstacles whose text did not fit are left out of the page and of the truth.

A short-items page stacks several items (news briefs or book notices) through the columns of
one page and keeps only items that fit whole. With ``features.image_text`` a book notice opens
with a cover image whose title and author are printed inside it (furniture, not content).

With ``features.drop_caps`` the first paragraph starts with a large initial spanning three
lines (extractors then split the first word: ``V`` + ``i har lært``).

Restrictions: an article always starts on a new page; no jumps ("continued on
page ..."), no spreads; a paragraph cannot be wider than a column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .flow import Cursor, Slot, at_top, cut_slots, place, place_space
from .layout import (Block, Context, Stack, box_block, cover_block, event_of, figure_block, line_op,
                     quote_block, spaced)
from .linebreak import core_word
from .render import Group, TextOp
from .texts import ArticleText

MAX_BLOCKS = 400
DROP_LINES = 3
OBSTACLE_GAP = 10.0


@dataclass(slots=True)
class ArticleResult:
    """Pages of groups plus the truth of one article (pages are relative to its first page)."""

    art: ArticleText
    pages: list[list[Group]]
    body: list[dict] = field(default_factory=list)
    boxes: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    events: list[tuple[int, object]] = field(default_factory=list)
    end_mark: str = ""
    end_page: int = 0
    info: dict = field(default_factory=dict)
    drop_cap: dict = field(default_factory=dict)
    image_texts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Obstacle:
    """A set block placed in a column (``column`` = -1: across all columns)."""

    page: int
    column: int
    where: str
    block: Block
    kind: str
    payload: object = None


def running_head(ctx: Context, label: str, kind: str) -> Group:
    """The section label at the page top, letter-spaced when the features ask for it."""
    tracking = 2.4 if getattr(ctx.features, "letterspaced_heads", True) else 0.0
    return Group(kind, 1, [spaced(ctx, label, ctx.geo.left, ctx.geo.top - 26, "running", tracking)])


def layout_head(ctx: Context, art: ArticleText, y: float) -> tuple[list[Group], float]:
    """Kicker, title, standfirst and byline from ``y`` across the type area."""
    geo, groups = ctx.geo, []
    parts = [("kicker", art.kicker, 1.0), ("title", art.title, 1.0),
             ("standfirst", art.standfirst, 0.75), ("byline", art.byline, 0.75)]
    for kind, text, share in parts:
        if not text:
            continue
        stack = Stack(ctx, y)
        stack.add(ctx.set_text(kind, text, geo.inner * share, hyphenate=False), kind, x=geo.left)
        groups.append(Group(kind, {"kicker": 2, "title": 3, "standfirst": 4, "byline": 5}[kind], stack.ops))
        y = stack.y + (6 if kind in ("title", "standfirst") else 3)
    return groups, y + 8


def plan_obstacles(ctx: Context, art: ArticleText, n_pages: int, cols: list, opener: str) -> list[Obstacle]:
    """Decide where the figure, pull-quote and boxes of an article go (see module docstring)."""
    rng, out = ctx.rng, []
    width = cols[0][1]
    last = len(cols) - 1
    if art.figures and opener == "column":
        fig = art.figures[0]
        out.append(Obstacle(0, last, "top", figure_block(ctx, fig.caption, fig.credit, width, 1.1), "figure", fig))
    for q in art.quotes:
        page = 1 if n_pages > 1 else 0
        col = 0 if page > 0 or len(cols) < 3 else 1
        out.append(Obstacle(page, col, "middle", quote_block(ctx, q.text, q.attribution, width), "quote", q))
    across_foot: set[int] = set()  # pages whose foot holds a box across the columns
    for i, box in enumerate(art.boxes):
        tinted = rng.random() < 0.7
        # a one-page article with two boxes keeps both in columns: a box across the page foot
        # would leave no free place for the second one
        if i == 0 and len(cols) > 1 and rng.random() < 0.5 and not (n_pages == 1 and len(art.boxes) > 1):
            blk = box_block(ctx, box.title, box.paragraphs, box.bullets, ctx.geo.inner, 2, tinted)
            out.append(Obstacle(n_pages - 1, -1, "bottom", blk, "box", box))
            across_foot.add(n_pages - 1)
        else:
            page, col = (n_pages - 1, last) if i == 0 else (0, 0)
            where = "bottom"
            if page in across_foot:  # never draw a box over the box across the page foot
                col, where = last, "middle"
            blk = box_block(ctx, box.title, box.paragraphs, box.bullets, width, 1, tinted)
            out.append(Obstacle(page, col, where, blk, "box", box))
    return out


def obstacle_position(ob: Obstacle, cols: list, top: float, bottom: float) -> tuple[float, float]:
    """Top-left corner of an obstacle on its page."""
    x = cols[0][0] if ob.column < 0 else cols[ob.column][0]
    h = ob.block.height
    if ob.where == "top":
        return x, top
    if ob.where == "bottom":
        return x, bottom - h
    return x, round(top + (bottom - top - h) * 0.45, 1)


def page_slots(ctx: Context, page: int, cols: list, top: float, obstacles: list[Obstacle],
               res: ArticleResult) -> tuple[list[Slot], list[Group]]:
    """Slots of one page after cutting out its obstacles, and the obstacles' groups."""
    bottom, cuts, groups = ctx.geo.body_bottom, {}, []
    min_h = ctx.styles["body"].leading * 2
    for ob in (o for o in obstacles if o.page == page):
        x, y = obstacle_position(ob, cols, top, bottom)
        if y < top - 0.1 or y + ob.block.height > bottom + 0.1:
            continue  # does not fit on this page: left out
        for c in (range(len(cols)) if ob.column < 0 else [ob.column]):
            cuts.setdefault(c, []).append((y - OBSTACLE_GAP, y + ob.block.height + OBSTACLE_GAP))
        groups += ob.block.at(x, y)
        record_obstacle(res, ob, page)
    return cut_slots(page, cols, top, bottom, cuts, min_h), groups


def record_obstacle(res: ArticleResult, ob: Obstacle, page: int) -> None:
    """Put a placed obstacle's content into the article's truth."""
    p = ob.payload
    if ob.kind == "figure":
        res.captions.append(p.caption)
        res.credits.append(p.credit)
    elif ob.kind == "quote":
        res.quotes.append({"text": p.text, "attribution": p.attribution})
    else:
        res.boxes.append({"title": p.title, "paragraphs": list(p.paragraphs)})
    res.events += [(page, ev) for ev in ob.block.events]


def end_mark_op(ctx: Context, placed, slots: list[Slot]) -> tuple[TextOp, str]:
    """The end mark after the last placed line: ``n`` in ZapfDingbats or ``■`` in the body font."""
    st = ctx.styles["body"]
    last = placed[-1]
    x = slots[last.slot].x + last.line.indent + last.line.natural + ctx.fonts.width(st.font, " ", st.size)
    if getattr(ctx.features, "dingbat_end_mark", False) or not ctx.fonts.has(st.font, "\u25a0"):
        return TextOp(x, last.baseline, "zadb", st.size * 0.75, ("n",)), "n"
    return TextOp(x, last.baseline, st.font, st.size * 0.8, ("\u25a0",)), "\u25a0"


def body_lines(ctx: Context, kind: str, text: str, width: float, first: bool, reserve: float):
    """Set one body block; paragraphs after the first are indented in the ``indent`` style."""
    if kind == "heading":
        return ctx.set_text("heading", text, width, hyphenate=False)
    indent = ctx.styles["body"].size * 1.2 if ctx.paragraph_style == "indent" and not first else 0.0
    return ctx.set_text("body", ctx.prepare(text), width, reserve_end=reserve, indent=indent)


def drop_cap_letter(ctx: Context, art: ArticleText, text: str) -> str:
    """The letter to set as a drop cap, or ``""`` (feature off, short item, no initial letter)."""
    if not getattr(ctx.features, "drop_caps", False) or art.kind in ("brief", "book"):
        return ""
    return text[0] if text[0].isalpha() and len(core_word(text.split(" ", 1)[0])) > 1 else ""


def drop_cap_size(ctx: Context) -> float:
    """A drop cap spans ``DROP_LINES`` body lines: its cap height fills the lines above the last."""
    return round(ctx.styles["body"].leading * (DROP_LINES - 1) / 0.73 + ctx.styles["body"].size * 0.73, 2)


def drop_cap_lines(ctx: Context, text: str, width: float, reserve: float, cap: str):
    """Set a first paragraph without its first letter, the first lines indented past the cap."""
    capw = ctx.fonts.width("sans-bold", cap, drop_cap_size(ctx)) + 3
    return ctx.breaker("body").break_text(ctx.prepare(text[1:]), [width], [capw] * DROP_LINES + [0.0], reserve)


def flow_body(ctx: Context, art: ArticleText, slots: list[Slot]):
    """Place body blocks from the article's source until the slots are full.

    Returns ``(blocks, cap)``: ``blocks`` as ``(kind, text, placed)`` and the drop-cap letter
    of the first paragraph (``""`` if none).
    """
    st, width = ctx.styles["body"], slots[0].width
    reserve = ctx.fonts.width(st.font, " \u25a0", st.size) + 1
    blocks, cur, failures, prev, cap = [], Cursor(0, slots[0].top), 0, "heading", ""
    while failures < 3 and len(blocks) < MAX_BLOCKS:
        kind, text = art.source.next_block() if failures == 0 else ("paragraph", art.source.filler())
        letter = drop_cap_letter(ctx, art, text) if not blocks and kind == "paragraph" else ""
        if letter:
            lines = drop_cap_lines(ctx, text, width, reserve, letter)
        else:
            lines = body_lines(ctx, kind, text, width, prev == "heading", reserve)
        before = st.leading * (0.6 if kind == "heading" else (0.45 if ctx.paragraph_style == "space" else 0))
        keep = len(lines) + 2 if kind == "heading" else (DROP_LINES if letter else 1)
        res = place(slots, cur, lines, ctx.styles[kind if kind == "heading" else "body"].leading,
                    before, keep=keep, keep_leading=st.leading)
        if res is None:
            failures += 1
            continue
        blocks.append((kind, text, res[0]))
        cur, prev, cap = res[1], kind, cap or letter
    while blocks and blocks[-1][0] == "heading":
        blocks.pop()
    return blocks, cap


def drop_cap_group(ctx: Context, cap: str, first, slots: list[Slot]) -> Group:
    """The drop cap, its baseline on the paragraph's ``DROP_LINES``-th line."""
    st = ctx.styles["body"]
    y = first.baseline + st.leading * (DROP_LINES - 1)
    op = TextOp(slots[first.slot].x, y, "sans-bold", drop_cap_size(ctx), (cap,), color=ctx.styles["kicker"].color)
    return Group("dropcap", 9.5, [op])


def body_groups(ctx: Context, blocks, slots: list[Slot], res: ArticleResult) -> dict[int, Group]:
    """One ``body`` group per used slot, with the lines in reading order; fills the truth body."""
    groups: dict[int, Group] = {}
    for kind, text, placed in blocks:
        st = ctx.styles["heading" if kind == "heading" else "body"]
        res.body.append({"type": kind, "text": text})
        for pl in placed:
            slot = slots[pl.slot]
            g = groups.setdefault(pl.slot, Group("body", 10 + pl.slot, []))
            g.ops.append(line_op(ctx, pl.line, st, slot.x, pl.baseline, kind != "heading"))
            ev = event_of(pl.line)
            if ev:
                res.events.append((slot.page, ev))
    return groups


def layout_article(ctx: Context, art: ArticleText, n_pages: int, ncols: int, opener: str,
                   end_mark: bool) -> ArticleResult:
    """Lay out ``art`` on ``n_pages`` pages of ``ncols`` columns (see module docstring).

    If no body text fits (a small page filled by the opener image and the head), the article is
    laid out again without the opener image and with one more page.
    """
    res = layout_article_once(ctx, art, n_pages, ncols, opener, end_mark)
    if not res.body:
        res = layout_article_once(ctx, art, n_pages + 1, ncols, "none", end_mark)
    return res


def layout_article_once(ctx: Context, art: ArticleText, n_pages: int, ncols: int, opener: str,
                        end_mark: bool) -> ArticleResult:
    """One layout attempt of :func:`layout_article`."""
    geo = ctx.geo
    cols = geo.columns(ncols)
    res = ArticleResult(art, [[running_head(ctx, art.section, "section" if p == 0 else "furniture")]
                              for p in range(n_pages)])
    y = geo.top
    if opener == "top" and art.figures:
        fig = art.figures[0]
        blk = figure_block(ctx, fig.caption, fig.credit, geo.inner - 12, 0.38)
        res.pages[0] += blk.at(geo.left, y)
        record_obstacle(res, Obstacle(0, -1, "top", blk, "figure", fig), 0)
        y += blk.height + 10
    head, y = layout_head(ctx, art, y)
    res.pages[0] += head
    obstacles = plan_obstacles(ctx, art, n_pages, cols, opener)
    slots = []
    for p in range(n_pages):
        s, groups = page_slots(ctx, p, cols, y if p == 0 else geo.top, obstacles, res)
        slots += s
        res.pages[p] += groups
    blocks, cap = flow_body(ctx, art, slots)
    groups = body_groups(ctx, blocks, slots, res)
    if cap:
        first = blocks[0][2][0]
        res.pages[slots[first.slot].page].append(drop_cap_group(ctx, cap, first, slots))
        res.drop_cap = {"letter": cap, "word": core_word(blocks[0][1].split(" ", 1)[0]), "page": slots[first.slot].page}
    if end_mark and blocks:
        op, res.end_mark = end_mark_op(ctx, blocks[-1][2], slots)
        last = blocks[-1][2][-1].slot
        groups[last].ops.append(op)
        res.end_page = slots[last].page
    for i, g in groups.items():
        res.pages[slots[i].page].append(g)
    res.info = {"columns": ncols, "opener_image": opener, "pages": n_pages,
                "fact_boxes": [o.where if o.column >= 0 else "pagebottom" for o in obstacles if o.kind == "box"]}
    return res


def layout_items(ctx: Context, items: list[ArticleText], ncols: int, label: str) -> list[ArticleResult]:
    """One page of short items (briefs or book notices); only items that fit whole are kept."""
    cols = ctx.geo.columns(ncols)
    slots = cut_slots(0, cols, ctx.geo.top, ctx.geo.body_bottom, {}, ctx.styles["body"].leading * 2)
    cur, results = Cursor(0, slots[0].top), []
    page_groups = [running_head(ctx, label, "section")]
    for idx, art in enumerate(items):
        res = ArticleResult(art, [])
        done = place_item(ctx, art, slots, cur, res, idx)
        if done is None:
            break
        groups, cur = done
        page_groups += groups
        results.append(res)
    if results:
        results[0].pages = [page_groups]
        for r in results[1:]:
            r.pages = [[]]
    return results


def place_item(ctx: Context, art: ArticleText, slots: list[Slot], cur: Cursor, res: ArticleResult,
               idx: int):
    """Place one short item (cover, title, paragraphs, closing line, byline) or return ``None``."""
    w, st, base = slots[0].width, ctx.styles["body"], 10 + 10 * idx
    extra, title_before = [], 14 if not at_top(slots, cur) else 0
    if art.kind == "book" and getattr(ctx.features, "image_text", False):
        cover = cover_block(ctx, art.title, art.author, round(w * 0.5, 1))
        spot = place_space(slots, cur, cover.height, title_before)
        if spot is None:
            return None
        extra = cover.at(slots[spot[0]].x, spot[1])
        for g in extra:
            g.order = base + spot[0] - 0.2  # just before the item's title
        res.image_texts.append(cover.texts["text"])
        cur, title_before = spot[2], 4
    plan = [("brief_title", art.title, title_before, "heading")]
    plan += [("body", art.source.paragraph(2, 3), st.leading * 0.3, "paragraph") for _ in range(ctx.rng.randint(1, 2))]
    if art.closing:
        plan.append(("bibliography", art.closing, st.leading * 0.3, "paragraph"))
    if art.byline:
        plan.append(("byline", art.byline, 3, "byline"))
    placed_all = []
    for style, text, before, kind in plan:
        lines = ctx.set_text(style, text, w, hyphenate=style != "brief_title")
        out = place(slots, cur, lines, ctx.styles[style].leading, before,
                    keep=len(lines) + 2 if kind == "heading" else 1, keep_leading=st.leading)
        if out is None:
            return None
        placed_all.append((style, text, kind, out[0]))
        cur = out[1]
    return extra + item_groups(ctx, slots, placed_all, res, base), cur


def item_groups(ctx: Context, slots: list[Slot], placed_all, res: ArticleResult, base: float) -> list[Group]:
    """Groups and truth of a placed short item: title group, body groups per slot, byline;
    ``base`` orders the item's groups after those of the items before it."""
    groups: dict[tuple, Group] = {}
    for style, text, kind, placed in placed_all:
        if kind == "paragraph":
            res.body.append({"type": "paragraph", "text": text})
        gkind = {"heading": "title", "byline": "byline"}.get(kind, "body")
        for pl in placed:
            rank = {"title": 0.0, "body": 0.5, "byline": 0.7}[gkind]
            g = groups.setdefault((gkind, pl.slot), Group(gkind, base + pl.slot + rank, []))
            g.ops.append(line_op(ctx, pl.line, ctx.styles[style], slots[pl.slot].x, pl.baseline,
                                 kind == "paragraph"))
            ev = event_of(pl.line)
            if ev:
                res.events.append((0, ev))
    res.info = {"columns": len({s.column for s in slots}), "opener_image": "none", "pages": 1, "fact_boxes": []}
    return list(groups.values())
