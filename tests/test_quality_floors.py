"""Quality floors: minimum ``olparse.evaluate`` scores per committed fixture, which may only rise.

tests/quality_floors.json holds, for every fixture, the sha256 of its PDF and truth files and a
floor for every score that applies (the score when pinned, less ``NOISE``, rounded down to 3
places). The tests parse each fixture, score it against its truth and fail when a score falls
under its floor, when a fixture file changed since the floors were pinned (a changed fixture
must not pass silently), or when a fixture has no floors.

Re-pin after an improvement, a new fixture or a changed one (trafilatura's eval_gate)::

    python tests/test_quality_floors.py --update
    python tests/test_quality_floors.py --update --allow-regression "why the drop is accepted"

``--update`` raises floors to the new scores and refuses to lower any unless
``--allow-regression`` gives the reason, which is kept in the file's ``history``. The file is
written atomically.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

from olparse import parse
from olparse.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FLOORS = Path(__file__).resolve().parent / "quality_floors.json"
FIXTURE_NAMES = sorted(p.name[: -len(".truth.json")] for p in FIXTURES.glob("*.truth.json"))
#: Room left under a pinned score for harmless run-to-run and platform noise.
NOISE = 0.002


# ---------------------------------------------------------------------------- scoring
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(name: str) -> dict[str, str]:
    """The sha256 of a fixture's PDF and truth files."""
    return {"pdf": sha256(FIXTURES / f"{name}.pdf"), "truth": sha256(FIXTURES / f"{name}.truth.json")}


@lru_cache(maxsize=None)
def scores(name: str) -> dict[str, float]:
    """The scores (those that apply) of a fixture's parse against its truth."""
    truth = json.loads((FIXTURES / f"{name}.truth.json").read_text(encoding="utf-8"))
    result = evaluate(parse(FIXTURES / f"{name}.pdf").to_dict(), truth)
    return {k: v for k, v in result.scores.items() if v is not None}


def floor_of(score: float) -> float:
    return max(0.0, math.floor(round((score - NOISE) * 1000, 6)) / 1000)


def load_floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- tests
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_scores_stay_above_their_floors(name):
    pinned = load_floors()["fixtures"].get(name)
    assert pinned is not None, f"{name} has no floors: run python {__file__} --update"
    assert pinned["fingerprint"] == fingerprint(name), (
        f"fixture {name} changed since its floors were pinned: check its scores, then re-pin with "
        f"python {__file__} --update")
    now = scores(name)
    drops = [f"{metric} {now.get(metric)} < floor {floor}" for metric, floor in pinned["floors"].items()
             if now.get(metric) is None or now[metric] < floor]
    assert not drops, f"{name}: quality dropped under its floors:\n  " + "\n  ".join(drops)


def test_floors_file_covers_exactly_the_fixtures():
    data = load_floors()
    assert sorted(data["fixtures"]) == FIXTURE_NAMES
    assert data["noise"] == NOISE
    for entry in data.get("history", []):
        assert entry.get("reason", "").strip(), f"a lowered floor without a reason: {entry}"


def test_repin_refuses_to_lower_a_floor_without_a_reason():
    old = {"fixtures": {"x": {"fingerprint": {}, "floors": {"body_similarity": 0.99, "toc_linked": 0.5}}},
           "noise": NOISE, "history": []}
    now = {"x": ({"pdf": "p", "truth": "t"}, {"body_similarity": 0.95, "toc_linked": 1.0})}
    with pytest.raises(SystemExit, match="body_similarity 0.99 -> 0.948"):
        repin(old, now, reason=None, today="2024-01-01")
    new = repin(old, now, reason="ligatures now kept", today="2024-01-01")
    assert new["fixtures"]["x"]["floors"] == {"body_similarity": 0.948, "toc_linked": 0.998}
    assert new["history"] == [{"date": "2024-01-01", "fixture": "x", "metric": "body_similarity",
                               "from": 0.99, "to": 0.948, "reason": "ligatures now kept"}]
    assert repin(new, now, reason=None, today="2024-01-02") == new  # nothing lower: no reason needed


def test_floor_of_rounds_down_with_room_for_noise():
    assert floor_of(1.0) == 0.998 and floor_of(0.6667) == 0.664 and floor_of(0.001) == 0.0


# ---------------------------------------------------------------------------- re-pinning
def repin(old: dict, now: dict[str, tuple[dict, dict]], reason: str | None, today: str) -> dict:
    """New floors from ``now`` (fixture -> (fingerprint, scores)); refuse drops without ``reason``."""
    fixtures, history, drops = {}, list(old.get("history", [])), []
    for name, (print_, current) in sorted(now.items()):
        before = old.get("fixtures", {}).get(name, {}).get("floors", {})
        floors = {metric: floor_of(score) for metric, score in current.items()}
        for metric, was in before.items():
            new = floors.get(metric)
            if new is None or new < was:
                drops.append(f"{name} {metric} {was} -> {new}")
                if reason:
                    history.append({"date": today, "fixture": name, "metric": metric, "from": was, "to": new,
                                    "reason": reason})
        fixtures[name] = {"fingerprint": print_, "floors": floors}
    if drops and not reason:
        raise SystemExit("refusing to lower floors (give --allow-regression REASON if intended):\n  "
                         + "\n  ".join(drops))
    return {"about": ABOUT, "noise": NOISE, "fixtures": fixtures, "history": history}


ABOUT = ("Minimum olparse.evaluate scores per committed fixture (score when pinned minus noise, rounded "
         "down), with the sha256 of the fixture files. Checked by tests/test_quality_floors.py; floors may "
         "only rise: re-pin with `python tests/test_quality_floors.py --update`, and lowering one needs "
         "--allow-regression REASON, recorded in history.")


def write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Show or re-pin the quality floors of the fixtures.")
    parser.add_argument("--update", action="store_true", help="re-pin the floors to the current scores")
    parser.add_argument("--allow-regression", metavar="REASON", help="allow lowering floors, for this reason")
    args = parser.parse_args(argv)
    old = load_floors() if FLOORS.exists() else {}
    now = {name: (fingerprint(name), scores(name)) for name in FIXTURE_NAMES}
    for name, (_, current) in now.items():
        pinned = old.get("fixtures", {}).get(name, {}).get("floors", {})
        print(name + "".join(f"\n  {m:24s} {v:.4f}  (floor {pinned.get(m, '-')})" for m, v in current.items()))
    if args.update:
        new = repin(old, now, args.allow_regression, datetime.date.today().isoformat())
        write_atomically(FLOORS, json.dumps(new, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {FLOORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
