"""A report that says no one is held, published days after another outlet's report of someone held.

"No charges have been filed" the day after another outlet wrote that a man "is charged with murder", or "no
arrests have been made" after "was arrested": custody only moves one way in a story's first days, so the later
report that says no one is held says against the earlier one (a stale copy or a wrong one). The other order is the
story moving on (no arrest on Friday, an arrest on Saturday) and is not flagged; nor are reports of one day, whose
order within the day is not known.

The statement that no one is held names no holder ("no one", "no arrests"), so it is set against anyone held in
the story; one that names a holder ("no charges against the driver") or a part ("no one else", "in that case") is
not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..records import Claim, Flag
from .base import Finding, make_flag
from .statuses import _PENDING

# Kind -> the words that say no one is held in that way.
_NO_ONE = {
    "charge": r"no\s+charges?\s+(?:have|has|had|were|was)\s+(?:yet\s+)?been\s+(?:filed|brought|laid)"
              r"|no\s+one\s+(?:has|had)\s+(?:yet\s+)?been\s+charged|no\s+one\s+was\s+charged",
    "arrest": r"no\s+arrests?\s+(?:have|has|had)\s+(?:yet\s+)?been\s+made|(?:have|has|had)\s+made\s+no\s+arrests?"
              r"|no\s+one\s+(?:has|had)\s+(?:yet\s+)?been\s+arrested|(?:no\s+one|nobody)\s+(?:is|was)\s+in\s+custody"
              r"|no\s+suspects?\s+(?:is|are|was|were)\s+in\s+custody|no\s+suspects?\s+(?:has|have|had)\s+been\s+arrested",
}
# Kind -> the words that say someone is held that way.
_HELD = {
    "charge": r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+charged\s+with",
    "arrest": r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:arrested|booked|in\s+custody|taken\s+into\s+custody"
              r"|behind\s+bars)",
}
_NO_ONE_RE = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _NO_ONE.items()}
_HELD_RE = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _HELD.items()}
# Words after the no-one statement that narrow it to a holder or a part, or to another case.
_NARROWED = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:against|in\s+(?:that|either|the\s+other|another|any\s+of)|else|other"
                       r"|for\s+the)\b", re.I)
_OTHER_CASE = re.compile(r"\b(?:else|other|another|separate|unrelated|previous|earlier|prior|warrant)\b", re.I)
MAX_DAYS = 7  # as the statuses' window
RAW_SCORE = 0.5


def no_one_held(c: Claim, kind: str) -> tuple[int, int] | None:
    """Where a claim says no one is held in this way, unless it narrows that to someone or another case."""
    m = _NO_ONE_RE[kind].search(c.text)
    if m is None or _NARROWED.search(c.text[m.end():]) or _OTHER_CASE.search(c.text[:m.start()]):
        return None
    return c.start + m.start(), c.start + m.end()


def someone_held(c: Claim, kind: str) -> tuple[int, int] | None:
    """Where a claim says someone is held in this way: not negated, forecast or of another case."""
    m = _HELD_RE[kind].search(c.text)
    if m is None or _PENDING.search(c.text[:m.start()]) or _OTHER_CASE.search(c.text):
        return None
    return c.start + m.start(), c.start + m.end()


def custody_clashes(story: Sequence[Claim]) -> list[Finding]:
    """Someone held in one outlet's report against no one held in another's of a later day, when the later
    report does not itself tell of someone held that way; the closest pair of each two articles and kind."""
    found: dict[tuple[str, str, str], tuple[int, Finding]] = {}
    for kind in _NO_ONE:
        held = [(c, s) for c in story if (s := someone_held(c, kind)) is not None]
        held_articles = {c.article_id for c, _ in held}
        for b in story:
            sb = no_one_held(b, kind)
            if sb is None or b.article_id in held_articles:
                continue
            for a, sa in held:
                gap = (b.published.date() - a.published.date()).days
                key = (a.article_id, b.article_id, kind)
                if a.outlet == b.outlet or not 1 <= gap <= MAX_DAYS or key in found and found[key][0] <= gap:
                    continue
                found[key] = (gap, Finding("polarity", a, b, _words(a, sa), _words(b, sb), sa, sb,
                                           confidence=RAW_SCORE))
    return [f for _, f in found.values()]


def _words(c: Claim, span: tuple[int, int]) -> str:
    return c.text[span[0] - c.start:span[1] - c.start]


def custody_flags(claims: Iterable[Claim]) -> list[Flag]:
    """Flags for no one held said after someone held, across the outlets of each story."""
    by_story: dict[str, list[Claim]] = {}
    for c in claims:
        if c.story_id:
            by_story.setdefault(c.story_id, []).append(c)
    return [make_flag(f) for story in by_story.values() for f in custody_clashes(story)]
