"""Name variants: one entity spelled differently across outlets (informational)."""

from __future__ import annotations

import re
from functools import lru_cache
from difflib import SequenceMatcher
from collections import defaultdict
from typing import Iterable

from ..records import Claim, Entity, Flag
from .base import Finding, make_flag

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
MIN_SCORE = 0.65
_TITLES = re.compile(r"^(president|prime minister|minister|mr|mrs|ms|dr|gen|general|secretary|chancellor|"
                     r"senator|sen|rep|governor|gov|judge|justice|chief|ceo|spokesman|spokeswoman|the)\.?\s+", re.I)


@lru_cache(maxsize=65536)
def _form(text: str) -> str:
    text = re.sub(r"['’]s?$", "", text.strip())
    while True:
        stripped = _TITLES.sub("", text)
        if stripped == text:
            break
        text = stripped
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def is_spelling_variant(x: str, y: str) -> bool:
    """True when two mentions spell one name differently ("Voronets"/"Voronetz"), not when one
    shortens it, adds a title, or differs only in punctuation or by being another name."""
    tx = [w.strip(".,:;") for w in _form(x).casefold().split()]
    ty = [w.strip(".,:;") for w in _form(y).casefold().split()]
    tx, ty = [w for w in tx if w], [w for w in ty if w]
    if tx == ty or len(tx) != len(ty) or not tx:
        return False
    differing = [(a, b) for a, b in zip(tx, ty) if a != b and _regional(a) != _regional(b)
                 and not (a.startswith(b) or b.startswith(a))]  # Somali/Somalia: another word form
    if not differing:
        return False
    return all(len(a) > 2 and len(b) > 2 and SequenceMatcher(None, a, b).ratio() >= 0.7 for a, b in differing)


def _regional(word: str) -> str:
    """A word with British/American spelling and a plural -s folded away (Centre/Center, Labour/Labor)."""
    word = word.replace("-", "")
    word = re.sub(r"re$", "er", word.rstrip("s") if len(word) > 4 else word)
    word = re.sub(r"is(ation|e|ed|ing)$", r"iz\1", word)
    return re.sub(r"our$", "or", word)


def _entity_key(ea: Entity, eb: Entity, resolver) -> str | None:
    """The shared id of two mentions, or None when they are different entities."""
    if ea.canonical == eb.canonical:
        return ea.canonical
    # spaCy labels one name PERSON in one sentence and ORG in another: resolve both alike.
    if {ea.label, eb.label} <= {"PERSON", "ORG"}:
        ka, kb = resolver.resolve(_form(ea.text), "PERSON"), resolver.resolve(_form(eb.text), "PERSON")
        if ka == kb:
            return ka
    return None


def name_variant_flags(aligned: Iterable[tuple[Claim, Claim, float]], resolver) -> list[Flag]:
    """One flag per article that spells an entity in a minority form, paired with its best match."""
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # canonical -> form -> articles
    candidates: dict[tuple[str, str], tuple[float, Claim, Entity, Claim, Entity]] = {}
    for a, b, score in aligned:
        if a.outlet == b.outlet or score < MIN_SCORE:
            continue
        for ea in a.entities:
            if ea.label not in LABELS:
                continue
            for eb in b.entities:
                if eb.label not in LABELS or not is_spelling_variant(ea.text, eb.text):
                    continue
                entity = _entity_key(ea, eb, resolver)
                if entity is None:
                    continue
                fa, fb = _form(ea.text), _form(eb.text)
                forms[entity][fa].add(a.article_id)
                forms[entity][fb].add(b.article_id)
                for key, rec in (((entity, b.article_id + "|" + fb), (score, a, ea, b, eb)),
                                 ((entity, a.article_id + "|" + fa), (score, b, eb, a, ea))):
                    if key not in candidates or score > candidates[key][0]:
                        candidates[key] = rec
    flags = []
    for (canonical, key), (score, ref, eref, var, evar) in candidates.items():
        by_form = forms[canonical]
        form_var, form_ref = _form(evar.text), _form(eref.text)
        if len(by_form[form_var]) > len(by_form[form_ref]):
            continue  # this article uses the majority spelling: the other side is the variant
        if len(by_form[form_var]) == len(by_form[form_ref]) and (var.published, var.id) < (ref.published, ref.id):
            continue  # a tie: the later article is taken as the variant
        a, b, ea, eb = (ref, var, eref, evar) if (ref.published, ref.id) <= (var.published, var.id) else (var, ref, evar, eref)
        finding = Finding("name_variant", a, b, ea.text, eb.text, (ea.start, ea.end), (eb.start, eb.end),
                          confidence=min(0.9, 0.5 + score / 3), what="the spelling of the name")
        flags.append(make_flag(finding))
    return flags
