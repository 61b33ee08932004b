"""A story's fact table and its findings: the rows of every story, scored pairs, happening dates and statuses."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from ...records import Claim
from ...scores import cosine
from ..base import Finding
from ..fact_features import FactScorer, features, load_scorer
from .antecedents import antecedents
from .pairing import Similarity, candidates
from .rows import Fact, facts_of
from .sameness import grown_since, update_cue



FORECAST = frozenset({"expected", "possible"})  # what a report says will or may happen


def story_table(claims: dict[int, Claim]) -> dict[str, list[Fact]]:
    """Story id -> its facts, for every claim that belongs to a story."""
    table: dict[str, list[Fact]] = {}
    named_before = antecedents(claims.values())
    for row, c in claims.items():
        if c.story_id:
            table.setdefault(c.story_id, []).extend(facts_of(row, c, named_before))
    return table


def fact_findings(facts: Sequence[Fact], similarity: Similarity, scorer: FactScorer | None = None
                  ) -> list[tuple[Finding, float]]:
    """Findings between rows of one story's table that the fitted scorer says state one fact with
    values that cannot both be right; each claim pair gives its surest."""
    scorer = scorer or load_scorer()
    if scorer is None:
        return []
    best: dict[tuple[str, str], tuple[float, Fact, Fact, float]] = {}
    for c in candidates(facts, similarity):
        p = scorer.score(features(c))
        key = (c.a.claim.id, c.b.claim.id)
        if p >= scorer.threshold and p > best.get(key, (-1.0,))[0]:
            best[key] = (p, c.a, c.b, c.similarity)
    return [(pair_finding(a, b, p), sim) for p, a, b, sim in best.values()]


def pair_finding(a: Fact, b: Fact, score: float) -> Finding:
    """The finding two facts make: an update when the later report revises the earlier, else their kind's."""
    kind = "number" if a.kind == "figure" else "timeline"
    if b.claim.published > a.claim.published and (
            update_cue(b) and not update_cue(a)
            or a.claim.modality in FORECAST and b.claim.modality not in FORECAST
            or grown_since(a, b)):
        kind = "update"  # the later report revises the figure, or reports what the earlier one forecast
    return Finding(kind, a.claim, b.claim, a.slot.text, b.slot.text, (a.slot.start, a.slot.end),
                   (b.slot.start, b.slot.end), confidence=score)


def story_tables(claims: dict[int, Claim], vectors: Callable[[Sequence[int]], np.ndarray]
                 ) -> Iterator[tuple[str, list[Fact], Similarity]]:
    """Each story's facts with the cosine of its claims' meaning vectors, for stories of two outlets or more."""
    for story, facts in story_table(claims).items():
        if len({f.claim.outlet for f in facts}) < 2:
            continue
        rows = sorted({f.row for f in facts})
        yield story, facts, _cosine(vectors(rows), {r: i for i, r in enumerate(rows)})


def _cosine(vecs: np.ndarray, index: dict[int, int]) -> Similarity:
    wide = np.asarray(vecs, dtype=np.float64)  # once, not at every pair
    return lambda r, s: cosine(wide[index[r]], wide[index[s]])


def compare_facts(claims: dict[int, Claim], vectors: Callable[[Sequence[int]], np.ndarray],
                  scorer: FactScorer | None = None) -> dict[str, list[tuple[Finding, float]]]:
    """Story id -> the findings of its fact table; ``vectors`` gives the claims' meaning vectors by row,
    ``scorer`` the model that weighs candidates (the shipped one when None)."""
    out: dict[str, list[tuple[Finding, float]]] = {}
    from ..happenings import happening_findings
    from ..ranks import rank_findings
    from ..statuses import status_findings
    from ..tallies import tally_updates

    by_story: dict[str, list[Claim]] = {}
    for c in claims.values():
        if c.story_id:
            by_story.setdefault(c.story_id, []).append(c)
    for story, facts, similarity in story_tables(claims, vectors):
        found = fact_findings(facts, similarity, scorer)
        # Dates of one happening worded differently by each outlet, paired by the happening itself.
        pairs = {(f.a.id, f.b.id) for f, _ in found}
        found += [(f, s) for f, s in happening_findings(facts, similarity) if (f.a.id, f.b.id) not in pairs]
        pairs = {(f.a.id, f.b.id) for f, _ in found}
        # Running tallies a later report gives higher, whatever noun or verb carries the count.
        found += [(f, s) for f, s in tally_updates(facts, similarity, by_story.get(story, ()))
                  if (f.a.id, f.b.id) not in pairs]
        pairs = {(f.a.id, f.b.id) for f, _ in found}
        # Places in a series ("the 23rd candidate to enter"), which the quantity reader leaves out.
        found += [(f, 0.0) for f in rank_findings(by_story.get(story, ())) if (f.a.id, f.b.id) not in pairs]
        pairs = {(f.a.id, f.b.id) for f, _ in found}
        # Statuses reached without a figure (charged, resigned) after an earlier report awaited them.
        found += [(f, 0.0) for f in status_findings(by_story.get(story, ())) if (f.a.id, f.b.id) not in pairs]
        if found:
            out[story] = found
    return out


def stories_of(claims: Iterable[Claim]) -> set[str]:
    """The stories these claims belong to."""
    return {c.story_id for c in claims if c.story_id}
