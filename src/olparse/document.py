"""The parse result: ``Document``, its JSON form (contract v1) and its plain-text form.

``Document.to_dict()`` builds the JSON object described by the published schema
(``olparse schema``; docs/schema.md). Page numbers are 1-based PDF pages; every bbox is
``[x0, top, x1, bottom]`` in PDF points with a top-left origin, rounded to 0.1 pt.
``to_json()`` validates against the schema when asked, so a contract break fails loudly in
tests and in ``olparse validate``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from .articles import Article
from .classify import CAPTION_LABEL, Labeled
from .errors import SchemaError
from .geometry import BBox
from .metadata import IssueInfo
from .model import PageLayout
from .toc import TocEntry

SCHEMA_VERSION = "1.0"
SCHEMA_RESOURCE = "schema/olparse-1.schema.json"


@dataclass(frozen=True, slots=True)
class Warning_:
    code: str
    message: str
    page: int | None = None


@dataclass(slots=True)
class Document:
    """Everything olparse found in one PDF."""

    source: dict[str, Any]
    issue: IssueInfo
    pages: list[PageLayout]
    page_printed: dict[int, int | None]
    articles: list[Article]
    toc: list[TocEntry]
    furniture: list[tuple[str, str, int, BBox]]
    other: list[Labeled]
    warnings: list[Warning_] = field(default_factory=list)
    #: Text outside the articles that the text form prints (``other`` and text on pictures):
    #: its place in reading order (page, index of its block there) and its repaired paragraphs.
    set_aside_text: list[tuple[tuple[int, int], tuple[str, ...]]] = field(default_factory=list)

    # ------------------------------------------------------------------ JSON
    def to_dict(self) -> dict[str, Any]:
        places = dict(self.set_aside_text)
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "issue": issue_dict(self.issue),
            "pages": [{"pdf": p.number, "printed": self.page_printed.get(p.number),
                       "width": round(p.width, 1), "height": round(p.height, 1)} for p in self.pages],
            "toc": [toc_dict(e) for e in self.toc],
            "articles": [article_dict(a, self.page_printed) for a in self.articles],
            "furniture": [{"type": kind, "text": text, "page": page, "bbox": bbox.rounded()}
                          for kind, text, page, bbox in self.furniture],
            "other": [{"role": o.role.value, "text": self.repaired_text(o, places), "page": o.block.page,
                       "bbox": o.block.bbox.rounded(), "reason": o.reason or "not part of an article"}
                      for o in self.other],
            "warnings": [{"code": w.code, "message": w.message, "page": w.page} for w in self.warnings],
            "hyphenation": [dict(d.to_dict(), article=a.id) for a in self.articles for d in a.decisions],
        }

    def repaired_text(self, item: Labeled, places: dict[tuple[int, int], Sequence[str]] | None = None) -> str:
        """The text of a block set aside from the articles as the text form prints it (line-end
        hyphens decided, lines joined, paragraphs apart by a blank line); its lines joined by
        spaces when it has no repaired text. ``places``: ``set_aside_text`` as a mapping."""
        paragraphs = (places if places is not None else dict(self.set_aside_text)).get((item.block.page, item.block.id))
        return "\n\n".join(paragraphs) if paragraphs else item.block.text.replace("\n", " ")

    def to_json(self, indent: int | None = 1, validate: bool = False) -> str:
        data = self.to_dict()
        if validate:
            validate_document(data)
        return json.dumps(data, ensure_ascii=False, indent=indent)

    # ------------------------------------------------------------------ text
    def to_text(self) -> str:
        """Clean reading-order text: each article's title group, body, then its boxes and quotes;
        text that belongs to no article (``other``: a cover, an advert, a page the structure
        stage cannot read as articles; and text set on pictures) where it comes in reading
        order: between two paragraphs of the article whose pages it is printed on
        (``interleave_set_aside``), else before an article that starts after it and after an
        article that starts before it.

        Paragraphs are separated by a blank line, articles and set-aside text by two. Only
        furniture (running heads, folios, slugs), the contents page and the colophon are left
        out: they are in the JSON.
        """
        set_aside = [(where, list(paragraphs)) for where, paragraphs in self.set_aside_text if paragraphs]
        article_texts, set_aside = interleave_set_aside(self.articles, set_aside)
        chunks: list[tuple[tuple[int, int], bool, list[str]]] = []
        for a, text in zip(self.articles, article_texts):
            chunks.append((a.start, True, text))
        chunks.extend((where, False, paragraphs) for where, paragraphs in set_aside)
        chunks.sort(key=lambda chunk: chunk[0])
        parts: list[list[str]] = []
        for k, (_, is_article, texts) in enumerate(chunks):
            if is_article or k == 0 or chunks[k - 1][1]:
                parts.append(list(texts))
            else:  # set-aside text next to set-aside text: one group
                parts[-1].extend(texts)
        return "\n\n\n".join("\n\n".join(texts) for texts in parts) + "\n"


def interleave_set_aside(articles: Sequence[Article], set_aside: Sequence[tuple[tuple[int, int], list[str]]]
                         ) -> tuple[list[list[str]], list[tuple[tuple[int, int], list[str]]]]:
    """Each article's text with the set-aside text that lies inside it; the set-aside text left.

    Set-aside text lies inside an article when it comes after the article's start in reading
    order and before one of its body paragraphs (``Article.body_starts``) on the same page as
    that paragraph or the one before: an abstract between a paper's title and its first section,
    a footnote at the foot of a column, a caption the structure stage did not attach. It is
    printed before that paragraph, never inside one (a paragraph that runs on past it is whole
    before it). When several articles qualify, the one that started last takes it. Text on a
    page of its own (an advert page between two parts of an article) stays outside.
    """
    inserts: list[dict[int, list[str]]] = [{} for _ in articles]
    left: list[tuple[tuple[int, int], list[str]]] = []
    for where, paragraphs in set_aside:
        best: tuple[tuple[int, int], int, int] | None = None
        for k, a in enumerate(articles):
            slot = slot_in_article(a, where)
            if slot is not None and (best is None or a.start > best[0]):
                best = (a.start, k, slot)
        if best is None:
            left.append((where, paragraphs))
        else:
            inserts[best[1]].setdefault(best[2], []).extend(paragraphs)
    return [article_text(a, extra) for a, extra in zip(articles, inserts)], left


def slot_in_article(a: Article, where: tuple[int, int]) -> int | None:
    """The index of the body paragraph that set-aside text at ``where`` goes before, or ``None``."""
    if not a.body_starts or len(a.body_starts) != len(a.body) or where <= a.start:
        return None
    for k, start in enumerate(a.body_starts):
        if start > where:
            before = a.body_starts[k - 1][0] if k else a.start[0]
            return k if where[0] in (start[0], before) else None
    return None


def article_text(a: Article, inserts: dict[int, list[str]] | None = None) -> list[str]:
    """An article's paragraphs for the text form: title group (a section label set with the
    article, not one read from the running head), body, boxes, quotes, captions; ``inserts``
    maps a body paragraph's index to set-aside text printed before it.

    A figure's or a table's caption (``Table 1.``, ``Figur 2:``) is printed where it stands,
    before the paragraph that follows it (never inside one), as the text refers to it; a
    picture's caption after the body."""
    section = "" if a.section_from_head else a.section  # a running head is furniture
    chunk = [x for x in (section, a.kicker, a.title, a.standfirst, a.byline) if x]
    inserts = {k: list(v) for k, v in (inserts or {}).items()}
    captions = []
    for k, c in enumerate(a.captions):
        slot = slot_in_article(a, a.caption_starts[k]) if k < len(a.caption_starts) \
            and CAPTION_LABEL.match(c.text) else None
        if slot is None:
            captions.append(c.text)
        else:
            inserts.setdefault(slot, []).append(c.text)
    for k, p in enumerate(a.body):
        chunk.extend(inserts.get(k, ()))
        chunk.append(p.text)
    for box in a.fact_boxes:
        chunk.extend(([box.title] if box.title else []) + list(box.paragraphs))
    chunk.extend(q.text + (f" ({q.attribution})" if q.attribution else "") for q in a.pull_quotes)
    chunk.extend(captions)
    chunk.extend(c.text for c in a.credits)
    return chunk


def issue_dict(issue: IssueInfo) -> dict[str, Any]:
    return {"title": issue.title, "number": issue.number, "year": issue.year,
            "issn": issue.issn, "language": issue.language}


def toc_dict(e: TocEntry) -> dict[str, Any]:
    return {"printed_page": e.printed_page, "section": e.section, "title": e.title, "group": e.group,
            "article_id": e.article_id, "score": e.score, "page": e.page}


def article_dict(a: Article, printed: dict[int, int | None]) -> dict[str, Any]:
    first, last = (a.pages[0], a.pages[-1]) if a.pages else (None, None)
    start = a.title_page or first
    return {
        "id": a.id,
        "kind": a.kind,
        "section": a.section,
        "kicker": a.kicker,
        "title": a.title,
        "standfirst": a.standfirst,
        "byline": a.byline,
        "authors": a.authors,
        "credits": [{"text": c.text, "page": c.page, "bbox": c.bbox.rounded()} for c in a.credits],
        "pages": {"pdf": [start, last] if start else [],
                  "printed": [printed.get(start), printed.get(last)] if start and printed.get(start) is not None else []},
        "title_bbox": {"page": a.title_page, "bbox": a.title_bbox.rounded()} if a.title_bbox else None,
        "body": [{"type": p.kind, "text": p.text, "page": p.page, "bbox": p.bbox.rounded(),
                  "pages": list(p.pages)} for p in a.body],
        "fact_boxes": [{"title": b.title, "paragraphs": list(b.paragraphs), "page": b.page, "bbox": b.bbox.rounded()}
                       for b in a.fact_boxes],
        "pull_quotes": [{"text": q.text, "attribution": q.attribution, "page": q.page, "bbox": q.bbox.rounded()}
                        for q in a.pull_quotes],
        "captions": [{"text": c.text, "page": c.page, "bbox": c.bbox.rounded()} for c in a.captions],
        "end_mark": a.end_mark,
    }


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The published JSON Schema of the output (package data)."""
    text = resources.files("olparse").joinpath(SCHEMA_RESOURCE).read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator():
    import jsonschema
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def validate_document(data: dict[str, Any]) -> None:
    """Raise ``SchemaError`` naming the first place where ``data`` breaks the schema."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        raise SchemaError(f"output does not match schema {SCHEMA_VERSION} at {where}: {err.message}"
                          + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
