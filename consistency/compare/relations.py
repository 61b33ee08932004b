"""One person's family tie told two ways by outlets of one story: "Ann Roe, Tim's cousin" / "Tim's aunt, Ann
Roe"; "a man shot his wife" / "a man shot his girlfriend".

A tie is a title of a person (a ``role``), but extraction keeps only offices, so the sentence is read for the
tie beside a named person, and for the tie of the one a man shot to him:

- named: a person the story names, given ties of two kinds to the same named or described person ("Tim's",
  "the victim's"); a tie to "his" or "her" is left out, as the pronoun may stand for either of two people;
- partner: the one shot or killed, told as the doer's wife, ex-wife or girlfriend, when each of two outlets
  gives one tie only.

Step and half ties agree with the plain one ("stepfather" / "father"), as an estranged spouse does with a
spouse or a former one; aunt and uncle, brother and sister are one kind (a slip of the sex is not a tie).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..records import Claim, Flag
from .ages import person_key, story_surnames
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_relation
from .person_names import plain_name_words

CONFIDENCE = 0.6

KINDS = {
    "mother": "parent", "father": "parent", "mom": "parent", "dad": "parent", "mum": "parent",
    "son": "child", "daughter": "child",
    "brother": "sibling", "sister": "sibling",
    "grandmother": "grandparent", "grandfather": "grandparent", "grandma": "grandparent", "grandpa": "grandparent",
    "grandson": "grandchild", "granddaughter": "grandchild", "grandchild": "grandchild",
    "aunt": "aunt", "uncle": "aunt", "niece": "niece", "nephew": "niece", "cousin": "cousin",
    "wife": "spouse", "husband": "spouse", "spouse": "spouse",
    "girlfriend": "partner", "boyfriend": "partner", "fiance": "partner", "fiancee": "partner",
    "fiancé": "partner", "fiancée": "partner",
}
_KIN = "|".join(sorted(KINDS, key=len, reverse=True))
# "ex-wife", "former girlfriend", "estranged husband", "stepfather", "half-sister", "great-aunt", "mother-in-law"
_TIE = (rf"(?P<pre>(?:ex|step|half|great|great-great)-?|(?:former|estranged|late|older|younger|little|big|oldest|"
        rf"youngest)\s+)?(?P<kin>{_KIN})(?P<law>-in-law)?")
# Whose kin: a name or a described person, never a pronoun ("his aunt" may be the victim's or the gunman's).
_HOLDER = (r"(?P<poss>(?!(?:His|Her|Their|Its|My|Our|Your|The)\b)[A-Z][\w-]*|(?:victim|boy|girl|child|baby|toddler|"
           r"man|woman|gunman|shooter|suspect|teen))(?:['’]s|(?<=s)['’])")
_AFTER_NAME = re.compile(rf"^,\s*(?:\d{{1,3}},\s*)?(?:(?i:the)\s+)?{_HOLDER}\s+{_TIE}\b")
# Not after "of": in "the brother of Tim's wife, Ann Roe" the name may be the brother's.
_BEFORE_NAME = re.compile(rf"(?:^|[\s(])(?<!\bof\s)(?:(?i:the)\s+)?{_HOLDER}\s+{_TIE},?\s+$")
_PARTNER = re.compile(rf"\b(?:shot|killed|murdered|slain|stabbed|wounded)\s+(?:and\s+(?:killed|wounded)\s+)?"
                      rf"(?:his|her)\s+{_TIE}\b", re.I)
_PARTNER_KINDS = frozenset({"spouse", "partner"})


@dataclass(frozen=True, eq=False)
class Tie:
    """A family tie one sentence gives a person (``person``: the key of whom it is said) to ``of``."""

    claim: Claim
    person: str
    of: str
    kind: str  # the kind, "ex-" for a former spouse or partner, "estranged-" for a spouse apart
    span: tuple[int, int]
    text: str


def _kind(m: re.Match) -> str:
    kind = KINDS[m.group("kin").casefold()]
    pre = (m.group("pre") or "").casefold().rstrip("- ").strip()
    if m.group("law"):
        return kind + "-in-law"
    if kind in _PARTNER_KINDS and pre in ("ex", "former"):
        return "ex-" + kind
    if kind in _PARTNER_KINDS and pre == "estranged":
        return "estranged-" + kind
    if pre.startswith("great") and kind in ("aunt", "grandparent", "grandchild", "niece"):
        return "great-" + kind
    return kind


def agree(a: str, b: str) -> bool:
    """Two kinds of tie that may both be said of one person: the same, or a spouse apart against either."""
    if a == b:
        return True
    x, y = sorted((a, b))
    return x.startswith("estranged-") and y.removeprefix("ex-") == x.removeprefix("estranged-") or \
        y.startswith("estranged-") and x.removeprefix("ex-") == y.removeprefix("estranged-")


def _holder_key(poss: str) -> str:
    return " ".join(poss.casefold().split()).removeprefix("the ")


def ties(c: Claim, surnames: dict[str, set[tuple[str, ...]]]) -> list[Tie]:
    """The family ties a sentence gives named people, and the tie of whom the doer shot ("shot his wife")."""
    if tells_of_another_incident(c.text):
        return []
    out = []
    for e in c.entities:
        words = tuple(plain_name_words(e.text))
        # an unusual full name is often tagged an organisation; a family tie beside it says it is a person
        if not words or not (e.label == "PERSON" or e.label == "ORG" and len(words) >= 2):
            continue
        s, t = e.start - c.start, e.end - c.start
        for m, base in ((_AFTER_NAME.match(c.text[t:]), t), (_BEFORE_NAME.search(c.text[:s]), 0)):
            if m is None or m.group("poss").casefold() in {w.casefold() for w in words}:
                continue
            a, b = _tie_span(m)
            out.append(Tie(c, person_key(words, surnames), _holder_key(m.group("poss")), _kind(m),
                           (c.start + base + a, c.start + base + b), c.text[base + a: base + b]))
    for m in _PARTNER.finditer(c.text):
        kind = _kind(m)
        if kind.split("-")[-1] in _PARTNER_KINDS:
            a, b = _tie_span(m)
            out.append(Tie(c, "the one shot", "the doer", kind, (c.start + a, c.start + b), c.text[a:b]))
    return out


def _tie_span(m: re.Match) -> tuple[int, int]:
    """Where the tie's words ("ex-wife", "mother-in-law") are in the matched text."""
    return (m.start("pre") if m.group("pre") else m.start("kin"), m.end("law") if m.group("law") else m.end("kin"))


def relation_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per story, person and holder that outlets give ties of two kinds, each outlet with one kind."""
    flags = []
    for story in claims_by_story(claims):
        surnames = story_surnames(story)
        by_key: dict[tuple[str, str], list[Tie]] = defaultdict(list)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            for t in ties(c, surnames):
                by_key[(t.person, t.of)].append(t)
        for rows in by_key.values():
            flag = _flag(rows)
            if flag is not None:
                flags.append(flag)
    return flags


def _flag(rows: list[Tie]) -> Flag | None:
    """Each outlet's first tie, when the outlet gives only kinds that agree; a flag when two outlets' disagree."""
    first: dict[str, Tie] = {}
    torn: set[str] = set()
    for t in rows:
        o = t.claim.outlet
        if o in first and not agree(first[o].kind, t.kind):
            torn.add(o)
        first.setdefault(o, t)
    kept = [t for o, t in first.items() if o not in torn]
    clash = [(a, b) for i, a in enumerate(kept) for b in kept[i + 1:] if not agree(a.kind, b.kind)]
    if not clash:
        return None
    shown = sorted(dict.fromkeys(t for pair in clash for t in pair),
                   key=lambda t: (t.claim.published, t.claim.article_id))
    who = shown[0].person if shown[0].person == "the one shot" else f"{shown[0].person} (to {shown[0].of})"
    return readings_flag("role", shown, CONFIDENCE, explain_relation(who, [(t.claim, t.text) for t in shown]))
