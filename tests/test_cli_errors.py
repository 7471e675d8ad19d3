"""The command line on bad input: one line on stderr, a documented exit code, no partial output.

Runs the CLI in process (click's ``CliRunner``) over every reproduction in tests/robustness/,
checks ``--debug`` (before and after the subcommand), the limit options, atomic writing, and one
real subprocess run. ``docs/errors.md`` must document every exit code.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from olparse import cli as cli_module
from olparse.cli import cli, handle_errors, write_output
from olparse.document import validate_document
from olparse.errors import ExitCode, OutputError
from robustness.make_cases import CASES, USER_PASSWORD, path_of

ROOT = Path(__file__).resolve().parent.parent
SLOW_CASES = {"glyph_flood.pdf"}


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def assert_one_error_line(result, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith("olparse: error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.mark.parametrize("case", [c for c in CASES if c.name not in SLOW_CASES], ids=lambda c: c.name)
def test_every_case_exits_with_its_code(case, tmp_path):
    out = tmp_path / "out.json"
    result = run("parse", path_of(case.name), "-o", out, "--quiet")
    if case.exit_code:
        assert_one_error_line(result, case.exit_code)
        assert not out.exists(), "a failed run must not leave an output file"
        assert list(tmp_path.iterdir()) == [], "no temporary file may be left behind"
        return
    assert result.exit_code == 0, result.stderr
    validate_document(json.loads(out.read_text("utf-8")))
    assert result.stderr == ""


def test_password_right_and_wrong(tmp_path):
    path = path_of("encrypted_aes256.pdf")
    line = assert_one_error_line(run("parse", path, "--password", "nope"), ExitCode.ENCRYPTED_PDF)
    assert "wrong password" in line and "--password" in line
    result = run("parse", path, "--password", USER_PASSWORD, "-o", tmp_path / "o.json")
    assert result.exit_code == 0
    assert json.loads((tmp_path / "o.json").read_text("utf-8"))["source"]["pages"] == 1


def test_text_command_reports_the_same_way():
    assert_one_error_line(run("text", path_of("jpeg_named.pdf")), ExitCode.NOT_A_PDF)
    result = run("text", path_of("clean.pdf"))
    assert result.exit_code == 0 and "tillid" in result.stdout


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback_before_or_after_the_subcommand(where):
    args = ["parse", path_of("jpeg_named.pdf")]
    args = ["--debug", *args] if where == "before" else [*args, "--debug"]
    result = run(*args)
    assert result.exit_code == ExitCode.NOT_A_PDF
    assert "Traceback (most recent call last)" in result.stderr
    assert "NotAPdfError" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("olparse: error: ")


def test_internal_error_is_one_line_pointing_at_debug(monkeypatch):
    import olparse.pipeline

    def broken(*args, **kwargs):
        raise ValueError("something\nunexpected")

    monkeypatch.setattr(olparse.pipeline, "parse", broken)
    result = run("parse", path_of("clean.pdf"))
    assert result.exit_code == ExitCode.OTHER
    lines = stderr_lines(result)
    assert lines == ["olparse: internal error: ValueError: something unexpected "
                     "(run again with --debug for the traceback, and please report it)"]
    assert "Traceback" in run("parse", path_of("clean.pdf"), "--debug").stderr


@pytest.mark.parametrize("exc, code, text", [
    (KeyboardInterrupt(), ExitCode.INTERRUPTED, "olparse: interrupted"),
    (MemoryError(), ExitCode.LIMIT_EXCEEDED, "out of memory"),
    (RecursionError("deep"), ExitCode.CORRUPT_PDF, "nests objects too deeply"),
    (OutputError("x.json: cannot be written (disk full)"), ExitCode.OUTPUT, "disk full"),
])
def test_handle_errors_maps_exceptions_to_codes(exc, code, text, capsys):
    with pytest.raises(SystemExit) as info:
        with handle_errors(debug=False):
            raise exc
    assert info.value.code == code
    err = capsys.readouterr().err
    assert text in err and len(err.strip().splitlines()) == 1


def test_broken_pipe_is_an_output_error(capsys, monkeypatch):
    monkeypatch.setattr(cli_module.os, "dup2", lambda *a: None)  # leave pytest's stdout alone
    with pytest.raises(SystemExit) as info:
        with handle_errors(debug=False):
            raise BrokenPipeError(32, "Broken pipe")
    assert info.value.code == ExitCode.OUTPUT
    assert "stdout was closed" in capsys.readouterr().err


def test_limit_options_reach_the_library_and_time_out_cleanly(tmp_path):
    out = tmp_path / "o.json"
    result = run("parse", path_of("glyph_flood.pdf"), "--page-timeout", "1", "-o", out)
    line = assert_one_error_line(result, ExitCode.TIMEOUT)
    assert "longer than the limit of 1 s" in line and "--page-timeout" in line
    assert not out.exists()


@pytest.mark.parametrize("args", [["--timeout", "0"], ["--page-timeout", "-2"], ["--memory-limit", "10"],
                                  ["--pages", "0"], ["--max-pages", "0"]])
def test_bad_limit_values_are_usage_errors(args):
    result = run("parse", path_of("clean.pdf"), *args)
    assert result.exit_code == ExitCode.BAD_ARGS
    assert "Traceback" not in result.stderr


def test_build_options_takes_the_stored_limits(tmp_path):
    result = run("parse", path_of("clean.pdf"), "--timeout", "50", "--page-timeout", "5",
                 "--memory-limit", "512", "-o", tmp_path / "o.json")
    assert result.exit_code == 0
    seen = {}

    def spy(pdf, opts, quiet):
        seen.update(timeout=opts.timeout, page_timeout=opts.page_timeout, memory=opts.memory_limit_mb)
        raise KeyboardInterrupt

    original = cli_module.run_parse
    cli_module.run_parse = spy
    try:
        run("parse", path_of("clean.pdf"), "--timeout", "50", "--page-timeout", "5", "--memory-limit", "512")
    finally:
        cli_module.run_parse = original
    assert seen == {"timeout": 50.0, "page_timeout": 5.0, "memory": 512}


# ------------------------------------------------------------------------------ writing output
def test_failed_run_keeps_the_previous_output(tmp_path):
    out = tmp_path / "issue.json"
    out.write_text("previous result", "utf-8")
    assert_one_error_line(run("parse", path_of("header_only.pdf"), "-o", out), ExitCode.CORRUPT_PDF)
    assert out.read_text("utf-8") == "previous result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["issue.json"]


def test_output_is_never_written_over_a_pdf(tmp_path):
    target = tmp_path / "issue.pdf"
    target.write_bytes(path_of("clean.pdf").read_bytes())
    line = assert_one_error_line(run("parse", target, "-o", target), ExitCode.OUTPUT)
    assert "does not overwrite PDFs" in line
    assert target.read_bytes() == path_of("clean.pdf").read_bytes()


def test_a_folder_given_as_the_pdf_gets_a_remedy_that_names_only_real_commands(tmp_path):
    """The hint once sent users to ``olparse batch``, a command that does not exist."""
    import re
    line = assert_one_error_line(run("parse", tmp_path, "-q"), ExitCode.INPUT_FILE)
    assert "is a folder" in line
    named = set(re.findall(r"olparse (\w[\w-]*)", line))
    assert named and named <= set(cli.commands), named


def test_output_folder_must_exist(tmp_path):
    line = assert_one_error_line(run("parse", path_of("clean.pdf"), "-o", tmp_path / "no" / "o.json"),
                                 ExitCode.OUTPUT)
    assert "does not exist" in line


def test_written_file_is_complete_and_has_normal_permissions(tmp_path):
    target = tmp_path / "o.txt"
    write_output("hello\n", str(target))
    assert target.read_text("utf-8") == "hello\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_files_are_written_in_place_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text("utf-8")), daemon=True)
    reader.start()
    write_output("through the pipe\n", str(fifo))
    reader.join(10)
    assert got == ["through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the pipe must not be replaced by a regular file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_interrupted_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "o.txt"

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output("x" * 10_000, str(target))
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------ real process
def test_subprocess_run_prints_one_line_and_json_on_stdout():
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    bad = subprocess.run([sys.executable, "-m", "olparse", "parse", str(path_of("jpeg_named.pdf"))],
                         capture_output=True, text=True, timeout=120, env=env)
    assert bad.returncode == ExitCode.NOT_A_PDF
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1
    good = subprocess.run([sys.executable, "-m", "olparse", "parse", str(path_of("bad_zlib.pdf")), "--compact"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert good.returncode == 0, good.stderr
    assert good.stderr == ""
    validate_document(json.loads(good.stdout))


# ------------------------------------------------------------------------------ documentation
def test_docs_list_every_exit_code():
    text = (ROOT / "docs" / "errors.md").read_text("utf-8")
    for code in ExitCode:
        assert f"| {int(code)} | `{code.name}` |" in text, code


# ------------------------------------------------------------------------------ the corpus script
def run_script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_realpdfs.py"), *args],
                          capture_output=True, text=True, timeout=300)


def test_corpus_script_skips_cleanly_without_the_corpus(tmp_path):
    result = run_script("--root", str(tmp_path / "absent"))
    assert result.returncode == 0
    assert result.stdout.startswith("skipped:")


def test_corpus_script_judges_a_small_corpus(tmp_path):
    for folder, names in {"nasty": ["jpeg_named.pdf", "header_only.pdf", "clean.pdf"],
                          "magazine": ["clean.pdf"]}.items():
        (tmp_path / folder).mkdir()
        for name in names:
            (tmp_path / folder / name).write_bytes(path_of(name).read_bytes())
    result = run_script("--root", str(tmp_path), "--jobs", "2")
    assert result.returncode == 0, result.stdout
    assert "4 of 4 runs passed" in result.stdout
    assert "| nasty | jpeg_named.pdf |  | 4 |" in result.stdout
    assert "| magazine | clean.pdf |  | 0 |" in result.stdout and "100.00%" in result.stdout
    (tmp_path / "magazine" / "broken.pdf").write_bytes(b"%PDF-1.4\nnothing\n")
    result = run_script("--root", str(tmp_path), "--only", "magazine")
    assert result.returncode == 1
    assert "a magazine file must parse" in result.stdout


def test_every_command_takes_debug_after_its_name(tmp_path):
    for name, command in cli.commands.items():
        assert any("--debug" in p.opts for p in command.params if hasattr(p, "opts")), name
    result = run("repair-text", tmp_path / "missing.txt", "--debug")
    assert result.exit_code == ExitCode.INPUT_FILE
    assert "Traceback (most recent call last)" in result.stderr
