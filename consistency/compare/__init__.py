"""Compare aligned claims and type every difference as a flag.

Each comparator looks at one slot of two aligned claims (the same statement from two
outlets) and returns a ``Finding`` when they disagree; ``compare_pairs`` turns findings
into ``Flag`` records with evidence and a plain-language explanation.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Callable, Iterable, Sequence

from ..records import Claim, Flag
from .base import UPDATE_CUES, Finding, make_flag
from .addresses import address_flags
from .ages import age_flags
from .group_ages import group_age_flags
from .facts import compare_facts
from .different_things import drop_different_things
from .disagreements import one_per_disagreement
from .drive_by import drive_by_flags
from .charges import charge_flags
from .fates import fate_flags
from .homes import home_flags
from .clock_times import clock_time_flags
from .departures import departure_flags
from .later_deaths import later_death_flags
from .names import name_variant_flags
from .numbers import compare_numbers, figure_at, same_figure
from .person_sexes import person_sex_flags
from .places import compare_places, place_flags
from .polarity import compare_polarity
from .relations import relation_flags
from .roles import role_flags
from .scene_sides import scene_side_flags
from .sex_counts import sex_count_flags
from .shooter_counts import shooter_count_flags
from .streets import street_flags
from .speakers import compare_channel, compare_speakers
from .timeline import compare_timeline
from .tolls import toll_flags
from .vehicles import vehicle_flags
from .who_fired import who_fired_flags
from .wounds import wound_flags

COMPARATORS = (compare_timeline, compare_numbers, compare_speakers, compare_channel, compare_polarity, compare_places)


def compare_pair(a: Claim, b: Claim, score: float, resolver) -> list[Finding]:
    """Every typed difference between two aligned claims (earlier claim first)."""
    if (b.published, b.id) < (a.published, a.id):
        a, b = b, a
    if UPDATE_CUES.search(a.text) and not UPDATE_CUES.search(b.text):
        a, b = b, a  # the report that says it updates is the newer one, whatever its timestamp
    findings = []
    for comparator in COMPARATORS:
        finding = comparator(a, b, score, resolver)
        if finding is not None:
            findings.append(finding)
    return findings


def compare_pairs(pairs: Sequence[tuple[int, int, float]], claims: dict[int, Claim], resolver,
                  stories: Iterable[Claim] | None = None) -> list[Flag]:
    """Flags for all aligned pairs, plus what needs a whole story: spelling variants of one entity
    across outlets, offices given to one person, places given to one happening.

    ``stories`` are every claim of the stories compared (the aligned claims when None): those
    findings read sentences that no aligned pair holds."""
    findings: list[tuple[Finding, float]] = []
    aligned: list[tuple[Claim, Claim, float]] = []
    for ra, rb, score in pairs:
        a, b = claims.get(ra), claims.get(rb)
        if a is None or b is None or a.article_id == b.article_id:
            continue
        aligned.append((a, b, score))
        findings.extend((f, score) for f in compare_pair(a, b, score, resolver))
    whole = list(claims.values() if stories is None else stories)
    return flags_of_findings(findings, aligned, whole, whole)


def flags_of_findings(findings: Sequence[tuple[Finding, float]], aligned: Sequence[tuple[Claim, Claim, float]],
                      story: Sequence[Claim], read: Sequence[Claim]) -> list[Flag]:
    """A story's flags from its findings: figures of different things dropped, each deviation and each
    disagreement told once, then the name variants of the aligned pairs and what reads the whole story
    (``read``: the claims the different-things guards read)."""
    findings = drop_different_things(findings, read)
    flags = [make_flag(f) for f in one_per_disagreement(one_per_deviation(findings), story)]
    flags += name_variant_flags(aligned, story)
    return flags + story_flags(story, flags)


def story_flags(claims: Iterable[Claim], flagged: Sequence[Flag] = ()) -> list[Flag]:
    """Findings that read a whole story rather than aligned pairs: offices, ages and fates given to one
    person, places given to one happening, tolls of one incident, who fired, a family tie, a vehicle, where one
    person was hit, a street address, a suspect's charges, a drive-by, a person's home or the side of a building
    a shooting was on described two ways, the men and women among the dead or hurt counted two ways, one person of
    an age told a boy and a girl, the hour of the happening told two ways, one person's leaving a post told as a
    resignation and as a firing, and the one person hit told gravely hurt, then dead (``flagged``: the story's
    flags so far, whose figures the ages and tolls do not flag again)."""
    claims = list(claims)
    ages = age_flags(claims, flagged)
    flags = (role_flags(claims) + ages + group_age_flags(claims, [*flagged, *ages]) + place_flags(claims)
             + fate_flags(claims) + toll_flags(claims, flagged) + who_fired_flags(claims) + relation_flags(claims)
             + vehicle_flags(claims) + wound_flags(claims) + address_flags(claims) + charge_flags(claims)
             + drive_by_flags(claims) + shooter_count_flags(claims) + street_flags(claims) + home_flags(claims)
             + scene_side_flags(claims) + sex_count_flags(claims) + person_sex_flags(claims)
             + clock_time_flags(claims) + departure_flags(claims))
    return flags + later_death_flags(claims, [*flagged, *flags])


def one_per_deviation(findings: Sequence[tuple[Finding, float]]) -> list[Finding]:
    """When one claim differs from several copies that agree, flag it once, against the value
    most of those copies give (then the copy the finding is surest of, then the closest), not against
    an odd copy of its own."""
    involved: Counter = Counter()
    for f, _ in findings:
        involved[(f.type, f.a.id)] += 1
        involved[(f.type, f.b.id)] += 1
    groups: dict[tuple[str, str], list[tuple[str, float, Finding, Claim]]] = {}
    for f, score in findings:
        # An update's odd one out is always its revising report (b), however many old copies it meets.
        odd_is_a = f.type != "update" and involved[(f.type, f.a.id)] > involved[(f.type, f.b.id)]
        key = (f.type, f.a.id if odd_is_a else f.b.id)
        other_value, other = (f.value_b, f.b) if odd_is_a else (f.value_a, f.a)
        span = f.span_b if odd_is_a else f.span_a
        groups.setdefault(key, []).append((value_key(f.type, other, other_value, span), score, f, other))
    chosen = []
    for group in groups.values():
        votes = Counter(g[0] for g in group)
        rank = _revision_rank(group, votes) if group[0][2].type == "update" else \
            (lambda g: (votes[g[0]], g[2].confidence, g[1]))
        value, _, best, partner = max(group, key=rank)
        # The copies that give the same value stand with the closest one, ordered by closeness.
        # An update's earlier reports that give its old figure in other words ("roughly 410" for
        # "412") are the reports it revises as much as the one it is set against.
        agreeing = sorted((g for g in group if g[3].id != partner.id and (
            g[0] == value or best.type == "update" and _same_old_figure(best, g[2]))), key=lambda g: -g[1])
        also = tuple(dict.fromkeys(g[3] for g in agreeing))[:MAX_ALSO]
        chosen.append(replace(best, also=also) if also and best.type in WITH_COPIES else best)
    return chosen


def _revision_rank(group: list[tuple[str, float, Finding, Claim]], votes: Counter
                   ) -> Callable[[tuple[str, float, Finding, Claim]], tuple[float, int, float]]:
    """How likely a revision revises each old figure: its confidence (for a one-line revision,
    "the number of seasons climbed to 15", the closeness of the two figures; for a changed copy,
    the likeness of the sentences), raised the more earlier articles give the old figure. A figure
    many outlets reported is what a revision usually revises, but one close figure still beats a
    few copies of a figure twice as far off."""
    articles: dict[str, set[str]] = defaultdict(set)
    for key, _, _, other in group:
        articles[key].add(other.article_id)

    def rank(g: tuple[str, float, Finding, Claim]) -> tuple[float, int, float]:
        key, score, f, _ = g
        return (f.confidence + REPORTS_WEIGHT * math.log(len(articles[key])), votes[key], score)
    return rank


def _same_old_figure(f: Finding, g: Finding) -> bool:
    """Two updates' earlier reports give one figure, in the same or other words."""
    x, y = figure_at(f.a, f.span_a), figure_at(g.a, g.span_a)
    return x is not None and y is not None and same_figure(x, y)


def value_key(kind: str, c: Claim, value: str, span: tuple[int, int]) -> str:
    """What a value says, for counting the copies that give it: a date by the days it names
    ("Monday" and "September 9" of the same week are one date), anything else by its words."""
    if kind == "timeline":
        t = next((t for t in c.times if (t.start, t.end) == span), None)
        if t is not None and (t.earliest or t.latest):
            return f"{t.earliest}..{t.latest}"
    return " ".join(value.casefold().split())


MAX_ALSO = 4
# Confidence added per e-fold of the earlier articles that give an old figure, when choosing which
# old figure a revision revises: what a gap of about a third between the figures takes off a
# one-line revision's confidence (numbers._update), so twice the reports outweigh a gap of a quarter.
REPORTS_WEIGHT = 0.05
WITH_COPIES = frozenset({"number", "update", "timeline"})  # values that copies repeat word for word


__all__ = ["compare_facts", "compare_pair", "compare_pairs", "Finding"]
