"""The pipeline: PDF in, ``Document`` out. Reads like the table of contents of the project.

    per page (independent, can run in parallel):
        extract -> normalize -> build_lines -> build_blocks -> find_tables -> order_page
                                                                            = PageLayout
    per document:
        measure_style -> find_furniture -> classify_pages -> segment_articles
        -> link_toc -> read_issue_metadata                                      = Document
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .blocks import build_blocks, picture_boxes
from .dehyphenate import Lexicon
from .extract import check_input_file
from .extract._common import clean_text
from .extract.unmapped import LEFT_OUT
from .guard import Limits, read_pages
from .layout import order_page
from .lines import build_lines, is_scanned
from .model import PageLayout, RawPage
from .normalize import normalize_page
from .tables import find_tables
from .options import Options
from .worker import reap_workers

if TYPE_CHECKING:
    from .document import Document, Warning_


def layout_page(raw: RawPage) -> PageLayout:
    """One page from raw runs to ordered blocks: the per-page part of the pipeline."""
    page = normalize_page(raw)
    lines = build_lines(page)
    blocks, frames = build_blocks(lines, page.rects, page.width, page.height)
    if not is_scanned(page):  # an OCR layer's fragments line up in short "cells" by chance
        blocks = find_tables(blocks)
    pictures = picture_boxes(page.rects, page.images, lines, page.width, page.height)
    layout = order_page(page.number, page.width, page.height, blocks, frames, pictures, page.label)
    return replace(layout, words=Lexicon.counted(b.text for b in layout.blocks))


@dataclass(frozen=True, slots=True)
class SourceInfo:
    file: str
    sha256: str
    pages: int
    backend: str
    metadata: dict[str, str]


def read_layouts(path: str | os.PathLike[str], options: Options,
                 progress: Callable[[int, int], None] | None = None,
                 reap: bool = True) -> tuple[SourceInfo, list[PageLayout], list[str]]:
    """Open the PDF and lay out each selected page; returns source info, layouts and warnings.

    Pages are read within the time and memory limits of ``options`` and with backend fallback
    (see ``olparse.guard.read_pages``); every page that needed a fallback or is left out is
    named in the warnings. Without ``reap`` the page workers may still be exiting on return:
    call ``worker.reap_workers()`` when done (``parse`` does).
    """
    check_input_file(path)
    with FileDigest(path) as digest:
        def on_page(done: int, total: int) -> None:
            digest.step(total - done + 1)  # a slice of the file while the workers go on
            if progress:
                progress(done, total)

        outcome = read_pages(path, options.backend, options.password, options.page_numbers,
                             limits_of(options), options.fallback, layout_page, on_page, reap)
        sha256 = digest.hexdigest()
    doc = outcome.info
    name = clean_text(Path(path).name)  # a file name that is not UTF-8 must not make the JSON unwritable
    info = SourceInfo(name, sha256, doc.page_count, doc.backend, dict(doc.metadata))
    return info, outcome.layouts, list(doc.warnings) + outcome.warnings


def limits_of(options: Options) -> Limits:
    """The reading limits that ``options`` ask for."""
    return Limits(page_timeout=options.page_timeout, timeout=options.timeout,
                  memory_mb=options.memory_limit_mb, isolate=options.isolate)


def file_sha256(path: str | os.PathLike[str]) -> str:
    with FileDigest(path) as digest:
        return digest.hexdigest()


class FileDigest:
    """The SHA-256 of a file, read a slice at a time while the page workers read pages.

    Print PDFs with their pictures run to tens of megabytes, about 2 ms a megabyte to hash:
    done after the pages it would add that much to every parse, done in slices between page
    results it costs the parent time it would spend waiting.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self._file = open(path, "rb")
        self._left = os.fstat(self._file.fileno()).st_size
        self._hash = hashlib.sha256()

    def step(self, slices: int) -> None:
        """Hash the next of ``slices`` equal slices of what is left."""
        if self._left > 0:
            self._read(-(-self._left // max(1, slices)))

    def hexdigest(self) -> str:
        """Hash the rest and give the digest."""
        while self._read(1 << 20):
            pass
        return self._hash.hexdigest()

    def _read(self, size: int) -> int:
        chunk = self._file.read(size)
        self._hash.update(chunk)
        self._left -= len(chunk)
        return len(chunk)

    def __enter__(self) -> "FileDigest":
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()


def page_layouts(path: str | os.PathLike[str], options: Options | None = None) -> Sequence[PageLayout]:
    """Just the per-page layouts (for debugging and tests)."""
    return read_layouts(path, Options.resolve(options))[1]


def parse(path: str | os.PathLike[str], options: Options | dict | None = None,
          progress: Callable[[int, int], None] | None = None, **overrides) -> "Document":
    """Parse a magazine PDF into a ``Document`` (the library's main entry point).

    Args:
        path: the PDF file.
        options: an ``Options``, a mapping of option names, or ``None`` for the defaults.
        progress: called as ``progress(done, total)`` after each page is laid out.
        **overrides: single options, e.g. ``backend="pdfplumber"``.

    Raises:
        OlparseError: a subclass naming what is wrong with the input and what to do.
    """
    opts = Options.resolve(options, **overrides)
    try:
        info, layouts, warnings = read_layouts(path, opts, progress, reap=False)
        return analyse(info, layouts, warnings)  # while the page workers exit
    finally:
        reap_workers()


#: Warning codes by what the reader's message says (first match wins).
WARNING_CODES = (("no unicode mapping", "unmapped_font"), ("missing from the output", "page_missing"),
                 ("took longer", "layout_fallback"), ("layout analysis failed", "layout_fallback"),
                 ("left out", "page_missing"), ("was read with", "backend_fallback"),
                 ("read it with", "backend_fallback"), ("damage", "damaged_file"),
                 ("damaged", "damaged_file"), ("rebuilt", "damaged_file"),
                 ("permissions", "copy_restricted"), ("in this process", "not_isolated"))


def serves_as_contents(articles: Sequence, toc: Sequence) -> bool:
    """Whether the contents page and the colophon stand for text printed elsewhere: the text form
    leaves them out when the document has articles and its contents entries lead to them (they
    are in the JSON). Otherwise — a contents page read alone, a report whose contents olparse
    cannot link — they are printed like other text that belongs to no article: a page of text
    must not come out empty."""
    return bool(articles) and any(entry.article_id for entry in toc)


def structure_warning(text: str) -> "Warning_":
    """A reader's warning (``page N: message``) as code, message and page."""
    from .document import Warning_
    match = re.match(r"^page (\d+): (.*)$", text, re.S)
    page, message = (int(match.group(1)), match.group(2)) if match else (None, text)
    if match is None and (missing := re.match(r"^page (\d+) is missing", text)):
        page = int(missing.group(1))
    low = message.lower()
    code = next((c for words, c in WARNING_CODES if words in low), "backend")
    return Warning_(code, message, page)


def analyse(info: SourceInfo, layouts: Sequence[PageLayout], warnings: Sequence[str] = ()) -> "Document":
    """The document-level stages over already laid-out pages."""
    from .articles import segment_articles
    from .classify import FURNITURE_ROLES, Role, classify_pages
    from .document import Document, Warning_
    from .furniture import find_furniture
    from .metadata import read_issue_metadata
    from .paragraphs import paragraph_texts
    from .style import measure_style
    from .toc import link_toc, read_toc

    style = measure_style(layouts)
    furniture = find_furniture(layouts, style)
    labeled = classify_pages(layouts, style, furniture)
    lexicon = Lexicon.merged(p.words if p.words is not None else Lexicon.counted(b.text for b in p.blocks)
                             for p in layouts)
    articles, leftovers = segment_articles(labeled, style, furniture, lexicon)
    toc = link_toc(read_toc(labeled), articles, furniture.page_map)
    body_texts = (p.text for a in articles for p in a.body)
    issue = read_issue_metadata(labeled, info.metadata, body_texts)
    kept_roles = FURNITURE_ROLES | {Role.TOC, Role.COLOPHON, Role.IMAGE_TEXT}
    furniture_out = [(i.role.value, i.block.text.replace("\n", " "), i.block.page, i.block.bbox)
                     for p in labeled for i in p.items if i.role in kept_roles]
    notes = [structure_warning(w) for w in warnings]
    unreadable = {n.page for n in notes if n.code == "unmapped_font" and LEFT_OUT in n.message}
    notes += [Warning_("no_text_layer", "the page has no text layer (a scan?); olparse does not do OCR", p.number)
              for p in layouts if not p.blocks and p.number not in unreadable]  # not when its text was left out
    source = {"file": info.file, "sha256": info.sha256, "pages": info.pages, "backend": info.backend,
              "producer": info.metadata.get("producer"), "creator": info.metadata.get("creator")}
    picked = {id(item) for item in leftovers}
    printed = {Role.IMAGE_TEXT} | (set() if serves_as_contents(articles, toc) else {Role.TOC, Role.COLOPHON})
    set_aside = [((page.number, k), paragraph_texts(item.block, lexicon)) for page in labeled
                 for k, item in enumerate(page.items) if id(item) in picked or item.role in printed]
    return Document(source=source, issue=issue, pages=list(layouts),
                    page_printed=dict(furniture.page_map.printed), articles=articles, toc=toc,
                    furniture=furniture_out, other=leftovers, warnings=notes, set_aside_text=set_aside)

