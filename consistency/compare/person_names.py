"""Whether two written names are one person or body: spelling variants, short forms, titles,
initials and acronyms ("A.J. Butler" / "AJ Butler", "Bill" / "William", "CHP" / "the California
Highway Patrol"), and the store's entity resolver for the rest."""

from __future__ import annotations

import os
import re
import unicodedata
import weakref
from difflib import SequenceMatcher

from ..lexicon import NAME_SUFFIXES, NICKNAMES, TITLES

DETERMINER = re.compile(r"^(the|a|an)\s+", re.I)
_SAME: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def name_tokens(source: str) -> set[str]:
    """The lower-case words of a name, without its determiner."""
    return set(re.findall(r"\w+", DETERMINER.sub("", source.casefold())))


def name_words(name: str) -> list[str]:
    """A name without its determiner and titles ("Police Inspector Dave Gaskin" -> Dave Gaskin). A title word
    that ends the name after a given name is the surname ("Larry King", "John Major", "Martin Luther King Jr.")."""
    words = re.findall(r"[\w'\u2019-]+", DETERMINER.sub("", name))
    last = len(words) - 1
    while last > 0 and words[last].casefold() in NAME_SUFFIXES:
        last -= 1
    surname = last if last > 0 and words[last - 1].casefold() not in TITLES else -1
    return [w for i, w in enumerate(words) if i == surname or w.casefold() not in TITLES]


def close(x: str, y: str) -> bool:
    """One word spelt two ways: a letter or two apart in a word of five letters or more."""
    if x.casefold() == y.casefold():
        return True
    if min(len(x), len(y)) < 4 or max(len(x), len(y)) < 5:
        return False
    return SequenceMatcher(None, x.casefold(), y.casefold()).ratio() >= 0.8


def close_spelling(x: str, y: str) -> bool:
    """Names that differ by a letter or two ("Heffner", "Hefner") are one person spelt two ways."""
    names_x = {w for w in re.findall(r"[A-Z][\w'-]+", x) if len(w) >= 4}
    names_y = {w for w in re.findall(r"[A-Z][\w'-]+", y) if len(w) >= 4}
    # Only the words that differ: a shared title ("Attorney") says nothing about the surnames.
    return any(close(p, q) for p in names_x - names_y for q in names_y - names_x)


def acronym(x: str, y: str) -> bool:
    """One name is the initials of the other ("CHP", "the California Highway Patrol")."""
    short, long_ = sorted((DETERMINER.sub("", x).strip(), DETERMINER.sub("", y).strip()), key=len)
    initials = "".join(w[0] for w in re.split(r"[\s-]+", long_) if w[:1].isupper())  # "Agence France-Presse"
    return short.isupper() and len(short) >= 2 and " " not in short and short == initials


_JOINT = re.compile(r"\s+(?:and|&)\s+")
_INITIALS = re.compile(r"\b(?:[A-Z]\.\s?){2,}")  # "A.J.", "A. J."


def _joined_initials(m: re.Match) -> str:
    return m.group(0).replace(".", "").replace(" ", "") + " "  # "A.J. Butler" -> "AJ Butler"


def same_name(x: str, y: str, resolver) -> bool:
    """Two names of one entity (spelling variants, short forms, titles and initials included).

    A joint source ("Mark and Condon") is the same as either of its members ("Laurence Mark")."""
    x, y = _INITIALS.sub(_joined_initials, x), _INITIALS.sub(_joined_initials, y)
    parts_x, parts_y = _JOINT.split(x), _JOINT.split(y)
    if len(parts_x) > 1 or len(parts_y) > 1:
        return any(_one_name(p, q, resolver) for p in parts_x for q in parts_y if p.strip() and q.strip())
    return _one_name(x, y, resolver)


def _core(name: str) -> str:
    """The name a source ends on, without its description: "Trend Micro threat researcher Paul Ferguson" and
    "Paul Ferguson, a researcher with Trend Micro" are both Paul Ferguson."""
    words = re.findall(r"[\w.'\u2019-]+", name.split(",")[0])
    core: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper() or w.casefold().rstrip(".") in TITLES:
            break
        core.insert(0, w)
    return " ".join(core) or name


def _one_name(x: str, y: str, resolver) -> bool:
    if _core(x) != x or _core(y) != y:
        x, y = _core(x), _core(y)
    wx, wy = name_tokens(x), name_tokens(y)
    if wx <= wy or wy <= wx or acronym(x, y):
        return True
    nx, ny = name_words(x), name_words(y)
    if nx and ny and all(w[:1].isupper() for w in nx + ny):
        if close(nx[-1], ny[-1]):
            # One surname: the same person unless both give a different first name ("Jon" / "Kristen Stewart").
            return len(nx) == 1 or len(ny) == 1 or close(nx[-2], ny[-2]) or nx[-2][0] == ny[-2][0] or \
                NICKNAMES.get(nx[-2].casefold()) == ny[-2].casefold() or \
                NICKNAMES.get(ny[-2].casefold()) == nx[-2].casefold()
        if len(nx) > 1 and len(ny) > 1:
            return False  # full names with different surnames ("Mark Jay Heller", "Mark Jay Holley")
    if close_spelling(x, y):
        return True
    # spaCy labels the same name PERSON in one sentence and ORG in another: resolve both alike.
    # One check asks about the same two names many times; the answer is kept per resolver.
    memo = _SAME.setdefault(resolver, {})
    key = (x, y)
    if key not in memo:
        memo[key] = resolver.resolve(x, "PERSON") == resolver.resolve(y, "PERSON")
    return memo[key]


def plain_name_words(name: str) -> list[str]:
    """A name's words without case, accents, trailing punctuation, determiner or titles."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return [w.casefold().strip(".") for w in name_words(plain) if w.strip(".")]


def given_names_apart(x: list[str], y: list[str]) -> bool:
    """Two full names with one surname whose given names are two names, not one spelt, shortened
    or described two ways ("Marta" / "Delia R. Quiroga"; not "Yevgeny" / "Evgeny", "Bill" / "William",
    "Alex" / "Alexandra", "Singer Delia" / "Delia")."""
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1]:
        return False
    gx = [w for w in x[:-1] if len(w) > 2]  # initials say nothing either way
    gy = [w for w in y[:-1] if len(w) > 2]
    return bool(gx and gy) and not any(one_given_name(p, q) for p in gx for q in gy)


def one_given_name(p: str, q: str) -> bool:
    """One given name written two ways: the same, a nickname, a short form or a transliteration."""
    return p[:3] == q[:3] or NICKNAMES.get(p) == q or NICKNAMES.get(q) == p or \
        SequenceMatcher(None, p, q).ratio() >= 0.7


SURNAME_RATIO = 0.6  # "Mollet" / "Morret": looser than a word alone, for the given name beside it vouches


def respelt_surname(a: str, b: str) -> bool:
    """Two plain surnames that one person's name beside one given name may be spelt in ("Mollet" / "Morret",
    "Dixon" / "Dickson"); not a word and its plural or other form ("Hollis" / "Hollises"), nor a double surname and
    a part of it ("Lima-Soto" / "Lima"), nor a surname and its particle ("DeMarco" / "Marco"), which a reader
    takes for one name."""
    if a == b or min(len(a), len(b)) < 5 or not (a.isalpha() and b.isalpha()) or a.endswith(b) or b.endswith(a):
        return False
    k = len(os.path.commonprefix([a, b]))
    if k >= 4 and (a[k:] in ("", "s", "es") and b[k:] in ("", "s", "es")):
        return False
    return SequenceMatcher(None, a, b).ratio() >= SURNAME_RATIO


def swapped_name(x: str, y: str) -> bool:
    """Two written names of two words each, one the other with its given name and surname swapped, either
    word spelt alike or a letter or two apart ("Dale Morrow" / "Morrow Dale", "Frederic Dale" / "Dale Frederick")."""
    wx, wy = plain_name_words(x), plain_name_words(y)
    return len(wx) == 2 and len(wy) == 2 and wx != wy and close(wx[0], wy[1]) and close(wx[1], wy[0])


def two_given_names(x: str, y: str) -> bool:
    """Whether two written names are one surname with two given names, not one name written two ways."""
    return given_names_apart(plain_name_words(x), plain_name_words(y))


def misspelt_given_name(p: str, q: str) -> bool:
    """Two plain given names that are one name mistyped: the same sound spelt with other letters ("Jerald" /
    "Gerald", "Rozalind" / "Rosalind", "Stephania" / "Stefania") or the same letters in another order
    ("Orlanda" / "Ornalda"). Vowels, a doubled or dropped letter, an ending, or "c" for "k" are how
    transliterations and familiar forms differ ("Edris" / "Idris", "Hassim" / "Hasim", "Stavros" / "Stavrios",
    "Costis" / "Kostis", "Danny" / "Daniel"), so those are not read as a slip."""
    p, q = _letters_of(p), _letters_of(q)
    if p == q or len(p) < 5 or len(q) < 5 or _hard_c(p) == _hard_c(q):
        return False
    if NICKNAMES.get(p) == q or NICKNAMES.get(q) == p:
        return False
    return _sound(p) == _sound(q) or (p[0] == q[0] and sorted(p) == sorted(q))


# The least SequenceMatcher ratio of two spellings: twice the letters they share in order over the letters of both
# ("Tamsin" / "Tamzen" share 4 of 12, 2 * 4 / 12 = 0.67, near enough; "Daria" / "Doreen" 2 * 2 / 11 = 0.36, not).
LOOSE_RATIO = 0.6
_FAMILIAR_ENDINGS = frozenset({"ie", "y", "ey", "ee", "i"})


def respelt_given_name(p: str, q: str) -> bool:
    """Two plain given names that may be one name spelt two ways in the loose sense: a vowel, a doubled or
    dropped letter ("O'Neal" / "O'Neil", "Russel" / "Russell"). Transliterations and house styles differ in
    the same letters, so this is evidence only where most outlets agree on one form
    (``names._loose_observations``). Not a nickname, a short or familiar form ("Jim" / "Jimmy", "Charlie" /
    "Charles"), a short name, another first letter, or "y" for "i"; a familiar form's ending spelt two ways
    ("Bobby" / "Bobbie") is."""
    p, q = _letters_of(p), _letters_of(q)
    if p == q or min(len(p), len(q)) < MIN_GIVEN or p[0] != q[0]:
        return False  # another first letter: a transliteration ("Kurban" / "Gurban") or another name
    if NICKNAMES.get(p) == q or NICKNAMES.get(q) == p or p.replace("y", "i") == q.replace("y", "i"):
        return False  # "y" for "i" is how transliterations and established spellings differ ("Robin" / "Robyn")
    short, long_ = sorted((p, q), key=len)
    if long_.startswith(short) and not (len(long_) == len(short) + 1 and long_[-1] == short[-1]):
        return False  # a short form: "Chris" / "Christopher", "Steve" / "Steven"; not "Russel" / "Russell"
    k = len(os.path.commonprefix([p, q]))
    if k >= 3 and p[k:] in _FAMILIAR_ENDINGS and q[k:] in _FAMILIAR_ENDINGS:
        return True  # one familiar form with its ending spelt two ways: "Bobby" / "Bobbie"
    if k >= 3 and any(_familiar(rest, p[k - 1]) for rest in (p[k:], q[k:])):
        return False  # a familiar form: "Charlie" / "Charles", "Katy" / "Kate", "Timmy" / "Timothy"
    return SequenceMatcher(None, p, q).ratio() >= LOOSE_RATIO


def _familiar(rest: str, last: str) -> bool:
    """What follows a name's shared start makes a familiar form: its ending, after the last letter doubled or not."""
    return rest in _FAMILIAR_ENDINGS or rest[:1] == last and rest[1:] in _FAMILIAR_ENDINGS


def _letters_of(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalpha())


def _hard_c(name: str) -> str:
    return re.sub(r"c(?![eiy])|q", "k", name)


def _sound(name: str) -> str:
    """English spellings of one sound read alike: "ph" as "f", a soft "g" as "j", "z" as "s"."""
    name = re.sub(r"g(?=[eiy])", "j", _hard_c(name).replace("ph", "f"))
    return re.sub(r"c(?=[eiy])", "s", name).replace("z", "s")


MIN_GIVEN = 4  # a short given name ("Al", "Jo") is shared by too many people to pick out one


def same_given_name(p: str, q: str) -> bool:
    """One plain given name, or one with a letter added at its end ("Maria" / "Mariah"); not "Michael" / "Michelle"."""
    short, long_ = sorted((p, q), key=len)
    return len(short) >= MIN_GIVEN and (short == long_ or (len(long_) == len(short) + 1 and long_.startswith(short)))


def two_surnames(x: str, y: str) -> bool:
    """Whether two written names give one given name with two surnames, not one surname spelt two ways."""
    wx, wy = plain_name_words(x.removesuffix("'s").removesuffix("\u2019s")), \
        plain_name_words(y.removesuffix("'s").removesuffix("\u2019s"))
    return len(wx) >= 2 and len(wy) >= 2 and same_given_name(wx[0], wy[0]) and not close(wx[-1], wy[-1])
