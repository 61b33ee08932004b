"""What a comparator returns, and how it becomes a flag."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Protocol, Sequence

from ..records import Claim, Evidence, Flag, FlagType, flag_id
from .explain import explain
from .finding import Finding, given_value, shared_value

# A later report that says its figure or date replaces an earlier one.
UPDATE_CUES = re.compile(
    r"\b(has|have|had)\s+(?:since\s+|now\s+|already\s+|further\s+)?(risen|rose|climbed|grown|increased|jumped|"
    r"fallen|dropped|been revised|been updated|been corrected|reached)\b|"
    r"\b(rose|climbed|jumped|increased|grew|fell|dropped|risen)\s+to\b|"
    r"\b(revised|updated|corrected|correction|now stands|now put|latest (?:figure|count|toll|tally))\b|"
    r"\b(postponed|rescheduled|pushed back|brought forward|delayed|moved (?:up|back|forward)|moved to)\b|"
    r"\b(?:earlier|later|sooner) than (?:planned|expected|scheduled|announced)\b|"
    r"\b(?:up|down) from\b|\bearlier (?:figure|count|tally|estimate|report)s?\b|"
    # one sentence setting a first belief against the present one ("at first thought he was 19, now say 23")
    r"\b(?:initially|originally|at first)\s+(?:believed|thought|said|reported|identified|described|told)\b[^.;]{0,80}?\bnow\b",
    re.I,
)


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
STOP = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been being has have had "
    "that this these those it its it's he she they we i you his her their our said says say told would will "
    "could should may might can not no than then there which who whom whose what when where while about after "
    "before over into also".split()
)


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in STOP and len(w) > 1)


def word_overlap(a: Claim, b: Claim) -> float:
    """Share of content words the two statements have in common (Dice coefficient)."""
    x, y = content_words(a.content), content_words(b.content)
    return 2 * len(x & y) / max(1, len(x) + len(y))


def same_statement(a: Claim, b: Claim, score: float, *, min_score: float = 0.8, min_overlap: float = 0.5) -> bool:
    """Two claims make the same statement: close in meaning and largely in wording."""
    return score >= min_score and word_overlap(a, b) >= min_overlap


SUBJECT_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "EVENT")


def same_subjects(a: Claim, b: Claim) -> bool:
    """The claims are about the same named things: when both name some, they share one.

    "The Red Sox offered $184 million" and "The Orioles offered $150 million" differ in
    figure because they are about different bidders, not because an outlet erred."""
    x = {e.canonical for e in a.entities if e.label in SUBJECT_LABELS}
    y = {e.canonical for e in b.entities if e.label in SUBJECT_LABELS}
    return not x or not y or bool(x & y)


_TOKEN = re.compile(r"\w+(?:[.,]\d+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Edit:
    """One stretch where two near-copies differ: character spans into each claim's text."""

    a: tuple[int, int]
    b: tuple[int, int]
    text_a: str
    text_b: str


# A closing clause that says what the figure replaces (", revised from an earlier figure of 14",
# ", up from 226 reported earlier"): left out of the word-for-word comparison, or its old figure
# pairs with the unchanged one of the other copy and hides the change. The clause runs to the end of
# the sentence, through the separators of its figure ("of 240,000").
_TO_END = r"(?:[^,;]|(?<=\d),(?=\d{3}\b))*"  # to the sentence's end, a figure's separators included
_UPDATE_TAIL = re.compile(r"[,;(]\s*(?:[^,;()]{0,30}\s)?(?:revised|updated|corrected|up|down|rising|falling|"
                          r"an increase|a decrease|from)\s+from\b" + _TO_END + r"[.)]?\s*$|"
                          r",\s*(?:revised|updated|corrected)\b" + _TO_END + "$", re.I)


# An opening frame that presents the sentence as a revision ("In an updated count, ", "The figure
# has since been revised: "), left out likewise.
_UPDATE_HEAD = re.compile(r"^[^,:;\d]{0,60}?\b(?:revised|updated|corrected|correction|latest)\b[^,:;\d]{0,40}?"
                          r"(?:[:,]\s*|\bthat\s+)", re.I)


def _body(text: str) -> tuple[int, int]:
    """Where the sentence is, without a frame or a closing clause that says what it revises."""
    start, end = 0, len(text)
    m = _UPDATE_TAIL.search(text)
    if m and m.start() > len(text) // 3:
        end = m.start()
    m = _UPDATE_HEAD.match(text[:end])
    if m and end - m.end() >= end // 3:
        start = m.end()
    return start, end


def _tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text, *_body(text)))


@lru_cache(maxsize=16384)
def _diff(x: str, y: str) -> tuple[float, tuple[tuple[tuple[int, int], tuple[int, int]], ...]]:
    from difflib import SequenceMatcher

    tx, ty = _tokens(x), _tokens(y)
    matcher = SequenceMatcher(None, [t.group().casefold() for t in tx], [t.group().casefold() for t in ty],
                              autojunk=False)
    edits = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace":
            continue
        edits.append(((tx[i1].start(), tx[i2 - 1].end()), (ty[j1].start(), ty[j2 - 1].end())))
    matched = sum(size for _, _, size in matcher.get_matching_blocks())
    # Containment, not symmetric similarity: a copy that adds a frame ("Updated figures show that
    # ...") or a tail (", revised from 31") is still a copy of the shorter sentence.
    shorter, longer = sorted((len(tx), len(ty)))
    ratio = min(matched / max(1, shorter), 1.5 * matched / max(1, longer))
    return ratio, tuple(edits)


def near_copy_edits(a: Claim, b: Claim, *, min_ratio: float = 0.8) -> list[Edit] | None:
    """Where two sentences that copy each other differ word for word, or None when they are
    not near-copies. Spans are offsets into each article, as the claims' own slots are."""
    ratio, edits = _diff(a.text, b.text)
    if ratio < min_ratio:
        return None
    return [Edit((a.start + s0, a.start + s1), (b.start + t0, b.start + t1), a.text[s0:s1], b.text[t0:t1])
            for (s0, s1), (t0, t1) in edits]


def is_copy(a: Claim, b: Claim, score: float, *, min_score: float = 0.6) -> bool:
    """Near-copies of one sentence: close in meaning, or so close word for word that the meaning
    vectors do not matter (they fall apart when one copy's frame was read and the other's not)."""
    ratio, _ = _diff(a.text, b.text)
    if score >= min_score:
        return ratio >= 0.8
    return ratio >= 0.88 and len(_tokens(a.text)) >= MIN_COPY_TOKENS


MIN_COPY_TOKENS = 10  # shorter sentences ("He scored 13 points.") copy each other by chance


def has_update_cue(c: Claim) -> bool:
    return bool(UPDATE_CUES.search(c.text))


def update_cue_words(c: Claim) -> frozenset[str]:
    """The update cues a claim says, as words ("has risen", "revised")."""
    return frozenset(" ".join(m.group(0).casefold().split()) for m in UPDATE_CUES.finditer(c.text))


def is_update(a: Claim, b: Claim) -> bool:
    """``b`` presents its value as a newer figure or a correction and ``a`` does not."""
    return has_update_cue(b) and not has_update_cue(a)


def make_flag(f: Finding) -> Flag:
    """A flag with evidence and an explanation a fact-checker can paste into a note."""
    claims = (f.a.id, f.b.id)
    values = {f.a.outlet: f.value_a, f.b.outlet: f.value_b} if f.a.outlet != f.b.outlet else {
        f"{f.a.outlet} ({f.a.article_id})": f.value_a, f"{f.b.outlet} ({f.b.article_id})": f.value_b}
    # The copies that agree against the odd claim give the value of whichever side they match.
    shared = shared_value(f)
    also = []
    for c in f.also:
        given = given_value(c, shared, f)
        if c.id not in claims and c.outlet not in values and given is not None:
            also.append((c, given))
    values.update({c.outlet: text for c, (text, _) in also})
    extra = tuple(evidence(c, *span) for c, (_, span) in also)
    return build_flag(f.type, (f.a, f.b, *(c for c, _ in also)), values,
                      (evidence(f.a, *f.span_a), evidence(f.b, *f.span_b)) + extra, f.confidence, explain(f),
                      key=claims)


def build_flag(type_: FlagType | str, claims: Sequence[Claim], values: dict[str, str], proof: Sequence[Evidence],
               confidence: float, explanation: str, *, key: Sequence[str], outlets: Sequence[str] | None = None
               ) -> Flag:
    """The one way a flag is made: its id from the type and the ``key`` claims, articles and
    outlets in claim order (unless ``outlets`` gives them), the story of the first claim."""
    return Flag(
        id=flag_id(type_, list(key)),
        type=FlagType(type_),
        claims=tuple(c.id for c in claims),
        articles=tuple(dict.fromkeys(c.article_id for c in claims)),
        outlets=tuple(outlets) if outlets is not None else tuple(dict.fromkeys(c.outlet for c in claims)),
        values=values,
        evidence=tuple(proof),
        confidence=round(confidence, 2),
        explanation=explanation,
        story_id=claims[0].story_id,
    )


def evidence(c: Claim, start: int, end: int) -> Evidence:
    """The whole claim sentence as evidence; ``start``/``end`` mark the differing value."""
    return Evidence(claim_id=c.id, article_id=c.article_id, outlet=c.outlet,
                    published=c.published.date().isoformat(), text=c.text, start=start, end=end)


ALSO_CITED = 2  # other sentences of a report that say the same, cited beside the one a flag was read from


def cited_beside(flag: Flag, also: Iterable[Evidence]) -> Flag:
    """The flag with more sentences of its reports cited after its own: a fact-checker sees every place a report
    says the value, and the first is not always the one a reader quotes."""
    return replace(flag, evidence=flag.evidence + tuple(also))


# A death told, in any words: the report then tells that someone died (another person, or the same one later).
ANY_DEATH = re.compile(
    r"\b(?:died|dies|dying|death|deaths|deadly|dead(?!-end)|killed|killing|fatal|fatally|mortally|slain|deceased|"
    r"succumbed|passed\s+away|pass(?:es)?\s+away|homicide|manslaughter|murder\w*)\b", re.I)


# One happening's places ("left five dead at two separate locations"), not another happening.
_SEPARATE_PLACES = re.compile(r"\b(?:two|three|four|\d)\s+separate\s+(?:locations|homes|houses|scenes|addresses|"
                              r"sites|residences)\b", re.I)
# Words that tell of another happening than the story's: a separate or earlier one named so ("in a separate
# shooting", "a similar attack", "killed last spring"), any "separate" or "unrelated" one, or an earlier one
# of the same day recalled by when it was ("earlier that day", "earlier Sunday", "hours before"). Not "last
# month" or "last year": those are as often the disputed date of the story's own happening.
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_OTHER_INCIDENT = re.compile(
    r"\b(?:separate|unrelated|similar|previous|prior|earlier|another)\s+(?:\w+\s+)?"
    r"(?:incident|shooting|case|attack|killing|death)s?\b|\blast\s+(?:spring|summer|fall|autumn|winter)\b"
    r"|\b(?:separate|unrelated)\b"
    r"|\bearlier\s+(?:(?:that|this|the\s+same)\s+(?:day|morning|afternoon|evening|night)|(?:on\s+)?(?:"
    + _WEEKDAYS + r"))\b|\bhours\s+(?:before|earlier)\b"
    # a happening the sentence doubts is the story's ("it is unclear whether this was the same shooting")
    r"|\b(?:unclear|not\s+(?:yet\s+)?(?:clear|known))\s+(?:if|whether)\s+(?:that|this|it|the(?:\s+\w+){1,2})\s+"
    r"(?:is|was|were|are)\s+(?:the\s+(?:same\s+)?(?:incident|shooting|case|one)|related|connected|linked)\b",
    re.IGNORECASE)


def tells_of_another_incident(text: str) -> bool:
    """The sentence is about another happening than the story's ("in a separate shooting", "earlier that day a
    man was shot there"), or one it doubts is the story's ("unclear if that is the incident"): its ages, dates and
    clock times are that one's. One happening's own places ("at two separate homes") are no other happening."""
    return bool(_OTHER_INCIDENT.search(_SEPARATE_PLACES.sub(" ", text)))


# A line of the page that belongs to another story: a related story's headline ("Related: ...", "► Update: ...",
# "MORE: ...") or a video player's title ("Skip in Skip ...", its buttons run into the title). A bare "Update:"
# opens the story's own update, so only the marked one is another's.
_ANOTHER_STORY = re.compile(r"^\W*(?:related(?:\s+(?:story|stories|coverage|content))?|more|read\s+more)\s*:"
                            r"|^\s*[►»]\s*\w+\s*:|\bskip\s+in\s+skip\b", re.I)


def of_another_story(text: str) -> bool:
    """The sentence is page furniture of another story (a related story's headline, a video's title): it
    does not speak for the story it sits in."""
    return bool(_ANOTHER_STORY.search(text))


def claims_by_story(claims: Iterable[Claim]) -> list[list[Claim]]:
    """The claims grouped by story."""
    by_story: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_story[c.story_id or ""].append(c)
    return list(by_story.values())


class Reading(Protocol):
    """What one sentence says of a story-level fact: the sentence, where it says it and in which words."""

    claim: Claim
    span: tuple[int, int]
    text: str


def readings_flag(type_: str, readings: Sequence[Reading], confidence: float, explanation: str) -> Flag:
    """A flag over readings of several reports that clash, in publication order: each outlet's words, each
    reading's sentence as evidence."""
    shown = sorted(readings, key=lambda r: (r.claim.published, r.claim.article_id))
    outlets = dict.fromkeys(r.claim.outlet for r in shown)
    values = {o: "; ".join(dict.fromkeys(r.text for r in shown if r.claim.outlet == o)) for o in outlets}
    return build_flag(type_, [r.claim for r in shown], values, tuple(evidence(r.claim, *r.span) for r in shown),
                      confidence, explanation, key=[r.claim.id for r in shown])
