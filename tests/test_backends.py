"""The two extraction backends on small PDFs made here with PyMuPDF.

Both must give the same blocks, in the same order, for plainly set text (a title and two
columns of Danish with æ, ø, å); and nothing of either library may leave ``olparse.extract``:
every field of a ``RawPage`` is plain data.
"""

from __future__ import annotations

import dataclasses
import difflib

import pymupdf
import pytest

from olparse.extract import BACKENDS, open_document
from olparse.geometry import BBox
from olparse.model import ImageBox, RawPage, Rect, Run
from olparse.pipeline import page_layouts

TITLE = "Ældreplejen får en ny plan"
LEFT = ["Kommunen har brug for en ny plan for de ældre,", "og det er ikke kun lederne, der skal være med,",
        "når planen bliver lagt på rådhuset i år.", "Vi har set, at det er svært for medarbejderne",
        "at finde tid til det i en travl hverdag på", "kontoret og i hjemmeplejen, hvor der altid er",
        "noget, der haster mere end det lange seje træk."]
RIGHT = ["Økonomien er stram, men borgerne og deres", "pårørende skal være med fra begyndelsen, så",
         "løsningen passer til hverdagen i Århus og på", "Ærø. Derfor åbner forvaltningen nu for en ny",
         "dialog med de frivillige foreninger, der kender", "de ældres ønsker bedre end nogen anden.",
         "Første møde holdes i foråret."]
CSS = "p {font-family: sans-serif; font-size: 10pt; text-align: justify; margin: 0 0 6pt 0;}"


@pytest.fixture(scope="module")
def two_column_pdf(tmp_path_factory):
    """Page 1 set line by line with insert_text; page 2 as justified HTML boxes; a tinted box."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((50, 80), TITLE, fontsize=24, fontname="hebo")
    for i, (left, right) in enumerate(zip(LEFT, RIGHT)):
        page.insert_text((50, 130 + 13 * i), left, fontsize=10, fontname="helv")
        page.insert_text((310, 130 + 13 * i), right, fontsize=10, fontname="helv")
    page.draw_rect(pymupdf.Rect(300, 400, 545, 470), color=None, fill=(0.85, 0.9, 1.0))
    page.insert_text((310, 420), "Fakta: 12 plejehjem og 3 000 ansatte.", fontsize=9, fontname="helv")
    page = doc.new_page(width=595, height=842)
    page.insert_htmlbox(pymupdf.Rect(50, 50, 545, 100), f"<h1 style='font-size:22pt'>{TITLE}</h1>")
    for rect, lines in ((pymupdf.Rect(50, 110, 290, 500), LEFT), (pymupdf.Rect(305, 110, 545, 500), RIGHT)):
        page.insert_htmlbox(rect, f"<p>{' '.join(lines)}</p><p>{' '.join(reversed(lines))}</p>", css=CSS)
    path = tmp_path_factory.mktemp("pdf") / "two-columns.pdf"
    doc.save(path)
    doc.close()
    return path


def block_texts(path, backend: str) -> list[list[str]]:
    return [[b.text for b in layout.blocks] for layout in page_layouts(path, {"backend": backend})]


def describe_difference(a: list[str], b: list[str]) -> str:
    """Which blocks differ between the backends, as a unified diff of one block per line."""
    flat = lambda blocks: [t.replace("\n", " / ") for t in blocks]  # noqa: E731
    return "\n".join(difflib.unified_diff(flat(a), flat(b), "pymupdf", "pdfplumber", lineterm=""))


def test_both_backends_give_the_same_blocks_in_the_same_order(two_column_pdf):
    mupdf, plumber = block_texts(two_column_pdf, "pymupdf"), block_texts(two_column_pdf, "pdfplumber")
    assert len(mupdf) == len(plumber) == 2
    for number, (a, b) in enumerate(zip(mupdf, plumber), start=1):
        assert a == b, f"page {number}: the backends disagree\n{describe_difference(a, b)}"


def test_the_blocks_are_the_title_then_left_then_right_column(two_column_pdf):
    first_page = block_texts(two_column_pdf, "pymupdf")[0]
    assert first_page[:3] == [TITLE, "\n".join(LEFT), "\n".join(RIGHT)]
    assert first_page[3] == "Fakta: 12 plejehjem og 3 000 ansatte."


def test_danish_letters_survive_both_backends(two_column_pdf):
    for backend in BACKENDS:
        text = " ".join(" ".join(page) for page in block_texts(two_column_pdf, backend))
        for word in ("Ældreplejen", "Økonomien", "Århus", "Ærø.", "pårørende", "ønsker"):
            assert word in text, f"{backend} lost {word!r}"


PLAIN = (int, float, str, bool, type(None))
MODEL = (RawPage, Run, Rect, ImageBox, BBox)


def foreign_values(value, where: str = "page"):
    """Every value inside ``value`` that is not plain data or an olparse model object."""
    if isinstance(value, PLAIN) and type(value) in PLAIN:
        return []
    if isinstance(value, tuple) and type(value) is tuple:
        return [bad for i, item in enumerate(value) for bad in foreign_values(item, f"{where}[{i}]")]
    if type(value) in MODEL:
        return [bad for f in dataclasses.fields(value)
                for bad in foreign_values(getattr(value, f.name), f"{where}.{f.name}")]
    return [f"{where}: {type(value).__module__}.{type(value).__qualname__}"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_extract_leaks_no_library_objects(two_column_pdf, backend):
    with open_document(two_column_pdf, backend) as doc:
        pages = [doc.page(n) for n in range(1, doc.page_count + 1)]
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in doc.metadata.items())
    assert pages[0].rects, "the tinted box is extracted (so rects are checked too)"
    for page in pages:
        assert type(page) is RawPage and page.runs
        assert foreign_values(page) == []


def test_foreign_values_finds_a_library_object():
    # the check above must be able to fail: a PyMuPDF Rect hidden in a run is reported
    leaky = dataclasses.replace(Run("x", BBox(0, 0, 1, 1), "F", 10, False, False, 0, 1, 0),
                                char_x=(pymupdf.Point(0, 0),))
    assert foreign_values(leaky) == ["page.char_x[0]: pymupdf.Point"]


def test_an_accent_drawn_over_its_letter_reads_as_one_letter_in_both_backends(tmp_path):
    """TeX draws ``ü`` as the accent ``¨``, then the pen goes back and draws ``u`` under it.
    Both backends keep the two in one run, and ``normalize`` writes ``für``."""
    path = tmp_path / "accent.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    size, x, y = 12, 50, 100
    font = pymupdf.Font("helv")
    for text in ("Gr", "\u00a8", "u", "\u00df"):  # "Grüß" with the umlaut set apart
        page.insert_text((x, y), text, fontname="helv", fontsize=size)
        if text != "\u00a8":  # the accent takes no room: the letter goes under it
            x += font.text_length(text, fontsize=size)
    doc.save(path)
    doc.close()
    for backend in BACKENDS:
        words = [b.text for p in page_layouts(path, {"backend": backend}) for b in p.blocks]
        assert words == ["Grüß"], backend
