"""Magazine structure on the committed fixtures: roles, articles, contents, metadata, furniture.

Each fixture is parsed once per test session; the expectations come from its truth file, so a
test fails when a stage stops finding what the generator put on the page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

import olparse
from olparse.classify import Role, looks_like_byline
from olparse.document import validate_document
from olparse.layout import is_sentence_like
from olparse.model import Block
from olparse.geometry import BBox

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NAMES = ["gen-clean", "gen-messy", "gen-2col", "gen-items"]


@lru_cache(maxsize=None)
def parsed(name: str) -> dict:
    return olparse.parse(FIXTURES / f"{name}.pdf").to_dict()


@lru_cache(maxsize=None)
def truth(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.truth.json").read_text(encoding="utf-8"))


def by_title(data: dict) -> dict[str, dict]:
    return {a["title"]: a for a in data["articles"]}


@pytest.mark.parametrize("name", NAMES)
def test_every_article_is_found_with_its_title_and_nothing_extra(name):
    got = sorted(a["title"] for a in parsed(name)["articles"])
    want = sorted(a["title"] for a in truth(name)["articles"])
    assert got == want


@pytest.mark.parametrize("name", NAMES)
def test_title_groups_match_the_truth(name):
    found = by_title(parsed(name))
    for art in truth(name)["articles"]:
        got = found[art["title"]]
        assert got["kicker"] == art["kicker"], art["id"]
        assert got["byline"] == art["byline"], art["id"]
        assert " ".join(got["standfirst"].split()) == " ".join(art["standfirst"].split()), art["id"]
        assert got["section"].lower() == art["section"].lower(), art["id"]


@pytest.mark.parametrize("name", NAMES)
def test_start_pages_and_end_marks(name):
    found = by_title(parsed(name))
    for art in truth(name)["articles"]:
        got = found[art["title"]]
        assert got["pages"]["printed"][0] == art["pages"][0], art["id"]
        assert got["end_mark"] == art["end_mark"], art["id"]


@pytest.mark.parametrize("name", NAMES)
def test_boxes_and_quotes_stay_out_of_the_body(name):
    found = by_title(parsed(name))
    for art in truth(name)["articles"]:
        got = found[art["title"]]
        assert len(got["fact_boxes"]) == len(art["fact_boxes"]), art["id"]
        assert len(got["pull_quotes"]) == len(art["pull_quotes"]), art["id"]
        body_words = sum(len(p["text"].split()) for p in got["body"])
        truth_words = sum(len(p["text"].split()) for p in art["body"])
        assert abs(body_words - truth_words) <= 0.01 * truth_words + 2, art["id"]  # no quote or box text in it


@pytest.mark.parametrize("name", NAMES)
def test_contents_entries_link_to_the_right_articles(name):
    data = parsed(name)
    ids = {a["id"]: a["title"] for a in data["articles"]}
    truth_ids = {a["id"]: a["title"] for a in truth(name)["articles"]}
    want = {(e["page"], truth_ids[e["article"]]) for e in truth(name)["toc"]}
    got = {(e["printed_page"], ids.get(e["article_id"])) for e in data["toc"]}
    assert want <= got


@pytest.mark.parametrize("name", NAMES)
def test_issue_metadata_comes_from_colophon_and_footers(name):
    issue = parsed(name)["issue"]
    want = truth(name)["issue"]
    assert (issue["title"], issue["number"], issue["issn"], issue["language"]) == \
        (want["title"], want["number"], want["issn"], want["language"])
    assert issue["year"] == int(want["number"].split("/")[1])


@pytest.mark.parametrize("name", NAMES)
def test_printed_page_map_follows_the_folios(name):
    pages = parsed(name)["pages"]
    assert all(p["printed"] == p["pdf"] for p in pages)  # fixtures: printed = pdf index + 1


@pytest.mark.parametrize("name", NAMES)
def test_output_validates_and_round_trips_through_json(name):
    data = parsed(name)
    validate_document(data)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_running_footers_and_folios_are_furniture_not_text():
    data = parsed("gen-clean")
    kinds = {f["type"] for f in data["furniture"]}
    assert {"running_footer", "folio", "toc", "colophon"} <= kinds
    body = " ".join(p["text"] for a in data["articles"] for p in a["body"])
    assert "Offentlig Ledelse 01/2024" not in body


def test_slug_lines_are_furniture():
    slugs = [f["text"] for f in parsed("gen-messy")["furniture"] if f["type"] == "slug"]
    assert slugs and all(".indd" in s for s in slugs)


def test_short_items_become_news_briefs_and_book_notices():
    kinds = [a["kind"] for a in parsed("gen-items")["articles"]]
    assert kinds.count("news_brief") == 7
    assert kinds.count("book_notice") == 4


def test_text_on_book_covers_is_image_text_furniture():
    data = parsed("gen-items")
    covers = [f["text"] for f in data["furniture"] if f["type"] == "image_text"]
    assert len(covers) >= 4
    assert not any(box for a in data["articles"] if a["kind"] == "book_notice" for box in a["fact_boxes"])


def test_authors_come_from_the_byline_without_the_role():
    authors = {a["title"]: a["authors"] for a in parsed("gen-clean")["articles"]}
    assert authors["Tillid er ikke en kuponordning"] == ["Åse Mortensen"]


def test_nothing_is_dropped_every_block_is_somewhere():
    doc = olparse.parse(FIXTURES / "gen-items.pdf")
    data = doc.to_dict()
    everything = json.dumps(data, ensure_ascii=False)
    for page in doc.pages:
        for block in page.blocks:
            for line in block.lines:
                first_word = line.text.split()[0].rstrip("-")
                assert first_word in everything, (page.number, line.text)


# ------------------------------------------------------------------ pure helpers
@pytest.mark.parametrize("text, sentence", [
    ("Man skal ikke miste livet ved at gå på arbejde.", True),
    ("”Det kom bag på mig”", True),
    ("2020 slår alle rekorder for bandedrab", False),
    ("Sjette drab siden 2012", False),
    ("Antal test, der ligger til grund for tallene:", False),
])
def test_sentences_are_told_from_headlines(text, sentence):
    assert is_sentence_like(text) is sentence


def _block(text: str) -> Block:
    from olparse.model import Line
    lines = tuple(Line(t, BBox(0, 10 * i, 100, 10 * i + 8), (), "F", 7.0, False, False, 0, 10 * i + 7, 1)
                  for i, t in enumerate(text.split("\n")))
    return Block(lines, BBox(0, 0, 100, 10 * len(lines)), 1)


@pytest.mark.parametrize("text, byline", [
    ("AF ANDERS FLØJBORG, DIREKTØR I FONDEN", True),
    ("Af journalist Karen Frost // kf@x.dk", True),
    ("ALLE TEMAARTIKLER AF JOURNALIST TINA JUUL RASMUSSEN | tina@x.dk", True),
    ("Interview:", False),
    ("KAREN FROST, AFSNITSLEDER I BALLERUP KOMMUNE", False),
])
def test_bylines_are_recognised_by_their_words(text, byline):
    assert looks_like_byline(_block(text)) is byline


def test_roles_are_json_names():
    assert Role.PULL_QUOTE.value == "pull_quote" and Role("fact_box") is Role.FACT_BOX


@pytest.mark.parametrize("text, name", [
    ("Rebecka Westin", True),
    ("Karen Frost Hansen", True),
    ("Det er slut.", False),
    ("15 april", False),
    ("Kommunen", False),
])
def test_a_signature_is_a_short_line_of_capitalised_words(text, name):
    from olparse.classify import looks_like_signature
    assert looks_like_signature(_block(text)) is name


def test_kinds_follow_section_labels_and_question_headings():
    from olparse.articles import Article, guess_kind
    from olparse.paragraphs import Paragraph
    qa = Article(id="a01", title="To spørgsmål", body=[Paragraph("heading", "Hvorfor?", ()),
                                                         Paragraph("paragraph", "– Fordi.", ()),
                                                         Paragraph("heading", "Hvordan?", ())])
    assert guess_kind(qa) == "interview"
    quoted = Article(id="a02", title="Feature", standfirst="Indledning her.",
                     body=[Paragraph("paragraph", "– Det siger hun.", ())] * 6)
    assert guess_kind(quoted) == "feature"  # dashes quote speech in Danish features too
    assert guess_kind(Article(id="a03", section="LEDEREN", body=quoted.body)) == "leader"


def text_form(articles, set_aside):
    from olparse.document import Document
    from olparse.metadata import IssueInfo
    return Document(source={}, issue=IssueInfo(), pages=[], page_printed={}, articles=articles, toc=[],
                    furniture=[], other=[], set_aside_text=set_aside).to_text()


def test_set_aside_text_is_printed_where_it_comes_in_reading_order():
    """A title the structure stage could not use comes before the article that starts after it
    on its page; an advert after the article that started before it; neighbours group."""
    from olparse.articles import Article
    from olparse.paragraphs import Paragraph
    first = Article(id="a01", title="Første artikel", start=(1, 2),
                    body=[Paragraph("paragraph", "Brødtekst et.", ())])
    second = Article(id="a02", title="Anden artikel", start=(3, 0),
                     body=[Paragraph("paragraph", "Brødtekst to.", ())])
    set_aside = [((1, 0), ("Forsiden",)), ((1, 1), ("Nummer 4",)), ((2, 5), ("En annonce",))]
    assert text_form([second, first], set_aside) == (
        "Forsiden\n\nNummer 4\n\n\nFørste artikel\n\nBrødtekst et.\n\n\nEn annonce\n\n\n"
        "Anden artikel\n\nBrødtekst to.\n")


def test_a_document_without_articles_prints_its_text():
    assert text_form([], [((1, 0), ("Ligninger", "Første linje.")), ((1, 3), ("Anden del.",))]) == \
        "Ligninger\n\nFørste linje.\n\nAnden del.\n"


@pytest.mark.parametrize("text, expected", [
    ("FREDAG 1. JANUAR 2021", True), ("Januar 2024", True), ("1.1.2021", True), ("lördag 25 maj", True),
    ("DANMARK", False), ("LEDELSE", False), ("Maj", False), ("Offentlig Ledelse 01/2024", False), ("SIDE 4", False),
])
def test_a_dateline_is_told_from_a_section_label(text, expected):
    from olparse.classify import is_date
    assert is_date(text) is expected


def test_a_dateline_in_capitals_is_no_section_label():
    from conftest import make_page, make_run
    from olparse.classify import looks_like_section_label
    from olparse.pipeline import layout_page
    date, label = (layout_page(make_page([make_run(t, 50, 100)])).blocks[0] for t in ("FREDAG 1. JANUAR 2021", "DANMARK"))
    assert not looks_like_section_label(date, None) and looks_like_section_label(label, None)


def test_set_aside_text_inside_an_article_is_printed_between_its_paragraphs():
    """An abstract between a paper's title and its first section, and a footnote at the foot of
    a column, come where they are printed: before the next paragraph, never inside one; an
    advert on a page of its own between two parts of an article stays outside it."""
    from olparse.articles import Article
    from olparse.paragraphs import Paragraph
    body = [Paragraph("paragraph", text, ()) for text in ("Første afsnit.", "Andet afsnit.", "Tredje afsnit.")]
    paper = Article(id="a01", title="Titel", start=(1, 0), body=body, body_starts=((1, 3), (1, 5), (3, 0)))
    set_aside = [((1, 1), ("Resumé",)), ((1, 4), ("¹En fodnote.",)), ((2, 0), ("En annonce",))]
    assert text_form([paper], set_aside) == (
        "Titel\n\nResumé\n\nFørste afsnit.\n\n¹En fodnote.\n\nAndet afsnit.\n\nTredje afsnit.\n\n\nEn annonce\n")


def test_set_aside_text_goes_into_the_article_that_started_last():
    from olparse.articles import Article
    from olparse.paragraphs import Paragraph
    long = Article(id="a01", title="Lang", start=(1, 0), body_starts=((1, 1), (2, 9)),
                   body=[Paragraph("paragraph", "Lang et.", ()), Paragraph("paragraph", "Lang to.", ())])
    box = Article(id="a02", title="Kort", start=(2, 0), body_starts=((2, 1), (2, 4)),
                  body=[Paragraph("paragraph", "Kort et.", ()), Paragraph("paragraph", "Kort to.", ())])
    assert text_form([long, box], [((2, 2), ("Billedtekst",))]) == (
        "Lang\n\nLang et.\n\nLang to.\n\n\nKort\n\nKort et.\n\nBilledtekst\n\nKort to.\n")


def _draft_ending_with(text: str, frame=None, page: int = 1):
    from conftest import lay_out, make_run
    from olparse.articles import _Draft
    from dataclasses import replace
    block = replace(lay_out([make_run(text, 50, 100)], number=page).blocks[0], frame=frame)
    draft = _Draft()
    draft.flow.append((block, "body"))
    return draft


def _block(text: str, frame=None, page: int = 1):
    from conftest import lay_out, make_run
    from dataclasses import replace
    return replace(lay_out([make_run(text, 300, 400)], number=page).blocks[0], frame=frame)


def test_a_sentence_broken_off_by_an_advert_goes_on_in_its_own_article():
    """The column under an advert starts mid-sentence: it continues the article whose last
    paragraph stopped mid-sentence, not the advert (framed) that came between them."""
    from olparse.articles import continued_draft
    news, advert = _draft_ending_with("har dermed en"), _draft_ending_with("Since 1906", frame=1)
    assert continued_draft([news, advert], advert, _block("incidens på 231,7 hvilket")) is news


@pytest.mark.parametrize("text", ["Incidensen er høj", "a) Vad som i gåva", "ii. andet punkt"])
def test_only_a_word_in_lower_case_goes_on_with_an_earlier_article(text):
    from olparse.articles import continued_draft
    news, advert = _draft_ending_with("har dermed en"), _draft_ending_with("Since 1906", frame=1)
    assert continued_draft([news, advert], advert, _block(text)) is None


def test_the_current_article_keeps_a_lower_case_block_it_can_take():
    """Unframed text after unframed text stays in its article while its sentence goes on, and
    after its sentence end when no earlier article broke off mid-sentence."""
    from olparse.articles import continued_draft
    old, current = _draft_ending_with("noget om en"), _draft_ending_with("det var det og")
    assert continued_draft([old, current], current, _block("så videre")) is None
    old, current = _draft_ending_with("det var alt."), _draft_ending_with("det var det.")
    assert continued_draft([old, current], current, _block("og så videre")) is None


@pytest.mark.parametrize("end", ["det var det.", "sagde han. /ritzau/", "sagde han.\n/ritzau/", "som de ser det ■"])
def test_a_lower_case_block_after_an_ended_article_goes_on_with_the_one_broken_off(end):
    """A newspaper sets a short article under one column of a longer one: the text after the
    short one's end (a full stop, an agency's signature, an end mark) goes on with the
    sentence the longer one broke off in the column before."""
    from olparse.articles import continued_draft
    old, current = _draft_ending_with("har vi heldigvis på"), _draft_ending_with(end)
    block = _block("grund af pakkerne set")
    assert continued_draft([old, current], current, block, _page_of(old, current, block)) is old


def _page_of(*parts):
    """A labelled page of drafts' last blocks and blocks, all body."""
    from olparse.classify import Labeled, LabeledPage
    blocks = [p.flow[-1][0] if hasattr(p, "flow") else p for p in parts]
    return LabeledPage(1, 600, 800, tuple(Labeled(b, Role.BODY, "") for b in blocks))


def test_an_ended_article_keeps_a_lower_case_block_that_is_no_column_top():
    """Text under other body text in its column does not resume a column: an OCR layer's
    fragments start in lower case anywhere."""
    from dataclasses import replace
    from olparse.articles import continued_draft
    old, current = _draft_ending_with("har vi heldigvis på"), _draft_ending_with("det var det.")
    block = _block("grund af pakkerne set")
    above = replace(block, bbox=replace(block.bbox, top=block.bbox.top - 30, bottom=block.bbox.top - 20))
    assert continued_draft([old, current], current, block, _page_of(old, current, above, block)) is None
    assert continued_draft([old, current], current, block) is None  # no page: nothing to tell


def test_an_earlier_article_that_ended_its_sentence_takes_nothing():
    from olparse.articles import continued_draft
    news, advert = _draft_ending_with("det var det."), _draft_ending_with("Since 1906", frame=1)
    assert continued_draft([news, advert], advert, _block("incidens på")) is None


def test_a_section_read_from_the_running_head_is_furniture_in_the_text_form():
    """A label set with the article is printed with its title; the page's running head, which
    names the section when no label does, is furniture and stays out of the text."""
    from olparse.articles import Article
    from olparse.paragraphs import Paragraph
    body = [Paragraph("paragraph", "Brødtekst.", ())]
    labelled = Article(id="a01", section="TEMA", title="Titel", body=body)
    headed = Article(id="a02", section="BRITISH HUSBANDRY.", section_from_head=True, title="Titel", body=body)
    assert text_form([labelled], []) == "TEMA\n\nTitel\n\nBrødtekst.\n"
    assert text_form([headed], []) == "Titel\n\nBrødtekst.\n"


@pytest.mark.parametrize("text, is_a_list", [
    ("A facility must report when:\n• it falls under an activity\n• it exceeds a threshold", True),
    ("Vi ser på tre ting:\n1. planen\n2. budgettet", True),
    ("• Kun ét punkt her\nder fortsætter på næste linje", False),
    ("Lederen fortæller om året, der gik,\nog om planerne for det næste.", False),
])
def test_a_list_is_no_standfirst(text, is_a_list):
    """A standfirst is one paragraph of lead prose: a block with two or more bulleted or
    numbered lines under a title is a list, which is body text."""
    from olparse.classify import is_list
    from olparse.model import Line
    lines = tuple(Line(t, BBox(0, 10 * i, 100, 10 * i + 8), (), "F", 7.0, False, False, 0, 10 * i + 7, 1)
                  for i, t in enumerate(text.split("\n")))
    assert is_list(Block(lines, BBox(0, 0, 100, 10 * len(lines)), 1)) is is_a_list


def _set_block(text: str, x0: float, top: float, width: float, size: float = 9.0, bold: bool = False,
               ident: int = 0) -> Block:
    """A block of ``text`` (lines split at ``\\n``) set at ``size`` with 1.2 leading."""
    from olparse.model import Line
    lead = 1.2 * size
    lines = tuple(Line(t, BBox(x0, top + lead * i, x0 + width, top + lead * i + size), (), "Serif", size, bold,
                       False, 0, top + lead * i + 0.8 * size, 1) for i, t in enumerate(text.split("\n")))
    return Block(lines, BBox(x0, top, x0 + width, top + lead * len(lines)), 1, id=ident)


def test_a_line_that_ends_in_a_photo_credit_under_a_picture_is_its_caption():
    """Body-size bold type under a picture is no subheading when it ends in ``Foto: Name``:
    read as one, it cut the paragraph that runs on from the column before it."""
    from olparse.classify import classify_pages
    from olparse.furniture import find_furniture
    from olparse.model import ImageBox, PageLayout
    from olparse.style import measure_style
    body = "\n".join(["Det er en linje med almindelig tekst i spalten"] * 12)
    blocks = (_set_block(body, 20, 60, 120, ident=0),
              _set_block("Butikken er solgt til en ny ejer. Foto: Hans Hansen", 150, 200, 250, bold=True, ident=1),
              _set_block(body, 150, 220, 120, ident=2), _set_block(body, 280, 220, 120, ident=3))
    page = PageLayout(1, 600, 800, blocks, images=(ImageBox(BBox(150, 60, 400, 195), 0),))
    style = measure_style([page])
    labeled = classify_pages([page], style, find_furniture([page], style))[0]
    assert [i.role for i in labeled.items] == [Role.BODY, Role.CAPTION, Role.BODY, Role.BODY]
    no_credit = PageLayout(1, 600, 800, (blocks[0], _set_block("Butikken er solgt til en ny ejer", 150, 200, 250,
                                                                bold=True, ident=1)) + blocks[2:],
                           images=page.images)
    labeled = classify_pages([no_credit], style, find_furniture([no_credit], style))[0]
    assert labeled.items[1].role is not Role.CAPTION


def test_a_figure_or_table_caption_is_printed_where_it_stands_a_photo_caption_after_the_body():
    from olparse.articles import Article, TextItem
    from olparse.paragraphs import Paragraph
    body = [Paragraph("paragraph", text, ()) for text in ("Første afsnit.", "Andet afsnit.")]
    box = BBox(0, 0, 10, 10)
    paper = Article(id="a01", title="Titel", start=(1, 0), body=body, body_starts=((1, 1), (1, 4)),
                    captions=[TextItem("Tabel 2: Udgifter pr. borger", 1, box), TextItem("Borgmesteren. Foto: A. B.", 1, box)],
                    caption_starts=((1, 2), (1, 3)))
    assert text_form([paper], []) == ("Titel\n\nFørste afsnit.\n\nTabel 2: Udgifter pr. borger\n\nAndet afsnit.\n\n"
                                      "Borgmesteren. Foto: A. B.\n")


@pytest.mark.parametrize("text, caption", [
    ("Tabelle 6: Anführungszeichen, die von den Codierungen bereitgestellt werden", True),
    ("Figure 4. (a) The average diurnal variation", True), ("Figur 2: Andel af kommunerne", True),
    ("Tableau 1 : Valeurs normales", True), ("Figure 4 shows the average diurnal variation.", False),
    ("Tabellen viser udgifterne.", False), ("Table 1", False),
])
def test_a_caption_label_is_a_label_a_number_and_a_stop(text, caption):
    from olparse.classify import CAPTION_LABEL
    assert bool(CAPTION_LABEL.match(text)) is caption


def test_a_body_size_block_that_starts_with_a_table_label_is_a_caption_and_cuts_no_paragraph():
    """LaTeX sets a table's caption in the body type: read as body, ``Sie benöti-`` was joined
    to ``Tabelle 6:`` and its paragraph went on after the caption."""
    from olparse.classify import classify_pages
    from olparse.furniture import find_furniture
    from olparse.model import PageLayout
    from olparse.style import measure_style
    body = "\n".join(["Det er en linje med almindelig tekst i spalten"] * 12)
    blocks = (_set_block(body, 20, 60, 240, ident=0),
              _set_block("Tabelle 6: Anführungszeichen der Codierungen", 20, 220, 240, ident=1),
              _set_block(body, 20, 240, 240, ident=2))
    page = PageLayout(1, 600, 800, blocks)
    style = measure_style([page])
    labeled = classify_pages([page], style, find_furniture([page], style))[0]
    assert [i.role for i in labeled.items] == [Role.BODY, Role.CAPTION, Role.BODY]


def test_text_set_aside_from_the_articles_is_repaired_in_the_json_too():
    """``other[].text`` is what the text form prints (a hyphen decided, lines joined), not the
    printed lines with their breaks turned into spaces (``to ini- tiate``)."""
    from dataclasses import replace
    from olparse.classify import Labeled
    from olparse.document import Document
    from olparse.metadata import IssueInfo
    block = replace(_set_block("hereby petitions them to ini-\ntiate proceedings", 20, 60, 200), page=3, id=4)
    loose = replace(_set_block("a line with no repair", 20, 160, 200), page=3, id=5)
    doc = Document(source={}, issue=IssueInfo(), pages=[], page_printed={}, articles=[], toc=[], furniture=[],
                   other=[Labeled(block, Role.OTHER, "x"), Labeled(loose, Role.OTHER, "x")],
                   set_aside_text=[((3, 4), ("hereby petitions them to initiate proceedings",))])
    assert [o["text"] for o in doc.to_dict()["other"]] == ["hereby petitions them to initiate proceedings",
                                                           "a line with no repair"]


def test_a_large_sentence_between_the_halves_of_a_body_sentence_is_a_pull_quote():
    """typst floats a pull-quote to the top of the next column: there it has no body text above
    it in its column, but the column before stops mid-sentence and the text under it goes on in
    lower case. No heading stands inside a sentence; a title-sized one is left to the title rule."""
    from olparse.classify import classify_pages
    from olparse.furniture import find_furniture
    from olparse.model import PageLayout
    from olparse.style import measure_style
    body = "\n".join(["Det er en linje med almindelig tekst i spalten"] * 12)
    for size, role in ((13.5, Role.PULL_QUOTE), (20.0, Role.TITLE)):
        blocks = (_set_block(body + "\nog den slutter uden punktum med", 20, 60, 200, ident=0),
                  _set_block("Et citat om ledelse i\nstore bogstaver her.", 250, 60, 200, size=size, ident=1),
                  _set_block("hvilket fortsætter sætningen\n" + body, 250, 120, 200, ident=2))
        page = PageLayout(1, 600, 800, blocks)
        style = measure_style([page])
        labeled = classify_pages([page], style, find_furniture([page], style))[0]
        assert labeled.items[1].role is role
