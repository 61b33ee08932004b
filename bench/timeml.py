"""Reading TimeML (``*.tml``) files: document date, plain text and gold TIMEX3 spans."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3 with offsets into the stripped document text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A TimeML document: its creation date, the stripped ``<TEXT>`` and the gold timexes."""

    path: str
    dct: date
    text: str
    timexes: tuple[GoldTimex, ...]


def _attrs(s: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(s)}


def read_timeml(path: str | Path) -> TimeMLDoc:
    """Parse one TimeML file; offsets are relative to the content of its ``<TEXT>`` element."""
    raw = Path(path).read_text(encoding="utf-8")
    m = _DCT.search(raw)
    if not m:
        raise ValueError(f"{path}: no <DCT><TIMEX3 ...> found")
    dct = date.fromisoformat(_attrs(m.group(1))["value"][:10])
    i = raw.find("<TEXT>")
    j = raw.rfind("</TEXT>")
    if i < 0 or j < 0:
        raise ValueError(f"{path}: no <TEXT> element")
    body = raw[i + len("<TEXT>") : j]
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos : t.start()])
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs, selfclose = t.groups()
        if name != "TIMEX3":
            continue
        if closing:
            s, a = open_timex.pop()
            gold.append(GoldTimex(s, length, "", a.get("type", ""), a.get("value", ""), a.get("mod")))
        elif not selfclose:
            open_timex.append((length, _attrs(attrs)))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    gold = [GoldTimex(g.start, g.end, text[g.start : g.end], g.type, g.value, g.mod) for g in gold]
    gold.sort(key=lambda g: g.start)
    return TimeMLDoc(str(path), dct, text, tuple(gold))


def iter_timeml(root: str | Path) -> list[TimeMLDoc]:
    """Every ``*.tml`` file under ``root``, sorted by path."""
    return [read_timeml(p) for p in sorted(Path(root).rglob("*.tml"))]
