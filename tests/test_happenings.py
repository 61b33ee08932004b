"""Dated happenings: one happening dated differently by two outlets, named in different words."""

from dataclasses import replace
from datetime import datetime, timezone

from consistency.compare.facts import facts_of
from consistency.compare.happenings import DateRule, date_pairs, earlier_instance, happening_findings, kinds
from consistency.compare.timeline import anchor_kind, compare_timeline, dates_no_happening
from consistency.extract.time.extract import find_times
from consistency.records import Attribution, Claim, Entity


def claim(cid: str, text: str, *, outlet: str, day: int = 13, frames: dict[str, tuple[str | None, tuple[str, ...]]],
          people: tuple[str, ...] = ()) -> Claim:
    """A claim whose dates carry the happening and participants given in ``frames`` (date text -> frame)."""
    published = datetime(2026, 3, day, 9, tzinfo=timezone.utc)
    times = tuple(replace(t, event=frames.get(t.text, (None, ()))[0], about=frames.get(t.text, (None, ()))[1])
                  for t in find_times(text, published.date()))
    entities = tuple(Entity(p, text.index(p), text.index(p) + len(p), "PERSON", "per:" + p.split()[-1].casefold())
                     for p in people)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 times=times, entities=entities, story_id="s1")


def rows(*claims: Claim) -> list:
    return [f for r, c in enumerate(claims) for f in facts_of(r, c)]


def found(*claims: Claim, similarity: float = 0.5, rule: DateRule = DateRule(6, 0.2)) -> list[tuple[str, str]]:
    """The (earlier value, later value) of each timeline finding."""
    return [(f.value_a, f.value_b) for f, _ in happening_findings(rows(*claims), lambda r, s: similarity, rule)]


APPROVED = claim("a#1", "The council approved the budget on Tuesday.", outlet="A",
                 frames={"Tuesday": ("approve", ("council", "budget"))})
VOTED = claim("b#1", "On Wednesday the council voted 7-2 for the spending plan.", outlet="B",
              frames={"Wednesday": ("vote", ("council", "plan"))})


def test_happenings_one_vote_named_by_two_verbs_dated_two_days():
    assert found(APPROVED, VOTED) == [("Tuesday", "Wednesday")]


def test_happenings_different_kinds_of_happening_are_not_paired():
    visited = claim("b#1", "The mayor visited the council on Wednesday.", outlet="B",
                    frames={"Wednesday": ("visit", ("mayor", "council"))})
    assert found(APPROVED, visited) == []


def test_happenings_an_outlet_that_also_gives_the_other_day_is_not_disagreeing():
    # B's article dates the same vote Tuesday elsewhere: its Wednesday is another happening.
    also = claim("b#2", "The council first voted on the budget on Tuesday.", outlet="B",
                 frames={"Tuesday": ("vote", ("council", "budget"))})
    assert found(APPROVED, VOTED, also) == []


def test_happenings_a_sentence_that_gives_both_days_is_not_disagreeing():
    both = claim("b#1", "The council voted on Wednesday to print the budget it approved on Tuesday.", outlet="B",
                 frames={"Wednesday": ("vote", ("council",)), "Tuesday": ("approve", ("council", "budget"))})
    assert found(APPROVED, both) == []


def test_happenings_the_happening_name_alone_is_no_shared_participant():
    a = claim("a#1", "The hearing on Tuesday ran late.", outlet="A", frames={"Tuesday": ("run", ("hearing",))})
    b = claim("b#1", "A second hearing was held Thursday.", outlet="B", frames={"Thursday": ("hold", ("hearing",))})
    other = claim("b#2", "The hearing on Tuesday heard four witnesses.", outlet="B",
                  frames={"Tuesday": ("hear", ("hearing", "witness"))})
    assert found(a, b, other) == []


def test_happenings_a_sole_happening_named_by_its_noun_alone_is_paired():
    a = claim("a#1", "The runoff will be held in mid May.", outlet="A", frames={"mid May": ("hold", ("runoff", "election"))})
    b = claim("b#1", "The election would be held on April 30.", outlet="B",
              frames={"April 30": ("hold", ("election",))})
    assert found(a, b) == [("mid May", "April 30")]


def test_happenings_a_year_range_shifted_by_one_is_one_finding():
    a = claim("a#1", "Okafor, who chaired the board from 1991 to 1999, retired.", outlet="A", people=("Okafor",),
              frames={"1991": ("chair", ("board",)), "1999": ("chair", ("board",))})
    b = claim("b#1", "Okafor ran the agency from 1990 to 1998.", outlet="B", people=("Okafor",),
              frames={"1990": ("run", ("agency",)), "1998": ("run", ("agency",))})
    assert found(a, b) == [("1991", "1990")]


def test_happenings_a_range_of_other_people_is_not_paired():
    a = claim("a#1", "Okafor chaired the board from 1991 to 1999.", outlet="A", people=("Okafor",),
              frames={"1991": ("chair", ("board",)), "1999": ("chair", ("board",))})
    b = claim("b#1", "Lindqvist ran the agency from 1990 to 1998.", outlet="B", people=("Lindqvist",),
              frames={"1990": ("run", ("agency",)), "1998": ("run", ("agency",))})
    assert found(a, b) == []


def test_happenings_the_rule_drops_days_far_apart_and_unlike_claims():
    monday = claim("b#1", "On Monday the council voted for the spending plan.", outlet="B", day=16,
                   frames={"Monday": ("vote", ("council", "plan"))})
    assert len(date_pairs(rows(APPROVED, monday), lambda r, s: 0.5)) == 1
    assert found(APPROVED, monday, rule=DateRule(max_day_gap=1)) == []
    assert found(APPROVED, VOTED, similarity=0.1) == []


def test_happenings_a_light_verb_lets_its_noun_name_the_happening():
    held = claim("a#1", "The vote was held on Friday.", outlet="A", frames={"Friday": ("hold", ("vote",))})
    said = claim("a#2", "The mayor praised the vote, calling it a fine example of how a small town can work, "
                 "in a letter on Friday.", outlet="A", frames={"Friday": ("praise", ("mayor", "vote"))})
    assert kinds(facts_of(0, held)[0]) == {"vote"}
    assert kinds(facts_of(1, said)[0]) == frozenset()


LIKE_A = "Senators kept up pressure on the mayor Sunday over his remark about the city budget deficit and the harbour bridge repairs."
LIKE_B = "Governors offered reactions to the mayor on Friday over his remark about the city budget deficit and the harbour bridge repairs."


def test_timeline_like_sentences_dating_other_happenings_are_not_compared():
    a = claim("a#1", LIKE_A, outlet="A", frames={"Sunday": ("keep", ("senator", "pressure"))})
    b = claim("b#1", LIKE_B, outlet="B", frames={"Friday": ("offer", ("governor", "reaction"))})
    assert compare_timeline(a, b, 0.9, None) is None


def test_timeline_like_sentences_dating_one_happening_still_conflict():
    a = claim("a#1", LIKE_A, outlet="A", frames={"Sunday": ("keep", ("senator", "pressure"))})
    b = claim("b#1", LIKE_A.replace("Sunday", "on Friday"), outlet="B",
              frames={"Friday": ("keep", ("senator", "pressure"))})
    found = compare_timeline(a, b, 0.9, None)
    assert found is not None and (found.value_a, found.value_b) == ("Sunday", "Friday")



def test_happenings_a_span_counted_from_another_happening_is_not_set_against_the_calendar():
    # "nine days earlier" counts from whatever the article last dated, not from the day of writing:
    # read from the 5th it would fall last month, against "earlier this month".
    earlier = claim("a#1", "The council approved the budget nine days earlier.", outlet="A", day=5,
                    frames={"nine days earlier": ("approve", ("council", "budget"))})
    this_month = claim("b#1", "The council approved the budget earlier this month.", outlet="B", day=5,
                       frames={"earlier this month": ("approve", ("council", "budget"))})
    assert found(earlier, this_month) == []


def test_timeline_anchor_kind_tells_spans_from_a_happening_from_words_of_the_writing_day():
    days = find_times("He left three days ago and came back a week later.", datetime(2026, 3, 13).date())
    assert [(t.text, anchor_kind(t)) for t in days] == [("three days ago", "other"), ("a week later", "anaphoric")]


def _vectors(similarity: float):
    """Meaning vectors of two claims (rows 0 and 1) at the given cosine."""
    import numpy as np

    vecs = np.array([[1.0, 0.0], [similarity, (1 - similarity ** 2) ** 0.5]])
    return lambda rows: vecs[list(rows)]


def test_dates_of_one_happening_reach_the_default_check_above_the_bar():
    from consistency.compare.figures import surest_findings

    got = surest_findings({0: APPROVED, 1: VOTED}, _vectors(0.5), happening_bar=0.6, figure_bar=None)
    assert [(f.type, f.value_a, f.value_b) for f, _ in got["s1"]] == [("timeline", "Tuesday", "Wednesday")]
    # scores .75 at this cosine
    assert surest_findings({0: APPROVED, 1: VOTED}, _vectors(0.5), happening_bar=0.8, figure_bar=None) == {}
    assert surest_findings({0: APPROVED, 1: VOTED}, _vectors(0.5), happening_bar=None, figure_bar=None) == {}



def test_happenings_a_date_of_an_earlier_happening_of_the_kind_is_not_paired():
    previous = claim("b#1", "The previous budget was approved by the council in late February.", outlet="B",
                     frames={"late February": ("approve", ("budget", "council"))})
    plain = claim("b#1", "The council approved the budget in late February.", outlet="B",
                  frames={"late February": ("approve", ("council", "budget"))})
    assert found(APPROVED, plain) == [("Tuesday", "late February")]
    assert found(APPROVED, previous) == []
    also_previous = claim("a#1", "The previous budget was approved by the council in early February.", outlet="A",
                          frames={"early February": ("approve", ("budget", "council"))})
    assert found(also_previous, previous) == [("early February", "late February")]


def test_happenings_last_in_a_time_expression_marks_no_earlier_happening():
    last_week = claim("b#1", "The council approved the budget last week.", outlet="B",
                      frames={"last week": ("approve", ("council", "budget"))})
    last_such = claim("b#1", "The last such budget was approved in early March.", outlet="B",
                      frames={"early March": ("approve", ("budget",))})
    assert [earlier_instance(f) for f in facts_of(0, last_week) + facts_of(1, last_such)] == [False, True]


SIGNED_TWO = claim("a#1", "The club signed Okoro on Tuesday and Barros today.", outlet="A",
                   frames={"Tuesday": ("sign", ("club", "okoro")), "today": ("sign", ("club", "okoro"))})


def test_happenings_a_sentence_dating_two_happenings_of_a_kind_is_not_set_against_the_other_one():
    # B dates the signing A gives "today" (the 13th); A's Tuesday is the other signing.
    friday = claim("b#1", "The club signed Barros on Friday.", outlet="B", day=14,
                   frames={"Friday": ("sign", ("club", "barros"))})
    assert found(SIGNED_TWO, friday) == []


def test_happenings_a_sentence_dating_one_happening_of_a_kind_is_still_paired():
    one = claim("a#1", "The club signed Barros on Tuesday.", outlet="A", frames={"Tuesday": ("sign", ("club", "barros"))})
    friday = claim("b#1", "The club signed Barros on Friday.", outlet="B", day=14,
                   frames={"Friday": ("sign", ("club", "barros"))})
    assert found(one, friday) == [("Tuesday", "Friday")]


def test_happenings_a_charge_and_an_acquittal_are_two_steps_of_a_case():
    acquitted = claim("a#1", "Ruiz was acquitted in 2019 on charges of fraud.", outlet="A", people=("Ruiz",),
                      frames={"2019": ("acquit", ("ruiz", "charge"))})
    charged = claim("b#1", "In 2018 Ruiz was charged with fraud.", outlet="B", people=("Ruiz",),
                    frames={"2018": ("charge", ("ruiz", "fraud"))})
    convicted = claim("b#1", "Ruiz was convicted in 2018 of fraud.", outlet="B", people=("Ruiz",),
                      frames={"2018": ("convict", ("ruiz", "fraud"))})
    assert kinds(facts_of(0, acquitted)[0]) == {"acquit"}
    assert found(acquitted, charged) == [] and found(acquitted, convicted) == []
    acquitted_later = claim("b#1", "Ruiz was acquitted in 2020 on charges of fraud.", outlet="B", people=("Ruiz",),
                            frames={"2020": ("acquit", ("ruiz", "charge"))})
    assert found(acquitted, acquitted_later) == [("2019", "2020")]


def test_happenings_a_span_holding_the_rows_own_day_dates_no_second_happening():
    # "earlier this week" holds the Friday too: the sentence dates one signing, set against B's Thursday.
    spanning = claim("a#1", "The club signed Barros on Friday after talks earlier this week.", outlet="A", day=14,
                     frames={"Friday": ("sign", ("club", "barros")), "earlier this week": ("sign", ("club", "barros"))})
    thursday = claim("b#1", "The club signed Barros on Thursday.", outlet="B", day=13,
                     frames={"Thursday": ("sign", ("club", "barros"))})
    assert found(thursday, spanning) == [("Thursday", "Friday")]


def test_happenings_a_noun_qualified_alike_names_one_happening_beside_others_of_its_kind():
    a = claim("a#1", "The clash Tuesday night was a test for the county mayoral debate.", outlet="A",
              frames={"Tuesday night": ("be", ("clash", "debate"))})
    a_other = claim("a#2", "The state senate debates will follow on March 20.", outlet="A",
                    frames={"March 20": ("follow", ("debate",))})
    b = claim("b#1", "The county mayoral debate on Thursday drew a large crowd.", outlet="B",
              frames={"Thursday": ("draw", ("debate", "crowd"))})
    assert found(a, a_other, b, rule=DateRule(2, -1.0)) == [("Tuesday night", "Thursday")]
    # named otherwise, the article's other debate leaves the noun no single happening to name
    plain = claim("b#1", "The debate on Thursday drew a large crowd.", outlet="B",
                  frames={"Thursday": ("draw", ("debate", "crowd"))})
    assert found(a, a_other, plain, rule=DateRule(2, -1.0)) == []


def test_happenings_clock_times_of_one_day_differ_beyond_their_hedges():
    a = claim("a#1", "Kerr was arrested at 10 p.m. Saturday.", outlet="A", people=("Kerr",),
              frames={"10 p.m. Saturday": ("arrest", ("kerr",))})
    b = claim("b#1", "Kerr was arrested at 11:30 p.m. Saturday.", outlet="B", people=("Kerr",),
              frames={"11:30 p.m. Saturday": ("arrest", ("kerr",))})
    assert found(a, b) == [("10 p.m. Saturday", "11:30 p.m. Saturday")]


def test_happenings_about_a_clock_time_allows_a_few_minutes():
    a = claim("a#1", "Police arrested Kerr about 10 p.m. Saturday.", outlet="A", people=("Kerr",),
              frames={"about 10 p.m. Saturday": ("arrest", ("kerr",))})
    b = claim("b#1", "Kerr was taken into custody at 10:10 p.m. Saturday.", outlet="B", people=("Kerr",),
              frames={"10:10 p.m. Saturday": ("take", ("custody", "kerr"))})
    assert found(a, b) == []


def test_happenings_two_hedged_clock_times_that_only_touch_differ():
    # "about 2:40" allows 2:30-2:50 and "about 3" 2:50-3:10: spans that only touch, so the outlets disagree
    a = claim("a#1", "The shooting started about 2:40 p.m. Saturday.", outlet="A",
              frames={"about 2:40 p.m. Saturday": ("start", ("shooting",))})
    b = claim("b#1", "The shooting started about 3 p.m. Saturday.", outlet="B",
              frames={"about 3 p.m. Saturday": ("start", ("shooting",))})
    assert found(a, b) == [("about 2:40 p.m. Saturday", "about 3 p.m. Saturday")]


def test_happenings_just_before_the_hour_agrees_with_a_time_some_minutes_earlier():
    a = claim("a#1", "The shooting started just before 4 p.m. Saturday.", outlet="A",
              frames={"4 p.m. Saturday": ("start", ("shooting",))})
    b = claim("b#1", "The shooting started around 3:40 p.m. Saturday.", outlet="B",
              frames={"around 3:40 p.m. Saturday": ("start", ("shooting",))})
    assert found(a, b) == []


def test_happenings_a_clock_time_with_its_zone_is_not_compared():
    # "7 p.m. local time" may be the other outlet's "10 p.m." in its own zone
    a = claim("a#1", "Kerr was arrested at 7 p.m. local time Saturday.", outlet="A", people=("Kerr",),
              frames={"7 p.m. local time Saturday": ("arrest", ("kerr",))})
    b = claim("b#1", "Kerr was arrested at 10 p.m. Saturday.", outlet="B", people=("Kerr",),
              frames={"10 p.m. Saturday": ("arrest", ("kerr",))})
    assert found(a, b) == []


def test_happenings_an_opening_after_phrase_dates_its_own_happening():
    # the date closes "After Kerr's arrest on ...": it dates the arrest, not what police said
    a = claim("a#1", "Deputies took Kerr into custody by the lake around 11 p.m. Saturday.", outlet="A", day=16,
              people=("Kerr",), frames={"around 11 p.m. Saturday": ("take", ("custody", "kerr", "lake"))})
    b = claim("b#1", "After Kerr's arrest on Sunday morning, detectives said he had hidden the rifle.", outlet="B",
              day=16, people=("Kerr",), frames={"Sunday morning": ("say", ("detective",))})
    assert found(a, b) == [("around 11 p.m. Saturday", "Sunday morning")]


def test_happenings_the_story_happening_named_by_two_general_nouns_is_one():
    # a clock time with no day of its own takes the day of the happening it times
    a = claim("a#1", "Witnesses said the incident started around 2:35 p.m.", outlet="A", day=16,
              frames={"around 2:35 p.m.": ("start", ("incident", "witness"))})
    b = claim("b#1", "The sheriff said the rampage began about 3 p.m. at the plant.", outlet="B", day=17,
              frames={"about 3 p.m.": ("begin", ("rampage", "sheriff"))})
    assert found(a, b) == [("around 2:35 p.m.", "about 3 p.m.")]


def test_happenings_a_general_noun_with_other_verbs_is_no_story_happening():
    a = claim("a#1", "The incident began about 2:35 p.m. Saturday.", outlet="A",
              frames={"about 2:35 p.m. Saturday": ("begin", ("incident",))})
    b = claim("b#1", "The standoff ended about 6 p.m. Saturday.", outlet="B",
              frames={"about 6 p.m. Saturday": ("end", ("standoff",))})
    assert found(a, b) == []


SHOT_ABOUT = claim("a#1", "The shooting happened about 9:30 p.m. Friday.", outlet="A",
                   frames={"about 9:30 p.m. Friday": ("happen", ("shooting",))})


def test_happenings_a_day_alone_in_the_other_sentence_does_not_settle_two_clock_times():
    # "Friday night" gives the day both outlets agree on; it says nothing of 9:30 against just after 10
    b = claim("b#1", "The shooting occurred shortly after 10 p.m. on Elm Street, where a boy was hurt Friday night.",
              outlet="B", frames={"shortly after 10 p.m.": ("occur", ("shooting", "street")),
                                  "Friday night": ("hurt", ("boy",))})
    assert found(SHOT_ABOUT, b) == [("about 9:30 p.m. Friday", "shortly after 10 p.m.")]


def test_happenings_a_day_alone_elsewhere_in_the_other_article_is_no_echo_of_a_clock_time():
    b = claim("b#1", "The shooting happened shortly after 10 p.m. Friday.", outlet="B",
              frames={"shortly after 10 p.m. Friday": ("happen", ("shooting",))})
    also = claim("b#2", "The shooting occurred Friday on a quiet block.", outlet="B",
                 frames={"Friday": ("occur", ("shooting", "block"))})
    assert len(found(SHOT_ABOUT, b, also)) == 1


def test_happenings_a_sentence_giving_both_clock_times_is_not_disagreeing():
    b = claim("b#1", "The shooting happened shortly after 10 p.m. Friday, after a first call at about 9:30 p.m. Friday.",
              outlet="B", frames={"shortly after 10 p.m. Friday": ("happen", ("shooting",)),
                                  "about 9:30 p.m. Friday": ("come", ("call",))})
    assert found(SHOT_ABOUT, b) == []


def test_happenings_the_period_of_a_running_tally_dates_no_happening():
    # "in February alone" is the span a count is totted up over, not the day of the killing A reports
    day = claim("a#1", "Three people were killed on Saturday in the old harbour district.", outlet="A", day=21,
                frames={"Saturday": ("kill", ("people",))})
    month = claim("b#1", "Some 40 people have been killed across the county in February alone.", outlet="B", day=23,
                  frames={"February": ("kill", ("people",))})
    assert found(day, month) == []
    plain = claim("b#1", "Some 40 people have been killed across the county in February.", outlet="B", day=23,
                  frames={"February": ("kill", ("people",))})
    assert found(day, plain) == [("Saturday", "February")]


def said_by(c: Claim, source: str) -> Claim:
    """The claim attributed to a named person."""
    return replace(c, attribution=Attribution(source=source, source_kind="named", cue="said"))


POLICE_TIME = said_by(claim("b#1", "Sheriff Tom Lane said the shooting happened around 4:20 p.m. Saturday.", outlet="B",
                            frames={"around 4:20 p.m. Saturday": ("happen", ("shooting",))}), "Sheriff Tom Lane")


def test_happenings_a_witness_round_time_that_only_touches_is_no_dispute():
    # a neighbour's "around 4" is a time recalled and rounded, not read off a log
    a = said_by(claim("a#1", "Nora Reyes said the shooting happened around 4 p.m. Saturday.", outlet="A",
                      frames={"around 4 p.m. Saturday": ("happen", ("shooting",))}), "Nora Reyes")
    assert found(a, POLICE_TIME) == []


def test_happenings_an_official_round_time_that_only_touches_still_differs():
    a = said_by(claim("a#1", "Chief Ann Ruiz said the shooting happened around 4 p.m. Saturday.", outlet="A",
                      frames={"around 4 p.m. Saturday": ("happen", ("shooting",))}), "Chief Ann Ruiz")
    assert found(a, POLICE_TIME) == [("around 4 p.m. Saturday", "around 4:20 p.m. Saturday")]


def test_happenings_a_witness_round_time_far_off_still_differs():
    a = said_by(claim("a#1", "Nora Reyes said the shooting happened around 3 p.m. Saturday.", outlet="A",
                      frames={"around 3 p.m. Saturday": ("happen", ("shooting",))}), "Nora Reyes")
    assert found(a, POLICE_TIME) == [("around 3 p.m. Saturday", "around 4:20 p.m. Saturday")]


def test_happenings_two_shootings_on_two_streets_are_two_happenings():
    # a round-up: each outlet times a different shooting of the weekend
    a = claim("a#1", "The shooting happened about 6 p.m. Saturday in the 1400 block of West Elm Place.", outlet="A",
              frames={"about 6 p.m. Saturday": ("happen", ("shooting",))})
    b = claim("b#1", "The shooting occurred around 4:25 p.m. Saturday in the 400 block of Oak Street.", outlet="B",
              frames={"around 4:25 p.m. Saturday": ("occur", ("shooting",))})
    assert found(a, b) == []


def test_happenings_one_street_named_two_ways_is_one_happening():
    a = claim("a#1", "The shooting happened about 9:30 p.m. Saturday at 48 Elm St.", outlet="A",
              frames={"about 9:30 p.m. Saturday": ("happen", ("shooting",))})
    b = claim("b#1", "The shooting occurred shortly after 10 p.m. Saturday in a home on Elm Street.", outlet="B",
              frames={"shortly after 10 p.m. Saturday": ("occur", ("shooting",))})
    assert found(a, b) == [("about 9:30 p.m. Saturday", "shortly after 10 p.m. Saturday")]


def test_happenings_a_live_update_time_stamp_dates_no_happening():
    stamp = claim("a#1", "9:40 p.m.: Update, the shooting left two hurt.", outlet="A",
                  frames={"9:40 p.m.": ("leave", ("shooting",))})
    timed = claim("a#1", "At 9:40 p.m. the shooting left two hurt.", outlet="A",
                  frames={"9:40 p.m.": ("leave", ("shooting",))})
    assert rows(stamp) == []
    assert [f.slot.text for f in rows(timed)] == ["9:40 p.m."]


def test_happenings_the_day_the_shooting_took_place_against_the_day_a_victim_was_shot():
    a = claim("a#1", "Police said the attack took place on Tuesday.", outlet="A",
              frames={"Tuesday": ("take", ("attack", "place"))})
    b = claim("b#1", "A boy was shot at the park on Wednesday.", outlet="B", frames={"Wednesday": ("shoot", ("boy", "park"))})
    assert found(a, b) == [("Tuesday", "Wednesday")]


def test_happenings_a_separate_shooting_is_not_the_story_shooting():
    a = claim("a#1", "Police said the attack took place on Tuesday.", outlet="A",
              frames={"Tuesday": ("take", ("attack", "place"))})
    b = claim("b#1", "In a separate case, a boy was shot at the park on Wednesday.", outlet="B",
              frames={"Wednesday": ("shoot", ("boy", "park"))})
    assert found(a, b) == []


def test_happenings_a_weekday_against_a_date_on_that_weekday_is_one_day():
    # "Friday" read against the wrong week is still the Friday the other outlet dates
    a = claim("a#1", "The shooting happened Friday.", outlet="A", frames={"Friday": ("happen", ("shooting",))})
    b = claim("b#1", "A man was shot on March 6.", outlet="B", frames={"March 6": ("shoot", ("man",))})
    assert a.times[0].value != "2026-03-06"
    assert found(a, b, rule=DateRule(7, 0.2)) == []


def test_happenings_two_clock_times_of_one_day_need_more_than_the_shooting_verb_in_a_round_up():
    # a victim shot at 11:30 in a report that times another victim at 9 p.m. is one of several shot that evening
    a = claim("a#1", "The shooting happened about 10 p.m. Tuesday.", outlet="A",
              frames={"about 10 p.m. Tuesday": ("happen", ("shooting",))})
    b = claim("b#1", "A boy was shot at 11:30 p.m. Tuesday.", outlet="B",
              frames={"11:30 p.m. Tuesday": ("shoot", ("boy",))})
    other = claim("b#2", "A woman was shot at 9 p.m. Tuesday.", outlet="B",
                  frames={"9 p.m. Tuesday": ("shoot", ("woman",))})
    assert found(a, b, other) == []
    assert found(a, b) == [("about 10 p.m. Tuesday", "11:30 p.m. Tuesday")]  # each report times one shooting


def test_happenings_an_earlier_shooting_of_the_day_recalled_is_not_the_story_shooting():
    a = claim("a#1", "Earlier Friday, a passing cyclist, 40, was shot on Elm Road around 6:10 a.m., a deputy told us.",
              outlet="A", frames={"around 6:10 a.m.": ("shoot", ("man", "road")),
                                  "Earlier Friday": ("shoot", ("man", "road"))})
    b = claim("b#1", "A man was shot on Elm Road around 3:40 p.m., a deputy told us.", outlet="B",
              frames={"around 3:40 p.m.": ("shoot", ("man", "road"))})
    c = claim("c#1", "A man was shot on Elm Road around 6:10 a.m., a deputy told us.", outlet="C",
              frames={"around 6:10 a.m.": ("shoot", ("man", "road"))})
    assert found(a, b) == []
    assert found(c, b) != []  # the same two times, neither recalled as another incident


def test_one_reader_tells_of_another_incident_for_ages_and_dates():
    from consistency.compare.base import tells_of_another_incident
    assert tells_of_another_incident("In a separate shooting, a woman, 30, was hurt.")
    assert tells_of_another_incident("A man was killed last spring at the same corner.")
    assert tells_of_another_incident("Hours before, a van was set alight two streets away.")
    assert not tells_of_another_incident("The shooting took place last month, police said.")
    assert not tells_of_another_incident("Earlier reports gave the time as 2 p.m.")


def test_one_reader_tells_of_a_happening_it_doubts_is_the_story_one():
    from consistency.compare.base import tells_of_another_incident
    assert tells_of_another_incident("A man was hurt on Oak Lane at 9 p.m., though it is unclear if that is the "
                                     "incident in question.")
    assert tells_of_another_incident("It was not clear whether the two shootings were related.")
    assert not tells_of_another_incident("It is unclear why the gunman opened fire.")


def test_happenings_a_shooting_doubted_to_be_the_story_one_is_not_paired():
    a = claim("a#1", "The shooting happened around 4 p.m. Thursday on Oak Lane.", outlet="A",
              frames={"around 4 p.m. Thursday": ("happen", ("shooting", "oak", "lane"))})
    doubted = claim("b#1", "A man was shot in a hallway Wednesday, though it is unclear if that is the incident in "
                    "question.", outlet="B", frames={"Wednesday": ("shoot", ("man", "hallway"))})
    plain = claim("c#1", "A man was shot in a hallway Wednesday.", outlet="C",
                  frames={"Wednesday": ("shoot", ("man", "hallway"))})
    assert found(a, doubted) == []
    assert found(a, plain) == [("around 4 p.m. Thursday", "Wednesday")]


def test_happenings_a_possessive_day_dates_the_happening_it_names():
    c = claim("a#1", "Friday's shooting was the third on the block.", outlet="A", frames={"Friday": ("be", ("block",))})
    assert kinds(rows(c)[0]) == frozenset({"attack"})


def test_happenings_a_shooting_dated_beside_the_story_one_named_by_its_day_is_another():
    # 13 March 2026 is a Friday: the sentence names the story's shooting by that day, then an older one.
    a = claim("a#1", "The shooting happened about 7 p.m. near the bakery.", outlet="A",
              frames={"about 7 p.m.": ("happen", ("shooting", "bakery"))})
    beside = claim("b#1", "Friday's shooting was close to Elm Avenue, where two brothers were shot last month.",
                   outlet="B", frames={"Friday": ("be", ("avenue",)), "last month": ("shoot", ("brother",))})
    alone = claim("c#1", "Two brothers were shot near Elm Avenue last month.", outlet="C",
                  frames={"last month": ("shoot", ("brother", "avenue"))})
    assert found(a, beside) == []
    assert found(a, alone) == [("about 7 p.m.", "last month")]


OCCURRED_ON_ELM = claim("b#1", "The shooting occurred around 12:40 p.m. Friday on Elm Avenue near Pine Street.", outlet="B",
                        frames={"around 12:40 p.m. Friday": ("occur", ("shooting", "elm", "avenue"))})


def test_happenings_one_shooting_at_one_street_timed_under_verbs_of_no_common_kind():
    a = claim("a#1", "Officers were alerted to a shooting inside 12 Elm Avenue at 12:05 a.m. Friday.", outlet="A",
              frames={"12:05 a.m. Friday": ("alert", ("shooting",))})
    assert found(a, OCCURRED_ON_ELM) == [("12:05 a.m. Friday", "around 12:40 p.m. Friday")]


def test_happenings_a_clock_time_at_the_street_that_tells_of_no_shooting_is_not_paired():
    a = claim("a#1", "Officers cleared the crowd from 12 Elm Avenue at 3 a.m. Friday.", outlet="A",
              frames={"3 a.m. Friday": ("clear", ("crowd",))})
    assert found(a, OCCURRED_ON_ELM) == []


def test_happenings_two_shooting_sentences_naming_no_street_in_common_are_not_paired():
    a = claim("a#1", "Officers were alerted to a shooting on a quiet cul-de-sac at 12:05 a.m. Friday.", outlet="A",
              frames={"12:05 a.m. Friday": ("alert", ("shooting",))})
    assert found(a, OCCURRED_ON_ELM) == []


def test_happenings_a_call_told_to_an_emergency_line_is_set_against_the_call_answered():
    a = claim("a#1", "A woman phoning 911 told the sheriff's office early Monday afternoon that her cousin had been shot.",
              outlet="A", frames={"early Monday afternoon": ("tell", ("woman", "office"))})
    b = claim("b#1", "Deputies responded to a call early Tuesday afternoon at a farmhouse near the river.", outlet="B",
              frames={"early Tuesday afternoon": ("respond", ("deputy", "call", "farmhouse"))})
    assert found(a, b) == [("early Monday afternoon", "early Tuesday afternoon")]


def test_happenings_a_statement_told_to_reporters_is_no_row():
    a = claim("a#1", "The sheriff told reporters on Monday that the cousin had been shot.", outlet="A",
              frames={"Monday": ("tell", ("sheriff", "reporter"))})
    assert rows(a) == []


def test_happenings_a_shooting_reported_before_a_time_is_not_done_after_it():
    a = claim("a#1", "The shooting was reported at a farmhouse near the river before 7 a.m. Monday.", outlet="A",
              frames={"7 a.m. Monday": ("say", ("farmhouse",))})
    b = claim("b#1", "The shooting happened around 7:40 a.m. Monday at the farmhouse.", outlet="B",
              frames={"around 7:40 a.m. Monday": ("happen", ("shooting", "farmhouse"))})
    assert len(found(a, b)) == 1


def test_happenings_a_shooting_reported_after_it_was_done_is_no_finding():
    a = claim("a#1", "The shooting was reported at a farmhouse near the river at 8:10 a.m. Monday.", outlet="A",
              frames={"8:10 a.m. Monday": ("report", ("shooting", "farmhouse"))})
    b = claim("b#1", "The shooting happened around 7:40 a.m. Monday at the farmhouse.", outlet="B",
              frames={"around 7:40 a.m. Monday": ("happen", ("shooting", "farmhouse"))})
    assert found(a, b) == []


def test_happenings_late_in_a_morning_is_no_night_before_the_next_morning():
    a = claim("a#1", "The council approved the budget late Monday morning.", outlet="A",
              frames={"late Monday morning": ("approve", ("council", "budget"))})
    b = claim("b#1", "On Tuesday morning the council voted for the spending plan.", outlet="B",
              frames={"Tuesday morning": ("vote", ("council", "plan"))})
    assert found(a, b) == [("late Monday morning", "Tuesday morning")]


def test_happenings_just_before_a_clock_time_of_a_named_day_is_that_day():
    # "just before 2 a.m. Sunday" bounds the time, not the day: it is Sunday, set against "about 2:40 a.m. Sunday"
    a = claim("a#1", "The attack happened, the desk sergeant said, just before 2 a.m. Sunday near the river.", outlet="A",
              frames={"2 a.m. Sunday": ("happen", ("attack",))})
    b = claim("b#1", "Tova Lind, 30, was the victim of a homicide that occurred at about 2:40 a.m. Sunday.", outlet="B",
              frames={"about 2:40 a.m. Sunday": ("occur", ("homicide",))})
    assert a.times[0].mod == "BEFORE"
    assert found(a, b) == [("2 a.m. Sunday", "about 2:40 a.m. Sunday")]


def test_happenings_just_before_a_clock_time_of_a_named_day_agrees_with_a_time_inside_its_hedge():
    a = claim("a#1", "The attack happened, the desk sergeant said, just before 2 a.m. Sunday near the river.", outlet="A",
              frames={"2 a.m. Sunday": ("happen", ("attack",))})
    b = claim("b#1", "The homicide occurred at about 1:50 a.m. Sunday.", outlet="B",
              frames={"about 1:50 a.m. Sunday": ("occur", ("homicide",))})
    assert found(a, b) == []


def test_happenings_a_scene_broken_in_on_by_the_shooting_dates_the_shooting():
    # the time hangs on "were sitting", but the clause after it says what happened then
    a = claim("a#1", "Brin Oakes and her brother were sitting on the porch on March 9 when someone opened fire.",
              outlet="A", frames={"March 9": ("sit", ("porch",))})
    b = claim("b#1", "The shooting happened on March 11 outside the family home.", outlet="B",
              frames={"March 11": ("happen", ("shooting",))})
    assert found(a, b) == [("March 9", "March 11")]


def test_happenings_a_scene_with_no_happening_after_it_dates_nothing_of_the_story():
    a = claim("a#1", "Brin Oakes and her brother were sitting on the porch on March 9 when a neighbour waved.",
              outlet="A", frames={"March 9": ("sit", ("porch",))})
    b = claim("b#1", "The shooting happened on March 11 outside the family home.", outlet="B",
              frames={"March 11": ("happen", ("shooting",))})
    assert found(a, b) == []


def test_happenings_that_night_is_counted_from_the_narrative_not_the_calendar():
    a = claim("a#1", "Ola Wren was at the club this weekend when a gunman started shooting.", outlet="A",
              frames={"this weekend": ("be", ("club",))})
    b = claim("b#1", "Others who were shot that night are still in hospital.", outlet="B",
              frames={"that night": ("shoot", ("other",))})
    assert anchor_kind(b.times[0]) == "anaphoric"
    assert found(a, b) == []


AFTERNOON = claim("a#1", "The shooting happened Thursday afternoon on Birch Lane.", outlet="A",
                  frames={"Thursday afternoon": ("happen", ("shooting",))})


def test_happenings_the_story_shooting_in_two_parts_of_one_day_differs():
    b = claim("b#1", "Police are looking into the shooting of a boy that occurred Thursday night.", outlet="B",
              frames={"Thursday night": ("occur", ("boy",))})
    assert found(AFTERNOON, b) == [("Thursday afternoon", "Thursday night")]


def test_happenings_a_clock_time_outside_the_part_of_the_day_differs():
    b = claim("b#1", "The shooting happened around 9 p.m. Thursday.", outlet="B",
              frames={"around 9 p.m. Thursday": ("happen", ("shooting",))})
    c = claim("c#1", "The shooting happened around 4:30 p.m. Thursday.", outlet="C",
              frames={"around 4:30 p.m. Thursday": ("happen", ("shooting",))})
    assert found(AFTERNOON, b) == [("Thursday afternoon", "around 9 p.m. Thursday")]
    assert found(AFTERNOON, c) == []


def test_happenings_evening_and_night_may_be_one_time():
    b = claim("b#1", "The shooting happened Thursday evening on Birch Lane.", outlet="B",
              frames={"Thursday evening": ("happen", ("shooting",))})
    c = claim("c#1", "The shooting happened Thursday night on Birch Lane.", outlet="C",
              frames={"Thursday night": ("happen", ("shooting",))})
    assert found(b, c) == []


def test_happenings_two_victims_shot_in_two_parts_of_a_day_are_not_set_against_each_other():
    # a round-up: one shot in the afternoon, others at night, each outlet telling of its own
    a = claim("a#1", "A man was shot on the east side Thursday afternoon.", outlet="A",
              frames={"Thursday afternoon": ("shoot", ("man", "side"))})
    b = claim("b#1", "Four people were shot on the north side Thursday night.", outlet="B",
              frames={"Thursday night": ("shoot", ("people", "side"))})
    assert found(a, b) == []


def _placed(c: Claim, *towns: str) -> Claim:
    """The claim with the towns it names as entities."""
    return replace(c, entities=c.entities + tuple(Entity(t, c.text.index(t), c.text.index(t) + len(t), "GPE",
                                                         "loc:" + t.casefold()) for t in towns))


SHOT_THURSDAY = claim("a#1", "Authorities say a girl died after she was shot Thursday evening.", outlet="A",
                      frames={"Thursday evening": ("shoot", ("she",))})
SHOT_FRIDAY = claim("b#1", "Police said student Vella Marsk was shot in the back Friday.", outlet="B",
                    frames={"Friday": ("shoot", ("vella", "marsk", "back"))}, people=("Vella Marsk",))


def test_happenings_the_one_attack_each_article_dates_is_paired_whoever_it_names():
    assert found(SHOT_THURSDAY, SHOT_FRIDAY) == [("Thursday evening", "Friday")]


def test_happenings_an_article_that_dates_attacks_on_two_days_is_not_read_as_one_attack():
    earlier = claim("b#2", "A man was shot two streets away on Tuesday.", outlet="B",
                    frames={"Tuesday": ("shoot", ("man",))})
    assert found(SHOT_THURSDAY, SHOT_FRIDAY, earlier) == []


def test_happenings_attacks_in_two_towns_are_two_attacks():
    a = _placed(claim("a#1", "A clerk was shot in Orrin Bay on Thursday.", outlet="A",
                      frames={"Thursday": ("shoot", ("clerk",))}), "Orrin Bay")
    b = _placed(claim("b#1", "A driver was shot in Pell Ridge on Friday.", outlet="B",
                      frames={"Friday": ("shoot", ("driver",))}), "Pell Ridge")
    assert found(a, b) == []


def test_happenings_a_weekend_does_not_date_one_attack_against_another():
    a = claim("a#1", "A father was shot and killed over the weekend.", outlet="A",
              frames={"the weekend": ("kill", ("father",))})
    b = claim("b#1", "A woman was shot and killed last week nearby.", outlet="B",
              frames={"last week": ("kill", ("woman",))})
    assert found(a, b) == []


def test_happenings_a_later_report_that_recalls_the_day_is_paired_past_the_window():
    a = claim("a#1", "The council approved the budget on Tuesday.", outlet="A", day=4,
              frames={"Tuesday": ("approve", ("council", "budget"))})
    b = claim("b#1", "On March 2 the council voted for the spending plan.", outlet="B", day=27,
              frames={"March 2": ("vote", ("council", "plan"))})
    assert found(a, b) == [("Tuesday", "March 2")]


def test_happenings_a_later_report_of_a_day_after_the_first_is_another_happening():
    a = claim("a#1", "The council approved the budget on Tuesday.", outlet="A", day=4,
              frames={"Tuesday": ("approve", ("council", "budget"))})
    b = claim("b#1", "On March 24 the council voted for the spending plan.", outlet="B", day=27,
              frames={"March 24": ("vote", ("council", "plan"))})
    assert found(a, b) == []


def test_happenings_a_round_up_timing_its_shootings_apart_tells_of_several():
    a = claim("a#1", "The teenager was shot in the arm about 11:40 a.m. on Friday.", outlet="A",
              frames={"about 11:40 a.m. on Friday": ("shoot", ("teenager", "arm"))})
    first = claim("b#1", "About 9:10 a.m. Friday, a woman was shot in the leg near the depot.", outlet="B",
                  frames={"About 9:10 a.m. Friday": ("shoot", ("woman", "leg"))})
    second = claim("b#2", "About 3:50 p.m. Friday, a cook was shot in the back near the mill.", outlet="B",
                   frames={"About 3:50 p.m. Friday": ("shoot", ("cook", "back"))})
    assert found(a, first, second) == []


def test_happenings_the_one_shooting_each_article_times_is_still_paired():
    a = claim("a#1", "The teenager was shot in the arm about 11:40 a.m. on Friday.", outlet="A",
              frames={"about 11:40 a.m. on Friday": ("shoot", ("teenager", "arm"))})
    b = claim("b#1", "About 3:50 p.m. Friday, a cook was shot in the back near the mill.", outlet="B",
              frames={"About 3:50 p.m. Friday": ("shoot", ("cook", "back"))})
    assert len(found(a, b)) == 1


def test_happenings_a_call_to_another_trouble_may_come_before_the_shooting():
    a = claim("a#1", "Deputies were called to a diner at 1:10 a.m. Monday because two cousins were quarrelling.",
              outlet="A", frames={"1:10 a.m. Monday": ("call", ("deputy", "diner"))})
    b = claim("b#1", "About 4:30 a.m. Monday, the older cousin was shot and killed.", outlet="B",
              frames={"About 4:30 a.m. Monday": ("shoot", ("cousin",))})
    assert found(a, b) == []


def test_happenings_a_call_to_a_neighbour_is_no_call_to_the_police():
    a = claim("a#1", "A farmer called 911 around 3:05 a.m. Monday and said he had shot his brother.", outlet="A",
              frames={"around 3:05 a.m. Monday": ("call", ("farmer",))})
    b = claim("b#1", "A neighbour said his cousin called him around 4 a.m. Monday about the patrol cars outside.",
              outlet="B", frames={"around 4 a.m. Monday": ("call", ("cousin",))})
    assert found(a, b) == []
    c = claim("c#1", "Deputies were called to the farm around 4 a.m. Monday.", outlet="C",
              frames={"around 4 a.m. Monday": ("call", ("deputy", "farm"))})
    assert len(found(a, c)) == 1


def test_happenings_the_police_responding_and_the_police_called_time_one_step():
    a = claim("a#1", "Deputies responded to a house in the 200 block of Quarry Lane around 9 p.m. Monday.", outlet="A",
              frames={"around 9 p.m. Monday": ("respond", ("deputy", "house"))})
    b = claim("b#1", "The sheriff's office got a call to a home in the 200 block of Quarry Lane shortly after 1 a.m. "
              "Tuesday.", outlet="B", frames={"shortly after 1 a.m. Tuesday": ("call", ("office", "home"))})
    assert len(found(a, b)) == 1


def test_happenings_police_called_out_in_two_towns_are_two_calls():
    a = _placed(claim("a#1", "Deputies responded to reports of gunfire in Orrin Bay at 1:40 a.m. Monday.", outlet="A",
                      frames={"1:40 a.m. Monday": ("respond", ("deputy", "report"))}), "Orrin Bay")
    b = _placed(claim("b#1", "Around 7 p.m. Sunday, officers were called to a shooting in Pell Ridge.", outlet="B",
                      frames={"Around 7 p.m. Sunday": ("call", ("officer",))}), "Pell Ridge")
    assert found(a, b) == []


def test_happenings_a_call_for_the_shooting_the_day_before_it_was_done_differs():
    a = claim("a#1", "Police were called to a flat on Quarry Lane at 12:20 a.m. Monday for a man with a gunshot wound.",
              outlet="A", frames={"12:20 a.m. Monday": ("call", ("police", "flat"))})
    b = claim("b#1", "A man was shot at the Quarry Lane flats on Tuesday.", outlet="B",
              frames={"Tuesday": ("shoot", ("man", "flat"))})
    assert len(found(a, b)) == 1


def test_happenings_a_call_in_one_town_and_a_shooting_next_day_in_another_are_two_happenings():
    a = _placed(claim("a#1", "Officers were called to a shooting in Orrin Bay at 6:30 p.m. Sunday.", outlet="A",
                      frames={"6:30 p.m. Sunday": ("call", ("officer",))}), "Orrin Bay")
    b = _placed(claim("b#1", "A clerk was shot in Pell Ridge early Monday.", outlet="B",
                      frames={"early Monday": ("shoot", ("clerk",))}), "Pell Ridge")
    assert found(a, b) == []


def test_happenings_one_kind_of_happening_in_two_towns_is_two_happenings():
    a = _placed(claim("a#1", "Marchers gathered after an officer on Wednesday shot a driver in Elmvale.", outlet="A",
                      frames={"Wednesday": ("shoot", ("officer", "driver"))}), "Elmvale")
    b = _placed(claim("b#1", "Nine officers were shot by a sniper on Thursday in Northgate.", outlet="B",
                      frames={"Thursday": ("shoot", ("officer", "sniper"))}), "Northgate")
    assert found(a, b) == []
    c = _placed(claim("c#1", "Nine officers were shot by a sniper on Thursday in East Elmvale.", outlet="C",
                      frames={"Thursday": ("shoot", ("officer", "sniper"))}), "East Elmvale")
    assert found(a, c) == [("Wednesday", "Thursday")]  # a part of the town is in the town


def test_happenings_a_span_inside_another_is_a_part_of_it():
    a = claim("a#1", "Okafor served in Corvia from May 2007 to March 2008, working as a radio operator.", outlet="A",
              people=("Okafor",), frames={"May 2007": ("serve", ("okafor",)), "March 2008": ("serve", ("okafor",))})
    b = claim("b#1", "Okafor served in the navy from 2005 to 2010.", outlet="B", people=("Okafor",),
              frames={"2005": ("serve", ("okafor", "navy")), "2010": ("serve", ("okafor", "navy"))})
    assert found(a, b) == []
    c = claim("c#1", "Okafor served in the navy from 2005 to 2008.", outlet="C", people=("Okafor",),
              frames={"2005": ("serve", ("okafor", "navy")), "2008": ("serve", ("okafor", "navy"))})
    assert found(b, c) == [("2010", "2008")]  # one end shared: the same service ended in another year


def test_happenings_the_police_summoned_to_a_shooting_date_the_shooting():
    a = claim("a#1", "Officers were summoned to a house on Tuesday after a man was reported shot.", outlet="A",
              frames={"Tuesday": ("summon", ("officer", "house"))})
    b = claim("b#1", "Police named the victim of Wednesday's accidental shooting.", outlet="B",
              frames={"Wednesday": ("name", ("police", "victim"))})
    assert found(a, b) == [("Tuesday", "Wednesday")]


def test_happenings_a_shooting_told_before_the_police_came_may_be_a_later_one():
    a = claim("a#1", "The shooting happened after police responded on Monday to a quarrel at a house.", outlet="A",
              frames={"Monday": ("respond", ("police", "quarrel"))})
    b = claim("b#1", "Police named the victim of Tuesday's shooting.", outlet="B",
              frames={"Tuesday": ("name", ("police", "victim"))})
    assert found(a, b) == []


def test_happenings_a_bare_it_happened_dates_the_story_happening():
    a = claim("a#1", "It happened between 9 and 10 p.m. Tuesday in the gravel lot on Quillby Road.", outlet="A",
              frames={"10 p.m. Tuesday": ("happen", ("lot",))})
    b = claim("b#1", "Police were called to the lot around 7 p.m. on Tuesday after reports of a shooting.", outlet="B",
              frames={"around 7 p.m. on Tuesday": ("call", ("police", "lot"))})
    assert len(found(a, b)) == 1


def test_happenings_it_inside_a_clause_is_no_story_happening():
    a = claim("a#1", "Neighbours said that when it happened on Tuesday they heard nothing.", outlet="A",
              frames={"Tuesday": ("happen", ("neighbour",))})
    b = claim("b#1", "A boy was shot at the park on Wednesday.", outlet="B",
              frames={"Wednesday": ("shoot", ("boy", "park"))})
    assert found(a, b) == []


def test_happenings_the_call_coming_in_and_the_police_responding_time_one_step():
    a = claim("a#1", "The call came in from Dunmore Heights around 6:45 a.m.", outlet="A",
              frames={"around 6:45 a.m.": ("come", ("call", "heights"))})
    b = claim("b#1", "Police responded to a welfare check on Orrin Lane just after 6 a.m.", outlet="B",
              frames={"6 a.m.": ("respond", ("police", "check"))})
    assert len(found(a, b)) == 1


def test_happenings_two_findings_of_a_wounded_man_date_one_happening():
    a = claim("a#1", "At about 11 p.m. Thursday deputies found Orlo Vance unresponsive on the ground in Tamsin Court.",
              outlet="A", people=("Orlo Vance",),
              frames={"about 11 p.m. Thursday": ("find", ("deputy", "vance", "ground", "court"))})
    b = claim("b#1", "Vance was found lying on the ground in Tamsin Court with a gunshot wound on March 11.",
              outlet="B", frames={"March 11": ("lie", ("ground", "court", "wound"))})
    assert kinds(rows(a)[0]) == kinds(rows(b)[0]) == frozenset({"find"})
    assert len(found(a, b)) == 1


def test_happenings_the_bodies_found_at_two_clock_times_differ():
    a = claim("a#1", "It was unclear how the two bodies were discovered about 3 p.m. Tuesday.", outlet="A",
              frames={"about 3 p.m. Tuesday": ("be", ("investigation",))})
    b = claim("b#1", "The bodies were found around 1 p.m. Tuesday inside the house on Larkfield Way.", outlet="B",
              frames={"around 1 p.m. Tuesday": ("find", ("body", "house"))})
    assert len(found(a, b)) == 1


def test_happenings_a_gun_found_is_no_finding_of_the_hurt():
    a = claim("a#1", "Officers found a rifle in a yard on Tuesday.", outlet="A",
              frames={"Tuesday": ("find", ("officer", "rifle", "yard"))})
    assert kinds(rows(a)[0]) == frozenset()


def test_happenings_shots_fired_and_a_victim_struck_date_one_attack():
    a = claim("a#1", "Dace told detectives he had been firing shots at an empty house on March 9 to scare a rival.",
              outlet="A",
              frames={"March 9": ("fire", ("shot", "house"))})
    b = claim("b#1", "Charges were filed after the girl was struck in the head March 8 when the man fired a gun.",
              outlet="B", frames={"March 8": ("strike", ("girl", "head"))})
    assert found(a, b) == [("March 9", "March 8")]


def test_happenings_a_fired_worker_is_no_attack():
    a = claim("a#1", "The clerk was fired on March 9 after the audit.", outlet="A",
              frames={"March 9": ("fire", ("clerk",))})
    b = claim("b#1", "The shooting took place March 8.", outlet="B",
              frames={"March 8": ("take", ("shooting", "place"))})
    assert found(a, b) == []


def test_happenings_a_shooting_that_left_a_wound_dates_the_shooting():
    a = claim("a#1", "A shooting that left a girl with a graze wound Tuesday morning was ruled accidental.", outlet="A",
              frames={"Tuesday morning": ("leave", ("shooting", "girl", "wound"))})
    b = claim("b#1", "Thursday morning a girl was injured when a stray bullet grazed her elbow.", outlet="B",
              frames={"Thursday morning": ("injure", ("girl",))})
    assert found(a, b) == [("Tuesday morning", "Thursday morning")]


def test_happenings_a_call_of_shots_fired_dates_no_attack():
    a = claim("a#1", "Police were sent on a call of shots fired near the park around 10 p.m. Tuesday.", outlet="A",
              frames={"around 10 p.m. Tuesday": ("fire", ("shot",))})
    b = claim("b#1", "The shooting took place Wednesday.", outlet="B",
              frames={"Wednesday": ("take", ("shooting", "place"))})
    assert found(a, b) == []



# One shooting timed by when it took place on one side and when the victim was shot on the other.
HAPPENED_NOON = claim("a#1", "The incident happened just before 12:20 p.m. at the 400 block of Quillmoor Lane.",
                      outlet="A", frames={"12:20 p.m.": ("happen", ("incident", "block"))})
SHOT_ONE_THIRTY = claim("b#1", "Police said the boy was shot at about 1:35 p.m. and taken to a hospital.", outlet="B",
                        frames={"about 1:35 p.m.": ("shoot", ("boy",))})


def test_happenings_one_shooting_timed_an_hour_apart_by_its_happening_and_its_victim():
    assert found(HAPPENED_NOON, SHOT_ONE_THIRTY) == [("12:20 p.m.", "about 1:35 p.m.")]


def test_happenings_a_report_timing_two_shootings_apart_is_a_round_up():
    later = claim("b#2", "A woman was shot at about 4 p.m. on Varnel Road.", outlet="B",
                  frames={"about 4 p.m.": ("shoot", ("woman",))})
    assert found(HAPPENED_NOON, SHOT_ONE_THIRTY, later) == []


def test_happenings_shootings_numbered_in_a_series_are_not_one():
    first = claim("a#1", "The first shooting happened around 6:20 p.m. on Dorrow Street.", outlet="A",
                  frames={"around 6:20 p.m.": ("happen", ("shooting", "street"))})
    third = claim("b#1", "The third shooting happened at about 9 p.m. near Lassen Park.", outlet="B",
                  frames={"about 9 p.m.": ("happen", ("shooting", "park"))})
    assert found(first, third) == []


def test_happenings_shootings_timed_just_past_each_others_hedge_are_not_paired_by_kind_alone():
    happened = claim("a#1", "The incident happened about 5:39 p.m.", outlet="A",
                     frames={"about 5:39 p.m.": ("happen", ("incident",))})
    shot = claim("b#1", "Police said the boy was shot about 6 p.m.", outlet="B",
                 frames={"about 6 p.m.": ("shoot", ("boy",))})
    assert found(happened, shot) == []


def test_one_happenings_separate_places_are_not_another_incident():
    from consistency.compare.base import tells_of_another_incident
    assert not tells_of_another_incident("The gunman killed four people at three separate homes on Quillan Road.")
    assert tells_of_another_incident("In a separate shooting, a man was wounded on Quillan Road.")
    assert tells_of_another_incident("Police said the two deaths were unrelated.")


def test_happenings_a_round_up_timing_its_wounded_apart_shares_a_street_with_no_one_shooting():
    a = claim("a#1", "The shooting happened at 410 Marrow Avenue North around 12:30 a.m.", outlet="A",
              frames={"around 12:30 a.m.": ("happen", ("shooting",))})
    bullet = claim("b#1", "A man was shot in the leg when gunfire broke out about 1:15 a.m. near the Marrow "
                   "Avenue flats.", outlet="B", frames={"about 1:15 a.m.": ("break", ("gunfire",))})
    assert found(a, bullet) == [("around 12:30 a.m.", "about 1:15 a.m.")]  # one place, one shooting, timed twice
    other = claim("b#2", "A woman was wounded just before 7 p.m. in the 900 block of Quell Avenue.", outlet="B",
                  frames={"just before 7 p.m.": ("wound", ("woman",))})
    assert found(a, bullet, other) == []  # the round-up times another victim hurt that day apart


def test_happenings_the_most_recent_shooting_of_a_round_up_is_its_own_day():
    a = claim("a#1", "The most recent deadly shooting happened at 3:25 a.m. Sunday in the Penwick neighborhood.",
              outlet="A", frames={"3:25 a.m. Sunday": ("happen", ("shooting", "neighborhood"))})
    b = claim("b#1", "A teenage boy who was fatally shot Saturday afternoon in Larch Park has been identified.", outlet="B",
              frames={"Saturday afternoon": ("shoot", ("boy",))})
    assert found(a, b) == []
    plain = claim("a#1", "The fatal shooting happened at 3:25 a.m. Sunday in the Penwick neighborhood.",
                  outlet="A", frames={"3:25 a.m. Sunday": ("happen", ("shooting", "neighborhood"))})
    assert len(found(plain, b)) == 1


def test_happenings_it_all_happened_dates_the_story_happening():
    a = claim("a#1", "It happened on Monday afternoon in the 800 block of Quillon Road.", outlet="A",
              frames={"Monday afternoon": ("happen", ("block",))})
    b = claim("b#1", "It all happened on Tuesday at the Larchmere trailer park.", outlet="B",
              frames={"Tuesday": ("happen", ("park",))})
    assert found(a, b) == [("Monday afternoon", "Tuesday")]


def _times(text: str) -> list[str]:
    return [t.text for t in find_times(text, datetime(2026, 3, 13).date())]


def test_happenings_police_who_came_and_found_the_one_shot_date_the_shooting():
    came = "Officers responded to Quillon Road shortly after 9 a.m. Monday and found the boy."
    (when,) = _times(came)
    a = claim("a#1", came, outlet="A", frames={when: ("respond", ("officer", "road"))})
    b = claim("b#1", "A boy was shot by his cousin at a house on Quillon Road on Tuesday.", outlet="B",
              frames={"Tuesday": ("shoot", ("boy", "cousin", "house"))})
    assert len(found(a, b)) == 1
    # finding someone the shooting row does not name (the suspect, later) is another happening
    other = claim("c#1", came.replace("the boy", "the suspect"), outlet="C",
                  frames={when: ("respond", ("officer", "road"))})
    assert found(other, b) == []


def test_happenings_the_day_a_post_went_up_dates_nothing_it_tells_of():
    post = "Deputy Vale shoots her son by accident. pic.twitter.com/xYz123 \u2014 Ana Pell (@anapell7) March 14, 2026"
    a = claim("a#1", post, outlet="A", frames={"March 14, 2026": ("shoot", ("deputy", "son"))})
    b = claim("b#1", "Deputy Vale shot her son by accident on Thursday night.", outlet="B",
              frames={"Thursday night": ("shoot", ("deputy", "son"))})
    assert rows(a) == []
    assert found(a, b) == []


def test_happenings_a_state_seen_on_a_day_dates_no_happening():
    held = claim("a#1", "Orlo Brandt was being held Thursday in the county lockup.", outlet="A",
                 frames={"Thursday": ("hold", ("brandt", "charge"))})
    charged = claim("b#1", "A warrant charging Brandt with murder was issued Tuesday afternoon.", outlet="B",
                    frames={"Tuesday afternoon": ("charge", ("brandt", "murder"))})
    assert rows(held) == []
    assert found(held, charged) == []


def test_timeline_a_state_as_of_each_report_day_is_no_conflict():
    a = claim("a#1", "Nobody was in custody by Thursday morning, the sergeant said.", outlet="A", day=12,
              frames={"Thursday morning": ("be", ("one", "custody"))})
    b = claim("b#1", "Nobody was in custody as of Monday morning, the sergeant said.", outlet="B", day=16,
              frames={"Monday morning": ("be", ("one", "custody"))})
    assert compare_timeline(a, b, 0.97, None) is None


def test_timeline_a_page_date_line_run_into_a_headline_dates_no_happening():
    a = claim("a#1", "Three shot near Elm and Fifth Posted: Sunday, March 15 7:23 AM Updated: Sunday, March 15",
              outlet="A", day=15, frames={"Sunday, March 15": ("shoot", ("three", "elm"))})
    assert rows(a) == []
    b = claim("b#1", "Three were shot near Elm and Fifth on Saturday evening, police said.", outlet="B", day=15,
              frames={"Saturday evening": ("shoot", ("three", "elm"))})
    assert compare_timeline(a, b, 0.97, None) is None
    # without the colon it is the story's own telling: "the interview published Sunday" dates the interview
    c = claim("c#1", "The interview published Sunday drew wide notice.", outlet="C", day=15, frames={})
    assert not dates_no_happening(c, c.times[0]) and dates_no_happening(a, a.times[0])
