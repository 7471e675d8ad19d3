#!/usr/bin/env python3
"""Score olparse on PDFs that went through Ghostscript: the bench's PDFs, rewritten.

Usage (from the project root)::

    python scripts/check_rewritten.py ../shared/bench            # all three rewrites
    python scripts/check_rewritten.py ../shared/bench --modes pdfwrite --keep /tmp/rewritten

Archives hold many PDFs that were not written by the typesetter but rewritten afterwards:
"optimised" for the web or for e-mail, or printed to PostScript and distilled again. Ghostscript
is the common tool for that, and it changes what olparse reads: fonts are re-embedded and
renamed, CFF fonts get a different em, ligatures and hyphens get other Unicode mappings, text
fonts may become Type 3 fonts. Each bench PDF is rewritten here in three ways and scored with
the bench's own scorer (``bench.py``; the ground truth still fits, since the pages look the
same):

* ``pdfwrite``: ``gs -sDEVICE=pdfwrite`` with its defaults;
* ``ebook``: ``-dPDFSETTINGS=/ebook -dCompatibilityLevel=1.4`` (images downsampled, PDF 1.4);
* ``ps``: a PostScript round trip, ``ps2write`` then ``pdfwrite``.

This is a measurement, not a test: it exits 0 whatever the scores, and 2 when Ghostscript is
not installed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

GS = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER"]
MODES = {
    "pdfwrite": [["-sDEVICE=pdfwrite"]],
    "ebook": [["-sDEVICE=pdfwrite", "-dPDFSETTINGS=/ebook", "-dCompatibilityLevel=1.4"]],
    "ps": [["-sDEVICE=ps2write"], ["-sDEVICE=pdfwrite"]],
}


def rewrite(source: Path, target: Path, steps: list[list[str]], scratch: Path) -> bool:
    """Run ``source`` through the Ghostscript ``steps`` into ``target``; False when gs fails."""
    current = source
    for k, options in enumerate(steps):
        out = target if k == len(steps) - 1 else scratch / f"{source.stem}.{k}.ps"
        done = subprocess.run(GS + options + ["-o", str(out), str(current)], capture_output=True, timeout=600)
        if done.returncode != 0 or not out.exists() or out.stat().st_size == 0:
            return False
        current = out
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bench", type=Path, help="the bench directory (with bench.py and pdfs/)")
    ap.add_argument("--modes", default=",".join(MODES), help="comma-separated: " + ", ".join(MODES))
    ap.add_argument("--keep", type=Path, help="write the rewritten PDFs here (default: a temporary directory)")
    ap.add_argument("--structure", action="store_true", help="score the JSON too, not only the text form")
    a = ap.parse_args(argv)
    if shutil.which("gs") is None:
        print("Ghostscript (gs) is not installed: nothing to measure", file=sys.stderr)
        return 2
    pdfs = sorted((a.bench / "pdfs").glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        root = a.keep or Path(tmp)
        for mode in a.modes.split(","):
            folder = root / mode
            folder.mkdir(parents=True, exist_ok=True)
            for pdf in pdfs:
                truth = pdf.with_name(pdf.stem + ".truth.json")
                if rewrite(pdf, folder / pdf.name, MODES[mode], Path(tmp)):
                    shutil.copyfile(truth, folder / truth.name)
                else:
                    print(f"{mode}: gs could not rewrite {pdf.name}", file=sys.stderr)
            for flags in ([[], ["--text"]] if a.structure else [["--text"]]):
                print(f"== {mode} {' '.join(flags) or '(structure and text)'}", flush=True)
                subprocess.run([sys.executable, str(a.bench / "bench.py"), str(folder)] + flags)
    return 0


if __name__ == "__main__":
    sys.exit(main())
