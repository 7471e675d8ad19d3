"""A seeded, deterministic generator of magazine-like PDFs with their truth JSON.

``generate(spec)`` typesets an issue with PyMuPDF (raw content streams, fonts bundled with the
package) and returns the PDF bytes and a truth dict in the format of the bench
``*.truth.json`` files, plus ``furniture`` (running heads, folios, footers, slugs, text inside
images, as printed) and ``typeset.drop_caps``.

Algorithm:

1. Compose: from random streams seeded by ``spec.seed`` (one for each article's text, one for
   layout choices, one for the stream order, so a messy variant keeps the text of the clean
   one) draw the articles (a leader, then features, interviews and guides in turn), their
   target page counts, columns, opener images and end marks, and the short items (news
   briefs, book notices) -- all text from ``texts.py``.
2. Lay out every article from pdf page 2 on (after the cover and the contents page), each on
   new pages (``articles.py``); then the items pages.
3. Set the cover and the contents page, now that the start pages are known (``frontpages.py``).
4. Add running footers with folios (and the InDesign-like slug when asked) to every page but
   the cover; order each page's groups (reading or shuffled, ``render.py``) and write the PDF
   with fixed metadata, subset fonts and no new file ID, so equal specs give equal bytes.
5. Write the truth from what was placed (``truth.py``).

Restrictions: one issue layout family (A4-like portrait pages, 2 or 3 columns); articles start on
new pages; the contents must fit on one page; page sizes smaller than about A5 are refused.
"""

from __future__ import annotations

import dataclasses
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from . import texts
from .articles import layout_article, layout_items
from .fonts import FontSet
from .frontpages import colophon_lines, layout_contents, layout_cover
from .layout import Context, Geometry, make_styles, spaced
from .render import Group, order_groups, write_pdf
from .truth import PlacedArticle, TruthBuilder, article_truth, sort_hyphens

A4 = (595.28, 841.89)
ACCENTS = ((0.55, 0.12, 0.16), (0.05, 0.33, 0.45), (0.2, 0.4, 0.2))
FIXED_DATE = "D:20240101000000Z"
ENGINE = "olparse.testing"


@dataclass(frozen=True)
class Features:
    """The "messy" habits of real InDesign output, each switchable.

    ``shuffled_order``: content-stream order unlike reading order. ``ligatures``: fi/fl drawn as
    U+FB01/U+FB02 glyphs. ``soft_hyphen_glyphs``: about a third of the typesetting hyphens drawn
    as U+00AD. ``dingbat_end_mark``: the end mark is ``n`` in ZapfDingbats (else ``■``).
    ``nbsp``: number groups and ``fx``/``kl.``/``pr.`` bound with U+00A0. ``letterspaced_heads``:
    running heads and footers with character spacing. ``rotated_credits``: photo credits turned
    90° along the image. ``toc_wording_differs``: some contents titles drop their last word or
    quotes. ``slug``: an InDesign slug line at the page foot. ``drop_caps``: articles open with a
    three-line initial, drawn apart from the rest of its word. ``image_text``: book notices get a
    cover image with the title and author printed inside it (``furniture`` role ``image_text``).
    """

    shuffled_order: bool = False
    ligatures: bool = False
    soft_hyphen_glyphs: bool = False
    dingbat_end_mark: bool = False
    nbsp: bool = False
    letterspaced_heads: bool = True
    rotated_credits: bool = True
    toc_wording_differs: bool = False
    slug: bool = False
    drop_caps: bool = False
    image_text: bool = False

    @classmethod
    def messy(cls) -> "Features":
        """Every messy habit switched on."""
        return cls(**{f.name: True for f in dataclasses.fields(cls)})


@dataclass(frozen=True)
class Spec:
    """What to generate. Same spec, same bytes.

    ``n_articles`` counts the leader and the features (0-12); ``briefs``/``books`` ask for a page
    of that many short items (0 = no such page; fewer are set if they do not fit);
    ``max_article_pages`` bounds a feature's length; ``columns`` is 2 or 3 (leaders use 2).
    """

    seed: int = 0
    name: str = "generated"
    n_articles: int = 3
    columns: int = 3
    max_article_pages: int = 2
    briefs: int = 0
    books: int = 0
    front_pages: bool = True
    page_size: tuple[float, float] = A4
    fonts: str = "dejavu"
    body_size: float = 9.0
    paragraph_style: str = "indent"
    features: Features = field(default_factory=Features)
    title: str = "Offentlig Ledelse"
    number: str = "01/2024"
    issn: str = "1602-3765"
    language: str = "da"

    def __post_init__(self) -> None:
        if self.columns not in (2, 3):
            raise ValueError(f"columns must be 2 or 3, got {self.columns}")
        if not 0 <= self.n_articles <= 12:
            raise ValueError(f"n_articles must be 0..12, got {self.n_articles}")
        if self.page_size[0] < 400 or self.page_size[1] < 580:
            raise ValueError(f"page_size {self.page_size} is smaller than about A5")
        if self.paragraph_style not in ("indent", "space"):
            raise ValueError(f"paragraph_style must be 'indent' or 'space', got {self.paragraph_style!r}")
        if not 7.0 <= self.body_size <= 11.0:
            raise ValueError(f"body_size must be 7..11 pt, got {self.body_size}")
        if self.n_articles + (self.briefs > 0) + (self.books > 0) == 0:
            raise ValueError("an issue needs at least one article or items page")


@dataclass(frozen=True)
class GeneratedIssue:
    """The PDF bytes and the truth dict of one generated issue."""

    pdf_bytes: bytes
    truth: dict

    def truth_json(self) -> str:
        """The truth as the committed ``*.truth.json`` text (UTF-8, stable key order)."""
        return json.dumps(self.truth, ensure_ascii=False, indent=1) + "\n"

    def write(self, directory: str | Path) -> Path:
        """Write ``<name>.pdf`` and ``<name>.truth.json`` into ``directory``; return the PDF path."""
        d = Path(directory)
        pdf = d / f"{self.truth['name']}.pdf"
        pdf.write_bytes(self.pdf_bytes)
        (d / f"{self.truth['name']}.truth.json").write_text(self.truth_json(), encoding="utf-8")
        return pdf


@dataclass(slots=True)
class Planned:
    """An article to lay out: content and layout choices."""

    art: texts.ArticleText
    pages: int
    columns: int
    opener: str
    end_mark: bool


def plan_articles(spec: Spec, rng: random.Random) -> list[Planned]:
    """Draw the regular articles: a leader first (if more than one), then features in turn."""
    kinds = ["leader"] if spec.n_articles > 1 else []
    cycle = ("feature", "interview", "guide", "feature")
    kinds += [cycle[i % len(cycle)] for i in range(spec.n_articles - len(kinds))]
    titles = rng.sample(texts.TITLES, len(kinds))
    plans, first_feature = [], True
    for kind, title in zip(kinds, titles):
        art = texts.make_article(random.Random(spec.seed * 1000 + len(plans) + 1), kind, title)
        pages = 1
        if kind == "feature":
            pages = spec.max_article_pages if first_feature else rng.randint(1, spec.max_article_pages)
            first_feature = False
        elif kind == "interview":
            pages = rng.randint(1, min(2, spec.max_article_pages))
        opener = {"leader": "column", "feature": "top"}.get(kind, "column") if len(plans) < 2 else \
            rng.choice(("top", "column", "none"))
        cols = 2 if kind == "leader" else spec.columns
        mark = kind in ("leader", "feature") or (kind == "interview" and rng.random() < 0.7)
        plans.append(Planned(art, pages, cols, opener, mark))
    return plans


def toc_title(title: str, rng: random.Random, differs: bool) -> str:
    """The contents wording of a title: as printed, or (messy) without quotes or last word."""
    if not differs or rng.random() < 0.5:
        return title
    if title.startswith("\u201d"):
        return title.strip("\u201d")
    words = title.split()
    return " ".join(words[:-1]) if len(words) > 3 else title


def footer_group(ctx: Context, spec: Spec, printed: int) -> Group:
    """Folio plus the letter-spaced magazine name; left on even pages, right on odd ones."""
    geo, st = ctx.geo, ctx.styles["footer"]
    tracking = 1.8 if spec.features.letterspaced_heads else 0.0
    name = f"{spec.title} {spec.number}"
    y = geo.height - geo.bottom + 30
    folio_w = ctx.fonts.width("sans-bold", str(printed), st.size)
    if printed % 2 == 0:
        ops = [spaced(ctx, str(printed), geo.left, y, "footer", 0),
               spaced(ctx, name, geo.left + folio_w + 8, y, "footer", tracking)]
    else:
        ops = [spaced(ctx, name, geo.right - folio_w - 8, y, "footer", tracking, True),
               spaced(ctx, str(printed), geo.right, y, "footer", 0, True)]
    return Group("furniture", 900, ops)


def slug_group(ctx: Context, spec: Spec, printed: int) -> tuple[Group, str]:
    """An InDesign-like slug line below the footer (furniture that is never content)."""
    text = f"{spec.title.replace(' ', '')}-{spec.number[-4:]}-{spec.number[:2]}.indd {printed} 15/01/2024 10.12"
    return Group("furniture", 950, [spaced(ctx, text, ctx.geo.left, ctx.geo.height - 12, "credit", 0)]), text


def make_context(spec: Spec, rng: random.Random) -> Context:
    """The shared layout context of an issue (``rng``: layout choices only, never text)."""
    accent = ACCENTS[spec.seed % len(ACCENTS)]
    styles = make_styles(spec.body_size, accent, spec.features.ligatures)
    geo = Geometry(*spec.page_size)
    return Context(FontSet(spec.fonts), geo, styles, rng, spec.features, spec.paragraph_style,
                   hyphen_rng=random.Random(spec.seed * 7 + 4))


def generate(spec: Spec) -> GeneratedIssue:
    """Typeset the issue described by ``spec``; see the module docstring for the steps."""
    # Separate streams, so that switching a messy feature on changes neither the text nor the
    # layout choices: the same seed gives the same issue, clean or messy.
    content, layout_rng, order_rng = (random.Random(spec.seed * 7 + k) for k in range(3))
    ctx = make_context(spec, layout_rng)
    first = 2 if spec.front_pages else 0
    builder = TruthBuilder(printed_offset=1)
    placed, pages = lay_out_body(ctx, spec, content, first)
    front, front_matter, toc = lay_out_front(ctx, spec, content, placed, builder)
    pages = front + pages
    finish_pages(ctx, spec, pages, placed, builder, first)
    ordered = [order_groups(p, spec.features.shuffled_order, order_rng) for p in pages]
    meta = {"title": f"{spec.title} {spec.number}", "author": "", "subject": "", "keywords": "",
            "creator": ENGINE, "producer": ENGINE, "creationDate": FIXED_DATE, "modDate": FIXED_DATE}
    pdf = write_pdf(ordered, ctx.fonts, spec.page_size, meta)
    articles = [article_truth(pa, builder) for pa in placed]
    truth = {
        "name": spec.name,
        "issue": {"title": spec.title, "number": spec.number, "issn": spec.issn, "language": spec.language},
        "front_matter": front_matter, "toc": toc, "articles": articles, **sort_hyphens(builder),
        "furniture": builder.furniture, "typeset": typeset_info(spec, placed, len(pages), builder),
    }
    return GeneratedIssue(pdf, truth)


def lay_out_body(ctx: Context, spec: Spec, rng: random.Random, first: int):
    """Lay out the articles and item pages from pdf page ``first``; return placed articles and pages."""
    placed, pages = [], []
    for plan in plan_articles(spec, rng):
        res = layout_article(ctx, plan.art, plan.pages, plan.columns, plan.opener, plan.end_mark)
        placed.append(PlacedArticle(f"a{len(placed) + 1:02d}", first + len(pages), res))
        pages += res.pages
    for count, book, label in ((spec.briefs, False, "KORT NYT"), (spec.books, True, "BØGER")):
        if count:
            item_rng = random.Random(spec.seed * 1000 + 500 + book)
            items = layout_items(ctx, texts.make_briefs(item_rng, count, book), spec.columns, label)
            for res in items:
                placed.append(PlacedArticle(f"a{len(placed) + 1:02d}", first + len(pages), res))
            pages += items[0].pages if items else []
    return placed, pages


def lay_out_front(ctx: Context, spec: Spec, rng: random.Random, placed: list[PlacedArticle],
                  builder: TruthBuilder):
    """Cover and contents pages (if asked) and the truth's ``front_matter`` and ``toc``."""
    toc, seen_pages = [], set()
    for pa in placed:
        art = pa.result.art
        if art.kind in ("brief", "book") and pa.first_pdf in seen_pages:
            continue  # one contents line per items page
        seen_pages.add(pa.first_pdf)
        toc.append({"page": builder.printed(pa.first_pdf), "section": art.section,
                    "title": toc_title(art.title, ctx.rng, spec.features.toc_wording_differs), "article": pa.id})
    if not spec.front_pages:
        return [], [], []  # no contents page printed, so no contents in the truth
    teasers = [(t["section"], t["title"], t["page"]) for t in toc[1:4]] or [(t["section"], t["title"], t["page"]) for t in toc]
    cover = layout_cover(ctx, spec.title, spec.number, teasers)
    editor = " ".join(texts.person(rng)[0].split())
    contents = layout_contents(ctx, [(t["page"], t["section"], t["title"]) for t in toc],
                               colophon_lines(spec.title, spec.number, spec.issn, editor, "i juni 2024"))
    for pdf_page, res in ((0, cover), (1, contents)):
        for f in res.furniture:
            builder.add_furniture(pdf_page, f["role"], f["text"])
    builder.add_events("front_matter", 1, contents.events)
    return [cover.groups, contents.groups], cover.front_matter + contents.front_matter, toc


def finish_pages(ctx: Context, spec: Spec, pages: list[list[Group]], placed: list[PlacedArticle],
                 builder: TruthBuilder, first: int) -> None:
    """Add footers, folios and slugs; record them and the running heads as furniture."""
    for pa in placed:
        for text in pa.result.image_texts:
            builder.add_furniture(pa.first_pdf, "image_text", text)
        for rel, groups in enumerate(pa.result.pages):
            if groups:  # items after the first on a shared page have no groups of their own
                builder.add_furniture(pa.first_pdf + rel, "running_head", pa.result.art.section)
    for i, groups in enumerate(pages):
        if spec.front_pages and i == 0:
            continue
        printed = builder.printed(i)
        groups.append(footer_group(ctx, spec, printed))
        builder.add_furniture(i, "folio", str(printed))
        builder.add_furniture(i, "footer", f"{spec.title} {spec.number}")
        if spec.features.slug:
            group, text = slug_group(ctx, spec, printed)
            groups.append(group)
            builder.add_furniture(i, "slug", text)
    builder.furniture.sort(key=lambda f: f["pdf_page"])


def typeset_info(spec: Spec, placed: list[PlacedArticle], page_count: int, builder: TruthBuilder) -> dict:
    """The ``typeset`` section: engine, spec, end marks, per-article layout and messy counts."""
    soft = builder.hyphens["hyphenated_at_line_end"]
    return {
        "engine": ENGINE, "variant": "messy" if spec.features.shuffled_order else "clean",
        "seed": spec.seed, "pdf": f"{spec.name}.pdf", "page_count": page_count,
        "printed_page_of_pdf_index0": "pdf index + 1",
        "spec": json.loads(json.dumps(dataclasses.asdict(spec))),
        "end_marks": [{"article": pa.id, "page": builder.printed(pa.first_pdf + pa.result.end_page),
                       "pdf_page": pa.first_pdf + pa.result.end_page, "extracts_as": pa.result.end_mark}
                      for pa in placed if pa.result.end_mark],
        "layout": [dict(article=pa.id, **pa.result.info) for pa in placed],
        "drop_caps": [{"article": pa.id, "pdf_page": pa.first_pdf + pa.result.drop_cap["page"],
                       "letter": pa.result.drop_cap["letter"], "word": pa.result.drop_cap["word"]}
                      for pa in placed if pa.result.drop_cap],
        "messy": {"soft_hyphen_glyphs": sum(1 for h in soft if h["hyphen_char"] == "\u00ad")},
    }


def random_spec(seed: int, **overrides) -> Spec:
    """A small random spec for property tests (1–3 articles, up to ~7 pages), then ``overrides``.

    ``features`` may be overridden with a :class:`Features` or a dict of its fields.
    """
    rng = random.Random(seed)
    feats = Features(**{f.name: rng.random() < 0.5 for f in dataclasses.fields(Features)})
    if isinstance(overrides.get("features"), dict):
        overrides["features"] = dataclasses.replace(feats, **overrides["features"])
    spec = Spec(
        seed=seed, name=f"random-{seed}", n_articles=rng.randint(1, 3), columns=rng.choice((2, 3)),
        max_article_pages=rng.randint(1, 2), briefs=rng.choice((0, 0, 4)), books=rng.choice((0, 0, 3)),
        front_pages=rng.random() < 0.7, fonts=rng.choice(("dejavu", "dejavu", "base14")),
        body_size=rng.choice((8.5, 9.0, 9.5)), paragraph_style=rng.choice(("indent", "space")),
        features=feats,
    )
    return dataclasses.replace(spec, **overrides)
