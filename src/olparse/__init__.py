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
