#!/usr/bin/env python3
"""Score ``olparse text`` on documents typeset by other engines: pdfLaTeX, groff, Story, ReportLab, WeasyPrint, Pango, Chromium, Scribus.

Usage (from the project root)::

    python scripts/check_engines.py                 # 12 LaTeX + 6 groff + 12 each of the others
    python scripts/check_engines.py --latex 36 --groff 12 --story 24 --reportlab 24 --weasyprint 24 --cairo 24 --keep /tmp/engines --show

Each document is generated here from a made-up Danish (LaTeX, with babel's Danish
hyphenation) or English/German/Swedish (groff, with its hyphenation patterns) vocabulary of
long compounds and short function words, so the typesetter hyphenates, stretches and breaks
paragraphs across columns and pages as it would in print. The source paragraphs are the
ground truth: a paragraph counts as *intact* when ``olparse text`` prints it as one output
paragraph, word for word (line-end hyphens removed, real hyphens kept, nothing from another
paragraph, column or page furniture inside). Settings vary with the seed: one or two columns,
10 or 11 pt, Computer Modern (bitmap Type 3 fonts without glyph names), Latin Modern, Times,
microtype. MuPDF's Story (PyMuPDF's HTML layout, always available) sets Danish text in two or
three columns, ragged or justified, paragraphs marked by a first-line indent or by space, 9 to
11 pt, without hyphenation: narrow columns full of loose lines. ReportLab's platypus (when
``reportlab`` is installed, with ``pyphen`` for Danish hyphenation in half the documents) sets
the same kind of documents in Times. WeasyPrint (when ``weasyprint`` is installed) sets an
article from HTML and CSS: a title and standfirst across the page, the body in CSS columns
with subheadings, a running footer; font, size, alignment, paragraph mark and CSS
hyphenation vary with the seed. Pango on a cairo PDF surface (when ``pangocairocffi`` is
installed, with ``pyphen`` for soft hyphens) sets the same kind of article line by line into
columns: how GTK programs, Inkscape and many report generators write PDF. ``--magazine``
sets a magazine article with WeasyPrint: running head and folio, kicker, title, standfirst
and byline, two or three columns with subheadings, a drop cap, a pull-quote inside a
paragraph or between two, a picture with a caption and a tinted fact box; the pull-quote,
the caption and the box's paragraphs must come out whole too. ``--chromium`` prints the same
pages with headless Chromium. ``--scribus`` lays out a two- or three-page magazine article in
Scribus, a desktop-publishing program (``scribus -g``, Debian's ``scribus`` package, with
``hyphen-da``/``-de``/``-en-us`` for its hyphenation): linked multi-column text frames, a drop
cap, and a pull-quote, a picture with a caption and a tinted fact box placed over the body's
frames, which the text flows around, wherever they fall (mid-paragraph too), as InDesign
documents are made; ``scripts/scribus_layout.py`` is the layout script Scribus runs.

Engines that are not installed are skipped (``pdflatex`` from TeX Live with
``texlive-lang-european``; ``groff`` with ``gropdf``). This is a measurement, not a test: it
exits 0 whatever the score, and 2 when no engine is available.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LONG_DA = ("arbejdsmiljøorganisationen kommunaldirektøren ledelsesudviklingen medarbejderinddragelse "
           "digitaliseringsstrategien sundhedsplejerskerne forvaltningschefen beslutningsprocesserne "
           "kompetenceudvikling velfærdsteknologien borgerinddragelsen tillidsrepræsentanten "
           "opgaveløsningen samarbejdsrelationerne styringsmodellerne organisationsforandringer "
           "AI-løsningerne IT-afdelingen e-mailen to-do-listen Høje-Taastrup COVID-19-pandemien "
           "3-årige ChatGPT PowerPoint-præsentationen socialrådgiverne lederuddannelsen "
           "hjemmeplejen frontmedarbejderne handicapområdet myndighedsafdelingen").split()
SHORT_DA = ("og i at det er en til på med for som de ikke der har vi af om kan den skal men så fra også "
            "et når alle eller hvor hvordan lederen leder ledere arbejde tid året nye gode mere meget "
            "flere uden efter blev bliver få får sige siger gøre gør over under mellem hele nogle andre "
            "hver dag uge møde plan mål krav ansvar rolle team område borger").split()
GROFF_WORDS = {
    "en": ("administration organisation development leadership responsibility communication "
           "implementation understanding international representatives considerable municipality "
           "the of and to in a is that for it as with was on be by this are at from have or an they "
           "which one you were all there would their we been has when who will more no if out so").split(),
    "de": ("Bundesverwaltung Verwaltungsreform Kommunalverwaltung Arbeitsbedingungen Führungskräfte "
           "Gesundheitswesen Zusammenarbeit Digitalisierung Öffentlichkeitsarbeit Verantwortung "
           "die der und in zu den das nicht von sie ist des sich mit dem dass er es ein auf so eine "
           "auch als an nach wie im für man aber aus durch wenn nur war noch werden bei hat wir").split(),
    "sv": ("kommunförvaltning arbetsmiljöverket förvaltningschef medarbetarsamtal ledarskapsutveckling "
           "kompetensförsörjning digitaliseringsstrategi verksamhetsplanering samverkansavtal "
           "och i att det som en på är av för med till den har de inte om ett han men var jag sig "
           "från vi så kan man när år säger hon under också efter eller nu sin där vid mot ska").split(),
}
GROFF_MACROS = {"en": "", "de": ".mso den.tmac", "sv": ".mso sv.tmac"}


def sentence(rng: random.Random, long: list[str], short: list[str], share: float = 0.3) -> str:
    words = [rng.choice(long) if rng.random() < share else rng.choice(short) for _ in range(rng.randint(8, 22))]
    words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words) + rng.choice([".", ".", ".", "?"])


def vocabulary(language: str) -> tuple[list[str], list[str]]:
    """The long and the short words of ``language``: Danish's lists, or groff's words split
    at ten letters."""
    if language == "da":
        return LONG_DA, SHORT_DA
    words = GROFF_WORDS[language]
    return [w for w in words if len(w) > 9], [w for w in words if len(w) <= 9]


def paragraph(rng: random.Random, long: list[str], short: list[str]) -> str:
    return " ".join(sentence(rng, long, short) for _ in range(rng.randint(2, 6)))


def pull_quote(rng: random.Random, long: list[str], short: list[str], paragraphs: list[str], seed: int) -> str:
    """A pull-quote: in two seeds of three a sentence of the article, repeated, as most are."""
    quote = sentence(rng, long, short, 0.2)
    if seed % 3:
        quote = rng.choice(re.findall(r"[^.?]+[.?]", rng.choice(paragraphs))).strip()
    return quote


def short_heading(rng: random.Random, long: list[str], short: list[str], length: int) -> str:
    """A heading of whole words, at most ``length`` characters (a box's title)."""
    return sentence(rng, long, short, 0.2).split(".")[0][:length].rsplit(" ", 1)[0]


def latex_document(seed: int) -> tuple[str, list[str]]:
    """A Danish article in LaTeX and its paragraphs."""
    rng = random.Random(seed)
    body, paragraphs = [], []
    for section in range(4):
        body.append(f"\\section*{{Afsnit {section + 1}}}")
        for _ in range(rng.randint(3, 6)):
            text = paragraph(rng, LONG_DA, SHORT_DA)
            paragraphs.append(text)
            body += [text, ""]
    options = rng.choice(["twocolumn,10pt", "10pt", "twocolumn,11pt", "11pt,a4paper"])
    fonts = rng.choice(["", "\\usepackage{lmodern}", "\\usepackage{times}", "\\usepackage{microtype}"])
    source = (f"\\documentclass[{options}]{{article}}\n\\usepackage[T1]{{fontenc}}\n"
              f"\\usepackage[utf8]{{inputenc}}\n\\usepackage[danish]{{babel}}\n{fonts}\n"
              "\\begin{document}\n\\title{Ledelse i en ny tid}\n\\author{Forfatter Forfattersen}\n"
              "\\date{}\n\\maketitle\n" + "\n".join(body) + "\n\\end{document}\n")
    return source, paragraphs


def groff_document(seed: int) -> tuple[str, list[str]]:
    """An ms document in one of groff's hyphenated languages, two columns, and its paragraphs."""
    rng = random.Random(seed)
    language = ["en", "de", "sv"][seed % 3]
    words = GROFF_WORDS[language]
    long = [w for w in words if len(w) > 9]
    short = [w for w in words if len(w) <= 9]
    lines = [GROFF_MACROS[language], ".TL", "A Test Document", ".2C"]
    paragraphs = []
    for k in range(rng.randint(12, 18)):
        if k % 6 == 0:
            lines += [".SH", f"Section {k // 6 + 1}"]
        text = paragraph(rng, long, short)
        paragraphs.append(text)
        lines += [".PP", text]
    return "\n".join(lines) + "\n", paragraphs


def story_document(seed: int) -> tuple[str, list[str]]:
    """Danish paragraphs for MuPDF's Story (a tenth of the words long compounds), and the
    settings of the seed in the source's first line: columns, justified, indented, size."""
    rng = random.Random(seed)
    paragraphs = [" ".join(sentence(rng, LONG_DA, SHORT_DA, 0.1) for _ in range(rng.randint(2, 6)))
                  for _ in range(rng.randint(8, 14))]
    settings = f"{[2, 3][seed % 2]} {(seed // 2) % 2 == 0} {(seed // 4) % 2 == 0} {9 + seed % 3}"
    return settings + "\n" + "".join(f"<p>{p}</p>" for p in paragraphs), paragraphs


def build_story(source: str, pdf: Path) -> None:
    """Lay out the HTML of ``story_document`` in columns on A4 pages with PyMuPDF's Story."""
    import pymupdf
    settings, html = source.split("\n", 1)
    cols, justify, indent, size = settings.split()
    spacing = "margin: 0; text-indent: 12pt" if indent == "True" else "margin: 0 0 6pt 0; text-indent: 0"
    css = (f"p {{ font-family: serif; font-size: {size}pt; "
           f"text-align: {'justify' if justify == 'True' else 'left'}; {spacing} }}")
    story = pymupdf.Story(html, user_css=css)
    width, height, gutter, columns = 595, 842, 14, int(cols)
    measure = (width - 72 - gutter * (columns - 1)) / columns
    writer = pymupdf.DocumentWriter(str(pdf))
    more = True
    while more:
        device = writer.begin_page(pymupdf.Rect(0, 0, width, height))
        for c in range(columns):
            x0 = 36 + c * (measure + gutter)
            more, _ = story.place(pymupdf.Rect(x0, 36, x0 + measure, height - 36))
            story.draw(device)
            if not more:
                break
        writer.end_page()
    writer.close()


def reportlab_document(seed: int) -> tuple[str, list[str]]:
    """As ``story_document``, with hyphenation (pyphen's Danish patterns) in half the seeds."""
    source, paragraphs = story_document(seed)
    settings, body = source.split("\n", 1)
    return f"{settings} {(seed // 8) % 2 == 0}\n{body}", paragraphs


def build_reportlab(source: str, pdf: Path) -> None:
    """Lay out the paragraphs of ``reportlab_document`` in frames with ReportLab's platypus."""
    from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
    settings, body = source.split("\n", 1)
    cols, justify, indent, size, hyphenate = settings.split()
    columns, points = int(cols), float(size)
    width, height = A4
    gutter = 14
    measure = (width - 72 - gutter * (columns - 1)) / columns
    frames = [Frame(36 + c * (measure + gutter), 36, measure, height - 72, id=f"c{c}", leftPadding=0,
                    rightPadding=0, topPadding=0, bottomPadding=0) for c in range(columns)]
    doc = BaseDocTemplate(str(pdf), pagesize=A4, pageTemplates=[PageTemplate(frames=frames)])
    style = dict(fontName="Times-Roman", fontSize=points, leading=points * 1.2,
                 alignment=TA_JUSTIFY if justify == "True" else TA_LEFT,
                 firstLineIndent=12 if indent == "True" else 0, spaceAfter=0 if indent == "True" else 6)
    if hyphenate == "True":
        style.update(hyphenationLang="da_DK", embeddedHyphenation=1)
    paragraphs = re.findall(r"<p>(.*?)</p>", body)
    doc.build([Paragraph(p, ParagraphStyle("body", **style)) for p in paragraphs])


WEASY_FONTS = ("Nimbus Roman", "DejaVu Serif", "Nimbus Sans", "P052", "Bitstream Charter",
               "Latin Modern Roman", "URW Bookman", "C059")


def weasyprint_document(seed: int, language: str = "da") -> tuple[str, list[str]]:
    """An article in HTML for WeasyPrint: a title across the columns, a standfirst, body
    paragraphs in two or three CSS columns with a subheading every few paragraphs, and a running
    footer with the page number. Font, size, alignment, paragraph mark and CSS hyphenation
    (pyphen's patterns for ``language``: Danish, or groff's English, German, Swedish words)
    vary with the seed."""
    rng = random.Random(seed)
    long, short = vocabulary(language)
    paragraphs = [" ".join(sentence(rng, long, short, 0.15) for _ in range(rng.randint(2, 6)))
                  for _ in range(rng.randint(8, 14))]
    font = WEASY_FONTS[seed % len(WEASY_FONTS)]
    columns, justify, indent, size = [2, 3][seed % 2], (seed // 2) % 2 == 0, (seed // 4) % 2 == 0, 9 + seed % 3
    hyphens = "auto" if (seed // 3) % 3 else "manual"
    spacing = "margin: 0; text-indent: 1.2em" if indent else "margin: 0 0 0.5em 0; text-indent: 0"
    css = (f"@page {{ size: A4; margin: 18mm 15mm 20mm 15mm; "
           f"@bottom-center {{ content: 'Side ' counter(page); font: 8pt '{font}'; }} }} "
           f"body {{ font-family: '{font}'; font-size: {size}pt; line-height: 1.25; }} "
           f"h1 {{ font-size: {2.6 * size:.0f}pt; line-height: 1.1; margin: 0 0 6pt 0; }} "
           f".lead {{ font-size: {1.3 * size:.1f}pt; font-weight: bold; margin: 0 0 14pt 0; }} "
           f".cols {{ columns: {columns}; column-gap: 5mm; }} "
           f"h2 {{ font-size: {1.15 * size:.1f}pt; margin: 8pt 0 2pt 0; break-after: avoid; }} "
           f".cols p {{ text-align: {'justify' if justify else 'left'}; hyphens: {hyphens}; {spacing} }}")
    body = []
    for i, text in enumerate(paragraphs):
        if i and i % rng.randint(3, 5) == 0:
            body.append(f"<h2>{sentence(rng, long, short, 0.2).split('.')[0][:40].rstrip()}</h2>")
        body.append(f"<p>{text}</p>")
    title = sentence(rng, long, short, 0.3)[:50].rsplit(" ", 1)[0]
    lead = sentence(rng, long, short, 0.2)
    html = (f'<html lang="{language}"><head><meta charset="utf-8"><style>{css}</style></head><body>'
            f'<h1>{title}</h1><p class="lead">{lead}</p><div class="cols">{"".join(body)}</div></body></html>')
    return html, paragraphs


def build_weasyprint(source: str, pdf: Path) -> None:
    """Render the HTML of ``weasyprint_document`` with WeasyPrint."""
    import weasyprint
    weasyprint.HTML(string=source).write_pdf(str(pdf))


MAGAZINE_KICKERS = ("Ledelse", "Interview", "Analyse", "Portræt")


def floats_of(rng: random.Random, long: list[str], short: list[str], paragraphs: list[str],
              seed: int) -> tuple[str, str, list[str], str, int, int, int]:
    """A magazine article's floats and where they go: the pull-quote, the box's title and
    paragraphs, the picture's caption, and the paragraphs the quote, picture and box come
    before (``magazine_document`` and ``typst_document`` draw them alike)."""
    quote = pull_quote(rng, long, short, paragraphs, seed)
    box_title = short_heading(rng, long, short, 30)
    box_paragraphs = [sentence(rng, long, short, 0.2) for _ in range(rng.randint(2, 4))]
    caption = sentence(rng, long, short, 0.2)
    at_quote = rng.randint(2, len(paragraphs) - 3)
    at_picture = rng.randint(1, len(paragraphs) - 2)
    at_box = rng.randint(3, len(paragraphs))
    return quote, box_title, box_paragraphs, caption, at_quote, at_picture, at_box


def magazine_document(seed: int, language: str = "da") -> tuple[str, list[str]]:
    """A magazine article in HTML for WeasyPrint, as a layout program would set it: a running
    head (a letter-spaced section label and the magazine's name) and a folio, a kicker, a
    title, a bold standfirst and a byline across the page, the body in two or three CSS
    columns with subheadings, a drop cap in two seeds of three, a pull-quote (a float inside
    a paragraph, so the paragraph's halves sit above and below it, in half the seeds; between
    paragraphs in the others; in two seeds of three a sentence of the article, repeated, as
    most pull-quotes are), a grey picture with an italic caption, and a tinted fact box
    with a heading and short paragraphs. Font, size, alignment, paragraph mark, colours and
    CSS hyphenation vary with the seed.

    The text to find whole: the body paragraphs, the pull-quote, the caption and the fact
    box's paragraphs. The source's first line says how many columns there are and what the
    head says (``overflows`` needs both)."""
    rng = random.Random(seed)
    long, short = vocabulary(language)
    paragraphs = [" ".join(sentence(rng, long, short, 0.15) for _ in range(rng.randint(2, 6)))
                  for _ in range(rng.randint(9, 14))]
    font = WEASY_FONTS[(seed * 3) % len(WEASY_FONTS)]
    columns, justify, indent, size = [3, 2][seed % 2], (seed // 2) % 2 == 0, (seed // 4) % 2 == 0, 9 + seed % 3
    hyphens = "auto" if (seed // 3) % 3 else "manual"
    dropcap, quote_inside = seed % 3 != 1, seed % 2 == 0
    spacing = "margin: 0; text-indent: 1.2em" if indent else "margin: 0 0 0.5em 0; text-indent: 0"
    tint = rng.choice(["#e8eef4", "#f3ead8", "#e6f0e6"])
    accent = rng.choice(["#b0262c", "#1b4f8a", "#2f6b3a"])
    quote_size = (1.6 if columns == 2 else 1.35) * size
    css = (f"@page {{ size: A4; margin: 20mm 15mm 20mm 15mm; "
           f"@top-left {{ content: 'LEDELSE'; font: bold 7pt '{font}'; letter-spacing: 0.25em; color: {accent}; }} "
           f"@top-right {{ content: 'Magasinet · Nr. 4 · 2026'; font: 7pt '{font}'; }} "
           f"@bottom-center {{ content: counter(page); font: 8pt '{font}'; }} }} "
           f"body {{ font-family: '{font}'; font-size: {size}pt; line-height: 1.25; }} "
           f".kicker {{ font-size: {0.9 * size:.1f}pt; text-transform: uppercase; letter-spacing: 0.1em; "
           f"color: {accent}; margin: 0 0 4pt 0; }} "
           f"h1 {{ font-size: {2.6 * size:.0f}pt; line-height: 1.1; margin: 0 0 6pt 0; }} "
           f".lead {{ font-size: {1.3 * size:.1f}pt; font-weight: bold; margin: 0 0 6pt 0; }} "
           f".byline {{ font-size: {0.85 * size:.1f}pt; margin: 0 0 12pt 0; }} "
           f".cols {{ columns: {columns}; column-gap: 5mm; }} "
           f"h2 {{ font-size: {1.15 * size:.1f}pt; margin: 8pt 0 2pt 0; break-after: avoid; }} "
           f".cols p {{ text-align: {'justify' if justify else 'left'}; hyphens: {hyphens}; {spacing} }} "
           f".cols p.first {{ text-indent: 0 }} "
           + (f".cols p.first::first-letter {{ float: left; font-size: {3.1 * size:.0f}pt; line-height: 1; "
              f"margin: 1pt 3pt 0 0; font-weight: bold; color: {accent}; }} " if dropcap else "")
           + f"span.pq {{ float: left; width: 100%; }} "
           f".pq {{ display: block; break-inside: avoid; font-size: {quote_size:.1f}pt; font-style: italic; "
           f"line-height: 1.2; text-align: left; text-indent: 0; color: {accent}; border-top: 1.5pt solid {accent}; "
           f"border-bottom: 1.5pt solid {accent}; padding: 4pt 0; margin: 6pt 0; hyphens: auto; }} "
           f".box {{ background: {tint}; padding: 6pt; margin: 8pt 0; break-inside: avoid; }} "
           f".box h3 {{ font-size: {1.05 * size:.1f}pt; margin: 0 0 3pt 0; hyphens: auto; }} "
           f".cols .box p {{ font-size: {0.9 * size:.1f}pt; text-align: left; text-indent: 0; margin: 0 0 3pt 0; "
           f"hyphens: auto; }} "
           f".fig {{ break-inside: avoid; }} .img {{ background: #9a9a9a; height: {rng.randint(30, 55)}mm; "
           f"margin: 6pt 0 2pt 0; }} "
           f".cols p.cap {{ font-size: {0.8 * size:.1f}pt; font-style: italic; text-indent: 0; margin: 0 0 8pt 0; "
           f"text-align: left; hyphens: manual; }} ")
    quote, box_title, box_paragraphs, caption, at_quote, at_picture, at_box = floats_of(rng, long, short,
                                                                                      paragraphs, seed)
    box = f'<div class="box"><h3>{box_title}</h3>' + "".join(f"<p>{p}</p>" for p in box_paragraphs) + "</div>"
    body = []
    for i, text in enumerate(paragraphs):
        if i == at_picture:
            body.append(f'<div class="fig"><div class="img"></div><p class="cap">{caption}</p></div>')
        if i == at_box:
            body.append(box)
        if i > 1 and i % rng.randint(3, 5) == 0:
            body.append(f"<h2>{sentence(rng, long, short, 0.2).split('.')[0][:40].rstrip()}</h2>")
        mark = ' class="first"' if i == 0 else ""
        if i == at_quote and quote_inside:
            words = text.split(" ")
            cut = len(words) // 2
            body.append(f'<p{mark}>{" ".join(words[:cut])} <span class="pq">{quote}</span>{" ".join(words[cut:])}</p>')
            continue
        if i == at_quote:
            body.append(f'<p class="pq">{quote}</p>')
        body.append(f"<p{mark}>{text}</p>")
    if at_box == len(paragraphs):
        body.append(box)
    title = sentence(rng, long, short, 0.3)[:50].rsplit(" ", 1)[0]
    lead = sentence(rng, long, short, 0.2)
    kicker = rng.choice(MAGAZINE_KICKERS)
    byline = "Tekst: Mette Frandsen · Foto: Jens Holm"
    html = (f'<html lang="{language}"><head><meta charset="utf-8"><style>{css}</style></head><body>'
            f'<p class="kicker">{kicker}</p><h1>{title}</h1><p class="lead">{lead}</p><p class="byline">{byline}</p>'
            f'<div class="cols">{"".join(body)}</div></body></html>')
    head = json.dumps({"columns": columns, "head": " ".join((kicker.upper(), title, lead, byline))})
    return head + "\n" + html, paragraphs + [quote, caption] + box_paragraphs


#: Fonts for ``typst_document``: typst's own (Libertinus, New Computer Modern) and system fonts.
TYPST_FONTS = ("Libertinus Serif", "New Computer Modern", "DejaVu Serif", "Liberation Serif", "Nimbus Sans",
               "P052", "Bitstream Charter", "URW Bookman")


def typst_markup(text: str) -> str:
    """``text`` as literal typst markup: its markup characters escaped."""
    return re.sub(r"([\\*_#$@<>\[\]~/`'\"=+-])", r"\\\1", text)


def typst_document(seed: int, language: str = "da") -> tuple[str, list[str]]:
    """A magazine article in typst (the bench's second engine, here with other layouts): a
    running head (a letter-spaced section label and the magazine's name) and a folio, a
    kicker, a title, a bold standfirst and a byline across the page, the body in two or three
    columns with bold subheadings, a pull-quote between two rules (between paragraphs, or in
    half the seeds a float that typst moves to the top or foot of a column), a grey picture
    with an italic caption, and a tinted fact box. Font, size, alignment, hyphenation
    (typst's own patterns for ``language``) and the paragraph mark (typst's first-line indent,
    which it leaves off after a heading or a block, or space) vary with the seed.

    The text to find whole: the body paragraphs, the pull-quote, the caption and the box's
    paragraphs."""
    rng = random.Random(seed)
    long, short = vocabulary(language)
    paragraphs = [" ".join(sentence(rng, long, short, 0.15) for _ in range(rng.randint(2, 6)))
                  for _ in range(rng.randint(9, 14))]
    font = TYPST_FONTS[(seed * 5) % len(TYPST_FONTS)]
    columns, justify, indent, size = [2, 3][seed % 2], (seed // 2) % 2 == 0, (seed // 4) % 2 == 0, 9 + seed % 3
    hyphenate = (seed // 3) % 3 != 0
    float_quote = (seed // 2) % 2 == 1
    accent = rng.choice(["#b0262c", "#1b4f8a", "#2f6b3a"])
    tint = rng.choice(["#e8eef4", "#f3ead8", "#e6f0e6"])
    mark = "first-line-indent: 1.2em, spacing: 0.55em" if indent else "first-line-indent: 0pt, spacing: 1em"
    quote, box_title, box_paragraphs, caption, at_quote, at_picture, at_box = floats_of(rng, long, short,
                                                                                      paragraphs, seed)
    m = typst_markup
    quote_block = (f'block(width: 100%, breakable: false, inset: (y: 5pt), stroke: (top: 1.5pt + rgb("{accent}"), '
                   f'bottom: 1.5pt + rgb("{accent}")))[#set par(justify: false, first-line-indent: 0pt); '
                   f'#text({1.5 * size:.1f}pt, style: "italic", fill: rgb("{accent}"))[{m(quote)}]]')
    box = (f'#block(width: 100%, breakable: false, fill: rgb("{tint}"), inset: 6pt)[#set par(justify: false, first-line-indent: 0pt, '
           f'spacing: 0.9em); #text({1.05 * size:.1f}pt, weight: "bold")[{m(box_title)}]\n\n'
           + "\n\n".join(f"#text({0.9 * size:.1f}pt)[{m(p)}]" for p in box_paragraphs) + "]")
    body = []
    for i, text in enumerate(paragraphs):
        if i == at_picture:
            body.append(f'#block(breakable: false, below: 8pt)[#block(width: 100%, height: {rng.randint(30, 55)}mm, '
                        f'fill: luma(150), below: 3pt)\n#set par(justify: false, first-line-indent: 0pt); '
                        f'#text({0.8 * size:.1f}pt, style: "italic")[{m(caption)}]]')
        if i == at_box:
            body.append(box)
        if i > 1 and i % rng.randint(3, 5) == 0:
            heading = sentence(rng, long, short, 0.2).split(".")[0][:40].rstrip()
            body.append(f'#block(above: 8pt, below: 3pt, sticky: true)[#text({1.15 * size:.1f}pt, '
                        f'weight: "bold")[{m(heading)}]]')
        if i == at_quote:
            body.append(f'#place(auto, float: true, scope: "column", clearance: 8pt, {quote_block})' if float_quote
                        else f"#{quote_block}")
        body.append(m(text))
    if at_box == len(paragraphs):
        body.append(box)
    title = sentence(rng, long, short, 0.3)[:50].rsplit(" ", 1)[0]
    lead = sentence(rng, long, short, 0.2)
    kicker = rng.choice(MAGAZINE_KICKERS)
    byline = "Tekst: Mette Frandsen · Foto: Jens Holm"
    source = (
        f'#set page(paper: "a4", margin: (x: 15mm, top: 22mm, bottom: 20mm), '
        f'header: [#text(7pt, weight: "bold", tracking: 0.25em, fill: rgb("{accent}"))[LEDELSE] #h(1fr) '
        f'#text(7pt)[Magasinet · Nr. 4 · 2026]], footer: context [#h(1fr) #text(8pt)[#counter(page).display()] #h(1fr)])\n'
        f'#set text(font: "{font}", size: {size}pt, lang: "{language}", hyphenate: {str(hyphenate).lower()})\n'
        f'#set par(justify: {str(justify).lower()}, leading: 0.55em, {mark})\n'
        f'#block(below: 4pt)[#text({0.9 * size:.1f}pt, tracking: 0.1em, fill: rgb("{accent}"))[{m(kicker.upper())}]]\n'
        f'#block(below: 6pt)[#set par(justify: false); #text({2.6 * size:.0f}pt, weight: "bold")[{m(title)}]]\n'
        f'#block(below: 6pt)[#set par(justify: false, first-line-indent: 0pt); '
        f'#text({1.3 * size:.1f}pt, weight: "bold")[{m(lead)}]]\n'
        f'#block(below: 12pt)[#text({0.85 * size:.1f}pt)[{m(byline)}]]\n'
        f'#columns({columns}, gutter: 5mm)[\n' + "\n\n".join(body) + "\n]\n")
    return source, paragraphs + [quote, caption] + box_paragraphs


def build_typst(source: str, pdf: Path) -> None:
    """Compile ``typst_document`` with the typst compiler (the ``typst`` package from PyPI)."""
    import typst
    src = pdf.with_suffix(".typ")
    src.write_text(source, encoding="utf-8")
    typst.compile(str(src), output=str(pdf))


#: WeasyPrint's page box for ``magazine_document``: the @page margin (15 mm) and the body's
#: default margin (8 px), and the column gap (5 mm), in points.
MAGAZINE_LEFT, MAGAZINE_GAP = 42.52 + 6.0, 14.17


def build_magazine(source: str, pdf: Path) -> None:
    """Render ``magazine_document`` with WeasyPrint. WeasyPrint 70 fails on some floats (an
    assertion in its float layout), mostly the drop cap's: the page is then set without it.
    Where it still fails, and where a word too long for its column sticks out over the
    gutter (``overflows``: a layout no magazine would print), the document is left without a
    PDF and reported as the engine's failure."""
    import weasyprint
    head, html = source.split("\n", 1)
    try:
        weasyprint.HTML(string=html).write_pdf(str(pdf))
    except AssertionError:  # mostly the drop cap's float: without it, then
        try:
            weasyprint.HTML(string=re.sub(r"\.cols p\.first::first-letter \{[^}]*\} ", "", html)).write_pdf(str(pdf))
        except AssertionError:
            pdf.unlink(missing_ok=True)
            return
    if overflows(pdf, **json.loads(head)):
        pdf.unlink()


def build_chromium(source: str, pdf: Path) -> None:
    """Print ``magazine_document`` to PDF with headless Chromium (Skia's PDF backend: how
    browsers and web-to-PDF services write PDF). Chromium on Linux has no hyphenation
    dictionaries, so the text is set without hyphens. A page with text over text or past a
    column's edge (``overflows``) is left without a PDF."""
    head, html = source.split("\n", 1)
    page = pdf.with_suffix(".html")
    page.write_text(html, encoding="utf-8")
    subprocess.run([shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.resolve().as_uri()],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    if pdf.exists() and overflows(pdf, **json.loads(head)):
        pdf.unlink()


def overflows(pdf: Path, columns: int, head: str) -> bool:
    """Whether a text line of the body runs past its column's right edge (by more than 1 pt),
    or two lines are drawn over each other (WeasyPrint 70 may place a float that breaks
    across pages over the next page's text)."""
    import pymupdf
    width = 595.28 - 2 * MAGAZINE_LEFT
    column = (width - (columns - 1) * MAGAZINE_GAP) / columns
    with pymupdf.open(pdf) as doc:
        for page in doc:
            boxes = []
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = "".join(span["text"] for span in line["spans"]).strip()
                    x0, top, x1, bottom = line["bbox"]
                    if not text:
                        continue
                    boxes.append(pymupdf.Rect(line["bbox"]))
                    if bottom < 56 or top > 790 or text in head:  # running head, folio, head
                        continue
                    k = min(columns - 1, max(0, int((x0 - MAGAZINE_LEFT + 1) // (column + MAGAZINE_GAP))))
                    if x1 > MAGAZINE_LEFT + k * (column + MAGAZINE_GAP) + column + 1.0:
                        return True
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    both = a & b
                    if not both.is_empty and both.get_area() > 0.3 * min(a.get_area(), b.get_area()):
                        return True
    return False


CAIRO_FONTS = ("DejaVu Serif", "Nimbus Roman", "Nimbus Sans", "P052", "Bitstream Charter", "C059",
               "URW Bookman", "DejaVu Sans")
PYPHEN_LANGUAGES = {"da": "da_DK", "en": "en_GB", "de": "de_DE", "sv": "sv_SE"}


def cairo_document(seed: int, language: str = "da") -> tuple[str, list[str]]:
    """An article for Pango and cairo (as GTK programs, Inkscape and many report generators
    write PDF): a title and a standfirst across the page, body paragraphs in two or three
    columns with a subheading every few paragraphs, and a footer. The settings (font, size,
    columns, justified or ragged, indent or space, soft hyphens from pyphen in two seeds of
    three) and the text go in the source as JSON."""
    rng = random.Random(seed)
    long, short = vocabulary(language)
    paragraphs = [" ".join(sentence(rng, long, short, 0.15) for _ in range(rng.randint(2, 6)))
                  for _ in range(rng.randint(8, 14))]
    items = []
    for i, text in enumerate(paragraphs):
        if i and i % rng.randint(3, 5) == 0:
            items.append(["h", sentence(rng, long, short, 0.2).split(".")[0][:40].rstrip()])
        items.append(["p", text])
    settings = {"font": CAIRO_FONTS[seed % len(CAIRO_FONTS)], "columns": [2, 3][seed % 2],
                "justify": (seed // 2) % 2 == 0, "indent": (seed // 4) % 2 == 0, "size": 9 + seed % 3,
                "hyphenate": (seed // 3) % 3 != 0, "language": language,
                "title": sentence(rng, long, short, 0.3)[:50].rsplit(" ", 1)[0],
                "lead": sentence(rng, long, short, 0.2), "items": items}
    return json.dumps(settings), paragraphs


def soft_hyphenated(text: str, language: str) -> str:
    """``text`` with soft hyphens at pyphen's break points in words of seven letters or more."""
    import pyphen
    dictionary = pyphen.Pyphen(lang=PYPHEN_LANGUAGES[language])
    return " ".join(dictionary.inserted(w, hyphen="\u00ad") if len(w) > 6 and "-" not in w else w
                    for w in text.split(" "))


def build_cairo(source: str, pdf: Path) -> None:
    """Set ``cairo_document`` with Pango on a cairo PDF surface, line by line into columns
    (``cairocffi``, ``pangocffi`` and ``pangocairocffi``, which load the system's libraries).
    Pango justifies by stretching word spaces, a line of one word by letter spacing, and draws
    a hyphen at a soft hyphen where it breaks."""
    import cairocffi
    import pangocairocffi
    import pangocffi
    pango, pangocairo = pangocffi.pango, pangocairocffi.pangocairo
    s = json.loads(source)
    width, height, margin, gutter = 595.0, 842.0, 48.0, 14.0
    columns, size = s["columns"], float(s["size"])
    measure = (width - 2 * margin - gutter * (columns - 1)) / columns
    leading = round(size * 1.25, 2)
    surface = cairocffi.PDFSurface(str(pdf), width, height)
    context = cairocffi.Context(surface)
    cairo_t = pangocairocffi.ffi.cast("cairo_t *", context._pointer)
    extents = pangocffi.ffi.new("PangoRectangle *")

    def lines_of(text: str, font: str, line_width: float, justify: bool = False, indent: float = 0.0):
        layout = pangocairocffi.create_layout(context)
        pangocairocffi.set_resolution(layout.context, 72)  # sizes in points, not pixels
        pango.pango_layout_context_changed(layout.pointer)
        description = pango.pango_font_description_from_string(font.encode())
        pango.pango_layout_set_font_description(layout.pointer, description)
        pango.pango_font_description_free(description)
        layout.width = pangocffi.units_from_double(line_width)
        layout.wrap = pangocffi.WrapMode.WORD
        pango.pango_layout_set_justify(layout.pointer, justify)
        pango.pango_layout_set_indent(layout.pointer, pangocffi.units_from_double(indent))
        layout.text = text
        found = []
        it = pango.pango_layout_get_iter(layout.pointer)
        while True:
            pango.pango_layout_iter_get_line_extents(it, pangocffi.ffi.NULL, extents)
            found.append((pango.pango_layout_iter_get_line_readonly(it), pangocffi.units_to_double(extents.x)))
            if not pango.pango_layout_iter_next_line(it):
                break
        pango.pango_layout_iter_free(it)
        return layout, found  # the layout owns its lines: keep it alive while they are drawn

    def show(line, x: float, y: float) -> None:
        context.move_to(x, y)
        pangocairo.pango_cairo_show_layout_line(cairo_t, line)

    page, column, y, top = 1, 0, margin, margin
    for text, font, step in ((s["title"], f"{s['font']} Bold {2.4 * size:.0f}", 2.6 * size),
                             (s["lead"], f"{s['font']} Bold {1.3 * size:.1f}", 1.6 * size)):
        layout, found = lines_of(text, font, width - 2 * margin)
        for line, dx in found:
            y += step
            show(line, margin + dx, y)
        y += size
    top = y
    bottom = height - margin

    def footer() -> None:
        layout, found = lines_of(f"Side {page}", f"{s['font']} 8", 100)
        show(found[0][0], width / 2 - 15, height - 24)

    for kind, text in s["items"]:
        if kind == "h":
            y += leading * 0.6 if y > top else 0
            layout, found = lines_of(text, f"{s['font']} Bold {1.1 * size:.1f}", measure)
            if y + (len(found) + 2) * leading > bottom:
                y = bottom  # keep a heading with its paragraph
        else:
            if s["hyphenate"]:
                text = soft_hyphenated(text, s["language"])
            layout, found = lines_of(text, f"{s['font']} {size}", measure, s["justify"], 1.2 * size if s["indent"] else 0)
            y += 0.5 * size if not s["indent"] and y > top else 0
        for line, dx in found:
            if y + leading > bottom:
                column += 1
                if column == columns:
                    footer()
                    context.show_page()
                    page, column, top = page + 1, 0, margin
                y = top
            y += leading
            show(line, margin + column * (measure + gutter) + dx, y)
    footer()
    surface.finish()


#: Scribus's fonts for ``scribus_document``: (regular, bold, italic), as Scribus names them.
#: Not URW's C059 and Nimbus Sans: Scribus 1.5.8 spaces their italics' glyphs apart at random
#: (``A lle o g h v e r u g e``), a page no magazine would print.
SCRIBUS_FONTS = (("Liberation Serif Regular", "Liberation Serif Bold", "Liberation Serif Italic"),
                 ("DejaVu Sans Book", "DejaVu Sans Bold", "DejaVu Sans Oblique"),
                 ("DejaVu Serif Book", "DejaVu Serif Bold", "DejaVu Serif Italic"),
                 ("Liberation Sans Regular", "Liberation Sans Bold", "Liberation Sans Italic"),
                 ("P052 Roman", "P052 Bold", "P052 Italic"),
                 ("Liberation Sans Narrow Regular", "Liberation Sans Narrow Bold", "Liberation Sans Narrow Italic"))
#: Scribus's language codes (its hyphenation dictionaries: Debian's hyphen-da, hyphen-de, hyphen-en-us).
SCRIBUS_LANGUAGES = {"da": "da", "en": "en_US", "de": "de", "sv": "sv"}


def scribus_document(seed: int, language: str = "da") -> tuple[str, list[str]]:
    """A magazine article laid out in Scribus (a desktop-publishing program, as InDesign is):
    a letter-spaced running head, the magazine's name and a folio on every page; a kicker,
    title, standfirst and byline across the first page; the body in a two- or three-column
    text frame linked on to the next page's frame, with subheadings and a drop cap in two
    seeds of three; and floats that the body flows around: a pull-quote between two rules
    (in two seeds of three a sentence of the article, repeated), a grey picture with an
    italic caption, and a tinted fact box with a heading and short paragraphs. Font, size,
    alignment, paragraph mark and Scribus's hyphenation (its Danish, German and English
    dictionaries) vary with the seed.

    The source is the JSON spec that ``SCRIBUS_SCRIPT`` sets. The text to find whole: the
    body paragraphs, the pull-quote, the caption and the fact box's paragraphs."""
    rng = random.Random(seed)
    long, short = vocabulary(language)
    paragraphs = [" ".join(sentence(rng, long, short, 0.15) for _ in range(rng.randint(2, 6)))
                  for _ in range(rng.randint(10, 16))]
    columns, size = [3, 2][seed % 2], 9 + seed % 3
    quote_scale = 1.6 if columns == 2 else 1.35
    quote = pull_quote(rng, long, short, paragraphs, seed)
    caption = sentence(rng, long, short, 0.2)
    box_title = short_heading(rng, long, short, 30)
    box_paragraphs = [sentence(rng, long, short, 0.2) for _ in range(rng.randint(2, 4))]
    body = []
    for i, text in enumerate(paragraphs):
        if i > 1 and i % rng.randint(3, 5) == 0:
            body.append(["Sub", sentence(rng, long, short, 0.2).split(".")[0][:40].rstrip()])
        body.append(["First" if i == 0 else "Body", text])
    floats = [
        {"kind": "quote", "page": 1, "column": rng.randrange(columns), "at": rng.uniform(0.15, 0.7),
         "text": quote},
        {"kind": "picture", "page": rng.choice([1, 2]), "column": rng.randrange(columns), "at": rng.uniform(0, 0.6),
         "height": rng.randint(30, 55) * 2.835, "text": caption},
        {"kind": "box", "page": 2, "column": rng.randrange(columns), "at": rng.uniform(0, 0.6),
         "title": box_title, "paragraphs": box_paragraphs},
    ]
    if floats[1]["page"] == floats[0]["page"] and floats[1]["column"] == floats[0]["column"]:
        floats[1]["page"] = 2  # one float per column of a page: they must not cover each other
    if floats[1]["page"] == 2 and floats[1]["column"] == floats[2]["column"]:
        floats[2]["column"] = (floats[2]["column"] + 1) % columns
    spec = {"font": dict(zip(("regular", "bold", "italic"), SCRIBUS_FONTS[seed % len(SCRIBUS_FONTS)])),
            "language": SCRIBUS_LANGUAGES[language], "size": size, "columns": columns,
            "justify": (seed // 2) % 2 == 0, "indent": (seed // 4) % 2 == 0, "dropcap": seed % 3 != 1,
            "hyphenate": (seed // 3) % 3 != 0, "quote_scale": quote_scale,
            "accent": rng.choice([(176, 38, 44), (27, 79, 138), (47, 107, 58)]),
            "tint": rng.choice([(232, 238, 244), (243, 234, 216), (230, 240, 230)]), "pages": 2,
            "first_folio": rng.randint(4, 40), "kicker": rng.choice(MAGAZINE_KICKERS),
            "title": sentence(rng, long, short, 0.3)[:50].rsplit(" ", 1)[0],
            "lead": sentence(rng, long, short, 0.2), "byline": "Tekst: Mette Frandsen · Foto: Jens Holm",
            "body": body, "floats": floats}
    return json.dumps(spec, ensure_ascii=False), paragraphs + [quote, caption] + box_paragraphs


def build_scribus(source: str, pdf: Path) -> None:
    """Lay out ``scribus_document`` with Scribus, without its window (``-g``; Qt's offscreen
    platform). Scribus runs ``SCRIBUS_SCRIPT`` with its own Python."""
    spec, script = pdf.with_suffix(".json"), pdf.with_name("scribus_layout.py")
    spec.write_text(source, encoding="utf-8")
    script.write_text(SCRIBUS_SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OLPARSE_SCRIBUS_SPEC=str(spec), OLPARSE_SCRIBUS_PDF=str(pdf))
    subprocess.run([shutil.which("scribus") or "scribus", "-g", "-ns", "-py", str(script)], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


SCRIBUS_SCRIPT = Path(__file__).with_name("scribus_layout.py").read_text(encoding="utf-8") \
    if Path(__file__).with_name("scribus_layout.py").exists() else ""


def have_module(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


#: The engines driven from Python (LaTeX and groff run as commands in ``build``).
BUILDERS = {"reportlab": build_reportlab, "weasyprint": build_weasyprint, "cairo": build_cairo,
            "magazine": build_magazine, "chromium": build_chromium, "scribus": build_scribus,
            "story": build_story, "typst": build_typst}


def build(engine: str, source: str, stem: str, workdir: Path) -> Path | None:
    """Typeset ``source`` with ``engine`` in ``workdir``; the PDF, or None when it failed."""
    if engine in BUILDERS:
        BUILDERS[engine](source, workdir / f"{stem}.pdf")
    elif engine == "latex":
        (workdir / f"{stem}.tex").write_text(source, encoding="utf-8")
        subprocess.run(["pdflatex", "-interaction=batchmode", f"{stem}.tex"], cwd=workdir,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    else:
        (workdir / f"{stem}.ms").write_text(source, encoding="utf-8")
        with open(workdir / f"{stem}.pdf", "wb") as out:
            subprocess.run(["groff", "-ms", "-k", "-Tpdf", f"{stem}.ms"], cwd=workdir, stdout=out,
                           stderr=subprocess.DEVNULL, timeout=120)
    pdf = workdir / f"{stem}.pdf"
    return pdf if pdf.exists() and pdf.stat().st_size > 0 else None


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def score(pdf: Path, paragraphs: list[str], show: bool) -> tuple[int, int]:
    """Paragraphs printed whole by ``olparse text``, and how many there are."""
    out = subprocess.run([sys.executable, "-m", "olparse", "text", "-q", str(pdf)],
                         capture_output=True, text=True, timeout=300).stdout
    printed = {normalise(p) for p in out.split("\n") if p.strip()}
    intact = 0
    for p in paragraphs:
        if normalise(p) in printed:
            intact += 1
        elif show:
            print(f"    not intact in {pdf.name}: {p[:70]}…")
    return intact, len(paragraphs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--latex", type=int, default=12, help="number of LaTeX documents (seeds 1..N)")
    parser.add_argument("--groff", type=int, default=6, help="number of groff documents")
    parser.add_argument("--story", type=int, default=12, help="number of MuPDF Story documents")
    parser.add_argument("--reportlab", type=int, default=12, help="number of ReportLab documents (if installed)")
    parser.add_argument("--weasyprint", type=int, default=12, help="number of WeasyPrint documents (if installed)")
    parser.add_argument("--weasyprint-language", default="da", choices=["da", "en", "de", "sv"],
                        help="the language of the WeasyPrint documents (default: da)")
    parser.add_argument("--cairo", type=int, default=12,
                        help="number of Pango and cairo documents (if pangocairocffi is installed)")
    parser.add_argument("--cairo-language", default="da", choices=["da", "en", "de", "sv"],
                        help="the language of the Pango and cairo documents (default: da)")
    parser.add_argument("--magazine", type=int, default=12,
                        help="number of WeasyPrint magazine pages with a pull-quote, picture and fact box (if installed)")
    parser.add_argument("--magazine-language", default="da", choices=["da", "en", "de", "sv"],
                        help="the language of the magazine pages (default: da)")
    parser.add_argument("--chromium", type=int, default=0,
                        help="number of magazine pages printed by headless Chromium (if on PATH)")
    parser.add_argument("--scribus", type=int, default=0,
                        help="number of magazine articles laid out by Scribus (if on PATH)")
    parser.add_argument("--typst", type=int, default=0,
                        help="number of magazine articles compiled by typst (if the typst package is installed)")
    parser.add_argument("--typst-language", default="da", choices=["da", "en", "de", "sv"],
                        help="the language of the typst articles (default: da)")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this directory")
    parser.add_argument("--show", action="store_true", help="name every paragraph that is not intact")
    args = parser.parse_args()
    engines = [(name, count, make) for name, count, make, tool in
               (("latex", args.latex, latex_document, "pdflatex"), ("groff", args.groff, groff_document, "groff"),
                ("story", args.story, story_document, None),
                ("reportlab", args.reportlab, reportlab_document, "reportlab"),
                ("weasyprint", args.weasyprint,
                 functools.partial(weasyprint_document, language=args.weasyprint_language), "weasyprint"),
                ("cairo", args.cairo, functools.partial(cairo_document, language=args.cairo_language),
                 "pangocairocffi"),
                ("magazine", args.magazine, functools.partial(magazine_document, language=args.magazine_language),
                 "weasyprint"),
                ("chromium", args.chromium, functools.partial(magazine_document, language=args.magazine_language),
                 "chromium"),
                ("scribus", args.scribus, functools.partial(scribus_document, language=args.magazine_language),
                 "scribus"),
                ("typst", args.typst, functools.partial(typst_document, language=args.typst_language), "typst"))
               if count and (tool is None or (have_module(tool) if tool in ("reportlab", "weasyprint", "pangocairocffi", "typst")
                                              else shutil.which(tool)))]
    if not engines:
        print("no engine available (pdflatex, groff)")
        return 2
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="olparse-engines-"))
    workdir.mkdir(parents=True, exist_ok=True)
    for name, count, make in engines:
        total = whole = documents = perfect = 0
        for seed in range(1, count + 1):
            source, paragraphs = make(seed)
            pdf = build(name, source, f"{name}{seed}", workdir)
            if pdf is None:
                print(f"  {name} seed {seed}: the engine made no PDF")
                continue
            intact, n = score(pdf, paragraphs, args.show)
            documents += 1
            perfect += intact == n
            whole += intact
            total += n
        if documents:
            print(f"{name:9s} {documents} documents, {perfect} with every paragraph intact; "
                  f"paragraphs intact {whole}/{total} = {whole / max(total, 1):.3f}")
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
