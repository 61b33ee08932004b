import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from bench.ecbplus import detokenize, read_ecbplus
from consistency.embed import HashingEmbedder
from consistency.records import Article
from consistency.stories.cluster import (
    WEIGHTS,
    StoryClusterer,
    article_vectors,
    date_terms,
    name_terms,
    person_terms,
    referred_days,
    split_sentences,
)

DAY = datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)

FLOOD = [
    ("Floods cut off Brennick as the river Aller bursts its banks",
     "The river Aller burst its banks at Brennick on Monday, flooding 300 homes. "
     "Rescue teams evacuated residents of Brennick by boat, the county council said."),
    ("Hundreds evacuated from Brennick after Aller floods",
     "Rescue teams moved hundreds of residents out of Brennick after the Aller flooded "
     "the town centre. The county council opened two shelters for flooded homes."),
    ("Brennick flood: council says 300 homes under water",
     "About 300 homes in Brennick are under water after the river Aller flooded, the "
     "county council said, as rescue boats evacuated residents."),
]
TRANSFER = [
    ("Kestrel United sign striker Tomas Varga for record fee",
     "Kestrel United have signed striker Tomas Varga from Porto Alvo for a club record "
     "fee of 40 million euros, the club announced."),
    ("Varga joins Kestrel in record transfer",
     "Striker Tomas Varga completed his record transfer to Kestrel United on Tuesday, "
     "with Porto Alvo receiving 40 million euros."),
    ("Kestrel complete Varga deal",
     "Kestrel United confirmed the signing of Tomas Varga, the Porto Alvo striker, in a "
     "record deal worth 40 million euros."),
]


def _articles(pairs, prefix, when=DAY):
    return [
        Article(f"{prefix}{i}", f"outlet{i}", f"https://example.org/{prefix}{i}", title, when, text)
        for i, (title, text) in enumerate(pairs)
    ]


def _assign(sc, arts):
    return sc.assign(arts, article_vectors(arts, HashingEmbedder()))


def test_stories_groups_two_stories():
    flood, transfer = _articles(FLOOD, "f"), _articles(TRANSFER, "t")
    mixed = [flood[0], transfer[0], flood[1], transfer[1], flood[2], transfer[2]]
    ids = _assign(StoryClusterer(), mixed)
    flood_ids, transfer_ids = set(ids[0::2]), set(ids[1::2])
    assert len(flood_ids) == 1 and len(transfer_ids) == 1
    assert flood_ids != transfer_ids


def test_stories_incremental_assign_keeps_earlier_ids():
    flood, transfer = _articles(FLOOD, "f"), _articles(TRANSFER, "t")
    sc = StoryClusterer()
    first = _assign(sc, [flood[0], transfer[0], flood[1]])
    later = _assign(sc, [transfer[1], flood[2], transfer[2]])
    assert [sc.resolve(s) for s in first] == first
    assert later == [first[1], first[0], first[1]]


def test_stories_to_dict_round_trip():
    flood, transfer = _articles(FLOOD, "f"), _articles(TRANSFER, "t")
    sc = StoryClusterer(threshold=0.5, weights=dict(WEIGHTS, gap=-0.5))
    ids = _assign(sc, flood[:2] + transfer[:2])
    state = json.loads(json.dumps(sc.to_dict()))
    again = StoryClusterer.from_dict(state)
    assert again.to_dict() == state
    assert again.threshold == 0.5 and again.weights["gap"] == -0.5
    assert _assign(again, [transfer[2], flood[2]]) == [ids[2], ids[0]]


def test_stories_time_is_soft_signal():
    flood = _articles(FLOOD, "f")
    late = _articles(FLOOD[2:], "late", when=DAY + timedelta(days=90))
    sc = StoryClusterer()
    ids = _assign(sc, flood[:2])
    assert _assign(sc, late) == [ids[0]]  # the same event reported much later still joins


def test_stories_merge_keeps_mapping():
    flood = _articles(FLOOD, "f")
    sc = StoryClusterer(threshold=100.0, merge_threshold=0.0)  # nothing joins, the merge pass does
    ids = _assign(sc, flood)
    assert len(set(ids)) == 1
    assert len(sc.stories) == 1 and sc.merged_into
    assert all(sc.resolve(old) == ids[0] for old in sc.merged_into)


def test_stories_lone_article_merges_at_the_join_bar():
    arts = _articles(FLOOD, "f")
    vecs = article_vectors(arts, HashingEmbedder())
    probe = StoryClusterer(threshold=100.0, merge_threshold=100.0, lone_margin=None)
    first, lone, third = probe.assign(arts, vecs)
    to_first, to_third = probe.score(lone, first), probe.score(lone, third)
    assert to_first < (to_first + to_third) / 2 < probe.score(first, third)
    # the second report falls short of the first alone, then the third joins the first: against
    # the story of both, the second clears the join bar, though not the (higher) merge bar
    bar = (to_first + (to_first + to_third) / 2) / 2
    ids = StoryClusterer(threshold=bar, merge_threshold=100.0, lone_margin=None).assign(arts, vecs)
    assert len(set(ids)) == 1


def test_stories_lone_article_joins_a_clear_best_story_below_the_bars():
    flood, transfer = _articles(FLOOD[:2], "f"), _articles(TRANSFER[:1], "t")
    arts = flood + transfer
    vecs = article_vectors(arts, HashingEmbedder())
    probe = StoryClusterer(threshold=100.0, merge_threshold=100.0, lone_margin=None)
    a, b, t = probe.assign(arts, vecs)
    together = probe.score(a, b)
    lead = min(together - probe.score(a, t), together - probe.score(b, t))
    assert lead > 0

    def stories(margin: float) -> int:
        sc = StoryClusterer(threshold=100.0, merge_threshold=100.0, lone_margin=margin,
                            lone_floor=together - 0.01)
        return len(set(sc.assign(arts, vecs)))

    assert stories(lead - 0.01) == 2  # the two flood reports join; the transfer stays alone
    assert stories(together - probe.score(a, t) + together - probe.score(b, t)) == 3
    state = StoryClusterer(lone_margin=1.5, lone_floor=-3.0).to_dict()
    again = StoryClusterer.from_dict(json.loads(json.dumps(state)))
    assert (again.lone_margin, again.lone_floor) == (1.5, -3.0)


def test_stories_article_vectors_are_normalised():
    vecs = article_vectors(_articles(FLOOD, "f"), HashingEmbedder())
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_stories_split_sentences():
    assert split_sentences('He left. "She came." Then 3 more!\nA line') == [
        "He left.", '"She came."', "Then 3 more!", "A line"]


def _token_xml(name: str, sentences: list[list[str]]) -> str:
    rows, t_id = [], 1
    for s, toks in enumerate(sentences):
        for n, tok in enumerate(toks):
            tok = tok.replace("&", "&amp;").replace("<", "&lt;")
            rows.append(f'<token t_id="{t_id}" sentence="{s}" number="{n}">{tok}</token>')
            t_id += 1
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Document doc_name="{name}" doc_id="D1">\n'
            + "\n".join(rows) + '\n<Markables>\n</Markables>\n<Relations>\n</Relations>\n'
            "</Document>\n")


def test_ecbplus_reads_fixture(tmp_path: Path):
    topic = tmp_path / "ECB+" / "7"
    topic.mkdir(parents=True)
    (topic / "7_1ecb.xml").write_text(_token_xml("7_1ecb.xml", [
        "The mayor of Brennick , Ann Lo , said the bridge `` will reopen '' on May 3 .".split(),
        "It is n't safe ( yet ) , she said .".split(),
    ]), encoding="utf-8")
    (topic / "7_2ecbplus.xml").write_text(_token_xml("7_2ecbplus.xml", [
        "http : / / www . example . com / brennick - bridge".split(),
        "May 4 , 2013 , 1 : 12 PM".split(),
        "Brennick bridge reopens after 90 - day repair".split(),
    ]), encoding="utf-8")
    other = tmp_path / "ECB+" / "8"
    other.mkdir()
    (other / "8_1ecb.xml").write_text(_token_xml("8_1ecb.xml", [["Other", "."]]), encoding="utf-8")

    docs = read_ecbplus(tmp_path, topics=range(7, 8))
    assert [(d.doc_id, d.topic, d.subtopic) for d in docs] == [
        ("7_1ecb", 7, "ecb"), ("7_2ecbplus", 7, "ecbplus")]
    ecb, plus = docs
    assert ecb.sentences == [
        'The mayor of Brennick, Ann Lo, said the bridge "will reopen" on May 3.',
        "It isn't safe (yet), she said.",
    ]
    assert ecb.text == "\n".join(ecb.sentences) and ecb.title == ecb.sentences[0]
    assert plus.url == "http://www.example.com/brennick-bridge"
    assert plus.sentences[0] == "May 4, 2013, 1:12 PM"
    assert plus.title == "Brennick bridge reopens after 90-day repair"
    assert len(read_ecbplus(tmp_path)) == 3


def test_ecbplus_detokenize_quotes_and_clitics():
    toks = '" We will go , " Lohan ’ s lawyer said at 4 : 59 , costing $ 5 .'.split()
    assert detokenize(toks) == '"We will go," Lohan’s lawyer said at 4:59, costing $5.'


def test_stories_meaning_alone_does_not_merge():
    # as close in meaning as two reports of one kind of event get, with no word or name shared
    arts = _articles(FLOOD[:1], "f") + _articles(TRANSFER[:1], "t")
    vecs = np.array([[1.0, 0.0], [0.8, 0.6]], dtype=np.float32)
    ids = StoryClusterer().assign(arts, vecs)
    assert ids[0] != ids[1]


QUAKES = [
    ("Earthquake of magnitude 6.1 strikes Varnholm, killing 12",
     "An earthquake of magnitude 6.1 struck Varnholm on March 3, 2011, killing 12 people and "
     "damaging the old harbour, the Varnholm fire service said."),
    ("Twelve dead as 6.1 quake hits Varnholm harbour",
     "Twelve people died when a magnitude 6.1 earthquake hit Varnholm on March 3, 2011, the "
     "fire service said, as rescuers searched the old harbour."),
    ("Magnitude 5.4 earthquake shakes Ostrava Bay, two hurt",
     "A magnitude 5.4 earthquake shook Ostrava Bay on October 9, 2013, injuring two people and "
     "cutting power to the Lindqvist district, the regional governor said."),
    ("Ostrava Bay quake cuts power in Lindqvist",
     "The earthquake that shook Ostrava Bay on October 9, 2013 injured two people and left the "
     "Lindqvist district without power, the regional governor said."),
]


def test_stories_two_events_of_one_kind_stay_apart():
    first = _articles(QUAKES[:2], "q")
    second = _articles(QUAKES[2:], "r", when=DAY + timedelta(days=40))
    ids = _assign(StoryClusterer(), first + second)
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_stories_date_terms_read_written_dates_in_the_lead():
    art = _articles(QUAKES[:1], "q")[0]
    same_day = _articles([("Quake", "The quake on March 3, 2011 was felt far inland.")], "d")[0]
    relative = _articles([("Quake", "The quake on Tuesday was felt far inland.")], "e")[0]
    assert set(date_terms(same_day)) <= set(date_terms(art)) and len(date_terms(art)) == 3
    assert date_terms(relative) == {}  # the publication time speaks for "Tuesday"


def test_stories_small_stories_need_more_to_merge():
    arts = _articles(FLOOD[:2], "f")
    vecs = article_vectors(arts, HashingEmbedder())
    probe = StoryClusterer(threshold=100.0, merge_threshold=100.0, lone_margin=None)
    a, b = probe.assign(arts, vecs)
    score = probe.score(a, b)
    assert 0.0 < score < 100.0
    loose = StoryClusterer(threshold=100.0, merge_threshold=score - 0.01, small_margin=0.0)
    assert len(set(loose.assign(arts, vecs))) == 1
    strict = StoryClusterer(threshold=100.0, merge_threshold=score - 0.01, small_margin=0.05)
    assert len(set(strict.assign(arts, vecs))) == 2


def test_stories_prefilter_keeps_the_right_story():
    rng = np.random.default_rng(7)
    noise = rng.normal(size=(300, 384)).astype(np.float32)
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    fillers = [Article(f"n{i}", "o", "", f"Filler {i}", DAY, f"Item {i} about topic{i}")
               for i in range(300)]
    sc = StoryClusterer(candidates=8)
    sc.assign(fillers, noise)
    flood = _articles(FLOOD, "f")
    ids = _assign(sc, flood)
    assert len(set(ids)) == 1 and ids[0] not in {sc.resolve(f"n{i}") for i in range(300)}
    assert len(sc.stories[ids[0]].members) == 3


def test_stories_resolve_follows_chained_merges():
    sc = StoryClusterer()
    sc.merged_into = {"s1": "s2", "s2": "s3"}
    assert sc.resolve("s1") == "s3" and sc.resolve("s3") == "s3" and sc.resolve("x") == "x"


def test_stories_loads_version_2_state():
    flood = _articles(FLOOD, "f")
    sc = StoryClusterer()
    ids = _assign(sc, flood[:2])
    state = json.loads(json.dumps(sc.to_dict()))
    state["version"] = 2
    state["params"] = {"threshold": 0.3, "merge_threshold": 0.14, "window_days": 7.0}
    for s in state["stories"]:
        del s["dates"]
    old = StoryClusterer.from_dict(state)
    assert old.params() == StoryClusterer().params()
    assert _assign(old, flood[2:]) == [ids[0]]


def test_stories_name_terms_finds_names_inside_sentences():
    text = ("Fire crews fought a blaze at the Waitrose store in Wellington on Monday.\n"
            "Waitrose said staff were safe. The store will close.\n"
            "Police Hunt Arson Suspect After Town Centre Blaze")
    got = name_terms(text)
    # Waitrose twice (once at a sentence start), Wellington once; not The, Monday or the headline
    assert sorted(got.values()) == [1, 2]
    assert set(got) == set(name_terms("near Waitrose and Wellington"))
    assert name_terms("All lowercase words here, nothing named.") == {}


def test_bench_stories_reads_coverage_and_clusters_in_batches(tmp_path: Path):
    from bench.realcoverage import event_part
    from bench.stories import cluster, coverage_articles

    arts = _articles(QUAKES, "q")
    events = {"ev-a": {"event": "first quake", "articles": ["q0", "q1"]},
              "ev-b": {"event": "second quake", "articles": ["q2", "q3"]}}
    (tmp_path / "events.json").write_text(json.dumps(events), encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(
        {"id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title,
         "published": (DAY + timedelta(days=40 * (i // 2))).isoformat(), "text": a.text})
        for i, a in enumerate(arts)) + "\n", encoding="utf-8")
    got, gold = coverage_articles(tmp_path)
    assert [a.id for a in got] == ["q0", "q1", "q2", "q3"] and gold["q2"] == "ev-b"
    for event in events:
        part = event_part(event)
        in_part = {e for e in events if event_part(e) == part}
        assert set(coverage_articles(tmp_path, part)[1].values()) == in_part
    stories = cluster(StoryClusterer(), got, article_vectors(got, HashingEmbedder()), batch_size=1, seed=3)
    assert stories["q0"] == stories["q1"] != stories["q2"] == stories["q3"]


def test_stories_block_products_choose_as_one_at_a_time(monkeypatch):
    import consistency.stories.cluster as cluster

    flood, transfer = _articles(FLOOD, "f"), _articles(TRANSFER, "t")
    first, night = [flood[0], transfer[0]], [transfer[1], flood[1], flood[2], transfer[2]]
    results = []
    for block in (1, 2, 256):  # a block of one takes every product afresh, as before blocks
        monkeypatch.setattr(cluster, "BLOCK", block)
        sc = StoryClusterer(candidates=1)
        _assign(sc, first)
        results.append((_assign(sc, night), json.dumps(sc.to_dict(), sort_keys=True)))
    assert results[0] == results[1] == results[2]
    assert len(set(results[0][0])) == 2


def test_stories_block_products_follow_stories_changed_since():
    flood, transfer = _articles(FLOOD, "f"), _articles(TRANSFER, "t")
    sc = StoryClusterer()
    _assign(sc, [flood[0], transfer[0]])
    night = [flood[1], transfer[1]]
    singles = sc.singles(night, article_vectors(night, HashingEmbedder()))
    sc._start_block(singles)
    sc._absorb(sc.stories[sc._ids[0]], singles[1])  # a story changes after the block's products were taken
    fresh = sc._mat[:len(sc._ids)] @ (singles[0].centroid / singles[0].n)
    assert np.allclose(sc._block_dense(0, singles[0]), fresh, atol=1e-6)


FOLLOW_UP = ("Brennick man charged over flood barrier",
             "A Brennick contractor was charged on Friday over the barrier that failed in the "
             "March 3, 2024 flood, when the river Aller burst its banks and 300 homes were flooded.")


def test_stories_referred_days_read_calendar_dates_before_publication():
    art = _articles([("Trial set", "The shooting on Aug. 14, 2023 left two hurt. Police made an arrest "
                                   "in May of 2023 and again on Tuesday. A hearing is set for "
                                   "March 20, 2024, two years after a similar case.")], "r")[0]
    # the Tuesday before the Monday of publication; the hearing is ahead, "two years after" loose
    assert referred_days(art) == [("2023-08-14", "2023-08-14"), ("2023-05-01", "2023-05-31"),
                                  ("2024-02-27", "2024-02-27")]


def test_stories_follow_up_is_as_near_as_the_day_it_names():
    flood = _articles(FLOOD[:2], "f")
    late = _articles([FOLLOW_UP], "late", when=DAY + timedelta(days=200))
    arts = flood + late
    vecs = article_vectors(arts, HashingEmbedder())
    on, off = StoryClusterer(), StoryClusterer(refer_back=False)
    s_on, s_off = on.singles(arts, vecs), off.singles(arts, vecs)
    story = s_on[0]
    on._absorb(story, s_on[1])
    assert on.features(story, s_on[2])["gap"] == np.log1p(1)  # named day March 3, story began March 4
    assert off.features(s_off[0], s_off[2])["gap"] == np.log1p(200)


def test_stories_one_member_naming_a_day_moves_a_grown_story_little():
    flood = _articles(FLOOD, "f")
    later = _articles([FOLLOW_UP, *TRANSFER[:1]], "x", when=DAY + timedelta(days=200))
    arts = flood + later
    sc = StoryClusterer()
    s = sc.singles(arts, article_vectors(arts, HashingEmbedder()))
    early, late = s[0], s[3]
    for other in s[1:3]:
        sc._absorb(early, other)
    sc._absorb(late, s[4])  # a story of two, one of which names the day the early story began
    gap = sc.features(early, late)["gap"]
    # three of the six pairs are the follow-up's: they count one day, the others 200
    assert abs(gap - (np.log1p(1) + np.log1p(200)) / 2) < 1e-9


def test_stories_follow_up_joins_its_event_and_keeps_its_named_day():
    flood = _articles(FLOOD[:2], "f")
    late = _articles([FOLLOW_UP], "late", when=DAY + timedelta(days=200))
    arts = flood + late
    vecs = article_vectors(arts, HashingEmbedder())
    probe = StoryClusterer(refer_back=False)
    ids = probe.assign(arts, vecs)
    assert ids[0] == ids[1] != ids[2]
    sc = StoryClusterer()
    ids = sc.assign(arts, vecs)
    assert len(set(ids)) == 1
    again = StoryClusterer.from_dict(json.loads(json.dumps(sc.to_dict())))
    assert again.to_dict() == sc.to_dict() and again.refer_back


def test_stories_day_named_long_after_a_story_began_is_no_link():
    flood = _articles(FLOOD[:2], "f")
    late = _articles([(FOLLOW_UP[0], FOLLOW_UP[1].replace("March 3, 2024", "March 30, 2024"))], "late",
                     when=DAY + timedelta(days=200))
    arts = flood + late
    sc = StoryClusterer()
    s = sc.singles(arts, article_vectors(arts, HashingEmbedder()))
    assert sc.features(s[0], s[2])["gap"] == np.log1p(200)  # a later day of the story, not its start


ROBBERY = ("Two hurt in Halvert Lane shop robbery",
           "Shopkeeper Orla Menning, 52, and a customer were shot in a robbery at a corner shop on Halvert "
           "Lane in Brennick on Monday. Police arrested 24-year-old Dario Quell nearby, Sergeant Ivo Tamsin said.")
TRIAL = ("Jury hears from shopkeeper at robbery trial",
         "Orla Menning told the jury that Dario Quell fired twice across the counter of her shop in "
         "Brennick before he fled on foot.")
OFFICIAL = ("Brennick police open new station",
            "Sergeant Ivo Tamsin opened the new police station in Brennick on Friday, calling it a "
            "landmark for the town.")


def test_stories_person_terms_read_names_given_with_an_age():
    aged, named = person_terms("Police said Kari Lund Ostby, 31, was held. Sergeant Ivo Tamsin spoke. "
                               "A 40-year-old Elm Grove man was hurt. The 19-year-old victim Teo Brask died.")
    one, _ = person_terms("Twenty-three-year-old Kari Ostby was held.")
    assert set(one) <= set(aged) and len(aged) == 2  # Kari (Lund) Ostby and Teo Brask; no place, no sergeant
    assert set(aged) <= set(named) and len(named) > len(aged)


def test_stories_follow_up_naming_a_person_of_the_story_counts_no_gap():
    early = _articles([ROBBERY], "r")
    late = _articles([TRIAL, OFFICIAL], "late", when=DAY + timedelta(days=200))
    arts = early + late
    sc = StoryClusterer()
    s = sc.singles(arts, article_vectors(arts, HashingEmbedder()))
    assert sc.features(s[0], s[1])["gap"] == 0.0  # the trial names the shopkeeper the report gave an age
    # a full name no article gives an age is no link: officials recur across a town's events
    assert sc.features(s[0], s[2])["gap"] == np.log1p(200)
    assert StoryClusterer(refer_back=False).features(s[0], s[1])["gap"] == np.log1p(200)


def test_stories_person_share_counts_pairs_and_survives_the_state():
    arts = _articles([ROBBERY, FLOOD[0]], "r") + _articles([TRIAL], "late", when=DAY + timedelta(days=200))
    sc = StoryClusterer()
    s = sc.singles(arts, article_vectors(arts, HashingEmbedder()))
    sc._absorb(s[0], s[1])
    # one of the two pairs names the shopkeeper: half the gap
    assert abs(sc.features(s[0], s[2])["gap"] - np.log1p(200) / 2) < 1e-9
    sc.assign(arts, article_vectors(arts, HashingEmbedder()))
    again = StoryClusterer.from_dict(json.loads(json.dumps(sc.to_dict())))
    assert again.to_dict() == sc.to_dict()
    assert any(story.people and story.named for story in again.stories.values())


SHOT = ("Man shot outside Corran Street bar",
        "Pell Arvane, 27, was shot twice outside a bar on Corran Street in Brennick late Friday, police said. "
        "He was taken to hospital in critical condition.")
SHOT_LATER = ("Bar shooting victim dies, family says",
              "Pell Arvane died on Sunday, two days after gunfire outside a Corran Street bar, his family "
              "told reporters at a vigil in Brennick.")
OTHER_SHOT = ("Teen wounded in Brennick park gunfire",
              "Sena Voll, 16, was wounded by gunfire at Oster Park in Brennick late Friday, police said. "
              "She was taken to hospital in critical condition.")


def test_stories_people_feature_is_the_share_of_pairs_naming_one_aged_person():
    arts = _articles([SHOT, SHOT_LATER, OTHER_SHOT], "s")
    sc = StoryClusterer()
    s = sc.singles(arts, article_vectors(arts, HashingEmbedder()))
    assert sc.features(s[0], s[1])["people"] == 1.0  # the follow-up names the victim the report gave an age
    assert sc.features(s[0], s[2])["people"] == 0.0  # one town, one night, another victim
    assert StoryClusterer(refer_back=False).features(s[0], s[1])["people"] == 0.0
    sc._absorb(s[0], s[2])
    assert sc.features(s[0], s[1])["people"] == 0.5


def test_stories_people_weight_lifts_the_score_of_a_follow_up_on_one_victim():
    arts = _articles([SHOT, SHOT_LATER], "s")
    with_people, without = StoryClusterer(), StoryClusterer(weights={**WEIGHTS, "people": 0.0})
    s = with_people.singles(arts, article_vectors(arts, HashingEmbedder()))
    lift = with_people._pair_score(s[0], s[1]) - without._pair_score(s[0], s[1])
    assert abs(lift - WEIGHTS["people"]) < 1e-9


def test_stories_stored_weights_without_people_take_its_default():
    old = {k: v for k, v in WEIGHTS.items() if k != "people"}
    sc = StoryClusterer(weights=old)
    assert sc.weights["people"] == WEIGHTS["people"]
    again = StoryClusterer.from_dict(json.loads(json.dumps({**sc.to_dict(), "params": {**sc.params(),
                                                                                       "weights": old}})))
    assert again.weights == sc.weights
