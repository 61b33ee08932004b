"""Source, cue and content spans around a cue token, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...lexicon import (
    ADDRESSEE_VERBS,
    CHANNEL_NOUNS,
    CUE_CHAINING_VERBS,
    CUE_INVERTING_VERBS,
)

SUBJ_DEPS = ("nsubj", "csubj")
# Raising verbs take a subject that is not the one holding the view ("he appears to ...").
NO_SOURCE_LEMMAS = frozenset({"seem", "appear", "expect"})
# Prepositions whose object is what the cue is about ("called for", "referring to").
CONTENT_PREPS = frozenset({"for", "to", "about", "against", "on", "of", "at", "over", "with"})
NON_SOURCE = frozenset({"there", "what"})
RAISING = frozenset({"seem", "appear"})
LIGHT_PREPS = frozenset({"with", "over", "about", "on", "regarding", "against", "at"})
LEAD_INS = frozenset({"prep", "advmod", "npadvmod", "advcl", "cc", "mark", "intj", "punct"})
DASHES = frozenset({"-", "—", "–", "--"})


@dataclass(frozen=True, slots=True)
class Frame:
    """Token-level spans of one attribution, as (start, end) character offsets."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int]
    source_tok: Token | None
    cue_tok: Token


_LAST_TEXT: list = [None, ""]


def doc_text(doc: Doc) -> str:
    """A doc's text, kept for the last doc asked: ``Doc.text`` rebuilds it from every token."""
    if _LAST_TEXT[0] is not doc:
        _LAST_TEXT[0], _LAST_TEXT[1] = doc, doc.text
    return _LAST_TEXT[1]


def _extent(toks: list[Token]) -> tuple[int, int] | None:
    """Character extent of tokens, without punctuation at either edge."""
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space) and toks[0].text not in "\"“":
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in "\"”":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree(tok: Token) -> list[Token]:
    return list(tok.subtree)


def _noun_phrase(n: Token) -> list[Token]:
    """A noun's subtree without a relative clause set off by a comma ("Trump, who is 70")."""
    drop: set[Token] = set()
    for c in n.children:
        if c.dep_ == "relcl" and c.i > n.i and _opens_after_comma(c):
            drop.update(c.subtree)
            drop.add(c.doc[c.left_edge.i - 1])
    return [t for t in n.subtree if t not in drop]


def source_of(v: Token, depth: int = 0) -> Token | None:
    """The subject of a cue verb, looking through conjunctions and participial clauses."""
    if v.lemma_ in NO_SOURCE_LEMMAS or any(c.dep_ == "auxpass" for c in v.children):
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        objs = [g for g in agent.children if g.dep_ == "pobj"] if agent is not None else []
        return objs[0] if objs else None
    # a dateline can be parsed as a second subject: the one nearest the verb speaks
    for c in sorted(v.children, key=lambda c: (c.i > v.i, -c.i if c.i < v.i else c.i)):
        if c.dep_ in SUBJ_DEPS and c.lower_ not in NON_SOURCE:
            return c
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    if any(c.dep_ in SUBJ_DEPS for c in v.children):
        return None
    # inverted "..., said one unnamed source": spaCy makes the speaker the object
    if v.lemma_ in ("say", "add", "write") and any(
        c.dep_ == "ccomp" and c.i < v.i for c in v.children
    ):
        objs = [c for c in v.children if c.dep_ in ("dobj", "attr") and c.i > v.i]
        if objs:
            return objs[0]
    if depth < 2 and v.dep_ in ("conj", "xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX"):
        return source_of(v.head, depth + 1)
    # "before adding that ...": the subject of the clause the preposition hangs on
    if depth < 2 and v.dep_ == "pcomp" and v.head.head.pos_ in ("VERB", "AUX"):
        return source_of(v.head.head, depth + 1)
    # "those describing themselves as ...", a finite verb misparsed as a noun modifier
    if depth == 0 and v.dep_ in ("acl", "advcl") and (v.tag_ in ("VBG", "VBD", "VBZ", "VBP")) and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return v.head
    if depth == 0 and v.lemma_ in CUE_INVERTING_VERBS:
        return _speaker_after(v)
    return None


def _speaker_after(v: Token) -> Token | None:
    """The speaker right after an inverted cue the parser left without a subject ("…,” said X, ...)."""
    if v.i + 1 >= len(v.doc) or v.i == v.sent.start:
        return None
    prev, nxt = v.nbor(-1), v.nbor(1)
    if prev.text not in (",", "”", '"', "''", "—") or nxt.pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
        return None
    tok = nxt
    while tok.head.i > v.i and tok.head.pos_ in ("PROPN", "NOUN") and tok.head.i < v.sent.end and tok.head != tok:
        tok = tok.head
    return tok if tok.pos_ in ("PROPN", "NOUN") else None


def _before_frame(v: Token, comp: Token) -> list[Token]:
    """Everything in the sentence before a trailing frame ("..., another source said")."""
    last = max(t.i for t in comp.subtree)
    return [t for t in v.sent if t.i <= last]


def _content_of(v: Token, src: Token | None) -> tuple[list[Token], list[Token]]:
    """Content tokens of a cue verb, and any extra tokens that join the cue ("called for")."""
    children = list(v.children)
    skip = set(src.subtree) if src is not None and not (src.left_edge.i <= v.i <= src.right_edge.i) else set()
    for c in children:
        if c.dep_ == "ccomp":
            if c.i < v.i:
                return _before_frame(v, c), []
            return _subtree(c), []
    # "..., he said" and "The trouble, he said, began ..." parsed with the content as the head
    as_clause = v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    if (v.dep_ in ("ccomp", "parataxis") or as_clause) and v.head.pos_ in ("VERB", "AUX"):
        inner = set(v.subtree)
        first = min(inner, key=lambda t: t.i).i
        if v.dep_ == "parataxis" or as_clause:
            # "In 2008, Trump said, the foundation ...": a lead-in adverbial is not content
            for c in v.head.children:
                if c.i < first and c.dep_ in LEAD_INS:
                    inner.update(c.subtree)
        toks = [t for t in v.head.subtree if t not in inner and (t.i < v.i or v.dep_ == "parataxis" or as_clause)]
        return toks, []
    for c in children:
        if c.dep_ == "xcomp":
            # "declined to comment on X", "refused to acknowledge that Y": the cue runs on
            if c.i > v.i and (c.lemma_ in CUE_CHAINING_VERBS or any(g.dep_ == "ccomp" for g in c.children)):
                inner, extra = _content_of(c, None)
                if inner:
                    return inner, [g for g in c.children if g.dep_ == "aux" and g.i < c.i] + [c] + extra
            # "urged supporters to monitor polls": who was urged is part of what was urged
            obj = next((g for g in children if g.dep_ == "dobj" and v.i < g.i < c.i), None)
            # "he seems to have vanished": the raised subject belongs to the content
            subj = next((g for g in children if g.dep_ == "nsubj"), None) if v.lemma_ in RAISING else None
            lead = obj or subj
            return (_subtree(lead) if lead is not None else []) + _subtree(c), []
    # "are wary of X", "is eager to Y", "is confident that Z": the adjective carries the stance
    acomp = next((c for c in children if c.dep_ == "acomp" and c.i > v.i), None)
    if acomp is not None:
        for c in acomp.children:
            if c.dep_ in ("xcomp", "ccomp"):
                return _subtree(c), [acomp]
            if c.dep_ == "prep" and c.i > acomp.i:
                pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if pobj:
                    return _noun_phrase(pobj[0]), [acomp, c]
    # "told a journalist": the object of these verbs is who was addressed, not what was said
    objs = [c for c in children if c.dep_ == "dobj" and c not in skip and v.lemma_ not in ADDRESSEE_VERBS]
    # "voiced displeasure with X", "expressed his condolences over X": the noun joins the cue
    light = [g for g in objs[0].children if g.dep_ == "prep" and g.lower_ in LIGHT_PREPS] if objs else []
    if light and objs[0].pos_ == "NOUN" and not any(g.dep_ == "det" for g in objs[0].children):
        pobj = [g for g in light[0].children if g.dep_ in ("pobj", "pcomp")]
        if pobj:
            return _noun_phrase(pobj[0]), [objs[0], light[0]]
    if objs:
        toks = _noun_phrase(objs[0])
        for c in children:
            # "called his behavior outrageous", "the vision of X", "X as Y"
            if c.i > objs[0].i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ in ("of", "for", "as")):
                toks += _subtree(c)
        return toks, []
    for c in children:
        if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and c.i > v.i:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                return _noun_phrase(pobj[0]), [c]
    # passive "X was first reported by BuzzFeed": what was reported is the subject
    # "the dissolution of the club was announced": without an agent too
    if any(c.dep_ in ("agent", "auxpass") for c in children):
        subj = [c for c in children if c.dep_ == "nsubjpass"]
        if subj:
            return _subtree(subj[0]), []
    # "an arrangement the campaign has criticized", "candidates backed by super PACs":
    # the noun the clause hangs on is what the cue is about
    gap_object = v.dep_ == "relcl" and src is not None and src.lower_ not in ("who", "which", "that")
    if gap_object or (v.dep_ == "acl" and any(c.dep_ == "agent" for c in children)):
        inner = set(v.subtree)
        return [t for t in v.head.subtree if t not in inner and t.i <= v.i], []
    return [], []


def _according(tok: Token) -> tuple[Token | None, list[Token], list[Token]]:
    """(source, content, cue) of "according to X, ..."."""
    to = [c for c in tok.children if c.lower_ == "to"]
    if not to:
        return None, [], []
    objs = [c for c in to[0].children if c.dep_ == "pobj"]
    src = objs[0] if objs else None
    frame = set(tok.subtree)
    sent = tok.sent
    head = tok.head if tok.head != tok else sent.root
    content = [t for t in head.subtree if t not in frame]
    if not content:
        content = [t for t in sent if t not in frame]
    return src, content, [tok, to[0]]


def _noun_frame(n: Token) -> tuple[Token | None, list[Token], list[Token]]:
    """(source, content, cue) of a nominal cue: "his claim that ...", "the vision of X"."""
    src = next((c for c in n.children if c.dep_ == "poss"), None)
    for c in n.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
            return src, _subtree(c), []
        if c.dep_ == "prep" and c.lower_ in ("of", "about", "for", "on", "against") and c.i > n.i:
            pobj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if pobj:
                return src, _noun_phrase(pobj[0]), [c]
    if n.i + 1 < len(n.doc) and n.nbor(1).text == ":":
        after = [t for t in n.sent if t.i > n.i + 1]
        return src, after, [n.nbor(1)]
    return src, [], []


def _colon_frame(c: Token) -> tuple[Token | None, list[Token], list[Token]]:
    """(source, content, cue) of "X: ..." where the colon alone introduces speech."""
    head = c.head
    src = next((t for t in head.children if t.dep_ in SUBJ_DEPS and t.i < c.i), None)
    after = [t for t in c.sent if t.i > c.i]
    return src, after, []


def _paragraph(tok: Token) -> tuple[int, int]:
    """Character bounds of the paragraph (line) holding a token."""
    text = doc_text(tok.doc)
    lo = text.rfind("\n", 0, tok.idx) + 1
    hi = text.find("\n", tok.idx)
    return lo, (hi if hi >= 0 else len(text))


def _opens_after_comma(c: Token) -> bool:
    first = c.left_edge
    return first.i > 0 and first.nbor(-1).text == ","


def _source_tokens(src: Token, lo: int, hi: int, cue: Token | None = None) -> list[Token]:
    """The source phrase: the subject's subtree without participial tails, inside its paragraph."""
    drop: set[Token] = set()
    for c in src.children:
        if cue is not None and c.left_edge.i <= cue.i <= c.right_edge.i:
            drop.update(c.subtree)
        # "Trump, speaking to veterans," is not part of the name; "documents reported by" is
        if c.dep_ == "acl" and c.i > src.i and c.nbor(-1).text == ",":
            drop.update(c.subtree)
        # "Sanders, who had said he would debate," is a comment on the speaker, not the speaker
        if c.dep_ == "relcl" and c.i > src.i and _opens_after_comma(c):
            drop.update(c.subtree)
        # "Durbin in an interview", "a poll released in late August", "doctors in 2015"
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
        if pobj is not None and c.i > src.i and (pobj.lemma_.lower() in CHANNEL_NOUNS or pobj.ent_type_ == "DATE"):
            drop.update(c.subtree)
        if c.dep_ == "acl" and c.i > src.i and c.tag_ == "VBN" and not any(g.dep_ == "agent" for g in c.children):
            drop.update(c.subtree)
    toks = [t for t in src.subtree if t not in drop and lo <= t.idx < hi]
    # "even critics", "only 7 percent"
    if len(toks) > 1 and toks[0].dep_ == "advmod" and toks[0].lower_ in ("even", "only", "also", "just"):
        toks = toks[1:]
    # a dateline ("CLEVELAND - Donald Trump") is not part of the source
    # "BUENA PARK, Calif. — Hillary Clinton": a capitalised place may run a few tokens longer
    for k, t in enumerate(toks[: 8 if toks and toks[0].text.isupper() else 4]):
        # a spaced dash only: "big-bucks" is one word split in three
        if t.text in DASHES and k + 1 < len(toks) and k > 0 and toks[k - 1].whitespace_:
            return toks[k + 1:]
    return toks


def _left_modifiers(v: Token) -> list[Token]:
    """Auxiliaries, negation and adverbs right before a verb: "has also said", "did not deny"."""
    out: list[Token] = []
    i = v.i - 1
    while i >= v.sent.start:
        t = v.doc[i]
        if t.head != v or t.dep_ not in ("aux", "auxpass", "neg", "advmod") or t.is_punct:
            break
        out.insert(0, t)
        i -= 1
    return out


def _quote_after(tok: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation opening right after a cue ("said: “...”")."""
    end = tok.idx + len(tok.text)
    gap_end = end
    text = doc_text(tok.doc)
    while gap_end < len(text) and text[gap_end] in " :,\n" and gap_end - end < 4:
        gap_end += 1
    return next(((a, b) for a, b in quotes if a == gap_end), None)


def _quote_before(tok: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A quotation closing right before the frame ("“...,” Frank writes")."""
    start = tok.idx
    text = doc_text(tok.doc)
    for a, b in quotes:
        if b <= start and not text[b:start].strip(" ,\n"):
            return a, b
    return None


def frame_at(tok: Token, quotes: list[tuple[int, int]] = ()) -> Frame | None:
    """The attribution frame around a cue token, or None when no content is found."""
    if tok.lower_ == "according":
        src, content, cue = _according(tok)
    elif tok.text == ":":
        src, content, cue = _colon_frame(tok)
        cue = [tok]
    elif tok.pos_ in ("NOUN", "PROPN"):
        src, content, extra = _noun_frame(tok)
        cue = [tok] + extra
    else:
        src = source_of(tok)
        content, extra = _content_of(tok, src)
        cue = _left_modifiers(tok) + [tok] + [c for c in tok.children if c.dep_ == "prt"] + extra
    lo, hi = _paragraph(tok)
    content = [t for t in content if lo <= t.idx < hi]
    src_toks = _source_tokens(src, lo, hi, tok) if src is not None else []
    if src is not None:
        # a participle hanging on its own source keeps its content out of the source's subtree
        taken = set(src.subtree)
        content = [t for t in content if t not in (set(src_toks) if tok in taken else taken)]
    cue_set = set(cue)
    content = [t for t in content if t not in cue_set]
    content_span = _extent(content)
    if content_span is None:
        frame = [t for t in cue] + (src_toks if src is not None and src.i > tok.i else [])
        content_span = _quote_after(max(frame, key=lambda t: t.i), list(quotes)) or _quote_before(
            min(frame + src_toks, key=lambda t: t.i), list(quotes)
        )
        if content_span is None:
            return None
    source_span = _extent(src_toks) if src_toks else None
    cue_span = _extent(sorted(cue, key=lambda t: t.i)) or (tok.idx, tok.idx + len(tok.text))
    return Frame(cue_span, source_span, content_span, src, tok)

