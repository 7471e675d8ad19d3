"""The page worker: the process that reads pages for ``guard``, and the page work itself.

Input: a PDF path, a backend, a page plan, and ``("read", page numbers)`` commands on a pipe.
Output: ``("open", DocInfo, planned pages)`` (or ``("error", ...)``), then one
``("page", PageResult)`` message per page: the planned pages first, then those of each command.
Two workers of one document share a ``PageQueue``: each takes the next page of the plan when
it is free, so neither waits while the other has pages left.

``read_page`` is the work for one page (extract, lay out, fall back to ``plain.plain_layout``
when the layout fails); it runs here or, without isolation, in the parent. The process is
forked from the parent where the platform allows it (the parent loads the backend first and
freezes its heap, so the worker starts warm and does not copy it), caps its own address space,
ignores Ctrl-C and writes nothing to the parent's stdout or stderr. Pages are sent without
their lines' runs (``page_message``): the document stages do not need them.
"""

from __future__ import annotations

import contextlib
import copyreg
import gc
import io
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from .errors import BackendError, OlparseError
from .model import Line, PageLayout, RawPage
from .plain import plain_layout

try:  # loaded here, in the parent, so that a forked worker does not import it while it starts
    import resource
except ImportError:  # not on Windows, where no memory limit is set
    resource = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from .guard import Limits

#: The page worker's first-generation collection threshold (Python's default is 700).
WORKER_GC_THRESHOLD = 20_000

LayoutFn = Callable[[RawPage], PageLayout]
#: The pages a worker starts on by itself once it has opened the document, from its page count.
PlanFn = Callable[[int], Sequence[int]]


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What the backend says about the whole document."""

    backend: str
    page_count: int
    metadata: dict[str, str]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page as the worker read it.

    ``layout`` is ``None`` when the page could not be read; ``failure`` then says why and
    ``kind`` is ``"error"`` (the backend raised), ``"timeout"`` or ``"crash"`` (the worker died).
    ``warnings`` are problems that were worked around (damage, a layout fallback).
    """

    number: int
    layout: PageLayout | None
    warnings: tuple[str, ...] = ()
    failure: str = ""
    kind: str = "ok"
    fatal: bool = False


# ------------------------------------------------------------------------------ page work
def read_page(src: Any, number: int, layout: LayoutFn | None) -> PageResult:
    """Extract page ``number`` of an open document and lay it out (``None``: ``plain_layout``).

    Backend failures become a failed ``PageResult``; a failing layout stage falls back to
    ``plain_layout`` with a warning, so the page's text is kept.
    """
    from .extract import backend_reason
    try:
        raw = src.page(number)
    except MemoryError:
        return PageResult(number, None, (), "it needs more memory than the limit allows", "error", fatal=True)
    except Exception as exc:
        return PageResult(number, None, (), f"{src.backend} cannot read it ({backend_reason(exc)})", "error",
                          fatal=is_memory_error(exc))
    warnings = list(raw.warnings)
    if layout is None:
        return PageResult(number, plain_layout(raw), tuple(warnings))
    try:
        return PageResult(number, layout(raw), tuple(warnings))
    except Exception as exc:  # a bug in a layout stage must not cost the page's text
        warnings.append(f"layout analysis failed ({describe_bug(exc)}); "
                        "the page's text is kept in content-stream order")
        return PageResult(number, plain_layout(raw), tuple(warnings), fatal=isinstance(exc, MemoryError))


#: How the worker pickles a page: every line as ``Line.without_runs`` would give it.
SLIM_PAGES = {**copyreg.dispatch_table, Line: Line.reduce_without_runs}


def page_message(result: PageResult) -> bytes:
    """``("page", result)`` pickled as the worker sends it: lines without their runs, which
    only the per-page stages use (pickling them was most of the cost of sending a page).

    The pickler writes each line without its runs directly, rather than copying the page
    first; the parent's ``Connection.recv`` reads it as any other message.
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = SLIM_PAGES
    pickler.dump(("page", result))
    return buffer.getvalue()


def is_memory_error(exc: BaseException) -> bool:
    """True for Python's and MuPDF's out-of-memory errors."""
    return isinstance(exc, MemoryError) or "memory" in type(exc).__name__.lower()


def describe_bug(exc: BaseException) -> str:
    """``TypeError at lines.py:120: message``, for a warning that points at the failing code."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    from .extract._common import printable
    text = printable(str(exc))[:200]
    return f"{type(exc).__name__}{where}" + (f": {text}" if text else "")


def open_source(path: str, backend: str, password: str | None) -> tuple[Any, DocInfo]:
    """Open ``path`` with ``backend``; backend bugs become ``BackendError``."""
    from .extract import backend_reason, open_document
    try:
        src = open_document(path, backend, password)
    except OlparseError:
        raise
    except Exception as exc:
        raise BackendError(f"{path}: {backend} failed while opening the file ({backend_reason(exc, path)})") from exc
    info = DocInfo(src.backend, src.page_count, dict(src.metadata), tuple(getattr(src, "warnings", ())))
    return src, info


# ------------------------------------------------------------------------------ sharing pages
class PageQueue:
    """The pages of one document shared by two workers, each taking the next when it is free.

    Why. Pages differ in cost by a factor of ten and more (a cover against a page of small
    type in five columns), and no cheap measure of the content stream predicts it. A fixed
    share left one worker idle for a third of the reading of a six-page file while the other
    still had two pages; taking pages one at a time ends both within about one page.

    Shared memory, not messages: a counter of pages taken (behind a lock) and, per worker, the
    page it is on (``1 +`` its index in the plan; ``0`` between pages; ``-1`` when it has
    stopped taking pages). The parent reads the latter to name the page of a worker that died
    or ran out of time. Made in the parent before the workers start; forked workers inherit
    it, spawned ones receive it as an argument.
    """

    #: Seconds a worker waits for the lock before it stops taking pages (a worker killed while
    #: holding it would otherwise block the other for good; the parent then reads what is left).
    LOCK_WAIT = 5.0

    def __init__(self) -> None:
        ctx = mp_context()
        self._taken = ctx.RawValue("i", 0)
        self._lock = ctx.Lock()
        self._on = ctx.RawArray("i", 2)

    def take(self, which: int, count: int) -> int | None:
        """The index of the next page for worker ``which`` (of ``count``); ``None`` when none
        is left. The page is marked as this worker's in the same step."""
        if not self._lock.acquire(timeout=self.LOCK_WAIT):
            self._on[which] = -1
            return None
        try:
            index = self._taken.value
            if index >= count:
                self._on[which] = -1
                return None
            self._taken.value = index + 1
            self._on[which] = index + 1
            return index
        finally:
            self._lock.release()

    def done(self, which: int) -> None:
        """Worker ``which`` has sent its page."""
        self._on[which] = 0

    def page_of(self, which: int) -> int | None:
        """The plan index of the page worker ``which`` is on; ``None`` between pages or after."""
        on = self._on[which]
        return on - 1 if on > 0 else None

    def finished(self, which: int) -> bool:
        """True once worker ``which`` takes no more pages."""
        return self._on[which] == -1

    def exhausted(self, count: int) -> bool:
        return self._taken.value >= count


def make_queue() -> PageQueue | None:
    """A ``PageQueue``, or ``None`` where the platform has no shared semaphores (e.g. no
    ``/dev/shm``): the document is then read by one worker."""
    try:
        return PageQueue()
    except (OSError, ImportError, ValueError):
        return None


# ------------------------------------------------------------------------------ the worker
def worker_main(conn: Any, path: str, backend: str, password: str | None, memory_mb: int | None,
                layout: LayoutFn | None, plan: PlanFn | None = None, queue: PageQueue | None = None,
                which: int = 0) -> None:
    """The worker process: open the document, read the pages of ``plan`` (if any), then the
    pages the parent asks for.

    The ``("open", info, planned)`` message names the pages the worker goes on to read without
    a command (``planned_pages``): the parent would otherwise first have to learn the page count
    and send them, a round trip of a few milliseconds on every document. With a ``queue`` the
    planned pages are shared with the other worker (``take_pages``); ``("take", numbers)`` does
    the same for a worker that was started without a plan.
    """
    quiet_worker()
    limit_memory(memory_mb)
    relax_collector()
    with contextlib.suppress(Exception):
        from .extract import settle_reader_process
        settle_reader_process(backend)
    try:
        src, info = open_source(path, backend, password)
    except OlparseError as exc:
        conn.send(("error", exc))
        return
    except MemoryError:
        conn.send(("error", BackendError(f"{path}: opening the file needs more memory than the limit allows")))
        return
    planned = planned_pages(plan, info.page_count)
    conn.send(("open", info, planned))
    with src:
        if planned and not read_planned(conn, src, planned, layout, queue, which):
            return
        while True:
            command, payload = conn.recv()
            if command == "take" and queue is not None:
                if not take_pages(conn, src, payload, layout, queue, which):
                    return
                continue
            if command != "read":
                return
            numbers, plain = payload
            if not send_pages(conn, src, numbers, None if plain else layout):
                return


def read_planned(conn: Any, src: Any, numbers: Sequence[int], layout: LayoutFn | None,
                 queue: PageQueue | None, which: int) -> bool:
    if queue is not None:
        return take_pages(conn, src, numbers, layout, queue, which)
    return send_pages(conn, src, numbers, layout)


def planned_pages(plan: PlanFn | None, page_count: int) -> tuple[int, ...]:
    """The pages ``plan`` gives for ``page_count``; none when it fails (the parent, which
    makes the same choice, then reports why)."""
    if plan is None:
        return ()
    try:
        return tuple(plan(page_count))
    except Exception:
        return ()


def send_pages(conn: Any, src: Any, numbers: Sequence[int], layout: LayoutFn | None) -> bool:
    """Read and send ``numbers`` one page at a time; ``False`` when the worker must exit."""
    for number in numbers:
        result = read_page(src, number, layout)
        conn.send_bytes(page_message(result))
        if result.fatal:  # out of memory: the process may be in a bad state
            return False
    return True


def take_pages(conn: Any, src: Any, numbers: Sequence[int], layout: LayoutFn | None, queue: PageQueue,
               which: int) -> bool:
    """Read and send the pages of ``numbers`` that this worker takes from ``queue`` (the other
    worker takes the rest); ``False`` when the worker must exit."""
    while (index := queue.take(which, len(numbers))) is not None:
        result = read_page(src, numbers[index], layout)
        conn.send_bytes(page_message(result))
        queue.done(which)
        if result.fatal:
            return False
    return True


def relax_collector() -> None:
    """Collect cyclic garbage less often in the worker.

    Reading a page allocates tens of thousands of small objects that live until the page is
    sent, and almost none of them form cycles; at the default threshold the collector runs
    over them again and again. A larger first-generation threshold keeps collection for the
    rare cycles at a fraction of the cost.
    """
    gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(max(gen0, WORKER_GC_THRESHOLD), gen1, gen2)


def quiet_worker() -> None:
    """Ignore Ctrl-C (the parent stops the worker) and send stray output to /dev/null.

    ``faulthandler`` (enabled by pytest, or ``python -X faulthandler``) is switched off too: it
    writes to a file descriptor of its own, and a crash here is reported by the parent.
    """
    with contextlib.suppress(Exception):
        import faulthandler
        faulthandler.disable()
    with contextlib.suppress(Exception):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        for fd in (1, 2):
            os.dup2(devnull, fd)
        os.close(devnull)


def limit_memory(memory_mb: int | None) -> None:
    """Cap the address space at what the process uses now plus ``memory_mb`` (Linux only)."""
    if not memory_mb or resource is None or not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        with open("/proc/self/statm") as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = used + memory_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def mp_context() -> Any:
    """``fork`` where available (the child needs no re-import), else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, path: str, backend: str, password: str | None, limits: Limits,
                 layout: LayoutFn | None, plan: PlanFn | None = None, queue: PageQueue | None = None,
                 which: int = 0):
        ctx = mp_context()
        if ctx.get_start_method() == "fork":
            from .extract import load_backend
            with contextlib.suppress(Exception):  # only a head start: the worker reports failures
                load_backend(backend)  # forked workers inherit the loaded library
        else:
            plan = None  # a spawned worker would have to pickle it; it waits for the command
        self.retiring = False  # told to exit after its last page
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=worker_main, daemon=True, name="olparse-reader",
                                   args=(child, path, backend, password, limits.memory_mb, layout, plan,
                                         queue, which))
        gc.freeze()  # the worker's collector then skips the inherited heap (no copy-on-write)
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        child.close()

    def receive(self, timeout: float | None) -> tuple | None:
        """The next message, ``None`` after ``timeout`` seconds; ``EOFError`` when the worker died."""
        try:
            if not self.conn.poll(timeout):
                return None
            return self.conn.recv()
        except ConnectionResetError:  # it died with messages still unread: the same as EOF
            raise EOFError from None

    def send(self, message: tuple) -> None:
        """Send a command; a worker that has died is found out by ``receive``, not here."""
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.conn.send(message)

    def describe_death(self) -> str:
        self.process.join(1.0)
        code = self.process.exitcode
        if code is not None and code < 0:
            with contextlib.suppress(ValueError):
                return f"the reader process died ({signal.Signals(-code).name})"
        return f"the reader process died (exit code {code})"

    def stop(self, wait: bool = True) -> None:
        """Stop the worker; without ``wait`` it is left to exit (it was told to, or is killed)
        and ``reap_workers`` waits for it later, while the caller goes on."""
        with contextlib.suppress(Exception):
            if self.process.is_alive() and (wait or not self.retiring):
                self.process.kill()
            if wait:
                self.process.join(5.0)
            else:
                EXITING.append(self.process)
        with contextlib.suppress(Exception):
            self.conn.close()


#: Workers stopped without waiting for them (``Worker.stop(wait=False)``), for ``reap_workers``.
EXITING: list[Any] = []


def reap_workers() -> None:
    """Wait for every worker stopped without waiting: none may outlive the parse.

    A worker's exit takes a few milliseconds (the kernel frees its memory); reading pages
    stops its workers without waiting, so that this overlaps the document stages.
    """
    while EXITING:
        process = EXITING.pop()
        with contextlib.suppress(Exception):
            process.join(5.0)
            if process.is_alive():
                process.kill()
                process.join(5.0)
