"""Score an ``olparse parse`` output against a ground truth: how much of the issue was recovered.

``evaluate(output, truth)`` takes the JSON dict of ``olparse parse`` and a truth dict in the
format of the fixture ``*.truth.json`` files (fixtures/README.md, "Truth format notes") and
returns an :class:`Evaluation`: one score in 0..1 per metric (higher is better; ``None`` when a
metric does not apply, e.g. pull-quotes in an issue that has none) and one row per truth
article. The test suite pins these scores per fixture (tests/quality_floors.json); users can
score their own annotated issues the same way::

    python -m olparse.evaluate OUTPUT.json TRUTH.json [--detail]

How it scores:

1. **Articles are matched** one to one, best pair first, by ``0.3 * title similarity + 0.4 *
   share of the truth's words found + 0.3 * share of the output's words that are the truth's``
   over all of an article's text; pairs under ``MATCH_THRESHOLD`` stay unmatched. Every
   per-article metric counts an unmatched truth article as 0.
2. **Per article**: ``title_exact``, ``kicker_exact``, ``standfirst_exact``, ``byline_exact``
   (equal after ``normalize``; only articles where the truth or the output has the field);
   ``body_similarity`` (edit similarity of the whole body text); ``paragraph_f1`` (truth and
   output paragraphs paired one to one at similarity ``PARAGRAPH_SIMILARITY``);
   ``start_page_exact`` (first pdf page and first printed page); ``paragraphs_intact`` (truth
   paragraphs found whole, not cut, in the matched body); ``paragraph_order`` (consecutive
   truth paragraphs found in the same order).
3. **Items**: ``fact_box_f1``, ``pull_quote_f1``, ``caption_f1`` pool the items of all
   articles, paired one to one when each side has ``ITEM_OVERLAP`` of the other's words;
   ``fact_box_exact`` is the share of truth boxes whose pair has the same title and the same
   paragraphs.
4. **Contents**: ``toc_linked`` is the share of truth contents entries that the output has (same
   printed page, similar title) *and* links to the output article matched to the right one.
5. **Line-end hyphens**: ``soft_hyphens_joined``, ``hard_hyphens_kept``,
   ``suspended_hyphens_kept``: for each broken word of the truth's hyphen lists, the matched
   output article must have the whole word (``grundlæggende``, ``AI-data``, ``Børne-``) as
   often as the truth article has it.

``overall`` is the mean of ``OVERALL_KEYS`` that apply.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

#: An output article is matched to a truth article only at this combined score or above.
MATCH_THRESHOLD = 0.5
#: Edit similarity at which two paragraphs count as the same paragraph.
PARAGRAPH_SIMILARITY = 0.9
#: Share of words that two boxes, quotes or captions must have in common, both ways.
ITEM_OVERLAP = 0.8
#: A contents title matches the output's when their partial similarity reaches this.
TOC_TITLE_SIMILARITY = 0.85
#: Paragraphs shorter than this (normalised characters) are left out of intact/order scores:
#: short ones repeat ("Ja.") and say little about cuts.
MIN_PARAGRAPH_CHARS = 60
#: How many leading characters identify a paragraph when checking the order.
ORDER_PREFIX = 60

OVERALL_KEYS = (
    "article_recall", "article_precision", "title_exact", "body_similarity", "paragraph_f1",
    "fact_box_f1", "pull_quote_f1", "toc_linked", "start_page_exact", "soft_hyphens_joined",
    "hard_hyphens_kept", "paragraphs_intact", "paragraph_order",
)

LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
WORD = re.compile(r"\w[\w\-]*\w|\w")
SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------------------- text helpers
def normalize(text: str | None) -> str:
    """NFC, no soft hyphens, plain spaces, ligatures spelled out, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "").replace("\u00ad", "").replace("\u00a0", " ")
    for glyph, letters in LIGATURES.items():
        text = text.replace(glyph, letters)
    return SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The words of ``text`` (hyphenated compounds stay one word), normalised."""
    return WORD.findall(normalize(text))


def similarity(a: str, b: str) -> float:
    """Edit similarity of the normalised texts, 0..1 (1 when equal)."""
    return Levenshtein.normalized_similarity(normalize(a), normalize(b))


def covered(part: Counter, whole: Counter) -> float:
    """Share of ``part``'s words (with repeats) that ``whole`` has; 0 for an empty ``part``."""
    total = sum(part.values())
    return sum((part & whole).values()) / total if total else 0.0


def count_word(word: str, text: str) -> int:
    """How often ``word`` stands as a whole word in ``text`` (case-insensitive)."""
    pattern = r"(?<![\w-])" + re.escape(normalize(word)) + r"(?![\w-])"
    return len(re.findall(pattern, text, re.IGNORECASE))


def ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def f1(hits: int, n_truth: int, n_output: int) -> float | None:
    """F1 of ``hits`` pairs between ``n_truth`` and ``n_output`` items; ``None`` when both are 0."""
    if not n_truth and not n_output:
        return None
    if not hits:
        return 0.0
    precision, recall = hits / n_output, hits / n_truth
    return round(2 * precision * recall / (precision + recall), 4)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not ``None``, rounded to 4 places; ``None`` if there are none."""
    kept = [v for v in values if v is not None]
    return round(sum(kept) / len(kept), 4) if kept else None


def pair_greedily(scores: Iterable[tuple[float, int, int]], threshold: float) -> dict[int, int]:
    """One-to-one pairs ``{i: j}`` from ``(score, i, j)`` candidates, best first, at ``threshold``."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for score, i, j in sorted(scores, key=lambda c: (-c[0], c[1], c[2])):
        if score >= threshold and i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


# ---------------------------------------------------------------------------- article texts
def item_text(item: Any) -> str:
    """The text of a truth or output item: a string, ``{"text"}`` or a box ``{"title", "paragraphs"}``."""
    if isinstance(item, str):
        return item
    if "paragraphs" in item:
        return " ".join([item.get("title") or ""] + list(item.get("paragraphs") or []))
    return item.get("text") or ""


def body_paragraphs(article: dict, kind: str | None = "paragraph") -> list[str]:
    """Normalised body texts of an article (only ``kind`` entries; all when ``kind`` is None)."""
    return [normalize(b.get("text")) for b in article.get("body") or []
            if kind is None or b.get("type", "paragraph") == kind]


def article_text(article: dict) -> str:
    """Everything printed as part of an article, one part per line, normalised."""
    parts = [article.get(k) or "" for k in ("kicker", "title", "standfirst", "byline")]
    parts += body_paragraphs(article, None)
    for key in ("fact_boxes", "pull_quotes", "captions", "credits"):
        parts += [item_text(x) for x in article.get(key) or []]
    return "\n".join(normalize(p) for p in parts if p)


# ---------------------------------------------------------------------------- matching
@dataclass(frozen=True, slots=True)
class Prepared:
    """An article with the texts that matching and scoring use, computed once."""

    article: dict
    text: str
    words: Counter


def prepare(articles: Sequence[dict]) -> list[Prepared]:
    out = []
    for a in articles:
        text = article_text(a)
        out.append(Prepared(a, text, Counter(WORD.findall(text))))
    return out


def match_score(t: Prepared, o: Prepared) -> float:
    title = fuzz.ratio(normalize(t.article.get("title")).lower(), normalize(o.article.get("title")).lower()) / 100
    return 0.3 * title + 0.4 * covered(t.words, o.words) + 0.3 * covered(o.words, t.words)


def match_articles(truth: Sequence[Prepared], output: Sequence[Prepared]) -> dict[int, int]:
    """Truth index -> output index for the article pairs (see the module docstring, step 1)."""
    candidates = ((match_score(t, o), i, j) for i, t in enumerate(truth) for j, o in enumerate(output))
    return pair_greedily(candidates, MATCH_THRESHOLD)


def pair_items(truth: Sequence[str], output: Sequence[str]) -> dict[int, int]:
    """One-to-one pairs of items that share ``ITEM_OVERLAP`` of their words both ways."""
    tw = [Counter(words(t)) for t in truth]
    ow = [Counter(words(o)) for o in output]
    candidates = ((min(covered(a, b), covered(b, a)), i, j)
                  for i, a in enumerate(tw) for j, b in enumerate(ow))
    return pair_greedily(candidates, ITEM_OVERLAP)


def pair_paragraphs(truth: Sequence[str], output: Sequence[str]) -> int:
    """How many truth paragraphs pair one to one with an output paragraph at ``PARAGRAPH_SIMILARITY``."""
    candidates = []
    for i, t in enumerate(truth):
        for j, o in enumerate(output):
            s = Levenshtein.normalized_similarity(t, o, score_cutoff=PARAGRAPH_SIMILARITY)
            if s:
                candidates.append((s, i, j))
    return len(pair_greedily(candidates, PARAGRAPH_SIMILARITY))


# ---------------------------------------------------------------------------- results
@dataclass(frozen=True, slots=True)
class Counts:
    """Items paired (``hits``) out of ``truth`` truth items and ``output`` output items."""

    hits: int = 0
    truth: int = 0
    output: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.hits + other.hits, self.truth + other.truth, self.output + other.output)

    def __str__(self) -> str:
        return f"{self.hits}/{self.truth} vs {self.output}"


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """How one truth article was recovered (``output_id`` None: not found)."""

    truth_id: str
    output_id: str | None
    title: str
    body_similarity: float
    paragraphs: Counts
    fact_boxes: Counts
    pull_quotes: Counts
    captions: Counts
    fields_equal: dict[str, bool] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("paragraphs", "fact_boxes", "pull_quotes", "captions"):
            d[key] = str(getattr(self, key))
        return d


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scores (0..1, ``None`` = not applicable), one row per truth article, and the ids of
    output articles that match no truth article (``extra``)."""

    scores: dict[str, float | None]
    articles: tuple[ArticleRow, ...]
    extra: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def overall(self) -> float | None:
        return self.scores.get("overall")

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {**self.counts, **self.scores}
        if detail:
            out["articles"] = [r.to_dict() for r in self.articles]
            out["extra_articles"] = list(self.extra)
        return out

    def report(self, detail: bool = False) -> str:
        """A readable table of the scores; ``detail`` adds one line per truth article."""
        lines = [f"{k:24s} {v}" for k, v in self.counts.items()]
        lines += [f"{k:24s} {'-' if v is None else f'{v:.4f}'}" for k, v in self.scores.items()]
        if not detail:
            return "\n".join(lines)
        for r in self.articles:
            lines.append(f"{r.truth_id} -> {r.output_id or 'MISSING':7s} body {r.body_similarity:.3f} "
                         f"paras {r.paragraphs} boxes {r.fact_boxes} quotes {r.pull_quotes} "
                         f"{r.title[:40]!r}")
        lines += [f"extra output article {x}" for x in self.extra]
        return "\n".join(lines)


# ---------------------------------------------------------------------------- per article
HEAD_FIELDS = ("title", "kicker", "standfirst", "byline")


def head_fields(t: dict, o: dict | None) -> dict[str, bool]:
    """For each head field that the truth or the output has: are they equal (normalised)?"""
    out = {}
    for key in HEAD_FIELDS:
        tv, ov = normalize(t.get(key)), normalize((o or {}).get(key))
        if tv or ov:
            out[key] = o is not None and tv == ov
    return out


def starts_right(t: dict, o: dict | None) -> float:
    """1.0 when the output article starts on the truth's first pdf page and printed page."""
    if o is None:
        return 0.0
    pages = o.get("pages") or {}
    ok = True
    if t.get("pdf_pages"):
        ok &= list(pages.get("pdf") or [])[:1] == [t["pdf_pages"][0] + 1]  # truth counts from 0
    if t.get("pages"):
        ok &= list(pages.get("printed") or [])[:1] == [t["pages"][0]]
    return 1.0 if ok else 0.0


def intact_and_ordered(t: dict, o: dict | None) -> tuple[Counts, Counts]:
    """Truth paragraphs found whole in the output body, and consecutive pairs found in order."""
    paras = [p for p in body_paragraphs(t) if len(p) >= MIN_PARAGRAPH_CHARS]
    text = "\n".join(body_paragraphs(o, None)) if o else ""
    intact = sum(1 for p in paras if p in text)
    in_order = 0
    for a, b in zip(paras, paras[1:]):
        i = text.find(a[:ORDER_PREFIX])
        in_order += i >= 0 and text.find(b[:ORDER_PREFIX], i + 1) > i  # b's words may also occur earlier
    return Counts(intact, len(paras), 0), Counts(in_order, max(0, len(paras) - 1), 0)


def box_exact(t_boxes: Sequence[dict], o_boxes: Sequence[dict], pairs: dict[int, int]) -> int:
    """How many paired boxes have the same title and the same paragraphs."""
    def key(box: dict) -> tuple:
        return normalize(box.get("title")), tuple(normalize(p) for p in box.get("paragraphs") or [])
    return sum(1 for i, j in pairs.items() if key(t_boxes[i]) == key(o_boxes[j]))


def item_counts(t: dict, o: dict | None, key: str) -> tuple[Counts, dict[int, int]]:
    truth = [item_text(x) for x in t.get(key) or []]
    output = [item_text(x) for x in (o or {}).get(key) or []]
    pairs = pair_items(truth, output)
    return Counts(len(pairs), len(truth), len(output)), pairs


def score_article(t: dict, o: dict | None) -> tuple[ArticleRow, dict[str, Any]]:
    """The row of one truth article and the raw counts that the issue scores add up."""
    body_t, body_o = "\n".join(body_paragraphs(t, None)), "\n".join(body_paragraphs(o, None)) if o else ""
    paras_t, paras_o = body_paragraphs(t), body_paragraphs(o) if o else []
    paragraphs = Counts(pair_paragraphs(paras_t, paras_o), len(paras_t), len(paras_o))
    boxes, box_pairs = item_counts(t, o, "fact_boxes")
    quotes, _ = item_counts(t, o, "pull_quotes")
    captions, _ = item_counts(t, o, "captions")
    intact, order = intact_and_ordered(t, o)
    row = ArticleRow(
        truth_id=t.get("id", "?"), output_id=o.get("id") if o else None, title=t.get("title") or "",
        body_similarity=round(Levenshtein.normalized_similarity(body_t, body_o), 4) if o else 0.0,
        paragraphs=paragraphs, fact_boxes=boxes, pull_quotes=quotes, captions=captions,
        fields_equal=head_fields(t, o))
    raw = {"start": starts_right(t, o), "intact": intact, "order": order,
           "box_exact": box_exact(t.get("fact_boxes") or [], (o or {}).get("fact_boxes") or [], box_pairs),
           "paragraph_f1": f1(paragraphs.hits, paragraphs.truth, paragraphs.output) if o else 0.0}
    return row, raw


# ---------------------------------------------------------------------------- issue-level
def toc_linked(truth: dict, output: dict, linked_to: dict[str, str | None]) -> float | None:
    """Share of truth contents entries that the output has and links to the right article."""
    entries = truth.get("toc") or []
    if not entries:
        return None
    found = 0
    for e in entries:
        want = linked_to.get(e.get("article"))
        title = normalize(e.get("title")).lower()
        for oe in output.get("toc") or []:
            if oe.get("printed_page") != e.get("page"):
                continue
            if fuzz.partial_ratio(title, normalize(oe.get("title")).lower()) / 100 >= TOC_TITLE_SIMILARITY:
                found += want is not None and oe.get("article_id") == want
                break
    return round(found / len(entries), 4)


def hyphen_credit(entries: Sequence[dict], truth_texts: dict[str, str],
                  output_texts: dict[str, str]) -> float | None:
    """Mean over broken words of min(1, times in the output article / times in the truth article)."""
    entries = [h for h in entries if h.get("article") in truth_texts]
    if not entries:
        return None
    credit = 0.0
    for h in entries:
        expected = max(1, count_word(h["word"], truth_texts[h["article"]]))
        credit += min(1.0, count_word(h["word"], output_texts.get(h["article"], "")) / expected)
    return round(credit / len(entries), 4)


def field_score(rows: Sequence[ArticleRow], key: str) -> float | None:
    return mean(1.0 if r.fields_equal[key] else 0.0 for r in rows if key in r.fields_equal)


def evaluate(output: dict, truth: dict) -> Evaluation:
    """Score ``output`` (an ``olparse parse`` dict) against ``truth`` (fixture truth format)."""
    t_arts, o_arts = prepare(truth.get("articles") or []), prepare(output.get("articles") or [])
    pairs = match_articles(t_arts, o_arts)
    rows, raws = [], []
    for i, t in enumerate(t_arts):
        o = o_arts[pairs[i]].article if i in pairs else None
        row, raw = score_article(t.article, o)
        rows.append(row)
        raws.append(raw)
    matched_out = set(pairs.values())
    extra = tuple(o.article.get("id", "?") for j, o in enumerate(o_arts) if j not in matched_out)
    # Items of unmatched output articles count as output items too: they are somewhere wrong.
    extra_items = {key: sum(len(o.article.get(key) or []) for j, o in enumerate(o_arts) if j not in matched_out)
                   for key in ("fact_boxes", "pull_quotes", "captions")}
    truth_texts = {t.article.get("id"): t.text for t in t_arts}
    output_texts = {t_arts[i].article.get("id"): o_arts[j].text for i, j in pairs.items()}
    linked_to = {t_arts[i].article.get("id"): o_arts[j].article.get("id") for i, j in pairs.items()}
    boxes, quotes, captions = (sum((getattr(r, k) for r in rows), Counts()) + Counts(0, 0, extra_items[k])
                               for k in ("fact_boxes", "pull_quotes", "captions"))
    intact = sum((r["intact"] for r in raws), Counts())
    order = sum((r["order"] for r in raws), Counts())
    scores: dict[str, float | None] = {
        "article_recall": ratio(len(pairs), len(t_arts)),
        "article_precision": ratio(len(pairs), len(o_arts)) if o_arts else (None if not t_arts else 0.0),
        "title_exact": field_score(rows, "title"),
        "kicker_exact": field_score(rows, "kicker"),
        "standfirst_exact": field_score(rows, "standfirst"),
        "byline_exact": field_score(rows, "byline"),
        "body_similarity": mean(r.body_similarity for r in rows),
        "paragraph_f1": mean(r["paragraph_f1"] for r in raws),
        "paragraphs_intact": ratio(intact.hits, intact.truth),
        "paragraph_order": ratio(order.hits, order.truth),
        "start_page_exact": mean(r["start"] for r in raws),
        "fact_box_f1": f1(boxes.hits, boxes.truth, boxes.output),
        "fact_box_exact": ratio(sum(r["box_exact"] for r in raws), boxes.truth),
        "pull_quote_f1": f1(quotes.hits, quotes.truth, quotes.output),
        "caption_f1": f1(captions.hits, captions.truth, captions.output),
        "toc_linked": toc_linked(truth, output, linked_to),
        "soft_hyphens_joined": hyphen_credit(truth.get("hyphenated_at_line_end") or [], truth_texts, output_texts),
        "hard_hyphens_kept": hyphen_credit(truth.get("hard_hyphen_at_line_end") or [], truth_texts, output_texts),
        "suspended_hyphens_kept": hyphen_credit(truth.get("suspended_hyphen_at_line_end") or [],
                                                truth_texts, output_texts),
    }
    scores["overall"] = mean(scores[k] for k in OVERALL_KEYS)
    counts = {"articles_truth": len(t_arts), "articles_output": len(o_arts)}
    return Evaluation(scores, tuple(rows), extra, counts)


# ---------------------------------------------------------------------------- command line
def main(argv: list[str] | None = None) -> int:
    """``python -m olparse.evaluate OUTPUT.json TRUTH.json [--detail] [--json]``."""
    parser = argparse.ArgumentParser(prog="python -m olparse.evaluate",
                                     description="Score an olparse JSON output against a truth file.")
    parser.add_argument("output", help="olparse parse output (JSON)")
    parser.add_argument("truth", help="ground truth in the fixture *.truth.json format")
    parser.add_argument("--detail", action="store_true", help="also one row per truth article")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    with open(args.output, encoding="utf-8") as fh:
        output = json.load(fh)
    with open(args.truth, encoding="utf-8") as fh:
        truth = json.load(fh)
    result = evaluate(output, truth)
    if args.json:
        print(json.dumps(result.to_dict(args.detail), ensure_ascii=False, indent=1))
    else:
        print(result.report(args.detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
