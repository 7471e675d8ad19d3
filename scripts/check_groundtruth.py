#!/usr/bin/env python3
"""Score ``olparse text`` against other projects' expected outputs in the shared corpus.

Usage (from the project root)::

    python scripts/check_groundtruth.py                 # ../shared/realpdfs/groundtruth
    python scripts/check_groundtruth.py --root DIR --show

``groundtruth/`` holds real PDFs made by others with what the peer project's own tests expect
(read in place, never copied into the project). Two kinds of expectation are scored:

* ``<stem>.olmocr-bench.jsonl``: olmOCR-bench unit tests. ``present`` (a sentence is in the
  text), ``absent`` (a header or footer is not) and ``order`` (one sentence comes before
  another); ``max_diffs`` allows that many edits. Tests of other types (``math``) need a
  renderer and are counted as not applicable.
* ``<stem>.expected.txt`` / ``.expected.md``: a peer's text of the whole document. Scored by
  words: ``recall`` (share of the expected words that the output holds, as a multiset) and
  ``order`` (word-sequence similarity, 1 - indels / (both lengths), so content and order both
  count). PyMuPDF's own ``page.get_text()`` is scored the same way beside it. The peers' texts
  keep their line-end hyphens and markdown, so 1.0 is out of reach for any tool.

This is a measurement, not a test; it exits 0 unless the corpus holds no case at all.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ROOT = ROOT.parent / "shared" / "realpdfs" / "groundtruth"
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                        "\u2014": "-", "\u00ad": None})
MARKDOWN = re.compile(r"!\[[^\]]*\]\([^)]*\)|<!--.*?-->|^#+\s*|^\s*[-*]\s+|\*\*|__|\|", re.M | re.S)
WORD = re.compile(r"\w[\w'’-]*\w|\w")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def olparse_text(pdf: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "olparse", "text", str(pdf), "-q"],
                          capture_output=True, text=True, timeout=300)
    return done.stdout


def pymupdf_text(pdf: Path) -> str:
    import pymupdf
    with pymupdf.open(pdf) as doc:
        return "\n".join(page.get_text() for page in doc)


# ------------------------------------------------------------------------------ olmOCR-bench
def find(needle: str, text: str, max_diffs: int) -> int:
    """Where ``needle`` starts in ``text`` with at most ``max_diffs`` edits; -1 when nowhere."""
    exact = text.find(needle)
    if exact >= 0 or max_diffs == 0:
        return exact
    hit = fuzz.partial_ratio_alignment(needle, text)
    if hit is None:
        return -1
    best, where = max_diffs + 1, -1
    for start in range(max(0, hit.dest_start - max_diffs), hit.dest_start + max_diffs + 1):
        for end in range(max(start, hit.dest_end - max_diffs), hit.dest_end + max_diffs + 1):
            distance = Levenshtein.distance(needle, text[start:end])
            if distance < best:
                best, where = distance, start
    return where


def run_unit_test(test: dict, text: str) -> bool | None:
    """One olmOCR-bench test on normalised text; ``None`` for a type this script cannot run."""
    diffs = int(test.get("max_diffs", 0))
    kind = test.get("type")
    if kind == "present":
        return find(normalise(test["text"]), text, diffs) >= 0
    if kind == "absent":
        return find(normalise(test["text"]), text, diffs) < 0
    if kind == "order":
        before, after = find(normalise(test["before"]), text, diffs), find(normalise(test["after"]), text, diffs)
        return 0 <= before < after
    return None


def score_unit_tests(path: Path, show: bool) -> tuple[int, int, int]:
    text = normalise(olparse_text(path.with_name(path.name.replace(".olmocr-bench.jsonl", ".pdf"))))
    passed = failed = skipped = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        test = json.loads(line)
        result = run_unit_test(test, text)
        if result is None:
            skipped += 1
        elif result:
            passed += 1
        else:
            failed += 1
            if show:
                what = test.get("text") or f"{test.get('before')} || {test.get('after')}"
                print(f"    failed {test['type']}: {what[:120]}")
    return passed, failed, skipped


# ------------------------------------------------------------------------------ whole texts
def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(normalise(MARKDOWN.sub(" ", text)))]


def word_scores(expected: list[str], got: list[str]) -> tuple[float, float]:
    """``recall`` of the expected words (multiset) and word-sequence ``order`` similarity."""
    if not expected:
        return 1.0, 1.0
    held = sum((Counter(expected) & Counter(got)).values())
    return held / len(expected), Indel.normalized_similarity(expected, got)


def expected_file(pdf: Path) -> Path | None:
    for suffix in (".expected.txt", ".expected.md"):
        candidate = pdf.with_name(pdf.stem + suffix)
        if candidate.exists():
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--show", action="store_true", help="print every failed unit test")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"no corpus at {args.root}; nothing to score")
        return 0
    cases = 0
    totals = [0, 0, 0]
    print("olmOCR-bench unit tests (olparse text)")
    for path in sorted(args.root.glob("*.olmocr-bench.jsonl")):
        passed, failed, skipped = score_unit_tests(path, args.show)
        totals = [totals[0] + passed, totals[1] + failed, totals[2] + skipped]
        cases += 1
        print(f"  {path.name.replace('.olmocr-bench.jsonl', ''):40} {passed}/{passed + failed} passed"
              + (f", {skipped} not applicable" if skipped else ""))
    run = totals[0] + totals[1]
    if run:
        print(f"  {'all':40} {totals[0]}/{run} passed ({totals[0] / run:.1%})")
    print("\nwhole texts: word recall and word order, olparse vs PyMuPDF get_text()")
    print(f"  {'pdf':44} {'olparse':>15} {'pymupdf':>15}")
    sums = [0.0, 0.0, 0.0, 0.0]
    texts = 0
    for pdf in sorted(args.root.glob("*.pdf")):
        expected = expected_file(pdf)
        if expected is None:
            continue
        want = words(expected.read_text(encoding="utf-8-sig"))
        ours = word_scores(want, words(olparse_text(pdf)))
        base = word_scores(want, words(pymupdf_text(pdf)))
        sums = [s + v for s, v in zip(sums, ours + base)]
        texts += 1
        cases += 1
        print(f"  {pdf.stem:44} {ours[0]:6.3f} {ours[1]:6.3f}   {base[0]:6.3f} {base[1]:6.3f}")
    if texts:
        mean = [s / texts for s in sums]
        print(f"  {'mean':44} {mean[0]:6.3f} {mean[1]:6.3f}   {mean[2]:6.3f} {mean[3]:6.3f}")
    return 0 if cases else 1


if __name__ == "__main__":
    sys.exit(main())
