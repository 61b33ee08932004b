"""Group tagged cue, source and content spans into attribution frames.

Each cue takes the source in its sentence that the parse names as its subject, or else the
nearest one, but not where the parse says the nearest is no speaker: the subject of a passive cue
("the mayor was asked"), a source past a noun cue's own possessive ("her backing of") or past a
relative clause's "who". A cue left without a source takes the speaker the parse names (a verb's
subject, a noun's possessive). Contents are shared out one to each cue, closest first, within the
cue's paragraph.
The contents tagged inside one quotation are first made one: a quotation run over several
sentences ("“... first. Second,” the minister said.) is one statement of the speaker named at its
close or its open, not a first sentence left over for the frame before it; a cue inside that
quotation, after its first words, is a report nested in it and never takes it.
A content left without a cue (a quotation continuing under an earlier "he said") goes to the
nearest frame before it in the same paragraph; one with no frame before it takes as its cue the
word it hangs on in the parse, when that word can head a cue, and failing that continues the last
frame of the paragraph before.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lexicon import CHANNEL_NOUNS
from .features import is_candidate
from .spans import Frame, frame_at, source_of

TokSpan = tuple[int, int]
MAX_CONTENT_GAP = 60


def _head(doc: Doc, span: TokSpan) -> Token:
    """The token of a span whose syntactic head lies outside it, verbs first."""
    toks = [doc[i] for i in range(*span)]
    top = [t for t in toks if not (span[0] <= t.head.i < span[1]) or t.head.i == t.i]
    pool = top or toks
    return next((t for t in pool if t.pos_ in ("VERB", "AUX", "NOUN", "ADP")), pool[0])


def _gap(a: TokSpan, b: TokSpan) -> int:
    """Tokens between two spans (0 when they touch or overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _chars(doc: Doc, span: TokSpan) -> tuple[int, int]:
    first, last = doc[span[0]], doc[span[1] - 1]
    return first.idx, last.idx + len(last.text)


def _ids(doc: Doc) -> tuple[list[int], list[int]]:
    """Sentence and paragraph number of every token."""
    sent = [0] * len(doc)
    para = [0] * len(doc)
    p = 0
    for k, s in enumerate(doc.sents):
        for t in s:
            sent[t.i] = k
    for t in doc:
        para[t.i] = p
        if "\n" in t.whitespace_ or "\n" in t.text:
            p += 1
    return sent, para


def _possessor(head: Token) -> Token | None:
    """The possessive before a noun cue ("her backing of", "the mayor's claim that"): its holder."""
    return next((t for t in head.children if t.dep_ == "poss" and t.i < head.i), None)


def _pick_source(cue: TokSpan, head: Token, sources: list[TokSpan], sent: list[int]) -> TokSpan | None:
    """The tagged source of a cue: the one holding its subject, else the nearest in its sentence; none
    where the parse says the nearest is not the speaker (then ``_parse_source`` reads one off the parse)."""
    same = [s for s in sources if sent[s[0]] == sent[cue[0]] or sent[s[1] - 1] == sent[cue[0]]]
    if head.pos_ == "NOUN":
        poss = _possessor(head)
        if poss is not None and not any(s[0] <= poss.i < s[1] for s in same):
            return None
    if not same:
        return None
    subj = source_of(head) if head.pos_ in ("VERB", "AUX") else None
    if subj is not None:
        hit = [s for s in same if s[0] <= subj.i < s[1]]
        if hit:
            return hit[0]
        # "the senator, who said ...": the relative pronoun is the source (resolved to its noun later)
        if subj.lower_ in RELATIVE_PRONOUNS and head.dep_ == "relcl" and subj.sent == head.sent:
            return None
    elif head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "agent" for c in head.children) and any(
            c.dep_ == "nsubjpass" for c in head.children):
        # "the mayor was asked about ...": whoever is asked or criticised is not who speaks
        return None
    return min(same, key=lambda s: (_gap(s, cue), s[0] > cue[0]))


def _parse_source(head: Token, cue: TokSpan, content: TokSpan) -> TokSpan | None:
    """A source read off the parse for a cue the tagger gave none: a noun cue's possessive, a
    verb's subject with its words, when it lies in the cue's sentence outside the cue and content."""
    if head.pos_ == "NOUN":
        subj = _possessor(head)
    elif head.pos_ in ("VERB", "AUX"):
        subj = source_of(head)
        if subj is not None and (subj.sent != head.sent or subj.pos_ not in NOMINAL):
            subj = None
    else:
        subj = None
    if subj is None:
        return None
    toks = sorted(t.i for t in subj.subtree)
    span = (toks[0], toks[-1] + 1)
    if span[0] < cue[1] and cue[0] < span[1] or span[0] < content[1] and content[0] < span[1]:
        return None
    return span


def _words(doc: Doc, a: int, b: int) -> int:
    return sum(doc[t].is_alpha for t in range(a, b))


def _trim_content(doc: Doc, content: TokSpan, cue: TokSpan, src: TokSpan | None) -> TokSpan:
    """Cut a content that runs a word or two past its own frame ("“Prices will fall,” said Maria")."""
    frame = [cue] + ([src] if src else [])
    lo, hi = min(f[0] for f in frame), max(f[1] for f in frame)
    a, b = content
    if a < lo < b and _words(doc, hi, b) <= 2 and _words(doc, a, lo) >= 2:
        b = lo
    elif a < hi < b and _words(doc, a, lo) <= 2 and _words(doc, hi, b) >= 2:
        a = hi
    while b - a > 1 and (doc[b - 1].is_space or doc[b - 1].text in (",", "—", "-")):
        b -= 1
    return a, b


def _drop_addressee(doc: Doc, content: TokSpan, head: Token) -> TokSpan:
    """Start a content at its clause when it opens with the cue's addressee ("told reporters that ...")."""
    a, b = content
    clause = next((t for t in head.children if t.dep_ == "ccomp" and a <= t.i < b), None)
    # only a finite clause of its own ("that ...", or with a subject): in "urged Obama to act" the object is the actor
    if clause is None or clause.left_edge.i <= a or not any(t.dep_ in ("mark", "nsubj", "nsubjpass") for t in clause.children):
        return content
    start = clause.left_edge.i
    objects = [t for t in head.children if t.dep_ in ("dobj", "dative", "npadvmod", "prep") and t.i < start]
    covered = {i for t in objects for i in range(t.left_edge.i, t.right_edge.i + 1)}
    lead = range(a, start)
    if any(not doc[i].is_punct for i in lead) and all(i in covered or doc[i].is_punct for i in lead):
        return start, b
    return content


NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# A word a source cannot end on: it opens a phrase the tagger stopped inside ("The campaign on", "a poll that").
OPENERS = frozenset({"ADP", "CCONJ", "DET", "SCONJ"})
OPENER_WORDS = frozenset({"who", "whose", "which", "that", "when", "while", "as"})
# Modifiers a tagged source can stop on before its noun ("Mr." of "Mr. Trump", "The" of "The ad").
NOUN_MODIFIERS = frozenset({"compound", "amod", "det", "nummod", "quantmod", "predet", "nmod"})
# What a source's first word may take before it: a determiner or possessive; titles and descriptions
# ("compound", "amod") were tried too and lost source exact under cross-validation.
LEFT_MODIFIERS = frozenset({"det", "poss", "predet"})


def _noun_head(doc: Doc, span: TokSpan) -> Token:
    """The token of a span whose syntactic head lies outside it, nouns first."""
    toks = [doc[i] for i in range(*span)]
    top = [t for t in toks if not (span[0] <= t.head.i < span[1]) or t.head.i == t.i]
    return next((t for t in top if t.pos_ in NOMINAL), (top or toks)[0])


def _to_noun(doc: Doc, src: TokSpan, cue: TokSpan) -> TokSpan:
    """Run a source that stops on a modifier on to its noun, when only the noun's own words lie
    between and the noun is not the cue (a title-case headline's "Clinton Slams" parses as one name)."""
    a, b = src
    last = doc[b - 1]
    head = last.head
    if (b < len(doc) and last.dep_ in NOUN_MODIFIERS and b <= head.i < b + 3 and head.pos_ in NOMINAL
            and not cue[0] <= head.i < cue[1]
            and head.sent == last.sent and all(doc[j].head.i == head.i for j in range(b, head.i))):
        return a, head.i + 1
    return src


def trim_source(doc: Doc, src: TokSpan, cue: TokSpan = (0, 0)) -> TokSpan:
    """A source without a trailing channel, date or participle phrase ("Durbin in an interview"),
    run on to its noun when it stops before it; ``cue`` is the frame's cue, which it never takes."""
    a, b = src
    # the tagger may take the comma or dash that sets the source off ("Trump, speaking ...")
    while b - a > 1 and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    while b - a > 1 and (doc[a].is_punct or doc[a].is_space):
        a += 1
    a, b = _to_noun(doc, (a, b), cue)
    root = _noun_head(doc, (a, b))
    for i in range(a + 1, b):
        t = doc[i]
        # "The governor, pressed on the budget, said" and "Trump, speaking to veterans, said" are cut;
        # "those surveyed", "exit polls taken in Ohio" are the source
        if t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and doc[i - 1].is_punct and not any(g.dep_ == "agent" for g in t.children):
            return a, i - 1
        pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
        # a date or channel of the speaking ("Durbin on Monday"), not one inside a description of
        # the speaker ("Murphy, who was elected in 2012")
        if t.dep_ == "prep" and pobj is not None and pobj.i < b and (
            pobj.lemma_.lower() in CHANNEL_NOUNS or pobj.ent_type_ == "DATE"
        ) and (t.head == root or not a <= t.head.i < b):
            return a, i
    return a, b


def _fit_source(doc: Doc, src: TokSpan, cue: TokSpan, head: Token, content: TokSpan) -> TokSpan:
    """A frame's source trimmed, ending where the cue's subject ends ("Trump accused Cruz" is
    "Trump"), not on a word that opens a phrase left outside it, and not before an "of" phrase of
    one of its own words ("Most" of the pilots), its determiner and possessive mark kept."""
    src = trim_source(doc, src, cue)
    subj = source_of(head) if head.pos_ in ("VERB", "AUX") else None
    if subj is not None and src[0] <= subj.i < src[1]:
        src = trim_source(doc, (src[0], min(src[1], subj.right_edge.i + 1)), cue)
    a, b = src
    last = doc[b - 1]
    if b - a > 1 and (last.pos_ in OPENERS or last.lower_ in OPENER_WORDS):
        src = trim_source(doc, (a, b - 1), cue)
    src = _with_left_modifiers(doc, src, cue, content)
    return _with_possessive_mark(doc, _with_of_phrase(doc, src, cue, content))


def _with_possessive_mark(doc: Doc, src: TokSpan) -> TokSpan:
    """A possessor source with its "'s" ("the mayor's" plan): the mark belongs to the mention."""
    a, b = src
    if b < len(doc) and doc[b].dep_ == "case" and a <= doc[b].head.i < b:
        return a, b + 1
    return src


def _with_left_modifiers(doc: Doc, src: TokSpan, cue: TokSpan, content: TokSpan) -> TokSpan:
    """A source run back over the determiner or possessive its own words take right before it, which
    the tagger left out ("a" new poll, "her" nephew), not a focusing adverb ("even" the mayor) or a
    word of the cue or content."""
    a, b = src
    while a > 0:
        mod = _left_modifier(doc, a, b)
        if mod is None or any(s[0] < a and mod.left_edge.i < s[1] for s in (cue, content)):
            break
        a = mod.left_edge.i
    return a, b


def _left_modifier(doc: Doc, a: int, b: int) -> Token | None:
    """The modifier of a word in ``doc[a:b]`` whose phrase ends right before ``a``, if one does."""
    tok = doc[a - 1]
    while not a <= tok.head.i < b and tok.head.i < a and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in LEFT_MODIFIERS and a <= tok.head.i < b and tok.right_edge.i == a - 1 and tok.sent == doc[a].sent:
        return tok
    return None


def _with_of_phrase(doc: Doc, src: TokSpan, cue: TokSpan, content: TokSpan) -> TokSpan:
    """A source run on over an "of" phrase hanging on one of its words right after it ("Most" of the
    pilots, "A second batch" of letters), unless the phrase reaches the cue or the content."""
    a, b = src
    if b >= len(doc):
        return src
    nxt = doc[b]
    end = nxt.right_edge.i + 1
    if nxt.lower_ != "of" or nxt.dep_ != "prep" or not a <= nxt.head.i < b:
        return src
    if any(s[0] < end and b < s[1] for s in (cue, content)):
        return src
    return a, end


def _trim_cue(doc: Doc, cue: TokSpan) -> TokSpan:
    """A cue without the preposition of a following date ("said on" Monday)."""
    a, b = cue
    last = doc[b - 1]
    pobj = next((g for g in last.children if g.dep_ == "pobj"), None)
    if b - a > 1 and last.dep_ == "prep" and pobj is not None and pobj.i >= b and pobj.ent_type_ in ("DATE", "TIME"):
        return a, b - 1
    return cue


def assemble(doc: Doc, spans: dict[str, list[TokSpan]], quotes: list[tuple[int, int]] = ()) -> list[Frame]:
    """Frames from tagged token spans, in text order; a cue left without a content is dropped."""
    cues, sources = [_trim_cue(doc, c) for c in spans["cue"]], spans["source"]
    if not cues:
        return []
    contents = _join_quoted(doc, spans["content"], quotes)
    sent, para = _ids(doc)
    heads = [_head(doc, c) for c in cues]
    # a content in the cue's own sentence first, then the closest
    pairs = sorted(
        (sent[c[0]] not in (sent[k[0]], sent[k[1] - 1]), _gap(c, k), abs(c[0] - k[0]), i, j)
        for i, c in enumerate(cues)
        for j, k in enumerate(contents)
        if (para[c[0]] == para[k[0]] or para[c[0]] == para[k[1] - 1] or _gap(c, k) == 0)
        and not _inside_own_quote(doc, c, k, quotes)
    )
    content_of: dict[int, int] = {}
    taken: set[int] = set()
    for _, gap, _, i, j in pairs:
        if gap > MAX_CONTENT_GAP or i in content_of or j in taken:
            continue
        content_of[i] = j
        taken.add(j)
    frames: list[tuple[TokSpan, Frame]] = []
    for i, c in enumerate(cues):
        src = _pick_source(c, heads[i], sources, sent)
        j = content_of.get(i)
        if j is None:
            continue
        if src is None:
            src = _parse_source(heads[i], c, contents[j])
        src = _fit_source(doc, src, c, heads[i], contents[j]) if src is not None else None
        content = _drop_addressee(doc, _trim_content(doc, contents[j], c, src), heads[i])
        src_tok = _head(doc, src) if src is not None else None
        fr = Frame(_chars(doc, c), _chars(doc, src) if src else None, _chars(doc, content), src_tok, heads[i])
        if sum(doc[t].is_alpha for t in range(*content)) <= 2:
            # "told a journalist": a one-word content is more often the addressee; the rules know better
            rule = frame_at(heads[i], quotes)
            if rule is not None:
                fr = Frame(fr.cue, fr.source or rule.source, rule.content, fr.source_tok or rule.source_tok, heads[i])
        frames.append((content, fr))
    left = [k for j, k in enumerate(contents) if j not in taken]
    continued = _continuations(doc, left, frames, para)
    frames += continued
    done = {span for span, _ in continued}
    own = [(k, _governed(doc, k, sources, sent, quotes)) for k in left if k not in done]
    frames += [(k, f) for k, f in own if f is not None]
    frames += _continuations(doc, [k for k, f in own if f is None], frames, para, back=1)
    return sorted((f for _, f in frames), key=lambda f: f.content[0])


def _inside_own_quote(doc: Doc, cue: TokSpan, content: TokSpan, quotes: list[tuple[int, int]]) -> bool:
    """A cue inside the quotation its content lies in, after the content's start: a report nested in
    the quotation ("... Everyone knows that ..."), not the frame of the quotation itself."""
    if not (content[0] < cue[0] < content[1]):
        return False
    q = _quote_of(doc, content, quotes)
    a = _chars(doc, cue)[0]
    return q is not None and q[0] < a < q[1]


def _quote_of(doc: Doc, span: TokSpan, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation holding most of a token span's characters, if one does."""
    a, b = _chars(doc, span)
    return next((q for q in quotes if min(b, q[1]) - max(a, q[0]) > (b - a) / 2), None)


def _join_quoted(doc: Doc, contents: list[TokSpan], quotes: list[tuple[int, int]]) -> list[TokSpan]:
    """Contents lying mostly in one quotation made one, from the first's start to the last's end."""
    parts: dict[tuple[int, int], list[TokSpan]] = {}
    out: list[TokSpan] = []
    for k in contents:
        q = _quote_of(doc, k, quotes) if quotes else None
        if q is None:
            out.append(k)
        else:
            parts.setdefault(q, []).append(k)
    out += [(min(k[0] for k in ks), max(k[1] for k in ks)) for ks in parts.values()]
    return sorted(out)


def _governed(doc: Doc, content: TokSpan, sources: list[TokSpan], sent: list[int],
              quotes: list[tuple[int, int]]) -> Frame | None:
    """A frame for a content left without a cue: the word it hangs on in the parse is its cue
    ("pouncing on news that ...", "a website that pitches ..."), when that word can head one."""
    root = doc[content[0]:content[1]].root
    head = root.head
    if content[0] <= head.i < content[1] or head.sent != root.sent or not is_candidate(head):
        return None
    cue = (head.i, head.i + 1)
    rule = frame_at(head, quotes)
    cue_chars = rule.cue if rule is not None else _chars(doc, cue)
    # only the cue's own subject as source: the nearest tagged source belongs to another frame as often
    src = _pick_source(cue, head, sources, sent)
    subj = source_of(head) if head.pos_ in ("VERB", "AUX") else None
    if src is None or subj is None or not src[0] <= subj.i < src[1]:
        return Frame(cue_chars, None, _chars(doc, content), None, head)
    src = trim_source(doc, src, cue)
    return Frame(cue_chars, _chars(doc, src), _chars(doc, content), _head(doc, src), head)


def _continuations(doc: Doc, left: list[TokSpan], frames: list[tuple[TokSpan, Frame]], para: list[int],
                   back: int = 0) -> list[tuple[TokSpan, Frame]]:
    """A content with no cue of its own continues the nearest frame before it in its paragraph
    (``back`` 1: in the paragraph before, a quotation running on into a new paragraph)."""
    out: list[tuple[TokSpan, Frame]] = []
    for k in left:
        before = [(span, f) for span, f in frames if span[1] <= k[0] and para[span[0]] == para[k[0]] - back]
        if before:
            span, f = max(before, key=lambda x: x[0][1])
            out.append((k, Frame(f.cue, f.source, _chars(doc, k), f.source_tok, f.cue_tok)))
    return out
