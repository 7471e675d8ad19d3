"""The pipeline: PDF in, ``Document`` out. Reads like the table of contents of the project.

    per page (independent, can run in parallel):
        extract -> normalize -> build_lines -> build_blocks -> order_page      = PageLayout
    per document:
        measure_style -> find_furniture -> classify_pages -> segment_articles
        -> link_toc -> read_issue_metadata                                      = Document
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .blocks import build_blocks
from .extract import open_document
from .layout import order_page
from .lines import build_lines
from .model import PageLayout, RawPage
from .normalize import normalize_page
from .options import Options


def layout_page(raw: RawPage) -> PageLayout:
    """One page from raw runs to ordered blocks: the per-page part of the pipeline."""
    page = normalize_page(raw)
    lines = build_lines(page)
    blocks, frames = build_blocks(lines, page.rects, page.width, page.height)
    return order_page(page.number, page.width, page.height, blocks, frames, page.images, page.label)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    file: str
    sha256: str
    pages: int
    backend: str
    metadata: dict[str, str]


def read_layouts(path: str | os.PathLike[str], options: Options,
                 progress: Callable[[int, int], None] | None = None) -> tuple[SourceInfo, list[PageLayout], list[str]]:
    """Open the PDF and lay out each selected page; returns source info, layouts and warnings."""
    warnings: list[str] = []
    with open_document(path, options.backend, options.password) as src:
        numbers = options.page_numbers(src.page_count)
        layouts = []
        for k, number in enumerate(numbers):
            layouts.append(layout_page(src.page(number)))
            if progress:
                progress(k + 1, len(numbers))
        warnings.extend(getattr(src, "warnings", []))
        info = SourceInfo(Path(path).name, file_sha256(path), src.page_count, src.backend, dict(src.metadata))
    return info, layouts, warnings


def file_sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def page_layouts(path: str | os.PathLike[str], options: Options | None = None) -> Sequence[PageLayout]:
    """Just the per-page layouts (for debugging and tests)."""
    return read_layouts(path, Options.resolve(options))[1]
