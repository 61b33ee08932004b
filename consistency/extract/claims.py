"""Split articles into claims and fill every claim's slots.

A claim is a declarative sentence that says something checkable. Its ``content`` is the
statement without the attribution frame ("X said that ..."), so the same statement put in
two mouths still embeds alike.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterable, Sequence

from ..lexicon import OFFICES
from ..records import Article, Attribution, Claim, Entity
from .attribution.frames import find_attributions
from .entities import EntityResolver
from .frames import counted_subject, frame, holder_span
from .polarity import polarity
from .quantities import find_quantities
from .roles import described_person, people_with_roles, person_role
from .time.extract import find_times


ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # names whose clause verb is kept: where something happened
MIN_TOKENS = 5
# A shorter sentence is a statement when a verb dates or counts something ("He died Saturday.", "She was 17.").
MIN_SHORT = 3
_QUOTE_EDGES = "\"'“”‘’«» ,.;:—–-\n"


PART_CHARS = 20_000  # longer texts are parsed in parts: whole-document passes grow faster than the text

ErrorHandler = Callable[[Article, Exception], None]


def extract_claims(articles: Sequence[Article], resolver: EntityResolver, *, batch_size: int = 16,
                   on_error: ErrorHandler | None = None) -> list[Claim]:
    """Claims of every article, in article order, with their slots filled.

    With ``on_error``, an article whose extraction fails is handed to it and left out, and the
    rest go on; without, the error propagates.
    """
    from .nlp import load_nlp

    nlp = load_nlp()
    claims: list[Claim] = []
    parts = [(article, offset, part) for article in articles for offset, part in split_text(article.text)]
    docs = nlp.pipe((part for _, _, part in parts), batch_size=batch_size)
    failed: set[str] = set()
    first = {a.id: 0 for a in articles}
    for (article, offset, part), doc in zip(parts, docs):
        if article.id in failed:
            continue
        try:
            piece = article if offset == 0 and len(part) == len(article.text) else replace(article, text=part)
            found = claims_from_doc(piece, doc, resolver, first=first[article.id])
            claims.extend(shift_claim(c, offset) for c in found)
            if len(part) < len(article.text):
                first[article.id] += sum(1 for _ in _sentences(doc))
        except Exception as exc:  # noqa: BLE001 - one article must not sink the batch
            if on_error is None:
                raise
            failed.add(article.id)
            on_error(article, exc)
    if failed:
        claims = [c for c in claims if c.article_id not in failed]
    return claims


def split_text(text: str, limit: int = PART_CHARS) -> list[tuple[int, str]]:
    """(offset, part) pieces of at most ``limit`` characters, cut at paragraph, line or sentence ends."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep)
            if at >= limit // 4:
                cut = at + len(sep)
                break
        else:
            cut = limit
        out.append((start, text[start:start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


def _shift_span(span: tuple[int, int] | None, offset: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + offset, span[1] + offset)


def shift_claim(c: Claim, offset: int) -> Claim:
    """A claim found in a part of an article, with every span moved to the article's offsets."""
    if offset == 0:
        return c
    att = c.attribution
    if att is not None:
        att = replace(att, source_span=_shift_span(att.source_span, offset), cue_span=_shift_span(att.cue_span, offset),
                      content_span=_shift_span(att.content_span, offset),
                      channel_span=_shift_span(att.channel_span, offset))
    return replace(
        c, start=c.start + offset, end=c.end + offset, attribution=att,
        times=tuple(replace(t, start=t.start + offset, end=t.end + offset, holder=_shift_span(t.holder, offset))
                    for t in c.times),
        quantities=tuple(replace(q, start=q.start + offset, end=q.end + offset, holder=_shift_span(q.holder, offset))
                         for q in c.quantities),
        entities=tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in c.entities))


def claims_from_doc(article: Article, doc, resolver: EntityResolver, *, first: int = 0
                    ) -> list[Claim]:  # doc: spacy Doc
    """The claims of one parsed article (or part of one, whose sentences are numbered from ``first``)."""
    attributions = find_attributions(doc)
    anchor = article.published.date()
    roles = {(e.start_char, e.end_char): person_role(e) for e in doc.ents if e.label_ == "PERSON"}
    people = people_with_roles(doc, roles)
    # read over the whole text, so "that day" or "a year later" count from the date the story is at
    all_times = find_times(doc.text, anchor)
    out: list[Claim] = []
    for n, sent in enumerate(_sentences(doc)):
        if not _is_checkable(sent):
            continue
        att = _attribution_for(sent, attributions)
        content = _content(sent, att)
        if len(content.split()) < 3:
            continue
        text = sent.text
        offset = sent.start_char
        times = tuple(_framed(t, sent, counts=False) for t in all_times
                      if sent.start_char <= t.start and t.end <= sent.end_char)
        quantities = tuple(
            _framed(replace(q, start=q.start + offset, end=q.end + offset), sent, counts=True)
            for q in find_quantities(text)
            if not any(t.start <= q.start + offset < t.end for t in times)
        )
        entities = tuple(
            Entity(text=e.text, start=e.start_char, end=e.end_char, label=e.label_,
                   canonical=resolver.resolve(e.text, e.label_),
                   role=(roles.get((e.start_char, e.end_char)) or (None,))[0],
                   event=frame(sent, e.start_char, e.end_char, counts=False)[0] if e.label_ in PLACE_LABELS else None)
            for e in sent.ents if e.label_ in ENTITY_LABELS
        )
        negated, modality = polarity(sent)
        att = _channel_fallback(_normalise_source(att, entities, article, resolver, doc, people), sent)
        out.append(Claim(
            id=f"{article.id}#{first + n}", article_id=article.id, outlet=article.outlet, published=article.published,
            text=text.strip(), start=sent.start_char, end=sent.end_char, content=content, attribution=att,
            times=times, quantities=quantities, entities=entities, negated=negated, modality=modality,
        ))
    return out


def _framed(slot, sent, *, counts: bool):
    """A time or quantity with the happening it belongs to and what it is about; a bare count that gives
    a new value of its clause's subject ("deaths rose to 40") counts that subject."""
    event, about = frame(sent, slot.start, slot.end, counts=counts)
    holder = holder_span(sent, slot.start, slot.end, counts=counts)
    if counts and slot.kind == "count" and slot.unit is None:
        noun = counted_subject(sent, slot.start, slot.end)
        if noun:
            return replace(slot, unit=noun, event=event, about=(noun, *(w for w in about if w != noun)),
                           holder=holder)
    return replace(slot, event=event, about=about, holder=holder)


_NAME = r"((?:the\s+)?[A-Z][\w&.'\u2019!-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w&.'\u2019!-]*)*)"
_CHANNEL = re.compile(
    r"\b(?:[Ss]peaking(?:\s+exclusively)?\s+to|[Tt]alking\s+to|[Ii]n\s+an?\s+(?:exclusive\s+)?(?:interview|conversation)\s+with|"
    r"told|[Ww]riting\s+(?:in|for)|said\s+on|[Tt]elling)\s+" + _NAME)


def _channel_fallback(att: Attribution | None, sent) -> Attribution | None:
    """A channel the attribution missed ("Speaking to Sky News, X said ...")."""
    if att is None or att.channel or att.source_kind == "outlet":
        return att
    m = _CHANNEL.search(sent.text)
    if not m:
        return att
    start = sent.start_char + m.start(1)
    return replace(att, channel=m.group(1).rstrip(".,"), channel_span=(start, start + len(m.group(1).rstrip(".,"))))


def _normalise_source(att: Attribution | None, entities: Sequence[Entity], article: Article,
                      resolver: EntityResolver, doc=None, people: Sequence[tuple[int, str, str]] = ()
                      ) -> Attribution:
    """Reduce a source phrase to the entity it names ("the pact's chief, Ruta Kalnina" -> "Ruta Kalnina"),
    keeping its title apart; a place word describing the source is not the source ("The New York bank"
    is the bank, "The London Mayor" the mayor, or the person the article calls so)."""
    if att is None:
        return Attribution(source=article.outlet, source_kind="outlet")
    if att.source_span is None or att.source_kind == "outlet":
        return att
    s0, s1 = att.source_span
    text = article.text
    # "Reid's rep" is the rep, not Reid: a possessive name is not the source.
    inside = [e for e in entities if s0 <= e.start and e.end <= s1 and e.label in ("PERSON", "ORG", "NORP", "GPE")
              and not text[e.end:e.end + 2] in ("'s", "\u2019s")]
    inside.sort(key=lambda e: (e.label != "PERSON", e.label != "ORG", e.start))
    span = doc.char_span(s0, s1, alignment_mode="expand") if doc is not None else None
    if inside and att.source_kind in ("named", "organisation", "anonymous", "pronoun"):
        best = inside[0]
        kind = "named" if best.label == "PERSON" else "organisation"
        if att.source_kind == "anonymous" and best.label != "PERSON":
            return att  # "a source close to the ministry": anonymous, whatever organisation it names
        if best.label != "PERSON" and span is not None and _describes(span, best):
            # "The Halford Mayor" is the mayor the article names; "The Chicago bank" is the bank. An
            # organisation's office with nobody named ("the ministry spokesman") speaks for the organisation.
            described = _described(att, span, people, resolver)
            if described.source_kind == "named" or best.label in PLACE_WORDS:
                return described
        resolver.resolve(best.text, best.label)
        role = best.role if best.label == "PERSON" else None
        return replace(att, source=best.text, source_kind=kind, role=role)
    if span is not None and att.source_kind in ("named", "organisation"):
        return _described(att, span, people, resolver)
    return att


PLACE_WORDS = frozenset({"GPE", "NORP"})  # a place or nationality that may only describe the source


def _describes(span, ent: Entity) -> bool:
    """The entity modifies the phrase's head ("New York" in "The New York bank") rather than being it."""
    head = span.root
    return not (ent.start <= head.idx < ent.end) and (head.pos_ == "NOUN" or head.lower_.rstrip(".") in OFFICES)


def _described(att: Attribution, span, people: Sequence[tuple[int, str, str]], resolver: EntityResolver
               ) -> Attribution:
    """A source given by a description: the person the article names with that title, else the
    description's head ("the bank", "the mayor"), with the title kept as its role."""
    head = span.root
    if head.pos_ != "NOUN" and head.lower_.rstrip(".") not in OFFICES:
        return att  # a name the entity tagger missed, not a description
    words = [t for t in span if t.lower_ not in ("the", "a", "an") and not t.is_punct]
    role = " ".join(t.text for t in words) if head.lower_.rstrip(".") in OFFICES else None
    person = described_person(span, list(people))
    if person is not None:
        resolver.resolve(person[0], "PERSON")
        return replace(att, source=person[0], source_kind="named", role=person[1], resolved_from=span.text)
    noun = [t for t in head.subtree if t.i >= span.start and t.i < span.end and (t.i == head.i or t.dep_ == "compound")
            and not t.ent_type_]
    return replace(att, source="the " + " ".join(t.lower_ for t in noun or [head]), source_kind="organisation",
                   role=role)


def _sentences(doc) -> Iterable:
    """Sentences, with a line break always ending one (headlines, datelines, paragraphs)."""
    for sent in doc.sents:
        if "\n" not in sent.text.strip():
            yield sent
            continue
        start = sent.start
        for tok in sent:
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                if tok.i + 1 > start:
                    yield doc[start:tok.i + 1]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


# Bylines and datelines ("By Jane Roe", "Updated: May 3", "Posted at 10:02") are not statements, but
# "By the latest count, ..." and "Updated figures show ..." are, so the pattern must not take every "By".
METADATA = re.compile(
    r"^\s*(?:(?i:updated|posted|published|last updated|last modified)\s*(?::|\d|(?i:on|at)\b|$)"
    r"|(?i:by)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*$"
    r"|(?i:photo|image|copyright|read more|related|advertisement)\b)")


def _is_checkable(sent) -> bool:
    if METADATA.match(sent.text):
        return False  # bylines and datelines, not statements
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < MIN_TOKENS and not (len(words) >= MIN_SHORT and _dated_or_counted(words)):
        return False
    if sent.text.rstrip().endswith("?"):
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in sent) or bool(_NAMED_AGE.search(sent.text))


def _dated_or_counted(words) -> bool:
    """A verb with a date, a time or a figure among the words."""
    return any(t.pos_ in ("VERB", "AUX") for t in words) and any(
        t.ent_type_ in ("DATE", "TIME", "CARDINAL") or t.like_num for t in words)


# A line of a list that gives a person's age with no verb ("Carl Roe, 23, of Millbrook", "Ann Doe, 47 years old").
_NAMED_AGE = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+,\s*\d{1,3}(?:,|;|\.|\s+years?\s+old\b|\s*$)")


def _attribution_for(sent, attributions: Sequence[Attribution]) -> Attribution | None:
    """The attribution whose content or cue lies in this sentence, preferring the largest overlap."""
    best, best_overlap = None, 0
    s0, s1 = sent.start_char, sent.end_char
    for att in attributions:
        overlap = 0
        if att.content_span:
            overlap = max(0, min(s1, att.content_span[1]) - max(s0, att.content_span[0]))
        if att.cue_span and s0 <= att.cue_span[0] < s1:
            overlap = max(overlap, 1)
        if overlap > best_overlap:
            best, best_overlap = att, overlap
    return best


def _content(sent, att: Attribution | None) -> str:
    """The statement of a sentence without its attribution frame."""
    text = sent.text
    if att is None or not att.content_span:
        return _tidy(text)
    c0 = max(att.content_span[0], sent.start_char) - sent.start_char
    c1 = min(att.content_span[1], sent.end_char) - sent.start_char
    if c1 - c0 < 0.3 * len(text.strip()) or c1 <= c0:
        return _tidy(text)
    return _tidy(text[c0:c1])


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(_QUOTE_EDGES)
    return text[:1].upper() + text[1:] if text else text
