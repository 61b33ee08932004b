"""Ingest: read articles from JSONL, CSV and folders of .txt/.json/.html files (HTML via trafilatura)."""

from .readers import ReadResult, normalise_url, read_paths

__all__ = ["ReadResult", "normalise_url", "read_paths"]
