"""Contents pages: entries with the page number first, last, or in a column of its own; linking."""

from __future__ import annotations

from olparse.articles import Article
from olparse.classify import Labeled, LabeledPage, Role
from olparse.furniture import PageMap
from olparse.geometry import BBox
from olparse.model import Block, Line
from olparse.toc import TocEntry, link_toc, parse_contents_page


def line(text: str, x0: float, baseline: float, size: float = 10.0, bold: bool = False) -> Line:
    width = 0.5 * size * len(text)
    return Line(text, BBox(x0, baseline - 0.8 * size, x0 + width, baseline + 0.2 * size), (), "F", size,
                bold, False, 0, baseline, 2)


def contents_page(lines: list[Line]) -> LabeledPage:
    items = tuple(Labeled(Block((ln,), ln.bbox, 2, id=i), Role.TOC, "") for i, ln in enumerate(lines))
    return LabeledPage(2, 595, 842, items, True)


def test_number_last_after_a_tab_with_wrapped_titles_and_groups():
    page = contents_page([
        line("INDHOLD", 50, 60, 20, True),
        line("TEMA om digital ledelse:", 50, 100),
        line("1. Skal IT-chefen sidde i", 50, 120),
        line("direktionen?                6", 50, 132),
        line("2. Data som fælles ressource   14", 50, 152),
    ])
    entries = parse_contents_page(page)
    assert [(e.printed_page, e.title) for e in entries] == [
        (6, "1. Skal IT-chefen sidde i direktionen?"), (14, "2. Data som fælles ressource")]
    assert entries[0].group == "TEMA om digital ledelse:"


def test_number_first_with_label_prefix():
    page = contents_page([
        line("Indhold", 50, 60, 20, True),
        line("3 Lederen: Det er stadig os og ikke AI,", 50, 100),
        line("som træffer beslutningerne", 62, 112),
        line("12 Guide: Find vej i junglen", 50, 132),
    ])
    entries = parse_contents_page(page)
    assert [(e.printed_page, e.section, e.title) for e in entries] == [
        (3, "Lederen", "Det er stadig os og ikke AI, som træffer beslutningerne"),
        (12, "Guide", "Find vej i junglen")]


def test_numbers_in_a_column_of_their_own_own_the_text_beside_them():
    page = contents_page([
        line("INDHOLD", 50, 60, 24, True),
        line("4", 50, 110, 17, True), line("LEDEREN", 90, 104, 7, True), line("Det er stadig os", 90, 115),
        line("7", 50, 150, 17, True), line("INTRO", 90, 144, 7, True), line("Naviger med fornuft", 90, 155),
    ])
    entries = parse_contents_page(page)
    assert [(e.printed_page, e.section, e.title) for e in entries] == [
        (4, "LEDEREN", "Det er stadig os"), (7, "INTRO", "Naviger med fornuft")]


def article(aid: str, title: str, page: int) -> Article:
    return Article(id=aid, title=title, pages=[page], title_page=page)


def test_linking_is_one_to_one_and_prefers_the_right_page():
    pages = PageMap({p: p for p in range(1, 20)})
    entries = [TocEntry(4, "", "Det er stadig os", "", 2), TocEntry(9, "", "Det er stadig os", "", 2),
               TocEntry(15, "", "Noget helt andet om ingenting", "", 2)]
    arts = [article("a01", "Det er stadig os og ikke AI", 4), article("a02", "Det er stadig os", 9)]
    linked = link_toc(entries, arts, pages)
    assert [e.article_id for e in linked] == ["a01", "a02", None]
    assert linked[2].score == 0.0


def test_linking_does_not_depend_on_the_order_of_the_entries():
    pages = PageMap({p: p for p in range(1, 20)})
    entries = [TocEntry(4, "", "Poesi om ledelse", "", 2), TocEntry(8, "", "Vi har kun set toppen", "", 2)]
    arts = [article("a01", "Poesi om ledelse indfanger det usagte", 4),
            article("a02", "Vi har kun set toppen af isbjerget", 8)]
    forward = {e.title: e.article_id for e in link_toc(entries, arts, pages)}
    backward = {e.title: e.article_id for e in link_toc(entries[::-1], arts, pages)}
    assert forward == backward == {"Poesi om ledelse": "a01", "Vi har kun set toppen": "a02"}
