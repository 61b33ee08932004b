"""Errors a user can act on: each names where the problem is and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


class ConsistencyError(Exception):
    """Base class for errors the CLI reports without a traceback."""


class StoreError(ConsistencyError):
    """The store cannot be opened or written."""


class InputError(ConsistencyError):
    """An input path cannot be read at all."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """One input record that was not ingested, and why."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        path = printable(self.path)
        where = path if self.line is None else f"{path}:{self.line}"
        what = f"'{printable(self.field)}' " if self.field else ""
        return f"{where}: {what}{printable(self.message)}"


def printable(text: str) -> str:
    """Text as one printable line: newlines, control characters and undecodable bytes escaped."""
    return "".join(ch if ch.isprintable() and not "\ud800" <= ch <= "\udfff" else ascii(ch)[1:-1] for ch in text)
