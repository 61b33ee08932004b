"""Whom a fact row is said of: the people and bodies named in its slots or close to its value."""

from __future__ import annotations

import re

from ...extract.quantities import IRREGULAR
from ...records import Claim, Entity
from ..base import STOP
from ..numbers import singular
from .rows import Fact


ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def different_actors(x: Fact, y: Fact) -> bool:
    """Both rows are said of named people or organisations (as either claim's entities name them)
    and none in common."""
    named = {w.casefold() for c in (x.claim, y.claim) for e in c.entities if e.label in ACTOR_LABELS
             for w in e.text.split()}
    ax, ay = x.about & named, y.about & named
    return bool(ax and ay and not ax & ay)


HOLDER_LABELS = frozenset({"PERSON", "ORG", "NORP"})  # not places: where a thing happened is not whose it is
HOLDER_CHARS = 60  # a name this close to the value may be whose it is


def _named_words(c: Claim) -> set[str]:
    return {w.casefold() for e in c.entities if e.label in HOLDER_LABELS for w in e.text.split()}


def _holders_named(f: Fact) -> set[str]:
    """Words of the people and bodies the row is said of: named in its subject or object, or close to its
    value, leaving out a source the claim only cites ("according to county officials")."""
    c, told = f.claim, _cited_only(f.claim)
    near = {w.casefold() for e in c.entities if e.label in HOLDER_LABELS
            and e.start < f.slot.end + HOLDER_CHARS and f.slot.start - HOLDER_CHARS < e.end
            and not any(s < e.end and e.start < t for s, t in told)
            for w in e.text.split() if len(w) > 2 and w.casefold() not in STOP}
    return near | (f.about & _named_words(c))


def other_actors(x: Fact, y: Fact) -> bool:
    """Each row is said of named people or bodies that the other sentence never names ("Voss issued
    a statement on Thursday" / "on Friday, Quill issued one"); not a figure one sentence gives its
    subject and the other its object (Marsh took the oath Ostrov gave)."""
    hx, hy = _holders_named(x), _holders_named(y)
    return bool(hx and hy and not hx & _named_words(y.claim) and not hy & _named_words(x.claim))


def _said_by(c: Claim) -> tuple[tuple[int, int], ...]:
    """The spans of the claim's speaker and channel: who tells a figure, not whose it is."""
    a = c.attribution
    return tuple(s for s in (a.source_span, a.channel_span) if s) if a else ()


def _cited_only(c: Claim) -> tuple[tuple[int, int], ...]:
    """The spans of a source the claim cites with "according to": that source tells the figure and
    does nothing in the sentence, where one who "said" may be its doer too ("the navy said it seized 40")."""
    a = c.attribution
    return _said_by(c) if a and a.cue and a.cue.casefold().startswith("according to") else ()


def _own_holders(f: Fact) -> set[str]:
    """The people and bodies a row is said of, by canonical id: named in its subject or object or
    close to its value, leaving out whoever tells it."""
    c, told = f.claim, _said_by(f.claim)
    return {e.canonical for e in c.entities if e.label in HOLDER_LABELS
            and not any(s < e.end and e.start < t for s, t in told)
            and (e.start < f.slot.end + HOLDER_CHARS and f.slot.start - HOLDER_CHARS < e.end
                 or {w.casefold() for w in e.text.split()} & f.about)}


def _canonical(c: Claim) -> set[str]:
    """Every person or body the claim names, by canonical id."""
    return {e.canonical for e in c.entities if e.label in HOLDER_LABELS}


def rival_holders(x: Fact, y: Fact) -> bool:
    """Both figures are said of one named party and each also of a named person or body the other
    sentence never names: two bidders' offers to one player ("the Hawks offered Lind $40 million" /
    "the Owls offered Lind $35 million") are two offers, not one misreported."""
    if x.kind != "figure":
        return False
    hx, hy = _own_holders(x), _own_holders(y)
    return bool(hx & hy and hx - _canonical(y.claim) and hy - _canonical(x.claim))


def _framed_bodies(f: Fact) -> list[Entity]:
    """The people and bodies extraction read as whose the row's value is (the owner of what a figure
    measures, or the doer of its clause, or whom a pronoun there stands for); not whoever tells it."""
    if f.bodies:
        return list(f.bodies)  # a pronoun's, named in the article before it
    span, c = f.slot.holder, f.claim
    if span is None:
        return []
    told = _said_by(c)
    return [e for e in c.entities if e.label in HOLDER_LABELS and e.start < span[1] and span[0] < e.end
            and not any(s < e.end and e.start < t for s, t in told)]


def _name_words(e: Entity) -> frozenset[str]:
    return frozenset(w.casefold() for w in re.findall(r"\w+", e.text)) - STOP


def _one_body(xs: list[Entity], ys: list[Entity]) -> bool:
    """Some name of one list is one of the other's: one id, or one name's words all in the other's
    ("the Hawks" / "the Vale Hawks", which the resolver may keep apart)."""
    return any(x.canonical == y.canonical or _name_words(x) <= _name_words(y) or _name_words(y) <= _name_words(x)
               for x in xs for y in ys)


def one_verb_two_doers(x: Fact, y: Fact, general: frozenset[str] = frozenset()) -> bool:
    """The frames name two holders that are not one body of one verb (not one of ``general``): two
    happenings, whether their figures ("the Owls offered $35 million" / "the Hawks offered $40 million")
    or their days ("the Owls signed him Monday" / "the Hawks signed him Tuesday") differ."""
    if x.event is None or x.event != y.event or x.event in general:
        return False
    bx, by = _framed_bodies(x), _framed_bodies(y)
    return bool(bx and by) and not _one_body(bx, by)


def other_doers(x: Fact, y: Fact, general: frozenset[str] = frozenset()) -> bool:
    """The frames name two holders of one kind of figure: one verb (not one of ``general``) done by two
    doers ("the Owls offered $35 million, topping the Hawks" / "the Hawks offered $40 million"), or
    doers each sentence names alone. A doer the other sentence also names in another role under
    another verb may be the same fact told from its other side ("the Hawks paid Lind" / "Lind got")."""
    if x.kind != "figure":
        return False
    if one_verb_two_doers(x, y, general):
        return True
    bx, by = _framed_bodies(x), _framed_bodies(y)
    if not bx or not by or _one_body(bx, by):
        return False
    named_x = [e for e in x.claim.entities if e.label in HOLDER_LABELS] + list(x.bodies)
    named_y = [e for e in y.claim.entities if e.label in HOLDER_LABELS] + list(y.bodies)
    return not _one_body(bx, named_y) and not _one_body(by, named_x)


# What a figure may come from that is its own holder: two polls' shares of one people are two polls'.
STUDY_NOUNS = frozenset("poll polls survey surveys study studies report census audit".split())
# Tags that name nothing that runs or orders a study.
UNNAMING_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                      "may june july august september october november december".split())


def study_names(f: Fact) -> set[str]:
    """The name words of the poll, survey, study or report that tells the row's figure, as the claim's
    teller or channel ("a poll for the Ledger found 60 percent": {"ledger"}); empty when no study tells
    it or the study is not named."""
    c, a = f.claim, f.claim.attribution
    if a is None or f.kind != "figure":
        return set()
    out: set[str] = set()
    for span in (a.source_span, a.channel_span):
        if not span or span[0] <= f.slot.start < span[1]:
            continue
        text = c.text[span[0] - c.start:span[1] - c.start]
        if not {w.casefold() for w in re.findall(r"\w+", text)} & STUDY_NOUNS:
            continue
        out |= {w.casefold() for e in c.entities if e.label not in UNNAMING_LABELS
                and span[0] <= e.start and e.end <= span[1] for w in re.findall(r"\w+", e.text)}
        # a name the tagger missed, written with a capital past the span's first word
        out |= {w.casefold() for w in re.findall(r"(?<=\s)[A-Z]\w+", text)}
    return {w for w in out if w not in _CALENDAR and w not in STOP and w not in STUDY_NOUNS}


def other_studies(x: Fact, y: Fact) -> bool:
    """Each figure is told by a named poll, survey, study or report and the two share no name: two
    polls' shares ("a poll for the Ledger found 60 percent" / "a survey by Norlund put it at 71 percent")
    are two holders' figures, as two bidders' offers are."""
    nx, ny = study_names(x), study_names(y)
    return bool(nx and ny and not nx & ny)


def a_name(word: str, c: Claim) -> bool:
    """The claim names someone or something by this word: an entity's, or written with a capital past
    the sentence's first word."""
    titled = re.escape(word[:1].upper() + word[1:])
    return word in _named_words(c) or bool(re.search(rf"(?<=[\w,;:\"'“]\s){titled}", c.text))


def _people(c: Claim) -> set[str]:
    return {e.canonical for e in c.entities if e.label == "PERSON"}


def holding_people(f: Fact) -> set[str]:
    """The people a row is said of, by canonical id: those its subject or object names, else those
    named close to its value."""
    c = f.claim
    people = [e for e in c.entities if e.label == "PERSON"]
    named = {e.canonical for e in people if {w.casefold() for w in e.text.split()} & f.about}
    return named or {e.canonical for e in people
                     if e.start < f.slot.end + HOLDER_CHARS and f.slot.start - HOLDER_CHARS < e.end}


def other_people(x: Fact, y: Fact) -> bool:
    """Each row is said of a person the other sentence never names, by canonical id: two people who
    share a surname ("Jackson" the congressman, "Sandra Jackson" his wife) are two holders even
    though their names share a word."""
    px, py = holding_people(x), holding_people(y)
    return bool(px and py and not px & _people(y.claim) and not py & _people(x.claim))


def same_person(a: Claim, b: Claim) -> bool:
    """The two claims name one person (by the canonical id extraction gave the name)."""
    return bool({e.canonical for e in a.entities if e.label == "PERSON"}
                & {e.canonical for e in b.entities if e.label == "PERSON"})


def holder(f: Fact) -> set[str]:
    """The words a row is said of beyond the noun it counts, in one form: whose figure, which happening's date."""
    counted = set((f.counts or "").split())
    forms = counted | {singular(w) or w for w in counted} | {one for one, many in IRREGULAR.items() if many in counted}
    return {singular(w) or w for w in f.about} - forms


LIST_CHARS = 30  # a person named this little before a figure is whose figure it is ("Lindqvist (12 percent)")


def listed_person(f: Fact) -> str | None:
    """The person named just before a figure, with no other figure between: whose it is in a list of
    people and their figures ("Kell 15 percent, Lindqvist 12 percent")."""
    if f.kind != "figure":
        return None
    c = f.claim
    names = [e for e in c.entities if e.label == "PERSON" and e.end <= f.slot.start < e.end + LIST_CHARS]
    if not names:
        return None
    name = max(names, key=lambda e: e.end)
    between = any(name.end <= q.start < f.slot.start for q in c.quantities)
    return None if between else name.canonical


PLACE_LABELS = frozenset({"GPE", "LOC"})
# "65 percent of traffic to Ruritania", "12 dead in Upper Vale": the place a figure is of, in its phrase.
_PLACE_BEFORE = re.compile(r"\b(?:in|to|of|from|with|across|between|for|at)\s+(?:the\s+)?$", re.IGNORECASE)
PLACE_CHARS = 40


def places_of(f: Fact) -> set[str]:
    """The places a figure is said of: named in the phrase after it, before a comma or its next figure
    ("55 percent of calls in Arvenia, 52 percent in Belmark": Arvenia's, then Belmark's)."""
    if f.kind != "figure":
        return set()
    c = f.claim
    limit = min([q.start for q in c.quantities if q.start >= f.slot.end] + [f.slot.end + PLACE_CHARS])
    out = set()
    for e in c.entities:
        if e.label in PLACE_LABELS and f.slot.end <= e.start < limit:
            gap = c.text[f.slot.end - c.start:e.start - c.start]
            if not re.search(r"[,;:.]", gap) and _PLACE_BEFORE.search(gap):
                out.add(e.text.casefold())
    return out
