"""Stored stories load their centroids up front and their profiles only when scored, with the same results."""

import json
from datetime import datetime, timedelta, timezone

import numpy as np

from consistency.embed import HashingEmbedder
from consistency.records import Article
from consistency.stories.cluster import StoryClusterer, article_vectors
from consistency.stories.threads import ThreadLinker
from consistency.store.database import HEADS_KEPT, Store

DAY = datetime(2026, 2, 2, 8, tzinfo=timezone.utc)
SUBJECTS = ["harbour of Kesk", "bridge at Orlen", "dam on the Vesra", "tram line in Maraby", "airport of Tullin",
            "school in Perrow", "mine near Hask", "ferry to Iskel", "hospital of Dunmar", "stadium of Rovel"]


def _articles(prefix: str, day: int, per_subject: int = 2) -> list[Article]:
    out = []
    for s, subject in enumerate(SUBJECTS):
        for k in range(per_subject):
            text = (f"Officials said the {subject} closed on Monday after {s + 3} inspectors found cracks. "
                    f"Repairs at the {subject} will take {k + 2} weeks, the council of {subject.split()[-1]} said.")
            out.append(Article(f"{prefix}{s}-{k}", f"Outlet{k}", f"https://o.example/{prefix}{s}-{k}",
                               f"The {subject} closes", DAY + timedelta(days=day, hours=k), text))
    return out


def _assign(sc: StoryClusterer, arts: list[Article]) -> list[str]:
    return sc.assign(arts, article_vectors(arts, HashingEmbedder()))


def _stored(sc: StoryClusterer) -> tuple[StoryClusterer, list[str]]:
    """``sc`` saved to a store and read back lazily; the ids of the stories whose profiles were read."""
    state = json.loads(json.dumps(sc.to_dict()))
    rows = {s["id"]: s for s in state["stories"]}
    read: list[str] = []

    def profiles(ids):
        read.extend(ids)
        return {i: rows[i] for i in ids}

    heads = [(s["id"], np.asarray(s["centroid"], np.float32), s["n"], s["first"], s["last"]) for s in state["stories"]]
    head = {k: v for k, v in state.items() if k != "stories"}
    return StoryClusterer.from_stored(head, heads, profiles), read


def test_story_loading_reads_only_the_candidates_and_assigns_as_a_whole_load():
    whole = StoryClusterer(candidates=3)
    _assign(whole, _articles("a", 0))
    assert len(whole.stories) > 6  # more stories than candidates: only some are scored
    lazy, read = _stored(whole)
    whole = StoryClusterer.from_dict(json.loads(json.dumps(whole.to_dict())))
    tonight = _articles("b", 1, per_subject=1)[:2]
    assert _assign(lazy, tonight) == _assign(whole, tonight)
    assert 0 < len(set(read)) < len(whole.stories)
    assert lazy.to_dict() == whole.to_dict()  # every story, read or not, saves as the whole load does
    assert ThreadLinker().link(lazy) == ThreadLinker().link(whole)


def test_story_loading_store_keeps_heads_and_refills_them_after_an_older_writer(tmp_path):
    sc = StoryClusterer()
    _assign(sc, _articles("a", 0))
    with Store(tmp_path / "s", model="hashing") as store:
        with store.transaction():
            store.save_story_state(sc.head_dict(), [sc.story_dict(s) for s in sc.stories], [])
        head, heads = store.story_heads()
        assert head == sc.head_dict()
        assert [h[0] for h in heads] == list(sc.stories)
        assert all(np.array_equal(c, np.asarray(sc.story_dict(i)["centroid"], np.float32)) and n == sc.stories[i].n
                   for i, c, n, _, _ in heads)
        # a version that does not keep the head columns rewrites a story's JSON and the shared state
        changed = dict(sc.story_dict(heads[0][0]), n=99, centroid=[0.5] * len(heads[0][1]))
        store.db.execute("UPDATE stories SET data=? WHERE id=?", (json.dumps(changed), changed["id"]))
        store.set_meta("stories", sc.head_dict())
        _, again = store.story_heads()
        assert again[0][2] == 99 and np.allclose(again[0][1], 0.5)
        assert store.get_meta("stories")[HEADS_KEPT] is True
