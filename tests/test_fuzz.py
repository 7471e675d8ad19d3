"""Fuzzing the contract: any bytes give a document or an ``OlparseError``, within a deadline.

Two hypothesis tests feed ``parse`` with random bytes (with and without a ``%PDF-`` header)
and with mutated copies of small PDFs (bit flips, truncation, deleted objects, zeroed ranges,
duplicated chunks, damaged keywords). Whatever happens, only ``OlparseError`` subclasses may
escape, a document must serialise to schema-valid UTF-8 JSON, and each example must finish
within ``DEADLINE``. Files that break this contract go to tests/robustness/crashers/ and are
replayed by ``test_known_crashers`` (two campaigns of about 6,000 random examples each found none;
the crashes found on the shared corpus are reproduced by cases in tests/robustness/).

By default the examples are derandomised (the same every run, so CI is stable). For a longer,
random campaign::

    OLPARSE_FUZZ_EXAMPLES=500 python -m pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from olparse.errors import OlparseError
from olparse.pipeline import parse
from robustness.make_cases import path_of

HERE = Path(__file__).resolve().parent
CRASHERS = HERE / "robustness" / "crashers"
SEED_NAMES = ["clean.pdf", "recursive_xobject.pdf", "tilted_text.pdf", "bad_zlib.pdf", "encrypted_rc4.pdf",
              "scan_plus_text.pdf"]
#: Seconds one page may take while fuzzing (the guard's limit), and one whole example.
PAGE_LIMIT = 5.0
DEADLINE = timedelta(seconds=60)
RANDOM_EXAMPLES = int(os.environ.get("OLPARSE_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=RANDOM_EXAMPLES or 25,
    derandomize=not RANDOM_EXAMPLES,
    deadline=DEADLINE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def seed_bytes() -> list[bytes]:
    seeds = [path_of(name).read_bytes() for name in SEED_NAMES if path_of(name).exists()]
    try:
        from olparse.testing import generate, random_spec
        seeds.append(generate(random_spec(7, n_articles=1)).pdf_bytes)
    except ImportError:  # the generator needs pyphen (test extra)
        pass
    return seeds


SEEDS = seed_bytes()


def check_contract(data: bytes, backend: str = "pymupdf") -> str:
    """Parse ``data``; fail the test unless the result is a valid document or an OlparseError.

    Returns ``"ok"`` or the name of the error class (for the statistics hypothesis prints).
    """
    with tempfile.TemporaryDirectory(prefix="olparse-fuzz-") as tmp:
        path = Path(tmp) / "fuzz.pdf"
        path.write_bytes(data)
        start = time.monotonic()
        try:
            doc = parse(path, backend=backend, page_timeout=PAGE_LIMIT, timeout=DEADLINE.total_seconds() / 2)
        except OlparseError as exc:
            line = exc.one_line()
            assert line and "\n" not in line
            return type(exc).__name__
        finally:
            assert time.monotonic() - start < DEADLINE.total_seconds()
        doc.to_json(validate=True).encode("utf-8")
        doc.to_text().encode("utf-8")
        return "ok"


# ------------------------------------------------------------------------------ mutations
OBJECT = re.compile(rb"\n(\d+) 0 obj\b.*?\bendobj", re.S)
KEYWORDS = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"startxref", b"/Root",
            b"/Pages", b"/Kids", b"/Length", b"/Contents", b"/Font", b"BT", b"ET", b"Tj"]


def flip_bits(data: bytes, positions: list[int]) -> bytes:
    out = bytearray(data)
    for p in positions:
        out[p % len(out)] ^= 1 << (p % 8)
    return bytes(out)


def delete_object(data: bytes, index: int) -> bytes:
    """Remove the ``index``-th ``N 0 obj ... endobj`` (the xref then points at the wrong bytes)."""
    spans = [m.span() for m in OBJECT.finditer(data)]
    if not spans:
        return data
    a, b = spans[index % len(spans)]
    return data[:a] + data[b:]


def damage_keyword(data: bytes, keyword: bytes, replacement: bytes) -> bytes:
    return data.replace(keyword, replacement, 1)


@st.composite
def mutated_pdfs(draw) -> bytes:
    """A seed PDF with one to three mutations."""
    data = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["flip", "truncate", "delete", "zero", "duplicate", "keyword", "insert"]))
        n = len(data)
        if n < 16:
            break
        if kind == "flip":
            data = flip_bits(data, draw(st.lists(st.integers(0, 8 * n), min_size=1, max_size=32)))
        elif kind == "truncate":
            data = data[: draw(st.integers(1, n - 1))]
        elif kind == "delete":
            data = delete_object(data, draw(st.integers(0, 200)))
        elif kind == "zero":
            a = draw(st.integers(0, n - 1))
            data = data[:a] + bytes(draw(st.integers(1, 512))) + data[a + 1:]
        elif kind == "duplicate":
            a = draw(st.integers(0, n - 1))
            b = min(n, a + draw(st.integers(1, 4096)))
            data = data[:b] + data[a:b] * draw(st.integers(1, 4)) + data[b:]
        elif kind == "keyword":
            data = damage_keyword(data, draw(st.sampled_from(KEYWORDS)),
                                  draw(st.sampled_from([b"", b"obj", b"999999999", b"<<", b"(", b"R R R"])))
        else:
            a = draw(st.integers(0, n))
            data = data[:a] + draw(st.binary(min_size=1, max_size=64)) + data[a:]
    return data


# ------------------------------------------------------------------------------ the tests
@FUZZ
@given(st.binary(max_size=2048), st.sampled_from([b"", b"%PDF-1.7\n", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<"]))
def test_random_bytes_give_a_document_or_an_olparse_error(body, header):
    check_contract(header + body)


@pytest.mark.skipif(not SEEDS, reason="no seed PDFs")
@FUZZ
@given(mutated_pdfs(), st.sampled_from(["pymupdf", "pymupdf", "pdfplumber"]))
def test_mutated_pdfs_give_a_document_or_an_olparse_error(data, backend):
    check_contract(data, backend)


#: Inputs that once broke the contract: the crashers folder (fuzzing finds), plus reproductions of
#: the crashes found on the shared corpus while the guard was built (a page-tree cycle escaped as
#: MuPDF's FzErrorFormat; a ToUnicode map to a lone surrogate made the JSON unwritable).
KNOWN_CRASHERS = sorted(CRASHERS.glob("*.pdf")) + [path_of(n) for n in ("page_tree_cycle.pdf",
                                                                        "surrogate_tounicode.pdf")]


@pytest.mark.parametrize("path", KNOWN_CRASHERS, ids=lambda p: p.name)
@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
def test_known_crashers(path, backend):
    """Files that once broke the contract keep honouring it."""
    check_contract(path.read_bytes(), backend)


def test_contract_check_notices_a_foreign_exception(monkeypatch):
    """The fuzz contract must fail when something other than an OlparseError escapes."""
    import olparse.pipeline

    def leaky(*args, **kwargs):
        raise KeyError("leaked")

    monkeypatch.setattr(olparse.pipeline, "parse", leaky)
    monkeypatch.setitem(globals(), "parse", leaky)
    with pytest.raises(KeyError):
        check_contract(b"%PDF-1.7\n")
