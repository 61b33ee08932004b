"""Claim clusters, their independent origins, and unsupported repetition.

A cluster is one claim carried by several outlets (aligned claims, joined transitively).
Copies collapse into one origin when they share a named source (an "according to X"
chain), come from an anonymous source, or repeat each other near-verbatim with no
attribution (wire copy, syndication). A claim carried by three or more outlets whose copies
all trace to one anonymous or absent origin is an unsupported repetition; two outlets are
enough only when the source is one withheld by name ("a person familiar with the talks"):
"officials said" is an institution's voice, and two reports of it are a pair, not a chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from .compare.unionfind import UnionFind
from .lexicon import (
    ANONYMOUS_WORDS,
    DENY_FORMS,
    FIGURE_WORDS,
    NEGATIONS,
    OFF_RECORD,
    SPEECH_VERBS,
    SPOKESPERSON,
    verb_lemmas,
)
from .records import Claim, Flag, FlagType, flag_id

NEGATION = re.compile(r"\b(?:" + "|".join(sorted(NEGATIONS | DENY_FORMS)) + r")\b|n['\u2019]t\b", re.I)
CLUSTER_THRESHOLD = 0.84  # cosine at which two claims are taken as one claim
VERBATIM = 0.6  # word-trigram overlap at which two copies are near-verbatim
MIN_OUTLETS_WITHHELD = 2
MIN_OUTLETS_UNATTRIBUTED = 3
MIN_WORDS_UNATTRIBUTED = 8


@dataclass
class ClaimCluster:
    """One claim as carried by several outlets."""

    claims: list[Claim]
    origins: dict[str, list[str]] = field(default_factory=dict)  # origin key -> claim ids

    @property
    def earliest(self) -> Claim:
        return min(self.claims, key=lambda c: (c.published, c.id))

    @property
    def outlets(self) -> list[str]:
        return sorted({c.outlet for c in self.claims})

    @property
    def id(self) -> str:
        return "clu-" + flag_id("cluster", [self.earliest.id])[4:]

    def to_dict(self) -> dict:
        first = self.earliest
        return {
            "id": self.id,
            "text": first.text,
            "claims": [c.id for c in self.claims],
            "articles": sorted({c.article_id for c in self.claims}),
            "outlets": self.outlets,
            "earliest": {"claim_id": first.id, "outlet": first.outlet, "article_id": first.article_id,
                         "published": first.published.isoformat()},
            "independent_origins": len(self.origins),
            "origins": [{"origin": k, "claims": v} for k, v in self.origins.items()],
            "story_id": first.story_id,
        }


def claim_clusters(pairs: Sequence[tuple[int, int, float]], claims: dict[int, Claim],
                   threshold: float = CLUSTER_THRESHOLD) -> list[ClaimCluster]:
    """Clusters of aligned claims spanning two or more outlets, with their origins traced."""
    joined: UnionFind[int] = UnionFind()
    for a, b, score in pairs:
        if a in claims and b in claims and joins_cluster(claims[a], claims[b], score, threshold):
            joined.union(a, b)
    clusters = []
    for rows in joined.groups().values():
        members = [claims[r] for r in rows]
        if len({c.outlet for c in members}) < 2:
            continue
        members.sort(key=lambda c: (c.published, c.id))
        clusters.append(ClaimCluster(members, trace_origins(members)))
    clusters.sort(key=lambda c: (-len(c.outlets), len(c.origins), c.id))
    return clusters


def joins_cluster(a: Claim, b: Claim, score: float, threshold: float = CLUSTER_THRESHOLD) -> bool:
    """Whether an aligned pair links its two claims into one cluster."""
    return score >= threshold or _worded_alike(a, b)


def _worded_alike(a: Claim, b: Claim) -> bool:
    """The same sentence word for word, whatever its meaning vectors say: they fall apart when a
    frame was read in one copy ("Several of those involved had been questioned") and not the other."""
    from .compare.base import is_copy

    if _figures(a.text) != _figures(b.text) or len(NEGATION.findall(a.text)) % 2 != len(NEGATION.findall(b.text)) % 2:
        return False  # a copy with a changed figure, date or negation is a conflict, not the same claim
    return is_copy(a, b, 0.0)


def origin_kind(c: Claim) -> str:
    """"named", "anonymous", "unknown" or "absent": a frame whose verb reports no speech ("Navy had
    discussed the decision") names the subject of the sentence, not a source."""
    att = c.attribution
    if att is None or att.source_kind == "outlet" or not _reports_speech(att.cue):
        return "absent"
    if att.source_kind == "anonymous" and not att.source.strip() and not ANONYMOUS_WORDS.search(c.text):
        # A source we could not read: a name just before the cue ("..., Nadia Petrescu, said") is
        # some source of its own; with none ("before it was announced") there is no source at all.
        return "unknown" if _name_before(c, att.cue_span) else "absent"
    if att.source_kind == "anonymous" and _on_record(att.source, c.text):
        return "named"
    return "anonymous" if att.source_kind == "anonymous" else "named"


def _on_record(source: str, text: str) -> bool:
    """"A police spokeswoman said": an unnamed spokesperson speaks on the record for a body,
    which is a source, unlike an official who asked not to be named."""
    return bool(SPOKESPERSON.search(source)) and not ANONYMOUS_WORDS.search(source) \
        and not OFF_RECORD.search(source + " " + text)


def _name_before(c: Claim, cue_span: tuple[int, int] | None) -> bool:
    if cue_span is None:
        return False
    return any(e.label in ("PERSON", "ORG") and 0 <= cue_span[0] - e.end <= NAME_GAP for e in c.entities)


NAME_GAP = 3  # characters between a name and its cue: ", "


def _reports_speech(cue: str) -> bool:
    """Whether an attribution cue is a verb of saying (or has no words to judge by)."""
    words = re.findall(r"[a-z]+", cue.casefold())
    if not words:
        return True
    if len(words) > 1 and words[-1] == "for":
        return False  # "calling for", "asked for": a demand names what is wanted, it reports no statement
    return any(verb_lemmas(w) & SPEECH_VERBS for w in words)


def trace_origins(members: Sequence[Claim]) -> dict[str, list[str]]:
    """Origin key -> claim ids: named sources, one anonymous origin, and groups of verbatim copies.

    An unattributed copy that repeats an anonymously sourced copy word for word is that same
    origin with its frame dropped, not an independent one."""
    origins: dict[str, list[str]] = {}
    copies: list[tuple[set[tuple[str, ...]], str]] = []  # trigrams of each origin's first copy
    ordered = sorted(members, key=lambda c: origin_kind(c) == "absent")  # attributed copies first
    for c in ordered:
        kind = origin_kind(c)
        if kind == "named":
            key = "named:" + c.attribution.source.casefold()
        elif kind == "unknown":
            key = f"unknown:{c.id}"  # a source we could not read is no evidence of a shared origin
        elif kind == "anonymous":
            key = "anonymous"
            if not any(k == key for _, k in copies):
                copies.append((_trigrams(c.content), key))
        else:
            grams = _trigrams(c.text)  # a frame that reports no speech left only a fragment as content
            key = next((k for g, k in copies if _overlap(grams, g) >= VERBATIM), "")
            if not key:
                key = f"unattributed:{c.id}"
                copies.append((grams, key))
        origins.setdefault(key, []).append(c.id)
    return origins


def repetition_flags(clusters: Sequence[ClaimCluster], claims: dict[int, Claim] | None = None,
                     pairs: Sequence[tuple[int, int, float]] = ()) -> list[Flag]:
    """Flags for clusters whose copies all trace to one anonymous or absent origin."""
    shared = _shared_sentences(claims or {}, pairs)
    flags = []
    for cluster in clusters:
        if len(cluster.origins) != 1:
            continue
        (key, _), = cluster.origins.items()
        if key.startswith("named:"):
            continue
        need = MIN_OUTLETS_WITHHELD if key == "anonymous" and all(map(_withheld, cluster.claims)) \
            else MIN_OUTLETS_UNATTRIBUTED
        if len(cluster.outlets) < need or not _repeats_one_claim(cluster, key):
            continue
        if len(cluster.outlets) < MIN_OUTLETS_UNATTRIBUTED and not _copies_alike(cluster):
            continue  # two outlets, one of which goes on to say more: two reports, not one claim passed on
        if _syndicated(cluster, shared, every=key == "anonymous"):
            continue
        flags.append(_repetition_flag(cluster, key))
    return flags


# A source kept from the reader on purpose: "a source close to", "a person familiar with", "an unnamed
# official", "a diplomat who requested anonymity"; or a claim that says why its source goes unnamed.
WITHHELD = re.compile(r"\b(?:sources?|insiders?|familiar|briefed|unnamed|anonymous|anonymity|close to|"
                      r"knowledge of)\b", re.I)
UNNAMED_WHY = re.compile(r"\b(?:condition of anonymity|(?:not|declined) to be (?:named|identified)|"
                         r"not authori[sz]ed to)\b", re.I)


def _withheld(c: Claim) -> bool:
    """Whether a claim's source is one withheld by name, not a body speaking through its officials
    (a source the reader could not pick out is judged by the sentence's own words)."""
    att = c.attribution
    return att is not None and bool(WITHHELD.search(att.source.strip() or c.text) or UNNAMED_WHY.search(c.text))


SYNDICATED_SENTENCES = 3
COPY_SCORE = 0.9


def _shared_sentences(claims: dict[int, Claim], pairs: Sequence[tuple[int, int, float]]) -> dict[tuple[str, str], int]:
    """(article, article) -> how many sentences the two carry word for word (near-identical pairs)."""
    out: dict[tuple[str, str], int] = {}
    for a, b, score in pairs:
        if score >= COPY_SCORE and a in claims and b in claims:
            key = tuple(sorted((claims[a].article_id, claims[b].article_id)))
            out[key] = out.get(key, 0) + 1
    return out


def _syndicated(cluster: ClaimCluster, shared: dict[tuple[str, str], int], every: bool = False) -> bool:
    """Most (with ``every``, all) carrying articles are copies of one wire story: they share
    several other sentences nearly word for word. The origin is that story and its byline, not
    an unsourced claim; an anonymous claim is set aside only when every copy is the wire's."""
    articles = sorted({c.article_id for c in cluster.claims})
    if len(articles) < 2:
        return False
    pairs = [(x, y) for i, x in enumerate(articles) for y in articles[i + 1:]]
    copies = sum(shared.get(p, 0) >= SYNDICATED_SENTENCES for p in pairs)
    return copies == len(pairs) if every else copies * 2 >= len(pairs)


def _repeats_one_claim(cluster: ClaimCluster, key: str) -> bool:
    """Copies of one checkable claim: they agree in polarity, and an unattributed copy is a full
    statement rather than a short fragment of a quote attributed in a neighbouring sentence."""
    if len({len(NEGATION.findall(c.text)) % 2 for c in cluster.claims}) > 1:
        return False
    if len({_figures(c.text) for c in cluster.claims}) > 1:
        return False  # copies that disagree on a figure or a date are a conflict, not one claim repeated
    if len({_mood(c) for c in cluster.claims}) > 1:
        return False  # what will or may happen and what did happen are two claims, however alike their words
    if key == "anonymous":
        return True
    first = cluster.earliest
    if any(c.text.lstrip()[:1] in "\"'\u201c\u2018" or c.text.rstrip()[-1:] in "\"'\u201d\u2019" for c in cluster.claims):
        return False
    if all(is_headline(c.text) for c in cluster.claims):
        return False  # a headline sums up its article, whose body carries the sources
    return len(first.text.split()) >= MIN_WORDS_UNATTRIBUTED


_MOODS = ("expected", "possible", "denied")


def _copies_alike(cluster: ClaimCluster) -> bool:
    """Every two copies share most word triples of the longer one: neither adds a clause of its own
    ("taken to hospital in serious condition" / "taken to hospital but died there of his wounds")."""
    grams = [_trigrams(c.content or c.text) for c in cluster.claims]
    return all(len(x & y) >= VERBATIM * max(len(x), len(y)) for i, x in enumerate(grams) for y in grams[i + 1:])


def _mood(c: Claim) -> str | None:
    """Whether a claim states a plan or forecast, a possibility or a denial rather than a fact;
    hearsay ("reportedly") hedges a claim without changing what it states."""
    return c.modality if c.modality in _MOODS else None


def is_headline(text: str) -> bool:
    """Title case and no closing stop: "Kraft Shooting: Yvonne Hiller Charged With Two Counts Of Murder"."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    if text.rstrip()[-1:] in ".!?" or len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_SHARE * len(words)


HEADLINE_SHARE = 0.8


def _repetition_flag(cluster: ClaimCluster, key: str) -> Flag:
    from .compare.base import build_flag, evidence
    from .compare.explain import explain_repetition

    first = cluster.earliest
    one_per_outlet: dict[str, Claim] = {}
    for c in cluster.claims:
        one_per_outlet.setdefault(c.outlet, c)
    if key == "anonymous":
        value = lambda c: f"anonymous: {c.attribution.source}" if c.attribution else "anonymous"  # noqa: E731
    else:
        value = lambda c: "no attribution"  # noqa: E731
    outlets = cluster.outlets
    confidence = 0.6 + 0.1 * min(3, len(outlets) - 1) + (0.05 if key == "anonymous" else 0.0)
    return build_flag(
        FlagType.unsupported_repetition, cluster.claims, {o: value(c) for o, c in one_per_outlet.items()},
        [evidence(c, c.start, c.end) for c in one_per_outlet.values()], min(confidence, 0.95),
        explain_repetition(first, outlets, key == "anonymous"), key=[first.id], outlets=outlets)


_WORD = re.compile(r"\w+")
_FIGURE = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{FIGURE_WORDS}|january|february|march|april|"
                     r"june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|"
                     r"friday|saturday|sunday)\b", re.I)


def _figures(text: str) -> tuple[str, ...]:
    return tuple(sorted(m.group().casefold() for m in _FIGURE.finditer(text)))


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    return {tuple(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _overlap(x: set, y: set) -> float:
    return len(x & y) / max(1, min(len(x), len(y)))
