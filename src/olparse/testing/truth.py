"""Assembling the truth JSON of a generated issue (same format as the bench ``*.truth.json``).

The truth is written from what the layout actually placed, never from what was planned: an
article's body is the list of blocks that fitted, its boxes and quotes are the obstacles that
were drawn, and every hyphen list entry comes from a set line that really ends in that hyphen.
Pages are given twice: ``pages`` as printed (folio numbers) and ``pdf_pages`` 0-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HYPHEN_LISTS = {"soft": "hyphenated_at_line_end", "hard": "hard_hyphen_at_line_end",
                "suspended": "suspended_hyphen_at_line_end"}


@dataclass(slots=True)
class PlacedArticle:
    """An article result with its id and first pdf page in the issue."""

    id: str
    first_pdf: int
    result: object


@dataclass(slots=True)
class TruthBuilder:
    """Collects the parts of the truth while the issue is assembled."""

    printed_offset: int
    hyphens: dict = field(default_factory=lambda: {name: [] for name in HYPHEN_LISTS.values()})
    furniture: list = field(default_factory=list)

    def printed(self, pdf_page: int) -> int:
        """The printed page number of a 0-based pdf page."""
        return pdf_page + self.printed_offset

    def add_events(self, owner: str, pdf_page: int, events) -> None:
        """Add hyphen events of ``owner`` (an article id or ``front_matter``) on a pdf page."""
        for ev in events:
            entry = {"article": owner, "page": self.printed(pdf_page), "pdf_page": pdf_page,
                     "line_end": ev.line_end, "word": ev.word, "hyphen_char": ev.hyphen_char}
            self.hyphens[HYPHEN_LISTS[ev.kind]].append(entry)

    def add_furniture(self, pdf_page: int, role: str, text: str) -> None:
        """Record printed furniture (running heads, folios, footers, masthead, slug)."""
        self.furniture.append({"pdf_page": pdf_page, "page": self.printed(pdf_page), "role": role, "text": text})


def article_truth(pa: PlacedArticle, builder: TruthBuilder) -> dict:
    """The truth entry of one placed article (and its hyphen events into ``builder``)."""
    res, art = pa.result, pa.result.art
    last_pdf = pa.first_pdf + len(res.pages) - 1
    for rel, ev in res.events:
        builder.add_events(pa.id, pa.first_pdf + rel, [ev])
    return {
        "id": pa.id, "section": art.section, "kicker": art.kicker, "title": art.title,
        "standfirst": art.standfirst, "byline": art.byline, "credits": list(res.credits),
        "body": list(res.body), "fact_boxes": list(res.boxes), "pull_quotes": list(res.quotes),
        "captions": list(res.captions), "end_mark": bool(res.end_mark),
        "pages": [builder.printed(pa.first_pdf), builder.printed(last_pdf)],
        "pdf_pages": [pa.first_pdf, last_pdf],
    }


def sort_hyphens(builder: TruthBuilder) -> dict:
    """The three hyphen lists in page order (stable within a page)."""
    return {name: sorted(entries, key=lambda e: e["pdf_page"]) for name, entries in builder.hyphens.items()}
