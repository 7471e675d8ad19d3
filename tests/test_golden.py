"""Golden files: the ``olparse parse`` output of every committed fixture, kept in tests/golden/.

Each fixture PDF is parsed and compared with its golden file by ``olparse.check`` at a tight
tolerance (texts equal, boxes within 0.2 pt, link scores within 0.001; ``source.sha256`` left
out because another PyMuPDF may write other bytes for the same fixture), so any change of the
output shows as a field-level diff, and ``olparse check`` is tested on real outputs at the same
time.

Regenerate the golden files on purpose (docling's pattern)::

    OLPARSE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

In that run the golden tests rewrite tests/golden/*.json (printing what changed) and pass, and
``test_update_flag_is_off`` **fails on purpose**: a run with the flag set can never pass, so a
flag left on in CI (or in a shell) cannot hide a regression by rewriting the goldens it checks.
Review ``git diff tests/golden``, run again without the flag, and commit the files with a message
that says why the output changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from olparse import parse
from olparse.check import Tolerance, compare, dumps_diffable

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURE_NAMES = sorted(p.stem for p in FIXTURES.glob("*.pdf"))
UPDATE = os.environ.get("OLPARSE_UPDATE_GOLDEN", "") not in ("", "0")
TOLERANCE = Tolerance(min_similarity=1.0, bbox=0.2, score=0.001, ignore=frozenset({"source.sha256"}))


def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.json"


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_output_matches_golden(name):
    actual = parse(FIXTURES / f"{name}.pdf").to_dict()
    path = golden_path(name)
    if UPDATE:
        if path.exists():
            changes = compare(json.loads(path.read_text(encoding="utf-8")), actual, TOLERANCE, name, str(path))
            print(changes.render(verbose=True))
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(dumps_diffable(actual), encoding="utf-8")
        return
    assert path.exists(), f"no golden file for {name}: run OLPARSE_UPDATE_GOLDEN=1 python -m pytest {__file__}"
    result = compare(json.loads(path.read_text(encoding="utf-8")), actual, TOLERANCE, name, str(path))
    assert result.ok, ("the output differs from the golden file (if the change is intended, regenerate "
                       "with OLPARSE_UPDATE_GOLDEN=1):\n" + result.render())


def test_update_flag_is_off():
    assert not UPDATE, ("OLPARSE_UPDATE_GOLDEN is set, so the golden files were just rewritten instead of "
                        "checked: review `git diff tests/golden`, then run the tests again without the flag")


def test_every_fixture_has_one_golden_file_in_diffable_form():
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == FIXTURE_NAMES
    for name in FIXTURE_NAMES:
        text = golden_path(name).read_text(encoding="utf-8")
        assert text == dumps_diffable(json.loads(text)), f"{name}.json is not in dumps_diffable form"
