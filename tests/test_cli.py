"""The command line on a bundled fixture: what a user types in the README's quick start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from olparse.cli import cli
from olparse.document import validate_document

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "gen-clean.pdf"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_parse_writes_schema_valid_json(tmp_path):
    out = tmp_path / "issue.json"
    result = run("parse", str(FIXTURE), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_document(data)
    assert data["source"]["file"] == "gen-clean.pdf"
    assert [a["title"] for a in data["articles"]][0] == "Tillid er ikke en kuponordning"


def test_parse_to_stdout_is_pure_json():
    result = run("parse", str(FIXTURE), "--compact", "-q")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"].startswith("1.")


def test_text_prints_paragraphs_in_reading_order_without_furniture():
    result = run("text", str(FIXTURE), "-q")
    assert result.exit_code == 0
    text = result.stdout
    first = text.index("Tillid er ikke en kuponordning")  # the cover's teasers come before it
    assert first < text.index("Kunstig intelligens flytter grænserne", first)
    assert text.startswith("Offentlig Ledelse\n")  # the cover (no article) is text too
    assert "Offentlig Ledelse 01/2024" not in text  # running footers stay out
    assert "\u00ad" not in text and "ﬁ" not in text


def test_both_backends_print_the_same_text():
    a = run("text", str(FIXTURE), "-q").stdout
    b = run("text", str(FIXTURE), "-q", "--backend", "pdfplumber").stdout
    assert a == b


def test_pages_option_limits_the_parse():
    result = run("parse", str(FIXTURE), "--pages", "3", "-q")
    data = json.loads(result.stdout)
    assert [p["pdf"] for p in data["pages"]] == [3]
    assert [a["title"] for a in data["articles"]] == ["Tillid er ikke en kuponordning"]


def test_schema_command_prints_the_published_schema():
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "articles" in schema["properties"]


def test_repair_text_joins_print_lines(tmp_path):
    dump = tmp_path / "dump.txt"
    dump.write_text("Det er en grundlæg-\ngende opgave for AI-\ndata og Børne-\nog Ungeforvaltningen.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    result = run("repair-text", str(dump), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == \
        "Det er en grundlæggende opgave for AI-data og Børne- og Ungeforvaltningen.\n"


def test_module_entry_point_runs_in_a_subprocess():
    proc = subprocess.run([sys.executable, "-m", "olparse", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "olparse" in proc.stdout


def test_the_command_keeps_pymupdfs_optional_layout_package_out():
    """``pymupdf_layout`` (pulled in by a fresh PyMuPDF install) costs ~0.45 s per run and
    changes process-wide text settings; the command never loads it, and PyMuPDF still works."""
    import subprocess

    code = ("import sys\n"
            "from olparse.cli import skip_pymupdf_extras\n"
            "skip_pymupdf_extras()\n"
            "import pymupdf\n"
            "assert sys.modules.get('pymupdf.layout') is None, 'layout package was imported'\n"
            "assert sys.modules.get('pymupdf4llm') is None, 'pymupdf4llm was imported'\n"
            "doc = pymupdf.open()\n"
            "doc.new_page().insert_text((50, 50), 'tekst')\n"
            "assert 'tekst' in doc[0].get_text()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_the_check_command_is_imported_only_when_it_runs():
    """``olparse text`` and ``parse`` do not pay for the scorer behind ``olparse check``; the
    command list and ``check`` itself still work."""
    code = ("import sys; from olparse.cli import cli; "
            "print('olparse.check' in sys.modules, 'olparse.evaluate' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "False"]
    listing = CliRunner().invoke(cli, ["--help"])
    assert listing.exit_code == 0 and "check" in listing.output
    usage = CliRunner().invoke(cli, ["check", "--help"])
    assert usage.exit_code == 0 and "--debug" in usage.output and "--min-similarity" in usage.output
