"""Who said it and through which channel: attribution and channel conflicts.

Extraction fills ``claim.attribution``; when it found no speaker or channel, the reporting frame
at the edge of the sentence ("..., Ruth Okafor said in a statement.", "Speaking to Reuters, ...")
is read here from the text, so that a parse error on one side does not hide a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import (
    FRAME_CUES,
    GENERIC_CHANNELS,
    INVERTED_FRAME_CUES,
    NESTED_REPORT,
    OFFICE_WORDS_PATTERN,
    SPEECH_CUE_WORDS,
)
from ..extract.attribution.quotes import quote_spans
from ..records import Claim
from .base import Finding, content_words
from .person_names import (
    DETERMINER,
    TITLES,
    acronym,
    close,
    close_spelling,
    name_words,
    same_name,
)

NAMED = ("named", "organisation")
_CAP = r"[A-Z][\w.&'\u2019-]*"
# A person or body named in a frame: capitalised words, with the particles names carry.
# An office in lower case may stand between a body and a name ("Beaumont Hospital spokeswoman Ilene Wolfe").
_OFFICE = rf"(?:(?:{OFFICE_WORDS_PATTERN})\s+){{1,4}}"
_PERSON = rf"{_CAP}(?:\s+(?:{_OFFICE})?(?:{_CAP}|de|da|di|van|von|der|al|bin|la|le))" + "{0,4}"
_SPEAKERS = rf"{_PERSON}(?:\s+(?:and|&)\s+{_PERSON})?"  # "Mark and Condon"
_NOT_NAMES = frozenset("the he she it they we i you this that there these those but and a an his her their its our "
                       "in on at after before when while as if so yet".split())
GENERIC_SOURCES = frozenset(
    "officials authorities police witnesses residents experts analysts critics observers sources investigators "
    "prosecutors officers doctors scientists researchers neighbours neighbors relatives friends family organizers "
    "organisers spokesman spokeswoman spokesperson reports reporters deputies troopers detectives firefighters "
    "paramedics agents rescuers".split())
_APPOSITION = r"(?:(?:,\s+[^,\"\u201c\u201d]{1,60}){1,2},)?"  # ", a spokesman for the council,"
_FRAME_TAIL = re.compile(rf",[\"\u201d]?\s*({_SPEAKERS}){_APPOSITION}\s+(?:{FRAME_CUES})\b[^,\"\u201c\u201d]*$")
_FRAME_INVERTED = re.compile(rf",[\"\u201d]?\s*(?:{INVERTED_FRAME_CUES})\s+({_PERSON})(?:,[^\"\u201c\u201d]*)?$")  # not ", told X"
_FRAME_ACCORDING = re.compile(rf"(?:,\s*(?i:according to)\s+({_PERSON})$|^(?i:according to)\s+({_PERSON}),)")
_FRAME_HEAD = re.compile(rf"^(?:[^,\"\u201c\u201d]{{1,60}},\s*)?({_SPEAKERS}){_APPOSITION}\s+(?:{FRAME_CUES})\b")
_FRAME_REMARKS = re.compile(rf"\b(?i:according to (?:remarks|comments|a statement))\s+({_PERSON})\s+(?i:made|gave|sent)\b")


_MIN_CONTENT = 2
_MIN_SCORE = 0.3  # pairs this far apart in meaning are compared only as copies word for word
_COPIED = 0.9


def _nested(content: str) -> list[str]:
    return [m.casefold() for m in NESTED_REPORT.findall(content)]


def speech_cue(cue: str) -> bool:
    """Whether an attribution cue is a verb of saying (its last word: 'later said', 'according to')."""
    words = re.findall(r"[\w:]+", cue.casefold())
    return not words or words[-1] in SPEECH_CUE_WORDS or words[0] in SPEECH_CUE_WORDS


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named source of a claim, where it stands in the text, and the statement without it."""

    name: str
    span: tuple[int, int]
    content: str
    body: bool = False  # an organisation ("the NYPD"), not a person


# Last words that make a name a body, not a person ("the California Highway Patrol").
_BODY_HEADS = frozenset(
    "police patrol department dept ministry office agency service services authority authorities council court "
    "committee commission company corporation corp inc ltd llc plc group association union bureau government "
    "administration army navy force forces party university college school hospital church club team board "
    "network agency institute foundation organisation organization federation league guard coalition "
    "prosecutors embassy parliament congress senate house cabinet spokesman".split())


def _is_body(name: str) -> bool:
    """Whether a source names an organisation: an acronym ("NYPD"), "the ...", or a body's last word."""
    words = re.findall(r"[\w'\u2019-]+", name)
    if not words or any(w.casefold() in TITLES and w.casefold() not in _BODY_HEADS for w in words):
        return False  # "Highway Patrol Officer Brad Baehr" is a person with an office
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper():
        return True
    return words[0].casefold() == "the" or words[-1].casefold() in _BODY_HEADS


def _is_name(name: str) -> bool:
    words = name.split()
    if not words or words[0].casefold() in _NOT_NAMES or not name_words(name):
        return False  # a bare title ("said Sgt." cut at the abbreviation's full stop) names nobody
    return len(words) > 1 or words[0].casefold() not in GENERIC_SOURCES  # "Police Chief Ana Ruiz", not "Officials"


def frame_speaker(c: Claim) -> Speaker | None:
    """The speaker named in the reporting frame at the start or end of the claim sentence."""
    text = c.text.rstrip().rstrip(".!?\"\u201d'").rstrip()
    relayed = _relayed(text)
    if relayed:
        text = text[: relayed.start()]  # "..., X said, according to CNN": CNN is the channel, X the speaker
    for pattern in (_FRAME_TAIL, _FRAME_INVERTED, _FRAME_ACCORDING, _FRAME_REMARKS, _FRAME_HEAD):
        m = pattern.search(text)
        group = next((g for g in range(1, (m.lastindex or 0) + 1) if m.group(g)), 0) if m else 0
        if m and group and _is_name(m.group(group)):
            # The statement is what the frame leaves: after a leading frame, before a trailing one.
            leading = pattern is _FRAME_HEAD or (pattern is _FRAME_ACCORDING and m.start() == 0)
            content = text[m.end():] if leading else text[: m.start()]
            name = m.group(group)
            return Speaker(name, (c.start + m.start(group), c.start + m.end(group)), content.strip(" ,"), _is_body(name))
    return None


def _proper(source: str) -> bool:
    """A source that names someone ("Gary Locke", "the ABC"), not a kind of source ("Environmental groups")."""
    words = DETERMINER.sub("", source.strip()).split()
    if not words or (len(words) == 1 and words[0].casefold() in GENERIC_SOURCES) or not name_words(source):
        return False
    # A sentence-initial capital says nothing; a name has a capital past its first word, or is one word.
    return words[0][:1].isupper() and (len(words) == 1 or any(w[:1].isupper() for w in words[1:]))


# A check compares each claim with many neighbours: what is read from one claim is kept.
_CACHE_SIZE = 65536
_SPEAKERS_READ: dict = {}
_CHANNELS_READ: dict = {}


def _remember(cache: dict, c: Claim, read):
    key = (c.id, c.start, c.text, c.attribution)
    if key not in cache:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[key] = read(c)
    return cache[key]


def speaker(c: Claim) -> Speaker | None:
    """The named source of a claim: extraction's, unless the sentence's own frame names one it missed."""
    return _remember(_SPEAKERS_READ, c, _read_speaker)


def _read_speaker(c: Claim) -> Speaker | None:
    att = c.attribution
    framed = frame_speaker(c)
    if att is None or att.source_kind not in NAMED or not _proper(att.source) or att.resolved_from \
            or not speech_cue(att.cue) or not _proper(_at_span(c, att.source_span, att.source)):
        return framed
    extracted = Speaker(att.source, att.source_span or (c.start, c.end), att.content or c.content,
                        _is_body(att.source))
    if not framed and any(_one_outlet(att.source, n) for n, _ in channels(c)):
        return None  # "..., the BBC reported": an outlet passing the claim on is its channel
    # A frame at the sentence's edge ("..., Sinha said.") is surer than a parse that disagrees with it.
    return framed or extracted


def _at_span(c: Claim, span: tuple[int, int] | None, default: str) -> str:
    """The words the parse read its source from ("Egyptian authorities" for a source "Egyptian")."""
    if span is None or not (c.start <= span[0] < span[1] <= c.end):
        return default
    said = c.text[span[0] - c.start: span[1] - c.start]
    # A span that runs on past the name (", a member of the board") says no more than the name.
    return said if "," not in said and len(said.split()) <= len(default.split()) + 2 else default


def _mentions(text: str, source: str, topic: str, other: str) -> bool:
    """Whether the text names the source (by a capitalised word, e.g. the surname) other than as the topic.

    A name that also stands in the statement itself ("Stunning Williams ..., said X") is what the
    statement is about, not a second speaker; words both names share ("Mark Jay") prove nothing."""
    shared = set(re.findall(r"\w+", other))
    names = [w for w in re.findall(r"[A-Z][\w'-]+", source) if len(w) > 2 and w not in shared]
    return any(re.search(rf"\b{re.escape(w)}\b", text) and not re.search(rf"\b{re.escape(w)}\b", topic)
               for w in names)


QUOTED_WORDS = 4  # a word or two in quotation marks ('listed as "stable"') make no quote of the statement


def _quoted(c: Claim) -> bool:
    """The statement is a quote: quoted whole, or mixed with quoted words enough to be the speaker's own."""
    if c.attribution is None or c.attribution.quote not in ("direct", "mixed"):
        return False
    return c.attribution.quote == "direct" or \
        sum(len(content_words(c.text[a:b])) for a, b in quote_spans(c.text)) >= QUOTED_WORDS


def _dice(x: str, y: str, spelling: bool = False) -> float:
    """Share of content words in common; with ``spelling``, a name spelt two ways counts as one word."""
    wx, wy = content_words(x), content_words(y)
    common = len(wx & wy)
    if not spelling:
        return 2 * common / max(1, len(wx) + len(wy))
    only_y = [w for w in wy - wx if len(w) >= 5]
    common += sum(1 for w in wx - wy if len(w) >= 5 and any(close(w, v) for v in only_y))
    return 2 * common / max(1, len(wx) + len(wy))


def _in_sentence(s: Speaker, c: Claim) -> bool:
    """Whether the speaker is named in the claim's own sentence.

    A quote standing alone takes its speaker from a neighbouring sentence, and which neighbour is a
    guess: a quote run over two sentences ends with its own frame, and the next sentence may start
    another speaker's report. Two such guesses disagreeing say little about the coverage."""
    return c.start <= s.span[0] and s.span[1] <= c.end


def compare_speakers(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement or quote put in the mouths of two different named sources."""
    if score < _MIN_SCORE:
        return None
    x, y = speaker(a), speaker(b)
    if x is None or y is None or not (_in_sentence(x, a) and _in_sentence(y, b)):
        return None
    if score < 0.75 and _dice(x.content, y.content) < _COPIED:
        return None  # the meaning vectors of contents parsed apart may fall short of a sentence copied word for word
    if _nested(x.content) != _nested(y.content):
        return None  # a report of a report ("MSNBC is reporting that the Navy claims"): the speaker is inside
    if min(len(content_words(x.content)), len(content_words(y.content))) < _MIN_CONTENT:
        return None
    overlap = _dice(x.content, y.content)
    # Quoted words come from one mouth; a reported statement may be corroborated by a second
    # source in its own words, so it conflicts only when the wording is copied.
    if overlap < (0.7 if _quoted(a) and _quoted(b) else 0.85):
        return None
    if _mentions(b.text, x.name, x.content, y.name) or _mentions(a.text, y.name, y.content, x.name):
        return None  # both names stand in both sentences (or it is one speaker): no conflict
    if same_name(x.name, y.name, resolver):
        return None
    if x.body != y.body:
        return None  # a body speaks through its people: "the police said" and "Officer Ruiz said" agree
    # Copies that agree word for word outside the speaker make the surest flag (and the best copy to show).
    confidence = min(0.95, 0.5 + (overlap + _dice(a.text, b.text)) * 0.225)
    return Finding("attribution", a, b, x.name, y.name, x.span, y.span, confidence=confidence)


_MEDIUM = r"(?:\s+(?:magazine|newspaper|news agency|radio|television|TV|network|website|channel))?"
_OUTLET = rf"(?:the\s+|The\s+)?{_CAP}(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?{_CAP})" + "{0,5}" + _MEDIUM
# The phrases that name whom a statement was made to; the listener must be capitalised.
_CHANNEL_FRAME = re.compile(
    r"\b(?i:told|telling|tells|(?:speaking|talking|spoke|talked|speaks) (?:to|with)|interview(?:ed)? (?:with|by|to|on)|"
    r"(?:comments?|remarks?|statement|email|letter) to|(?:made|given|sent|provided|released|issued) to|"
    r"(?:wrote|writing|writes) (?:in|on|for)|posted on|"
    r"(?:said|says|speaking|appearing) on|quoted by)\s+"
    rf"({_OUTLET})|({_OUTLET})\s+(?:reported|reports|is reporting|was reporting)\b|"
    rf"\b(?i:in an?)\s+({_OUTLET})\s+(?:interview|broadcast)\b")
# A frame passed on by an outlet: "..., Voronets said, according to NPR."
_RELAYED = re.compile(rf"(?<=\w),\s*(?i:according to)\s+({_OUTLET})[.!?\"\u201d']*$")


def _relayed(text: str) -> re.Match | None:
    """An outlet that passed a framed statement on ("..., Voronets said, according to NPR")."""
    m = _RELAYED.search(text)
    return m if m and _FRAME_TAIL.search(text[: m.start()]) else None


_CALENDAR = frozenset("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday".split())


def _named_channel(channel: str) -> bool:
    """A channel that names an outlet or agency ("TASS", "the Associated Press"), not a mode ("a statement")."""
    words = DETERMINER.sub("", channel.strip()).split()
    return bool(words) and len(words) <= 6 and words[0][:1].isupper() and \
        words[0].strip(".,").casefold() not in _CALENDAR and not GENERIC_CHANNELS.match(channel.strip()) and \
        not _kind_of_source(words)


def _kind_of_source(words: list[str]) -> bool:
    """A kind of source capitalised at the sentence start ("Police reported", "Officers reported"): it is
    who said it, not the outlet it came through, and two words for one such source are no two channels."""
    return len(words) == 1 and words[0].strip(".,").casefold() in GENERIC_SOURCES


def _inside(span: tuple[int, int] | None, c: Claim) -> bool:
    """A span within the claim sentence (or none recorded)."""
    return span is None or (c.start <= span[0] and span[1] <= c.end)


def _reads(channel: str, span: tuple[int, int] | None, c: Claim) -> bool:
    """The parse's channel is the text at its span (a span over other words is a parse error)."""
    if span is None:
        return True
    said = c.text[span[0] - c.start: span[1] - c.start].casefold()
    words = _channel_key(channel).split()
    return not words or words[-1] in said


def channels(c: Claim) -> list[tuple[str, tuple[int, int]]]:
    """Named channels of a claim with their spans in the claim text: extraction's and the frames read here."""
    return _remember(_CHANNELS_READ, c, _read_channels)


def _read_channels(c: Claim) -> list[tuple[str, tuple[int, int]]]:
    found: list[tuple[str, tuple[int, int]]] = []
    att = c.attribution
    if att is not None and att.channel and _inside(att.channel_span, c) and _reads(att.channel, att.channel_span, c):
        if not _named_channel(att.channel):
            # A mode the parse read ("in a statement") is believed, unless it is placed in the sentence
            # ("posted on its website"): then the frames may still name the outlet it was told to.
            if att.channel_span is None:
                return found
        else:
            if att.channel_span:
                span = (att.channel_span[0] - c.start, att.channel_span[1] - c.start)
            else:
                at = c.text.find(att.channel)
                span = (at, at + len(att.channel)) if at >= 0 else (0, 0)
            if not any(t.start <= c.start + span[0] < t.end for t in c.times):
                found.append((att.channel, span))
    relayed = _relayed(c.text)
    frames = list(_CHANNEL_FRAME.finditer(c.text)) + ([relayed] if relayed else [])
    for m in frames:
        group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g))
        name = m.group(group).rstrip(".")  # the sentence's full stop
        if DETERMINER.sub("", name).split()[0].casefold() in _NOT_NAMES or not _named_channel(name):
            continue
        start, end = m.start(group), m.start(group) + len(name)
        if not any(s <= start < e or start <= s < end for _, (s, e) in found):
            found.append((name, (start, end)))
    return found


def _channel_key(channel: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", channel.strip().casefold())
    return re.sub(r"[^\w]+", " ", text).strip()


def _one_outlet(x: str, y: str) -> bool:
    """Two names of one outlet ("the BBC" / "BBC News", "AP" / "the Associated Press")."""
    return _same_channel(_channel_key(x), _channel_key(y)) or acronym(x, y)


def _same_channel(kx: str, ky: str) -> bool:
    return kx == ky or kx in ky or ky in kx


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + " " + text[e:]
    return text


def _proper_names(text: str) -> set[str]:
    """Capitalised words past the first word of the sentence: the names it mentions."""
    words = re.findall(r"[\w'\u2019-]+", text)
    return {w for w in words[1:] if w[:1].isupper() and w.casefold() not in _NOT_NAMES}


def _same_names(x: set[str], y: set[str]) -> bool:
    """The same names, but for spelling ("Reagins" and "Regins"): a variant is another flag's business."""
    return all(any(close_spelling(w, v) for v in y) for w in x - y) and \
        all(any(close_spelling(w, v) for v in x) for w in y - x)


def compare_channel(a: Claim, b: Claim, score: float, resolver) -> Finding | None:
    """The same statement said to have come through two different channels."""
    if score < _MIN_SCORE:
        return None  # the wording is checked below, and more strictly than the meaning vectors can
    ca, cb = channels(a), channels(b)
    # A channel both sentences name belongs to the statement ("X spoke to ONE News about ..."), not its frame.
    only_a = [(n, s) for n, s in ca if not any(_one_outlet(n, m) for m, _ in cb)]
    only_b = [(n, s) for n, s in cb if not any(_one_outlet(n, m) for m, _ in ca)]
    if not only_a or not only_b:
        return None
    # Only the channel may differ: the same words, and the same names, around it.
    rest_a, rest_b = _without(a.text, [s for _, s in ca]), _without(b.text, [s for _, s in cb])
    if _dice(rest_a, rest_b, spelling=True) < _COPIED or \
            not _same_names(_proper_names(rest_a), _proper_names(rest_b)):
        return None
    if compare_speakers(a, b, score, resolver) is not None:
        return None  # a different speaker is the finding; the channel follows from it
    (name_a, (sa, ea)), (name_b, (sb, eb)) = only_a[0], only_b[0]
    confidence = min(0.9, 0.5 + _dice(rest_a, rest_b, spelling=True) * 0.4)
    return Finding("channel", a, b, name_a, name_b, (a.start + sa, a.start + ea), (b.start + sb, b.start + eb),
                   confidence=confidence)
