"""Attributions carried by the layout of a line rather than by a verb.

- a headline "Sanders: Clinton needs to ..." (the first line, a short name before a colon);
- a Title Case headline "Hillary Clinton Slams Donald Trump On Abortion" (the verb read as a name);
- a transcript turn "PENCE: Well, look, ..." (a capitalised speaker opening a paragraph);
- a name opening a paragraph before a quotation, "Carl Bialik: “One of the ...”";
- a quotation signed after a dash, "“Maybe we can build a wall.” ― Steve Quinlan".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .features import lexicon_rate
from .spans import Frame

_HEADLINE = re.compile(r"([^\S\n]*)([A-Z][^:\n]{0,60}?)(:)[^\S\n]+(\S[^\n]*)")
_TURN = re.compile(r"^[\"“]?[^\S\n]*([A-Z][A-Z.'’ -]{1,40}[A-Z.])(:)[^\S\n]+(\S[^\n]*)", re.M)
_NAMED_QUOTE = re.compile(r"(?:^|[-–—][^\S\n]+)((?:[A-Z][\w.'’-]*[^\S\n]){0,3}[A-Z][\w.'’-]*)(:)[^\S\n]*([“\"][^\n]*)", re.M)
_SIGNED = re.compile(r"([“”\"][^\n“”\"]{10,}[”\"])[^\S\n]*([―—–])[^\S\n]*([A-Z][^\n“”\"]{1,50}?)[.\s]*$", re.M)
# words a headline prefix starts with when it is a topic, not a speaker
_NOT_SPEAKER = frozenset({"watch", "video", "update", "breaking", "exclusive", "analysis", "opinion",
                          "photos", "live", "read", "see", "note", "here", "why", "how", "what",
                          "the", "a", "an", "latest", "revealed", "bombshell", "byline", "on", "in"})


def _speaker_like(prefix: str) -> bool:
    """A headline prefix that names a speaker: a few capitalised words, not a shouted label."""
    words = prefix.split()
    if not 1 <= len(words) <= 4 or words[0].lower() in _NOT_SPEAKER or words[-1].lower() in _NOT_SPEAKER:
        return False
    if prefix.isupper() and len(prefix) > 3:
        return False
    return all(w[0].isupper() or w in ("and", "of", "at", "editorial", "de", "van", "von") for w in words)


def _span(doc: Doc, a: int, b: int) -> Span | None:
    return doc.char_span(a, b, alignment_mode="expand")


def _frame(doc: Doc, src: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]) -> Frame | None:
    s, c = _span(doc, *src), _span(doc, *cue)
    if s is None or c is None or content[1] - content[0] < 3:
        return None
    return Frame(cue, src, content, s.root, c.root)


def _content_end(text: str, a: int, b: int) -> int:
    """The end of a line's content, without a trailing full stop."""
    while b > a and text[b - 1] in " .\u00a0":
        b -= 1
    return b


def _cue_rate(word: str) -> float:
    """The lexicon rate of a headline word under its likely lemmas ("Slams" -> "slam")."""
    w = word.lower()
    forms = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w, w[:-1] if w.endswith("d") else w}
    return max(lexicon_rate(f) for f in forms)


def _title_case_headline(doc: Doc, text: str) -> Frame | None:
    """"Hillary Clinton Slams Donald Trump On Abortion": the parser reads the verb as a name."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    toks = [t for t in doc if t.idx < end and not t.is_space]
    words = [t for t in toks if t.is_alpha]
    if len(words) < 4 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
        return None
    for k, t in enumerate(toks[1:-1], start=1):
        if t.is_alpha and t.pos_ in ("PROPN", "VERB", "NOUN") and _cue_rate(t.text) >= 0.4:
            before, after = toks[:k], [x for x in toks[k + 1:] if not x.is_punct or x.text in "‘’'\"“”"]
            if not after or not all(x.text[0].isupper() for x in before if x.is_alpha):
                return None
            src = (before[0].idx, before[-1].idx + len(before[-1].text))
            content = (after[0].idx, _content_end(text, after[0].idx, end))
            return _frame(doc, src, (t.idx, t.idx + len(t.text)), content)
    return None


def line_frames(doc: Doc) -> list[Frame]:
    """Frames read off the layout: headlines, transcript turns, named and signed quotations."""
    text = doc.text
    out: list[Frame] = []
    first = _HEADLINE.match(text)
    prefix = first.group(2) if first else ""
    speaker = prefix.rsplit(" - ", 1)[-1].rsplit(" – ", 1)[-1].rsplit(" — ", 1)[-1]
    if first and _speaker_like(speaker):
        a, b = first.span(2)
        # "Pollsters agree - Carl Bialik: ..." names the speaker after the dash
        dash = max(text.rfind(d, a, b) for d in ("- ", "– ", "— "))
        fr = _frame(doc, (dash + 2 if dash >= 0 else a, b), first.span(3), (first.start(4), _content_end(text, first.start(4), first.end(4))))
        if fr is not None:
            out.append(fr)
    elif (fr := _title_case_headline(doc, text)) is not None:
        out.append(fr)
    for rx in (_TURN, _NAMED_QUOTE):
        for m in rx.finditer(text):
            if first and m.start(2) == first.start(3):
                continue
            fr = _frame(doc, m.span(1), m.span(2), (m.start(3), _content_end(text, m.start(3), m.end(3))))
            if fr is not None:
                out.append(fr)
    for m in _SIGNED.finditer(text):
        fr = _frame(doc, (m.start(3), _content_end(text, m.start(3), m.end(3))), m.span(2), m.span(1))
        if fr is not None:
            out.append(fr)
    seen: set[tuple[int, int]] = set()
    return [f for f in out if not (f.cue in seen or seen.add(f.cue))]
