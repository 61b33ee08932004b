"""The fact scorer's fit: which candidates count as a gold item's, and the figures of a choice."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from bench.realcoverage import values_match

_SPEC = importlib.util.spec_from_file_location(
    "fit_fact_scorer", Path(__file__).resolve().parents[1] / "scripts" / "fit_fact_scorer.py")
fit = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fit)

ITEM = {"values": {"a_1": "$3.5 billion from the budget", "b_1": "$3.6 billion"}}


def _row(article: str, text: str) -> SimpleNamespace:
    return SimpleNamespace(slot=SimpleNamespace(text=text), claim=SimpleNamespace(article_id=article))


def test_fit_fact_scorer_a_row_is_the_items_when_its_digits_are_the_items_value():
    assert values_match(ITEM, _row("a_1", "$3.5 billion"))
    assert not values_match(ITEM, _row("a_1", "$600 million"))
    assert not values_match(ITEM, _row("c_1", "$3.5 billion"))  # the item gives no value there


def test_fit_fact_scorer_a_row_without_digits_matches_by_its_words():
    item = {"values": {"a_1": "voted Wednesday", "b_1": "Tuesday"}}
    assert values_match(item, _row("a_1", "on Wednesday"))
    assert not values_match(item, _row("a_1", "on Friday"))
    assert values_match({"values": {"a_1": "3 pages"}}, _row("a_1", "three"))


def test_fit_fact_scorer_figures_count_each_claim_pair_once_by_its_surest_row():
    rows = [{"pair": ("a", "b"), "label": 1, "items": ["e/0"]},
            {"pair": ("a", "b"), "label": 0, "items": ["e/0"]},
            {"pair": ("c", "d"), "label": 0, "items": []}]
    got = fit.figures_at(rows, np.array([0.9, 0.2, 0.7]), 0.5, 2)
    assert (got["flags"], got["right"], got["items_found"], got["precision"], got["recall"]) == (2, 1, 1, 0.5, 0.5)
    assert fit.figures_at(rows, np.array([0.9, 0.2, 0.7]), 0.8, 2)["flags"] == 1


def test_fit_fact_scorer_a_false_flag_on_an_untouched_article_costs_what_its_weight_says():
    rows = [{"pair": ("a", "b"), "label": 1, "items": ["g1/0"], "event": "g1:s1", "weight": 1.0},
            {"pair": ("c", "d"), "label": 0, "items": [], "event": "g1:s2", "weight": 3.0, "untouched": True},
            {"pair": ("e", "f"), "label": 0, "items": [], "event": "ev9", "weight": 1.0}]
    got = fit.figures_at(rows, np.array([0.9, 0.8, 0.1]), 0.5, 1)
    assert got["precision"] == 0.25  # one right against one false weighing three
    assert got["g1_untouched_false"] == 1
    assert got["real_items_found"] == 0


def test_fit_fact_scorer_real_items_are_those_of_events_not_generated_stories():
    rows = [{"pair": ("a", "b"), "label": 1, "items": ["ev1/0"], "event": "ev1"},
            {"pair": ("c", "d"), "label": 1, "items": ["g2/4"], "event": "g2:s7"}]
    got = fit.figures_at(rows, np.array([0.9, 0.9]), 0.5, 2)
    assert (got["items_found"], got["real_items_found"], got["g2_untouched_false"]) == (2, 1, 0)
