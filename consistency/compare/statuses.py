"""Statuses that change without a figure: a later report that says what an earlier one awaited.

An outlet writes that someone "could be charged" or "has not resigned"; days later another writes
that they "were charged" or "resigned". Neither is wrong: the later report is an update, the way a
toll that rose is. Each claim of a story is read for a status word (charged, indicted, resigned,
vetoed, approved ...) said of a named person or body, and whether the sentence has it still to come
(negated, forecast, demanded) or done. An earlier outlet's pending status and a later outlet's done
one, of the same kind and holder, on a later day, are an ``update``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Claim
from .facts.holders import HOLDER_CHARS  # a name this close to the status word may be whose status it is
from .finding import Finding

# "Passed" with a particle is another verb: "passed over" for a post, "passed away", "passed up"; not
# with "on" or "by", which a date or an agent follows ("passed on Tuesday", "passed by the House").
_NO_PARTICLE = r"(?!\s+(?:over|away|up|out|along|around|off)\b)"
# Kind of status -> the words that say it was reached (past forms) and the words that name it at all.
_DONE = {
    "charge": r"charged|indicted",
    "convict": r"convicted|found guilty|pleaded guilty|pled guilty",
    "arrest": r"arrested|detained",
    "resign": r"resigned|stepped down|quit",
    "veto": r"vetoed",
    "approve": rf"approved|passed\b{_NO_PARTICLE}|ratified|confirmed",
    "sign": r"signed into law",
    "acquit": r"acquitted",
}
_NAMED = {
    "charge": r"charges?|charged|indict(?:ed|ment)?|prosecut(?:e|ed|ion)",
    "convict": r"convict(?:ed|ion)?|found guilty|plead(?:ed)? guilty",
    "arrest": r"arrest(?:ed)?|detain(?:ed)?",
    "resign": r"resign(?:ed|ation)?|step(?:ped)? down|quit",
    "veto": r"veto(?:ed)?",
    "approve": rf"approv(?:e|ed|al)|pass(?:ed|age)?\b{_NO_PARTICLE}|ratif(?:y|ied)|confirm(?:ed|ation)?",
    "sign": r"sign(?:ed)? (?:it |the bill )?into law",
    "acquit": r"acquit(?:ted|tal)?",
}
_DONE_RE = {k: re.compile(rf"\b(?:{v})\b", re.IGNORECASE) for k, v in _DONE.items()}
_NAMED_RE = {k: re.compile(rf"\b(?:{v})\b", re.IGNORECASE) for k, v in _NAMED.items()}
# Words before a status that leave it still to come: negated, forecast, possible, demanded; within
# the status word's own clause (not "Facing a trial, he resigned"). The modal "may" is written small:
# "in May he had been passed" names a month.
_PENDING = re.compile(
    r"\b(?:not|n't|never|yet to|could|(?-i:may)|might|would|will|expected to|likely to|poised to|plans? to|planning to|"
    r"threaten(?:s|ed)? to|faces?|facing|possible|potential|whether|if|should|calls? for|called for|urged?|"
    r"demand(?:s|ed)?|refus(?:es|ed) to|pressure to|no)\b[^.;:,]{0,25}$", re.IGNORECASE)
MIN_DAYS = 1  # the done report comes on a later day: the same day's reports tell one state
MAX_DAYS = 7  # as the fact table's window: reports further apart are as often of another happening


@dataclass(frozen=True, slots=True)
class Status:
    """One status said of named holders in a claim: its kind, whether it is done, and its words."""

    claim: Claim
    kind: str
    done: bool
    holders: frozenset[str]
    span: tuple[int, int]


def statuses(c: Claim) -> list[Status]:
    """The statuses a claim states, each with the canonical ids of the people or bodies it is said of."""
    out = []
    for kind, named in _NAMED_RE.items():
        m = named.search(c.text)
        if m is None:
            continue
        holders = _holders(c, c.start + m.start(), c.start + m.end())
        if not holders:
            continue
        cue = _PENDING.search(c.text[:m.start()])
        # Only words that govern the status word leave it to come: the sentence's own modality may
        # be another verb's ("the council meets to weigh an appeal of the veto": the veto was made).
        pending = bool(cue)
        done = not pending and bool(_DONE_RE[kind].fullmatch(m.group(0)))
        if pending or done:
            # A pending status is shown with what leaves it to come ("could face charges").
            start = cue.start() if cue else m.start()
            out.append(Status(c, kind, done, holders, (c.start + start, c.start + m.end())))
    return out


def _holders(c: Claim, start: int, end: int) -> frozenset[str]:
    """Whom the status word is said of: the person named closest before it (else closest after), or
    failing a person the body; not everyone the sentence names ("Amsel said Vint will step down")."""
    for label in ("PERSON", "ORG"):
        before = [e for e in c.entities if e.label == label and start - HOLDER_CHARS < e.end <= start]
        after = [e for e in c.entities if e.label == label and end <= e.start < end + HOLDER_CHARS]
        if before:
            return frozenset({max(before, key=lambda e: e.end).canonical})
        if after:
            return frozenset({min(after, key=lambda e: e.start).canonical})
    return frozenset()


def status_findings(claims: Sequence[Claim]) -> list[Finding]:
    """Updates between an earlier outlet's pending status and a later outlet's done one, of one kind
    and holder: one per pair of articles and kind, the closest in time."""
    rows = [s for c in claims for s in statuses(c)]
    best: dict[tuple[str, str, str], tuple[float, Status, Status]] = {}
    for a in rows:
        if a.done or _past_and_done_in_own_article(a, rows):
            continue
        for b in rows:
            if (not b.done or b.kind != a.kind or b.claim.outlet == a.claim.outlet
                    or not MIN_DAYS <= (b.claim.published.date() - a.claim.published.date()).days <= MAX_DAYS
                    or not a.holders & b.holders):
                continue
            gap = (b.claim.published - a.claim.published).total_seconds()
            key = (a.claim.article_id, b.claim.article_id, a.kind)
            if key not in best or gap < best[key][0]:
                best[key] = (gap, a, b)
    return [_finding(a, b) for _, a, b in best.values()]


# A time of its own that puts a status back at an earlier moment than the report ("was not held at the
# scene", "was not charged at the time", "initially").
_OWN_PAST_TIME = re.compile(r"\b(?:at the (?:scene|time)|on the (?:night|day|morning|evening) of|"
                            r"that (?:night|day|morning|evening)|initially|at first)\b", re.IGNORECASE)


def _past_and_done_in_own_article(a: Status, rows: Sequence[Status]) -> bool:
    """The pending status is said with its own past time, and its own article reports it done ("was not
    held at the scene" beside "was held on Monday"): the not-yet is of that earlier moment, and the
    article already knew of the change."""
    return bool(_OWN_PAST_TIME.search(a.claim.text)) and any(
        r.done and r.kind == a.kind and r.claim.article_id == a.claim.article_id and r.holders & a.holders
        for r in rows)


RAW_SCORE = 0.5  # the calibration table turns it into the precision measured for such flags


def _finding(a: Status, b: Status) -> Finding:
    def words(s: Status) -> str:
        return s.claim.text[s.span[0] - s.claim.start:s.span[1] - s.claim.start]
    return Finding("update", a.claim, b.claim, words(a), words(b), a.span, b.span, confidence=RAW_SCORE)
