import json
import sqlite3
from datetime import datetime, timedelta, timezone

from consistency.embed import HashingEmbedder
from consistency.records import Article
from consistency.stories.cluster import StoryClusterer, article_vectors
from consistency.stories.threads import ThreadLinker

DAY = datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)

# Two earthquakes in one region five weeks apart: two events, one ongoing subject.
FIRST_QUAKE = [
    ("Earthquake of magnitude 6.1 strikes Varnholm province, killing 12",
     "An earthquake of magnitude 6.1 struck the Varnholm province on March 3, 2024, killing 12 people "
     "in the harbour town of Eskby, the Varnholm fire service said. Rescuers searched collapsed homes."),
    ("Twelve dead as 6.1 quake hits Eskby in Varnholm",
     "Twelve people died when a magnitude 6.1 earthquake hit Eskby in the Varnholm province on March 3, "
     "2024, the Varnholm fire service said, as rescuers searched collapsed homes near the harbour."),
]
SECOND_QUAKE = [
    ("Aftershock of magnitude 5.2 rattles Varnholm, two hurt in Tolva",
     "A magnitude 5.2 aftershock shook the mountain village of Tolva on April 8, 2024, injuring two "
     "people and cutting power to the valley, Varnholm's regional governor said."),
    ("New 5.2 tremor shakes Tolva, injuring two",
     "Two villagers in Tolva were hurt when a magnitude 5.2 tremor shook the valley on April 8, 2024, "
     "the regional governor of Varnholm said, as power lines came down."),
]
TRANSFER = [
    ("Kestrel United sign striker Tomas Varga for record fee",
     "Kestrel United have signed striker Tomas Varga from Porto Alvo for a club record "
     "fee of 40 million euros, the club announced."),
    ("Varga joins Kestrel in record transfer",
     "Striker Tomas Varga completed his record transfer to Kestrel United on Tuesday, "
     "with Porto Alvo receiving 40 million euros."),
]


def _articles(pairs, prefix, when=DAY):
    return [Article(f"{prefix}{i}", f"outlet{i}", f"https://example.org/{prefix}{i}", title, when, text)
            for i, (title, text) in enumerate(pairs)]


def _night(sc, linker, arts):
    ids = sc.assign(arts, article_vectors(arts, HashingEmbedder()))
    linker.link(sc, ids)
    return [sc.resolve(s) for s in ids]


def test_threads_two_events_of_one_kind_are_two_stories_in_one_thread():
    sc, linker = StoryClusterer(), ThreadLinker()
    first = _night(sc, linker, _articles(FIRST_QUAKE, "q") + _articles(TRANSFER, "t", DAY + timedelta(days=1)))
    second = _night(sc, linker, _articles(SECOND_QUAKE, "r", DAY + timedelta(days=36)))
    quake1, transfer, quake2 = first[0], first[2], second[0]
    assert first[1] == quake1 and first[3] == transfer and second[1] == quake2
    assert len({quake1, quake2, transfer}) == 3  # three events, three stories
    threads = linker.thread_of
    assert threads[quake1] == threads[quake2]  # the second quake joined the first one's thread
    assert threads[transfer] != threads[quake1]  # the unrelated event has a thread of its own
    assert linker.members()[threads[transfer]] == [transfer]


def test_threads_a_lone_story_moves_to_its_subject_as_it_grows():
    sc, linker = StoryClusterer(), ThreadLinker()
    quake = _night(sc, linker, _articles(FIRST_QUAKE, "q"))[0]
    later = DAY + timedelta(days=36)
    lone = [("Power lines down in Tolva valley", "Power lines came down across the Tolva valley on Monday and two "
             "villagers were hurt, the regional governor said.")]
    story = _night(sc, linker, _articles(lone, "p", later))[0]
    assert linker.thread_of[story] != linker.thread_of[quake]  # one article says too little of its subject
    grown = _night(sc, linker, _articles(SECOND_QUAKE, "r", later))
    assert grown == [story, story]  # the aftershock reports join the power-cut story...
    assert linker.thread_of[story] == linker.thread_of[quake]  # ...which then joins the quake thread
    assert set(linker.members()) == {linker.thread_of[quake]}


def test_threads_follow_a_story_merged_away():
    sc, linker = StoryClusterer(), ThreadLinker()
    ids = _night(sc, linker, _articles(FIRST_QUAKE, "q"))
    sc.merged_into["gone"] = ids[0]  # a story merged away leaves the links
    linker.thread_of["gone"] = "thread-old"
    linker.link(sc)
    assert "gone" not in linker.thread_of and set(linker.thread_of) == set(sc.stories)


def test_threads_bar_keeps_every_story_alone_when_high():
    sc, linker = StoryClusterer(), ThreadLinker(threshold=50.0)
    _night(sc, linker, _articles(FIRST_QUAKE, "q"))
    _night(sc, linker, _articles(SECOND_QUAKE, "r", DAY + timedelta(days=36)))
    assert len(set(linker.thread_of.values())) == len(sc.stories) == 2


def _write(tmp_path, rows):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title,
                                        "published": a.published.isoformat(), "text": a.text}) + "\n"
                            for a in rows), encoding="utf-8")
    return path


def _stored_threads(opts):
    from consistency.pipeline import open_store

    with open_store(opts) as store:
        story_of = store.article_stories()
        thread_of = store.story_threads()
    return story_of, {a: thread_of.get(s) for a, s in story_of.items()}


def _to_store_without_threads(path):
    """Rewrite a store's stories table as stores made before threads had it."""
    db = sqlite3.connect(path / "consistency.sqlite")
    db.executescript("CREATE TABLE old (id TEXT PRIMARY KEY, data TEXT NOT NULL);"
                     "INSERT INTO old SELECT id, data FROM stories; DROP TABLE stories;"
                     "ALTER TABLE old RENAME TO stories; DELETE FROM meta WHERE key='threads';")
    db.commit()
    db.close()


def test_threads_store_links_stories_and_migrates_an_old_store(tmp_path):
    from consistency import Options, check, ingest
    from consistency.store.database import Store

    opts = Options(store=tmp_path / "store", embedder="hashing")
    arts = (_articles(FIRST_QUAKE, "q") + _articles(TRANSFER, "t", DAY + timedelta(days=1))
            + _articles(SECOND_QUAKE, "r", DAY + timedelta(days=36)))
    ingest([_write(tmp_path, arts)], opts)
    check(opts)
    story_of, thread_of = _stored_threads(opts)
    assert len(set(story_of.values())) == 3 and len(set(thread_of.values())) == 2
    assert thread_of["q0"] == thread_of["r0"] != thread_of["t0"]
    assert story_of["q0"] != story_of["r0"]

    _to_store_without_threads(opts.store)
    with Store(opts.store, readonly=True) as old:  # read-only, an old store still opens: no threads yet
        assert old.story_threads() == {} and old.stories_without_thread() == 0
    with Store(opts.store) as store:  # opened for writing, it gains the column
        assert store.stories_without_thread() == 3
    check(opts)  # no new article: the stories are linked all the same
    assert _stored_threads(opts) == (story_of, thread_of)


def test_threads_report_groups_runs_of_one_thread_only_when_they_hold_two_stories():
    from consistency.report.files import thread_groups

    stories = [{"id": "a", "thread_id": "t1"}, {"id": "b", "thread_id": "t1"}, {"id": "c", "thread_id": "t2"},
               {"id": "d", "thread_id": None}]
    groups = thread_groups(stories, [{"id": "t1", "title": "A", "stories": ["a", "b"], "stories_in_store": 3}])
    assert [(g["thread"] and g["thread"]["id"], [st["id"] for st in g["stories"]]) for g in groups] == [
        ("t1", ["a", "b"]), (None, ["c"]), (None, ["d"])]
