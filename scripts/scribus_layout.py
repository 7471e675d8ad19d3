"""Runs inside Scribus (``scribus -g -ns -py``, with Scribus's own Python): lays out the
magazine article that ``check_engines.scribus_document`` describes in a JSON spec.

The spec's path comes in ``OLPARSE_SCRIBUS_SPEC`` and the PDF's in ``OLPARSE_SCRIBUS_PDF``.
The body is one story in multi-column text frames linked from page to page (a page is added
while text overflows); the floats (pull-quote between two rules, picture and caption, tinted
fact box) are frames placed over the body's frames with text flow on, so the body wraps
around them wherever they fall, and are made as tall as their text needs.
"""
import json
import os

import scribus

spec = json.load(open(os.environ["OLPARSE_SCRIBUS_SPEC"], encoding="utf-8"))
W, H, M = 595.28, 841.89, 42.0
size, cols, gap = spec["size"], spec["columns"], 12.0
scribus.newDocument((W, H), (M, M, M, M), scribus.PORTRAIT, 1, scribus.UNIT_POINTS, scribus.NOFACINGPAGES,
                    scribus.FIRSTPAGERIGHT, 1)
scribus.setRedraw(False)
scribus.defineColorRGB("accent", *spec["accent"])
scribus.defineColorRGB("tint", *spec["tint"])
scribus.defineColorRGB("picture", 150, 150, 150)
font = spec["font"]
lang = spec["language"]
scribus.createCharStyle(name="body", font=font["regular"], fontsize=size, language=lang)
scribus.createCharStyle(name="bold", font=font["bold"], fontsize=size * 1.15, language=lang)
scribus.createCharStyle(name="small", font=font["regular"], fontsize=size * 0.9, language=lang)
scribus.createCharStyle(name="boxhead", font=font["bold"], fontsize=size * 1.05, language=lang)
scribus.createCharStyle(name="quote", font=font["italic"], fontsize=size * spec["quote_scale"], language=lang,
                        fillcolor="accent")
scribus.createCharStyle(name="caption", font=font["italic"], fontsize=size * 0.8, language=lang)
scribus.createCharStyle(name="head", font=font["bold"], fontsize=7, language=lang, fillcolor="accent", tracking=250)
scribus.createCharStyle(name="folio", font=font["regular"], fontsize=8, language=lang)
scribus.createCharStyle(name="kicker", font=font["regular"], fontsize=size * 0.9, language=lang,
                        fillcolor="accent", tracking=100, features="allcaps")
scribus.createCharStyle(name="title", font=font["bold"], fontsize=size * 2.6, language=lang)
scribus.createCharStyle(name="lead", font=font["bold"], fontsize=size * 1.3, language=lang)
scribus.createCharStyle(name="byline", font=font["regular"], fontsize=size * 0.85, language=lang)
lead = size * 1.25
align = 3 if spec["justify"] else 0
indent = size * 1.2 if spec["indent"] else 0.0
after = 0.0 if spec["indent"] else size * 0.5
scribus.createParagraphStyle(name="Body", linespacingmode=0, linespacing=lead, alignment=align,
                             firstindent=indent, gapafter=after, charstyle="body")
scribus.createParagraphStyle(name="First", linespacingmode=0, linespacing=lead, alignment=align, firstindent=0.0,
                             gapafter=after, charstyle="body", hasdropcap=1 if spec["dropcap"] else 0,
                             dropcaplines=3)
scribus.createParagraphStyle(name="Sub", linespacingmode=0, linespacing=lead * 1.1, alignment=0, gapbefore=8.0,
                             gapafter=2.0, charstyle="bold")
for name, charstyle, leading, gap_after in (("Quote", "quote", size * spec["quote_scale"] * 1.2, 0.0),
                                            ("Caption", "caption", size, 0.0), ("BoxHead", "boxhead", size * 1.3, 3.0),
                                            ("BoxText", "small", size * 1.15, 3.0), ("Head", "head", 9.0, 0.0),
                                            ("Folio", "folio", 9.0, 0.0), ("Kicker", "kicker", size * 1.3, 0.0),
                                            ("Title", "title", size * 2.9, 0.0), ("Lead", "lead", size * 1.6, 0.0),
                                            ("Byline", "byline", size * 1.2, 0.0)):
    scribus.createParagraphStyle(name=name, linespacingmode=0, linespacing=leading, alignment=0, gapafter=gap_after,
                                 charstyle=charstyle)


FRAMES = []  # every text frame made, to hyphenate
FLOATS = []  # the frames the body flows around (hyphenated as they are made)


def text_frame(x, y, w, h, parts, flow=False):
    """A frame holding ``parts``: (paragraph style, text) in order; a float (``flow``: the
    body's text flows around it) is made as tall as its text needs."""
    return fill_frame(scribus.createText(x, y, w, h), parts, flow)


def fill_frame(frame, parts, flow=False):
    scribus.setText("\r".join(text for _, text in parts), frame)
    start = 0
    for style, text in parts:
        scribus.selectText(start, len(text), frame)
        scribus.setParagraphStyle(style, frame)
        start += len(text) + 1
    scribus.selectText(0, 0, frame)
    FRAMES.append(frame)
    if flow:
        FLOATS.append(frame)
        scribus.hyphenateText(frame)  # a float's narrow measure needs hyphens
        scribus.layoutText(frame)
        while scribus.textOverflows(frame, 1):  # a float shows all its text: grow it
            scribus.sizeObject(scribus.getSize(frame)[0], scribus.getSize(frame)[1] + 2, frame)
            scribus.layoutText(frame)
        scribus.setTextFlowMode(frame, 1)
    return frame


def furniture(page):
    scribus.gotoPage(page)
    text_frame(M, 18, 200, 16, [("Head", "LEDELSE")])
    text_frame(W - M - 200, 18, 200, 16, [("Folio", "Magasinet · Nr. 4 · 2026")])
    text_frame(W / 2 - 20, H - 30, 40, 16, [("Folio", str(page + spec["first_folio"] - 1))])


for page in range(2, spec["pages"] + 1):
    scribus.newPage(-1)
for page in range(1, spec["pages"] + 1):
    furniture(page)
scribus.gotoPage(1)
top = M
for style, text, height in (("Kicker", spec["kicker"], size * 1.6), ("Title", spec["title"], size * 6.0),
                            ("Lead", spec["lead"], size * 3.6), ("Byline", spec["byline"], size * 2.0)):
    text_frame(M, top, W - 2 * M, height, [(style, text)])
    top += height
top += 6
column = (W - 2 * M - (cols - 1) * gap) / cols


def column_x(k):
    return M + k * (column + gap)


def rule(x, y):
    """A pull-quote's rule across a column, which the body's text flows around."""
    line = scribus.createLine(x, y, x + column, y)
    scribus.setLineColor("accent", line)
    scribus.setLineWidth(1.5, line)
    scribus.setTextFlowMode(line, 1)


body = text_frame(M, top, W - 2 * M, H - M - top, spec["body"])
scribus.setColumns(cols, body)
scribus.setColumnGap(gap, body)
chain = [body]
pages = 1


def next_frame(pages):
    scribus.gotoPage(pages)
    frame = scribus.createText(M, M, W - 2 * M, H - 2 * M)
    scribus.setColumns(cols, frame)
    scribus.setColumnGap(gap, frame)
    scribus.linkTextFrames(chain[-1], frame)
    chain.append(frame)


while pages < spec["pages"]:
    pages += 1
    next_frame(pages)
# the floats, over the body frames (text flows around what lies above it)
for item in spec["floats"]:
    scribus.gotoPage(item["page"])
    x = column_x(item["column"])
    y0 = (top if item["page"] == 1 else M) + item["at"] * (H - M - (top if item["page"] == 1 else M) - 200)
    if item["kind"] == "quote":
        rule(x, y0)
        frame = text_frame(x, y0 + 3, column, 10, [("Quote", item["text"])], flow=True)
        rule(x, y0 + scribus.getSize(frame)[1] + 5)
    elif item["kind"] == "picture":
        picture = scribus.createImage(x, y0, column, item["height"])
        scribus.setFillColor("picture", picture)
        scribus.setTextFlowMode(picture, 1)
        text_frame(x, y0 + item["height"] + 2, column, 10, [("Caption", item["text"])], flow=True)
    else:
        parts = [("BoxHead", item["title"])] + [("BoxText", p) for p in item["paragraphs"]]
        frame = scribus.createText(x, y0, column, 10)
        scribus.setTextDistances(6, 6, 6, 6, frame)
        fill_frame(frame, parts, flow=True)
        scribus.setFillColor("tint", frame)


def overflows():
    for frame in chain:
        scribus.layoutText(frame)
    return scribus.textOverflows(chain[-1], 1)


while overflows() and pages < 6:
    pages += 1
    if pages > scribus.pageCount():
        scribus.newPage(-1)
        furniture(pages)
    next_frame(pages)
if spec["hyphenate"]:
    for name in FRAMES:
        if name not in FLOATS:
            scribus.hyphenateText(name)
pdf = scribus.PDFfile()
pdf.file = os.environ["OLPARSE_SCRIBUS_PDF"]
pdf.save()
scribus.closeDoc()
