"""Read the ECB+ corpus layout (one tokenised XML article per file) into plain-text articles.

The layout is ``<dir>/<topic>/<topic>_<n>ecb.xml`` and ``..._<n>ecbplus.xml``; each file holds
``<token t_id sentence number>`` elements. Newer ("ecbplus") files carry the page address they
were found at, tokenised, as sentence 0; it is split off into ``url``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_FILE = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
_NO_SPACE_BEFORE = {
    ".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "...", "'s", "'S", "n't", "'re", "'m",
    "'ve", "'ll", "'d", "''", "”", "’s",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘", "#"}
_CLITIC = re.compile(r"^(?:'|’)(?:s|re|m|ve|ll|d)$", re.IGNORECASE)
_URLISH = re.compile(r"^(?:https?|www)\b|://|\.(?:com|org|net|co\.uk|html?)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EcbDoc:
    """One ECB+ article as readable text."""

    doc_id: str  # file stem, e.g. "1_10ecbplus"
    topic: int
    subtopic: str  # "ecb" or "ecbplus": two different events of the same topic
    text: str
    sentences: list[str]
    title: str
    url: str = ""


def detokenize(tokens: list[str]) -> str:
    """Join word tokens into text with conventional spacing around punctuation and quotes."""
    out: list[str] = []
    quote_open = {'"': False, "'": False}
    glue_next = False
    for i, tok in enumerate(tokens):
        text = tok
        space = bool(out) and not glue_next
        glue_next = False
        if tok == "``":
            text, glue_next = '"', True
        elif tok == "''":
            text = '"'
            space = False
        elif tok in ('"', "'"):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            closing = quote_open[tok] or not nxt or nxt in _NO_SPACE_BEFORE or (
                bool(out) and out[-1][-1:] in ".,!?;"
            )
            if closing:
                space = False
            else:
                glue_next = True
            quote_open[tok] = not closing
        elif tok == ":" and out and out[-1][-1:].isdigit() and i + 1 < len(tokens) \
                and tokens[i + 1][:1].isdigit():
            space, glue_next = False, True  # "4 : 59" -> "4:59"
        elif tok in _NO_SPACE_BEFORE or _CLITIC.match(tok):
            space = False
        elif tok in ("’", "‘") and out and i + 1 < len(tokens) and tokens[i + 1].isalpha() and \
                len(tokens[i + 1]) <= 2 and tokens[i + 1].islower():
            space = False  # "Lohan ’ s" -> "Lohan’s"
            glue_next = True
        elif tok == "’":
            space = False
        elif tok in ("-", "/", "_") and out and i + 1 < len(tokens):
            prev, nxt = out[-1], tokens[i + 1]
            # "90 - day", "court - mandated", "a / b": glue; "Rehab - Access Hollywood": keep
            if prev[-1:].isalnum() and (nxt[:1].islower() or nxt[:1].isdigit() or tok != "-"):
                space, glue_next = False, True
        if tok in _NO_SPACE_AFTER:
            glue_next = True
        elif len(tok) > 1 and tok[0] in "\"'" and tok.count(tok[0]) % 2 == 1:
            quote_open[tok[0]] = True  # a quote fused to a word ('"While') opens a quotation
        elif len(tok) > 1 and tok[-1] in "\"'" and tok.count(tok[-1]) % 2 == 1:
            quote_open[tok[-1]] = False
        if space:
            out.append(" ")
        out.append(text)
    return "".join(out)


_DATELINE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:last|updated|published|posted|at|on|"
    r"am|pm|a\.m|p\.m|gmt|est|edt|pst|pdt|bst|ist|utc|by|the|white|house)\b|\d+",
    re.IGNORECASE,
)


def _is_dateline(sentence: str) -> bool:
    """A line such as "May 2, 2013, 1:12 PM" or "Last updated at 11:11 GMT": no headline."""
    rest = re.findall(r"[^\W\d_]{2,}", _DATELINE_WORDS.sub(" ", sentence))
    return len(rest) < 2 or len(sentence.split()) < 3


def _is_url_sentence(tokens: list[str]) -> bool:
    joined = "".join(tokens)
    return bool(_URLISH.search(joined)) and " " not in joined and len(tokens) > 3


def read_ecbplus_file(path: Path) -> EcbDoc:
    """Read one ECB+ XML file."""
    path = Path(path)
    m = _FILE.match(path.name)
    if not m:
        raise ValueError(f"{path}: not an ECB+ file name (expected <topic>_<n>ecb[plus].xml)")
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        num = int(tok.get("number", "0"))
        by_sentence.setdefault(sent, []).append((num, tok.text or ""))
    token_lists = [[t for _, t in sorted(by_sentence[s]) if t] for s in sorted(by_sentence)]
    token_lists = [t for t in token_lists if t]
    url = ""
    if token_lists and _is_url_sentence(token_lists[0]):
        url = "".join(token_lists.pop(0))
    sentences = [detokenize(t) for t in token_lists]
    title = next((s for s in sentences if not _is_dateline(s)), sentences[0] if sentences else "")
    if len(title) > 200:
        title = title[:200].rsplit(" ", 1)[0] + "…"
    return EcbDoc(
        doc_id=path.stem,
        topic=int(m.group(1)),
        subtopic=m.group(3),
        text="\n".join(sentences),
        sentences=sentences,
        title=title,
        url=url,
    )


def read_ecbplus(dir: Path, topics: range | None = None) -> list[EcbDoc]:
    """All articles under an ECB+ folder (``dir`` or ``dir/ECB+``), optionally only some topics."""
    root = Path(dir)
    if (root / "ECB+").is_dir():
        root = root / "ECB+"
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no ECB+ folder here (expected <dir>/<topic>/*.xml)")
    wanted = set(topics) if topics is not None else None
    docs: list[EcbDoc] = []
    for path in sorted(root.glob("*/*.xml")):
        m = _FILE.match(path.name)
        if not m or (wanted is not None and int(m.group(1)) not in wanted):
            continue
        docs.append(read_ecbplus_file(path))
    docs.sort(key=lambda d: (d.topic, d.subtopic, _doc_number(d.doc_id)))
    return docs


def _doc_number(doc_id: str) -> int:
    m = re.match(r"^\d+_(\d+)", doc_id)
    return int(m.group(1)) if m else 0
