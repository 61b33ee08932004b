"""Titles and offices: the role a text gives a person ("Wisconsin GOP Chairman Reince Priebus",
"Reince Priebus, chairman of the Wisconsin Republican Party"), kept apart from the name, and the
person a bare description of a source stands for ("the London mayor" -> the mayor named nearby)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..lexicon import OFFICES, TITLE_TIME_WORDS

_STOP_LEFT = frozenset("the a an his her their its our my your this that and or of to in on at by for with from "
                       "as said says told".split())
_MAX_LEFT = 6


def _office_word(tok: Token) -> bool:
    return tok.lower_.rstrip(".") in OFFICES


def _title_tokens(ent: Span) -> list[Token]:
    """The title words right before a name ("Wisconsin GOP Chairman" before "Reince Priebus")."""
    doc = ent.doc
    out: list[Token] = []
    i = ent.start - 1
    while i >= ent.sent.start and len(out) < _MAX_LEFT:
        t = doc[i]
        if t.is_punct and t.text not in ("-", "."):
            break
        if t.lower_ in _STOP_LEFT or t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "NUM"):
            break
        if not (t.text[:1].isupper() or _office_word(t) or t.lower_.rstrip(".") in TITLE_TIME_WORDS):
            break
        if t.ent_type_ == "PERSON":
            break  # "Trump adviser Roger Stone": the other person is not part of Stone's title
        out.insert(0, t)
        i -= 1
    # Only the stretch that ends on an office word is a title ("Democrat Nancy Pelosi" has none).
    while out and not _office_word(out[-1]):
        out.pop()
    return out if any(_office_word(t) for t in out) else []


def _apposed(ent: Span) -> Span | None:
    """An office set beside the name after a comma ("Reince Priebus, chairman of the ... Party,")."""
    root = ent.root
    for c in root.children:
        if c.dep_ == "appos" and c.i >= ent.end and _office_word(c):
            toks = [t for t in c.subtree if t.i >= ent.end]
            # stop at the clause that follows the title ("..., who said ...")
            end = next((t.i for t in toks if t.dep_ in ("relcl", "acl") or t.text in (",", ";", "\u2014")), toks[-1].i + 1)
            start = toks[0].i
            while start < end and (ent.doc[start].is_punct or ent.doc[start].lower_ in ("the", "a", "an")):
                start += 1
            return ent.doc[start:end] if end > start else None
    return None


def person_role(ent: Span) -> tuple[str, tuple[int, int]] | None:
    """The title or office a text gives the person ``ent`` names, with its character span."""
    if ent.label_ != "PERSON":
        return None
    toks = _title_tokens(ent)
    if toks:
        return ent.doc[toks[0].i: toks[-1].i + 1].text, (toks[0].idx, toks[-1].idx + len(toks[-1].text))
    app = _apposed(ent)
    if app is not None:
        return app.text, (app.start_char, app.end_char)
    return None


def office_words(role: str) -> frozenset[str]:
    """The office nouns of a role, lower case, without their full stops ("Rep." -> "rep")."""
    return frozenset(w for w in re.findall(r"[\w-]+", role.casefold()) if w in OFFICES)


def people_with_roles(doc: Doc, roles: dict[tuple[int, int], tuple[str, tuple[int, int]] | None] | None = None
                      ) -> list[tuple[int, str, str]]:
    """(position, person, role) for every person the article names with a title (``roles``: the
    role of each person's span, when already read)."""
    out = []
    for ent in doc.ents:
        role = roles.get((ent.start_char, ent.end_char)) if roles is not None else person_role(ent)
        if role is not None:
            out.append((ent.start_char, ent.text, role[0]))
    return out


def described_person(description: Span, people: list[tuple[int, str, str]]) -> tuple[str, str] | None:
    """The named person a description of a source stands for ("The London Mayor" -> the person the article
    calls London Mayor), with that role: the nearest one before it, else the nearest after."""
    head = description.root
    if not _office_word(head):
        return None
    office = head.lower_.rstrip(".")
    modifiers = {t.lower_ for t in description if t.i != head.i and t.text[:1].isupper() and t.lower_ != "the"}
    fits = [(pos, name, role) for pos, name, role in people
            if office in office_words(role) and modifiers <= set(re.findall(r"[\w-]+", role.casefold()))]
    if not fits:
        return None
    at = description.start_char
    before = [f for f in fits if f[0] < at]
    pos, name, role = max(before) if before else min(fits)
    return name, role
