"""Sure figure disagreements: one figure of one holder, told differently by two outlets of one story.

The fact table's candidates (``facts.candidates``) are figure pairs that may state one fact; the fitted
scorer cannot say which of them are sure (it squeezes them all into a narrow band). Here a pair is
graded by what its words say: it names what it measures, neither value is a range or a newer figure,
and then how many signs of one figure it shows (verbs of one kind, no third value from the story's
other outlets). Whose the figure is was already read by the pairing (``facts.one_fact``: two named
holders or doers are two figures). A check without the full fact table keeps the pairs graded at
least ``Options.figure_bar``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from .base import has_update_cue
from .facts.pairing import Candidate, candidates, in_order
from .facts.rows import Fact
from .facts.sameness import CLASS_NOUNS, GENERAL_EVENTS, grown_since, one_fact, particle_after_verb, verb_forms
from .facts.statistics import is_age
from .facts.table import pair_finding, story_tables
from .facts.values import facts_agree
from .finding import Finding
from ..lexicon import HAPPENING_KINDS
from ..records import Claim


def measured(f: Fact) -> bool:
    """The row names what it measures: a unit or a counted noun that is not merely people or times."""
    return f.counts is not None and f.counts.split()[-1] not in CLASS_NOUNS and not is_age(f)


def gradable(f: Fact) -> bool:
    """The row can be half of a graded pair: it names what it measures, is no range, and its report
    does not present it as a newer figure."""
    return measured(f) and f.slot.hedge != "between" and not has_update_cue(f.claim)


def newer_or_range(a: Fact, b: Fact) -> bool:
    """Either value is a range, or one of the reports presents its figure as newer (a cue, or a count
    that grew on a later day): those are updates or spans, not one figure misreported."""
    return (a.slot.hedge == "between" or b.slot.hedge == "between" or has_update_cue(a.claim)
            or has_update_cue(b.claim) or grown_since(a, b))


def with_particle(f: Fact) -> bool:
    """The row's verb is followed by a particle in its sentence ("made off with", "gave up"): a verb of
    its own, not the bare verb."""
    return particle_after_verb(f) is not None


def tells_nothing(f: Fact) -> bool:
    """The row's verb tells nothing of its own (be, have, say), unless a particle makes it another verb:
    "made off with" an amount is a theft, not a making."""
    return f.event in GENERAL_EVENTS and not with_particle(f)


def infinitive_of(f: Fact, verb: str) -> bool:
    """The row's verb is an infinitive after a form of ``verb`` in its sentence, both before the figure
    ("waited in line to cast a ballot for seven hours"): the figure may be the finite verb's, which
    extraction passed over for the nearer one."""
    if not f.event:
        return False
    before = f.claim.text[:f.slot.start - f.claim.start].casefold()
    to = [m.start() for m in re.finditer(rf"\bto\s+(?:{'|'.join(map(re.escape, verb_forms(f.event)))})\b", before)]
    return bool(to) and bool(re.search(rf"\b(?:{'|'.join(map(re.escape, verb_forms(verb)))})\b", before[:to[-1]]))


def verbs_of_one_kind(a: Fact, b: Fact) -> bool:
    """One verb, verbs of one kind of happening, or a verb that tells nothing of its own (be, have,
    say): nothing in the verbs says the figures are of two doings."""
    if a.event is None or b.event is None or a.event == b.event:
        return True
    if tells_nothing(a) or tells_nothing(b) or infinitive_of(a, b.event) or infinitive_of(b, a.event):
        return True
    kind = HAPPENING_KINDS.get(a.event)
    return kind is not None and kind == HAPPENING_KINDS.get(b.event)


def sole_pair(a: Fact, b: Fact, story: Sequence[Fact]) -> bool:
    """No third article of the story gives the same figure (as the table reads sameness) a value
    agreeing with neither: when outlets scatter over several values the figure is an estimate in
    flux, not one misreported."""
    arts = {a.claim.article_id, b.claim.article_id}
    for f in story:
        if f.kind != "figure" or f.claim.article_id in arts or facts_agree(f, a) or facts_agree(f, b):
            continue
        if any(f.claim.outlet != g.claim.outlet and one_fact(*in_order(f, g)) for g in (a, b)):
            return False
    return True


def sureness(c: Candidate, story: Sequence[Fact]) -> float:
    """How surely a candidate pair is one figure told two ways: 0 when its words say it is not one
    figure misreported, else from .5 (no sign of one figure) to 1.0 (every sign)."""
    a, b = c.a, c.b
    if a.kind != "figure" or not (measured(a) and measured(b)) or newer_or_range(a, b):
        return 0.0
    signs = (verbs_of_one_kind(a, b), sole_pair(a, b, story))
    return round(0.5 + 0.5 * sum(signs) / len(signs), 4)


def figure_findings(facts: Sequence[Fact], similarity: Callable[[int, int], float], bar: float
                    ) -> list[tuple[Finding, float]]:
    """Number findings of one story's table graded at least ``bar``; each claim pair gives its surest."""
    best: dict[tuple[str, str], tuple[float, Candidate]] = {}
    # figures are paired with figures only, and only rows that can grade above 0: the rest would cost
    # the pairing most of its time
    for c in candidates([f for f in facts if f.kind == "figure"], similarity, gradable):
        s = sureness(c, facts)
        key = (c.a.claim.id, c.b.claim.id)
        if s > 0 and s >= bar and s > best.get(key, (-1.0,))[0]:
            best[key] = (s, c)
    return [(pair_finding(c.a, c.b, s), c.similarity) for s, c in best.values()]


def surest_findings(claims: dict[int, Claim], vectors: Callable[[Sequence[int]], np.ndarray],
                    happening_bar: float | None, figure_bar: float | None) -> dict[str, list[tuple[Finding, float]]]:
    """Story id -> the fact table's findings sure enough for every check: dates of one happening given
    differently scoring at least ``happening_bar``, and figures graded at least ``figure_bar`` (None:
    none of that kind)."""
    from .happenings import happening_findings
    from .ranks import rank_findings
    from .tallies import tally_updates

    out: dict[str, list[tuple[Finding, float]]] = {}
    by_story: dict[str, list[Claim]] = {}
    for c in claims.values():
        if c.story_id:
            by_story.setdefault(c.story_id, []).append(c)
    for story, facts, similarity in story_tables(claims, vectors):
        found = [] if happening_bar is None else [
            (f, s) for f, s in happening_findings(facts, similarity) if f.confidence >= happening_bar]
        if figure_bar is not None:
            pairs = {(f.a.id, f.b.id) for f, _ in found}
            found += [(f, s) for f, s in figure_findings(facts, similarity, figure_bar)
                      if (f.a.id, f.b.id) not in pairs]
            pairs = {(f.a.id, f.b.id) for f, _ in found}
            found += [(f, s) for f, s in tally_updates(facts, similarity, by_story.get(story, ()))
                      if (f.a.id, f.b.id) not in pairs]
            pairs = {(f.a.id, f.b.id) for f, _ in found}
            found += [(f, 0.0) for f in rank_findings(by_story.get(story, ())) if (f.a.id, f.b.id) not in pairs]
        if found:
            out[story] = found
    return out
