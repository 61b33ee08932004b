"""Tokens that can head an attribution cue, and how often each lemma heads one in training."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from ...models import model_path

MODEL_PATH = model_path("attribution_cues.json")

CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADJ", "ADP", "PUNCT"}

def is_candidate(tok: Token) -> bool:
    """Tokens that can head a cue: verbs, nouns, adjectives, "according", a colon."""
    if tok.pos_ == "PUNCT":
        return tok.text == ":"
    if tok.pos_ == "ADP":
        return tok.lower_ == "according"
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha


@lru_cache(maxsize=1)
def _model(path: str = str(MODEL_PATH)) -> dict:
    p = Path(path)
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def lexicon_rate(lemma: str) -> float:
    """How often a lemma heads a cue in the training data, or -1 when it was never seen."""
    return _model().get("lexicon", {}).get(lemma, -1.0)

