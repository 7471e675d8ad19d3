"""Round-trip properties: ``parse(generate(spec))`` recovers what the generator typeset.

Hypothesis draws generator specs (articles, columns, items pages, fonts, paragraph style and
every messy feature as its own draw, so a failure shrinks to the fewest features that still
fail), typesets them with ``olparse.testing``, parses the PDF and scores the output against the
truth with ``olparse.evaluate``.

Stated tolerances (``TOLERANCES``), for every drawn issue:

* the output validates against the schema and ``json.loads(doc.to_json()) == doc.to_dict()``;
* article recall and precision >= 0.9; every matched article's title is exact;
* per matched article: body similarity >= 0.95, paragraph F1 >= 0.9, fact-box and pull-quote
  F1 >= 0.8 (where the truth or the output has any);
* contents entries linked to the right article >= 0.9 (when the issue has a contents page).

Known bugs (``KNOWN_BUGS``: the parser's, and the generator's where marked GENERATOR) are
excused by narrow signatures of what goes wrong, each with a small example in
``KNOWN_BUG_EXAMPLES``. ``test_known_bugs_still_reproduce`` fails as soon as one no longer
reproduces: then delete its entry and signature and move its example to
``REGRESSION_EXAMPLES``, which the recovery property replays first (``@example``) and which must
pass from then on. Nothing else is excused.

Runs are deterministic (``derandomize``) and small enough for CI. To explore more widely::

    OLPARSE_PROPERTY_EXAMPLES=300 python -m pytest tests/test_roundtrip_properties.py

(random draws and hypothesis' example database; a failure prints the shrunk spec to add here).
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytest.importorskip("pyphen")

from olparse import parse  # noqa: E402
from olparse.check import align  # noqa: E402
from olparse.document import validate_document  # noqa: E402
from olparse.errors import SchemaError  # noqa: E402
from olparse.evaluate import Evaluation, evaluate, f1  # noqa: E402
from olparse.testing import Features, Spec, generate, random_spec  # noqa: E402

TOLERANCES = {
    "article_recall": 0.9,
    "article_precision": 0.9,
    "body_similarity": 0.95,
    "paragraph_f1": 0.9,
    "fact_box_f1": 0.8,
    "pull_quote_f1": 0.8,
    "toc_linked": 0.9,
    "title_exact": 1.0,
}

EXPLORE = "OLPARSE_PROPERTY_EXAMPLES" in os.environ
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("OLPARSE_PROPERTY_EXAMPLES", "25")),
    deadline=None,
    derandomize=not EXPLORE,
    database=settings.default.database if EXPLORE else None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ---------------------------------------------------------------------------- specs
@st.composite
def specs(draw) -> Spec:
    """A small random issue: each choice drawn on its own, so failures shrink to simple specs."""
    features = draw(st.fixed_dictionaries({f.name: st.booleans() for f in dataclasses.fields(Features)}))
    return random_spec(
        draw(st.integers(0, 100_000)),
        n_articles=draw(st.integers(1, 3)),
        columns=draw(st.sampled_from((3, 2))),
        max_article_pages=draw(st.integers(1, 2)),
        briefs=draw(st.sampled_from((0, 4))),
        books=draw(st.sampled_from((0, 3))),
        front_pages=draw(st.booleans()),
        fonts=draw(st.sampled_from(("dejavu", "base14"))),
        body_size=draw(st.sampled_from((9.0, 8.5, 9.5))),
        paragraph_style=draw(st.sampled_from(("indent", "space"))),
        features=Features(**features),
    )


def spec(seed: int, n_articles: int = 1, columns: int = 3, max_article_pages: int = 1, briefs: int = 0,
         books: int = 0, front_pages: bool = False, fonts: str = "dejavu", body_size: float = 9.0,
         paragraph_style: str = "indent", **features: bool) -> Spec:
    """An explicit example spec: the simplest issue plus what is named (shrunk examples read well)."""
    flags = {f.name: False for f in dataclasses.fields(Features)} | features
    return random_spec(seed, n_articles=n_articles, columns=columns, max_article_pages=max_article_pages,
                       briefs=briefs, books=books, front_pages=front_pages, fonts=fonts, body_size=body_size,
                       paragraph_style=paragraph_style, features=Features(**flags))


# ---------------------------------------------------------------------------- one round trip
@dataclass(frozen=True)
class RoundTrip:
    """What one spec gave: the truth, the output dict, its checks and its evaluation."""

    spec: Spec
    truth: dict
    output: dict
    schema_error: str
    json_round_trips: bool
    evaluation: Evaluation

    def layout(self, article_id: str) -> dict:
        return next((x for x in self.truth["typeset"]["layout"] if x["article"] == article_id), {})

    def truth_article(self, article_id: str) -> dict:
        return next(a for a in self.truth["articles"] if a["id"] == article_id)

    def output_article(self, article_id: str | None) -> dict:
        return next((a for a in self.output["articles"] if a["id"] == article_id), {})


@lru_cache(maxsize=128)
def round_trip(spec: Spec) -> RoundTrip:
    issue = generate(spec)
    with tempfile.TemporaryDirectory() as folder:
        doc = parse(issue.write(folder))
    data = doc.to_dict()
    try:
        validate_document(data)
        error = ""
    except SchemaError as exc:
        error = exc.message
    return RoundTrip(spec, issue.truth, data, error, json.loads(doc.to_json()) == data,
                     evaluate(data, issue.truth))


@dataclass(frozen=True)
class Violation:
    """A tolerance that one issue (or one of its articles) misses."""

    metric: str
    value: float
    article: str | None = None
    detail: str = ""

    def __str__(self) -> str:
        where = f"{self.article} " if self.article else ""
        detail = f" {self.detail}" if self.detail else ""
        return f"{where}{self.metric} {self.value:.4f} < {TOLERANCES[self.metric]}{detail}"


def violations(rt: RoundTrip) -> list[Violation]:
    """Every stated tolerance that ``rt`` misses."""
    s, out = rt.evaluation.scores, []
    for key in ("article_recall", "article_precision", "toc_linked"):
        if s[key] is not None and s[key] < TOLERANCES[key]:
            missing = [r.truth_id for r in rt.evaluation.articles if not r.output_id]
            detail = {"article_recall": f"missing {missing}",
                      "article_precision": f"extra {list(rt.evaluation.extra)}"}.get(key, "")
            out.append(Violation(key, s[key], None, detail))
    for row in rt.evaluation.articles:
        if row.output_id is None:
            continue
        if not row.fields_equal.get("title", True):
            out.append(Violation("title_exact", 0.0, row.truth_id, repr(row.title)))
        if row.body_similarity < TOLERANCES["body_similarity"]:
            out.append(Violation("body_similarity", row.body_similarity, row.truth_id))
        for metric, c in (("paragraph_f1", row.paragraphs), ("fact_box_f1", row.fact_boxes),
                          ("pull_quote_f1", row.pull_quotes)):
            value = f1(c.hits, c.truth, c.output)
            if value is not None and value < TOLERANCES[metric]:
                out.append(Violation(metric, value, row.truth_id, f"({c})"))
    return out


# ---------------------------------------------------------------------------- known bugs
def only_splits(rt: RoundTrip, v: Violation, where: Callable[[str, str], bool]) -> bool:
    """Every wrong paragraph of the article is a truth paragraph split in two, at a place that
    ``where(first part, second part)`` accepts."""
    if v.metric != "paragraph_f1":
        return False
    row = next(r for r in rt.evaluation.articles if r.truth_id == v.article)
    old = [p["text"] for p in rt.truth_article(v.article)["body"] if p["type"] == "paragraph"]
    new = [p["text"] for p in rt.output_article(row.output_id)["body"] if p["type"] == "paragraph"]
    wrong = [(a, b, s) for a, b, s in align(old, new) if not (len(a) == len(b) == 1 and s >= 0.9)]
    return bool(wrong) and all(len(a) == 1 and len(b) == 2 and s >= 0.9 and where(new[b[0]], new[b[1]])
                               for a, b, s in wrong)


def ends_sentence(text: str) -> bool:
    return text.rstrip("\u201d\" ").endswith((".", "!", "?"))


def sentence_end_split(rt: RoundTrip, v: Violation) -> bool:
    """Paragraphs split in two after a sentence end (and nothing else wrong)."""
    return only_splits(rt, v, lambda first, second: ends_sentence(first))


#: id -> (what is wrong, signature: does this violation come from the bug?). The first signature
#: that matches names the bug, so the more specific ones come first.
KNOWN_BUGS: dict[str, tuple[str, Callable[[RoundTrip, Violation], bool]]] = {
    "sentence-end-split": ("a paragraph that goes on after a float (pull-quote, box, picture) placed right "
                           "after a sentence end is split in two", sentence_end_split),
}


def known_bug(rt: RoundTrip, v: Violation) -> str | None:
    return next((bug for bug, (_, signature) in KNOWN_BUGS.items() if signature(rt, v)), None)


def unexplained(rt: RoundTrip) -> list[str]:
    return [f"{v}" for v in violations(rt) if known_bug(rt, v) is None]


#: A small example of each known bug (shrunk by ``hypothesis.find`` over ``specs()``, or by hand
#: where 400 draws found none); ``test_known_bugs_still_reproduce`` checks that each still fails.
KNOWN_BUG_EXAMPLES: dict[str, Spec] = {
    "sentence-end-split": spec(156, body_size=9.5, paragraph_style="space", rotated_credits=True),
}

#: Shrunk failures of bugs since fixed: replayed first by the recovery property, and must pass.
REGRESSION_EXAMPLES: list[Spec] = [
    # generator: a column box drawn over the box across the page foot (fixed in 6640c23)
    spec(3),
    # a contents page with a single entry was not read
    spec(0, front_pages=True),
    # page numbers and section labels of a contents page were taken for folios and running heads
    spec(0, n_articles=3, front_pages=True),
    # the contents entry of an items page linked to another item of that page
    spec(15239, n_articles=2, columns=2, books=3, front_pages=True, fonts="base14", body_size=8.5),
    # text printed inside a book cover became a fact box
    spec(1, columns=2, books=3, image_text=True),
    # a paragraph's short last line at the top of the next column was read into an earlier paragraph
    spec(59001, n_articles=3, fonts="base14", body_size=8.5, rotated_credits=True),
    # generator: the second box of a one-page article was drawn over the opening picture's caption
    spec(48633, n_articles=3, body_size=8.5, paragraph_style="space"),
    # the end of a book notice's reference line, set at the top of the next column, was left in `other`
    spec(22, books=3, body_size=9.5),
    # a paragraph split inside a sentence after a line left short by a long word before a
    # capitalised one (the next word did not fit: paragraphs.next_word_overflows)
    spec(31083, briefs=4, body_size=9.5),
    # the same inside a sentence at a pull-quote: a one-line piece of the paragraph above it,
    # short against a wider measure, closed the paragraph (paragraphs.runs_on_into)
    spec(2, n_articles=2, fonts="base14", body_size=8.5, paragraph_style="space"),
]


def with_examples(test):
    """Replay the regression examples and the known-bug examples (``@example``) before the draws."""
    for case in [*REGRESSION_EXAMPLES, *KNOWN_BUG_EXAMPLES.values()]:
        test = example(spec=case)(test)
    return test


# ---------------------------------------------------------------------------- properties
@PROPERTY_SETTINGS
@given(spec=specs())
def test_output_validates_and_round_trips_through_json(spec):
    rt = round_trip(spec)
    assert rt.schema_error == "", rt.schema_error
    assert rt.json_round_trips


@PROPERTY_SETTINGS
@with_examples
@given(spec=specs())
def test_parse_recovers_the_generated_issue(spec):
    rt = round_trip(spec)
    problems = unexplained(rt)
    assert not problems, f"{spec}\n" + "\n".join(problems)


@pytest.mark.parametrize("bug", sorted(KNOWN_BUG_EXAMPLES))
def test_known_bugs_still_reproduce(bug):
    rt = round_trip(KNOWN_BUG_EXAMPLES[bug])
    found = {known_bug(rt, v) for v in violations(rt)}
    assert bug in found, (f"known bug {bug!r} ({KNOWN_BUGS[bug][0]}) no longer reproduces: if it is fixed, "
                          "remove it from KNOWN_BUGS and move its example to an @example of "
                          "test_parse_recovers_the_generated_issue")
