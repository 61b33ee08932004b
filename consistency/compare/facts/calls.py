"""Reports of the happening to the police: a time hung on a speech verb that dates the call, not a statement.

"police said Tuesday" dates a statement; "a caller told 911 dispatchers at 6 a.m." and "the shooting was
reported before 8 a.m." date the call that brought the police, a step of the incident itself. The sentence
tells them apart: the telling goes to an emergency line, or its subject is the happening.
"""

from __future__ import annotations

import re

from ...records import Claim, TimeExpr

CALL = "call"  # the event of a row that dates the report of the happening to the police

# Told or reported to an emergency line ("a neighbour told the deputies by the emergency line", "told dispatchers").
_TO_EMERGENCY = re.compile(r"\b(?:911|dispatch(?:er|ers)?|emergency (?:line|operators?)|callers?)\b", re.I)
_TELLING = re.compile(r"\b(?:told|tells|reported|reports|notified|alerted)\b", re.I)
# The happening is the subject of a passive report ("the shooting was reported on Elm Street at 5 a.m.").
_REPORTED = re.compile(r"\b(?:shooting|shootings|gunfire|shots|incident|attack|stabbing)\s+(?:was|were)\s+"
                       r"(?:first\s+)?reported\b", re.I)


def reports_call(c: Claim, t: TimeExpr) -> bool:
    """The time, hung on a speech verb, dates a report of the happening to the police: the sentence's
    telling before the time goes to an emergency line, or the happening is what was reported."""
    before = c.text[:max(0, t.start - c.start)]
    if _REPORTED.search(before):
        return True
    return _TELLING.search(before) is not None and _TO_EMERGENCY.search(before) is not None


# A call put through to a person ("called him", "called her mother"), not to the police.
_TO_PERSON = re.compile(r"\bcall(?:ed|s|ing)?\s+(?:him|her|them|me|us|you|(?:his|her|their|my|our)\s+\w+)\b", re.I)


def calls_a_person(c: Claim, t: TimeExpr) -> bool:
    """The call the time dates went to a person the sentence names by a pronoun ("a neighbour called him
    around 2 a.m."), not to the police: it dates no step of the incident."""
    return _TO_PERSON.search(c.text[:max(0, t.start - c.start)]) is not None
