"""The ``olparse`` command line.

Every command calls the library and lets ``handle_errors`` turn an ``OlparseError`` into one
line on stderr and its documented exit code (docs/errors.md). ``--debug`` shows tracebacks;
nothing else does. Results go to stdout or ``-o FILE`` (written atomically: a failed run never
leaves a half-written file); logs and progress go to stderr.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .errors import ExitCode, OlparseError, OutputError

BACKEND_CHOICE = click.Choice(["pymupdf", "pdfplumber"])


class Context:
    """What every command shares: whether to show tracebacks."""

    def __init__(self, debug: bool = False):
        self.debug = debug


@contextlib.contextmanager
def handle_errors(debug: bool) -> Iterator[None]:
    """Map exceptions to one stderr line and an exit code; tracebacks only with ``--debug``."""
    try:
        yield
    except OlparseError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"olparse: error: {exc.one_line()}", err=True)
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        click.echo("olparse: interrupted", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
        raise
    except Exception as exc:  # a bug: still one line, with a pointer to --debug
        if debug:
            traceback.print_exc()
        click.echo(f"olparse: internal error: {type(exc).__name__}: {exc} "
                   "(run again with --debug for the traceback, and please report it)", err=True)
        sys.exit(int(ExitCode.OTHER))


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout when no file (or ``-``) is given."""
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
        return
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(Exception):
            os.unlink(tmp)
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="olparse")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn magazine print PDFs into clean text and structured JSON."""
    ctx.obj = Context(debug=debug)


@cli.command("repair-text")
@click.argument("dump", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here instead of stdout.")
@click.option("--audit", type=click.Path(dir_okay=False),
              help="Also write every line-end hyphen decision (raw form, result, rule) as JSON.")
@click.pass_obj
def repair_text_cmd(obj: Context, dump: str, output: str | None, audit: str | None) -> None:
    """Repair a plain-text dump with print line breaks: one paragraph per output line.

    Joins lines, removes typesetting hyphens (keeping real ones such as AI-data and
    suspended compounds such as "Børne- og"), and rebuilds paragraphs.
    """
    with handle_errors(obj.debug):
        from .repair import read_dump, repair_dump
        text = read_dump(dump)
        result = repair_dump(text)
        write_output(result.text, output)
        if audit:
            import json
            write_output(json.dumps([d.to_dict() for d in result.decisions], ensure_ascii=False, indent=1), audit)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``olparse`` script."""
    cli.main(args=argv, prog_name="olparse")


if __name__ == "__main__":
    main()
