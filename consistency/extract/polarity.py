"""Polarity and modality of a claim sentence from its dependency parse.

Only the main assertion counts: negation on the root verb, or on the verb of the reported
content when the root is a reporting verb ("officials said no one was killed"). Negation
inside relative or adverbial clauses, and "not only ... but also", do not make a claim
negative. Decisions worth knowing:

- A denial frame negates its content and sets modality "denied": "X denied that ...",
  "rejected reports that ...", "dismissed claims that ...", "it is not true that ...",
  "claims that ... are baseless". Negation inside the content flips it back.
- "did not deny ..." is not a denial: the content keeps its own polarity, modality None.
- "refused to confirm", "did not confirm", "declined to comment": the claim is neither
  asserted nor denied, so it is returned as (False, "possible"), never as a negation.
- "refused to withdraw", "failed to reach" negate their complement (the act did not happen).
- Modality, when several cues appear, by priority: denied, possible, expected, reported.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import DENIAL_LEMMAS, FALSE_ADJECTIVES, FALSE_NOUNS, NEGATIVE_PRONOUNS, NOT_REALLY, REPORTING_LEMMAS

_UNCONFIRMING = {"confirm", "comment", "say", "disclose", "reveal", "verify", "specify",
                 "elaborate", "discuss", "answer", "respond", "speculate", "identify", "name"}
_IMPLICATIVE_NEG = {"refuse", "decline", "fail"}
_HEARSAY_VERBS = {"report", "allege", "claim", "rumor", "rumour"}
_HEARSAY_PASSIVE = {"say", "report", "believe", "think", "allege", "understand", "rumor",
                    "rumour", "reckon", "suspect", "claim"}
_HEARSAY_ADV = {"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly"}
_POSSIBLE_ADV = {"possibly", "perhaps", "maybe", "probably", "potentially", "likely"}
_POSSIBLE_MD = {"may", "might", "could"}
_EXPECTED_MD = {"will", "shall", "'ll", "wo"}
_EXPECTED_VERBS = {"expect", "set", "schedule", "plan", "intend", "aim", "poise", "prepare", "due"}
_FALSE_ADJ = FALSE_ADJECTIVES
_TRUE_ADJ = {"true", "correct", "accurate", "right"}
_ARGS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "dative"}
_PRIORITY = ("denied", "possible", "expected", "reported")
_KNOWN = (DENIAL_LEMMAS | REPORTING_LEMMAS | _UNCONFIRMING | _IMPLICATIVE_NEG | _HEARSAY_VERBS | _HEARSAY_PASSIVE
          | _EXPECTED_VERBS | _FALSE_ADJ | _TRUE_ADJ | FALSE_NOUNS | {"be", "go", "likely", "unlikely"})


def _lemma(tok: Token) -> str:
    """The lemma, recovered for headline casing ("DENIES", "Debunks") the tagger lemmatises badly."""
    lemma = tok.lemma_.lower()
    if lemma in _KNOWN or tok.is_lower:
        return lemma
    w = tok.lower_
    for cand in (w, w[:-1], w[:-2], w[:-3] + "y", w[:-1] if w.endswith("d") else "", w[:-3]):
        if cand in _KNOWN:
            return cand
    return lemma


def _negated(verb: Token) -> bool:
    """Whether the verb itself carries a negation (not, never, no longer, no one ...)."""
    for child in verb.children:
        if child.dep_ == "neg":
            nxt = child.nbor(1) if child.i + 1 < len(child.doc) else None
            if nxt is not None and nxt.lower_ in NOT_REALLY:
                continue  # "not only ... but also", "not just symbolic"
            return True
        if child.dep_ == "advmod" and any(g.dep_ == "neg" for g in child.children):
            return True  # "no longer"
        if child.dep_ in _ARGS:
            if child.lower_ in NEGATIVE_PRONOUNS:
                return True
            if any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                return True  # "no one", "no troops"
        if child.dep_ == "prep":  # "in no way"
            if any(g.dep_ == "pobj" and any(d.lower_ == "no" for d in g.children) for g in child.children):
                return True
    return False


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _clause_of_noun(noun: Token) -> Token | None:
    """The clause a noun introduces: "reports that troops crossed" -> crossed."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None) or \
        next((c for c in noun.children if c.dep_ in ("acl", "ccomp")), None)


def _modal_cues(verb: Token, reported_content: bool) -> set[str]:
    """Modality cues on one verb: its modal auxiliaries and adverbs."""
    cues: set[str] = set()
    for c in verb.children:
        low = c.lower_
        if c.dep_ == "aux" and c.tag_ == "MD":
            if low in _POSSIBLE_MD:
                cues.add("possible")
            elif low in _EXPECTED_MD or (low == "would" and reported_content):
                cues.add("expected")
        elif c.dep_ == "advmod":
            if low in _HEARSAY_ADV:
                cues.add("reported")
            elif low in _POSSIBLE_ADV:
                cues.add("possible")
        elif c.dep_ == "acomp" and _lemma(c) in ("likely", "unlikely") and _child(c, "xcomp"):
            cues.add("possible")
        elif c.dep_ == "acomp" and _lemma(c) == "due" and _child(c, "xcomp"):
            cues.add("expected")
    return cues


_VOLITIONAL = {"want", "wish", "like", "need", "have", "hope"}


def _follow_xcomp(verb: Token, cues: set[str]) -> tuple[Token, bool]:
    """Walk "is expected to", "plans to", "is said to" down to the verb of the claim."""
    flip = False
    for _ in range(4):
        x = _child(verb, "xcomp")
        if x is None:
            break
        passive = _child(verb, "auxpass") is not None
        if _lemma(verb) in _EXPECTED_VERBS or (_lemma(verb) == "go" and verb.tag_ == "VBG"):
            cues.add("expected")
        elif passive and _lemma(verb) in _HEARSAY_PASSIVE:
            cues.add("reported")
        elif _lemma(verb) in _VOLITIONAL and _lemma(x) in REPORTING_LEMMAS:
            pass  # "I want to say that ...": the saying carries the claim
        elif _lemma(verb) in _IMPLICATIVE_NEG:
            if _lemma(x) in _UNCONFIRMING:
                cues.add("unconfirmed")
                return x, flip
            flip = not flip
        else:
            break
        cues |= _modal_cues(x, False)
        verb = x
    return verb, flip


def _argument_adverbs(verb: Token) -> set[str]:
    """Hedging adverbs attached inside the verb's arguments ("possibly 40 people died")."""
    cues: set[str] = set()
    for arg in verb.children:
        if arg.dep_ not in _ARGS:
            continue
        for tok in (g for c in arg.children for g in (c, *c.children)):
            if tok.dep_ == "advmod" and tok.lower_ in _HEARSAY_ADV:
                cues.add("reported")
            elif tok.dep_ == "advmod" and tok.lower_ in _POSSIBLE_ADV:
                cues.add("possible")
    return cues


def _clause(verb: Token, cues: set[str], reported: bool, depth: int = 0) -> bool:
    """Whether the clause headed by ``verb`` denies its claim; modality cues go to ``cues``."""
    neg = _negated(verb)
    cues |= _modal_cues(verb, reported) | _argument_adverbs(verb)
    if depth > 3:
        return neg
    if _lemma(verb) in DENIAL_LEMMAS:
        content = _child(verb, "ccomp")
        if content is None and (obj := _child(verb, "dobj")) is not None:
            content = _clause_of_noun(obj)
        content_neg = _clause(content, cues, True, depth + 1) if content is not None else False
        if neg:  # "did not deny": no denial, the content keeps its own polarity
            return content_neg
        cues.add("denied")
        return not content_neg
    adj = _child(verb, "acomp") if _lemma(verb) == "be" else None
    if adj is not None and (_lemma(adj) in _FALSE_ADJ or _lemma(adj) in _TRUE_ADJ):
        content = _child(verb, "ccomp")
        if content is None and (subj := _child(verb, "nsubj")) is not None:
            content = _clause_of_noun(subj)
        flips = neg ^ (_lemma(adj) in _FALSE_ADJ)
        if flips:
            cues.add("denied")  # "it is not true that ...", "reports of ... are untrue"
        return flips ^ (_clause(content, cues, True, depth + 1) if content is not None else False)
    attr = _child(verb, "attr") if _lemma(verb) == "be" else None
    if attr is not None and _lemma(attr) in FALSE_NOUNS:
        if not neg:
            cues.add("denied")  # "the report is a hoax"
        return not neg
    head, flip = _follow_xcomp(verb, cues)
    if "unconfirmed" in cues:
        return False
    if head is not verb and _lemma(head) in REPORTING_LEMMAS and (said := _child(head, "ccomp")) is not None:
        return neg ^ _clause(said, cues, True, depth + 1)
    if head is verb and (_lemma(verb) in REPORTING_LEMMAS or _lemma(verb) in _HEARSAY_VERBS):
        ccomp = _child(verb, "ccomp")
        if neg and (_lemma(verb) in _UNCONFIRMING or ccomp is not None):
            cues.add("unconfirmed")  # "did not confirm that ...": neither asserted nor denied
            return False
        if _lemma(verb) in _HEARSAY_VERBS or (_child(verb, "auxpass") and _lemma(verb) in _HEARSAY_PASSIVE):
            cues.add("reported")
        if ccomp is not None:
            return _clause(ccomp, cues, True, depth + 1)
        return neg
    return (neg or (head is not verb and _negated(head))) ^ flip


def polarity(sent: Span) -> tuple[bool, str | None]:
    """(negated, modality) of the sentence's main assertion."""
    cues: set[str] = set()
    negated = _clause(sent.root, cues, False)
    if "unconfirmed" in cues:
        return False, "possible"
    if "according to" in sent.text.lower():
        cues.add("reported")
    return negated, _pick(cues)


def _pick(cues: set[str]) -> str | None:
    return next((m for m in _PRIORITY if m in cues), None)
