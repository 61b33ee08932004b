"""How gravely a sentence calls the hurt hurt: grave ("in critical condition", "critically wounded",
"life-threatening injuries") or mild ("in stable condition", "non-life-threatening", "none of the injuries are
life-threatening"). "Critical but stable" is grave, and so are injuries "ranging from minor to critical" (one of
the hurt at least is critical). Whose condition it is, is the reader's (fates.py).
"""

from __future__ import annotations

import re

_CLAUSE_END = (r"\s*(?:[,.;)]|$)|\s+(?:at|in|after|with|and|but|on|following|since|this|today|tonight|"
               r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b")
# A negative subject ("None of the four men taken to hospital suffered ...") negates its whole clause, however
# long the subject: read further, to the clause's end or a "but".
_NOT_GRAVE = re.compile(r"\b(?:non|not|no|never)\b[^.;]{0,40}?\blife[- ]threatening\b|"
                        r"\b(?:none|neither|nobody|no\s+one)\b(?:(?!\bbut\b)[^.;]){0,80}?\blife[- ]threatening\b|"
                        r"n't\s+[^.;]{0,30}?\blife[- ]threatening\b", re.I)
_GRAVE = re.compile(
    r"\bcritical\b(?:,?\s+but\s+stable)?\s+condition\b|\bcritically\s+(?:wound|injur|hurt)\w*|"
    # "remains critical at ..." (not "in critical need of"; "critical condition" is told above)
    rf"\b(?:in|listed\s+(?:as|in)|remains?|remained|is|was|are|were)\s+critical(?!,?\s+but\s+stable\s+condition)"
    rf"(?={_CLAUSE_END})|"
    r"\bgrave\s+condition\b|\blife[- ]threatening\s+(?:injur|wound|condition)\w*", re.I)
_MILD = re.compile(r"\bstable\s+condition\b|\b(?:in|listed\s+(?:as|in)|remains?|remained|is|was|are|were)\s+"
                   r"(?:now\s+)?stable\b(?!\s+condition)|\bgood\s+condition\b", re.I)
_BOTH_WAYS = re.compile(r"\bcritical,?\s+(?:but|yet|and)\s+stable\b|\bstable,?\s+(?:but|yet)\s+critical\b", re.I)
# A sentence that tells the change itself ("initially listed in critical condition"), or an earlier state, gives
# no one state.
_CHANGED = re.compile(r"\b(?:initially|at\s+first|upgraded|downgraded|improved|worsened|had\s+been|no\s+longer)\b",
                      re.I)
# The conditions of several hurt told as a range whose worst is grave ("injuries ranging from minor to critical",
# "conditions ranging from stable to life-threatening"): some one of them is gravely hurt.
_RANGE = re.compile(r"\branging\s+from\b[^.;]{0,60}?\bto\s+[\"“']?(?:critical|life[- ]threatening)\b", re.I)
# A condition (which may change from day to day), not a judgement of the injuries ("life-threatening").
_STATUS = re.compile(r"\bcritical\b|\bcondition\b", re.I)


def condition(text: str) -> tuple[str, re.Match] | None:
    """``grave`` or ``mild`` and the words that say it; None when the sentence tells neither, both (of two
    people: "one is critical, the other stable") or a change."""
    if _CHANGED.search(text):
        return None
    ranged = _RANGE.search(text)
    if ranged:
        return "grave", ranged
    low = _NOT_GRAVE.search(text) or _MILD.search(text)
    grave = next((m for m in _GRAVE.finditer(text) if not (low and low.start() <= m.start() < low.end())), None)
    if grave and low and not _BOTH_WAYS.search(text):
        return None
    if grave:
        return "grave", grave
    return ("mild", low) if low else None


def is_range(words: str) -> bool:
    """The words tell the conditions of several as a range ("ranging from stable to critical")."""
    return _RANGE.match(words) is not None


def is_status(words: str) -> bool:
    """The words name a condition ("in critical condition"), not a judgement of the injuries."""
    return _STATUS.search(words) is not None
