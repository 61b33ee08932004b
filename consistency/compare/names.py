"""Name variants: one entity spelled differently across outlets (informational)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

from ..lexicon import TITLES
from ..records import Claim, Entity, Flag
from ..unionfind import UnionFind
from .base import Finding, make_flag, near_copy_edits

MIN_SCORE = 0.5  # near-copies only: a respelled name can pull a short sentence far from its copy
MIN_COPY_RATIO = 0.75
_TITLES = re.compile(r"^(" + "|".join(sorted(TITLES | {"the"}, key=lambda w: (-len(w), w))) + r")\.?\s+", re.I)


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
    differing = [(a, b) for a, b in zip(tx, ty) if _plain(a) != _plain(b) and _regional(a) != _regional(b)
                 and not (_affixed(a, b) or _affixed(b, a))]  # Somali/Somalia: another word form
    if not differing:
        return False
    return all(len(a) > 2 and len(b) > 2 and SequenceMatcher(None, a, b).ratio() >= 0.7 for a, b in differing)


def _plain(word: str) -> str:
    """The word without accents: "Vendôme" and "Vendome" are one spelling typed two ways."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _affixed(short: str, long: str) -> bool:
    """``long`` is ``short`` with an ending added ("Somalia"), not with its last letter doubled ("Carsonn")."""
    if not long.startswith(short) or long == short:
        return False
    return not (len(long) == len(short) + 1 and long[-1] == short[-1])


def _regional(word: str) -> str:
    """A word with British/American spelling and a plural -s folded away (Centre/Center, Labour/Labor)."""
    word = word.replace("-", "")
    word = re.sub(r"re$", "er", word[:-1] if len(word) > 4 and re.search(r"[^s]s$", word) else word)
    word = re.sub(r"is(ation|e|ed|ing)$", r"iz\1", word)
    return re.sub(r"our$", "or", word)


def _entity_at(c: Claim, span: tuple[int, int]) -> Entity | None:
    return next((e for e in c.entities if e.start < span[1] and span[0] < e.end), None)


def _looks_like_name(c: Claim, span: tuple[int, int], word: str) -> bool:
    """A capitalised word inside a recognised entity, or capitalised mid-sentence."""
    if not word[:1].isupper():
        return False
    return _entity_at(c, span) is not None or span[0] > c.start


def name_observations(aligned: Iterable[tuple[Claim, Claim, float]]):
    """(score, (claim, mention, span, word), (other claim, ...)) for every name two
    near-copies of one sentence spell differently. The same sentence with one name respelled is
    stronger evidence of one entity than any spelling rule: different sentences are left alone."""
    for a, b, score in aligned:
        if a.outlet == b.outlet or score < MIN_SCORE:
            continue
        edits = near_copy_edits(a, b, min_ratio=MIN_COPY_RATIO)
        if not edits:
            continue
        for e in edits:
            if not (_looks_like_name(a, e.a, e.text_a) and _looks_like_name(b, e.b, e.text_b)):
                continue
            if not is_spelling_variant(e.text_a, e.text_b):
                continue
            ea, eb = _entity_at(a, e.a), _entity_at(b, e.b)
            if ea is None and eb is None:
                continue
            ta, sa = (ea.text, (ea.start, ea.end)) if ea is not None and _covers(ea, e.a) else (e.text_a, e.a)
            tb, sb = (eb.text, (eb.start, eb.end)) if eb is not None and _covers(eb, e.b) else (e.text_b, e.b)
            yield score, (a, ta, sa, e.text_a.casefold()), (b, tb, sb, e.text_b.casefold())


def _covers(e: Entity, span: tuple[int, int]) -> bool:
    return e.start <= span[0] and span[1] <= e.end


def name_variant_flags(aligned: Iterable[tuple[Claim, Claim, float]], resolver) -> list[Flag]:
    """One flag per article that spells an entity in a minority form, paired with its best match."""
    spellings: UnionFind[str] = UnionFind()
    observed = list(name_observations(aligned))
    # Spellings are counted by the respelled word, so "Brian Nikhols" and a later bare "Nikhols"
    # in the same article are one variant, flagged once.
    for _, x, y in observed:
        spellings.union(x[3], y[3])
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # entity -> word -> articles
    candidates: dict[tuple[str, str], tuple] = {}
    for score, x, y in observed:
        entity = spellings.find(x[3])
        forms[entity][x[3]].add(x[0].article_id)
        forms[entity][y[3]].add(y[0].article_id)
        for ref, var in ((x, y), (y, x)):
            key = (entity, var[0].article_id + "|" + var[3])
            if key not in candidates or score > candidates[key][0]:
                candidates[key] = (score, ref, var)
    flags = []
    for (entity, _), (score, ref, var) in candidates.items():
        by_form = forms[entity]
        if len(by_form[var[3]]) > len(by_form[ref[3]]):
            continue  # this article uses the majority spelling: the other side is the variant
        if len(by_form[var[3]]) == len(by_form[ref[3]]) and (var[0].published, var[0].id) < (ref[0].published, ref[0].id):
            continue  # a tie: the later article is taken as the variant
        first, second = (ref, var) if (ref[0].published, ref[0].id) <= (var[0].published, var[0].id) else (var, ref)
        finding = Finding("name_variant", first[0], second[0], first[1], second[1], first[2], second[2],
                          confidence=min(0.9, 0.5 + score / 3))
        flags.append(make_flag(finding))
    return flags
