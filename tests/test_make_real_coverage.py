"""The real-coverage converter: unpickling news items safely, outlets from archived URLs, the selection rule."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import pickle
import sys
import types
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "make_real_coverage", Path(__file__).resolve().parents[1] / "scripts" / "make_real_coverage.py")
mrc = importlib.util.module_from_spec(_SPEC)
sys.modules["make_real_coverage"] = mrc  # dataclasses look their module up
_SPEC.loader.exec_module(mrc)

LONG = " ".join(["The river rose by two metres overnight and the council closed the old bridge."] * 8)


class NewsItem:
    """Shaped like the pickled class of the source corpus."""

    def __init__(self, title: str, content: str, dct: object, uri: str) -> None:
        self.title, self.content, self.dct, self.uri = title, content, dct, uri


def _pickle_item(path: Path, **fields) -> None:
    """Pickle a NewsItem as if it came from a module named ``classes``."""
    module = types.ModuleType("classes")
    NewsItem.__module__ = "classes"
    module.NewsItem = NewsItem
    sys.modules["classes"] = module
    try:
        path.write_bytes(pickle.dumps(NewsItem(**fields)))
    finally:
        del sys.modules["classes"]


def _incident(root: Path, key: str, outlets: list[str], text: str = LONG) -> None:
    folder = root / key
    folder.mkdir(parents=True)
    for n, host in enumerate(outlets):
        _pickle_item(folder / f"{n:032x}.json", title=f"Bridge closed {n}", content=f"{text} Copy {n}.",
                     dct=dt.date(2019, 3, 1 + n), uri=f"http://web.archive.org/web/20190301/http://www.{host}:80/news/{n}")


def test_make_real_coverage_outlet_is_the_host_of_the_archived_url():
    url = mrc.original_url("http://web.archive.org/web/20161006084402/http://www.rivertimes.com:80/news/x")
    assert url == "http://www.rivertimes.com:80/news/x"
    assert mrc.outlet_of(url) == "rivertimes.com"
    assert mrc.outlet_of(mrc.original_url("valleypost.org/story")) == "valleypost.org"


def test_make_real_coverage_reads_items_and_drops_short_and_repeated_texts(tmp_path):
    _incident(tmp_path, "7", ["rivertimes.com", "valleypost.org"])
    folder = tmp_path / "7"
    _pickle_item(folder / ("f" * 32 + ".json"), title="Stub", content="Subscribe to read.", dct=dt.date(2019, 3, 9),
                 uri="http://hillnews.net/a")
    first = sorted(folder.glob("*.json"))[0]
    (folder / ("e" * 32 + ".json")).write_bytes(first.read_bytes())  # a word-for-word repeat
    arts = mrc.incident_articles(folder)
    assert [a.outlet for a in arts] == ["rivertimes.com", "valleypost.org"]
    assert arts[0].published == "2019-03-01" and arts[0].id.startswith("gvc-7-")


def test_make_real_coverage_refuses_pickles_of_other_classes(tmp_path):
    path = tmp_path / "bad.json"
    path.write_bytes(pickle.dumps(Path("/tmp")))
    with pytest.raises(pickle.UnpicklingError):
        mrc.load_item(path)


def test_make_real_coverage_choice_is_fixed_by_the_seed_and_the_rule(tmp_path):
    for key, outlets in {"1": ["a.com", "b.com", "c.com"], "2": ["a.com", "b.com"],
                         "3": ["a.com", "b.com", "c.com", "d.com"], "4": ["a.com", "a.com", "b.com"],
                         "5": ["a.com", "b.com", "c.com"]}.items():
        _incident(tmp_path, key, outlets)
    incidents = mrc.read_incidents(tmp_path)
    chosen = mrc.choose(incidents, limit=10, seed=44)
    assert sorted(chosen) == ["1", "3", "5"]  # two outlets only: left out
    assert chosen == mrc.choose(incidents, limit=10, seed=44)
    assert mrc.choose(incidents, limit=2, seed=44) == chosen[:2]
    assert sorted(mrc.choose(incidents, limit=10, seed=44, max_articles=3)) == ["1", "5"]


def test_make_real_coverage_writes_the_basil_layout(tmp_path):
    _incident(tmp_path / "src", "9", ["a.com", "b.com", "c.com"])
    incidents = mrc.read_incidents(tmp_path / "src")
    assert mrc.write_corpus(incidents, ["9"], tmp_path / "out") == (1, 3)
    rows = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert set(rows[0]) == {"id", "outlet", "url", "title", "published", "text"}
    events = json.loads((tmp_path / "out" / "events.json").read_text())
    assert events["9"]["articles"] == [r["id"] for r in rows] and events["9"]["event"] == "Bridge closed 0"
