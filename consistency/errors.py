"""Errors a user can act on: each names where the problem is and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


class ConsistencyError(Exception):
    """Base class for errors the CLI reports without a traceback."""


class StoreError(ConsistencyError):
    """The store cannot be opened or written."""


class InputError(ConsistencyError):
    """An input path cannot be read at all."""


class ModelError(ConsistencyError, ValueError):
    """A shipped model file is missing or was written for other code."""


class UsageError(ConsistencyError, ValueError):
    """A request that cannot be served as given: an empty query, an unknown embedder."""


class NotFoundError(ConsistencyError):
    """An id (of a flag, a claim) that the store does not hold."""


@dataclass(frozen=True, slots=True)
class Rejection:
    """One input record that was not ingested, and why."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = f"'{self.field}' " if self.field else ""
        return f"{where}: {what}{self.message}"
