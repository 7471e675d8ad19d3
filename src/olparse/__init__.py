"""olparse: magazine print PDFs to clean, structured JSON.

Public API::

    import olparse
    doc = olparse.parse("issue.pdf")          # -> Document
    print(doc.to_json())
    print(olparse.extract_text("issue.pdf"))  # clean reading-order text
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import ExitCode, OlparseError  # noqa: E402

__all__ = ["ExitCode", "OlparseError", "__version__"]

from .options import Options  # noqa: E402
from .pipeline import parse  # noqa: E402


def extract_text(path, options=None, **overrides) -> str:
    """Clean reading-order text of a magazine PDF (what ``olparse text`` prints)."""
    return parse(path, options, **overrides).to_text()


__all__ += ["Options", "parse", "extract_text"]
