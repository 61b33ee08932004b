"""A family tie told two ways: a named person's tie to another, and the tie of the one a man shot to him."""

from datetime import datetime, timezone

from consistency.compare.relations import agree, relation_flags
from consistency.records import Attribution, Claim, Entity


def claim(cid: str, text: str, *, outlet: str, people: tuple[str, ...] = (), label: str = "PERSON") -> Claim:
    ents = tuple(Entity(n, text.index(n), text.index(n) + len(n), label, f"PERSON:{n.split()[-1].casefold()}")
                 for n in people)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, 4, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), entities=ents,
                 story_id="s1")


def found(claims) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((f.type.value, tuple(sorted(f.values.values()))) for f in relation_flags(claims))


def test_relations_a_named_person_given_two_ties_to_one_person():
    a = claim("a#1", "\u201cWe are heartbroken,\u201d said Mara Quill Denton, Theo's grandmother.", outlet="A",
              people=("Mara Quill Denton", "Theo"))
    b = claim("b#1", "Theo\u2019s aunt, Mara Quill Denton, asked for prayers.", outlet="B",
              people=("Theo", "Mara Quill Denton"), label="ORG")
    c = claim("c#1", "Mara Quill Denton, 61, Theo's great-grandmother, spoke to reporters.", outlet="C",
              people=("Mara Quill Denton",))
    assert found([a, b]) == [("role", ("aunt", "grandmother"))]
    assert found([a, c]) == [("role", ("grandmother", "great-grandmother"))]


def test_relations_ties_to_two_people_or_to_a_pronoun_are_not_compared():
    a = claim("a#1", "Lena Brandt, Theo's aunt, said he loved football.", outlet="A", people=("Lena Brandt", "Theo"))
    b = claim("b#1", "Lena Brandt, the gunman's sister, was questioned.", outlet="B", people=("Lena Brandt",))
    c = claim("c#1", "His cousin, Lena Brandt, said he loved football.", outlet="C", people=("Lena Brandt",))
    d = claim("d#1", "Officers spoke to the brother of Theo's cousin, Lena Brandt, at the house.", outlet="D",
              people=("Theo", "Lena Brandt"))
    assert found([a, b]) == []
    assert found([a, c]) == []
    assert found([a, d]) == []


def test_relations_the_one_shot_told_as_wife_and_as_girlfriend():
    a = claim("a#1", "Police said a man shot his wife and then himself at the home.", outlet="A")
    b = claim("b#1", "Deputies say the man shot his girlfriend before turning the gun on himself.", outlet="B")
    c = claim("c#1", "The man shot and killed his estranged wife, police said.", outlet="C")
    d = claim("d#1", "He fatally shot his ex-wife on Sunday.", outlet="D")
    assert found([a, b]) == [("role", ("girlfriend", "wife"))]
    assert found([a, c]) == []
    assert found([c, d]) == []
    assert found([a, d]) == [("role", ("ex-wife", "wife"))]


def test_relations_agree_step_and_estranged():
    assert agree("spouse", "estranged-spouse") and agree("ex-spouse", "estranged-spouse")
    assert not agree("spouse", "ex-spouse") and not agree("partner", "spouse")
    assert not agree("aunt", "cousin")
