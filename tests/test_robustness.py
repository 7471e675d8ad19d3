"""Bad input never crashes, hangs or loses data: the library side (issue 5).

Every reproduction in tests/robustness/ (built by ``make_cases.py``) must give either a
schema-valid document or the ``OlparseError`` subclass of its documented exit code. The guard
(worker process, time and memory limits, fallbacks) is tested with layout functions that
sleep, crash, fail or eat memory on purpose, so each protection is seen to work.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import signal
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from olparse.document import validate_document
from olparse.errors import (BackendError, CorruptPdfError, EncryptedPdfError, ExitCode, InputError,
                            LimitExceededError, NotAPdfError, OlparseError, OptionsError, ParseTimeoutError)
from olparse.extract import backend_reason, open_document
from olparse.extract._common import baseline_across, clean_text, printable
from olparse.extract.coverage import output_words, word_key
from olparse.guard import Limits, read_pages
from olparse.plain import plain_layout
from olparse.options import Options
from olparse.pipeline import layout_page, parse
from robustness.make_cases import CASES, OWNER_PASSWORD, USER_PASSWORD, path_of

from conftest import make_page, make_rotated_run, make_run

#: Cases whose reading is slow on purpose (the time-limit tests use them).
SLOW_CASES = {"glyph_flood.pdf"}
ERROR_OF_CODE = {3: InputError, 4: NotAPdfError, 5: CorruptPdfError, 6: EncryptedPdfError}


def case_path(name: str) -> Path:
    path = path_of(name)
    if not path.exists():
        pytest.fail(f"{path} is missing; run python tests/robustness/make_cases.py")
    return path


def words_of(doc) -> set[str]:
    return set(output_words(doc.to_dict()))


def warnings_of(doc) -> list[str]:
    """Warnings as the reader words them: ``page N: message`` when they concern one page."""
    return [f"page {w.page}: {w.message}" if w.page and not w.message.startswith("page ") else w.message
            for w in doc.warnings]


# ------------------------------------------------------------------------------ every case
@pytest.mark.parametrize("case", [c for c in CASES if c.name not in SLOW_CASES], ids=lambda c: c.name)
def test_case_gives_valid_json_or_its_documented_error(case):
    path = case_path(case.name)
    if case.exit_code:
        with pytest.raises(OlparseError) as info:
            parse(path)
        assert info.value.exit_code == case.exit_code, info.value.one_line()
        assert isinstance(info.value, ERROR_OF_CODE[case.exit_code])
        assert "\n" not in info.value.one_line()
        return
    doc = parse(path)
    data = json.loads(doc.to_json(validate=True))
    validate_document(data)
    assert {word_key(w) for w in case.words} <= words_of(doc)


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
@pytest.mark.parametrize("name", ["encrypted_aes256.pdf", "encrypted_rc4.pdf"])
def test_encrypted_file_needs_and_takes_its_password(name, backend):
    path = case_path(name)
    with pytest.raises(EncryptedPdfError, match="needs a password"):
        parse(path, backend=backend, fallback=False)
    with pytest.raises(EncryptedPdfError, match="wrong password") as info:
        parse(path, backend=backend, password="not-the-password", fallback=False)
    assert info.value.exit_code == ExitCode.ENCRYPTED_PDF
    assert "--password" in info.value.one_line()
    doc = parse(path, backend=backend, password=USER_PASSWORD)
    assert "ledelse" in words_of(doc)
    assert doc.source["backend"] == backend


def test_owner_password_opens_too():
    doc = parse(case_path("encrypted_aes256.pdf"), password=OWNER_PASSWORD)
    assert "ledelse" in words_of(doc)


def test_owner_only_file_is_read_with_a_permissions_warning():
    doc = parse(case_path("owner_only.pdf"))
    assert "ledelse" in words_of(doc)
    assert any("permissions do not allow copying" in w for w in warnings_of(doc))


def test_scanned_page_gives_no_text_layer_warning_per_page():
    doc = parse(case_path("scan_plus_text.pdf"))
    assert [(w.code, w.page) for w in doc.warnings if w.code == "no_text_layer"] == [("no_text_layer", 2)]
    assert "ocr" in next(w.message for w in doc.warnings if w.code == "no_text_layer").lower()
    only = parse(case_path("image_only.pdf"))
    assert [w.page for w in only.warnings if w.code == "no_text_layer"] == [1]
    validate_document(only.to_dict())


@pytest.mark.parametrize("name", ["bad_startxref.pdf", "one_byte_missing.pdf", "no_xref.pdf", "truncated.pdf"])
def test_repaired_file_says_so(name):
    doc = parse(case_path(name))
    assert any("rebuilt its cross-reference table" in w for w in warnings_of(doc))


def test_damaged_stream_keeps_what_decodes_and_says_so():
    doc = parse(case_path("bad_zlib.pdf"))
    assert "ledelse" in words_of(doc)
    assert any(w.startswith("page 1: MuPDF found damage") and "zlib" in w for w in warnings_of(doc))


def test_page_tree_cycle_names_the_page_it_could_not_read():
    doc = parse(case_path("page_tree_cycle.pdf"))
    assert "sidetræet" in words_of(doc)
    assert any(w.startswith("page 2 is missing from the output") and "cycle in page tree" in w
               for w in warnings_of(doc))


def test_lone_surrogates_never_reach_the_output():
    doc = parse(case_path("surrogate_tounicode.pdf"))
    doc.to_json(validate=True).encode("utf-8")  # raised UnicodeEncodeError before the fix
    assert "og" in words_of(doc)


def test_tilted_lines_stay_apart_with_their_word_spaces():
    words = words_of(parse(case_path("tilted_text.pdf")))
    assert {"backwards", "elbows", "relax", "shoulder"} <= words
    assert not any("backwards" in w and w != "backwards" for w in words)


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_both_backends_read_the_clean_case(backend):
    doc = parse(case_path("clean.pdf"), backend=backend)
    assert {"ledelse", "tillid", "kommunen"} <= words_of(doc)
    assert not doc.warnings


# ------------------------------------------------------------------------------ time limits
def sleepy_layout(raw):
    """A layout stage that hangs (stands in for a quadratic stage on a huge page)."""
    time.sleep(60)
    return layout_page(raw)


def test_slow_layout_is_cut_off_and_the_page_kept_in_stream_order():
    start = time.monotonic()
    outcome = read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: range(1, n + 1),
                         Limits(page_timeout=1.0), layout=sleepy_layout)
    assert time.monotonic() - start < 15
    assert [p.number for p in outcome.layouts] == [1, 2]
    text = " ".join(b.text for p in outcome.layouts for b in p.blocks)
    assert "Ledelse" in text and "tillid" in text
    assert sum("longer than the limit of 1 s" in w for w in outcome.warnings) == 2


def test_document_timeout_stops_reading():
    start = time.monotonic()
    with pytest.raises(ParseTimeoutError) as info:
        read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: range(1, n + 1),
                   Limits(page_timeout=None, timeout=1.5), layout=sleepy_layout)
    assert time.monotonic() - start < 10
    assert info.value.exit_code == ExitCode.TIMEOUT
    assert not multiprocessing.active_children()


def test_glyph_flood_is_stopped_by_the_page_timeout():
    start = time.monotonic()
    with pytest.raises(ParseTimeoutError) as info:
        parse(case_path("glyph_flood.pdf"), page_timeout=1)
    assert time.monotonic() - start < 20
    assert "longer than the limit of 1 s" in info.value.message
    assert "--page-timeout" in info.value.hint
    assert not multiprocessing.active_children()


# ------------------------------------------------------------------------------ crashes and bugs
def crashing_layout(raw):
    """Kill the reader process on page 1, as a segfault in MuPDF would."""
    if raw.number == 1:
        os.kill(os.getpid(), signal.SIGSEGV)
    return layout_page(raw)


def buggy_layout(raw):
    raise TypeError("a bug in a layout stage")


def hungry_layout(raw):
    """Ask for far more memory than the limit allows."""
    blob = bytearray(8 * 1024 ** 3)
    return blob and layout_page(raw)


@pytest.mark.skipif(sys.platform == "win32", reason="signals")
def test_crashing_page_costs_that_page_only():
    outcome = read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: range(1, n + 1),
                         Limits(page_timeout=20), layout=crashing_layout)
    assert [p.number for p in outcome.layouts] == [2]
    assert any(w.startswith("page 1 is missing from the output") and "SIGSEGV" in w for w in outcome.warnings)
    assert not multiprocessing.active_children()


def test_layout_bug_keeps_the_text_and_points_at_the_code():
    outcome = read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: [1],
                         Limits(page_timeout=20), layout=buggy_layout)
    assert "tillid" in " ".join(b.text for b in outcome.layouts[0].blocks)
    assert any("layout analysis failed (TypeError at test_robustness.py:" in w for w in outcome.warnings)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_memory_limit_turns_a_runaway_page_into_a_warning():
    outcome = read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: range(1, n + 1),
                         Limits(page_timeout=20, memory_mb=256), layout=hungry_layout)
    assert [p.number for p in outcome.layouts] == [1, 2]
    assert sum("MemoryError" in w for w in outcome.warnings) == 2
    assert "tillid" in " ".join(b.text for p in outcome.layouts for b in p.blocks)


def test_in_process_reading_gives_the_same_document():
    isolated = parse(case_path("clean.pdf")).to_dict()
    here = parse(case_path("clean.pdf"), isolate=False).to_dict()
    assert isolated == here


def test_no_reader_process_outlives_a_parse():
    parse(case_path("clean.pdf"))
    with pytest.raises(EncryptedPdfError):
        parse(case_path("encrypted_aes256.pdf"))

    def interrupt(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        parse(case_path("clean.pdf"), progress=interrupt)
    assert not multiprocessing.active_children()


@settings(deadline=None)  # a queue per example: a semaphore and shared memory, slow on a busy machine
@given(st.integers(0, 40), st.lists(st.sampled_from([0, 1]), max_size=120))
def test_two_workers_taking_pages_in_any_order_take_each_page_once(count, turns):
    """However the two workers' turns interleave, every page of the plan is taken exactly
    once, the queue names the page each worker is on, and both end up finished."""
    from olparse.worker import PageQueue
    queue = PageQueue()
    taken: list[int] = []
    for which in turns + [0, 1] * (count + 1):
        if queue.finished(which):
            continue
        index = queue.take(which, count)
        if index is None:
            assert queue.finished(which) and queue.page_of(which) is None
            continue
        assert queue.page_of(which) == index
        taken.append(index)
        queue.done(which)
        assert queue.page_of(which) is None and not queue.finished(which)
    assert sorted(taken) == taken == list(range(count))
    assert queue.finished(0) and queue.finished(1) and queue.exhausted(count)


@given(st.binary(max_size=5000), st.lists(st.integers(-2, 40), max_size=12))
def test_the_file_digest_taken_in_slices_is_the_files_sha256(data, slices):
    """However the reading of pages slices it, the digest is that of the whole file."""
    import hashlib
    import tempfile
    from olparse.pipeline import FileDigest
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(data)
        fh.flush()
        with FileDigest(fh.name) as digest:
            for k in slices:
                digest.step(k)
            assert digest.hexdigest() == hashlib.sha256(data).hexdigest()


def test_page_workers_exit_while_the_document_stages_run_and_are_waited_for():
    """``read_pages(reap=False)`` returns without waiting for its workers to exit (a few
    milliseconds each); ``reap_workers`` then leaves none behind. The first worker is always
    left to exit; the second, told to exit after its last page, may have done so while the
    pages were read (on a loaded machine), and is then joined at once."""
    from olparse import worker
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-items.pdf"  # 8 pages: two workers
    outcome = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(), reap=False)
    assert len(outcome.layouts) == 8
    assert 1 <= len(worker.EXITING) <= 2
    worker.reap_workers()
    assert not worker.EXITING and not multiprocessing.active_children()


# ------------------------------------------------------------------------------ fallbacks
def test_unopenable_file_is_opened_with_the_other_backend(monkeypatch):
    from olparse.extract import pymupdf_backend

    def refuse(self, path, password=None):
        raise CorruptPdfError(f"{path}: MuPDF cannot read it as a PDF (simulated)")

    monkeypatch.setattr(pymupdf_backend.PyMuPDFDocument, "__init__", refuse)
    doc = parse(case_path("clean.pdf"), isolate=False)
    assert doc.source["backend"] == "pdfplumber"
    assert any("pymupdf could not open the file" in w and "pdfplumber instead" in w for w in warnings_of(doc))
    with pytest.raises(CorruptPdfError, match="simulated"):
        parse(case_path("clean.pdf"), isolate=False, fallback=False)


def test_unreadable_page_is_read_with_the_other_backend(monkeypatch):
    from olparse.extract import pymupdf_backend
    real = pymupdf_backend.PyMuPDFDocument.page

    def page(self, number):
        if number == 2:
            raise RuntimeError("simulated damage on page 2")
        return real(self, number)

    monkeypatch.setattr(pymupdf_backend.PyMuPDFDocument, "page", page)
    doc = parse(case_path("clean.pdf"), isolate=False)
    assert [p.number for p in doc.pages] == [1, 2]
    assert any(w.startswith("page 2: pymupdf cannot read it (RuntimeError: simulated damage on page 2)")
               and "read with pdfplumber instead" in w for w in warnings_of(doc))


def test_no_readable_page_is_a_corrupt_pdf(monkeypatch):
    from olparse.extract import pdfplumber_backend, pymupdf_backend

    def broken(self, number):
        raise RuntimeError("simulated")

    monkeypatch.setattr(pymupdf_backend.PyMuPDFDocument, "page", broken)
    monkeypatch.setattr(pdfplumber_backend.PdfPlumberDocument, "page", broken)
    with pytest.raises(CorruptPdfError, match="no page could be read"):
        parse(case_path("clean.pdf"), isolate=False)


def test_backend_bug_while_opening_is_a_backend_error(monkeypatch):
    from olparse.extract import pdfplumber_backend, pymupdf_backend

    def explode(self, path, password=None):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(pymupdf_backend.PyMuPDFDocument, "__init__", explode)
    monkeypatch.setattr(pdfplumber_backend.PdfPlumberDocument, "__init__", explode)
    with pytest.raises(BackendError, match="ZeroDivisionError: simulated bug") as info:
        parse(case_path("clean.pdf"), isolate=False)
    assert info.value.exit_code == ExitCode.BACKEND


# ------------------------------------------------------------------------------ limits and options
def test_page_limit():
    with pytest.raises(LimitExceededError, match="2 pages, more than the limit of 1") as info:
        parse(case_path("clean.pdf"), max_pages=1)
    assert info.value.exit_code == ExitCode.LIMIT_EXCEEDED
    assert [p.number for p in parse(case_path("clean.pdf"), max_pages=1, pages=(2,)).pages] == [2]


@pytest.mark.parametrize("name, value, message", [
    ("page_timeout", 0, "page_timeout must be a positive number"),
    ("page_timeout", float("inf"), "page_timeout must be a positive number"),
    ("timeout", -1, "timeout must be a positive number"),
    ("timeout", "10", "timeout must be a positive number"),
    ("memory_limit_mb", 10, "memory_limit_mb must be a whole number"),
    ("memory_limit_mb", True, "memory_limit_mb must be a whole number"),
    ("max_pages", True, "max_pages must be a whole number"),
    ("fallback", "yes", "fallback must be True or False"),
    ("isolate", 1, "isolate must be True or False"),
    ("password", 1234, "password must be a string"),
    ("backend", "pdfium", "unknown backend 'pdfium'"),
    ("colour", 1, "unknown option(s): colour"),
])
def test_bad_options_are_refused_with_exact_messages(name, value, message):
    with pytest.raises(OptionsError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        Options.resolve({name: value})
    assert isinstance(info.value, ValueError)
    assert info.value.exit_code == ExitCode.BAD_ARGS


def test_none_means_no_limit():
    opts = Options.resolve({"page_timeout": None, "timeout": None, "memory_limit_mb": None})
    assert (opts.page_timeout, opts.timeout, opts.memory_limit_mb) == (None, None, None)


# ------------------------------------------------------------------------------ small parts
def test_errors_cross_the_process_boundary_with_their_hint():
    err = EncryptedPdfError("x.pdf: wrong password", hint="check it", page=3)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), back.message, back.hint, back.page) == (EncryptedPdfError, err.message, "check it", 3)
    assert back.one_line() == "x.pdf: wrong password (check it)"


def test_backend_reason_is_short_and_path_free():
    exc = RuntimeError("code=7: cannot open '/tmp/x.pdf'\n  as pdf")
    assert backend_reason(exc, "/tmp/x.pdf") == "RuntimeError: cannot open the file as pdf"
    wrapped = Exception(ValueError("inner"))
    assert backend_reason(wrapped) == "ValueError: inner"


def test_text_cleaning():
    assert clean_text("a\ud800b") == "a\ufffdb"
    assert printable("bad \udcdb\x07 key\n next") == "bad \ufffd? key next"


@pytest.mark.parametrize("dx, dy, expected", [
    (1, 0, 20.0), (0, -1, 10.0), (0, 1, -10.0), (-1, 0, -20.0)])
def test_baseline_across_axis_directions(dx, dy, expected):
    assert baseline_across(dx, dy, 10.0, 20.0) == pytest.approx(expected)


def test_baseline_across_separates_tilted_lines():
    import math
    a = math.radians(10)
    dx, dy = math.cos(a), math.sin(a)  # tilted 10 degrees clockwise on the page
    along = [baseline_across(dx, dy, 100 + t * dx, 200 + t * dy) for t in (0, 30, 60)]
    next_line = baseline_across(dx, dy, 100 - 12 * dy, 200 + 12 * dx)
    assert max(along) - min(along) < 1e-6
    assert next_line - along[0] == pytest.approx(12)


def test_open_document_closes_nothing_twice_on_wrong_password():
    with pytest.raises(EncryptedPdfError):
        open_document(case_path("encrypted_aes256.pdf"), password="nope")


# ------------------------------------------------------------------------------ plain layout
def test_plain_layout_keeps_every_word_in_stream_order():
    runs = [make_run("Første linje", 50, 100), make_run("med to dele", 120, 100),
            make_run("anden linje", 50, 112), make_run("Rubrik", 300, 60, size=20),
            make_rotated_run("Foto: Ib", 40, 500)]
    layout = plain_layout(make_page(runs))
    texts = [b.text for b in layout.blocks]
    assert texts == ["Første linje med to dele\nanden linje", "Rubrik", "Foto: Ib"]
    assert [b.id for b in layout.blocks] == [0, 1, 2]


def test_plain_layout_marks_line_end_hyphens():
    runs = [make_run("ledel\u00ad", 50, 100), make_run("sesudvikling og for-", 50, 112), make_run("løb", 50, 124)]
    lines = [ln for b in plain_layout(make_page(runs)).blocks for ln in b.lines]
    assert [(ln.text, ln.hyphen_signal) for ln in lines] == [
        ("ledel", "soft"), ("sesudvikling og for-", "hyphen"), ("løb", "")]


def test_plain_layout_is_linear():
    runs = [make_run(f"ord{i}", 20 + (i % 8) * 70, 50 + (i // 8) % 60 * 12, seq=i) for i in range(30_000)]
    start = time.perf_counter()
    layout = plain_layout(make_page(runs))
    assert time.perf_counter() - start < 10  # a quadratic step would take minutes here
    assert sum(len(b.text.split()) for b in layout.blocks) == 30_000


def parse_in_pool_worker(path: str) -> tuple[list[str], int]:
    doc = parse(path)
    return [w.message for w in doc.warnings], len(doc.pages)


def test_parse_inside_a_daemonic_pool_worker_reads_in_process():
    """Pool workers may not start processes; olparse then reads in process and says so."""
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(1) as pool:
        warnings, pages = pool.apply(parse_in_pool_worker, (str(case_path("clean.pdf")),))
    assert pages == 2
    assert any("without time and memory limits" in w for w in warnings)


def test_two_workers_give_the_same_document_as_reading_in_process():
    """Long documents are shared between two page workers; the result must not change."""
    from pathlib import Path as _Path
    fixture = _Path(__file__).resolve().parent.parent / "fixtures" / "gen-items.pdf"  # 8 pages: shared
    shared = parse(fixture).to_dict()
    alone = parse(fixture, isolate=False).to_dict()
    shared.pop("warnings"), alone.pop("warnings")
    assert shared == alone


def test_a_page_crosses_from_the_worker_without_runs_and_nothing_else_lost():
    """The worker pickles each line as ``Line.without_runs`` gives it; the rest of the page
    (blocks, word spaces, stream order, word counts) must arrive unchanged."""
    from olparse.worker import PageResult, page_message
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-2col.pdf"
    with open_document(fixture, "pymupdf") as src:
        layout = layout_page(src.page(2))
    kind, result = pickle.loads(page_message(PageResult(2, layout, ("a warning",))))
    assert kind == "page" and result.warnings == ("a warning",)
    sent = result.layout
    lines = [ln for b in layout.blocks for ln in b.lines]
    arrived = [ln for b in sent.blocks for ln in b.lines]
    assert lines and all(ln.runs for ln in lines) and not any(ln.runs for ln in arrived)
    assert arrived == [ln.without_runs() for ln in lines]
    assert [(ln.seq, ln.word_gaps, ln.style) for ln in arrived] == [(ln.seq, ln.word_gaps, ln.style) for ln in lines]
    assert [b.text for b in sent.blocks] == [b.text for b in layout.blocks]
    assert sent.words.words == layout.words.words and sent.columns == layout.columns


# ------------------------------------------------------------------------------ worker start
def test_workers_start_with_the_backend_loaded_and_the_parent_unfrozen():
    """The parent imports the backend's library before forking (no import per worker) and
    freezes its heap only for the fork itself."""
    import gc
    import subprocess

    code = ("import sys, gc\n"
            "from olparse.guard import Limits, read_pages\n"
            "from olparse.pipeline import layout_page\n"
            "assert 'olparse.extract.pymupdf_backend' not in sys.modules\n"
            f"read_pages({str(case_path('clean.pdf'))!r}, 'pymupdf', None, lambda n: range(1, n + 1), "
            "Limits(page_timeout=30), layout=layout_page)\n"
            "assert 'olparse.extract.pymupdf_backend' in sys.modules\n"
            "assert gc.get_freeze_count() == 0\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert gc.get_freeze_count() == 0


def test_the_worker_collects_garbage_less_often():
    import gc

    from olparse.worker import WORKER_GC_THRESHOLD, relax_collector

    before = gc.get_threshold()
    try:
        relax_collector()
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*before)
    assert after[0] >= WORKER_GC_THRESHOLD and after[1:] == before[1:]


def test_pages_are_all_read_when_the_second_worker_cannot_start(monkeypatch):
    """The first worker is told to start on its share before the second one opens; when the
    second cannot open, the first reads the other share too, and every page comes back once."""
    import olparse.guard as guard

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-2col.pdf"
    shared = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=30),
                        layout=layout_page)
    assert len(shared.layouts) >= guard.PARALLEL_MIN_PAGES
    real_open = guard.GuardedReader.open
    opened = []

    def open_once(self):
        if opened:
            raise OSError("no second process")
        opened.append(self)
        return real_open(self)

    monkeypatch.setattr(guard.GuardedReader, "open", open_once)
    alone = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=30),
                       layout=layout_page)
    assert [p.number for p in alone.layouts] == [p.number for p in shared.layouts]
    assert [[b.text for b in p.blocks] for p in alone.layouts] == [[b.text for b in p.blocks] for p in shared.layouts]


def test_the_spare_worker_of_a_short_document_is_stopped():
    """The second worker starts before the page count is known; on a short document it is
    stopped, and no process is left behind."""
    from olparse.guard import PARALLEL_MIN_PAGES

    outcome = read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: range(1, n + 1),
                         Limits(page_timeout=30), layout=layout_page)
    assert 0 < len(outcome.layouts) < PARALLEL_MIN_PAGES
    assert not multiprocessing.active_children()


@given(st.integers(0, 60), st.none() | st.lists(st.integers(1, 70), min_size=1, max_size=20))
def test_the_workers_plans_are_the_pages_they_are_then_asked_for(page_count, selection):
    """A worker starts on its planned pages before the parent knows the page count; the plans
    must be exactly what ``read_pages`` then reads: the selected pages, which both workers
    share on a document long enough to share (the second plans nothing on a shorter one)."""
    from olparse.guard import PARALLEL_MIN_PAGES, Share
    options = Options(pages=selection)
    try:
        numbers = options.page_numbers(page_count)
    except OlparseError:
        for which in (0, 1, None):  # the worker plans nothing; the parent reports the error
            with pytest.raises(OlparseError):
                Share(options.page_numbers, which)(page_count)
        return
    first, second = Share(options.page_numbers, 0)(page_count), Share(options.page_numbers, 1)(page_count)
    assert first == numbers
    assert second == (numbers if len(numbers) >= PARALLEL_MIN_PAGES else [])
    assert Share(options.page_numbers, None)(page_count) == numbers


def test_a_worker_reads_its_planned_pages_without_being_asked():
    """The open message names the planned pages, and they follow without a read command."""
    from olparse.worker import Worker
    worker = Worker(str(case_path("clean.pdf")), "pymupdf", None, Limits(), layout_page, plan=lambda n: [n])
    try:
        kind, info, planned = worker.receive(30)
        assert kind == "open" and planned == (info.page_count,)
        kind, result = worker.receive(30)
        assert kind == "page" and result.number == info.page_count and result.layout.blocks
    finally:
        worker.stop()


def test_a_reader_whose_worker_planned_other_pages_still_reads_the_asked_ones():
    """Should a plan and a request ever differ, the busy worker is replaced, not misread."""
    from olparse.guard import GuardedReader
    with GuardedReader(case_path("clean.pdf"), "pymupdf", None, Limits(page_timeout=30), layout_page,
                       plan=lambda n: [1]) as reader:
        reader.open()
        reader.request([2])
        assert [r.number for r in reader.read([2])] == [2]
        assert [r.number for r in reader.read([1])] == [1]
    assert not multiprocessing.active_children()


def late_first_page(raw):
    """Page 1 takes a while: the other worker's pages must not wait for it."""
    if raw.number == 1:
        time.sleep(1.5)
    return layout_page(raw)


def record_order(monkeypatch) -> list[int]:
    """The page numbers in the order ``read_pages`` receives them."""
    import olparse.guard as guard
    order: list[int] = []
    real = guard.report_progress

    def record(pages, total, progress):
        for result in real(pages, total, progress):
            order.append(result.number)
            yield result

    monkeypatch.setattr(guard, "report_progress", record)
    return order


def test_while_one_worker_is_on_a_slow_page_the_other_takes_all_the_rest(monkeypatch):
    """Pages are taken one at a time from a shared queue: while one worker spends 1.5 s on
    page 1, the other reads every other page (a fixed share would have left half of them
    waiting behind page 1), and each page comes back once."""
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-2col.pdf"
    order = record_order(monkeypatch)
    outcome = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=30),
                         layout=late_first_page)
    numbers = [p.number for p in outcome.layouts]
    assert len(numbers) >= 4 and numbers == sorted(numbers) and sorted(order) == numbers
    assert order[-1] == 1


def crash_on_third_page(raw):
    if raw.number == 3:
        os.kill(os.getpid(), signal.SIGSEGV)
    return layout_page(raw)


def hang_on_third_page(raw):
    if raw.number == 3:
        time.sleep(60)
    return layout_page(raw)


@pytest.mark.skipif(sys.platform == "win32", reason="signals")
def test_a_worker_that_dies_on_a_shared_page_costs_that_page_only():
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-2col.pdf"
    outcome = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=20),
                         layout=crash_on_third_page, fallback=False)
    numbers = [p.number for p in outcome.layouts]
    assert 3 not in numbers and numbers == [n for n in range(1, len(numbers) + 2) if n != 3]
    assert any(w.startswith("page 3 is missing from the output") and "SIGSEGV" in w for w in outcome.warnings)
    assert not multiprocessing.active_children()


def test_a_shared_page_that_runs_out_of_time_is_kept_in_stream_order():
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-2col.pdf"
    start = time.monotonic()
    outcome = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=1.0),
                         layout=hang_on_third_page)
    assert time.monotonic() - start < 15
    full = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=30),
                      layout=layout_page)
    assert [p.number for p in outcome.layouts] == [p.number for p in full.layouts]
    assert [w for w in outcome.warnings if "longer than the limit" in w] == [
        "page 3: laying it out took longer than the limit of 1 s; its text is kept in content-stream order"]
    assert not multiprocessing.active_children()


def test_spawned_workers_share_the_pages_as_forked_ones_do(monkeypatch):
    """Where workers are spawned (no ``fork``), they get no plan: the parent tells both to
    take the pages, and the document is the same."""
    from olparse import worker
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-2col.pdf"
    forked = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=60),
                        layout=layout_page)
    monkeypatch.setattr(worker, "mp_context", lambda: multiprocessing.get_context("spawn"))
    spawned = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=60),
                         layout=layout_page)
    assert [[b.text for b in p.blocks] for p in spawned.layouts] == [[b.text for b in p.blocks] for p in forked.layouts]
    assert not spawned.warnings
    assert not multiprocessing.active_children()


def test_a_page_whose_text_was_left_out_as_unreadable_is_not_called_a_scan():
    """A page whose only font read as dingbats has no blocks left; its warning says why, and
    the "no text layer (a scan?)" warning, which would be wrong, is not given."""
    from olparse.extract.unmapped import LEFT_OUT
    from olparse.model import PageLayout
    from olparse.pipeline import SourceInfo, analyse
    info = SourceInfo("x.pdf", "0" * 64, 2, "pymupdf", {})
    layouts = [PageLayout(1, 595, 842, ()), PageLayout(2, 595, 842, ())]
    warning = f"page 1: font 'Type3 (29 0 R)' has no Unicode mapping that reads: its 300 characters {LEFT_OUT}"
    doc = analyse(info, layouts, [warning])
    assert [(w.code, w.page) for w in doc.warnings] == [("unmapped_font", 1), ("no_text_layer", 2)]


def test_page_workers_read_without_colour_management_and_the_caller_keeps_it(monkeypatch, tmp_path):
    """ICC colour management is switched off in the page workers (colours only tell styles
    apart; building a profile's transform cost every worker about 7 ms per document), never in
    the caller's process, whose setting PyMuPDF cannot report and olparse must not change."""
    from olparse.extract import pymupdf_backend
    calls = tmp_path / "calls"

    def record():
        with open(calls, "a") as fh:
            fh.write(f"{os.getpid()}\n")

    monkeypatch.setattr(pymupdf_backend, "skip_colour_management", record)
    read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=30),
               layout=layout_page)
    pids = calls.read_text().split()
    assert pids and str(os.getpid()) not in pids
    calls.unlink()
    read_pages(case_path("clean.pdf"), "pymupdf", None, lambda n: range(1, n + 1), Limits(isolate=False),
               layout=layout_page)
    assert not calls.exists()


def test_without_shared_memory_one_worker_reads_every_page(monkeypatch):
    """Where no page queue can be made (no shared semaphores, e.g. no ``/dev/shm``), no second
    worker starts and the first reads every page, in order."""
    import olparse.guard as guard
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "gen-2col.pdf"
    shared = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=30),
                        layout=layout_page)
    monkeypatch.setattr(guard, "make_queue", lambda: None)
    order = record_order(monkeypatch)
    alone = read_pages(fixture, "pymupdf", None, lambda n: range(1, n + 1), Limits(page_timeout=30),
                       layout=layout_page)
    assert order == sorted(order) == [p.number for p in shared.layouts]
    assert [[b.text for b in p.blocks] for p in alone.layouts] == [[b.text for b in p.blocks] for p in shared.layouts]
    assert not multiprocessing.active_children()
