"""Statuses reached without a figure: an earlier report that awaits them, a later one that says they came."""

from datetime import datetime, timezone

from consistency.compare.statuses import status_findings, statuses
from consistency.records import Attribution, Claim, Entity


def claim(cid: str, text: str, *, outlet: str, day: int, people: tuple[str, ...] = (), bodies: tuple[str, ...] = (),
          negated: bool = False, modality: str | None = None) -> Claim:
    """A claim with the given names tagged as people and organisations."""
    ents = tuple(Entity(n, text.index(n), text.index(n) + len(n), label, f"{label}:{n.split()[-1].casefold()}")
                 for names, label in ((people, "PERSON"), (bodies, "ORG")) for n in names)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), entities=ents,
                 negated=negated, modality=modality, story_id="s1")


def test_statuses_pending_then_done_across_outlets_is_an_update():
    a = claim("a#1", "Prosecutors said Dorian Pike could face charges over the land deal.", outlet="A", day=3,
              people=("Dorian Pike",))
    b = claim("b#1", "Dorian Pike was charged on Thursday with fraud over the land deal.", outlet="B", day=6,
              people=("Dorian Pike",))
    found = status_findings([a, b])
    assert [(f.type.value, f.value_a, f.value_b) for f in found] == [("update", "could face charges", "charged")]
    assert (found[0].a.id, found[0].b.id) == ("a#1", "b#1")


def test_statuses_need_a_later_day_another_outlet_and_the_same_holder():
    a = claim("a#1", "Mayor Ilse Brandt has not resigned despite the audit.", outlet="A", day=3,
              people=("Ilse Brandt",), negated=True)
    done = claim("b#1", "Mayor Ilse Brandt resigned after the audit.", outlet="B", day=5, people=("Ilse Brandt",))
    same_day = claim("c#1", "Mayor Ilse Brandt resigned after the audit.", outlet="C", day=3, people=("Ilse Brandt",))
    other = claim("d#1", "Her deputy Tomas Reyes resigned after the audit.", outlet="D", day=5, people=("Tomas Reyes",))
    same_outlet = claim("a#2", "Mayor Ilse Brandt resigned after the audit.", outlet="A", day=5,
                        people=("Ilse Brandt",))
    assert len(status_findings([a, done])) == 1
    assert status_findings([a, same_day]) == []
    assert status_findings([a, other]) == []
    assert status_findings([a, same_outlet]) == []
    assert status_findings([done, a]) == status_findings([a, done])  # order of input does not matter


def test_statuses_done_before_pending_is_no_update():
    done = claim("a#1", "The council approved the budget on Monday.", outlet="A", day=3, bodies=("The council",))
    later = claim("b#1", "The council may approve the budget next month.", outlet="B", day=6,
                  bodies=("The council",), modality="possible")
    assert status_findings([done, later]) == []


def test_statuses_hold_only_the_names_near_the_status_word():
    c = claim("a#1", "Ruth Amsel, a lawyer for the firm, said her client Carl Vint will step down as chairman "
              "of the board at the annual meeting.", outlet="A", day=3, people=("Ruth Amsel", "Carl Vint"))
    (s,) = statuses(c)
    assert (s.kind, s.done, s.holders) == ("resign", False, frozenset({"PERSON:vint"}))


def test_statuses_the_sentence_mood_of_another_verb_leaves_a_status_done():
    a = claim("a#1", "The assembly is set to vote on overriding the veto by Governor Nell Arkin.", outlet="A", day=3,
              people=("Nell Arkin",), modality="expected")
    b = claim("b#1", "Governor Nell Arkin vetoed the measure last week.", outlet="B", day=5, people=("Nell Arkin",))
    assert statuses(a) == []  # "the veto" is neither awaited nor said to be reached
    assert status_findings([a, b]) == []


def test_statuses_a_month_a_particle_or_another_clause_is_no_pending_cue():
    month = claim("a#1", "In May the deputy Lena Holt had been passed over for the post.", outlet="A", day=3,
                  people=("Lena Holt",))
    assert statuses(month) == []  # "passed over" is no approval, "May" no modal
    clause = claim("a#2", "Facing a recall vote, Mayor Oren Vale resigned.", outlet="A", day=3, people=("Oren Vale",))
    assert [(s.kind, s.done) for s in statuses(clause)] == [("resign", True)]
    passed = claim("a#3", "The council passed the levy on Tuesday, Mayor Oren Vale said.", outlet="A", day=3,
                   people=("Oren Vale",))
    assert [(s.kind, s.done) for s in statuses(passed)] == [("approve", True)]


def test_statuses_pending_of_an_article_that_also_reports_it_done_is_no_update():
    past = claim("a#1", "Officers say Lev Ortman was not detained at the scene because of what he told them.",
                 outlet="A", day=3, people=("Lev Ortman",), negated=True)
    done_same_article = claim("a#2", "Lev Ortman was detained on Monday.", outlet="A", day=3, people=("Lev Ortman",))
    later = claim("b#1", "Lev Ortman, 31, was detained Monday.", outlet="B", day=5, people=("Lev Ortman",))
    assert len(status_findings([past, later])) == 1
    assert status_findings([past, done_same_article, later]) == []
    plain = claim("c#1", "Lev Ortman has not been detained.", outlet="C", day=3, people=("Lev Ortman",), negated=True)
    done_beside_plain = claim("c#2", "Lev Ortman was detained on Monday.", outlet="C", day=3, people=("Lev Ortman",))
    assert len(status_findings([plain, done_beside_plain, later])) == 1  # no time of its own: still pending
