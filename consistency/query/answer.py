"""From matching sentences to answers: one entry per fact across outlets, each outlet's version side by side.

A fact is a matched claim and the other outlets' statements of it (claims of the same story
whose vectors are close, or that alignment paired with it). Repeats of one sentence within an
article collapse into one, photo captions rank below statements, and every difference between
the outlets' versions is typed by the same comparators as ``check``, whichever cluster the
claims sit in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..records import Claim, Flag
from .bm25 import tokenize
from .stance import query_negated, stance_toward

JOIN_COSINE = 0.72  # two outlets' claims of one story this close state one fact
SAME_ARTICLE_OVERLAP = 0.6  # word overlap at which two sentences of one article are one statement
# Both chosen on the tune half of bench/questions (grid with leave-one-out, scripts/bench_answers.py):
SHOW_MARGIN = 0.5  # facts scoring more than this below the best are left out (re-ranker score units)
ANSWER_TYPE_BONUS = 3.0  # added to a match holding the kind of value the question asks for

_LEAD = r"^\s*(?:(?:by|for|in|on|at|to|from|until|since|of|about|with) )?"  # "By how many ...", "For how long ..."
_ASKS = (
    ("quantity", re.compile(_LEAD + r"(?:how (?:many|much|old|long|far|big|large|often)|what (?:was |is )?(?:the )?"
                            r"(?:number|amount|age|size|toll|tally|count|total|percentage|share|cost|price|vote|margin))\b",
                            re.I)),
    ("time", re.compile(_LEAD + r"(?:when|(?:what|which) (?:day|date|year|years|month|time|week)|until when|since when)\b",
                        re.I)),
    ("person", re.compile(_LEAD + r"(?:who|whom|whose|(?:which|what) (?:person|official|journalist|reporter|"
                          r"photographer|lawmaker|senator|senators|governor|candidate|leader))\b", re.I)),
    ("place", re.compile(_LEAD + r"(?:where|(?:which|what) (?:city|country|countries|state|place|town|venue))\b", re.I)),
)

_CREDIT = re.compile(r"(?:\bCredit\s*[A-Z]|\bPhoto(?:graph)?:|\b(?:AP|Getty|Reuters|AFP|EPA) (?:Photo|Images)\b"
                     r"|\((?:AP|Getty Images|Reuters|AFP)[^)]*\)\s*$)")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|told|did|does|can|could)\b|\w+ed\b", re.I)
_TIME_WORDS = re.compile(r"^(?:on |last |this |early |late )?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                         r"sunday|today|yesterday|tonight|morning|evening|afternoon|night|week|weekend|"
                         r"january|february|march|april|may|june|july|august|september|october|november|december)\b",
                         re.I)
_SPEAKER_HEAD = re.compile(r"\b(?:[A-Z][a-z]+|spokes\w+|officials?|sources?|police|aides?|lawyers?|attorneys?|"
                           r"ministers?|president|governor|senator|leaders?|people|officers?|agency|department|"
                           r"committee|court|judge|prosecutors?|investigators?|residents?|witness\w*)\b")


def asks_for(question: str) -> str | None:
    """The kind of value a question asks for: "quantity", "time", "person", "place", or None."""
    for kind, pattern in _ASKS:
        if pattern.search(question):
            return kind
    return None


def holds_answer(c: Claim, kind: str | None, question: str) -> bool:
    """Whether the claim states a value of that kind beyond what the question already says."""
    q = question.casefold()
    if kind == "quantity":
        return any(x.text.casefold() not in q for x in c.quantities) or bool(
            re.search(r"\b\d[\d,.]*\b", re.sub(r"\b(?:19|20)\d\d\b", "", c.text)))
    if kind == "time":
        return any(t.type in ("DATE", "TIME") and t.text.casefold() not in q for t in c.times)
    labels = {"person": ("PERSON",), "place": ("GPE", "LOC", "FAC")}.get(kind or "")
    return bool(labels) and any(e.label in labels and e.text.casefold() not in q for e in c.entities)


def typed_ranking(ranked: list[tuple[Claim, float]], question: str) -> list[tuple[Claim, float]]:
    """Matches re-scored so that those stating the kind of value the question asks for come first among equals."""
    kind = asks_for(question)
    if kind is None:
        return ranked
    return [(c, s + ANSWER_TYPE_BONUS * holds_answer(c, kind, question)) for c, s in ranked]


def is_caption(c: Claim) -> bool:
    """A photo caption or credit line rather than a statement."""
    if _CREDIT.search(c.text):
        return True
    text = c.text.strip()
    return len(text) < 160 and not text.endswith((".", "!", "?", "”", '"', "’")) and not _FINITE.search(text)


def confident_speaker(c: Claim) -> str:
    """The speaker when extraction plausibly found one: not a time phrase, not a stray clause."""
    att = c.attribution
    if att is None or att.source_kind == "outlet" or not att.source.strip():
        return ""
    src = att.source.strip()
    if _TIME_WORDS.search(src) or any(t.text and t.text in src for t in c.times) or len(src.split()) > 8:
        return ""
    if src[:1].islower() and att.source_kind not in ("anonymous", "pronoun") and not _SPEAKER_HEAD.search(src):
        return ""
    if src.casefold().startswith(("a statement", "an interview", "a news conference", "a press", "a letter", "a post")):
        return ""
    return src


def confident_channel(c: Claim) -> str:
    """The channel when it names a medium or body, not a day or a date."""
    att = c.attribution
    ch = (att.channel or "").strip() if att else ""
    if not ch or _TIME_WORDS.search(ch) or any(t.text and (t.text in ch or ch in t.text) for t in c.times):
        return ""
    return ch if re.search(r"[A-Z]|statement|interview|conference|briefing|letter|post|tweet|video", ch) else ""


def _words(text: str) -> set[str]:
    return set(tokenize(text))


def _same_statement(a: Claim, b: Claim) -> bool:
    wa, wb = _words(a.text), _words(b.text)
    if not wa or not wb:
        return a.text.strip() == b.text.strip()
    return len(wa & wb) / min(len(wa), len(wb)) >= SAME_ARTICLE_OVERLAP


@dataclass
class Fact:
    """One fact across outlets: the matched claim first, then each other outlet's statement of it."""

    lead: Claim
    score: float
    members: list[tuple[Claim, float]] = field(default_factory=list)  # (claim, score) in rank order
    caption: bool = False

    @property
    def claims(self) -> list[Claim]:
        return [self.lead, *(c for c, _ in self.members)]


def group_facts(ranked: list[tuple[Claim, float]], vectors: dict[str, np.ndarray],
                partners: dict[str, list[Claim]] | None = None) -> list[Fact]:
    """Facts from ranked claims: in-article repeats collapsed, captions after statements, outlets joined."""
    partners = partners or {}
    order = sorted(ranked, key=lambda cs: (is_caption(cs[0]), -cs[1]))
    facts: list[Fact] = []
    placed: dict[str, Fact] = {}
    for c, score in order:
        if c.id in placed:
            continue
        home = _home(c, facts, vectors)
        if home == "duplicate":
            continue
        if home is None:
            fact = Fact(lead=c, score=score, caption=is_caption(c))
            facts.append(fact)
            placed[c.id] = fact
            for p in partners.get(c.id, []):  # aligned copies from other outlets, ranked or not
                if p.id not in placed and _home(p, [fact], vectors) is fact:
                    fact.members.append((p, float("nan")))
                    placed[p.id] = fact
        else:
            home.members.append((c, score))
            placed[c.id] = home
    return facts


def _home(c: Claim, facts: list[Fact], vectors: dict[str, np.ndarray]):  # -> Fact | "duplicate" | None
    """The fact ``c`` belongs to, "duplicate" when its article already states it, or None."""
    v = vectors.get(c.id)
    for fact in facts:
        same_article = [x for x in fact.claims if x.article_id == c.article_id]
        if any(_same_statement(x, c) for x in same_article):
            return "duplicate"
        if same_article or (fact.lead.story_id and c.story_id and fact.lead.story_id != c.story_id):
            continue
        lv = vectors.get(fact.lead.id)
        if v is not None and lv is not None and float(v @ lv) >= JOIN_COSINE and c.outlet != fact.lead.outlet:
            return fact
    return None


def shown(facts: list[Fact], limit: int, margin: float = SHOW_MARGIN) -> list[Fact]:
    """The facts worth showing: at most ``limit``, none scoring more than ``margin`` below the best statement."""
    if not facts:
        return []
    best = max(f.score for f in facts if not f.caption) if any(not f.caption for f in facts) else facts[0].score
    return [f for f in facts if f.score >= best - margin][:limit]


def differences(fact: Fact, resolver) -> list[dict]:
    """Every typed difference among the fact's outlets, as the comparators of ``check`` type them."""
    from ..compare import compare_pair

    out, seen = [], set()
    claims = fact.claims
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.outlet == b.outlet:
                continue
            for f in compare_pair(a, b, 1.0, resolver):
                key = (f.type, f.a.id, f.b.id)
                if key in seen:
                    continue
                seen.add(key)
                out.append({"type": str(f.type), "claims": [f.a.id, f.b.id],
                            "values": {f.a.outlet: f.value_a, f.b.outlet: f.value_b},
                            "confidence": round(float(f.confidence), 3)})
    return out


def fact_dict(fact: Fact, resolver, flags_by_claim: dict[str, list[Flag]], meta: dict[str, dict],
              query: str = "") -> dict:
    """The fact as the CLI, API and web page show it, each statement with its stance toward the query."""
    negated_query = query_negated(query)
    diffs = differences(fact, resolver)
    flagged = {f.id: f for c in fact.claims for f in flags_by_claim.get(c.id, [])}
    differs: dict[str, set[str]] = {}
    for d in diffs:
        for cid in d["claims"]:
            differs.setdefault(cid, set()).add(d["type"])
    for f in flagged.values():
        for cid in f.claims:
            differs.setdefault(cid, set()).add(f.type)
    rows = []
    scores = {fact.lead.id: fact.score, **{c.id: s for c, s in fact.members}}
    for c in fact.claims:
        art = meta.get(c.article_id, {})
        rows.append({
            "claim_id": c.id, "outlet": c.outlet, "article_id": c.article_id, "url": art.get("url", ""),
            "title": art.get("title", ""), "published": c.published.isoformat(), "text": c.text,
            "start": c.start, "end": c.end,
            "score": None if scores[c.id] != scores[c.id] else round(scores[c.id], 4),
            "speaker": confident_speaker(c), "channel": confident_channel(c),
            "date": "; ".join(t.text for t in c.times if t.type in ("DATE", "TIME")),
            "number": "; ".join(q.text for q in c.quantities),
            "stance": stance_toward(c, negated_query),
            "caption": is_caption(c), "differs": sorted(str(t) for t in differs.get(c.id, ())),
        })
    return {"id": fact.lead.id, "text": fact.lead.text, "score": round(fact.score, 4),
            "outlets": sorted({c.outlet for c in fact.claims}), "statements": rows, "disagreements": diffs,
            "flags": sorted(flagged)}
