"""Read articles from JSONL, CSV and folders of .txt/.json/.html files.

Every reader yields either an ``Article`` or a ``Rejection`` naming the file, line and
field with the fix, so one bad record never stops the rest of a batch.

Plain-text files start with a header block, then a blank line, then the text::

    Outlet: Baltic Wire
    URL: https://balticwire.example/summit
    Title: Summit opens in Riga
    Published: 2026-03-10T08:00:00+00:00

    The text of the article...

A ``NAME.meta.json`` file beside ``NAME.txt`` or ``NAME.html`` (with any of ``outlet``,
``url``, ``title``, ``published``) supplies or overrides the header.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import InputError, Rejection, printable
from ..records import Article


MAX_RECORD_BYTES = 10 * 1024 * 1024
# Longer texts are not news articles (100,000 characters is about 16,000 words; a long feature
# runs to 60,000) and would hold a batch for minutes; each is refused with a message instead.
# Shorter ones are parsed in parts, so their cost grows linearly with their length.
MAX_TEXT_CHARS = 100_000
EARLIEST_YEAR, LATEST_YEAR = 1800, 2200
REQUIRED = ("outlet", "url", "title", "published", "text")
FOLDER_SUFFIXES = (".txt", ".json", ".html", ".htm")

Item = Article | Rejection


@dataclass
class ReadResult:
    """Articles read from some paths, and the records rejected."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    origins: list[tuple[str, int | None]] = field(default_factory=list)  # (file, line) of each article

    def origin(self, i: int) -> tuple[str, int | None]:
        """The file and line the i-th article was read from."""
        return self.origins[i] if i < len(self.origins) else ("", None)


def read_paths(paths: Iterable[str | Path]) -> ReadResult:
    """Read every article from files and folders; unreadable records become rejections."""
    result = ReadResult()
    for item, where, line in _located(paths):
        if isinstance(item, Rejection):
            result.rejected.append(item)
        else:
            result.articles.append(item)
            result.origins.append((where, line))
    return result


def _located(paths: Iterable[str | Path]) -> Iterator[tuple[Item, str, int | None]]:
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            if path.is_symlink():
                yield dangling(path), str(path), None
                continue
            raise InputError(f"{printable(str(path))}: no such file or folder")
        if path.is_dir():
            from .files import read_folder

            yield from read_folder(path)
        else:
            yield from read_any(path, named=True)


def read_any(path: Path, *, named: bool) -> Iterator[tuple[Item, str, int | None]]:
    """The records of one file, each with its file and line; other suffixes are rejected when ``named``."""
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv", *FOLDER_SUFFIXES):
        if named:
            yield Rejection(str(path), None, None, "unknown format; use .jsonl, .csv, or a folder of "
                            ".txt/.json/.html files"), str(path), None
        return
    problem = not_readable(path, whole=suffix in FOLDER_SUFFIXES)
    if problem is not None:
        yield problem, str(path), None
    elif suffix == ".jsonl":
        yield from ((item, str(path), line) for item, line in _jsonl_items(path))
    elif suffix == ".csv":
        from .csv_rows import csv_items

        yield from ((item, str(path), line) for item, line in csv_items(path))
    else:
        from .files import read_file

        yield read_file(path), str(path), None


def dangling(path: Path) -> Rejection:
    """The rejection of a link whose target does not exist."""
    return Rejection(str(path), None, None, "is a link to a file that does not exist; fix or remove the link")


def not_readable(path: Path, *, whole: bool) -> Rejection | None:
    """Why a file cannot be read as input (not a regular file, too large to be one article), or None."""
    import stat

    try:
        st = path.stat()
    except FileNotFoundError:
        return dangling(path)
    except OSError as exc:
        return Rejection(str(path), None, None, f"cannot be read ({exc.strerror}); fix its permissions")
    if not stat.S_ISREG(st.st_mode):
        return Rejection(str(path), None, None, "is not a regular file (a device, pipe or socket); "
                         "give the path of a saved file")
    if whole and st.st_size > MAX_RECORD_BYTES:
        return Rejection(str(path), None, None, f"is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MB "
                         f"({st.st_size // (1024 * 1024)} MB); one article per file, trim it")
    if not os.access(path, os.R_OK):
        return Rejection(str(path), None, None, "cannot be read (permission denied); fix its permissions")
    return None


# -- records -> Article -------------------------------------------------------------

def parse_published(value: object) -> datetime:
    """Parse an ISO 8601 date or datetime; naive values are taken as UTC."""
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        dt = datetime.fromisoformat(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt


def normalise_url(url: str) -> str:
    """A URL key that ignores scheme, 'www.', trailing slashes, fragments and tracking parameters."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. an unbalanced '[' in the host: keep the URL as its own key
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")))
    return urlunsplit(("", host, parts.path.rstrip("/"), query, ""))


FIXES = {
    "text": "the article has no text; give its full text",
    "published": "give the publication date in ISO 8601, e.g. 2026-03-10 or 2026-03-10T08:00:00+00:00",
}


def article_from_record(rec: dict, where: str, line: int | None, *, fixes: dict[str, str] | None = None) -> Item:
    """Validate one record (a dict of fields) and build its Article."""
    if not isinstance(rec, dict):
        return Rejection(where, line, None, "is not an object; each record must be a JSON object with "
                         "outlet, url, title, published and text")
    fixes = {**FIXES, **(fixes or {})}
    for name in REQUIRED:
        value = rec.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if name == "title" and isinstance(rec.get("text"), str) and rec["text"].strip():
                continue  # a missing title is taken from the first line of the text
            return Rejection(where, line, name, "is missing or empty; " + fixes.get(name, f"add the '{name}' field"))
        if not isinstance(value, str):
            return Rejection(where, line, name, f"must be text (got {type(value).__name__})")
    for name in ("id", "outlet", "url", "title", "text", "language", "published"):
        value = rec.get(name)
        if isinstance(value, str) and has_surrogates(value):
            return Rejection(where, line, name, "holds a lone surrogate or undecodable bytes, which is not text; "
                             "re-encode the input as UTF-8")
    if rec.get("id") is not None and not isinstance(rec["id"], (str, int)):
        return Rejection(where, line, "id", f"must be text or a number (got {type(rec['id']).__name__})")
    try:
        published = parse_published(rec["published"])
    except (ValueError, TypeError, OverflowError):
        shown_value = str(rec["published"])[:40]
        return Rejection(where, line, "published", f'is not a date (got "{shown_value}"); use ISO 8601, e.g. 2026-03-10')
    if not EARLIEST_YEAR <= published.year <= LATEST_YEAR:
        return Rejection(where, line, "published", f"is in the year {published.year}, outside {EARLIEST_YEAR}-"
                         f"{LATEST_YEAR}; check the year")
    text = _clean_text(rec["text"])
    if not text:
        return Rejection(where, line, "text", "is missing or empty; " + fixes["text"])
    if len(text) > MAX_TEXT_CHARS:
        return Rejection(where, line, "text", f"is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} an article "
                         "may have; split it into separate articles")
    title = (rec.get("title") or text.split("\n", 1)[0][:120]).strip()
    url = rec["url"].strip()
    art_id = str(rec.get("id") or "").strip() or derive_id(rec["outlet"], url, text)
    language = str(rec.get("language") or "en")
    return Article(id=art_id, outlet=rec["outlet"].strip(), url=url, title=title,
                   published=published, text=text, language=language)


def derive_id(outlet: str, url: str, text: str) -> str:
    """A stable id for records that bring none: outlet slug plus a hash of URL and text."""
    slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")[:24] or "article"
    return f"{slug}-{hashlib.sha1((url + chr(0) + text).encode()).hexdigest()[:10]}"


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\x00", "")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def has_surrogates(text: str) -> bool:
    """Whether text holds lone surrogates (undecodable bytes or a broken \\ud800 escape)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def utf16_problem(head: bytes, *, binary: bool = True) -> str | None:
    """A message when a file's first bytes show it is UTF-16 or UTF-32 (or, with ``binary``, any NUL bytes)."""
    head = head[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) == 4 and (
            head[0::2] == b"\x00\x00" or head[1::2] == b"\x00\x00")):
        return "is UTF-16 (or UTF-32) encoded; re-encode the file as UTF-8"
    if binary and b"\x00" in head:
        return "is a binary file (it holds NUL bytes), not text; give the article as UTF-8 text"
    return None


def loads_record(text: str) -> object:
    """json.loads that turns nesting too deep for the parser into a ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nests too deeply") from None


# -- JSONL ----------------------------------------------------------------------------

def iter_lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """Lines of a file as bytes; an over-long line yields None without being held in memory."""
    with open(path, "rb") as fh:
        lineno = 0
        while True:
            chunk = fh.readline(MAX_RECORD_BYTES + 1)
            if not chunk:
                return
            lineno += 1
            if len(chunk) > MAX_RECORD_BYTES and not chunk.endswith(b"\n"):
                while chunk and not chunk.endswith(b"\n"):
                    chunk = fh.readline(1 << 20)
                yield lineno, None
                continue
            yield lineno, chunk


def read_jsonl(path: Path) -> Iterator[Item]:
    """One JSON object per line."""
    for item, _ in _jsonl_items(path):
        yield item


def _jsonl_items(path: Path) -> Iterator[tuple[Item, int]]:
    where = str(path)
    for lineno, raw in iter_lines(path):
        if raw is None:
            yield Rejection(where, lineno, None, f"line is longer than {MAX_RECORD_BYTES // (1024 * 1024)} MB; "
                            "split the article or trim its text"), lineno
            continue
        if lineno == 1:
            # A UTF-16 file shows NUL bytes in its first characters; a NUL elsewhere spoils one line only.
            problem = utf16_problem(raw, binary=False) if b"\x00" in raw[:8] else None
            if problem:
                yield Rejection(where, None, None, problem), lineno
                return
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(where, lineno, None,
                            f"is not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8"), lineno
            continue
        if not line.strip():
            continue
        try:
            rec = loads_record(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, lineno, None, f"is not valid JSON ({exc.msg} at column {exc.colno}); "
                            "write one JSON object per line"), lineno
            continue
        except ValueError as exc:
            yield Rejection(where, lineno, None, f"is not an article record (JSON that {exc}); "
                            "write one flat JSON object per line"), lineno
            continue
        yield article_from_record(rec, where, lineno), lineno
