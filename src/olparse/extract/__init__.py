"""Extraction: read each page of a PDF into a backend-independent ``RawPage``.

Two backends implement one small interface:

* ``pymupdf`` (default): fast, repairs broken cross-reference tables while opening.
* ``pdfplumber``: pure-Python pdfminer.six underneath; slower, a useful second opinion.

Both give runs of text (text, font, size, bold/italic, colour, box, baseline, character edges,
content-stream position), drawn shapes and image boxes. Nothing of either library leaves this
package: stages downstream see only ``olparse.model`` types.

Usage::

    with open_document("issue.pdf") as doc:
        for number in range(1, doc.page_count + 1):
            raw = doc.page(number)

Errors: opening raises an ``InputError`` subclass (not a PDF, corrupt, encrypted); a page that
the backend cannot read raises whatever the library raises, and ``olparse.guard`` turns that
into a page warning (or a retry with the other backend). Damage a backend repairs on its own is
reported in ``warnings`` (document) and ``RawPage.warnings`` (page), never silently.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Protocol

from ..errors import InputError, NotAPdfError, OptionsError
from ..model import RawPage

BACKENDS = ("pymupdf", "pdfplumber")
DEFAULT_BACKEND = "pymupdf"
PDF_MAGIC = b"%PDF-"
#: How far into the file the ``%PDF-`` header may start (some writers put junk first).
MAGIC_SEARCH_BYTES = 1024


class SourceDocument(Protocol):
    """An open PDF, as every backend presents it."""

    backend: str
    page_count: int
    metadata: dict[str, str]

    def page(self, number: int) -> RawPage:
        """Read page ``number`` (1-based)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> "SourceDocument": ...

    def __exit__(self, *exc: object) -> None: ...


def check_input_file(path: str | os.PathLike[str]) -> Path:
    """Fail early, with a clear message, on paths that cannot be a readable PDF.

    Raises:
        InputError: missing path, a folder, unreadable or empty file.
        NotAPdfError: the first bytes are not a PDF header.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a PDF file",
                         hint="pass a PDF file; for a folder, read its files one by one "
                              "(for f in DIR/*.pdf; do olparse parse \"$f\" -o \"${f%.pdf}.json\"; done)")
    try:
        with p.open("rb") as fh:
            head = fh.read(MAGIC_SEARCH_BYTES)
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from exc
    if not head:
        raise InputError(f"{p}: the file is empty (0 bytes)",
                         hint="the download or copy was probably cut off; fetch the file again")
    if PDF_MAGIC not in head:
        raise NotAPdfError(f"{p}: not a PDF ({describe_magic(head)})")
    return p


def describe_magic(head: bytes) -> str:
    """Name what a file's first bytes look like, for the not-a-PDF message."""
    known = {
        b"\xff\xd8\xff": "it is a JPEG image",
        b"\x89PNG": "it is a PNG image",
        b"GIF8": "it is a GIF image",
        b"PK\x03\x04": "it is a ZIP archive (or a DOCX/EPUB/IDML)",
        b"II*\x00": "it is a TIFF image",
        b"MM\x00*": "it is a TIFF image",
        b"<!DOCTYPE html": "it is an HTML page",
        b"<html": "it is an HTML page",
    }
    for magic, what in known.items():
        if head.startswith(magic) or head.lstrip().lower().startswith(magic.lower()):
            return what
    return "the file does not start with %PDF-"


def other_backend(name: str) -> str:
    """The backend to fall back to when ``name`` fails."""
    return BACKENDS[1] if name == BACKENDS[0] else BACKENDS[0]


_CODE_PREFIX = re.compile(r"^code=\d+:\s*")


def backend_reason(exc: BaseException, path: str | os.PathLike[str] | None = None) -> str:
    """A short, path-free description of a backend exception, for messages and warnings."""
    cause = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], BaseException) else None
    text = str(cause if cause is not None else exc)
    if path is not None:
        text = text.replace(f"'{path}'", "the file").replace(str(path), "the file")
    from ._common import printable
    text = printable(_CODE_PREFIX.sub("", text))[:300]
    name = type(cause if cause is not None else exc).__name__
    return f"{name}: {text}" if text else name


def load_backend(backend: str) -> None:
    """Import a backend's library now (PyMuPDF takes about 0.3 s to import).

    ``olparse.guard`` calls this before it forks page workers, so that they start with the
    library loaded instead of importing it again in every worker of every document.
    Unknown names are left for ``open_document`` to report.
    """
    if backend == "pymupdf":
        from . import pymupdf_backend  # noqa: F401
    elif backend == "pdfplumber":
        from . import pdfplumber_backend  # noqa: F401


def settle_reader_process(backend: str) -> None:
    """Settings for a process that only reads pages (a page worker), which the parent process
    must not get: see ``pymupdf_backend.skip_colour_management``."""
    if backend == "pymupdf":
        from .pymupdf_backend import skip_colour_management
        skip_colour_management()


def open_document(path: str | os.PathLike[str], backend: str = DEFAULT_BACKEND,
                  password: str | None = None) -> SourceDocument:
    """Open ``path`` with the named backend after checking it looks like a PDF.

    Raises:
        OptionsError: unknown backend name.
        InputError and subclasses: see ``check_input_file``; encrypted or corrupt files.
    """
    p = check_input_file(path)
    if backend == "pymupdf":
        from .pymupdf_backend import PyMuPDFDocument
        return PyMuPDFDocument(p, password)
    if backend == "pdfplumber":
        from .pdfplumber_backend import PdfPlumberDocument
        return PdfPlumberDocument(p, password)
    raise OptionsError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
