"""Nothing lost: every word the backend extracts reaches the JSON (issue 5, point 4).

For every fixture PDF, every parsing reproduction in tests/robustness/ and a set of generated
issues, the multiset of words in the JSON (article text, furniture, ``other``, contents) must
hold every word PyMuPDF reads, up to the joins that dehyphenation, letter-spacing and drop caps
make (``olparse.extract.coverage``). A failure names the missing words; known losses are strict
xfails that name their cause, so they turn red when fixed.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest

from olparse.extract import open_document
from olparse.extract.coverage import (backend_words, compare_words, output_texts, output_words, word_key,
                                      words_coverage)
from olparse.normalize import normalize_page
from olparse.pipeline import layout_page, parse
from robustness.make_cases import CASES, path_of

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "fixtures").glob("*.pdf"))
PARSING_CASES = [c for c in CASES if (c.exit_code == 0 or c.password) and c.name != "glyph_flood.pdf"]

GENERATED_SEEDS = list(range(10)) + [11, 14]  # 11 and 14 draw a biography line over body text


def assert_nothing_lost(path: Path, password: str | None = None) -> None:
    data = parse(path, password=password).to_dict()
    cov = words_coverage(str(path), data, password)
    assert not cov.missing, f"{path.name}: {cov.describe(20)}"
    assert cov.total == 0 or cov.found > 0


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_words_all_reach_the_json(path):
    assert_nothing_lost(path)


@pytest.mark.parametrize("case", PARSING_CASES, ids=lambda c: c.name)
def test_robustness_case_words_all_reach_the_json(case):
    assert_nothing_lost(path_of(case.name), case.password)


@pytest.mark.parametrize("seed", GENERATED_SEEDS)
def test_generated_issue_words_all_reach_the_json(seed):
    pytest.importorskip("pyphen")
    from olparse.testing import generate, random_spec
    issue = generate(random_spec(seed))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"seed{seed}.pdf"
        path.write_bytes(issue.pdf_bytes)
        assert_nothing_lost(path)


def assert_text_form_holds_the_json_text(path: Path, password: str | None = None) -> None:
    """``olparse text`` leaves out only furniture (a section read from the running head too),
    the contents and the colophon: every word of the articles, of the text set aside
    (``other``) and of text on pictures is printed."""
    doc = parse(path, password=password)
    data = doc.to_dict()
    articles = [{**a, "section": ""} if art.section_from_head else a  # a running head is furniture
                for a, art in zip(data["articles"], doc.articles)]
    kept = {**data, "articles": articles, "furniture": [f for f in data["furniture"] if f["type"] == "image_text"],
            "toc": []}
    text = Counter(k for w in doc.to_text().split() if (k := word_key(w)))
    cov = compare_words([[w for t in output_texts(kept) for w in t.split()]], text)
    assert not cov.missing, f"{path.name}: {cov.describe(20)}"
    for a in doc.articles:  # where set-aside text goes in an article: one place per paragraph
        assert len(a.body_starts) == len(a.body) and all(s >= a.start for s in a.body_starts), a.id


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_text_form_holds_every_article_and_set_aside_word(path):
    assert_text_form_holds_the_json_text(path)


@pytest.mark.parametrize("case", PARSING_CASES, ids=lambda c: c.name)
def test_robustness_case_text_form_holds_every_article_and_set_aside_word(case):
    assert_text_form_holds_the_json_text(path_of(case.name), case.password)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_page_layout_keeps_every_word_of_the_runs(path):
    """The per-page stages (normalize, lines, blocks, order) lose nothing on their own."""
    with open_document(path) as src:
        for number in range(1, src.page_count + 1):
            raw = src.page(number)
            runs = [w for r in normalize_page(raw).runs for w in r.text.split()]
            layout = Counter(k for b in layout_page(raw).blocks for w in b.text.split() if (k := word_key(w)))
            cov = compare_words([runs], layout)
            assert not cov.missing, f"{path.name} page {number}: {cov.describe(10)}"


# ------------------------------------------------------------------------------ the measure itself
def cover(backend: list[str], output: list[str]):
    return compare_words([backend], Counter(k for w in output if (k := word_key(w))))


def test_a_lost_word_is_missing_even_when_it_occurs_elsewhere():
    cov = cover(["og", "det", "og", "så"], ["og", "det", "så"])
    assert cov.missing == Counter({"og": 1})
    assert cov.ratio == pytest.approx(0.75)


@pytest.mark.parametrize("backend, output", [
    (["foot-", "ball"], ["football"]),                      # dehyphenated
    (["AI-", "data"], ["AI-data"]),                         # hyphen kept
    (["senior-", "medarbej-", "derne"], ["seniormedarbejderne"]),
    (["for-", "•", "løb"], ["forløb"]),                     # a bullet between the parts
    (["of\u00ad", "fentlige"], ["offentlige"]),             # soft hyphen
    (["Å", "R", "H", "U", "S"], ["ÅRHUS"]),                 # letter-spaced
    (["0", "1", "/", "2", "0", "2", "4"], ["01/2024"]),
    (["sagsbehand-", "x", "y", "lingstiderne"], ["sagsbehandlingstiderne", "x", "y"]),  # next column
    (["I", "T-chefen", "i"], ["IT-chefen", "i"]),           # drop cap that is also a word
    (["endofcolumnStart"], ["endofcolumn", "Start"]),       # glued across a gutter
    (["ﬁnal", "“quoted”"], ["final", "quoted"]),            # NFKC and edge punctuation
])
def test_joins_and_splits_are_not_losses(backend, output):
    cov = cover(backend, output)
    assert not cov.missing, cov.describe()


def test_kept_apart_words_do_not_take_a_join_from_others():
    # "Offent- lige" stays two words in a colophon; "of- fentlige" was joined in the body.
    cov = cover(["Offent-", "lige", "of-", "fentlige"], ["Offent-", "lige", "offentlige"])
    assert not cov.missing, cov.describe()


def test_removing_a_paragraph_from_the_json_is_noticed():
    path = path_of("clean.pdf")
    data = parse(path).to_dict()
    assert not words_coverage(str(path), data).missing
    article = next(a for a in data["articles"] if a["body"])
    removed = article["body"].pop()
    cov = words_coverage(str(path), data)
    assert cov.missing, "dropping a paragraph must show as missing words"
    assert set(cov.missing) <= {word_key(w) for w in removed["text"].split()} | {""}


def test_output_texts_reads_every_text_field():
    data = {
        "articles": [{"section": "w1", "kicker": "w2", "title": "w3", "standfirst": "w4", "byline": "w5",
                      "body": [{"text": "w6"}], "fact_boxes": [{"title": "w7", "paragraphs": ["w8"]}],
                      "pull_quotes": [{"text": "w9", "attribution": "w10"}],
                      "captions": [{"text": "w11"}], "credits": [{"text": "w12"}]}],
        "furniture": [{"text": "w13"}], "other": [{"text": "w14"}],
        "toc": [{"section": "w15", "title": "w16"}],
        "hyphenation": [{"left": "never", "right": "counted"}],
    }
    assert sorted(output_texts(data), key=lambda w: int(w[1:])) == [f"w{i}" for i in range(1, 17)]
    assert "never" not in output_words(data)


def test_dingbats_and_overprints_are_not_counted(tmp_path):
    from robustness.make_cases import assemble, stream
    content = (b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Hello world) Tj ET "
               b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Hello world) Tj ET "   # fake bold: drawn twice
               b"BT /F2 10 Tf 1 0 0 1 50 650 Tm (nnn) Tj ET")           # ZapfDingbats squares
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
               b"/F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>", stream(content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>"]
    path = tmp_path / "overprint.pdf"
    path.write_bytes(assemble(objects))
    ignored: Counter = Counter()
    assert backend_words(str(path), ignored=ignored) == [["Hello", "world"]]
    assert ignored == Counter({"overprint": 2, "dingbat": 1})


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_a_contents_page_read_alone_still_gives_its_text(path):
    """With its articles, the contents page stands for text printed elsewhere and the text form
    leaves it out (it is in the JSON); read alone (``--pages``), it is all there is to print."""
    from olparse.furniture import is_contents_page
    from olparse.pipeline import page_layouts
    contents = [p.number for p in page_layouts(path) if is_contents_page(p)]
    if not contents:
        pytest.skip("no contents page")
    whole = parse(path).to_text()
    alone = parse(path, {"pages": (contents[0],)}).to_text()
    assert "INDHOLD" not in whole
    assert "INDHOLD" in alone and len(alone.split()) >= 10
