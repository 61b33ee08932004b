"""A hurt person's hospital condition given differently by outlets of one story.

Conditions are read on a graded scale: critical (or grave, life-threatening) above serious above fair, stable or
good. Two shapes are flagged, both across outlets and never within one report:

- an ``update``: a later day's report says the condition changed ("upgraded to fair condition", "out of critical
  condition") from the worse one an earlier day's report gave. The change word is needed: a later report that
  only gives another condition ("in fair condition Friday") tells of another day, not against the first;
- a ``polarity`` clash: one report says the whole group of wounded left hospital ("all were treated and
  released", "both have been released from the hospital"), while a report of the same day or later says one of
  them is still there ("one remains in serious condition"). Released first and still in hospital after cannot
  both be right; still in hospital first and released after is the story moving on, and is not flagged.

The holder is checked only coarsely: the words before each condition must not name two kinds of person (police,
a suspect, a victim), so a wounded officer's condition is not set against the gunman's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..records import Claim, Flag
from .base import Finding, make_flag

SCALE = {"critical": 3, "grave": 3, "life-threatening": 3, "serious": 2, "fair": 1, "stable": 1, "good": 1}
_LEVEL = r"(?P<level>critical|grave|serious|fair|stable|good)"
# "in critical condition", "in critical but stable condition", "listed in serious condition"
_STATED = re.compile(r"\bin\s+" + _LEVEL + r"(?:[\s,]+(?:but|and)\s+(?:stable|guarded)\W*)?\s+condition\b", re.I)
# A change told by the later report itself: to a level, or out of one.
_CHANGED_TO = re.compile(r"\b(?:upgraded|improved|downgraded)\s+(?:from\s+\w+\s+)?to\s+(?:a\s+)?" + _LEVEL
                         + r"(?:\s+condition)?\b", re.I)
_OUT_OF = re.compile(r"\b(?:out\s+of|no\s+longer\s+in)\s+(?P<level>critical|serious)\s+condition\b", re.I)
# A condition only hoped for or not known is none ("could be upgraded", "not known whether ... critical").
_NOT_SAID = re.compile(r"\b(?:not|n't|unknown|unclear|whether|if|could|would|might|may|expected to|hope)\b"
                       r"[^.;]{0,40}$", re.I)
# The whole group of wounded out of hospital ("all were treated and released", "both have been released").
_RELEASED = re.compile(r"\b(?:treated\s+and\s+released|released\s+from\s+(?:the\s+|a\s+|local\s+|area\s+)?"
                       r"(?:hospitals?|medical\s+center)|(?:have|has|had|were)\s+(?:since\s+)?been\s+released"
                       r"(?!\s+(?:on|from\s+(?:jail|custody|prison)|without)))", re.I)
_WHOLE_GROUP = re.compile(r"\b(?:all|both|everyone|every one|each)\b", re.I)
_PART_OF_GROUP = re.compile(r"\b(?:other|others|another|rest|remaining|one\s+of|two\s+of|some|most)\b", re.I)
# Still in hospital: "remains in serious condition", "is still in critical condition", "remained hospitalized".
_STILL = re.compile(r"\b(?:still|remains?|remained|continues?\s+to\s+be)\s+(?:\w+\s+){0,2}?"
                    r"(?:in\s+(?:the\s+)?(?:hospital|intensive\s+care|icu|critical|serious|grave)\b|hospitali[sz]ed)",
                    re.I)
_POLICE = re.compile(r"\b(?:officers?|deputies|deputy|troopers?|detectives?|agents?|policem[ae]n)\b", re.I)
_SUSPECT = re.compile(r"\b(?:suspects?|gunm[ae]n|shooters?|attackers?|accused)\b", re.I)
_VICTIM = re.compile(r"\b(?:victims?|wounded|injured|bystanders?|partygoers|patients?)\b", re.I)
KINDS = (("police", _POLICE), ("suspect", _SUSPECT), ("victim", _VICTIM))
MAX_DAYS = 7  # as the statuses' window: reports further apart are as often of another turn of the story
RAW_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition a claim gives: its level on the scale, whether the claim tells it as a change, and where."""

    claim: Claim
    level: int
    change: int  # -1 told as bettered ("upgraded to"), 1 as worsened ("downgraded to"), 0 only stated
    span: tuple[int, int]

    @property
    def words(self) -> str:
        return self.claim.text[self.span[0] - self.claim.start:self.span[1] - self.claim.start]


def holder_kind(c: Claim, span: tuple[int, int]) -> str | None:
    """Police, suspect or victim: whom the words before a condition speak of, as coarsely as the comparison needs
    it; None when they name no such kind, "mixed" when they name several."""
    before = c.text[:span[0] - c.start]
    kinds = {kind for kind, pattern in KINDS if pattern.search(before)}
    return None if not kinds else kinds.pop() if len(kinds) == 1 else "mixed"


def same_holder_kind(a: Claim, sa: tuple[int, int], b: Claim, sb: tuple[int, int]) -> bool:
    """Whether two conditions may be of one person or group: no two kinds of person named before them."""
    ka, kb = holder_kind(a, sa), holder_kind(b, sb)
    return "mixed" not in (ka, kb) and (ka is None or kb is None or ka == kb)


def conditions(c: Claim) -> list[Condition]:
    """The conditions a claim states as said (not hoped for, not unknown), each with its level."""
    out = []
    for pattern in (_CHANGED_TO, _OUT_OF, _STATED):
        for m in pattern.finditer(c.text):
            if _NOT_SAID.search(c.text[:m.start()]) or any(o.span[0] <= c.start + m.start() < o.span[1] for o in out):
                continue
            level = SCALE[m.group("level").casefold()]
            if pattern is _OUT_OF:
                level -= 1  # out of critical: at most serious
            change = 0 if pattern is _STATED else 1 if m.group(0).casefold().startswith("down") else -1
            out.append(Condition(c, level, change, (c.start + m.start(), c.start + m.end())))
    return out


def _one_level(c: Claim) -> Condition | None:
    """The claim's condition when it gives only one level (several levels are several people's)."""
    found = conditions(c)
    return found[0] if found and len({x.level for x in found}) == 1 else None


def days_apart(a: Claim, b: Claim) -> int:
    """Whole days from ``a``'s publication to ``b``'s."""
    return (b.published.date() - a.published.date()).days


def condition_updates(story: Sequence[Claim]) -> list[Finding]:
    """A later report's told change of condition against an earlier day's report of another outlet that gave a
    level the change leaves ("critical" against "out of critical condition"); one per pair of articles."""
    rows = [(c, x) for c in story if (x := _one_level(c)) is not None]
    best: dict[tuple[str, str], Finding] = {}
    for a, old in rows:
        if old.change:
            continue
        for b, new in rows:
            if (not new.change or b.outlet == a.outlet or not 1 <= days_apart(a, b) <= MAX_DAYS
                    or (new.level - old.level) * new.change <= 0 or not same_holder_kind(a, old.span, b, new.span)):
                continue
            key = (a.article_id, b.article_id)
            if key not in best:
                best[key] = Finding("update", a, b, old.words, new.words, old.span, new.span, confidence=RAW_SCORE)
    return list(best.values())


def released_all(c: Claim) -> tuple[int, int] | None:
    """Where a claim says the whole group of wounded left hospital, if it does."""
    m = _RELEASED.search(c.text)
    if m is None or _NOT_SAID.search(c.text[:m.start()]) or not _WHOLE_GROUP.search(c.text):
        return None
    if _PART_OF_GROUP.search(c.text) or _STILL.search(c.text):
        return None  # "one was released and the other remains": not the whole group
    return c.start + m.start(), c.start + m.end()


def still_in_hospital(c: Claim) -> tuple[int, int] | None:
    """Where a claim says someone is still in hospital or in a grave condition, if it does."""
    m = _STILL.search(c.text)
    if m is None or _NOT_SAID.search(c.text[:m.start()]):
        return None
    return c.start + m.start(), c.start + m.end()


def release_clashes(story: Sequence[Claim]) -> list[Finding]:
    """The whole group said released against one said still in hospital by another outlet the same day or later;
    one per pair of articles."""
    released = [(c, s) for c in story if (s := released_all(c)) is not None]
    still = [(c, s) for c in story if (s := still_in_hospital(c)) is not None]
    best: dict[tuple[str, str], Finding] = {}
    for a, sa in released:
        for b, sb in still:
            if (b.outlet == a.outlet or not 0 <= days_apart(a, b) <= MAX_DAYS
                    or not same_holder_kind(a, sa, b, sb)):
                continue
            key = (a.article_id, b.article_id)
            if key not in best:
                best[key] = Finding("polarity", a, b, _words(a, sa), _words(b, sb), sa, sb, confidence=RAW_SCORE)
    return list(best.values())


def _words(c: Claim, span: tuple[int, int]) -> str:
    return c.text[span[0] - c.start:span[1] - c.start]


def condition_flags(claims: Iterable[Claim]) -> list[Flag]:
    """Flags for conditions given differently across the outlets of each story."""
    by_story: dict[str, list[Claim]] = {}
    for c in claims:
        if c.story_id:
            by_story.setdefault(c.story_id, []).append(c)
    return [make_flag(f) for story in by_story.values() for f in condition_updates(story) + release_clashes(story)]
