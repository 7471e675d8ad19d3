"""Documents set by another engine (Pango on cairo, tests/engines/): every source paragraph is
printed whole, word for word, by ``olparse text`` with either backend.

The rules they exercise are unit-tested one by one (letter spacing in ``test_trace`` and
``test_backends``, loose lines in ``test_lines``, paragraph conventions in
``test_paragraphs``); these documents check that they hold together on real engine output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from olparse import parse

ENGINES = Path(__file__).resolve().parent / "engines"
EXPECTED = json.loads((ENGINES / "paragraphs.json").read_text(encoding="utf-8"))


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("backend", ["pymupdf", "pdfplumber"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_paragraph_is_printed_whole(name, backend):
    text = parse(ENGINES / f"{name}.pdf", {"backend": backend}).to_text()
    printed = {words(p) for p in text.split("\n") if p.strip()}
    missing = [words(p)[:60] for p in EXPECTED[name] if words(p) not in printed]
    assert not missing, f"{len(missing)} of {len(EXPECTED[name])} paragraphs not whole: {missing}"
