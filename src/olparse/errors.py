"""Exit codes and the exception family that the library raises.

The library raises; the command line maps each exception to its exit code and prints one line
(``olparse: <message> (<hint>)``) in one place, ``cli.handle_errors``. Each subclass carries its
own exit code and a remedy hint, so a user always learns what is wrong *and* what to do.
Subclasses also inherit the matching built-in exception where there is one
(``OptionsError`` is a ``ValueError``), so callers may catch either family.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``olparse`` command (documented in docs/errors.md)."""

    OK = 0
    CHECK_FAILED = 1
    BAD_ARGS = 2
    INPUT_FILE = 3
    NOT_A_PDF = 4
    CORRUPT_PDF = 5
    ENCRYPTED_PDF = 6
    NO_TEXT_LAYER = 7
    LIMIT_EXCEEDED = 8
    TIMEOUT = 9
    BACKEND = 10
    OUTPUT = 11
    OTHER = 15
    INTERRUPTED = 130


class OlparseError(Exception):
    """Base of every error olparse raises on purpose.

    Attributes:
        exit_code: what the CLI exits with.
        hint: one short sentence saying what the user can do about it.
    """

    exit_code: ExitCode = ExitCode.OTHER
    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None, page: int | None = None):
        super().__init__(message)
        self.message = message
        self.page = page
        if hint is not None:
            self.hint = hint

    def one_line(self) -> str:
        """The message and the remedy on a single line, as the CLI prints it."""
        text = " ".join(self.message.split())
        hint = " ".join(self.hint.split())
        return f"{text} ({hint})" if hint else text

    def __reduce__(self):
        """Pickle with the hint and page, so an error crosses the process boundary intact."""
        return (_rebuild, (type(self), self.message, self.hint, self.page))


def _rebuild(cls: type, message: str, hint: str, page: int | None) -> OlparseError:
    return cls(message, hint=hint, page=page)


class OptionsError(OlparseError, ValueError):
    """An option or argument has a value that cannot work."""

    exit_code = ExitCode.BAD_ARGS
    hint = "see `olparse --help` or docs/options.md"


class InputError(OlparseError, OSError):
    """The input cannot be read at all (missing, a folder, unreadable, empty)."""

    exit_code = ExitCode.INPUT_FILE
    hint = "check the path and that the file is readable"


class NotAPdfError(InputError):
    """The file's bytes are not a PDF (e.g. a JPEG renamed to .pdf)."""

    exit_code = ExitCode.NOT_A_PDF
    hint = "pass a PDF file; the first bytes of a PDF are %PDF-"


class CorruptPdfError(InputError):
    """The file starts like a PDF but cannot be repaired into readable pages."""

    exit_code = ExitCode.CORRUPT_PDF
    hint = "the file is damaged beyond repair; fetch a fresh copy or try `qpdf --repair`"


class EncryptedPdfError(InputError):
    """The PDF needs a password that was not given or is wrong."""

    exit_code = ExitCode.ENCRYPTED_PDF
    hint = "give the document's password with --password"


class NoTextLayerError(InputError):
    """No page of the document has a text layer (a scan without OCR)."""

    exit_code = ExitCode.NO_TEXT_LAYER
    hint = "run OCR first (e.g. `ocrmypdf in.pdf out.pdf`); olparse does not do OCR"


class LimitExceededError(OlparseError):
    """The input exceeds a configured page, size or object limit."""

    exit_code = ExitCode.LIMIT_EXCEEDED
    hint = "raise the limit (see docs/options.md) if the file is trusted"


class ParseTimeoutError(OlparseError, TimeoutError):
    """A page or the whole document took longer than the time limit."""

    exit_code = ExitCode.TIMEOUT
    hint = "raise --timeout if the file is trusted"


class BackendError(OlparseError):
    """The PDF backend failed in a way olparse could not recover from (no page could be read)."""

    exit_code = ExitCode.BACKEND
    hint = "try the other backend with --backend pdfplumber (or pymupdf)"


class OutputError(OlparseError, OSError):
    """The result could not be written."""

    exit_code = ExitCode.OUTPUT
    hint = "check that the output folder exists and is writable"


class SchemaError(OlparseError, ValueError):
    """A document does not validate against the published JSON schema."""

    exit_code = ExitCode.OTHER
    hint = "this is a bug in olparse; please report it with the input file"
