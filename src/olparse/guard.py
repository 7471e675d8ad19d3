"""Time and memory limits for reading pages: a worker process that can be stopped.

Input: a PDF path, a backend and the page numbers to read. Output: one ``PageResult`` per page
(a ``PageLayout``, or the reason there is none) and the document's ``DocInfo``.

Why a process. The expensive parts of reading a page run where Python cannot stop them:
MuPDF works in C, where a signal handler only runs after the C call returns, and a content
stream that inflates to millions of glyphs or a layout stage that goes quadratic on an OCR layer
can take minutes or gigabytes. So each document is read by a child process and the parent waits
for every page with a deadline::

    parent (GuardedReader)                      worker (worker_main, one per document)
    open() ---- start (with a page plan) ---->  open the PDF under a memory limit
           <----------------------------------  ("open", DocInfo, planned) | ("error", OlparseError)
                                                for each planned page: extract, lay out
    read(numbers) ---- ("read", numbers) ---->  for each page: extract, lay out
           <----------------------------------  ("page", PageResult) ...
    no answer within page_timeout: kill the worker, report the page, restart after it
    worker gone (segfault, killed for memory):  report the page, restart after it

The worker (``worker.py``) is forked where the platform allows it (cheap: the parent loads the
backend first) and spawned elsewhere. It ignores Ctrl-C (the parent stops it) and writes nothing
to the parent's stdout or stderr, so stray library output can never mix into the JSON on
stdout. Documents of ``PARALLEL_MIN_PAGES`` pages or more are shared between two workers: each
takes the next page from a shared ``worker.PageQueue`` when it is free, so the two end within
about a page of each other however the pages' costs differ. Each worker is started with its
page plan (``Share``), so it goes from opening the file straight to the pages, and the parent
takes each page from whichever worker has one ready (``read_taken``).

Pages are never lost quietly. A page whose layout analysis fails or runs out of time is laid out
again by ``plain.plain_layout`` (linear time: lines and blocks in content-stream order) so its text
still reaches the output; only a page the backend itself cannot read within the limits is
missing, and then ``PageResult.failure`` says why.

Restrictions: with ``isolate=False`` (or where processes cannot be started) pages are read in
this process and only the document deadline is checked, between pages. The memory limit uses
``RLIMIT_AS`` and applies on Linux only.
"""

from __future__ import annotations

import contextlib
import multiprocessing.connection
import os
import time
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterator, Sequence

from .errors import BackendError, OlparseError, ParseTimeoutError
from .model import PageLayout
from .worker import (DocInfo, LayoutFn, PageQueue, PageResult, PlanFn, Worker, make_queue, open_source, read_page,
                     reap_workers)

#: Documents with at least this many pages are read by two workers where there are two cores.
PARALLEL_MIN_PAGES = 4
#: How long the worker may take to open the document when no page limit is set.
DEFAULT_OPEN_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost.

    Attributes:
        page_timeout: seconds one page may take (extraction plus layout); ``None``: no limit.
        timeout: seconds the whole reading may take; ``None``: no limit.
        memory_mb: address space the worker may add, in MiB; ``None``: no limit.
        isolate: read in a worker process (``False``: in this process, without page limits).
    """

    page_timeout: float | None = 30.0
    timeout: float | None = None
    memory_mb: int | None = 2048
    isolate: bool = True


# ------------------------------------------------------------------------------ the parent
class GuardedReader:
    """Read a document's pages in a worker process, within ``Limits``.

    Usage::

        with GuardedReader(path, "pymupdf", None, Limits(page_timeout=10)) as reader:
            info = reader.open()
            for result in reader.read([1, 2, 3]):
                ...
    """

    def __init__(self, path: str | os.PathLike[str], backend: str, password: str | None,
                 limits: Limits, layout: LayoutFn | None = None, deadline: float | None = None,
                 plan: PlanFn | None = None, queue: PageQueue | None = None, which: int = 0):
        self.path = str(path)
        self.backend = backend
        self.password = password
        self.limits = limits
        self.layout = layout
        self.deadline = deadline if deadline is not None else (
            time.monotonic() + limits.timeout if limits.timeout else None)
        self._worker: Worker | None = None
        self._requested: tuple | None = None  # pages the worker is on: planned, or sent by ``request``
        self._plan = plan  # for the first worker only: a restarted one waits for commands
        self.queue = queue  # shared with another reader's worker (the first worker only)
        self.which = which  # this reader's worker's place in ``queue``
        self._fresh = True  # the next worker is the first: it gets the plan and the queue
        self._sharing = False  # the current worker takes its pages from ``queue``
        self._since = time.monotonic()  # when the worker began its current page
        self._src: Any = None
        self.info: DocInfo | None = None
        self.notes: list[str] = []

    # -- lifecycle
    def __enter__(self) -> "GuardedReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self, wait: bool = True) -> None:
        """Stop the worker and close the document; without ``wait`` the worker's exit is waited
        for later (``worker.reap_workers``)."""
        self._stop_worker(wait)
        if self._src is not None:
            with contextlib.suppress(Exception):
                self._src.close()
            self._src = None

    def _stop_worker(self, wait: bool = True) -> None:
        if self._worker is not None:
            self._worker.stop(wait)
            self._worker = None
        self._requested = None
        self._sharing = False

    # -- opening
    def open(self) -> DocInfo:
        """Open the document (in the worker); raises the backend's ``OlparseError``.

        Where no process can be started (inside a daemonic pool worker, a sandbox without
        ``fork``), the document is read in this process and ``notes`` says that the page
        limits do not apply.
        """
        if self.limits.isolate:
            try:
                self.info = self._start_worker()
                return self.info
            except (OSError, AssertionError, ValueError) as exc:  # multiprocessing refused
                if isinstance(exc, OlparseError):
                    raise
                self.close()
                self.limits = replace(self.limits, isolate=False)
                self.notes.append(f"pages were read without time and memory limits: no reader process "
                                  f"could be started ({type(exc).__name__}: {exc})")
        self._src, self.info = open_source(self.path, self.backend, self.password)
        return self.info

    def start(self) -> None:
        """Start the worker now without waiting for it (``open`` then collects its answer), so
        that it opens the file while something else goes on. Failures wait for ``open``."""
        if self.limits.isolate and self._worker is None:
            with contextlib.suppress(OSError, AssertionError, ValueError):
                self._worker = self._new_worker()

    def _new_worker(self) -> Worker:
        plan, self._plan = self._plan, None
        queue = self.queue if self._fresh else None
        self._fresh = False
        self._sharing = queue is not None
        return Worker(self.path, self.backend, self.password, self.limits, self.layout, plan, queue, self.which)

    def _start_worker(self) -> DocInfo:
        if self._worker is None:
            self._worker = self._new_worker()
        wait = self._wait_time(self.limits.page_timeout or DEFAULT_OPEN_TIMEOUT)
        try:
            message = self._worker.receive(wait)
        except EOFError:
            death = self._worker.describe_death()
            self.close()
            raise BackendError(f"{self.path}: {death} while opening the file with {self.backend}") from None
        if message is None:
            self.close()
            self._check_deadline("opening the file")
            raise ParseTimeoutError(f"{self.path}: {self.backend} took longer than {wait:.0f} s to open the file",
                                    hint="raise --page-timeout if the file is trusted")
        if message[0] == "error":
            self.close()
            raise message[1]
        planned = message[2] if len(message) > 2 else ()
        if planned:  # ``("take", pages)``: sharing them through the queue; else reading them all
            self._requested = ("take", tuple(planned)) if self._sharing else (tuple(planned), False)
        else:
            self._requested = None
        self._since = time.monotonic()
        return message[1]

    # -- reading
    def request(self, numbers: Sequence[int], last: bool = False) -> None:
        """Let the worker start on ``numbers`` now; ``read(numbers)`` then collects the pages.

        Used to keep the first worker busy while a second one starts. A worker that planned
        these very pages (``plan``) is on them already. With ``last`` the worker exits by
        itself after these pages, so that its teardown (a few milliseconds of freeing memory)
        overlaps the other worker's pages instead of following them; a later ``read`` of other
        pages starts a new worker.
        """
        if self.limits.isolate and self._worker is not None and numbers:
            command = (tuple(numbers), False)
            if self._requested is None:
                self._requested = command
                self._worker.send(("read", command))
                self._since = time.monotonic()
            elif self._requested != command:
                return  # it planned other pages: ``read`` replaces it
            if last:
                self.retire()

    def shares_queue(self) -> bool:
        """True when this reader's worker takes its pages from the shared ``PageQueue``."""
        return self._sharing and self._worker is not None

    def take(self, numbers: Sequence[int]) -> None:
        """Let the worker take ``numbers`` from the shared queue, one page at a time as the
        other worker does (``read_taken`` collects them). A no-op where it planned them."""
        if self.shares_queue() and self._requested is None:
            self._requested = ("take", tuple(numbers))
            self._worker.send(("take", tuple(numbers)))
            self._since = time.monotonic()

    def retire(self) -> None:
        """Let the worker exit by itself once it has nothing left to take or read, so that its
        teardown overlaps the other worker's last page; a later ``read`` starts a new one."""
        if self._worker is not None:
            self._worker.send(("stop", None))
            self._worker.retiring = True

    def done_taking(self) -> bool:
        """True when no further page will come from this worker's share of the queue: it has
        none, has stopped taking pages and has no message waiting (a worker that died has
        its end of file waiting, which ``next_taken`` reports)."""
        if self._worker is None:
            return True
        return self.queue.finished(self.which) and not self._worker.conn.poll()

    def next_taken(self, numbers: Sequence[int]) -> PageResult | None:
        """The next page the worker took from the queue (``numbers`` being the plan it takes
        from), or the failure of the page it was on when it died or ran out of time (the
        worker is then stopped); ``None`` when it stopped without being on a page."""
        try:
            message = self._worker.receive(self.patience())
        except EOFError:
            index = self.queue.page_of(self.which)
            death = self._worker.describe_death()
            self._stop_worker()
            return None if index is None else PageResult(numbers[index], None, (), death, "crash")
        if message is None:
            index = self.queue.page_of(self.which)
            self._stop_worker()
            where = f"page {numbers[index]}" if index is not None else "a page"
            self._check_deadline(f"reading {where}")
            if index is None:  # stuck between pages (``PageQueue.LOCK_WAIT``): the rest is read anew
                return None
            return PageResult(numbers[index], None, (), f"reading it with {self.backend} took longer than the "
                                                        f"limit of {self.limits.page_timeout:g} s", "timeout")
        self._since = time.monotonic()
        return message[1]

    def end_taking(self) -> None:
        """The queue is done with: the worker (if it is still there) now waits for commands."""
        self._requested = None
        self._sharing = False

    def read(self, numbers: Sequence[int], plain: bool = False) -> Iterator[PageResult]:
        """Yield one ``PageResult`` per page, in order; ``plain`` uses ``plain_layout``."""
        if not self.limits.isolate:
            yield from self._read_here(numbers, plain)
            return
        pending = list(numbers)
        while pending:
            done = yield from self._read_some(pending, plain)
            pending = pending[done:]

    def _read_here(self, numbers: Sequence[int], plain: bool) -> Iterator[PageResult]:
        for number in numbers:
            self._check_deadline(f"reading page {number}")
            yield read_page(self._src, number, None if plain else self.layout)

    def _read_some(self, pending: list[int], plain: bool) -> Iterator[PageResult]:
        """Read as many of ``pending`` as the current worker manages; returns how many were done."""
        command = (tuple(pending), plain)
        if self._worker is not None and command != self._requested and (
                self._worker.retiring or self._requested is not None):
            self._stop_worker()  # on its way out, or busy with other pages: these need a new one
        if self._worker is None:
            try:
                self._start_worker()
            except OlparseError as exc:  # it opened before, so this is the damage talking
                for number in pending:
                    yield PageResult(number, None, (), f"the file could not be opened again ({exc.message})", "error")
                return len(pending)
        if command != self._requested:
            self._worker.send(("read", command))
            self._since = time.monotonic()
        self._requested = None
        for done, number in enumerate(pending):
            result = self._next_result(number)
            yield result
            if result.kind in ("timeout", "crash") or result.fatal:
                self._stop_worker()
                return done + 1
        return len(pending)

    def _next_result(self, number: int) -> PageResult:
        limit = self.limits.page_timeout
        try:
            message = self._worker.receive(self.patience())
        except EOFError:
            return PageResult(number, None, (), self._worker.describe_death(), "crash")
        self._since = time.monotonic()
        if message is None:
            self._stop_worker()
            self._check_deadline(f"reading page {number}")
            return PageResult(number, None, (), f"reading it with {self.backend} took longer than the limit of "
                                                f"{limit:g} s", "timeout")
        return message[1]

    def patience(self) -> float | None:
        """Seconds the current page has left before its limit (or the document's) runs out;
        ``None``: no limit. A page's time counts from when the worker began it, which is when
        the previous page arrived (a worker reads its pages one after another)."""
        limit = self.limits.page_timeout
        if limit is not None:
            limit = max(0.0, self._since + limit - time.monotonic())
        return self._wait_time(limit)

    def waiting_on(self) -> Any:
        """The pipe that the next page arrives on; ``None`` when no worker runs (the next read
        starts one, or reads in this process)."""
        return self._worker.conn if self._worker is not None else None

    def _wait_time(self, limit: float | None) -> float | None:
        if self.deadline is None:
            return limit
        left = max(0.0, self.deadline - time.monotonic())
        return left if limit is None else min(limit, left)

    def _check_deadline(self, doing: str) -> None:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            self.close()
            raise ParseTimeoutError(f"{self.path}: stopped while {doing}: the document took longer than "
                                    f"the limit of {self.limits.timeout:g} s")


# ------------------------------------------------------------------------------ orchestration
@dataclass(slots=True)
class ReadOutcome:
    """What ``read_pages`` returns: the document, the laid-out pages and every warning."""

    info: DocInfo
    layouts: list[PageLayout]
    warnings: list[str]


def read_pages(path: str | os.PathLike[str], backend: str, password: str | None,
               choose: Callable[[int], Sequence[int]], limits: Limits, fallback: bool = True,
               layout: LayoutFn | None = None,
               progress: Callable[[int, int], None] | None = None, reap: bool = True) -> ReadOutcome:
    """Read the chosen pages of a PDF within ``limits``, falling back where something fails.

    1. Open with ``backend``; if it cannot open the file (corrupt, crashed, timed out) and
       ``fallback`` is set, open with the other backend instead.
    2. Read every page chosen by ``choose(page_count)`` (which may raise, e.g. a page limit).
    3. Pages whose layout ran out of time are laid out again with ``plain_layout``.
    4. Pages still missing are read with the other backend (``fallback``).
    5. Raise ``CorruptPdfError`` when no chosen page could be read at all.

    Every fallback and every page left out is recorded in ``warnings``. With ``reap`` the
    workers have exited when this returns; without it the caller must call
    ``worker.reap_workers()`` (``pipeline.parse`` does, after the document stages, so that
    the workers' exit overlaps them).
    """
    deadline = time.monotonic() + limits.timeout if limits.timeout else None
    queue = make_queue() if two_workers_possible(limits) else None
    spare = spare_reader(path, backend, password, limits, layout, deadline, Share(choose, 1), queue)
    if spare._worker is None:
        queue = None  # one worker reads every page, in order
    plan = Share(choose, 0 if queue is not None else None)  # the same choice as below
    try:
        reader, warnings = open_with_fallback(path, backend, password, limits, fallback, layout, deadline,
                                              plan, queue)
    except BaseException:
        spare.close()
        raise
    with reader, spare:
        info = reader.info
        warnings.extend(reader.notes)
        limits = reader.limits
        numbers = list(choose(info.page_count))
        if reader.shares_queue():
            reader.take(numbers)  # a no-op where the worker planned these pages (it is on them)
            shared = wants_helper(reader, numbers) and spare.backend == reader.backend
            helper = opened_helper(spare) if shared else None
            if helper is None:
                spare.close()
            else:
                helper.take(numbers)
                helper.retire()
            pages = read_taken([reader, helper] if helper else [reader], numbers)
        else:
            spare.close()
            reader.request(numbers, last=True)
            pages = reader.read(numbers)
        results = {r.number: r for r in report_progress(pages, len(numbers), progress)}
        spare.close(wait=False)
        retry_plain(reader, results, warnings)
        reader.close(wait=False)
    if fallback:
        retry_other_backend(path, info.backend, password, limits, layout, deadline, results, warnings)
    if reap:
        reap_workers()
    warnings.extend(page_warnings(results.values()))
    layouts = [results[n].layout for n in numbers if results[n].layout is not None]
    if numbers and not layouts:
        raise nothing_read_error(path, [results[n] for n in numbers])
    return ReadOutcome(info, layouts, warnings)


def wants_helper(reader: GuardedReader, numbers: Sequence[int]) -> bool:
    """True when a second worker pays: pages enough to share, two cores, and a first worker."""
    return two_workers_possible(reader.limits) and reader._worker is not None and len(numbers) >= PARALLEL_MIN_PAGES


def two_workers_possible(limits: Limits) -> bool:
    """True where a document may be read by two workers: in worker processes, on two cores."""
    return limits.isolate and (os.cpu_count() or 1) >= 2


def spare_reader(path: str | os.PathLike[str], backend: str, password: str | None, limits: Limits,
                 layout: LayoutFn | None, deadline: float | None, plan: PlanFn | None = None,
                 queue: PageQueue | None = None) -> GuardedReader:
    """A second reader, its worker started at once (before the first one's) where two can run,
    so that both open the file at the same time; ``read_pages`` stops it when the document is
    too short to share or was opened with the other backend. Without a ``queue`` to share the
    pages through it starts nothing."""
    spare = GuardedReader(path, backend, password, limits, layout, deadline, plan, queue, which=1)
    if queue is not None:  # made only where two workers can run (``two_workers_possible``)
        spare.start()
    return spare


def opened_helper(spare: GuardedReader) -> GuardedReader | None:
    """The second worker (started by ``spare_reader``) once it has opened the file; ``None``
    (and the spare stopped) when it cannot. Nothing depends on it: the first then reads alone.

    Pages are independent, so two workers halve the time of a long document on two cores.
    """
    try:
        spare.open()
    except (OlparseError, OSError):
        spare.close()
        return None
    if not spare.limits.isolate:  # it could not start a process after all
        spare.close()
        return None
    return spare


@dataclass(frozen=True, slots=True)
class Share:
    """A worker's page plan: the pages that ``choose`` selects, which it shares with the other
    worker through their ``PageQueue``.

    ``which`` is 0 or 1 for the first or second of two workers, ``None`` for a worker that
    reads alone. The second plans nothing on a document too short to share (fewer than
    ``PARALLEL_MIN_PAGES`` pages), so that it takes no page before ``read_pages``, which makes
    the same choice once the page count is known, stops it.
    """

    choose: Callable[[int], Sequence[int]]
    which: int | None

    def __call__(self, page_count: int) -> list[int]:
        numbers = list(self.choose(page_count))
        if self.which == 1 and len(numbers) < PARALLEL_MIN_PAGES:
            return []
        return numbers


def read_taken(readers: Sequence[GuardedReader], numbers: Sequence[int]) -> Iterator[PageResult]:
    """Every page of ``numbers``, as the workers of ``readers`` take them from their queue and
    send them (so pages may come out of order), each page once.

    A worker that dies or runs out of time costs the page it was on (reported as a crash or a
    timeout) and the other worker takes the rest. Pages that no worker sent (both gone, or the
    second stopped with pages it had taken) are read at the end by the first reader.

    Taking pages from whichever worker has one ready matters: a page's message is larger than
    a pipe holds, so a worker whose page is not taken stops in ``send``.
    """
    seen: set[int] = set()
    working = list(readers)
    while len(seen) < len(numbers):
        working = [r for r in working if not r.done_taking()]
        if not working:
            break
        reader = first_ready(working)
        result = reader.next_taken(numbers)
        if result is None or result.number in seen:
            continue
        seen.add(result.number)
        if result.fatal:  # out of memory: the worker exits after this page
            reader._stop_worker()
        yield result
    for reader in readers:
        reader.end_taking()
    missing = [n for n in numbers if n not in seen]
    if missing:
        yield from readers[0].read(missing)


def first_ready(readers: Sequence[GuardedReader]) -> GuardedReader:
    """The reader whose next page can be taken first: one without a running worker, one whose
    worker has sent a page (or died), else, when no page arrives in time, the one whose page
    has least time left (its read then reports the timeout)."""
    pipes = {}
    for reader in readers:
        pipe = reader.waiting_on()
        if pipe is None:
            return reader
        pipes[pipe] = reader
    waits = [w for w in (r.patience() for r in readers) if w is not None]
    ready = multiprocessing.connection.wait(list(pipes), min(waits) if waits else None)
    if ready:
        return pipes[ready[0]]
    return min(readers, key=lambda r: r.patience() or 0.0)


def nothing_read_error(path: str | os.PathLike[str], failed: Sequence[PageResult]) -> OlparseError:
    """The error for a document of which no page could be read: time, memory or damage."""
    from .errors import CorruptPdfError, LimitExceededError
    first = failed[0]
    what = f"{path}: no page could be read (page {first.number}: {first.failure})"
    if all(r.kind == "timeout" or "longer than the limit" in r.failure for r in failed):
        return ParseTimeoutError(what, hint="raise --page-timeout if the file is trusted")
    if any(r.fatal or "memory" in r.failure.lower() for r in failed):
        return LimitExceededError(what, hint="raise --memory-limit if the file is trusted")
    return CorruptPdfError(what)


def open_with_fallback(path: str | os.PathLike[str], backend: str, password: str | None, limits: Limits,
                       fallback: bool, layout: LayoutFn | None, deadline: float | None,
                       plan: PlanFn | None = None, queue: PageQueue | None = None) -> tuple[GuardedReader, list[str]]:
    """An opened ``GuardedReader`` (its worker on the pages of ``plan``, through ``queue`` if
    given); the other backend when ``backend`` cannot open the file."""
    from .errors import CorruptPdfError, EncryptedPdfError, InputError
    from .extract import other_backend
    reader = GuardedReader(path, backend, password, limits, layout, deadline, plan, queue)
    try:
        reader.open()
        return reader, []
    except (CorruptPdfError, BackendError, ParseTimeoutError) as exc:
        if not fallback or isinstance(exc, EncryptedPdfError) or past(deadline):
            raise
        first = exc
    second = GuardedReader(path, other_backend(backend), password, limits, layout, deadline)
    try:
        second.open()
    except (InputError, BackendError, ParseTimeoutError):
        raise first from None
    return second, [f"{backend} could not open the file ({short_reason(first, path)}); "
                    f"it was read with {second.backend} instead"]


def retry_plain(reader: GuardedReader, results: dict[int, PageResult], warnings: list[str]) -> None:
    """Lay out again, in plain stream order, the pages that ran out of time."""
    late = [n for n, r in results.items() if r.kind == "timeout"]
    for result in reader.read(late, plain=True):
        if result.layout is not None:
            results[result.number] = result
            warnings.append(f"page {result.number}: laying it out took longer than the limit of "
                            f"{reader.limits.page_timeout:g} s; its text is kept in content-stream order")


def retry_other_backend(path: str | os.PathLike[str], backend: str, password: str | None, limits: Limits,
                        layout: LayoutFn | None, deadline: float | None,
                        results: dict[int, PageResult], warnings: list[str]) -> None:
    """Read the pages that are still missing with the other backend."""
    from .extract import other_backend
    missing = sorted(n for n, r in results.items() if r.layout is None)
    if not missing:
        return
    other = other_backend(backend)
    reader = GuardedReader(path, other, password, limits, layout, deadline)
    try:
        reader.open()
    except (OlparseError, OSError):
        return
    with reader:
        for result in reader.read(missing, plain=False):
            if result.layout is None:
                old = results[result.number]
                results[result.number] = replace(old, failure=f"{old.failure}; {result.failure}")
                continue
            warnings.append(f"page {result.number}: {results[result.number].failure}; "
                            f"it was read with {other} instead")
            results[result.number] = result


def page_warnings(results: Iterator[PageResult] | Sequence[PageResult]) -> list[str]:
    """``page N: ...`` for every problem worked around on a page and every page left out."""
    out: list[str] = []
    for r in sorted(results, key=lambda r: r.number):
        out.extend(f"page {r.number}: {w}" for w in r.warnings)
        if r.layout is None:
            out.append(f"page {r.number} is missing from the output: {r.failure}")
    return out


def report_progress(results: Iterator[PageResult], total: int,
                    progress: Callable[[int, int], None] | None) -> Iterator[PageResult]:
    for done, result in enumerate(results, 1):
        if progress:
            progress(done, total)
        yield result


def short_reason(exc: OlparseError, path: str | os.PathLike[str]) -> str:
    """An error's message without the leading ``path: ``."""
    prefix = f"{path}: "
    return exc.message[len(prefix):] if exc.message.startswith(prefix) else exc.message


def past(deadline: float | None) -> bool:
    return deadline is not None and time.monotonic() >= deadline
