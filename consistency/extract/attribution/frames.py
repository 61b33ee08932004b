"""Attribution extraction: who said what, how, and through which channel.

The span tagger (``models/attribution_tagger.npz``) tags cue, source and content spans over the
whole article and ``assemble`` groups its spans into frames, joined by the line-layout frames
(headlines, transcript turns and signed quotes, ``lines``) wherever nothing tagged sits on their
cue; a report nested inside a quotation is left as part of the quoted content.

``source_span`` points at the mention in the text (the pronoun, when ``source`` was resolved
from one, with the pronoun kept in ``resolved_from``); an attribution with no stated source
("it was reported that") has ``source`` "" and kind "anonymous".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...errors import ModelError
from ...lexicon import ANON_HEADS, ANON_MARKERS, CHANNEL_NOUNS, WRITTEN_CHANNELS
from ...records import Attribution
from .assemble import assemble
from .lines import line_frames
from .quotes import quote_spans
from .spans import Frame, doc_text
from .tagger import TAGGER_PATH, load_tagger

_WORD = re.compile(r"\w+")
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "his", "their", "who", "which", "that"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
SOCIAL = frozenset({"x", "twitter", "facebook", "telegram", "instagram", "truth", "social", "weibo", "vk", "tiktok"})


def _quote_kind(content: tuple[int, int], quotes: list[tuple[int, int]], text: str = "",
                frame: tuple[tuple[int, int] | None, ...] = ()) -> str:
    a, b = content
    inside = [q for q in quotes if q[0] < b and q[1] > a]
    if not inside:
        return "indirect"
    if any(q[0] <= a + 1 and q[1] >= b - 1 for q in inside):
        return "direct"
    # quotations either side of their own frame ("“X,” he said. “Y.”") are still direct
    if text:
        covered = [q for q in inside] + [f for f in frame if f]
        words = [m.start() + a for m in _WORD.finditer(text[a:b])]
        if words and all(any(x <= w < y for x, y in covered) for w in words):
            return "direct"
    return "mixed"


def source_name(span: Span) -> str:
    """The speaker's name in a source mention: without the possessive mark the span keeps ("the
    mayor's" plan is the mayor's), so one speaker reads the same across the story."""
    if len(span) > 1 and span[-1].dep_ == "case":
        span = span[:-1]
    return span.text


def _source_kind(span: Span) -> str:
    low = span.text.lower()
    head = span.root
    if len(span) == 1 and head.lower_ in PRONOUNS:
        return "pronoun"
    if any(m in low for m in ANON_MARKERS):
        return "anonymous"
    ents = [e for e in span.ents]
    if any(e.label_ == "PERSON" for e in ents):
        return "named"
    # "Russian officials said" names a body but not a speaker
    if head.lemma_.lower() in ANON_HEADS or head.lower_ in ANON_HEADS:
        return "anonymous"
    if any(e.label_ in ORG_LABELS for e in ents):
        return "organisation"
    if head.pos_ == "PROPN":
        return "named"
    return "organisation"


def _channel(cue: Token) -> tuple[str, tuple[int, int]] | None:
    """The outlet or medium a cue went through: "told TASS", "in an interview with Reuters"."""
    for c in cue.children:
        if cue.lemma_ == "tell" and c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.ent_type_ in ORG_LABELS):
            sub = list(c.subtree)
            return c.doc[sub[0].i: sub[-1].i + 1].text, (sub[0].idx, sub[-1].idx + len(sub[-1].text))
        if c.dep_ != "prep" or c.lower_ not in ("in", "on", "to", "during"):
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        lem = pobj.lemma_.lower()
        if c.lower_ in ("in", "during") and lem in CHANNEL_NOUNS:
            with_ = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ == "with"), None)
            inner = next((g for g in with_.children if g.dep_ == "pobj"), None) if with_ is not None else None
            if inner is not None:
                sub = [t for t in inner.subtree if t.dep_ not in ("det", "poss")] or [inner]
                return cue.doc[sub[0].i: sub[-1].i + 1].text, (sub[0].idx, sub[-1].idx + len(sub[-1].text))
            name = "statement" if lem in WRITTEN_CHANNELS else lem
            return name, (pobj.idx, pobj.idx + len(pobj.text))
        if c.lower_ == "on":
            sub = [t for t in pobj.subtree if t.dep_ not in ("det", "poss")] or [pobj]
            text = cue.doc[sub[0].i: sub[-1].i + 1].text
            if text.lower() in SOCIAL or pobj.lower_ in SOCIAL:
                return "statement", (sub[0].idx, sub[-1].idx + len(sub[-1].text))
            if pobj.pos_ in ("PROPN", "NOUN"):
                return text, (sub[0].idx, sub[-1].idx + len(sub[-1].text))
        if c.lower_ == "to" and cue.lemma_ == "say" and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ORG_LABELS):
            return pobj.text, (pobj.idx, pobj.idx + len(pobj.text))
    return None


def _antecedent(doc: Doc, before: int, named: list[tuple[int, str]]) -> str | None:
    """The closest preceding person: an earlier named source or a PERSON entity."""
    best: tuple[int, str] | None = None
    for pos, name in named:
        if pos < before and (best is None or pos > best[0]):
            best = (pos, name)
    # a speaker quoted in the last few sentences beats any person merely mentioned
    if best is not None and before - best[0] < 600:
        return best[1]
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.end_char <= before and (best is None or ent.start_char > best[0]):
            best = (ent.start_char, ent.text)
    return best[1] if best else None


def _frames(doc: Doc, quotes: list[tuple[int, int]]) -> list[Frame]:
    tagger = load_tagger()
    if tagger is None:
        raise ModelError(f"{TAGGER_PATH}: the attribution tagger is missing; reinstall the package")
    frames = assemble(doc, tagger.tag(doc, quotes), quotes)
    # The tagger seldom tags a cue that is only layout (a headline's or a transcript turn's
    # colon, a signing dash); those frames come from the line rules, where nothing tagged sits.
    for fr in line_frames(doc):
        a, b = fr.cue
        if not any(s[0] < b and a < s[1] for f in frames for s in (f.cue, f.source, f.content) if s):
            frames.append(fr)
    return sorted(frames, key=lambda f: f.content[0])


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in an article's doc, in text order."""
    text = doc_text(doc)
    quotes = quote_spans(text)
    out: list[Attribution] = []
    named: list[tuple[int, str]] = []
    for fr in _frames(doc, quotes):
        content = fr.content
        kind = _quote_kind(content, quotes, text, (fr.cue, fr.source))
        source, source_kind, resolved = "", "anonymous", None
        if fr.source_tok is not None and fr.source is not None:
            span = doc.char_span(*fr.source, alignment_mode="expand")
            source = source_name(span)
            source_kind = _source_kind(span)
            rel = fr.source_tok
            if rel.lower_ in ("who", "which", "that") and rel.head.dep_ == "relcl":
                noun = rel.head.head
                head_toks = [t for t in noun.subtree if t.i <= noun.i or t.dep_ in ("compound", "flat")]
                named_span = doc[head_toks[0].i: noun.i + 1]
                source, source_kind, resolved = named_span.text, _source_kind(named_span), span.text
            elif source_kind == "pronoun" and span.root.lower_ in PERSON_PRONOUNS:
                name = _antecedent(doc, fr.source[0], named)
                if name is not None:
                    source, source_kind, resolved = name, "named", span.text
            if source_kind == "named":
                named.append((fr.source[0], source))
        ch = _channel(fr.cue_tok)
        out.append(Attribution(
            source=source,
            source_kind=source_kind,
            cue=text[fr.cue[0]:fr.cue[1]],
            content=text[content[0]:content[1]],
            quote=kind,
            channel=ch[0] if ch else None,
            source_span=fr.source,
            cue_span=fr.cue,
            content_span=content,
            channel_span=ch[1] if ch else None,
            resolved_from=resolved,
        ))
    # quotations that run on are already grouped with their cue by ``assemble``
    return out
