"""Folders of article files: .txt with a header block, .json, and saved .html pages.

Each file is checked before it is read (a device, pipe, link to nothing or an oversized file is
rejected by name), and a subfolder that cannot be read is rejected, never skipped unseen.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Iterator

from ..errors import Rejection
from .readers import (
    FOLDER_SUFFIXES,
    MAX_RECORD_BYTES,
    Item,
    article_from_record,
    dangling,
    has_surrogates,
    loads_record,
    not_readable,
    read_any,
    utf16_problem,
)


def read_folder(folder: Path) -> Iterator[tuple[Item, str, int | None]]:
    """Every .txt, .json, .html, .jsonl and .csv file below a folder, in name order.

    Subfolders that cannot be read and links to missing files are rejected by name rather than
    skipped, so nothing drops out of a batch unseen. Links to folders are followed once.
    """
    seen_dirs: set[str] = set()

    def walk(current: Path) -> Iterator[tuple[Item, str, int | None]]:
        real = os.path.realpath(current)
        if real in seen_dirs:
            return
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            yield Rejection(str(current), None, None, f"folder cannot be read ({exc.strerror}); fix its "
                            "permissions or leave it out"), str(current), None
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or entry.name.endswith(".meta.json"):
                continue
            if path.is_symlink() and not path.exists():
                if path.suffix.lower() in (".jsonl", ".csv", *FOLDER_SUFFIXES):
                    yield dangling(path), str(path), None
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                yield from walk(path)
            else:
                yield from read_any(path, named=False)

    yield from walk(folder)


TXT_FIXES = {
    "outlet": "start the file with header lines ('Outlet: ...', 'URL: ...', 'Title: ...', 'Published: ...'), "
              "a blank line, then the text; or put them in NAME.meta.json",
}
HTML_FIXES = {
    "outlet": "the page does not name its site (og:site_name); give it in NAME.meta.json, e.g. {\"outlet\": \"...\"}",
    "url": "the page does not give its address (a canonical link); give it in NAME.meta.json, e.g. {\"url\": \"...\"}",
    "published": "the page does not give its publication date; give it in NAME.meta.json, e.g. "
                 "{\"published\": \"2026-03-10\"}",
    "text": "no article text could be extracted from the page; save the article page itself, or give its text "
            "as .txt with a header",
}


def read_file(path: Path) -> Item:
    """One article from a .txt, .json or .html file."""
    where = str(path)
    problem = not_readable(path, whole=True)
    if problem is not None:
        return problem
    if has_surrogates(path.stem) or not path.stem.isprintable():
        return Rejection(where, None, None, "the file name is not valid UTF-8 or holds control characters, and it "
                         "becomes the article id; rename the file")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_RECORD_BYTES + 1)
    except OSError as exc:
        return Rejection(where, None, None, f"cannot be read ({exc.strerror})")
    if len(raw) > MAX_RECORD_BYTES:
        return Rejection(where, None, None, f"is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MB; trim it")
    problem_text = utf16_problem(raw)
    if problem_text:
        return Rejection(where, None, None, problem_text)
    try:
        content = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        return Rejection(where, None, None, f"is not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8")
    suffix = path.suffix.lower()
    fixes: dict[str, str] = {}
    if suffix == ".json":
        try:
            rec = loads_record(content)
        except json.JSONDecodeError as exc:
            return Rejection(where, exc.lineno, None, f"is not valid JSON ({exc.msg}); fix the syntax")
        except ValueError as exc:
            return Rejection(where, None, None, f"is not an article record (JSON that {exc}); "
                             "give one flat JSON object")
        rec = dict(rec) if isinstance(rec, dict) else rec
        if isinstance(rec, dict):
            rec.setdefault("id", path.stem)
    elif suffix == ".txt":
        rec = _parse_txt(content)
        rec["id"] = path.stem
        fixes = TXT_FIXES
    else:
        from .html import extract_html

        rec = extract_html(content)
        rec["id"] = path.stem
        fixes = HTML_FIXES
        if not rec.get("text"):
            return Rejection(where, None, "text", HTML_FIXES["text"])
    if isinstance(rec, dict):
        sidecar = _sidecar(path)
        if isinstance(sidecar, Rejection):
            return sidecar
        rec.update(sidecar)
    return article_from_record(rec, where, None, fixes=fixes)


def _parse_txt(content: str) -> dict:
    content = content.replace("\r\n", "\n").replace("\r", "\n")
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


def _sidecar(path: Path) -> dict | Rejection:
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.exists():
        return {}
    problem = not_readable(meta, whole=True)
    if problem is not None:
        return problem
    try:
        data = loads_record(meta.read_text("utf-8-sig"))
    except (OSError, ValueError) as exc:
        return Rejection(str(meta), None, None, f"is not valid JSON ({exc}); fix it or remove it")
    if not isinstance(data, dict):
        return Rejection(str(meta), None, None, f"must be a JSON object with any of outlet, url, title, published, "
                         f"language (got a {type(data).__name__}); fix it or remove it")
    return {k: v for k, v in data.items() if k in ("outlet", "url", "title", "published", "language")}
