"""Run the olparse CLI over the shared real-PDF corpus and check the robustness promises.

Usage (from the project root)::

    python scripts/check_realpdfs.py                  # ../shared/realpdfs, 60 s per file
    python scripts/check_realpdfs.py --only magazine  # one folder
    python scripts/check_realpdfs.py --root DIR --timeout 60 --jobs 2

For every file of ``nasty/`` and ``magazine/`` it runs ``olparse parse FILE -o OUT`` in a
subprocess with a hard time limit and checks:

* exit 0 with JSON that validates against the schema, or a documented non-zero exit code
  (``olparse.errors.ExitCode``) with exactly one line on stderr and no output file;
* it finishes within the time limit;
* ``magazine/`` files exit 0 and the JSON holds >= 99 % of the words PyMuPDF extracts.

Encrypted files with a known password (``SOURCES.md``) are run twice: without the password
(must fail with exit 6) and with it (must parse). The corpus belongs to others: it is read in
place and never copied into the project. Without the corpus the script says so and exits 0.
Exit status: 0 when every check passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "realpdfs"
DEFAULT_TIMEOUT = 60.0
MIN_COVERAGE = 0.99
#: Passwords documented in realpdfs/SOURCES.md.
PASSWORDS = {
    "enc_aes256_userpw_foo.pdf": "foo",
    "enc_rc4-40_userpw_foo.pdf": "foo",
    "enc_aes256_r6_userpw_usersecret.pdf": "usersecret",
    "enc_libreoffice_userpw_openpassword.pdf": "openpassword",
    "enc_aes128_userpw_test123.pdf": "test123",
}


@dataclass
class Row:
    path: Path
    folder: str
    file: str
    password: str | None
    code: int | None = None
    seconds: float = 0.0
    message: str = ""
    coverage: float | None = None
    ok: bool = False
    problem: str = ""


def run_one(row: Row, timeout: float, workdir: Path) -> Row:
    """Run the CLI on one file and fill in ``row`` (exit code, time, message, coverage, verdict)."""
    out = workdir / f"{row.path.stem}{'.pw' if row.password else ''}.json"
    cmd = [sys.executable, "-m", "olparse", "parse", str(row.path), "-o", str(out), "--quiet"]
    if row.password:
        cmd += ["--password", row.password]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        row.seconds = time.perf_counter() - start
        row.problem = f"did not finish within {timeout:g} s"
        return row
    row.seconds = time.perf_counter() - start
    row.code = proc.returncode
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    row.message = lines[0] if lines else ""
    row.problem = judge(row, out, lines)
    row.ok = not row.problem
    out.unlink(missing_ok=True)
    return row


def judge(row: Row, out: Path, stderr_lines: list[str]) -> str:
    """What is wrong with one run ('' when nothing is)."""
    from olparse.errors import ExitCode
    if row.code == 0:
        if not out.is_file():
            return "exit 0 but no output file"
        try:
            from olparse.document import validate_document
            data = json.loads(out.read_text("utf-8"))
            validate_document(data)
        except Exception as exc:  # report, do not crash the table
            return f"output is not schema-valid JSON: {exc}"
        if row.folder == "magazine":
            return judge_coverage(row, data)
        return ""
    if row.code not in {int(c) for c in ExitCode} or row.code in (ExitCode.OTHER,):
        return f"undocumented or internal-error exit code {row.code}"
    if len(stderr_lines) != 1:
        return f"{len(stderr_lines)} lines on stderr (want one)"
    if out.exists():
        return "an output file was left behind on failure"
    if row.folder == "magazine":
        return "a magazine file must parse"
    if row.file in PASSWORDS and not row.password and row.code != ExitCode.ENCRYPTED_PDF:
        return f"encrypted file without password gave exit {row.code}, not {int(ExitCode.ENCRYPTED_PDF)}"
    return ""


def judge_coverage(row: Row, data: dict) -> str:
    from olparse.extract.coverage import words_coverage
    cov = words_coverage(str(row.path), data, row.password)
    row.coverage = cov.ratio
    if cov.ratio < MIN_COVERAGE:
        return f"words coverage {cov.describe(5)}"
    return ""


def plan(corpus: Path, folders: list[str]) -> list[Row]:
    """One row per run: every PDF once, encrypted ones with a known password twice."""
    rows = []
    for folder in folders:
        for path in sorted((corpus / folder).glob("*.pdf")):
            for password in [None] + ([PASSWORDS[path.name]] if path.name in PASSWORDS else []):
                rows.append(Row(path, folder, path.name, password))
    return rows


def print_table(rows: list[Row]) -> None:
    print("| folder | file | password | exit | seconds | coverage | message / problem | ok |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        cov = f"{r.coverage:.2%}" if r.coverage is not None else ""
        text = r.problem or r.message
        text = text.replace("|", "\\|")
        if len(text) > 220:
            text = text[:217] + "..."
        print(f"| {r.folder} | {r.file} | {'yes' if r.password else ''} | {r.code if r.code is not None else 'killed'} "
              f"| {r.seconds:.1f} | {cov} | {text} | {'ok' if r.ok else 'FAIL'} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path(os.environ.get("OLPARSE_REALPDFS", DEFAULT_CORPUS)),
                        help="the realpdfs folder (default: ../shared/realpdfs)")
    parser.add_argument("--only", choices=["nasty", "magazine"], help="check one folder")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per file (default 60)")
    parser.add_argument("--jobs", type=int, default=1, help="files run at once (timings are honest at 1)")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"skipped: the real-PDF corpus {args.root} is not here")
        return 0
    folders = [args.only] if args.only else ["nasty", "magazine"]
    with tempfile.TemporaryDirectory(prefix="olparse-realpdfs-") as tmp, \
            ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(lambda row: run_one(row, args.timeout, Path(tmp)), plan(args.root, folders)))
    print_table(rows)
    failed = [r for r in rows if not r.ok]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} runs passed"
          + (f"; failed: {', '.join(r.file for r in failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
