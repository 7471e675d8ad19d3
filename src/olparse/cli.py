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
    """What every command shares: whether to show tracebacks, and limits given as options."""

    def __init__(self, debug: bool = False):
        self.debug = debug
        self.limits: dict[str, object] = {}


@contextlib.contextmanager
def handle_errors(debug: bool) -> Iterator[None]:
    """Map exceptions to one stderr line and an exit code; tracebacks only with ``--debug``.

    The one place where exceptions become exit codes (docs/errors.md lists them all).
    """
    try:
        yield
    except OlparseError as exc:
        fail(exc.one_line(), exc.exit_code, debug)
    except KeyboardInterrupt:
        fail("interrupted", ExitCode.INTERRUPTED, debug, prefix="olparse: ")
    except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
        raise
    except BrokenPipeError:  # stdout closed early (`olparse text x.pdf | head`)
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        fail("stdout was closed before all output was written", ExitCode.OUTPUT, debug)
    except MemoryError:
        fail("out of memory (try a smaller --pages range, or raise --memory-limit)",
             ExitCode.LIMIT_EXCEEDED, debug)
    except RecursionError:
        fail("the file nests objects too deeply to read (it may be crafted to crash readers)",
             ExitCode.CORRUPT_PDF, debug)
    except Exception as exc:  # a bug: still one line, with a pointer to --debug
        text = " ".join(str(exc).split())[:300]
        fail(f"{type(exc).__name__}: {text} (run again with --debug for the traceback, and please report it)",
             ExitCode.OTHER, debug, prefix="olparse: internal error: ")


def fail(message: str, code: ExitCode, debug: bool, prefix: str = "olparse: error: ") -> None:
    """Print one line (and the traceback with ``--debug``) and exit with ``code``."""
    if debug:
        traceback.print_exc()
    click.echo(f"{prefix}{message}", err=True)
    sys.exit(int(code))


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout when no file (or ``-``) is given.

    The text goes to a temporary file in the same folder, is flushed to disk and then renamed
    over ``output``, so a failed or interrupted run leaves either the old file or none, never a
    half-written one. A PDF is never overwritten (``-o`` pointing at the input is a typo); a
    device or pipe (``-o /dev/null``) is written in place.
    """
    if output in (None, "-"):
        click.echo(text, nl=not text.endswith("\n"))
        return
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder", hint="give a file name with -o")
    if target.exists() and not target.is_file():  # /dev/null, a FIFO: write through, never replace
        write_special(text, target)
        return
    if looks_like_pdf(target):
        raise OutputError(f"{target}: is a PDF; olparse does not overwrite PDFs with its output",
                          hint="choose another file name with -o")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from exc
        raise


def write_special(text: str, target: Path) -> None:
    """Write to a device or pipe in place (renaming over it would replace the device node)."""
    try:
        with target.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise OutputError(f"{target}: cannot be written ({exc.strerror or exc})") from exc


def looks_like_pdf(path: Path) -> bool:
    """True when ``path`` is an existing file that starts with the PDF header."""
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class LazyGroup(click.Group):
    """A command group that imports a command's module only when that command runs.

    ``olparse check`` builds on the scorer (``evaluate``, ``rapidfuzz``): importing it for every
    ``olparse text`` cost about a tenth of the command's start-up.
    """

    #: Command name -> (module, attribute) of the click command.
    LAZY = {"check": ("olparse.check", "check_cmd")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.LAZY))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LAZY and name not in self.commands:
            import importlib
            module, attr = self.LAZY[name]
            self.add_command(getattr(importlib.import_module(module), attr), name)
            accept_debug_everywhere(self)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="olparse")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn magazine print PDFs into clean text and structured JSON."""
    ctx.obj = Context(debug=debug)


def common_options(func):
    """Options every PDF command takes.

    ``--debug`` is accepted here too (after the subcommand), and the limits (``--timeout``,
    ``--page-timeout``, ``--memory-limit``) are stored in the shared ``Context`` by their
    callbacks, so the commands' signatures stay short; ``build_options`` picks them up.
    """
    func = click.option("--backend", type=BACKEND_CHOICE, default="pymupdf", show_default=True,
                        help="PDF library to read the file with.")(func)
    func = click.option("--password", default=None, help="Password of an encrypted PDF.")(func)
    func = click.option("--pages", "pages", default=None, metavar="LIST",
                        help="Only these pages, e.g. 1,3-5 (1-based).")(func)
    func = click.option("--max-pages", type=click.IntRange(min=1), default=None,
                        help="Refuse PDFs with more pages than this (default 2000).")(func)
    func = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                        metavar="SECONDS", expose_value=False, callback=_store_limit("timeout"),
                        help="Give up (exit 9) when reading the PDF takes longer than this.")(func)
    func = click.option("--page-timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                        metavar="SECONDS", expose_value=False, callback=_store_limit("page_timeout"),
                        help="Seconds one page may take (default 30); slower pages are laid out "
                             "in plain stream order or left out, with a warning.")(func)
    func = click.option("--memory-limit", type=click.IntRange(min=64), default=None, metavar="MIB",
                        expose_value=False, callback=_store_limit("memory_limit_mb"),
                        help="Memory the page reader may use, in MiB (default 2048; Linux only).")(func)
    func = click.option("--debug", is_flag=True, expose_value=False, callback=_set_debug,
                        help="Show full tracebacks on errors.")(func)
    func = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(func)
    return func


def _store_limit(name: str):
    """A click callback that keeps an option's value in the shared ``Context``."""
    def store(ctx: click.Context, param: click.Parameter, value: object) -> None:
        obj = ctx.find_object(Context)
        if obj is not None and value is not None:
            obj.limits[name] = value
    return store


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    obj = ctx.find_object(Context)
    if obj is not None and value:
        obj.debug = True


def accept_debug_everywhere(group: click.Group) -> None:
    """Give every subcommand without ``common_options`` a ``--debug`` too (``olparse schema --debug``)."""
    for command in group.commands.values():
        if not any("--debug" in getattr(p, "opts", ()) for p in command.params):
            command.params.append(click.Option(["--debug"], is_flag=True, expose_value=False,
                                               callback=_set_debug, help="Show full tracebacks on errors."))


def build_options(backend: str, password: str | None, pages: str | None, max_pages: int | None):
    """``Options`` from the command's arguments and the limits stored by ``common_options``."""
    from .options import Options, parse_page_spec
    values = {"backend": backend, "password": password,
              "pages": parse_page_spec(pages) if pages else None}
    if max_pages:
        values["max_pages"] = max_pages
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(Context) if ctx is not None else None
    if obj is not None:
        values.update(obj.limits)
    return Options.resolve(values)


@contextlib.contextmanager
def progress_bar(enabled: bool, label: str) -> Iterator:
    """A page progress bar on stderr when it is a terminal; a no-op callback otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    state: dict = {}

    def update(done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
            state["bar"] = bar
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def run_parse(pdf: str, opts, quiet: bool):
    from .pipeline import parse
    with progress_bar(not quiet, "pages") as update:
        return parse(pdf, opts, progress=update)


@cli.command("parse")
@click.argument("pdf", type=click.Path(dir_okay=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the JSON here (atomically) instead of stdout.")
@click.option("--compact", is_flag=True, help="JSON on one line.")
@common_options
@click.pass_obj
def parse_cmd(obj: Context, pdf: str, output: str | None, compact: bool, backend: str,
              password: str | None, pages: str | None, max_pages: int | None, quiet: bool) -> None:
    """Parse a magazine PDF into structured JSON (schema: `olparse schema`)."""
    with handle_errors(obj.debug):
        doc = run_parse(pdf, build_options(backend, password, pages, max_pages), quiet)
        write_output(doc.to_json(indent=None if compact else 1, validate=True) + "\n", output)


@cli.command("text")
@click.argument("pdf", type=click.Path(dir_okay=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the text here (atomically) instead of stdout.")
@common_options
@click.pass_obj
def text_cmd(obj: Context, pdf: str, output: str | None, backend: str, password: str | None,
             pages: str | None, max_pages: int | None, quiet: bool) -> None:
    """Print the clean reading-order text of a magazine PDF, one paragraph per line."""
    with handle_errors(obj.debug):
        doc = run_parse(pdf, build_options(backend, password, pages, max_pages), quiet)
        write_output(doc.to_text(), output)
        report_warnings(doc)


def report_warnings(doc) -> None:
    """Plain text has no room for warnings: name them on stderr, one line per kind."""
    counts: dict[str, int] = {}
    for w in doc.warnings:
        counts[w.code] = counts.get(w.code, 0) + 1
    for code, n in sorted(counts.items()):
        example = next(w for w in doc.warnings if w.code == code)
        where = f" (page {example.page})" if example.page else ""
        more = f" [{n} pages]" if n > 1 else ""
        click.echo(f"olparse: warning: {code}: {example.message}{where}{more}", err=True)


@cli.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema that every `olparse parse` output follows."""
    import json
    from .document import load_schema
    click.echo(json.dumps(load_schema(), ensure_ascii=False, indent=2))


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


accept_debug_everywhere(cli)  # last, when every command is registered (``check`` when it is loaded)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``olparse`` script."""
    skip_pymupdf_extras()
    cli.main(args=argv, prog_name="olparse")


#: Optional packages PyMuPDF imports whenever they are installed, and olparse never uses.
PYMUPDF_EXTRAS = ("pymupdf.layout", "pymupdf4llm")


def skip_pymupdf_extras() -> None:
    """Keep PyMuPDF from importing its optional layout packages in the command's process.

    PyMuPDF imports ``pymupdf.layout`` and ``pymupdf4llm`` whenever they are installed (a fresh
    install of PyMuPDF 2 pulls both in): ONNX models and numpy, about 0.7 s and 90 MB on every
    run, and they change process-wide text settings. olparse never uses them. Marking the
    modules as absent before PyMuPDF is first imported makes those imports fail quietly, as
    PyMuPDF allows. Only the command does this: a program that imports olparse as a library
    keeps its own choice.
    """
    if "pymupdf" not in sys.modules:
        for name in PYMUPDF_EXTRAS:
            sys.modules.setdefault(name, None)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
