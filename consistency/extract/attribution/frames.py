"""Attribution extraction: who said what, how, and through which channel.

When the span tagger ships (``models/attribution_tagger.npz``), it tags cue, source and content
spans over the whole article and ``attribution_assemble`` groups its spans into frames, joined
by the line-layout frames (below) wherever nothing tagged sits on their cue. Without it, the
rules alone decide: a small linear model scores every candidate token as a cue (trained on
PolNeAR by ``scripts/train_attribution.py``); the source and content of each cue are read off
the dependency parse, widened to the quotation they sit in, and quotes that run on into the
next sentences stay with the same speaker. Headlines, transcript turns and signed quotes are
read off the line layout (``attribution_lines``); a report nested inside a quotation is left as
part of the quoted content.

``source_span`` points at the mention in the text (the pronoun, when ``source`` was resolved
from one, with the pronoun kept in ``resolved_from``); an attribution with no stated source
("it was reported that") has ``source`` "" and kind "anonymous".
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ...records import Attribution
from .assemble import assemble
from .features import cue_probability, cue_threshold, is_candidate, unsourced_threshold
from .lines import line_frames
from .quotes import quote_spans, widen_to_quote
from .spans import Frame, doc_text, frame_at
from .tagger import load_tagger

_WORD = re.compile(r"\w+")
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "his", "their", "who", "which", "that"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
ANON_HEADS = frozenset(
    """source sources official officials aide aides person people insider insiders diplomat
    diplomats spokesperson spokesman spokeswoman adviser advisers advisor advisors
    representative representatives staffer staffers member members expert experts
    analyst analysts observer observers critic critics someone witness witnesses""".split()
)
ANON_MARKERS = ("unnamed", "anonymous", "declined to be named", "not authorized", "not authorised",
                "familiar with", "asked not to be", "speaking on condition", "requested anonymity")
ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})
CHANNEL_NOUNS = frozenset({"interview", "statement", "speech", "briefing", "conference", "letter",
                           "post", "tweet", "email", "op-ed", "video", "address", "broadcast"})
WRITTEN = frozenset({"statement", "post", "tweet", "email", "letter"})
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
            name = "statement" if lem in WRITTEN else lem
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
        return _rule_frames(doc, quotes)
    frames = assemble(doc, tagger.tag(doc, quotes), quotes)
    # The tagger seldom tags a cue that is only layout (a headline's or a transcript turn's
    # colon, a signing dash); those frames come from the line rules, where nothing tagged sits.
    for fr in line_frames(doc):
        a, b = fr.cue
        if not any(s[0] < b and a < s[1] for f in frames for s in (f.cue, f.source, f.content) if s):
            frames.append(fr)
    return sorted(frames, key=lambda f: f.content[0])


def _rule_frames(doc: Doc, quotes: list[tuple[int, int]]) -> list[Frame]:
    threshold = cue_threshold()
    frames = line_frames(doc)
    seen = {f.cue for f in frames}
    # a report inside a quotation is part of what the quoted speaker said, not a frame of its own
    inside = {i for a, b in quotes for i in range(a + 1, b - 1)}
    unsourced = unsourced_threshold()
    for tok in doc:
        if tok.idx in inside or not is_candidate(tok):
            continue
        p = cue_probability(tok)
        if p < threshold:
            continue
        fr = frame_at(tok, quotes)
        if fr is None or fr.cue in seen or (fr.source is None and p < unsourced):
            continue
        seen.add(fr.cue)
        frames.append(fr)
    return sorted(frames, key=lambda f: f.content[0])


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in an article's doc, in text order."""
    text = doc_text(doc)
    quotes = quote_spans(text)
    out: list[Attribution] = []
    named: list[tuple[int, str]] = []
    tagged = load_tagger() is not None
    for fr in _frames(doc, quotes):
        # the tagger learned PolNeAR's content edges; only rule contents are stretched over quotations
        content = fr.content if tagged else widen_to_quote(fr.content, fr.cue, quotes)[0]
        kind = _quote_kind(content, quotes, text, (fr.cue, fr.source))
        source, source_kind, resolved = "", "anonymous", None
        if fr.source_tok is not None and fr.source is not None:
            span = doc.char_span(*fr.source, alignment_mode="expand")
            source = span.text
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
    # tagged quotations that run on are already grouped with their cue by ``assemble``
    return out if tagged else _continue_quotes(doc, out, quotes)


def _continue_quotes(doc: Doc, attrs: list[Attribution], quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Give a quote that follows a direct quote, with no cue of its own, to the same speaker."""
    cues = [(a.cue_span, a.content_span) for a in attrs if a.cue_span and a.content_span]
    text = doc_text(doc)
    extra: list[Attribution] = []
    for a in attrs:
        if a.quote != "direct" or a.content_span is None:
            continue
        end = max(a.content_span[1], a.cue_span[1] if a.cue_span else 0, a.source_span[1] if a.source_span else 0)
        for qa, qb in quotes:
            if qa < end:
                continue
            gap = text[end:qa]
            # the next quote must open a new sentence of the same paragraph, close by
            if "\n" in gap or len(gap) > 80 or any(q in gap for q in "\"“”"):
                break
            if end != a.content_span[1] and gap.strip() not in ("", ",") and not any(p in gap for p in ".?!"):
                break
            # a quote already given to a cue outside it belongs to that cue
            if any(c[1] <= qa or c[0] >= qb for c, s in cues if s[0] < qb and s[1] > qa and s != a.content_span):
                break
            extra.append(replace(a, content=text[qa:qb], content_span=(qa, qb)))
            end = qb
    return sorted(attrs + extra, key=lambda x: (x.content_span or (0, 0))[0])
