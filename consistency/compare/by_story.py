"""Compare, cluster and trace origins one story at a time.

Aligned pairs never cross stories, so a story's flags depend on its own claims and pairs
only: a night recomputes the stories its articles touched, and a distributed engine can
hand each story to a different worker, with the same flags either way.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..provenance import ClaimCluster, claim_clusters, joins_cluster, repetition_flags
from ..records import Claim, Flag
from . import flags_of_findings
from .base import Finding, of_another_story
from .outcomes import PairMemo, pair_outcome
from .revision_notes import updates_noted_after

Pair = tuple[int, int, float]


def pairs_by_story(pairs: Iterable[Pair], claims: dict[int, Claim]) -> dict[str | None, list[Pair]]:
    """The pairs of each story, keyed by the story of their first claim, in (a, b) order: ties
    between equally good partners are broken by order, which must not depend on how pairs were read."""
    out: dict[str | None, list[Pair]] = {}
    for a, b, score in sorted(pairs):
        if a in claims and b in claims:
            out.setdefault(claims[a].story_id, []).append((a, b, score))
    return out


def check_story(pairs: Sequence[Pair], claims: dict[int, Claim], resolver,
                facts: Sequence[tuple[Finding, float]] = (), story: Sequence[Claim] = (),
                memo: PairMemo | None = None) -> tuple[list[Flag], list[ClaimCluster], list[tuple[int, int]]]:
    """Every flag and claim cluster of one story's aligned pairs, and the pairs that took no part;
    ``story`` (every claim of the story) adds what needs the whole of it: a name respelled across its
    sentences, one person's offices, one happening's place.

    A quiet pair gives no finding, no respelled name and no cluster link: leaving it out
    changes nothing, so later checks of the story need not read it again. ``facts`` are the
    findings of the story's fact table; those on two claims a pair already compares are left out.
    ``memo`` holds the outcomes of pairs compared by earlier checks, and keeps those compared now.
    Page lines of another story (a related story's headline, a video's title) are compared with nothing.
    """
    story = [c for c in story if not of_another_story(c.text)]
    findings = []
    aligned = []
    quiet: list[tuple[int, int]] = []
    for ra, rb, score in pairs:
        a, b = claims.get(ra), claims.get(rb)
        if a is None or b is None:
            continue
        if _reads_another_story(a, b):
            quiet.append((ra, rb))
            continue
        outcome = memo.outcome(ra, rb, a, b, score, resolver) if memo is not None else \
            pair_outcome(a, b, score, resolver)
        found, named = outcome.findings, outcome.named
        if not found and not named and not joins_cluster(a, b, score):
            quiet.append((ra, rb))
            continue
        findings.extend((f, score) for f in found)
        if named:
            aligned.append((a, b, score))
    compared = {frozenset((f.a.id, f.b.id)) for f, _ in findings}
    findings += [(f, s) for f, s in facts if frozenset((f.a.id, f.b.id)) not in compared
                 and not _reads_another_story(f.a, f.b)]
    findings = updates_noted_after(findings, story)
    flags = flags_of_findings(findings, aligned, story, story or [c for f, _ in findings for c in (f.a, f.b)])
    silent = set(quiet)
    loud = [p for p in pairs if (p[0], p[1]) not in silent]
    clusters = claim_clusters(loud, claims)
    flags += repetition_flags(clusters, claims, loud)
    return flags, clusters, quiet


def _reads_another_story(*claims: Claim) -> bool:
    """Whether any of the claims is page furniture of another story (``of_another_story``)."""
    return any(of_another_story(c.text) for c in claims)


def check_stories(pairs: Iterable[Pair], claims: dict[int, Claim], resolver,
                  facts: dict[str, list[tuple[Finding, float]]] | None = None, stories: Iterable[Claim] = (),
                  memo: PairMemo | None = None) -> tuple[list[Flag], list[ClaimCluster], list[tuple[int, int]]]:
    """``check_story`` over each story in turn, flags de-duplicated and clusters in report order.

    ``facts`` holds each story's fact-table findings (``compare_facts``), when they are wanted;
    ``stories`` every claim of the stories compared, for the findings that need a whole story;
    ``memo`` the pairs' outcomes known from earlier checks (and, after, those compared now)."""
    flags: list[Flag] = []
    clusters: list[ClaimCluster] = []
    quiet: list[tuple[int, int]] = []
    facts = facts or {}
    groups, whole = story_groups(pairs, claims, facts, stories)
    for story, story_pairs in groups:
        f, c, q = check_story(story_pairs, claims, resolver, facts.get(story, ()), whole.get(story, ()), memo)
        flags += f
        clusters += c
        quiet += q
    return dedupe_flags(flags), sort_clusters(clusters), quiet


def story_groups(pairs: Iterable[Pair], claims: dict[int, Claim], facts: dict, stories: Iterable[Claim]
                 ) -> tuple[list[tuple[str | None, list[Pair]]], dict[str | None, list[Claim]]]:
    """Each story to compare with its pairs, in story order, and every claim of each story."""
    whole: dict[str | None, list[Claim]] = {}
    for c in stories:
        whole.setdefault(c.story_id, []).append(c)
    by_story = pairs_by_story(pairs, claims)
    for story in list(facts) + list(whole):
        by_story.setdefault(story, [])  # a story whose pairs say nothing may still hold a conflict
    return sorted(by_story.items(), key=lambda kv: kv[0] or ""), whole


def dedupe_flags(flags: Iterable[Flag]) -> list[Flag]:
    """One flag per id (the most confident), sorted by type and id."""
    seen: dict[str, Flag] = {}
    for f in flags:
        if f.id not in seen or f.confidence > seen[f.id].confidence:
            seen[f.id] = f
    return sorted(seen.values(), key=lambda f: (f.type, f.id))


def sort_clusters(clusters: Iterable[ClaimCluster]) -> list[ClaimCluster]:
    """Clusters with the most outlets first, as ``claim_clusters`` orders them."""
    return sorted(clusters, key=lambda c: _cluster_order(c.outlets, len(c.origins), c.id))


def sort_cluster_dicts(clusters: Iterable[dict]) -> list[dict]:
    """Clusters as ``ClaimCluster.to_dict`` gives them, in the order of ``sort_clusters``."""
    return sorted(clusters, key=lambda c: _cluster_order(c["outlets"], c["independent_origins"], c["id"]))


def _cluster_order(outlets, origins: int, cluster_id: str) -> tuple:
    """Most outlets first, then fewest independent origins, then id."""
    return (-len(outlets), origins, cluster_id)
