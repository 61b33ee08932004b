"""The one person hit told gravely hurt, then dead in a later report of another outlet, on invented claims: what
is flagged as an update and what must not be."""

from consistency.compare import story_flags
from consistency.compare.later_deaths import later_death_flags
from person_claims import claim


def test_critical_then_died_days_later_is_an_update():
    a = [claim("a#1", "A 9-year-old boy was shot on Pell Road on Friday night."),
         claim("a#2", "He remains in critical condition at Mercy Hospital, police said.")]
    b = [claim("b#1", "The 9-year-old boy shot on Pell Road last week has died, police said Monday.", outlet="B",
               day=3)]
    flags = later_death_flags(a + b)
    assert len(flags) == 1 and flags[0].type == "update"
    assert flags[0].values == {"A": "critical condition", "B": "has died"}
    assert flags[0].claims == ("a#2", "b#1")
    assert "3 days later" in flags[0].explanation
    assert [f.type for f in story_flags(a + b)] == ["update"]


def test_the_state_sentence_is_cited_before_the_hurt_one():
    a = [claim("a#1", "A woman was critically injured in a shooting on Dorr Street."),
         claim("a#2", "She was listed in grave condition on Saturday.")]
    b = [claim("b#1", "Police called it a fatal shooting.", outlet="B", day=2),
         claim("b#2", "The woman died Sunday at the hospital.", outlet="B", day=2)]
    flag, = later_death_flags(a + b)
    assert flag.values == {"A": "grave condition", "B": "died"}


def test_same_day_or_same_outlet_is_no_update():
    grave = claim("a#1", "The teen is fighting for his life after the shooting.")
    assert later_death_flags([grave, claim("b#1", "The teen has died.", outlet="B")]) == []
    assert later_death_flags([grave, claim("c#1", "The teen has died.", day=2)]) == []


def test_several_hurt_leave_whose_death_open():
    dead = claim("b#1", "One of them has died, police said.", outlet="B", day=2)
    for text in ("Two people were shot and one is in critical condition.",
                 "The victims were taken to a hospital, one in critical condition.",
                 "In the double shooting, a man is in critical condition."):
        assert later_death_flags([claim("a#1", text), dead]) == [], text


def test_a_report_that_tells_a_death_is_no_grave_report():
    a = claim("a#1", "A man is in critical condition and his cousin was killed.")
    b = claim("b#1", "The man has died.", outlet="B", day=2)
    assert later_death_flags([a, b]) == []


def test_a_death_of_the_doer_is_not_the_victims():
    a = claim("a#1", "A clerk is in critical condition after the robbery.")
    b = claim("b#1", "The suspect died after a standoff with deputies.", outlet="B", day=2)
    assert later_death_flags([a, b]) == []


def test_two_incidents_told_of_other_people_and_ages():
    a = claim("a#1", "Tom Hale, 25, is in critical condition.", ("Tom Hale",))
    b = claim("b#1", "Lou Dane, 40, has died of his wounds.", ("Lou Dane",), outlet="B", day=2)
    assert later_death_flags([a, b]) == []
    c = claim("c#1", "The 25-year-old has died of his wounds.", outlet="C", day=2)
    assert len(later_death_flags([a, c])) == 1  # the age ties the unnamed death to the one hurt


def test_a_death_already_flagged_is_not_flagged_again():
    a = claim("a#1", "The girl is in critical condition.")
    b = claim("b#1", "The girl has died.", outlet="B", day=2)
    flag, = later_death_flags([a, b])
    assert later_death_flags([a, b], [flag]) == []


def test_the_flag_cites_every_sentence_of_each_report_that_tells_its_state():
    a = [claim("a#1", "A shooting left a girl in critical condition on Friday."),
         claim("a#2", "She was taken to Mercy Hospital in critical condition, police said.")]
    b = [claim("b#1", "The girl shot Friday has died.", outlet="B", day=2)]
    flag, = later_death_flags(a + b)
    assert [e.claim_id for e in flag.evidence] == ["a#1", "b#1", "a#2"]


def test_brain_dead_stands_between_critical_and_dead():
    grave = claim("a#1", "The boy is in critical condition after the shooting on Vane Street.")
    brain = [claim("b#1", "An earlier report said the boy was pronounced dead on Tuesday.", outlet="B", day=3),
             claim("b#2", "Doctors say the boy was declared brain-dead and remains on life support.", outlet="B",
                   day=3)]
    dead = claim("c#1", "The boy taken off life support has died, his uncle said.", outlet="C", day=6)
    flag, = later_death_flags([grave] + brain)
    assert flag.values == {"A": "critical condition", "B": "brain-dead"}
    assert [e.claim_id for e in flag.evidence] == ["a#1", "b#2"]
    assert "brain death" in flag.explanation
    flag, = later_death_flags(brain + [dead])
    assert flag.values == {"B": "brain-dead", "C": "has died"}
    assert "brain-dead and kept alive" in flag.explanation


def test_a_report_that_tells_the_death_beside_brain_death_is_a_death_report():
    grave = claim("a#1", "The boy is in critical condition.")
    both = [claim("b#1", "The boy had been declared brain-dead.", outlet="B", day=3),
            claim("b#2", "He died Sunday after his family said goodbye.", outlet="B", day=3)]
    flag, = later_death_flags([grave] + both)
    assert flag.values == {"A": "critical condition", "B": "died"}


def test_a_death_told_months_or_years_back_is_not_of_the_one_hit():
    brain = [claim("a#1", "A girl of 6 is on life support after she was shot at home."),
             claim("a#2", "Her grandfather died just two years ago of a heart attack."),
             claim("a#3", "Doctors have declared her brain dead, her aunt said.")]
    dead = [claim("b#1", "The girl shot at home last week has died.", outlet="B", day=3)]
    flag, = later_death_flags(brain + dead)
    assert flag.values == {"A": "brain dead", "B": "has died"}
    assert "a#2" not in flag.claims


def test_a_figure_of_shots_or_weeks_counts_no_one_else_hit():
    grave = claim("a#1", "A toddler is in critical condition after a shooting on Moss Lane.")
    for text in ("The toddler, who was shot three times, has died.",
                 "The toddler died after being shot two weeks ago in a car on Moss Lane."):
        assert len(later_death_flags([grave, claim("b#1", text, outlet="B", day=14)])) == 1, text
    several = claim("c#1", "The gunfire on Moss Lane wounded two and the toddler has died.", outlet="C", day=14)
    assert later_death_flags([grave, several]) == []


def test_taken_off_life_support_is_dead_and_a_death_may_claim_a_life():
    brain = claim("a#1", "Doctors declared the boy brain dead on Friday.")
    off = claim("b#1", "The boy, declared brain dead Friday, was taken off life support Sunday.", outlet="B",
                day=2)
    flag, = later_death_flags([brain, off])
    assert flag.values == {"A": "brain dead", "B": "was taken off life support"}
    grave = claim("c#1", "The boy is in critical condition.")
    claimed = claim("d#1", "A shooting that claimed the life of a boy on Hale Street is under investigation.",
                    outlet="D", day=2)
    flag, = later_death_flags([grave, claimed])
    assert flag.values == {"A": "critical condition", "D": "claimed the life of"}
    lives = claim("e#1", "A shooting that claimed the lives of two cousins is under investigation.",
                  outlet="E", day=2)
    assert later_death_flags([grave, lives]) == []


def test_a_brain_dead_report_is_cited_by_its_grave_sentences_too():
    brain = [claim("a#1", "A shooting on Fir Road left a girl in critical condition."),
             claim("a#2", "Her family says doctors declared her brain dead.")]
    dead = claim("b#1", "The girl shot on Fir Road has died.", outlet="B", day=5)
    flag, = later_death_flags(brain + [dead])
    assert flag.values == {"A": "brain dead", "B": "has died"}
    assert [e.claim_id for e in flag.evidence] == ["a#2", "b#1", "a#1"]


def test_a_report_that_corrects_a_death_stands_against_the_death():
    dead = claim("a#1", "A 6-year-old boy shot at a home on Lark Court has died, officials said.")
    alive = [claim("b#1", "Despite earlier reports that the boy had died, deputies said he is still fighting for "
                          "his life.", outlet="B"),
             claim("b#2", "The 6-year-old remains on life support.", outlet="B")]
    flag, = later_death_flags([dead] + alive)
    assert flag.type == "update" and flag.claims == ("a#1", "b#1")
    assert flag.values == {"A": "has died", "B": "fighting for his life"}
    assert "reports of the death were wrong" in flag.explanation
    corrected = [claim("c#1", "Police said in the morning the girl had died.", outlet="C"),
                 claim("c#2", "That statement has since been corrected.", outlet="C"),
                 claim("c#3", "A hospital spokesman said the girl is in critical condition.", outlet="C")]
    later = claim("d#1", "The girl shot on Lark Court has died.", outlet="D", day=2)
    flag, = later_death_flags(corrected + [later])
    assert flag.values == {"C": "critical condition", "D": "has died"}


def test_a_death_report_without_a_correction_on_the_same_day_is_no_update():
    dead = claim("a#1", "The boy shot on Lark Court has died.")
    alive = claim("b#1", "The boy shot on Lark Court is fighting for his life.", outlet="B")
    assert later_death_flags([dead, alive]) == []


# Several hurt: the grave report and the death report are paired only when both open on one person.

_SEVERAL_HURT = "A man was killed and two others were wounded on Larchmere Row on Friday."


def test_a_named_one_of_several_hurt_told_dead_later_is_an_update():
    a = [claim("a#1", _SEVERAL_HURT), claim("a#2", "Mira and Otto are in critical condition.", ("Mira", "Otto"))]
    b = [claim("b#1", "Mira Quell died Tuesday of her wounds, police said.", outlet="B", day=4)]
    flag, = later_death_flags(a + b)
    assert flag.type == "update" and flag.values == {"A": "critical condition", "B": "died"}
    assert flag.claims == ("a#2", "b#1")


def test_one_of_several_hurt_told_by_kin_in_both_reports_is_an_update():
    a = [claim("a#1", "A woman and her son were found dead in the house."),
         claim("a#2", "Her husband is in critical condition.")]
    b = [claim("b#1", "Husband suspected of killing wife and son dies in hospital", outlet="B", day=5),
         claim("b#2", "The man died Tuesday of a wound police suspect was self-inflicted.", outlet="B", day=5)]
    flag, = later_death_flags(a + b)
    assert flag.values == {"A": "critical condition", "B": "dies"}
    assert [e.claim_id for e in flag.evidence] == ["a#2", "b#1", "b#2"]


def test_another_of_several_hurt_dying_is_no_update():
    a = [claim("a#1", _SEVERAL_HURT), claim("a#2", "Mira is in critical condition.", ("Mira",))]
    b = [claim("b#1", "Lena Quell died Tuesday.", ("Lena Quell",), outlet="B", day=4)]
    assert later_death_flags(a + b) == []


def test_a_surname_two_of_the_hurt_bear_tells_no_one():
    a = [claim("a#1", _SEVERAL_HURT), claim("a#2", "Pia Quell is in critical condition.", ("Pia Quell",)),
         claim("a#3", "Jon Quell was treated for a leg wound.", ("Jon Quell",))]
    b = [claim("b#1", "Quell died Sunday.", ("Quell",), outlet="B", day=3)]
    assert later_death_flags(a + b) == []


def test_the_shooter_or_the_kin_of_a_named_person_is_not_the_one_in_grave_condition():
    dead = claim("b#1", "Tom Roe died Sunday.", ("Tom Roe",), outlet="B", day=3)
    for text in ("Tom Roe shot his wife, who is in critical condition.", "Tom Roe's son is in critical condition."):
        a = [claim("a#1", _SEVERAL_HURT), claim("a#2", text, ("Tom Roe",))]
        assert later_death_flags([*a, dead]) == [], text


def test_a_kin_word_a_report_gives_beside_a_death_may_be_two_people():
    a = [claim("a#1", _SEVERAL_HURT), claim("a#2", "Her son is in critical condition."),
         claim("a#3", "Another son was killed at the scene.")]
    b = [claim("b#1", "The son has died.", outlet="B", day=2)]
    assert later_death_flags(a + b) == []


def test_what_the_police_suspect_is_no_doer():
    a = claim("a#1", "A man was found shot and is in critical condition.")
    b = claim("b#1", "The man died Sunday of a wound that police suspect was self-inflicted.", outlet="B", day=2)
    flag, = later_death_flags([a, b])
    assert flag.values == {"A": "critical condition", "B": "died"}


def test_a_death_told_as_what_may_come_is_no_death():
    a = claim("a#1", "The boy is fighting for his life after the shooting on Fenn Street.")
    b = claim("b#1", "Police said charges will be upgraded if the boy dies.", outlet="B", day=2)
    assert later_death_flags([a, b]) == []


def test_another_person_is_one_more_hurt_only_in_a_sentence_of_harm():
    dead = claim("b#1", "The 15-year-old boy shot on Fenn Street has died.", outlet="B", day=2)
    witness = [claim("a#1", "A 15-year-old boy was taken to a hospital in grave condition."),
               claim("a#2", "The father of another teen who was there said he heard a loud bang.")]
    assert [f.type for f in later_death_flags(witness + [dead])] == ["update"]
    hurt = [witness[0], claim("a#2", "Another teen was wounded in the arm.")]
    assert later_death_flags(hurt + [dead]) == []
