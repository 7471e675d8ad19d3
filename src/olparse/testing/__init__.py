"""Deterministic magazine PDFs with ground truth, for olparse's tests and fixtures.

>>> from olparse.testing import generate, random_spec
>>> issue = generate(random_spec(7, n_articles=1))
>>> issue.pdf_bytes[:5], sorted(issue.truth)[:3]
(b'%PDF-', ['articles', 'front_matter', 'furniture'])

``generate(spec)`` returns a :class:`GeneratedIssue` (``.pdf_bytes``, ``.truth``);
``random_spec(seed, **overrides)`` draws a small random :class:`Spec` for property tests.
Needs ``pyphen`` (the ``test`` extra) for hyphenation.
"""

from .generator import Features, GeneratedIssue, Spec, generate, random_spec

__all__ = ["Features", "GeneratedIssue", "Spec", "generate", "random_spec"]
