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


def environment_error(exc: BaseException) -> ConsistencyError | None:
    """A store or disk failure (disk full, damaged database, read-only folder) as one line with what
    to do; None for errors that are not of that kind."""
    import errno
    import sqlite3

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, sqlite3.DatabaseError):
        low = text.lower()
        if "full" in low:
            return StoreError(f"the disk holding the store is full ({text}); free space and rerun: "
                              "the store keeps everything committed before the failure")
        if "malformed" in low or "not a database" in low or "corrupt" in low:
            return StoreError(f"the store's database is damaged ({text}); restore consistency.sqlite from a "
                              "backup, or move the store aside and ingest again")
        if "disk i/o" in low:
            return StoreError(f"the store could not be written ({text}); check free space and the disk, then rerun: "
                              "the store keeps everything committed before the failure")
        if "readonly" in low or "read-only" in low or "unable to open" in low:
            return StoreError(f"the store cannot be written ({text}); check the folder's permissions and free space")
        if "locked" in low or "busy" in low:
            return StoreError(f"the store is busy ({text}); another process holds it, wait and rerun")
        return StoreError(f"the store failed ({text}); rerun, and if it persists check the disk")
    if isinstance(exc, OSError) and exc.errno is not None:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return StoreError(f"{where}the disk is full ({exc.strerror}); free space and rerun: "
                              "nothing committed before the failure is lost")
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StoreError(f"{where}cannot write ({exc.strerror}); check permissions, or choose another folder")
        if exc.errno == errno.EIO:
            return StoreError(f"{where}the disk reported an I/O error ({exc.strerror}); check the disk and rerun")
    return None


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
