"""Re-rank the matches of a question: does a claim answer it, not only share its topic?

A linear model over (question, claim) features, fitted on public question / answer-sentence
data by ``scripts/train_question_ranker.py``: how close the two are (MiniLM cosine, the share of
the question's weighted words and names the claim holds), whether the claim holds a value of
the kind the question asks for (a person or organisation for "who", a date for "when", a figure
for "how many", a place for "where") beyond what the question already says, and whether it is a
statement rather than a caption, and how much of the first stage's best matches share its
story. The weights are then refitted on the tune questions of bench/questions by
``scripts/tune_question_ranker.py``, which alone weighs the features TREC QA was fitted without
(``fits_place``: a place stated after a preposition of place, not a dateline or "the governor of Kesk",
of the grain asked when the question says one, a town for "in what city";
``new_beyond_lede``: a value of the kind asked that no opening sentence of the claim's story states;
``value_tie``: how closely a value of the kind asked is tied to the names the question asks about;
``role_fit``: how well a name the question does not state is introduced by what the question calls
the answer, "which senator" by "Sen."; ``deed_tie``: how much of what the question says its answer did
is said of such a name; ``value_deed``: how much of what the question says happened is said where the claim
states a date, figure or place of the kind asked; ``asked_cue``: whether the claim introduces something new
with a cue of the family a what / how / why question asks for, a reason, a method, a charge or a wording).
The engine blends its score with the first stage's rank.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..compare.places import is_region, place_key
from ..lexicon import COUNTRIES, COUNTRY_ALIASES, TENS_WORDS, TITLE_MEANS, WORDS_TO_TWELVE
from ..models import model_path
from ..records import Claim, Entity
from .answer import asks_for, is_caption
from .bm25 import tokenize

SHIPPED = model_path("question_ranker.json")

FEATURES = (
    "cos", "rel_cos", "cover_idf", "rel_cover_idf", "cover", "bigram_cover", "name_cover",
    "claim_len", "new_words", "holds_person", "holds_org", "holds_time", "holds_quantity", "holds_place",
    "misses_kind", "new_value", "caption", "attributed", "fits_quantity", "fits_time", "holds_form",
    "noun_cos", "rel_noun_cos", "story_share", "fits_place", "article_cover",
    "new_beyond_lede", "value_tie", "role_fit", "deed_tie", "value_deed", "asked_cue",
)
# how many of the first stage's best matches vote for the story a question is about
STORY_VOTERS = 30

_QUESTION = re.compile(r"^\s*(?:(?:by|for|in|on|at|to|from|until|since|of|about|with) )?"
                       r"(?:who|whom|whose|what|when|where|which|why|how|did|does|do|is|are|was|were|has|have|"
                       r"had|will|would|can|could)\b", re.I)
_WHICH = re.compile(r"\b(?:which|what)((?:\s+[a-z'-]+){1,3})", re.I)
_KIND_NOUNS = {
    "person": "person people official officials journalist reporter photographer lawmaker lawmakers senator senators "
              "actor actress singer player coach founder "
              "governor candidate candidates leader leaders man woman men women member members spokesman "
              "spokeswoman judge lawyer attorney director secretary president chairman author",
    "place": "city cities country countries state states place places town towns venue region county district "
             "nation nations island border",
    "time": "day date year years month time week weekend night",
    "org": "company companies party parties agency agencies organization organizations group groups network "
           "networks newspaper outlet committee court firm team university",
    "quantity": "revenue revenues sales value population salary budget speed rate turnout distance height weight",
}
# "What is the monetary value of the prize?", "What is Acme's annual revenue?": the noun asked about
_WHAT_IS_HEAD = re.compile(r"^\s*what (?:is|was|are|were) (?:the |an? )?(?:[\w'-]+ ){0,3}?([a-z]+) of\b"
                           r"|^\s*what (?:is|was|are|were) .*?'s? (?:[\w-]+ ){0,2}?([a-z]+)\s*\??\s*$", re.I)
_HOW_MEASURE = re.compile(r"^\s*how (?:fast|high|tall|deep|wide|heavy|hot|cold)\b", re.I)
_AUX = {"did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
        "should", "may", "might"}
_NOUN_KIND = {w: k for k, words in _KIND_NOUNS.items() for w in words.split()}
_TIME_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
               "months", "year", "years", "decade", "decades"}
_MONEY_WORDS = re.compile(r"\b(?:money|cost|costs|spend|spent|spending|earn|earned|pay|paid|raise|raised|worth|"
                          r"dollars|price|fund|funds|budget|fine|salary)\b", re.I)
# "how much" asks for money unless it asks for time or a part ("how much of the bill")
_HOW_MUCH_OTHER = re.compile(r"\bhow much (?:time|longer|of|more time)\b")
# the words just after a figure: the noun it counts when the quantity reader kept no unit
_NEXT_WORDS = re.compile(r"^[\s-]*((?:[A-Za-z][\w'’.-]*\s+){0,2}[A-Za-z][\w'’-]*)")
# the words after "how many" up to its verb: "how many navy divers were ..." counts divers
_HOW_MANY = re.compile(r"\bhow many ((?:[\w'-]+\s+){0,3}?[\w'-]+)(?=\s+(?:did|do|does|were|was|are|is|has|have|had|"
                       r"will|would|can|could|[a-z]+ed)\b|\s*\?|\s*$)", re.I)
# "a three-term mayor", "a 12-year veteran": a count written as a compound adjective
_COMPOUND_COUNT = re.compile(rf"\b(?:\d+|{WORDS_TO_TWELVE}|[a-z]+teen|{TENS_WORDS})-([a-z]+)\b", re.I)
_VOTES = re.compile(r"\b\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\b")
_NAME = re.compile(r"\b[A-Z][a-zA-Z'-]+")
_DIGITS = re.compile(r"\b\d[\d,.]*\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SLASH_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")


def is_question(text: str) -> bool:
    """Whether the query asks something rather than states a claim."""
    text = text.strip()
    return text.endswith("?") or bool(_QUESTION.match(text))


def _names(text: str) -> set[str]:
    """Capitalised words after the first: the names a question is about."""
    text = text.lstrip()
    return {m.group().casefold() for m in _NAME.finditer(text) if m.start() > 0}


_POSSESSIVE = re.compile(r"(?:'|’)s?$")


def names_own(name: str, question: str) -> bool:
    """Whether a name in a claim is one the question states, whole or by one of its capitalised words
    ("Ain J. Kesk", "Mayor Liis Vaher" for a question naming "Kesk" or "Vaher"): a question
    naming someone does not ask for them."""
    if name.casefold() in question.casefold():
        return True
    own = {_POSSESSIVE.sub("", n) for n in _names(question)}
    return any(_POSSESSIVE.sub("", m.group().casefold()) in own for m in _NAME.finditer(name))


def answer_kind(question: str) -> str | None:
    """The kind of value a question asks for: "quantity", "time", "person", "org", "place", or None."""
    kind = asks_for(question)
    if kind is None:
        m = _WHICH.search(question)
        words = m.group(1).lower().split() if m else []
        words = words[:next((i for i, w in enumerate(words) if w in _AUX), len(words))]  # "what did the president say"
        kind = next((_NOUN_KIND[w] for w in words if w in _NOUN_KIND), None)
    if kind is None and _HOW_MEASURE.search(question):
        kind = "quantity"
    if kind is None:
        m = _WHAT_IS_HEAD.search(question)
        head = (m.group(1) or m.group(2)).lower() if m else ""
        kind = _NOUN_KIND.get(head)
    return kind


# Questions whose answer is not a figure, a date or a name but a clause of a certain form: a
# reason ("why ..."), an instance of the noun asked about ("which amendment", "what crime"), or
# what the question's subject said or decided ("what did X decide about ...").
_WHY = re.compile(r"^\s*why\b|\bfor what reason\b|\bwhat (?:is|was|were|are) the reasons?\b", re.I)
_REASON = re.compile(r"\b(?:because|due to|owing to|thanks to|so that|in order to|as a result|in protest|"
                     r"on (?:the )?grounds|citing|over (?:concerns?|fears?|worries|questions|complaints)|"
                     r"(?:the|a) reason|why)\b", re.I)
_WHAT_DID = re.compile(r"^\s*[Ww]hat (?:did|does|do|has|have|had|will|would)\s+(?P<subject>(?:(?:the|a|an)\s+)?"
                       r"(?:[A-Z][\w.'’-]*\s+|of\s+|[a-z]+\s+(?=[A-Z]))*?)(?P<verb>[a-z]+)\b")
# the verbs of saying and deciding a subject's answer is stated with
_STATED = re.compile(r"\b(?:said|says|say|told|tells|announc\w*|decid\w*|decision|declar\w*|vetoe?\w*|signed|"
                     r"rul(?:ed|ing)|reject\w*|approv\w*|call(?:ed|s)|blam\w*|urg\w*|warn\w*|argu\w*|insist\w*|"
                     r"claim\w*|describ\w*|accus\w*|pledg\w*|promis\w*|vow\w*|invok\w*|ordered|choos\w*|chose|"
                     r"nam(?:ed|es)|endors\w*|wrote|writes|tweet\w*)\b", re.I)
# nouns whose instance is a wording: a quoted phrase names one
_WORDING = {"word", "words", "phrase", "title", "name", "nickname", "slogan", "term", "terms", "message", "headline",
            "label", "line", "insult", "quote"}
_QUOTED = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                      r"twentieth)$", re.I)
_WHICH_HEAD = re.compile(r"\b(?:which|what)\s+((?:[\w.'’-]+\s*){1,5})", re.I)
_WORD_RE = re.compile(r"[\w’'-]+")
# where the noun asked about ends: "which amendment of the", "what limit on", "what crime did"
_STOP_HEAD = _AUX | {"of", "on", "in", "for", "to", "the", "a", "an", "from", "at", "by", "with", "about", "that",
                     "he", "she", "they", "it", "we", "you", "i"}


def answer_form(question: str) -> tuple[str, str] | None:
    """("reason", ""), ("instance", noun) or ("statement", verb) when the question asks for a clause of that
    form rather than a value of a kind ``answer_kind`` reads; None otherwise."""
    if _WHY.search(question):
        return "reason", ""
    if answer_kind(question) is not None:
        return None
    m = _WHAT_DID.search(question)
    if m and m.group("subject").strip():
        verb = m.group("verb").lower()
        if verb not in _AUX:
            return "statement", verb
    head = _which_phrase(question)
    if head and head[0] not in ("kind", "type", "sort"):
        return "instance", head[-1].strip("'’.")
    return None


def _which_phrase(question: str) -> list[str]:
    """The words of the noun phrase "which" or "what" asks for ("which conservative outlet ran": conservative,
    outlet), lower-cased; none when the question has no such phrase."""
    m = _WHICH_HEAD.search(question)
    if not m:
        return []
    words = m.group(1).split()
    head: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        after = words[i + 1].lower() if i + 1 < len(words) else ""
        # the noun ends at a function word, a past-tense verb, or a verb taking an object ("won the")
        if low in _STOP_HEAD or (low.endswith("ed") and head) or (after in ("the", "a", "an") and head):
            break
        head.append(low)
    return head


def asked_noun(question: str) -> str | None:
    """The noun a "which <noun>" question asks for an instance of ("which amendment": "amendment")."""
    form = answer_form(question)
    return form[1] if form is not None and form[0] == "instance" else None


# "who was the shooter", "what is the final tally on ...": the noun a copular question asks about
_PREPOSITIONS = {"outside", "inside", "near", "during", "after", "before", "behind", "against", "over", "under",
                 "into", "across", "between", "among", "who", "whom", "which", "when", "where", "as", "like"}
_COPULA_HEAD = re.compile(r"^\s*(?:who|what) (?:is|was|are|were) (?:the|an?) ((?:[\w'’-]+\s*){1,5})", re.I)


def compared_noun(question: str) -> str | None:
    """The noun a question's candidates are compared with by cosine: the one "which <noun>" asks an
    instance of, or the one "who was the <noun>" / "what is the <noun>" asks about, whose answer
    may name it in other words (a shooter as the gunman)."""
    noun = asked_noun(question)
    if noun is not None:
        return noun
    head = _copula_phrase(question)
    return head[-1] if head else None


def _copula_phrase(question: str) -> list[str]:
    """The words of the noun phrase a "who was the ..." or "what is the ..." question asks about."""
    m = _COPULA_HEAD.search(question)
    if not m:
        return []
    head = []
    for w in m.group(1).split():
        low = w.lower().strip("?.,'’")
        if low in _STOP_HEAD or low in _PREPOSITIONS or not low.isalpha():
            break
        head.append(low)
    return head


def _purpose_follows(words: list[str], i: int) -> bool:
    """Whether "to" and a verb-like lower-case word follow ``words[i]`` within three words."""
    for j in range(i + 1, min(i + 4, len(words) - 1)):
        if words[j].lower() == "to" and words[j + 1][:1].islower() and words[j + 1].lower() not in _STOP_HEAD:
            return True
    return False


def _verb_stem(verb: str) -> str:
    """The part of a verb its inflections share ("decide" "decid", "blame" "blam")."""
    verb = verb.lower()
    return verb[:-1] if verb.endswith("e") and len(verb) > 4 else verb


def holds_form(c: Claim, question: str, form: tuple[str, str], context: str = "") -> bool:
    """Whether the claim states an answer of the asked form beyond what the question already says."""
    kind, word = form
    text, q = c.text, question.casefold()
    if kind == "reason":
        if any(m.group().casefold() not in q for m in _REASON.finditer(text)):
            return True
        # a purpose clause after what the question asks about: "asked for a word processor to record ..."
        asked = set(tokenize(question))
        words = _WORD_RE.findall(text)
        return any(tokenize(w) and tokenize(w)[0] in asked and _purpose_follows(words, i) for i, w in enumerate(words))
    if kind == "statement":
        stem = _verb_stem(word)
        verb = any(w.casefold().startswith(stem) for w in _WORD_RE.findall(text)) or bool(_STATED.search(text))
        names = _names(question)
        att = c.attribution
        speaker = (att.source if att is not None else "").casefold()
        said_by = any(n in speaker for n in names) or (
            att is not None and att.source_kind == "pronoun" and any(n in context.casefold() for n in names))
        return verb and (said_by or any(n in text.casefold() for n in names))
    if kind == "instance":
        if word in _WORDING and any(m.group(1).casefold() not in q for m in _QUOTED.finditer(text)):
            return True
        stem = tokenize(word)
        if not stem:
            return False
        words = _WORD_RE.findall(text)
        for i, w in enumerate(words):
            if tokenize(w) == stem and i > 0:
                before = words[max(0, i - 3):i]
                if any((b[:1].isupper() or _ORDINAL.match(b) or b[:1].isdigit()) and b.casefold() not in q
                       for b in before):
                    return True
        return any(word in e.text.casefold() and e.text.casefold() not in q for e in c.entities)
    return False


_HOW_MANY_TIME = re.compile(r"\bhow many (second|minute|hour|day|week|month|year|decade)s\b")
_DURATION_PART = re.compile(r"(T?)(\d+(?:\.\d+)?)([YMWDHSE])")
_DURATION_CODE = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day", ("", "E"): "decade",
                  ("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second"}


def duration_units(value: str) -> list[str]:
    """The units a TIMEX3 duration counts in with a number ("P21Y" years, "PT90M" minutes, "P20Y" years
    and decades; "PXY" none)."""
    if not value.startswith("P"):
        return []
    out, in_time = [], False
    for t, n, code in _DURATION_PART.findall(value[1:]):
        in_time = in_time or t == "T"
        unit = _DURATION_CODE.get(("T" if in_time else "", code))
        if unit:
            out.append(unit)
        if unit == "year" and float(n) >= 10 and float(n) % 10 == 0:
            out.append("decade")  # "two decades" is normalised to P20Y
    return out


def quantity_fits(c: Claim, question: str) -> bool:
    """Whether the claim states the sort of figure the question asks for: a duration for "how
    long", an age for "how old", money for "how much ... cost", a count of the thing "how many" names."""
    q = question.casefold()
    asked = _HOW_MANY_TIME.search(q)
    if asked or re.search(r"\bhow long\b", q):
        # "how many years" wants a length in years, "how long" any stated length, not "for years"
        unit = asked.group(1).rstrip("s") if asked else None
        lengths = [code for t in c.times if t.type == "DURATION" for code in duration_units(t.value)]
        return any(unit is None or code == unit for code in lengths) or any(
            (x.unit or "").casefold().rstrip("s") == unit if unit else (x.unit or "").casefold() in _TIME_UNITS
            for x in c.quantities)
    if re.search(r"\bhow old\b|\bwhat age\b|\bthe age of\b", q):
        return any(x.unit is None and 1 <= x.value <= 120 or (x.unit or "").endswith(" old") for x in c.quantities)
    if re.search(r"\bvotes?\b|\btally\b|\bmargin\b", q) and _VOTES.search(c.text):
        return True
    if re.search(r"\bpercent|\bpercentage\b|\bshare\b", q):
        return any(x.kind == "percent" for x in c.quantities)
    # news asks "how much" of money ("how much did X raise", "how much new revenue"), named or not
    if re.search(r"\bhow much\b", q) and (_MONEY_WORDS.search(q) or not _HOW_MUCH_OTHER.search(q)):
        return any(x.kind == "money" for x in c.quantities)
    m = _HOW_MANY.search(question)
    if m:
        nouns = set(tokenize(m.group(1)))
        if "time" in nouns:  # "how many times did X ..." counts events, whatever noun names them
            return any(x.kind == "count" and x.unit and x.unit.casefold() not in _TIME_UNITS for x in c.quantities)
        return any(heads & nouns for heads in counted_nouns(c))
    return False


def counted_nouns(c: Claim) -> list[set[str]]:
    """Per figure of the claim, the stems of the noun it may count: its unit's last word, or, when the
    quantity reader kept no unit ("33 Senate Democrats"), the noun the parse tied it to first and the
    words just after it; and the noun of a count written as a compound adjective ("a three-term member")."""
    out = []
    for x in c.quantities:
        if x.unit:
            out.append(set(tokenize(x.unit)[-1:]))
            continue
        heads = set(tokenize(x.about[0])[-1:]) if x.about else set()
        at = c.text.find(x.text)
        after = _NEXT_WORDS.match(c.text[at + len(x.text):]) if at >= 0 else None
        if after:
            heads |= set(tokenize(after.group(1)))
        out.append(heads)
    out.extend(set(tokenize(u)[-1:]) for u in _COMPOUND_COUNT.findall(c.text))
    return out


# The calendar granularities that answer "what year", "what month", "what day", "what time" and a bare "when".
_ASKED_GRAIN = (
    (re.compile(r"\b(?:what|which) (?:[a-z]+ )?(?:years?|decade)\b", re.I), {"year", "decade", "century"}),
    (re.compile(r"\b(?:what|which) (?:[a-z]+ )?month\b", re.I), {"month", "day"}),
    (re.compile(r"\b(?:what|which) (?:[a-z]+ )?(?:day|date|night|morning|afternoon|evening)\b", re.I),
     {"day", "time"}),
    (re.compile(r"\bwhat time\b", re.I), {"time"}),
    (re.compile(r"\bwhen\b", re.I), {"day", "time", "week", "month", "quarter", "half", "season", "year", "decade",
                                       "century"}),
)


# a date that points back to one stated elsewhere ("that same day", "the next morning") states none itself
# ("the weekend" alone is the article's own weekend, not a pointer back)
_ANAPHORIC_DATE = re.compile(r"^\s*(?:on |in |by )?(?:that (?:same |very )?|the (?:same|very|next|following|previous|prior) )"
                             r"(?:day|morning|afternoon|evening|night|week|weekend|month|year|time)\b", re.I)
_DECADE = re.compile(r"\b(?:19|20)?\d0s\b")
_ANY_YEAR = re.compile(r"\b1\d{3}\b|\b20\d\d\b")  # a year of any century ("wished it were 1825")


def time_fits(c: Claim, question: str) -> bool:
    """Whether the claim states a date of the granularity the question asks for ("what year" a year,
    "what day" a day, a bare "when" any calendar date but "now" or "recently") that the question does not."""
    grains = next((g for pattern, g in _ASKED_GRAIN if pattern.search(question)), None)
    if grains is None:
        return False
    q = question.casefold()
    for t in c.times:
        if t.type not in ("DATE", "TIME") or t.text.casefold() in q or _ANAPHORIC_DATE.match(t.text):
            continue
        if "year" in grains and "day" not in grains:
            # "this year" or "last year" answers "in which year" only by the article's own date
            if _ANY_YEAR.search(t.text) or _DECADE.search(t.text):
                return True
        elif t.granularity in grains:
            return True
    return False


# a place stated as where something happened: after a preposition of place, not a dateline or "the governor of Kesk"
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|from|to|across|throughout|around)\s+"
                       r"(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w.,'’-]+\s+){0,3}$", re.I)


# the grain of place a question asks for: "in what city", "which Kesk town", "in which state"
_PLACE_GRAIN = re.compile(r"\b(?:what|which)\s+(?:[\w'’-]+\s+)?(city|cities|town|towns|village|villages|"
                          r"state|states|country|countries|nation|nations)\b", re.I)
_GRAINS = {"city": "town", "cities": "town", "town": "town", "towns": "town", "village": "town", "villages": "town",
           "state": "state", "states": "state", "country": "country", "countries": "country", "nation": "country",
           "nations": "country"}


def asked_grain(question: str) -> str | None:
    """The grain of place the question asks for ("town", "state" or "country"), None when it does not say."""
    m = _PLACE_GRAIN.search(question)
    return _GRAINS[m.group(1).casefold()] if m else None


def place_grain(e: Entity) -> str:
    """Whether a place is a country, a (US) state or, being neither of the known regions, a town or city."""
    key = place_key(e.text)
    if key in COUNTRIES or key in COUNTRY_ALIASES:
        return "country"
    if is_region(e):
        return "state"
    return "town"


# "in Talvi, Kesk" / "in Talvi, Ks.": the named place before a state's name is a town in it, whatever the tagger
# took it for
_TOWN_BEFORE = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}),\s*$")


def _placed_at(c: Claim, e: Entity, grain: str | None) -> int:
    """Where the place of the grain asked that ``e`` names starts in the claim's text (-1 when it is not
    of that grain): a state after a town's name stands for that town when a town is asked."""
    at = c.text.find(e.text)
    kind = place_grain(e)
    if grain is None or kind == grain:
        return at
    if grain == "town" and kind == "state" and at > 0:
        town = _TOWN_BEFORE.search(c.text[:at])
        if town:
            return town.start(1)
    return -1


def place_fits(c: Claim, question: str) -> bool:
    """Whether the claim states, after a preposition of place, a place the question does not name, of
    the grain the question asks for when it says one (a town is not the state it sits in)."""
    q = question.casefold()
    grain = asked_grain(question)
    for e in c.entities:
        if e.label not in ("GPE", "LOC", "FAC") or e.text.casefold() in q:
            continue
        at = _placed_at(c, e, grain)
        if at > 0 and _LOCATIVE.search(c.text[max(0, at - 40):at]):
            return True
    return False


def _new(values, question: str) -> bool:
    q = question.casefold()
    return any(v.casefold() not in q for v in values if v)


def _values(c: Claim) -> dict[str, list[str]]:
    """The values of each kind the claim states: people, organisations, places, dates and figures."""
    ents = {lab: [e.text for e in c.entities if e.label in labs] for lab, labs in
            (("person", ("PERSON",)), ("org", ("ORG", "NORP")), ("place", ("GPE", "LOC", "FAC")))}
    # a day of the month or a clock time is part of a date, not a figure ("Sept. 11", "9 a.m.", "9/11")
    bare = _SLASH_DATE.sub(" ", c.text)
    for t in c.times:
        bare = bare.replace(t.text, " ")
    numbers = [x.text for x in c.quantities] + _DIGITS.findall(_YEAR.sub("", bare))
    durations = [t.text for t in c.times if t.type == "DURATION"]
    return {**ents, "time": [t.text for t in c.times if t.type in ("DATE", "TIME")], "quantity": numbers + durations}


def _holds(c: Claim, question: str) -> dict[str, bool]:
    """Which kinds of value the claim states beyond what the question says."""
    return {kind: _new(values, question) for kind, values in _values(c).items()}


def _asked_values(c: Claim, kind: str) -> list[str]:
    """The claim's values of the kind asked (a person question also takes an organisation, as ``misses_kind`` does)."""
    values = _values(c)
    if kind == "person":
        return values["person"] + values["org"]
    if kind == "org":
        return values["org"] + values["person"]
    return values.get(kind, [])


# A value is tied to the words the parse attached it to at extraction (a figure's counted noun, its verb, that
# verb's subject and object); a name or a bare number has none, so the words next to it stand in, this many
# on either side ("Mr. Kesk, 61,", "a lawyer for Kesk, Ann Tamm"). Places are left out: where something
# happened attaches to the happening, not to the people the question names (fits_place reads them).
TIE_WORDS = 2
TIE_KINDS = ("person", "org", "time", "quantity")


def _offset_in(c: Claim, value: str, start: int) -> int:
    """Where a value found at document offset ``start`` sits in the claim's text (the claim's text is its
    sentence stripped); found by search when the offsets disagree, -1 when it is not there."""
    text = c.text
    at = start - c.start - (len(text) - len(text.lstrip()))
    if not (0 <= at and text[at:at + len(value)] == value):
        at = text.find(value)
    return at


def _values_of(c: Claim, kind: str) -> list[tuple[str, int, tuple[str, ...], bool]]:
    """The claim's values of a kind asked, as (text, start, the words the parse tied it to, whether it is
    a name): people and organisations, dates and times, figures and lengths, or places."""
    if kind in ("person", "org"):
        return [(e.text, e.start, (), True) for e in c.entities if e.label in ("PERSON", "ORG", "NORP")]
    if kind == "place":
        return [(e.text, e.start, (e.event or "",), False) for e in c.entities if e.label in ("GPE", "LOC", "FAC")]
    times = [(t.text, t.start, (*t.about, t.event or ""), False) for t in c.times
             if t.type in (("DATE", "TIME") if kind == "time" else ("DURATION",))]
    if kind == "time":
        return times
    if kind == "quantity":
        return [(x.text, x.start, (*x.about, x.event or ""), False) for x in c.quantities] + times
    return []


def _unstated(c: Claim, kind: str, question: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """The claim's values of the kind asked that the question does not state, as (start, end) in the
    claim's text ((-1, -1) when the text does not hold it) with the words the parse tied each to."""
    q = question.casefold()
    out = []
    for value, start, about, name in _values_of(c, kind):
        if not value or value.casefold() in q or (name and names_own(value, question)):
            continue
        at = _offset_in(c, value, start)
        out.append((at, at + len(value) if at >= 0 else -1, tuple(w for w in about if w)))
    return out


def _asked_spans(c: Claim, kind: str, question: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """The values of the kind asked that the question does not name, as (start, end) in the claim's text
    with the words the parse tied them to (none for a name or a bare number)."""
    out = [span for span in _unstated(c, kind, question) if span[0] >= 0]
    if kind == "quantity":
        # a number the quantity reader left ("Mr. Kesk, 61,", "a three-term mayor"), not one inside a date
        text = c.text
        lead = len(text) - len(text.lstrip())  # the claim's text is its sentence stripped
        q = question.casefold()
        taken = [(s, e) for s, e, _ in out] + [(t.start - c.start - lead, t.end - c.start - lead) for t in c.times]
        for m in [*_DIGITS.finditer(text), *_COMPOUND_COUNT.finditer(text)]:
            if any(s <= m.start() < e for s, e in taken) or _YEAR.fullmatch(m.group()) or m.group().casefold() in q:
                continue
            at = _offset_in(c, m.group(), c.start + lead + m.start())
            if at >= 0:
                out.append((at, at + len(m.group()), ()))
    return out


def value_tie(c: Claim, question: str, kind: str | None, weight: dict[str, float]) -> float:
    """How closely the claim ties a value of the kind asked to the names the question asks about: the
    most, over such values, of the weighted share of the question's names among the words the value is
    tied to (all the question's words when it names no one). A sentence of the right story often holds
    another value of that kind (the lede's figure, another person); the one asked for is stated of the
    person or thing the question names ("Kesk won 56 percent", "Kesk, 61,"). ``kind`` is ``answer_kind``'s
    and ``weight`` the question's word weights."""
    if kind not in TIE_KINDS:
        return 0.0
    spans = _asked_spans(c, kind, question)
    if not spans:
        return 0.0
    named = {t for n in _names(question) for t in tokenize(n)} & set(weight)
    asked = named or set(weight)
    total = sum(weight[t] for t in asked) or 1.0
    words = list(_WORD_RE.finditer(c.text))
    best = 0.0
    for start, end, about in spans:
        if about:
            near = set(tokenize(" ".join(about)))
        else:
            first = next((i for i, w in enumerate(words) if w.end() > start), len(words))
            last = next((i for i in range(len(words) - 1, -1, -1) if words[i].start() < end), -1)
            near = set(tokenize(" ".join(w.group() for w in words[max(0, first - TIE_WORDS):last + 1 + TIE_WORDS])))
        best = max(best, sum(weight[t] for t in near & asked) / total)
    return best


# a short title beside a name stands for the noun a question asks with ("Sen." for "which senator")
_TITLE_TOKENS = {k: set(tokenize(v)) for k, v in TITLE_MEANS.items()}
ROLE_WORDS = 3


def asked_phrase(question: str) -> list[str]:
    """The words a question describes what it asks for with: "which conservative outlet" (conservative,
    outlet), "who was the attorney general" (attorney, general)."""
    return _which_phrase(question) or _copula_phrase(question)


def role_fit(c: Claim, question: str, kind: str | None, weight: dict[str, float]) -> float:
    """How well a name the question does not state is described by the words the question asks with: the
    most, over the claim's people and organisations, of the weighted share of the asked phrase's words among
    the title extraction gave the name and the words either side of it ("the conservative group Acme Watch",
    "Rep. Ann Tamm" for "which congressman"). A sentence of the right story often names other people; the one
    asked for is usually introduced by what the question calls it. ``weight`` holds the question's word weights."""
    if kind in ("time", "quantity", "place"):
        return 0.0
    phrase = set(tokenize(" ".join(asked_phrase(question))))
    if not phrase:
        return 0.0
    w = {t: weight.get(t, 1.0) for t in phrase}
    total = sum(w.values()) or 1.0
    text = c.text
    words = list(_WORD_RE.finditer(text))
    best = 0.0
    for e in c.entities:
        if e.label not in ("PERSON", "ORG", "NORP") or names_own(e.text, question):
            continue
        at = _offset_in(c, e.text, e.start)
        if at < 0:
            continue
        end = at + len(e.text)
        first = next((i for i, m in enumerate(words) if m.end() > at), len(words))
        last = next((i for i in range(len(words) - 1, -1, -1) if words[i].start() < end), -1)
        near = set(tokenize(" ".join(m.group() for m in words[max(0, first - ROLE_WORDS):first]
                                     + words[last + 1:last + 1 + ROLE_WORDS])))
        near |= set(tokenize(e.role or ""))
        near |= {t for n in list(near) for t in _TITLE_TOKENS.get(n, ())}
        best = max(best, sum(w[t] for t in near & phrase) / total)
    return best


# where the words of what a named person did stop: another name, or a clause mark (not the comma of an apposition)
_CLAUSE_MARK = re.compile(r"[;:()\u2014]|\s--\s|\.\s")
DEED_WORDS = 8


def _deed_words(question: str, weight: dict[str, float]) -> tuple[set[str], float]:
    """The question's words for what happened (its weighted words other than its names and the words it
    asks with) and their total weight."""
    names = {t for n in _names(question) for t in tokenize(n)}
    deed = {t for t in weight if t not in names} - set(tokenize(" ".join(asked_phrase(question))))
    return deed, sum(weight[t] for t in deed) or 1.0


def _clause_words(text: str, start: int, end: int, others: list[tuple[int, int]], marks: list[int]) -> list[str]:
    """Up to ``DEED_WORDS`` words either side of ``text[start:end]`` within its clause: not past another of
    the spans ``others`` nor a clause mark (``marks``: their offsets)."""
    left = max([e for s, e in others if e <= start] + [m + 1 for m in marks if m < start] + [0])
    right = min([s for s, e in others if s >= end] + [m for m in marks if m >= end] + [len(text)])
    return _WORD_RE.findall(text[left:start])[-DEED_WORDS:] + _WORD_RE.findall(text[end:right])[:DEED_WORDS]


def deed_tie(c: Claim, question: str, kind: str | None, weight: dict[str, float]) -> float:
    """How much of what the question says its answer did is said of a person or organisation the question
    does not name: the most, over such names, of the weighted share of the question's words other than its
    names and the words it asks with ("which senator told X to cancel": cancel, trip) among the words of the
    name's clause, up to another such name or a clause mark, and the words it is quoted as saying. A story often
    names two people of one description; the one asked for is the one the sentence says did it."""
    if kind not in ("person", "org"):
        return 0.0
    deed, total = _deed_words(question, weight)
    if not deed:
        return 0.0
    text = c.text
    spans = []
    for e in c.entities:
        if e.label not in ("PERSON", "ORG", "NORP"):
            continue
        at = _offset_in(c, e.text, e.start)
        if at >= 0:
            spans.append((at, at + len(e.text), not names_own(e.text, question)))
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
    att = c.attribution
    best = 0.0
    for start, end, unnamed in spans:
        if not unnamed:
            continue
        near = set(tokenize(" ".join(_clause_words(text, start, end, [(s, e) for s, e, u in spans if u], marks))))
        if att is not None and att.source and (att.source.casefold() in text[start:end].casefold()
                                               or text[start:end].casefold() in att.source.casefold()):
            near |= set(tokenize(f"{att.cue} {att.content}"))
        best = max(best, sum(weight[t] for t in near & deed) / total)
    return best


def value_deed(c: Claim, question: str, kind: str | None, weight: dict[str, float]) -> float:
    """How much of what the question says happened is said where the claim states a date, figure or place
    the question does not: the most, over such values of the kind asked, of the weighted share of the
    question's words other than its names and the words it asks with among the words the parse tied the
    value to (a date's or figure's verb with its subject and object, a place's verb) and the words of its
    clause, up to another value of the kind or a clause mark ("on what date was X to address Y": address).
    A sentence of the right story often states the date or figure of another of its happenings."""
    if kind not in ("time", "quantity", "place"):
        return 0.0
    deed, total = _deed_words(question, weight)
    if not deed:
        return 0.0
    spans = _unstated(c, kind, question)
    placed = [(s, e) for s, e, _ in spans if s >= 0]
    marks = [m.start() for m in _CLAUSE_MARK.finditer(c.text)]
    best = 0.0
    for start, end, about in spans:
        words = list(about)
        if start >= 0:
            words += _clause_words(c.text, start, end, placed, marks)
        best = max(best, sum(weight[t] for t in set(tokenize(" ".join(words))) & deed) / total)
    return best


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*")
CONTEXT_CHARS = 400
# a sentence of this many content words or fewer is read as a follow-up of the one before ("The final
# tally was 60-40.", "Sentencing was set for May 3."): what it is about was said there; both chosen by
# CV over events on the tune questions (4 or 8 words, weight .5: no better)
FOLLOW_UP_TOKENS = 6
FOLLOW_UP_WEIGHT = 1.0
# a claim that points back: a third-person pronoun, or a sentence opening on a determiner ("The ad ...")
_POINTS_BACK = re.compile(r"\b(?:he|she|they|him|her|his|their|them|it|its)\b|^\W*(?:The|This|That|These|Those) [a-z]",
                          re.I)


# What a question asks for when its answer is a clause rather than a value, by the question's words, and
# the cues a sentence introduces an answer of that family with: "why" a reason, "how did" a method, a
# charge "charged with", a wording "called" or in quotes.
_ASKS_REASON = re.compile(r"^\s*why\b|\bfor what reason\b|\bwhat (?:is|was|were|are) the reasons?\b|"
                          r"\bwhat (?:prompted|led|caused|triggered|sparked|drove)\b", re.I)
_ASKS_CHARGE = re.compile(r"\b(?:charged|charges?|accused|accusations?|indicted|convicted|arrested|crimes?|"
                          r"offen[cs]es?|allegations?|alleged|guilty|sentenced|sued|lawsuit)\b", re.I)
# "call for" asks for a thing, not a wording
_ASKS_WORDING = re.compile(r"\b(?:(?:call|calls|called)(?!\s+for\b)|respond|react|describe|describes|described|"
                           r"label|labeled|labelled|dub|dubbed|term|termed|refer|referred|characteri[sz]e|"
                           r"characteri[sz]ed|nickname|names?|word|words|phrase|slogan|title)\b", re.I)
_ASKS_METHOD = re.compile(r"^\s*how (?:did|does|do|has|have|had|was|were|is|are|will|would|can|could)\b", re.I)
_CUES = {
    "reason": re.compile(r"\b(?:because(?: of)?|due to|owing to|after|amid|following|citing|over|as a result of|"
                         r"in response to|in protest (?:of|against|over)|prompted by|so that|in order to)\s",
                         re.I),
    "method": re.compile(r"\b(?:by|through|using|via)\s+(?:[a-z]+ing\b|(?:an?|the)\s)", re.I),
    "charge": re.compile(r"\b(?:charged with|charges? of|counts? of|accused of|convicted of|indicted (?:on|for)|"
                         r"arrested (?:on|for)|guilty (?:of|to)|suspicion of|sentenced (?:to|for)|sued (?:over|for))\s",
                         re.I),
    "wording": re.compile(r"\b(?:called|calling|calls|described (?:\w+ )?as|describing (?:\w+ )?as|labell?ed|"
                          r"dubbed|branded|termed|referred to (?:\w+ )?as|nicknamed)\s|[“\"]", re.I),
}
# how many words after a cue may say what is new
_CUE_REACH = 4


def asked_families(question: str) -> list[str]:
    """The families of answer a what / how / why / which question asks for that no value kind covers:
    "reason", "method", "charge", "wording"; none for a question ``answer_kind`` reads."""
    if answer_kind(question) is not None:
        return []
    out = []
    if _ASKS_REASON.search(question):
        out.append("reason")
    if _ASKS_CHARGE.search(question):
        out.append("charge")
    if _ASKS_WORDING.search(question):
        out.append("wording")
    if _ASKS_METHOD.search(question) and not out:
        out.append("method")
    return out


@lru_cache(maxsize=64)
def _asked_of(question: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The families a question asks for and its words, read once for all of its candidates."""
    families = tuple(asked_families(question))
    return families, (frozenset(tokenize(question)) if families else frozenset())


def asked_cue(c: Claim, question: str) -> float:
    """1 when the claim states, just after a cue of a family the question asks for, a word the question does
    not: "charged with arson" for "what was Kesk charged with?", not "was charged with it" or a sentence
    without the cue."""
    families, asked = _asked_of(question)
    if not families:
        return 0.0
    text = c.text
    for family in families:
        for m in _CUES[family].finditer(text):
            after = tokenize(" ".join(_WORD_RE.findall(text[m.end():])[:_CUE_REACH]))
            if any(t not in asked for t in after):
                return 1.0
    return 0.0


def previous_sentence(text: str, start: int) -> str:
    """The text an article states just before ``start``: its previous sentence, and the start of
    the claim's own sentence when the claim begins inside one."""
    window = text[max(0, start - CONTEXT_CHARS):start].rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    inside = bool(window) and not window.endswith((".", "!", "?", '"', "”", "’", ")"))
    back = 2 if inside else 1
    return window[ends[-back] if len(ends) >= back else 0:].strip()


def opening_sentence(article: str) -> str:
    """The first sentence of an article's text (``article`` is its title, a newline, then its text)."""
    text = article.split("\n", 1)[-1].lstrip()
    m = _SENTENCE_END.search(text)
    return text[:m.start() + 1] if m else text


def question_features(question: str, claims: list[Claim], cos: np.ndarray,
                      idf: dict[str, float] | None = None, context: list[str] | None = None,
                      context_weight: float = 0.0, noun_cos: np.ndarray | None = None,
                      articles: list[str] | None = None) -> np.ndarray:
    """One feature row per candidate claim of ``question``; ``cos`` is each claim's cosine to it.

    ``noun_cos`` is each claim's cosine to the noun a "which <noun>" question asks about
    (``compared_noun``, also "who was the <noun>"): a claim naming a kind of crime sits closer to
    "crime" than its neighbours.

    ``context`` holds, per claim, the text its article states just before it (the previous
    sentence): the question's words and names found only there count ``context_weight`` as much
    as those the claim states, so that a short follow-up ("He was 3.") is read with the sentence
    naming whom it is about.

    ``articles`` holds, per claim, its article's title and text: the weighted share of the question's
    words the whole article states tells a sentence of the story asked about from one of another
    story naming the same person.
    """
    n = len(claims)
    out = np.zeros((n, len(FEATURES)), np.float32)
    if n == 0:
        return out
    qtoks = tokenize(question)
    qset = set(qtoks)
    idf = idf if idf is not None else {}
    weight = {t: idf.get(t, 1.0) for t in qset}
    total = sum(weight.values()) or 1.0
    qbigrams = set(zip(qtoks, qtoks[1:]))
    names = _names(question)
    kind = answer_kind(question)
    form = answer_form(question)
    context = context if context is not None and context_weight > 0 else [""] * n
    out[:, 0] = cos
    for i, c in enumerate(claims):
        toks = tokenize(c.text)
        tset = set(toks)
        # the previous sentence counts only for a claim that points back to it ("he said", "the ad"),
        # and in full for a short follow-up
        short = len(toks) <= FOLLOW_UP_TOKENS
        prev = context[i] if context[i] and (short or _POINTS_BACK.search(c.text)) else ""
        cw = max(context_weight, FOLLOW_UP_WEIGHT) if short else context_weight
        before = set(tokenize(prev)) - tset if prev else set()
        out[i, 2] = (sum(weight[t] for t in qset & tset) + cw * sum(weight[t] for t in qset & before)) / total
        out[i, 4] = (len(qset & tset) + cw * len(qset & before)) / len(qset) if qset else 0.0
        out[i, 5] = len(qbigrams & set(zip(toks, toks[1:]))) / len(qbigrams) if qbigrams else 0.0
        if names:
            low, prev = c.text.casefold(), prev.casefold()
            out[i, 6] = sum(1.0 if w in low else cw if prev and w in prev else 0.0
                            for w in names) / len(names)
        out[i, 7] = np.log1p(len(toks))
        out[i, 8] = np.log1p(len(tset - qset))
        held = _holds(c, question)
        if kind in ("person", "org"):
            out[i, 9], out[i, 10] = held["person"], held["org"]
        elif kind in ("time", "quantity", "place"):
            out[i, {"time": 11, "quantity": 12, "place": 13}[kind]] = held[kind]
        if kind is not None:
            out[i, 14] = not (held[kind] or (kind == "person" and held["org"]) or (kind == "org" and held["person"]))
        elif form is not None:
            out[i, 20] = holds_form(c, question, form, context[i])
            out[i, 14] = not out[i, 20]
        if kind == "quantity":
            out[i, 18] = quantity_fits(c, question)
        elif kind == "time":
            out[i, 19] = time_fits(c, question)
        elif kind == "place":
            out[i, 24] = place_fits(c, question)
        out[i, 15] = any(held.values())
        out[i, 16] = is_caption(c)
        att = c.attribution
        out[i, 17] = att is not None and att.source_kind != "outlet" and bool(att.source.strip())
    out[:, 1] = out[:, 0] - out[:, 0].max()
    out[:, 3] = out[:, 2] - out[:, 2].max()
    if noun_cos is not None and len(noun_cos):
        out[:, 21] = noun_cos
        out[:, 22] = noun_cos - noun_cos.max()
    out[:, 23] = story_share(claims)
    if articles is not None:
        covered: dict[str, float] = {}
        for i, c in enumerate(claims):
            if c.article_id not in covered:
                held = qset & set(tokenize(articles[i]))
                covered[c.article_id] = sum(weight[t] for t in held) / total
            out[i, 25] = covered[c.article_id]
        if kind is not None:
            # the openings of a story's articles name its event and people: a value of the kind asked
            # that none of them states is a detail, more likely the one asked for than the lede's
            ledes: dict[str, dict[str, str]] = {}  # story -> article -> its opening sentence
            for i, c in enumerate(claims):
                story = ledes.setdefault(c.story_id or c.article_id, {})
                if c.article_id not in story:
                    story[c.article_id] = opening_sentence(articles[i]).casefold()
            said_in = {story: " ".join(set(openings.values())) for story, openings in ledes.items()}
            q = question.casefold()
            for i, c in enumerate(claims):
                said = said_in[c.story_id or c.article_id]
                out[i, 26] = any(v.casefold() not in q and v.casefold() not in said
                                 for v in _asked_values(c, kind) if v)
    for i, c in enumerate(claims):
        out[i, 27] = value_tie(c, question, kind, weight)
        out[i, 28] = role_fit(c, question, kind, weight)
        out[i, 29] = deed_tie(c, question, kind, weight)
        out[i, 30] = value_deed(c, question, kind, weight)
        out[i, 31] = asked_cue(c, question)
    return out


def story_share(claims: list[Claim], voters: int = STORY_VOTERS) -> np.ndarray:
    """Per claim, the weight of the first stage's best matches (by rank) in its story, relative to the story
    holding most (1 for that one): a question is about one event, and a sentence of another story that shares
    its names (the same senator, another week) is less likely to answer it. ``claims`` are in the first
    stage's order."""
    prior = first_stage_prior(min(len(claims), voters))
    mass: dict[str, float] = {}
    for c, w in zip(claims, prior):
        if c.story_id:
            mass[c.story_id] = mass.get(c.story_id, 0.0) + float(w)
    top = max(mass.values(), default=0.0) or 1.0
    return np.array([mass.get(c.story_id, 0.0) / top if c.story_id else 0.0 for c in claims], np.float32)


class QuestionRanker:
    """A linear scorer over ``question_features``, stored as JSON."""

    def __init__(self, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray,
                 features: tuple[str, ...] = FEATURES, meta: dict | None = None) -> None:
        if tuple(features) != FEATURES or not (len(mean) == len(scale) == len(coef) == len(FEATURES)):
            raise ModelError("question re-ranker weights were fitted on other features; "
                             "refit them with scripts/train_question_ranker.py")
        self.mean, self.scale, self.coef = (np.asarray(a, np.float64) for a in (mean, scale, coef))
        self.meta = meta or {}

    def score(self, feats: np.ndarray) -> np.ndarray:
        """How likely each row's claim answers the question (log-odds scale; higher is better)."""
        return ((feats - self.mean) / self.scale) @ self.coef

    def save(self, path: Path) -> None:
        """Write the weights as JSON."""
        def floats(a: np.ndarray) -> list[float]:
            return [float(f"{x:.6g}") for x in np.asarray(a, np.float64)]

        data = {"features": list(FEATURES), "meta": self.meta,
                "mean": floats(self.mean), "scale": floats(self.scale), "coef": floats(self.coef)}
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(data, indent=1) + "\n")

    @classmethod
    def load(cls, path: Path = SHIPPED) -> "QuestionRanker":
        """Read weights written by ``save``."""
        d = json.loads(Path(path).read_text())
        return cls(np.asarray(d["mean"]), np.asarray(d["scale"]), np.asarray(d["coef"]), tuple(d["features"]),
                   d.get("meta"))


def first_stage_prior(n: int) -> np.ndarray:
    """What the first stage's order says of each of ``n`` ranked candidates: 1 for the first, falling with rank."""
    return 1.0 / np.log2(np.arange(n) + 2.0)


def rerank_answers(question: str, ranked: list[tuple[Claim, float]], cos: np.ndarray, ranker: QuestionRanker,
                   weight: float, idf: dict[str, float] | None = None, context: list[str] | None = None,
                   context_weight: float = 0.0, noun_cos: np.ndarray | None = None,
                   articles: list[str] | None = None) -> list[tuple[Claim, float]]:
    """The first stage's matches re-scored for a question, best first: the ranker's score plus
    ``weight`` times the first stage's prior; ``context`` is each match's previous sentence and
    ``noun_cos`` its cosine to the noun asked about, ``articles`` its article's title and text."""
    if not ranked:
        return []
    claims = [c for c, _ in ranked]
    feats = question_features(question, claims, cos, idf, context, context_weight, noun_cos, articles)
    scores = ranker.score(feats) + weight * first_stage_prior(len(claims))
    order = np.argsort(-scores, kind="stable")
    return [(claims[i], float(scores[i])) for i in order]
