"""Token features and the small linear model that scores tokens as attribution cues."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "attribution_cues.json"

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


def token_features(tok: Token) -> list[str]:
    """Sparse binary features of one candidate token."""
    lem = tok.lemma_.lower()
    deps = sorted({c.dep_ for c in tok.children})
    preps = sorted({c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "prt")})
    before, after = _near_quote(tok)
    has_subj = any(d.startswith("nsubj") for d in deps)
    has_comp = "ccomp" in deps or "xcomp" in deps
    head_before = tok.head.i < tok.i
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
        f"dep|hpos={tok.dep_}|{tok.head.pos_}|{head_before}",
        f"subj={has_subj}",
        f"comp={has_comp}",
        f"lem|comp={lem}|{has_comp}",
        f"lem|subj={lem}|{has_subj}",
        f"qb={before}",
        f"qa={after}",
        f"lem|q={lem}|{before}|{after}",
        f"next={tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else '<end>'}",
        f"lem|next={lem}|{tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else '<end>'}",
        f"prev={tok.nbor(-1).lower_ if tok.i > 0 else '<s>'}",
        f"speech={lem in SPEECH_LEMMAS}",
    ]
    f.extend(f"cdep={d}" for d in deps)
    f.extend(f"lem|cdep={lem}|{d}" for d in deps if d in ("ccomp", "xcomp", "dobj", "prep", "dative", "nsubj"))
    f.extend(f"lem|prep={lem}|{p}" for p in preps)
    f.extend(f"prep={p}" for p in preps)
    return f


@lru_cache(maxsize=1)
def load_weights(path: str = str(MODEL_PATH)) -> tuple[dict[str, float], float]:
    """The feature weights and decision threshold, or empty weights when no model ships."""
    p = Path(path)
    if not p.exists():
        return {}, 0.5
    data = json.loads(p.read_text(encoding="utf-8"))
    return data["weights"], float(data.get("threshold", 0.5))


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
