"""Whom a pronoun holder stands for: the person or body the article named just before.

Extraction keeps the span of a figure's or date's doer even when it is a pronoun ("It offered $35
million"); the sentence alone cannot say whose the figure is. The article's sentences can: the body
the sentence before speaks of, of the pronoun's kind (a body for "it", a person for "he" or "she").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...records import Claim, Entity, Quantity, TimeExpr

# The labels a pronoun may stand for: "it" a company, club or agency; "he" or "she" a person; "they"
# a body or a people ("the Owls ... they offered"), not several people named one by one.
PRONOUN_LABELS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("it", "its"), frozenset({"ORG"})),
    **dict.fromkeys(("he", "his", "she", "her"), frozenset({"PERSON"})),
    **dict.fromkeys(("they", "their"), frozenset({"ORG", "NORP"})),
}
# Verbs whose "it" is often no one ("it was Tuesday", "it takes $35,000", "it seems"): a holder there
# is left unread.
EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "take", "remain", "happen", "become"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})  # people and bodies, whatever their kind
# How many sentences back the body may be named: a pronoun reaches past one sentence with no name of
# its kind, seldom past two.
REACH = 2


def pronoun_of(c: Claim, span: tuple[int, int] | None) -> str | None:
    """The pronoun a slot's holder span holds, lower-cased, or None when it is a name or absent."""
    if span is None:
        return None
    word = c.text[span[0] - c.start:span[1] - c.start].casefold()
    return word if word in PRONOUN_LABELS else None


def _sentence(c: Claim) -> int | None:
    """The claim's sentence number in its article (claims are numbered by sentence, "id#n")."""
    m = re.search(r"#(\d+)$", c.id)
    return int(m.group(1)) if m else None


def _tellers(c: Claim) -> tuple[tuple[int, int], ...]:
    """The spans of the claim's speaker and channel."""
    a = c.attribution
    return tuple(t for t in (a.source_span, a.channel_span) if t) if a else ()


def _named(c: Claim, labels: frozenset[str], before: int | None = None) -> list[Entity]:
    """The claim's people or bodies of these labels: named before ``before`` in the pronoun's own
    sentence (its teller too: "the club said it offered"), else all but its teller, since a sentence
    after a statement goes on with what was told, not with who told it."""
    if before is not None:
        return [e for e in c.entities if e.label in labels and e.end <= before]
    told = _tellers(c)
    return [e for e in c.entities if e.label in labels and not any(s < e.end and e.start < t for s, t in told)]


def _sole(named: list[Entity]) -> Entity | None:
    """The one person or body named; None when none, or two that are not one (a pronoun may mean either)."""
    return named[0] if named and len({e.canonical for e in named}) == 1 else None


def antecedents(claims: Iterable[Claim]) -> dict[tuple[str, int], Entity]:
    """(claim id, holder start) -> the person or body each pronoun holder of the claims stands for:
    the one of its kind named earlier in its own sentence (where it names anyone before it), else the
    one of its kind named in the nearest of the ``REACH`` sentences before that names any but its
    teller (a pronoun holder there passes its own body on). A sentence naming two of the kind leaves the
    pronoun unread: either may be meant."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    out: dict[tuple[str, int], Entity] = {}
    for article in by_article.values():
        article.sort(key=lambda c: (_sentence(c) or 0, c.start))
        last: dict[frozenset[str], tuple[int, Entity | None]] = {}  # labels -> (sentence, its sole body)
        for c in article:
            n = _sentence(c)
            for slot in _slots(c):
                word = pronoun_of(c, slot.holder)
                if word is None or word == "it" and slot.event in EMPTY_IT_VERBS:
                    continue
                labels = PRONOUN_LABELS[word]
                if _named(c, NAME_LABELS, before=slot.holder[0]):
                    # the sentence names someone before it: the pronoun's body, if of its kind (the tagger
                    # may take a person for a body), is there, not in a sentence before
                    body = _sole(_named(c, labels, before=slot.holder[0]))
                elif labels in last and n is not None and n - last[labels][0] <= REACH:
                    body = last[labels][1]
                else:
                    body = None
                if body is not None:
                    out[(c.id, slot.holder[0])] = body
            if n is None:
                continue
            for labels in set(PRONOUN_LABELS.values()):
                if _named(c, labels):
                    last[labels] = (n, _sole(_named(c, labels)))
                else:
                    passed = {out[(c.id, s.holder[0])] for s in _slots(c) if s.holder and (c.id, s.holder[0]) in out
                              and out[(c.id, s.holder[0])].label in labels}
                    if len({e.canonical for e in passed}) == 1:
                        last[labels] = (n, passed.pop())
    return out


def _slots(c: Claim) -> tuple[Quantity | TimeExpr, ...]:
    return (*c.quantities, *c.times)
