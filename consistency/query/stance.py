"""Each statement's stance toward the query: does it say what the query says, the opposite, or pass it on?

The query's polarity is read word by word (the query path loads no parser): an odd number of
negations, denial verbs and words calling something false makes it negative ("Did the ministry
deny the report?", "no evidence that ..."), an even number cancels out ("did not deny"). A
statement's polarity is the net negation its claim frame stored at extraction, which already
counts denial frames. Same polarity supports the query unless the statement only passes on what
others say; opposite polarity denies it.
"""

from __future__ import annotations

import re

from ..compare.polarity import words_spelled_out
from ..lexicon import DENIAL_LEMMAS, DENIALS, FALSE_ADJECTIVES, FALSE_NOUNS, NEGATIONS, NOT_REALLY, RELAY_CUES
from ..provenance import origin_kind
from ..records import Claim

_DENIAL_FORMS = DENIALS | {f"{lemma}{end}" for lemma in DENIAL_LEMMAS for end in ("", "s", "d", "ed", "es", "ing")} \
    | {f"{lemma[:-1]}{end}" for lemma in DENIAL_LEMMAS for end in ("ing", "ed", "ies", "ied")}
_MARKERS = NEGATIONS | _DENIAL_FORMS | FALSE_ADJECTIVES | FALSE_NOUNS
# Passing on another newsroom's report ("the Riga Times reports"), not citing a document or an official.
_MEDIA = re.compile(r"\b(?:Times|Post|News|Press|Reuters|AP|CNN|NBC|ABC|CBS|MSNBC|Politico|Journal|Tribune|"
                    r"Herald|Wire|Agency|TASS|BBC|Bloomberg|Axios|Daily|Magazine|Gazette)\b")
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"}
_PASSED_ON = ("reported", "possible")  # hearsay ("reportedly", "is said to") and hedged or unconfirmed claims


def query_negated(query: str) -> bool:
    """Whether the query says something is not so: an odd number of negation and denial words."""
    words = words_spelled_out(query)
    marks = sum(1 for i, w in enumerate(words) if w in _MARKERS and not _idle(words, i))
    return marks % 2 == 1


def _idle(words: list[str], i: int) -> bool:
    """A marker that negates nothing: "not only ...", or a participle used as an adjective ("the disputed vote")."""
    w, before, after = words[i], words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
    if w == "not":
        return after in NOT_REALLY
    return w in _DENIAL_FORMS and w.endswith("ed") and before in _DETERMINERS


def relays(c: Claim) -> bool:
    """Whether the statement only passes on what others say: hearsay, hedged, unnamed sources, another outlet."""
    if c.modality in _PASSED_ON:
        return True
    if origin_kind(c) == "anonymous":  # as provenance reads it: a spokesperson speaks on the record
        return True
    att = c.attribution
    relay = " ".join(x for x in (att.source if att else "", (att.channel or "") if att else "") if x)
    return bool(RELAY_CUES.search(c.text) and _MEDIA.search(relay or c.text))


def stance_toward(c: Claim, negated_query: bool) -> str:
    """"denies" (polarity opposite to the query's), "repeats" (passes the claim on) or "supports"."""
    if c.negated != negated_query:
        return "denies"
    return "repeats" if relays(c) else "supports"
