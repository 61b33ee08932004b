"""The toll of a story's incident told two ways: each outlet's count of the killed, the wounded and the shot, read
from where a report states its own toll (its headline and first sentences), set against the others'.

Counts of one shooting's victims are said with different verbs and nouns ("1 dead, 4 wounded" / "Four people were
shot, one fatally"), so sentence pairs of them rarely line up (bench/NOTES.md). Here each article gets one toll per
kind from its lead, read from the stored figures and the casualty word beside each:

- killed ("five killed", "left two dead", "one fatally"), wounded ("four wounded", "injured three teens"), shot in
  all ("Four people were shot"; killed + wounded when a lead gives both);
- a toll said to have risen by an ordinal anywhere in the article ("a third person has died", "a sixth victim was
  found"), which stands for the article's toll of that kind.

Two outlets whose tolls of one kind differ are flagged once per pair of values: ``update`` when the later report is of
a later day and its toll is larger (or says the toll rose) or smaller (a count the police revised), else ``number``.
Left out: a lead that counts the killer among the dead (or tells he died too), hurt by glass or a fall, the hurt of a
report that tells anywhere of someone cut or trampled, a count of a part ("two of the victims", "four more killed",
"the identities of three victims"), the others hurt beside one told hurt and alive ("a woman was shot and ... injured
four other people"), the hurt beside one more told hurt ("six were injured and another was hurt fleeing"), the dead
of a cause other than the gunfire ("killed two children by asphyxiation"), a count of another incident or of a year's
statistics, hedged counts, and an article whose lead gives one kind two values.
A flag cites, beside the sentence each toll was read from, up to two more of that report that give it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..records import Claim, Flag, Quantity
from .base import ALSO_CITED, Finding, claims_by_story, cited_beside, evidence, make_flag, tells_of_another_incident
from .different_things import KILLER_AMONG_DEAD
from .explain import explain_toll
from .facts.statistics import OTHER_CAUSE
from .names import story_entities
from .person_names import plain_name_words
from .places import PLACE_LABELS, is_region, streets_named

CONFIDENCE = 0.6
LEAD = 4  # claims from an article's start read as its lead (a headline, a dateline line, the first sentences)
MAX_RATIO = 2.5  # tolls further apart are likelier two counts of different things
KILLED, WOUNDED, SHOT = "killed", "wounded", "shot"
KINDS = (KILLED, SHOT, WOUNDED)  # which kind a pair of articles is flagged on, when several differ

_DEATH = re.compile(r"\b(?:killed|killing|kills|dead|died|dies|slain|fatally|murdered|shot\s+to\s+death)\b", re.I)
_WOUND = re.compile(r"\b(?:wounded|wounding|wounds|injured|injuring|injures|hurt|hurting)\b", re.I)
_SHOT = re.compile(r"\b(?:shot|shooting|shoots|struck|striking)\b", re.I)
_SHOT_AFTER = re.compile(r"\b(?:shot|struck)\b", re.I)  # after the figure "shooting" is the noun
_MORTALLY = re.compile(r"\b(?:mortally|fatally)\b", re.I)
NEAR_WORDS = 6  # words after a figure its casualty word is looked for in ("four people were found shot")
# The casualty verb right before the figure ("killed six people", "wounded three teens").
_VERB_BEFORE = re.compile(r"\b(killed|killing|kills|wounded|wounding|wounds|injured|injuring|injures|hurting|shot|"
                          r"shooting|shoots|struck|striking)\s+(?:an?\s+|the\s+)?$", re.I)
# Whose count it is: people, said by a noun of people or none ("4 wounded").
_PEOPLE = frozenset("people person persons victims victim men man women woman teens teen teenagers teenager boys boy "
                    "girls girl children child kids youths students officers officer others deads adults".split())
# One of a list ("two men and two women were found", "he and four others"): the list's total is not read ("one man
# died and three others were hurt" is two counts: a casualty word ends the first).
_NUMBER_WORD = r"(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_LIST_AFTER = re.compile(r"^\s*(?:(?!(?:were|was|are|is|have|has|had|been|killed|dead|died|dies|slain|wounded|injured|"
                         r"hurt|shot|fatally)\b)[\w'-]+\s+){0,2}"
                         r"(?:[\w'-]+,[^,]*,\s+)?and\s+"
                         r"(?:" + _NUMBER_WORD + r"|men|women|boys|girls|children|teens)\b", re.I)
_LIST_BEFORE = re.compile(r"\b(?!(?:killed|dead|died|slain|wounded|injured|hurt|shot|fatally)\b)[\w'-]+,?\s+and\s+$",
                          re.I)


def one_of_a_list(before: str, after: str) -> bool:
    """The count before ``after`` (and after ``before``) is one of a list of people ("two women and a man died"):
    a part of the toll, not the toll."""
    return bool(_LIST_AFTER.match(after) or _LIST_BEFORE.search(before))


# A lead that tells of several shootings: whose toll each count is, is not clear.
_SEVERAL = re.compile(r"\b(?:two|three|four|five|pair\s+of|several|multiple|\d+)\s+(?:\w+\s+)?shootings\b|"
                      r"\bincluding\s+(?:the\s+)?(?:\w+\s+)?(?:gunman|shooter|suspect|killer|attacker)\b", re.I)
# A sentence of another shooting, a round-up or a step of a spree: its counts are not the incident's toll.
_ELSEWHERE = re.compile(r"\b(?:most\s+recent|another|latest|separate|first|second|previous|earlier)\s+(?:\w+\s+)?"
                        r"shootings?\b|\b(?:string|series|rash|spate|wave)\s+of\b|"
                        r"^\W*(?:soon\s+after|then|later|earlier|afterwards|after\s+that|"
                        r"(?:minutes|moments)\s+later)\b",
                        re.I)
# One of the toll told apart ("one died at the scene"), or a step of the attack ("killed two at the door before").
_ONE_OF = re.compile(r"\b(?:before|at\s+the\s+scene|at\s+(?:a|the)\s+(?:\w+\s+)?hospital|on\s+the\s+way|later)\b", re.I)
_NOT_SO = re.compile(r"\b(?:incorrect|false|erroneous|wrong|initial\s+reports?|denied)\b", re.I)
_BESIDE_WORD = re.compile(r"^\s*(?:(?:more|other|others|additional|were|was|are|have\s+been|had\s+been|people)\s+){0,2}"
                          r"(?:killed|dead|died|slain|fatally|wounded|injured|hurt|shot)\b", re.I)
_GUNFIRE = re.compile(r"\b(?:shot|shooting|shootings|gunfire|gunman|gunmen|gunshots?|shootout|opened\s+fire)\b", re.I)
MAX_DAYS = 90  # reports of one incident's toll come within weeks; a story's reports years apart are two incidents
# A casualty verb with an object after it: the figure before it counts the doers.
_ACTIVE = re.compile(r"\b(?:shot|killed|wounded|injured|struck)\s+(?:(?:a|an|the|his|her|their|two|three|four|five|"
                     r"\d+)\b|[A-Z][a-z]+\s+[A-Z])")
# Those named so far ("the identities of three victims killed"): a part of the toll, however many died.
_NAMED_OF = re.compile(r"\b(?:identities|identity|names)\s+of\s+(?:the\s+)?$", re.I)
_PART = re.compile(r"^\s*(?:\w+\s+)?(?:of|among)\b", re.I)
# Someone told hurt and not dead: the others hurt beside them are not all the hurt ("a woman was shot twice; the gunfire
# injured four other people"), as they are beside the dead ("one was shot and killed and four others were hurt").
_ONE_HURT_ALIVE = re.compile(r"\b(?:was|were)\s+(?:shot|wounded|injured|hurt)\b(?![^,;]{0,40}?\b(?:and\s+(?:later\s+)?"
                             r"died|and\s+killed|to\s+death|dead|fatally|died|dies)\b)", re.I)
_BESIDE = re.compile(r"^\s*(?:more|other|others|additional|further)\b", re.I)
# One more told hurt after the count ("six were injured in the shooting and another was hurt fleeing"): the toll is
# the count and one, or the count of the shot beside one hurt otherwise, so the count alone is not the hurt's toll.
_ONE_MORE_HURT = re.compile(r"\band\s+(?:(?:an\s*)?other|one\s+more)(?:\s+(?:person|man|woman|victim|teen|boy|girl|"
                            r"child))?\s+(?:was|got|has\s+been|had\s+been)\s+(?:also\s+)?(?:injured|hurt|wounded)\b",
                            re.I)
# People hurt by other than the gunfire, who one toll of the hurt takes in and another leaves out.
_OTHER_HARM = re.compile(r"\b(?:glass|trampl\w*|stampede|(?:hit|struck)\s+by\s+(?:a|an|the)\s+(?:car|vehicle|truck)|"
                         r"not\s+(?:been\s+)?shot)\b", re.I)
# Someone told anywhere in the report hurt but not by a bullet ("two more suffered minor cuts and scrapes").
_HURT_OTHERWISE = re.compile(r"\b(?:cuts\s+(?:and|or|from)\s+\w+|scrapes|bruises|cut\s+by|trampled|stampede)\b", re.I)
# "A weekend shooting that injured 5" is the incident's own toll; "22 people shot over the weekend" a city's.
_STATISTIC = re.compile(r"\b(?:this\s+year|so\s+far|last\s+year|per\s+year|a\s+year|"
                        r"(?<!\ba\s)weekend(?!\s+(?:shooting|attack|gunfire|party))|citywide|city-wide|"
                        r"across\s+the\s+(?:city|country|state)|since\s+(?:january|the\s+start|the\s+beginning)|"
                        r"in\s+(?:19|20)\d\d|since\s+(?:19|20)\d\d|annual|homicides|murders|ago|"
                        r"anniversary|last\s+(?:week|month))\b", re.I)
_HEDGED = frozenset({"at least", "more than", "over", "nearly", "almost", "about", "around", "up to", "between"})
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}
# A toll said to have risen: "a third person has died", "a sixth victim ... was found" (the indefinite article: "the
# third victim died" names one of a list).
_RISE = re.compile(r"\b(?:a|an)\s+(" + "|".join(_ORDINALS) + r")\s+(?:[\w-]+\s+)?"
                   r"(?:person|victim|man|woman|teen|teenager|boy|girl|child|student|officer)\b"
                   r"(?P<rest>[^.;]{0,80})", re.I)
_RISE_DIED = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:has\s+|had\s+|later\s+)?(?:died|dies|succumbed)\b"
                        r"(?!\s+at\s+the\s+scene)",
                        re.I)
# Words between the ordinal's noun and its verb: an aside set off by commas ("a fourth victim, a woman of 30, has
# died") and the shooting the victim is of ("a third victim of Sunday's shooting has died").
_ASIDE = re.compile(r",[^,]*,")
_OF_THE_SHOOTING = re.compile(r"^\s*(?:in|of|from|at)\s+(?:the|a|an|this|last|[\w'-]+['’]s)\s+(?:[\w'-]+\s+){0,5}?"
                              r"(?:shooting|shootout|attack|incident|rampage|gunfire)\b", re.I)
_LIST_END = re.compile(r"\band\s+$", re.I)
_LATER = re.compile(r"\b(?:later|since|days|weeks)\b", re.I)  # a victim found later, not one of the first found
_RISE_FOUND = re.compile(r"\b(?:was|has\s+been|were)\s+(?:later\s+)?(?:found|located)\b|\bcame\s+forward\b", re.I)


@dataclass(frozen=True, slots=True)
class Toll:
    """One kind of an article's toll: its value, the claim and words that give it, and whether it is said to
    have risen."""

    claim: Claim
    kind: str
    value: int
    span: tuple[int, int]
    words: str
    rise: bool = False
    summed: bool = False  # killed + wounded (or shot less the killed), not said as one count


def counts(c: Claim) -> list[Toll]:
    """The tolls one lead claim gives: each count of people with its casualty word, and killed + wounded (or
    shot less the killed) when the claim gives both."""
    text = c.text
    if tells_of_another_incident(text) or _STATISTIC.search(text) or _ELSEWHERE.search(text):
        return []
    qs = [q for q in c.quantities if _a_count_of_people(q)]
    out = []
    for i, q in enumerate(qs):
        end = qs[i + 1].start - c.start if i + 1 < len(qs) else len(text)
        kind = _kind(text, q.start - c.start, q.end - c.start, end)
        after = text[q.end - c.start:]
        if q.unit is None and not _BESIDE_WORD.match(after):
            continue  # a bare figure counts people only in a headline's shape ("4 wounded", "four more were hurt")
        # "two of the victims" is a part; "four others wounded" the hurt beside the dead, "two more killed" a part
        before = text[:q.start - c.start]
        beside = _BESIDE.match(after)
        if kind is None or q.hedge in _HEDGED or _PART.match(after) or beside and kind != WOUNDED \
                or beside and _ONE_HURT_ALIVE.search(before) \
                or one_of_a_list(before, after) or _NAMED_OF.search(before) \
                or _ONE_OF.search(" ".join(after.split()[:NEAR_WORDS + 2])):
            continue
        if kind == WOUNDED and _ONE_MORE_HURT.search(after):
            continue  # "six were injured and another was hurt fleeing": the six are not all the hurt
        if OTHER_CAUSE.match(after):
            continue  # "killed two children by asphyxiation": the dead of one cause, a part of the toll
        out.append(Toll(c, kind, int(q.value), (q.start, q.end), text[q.start - c.start:q.end - c.start]))
    by_kind = {t.kind: t for t in out}
    if len(by_kind) == len(out):
        killed, wounded, shot = by_kind.get(KILLED), by_kind.get(WOUNDED), by_kind.get(SHOT)
        if killed and shot and not re.search(r"\bfatally\b", killed.words + text[killed.span[1] - c.start:][:12], re.I):
            out = [t for t in out if t.kind != SHOT]  # "four shot and one dead": whether the four take in the dead
            shot = None
        if killed and wounded and not shot:
            out.append(Toll(c, SHOT, killed.value + wounded.value, killed.span, text, summed=True))
        if killed and shot and not wounded and shot.value > killed.value and shot.span[0] < killed.span[0]:
            out.append(Toll(c, WOUNDED, shot.value - killed.value, shot.span, text, summed=True))
    return out


def _a_count_of_people(q: Quantity) -> bool:
    return q.kind == "count" and q.value == int(q.value) and 0 < q.value < 1000 and (
        q.unit is None or q.unit.casefold() in _PEOPLE)


def _kind(text: str, start: int, end: int, stop: int) -> str | None:
    """The casualty word a figure counts: the verb right before it ("killed six people"), else a word among the
    first few after it once asides are dropped ("Five people, thought to be kin, were killed"), a death before a
    wound before a shooting; none when the words after it tell of something else ("one teen was playing")."""
    m = _VERB_BEFORE.search(text[max(0, start - 24):start])
    if m:
        return _kind_of_word(m.group(1))
    window = re.sub(r",[^,]*,", " ", re.split(r"[.;:]", text[end:stop], maxsplit=1)[0])
    window = " ".join(_NEXT_CLAUSE.split(window, maxsplit=1)[0].split()[:NEAR_WORDS])
    if _ACTIVE.search(window):
        return None  # "two men shot a deputy": the figure counts who fired
    for pattern, kind in ((_DEATH, KILLED), (_WOUND, WOUNDED), (_SHOT_AFTER, SHOT)):
        if pattern.search(window):
            # "six wounded, two of them mortally": the wounded take in the dead, so they are the shot in all
            after = " ".join(re.split(r"[.;:]", text[end:], maxsplit=1)[0].split()[:NEAR_WORDS + 2])
            return SHOT if kind == WOUNDED and _MORTALLY.search(after) else kind
    return None


# "gunned down two women and leaving a man wounded": the wound after "and" is another group's, not the two women's
# ("were shot and killed" keeps its death).
_NEXT_CLAUSE = re.compile(r"\b(?:and|while|but|as)\s+(?!(?:then\s+)?(?:killed|wounded|injured|hurt|died|critically|fatally|"
                          r"seriously|mortally|later)\b)", re.I)


def _kind_of_word(word: str) -> str:
    for pattern, kind in ((_DEATH, KILLED), (_WOUND, WOUNDED), (_SHOT, SHOT)):
        if pattern.fullmatch(word):
            return kind
    return SHOT


def rises(c: Claim) -> list[Toll]:
    """A toll said to have risen by an ordinal: "a third person has died" (killed, 3), "a sixth victim was found"
    (shot, 6)."""
    if tells_of_another_incident(c.text) or _NOT_SO.search(c.text):
        return []
    out = []
    for m in _RISE.finditer(c.text):
        if _LIST_END.search(c.text[:m.start()]):
            continue  # "two were found dead and a third died inside": the last of a list, not a rise
        rest = _OF_THE_SHOOTING.sub("", _ASIDE.sub(" ", m.group("rest")), count=1)
        found = _RISE_FOUND.search(rest) and _LATER.search(c.text)
        kind = KILLED if _RISE_DIED.match(rest) else SHOT if found else None
        if kind:
            out.append(Toll(c, kind, _ORDINALS[m.group(1).casefold()], (c.start + m.start(), c.start + m.end()),
                            m.group(0), rise=True))
    return out


def article_tolls(claims: Sequence[Claim]) -> dict[str, Toll]:
    """One article's toll by kind: a rise it tells, else the one value its lead gives (none when the lead gives
    two, counts the killer among the dead, or tells of people hurt another way)."""
    ordered = sorted(claims, key=lambda c: c.start)
    lead = ordered[:LEAD]
    lead_text = " ".join(c.text for c in lead)
    found: dict[str, list[Toll]] = {}
    for c in lead:
        for t in counts(c):
            found.setdefault(t.kind, []).append(t)
    out = {kind: ts[0] for kind, ts in found.items() if len({t.value for t in ts}) == 1}
    if _SEVERAL.search(lead_text):
        return {}
    if KILLER_AMONG_DEAD.search(lead_text):
        out.pop(KILLED, None)
        out.pop(SHOT, None)
    if _OTHER_HARM.search(lead_text):
        out.pop(WOUNDED, None)
        out.pop(SHOT, None)
    if any(_HURT_OTHERWISE.search(c.text) for c in ordered):
        out.pop(WOUNDED, None)  # the hurt may take in those cut or knocked down, and the shot summed from them too
        if out.get(SHOT) is not None and out[SHOT].summed:
            out.pop(SHOT)
    risen: dict[str, list[Toll]] = {}
    for c in ordered:
        for t in rises(c):
            risen.setdefault(t.kind, []).append(t)
    for kind, ts in risen.items():
        out[kind] = max(ts, key=lambda t: t.value)
    return out


def toll_findings(claims: Iterable[Claim], flagged: Sequence[Flag] = ()) -> list[Finding]:
    """One finding per pair of differing tolls of one kind in a story, between the two closest reports that give
    them (reports of one outlet never set against each other; a pair of claims already flagged left out)."""
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    tolls = {a: article_tolls(cs) for a, cs in by_article.items()}
    taken = {e for f in flagged if f.type in ("number", "update") for e in _claim_pair(f)}
    best: dict[tuple, tuple[float, Finding, tuple[Toll, Toll]]] = {}
    articles = sorted(tolls, key=lambda a: (by_article[a][0].published, a))
    for i, x in enumerate(articles):
        for y in articles[i + 1:]:
            pair = _differing(tolls[x], tolls[y])
            if pair is None:
                continue
            days = abs((by_article[x][0].published - by_article[y][0].published).days)
            if days > MAX_DAYS or _apart(by_article[x], by_article[y]) or not _one_incident(
                    by_article[x], by_article[y]) or not (
                    _of_gunfire(by_article[x]) or _of_gunfire(by_article[y])):
                continue
            a, b = sorted(pair, key=lambda t: (t.claim.published, t.claim.id))
            if a.claim.outlet == b.claim.outlet or frozenset((a.claim.id, b.claim.id)) in taken:
                continue
            gap = abs((b.claim.published - a.claim.published).total_seconds())
            key = (a.kind, frozenset((a.value, b.value)))
            # a larger count already given before the smaller one is no rise, whatever the later report's day
            given_before = any(t.get(a.kind) is not None and t[a.kind].value == max(a.value, b.value)
                               and t[a.kind].claim.published.date() <= a.claim.published.date()
                               for t in tolls.values())
            if key not in best or gap < best[key][0]:
                best[key] = (gap, _finding(a, b, settled=given_before), (a, b))
    told = [tolls_compared for _, _, tolls_compared in best.values()]
    return [f for _, f, tolls_compared in best.values() if not _wounded_told_again(tolls_compared, told)]


def _wounded_told_again(pair: tuple[Toll, Toll], told: Sequence[tuple[Toll, Toll]]) -> bool:
    """The shot in all summed from one report's wounded, differing by as much as the wounded another finding sets
    against that report: one difference told twice, left to the wounded."""
    a, b = pair
    if a.kind != SHOT:
        return False
    summed = {t.claim.article_id for t in pair if t.summed}
    return any(x.kind == WOUNDED and abs(x.value - y.value) == abs(a.value - b.value)
               and summed & {x.claim.article_id, y.claim.article_id} for x, y in told)


_PLACE_FILLER = frozenset("the of a street st avenue ave road rd boulevard blvd side north south east west far "
                          "northwest northeast southwest southeast county city block park lane drive".split())


def _of_gunfire(claims: Sequence[Claim]) -> bool:
    """The article's lead tells of gunfire: the kinds read (shot in all, wounded beside the dead) are a shooting's,
    and a quake's or a crash's toll is told and revised otherwise."""
    return any(_GUNFIRE.search(c.text) for c in sorted(claims, key=lambda c: c.start)[:LEAD])


def of_one_shooting(claims: Sequence[Claim]) -> bool:
    """The article's lead tells of gunfire and of no statistic (a weekend's, a city's, a year's shootings): the
    killed and wounded it counts are one shooting's toll, which this module reads."""
    lead = sorted(claims, key=lambda c: c.start)[:LEAD]
    return _of_gunfire(claims) and not any(_STATISTIC.search(c.text) for c in lead)


def _places(claims: Sequence[Claim]) -> set[str]:
    """The words of the towns and streets an article's lead names (street kinds and compass words left out; a state
    or country may hold the other lead's town)."""
    lead = sorted(claims, key=lambda c: c.start)[:LEAD]
    return {w for c in lead for e in c.entities if e.label in PLACE_LABELS and not is_region(e)
            for w in re.findall(r"[\w-]+", e.text.casefold()) if w not in _PLACE_FILLER}


def _apart(x: Sequence[Claim], y: Sequence[Claim]) -> bool:
    """The two leads name no place in common: one incident's two tolls name where it happened, and a story may
    group two incidents of one kind."""
    px, py = _places(x), _places(y)
    return bool(px and py) and not px & py


def named_in(claims: Sequence[Claim]) -> set[str]:
    """The surnames of the people an article names in full, and the streets it names."""
    people = {words[-1] for c in claims for e in story_entities(c) if e.label == "PERSON"
              for words in [plain_name_words(e.text)] if len(words) >= 2}
    return people | {"street:" + s for c in claims for s in streets_named(c.text)}


def _one_incident(x: Sequence[Claim], y: Sequence[Claim]) -> bool:
    """The two reports name a person or a street in common: two incidents of one kind in one city, which a story
    may group, are told with other victims and other streets."""
    return bool(named_in(x) & named_in(y))


def _claim_pair(f: Flag) -> list[frozenset[str]]:
    return [frozenset((f.claims[0], c)) for c in f.claims[1:]]


def _differing(x: dict[str, Toll], y: dict[str, Toll]) -> tuple[Toll, Toll] | None:
    """The first kind (``KINDS``) whose two tolls differ within reach of each other."""
    for kind in KINDS:
        s, t = _toll_of(x, kind, y), _toll_of(y, kind, x)
        if s is None or t is None or s.value == t.value:
            continue
        low, high = sorted((s.value, t.value))
        if high / low > MAX_RATIO:
            continue
        return s, t
    return None


def _toll_of(x: dict[str, Toll], kind: str, other: dict[str, Toll]) -> Toll | None:
    """An article's toll of one kind; where no one died, those wounded are all who were shot, set against a
    rise of the shot ("a sixth victim was found")."""
    if kind == SHOT and SHOT not in x and KILLED not in x and other.get(SHOT) is not None and other[SHOT].rise:
        return x.get(WOUNDED)
    return x.get(kind)


def _finding(a: Toll, b: Toll, settled: bool = False) -> Finding:
    days = (b.claim.published.date() - a.claim.published.date()).days
    rose = b.value > a.value and (days >= 1 or b.rise) and not settled
    revised = b.value < a.value and days >= 1  # a later day's smaller count: the first count revised down
    return Finding("update" if rose or revised else "number", a.claim, b.claim, _told(a), _told(b), a.span, b.span,
                   confidence=CONFIDENCE)


def _told(t: Toll) -> str:
    return f"{t.value} {t.kind}" + (" (said to have risen)" if t.rise else "")


def toll_flags(claims: Iterable[Claim], flagged: Sequence[Flag] = ()) -> list[Flag]:
    """Flags of a story's toll told two ways, story by story, each explained in its own words."""
    flags = []
    for story in claims_by_story(claims):
        for f in toll_findings(story, flagged):
            flag = replace(make_flag(f), explanation=explain_toll(f))
            flags.append(cited_beside(flag, (evidence(c, c.start, c.end) for c in _same_toll(story, f))))
    return flags


def _same_toll(story: Sequence[Claim], f: Finding) -> list[Claim]:
    """Other sentences of each of the two reports that give the same count of the same kind ("Sunday's shooting
    injured five people" beside the lead's "a shooting that injured 5"): the fact-checker sees every place the
    report states it."""
    out = []
    for side, value in ((f.a, f.value_a), (f.b, f.value_b)):
        found = [c for c in story if c.article_id == side.article_id and c.id != side.id
                 and any(f"{t.value} {t.kind}" == value.split(" (")[0] for t in counts(c))]
        out += sorted(found, key=lambda c: c.start)[:ALSO_CITED]
    return out
