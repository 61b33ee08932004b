"""Questions re-ranked by whether a claim answers them: the kind asked for, the figure that fits, the model file."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest

from consistency.errors import ModelError
from consistency.query.questions import (
    FEATURES,
    QuestionRanker,
    answer_form,
    answer_kind,
    asked_cue,
    asked_grain,
    asked_families,
    asked_noun,
    asked_phrase,
    compared_noun,
    counted_nouns,
    first_stage_prior,
    holds_form,
    is_question,
    names_own,
    place_fits,
    place_grain,
    previous_sentence,
    quantity_fits,
    question_features,
    rerank_answers,
    deed_tie,
    role_fit,
    story_share,
    time_fits,
    value_deed,
    value_tie,
)
from consistency.records import Attribution, Entity, Quantity, TimeExpr

WHEN = datetime(2026, 3, 10, tzinfo=timezone.utc)


def claim(cid: str, text: str, **kw):
    from consistency.records import Claim

    return Claim(id=cid, article_id=cid.split("#")[0], outlet="Baltic Wire", published=WHEN, text=text, start=0,
                 end=len(text), content=text, **kw)


def qty(text: str, value: float, unit: str | None = None, kind: str = "count") -> Quantity:
    return Quantity(text=text, start=0, end=len(text), value=value, low=value, high=value, unit=unit, kind=kind)


def test_query_questions_tells_questions_from_claims():
    assert is_question("When did the mayor of Talvi resign?")
    assert is_question("how many troops arrived in Kesk")
    assert not is_question("The mayor of Talvi resigned on Monday.")


def test_query_questions_answer_kind_reads_the_noun_after_which():
    assert answer_kind("Grain from which Baltic countries did the ban cover?") == "place"
    assert answer_kind("Which photographer took the pictures of the mayor?") == "person"
    assert answer_kind("What agency ran the inquiry?") == "org"
    assert answer_kind("On what day did the ferry sink?") == "time"
    # the noun after a verb is not what the question asks for
    assert answer_kind("What did the minister say at the summit?") is None


def test_query_questions_answer_kind_reads_the_noun_asked_about():
    assert answer_kind("What is Talvi Shipping's annual revenue?") == "quantity"
    assert answer_kind("What was the population of Kesk in 2020?") == "quantity"
    assert answer_kind("How fast does the Talvi ferry sail?") == "quantity"
    assert answer_kind("What is the date of the Kesk referendum?") == "time"
    assert answer_kind("What is the name of the Talvi ferry?") is None


def test_query_questions_quantity_fits_the_figure_asked_for():
    met = claim("a#0", "The leaders met for 90 minutes.", quantities=(qty("90 minutes", 90, "minutes"),))
    aides = claim("a#1", "Two aides joined the leaders.", quantities=(qty("Two aides", 2, "aides"),))
    assert quantity_fits(met, "How long did the leaders meet?")
    assert not quantity_fits(aides, "How long did the leaders meet?")
    assert quantity_fits(aides, "How many aides joined them?")
    assert not quantity_fits(met, "How many aides joined them?")
    vote = claim("a#2", "The council backed the plan 31-9 on Monday.")
    assert quantity_fits(vote, "By how many votes did the council back the plan?")
    cost = claim("a#3", "The bridge cost $40 million.", quantities=(qty("$40 million", 4e7, "usd", "money"),))
    assert quantity_fits(cost, "How much money did the bridge cost?")
    assert not quantity_fits(aides, "How much money did the bridge cost?")


def test_query_questions_quantity_fits_an_age_however_it_is_asked():
    aged = claim("a#4", "Holm, 58, leaves the ministry in March.", quantities=(qty("58", 58),))
    staff = claim("a#5", "The ministry employs 4,000 people.", quantities=(qty("4,000 people", 4000, "people"),))
    for q in ("How old is Holm?", "What is the age of the departing minister?", "At what age did Holm retire?"):
        assert quantity_fits(aged, q)
        assert not quantity_fits(staff, q)


def test_query_questions_quantity_fits_the_noun_counted_and_compound_counts():
    # the head noun after "how many", not its first modifier
    divers = claim("a#0", "Nine navy divers searched the hull.", quantities=(qty("Nine navy divers", 9, "divers"),))
    assert quantity_fits(divers, "How many navy divers searched the hull?")
    # a count written as a compound adjective
    mayor = claim("a#1", "Holm, a three-term mayor, opened the bridge.")
    assert quantity_fits(mayor, "How many terms has Holm served as mayor?")
    assert not quantity_fits(mayor, "How many bridges has Holm opened?")
    # "how many times" counts events, whatever noun names them, but not a length of time
    visits = claim("a#2", "She made four visits to the port.", quantities=(qty("four visits", 4, "visits"),))
    weeks = claim("a#3", "She stayed four weeks at the port.", quantities=(qty("four weeks", 4, "weeks"),))
    assert quantity_fits(visits, "How many times did she visit the port?")
    assert not quantity_fits(weeks, "How many times did she visit the port?")


def test_query_questions_quantity_fits_money_for_how_much_without_a_money_word():
    paid = claim("a#0", "The port paid the builders $4.2 million for the pier.",
                 quantities=(qty("$4.2 million", 4.2e6, "usd", "money"),))
    crews = claim("a#1", "The port hired 40 builders for the pier.", quantities=(qty("40 builders", 40, "builders"),))
    assert quantity_fits(paid, "How much did the port pay the builders?")
    assert not quantity_fits(crews, "How much did the port pay the builders?")
    assert not quantity_fits(paid, "How much of the pier was finished?")


def test_query_questions_quantity_fits_a_count_the_reader_kept_no_unit_for():
    # the quantity reader left the unit empty: the noun after the number, or the parse's noun, names it
    after = claim("a#0", "The levy passed with support from 12 city councillors.", quantities=(qty("12", 12),))
    parsed = claim("a#1", "All of them, 12 in all, backed the levy.",
                   quantities=(Quantity(text="12", start=0, end=2, value=12, low=12, high=12, about=("councillors",)),))
    other = claim("a#2", "The levy passed after 12 hours of debate.", quantities=(qty("12", 12),))
    q = "How many city councillors backed the levy?"
    assert quantity_fits(after, q) and quantity_fits(parsed, q) and not quantity_fits(other, q)
    # a unit of several words is matched by its last word
    multi = claim("a#3", "Nine harbour pilots signed it.", quantities=(qty("Nine harbour pilots", 9, "harbour pilots"),))
    assert quantity_fits(multi, "How many pilots signed the letter?")
    assert {"councillor"} <= counted_nouns(after)[0]


def when(text: str, value: str, grain: str, kind: str = "DATE") -> TimeExpr:
    return TimeExpr(text=text, start=0, end=len(text), type=kind, value=value, granularity=grain)


def test_query_questions_duration_fits_the_unit_asked_for():
    veteran = claim("a#0", "Ott, a 21-year veteran of the agency, was dismissed.", times=(when("21-year", "P21Y", "duration", "DURATION"),))
    notice = claim("a#1", "Ott was given a 60-day notice.", times=(when("60-day", "P60D", "duration", "DURATION"),))
    vague = claim("a#2", "Ott served the agency for years.", times=(when("years", "PXY", "duration", "DURATION"),))
    q = "How many years had Ott served at the agency?"
    assert quantity_fits(veteran, q) and not quantity_fits(notice, q) and not quantity_fits(vague, q)
    assert quantity_fits(notice, "How long was Ott's notice?")
    assert not quantity_fits(vague, "How long did Ott serve?")  # a length with no number answers nothing


def test_query_questions_time_fits_the_granularity_asked_for():
    term = claim("a#0", "Lind, the mayor from 2004 to 2010, spoke on Monday.",
                 times=(when("2004", "2004", "year"), when("2010", "2010", "year"), when("Monday", "2026-03-09", "day")))
    today = claim("a#1", "Lind is visiting Talvi today.", times=(when("today", "2026-03-10", "day"),))
    now = claim("a#2", "Lind is mayor now.", times=(when("now", "PRESENT_REF", "ref"),))
    assert time_fits(term, "In which years was Lind the mayor?") and not time_fits(today, "In which years was Lind the mayor?")
    assert time_fits(today, "On what day did Lind visit Talvi?")
    assert time_fits(today, "When did Lind visit Talvi?") and not time_fits(now, "When did Lind visit Talvi?")
    # a date pointing back to another, or a year only the article's own date fixes, states no answer
    same_day = claim("a#3", "On that same day, Lind met the council.", times=(when("that same day", "2026-03-09", "day"),))
    this_year = claim("a#4", "Earlier this year, Lind spoke in Talvi.", times=(when("Earlier this year", "2026", "year"),))
    assert not time_fits(same_day, "On what day did Lind meet the council?")
    weekend = claim("a#5", "Lind met the council over the weekend.", times=(when("the weekend", "2026-W10-WE", "week"),))
    assert time_fits(weekend, "When did Lind meet the council?")  # the article's own weekend, not a pointer back
    assert not time_fits(this_year, "In which years was Lind the mayor?")
    # a date the question already gives is not an answer
    assert not time_fits(today, "What did Lind say today?") and not time_fits(today, "When did Lind arrive today?")


def test_query_questions_day_of_a_date_is_not_a_figure():
    dated = claim("a#0", "The council met on Sept. 11 to discuss the levy.", times=(when("Sept. 11", "2025-09-11", "day"),))
    counted = claim("a#1", "The council voted 11-4 to raise the levy.")
    slashed = claim("a#2", "The council met again after 9/11 to discuss the levy.")
    feats = question_features("How many councillors voted for the levy?", [dated, counted, slashed],
                              np.array([0.8, 0.8, 0.8]))
    col = FEATURES.index("holds_quantity")
    assert feats[0, col] == 0 and feats[1, col] == 1 and feats[2, col] == 0


def test_query_questions_features_mark_the_value_beyond_the_question():
    q = "When did the Talvi ferry sink?"
    dated = claim("a#0", "The Talvi ferry sank on 3 March.",
                  times=(TimeExpr(text="3 March", start=23, end=30, type="DATE", value="2026-03-03"),))
    topic = claim("b#0", "The Talvi ferry sank near the harbour.")
    feats = question_features(q, [dated, topic], np.array([0.8, 0.8]))
    col = {f: i for i, f in enumerate(FEATURES)}
    assert feats[0, col["holds_time"]] == 1 and feats[1, col["holds_time"]] == 0
    assert feats[1, col["misses_kind"]] == 1 and feats[0, col["misses_kind"]] == 0
    assert feats[0, col["name_cover"]] == 1.0  # "Talvi" is the question's only name


def test_query_questions_shipped_model_puts_the_answer_above_the_topic():
    ranker = QuestionRanker.load()
    q = "Who ordered the Talvi ferry inquiry?"
    topic = claim("a#0", "The Talvi ferry inquiry was ordered after the sinking.")
    answer = claim("b#0", "Minister Ann Holm ordered the inquiry into the Talvi ferry.",
                   entities=(Entity(text="Ann Holm", start=9, end=17, label="PERSON", canonical="ann holm"),))
    ranked = rerank_answers(q, [(topic, 2.0), (answer, 1.0)], np.array([0.7, 0.7]), ranker, weight=0.5)
    assert [c.id for c, _ in ranked] == ["b#0", "a#0"]
    # with the first stage's prior weighing enough, its order stands
    ranked = rerank_answers(q, [(topic, 2.0), (answer, 1.0)], np.array([0.7, 0.7]), ranker, weight=100.0)
    assert [c.id for c, _ in ranked] == ["a#0", "b#0"]


def test_query_questions_prior_falls_with_rank():
    prior = first_stage_prior(4)
    assert prior[0] == 1.0 and np.all(np.diff(prior) < 0)


def test_query_questions_ranker_refuses_weights_of_other_features(tmp_path):
    ranker = QuestionRanker.load()
    path = tmp_path / "r.json"
    ranker.save(path)
    assert np.allclose(QuestionRanker.load(path).coef, ranker.coef, atol=1e-5)
    with pytest.raises(ModelError):
        QuestionRanker(np.zeros(2), np.ones(2), np.zeros(2), ("cos", "rel_cos"))


def test_query_questions_answer_form_reads_reasons_instances_and_statements():
    assert answer_form("Why did the mayor of Talvi resign?") == ("reason", "")
    assert answer_form("Which treaty did Kesk sign in the spring?") == ("instance", "treaty")
    assert answer_form("What offence did the Talvi captain admit to?") == ("instance", "offence")
    assert answer_form("What limit on fishing boats did the minister propose?") == ("instance", "limit")
    assert answer_form("What film introduced the Talvi ferry song?") == ("instance", "film")
    assert answer_form("What did Minister Ann Holm decide about the ferry?") == ("statement", "decide")
    # a value ``answer_kind`` reads is not a clause of a form
    assert answer_form("Which city hosted the summit?") is None
    assert answer_form("When did the ferry sink?") is None
    assert answer_form("What kind of ship is the Talvi ferry?") is None


def test_query_questions_place_fits_a_place_stated_where_it_happened():
    q = "Where did Ann Holm open her campaign?"
    harbour = claim("a#0", "Holm opened her campaign at a rally in Talvi on Monday.",
                    entities=(Entity(text="Talvi", label="GPE", start=0, end=5, canonical="talvi"),))
    title = claim("a#1", "Ann Holm, the former governor of Kesk, opened her campaign on Monday.",
                  entities=(Entity(text="Kesk", label="GPE", start=0, end=4, canonical="kesk"),))
    dateline = claim("a#2", "TALVI — Ann Holm opened her campaign on Monday.",
                     entities=(Entity(text="TALVI", label="GPE", start=0, end=5, canonical="talvi"),))
    assert place_fits(harbour, q)
    assert not place_fits(title, q) and not place_fits(dateline, q)
    # a place the question already names is no answer
    assert not place_fits(harbour, "Where in Talvi did Ann Holm open her campaign?")
    feats = question_features(q, [harbour, title], np.array([0.5, 0.6]))
    assert feats[:, FEATURES.index("fits_place")].tolist() == [1.0, 0.0]


def place(text: str, label: str = "GPE") -> Entity:
    return Entity(text=text, label=label, start=0, end=len(text), canonical=text.casefold())


def test_query_questions_asked_grain_reads_the_place_noun():
    assert asked_grain("In what city did Ann Holm open her campaign?") == "town"
    assert asked_grain("In which Kesk town was the ferry built?") == "town"
    assert asked_grain("In which state did Holm give the speech?") == "state"
    assert asked_grain("To which country did Holm say she would move?") == "country"
    assert asked_grain("Where did Ann Holm open her campaign?") is None


def test_query_questions_place_grain_tells_towns_from_states_and_countries():
    assert place_grain(place("Talvi")) == "town"
    assert place_grain(place("Ohio")) == "state" and place_grain(place("Ore.")) == "state"
    assert place_grain(place("France")) == "country" and place_grain(place("U.S.")) == "country"
    # the names news gives a country besides its sovereign one, and the UK's nations
    assert all(place_grain(place(n)) == "country" for n in ("Britain", "the US", "America", "Scotland", "Wales"))


def test_query_questions_place_fits_the_grain_asked():
    # invented: a town is asked; a sentence placing something in a state or a country does not fit
    q = "In what city did Ann Holm open her campaign?"
    town = claim("a#0", "Holm opened her campaign at a rally in Talvi on Monday.",
                 entities=(place("Talvi"),))
    state = claim("a#1", "Holm, who grew up in Ohio, opened her campaign on Monday.", entities=(place("Ohio"),))
    country = claim("a#2", "Holm opened her campaign after a trip to France.", entities=(place("France"),))
    assert place_fits(town, q)
    assert not place_fits(state, q) and not place_fits(country, q)
    # with no grain asked, any place stated where it happened fits, as before
    assert place_fits(state, "Where did Ann Holm grow up?")
    # a state asked for: the state fits, the town does not
    assert place_fits(state, "In which state did Ann Holm grow up?")
    assert not place_fits(town, "In which state did Ann Holm open her campaign?")


def test_query_questions_place_fits_a_town_named_before_its_state():
    # the tagger may take the town for an organisation; its state's name after a comma marks it a town
    q = "In what city did Ann Holm open her campaign?"
    tagged = claim("a#0", "Holm, speaking at a rally in Port Vale, Ore., opened her campaign.",
                   entities=(place("Port Vale", "ORG"), place("Ore.")))
    assert place_fits(tagged, q)
    # a state alone, with no town before it, is no town
    alone = claim("a#1", "Holm, speaking at a rally in Oregon, opened her campaign.", entities=(place("Oregon"),))
    assert not place_fits(alone, q)


def test_query_questions_holds_form_finds_the_clause_asked_for():
    q = "Why did the mayor of Talvi resign?"
    assert holds_form(claim("a#0", "The mayor resigned because the audit found missing funds."), q, ("reason", ""))
    assert not holds_form(claim("a#1", "The mayor of Talvi resigned on Monday."), q, ("reason", ""))
    q = "Which treaty did Kesk sign in the spring?"
    assert holds_form(claim("a#2", "Kesk signed the Harbour Treaty in April."), q, ("instance", "treaty"))
    assert not holds_form(claim("a#3", "Kesk signed the treaty in April."), q, ("instance", "treaty"))
    q = "Which article of the charter did the court cite?"
    assert holds_form(claim("a#4", "The court cited the 12th Article of the charter."), q, ("instance", "article"))
    q = "What words did the mayor use to describe the ferry?"
    assert holds_form(claim("a#5", "The mayor called the ferry “a floating ruin” on Monday."), q, ("instance", "words"))
    q = "What did Minister Ann Holm decide about the ferry?"
    said = claim("a#6", "Holm decided to keep the ferry in service until May.",
                 attribution=Attribution(source="Holm", source_kind="named"))
    other = claim("a#7", "Holm visited the ferry in May.")
    assert holds_form(said, q, ("statement", "decide")) and not holds_form(other, q, ("statement", "decide"))
    # "he said" is the minister's statement when the sentence before names her
    pronoun = claim("a#8", "The ferry will stay in service, she said.",
                    attribution=Attribution(source="she", source_kind="pronoun"))
    q = "What did Ann Holm say about the ferry?"
    assert holds_form(pronoun, q, ("statement", "say"), context="Ann Holm toured the harbour on Monday.")
    assert not holds_form(claim("a#9", "The ferry will stay in service."), q, ("statement", "say"))


def test_query_questions_previous_sentence_is_the_one_before_the_claim():
    text = "The ferry sank off Talvi on Monday. Divers found the hull. It was 40 years old. Crews said the port, which reopened, was calm."
    assert previous_sentence(text, text.index("It was")) == "Divers found the hull."
    assert previous_sentence(text, text.index("Divers")) == "The ferry sank off Talvi on Monday."
    assert previous_sentence(text, 0) == ""
    # a claim starting inside a sentence gets the previous sentence and its own sentence's start
    assert previous_sentence(text, text.index("was calm")) == "It was 40 years old. Crews said the port, which reopened,"


def test_query_questions_previous_sentence_counts_at_a_discount_for_a_follow_up():
    q = "How old was the Talvi ferry?"
    follow = claim("a#1", "It was 40 years old when the harbour authority finally retired it from the northern route.",
                   quantities=(qty("40 years", 40, "years"),))
    plain = claim("b#1", "Crews from the northern depot were 40 minutes late to the harbour on the second morning.",
                  quantities=(qty("40 minutes", 40, "minutes"),))
    before = ["The Talvi ferry sank on Monday.", "The Talvi ferry sank on Monday."]
    col = FEATURES.index("name_cover")
    off = question_features(q, [follow, plain], np.array([0.5, 0.5]))
    half = question_features(q, [follow, plain], np.array([0.5, 0.5]), context=before, context_weight=0.5)
    full = question_features(q, [follow, plain], np.array([0.5, 0.5]), context=before, context_weight=1.0)
    assert off[0, col] == 0 and half[0, col] == 0.5 and full[0, col] == 1.0
    # a long sentence that does not point back ("Crews from ...") is read alone
    assert half[1, col] == 0 and full[1, col] == 0
    assert half[0, FEATURES.index("cover_idf")] > off[0, FEATURES.index("cover_idf")]


def test_query_questions_short_follow_up_is_read_with_the_sentence_before_in_full():
    q = "What was the council's vote on the Talvi harbour bill?"
    tally = claim("a#1", "Councillors voted 9-4.")
    long_ = claim("b#1", "Councillors from the northern wards argued for hours over the budget of the eastern depot.")
    before = ["The Talvi harbour bill passed the council on Monday."] * 2
    feats = question_features(q, [tally, long_], np.array([0.5, 0.5]), context=before, context_weight=0.25)
    alone = question_features(q, [tally, long_], np.array([0.5, 0.5]))
    col = FEATURES.index("name_cover")
    # the short tally points back to nothing, yet what it is about is named just before it, at full weight
    assert feats[0, col] == 1.0 and alone[0, col] == 0
    # a long sentence that does not point back still reads alone
    assert feats[1, col] == 0
    assert feats[0, FEATURES.index("cover")] > alone[0, FEATURES.index("cover")]


def test_query_questions_noun_cosine_is_read_only_when_given():
    q = "What offence did the Talvi captain admit to?"
    assert asked_noun(q) == "offence" and asked_noun("Who captained the Talvi ferry?") is None
    a = claim("a#0", "The captain admitted to reckless navigation.")
    b = claim("b#0", "The captain sailed the Talvi ferry for ten years.")
    with_noun = question_features(q, [a, b], np.array([0.6, 0.6]), noun_cos=np.array([0.5, 0.2]))
    without = question_features(q, [a, b], np.array([0.6, 0.6]))
    col, rel = FEATURES.index("noun_cos"), FEATURES.index("rel_noun_cos")
    assert with_noun[0, col] == pytest.approx(0.5) and with_noun[1, rel] == pytest.approx(-0.3)
    assert not without[:, [col, rel]].any()


def test_query_questions_story_share_favours_the_story_the_best_matches_share():
    ferry = [claim(f"f{i}", "The Talvi ferry levy passed.", story_id="ferry") for i in range(3)]
    stray = claim("s1", "The Talvi mayor opened a museum.", story_id="museum")
    share = story_share([stray, *ferry, claim("n1", "An unplaced sentence.")])
    assert share[1] == share[2] == share[3] == 1.0  # the story most of the best matches belong to
    assert 0 < share[0] < 1.0  # ranked first, but alone in its story
    assert share[4] == 0.0


def test_query_questions_article_cover_reads_the_whole_article_of_a_follow_up():
    q = "How long did the Talvi ferry strike last?"
    ours = claim("a#3", "It lasted nine days.")
    other = claim("b#1", "The Kesk ferry strike lasted a day.")
    articles = ["Ferry strike ends\nThe Talvi ferry crews went on strike in May. It lasted nine days.",
                "Kesk ferries\nThe Kesk ferry strike lasted a day."]
    feats = question_features(q, [ours, other], np.array([0.3, 0.6]), articles=articles)
    cover = feats[:, FEATURES.index("article_cover")]
    assert cover[0] > cover[1]
    # without the articles the column stays empty
    assert not question_features(q, [ours, other], np.array([0.3, 0.6]))[:, FEATURES.index("article_cover")].any()


def test_questions_duration_units_read_decades_counted_in_years():
    from consistency.query.questions import duration_units

    assert duration_units("P20Y") == ["year", "decade"]
    assert duration_units("P21Y") == ["year"]


def test_query_questions_copular_question_compares_its_noun():
    # "who was the <noun>" asks for a person, and its noun is compared by cosine all the same
    assert compared_noun("Who was the gunman outside the Kesk depot?") == "gunman"
    assert compared_noun("What was the final council vote tally on the harbour bill?") == "tally"
    assert compared_noun("Which offence did the captain admit to?") == "offence"
    assert compared_noun("Who was Mara Tolvi?") is None and compared_noun("When did the ferry sink?") is None


def test_query_questions_new_beyond_lede_marks_a_value_no_opening_of_the_story_states():
    q = "Who will replace the harbour director?"
    lede = claim("a#1", "Harbour director Mari Tamm resigned on Monday.",
                 entities=(Entity(text="Mari Tamm", start=17, end=26, label="PERSON", canonical="mari tamm"),))
    answer = claim("a#2", "Her deputy, Jaan Kask, takes over in June.",
                   entities=(Entity(text="Jaan Kask", start=12, end=21, label="PERSON", canonical="jaan kask"),))
    article = "Harbour director quits\nHarbour director Mari Tamm resigned on Monday. Her deputy, Jaan Kask, takes over."
    feats = question_features(q, [lede, answer], np.array([0.6, 0.4]), articles=[article, article])
    col = feats[:, FEATURES.index("new_beyond_lede")]
    assert col[1] == 1.0 and col[0] == 0.0
    # another article of the same story opens on the successor: a value of the story's openings, not a detail
    same = [claim("a#1", lede.text, entities=lede.entities, story_id="harbour"),
            claim("b#4", answer.text, entities=answer.entities, story_id="harbour")]
    other = "Successor named\nJaan Kask will run the harbour from June."
    feats = question_features(q, same, np.array([0.6, 0.4]), articles=[article, other])
    assert not feats[:, FEATURES.index("new_beyond_lede")].any()
    # without the articles there is no opening to compare with
    assert not question_features(q, [lede, answer], np.array([0.6, 0.4]))[:, FEATURES.index("new_beyond_lede")].any()



def test_query_questions_value_tie_reads_the_figure_stated_of_the_name_asked_about():
    q = "What share of the vote went to Kesk?"
    weight = {"share": 1.0, "vote": 1.0, "went": 1.0, "kesk": 3.0}
    ours = Quantity(text="54 percent", start=5, end=15, value=54, low=54, high=54, unit="percent", kind="percent",
                    event="win", about=("vote", "kesk"))
    theirs = Quantity(text="61 percent", start=5, end=15, value=61, low=61, high=61, unit="percent", kind="percent",
                      event="win", about=("vote", "tamm"))
    tied = claim("a#3", "Kesk 54 percent of the vote.", quantities=(ours,))
    other = claim("a#4", "Tamm 61 percent of the vote.", quantities=(theirs,))
    kind = "quantity"
    assert value_tie(tied, q, kind, weight) == 1.0  # the question names only Kesk
    assert value_tie(other, q, kind, weight) == 0.0


def test_query_questions_value_tie_reads_a_name_or_bare_number_by_its_neighbours():
    weight = {"old": 1.0, "mayor": 1.0, "kesk": 3.0}
    aged = claim("a#1", "The mayor, Ain Kesk, 58, opened the bridge.")
    assert value_tie(aged, "How old is Kesk?", "quantity", weight) == 1.0
    far = claim("a#2", "Ain Kesk opened the new bridge across the river after 58 days.")
    assert value_tie(far, "How old is Kesk?", "quantity", weight) == 0.0
    counsel = claim("a#5", "A lawyer for Kesk, Liis Vaher, said he would appeal.",
                    entities=(Entity(text="Kesk", start=12, end=16, label="PERSON", canonical="kesk"),
                              Entity(text="Liis Vaher", start=18, end=28, label="PERSON", canonical="liis vaher")))
    q = "Who is the lawyer for Kesk?"
    w = {"lawyer": 1.0, "kesk": 3.0}
    assert value_tie(counsel, q, "person", w) == 1.0
    # a place is left to fits_place; a value the question itself names ties nothing
    assert value_tie(counsel, "Where does Kesk live?", "place", w) == 0.0
    alone = claim("a#6", "Kesk spoke.", entities=(Entity(text="Kesk", start=0, end=4, label="PERSON", canonical="kesk"),))
    assert value_tie(alone, q, "person", w) == 0.0
    feats = question_features(q, [counsel, alone], np.array([0.5, 0.5]), idf=w)
    assert list(feats[:, FEATURES.index("value_tie")]) == [1.0, 0.0]


def person(text: str, at: int, role: str | None = None, label: str = "PERSON") -> Entity:
    return Entity(text=text, start=at, end=at + len(text), label=label, canonical=text.casefold(), role=role)


def test_query_questions_asked_phrase_reads_what_the_question_calls_the_answer():
    assert asked_phrase("Which rural district councillor voted against the ferry?") == ["rural", "district", "councillor"]
    assert asked_phrase("Who was the harbour pilot on the night shift?") == ["harbour", "pilot"]
    assert asked_phrase("Who ran against Kesk?") == []


def test_query_questions_role_fit_reads_the_name_introduced_by_the_noun_asked_with():
    q = "Which harbour pilot steered the ferry?"
    w = {"harbour": 2.0, "pilot": 2.0, "steer": 1.0, "ferri": 1.0}
    # the asked noun as the title extraction kept, and beside a name it did not title
    titled = claim("a#1", "Pilot Mari Tamm steered it in.", entities=(person("Mari Tamm", 6, role="Pilot"),))
    apposed = claim("a#2", "Jaan Kask, a harbour pilot, was at the helm.", entities=(person("Jaan Kask", 0),))
    other = claim("a#3", "Mayor Ain Kesk watched from the quay.", entities=(person("Ain Kesk", 6, role="Mayor"),))
    assert role_fit(titled, q, None, w) == 0.5  # the asked phrase is "harbour pilot"
    assert role_fit(apposed, q, None, w) == 1.0
    assert role_fit(other, q, None, w) == 0.0
    # a name the question states is not the one asked for; a question for a date or a figure reads no titles
    named = claim("a#4", "Harbour pilot Kask spoke.", entities=(person("Kask", 14),))
    assert role_fit(named, "Which harbour pilot did Kask replace?", None, w) == 0.0
    assert role_fit(titled, "Which year did the pilot retire?", "time", w) == 0.0
    feats = question_features(q, [apposed, other], np.array([0.5, 0.5]), idf=w)
    assert list(feats[:, FEATURES.index("role_fit")]) == [1.0, 0.0]


def test_query_questions_role_fit_reads_a_short_title_as_the_office_it_names():
    q = "Which senator wrote the letter?"
    w = {"senator": 2.0, "wrote": 1.0, "letter": 1.0}
    short = claim("a#1", "The letter came from Sen. Liis Vaher.", entities=(person("Liis Vaher", 26, role="Sen."),))
    assert role_fit(short, q, "person", w) == 1.0
    assert role_fit(short, "Which lawmaker wrote the letter?", "person", {"lawmaker": 1.0}) == 1.0


def test_query_questions_time_fits_a_quarter_or_half_of_a_year_for_when():
    quarter = claim("a#1", "Results are due in the third quarter.", times=(when("the third quarter", "2026-Q3", "quarter"),))
    half = claim("a#2", "The line opens in the first half of 2027.", times=(when("the first half of 2027", "2027-H1", "half"),))
    assert time_fits(quarter, "When are the results due?") and time_fits(half, "When does the line open?")
    assert not time_fits(quarter, "On what day are the results due?")


def test_query_questions_time_fits_a_grain_with_a_modifier_a_night_and_an_old_year():
    night = claim("a#0", "Lind spoke to donors on Thursday night.", times=(when("Thursday night", "2026-03-05TNI", "day"),))
    season = claim("a#1", "Lind spoke to donors this week.", times=(when("this week", "2026-W10", "week"),))
    assert time_fits(night, "On what night did Lind speak to donors?")
    assert not time_fits(season, "On what night did Lind speak to donors?")
    rule = claim("a#2", "From the 2027 tax year, the levy falls.", times=(when("2027", "2027", "year"),))
    assert time_fits(rule, "From which tax year does the levy fall?")
    old = claim("a#3", "Lind said he wished it were 1850 again.", times=(when("1850", "1850", "year"),))
    assert time_fits(old, "What year did Lind say he wished it were?")


def test_query_questions_deed_tie_reads_who_the_sentence_says_did_it():
    q = "Which senator asked Kask to cancel the ferry trip?"
    w = {"senator": 1.0, "ask": 1.0, "kask": 2.0, "cancel": 1.0, "ferry": 1.0, "trip": 1.0}
    text = "Sen. Liis Vaher praised Kask; Sen. Ott Lind asked him to cancel the ferry trip."
    both = claim("a#1", text, entities=(person("Liis Vaher", 5), person("Kask", 24), person("Ott Lind", 35)))
    only_other = claim("a#2", "Sen. Liis Vaher praised Kask at the quay.", entities=(person("Liis Vaher", 5), person("Kask", 24)))
    assert deed_tie(both, q, "person", w) == 1.0  # Lind's clause holds "cancel the ferry trip"
    assert deed_tie(only_other, q, "person", w) == 0.0
    # what a person is quoted as saying counts as his, past a clause mark
    said = Attribution(source="Ott Lind", source_kind="named", cue="said", content="cancel the ferry trip")
    quoted = claim("a#3", "Ott Lind said: cancel the ferry trip.", entities=(person("Ott Lind", 0),), attribution=said)
    assert deed_tie(quoted, q, "person", w) == 0.75
    assert deed_tie(claim("a#4", quoted.text, entities=quoted.entities), q, "person", w) == 0.0
    assert deed_tie(both, "When did Lind ask Kask to cancel the trip?", "time", w) == 0.0


def test_query_questions_names_own_reads_a_longer_form_of_a_name_the_question_states():
    q = "Who is the lawyer for Ain Kesk?"
    assert names_own("Ain J. Kesk", q) and names_own("Kesk’s", q) and names_own("ain kesk", q)
    assert not names_own("Liis Vaher", q)
    assert not names_own("Kesk", "who is the lawyer for the mayor?")  # the first word is no name


def test_query_questions_tie_features_leave_the_name_the_question_gives_in_longer_form():
    q = "Which lawyer did Kesk hire to defend him?"
    w = {"lawyer": 2.0, "kesk": 3.0, "hire": 1.0, "defend": 1.0}
    full = claim("a#1", "Lawyer Ain J. Kesk hired no one to defend him.",
                 entities=(person("Ain J. Kesk", 7, role="Lawyer"),))
    other = claim("a#2", "Kesk hired Liis Vaher, a lawyer, to defend him.",
                  entities=(person("Kesk", 0), person("Liis Vaher", 11)))
    for feature in (value_tie, role_fit, deed_tie):
        assert feature(full, q, "person", w) == 0.0
    assert value_tie(other, q, "person", w) > 0 and role_fit(other, q, "person", w) == 1.0
    assert deed_tie(other, q, "person", w) > 0


def test_query_questions_value_deed_reads_the_happening_a_value_belongs_to():
    q = "When did the council set the harbour fee?"
    w = {"council": 1.0, "set": 1.0, "harbour": 1.0, "fee": 1.0}
    text = "The council met on Monday; it set the harbour fee on Thursday."
    met = TimeExpr(text="Monday", start=19, end=25, type="DATE", value="2026-03-09", event="meet", about=("council",))
    voted = TimeExpr(text="Thursday", start=53, end=61, type="DATE", value="2026-03-12", event="set",
                     about=("council",))
    assert value_deed(claim("a#1", text, times=(met, voted)), q, "time", w) == 1.0
    assert value_deed(claim("a#2", text, times=(met,)), q, "time", w) == 0.25  # only "council" is the meeting's
    # a date the parse tied to nothing is read by the words of its clause, up to the clause mark
    bare = TimeExpr(text="Thursday", start=53, end=61, type="DATE", value="2026-03-12")
    assert value_deed(claim("a#3", text, times=(bare,)), q, "time", w) == 0.75
    assert value_deed(claim("a#4", text, times=(met, voted)), q, "quantity", w) == 0.0  # no figure
    assert value_deed(claim("a#5", text, times=(met, voted)), q, "person", w) == 0.0
    # a place is read by the verb of its clause; one the question names is not an answer
    where = "In which town did the ferry line open its office?"
    wp = {"town": 1.0, "ferry": 1.0, "line": 1.0, "open": 1.0, "office": 1.0}
    text = "Ships from Pärnu sail daily; the line opened an office in Tartu."
    pärnu = Entity(text="Pärnu", start=11, end=16, label="GPE", canonical="parnu", event="sail")
    tartu = Entity(text="Tartu", start=58, end=63, label="GPE", canonical="tartu", event="open")
    ferry = claim("a#6", text, entities=(pärnu, tartu))
    assert value_deed(ferry, where, "place", wp) == 0.75  # line, open, office of ferry, line, open, office
    assert value_deed(claim("a#7", text, entities=(pärnu,)), where, "place", wp) == 0.0
    assert value_deed(ferry, "When did the line open its office in Tartu?", "place", wp) == 0.0


def test_query_questions_asked_families_read_what_a_clause_question_asks_for():
    assert asked_families("Why did the mayor of Kesk resign?") == ["reason"]
    assert asked_families("What was Liis Vaher charged with?") == ["charge"]
    assert asked_families("How did the minister describe the harbour plan?") == ["wording"]
    assert asked_families("How did the council pay for the new bridge?") == ["method"]
    assert asked_families("What limit did the minister call for?") == []  # "call for" asks for a thing
    assert asked_families("How many ferries did the council buy?") == []  # a value kind, read elsewhere


def test_query_questions_asked_cue_needs_the_cue_and_something_new_after_it():
    q = "What was Liis Vaher charged with?"
    assert asked_cue(claim("a#1", "Vaher was charged with arson and fraud on Monday."), q) == 1.0
    assert asked_cue(claim("a#2", "Vaher was charged with it."), q) == 0.0  # nothing said after the cue
    assert asked_cue(claim("a#3", "Vaher appeared in the Kesk court on Monday."), q) == 0.0  # topical, no cue
    why = "Why did the mayor of Kesk resign?"
    assert asked_cue(claim("b#1", "The mayor resigned after an audit of the port budget."), why) == 1.0
    assert asked_cue(claim("b#2", "The mayor of Kesk resigned on Friday."), why) == 0.0
    how = "How did the council pay for the new bridge?"
    assert asked_cue(claim("c#1", "The council paid for it by selling the old ferry terminal."), how) == 1.0
    said = "How did the minister describe the harbour plan?"
    assert asked_cue(claim("d#1", "The minister called the plan \u201ca gift to landlords.\u201d"), said) == 1.0
    assert asked_cue(claim("d#2", "The harbour plan was drafted in May."), said) == 0.0
    assert asked_cue(claim("e#1", "Vaher was charged with arson."), "How many ferries did the council buy?") == 0.0


def test_query_questions_asked_cue_is_a_feature_column():
    q = "What was Liis Vaher charged with?"
    cs = [claim("a#1", "Vaher was charged with arson."), claim("a#2", "Vaher appeared in court.")]
    feats = question_features(q, cs, np.array([0.5, 0.5], np.float32))
    assert feats[:, FEATURES.index("asked_cue")].tolist() == [1.0, 0.0]
