"""Where one person was hit, told two ways by outlets of one story: "Tom Hale, 25, was shot in the left
shoulder" / "the 25-year-old was shot in the leg"; "Ann Roe, 43, had a gunshot wound to her shoulder" / "the
43-year-old woman, shot in the chest".

Extraction keeps no slot for wounds, so each sentence is read for the body parts a hit word puts a bullet in
("shot twice in his left arm", "a gunshot wound to the chest", "struck her in the back of the head") and for
whom: the people named or given an age nearest the hit word in its clause. Two reports' accounts are of one
person when they name the person alike (``ages.same_named_person``) or give the same age that no two people of
the story share. A wound told of no one by name or age ("the victim", "her", "the boy") is left out: in a
shooting of several people no report says which of them it was.

Parts are read as regions (the face is the head; the thigh is the leg). Two accounts clash only when every
region of one is far from every region of the other: regions that meet (head and neck, arm and shoulder, hip and
leg) may be one wound told loosely, and a vague word ("torso", "side", "armpit") agrees with every region it
covers. A report that gives several wounds agrees with any report naming one of them. Reports of one day are a
``polarity``; reports days apart an ``update`` (a later account may be the autopsy's or a correction).

How many times the person was hit, where a report counts every part ("hit once in the arm and once in the
hip"), is set against the other reports' count of that person (``hit_counts``) and flagged as a ``number``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..extract.quantities import AGE_UNIT
from ..records import Claim, Flag
from .ages import age_mentions, same_named_person, story_surnames
from .base import claims_by_story, readings_flag, tells_of_another_incident
from .explain import explain_hits, explain_wound
from .hit_counts import COUNT_WORDS, Hits, account_hits, counts_clash, hit_groups
from .person_names import plain_name_words
from .unionfind import UnionFind

CONFIDENCE = 0.6

REGIONS = {
    **dict.fromkeys("head face forehead jaw mouth chin temple eye eyes ear cheek skull nose lip brain scalp".split(),
                    "head"),
    **dict.fromkeys("neck throat".split(), "neck"),
    **dict.fromkeys("shoulder shoulders clavicle collarbone".split(), "shoulder"),
    **dict.fromkeys("arm arms elbow forearm wrist hand hands finger fingers thumb bicep".split(), "arm"),
    **dict.fromkeys("chest breast breastbone sternum rib ribs lung heart".split(), "chest"),
    "back": "back",
    **dict.fromkeys("abdomen stomach belly gut".split(), "abdomen"),
    **dict.fromkeys("hip hips pelvis groin buttock buttocks".split(), "hip"),
    **dict.fromkeys("leg legs thigh thighs knee knees ankle ankles foot feet calf shin toe toes".split(), "leg"),
}
# Words that place a wound loosely, with the regions each may mean.
_VAGUE = {
    "torso": frozenset({"chest", "back", "abdomen", "shoulder", "hip"}),
    "body": frozenset(REGIONS.values()),
    "side": frozenset({"chest", "abdomen", "back", "hip"}),
    "armpit": frozenset({"shoulder", "chest", "arm"}),
    "midsection": frozenset({"abdomen", "back", "hip"}),
    "limb": frozenset({"arm", "leg"}), "limbs": frozenset({"arm", "leg"}),
    "extremities": frozenset({"arm", "leg"}), "extremity": frozenset({"arm", "leg"}),
}
# Regions that meet where one wound may be told as either: the face and the neck, the arm and the shoulder, the
# hip and the belly. A shoulder is not the chest, and a neck is not a shoulder: a medic or an officer names them
# apart, and outlets that do are telling two wounds.
_TOUCH = {frozenset(p.split("-")) for p in (
    "head-neck neck-chest neck-back shoulder-arm shoulder-back arm-chest "
    "chest-abdomen chest-back back-abdomen back-hip abdomen-hip hip-leg").split()}

_PART = "|".join(sorted(set(REGIONS) | set(_VAGUE), key=len, reverse=True))
# A hit word, up to six words (the person hit, how often), then where: "shot twice in his left arm",
# "wounding a 19- and a 40-year-old in the foot", "a gunshot wound to the chest", "grazed by a bullet in the back".
_ACTIVE = r"shot|struck|hit|hitting|striking|shooting|wounding|grazing|wounded|grazed|injured|injuring"
_HIT = re.compile(rf"\b(?:({_ACTIVE})|(?:gunshot|bullet|gun\s+shot)\s+wounds?|wounds?|bullets?)"
                  r"((?:\s+(?!(?:with|while|as|after|before|when|near|outside|inside|at|on|from|but|then|in|to|into|"
                  r"through)\b)[\w'’-]+,?){0,6}?)\s+(?:in|to|into|through)\s+", re.I)
_MODIFIERS = frozenset("left right upper lower mid middle front rear top bottom inner outer".split())
_WHERE_WORDS = _MODIFIERS | set(REGIONS) | set(_VAGUE) | frozenset(
    "the his her their its my one both each a , and or of in to area region part".split()) | COUNT_WORDS
_TOKEN = re.compile(r"\s*([\w'’-]+|,)")
# A part word that names a place, not a body part ("the back seat", "the side of the road").
_PLACE_AFTER = re.compile(r"^\s*(?:seat|seats|yard|door|doors|porch|alley|room|window|lot|road|street|steps|stairs|"
                          r"entrance|wall|end|row|page)\b", re.I)
# The role the words about the person hit give: the doer of a shooting, an officer, else one of the hurt.
_DOERS = re.compile(r"\b(?:suspect|gunman|shooter|attacker|robber|assailant|intruder|burglar)s?\b", re.I)
_OFFICERS = re.compile(r"\b(?:officer|deputy|trooper|policeman|agent|sergeant|detective)s?\b", re.I)
# Someone described between the last name or age and the hit word is that clause's person ("Tom Hale fired and
# the woman was hit"); a pronoun is the name's.
_PERSON_NOUN = (r"(?:man|woman|boy|girl|victim|teen|teenager|child|person|baby|toddler|son|daughter|brother|sister|"
                r"mother|father|wife|husband|friend|bystander|guard|officer|suspect|gunman)s?\b")
_DESCRIBED = re.compile(r"\b" + _PERSON_NOUN, re.I)
# The noun an age describes ("a 25-year-old woman"), which is that person, not someone after them.
_AGE_NOUN = re.compile(r"^[\s-]*(?:years?[- ]old)?(?:\s+[\w'’-]+)?\s+" + _PERSON_NOUN, re.I)
_ADVERBS = re.compile(r"(?:(?:once|twice|again|fatally|critically|seriously|multiple\s+times|several\s+times|"
                      r"\w+\s+times|at\s+least|accidentally|allegedly|reportedly|apparently|also|too|later|then|was|"
                      r"were|is|been|had|has|have),?\s*)*(?:by\s.*)?", re.I)  # "by" and its agent end them


@dataclass(frozen=True, eq=False)
class Wound:
    """Where one sentence says one person was hit (a group told together gives one per person)."""

    claim: Claim
    regions: frozenset[str]  # the regions it may mean: one per part, a vague word's several
    parts: tuple[str, ...]  # the parts as written ("left shoulder")
    span: tuple[int, int]
    text: str
    names: tuple[tuple[str, ...], ...] = ()  # plain name words of each person named as hit
    ages: frozenset[int] = frozenset()
    role: str = "hurt"  # hurt, doer or officer
    who: str = ""  # the person as written: the name, else the age ("Tom Hale", "the 25-year-old")
    hits: Hits | None = None  # how many times, and where, it says the person was hit, when every part is counted


def wounds(c: Claim) -> list[Wound]:
    """Each place in the sentence where a hit word puts a bullet in a body part, one per person it is said of."""
    text = c.text
    if tells_of_another_incident(text):
        return []
    out = []
    for m in _HIT.finditer(text):
        parts, length, befores = _where(text[m.end():])
        regions = frozenset(r for p in parts for r in _regions(p))
        if not regions:
            continue
        between = m.group(2).strip()
        object_ = m.group(1) is not None and between and not _ADVERBS.fullmatch(between)  # "shot Tom Hale in"
        at, end = (m.start(2), m.end(2)) if object_ else (_clause_start(text[:m.start()]), m.start())
        span = (c.start + m.start(), c.start + m.end() + length)
        written = text[m.start():m.end() + length]
        people, role = _holders(c, c.start + at, c.start + end)
        # a count said of several people at once ("hitting a man and a woman twice in the leg") is no one's count
        hits = hit_groups(m.group(2), befores, [_regions(p) for p in parts], text[m.end() + length:]) \
            if len(people) < 2 else None
        for name, age, who in people or [(None, None, "")]:
            out.append(Wound(c, regions, tuple(parts), span, written, (name,) if name else (),
                             frozenset({age}) if age is not None else frozenset(), role, who, hits))
    return out


def _where(rest: str) -> tuple[list[str], int, list[str]]:
    """The body parts of the words after "in" or "to" ("the left leg, right arm and chest"), each with its
    modifiers, how many characters they take, and the words before each part since the one before it ("and once
    in the"); "back" in "the back of his head" and a part word naming a place ("the back seat", "the side of the
    road") are no part."""
    tokens: list[tuple[str, int, int]] = []
    pos = 0
    for m in _TOKEN.finditer(rest):
        word = m.group(1).casefold()
        if m.start() != pos or word not in _WHERE_WORDS:
            break
        tokens.append((word, m.start(1), m.end(1)))
        pos = m.end()
    parts, befores, length = [], [], 0
    for i, (word, begin, end) in enumerate(tokens):
        if word not in REGIONS and word not in _VAGUE:
            continue
        if i + 1 < len(tokens) and tokens[i + 1][0] == "of" or _PLACE_AFTER.match(rest[end:]):
            continue
        mods = []
        for w, _, _ in reversed(tokens[:i]):
            if w not in _MODIFIERS:
                break
            mods.insert(0, w)
        parts.append(" ".join(mods + [word]))
        befores.append(rest[length:begin])
        length = end
    return parts, length, befores


def _regions(part: str) -> frozenset[str]:
    word = part.split()[-1]
    if word in _VAGUE:
        return _VAGUE[word]
    return frozenset({REGIONS[word]}) if word in REGIONS else frozenset()


def _clause_start(before: str) -> int:
    """Where the clause the hit word is in begins: after the sentence's last semicolon or colon."""
    return max(before.rfind(";"), before.rfind(":")) + 1


def _holders(c: Claim, start: int, end: int) -> tuple[list[tuple[tuple[str, ...] | None, int | None, str]], str]:
    """Who the hit is said of, read between ``start`` and ``end`` (article offsets): the people named or given an
    age nearest the hit word ("Tom Hale, 25,"; several when "and" joins them: "a 25- and a 34-year-old"), each as
    (name words, age, the name as written or "the N-year-old"); none when someone is described after them ("...
    and the woman was hit"). Also the role their words give: doer, officer or hurt."""
    refs: list[tuple[int, int, tuple[str, ...] | None, int | None, str]] = []
    for e in c.entities:
        if e.label == "PERSON" and start <= e.start and e.end <= end:
            words = tuple(plain_name_words(e.text))
            if words:
                refs.append((e.start, e.end, words, None, e.text))
    for q in c.quantities:
        if q.unit == AGE_UNIT and start <= q.start and q.end <= end and q.value == int(q.value):
            refs.append((q.start, q.end, None, int(q.value), f"the {int(q.value)}-year-old"))
    refs.sort()
    if not refs:
        return [], "hurt"
    after = c.text[refs[-1][1] - c.start:end - c.start]
    if refs[-1][3] is not None:  # the noun an age describes is that person ("a 25-year-old woman")
        after = _AGE_NOUN.sub("", after, count=1)
    if _DESCRIBED.search(after):
        return [], "hurt"
    chain = [refs[-1]]
    for ref in reversed(refs[:-1]):
        between = c.text[ref[1] - c.start:chain[0][0] - c.start].casefold()
        if re.fullmatch(r"[\s,-]*(?:(?:and|aged?|year-old|years\s+old|the|a|an)[\s,-]*)*", between):
            chain.insert(0, ref)
        else:
            break
    # the role is read from the people's own words and the word before them ("Officer Tom Hale, 30,"), not from
    # the whole clause ("deputies who came to the house saw a 3-year-old with a wound to the chest")
    before = c.text[max(start, chain[0][0] - 40) - c.start:chain[0][0] - c.start].split()[-1:]
    said = " ".join(before) + " " + c.text[chain[0][0] - c.start:end - c.start]
    role = "doer" if _DOERS.search(said) else "officer" if _OFFICERS.search(said) else "hurt"
    people: list[tuple[tuple[str, ...] | None, int | None, str]] = []
    for i, (s, e, name, age, who) in enumerate(chain):
        joined = i > 0 and "and" not in c.text[chain[i - 1][1] - c.start:s - c.start].casefold().split()
        last = people[-1] if people else None
        # a name and its age, either way round ("Tom Hale, 25"; "30-year-old Tom Hale"), are one person
        if joined and last is not None and (last[0] is None) != (name is None) and (last[1] is None) != (age is None):
            people[-1] = (last[0] or name, age if last[1] is None else last[1], who if name else last[2])
        else:
            people.append((name, age, who))
    return people, role


def _far(a: frozenset[str], b: frozenset[str]) -> bool:
    """No region of one account is, or touches, a region of the other."""
    return all(x != y and frozenset((x, y)) not in _TOUCH for x in a for y in b)


@dataclass(eq=False)
class _Account:
    """What one report says of where one person was hit: all its wounds of that person."""

    article: str
    outlet: str
    wounds: list[Wound]
    names: tuple[tuple[str, ...], ...]
    ages: frozenset[int]
    role: str

    @property
    def regions(self) -> frozenset[str]:
        return frozenset(r for w in self.wounds for r in w.regions)

    @property
    def first(self) -> Wound:
        return min(self.wounds, key=lambda w: (w.claim.start, w.span))

    @property
    def counted(self) -> Wound | None:
        """The wound that tells how many times the person was hit, when the report counts them one way."""
        hits = account_hits([w.hits for w in self.wounds if w.hits])
        return next((w for w in self.wounds if w.hits == hits), None) if hits else None


def _accounts(article: list[Claim], surnames) -> list[_Account]:
    """One account per person a report tells as hit in a body part, its wounds joined by name or age; a wound
    told of no one by name or age ("the victim", "her") is left out, as no report can be matched to it."""
    groups: list[_Account] = []
    for w in (w for c in article for w in wounds(c)):
        if not w.names and not w.ages:
            continue
        for g in groups:
            if g.role == w.role and (_names_meet(g.names, w.names, surnames) or g.ages & w.ages) and \
                    not _names_differ(g.names, w.names, surnames):
                g.wounds.append(w)
                g.names = tuple(dict.fromkeys(g.names + w.names))
                g.ages = g.ages | w.ages
                break
        else:
            groups.append(_Account(w.claim.article_id, w.claim.outlet, [w], w.names, w.ages, w.role))
    return groups


def _names_meet(x: tuple[tuple[str, ...], ...], y: tuple[tuple[str, ...], ...], surnames) -> bool:
    return any(same_named_person(a, b, surnames) for a in x for b in y)


def _names_differ(x: tuple[tuple[str, ...], ...], y: tuple[tuple[str, ...], ...], surnames) -> bool:
    return bool(x) and bool(y) and not _names_meet(x, y, surnames)


def _one_person(a: _Account, b: _Account, surnames, shared_ages: set[int]) -> bool:
    """Two reports' accounts are of one person: named alike, or given one age no two people of the story share."""
    if a.role != b.role or _names_differ(a.names, b.names, surnames):
        return False
    if len(a.names) > 1 or len(b.names) > 1 or len(a.ages) > 1 or len(b.ages) > 1:
        return False  # several names or ages joined in a report are two people
    if _names_meet(a.names, b.names, surnames):
        return True
    return bool(a.ages) and a.ages == b.ages and not a.ages & shared_ages


def _shared_ages(story: list[Claim], accounts: list[_Account], surnames) -> set[int]:
    """Ages the story gives two named people (in any sentence, hit or not), or one report gives two people."""
    holders: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    per_report: dict[tuple[str, int], int] = defaultdict(int)
    named = [(int(m.value), m.name) for m in age_mentions(story) if m.name]
    for age, name in named + [(age, n) for a in accounts for age in a.ages for n in a.names]:
        # one given name at one age is one person under two surnames ("Ann Roe, 43" / "Ann Vale, 43": a maiden
        # and a married name)
        if not any(same_named_person(name, h, surnames) or _same_first_name(name, h) for h in holders[age]):
            holders[age].append(name)
    for a in accounts:
        for age in a.ages:
            per_report[(a.article, age)] += 1
    return {age for age, names in holders.items() if len(names) > 1} | {age for (_, age), n in per_report.items()
                                                                         if n > 1}


def _same_first_name(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two full names that begin with one given name."""
    return len(x) > 1 and len(y) > 1 and x[0] == y[0] and len(x[0]) > 2


def wound_flags(claims: Iterable[Claim]) -> list[Flag]:
    """One flag per person whose wound two outlets put in far regions, and one per person whose hits they count
    two ways."""
    flags = []
    for story in claims_by_story(claims):
        by_article: dict[str, list[Claim]] = defaultdict(list)
        for c in sorted(story, key=lambda c: (c.published, c.article_id, c.start)):
            by_article[c.article_id].append(c)
        surnames = story_surnames(story)
        accounts = [a for article in by_article.values() for a in _accounts(article, surnames)]
        shared = _shared_ages(story, accounts, surnames)
        union: UnionFind = UnionFind()
        clashes, miscounts = [], []
        for i, a in enumerate(accounts):
            for b in accounts[i + 1:]:
                if a.article == b.article or not _one_person(a, b, surnames, shared):
                    continue
                union.union(id(a), id(b))
                if a.outlet != b.outlet and _far(a.regions, b.regions):
                    clashes.append((a, b))
                x, y = a.counted, b.counted
                if a.outlet != b.outlet and x and y and x.hits and y.hits and counts_clash(x.hits, y.hits):
                    miscounts.append((a, b))
        for found, flag in ((clashes, _flag), (miscounts, _count_flag)):
            by_person: dict[int, list[tuple[_Account, _Account]]] = defaultdict(list)
            for a, b in found:
                by_person[union.find(id(a))].append((a, b))
            flags += [flag(pairs) for pairs in by_person.values()]
    return flags


def _flag(pairs: list[tuple[_Account, _Account]]) -> Flag:
    """A flag over one person's clashing accounts: each account's first wound sentence, in publication order."""
    shown = sorted(dict.fromkeys(acc.first for pair in pairs for acc in pair),
                   key=lambda w: (w.claim.published, w.claim.article_id))
    days = {abs((a.first.claim.published.date() - b.first.claim.published.date()).days) for a, b in pairs}
    kind = "polarity" if 0 in days else "update"
    who = next((w.who for w in shown if w.names), shown[0].who)
    return readings_flag(kind, shown, CONFIDENCE, explain_wound(who, [(w.claim, w.text) for w in shown], kind))


def _count_flag(pairs: list[tuple[_Account, _Account]]) -> Flag:
    """A flag over one person's hits counted two ways: each account's counting sentence, in publication order."""
    shown = sorted(dict.fromkeys(w for pair in pairs for acc in pair if (w := acc.counted)),
                   key=lambda w: (w.claim.published, w.claim.article_id))
    who = next((w.who for w in shown if w.names), shown[0].who)
    return readings_flag("number", shown, CONFIDENCE, explain_hits(who, [(w.claim, w.text) for w in shown]))
