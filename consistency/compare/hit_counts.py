"""How many times one person was hit, as a report's wound sentence counts it: "Tom Hale was shot once in the chest" /
"Hale was hit three times in the back and side"; "hit once in the arm and once in the hip" / "hit twice in
the arm".

A count beside a hit word ("shot twice in", "hitting him three times in", "in the leg twice") covers the body parts
after it up to the next count; a wound whose every part is counted tells how many times, and where, the person was
hit. Two reports' counts of one person clash when the numbers differ (a vague "multiple times" is two or more, "at
least three" three or more), or when they give one number but put the hits in different places part by part
("twice in the arm" / "once in the arm and once in the hip"). A wound that leaves a part uncounted ("shot
twice in the arm and in the leg") tells no count, and a report that counts one person two ways tells none either.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

Count = tuple[int, bool]  # how many times, and whether that is only the least of it
Hits = tuple[tuple[frozenset[str], Count], ...]  # the regions each count covers, in the order written

_NUMBERS = dict(zip("one two three four five six seven eight nine ten eleven twelve".split(), range(1, 13)))
COUNT_WORDS = frozenset(_NUMBERS) | frozenset("once twice thrice times time multiple several numerous least".split())
_COUNT_WORDS = (r"\b(at\s+least\s+)?(?:(once)|(twice)|(thrice)|(\d+|" + "|".join(_NUMBERS) + r")\s+times?|"
                r"(?:multiple|several|numerous)\s+(times))\b")
_COUNT = re.compile(_COUNT_WORDS, re.I)
_ENDING = re.compile(_COUNT_WORDS + r"\W*$", re.I)
# A count after the parts, ending its clause ("in the leg twice, police said"; not "in the arm once police came").
_TRAILING = re.compile(_COUNT_WORDS + r"(?=\s*(?:[,.;:]|$|(?:and|by|during|while|before|after)\b))", re.I)
_PARTIAL = re.compile(r"\b(?:including|among\s+them|each)\b", re.I)


def count_in(words: str) -> Count | None:
    """The last count of hits the words give ("six times", "twice", "at least three times", "multiple times")."""
    found = None
    for m in _COUNT.finditer(words):
        least = m.group(1) is not None
        if m.group(2):
            found = (1, least)
        elif m.group(3):
            found = (2, least)
        elif m.group(4):
            found = (3, least)
        elif m.group(5):
            n = m.group(5).casefold()
            found = (int(n) if n.isdigit() else _NUMBERS[n], least)
        else:
            found = (2, True)
    return found


def hit_groups(first: str, befores: Sequence[str], regions: Sequence[frozenset[str]], after: str) -> Hits | None:
    """The counted hits of one wound: ``first`` is the words between the hit word and its first part, ``befores``
    the words before each part since the one before it, ``regions`` each part's regions, ``after`` what follows the
    last part ("in the leg twice"). None unless every part is counted."""
    if not regions:
        return None
    # a count must end the words before the part: "shot eight times, including once in" counts some hits only,
    # "shot once each in" several people, and "fired twice, and he was shot in" counts shots, not hits
    told = None if _PARTIAL.search(first) else _ENDING.search(first)
    counts = [count_in(told.group(0)) if told else None] + [count_in(b) for b in befores[1:]]
    if not any(counts):
        trailing = count_in(m.group(0)) if (m := _TRAILING.match(after.lstrip(" ,"))) else None
        return ((frozenset().union(*regions), trailing),) if trailing else None
    if counts[0] is None:
        return None
    groups: list[tuple[frozenset[str], Count]] = []
    for part, count in zip(regions, counts):
        if count is not None:
            groups.append((part, count))
        else:
            groups[-1] = (groups[-1][0] | part, groups[-1][1])
    return tuple(groups)


def total(hits: Hits) -> Count:
    """How many times in all, and whether only at least."""
    return sum(n for _, (n, _) in hits), any(least for _, (_, least) in hits)


def account_hits(told: Sequence[Hits]) -> Hits | None:
    """The one count a report gives of one person over its sentences; None when it gives none, or two."""
    totals = {total(h) for h in told}
    if len(totals) != 1:
        return None
    return max(told, key=len)


def counts_clash(a: Hits, b: Hits) -> bool:
    """Two counts of one person's hits that cannot both be right."""
    (na, la), (nb, lb) = total(a), total(b)
    if la and lb:
        return False
    if la or lb:
        return (nb < na) if la else (na < nb)
    if na != nb:
        return True
    where_a, where_b = _by_region(a), _by_region(b)
    return where_a is not None and where_b is not None and where_a != where_b


def _by_region(hits: Hits) -> Counter[str] | None:
    """How many hits each region took, when every count is of one region."""
    if any(len(regions) != 1 for regions, _ in hits):
        return None
    out: Counter[str] = Counter()
    for regions, (n, _) in hits:
        out[next(iter(regions))] += n
    return out
