#!/usr/bin/env python3
"""Speed benchmark: pages per second of ``olparse text`` next to PyMuPDF's own ``rawdict``.

    python benchmarks/speed.py [PDF ...] [--repeat N] [--json OUT.json]

With no PDFs it measures the bundled fixtures (fixtures/*.pdf). Each PDF is processed in this
process (no interpreter start-up in the numbers), ``--repeat`` times, PyMuPDF and olparse in
turn, and the best run of each counts (the least disturbed by other load on the machine).
Reported per file and in total:

* ``rawdict p/s``: PyMuPDF opening the file and calling ``page.get_text("rawdict")`` on every
  page, the floor any PyMuPDF-based extractor pays;
* ``olparse p/s``: ``olparse.parse(...).to_text()``, the whole pipeline;
* ``ratio``: olparse time / rawdict time (the target is at most 2);
* ``stage shares``: extraction + layout (per page) vs. the document stages;
* ``peak MiB``: peak resident memory of this process after the file (``ru_maxrss``).

This is a measurement, not a test: it never fails on a number.
"""

from __future__ import annotations

import argparse
import glob
import json
import resource
import sys
import time
from pathlib import Path

import pymupdf

from olparse.options import Options
from olparse.pipeline import analyse, read_layouts
from olparse.worker import reap_workers


def time_rawdict(path: str) -> tuple[float, int]:
    start = time.perf_counter()
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text("rawdict")
        pages = doc.page_count
    return time.perf_counter() - start, pages


def time_olparse(path: str) -> tuple[float, float]:
    """Seconds for the per-page stages and for the document stages + text rendering."""
    start = time.perf_counter()
    info, layouts, warnings = read_layouts(path, Options(), reap=False)
    middle = time.perf_counter()
    analyse(info, layouts, warnings).to_text()
    reap_workers()  # as ``parse`` does: the page workers exit while the document stages run
    return middle - start, time.perf_counter() - middle


def peak_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def measure(path: str, repeat: int) -> dict:
    time_olparse(path)  # warm up: imports, the OS file cache
    raws, runs = [], []
    for _ in range(repeat):  # interleaved, so a burst of load elsewhere hits both sides alike
        raws.append(time_rawdict(path))
        runs.append(time_olparse(path))
    raw = min(raws, key=lambda r: r[0])
    pages_t, doc_t = min(runs, key=lambda r: r[0] + r[1])
    total = pages_t + doc_t
    return {"pdf": Path(path).name, "pages": raw[1], "rawdict_s": round(raw[0], 4),
            "olparse_s": round(total, 4), "per_page_stages_s": round(pages_t, 4),
            "document_stages_s": round(doc_t, 4), "ratio": round(total / raw[0], 2) if raw[0] else None,
            "peak_mib": round(peak_mib(), 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdfs", nargs="*")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    pdfs = a.pdfs or sorted(glob.glob(str(Path(__file__).resolve().parent.parent / "fixtures" / "*.pdf")))
    rows = [measure(p, a.repeat) for p in pdfs]
    print(f"{'pdf':40} {'pages':>5} {'rawdict p/s':>11} {'olparse p/s':>11} {'ratio':>6} {'per-page %':>10} {'peak MiB':>8}")
    for r in rows:
        print(f"{r['pdf'][:40]:40} {r['pages']:5d} {r['pages'] / r['rawdict_s']:11.1f} "
              f"{r['pages'] / r['olparse_s']:11.1f} {r['ratio']:6.2f} "
              f"{100 * r['per_page_stages_s'] / r['olparse_s']:10.0f} {r['peak_mib']:8.1f}")
    pages = sum(r["pages"] for r in rows)
    raw_s = sum(r["rawdict_s"] for r in rows)
    ol_s = sum(r["olparse_s"] for r in rows)
    print(f"{'total':40} {pages:5d} {pages / raw_s:11.1f} {pages / ol_s:11.1f} {ol_s / raw_s:6.2f}")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
