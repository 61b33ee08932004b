"""The sources are read while Ray starts, not after."""

import threading

import pytest

from consistency import Options
from consistency.engine import distributed

pytest.importorskip("ray")


def test_engine_start_reads_while_ray_starts(monkeypatch):
    read = threading.Event()

    def slow_start(options, num_cpus=None):  # Ray is up only once the reading has happened meanwhile
        assert read.wait(timeout=10), "the sources were not read while Ray started"
        return 0.1

    def reading():
        read.set()
        return ["an article"]

    monkeypatch.setattr(distributed, "init_ray", slow_start)
    assert distributed.while_ray_starts(Options(engine="ray"), reading) == ["an article"]


def test_engine_start_raises_the_readings_error(monkeypatch):
    monkeypatch.setattr(distributed, "init_ray", lambda options, num_cpus=None: 0.0)

    def broken():
        raise ValueError("articles.jsonl:3: 'published' is not a date")

    with pytest.raises(ValueError, match="articles.jsonl:3"):
        distributed.while_ray_starts(Options(engine="ray"), broken)
