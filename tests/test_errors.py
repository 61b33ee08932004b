"""Errors a user can cause reach the CLI as one line, and the library as one exception type."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from consistency.cli import main
from consistency.embed import get_embedder
from consistency.errors import ConsistencyError, UsageError
from consistency.records import Article
from consistency.store.database import Store


def _store_with_story_state(path, state: dict) -> None:
    article = Article(id="a1", outlet="Orbis", url="https://orbis.example/1", title="Bridge",
                      published=datetime(2026, 3, 10, tzinfo=timezone.utc), text="The bridge reopened on Monday.")
    with Store(path, model="hashing") as store:
        store.insert_articles([article], ["orbis.example/1"], None)
        store.set_meta("stories", state)


def test_errors_story_state_of_another_version_is_one_line(tmp_path):
    _store_with_story_state(tmp_path / "s", {"version": 99})
    out = CliRunner().invoke(main, ["check", "--store", str(tmp_path / "s"), "--embedder", "hashing"])
    assert out.exit_code == 1
    assert "Traceback" not in out.output and out.output.count("\n") == 1
    assert "story state has version 99" in out.output and "new store" in out.output


def test_errors_unknown_embedder_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown embedder 'bert'"):
        get_embedder("bert")
    assert issubclass(UsageError, ConsistencyError) and issubclass(UsageError, ValueError)


def test_errors_empty_query_exits_2_with_one_line(tmp_path):
    with Store(tmp_path / "s", model="hashing"):
        pass
    out = CliRunner().invoke(main, ["query", "   ", "--store", str(tmp_path / "s"), "--embedder", "hashing"])
    assert out.exit_code == 2 and "the query is empty" in out.output and "Traceback" not in out.output
