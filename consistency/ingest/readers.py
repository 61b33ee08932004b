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

import csv
import hashlib
import io
import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import InputError, Rejection
from ..records import Article

logger = logging.getLogger(__name__)

MAX_RECORD_BYTES = 10 * 1024 * 1024
REQUIRED = ("outlet", "url", "title", "published", "text")
FOLDER_SUFFIXES = (".txt", ".json", ".html", ".htm")

Item = Article | Rejection


@dataclass
class ReadResult:
    """Articles read from some paths, and the records rejected."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def read_paths(paths: Iterable[str | Path]) -> ReadResult:
    """Read every article from files and folders; unreadable records become rejections."""
    result = ReadResult()
    for item in iter_paths(paths):
        if isinstance(item, Rejection):
            result.rejected.append(item)
        else:
            result.articles.append(item)
    return result


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Item]:
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            yield from read_folder(path)
        elif path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path)
        elif path.suffix.lower() == ".csv":
            yield from read_csv(path)
        elif path.suffix.lower() in FOLDER_SUFFIXES:
            yield read_file(path)
        else:
            yield Rejection(str(path), None, None,
                            "unknown format; use .jsonl, .csv, or a folder of .txt/.json/.html files")


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
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")))
    return urlunsplit(("", host, parts.path.rstrip("/"), query, ""))


def article_from_record(rec: dict, where: str, line: int | None) -> Item:
    """Validate one record (a dict of fields) and build its Article."""
    if not isinstance(rec, dict):
        return Rejection(where, line, None, "is not an object; each record must be a JSON object with "
                         "outlet, url, title, published and text")
    for name in REQUIRED:
        value = rec.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if name == "title" and isinstance(rec.get("text"), str) and rec["text"].strip():
                continue  # a missing title is taken from the first line of the text
            fix = {"text": "the article has no text; give its full text",
                   "published": "give the publication date in ISO 8601, e.g. 2026-03-10 or 2026-03-10T08:00:00+00:00"}
            return Rejection(where, line, name, "is missing or empty; " + fix.get(name, f"add the '{name}' field"))
        if name != "published" and not isinstance(value, str):
            return Rejection(where, line, name, f"must be text (got {type(value).__name__})")
    try:
        published = parse_published(rec["published"])
    except (ValueError, TypeError):
        shown = str(rec["published"])[:40]
        return Rejection(where, line, "published", f'is not a date (got "{shown}"); use ISO 8601, e.g. 2026-03-10')
    text = _clean_text(rec["text"])
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
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# -- JSONL ----------------------------------------------------------------------------

def _iter_lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
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
    for lineno, raw in _iter_lines(path):
        if raw is None:
            yield Rejection(str(path), lineno, None,
                            f"line is longer than {MAX_RECORD_BYTES // (1024 * 1024)} MB; split the article or trim its text")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(str(path), lineno, None,
                            f"is not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(str(path), lineno, None, f"is not valid JSON ({exc.msg} at column {exc.colno}); "
                            "write one JSON object per line")
            continue
        yield article_from_record(rec, str(path), lineno)


# -- CSV ------------------------------------------------------------------------------

def read_csv(path: Path) -> Iterator[Item]:
    """A header row naming the fields, then one article per row (quoted fields may span lines)."""
    csv.field_size_limit(MAX_RECORD_BYTES)
    data = path.read_bytes().decode("utf-8", errors="surrogateescape").lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(data, newline=""))
    missing = [f for f in ("outlet", "url", "published", "text") if f not in (reader.fieldnames or [])]
    if missing:
        yield Rejection(str(path), 1, None, f"header lacks {', '.join(missing)}; the first row must name the "
                        "columns id, outlet, url, title, published, text")
        return
    while True:
        start_line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(str(path), start_line, None, f"cannot be parsed as CSV ({exc}); check quoting")
            continue
        bad = [k for k, v in row.items() if isinstance(v, str) and _has_surrogates(v)]
        if bad:
            yield Rejection(str(path), start_line, bad[0], "holds bytes that are not valid UTF-8; "
                            "re-encode the file as UTF-8")
            continue
        if None in row:
            yield Rejection(str(path), start_line, None, "has more fields than the header; quote fields that hold commas")
            continue
        yield article_from_record(row, str(path), start_line)


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


# -- folders --------------------------------------------------------------------------

def read_folder(folder: Path) -> Iterator[Item]:
    """Every .txt, .json, .html, .jsonl and .csv file below a folder, in name order."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.endswith(".meta.json") or path.name.startswith("."):
            continue
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from read_jsonl(path)
        elif suffix == ".csv":
            yield from read_csv(path)
        elif suffix in FOLDER_SUFFIXES:
            yield read_file(path)


def read_file(path: Path) -> Item:
    """One article from a .txt, .json or .html file."""
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Rejection(where, None, None, f"cannot be read ({exc.strerror})")
    if len(raw) > MAX_RECORD_BYTES:
        return Rejection(where, None, None, f"is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MB; trim it")
    try:
        content = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        return Rejection(where, None, None, f"is not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            rec = json.loads(content)
        except json.JSONDecodeError as exc:
            return Rejection(where, exc.lineno, None, f"is not valid JSON ({exc.msg}); fix the syntax")
        rec = dict(rec) if isinstance(rec, dict) else rec
        if isinstance(rec, dict):
            rec.setdefault("id", path.stem)
    elif suffix == ".txt":
        rec = _parse_txt(content)
        rec["id"] = path.stem
    else:
        from .html import extract_html

        rec = extract_html(content)
        rec["id"] = path.stem
    if isinstance(rec, dict):
        rec.update(_sidecar(path))
    return article_from_record(rec, where, None)


def _parse_txt(content: str) -> dict:
    header, sep, body = content.partition("\n\n")
    rec: dict = {}
    lines = header.splitlines()
    if sep and lines and all(re.match(r"^[A-Za-z][\w ]*:", ln) for ln in lines):
        for ln in lines:
            key, _, value = ln.partition(":")
            rec[key.strip().lower()] = value.strip()
        rec["text"] = body
    else:
        rec["text"] = content
    return rec


def _sidecar(path: Path) -> dict:
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    try:
        data = json.loads(meta.read_text("utf-8"))
    except (OSError, ValueError):
        logger.warning("%s: sidecar is not valid JSON; ignored", meta)
        return {}
    return {k: v for k, v in data.items() if k in ("outlet", "url", "title", "published", "language")}
