"""The learned comparison of figure pairs kept in the bench: its candidates, features and scoring."""

import sys
from pathlib import Path

import numpy as np
from test_facts import claim

from bench.figure_pairs import FEATURES, marked, pairs
from consistency.compare.facts import facts_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from fit_figure_pairs import figures_at  # noqa: E402

HURT = {"12": ("hurt", ("people",)), "15": ("hurt", ("people",))}


def rows(*claims):
    return [f for i, c in enumerate(claims) for f in facts_of(i, c)]


def alike(r, s):
    return 0.8


def test_two_outlets_giving_one_count_two_ways_make_a_pair_with_its_figures_marked():
    a = claim("a#1", "Police said 12 people were hurt at the Ferro Lane depot.", outlet="A", frames=HURT)
    b = claim("b#1", "Police said 15 people were hurt at the Ferro Lane depot.", outlet="B", frames=HURT)
    pair, = pairs(rows(a, b), alike)
    x = dict(zip(FEATURES, pair.x))
    assert x["similarity"] == 0.8 and x["echo"] == 0.0 and x["mutual_best"] == 1.0 and x["small"] == 0.0
    assert x["context"] == 1.0  # the same words around both figures
    assert marked(pair.a) == "Police said [[12]] people were hurt at the Ferro Lane depot."


def test_one_outlet_or_one_value_makes_no_pair():
    a = claim("a#1", "Police said 12 people were hurt at the Ferro Lane depot.", outlet="A", frames=HURT)
    same_outlet = claim("c#1", "Police said 15 people were hurt at the Ferro Lane depot.", outlet="A", frames=HURT)
    same_value = claim("b#1", "Officers said 12 people were hurt at the depot.", outlet="B", frames=HURT)
    assert pairs(rows(a, same_outlet), alike) == []
    assert pairs(rows(a, same_value), alike) == []


def test_an_outlet_that_gives_the_other_value_too_echoes_it():
    a = claim("a#1", "Police said 12 people were hurt at the Ferro Lane depot.", outlet="A", frames=HURT)
    b1 = claim("b#1", "Police said 15 people were hurt at the Ferro Lane depot.", outlet="B", frames=HURT)
    b2 = claim("b#2", "Earlier, 12 people were hurt at a second depot.", outlet="B", frames=HURT)
    found = pairs(rows(a, b1, b2), alike)
    assert found and all(dict(zip(FEATURES, p.x))["echo"] == 1.0 for p in found)


def test_figures_count_each_claim_pair_once_by_its_surest_candidate():
    rows_ = [{"pair": ("a#1", "b#1"), "items": ["s/0"], "weight": 1.0},
             {"pair": ("a#1", "b#1"), "items": [], "weight": 1.0},
             {"pair": ("a#2", "b#2"), "items": [], "weight": 3.0}]
    t = figures_at(rows_, np.array([0.9, 0.95, 0.8]), 0.85, {"s/0", "s/1"})
    # the pair's surest candidate (.95) matches nothing, though a weaker one of the same claims does
    assert (t["flags"], t["right"], t["worth_found"]) == (1, 0, 0)
    t = figures_at(rows_, np.array([0.99, 0.95, 0.8]), 0.7, {"s/0", "s/1"})
    assert (t["flags"], t["right"], t["worth_found"], t["precision"]) == (2, 1, 1, 0.25)
