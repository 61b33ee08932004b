"""Token features and the small linear model that scores tokens as attribution cues."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from ...models import model_path

MODEL_PATH = model_path("attribution_cues.json")

CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADJ", "ADP", "PUNCT"}
QUOTE_CHARS = set("\"“”")

# Cue verbs of speech, thought and evidence; a fallback when the learned model is missing.
SPEECH_LEMMAS = frozenset(
    """say tell add write claim insist deny argue note report announce explain state warn
    suggest acknowledge admit declare confirm tweet post recall respond reply ask answer
    believe think predict estimate show find accuse criticize criticise praise urge vow
    promise threaten allege assert contend complain describe call describe agree conclude
    caution stress emphasise emphasize observe remark comment testify reveal indicate""".split()
)


def is_candidate(tok: Token) -> bool:
    """Tokens that can head a cue: verbs, nouns, adjectives, "according", a colon."""
    if tok.pos_ == "PUNCT":
        return tok.text == ":"
    if tok.pos_ == "ADP":
        return tok.lower_ == "according"
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha


def _near_quote(tok: Token, window: int = 3) -> tuple[bool, bool]:
    doc = tok.doc
    before = any(doc[j].text in QUOTE_CHARS for j in range(max(0, tok.i - window), tok.i))
    after = any(doc[j].text in QUOTE_CHARS for j in range(tok.i + 1, min(len(doc), tok.i + window + 1)))
    return before, after


def _subject(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)


def _kind(t: Token | None) -> str:
    """A coarse class of a would-be source: person, organisation, pronoun, noun."""
    if t is None:
        return "none"
    if t.ent_type_:
        return t.ent_type_
    if t.pos_ == "PRON":
        return "pron:" + t.lower_
    return t.pos_


def _has_quote(toks) -> bool:
    return any(t.text in QUOTE_CHARS or t.text in ("\'\'", "‘", "’") for t in toks)


def token_features(tok: Token, prior: float | None = None) -> list[str]:
    """Sparse binary features of one candidate token; ``prior`` overrides the lexicon rate."""
    lem = tok.lemma_.lower()
    doc = tok.doc
    deps = sorted({c.dep_ for c in tok.children})
    preps = sorted({c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "prt")})
    before, after = _near_quote(tok)
    subj = _subject(tok)
    has_subj = subj is not None
    has_comp = "ccomp" in deps or "xcomp" in deps
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
    mark = next((g.lower_ for g in comp.children if g.dep_ in ("mark", "aux")), "-") if comp is not None else "-"
    head_before = tok.head.i < tok.i
    nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
    prv = tok.nbor(-1) if tok.i > 0 else None
    sent = tok.sent
    rel = (tok.i - sent.start) / max(1, len(sent))
    if prior is None:
        prior = lexicon_rate(lem)
    pb = "unseen" if prior < 0 else str(min(9, int(prior * 10)))
    f = [
        "bias",
        f"lem={lem}",
        f"pos={tok.pos_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"lem|dep={lem}|{tok.dep_}",
        f"lem|pos={lem}|{tok.pos_}",
        f"hdep={tok.head.dep_}",
        f"hpos={tok.head.pos_}",
        f"hlem={tok.head.lemma_.lower()}",
        f"dep|hlem={tok.dep_}|{tok.head.lemma_.lower()}",
        f"dep|hpos={tok.dep_}|{tok.head.pos_}|{head_before}",
        f"subj={has_subj}",
        f"subjk={_kind(subj)}",
        f"subjk|pos={_kind(subj)}|{tok.pos_}",
        f"subjk|comp={_kind(subj)}|{has_comp}",
        f"comp={has_comp}",
        f"mark={mark}",
        f"tag|mark={tok.tag_}|{mark}",
        f"lem|comp={lem}|{has_comp}",
        f"lem|subj={lem}|{has_subj}",
        f"qb={before}",
        f"qa={after}",
        f"qsent={_has_quote(sent)}",
        f"qsub={_has_quote(tok.subtree)}",
        f"lem|q={lem}|{before}|{after}",
        f"next={nxt.lower_ if nxt is not None else '<end>'}",
        f"npos={nxt.pos_ if nxt is not None else '<end>'}",
        f"ppos={prv.pos_ if prv is not None else '<s>'}",
        f"lem|next={lem}|{nxt.lower_ if nxt is not None else '<end>'}",
        f"prev={prv.lower_ if prv is not None else '<s>'}",
        f"relpos={int(rel * 4)}",
        f"root={tok.dep_ == 'ROOT'}",
        f"speech={lem in SPEECH_LEMMAS}",
        f"prior={pb}",
        f"prior|pos={pb}|{tok.pos_}",
        f"prior|comp={pb}|{has_comp}",
        f"suf={lem[-3:]}",
    ]
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "attr", "acomp")), None)
    if subj is not None:
        f.append(f"subjlem={subj.lemma_.lower()}")
    if obj is not None:
        f.append(f"objlem={obj.lemma_.lower()}")
        f.append(f"lem|objlem={lem}|{obj.lemma_.lower()}")
    f.extend(f"cdep={d}" for d in deps)
    f.extend(f"pos|cdep={tok.pos_}|{d}" for d in deps)
    f.extend(f"lem|cdep={lem}|{d}" for d in deps if d in ("ccomp", "xcomp", "dobj", "prep", "dative", "nsubj"))
    f.extend(f"lem|prep={lem}|{p}" for p in preps)
    f.extend(f"prep={p}" for p in preps)
    return f


@lru_cache(maxsize=1)
def _model(path: str = str(MODEL_PATH)) -> dict:
    p = Path(path)
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def load_weights() -> tuple[dict[str, float], float]:
    """The feature weights and decision threshold, or empty weights when no model ships."""
    data = _model()
    return data.get("weights", {}), float(data.get("threshold", 0.5))


def lexicon_rate(lemma: str) -> float:
    """How often a lemma heads a cue in the training data, or -1 when it was never seen."""
    return _model().get("lexicon", {}).get(lemma, -1.0)


def cue_probability(tok: Token) -> float:
    """The probability that ``tok`` heads an attribution cue."""
    weights, _ = load_weights()
    if not weights:
        return 0.9 if tok.lemma_.lower() in SPEECH_LEMMAS or tok.lower_ == "according" else 0.0
    z = sum(weights.get(f, 0.0) for f in token_features(tok))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cue_threshold() -> float:
    """The probability above which a token is taken as a cue."""
    return load_weights()[1]


def unsourced_threshold() -> float:
    """The higher bar for a cue whose frame names no source (those are more often false)."""
    return float(_model().get("threshold_unsourced", cue_threshold()))
