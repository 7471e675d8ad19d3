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
DEFAULT_TIMEOUT: float | None = None
DEFAULT_MEMORY_LIMIT_MB = 2048


@dataclass(frozen=True, slots=True)
class Options:
    """Choices for one parse.

    Attributes:
        backend: ``"pymupdf"`` (default, fast) or ``"pdfplumber"``.
        password: the password of an encrypted PDF.
        pages: 1-based page numbers to read (``None``: all). Structure (articles, TOC) is
            found among the selected pages only.
        max_pages: refuse documents with more pages than this (protects batch runs).
        page_timeout: seconds one page may take (extraction and layout). A page whose layout
            runs over is laid out again in plain stream order; a page the backend cannot read
            in time is left out, with a warning. ``None``: no limit.
        timeout: seconds reading the whole document may take before olparse gives up with
            ``ParseTimeoutError``; ``None`` (default): no limit beyond ``page_timeout``.
        memory_limit_mb: memory (MiB) the page reader may use on top of what it starts with;
            ``None``: no limit (Linux only; elsewhere ignored).
        fallback: when the chosen backend cannot open the file or read a page, try the other one
            (recorded in the warnings).
        isolate: read pages in a separate process so that limits can be enforced (default).
            ``False`` reads in this process: easier to debug, but only ``timeout`` is checked,
            between pages.
    """

    backend: str = DEFAULT_BACKEND
    password: str | None = None
    pages: tuple[int, ...] | None = None
    max_pages: int = DEFAULT_MAX_PAGES
    page_timeout: float | None = DEFAULT_PAGE_TIMEOUT
    timeout: float | None = DEFAULT_TIMEOUT
    memory_limit_mb: int | None = DEFAULT_MEMORY_LIMIT_MB
    fallback: bool = True
    isolate: bool = True

    def __post_init__(self) -> None:
        if self.backend not in BACKENDS:
            raise OptionsError(f"unknown backend {self.backend!r}; choose one of {', '.join(BACKENDS)}")
        if self.pages is not None:
            if not all(isinstance(p, int) and not isinstance(p, bool) and p >= 1 for p in self.pages):
                raise OptionsError(f"pages must be whole numbers from 1 up, not {self.pages!r}")
        if not isinstance(self.max_pages, int) or isinstance(self.max_pages, bool) or self.max_pages < 1:
            raise OptionsError(f"max_pages must be a whole number from 1 up, not {self.max_pages!r}")
        for name in ("page_timeout", "timeout"):
            value = getattr(self, name)
            if value is not None and (not _is_number(value) or not 0 < value < float("inf")):
                raise OptionsError(f"{name} must be a positive number of seconds or None, not {value!r}")
        if self.memory_limit_mb is not None and (not isinstance(self.memory_limit_mb, int)
                                                 or isinstance(self.memory_limit_mb, bool)
                                                 or self.memory_limit_mb < 64):
            raise OptionsError(f"memory_limit_mb must be a whole number of MiB from 64 up or None, "
                               f"not {self.memory_limit_mb!r}")
        for name in ("fallback", "isolate"):
            if not isinstance(getattr(self, name), bool):
                raise OptionsError(f"{name} must be True or False, not {getattr(self, name)!r}")
        if self.password is not None and not isinstance(self.password, str):
            raise OptionsError("password must be a string")

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


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


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
