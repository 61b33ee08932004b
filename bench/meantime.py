"""Reading MEANTIME (NewsReader, English Wikinews) CAT files as TimeML documents.

A CAT file lists tokens (``<token t_id sentence>``) and, among its markables, TIMEX3s that point
at tokens (``<token_anchor t_id>``). The text is rebuilt from the tokens (a space between tokens
except before closing punctuation and after opening, a line break after the title). The dateline
under the title is the document's creation time: it gives the reference date and, as TimeML keeps
its DCT outside ``<TEXT>``, it is left out of the text and of the gold. TIMEX3s with no tokens
(values the annotators inferred, with ``TAG_DESCRIPTOR``) are not in the text and are skipped.
MEANTIME annotates only the title, the dateline and the first sentences of each article (up to
sentence 5, sentence 6 in one file), so the text ends after the last sentence that was annotated:
sentence 5, or a later one that holds a markable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from bench.timeml import GoldTimex, TimeMLDoc

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
_ANNOTATED = 5  # the last sentence MEANTIME's annotators read in every article
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _creation(timexes: list[ET.Element], sentence_of: dict[str, int]) -> ET.Element | None:
    """The TIMEX3 of the dateline: marked CREATION_TIME, else a full date alone in sentence 1."""
    for t in timexes:
        if t.get("functionInDocument") == "CREATION_TIME" and t.findall("token_anchor"):
            return t
    for t in timexes:
        ids = [a.get("t_id", "") for a in t.findall("token_anchor")]
        if ids and all(sentence_of.get(i) == 1 for i in ids) and _DAY.fullmatch(t.get("value", "")):
            return t
    return None


def _day(value: str, path: str | Path) -> date:
    """The creation day; one file writes it day first (DD-MM-YYYY), as its dateline confirms."""
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value)
    if m:
        value = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"{path}: creation time {value!r} is not a day; write it YYYY-MM-DD") from None


def read_cat(path: str | Path) -> TimeMLDoc:
    """Parse one MEANTIME CAT file into the same record ``read_timeml`` gives."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    sentence_of = {tid: s for tid, s, _ in tokens}
    timexes = list(root.iter("TIMEX3"))
    anchored = [sentence_of.get(a.get("t_id", ""), 0) for a in root.iter("token_anchor")]
    last = max([_ANNOTATED, *anchored])
    tokens = [t for t in tokens if t[1] <= last]
    dct_timex = _creation(timexes, sentence_of)
    if dct_timex is None:
        raise ValueError(f"{path}: no creation-time TIMEX3 and no dated line under the title; "
                         "give the document a CREATION_TIME TIMEX3")
    dct = _day(dct_timex.get("value", ""), path)
    dct_ids = {a.get("t_id") for a in dct_timex.findall("token_anchor")}
    dateline = {s for tid, s, _ in tokens if tid in dct_ids}
    # drop the dateline only when it holds nothing but the date (and its punctuation)
    drop = {s for s in dateline
            if all(tid in dct_ids or not any(ch.isalnum() for ch in w) for tid, s2, w in tokens if s2 == s)}
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    parts: list[str] = []
    length = 0
    prev: tuple[int, str] | None = None
    for tid, s, word in tokens:
        if s in drop:
            continue
        if prev is not None:
            if s != prev[0] and prev[0] == 0:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or prev[1] in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        starts[tid] = length
        parts.append(word)
        length += len(word)
        ends[tid] = length
        prev = (s, word)
    text = "".join(parts)
    gold = []
    for t in timexes:
        ids = [a.get("t_id", "") for a in t.findall("token_anchor")]
        if t is dct_timex or not ids or not all(i in starts for i in ids):
            continue
        s, e = min(starts[i] for i in ids), max(ends[i] for i in ids)
        gold.append(GoldTimex(s, e, text[s:e], t.get("type", ""), t.get("value", ""), t.get("mod") or None))
    gold.sort(key=lambda g: g.start)
    return TimeMLDoc(str(path), dct, text, tuple(gold))


def iter_cat(root: str | Path) -> list[TimeMLDoc]:
    """Every MEANTIME ``*.xml`` file under ``root``, sorted by path."""
    return [read_cat(p) for p in sorted(Path(root).rglob("*.xml"))]
