"""The cover and the contents page (``INDHOLD`` with the colophon), set after the articles.

Both are set last because they print the real start pages of the articles. The cover has the
masthead, the issue label, a big image placeholder and up to three teasers (``label / title /
SIDE n``); the contents page lists every article with its printed start page first, a caps label
and the title wrapped over one to three lines, and has the colophon in a narrow right column
(issue number, ISSN, publisher, editor, print run, next issue) set with hyphenation.

Restrictions: one contents column; no theme group lines without numbers; the contents must fit
on one page (about 14 entries on A4).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import GRAY_IMAGE, Context, Stack, spaced
from .render import Group, RectOp, TextOp


@dataclass(slots=True)
class FrontResult:
    """Groups of one front page, the front-matter strings, furniture and hyphen events."""

    groups: list[Group]
    front_matter: list[str] = field(default_factory=list)
    furniture: list[dict] = field(default_factory=list)
    events: list = field(default_factory=list)


def layout_cover(ctx: Context, title: str, number: str, teasers: list[tuple[str, str, int]]) -> FrontResult:
    """The cover: masthead, issue label, image and teasers ``(label, title, printed page)``."""
    geo = ctx.geo
    mast = ctx.styles["masthead"]
    size = min(mast.size, geo.inner / ctx.fonts.width(mast.font, title, 1.0))  # fit the width
    res = FrontResult([Group("furniture", 1, [TextOp(geo.left, geo.top + 10, mast.font, size, (title,), color=mast.color)]),
                       Group("furniture", 2, [spaced(ctx, number, geo.right, geo.top + 28, "running", 0, True)])])
    res.furniture += [{"role": "masthead", "text": title}, {"role": "issue_label", "text": number}]
    img_top, img_bottom = geo.top + 40, geo.height * 0.62
    res.groups.append(Group("background", 0, [RectOp((geo.left, img_top, geo.right, img_bottom), fill=GRAY_IMAGE)]))
    y = img_bottom + 16
    for i, (label, text, page) in enumerate(teasers):
        stack = Stack(ctx, y)
        stack.add(ctx.set_text("running", label, geo.inner, hyphenate=False), "running", x=geo.left)
        stack.add(ctx.set_text("teaser", text, geo.inner * 0.8, hyphenate=False), "teaser", x=geo.left)
        stack.add(ctx.set_text("byline", f"SIDE {page}", geo.inner, hyphenate=False), "byline", x=geo.left)
        res.groups.append(Group("teaser", 10 + i, stack.ops))
        res.front_matter.append(f"{label} {text} SIDE {page}")
        y = stack.y + 12
        if y > geo.body_bottom - 60:
            break
    return res


def toc_entry(ctx: Context, y: float, number: int, label: str, title: str) -> tuple[list, float]:
    """Ops of one contents entry (number first, then label and title) and the next ``y``."""
    geo, num = ctx.geo, ctx.styles["toc_number"]
    ops = [TextOp(geo.left, y + num.size * 0.8, num.font, num.size, (str(number),), color=num.color)]
    stack = Stack(ctx, y)
    x = geo.left + num.size * 2.2
    if label:
        stack.add(ctx.set_text("toc_label", label, geo.inner * 0.55, hyphenate=False), "toc_label", x=x)
    stack.add(ctx.set_text("toc_title", title, geo.inner * 0.5, hyphenate=False), "toc_title", x=x)
    return ops + stack.ops, max(stack.y, y + num.size) + 9


def colophon_lines(title: str, number: str, issn: str, editor: str, next_issue: str) -> list[str]:
    """The colophon paragraphs (front matter) of an issue."""
    return [
        f"{title} {number} ISSN {issn}",
        "Udgivet af Foreningen af Ledere i Offentlige Organisationer i samarbejde med "
        "Lederuddannelsesnetværket.",
        f"Ansvarshavende redaktør: {editor}. Redaktionen modtager gerne forslag til temaer "
        "og artikler.",
        "Oplag 3 100 eksemplarer. Artiklerne udtrykker ikke nødvendigvis foreningens holdning.",
        f"Næste blad udkommer {next_issue}.",
    ]


def layout_contents(ctx: Context, entries: list[tuple[int, str, str]], colophon: list[str]) -> FrontResult:
    """The contents page: ``INDHOLD``, entries ``(page, label, title)``, and the colophon."""
    geo = ctx.geo
    st = ctx.styles["title"]
    res = FrontResult([Group("furniture", 1, [TextOp(geo.left, geo.top + st.size, st.font, st.size, ("INDHOLD",), color=ctx.styles["kicker"].color)])])
    res.furniture.append({"role": "toc_heading", "text": "INDHOLD"})
    y = geo.top + st.size + 24
    for i, (page, label, title) in enumerate(entries):
        ops, y = toc_entry(ctx, y, page, label, title)
        res.groups.append(Group("toc", 10 + i, ops))
    width = geo.inner * 0.3
    stack = Stack(ctx, geo.top + st.size + 24)
    for para in colophon:
        stack.add(ctx.set_text("colophon", para, width), "colophon", x=geo.right - width, space_before=4,
                  justify=True)
    res.groups.append(Group("colophon", 100, stack.ops))
    res.front_matter += colophon
    res.events = stack.events
    return res
