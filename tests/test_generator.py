"""Tests of the fixture generator (olparse.testing) and of the committed fixtures.

Three kinds of checks:

* determinism: equal specs give equal bytes, truth and extracted text;
* truth consistency: the words of the truth are exactly the words PyMuPDF extracts (after
  undoing the recorded line-end hyphens), the hyphen lists match the real line ends, and the
  contents page prints the real start pages;
* feature presence: every "messy" habit a spec asks for is really in the PDF (rotated span,
  U+00AD, ligature glyphs, ZapfDingbats end mark, no-break spaces, tinted box behind text,
  letter-spacing, content-stream order unlike reading order).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pymupdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("pyphen")

from olparse.testing import Features, GeneratedIssue, Spec, generate, random_spec  # noqa: E402
from olparse.testing.linebreak import core_word  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE_NAMES = sorted(p.name[: -len(".truth.json")] for p in FIXTURES.glob("*.truth.json"))
FURNITURE_ROLES = ("running_head", "folio", "footer", "slug")
MARGIN_BAND = 52.0  # running heads, footers and slugs live within this distance of the edges


def norm(text: str) -> str:
    """NFKC (ligatures to letters, no-break space to space) but keep U+00AD visible."""
    return unicodedata.normalize("NFKC", text.replace("\u00ad", "\x00")).replace("\x00", "\u00ad")


def page_lines(page: pymupdf.Page) -> list[tuple[str, tuple, tuple]]:
    """``(text, bbox, dir)`` of every extracted line, in extraction order."""
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            out.append(("".join(s["text"] for s in line["spans"]), tuple(line["bbox"]), tuple(line["dir"])))
    return out


def is_margin_line(bbox: tuple, page: pymupdf.Page) -> bool:
    """Lines in the top or bottom band are furniture (running heads, folios, footers, slugs)."""
    return bbox[3] < MARGIN_BAND + 8 or bbox[1] > page.rect.height - MARGIN_BAND


def tokens(text: str) -> list[str]:
    """Core words of a text (punctuation stripped, U+00AD dropped), empty ones left out."""
    out = []
    for tok in norm(text).split():
        core = core_word(tok.rstrip("\u00ad"))
        if core:
            out.append(core)
    return out


def truth_texts(truth: dict) -> list[str]:
    """Every non-furniture text the truth says is printed."""
    out = list(truth.get("front_matter", []))
    for t in truth["toc"]:
        out += [str(t["page"]), t["section"], t["title"]]
    for a in truth["articles"]:
        out += [a["kicker"], a["title"], a["standfirst"], a["byline"]]  # section: running head
        out += a["credits"] + a["captions"] + [b["text"] for b in a["body"]]
        for box in a["fact_boxes"]:
            out += [box["title"]] + box["paragraphs"]
        for q in a["pull_quotes"]:
            out += [q["text"], q["attribution"]]
    out += [f["text"] for f in truth.get("furniture", []) if f["role"] not in FURNITURE_ROLES]
    return out


def truth_bag(truth: dict) -> Counter:
    """Truth words, with each recorded line-end break split the way it is printed.

    A word broken twice (three lines) has two entries; the second splits the rest left by the
    first, so the rest of each word is remembered.
    """
    bag = Counter(t for text in truth_texts(truth) for t in tokens(text))
    rests: dict[str, str] = {}
    for h in truth["hyphenated_at_line_end"] + truth["hard_hyphen_at_line_end"]:
        word = h["word"]
        head = core_word(h["line_end"].rstrip("-\u00ad"))
        whole = word if word.startswith(head) else rests.get(word, word)
        rest = whole[len(head):].lstrip("-")
        bag[whole] -= 1
        bag[core_word(norm(h["line_end"]).rstrip("\u00ad"))] += 1
        bag[rest] += 1
        rests[word] = rest
    for cap in truth["typeset"].get("drop_caps", []):  # a drop cap is drawn apart from its word
        bag[cap["word"]] -= 1
        bag[cap["letter"]] += 1
        bag[cap["word"][1:]] += 1
    return +bag


def pdf_bag(doc: pymupdf.Document) -> Counter:
    """Extracted words of all pages, without the margin furniture."""
    bag = Counter()
    for page in doc:
        for text, bbox, _ in page_lines(page):
            if not is_margin_line(bbox, page):
                bag.update(tokens(text))
    return bag


@pytest.fixture(scope="module")
def messy_issue():
    return generate(Spec(seed=11, n_articles=4, briefs=6, books=3, features=Features.messy()))


@pytest.fixture(scope="module")
def clean_issue():
    return generate(Spec(seed=11, n_articles=4, briefs=6, books=3))


# ------------------------------------------------------------------ determinism
def test_same_seed_same_bytes_and_truth():
    spec = random_spec(5)
    a, b = generate(spec), generate(spec)
    assert a.pdf_bytes == b.pdf_bytes
    assert a.truth == b.truth


def test_same_seed_same_text():
    spec = random_spec(8, features={"shuffled_order": True})
    texts = []
    for _ in range(2):
        doc = pymupdf.open("pdf", generate(spec).pdf_bytes)
        texts.append([p.get_text() for p in doc])
    assert texts[0] == texts[1]


def test_different_seeds_differ():
    assert generate(random_spec(1)).truth != generate(random_spec(2)).truth


def test_generation_is_fast():
    import time

    t = time.perf_counter()
    generate(random_spec(3, n_articles=3, max_article_pages=2))
    assert time.perf_counter() - t < 1.0


def test_spec_validation():
    with pytest.raises(ValueError, match="columns"):
        Spec(columns=4)
    with pytest.raises(ValueError, match="A5"):
        Spec(page_size=(300, 400))


# ------------------------------------------------------------------ truth consistency
def check_words(issue) -> None:
    """Truth words == extracted words, except the end marks that extract as ``n`` or ``■``."""
    doc = pymupdf.open("pdf", issue.pdf_bytes)
    want, got = truth_bag(issue.truth), pdf_bag(doc)
    missing = want - got
    extra = got - want
    marks = Counter(m["extracts_as"] for m in issue.truth["typeset"]["end_marks"])
    assert not missing, f"truth words not in the PDF: {dict(missing)}"
    assert extra - Counter({"n": marks["n"]}) == Counter(), f"PDF words not in the truth: {dict(extra)}"


def line_ends(doc: pymupdf.Document) -> Counter:
    """``(pdf_page, last token)`` of every extracted line ending in a hyphen or U+00AD."""
    ends = Counter()
    for i, page in enumerate(doc):
        for text, bbox, _ in page_lines(page):
            last = norm(text).rstrip(" ").split(" ")[-1] if text.strip() else ""
            if last.endswith(("-", "\u00ad")) and not is_margin_line(bbox, page):
                ends[(i, last)] += 1
    return ends


def check_furniture(issue) -> None:
    """Running heads, folios, footers and slugs are printed in the page margins as recorded."""
    doc = pymupdf.open("pdf", issue.pdf_bytes)
    margins = {}
    for i, page in enumerate(doc):
        lines = [t for t, bbox, _ in page_lines(page) if is_margin_line(bbox, page)]
        margins[i] = "".join(lines).replace(" ", "")
    for f in issue.truth["furniture"]:
        if f["role"] in FURNITURE_ROLES:
            assert f["text"].replace(" ", "") in margins[f["pdf_page"]], f
    sections = {a["id"]: a["section"] for a in issue.truth["articles"]}
    for a in issue.truth["articles"]:
        assert sections[a["id"]].replace(" ", "") in margins[a["pdf_pages"][0]] or a["section"] in ("KORT NYT", "BØGER")


def check_hyphen_lists(issue) -> None:
    """The three hyphen lists name exactly the lines that end in a hyphen, page by page."""
    t = issue.truth
    entries = t["hyphenated_at_line_end"] + t["hard_hyphen_at_line_end"] + t["suspended_hyphen_at_line_end"]
    want = Counter((h["pdf_page"], norm(h["line_end"])) for h in entries)
    assert line_ends(pymupdf.open("pdf", issue.pdf_bytes)) == want
    for h in t["hyphenated_at_line_end"]:
        assert core_word(h["line_end"].rstrip("-\u00ad")) in h["word"], h
        assert h["page"] == h["pdf_page"] + 1
    for h in t["hard_hyphen_at_line_end"]:
        assert "-" in h["word"] and h["word"].startswith(core_word(h["line_end"])), h


def check_toc(issue) -> None:
    """Contents entries point at their article's first printed page."""
    arts = {a["id"]: a for a in issue.truth["articles"]}
    for entry in issue.truth["toc"]:
        assert entry["page"] == arts[entry["article"]]["pages"][0]
    starts = [a["pdf_pages"][0] for a in issue.truth["articles"]]
    assert starts == sorted(starts)


@pytest.mark.parametrize("seed", range(12))
def test_random_issue_truth_is_consistent(seed):
    issue = generate(random_spec(seed))
    check_words(issue)
    check_furniture(issue)
    check_hyphen_lists(issue)
    check_toc(issue)


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), columns=st.sampled_from((2, 3)), messy=st.booleans())
def test_property_any_spec_gives_a_consistent_truth(seed, columns, messy):
    """How property tests elsewhere are meant to use the generator: draw a spec, check invariants."""
    spec = random_spec(seed, columns=columns, features=Features.messy() if messy else Features())
    issue = generate(spec)
    check_words(issue)
    check_hyphen_lists(issue)
    check_toc(issue)


def test_messy_issue_truth_is_consistent(messy_issue):
    check_words(messy_issue)
    check_hyphen_lists(messy_issue)
    check_toc(messy_issue)


def test_every_article_has_text_and_pages(clean_issue):
    for a in clean_issue.truth["articles"]:
        assert a["title"] and a["body"], a["id"]
        assert a["body"][0]["type"] == "paragraph" and a["body"][-1]["type"] == "paragraph"
        assert a["pages"][0] <= a["pages"][1] and a["pages"][0] == a["pdf_pages"][0] + 1


def test_contents_page_prints_the_start_pages(clean_issue):
    doc = pymupdf.open("pdf", clean_issue.pdf_bytes)
    words = doc[1].get_text().split()
    assert "INDHOLD" in words
    for entry in clean_issue.truth["toc"]:
        assert str(entry["page"]) in words


# ------------------------------------------------------------------ features in the PDF
def spans(doc: pymupdf.Document):
    """Every span of every page with its page index and line direction."""
    for i, page in enumerate(doc):
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    yield i, line["dir"], span


def test_messy_features_present(messy_issue):
    doc = pymupdf.open("pdf", messy_issue.pdf_bytes)
    all_spans = list(spans(doc))
    text = "".join(s["text"] for _, _, s in all_spans)
    assert any(abs(d[0]) < 0.01 for _, d, _ in all_spans), "no rotated (90°) span"
    assert "\u00ad" in text, "no soft-hyphen glyph"
    assert "\ufb01" in text or "\ufb02" in text, "no ligature glyph"
    assert "\u00a0" in text, "no no-break space"
    assert any(s["font"] == "ZapfDingbats" and s["text"].strip() == "n" for _, _, s in all_spans)
    assert re.search(r"T E M A|K O R T|L E D E R E N|O f f e n t l i g", doc[3].get_text())
    assert any(f["role"] == "slug" for f in messy_issue.truth["furniture"])
    assert any(f["role"] == "image_text" for f in messy_issue.truth["furniture"])
    caps = messy_issue.truth["typeset"]["drop_caps"]
    assert caps and all(len(c["letter"]) == 1 for c in caps)
    sizes = [s["size"] for _, _, s in all_spans if s["text"] == caps[0]["letter"]]
    assert sizes and max(sizes) > 25, "no large initial"
    t = messy_issue.truth
    assert t["hard_hyphen_at_line_end"] and t["hyphenated_at_line_end"]
    assert any(h["hyphen_char"] == "\u00ad" for h in t["hyphenated_at_line_end"])


def test_clean_issue_has_plain_text(clean_issue):
    doc = pymupdf.open("pdf", clean_issue.pdf_bytes)
    text = "".join(p.get_text() for p in doc)
    assert "\u00ad" not in text and "\ufb01" not in text and "\u00a0" not in text
    assert all(m["extracts_as"] == "\u25a0" for m in clean_issue.truth["typeset"]["end_marks"])


def test_fact_box_text_sits_on_a_tint_or_frame(clean_issue):
    doc = pymupdf.open("pdf", clean_issue.pdf_bytes)
    found = 0
    for a in clean_issue.truth["articles"]:
        for box in a["fact_boxes"]:
            probe = (box["title"] or box["paragraphs"][0]).split()[0]
            for p in range(a["pdf_pages"][0], a["pdf_pages"][1] + 1):
                page = doc[p]
                rects = [d["rect"] for d in page.get_drawings() if d.get("fill") or d.get("color")]
                for hit in page.search_for(probe):
                    found += any(r.contains(hit) and r.width > 100 for r in rects)
    assert found


def test_messy_order_differs_from_reading_order(messy_issue):
    """On an opener page the title is extracted after body text (as in real InDesign files)."""
    doc = pymupdf.open("pdf", messy_issue.pdf_bytes)
    late = 0
    for a in messy_issue.truth["articles"]:
        text = doc[a["pdf_pages"][0]].get_text()
        first_words = a["body"][0]["text"].split()[0:3]
        title_at = text.find(a["title"].split()[0])
        late += 0 <= text.find(" ".join(first_words)) < title_at
    assert late


def test_clean_order_puts_titles_first(clean_issue):
    doc = pymupdf.open("pdf", clean_issue.pdf_bytes)
    for a in clean_issue.truth["articles"]:
        if a["section"] in ("KORT NYT", "BØGER"):
            continue
        text = norm(doc[a["pdf_pages"][0]].get_text())
        assert text.find(a["title"][:12]) < text.find(" ".join(a["body"][0]["text"].split()[:3]))


def test_columns_and_multi_page_article(clean_issue):
    t = clean_issue.truth
    assert any(a["pdf_pages"][1] > a["pdf_pages"][0] for a in t["articles"]), "no multi-page article"
    assert sum(1 for a in t["articles"] if a["section"] == "KORT NYT") >= 3, "no page of short items"
    layouts = {entry["columns"] for entry in t["typeset"]["layout"]}
    assert layouts & {2, 3}


def test_two_column_variant():
    issue = generate(Spec(seed=4, n_articles=2, columns=2))
    doc = pymupdf.open("pdf", issue.pdf_bytes)
    art = issue.truth["articles"][-1]
    page = doc[art["pdf_pages"][0]]
    xs = {round(line[1][0]) for line in page_lines(page) if not is_margin_line(line[1], page)}
    assert len({x for x in xs if x > page.rect.width / 2}) >= 1 and min(xs) < page.rect.width / 3


def test_base14_fonts_work():
    issue = generate(random_spec(6, fonts="base14", features=Features.messy()))
    check_words(issue)
    check_hyphen_lists(issue)


# ------------------------------------------------------------------ committed fixtures
@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_committed_fixture_is_consistent(name):
    pdf = (FIXTURES / f"{name}.pdf").read_bytes()
    truth = json.loads((FIXTURES / f"{name}.truth.json").read_text(encoding="utf-8"))

    issue = GeneratedIssue(pdf, truth)
    check_words(issue)
    check_furniture(issue)
    check_hyphen_lists(issue)
    check_toc(issue)


def load_build_script():
    """``fixtures/build.py`` as a module (by path: the name ``build`` is taken by PyPA's build)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("olparse_fixture_build", FIXTURES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_committed_fixture_is_up_to_date(name):
    """Regenerating from the recorded spec gives the committed truth (run fixtures/build.py)."""
    issue = generate(load_build_script().FIXTURES[name])
    committed = json.loads((FIXTURES / f"{name}.truth.json").read_text(encoding="utf-8"))
    assert issue.truth == committed
