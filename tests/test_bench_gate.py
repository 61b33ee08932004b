"""The benchmark gate: key figures on corpora the repository holds must not fall below bench/baseline.json."""

from __future__ import annotations

import pytest

from bench.gate import load_baseline, measure, regressions

BASE = {"sample": {"corpus": "abc", "articles": 23, "recall": 1.0, "precision": 0.9, "false_flags": 0}}


def test_bench_gate_passes_figures_at_or_above_their_floors():
    measured = {"sample": {"corpus": "abc", "articles": 23, "recall": 1.0, "precision": 0.95, "false_flags": 0}}
    assert regressions(measured, BASE) == []


def test_bench_gate_fails_a_figure_below_its_floor_and_a_count_above_its_ceiling():
    measured = {"sample": {"corpus": "abc", "articles": 23, "recall": 0.9, "precision": 0.9, "false_flags": 2}}
    assert regressions(measured, BASE) == ["sample: recall fell to 0.9 (floor 1.0)",
                                           "sample: false_flags rose to 2 (ceiling 0)"]


def test_bench_gate_fails_when_the_corpus_or_a_figure_is_gone():
    assert "the corpus changed" in regressions({"sample": dict(BASE["sample"], corpus="xyz")}, BASE)[0]
    assert regressions({"sample": {"corpus": "abc", "recall": 1.0, "false_flags": 0}}, BASE) == [
        "sample: precision is no longer measured (baseline 0.9)"]
    assert regressions({}, BASE) == ["sample: not measured"]


def test_bench_gate_baseline_holds_both_corpora():
    baseline = load_baseline()
    assert set(baseline) == {"sample", "draw"}
    for floors in baseline.values():
        assert floors["corpus"] and floors["recall"] > 0 and floors["precision"] > 0


@pytest.mark.slow
def test_bench_gate_no_figure_falls_below_its_floor():
    failed = regressions(measure(), load_baseline())
    assert not failed, "\n".join(failed)


def test_bench_gate_invented_stories_are_the_same_every_time_and_name_nobody_twice():
    import re

    from bench.storygen import FIRST, LAST, generated_sources

    first, again = generated_sources(9), generated_sources(9)
    assert first == again and len(first) == 27 and len({s.story for s in first}) == 9
    name = re.compile(rf"\b({'|'.join(FIRST)}) ({'|'.join(LAST)})\b")
    people = {m.group() for s in first for line in s.sentences for m in name.finditer(line)}
    assert len(people) == 27  # three people a story
    assert len({p.split()[0] for p in people}) == len({p.split()[1] for p in people}) == 27
    with pytest.raises(ValueError, match="at most 10 stories"):
        generated_sources(11)
