"""Page geometry, text styles and the set blocks that articles are built from.

A :class:`Context` carries what every layout step needs (fonts, geometry, styles, features, the
seeded random generator). Blocks of fixed width -- a figure with caption and credit, a pull-quote,
a fact box, a stack of lines -- are set at the origin as :class:`Block` and moved into place
with :meth:`Block.at`; the article layout (``articles.py``) decides where.

Every line that ends in a hyphen is reported as a :class:`HyphenEvent`, which the truth writer
turns into the ``*_hyphen_at_line_end`` lists.

Restrictions: one accent colour per issue; type sizes are fixed ratios of the body size.
"""

from __future__ import annotations

import dataclasses
import random
import re
from dataclasses import dataclass, field

from .flow import BASELINE_RATIO, Cursor, Slot, place
from .fonts import FontSet
from .linebreak import Line, LineBreaker, TextStyle, display
from .render import Group, RectOp, TextOp

GRAY_IMAGE = (0.78, 0.78, 0.78)
TINT = (0.93, 0.90, 0.84)
COVER = (0.32, 0.36, 0.42)
BULLET = "\u2022"
NBSP = "\u00a0"
MAX_EXTRA_SPACE = 1.6  # widest extra word space, in space widths, before letters are spaced
MAX_TRACKING = 0.6  # widest letter spacing (points) of a loose justified line
_NBSP_NUMBER = re.compile(r"(\d) (\d{3})\b")
_NBSP_AFTER = re.compile(r"\b(fx|kl\.|pr\.|nr\.) ")


@dataclass(frozen=True, slots=True)
class Geometry:
    """Page size and margins in points (top-left origin)."""

    width: float
    height: float
    margin: float = 42.0
    top: float = 64.0
    bottom: float = 66.0
    gutter: float = 13.0

    @property
    def left(self) -> float:
        return self.margin

    @property
    def right(self) -> float:
        return self.width - self.margin

    @property
    def inner(self) -> float:
        """Width of the type area."""
        return self.right - self.left

    @property
    def body_bottom(self) -> float:
        return self.height - self.bottom

    def columns(self, n: int) -> list[tuple[float, float]]:
        """``(x, width)`` of ``n`` equal columns across the type area."""
        w = (self.inner - self.gutter * (n - 1)) / n
        return [(self.left + i * (w + self.gutter), w) for i in range(n)]


@dataclass(frozen=True, slots=True)
class HyphenEvent:
    """A line that ends in a hyphen: ``kind`` is soft, hard or suspended."""

    kind: str
    line_end: str
    word: str
    hyphen_char: str


def make_styles(size: float, accent: tuple[float, float, float], ligatures: bool) -> dict[str, TextStyle]:
    """All text styles of an issue as ratios of the body size ``size``."""
    def s(font, k, lead=1.25, color=(0, 0, 0), lig=False):
        return TextStyle(font, round(size * k, 2), round(size * k * lead, 2), color, lig)

    return {
        "body": s("serif", 1.0, 1.28, lig=ligatures), "heading": s("sans-cbold", 1.05, 1.25),
        "title": s("sans-bold", 2.7, 1.08), "kicker": s("sans-bold", 1.2, 1.2, accent),
        "standfirst": s("serif-bold", 1.22, 1.3), "byline": s("sans", 0.8, 1.3, accent),
        "caption": s("serif-italic", 0.85, 1.25), "credit": s("helv", 0.6),
        "quote": s("sans-bold", 1.4, 1.2, accent), "attribution": s("sans", 0.72, 1.3),
        "box_title": s("sans-cbold", 1.05, 1.25), "box": s("sans", 0.88, 1.28, lig=ligatures),
        "brief_title": s("sans-bold", 1.3, 1.15), "running": s("sans-cbold", 0.85, 1.2, accent),
        "footer": s("sans", 0.8), "toc_number": s("sans-bold", 2.0, 1.0, accent),
        "toc_label": s("sans-cbold", 0.8, 1.3, accent), "toc_title": s("serif", 1.2, 1.2),
        "colophon": s("sans", 0.82, 1.3), "masthead": s("sans-bold", 4.6, 1.0, accent),
        "teaser": s("sans-bold", 1.5, 1.2), "bibliography": s("serif-italic", 1.0, 1.28),
    }


@dataclass(slots=True)
class Context:
    """Everything the layout functions share for one issue."""

    fonts: FontSet
    geo: Geometry
    styles: dict[str, TextStyle]
    rng: random.Random
    features: object
    paragraph_style: str = "indent"
    hyphen_rng: random.Random = field(default_factory=lambda: random.Random(0))
    _breakers: dict = field(default_factory=dict)

    def breaker(self, style: str, hyphenate: bool | str = True) -> LineBreaker:
        """A cached :class:`LineBreaker` for a named style."""
        key = (style, hyphenate)
        if key not in self._breakers:
            ratio = 0.35 if getattr(self.features, "soft_hyphen_glyphs", False) else 0.0
            self._breakers[key] = LineBreaker(self.fonts, self.styles[style], hyphenate=hyphenate,
                                              soft_hyphen_ratio=ratio, rng=self.hyphen_rng)
        return self._breakers[key]

    def prepare(self, text: str) -> str:
        """The text to set for a body paragraph: number groups and ``fx``/``kl.``/``pr.`` bound
        with no-break spaces when ``features.nbsp`` (the truth keeps plain spaces)."""
        if not getattr(self.features, "nbsp", False):
            return text
        return _NBSP_AFTER.sub("\\1" + NBSP, _NBSP_NUMBER.sub("\\1" + NBSP + "\\2", text))

    def set_text(self, style: str, text: str, width: float, hyphenate: bool | str = True,
                 reserve_end: float = 0.0, indent: float = 0.0) -> list[Line]:
        """Break ``text`` in ``style`` at ``width`` (first line indented by ``indent``)."""
        return self.breaker(style, hyphenate).break_text(text, [width], [indent, 0.0], reserve_end)


def line_op(ctx: Context, line: Line, style: TextStyle, x: float, baseline: float,
            justify: bool = True) -> TextOp:
    """The :class:`TextOp` of a set line; justified lines widen their word spaces.

    Word spaces grow by at most ``MAX_EXTRA_SPACE`` space widths (extractors split looser lines
    into pieces); the rest is spread over the letters with character spacing, as InDesign does.
    """
    words = [display(w, style, ctx.fonts) for w in line.words]
    x += line.indent
    if not (justify and line.justified):
        return TextOp(x, baseline, style.font, style.size, (" ".join(words),), color=style.color)
    parts = tuple(w + " " for w in words[:-1]) + (words[-1],)
    extra = line.measure - line.natural
    cap = MAX_EXTRA_SPACE * ctx.fonts.width(style.font, " ", style.size)
    gap = min(extra / (len(words) - 1), cap)
    glyphs = sum(len(p) for p in parts)
    tracking = min((extra - gap * (len(words) - 1)) / (glyphs - 1), MAX_TRACKING) if glyphs > 1 else 0.0
    return TextOp(x, baseline, style.font, style.size, parts, gap=gap, tracking=max(0.0, tracking),
                  color=style.color)


def event_of(line: Line) -> HyphenEvent | None:
    """The hyphen event of a line, if it ends in one."""
    if line.end in ("soft", "hard", "suspended"):
        return HyphenEvent(line.end, line.words[-1], line.word, line.hyphen_char)
    return None


@dataclass(slots=True)
class Block:
    """Content set at the origin: its groups, height and hyphen events."""

    height: float
    groups: list[Group]
    events: list[HyphenEvent] = field(default_factory=list)
    texts: dict = field(default_factory=dict)

    def at(self, dx: float, dy: float) -> list[Group]:
        """The groups moved by ``(dx, dy)``."""
        return [Group(g.kind, g.order, [_shift(op, dx, dy) for op in g.ops]) for g in self.groups]


def _shift(op, dx: float, dy: float):
    if isinstance(op, TextOp):
        return dataclasses.replace(op, x=op.x + dx, y=op.y + dy)
    x0, y0, x1, y1 = op.box
    return dataclasses.replace(op, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))


class Stack:
    """Lines stacked top-down from ``y``; collects ops and hyphen events."""

    def __init__(self, ctx: Context, y: float = 0.0) -> None:
        self.ctx, self.y, self.ops, self.events = ctx, y, [], []

    def add(self, lines: list[Line], style: str, x: float = 0.0, space_before: float = 0.0,
            justify: bool = False) -> None:
        """Append ``lines`` in ``style`` at ``x``, ragged right unless ``justify``."""
        st = self.ctx.styles[style]
        self.y += space_before
        for line in lines:
            base = self.y + st.leading * BASELINE_RATIO
            self.ops.append(line_op(self.ctx, line, st, x, base, justify))
            ev = event_of(line)
            if ev:
                self.events.append(ev)
            self.y += st.leading


def figure_block(ctx: Context, caption: str, credit: str, width: float, ratio: float) -> Block:
    """A grey image placeholder, its caption below and its credit (rotated along the right edge
    when ``features.rotated_credits``, else a caps line under the caption)."""
    h = round(width * ratio, 1)
    bg = Group("background", 0, [RectOp((0, 0, width, h), fill=GRAY_IMAGE)])
    stack = Stack(ctx, h + 4)
    stack.add(ctx.set_text("caption", caption, width, hyphenate=False), "caption")
    cst = ctx.styles["credit"]
    if getattr(ctx.features, "rotated_credits", True):
        credit_op = TextOp(width + cst.size + 1.5, h, "helv", cst.size, (credit,), rotate=90)
    else:
        stack.y += 1
        credit_op = TextOp(0, stack.y + cst.size, "helv", cst.size, (credit,))
        stack.y += cst.leading
    fig = Group("figure", 500, stack.ops + [credit_op])
    return Block(stack.y, [bg, fig], stack.events, {"caption": caption, "credit": credit})


def cover_block(ctx: Context, title: str, author: str, width: float) -> Block:
    """A book-cover placeholder with the title and author printed inside the image: text that
    is part of a picture, which extractors find but which is not article text."""
    h = round(width * 1.4, 1)
    stack = Stack(ctx, 8)
    stack.add(ctx.set_text("box_title", title, width - 12, hyphenate=False), "box_title", x=6)
    stack.add(ctx.set_text("attribution", author.upper(), width - 12, hyphenate=False), "attribution",
              x=6, space_before=4)
    ops = [dataclasses.replace(op, color=(1.0, 1.0, 1.0)) for op in stack.ops]
    bg = Group("background", 0, [RectOp((0, 0, width, h), fill=COVER)])
    return Block(h, [bg, Group("figure", 500, ops)], [], {"text": f"{title} {author.upper()}"})


def quote_block(ctx: Context, text: str, attribution: str, width: float) -> Block:
    """A pull-quote between two accent rules, with an optional caps attribution."""
    accent = ctx.styles["quote"].color
    stack = Stack(ctx, 7)
    stack.add(ctx.set_text("quote", text, width, hyphenate="long"), "quote")
    if attribution:
        stack.add(ctx.set_text("attribution", attribution, width, hyphenate=False), "attribution",
                  space_before=4)
    h = stack.y + 6
    rules = Group("background", 0, [RectOp((0, 0, width, 1.2), fill=accent),
                                   RectOp((0, h - 1.2, width, h), fill=accent)])
    return Block(h, [rules, Group("quote", 600, stack.ops)], stack.events)


def box_block(ctx: Context, title: str, paragraphs: list[str], bullets: bool, width: float,
              ncols: int = 1, tinted: bool = True) -> Block:
    """A fact box (tinted or framed) with a title and paragraphs or bullets in ``ncols`` columns."""
    pad, gutter = 7.0, 10.0
    inner = width - 2 * pad
    head = Stack(ctx, pad)
    if title:
        head.add(ctx.set_text("box_title", title, inner, hyphenate=False), "box_title", x=pad)
        head.y += 3
    col_w = (inner - gutter * (ncols - 1)) / ncols
    dx = ctx.styles["box"].size * 1.1 if bullets else 0.0
    paras = [ctx.set_text("box", p, col_w - dx) for p in paragraphs]
    placed, slots = _balance(ctx, paras, col_w, head.y, pad, gutter, ncols)
    body_ops, events = _box_body_ops(ctx, paras, placed, slots, dx, bullets)
    h = max(head.y, max(p.baseline for p in placed) + ctx.styles["box"].leading * 0.4) + pad
    frame = RectOp((0, 0, width, h), fill=TINT) if tinted else RectOp((0, 0, width, h), stroke=(0.3, 0.3, 0.3), line_width=0.8)
    groups = [Group("background", 0, [frame]), Group("box_body", 710, body_ops)]
    if title:
        groups.append(Group("box_title", 700, head.ops))
    return Block(h, groups, head.events + events)


def _balance(ctx: Context, paras: list[list[Line]], col_w: float, top: float, pad: float,
             gutter: float, ncols: int):
    """Place box paragraphs into ``ncols`` columns of the least height that holds them all."""
    st = ctx.styles["box"]
    flat = [line for p in paras for line in p]
    height = st.leading * (-(-len(flat) // ncols)) + st.leading * 0.5
    while True:
        slots = [Slot(0, c, pad + c * (col_w + gutter), top, top + height, col_w) for c in range(ncols)]
        placed, cur = [], Cursor(0, top)
        for lines in paras:
            res = place(slots, cur, lines, st.leading, space_before=st.leading * 0.3)
            if res is None:
                break
            placed.append(res[0])
            cur = res[1]
        else:
            return [p for group in placed for p in group], slots
        height += st.leading


def _box_body_ops(ctx: Context, paras: list[list[Line]], placed, slots, dx: float, bullets: bool):
    """Ops and hyphen events of placed box lines; bullets go before each item's first line."""
    st = ctx.styles["box"]
    firsts = {id(p[0]) for p in paras if p}
    ops, events = [], []
    for pl in placed:
        x = slots[pl.slot].x + dx
        ops.append(line_op(ctx, pl.line, st, x, pl.baseline))
        if bullets and id(pl.line) in firsts:
            ops.append(TextOp(x - dx, pl.baseline, st.font, st.size, (BULLET,)))
        ev = event_of(pl.line)
        if ev:
            events.append(ev)
    return ops, events


def spaced(ctx: Context, text: str, x: float, y: float, style: str, tracking: float,
           align_right: bool = False) -> TextOp:
    """A letter-spaced line (``T E M A``) using character spacing; right-aligned if asked."""
    st = ctx.styles[style]
    if align_right:
        w = ctx.fonts.width(st.font, text, st.size) + tracking * len(text)
        x -= w
    return TextOp(x, y, st.font, st.size, (text,), tracking=tracking, color=st.color)
