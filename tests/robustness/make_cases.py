"""Build the small bad-input PDFs of tests/robustness/: one reproduction per failure mode.

Usage (from the project root)::

    python tests/robustness/make_cases.py          # (re)write tests/robustness/*.pdf
    python tests/robustness/make_cases.py --list   # name, expected exit code, what it shows

Real archives hold truncated downloads, encrypted files, scans, JPEGs named ``.pdf`` and
files broken in many ways; the shared corpus has real examples, but those are others' work and
stay out of the project. These files reproduce each failure mode with text written here, made
with PyMuPDF or assembled object by object (``assemble``) where PyMuPDF would refuse to write
something that broken. ``CASES`` also says what olparse must do with each file (exit code, and
the password where there is one); ``tests/test_robustness.py`` and ``tests/test_cli_errors.py``
read it. Encrypted files get a random salt, so their bytes differ from build to build.
"""

from __future__ import annotations

import argparse
import io
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pymupdf

HERE = Path(__file__).resolve().parent
USER_PASSWORD = "olparse-user"
OWNER_PASSWORD = "olparse-owner"
FIXED_DATE = "D:20240101000000Z"

#: Made-up text for the test pages (Danish and English, with hyphens and letters beyond ASCII).
PARAGRAPHS = [
    "Ledelse i den offentlige sektor handler om at skabe gode rammer for medarbejderne. "
    "Når kommunen lægger en ny plan, skal både ledere og medarbejdere være med fra starten.",
    "Forskningen viser, at tillid og tydelige mål giver bedre resultater end detaljeret kontrol. "
    "Det gælder i hjemmeplejen, på skolerne og i forvaltningen.",
    "The archive holds thirty years of issues. Every page was scanned, many were typeset again, "
    "and a few were saved by tools that nobody remembers.",
]


@dataclass(frozen=True)
class Case:
    """One reproduction: how to build it and what olparse must do with it.

    ``exit_code`` is the CLI's exit code without a password; ``password`` (when set) must make
    the file parse with exit 0. ``words`` are words that must reach the output when it parses.
    """

    name: str
    build: Callable[[], bytes]
    exit_code: int
    note: str
    password: str | None = None
    words: tuple[str, ...] = ()


# ------------------------------------------------------------------------------ helpers
def text_document(pages: int = 2, columns: int = 2) -> pymupdf.Document:
    """A small magazine-like document: a title and justified columns of the sample text."""
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((56, 80), f"Ledelse og tillid, del {n + 1}", fontsize=20, fontname="hebo")
        width = (595 - 112 - 18 * (columns - 1)) / columns
        for c in range(columns):
            x0 = 56 + c * (width + 18)
            text = "\n".join(PARAGRAPHS[(n + c + k) % len(PARAGRAPHS)] for k in range(2))
            page.insert_textbox(pymupdf.Rect(x0, 110, x0 + width, 780), text, fontsize=9.5,
                                fontname="helv", align=pymupdf.TEXT_ALIGN_JUSTIFY)
        page.insert_text((56, 815), str(n + 1), fontsize=8, fontname="helv")
    doc.set_metadata({"title": "olparse robustness sample", "creationDate": FIXED_DATE, "modDate": FIXED_DATE})
    return doc


def save(doc: pymupdf.Document, **kwargs) -> bytes:
    buf = io.BytesIO()
    doc.save(buf, garbage=3, deflate=True, no_new_id=True, **kwargs)
    return buf.getvalue()


def clean_bytes() -> bytes:
    return save(text_document())


def assemble(objects: list[bytes], root: int = 1, xref: bool = True) -> bytes:
    """A PDF from numbered objects (``objects[0]`` is object 1), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{start}\n%%EOF\n".encode()
    return bytes(out)


def stream(data: bytes, compress: bool = True, extra: str = "") -> bytes:
    body = zlib.compress(data, 9) if compress else data
    filt = " /Filter /FlateDecode" if compress else ""
    return f"<< /Length {len(body)}{filt}{extra} >>\nstream\n".encode() + body + b"\nendstream"


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def one_page(content: bytes, resources: str = "/Font << /F1 5 0 R >>", extra: list[bytes] | None = None,
             compress: bool = True, font: bytes = HELVETICA) -> bytes:
    """Catalog, pages, one A4 page with ``content``, and a font (Helvetica) as object 5."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> "
        "/Contents 4 0 R >>".encode(),
        stream(content, compress),
        font,
    ]
    return assemble(objects + (extra or []))


def text_ops(lines: list[str], x: float = 56, y: float = 780, size: float = 10) -> bytes:
    ops = [f"BT /F1 {size} Tf {size * 1.3} TL {x} {y} Td"]
    for line in lines:
        ops.append(f"({line}) Tj T*")
    ops.append("ET")
    return " ".join(ops).encode("latin-1")


# ------------------------------------------------------------------------------ the cases
def truncated() -> bytes:
    data = clean_bytes()
    return data[: len(data) * 6 // 10]


def header_only() -> bytes:
    return clean_bytes()[:64]


def bad_startxref() -> bytes:
    data = clean_bytes()
    head, _, tail = data.rpartition(b"startxref")
    number = tail.split()[0]
    return head + b"startxref" + tail.replace(number, b"999999", 1)


def one_byte_missing() -> bytes:
    data = clean_bytes()
    cut = data.index(b"obj") + 40
    return data[:cut] + data[cut + 1:]


def no_xref() -> bytes:
    """A file whose xref table was left out (the trailer and startxref remain)."""
    data = one_page(text_ops(["Ingen krydsreferencetabel her.", "No cross-reference table here."]))
    start = data.index(b"xref\n")
    end = data.index(b"trailer")
    return data[:start] + data[end:]


def encrypted(method: int) -> Callable[[], bytes]:
    def build() -> bytes:
        return save(text_document(pages=1), encryption=method, user_pw=USER_PASSWORD, owner_pw=OWNER_PASSWORD,
                    permissions=int(pymupdf.PDF_PERM_ACCESSIBILITY | pymupdf.PDF_PERM_PRINT))
    return build


def owner_only() -> bytes:
    """Encrypted with an empty user password and permissions that forbid copying text."""
    return save(text_document(pages=1), encryption=pymupdf.PDF_ENCRYPT_AES_128, user_pw="",
                owner_pw=OWNER_PASSWORD, permissions=int(pymupdf.PDF_PERM_PRINT))


def scan_image() -> pymupdf.Pixmap:
    """A grey 'scanned page' picture with a few dark bars where text would be."""
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 300, 420), False)
    pix.set_rect(pix.irect, (235,))
    for k in range(12):
        pix.set_rect(pymupdf.IRect(30, 40 + 28 * k, 270 - 9 * (k % 4), 50 + 28 * k), (40,))
    return pix


def image_only() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_image(page.rect, pixmap=scan_image())
    return save(doc)


def scan_plus_text() -> bytes:
    """Page 1 has text, page 2 is a scan without a text layer."""
    doc = text_document(pages=1)
    page = doc.new_page(width=595, height=842)
    page.insert_image(page.rect, pixmap=scan_image())
    return save(doc)


def jpeg_named_pdf() -> bytes:
    return scan_image().tobytes("jpeg")


def png_named_pdf() -> bytes:
    return scan_image().tobytes("png")


def html_named_pdf() -> bytes:
    return b"<!DOCTYPE html>\n<html><body><p>This download failed.</p></body></html>\n"


def text_with_header() -> bytes:
    return b"%PDF-1.4\nThis is not really a PDF, only its first line.\n%%EOF\n"


def recursive_xobject() -> bytes:
    """Two form XObjects that draw each other (and some text), forever if a reader lets them."""
    page_text = text_ops(["Teksten uden for formularerne skal med."])
    form = b"q /X2 Do Q BT /F1 9 Tf 56 600 Td (Form one) Tj ET"
    form2 = b"q /X1 Do Q BT /F1 9 Tf 56 580 Td (Form two) Tj ET"
    res = "/Font << /F1 5 0 R >> /XObject << /X1 6 0 R /X2 7 0 R >>"
    fx = " /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << " + res + " >>"
    return one_page(page_text + b" /X1 Do", res, [stream(form, extra=fx), stream(form2, extra=fx)])


def page_tree_cycle() -> bytes:
    """A page tree whose /Kids point back at the tree itself."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(text_ops(["Sidetræet peger på sig selv."])),
        HELVETICA,
    ]
    return assemble(objects)


def bad_zlib() -> bytes:
    """A content stream whose Flate data is damaged near its end (the first lines decode)."""
    data = one_page(text_ops([p for par in PARAGRAPHS for p in par.split(". ")]))
    start = data.index(b"stream\n", data.index(b"4 0 obj")) + len(b"stream\n")
    end = data.index(b"\nendstream", start)
    damaged = bytearray(data)
    for k in range(start + (end - start) * 8 // 10, start + (end - start) * 8 // 10 + 8):
        damaged[k] ^= 0x5A
    return bytes(damaged)


def missing_font() -> bytes:
    """The page's font resource points at an object that does not exist."""
    return one_page(text_ops(["Skrifttypen mangler, men teksten er her."]), "/Font << /F1 99 0 R >>")


def surrogate_tounicode() -> bytes:
    """A ToUnicode map that sends one glyph to a lone surrogate (D800), which is not text."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Bad def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"1 beginbfchar <5A> <D800> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    font = HELVETICA.replace(b" >>", b" /ToUnicode 6 0 R >>")
    return one_page(text_ops(["Zebra og Zulu er ord med Z."]), extra=[stream(cmap)], font=font)


def tilted_text() -> bytes:
    """Five lines tilted 10 degrees, starting at one x, as in a rotated caption: each stays a line.

    Measured by the x of their origins (the old baseline of non-horizontal text) the five lines
    are one line; only the distance across the writing direction tells them apart.
    """
    import math
    a = math.radians(-10)
    c, s = math.cos(a), math.sin(a)
    lines = ["Lift your shoulder slowly", "and roll it backwards", "then stretch your elbows",
             "and relax your hands", "repeat this ten times"]
    ops = []
    for k, line in enumerate(lines):
        x, y = 200, 600 - 12 * k * c
        ops.append(f"BT /F1 10 Tf {c:.4f} {s:.4f} {-s:.4f} {c:.4f} {x:.2f} {y:.2f} Tm ({line}) Tj ET")
    return one_page(" ".join(ops).encode())


def glyph_flood() -> bytes:
    """A small file (about 11 KB) whose one page inflates to 1.1 million glyphs in one place."""
    return one_page(b"BT /F1 10 Tf " + b"1 0 0 1 50 400 Tm (Hello world) Tj " * 100_000 + b"ET")


def empty() -> bytes:
    return b""


CASES: list[Case] = [
    Case("clean.pdf", clean_bytes, 0, "a good two-page file (the reference)", words=("Ledelse", "tillid")),
    Case("truncated.pdf", truncated, 0, "cut at 60 %: MuPDF rebuilds what is left", words=("Ledelse",)),
    Case("header_only.pdf", header_only, 5, "only the first 64 bytes: nothing to repair"),
    Case("bad_startxref.pdf", bad_startxref, 0, "startxref points nowhere: repaired", words=("tillid",)),
    Case("one_byte_missing.pdf", one_byte_missing, 0, "every xref offset is off by one: repaired",
         words=("tillid",)),
    Case("no_xref.pdf", no_xref, 0, "no xref table at all: rebuilt", words=("krydsreferencetabel",)),
    Case("encrypted_aes256.pdf", encrypted(pymupdf.PDF_ENCRYPT_AES_256), 6, "AES-256, user password",
         USER_PASSWORD, words=("Ledelse",)),
    Case("encrypted_rc4.pdf", encrypted(pymupdf.PDF_ENCRYPT_RC4_128), 6, "RC4-128, user password",
         USER_PASSWORD, words=("Ledelse",)),
    Case("owner_only.pdf", owner_only, 0, "owner password only, copying forbidden: read, with a warning",
         words=("Ledelse",)),
    Case("image_only.pdf", image_only, 0, "a scan without text: valid JSON, no_text_layer warning"),
    Case("scan_plus_text.pdf", scan_plus_text, 0, "text page plus a scanned page", words=("Ledelse",)),
    Case("jpeg_named.pdf", jpeg_named_pdf, 4, "JPEG bytes named .pdf"),
    Case("png_named.pdf", png_named_pdf, 4, "PNG bytes named .pdf"),
    Case("html_named.pdf", html_named_pdf, 4, "an HTML error page saved as .pdf"),
    Case("text_with_header.pdf", text_with_header, 5, "a %PDF- line and nothing else"),
    Case("empty.pdf", empty, 3, "0 bytes"),
    Case("recursive_xobject.pdf", recursive_xobject, 0, "form XObjects that draw each other",
         words=("formularerne",)),
    Case("page_tree_cycle.pdf", page_tree_cycle, 0, "/Kids loop back to the tree (pdfplumber reads it)",
         words=("Sidetræet",)),
    Case("bad_zlib.pdf", bad_zlib, 0, "damaged Flate data in the content stream: what decodes is kept",
         words=("Ledelse",)),
    Case("missing_font.pdf", missing_font, 0, "font object missing: text still read", words=("Skrifttypen",)),
    Case("surrogate_tounicode.pdf", surrogate_tounicode, 0, "ToUnicode maps a glyph to a lone surrogate",
         words=("og",)),
    Case("tilted_text.pdf", tilted_text, 0, "lines tilted 10 degrees stay separate lines",
         words=("backwards", "elbows", "relax")),
    Case("glyph_flood.pdf", glyph_flood, 0, "1.1 million glyphs on one page (slow to read, for time limits)"),
]
BY_NAME = {c.name: c for c in CASES}


def path_of(name: str) -> Path:
    return HERE / name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the robustness reproduction PDFs.")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    args = parser.parse_args(argv)
    for case in CASES:
        if args.list:
            print(f"{case.name:28s} exit {case.exit_code}  {case.note}")
            continue
        data = case.build()
        path_of(case.name).write_bytes(data)
        print(f"wrote {case.name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
