"""Options: what a caller may choose, validated once with exact messages.

Every public entry point accepts ``None``, a mapping, or an ``Options`` object and calls
``Options.resolve``. Layout thresholds are not options: they are derived from each document's
own typography (see docs/pipeline.md).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Mapping

from .errors import OptionsError
from .extract import BACKENDS, DEFAULT_BACKEND

DEFAULT_MAX_PAGES = 2000
DEFAULT_PAGE_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class Options:
    """Choices for one parse.

    Attributes:
        backend: ``"pymupdf"`` (default, fast) or ``"pdfplumber"``.
        password: the password of an encrypted PDF.
        pages: 1-based page numbers to read (``None``: all). Structure (articles, TOC) is
            found among the selected pages only.
        max_pages: refuse documents with more pages than this (protects batch runs).
        page_timeout: seconds one page may take before it is skipped with a warning.
        fallback: when the chosen backend cannot open the file, try the other one.
    """

    backend: str = DEFAULT_BACKEND
    password: str | None = None
    pages: tuple[int, ...] | None = None
    max_pages: int = DEFAULT_MAX_PAGES
    page_timeout: float = DEFAULT_PAGE_TIMEOUT
    fallback: bool = True

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise OptionsError(f"unknown backend {self.backend!r}; choose one of {', '.join(BACKENDS)}")
        if self.pages is not None:
            if not all(isinstance(p, int) and p >= 1 for p in self.pages):
                raise OptionsError(f"pages must be whole numbers from 1 up, not {self.pages!r}")
        if not isinstance(self.max_pages, int) or self.max_pages < 1:
            raise OptionsError(f"max_pages must be a whole number from 1 up, not {self.max_pages!r}")
        if not isinstance(self.page_timeout, (int, float)) or self.page_timeout <= 0:
            raise OptionsError(f"page_timeout must be a positive number of seconds, not {self.page_timeout!r}")

    @classmethod
    def resolve(cls, value: "Options | Mapping[str, Any] | None" = None, **overrides: Any) -> "Options":
        """Accept ``None``, a mapping or an ``Options``; apply keyword overrides."""
        if value is None:
            base = cls()
        elif isinstance(value, Options):
            base = value
        elif isinstance(value, Mapping):
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(value) - known)
            if unknown:
                raise OptionsError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
            base = cls(**{k: _coerce(k, v) for k, v in value.items()})
        else:
            raise OptionsError(f"options must be a mapping or Options, not {type(value).__name__}")
        if overrides:
            return cls.resolve({**{f.name: getattr(base, f.name) for f in fields(cls)}, **overrides})
        return base

    def page_numbers(self, page_count: int) -> list[int]:
        """The selected pages that exist, in order."""
        from .errors import LimitExceededError
        if page_count > self.max_pages and self.pages is None:
            raise LimitExceededError(f"the PDF has {page_count} pages, more than the limit of {self.max_pages}",
                                     hint="raise --max-pages, or choose pages with --pages")
        if self.pages is None:
            return list(range(1, page_count + 1))
        chosen = sorted({p for p in self.pages if p <= page_count})
        if not chosen:
            raise OptionsError(f"none of the requested pages exist; the PDF has {page_count} pages")
        return chosen

    def with_backend(self, backend: str) -> "Options":
        return replace(self, backend=backend)


def _coerce(name: str, value: Any) -> Any:
    if name == "pages" and value is not None:
        return tuple(value)
    return value


def parse_page_spec(spec: str) -> tuple[int, ...]:
    """``"1,3-5"`` -> ``(1, 3, 4, 5)``; raises ``OptionsError`` with the bad part."""
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            if "-" in part:
                a, b = part.split("-", 1)
                lo, hi = int(a), int(b)
                if lo < 1 or hi < lo:
                    raise ValueError
                pages.extend(range(lo, hi + 1))
            else:
                n = int(part)
                if n < 1:
                    raise ValueError
                pages.append(n)
        except ValueError:
            raise OptionsError(f"bad page range {part!r} in --pages {spec!r}; write e.g. 1,3-5") from None
    if not pages:
        raise OptionsError(f"--pages {spec!r} selects no pages; write e.g. 1,3-5")
    return tuple(pages)
