"""``olparse check``: compare an output with an expected one, field by field, within tolerances.

For users' CI (docs/check.md): keep an expected ``olparse parse`` JSON next to each PDF and let
``olparse check`` say what changed, in words a reviewer can act on::

    a03 title: "Old" -> "New"
    a05 missing: "Title of the article" (pdf pages 7-8)
    a02 paragraph 4 similarity 0.912 < 0.980: …vil [-grundlæg-gende-]{+grundlæggende+} ting…
    toc entry p.12 now links a07 (was a06)

``compare(expected, actual, tolerance)`` is the pure part: two output dicts in, a
:class:`Comparison` out (a list of :class:`Difference`, each either beyond the tolerance -- a
failure -- or within it). Articles are paired by content, not by id (an inserted article must
not make every later one "changed"); body paragraphs are aligned in order, so a split or a
merged paragraph is reported as such. ``check_file`` parses a PDF and compares it with an
expected file; ``find_pairs`` lists the ``X.pdf`` + ``X.expected.json`` pairs of a folder.
``dumps_diffable`` writes JSON with one line per paragraph, box or entry, so that expected files
and golden files give readable ``git diff``\\ s.

The ``check_cmd`` click command is built on first use (see ``__getattr__`` at the end).
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from .errors import InputError, OptionsError, SchemaError
from .evaluate import match_articles, normalize, prepare

#: Suffix of expected files in folder mode: ``issue.pdf`` is checked against ``issue.expected.json``.
EXPECTED_SUFFIX = ".expected.json"
#: Below this similarity two paragraphs (or boxes, quotes, captions) are not the same one.
ALIGN_FLOOR = 0.5
#: Words of unchanged text shown on each side of a change in a text diff.
DIFF_WORDS = 4
#: At most this many changed places are shown per text diff.
DIFF_HUNKS = 3

ARTICLE_FIELDS = ("id", "kind", "section", "kicker", "title", "standfirst", "byline", "authors",
                  "credits", "pages", "title_bbox", "body", "fact_boxes", "pull_quotes", "captions",
                  "end_mark")
SECTIONS = ("schema_version", "source", "issue", "pages", "toc", "articles", "furniture", "other",
            "warnings", "hyphenation")
SOURCE_FIELDS = ("file", "sha256", "pages", "backend", "producer", "creator")
ISSUE_FIELDS = ("title", "number", "year", "issn", "language")
TOKEN = re.compile(r"\s+|[^\s]+")
#: Every name that ``--ignore`` accepts.
IGNORABLE = frozenset(SECTIONS) | {f"source.{k}" for k in SOURCE_FIELDS} | \
    {f"issue.{k}" for k in ISSUE_FIELDS} | {f"article.{k}" for k in ARTICLE_FIELDS} | \
    {"bbox", "toc.score"}


# ---------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Tolerance:
    """How far an output may drift from the expectation and still pass.

    ``min_similarity``: texts (titles, paragraphs, box and quote texts, ...) pass at this edit
    similarity (1.0 = must be equal); ``bbox``: coordinates may move this many points;
    ``score``: contents link scores may move this much; ``ignore``: names from ``IGNORABLE``.
    """

    min_similarity: float = 1.0
    bbox: float = 0.5
    score: float = 0.05
    ignore: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_similarity <= 1.0:
            raise OptionsError(f"min similarity must be between 0 and 1, got {self.min_similarity}")
        if self.bbox < 0 or self.score < 0:
            raise OptionsError("tolerances cannot be negative")
        unknown = sorted(set(self.ignore) - IGNORABLE)
        if unknown:
            raise OptionsError(f"cannot ignore {', '.join(unknown)}",
                               hint="names that --ignore accepts are listed in docs/check.md")

    def ignores(self, name: str) -> bool:
        return name in self.ignore

    def describe(self) -> str:
        text = f"similarity >= {self.min_similarity:g}, bbox ±{self.bbox:g} pt, score ±{self.score:g}"
        return text + (f", ignoring {', '.join(sorted(self.ignore))}" if self.ignore else "")


@dataclass(frozen=True, slots=True)
class Difference:
    """One difference: ``where`` it is (``a02 paragraph 4``) and ``what`` changed.

    ``group`` is what the line is listed under (an expected article id, ``toc``, ``source``, ...);
    ``tolerated`` differences are within the tolerance and do not fail a check.
    """

    group: str
    where: str
    what: str
    kind: str = "changed"
    expected: Any = None
    actual: Any = None
    similarity: float | None = None
    tolerated: bool = False

    def line(self) -> str:
        return f"{self.where} {self.what}" if self.what else self.where

    def to_dict(self) -> dict[str, Any]:
        out = {"group": self.group, "where": self.where, "kind": self.kind, "message": self.line(),
               "tolerated": self.tolerated}
        for key in ("expected", "actual", "similarity"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass
class Comparison:
    """The outcome of checking one output against one expectation."""

    target: str
    expected: str
    differences: list[Difference] = field(default_factory=list)
    status: str = ""  # set by ``finish``: ok, failed, missing, error, created, updated, unchanged
    error: str = ""

    @property
    def failures(self) -> list[Difference]:
        return [d for d in self.differences if not d.tolerated]

    @property
    def tolerated(self) -> list[Difference]:
        return [d for d in self.differences if d.tolerated]

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "created", "updated", "unchanged")

    def finish(self) -> "Comparison":
        if not self.status:
            self.status = "failed" if self.failures else "ok"
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target, "expected": self.expected, "status": self.status,
                "ok": self.ok, "error": self.error or None,
                "differences": [d.to_dict() for d in self.differences]}

    def render(self, verbose: bool = False) -> str:
        """The text report: a headline, then one line per difference in group order."""
        shown = self.differences if verbose else self.failures
        head = f"{self.target}: {headline(self)}"
        lines = [head] + [f"  {d.line()}" + ("  (within tolerance)" if d.tolerated else "") for d in shown]
        return "\n".join(lines)


def headline(c: Comparison) -> str:
    n, t = len(c.failures), len(c.tolerated)
    within = f", {t} within tolerance" if t else ""
    return {
        "ok": f"ok{within}",
        "failed": f"FAILED, {n} difference{'s' if n != 1 else ''}{within} (expected: {c.expected})",
        "missing": f"FAILED, no expected file {c.expected} (create it with --update)",
        "error": f"FAILED, {c.error}",
        "created": f"created {c.expected}",
        "updated": f"updated {c.expected} ({n} difference{'s' if n != 1 else ''} written)",
        "unchanged": f"unchanged {c.expected}",
    }.get(c.status, c.status)


# ---------------------------------------------------------------------------- collecting
class Differ:
    """Collects differences under the current tolerance; the small compare helpers live here."""

    def __init__(self, tolerance: Tolerance):
        self.tol = tolerance
        self.found: list[Difference] = []

    def add(self, group: str, where: str, what: str, kind: str = "changed", **extra) -> None:
        self.found.append(Difference(group, where, what, kind, **extra))

    def exact(self, group: str, where: str, old: Any, new: Any) -> None:
        """A value that must not change at all."""
        if old != new:
            self.add(group, where, f"{show(old)} -> {show(new)}", expected=old, actual=new)

    def text(self, group: str, where: str, old: str | None, new: str | None, diff: bool = False) -> None:
        """A text that must stay similar (``min_similarity``); ``diff`` shows a character diff."""
        old, new = old or "", new or ""
        if old == new:
            return
        sim = round(Levenshtein.normalized_similarity(old, new), 4)
        tolerated = sim >= self.tol.min_similarity
        what = f"{show(old)} -> {show(new)}"
        if diff:
            shown = char_diff(old, new) if len(old) + len(new) > 80 else what
            what = f"similarity {sim:.3f} {'>=' if tolerated else '<'} {self.tol.min_similarity:g}: {shown}"
        self.add(group, where + ("" if diff else ":"), what, "similarity" if diff else "changed",
                 expected=old, actual=new, similarity=sim, tolerated=tolerated)

    def bbox(self, group: str, where: str, old: Sequence[float] | None, new: Sequence[float] | None) -> None:
        """A box whose corners may move ``bbox`` points."""
        if self.tol.ignores("bbox") or old == new:
            return
        if old is None or new is None or len(old) != len(new):
            self.add(group, f"{where} bbox:", f"{show(old)} -> {show(new)}", expected=old, actual=new)
            return
        moved = max(abs(a - b) for a, b in zip(old, new))
        self.add(group, f"{where} bbox moved {moved:.1f} pt:", f"{show(old)} -> {show(new)}", "moved",
                 expected=list(old), actual=list(new), tolerated=moved <= self.tol.bbox)

    def result(self, target: str, expected: str) -> Comparison:
        return Comparison(target, expected, self.found).finish()


def show(value: Any, limit: int = 70) -> str:
    """A short, quoted form of a value for a difference line."""
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return json.dumps(text, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def char_diff(old: str, new: str) -> str:
    """A short word diff of two texts: ``…context [-removed-]{+added+} context…``.

    Words are compared, not characters, so a re-hyphenated word reads as one change
    (``[-grundlæg-gende-]{+grundlæggende+}``); at most ``DIFF_HUNKS`` places are shown, each
    with ``DIFF_WORDS`` words of context.
    """
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    hunks: list[list[int]] = []
    for _, i0, i1, j0, j1 in ops:  # changes close together share one hunk
        if hunks and i0 - hunks[-1][1] <= 2 * DIFF_WORDS:
            hunks[-1][1], hunks[-1][3] = i1, j1
        else:
            hunks.append([i0, i1, j0, j1])
    parts = []
    for i0, i1, j0, j1 in hunks[:DIFF_HUNKS]:
        lo, hi = max(0, i0 - 2 * DIFF_WORDS), min(len(a), i1 + 2 * DIFF_WORDS)  # tokens include spaces
        raw_removed, raw_added = "".join(a[i0:i1]), "".join(b[j0:j1])
        removed, added = raw_removed.strip(), raw_added.strip()
        change = (f"[-{removed}-]" if removed else "") + (f"{{+{added}+}}" if added else "")
        lead = " " if raw_removed[:1].isspace() or raw_added[:1].isspace() else ""
        trail = " " if raw_removed[-1:].isspace() or raw_added[-1:].isspace() else ""
        before, after = "".join(a[lo:i0]).lstrip(), "".join(a[i1:hi]).rstrip()
        parts.append(("…" if lo else "") + before + lead + change + trail + after + ("…" if hi < len(a) else ""))
    more = f" (+{len(hunks) - DIFF_HUNKS} more)" if len(hunks) > DIFF_HUNKS else ""
    return " ".join(parts) + more


# ---------------------------------------------------------------------------- alignment
Step = tuple[tuple[int, ...], tuple[int, ...], float]


def align(old: Sequence[str], new: Sequence[str]) -> list[Step]:
    """Align two lists of texts in order: ``(old indices, new indices, similarity)`` steps.

    Steps pair one with one, one with two (a split) or two with one (a merge), or leave an item
    alone (lost or new); the alignment maximises the summed similarity of its pairs. Runs of
    equal texts are anchored first, so only the changed stretches are aligned the slow way.
    """
    steps: list[Step] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i0, i1, j0, j1 in matcher.get_opcodes():
        if tag == "equal":
            steps += [((i0 + k,), (j0 + k,), 1.0) for k in range(i1 - i0)]
        else:
            steps += [(tuple(i0 + i for i in a), tuple(j0 + j for j in b), s)
                      for a, b, s in align_block(old[i0:i1], new[j0:j1])]
    return steps


def align_block(old: Sequence[str], new: Sequence[str]) -> list[Step]:
    """Dynamic-programming alignment of a changed stretch (see ``align``)."""
    n, m = len(old), len(new)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            options = []  # on a tie the first wins: reading back from the end, new items come last
            if j:
                options.append((best[i][j - 1], (0, 1, 0.0)))
            if i:
                options.append((best[i - 1][j], (1, 0, 0.0)))
            for di, dj in ((1, 1), (1, 2), (2, 1)):
                if i >= di and j >= dj:
                    s = Levenshtein.normalized_similarity(" ".join(old[i - di:i]), " ".join(new[j - dj:j]),
                                                          score_cutoff=ALIGN_FLOOR)
                    if s:
                        options.append((best[i - di][j - dj] + s, (di, dj, s)))
            best[i][j], move[i][j] = max(options, key=lambda o: o[0])
    steps: list[Step] = []
    i, j = n, m
    while i or j:
        di, dj, s = move[i][j]
        steps.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), s))
        i, j = i - di, j - dj
    return steps[::-1]


# ---------------------------------------------------------------------------- sections
def compare_source(d: Differ, old: dict, new: dict) -> None:
    for key in SOURCE_FIELDS:
        if not d.tol.ignores(f"source.{key}"):
            d.exact("source", f"source {key}:", old.get(key), new.get(key))


def compare_issue(d: Differ, old: dict, new: dict) -> None:
    for key in ISSUE_FIELDS:
        if not d.tol.ignores(f"issue.{key}"):
            d.exact("issue", f"issue {key}:", old.get(key), new.get(key))


def compare_pages(d: Differ, old: list[dict], new: list[dict]) -> None:
    by_pdf = {p.get("pdf"): p for p in new}
    for p in old:
        q = by_pdf.pop(p.get("pdf"), None)
        where = f"page {p.get('pdf')}"
        if q is None:
            d.add("pages", where, "missing", "missing", expected=p)
            continue
        d.exact("pages", f"{where} printed:", p.get("printed"), q.get("printed"))
        d.bbox("pages", f"{where} size", [p.get("width"), p.get("height")], [q.get("width"), q.get("height")])
    for q in by_pdf.values():
        d.add("pages", f"page {q.get('pdf')}", "new", "extra", actual=q)


def article_label(a: dict) -> str:
    pages = (a.get("pages") or {}).get("pdf") or []
    span = f" (pdf pages {pages[0]}-{pages[-1]})" if len(pages) == 2 and pages[0] != pages[-1] else \
        (f" (pdf page {pages[0]})" if pages else "")
    return show(a.get("title") or "(untitled)") + span


def compare_articles(d: Differ, old: list[dict], new: list[dict]) -> dict[str, str]:
    """Pair articles by content and compare each pair; returns expected id -> actual id."""
    pairs = match_articles(prepare(old), prepare(new))
    ids: dict[str, str] = {}
    for i, a in enumerate(old):
        aid = a.get("id", f"#{i + 1}")
        if i not in pairs:
            d.add(aid, aid, f"missing: {article_label(a)}", "missing", expected=a.get("title"))
            continue
        b = new[pairs[i]]
        ids[aid] = b.get("id")
        compare_article(d, aid, a, b)
    matched = set(pairs.values())
    for j, b in enumerate(new):
        if j not in matched:
            bid = b.get("id", f"#{j + 1}")
            d.add(f"new {bid}", f"new article {bid}:", article_label(b), "extra", actual=b.get("title"))
    return ids


def compare_article(d: Differ, aid: str, a: dict, b: dict) -> None:
    ign = d.tol.ignores
    if not ign("article.id") and a.get("id") != b.get("id"):
        d.add(aid, aid, f"is now {b.get('id')}", "renumbered", expected=a.get("id"), actual=b.get("id"))
    for key in ("kind", "end_mark", "authors"):
        if not ign(f"article.{key}"):
            d.exact(aid, f"{aid} {key.replace('_', ' ')}:", a.get(key), b.get(key))
    for key in ("section", "kicker", "title", "standfirst", "byline"):
        if not ign(f"article.{key}"):
            d.text(aid, f"{aid} {key}", a.get(key), b.get(key))
    if not ign("article.pages"):
        for key in ("pdf", "printed"):
            d.exact(aid, f"{aid} {key} pages:", (a.get("pages") or {}).get(key), (b.get("pages") or {}).get(key))
    if not ign("article.title_bbox"):
        compare_title_box(d, aid, a.get("title_bbox"), b.get("title_bbox"))
    if not ign("article.body"):
        compare_body(d, aid, a.get("body") or [], b.get("body") or [])
    for key, noun in (("fact_boxes", "fact box"), ("pull_quotes", "pull-quote"), ("captions", "caption"),
                      ("credits", "credit")):
        if not ign(f"article.{key}"):
            compare_items(d, aid, noun, a.get(key) or [], b.get(key) or [])


def compare_title_box(d: Differ, aid: str, old: dict | None, new: dict | None) -> None:
    if old is None or new is None:
        if (old is None) != (new is None):
            d.exact(aid, f"{aid} title_bbox:", old, new)
        return
    d.exact(aid, f"{aid} title page:", old.get("page"), new.get("page"))
    d.bbox(aid, f"{aid} title", old.get("bbox"), new.get("bbox"))


def body_label(aid: str, items: Sequence[dict], idx: Sequence[int], new: bool = False) -> str:
    """``a02 paragraph 4`` / ``a02 paragraphs 6-7`` / ``a02 new paragraph 9`` (1-based positions)."""
    kinds = {items[k].get("type", "paragraph") for k in idx}
    noun = kinds.pop() if len(kinds) == 1 else "item"
    nums = [k + 1 for k in idx]
    num = f"{noun}s {nums[0]}-{nums[-1]}" if len(nums) > 1 else f"{noun} {nums[0]}"
    return f"{aid} {'new ' if new else ''}{num}"


def compare_body(d: Differ, aid: str, old: list[dict], new: list[dict]) -> None:
    """Align the body paragraphs and headings in order and report what changed."""
    texts_old = [p.get("text") or "" for p in old]
    texts_new = [p.get("text") or "" for p in new]
    for oi, ni, _ in align(texts_old, texts_new):
        if not ni:
            d.add(aid, body_label(aid, old, oi), f"lost: {show(texts_old[oi[0]], 60)}", "missing",
                  expected=texts_old[oi[0]])
        elif not oi:
            d.add(aid, body_label(aid, new, ni, new=True), show(texts_new[ni[0]], 60), "extra",
                  actual=texts_new[ni[0]])
        elif len(oi) == 1 and len(ni) == 1:
            compare_paragraph(d, aid, body_label(aid, old, oi), old[oi[0]], new[ni[0]])
        else:
            compare_regrouped(d, aid, old, new, oi, ni)


def compare_paragraph(d: Differ, aid: str, where: str, a: dict, b: dict) -> None:
    d.text(aid, where, a.get("text"), b.get("text"), diff=True)
    if a.get("type") != b.get("type"):
        d.add(aid, where, f"is now a {b.get('type')}", "changed", expected=a.get("type"), actual=b.get("type"))
    d.exact(aid, f"{where} page:", a.get("page"), b.get("page"))
    if "pages" in a or "pages" in b:
        d.exact(aid, f"{where} pages:", a.get("pages"), b.get("pages"))
    d.bbox(aid, where, a.get("bbox"), b.get("bbox"))


def compare_regrouped(d: Differ, aid: str, old: list[dict], new: list[dict],
                      oi: tuple[int, ...], ni: tuple[int, ...]) -> None:
    """A paragraph split in two, or two merged into one."""
    where = body_label(aid, old, oi)
    span = f"{ni[0] + 1}-{ni[-1] + 1}" if len(ni) > 1 else f"{ni[0] + 1}"
    what = f"split in {len(ni)} (new {span})" if len(ni) > len(oi) else f"merged into one (new {span})"
    joined_old = " ".join(old[k].get("text") or "" for k in oi)
    joined_new = " ".join(new[k].get("text") or "" for k in ni)
    sim = round(Levenshtein.normalized_similarity(joined_old, joined_new), 4)
    if sim < 1.0:
        what += f", text similarity {sim:.3f}: {char_diff(joined_old, joined_new)}"
    d.add(aid, where, what, "split" if len(ni) > len(oi) else "merged",
          expected=[old[k].get("text") for k in oi], actual=[new[k].get("text") for k in ni], similarity=sim)


def item_text(item: dict) -> str:
    if "paragraphs" in item:
        return " ".join([item.get("title") or ""] + list(item.get("paragraphs") or [])).strip()
    return item.get("text") or ""


def compare_items(d: Differ, aid: str, noun: str, old: list[dict], new: list[dict]) -> None:
    """Fact boxes, pull-quotes, captions or credits, aligned in order by their text."""
    for oi, ni, _ in align([item_text(x) for x in old], [item_text(x) for x in new]):
        if len(oi) == 1 and len(ni) == 1:
            a, b = old[oi[0]], new[ni[0]]
            compare_item(d, aid, f"{aid} {noun} {oi[0] + 1}", a, b)
            continue
        for k in oi:
            d.add(aid, f"{aid} {noun} {k + 1}", f"lost: {show(item_text(old[k]), 60)}", "missing",
                  expected=item_text(old[k]))
        for k in ni:
            d.add(aid, f"{aid} new {noun} {k + 1}:", show(item_text(new[k]), 60), "extra",
                  actual=item_text(new[k]))


def compare_item(d: Differ, aid: str, where: str, a: dict, b: dict) -> None:
    if "paragraphs" in a:
        d.text(aid, f"{where} title", a.get("title"), b.get("title"))
        pa, pb = a.get("paragraphs") or [], b.get("paragraphs") or []
        if len(pa) != len(pb):
            d.add(aid, f"{where} paragraphs:", f"{len(pa)} -> {len(pb)}", expected=pa, actual=pb)
        d.text(aid, f"{where} text", " ".join(pa), " ".join(pb), diff=True)
    else:
        d.text(aid, f"{where} text", a.get("text"), b.get("text"), diff=True)
    if "attribution" in a or "attribution" in b:
        d.text(aid, f"{where} attribution", a.get("attribution"), b.get("attribution"))
    d.exact(aid, f"{where} page:", a.get("page"), b.get("page"))
    d.bbox(aid, where, a.get("bbox"), b.get("bbox"))


def compare_toc(d: Differ, old: list[dict], new: list[dict], ids: dict[str, str]) -> None:
    """Contents entries paired by printed page and title; links compared through the article pairs."""
    candidates = []
    for i, e in enumerate(old):
        for j, f in enumerate(new):
            s = Levenshtein.normalized_similarity(normalize(e.get("title")), normalize(f.get("title")))
            s += 0.5 * (e.get("printed_page") == f.get("printed_page"))
            if s >= 0.9:
                candidates.append((s, i, j))
    pairs, used = {}, set()
    for s, i, j in sorted(candidates, reverse=True):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    for i, e in enumerate(old):
        where = f"toc entry p.{e.get('printed_page')}"
        if i not in pairs:
            d.add("toc", where, f"lost: {show(e.get('title'))}", "missing", expected=e)
            continue
        compare_toc_entry(d, where, e, new[pairs[i]], ids)
    for j, f in enumerate(new):
        if j not in used:
            d.add("toc", f"new toc entry p.{f.get('printed_page')}:", show(f.get("title")), "extra", actual=f)


def compare_toc_entry(d: Differ, where: str, e: dict, f: dict, ids: dict[str, str]) -> None:
    d.exact("toc", f"{where} printed page:", e.get("printed_page"), f.get("printed_page"))
    d.text("toc", f"{where} title", e.get("title"), f.get("title"))
    d.text("toc", f"{where} section", e.get("section"), f.get("section"))
    d.exact("toc", f"{where} group:", e.get("group", ""), f.get("group", ""))
    d.exact("toc", f"{where} contents page:", e.get("page"), f.get("page"))
    old_link, new_link = e.get("article_id"), f.get("article_id")
    if ids.get(old_link, old_link) != new_link:
        what = f"now links {new_link or 'nothing'} (was {old_link or 'nothing'})"
        d.add("toc", where, what, "relinked", expected=old_link, actual=new_link)
    if not d.tol.ignores("toc.score") and e.get("score") != f.get("score"):
        delta = abs((e.get("score") or 0) - (f.get("score") or 0))
        d.add("toc", f"{where} score:", f"{e.get('score')} -> {f.get('score')}", "changed",
              expected=e.get("score"), actual=f.get("score"), tolerated=delta <= d.tol.score)


def compare_placed(d: Differ, section: str, key: str, old: list[dict], new: list[dict]) -> None:
    """Furniture or other text: paired by kind, page and text (order does not matter)."""
    def ident(x: dict) -> tuple:
        return x.get(key), x.get("page"), normalize(x.get("text"))
    pool: dict[tuple, list[dict]] = {}
    for x in new:
        pool.setdefault(ident(x), []).append(x)
    lost = []
    for x in old:
        same = pool.get(ident(x))
        if same:
            y = same.pop(0)
            d.bbox(section, f"{section} p.{x.get('page')} {x.get(key)} {show(x.get('text'), 40)}",
                   x.get("bbox"), y.get("bbox"))
        else:
            lost.append(x)
    for x in lost:
        d.add(section, f"{section} p.{x.get('page')} {x.get(key)}", f"lost: {show(x.get('text'), 60)}",
              "missing", expected=x)
    for y in (y for ys in pool.values() for y in ys):
        d.add(section, f"new {section} p.{y.get('page')} {y.get(key)}:", show(y.get("text"), 60), "extra",
              actual=y)


def compare_warnings(d: Differ, old: list[dict], new: list[dict]) -> None:
    """Warnings as a multiset: their order does not matter."""
    def key(w: dict) -> tuple:
        return w.get("code"), w.get("page"), w.get("message")
    before, after = Counter(map(key, old)), Counter(map(key, new))
    for (code, page, message), n in (before - after).items():
        d.add("warnings", f"warning {code}" + (f" p.{page}" if page else ""), f"gone: {show(message)}",
              "missing", expected=message)
    for (code, page, message), n in (after - before).items():
        d.add("warnings", f"new warning {code}" + (f" p.{page}" if page else "") + ":", show(message),
              "extra", actual=message)


def compare_hyphenation(d: Differ, old: list[dict], new: list[dict], ids: dict[str, str]) -> None:
    """Line-end decisions keyed by article and the two line parts; ids mapped through the article pairs."""
    def key(h: dict, mapped: bool) -> tuple:
        art = ids.get(h.get("article"), h.get("article")) if mapped else h.get("article")
        return art, h.get("left"), h.get("right")
    pool: dict[tuple, list[dict]] = {}
    for h in new:
        pool.setdefault(key(h, False), []).append(h)
    for h in old:
        where = f"hyphenation {h.get('article')} {show(h.get('left', '') + '|' + h.get('right', ''))}"
        same = pool.get(key(h, True))
        if not same:
            d.add("hyphenation", where, "lost", "missing", expected=h)
            continue
        g = same.pop(0)
        if (h.get("action"), h.get("result")) != (g.get("action"), g.get("result")):
            d.add("hyphenation", where + ":", f"{h.get('action')} {show(h.get('result'))} -> "
                  f"{g.get('action')} {show(g.get('result'))} ({g.get('rule')})", expected=h, actual=g)
    for g in (g for gs in pool.values() for g in gs):
        d.add("hyphenation", f"new hyphenation {g.get('article')}:",
              f"{show(g.get('left', '') + '|' + g.get('right', ''))} {g.get('action')} {show(g.get('result'))}",
              "extra", actual=g)


# ---------------------------------------------------------------------------- compare
def compare(expected: dict, actual: dict, tolerance: Tolerance | None = None,
            target: str = "actual", expected_name: str = "expected") -> Comparison:
    """Every difference between two ``olparse parse`` dicts, in report order."""
    tol = tolerance or Tolerance()
    d = Differ(tol)
    if not tol.ignores("schema_version"):
        d.exact("schema", "schema_version:", expected.get("schema_version"), actual.get("schema_version"))
    if not tol.ignores("source"):
        compare_source(d, expected.get("source") or {}, actual.get("source") or {})
    if not tol.ignores("issue"):
        compare_issue(d, expected.get("issue") or {}, actual.get("issue") or {})
    if not tol.ignores("pages"):
        compare_pages(d, expected.get("pages") or [], actual.get("pages") or [])
    ids: dict[str, str] = {}
    if not tol.ignores("articles"):
        ids = compare_articles(d, expected.get("articles") or [], actual.get("articles") or [])
    else:
        ids = {a.get("id"): a.get("id") for a in expected.get("articles") or []}
    if not tol.ignores("toc"):
        compare_toc(d, expected.get("toc") or [], actual.get("toc") or [], ids)
    if not tol.ignores("furniture"):
        compare_placed(d, "furniture", "type", expected.get("furniture") or [], actual.get("furniture") or [])
    if not tol.ignores("other"):
        compare_placed(d, "other", "role", expected.get("other") or [], actual.get("other") or [])
    if not tol.ignores("warnings"):
        compare_warnings(d, expected.get("warnings") or [], actual.get("warnings") or [])
    if not tol.ignores("hyphenation"):
        compare_hyphenation(d, expected.get("hyphenation") or [], actual.get("hyphenation") or [], ids)
    d.found = sort_by_group(d.found, [a.get("id") for a in expected.get("articles") or []])
    return d.result(target, expected_name)


def sort_by_group(found: list[Difference], article_ids: Sequence[str]) -> list[Difference]:
    """Stable order: schema, source, issue, pages, articles (expected order, new ones last), toc, ..."""
    order = {g: k for k, g in enumerate(["schema", "source", "issue", "pages", *article_ids])}
    tail = {g: 10_000 + k for k, g in enumerate(["toc", "furniture", "other", "warnings", "hyphenation"])}
    return sorted(found, key=lambda x: order.get(x.group, tail.get(x.group, 5_000)))


# ---------------------------------------------------------------------------- files
def dumps_diffable(data: Any, width: int = 100) -> str:
    """JSON that diffs well: containers open up until each paragraph, box or entry is one line.

    A dict or list is written on one line when it holds only plain values (and lists of them)
    or fits in ``width``; otherwise one line per member, indented by one space per level.
    """
    return _dump(data, 0, width) + "\n"


def _dump(value: Any, level: int, width: int) -> str:
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, (dict, list)) or not value or _is_leaf(value) or len(flat) + level <= width:
        return flat
    pad, inner = " " * level, " " * (level + 1)
    if isinstance(value, list):
        body = ",\n".join(inner + _dump(v, level + 1, width) for v in value)
        return f"[\n{body}\n{pad}]"
    body = ",\n".join(f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, level + 1, width)}"
                      for k, v in value.items())
    return f"{{\n{body}\n{pad}}}"


def _is_leaf(value: dict | list) -> bool:
    members = value.values() if isinstance(value, dict) else value
    return all(not isinstance(v, (dict, list)) or (isinstance(v, list) and
               all(not isinstance(x, (dict, list)) for x in v)) for v in members)


def load_output(path: str | Path, what: str = "expected file") -> dict:
    """Read and validate an ``olparse parse`` JSON (an expectation, or an output to check)."""
    from .document import validate_document
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}", hint="create it with `olparse check PDF FILE --update`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: the {what} is not JSON (line {exc.lineno}: {exc.msg})",
                         hint="rewrite it with --update") from None
    try:
        validate_document(data)
    except SchemaError as exc:
        raise InputError(f"{path}: the {what} is not an olparse output: {exc.message}",
                         hint="rewrite it with --update") from None
    return data


def find_pairs(folder: str | Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """``(pdf, expected)`` pairs of a folder (not recursive) and the expected files without a PDF."""
    folder = Path(folder)
    pdfs = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".pdf" and p.is_file())
    pairs = [(p, p.with_name(p.stem + EXPECTED_SUFFIX)) for p in pdfs]
    wanted = {e.name for _, e in pairs}
    orphans = sorted(e for e in folder.glob("*" + EXPECTED_SUFFIX) if e.name not in wanted)
    return pairs, orphans


def is_json_file(path: str | Path) -> bool:
    """True when ``path`` looks like a JSON document (its first non-blank byte is ``{``)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(64).lstrip().startswith(b"{")
    except OSError:
        return False


def check_file(target: str | Path, expected: str | Path, tolerance: Tolerance | None = None,
               parse: Callable[[str], dict] | None = None, update: bool = False,
               write: Callable[[str, str], None] | None = None) -> Comparison:
    """Check one PDF (or output JSON) against ``expected``; with ``update``, rewrite the expectation.

    ``parse`` turns a PDF path into an output dict (default: ``olparse.parse`` with default
    options); ``write(text, path)`` writes the expectation (default: atomic, as ``olparse parse -o``).
    """
    target, expected = Path(target), Path(expected)
    actual = load_output(target, "output") if is_json_file(target) else (parse or _default_parse)(str(target))
    if update:
        return update_expectation(target, expected, actual, tolerance, write)
    if not expected.exists():
        return Comparison(str(target), str(expected), status="missing")
    return compare(load_output(expected), actual, tolerance, str(target), str(expected))


def update_expectation(target: Path, expected: Path, actual: dict, tolerance: Tolerance | None,
                       write: Callable[[str, str], None] | None) -> Comparison:
    """Write ``actual`` as the expectation and report what changed (compared exactly)."""
    exact = Tolerance(min_similarity=1.0, bbox=0.0, score=0.0)
    if expected.exists():
        try:
            result = compare(load_output(expected), actual, exact, str(target), str(expected))
        except InputError:  # a broken expectation is replaced whole
            result = Comparison(str(target), str(expected), status="updated")
        if result.status == "ok":
            result.status = "unchanged"
            return result
        result.status = "updated"
    else:
        result = Comparison(str(target), str(expected), status="created")
    (write or _default_write)(dumps_diffable(actual), str(expected))
    return result


def _default_parse(pdf: str) -> dict:
    from .pipeline import parse
    return parse(pdf).to_dict()


def _default_write(text: str, path: str) -> None:
    from .cli import write_output
    write_output(text, path)


# ---------------------------------------------------------------------------- command
def run_check(target: str, expected: str | None, tolerance: Tolerance, parse: Callable[[str], dict],
              update: bool) -> list[Comparison]:
    """Check a single pair, or every pair of a folder; a PDF that fails to parse in a folder run
    becomes a failed result (the other files are still checked)."""
    from .errors import OlparseError
    path = Path(target)
    if not path.is_dir():
        if expected is None:
            raise OptionsError(f"{target}: give the expected JSON file after the PDF, or a folder",
                               hint="olparse check ISSUE.pdf ISSUE.expected.json")
        return [check_file(path, expected, tolerance, parse, update)]
    if expected is not None:
        raise OptionsError(f"{target} is a folder: do not give an expected file as well",
                           hint=f"folder mode pairs X.pdf with X{EXPECTED_SUFFIX}")
    pairs, orphans = find_pairs(path)
    if not pairs and not orphans:
        raise InputError(f"{target}: no PDF files in this folder",
                         hint=f"folder mode pairs X.pdf with X{EXPECTED_SUFFIX}")
    results = []
    for pdf, exp in pairs:
        try:
            results.append(check_file(pdf, exp, tolerance, parse, update))
        except OlparseError as exc:
            if update or isinstance(exc, OptionsError):
                raise
            results.append(Comparison(str(pdf), str(exp), status="error", error=exc.one_line()))
    for exp in orphans:  # a leftover that --update cannot fix either
        results.append(Comparison(str(exp), str(exp), status="error",
                                  error="an expected file without its PDF (delete it or add the PDF)"))
    return results


def render(results: Sequence[Comparison], fmt: str, verbose: bool, tolerance: Tolerance) -> str:
    if fmt == "json":
        return json.dumps({"ok": all(r.ok for r in results), "tolerance": tolerance.describe(),
                           "files": [r.to_dict() for r in results]}, ensure_ascii=False, indent=1)
    lines = [r.render(verbose) for r in results]
    if len(results) > 1:
        failed = sum(not r.ok for r in results)
        lines.append(f"{failed} of {len(results)} files failed" if failed else f"all {len(results)} files ok")
    return "\n".join(lines)


def split_names(values: Iterable[str]) -> frozenset[str]:
    """``--ignore a --ignore b,c`` -> {a, b, c}."""
    return frozenset(n.strip() for v in values for n in v.split(",") if n.strip())


def _make_command():
    """The ``olparse check`` click command (docs/check.md)."""
    import click

    from .cli import Context, build_options, common_options, handle_errors, run_parse
    from .errors import ExitCode

    @click.command("check")
    @click.argument("target", type=click.Path(exists=True, dir_okay=True))
    @click.argument("expected", required=False, type=click.Path(dir_okay=False))
    @click.option("--min-similarity", type=click.FloatRange(0, 1), default=1.0, show_default=True,
                  help="Texts pass at this edit similarity to the expectation (1 = equal).")
    @click.option("--bbox-tolerance", type=click.FloatRange(min=0), default=0.5, show_default=True,
                  metavar="POINTS", help="Boxes may move this many points.")
    @click.option("--score-tolerance", type=click.FloatRange(min=0), default=0.05, show_default=True,
                  help="Contents link scores may move this much.")
    @click.option("--ignore", "ignore", multiple=True, metavar="FIELD",
                  help="Leave a field out, e.g. source.sha256, hyphenation, article.captions, bbox "
                       "(repeatable, or comma-separated; list in docs/check.md).")
    @click.option("--update", is_flag=True, help="Rewrite the expected file(s) from this run and say what changed.")
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                  help="Report format on stdout.")
    @click.option("-v", "--verbose", is_flag=True, help="Also list differences within the tolerance.")
    @common_options
    @click.pass_obj
    def check_cmd(obj: Context, target: str, expected: str | None, min_similarity: float,
                  bbox_tolerance: float, score_tolerance: float, ignore: tuple[str, ...], update: bool,
                  fmt: str, verbose: bool, **common: Any) -> None:
        """Compare a PDF's output with an expected JSON (or every X.pdf + X.expected.json in a folder).

        Exits 0 when every difference is within the tolerances, 1 when not, and with the usual
        error codes for unreadable input. --update rewrites the expectations on purpose.
        """
        with handle_errors(obj.debug):
            tolerance = Tolerance(min_similarity, bbox_tolerance, score_tolerance, split_names(ignore))
            opts = build_options(common["backend"], common["password"], common["pages"], common["max_pages"])

            def parse(pdf: str) -> dict:
                return run_parse(pdf, opts, common["quiet"]).to_dict()

            results = run_check(target, expected, tolerance, parse, update)
            click.echo(render(results, fmt, verbose, tolerance))
            if not all(r.ok for r in results):
                raise SystemExit(int(ExitCode.CHECK_FAILED))

    return check_cmd


def __getattr__(name: str):
    """Build ``check_cmd`` on first use (PEP 562).

    The command takes the shared options and error handling from ``olparse.cli``, and
    ``olparse.cli`` registers it at its end; building it lazily lets ``import olparse.check``
    (the library part) work without the command line, in either import order.
    """
    if name == "check_cmd":
        command = _make_command()
        globals()["check_cmd"] = command
        return command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
