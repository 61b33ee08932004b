"""Canonical ids for named entities across spelling, transliteration and short forms.

"Alexander Wolffovich", "Volfovich" and "State Secretary Aleksandr Volfovitch" get one id;
"the United Nations" and "UN" get one id; "Joe Biden" and "Hunter Biden" stay apart.
Names are compared through a transliteration key (w→v, kh→h, tch→ch, y→i, doubled
letters collapsed) and blocked by a consonant skeleton, so a lookup never scans all
entities: a one-letter vowel difference may merge, a different consonant never does
("Biden" and "Bidel" stay apart).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from ..lexicon import NAME_SUFFIXES, NICKNAMES, TITLES

_PREFIX = {"PERSON": "per", "ORG": "org", "GPE": "loc", "LOC": "loc", "FAC": "loc", "NORP": "norp"}
# Titles, and the words of an office that go with them ("Foreign Minister", "Crown Prince").
_TITLES = TITLES | {
    "foreign", "defence", "defense", "interior", "finance", "state", "field", "crown", "acting", "former",
    "speaker", "leader", "head", "senior", "first", "opposition", "of", "the", "council", "national", "security",
    "house", "health", "economy", "trade", "press",
}
_CORPORATE = {"corp", "corporation", "inc", "incorporated", "ltd", "limited", "co", "llc", "plc",
              "ag", "sa", "gmbh", "nv", "group", "holdings"}
# Heads too generic to stand for the whole name: "Union" is not "European Union".
_GENERIC_HEADS = {
    "organization", "organisation", "union", "council", "party", "ministry", "university",
    "nations", "states", "association", "committee", "bank", "court", "army", "forces",
    "agency", "department", "office", "police", "service", "services", "commission", "company",
    "institute", "centre", "center", "school", "college", "federation", "republic", "kingdom",
    "news", "times", "post", "press", "front", "movement", "alliance", "command", "guard",
    "assembly", "parliament", "government", "administration", "board", "fund", "network",
}
_STOPWORDS = {"of", "the", "and", "for", "on", "in", "&", "de", "des", "du", "la", "le"}
_REWRITES = [
    ("shch", "sh"), ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("dh", "d"), ("ck", "k"), ("q", "k"), ("x", "ks"), ("w", "v"),
    ("ou", "u"), ("y", "i"), ("tz", "ts"),
]
_SOFT_C = re.compile(r"c(?=[eiy])")


_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d",
                               "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "ı": "i", "’": "'", "‘": "'"})


def _fold(text: str) -> str:
    """ASCII, lower case, typographic apostrophes made plain."""
    text = text.translate(_UNDECOMPOSED)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1 << 16)  # names recur: a night resolves each many times
def phonetic(word: str) -> str:
    """A transliteration-insensitive spelling of one word ("Zelenskyy" -> "zelenski")."""
    w = re.sub(r"[^a-z]", "", _fold(word))
    w = re.sub(r"^(?:al|el)(?=[a-z]{3})", "", w) if "-" in word[:4] else w
    w = _SOFT_C.sub("s", w)
    w = w.replace("ch", "\0").replace("c", "k").replace("\0", "ch")
    for a, b in _REWRITES:
        w = w.replace(a, b)
    w = re.sub(r"^ie", "e", w)  # Yevgeny / Evgeny
    w = re.sub(r"(.)\1+", r"\1", w)
    return w


def _skeleton(key: str) -> str:
    """First letter plus the consonants: the block a fuzzy match must share."""
    if not key:
        return ""
    rest = re.sub(r"[aeiouh\s-]", "", key[1:])
    return re.sub(r"(.)\1+", r"\1", key[0] + rest)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _close(a: str, b: str, shortest: int = 4) -> bool:
    """Same skeleton and at most a vowel or two apart, scaled by length."""
    if a == b:
        return True
    if _skeleton(a) != _skeleton(b):
        return False
    n = min(len(a), len(b))
    if len(a) == len(b) and n < 7:
        return False  # a swapped vowel in a short name is another name: Hiller, Heller
    limit = 2 if n >= 8 else 1 if n >= shortest else 0
    return edit_distance(a, b, limit) <= limit


_NICK = {phonetic(k): phonetic(v) for k, v in NICKNAMES.items()}


def _given_ok(a: str, b: str) -> bool:
    """Whether two given names (phonetic) can be the same person's."""
    a, b = _NICK.get(a, a), _NICK.get(b, b)
    if a == b or (min(len(a), len(b)) == 1 and a[0] == b[0]):
        return True
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    n = min(len(a), len(b))
    limit = 2 if n >= 8 else 1 if n >= 5 else 0
    return limit > 0 and edit_distance(a, b, limit) <= limit


def _tokens(text: str) -> list[str]:
    """Words of a mention without a leading "the", possessive or punctuation."""
    text = re.sub(r"['’]s?\s*$", "", text.strip())
    words = [w.strip(".,;:()\"“”") for w in text.split()]
    words = [w for w in words if w and w not in ("'", "’")]
    if words and words[0].lower() == "the":
        words = words[1:]
    return words


def _strip_titles(words: list[str]) -> list[str]:
    """Drop titles and a nationality before them ("Belarusian President ...")."""
    out = list(words)
    while len(out) > 1 and (out[0].lower().rstrip(".") in _TITLES or (
            out[0].lower().endswith(("ian", "an", "ese", "ish")) and out[1].lower().rstrip(".") in _TITLES)):
        out = out[1:]
    while len(out) > 1 and out[-1].lower().rstrip(".") in NAME_SUFFIXES:
        out = out[:-1]
    return out


def _acronym(words: list[str]) -> str | None:
    """The letters of an acronym mention ("U.N." -> "un"), or None."""
    if len(words) != 1:
        return None
    letters = words[0].replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return None


def _initials(words: list[str]) -> str | None:
    sig = [w for w in words if w.lower() not in _STOPWORDS]
    return "".join(_fold(w)[0] for w in sig) if len(sig) >= 2 else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")


@dataclass
class _Entity:
    id: str
    cls: str
    key: str = ""  # phonetic whole name (surname for people)
    given: str = ""  # phonetic given name, people only
    acronym: str = ""
    aliases: list[str] = field(default_factory=list)  # further keys: "indianapolis colts" for "Colts"
    forms: dict[str, int] = field(default_factory=dict)
    count: int = 0
    last: int = 0  # when it was last mentioned, in resolve calls


# A bare surname prefers people mentioned this recently (in practice: the same article).
_RECENT = 200


class EntityResolver:
    """Assigns canonical ids to entity mentions, learning variants as they arrive."""

    def __init__(self) -> None:
        self._ents: dict[str, _Entity] = {}
        self._by_skeleton: dict[tuple[str, str], list[str]] = {}
        self._by_key: dict[str, list[str]] = {}
        self._by_acronym: dict[str, list[str]] = {}
        self._by_given: dict[str, list[str]] = {}
        self._by_head: dict[str, list[str]] = {}
        self._tick = 0

    def resolve(self, text: str, label: str) -> str:
        """Canonical id for this mention; new names get a new id."""
        cls = _PREFIX.get(label, label.lower())
        words = _tokens(text)
        if not words:
            return f"{cls}:"
        if cls == "per" and not _acronym(words):
            words = _strip_titles(words)
            ent = self._person(words)
        else:
            ent = self._name(words, cls)
        surface = " ".join(words)
        ent.forms[surface] = ent.forms.get(surface, 0) + 1
        ent.count += 1
        self._tick += 1
        ent.last = self._tick
        return ent.id

    def variants(self, canonical: str) -> list[str]:
        """Surface forms seen for this id, in the order first seen."""
        ent = self._ents.get(canonical)
        return list(ent.forms) if ent else []

    def to_dict(self) -> dict:
        """JSON-serialisable state."""
        return {"version": 1, "tick": self._tick, "entities": [asdict(e) for e in self._ents.values()]}

    @classmethod
    def from_dict(cls, d: dict) -> "EntityResolver":
        """Rebuild a resolver from ``to_dict`` output."""
        res = cls()
        for e in d.get("entities", []):
            res._add(_Entity(**e))
        res._tick = d.get("tick", 0)
        return res

    def _add(self, ent: _Entity) -> _Entity:
        self._ents[ent.id] = ent
        self._index(ent)
        return ent

    def _index(self, ent: _Entity) -> None:
        if ent.given and len(ent.given) > 1:
            ids = self._by_given.setdefault(ent.given, [])
            if ent.id not in ids:
                ids.append(ent.id)
        for key in [ent.key, *ent.aliases]:
            if ent.cls == "org" and " " in key:
                ids = self._by_head.setdefault(key.rsplit(" ", 1)[1], [])
                if ent.id not in ids:
                    ids.append(ent.id)
        for key in ent.aliases + ([phonetic(ent.acronym)] if ent.acronym and not ent.key else []):
            ids = self._by_key.setdefault(key, [])  # "Nato" as well as "NATO"
            if ent.id not in ids:
                ids.append(ent.id)
        if ent.key:
            block = (ent.cls if ent.cls == "per" else "name", _skeleton(ent.key))
            ids = self._by_skeleton.setdefault(block, [])
            if ent.id not in ids:
                ids.append(ent.id)
            if ent.cls != "per":
                ids = self._by_key.setdefault(ent.key, [])
                if ent.id not in ids:
                    ids.append(ent.id)
        if ent.acronym:
            ids = self._by_acronym.setdefault(ent.acronym, [])
            if ent.id not in ids:
                ids.append(ent.id)

    def _new_id(self, *options: str) -> str:
        for opt in options:
            if opt and opt not in self._ents:
                return opt
        n = 2
        while f"{options[-1]}~{n}" in self._ents:
            n += 1
        return f"{options[-1]}~{n}"

    def _surname_matches(self, surname: str) -> list[_Entity]:
        ids = self._by_skeleton.get(("per", _skeleton(surname)), [])
        return [self._ents[i] for i in ids if _close(self._ents[i].key, surname)]

    def _person(self, words: list[str]) -> _Entity:
        surname = phonetic(words[-1])
        names = [w for w in words[:-1] if len(w.rstrip(".")) > 1] or words[:1]
        given = phonetic(names[0]) if len(words) > 1 else ""
        cands = self._surname_matches(surname)
        if given:
            same = [e for e in cands if e.given and _given_ok(e.given, given)]
            if same:
                best = max(same, key=lambda e: e.count)
                if len(given) > len(best.given) and len(best.given) == 1:
                    best.given = given
                    self._index(best)
                return best
            unnamed = [e for e in cands if not e.given]
            if unnamed:
                best = max(unnamed, key=lambda e: e.count)
                best.given = given
                self._index(best)
                return best
        elif cands:
            # a bare surname goes to the most mentioned of the people recently named so
            recent = [e for e in cands if e.last > self._tick - _RECENT]
            return max(recent or cands, key=lambda e: e.count)
        if not cands and not given:
            fallback = self._by_key.get(" ".join(phonetic(w) for w in words))
            if fallback:
                return self._ents[fallback[0]]  # a known organisation or place mislabelled
            by_first = [e for e in self._by_given.get(surname, []) if self._ents[e].key != surname]
            if len(by_first) == 1:
                return self._ents[by_first[0]]  # a first name alone, unambiguous so far
        ent_id = self._new_id(f"per:{surname}", f"per:{given}-{surname}" if given else "")
        return self._add(_Entity(id=ent_id, cls="per", key=surname, given=given))

    def _head_match(self, words: list[str], cls: str) -> _Entity | None:
        """A known organisation this short form ends ("Colts" for "Indianapolis Colts")."""
        head = phonetic(words[-1])
        if cls != "org" or words[-1].lower() in _GENERIC_HEADS:
            return None
        tail = " ".join(phonetic(w) for w in words)
        ids = [i for i in self._by_head.get(head, [])
               if any(k.endswith(" " + tail) for k in [self._ents[i].key, *self._ents[i].aliases])]
        return max((self._ents[i] for i in ids), key=lambda e: e.count) if ids else None

    def _short_form_of(self, words: list[str], cls: str) -> _Entity | None:
        """A known one-word organisation that this full name expands ("Colts" seen first)."""
        if cls != "org" or len(words) < 2 or words[-1].lower() in _GENERIC_HEADS:
            return None
        ids = [i for i in self._by_key.get(phonetic(words[-1]), []) if self._ents[i].cls == "org"
               and self._ents[i].key == phonetic(words[-1])]
        return max((self._ents[i] for i in ids), key=lambda e: e.count) if ids else None

    def _name(self, words: list[str], cls: str) -> _Entity:
        while len(words) > 1 and words[-1].lower().rstrip(".") in _CORPORATE:
            words = words[:-1]
        acr = _acronym(words)
        key = acr if acr else " ".join(phonetic(w) for w in words)
        prefer = lambda ids: max((self._ents[i] for i in ids),  # noqa: E731
                                 key=lambda e: (e.cls == cls, e.count))
        exact = self._by_key.get(key)
        if len(words) == 1 and not acr:
            people = [e for e in self._surname_matches(key) if e.given]
            best_person = max(people, key=lambda e: e.count) if people else None
            if best_person and (not exact or best_person.count > prefer(exact).count):
                return best_person  # a surname the tagger took for an organisation or place
        if exact:
            return prefer(exact)
        if acr:
            if acr in self._by_acronym:
                return prefer(self._by_acronym[acr])
            ent_id = self._new_id(f"{cls}:{acr}")
            return self._add(_Entity(id=ent_id, cls=cls, acronym=acr))
        initials = _initials(words)
        if initials and initials in self._by_acronym:
            short = [self._ents[i] for i in self._by_acronym[initials] if not self._ents[i].key]
            if short:
                ent = max(short, key=lambda e: (e.cls == cls, e.count))
                ent.key = key
                self._index(ent)
                return ent
        head = self._head_match(words, cls)
        if head is not None:
            return head
        short = self._short_form_of(words, cls)
        if short is not None:
            short.aliases.append(key)
            self._index(short)
            return short
        block = self._by_skeleton.get(("name", _skeleton(key)), [])
        near = [i for i in block if self._ents[i].key and _close(self._ents[i].key, key, shortest=3)]
        if near:
            return prefer(near)
        ent_id = self._new_id(f"{cls}:{_slug(' '.join(words))}")
        return self._add(_Entity(id=ent_id, cls=cls, key=key, acronym=initials or ""))
