"""The per-story fact table: what is counted or dated, by whom, with each outlet's value.

Pairs of aligned sentences miss the same fact stated in other words ("voted on Wednesday" and "the
resolution passed Tuesday"). Here every figure and every date of a story becomes a row keyed by
what it is about (the noun a figure counts, the happening a date attaches to, and that happening's
subject and object, as extraction read them). Rows of different outlets that may be about one thing
and whose values cannot both be right are candidates; a fitted scorer (``fact_features``) says which
state one fact. A later report with a newer figure, said to revise it or higher on a later day, is
an update.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ...extract.quantities import _IRREGULAR, AGE_UNIT, rounding_interval
from ...lexicon import HAPPENING_KINDS, SPEECH_EVENTS
from ...records import Claim, Quantity, TimeExpr
from ..base import STOP, Finding, has_update_cue
from ..fact_features import FactScorer, features, load_scorer
from ..numbers import _comparable as figures_comparable
from ..numbers import _singular, agree
from ..timeline import _comparable as dates_comparable
from ..timeline import _compatible, _interval, _quoted, anchor_kind, is_stamp

from .rows import BOUNDS, Fact, facts_of
from .values import GRANULARITY, MAX_GRANULARITY_GAP, NEAR_RATIO, NEAR_STEPS, RELATIVE, ROUNDING_SHARE, _agree, _differ, _fineness, _near_dates, _near_figures, overnight
from .holders import ACTOR_LABELS, HOLDER_CHARS, HOLDER_LABELS, LIST_CHARS, _different_actors, _same_person, holder, listed_person, other_people
from .statistics import REQUIRED_CHARS, TALLY_EVENTS, TALLY_NOUNS, is_age, is_conversion, is_difference, is_part, is_required, is_tally, other_statistic
from .sameness import CLASS_NOUNS, DAY_REACH, GENERAL_EVENTS, MAX_STEPS, MAX_UPDATE_RATIO, ROUND_DIGITS, SCHEDULE_CUES, UNIT_DAYS, _grown_since, _holder_unknown, _related, _update_cue, one_fact
from .pairing import CLOSE_CLAIMS, Candidate, Similarity, WINDOW_DAYS, candidates, in_order

FORECAST = frozenset({"expected", "possible"})  # what a report says will or may happen


def story_table(claims: dict[int, Claim]) -> dict[str, list[Fact]]:
    """Story id -> its facts, for every claim that belongs to a story."""
    table: dict[str, list[Fact]] = {}
    for row, c in claims.items():
        if c.story_id:
            table.setdefault(c.story_id, []).extend(facts_of(row, c))
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
    return [(_finding(a, b, p), sim) for p, a, b, sim in best.values()]


def _finding(a: Fact, b: Fact, score: float) -> Finding:
    kind = "number" if a.kind == "figure" else "timeline"
    if b.claim.published > a.claim.published and (
            _update_cue(b) and not _update_cue(a)
            or a.claim.modality in FORECAST and b.claim.modality not in FORECAST
            or _grown_since(a, b)):
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
    return lambda r, s: float(vecs[index[r]] @ vecs[index[s]])


def compare_facts(claims: dict[int, Claim], vectors: Callable[[Sequence[int]], np.ndarray],
                  scorer: FactScorer | None = None) -> dict[str, list[tuple[Finding, float]]]:
    """Story id -> the findings of its fact table; ``vectors`` gives the claims' meaning vectors by row,
    ``scorer`` the model that weighs candidates (the shipped one when None)."""
    out: dict[str, list[tuple[Finding, float]]] = {}
    from ..happenings import happening_findings
    from ..statuses import status_findings

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
        # Statuses reached without a figure (charged, resigned) after an earlier report awaited them.
        found += [(f, 0.0) for f in status_findings(by_story.get(story, ())) if (f.a.id, f.b.id) not in pairs]
        if found:
            out[story] = found
    return out


def stories_of(claims: Iterable[Claim]) -> set[str]:
    """The stories these claims belong to."""
    return {c.story_id for c in claims if c.story_id}
