"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest


@pytest.fixture
def fake_extractor(monkeypatch):
    """Ingest extracts claims with the pattern-based fake of ``tests/fake_extract.py`` (no spaCy)."""
    import fake_extract

    fake_extract.install(monkeypatch)
    return fake_extract
