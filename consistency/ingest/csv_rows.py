"""CSV articles, read as a stream: a header row, then one article per row.

A quote that is never closed would otherwise swallow every later row into one field; here
that row is rejected by line and reading resumes on the line after it. Memory stays within
one record however large the file.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

from ..errors import Rejection
from .readers import MAX_RECORD_BYTES, Item, article_from_record, iter_lines, utf16_problem

COLUMNS = ("id", "outlet", "url", "title", "published", "text")
NEEDED = ("outlet", "url", "published", "text")


class _LineTooLong(Exception):
    def __init__(self, lineno: int) -> None:
        self.lineno = lineno


def _lines(path: Path, start: int) -> Iterator[str]:
    """Decoded lines from line ``start`` (1-based) on; undecodable bytes become surrogates."""
    for lineno, raw in iter_lines(path):
        if lineno < start:
            continue
        if raw is None:
            raise _LineTooLong(lineno)
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        yield raw.decode("utf-8", errors="surrogateescape")


def csv_items(path: Path) -> Iterator[tuple[Item, int]]:
    """Articles and rejections of a CSV file, each with the line its record starts on."""
    where = str(path)
    with open(path, "rb") as fh:
        problem = utf16_problem(fh.read(4))
    if problem:
        yield Rejection(where, None, None, problem), 1
        return
    csv.field_size_limit(MAX_RECORD_BYTES)
    try:
        header = next(csv.reader(_lines(path, 1)), None)
    except (csv.Error, _LineTooLong):
        header = None
    missing = [f for f in NEEDED if f not in (header or [])]
    if header is None or missing:
        yield Rejection(where, 1, None, f"header lacks {', '.join(missing or NEEDED)}; the first row must name the "
                        f"columns {', '.join(COLUMNS)}"), 1
        return
    line = 2
    while True:
        reader = csv.reader(_lines(path, line), strict=True)
        base = line - 1  # reader.line_num counts from here
        start = line
        try:
            for row in reader:
                start = line
                line = base + reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                yield _row_item(row, header, where, start), start
            return
        except _LineTooLong as exc:
            yield Rejection(where, start, None, f"line {exc.lineno} is longer than "
                            f"{MAX_RECORD_BYTES // (1024 * 1024)} MB; split the article or trim its text"), start
            line = exc.lineno + 1
        except csv.Error as exc:
            start = line
            if "end of data" in str(exc) or "field larger" in str(exc):
                # The record opens a quote that is never closed (or runs past the record limit):
                # everything after it would be read into one field.
                yield Rejection(where, start, None, "opens a quoted field that is never closed, so every later "
                                "line would be read into it; close the quote (and double any quote inside it)"), start
                line = start + 1
            else:
                row, end = _lenient_row(path, start)
                if row is not None and end == start:  # a stray quote inside a one-line record: keep it
                    yield _row_item(row, header, where, start), start
                    line = end + 1
                else:
                    # A quote that closes lines later, in the middle of a field: the lines between
                    # are likely rows of their own, so only this line is rejected.
                    yield Rejection(where, start, None, "opens a quoted field that does not close where the field "
                                    f"ends ({exc}); close the quote, and double any quote inside it"), start
                    line = start + 1


def _lenient_row(path: Path, start: int) -> tuple[list[str] | None, int]:
    """The record at ``start`` read without strict quoting (a stray quote inside a field is kept)."""
    reader = csv.reader(_lines(path, start))
    try:
        row = next(reader, None)
    except (csv.Error, _LineTooLong):
        return None, start
    return row, start + max(reader.line_num, 1) - 1


def _row_item(row: list[str], header: list[str], where: str, start: int) -> Item:
    if len(row) > len(header):
        return Rejection(where, start, None, "has more fields than the header; quote fields that hold commas")
    rec = dict(zip(header, row))
    for name in header[len(row):]:
        rec.setdefault(name, None)
    bad = [k for k, v in rec.items() if isinstance(v, str) and any("\udc80" <= ch <= "\udcff" for ch in v)]
    if bad:
        return Rejection(where, start, bad[0], "holds bytes that are not valid UTF-8; re-encode the file as UTF-8")
    return article_from_record(rec, where, start)
