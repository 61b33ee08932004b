"""What a date or a figure is about: the happening it attaches to and the things around it.

"On Wednesday, the House voted 396-9 on a bill" dates the vote (event "vote", about "house",
"bill"); "the 35-word oath" counts the words of the oath (about "oath"). Read once from the parse
at extraction, so the comparison lines facts up by these slots instead of re-reading the text.
"""

from __future__ import annotations

from typing import Sequence

from ..lexicon import SPEECH_EVENTS

# Dependencies that tie a figure to the noun it measures ("35-word oath", "four-year-old boy").
_MODIFIER_DEPS = {"nummod", "quantmod", "compound", "npadvmod", "amod", "nmod", "punct", "hmod", "nn", "appos"}
# The arguments of a happening that say what it is about.
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "csubj", "csubjpass", "agent", "dative"}
_CONTENT_POS = {"NOUN", "PROPN"}
_TIME_ENTS = {"DATE", "TIME"}
MAX_ABOUT = 6


def _word(tok) -> str:  # tok: spacy Token
    """A token as a slot word: the lemma of a common noun or verb, the lower-cased form of a name."""
    return tok.text.casefold() if tok.pos_ == "PROPN" else tok.lemma_.casefold()


def _span_tokens(sent, start: int, end: int) -> list:
    return [t for t in sent if t.idx < end and t.idx + len(t.text) > start]


def _anchor(tokens: Sequence):
    """The token of a span whose head lies outside it (the span's own head)."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[0]


# Clauses hung on a word of another clause: an infinitive ("agreed to run"), a reported clause ("said on
# Monday he would run"), a relative clause ("a bill that cuts"), a participle or other clause qualifying a
# noun ("the money stemming from").
_VERB_CLAUSES = frozenset({"xcomp", "ccomp"})
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
# a phrase that opens the hung clause itself ("that Monday is the cut-off": "that" marks the clause)
_CLAUSE_OPENERS = _ARGUMENT_DEPS | {"mark", "aux", "auxpass", "expl"}


def _above_clause(verb, child):  # verb, child: spacy Token
    """The verb a phrase hung on ``verb`` (through its child ``child``) belongs to when the parse hung it on
    the wrong clause, else None. The phrase must be an adjunct that ends before the clause ``verb`` heads
    opens (its "to", "who" or subject, or the verb itself), and the clause must follow the word it is hung
    on: "On Monday the mayor endorsed Kesk to succeed him", "said on Monday he would run" (the phrase dates
    the endorsing, the saying), but not "In May, she won, he said" (the reported clause comes first and
    holds the phrase), "a Democrat now running for office" (the phrase sits inside the qualifying clause),
    or "told reporters: Soon, we will reopen" (punctuation between the word and the phrase)."""
    if child.dep_ in _CLAUSE_OPENERS:
        return None
    opens = min([verb.i, *(c.left_edge.i for c in verb.children if c.i != child.i)])
    if child.right_edge.i >= opens:
        return None
    head = verb.head
    if verb.dep_ in _NOUN_CLAUSES:
        if child.right_edge.i >= head.i:
            return None
    elif verb.dep_ in _VERB_CLAUSES:
        between = head.doc[head.i + 1:child.left_edge.i]
        if head.i >= opens or any(t.is_punct or t.pos_ == "PUNCT" for t in between):
            return None
    else:
        return None
    above = _event(head, climb=False) if verb.dep_ in _NOUN_CLAUSES else head
    sent = verb.sent
    if (above is None or above.pos_ != "VERB" or not above.text.isalpha()
            or not sent.start <= above.i < sent.end):
        return None
    return above


def _event(tok, climb: bool = True):
    """The verb of the clause a token belongs to, or None: the nearest verb above it, or, when the token's
    phrase precedes a clause the parse hung it on by mistake (``_above_clause``), the verb above that clause."""
    seen = 0
    child = None
    while seen < 12:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" and tok.dep_ != "auxpass":
            above = _above_clause(tok, child) if climb and child is not None else None
            return above if above is not None else tok
        if tok.head.i == tok.i:
            return None
        child, tok, seen = tok, tok.head, seen + 1
    return None


def _arguments(verb, skip: set[int]) -> list[str]:
    """Content words of a happening's subject, object and their compounds; for a verb that
    qualifies a noun ("the oath administered by", "Brooke, who served"), that noun too."""
    out: list[str] = []
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "Cowan joined the administration and quit": the second verb shares the first one's subject
        out += [_word(c) for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in _CONTENT_POS]
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in _CONTENT_POS and verb.head.i not in skip:
        out.append(_word(verb.head))
    for child in verb.children:
        if child.dep_ in _ARGUMENT_DEPS or child.dep_ == "prep":
            heads = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            for h in heads:
                if h.i in skip or h.ent_type_ in _TIME_ENTS:
                    continue
                if h.pos_ in _CONTENT_POS:
                    out += [_word(c) for c in h.children if c.dep_ == "compound" and c.pos_ in _CONTENT_POS
                            and c.i not in skip and "." not in c.text]
                    out.append(_word(h))
    return out


# Verbs whose "to N" gives the new value of their subject ("the toll rose to 40").
CHANGE_VERBS = frozenset({"rise", "climb", "fall", "drop", "grow", "increase", "decrease", "jump", "decline",
                          "soar", "swell", "reach", "hit", "revise", "surge", "plunge", "shrink"})


_NOT_COUNTED = frozenset({"number", "total", "figure", "count", "tally", "amount", "it", "that"})


def counted_subject(sent, start: int, end: int) -> str | None:  # sent: spacy Span
    """The noun (its lemma) a bare figure gives the new value of: "apprehensions have fallen to 400,000"
    counts apprehensions, "the death toll rose to 40" the toll; not "the number rose to 12", whose noun
    is said elsewhere."""
    tokens = _span_tokens(sent, start, end)
    if not tokens:
        return None
    tok = _anchor(tokens)
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.text.casefold() not in ("to", "at"):
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.casefold() not in CHANGE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if subject is None or subject.lemma_.casefold() in _NOT_COUNTED:
        return None
    return subject.lemma_.casefold()


def frame(sent, start: int, end: int, *, counts: bool) -> tuple[str | None, tuple[str, ...]]:  # sent: spacy Span
    """(event, about) for the slot at article offsets ``start``..``end`` of a parsed sentence.

    ``event`` is the lemma of the verb the slot attaches to; ``about`` holds, first, the nouns a
    figure counts as one entry ("word oath" for "the 35-word oath", when ``counts``), then what
    it is of or for, then the content words of that verb's subject and object."""
    tokens = _span_tokens(sent, start, end)
    if not tokens:
        return None, ()
    skip = {t.i for t in tokens}
    head = _anchor(tokens)
    about: list[str] = []
    tok = head
    if counts:
        # Climb the modifiers to the noun the figure measures: "35" -> "word" -> "oath"; the chain
        # ("word oath") comes first, as one entry: it is what the figure counts.
        chain: list[str] = []
        steps = 0
        while tok.dep_ in _MODIFIER_DEPS and tok.head.i != tok.i and steps < 4:
            tok, steps = tok.head, steps + 1
            if tok.pos_ in _CONTENT_POS and tok.i not in skip:
                chain.append(_word(tok))
        if chain:
            about.append(" ".join(chain))
        # "$500,000 of airtime", "$5,687.75 on the retreat": what the figure is of or for.
        for prep in (c for t in (head, tok) for c in t.children if c.dep_ == "prep" and c.i not in skip):
            about += [_word(o) for o in prep.children if o.dep_ == "pobj" and o.pos_ in _CONTENT_POS]
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in _CONTENT_POS:
            about.append(_word(tok.head.head))  # "the number of arrests": of -> number
    verb = _event(tok)
    event = None
    if verb is not None:
        event = verb.lemma_.casefold()
        about += [w for w in _arguments(verb, skip) if w not in about]
    return event, tuple(dict.fromkeys(about))[:MAX_ABOUT]


def _phrase(tok) -> tuple[int, int]:  # tok: spacy Token
    """The article span of a noun with its compound and flat name parts and the nouns joined to it
    ("the Green Bay Hawks": Green Bay Hawks; "the Hawks and the Owls": Hawks and the Owls)."""
    parts, todo = [], [tok]
    while todo:
        t = todo.pop()
        parts.append(t)
        todo += [c for c in t.children if c.dep_ in ("compound", "flat", "conj")]
    first, last = min(parts, key=lambda t: t.i), max(parts, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


# Pronouns that stand for a person or body named before; the comparison reads whom from the article's
# sentences before ("I", "we" and "you" are the teller or the reader, not a holder named earlier).
HOLDER_PRONOUNS = frozenset({"it", "its", "he", "his", "she", "her", "they", "their"})


def _pronoun(tok) -> bool:  # tok: spacy Token
    return tok.pos_ == "PRON" and tok.lower_ in HOLDER_PRONOUNS


def _owner(noun):  # noun: spacy Token
    """The name, noun or pronoun that owns ``noun`` ("Lind's salary": Lind; "its offer": its), or None."""
    return next((c for c in noun.children if c.dep_ == "poss" and (c.pos_ in _CONTENT_POS or _pronoun(c))), None)


def _doer(noun):  # noun: spacy Token
    """Who a noun phrase stands for as a holder: its owner if it has one ("Lind's salary": Lind), else
    itself, a pronoun of a person or body included; None for a number or another pronoun."""
    owner = _owner(noun)
    if owner is not None:
        return owner
    return noun if noun.pos_ in _CONTENT_POS or _pronoun(noun) else None


def holder_span(sent, start: int, end: int, *, counts: bool) -> tuple[int, int] | None:  # sent: spacy Span
    """The article span of whose the slot at ``start``..``end`` is, read from the parse apart from
    what the happening is done to: the owner of the noun a figure measures ("the Hawks' $40 million
    offer": the Hawks), else the doer of its clause's verb, its subject or its "by" agent ("the Hawks
    offered Lind $40 million": the Hawks, not Lind). None when the clause names no doer, names it
    by a pronoun other than a person's or a body's ("it offered $35 million": the span of "it", whom the
    comparison reads from the sentences before), or is a verb of saying (its subject tells the value, it
    does not hold it)."""
    tokens = _span_tokens(sent, start, end)
    if not tokens:
        return None
    skip = {t.i for t in tokens}
    tok = _anchor(tokens)
    steps = 0
    while counts and tok.dep_ in _MODIFIER_DEPS and tok.head.i != tok.i and steps < 4:
        tok, steps = tok.head, steps + 1
        owner = _owner(tok)
        if owner is not None and owner.i not in skip:
            return _phrase(owner)
    verb = _event(tok)
    if verb is None or verb.lemma_.casefold() in SPEECH_EVENTS:
        return None
    agent = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    subject = agent or next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None and verb.dep_ == "conj":
        # "the Hawks met Lind and offered him $40 million": the second verb's doer is the first one's
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None or any(t.i in skip for t in subject.subtree):
        return None  # no doer, or the figure is its own clause's subject ("40 people died")
    doer = _doer(subject)
    return _phrase(doer) if doer is not None and doer.i not in skip else None
